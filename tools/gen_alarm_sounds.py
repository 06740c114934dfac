"""Generate the alarm tones in resources/sounds (one WAV per severity), deterministically.

Run: python tools/gen_alarm_sounds.py. Tones follow the common control-room convention:
the higher the severity, the higher, faster and more insistent the pattern.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

#: severity → (frequency Hz, beeps, beep seconds, gap seconds)
PATTERNS = {1: (660.0, 1, 0.25, 0.0), 2: (880.0, 2, 0.18, 0.10),
            3: (1040.0, 3, 0.14, 0.07), 4: (1320.0, 5, 0.10, 0.05)}


def tone(freq: float, beeps: int, beep_s: float, gap_s: float) -> np.ndarray:
    t = np.arange(int(RATE * beep_s)) / RATE
    envelope = np.minimum(1.0, np.minimum(t, beep_s - t) / 0.01)  # 10 ms ramps: no clicks
    beep = 0.5 * np.sin(2 * np.pi * freq * t) * envelope
    gap = np.zeros(int(RATE * gap_s))
    parts = []
    for _ in range(beeps):
        parts += [beep, gap]
    return np.concatenate(parts)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for severity, pattern in PATTERNS.items():
        samples = (tone(*pattern) * 32767).astype("<i2")
        with wave.open(str(OUT / f"alarm-{severity}.wav"), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(samples.tobytes())


if __name__ == "__main__":
    main()
