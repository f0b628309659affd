"""The theme: readable contrast, large text and a style sheet with every token filled in."""

from __future__ import annotations

import dataclasses
import re

import pytest

from kiosk.config import UiConfig
from kiosk.views import theme as theme_module
from kiosk.views.theme import (
    HIGH_CONTRAST,
    MARK_ON_BACKGROUND,
    NORMAL,
    TEXT_ON_BACKGROUND,
    Theme,
    load_stylesheet,
    theme_for,
    with_large_text,
)

ALL_THEMES = [NORMAL, HIGH_CONTRAST, with_large_text(NORMAL), with_large_text(HIGH_CONTRAST)]
by_name = pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.name)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour written #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    """The contrast helper gives WCAG's 21:1 for black on white and 1:1 for a colour on itself."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@by_name
@pytest.mark.parametrize("pair", TEXT_ON_BACKGROUND, ids="{0[0]}-on-{0[1]}".format)
def test_every_text_colour_has_at_least_7_to_1_contrast(
    theme: Theme, pair: tuple[str, str]
) -> None:
    """Each text colour reaches WCAG AAA (7:1) on each background it is drawn on."""
    text, background = (getattr(theme, token) for token in pair)
    assert contrast_ratio(text, background) >= 7.0


@by_name
@pytest.mark.parametrize("pair", MARK_ON_BACKGROUND, ids="{0[0]}-on-{0[1]}".format)
def test_borders_and_accents_have_at_least_3_to_1_contrast(
    theme: Theme, pair: tuple[str, str]
) -> None:
    """Borders and accents stand out from their background (WCAG non-text contrast, 3:1)."""
    mark, background = (getattr(theme, token) for token in pair)
    assert contrast_ratio(mark, background) >= 3.0


def test_the_stylesheet_has_no_colour_of_its_own() -> None:
    """Every colour the style sheet uses is a token, so the pairs above cover it all."""
    template = theme_module.stylesheet_template()
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b", template)
    assert "rgb(" not in template


@by_name
def test_text_is_at_least_18_pt_and_start_at_least_200_px(theme: Theme) -> None:
    """No text token is below 18 pt, and the Start target tokens are 200 px or more."""
    sizes = {f.name: getattr(theme, f.name) for f in dataclasses.fields(theme)}
    assert min(v for k, v in sizes.items() if k.startswith("font_")) >= 18
    assert theme.font_body_pt >= 18
    assert theme.start_width_px >= 200
    assert theme.start_height_px >= 200
    assert theme.touch_min_px >= 80  # 20 mm on a 21.5" 1920x1080 panel


@by_name
def test_load_stylesheet_fills_in_every_token(theme: Theme) -> None:
    """The style sheet has no placeholder left and carries the theme's values."""
    stylesheet = load_stylesheet(theme)
    assert "{{" not in stylesheet
    assert "}}" not in stylesheet
    assert theme.primary_bg in stylesheet
    assert f"{theme.font_title_pt}pt" in stylesheet


def test_large_text_is_a_real_step() -> None:
    """Large text makes every reading size at least a third larger, body text 30 pt, and
    keeps the touch targets as they are."""
    large = with_large_text(NORMAL)
    for size in ("font_small_pt", "font_body_pt", "font_lead_pt", "font_button_pt"):
        assert getattr(large, size) >= 1.33 * getattr(NORMAL, size), size
    assert large.font_body_pt == 30
    assert large.start_height_px == NORMAL.start_height_px
    assert large.key_px == NORMAL.key_px


def test_an_unknown_token_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt token in the style sheet fails loudly instead of being ignored by Qt."""
    monkeypatch.setattr(
        theme_module, "stylesheet_template", lambda: "QLabel { color: {{ txet }}; }"
    )
    with pytest.raises(KeyError, match="txet"):
        load_stylesheet(NORMAL)


@pytest.mark.parametrize(
    ("high_contrast", "large_text", "name"),
    [
        (False, False, "normal"),
        (True, False, "high-contrast"),
        (False, True, "normal+large-text"),
        (True, True, "high-contrast+large-text"),
    ],
)
def test_theme_for_follows_the_ui_settings(
    high_contrast: bool, large_text: bool, name: str
) -> None:
    """The [ui] settings high_contrast and large_text choose the theme."""
    ui = UiConfig(
        language="zh_CN",
        fullscreen=False,
        idle_timeout_s=90,
        idle_countdown_s=20,
        large_text=large_text,
        high_contrast=high_contrast,
    )
    assert theme_for(ui).name == name
