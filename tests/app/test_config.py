"""Config loading: every bad case is one line naming the file, the key and the problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.config import ConfigError, load_config


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "control-room.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_run_on_the_embedded_simulator() -> None:
    config = load_config(None, environ={})
    assert config.mqtt.url is None
    assert config.database.url is None
    assert config.scene.dir is None


def test_file_values_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, '[mqtt]\nurl = "mqtt://10.0.0.5:1883"\nsite = "绿景花园"\n'
                            '[simulator]\nseed = 3\n')
    config = load_config(path, environ={})
    assert config.mqtt.url == "mqtt://10.0.0.5:1883"
    assert config.mqtt.site == "绿景花园"
    assert config.simulator.seed == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[mqtt]\nbogus = 1\n", "key mqtt.bogus: unknown key"),
        ("colour = 'red'\n", "key colour: unknown key"),
        ("[mqtt]\nkeepalive_s = 'often'\n", "key mqtt.keepalive_s: expected `int`, got `str`"),
        ("[mqtt]\nkeepalive_s = 1\n", "key mqtt.keepalive_s: expected `int` >= 5"),
        ("[database]\nbatch_rows = 0\n", "key database.batch_rows: expected `int` >= 1"),
        ("[ui]\nlang = 'fr'\n", "key ui.lang: invalid enum value 'fr'"),
        ("[simulator]\nspeed = -1.0\n", "key simulator.speed: expected `float` > 0"),
        ("mqtt = 3\n", "key mqtt: expected `object`, got `int`"),
    ],
)
def test_bad_values_name_file_key_and_problem(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    message = str(info.value)
    assert message.startswith(str(path) + ": ")
    assert expected in message
    assert "\n" not in message


def test_not_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(_write(tmp_path, "[mqtt\nurl="), environ={})
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "absent.toml", environ={})


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = _write(tmp_path, '[mqtt]\nurl = "mqtt://a:1883"\n')
    env = {"CONTROL_ROOM__MQTT__URL": "mqtt://b:1883", "CONTROL_ROOM__SIMULATOR__FAULTS": "false"}
    config = load_config(path, environ=env)
    assert config.mqtt.url == "mqtt://b:1883"
    assert config.simulator.faults is False


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("CONTROL_ROOM__SIMULATOR__SEED", "many", "expected `int`, got `str`"),
    ("CONTROL_ROOM__MQTT__KEEPALIVE_S", "nan", "expected `int`"),
    ("CONTROL_ROOM__DATABASE__FLUSH_INTERVAL_S", "inf", "expected `float` <= 60"),
    ("CONTROL_ROOM__MQTT__URLL", "mqtt://x", "unknown key"),
    ("CONTROL_ROOM__MQTTX__URL", "mqtt://x", "unknown key"),
    ("CONTROL_ROOM__MQTT", "mqtt://x", "expected `object`, got `str`"),
    ("CONTROL_ROOM__MQTT__SITE", "#", "'#' cannot be part of an MQTT topic"),
    ("CONTROL_ROOM__SCENE__DIR", "/srv/a\x00b", "control character U+0000"),
])
def test_a_bad_environment_variable_is_named(name: str, value: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(None, environ={name: value})
    assert str(info.value).startswith(f"environment variable {name}: ")
    assert expected in str(info.value)


def test_environment_values_keep_their_type() -> None:
    config = load_config(None, environ={"CONTROL_ROOM__MQTT__PASSWORD": "123456",
                                        "CONTROL_ROOM__MQTT__USERNAME": "007",
                                        "CONTROL_ROOM__MQTT__KEEPALIVE_S": "60",
                                        "CONTROL_ROOM__SIMULATOR__FAULTS": "false",
                                        "CONTROL_ROOM__INSTANCE": "2"})
    assert config.mqtt.password == "123456" and config.mqtt.username == "007"
    assert config.mqtt.keepalive_s == 60 and config.simulator.faults is False
    assert config.instance == "2"


@pytest.mark.parametrize(("text", "expected"), [
    ('[mqtt]\nsite = "#"\n', "key mqtt.site: '#' cannot be part of an MQTT topic"),
    ('[mqtt]\nsite = "a/b"\n', "key mqtt.site: 'a/b' cannot be part of an MQTT topic"),
    ('[mqtt]\nsite = "$SYS"\n', "key mqtt.site: '$SYS' cannot start with $"),
    ('instance = "x/#"\n', "key instance: 'x/#' cannot be part of an MQTT topic"),
    ('instance = ""\n', "key instance: must not be empty"),
    ('[mqtt]\nprefix = "a//b"\n', "key mqtt.prefix: no empty level"),
    ('[mqtt]\nprefix = "cr/+"\n', "key mqtt.prefix: '+' cannot be part of an MQTT topic"),
    ('[scene]\ndir = "a\\u0000b"\n', "key scene.dir: control character U+0000"),
])
def test_topic_ids_and_text_are_checked(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(_write(tmp_path, text), environ={})
    assert str(info.value).startswith(f"{tmp_path / 'control-room.toml'}: {expected}")


def test_a_multi_level_prefix_and_a_chinese_site_are_fine(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, '[mqtt]\nprefix = "acme/cr"\nsite = "绿景花园"\n'),
                         environ={})
    assert (config.mqtt.prefix, config.mqtt.site) == ("acme/cr", "绿景花园")


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes('[mqtt]\nsite = "绿景"\n'.encode("gbk"))
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert str(info.value).startswith(f"{path}: not UTF-8 text (byte 0x")


def test_cli_exits_2_with_one_line_on_a_bad_config(tmp_path: Path) -> None:
    path = _write(tmp_path, "[mqtt]\nbogus = 1\n")
    result = subprocess.run([sys.executable, "-m", "ui.cli", "--config", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"control-room: error: {path}: key mqtt.bogus: unknown key"]


def test_alarm_overrides_and_welfare_watches_come_from_the_config(tmp_path: Path) -> None:
    path = _write(tmp_path, """
[alarms.escalation]
critical_s = 60
[alarms.devices.TX1]
limits = [{point = "temp_c", h = 80.0, on_delay_s = 10}]
[[alarms.welfare]]
unit = "B01-F12-U02"
resident = "陈奶奶"
water_meter = "B01-F12-U02-WM"
max_quiet_s = 28800
""")
    config = load_config(path, environ={})
    assert config.alarms.escalation.critical_s == 60
    assert config.alarms.devices["TX1"].limits[0].h == 80.0
    assert config.alarms.welfare[0].resident == "陈奶奶"


def test_a_misspelt_rule_field_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, '[alarms.devices.TX1]\nlimits = [{point = "temp_c", hi = 80.0}]\n')
    with pytest.raises(ConfigError, match=r"key alarms\.devices.*limits\[0\]\.hi: unknown key"):
        load_config(path, environ={})


def test_overrides_naming_unknown_devices_are_refused(tmp_path: Path) -> None:
    from app.runtime.engine import Engine

    path = _write(tmp_path, '[alarms.devices.NO-SUCH]\nlimits = []\n'
                            '[alarms.kinds.toaster]\nlimits = []\n')
    with pytest.raises(ConfigError, match="alarms.devices.NO-SUCH: no such device"):
        Engine(load_config(path, environ={}))


def test_scene_alarm_overrides_apply_and_a_bad_file_is_named(tmp_path: Path) -> None:
    import shutil

    from app import paths
    from app.config.model import AppConfig, SceneConfig
    from app.runtime.engine import Engine

    scene_dir = tmp_path / "scene"
    shutil.copytree(paths.demo_scene_dir(), scene_dir)
    (scene_dir / "alarms.json").write_text(
        '{"kinds": {"transformer": {"limits": [{"point": "temp_c", "h": 70.0}]}}}')
    engine = Engine(AppConfig(scene=SceneConfig(dir=str(scene_dir))))
    transformer = next(d for d in engine.scene.devices if d.kind == "transformer")
    assert engine.alarms.rules(transformer).limits[0].h == 70.0
    (scene_dir / "alarms.json").write_text('{"kinds": {"transformer": {"limits": 3}}}')
    with pytest.raises(ConfigError, match="alarms.json: Expected `array`"):
        Engine(AppConfig(scene=SceneConfig(dir=str(scene_dir))))
