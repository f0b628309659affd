"""The complaint receipt, on 80 mm roll paper: the complainant's only proof of filing.

It prints the tracking number (large, in groups of four), the six-digit secret with a line
asking the resident to keep it to themselves, the office the complaint goes to, when and
where it was filed, how to check its status, and a QR code with the signed payload.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from kiosk.domain.tracking import grouped, secret_well_formed, tracking_number_valid
from kiosk.services.printing.content import JsonValue, canonical_content, utc_text
from kiosk.services.printing.layout import (
    INK,
    ROLL_PRINTABLE,
    RULE,
    build_roll,
    facts_table,
    para,
    require_text,
    shanghai_time,
    table_style,
)
from kiosk.services.printing.qr import QrCode

DOCUMENT = "complaint-receipt"
TITLE = "投诉回执"
QR_SIZE = 38 * mm

# A mainland mobile number: a person's phone, which no record may print.
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@dataclass(frozen=True)
class ReceiptFacts:
    """What a complaint receipt prints, filled from the store by the caller.

    ``hotline`` is a public service number such as the discipline commission's 12388, never
    a person's phone; ``website`` the address of the public status page, if there is one.
    The secret is left out of ``repr`` so it never reaches a log.
    """

    tracking_number: str
    secret: str = field(repr=False)
    office: str
    filed_at: datetime
    terminal_code: str
    hotline: str | None = None
    website: str | None = None

    def __post_init__(self) -> None:
        if not tracking_number_valid(self.tracking_number):
            raise ValueError("tracking_number must be 12 digits with a valid check digit")
        if not secret_well_formed(self.secret):
            raise ValueError("secret must be 6 digits")
        require_text(self.office, "office")
        require_text(self.terminal_code, "terminal_code")
        if self.filed_at.tzinfo is None:
            raise ValueError("filed_at must be aware (with its time zone)")
        if self.hotline is not None and _MOBILE.search(self.hotline):
            raise ValueError("hotline must be a public service number, not a mobile phone")


def receipt_content(facts: ReceiptFacts) -> bytes:
    """The receipt's canonical content (see :mod:`kiosk.services.printing.content`).

    The secret is not part of it: the signed payload carries a hash of these bytes, and a
    hash over a six-digit secret is undone by trying all of them.
    """
    body: dict[str, JsonValue] = {
        "tracking_number": facts.tracking_number,
        "office": facts.office,
        "filed_at": utc_text(facts.filed_at),
        "terminal": facts.terminal_code,
        "hotline": facts.hotline,
        "website": facts.website,
    }
    return canonical_content(DOCUMENT, body)


def _rule() -> Table:
    line = Table([[""]], colWidths=[ROLL_PRINTABLE], rowHeights=[1])
    line.setStyle(table_style(("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE)))
    return line


def _boxed(flowables: list[Flowable], weight: float) -> Table:
    box = Table([[flowables]], colWidths=[ROLL_PRINTABLE])
    box.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), weight, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
        )
    )
    return box


def _facts_table(rows: list[tuple[str, str]]) -> Table:
    return facts_table(rows, width=ROLL_PRINTABLE, label_width=16 * mm, sizes=(8, 9), padding=1.2)


QrDrawer = Callable[[str, float], Flowable]
"""Makes the QR flowable of a payload at a size in points: :class:`QrCode` on every receipt
printed; ``benchmarks/bench_print.py`` passes reportlab's own widget as its baseline."""


def receipt_flowables(
    facts: ReceiptFacts, qr_text: str, *, qr: QrDrawer = QrCode
) -> list[Flowable]:
    """The receipt's parts, top to bottom."""
    how = ["在任意一台自助终端点击“查询我的投诉”，输入查询编号和查询密码。"]
    if facts.hotline:
        how.append(f"电话查询：{facts.hotline}")
    if facts.website:
        how.append(f"网上查询：{facts.website}")
    code = qr(qr_text, QR_SIZE)
    code.hAlign = "CENTER"
    parts: list[Flowable] = [
        para("投诉回执", 18, align="center"),
        para("Complaint receipt", 8, align="center"),
        Spacer(1, 2 * mm),
        _rule(),
        Spacer(1, 1.5 * mm),
        para("查询编号", 9, english="Tracking number"),
        para(grouped(facts.tracking_number), 22, align="center"),
        Spacer(1, 2 * mm),
        _boxed(
            [
                para("查询密码", 9, english="Secret"),
                para(facts.secret, 22, align="center"),
                Spacer(1, 1 * mm),
                para("请妥善保管，不要告诉他人。凭查询编号和密码即可查看办理情况。", 8.5),
                para("Keep this secret private.", 7),
            ],
            weight=1.2,
        ),
        Spacer(1, 2.5 * mm),
        _facts_table(
            [
                ("受理机关", facts.office),
                ("提交时间", shanghai_time(facts.filed_at)),
                ("终端编号", facts.terminal_code),
            ]
        ),
        Spacer(1, 2 * mm),
        _rule(),
        Spacer(1, 1.5 * mm),
        para("如何查询办理进度", 9, english="How to check the status"),
        *(para(line, 8.5) for line in how),
        Spacer(1, 2 * mm),
        code,
        para("扫描二维码可核验本回执真伪（二维码中不含查询密码）", 7.5, align="center"),
        para("Scan to verify this receipt; the code does not hold the secret.", 6.5,
             align="center"),
    ]  # fmt: skip
    return parts


def render_receipt(facts: ReceiptFacts, qr_text: str, *, qr: QrDrawer = QrCode) -> bytes:
    """The receipt as PDF bytes for an 80 mm roll.

    ``qr_text`` is the signed payload, made elsewhere; it must never carry the secret (the
    caller's duty: the QR is meant to be shown and scanned, the secret is not). As a last
    guard, a payload that holds the secret's six digits in plain text is refused. The PDF's
    subject holds :func:`receipt_content`.
    """
    if facts.secret in qr_text:
        raise ValueError("the QR payload must not carry the complaint's secret")
    return build_roll(
        receipt_flowables(facts, qr_text, qr=qr), title=TITLE, content=receipt_content(facts)
    )
