"""Every alarm type the engine itself raises has a name in the operator's language: the
board, the history and the wall show ``type_name``, and an unnamed type reads as its raw
id ("event.illegal_construction" on a Chinese board, as the construction alarms did)."""

from __future__ import annotations

import typing

import pytest

from app.dispatch.sounds import SEVERITY as SOUND_KINDS
from app.runtime.storage_alarm import ALARM_TYPE as STORAGE_BLOCKED
from app.vision.construction.service import ALARM as CONSTRUCTION
from app.vision.construction.service import MOVED
from app.wire.payloads import MicEventPayload
from tests.ui.test_i18n import translated  # noqa: F401 (fixture)
from ui.alarm_labels import type_name

#: the types raised in app/ by literal (app/vision/cameras.py, app/runtime/engine.py)
CAMERA_AND_FEED = ("event.video_loss", "event.tampering", "event.falling_object",
                   "feed_silent", "offline")


def _raised_types() -> list[str]:
    sounds = typing.get_args(typing.get_type_hints(MicEventPayload)["kind"])
    assert set(sounds) == set(SOUND_KINDS), "a sound kind without a severity"
    return [CONSTRUCTION, MOVED, STORAGE_BLOCKED, *CAMERA_AND_FEED,
            *(f"sound.{kind}" for kind in sounds)]


@pytest.mark.parametrize("type_", _raised_types())
def test_an_alarm_type_the_engine_raises_reads_in_chinese(type_, translated) -> None:  # noqa: F811
    translated("zh_CN")
    name = type_name(type_)
    assert name != type_ and any("\u4e00" <= ch <= "\u9fff" for ch in name), name
