"""The house rules that keep the engine free of Qt: enforced by import-linter contracts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports_cmd() -> list[str]:
    return [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
            " sys.exit(lint_imports_command())"]


def test_project_keeps_its_import_contracts() -> None:
    result = subprocess.run(_lint_imports_cmd(), cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def _engine_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    return [name.strip() for layer in layers for name in layer.split("|")]


def test_contract_catches_qt_import_in_engine(tmp_path: Path) -> None:
    """The same contracts, applied to a tree where app/ imports PySide6 inside a function
    and ingest imports sources (the wire contract is the seam between them), must fail:
    proof that the check guards what it claims to."""
    for pkg in ("app", "ui", "widgets", *(f"app/{name}" for name in _engine_layers())):
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text("")
    (tmp_path / "app" / "ingest" / "decode.py").write_text("from app.sources import base\n")
    (tmp_path / "app" / "sneaky.py").write_text(
        "def show():\n    from PySide6 import QtWidgets\n    return QtWidgets\n")
    (tmp_path / "widgets" / "view.py").write_text("import app.sneaky\n")
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    contracts = config[config.index("[tool.importlinter]"):]
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(contracts))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(_lint_imports_cmd(), cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "app.sneaky -> PySide6" in result.stdout
    assert "widgets.view -> app.sneaky" in result.stdout
    assert "app.ingest.decode -> app.sources" in result.stdout
