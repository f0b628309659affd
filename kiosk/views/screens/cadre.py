"""Who is responsible for helping the household now, how to call them, and who helped before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.services.places import office_display_name
from kiosk.services.resident import CadreView, Responsible, responsible
from kiosk.views import labels
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import (
    GAP,
    Pool,
    ScrollViewScreen,
    card_layout,
    fill,
    label,
    page_layout,
    set_shown,
)


def _period(cadre: CadreView) -> str:
    """From when until when a cadre was responsible, e.g. "1 May 2014 – 28 February 2018"."""
    until = labels.long_date(cadre.until) if cadre.until is not None else ""
    return f"{labels.long_date(cadre.since)} – {until}".strip()


def _years_since(since: date, today: date) -> int:
    before_birthday = (today.month, today.day) < (since.month, since.day)
    return max(today.year - since.year - int(before_birthday), 0)


class _EarlierCadre(QWidget):
    """An official who was responsible before: name, unit and post, period. The view
    puts the words in (in its own translation context). No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cadre: CadreView | None = None
        self.name_label = label("card-title")
        self.detail_label = label("body")
        self.when_label = label("body")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(GAP // 4)
        for widget in (self.name_label, self.detail_label, self.when_label):
            box.addWidget(widget)

    def set_cadre(self, cadre: CadreView | None) -> None:
        self.cadre = cadre
        self.name_label.setText(cadre.name if cadre else "")
        if cadre is None:
            self.detail_label.clear()
            self.when_label.clear()


class _ResponsibleView(QWidget):
    """The content of the screen: who is responsible for the household loaded last. Made
    once and refilled with :meth:`show_responsible`. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: Responsible | None = None
        self._office: str | None = None
        self._today: date | None = None
        page = page_layout(self, "cadre-view")

        self.now_heading = label("section")
        page.addWidget(self.now_heading)
        self.card = QFrame()
        card = card_layout(self.card, "current-cadre")
        self.name_label = label("title")
        self.name_label.setObjectName("cadre-name")
        self.post_label = label("lead")
        self.phone_caption = label("body")
        self.phone_label = label("phone")
        self.phone_label.setObjectName("cadre-phone")
        self.phone_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.since_label = label("body")
        self.nobody_label = label("lead")
        self.nobody_label.setObjectName("no-cadre")
        self.ask_label = label("body")
        self._someone = (
            self.name_label,
            self.post_label,
            self.phone_caption,
            self.phone_label,
            self.since_label,
        )
        for widget in (*self._someone, self.nobody_label, self.ask_label):
            card.addWidget(widget)
        page.addWidget(self.card)

        self.earlier_heading = label("section")
        page.addWidget(self.earlier_heading)
        self.no_earlier_label = label("body")
        page.addWidget(self.no_earlier_label)
        self.earlier = Pool(page, _EarlierCadre, before=self.no_earlier_label)
        page.addStretch(1)

    def show_responsible(self, found: Responsible, *, office: str | None, today: date) -> None:
        self.found = found
        self._office = office
        self._today = today
        current = found.current
        self.name_label.setText(current.name if current else "")
        self.phone_label.setText(labels.phone_number(current.phone) if current else "")
        for widget in self._someone:
            set_shown(widget, current is not None)
        for widget in (self.nobody_label, self.ask_label):
            set_shown(widget, current is None)
        for row, cadre in zip(self.earlier.fit(len(found.earlier)), found.earlier, strict=True):
            row.set_cadre(cadre)
        for row in self.earlier.hidden():
            row.set_cadre(None)
        set_shown(self.no_earlier_label, not found.earlier)
        self.retranslate()

    def clear(self) -> None:
        self.found = None
        self._office = None
        self.earlier.fit(0)
        for row in self.earlier.made:
            row.set_cadre(None)
        self.earlier.trim(2)
        for widget in self.findChildren(QLabel):
            widget.clear()
            widget.setAccessibleName("")

    def retranslate(self) -> None:
        if self.found is None or self._today is None:
            return
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
        else:  # hidden, and holding nothing of an earlier household's official
            self.post_label.clear()
            self.since_label.clear()
            self.phone_label.setAccessibleName("")
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
        for row in self.earlier.made:
            cadre = row.cadre
            if cadre is not None:
                row.detail_label.setText(fill(self.tr("%1 · %2"), cadre.unit, cadre.post))
                row.when_label.setText(_period(cadre))
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
        super().__init__(context, "cadre-screen", _ResponsibleView(), parent)

    @property
    def responsible(self) -> Responsible | None:
        """What is shown now, or None before :meth:`load` and after :meth:`clear`."""
        return self.view.found

    def screen_title(self) -> str:
        return self.tr("Who helps your household")

    def load(self, household_id: int) -> None:
        """Read who is responsible for the household and show it from the top."""
        with self.context.sessions() as session:
            found = responsible(session, household_id)
        office = None
        if found.current is None:
            office = office_display_name(self.context.sessions, self.context.region_code)
        self.view.show_responsible(found, office=office, today=self.context.today())
        self.shown_from_top()

    def spoken_text(self) -> str:
        view = self.view
        if view.found is None:
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
