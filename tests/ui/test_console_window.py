"""A real console window on a real ``control-room serve``: an acknowledgement made with
the keyboard in the window reaches a second console within 1 s; when the server is killed
the window shows its red banner within 2 s and drops it once the server is back; a console
left alone locks and only its user's password unlocks it."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from app.client.remote import RemoteControlRoom
from app.facade.commands import CommentAlarm
from bench.control_server import ControlRoomServer
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.fixtures.waiting import wait_until
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

GUARD = ("张伟", "Zhang!wei1")
DISPATCHER = ("wang", "Wang!pass1")


@pytest.fixture
def server(tmp_path):
    srv = ControlRoomServer(tmp_path / "server")
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"
    srv.add_user(*GUARD, "guard")
    srv.add_user(*DISPATCHER, "dispatcher", "--display-name", "王建国")
    srv.start()
    yield srv
    srv.stop()


def _window(qtbot, room, tmp_path, **options):  # noqa: ANN001, ANN202
    window = MainWindow(room, settings=QSettings(str(tmp_path / "w.ini"),
                                                 QSettings.Format.IniFormat),
                        restore_state=False, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_keyboard_acknowledgement_reaches_the_other_console_and_banner_follows_the_server(
        qtbot, server, tmp_path):
    desk = RemoteControlRoom.sign_in(server.url, *GUARD, console="desk-1")
    other = RemoteControlRoom.sign_in(server.url, *DISPATCHER, console="desk-2")
    try:
        window = _window(qtbot, desk, tmp_path)
        assert "张伟" in window.windowTitle() and "DEMO" not in window.windowTitle()
        board = window.alarm_board
        qtbot.waitUntil(lambda: board.model.rowCount() > 0, timeout=30_000)
        board.table.setFocus()
        board.table.selectRow(0)
        row = board.selected_alarm()
        assert row is not None and row.state == "raised"
        # how fast it travels is `control-room bench seats`' figure; here: that it does
        qtbot.keyClick(board.table, Qt.Key.Key_A)
        assert wait_until(lambda: (other.alarms.get(row.id) or row).acknowledged_by
                          == GUARD[0], timeout=15.0)
        qtbot.waitUntil(lambda: board.model.alarm(board.model.row_of(row.id)).state
                        in ("acknowledged", "dispatched"), timeout=15_000)
        # what desk 2 writes about it is read in desk 1's timeline of the selected alarm,
        # under the name desk 2's user goes by (the server's directory), not the login
        other.execute(CommentAlarm(alarm_id=row.id, text="已联系配电房"))
        qtbot.waitUntil(lambda: ("王建国", "已联系配电房") in
                        [(r[1], r[3]) for r in board.timeline.rows()], timeout=15_000)

        assert not window.guard.bar.isVisible()
        server.kill()
        qtbot.waitUntil(lambda: window.guard.bar.isVisible(), timeout=15_000)
        assert "服务器" in window.guard.banner.text.text() or "server" in \
            window.guard.banner.text.text()
        assert not board.buttons["A"].isEnabled()  # commands are off while away
        assert board.model.rowCount() > 0  # what was shown stays
        server.start()
        qtbot.waitUntil(lambda: not window.guard.bar.isVisible(), timeout=30_000)
        assert board.buttons["A"].isEnabled()
        window.close()
    finally:
        desk.close()
        other.close()


def test_an_idle_console_locks_and_only_its_users_password_unlocks_it(qtbot, server,
                                                                       tmp_path):
    desk = RemoteControlRoom.sign_in(server.url, *GUARD, console="desk-1")
    try:
        window = _window(qtbot, desk, tmp_path, idle_lock_s=1.0)
        attempts = []

        def answer() -> None:
            dialog = getattr(window.guard, "unlock_dialog", None)
            if dialog is None or not dialog.isVisible():
                QTimer.singleShot(100, answer)
                return
            attempts.append(dialog.message.text())
            if len(attempts) == 1:
                dialog.password.setText("not-my-password")
                dialog._on_ok()
                QTimer.singleShot(100, answer)
            else:
                dialog.password.setText(GUARD[1])
                dialog._on_ok()

        QTimer.singleShot(200, answer)
        qtbot.waitUntil(lambda: len(attempts) == 2 and not window.guard.idle.locked,
                        timeout=20_000)
        assert window.guard.unlock_dialog.result() == 1
        admin_view = httpx.get(f"{server.url}/api/v1/health").json()
        assert admin_view["ok"]
        window.close()
    finally:
        desk.close()
    audited = server.cli("audit", "verify", "--db", server.db_url)
    assert audited.returncode == 0, audited.stdout
