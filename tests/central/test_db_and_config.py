"""The central database's migrations and the server's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from central.config import SettingsError, load_settings
from central.db import Database, normalize_url
from central.models import CentralBase
from kiosk.domain.base import Base
from kiosk.domain.models import ComplaintCategory


def test_migrations_reach_every_head_and_make_every_table(central_db: Database) -> None:
    """Kiosk chain and central branch are applied; a second migrate changes nothing."""
    assert central_db.is_current()
    tables = set(inspect(central_db.engine).get_table_names())
    assert {t.name for t in CentralBase.metadata.sorted_tables} <= tables
    assert {"complaints", "households", "kiosks", "discipline_offices"} <= tables
    central_db.migrate()
    assert central_db.is_current()


def test_server_tables_stay_off_the_kiosk_metadata() -> None:
    """The kiosk's metadata (compared with its own migrations) knows no server table."""
    assert not set(CentralBase.metadata.tables) & set(Base.metadata.tables)


def test_urls_are_normalised() -> None:
    """postgresql:// goes through psycopg 3; a bare path is a SQLite file."""
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("/var/lib/c.sqlite3") == "sqlite+pysqlite:////var/lib/c.sqlite3"


def test_settings_layers(tmp_path: Path) -> None:
    """File over defaults, environment over file, flags over everything."""
    path = tmp_path / "central.toml"
    path.write_text('[server]\nport = 9000\nhost = "0.0.0.0"\n[complaints]\nbribes = 10\n')
    environ = {"KIOSK_CENTRAL_SERVER_PORT": "9100", "XDG_DATA_HOME": str(tmp_path)}
    settings = load_settings(path, environ)
    assert settings.port == 9100 and settings.host == "0.0.0.0"
    assert settings.cookie_secure  # not loopback
    assert settings.time_limit_days[ComplaintCategory.BRIBES] == 10
    assert settings.database_url.endswith("citizen-kiosk-central/central.sqlite3")
    assert load_settings(path, environ, port=9200, host="127.0.0.1").port == 9200
    assert not load_settings(path, environ, host="127.0.0.1").cookie_secure


@pytest.mark.parametrize(
    "text", ['[server]\nport = "x"\n', "[nope]\na = 1\n", "[complaints]\nbribes = 0\n"]
)
def test_bad_settings_are_named(tmp_path: Path, text: str) -> None:
    """A wrong type, unknown section or non-positive limit is refused with the key named."""
    path = tmp_path / "central.toml"
    path.write_text(text)
    with pytest.raises(SettingsError):
        load_settings(path, {})
