"""Every alarm type the engine itself raises has a name in the operator's language: the
board, the history and the wall show ``type_name``, and an unnamed type reads as its raw
id ("event.illegal_construction" on a Chinese board, as the construction alarms did)."""

from __future__ import annotations

import typing

import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.dispatch.sounds import SEVERITY as SOUND_KINDS
from app.domain.model import Camera
from app.runtime.storage_alarm import ALARM_TYPE as STORAGE_BLOCKED
from app.sources.simulator.faults import CATALOGUE
from app.vision.cameras import CameraManager
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.service import ALARM as CONSTRUCTION
from app.vision.construction.service import MOVED
from app.vision.construction.zones import parse_zones
from app.wire.payloads import MicEventPayload
from tests.fixtures import construction_scene as cs
from tests.ui.test_i18n import translated  # noqa: F401 (fixture)
from ui.alarm_labels import describe, event_detail, type_name
from ui.camera_events import event_title

#: the types raised in app/ by literal (app/vision/cameras.py, app/runtime/engine.py)
CAMERA_AND_FEED = ("event.video_loss", "event.tampering", "event.falling_object",
                   "feed_silent", "offline")


def _raised_types() -> list[str]:
    sounds = typing.get_args(typing.get_type_hints(MicEventPayload)["kind"])
    assert set(sounds) == set(SOUND_KINDS), "a sound kind without a severity"
    return [CONSTRUCTION, MOVED, STORAGE_BLOCKED, *CAMERA_AND_FEED,
            *(f"sound.{kind}" for kind in sounds)]


@pytest.mark.parametrize("type_", _raised_types())
def test_an_alarm_type_the_engine_raises_reads_in_chinese(type_, translated) -> None:  # noqa: F811
    translated("zh_CN")
    name = type_name(type_)
    assert name != type_ and any("\u4e00" <= ch <= "\u9fff" for ch in name), name


def test_the_construction_alarms_detail_reads_in_chinese(tmp_path, translated) -> None:  # noqa: F811
    """A shed raised by the detector on the live service path, and the same camera knocked
    askew: the board's detail names the zone and its kind, and why the camera is thought
    moved, in Chinese; the change's id (a link for the review) is not shown."""
    translated("zh_CN")
    book = AlarmBook()
    cam = Camera(id="CAM-G", name="花园", xyz=(10, 10, 6), yaw_deg=0, pitch_deg=-30,
                 stream="none.mp4")
    mgr = CameraManager([cam], book=book, evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                        settings_file=tmp_path / "s.json")
    events = []
    mgr.subscribe(events.append)
    det = ConstructionDetector(parse_zones(cs.zones(10.0)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=10.0))
    base, rng = cs.ground(), np.random.default_rng(2)
    frames = cs.timelapse(45, shed_from=12) + [cs.shot(base, rng, shift=(70.0, 30.0))]
    for i, frame in enumerate(frames):
        for ev in det.process(frame, float(i)):
            if isinstance(ev, Detection):
                mgr.construction_event("CAM-G", ev)
            else:
                mgr.construction.on_event("CAM-G", ev)
    shed = book.find_open("CAM-G", CONSTRUCTION)
    moved = book.find_open("CAM-G", MOVED)
    assert shed is not None and moved is not None
    assert describe(shed) == "区域 中心花园，类别 绿地", describe(shed)
    assert describe(moved).startswith("原因 画面"), describe(moved)
    assert not any(ch.isascii() and ch.isalpha() for ch in describe(moved)), describe(moved)
    # and the camera wall's event list words the change the same way
    (change,) = [e for e in events if e.kind == "construction_change"]
    assert event_title(change) == "违章搭建/侵占绿地 — 类别 绿地", event_title(change)


@pytest.mark.parametrize("fault", sorted(CATALOGUE))
def test_a_fault_the_simulator_names_reads_in_chinese(fault, translated) -> None:  # noqa: F811
    """The demo's smoke alarm read "原因 smoke_alarm": the simulator's fault names, sent in
    an event's data, are worded like everything else on the board."""
    translated("zh_CN")
    words = event_detail({"fault": fault})
    assert not any(ch.isascii() and ch.isalpha() for ch in words), words
