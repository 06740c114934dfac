"""TLS by configuration: a server with a certificate serves its console over HTTPS and WSS;
a console that does not trust the certificate is refused with one clear line."""

from __future__ import annotations

import datetime as dt
import ipaddress

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.client.remote import RemoteControlRoom
from app.facade.errors import NotConnected
from bench.control_server import ControlRoomServer

pytestmark = pytest.mark.timeout(180)


def _certificate(folder):  # noqa: ANN001, ANN202
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "control-room test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_a_console_over_tls(tmp_path):
    cert, key = _certificate(tmp_path)
    config = tmp_path / "server.toml"
    config.write_text(f'[server]\ntls_cert = "{cert}"\ntls_key = "{key}"\n'
                      '[cameras]\nenabled = false\n', encoding="utf-8")
    server = ControlRoomServer(tmp_path / "server", config=config)
    server.url = server.url.replace("http://", "https://")
    server.add_user("张伟", "Zhang!wei1", "guard")
    server.ready = lambda: _ready(server.url, cert)  # type: ignore[method-assign]
    server.start()
    try:
        room = RemoteControlRoom.sign_in(server.url, "张伟", "Zhang!wei1",
                                         ca_file=str(cert), first_snapshot_s=30)
        try:
            assert room.link().server_connected and room.store.version > 0
        finally:
            room.close()
        with pytest.raises(NotConnected):  # the system's CAs do not know this certificate
            RemoteControlRoom.sign_in(server.url, "张伟", "Zhang!wei1")
        with pytest.raises(httpx.HTTPError):  # plain HTTP is not served
            httpx.get(server.url.replace("https://", "http://") + "/api/v1/health")
    finally:
        server.stop()


def _ready(url: str, cert) -> bool:  # noqa: ANN001
    import ssl

    import httpx

    try:
        return httpx.get(f"{url}/api/v1/health", timeout=1,
                         verify=ssl.create_default_context(cafile=str(cert))).status_code == 200
    except httpx.HTTPError:
        return False
