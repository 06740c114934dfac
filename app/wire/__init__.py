"""The MQTT wire contract (CONTRACTS.md, docs/mqtt.md): what travels between devices and the
control room, declared once — the raw message every source delivers, the topic scheme and
the payload structs. Sources produce it, ingest decodes it; neither imports the other.
"""

from app.wire.message import RawMessage
from app.wire.topics import INBOUND, Route, TopicError, TopicScheme

__all__ = ["INBOUND", "RawMessage", "Route", "TopicError", "TopicScheme"]
