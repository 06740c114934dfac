"""Languages: zh_CN is complete, the window speaks the chosen language, the choice follows
--lang > config > saved > locale, and the UI font draws Chinese."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from app import paths
from tests.ui.test_main_window_fixtures import SITE_NAME, demo_room, scripted_engine  # noqa: F401
from ui.i18n import choose_language, install_translators, kind_name, translations_dir
from ui.main_window import MainWindow
from ui.theme import pick_ui_font

TS_DIR = paths.resources_dir() / "translations"


def test_zh_cn_catalogue_has_no_unfinished_string():
    root = ET.parse(TS_DIR / "control_room_zh_CN.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished"
                  or not (m.find("translation").text or "").strip()]
    assert unfinished == []


def test_compiled_catalogues_sit_beside_their_sources():
    for lang in ("zh_CN", "en"):
        ts = translations_dir() / f"control_room_{lang}.ts"
        qm = ts.with_suffix(".qm")
        assert qm.is_file() and qm.stat().st_size > 100, "run resources/translations/update.py"


@pytest.mark.parametrize(("cli", "config", "saved", "system", "expected"), [
    ("en", "zh_CN", "zh_CN", "zh_CN", "en"),
    (None, "en", "zh_CN", "zh_CN", "en"),
    (None, None, "en", "zh_CN", "en"),
    (None, None, None, "zh_TW", "zh_CN"),
    (None, None, None, "zh", "zh_CN"),
    (None, None, None, "de_DE", "en"),
    (None, None, "fr", "de_DE", "en"),  # a stray saved value is ignored
    (None, None, None, "C", "zh_CN"),  # no language configured: Chinese first
])
def test_language_precedence(cli, config, saved, system, expected):
    assert choose_language(cli, config, saved, system) == expected


@pytest.fixture
def translated(qapp):
    installed = []

    def install(lang: str):
        installed.extend(install_translators(qapp, lang))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


@pytest.mark.gui
def test_chinese_window(qtbot, scripted_engine, translated, tmp_path):  # noqa: F811
    from PySide6.QtCore import QSettings

    translated("zh_CN")
    engine, _ = scripted_engine
    win = MainWindow(demo_room(engine), lang="zh_CN",
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.windowTitle() == f"演示 DEMO — 智慧物业控制室 — {SITE_NAME}"
    assert _menu_titles(win) == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert win.inspector_dock.windowTitle() == "设备详情"
    assert kind_name("water_meter") == "水表" and kind_name("gas_detector") == "燃气探测器"
    assert "已连接" in win.status._link.text()


@pytest.mark.gui
def test_english_window(qtbot, scripted_engine, translated, tmp_path):  # noqa: F811
    from PySide6.QtCore import QSettings

    translated("en")
    engine, _ = scripted_engine
    win = MainWindow(demo_room(engine), lang="en",
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.windowTitle() == f"DEMO — Smart Property Control Room — {SITE_NAME}"
    assert _menu_titles(win) == ["&File", "&View", "&Help"]
    assert kind_name("water_meter") == "Water meter"


@pytest.mark.gui
def test_ui_font_draws_chinese(qapp):
    font = pick_ui_font()
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "智慧物业控制室水表")
    assert isinstance(QApplication.instance(), QApplication)


@pytest.mark.gui
def test_every_character_the_ui_writes_has_a_glyph(qapp):
    """Each non-ASCII character in ui/, widgets/ and the Chinese catalogue is drawn by the UI
    font (Noto Sans CJK) or DejaVu Sans, both installed by command 1
    (tools/debian-deps.sh). The alarm board's pause and muted-speaker symbols were empty
    boxes."""
    ui_font, fallback = QFontMetrics(pick_ui_font()), QFontMetrics(QFont("DejaVu Sans"))
    root = paths.resources_dir().parent
    files = [*sorted((root / "ui").rglob("*.py")), *sorted((root / "widgets").rglob("*.py")),
             TS_DIR / "control_room_zh_CN.ts"]
    blank = {}
    for path in files:
        for ch in set(path.read_text(encoding="utf-8")):
            if ord(ch) > 0x7F and not (ui_font.inFontUcs4(ord(ch))
                                       or fallback.inFontUcs4(ord(ch))):
                blank.setdefault(ch, path.relative_to(root).as_posix())
    assert not blank, blank


@pytest.mark.gui
def test_event_alarm_details_are_worded_not_raw(translated):
    """An event's data reads as words in the operator's language: the simulator's gas-leak
    fault is "原因 燃气泄漏，程度 0.6", not "fault=gas_leak, severity=0.6"; a key with no
    wording yet still shows as key=value rather than vanishing."""
    from app.alarms.messages import detail
    from app.alarms.model import Alarm
    from ui.alarm_labels import describe

    def alarm(data):
        return Alarm(id="a", device_id="B01-GAS-1", type="event.fault", severity=3,
                     message="", raised_at=0.0, last_at=0.0,
                     detail=detail("event", data=data))

    translated("zh_CN")
    assert describe(alarm({"fault": "gas_leak", "severity": 0.6})) == "原因 燃气泄漏，程度 0.6"
    assert describe(alarm({"state": "covered", "lux": 3})) == "状态 被遮挡，lux=3"


def _helper_calls() -> list[tuple[str, str, str | None, str, int]]:
    """Every ``_tr("…")`` / ``tr("…")`` with a literal that a module of ui/ or widgets/
    hands to its own translate helper (or to another module's ``X.tr``): lupdate does not
    collect these, so each must also be listed (QT_TRANSLATE_NOOP) to be translated."""
    import ast

    root = Path(__file__).resolve().parents[2]
    out = []
    for path in sorted([*root.glob("ui/**/*.py"), *root.glob("widgets/**/*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {n.name for n in tree.body
                   if isinstance(n, ast.FunctionDef) and n.name in ("_tr", "tr")}
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            f, text = node.func, node.args[0].value
            if isinstance(f, ast.Name) and f.id in helpers:
                out.append((module, f.id, None, text, node.lineno))
            elif (isinstance(f, ast.Attribute) and f.attr == "tr"
                  and isinstance(f.value, ast.Name) and f.value.id != "self"):
                out.append((module, "tr", f.value.id, text, node.lineno))
    return out


@pytest.mark.gui
def test_every_word_handed_to_a_translate_helper_reads_in_chinese(translated):  # noqa: F811
    """The camera wall's event banner, its buttons and its event list showed in English on
    a Chinese desk: their words had moved into a module whose ``_tr("…")`` lupdate never
    collected, so they had left the catalogue."""
    import importlib

    translated("zh_CN")
    calls = _helper_calls()
    assert len(calls) > 20, "the scan finds the helpers' calls"
    untranslated = []
    for module, name, owner, text, line in calls:
        mod = importlib.import_module(module)
        helper = getattr(mod, name) if owner is None else getattr(mod, owner).tr
        if helper(text) == text and any(c.isascii() and c.isalpha() for c in text):
            untranslated.append(f"{module}:{line} {text!r}")
    assert not untranslated, untranslated
