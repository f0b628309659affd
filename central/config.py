"""Settings of the central server: defaults, one TOML file, ``KIOSK_CENTRAL_*``, then flags.

The file is the one given on the command line, else ``$KIOSK_CENTRAL_CONFIG``, else
``/etc/kiosk/central.toml`` if it exists. Every key of ``central/default.toml`` can be set by
an environment variable ``KIOSK_CENTRAL_<SECTION>_<KEY>``.

The layers are read by :mod:`kiosk.domain.layered_config`, as the kiosk's are; what is the
server's own here is its sections, the checks of their values and the flags.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kiosk.domain.layered_config import LayeredConfigError, Layers
from kiosk.domain.models import ComplaintCategory

SYSTEM_CONFIG = Path("/etc/kiosk/central.toml")
ENV_PREFIX = "KIOSK_CENTRAL_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

#: Public key for ID-number hashes when none is configured: the same demo key as the kiosk's.
DEMO_ID_HASH_KEY = b"citizen-kiosk demo key: never use in production!!"
#: Public pepper for complaint secrets when none is configured (demo only: it protects nothing).
DEMO_SECRET_PEPPER = b"citizen-kiosk demo secret pepper: never use in production!"


class SettingsError(LayeredConfigError):
    """The settings cannot be used; the message names the key and says why."""


LAYERS = Layers(
    package="central",
    env_prefix=ENV_PREFIX,
    path_variable="KIOSK_CENTRAL_CONFIG",
    noun="settings",
    error=SettingsError,
)


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "citizen-kiosk-central"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _default_time_limits() -> dict[ComplaintCategory, int]:
    return {category: 30 for category in ComplaintCategory} | {
        ComplaintCategory.BRIBES: 15,
        ComplaintCategory.CADRE_NOT_HELPING: 15,
    }


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to know at start-up. Tests build one directly."""

    database_url: str
    host: str = "127.0.0.1"
    port: int = 8470
    cookie_secure: bool = False
    id_hash_key_file: Path | None = None
    secret_pepper_file: Path | None = None
    time_limit_days: Mapping[ComplaintCategory, int] = field(default_factory=_default_time_limits)
    appeal_window_days: int = 15
    login_max_failures: int = 5
    login_lockout_minutes: int = 15
    session_hours: int = 8
    session_idle_minutes: int = 30
    log_level: str = "INFO"
    #: The TOML file that was read, if any.
    source: Path | None = None

    def id_hash_key(self) -> bytes:
        """The secret for ID-number lookup hashes; the demo key when none is configured."""
        return _read_key(self.id_hash_key_file, "security.id_hash_key_file", DEMO_ID_HASH_KEY)

    @cached_property
    def secret_pepper(self) -> bytes:
        """The server-only key of complaint secrets' hashes (``central.passwords``); the
        demo pepper when none is configured. Read once: every complaint filed uses it."""
        return _read_key(self.secret_pepper_file, "security.secret_pepper_file", DEMO_SECRET_PEPPER)


def _read_key(path: Path | None, name: str, demo: bytes) -> bytes:
    if path is None:
        return demo
    try:
        key = path.read_bytes().strip()
    except OSError as exc:
        raise SettingsError(f"{name}: cannot read {path} ({exc.strerror})") from None
    if len(key) < 32:
        raise SettingsError(f"{name}: the key must be at least 32 bytes")
    return key


def _cookie_secure(value: str, host: str) -> bool:
    lowered = value.strip().lower()
    if lowered == "auto":
        return not is_loopback(host)
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise SettingsError('server.cookie_secure must be "auto", "true" or "false"')


def load_settings(
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    host: str | None = None,
    port: int | None = None,
    database_url: str | None = None,
) -> Settings:
    """Read the settings; keyword arguments are command-line flags and win over everything."""
    env = os.environ if environ is None else environ
    read = LAYERS.read(path, env, SYSTEM_CONFIG)
    v = read.values

    server, complaints, login = v["server"], v["complaints"], v["login"]
    host = host if host is not None else server["host"]
    port = port if port is not None else server["port"]
    if not 0 < port < 65536:
        raise SettingsError("server.port must be between 1 and 65535")
    limits = {category: complaints[category.value] for category in ComplaintCategory}
    numbers = {f"complaints.{k}": n for k, n in complaints.items()} | {
        f"login.{k}": n for k, n in login.items()
    }
    for name, number in numbers.items():
        if number <= 0:
            raise SettingsError(f"{name} must be positive")
    level = str(v["logging"]["level"]).upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"logging.level must be one of {', '.join(LOG_LEVELS)}")
    url = database_url or v["database"]["url"].strip()
    if not url:
        url = f"sqlite+pysqlite:///{default_data_dir(env) / 'central.sqlite3'}"
    security = v["security"]
    key_file = security["id_hash_key_file"].strip()
    pepper_file = security["secret_pepper_file"].strip()
    settings = Settings(
        database_url=url,
        host=host,
        port=port,
        cookie_secure=_cookie_secure(server["cookie_secure"], host),
        id_hash_key_file=Path(key_file).expanduser() if key_file else None,
        secret_pepper_file=Path(pepper_file).expanduser() if pepper_file else None,
        time_limit_days=limits,
        appeal_window_days=complaints["appeal_window_days"],
        login_max_failures=login["max_failures"],
        login_lockout_minutes=login["lockout_minutes"],
        session_hours=login["session_hours"],
        session_idle_minutes=login["session_idle_minutes"],
        log_level=level,
        source=read.source,
    )
    # Read now, so a missing or short pepper stops the server at start, not the first filing.
    settings.secret_pepper  # noqa: B018
    return settings
