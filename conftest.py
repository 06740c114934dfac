"""Root conftest: shared fixtures live in tests/fixtures, one module per real service."""

from __future__ import annotations

import os
import tempfile

import pytest

pytest_plugins = [
    "tests.fixtures.broker",
    "tests.fixtures.database",
    "tests.fixtures.disk",
    "tests.fixtures.display",
    "tests.fixtures.held_widgets",
    "tests.fixtures.rtsp",
]


@pytest.fixture(autouse=True, scope="session")
def _private_user_data_dir():
    """Tests never write into the real user's data folder (database, alarm state), secrets
    folder (audit key) or settings (QSettings: window layout, the camera wall's tiles; a
    test's app without cameras once left the user's wall empty), nor do the apps they
    start."""
    with tempfile.TemporaryDirectory(prefix="control-room-test-data-") as folder:
        previous = {name: os.environ.get(name)
                    for name in ("CONTROL_ROOM_DATA", "CONTROL_ROOM_SECRETS", "XDG_CONFIG_HOME")}
        os.environ["CONTROL_ROOM_DATA"] = folder
        os.environ["CONTROL_ROOM_SECRETS"] = os.path.join(folder, "secrets")
        os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")
        yield folder
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
