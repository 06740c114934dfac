"""VideoTile: one pane of the camera wall (presentational: it knows nothing of the engine).

It paints a BGR numpy frame scaled to fit (letterboxed), a title bar with the camera name, a
status dot and the frame rate, overlay polylines/polygons given as plain lists in image
pixels, a "NO SIGNAL" state, an alarm banner and a selection border. A camera id dropped on
it (mime type ``MIME_CAMERA``) is announced with ``sig_camera_dropped``; dragging a tile
carries its camera id to another tile.

Overlays are ``(kind, points, label)`` tuples; kind is one of ``OVERLAY_KINDS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from PySide6.QtCore import QByteArray, QMimeData, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QFont,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

MIME_CAMERA = "application/x-control-room-camera"
TITLE_H = 24
OVERLAY_KINDS = ("track", "mask", "shield", "facade", "draft", "selected", "zone", "change")
Overlay = tuple[str, Sequence[tuple[float, float]], str]

#: status dot colours: the same green/orange/grey the rest of the control room uses
DOT_RGB = {"online": (46, 204, 113), "tamper": (243, 156, 18), "offline": (127, 140, 141),
           "none": (60, 66, 74)}
_TRACK = QColor(255, 214, 0)  # bright yellow: reads on day and night footage alike
_SHIELD = QColor(0, 200, 255)
_FACADE = QColor(108, 180, 240, 170)
_DRAFT = QColor(255, 80, 200)
_SELECT = QColor(74, 163, 223)
_ALARM = QColor(231, 76, 60)
_ZONE = QColor(255, 176, 32)  # construction zones: amber, apart from shields' cyan


def frame_to_qimage(frame: np.ndarray) -> QImage:
    """A QImage viewing the array's memory (no copy); the caller keeps the array alive.

    BGR888 is native to Qt, so painting needs no colour conversion either; a grey frame
    uses Grayscale8. The array must be C-contiguous."""
    h, w = frame.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if frame.ndim == 2 else QImage.Format.Format_BGR888
    return QImage(frame.data, w, h, frame.strides[0], fmt)


class VideoTile(QWidget):
    sig_camera_dropped = Signal(str)
    sig_clicked = Signal()
    sig_maximise = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VideoTile")
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # we paint every pixel
        self.camera_id: str | None = None
        self._title = ""
        self._frame: np.ndarray | None = None
        self._image: QImage | None = None
        self._overlays: list[Overlay] = []
        self._state = "none"  # online | offline | tamper | none
        self._fps = 0.0
        self._selected = False
        self._banner: str | None = None
        self._caption: str | None = None  # e.g. "REPLAY" while a clip plays
        self._title_visible = True
        self._text_px: int | None = None  # a wall sets its legible size; None = by tile size
        self._drop_hover = False
        self._press_pos: QPointF | None = None

    # ---- content -------------------------------------------------------------------------
    def set_camera(self, camera_id: str | None, title: str = "") -> None:
        self.camera_id = camera_id
        self._title = title or (camera_id or "")
        self._frame = self._image = None
        self._overlays = []
        self._state = "none" if camera_id is None else "offline"
        self._fps = 0.0
        self.update()

    def set_frame(self, frame: np.ndarray | None) -> None:
        """Show a BGR (or grey) uint8 frame; None shows NO SIGNAL."""
        if frame is not None and not frame.flags["C_CONTIGUOUS"]:
            frame = np.ascontiguousarray(frame)  # the one copy, only for a strided view
        # the QImage views the array's memory, so the array is kept as long as the image
        self._frame = frame
        self._image = None if frame is None else frame_to_qimage(frame)
        self.update()

    def frame(self) -> np.ndarray | None:
        return self._frame

    def frame_size(self) -> QSize | None:
        return None if self._image is None else self._image.size()

    def set_status(self, state: str, fps: float = 0.0) -> None:
        """state: online, offline or tamper (the dot's colour); offline shows NO SIGNAL."""
        if (state, round(fps, 1)) != (self._state, round(self._fps, 1)):
            self._state, self._fps = state, fps
            self.update()

    def status(self) -> str:
        return self._state

    def set_overlays(self, overlays: Iterable[Overlay]) -> None:
        self._overlays = list(overlays)
        self.update()

    def overlays(self) -> list[Overlay]:
        return list(self._overlays)

    def set_selected(self, on: bool) -> None:
        if on != self._selected:
            self._selected = on
            self.update()

    def is_selected(self) -> bool:
        return self._selected

    def set_banner(self, text: str | None) -> None:
        self._banner = text
        self.update()

    def banner(self) -> str | None:
        return self._banner

    def set_caption(self, text: str | None) -> None:
        self._caption = text
        self.update()

    def set_title_visible(self, on: bool) -> None:
        self._title_visible = on
        self.update()

    def set_text_pixel_size(self, px: int | None) -> None:
        """Size of NO SIGNAL, the banner and the caption in pixels (a video wall sizes its
        text for the furthest seat); None sizes them by the tile as before."""
        self._text_px = px
        self.update()

    def _sized(self, font: QFont) -> QFont:
        if self._text_px:
            font.setPixelSize(self._text_px)
        return font

    # ---- geometry ------------------------------------------------------------------------
    def video_rect(self) -> QRectF:
        top = TITLE_H if self._title_visible else 0
        return QRectF(0, top, self.width(), max(1, self.height() - top))

    def image_rect(self) -> QRectF:
        """Where the frame is drawn: scaled to fit, aspect kept, centred."""
        area = self.video_rect()
        if self._image is None:
            return area
        iw, ih = self._image.width(), self._image.height()
        scale = min(area.width() / iw, area.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2,
                      w, h)

    def _scale(self) -> float:
        return 1.0 if self._image is None else self.image_rect().width() / self._image.width()

    def image_to_widget(self, x: float, y: float) -> QPointF:
        r, s = self.image_rect(), self._scale()
        return QPointF(r.x() + x * s, r.y() + y * s)

    def widget_to_image(self, pos: QPointF) -> tuple[float, float] | None:
        """Image pixel under a widget point, or None outside the picture."""
        if self._image is None:
            return None
        r, s = self.image_rect(), self._scale()
        if not r.contains(pos):
            return None
        return ((pos.x() - r.x()) / s, (pos.y() - r.y()) / s)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(320, 180 + TITLE_H)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(120, 68 + TITLE_H)

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        try:  # the painter ends even when a step fails: a painter left open on a widget
            # crashes Qt when the widget is destroyed ("being painted")
            p.fillRect(self.rect(), QColor(8, 10, 12))
            video = self.video_rect()
            live = self._image is not None and self._state != "offline"
            if self._image is not None:
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.width() < 900)
                p.drawImage(self.image_rect(), self._image)
                if not live:  # keep the last picture, dimmed, under NO SIGNAL
                    p.fillRect(self.image_rect(), QColor(0, 0, 0, 170))
                self._paint_overlays(p)
            if not live and self.camera_id is not None:
                self._paint_centre(p, video, self.tr("NO SIGNAL"), _ALARM)
            elif self.camera_id is None:
                self._paint_centre(p, video, "", QColor(90, 98, 108))
            if self._caption:
                self._paint_caption(p, video)
            if self._banner:
                self._paint_banner(p, video)
            if self._title_visible:
                self._paint_title(p)
            self._paint_border(p)
        finally:
            p.end()

    def _paint_overlays(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setClipRect(self.image_rect())
        last_label_y: float | None = None
        for kind, points, label in self._overlays:
            if not points:
                continue
            poly = QPolygonF([self.image_to_widget(x, y) for x, y in points])
            if kind == "track":
                p.setPen(QPen(_TRACK, 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPolyline(poly)
                p.setBrush(_TRACK)
                p.drawEllipse(poly[poly.size() - 1], 4, 4)
            elif kind == "mask":
                p.setPen(QPen(QColor(200, 200, 200, 150), 1))
                p.setBrush(QBrush(QColor(160, 160, 160, 110), Qt.BrushStyle.BDiagPattern))
                p.drawPolygon(poly)
            elif kind == "shield":
                p.setPen(QPen(_SHIELD, 2, Qt.PenStyle.DashLine))
                p.setBrush(QColor(0, 200, 255, 28))
                p.drawPolygon(poly)
            elif kind == "facade":
                p.setPen(QPen(_FACADE, 1))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPolyline(poly)
            elif kind == "zone":
                p.setPen(QPen(_ZONE, 2, Qt.PenStyle.DashDotLine))
                p.setBrush(QColor(255, 176, 32, 22))
                p.drawPolygon(poly)
            elif kind == "change":
                p.setPen(QPen(_ALARM, 2.5))
                p.setBrush(QColor(231, 76, 60, 70))
                p.drawPolygon(poly)
            else:  # draft / selected: polygons being edited, with their vertices
                colour = _SELECT if kind == "selected" else _DRAFT
                p.setPen(QPen(colour, 2))
                p.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40))
                p.drawPolygon(poly) if kind == "selected" else p.drawPolyline(poly)
                p.setBrush(colour)
                for i in range(poly.size()):
                    p.drawEllipse(poly[i], 3.5, 3.5)
            if label and kind == "facade":
                last_label_y = self._paint_floor_label(p, poly[0], label, last_label_y)
            elif label and kind in ("track", "draft", "selected", "zone"):
                # masks and shields say what they are by their style: no label clutter
                p.setPen(QColor(255, 255, 255))
                p.drawText(poly[0] + QPointF(4, -4), label)
        p.setClipping(False)

    def _paint_floor_label(self, p: QPainter, at: QPointF, label: str,
                           last_y: float | None) -> float | None:
        """A storey number left of the facade; skipped when it would touch the last one
        (small tiles show every other floor instead of a smear of digits)."""
        if last_y is not None and abs(at.y() - last_y) < 13:
            return last_y
        font = QFont(self.font())
        font.setPointSizeF(8)
        p.setFont(font)
        box = QRectF(at.x() - 34, at.y() - 14, 30, 14)
        p.setPen(QColor(0, 0, 0, 200))
        p.drawText(box.translated(1, 1), Qt.AlignmentFlag.AlignRight, label)
        p.setPen(QColor(220, 235, 255))
        p.drawText(box, Qt.AlignmentFlag.AlignRight, label)
        return at.y()

    def _paint_centre(self, p: QPainter, area: QRectF, text: str, colour: QColor) -> None:
        if not text:
            p.setPen(QPen(QColor(52, 60, 71), 1, Qt.PenStyle.DashLine))
            p.drawRect(area.adjusted(8, 8, -8, -8))
            return
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(9.0, min(22.0, area.height() / 12)))
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        p.setFont(self._sized(font))
        p.setPen(colour)
        p.drawText(area, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_caption(self, p: QPainter, area: QRectF) -> None:
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(self._sized(font))
        w = max(88, p.fontMetrics().horizontalAdvance(self._caption or "") + 16)
        h = max(22, p.fontMetrics().height() + 4)
        box = QRectF(area.right() - w - 8, area.bottom() - h - 6, w, h)
        p.fillRect(box, QColor(0, 0, 0, 170))
        p.setPen(_TRACK)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self._caption or "")

    def _paint_banner(self, p: QPainter, area: QRectF) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(10.0, min(16.0, area.height() / 22)))
        p.setFont(self._sized(font))
        h = p.fontMetrics().height() + 12
        box = QRectF(area.x(), area.y(), area.width(), h)
        p.fillRect(box, QColor(200, 40, 30, 225))
        p.setPen(QColor(255, 255, 255))
        p.drawText(box.adjusted(10, 0, -10, 0),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._banner)

    def _paint_title(self, p: QPainter) -> None:
        bar = QRectF(0, 0, self.width(), TITLE_H)
        p.fillRect(bar, QColor(27, 32, 39))
        p.setPen(QColor(52, 60, 71))
        p.drawLine(bar.bottomLeft(), bar.bottomRight())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(*DOT_RGB.get(self._state, DOT_RGB["none"])))
        p.drawEllipse(QPointF(12, TITLE_H / 2), 5, 5)
        font = QFont(self.font())
        font.setPointSizeF(9.5)
        p.setFont(font)
        right = ""
        if self._state == "tamper":
            right = "TAMPER"
        elif self._state == "online":
            right = f"{self._fps:.0f} fps"
        text_rect = bar.adjusted(24, 0, -8, 0)
        p.setPen(QColor(141, 151, 163) if self._state != "tamper" else QColor(243, 156, 18))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, right)
        p.setPen(QColor(230, 233, 237))
        width = text_rect.width() - p.fontMetrics().horizontalAdvance(right) - 8
        title = p.fontMetrics().elidedText(self._title, Qt.TextElideMode.ElideRight, int(width))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)

    def _paint_border(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if self._drop_hover:
            p.setPen(QPen(_TRACK, 3))
        elif self._selected:
            p.setPen(QPen(_SELECT, 3))
        elif self._banner:
            p.setPen(QPen(_ALARM, 3))
        else:
            p.setPen(QPen(QColor(52, 60, 71), 1))
        inset = 1 if p.pen().width() > 1 else 0
        p.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset - 1, -inset - 1))

    # ---- mouse and drag-and-drop ---------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position()
            self.sig_clicked.emit()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # a drag started on a tile carries its camera to another tile
        if (self._press_pos is not None and self.camera_id
                and event.buttons() & Qt.MouseButton.LeftButton
                and (event.position() - self._press_pos).manhattanLength()
                >= QApplication.startDragDistance()):
            self._press_pos = None
            drag = QDrag(self)
            drag.setMimeData(camera_mime(self.camera_id))
            drag.exec(Qt.DropAction.CopyAction)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_maximise.emit()
        super().mouseDoubleClickEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasFormat(MIME_CAMERA):
            event.acceptProposedAction()
            self._drop_hover = True
            self.update()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasFormat(MIME_CAMERA):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._drop_hover = False
        self.update()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._drop_hover = False
        self.update()
        camera_id = camera_from_mime(event.mimeData())
        if camera_id:
            event.acceptProposedAction()
            self.sig_camera_dropped.emit(camera_id)
        else:
            event.ignore()


def camera_mime(camera_id: str) -> QMimeData:
    """Mime data carrying one camera id, as the camera list and tiles drag it."""
    mime = QMimeData()
    mime.setData(MIME_CAMERA, QByteArray(camera_id.encode("utf-8")))
    mime.setText(camera_id)
    return mime


def camera_from_mime(mime: QMimeData) -> str | None:
    if not mime.hasFormat(MIME_CAMERA):
        return None
    return bytes(mime.data(MIME_CAMERA).data()).decode("utf-8").strip() or None
