"""Control of the wall through the one command handler: one console at a time, the preset
only from the console in control, a lease that lapses by itself, a wall role that may do
nothing, every outcome audited; the state survives a trip over the wire."""

from __future__ import annotations

from types import SimpleNamespace

import msgspec
import pytest

from app.clock import VirtualClock
from app.facade import commands as c
from app.facade.errors import CommandFailed, CommandRefused
from app.facade.handler import CommandHandler
from app.facade.session import Session
from app.security.roles import Grant, Role
from app.wall.control import LEASE_S, WallControl, WallMirror, state_to_builtins

T0 = 1_750_000_000.0


class _Trail:
    def __init__(self) -> None:
        self.records: list[tuple] = []

    def append(self, actor, action, obj, *, outcome, console, detail):  # noqa: ANN001
        self.records.append((actor, action, obj, outcome, console, detail))


class _Writer:
    def mark(self) -> int:
        return 0

    def wait_durable(self, mark: int, timeout: float | None = None) -> bool:
        return True


def _session(user: str, role: Role, console: str) -> Session:
    return Session(user, user, Grant(role), console)


@pytest.fixture
def parts():
    clock = VirtualClock(T0)
    wall = WallControl(clock)
    engine = SimpleNamespace(wall=wall, audit=_Trail(), writer=_Writer(), training=False,
                             alarms=SimpleNamespace(book=None))
    return SimpleNamespace(clock=clock, wall=wall, engine=engine,
                           handler=CommandHandler(engine))  # type: ignore[arg-type]


LI = _session("li.na", Role.SUPERVISOR, "desk-1")
WANG = _session("wang", Role.INSTRUCTOR, "desk-2")


def test_one_console_at_a_time_and_only_it_chooses_the_preset(parts):
    run = parts.handler.execute
    run(LI, c.TakeWallControl())
    assert parts.wall.state().status("main").controller.user == "li.na"
    with pytest.raises(CommandFailed) as taken:
        run(WANG, c.TakeWallControl())
    assert taken.value.code == "wall_controlled" and taken.value.data["by"] == "li.na"
    with pytest.raises(CommandFailed) as not_yours:
        run(WANG, c.SetWallPreset(preset="night"))
    assert not_yours.value.code == "wall_controlled"
    run(LI, c.SetWallPreset(preset="night"))
    assert parts.wall.state().status("main").preset == "night"
    # the same user at another console is another console
    with pytest.raises(CommandFailed):
        run(_session("li.na", Role.SUPERVISOR, "desk-9"), c.SetWallPreset(preset="day"))
    run(LI, c.ReleaseWall())
    status = parts.wall.state().status("main")
    assert status.controller is None and status.preset is None  # back to the schedule
    run(WANG, c.TakeWallControl())
    assert parts.wall.state().status("main").controller.console == "desk-2"
    outcomes = [(r[0], r[1], r[2], r[3]) for r in parts.engine.audit.records]
    assert ("wang", "wall.take_control", "wall:main", "failed") in outcomes
    assert ("li.na", "wall.set_preset", "wall:main", "ok") in outcomes
    assert outcomes[-1] == ("wang", "wall.take_control", "wall:main", "ok")


def test_force_hands_control_over_and_the_trail_says_so(parts):
    parts.handler.execute(LI, c.TakeWallControl())
    parts.handler.execute(LI, c.SetWallPreset(preset="night"))
    parts.handler.execute(WANG, c.TakeWallControl(force=True))
    status = parts.wall.state().status("main")
    assert status.controller.user == "wang" and status.preset is None
    assert parts.engine.audit.records[-1][5]["force"] is True


def test_the_lease_lapses_without_anyone_releasing(parts):
    parts.handler.execute(LI, c.TakeWallControl())
    parts.clock.advance(LEASE_S - 1)
    parts.handler.execute(LI, c.SetWallPreset(preset="night"))  # renews the lease
    parts.clock.advance(LEASE_S - 1)
    assert parts.wall.state().status("main").controlled(parts.clock())
    parts.clock.advance(2)
    assert not parts.wall.state().status("main").controlled(parts.clock())
    parts.handler.execute(WANG, c.TakeWallControl())  # free again
    with pytest.raises(CommandFailed) as gone:
        parts.handler.execute(LI, c.ReleaseWall())
    assert gone.value.code == "wall_controlled"


def test_a_wall_or_a_guard_may_not_control_the_wall_and_the_refusal_is_audited(parts):
    for role in (Role.WALL, Role.GUARD, Role.ENGINEER, Role.AUDITOR):
        with pytest.raises(CommandRefused) as refused:
            parts.handler.execute(_session("x", role, "wall-pc"), c.TakeWallControl())
        assert refused.value.code == "permission"
    assert parts.wall.state().status("main").controller is None
    assert {r[3] for r in parts.engine.audit.records} == {"refused"}


def test_walls_are_separate_and_changes_are_announced(parts):
    heard = []
    parts.wall.subscribe(heard.append)
    parts.handler.execute(LI, c.TakeWallControl(wall="lobby"))
    parts.handler.execute(WANG, c.TakeWallControl(wall="main"))
    assert [s.version for s in heard] == [1, 2]
    assert heard[-1].status("lobby").controller.user == "li.na"


def test_the_state_crosses_the_wire_and_a_console_mirror_takes_it(parts):
    parts.handler.execute(LI, c.TakeWallControl())
    parts.handler.execute(LI, c.SetWallPreset(preset="night"))
    wire = msgspec.msgpack.decode(msgspec.msgpack.encode({"wall": state_to_builtins(
        parts.wall.state())}))
    mirror = WallMirror()
    assert mirror.update(wire["wall"]) and not mirror.update(wire["wall"])
    assert mirror.state() == parts.wall.state()
    assert not mirror.update({"version": "x"})  # junk is ignored, the copy kept
    assert mirror.state().status("main").preset == "night"


def test_a_bad_wall_command_names_the_field():
    with pytest.raises(msgspec.ValidationError, match="preset"):
        c.decode_command(b'{"command": "wall.set_preset", "preset": ""}')
    assert c.decode_command(b'{"command": "wall.set_preset", "preset": null}') == \
        c.SetWallPreset(preset=None)
