"""Camera tampering: covered, moved or blurred, judged on a small grey copy a few times a second.

- covered: the picture goes flat (a hand, tape, a bag): grey-level spread collapses;
- blurred: sprayed or smeared lens, forced defocus: Laplacian variance falls to a fraction of
  the reference's (relative, so a soft night scene is not "blurred" by itself);
- moved: the view no longer registers with the reference: normalised correlation of the
  view's centre finds it shifted, or nowhere.

A state must persist ``persist_s`` before it is reported and clear for as long before it is
withdrawn, so a passing lorry or a lighting step does not raise an alarm.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

SMALL = (160, 90)
MARGIN = 0.2  # share of the small copy searched for a shift, each side


@dataclass(frozen=True)
class TamperConfig:
    period_s: float = 0.5  # judge twice a second: tampering lasts, cheap checks suffice
    warmup_s: float = 2.0  # let auto-exposure settle before learning the reference
    persist_s: float = 3.0
    covered_std: float = 5.0  # grey levels; also below this share of the reference's
    covered_ratio: float = 0.15
    blur_ratio: float = 0.2  # Laplacian variance below this share of the reference's
    moved_frac: float = 0.08  # shift beyond this share of the width
    moved_match: float = 0.5  # best normalised correlation below this: another view
    relearn_s: float = 60.0  # refresh the reference this often while all is well


class TamperMonitor:
    def __init__(self, config: TamperConfig | None = None) -> None:
        self.cfg = config or TamperConfig()
        self._start: float | None = None
        self._next = 0.0
        self._ref: np.ndarray | None = None
        self._ref_std = 0.0
        self._ref_lap = 0.0
        self._ref_t = 0.0
        self._candidate: str | None = None
        self._since = 0.0
        self.state: str | None = None  # reported: "covered" | "moved" | "blurred" | None
        self.figures: dict = {}

    def _measure(self, frame: np.ndarray) -> tuple[np.ndarray, float, float]:
        gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        small = cv2.resize(gray, SMALL, interpolation=cv2.INTER_AREA).astype(np.float32)
        std = float(small.std())
        lap = float(cv2.Laplacian(small, cv2.CV_32F).var())
        return small, std, lap

    def _classify(self, small: np.ndarray, std: float, lap: float) -> str | None:
        c = self.cfg
        if std < max(c.covered_std, c.covered_ratio * self._ref_std):
            return "covered"
        # Where does the centre of the current view sit in the reference? Normalised
        # correlation ignores gain and offset (lighting, exposure) and moving people;
        # phase correlation was tried and loses its peak to mere window lights and noise.
        mx, my = int(SMALL[0] * MARGIN), int(SMALL[1] * MARGIN)
        crop = small[my:SMALL[1] - my, mx:SMALL[0] - mx]
        score = cv2.matchTemplate(self._ref, crop, cv2.TM_CCOEFF_NORMED)
        _, best, _, (bx, by) = cv2.minMaxLoc(score)
        shift = float(np.hypot(bx - mx, by - my))
        self.figures = {"std": round(std, 2), "lap": round(lap, 2), "shift_px": round(shift, 2),
                        "match": round(float(best), 3)}
        if shift > c.moved_frac * SMALL[0] or best < c.moved_match:
            return "moved"
        if lap < c.blur_ratio * self._ref_lap:
            return "blurred"
        return None

    def step(self, frame: np.ndarray, t: float) -> tuple[str | None, str | None] | None:
        """Feed a frame; returns (old, new) when the reported state changes, else None."""
        if self._start is None:
            self._start = t
        if t < self._next or t - self._start < self.cfg.warmup_s:
            return None
        self._next = t + self.cfg.period_s
        small, std, lap = self._measure(frame)
        if self._ref is None:
            if std < self.cfg.covered_std:
                return None  # never learn a covered view as the reference
            self._ref, self._ref_std, self._ref_lap, self._ref_t = small, std, lap, t
            return None
        kind = self._classify(small, std, lap)
        if kind != self._candidate:
            self._candidate, self._since = kind, t
        if kind is None and self.state is None and t - self._ref_t > self.cfg.relearn_s:
            # slow changes (dusk, season) must not drift into "blurred" or "covered"
            self._ref, self._ref_std, self._ref_lap, self._ref_t = small, std, lap, t
        if kind != self.state and t - self._since >= self.cfg.persist_s:
            old, self.state = self.state, kind
            return old, kind
        return None
