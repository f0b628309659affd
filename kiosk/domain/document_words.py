"""What a check of a printed record says to a person, in Chinese and English.

The one place where the codes of the check are worded: :class:`Verdict`, the verifier's
:class:`Status`, :class:`PayloadProblem` and :class:`ReadProblem`, the document types, and
the signed facts with their values (a household file number, totals in yuan, dates). The
central server's verify page and ``kiosk verify`` show the same words to the same public (a
school, a hospital, the resident), and the server may import only the kiosk's domain, so
they live here, as the band names of ``kiosk.domain.poverty`` do. The kiosk's screens keep
their own words in Qt's translations.

A fact this table does not know is still shown, under its key and with its value as signed:
a newer terminal may sign facts an older verifier has no words for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from kiosk.domain.clock import SHANGHAI
from kiosk.domain.document_check import Check, Verdict
from kiosk.domain.document_reading import MAX_INPUT_BYTES, ReadProblem
from kiosk.domain.money import format_fen
from kiosk.domain.poverty import BAND_LABELS, Band
from kiosk.domain.signed_document import (
    DocumentPayload,
    DocumentType,
    FactValue,
    PayloadProblem,
    Status,
)
from kiosk.domain.tracking import grouped


@dataclass(frozen=True)
class Words:
    """One thing said in both languages."""

    zh: str
    en: str


@dataclass(frozen=True)
class FactLine:
    """One line of the facts a record's code signed: what it is, and its value."""

    label: Words
    value: Words


@dataclass(frozen=True)
class Report:
    """A check in words: the headline (valid or not), why, and the signed facts (shown
    whenever the signature verified, so an altered record can be compared with them)."""

    valid: bool
    headline: Words
    reason: Words
    facts: tuple[FactLine, ...] = ()


def _w(zh: str, en: str) -> Words:
    return Words(zh, en)


VERDICT_HEADLINES: Mapping[Verdict, Words] = MappingProxyType(
    {
        Verdict.VALID: _w("真实有效", "Valid"),
        Verdict.ALTERED: _w("无效：文件被改动过", "Invalid: the document was altered"),
        Verdict.REVOKED_KEY: _w("无效：签名密钥已被撤销", "Invalid: the signing key was revoked"),
        Verdict.BAD_SIGNATURE: _w("无效：签名不符", "Invalid: the signature does not match"),
        Verdict.UNKNOWN_KEY: _w("无效：签名密钥未公布", "Invalid: unknown signing key"),
        Verdict.MALFORMED: _w("无效：二维码无法识别", "Invalid: the code cannot be read"),
        Verdict.UNREADABLE: _w("无法核验", "Cannot be checked"),
    }
)

#: The verifier's own codes (kiosk.domain.signed_document.Status), said for a person.
STATUS_WORDS: Mapping[Status, Words] = MappingProxyType(
    {
        Status.VALID: _w(
            "二维码的签名正确，由下列终端签发。",
            "The code's signature is good; it was issued by the terminal below.",
        ),
        Status.MALFORMED: _w(
            "这不是本系统打印文件上的二维码，或者二维码已损坏、读错。",
            "This is not the code of a record printed by this system, or it is damaged "
            "or was misread.",
        ),
        Status.UNKNOWN_KEY: _w(
            "签发它的密钥不在公布的密钥中：不是本系统的终端签发的，或者密钥列表太旧。",
            "The key that signed it is not among the published keys: it was not issued by "
            "a terminal of this system, or the list of keys is out of date.",
        ),
        Status.BAD_SIGNATURE: _w(
            "签名与二维码的内容不符：二维码被伪造或篡改过。",
            "The signature does not match the code's content: the code was forged or "
            "tampered with.",
        ),
        Status.REVOKED_KEY: _w(
            "签发它的终端密钥已被撤销（例如终端被盗），这份文件不能作为凭证。",
            "The terminal key that signed it was revoked (a stolen terminal, for example); "
            "the record cannot be relied on.",
        ),
    }
)

VERDICT_REASONS: Mapping[Verdict, Words] = MappingProxyType(
    {
        Verdict.ALTERED: _w(
            "二维码的签名正确，但文件的内容与签名时的内容不一致：文件被改动过。"
            "请以下面列出的签名内容为准。",
            "The code's signature is good, but the document's content is not the content "
            "that was signed: it was altered. Rely on the signed facts below.",
        ),
        Verdict.VALID: STATUS_WORDS[Status.VALID],
        Verdict.REVOKED_KEY: STATUS_WORDS[Status.REVOKED_KEY],
        Verdict.BAD_SIGNATURE: STATUS_WORDS[Status.BAD_SIGNATURE],
        Verdict.UNKNOWN_KEY: STATUS_WORDS[Status.UNKNOWN_KEY],
        Verdict.MALFORMED: STATUS_WORDS[Status.MALFORMED],
    }
)

CONTENT_MATCHES = _w(
    "文件内容与签名时完全一致。", "The document's content is exactly the content that was signed."
)
COMPARE_BY_EYE = _w(
    "只核验了二维码：请对照下面的签名内容，逐项核对纸上印的内容。",
    "Only the code was checked: compare what is printed on the paper with the signed "
    "facts below, one by one.",
)

READ_PROBLEM_WORDS: Mapping[ReadProblem, Words] = MappingProxyType(
    {
        ReadProblem.EMPTY: _w("没有收到文件或二维码内容。", "Nothing was given to check."),
        ReadProblem.TOO_LARGE: _w(
            f"文件太大（最多 {MAX_INPUT_BYTES // (1024 * 1024)} MiB，照片最多6400万像素）。",
            f"The file is too large (at most {MAX_INPUT_BYTES // (1024 * 1024)} MiB, a photo "
            "at most 64 megapixels).",
        ),
        ReadProblem.UNSUPPORTED: _w(
            "只能核验 PDF 文件、PNG 或 JPEG 照片，或者以 KC1: 开头的二维码内容。",
            "Only a PDF, a PNG or JPEG photo, or the code's text (starting KC1:) can be checked.",
        ),
        ReadProblem.NO_CODE: _w(
            "文件中找不到二维码。照片请拍清楚、拍完整。",
            "No QR code was found. Take the photo sharp and with the whole code in it.",
        ),
        ReadProblem.TOOL_MISSING: _w(
            "核验程序缺少读取工具（poppler-utils、zbar-tools），请联系管理员。",
            "The verifier lacks its reading tools (poppler-utils, zbar-tools); tell the "
            "administrator.",
        ),
        ReadProblem.TOOL_FAILED: _w(
            "文件无法读取（已损坏或太复杂）。",
            "The file could not be read (damaged or too complex).",
        ),
    }
)

#: Why a payload could not be signed (when a terminal prints): said the same way everywhere.
PAYLOAD_PROBLEM_WORDS: Mapping[PayloadProblem, Words] = MappingProxyType(
    {
        PayloadProblem.VERSION: _w("二维码格式版本不对。", "Wrong format version of the code."),
        PayloadProblem.KEY_ID: _w("密钥编号不对。", "The key id is not valid."),
        PayloadProblem.DOCUMENT_TYPE: _w("文件类型不对。", "Unknown document type."),
        PayloadProblem.NUMBER: _w("文件编号不对。", "The document number is not valid."),
        PayloadProblem.ISSUED_AT: _w("开具时间不对。", "The issue time is not valid."),
        PayloadProblem.CONTENT_HASH: _w("内容摘要不对。", "The content hash is not valid."),
        PayloadProblem.TOO_MANY_FACTS: _w("签名内容项目太多。", "Too many signed facts."),
        PayloadProblem.FACT_KEY: _w("签名内容的名称不对。", "A signed fact's name is not valid."),
        PayloadProblem.FORBIDDEN_FACT: _w(
            "二维码中不能含有密码、电话或完整身份证号。",
            "A code may never hold a secret, a phone number or a full ID number.",
        ),
        PayloadProblem.FACT_VALUE: _w("签名内容的值不对。", "A signed fact's value is not valid."),
        PayloadProblem.KEY_MISMATCH: _w(
            "签名密钥与二维码中的密钥编号不一致。",
            "The signing key is not the key the code names.",
        ),
    }
)

DOCUMENT_TYPE_WORDS: Mapping[DocumentType, Words] = MappingProxyType(
    {
        DocumentType.RECEIPT: _w("投诉回执", "Complaint receipt"),
        DocumentType.LEDGER_STATEMENT: _w("帮扶资金明细对账单", "Aid payments statement"),
        DocumentType.HOUSEHOLD_CERTIFICATE: _w("家庭帮扶身份证明", "Household certificate"),
    }
)

LABELS = MappingProxyType(
    {
        "type": _w("文件类型", "Document"),
        "number": _w("文件编号", "Number"),
        "issued": _w("开具时间（北京时间）", "Issued (Beijing time)"),
        "terminal": _w("签发终端", "Issuing terminal"),
        "key": _w("签名密钥", "Signing key"),
        "revoked": _w("密钥撤销时间", "Key revoked"),
    }
)


def _text(value: FactValue) -> Words:
    return _w(str(value), str(value))


def _money(value: FactValue) -> Words:
    if not isinstance(value, int):
        return _text(value)
    amount = format_fen(value, "symbol").lstrip("¥").replace("-¥", "-")
    return _w(f"{amount} 元", f"{amount} yuan")


def _count(value: FactValue) -> Words:
    if not isinstance(value, int):
        return _text(value)
    return _w(f"{value} 笔", f"{value}")


def _day(value: FactValue) -> Words:
    """A date signed as an int like 20261207."""
    if isinstance(value, int):
        try:
            day = date(value // 10000, value // 100 % 100, value % 100)
        except ValueError:
            return _text(value)
        return _w(f"{day.year}年{day.month}月{day.day}日", day.isoformat())
    return _text(value)


def _tracking(value: FactValue) -> Words:
    return _text(grouped(value)) if isinstance(value, str) else _text(value)


def _band(value: FactValue) -> Words:
    try:
        zh, en = BAND_LABELS[Band(str(value))]
    except ValueError:
        return _text(value)
    return _w(zh, en)


_STATUS_VALUES = {
    "registered": _w("建档立卡户", "Registered poor household"),
    "poor": _w("建档立卡户（未脱贫）", "Registered poor household (not yet lifted)"),
    "lifted": _w("建档立卡户（已脱贫）", "Registered household, lifted out of poverty"),
    "monitored": _w("脱贫监测户", "Lifted household under monitoring"),
}


def _status(value: FactValue) -> Words:
    return _STATUS_VALUES.get(str(value), _text(value))


#: Fact key -> (label, how its value is written). The keys the terminals sign.
FACTS: Mapping[str, tuple[Words, Callable[[FactValue], Words]]] = MappingProxyType(
    {
        # What the terminal signs (kiosk.services.printing.issue).
        "trk": (_w("查询编号", "Tracking number"), _tracking),
        "day": (_w("投诉日期", "Filed on"), _day),
        "hh": (_w("户编号", "Household file number"), _text),
        "cf": (_w("已确认收到笔数", "Payments confirmed received"), _count),
        "dp": (_w("有异议笔数", "Payments disputed"), _count),
        "st": (_w("登记身份", "Registered status"), _status),
        "m": (_w("家庭人口", "Household members"), _count),
        # Other keys a record may carry.
        "office": (_w("受理机关", "Receiving office"), _text),
        "file": (_w("户编号", "Household file number"), _text),
        "tot": (_w("补助合计", "Total paid"), _money),
        "conf": (_w("已确认收到", "Confirmed received"), _money),
        "disp": (_w("有异议金额", "Disputed"), _money),
        "n": (_w("款项笔数", "Payments"), _count),
        "nd": (_w("有异议笔数", "Disputed payments"), _count),
        "from": (_w("起始日期", "From"), _day),
        "to": (_w("截止日期", "To"), _day),
        "status": (_w("登记身份", "Registered status"), _status),
        "band": (_w("帮扶等级", "Poverty band"), _band),
        "place": (_w("所在地区代码", "Region code"), _text),
        "until": (_w("有效期至", "Valid until"), _day),
    }
)


def shanghai_text(moment: datetime) -> Words:
    local = moment.astimezone(SHANGHAI)
    clock = local.strftime("%H:%M")
    return _w(
        f"{local.year}年{local.month}月{local.day}日 {clock}", local.strftime("%Y-%m-%d %H:%M")
    )


def fact_lines(payload: DocumentPayload, issuer: str | None) -> tuple[FactLine, ...]:
    """The signed facts of a payload, headed by its type, number, time and terminal."""
    lines = [
        FactLine(LABELS["type"], DOCUMENT_TYPE_WORDS[payload.document_type]),
        FactLine(LABELS["number"], _text(payload.number)),
        FactLine(LABELS["issued"], shanghai_text(payload.issued_at)),
    ]
    if issuer is not None:
        lines.append(FactLine(LABELS["terminal"], _text(issuer)))
    for key, value in payload.facts.items():
        label, written = FACTS.get(key, (_w(key, key), _text))
        lines.append(FactLine(label, written(value)))
    lines.append(FactLine(LABELS["key"], _text(payload.key_id)))
    return tuple(lines)


def _revoked_reason(check: Check) -> Words:
    base = STATUS_WORDS[Status.REVOKED_KEY]
    verification = check.verification
    if check.revoked_at is None or verification is None:
        return base
    when = shanghai_text(check.revoked_at)
    if verification.issued_before_revocation:
        return _w(
            f"{base.zh}撤销时间：{when.zh}。文件上写的开具时间早于撤销，但开具时间可以伪造，"
            "只能作参考。",
            f"{base.en} Revoked on {when.en}. The record says it was issued before that, "
            "but whoever holds the key can write any time, so that is a hint, not a proof.",
        )
    return _w(f"{base.zh}撤销时间：{when.zh}。", f"{base.en} Revoked on {when.en}.")


def report(check: Check) -> Report:
    """The words for one check."""
    headline = VERDICT_HEADLINES[check.verdict]
    if check.verdict is Verdict.UNREADABLE:
        problem = check.read_problem or ReadProblem.NO_CODE
        return Report(False, headline, READ_PROBLEM_WORDS[problem])
    reason = VERDICT_REASONS[check.verdict]
    if check.verdict is Verdict.VALID:
        after = CONTENT_MATCHES if check.content_checked else COMPARE_BY_EYE
        reason = _w(reason.zh + after.zh, f"{reason.en} {after.en}")
    elif check.verdict is Verdict.REVOKED_KEY:
        reason = _revoked_reason(check)
    verification = check.verification
    facts: tuple[FactLine, ...] = ()
    if verification is not None and verification.payload is not None:
        facts = fact_lines(verification.payload, verification.issuer)
    return Report(check.valid, headline, reason, facts)
