"""Where live data comes from. Every source delivers raw contract messages to one sink."""

from app.sources.base import MessageSink, PublishNotAllowed, RawMessage, Source, SourceStatus

__all__ = ["MessageSink", "PublishNotAllowed", "RawMessage", "Source", "SourceStatus"]
