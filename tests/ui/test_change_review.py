"""The review list: a change the detector raised shows with its before/after pictures;
the operator's decision goes through the room and is kept with who and why; a guard (no
review permission) sees it but cannot decide; a dispatched case that grew later (parts
folded into it, ``ChangeGrew``) says so in the list and in its detail, in Chinese too."""

from __future__ import annotations

import msgspec
import pytest
from PySide6.QtCore import Qt

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.facade.parts import PartsRoom
from app.facade.session import DEMO_SESSION
from app.security.roles import Grant, Role
from app.vision.cameras import CameraManager
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import ChangeGrew, Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.change_review import ChangeReview
from ui.i18n import install_translators

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


def _dispatched_and_grown(qtbot, manager) -> tuple[ChangeReview, str]:  # noqa: ANN001
    """The case dispatched through the panel, then two late parts of it as the detector
    reports them (``fold_late``), the second at 130 s of the camera's clock."""
    review = ChangeReview(PartsRoom(book=manager.book, cameras=manager))
    qtbot.addWidget(review)
    change_id = review.current
    review.reason.setText("围栏占用绿地")
    assert review.decide("dispatch")
    assert manager.construction.change(change_id).state == "dispatched"
    for t, bbox in ((90.0, (128, 144, 16, 32)), (130.0, (144, 144, 16, 32))):
        manager.construction_event("CAM-G", ChangeGrew(change_id, t, bbox, 2))
    assert len(manager.construction.change(change_id).late_parts) == 2
    review.open_only.setChecked(False)
    return review, change_id


def test_a_dispatched_case_that_grew_later_says_so(qtbot, manager) -> None:
    review, change_id = _dispatched_and_grown(qtbot, manager)
    assert review.change_list.count() == 1 and review.current == change_id
    row = review.change_list.item(0).text()
    status, place = row.split("\n")
    assert status.endswith("— dispatched · late parts: 2") and "中心花园" in place, row
    details = review.details.text()
    assert "Late parts after dispatch: 2, the last at 130s" in details, details
    assert review.details.textFormat() == Qt.TextFormat.PlainText


def test_a_case_that_did_not_grow_says_nothing_of_late_parts(qtbot, manager) -> None:
    review = ChangeReview(PartsRoom(book=manager.book, cameras=manager))
    qtbot.addWidget(review)
    assert review.decide("dispatch")
    review.open_only.setChecked(False)
    assert "late" not in review.change_list.item(0).text()
    assert "Late parts" not in review.details.text()


def test_the_late_parts_in_chinese(qtbot, qapp, manager) -> None:  # noqa: ANN001
    translators = install_translators(qapp, "zh_CN")
    try:
        review, _ = _dispatched_and_grown(qtbot, manager)
        row = review.change_list.item(0).text()
        assert row.split("\n")[0].endswith("— 已派单 · 后续扩建 2 处"), row
        assert "派单后又扩建 2 处，最近一处 130s" in review.details.text()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
