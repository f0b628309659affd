"""Who is responsible for helping the household now, how to call them, and who helped before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.services.places import office_display_name
from kiosk.services.resident import CadreView, Responsible, responsible
from kiosk.views import labels
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import GAP as _GAP
from kiosk.views.screens.common import ScrollViewScreen, card_layout, page_layout
from kiosk.views.screens.household import fill, label


def _period(cadre: CadreView) -> str:
    """From when until when a cadre was responsible, e.g. "1 May 2014 – 28 February 2018"."""
    until = labels.long_date(cadre.until) if cadre.until is not None else ""
    return f"{labels.long_date(cadre.since)} – {until}".strip()


def _years_since(since: date, today: date) -> int:
    before_birthday = (today.month, today.day) < (since.month, since.day)
    return max(today.year - since.year - int(before_birthday), 0)


class _ResponsibleView(QWidget):
    """The content of the screen for one household; rebuilt on each load. No signals."""

    def __init__(
        self, found: Responsible, *, office: str | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.found = found
        self._office = office
        self._today = today
        page = page_layout(self, "cadre-view")

        self.now_heading = label("section")
        page.addWidget(self.now_heading)
        self.card = QFrame()
        card = card_layout(self.card, "current-cadre")
        current = found.current
        self.name_label = label("title", current.name if current else "")
        self.name_label.setObjectName("cadre-name")
        self.post_label = label("lead")
        self.phone_caption = label("body")
        self.phone_label = label("phone", labels.phone_number(current.phone) if current else "")
        self.phone_label.setObjectName("cadre-phone")
        self.phone_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.since_label = label("body")
        self.nobody_label = label("lead")
        self.nobody_label.setObjectName("no-cadre")
        self.ask_label = label("body")
        if current is not None:
            for widget in (
                self.name_label,
                self.post_label,
                self.phone_caption,
                self.phone_label,
                self.since_label,
            ):
                card.addWidget(widget)
        else:
            card.addWidget(self.nobody_label)
            card.addWidget(self.ask_label)
        page.addWidget(self.card)

        self.earlier_heading = label("section")
        page.addWidget(self.earlier_heading)
        self.earlier_labels = []
        for cadre in found.earlier:
            name = label("card-title", cadre.name)
            detail = label("body")
            when = label("body")
            box = QVBoxLayout()
            box.setSpacing(_GAP // 4)
            box.addWidget(name)
            box.addWidget(detail)
            box.addWidget(when)
            page.addLayout(box)
            self.earlier_labels.append((cadre, detail, when))
        self.no_earlier_label = label("body")
        if not found.earlier:
            page.addWidget(self.no_earlier_label)
        page.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.found.current
        self.now_heading.setText(self.tr("Responsible for helping your household now"))
        if current is not None:
            self.post_label.setText(fill(self.tr("%1 · %2"), current.unit, current.post))
            self.phone_caption.setText(self.tr("Work phone: you may call this number"))
            self.phone_label.setAccessibleName(
                fill(self.tr("Work phone %1"), labels.phone_number(current.phone))
            )
            years = _years_since(current.since, self._today)
            since = fill(self.tr("Responsible since %1"), labels.long_date(current.since))
            if years >= 1:
                more = self.tr("1 year") if years == 1 else fill(self.tr("%1 years"), years)
                since = fill(self.tr("%1 (%2)"), since, more)
            self.since_label.setText(since)
        self.nobody_label.setText(
            self.tr("No official is responsible for helping your household at the moment.")
        )
        if self._office:
            ask = fill(
                self.tr(
                    "Please ask the staff of %1 street office, here in the service hall: they"
                    " will tell you who helps your household."
                ),
                self._office,
            )
        else:
            ask = self.tr(
                "Please ask the staff of the street office, here in the service hall: they"
                " will tell you who helps your household."
            )
        self.ask_label.setText(ask)
        self.earlier_heading.setText(self.tr("Who was responsible before"))
        for cadre, detail, when in self.earlier_labels:
            detail.setText(fill(self.tr("%1 · %2"), cadre.unit, cadre.post))
            when.setText(_period(cadre))
        self.no_earlier_label.setText(self.tr("Nobody else has been responsible before."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CadreScreen(ScrollViewScreen[_ResponsibleView]):
    """The official responsible for helping the household: name, unit, post, work phone
    (in full, on this screen only, and never logged), since when; then earlier officials
    with their periods. A household with nobody responsible is told whom to ask.

    Signals:
        navigate(str): not emitted by this screen.
    """

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "cadre-screen", parent)

    @property
    def responsible(self) -> Responsible | None:
        """What is shown now, or None before :meth:`load` and after :meth:`clear`."""
        return self._view.found if self._view is not None else None

    def screen_title(self) -> str:
        return self.tr("Who helps your household")

    def load(self, household_id: int) -> None:
        """Read who is responsible for the household and show it from the top."""
        with self.context.sessions() as session:
            found = responsible(session, household_id)
        office = None
        if found.current is None:
            office = office_display_name(self.context.sessions, self.context.region_code)
        self.show_view(_ResponsibleView(found, office=office, today=self.context.today()))

    def spoken_text(self) -> str:
        view = self._view
        if view is None:
            return self.screen_title()
        current = view.found.current
        if current is None:
            return f"{view.nobody_label.text()} {view.ask_label.text()}"
        return fill(
            self.tr("The official responsible for helping your household is %1, %2. %3. %4."),
            current.name,
            view.post_label.text(),
            view.phone_label.accessibleName(),
            view.since_label.text(),
        )
