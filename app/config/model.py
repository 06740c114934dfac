"""The configuration, declared once. Every struct forbids unknown keys; bounds are checked
by msgspec's constraints so a bad value is an error that names its field (an upper bound
also refuses TOML's ``inf``; ``nan`` fails every bound). Ids that become MQTT topic levels
are checked in topic_ids.py."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from app.alarms.overrides import AlarmsConfig

Port = Annotated[int, msgspec.Meta(ge=1, le=65535)]


class _Config(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


class MqttConfig(_Config):
    #: mqtt://host:1883 or mqtts://host:8883; None = run on the embedded simulator
    url: str | None = None
    prefix: str = "cr"
    #: the compound: its topic root {prefix}/{site} and the site of every row it stores;
    #: None = the scene's site_id ("demo" for the demo compound)
    site: str | None = None
    #: the engine's MQTT client id; None = control-room-{site}-{instance}, so the engines of
    #: two compounds (or two instances) on one broker never evict each other
    client_id: str | None = None
    username: str | None = None
    password: str | None = None
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    keepalive_s: Annotated[int, msgspec.Meta(ge=5, le=3600)] = 30
    session_expiry_s: Annotated[int, msgspec.Meta(ge=0)] = 7 * 24 * 3600
    max_clock_skew_s: Annotated[float, msgspec.Meta(gt=0, le=30 * 86400)] = 3600.0

    def client_id_for(self, site: str, instance: str) -> str:
        return self.client_id or f"control-room-{site}-{instance}"

    def __repr__(self) -> str:  # secrets never reach a log line or a traceback
        shown = {f: getattr(self, f) for f in self.__struct_fields__}
        if shown["password"] is not None:
            shown["password"] = "***"
        return "MqttConfig(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"


class DatabaseConfig(_Config):
    #: SQLAlchemy URL; None = SQLite in the user data folder
    url: str | None = None
    batch_rows: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 2000
    flush_interval_s: Annotated[float, msgspec.Meta(gt=0, le=60)] = 0.5
    raw_retention_days: Annotated[float, msgspec.Meta(gt=0, le=36500)] = 14.0


class SimulatorConfig(_Config):
    seed: int = 7
    #: simulated-time seconds per wall-clock second
    speed: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 1.0
    tick_s: Annotated[float, msgspec.Meta(ge=0.05, le=60)] = 0.5
    faults: bool = True


class SceneConfig(_Config):
    #: folder holding scene.json and friends; None = the shipped demo compound
    dir: str | None = None


class CamerasConfig(_Config):
    #: False: no camera workers at all (a headless engine on a machine without video)
    enabled: bool = True
    #: demo feeds analysed for falling objects at once (each costs a share of a core)
    max_demo_analysed: Annotated[int, msgspec.Meta(ge=0, le=64)] = 4
    #: the compound's cameras: scene camera id → stream (rtsp://…, http://…, a file); a
    #: stream here wins over the scene's own
    streams: dict[str, str] = {}
    #: synthetic demo feeds for cameras without a stream: None = only on the embedded
    #: simulator (never against a live broker, where they would raise real alarms)
    demo_feeds: bool | None = None


class UiConfig(_Config):
    lang: Literal["zh_CN", "en"] | None = None  # None = from the system locale
    theme: Literal["dark"] = "dark"
    refresh_hz: Annotated[float, msgspec.Meta(ge=1, le=60)] = 8.0


class ServerConfig(_Config):
    #: where ``serve`` answers consoles (HOST:PORT; port 0 = any free port); "" = no API
    listen: str = "127.0.0.1:8780"
    #: TLS: both files, PEM; unset = plain HTTP (keep it on loopback or a trusted LAN)
    tls_cert: str | None = None
    tls_key: str | None = None
    #: for consoles: the CA that signed the server's certificate (unset: the system's)
    ca_file: str | None = None


class SecurityConfig(_Config):
    #: the audit trail's HMAC key (hex); unset = audit.key in the user's secrets folder
    audit_key_file: str | None = None
    #: audit records are kept at least 180 days (Cybersecurity Law art. 21)
    audit_retention_days: Annotated[float, msgspec.Meta(ge=180, le=36500)] = 365.0
    #: a console with no input this long locks until its user types their password
    idle_lock_s: Annotated[float, msgspec.Meta(ge=30, le=3600)] = 600.0


class AppConfig(_Config):
    alarms: AlarmsConfig = AlarmsConfig()
    mqtt: MqttConfig = MqttConfig()
    database: DatabaseConfig = DatabaseConfig()
    simulator: SimulatorConfig = SimulatorConfig()
    scene: SceneConfig = SceneConfig()
    ui: UiConfig = UiConfig()
    cameras: CamerasConfig = CamerasConfig()
    server: ServerConfig = ServerConfig()
    security: SecurityConfig = SecurityConfig()
    instance: str = "main"
