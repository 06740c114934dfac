"""Live acoustic localisation on the demo compound: arrivals → one located sound → an
alarm on the nearest device, with building and floor."""

from __future__ import annotations

import math

import pytest

from app import paths
from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.dispatch.sounds import AcousticWatch
from app.ingest.events import MicArrivalReceived
from app.scene import load_scene

C = 343.0
T0_NS = 1_764_040_000_000_000_000


@pytest.fixture(scope="module")
def scene():
    return load_scene(paths.demo_scene_dir())


def _arrivals(scene, xyz, kind="bang", t0_ns=T0_NS, skip=(), echo=None):
    out = []
    for mic in scene.microphones:
        if mic.id in skip:
            continue
        ts = t0_ns + round(math.dist(mic.xyz, xyz) / C * 1e9)
        out.append(MicArrivalReceived(mic.id, ts, kind, 95.0, 1000.0))
    if echo is not None:  # the same microphone hears a reflection 12 ms later
        first = next(a for a in out if a.mic_id == echo)
        out.append(MicArrivalReceived(echo, first.ts_ns + 12_000_000, kind, 80.0, 1000.2))
    return out


def _inside_point(scene):
    # between the microphones, at head height: a point the layout can resolve
    xs = [m.xyz for m in scene.microphones]
    return (sum(p[0] for p in xs) / len(xs) + 3.0, sum(p[1] for p in xs) / len(xs) - 2.0, 1.5)


def test_a_bang_becomes_an_alarm_on_the_nearest_device(scene) -> None:
    book = AlarmBook(lambda: 1000.0)
    watch = AcousticWatch(scene, book, clock=lambda: 1000.0)
    source = _inside_point(scene)
    mic = scene.microphones[0].id
    watch.handle_events(_arrivals(scene, source, echo=mic))
    assert watch.tick(1000.5) == []  # still listening for late microphones
    (sound,) = watch.tick(1001.1)
    assert math.dist(sound.result.xyz, source) < 0.5
    assert mic not in sound.result.rejected_mics  # the echo was not mistaken for a hearing
    (alarm,) = book.open_alarms()
    assert alarm.type == "sound.bang" and alarm.severity == Severity.HIGH
    assert alarm.device_id == sound.nearest.device_id
    assert "located at" in alarm.message


def test_two_sounds_apart_in_time_are_two_groups(scene) -> None:
    watch = AcousticWatch(scene, clock=lambda: 1000.0)
    source = _inside_point(scene)
    watch.handle_events(_arrivals(scene, source, kind="impact"))
    watch.handle_events(_arrivals(scene, source, kind="impact", t0_ns=T0_NS + 5_000_000_000))
    assert len(watch.tick(1002.0)) == 2


def test_too_few_microphones_is_counted_not_guessed(scene) -> None:
    book = AlarmBook(lambda: 1000.0)
    watch = AcousticWatch(scene, book, clock=lambda: 1000.0)
    keep = {m.id for m in scene.microphones[:3]}
    skip = {m.id for m in scene.microphones} - keep
    watch.handle_events(_arrivals(scene, _inside_point(scene), skip=skip))
    assert watch.tick(1002.0) == []
    assert watch.unlocated == 1 and book.open_alarms() == []
