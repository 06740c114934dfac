"""Drop the duplicates QoS 1 allows (redelivery after a reconnect or a broker restart),
without letting one message poison a device.

Bounded memory: per registered device, the highest ``seq`` seen, a 64-bit window of which of
the 64 sequence numbers below it were seen (the anti-replay window of IPsec), and the newest
device timestamp. Without ``seq``, the last few timestamps (device time) are remembered.

A device that reboots restarts its ``seq``; it is told apart from a redelivery by its
timestamp being newer than anything seen from it, and the window restarts.

One message must not decide what every later one is (``seq`` 9.2e18 with a timestamp an
hour ahead once made every genuine reading a "duplicate" for that hour):

- a forward jump of more than ``MAX_JUMP`` is a *sequence anomaly*: the message is not
  believed (``JUMP``: ingest rejects it as ``seq_jump``) and the window stays where it was;
  only a second message that continues from the jump shows the device really moved its
  counter, and the window follows it (a genuine jump costs that one message);
- the newest device time only advances up to ``FUTURE_TOLERANCE_S`` past the device's
  usual clock offset (learned slowly, ``SKEW_STEP_S`` a message), so a timestamp from the
  future cannot hide a genuine restart for long, while a device whose clock runs fast is
  still told apart from a redelivery.

Anomalies (jumps, restarts, messages from before the window) are counted per device and
kept as ``SequenceAnomaly`` records for the ingest health panel.
"""

from __future__ import annotations

from collections import OrderedDict

import msgspec

WINDOW = 64
_MASK = (1 << WINDOW) - 1
RECENT_TS = 16
#: a larger forward step of ``seq`` is not believed from one message
MAX_JUMP = 100_000
#: how far ahead of its usual clock offset a device timestamp may move "newest"
FUTURE_TOLERANCE_S = 60.0
#: how much one in-sequence message moves the device's learned clock offset
SKEW_STEP_S = 1.0
#: devices whose last anomaly is kept (oldest forgotten first)
MAX_ANOMALY_DEVICES = 1000

#: verdicts of ``check_seq``
NEW, DUPLICATE, JUMP = "new", "duplicate", "jump"


class SequenceAnomaly(msgspec.Struct, frozen=True):
    device_id: str
    what: str  # jump | jump_confirmed | restart | before_window
    detail: str
    at: float  # this machine's clock
    count: int  # anomalies of this device so far


class Deduper:
    def __init__(self) -> None:
        # device_id -> [max_seq, window_bits, newest_ts, unconfirmed jump (seq) or None,
        #               device clock offset (s)]
        self._seq: dict[str, list] = {}
        # (device_id, channel) -> recent tokens (timestamps, or (ts, kind) of events)
        self._recent: dict[tuple[str, str], tuple] = {}
        self.anomalies = 0
        self._last_anomaly: OrderedDict[str, SequenceAnomaly] = OrderedDict()

    def check_seq(self, device_id: str, seq: int, ts: float, now: float) -> str:
        """NEW (recorded), DUPLICATE (already taken) or JUMP (not believed from one message).
        ``ts`` is the device's time, ``now`` this machine's."""
        state = self._seq.get(device_id)
        if state is None:
            self._seq[device_id] = [seq, 1, ts, None, ts - now]
            return NEW
        top, bits, newest, jump, skew = state
        # "newest" rises at most FUTURE_TOLERANCE_S past the device's usual clock offset,
        # which itself moves SKEW_STEP_S a message: one timestamp from the future cannot
        # hide a restart for long, a device whose clock runs fast is still believed
        believable = min(ts, now + skew + FUTURE_TOLERANCE_S)
        if seq > top:
            if seq - top > MAX_JUMP:
                if jump is not None and 0 < seq - jump <= MAX_JUMP:
                    self._anomaly(device_id, "jump_confirmed", f"seq moved from {top} to "
                                  f"{jump} and continues at {seq}", now)
                    shift = seq - jump  # the jump itself was taken: mark it seen
                    bits = (1 | (1 << shift)) & _MASK if shift < WINDOW else 1
                    state[:] = [seq, bits, max(newest, believable), None, skew]
                    return NEW
                state[3] = seq
                self._anomaly(device_id, "jump", f"seq {seq} after {top}: a step of "
                              f"{seq - top} is not believed from one message", now)
                return JUMP
            shift = seq - top
            state[0] = seq
            state[1] = ((bits << shift) | 1) & _MASK if shift < WINDOW else 1
            state[2] = max(newest, believable)
            state[3] = None
            state[4] = skew + max(-SKEW_STEP_S, min(SKEW_STEP_S, ts - now - skew))
            return NEW
        if ts > newest:  # lower seq but newer time: the device restarted its counter
            self._anomaly(device_id, "restart", f"seq {seq} after {top}, time moved on", now)
            state[:] = [seq, 1, believable, None, skew]
            return NEW
        offset = top - seq
        if offset >= WINDOW:  # too old to tell apart; its time is not new either
            self._anomaly(device_id, "before_window",
                          f"seq {seq} is {offset} behind {top} and not newer", now)
            return DUPLICATE
        bit = 1 << offset
        if bits & bit:
            return DUPLICATE
        state[1] = bits | bit
        return NEW

    def believable_ts(self, device_id: str, ts: float, now: float) -> float:
        """``ts``, or at most FUTURE_TOLERANCE_S past the device's usual clock: the time by
        which the store orders readings, so that one reading from the future does not keep
        the genuine ones behind it for an hour."""
        state = self._seq.get(device_id)
        skew = max(state[4], 0.0) if state is not None else 0.0
        return min(ts, now + skew + FUTURE_TOLERANCE_S)

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
        self._last_anomaly.pop(device_id, None)
        for key in [k for k in self._recent if k[0] == device_id]:
            del self._recent[key]

    def last_anomalies(self) -> list[SequenceAnomaly]:
        """The latest anomaly of each device that had one, oldest first."""
        return list(self._last_anomaly.values())

    def _anomaly(self, device_id: str, what: str, detail: str, now: float) -> None:
        self.anomalies += 1
        last = self._last_anomaly.pop(device_id, None)
        if last is None and len(self._last_anomaly) >= MAX_ANOMALY_DEVICES:
            self._last_anomaly.popitem(last=False)
        self._last_anomaly[device_id] = SequenceAnomaly(
            device_id, what, detail, now, (last.count if last else 0) + 1)

    def __len__(self) -> int:
        return len(self._seq) + len(self._recent)
