"""The household certificate: its facts, fifteen members on the page, and how to verify it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kiosk.domain.poverty import BAND_LABELS, Band
from kiosk.services.printing.certificate import (
    CertificateMember,
    certificate_content,
    render_certificate,
)
from kiosk.services.printing.content import read_embedded_content
from kiosk.services.printing.layout import A4_MARGIN
from tests.services.printing import pdf_tools
from tests.services.printing.samples import LONG_NAME, certificate_facts, members

_PAGE_LABEL = re.compile(r"第\s*(\d+)\s*页\s*/\s*共\s*(\d+)\s*页")


@pytest.fixture
def fifteen(tmp_path: Path, qr_text: str) -> Path:
    """A certificate of a household of 15 members, the last with a 60-character name."""
    crowd = (*members(14), CertificateMember(LONG_NAME, "其他", "5227**********0000"))
    pdf = render_certificate(certificate_facts(members=crowd), qr_text)
    return pdf_tools.write(pdf, tmp_path / "certificate.pdf")


def test_qr_scans_and_font_is_embedded(fifteen: Path, tmp_path: Path, qr_text: str) -> None:
    """The QR decodes to the payload and every font is embedded WenQuanYi."""
    png = pdf_tools.render_pngs(fifteen, tmp_path / "c", last=1)[0]
    assert pdf_tools.decode_qr(png) == qr_text
    fonts = pdf_tools.fonts(fifteen)
    assert fonts and all(f.embedded and "WenQuanYi" in f.name for f in fonts), fonts


def test_fifteen_members_all_listed_within_the_margins(fifteen: Path) -> None:
    """All fifteen members are printed, the long name wrapped inside the page, pages counted."""
    squeezed = pdf_tools.squeezed(pdf_tools.text(fifteen))
    for member in members(14):
        assert member.name in squeezed and member.id_masked in squeezed
    assert LONG_NAME in squeezed
    assert "家庭成员共15人" in squeezed
    assert pdf_tools.words_outside(fifteen, A4_MARGIN) == []
    total = pdf_tools.page_count(fifteen)
    labels = [(int(a), int(b)) for a, b in _PAGE_LABEL.findall(pdf_tools.text(fifteen))]
    assert labels == [(k, total) for k in range(1, total + 1)]


def test_more_members_than_a_page_holds_continue_with_the_header(
    tmp_path: Path, qr_text: str
) -> None:
    """Forty members run on to a second page, which repeats the members' table header."""
    pdf = pdf_tools.write(render_certificate(certificate_facts(40), qr_text), tmp_path / "c.pdf")
    total = pdf_tools.page_count(pdf)
    assert total >= 2
    squeezed_all = pdf_tools.squeezed(pdf_tools.text(pdf))
    assert all(m.name in squeezed_all for m in members(40))
    pages_with_members = 0
    for k in range(1, total + 1):
        page = pdf_tools.squeezed(pdf_tools.text(pdf, page=k))
        assert f"第{k}页/共{total}页" in page
        if any(m.name in page for m in members(40)):
            pages_with_members += 1
            assert "与户主关系" in page, k
    assert pages_with_members >= 2


def test_prints_status_band_place_dates_use_and_how_to_verify(fifteen: Path) -> None:
    """What a school or hospital reads: status, band, place, dates, use, number, verification."""
    squeezed = pdf_tools.squeezed(pdf_tools.text(fifteen))
    for expected in (
        "建档立卡脱贫户", BAND_LABELS[Band.AT_RISK][0],
        "贵州省黔南布依族苗族自治州龙里县冠山街道高坡村",
        "子女入学、就医证明", "2026-12-07", "有效期至", "2027-06-06", "HC-522730-2026-000456",
        "kioskverify", "扫描二维码", "王德明", "5227**********1234",
    ):  # fmt: skip
        assert expected in squeezed, expected


def test_no_full_id_or_mobile_number_in_the_text(fifteen: Path) -> None:
    """Nothing on the certificate reads as an 18-digit ID number or a mobile number."""
    text = pdf_tools.squeezed(pdf_tools.text(fifteen))
    assert not pdf_tools.UNMASKED_ID.search(text)
    assert not pdf_tools.MOBILE.search(text)


def test_a_member_with_an_unmasked_id_is_refused() -> None:
    """A member's full ID number cannot reach the certificate."""
    with pytest.raises(ValueError) as raised:
        CertificateMember("王芳", "长女", "522730200501011238")
    assert "522730200501011238" not in str(raised.value)


def test_valid_until_before_issue_is_refused() -> None:
    """A certificate cannot expire before it is issued."""
    with pytest.raises(ValueError):
        certificate_facts(valid_until=date(2026, 1, 1))


def test_content_is_embedded_and_tells_an_altered_fact(fifteen: Path) -> None:
    """The subject holds the content; another band or validity gives other content."""
    crowd = (*members(14), CertificateMember(LONG_NAME, "其他", "5227**********0000"))
    facts = certificate_facts(members=crowd)
    assert read_embedded_content(fifteen) == certificate_content(facts)
    assert certificate_content(certificate_facts(band=Band.STABLE)) != certificate_content(
        certificate_facts()
    )
