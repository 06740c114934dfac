"""The banner a console shows when its server is away, or its session has ended.

Red, across the top of the window, impossible to miss (ConsoleGuard shows its bar): what happened, when the last data
came, that what is shown is as it was then and that commands are off, and — once the
session has ended — a button to sign in again. Hidden while all is well.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.facade.room import LinkState
from widgets.plain_text import plain_label

STYLE = ("QWidget#ConnectionBanner { background: #b3261e; }"
         "QWidget#ConnectionBanner QLabel { color: white; font-weight: bold;"
         " background: transparent; }")


class ConnectionBanner(QWidget):
    sig_sign_in = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectionBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint the red
        self.setStyleSheet(STYLE)
        self.text = plain_label()
        self.text.setWordWrap(True)
        self.sign_in = QPushButton(self.tr("Sign in again…"))
        self.sign_in.clicked.connect(self.sig_sign_in)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.sign_in)
        # shown and hidden by the toolbar that holds it (ConsoleGuard)

    def show_link(self, link: LinkState) -> None:
        if link.server_connected and link.signed_in:
            self.text.clear()
            return
        last = (time.strftime("%H:%M:%S", time.localtime(link.last_data_at))
                if link.last_data_at else "—")
        if not link.signed_in:
            text = self.tr("The session has ended (signed out, locked or expired). What is "
                           "shown is as it was at %1; commands are off until you sign in "
                           "again.").replace("%1", last)
        else:
            text = self.tr("Connection to the server %1 lost. What is shown is as it was at "
                           "%2; commands are off. Reconnecting…").replace(
                "%1", link.server or "").replace("%2", last)
        self.text.setText(text)
        self.sign_in.setVisible(not link.signed_in)
