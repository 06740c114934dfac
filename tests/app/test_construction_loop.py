"""The operator's loop end to end on the live camera path: zones set through the room, a
file camera whose view gains two sheds, the alarm with before/after pictures, then one
change accepted (absorbed, alarm cleared when none is open) and one dispatched (its
evidence package with SM3 digests), each decision kept with who and why."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.facade import commands as c
from app.facade.errors import CommandFailed
from app.facade.parts import PartsRoom
from app.vision.cameras import CameraManager
from app.vision.evidence import sm3_hex
from tests.fixtures import construction_scene as cs
from tests.fixtures.waiting import wait_until

FPS, PERIOD_S, PERSIST_S = 5.0, 0.2, 3.0
ALARM = "event.illegal_construction"
LANE = {"id": "lane-1", "kind": "fire_lane", "name": "消防通道",
        "polygon_px": [[340, 20], [620, 20], [620, 330], [340, 330]]}


@pytest.fixture(scope="module")
def two_sheds(tmp_path_factory) -> Path:
    """6 s of empty ground, then a shed on the lawn and one on the fire lane for 14 s."""
    base, rng = cs.ground(), np.random.default_rng(7)
    built = cs.with_shed(cs.with_shed(base, cs.ON_LAWN), cs.ON_PLAZA)
    frames = [cs.shot(base if i < 30 else built, rng) for i in range(100)]
    return cs.write_video(frames, tmp_path_factory.mktemp("v") / "sheds.mp4", FPS)


def test_alarm_review_accept_and_dispatch_through_the_room(tmp_path, two_sheds) -> None:
    book = AlarmBook()
    cam = Camera(id="CAM-G", name="花园", xyz=(10, 10, 6), yaw_deg=0, pitch_deg=-30,
                 stream=str(two_sheds))
    mgr = CameraManager([cam], book=book, evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                        settings_file=tmp_path / "s.json")
    room = PartsRoom(book=book, cameras=mgr)
    zones = cs.zones(PERSIST_S, PERIOD_S) | {"zones": [cs.LAWN, LANE]}
    answer = room.execute(c.SetConstructionZones(camera_id="CAM-G", zones=zones))
    assert answer.data == {"zones": 2}
    assert json.loads((tmp_path / "s.json").read_text())["cameras"]["CAM-G"][
        "construction"]["zones"][1]["kind"] == "fire_lane"  # kept across restarts
    with pytest.raises(CommandFailed, match="kind"):
        room.execute(c.SetConstructionZones(camera_id="CAM-G", zones={
            "zones": [{**LANE, "kind": "car_park"}], "min_persist_s": 3}))
    events = []
    mgr.subscribe(events.append)
    mgr.start()
    try:
        assert wait_until(lambda: len(mgr.construction.changes()) >= 2, 60)
        assert book.is_active("CAM-G", ALARM)
        snap = mgr.latest("CAM-G")
        assert wait_until(lambda: {"zone"} <= {o.kind for o in mgr.latest("CAM-G").overlays},
                          5), snap
    finally:
        mgr.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("Camera")]
    changes = {r.zone: r for r in mgr.construction.changes()}
    assert set(changes) == {"lawn-1", "lane-1"}
    lawn, lane = changes["lawn-1"], changes["lane-1"]
    before = cv2.imdecode(np.frombuffer(mgr.construction.picture(lawn.id, "before"),
                                        np.uint8), cv2.IMREAD_COLOR)
    after = cv2.imdecode(np.frombuffer(mgr.construction.picture(lawn.id, "after"),
                                       np.uint8), cv2.IMREAD_COLOR)
    x, y, w, h = lawn.bbox_px
    assert before.shape == after.shape
    # the shed is in the after picture and not in the before one, where the change is
    assert np.abs(after[y:y + h, x:x + w].astype(int) - before[y:y + h, x:x + w]).mean() > 25
    assert any(e.kind == "construction_change" and e.data["change_id"] == lawn.id
               for e in events)

    with pytest.raises(CommandFailed, match="why"):
        room.execute(c.AcceptChange(change_id=lawn.id, reason=" "))
    done = room.execute(c.AcceptChange(change_id=lawn.id, reason="物业批准的工具房"))
    assert done.data == {"state": "accepted"} and done.object == f"change:{lawn.id}"
    assert book.is_active("CAM-G", ALARM)  # the fire-lane change is still open
    analysis = mgr._analysis["CAM-G"].construction
    assert lawn.id not in {ch.id for ch in analysis.detector.open_changes()}  # absorbed

    sent = room.execute(c.DispatchChange(change_id=lane.id, note="占用消防通道"))
    assert sent.data["state"] == "dispatched"
    assert sent.data["work_order"] is None  # no dispatch service runs in this test
    # a dispatched case keeps its alarm until the work is done and the alarm closed
    assert book.is_active("CAM-G", ALARM)
    with zipfile.ZipFile(sent.data["package"]) as zf:
        assert {"before.jpg", "after.jpg", "metadata.json", "manifest.json"} <= set(
            zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        for name, entry in manifest["files"].items():
            assert sm3_hex(zf.read(name)) == entry["sm3"], name
        meta = json.loads(zf.read("metadata.json"))
        assert (meta["zone"], meta["zone_kind"], meta["camera_id"]) == (
            "lane-1", "fire_lane", "CAM-G")
        assert meta["dispatched_by"] == room.session.user and meta["note"] == "占用消防通道"
        assert meta["site_xy"] is not None  # its place in the compound, from the camera pose
    with pytest.raises(CommandFailed, match="already dispatched"):
        room.execute(c.AcceptChange(change_id=lane.id, reason="迟到的批准"))
    with pytest.raises(CommandFailed, match="no construction change"):
        room.execute(c.RejectChange(change_id="nope", reason="误报"))

    # the decisions survive a restart of the camera manager, with who and why
    again = CameraManager([cam], book=AlarmBook(), evidence_dir=tmp_path / "ev",
                          demo_feeds_dir=None, settings_file=tmp_path / "s.json")
    kept = {r.zone: r for r in again.construction.changes()}
    assert kept["lawn-1"].state == "accepted"
    assert kept["lawn-1"].decisions[-1].reason == "物业批准的工具房"
    assert kept["lane-1"].state == "dispatched"
    assert kept["lane-1"].decisions[-1].user == room.session.user


def test_dispatch_makes_a_work_order_for_the_enforcement_team(tmp_path) -> None:
    """With the dispatch service running (as the engine wires it), a dispatched change is a
    work order referring to the change, and its alarm is linked to that order."""
    from app import paths
    from app.config.model import SimulatorConfig
    from app.dispatch.repository import InMemoryOrderRepository
    from app.dispatch.runtime import DispatchRuntime, DispatchRuntimeConfig
    from app.ingest.pipeline import Ingest
    from app.ingest.topics import TopicScheme
    from app.outbound import publisher_for
    from app.scene.loader import load_scene
    from app.sources.simulator.source import SimulatorSource
    from app.state.store import StateStore
    from app.vision.construction.config import ConstructionConfig
    from app.vision.construction.detector import ConstructionDetector
    from app.vision.construction.events import Detection
    from app.vision.construction.zones import parse_zones

    scene = load_scene(paths.demo_scene_dir())
    scheme = TopicScheme("cr", scene.site.site_id)
    store, book = StateStore(scene.devices), AlarmBook()
    runtime = DispatchRuntime(scene, store, Ingest(store, scheme),
                              publisher_for(SimulatorSource(scene, SimulatorConfig(), scheme)),
                              book, InMemoryOrderRepository(), simulate_handsets=False,
                              config=DispatchRuntimeConfig(auto_assign=False))
    cam = Camera(id="CAM-G", name="花园", xyz=(10, 10, 6), yaw_deg=0, pitch_deg=-30,
                 stream=None)
    mgr = CameraManager([cam], book=book, evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                        settings_file=tmp_path / "s.json")
    mgr.construction.work_orders = runtime  # what Engine.start does
    det = ConstructionDetector(parse_zones(cs.zones(10.0)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=10.0))
    for i, frame in enumerate(cs.timelapse(45, shed_from=12)):
        for ev in det.process(frame, float(i)):
            if isinstance(ev, Detection):
                mgr.construction_event("CAM-G", ev)
    (change,) = mgr.construction.changes()
    room = PartsRoom(book=book, cameras=mgr, dispatch=runtime)
    sent = room.execute(c.DispatchChange(change_id=change.id, note="草坪上违建工具房"))
    order = runtime.service.order(sent.data["work_order"])
    assert order.origin == "detection" and order.origin_ref == change.id
    assert order.skill == "general" and "illegal construction" in order.title
    assert any("草坪上违建工具房" in n.text for n in order.notes)
    alarm = book.find_open("CAM-G", ALARM)
    assert alarm is not None and alarm.dispatched_order == order.id
