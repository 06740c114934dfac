"""Parse a broker URL (``mqtt://host:1883``, ``mqtts://host:8883``) into connection parts.

A bad URL is a ConfigError naming what is wrong; credentials in the URL are accepted
(``mqtt://user:pass@host``) but never echoed back in an error or a repr.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import msgspec

from app.config import ConfigError

DEFAULT_PORTS = {"mqtt": 1883, "tcp": 1883, "mqtts": 8883, "ssl": 8883}


class BrokerAddress(msgspec.Struct, frozen=True):
    host: str
    port: int
    tls: bool
    username: str | None = None
    password: str | None = msgspec.field(default=None)

    def __repr__(self) -> str:  # never show the password
        scheme = "mqtts" if self.tls else "mqtt"
        user = f"{self.username}@" if self.username else ""
        return f"BrokerAddress({scheme}://{user}{self.host}:{self.port})"

    __str__ = __repr__

    @property
    def display(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"


def redact(url: str) -> str:
    """The URL with any password replaced, fit for logs and error messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def parse_broker_url(url: str) -> BrokerAddress:
    shown = redact(url)
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"broker URL {shown!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ConfigError(f"broker URL {shown!r}: scheme must be mqtt:// or mqtts:// "
                          f"(got {parts.scheme + '://' if parts.scheme else 'none'})")
    if not parts.hostname:
        raise ConfigError(f"broker URL {shown!r}: no host name")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ConfigError(f"broker URL {shown!r}: unexpected path or query after the host")
    if port == 0:
        raise ConfigError(f"broker URL {shown!r}: port 0 is not a port")
    return BrokerAddress(
        host=parts.hostname,
        port=port or DEFAULT_PORTS[scheme],
        tls=scheme in ("mqtts", "ssl"),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )
