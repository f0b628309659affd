"""The central server: reachable over HTTPS (plain HTTP only on loopback)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import requests

from kiosk.config import CentralConfig
from kiosk.services.complaints.client import is_loopback
from kiosk.services.health.base import CheckResult, Status


def _shown_url(url: str) -> str:
    """The URL without any user:password part, which would be a secret."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def check_central(central: CentralConfig, *, max_timeout_s: float = 5.0) -> CheckResult:
    """The central server answers its health endpoint over an encrypted link.

    Not needed to serve residents: complaints wait in the outbox until it is back.
    """
    name = "central"
    url = f"{central.url}/api/v1/health"
    shown = _shown_url(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "https" and not is_loopback(host):
        return CheckResult(
            name,
            Status.PROBLEM,
            f"plain http to {host}: complaints would cross the network unencrypted",
            "use https:// in central.url",
            needed=False,
        )
    timeout = min(central.timeout_s, max_timeout_s)
    offline = "complaints will wait in the outbox"
    network_fix = "check the network cable or mobile router, then run `kiosk doctor` again"
    started = time.monotonic()
    try:
        response = requests.get(
            url,
            timeout=timeout,
            verify=str(central.ca_bundle) if central.ca_bundle else True,
            allow_redirects=False,
        )
    except requests.exceptions.SSLError:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the central server's certificate is not trusted ({shown}); {offline}",
            "check this terminal's date and time, and central.ca_bundle",
            needed=False,
        )
    except requests.exceptions.Timeout:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"no answer from {shown} within {timeout:g} s; {offline}",
            network_fix,
            needed=False,
        )
    except requests.exceptions.RequestException as exc:
        kind = "connection refused" if "refused" in str(exc).lower() else type(exc).__name__
        return CheckResult(
            name,
            Status.PROBLEM,
            f"cannot reach {shown} ({kind}); {offline}",
            network_fix,
            needed=False,
        )
    elapsed_ms = (time.monotonic() - started) * 1000
    with response:
        code = response.status_code
    if code != 200:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"{shown} answered HTTP {code}; {offline}",
            "tell the installer: the central server is not healthy",
            needed=False,
        )
    return CheckResult(name, Status.OK, f"{shown} answered in {elapsed_ms:.0f} ms", needed=False)
