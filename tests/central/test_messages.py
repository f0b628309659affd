"""The server's one catalogue: every sentence in both languages, and fitting its endpoint."""

from __future__ import annotations

import re
import string
from pathlib import Path

from central.messages import MESSAGES, Consequence, consequence_of, words
from kiosk.domain.models import RegionLevel
from kiosk.domain.routing import RoutingWhy
from tests.central.conftest import SignedClient, complaint_body, new_key
from tests.central.seed_data import World

CENTRAL = Path(__file__).resolve().parents[2] / "central"
LEVEL = RegionLevel.COUNTY.value


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_sentence_is_in_both_languages_with_the_same_values() -> None:
    """Chinese says it in Chinese, English in English, and both need the same values."""
    for key, (zh, en) in MESSAGES.items():
        assert re.search(r"[\u4e00-\u9fff]", zh), key
        assert en and not re.search(r"[\u4e00-\u9fff]", en.replace("“", "").replace("”", "")), key
        assert _names(zh) - {"required_zh", "highest_zh", "status_zh", "to_zh"} <= _names(en), key


def test_every_routing_code_has_words() -> None:
    """The routing rule's reasons, which the server writes into the complaint's record."""
    for why in RoutingWhy:
        zh, en = words(why, {"required": LEVEL, "highest": LEVEL, "office": "龙里县纪委监委"})
        assert "{" not in zh + en, why
    assert words(RoutingWhy.NO_PARTY, {"required": LEVEL})[0] == (
        "未指明被反映对象，按规定送县级纪检监察机关。"
    )


def test_every_message_key_the_server_uses_is_in_the_catalogue() -> None:
    """Each ``ApiError(...)`` code or ``message=`` key and each ``_refused``/``_unknown``
    code in the server's source has words (a missing one would answer with a KeyError)."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in CENTRAL.rglob("*.py"))
    used = set(re.findall(r'message="([a-z_]+)"', source))
    used |= set(re.findall(r'ApiError\(\s*\d{3},\s*"([a-z_]+)"(?![^)]*message=)', source))
    used |= set(re.findall(r'_(?:refused|unknown)\(\s*"([a-z_]+)"', source))
    used |= set(re.findall(r'TransitionError\(\s*"[a-z_]+",\s*"([a-z_]+)"', source))
    used |= set(re.findall(r'TransitionError\(\s*"([a-z_]+)"(?!,\s*")', source))
    assert used, "the patterns found nothing: the test no longer reads the source"
    assert used - set(MESSAGES) == set()


def test_consequences_by_endpoint() -> None:
    assert consequence_of("/api/v1/complaints") is Consequence.NOTHING_STORED
    assert consequence_of("/api/v1/complaints/status") is Consequence.NOT_LOOKED_UP
    assert consequence_of("/api/v1/complaints/appeal") is Consequence.APPEAL_NOT_STORED
    assert consequence_of("/api/v1/health") is None


def test_a_refused_status_query_says_nothing_was_looked_up(api: SignedClient) -> None:
    """A status query with a bad tracking number is not told "nothing was stored"."""
    response = api.post("/api/v1/complaints/status", {"tracking_number": "", "secret": "123456"})
    assert response.status_code == 422
    answer = response.json()
    assert answer["field"] == "tracking_number"
    assert answer["message_en"].endswith("Nothing was looked up.")
    assert answer["message_zh"].endswith("未进行查询。")
    assert "stored" not in answer["message_en"] and "未保存" not in answer["message_zh"]


def test_a_refused_filing_says_nothing_was_stored(api: SignedClient, world: World) -> None:
    body = complaint_body(world, tracking_number="1")
    response = api.post("/api/v1/complaints", body, idempotency_key=new_key())
    assert response.status_code == 422
    assert response.json()["message_en"] == (
        "The field “tracking_number” is not valid. Nothing was stored."
    )
    assert response.json()["message_zh"] == "“tracking_number”一项不符合要求。投诉未保存。"
