"""The words of a record's check: every code has both languages, facts read as people
write them, and only a valid record reads as valid."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.document_check import Check, Verdict, check_document, check_read
from kiosk.domain.document_reading import InputKind, ReadDocument, ReadProblem
from kiosk.domain.document_words import (
    DOCUMENT_TYPE_WORDS,
    PAYLOAD_PROBLEM_WORDS,
    READ_PROBLEM_WORDS,
    STATUS_WORDS,
    VERDICT_HEADLINES,
    VERDICT_REASONS,
    Words,
    report,
)
from kiosk.domain.signed_document import (
    DocumentPayload,
    DocumentType,
    PayloadProblem,
    PublishedKey,
    Status,
    content_hash,
    key_id,
    sign,
)

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _keys(revoked_at: datetime | None = None) -> dict[str, PublishedKey]:
    public = KEY.public_key().public_bytes_raw()
    return {key_id(public): PublishedKey(public, "LL-GS-0003", revoked_at)}


def _statement(**extra: str | int) -> str:
    facts: dict[str, str | int] = {
        "file": "522730001001-0001",
        "tot": 1_234_500,
        "disp": 34_500,
        "n": 19,
        "from": 20260101,
        "to": 20261207,
        **extra,
    }
    payload = DocumentPayload(
        key_id(KEY.public_key()),
        DocumentType.LEDGER_STATEMENT,
        "LL-GS-0003-L000042",
        datetime(2026, 12, 7, 7, 35, tzinfo=UTC),
        facts,
        content_hash(b"statement"),
    )
    return sign(payload, KEY)


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        (STATUS_WORDS, Status),
        (PAYLOAD_PROBLEM_WORDS, PayloadProblem),
        (READ_PROBLEM_WORDS, ReadProblem),
        (VERDICT_HEADLINES, Verdict),
        (DOCUMENT_TYPE_WORDS, DocumentType),
    ],
    ids=["status", "payload_problem", "read_problem", "verdict", "document_type"],
)
def test_every_code_has_chinese_and_english(
    table: dict[StrEnum, Words], codes: type[StrEnum]
) -> None:
    """Each code of each enum has words: Chinese with Chinese characters, English without."""
    assert set(table) == set(codes)
    for words in table.values():
        assert CJK.search(words.zh), words
        assert words.en and not CJK.search(words.en), words
    assert set(VERDICT_REASONS) == set(Verdict) - {Verdict.UNREADABLE}


def test_a_valid_statement_reads_in_yuan_dates_and_counts() -> None:
    """Totals in yuan with two decimals, dates as people write them, Beijing time, the
    terminal from the key record; a fact the table lacks is shown under its key."""
    result = report(check_document(_statement(newfact="x").encode(), _keys()))
    assert result.valid
    lines = {line.label.en: line.value for line in result.facts}
    assert lines["Total paid"] == Words("12,345.00 元", "12,345.00 yuan")
    assert lines["Disputed"].zh == "345.00 元"
    assert lines["Payments"] == Words("19 笔", "19")
    assert lines["From"] == Words("2026年1月1日", "2026-01-01")
    assert lines["Issued (Beijing time)"] == Words("2026年12月7日 15:35", "2026-12-07 15:35")
    assert lines["Issuing terminal"].en == "LL-GS-0003"
    assert lines["Household file number"].en == "522730001001-0001"
    assert lines["newfact"].en == "x"
    assert "只核验了二维码" in result.reason.zh


def test_only_a_valid_check_reads_as_valid() -> None:
    """Revoked (with its time), altered, unknown key, malformed and unreadable: never valid,
    each with its own headline."""
    text = _statement()
    revoked = report(check_document(text.encode(), _keys(datetime(2026, 12, 8, tzinfo=UTC))))
    assert not revoked.valid and "2026年12月8日 08:00" in revoked.reason.zh
    altered = report(check_read(ReadDocument(InputKind.PDF, (text,), b"other content"), _keys()))
    assert not altered.valid and altered.headline == VERDICT_HEADLINES[Verdict.ALTERED]
    assert altered.facts, "the signed facts are shown to compare the paper with"
    unknown = report(check_document(text.encode(), {}))
    assert unknown.headline == VERDICT_HEADLINES[Verdict.UNKNOWN_KEY] and not unknown.facts
    malformed = report(check_document(b"KC1:???", _keys()))
    assert malformed.headline == VERDICT_HEADLINES[Verdict.MALFORMED]
    unreadable = report(Check(Verdict.UNREADABLE, read_problem=ReadProblem.NO_CODE))
    assert unreadable.reason == READ_PROBLEM_WORDS[ReadProblem.NO_CODE]
    headlines = {r.headline for r in (revoked, altered, unknown, malformed, unreadable)}
    assert len(headlines) == 5


def test_of_several_codes_the_best_is_reported() -> None:
    """A photo holding a stranger's code and a good one is judged by the good one."""
    stranger = Ed25519PrivateKey.generate()
    other = DocumentPayload(
        key_id(stranger.public_key()),
        DocumentType.RECEIPT,
        "X1",
        datetime(2026, 1, 1, tzinfo=UTC),
        {},
        content_hash(b""),
    )
    document = ReadDocument(InputKind.IMAGE, (sign(other, stranger), _statement()))
    assert check_read(document, _keys()).verdict is Verdict.VALID
