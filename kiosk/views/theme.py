"""The look of the kiosk: design tokens and the one style sheet they fill in.

``theme/base.qss`` is the only style sheet of the application. It names tokens as
``{{ token }}``; :func:`load_stylesheet` replaces each with the value of the field of that
name in a :class:`Theme`. Widgets choose a style with a dynamic ``role`` property (or an
object name for one-off widgets) and never set colours or sizes themselves.

There are two palettes, :data:`NORMAL` and :data:`HIGH_CONTRAST`, and :func:`with_large_text`
makes the large-text variant of either. Every text colour keeps a contrast of at least 7:1
(WCAG AAA) against the background it is drawn on; :data:`TEXT_ON_BACKGROUND` lists those
pairs so a test can check them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from importlib import resources

from kiosk.config import UiConfig

_TOKEN = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


@dataclass(frozen=True)
class Theme:
    """Design tokens. Colours are ``#rrggbb``, font sizes points, other sizes pixels."""

    name: str

    window_bg: str
    text: str
    #: Secondary text (hints, dates). Still 7:1 against the background: old eyes first.
    text_muted: str
    header_bg: str
    header_text: str
    primary_bg: str
    primary_pressed_bg: str
    primary_text: str
    secondary_bg: str
    secondary_pressed_bg: str
    secondary_text: str
    #: Borders and marks that are not text: at least 3:1 against the background.
    border: str
    error_accent: str
    #: Ending the session: a colour of its own, apart from the primary actions.
    end_bg: str
    end_pressed_bg: str
    end_text: str
    #: Poverty-index bands (household screen): text on the band's background; the band is
    #: always also given in words and by a symbol, never by colour alone.
    band_text: str
    band_poor_bg: str
    band_at_risk_bg: str
    band_stable_bg: str

    #: 18 pt is the floor for any text a resident has to read.
    font_small_pt: int
    font_body_pt: int
    font_lead_pt: int
    font_title_pt: int
    font_button_pt: int
    font_start_pt: int
    #: Characters on keypad keys and in the keypad's display line.
    font_key_pt: int
    #: The words on the editing keys (Delete, Clear): they must fit one key.
    font_key_word_pt: int

    #: Smallest side of anything that can be touched (about 24 mm on a 21.5" 1080p panel).
    touch_min_px: int
    #: Buttons that move a resident on or back ("Back to start").
    action_width_px: int
    action_height_px: int
    start_width_px: int
    start_height_px: int
    #: Side of a keypad key (at least 110 px: a fingertip of a shaking hand).
    key_px: int
    padding_px: int
    radius_px: int
    border_px: int


#: (text colour, background colour) token pairs that the style sheet actually combines.
TEXT_ON_BACKGROUND: tuple[tuple[str, str], ...] = (
    ("text", "window_bg"),
    ("text_muted", "window_bg"),
    ("text_muted", "secondary_bg"),
    ("header_text", "header_bg"),
    ("primary_text", "primary_bg"),
    ("primary_text", "primary_pressed_bg"),
    ("secondary_text", "secondary_bg"),
    ("secondary_text", "secondary_pressed_bg"),
    ("end_text", "end_bg"),
    ("end_text", "end_pressed_bg"),
    ("band_text", "band_poor_bg"),
    ("band_text", "band_at_risk_bg"),
    ("band_text", "band_stable_bg"),
)

#: (mark colour, background colour) pairs of non-text elements: borders and accents.
MARK_ON_BACKGROUND: tuple[tuple[str, str], ...] = (
    ("border", "window_bg"),
    ("border", "secondary_bg"),
    ("error_accent", "window_bg"),
    ("primary_bg", "secondary_bg"),
)

NORMAL = Theme(
    name="normal",
    window_bg="#f6f2e9",
    text="#1a1a1a",
    text_muted="#3a3a3a",
    header_bg="#123f6b",
    header_text="#ffffff",
    primary_bg="#0a5634",
    primary_pressed_bg="#063d25",
    primary_text="#ffffff",
    secondary_bg="#ffffff",
    secondary_pressed_bg="#e4ddcc",
    secondary_text="#1a1a1a",
    border="#5c5c5c",
    error_accent="#a3262a",
    end_bg="#7a1f1f",
    end_pressed_bg="#5a1414",
    end_text="#ffffff",
    band_text="#ffffff",
    band_poor_bg="#8a1f1f",
    band_at_risk_bg="#6e4300",
    band_stable_bg="#0a5634",
    font_small_pt=18,
    font_body_pt=22,
    font_lead_pt=26,
    font_title_pt=44,
    font_button_pt=28,
    font_start_pt=60,
    font_key_pt=40,
    font_key_word_pt=22,
    touch_min_px=96,
    action_width_px=360,
    action_height_px=128,
    start_width_px=480,
    start_height_px=240,
    key_px=112,
    padding_px=24,
    radius_px=16,
    border_px=3,
)

HIGH_CONTRAST = dataclasses.replace(
    NORMAL,
    name="high-contrast",
    window_bg="#000000",
    text="#ffffff",
    text_muted="#f0f0f0",
    header_bg="#000000",
    header_text="#ffff00",
    primary_bg="#ffd400",
    primary_pressed_bg="#ffe866",
    primary_text="#000000",
    secondary_bg="#000000",
    secondary_pressed_bg="#333333",
    secondary_text="#ffffff",
    border="#ffffff",
    error_accent="#ff6b6b",
    end_bg="#ffffff",
    end_pressed_bg="#d9d9d9",
    end_text="#000000",
    band_text="#000000",
    band_poor_bg="#ff9e9e",
    band_at_risk_bg="#ffd400",
    band_stable_bg="#7dff9b",
    border_px=4,
)


#: How much larger "large text" makes reading text: body text goes from 22 to 30 pt, the
#: size elderly-friendly guidelines allow at most, and no reading size grows by less than a
#: third, a step an old eye sees at once.
LARGE_TEXT_FACTOR = 1.36


def with_large_text(theme: Theme, factor: float = LARGE_TEXT_FACTOR) -> Theme:
    """The same theme with its reading text ``factor`` times larger.

    The title, the Start label, the characters on keys and the touch targets keep their
    size: they are large already, and the screen has to hold the larger paragraphs.
    """

    def scaled(value: int) -> int:
        return round(value * factor)

    return dataclasses.replace(
        theme,
        name=f"{theme.name}+large-text",
        font_small_pt=scaled(theme.font_small_pt),
        font_body_pt=scaled(theme.font_body_pt),
        font_lead_pt=scaled(theme.font_lead_pt),
        font_button_pt=scaled(theme.font_button_pt),
    )


def theme_for(ui: UiConfig) -> Theme:
    """The theme a terminal's ``[ui]`` settings ask for."""
    theme = HIGH_CONTRAST if ui.high_contrast else NORMAL
    return with_large_text(theme) if ui.large_text else theme


def stylesheet_template() -> str:
    """The text of ``theme/base.qss`` with its ``{{ token }}`` placeholders."""
    return resources.files("kiosk.views").joinpath("theme", "base.qss").read_text(encoding="utf-8")


def load_stylesheet(theme: Theme) -> str:
    """The application style sheet with every token replaced by ``theme``'s value.

    Raises ``KeyError`` naming a token that :class:`Theme` does not have, so a typo in the
    style sheet fails loudly instead of leaving Qt to ignore the rule.
    """
    values = dataclasses.asdict(theme)

    def substitute(match: re.Match[str]) -> str:
        token = match[1]
        if token not in values or token == "name":
            raise KeyError(f"theme/base.qss uses unknown token {{{{ {token} }}}}")
        return str(values[token])

    return _TOKEN.sub(substitute, stylesheet_template())
