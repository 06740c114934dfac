"""The embedded demo shows the construction detector at work: the garden camera CAM-14
(中心花园) watches its lawn (scenes/demo/cameras/CAM-14.json) and, a minute or two after
start and then every 10-20 minutes, a shed stands on that lawn for four minutes. The
detector raises it in the lawn zone and lets it go once the shed is gone; a garden camera
without a zone never shows the shed."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from app.domain.model import Camera
from app.vision import demo_courtyard, demo_feeds
from app.vision.camera_settings import SettingsStore
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import ChangeGone, Detection

SCENE_CAMERAS = Path(__file__).resolve().parents[2] / "scenes" / "demo" / "cameras"
GARDEN = Camera(id="CAM-14", name="中心花园", xyz=(30, 0, 6), yaw_deg=135, pitch_deg=-25)


class Clock:
    t = 1_765_000_000.0

    def __call__(self) -> float:
        return self.t


def test_the_watched_garden_shows_a_shed_for_a_while_now_and_then(tmp_path) -> None:
    clock = Clock()
    watched = demo_feeds.playlist(GARDEN, 13, tmp_path, clock, builds=True)
    plain = demo_feeds.playlist(GARDEN, 13, tmp_path, clock)
    shown = []
    for _ in range(int(3600 / 30)):  # an hour of 30-second loops
        shown.append(Path(watched()).name)
        assert "shed" not in Path(plain()).name
        clock.t += 30.0
    first = shown.index("garden1-shed.mp4")
    lo, hi = demo_feeds.SHED_FIRST_S
    assert lo <= first * 30 <= hi + 30  # soon after start: the demo shows it
    stretch = shown[first:].index("garden1.mp4")
    assert stretch * 30 == demo_feeds.SHED_STANDS_S  # four minutes, then gone
    assert shown.count("garden1-shed.mp4") >= 2 * stretch  # and again within the hour


def test_the_demo_lawn_zone_raises_the_shed_and_lets_it_go() -> None:
    zones = SettingsStore(None, SCENE_CAMERAS).get("CAM-14").construction
    assert zones is not None and [z.kind for z in zones.zones] == ["green_space"]
    raw = json.loads((SCENE_CAMERAS / "CAM-14.json").read_text(encoding="utf-8"))
    period = raw["construction"]["sample_period_s"]
    det = ConstructionDetector(zones, ConstructionConfig(sample_period_s=period,
                                                         min_persist_s=zones.min_persist_s),
                               hours_per_bin=3)
    quiet = list(demo_courtyard.render("garden", 1))
    shed = list(demo_courtyard.render("garden", 1, shed=True))
    fps, every = 5.0, round(5.0 * period)  # the live cadence: a sample every 2 s
    events, t, k = [], Clock.t, 0
    for loop in [quiet] * 3 + [shed] * 8 + [quiet] * 2:  # 90 s, the 4 minutes, 60 s
        for frame in loop:
            if k % every == 0:
                events += [(t - Clock.t, ev) for ev in det.process(frame, t)]
            k, t = k + 1, t + 1 / fps
    found = [(at, ev) for at, ev in events if isinstance(ev, Detection)]
    assert len(found) == 1, found
    at, ev = found[0]
    assert ev.event.zone == "lawn-1" and 90 + 60 <= at <= 90 + 120  # persisted 60 s
    x, y, w, h = ev.event.bbox_px
    sx, sy, sw, sh = demo_courtyard.SHED_PX
    assert x <= sx and y <= sy and x + w >= sx + sw and y + h >= sy + sh
    assert any(isinstance(e, ChangeGone) and at > 330 for at, e in events)
    # the camera's ground calibration puts the shed's foot on the 3D lawn 中心花园
    ground = SettingsStore(None, SCENE_CAMERAS).get("CAM-14").ground
    assert ground is not None
    (foot,) = ground.to_site((x + w / 2, y + h))
    lawns = json.loads((SCENE_CAMERAS.parent / "ground.json").read_text(encoding="utf-8"))
    (garden,) = [lawn for lawn in lawns["lawns"] if lawn["name"] == "中心花园"]
    inside = cv2.pointPolygonTest(np.float32(garden["polygon"]), tuple(map(float, foot)), False)
    assert inside > 0, foot
