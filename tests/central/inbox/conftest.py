"""Fixtures of the inbox's tests: inspectors and complaints, and a browser-like client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from central.db import Database
from tests.central.inbox.inbox_world import Browser, InboxWorld, seed_inbox
from tests.central.seed_data import World


@pytest.fixture
def inbox(central_db: Database, world: World) -> InboxWorld:
    """Four inspectors and five complaints in ``central_db`` (see inbox_world.py)."""
    with central_db.session() as session:
        return seed_inbox(session, world)


@pytest.fixture
def browser(live_server: str, inbox: InboxWorld) -> Iterator[Browser]:
    """A fresh client of the live server with the inbox seeded, signed in as nobody."""
    client = Browser(live_server)
    yield client
    client.http.close()


@pytest.fixture
def zhang(browser: Browser) -> Browser:
    """The client signed in as zhang, an inspector of the county office."""
    assert browser.login("zhang").status_code == 303
    return browser
