"""Route a contract topic ``{prefix}/{site}/{family}/{id}/{leaf}`` to what it carries, and
tell the control room's own outgoing topics apart from what devices send (docs/mqtt.md).
"""

from __future__ import annotations

import msgspec

#: (family, leaf) pairs of the inbound contract topics
INBOUND = {
    ("dev", "meta"),
    ("dev", "status"),
    ("dev", "telemetry"),
    ("dev", "event"),
    ("mic", "event"),
    ("gate", "pass"),
    ("tech", "location"),
    ("tech", "order-updates"),
}

#: characters MQTT gives a meaning in a topic filter, or that a broker refuses in a topic
_FORBIDDEN = ("+", "#", "\x00")


class TopicError(ValueError):
    """A topic prefix, site or id that cannot stand in a contract topic (one line)."""


def check_level(what: str, value: str, *, allow_slash: bool = False) -> str:
    """``value`` as a topic level (or levels, with ``allow_slash``); raises TopicError."""
    if not value:
        raise TopicError(f"{what} is empty")
    bad = next((c for c in _FORBIDDEN if c in value), None)
    if bad is not None:
        raise TopicError(f"{what} {value!r} contains {bad!r}, which MQTT reserves for "
                         "wildcards or refuses")
    if not allow_slash and "/" in value:
        raise TopicError(f"{what} {value!r} contains '/': it must be one topic level")
    if allow_slash and "" in value.split("/"):
        raise TopicError(f"{what} {value!r} has an empty topic level")
    if value.startswith("$"):
        raise TopicError(f"{what} {value!r} starts with '$', which brokers reserve ($SYS)")
    return value


def is_publishable(topic: str) -> bool:
    """True for a topic a client may publish to: no wildcards, no $-topic, no NUL."""
    return bool(topic) and not topic.startswith("$") and not any(c in topic for c in _FORBIDDEN)


class Route(msgspec.Struct, frozen=True):
    family: str  # dev | mic | gate | tech
    entity_id: str
    leaf: str


class TopicScheme:
    """The topics of one site. Raises TopicError for a prefix or site that would make the
    root a wildcard, a $-topic or more levels than it says (``site = "#"``)."""

    def __init__(self, prefix: str = "cr", site: str = "demo") -> None:
        self.prefix = check_level("topic prefix", prefix, allow_slash=True)
        self.site = check_level("site", site)
        self.root = f"{prefix}/{site}"
        self._root_parts = self.root.split("/")

    def route(self, topic: str) -> Route | None:
        """The route of an inbound topic, or None when it is not one of ours."""
        parts = topic.split("/")
        n = len(self._root_parts)
        if len(parts) != n + 3 or parts[:n] != self._root_parts:
            return None
        family, entity_id, leaf = parts[n:]
        if (family, leaf) not in INBOUND or not entity_id:
            return None
        return Route(family, entity_id, leaf)

    def subscriptions(self) -> list[str]:
        return [f"{self.root}/{fam}/+/{leaf}" for fam, leaf in sorted(INBOUND)]

    def owns(self, topic: str) -> bool:
        """True for a topic under this site's root."""
        return topic.startswith(self.root + "/")

    def is_outbound(self, topic: str) -> bool:
        """True for the control room's own traffic: alarm events, work orders, its status
        (and anything else under ``control-room/``). Recordings leave it out, replays never
        send it: devices and city platforms must not see old alarms and orders again."""
        if not self.owns(topic):
            return False
        rest = topic[len(self.root) + 1:].split("/")
        return (rest[0] in ("alarms", "control-room")
                or (len(rest) == 3 and rest[0] == "tech" and rest[2] == "orders"))

    # outbound / inbound topic builders
    def device(self, device_id: str, leaf: str) -> str:
        return f"{self.root}/dev/{device_id}/{leaf}"

    def mic_event(self, mic_id: str) -> str:
        return f"{self.root}/mic/{mic_id}/event"

    def gate_pass(self, gate_id: str) -> str:
        return f"{self.root}/gate/{gate_id}/pass"

    def tech(self, tech_id: str, leaf: str) -> str:
        return f"{self.root}/tech/{tech_id}/{leaf}"

    def alarms(self) -> str:
        return f"{self.root}/alarms"

    def control_room_status(self, instance: str) -> str:
        return f"{self.root}/control-room/{instance}/status"
