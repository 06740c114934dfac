"""Languages: choosing one, installing Qt translators, and the shared vocabularies
(device kinds, status levels) that several panels display.

Source strings are English; translations live in resources/translations as Qt .ts (edited)
and .qm (compiled, committed). Regenerate with ``python resources/translations/update.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths
from app.domain.kinds import DEVICE_KINDS, Level

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
CATALOG = "control_room"

#: one table for every kind in CONTRACTS; translated in the "DeviceKind" context
KIND_NAMES: dict[str, str] = {
    "water_meter": QT_TRANSLATE_NOOP("DeviceKind", "Water meter"),
    "power_meter": QT_TRANSLATE_NOOP("DeviceKind", "Power meter"),
    "gas_detector": QT_TRANSLATE_NOOP("DeviceKind", "Gas detector"),
    "heat_meter": QT_TRANSLATE_NOOP("DeviceKind", "Heat meter"),
    "smoke_detector": QT_TRANSLATE_NOOP("DeviceKind", "Smoke detector"),
    "fire_hydrant_pressure": QT_TRANSLATE_NOOP("DeviceKind", "Fire hydrant pressure"),
    "sprinkler_valve": QT_TRANSLATE_NOOP("DeviceKind", "Sprinkler valve"),
    "elevator": QT_TRANSLATE_NOOP("DeviceKind", "Elevator"),
    "water_pump": QT_TRANSLATE_NOOP("DeviceKind", "Water pump"),
    "water_tank_level": QT_TRANSLATE_NOOP("DeviceKind", "Water tank level"),
    "lighting_circuit": QT_TRANSLATE_NOOP("DeviceKind", "Lighting circuit"),
    "pipe_pressure": QT_TRANSLATE_NOOP("DeviceKind", "Pipe pressure"),
    "transformer": QT_TRANSLATE_NOOP("DeviceKind", "Transformer"),
    "manhole_cover": QT_TRANSLATE_NOOP("DeviceKind", "Manhole cover"),
    "door_access": QT_TRANSLATE_NOOP("DeviceKind", "Door access"),
    "barrier_gate": QT_TRANSLATE_NOOP("DeviceKind", "Barrier gate"),
    "parking_space": QT_TRANSLATE_NOOP("DeviceKind", "Parking space"),
    "ev_charger": QT_TRANSLATE_NOOP("DeviceKind", "EV charger"),
    "camera": QT_TRANSLATE_NOOP("DeviceKind", "Camera"),
    "microphone": QT_TRANSLATE_NOOP("DeviceKind", "Microphone"),
    "panic_button": QT_TRANSLATE_NOOP("DeviceKind", "Panic button"),
}
assert set(KIND_NAMES) == set(DEVICE_KINDS), "every CONTRACTS kind needs a display name"

LEVEL_NAMES: dict[Level, str] = {
    Level.NORMAL: QT_TRANSLATE_NOOP("Level", "Normal"),
    Level.WARNING: QT_TRANSLATE_NOOP("Level", "Warning"),
    Level.ALARM: QT_TRANSLATE_NOOP("Level", "Alarm"),
    Level.STALE: QT_TRANSLATE_NOOP("Level", "Stale"),
    Level.OFFLINE: QT_TRANSLATE_NOOP("Level", "Offline"),
    Level.UNKNOWN: QT_TRANSLATE_NOOP("Level", "No data"),
}


#: the roles of app.security.roles, translated in the "Role" context
ROLE_NAMES: dict[str, str] = {
    "guard": QT_TRANSLATE_NOOP("Role", "Security guard"),
    "engineer": QT_TRANSLATE_NOOP("Role", "Engineer"),
    "dispatcher": QT_TRANSLATE_NOOP("Role", "Dispatcher"),
    "supervisor": QT_TRANSLATE_NOOP("Role", "Supervisor"),
    "auditor": QT_TRANSLATE_NOOP("Role", "Auditor"),
    "instructor": QT_TRANSLATE_NOOP("Role", "Instructor"),
    "trainee": QT_TRANSLATE_NOOP("Role", "Trainee"),
    "administrator": QT_TRANSLATE_NOOP("Role", "Administrator"),
    "wall": QT_TRANSLATE_NOOP("Role", "Video wall"),
}


def role_name(role: object) -> str:
    key = str(getattr(role, "value", role))
    source = ROLE_NAMES.get(key)
    return QCoreApplication.translate("Role", source) if source else key


def kind_name(kind: str) -> str:
    source = KIND_NAMES.get(kind)
    return QCoreApplication.translate("DeviceKind", source) if source else kind


def level_name(level: Level) -> str:
    return QCoreApplication.translate("Level", LEVEL_NAMES[level])


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def language_from_locale(name: str) -> str:
    """zh, zh_CN, zh_TW ... → zh_CN (the only Chinese we ship); a machine that names no
    language (C/POSIX: a fresh control-room PC, a kiosk) → zh_CN, Chinese first; any other
    language → en."""
    lowered = name.lower()
    if lowered.startswith("zh") or lowered in ("", "c", "posix"):
        return "zh_CN"
    return "en"


def choose_language(cli: str | None, config: str | None, saved: str | None = None,
                    system_locale: str | None = None) -> str:
    """--lang beats the config file, which beats the user's saved menu choice, which beats
    the system locale."""
    for choice in (cli, config, saved):
        if choice in LANGUAGES:
            return choice
    return language_from_locale(system_locale or QLocale.system().name())


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install ours and Qt's own (standard dialogs, context menus). The caller keeps the
    returned list alive: a translator collected by Python silently stops translating."""
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"{CATALOG}_{lang}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no %s translation in %s", lang, translations_dir())
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qtbase)
            installed.append(qtbase)
    QLocale.setDefault(QLocale(lang))
    return installed
