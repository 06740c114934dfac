"""The technicians' handsets of a training run: simulated, repeatable, and scriptable.

Like the demo's ``HandsetSimulator`` (accept after a while, walk the route, work, report
done), with two differences a scored run needs:
- every decision is drawn from what the order *is* (technician, title, creation time), not
  from its id, which counts orders across the whole process: the same scenario played
  twice makes the same technicians answer at the same moments;
- the timeline can make a technician reject the next orders, or not answer at all (the
  dispatch then withdraws the order after its accept timeout and the trainee must act).
"""

from __future__ import annotations

import math
import random

import msgspec

from app.dispatch.handsets import HandsetConfig, HandsetSimulator

#: a demo handset rejects one order in ten; in training only the timeline makes one reject
TRAINING_HANDSETS = HandsetConfig(accept_delay_s=(10.0, 40.0), reject_probability=0.0,
                                  work_s=(300.0, 900.0))


class Behaviour(msgspec.Struct):
    mode: str  # "reject" | "silent"
    left: int  # how many more orders it applies to


class TrainingHandsets(HandsetSimulator):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 (HandsetSimulator's)
        kwargs.setdefault("config", TRAINING_HANDSETS)
        super().__init__(*args, **kwargs)
        self.behaviour: dict[str, Behaviour] = {}

    def behave(self, tech_id: str, mode: str, count: int = 1) -> None:
        """From now on ``tech_id`` rejects (``"reject"``) or ignores (``"silent"``) the next
        ``count`` orders it receives."""
        if tech_id not in self.handsets:
            raise KeyError(f"no technician {tech_id!r}")
        self.behaviour[tech_id] = Behaviour(mode, count)

    def _decide(self, tech_id: str, msg) -> tuple[float, bool, float]:  # noqa: ANN001
        rng = random.Random(f"{self.seed}:{tech_id}:{msg.title}:{msg.created_at}")
        cfg = self.config
        delay, work_s = rng.uniform(*cfg.accept_delay_s), rng.uniform(*cfg.work_s)
        reject = rng.random() < cfg.reject_probability
        scripted = self.behaviour.get(tech_id)
        if scripted is not None and scripted.left > 0:
            scripted.left -= 1
            if scripted.mode == "silent":
                return math.inf, False, work_s  # never answers: the accept timeout acts
            reject = True
        return delay, reject, work_s
