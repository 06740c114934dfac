"""The operations panels on a real window: the energy panel shows what the meters cost and
when, with the schedule recommendations, and writes a report on its button; the parking
panel shows the gates' count against the sensors and re-bases it, and lists misread plates
as plain text; the charger panel shows the OCPP states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import pytest

from app import paths
from app.ingest.events import GatePassReceived
from app.operations.aggregate import aggregate
from app.operations.config import load_operations_config
from app.operations.service import OperationsService
from app.scene.loader import load_scene
from app.storage import open_database
from bench.operations_data import fill
from ui.charger_panel import ChargerPanel
from ui.energy_panel import EnergyPanel
from ui.parking_panel import ParkingPanel

pytestmark = pytest.mark.gui

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.datetime(2025, 6, 10, tzinfo=CST).timestamp()
NOW = DAY + 23.5 * 3600
KEEP = {"B01", "G01", "P01", "S01", "H01", "H02"}


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> OperationsService:
    demo = load_scene(paths.demo_scene_dir())
    scene = msgspec.structs.replace(demo, devices=tuple(
        d for d in demo.devices if d.location.building in KEEP))
    config = load_operations_config(paths.demo_scene_dir())
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'cr.db'}")
    fill(engine, scene, config, DAY - 86400, 2, site="demo")
    service = OperationsService(scene, config, site="demo", clock=lambda: NOW)
    service.start(engine, worker=False)
    aggregate(engine, "demo", service.points, service.book, DAY - 86400, DAY + 86400, now=NOW)
    service.recommend(NOW)
    service.refresh_energy(NOW)
    return service


def test_the_energy_panel_shows_today_its_cost_and_the_schedules(service, qtbot, tmp_path):
    view = service.energy_view()
    panel = EnergyPanel(service)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    assert panel.kwh_tile.value_text() == f"{view.electricity_today_kwh:,.0f}"
    assert panel.valley_tile.value_text() == f"{100 * view.valley_share:.0f}%"
    groups = {panel.groups.item(r, 0).text() for r in range(panel.groups.rowCount())}
    assert {"Pumps", "Chargers", "Households"} <= groups
    assert panel.plot.item_count() >= 2 * len(groups)  # a curve and a fill per group
    kinds = {r.kind: r for r in view.recommendations}
    assert kinds["tank"].saving > 0 and kinds["chargers"].saving > 0
    texts = [panel.plans.item(r, 0).text() for r in range(panel.plans.rowCount())]
    assert any("tank" in t for t in texts) and any("charging" in t for t in texts)
    assert panel.plans.item(0, 3).text().count(":") >= 2  # when to run: "00:00–02:30"
    panel.grab().save(str(tmp_path / "energy.png"))
    out = tmp_path / "日报.pdf"
    with qtbot.waitSignal(panel.sig_report_done, timeout=60_000) as done:
        panel.make_report("daily", dt.date(2025, 6, 10), out)
    assert done.args == [str(out), ""]
    assert out.read_bytes().startswith(b"%PDF") and str(out) in panel.status.text()
    panel.make_report("daily", dt.date(2025, 6, 10), Path("/no/such/folder/x.pdf"))
    qtbot.waitUntil(lambda: panel.report_button.isEnabled(), timeout=60_000)
    assert "could not be written" in panel.status.text()


def test_the_parking_panel_rebases_and_shows_misread_plates_as_text(service, qtbot):
    tracker = service.parking
    for sensor in sorted(tracker.zones["garage"].sensors):
        tracker.handle_space(sensor, True)
    tracker.sample(NOW)
    for plate in ("粤B1234", "<b>粤BD12345</b>", "粤BD12345"):
        tracker.handle_pass(GatePassReceived("GATE-G", NOW, plate, "in", None, NOW))
    panel = ParkingPanel(service, operator="王五")
    qtbot.addWidget(panel)
    garage = next(r for r in range(panel.zones.rowCount())
                  if panel.zones.item(r, 0).text() == "地下车库")
    assert panel.zones.item(garage, 4).text() == "+3"  # three in by the gate, no sensor moved
    shown = {panel.flagged.item(r, 3).text() for r in range(panel.flagged.rowCount())}
    assert {"粤B1234", "<b>粤BD12345</b>"} <= shown and "粤BD12345" not in shown
    index = panel.zone_choice.findData("garage")
    panel.zone_choice.setCurrentIndex(index)
    panel.rebase_button.click()
    assert panel.zones.item(garage, 4).text() == "+0"
    assert "Re-based" in panel.note.text()


def test_the_charger_panel_shows_ocpp_states(service, qtbot):
    chargers = sorted(service.chargers.names)
    service.chargers.handle_status(chargers[0], NOW, {"connector": 1, "status": "Faulted",
                                                     "error_code": "GroundFailure"})
    service.chargers.handle_status(chargers[1], NOW, {"connector": 1, "status": "Charging"})
    panel = ChargerPanel(service)
    qtbot.addWidget(panel)
    assert panel.faulted_tile.value_text() == "1" and panel.charging_tile.value_text() == "1"
    assert panel.table.item(0, 2).text() == "Faulted"
    assert panel.table.item(0, 6).text() == "GroundFailure"
    assert panel.table.item(1, 2).text() == "Charging"
