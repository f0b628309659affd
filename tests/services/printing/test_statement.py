"""The aid ledger statement, on A4 and on the roll: every payment, right totals, pages that
count themselves, and names that wrap instead of running off the paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.services.printing.content import read_embedded_content
from kiosk.services.printing.fonts import register_font
from kiosk.services.printing.layout import A4_MARGIN, ROLL_MARGIN
from kiosk.services.printing.statement import (
    Payment,
    PaymentCheck,
    statement_content,
    summarise,
    yuan_text,
)
from kiosk.services.printing.statement_a4 import render_statement_a4
from kiosk.services.printing.statement_roll import render_statement_roll
from tests.services.printing import pdf_tools
from tests.services.printing.samples import LONG_NAME, payments, statement_facts

_PAGE_LABEL = re.compile(r"第\s*(\d+)\s*页\s*/\s*共\s*(\d+)\s*页")


@pytest.fixture(scope="module")
def big_a4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A4 statement of 400 payments, its head a 60-character name (built once: ~3 s)."""
    facts = statement_facts(400, head=LONG_NAME)
    pdf = render_statement_a4(facts, "KC1:" + "0123456789ABCDEF" * 15)
    return pdf_tools.write(pdf, tmp_path_factory.mktemp("a4") / "statement.pdf")


@pytest.mark.parametrize("render", [render_statement_a4, render_statement_roll], ids=["a4", "roll"])
def test_qr_scans_and_font_is_embedded(render: object, tmp_path: Path, qr_text: str) -> None:
    """Both layouts: the QR decodes to the payload; every font is embedded WenQuanYi."""
    assert callable(render)
    pdf = pdf_tools.write(render(statement_facts(), qr_text), tmp_path / "s.pdf")
    png = pdf_tools.render_pngs(pdf, tmp_path / "s", last=1)[0]
    assert pdf_tools.decode_qr(png) == qr_text
    fonts = pdf_tools.fonts(pdf)
    assert fonts and all(f.embedded and "WenQuanYi" in f.name for f in fonts), fonts


def test_totals_per_year_and_overall_are_printed(tmp_path: Path, qr_text: str) -> None:
    """The head's name, masked ID, each year's total, the grand total and the counts."""
    facts = statement_facts(30)
    summary = summarise(facts)
    assert summary.total_fen == sum(p.amount_fen for p in facts.payments)
    assert sum(fen for _, _, fen in summary.by_year) == summary.total_fen
    for render in (render_statement_a4, render_statement_roll):
        pdf = pdf_tools.write(render(facts, qr_text), tmp_path / "s.pdf")
        squeezed = pdf_tools.squeezed(pdf_tools.text(pdf))
        assert "王德明" in squeezed and "5227**********1234" in squeezed
        assert yuan_text(summary.total_fen) in squeezed
        for year, _, fen in summary.by_year:
            assert f"{year}年" in squeezed and yuan_text(fen) in squeezed
        assert "已确认10" in squeezed.replace("本人", "").replace("笔", "")
        assert "有异议10" in squeezed.replace("笔", "")


def test_amounts_have_two_decimals_and_commas() -> None:
    """Fen become yuan with exactly two decimals."""
    assert yuan_text(800_000) == "8,000.00"
    assert yuan_text(5) == "0.05"


def test_four_hundred_payments_page_x_of_y_with_header_on_every_page(big_a4: Path) -> None:
    """Every page says 第 k 页 / 共 N 页 for its own k and the true N, and repeats the header."""
    total = pdf_tools.page_count(big_a4)
    assert total >= 10
    for k in range(1, total + 1):
        text = pdf_tools.text(big_a4, page=k)
        labels = [(int(a), int(b)) for a, b in _PAGE_LABEL.findall(text)]
        assert labels == [(k, total)], (k, labels)
        squeezed = pdf_tools.squeezed(text)
        for heading in ("发放日期", "资金项目", "领取人", "金额（元）", "核对"):
            assert heading in squeezed, (k, heading)


def test_no_payment_is_lost_across_page_breaks(big_a4: Path) -> None:
    """All 400 amounts and line numbers 1..400 are in the text of the pages together."""
    facts = statement_facts(400, head=LONG_NAME)
    text = pdf_tools.text(big_a4)
    numbers = set(re.findall(r"^\s*(\d+)\s*$", text, re.MULTILINE))
    assert {str(i) for i in range(1, 401)} <= numbers
    for payment in facts.payments:
        assert yuan_text(payment.amount_fen) in text


def test_sixty_character_name_wraps_inside_the_margins(big_a4: Path, tmp_path: Path) -> None:
    """The 60-character name stays within the printable width on A4 and on the roll."""
    assert pdf_tools.words_outside(big_a4, A4_MARGIN) == []
    roll = render_statement_roll(statement_facts(20, head=LONG_NAME), "KC1:ABC")
    roll_pdf = pdf_tools.write(roll, tmp_path / "roll.pdf")
    assert pdf_tools.words_outside(roll_pdf, ROLL_MARGIN) == []
    assert LONG_NAME in pdf_tools.squeezed(pdf_tools.text(roll_pdf))


def test_the_margin_check_sees_text_that_runs_off(tmp_path: Path) -> None:
    """The check above fails on a name drawn without wrapping, so it can catch an overflow."""
    path = tmp_path / "overflow.pdf"
    canvas = Canvas(str(path), pagesize=(80 * mm, 100 * mm))
    canvas.setFont(register_font(), 9)
    canvas.drawString(ROLL_MARGIN, 50 * mm, LONG_NAME)
    canvas.save()
    assert pdf_tools.words_outside(path, ROLL_MARGIN)


def test_roll_with_many_payments_goes_on_over_counted_pages(tmp_path: Path) -> None:
    """Past a metre, the roll continues on further pages, each counted, nothing lost."""
    facts = statement_facts(300)
    pdf = pdf_tools.write(render_statement_roll(facts, "KC1:ABC"), tmp_path / "roll.pdf")
    total = pdf_tools.page_count(pdf)
    assert total > 1
    assert pdf_tools.page_size(pdf)[0] == pytest.approx(80 * mm, abs=0.1)
    labels = [(int(a), int(b)) for a, b in _PAGE_LABEL.findall(pdf_tools.text(pdf))]
    assert labels == [(k, total) for k in range(1, total + 1)]
    text = pdf_tools.text(pdf)
    assert all(yuan_text(p.amount_fen) in text for p in facts.payments)


def test_no_full_id_or_mobile_number_in_the_text(big_a4: Path) -> None:
    """Nothing on the page reads as an 18-digit ID number or a mobile number."""
    text = pdf_tools.squeezed(pdf_tools.text(big_a4))
    assert not pdf_tools.UNMASKED_ID.search(text)
    assert not pdf_tools.MOBILE.search(text)


@pytest.mark.parametrize("value", ["522730199001011234", "52273019900101123X", "5227 1990 0101"])
def test_an_unmasked_id_number_is_refused(value: str) -> None:
    """An ID field without '*' (or with too much showing) is refused, never quoted."""
    with pytest.raises(ValueError) as raised:
        statement_facts(head_id_masked=value)
    assert value not in str(raised.value)


def test_content_is_the_same_for_both_layouts_and_embedded(tmp_path: Path, qr_text: str) -> None:
    """Both layouts carry the same canonical content; changing one amount changes it."""
    facts = statement_facts(12)
    content = statement_content(facts)
    for render in (render_statement_a4, render_statement_roll):
        pdf = pdf_tools.write(render(facts, qr_text), tmp_path / "s.pdf")
        assert read_embedded_content(pdf) == content
    first = facts.payments[0]
    changed = Payment(first.paid_on, first.programme, first.member, first.amount_fen + 1,
                      first.check)  # fmt: skip
    altered = statement_facts(12, payments=(changed, *facts.payments[1:]))
    assert statement_content(altered) != content


def test_payment_amount_must_be_positive_fen() -> None:
    """Floats and non-positive amounts are refused: money is integer fen."""
    with pytest.raises(TypeError):
        Payment(payments(1)[0].paid_on, "医疗救助", "王芳", 80.5, PaymentCheck.CONFIRMED)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Payment(payments(1)[0].paid_on, "医疗救助", "王芳", 0, PaymentCheck.CONFIRMED)
