"""Moved to ``app.wire.topics``; this re-export stays for one release."""

from app.wire.topics import INBOUND, Route, TopicScheme

__all__ = ["INBOUND", "Route", "TopicScheme"]
