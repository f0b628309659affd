"""The font is found or missing in plain words; content is canonical JSON, read back exactly."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from kiosk.services.printing import fonts
from kiosk.services.printing.content import (
    NoEmbeddedContentError,
    canonical_content,
    read_embedded_content,
    utc_text,
)


def test_font_file_is_the_wenquanyi_collection() -> None:
    """fontconfig (or a known path) gives the TrueType collection reportlab embeds."""
    path = fonts.find_font_file()
    assert path.is_file() and path.suffix == ".ttc"
    assert fonts.register_font() == fonts.register_font() == fonts.FONT_NAME


def test_missing_font_names_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With no fontconfig match and no known path, the error says what to install."""
    monkeypatch.setattr(fonts, "_fontconfig_file", lambda: None)
    monkeypatch.setattr(fonts, "KNOWN_PATHS", (tmp_path / "absent.ttc",))
    with pytest.raises(fonts.FontMissingError, match="fonts-wqy-microhei"):
        fonts.find_font_file()


def test_characters_no_installed_face_has_are_reported() -> None:
    """Extension G (2020) is newer than every face here; Extension B has a fallback."""
    newer = "\U0003134a"
    assert fonts.missing_characters(f"王{newer}𠮷芳") == {newer}
    assert fonts.missing_characters("王德明 李秀英") == set()


def test_canonical_content_is_sorted_compact_utf8() -> None:
    """Key order and spacing never change the bytes; Chinese is written as itself."""
    a = canonical_content("x", {"b": 1, "a": "王芳"})
    b = canonical_content("x", {"a": "王芳", "b": 1})
    assert a == b == '{"a":"王芳","b":1,"document":"x","version":1}'.encode()
    assert json.loads(a)["a"] == "王芳"


def test_naive_times_are_refused() -> None:
    """A time without a zone could be read two ways, so content refuses it."""
    with pytest.raises(ValueError):
        utc_text(datetime(2026, 12, 7, 15, 35))


def test_pdf_without_our_content_is_reported(tmp_path: Path) -> None:
    """A PDF made elsewhere has no content to verify, and says so."""
    path = tmp_path / "other.pdf"
    canvas = Canvas(str(path))
    canvas.setSubject("a letter")
    canvas.drawString(50, 50, "hello")
    canvas.save()
    with pytest.raises(NoEmbeddedContentError):
        read_embedded_content(path)
