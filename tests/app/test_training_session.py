"""A training session on the real engine, driven by a scripted trainee through the one
command handler: the night guard's scenario on the demo's recorded evening.

- the same scenario played twice with the same actions gives the same alarms, orders,
  device states and score;
- seeking back and forward lands on the state playing through reached at that moment;
- the trainee's actions are in the log with what they acted on, and rewound by a seek back.
"""

from __future__ import annotations

import msgspec
import pytest

from app import paths
from app.config import load_config
from app.facade import commands as c
from app.facade.errors import CommandFailed
from app.facade.session import Session
from app.security.roles import Grant, Role
from app.training.compare import differences, state_of
from app.training.session import TrainingSession

pytestmark = pytest.mark.timeout(600)

SCENARIO = paths.demo_scene_dir() / "training" / "guard-night.toml"
TRAINEE = Session(user="小王", display_name="小王", grant=Grant(Role.TRAINEE), console="test",
                  training=True)
MOMENTS = (200, 450, 600)  # seconds after the start where the state is compared



def _config():
    config = load_config(None)
    return msgspec.structs.replace(
        config, cameras=msgspec.structs.replace(config.cameras, enabled=False))


def _alarm(session, type_: str, device: str | None = None):
    return next(a for a in session.engine.alarms.book.open_alarms()
                if a.type == type_ and (device is None or a.device_id == device))


def _order_for(session, alarm_id: str):
    return next(o for o in session.engine.dispatch.service.orders() if o.origin_ref == alarm_id)


def _script(session, states: dict) -> None:
    """The trainee: what a good night guard does, at fixed moments of the scenario; the
    engine's state is taken at each of ``MOMENTS``."""
    run = session.engine.commands.execute

    def steps(k: int) -> None:
        for moment in MOMENTS:
            if session.player.k < moment <= k:
                session.player.step_to(moment)
                states[moment] = state_of(session.engine)
        session.player.step_to(k)

    steps(125)  # the throw came at 120 s
    throw = _alarm(session, "event.falling_object", "CAM-03")
    run(TRAINEE, c.AcknowledgeAlarm(alarm_id=throw.id))
    run(TRAINEE, c.ViewCamera(camera_id="CAM-03"))
    steps(160)
    run(TRAINEE, c.CommentAlarm(alarm_id=throw.id, text="保安已前往现场巡查"))
    steps(420)  # the trapped passenger called at 390 s
    trapped = _alarm(session, "event.trapped", "B02-C1-EL1")
    run(TRAINEE, c.AcknowledgeAlarm(alarm_id=trapped.id))
    order = _order_for(session, trapped.id)
    run(TRAINEE, c.AssignOrder(order_id=order.id, tech_id="T19", reason="离2栋最近"))
    steps(430)
    with pytest.raises(CommandFailed):  # a plumber for a lift: refused, and it counts
        run(TRAINEE, c.AssignOrder(order_id=order.id, tech_id="T02", reason="误派"))
    steps(MOMENTS[-1])


def _play():
    session = TrainingSession.build(_config(), SCENARIO, trainee="小王",
                                    snapshot_every_s=120)
    session.start(thread=False)
    states: dict = {}
    _script(session, states)
    return session, states


def _without_ids(card):
    """A score card with the alarms' ids left out (random, like every alarm's)."""
    return msgspec.structs.replace(card, acknowledgements=[
        msgspec.structs.replace(a, alarm_id="") for a in card.acknowledgements])


@pytest.fixture(scope="module")
def first_run():
    session, states = _play()
    card = session.finish().card
    yield session, states, card
    session.stop(keep_result=False)


def test_the_same_scenario_and_actions_give_the_same_run(first_run):
    _, states, card = first_run
    session, again = _play()
    try:
        for moment in MOMENTS:
            assert differences(states[moment], again[moment]) == [], moment
        assert states[600].alarms and states[600].orders  # not a vacuous comparison
        second = session.finish().card
        assert _without_ids(second) == _without_ids(card)
        assert [e.state for e in card.expected[:5]] == ["done"] * 5
        # seeking back from 600 to earlier moments, and forward again: the trainee's
        # actions after the snapshot the player restores are done again at their moments
        for moment in (450, 200, 600):
            session.player.seek_now(moment)
            assert session.player.at_s == moment
            assert differences(state_of(session.engine), states[moment]) == [], moment
    finally:
        session.stop(keep_result=False)


def test_the_actions_are_logged_with_what_they_acted_on(first_run):
    session, _, card = first_run
    actions = session.log.live_actions()
    ack = actions[0]
    assert (ack.command, ack.outcome, ack.context["device_id"], ack.context["severity"]) == (
        "alarm.acknowledge", "ok", "CAM-03", 4)
    assert ack.at - session.player.start == 125
    wrong = actions[-1]
    assert wrong.command == "order.assign" and wrong.outcome == "failed"
    assert wrong.context["tech_fits"] is False  # a plumber for a lift
    assert any(p.kind == "wrong_dispatch" for p in card.penalties)
    send = next(e for e in card.expected if e.id == "send-lift")
    assert send.state == "done" and send.done_at - send.trigger_at == 60


def test_a_seek_back_undoes_later_actions_until_the_trainee_acts_anew(first_run):
    """Like undo and redo in an editor: going back undoes what came after, playing on does
    it again (reviewing the run), and a new action of the trainee drops the rest."""
    session, states, _ = first_run
    session.player.seek_now(300)  # restores the snapshot at 240
    rewound = [a for a in session.log.all()[0] if a.rewound]
    assert [a.command for a in rewound] == ["alarm.acknowledge", "order.assign",
                                            "order.assign"]
    assert not [a for a in state_of(session.engine).alarms if a[1] == "event.trapped"]
    session.engine.commands.execute(TRAINEE, c.ViewCamera(camera_id="CAM-07"))
    assert all(a.dropped for a in session.log.all()[0] if a.rewound)
    session.player.seek_now(450)
    trapped = _alarm(session, "event.trapped", "B02-C1-EL1")
    assert trapped.acknowledged_at is None  # the old acknowledgement is not redone
    assert differences(state_of(session.engine), states[450]) != []
    card = session.finish().card
    assert next(e for e in card.expected if e.id == "ack-lift").state in ("late", "missed")
