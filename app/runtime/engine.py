"""Engine: scene + state + ingest + the live source, started and stopped as one.

``start()`` returns at once; ``stop()`` stops the source and joins every thread the engine
started, so nothing is left behind.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import msgspec

from app import paths
from app.alarms.book import AlarmBook
from app.alarms.engine import AlarmEngine
from app.alarms.learned import LearnedBands
from app.alarms.messages import describe, detail
from app.alarms.model import Severity
from app.alarms.overrides import (
    AlarmOverridesError,
    SceneAlarms,
    load_scene_alarms,
    merged,
    problems,
)
from app.alarms.persistence import AlarmRecorder, restore_open_alarms
from app.alarms.publisher import AlarmPublisher
from app.alarms.timers import ConditionTimers, FilePendingStore
from app.clock import WALL_CLOCK, Clock
from app.config import AppConfig, ConfigError
from app.dispatch.runtime import DispatchRuntime
from app.dispatch.sounds import AcousticWatch
from app.dispatch.sql_repository import SqlOrderRepository
from app.facade.handler import CommandHandler
from app.ingest.feed import FEED_ALARM_DEVICE
from app.ingest.parking import HOLD_S
from app.ingest.pipeline import Ingest
from app.ingest.registrations import RegistrationError, RegistrationFile
from app.ingest.topics import TopicScheme
from app.operations.config import OperationsConfigError, load_operations_config
from app.operations.lifts import rescue_notes
from app.operations.service import OperationsService
from app.operations.tariffs import TariffError
from app.outbound import Publisher, publisher_for
from app.runtime.storage_alarm import StorageAlarm
from app.scene.loader import load_scene
from app.scene.model import Scene
from app.security.audit import AuditError, AuditTrail, open_trail
from app.security.users import UserDirectory
from app.sources.base import Source
from app.state.store import StateStore
from app.storage import StorageError, StorageWriter
from app.storage import queries as stored
from app.vision import demo_feeds
from app.vision.no_cameras import camera_manager
from app.wall.control import WallControl

log = logging.getLogger(__name__)

HOUSEKEEPING_S = 1.0
OPEN_ALARM_STATES = ("raised", "acknowledged", "dispatched", "cleared")


def make_source(config: AppConfig, scene: Scene, scheme: TopicScheme) -> Source:
    """The live data link the config asks for: MQTT when a broker URL is set, else the
    in-process simulator."""
    if config.mqtt.url:
        from app.sources.mqtt import MqttSource

        return MqttSource(config.mqtt, scheme, instance=config.instance)
    from app.sources.simulator import SimulatorSource

    return SimulatorSource(scene, config.simulator, scheme)


def live_cameras(scene: Scene, config: AppConfig) -> tuple:
    """The cameras to run: the configured stream wins over the scene's; a camera with no
    stream runs on a synthetic demo feed only in the demo (the embedded simulator, or when
    ``[cameras] demo_feeds`` says so), never against a live compound."""
    settings = config.cameras
    if not settings.enabled:
        return ()
    unknown = sorted(set(settings.streams) - {c.id for c in scene.cameras})
    if unknown:
        raise ConfigError(f"[cameras] streams: no camera {unknown[0]!r} in the scene")
    demo = settings.demo_feeds if settings.demo_feeds is not None else not config.mqtt.url
    chosen, idle = [], []
    for camera in scene.cameras:
        stream = settings.streams.get(camera.id) or camera.stream
        if stream is None and not demo:
            idle.append(camera.id)
            continue
        chosen.append(msgspec.structs.replace(camera, stream=stream))
    if idle:
        log.info("%d scene cameras have no stream configured ([cameras] streams): not "
                 "started (%s)", len(idle), ", ".join(idle[:5]) + (" …" if len(idle) > 5
                                                                    else ""))
    return tuple(chosen)


class Engine:
    """``clock`` is the engine's time (the wall clock live, a VirtualClock in training);
    ``publisher`` where outgoing messages go (default: through the source when it can
    publish); ``simulate_handsets`` runs the demo's technicians' handsets (default: on the
    embedded simulator only); ``housekeeper=False`` leaves the time-driven work to whoever
    drives the clock (the training player calls ``housekeeping_step`` itself)."""

    def __init__(self, config: AppConfig, *, scene: Scene | None = None,
                 source: Source | None = None, publisher: Publisher | None = None,
                 clock: Clock | None = None, simulate_handsets: bool | None = None,
                 dispatch_clock: Callable[[], float] | None = None,
                 housekeeper: bool = True, registrations_path: Path | None = None) -> None:
        self.config = config
        self._run_housekeeper = housekeeper
        self.clock: Clock = clock or WALL_CLOCK
        self._dispatch_clock = dispatch_clock or self.clock
        self._simulate_handsets = (simulate_handsets if simulate_handsets is not None
                                   else source is None and not config.mqtt.url)
        scene_dir = Path(config.scene.dir) if config.scene.dir else paths.demo_scene_dir()
        self.scene = scene if scene is not None else load_scene(scene_dir)
        self.scheme = TopicScheme(config.mqtt.prefix, config.mqtt.site or self.scene.site.site_id)
        self.store = StateStore(self.scene.devices, clock=self.clock)
        # over MQTT a restarted broker delivers queued telemetry before the retained births:
        # such messages wait briefly for their birth instead of counting as unknown devices
        # births are requests: new devices wait for an operator, whose registrations are
        # kept per site (app.ingest.registrations)
        registrations = RegistrationFile(
            registrations_path or paths.user_data_dir()
            / f"registered-devices-{self.scheme.root.replace('/', '-')}.json")
        try:
            self.ingest = Ingest(self.store, self.scheme,
                                 max_clock_skew_s=config.mqtt.max_clock_skew_s,
                                 park_unknown_s=HOLD_S if config.mqtt.url else 0.0,
                                 scene=self.scene, registrations=registrations,
                                 clock=self.clock)
        except RegistrationError as exc:
            raise ConfigError(str(exc)) from None
        self.source = source if source is not None else make_source(config, self.scene,
                                                                    self.scheme)
        self.publisher: Publisher = publisher or publisher_for(self.source)
        pending = FilePendingStore(paths.user_data_dir() / f"alarm-pending-{config.instance}.json")
        try:
            rules = merged(config.alarms, load_scene_alarms(scene_dir) if scene is None
                           else SceneAlarms())
        except AlarmOverridesError as exc:
            raise ConfigError(str(exc)) from None
        wrong = problems(rules, {d.id for d in self.scene.devices})
        if wrong:
            raise ConfigError(wrong[0] + (f" (and {len(wrong) - 1} more)" if len(wrong) > 1
                                          else ""))
        try:
            operations = load_operations_config(scene_dir if scene is None else None)
        except OperationsConfigError as exc:
            raise ConfigError(str(exc)) from None
        self.alarms = AlarmEngine(
            self.store, clock=self.clock,
            book=AlarmBook(clock=self.clock, policy=rules.escalation),
            learned=LearnedBands(rules.learned), timers=ConditionTimers(pending),
            overrides=rules.devices, kind_overrides=rules.kinds, welfare=rules.welfare,
            device_notes=rescue_notes(operations))
        self.ingest.subscribe(self.alarms.handle_events)
        try:  # parking, chargers, meters, tariffs, schedules (docs/operations.md)
            self.operations = OperationsService(self.scene, operations, site=self.scheme.site,
                                                scene_dir=scene_dir, alarms=self.alarms,
                                                clock=self.clock)
        except TariffError as exc:
            raise ConfigError(str(exc)) from None
        self.ingest.subscribe(self.operations.handle_events)
        self.alarm_publisher = AlarmPublisher(
            self.scheme.alarms(), self._publish if self.publisher.delivers else None)
        self.alarms.book.subscribe(self.alarm_publisher)
        # every stored row belongs to this compound (docs/storage.md: sites)
        self.writer = StorageWriter(config.database.url, config.database,
                                    site=self.scheme.site)
        self.ingest.subscribe(self.writer.submit)
        # acknowledge MQTT messages only once storage holds them (docs/storage.md)
        use_barrier = getattr(self.source, "use_durability_barrier", None)
        if use_barrier is not None:
            use_barrier(self.writer)
        self.alarms.book.subscribe(AlarmRecorder(self.writer))
        self.storage_alarm = StorageAlarm(self.alarms.book, self.writer.health)
        self.acoustic = AcousticWatch(self.scene, self.alarms.book, clock=self.clock)
        data = paths.user_data_dir()
        self.cameras = camera_manager(
            live_cameras(self.scene, config), book=self.alarms.book,
            evidence_dir=data / "evidence", demo_feeds_dir=demo_feeds.cache_dir(),
            scene_cameras_dir=scene_dir / "cameras",
            max_demo_analysed=config.cameras.max_demo_analysed, clock=self.clock)
        if self.cameras.construction is not None:  # rooftop zones lie on the scene's roofs
            self.cameras.construction.set_buildings(self.scene.buildings)
        self.ingest.subscribe(self.acoustic.handle_events)
        self.dispatch: DispatchRuntime | None = None  # built at start: it needs the database
        # users and the audit trail live in the database too: built at start
        self.users: UserDirectory | None = None
        self.audit: AuditTrail | None = None
        #: a training session: trainees may act, nothing reaches the real compound
        self.training = False
        #: who controls the video walls and which preset they show (the wall.* commands)
        self.wall = WallControl(self.clock)
        #: the training session's player and instructor (app.training), the target of the
        #: training.* commands; None outside training
        self.training_control: object | None = None
        self.commands = CommandHandler(self)
        self._stop = threading.Event()
        self._housekeeper: threading.Thread | None = None
        self.started = False
        self._source_started = False

    def start(self, *, cameras: bool = True, source: bool = True) -> None:
        """``cameras=False``: the caller starts ``self.cameras`` later (the GUI does, after
        its first live frame: 18 demo feeds decoding would delay it by seconds).
        ``source=False``: the caller calls ``start_source`` when it is ready for data (the
        GUI does once its window is built: the first readings of thousands of devices,
        handled meanwhile, held the GIL and slowed the window's construction by ~0.8 s)."""
        if self.started:
            return
        try:
            self.writer.start()
        except StorageError as exc:  # a bad or unreachable database URL: the user's to fix
            raise ConfigError(f"database: {exc}") from None
        self.writer.register_devices([*self.scene.devices,
                                      *(r.device for r in self.ingest.registrations())])
        self.users = UserDirectory(self.writer.engine, clock=self.clock)
        try:
            self.audit = open_trail(self.writer.engine, self.scheme.site,
                                    self.config.security.audit_key_file, clock=self.clock)
        except AuditError as exc:  # commands are refused without it (the demo excepted)
            log.error("audit trail unavailable: %s", exc)
        self.writer.attach_ledger(self.ingest.ledger)
        assert self.writer.engine is not None
        restored = restore_open_alarms(self.alarms.book, (
            row for state in OPEN_ALARM_STATES
            for row in stored.alarms(self.writer.engine, self.scheme.site, state)))
        if restored:
            log.info("restored %d open alarms", restored)
        if self.dispatch is None:  # once: it subscribes to ingest and the alarm book
            self.dispatch = DispatchRuntime(
                self.scene, self.store, self.ingest, self.publisher, self.alarms.book,
                SqlOrderRepository(self.writer.engine, site=self.scheme.site),
                clock=self._dispatch_clock, simulate_handsets=self._simulate_handsets)
            if self.cameras.construction is not None:  # None: no OpenCV (no_cameras)
                self.cameras.construction.work_orders = self.dispatch  # dispatched changes
        # a training player steps time itself: no worker on the wall clock (housekeeping_step)
        self.operations.start(self.writer.engine, worker=self._run_housekeeper)
        self._stop.clear()
        if self._run_housekeeper:
            self._housekeeper = threading.Thread(target=self._housekeeping,
                                                 name="EngineHousekeeper", daemon=True)
            self._housekeeper.start()
        if cameras:
            self.cameras.start()
        self.started = True
        if source:
            self.start_source()
        log.info("engine started: %d devices, source %s", len(self.scene.devices),
                 self.source.name)

    def start_source(self) -> None:
        """Let the data in (idempotent); the engine must be started."""
        if self.started and not self._source_started:
            self._source_started = True
            self.source.start(self.ingest.handle_batch)

    def stop(self) -> None:
        if not self.started:
            return
        self.source.stop()
        self.cameras.stop()
        self._stop.set()
        if self._housekeeper is not None:
            self._housekeeper.join()
        self.operations.stop()
        self.alarms.timers.save(force=True)  # the newest pending on-delays, for the restart
        if not self.writer.stop(timeout=30):
            log.warning("storage: not everything reached the database; the rest is kept in "
                        "the spill journal for the next start")
        self.started = False
        self._source_started = False
        log.info("engine stopped")

    def _publish(self, topic: str, payload: bytes) -> None:
        self.publisher.publish(topic, payload, qos=1, retain=False)

    def _feed_alarm(self, silent_for: float | None, now: float) -> None:
        book = self.alarms.book
        if silent_for is None:
            book.clear_alarm(FEED_ALARM_DEVICE, "feed_silent", at=now)
        elif not book.is_active(FEED_ALARM_DEVICE, "feed_silent"):
            message = detail("feed_silent", seconds=round(silent_for))
            book.raise_alarm(FEED_ALARM_DEVICE, "feed_silent", Severity.HIGH,
                             describe(message), at=now, detail=message)

    def _housekeeping(self) -> None:
        # every HOUSEKEEPING_S of engine time: paused time pauses it, 10x runs it 10x
        while not self.clock.sleep(HOUSEKEEPING_S, self._stop):
            self.housekeeping_step()

    def housekeeping_step(self) -> None:
        """Time-driven work: staleness, the alarm rules that depend on time alone, and the
        dispatch SLA timers (and, in the demo, the simulated handsets)."""
        # the whole feed silent (a replay's end, a dead bridge) is one alarm, not one per
        # device: silence is judged at the last message's time (app.ingest.feed)
        now = self.clock()
        self.store.mark_stale(self.ingest.feed.judging_time(now))
        self._feed_alarm(self.ingest.feed.silent_for(now), now)
        try:
            self.storage_alarm.tick()
            self.alarms.tick()
            if not self._run_housekeeper:  # else the operations worker does it
                self.operations.report_conditions(now)
        except Exception:  # one bad rule must not stop staleness or escalation
            log.exception("alarm tick failed")
        try:
            self.acoustic.tick()
        except Exception:  # a bad solve must not stop the loop
            log.exception("acoustic localisation failed")
        if self.dispatch is not None:
            try:
                self.dispatch.tick()
            except Exception:  # SLA timers must keep running for the other orders
                log.exception("dispatch tick failed")

    def __enter__(self) -> Engine:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
