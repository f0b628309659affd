"""Configuration: built-in defaults, then one TOML file, then ``KIOSK_*`` environment variables.

The file is the one named by ``--config``, else ``$KIOSK_CONFIG``, else ``/etc/kiosk/kiosk.toml``
if it exists. Every key of ``kiosk/default.toml`` can be overridden by an environment variable
``KIOSK_<SECTION>_<KEY>`` (upper case), for example ``KIOSK_UI_LANGUAGE=en``.

The layers are read by :mod:`kiosk.domain.layered_config`, as the central server's are; what is
the kiosk's own here is its sections and the checks of their values.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.layered_config import LayeredConfigError, Layers

if TYPE_CHECKING:
    from kiosk.domain.address_codes import AddressCodes

SYSTEM_CONFIG = Path("/etc/kiosk/kiosk.toml")
ENV_PREFIX = "KIOSK_"
LANGUAGES = ("zh_CN", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

#: Key used for the ID-number hash when no key file is configured. Public, so demo only.
DEMO_ID_HASH_KEY = b"citizen-kiosk demo key: never use in production!!"


class ConfigError(LayeredConfigError):
    """The configuration cannot be used; the message says which key and why."""


LAYERS = Layers(
    package="kiosk",
    env_prefix=ENV_PREFIX,
    path_variable="KIOSK_CONFIG",
    noun="configuration",
    error=ConfigError,
    # The kiosk's numbers are all seconds: default.toml writes whole ones (idle_timeout_s = 90)
    # where a terminal may want a fraction.
    numbers_as_float=True,
)


@dataclass(frozen=True)
class TerminalConfig:
    code: str
    region_code: str


@dataclass(frozen=True)
class StoreConfig:
    path: Path


def _default_kiosk_key_file() -> Path:
    return default_data_dir() / "kiosk-key.pem"


def _default_document_key_file() -> Path:
    return default_data_dir() / "document-key.pem"


@dataclass(frozen=True)
class SecurityConfig:
    id_hash_key_file: Path | None
    #: The terminal's Ed25519 private key (PEM), written by `kiosk keygen`.
    kiosk_key_file: Path = field(default_factory=_default_kiosk_key_file)
    #: The Ed25519 private key (PEM) that signs the QR codes of this terminal's printed
    #: records, apart from the request key: see kiosk.domain.signed_document, "Who signs".
    document_key_file: Path = field(default_factory=_default_document_key_file)

    def id_hash_key(self) -> bytes:
        """The secret for ID-number lookup hashes; the demo key when none is configured."""
        if self.id_hash_key_file is None:
            return DEMO_ID_HASH_KEY
        try:
            key = self.id_hash_key_file.read_bytes().strip()
        except OSError as exc:
            raise ConfigError(
                f"security.id_hash_key_file: cannot read {self.id_hash_key_file} ({exc.strerror})"
            ) from None
        if len(key) < 32:
            raise ConfigError("security.id_hash_key_file: the key must be at least 32 bytes")
        return key

    @property
    def uses_demo_key(self) -> bool:
        return self.id_hash_key_file is None

    def id_address_codes(self) -> AddressCodes:
        """The address codes ID numbers may start with on this terminal.

        GB/T 2260, plus the demo's never-issued story code only while the public demo key
        hashes ID numbers: a terminal set up for real residents has its own key, so it
        refuses the published story numbers like any other made-up number.
        """
        # Imported here: the configuration is read before the first picture is painted.
        from kiosk.domain.address_codes import demo_address_codes, gb2260

        return demo_address_codes() if self.uses_demo_key else gb2260()


@dataclass(frozen=True)
class CentralConfig:
    url: str
    ca_bundle: Path | None
    timeout_s: float


@dataclass(frozen=True)
class OutboxConfig:
    """Backoff of the complaint outbox when the central server cannot be reached."""

    retry_base_s: float = 2.0
    retry_cap_s: float = 300.0


@dataclass(frozen=True)
class UiConfig:
    language: str
    fullscreen: bool
    idle_timeout_s: float
    idle_countdown_s: float
    large_text: bool
    high_contrast: bool


@dataclass(frozen=True)
class PrinterConfig:
    #: The CUPS queue; empty: CUPS's default destination.
    queue: str
    #: ``host:port`` of a network ESC/POS thermal printer, used instead of CUPS; empty: CUPS.
    escpos: str = ""


@dataclass(frozen=True)
class LoggingConfig:
    level: str
    file: Path | None


@dataclass(frozen=True)
class Config:
    terminal: TerminalConfig
    store: StoreConfig
    security: SecurityConfig
    central: CentralConfig
    ui: UiConfig
    printer: PrinterConfig
    logging: LoggingConfig
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    #: The TOML file that was read, if any.
    source: Path | None = None


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "citizen-kiosk"


def _optional_path(value: str) -> Path | None:
    return Path(value).expanduser() if value.strip() else None


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read the configuration; raise :class:`ConfigError` naming the bad key."""
    env = os.environ if environ is None else environ
    read = LAYERS.read(path, env, SYSTEM_CONFIG)
    v = read.values

    ui = v["ui"]
    if ui["language"] not in LANGUAGES:
        raise ConfigError(f"ui.language must be one of {', '.join(LANGUAGES)}")
    if ui["idle_timeout_s"] <= 0 or ui["idle_countdown_s"] <= 0:
        raise ConfigError("ui.idle_timeout_s and ui.idle_countdown_s must be positive")
    level = str(v["logging"]["level"]).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"logging.level must be one of {', '.join(LOG_LEVELS)}")
    central_url = v["central"]["url"].rstrip("/")
    if not central_url.startswith(("http://", "https://")):
        raise ConfigError("central.url must start with https:// (or http:// for loopback)")
    if v["central"]["timeout_s"] <= 0:
        raise ConfigError("central.timeout_s must be positive")
    outbox = v["outbox"]
    if not 0 < outbox["retry_base_s"] <= outbox["retry_cap_s"]:
        raise ConfigError("outbox.retry_base_s must be positive and at most outbox.retry_cap_s")

    store_path = _optional_path(v["store"]["path"]) or default_data_dir(env) / "kiosk.sqlite3"
    return Config(
        terminal=TerminalConfig(
            code=v["terminal"]["code"], region_code=v["terminal"]["region_code"]
        ),
        store=StoreConfig(path=store_path),
        security=SecurityConfig(
            id_hash_key_file=_optional_path(v["security"]["id_hash_key_file"]),
            kiosk_key_file=_optional_path(v["security"]["kiosk_key_file"])
            or default_data_dir(env) / "kiosk-key.pem",
            document_key_file=_optional_path(v["security"]["document_key_file"])
            or default_data_dir(env) / "document-key.pem",
        ),
        central=CentralConfig(
            url=central_url,
            ca_bundle=_optional_path(v["central"]["ca_bundle"]),
            timeout_s=float(v["central"]["timeout_s"]),
        ),
        ui=UiConfig(
            language=ui["language"],
            fullscreen=ui["fullscreen"],
            idle_timeout_s=float(ui["idle_timeout_s"]),
            idle_countdown_s=float(ui["idle_countdown_s"]),
            large_text=ui["large_text"],
            high_contrast=ui["high_contrast"],
        ),
        printer=PrinterConfig(queue=v["printer"]["queue"], escpos=v["printer"]["escpos"]),
        logging=LoggingConfig(level=level, file=_optional_path(v["logging"]["file"])),
        outbox=OutboxConfig(
            retry_base_s=float(outbox["retry_base_s"]), retry_cap_s=float(outbox["retry_cap_s"])
        ),
        source=read.source,
    )
