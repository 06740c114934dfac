"""Home Assistant MQTT discovery → this contract: a gateway for devices that announce
themselves the Home Assistant way (zigbee2mqtt, Tasmota, ESPHome, Z-Wave JS …), so that they
need no firmware of ours (docs/mqtt.md, "Gateways").

Home Assistant discovery announces one *entity* per retained config on
``homeassistant/{component}/[{node_id}/]{object_id}/config`` (keys may be abbreviated, ``~``
stands for a base topic) and then publishes its states on the entity's ``state_topic``.
``HaBridge.handle`` turns that stream into this contract's messages:

- the entities of one device (``device.identifiers[0]``, else the node id) become one
  birth: each ``sensor`` a point (its ``object_id``, its ``unit_of_measurement``), each
  ``binary_sensor`` a 0/1 point; the kind comes from the gateway's table of places, else from
  the entities' ``device_class`` (``KIND_BY_CLASS``); the place only from the table (Home
  Assistant has none): a device without one is not announced, and says why in ``refused``;
- states become telemetry: ``{{ value }}`` and ``{{ value_json.a.b }}`` /
  ``{{ value_json['a']['b'] }}`` templates are understood, any other is refused with its
  reason (Jinja is not evaluated); ``ts`` is the gateway's receive time, ``seq`` its own
  counter per device; a binary sensor turning on whose class names an event
  (``EVENT_ON``: smoke, gas, door) also sends that event;
- availability becomes the device's retained status.

Only ``sensor`` and ``binary_sensor`` are mapped: the control room commands no device.
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from app.wire.topics import TopicScheme

#: Home Assistant's abbreviations of the keys this bridge reads (its MQTT docs list them)
ABBREVIATIONS = {
    "stat_t": "state_topic", "val_tpl": "value_template", "unit_of_meas": "unit_of_measurement",
    "dev_cla": "device_class", "dev": "device", "avty": "availability",
    "avty_t": "availability_topic", "avty_tpl": "availability_template",
    "pl_avail": "payload_available", "pl_not_avail": "payload_not_available",
    "pl_on": "payload_on", "pl_off": "payload_off", "uniq_id": "unique_id",
    "obj_id": "object_id", "t": "topic", "stat_cla": "state_class",
}
DEVICE_ABBREVIATIONS = {"ids": "identifiers", "mf": "manufacturer", "mdl": "model",
                        "sw": "sw_version", "hw": "hw_version", "sa": "suggested_area"}
MAPPED = ("sensor", "binary_sensor")
#: (component, device_class) → device kind, when the gateway's table does not say
KIND_BY_CLASS = {
    ("binary_sensor", "smoke"): "smoke_detector", ("binary_sensor", "gas"): "gas_detector",
    ("binary_sensor", "door"): "door_access", ("sensor", "energy"): "power_meter",
    ("sensor", "power"): "power_meter", ("sensor", "water"): "water_meter",
}
#: binary sensor classes whose change to on is an event of the device
EVENT_ON = {"smoke": "smoke", "gas": "gas_leak", "door": "door_open"}
_ID = re.compile(r"[^A-Za-z0-9_.-]")
_TEMPLATE = re.compile(r"^\{\{-?\s*(value_json((?:\.\w+|\[\s*'[^']+'\s*\]|\[\s*\"[^\"]+\"\s*\])*)"
                       r"|value)\s*-?\}\}$")
_STEP = re.compile(r"\.(\w+)|\[\s*'([^']+)'\s*\]|\[\s*\"([^\"]+)\"\s*\]")
REFUSED_KEPT = 100


class DiscoveryError(ValueError):
    """A discovery config or state this bridge cannot map (one line: why)."""


class Place(msgspec.Struct, frozen=True):
    """The gateway's table entry for one device: where it is (and what, when its entities'
    classes do not say)."""

    xyz: tuple[float, float, float]
    building: str | None = None
    floor: int | None = None
    kind: str | None = None


class Entity(msgspec.Struct, frozen=True):
    component: str
    device_id: str
    device_name: str
    point: str
    device_class: str | None
    unit: str
    state_topic: str
    path: tuple[str, ...] | None  # None: the raw payload; else keys into the JSON
    payload_on: str
    payload_off: str
    availability: tuple[tuple[str, tuple[str, ...] | None, str, str], ...]


def config_topic(topic: str, prefix: str = "homeassistant") -> tuple[str, str | None, str] | None:
    """(component, node_id, object_id) of a discovery config topic, else None."""
    parts = topic.split("/")
    if parts[0] != prefix or parts[-1] != "config" or len(parts) not in (4, 5):
        return None
    return parts[1], (parts[2] if len(parts) == 5 else None), parts[-2]


def compile_template(text: str | None) -> tuple[str, ...] | None:
    """The keys a value template reads (None: the raw payload); raises DiscoveryError."""
    if text is None:
        return None
    match = _TEMPLATE.match(text.strip())
    if match is None:
        raise DiscoveryError(f"template {text[:80]!r} is not one of {{{{ value }}}}, "
                             "{{ value_json.KEY }}, {{ value_json['KEY'] }}")
    if match.group(1) == "value":
        return None
    return tuple(a or b or c for a, b, c in _STEP.findall(match.group(2)))


def extract(path: tuple[str, ...] | None, payload: bytes) -> Any:
    """What ``path`` reads from a state payload (None when it is not there)."""
    text = payload.decode("utf-8", errors="replace")
    if path is None:
        return text
    try:
        value: Any = json.loads(text)
    except ValueError:
        return None
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def as_text(value: Any) -> str:
    """A state or payload as Home Assistant compares them (JSON true renders as True)."""
    return str(value) if not isinstance(value, str) else value


def entity_from_config(topic: str, payload: bytes, prefix: str = "homeassistant") -> Entity:
    """One discovered entity; raises DiscoveryError naming what cannot be mapped."""
    where = config_topic(topic, prefix)
    if where is None:
        raise DiscoveryError(f"{topic!r} is not a discovery config topic")
    component, node_id, object_id = where
    if component not in MAPPED:
        raise DiscoveryError(f"a {component} is not mapped (only sensors and binary sensors)")
    try:
        raw = json.loads(payload)
    except ValueError:
        raise DiscoveryError("the config is not JSON") from None
    if not isinstance(raw, dict):
        raise DiscoveryError("the config is not a JSON object")
    config = _expanded(raw)
    state_topic = config.get("state_topic")
    if not isinstance(state_topic, str) or not state_topic:
        raise DiscoveryError("the config has no state_topic")
    device = config.get("device") if isinstance(config.get("device"), dict) else {}
    ids = device.get("identifiers")
    first = ids[0] if isinstance(ids, list) and ids else ids
    device_id = _ID.sub("_", str(first or node_id or object_id))[:64]
    return Entity(
        component=component, device_id=device_id,
        device_name=str(device.get("name") or config.get("name") or device_id)[:200],
        point=_ID.sub("_", object_id)[:64], device_class=config.get("device_class"),
        unit=str(config.get("unit_of_measurement") or "")[:32], state_topic=state_topic,
        path=compile_template(config.get("value_template")),
        payload_on=as_text(config.get("payload_on", "ON")),
        payload_off=as_text(config.get("payload_off", "OFF")),
        availability=_availability(config))


def _expanded(config: dict) -> dict:
    out = {ABBREVIATIONS.get(k, k): v for k, v in config.items()}
    if isinstance(out.get("device"), dict):
        out["device"] = {DEVICE_ABBREVIATIONS.get(k, k): v for k, v in out["device"].items()}
    base = out.get("~")
    if isinstance(base, str):  # "~" stands for the base topic at either end of a *_topic
        for key, value in list(out.items()):
            if key.endswith("_topic") and isinstance(value, str):
                out[key] = (base + value[1:] if value.startswith("~")
                            else value[:-1] + base if value.endswith("~") else value)
    return out


def _availability(config: dict) -> tuple[tuple[str, tuple[str, ...] | None, str, str], ...]:
    entries = config.get("availability")
    if not isinstance(entries, list):
        entries = [{"topic": config["availability_topic"],
                    "value_template": config.get("availability_template"),
                    "payload_available": config.get("payload_available", "online"),
                    "payload_not_available": config.get("payload_not_available", "offline")}
                   ] if isinstance(config.get("availability_topic"), str) else []
    out = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        entry = {ABBREVIATIONS.get(k, k): v for k, v in entry.items()}
        if isinstance(entry.get("topic"), str):
            out.append((entry["topic"], compile_template(entry.get("value_template")),
                        as_text(entry.get("payload_available", "online")),
                        as_text(entry.get("payload_not_available", "offline"))))
    return tuple(out)


class HaBridge:
    """Turns Home Assistant discovery and states into this contract's messages."""

    def __init__(self, scheme: TopicScheme, places: Mapping[str, Place], *,
                 prefix: str = "homeassistant", clock: Callable[[], float] = time.time) -> None:
        self.scheme, self.places, self.prefix, self.clock = scheme, places, prefix, clock
        self.entities: dict[tuple[str, str], Entity] = {}  # (device, point) → entity
        self.refused: deque[tuple[str, str]] = deque(maxlen=REFUSED_KEPT)  # (topic, why)
        self._seq: dict[str, int] = {}
        self._on: dict[tuple[str, str], bool] = {}

    def topics(self) -> set[str]:
        """What to subscribe to: the discovery configs, and every state and availability
        topic discovered so far."""
        out = {f"{self.prefix}/#"}
        for entity in self.entities.values():
            out.add(entity.state_topic)
            out.update(a[0] for a in entity.availability)
        return out

    def handle(self, topic: str, payload: bytes) -> list[tuple[str, bytes, bool]]:
        """This contract's messages (topic, payload, retain) for one message of the broker."""
        try:
            if config_topic(topic, self.prefix) is not None:
                return self._config(topic, payload)
            return self._state(topic, payload)
        except DiscoveryError as exc:
            self.refused.append((topic, str(exc)))
            return []

    def _config(self, topic: str, payload: bytes) -> list[tuple[str, bytes, bool]]:
        if not payload:  # an entity removed: the control room's operator removes devices
            return []
        entity = entity_from_config(topic, payload, self.prefix)
        self.entities[(entity.device_id, entity.point)] = entity
        birth = self.birth(entity.device_id)
        return [(self.scheme.device(entity.device_id, "meta"), _json(birth), True)]

    def birth(self, device_id: str) -> dict:
        """The birth of a discovered device; raises DiscoveryError when it has no place or
        no kind."""
        entities = [e for (d, _), e in self.entities.items() if d == device_id]
        place = self.places.get(device_id)
        if place is None:
            raise DiscoveryError(f"{device_id!r} has no place in the gateway's table")
        kind = place.kind or next((KIND_BY_CLASS[(e.component, e.device_class)]
                                   for e in entities
                                   if (e.component, e.device_class) in KIND_BY_CLASS), None)
        if kind is None:
            raise DiscoveryError(f"{device_id!r}: the kind is not clear from its entities")
        location: dict[str, Any] = {"xyz": list(place.xyz)}
        if place.building is not None:
            location["building"] = place.building
        if place.floor is not None:
            location["floor"] = place.floor
        return {"kind": kind, "name": entities[0].device_name, "location": location,
                "points": {e.point: {"unit": e.unit} for e in entities}}

    def _state(self, topic: str, payload: bytes) -> list[tuple[str, bytes, bool]]:
        out: list[tuple[str, bytes, bool]] = []
        values: dict[str, dict[str, float]] = {}
        events: list[tuple[str, str]] = []
        for entity in self.entities.values():
            for avail_topic, path, up, down in entity.availability:
                if avail_topic == topic:
                    state = as_text(extract(path, payload))
                    if state in (up, down):
                        out.append((self.scheme.device(entity.device_id, "status"),
                                    _json({"online": state == up}), True))
            if entity.state_topic != topic:
                continue
            value = self._number(entity, extract(entity.path, payload))
            if value is None:
                continue
            values.setdefault(entity.device_id, {})[entity.point] = value
            key = (entity.device_id, entity.point)
            was_on, self._on[key] = self._on.get(key, False), value == 1.0
            event = EVENT_ON.get(entity.device_class or "")
            if entity.component == "binary_sensor" and event and value == 1.0 and not was_on:
                events.append((entity.device_id, event))
        now_ms = int(self.clock() * 1000)
        for device_id, points in values.items():
            self._seq[device_id] = seq = self._seq.get(device_id, 0) + 1
            out.append((self.scheme.device(device_id, "telemetry"),
                        _json({"ts": now_ms, "seq": seq, "values": points}), False))
        for device_id, kind in events:
            out.append((self.scheme.device(device_id, "event"),
                        _json({"ts": now_ms, "kind": kind}), False))
        return list(dict.fromkeys(out))  # one status per device and state message

    def _number(self, entity: Entity, value: Any) -> float | None:
        if value is None:
            return None
        if entity.component == "binary_sensor":
            text = as_text(value)
            return 1.0 if text == entity.payload_on else 0.0 if text == entity.payload_off \
                else None
        if isinstance(value, bool):
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.refused.append((entity.state_topic, f"{entity.point}: {value!r} is not a "
                                                     "number"))
            return None
        return number if number == number and abs(number) != float("inf") else None


def _json(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


class HaGateway:
    """A ``HaBridge`` on a broker: one MQTT client reads Home Assistant's topics and
    publishes this contract's (QoS 1; births and statuses retained)."""

    def __init__(self, bridge: HaBridge, host: str, port: int, *,
                 client_id: str = "ha-gateway", username: str | None = None,
                 password: str | None = None) -> None:
        import paho.mqtt.client as mqtt
        from paho.mqtt.enums import CallbackAPIVersion

        self.bridge = bridge
        self.forwarded = 0
        self._subscribed: set[str] = set()
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                             protocol=mqtt.MQTTv5)
        if username:
            client.username_pw_set(username, password)
        client.on_connect = lambda c, *_a: self._subscribe_new(resubscribe=True)
        client.on_message = self._on_message
        self._client, self._host, self._port = client, host, port

    def start(self) -> None:
        self._client.connect(self._host, self._port)
        self._client.loop_start()

    def stop(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def _on_message(self, _client: Any, _userdata: Any, msg: Any) -> None:
        for topic, payload, retain in self.bridge.handle(msg.topic, bytes(msg.payload)):
            self._client.publish(topic, payload, qos=1, retain=retain)
            self.forwarded += 1
        self._subscribe_new()

    def _subscribe_new(self, resubscribe: bool = False) -> None:
        if resubscribe:
            self._subscribed.clear()
        new = sorted(self.bridge.topics() - self._subscribed)
        if new:
            self._client.subscribe([(t, 1) for t in new])
            self._subscribed.update(new)
