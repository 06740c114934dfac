"""Persistence held by blocks, not by an average of them (tests/fixtures/
construction_scene.py).

A change is raised when it has stood ``min_persist_s`` with at least ``min_blocks`` blocks
in a zone, and its age is the median start of those blocks. For two blocks the median is
their mean: a block that had looked different for a day (a stain on a fire lane, a patch
the reference learnt badly) and a neighbour that turned up twenty minutes ago (a shadow, a
person standing, wet ground) are raised together as a change twelve hours old. Nine of
dev's twelve "scene" false alarms were such pairs (round 10, docs/detection.md).
``held_blocks=2`` asks two blocks each to have stood the persistence time: better on dev
(recall the same), but held-out-3 lost two of its 19 structures, so it is off by default.
``held_share`` (round 10b) is a gentler form: the neighbour need stand only that share of
the persistence time. These options are tested here with round 13's ``lone_after`` off;
the default (``lone_after``: a block that ran alone for longer than the persistence time
counts its age from when a neighbour joined it) is tested in test_construction_lone_block.py
and, on this pair, below.
"""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
OLD, YOUNG = (8, 8), (8, 9)  # (row, col) of two neighbouring 16-px blocks on the lawn
OLD_FROM = 14  # the first block changes once the reference is seeded and stays changed



def _alarms(young: range, total: int, held_blocks: int = 2,
            held_share: float = 1.0, lone_after: float | None = None
            ) -> list[tuple[int, Detection]]:
    det = ConstructionDetector(parse_zones(cs.zones(PERSIST)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                  held_blocks=held_blocks,
                                                  held_share=held_share,
                                                  lone_after=lone_after))
    base, rng = cs.ground(), np.random.default_rng(11)
    old = cs.with_slab(base, OLD)
    both = cs.with_slab(old, YOUNG)
    found = []
    for i in range(total):
        scene = both if i in young else old if i >= OLD_FROM else base
        found += [(i, ev) for ev in det.process(cs.shot(scene, rng), float(i))
                  if isinstance(ev, Detection)]
    return found


def test_a_block_changed_for_long_and_a_neighbour_changed_just_now_are_not_raised() -> None:
    """The old block has stood 40 samples when its neighbour changes, for 12 samples (less
    than the persistence time), and then the neighbour is as before. The mean of their
    starts passed 20 samples three samples after the neighbour turned up: raised at 57."""
    assert _alarms(young=range(OLD_FROM + 40, OLD_FROM + 52), total=OLD_FROM + 90) == []


def test_by_default_a_block_changed_for_long_does_not_ride_on_a_young_neighbour() -> None:
    """The same pair with the default settings (dev 1018, 1021, 1024, 1025, 5000): a
    strict expected failure until round 13's ``lone_after`` (the old block ran alone for
    40 samples, twice the persistence time)."""
    default = ConstructionConfig()
    assert _alarms(young=range(OLD_FROM + 40, OLD_FROM + 52), total=OLD_FROM + 90,
                   held_blocks=default.held_blocks, lone_after=default.lone_after) == []


def test_the_pair_is_raised_once_the_neighbour_too_has_stood_the_persistence_time() -> None:
    """The guard: the neighbour stays, and the pair is raised once it has stood 20
    samples — not before, and not much after."""
    young_from = OLD_FROM + 40
    found = _alarms(young=range(young_from, OLD_FROM + 120), total=OLD_FROM + 120)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, _ev = found[0]
    assert young_from + PERSIST <= i <= young_from + PERSIST + 6


def test_two_blocks_changed_together_are_raised_after_the_persistence_time() -> None:
    """A pair that changed in the same sample is raised as before, once it has stood (the
    same with the default)."""
    for held_blocks in (1, 2):
        found = _alarms(young=range(OLD_FROM, OLD_FROM + 60), total=OLD_FROM + 60,
                        held_blocks=held_blocks)
        assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
        i, _ev = found[0]
        assert OLD_FROM + PERSIST <= i <= OLD_FROM + PERSIST + 6


def test_with_a_share_the_neighbour_need_stand_only_that_share_of_the_persistence_time(
) -> None:
    """Round 10b's gentler form (``held_share`` 0.5): a neighbour that came and went within
    five samples is not raised with the old block (the default raised it at its third
    sample); one that stays is raised once it has stood half the persistence time, not
    the whole of it."""
    young_from = OLD_FROM + 40
    assert _alarms(young=range(young_from, young_from + 5), total=OLD_FROM + 90,
                   held_share=0.5) == []
    found = _alarms(young=range(young_from, OLD_FROM + 120), total=OLD_FROM + 120,
                    held_share=0.5)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, _ev = found[0]
    assert young_from + PERSIST / 2 <= i <= young_from + PERSIST / 2 + 6
