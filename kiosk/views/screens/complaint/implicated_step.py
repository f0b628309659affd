"""Step 4 of a complaint: whom it is about, chosen from big buttons, without a keyboard.

The choices come from the store (:mod:`kiosk.services.complaints.choices`): the household's
responsible cadres, current and earlier, by name and post; the village committee; the
department that paid a disputed payment; and "nobody in particular". The resident may
touch several; "nobody in particular" takes the others back. Whom they name decides where
the complaint goes (the routing rule), and the review says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.problems import Reason
from kiosk.services.complaints.choices import CadreChoice, ImplicatedChoices
from kiosk.services.complaints.draft import NamedUnit
from kiosk.views import labels
from kiosk.views.problems import worded
from kiosk.views.screens.common import GAP, ScrollPage, button, fill, label
from kiosk.views.screens.complaint.choice_button import ChoiceButton
from kiosk.views.screens.complaint.parts import ProblemLine, page, set_enabled

NOBODY = "nobody"


@dataclass(frozen=True)
class Named:
    """Whom the resident named: cadres by code, and units (committee, department)."""

    cadre_codes: tuple[str, ...] = ()
    units: tuple[NamedUnit, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.cadre_codes or self.units)


class ImplicatedStep(QWidget):
    """One big button for each party the resident may name, and one for nobody.

    Signals:
        chosen(object): the resident is done here: a :class:`Named` (empty for nobody).
            The owner checks it and moves on or calls :meth:`refuse`.
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = ImplicatedChoices()
        self._picked: set[str] = set()
        self._nobody = False
        self.page, layout = page("implicated-step")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)
        self.question = label("title")
        self.hint = label("lead")
        self.buttons: dict[str, ChoiceButton] = {}
        self.nobody_button = self._choice(NOBODY)
        content = QWidget()
        content.setProperty("role", "page")
        self._column = QVBoxLayout(content)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(GAP)
        self._column.addWidget(self.nobody_button)
        self._column.addStretch(1)
        self.scroll_page = ScrollPage()
        self.scroll_page.set_content(content)
        self.problem = ProblemLine("implicated-problem")
        self.continue_button = button("implicated-continue", "primary", wide=True)
        layout.setSpacing(GAP // 2)
        layout.addWidget(self.question)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll_page, 1)
        layout.addWidget(self.problem.label)
        layout.addWidget(self.continue_button)
        self.continue_button.clicked.connect(self._on_continue)
        self.retranslate()

    def _choice(self, key: str) -> ChoiceButton:
        made = ChoiceButton(f"implicated-{key}")
        made.setProperty("role", "setting")
        made.setCheckable(True)
        made.clicked.connect(self._toggler(key))
        return made

    def _toggler(self, key: str) -> Callable[[], None]:
        return lambda: self.toggle(key)

    # ---- what the owner calls ---------------------------------------------------------

    def start(self, choices: ImplicatedChoices, named: Named | None) -> None:
        """Offer ``choices``, with ``named`` marked as chosen before (None: nothing chosen
        yet; an empty one: "nobody"). A party no longer offered is dropped."""
        self._choices = choices
        for made in self.buttons.values():
            self._column.removeWidget(made)
            made.deleteLater()
        self.buttons = {}
        for index, key in enumerate(self._keys()):
            made = self._choice(key)
            self.buttons[key] = made
            self._column.insertWidget(index, made)
        kept = self._keys_of(named) & set(self.buttons) if named is not None else set()
        # Nothing is taken for an answer the resident did not give: when none of the parties
        # named before is offered now, the question is open again (not "nobody").
        if named is None or (named and not kept):
            self._picked, self._nobody = set(), False
        else:
            self._picked, self._nobody = kept, not kept
        self.problem.hide()
        self._refresh()
        self.scroll_page.scroll_to_top()

    def toggle(self, key: str) -> None:
        """Touching a party names it or takes it back; "nobody" takes every party back."""
        if key == NOBODY:
            self._picked.clear()
            self._nobody = True
        elif key in self._picked:
            self._picked.discard(key)
        elif key in self.buttons:
            self._picked.add(key)
            self._nobody = False
        self.problem.hide()
        self._refresh()

    def named(self) -> Named | None:
        """What is chosen now: None before any answer."""
        if not self._picked and not self._nobody:
            return None
        codes = tuple(
            c.cadre_code for c in self._choices.cadres if f"cadre:{c.cadre_code}" in self._picked
        )
        units = tuple(unit for key, unit in self._units() if key in self._picked)
        return Named(codes, units)

    def refuse(self, reason: Reason) -> None:
        self.problem.show(worded(reason))

    def clear(self) -> None:
        self.start(ImplicatedChoices(), None)

    def retranslate(self) -> None:
        self.question.setText(self.tr("Who is the complaint about?"))
        self.hint.setText(
            self.tr(
                'Touch everyone it is about, or "Nobody in particular". Those you name never'
                " see the complaint, and it goes to an office above them."
            )
        )
        for cadre in self._choices.cadres:
            made = self.buttons.get(f"cadre:{cadre.cadre_code}")
            if made is not None:
                made.set_words(self._cadre_words(cadre), self._cadre_detail(cadre))
        committee = self._choices.village_committee
        if committee is not None and "committee" in self.buttons:
            self.buttons["committee"].set_words(
                fill(self.tr("The village committee: %1"), committee.name),
                self.tr("The committee of your village or community"),
            )
        department = self._choices.paying_department
        if department is not None and "department" in self.buttons:
            self.buttons["department"].set_words(
                department.name, self.tr("The department that paid the disputed payment")
            )
        self.nobody_button.set_words(
            self.tr("Nobody in particular / I do not know"),
            self.tr("The inspectors find out who is responsible."),
        )
        self.continue_button.setText(self.tr("Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue to check what will be sent"))
        self.problem.retranslate()

    def spoken_text(self) -> str:
        words = ". ".join(
            made.plain_label.text() for made in (*self.buttons.values(), self.nobody_button)
        )
        return f"{self.question.text()} {self.hint.text()} {words}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- inside -----------------------------------------------------------------------

    def _units(self) -> list[tuple[str, NamedUnit]]:
        found = []
        if self._choices.village_committee is not None:
            found.append(("committee", self._choices.village_committee))
        if self._choices.paying_department is not None:
            found.append(("department", self._choices.paying_department))
        return found

    def _keys(self) -> list[str]:
        return [f"cadre:{c.cadre_code}" for c in self._choices.cadres] + [
            key for key, _unit in self._units()
        ]

    def _keys_of(self, named: Named) -> set[str]:
        keys = {f"cadre:{code}" for code in named.cadre_codes}
        keys |= {key for key, unit in self._units() if unit in named.units}
        return keys

    def _cadre_words(self, cadre: CadreChoice) -> str:
        return fill(self.tr("My responsible cadre %1, %2"), cadre.name, cadre.post)

    def _cadre_detail(self, cadre: CadreChoice) -> str:
        if cadre.current:
            return fill(self.tr("%1; helps your household now"), cadre.unit)
        assert cadre.end is not None
        return fill(
            self.tr("%1; helped your household until %2"),
            cadre.unit,
            labels.long_date(cadre.end),
        )

    def _on_continue(self) -> None:
        named = self.named()
        if named is not None:
            self.chosen.emit(named)

    def _refresh(self) -> None:
        for key, made in self.buttons.items():
            made.set_marked(key in self._picked)
        self.nobody_button.set_marked(self._nobody)
        set_enabled(self.continue_button, self.named() is not None)
        self.retranslate()
