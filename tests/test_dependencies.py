"""Every third-party package the shipped code imports is a dependency in pyproject.toml, so
README command 1 (``pip install -e .``) installs it on a fresh machine. This machine has
many more packages than a fresh one: an import of one that is not declared would pass
every other test here and fail on a user's first start."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("app", "ui", "widgets", "bench")  # the wheel's packages (tests/test_packaging.py)


def _top_level_imports() -> dict[str, str]:
    """Imported top-level module → the first file importing it (third-party only)."""
    found: dict[str, str] = {}
    for folder in SHIPPED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in (*SHIPPED, "__future__") and top not in sys.stdlib_module_names:
                        found.setdefault(top, path.relative_to(ROOT).as_posix())
    return found


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_package_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_canonical(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0])
                for d in project["dependencies"]}
    providers = md.packages_distributions()
    imports = _top_level_imports()
    assert {"PySide6", "vtkmodules", "cv2", "sqlalchemy", "paho"} <= set(imports)  # it looks
    undeclared = {module: where for module, where in imports.items()
                  if not declared & {_canonical(d) for d in providers.get(module, [module])}}
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"
