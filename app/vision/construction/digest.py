"""A short digest of the construction detector's state after each sample, to find where two
runs of the same video part ways.

Round 19: one dev video (1011, unanswered) once raised an alarm 60 h into it that eight
reruns of identical code raised and one did not, and nothing recorded could say where the
runs diverged. ``detect_file`` (the ``detect`` CLI's and the bench's path) can keep, per
sample, 8 hex characters of a hash of what the detector carries from sample to sample:

- every block's run (every array ``BlockRuns`` keeps, found by name, so one added later is
  covered) and the active runs;
- the reference bins (each seeded picture, its stale blocks, the blocks taken as uncovered,
  its last warp), the last warp and the last placed sample's warp (the next registrations
  start from them), the calm counts, the mutes, the blocks judged outside every zone, the
  open and closed changes' blocks;
- the events of the sample, without their change ids (``uuid4``: random on every run).

Two runs of the same video and config give the same list; the first index where two lists
differ is the first sample where the state did (``bench/construction_digest.py``). The live
camera worker does not compute it (``detect_file`` only, when asked: about 1 ms a sample,
most of it the reference pictures).
"""

from __future__ import annotations

import hashlib

import msgspec
import numpy as np

from app.vision.construction.events import Detection

SIZE = 4  # bytes: 8 hex characters


def _arrays(det) -> list[np.ndarray]:  # noqa: ANN001
    runs = vars(det.runs)  # every per-block array of the runs, by name: one added is covered
    out = [np.asarray(runs[k]) for k in sorted(runs)
           if isinstance(runs[k], (np.ndarray, int, float))]
    out += [det.runs.active(det.cfg), det.calm, det.outside, det.mutes.mask,
            det.ages.aged_from]
    for key in sorted(det.bank.bins):
        b = det.bank.bins[key]
        out += [a for a in (b.image, b.stale, b.under) if a is not None]
    for c in det.changes.values():
        out += [c.blocks, np.array([c.closed])]
    # the warps the next registrations start from
    placed_warp = det._placed[1] if det._placed is not None else None
    out += [w for w in [det._warp, placed_warp]
            + [det.bank.bins[k].warp for k in sorted(det.bank.bins)] if w is not None]
    return out


def _event(ev) -> bytes:  # noqa: ANN001
    """An event without its change id (random per run)."""
    if isinstance(ev, Detection):
        ev = ev.event
    fields = {k: v for k, v in msgspec.structs.asdict(ev).items() if k != "id"}
    return type(ev).__name__.encode() + msgspec.json.encode(fields)


def sample_digest(det, events: list) -> str:  # noqa: ANN001
    """8 hex characters of the detector's state after a sample and that sample's events."""
    h = hashlib.blake2b(digest_size=SIZE)
    h.update(int(det.samples).to_bytes(8, "little"))
    if getattr(det, "_geometry", None) is not None:
        for a in _arrays(det):
            h.update(str(a.dtype).encode() + bytes(str(a.shape), "ascii"))
            h.update(np.ascontiguousarray(a).tobytes())
    for ev in events:
        h.update(_event(ev))
    return h.hexdigest()


def first_divergence(a: list[str], b: list[str]) -> int | None:
    """The first sample index where two digest lists differ (a shorter list differs at its
    end); None when they are the same."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))
