"""Route a contract topic ``{prefix}/{site}/{family}/{id}/{leaf}`` to what it carries."""

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


class Route(msgspec.Struct, frozen=True):
    family: str  # dev | mic | gate | tech
    entity_id: str
    leaf: str


class TopicScheme:
    def __init__(self, prefix: str = "cr", site: str = "demo") -> None:
        self.prefix = prefix
        self.site = site
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
