"""Load a scene folder (docs/scene-format.md) into a validated ``Scene``.

``scene.json`` names the site and the data files; each data file is a JSON object whose
keys are Scene sections (``devices``, ``buildings`` ...). A section may be split over
several files, concatenated in the order listed. Every problem is one ``SceneError`` line
naming the file and the key path inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from app.scene.errors import SceneError, describe_decode, describe_validation
from app.scene.model import Scene, Site
from app.scene.validate import Problem, find_problems, normalise
from app.scene.writer import FORMAT

SECTIONS: tuple[str, ...] = tuple(
    f.name for f in msgspec.structs.fields(Scene) if f.name != "site")

# one data file: any subset of the Scene's sections, nothing else
_Part = msgspec.defstruct(
    "_Part", [(f.name, f.type, ()) for f in msgspec.structs.fields(Scene) if f.name != "site"],
    forbid_unknown_fields=True, kw_only=True)


class _Manifest(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    site: Site
    files: tuple[str, ...] = ()


@dataclass
class Provenance:
    """Where each section's items came from, so a problem found in the merged Scene is
    reported against the file and the index inside it."""

    manifest: str = "scene"
    spans: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)

    def item(self, section: str, index: int | None) -> tuple[str, str]:
        """(file, 'devices[3]') for an item of the merged scene."""
        for name, start, count in self.spans.get(section, ()):
            if index is not None and start <= index < start + count:
                return name, f"{section}[{index - start}]"
        return self.manifest, section if index is None else f"{section}[{index}]"

    def locate(self, problem: Problem) -> str:
        name, where = self.item(problem.section, problem.index)
        message = problem.message
        if problem.also is not None:
            other_name, other = self.item(problem.section, problem.also)
            message += f" (first at {other_name}: {other})"
        return f"{name}: {where}{_suffix(problem.path)}: {message}"


def _suffix(path: str) -> str:
    return "" if not path else path if path.startswith("[") else f".{path}"


def format_problem(problem: Problem) -> str:
    """One line for a problem found in a Scene that has no files behind it."""
    return Provenance(manifest="").locate(problem).removeprefix(": ")


def _read(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SceneError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise SceneError(f"{shown}: is a folder, expected a JSON file") from None
    except OSError as exc:
        raise SceneError(f"{shown}: cannot read: {exc.strerror}") from None


def _decode(data: bytes, kind: Any, shown: str) -> Any:
    try:
        return msgspec.json.decode(data, type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise SceneError(f"{shown}: {describe_validation(str(exc))}") from None
    except msgspec.DecodeError as exc:
        raise SceneError(f"{shown}: not valid JSON: {describe_decode(str(exc), data)}") from None


def read_scene(path: str | Path) -> tuple[Scene, Provenance]:
    """Decode a scene folder (or its scene.json) without validating it."""
    path = Path(path)
    manifest_path = path / "scene.json" if path.is_dir() or not path.suffix else path
    folder = manifest_path.parent
    shown = str(manifest_path)
    if not folder.is_dir():
        raise SceneError(f"{folder}: no such scene folder")
    manifest = _decode(_read(manifest_path, shown), _Manifest, shown)
    if manifest.format != FORMAT:
        raise SceneError(f"{shown}: format: unsupported {manifest.format!r}, expected {FORMAT!r}")
    prov = Provenance(manifest=shown)
    sections: dict[str, list[Any]] = {name: [] for name in SECTIONS}
    for i, name in enumerate(manifest.files):
        file_path = folder / name
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise SceneError(f"{shown}: files[{i}]: {name!r} must be a path inside the folder")
        part = _decode(_read(file_path, str(file_path)), _Part, str(file_path))
        for section in SECTIONS:
            items = getattr(part, section)
            if items:
                prov.spans.setdefault(section, []).append(
                    (str(file_path), len(sections[section]), len(items)))
                sections[section].extend(items)
    scene = Scene(site=manifest.site, **{k: tuple(v) for k, v in sections.items()})
    return scene, prov


def load_scene(path: Path) -> Scene:
    """Load, normalise (see ``validate.normalise``) and validate a scene folder."""
    scene, prov = read_scene(path)
    problems = find_problems(scene)
    if problems:
        raise SceneError(prov.locate(problems[0]))
    return normalise(scene)


def check_scene(scene: Scene, origin: str = "scene") -> Scene:
    """Validate a Scene built elsewhere (e.g. imported); the normalised scene or SceneError."""
    problems = find_problems(scene)
    if problems:
        raise SceneError(f"{origin}: {format_problem(problems[0])}")
    return normalise(scene)
