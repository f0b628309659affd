"""A real Chromium, driven by Selenium through Debian's chromedriver, for the inbox.

Both come from Debian packages (chromium, chromium-driver); their paths are given outright
so Selenium never tries to download a browser or driver of its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from central.db import Database
from tests.central.inbox.inbox_world import InboxWorld, seed_inbox
from tests.central.seed_data import World

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Screenshots of the pages, kept for people to look at (var/ is not tracked by git).
SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


@pytest.fixture
def inbox(central_db: Database, world: World) -> InboxWorld:
    """Inspectors and complaints, the 8,000/4,000 dispute among them."""
    with central_db.session() as session:
        return seed_inbox(session, world)


@pytest.fixture
def chrome(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    """Headless Chromium with a fresh profile, sized like an inspector's desk screen."""
    for program in (CHROMIUM, CHROMEDRIVER):
        if not program.exists() or shutil.which(str(program)) is None:
            pytest.fail(f"{program} is missing: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root in a container
        "--disable-dev-shm-usage",
        "--window-size=1280,1600",
        "--lang=zh-CN",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    # The page console is read back so a test sees what the security policy blocked.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
