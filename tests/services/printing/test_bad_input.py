"""Hard input on paper: a household of 12 members and 300 payments, 30-character names and
characters beyond the main font (䶮, 𠮷, 㑇). Nothing runs off the page; nothing is dropped;
every rare character is drawn by an embedded fallback face and copies back as itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.services.printing import fonts
from kiosk.services.printing.certificate import CertificateMember, render_certificate
from kiosk.services.printing.layout import A4_MARGIN, ROLL_MARGIN
from kiosk.services.printing.statement import yuan_text
from kiosk.services.printing.statement_a4 import render_statement_a4
from kiosk.services.printing.statement_roll import render_statement_roll
from tests.services.printing import pdf_tools
from tests.services.printing.samples import RELATIONS, certificate_facts, payments, statement_facts

RARE = "䶮𠮷㑇"
HEAD = "王䶮"
THIRTY = "欧阳𠮷" + "明德秀英㑇" * 5 + "小军"  # a 30-character name, rare ones inside
assert len(THIRTY) == 30
NAMES = (HEAD, THIRTY, "李㑇芳", "𠮷田", *(f"王{c}" for c in "德明秀英小军芳丽"))
assert len(NAMES) == 12


def _twelve() -> tuple[CertificateMember, ...]:
    return tuple(
        CertificateMember(name, RELATIONS[i % len(RELATIONS)], f"5227**********{2000 + i}")
        for i, name in enumerate(NAMES)
    )


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The certificate of the twelve, and their statement of 300 payments on A4 and roll."""
    folder = tmp_path_factory.mktemp("hard")
    qr = "KC1:" + "0123456789ABCDEF" * 15
    facts = statement_facts(300, head=HEAD)
    # Payments to every member, the 30-character name among them.
    facts = type(facts)(**{**facts.__dict__, "payments": payments(300, names=NAMES)})
    certificate = certificate_facts(members=_twelve(), head_name=HEAD)
    return {
        "a4": pdf_tools.write(render_statement_a4(facts, qr), folder / "statement-a4.pdf"),
        "roll": pdf_tools.write(render_statement_roll(facts, qr), folder / "statement-roll.pdf"),
        "certificate": pdf_tools.write(render_certificate(certificate, qr), folder / "cert.pdf"),
    }


def test_every_rare_character_has_a_face() -> None:
    """Micro Hei lacks them; the fallback faces installed with it have them all."""
    assert fonts.missing_characters(RARE + THIRTY) == set()
    assert {face for face, _ in fonts.runs(RARE)} <= {f.name for f in fonts.FALLBACKS}
    assert fonts.runs("王德明") == [(fonts.FONT_NAME, "王德明")]


def test_markup_sets_only_rare_runs_in_a_fallback_and_escapes() -> None:
    """Common text stays in the main face; markup characters are escaped in every run."""
    text = fonts.markup("王𠮷<b>&")
    assert text.startswith("王<font face=") and text.endswith("</font>&lt;b&gt;&amp;")
    assert "𠮷" in text


def test_without_the_fallbacks_rare_characters_are_reported_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A terminal without fonts-hanazono names the characters it cannot print."""
    monkeypatch.setattr(fonts, "_fallbacks", [])
    assert fonts.missing_characters("王𠮷㑇芳") == {"𠮷", "㑇"}


@pytest.mark.parametrize("name", ["a4", "roll", "certificate"])
def test_nothing_runs_off_the_paper(documents: dict[str, Path], name: str) -> None:
    margin = ROLL_MARGIN if name == "roll" else A4_MARGIN
    assert pdf_tools.words_outside(documents[name], margin) == []


@pytest.mark.parametrize("name", ["a4", "roll", "certificate"])
def test_rare_characters_are_embedded_and_read_back(documents: dict[str, Path], name: str) -> None:
    """Every font is embedded; the fallback faces are among them; the text copied out of
    the PDF holds every name whole, rare characters included (not a gap, not a wrong one)."""
    found = pdf_tools.fonts(documents[name])
    assert all(f.embedded for f in found), found
    assert any("HanaMin" in f.name for f in found), found
    text = pdf_tools.squeezed(pdf_tools.text(documents[name]))
    assert HEAD in text
    for member in NAMES if name == "certificate" else (HEAD,):
        assert member in text, member


def test_twelve_members_each_listed_once_on_the_certificate(documents: dict[str, Path]) -> None:
    text = pdf_tools.squeezed(pdf_tools.text(documents["certificate"]))
    assert "家庭成员共12人" in text
    for i, member in enumerate(NAMES):
        assert f"5227**********{2000 + i}" in text
        assert member in text


@pytest.mark.parametrize("name", ["a4", "roll"])
def test_three_hundred_payments_every_amount_on_counted_pages(
    documents: dict[str, Path], name: str
) -> None:
    pdf = documents[name]
    total = pdf_tools.page_count(pdf)
    assert total > 1
    text = pdf_tools.text(pdf)
    assert pdf_tools.squeezed(text).count(f"/共{total}页") == total
    facts_payments = payments(300, names=NAMES)
    assert all(yuan_text(p.amount_fen) in text for p in facts_payments)
    squeezed = pdf_tools.squeezed(text)
    assert THIRTY in squeezed  # the 30-character payee, wrapped inside its column
