"""The live MQTT link (paho-mqtt 2, callback API v2, MQTT v5).

No loss across restarts: the client connects with ``clean_start=False`` and a session
expiry interval and subscribes with QoS 1, so the broker keeps the session and queues what
is published while the control room is down; it delivers it on reconnect (paho reconnects
with exponential backoff). Duplicates that QoS 1 allows are removed by ingest (device+seq).

Threads: paho's network thread only appends to a deque (never blocks); the
``MqttDeliveryWorker`` thread drains it in batches into the sink.

Acknowledgement follows durability (``mqtt_ack``): paho runs with ``manual_ack=True``.
Given a durability barrier (``use_durability_barrier``; the engine passes its storage
writer), a QoS 1 message is acknowledged only once storage holds what it carried, without
the delivery worker ever waiting for the database. Without one (``record``, benchmarks) it
is acknowledged right after the sink returns. Nothing is dropped that the broker considers
delivered: the CONNECT Receive Maximum (default ``min(queue_limit, 65535)``) makes the
broker itself stop sending once that many QoS 1 messages are unacknowledged, so the deque
holds at most that many; it queues the rest for the session. Only QoS 0 messages — at most
once by contract — are dropped and *counted* past ``queue_limit``. ``stop()`` stops taking
messages, delivers what is queued, waits (bounded) for storage and acknowledges what is
durable; the rest is resent to the next session and stored once.

The control room announces itself on a retained ``…/control-room/{instance}/status`` topic
(``{"online":true}``) with a last will of ``{"online":false}``.

Client ids: by default ``control-room-{site}-{instance}``. Two clients with one id evict each
other, both reconnecting, forever; ``mqtt_takeover.TakeoverWatch`` notices it from how the
connections end, and the source then stops reconnecting (the broker said "taken over") or
backs off (it just closed us), saying why in its status.
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
from app.sources.base import MessageSink, Source, SourceStatus
from app.sources.mqtt_ack import GENERATION_SHIFT, MID_MASK, AckBook, DurabilityBarrier, ack_key
from app.sources.mqtt_takeover import TakeoverWatch
from app.sources.mqtt_url import BrokerAddress, parse_broker_url
from app.wire.message import RawMessage
from app.wire.topics import TopicScheme

log = logging.getLogger(__name__)

ONLINE = b'{"online":true}'
OFFLINE = b'{"online":false}'

#: builds what the worker delivers from a paho message; the recorder keeps the retain flag
MessageFactory = Callable[[mqtt.MQTTMessage, float], Any]
#: the largest Receive Maximum MQTT 5 allows (a two-byte integer)
RECEIVE_MAXIMUM_LIMIT = 65535
RECONNECT_MIN_S = 1
RECONNECT_MAX_S = 30


def _raw_message(msg: mqtt.MQTTMessage, now: float) -> RawMessage:
    return RawMessage(msg.topic, bytes(msg.payload), now)


class MqttSource(Source):
    name = "mqtt"
    can_publish = True

    def __init__(self, config: MqttConfig, scheme: TopicScheme, *, instance: str = "main",
                 subscriptions: Sequence[str] | None = None, announce: bool = True,
                 client_id: str | None = None, queue_limit: int = 200_000,
                 batch_max: int = 2000, message_factory: MessageFactory | None = None,
                 receive_maximum: int | None = None, stop_ack_timeout_s: float = 10.0,
                 retain_as_published: bool = False) -> None:
        """``retain_as_published``: deliver the retain flag as the publisher set it, also
        for messages published while subscribed (MQTT 5; the recorder wants it, so that a
        birth that went out retained is recorded as retained)."""
        if not config.url:
            raise ConfigError("mqtt.url: no broker URL given")
        self.address: BrokerAddress = parse_broker_url(config.url)
        self.config = config
        self.scheme = scheme
        self.instance = instance
        self.subscriptions = list(subscriptions or scheme.subscriptions())
        self.announce = announce
        self.client_id = client_id or config.client_id_for(scheme.site, instance)
        self.status_topic = scheme.control_room_status(instance)
        self.queue_limit = queue_limit
        self.batch_max = batch_max
        self._factory = message_factory or _raw_message
        # un-acknowledged QoS 1 messages the broker may send us (CONNECT Receive Maximum):
        # large enough to cover the rate times the time to durability (~0.5-1 s of commits)
        self.receive_maximum = max(1, min(receive_maximum or queue_limit, RECEIVE_MAXIMUM_LIMIT))
        self.stop_ack_timeout_s = stop_ack_timeout_s
        self.retain_as_published = retain_as_published
        self._barrier: DurabilityBarrier | None = None
        self._acks = AckBook()
        self._ack_lock = threading.Lock()  # orders acks against a connection change
        self._generation = 1  # bumped when a connection ends: its packet ids are void
        self._closing = False
        self._queue: deque[tuple[Any, int]] = deque()  # (message, ack key or 0)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._worker: threading.Thread | None = None
        self._client: mqtt.Client | None = None
        self._sink: MessageSink | None = None
        # counters read by status()/stats(); written by one thread each, so no lock
        self.received = 0
        self.delivered = 0
        self.dropped = 0
        self.acked = 0
        self.connects = 0
        self.subscribed = threading.Event()
        self._connected = False
        self._refused: str | None = None  # why the broker said no, kept for status()
        self._takeover = TakeoverWatch(self.client_id)
        self.taken_over = False  # stopped reconnecting: another client uses our id
        self.suspected_takeover: str | None = None  # reported while reconnects back off
        self._detail = "not started"

    def __repr__(self) -> str:
        return f"MqttSource({self.address.display}, client_id={self.client_id!r})"

    # ---- lifecycle -----------------------------------------------------------------------
    def use_durability_barrier(self, barrier: DurabilityBarrier) -> None:
        """Acknowledge QoS 1 messages only once ``barrier`` says what they carried is
        durable (call before ``start``)."""
        self._barrier = barrier
        barrier.add_durable_listener(self._on_durable)

    def _on_durable(self, _mark: int) -> None:
        if self._acks and not self._wake.is_set():  # a waiting ack may be due now
            self._wake.set()

    def start(self, sink: MessageSink) -> None:
        if self._client is not None:
            return
        self._sink = sink
        self._closing = False
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=self.client_id,
                             protocol=mqtt.MQTTv5, manual_ack=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_connect_fail = self._on_connect_fail
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        client.reconnect_delay_set(min_delay=RECONNECT_MIN_S, max_delay=RECONNECT_MAX_S)
        client.max_queued_messages_set(0)  # commands published while offline wait, unbounded
        self._configure_security(client)
        if self.announce:
            client.will_set(self.status_topic, OFFLINE, qos=1, retain=True)
        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = self.config.session_expiry_s
        props.ReceiveMaximum = self.receive_maximum
        self._stopping.clear()
        self._client = client  # before the worker, which acknowledges through it
        self._worker = threading.Thread(target=self._deliver_loop, name="MqttDeliveryWorker",
                                        daemon=True)
        self._worker.start()
        self._detail = f"connecting to {self.address.display}"
        client.connect_async(self.address.host, self.address.port,
                             keepalive=self.config.keepalive_s, clean_start=False,
                             properties=props)
        client.loop_start()

    def stop(self) -> None:
        client = self._client
        if client is None:
            return
        # take no more messages (not acknowledged: the broker resends them to the next
        # session); the worker delivers the queue, waits for storage and acknowledges
        self._closing = True
        self._stopping.set()
        self._wake.set()
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self._client = None
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

    def status(self) -> SourceStatus:
        detail = self._detail
        if self.suspected_takeover and self.suspected_takeover not in detail:
            detail += f"; {self.suspected_takeover}"
        if self.dropped:
            detail += f"; {self.dropped} QoS 0 messages dropped (delivery queue full)"
        return SourceStatus(connected=self._connected, detail=detail)

    def stats(self) -> dict[str, int]:
        return {"received": self.received, "delivered": self.delivered,
                "dropped": self.dropped, "queued": len(self._queue), "connects": self.connects,
                "acked": self.acked, "awaiting_storage": len(self._acks)}

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
            self._refused = f"broker refused the connection: {reason}"
            self._detail = self._refused
            log.warning("MQTT %s refused the connection: %s", self.address.display, reason)
            return
        self._refused = None
        self._takeover.connected(time.monotonic())
        self.connects += 1
        self._connected = True
        self._detail = f"connected to {self.address.display}"
        log.info("MQTT connected to %s (session present: %s)", self.address.display,
                 flags.session_present)
        options = SubscribeOptions(qos=1, retainAsPublished=self.retain_as_published)
        client.subscribe([(t, options) for t in self.subscriptions])
        if self.announce:
            client.publish(self.status_topic, ONLINE, qos=1, retain=True)

    def _on_subscribe(self, _client: mqtt.Client, _userdata: object, _mid: int,
                      reasons: list[Any], _props: Any) -> None:
        failed = [r for r in reasons if r.is_failure]
        if failed:
            self._detail = f"subscription refused: {failed[0]}"
            log.warning("MQTT subscription refused: %s", failed[0])
        self.subscribed.set()

    def _on_disconnect(self, client: mqtt.Client, _userdata: object, _flags: Any,
                       reason: Any, _props: Any) -> None:
        self._connected = False
        self.subscribed.clear()
        with self._ack_lock:  # acks of this connection's packet ids must not reach the next
            self._generation += 1
        if self._client is not None and self._judge_ending(client, reason):
            return
        if self._client is not None and self._refused is not None:
            # the disconnect that follows a refusal says "protocol error": keep the cause
            self._detail = f"{self._refused}; retrying"
        elif self._client is not None:
            self._detail = f"disconnected ({reason}); reconnecting"
            log.warning("MQTT disconnected from %s: %s; reconnecting", self.address.display,
                        reason)

    def _judge_ending(self, client: mqtt.Client, reason: Any) -> bool:
        """A connection we did not close ended: is another client using our id? True when
        the verdict (stop, or back off) is now the source's status."""
        verdict = self._takeover.ended(getattr(reason, "value", None), time.monotonic())
        if verdict.action == "stop":
            self.taken_over = True
            self._detail = verdict.message
            log.error("MQTT %s", verdict.message)
            client.disconnect()  # in a callback: ends paho's reconnect loop
            return True
        if verdict.action == "back_off":
            client.reconnect_delay_set(min_delay=verdict.delay_s,
                                       max_delay=max(verdict.delay_s, RECONNECT_MAX_S))
            self.suspected_takeover = verdict.message
            self._detail = verdict.message
            log.error("MQTT %s", verdict.message)
            return True
        if verdict.action == "recovered":
            client.reconnect_delay_set(min_delay=RECONNECT_MIN_S, max_delay=RECONNECT_MAX_S)
            self.suspected_takeover = None
        elif verdict.message:
            log.warning("MQTT %s", verdict.message)
        return False

    def _on_connect_fail(self, _client: mqtt.Client, _userdata: object) -> None:
        self._connected = False
        self._detail = f"cannot reach {self.address.display}; retrying"

    def _on_message(self, _client: mqtt.Client, _userdata: object,
                    msg: mqtt.MQTTMessage) -> None:
        if self._closing:  # stopping: left un-acknowledged for the next session
            return
        self.received += 1
        queue = self._queue
        key = ack_key(self._generation, msg.mid) if msg.qos else 0
        # QoS 1 is bounded by the Receive Maximum (the broker holds the rest); QoS 0 is not
        if not key and len(queue) >= self.queue_limit:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 10_000 == 0:
                log.error("MQTT delivery queue full: %d QoS 0 messages dropped so far",
                          self.dropped)
            return
        try:
            queue.append((self._factory(msg, time.time()), key))
        except UnicodeDecodeError:  # a broker should never pass a non-UTF-8 topic
            self.dropped += 1
            if key:
                queue.append((None, key))  # nothing to deliver, still to acknowledge
        if not self._wake.is_set():
            self._wake.set()

    # ---- delivery worker -----------------------------------------------------------------
    def _deliver_loop(self) -> None:
        queue, sink, book, barrier = self._queue, self._sink, self._acks, self._barrier
        assert sink is not None
        give_up_at = None
        while True:
            self._wake.wait(0.5)
            self._wake.clear()  # before draining: a message appended later sets it again
            while queue:
                n = min(len(queue), self.batch_max)
                taken = [queue.popleft() for _ in range(n)]
                batch = [m for m, _ in taken if m is not None]
                keys = [k for _, k in taken if k]
                try:
                    if batch:
                        sink(batch)
                except Exception:  # a faulty sink must not stop delivery
                    log.exception("MQTT sink failed on a batch of %d messages", n)
                self.delivered += n
                if barrier is None:
                    self._ack(keys)
                else:  # the mark is taken after the sink, so it covers this batch
                    book.record(barrier.mark(), keys)
            if book:
                assert barrier is not None
                self._ack(book.due(barrier.durable_mark()))
            if self._stopping.is_set() and not queue:
                if not book:
                    return
                now = time.monotonic()
                give_up_at = give_up_at or now + self.stop_ack_timeout_s
                if now >= give_up_at:
                    log.warning("stopping with %d messages not yet stored: left "
                                "unacknowledged, the broker resends them", len(book))
                    return

    def _ack(self, keys: list[int]) -> None:
        """PUBACK these messages, unless they came on an earlier connection (the broker
        resends those with the same packet id; that copy gets its own ack)."""
        client = self._client
        if not keys or client is None:
            return
        with self._ack_lock:
            generation = self._generation
            sent = 0
            for key in keys:
                if key >> GENERATION_SHIFT == generation:
                    client.ack(key & MID_MASK, 1)
                    sent += 1
        self.acked += sent

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
