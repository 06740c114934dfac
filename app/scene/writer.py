"""Write a Scene as a scene folder (docs/scene-format.md): the inverse of ``loader``.

One item a line, fields that are None left out: compact files whose diffs stay readable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from app.scene.model import Scene

FORMAT = "control-room-scene/1"

#: which sections go into which file (every Scene section except site appears once)
LAYOUT: dict[str, tuple[str, ...]] = {
    "buildings.json": ("buildings",),
    "ground.json": ("roads", "lawns", "zones", "parking", "gates"),
    "cameras.json": ("cameras",),
    "microphones.json": ("microphones",),
    "walkways.json": ("walk_nodes", "walk_edges"),
    "pipes.json": ("pipes",),
    "technicians.json": ("technicians",),
    "devices.json": ("devices",),
}


def plain(value: Any) -> Any:
    """Builtins without None values (every optional field of the model defaults to None)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def dumps_sections(scene: Scene, sections: tuple[str, ...]) -> bytes:
    parts = []
    for key in sections:
        items = b",\n".join(msgspec.json.encode(plain(msgspec.to_builtins(item)))
                            for item in getattr(scene, key))
        parts.append(b'"%s": [\n%s\n]' % (key.encode(), items) if items
                     else b'"%s": []' % key.encode())
    return b"{" + b",\n".join(parts) + b"}\n"


def save_scene(scene: Scene, folder: str | Path,
               layout: dict[str, tuple[str, ...]] = LAYOUT) -> Path:
    """Write ``scene`` into ``folder`` (created if needed); returns the scene.json path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"format": FORMAT, "site": plain(msgspec.to_builtins(scene.site)),
                "files": list(layout)}
    path = folder / "scene.json"
    path.write_bytes(msgspec.json.format(msgspec.json.encode(manifest)) + b"\n")
    for name, sections in layout.items():
        (folder / name).write_bytes(dumps_sections(scene, sections))
    return path
