"""Realistic facts and QR payloads for the tests of printed records (no real person)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from kiosk.domain.poverty import Band
from kiosk.domain.tracking import luhn_check_digit
from kiosk.services.printing.certificate import CertificateFacts, CertificateMember
from kiosk.services.printing.receipt import ReceiptFacts
from kiosk.services.printing.statement import Payment, PaymentCheck, StatementFacts

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
TRACKING = "38412290573" + luhn_check_digit("38412290573")
SECRET = "482913"
LONG_NAME = "欧阳" + "明德" * 29  # 60 characters, no space to break at
assert len(LONG_NAME) == 60
PROGRAMMES = ("灾害救助", "最低生活保障", "产业扶持资金", "教育资助", "医疗救助", "危房改造补助")


def qr_payload(seed: int = 8, length: int = 250) -> str:
    """A signed payload's shape: a prefix and base45 text, ~250 characters."""
    rng = random.Random(seed)
    return "KC1:" + "".join(rng.choice(BASE45) for _ in range(length - 4))


def receipt_facts(**changes: object) -> ReceiptFacts:
    values: dict[str, object] = {
        "tracking_number": TRACKING,
        "secret": SECRET,
        "office": "中共黔南布依族苗族自治州纪律检查委员会 黔南州监察委员会第三纪检监察室",
        "filed_at": datetime(2026, 12, 7, 7, 35, tzinfo=UTC),
        "terminal_code": "LL-GS-0003",
        "hotline": "12388",
        "website": "https://jw.example.gov.cn/cx",
    }
    values.update(changes)
    return ReceiptFacts(**values)  # type: ignore[arg-type]


def payments(
    count: int, *, seed: int = 3, names: tuple[str, ...] = ("王德明",)
) -> tuple[Payment, ...]:
    rng = random.Random(seed)
    members = (*names, "李秀英", "王小军")
    checks = list(PaymentCheck)
    return tuple(
        Payment(
            paid_on=date(2014, 1, 5) + timedelta(days=rng.randrange(4300)),
            programme=rng.choice(PROGRAMMES),
            member=rng.choice(members),
            amount_fen=rng.randrange(5_000, 900_000),
            check=checks[i % 3],
        )
        for i in range(count)
    )


def statement_facts(count: int = 12, *, head: str = "王德明", **changes: object) -> StatementFacts:
    values: dict[str, object] = {
        "statement_number": "ST-20261207-000123",
        "head_name": head,
        "head_id_masked": "5227**********1234",
        "household_number": "522730001001-0042",
        "township": "贵州省黔南州龙里县冠山街道",
        "village": "高坡村",
        "payments": payments(count, names=(head,)),
        "issued_at": datetime(2026, 12, 7, 7, 35, tzinfo=UTC),
    }
    values.update(changes)
    return StatementFacts(**values)  # type: ignore[arg-type]


RELATIONS = ("户主", "配偶", "长子", "长女", "儿媳", "孙子", "孙女", "父亲", "母亲", "次子")


def members(count: int) -> tuple[CertificateMember, ...]:
    return tuple(
        CertificateMember(f"王{'德明秀英小军芳丽浩然雨涵'[i % 12]}{i + 1}号", RELATIONS[i % 10],
                          f"5227**********{1000 + i}")
        for i in range(count)
    )  # fmt: skip


def certificate_facts(member_count: int = 5, **changes: object) -> CertificateFacts:
    values: dict[str, object] = {
        "certificate_number": "HC-522730-2026-000456",
        "status": "建档立卡脱贫户",
        "band": Band.AT_RISK,
        "province": "贵州省",
        "county": "黔南布依族苗族自治州龙里县",
        "township": "冠山街道",
        "village": "高坡村",
        "household_number": "522730001001-0042",
        "head_name": "王德明",
        "head_id_masked": "5227**********1234",
        "members": members(member_count),
        "purposes": ("子女入学", "就医证明"),
        "issued_on": date(2026, 12, 7),
        "valid_until": date(2027, 6, 6),
        "issuer": "龙里县冠山街道办事处（乡村振兴工作站）",
    }
    values.update(changes)
    return CertificateFacts(**values)  # type: ignore[arg-type]
