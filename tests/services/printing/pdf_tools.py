"""Poppler and zbar, as the tests of printed records read a PDF: its pages as PNG, its QR
code, its fonts, its text, and where each word sits on the page."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

UNMASKED_ID = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def _run(*args: str | Path, errors: str = "strict") -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, check=True, timeout=120)
    return result.stdout.decode("utf-8", errors=errors)


def write(pdf: bytes, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    return path


def render_pngs(pdf: Path, prefix: Path, *, first: int = 1, last: int | None = None) -> list[Path]:
    """Pages ``first`` to ``last`` as 150 dpi PNGs named after ``prefix``."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    pages = ["-f", str(first)] + (["-l", str(last)] if last else [])
    _run("pdftoppm", "-r", "150", "-png", *pages, pdf, prefix)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def decode_qr(png: Path) -> str:
    """The text of the one QR code in ``png``, as zbarimg reads it (stderr is ignored: zbar
    complains there about a missing D-Bus)."""
    result = subprocess.run(
        ["zbarimg", "--raw", "-q", str(png)], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, f"no QR code found in {png.name}"
    return result.stdout.decode("utf-8").removesuffix("\n")


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def fonts(pdf: Path) -> list[Font]:
    found = []
    for line in _run("pdffonts", pdf).splitlines()[2:]:
        fields = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, ID
        emb = fields[-5]
        found.append(Font(name=fields[0], type=" ".join(fields[1:-6]), embedded=emb == "yes"))
    return found


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", pdf), re.MULTILINE)
    assert match
    return int(match.group(1))


def page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", pdf), re.MULTILINE)
    assert match
    return float(match.group(1)), float(match.group(2))


def text(pdf: Path, *, page: int | None = None) -> str:
    """The PDF's text (one page's, if given) as pdftotext extracts it."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", "-enc", "UTF-8", *pages, pdf, "-")


def squeezed(value: str) -> str:
    """``value`` without any whitespace: pdftotext keeps or drops the spaces between Chinese
    characters and digits as it sees fit, and breaks wrapped lines."""
    return re.sub(r"\s+", "", value)


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    x_max: float
    y_min: float
    y_max: float


def words(pdf: Path) -> tuple[list[Word], list[tuple[float, float]]]:
    """Every word with its box (points from the top left), and every page's size."""
    # poppler writes the document's /Subject into the page head with a character beyond
    # U+FFFF as two encoded surrogates, which is not UTF-8; the words themselves are right.
    xhtml = _run("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", errors="replace")
    root = ET.fromstring(xhtml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    found: list[Word] = []
    sizes: list[tuple[float, float]] = []
    for number, page in enumerate(root.iterfind(".//x:page", ns), start=1):
        sizes.append((float(page.attrib["width"]), float(page.attrib["height"])))
        for word in page.iterfind("x:word", ns):
            box = (float(word.attrib[k]) for k in ("xMin", "xMax", "yMin", "yMax"))
            found.append(Word(number, word.text or "", *box))
    return found, sizes


def words_outside(pdf: Path, margin: float, *, slack: float = 1.0) -> list[Word]:
    """Words that reach into the left or right ``margin`` of their page, or off it."""
    found, sizes = words(pdf)
    return [
        w
        for w in found
        if w.x_min < margin - slack or w.x_max > sizes[w.page - 1][0] - margin + slack
    ]
