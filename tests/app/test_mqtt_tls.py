"""MQTT over TLS with a client certificate and a password, against a real Mosquitto: the
source connects with what the config names, a wrong password is refused with a clear state,
and no secret reaches the log."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import msgspec
import paho.mqtt.client as mqtt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from paho.mqtt.enums import CallbackAPIVersion

from app.config.model import MqttConfig
from app.ingest.topics import TopicScheme
from app.sources.mqtt import MqttSource
from tests.fixtures.broker import MOSQUITTO, Broker

pytestmark = pytest.mark.skipif(MOSQUITTO is None or shutil.which("mosquitto_passwd") is None,
                                reason="needs mosquitto and mosquitto_passwd (apt-get install "
                                       "mosquitto)")
SECRET = "s3cret-口令"


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _cert(subject: str, key, issuer_key, issuer: x509.Name | None, *, ca: bool,
          san: bool = False) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer or name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5))
               .not_valid_after(now + dt.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if san:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(__import__("ipaddress")
                                                        .ip_address("127.0.0.1"))]),
            critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    os.chmod(path, 0o644)  # Mosquitto reads them after dropping to its own user
    return str(path)


@pytest.fixture
def tls_broker():
    root = Path(tempfile.mkdtemp(prefix="cr-mosquitto-tls-"))
    os.chmod(root, 0o755)
    pem = serialization.Encoding.PEM
    ca_key, server_key, client_key = _key(), _key(), _key()
    ca = _cert("control-room test CA", ca_key, ca_key, None, ca=True)
    server = _cert("127.0.0.1", server_key, ca_key, ca.subject, ca=False, san=True)
    client = _cert("control-room", client_key, ca_key, ca.subject, ca=False)
    key_bytes = lambda k: k.private_bytes(pem, serialization.PrivateFormat.PKCS8,  # noqa: E731
                                          serialization.NoEncryption())
    files = {
        "ca": _write(root / "ca.pem", ca.public_bytes(pem)),
        "server_cert": _write(root / "server.pem", server.public_bytes(pem)),
        "server_key": _write(root / "server.key", key_bytes(server_key)),
        "client_cert": _write(root / "client.pem", client.public_bytes(pem)),
        "client_key": _write(root / "client.key", key_bytes(client_key)),
    }
    passwd = root / "passwd"
    subprocess.run(["mosquitto_passwd", "-b", "-c", str(passwd), "operator", SECRET],
                   check=True, capture_output=True)
    os.chmod(passwd, 0o644)
    broker = Broker(root, scheme="mqtts", listener=[
        f"cafile {files['ca']}", f"certfile {files['server_cert']}",
        f"keyfile {files['server_key']}", "require_certificate true",
        "allow_anonymous false", f"password_file {passwd}"])
    broker.start()
    yield broker, files
    broker.stop()
    shutil.rmtree(root, ignore_errors=True)


def _config(broker: Broker, files: dict[str, str], password: str) -> MqttConfig:
    return MqttConfig(url=broker.url, username="operator", password=password,
                      ca_file=files["ca"], cert_file=files["client_cert"],
                      key_file=files["client_key"], client_id="cr-tls-test")


def test_tls_with_client_certificate_and_password_delivers(tls_broker, caplog) -> None:
    broker, files = tls_broker
    scheme = TopicScheme("cr", "demo")
    received = []
    source = MqttSource(_config(broker, files, SECRET), scheme)
    source.start(received.extend)
    try:
        assert source.wait_connected(10), source.status().detail
        publisher = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="device-gw",
                                protocol=mqtt.MQTTv5)
        publisher.username_pw_set("operator", SECRET)
        publisher.tls_set(ca_certs=files["ca"], certfile=files["client_cert"],
                          keyfile=files["client_key"])
        publisher.connect("127.0.0.1", broker.port)
        publisher.loop_start()
        body = msgspec.json.encode({"ts": int(time.time() * 1000), "values": {"temp_c": 61.5}})
        publisher.publish(scheme.device("S01-TR1", "telemetry"), body, qos=1).wait_for_publish(5)
        publisher.loop_stop()
        publisher.disconnect()
        deadline = time.monotonic() + 10
        while not received and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [m.topic for m in received] == ["cr/demo/dev/S01-TR1/telemetry"]
    finally:
        source.stop()
    assert SECRET not in caplog.text and SECRET not in repr(source.config)


def test_a_wrong_password_is_refused_and_said_so(tls_broker, caplog) -> None:
    broker, files = tls_broker
    source = MqttSource(_config(broker, files, "wrong-" + SECRET), TopicScheme("cr", "demo"))
    source.start(lambda batch: None)
    try:
        assert not source.wait_connected(3)
        status = source.status()
        assert not status.connected
        assert "refused" in status.detail or "not authorized" in status.detail.lower()
    finally:
        source.stop()
    assert SECRET not in caplog.text
