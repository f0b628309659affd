"""The kiosk's client over real TLS: the central server's certificate is checked against the
configured CA bundle, and plain http is refused except to a loopback address."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

from central.config import Settings
from central.db import Database
from kiosk.services.complaints.client import CentralClient, Unreachable
from tests.central.conftest import serving


@dataclass(frozen=True)
class Pki:
    ca_bundle: Path
    other_ca_bundle: Path
    server_cert: Path
    server_key: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _ca(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """A province CA, a certificate it issued for 127.0.0.1, and an unrelated CA."""
    folder = tmp_path_factory.mktemp("pki")
    ca_key, ca_cert = _ca("Test province CA")
    _, other_cert = _ca("Some other CA")
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("central.test"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = Pki(
        ca_bundle=folder / "ca.pem",
        other_ca_bundle=folder / "other-ca.pem",
        server_cert=folder / "server.pem",
        server_key=folder / "server-key.pem",
    )
    paths.ca_bundle.write_bytes(_pem(ca_cert))
    paths.other_ca_bundle.write_bytes(_pem(other_cert))
    paths.server_cert.write_bytes(_pem(cert))
    paths.server_key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@pytest.fixture
def https_server(central_db: Database, central_settings: Settings, pki: Pki) -> Iterator[str]:
    """The real central server behind TLS on a loopback port; yields its https URL."""
    tls = {"ssl_certfile": str(pki.server_cert), "ssl_keyfile": str(pki.server_key)}
    with serving(central_db, central_settings, **tls) as port:
        yield f"https://127.0.0.1:{port}"


def _client(url: str, ca_bundle: Path | None) -> CentralClient:
    return CentralClient(
        url,
        kiosk_code="TEST-0001",
        private_key=Ed25519PrivateKey.generate(),
        ca_bundle=ca_bundle,
        timeout_s=5,
    )


def test_server_certificate_from_the_configured_ca_is_trusted(https_server: str, pki: Pki) -> None:
    """With the province's CA bundle the kiosk talks to the server over TLS."""
    assert _client(https_server, pki.ca_bundle).health()["status"] == "ok"


@pytest.mark.parametrize("bundle", ["other", "system"])
def test_server_certificate_from_another_ca_is_refused(
    https_server: str, pki: Pki, bundle: str
) -> None:
    """Another CA's bundle, or the system store, does not vouch for the server: no answer."""
    ca_bundle = pki.other_ca_bundle if bundle == "other" else None
    with pytest.raises(Unreachable, match="certificate"):
        _client(https_server, ca_bundle).health()


@pytest.mark.parametrize("url", ["http://10.0.0.5:8470", "http://central.example"])
def test_plain_http_is_refused_beyond_loopback(url: str) -> None:
    """Complaints never cross a network unencrypted: plain http only to a loopback host."""
    with pytest.raises(ValueError, match="loopback"):
        _client(url, None)


def test_plain_http_to_loopback_is_allowed_for_the_demo() -> None:
    """The single-machine demo speaks plain http to 127.0.0.1."""
    assert _client("http://127.0.0.1:8470", None).kiosk_code == "TEST-0001"
