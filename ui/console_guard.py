"""What keeps a console honest: the red banner while its server is away (commands off),
signing in again when the session has ended, and the lock after idling (not for the demo,
which has nobody to unlock it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QToolBar

from app.facade.room import LinkState
from ui.bridge import RoomBridge
from ui.connection_banner import ConnectionBanner
from ui.idle_lock import IdleWatch

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ConsoleGuard(QObject):
    def __init__(self, window: MainWindow, idle_lock_s: float) -> None:
        super().__init__(window)  # the window is our parent: no Python reference to it here
        self.room = window.room
        self.banner = ConnectionBanner(window)
        bar = QToolBar(QCoreApplication.translate("MainWindow", "Connection"), window)
        bar.setObjectName("ConnectionBar")
        bar.setMovable(False)
        bar.addWidget(self.banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        window.insertToolBarBreak(bar)
        self.bar = bar
        bar.setVisible(False)
        self.banner.sig_sign_in.connect(self.sign_in_again)
        RoomBridge.of(self.room).sig_link.connect(self.show_link)
        self.show_link(self.room.link())
        self.idle: IdleWatch | None = None
        if not self.room.session.demo and idle_lock_s:
            self.idle = IdleWatch(idle_lock_s, self)
            self.idle.sig_idle.connect(self.lock)

    def show_link(self, link: LinkState) -> None:
        live = link.server_connected and link.signed_in
        self.banner.show_link(link)
        self.bar.setVisible(not live)
        for panel in (getattr(self.parent(), "alarm_board", None),
                      getattr(self.parent(), "dispatch_panel", None)):
            if panel is not None:
                panel.set_commands_enabled(live)

    def sign_in_again(self) -> None:
        sign_in_again = getattr(self.room, "sign_in_again", None)
        if sign_in_again is None:
            return
        from ui.login_dialog import LoginDialog

        LoginDialog(self.room.scene.site.name, sign_in_again, user=self.room.session.user,
                    parent=self.parent()).exec()

    def lock(self) -> None:
        from ui.login_dialog import UnlockDialog

        minutes = round((self.idle.idle_s if self.idle else 600) / 60)
        self.unlock_dialog = UnlockDialog(self.room.session.display_name, minutes,
                                          self.room.unlock, self.parent())
        self.unlock_dialog.exec()
        if self.idle is not None:
            self.idle.unlocked()

    def stop(self) -> None:
        if self.idle is not None:
            self.idle.stop()
