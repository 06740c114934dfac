"""Command 1 of the README (tools/run-app.sh) installs every Debian library the app links.

A fresh machine's first start died with ``ImportError: libpulse.so.0`` (QtMultimedia): the
CI machine had the library only because the test command installs GStreamer. This test does
what the dynamic linker will do on a user's machine: it lists the compiled modules the app
imports (every PySide6, VTK and OpenCV module named in app/, ui/, widgets/, plus everything
those import) and the Qt plugins Qt loads for them (the xcb platform and its GL integrations,
the multimedia backend, image formats, icon engines, input contexts), runs ``ldd`` on each,
maps every library found outside the wheels to its Debian package (``dpkg -S``) and fails
when that package is not covered by command 1's install list: listed, pulled in by a listed
package's dependencies, or Essential. A library that ``ldd`` cannot find at all fails too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not (shutil.which("dpkg-query") and shutil.which("ldd")),
    reason="maps libraries to Debian packages: needs dpkg and ldd")

#: Qt plugin folders (under PySide6/Qt/plugins) the app's Qt loads on a Linux desktop. Not:
#: platformthemes (GTK/portal themes: Qt skips one that cannot load), wayland-* and the other
#: platforms (the 3D view renders through xcb), and plugins of modules the app never uses.
QT_PLUGINS = ("platforms/libqxcb.so", "xcbglintegrations", "multimedia", "imageformats",
              "iconengines", "platforminputcontexts")
#: what the app imports lazily, found in its source (an import inside a function counts)
LAZY_IMPORT = re.compile(r"^\s*(?:from|import)\s+(PySide6\.\w+|vtkmodules\.[\w.]+|cv2)\b",
                         re.MULTILINE)

#: run in a fresh interpreter: import what the GUI imports, print every shared object it
#: mapped (extension modules and the libraries they load: OpenCV's native module has no
#: __file__ of its own, so the process's memory map is the one honest list)
_IMPORT_ALL = """
import importlib, pkgutil, sys
names = sys.argv[1:]
import ui, widgets
for package in (ui, widgets):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        names.append(info.name)
names.append("app.runtime.engine")
for name in names:
    importlib.import_module(name)
import PySide6
print(PySide6.__file__)
with open("/proc/self/maps") as maps:
    print(*sorted({line.split()[-1] for line in maps if ".so" in line}), sep=chr(10))
"""


def _lazy_imports() -> set[str]:
    found: set[str] = set()
    for folder in ("app", "ui", "widgets"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(LAZY_IMPORT.findall(path.read_text(encoding="utf-8")))
    return found


def _compiled_modules() -> tuple[list[Path], set[str], Path]:
    """The compiled files from installed packages a GUI process loads, the names of every
    library it mapped, and PySide6's package folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _IMPORT_ALL, *sorted(_lazy_imports())],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    first, *paths = out.stdout.split()
    # installed packages only: the interpreter's own modules (_ssl, _sqlite3 … in
    # lib-dynload) come with Python, the README's prerequisite
    return ([Path(p) for p in paths if _in_site_packages(Path(p))],
            {Path(p).name for p in paths}, Path(first).parent)


def _in_site_packages(path: Path) -> bool:
    paths = sysconfig.get_paths()
    return any(path.resolve().is_relative_to(Path(paths[key]).resolve())
               for key in ("purelib", "platlib"))


def _qt_plugins(pyside: Path) -> list[Path]:
    plugins = pyside / "Qt" / "plugins"
    found: list[Path] = []
    for name in QT_PLUGINS:
        path = plugins / name
        assert path.exists(), f"no Qt plugin {name} in the PySide6 wheel"
        found += sorted(path.glob("*.so")) if path.is_dir() else [path]
    return found


def _ldd(path: Path) -> dict[str, str | None]:
    """soname → the file the dynamic linker resolves it to (None: not found)."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=60)
    libs: dict[str, str | None] = {}
    for line in out.stdout.splitlines():
        match = re.match(r"\s*(\S+) => (not found|(\S+) \(0x)", line)
        if match:
            libs[match[1]] = match[3]
    return libs


def _owners(paths: Iterable[str]) -> dict[str, str | None]:
    """Library file → the Debian package that installed it (None: no package owns it).
    With a merged /usr, dpkg knows a file under either /lib or /usr/lib; both are asked."""
    def variants(path: str) -> list[str]:
        real = os.path.realpath(path)
        names = {path, real}
        for p in list(names):
            names.add(p[4:] if p.startswith("/usr/lib/") else "/usr" + p)
        return sorted(names)

    asked = {path: variants(path) for path in paths}
    everything = sorted({v for vs in asked.values() for v in vs})
    out = subprocess.run(["dpkg-query", "-S", *everything], capture_output=True, text=True,
                         timeout=120)
    owner_of: dict[str, str] = {}
    for line in out.stdout.splitlines():
        packages, _, file = line.partition(": ")
        if file and not packages.startswith("diversion by"):
            owner_of[file.strip()] = packages.split(",")[0].split(":")[0].strip()
    return {path: next((owner_of[v] for v in vs if v in owner_of), None)
            for path, vs in asked.items()}


def _install_list() -> set[str]:
    """Every Debian package command 1 asks for, whether installed here or not."""
    out = subprocess.run(["bash", str(ROOT / "tools" / "run-app.sh")],
                         env={**os.environ, "DEBIAN_DEPS_LIST": "1"}, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split())


def _installed_closure(roots: set[str]) -> tuple[set[str], set[str]]:
    """(the roots with every package their Depends/Pre-Depends pull in, as installed here;
    the Essential packages, present on every Debian system)."""
    out = subprocess.run(["dpkg-query", "-W", "-f",
                          "${Package}\t${Essential}\t${Provides}\t${Pre-Depends}, "
                          "${Depends}\n"], capture_output=True, text=True, timeout=60)
    depends: dict[str, set[str]] = {}
    providers: dict[str, set[str]] = {}
    essential: set[str] = set()
    for line in out.stdout.splitlines():
        name, is_essential, provides, deps = line.split("\t")
        if is_essential == "yes":
            essential.add(name)
        for virtual in _names(provides):
            providers.setdefault(virtual, set()).add(name)
        depends[name] = _names(deps)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        for real in ({name} if name in depends else providers.get(name, set())):
            if real not in seen:
                seen.add(real)
                todo.extend(depends.get(real, ()))
    return seen, essential


def _names(field: str) -> set[str]:
    """Package names in a Depends-style field: alternatives, versions, :arch dropped."""
    return {re.split(r"[\s:(]", alt.strip(), maxsplit=1)[0]
            for item in field.split(",") for alt in item.split("|") if alt.strip()}


def test_command_one_installs_every_library_the_app_links() -> None:
    modules, mapped, pyside = _compiled_modules()
    assert any(p.name.startswith("QtMultimedia") for p in modules), "QtMultimedia not seen"
    assert any(p.parent.name == "vtkmodules" for p in modules), "VTK not seen"
    assert any(p.name.startswith("cv2") for p in modules), "OpenCV not seen"
    needed_by: dict[str, str] = {}  # system library → one file that links it
    not_found: list[str] = []
    for path in modules + _qt_plugins(pyside):
        for soname, resolved in _ldd(path).items():
            # a library bundled in a wheel may lean on a sibling its loader already mapped
            if resolved is None and soname not in mapped:
                not_found.append(f"{soname} (needed by {path.name})")
            elif resolved is not None and not _in_site_packages(Path(resolved)):  # the wheels ship the rest
                needed_by.setdefault(resolved, path.name)
    assert not not_found, f"libraries the linker cannot find: {sorted(set(not_found))}"
    assert "libpulse0" in {o for o in _owners(needed_by).values()}, "QtMultimedia's PulseAudio"

    listed = _install_list()
    covered, essential = _installed_closure(listed)
    unowned, uncovered = [], {}
    for library, package in sorted(_owners(needed_by).items()):
        if package is None:
            unowned.append(f"{library} (needed by {needed_by[library]})")
        elif package not in covered and package not in essential:
            uncovered.setdefault(package, f"{library} (needed by {needed_by[library]})")
    assert not unowned, f"libraries no Debian package installed: {unowned}"
    assert not uncovered, ("add to APP_RUNTIME_PKGS in tools/debian-deps.sh: "
                           + "; ".join(f"{pkg}: {why}" for pkg, why in sorted(uncovered.items())))


def test_the_install_list_names_real_packages() -> None:
    """A misspelt package would make apt-get fail on the fresh machine it is meant for."""
    listed = _install_list()
    out = subprocess.run(["apt-cache", "policy", *sorted(listed)], capture_output=True,
                         text=True, timeout=120)
    known = set(re.findall(r"^(\S+):$", out.stdout, re.MULTILINE))
    assert listed - known == set()
