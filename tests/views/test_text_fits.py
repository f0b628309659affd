"""Nothing is cut off: on every screen of the resident's tour, in both languages, both
orientations and both text sizes, every label's and button's text fits its widget, measured
with the font it is drawn in; and the review of a complaint shows the office it goes to and
Send without scrolling.

The tour is the one ``kiosk screenshots`` takes, with the screens no picture is taken of
(the whole ID number typed, a phone number, a filed complaint's secret) as well.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.commands.screenshots import LANGUAGES, SIZES, Shot, _demo_store, walk
from kiosk.views.fit import cut_off_texts, in_view
from kiosk.views.screens.complaint import ComplaintScreen

#: Every screen the tour must have stopped at: a tour cut short checks nothing.
SCREENS = {
    "attract", "id-number", "id-number-complete", "initials", "home", "household",
    "certificate-preview", "ledger", "statement-preview", "dispute", "dispute-amount", "cadre",
    "loans", "projects", "bulletins",
    "still-there", "complaint-category", "complaint-words", "complaint-level",
    "complaint-phone", "complaint-implicated", "complaint-review", "complaint-filed",
    "receipt-preview", "receipt-failed",
    "confirm-end", "check-complaint", "check-complaint-secret",
}  # fmt: skip


@pytest.fixture(scope="module")
def tour_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo_store(tmp_path_factory.mktemp("tour") / "demo.sqlite3")


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("orientation", list(SIZES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_fits(
    qtbot: QtBot,
    tour_store: Path,
    tmp_path: Path,
    language: str,
    orientation: str,
    large_text: bool,
) -> None:
    db = tmp_path / "demo.sqlite3"
    shutil.copyfile(tour_store, db)
    problems: dict[str, list[str]] = {}
    seen: list[str] = []

    def visit(shot: Shot) -> None:
        seen.append(shot.name)
        width, height = SIZES[orientation]
        assert (shot.window.width(), shot.window.height()) == (width, height), shot.name
        cut = [str(problem) for problem in cut_off_texts(shot.window)]
        if cut:
            problems[shot.name] = cut
        if shot.name == "complaint-review":
            screen = shot.window.current_screen()
            assert isinstance(screen, ComplaintScreen)
            review = screen.review_step
            assert review.office_value.text()
            for widget in (review.office_title, review.office_value, review.send_button):
                assert in_view(widget, shot.window), widget.objectName()

    walk(
        db,
        visit,
        languages=[language],
        orientations=[orientation],
        large_text=large_text,
        private=True,
    )
    assert set(seen) == SCREENS
    assert problems == {}
