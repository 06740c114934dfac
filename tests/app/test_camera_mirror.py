"""A console's camera mirror keeps the newest events with their clips on the desk's disk,
and a clip goes with its event: a console left running for months does not fill the disk."""

from __future__ import annotations

from pathlib import Path

from app.client.mirrors import CameraMirror
from app.vision.camera_types import CameraEvent
from tests.fixtures.waiting import wait_until


def _server_clip(event_id: str, target: Path) -> Path:  # what ApiClient.clip does
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"mp4 of " + event_id.encode())
    return target


def _event(n: int) -> CameraEvent:
    return CameraEvent(id=f"ev{n}", camera_id="CAM-01", kind="falling_object", t=float(n),
                       data={}, clip_path=f"/server/evidence/ev{n}/clip.mp4",
                       snapshot_path=None)


def test_the_clip_of_an_event_pushed_out_of_the_list_is_deleted(tmp_path) -> None:
    class ThreeKept(CameraMirror):
        EVENTS_KEPT = 3

    mirror = ThreeKept([], lambda cid, after: None, _server_clip, tmp_path / "clips")
    try:
        for n in range(5):
            mirror.add_events([_event(n)])
            assert wait_until(lambda n=n: mirror.events()[-1:] and
                              mirror.events()[-1].id == f"ev{n}", timeout=5)
        kept = mirror.events()
        assert [e.id for e in kept] == ["ev2", "ev3", "ev4"]
        assert all(Path(e.clip_path).read_bytes() == f"mp4 of {e.id}".encode() for e in kept)
        assert sorted(p.name for p in (tmp_path / "clips").iterdir()) == [
            "ev2.mp4", "ev3.mp4", "ev4.mp4"]
    finally:
        mirror.stop()
