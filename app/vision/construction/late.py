"""Late parts of dispatched changes (the detector's ``fold_late``).

A dispatched change is closed: it grows no more, so what goes up beside it is judged on its
own. Some of that is the same thing seen late — a fence's last panels that were already
going up when the case was dispatched, or a gap inside it that filled in — and raising it
again puts a second case of the same fence in the review list (fresh 1051, 1061, round 18).
Something built beside it after the dispatch, reaching outside its box, is news (dev 1020's
paving beside its dispatched shed).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from app.vision.construction.blockshape import within_reach


def late_part_of(changes: Iterable, comp: np.ndarray, zone: str, onset: float):  # noqa: ANN201
    """The closed change (detector ``_Change``: ``closed``, ``closed_at``, ``blocks``,
    ``event.zone``) that ``comp`` — a part about to be raised in ``zone``, its median start
    ``onset`` — is a late part of: of the same zone, up to two blocks from it, and started
    before the dispatch or lying inside the change's box. None: it is news."""
    touching = within_reach(comp)  # as an open change takes its parts
    for c in changes:
        if not c.closed or c.event.zone != zone or not (c.blocks & touching).any():
            continue
        rows, cols = np.nonzero(c.blocks)
        box = np.zeros_like(comp)
        box[rows.min():rows.max() + 1, cols.min():cols.max() + 1] = True
        if onset <= c.closed_at or not (comp & ~box).any():
            return c
    return None
