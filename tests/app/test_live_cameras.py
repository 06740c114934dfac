"""Demo video belongs to the demo: against a live broker, scene cameras without a stream
are not started (their synthetic feeds once raised real falling-object alarms that went out
as P1 work orders); the compound's own streams come from the configuration."""

from __future__ import annotations

import msgspec
import pytest

from app import paths
from app.config import AppConfig, ConfigError
from app.runtime.engine import live_cameras
from app.scene.loader import load_scene


@pytest.fixture(scope="module")
def scene():  # noqa: ANN201
    return load_scene(paths.demo_scene_dir())


def _config(**cameras) -> AppConfig:  # noqa: ANN003
    base = AppConfig()
    return msgspec.structs.replace(
        base, mqtt=msgspec.structs.replace(base.mqtt, url="mqtt://broker.lvjing.local:1883"),
        cameras=msgspec.structs.replace(base.cameras, **cameras))


def test_the_embedded_demo_runs_every_camera_on_its_demo_feed(scene):
    cams = live_cameras(scene, AppConfig())
    assert len(cams) == len(scene.cameras) and all(c.stream is None for c in cams)


def test_a_live_broker_starts_only_configured_cameras(scene):
    assert live_cameras(scene, _config()) == ()
    first = scene.cameras[0]
    (cam,) = live_cameras(scene, _config(streams={first.id: "rtsp://nvr.local/ch1"}))
    assert cam.id == first.id and cam.stream == "rtsp://nvr.local/ch1"
    assert len(live_cameras(scene, _config(demo_feeds=True))) == len(scene.cameras)


def test_a_stream_for_a_camera_the_scene_lacks_is_a_config_error(scene):
    with pytest.raises(ConfigError, match="CAM-NOPE"):
        live_cameras(scene, _config(streams={"CAM-NOPE": "rtsp://x"}))
