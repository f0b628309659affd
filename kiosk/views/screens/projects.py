"""The projects of the household's village, each with how far it has come."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from kiosk.domain.money import format_fen
from kiosk.services.resident import ProjectView, village_projects
from kiosk.views import labels
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import (
    CardListView,
    PooledCard,
    ScrollViewScreen,
    card_layout,
    fill,
    label,
    set_shown,
)
from kiosk.views.widgets.timeline import BREAK, StageTimeline, Step


def _breakable_date(day: date) -> str:
    """A date that breaks after the year in a narrow timeline box ("2024年" above
    "12月10日") rather than before its last character."""
    return labels.long_date(day).replace("年", "年" + BREAK)


class ProjectCard(PooledCard):
    """One project: name, what it is, budget, who carries it out, and its stages on a
    timeline. Made once and refilled with :meth:`set_project`. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: ProjectView | None = None
        column = card_layout(self, "project-card")
        self.name_label = label("card-title")
        self.description_label = label("body")
        self.budget_label = label("lead")
        self.budget_label.setObjectName("project-budget")
        self.implementer_label = label("body")
        self.stage_label = label("lead")
        self.stage_label.setObjectName("project-stage")
        self.timeline = StageTimeline()
        column.addWidget(self.name_label)
        column.addWidget(self.description_label)
        column.addWidget(self.budget_label)
        column.addWidget(self.implementer_label)
        column.addWidget(self.stage_label)
        column.addWidget(self.timeline)

    def set_project(self, project: ProjectView) -> None:
        self.project = project
        self.name_label.setText(project.name)
        self.description_label.setText(project.description)
        set_shown(self.description_label, bool(project.description))
        self.retranslate()

    def clear(self) -> None:
        self.project = None
        for widget in (
            self.name_label,
            self.description_label,
            self.budget_label,
            self.implementer_label,
            self.stage_label,
        ):
            widget.clear()
        self.timeline.clear()

    def retranslate(self) -> None:
        project = self.project
        if project is None:
            return
        names = labels.project_stage_labels()
        self.budget_label.setText(fill(self.tr("Budget: %1"), format_fen(project.budget_fen)))
        self.implementer_label.setText(fill(self.tr("Carried out by: %1"), project.implementer))
        current = project.stage.order
        reached = project.timeline[current].reached_on
        stage = names[project.stage]
        self.stage_label.setText(
            fill(self.tr("Now: %1, since %2"), stage, labels.long_date(reached))
            if reached is not None
            else fill(self.tr("Now: %1"), stage)
        )
        self.timeline.set_steps(
            [
                Step(names[m.stage], _breakable_date(m.reached_on) if m.reached_on else None)
                for m in project.timeline
            ],
            current,
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _ProjectsView(CardListView[ProjectView, ProjectCard]):
    """The content of the screen: the projects of the village loaded last. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("projects-view", parent)
        self.summary_label.setObjectName("projects-summary")

    def make_card(self) -> ProjectCard:
        return ProjectCard()

    def fill_card(self, card: ProjectCard, item: ProjectView) -> None:
        card.set_project(item)

    def summary_text(self, count: int) -> str:
        if count == 0:
            return self.tr("No project is recorded for your village.")
        if count == 1:
            return self.tr("1 project in your village.")
        return fill(self.tr("%1 projects in your village."), count)


class ProjectsScreen(ScrollViewScreen[_ProjectsView]):
    """The projects of the household's village on one scrolling page, each with its
    stage on a timeline.

    Signals:
        navigate(str): not emitted by this screen.
    """

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "projects-screen", _ProjectsView(), parent)

    @property
    def projects(self) -> tuple[ProjectView, ...] | None:
        """The projects shown now, or None before :meth:`load` and after :meth:`clear`."""
        return self.view.found

    def screen_title(self) -> str:
        return self.tr("Village projects")

    def load(self, household_id: int) -> None:
        """Read the projects of the household's village and show them from the top."""
        with self.context.sessions() as session:
            found = village_projects(session, household_id)
        self.view.show_items(found)
        self.shown_from_top()

    def spoken_text(self) -> str:
        view = self.view
        if view.found is None:
            return self.screen_title()
        parts = [view.summary_label.text()]
        for card in view.cards:
            assert card.project is not None
            parts.append(
                fill(
                    self.tr("%1. %2. %3."),
                    card.project.name,
                    card.budget_label.text(),
                    card.stage_label.text(),
                )
            )
        return " ".join(parts)
