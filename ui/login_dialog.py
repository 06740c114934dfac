"""Signing in at a console, and unlocking it after idling.

``LoginDialog`` asks for a name and password and hands them to ``sign_in``; what it returns
is the result, a ``CommandError`` is shown (plain text) and the dialog stays. When the server
has no administrator yet, a second page creates the first one with the one-time setup
token the server printed at its start. ``UnlockDialog`` asks the signed-in user's password
only (the console locked itself after the idle time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facade.errors import CommandError
from ui.command_feedback import error_text
from widgets.plain_text import plain_label

SignIn = Callable[[str, str], Any]
Setup = Callable[[str, str, str, str], Any]


class LoginDialog(QDialog):
    def __init__(self, title: str, sign_in: SignIn, *, setup: Setup | None = None,
                 user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.setWindowTitle(self.tr("Sign in — %1").replace("%1", title))
        self.setMinimumWidth(420)
        self._sign_in, self._setup = sign_in, setup
        self.result_value: Any = None
        self.heading = plain_label(title)
        self.heading.setObjectName("SectionTitle")
        self.user = QLineEdit(user)
        self.user.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.token = QLineEdit()
        self.display_name = QLineEdit()
        self.message = plain_label()
        self.message.setObjectName("LoginMessage")
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("User name"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        self.setup_fields = [(self.tr("Setup token"), self.token),
                             (self.tr("Display name"), self.display_name)]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.first_admin = QPushButton(self.tr("First start: create the administrator…"))
        self.first_admin.setFlat(True)
        self.first_admin.setVisible(setup is not None)
        self.first_admin.clicked.connect(self._on_first_admin)
        self._setting_up = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.first_admin, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        (self.password if user else self.user).setFocus()

    def _on_first_admin(self) -> None:
        self._setting_up = True
        for label, field in self.setup_fields:
            self.form.addRow(label, field)
        self.first_admin.hide()
        self.ok_button.setText(self.tr("Create and sign in"))
        self.message.setText(self.tr("Enter the one-time setup token the server printed at "
                                     "its start, and the administrator's name and password "
                                     "(at least 8 characters of 3 kinds)."))

    def _on_ok(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        try:
            if self._setting_up and self._setup is not None:
                self.result_value = self._setup(self.token.text().strip(), name, password,
                                                self.display_name.text().strip())
            else:
                self.result_value = self._sign_in(name, password)
        except CommandError as exc:
            self.password.clear()
            self.message.setText(error_text(exc))
            return
        self.accept()


class UnlockDialog(QDialog):
    """The console locked itself; the same user types their password to go on."""

    def __init__(self, display_name: str, minutes: int, unlock: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockDialog")
        self.setWindowTitle(self.tr("Console locked"))
        self.setModal(True)
        self._unlock = unlock
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = plain_label()
        self.message.setWordWrap(True)
        who = plain_label(self.tr("Locked after %1 minutes without input. %2, enter your "
                                  "password to go on.").replace("%1", str(minutes))
                          .replace("%2", display_name))
        who.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self._on_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def reject(self) -> None:  # noqa: D102 - Escape must not unlock the console
        pass

    def _on_ok(self) -> None:
        try:
            self._unlock(self.password.text())
        except CommandError as exc:
            self.password.clear()
            self.message.setText(error_text(exc))
            return
        self.accept()
