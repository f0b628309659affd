"""The one font every printed record uses, found on the machine and registered once.

WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) is a TrueType collection, so reportlab
can embed a subset of it in each PDF. Printers then draw exactly the glyphs the kiosk drew.
The obvious alternatives fail quietly on paper: reportlab cannot embed CFF-flavoured
OpenType such as Noto CJK, and its built-in CID fonts (STSong-Light) are never embedded, so
a printer substitutes whatever it has, or nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WenQuanYiMicroHei"
"""The name documents use in their styles; :func:`register_font` makes it exist."""

FAMILY = "WenQuanYi Micro Hei"
PACKAGE = "fonts-wqy-microhei"
KNOWN_PATHS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
)
"""Where Debian, Fedora and Arch put the file, for machines without fontconfig."""

_SUBFONT = 0  # the collection holds Micro Hei (0) and Micro Hei Mono (1)
_lock = threading.Lock()


class FontMissingError(RuntimeError):
    """The font is not installed: printing cannot make a record a printer will render."""

    def __init__(self) -> None:
        super().__init__(
            f"the {FAMILY} font is not installed; install the Debian package {PACKAGE} "
            "(scripts/lib/bootstrap.sh lists it)"
        )


def _fontconfig_file() -> Path | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    # fc-list (unlike fc-match) names only fonts of that family, never a substitute.
    result = subprocess.run(
        [fc_list, f":family={FAMILY}", "-f", "%{file}\n"],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    for line in result.stdout.splitlines():
        path = Path(line.strip())
        if path.suffix.lower() in {".ttc", ".ttf"} and path.is_file():
            return path
    return None


def find_font_file() -> Path:
    """The font file, asked of fontconfig first and then looked for where distributions
    put it; :class:`FontMissingError` if neither finds it."""
    found = _fontconfig_file()
    if found is not None:
        return found
    for path in KNOWN_PATHS:
        if path.is_file():
            return path
    raise FontMissingError()


def register_font() -> str:
    """Register the font with reportlab (once per process) and return its name.

    Safe to call from any thread and as often as wanted: documents call it every time they
    are built. Bold and italic map to the same face, since the family has no other, so a
    ``<b>`` in a paragraph never falls back to a font without Chinese.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(FONT_NAME, str(find_font_file()), subfontIndex=_SUBFONT)
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME


def missing_characters(text: str) -> set[str]:
    """The characters of ``text`` the font has no glyph for (rare characters of Extension B
    and beyond): a caller can tell staff rather than print a gap."""
    font = pdfmetrics.getFont(register_font())
    has = font.face.charToGlyph
    return {ch for ch in text if not ch.isspace() and ord(ch) not in has}
