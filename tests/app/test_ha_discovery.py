"""Home Assistant MQTT discovery → this contract, on the forms real publishers use (Home
Assistant's own documented examples, zigbee2mqtt's binary sensors with JSON true/false and
a bridge availability, Tasmota's abbreviated keys with a ``~`` base topic), and end to end:
a zigbee2mqtt smoke detector, through the gateway on a real Mosquitto, raises the control
room's smoke alarm once an operator has registered it."""

from __future__ import annotations

import json
import time

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app import paths
from app.alarms.engine import AlarmEngine
from app.alarms.model import Severity
from app.config import MqttConfig
from app.ingest.pipeline import Ingest
from app.scene.loader import load_scene
from app.sources.ha_discovery import (
    DiscoveryError,
    HaBridge,
    HaGateway,
    Place,
    compile_template,
    entity_from_config,
)
from app.sources.mqtt import MqttSource
from app.state.store import StateStore
from app.wire.topics import TopicScheme
from tests.fixtures.waiting import wait_until

SCHEME = TopicScheme("cr", "demo")
T = 1_796_000_000.0

# Home Assistant's documented examples (two sensors sharing one JSON state topic)
BEDROOM_T = ("homeassistant/sensor/sensorBedroomT/config", {
    "device_class": "temperature", "name": "Temperature",
    "state_topic": "homeassistant/sensor/sensorBedroom/state", "unit_of_measurement": "°C",
    "value_template": "{{ value_json.temperature}}"})
BEDROOM_H = ("homeassistant/sensor/sensorBedroomH/config", {
    "device_class": "humidity", "name": "Humidity",
    "state_topic": "homeassistant/sensor/sensorBedroom/state", "unit_of_measurement": "%",
    "value_template": "{{ value_json.humidity}}"})
# zigbee2mqtt's smoke detector: JSON booleans, availability through its bridge state
Z2M_SMOKE = ("homeassistant/binary_sensor/0x00158d0001a2b3c4/smoke/config", {
    "availability": [{"topic": "zigbee2mqtt/bridge/state",
                      "value_template": "{{ value_json.state }}"}],
    "device": {"identifiers": ["zigbee2mqtt_0x00158d0001a2b3c4"], "manufacturer": "Xiaomi",
               "model": "Smoke detector (JTYJ-GD-01LM/BW)", "name": "3栋 前室烟感"},
    "device_class": "smoke", "name": None, "object_id": "smoke_b3_smoke",
    "payload_off": False, "payload_on": True, "state_topic": "zigbee2mqtt/smoke_b3",
    "unique_id": "0x00158d0001a2b3c4_smoke_zigbee2mqtt",
    "value_template": "{{ value_json.smoke }}"})
Z2M_BATTERY = ("homeassistant/sensor/0x00158d0001a2b3c4/battery/config", {
    "availability": [{"topic": "zigbee2mqtt/bridge/state",
                      "value_template": "{{ value_json.state }}"}],
    "device": {"identifiers": ["zigbee2mqtt_0x00158d0001a2b3c4"], "name": "3栋 前室烟感"},
    "device_class": "battery", "unit_of_measurement": "%", "state_class": "measurement",
    "state_topic": "zigbee2mqtt/smoke_b3", "value_template": "{{ value_json.battery }}"})
# Tasmota's power plug: abbreviated keys, a "~" base topic, Online/Offline availability
TASMOTA_POWER = ("homeassistant/sensor/A1B2C3_ENERGY_Power/config", {
    "~": "tele/tasmota_A1B2C3", "name": "Plug ENERGY Power", "stat_t": "~/SENSOR",
    "avty_t": "~/LWT", "pl_avail": "Online", "pl_not_avail": "Offline",
    "uniq_id": "A1B2C3_ENERGY_Power", "dev": {"ids": ["A1B2C3"]}, "unit_of_meas": "W",
    "dev_cla": "power", "stat_cla": "measurement",
    "val_tpl": "{{value_json['ENERGY']['Power']}}"})
SMOKE_PLACE = Place(xyz=(-103.0, 66.0, 2.8), building="B01", floor=1)


def _bridge(**places: Place) -> HaBridge:
    return HaBridge(SCHEME, places, clock=lambda: T)


def _feed(bridge: HaBridge, *items: tuple[str, object]) -> list[tuple[str, dict, bool]]:
    out = []
    for topic, body in items:
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        out += [(t, json.loads(p), r) for t, p, r in bridge.handle(topic, payload)]
    return out


def test_templates_understood_and_refused() -> None:
    assert compile_template(None) is None and compile_template("{{ value }}") is None
    assert compile_template("{{ value_json.temperature}}") == ("temperature",)
    assert compile_template("{{value_json['ENERGY']['Power']}}") == ("ENERGY", "Power")
    assert compile_template('{{ value_json.a["b c"] }}') == ("a", "b c")
    with pytest.raises(DiscoveryError, match="not one of"):
        compile_template("{{ value_json.temperature | float * 1.8 + 32 }}")


def test_zigbee2mqtt_smoke_detector_becomes_a_birth_status_telemetry_and_a_smoke_event() -> None:
    bridge = _bridge(zigbee2mqtt_0x00158d0001a2b3c4=SMOKE_PLACE)
    out = _feed(bridge, Z2M_SMOKE, Z2M_BATTERY)
    device = "zigbee2mqtt_0x00158d0001a2b3c4"
    topic, birth, retained = out[-1]
    assert topic == f"cr/demo/dev/{device}/meta" and retained
    assert birth == {"kind": "smoke_detector", "name": "3栋 前室烟感",
                     "location": {"xyz": [-103.0, 66.0, 2.8], "building": "B01", "floor": 1},
                     "points": {"smoke": {"unit": ""}, "battery": {"unit": "%"}}}
    assert _feed(bridge, ("zigbee2mqtt/bridge/state", {"state": "online"})) == [
        (f"cr/demo/dev/{device}/status", {"online": True}, True)]
    quiet, alarm = (_feed(bridge, ("zigbee2mqtt/smoke_b3", {"smoke": s, "battery": 97}))
                    for s in (False, True))
    assert quiet == [(f"cr/demo/dev/{device}/telemetry",
                      {"ts": T * 1000, "seq": 1, "values": {"smoke": 0.0, "battery": 97.0}},
                      False)]
    assert alarm[0][1]["values"] == {"smoke": 1.0, "battery": 97.0}
    assert alarm[1] == (f"cr/demo/dev/{device}/event", {"ts": T * 1000, "kind": "smoke"},
                        False)
    again = _feed(bridge, ("zigbee2mqtt/smoke_b3", {"smoke": True, "battery": 97}))
    assert [t for t, _, _ in again] == [f"cr/demo/dev/{device}/telemetry"]  # no new event


def test_tasmota_abbreviations_base_topic_and_availability() -> None:
    entity = entity_from_config(TASMOTA_POWER[0], json.dumps(TASMOTA_POWER[1]).encode())
    assert (entity.device_id, entity.point, entity.unit, entity.state_topic) == (
        "A1B2C3", "A1B2C3_ENERGY_Power", "W", "tele/tasmota_A1B2C3/SENSOR")
    bridge = _bridge(A1B2C3=Place(xyz=(0.0, 0.0, 0.0)))
    assert _feed(bridge, TASMOTA_POWER)[0][1]["kind"] == "power_meter"
    state = {"Time": "2025-11-25T08:00:00", "ENERGY": {"Power": 1234, "Voltage": 229}}
    assert _feed(bridge, ("tele/tasmota_A1B2C3/SENSOR", state))[0][1]["values"] == {
        "A1B2C3_ENERGY_Power": 1234.0}
    assert _feed(bridge, ("tele/tasmota_A1B2C3/LWT", b"Offline")) == [
        ("cr/demo/dev/A1B2C3/status", {"online": False}, True)]


def test_what_cannot_be_mapped_is_refused_with_a_reason() -> None:
    bridge = _bridge()
    assert _feed(bridge, BEDROOM_T, BEDROOM_H) == []  # no place in the gateway's table
    assert "no place" in bridge.refused[-1][1]
    placed = _bridge(sensorBedroomT=Place(xyz=(0.0, 0.0, 0.0)))
    assert _feed(placed, BEDROOM_T) == []
    assert "kind is not clear" in placed.refused[-1][1]  # a thermometer is no device kind
    for topic, config, why in [
        ("homeassistant/switch/irrigation/config", {"name": "garden",
                                                    "command_topic": "x/set"}, "not mapped"),
        ("homeassistant/sensor/x/config", {"name": "x"}, "no state_topic"),
        ("homeassistant/sensor/x/config", {"state_topic": "s", "value_template":
                                           "{{ (value_json.t | float) * 1.8 }}"}, "not one of"),
    ]:
        assert _feed(bridge, (topic, config)) == []
        assert why in bridge.refused[-1][1]


@pytest.mark.broker
@pytest.mark.timeout(60)
def test_a_zigbee2mqtt_smoke_detector_raises_the_smoke_alarm_through_the_gateway(
        mqtt_broker) -> None:
    scene = load_scene(paths.demo_scene_dir())
    store = StateStore(scene.devices)
    ingest = Ingest(store, SCHEME, scene=scene, park_unknown_s=30.0)
    alarms = AlarmEngine(store)
    ingest.subscribe(alarms.handle_events)
    source = MqttSource(MqttConfig(url=mqtt_broker.url, client_id="cr-ha"), SCHEME)
    gateway = HaGateway(HaBridge(SCHEME, {"zigbee2mqtt_0x00158d0001a2b3c4": SMOKE_PLACE}),
                        "127.0.0.1", mqtt_broker.port)
    z2m = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="zigbee2mqtt",
                      protocol=mqtt.MQTTv5)
    device = "zigbee2mqtt_0x00158d0001a2b3c4"
    source.start(ingest.handle_batch)
    try:
        assert source.wait_connected(10)
        gateway.start()
        z2m.connect("127.0.0.1", mqtt_broker.port)
        z2m.loop_start()
        for topic, config in (Z2M_SMOKE, Z2M_BATTERY):
            z2m.publish(topic, json.dumps(config), qos=1, retain=True).wait_for_publish(5)
        z2m.publish("zigbee2mqtt/bridge/state", '{"state":"online"}', qos=1,
                    retain=True).wait_for_publish(5)
        assert wait_until(lambda: [u.device_id for u in ingest.ledger.snapshot()[2]] == [device])
        ingest.register(device, "值班员 王工")
        assert store.device(device).kind == "smoke_detector"
        # its availability (retained on the bridge topic) arrived: the gateway subscribed
        # to that topic and the state topic in one go
        assert wait_until(lambda: store.get(device).online is True)
        for smoke in (False, True):
            z2m.publish("zigbee2mqtt/smoke_b3", json.dumps({"smoke": smoke, "battery": 97}),
                        qos=1).wait_for_publish(5)
            time.sleep(0.2)
        assert wait_until(lambda: alarms.book.find_open(device, "event.smoke"))
        alarm = alarms.book.find_open(device, "event.smoke")
        assert alarm.severity == Severity.CRITICAL and alarm.message == "smoke"
        assert store.get(device).values == {"smoke": 1.0, "battery": 97.0}
    finally:
        z2m.disconnect()
        z2m.loop_stop()
        gateway.stop()
        source.stop()
