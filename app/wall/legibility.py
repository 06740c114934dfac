"""How large wall text must be to be read from the back row.

Legibility standards for control rooms (ISO 11064-6, and the human-factors guidance used for
video walls) ask that characters subtend at least 16 minutes of arc at the furthest seat
that must read them. The cap height (the height of a capital letter) is what subtends the
angle: ``h = 2·d·tan(θ/2)``, about 23 mm at 5 m. A monitor's physical size and its pixel
count give the pixels per millimetre, hence the cap height in pixels the wall's fonts must
reach. Chinese characters fill more of the em square than Latin capitals, so text sized by
its cap height reads at least as well in Chinese.
"""

from __future__ import annotations

import math

MIN_ARCMIN = 16.0


def cap_height_mm(distance_m: float, arcmin: float = MIN_ARCMIN) -> float:
    """The cap height (mm) that subtends ``arcmin`` minutes of arc at ``distance_m``."""
    if distance_m <= 0 or arcmin <= 0:
        raise ValueError("distance and angle must be positive")
    return 2.0 * distance_m * 1000.0 * math.tan(math.radians(arcmin / 60.0) / 2.0)


def subtended_arcmin(height_mm: float, distance_m: float) -> float:
    """The angle (minutes of arc) a ``height_mm`` character subtends at ``distance_m``."""
    return math.degrees(2.0 * math.atan(height_mm / (2.0 * distance_m * 1000.0))) * 60.0


def px_per_mm(pixels: tuple[int, int], size_mm: tuple[float, float]) -> float:
    """Pixels per millimetre of a picture ``pixels`` wide and high shown ``size_mm`` large
    (the smaller of the two axes, should the pixels not be square)."""
    return min(pixels[0] / size_mm[0], pixels[1] / size_mm[1])


def cap_height_px(distance_m: float, pixels: tuple[int, int], size_mm: tuple[float, float],
                  arcmin: float = MIN_ARCMIN) -> float:
    """The cap height in pixels text on this monitor needs (never below 1)."""
    return max(1.0, cap_height_mm(distance_m, arcmin) * px_per_mm(pixels, size_mm))
