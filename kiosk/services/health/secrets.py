"""The ID-hash key: configured, readable, long enough, not readable by everyone."""

from __future__ import annotations

import stat

from kiosk.config import ConfigError, SecurityConfig
from kiosk.services.health.base import CheckResult, Status


def check_id_hash_key(security: SecurityConfig) -> CheckResult:
    """The secret that makes ID-number hashes match the central server's; never shown."""
    name = "id-hash key"
    key_file = security.id_hash_key_file
    if key_file is None:
        return CheckResult(
            name,
            Status.WARNING,
            "demo key: fine for the demo, never on a real terminal",
            "set security.id_hash_key_file in /etc/kiosk/kiosk.toml to the province's key file",
        )
    try:
        security.id_hash_key()  # the same reading the kiosk does at start
    except ConfigError as exc:
        return CheckResult(
            name,
            Status.PROBLEM,
            str(exc),
            f"put the province's key (at least 32 bytes) in {key_file}, readable by the kiosk",
        )
    if key_file.stat().st_mode & stat.S_IROTH:
        return CheckResult(
            name,
            Status.WARNING,
            f"every user of this computer can read the key file {key_file}",
            f"sudo chmod o-r {key_file}",
        )
    return CheckResult(name, Status.OK, f"key file {key_file} is readable and long enough")
