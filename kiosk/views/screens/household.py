"""The household file: where the household lives, how poor the register says it is, why,
what help it got, and who belongs to it."""

from __future__ import annotations

from collections.abc import Callable

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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.poverty import AT_RISK_FROM, SCORE_MAX, STABLE_FROM, Band, Indicator
from kiosk.services.printing.issue import IssuedDocument, issue_certificate
from kiosk.services.resident import HouseholdFile, MemberView, household_file
from kiosk.views import labels
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import (
    GAP,
    MARGIN,
    Pool,
    ScrollViewScreen,
    discard,
    fill,
    label,
    set_shown,
)
from kiosk.views.widgets.print_preview import PrintPreview

#: Content width from which the file's facts stand in two columns.
_TWO_COLUMNS_FROM = 1150
#: The least width of a member card (two in a row at 1080 portrait, three at 1920 landscape).
_MEMBER_CARD_WIDTH = 380


class MemberCard(QFrame):
    """One member of the household: name, relation, sex and age, masked ID number, labour
    capacity and health. Made once and refilled with :meth:`set_member`. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member: MemberView | None = None
        self.setProperty("role", "card")
        self.name_label = label("card-title")
        self.relation_label = label("value")
        self.id_title_label = label("value")
        # Never broken across lines, so a card is never narrower than the number.
        self.id_label = label("value", wrap=False)
        self.labour_label = label("value")
        self.health_label = label("value")
        self.labels = (
            self.name_label,
            self.relation_label,
            self.id_title_label,
            self.id_label,
            self.labour_label,
            self.health_label,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, GAP, GAP, GAP)
        layout.setSpacing(GAP // 3)
        for widget in self.labels:
            layout.addWidget(widget)
        layout.addStretch(1)
        # The page's width decides how many cards stand in a row, not the cards' own
        # widths (they would keep two in a row where only one fits).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_member(self, member: MemberView | None) -> None:
        """Show ``member``, or nothing at all (None)."""
        self.member = member
        self.name_label.setText(member.name if member else "")
        self.id_label.setText(member.id_masked if member else "")
        self.retranslate()

    def retranslate(self) -> None:
        m = self.member
        if m is None:
            for widget in self.labels:
                widget.clear()
            return
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
    """The content of the household screen: the file loaded last. Made once; each load
    refills it with :meth:`show_file` and :meth:`clear` empties it. No signals."""

    def __init__(self, owner: HouseholdScreen) -> None:
        super().__init__()
        self.file: HouseholdFile | None = None
        self.setObjectName("household-file")
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, GAP, MARGIN, MARGIN)
        outer.setSpacing(GAP)
        # The file's facts in two columns on a wide screen, one on a narrow one.
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(MARGIN)
        page = QVBoxLayout()
        page.setSpacing(GAP)
        right = QVBoxLayout()
        right.setSpacing(GAP)
        self._columns.addLayout(page, 1)
        self._columns.addLayout(right, 1)
        outer.addLayout(self._columns)

        # Where and what: place, address, file number, status in words.
        self.where_heading = label("section")
        self.place_label = label("lead")
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
        self._band: Band | None = None
        self.band_box.setProperty("band", "")
        self.score_label = label("score", wrap=False)
        self.score_label.setObjectName("score")
        self.out_of_label = label("band-words", f"/ {SCORE_MAX}", wrap=False)
        self.band_symbol_label = label("band-symbol", wrap=False)
        self.band_symbol_label.setObjectName("band-symbol")
        self.band_words_label = label("band-words")
        self.band_words_label.setObjectName("band-words")
        score_row = QHBoxLayout()
        score_row.setSpacing(GAP // 2)
        score_row.addWidget(self.score_label, 0, Qt.AlignmentFlag.AlignBottom)
        score_row.addWidget(self.out_of_label, 0, Qt.AlignmentFlag.AlignBottom)
        score_row.addStretch(1)
        band_column = QVBoxLayout(self.band_box)
        band_column.setContentsMargins(GAP, GAP // 2, GAP, GAP)
        band_column.setSpacing(GAP // 3)
        band_column.addLayout(score_row)
        band_column.addWidget(self.band_symbol_label)
        band_column.addWidget(self.band_words_label)
        self.legend_label = label("hint")
        page.addWidget(self.band_box)
        page.addWidget(self.legend_label)

        page.addStretch(1)
        page = right

        # The indicators as bars, each with "score / maximum".
        self.indicator_heading = label("section")
        page.addWidget(self.indicator_heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(GAP)
        grid.setVerticalSpacing(GAP // 2)
        self.indicator_names: list[QLabel] = []
        self.indicator_bars: list[QProgressBar] = []
        self.indicator_values: list[QLabel] = []
        for row in range(len(Indicator)):
            name = label("body")
            bar = QProgressBar()
            bar.setProperty("role", "indicator")
            bar.setTextVisible(False)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            value = label("value", wrap=False)
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
        self.no_causes_label = label("body")
        page.addWidget(self.no_causes_label)
        self._causes = Pool(page, lambda: label("body"), before=self.no_causes_label)

        # Help measures, oldest first: year, kind and what was done.
        self.measures_heading = label("section")
        page.addWidget(self.measures_heading)
        self.no_measures_label = label("body")
        page.addWidget(self.no_measures_label)
        self._measures = Pool(page, lambda: label("body"), before=self.no_measures_label)

        page.addStretch(1)
        page = outer

        # Members, as cards two or three to a row.
        self.members_heading = label("section")
        page.addWidget(self.members_heading)
        self._members = QGridLayout()
        self._members.setSpacing(GAP)
        self._member_pool: list[MemberCard] = []
        self._member_columns = 0
        self._placed = 0
        page.addLayout(self._members)

        page.addSpacing(GAP)
        self.ledger_button = QPushButton()
        self.ledger_button.setObjectName("see-payments")
        self.ledger_button.setProperty("role", "primary")
        self.ledger_button.setProperty("big", True)
        self.ledger_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ledger_button.clicked.connect(lambda: owner.navigate.emit("ledger"))
        page.addWidget(self.ledger_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page.addStretch(1)
        self.retranslate()

    @property
    def member_cards(self) -> list[MemberCard]:
        """The cards of the members shown now, in order."""
        return self._member_pool[: len(self.file.members) if self.file else 0]

    @property
    def cause_labels(self) -> list[QLabel]:
        return self._causes.made[: len(self.file.causes) if self.file else 0]

    @property
    def measure_labels(self) -> list[QLabel]:
        return self._measures.made[: len(self.file.measures) if self.file else 0]

    def show_file(self, file: HouseholdFile) -> None:
        """Show ``file``, reusing the widgets of the file shown before."""
        self.file = file
        self.place_label.setText(file.place)
        self.score_label.setText(str(file.score))
        self.band_symbol_label.setText(labels.BAND_SYMBOLS[file.band])
        self._set_band(file.band)
        for index, item in enumerate(file.indicators):
            bar = self.indicator_bars[index]
            # A progress bar repaints itself at once on a new value, a few ms each: the
            # page is painted once, after the refill, instead.
            bar.setUpdatesEnabled(False)
            bar.setRange(0, item.maximum)
            bar.setValue(item.score)
            bar.setUpdatesEnabled(True)
            self.indicator_values[index].setText(f"{item.score} / {item.maximum}")
        for index, widgets in enumerate(
            zip(self.indicator_names, self.indicator_bars, self.indicator_values, strict=True)
        ):
            for widget in widgets:
                set_shown(widget, index < len(file.indicators))
        for pool, count, none_label in (
            (self._causes, len(file.causes), self.no_causes_label),
            (self._measures, len(file.measures), self.no_measures_label),
        ):
            pool.fit(count)
            for widget in pool.hidden():
                widget.clear()
            set_shown(none_label, count == 0)
        while len(self._member_pool) < len(file.members):
            self._member_pool.append(MemberCard())
        for index, card in enumerate(self._member_pool):
            card.set_member(file.members[index] if index < len(file.members) else None)
        self._arrange_members(self._member_columns or 2)
        self.retranslate()

    def clear(self) -> None:
        """Forget the file: no widget keeps any of its words or numbers."""
        self.file = None
        self._set_band(None)
        for widget in (
            self.place_label,
            self.address_label,
            self.file_number_label,
            self.status_label,
            self.score_label,
            self.band_symbol_label,
            self.band_words_label,
            self.members_heading,
            *self.indicator_values,
        ):
            widget.clear()
        for bar in self.indicator_bars:
            bar.reset()
            bar.setAccessibleName("")
        for pool in (self._causes, self._measures):
            pool.fit(0)
            for widget in pool.made:
                widget.clear()
        for card in self._member_pool:
            card.set_member(None)
        # A big household's extra cards go: memory back for the next resident.
        for card in self._member_pool[4:]:
            discard(card)
        del self._member_pool[4:]
        self._arrange_members(self._member_columns or 2)

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
        room = width - 2 * MARGIN + GAP
        self._arrange_members(max(1, min(3, room // (narrowest + GAP))))
        super().resizeEvent(event)

    def _arrange_members(self, columns: int) -> None:
        shown = self.member_cards
        if columns == self._member_columns and len(shown) == self._placed:
            # The same cards in the same places: nothing moves, nothing to lay out again.
            return
        self._member_columns = columns
        self._placed = len(shown)
        for card in self._member_pool:
            self._members.removeWidget(card)
        for index, card in enumerate(shown):
            self._members.addWidget(card, index // columns, index % columns)
            set_shown(card, True)
        for card in self._member_pool[len(shown) :]:
            set_shown(card, False)
        for column in range(3):
            self._members.setColumnStretch(column, 1 if column < columns else 0)

    def _set_band(self, band: Band | None) -> None:
        """The band's colour comes from the style sheet by the box's "band" property;
        restyle the box and its labels only when the band changes."""
        if band == self._band:
            return
        self._band = band
        self.band_box.setProperty("band", band.value if band else "")
        for widget in (self.band_box, *self.band_box.findChildren(QLabel)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def retranslate(self) -> None:
        self.where_heading.setText(self.tr("Where your household is registered"))
        self.index_heading.setText(self.tr("Poverty index score"))
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
        self.causes_heading.setText(self.tr("Causes of poverty"))
        self.no_causes_label.setText(self.tr("No cause is recorded."))
        self.measures_heading.setText(self.tr("Help your household has received"))
        self.no_measures_label.setText(self.tr("No help measure is recorded."))
        self.ledger_button.setText(self.tr("See every payment"))
        self.ledger_button.setAccessibleName(
            self.tr("See every payment made in your household's name")
        )
        f = self.file
        if f is None:
            return
        self.address_label.setText(fill(self.tr("Address: %1"), f.address))
        self.file_number_label.setText(fill(self.tr("File number: %1"), f.file_number))
        self.status_label.setText(
            fill(self.tr("Poverty status: %1"), labels.poverty_status_labels()[f.status])
        )
        self.band_words_label.setText(labels.band_labels()[f.band])
        names = labels.indicator_labels()
        for item, name, bar in zip(
            f.indicators, self.indicator_names, self.indicator_bars, strict=False
        ):
            name.setText(names[item.indicator])
            bar.setAccessibleName(
                fill(
                    self.tr("%1: %2 of %3 points"), names[item.indicator], item.score, item.maximum
                )
            )
        causes = labels.poverty_cause_labels()
        for index, (cause, widget) in enumerate(zip(f.causes, self.cause_labels, strict=True)):
            text = causes[cause]
            widget.setText(fill(self.tr("★ %1 (main cause)"), text) if index == 0 else f"• {text}")
        kinds = labels.measure_kind_labels()
        for measure, widget in zip(f.measures, self.measure_labels, strict=True):
            widget.setText(
                fill(self.tr("%1 · %2: %3"), measure.year, kinds[measure.kind], measure.description)
            )
        self.members_heading.setText(fill(self.tr("People in the household: %1"), len(f.members)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HouseholdScreen(ScrollViewScreen[HouseholdFileView]):
    """The household file of the identified resident, on one scrolling page.

    Signals:
        navigate(str): "ledger" when the resident touches "See every payment".
    """

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "household-screen", HouseholdFileView(self), parent)
        self._household_id: int | None = None
        # Printing, where the terminal can: above the file, and the preview in its place.
        self.certificate_button = QPushButton()
        self.statement_button = QPushButton()
        for made, name, role in (
            (self.certificate_button, "print-certificate", "primary"),
            (self.statement_button, "print-statement", None),
        ):
            made.setObjectName(name)
            made.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if role:
                made.setProperty("role", role)
        self.print_row = QWidget()
        row = QHBoxLayout(self.print_row)
        row.setContentsMargins(MARGIN, GAP // 2, 0, 0)
        row.setSpacing(GAP)
        row.addStretch(1)
        row.addWidget(self.statement_button)
        row.addWidget(self.certificate_button)
        self.print_row.setVisible(context.can_print)
        self.preview = PrintPreview(context.print_queue)
        self.print_page = QWidget()
        self.print_page.setObjectName("household-print")
        self.print_page.setProperty("role", "page")
        preview_column = QVBoxLayout(self.print_page)
        preview_column.setContentsMargins(MARGIN, GAP, MARGIN - GAP, GAP // 2)
        preview_column.addWidget(self.preview)
        self.print_page.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.print_row)
        layout.addWidget(self.print_page, 1)
        self.certificate_button.clicked.connect(self.preview_certificate)
        self.statement_button.clicked.connect(self.preview_statement)
        self.preview.back_requested.connect(self._close_preview)
        self.retranslate()

    @property
    def file(self) -> HouseholdFile | None:
        """The file shown now, or None before :meth:`load` and after :meth:`clear`."""
        return self.view.file

    def screen_title(self) -> str:
        return self.tr("Your household file")

    def load(self, household_id: int) -> None:
        """Read the household's file from the store and show it from the top."""
        with self.context.sessions() as session:
            file = household_file(session, household_id, today=self.context.today())
        self._close_preview()
        self._household_id = household_id
        self.view.show_file(file)
        self.shown_from_top()

    def clear(self) -> None:
        self._close_preview()
        self._household_id = None
        super().clear()

    def retranslate(self) -> None:
        self.certificate_button.setText(self.tr("Print certificate"))
        self.statement_button.setText(self.tr("Print statement"))

    def go_back(self) -> bool:
        """Back from the preview to the file; False (leave the screen) otherwise."""
        if self.preview_shown():
            self._close_preview()
            return True
        return False

    def preview_shown(self) -> bool:
        return not self.print_page.isHidden()

    def preview_certificate(self) -> None:
        """ "Print certificate": the household certificate as it will print."""
        household_id, signer = self._household_id, self.context.document_signer
        if household_id is None or signer is None:
            return
        sessions, now = self.context.sessions, self.context.clock()
        region, code = self.context.region_code, self.context.kiosk_code

        def issue() -> IssuedDocument:
            from kiosk.services.places import office_display_name

            place = office_display_name(sessions, region) or ""
            with sessions() as session:
                return issue_certificate(
                    session,
                    household_id,
                    signer=signer,
                    now=now,
                    issuer=f"{place}自助终端 {code}".strip(),
                )

        self._show_preview(issue, lambda: self.tr("Your household certificate"))

    def preview_statement(self) -> None:
        """ "Print statement": every payment in the household's name, as it will print."""
        issue = self.context.statement_issue(self._household_id)
        if issue is not None:
            self._show_preview(issue, lambda: self.tr("Your statement of payments"))

    def _show_preview(self, issue: Callable[[], IssuedDocument], title: Callable[[], str]) -> None:
        self.preview.show_document(
            issue,
            title=title,
            fallback=lambda: self.tr("Touch Try again, or ask staff at the service desk."),
        )
        self.page.hide()
        self.print_row.hide()
        self.print_page.show()

    def _close_preview(self) -> None:
        self.preview.clear()
        if self.preview_shown():
            self.print_page.hide()
            self.page.show()
            self.print_row.setVisible(self.context.can_print)

    def spoken_text(self) -> str:
        if self.preview_shown():
            return self.preview.spoken_text()
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
