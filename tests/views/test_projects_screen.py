"""The village projects screen and its stage timeline: all seven stages, reached ones with
a date and ✓, the current one marked "now" in words, not by colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.models import Household, Project, ProjectStage
from kiosk.domain.money import format_fen
from kiosk.services.resident import village_projects
from kiosk.services.store import Store
from kiosk.views.screens.projects import ProjectCard, ProjectsScreen
from kiosk.views.widgets.timeline import StageTimeline, Step

from .conftest import Screens

TRUCK_FILE = "520602101201-0001"  # demo scenario 3: 猫岗村, three projects
RELIEF_FILE = "522730001001-0001"  # demo scenario 1: one project, just proposed


def make_screen(screens: Screens, store: Store) -> ProjectsScreen:
    return screens.show(ProjectsScreen(screens.context(store)))


def cards(screen: ProjectsScreen) -> list[ProjectCard]:
    """The cards showing a project now (cards kept for later loads are hidden and empty)."""
    return [card for card in screen.findChildren(ProjectCard) if not card.isHidden()]


def test_each_project_with_budget_implementer_and_stage(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Three projects of 猫岗村: name, budget, implementer and where each stands now."""
    household = screens.household_id(demo_store, TRUCK_FILE)
    with demo_store.sessionmaker() as s:
        expected = village_projects(s, household)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    shown = cards(screen)
    assert [c.name_label.text() for c in shown] == [p.name for p in expected]
    for card, project in zip(shown, expected, strict=True):
        assert card.budget_label.text() == f"预算：{format_fen(project.budget_fen)}"
        assert card.implementer_label.text() == f"实施单位：{project.implementer}"
        assert len(card.timeline.boxes) == 7
    summary = screen.findChild(QLabel, "projects-summary")
    assert summary is not None
    assert summary.text() == "您村里有3个项目。"


def test_the_timeline_marks_reached_current_and_ahead_in_words(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Reached stages carry ✓ and their date, the current one "▶ 现在", later ones "还没到"."""
    household = screens.household_id(demo_store, TRUCK_FILE)
    with demo_store.sessionmaker() as s:
        projects = village_projects(s, household)
    index, project = next(
        (i, p) for i, p in enumerate(projects) if p.stage is ProjectStage.IN_PROGRESS
    )
    screen = make_screen(screens, demo_store)
    screen.load(household)
    timeline = cards(screen)[index].timeline
    current = ProjectStage.IN_PROGRESS.order
    for position, box in enumerate(timeline.boxes):
        reached_on = project.timeline[position].reached_on
        if position < current:
            assert box.state() == "done"
            assert box.mark_label.text() == "✓"
            assert reached_on is not None
            # In a box the date breaks after the year: "2024年" above "8月16日".
            assert box.date_label.text() == (
                f"{reached_on.year}年\n{reached_on.month}月{reached_on.day}日"
            )
        elif position == current:
            assert box.state() == "current"
            assert box.mark_label.text() == "▶ 现在"
            assert box.name_label.text() == "实施中"
        else:
            assert box.state() == "ahead"
            assert box.date_label.text() == "还没到"
    assert timeline.accessibleDescription() == "现在：实施中（共7步的第6步）"
    stage = cards(screen)[index].stage_label.text()
    assert stage.startswith("现在：实施中，从")


def test_the_timeline_runs_across_when_wide_and_down_in_portrait(qtbot: QtBot) -> None:
    """Seven steps side by side at 1700 px; one under the other (no arrows) at 800 px."""
    timeline = StageTimeline()
    qtbot.addWidget(timeline)
    timeline.set_steps([Step(f"第{n}步", "2024年1月1日" if n < 3 else None) for n in range(7)], 2)
    timeline.resize(1700, 300)
    timeline.show()
    qtbot.waitExposed(timeline)
    assert not timeline.is_vertical()
    assert all(arrow.isVisible() for arrow in timeline.arrows)
    timeline.resize(800, 900)
    qtbot.waitUntil(timeline.is_vertical)
    assert not any(arrow.isVisible() for arrow in timeline.arrows)
    tops = [box.y() for box in timeline.boxes]
    assert tops == sorted(tops)


def test_no_project_is_said_plainly(qtbot: QtBot, screens: Screens, demo_store: Store) -> None:
    """A village without projects reads one plain sentence."""
    household = screens.household_id(demo_store, RELIEF_FILE)
    with demo_store.sessionmaker.begin() as s:
        village = s.scalars(select(Household.village_code).where(Household.id == household)).one()
        for project in s.scalars(select(Project).where(Project.village_code == village)):
            s.delete(project)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    summary = screen.findChild(QLabel, "projects-summary")
    assert summary is not None
    assert summary.text() == "您村里没有项目记录。"
    assert cards(screen) == []


def test_clear_leaves_nothing_of_the_resident(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """After clear() no widget holds a project's name, budget or implementer."""
    household = screens.household_id(demo_store, TRUCK_FILE)
    with demo_store.sessionmaker() as s:
        projects = village_projects(s, household)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    screen.clear()
    left = " ".join(screens.texts(screen, descriptions=True))
    for project in projects:
        for secret in (project.name, project.implementer, format_fen(project.budget_fen)):
            assert secret not in left
    assert screen.projects is None


def test_the_current_step_box_makes_room_for_its_thick_border(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """The current step's frame is as thick as the style sheet's top border (12 px), so
    its words are not drawn under the border, even in a card filled after it was shown."""
    screen = make_screen(screens, demo_store)
    screen.load(screens.household_id(demo_store, RELIEF_FILE))
    screen.load(screens.household_id(demo_store, TRUCK_FILE))
    for card in cards(screen):
        for box in card.timeline.boxes:
            if box.state() == "current":
                assert box.contentsMargins().top() >= 12
            else:
                assert box.contentsMargins().top() < 12


def test_another_village_replaces_the_projects_shown(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Loading another household's village shows its projects only, none of the first."""
    truck = screens.household_id(demo_store, TRUCK_FILE)
    relief = screens.household_id(demo_store, RELIEF_FILE)
    with demo_store.sessionmaker() as s:
        first, second = village_projects(s, truck), village_projects(s, relief)
    screen = make_screen(screens, demo_store)
    screen.load(truck)
    screen.load(relief)
    assert [c.name_label.text() for c in cards(screen)] == [p.name for p in second]
    left = " ".join(screens.texts(screen, descriptions=True))
    for project in first:
        assert project.name not in left
