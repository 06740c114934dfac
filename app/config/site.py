"""The site an engine of a given config runs, for commands that do not build an engine
(replay, record, db, users): ``mqtt.site``, else the site_id of the config's scene, else
``demo`` -- the same answer the engine gives itself."""

from __future__ import annotations

from pathlib import Path

import msgspec

from app.config.model import AppConfig


def site_of(config: AppConfig) -> str:
    """The site the engine of this config runs: mqtt.site, else its scene's site_id."""
    if config.mqtt.site:
        return config.mqtt.site
    if config.scene.dir:
        try:  # the manifest alone: the scene's devices are not needed for a name
            manifest = msgspec.json.decode((Path(config.scene.dir) / "scene.json").read_bytes())
            return str(manifest["site"].get("site_id") or "demo")
        except (OSError, msgspec.DecodeError, KeyError, TypeError, AttributeError):
            pass  # an unreadable scene is for the engine to report; a name still comes out
    return "demo"
