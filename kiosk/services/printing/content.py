"""The canonical content of a printed record: the bytes a signature's hash is taken over.

Each document module has a ``*_content(facts)`` function giving the facts printed on the
record as one line of JSON, UTF-8, keys sorted, no spaces, non-ASCII written as itself.
The same facts always give the same bytes, whichever layout (roll or A4) prints them and
whatever time zone the machine is in (times are written in UTC), so a signer hashes these
bytes and a verifier compares the hash.

Where the verifier finds them: every PDF made here carries its content, exactly, in the
document information dictionary's ``/Subject`` (a PDF text string, UTF-16 inside the file).
``pdfinfo -enc UTF-8 FILE`` prints it on the ``Subject:`` line, since JSON escapes any line
break; :func:`read_embedded_content` does that. Text extraction with ``pdftotext`` was not
chosen: its output depends on layout and on the poppler version, so the bytes a verifier
extracted would not reliably be the bytes that were signed.

What the content never holds: a complaint's secret. The signed payload carries a hash of
the content, and a hash over six digits plus facts printed beside them is undone by trying
all million secrets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.document_reading import pdf_subject

CONTENT_VERSION = 1

JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


class NoEmbeddedContentError(ValueError):
    """The PDF carries no content made by this module (not ours, or its metadata was cut)."""


def utc_text(moment: datetime) -> str:
    """An aware time as ``2026-12-07T07:35:44Z``: one instant, one text, in any zone."""
    if moment.tzinfo is None:
        raise ValueError("a printed time must be aware (with its time zone)")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical_content(document: str, facts: Mapping[str, JsonValue]) -> bytes:
    """The content bytes of a ``document`` kind with these ``facts``."""
    if "document" in facts or "version" in facts:
        raise ValueError("'document' and 'version' are set here, not by the facts")
    body = {"document": document, "version": CONTENT_VERSION, **facts}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def subject_text(content: bytes) -> str:
    """The ``/Subject`` a PDF carries for ``content`` (its text, unchanged)."""
    return content.decode("utf-8")


def read_embedded_content(pdf: Path) -> bytes:
    """The content bytes a PDF made here carries, read back with poppler's ``pdfinfo``
    (:func:`kiosk.domain.document_reading.pdf_subject`, which the verifiers use too).

    Raises :class:`NoEmbeddedContentError` when the subject is missing or is not our JSON.
    """
    text = pdf_subject(pdf)
    if text is not None:
        try:
            body = json.loads(text)
        except json.JSONDecodeError:
            body = None
        if isinstance(body, dict) and body.get("version") == CONTENT_VERSION:
            return text.encode("utf-8")
    raise NoEmbeddedContentError("the PDF carries no printed-record content")
