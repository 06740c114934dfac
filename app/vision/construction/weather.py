"""Weather is everywhere at once: a start shared by runs in several other places of the picture
(detector._weather_like). Round 15, ``weather_by_block`` (on by default since round 16): a change's age is
the median start of its blocks, and a change made of blocks that started at different times —
five that ran since the dusk and five the night's snowfall started (fresh dev 1059 at 33 h), or
patches a snowy afternoon's light started and patches the next dawn showed melting (1059 at
58 h) — has a median start that nothing else shares, so the check by that start alone let it
through. With the option, each group of the change's blocks that started together is checked
by its own start, and a change most of whose blocks started with the weather is weather.

Only runs still running count as the weather's other places (round 16, traced on 1059): as they
end — the day denies the dusk's patches, the snow melts — a start's evidence fades while the
change's own blocks may be kept running by the next weather (a dusk patch the snow then covered),
so such a change can still be raised a few samples later, when its weather blocks are half or
fewer. And the afternoon's light starts runs in several places every sample: a structure finished
then can be held a sample or a few more (fresh 1056's roof room 1.4 h, 1064's car 2.0 h)."""

from __future__ import annotations

import cv2
import numpy as np


def synced(others: np.ndarray, start: np.ndarray, at: float, window: float, need: float,
           places: int) -> bool:
    """At least ``need`` blocks of ``others`` started within ``window`` of ``at``, in at least
    ``places`` separate places."""
    with np.errstate(invalid="ignore"):
        sync = others & (np.abs(start - at) <= window)
    if int(sync.sum()) < need:
        return False
    return cv2.connectedComponents(sync.astype(np.uint8), connectivity=8)[0] - 1 >= places


def weather_blocks(comp: np.ndarray, others: np.ndarray, start: np.ndarray, window: float,
                   min_blocks: int, share: float, places: int) -> np.ndarray:
    """The blocks of ``comp`` whose group (the blocks of ``comp`` that started within
    ``window`` of them) started with runs in several other places."""
    out = np.zeros_like(comp)
    for at in np.unique(start[comp]):
        if np.isnan(at) or out[comp & (start == at)].all():
            continue
        with np.errstate(invalid="ignore"):
            group = comp & (np.abs(start - at) <= window)
        if synced(others, start, at, window, max(min_blocks, share * int(group.sum())), places):
            out |= group
    return out
