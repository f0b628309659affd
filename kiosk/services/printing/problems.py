"""Why a record could not be issued: codes the screens word (kept apart from
:mod:`.issue` so the words can be looked up without loading reportlab)."""

from __future__ import annotations

from enum import StrEnum


class IssueProblem(StrEnum):
    """Why a record could not be issued."""

    #: This terminal has no document key (``kiosk keygen`` was not run): nothing is signed.
    NO_DOCUMENT_KEY = "issue-no-document-key"
    #: The facts could not be put into a signed payload or onto the page.
    BAD_FACTS = "issue-bad-facts"
