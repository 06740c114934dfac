"""A plain QoS 1 publisher for the tools (``simulate``, ``replay``): connect, publish a
stream, wait until the broker acknowledged everything, disconnect.

Not a Source: these tools feed a broker; the control room reads it with ``MqttSource``.
"""

from __future__ import annotations

import ssl
import threading

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode

from app.config import ConfigError, MqttConfig
from app.sources.mqtt_url import parse_broker_url


class MqttPublisher:
    def __init__(self, config: MqttConfig, client_id: str, *, max_inflight: int = 1000) -> None:
        if not config.url:
            raise ConfigError("no broker URL: give --broker mqtt://HOST:PORT")
        self.address = parse_broker_url(config.url)
        self.config = config
        self.published = 0
        self._connected = threading.Event()
        self._refused: str | None = None
        self._last: mqtt.MQTTMessageInfo | None = None
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                             protocol=mqtt.MQTTv5)
        client.max_inflight_messages_set(max_inflight)
        client.max_queued_messages_set(0)
        client.reconnect_delay_set(1, 30)
        username = self.address.username or config.username
        if username:
            client.username_pw_set(username, self.address.password or config.password)
        if self.address.tls or config.ca_file:
            client.tls_set(ca_certs=config.ca_file, certfile=config.cert_file,
                           keyfile=config.key_file, cert_reqs=ssl.CERT_REQUIRED)
        client.on_connect = self._on_connect
        client.on_disconnect = lambda *_a: self._connected.clear()
        self._client = client

    def _on_connect(self, _c: mqtt.Client, _u: object, _f: object, reason, _p: object) -> None:
        if reason.is_failure:
            self._refused = str(reason)
        else:
            self._connected.set()

    def connect(self, timeout: float = 10.0) -> None:
        """Connect or raise ConfigError (one line) when the broker cannot be reached."""
        try:
            self._client.connect_async(self.address.host, self.address.port,
                                       keepalive=self.config.keepalive_s)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"broker {self.address.display}: {exc}") from None
        self._client.loop_start()
        if not self._connected.wait(timeout):
            self._client.loop_stop()
            why = f"refused: {self._refused}" if self._refused else f"no answer in {timeout:g} s"
            raise ConfigError(f"broker {self.address.display}: {why}")

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        info = self._client.publish(topic, payload, qos=qos, retain=retain)
        if info.rc not in (MQTTErrorCode.MQTT_ERR_SUCCESS, MQTTErrorCode.MQTT_ERR_NO_CONN):
            raise RuntimeError(f"publish to {topic} failed: {mqtt.error_string(info.rc)}")
        self._last = info
        self.published += 1

    def backlog(self) -> int:
        """Messages handed to paho and not yet acknowledged by the broker."""
        return len(self._client._out_messages)  # paho has no public accessor

    def close(self, timeout: float = 30.0) -> bool:
        """Wait until the broker has every message (QoS 1), then disconnect. True if all
        were acknowledged in time."""
        done = True
        if self._last is not None:
            try:
                self._last.wait_for_publish(timeout)
            except (RuntimeError, ValueError):
                done = False
            done = done and self._last.is_published() and self.backlog() == 0
        self._client.disconnect()
        self._client.loop_stop()
        return done
