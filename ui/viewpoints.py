"""Saved viewpoints: named camera positions of the 3D view, kept in QSettings so the night
shift finds the day shift's "south gate" or "garage B1" views.

A viewpoint is the camera's focal point and eye position; restoring one flies there with
the view's smooth animation, so the operator keeps their bearings.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QWidget,
)

from ui.compound_view import CompoundView

SETTINGS_KEY = "view3d/viewpoints"


class ViewpointsPanel(QWidget):
    def __init__(self, view: CompoundView, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ViewpointsPanel")
        self._view = view
        self._settings = settings if settings is not None else QSettings()
        self.combo = QComboBox(self)
        self.save_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.delete_button)
        self.retranslate()
        self._reload()
        self.combo.activated.connect(self._on_activated)
        self.save_button.clicked.connect(self._on_save)
        self.delete_button.clicked.connect(self._on_delete)

    def retranslate(self) -> None:
        self.combo.setPlaceholderText(self.tr("Saved views…"))
        self.save_button.setText(self.tr("Save view"))
        self.delete_button.setText(self.tr("Delete"))

    # ---- the store ---------------------------------------------------------------------
    def viewpoints(self) -> dict[str, dict[str, list[float]]]:
        raw = self._settings.value(SETTINGS_KEY, "{}")
        try:
            data = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:  # a hand-edited settings file must not break the panel
            return {}
        return {k: v for k, v in data.items()
                if isinstance(v, dict) and len(v.get("focal", ())) == 3
                and len(v.get("position", ())) == 3}

    def save_current(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        points = self.viewpoints()
        points[name] = self._view.camera_pose()
        self._write(points)
        self.combo.setCurrentIndex(self.combo.findText(name))

    def restore(self, name: str, duration_ms: int = 600) -> bool:
        pose = self.viewpoints().get(name)
        if pose is None:
            return False
        self._view.set_camera_pose(pose, duration_ms)
        return True

    def delete(self, name: str) -> None:
        points = self.viewpoints()
        if points.pop(name, None) is not None:
            self._write(points)

    def _write(self, points: dict) -> None:
        self._settings.setValue(SETTINGS_KEY, json.dumps(points, ensure_ascii=False))
        self._settings.sync()
        self._reload()

    def _reload(self) -> None:
        self.combo.clear()
        self.combo.addItems(sorted(self.viewpoints()))
        self.combo.setCurrentIndex(-1)

    # ---- slots -------------------------------------------------------------------------
    def _on_activated(self, index: int) -> None:
        self.restore(self.combo.itemText(index))

    def _on_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name:"))
        if ok:
            self.save_current(name)

    def _on_delete(self) -> None:
        if self.combo.currentIndex() >= 0:
            self.delete(self.combo.currentText())
