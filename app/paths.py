"""Where the shipped data lives (scenes/, resources/) and where user data goes.

Works from a source checkout, an editable install and a wheel: the data folders sit beside
the packages in the checkout; a wheel installs them under ``share/control-room`` (see
pyproject), and ``CONTROL_ROOM_HOME`` overrides both.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import platformdirs

_APP_NAME = "control-room"


def project_root() -> Path:
    """The folder holding scenes/ and resources/."""
    override = os.environ.get("CONTROL_ROOM_HOME")
    if override:
        return Path(override)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "scenes").is_dir():
        return checkout
    installed = Path(sys.prefix) / "share" / _APP_NAME
    if (installed / "scenes").is_dir():
        return installed
    raise FileNotFoundError(
        f"cannot find the control-room data folders (scenes/, resources/) beside {checkout} "
        f"or in {installed}; set CONTROL_ROOM_HOME"
    )


def scenes_dir() -> Path:
    return project_root() / "scenes"


def resources_dir() -> Path:
    return project_root() / "resources"


def demo_scene_dir() -> Path:
    return scenes_dir() / "demo"


def user_data_dir() -> Path:
    """Per-user writable folder (database, recordings, evidence); created on demand."""
    path = Path(os.environ.get("CONTROL_ROOM_DATA") or platformdirs.user_data_dir(_APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def secrets_dir() -> Path:
    """Per-user folder for keys (the audit trail's HMAC key and chain head): apart from the
    data folder that holds the database, so a copy of the database never carries its key.
    ``CONTROL_ROOM_SECRETS`` overrides it. Created on demand, readable by the owner only."""
    path = Path(os.environ.get("CONTROL_ROOM_SECRETS")
                or Path(platformdirs.user_config_dir(_APP_NAME)) / "secrets")
    path.mkdir(parents=True, exist_ok=True)
    # a folder the user does not own (a mounted secret) is used as it is
    with contextlib.suppress(OSError):
        path.chmod(0o700)
    return path
