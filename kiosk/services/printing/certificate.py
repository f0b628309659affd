"""The household certificate on A4: proof of registered status for a school or a hospital.

It states the household's registered status and poverty band, where it lives, who belongs
to it, when it was issued, what it may be used for and until when, under a certificate
number and a QR code with the signed payload. A household of many members runs on to a
further page with the members' table header repeated; every page is numbered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from kiosk.domain.poverty import BAND_LABELS, Band
from kiosk.services.printing.content import JsonValue, canonical_content
from kiosk.services.printing.layout import (
    A4_PRINTABLE,
    RULE,
    SHADE,
    build_a4,
    day,
    facts_table,
    para,
    require_masked_id,
    require_text,
    table_style,
)
from kiosk.services.printing.qr import QrCode

DOCUMENT = "household-certificate"
TITLE = "家庭帮扶身份证明"
QR_SIZE = 42 * mm
VERIFY_LINE = (
    "核验方法：用手机扫描二维码，或运行 kiosk verify 命令、打开县乡村振兴部门的证明核验网页，"
    "上传或输入二维码内容，即可核验本证明的真伪和内容是否被改动。"
)


@dataclass(frozen=True)
class CertificateMember:
    """One household member as the certificate lists them (ID number masked)."""

    name: str
    relation: str
    id_masked: str

    def __post_init__(self) -> None:
        require_text(self.name, "member name")
        require_masked_id(self.id_masked, "member id_masked")


@dataclass(frozen=True)
class CertificateFacts:
    """What a household certificate prints, filled from the store by the caller.

    ``status`` is the registered status as printed (建档立卡脱贫户, 防返贫监测户 …);
    ``purposes`` what the certificate may be used for (入学, 就医证明 …).
    """

    certificate_number: str
    status: str
    band: Band
    province: str
    county: str
    township: str
    village: str
    household_number: str
    head_name: str
    head_id_masked: str
    members: tuple[CertificateMember, ...]
    purposes: tuple[str, ...]
    issued_on: date
    valid_until: date
    issuer: str

    def __post_init__(self) -> None:
        require_masked_id(self.head_id_masked, "head_id_masked")
        for name in (
            "certificate_number", "status", "province", "county", "township", "village",
            "household_number", "head_name", "issuer",
        ):  # fmt: skip
            require_text(getattr(self, name), name)
        if not self.purposes:
            raise ValueError("a certificate names at least one purpose")
        if self.valid_until < self.issued_on:
            raise ValueError("valid_until is before issued_on")


def certificate_content(facts: CertificateFacts) -> bytes:
    """The certificate's canonical content (see :mod:`kiosk.services.printing.content`)."""
    body: dict[str, JsonValue] = {
        "number": facts.certificate_number,
        "status": facts.status,
        "band": facts.band.value,
        "place": [facts.province, facts.county, facts.township, facts.village],
        "household_number": facts.household_number,
        "head_name": facts.head_name,
        "head_id_masked": facts.head_id_masked,
        "members": [[m.name, m.relation, m.id_masked] for m in facts.members],
        "purposes": list(facts.purposes),
        "issued_on": facts.issued_on.isoformat(),
        "valid_until": facts.valid_until.isoformat(),
        "issuer": facts.issuer,
    }
    return canonical_content(DOCUMENT, body)


def _place(facts: CertificateFacts) -> str:
    return f"{facts.province}{facts.county}{facts.township}{facts.village}"


def _facts_table(facts: CertificateFacts) -> Table:
    rows = [
        ("户主", facts.head_name),
        ("身份证号", facts.head_id_masked),
        ("户编号", facts.household_number),
        ("所在地", _place(facts)),
        ("登记身份", facts.status),
        ("帮扶等级", BAND_LABELS[facts.band][0]),
        ("证明用途", "、".join(facts.purposes)),
        ("开具日期", day(facts.issued_on)),
        ("有效期至", day(facts.valid_until)),
    ]
    width = A4_PRINTABLE - QR_SIZE - 8 * mm
    return facts_table(rows, width=width, label_width=24 * mm, sizes=(10.5, 12), padding=1.5)


def _members(facts: CertificateFacts) -> Table:
    widths = (14 * mm, 70 * mm, 36 * mm, A4_PRINTABLE - 120 * mm)
    rows = [[para("序号", 9.5), para("姓名", 9.5, english="Name"),
             para("与户主关系", 9.5), para("身份证号（已遮挡）", 9.5)]]  # fmt: skip
    rows += [
        [para(str(i), 10, align="right"), para(m.name, 10.5), para(m.relation, 10.5),
         para(m.id_masked, 10.5)]
        for i, m in enumerate(facts.members, start=1)
    ]  # fmt: skip
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        )
    )
    return table


def certificate_flowables(facts: CertificateFacts, qr_text: str) -> list[Flowable]:
    qr = [QrCode(qr_text, QR_SIZE), para("扫码核验真伪", 8.5, align="center")]
    top = Table([[_facts_table(facts), qr]], colWidths=[A4_PRINTABLE - QR_SIZE, QR_SIZE])
    top.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    statement = (
        f"兹证明户主{facts.head_name}一户（户编号 {facts.household_number}），"
        f"住{_place(facts)}，为{facts.status}，"
        f"家庭成员共 {len(facts.members)} 人，情况如下。"
    )
    closing = [
        para("本证明仅限上述用途使用，有效期满自动失效。", 10),
        Spacer(1, 3 * mm),
        para(f"开具单位：{facts.issuer}", 11),
        Spacer(1, 4 * mm),
        para(VERIFY_LINE, 9),
    ]
    return [
        para(TITLE, 20, align="center"),
        para("Household registration certificate", 9, align="center"),
        Spacer(1, 2 * mm),
        para(f"证明编号：{facts.certificate_number}", 9.5, align="right"),
        Spacer(1, 4 * mm),
        top,
        Spacer(1, 5 * mm),
        para(statement, 11),
        Spacer(1, 3 * mm),
        para("家庭成员", 12, english="Household members"),
        Spacer(1, 2 * mm),
        _members(facts),
        Spacer(1, 6 * mm),
        KeepTogether(closing),
    ]


def render_certificate(facts: CertificateFacts, qr_text: str) -> bytes:
    """The certificate as A4 PDF bytes; its subject holds :func:`certificate_content`."""
    return build_a4(
        certificate_flowables(facts, qr_text),
        title=TITLE,
        content=certificate_content(facts),
        footer_text=f"{TITLE}  编号 {facts.certificate_number}",
    )
