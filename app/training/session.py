"""A training session: the composition of a real Engine that can never reach the compound.

``TrainingSession.build(config, scenario_or_recording, trainee=…)``:
- refuses a config that names a live broker or a database (the production one): a trainee
  must never act on the real compound, and a training run must never write into its
  records;
- runs the engine on a paused ``VirtualClock`` that only the ``Player`` moves, on a feed
  (the recording, or the simulator under the scenario's seed) that starts no thread and
  cannot publish, with a ``RecordingPublisher``: alarm events and work orders are kept in
  the session (never sent, never retained) and the simulated handsets answer them;
- gives the session its own folder under the training home: its database file, its audit
  key and chain head (the production trail's head is never touched), its debrief;
- makes the engine's command handler the ``TrainingCommandHandler`` (every command is also
  written to the action log) and ``engine.training_control`` the ``TrainingControl``;
- ``engine.training = True``: the trainee role may act.

At ``finish()`` the run is scored, its debrief written beside it and its result kept in the
training home's results database (``results.py``).
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from pathlib import Path

import msgspec

from app import paths
from app.alarms.timers import ConditionTimers
from app.clock import VirtualClock
from app.config import AppConfig, ConfigError
from app.dispatch.repository import InMemoryOrderRepository
from app.dispatch.runtime import DispatchRuntime, DispatchRuntimeConfig
from app.facade.session import Session, console_name
from app.outbound import RecordingPublisher
from app.recording.format import read_header
from app.runtime.engine import Engine
from app.scene.errors import SceneError
from app.scene.loader import load_scene
from app.security.roles import Grant, Permission, Role
from app.training.actions import ActionLog, TrainingCommandHandler
from app.training.control import TrainingControl
from app.training.feeds import DrivenSource, Feed, RecordingFeed, SimulatorFeed
from app.training.handsets import TrainingHandsets
from app.training.injector import Injector
from app.training.overlay import FaultOverlay
from app.training.player import SNAPSHOT_EVERY_S, Player
from app.training.scenario import Scenario, ScenarioError, load_scenario, simulator_start
from app.training.snapshots import EngineSnapshots

log = logging.getLogger(__name__)

SESSION_DB = "session.db"


class TrainingError(ConfigError):
    """A training session that must not or cannot start; one line for the operator."""


def training_home() -> Path:
    """Where sessions and results live: ``<user data>/training``."""
    home = paths.user_data_dir() / "training"
    home.mkdir(parents=True, exist_ok=True)
    return home


def results_url(home: Path) -> str:
    return f"sqlite:///{home / 'training.db'}"


def desk_session(trainee: str) -> Session:
    """The person at a single-process training window: the trainee, who may also drive the
    player (self-study, or an instructor at their side)."""
    return Session(user=trainee, display_name=trainee,
                   grant=Grant(Role.TRAINEE, extra=frozenset({Permission.INSTRUCT})),
                   console=console_name("training"), training=True)


def refuse_live(config: AppConfig) -> None:
    """Training never runs against a live broker or the production database."""
    if config.mqtt.url:
        raise TrainingError(f"training refuses to start with a live broker configured "
                            f"(mqtt.url = {config.mqtt.url}): a trainee must never reach the "
                            "real compound; use a config without a broker")
    if config.database.url:
        raise TrainingError("training refuses to start on the production database "
                            "(database.url is set): each session keeps its own database "
                            "file in the training folder; use a config without one")


class TrainingSession:
    def __init__(self) -> None:  # built by ``build``
        self.engine: Engine
        self.scenario: Scenario
        self.player: Player
        self.control: TrainingControl
        self.log: ActionLog
        self.injector: Injector
        self.feed: Feed
        self.publisher: RecordingPublisher
        self.folder: Path
        self.home: Path
        self.trainee = ""
        self.instructor: str | None = None
        self.session_id = ""
        self.started_wall = 0.0
        self.result_id: str | None = None
        self._finished = False

    # ---- building ----------------------------------------------------------------------
    @classmethod
    def build(cls, config: AppConfig, source: str | Path, *, trainee: str,
              instructor: str | None = None, home: Path | None = None,
              snapshot_every_s: float = SNAPSHOT_EVERY_S) -> TrainingSession:
        """Raises TrainingError (a ConfigError: the CLI's one line, exit 2)."""
        refuse_live(config)
        self = cls()
        self.trainee = trainee.strip()[:64]  # a training server: whoever acts as trainee
        self.instructor = instructor
        self.home = home or training_home()
        scene_dir = Path(config.scene.dir) if config.scene.dir else paths.demo_scene_dir()
        try:
            scene = load_scene(scene_dir)
            scenario = load_scenario(source, scene)
        except (SceneError, ScenarioError) as exc:
            raise TrainingError(str(exc)) from None
        self.scenario = scenario
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.session_id = f"{stamp}-{uuid.uuid4().hex[:6]}"
        self.folder = self.home / "sessions" / f"{self.session_id}-{_safe(scenario.id)}"
        self.folder.mkdir(parents=True, exist_ok=True)
        config = _session_config(config, scenario, self.folder)
        self.feed = _feed(scenario, scene, config)
        clock = VirtualClock(self.feed.start)  # paused: the player alone moves it
        self.publisher = RecordingPublisher(clock)
        try:
            engine = Engine(config, source=DrivenSource(self.feed, self._describe),
                            publisher=self.publisher, clock=clock, simulate_handsets=False,
                            housekeeper=False,
                            registrations_path=self.folder / "registered-devices.json")
        except SceneError as exc:
            raise TrainingError(str(exc)) from None
        self.engine = engine
        engine.training = True
        engine.alarms.timers = ConditionTimers()  # nothing pending from another session
        self._dispatch(scenario)
        self.log = ActionLog()
        lock = threading.RLock()
        engine.commands = TrainingCommandHandler(engine, self.log, lock,
                                                 on_new_action=self._new_branch)
        overlay = FaultOverlay(engine.scene, engine.scheme, engine.store)
        self.injector = Injector(scenario, engine.scene, overlay, start=self.feed.start,
                                 book=engine.alarms.book,
                                 handsets=lambda: engine.dispatch.handsets if engine.dispatch
                                 else None, cameras=engine.cameras
                                 if config.cameras.enabled else None,
                                 clip_for=_demo_clip(engine.scene))
        snapshots = EngineSnapshots(
            engine.store, engine.alarms.book,
            {"alarms": engine.alarms, "ingest": engine.ingest,
             "ledger": engine.ingest.ledger, "acoustic": engine.acoustic,
             "dispatch": engine.dispatch, "publisher": self.publisher,
             "parking": engine.operations.parking, "chargers": engine.operations.chargers},
            wiring=(engine, engine.scene, engine.scheme, clock, engine.writer, engine.cameras,
                    engine.commands, engine.dispatch.graph, self.feed, engine.operations,
                    engine.operations.book))
        self.control = TrainingControl(self)
        self.player = Player(engine, self.feed, self.injector, clock, snapshots,
                             duration_s=scenario.duration_s,
                             snapshot_every_s=snapshot_every_s, lock=lock,
                             on_rewind=self._rewind, redo=self._redo,
                             on_change=self.control.changed)
        self.log.subscribe(lambda _entry: self.control.changed())
        engine.training_control = self.control
        return self

    def _dispatch(self, scenario: Scenario) -> None:
        """Work orders in memory (a session's orders are its own), the training handsets."""
        engine = self.engine
        spec = scenario.spec.dispatch
        seed = scenario.spec.source.simulator.seed if scenario.spec.source.simulator else 0
        runtime = DispatchRuntime(
            engine.scene, engine.store, engine.ingest, self.publisher, engine.alarms.book,
            InMemoryOrderRepository(), clock=engine.clock, simulate_handsets=False,
            config=DispatchRuntimeConfig(auto_assign=spec.auto_assign,
                                         auto_order_min_severity=spec.auto_order_min_severity,
                                         handset_seed=seed),
            topics=engine.scheme)
        runtime.handsets = TrainingHandsets(engine.scene.technicians, runtime.graph,
                                            topics=engine.scheme, seed=seed)
        engine.dispatch = runtime  # Engine.start keeps a runtime it already has

    def _rewind(self, t: float) -> None:
        """The engine went back to ``t``: what people did after it is undone (and done
        again as the run passes their moments, until someone does something new)."""
        self.log.rewind(t)
        self.injector.rewind(t)

    def _redo(self, t: float) -> int:
        """People's undone moves at ``t``, done again; how many."""
        return self.injector.redo_adhoc(t) + self.log.redo(t, self.engine.commands,
                                                           self.engine)

    def _new_branch(self) -> None:
        self.log.drop_branch()
        self.injector.drop_branch()

    def trainee_name(self) -> str:
        """The trainee given at start, else whoever acted most as a trainee."""
        if self.trainee:
            return self.trainee
        actions, _ = self.log.all()
        users = [a.user for a in actions if a.role == "trainee"] or [a.user for a in actions]
        return max(set(users), key=users.count) if users else "trainee"

    def _describe(self) -> str:
        player = getattr(self, "player", None)
        if player is None:
            return self.feed.describe()
        state = "playing" if player.playing else "paused"
        return f"{self.feed.describe()}, {state} ×{player.pace.speed:g}"

    # ---- running -----------------------------------------------------------------------
    def start(self, *, thread: bool = True, play: bool = False) -> None:
        """Start the engine and take the first step (births, the first snapshot); with
        ``thread`` the player paces itself (a window, a server), else the caller steps."""
        self.started_wall = time.time()
        engine = self.engine
        engine.start()
        _copy_users(self.home, engine)
        book = engine.alarms.book
        for window, until in zip(self.scenario.spec.maintenance,
                                 self.scenario.maintenance_until, strict=True):
            book.add_maintenance(window.devices, self.feed.start, self.feed.start + until,
                                 window.reason, "scenario")
        if thread:
            self.player.start_thread()
        else:
            self.player.begin()
        if play:
            self.player.play()
        log.info("training session %s: %s on %s, trainee %s", self.session_id,
                 self.scenario.id, self.feed.describe(), self.trainee)

    def finish(self) -> object:
        """Score the run, write its debrief, keep its result; returns the Debrief."""
        from app.training.debrief import build_debrief
        from app.training.results import save_result

        with self.player.lock:
            debrief = build_debrief(self)
        (self.folder / "debrief.json").write_bytes(msgspec.json.encode(debrief))
        if not self._finished:
            self._finished = True
            try:
                self.result_id = save_result(results_url(self.home), debrief)
            except Exception as exc:  # the run's own folder keeps the debrief anyway
                log.error("training result not kept in %s: %s", self.home, exc)
        return debrief

    def stop(self, *, keep_result: bool = True) -> None:
        self.player.stop()
        if keep_result and self.player.k >= 0:
            self.finish()
        self.engine.stop()
        self.feed.close()


def _session_config(config: AppConfig, scenario: Scenario, folder: Path) -> AppConfig:
    """The session's own database and audit key, no broker, no live video analysis (throws
    are injected), the recording's own topic root."""
    replace = msgspec.structs.replace
    mqtt = replace(config.mqtt, url=None)
    if scenario.recording is not None:
        root = read_header(scenario.recording).root
        if root.count("/") == 1:
            prefix, site = root.split("/")
            mqtt = replace(mqtt, prefix=prefix, site=site)
    return replace(config, mqtt=mqtt, instance="training",
                   database=replace(config.database, url=f"sqlite:///{folder / SESSION_DB}"),
                   security=replace(config.security,
                                    audit_key_file=str(folder / "audit.key")),
                   cameras=replace(config.cameras, max_demo_analysed=0))


def _feed(scenario: Scenario, scene, config: AppConfig) -> Feed:  # noqa: ANN001
    if scenario.recording is not None:
        return RecordingFeed(scenario.recording, scenario.duration_s)
    from app.wire.topics import TopicScheme

    spec = scenario.spec.source.simulator
    assert spec is not None
    scheme = TopicScheme(config.mqtt.prefix, config.mqtt.site or scene.site.site_id)
    return SimulatorFeed(scene, scheme, seed=spec.seed, start=simulator_start(spec),
                         duration_s=scenario.duration_s, faults=spec.faults)


def _demo_clip(scene):  # noqa: ANN001, ANN202
    """The throw clip the demo feeds play on a facade camera, when it has been made."""
    from app.vision import demo_feeds

    index = {c.id: i for i, c in enumerate(scene.cameras)}

    def clip_for(camera_id: str) -> str | None:
        if camera_id not in index:
            return None
        v = index[camera_id] % len(demo_feeds.FACADE_VARIANTS)
        path = (paths.user_data_dir() / "demo-feeds"
                / f"facade{v}-throw-v{demo_feeds.VERSION}.mp4")
        return str(path) if path.is_file() else None

    return clip_for


def _copy_users(home: Path, engine: Engine) -> None:
    """The training home's accounts (instructors and trainees of a training server) into
    the session's own database, so its consoles can sign in."""
    source = home / "training.db"
    if not source.is_file() or engine.writer.engine is None:
        return
    import sqlalchemy as sa

    from app.storage.database import create_engine
    from app.storage.models_security import UserRow

    src = create_engine(f"sqlite:///{source}")
    try:
        with src.connect() as conn:
            if not sa.inspect(conn).has_table("users"):
                return
            rows = [dict(r._mapping) for r in conn.execute(sa.select(UserRow.__table__))]
    finally:
        src.dispose()
    if rows:
        with engine.writer.engine.begin() as conn:
            conn.execute(sa.delete(UserRow.__table__))
            conn.execute(sa.insert(UserRow.__table__), rows)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[:48] or "run"
