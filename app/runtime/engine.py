"""Engine: scene + state + ingest + the live source, started and stopped as one.

``start()`` returns at once; ``stop()`` stops the source and joins every thread the engine
started, so nothing is left behind.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from app import paths
from app.alarms.book import AlarmBook
from app.alarms.engine import AlarmEngine
from app.alarms.learned import LearnedBands
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
from app.config import AppConfig, ConfigError
from app.dispatch.runtime import DispatchRuntime
from app.dispatch.sounds import AcousticWatch
from app.dispatch.sql_repository import SqlOrderRepository
from app.ingest.parking import HOLD_S
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.scene.loader import load_scene
from app.scene.model import Scene
from app.sources.base import Source
from app.state.store import StateStore
from app.storage import StorageError, StorageWriter
from app.storage import queries as stored
from app.vision import demo_feeds
from app.vision.no_cameras import camera_manager

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


class Engine:
    def __init__(self, config: AppConfig, *, scene: Scene | None = None,
                 source: Source | None = None,
                 dispatch_clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self._dispatch_clock = dispatch_clock
        scene_dir = Path(config.scene.dir) if config.scene.dir else paths.demo_scene_dir()
        self.scene = scene if scene is not None else load_scene(scene_dir)
        self.scheme = TopicScheme(config.mqtt.prefix, config.mqtt.site or self.scene.site.site_id)
        self.store = StateStore(self.scene.devices)
        # over MQTT a restarted broker delivers queued telemetry before the retained births:
        # such messages wait briefly for their birth instead of counting as unknown devices
        self.ingest = Ingest(self.store, self.scheme,
                             max_clock_skew_s=config.mqtt.max_clock_skew_s,
                             park_unknown_s=HOLD_S if config.mqtt.url else 0.0)
        self.source = source if source is not None else make_source(config, self.scene,
                                                                    self.scheme)
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
        self.alarms = AlarmEngine(
            self.store, book=AlarmBook(policy=rules.escalation),
            learned=LearnedBands(rules.learned), timers=ConditionTimers(pending),
            overrides=rules.devices, kind_overrides=rules.kinds, welfare=rules.welfare)
        self.ingest.subscribe(self.alarms.handle_events)
        self.alarm_publisher = AlarmPublisher(
            self.scheme.alarms(), self._publish if self.source.can_publish else None)
        self.alarms.book.subscribe(self.alarm_publisher)
        self.writer = StorageWriter(config.database.url, config.database)
        self.ingest.subscribe(self.writer.submit)
        # acknowledge MQTT messages only once storage holds them (docs/storage.md)
        use_barrier = getattr(self.source, "use_durability_barrier", None)
        if use_barrier is not None:
            use_barrier(self.writer)
        self.alarms.book.subscribe(AlarmRecorder(self.writer))
        self.acoustic = AcousticWatch(self.scene, self.alarms.book)
        data = paths.user_data_dir()
        self.cameras = camera_manager(
            self.scene.cameras if config.cameras.enabled else (), book=self.alarms.book,
            evidence_dir=data / "evidence", demo_feeds_dir=demo_feeds.cache_dir(),
            scene_cameras_dir=scene_dir / "cameras",
            max_demo_analysed=config.cameras.max_demo_analysed)
        self.ingest.subscribe(self.acoustic.handle_events)
        self.dispatch: DispatchRuntime | None = None  # built at start: it needs the database
        self._stop = threading.Event()
        self._housekeeper: threading.Thread | None = None
        self.started = False

    def start(self, *, cameras: bool = True) -> None:
        """``cameras=False``: the caller starts ``self.cameras`` later (the GUI does, after
        its first live frame: 18 demo feeds decoding would delay it by seconds)."""
        if self.started:
            return
        try:
            self.writer.start()
        except StorageError as exc:  # a bad or unreachable database URL: the user's to fix
            raise ConfigError(f"database: {exc}") from None
        self.writer.register_devices(self.scene.devices)
        self.writer.attach_ledger(self.ingest.ledger)
        assert self.writer.engine is not None
        restored = restore_open_alarms(self.alarms.book, (
            row for state in OPEN_ALARM_STATES for row in stored.alarms(self.writer.engine, state)))
        if restored:
            log.info("restored %d open alarms", restored)
        if self.dispatch is None:  # once: it subscribes to ingest and the alarm book
            self.dispatch = DispatchRuntime(
                self.scene, self.store, self.ingest, self.source, self.alarms.book,
                SqlOrderRepository(self.writer.engine), clock=self._dispatch_clock,
                simulate_handsets=self.source.name == "simulator")
        self._stop.clear()
        self._housekeeper = threading.Thread(target=self._housekeeping, name="EngineHousekeeper",
                                             daemon=True)
        self._housekeeper.start()
        if cameras:
            self.cameras.start()
        self.source.start(self.ingest.handle_batch)
        self.started = True
        log.info("engine started: %d devices, source %s", len(self.scene.devices),
                 self.source.name)

    def stop(self) -> None:
        if not self.started:
            return
        self.source.stop()
        self.cameras.stop()
        self._stop.set()
        if self._housekeeper is not None:
            self._housekeeper.join()
        if not self.writer.stop(timeout=30):
            log.warning("storage: not everything reached the database; the rest is kept in "
                        "the spill journal for the next start")
        self.started = False
        log.info("engine stopped")

    def _publish(self, topic: str, payload: bytes) -> None:
        self.source.publish(topic, payload, qos=1, retain=False)

    def _housekeeping(self) -> None:
        """Time-driven work: staleness, the alarm rules that depend on time alone, and the
        dispatch SLA timers (and, in the demo, the simulated handsets)."""
        while not self._stop.wait(HOUSEKEEPING_S):
            self.store.mark_stale()
            try:
                self.alarms.tick()
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
