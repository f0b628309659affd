"""The aid ledger statement on an 80 mm roll: the same facts as A4, stacked narrow.

Each payment takes one row of four columns (date over programme, who was paid, yuan,
check); the totals come before the payments, so a resident sees them without unrolling.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from kiosk.services.printing.fonts import markup
from kiosk.services.printing.layout import (
    ROLL_PRINTABLE,
    RULE,
    SHADE,
    build_roll,
    day,
    facts_table,
    para,
    shanghai_time,
    style,
    table_style,
)
from kiosk.services.printing.qr import QrCode
from kiosk.services.printing.statement import (
    DISPUTED_SHADE,
    SHORT_CHECK_LABELS,
    PaymentCheck,
    StatementFacts,
    counts_line,
    ordered_payments,
    statement_content,
    summarise,
    yuan_text,
)

TITLE = "帮扶资金明细对账单"
QR_SIZE = 38 * mm
LEGEND = "核对：“已确认”是本人确认收到，“有异议”是本人提出异议，“未核对”是尚未核对。"
_WIDTHS = (22 * mm, 17 * mm, 19 * mm, 14 * mm)
_CELLS = (
    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 1),
    ("RIGHTPADDING", (0, 0), (-1, -1), 1),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
)


def _facts(facts: StatementFacts) -> Table:
    rows = [
        ("户主", facts.head_name),
        ("身份证号", facts.head_id_masked),
        ("户编号", facts.household_number),
        ("所在地", f"{facts.township} {facts.village}"),
        ("出具时间", shanghai_time(facts.issued_at)),
        ("单号", facts.statement_number),
    ]
    return facts_table(rows, width=ROLL_PRINTABLE, label_width=15 * mm, sizes=(8, 9), padding=1)


def _totals(facts: StatementFacts) -> list[Flowable]:
    summary = summarise(facts)
    rows = [[para("年度", 8), para("笔数", 8, align="right"), para("金额（元）", 8, align="right")]]
    rows += [
        [para(f"{year} 年", 9), para(str(n), 9, align="right"),
         para(yuan_text(fen), 9, align="right")]
        for year, n, fen in summary.by_year
    ]  # fmt: skip
    rows.append(
        [para("合计", 9), para(str(len(facts.payments)), 9, align="right"),
         para(yuan_text(summary.total_fen), 10, align="right")]
    )  # fmt: skip
    table = Table(rows, colWidths=[22 * mm, 14 * mm, 36 * mm], repeatRows=1)
    table.setStyle(
        table_style(*_CELLS, ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("BACKGROUND", (0, -1), (-1, -1), SHADE))
    )  # fmt: skip
    return [para("资金合计", 10, english="Totals"), table, Spacer(1, 1.5 * mm),
            para(counts_line(summary, short=True), 8.5)]  # fmt: skip


def _payments(facts: StatementFacts) -> Table:
    cell = style(8)
    rows: list[list[Flowable]] = [
        [para("日期 / 项目", 8), para("领取人", 8), para("金额（元）", 8, align="right"),
         para("核对", 8)]
    ]  # fmt: skip
    disputed = []
    for index, payment in enumerate(ordered_payments(facts), start=1):
        if payment.check is PaymentCheck.DISPUTED:
            disputed.append(("BACKGROUND", (0, index), (-1, index), DISPUTED_SHADE))
        when_what = Paragraph(f"{day(payment.paid_on)}<br/>{markup(payment.programme)}", cell)
        rows.append(
            [
                when_what,
                para(payment.member, 8),
                para(yuan_text(payment.amount_fen), 8, align="right"),
                para(SHORT_CHECK_LABELS[payment.check], 8),
            ]
        )
    table = Table(rows, colWidths=list(_WIDTHS), repeatRows=1)
    table.setStyle(
        table_style(
            *_CELLS,
            ("RIGHTPADDING", (2, 0), (2, -1), 2.5 * mm),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            *disputed,
        )
    )
    return table


def statement_roll_flowables(facts: StatementFacts, qr_text: str) -> list[Flowable]:
    qr = QrCode(qr_text, QR_SIZE)
    qr.hAlign = "CENTER"
    return [
        para(TITLE, 15, align="center"),
        para("Aid ledger statement", 7.5, align="center"),
        Spacer(1, 2 * mm),
        _facts(facts),
        Spacer(1, 2.5 * mm),
        *_totals(facts),
        Spacer(1, 2.5 * mm),
        para("资金明细", 10, english="Payments"),
        _payments(facts),
        Spacer(1, 1 * mm),
        para(LEGEND, 7),
        Spacer(1, 2 * mm),
        qr,
        para("扫描二维码可核验本对账单真伪", 7.5, align="center"),
    ]


def render_statement_roll(facts: StatementFacts, qr_text: str) -> bytes:
    """The statement as PDF bytes for an 80 mm roll; its subject holds
    :func:`statement_content`."""
    return build_roll(
        statement_roll_flowables(facts, qr_text),
        title=TITLE,
        content=statement_content(facts),
        footer_text=f"单号 {facts.statement_number}",
    )
