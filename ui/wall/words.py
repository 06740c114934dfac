"""Every text the wall writes with ``wt()`` (ui/wall/tile.py), listed for lupdate: it finds
strings only in ``QT_TRANSLATE_NOOP`` / ``translate`` calls with a literal context, so the
tiles' ``wt("…")`` calls are gathered here in the "Wall" context (their Chinese is in
resources/translations/zh_CN/wall.tsv; a test keeps this list complete)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

WORDS = (
    QT_TRANSLATE_NOOP("Wall", "%1 alarms in %2 minutes"),
    QT_TRANSLATE_NOOP("Wall", "%1 h ago"),
    QT_TRANSLATE_NOOP("Wall", "%1 min"),
    QT_TRANSLATE_NOOP("Wall", "%1 min ago"),
    QT_TRANSLATE_NOOP("Wall", "%1 more alarms waiting"),
    QT_TRANSLATE_NOOP("Wall", "%1 offline"),
    QT_TRANSLATE_NOOP("Wall", "%1 past SLA"),
    QT_TRANSLATE_NOOP("Wall", "%1 s"),
    QT_TRANSLATE_NOOP("Wall", "%1 unacknowledged"),
    QT_TRANSLATE_NOOP("Wall", "%1 vs same weekday"),
    QT_TRANSLATE_NOOP("Wall", "%1 · by schedule"),
    QT_TRANSLATE_NOOP("Wall", "%1 · chosen by %2 (%3)"),
    QT_TRANSLATE_NOOP("Wall", "+ %1 more"),
    QT_TRANSLATE_NOOP("Wall", "ACKNOWLEDGED"),
    QT_TRANSLATE_NOOP("Wall", "ALARM FLOOD"),
    QT_TRANSLATE_NOOP("Wall", "B%1"),
    QT_TRANSLATE_NOOP("Wall", "Camera: %1"),
    QT_TRANSLATE_NOOP("Wall", "Floor %1"),
    QT_TRANSLATE_NOOP("Wall", "LIVE"),
    QT_TRANSLATE_NOOP("Wall", "No open alarms"),
    QT_TRANSLATE_NOOP("Wall", "Open alarms"),
    QT_TRANSLATE_NOOP("Wall", "STALE"),
    QT_TRANSLATE_NOOP("Wall", "Technicians"),
    QT_TRANSLATE_NOOP("Wall", "The compound"),
    QT_TRANSLATE_NOOP("Wall", "The wall holds still: work the list at a console."),
    QT_TRANSLATE_NOOP("Wall", "UNACKNOWLEDGED"),
    QT_TRANSLATE_NOOP("Wall", "Video wall"),
    QT_TRANSLATE_NOOP("Wall", "all within SLA"),
    QT_TRANSLATE_NOOP("Wall", "beyond its limit"),
    QT_TRANSLATE_NOOP("Wall", "dispatch is not running"),
    QT_TRANSLATE_NOOP("Wall", "just now"),
    QT_TRANSLATE_NOOP("Wall", "no data"),
    QT_TRANSLATE_NOOP("Wall", "no energy source yet"),
    QT_TRANSLATE_NOOP("Wall", "no fresh data"),
    QT_TRANSLATE_NOOP("Wall", "no parking source yet"),
    QT_TRANSLATE_NOOP("Wall", "none"),
    QT_TRANSLATE_NOOP("Wall", "of %1"),
    QT_TRANSLATE_NOOP("Wall", "outside its normal band"),
    QT_TRANSLATE_NOOP("Wall", "stale"),
    QT_TRANSLATE_NOOP("Wall", "waiting for data"),
)
