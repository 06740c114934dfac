"""Drop the duplicates QoS 1 allows (redelivery after a reconnect or a broker restart).

Bounded memory: per registered device, the highest ``seq`` seen, a 64-bit window of which of
the 64 sequence numbers below it were seen (the anti-replay window of IPsec), and the newest
device timestamp. Without ``seq``, the last few timestamps (device time) are remembered.

A device that reboots restarts its ``seq`` at 0; it is told apart from a redelivery by its
timestamp being newer than anything seen from it, and the window restarts.
"""

from __future__ import annotations

WINDOW = 64
_MASK = (1 << WINDOW) - 1
RECENT_TS = 16


class Deduper:
    def __init__(self) -> None:
        # device_id -> [max_seq, window_bits, newest_ts]
        self._seq: dict[str, list] = {}
        # (device_id, channel) -> recent tokens (timestamps, or (ts, kind) of events)
        self._recent: dict[tuple[str, str], tuple] = {}

    def seen_seq(self, device_id: str, seq: int, ts: float) -> bool:
        """True when this (device, seq) was already accepted; records it otherwise."""
        state = self._seq.get(device_id)
        if state is None:
            self._seq[device_id] = [seq, 1, ts]
            return False
        top, bits, newest = state
        if seq > top:
            shift = seq - top
            state[0] = seq
            state[1] = ((bits << shift) | 1) & _MASK if shift < WINDOW else 1
            state[2] = ts if ts > newest else newest
            return False
        if ts > newest:  # lower seq but newer time: the device restarted its counter
            state[0], state[1], state[2] = seq, 1, ts
            return False
        offset = top - seq
        if offset >= WINDOW:  # too old to tell apart; its time is not new either
            return True
        bit = 1 << offset
        if bits & bit:
            return True
        state[1] = bits | bit
        return False

    def seen_recent(self, device_id: str, channel: str, token: object) -> bool:
        """True when ``token`` is among the last few seen on (device, channel)."""
        key = (device_id, channel)
        recent = self._recent.get(key, ())
        if token in recent:
            return True
        self._recent[key] = recent[-(RECENT_TS - 1):] + (token,)
        return False

    def forget(self, device_id: str) -> None:
        self._seq.pop(device_id, None)
        for key in [k for k in self._recent if k[0] == device_id]:
            del self._recent[key]

    def __len__(self) -> int:
        return len(self._seq) + len(self._recent)
