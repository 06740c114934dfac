"""A device name that looks like markup arrives over a real MQTT broker and is shown as the
characters it is — never a heading, bold text or a loaded picture — in every place an
operator sees it: the alarm board (cell and tooltip), the inspector, the 3D labels, the 3D
hover tooltip and the attention list."""

from __future__ import annotations

import json
import time

import msgspec
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import QSettings, Qt

from app.config import AppConfig
from app.facade import commands as cmd
from app.facade.local import LocalControlRoom
from app.facade.session import Session
from app.runtime.engine import Engine
from app.security.roles import Grant, Role
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.fixtures.waiting import wait_until
from ui.main_window import MainWindow
from widgets.scene_pointer import Hit

pytestmark = [pytest.mark.gui, pytest.mark.broker, pytest.mark.timeout(180)]

HOSTILE = '<img src="/tmp/x.png" onerror=alert(1)><b>粗</b><h1>FIRE OUT</h1>'
DEVICE = "EVIL-TX1"


def _config(broker_url: str, tmp_path) -> AppConfig:  # noqa: ANN001
    base = AppConfig()
    return msgspec.structs.replace(
        base, mqtt=msgspec.structs.replace(base.mqtt, url=broker_url),
        database=msgspec.structs.replace(base.database, url=f"sqlite:///{tmp_path}/cr.db"),
        cameras=msgspec.structs.replace(base.cameras, enabled=False))


def _publish(port: int, device: str) -> None:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=device)
    client.connect("127.0.0.1", port)
    client.loop_start()
    birth = {"kind": "transformer", "name": HOSTILE,
             "location": {"building": "S01", "floor": 1, "xyz": [16.0, -36.0, 1.5]},
             "points": {"temp_c": {"unit": "°C", "normal": [20, 85], "limits": [0, 105]}}}
    client.publish(f"cr/demo/dev/{device}/meta", json.dumps(birth), qos=1,
                   retain=True).wait_for_publish()
    start = time.time() - 60
    for seq in range(1, 14):  # overheating for a minute of its own time: an alarm
        body = {"ts": int((start + 5 * seq) * 1000), "seq": seq,
                "values": {"temp_c": 120.0 + seq}}
        client.publish(f"cr/demo/dev/{device}/telemetry", json.dumps(body),
                       qos=1).wait_for_publish()
    client.loop_stop()
    client.disconnect()


def test_a_markup_name_from_mqtt_is_plain_text_everywhere(qtbot, mqtt_broker, tmp_path):
    engine = Engine(_config(mqtt_broker.url, tmp_path))
    engine.start()
    session = Session(user="张伟", display_name="张伟", grant=Grant(Role.SUPERVISOR),
                      console="test")
    room = LocalControlRoom(engine, session)
    try:
        window = MainWindow(room, settings=QSettings(str(tmp_path / "w.ini"),
                                                     QSettings.Format.IniFormat),
                            restore_state=False, idle_lock_s=0)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert wait_until(lambda: engine.ingest.counts()["received"] > 0 or True, 1)
        _publish(mqtt_broker.port, DEVICE)
        if not wait_until(lambda: room.store.device(DEVICE) is not None, timeout=5):
            # a birth of a new device waits for an operator: register it by hand
            room.execute(cmd.RegisterDevice(device_id=DEVICE))  # as its birth announced it
            _publish(mqtt_broker.port, DEVICE)
        assert room.store.device(DEVICE).name == HOSTILE
        board = window.alarm_board
        qtbot.waitUntil(lambda: any(r.device_id == DEVICE for r in board.model.rows()),
                        timeout=30_000)

        # the board: the cell's text is the name as it is; the tooltip is escaped
        row = board.model.row_of(next(r.id for r in board.model.rows()
                                      if r.device_id == DEVICE))
        shown = {board.model.data(board.model.index(row, c)) for c in
                 range(board.model.columnCount())}
        assert any(HOSTILE in str(text) for text in shown)
        tip = board.model.data(board.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("<qt>") and "<img" not in tip and "<b>" not in tip

        # the inspector: plain-text labels holding the characters
        window.select_device(DEVICE)
        name_label = window.inspector._name
        assert name_label.textFormat() == Qt.TextFormat.PlainText
        assert name_label.text() == HOSTILE

        # the 3D view: a VTK text actor (never markup) carries the same characters
        view = window.compound_view
        qtbot.waitUntil(lambda: HOSTILE in view.scene_view.labels.texts, timeout=5000)
        hover = view.tips.text_for(Hit("device", DEVICE))
        assert "<img" not in hover and "<h1>" not in hover and "&lt;img" in hover

        # the attention list (the birth's bands are honoured: 132 °C is an alarm)
        window.inspector.show_device(None)
        window.inspector.refresh()
        attention = window.inspector.attention
        ours = [attention.item(i) for i in range(attention.count())
                if attention.item(i).data(0x0100) == DEVICE]
        assert ours and HOSTILE in ours[0].text()
        assert "<img" not in (ours[0].toolTip() or "")
        window.close()
    finally:
        room.close()
        engine.stop()
