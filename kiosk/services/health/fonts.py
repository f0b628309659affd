"""Fonts: Chinese glyphs on screen, and a font reportlab can embed in printed records."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.services.health.base import (
    CJK_FONT_PACKAGES,
    PREFERRED_PRINT_FONT,
    RARE_FONT_FAMILIES,
    RARE_FONT_PACKAGE,
    CheckResult,
    Runner,
    Status,
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    family: str


def parse_fc_list(text: str) -> list[FontFile]:
    """Parse ``fc-list ... family file`` lines (``/path: Family,别名``), one per face."""
    fonts = []
    for line in text.splitlines():
        path, sep, families = line.partition(": ")
        if sep and path.strip():
            fonts.append(FontFile(Path(path.strip()), families.split(",")[0].strip()))
    return fonts


def has_truetype_outlines(path: Path) -> bool:
    """Whether the (first) font in a .ttf/.ttc file has ``glyf`` outlines, not CFF ones.

    Cheap: it reads only the table directory, so big CFF collections are skipped quickly.
    """
    try:
        with path.open("rb") as f:
            header = f.read(12)
            if header[:4] == b"ttcf":
                (offset,) = struct.unpack(">I", f.read(4))
                f.seek(offset)
                header = f.read(12)
            if header[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return False  # "OTTO" is an OpenType font with CFF outlines
            (num_tables,) = struct.unpack(">H", header[4:6])
            records = f.read(16 * num_tables)
    except (OSError, struct.error):
        return False
    return any(records[i : i + 4] == b"glyf" for i in range(0, len(records), 16))


def _reportlab_can_embed(path: Path) -> bool:
    """Whether reportlab accepts the font (it also refuses fonts that forbid embedding)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        TTFont("kiosk-doctor-probe", str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError):
        return False
    return True


def find_print_font(fonts: Sequence[FontFile]) -> Path | None:
    """The Chinese font printed records should embed: WenQuanYi Micro Hei first."""
    paths = sorted(
        {f.path for f in fonts if f.path.suffix.lower() in (".ttf", ".ttc")},
        key=lambda p: (p.name != PREFERRED_PRINT_FONT, str(p)),
    )
    for path in paths:
        if has_truetype_outlines(path) and _reportlab_can_embed(path):
            return path
    return None


def _family_summary(fonts: Sequence[FontFile], limit: int = 3) -> str:
    families = sorted({f.family for f in fonts}, key=lambda name: ("SC" not in name, name))
    shown = ", ".join(families[:limit])
    return f"{shown} and {len(families) - limit} more" if len(families) > limit else shown


def check_fonts(runner: Runner) -> CheckResult:
    """A font that covers Chinese for the screen, and an embeddable one for printed records."""
    name = "fonts"
    output = runner(["fc-list", ":lang=zh", "family", "file"])
    if output is None or output.returncode != 0:
        return CheckResult(
            name,
            Status.WARNING,
            "cannot list the installed fonts (fc-list is missing or failed)",
            f"sudo apt-get install fontconfig {CJK_FONT_PACKAGES}",
        )
    fonts = parse_fc_list(output.stdout)
    if not fonts:
        return CheckResult(
            name,
            Status.PROBLEM,
            "no installed font covers Chinese: the screens would show empty boxes",
            f"sudo apt-get install {CJK_FONT_PACKAGES}",
        )
    print_font = find_print_font(fonts)
    if print_font is None:
        return CheckResult(
            name,
            Status.WARNING,
            f"Chinese fonts: {_family_summary(fonts)}; none can be embedded in printed records"
            " (CFF outlines)",
            "sudo apt-get install fonts-wqy-microhei",
        )
    found = f"Chinese fonts: {_family_summary(fonts)}; printed records use {print_font.name}"
    missing = [family for family in RARE_FONT_FAMILIES if not _installed(runner, family)]
    if missing:
        return CheckResult(
            name,
            Status.WARNING,
            f"{found}; {', '.join(missing)} missing: rare characters in names (such as 䶮 𠮷)"
            " would print as gaps",
            f"sudo apt-get install {RARE_FONT_PACKAGE}",
        )
    return CheckResult(name, Status.OK, f"{found}, rare characters {'/'.join(RARE_FONT_FAMILIES)}")


def _installed(runner: Runner, family: str) -> bool:
    output = runner(["fc-list", f":family={family}", "file"])
    return output is not None and output.returncode == 0 and output.stdout.strip() != ""
