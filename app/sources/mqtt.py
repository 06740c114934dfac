"""The live MQTT link (paho-mqtt 2, callback API v2, MQTT v5).

No loss across restarts: the client connects with ``clean_start=False`` and a session
expiry interval and subscribes with QoS 1, so the broker keeps the session and queues what
is published while the control room is down; it delivers it on reconnect (paho reconnects
with exponential backoff). Duplicates that QoS 1 allows are removed by ingest (device+seq).

Threads: paho's network thread only appends to a bounded deque (never blocks: when the
deque is full the message is dropped and *counted*, shown in ``status()``); the
``MqttDeliveryWorker`` thread drains it in batches into the sink. ``stop()`` delivers what is
queued before it returns.

The control room announces itself on a retained ``…/control-room/{instance}/status`` topic
(``{"online":true}``) with a last will of ``{"online":false}``.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.subscribeoptions import SubscribeOptions

from app.config import ConfigError, MqttConfig
from app.ingest.topics import TopicScheme
from app.sources.base import MessageSink, RawMessage, Source, SourceStatus
from app.sources.mqtt_url import BrokerAddress, parse_broker_url

log = logging.getLogger(__name__)

ONLINE = b'{"online":true}'
OFFLINE = b'{"online":false}'

#: builds what the worker delivers from a paho message; the recorder keeps the retain flag
MessageFactory = Callable[[mqtt.MQTTMessage, float], Any]


def _raw_message(msg: mqtt.MQTTMessage, now: float) -> RawMessage:
    return RawMessage(msg.topic, bytes(msg.payload), now)


class MqttSource(Source):
    name = "mqtt"
    can_publish = True

    def __init__(self, config: MqttConfig, scheme: TopicScheme, *, instance: str = "main",
                 subscriptions: Sequence[str] | None = None, announce: bool = True,
                 client_id: str | None = None, queue_limit: int = 200_000,
                 batch_max: int = 2000, message_factory: MessageFactory | None = None) -> None:
        if not config.url:
            raise ConfigError("mqtt.url: no broker URL given")
        self.address: BrokerAddress = parse_broker_url(config.url)
        self.config = config
        self.scheme = scheme
        self.instance = instance
        self.subscriptions = list(subscriptions or scheme.subscriptions())
        self.announce = announce
        self.client_id = client_id or config.client_id
        self.status_topic = scheme.control_room_status(instance)
        self.queue_limit = queue_limit
        self.batch_max = batch_max
        self._factory = message_factory or _raw_message
        self._queue: deque[Any] = deque()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._worker: threading.Thread | None = None
        self._client: mqtt.Client | None = None
        self._sink: MessageSink | None = None
        # counters read by status()/stats(); written by one thread each, so no lock
        self.received = 0
        self.delivered = 0
        self.dropped = 0
        self.connects = 0
        self.subscribed = threading.Event()
        self._connected = False
        self._detail = "not started"

    def __repr__(self) -> str:
        return f"MqttSource({self.address.display}, client_id={self.client_id!r})"

    # ---- lifecycle -----------------------------------------------------------------------
    def start(self, sink: MessageSink) -> None:
        if self._client is not None:
            return
        self._sink = sink
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=self.client_id,
                             protocol=mqtt.MQTTv5)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_connect_fail = self._on_connect_fail
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        client.reconnect_delay_set(min_delay=1, max_delay=30)
        client.max_queued_messages_set(0)  # commands published while offline wait, unbounded
        self._configure_security(client)
        if self.announce:
            client.will_set(self.status_topic, OFFLINE, qos=1, retain=True)
        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = self.config.session_expiry_s
        self._stopping.clear()
        self._worker = threading.Thread(target=self._deliver_loop, name="MqttDeliveryWorker",
                                        daemon=True)
        self._worker.start()
        self._client = client
        self._detail = f"connecting to {self.address.display}"
        client.connect_async(self.address.host, self.address.port,
                             keepalive=self.config.keepalive_s, clean_start=False,
                             properties=props)
        client.loop_start()

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        if self.announce and self._connected:
            # a clean disconnect does not fire the will: say goodbye explicitly
            try:
                client.publish(self.status_topic, OFFLINE, qos=1, retain=True).wait_for_publish(2)
            except (RuntimeError, ValueError):
                log.warning("could not publish the offline status before disconnecting")
        client.disconnect()
        client.loop_stop()
        self._connected = False
        self._detail = "stopped"
        self._stopping.set()
        self._wake.set()
        if self._worker is not None:
            self._worker.join()
            self._worker = None

    def status(self) -> SourceStatus:
        detail = self._detail
        if self.dropped:
            detail += f"; {self.dropped} messages dropped (delivery queue full)"
        return SourceStatus(connected=self._connected, detail=detail)

    def stats(self) -> dict[str, int]:
        return {"received": self.received, "delivered": self.delivered,
                "dropped": self.dropped, "queued": len(self._queue), "connects": self.connects}

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        client = self._client
        if client is None:
            raise RuntimeError("MQTT source is not started")
        info = client.publish(topic, payload, qos=qos, retain=retain)
        if info.rc not in (MQTTErrorCode.MQTT_ERR_SUCCESS, MQTTErrorCode.MQTT_ERR_NO_CONN):
            raise RuntimeError(f"publish to {topic} failed: {mqtt.error_string(info.rc)}")

    def wait_connected(self, timeout: float) -> bool:
        """Block until subscribed (tests, tools); True when it happened in time."""
        return self.subscribed.wait(timeout)

    # ---- paho callbacks (network thread: never block here) --------------------------------
    def _on_connect(self, client: mqtt.Client, _userdata: object, flags: Any,
                    reason: Any, _props: Any) -> None:
        if reason.is_failure:
            self._detail = f"broker refused the connection: {reason}"
            log.warning("MQTT %s refused the connection: %s", self.address.display, reason)
            return
        self.connects += 1
        self._connected = True
        self._detail = f"connected to {self.address.display}"
        log.info("MQTT connected to %s (session present: %s)", self.address.display,
                 flags.session_present)
        client.subscribe([(t, SubscribeOptions(qos=1)) for t in self.subscriptions])
        if self.announce:
            client.publish(self.status_topic, ONLINE, qos=1, retain=True)

    def _on_subscribe(self, _client: mqtt.Client, _userdata: object, _mid: int,
                      reasons: list[Any], _props: Any) -> None:
        failed = [r for r in reasons if r.is_failure]
        if failed:
            self._detail = f"subscription refused: {failed[0]}"
            log.warning("MQTT subscription refused: %s", failed[0])
        self.subscribed.set()

    def _on_disconnect(self, _client: mqtt.Client, _userdata: object, _flags: Any,
                       reason: Any, _props: Any) -> None:
        self._connected = False
        self.subscribed.clear()
        if self._client is not None:
            self._detail = f"disconnected ({reason}); reconnecting"
            log.warning("MQTT disconnected from %s: %s; reconnecting", self.address.display,
                        reason)

    def _on_connect_fail(self, _client: mqtt.Client, _userdata: object) -> None:
        self._connected = False
        self._detail = f"cannot reach {self.address.display}; retrying"

    def _on_message(self, _client: mqtt.Client, _userdata: object,
                    msg: mqtt.MQTTMessage) -> None:
        self.received += 1
        queue = self._queue
        if len(queue) >= self.queue_limit:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 10_000 == 0:
                log.error("MQTT delivery queue full: %d messages dropped so far", self.dropped)
            return
        try:
            queue.append(self._factory(msg, time.time()))
        except UnicodeDecodeError:  # a broker should never pass a non-UTF-8 topic
            self.dropped += 1
            return
        if not self._wake.is_set():
            self._wake.set()

    # ---- delivery worker -----------------------------------------------------------------
    def _deliver_loop(self) -> None:
        queue, sink = self._queue, self._sink
        assert sink is not None
        while True:
            self._wake.wait(0.5)
            self._wake.clear()  # before draining: a message appended later sets it again
            while queue:
                n = min(len(queue), self.batch_max)
                batch = [queue.popleft() for _ in range(n)]
                try:
                    sink(batch)
                except Exception:  # a faulty sink must not stop delivery
                    log.exception("MQTT sink failed on a batch of %d messages", n)
                self.delivered += n
            if self._stopping.is_set() and not queue:
                return

    # ---- security --------------------------------------------------------------------------
    def _configure_security(self, client: mqtt.Client) -> None:
        cfg = self.config
        username = self.address.username or cfg.username
        password = self.address.password or cfg.password
        if username:
            client.username_pw_set(username, password)
        if self.address.tls or cfg.ca_file or cfg.cert_file:
            if bool(cfg.cert_file) != bool(cfg.key_file):
                raise ConfigError("mqtt.cert_file and mqtt.key_file go together: give both")
            try:
                client.tls_set(ca_certs=cfg.ca_file, certfile=cfg.cert_file,
                               keyfile=cfg.key_file, cert_reqs=ssl.CERT_REQUIRED)
            except (OSError, ssl.SSLError) as exc:
                raise ConfigError(f"mqtt TLS files: {exc}") from None
