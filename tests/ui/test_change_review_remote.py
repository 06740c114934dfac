"""The construction review at a remote console of a real ``control-room serve``: the change
records and their before/after pictures come over the API (scoped and signed in like the
other reads), the review panel shows them with the slider, and a decision taken there is
kept by the server."""

from __future__ import annotations

import cv2
import httpx
import numpy as np
import pytest

from app.client.remote import RemoteControlRoom
from app.facade.errors import CommandRefused
from app.vision.construction.records import ChangeRecord, RecordStore
from bench.control_server import ControlRoomServer
from tests.fixtures import construction_scene as cs
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.change_review import ChangeReview

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

SUPERVISOR = ("li", "Li!super1")
SCOPED = ("zhao", "Zhao!guard1")  # a guard who watches CAM-02 only


def _record(store: RecordStore, camera_id: str, change_id: str, t: float) -> ChangeRecord:
    before = cs.shot(cs.ground(), np.random.default_rng(1))
    after = cs.with_shed(before, cs.ON_LAWN)
    rec = ChangeRecord(change_id, camera_id, camera_id, "lawn", "green_space", "中心花园", t,
                       t - 3600, (200, 100, 96, 80), ((200.0, 100.0), (296.0, 100.0),
                                                      (296.0, 180.0), (200.0, 180.0)),
                       0.8, (12.0, 30.0),
                       folder=str(store.folder_for(camera_id, change_id, t)))
    return store.create(rec, before, after, after)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = ControlRoomServer(tmp_path_factory.mktemp("construction-remote"))
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"  # records are files: no video needed
    store = RecordStore(srv.folder / "data" / "evidence")  # what the server loads at start
    srv.records = [_record(store, "CAM-01", "c0ffee000001", 1.7e9),
                   _record(store, "CAM-02", "c0ffee000002", 1.7e9 + 60)]
    srv.add_user(*SUPERVISOR, "supervisor")
    srv.add_user(*SCOPED, "guard", "--cameras", "CAM-02")
    srv.start()
    yield srv
    srv.stop()


def _decoded(data: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


def test_records_and_pictures_come_over_the_api_within_the_users_scope(server) -> None:
    room = RemoteControlRoom.sign_in(server.url, *SCOPED, console="gate")
    try:
        reader = room.cameras.construction
        assert [r.id for r in reader.changes("open")] == ["c0ffee000002"]  # CAM-01: not theirs
        assert reader.changes()[0].folder == ""  # no server path leaves the server
        after = _decoded(reader.picture("c0ffee000002", "after"))
        on_disk = _decoded(RecordStore.picture(server.records[1], "after"))
        assert after.shape == on_disk.shape and np.array_equal(after, on_disk)
        with pytest.raises(CommandRefused, match="scope"):
            reader.picture("c0ffee000001", "before")
    finally:
        room.close()
    unsigned = httpx.get(f"{server.url}/api/v1/construction/changes/c0ffee000002/after.jpg")
    assert unsigned.status_code == 401  # signed in like every other read


def test_the_review_panel_works_at_a_remote_console(qtbot, server) -> None:
    room = RemoteControlRoom.sign_in(server.url, *SUPERVISOR, console="desk-r")
    try:
        review = ChangeReview(room)
        qtbot.addWidget(review)
        review.resize(1200, 520)
        review.show()
        qtbot.waitExposed(review)
        assert review.change_list.count() == 2
        assert review.current == "c0ffee000002"  # newest first
        assert review.slider.has_images() and review.reject_button.isEnabled()
        review.reason.setText("临时堆放，已清走")
        assert review.decide("reject"), review.feedback.text()
        assert review.change_list.count() == 1  # "open only": it left the list
        other = RemoteControlRoom.sign_in(server.url, *SUPERVISOR, console="desk-s")
        try:
            rec = other.cameras.construction.change_or_none("c0ffee000002")
            assert rec is not None and rec.state == "rejected"
            assert rec.decisions[-1].user == SUPERVISOR[0]
        finally:
            other.close()
        review.close()
    finally:
        room.close()
