"""The camera wall's toolbar: layout buttons (icons drawn from the layout itself, so they
always match) and the mask / facade tools for the selected camera."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QToolBar, QWidget

#: layout name -> tile cells (row, column, row span, column span); tile 0 is the main tile
LAYOUTS: dict[str, list[tuple[int, int, int, int]]] = {
    "1": [(0, 0, 1, 1)],
    "4": [(r, c, 1, 1) for r in range(2) for c in range(2)],
    "9": [(r, c, 1, 1) for r in range(3) for c in range(3)],
    "16": [(r, c, 1, 1) for r in range(4) for c in range(4)],
    "1+5": [(0, 0, 2, 2), (0, 2, 1, 1), (1, 2, 1, 1), (2, 0, 1, 1), (2, 1, 1, 1),
            (2, 2, 1, 1)],
}
ICON = 22


def layout_icon(name: str) -> QIcon:
    cells = LAYOUTS[name]
    side = max(r + rs for r, _, rs, _ in cells)
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    step = (ICON - 2) / side
    p.setPen(QColor(20, 24, 29))
    for index, (r, c, rs, cs) in enumerate(cells):
        colour = QColor(108, 180, 240) if index == 0 and rs > 1 else QColor(170, 180, 192)
        p.setBrush(colour)
        p.drawRect(QRectF(1 + c * step, 1 + r * step, cs * step - 1, rs * step - 1))
    p.end()
    return QIcon(pixmap)


class WallToolBar(QToolBar):
    sig_layout = Signal(str)
    sig_masks = Signal()
    sig_facade = Signal()
    sig_zones = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraWallToolBar")
        self.setIconSize(QSize(ICON, ICON))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        titles = {"1": self.tr("1"), "4": self.tr("2×2"), "9": self.tr("3×3"),
                  "16": self.tr("4×4"), "1+5": self.tr("1 large + 5")}
        self.layout_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for name in ("1", "4", "9", "16", "1+5"):
            action = QAction(layout_icon(name), titles[name], self, checkable=True)
            action.setToolTip(self.tr("Wall layout: %1").replace("%1", titles[name]))
            action.triggered.connect(lambda _=False, n=name: self.sig_layout.emit(n))
            group.addAction(action)
            self.addAction(action)
            self.layout_actions[name] = action
        self.addSeparator()
        self.masks_action = QAction(self.tr("Privacy masks…"), self)
        self.masks_action.setToolTip(self.tr("Draw privacy masks and shield zones on the "
                                             "selected camera"))
        self.masks_action.triggered.connect(self.sig_masks)
        self.facade_action = QAction(self.tr("Facade calibration…"), self)
        self.facade_action.setToolTip(self.tr("Click the facade corners of the selected "
                                              "camera and enter its floors and columns"))
        self.facade_action.triggered.connect(self.sig_facade)
        self.zones_action = QAction(self.tr("Construction zones…"), self)
        self.zones_action.setToolTip(self.tr("Draw the lawns, no-build areas, fire lanes and "
                                             "rooftops watched for illegal construction"))
        self.zones_action.triggered.connect(self.sig_zones)
        self.addAction(self.masks_action)
        self.addAction(self.facade_action)
        self.addAction(self.zones_action)

    def set_editing_allowed(self, allowed: bool) -> None:
        """Masks and facades are for users who may edit them (the engine checks again)."""
        self.masks_action.setVisible(allowed)
        self.facade_action.setVisible(allowed)
        self.zones_action.setVisible(allowed)

    def set_layout(self, name: str) -> None:
        self.layout_actions[name].setChecked(True)
