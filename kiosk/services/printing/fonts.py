"""The fonts every printed record uses, found on the machine and registered once.

WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) is a TrueType collection, so reportlab
can embed a subset of it in each PDF. Printers then draw exactly the glyphs the kiosk drew.
The obvious alternatives fail quietly on paper: reportlab cannot embed CFF-flavoured
OpenType such as Noto CJK, and its built-in CID fonts (STSong-Light) are never embedded, so
a printer substitutes whatever it has, or nothing.

**Rare characters.** Micro Hei has the 20,000-odd characters of the basic CJK block, not
those of Extensions A and B that some residents' names use (䶮, 㑇, 𠮷). For those, each
text is split into runs, and a run the main face cannot draw is set in the first fallback
face that can: HanaMin A (the basic block and Extension A) and HanaMin B (Extensions B to
F), from Debian's fonts-hanazono, both plain TrueType, so they embed the same way. A
fallback character is drawn in a Song (Ming) style beside the Hei of the rest, which reads
as the same character; a gap in a name does not. reportlab has no fallback of its own:
:func:`markup` is how every paragraph gets it. :func:`missing_characters` names what no
installed face has, and the fallbacks are optional, so a terminal without them still
prints its ordinary records.

**Copy and search.** reportlab 5.1 writes each embedded glyph's Unicode value as four hex
digits in the font's ToUnicode map, which for a character beyond U+FFFF (𠮷 is U+20BB7) is
not the UTF-16 the PDF standard asks for: the glyph prints right, but a PDF reader copies
a wrong character. :func:`_to_unicode_cmap` writes those entries as UTF-16 surrogate pairs.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Face:
    """One font file as reportlab registers it."""

    name: str
    """The name documents use in their styles and ``<font face>`` tags."""
    family: str
    """The family fontconfig knows it by."""
    package: str
    """The Debian package that installs it."""
    known_paths: tuple[Path, ...]
    """Where Debian, Fedora and Arch put the file, for machines without fontconfig."""
    subfont: int = 0
    """Which font of a collection (Micro Hei's holds Micro Hei, 0, and Micro Hei Mono, 1)."""


MAIN = Face(
    "WenQuanYiMicroHei",
    "WenQuanYi Micro Hei",
    "fonts-wqy-microhei",
    (
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
        Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
    ),
)
FALLBACKS: tuple[Face, ...] = (
    Face(
        "HanaMinA",
        "HanaMinA",
        "fonts-hanazono",
        (
            Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
            Path("/usr/share/fonts/hanazono/HanaMinA.ttf"),
        ),
    ),
    Face(
        "HanaMinB",
        "HanaMinB",
        "fonts-hanazono",
        (
            Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
            Path("/usr/share/fonts/hanazono/HanaMinB.ttf"),
        ),
    ),
)
"""Tried in order for a character the main face lacks."""

FONT_NAME = MAIN.name
"""The name documents use in their styles; :func:`register_font` makes it exist."""
FAMILY = MAIN.family
PACKAGE = MAIN.package
KNOWN_PATHS = MAIN.known_paths

_lock = threading.Lock()
_faces: list[tuple[str, dict[int, int]]] = []
"""The main face once registered: its name and its character map."""
_fallbacks: list[tuple[str, dict[int, int]]] | None = None
"""The fallback faces in the order they are tried; None until first looked for."""


class FontMissingError(RuntimeError):
    """The font is not installed: printing cannot make a record a printer will render."""

    def __init__(self) -> None:
        super().__init__(
            f"the {FAMILY} font is not installed; install the Debian package {PACKAGE} "
            "(scripts/lib/bootstrap.sh lists it)"
        )


def _fontconfig_file(family: str = FAMILY) -> Path | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    # fc-list (unlike fc-match) names only fonts of that family, never a substitute.
    result = subprocess.run(
        [fc_list, f":family={family}", "-f", "%{file}\n"],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    for line in sorted(result.stdout.splitlines()):
        path = Path(line.strip())
        if path.suffix.lower() in {".ttc", ".ttf"} and path.is_file():
            return path
    return None


def _face_file(face: Face) -> Path | None:
    found = _fontconfig_file(face.family)
    if found is not None:
        return found
    return next((path for path in face.known_paths if path.is_file()), None)


def find_font_file() -> Path:
    """The main font's file, asked of fontconfig first and then looked for where
    distributions put it; :class:`FontMissingError` if neither finds it."""
    found = _fontconfig_file()
    if found is not None:
        return found
    for path in KNOWN_PATHS:
        if path.is_file():
            return path
    raise FontMissingError()


def _register(face: Face, path: Path) -> tuple[str, dict[int, int]]:
    if face.name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(face.name, str(path), subfontIndex=face.subfont))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(face.name, bold, italic, face.name)
    return face.name, pdfmetrics.getFont(face.name).face.charToGlyph


def register_font() -> str:
    """Register the main face (once per process) and return its name.

    Safe to call from any thread and as often as wanted: documents call it every time they
    are built. Bold and italic map to the same face, since the family has no other, so a
    ``<b>`` in a paragraph never falls back to a font without Chinese. The fallback faces
    are registered only when a text first needs one (:func:`_fallback_faces`): parsing
    their 50 MB would triple the first record's time on every terminal for a character
    few residents have.
    """
    with _lock:
        if not _faces:
            _patch_to_unicode()
            _faces.append(_register(MAIN, find_font_file()))
    return FONT_NAME


def _fallback_faces() -> list[tuple[str, dict[int, int]]]:
    """The fallback faces installed, registered the first time they are asked for."""
    global _fallbacks
    with _lock:
        if _fallbacks is None:
            found = []
            for face in FALLBACKS:
                path = _face_file(face)
                if path is None:
                    _log.warning(
                        "Font %s is not installed: rare characters will print as gaps"
                        " (install the Debian package %s)",
                        face.family,
                        face.package,
                    )
                else:
                    found.append(_register(face, path))
            _fallbacks = found
        return _fallbacks


def _face_for(ch: str) -> str | None:
    """The first face that has a glyph for ``ch``, or None."""
    code = ord(ch)
    if code in _faces[0][1]:
        return FONT_NAME
    for name, char_map in _fallback_faces():
        if code in char_map:
            return name
    return None


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into runs of (face name, characters), each run in the first face that
    draws all of it; spaces, line breaks and characters no face has stay in the run around
    them (the main face, when they start the text)."""
    register_font()
    found: list[tuple[str, str]] = []
    for ch in text:
        face = None if ch.isspace() else _face_for(ch)
        if face is None:
            face = found[-1][0] if found else FONT_NAME
        if found and found[-1][0] == face:
            found[-1] = (face, found[-1][1] + ch)
        else:
            found.append((face, ch))
    return found


def markup(text: str) -> str:
    """Plain ``text`` as paragraph markup: escaped, with each run the main face cannot draw
    set in a fallback face (``<font face="HanaMinB">𠮷</font>``)."""
    return "".join(
        escape(chars) if face == FONT_NAME else f'<font face="{face}">{escape(chars)}</font>'
        for face, chars in runs(text)
    )


def missing_characters(text: str) -> set[str]:
    """The characters of ``text`` that no installed face has a glyph for: a caller can tell
    staff rather than print a gap."""
    register_font()
    return {ch for ch in text if not ch.isspace() and _face_for(ch) is None}


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(original: Callable[[str, list[int]], str]) -> Callable[[str, list[int]], str]:
    """reportlab's ToUnicode map, with each entry beyond U+FFFF written as the UTF-16
    surrogate pair the PDF standard asks for (reportlab writes the code point's hex)."""

    def make(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        for index, code in enumerate(subset):
            if code > 0xFFFF:
                wrong = f"<{index:02X}> <{code:04X}>"
                text = text.replace(f"\n{wrong}\n", f"\n<{index:02X}> <{_utf16_hex(code)}>\n", 1)
        return text

    make.kiosk_patched = True  # type: ignore[attr-defined]
    return make


def _patch_to_unicode() -> None:
    if not getattr(ttfonts.makeToUnicodeCMap, "kiosk_patched", False):
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap(ttfonts.makeToUnicodeCMap)
