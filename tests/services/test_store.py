"""The local store: a real SQLite file, WAL, foreign keys, migrations to the head."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from kiosk.domain.base import Base
from kiosk.domain.models import (
    AidRecord,
    Bulletin,
    Channel,
    Household,
    PovertyStatus,
    Programme,
    Region,
    RegionLevel,
)
from kiosk.services.store import (
    Store,
    StoreError,
    current_revision,
    head_revision,
    open_store,
)


def _household(file_number: str = "F1", **overrides: object) -> Household:
    values: dict[str, object] = dict(
        file_number=file_number,
        village_code="522730001201",
        address="冠山街道某村",
        status=PovertyStatus.POOR,
        registered_on=date(2014, 5, 1),
        poverty_score=50,
        score_housing=10,
        score_food=10,
        score_labour=10,
        score_schooling=10,
        score_health=10,
    )
    values.update(overrides)
    return Household(**values)


def _regions() -> list[Region]:
    return [
        Region(code="522730", name="龙里县", level=RegionLevel.COUNTY),
        Region(code="522730001", name="冠山街道", level=RegionLevel.TOWNSHIP, parent_code="522730"),
        Region(
            code="522730001201", name="新寨村", level=RegionLevel.VILLAGE, parent_code="522730001"
        ),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "var" / "kiosk.sqlite3")
    with store.sessionmaker.begin() as session:
        session.add_all(_regions())
    yield store
    store.close()


def test_open_creates_file_with_wal_and_current_schema(tmp_path: Path) -> None:
    """Opening a new path creates the folder and file, in WAL mode, migrated to the head."""
    path = tmp_path / "new" / "kiosk.sqlite3"
    store = open_store(path)
    try:
        assert path.exists()
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert current_revision(store.engine) == head_revision(str(store.engine.url))
        tables = set(inspect(store.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        store.close()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """The migrated schema has every column the models declare (no model change unmigrated)."""
    store = open_store(tmp_path / "k.sqlite3")
    try:
        inspector = inspect(store.engine)
        for name, table in Base.metadata.tables.items():
            columns = {c["name"] for c in inspector.get_columns(name)}
            assert columns == {c.name for c in table.columns}, name
    finally:
        store.close()


def test_reopening_is_harmless(tmp_path: Path) -> None:
    """Opening an existing store again keeps its data and needs no migration."""
    path = tmp_path / "k.sqlite3"
    store = open_store(path)
    with store.sessionmaker.begin() as session:
        session.add_all(_regions())
    store.close()
    store = open_store(path)
    try:
        with store.sessionmaker() as session:
            assert session.scalar(select(Region.name).where(Region.code == "522730")) == "龙里县"
    finally:
        store.close()


def test_damaged_file_gives_store_error(tmp_path: Path) -> None:
    """A file that is not a database is reported as StoreError, not a raw traceback."""
    path = tmp_path / "k.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert "kiosk doctor" in str(info.value)


def test_score_must_equal_sum_of_indicators(store: Store) -> None:
    """The database refuses a household whose score is not the sum of its indicators."""
    with pytest.raises(IntegrityError), store.sessionmaker.begin() as session:
        session.add(_household(poverty_score=70))


def test_money_is_positive_integer_fen(store: Store) -> None:
    """An aid record of zero fen is refused by the database itself."""
    with store.sessionmaker.begin() as session:
        session.add(_household())
    with pytest.raises(IntegrityError), store.sessionmaker.begin() as session:
        household_id = session.scalar(select(Household.id))
        session.add(
            AidRecord(
                reference="R1",
                household_id=household_id,
                programme=Programme.DISASTER_RELIEF,
                amount_fen=0,
                paid_on=date(2014, 7, 3),
                department="龙里县民政局",
                channel=Channel.ONE_CARD,
            )
        )


def test_foreign_keys_are_enforced(store: Store) -> None:
    """A household in a village that does not exist is refused."""
    with pytest.raises(IntegrityError), store.sessionmaker.begin() as session:
        session.add(_household(village_code="999999999999"))


def test_unknown_enum_value_is_refused(store: Store) -> None:
    """A status outside the enumeration cannot be written, even with raw SQL."""
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO households (file_number, village_code, address, status,"
                " registered_on, poverty_score, score_housing, score_food, score_labour,"
                " score_schooling, score_health, updated_at) VALUES ('F9', '522730001201',"
                " 'x', 'rich', '2014-01-01', 0, 0, 0, 0, 0, 0, '2020-01-01 00:00:00')"
            )
        )


def test_times_are_stored_in_utc_and_read_back_aware(store: Store) -> None:
    """A Shanghai time is stored as UTC and read back as the same instant, zone-aware."""
    shanghai = timezone(timedelta(hours=8))
    published = datetime(2026, 3, 1, 9, 30, tzinfo=shanghai)
    with store.sessionmaker.begin() as session:
        session.add(Bulletin(code="B1", title="t", body="b", publisher="p", published_at=published))
    with store.engine.connect() as conn:
        raw = conn.execute(text("SELECT published_at FROM bulletins")).scalar()
    assert str(raw).startswith("2026-03-01 01:30:00")
    with store.sessionmaker() as session:
        read = session.scalar(select(Bulletin.published_at))
    assert read == published and read.tzinfo is UTC


def test_naive_datetimes_are_refused(store: Store) -> None:
    """Writing a time without a zone is a bug, and is refused."""
    with pytest.raises(Exception, match="naive datetime"), store.sessionmaker.begin() as session:
        session.add(
            Bulletin(
                code="B2", title="t", body="b", publisher="p", published_at=datetime(2026, 1, 1)
            )
        )


# ---- opening without Alembic, and the attract screen's glance -------------------------


def test_the_head_read_from_the_migration_files_is_alembics(tmp_path: Path) -> None:
    """migration_head(), read as text, names the same revision as Alembic's script folder."""
    from kiosk.services.store import migration_head, sqlite_url

    assert migration_head() == head_revision(sqlite_url(tmp_path / "k.sqlite3"))
    assert migration_head() is not None


def test_a_current_store_opens_without_importing_alembic(tmp_path: Path) -> None:
    """Reopening a store at the head loads no Alembic (17 MiB); a new one is migrated."""
    import subprocess
    import sys

    path = tmp_path / "k.sqlite3"
    code = (
        "import sys; from pathlib import Path\n"
        "from kiosk.services.store import open_store, stored_revision, migration_head\n"
        f"open_store(Path({str(path)!r})).close()\n"
        "print(stored_revision(Path(sys.argv[1])) == migration_head(), 'alembic' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert first.stdout.split() == ["True", "True"], first.stderr
    again = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert again.stdout.split() == ["True", "False"], again.stderr


def test_a_store_behind_the_head_is_migrated(tmp_path: Path) -> None:
    """A store whose recorded revision is older is brought to the head when opened."""
    from alembic import command

    from kiosk.services.store import alembic_config, migration_head, stored_revision

    path = tmp_path / "k.sqlite3"
    store = open_store(path, migrate=False)
    try:
        with store.engine.begin() as conn:
            cfg = alembic_config(str(store.engine.url))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        assert stored_revision(path) == "0001" != migration_head()
    finally:
        store.close()
    open_store(path).close()
    assert stored_revision(path) == migration_head()


def test_the_office_name_at_a_glance_matches_the_place_name(store: Store) -> None:
    """Read with plain sqlite3 before the first paint, the office name is the one the
    ORM gives (township preceded by county); unknown region or store gives None."""
    from kiosk.services.places import office_display_name
    from kiosk.services.store import office_name_at_a_glance

    assert store.path is not None
    glance = office_name_at_a_glance(store.path, "522730001")
    assert glance == office_display_name(store.sessionmaker, "522730001") == "龙里县冠山街道"
    village = office_name_at_a_glance(store.path, "522730001201")
    assert village == office_display_name(store.sessionmaker, "522730001201")
    assert office_name_at_a_glance(store.path, "999999999") is None
    assert office_name_at_a_glance(store.path.with_name("missing.sqlite3"), "522730001") is None
