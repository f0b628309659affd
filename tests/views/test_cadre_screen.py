"""The responsible-cadre screen: who helps now with a phone to call, who helped before, and
whom to ask when nobody is responsible."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from kiosk.domain.models import Assignment, Cadre, RegionLevel
from kiosk.services.resident import responsible
from kiosk.services.store import Store
from kiosk.views.labels import phone_number
from kiosk.views.screens.cadre import CadreScreen

from .conftest import Screens

RELIEF_FILE = "522730001001-0001"  # demo scenario 1, Guanshan street office


def make_screen(screens: Screens, store: Store) -> CadreScreen:
    return screens.show(CadreScreen(screens.context(store)))


def add_earlier_cadre(store: Store, household: int) -> None:
    """王建国 of the county finance bureau helped from May 2014 to February 2018."""
    with store.sessionmaker.begin() as s:
        cadre = Cadre(
            code="EARLIER-1", name="王建国", name_initials="WJG", unit="龙里县财政局",
            post="科员", region_code="522730", level=RegionLevel.COUNTY, phone="13800000001",
        )  # fmt: skip
        s.add(cadre)
        s.flush()
        s.add(
            Assignment(
                cadre_id=cadre.id, household_id=household,
                start_date=date(2014, 5, 1), end_date=date(2018, 2, 28),
            )
        )  # fmt: skip


def test_the_cadre_now_with_unit_post_phone_and_since(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Name, unit and post, the work phone in full (grouped for dialling), since when."""
    screen = make_screen(screens, demo_store)
    household = screens.household_id(demo_store, RELIEF_FILE)
    with demo_store.sessionmaker() as s:
        current = responsible(s, household).current
    assert current is not None
    screen.load(household)
    shown = screens.texts(screen, with_root=True, descriptions=True)
    assert current.name in shown
    assert f"{current.unit} · {current.post}" in shown
    assert phone_number(current.phone) in shown
    assert any(
        t.startswith(f"从{current.since.year}年{current.since.month}月{current.since.day}日起负责")
        for t in shown
    )
    assert current.name in screen.spoken_text()
    assert screen.screen_title() == "谁在帮扶您家"


def test_earlier_cadres_with_their_periods(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """An earlier cadre is listed with unit, post and the period, but not a phone."""
    household = screens.household_id(demo_store, RELIEF_FILE)
    add_earlier_cadre(demo_store, household)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    shown = screens.texts(screen, with_root=True, descriptions=True)
    assert "王建国" in shown
    assert "龙里县财政局 · 科员" in shown
    assert "2014年5月1日 – 2018年2月28日" in shown
    assert not any("138 0000 0001" in t or "13800000001" in t for t in shown)


def test_nobody_responsible_says_whom_to_ask(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """With every assignment ended, the screen says so and names the street office."""
    household = screens.household_id(demo_store, RELIEF_FILE)
    with demo_store.sessionmaker.begin() as s:
        s.execute(
            update(Assignment)
            .where(Assignment.household_id == household, Assignment.end_date.is_(None))
            .values(end_date=date(2025, 1, 31))
        )
    screen = make_screen(screens, demo_store)
    screen.load(household)
    nobody = screen.findChild(QLabel, "no-cadre")
    assert nobody is not None
    assert nobody.isVisible()
    assert nobody.text() == "目前没有干部负责帮扶您家。"
    assert any(
        "龙里县冠山街道" in t and "服务大厅" in t
        for t in screens.texts(screen, with_root=True, descriptions=True)
    )
    phone = screen.findChild(QLabel, "cadre-phone")
    assert phone is None or (not phone.isVisible() and phone.text() == "")
    assert "目前没有干部" in screen.spoken_text()


def test_the_phone_number_is_never_logged(
    qtbot: QtBot, screens: Screens, demo_store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """Loading, switching language and clearing log nothing of the phone or the name."""
    household = screens.household_id(demo_store, RELIEF_FILE)
    with demo_store.sessionmaker() as s:
        current = responsible(s, household).current
    assert current is not None
    caplog.set_level(logging.DEBUG)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    screen.clear()
    assert current.phone not in caplog.text
    assert phone_number(current.phone) not in caplog.text
    assert current.name not in caplog.text


def test_clear_leaves_nothing_of_the_resident(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """After clear() no widget under the screen holds the cadre's name, unit or phone."""
    household = screens.household_id(demo_store, RELIEF_FILE)
    add_earlier_cadre(demo_store, household)
    with demo_store.sessionmaker() as s:
        found = responsible(s, household)
    assert found.current is not None
    screen = make_screen(screens, demo_store)
    screen.load(household)
    assert found.current.name in screens.texts(screen, with_root=True, descriptions=True)
    screen.clear()
    left = " ".join(screens.texts(screen, with_root=True, descriptions=True))
    for secret in (found.current.name, found.current.phone, phone_number(found.current.phone)):
        assert secret not in left
    assert "王建国" not in left
    assert screen.responsible is None
    assert screen.spoken_text() == screen.screen_title()
