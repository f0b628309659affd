"""The stage timeline shows a step in another state with a box styled for that state from
the start: it must look exactly like a timeline that showed those steps first, make no
boxes beyond one per step and state, and leave no words in the boxes it hides."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.i18n import Translations
from kiosk.views.theme import NORMAL, load_stylesheet
from kiosk.views.widgets.timeline import BREAK, StageTimeline, Step

NAMES = ("申报", "评审论证", "批复", "资金下达", "资金报账", "实施中", "竣工验收")


def steps(current: int) -> list[Step]:
    """Seven steps reached up to ``current``, each on its own day."""
    return [
        Step(name, f"2024年{BREAK}{index + 1}月{index + 2}日" if index <= current else None)
        for index, name in enumerate(NAMES)
    ]


def timeline_in(qtbot: QtBot, width: int = 1700) -> tuple[QWidget, StageTimeline]:
    """A timeline at the top of its own window with the terminal's style sheet, on screen
    (the window is returned too: the caller keeps it alive)."""
    window = QWidget()
    window.setStyleSheet(load_stylesheet(NORMAL))
    qtbot.addWidget(window)
    timeline = StageTimeline()
    layout = QVBoxLayout(window)
    layout.addWidget(timeline)
    layout.addStretch(1)
    window.resize(width, 900)
    window.show()
    qtbot.waitExposed(window)
    return window, timeline


def looks_alike(first: StageTimeline, second: StageTimeline) -> bool:
    """Whether the two timelines paint exactly the same pixels."""
    return first.grab().toImage() == second.grab().toImage()


def step_boxes(timeline: StageTimeline) -> list[QFrame]:
    return [box for box in timeline.findChildren(QFrame) if box.property("role") == "stage"]


def test_a_timeline_moved_to_other_stages_looks_as_if_it_showed_them_first(
    qtbot: QtBot, translations: Translations
) -> None:
    """From "proposed" to "accepted" and to "approved": the same pixels as a fresh one."""
    _window, timeline = timeline_in(qtbot)
    for current in (0, 6, 2):
        timeline.set_steps(steps(current), current)
        _other, fresh = timeline_in(qtbot)
        fresh.set_steps(steps(current), current)
        # Both lay themselves out as the event loop turns; then they must match exactly.
        qtbot.waitUntil(partial(looks_alike, timeline, fresh), timeout=2000)
        assert timeline.size() == fresh.size()


def test_switching_back_and_forth_makes_no_more_boxes(
    qtbot: QtBot, translations: Translations
) -> None:
    """After each state has been shown once, switching again makes and restyles nothing."""
    _window, timeline = timeline_in(qtbot)
    for current in (0, 6, 3):
        timeline.set_steps(steps(current), current)
    made = step_boxes(timeline)
    assert len(made) <= 3 * len(NAMES)
    for current in (6, 0, 3, 6):
        timeline.set_steps(steps(current), current)
        assert [box.state() for box in timeline.boxes] == [
            "done" if i < current else "current" if i == current else "ahead"
            for i in range(len(NAMES))
        ]
    assert step_boxes(timeline) == made
    shown = [box for box in made if not box.isHidden()]
    assert shown == timeline.boxes


def test_hidden_boxes_keep_no_words(qtbot: QtBot, translations: Translations) -> None:
    """Boxes put aside by a switch, and every box after clear(), hold no text at all."""
    _window, timeline = timeline_in(qtbot)
    timeline.set_steps(steps(6), 6)
    timeline.set_steps(steps(0), 0)
    for box in step_boxes(timeline):
        texts = [label.text() for label in box.findChildren(QLabel)] + [box.accessibleName()]
        if box.isHidden():
            assert not any(texts)
        else:
            assert box.accessibleName()
    timeline.clear()
    for box in step_boxes(timeline):
        assert not any(label.text() for label in box.findChildren(QLabel))
        assert not box.accessibleName()


def test_a_box_made_after_the_turn_to_portrait_runs_in_one_line(
    qtbot: QtBot, translations: Translations
) -> None:
    """On a narrow screen a step's new box shows mark, name and date in one line too."""
    _window, timeline = timeline_in(qtbot, width=700)
    timeline.set_steps(steps(0), 0)
    qtbot.waitUntil(timeline.is_vertical)
    timeline.set_steps(steps(6), 6)
    for box in timeline.boxes:
        assert "\n" not in box.date_label.text()

    def one_under_another() -> bool:
        tops = [box.y() for box in timeline.boxes]
        return tops == sorted(set(tops))

    qtbot.waitUntil(one_under_another)
    assert all(box.mark_label.y() == box.name_label.y() for box in timeline.boxes)
