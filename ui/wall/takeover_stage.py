"""TakeoverStage: applies the takeover board's changes to the wall's tiles.

When an alarm takes a slot, each tile reserved for that slot shows it in its role and hands
back the function that undoes it; the stage stores those reverts under the slot *in the
same step*, so a takeover is never on the wall without its way back. When the slot is
given back, its reverts run in reverse order. The flood summary goes to the first slot's
details tile the same way. After a preset switch the old tiles (and their reverts) are
gone: ``rebuilt`` puts what is still active onto the new preset's tiles.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable

from app.wall.takeover import Change, Ended, FloodChanged, FloodSummary, Started, Takeover, Updated
from ui.wall.tile import Revert, WallTile

log = logging.getLogger(__name__)

FLOOD = "flood"
LOG_LINES = 500


class TakeoverStage:
    def __init__(self, reserved: Callable[[int], list[tuple[str, WallTile]]],
                 flood_tile: Callable[[], WallTile | None]) -> None:
        self._reserved = reserved
        self._flood_tile = flood_tile
        self.reverts: dict[int | str, list[Revert]] = {}
        #: what happened, in order (tests, diagnostics), the latest LOG_LINES of it
        self.log: deque[str] = deque(maxlen=LOG_LINES)
        self.counts: Counter[str] = Counter()  # started, ended:<reason>, flood: since start

    def apply(self, changes: Iterable[Change]) -> None:
        for change in changes:
            if isinstance(change, Started):
                self._start(change.takeover)
            elif isinstance(change, Updated):
                for _, tile in self._reserved(change.takeover.slot):
                    tile.update_takeover(change.takeover)
            elif isinstance(change, Ended):
                self._end(change.takeover.slot)
                self.log.append(f"ended {change.takeover.alarm.id} ({change.reason})")
                self.counts[f"ended:{change.reason}"] += 1
            elif isinstance(change, FloodChanged):
                self._flood(change.summary)

    def rebuilt(self, active: Iterable[Takeover], flood: FloodSummary | None) -> None:
        """The tiles were replaced: forget their reverts, show what is active on the new."""
        self.reverts.clear()
        for takeover in active:
            self._start(takeover)
        if flood is not None:
            self._flood(flood)

    def _start(self, takeover: Takeover) -> None:
        reverts: list[Revert] = []
        self.reverts[takeover.slot] = reverts  # registered before the first tile changes
        for role, tile in self._reserved(takeover.slot):
            try:
                reverts.append(tile.push_takeover(role, takeover))
            except Exception:  # one tile that cannot show it must not keep the others
                log.exception("wall: tile could not show %s", takeover.alarm.id)
        self.log.append(f"started {takeover.alarm.id} on slot {takeover.slot}")
        self.counts["started"] += 1

    def _end(self, key: int | str) -> None:
        for revert in reversed(self.reverts.pop(key, [])):
            with contextlib.suppress(RuntimeError):  # its tile was deleted meanwhile
                revert()

    def _flood(self, summary: FloodSummary | None) -> None:
        if summary is None:
            self._end(FLOOD)
            self.log.append("flood over")
            return
        if FLOOD in self.reverts:
            tile = self._flood_tile()
            if tile is not None:
                tile.update_takeover(summary)
            return
        tile = self._flood_tile()
        self.reverts[FLOOD] = [tile.push_flood(summary)] if tile is not None else []
        self.log.append(f"flood: {summary.in_window} alarms")
        self.counts["flood"] += 1
