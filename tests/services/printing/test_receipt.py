"""The complaint receipt: readable, scannable, embedded font, and content that can be signed."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from kiosk.services.printing.content import read_embedded_content
from kiosk.services.printing.layout import ROLL_MARGIN
from kiosk.services.printing.receipt import receipt_content, render_receipt
from tests.services.printing import pdf_tools
from tests.services.printing.samples import SECRET, TRACKING, receipt_facts


@pytest.fixture
def receipt_pdf(tmp_path: Path, qr_text: str) -> Path:
    return pdf_tools.write(render_receipt(receipt_facts(), qr_text), tmp_path / "receipt.pdf")


def test_qr_code_scans_back_to_the_payload(receipt_pdf: Path, tmp_path: Path, qr_text: str) -> None:
    """zbar reads the printed QR at 150 dpi and gets exactly the signed payload."""
    (png,) = pdf_tools.render_pngs(receipt_pdf, tmp_path / "receipt")
    assert pdf_tools.decode_qr(png) == qr_text


def test_font_is_embedded(receipt_pdf: Path) -> None:
    """Every font is embedded, and the Chinese one is WenQuanYi, so no printer substitutes."""
    fonts = pdf_tools.fonts(receipt_pdf)
    assert fonts and all(f.embedded for f in fonts), fonts
    assert any("WenQuanYi" in f.name and f.type == "TrueType" for f in fonts)


def test_one_roll_page_80_mm_wide(receipt_pdf: Path) -> None:
    """The receipt is one page of the 80 mm roll, as long as its content."""
    width, height = pdf_tools.page_size(receipt_pdf)
    assert pdf_tools.page_count(receipt_pdf) == 1
    assert width == pytest.approx(80 * mm, abs=0.1)
    assert 100 * mm < height < 250 * mm


def test_prints_what_the_resident_needs(receipt_pdf: Path) -> None:
    """Tracking number in groups of four, secret, office, Beijing time, terminal, how to check."""
    text = pdf_tools.text(receipt_pdf)
    assert "3841 2290 5738" in text and TRACKING == "384122905738"
    squeezed = pdf_tools.squeezed(text)
    for expected in (
        SECRET, "请妥善保管，不要告诉他人", "黔南州监察委员会第三纪检监察室",
        "2026-12-0715:35（北京时间）", "LL-GS-0003", "“查询我的投诉”", "12388",
        "https://jw.example.gov.cn/cx",
    ):  # fmt: skip
        assert expected in squeezed, expected


def test_without_hotline_or_website_only_the_terminal_way_is_printed(
    tmp_path: Path, qr_text: str
) -> None:
    """With no phone or website given, the receipt names only the terminals."""
    pdf = pdf_tools.write(
        render_receipt(receipt_facts(hotline=None, website=None), qr_text), tmp_path / "r.pdf"
    )
    squeezed = pdf_tools.squeezed(pdf_tools.text(pdf))
    assert "查询我的投诉" in squeezed
    assert "电话查询" not in squeezed and "网上查询" not in squeezed


def test_long_office_name_wraps_inside_the_paper(tmp_path: Path, qr_text: str) -> None:
    """An office name of 90 characters wraps within the 72 mm printable width."""
    office = "中共黔南布依族苗族自治州龙里县纪律检查委员会派驻第三纪检监察组" * 3
    pdf = pdf_tools.write(render_receipt(receipt_facts(office=office), qr_text), tmp_path / "r.pdf")
    assert pdf_tools.words_outside(pdf, ROLL_MARGIN) == []
    assert pdf_tools.squeezed(office) in pdf_tools.squeezed(pdf_tools.text(pdf))
    assert pdf_tools.page_count(pdf) == 1


def test_content_is_embedded_and_leaves_out_the_secret(receipt_pdf: Path) -> None:
    """The PDF's subject holds the canonical content, which has the facts but not the secret."""
    content = receipt_content(receipt_facts())
    assert read_embedded_content(receipt_pdf) == content
    assert TRACKING.encode() in content
    assert SECRET.encode() not in content


def test_content_is_the_same_instant_in_any_zone_and_changes_with_a_fact() -> None:
    """The same moment written in another zone gives the same bytes; another office does not."""
    facts = receipt_facts()
    local = facts.filed_at.astimezone(timezone(timedelta(hours=8)))
    assert receipt_content(receipt_facts(filed_at=local)) == receipt_content(facts)
    assert receipt_content(receipt_facts(office="另一个纪检监察室")) != receipt_content(facts)


def test_same_facts_make_the_same_pdf(qr_text: str) -> None:
    """No build time or random file id: reprinting gives the same bytes."""
    assert render_receipt(receipt_facts(), qr_text) == render_receipt(receipt_facts(), qr_text)


def test_a_payload_holding_the_secret_is_refused(qr_text: str) -> None:
    """A caller's slip that puts the secret into the QR is caught before anything prints."""
    with pytest.raises(ValueError) as raised:
        render_receipt(receipt_facts(), qr_text[:100] + SECRET + qr_text[100:])
    assert SECRET not in str(raised.value)


def test_secret_stays_out_of_repr() -> None:
    """A receipt's facts can be logged without the secret."""
    assert SECRET not in repr(receipt_facts())


@pytest.mark.parametrize(
    "changes",
    [
        {"tracking_number": "384122905739"},  # wrong check digit
        {"secret": "48291"},
        {"hotline": "13812345678"},  # a person's mobile, not a service line
        {"office": " "},
    ],
    ids=["tracking", "secret", "mobile", "office"],
)
def test_bad_facts_are_refused_without_quoting_them(changes: dict[str, str]) -> None:
    """Facts a receipt must not print are refused, and the error never repeats the digits."""
    with pytest.raises(ValueError) as raised:
        receipt_facts(**changes)
    for value in changes.values():
        if value.strip():
            assert value not in str(raised.value)
