"""Reading a printed record back: the QR text(s) in a PDF, a photo or pasted text, and the
canonical content a PDF carries.

What a verifier is handed comes in three forms. A PDF as the terminal made it: its first
pages are rendered with poppler's ``pdftoppm -r 200 -png`` and the images decoded with
zbar's ``zbarimg --raw -q``, and its ``/Subject`` (where ``kiosk.services.printing.content``
puts the canonical content) is read with ``pdfinfo -enc UTF-8``. A PNG or JPEG photo of a
record: decoded with ``zbarimg`` directly. Or the QR text itself (``KC1:...``), typed or
pasted: only the line breaks and the spaces around it are dropped, since a space is one of
base45's own characters.

**Why here, in the domain, with subprocesses.** The kiosk's ``kiosk verify`` and the central
server's verify page read documents the same way, and the server may import only
``kiosk.domain`` of the kiosk's package; one module in the domain is the only place both
reach without a copy. It stays free of widgets, of the database and of the network: it runs
two Debian tools (poppler-utils and zbar-tools) and nothing else, and treats them as what
they are, parsers of untrusted input:

- each runs with an argument list (never a shell), no standard input, on a file in a
  private temporary directory, with a timeout (:data:`TOOL_TIMEOUT_S`), and only the first
  :data:`MAX_OUTPUT_BYTES` of what it prints are looked at;
- the input is refused unread above :data:`MAX_INPUT_BYTES`, a photo above
  :data:`MAX_PIXELS` (read from its header, before any decoder sees it), and ``pdftoppm``
  renders at most :data:`MAX_PAGES` pages, each cropped to :data:`MAX_PAGE_PIXELS` (an A4
  page or a long roll receipt at 200 dpi fits), so a page the size of a field costs no
  more memory than a real one.

Nothing is worded for people: a refusal is a :class:`ReadProblem`, which the CLI and the
verify page translate.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.domain.signed_document import MAX_TEXT

#: Larger inputs are refused unread: a phone photo is a few MiB, a record's PDF some KiB.
MAX_INPUT_BYTES = 8 * 1024 * 1024
#: The largest photo decoded, in pixels (a 48-megapixel phone camera is below it).
MAX_PIXELS = 64_000_000
#: Pages of a PDF looked at for a QR code: every record here has it on its first page.
MAX_PAGES = 2
RESOLUTION_DPI = 200
#: Each rendered page is cropped to this many pixels (width, height): A4 at 200 dpi is
#: 1654 x 2339, an 80 mm roll 630 wide.
MAX_PAGE_PIXELS = (2400, 4800)
TOOL_TIMEOUT_S = 30.0
#: No tool's output is looked at beyond this.
MAX_OUTPUT_BYTES = 64 * 1024

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_PDF = b"%PDF-"


class InputKind(StrEnum):
    PDF = "pdf"
    IMAGE = "image"
    TEXT = "text"


class ReadProblem(StrEnum):
    """Why nothing could be read from an input."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    #: Neither a PDF, a PNG, a JPEG nor text.
    UNSUPPORTED = "unsupported"
    #: A PDF or photo in which no QR code was found (or a picture too damaged to decode).
    NO_CODE = "no_code"
    #: pdftoppm, pdfinfo or zbarimg is not installed.
    TOOL_MISSING = "tool_missing"
    #: A tool took longer than :data:`TOOL_TIMEOUT_S` or failed on the file.
    TOOL_FAILED = "tool_failed"


class ReadError(Exception):
    """An input that could not be read; ``problem`` says why."""

    def __init__(self, problem: ReadProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class ReadDocument:
    """What an input held: the QR texts found, in reading order and each once, and for a
    PDF the content in its ``/Subject`` (None when it has none, and for photos and text)."""

    kind: InputKind
    payloads: tuple[str, ...]
    content: bytes | None = None


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ReadError(ReadProblem.TOOL_MISSING)
    return path


def _run(arguments: list[str], *, timeout_s: float) -> subprocess.CompletedProcess[bytes]:
    try:
        result = subprocess.run(
            arguments,
            capture_output=True,
            timeout=timeout_s,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(ReadProblem.TOOL_FAILED) from None
    except OSError:
        raise ReadError(ReadProblem.TOOL_MISSING) from None
    return result


def pdf_subject(pdf: Path, *, timeout_s: float = TOOL_TIMEOUT_S) -> str | None:
    """The ``/Subject`` of a PDF as ``pdfinfo -enc UTF-8`` prints it, or None without one.

    Raises :class:`FileNotFoundError` when pdfinfo (poppler-utils) is not installed."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        raise FileNotFoundError("pdfinfo (Debian package poppler-utils) is not installed")
    try:
        result = _run([pdfinfo, "-enc", "UTF-8", str(pdf)], timeout_s=timeout_s)
    except ReadError:
        return None
    for line in result.stdout[:MAX_OUTPUT_BYTES].decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key == "Subject":
            return value.lstrip(" ")
    return None


def _decoded(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    # zbarimg exits 4 when it found no symbol; any other failure counts as none found.
    if result.returncode != 0:
        return []
    text = result.stdout[:MAX_OUTPUT_BYTES].decode("utf-8", "replace")
    return [line for line in text.splitlines() if line and len(line) <= MAX_TEXT * 2]


def _zbar(images: list[Path], *, timeout_s: float) -> list[str]:
    if not images:
        return []
    zbarimg = _tool("zbarimg")
    # QR codes only: a photo of a page may hold shapes a 1-D decoder takes for a bar code.
    arguments = [zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable"]
    return _decoded(_run([*arguments, *map(str, images)], timeout_s=timeout_s))


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


#: JPEG markers that start a frame and say its size (every SOFn but DHT, JPG and DAC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            offset += 2
            continue
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in _SOF:
            if offset + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            return int(width), int(height)
        offset += 2 + length
    return None


def _photo(data: bytes, suffix: str, *, timeout_s: float) -> ReadDocument:
    size = _png_size(data) if suffix == ".png" else _jpeg_size(data)
    if size is None:
        raise ReadError(ReadProblem.UNSUPPORTED)
    if size[0] * size[1] > MAX_PIXELS:
        raise ReadError(ReadProblem.TOO_LARGE)
    with tempfile.TemporaryDirectory(prefix="kiosk-read-") as folder:
        path = Path(folder) / f"photo{suffix}"
        path.write_bytes(data)
        payloads = _zbar([path], timeout_s=timeout_s)
    if not payloads:
        raise ReadError(ReadProblem.NO_CODE)
    return ReadDocument(InputKind.IMAGE, tuple(dict.fromkeys(payloads)))


def _pdf(data: bytes, *, timeout_s: float) -> ReadDocument:
    pdftoppm = _tool("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="kiosk-read-") as folder:
        pdf = Path(folder) / "document.pdf"
        pdf.write_bytes(data)
        width, height = MAX_PAGE_PIXELS
        _run(
            [pdftoppm, "-r", str(RESOLUTION_DPI), "-png", "-f", "1", "-l", str(MAX_PAGES),
             "-x", "0", "-y", "0", "-W", str(width), "-H", str(height),
             str(pdf), str(Path(folder) / "page")],
            timeout_s=timeout_s,
        )  # fmt: skip
        pages = sorted(Path(folder).glob("page*.png"))
        payloads = _zbar(pages, timeout_s=timeout_s)
        try:
            subject = pdf_subject(pdf, timeout_s=timeout_s)
        except FileNotFoundError:
            raise ReadError(ReadProblem.TOOL_MISSING) from None
    if not payloads:
        raise ReadError(ReadProblem.NO_CODE)
    content = subject.encode("utf-8") if subject else None
    return ReadDocument(InputKind.PDF, tuple(dict.fromkeys(payloads)), content)


def _text(data: bytes) -> ReadDocument:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError(ReadProblem.UNSUPPORTED) from None
    # A pasted code may be wrapped over lines; spaces inside belong to base45.
    payload = text.strip().translate(dict.fromkeys(map(ord, "\r\n\t"), None))
    if not payload:
        raise ReadError(ReadProblem.EMPTY)
    if not payload.isprintable():
        raise ReadError(ReadProblem.UNSUPPORTED)
    return ReadDocument(InputKind.TEXT, (payload,))


def read_document(data: bytes, *, timeout_s: float = TOOL_TIMEOUT_S) -> ReadDocument:
    """What ``data`` (a PDF, a PNG or JPEG photo, or the QR text) holds; raise
    :class:`ReadError`. The kind is told by the bytes, never by a file name."""
    if not data.strip():
        raise ReadError(ReadProblem.EMPTY)
    if len(data) > MAX_INPUT_BYTES:
        raise ReadError(ReadProblem.TOO_LARGE)
    if data.startswith(_PDF):
        return _pdf(data, timeout_s=timeout_s)
    if data.startswith(_PNG):
        return _photo(data, ".png", timeout_s=timeout_s)
    if data.startswith(_JPEG):
        return _photo(data, ".jpg", timeout_s=timeout_s)
    return _text(data)
