"""The status history worded on the kiosk: every step in the resident's language, the
office by its name and never its code, worded again when the language is switched."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.services.complaints.status import view_from_answer
from kiosk.views.i18n import Translations
from kiosk.views.screens.complaint.status_view import StatusView

from .conftest import Screens

OFFICE_CODE = "JW522730"
OFFICE_NAME = "龙里县纪委监委"


def _event(code: str | None, text: str = "", **values: str) -> dict[str, Any]:
    return {"at": "2026-11-29T08:15:00Z", "status": "investigating", "code": code,
            "values": values, "text": text}  # fmt: skip


#: A status answer as the central server gives it, one event of each kind.
ANSWER: dict[str, Any] = {
    "tracking_number": "384122905731",
    "category": "funds_withheld",
    "status": "investigating",
    "outcome": None,
    "office": {"code": OFFICE_CODE, "name": OFFICE_NAME},
    "received_at": "2026-11-29T08:15:00Z",
    "due_at": None,
    "can_appeal": False,
    "events": [
        _event("received", office_code=OFFICE_CODE, office_name=OFFICE_NAME),
        _event("assigned"),
        _event("investigating", "已调取2014年发放花名册。"),
        _event("concluded", outcome="partly_upheld"),
        _event("closed"),
        _event("reopened"),
        _event("a_code_from_a_newer_server"),
    ],
}

ZH = [
    "已收到，转龙里县纪委监委办理。",
    "您的投诉已交给办理人员。",
    "正在调查核实。\n办理人员留言：已调取2014年发放花名册。",
    "调查完毕。结果：经核实，您反映的问题部分属实。",
    "投诉已结案。",
    "已收到您的复查申请，正在重新调查。",
    "正在调查核实",  # an unknown code: the status in words
]
EN = [
    "Received, and sent to 龙里县纪委监委.",
    "An inspector has been given your complaint.",
    "The inspectors are looking into it.\nThe inspectors wrote: 已调取2014年发放花名册。",
    "Looked into. The outcome: Your complaint was found to be partly right.",
    "The complaint is closed.",
    "Your request for a review was received: it is being looked into again.",
    "Being looked into",
]


def _lines(view: StatusView) -> list[str]:
    # Each entry is "<when> · <line>"; the time is worded by its own tests.
    return [entry.text().split(" · ", 1)[1] for entry in view._entries]


def test_each_step_is_worded_in_chinese_then_english_with_the_office_by_name(
    qtbot: QtBot, screens: Screens, translations: Translations
) -> None:
    """Every code gets its own words in Chinese, the office named, never coded; switching
    to English while it is shown words the same history again in English."""
    view = screens.show(StatusView())
    view.show_status(view_from_answer(ANSWER))
    assert _lines(view) == ZH
    texts = " ".join(Screens.texts(view))
    assert OFFICE_CODE not in texts and "Received" not in texts
    translations.set_language("en")
    qtbot.waitUntil(lambda: _lines(view) == EN)
    assert OFFICE_CODE not in " ".join(Screens.texts(view))
    assert "已收到" not in " ".join(Screens.texts(view))
