"""Cameras on real network streams, read by the CameraManager: an HTTP MJPEG server in the
test and an RTSP server in its own process (GStreamer's, tests/fixtures/rtsp_server.py),
each dropping and coming back."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.vision.cameras import CameraManager
from bench.common import free_port
from tests.fixtures import rtsp
from tests.fixtures.waiting import wait_until


class MjpegServer:
    """multipart/x-mixed-replace JPEG frames at ~10 fps; stop() closes every connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.alive = threading.Event()
        self.httpd: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        server = self
        frame = np.full((180, 320, 3), 90, np.uint8)
        cv2.putText(frame, "MJPEG", (60, 100), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 255, 255), 3)

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a) -> None:
                pass

            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.end_headers()
                i = 0
                try:
                    while server.alive.is_set():
                        img = np.roll(frame, i * 3, axis=1)
                        jpg = cv2.imencode(".jpg", img)[1].tobytes()
                        self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\n"
                                         b"Content-Length: " + str(len(jpg)).encode()
                                         + b"\r\n\r\n" + jpg + b"\r\n")
                        i += 1
                        time.sleep(0.1)
                except OSError:
                    pass

        ThreadingHTTPServer.allow_reuse_address = True
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.alive.set()
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="MjpegServerWorker",
                                       daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.alive.clear()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join()
            self.httpd = None


def _manager(tmp_path: Path, cams, book, **kw) -> CameraManager:
    opts = dict(loss_s=1.5, backoff_first_s=0.2, backoff_max_s=1.0, open_timeout_s=2.0,
                read_timeout_s=1.5, tamper=None) | kw
    return CameraManager(cams, book=book, evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                         settings_file=tmp_path / "settings.json", **opts)


def test_mjpeg_stream_drops_and_returns(tmp_path: Path) -> None:
    port = free_port()
    server = MjpegServer(port)
    server.start()
    cam = Camera(id="CAM-H", name="mjpeg", xyz=(0, 0, 0), yaw_deg=0, pitch_deg=0,
                 stream=f"http://127.0.0.1:{port}/video.mjpg")
    book = AlarmBook()
    mgr = _manager(tmp_path, [cam], book)
    events = []
    mgr.subscribe(events.append)
    mgr.start()
    try:
        assert wait_until(lambda: mgr.status("CAM-H").frames >= 5, 10), mgr.status("CAM-H")
        snap = mgr.latest("CAM-H")
        assert snap.frame.shape == (180, 320, 3) and snap.status.online
        server.stop()  # the stream drops
        assert wait_until(lambda: book.is_active("CAM-H", "event.video_loss"), 8)
        assert not mgr.status("CAM-H").online
        frames_at_loss = mgr.status("CAM-H").frames
        back = time.time()
        server.start()  # ... and returns
        assert wait_until(lambda: mgr.status("CAM-H").frames > frames_at_loss + 3, 10)
        reconnect_s = time.time() - back
        assert wait_until(lambda: not book.is_active("CAM-H", "event.video_loss"), 3)
        st = mgr.status("CAM-H")
        assert st.reconnects >= 1 and st.online
        kinds = [e.kind for e in events]
        assert kinds.index("video_loss") < kinds.index("video_restored")
        print(f"reconnect after the server returned: {reconnect_s:.2f} s")
    finally:
        mgr.stop()
        server.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("Camera")]


@pytest.mark.rtsp
@pytest.mark.timeout(90)
def test_rtsp_stream_drops_and_returns(tmp_path: Path, rtsp_server) -> None:
    """A camera on a real RTSP server (GStreamer's, its own process) serving H.264: frames
    with the clip's picture arrive; the server dies → video loss; the server comes back on
    the same port → the worker reconnects by itself and the loss clears."""
    cam = Camera(id="CAM-R", name="rtsp", xyz=(0, 0, 0), yaw_deg=0, pitch_deg=0,
                 stream=rtsp_server.url)
    book = AlarmBook()
    # FFmpeg's RTSP open probes the stream (~1 s at 25 fps): a longer open timeout than the
    # MJPEG test's, so a loaded machine does not turn a slow open into a failed one.
    mgr = _manager(tmp_path, [cam], book, open_timeout_s=8.0)
    events = []
    mgr.subscribe(events.append)
    t0 = time.time()
    mgr.start()
    try:
        assert wait_until(lambda: mgr.status("CAM-R").frames >= 10, 20), mgr.status("CAM-R")
        first_s = time.time() - t0
        snap = mgr.latest("CAM-R")
        assert snap.frame.shape == (180, 320, 3) and snap.status.online
        # the picture is the clip's: its blue field and its moving white block, live
        assert np.abs(snap.frame[10:40, 10:60].mean(axis=(0, 1)) - rtsp.BG).max() < 25
        x0 = rtsp.block_x(snap.frame)
        assert x0 is not None
        assert wait_until(lambda: rtsp.block_x(mgr.latest("CAM-R").frame) not in (None, x0), 5)

        lost = time.time()
        rtsp_server.kill()  # the stream drops
        assert wait_until(lambda: book.is_active("CAM-R", "event.video_loss"), 10)
        loss_s = time.time() - lost
        assert not mgr.status("CAM-R").online
        frames_at_loss = mgr.status("CAM-R").frames

        back = time.time()
        rtsp_server.start()  # ... and returns on the same port
        assert wait_until(lambda: mgr.status("CAM-R").frames > frames_at_loss + 10, 20), \
            mgr.status("CAM-R")
        reconnect_s = time.time() - back
        assert wait_until(lambda: not book.is_active("CAM-R", "event.video_loss"), 3)
        st = mgr.status("CAM-R")
        assert st.reconnects >= 1 and st.online
        assert rtsp.block_x(mgr.latest("CAM-R").frame) is not None
        kinds = [e.kind for e in events]
        assert kinds.index("video_loss") < kinds.index("video_restored")
        print(f"RTSP: {first_s:.2f} s to 10 frames, video loss {loss_s:.2f} s after the "
              f"server died, frames again {reconnect_s:.2f} s after it returned")
    finally:
        mgr.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("Camera")]
