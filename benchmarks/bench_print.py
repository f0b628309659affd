"""Printing a complaint receipt: the signed PDF with its QR code, per receipt.

What is timed (``time.perf_counter`` around each receipt, and the thread's CPU time beside
it), for ``--receipts`` complaints with seeded tracking numbers and secrets:

* **project** — what the terminal does when a resident taps Print receipt:
  ``issue_receipt(filed, signer=signer, now=now)`` as the complaint screen calls it, with
  a real Ed25519 document key made for the run and loaded from its PEM file as the
  terminal loads it. That is the receipt's facts, the payload signed (content hash,
  Ed25519, zlib, base45), the QR matrix (``qrcode``, level M) drawn as one vector path by
  the project's ``QrCode`` flowable, and the 80 mm roll PDF built by ``build_roll``.
* **baseline** — the same work with reportlab's own QR code: the same facts and signature
  (``signed_receipt``, which ``issue_receipt`` calls; Ed25519 signatures are deterministic,
  so the payload is the project's byte for byte, which the run checks), the same
  ``render_receipt``, but given ``qr=`` a ``QrCodeWidget(barLevel="M")`` in a ``Drawing``
  of the same 38 mm (quiet zone of 4 modules included, as the project's) where the
  project's ``QrCode`` stands.

The two alternate receipt by receipt, taking turns at going first, so a busy neighbour
hits both alike. Target from the issue: the project's median at most 20 ms and at most
0.25x the baseline's.

Also shown:

* **the first receipt in a fresh process** — each of a few new interpreters times its
  first receipt (font registration included: ``fc-list`` and parsing the TrueType
  collection) and its second; other interpreters time ``register_font`` alone, and the
  imports the printing code needs.
* **where the steady-state time goes** — on every other receipt, in the same loop: the
  signing, the project's QR matrix alone, the rest of the flowables, ``build_roll`` and,
  within it, the QR path (``draw_matrix`` on a scratch canvas); for the baseline,
  reportlab's QR encoding alone (``qrencoder`` ``make()``) and its ``build_roll``.
* **PDF sizes** of both, and **whether both QR codes read back** as the signed payload:
  page 1 of the first, middle and last receipts of each variant rendered with
  ``pdftoppm -r 150 -png`` and read with ``zbarimg --raw -q``, the text checked against
  the terminal's public key and the PDF's embedded content.

    python benchmarks/bench_print.py [--quick] [--receipts N] [--cold N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import metadata
from io import BytesIO
from pathlib import Path

from common import ROOT, load_average, machine_rows, median, ms, percentile, print_table, verdict

sys.path.insert(0, str(ROOT))  # this work tree's kiosk, not another checkout's

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

import kiosk
from kiosk.domain.signed_document import (
    PublishedKey,
    Status,
    matches_content,
    verify,
)
from kiosk.domain.tracking import SECRET_LENGTH, TRACKING_LENGTH, luhn_check_digit
from kiosk.services.complaints.filing import FiledComplaint
from kiosk.services.complaints.kiosk_key import write_new_key
from kiosk.services.printing.content import read_embedded_content
from kiosk.services.printing.fonts import find_font_file, register_font
from kiosk.services.printing.issue import DocumentSigner, issue_receipt, signed_receipt
from kiosk.services.printing.layout import build_roll
from kiosk.services.printing.qr import QUIET_MODULES, draw_matrix, qr_matrix
from kiosk.services.printing.receipt import (
    QR_SIZE,
    receipt_content,
    receipt_flowables,
    render_receipt,
)
from kiosk.services.printing.receipt import TITLE as RECEIPT_TITLE

TARGET_MEDIAN_S = 0.020
TARGET_RATIO = 0.25
WARM_UP = 5
OFFICE = "中共龙里县纪律检查委员会 龙里县监察委员会"
TERMINAL = "LL-GS-0003"
FILED_AT = datetime(2026, 12, 7, 7, 35, 40, tzinfo=UTC)
COLD_KINDS = ("project", "baseline", "fonts")
#: What a fresh terminal process imports before it can print a receipt, timed in its own
#: interpreter (this script's own imports would add reportlab's graphics).
IMPORTS = (
    "import time; started = time.perf_counter();"
    " import kiosk.services.printing.issue;"
    " print(time.perf_counter() - started)"
)

Variant = Callable[[FiledComplaint, DocumentSigner, datetime], tuple[bytes, str]]


def complaints(count: int, seed: int) -> list[FiledComplaint]:
    """``count`` filed complaints, a few minutes apart, with seeded numbers and secrets."""
    rng = random.Random(seed)
    filed = []
    for index in range(count):
        body = str(rng.randrange(1, 10))
        body += "".join(str(rng.randrange(10)) for _ in range(TRACKING_LENGTH - 2))
        secret = "".join(str(rng.randrange(10)) for _ in range(SECRET_LENGTH))
        filed.append(
            FiledComplaint(
                body + luhn_check_digit(body),
                secret,
                OFFICE,
                FILED_AT + timedelta(minutes=3 * index, seconds=rng.randrange(60)),
            )
        )
    return filed


def printed_at(filed: FiledComplaint) -> datetime:
    """When the resident taps Print: a few seconds after filing (microseconds included,
    which the payload drops)."""
    return filed.filed_at + timedelta(seconds=4, microseconds=123_456)


def project_receipt(
    filed: FiledComplaint, signer: DocumentSigner, now: datetime
) -> tuple[bytes, str]:
    issued = issue_receipt(filed, signer=signer, now=now)
    return issued.pdf, issued.payload_text


def widget_drawing(text: str, size: float) -> Drawing:
    """reportlab's QR code, level M, ``size`` points square with a 4-module quiet zone."""
    drawing = Drawing(size, size)
    drawing.add(
        QrCodeWidget(text, barLevel="M", barWidth=size, barHeight=size, barBorder=QUIET_MODULES)
    )
    return drawing


def baseline_receipt(
    filed: FiledComplaint, signer: DocumentSigner, now: datetime
) -> tuple[bytes, str]:
    """The same receipt, its QR code drawn by reportlab's widget."""
    facts, text = signed_receipt(filed, signer=signer, now=now)
    return render_receipt(facts, text, qr=widget_drawing), text


VARIANTS: dict[str, Variant] = {"project": project_receipt, "baseline": baseline_receipt}


@dataclass
class Samples:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    kept: dict[int, bytes] = field(default_factory=dict)


@dataclass
class Split:
    sign: list[float] = field(default_factory=list)
    matrix: list[float] = field(default_factory=list)
    other_flowables: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)
    qr_path: list[float] = field(default_factory=list)
    widget_encode: list[float] = field(default_factory=list)
    baseline_flowables: list[float] = field(default_factory=list)
    baseline_build: list[float] = field(default_factory=list)


def timed(
    variant: Variant, filed: FiledComplaint, signer: DocumentSigner, into: Samples, keep: bool
) -> None:
    now = printed_at(filed)
    started, started_cpu = time.perf_counter(), time.thread_time()
    pdf, text = variant(filed, signer, now)
    into.wall.append(time.perf_counter() - started)
    into.cpu.append(time.thread_time() - started_cpu)
    into.sizes.append(len(pdf))
    into.texts.append(text)
    if keep:
        into.kept[len(into.wall) - 1] = pdf


def split_once(filed: FiledComplaint, signer: DocumentSigner, into: Split) -> None:
    """The parts of one receipt, each timed on its own (the same calls issue_receipt and
    the baseline make, one after the other)."""
    clock = time.perf_counter
    t0 = clock()
    facts, text = signed_receipt(filed, signer=signer, now=printed_at(filed))
    t1 = clock()
    matrix = qr_matrix(text)
    t2 = clock()
    flowables = receipt_flowables(facts, text)  # makes the matrix again, inside QrCode
    t3 = clock()
    build_roll(flowables, title=RECEIPT_TITLE, content=receipt_content(facts))
    t4 = clock()
    draw_matrix(Canvas(BytesIO()), matrix, 0, 0, QR_SIZE)
    t5 = clock()
    widget = QrCodeWidget(text, barLevel="M")
    widget.qr.make()
    t6 = clock()
    others = receipt_flowables(facts, text, qr=widget_drawing)
    t7 = clock()
    build_roll(others, title=RECEIPT_TITLE, content=receipt_content(facts))
    t8 = clock()
    into.sign.append(t1 - t0)
    into.matrix.append(t2 - t1)
    into.other_flowables.append((t3 - t2) - (t2 - t1))
    into.build.append(t4 - t3)
    into.qr_path.append(t5 - t4)
    into.widget_encode.append(t6 - t5)
    into.baseline_flowables.append(t7 - t6)
    into.baseline_build.append(t8 - t7)


def file_signer(folder: Path) -> DocumentSigner:
    """A new document key written as the terminal keeps it, and loaded back from the file."""
    key_file = folder / "document-key.pem"
    write_new_key(key_file)
    return DocumentSigner.from_file(key_file, TERMINAL)


def cold_child(kind: str, seed: int) -> int:
    """In a fresh interpreter: the first receipt and the second, as JSON on stdout (or,
    for ``fonts``, ``register_font`` and the fontconfig lookup)."""
    result: dict[str, float] = {}
    if kind == "fonts":
        started = time.perf_counter()
        register_font()
        result["register_font"] = time.perf_counter() - started
        started = time.perf_counter()
        find_font_file()
        result["fc_list"] = time.perf_counter() - started
    else:
        variant = VARIANTS[kind]
        with tempfile.TemporaryDirectory(prefix="bench-print-") as folder:
            signer = file_signer(Path(folder))
            for name, filed in zip(("first", "second"), complaints(2, seed), strict=True):
                started = time.perf_counter()
                variant(filed, signer, printed_at(filed))
                result[name] = time.perf_counter() - started
    print(json.dumps(result))
    return 0


def cold_runs(rounds: int, seed: int) -> dict[str, list[dict[str, float]]]:
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in (*COLD_KINDS, "imports")}
    for round_index in range(rounds):
        completed = subprocess.run(
            [sys.executable, "-c", IMPORTS],
            capture_output=True,
            text=True,
            cwd=ROOT,  # so that this work tree's kiosk is the one imported
            timeout=120,
            check=False,
        )
        if completed.returncode == 0:
            runs["imports"].append({"imports": float(completed.stdout.strip().splitlines()[-1])})
        for kind in COLD_KINDS:
            completed = subprocess.run(
                [sys.executable, __file__, "--cold-child", kind, "--seed", str(seed + round_index)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=120,
                check=False,
            )
            if completed.returncode != 0:
                print(f"  cold run ({kind}) failed: {completed.stderr.strip()[-300:]}")
                continue
            runs[kind].append(json.loads(completed.stdout.strip().splitlines()[-1]))
    return runs


@dataclass(frozen=True)
class QrCheck:
    decoded: bool
    verifies: bool
    content: bool


def check_qr(pdf: bytes, text: str, keys: dict[str, PublishedKey], folder: Path) -> QrCheck:
    """Render page 1 at 150 dpi, read its QR code with zbar, verify what it says."""
    path = folder / f"receipt-{time.perf_counter_ns()}.pdf"
    path.write_bytes(pdf)
    prefix = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(prefix)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    pngs = sorted(folder.glob(f"{prefix.name}-*.png"))
    if not pngs:
        return QrCheck(False, False, False)
    scanned = subprocess.run(
        ["zbarimg", "--raw", "-q", str(pngs[0])], capture_output=True, check=False, timeout=60
    )
    read = scanned.stdout.decode("utf-8", "replace").removesuffix("\n")
    result = verify(read, keys)
    try:
        content = matches_content(result, read_embedded_content(path))
    except ValueError:
        content = False
    return QrCheck(read == text, result.status is Status.VALID, content)


def published(signer: DocumentSigner) -> dict[str, PublishedKey]:
    raw = signer.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    record = PublishedKey(raw, signer.terminal_code)
    return {record.key_id: record}


def version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def accelerator() -> str:
    try:
        import _rl_accel  # noqa: F401  (reportlab's optional C helpers, from rl_accel)
    except ImportError:
        return "not installed (pure-Python fp_str, ASCII85, string widths)"
    return "installed"


def print_machine_rows() -> None:
    print("bench_print: a complaint receipt (PDF + QR code), per receipt")
    rows = [
        *machine_rows(),
        ("reportlab", version_of("reportlab")),
        ("reportlab C accelerator (_rl_accel)", accelerator()),
        ("qrcode", version_of("qrcode")),
        ("cryptography", version_of("cryptography")),
        ("kiosk code from", str(Path(kiosk.__file__).parent)),
    ]
    print_table(("machine", ""), rows)
    print()


def summary(values: Sequence[float]) -> tuple[str, str]:
    return ms(percentile(values, 0.5)), ms(percentile(values, 0.95))


def print_steady(results: dict[str, Samples], count: int) -> None:
    project, baseline = results["project"], results["baseline"]
    baseline_p50 = percentile(baseline.wall, 0.5)
    project_p50 = percentile(project.wall, 0.5)
    rows = []
    for name, label in (
        ("project", "project: issue_receipt, QrCode flowable"),
        ("baseline", "baseline: same, reportlab QrCodeWidget"),
    ):
        samples = results[name]
        p50, p95 = summary(samples.wall)
        ratio = percentile(samples.wall, 0.5) / baseline_p50
        rows.append(
            (
                label,
                p50,
                p95,
                ms(percentile(samples.wall, 0.99)),
                ms(percentile(samples.cpu, 0.5)),
                f"{ratio:.2f}x",
            )
        )
    print(
        f"steady state: {count} receipts each, alternating which goes first, after"
        f" {WARM_UP} untimed receipts each"
    )
    print_table(("receipt", "p50 ms", "p95 ms", "p99 ms", "CPU p50 ms", "p50/baseline"), rows)
    ratio = project_p50 / baseline_p50
    print()
    print_table(
        ("target (project)", "measured", "met"),
        [
            ("median ≤ 20 ms", ms(project_p50), verdict(project_p50, TARGET_MEDIAN_S)),
            ("median ≤ 0.25x baseline", f"{ratio:.2f}x", verdict(ratio, TARGET_RATIO)),
        ],
    )
    same = sum(a == b for a, b in zip(project.texts, baseline.texts, strict=True))
    print(f"the baseline signed the project's payload byte for byte: {same}/{len(project.texts)}")


def print_cold(runs: dict[str, list[dict[str, float]]]) -> None:
    def cell(kind: str, key: str) -> str:
        values = [run[key] for run in runs[kind] if key in run]
        return ms(median(values)) if values else "-"

    rounds = max(len(values) for values in runs.values())
    print(f"first receipt in a fresh process (median of {rounds} processes each)")
    print_table(
        ("", "ms"),
        [
            ("project: first receipt (font registration included)", cell("project", "first")),
            ("project: second receipt", cell("project", "second")),
            ("baseline: first receipt (font registration included)", cell("baseline", "first")),
            ("baseline: second receipt", cell("baseline", "second")),
            ("register_font() alone, first call", cell("fonts", "register_font")),
            ("  of which fc-list (find_font_file)", cell("fonts", "fc_list")),
            ("imports: kiosk.services.printing.issue and all below", cell("imports", "imports")),
        ],
    )  # fmt: skip


def print_split(split: Split, results: dict[str, Samples]) -> None:
    whole = percentile(results["project"].wall, 0.5)
    whole_baseline = percentile(results["baseline"].wall, 0.5)
    parts = [split.sign, split.matrix, split.other_flowables, split.build]
    summed = [sum(values) for values in zip(*parts, strict=True)]

    def row(label: str, values: Sequence[float], of: float) -> tuple[str, str, str, str]:
        p50 = percentile(values, 0.5)
        return (label, ms(p50), ms(percentile(values, 0.95)), f"{p50 / of:.0%}")

    print(f"where the time goes (every other receipt, {len(split.sign)} receipts, parts alone)")
    print_table(
        ("part", "p50 ms", "p95 ms", "of whole p50"),
        [
            row("sign: facts, content hash, Ed25519, zlib, base45", split.sign, whole),
            row("QR matrix: qrcode level M, fit + 8-mask search", split.matrix, whole),
            row("other flowables: paragraphs, tables", split.other_flowables, whole),
            row("build_roll: measure, lay out, draw, font subset, write", split.build, whole),
            row("  of which the QR path (draw_matrix, scratch canvas)", split.qr_path, whole),
            row("sum of the parts (project)", summed, whole),
            row("baseline: reportlab QR encode alone (qrencoder make)", split.widget_encode,
                whole_baseline),
            row("baseline: flowables, the widget not yet encoded", split.baseline_flowables,
                whole_baseline),
            row("baseline: build_roll with the widget (encodes + draws)", split.baseline_build,
                whole_baseline),
        ],
    )  # fmt: skip


def qr_modules(variant: str, text: str) -> int:
    """The side of the variant's QR code in modules, its quiet zone left out."""
    if variant == "project":
        return len(qr_matrix(text))
    widget = QrCodeWidget(text, barLevel="M")
    widget.qr.make()
    return int(widget.qr.getModuleCount())


def print_pdfs(results: dict[str, Samples], signer: DocumentSigner) -> None:
    keys = published(signer)
    tools = bool(shutil.which("pdftoppm") and shutil.which("zbarimg"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-print-") as name:
        for variant, samples in results.items():
            modules = qr_modules(variant, samples.texts[0])
            checks = [
                check_qr(pdf, samples.texts[index], keys, Path(name))
                for index, pdf in sorted(samples.kept.items())
                if tools
            ]
            counts = [
                f"{sum(getattr(check, what) for check in checks)}/{len(checks)}"
                if tools
                else "not checked"
                for what in ("decoded", "verifies", "content")
            ]
            rows.append(
                (
                    variant,
                    f"{median(samples.sizes):,.0f}",
                    f"{min(samples.sizes):,}-{max(samples.sizes):,}",
                    f"{(modules - 17) // 4} ({modules})",
                    f"{QR_SIZE / 72 * 25.4 / (modules + 2 * QUIET_MODULES):.2f}",
                    *counts,
                )
            )
    characters = len(results["project"].texts[0])
    print(
        f"PDFs and their QR codes (first, middle and last receipt; {characters}-character payload)"
    )
    print_table(
        ("", "PDF bytes p50", "range", "QR version (modules)", "module mm",
         "zbar = payload", "signature valid", "content hash"),
        rows,
    )  # fmt: skip
    if not tools:
        print("  pdftoppm or zbarimg is not installed: the QR codes were not read back")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer receipts; figures rough")
    parser.add_argument(
        "--receipts",
        type=int,
        default=None,
        metavar="N",
        help="receipts of each variant (default 300, --quick 50)",
    )
    parser.add_argument(
        "--cold",
        type=int,
        default=None,
        metavar="N",
        help="fresh processes of each kind for the first receipt (default 3)",
    )
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--cold-child", choices=COLD_KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold_child:
        return cold_child(args.cold_child, args.seed)
    count = args.receipts or (50 if args.quick else 300)
    rounds = args.cold if args.cold is not None else (1 if args.quick else 3)

    print_machine_rows()
    print(f"load average before: {load_average()}\n")
    cold = cold_runs(rounds, args.seed)

    filed = complaints(count + WARM_UP, args.seed)
    warm, timed_filed = filed[:WARM_UP], filed[WARM_UP:]
    keep = {0, count // 2, count - 1}
    results = {name: Samples() for name in VARIANTS}
    split = Split()
    with tempfile.TemporaryDirectory(prefix="bench-print-") as folder:
        signer = file_signer(Path(folder))
    for complaint in warm:
        for variant in VARIANTS.values():
            variant(complaint, signer, printed_at(complaint))
    for index, complaint in enumerate(timed_filed):
        order = list(VARIANTS) if index % 2 == 0 else list(reversed(VARIANTS))
        for name in order:
            timed(VARIANTS[name], complaint, signer, results[name], index in keep)
        if index % 2 == 0:
            split_once(complaint, signer, split)

    print_steady(results, count)
    print()
    print_cold(cold)
    print()
    print_split(split, results)
    print()
    print_pdfs(results, signer)
    print(f"\nload average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
