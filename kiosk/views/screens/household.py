"""The household file: where the household lives, how poor the register says it is, why,
what help it got, and who belongs to it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.poverty import AT_RISK_FROM, SCORE_MAX, STABLE_FROM
from kiosk.services.resident import HouseholdFile, MemberView, household_file
from kiosk.views import labels
from kiosk.views.screens.base import ResidentScreen, ScreenContext

_MARGIN = 48
_GAP = 24
#: Content width from which the file's facts stand in two columns.
_TWO_COLUMNS_FROM = 1150
#: The least width of a member card (two in a row at 1080 portrait, three at 1920 landscape).
_MEMBER_CARD_WIDTH = 380


def fill(template: str, *values: object) -> str:
    """Put ``values`` in place of %1, %2... in a translated text (PySide has no QString.arg)."""
    for number in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def discard(widget: QWidget) -> None:
    """Delete ``widget`` and everything in it now, so nothing of it stays among the
    screen's children (deleteLater would leave it there until the event loop runs).

    Deleting at once also spares Qt restyling a whole page for a move out of the window.
    Never call it from a signal of a widget inside ``widget``.
    """
    shiboken6.delete(widget)


def label(role: str, text: str = "", *, wrap: bool = True) -> QLabel:
    """A plain-text label with a style role; residents' names are never read as markup."""
    made = QLabel(text)
    made.setProperty("role", role)
    made.setTextFormat(Qt.TextFormat.PlainText)
    made.setWordWrap(wrap)
    # With a style-sheet padding, QLabel would otherwise indent its text as if framed.
    made.setIndent(0)
    return made


class ScrollPage(QWidget):
    """A page taller than the screen: drag it with a finger, or touch the big Up and Down
    buttons beside it (an old hand may not know how to drag).

    Put the content in with :meth:`set_content`. No signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea()
        self.area.setObjectName("scroll-page")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The Up and Down buttons show where the page stands; a thin bar is no target.
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(
            self.area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        scroller = QScroller.scroller(self.area.viewport())
        properties = scroller.scrollerProperties()
        # A touch reaches the button under the finger at once: Qt's default holds it back
        # for a moment, and after the page has been scrolled it never arrives at all.
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        # The page stops at its ends instead of springing back: less to puzzle over.
        properties.setScrollMetric(
            QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        scroller.setScrollerProperties(properties)

        self.up_button = QPushButton()
        self.up_button.setObjectName("scroll-up")
        self.down_button = QPushButton()
        self.down_button.setObjectName("scroll-down")
        buttons = QVBoxLayout()
        buttons.setSpacing(_GAP)
        for button in (self.up_button, self.down_button):
            button.setProperty("role", "scroll")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        buttons.addWidget(self.up_button, 1)
        buttons.addWidget(self.down_button, 1)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(_GAP // 2)
        row.addWidget(self.area, 1)
        row.addLayout(buttons)

        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(self._update_buttons)
        bar.valueChanged.connect(self._update_buttons)
        self.up_button.clicked.connect(lambda: self.scroll_by_page(-1))
        self.down_button.clicked.connect(lambda: self.scroll_by_page(1))
        self.retranslate()
        self._update_buttons()

    def set_content(self, widget: QWidget) -> None:
        self.area.setWidget(widget)

    def scroll_by_page(self, direction: int) -> None:
        """Move most of a screenful up (-1) or down (1), keeping a little for context."""
        bar = self.area.verticalScrollBar()
        step = max(bar.pageStep() * 4 // 5, 1)
        bar.setValue(bar.value() + direction * step)

    def scroll_to_top(self) -> None:
        self.area.verticalScrollBar().setValue(0)

    def can_scroll(self) -> bool:
        return self.area.verticalScrollBar().maximum() > 0

    def retranslate(self) -> None:
        self.up_button.setText(self.tr("▲\nUp"))
        self.up_button.setAccessibleName(self.tr("Show the part above"))
        self.down_button.setText(self.tr("▼\nDown"))
        self.down_button.setAccessibleName(self.tr("Show the part below"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_buttons(self) -> None:
        bar = self.area.verticalScrollBar()
        scrolls = bar.maximum() > 0
        for button, usable in (
            (self.up_button, bar.value() > bar.minimum()),
            (self.down_button, bar.value() < bar.maximum()),
        ):
            if button.isHidden() == scrolls:
                button.setHidden(not scrolls)
            if button.isEnabled() != usable:
                button.setEnabled(usable)


class MemberCard(QFrame):
    """One member of the household: name, relation, sex and age, masked ID number, labour
    capacity and health. No signals."""

    def __init__(self, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member = member
        self.setProperty("role", "card")
        self.name_label = label("card-title", member.name)
        self.relation_label = label("value")
        self.id_title_label = label("value")
        # Never broken across lines, so a card is never narrower than the number.
        self.id_label = label("value", member.id_masked, wrap=False)
        self.labour_label = label("value")
        self.health_label = label("value")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(_GAP, _GAP, _GAP, _GAP)
        layout.setSpacing(_GAP // 3)
        for widget in (
            self.name_label,
            self.relation_label,
            self.id_title_label,
            self.id_label,
            self.labour_label,
            self.health_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        m = self.member
        self.relation_label.setText(
            fill(
                self.tr("%1 · %2 · %3 years old"),
                labels.relation_labels()[m.relation],
                labels.sex_labels()[m.sex],
                m.age,
            )
        )
        self.id_title_label.setText(self.tr("ID number (partly hidden):"))
        self.labour_label.setText(
            fill(self.tr("Work: %1"), labels.labour_capacity_labels()[m.labour_capacity])
        )
        self.health_label.setText(fill(self.tr("Health: %1"), labels.health_labels()[m.health]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HouseholdFileView(QWidget):
    """The content of the household screen for one loaded file; rebuilt on each load."""

    def __init__(self, file: HouseholdFile, owner: HouseholdScreen) -> None:
        super().__init__()
        self.file = file
        self.setObjectName("household-file")
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(_MARGIN, _GAP, _MARGIN, _MARGIN)
        outer.setSpacing(_GAP)
        # The file's facts in two columns on a wide screen, one on a narrow one.
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(_MARGIN)
        page = QVBoxLayout()
        page.setSpacing(_GAP)
        right = QVBoxLayout()
        right.setSpacing(_GAP)
        self._columns.addLayout(page, 1)
        self._columns.addLayout(right, 1)
        outer.addLayout(self._columns)

        # Where and what: place, address, file number, status in words.
        self.where_heading = label("section")
        self.place_label = label("lead", file.place)
        self.address_label = label("body")
        self.file_number_label = label("body")
        self.status_label = label("lead")
        self.status_label.setObjectName("poverty-status")
        for widget in (
            self.where_heading,
            self.place_label,
            self.address_label,
            self.file_number_label,
            self.status_label,
        ):
            page.addWidget(widget)

        # The poverty index: the number, its band in colour, words and a symbol.
        self.index_heading = label("section")
        page.addWidget(self.index_heading)
        self.band_box = QFrame()
        self.band_box.setObjectName("band-box")
        self.band_box.setProperty("role", "band")
        self.band_box.setProperty("band", file.band.value)
        self.score_label = label("score", str(file.score), wrap=False)
        self.score_label.setObjectName("score")
        self.out_of_label = label("band-words", f"/ {SCORE_MAX}", wrap=False)
        self.band_symbol_label = label("band-symbol", labels.BAND_SYMBOLS[file.band], wrap=False)
        self.band_symbol_label.setObjectName("band-symbol")
        self.band_words_label = label("band-words")
        self.band_words_label.setObjectName("band-words")
        score_row = QHBoxLayout()
        score_row.setSpacing(_GAP // 2)
        score_row.addWidget(self.score_label, 0, Qt.AlignmentFlag.AlignBottom)
        score_row.addWidget(self.out_of_label, 0, Qt.AlignmentFlag.AlignBottom)
        score_row.addStretch(1)
        band_column = QVBoxLayout(self.band_box)
        band_column.setContentsMargins(_GAP, _GAP // 2, _GAP, _GAP)
        band_column.setSpacing(_GAP // 3)
        band_column.addLayout(score_row)
        band_column.addWidget(self.band_symbol_label)
        band_column.addWidget(self.band_words_label)
        self.legend_label = label("hint")
        page.addWidget(self.band_box)
        page.addWidget(self.legend_label)

        page.addStretch(1)
        page = right

        # The five indicators as bars, each with "score / maximum".
        self.indicator_heading = label("section")
        page.addWidget(self.indicator_heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(_GAP)
        grid.setVerticalSpacing(_GAP // 2)
        self.indicator_names: list[QLabel] = []
        self.indicator_bars: list[QProgressBar] = []
        self.indicator_values: list[QLabel] = []
        for row, item in enumerate(file.indicators):
            name = label("body")
            bar = QProgressBar()
            bar.setProperty("role", "indicator")
            bar.setRange(0, item.maximum)
            bar.setValue(item.score)
            bar.setTextVisible(False)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            value = label("value", f"{item.score} / {item.maximum}", wrap=False)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(value, row, 2)
            self.indicator_names.append(name)
            self.indicator_bars.append(bar)
            self.indicator_values.append(value)
        grid.setColumnStretch(1, 1)
        page.addLayout(grid)

        # Causes, the main one first and marked.
        self.causes_heading = label("section")
        page.addWidget(self.causes_heading)
        self.cause_labels = [label("body") for _ in file.causes]
        for widget in self.cause_labels:
            page.addWidget(widget)
        self.no_causes_label = label("body")
        if not file.causes:
            page.addWidget(self.no_causes_label)

        # Help measures, oldest first: year, kind and what was done.
        self.measures_heading = label("section")
        page.addWidget(self.measures_heading)
        self.measure_labels = [label("body") for _ in file.measures]
        for widget in self.measure_labels:
            page.addWidget(widget)
        self.no_measures_label = label("body")
        if not file.measures:
            page.addWidget(self.no_measures_label)

        page.addStretch(1)
        page = outer

        # Members, as cards two or three to a row.
        self.members_heading = label("section")
        page.addWidget(self.members_heading)
        self._members = QGridLayout()
        self._members.setSpacing(_GAP)
        self.member_cards = [MemberCard(m) for m in file.members]
        for card in self.member_cards:
            # The page's width decides how many cards stand in a row, not the cards' own
            # widths (they would keep two in a row where only one fits).
            card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._member_columns = 0
        self._arrange_members(2)
        page.addLayout(self._members)

        page.addSpacing(_GAP)
        self.ledger_button = QPushButton()
        self.ledger_button.setObjectName("see-payments")
        self.ledger_button.setProperty("role", "primary")
        self.ledger_button.setProperty("big", True)
        self.ledger_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ledger_button.clicked.connect(lambda: owner.navigate.emit("ledger"))
        page.addWidget(self.ledger_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page.addStretch(1)
        self.retranslate()

    def member_columns(self) -> int:
        return self._member_columns

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        wide = width >= _TWO_COLUMNS_FROM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if direction != self._columns.direction():
            self._columns.setDirection(direction)
        # As many cards in a row as fit at their narrowest (larger text: fewer), at most 3.
        narrowest = max(
            [_MEMBER_CARD_WIDTH, *(card.minimumSizeHint().width() for card in self.member_cards)]
        )
        room = width - 2 * _MARGIN + _GAP
        self._arrange_members(max(1, min(3, room // (narrowest + _GAP))))
        super().resizeEvent(event)

    def _arrange_members(self, columns: int) -> None:
        if columns == self._member_columns:
            return
        self._member_columns = columns
        for card in self.member_cards:
            self._members.removeWidget(card)
        for index, card in enumerate(self.member_cards):
            self._members.addWidget(card, index // columns, index % columns)
        for column in range(3):
            self._members.setColumnStretch(column, 1 if column < columns else 0)

    def retranslate(self) -> None:
        f = self.file
        self.where_heading.setText(self.tr("Where your household is registered"))
        self.address_label.setText(fill(self.tr("Address: %1"), f.address))
        self.file_number_label.setText(fill(self.tr("File number: %1"), f.file_number))
        self.status_label.setText(
            fill(self.tr("Poverty status: %1"), labels.poverty_status_labels()[f.status])
        )
        self.index_heading.setText(self.tr("Poverty index score"))
        self.band_words_label.setText(labels.band_labels()[f.band])
        self.legend_label.setText(
            fill(
                self.tr(
                    "%1 points or more: stable. %2 to %3: out of poverty but at risk."
                    " Below %2: poor."
                ),
                STABLE_FROM,
                AT_RISK_FROM,
                STABLE_FROM - 1,
            )
        )
        self.indicator_heading.setText(self.tr("How the score is made up"))
        names = labels.indicator_labels()
        for item, name, bar in zip(
            f.indicators, self.indicator_names, self.indicator_bars, strict=True
        ):
            name.setText(names[item.indicator])
            bar.setAccessibleName(
                fill(
                    self.tr("%1: %2 of %3 points"), names[item.indicator], item.score, item.maximum
                )
            )
        self.causes_heading.setText(self.tr("Causes of poverty"))
        causes = labels.poverty_cause_labels()
        for index, (cause, widget) in enumerate(zip(f.causes, self.cause_labels, strict=True)):
            text = causes[cause]
            widget.setText(fill(self.tr("★ %1 (main cause)"), text) if index == 0 else f"• {text}")
        self.no_causes_label.setText(self.tr("No cause is recorded."))
        self.measures_heading.setText(self.tr("Help your household has received"))
        kinds = labels.measure_kind_labels()
        for measure, widget in zip(f.measures, self.measure_labels, strict=True):
            widget.setText(
                fill(self.tr("%1 · %2: %3"), measure.year, kinds[measure.kind], measure.description)
            )
        self.no_measures_label.setText(self.tr("No help measure is recorded."))
        self.members_heading.setText(fill(self.tr("People in the household: %1"), len(f.members)))
        self.ledger_button.setText(self.tr("See every payment"))
        self.ledger_button.setAccessibleName(
            self.tr("See every payment made in your household's name")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HouseholdScreen(ResidentScreen):
    """The household file of the identified resident, on one scrolling page.

    Signals:
        navigate(str): "ledger" when the resident touches "See every payment".
    """

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("household-screen")
        self.page = ScrollPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, _GAP, 0)
        layout.addWidget(self.page)
        self._view: HouseholdFileView | None = None

    @property
    def file(self) -> HouseholdFile | None:
        """The file shown now, or None before :meth:`load` and after :meth:`clear`."""
        return self._view.file if self._view is not None else None

    def screen_title(self) -> str:
        return self.tr("Your household file")

    def load(self, household_id: int) -> None:
        """Read the household's file from the store and show it from the top."""
        with self.context.sessions() as session:
            file = household_file(session, household_id, today=self.context.today())
        self.clear()
        self._view = HouseholdFileView(file, self)
        self.page.set_content(self._view)
        self.page.scroll_to_top()

    def clear(self) -> None:
        if self._view is not None:
            view, self._view = self._view, None
            discard(view)

    def retranslate(self) -> None:
        # The file view and the cards translate themselves on LanguageChange.
        pass

    def spoken_text(self) -> str:
        file = self.file
        if file is None:
            return self.screen_title()
        return fill(
            self.tr(
                "Your household file. %1. Poverty status: %2. Poverty index score %3 of 100:"
                " %4. %5 people in the household."
            ),
            file.place,
            labels.poverty_status_labels()[file.status],
            file.score,
            labels.band_labels()[file.band],
            len(file.members),
        )
