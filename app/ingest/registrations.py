"""Devices an operator registered from the unknown-devices list, kept across restarts.

A registration is a decision (who, when, what); the control room loads them at start, so a
device registered once is known before its retained birth arrives again. Stored as one
JSON file replaced atomically (write, fsync, rename): a crash leaves the old or the new
file, never half of one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import msgspec

from app.domain.model import Device


class RegistrationError(ValueError):
    """A registrations file that cannot be read (one line naming the file)."""


class Registration(msgspec.Struct, frozen=True):
    device: Device
    by: str  # the operator who registered it
    at: float  # epoch seconds


class Dismissal(msgspec.Struct, frozen=True):
    device_id: str
    by: str
    at: float
    #: True when a registered device was removed, False when only its listing was
    was_registered: bool


class _File(msgspec.Struct):
    registrations: list[Registration] = []


class RegistrationFile:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def load(self) -> list[Registration]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise RegistrationError(f"{self.path}: cannot read: {exc.strerror}") from None
        try:
            return msgspec.json.decode(data, type=_File).registrations
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise RegistrationError(f"{self.path}: not a registrations file: {exc}") from None

    def save(self, registrations: Iterable[Registration]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(msgspec.json.format(msgspec.json.encode(_File(list(registrations)))))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
