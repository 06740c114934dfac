"""The review list: a change the detector raised shows with its before/after pictures;
the operator's decision goes through the room and is kept with who and why; a guard (no
review permission) sees it but cannot decide."""

from __future__ import annotations

import msgspec
import pytest

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.facade.parts import PartsRoom
from app.facade.session import DEMO_SESSION
from app.security.roles import Grant, Role
from app.vision.cameras import CameraManager
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.change_review import ChangeReview

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def detection() -> Detection:
    det = ConstructionDetector(parse_zones(cs.zones(10.0)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=10.0))
    found = [ev for i, f in enumerate(cs.timelapse(45, shed_from=12))
             for ev in det.process(f, float(i)) if isinstance(ev, Detection)]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def manager(tmp_path, detection) -> CameraManager:
    cam = Camera(id="CAM-G", name="花园", xyz=(10, 10, 6), yaw_deg=0, pitch_deg=-30,
                 stream=None)
    mgr = CameraManager([cam], book=AlarmBook(), evidence_dir=tmp_path / "ev",
                        demo_feeds_dir=None, settings_file=tmp_path / "s.json")
    mgr.construction_event("CAM-G", detection)  # as the camera's analysis thread does
    return mgr


def test_review_accept_through_the_room(qtbot, manager) -> None:
    room = PartsRoom(book=manager.book, cameras=manager)
    review = ChangeReview(room)
    qtbot.addWidget(review)
    review.resize(1200, 520)
    review.show()
    qtbot.waitExposed(review)
    assert review.change_list.count() == 1
    assert "中心花园" in review.change_list.item(0).text()
    assert review.slider.has_images()
    assert review.accept_button.isEnabled()
    change_id = review.current
    assert not review.decide("accept")  # no reason: the engine refuses, the panel says why
    assert review.feedback.text() and manager.construction.change(change_id).state == "open"
    review.reason.setText("物业批准的工具房")
    assert review.decide("accept")
    rec = manager.construction.change(change_id)
    assert rec.state == "accepted" and rec.decisions[-1].user == DEMO_SESSION.user
    assert review.change_list.count() == 0  # "open only": it left the list
    review.open_only.setChecked(False)
    assert review.change_list.count() == 1 and not review.accept_button.isEnabled()


def test_a_guard_sees_changes_but_cannot_decide(qtbot, manager) -> None:
    guard = msgspec.structs.replace(DEMO_SESSION, user="guard-1", grant=Grant(Role.GUARD))
    review = ChangeReview(PartsRoom(book=manager.book, cameras=manager, session=guard))
    qtbot.addWidget(review)
    assert review.change_list.count() == 1 and review.slider.has_images()
    assert not review.accept_button.isEnabled() and not review.dispatch_button.isEnabled()
