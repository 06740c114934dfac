"""Every text the wall writes is listed for lupdate (ui/wall/words.py) and has its Chinese
in resources/translations/zh_CN/wall.tsv; with the zh_CN catalogue loaded the wall speaks
Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.i18n import install_translators
from ui.wall import theme, words

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _literals() -> set[str]:
    found = set()
    for path in (ROOT / "ui" / "wall").glob("*.py"):
        if path.name == "words.py":
            continue
        found |= {m.group(2) for m in re.finditer(r"""wt\((["'])(.*?)\1\)""",
                                                  path.read_text(encoding="utf-8"))}
    return found


def _tsv() -> dict[tuple[str, str], str]:
    rows = (line.split("\t") for line in
            (ROOT / "resources/translations/zh_CN/wall.tsv").read_text("utf-8").splitlines())
    return {(c, s): t for c, s, t in rows}


def test_every_wall_text_is_listed_and_translated():
    literals = _literals()
    assert literals and literals <= set(words.WORDS), literals - set(words.WORDS)
    tsv = _tsv()
    missing = [s for s in words.WORDS if ("Wall", s) not in tsv]
    assert not missing, missing
    for look in theme.SEVERITY_LOOK.values():
        assert ("Wall", look.word) in tsv


def test_the_wall_speaks_chinese_with_the_catalogue(qapp):
    translators = install_translators(qapp, "zh_CN")
    try:
        assert theme.severity_word(4) == "危急"
        assert QCoreApplication.translate("Wall", "UNACKNOWLEDGED") == "未确认"
        assert QCoreApplication.translate("WallPanel", "Take control") == "接管控制"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
