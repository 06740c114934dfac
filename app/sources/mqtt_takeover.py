"""Noticing another client that connects with our MQTT client id.

A broker keeps one connection per client id: when a second client connects with ours, it
closes ours. MQTT 5 brokers say why — DISCONNECT with reason 142, "Session taken over"
(Mosquitto from 2.0.15, EMQX, HiveMQ); older ones (Debian's Mosquitto 2.0.11) just close the
connection. Two clients that both reconnect evict each other about once a second, and
neither ingests reliably (issue 17: 48 reconnects in 50 s). ``TakeoverWatch`` judges how
each connection ended:

- "taken over" ``STOP_AFTER`` times within ``WINDOW_S``: stop reconnecting and say so; the
  other client keeps the id (a single takeover is a restart overlapping its predecessor).
- closed by the broker less than ``SHORT_S`` after connecting, ``SUSPECT_AFTER`` times within
  ``WINDOW_S``, without a reason: probably the same thing on a broker that does not say.
  Report it and back off: the reconnect delay doubles, up to ``MAX_DELAY_S``, until a
  connection lasts ``STABLE_S`` again (it may also be a flapping network, so never stop).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Literal

SESSION_TAKEN_OVER = 142  # MQTT 5 DISCONNECT reason code
STOP_AFTER = 3
SUSPECT_AFTER = 5
WINDOW_S = 60.0
SHORT_S = 10.0
STABLE_S = 60.0
FIRST_DELAY_S = 10.0
MAX_DELAY_S = 300.0


@dataclass(frozen=True)
class Verdict:
    action: Literal["reconnect", "back_off", "stop", "recovered"]
    message: str = ""
    delay_s: float = 0.0


class TakeoverWatch:
    def __init__(self, client_id: str) -> None:
        self.client_id = client_id
        self._connected_at: float | None = None
        self._takeovers: deque[float] = deque(maxlen=STOP_AFTER)
        self._short: deque[float] = deque(maxlen=SUSPECT_AFTER)
        self.delay_s = 0.0  # the backed-off reconnect delay (0: the usual one)

    def connected(self, now: float) -> None:
        self._connected_at = now

    def ended(self, reason_code: int | None, now: float) -> Verdict:
        """A connection we did not close has ended, with the broker's reason if it gave one."""
        lived = None if self._connected_at is None else now - self._connected_at
        self._connected_at = None
        if reason_code == SESSION_TAKEN_OVER:
            self._takeovers.append(now)
            if len(self._takeovers) == STOP_AFTER and now - self._takeovers[0] <= WINDOW_S:
                return Verdict("stop", (
                    f"another client keeps connecting with our client id {self.client_id!r} "
                    f"({STOP_AFTER} takeovers in {now - self._takeovers[0]:.0f} s): stopped "
                    "reconnecting; give each control room its own mqtt.client_id, or leave "
                    "it unset (control-room-{site}-{instance})"))
            return Verdict("reconnect", f"another client connected with our client id "
                                        f"{self.client_id!r}")
        if lived is not None and lived >= STABLE_S and self.delay_s:
            self.delay_s = 0.0
            self._short.clear()
            return Verdict("recovered")
        if lived is None or lived >= SHORT_S:
            return Verdict("reconnect")
        self._short.append(now)
        if len(self._short) < SUSPECT_AFTER or now - self._short[0] > WINDOW_S:
            return Verdict("reconnect")
        self.delay_s = min(MAX_DELAY_S, self.delay_s * 2 if self.delay_s else FIRST_DELAY_S)
        return Verdict("back_off", (
            f"the broker closed the connection right after connecting {SUSPECT_AFTER} times "
            f"in {now - self._short[0]:.0f} s: probably another client using our client id "
            f"{self.client_id!r}; reconnecting every {self.delay_s:.0f} s until it holds"),
            self.delay_s)
