"""ZoneEditor: draw a camera's construction/encroachment zones on a frozen frame, name them
and say what each is — a lawn (green_space), a no-build strip, a fire lane, a rooftop —
and how long a change must stay before it is raised.

Drawing is the mask editor's (ui/polygon_drawing.py); each polygon carries an id, a name
and a kind, edited beside the picture. Save sends them to the room as a
``SetConstructionZones`` command (role, camera scope and audit in the handler); the engine
validates them as a CONTRACTS zones file and names what is wrong.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facade.commands import SetConstructionZones
from app.facade.errors import CommandError
from app.facade.room import ControlRoom
from app.vision.construction.zones import DEFAULT_PERSIST_S, KINDS
from ui.camera_canvas import FrameCanvas
from ui.command_feedback import error_text
from ui.polygon_drawing import PolygonDrawing

_KIND_NAMES = {"green_space": QT_TRANSLATE_NOOP("ZoneEditor", "Green space (lawn)"),
               "no_build": QT_TRANSLATE_NOOP("ZoneEditor", "No-build area"),
               "fire_lane": QT_TRANSLATE_NOOP("ZoneEditor", "Fire lane"),
               "rooftop": QT_TRANSLATE_NOOP("ZoneEditor", "Rooftop")}


def kind_names() -> dict[str, str]:
    """Each zone kind in the operator's language (the zone editor and the review list)."""
    return {kind: QCoreApplication.translate("ZoneEditor", text)
            for kind, text in _KIND_NAMES.items()}


class ZoneEditor(QDialog):
    def __init__(self, room: ControlRoom, camera_id: str, title: str = "",
                 parent: QWidget | None = None, *, frame: np.ndarray | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ZoneEditor")
        self.setWindowTitle(self.tr("Construction zones — %1").replace("%1", title or camera_id))
        self.room, self.camera_id = room, camera_id
        snap = room.cameras.latest(camera_id) if room.cameras is not None else None
        if frame is None:
            frame = (snap.frame.copy() if snap is not None
                     else np.zeros((360, 640, 3), np.uint8))
        self.kinds = kind_names()
        self.meta: list[dict] = []  # id, name, kind of each polygon, in drawing order
        self._build(frame)
        settings = room.cameras.settings(camera_id) if room.cameras is not None else None
        zones = getattr(settings, "construction", None)
        if zones is not None:
            for z in zones.zones:
                self.drawing.polygons["zone"].append([tuple(p) for p in z.polygon_px])
                self.meta.append({"id": z.id, "name": z.name, "kind": z.kind})
            self.persist.setValue(zones.min_persist_s / 3600.0)
        self._refresh_list()
        self.drawing.redraw()

    def _build(self, frame: np.ndarray) -> None:
        self.canvas = FrameCanvas()
        self.canvas.set_camera(self.camera_id)
        self.canvas.set_status("online")
        self.canvas.set_frame(frame)
        self.drawing = PolygonDrawing(self.canvas, ("zone",), lambda: "zone", self._style,
                                      parent=self)
        self.drawing.sig_closed.connect(self._on_closed)
        self.drawing.sig_deleted.connect(self._on_deleted)
        self.drawing.sig_selected.connect(self._on_selected)
        self.zone_list = QListWidget()
        self.zone_list.setObjectName("ZoneList")
        self.zone_list.currentRowChanged.connect(self._on_row)
        self.zone_id = QLineEdit()
        self.zone_name = QLineEdit()
        self.zone_kind = QComboBox()
        for kind in KINDS:
            self.zone_kind.addItem(self.kinds[kind], kind)
        for widget in (self.zone_id, self.zone_name):
            widget.textEdited.connect(self._on_edited)
        self.zone_kind.currentIndexChanged.connect(self._on_edited)
        self.persist = QDoubleSpinBox()
        self.persist.setRange(0.1, 24 * 14)
        self.persist.setDecimals(1)
        self.persist.setSuffix(self.tr(" h"))
        self.persist.setValue(DEFAULT_PERSIST_S / 3600.0)
        form = QFormLayout()
        form.addRow(self.tr("Id"), self.zone_id)
        form.addRow(self.tr("Name"), self.zone_name)
        form.addRow(self.tr("Kind"), self.zone_kind)
        form.addRow(self.tr("Alarm after it stays"), self.persist)
        self.hint = QLabel(self.tr("Click to add a vertex; double-click or Enter closes the "
                                   "zone; click inside one to select it, Delete removes it."))
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.delete_button.clicked.connect(self.drawing.delete_selected)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.delete_button, self.save_button, cancel):
            button.setAutoDefault(False)  # Enter closes a polygon, never the dialog
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Zones")))
        side.addWidget(self.zone_list, 1)
        side.addLayout(form)
        side.addWidget(self.delete_button)
        side.addStretch(1)
        side.addWidget(self.save_button)
        side.addWidget(cancel)
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(side)
        self.resize(1150, 660)

    def _style(self, _kind: str, index: int) -> tuple[str, str]:
        m = self.meta[index] if index < len(self.meta) else {}
        return "zone", m.get("name") or m.get("id", "")

    # ---- zone list and fields ------------------------------------------------------------
    def _new_id(self) -> str:
        used = {m["id"] for m in self.meta}
        n = 1
        while f"zone-{n}" in used:
            n += 1
        return f"zone-{n}"

    def _on_closed(self, _kind: str, index: int) -> None:
        self.meta.insert(index, {"id": self._new_id(), "name": "",
                                 "kind": self.zone_kind.currentData() or KINDS[0]})
        self._refresh_list()

    def _on_deleted(self, _kind: str, index: int) -> None:
        del self.meta[index]
        self._refresh_list()

    def _on_selected(self, which) -> None:  # noqa: ANN001
        row = which[1] if which is not None else -1
        if self.zone_list.currentRow() != row:
            self.zone_list.setCurrentRow(row)
        self.delete_button.setEnabled(which is not None)
        self._show_fields(row)

    def _on_row(self, row: int) -> None:
        if row >= 0 and self.drawing.selected != ("zone", row):
            self.drawing.select(("zone", row))

    def _show_fields(self, row: int) -> None:
        m = self.meta[row] if 0 <= row < len(self.meta) else None
        for widget in (self.zone_id, self.zone_name, self.zone_kind):
            widget.blockSignals(True)
            widget.setEnabled(m is not None)
        self.zone_id.setText(m["id"] if m else "")
        self.zone_name.setText(m["name"] if m else "")
        if m:
            self.zone_kind.setCurrentIndex(KINDS.index(m["kind"]))
        for widget in (self.zone_id, self.zone_name, self.zone_kind):
            widget.blockSignals(False)

    def _on_edited(self, *_args) -> None:
        which = self.drawing.selected
        if which is None:
            return
        m = self.meta[which[1]]
        m["id"], m["name"] = self.zone_id.text().strip(), self.zone_name.text().strip()
        m["kind"] = self.zone_kind.currentData()
        self._refresh_list()
        self.drawing.redraw()

    def _refresh_list(self) -> None:
        self.zone_list.blockSignals(True)
        self.zone_list.clear()
        for m in self.meta:
            self.zone_list.addItem(f"{m['name'] or m['id']} — {self.kinds[m['kind']]}")
        sel = self.drawing.selected
        self.zone_list.setCurrentRow(sel[1] if sel else -1)
        self.zone_list.blockSignals(False)

    # ---- saving --------------------------------------------------------------------------
    def zones_json(self) -> dict:
        return {"zones": [{"id": m["id"], "kind": m["kind"], "name": m["name"],
                           "polygon_px": [list(p) for p in poly]}
                          for m, poly in zip(self.meta, self.drawing.polygons["zone"],
                                             strict=True)],
                "min_persist_s": round(self.persist.value() * 3600.0, 1)}

    def save(self) -> None:
        self.drawing.close_polygon()  # a zone left open with enough vertices is meant
        try:
            self.room.execute(SetConstructionZones(camera_id=self.camera_id,
                                                   zones=self.zones_json()))
        except CommandError as exc:  # the engine names the problem
            self.hint.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return
        self.accept()
