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
    "tests.fixtures.rtsp",
]


@pytest.fixture(autouse=True, scope="session")
def _private_user_data_dir():
    """Tests never write into the real user's data folder (database, alarm state)."""
    with tempfile.TemporaryDirectory(prefix="control-room-test-data-") as folder:
        previous = os.environ.get("CONTROL_ROOM_DATA")
        os.environ["CONTROL_ROOM_DATA"] = folder
        yield folder
        if previous is None:
            os.environ.pop("CONTROL_ROOM_DATA", None)
        else:
            os.environ["CONTROL_ROOM_DATA"] = previous
