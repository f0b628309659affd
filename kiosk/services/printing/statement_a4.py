"""The aid ledger statement on A4: facts and QR first, then totals, then every payment.

Hundreds of payments run over as many pages as they need; the table's header row repeats
on each, and every page's footer carries the statement number and "第 x 页 / 共 y 页", so a
loose page can be put back with the others.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from kiosk.services.printing.layout import (
    A4_PRINTABLE,
    RULE,
    SHADE,
    build_a4,
    day,
    facts_table,
    para,
    shanghai_time,
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
QR_SIZE = 40 * mm
VERIFY_LINE = (
    "核验：用手机扫描右侧二维码，或在电脑上运行 kiosk verify 命令、打开核验网页，"
    "即可核验本对账单是否真实、有无改动。"
)
_COLUMNS = (  # (heading, English, width in mm)
    ("序号", "No.", 12),
    ("发放日期", "Date", 24),
    ("资金项目", "Programme", 46),
    ("领取人", "Paid to", 40),
    ("金额（元）", "Yuan", 30),
    ("核对", "Check", 22),
)
_GRID = (
    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
)


def _header(facts: StatementFacts, qr_text: str) -> Table:
    rows = [
        ("户主", facts.head_name),
        ("身份证号", facts.head_id_masked),
        ("户编号", facts.household_number),
        ("所在地", f"{facts.township} {facts.village}"),
        ("出具时间", shanghai_time(facts.issued_at)),
        ("对账单号", facts.statement_number),
    ]
    facts_width = A4_PRINTABLE - QR_SIZE - 6 * mm
    table = facts_table(rows, width=facts_width, label_width=22 * mm, sizes=(10, 11), padding=1.5)
    qr = [QrCode(qr_text, QR_SIZE), para("扫码核验真伪", 8, align="center")]
    verify = para(VERIFY_LINE, 8.5)
    outer = Table([[[table, Spacer(1, 2 * mm), verify], qr]],
                  colWidths=[facts_width + 6 * mm, QR_SIZE])  # fmt: skip
    outer.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return outer


def _totals(facts: StatementFacts) -> list[Flowable]:
    summary = summarise(facts)
    rows = [[para("年度", 9, english="Year"), para("笔数", 9, align="right"),
             para("金额（元）", 9, align="right")]]  # fmt: skip
    rows += [
        [para(f"{year} 年", 10), para(str(n), 10, align="right"),
         para(yuan_text(fen), 10, align="right")]
        for year, n, fen in summary.by_year
    ]  # fmt: skip
    rows.append(
        [para("合计", 10, english="Total"), para(str(len(facts.payments)), 10, align="right"),
         para(yuan_text(summary.total_fen), 11, align="right")]
    )  # fmt: skip
    table = Table(rows, colWidths=[40 * mm, 25 * mm, 45 * mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            *_GRID,
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        )
    )
    return [para("资金合计", 12, english="Totals"), Spacer(1, 2 * mm), table,
            Spacer(1, 2 * mm), para(counts_line(summary), 10)]  # fmt: skip


def _payments(facts: StatementFacts) -> Table:
    heading = [para(zh, 9, english=en) for zh, en, _ in _COLUMNS]
    rows = [heading]
    disputed = []
    for index, payment in enumerate(ordered_payments(facts), start=1):
        if payment.check is PaymentCheck.DISPUTED:
            disputed.append(("BACKGROUND", (0, index), (-1, index), DISPUTED_SHADE))
        rows.append(
            [
                para(str(index), 9, align="right"),
                para(day(payment.paid_on), 9),
                para(payment.programme, 9),
                para(payment.member, 9),
                para(yuan_text(payment.amount_fen), 9, align="right"),
                para(SHORT_CHECK_LABELS[payment.check], 9),
            ]
        )
    table = Table(rows, colWidths=[w * mm for _, _, w in _COLUMNS], repeatRows=1)
    table.setStyle(table_style(*_GRID, ("BACKGROUND", (0, 0), (-1, 0), SHADE), *disputed))
    return table


def statement_a4_flowables(facts: StatementFacts, qr_text: str) -> list[Flowable]:
    return [
        para(TITLE, 18, align="center"),
        para("Aid ledger statement", 9, align="center"),
        Spacer(1, 5 * mm),
        _header(facts, qr_text),
        Spacer(1, 5 * mm),
        *_totals(facts),
        Spacer(1, 6 * mm),
        para("资金明细", 12, english="Payments"),
        Spacer(1, 2 * mm),
        _payments(facts),
        Spacer(1, 5 * mm),
        para(
            "如对上述记录有异议，可在自助终端登录后对该笔资金点击“有异议”，"
            "投诉将转交纪检监察机关办理。本对账单所列身份证号已作遮挡处理。",
            9,
        ),
    ]


def render_statement_a4(facts: StatementFacts, qr_text: str) -> bytes:
    """The statement as A4 PDF bytes; its subject holds :func:`statement_content`."""
    return build_a4(
        statement_a4_flowables(facts, qr_text),
        title=TITLE,
        content=statement_content(facts),
        footer_text=f"{TITLE}  单号 {facts.statement_number}",
    )
