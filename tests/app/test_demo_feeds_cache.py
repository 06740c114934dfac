"""Demo feeds are rendered once per install: one cache folder per user and generator version,
shared by every data folder, and one maker per feed even when several processes start at
once (a feed costs ~10 s of CPU; eighteen cameras' worth used to be rendered again for
every new data folder)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from app.vision import demo_feeds

ROOT = Path(__file__).resolve().parents[2]

#: one of several processes asking for the same feed at once; "made" is appended per render
MAKER = """
import os, sys, time
from pathlib import Path
from app.vision import demo_feeds

feed, log = Path(sys.argv[1]), Path(sys.argv[2])
(log.parent / f"ready-{os.getpid()}").touch()  # start together: wait for all three
while len(list(log.parent.glob("ready-*"))) < 3:
    time.sleep(0.01)

def make():
    with open(log, "a") as fh:
        fh.write("made\\n")
    time.sleep(0.5)  # a render takes a while: the others must wait, then find the file
    feed.write_bytes(b"video")

demo_feeds._once((feed,), make, feed.stem)
print(feed.read_bytes().decode())
"""


def test_cache_is_keyed_by_generator_version_not_by_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("CONTROL_ROOM_CACHE", str(tmp_path))
    monkeypatch.setenv("CONTROL_ROOM_DATA", str(tmp_path / "one"))
    first = demo_feeds.cache_dir()
    monkeypatch.setenv("CONTROL_ROOM_DATA", str(tmp_path / "two"))
    assert demo_feeds.cache_dir() == first == tmp_path / f"demo-feeds-v{demo_feeds.VERSION}"
    monkeypatch.setattr(demo_feeds, "VERSION", demo_feeds.VERSION + 1)
    assert demo_feeds.cache_dir() != first  # a new generator never plays old feeds


def test_processes_starting_together_render_a_feed_once(tmp_path):
    feed, log = tmp_path / "feeds" / "garden0.mp4", tmp_path / "made.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    makers = [subprocess.Popen([sys.executable, "-c", MAKER, str(feed), str(log)], env=env,
                               stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [m.communicate(timeout=120)[0] for m in makers]
    assert [m.returncode for m in makers] == [0, 0, 0]
    assert outputs == ["video\n"] * 3  # every process got the finished feed
    assert log.read_text() == "made\n"
    assert not list(feed.parent.glob("*.part.mp4"))


def test_stopping_cancels_a_feed_being_made(tmp_path):
    """Quitting during a first start must not wait for every feed to be rendered."""
    stop = threading.Event()
    rendered: list[int] = []

    def slow_frames():
        for i in range(1000):  # ~100 s of rendering if nothing stops it
            rendered.append(i)
            time.sleep(0.1)
            yield np.zeros((16, 16, 3), np.uint8)

    feed = tmp_path / "feed.mp4"
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    with pytest.raises(demo_feeds.FeedCancelled):
        demo_feeds._once((feed,), lambda: demo_feeds.encode(
            demo_feeds._unless_stopped(slow_frames(), stop, "feed"), feed, 5.0), "feed", stop)
    assert time.monotonic() - started < 10
    assert not feed.exists() and not list(tmp_path.glob("*.part.mp4"))  # nothing half-made
    with pytest.raises(demo_feeds.FeedCancelled):  # a worker that waited for the lock
        demo_feeds._once((feed,), lambda: rendered.append(-1), "feed", stop)
    assert -1 not in rendered
