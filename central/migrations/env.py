"""Alembic environment of the central server.

One history over two folders: the kiosk's own chain (the domain tables, revisions "0001",
"0002", ...) and the central branch (server-only tables, revisions "c0001", ...), whose first
revision depends on the kiosk's "0001". ``central.db.Database.migrate`` passes its connection
in; ``alembic -c central/migrations/alembic.ini`` works for development.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import create_engine

import kiosk.domain.models  # noqa: F401  (registers every domain table on its metadata)
from central.models import CentralBase
from kiosk.domain.base import Base, UTCDateTime

config = context.config
target_metadata = [Base.metadata, CentralBase.metadata]


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write our column types as plain SQLAlchemy types, so migrations never import models."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("the central server migrates online only")
run_migrations_online()
