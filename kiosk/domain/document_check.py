"""One check of a printed record from whatever was handed over: read it, verify its QR
code, and compare the PDF's content with the hash the code signed.

``kiosk verify`` and the central server's verify page both call :func:`check_document` and
word its :class:`Verdict` with :mod:`kiosk.domain.document_words`, so the two can never
disagree on what a record is. The order of the verdicts is the order of what is looked at:
a code that cannot be read, a key nobody published, a signature that does not verify, a key
that was revoked, and only then whether the content is the one that was signed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.document_reading import (
    InputKind,
    ReadDocument,
    ReadError,
    ReadProblem,
    read_document,
)
from kiosk.domain.signed_document import (
    PublishedKey,
    Status,
    Verification,
    matches_content,
    verify,
)


class Verdict(StrEnum):
    """What a record turned out to be; only VALID is a pass."""

    VALID = "valid"
    #: The signature is good, but the PDF's content is not the content that was signed.
    ALTERED = "altered"
    REVOKED_KEY = "revoked_key"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_KEY = "unknown_key"
    MALFORMED = "malformed"
    #: Nothing could be read: see :attr:`Check.read_problem`.
    UNREADABLE = "unreadable"


_FROM_STATUS = {
    Status.VALID: Verdict.VALID,
    Status.REVOKED_KEY: Verdict.REVOKED_KEY,
    Status.BAD_SIGNATURE: Verdict.BAD_SIGNATURE,
    Status.UNKNOWN_KEY: Verdict.UNKNOWN_KEY,
    Status.MALFORMED: Verdict.MALFORMED,
}
#: Best first: of several codes in one input, the one that says most is reported.
_RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}


@dataclass(frozen=True)
class Check:
    """The outcome of one check.

    ``verification`` is set once a QR text was read. ``content_checked`` says whether a
    PDF's content was compared with the signed hash (never for a photo or a pasted text:
    then the reader compares the printed facts with the signed ones shown). ``revoked_at``
    is the key's revocation time for REVOKED_KEY.
    """

    verdict: Verdict
    verification: Verification | None = None
    kind: InputKind | None = None
    content_checked: bool = False
    read_problem: ReadProblem | None = None
    revoked_at: datetime | None = None

    @property
    def valid(self) -> bool:
        return self.verdict is Verdict.VALID


def _one(text: str, document: ReadDocument, keys: Mapping[str, PublishedKey]) -> Check:
    result = verify(text, keys)
    verdict = _FROM_STATUS[result.status]
    revoked_at = None
    if result.status is Status.REVOKED_KEY and result.key_id is not None:
        revoked_at = keys[result.key_id].revoked_at
    checked = False
    if verdict is Verdict.VALID and document.content is not None:
        checked = True
        if not matches_content(result, document.content):
            verdict = Verdict.ALTERED
    return Check(verdict, result, document.kind, checked, revoked_at=revoked_at)


def check_read(document: ReadDocument, keys: Mapping[str, PublishedKey]) -> Check:
    """The check of what was read from an input, against the published keys."""
    checks = [_one(text, document, keys) for text in document.payloads]
    if not checks:
        return Check(Verdict.UNREADABLE, kind=document.kind, read_problem=ReadProblem.NO_CODE)
    return min(checks, key=lambda check: _RANK[check.verdict])


def check_document(data: bytes, keys: Mapping[str, PublishedKey]) -> Check:
    """Read ``data`` (a PDF, a photo or the QR text) and check it; never raises for bad
    input (a missing tool is :attr:`ReadProblem.TOOL_MISSING`)."""
    try:
        document = read_document(data)
    except ReadError as exc:
        return Check(Verdict.UNREADABLE, read_problem=exc.problem)
    return check_read(document, keys)
