"""Rule overrides and welfare watches from the config (``[alarms]``) and from the scene
(``alarms.json`` in the scene folder, optional). A device's own rules beat its kind's,
which beat the built-in defaults; the config beats the scene."""

from __future__ import annotations

from pathlib import Path

import msgspec

from app.alarms.book import EscalationPolicy
from app.alarms.learned import LearnedConfig
from app.alarms.rules import RuleSet
from app.alarms.welfare import WelfareRule


class AlarmsConfig(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    escalation: EscalationPolicy = EscalationPolicy()
    learned: LearnedConfig = LearnedConfig()
    #: device id → its rules, replacing the defaults of its kind
    devices: dict[str, RuleSet] = {}
    #: device kind → rules replacing the built-in defaults of that kind
    kinds: dict[str, RuleSet] = {}
    welfare: tuple[WelfareRule, ...] = ()
    #: who is told when an alarm goes unacknowledged too long
    supervisor: str = "shift supervisor"


class SceneAlarms(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    devices: dict[str, RuleSet] = {}
    kinds: dict[str, RuleSet] = {}
    welfare: tuple[WelfareRule, ...] = ()


class AlarmOverridesError(ValueError):
    """A bad alarms.json: one line naming the file and the key."""


def load_scene_alarms(scene_dir: Path) -> SceneAlarms:
    path = scene_dir / "alarms.json"
    if not path.is_file():
        return SceneAlarms()
    try:
        return msgspec.json.decode(path.read_bytes(), type=SceneAlarms)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise AlarmOverridesError(f"{path}: {exc}") from None


def problems(rules: AlarmsConfig, device_ids: set[str]) -> list[str]:
    """What in the overrides names something the scene does not have (one line each)."""
    from app.domain.kinds import DEVICE_KINDS

    out = [f"alarms.devices.{d}: no such device in the scene"
           for d in rules.devices if d not in device_ids]
    out += [f"alarms.kinds.{k}: not a device kind (one of {', '.join(DEVICE_KINDS)})"
            for k in rules.kinds if k not in DEVICE_KINDS]
    for k, w in enumerate(rules.welfare):
        for device_id in (w.water_meter, *w.door_devices):
            if device_id not in device_ids:
                out.append(f"alarms.welfare[{k}] ({w.unit}): no such device {device_id!r}")
    return out


def merged(config: AlarmsConfig, scene: SceneAlarms) -> AlarmsConfig:
    return msgspec.structs.replace(
        config,
        devices={**scene.devices, **config.devices},
        kinds={**scene.kinds, **config.kinds},
        welfare=config.welfare or scene.welfare,
    )
