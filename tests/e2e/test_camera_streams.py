"""Cameras on real network streams: an HTTP MJPEG server in the test (which drops and comes
back) and an RTSP stream from a real ffmpeg process, read by the CameraManager."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def _wait(cond, timeout: float) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def _manager(tmp_path: Path, cams, book) -> CameraManager:
    return CameraManager(cams, book=book, evidence_dir=tmp_path / "ev", demo_feeds_dir=None,
                         settings_file=tmp_path / "settings.json", loss_s=1.5,
                         backoff_first_s=0.2, backoff_max_s=1.0, open_timeout_s=2.0,
                         read_timeout_s=1.5, tamper=None)


def test_mjpeg_stream_drops_and_returns(tmp_path: Path) -> None:
    port = _free_port()
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
        assert _wait(lambda: mgr.status("CAM-H").frames >= 5, 10), mgr.status("CAM-H")
        snap = mgr.latest("CAM-H")
        assert snap.frame.shape == (180, 320, 3) and snap.status.online
        server.stop()  # the stream drops
        assert _wait(lambda: book.is_active("CAM-H", "event.video_loss"), 8)
        assert not mgr.status("CAM-H").online
        frames_at_loss = mgr.status("CAM-H").frames
        back = time.time()
        server.start()  # ... and returns
        assert _wait(lambda: mgr.status("CAM-H").frames > frames_at_loss + 3, 10)
        reconnect_s = time.time() - back
        assert _wait(lambda: not book.is_active("CAM-H", "event.video_loss"), 3)
        st = mgr.status("CAM-H")
        assert st.reconnects >= 1 and st.online
        kinds = [e.kind for e in events]
        assert kinds.index("video_loss") < kinds.index("video_restored")
        print(f"reconnect after the server returned: {reconnect_s:.2f} s")
    finally:
        mgr.stop()
        server.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("Camera")]


def test_rtsp_stream_from_ffmpeg(tmp_path: Path) -> None:
    exe = shutil.which("ffmpeg")
    if exe is None:
        pytest.skip("ffmpeg is not installed")
    clip = tmp_path / "clip.mp4"
    w = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 10, (160, 96))
    for i in range(20):
        w.write(np.full((96, 160, 3), 40 + 5 * i, np.uint8))
    w.release()
    port = _free_port()
    url = f"rtsp://127.0.0.1:{port}/cam"
    proc = subprocess.Popen([exe, "-loglevel", "error", "-re", "-stream_loop", "-1", "-i",
                             str(clip), "-c", "copy", "-f", "rtsp", "-rtsp_flags", "listen",
                             url], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=1.5)
        if proc.returncode is not None:
            err = proc.stderr.read().decode(errors="replace").strip().splitlines()
            pytest.skip("this ffmpeg cannot serve RTSP: its RTSP muxer does not listen "
                        "(-rtsp_flags listen is an input option; as an output it connects to "
                        f"a server: {err[:1]}); an RTSP server package would be needed")
        cam = Camera(id="CAM-R", name="rtsp", xyz=(0, 0, 0), yaw_deg=0, pitch_deg=0, stream=url)
        mgr = _manager(tmp_path, [cam], AlarmBook())
        mgr.start()
        try:
            assert _wait(lambda: mgr.status("CAM-R").frames >= 5, 15), mgr.status("CAM-R")
        finally:
            mgr.stop()
    finally:
        proc.kill()
        proc.wait()
