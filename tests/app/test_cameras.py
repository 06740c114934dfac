"""CameraManager on real files: privacy masks everywhere, a throw raising a CRITICAL alarm
with clip and snapshot, the evidence package's SM3 digests, tampering, drops, settings."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.domain.model import Camera
from app.vision import demo_feeds
from app.vision.camera_analysis import CameraAnalysis
from app.vision.camera_worker import FrameQueue
from app.vision.cameras import CameraManager
from app.vision.evidence import sm3_hex
from app.vision.synth import ClipSpec
from app.vision.synth.clip import plan_clip
from app.vision.tamper import TamperConfig
from tests.fixtures.waiting import wait_until

MASK = [(0.0, 0.0), (120.0, 0.0), (120.0, 90.0), (0.0, 90.0)]  # top-left corner: sky and wall


def _cam(cid: str, stream: str | None, watches: str | None = None) -> Camera:
    return Camera(id=cid, name=cid, xyz=(0, 0, 0), yaw_deg=0, pitch_deg=30, watches=watches,
                  stream=stream)


def _no_camera_threads() -> bool:
    return not [t for t in threading.enumerate()
                if t.name.startswith(("Camera", "ClipWriter"))]


@pytest.fixture(scope="module")
def throw_clip(tmp_path_factory) -> tuple[Path, dict, dict]:
    """A quiet stretch then a throw, so the clip has its 5 s of pre-roll from one file."""
    out = tmp_path_factory.mktemp("clip")
    plan = plan_clip(ClipSpec(seed=11, width=640, height=360, fps=15, duration_s=7, throws=1,
                              night=False, distractors=("bird", "windows"),
                              throw_size_px=7, throw_contrast=90))
    frames = list(plan.frames)
    t_end = plan.truth["events"][0]["t_last_visible"]
    tail = frames[int((t_end + 1.0) * 15):]
    path = out / "throw.mp4"
    demo_feeds.encode((tail * 3)[:75] + frames, path, 15.0)  # 5 s quiet, then the throw
    return path, plan.facade, plan.truth["events"][0]


def test_throw_file_camera_alarm_clip_snapshot_masks_and_export(tmp_path, throw_clip) -> None:
    path, facade, truth = throw_clip
    scene_dir = tmp_path / "scene-cams"
    scene_dir.mkdir()
    (scene_dir / "CAM-T.json").write_text(json.dumps({"facade": facade,
                                                      "privacy_masks": [MASK]}))
    book = AlarmBook()
    mgr = CameraManager([_cam("CAM-T", str(path), "B01")], book=book,
                        evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                        settings_file=tmp_path / "s.json", scene_cameras_dir=scene_dir)
    events = []
    mgr.subscribe(events.append)
    mgr.start()
    try:
        assert wait_until(lambda: mgr.latest("CAM-T") is not None, 5)
        snap = mgr.latest("CAM-T")
        assert snap.frame[:90, :120].max() == 0  # masked before anyone sees it
        assert snap.frame[200:, 300:].max() > 0
        # overlays are drawn by the analysis thread, a few ms after capture published a frame
        assert wait_until(lambda: {o.kind for o in mgr.latest("CAM-T").overlays}
                          >= {"mask", "facade"}, 5)
        ring = mgr.ring("CAM-T")
        assert wait_until(lambda: len(ring) > 10, 5)
        for _, jpg in ring.between(0, 1e12)[-5:]:
            img = cv2.imdecode(np.frombuffer(jpg, np.uint8), cv2.IMREAD_COLOR)
            assert img[4:86, 4:116].max() < 12  # black (JPEG ringing at the edge aside)
        alarm_seen = wait_until(lambda: book.is_active("CAM-T", "event.falling_object"), 15)
        assert alarm_seen
        assert book.severity_of("CAM-T", "event.falling_object") == Severity.CRITICAL
        # the event follows its clip: 5 s of post-roll in real time, longer on a busy machine
        assert wait_until(lambda: any(e.kind == "falling_object" for e in events), 40)
    finally:
        mgr.stop()
    assert _no_camera_threads()
    ev = next(e for e in events if e.kind == "falling_object")
    assert ev.data["floor"] is not None and abs(ev.data["floor"] - truth["floor"]) <= 1
    alarm = next(a for a in book._by_id.values() if a.type == "event.falling_object")
    assert f"floor {ev.data['floor']}" in alarm.message
    assert Path(ev.snapshot_path).is_file() and cv2.imread(ev.snapshot_path) is not None
    cap = cv2.VideoCapture(ev.clip_path)
    n, first = 0, None
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        first = frame if first is None else first
        n += 1
        assert frame[4:86, 4:116].max() < 12  # the mask holds in the recorded clip too
    duration = n / cap.get(cv2.CAP_PROP_FPS)
    assert 9.0 <= duration <= 14.0, duration
    zpath = mgr.export_evidence(ev.id, tmp_path / "out")
    with zipfile.ZipFile(zpath) as zf:
        names = set(zf.namelist())
        assert {"clip.mp4", "snapshot.png", "metadata.json", "manifest.json",
                "manifest.sm3"} <= names
        manifest_bytes = zf.read("manifest.json")
        manifest = json.loads(manifest_bytes)
        for name, entry in manifest["files"].items():
            assert sm3_hex(zf.read(name)) == entry["sm3"], name
        assert zf.read("manifest.sm3").decode().split()[0] == sm3_hex(manifest_bytes)
        meta = json.loads(zf.read("metadata.json"))
        assert meta["camera"]["id"] == "CAM-T" and meta["floor"] == ev.data["floor"]
        assert meta["detector"]["confidence"] > 0


def _write(path: Path, frames, fps: float) -> Path:
    w = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps,
                        (frames[0].shape[1], frames[0].shape[0]))
    for f in frames:
        w.write(f)
    w.release()
    return path


def _scene_frames(n: int, rng_seed: int = 1) -> list[np.ndarray]:
    rng = np.random.default_rng(rng_seed)
    base = cv2.resize(rng.integers(0, 255, (18, 32, 3), dtype=np.uint8), (320, 180),
                      interpolation=cv2.INTER_NEAREST)
    return [base.copy() for _ in range(n)]


def test_covered_camera_raises_tampering(tmp_path) -> None:
    frames = _scene_frames(30) + [np.zeros((180, 320, 3), np.uint8)] * 80  # 3 s, then 8 s black
    path = _write(tmp_path / "covered.mp4", frames, 10.0)
    book = AlarmBook()
    mgr = CameraManager([_cam("CAM-C", str(path))], book=book, evidence_dir=tmp_path / "ev",
                        demo_feeds_dir=None, settings_file=None,
                        tamper=TamperConfig(period_s=0.25, warmup_s=0.5, persist_s=1.5))
    events = []
    mgr.subscribe(events.append)
    mgr.start()
    try:
        assert wait_until(lambda: book.is_active("CAM-C", "event.tampering"), 9)
        assert mgr.status("CAM-C").tamper == "covered"
        assert any(e.kind == "tampering" and e.data["state"] == "covered" for e in events)
    finally:
        mgr.stop()
    assert _no_camera_threads()


def test_queue_drops_oldest_and_counts() -> None:
    q = FrameQueue(4)
    for i in range(20):
        q.put((None, float(i), i))
    assert q.dropped == 16
    assert [q.get(0.01)[2] for _ in range(4)] == [16, 17, 18, 19]
    assert q.get(0.01) is None


def test_slow_analysis_drops_frames_instead_of_lagging(tmp_path, monkeypatch) -> None:
    path = _write(tmp_path / "fast.mp4", _scene_frames(60), 50.0)
    original = CameraAnalysis.frame

    def slow(self, rt, frame, t, seq):
        time.sleep(0.1)  # a detector five times too slow for the stream
        original(self, rt, frame, t, seq)

    monkeypatch.setattr(CameraAnalysis, "frame", slow)
    mgr = CameraManager([_cam("CAM-Q", str(path))], book=None, evidence_dir=tmp_path / "ev",
                        demo_feeds_dir=None, settings_file=None, queue_len=2)
    mgr.start()
    try:
        assert wait_until(lambda: mgr.status("CAM-Q").frames >= 60, 5)
        st = mgr.status("CAM-Q")
        assert st.dropped > 20
        assert mgr.latest("CAM-Q").seq == st.frames  # the UI still gets the newest frame
    finally:
        mgr.stop()
    assert _no_camera_threads()


def test_bad_sources_and_settings_never_crash(tmp_path, caplog) -> None:
    scene_dir = tmp_path / "cams"
    scene_dir.mkdir()
    (scene_dir / "CAM-A.json").write_text("{not json")
    (scene_dir / "CAM-B.json").write_text(json.dumps({"privacy_masks": [[[0, 0], [1, "x"]]]}))
    (tmp_path / "s.json").write_text(json.dumps({"cameras": {"CAM-A": {"facade": {"x": 1}}}}))
    book = AlarmBook()
    cams = [_cam("CAM-A", str(tmp_path / "missing.mp4")),
            _cam("CAM-B", "http://127.0.0.1:9/nothing.mjpg")]
    mgr = CameraManager(cams, book=book, evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                        settings_file=tmp_path / "s.json", scene_cameras_dir=scene_dir,
                        loss_s=1.0, backoff_first_s=0.1, backoff_max_s=0.3)
    mgr.start()
    try:
        assert wait_until(lambda: book.is_active("CAM-A", "event.video_loss")
                     and book.is_active("CAM-B", "event.video_loss"), 6)
        assert "no such video file" in mgr.status("CAM-A").last_error
        assert mgr.status("CAM-B").last_error and not mgr.status("CAM-B").online
        assert mgr.latest("CAM-A") is None
        with pytest.raises(ValueError):
            mgr.set_privacy_masks("CAM-A", [[(0, 0), (1, 1)]])  # two points: no polygon
    finally:
        mgr.stop()
    text = caplog.text
    assert "CAM-A.json" in text and "CAM-B.json" in text and "s.json" in text
    assert "Traceback" not in text
    assert _no_camera_threads()


def test_masks_persist_and_nearest_camera(tmp_path) -> None:
    cams = [Camera(id="E", name="e", xyz=(0, 0, 2), yaw_deg=0, pitch_deg=0, range_m=50),
            Camera(id="N", name="n", xyz=(10, 0, 2), yaw_deg=90, pitch_deg=0, range_m=50)]
    mgr = CameraManager(cams, book=None, evidence_dir=tmp_path, demo_feeds_dir=None,
                        settings_file=tmp_path / "s.json")
    mgr.set_privacy_masks("E", [MASK])
    again = CameraManager(cams, book=None, evidence_dir=tmp_path, demo_feeds_dir=None,
                          settings_file=tmp_path / "s.json")
    assert again.store.get("E").privacy_masks == (tuple(MASK),)
    assert mgr.nearest_camera((30, 0, 2)) == "E"  # in E's cone, not N's (N is closer)
    assert mgr.nearest_camera((10, 20, 2)) == "N"
    assert mgr.nearest_camera((10, -8, 2)) == "N"  # in nobody's cone: the closest


def test_demo_calibration_matches_the_demo_feeds() -> None:
    from app import paths
    from app.scene.loader import load_scene
    scene = load_scene(paths.demo_scene_dir())
    for index, cam in enumerate(scene.cameras):
        path = paths.demo_scene_dir() / "cameras" / f"{cam.id}.json"
        if cam.watches is None:  # a ground camera: no facade (CAM-14 has a lawn zone)
            assert not path.exists() or "facade" not in json.loads(path.read_text())
            continue
        assert json.loads(path.read_text())["facade"] == demo_feeds.facade_calibration(index)


def test_demo_feeds_generated_lazily_and_played(tmp_path) -> None:
    cams = [_cam("CAM-F", None, "B01"), Camera(id="CAM-G", name="南门车行", xyz=(0, 0, 0),
                                              yaw_deg=0, pitch_deg=-20)]
    mgr = CameraManager(cams, book=None, evidence_dir=tmp_path / "ev",
                        demo_feeds_dir=tmp_path / "feeds", settings_file=None)
    started = time.time()
    mgr.start()
    assert time.time() - started < 1.0  # generation happens in the workers
    try:
        assert wait_until(lambda: mgr.status("CAM-F").frames > 5 and mgr.status("CAM-G").frames > 2,
                     40)
        assert mgr.latest("CAM-F").frame.shape == (360, 640, 3)
    finally:
        mgr.stop()
    assert _no_camera_threads()
