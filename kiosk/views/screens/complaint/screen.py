"""Filing a complaint: what about, optional words, how much of who files it is told, whom
it is about, review, and the result.

The screen holds the draft while the resident goes through the steps; nothing is stored
until Send, when :func:`kiosk.services.complaints.filing.file_complaint` commits it to the
local store on a worker thread. Started from a disputed payment, the category step is
skipped: the payment and the amounts are already known.

A named complaint is filed by the identified member: the main window tells the screen who
that is with :meth:`ComplaintScreen.set_complainant` after :meth:`load`. Until it does, the
name cannot be sent and only the anonymous levels are offered.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.models.complaints import ComplaintCategory, Disclosure
from kiosk.domain.money import format_fen
from kiosk.domain.problems import Refused
from kiosk.services.complaints.choices import (
    ImplicatedChoices,
    complainant_name,
    implicated_choices,
)
from kiosk.services.complaints.filing import (
    ComplaintDraft,
    ComplaintRefused,
    FiledComplaint,
    file_complaint,
    preview_destination,
    validate_draft,
)
from kiosk.services.pinyin_input import PinyinDictionary
from kiosk.services.printing.issue import IssuedDocument, issue_receipt
from kiosk.services.resident import PaymentLine, ledger
from kiosk.views.jobs import Jobs
from kiosk.views.problems import reasons_text, worded
from kiosk.views.screens.base import ResidentScreen, ScreenContext
from kiosk.views.screens.common import GAP, MARGIN, fill, label
from kiosk.views.screens.complaint.category_step import CategoryStep
from kiosk.views.screens.complaint.identity_step import IdentityStep
from kiosk.views.screens.complaint.implicated_step import ImplicatedStep, Named
from kiosk.views.screens.complaint.result_step import ResultStep
from kiosk.views.screens.complaint.review_step import Review, ReviewStep
from kiosk.views.screens.complaint.words_step import WordsStep
from kiosk.views.screens.dispute import PaymentSummary
from kiosk.views.widgets.print_preview import PrintPreview, PrintState
from kiosk.views.widgets.step_stack import StepStack

_log = logging.getLogger(__name__)

#: Which step shows a refusal of each draft field; any other field is shown on the review.
_FIELD_STEPS = {
    "category": "category",
    "text": "words",
    "disclosure": "identity",
    "complainant_member_id": "identity",
    "household_id": "identity",
    "contact_phone": "identity",
    "implicated_units": "implicated",
}


class ComplaintScreen(ResidentScreen):
    """The steps of a complaint, for the identified household.

    The main window calls :meth:`open_for` when it opens the screen: :meth:`load` (a blank
    complaint), then :meth:`set_complainant` with the identified member; and it calls
    :meth:`start_from_payment` when the resident came from a disputed payment. Its Back
    calls :meth:`go_back` first, which steps back inside the screen.

    Signals:
        navigate(str): not used (the complaint links nowhere else).
        back_requested(): leave the screen (after "Finished").
        filed(): a complaint was committed to the store (the numbers are on screen).
    """

    filed = Signal()

    def __init__(
        self,
        context: ScreenContext,
        parent: QWidget | None = None,
        *,
        dictionary: PinyinDictionary | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("complaint-screen")
        self.jobs = Jobs(self)
        self._household_id: int | None = None
        self._line: PaymentLine | None = None
        self._claimed_fen: int | None = None
        self._category: ComplaintCategory | None = None
        self._text = ""
        self._disclosure: Disclosure | None = None
        self._phone = ""
        # The identified member, who files a named complaint, and their name.
        self._member_id: int | None = None
        self._member_name = ""
        self._choices = ImplicatedChoices()
        self._named: Named | None = None

        self.progress = label("hint")
        self.progress.setObjectName("complaint-progress")
        self.category_step = CategoryStep()
        self.words_step = WordsStep(dictionary=dictionary)
        self.identity_step = IdentityStep()
        self.implicated_step = ImplicatedStep()
        self.review_step = ReviewStep()
        self.result_step = ResultStep(can_print=context.can_print)
        self.print_step = PrintPreview(context.print_queue)
        #: The complaint just filed, while its numbers are on show (for its receipt).
        self._filed: FiledComplaint | None = None
        self.payment_summary = PaymentSummary(compact=True)
        self.claim_label = label("lead")
        self.claim_label.setObjectName("claimed")
        self.about = QWidget()
        about = QVBoxLayout(self.about)
        about.setContentsMargins(0, 0, 0, 0)
        about.setSpacing(GAP // 2)
        about.addWidget(self.payment_summary)
        about.addWidget(self.claim_label)
        self.about.hide()
        self.words_step.set_header(self.about)

        self.steps = StepStack(self._all_steps())
        layout = QVBoxLayout(self)
        # Little margin above and below: the phone pad needs the height of a low screen.
        layout.setContentsMargins(MARGIN, GAP // 6, MARGIN, GAP // 6)
        layout.setSpacing(GAP // 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.steps, 1)

        self.category_step.chosen.connect(self._on_category)
        self.words_step.finished.connect(self._on_words)
        self.words_step.typing_changed.connect(lambda _typing: self._show_progress())
        self.identity_step.chosen.connect(self._on_identity)
        self.implicated_step.chosen.connect(self._on_implicated)
        self.review_step.send_requested.connect(self._send)
        self.review_step.change_requested.connect(self._change)
        self.result_step.done.connect(self.back_requested)
        self.result_step.print_requested.connect(self._preview_receipt)
        self.print_step.back_requested.connect(self._back_from_print)
        self._show_step(self.category_step)
        self.retranslate()

    def _all_steps(self) -> tuple[QWidget, ...]:
        return (
            self.category_step,
            self.words_step,
            self.identity_step,
            self.implicated_step,
            self.review_step,
            self.result_step,
            self.print_step,
        )

    # ---- ResidentScreen -----------------------------------------------------------------

    def screen_title(self) -> str:
        return self.tr("Make a complaint")

    def open_for(self, household_id: int, member_id: int) -> None:
        self.load(household_id)
        # A named complaint is filed in the identified member's name.
        self.set_complainant(member_id)

    def load(self, household_id: int) -> None:
        """A blank complaint for the household: start at the category."""
        self.start_blank(household_id)

    def start_blank(self, household_id: int) -> None:
        member = self._member_of(household_id)
        self.clear()
        self._household_id = household_id
        self._restore_member(member)
        self.retranslate()
        self._show_step(self.category_step)

    def set_complainant(self, member_id: int) -> None:
        """The identified member of the household, who files a named complaint."""
        if self._household_id is None:
            return
        with self.context.sessions() as session:
            name = complainant_name(session, self._household_id, member_id)
        if name is None:
            _log.warning("The identified member is not of the household; no name offered")
            return
        self._member_id, self._member_name = member_id, name

    def _member_of(self, household_id: int) -> tuple[int, str] | None:
        # The identified member stays with a new complaint of the same household.
        if self._member_id is None or self._household_id != household_id:
            return None
        return self._member_id, self._member_name

    def _restore_member(self, member: tuple[int, str] | None) -> None:
        if member is not None:
            self._member_id, self._member_name = member

    def start_from_payment(self, household_id: int, aid_record_id: int, received_fen: int) -> None:
        """A complaint that money of this payment was withheld: the resident said they got
        ``received_fen`` (0 for nothing). Starts at the optional words."""
        with self.context.sessions() as session:
            found = ledger(session, household_id)
        line = next(
            (
                each
                for year in found.years
                for each in year.lines
                if each.aid_record_id == aid_record_id
            ),
            None,
        )
        if line is None:
            # Not this household's payment: a blank complaint is all that can be offered.
            _log.warning("Complaint asked for a payment the household does not have")
            self.start_blank(household_id)
            return
        member = self._member_of(household_id)
        self.clear()
        self._household_id = household_id
        self._restore_member(member)
        self._line = line
        self._claimed_fen = received_fen
        self._category = ComplaintCategory.FUNDS_WITHHELD
        self.payment_summary.show_line(line)
        self.about.show()
        self.retranslate()
        self._open_words()

    def clear(self) -> None:
        """Forget the draft, the words, the phone number, who files and the filed numbers."""
        self.jobs.forget()
        self._household_id = None
        self._line = None
        self._claimed_fen = None
        self._category = None
        self._text = ""
        self._disclosure = None
        self._phone = ""
        self._member_id = None
        self._member_name = ""
        self._choices = ImplicatedChoices()
        self._named = None
        self._filed = None
        self.print_step.clear()
        self.payment_summary.clear()
        self.claim_label.clear()
        self.about.hide()
        self.category_step.mark(None)
        self.words_step.clear()
        self.identity_step.clear()
        self.implicated_step.clear()
        self.review_step.clear()
        self.result_step.clear()
        self._show_step(self.category_step)
        self.retranslate()

    def retranslate(self) -> None:
        self.claim_label.setText(self._claim_text())
        self._show_progress()

    def spoken_text(self) -> str:
        step = self.current_step()
        spoken = getattr(step, "spoken_text", None)
        return str(spoken()) if callable(spoken) else ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_for(event.size())
        super().resizeEvent(event)

    # ---- for the main window and tests ------------------------------------------------

    def current_step(self) -> QWidget:
        step = self.steps.currentWidget()
        assert step is not None
        return step

    def go_back(self) -> bool:
        """One step back; False when the screen itself should be left (then it is cleared)."""
        step = self.current_step()
        if step is self.print_step:
            self._back_from_print()
            return True
        if step is self.result_step:
            self.clear()
            return False
        if step is self.review_step:
            self._open_implicated()
            return True
        if step is self.implicated_step:
            self._open_identity(at_phone=True)
            return True
        if step is self.identity_step:
            if not self.identity_step.go_back():
                self._open_words()
            return True
        if step is self.words_step:
            if self.words_step.go_back():
                return True
            if self._line is None:
                self._open_category()
                return True
        self.clear()
        return False

    def holds_unsent_work(self) -> bool:
        """A complaint is under way (a category or a payment chosen) and not yet filed."""
        return self.draft() is not None and self.current_step() not in (
            self.result_step,
            self.print_step,
        )

    def draft(self) -> ComplaintDraft | None:
        """The complaint as it stands, or None before a category is chosen."""
        if self._category is None:
            return None
        return self._draft_as(self._disclosure or Disclosure.ANONYMOUS, self._phone, self._named)

    def _draft_as(self, level: Disclosure, phone: str, named: Named | None) -> ComplaintDraft:
        assert self._category is not None
        # A village report carries nothing of the household: not even its id.
        about_household = level is not Disclosure.VILLAGE_REPORT
        line = self._line if about_household else None
        return ComplaintDraft(
            category=self._category,
            household_id=self._household_id if about_household else None,
            aid_record_id=line.aid_record_id if line else None,
            claimed_received_fen=self._claimed_fen if line else None,
            text=self._text,
            disclosure=level,
            complainant_member_id=self._member_id if level is Disclosure.NAMED else None,
            contact_phone=phone or None if level is Disclosure.NAMED else None,
            implicated_cadre_codes=named.cadre_codes if named else (),
            implicated_units=named.units if named else (),
        )

    # ---- moving through the steps -------------------------------------------------------

    def _on_category(self, value: str) -> None:
        self._category = ComplaintCategory(value)
        self.category_step.mark(self._category)
        self._open_words()

    def _open_category(self) -> None:
        self.category_step.mark(self._category)
        self._show_step(self.category_step)

    def _open_words(self) -> None:
        self.words_step.start(self._text)
        self._show_step(self.words_step)

    def _on_words(self, text: str) -> None:
        draft = self.draft()
        if draft is None:
            return
        if not self._check(dataclasses.replace(draft, text=text)):
            return
        self._text = text
        self.words_step.accept(text)
        self._open_identity()

    def _open_identity(self, *, at_phone: bool = False) -> None:
        self.identity_step.start(
            disclosure=self._disclosure,
            phone=self._phone,
            at_phone=at_phone,
            named_possible=self._member_id is not None,
            village_possible=self._line is None,
        )
        self._show_step(self.identity_step)

    def _on_identity(self, level_value: str, phone: str) -> None:
        if self._category is None:
            return
        level = Disclosure(level_value)
        # Whom it names is checked on the next step: only the level and the phone here.
        if not self._check(self._draft_as(level, phone, None)):
            return
        self._disclosure = level
        self._phone = phone if level is Disclosure.NAMED else ""
        self._open_implicated()

    def _open_implicated(self) -> None:
        level = self._disclosure or Disclosure.ANONYMOUS
        with self.context.sessions() as session:
            self._choices = implicated_choices(
                session,
                household_id=self._household_id,
                aid_record_id=self._line.aid_record_id if self._line else None,
                disclosure=level,
            )
        self.implicated_step.start(self._choices, self._named)
        # What the step could keep of an earlier answer (a party no longer offered drops).
        self._named = self.implicated_step.named() if self._named is not None else None
        self._show_step(self.implicated_step)

    def _on_implicated(self, named: Named) -> None:
        if self._category is None or self._disclosure is None:
            return
        if not self._check(self._draft_as(self._disclosure, self._phone, named)):
            return
        self._named = named
        self._open_review()

    def _named_words(self) -> tuple[str, ...]:
        """Whom the draft names, one line each: a cadre with their post and unit."""
        named = self._named
        if not named:
            return ()
        cadres = [
            fill(self.tr("%1 (%2, %3)"), cadre.name, cadre.post, cadre.unit)
            for cadre in self._choices.cadres
            if cadre.cadre_code in named.cadre_codes
        ]
        return (*cadres, *(unit.name for unit in named.units))

    def _open_review(self) -> None:
        draft = self.draft()
        if draft is None or self._disclosure is None:
            return
        office_name = ""
        reason: Callable[[], str]
        try:
            with self.context.sessions() as session:
                destination = preview_destination(
                    session, draft, terminal_region_code=self.context.region_code
                )
        except Refused as refused:  # ComplaintRefused or NoDestination
            reason = worded(refused.reason)
        else:
            office_name = destination.office_name
            reasons = destination.reasons

            def reason() -> str:
                return reasons_text(reasons)

        self.review_step.show_review(
            Review(
                category=draft.category,
                line=self._line,
                claimed_received_fen=self._claimed_fen,
                text=self._text,
                disclosure=self._disclosure,
                complainant_name=self._member_name,
                phone=self._phone,
                implicated=self._named_words,
                office_name=office_name,
                routing_reason=reason,
            )
        )
        self._show_step(self.review_step)

    def _change(self) -> None:
        # Back to the first step, every answer kept and shown: the resident walks through
        # again and changes only what they want to.
        if self._line is None:
            self._open_category()
        else:
            self._open_words()

    def _send(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        sessions, kiosk_code = self.context.sessions, self.context.kiosk_code
        region_code = self.context.region_code
        now = self.context.clock().astimezone(UTC)
        wake = self.context.wake_outbox
        self.jobs.op(
            lambda: file_complaint(
                sessions,
                draft,
                kiosk_code=kiosk_code,
                terminal_region_code=region_code,
                now=now,
                wake=wake,
            )
        ).success(self._on_filed).failure(self._on_not_filed).run()

    def _on_filed(self, filed: FiledComplaint) -> None:
        self._filed = filed
        self.result_step.show_filed(filed.tracking_number, filed.secret, filed.office_name)
        # The draft is done with: only the two numbers stay, until the resident leaves.
        self._text = ""
        self._phone = ""
        self.words_step.clear()
        self.identity_step.clear()
        self.implicated_step.clear()
        self.review_step.clear()
        self._show_step(self.result_step)
        self.filed.emit()

    def _preview_receipt(self) -> None:
        filed, signer = self._filed, self.context.document_signer
        if filed is None or signer is None:
            return
        if self.print_step.holds_document():
            # Its receipt is made already (and may be printing): show it as it stands.
            self._show_step(self.print_step)
            return
        now = self.context.clock()

        def issue() -> IssuedDocument:
            return issue_receipt(filed, signer=signer, now=now)

        self.print_step.show_document(
            issue,
            title=lambda: self.tr("Your receipt"),
            fallback=lambda: self.tr(
                "Touch Try again, or go Back and write both numbers down instead."
            ),
        )
        self._show_step(self.print_step)

    def _back_from_print(self) -> None:
        self.result_step.set_print_failed(self.print_step.state() is PrintState.FAILED)
        self._show_step(self.result_step)

    def _on_not_filed(self, error: Exception) -> None:
        if isinstance(error, ComplaintRefused):
            self._refuse(error)
            return
        _log.error("A complaint could not be saved", exc_info=error)
        self.review_step.refuse_because(
            lambda: self.tr(
                "The complaint could not be saved. Touch Send again; if that fails too,"
                " please ask staff for help."
            )
        )

    def _check(self, draft: ComplaintDraft) -> bool:
        """Whether the service accepts ``draft``; if not, the reason is shown at its field."""
        try:
            with self.context.sessions() as session:
                validate_draft(session, draft)
        except ComplaintRefused as refused:
            self._refuse(refused)
            return False
        return True

    def _refuse(self, refused: ComplaintRefused) -> None:
        where = _FIELD_STEPS.get(refused.field, "review")
        if where == "category":
            self._open_category()
            return
        if where == "words":
            if self.current_step() is not self.words_step:
                self._open_words()
            self.words_step.refuse(refused.reason)
        elif where == "identity":
            if self.current_step() is not self.identity_step:
                self._open_identity()
            self.identity_step.refuse(refused.reason)
        elif where == "implicated" or (
            refused.field == "implicated_cadre_codes"
            and self.current_step() is self.implicated_step
        ):
            if self.current_step() is not self.implicated_step:
                self._open_implicated()
            self.implicated_step.refuse(refused.reason)
        else:
            self.review_step.refuse(refused.reason)

    # ---- showing ------------------------------------------------------------------------

    def _show_step(self, shown: QWidget) -> None:
        self.steps.show_step(shown)
        self._show_progress()

    def _arrange_for(self, size: QSize) -> None:
        landscape = size.width() > size.height()
        self.words_step.set_direction(landscape)
        self.result_step.set_direction(landscape)
        self.print_step.set_direction(landscape)

    def _show_progress(self) -> None:
        text = self._progress_text()
        self.progress.setText(text)
        # No empty line above the result: that step needs all of a low screen's height.
        if self.progress.isHidden() == bool(text):
            self.progress.setVisible(bool(text))

    def _progress_text(self) -> str:
        order: list[QWidget] = [
            self.words_step,
            self.identity_step,
            self.implicated_step,
            self.review_step,
        ]
        if self._line is None:
            order.insert(0, self.category_step)
        step = self.steps.currentWidget()
        # Not over the keyboard either: its keys need all of a low screen's height.
        if step not in order or (step is self.words_step and self.words_step.typing()):
            return ""
        return fill(self.tr("Step %1 of %2"), order.index(step) + 1, len(order))

    def _claim_text(self) -> str:
        line, claimed = self._line, self._claimed_fen
        if line is None or claimed is None:
            return ""
        if claimed == 0:
            return fill(
                self.tr("You said you received nothing of the %1 recorded."),
                format_fen(line.amount_fen),
            )
        return fill(
            self.tr("You said you received %1 of the %2 recorded."),
            format_fen(claimed),
            format_fen(line.amount_fen),
        )
