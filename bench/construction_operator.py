"""The bench's operator: a control room that answers every construction alarm a fixed time
after it is raised, through the product's own review loop.

Without it the bench measures a room nobody staffs: an alarm left open keeps every change
that grows next to it as part of itself (dev 1020's paving beside its shed, fresh 1059's
fence beside a snow patch were never raised so, round 17), and an open false alarm hides
the ones that would be raised in its place.

The answers go where the room's commands go (RejectChange, DispatchChange →
``ConstructionService.reject`` / ``.dispatch``, on the ``CameraManager`` the engine builds),
so the detector hears of them exactly as in the product. The rule, decided by the bench's
truth at the answer's time, with the scorer's own matching (construction_set.matching):

- the alarm covers a structure standing in a zone (same zone, started by then, overlap ≥
  0.25) → **dispatched** (illegal construction: a work order and the evidence package);
- anything else → **rejected**, with the reason the truth gives: a temporary object, a
  structure outside every zone, or nothing there (the scene: weather, light, a lawn).

``structures="accept"`` accepts such alarms instead (the detector absorbs them into its
reference): round 17's prototype operator did so.

A dispatched change is closed in the detector (``ConstructionDetector.close``, since round
18): still watched until it goes, but what is built next to it is raised on its own (before,
the product's dispatch told the detector nothing and the change kept growing). Answers
are due ``delay_s`` of the stream's time after the raise and given before the first sample
judged at or after that time, in the order the alarms were raised.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.vision.cameras import CameraManager
from app.vision.construction.events import Detection

CAMERA = "bench"
USER = "bench-operator"


@dataclass
class Answer:
    due: float  # stream time
    change_id: str
    verdict: str  # "dispatched" | "rejected"
    reason: str


class BenchOperator:
    """``judge(event)`` gives (verdict, reason) for a raised change; ``delay_s`` is in
    the stream's time. Use as ``detect_file(..., operator=op)``."""

    def __init__(self, judge, delay_s: float, evidence_dir: Path | None = None, *,
                 structures: str = "dispatch") -> None:
        if structures not in ("dispatch", "accept"):
            raise ValueError(f"structures: dispatch or accept, not {structures!r}")
        self.judge = judge
        self.delay_s = delay_s
        self.structures = structures
        self._tmp = None
        if evidence_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="bench-operator-")
            evidence_dir = Path(self._tmp.name)
        cam = Camera(id=CAMERA, name=CAMERA, xyz=(0.0, 0.0, 10.0), yaw_deg=0.0,
                     pitch_deg=-30.0, stream=None)
        self.cameras = CameraManager([cam], book=AlarmBook(), evidence_dir=evidence_dir,
                                     demo_feeds_dir=None, settings_file=None)
        self.service = self.cameras.construction
        self.analyzer = None
        self.pending: list[Answer] = []
        self.log: list[dict] = []  # every answer given: what, when, and whether held

    def attach(self, analyzer) -> None:
        self.analyzer = analyzer
        self.service.attach(CAMERA, analyzer)

    def heard(self, ev) -> None:
        """An event of the analyser, as the camera manager hears it."""
        self.cameras.construction_event(CAMERA, ev)
        if isinstance(ev, Detection):
            verdict, reason = self.judge(ev.event)
            self.pending.append(Answer(ev.event.t_detected + self.delay_s, ev.event.id,
                                       verdict, reason))

    def answer(self, t: float) -> None:
        """Give every answer due by the stream time ``t`` (before that sample is judged)."""
        due = [a for a in self.pending if a.due <= t]
        for a in due:
            self.pending.remove(a)
            held = a.change_id in {c.id for c in self.analyzer.detector.open_changes()}
            verdict = a.verdict
            if verdict == "rejected":
                self.service.reject(a.change_id, USER, a.reason)
            elif self.structures == "accept":
                verdict = "accepted"
                self.service.accept(a.change_id, USER, a.reason)
            else:
                self.service.dispatch(a.change_id, USER, a.reason)
            self.log.append({"t": t, "change": a.change_id, "verdict": verdict,
                             "reason": a.reason, "held": held})

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
