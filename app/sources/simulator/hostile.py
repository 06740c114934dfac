"""Hostile messages for ``--malformed``: one maker per way a device can get a payload wrong,
covering every reject reason ingest counts. Used in rotation so each reason shows up.
"""

from __future__ import annotations

from collections.abc import Callable

from app.wire.topics import TopicScheme

Msg = tuple[str, bytes, bool]
# (scheme, device id, epoch ms, n) -> message
Maker = Callable[[TopicScheme, str, int, int], Msg]

OVERSIZED_BYTES = 70 * 1024
CLOCK_OFF_MS = 3 * 86400 * 1000


def _tel(scheme: TopicScheme, device_id: str, body: bytes) -> Msg:
    return scheme.device(device_id, "telemetry"), body, False


MAKERS: dict[str, Maker] = {
    "invalid_json": lambda s, d, ms, n: _tel(s, d, b'{"ts":%d,"values":{"v":1.0' % ms),
    "wrong_type": lambda s, d, ms, n: _tel(s, d, b'{"ts":%d,"values":{"v":"high"}}' % ms),
    "missing_field": lambda s, d, ms, n: _tel(s, d, b'{"seq":%d,"values":{"v":1.0}}' % n),
    # 1e999 overflows a float: JSON's only way to smuggle in a non-finite number
    "overflow": lambda s, d, ms, n: _tel(s, d, b'{"ts":%d,"values":{"v":1e999}}' % ms),
    "oversized": lambda s, d, ms, n: _tel(
        s, d, b'{"ts":%d,"values":{"v":1.0},"pad":"%s"}' % (ms, b"x" * OVERSIZED_BYTES)),
    # the bad bytes sit in a key the decoder must read (unknown fields are skipped unread)
    "not_utf8": lambda s, d, ms, n: _tel(s, d, b'{"ts":%d,"values":{"v\xff\xfe":1.0}}' % ms),
    "unknown_device": lambda s, d, ms, n: _tel(s, f"ghost-{n % 97:02d}",
                                               b'{"ts":%d,"values":{"v":1.0}}' % ms),
    "clock_skew": lambda s, d, ms, n: _tel(s, d, b'{"ts":%d,"values":{"v":1.0}}'
                                           % (ms - CLOCK_OFF_MS)),
    "not_our_topic": lambda s, d, ms, n: (f"{s.root}/dev/{d}/gossip", b"{}", False),
    # text no database can keep as text (PostgreSQL refuses NUL)
    "nul_char": lambda s, d, ms, n: (s.device(d, "event"),
                                     b'{"ts":%d,"kind":"smoke\\u0000"}' % ms, False),
}

KINDS: tuple[str, ...] = tuple(MAKERS)


def hostile(n: int, scheme: TopicScheme, device_id: str, ms: int) -> Msg:
    """The ``n``-th hostile message (kinds in rotation) aimed at ``device_id``."""
    return MAKERS[KINDS[n % len(KINDS)]](scheme, device_id, ms, n)
