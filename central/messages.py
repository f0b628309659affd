"""Every sentence the central server says, in Chinese and English, in one catalogue.

The API's error bodies, the refusals of the complaint lifecycle and the routing rule's
reasons (``kiosk.domain.routing.RoutingWhy``) are looked up here by key; ``{name}`` is
filled from the values the caller gives. No text elsewhere in the server's code answers a
request (the inbox's page texts live in ``central.inbox.i18n``).

What an error means for the request is said apart from why (:class:`Consequence`), by the
endpoint it was sent to: a refused filing stored nothing, a refused status query looked
nothing up.

``tests/central/test_messages.py`` checks that every key used has both languages and that
every routing code has words.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from kiosk.domain.models import RegionLevel
from kiosk.domain.problems import Reason
from kiosk.domain.routing import RoutingWhy


class Consequence(StrEnum):
    """What a refused request did not do, said after the reason."""

    NOTHING_STORED = "consequence.nothing_stored"
    NOT_LOOKED_UP = "consequence.not_looked_up"
    APPEAL_NOT_STORED = "consequence.appeal_not_stored"
    KEY_NOT_PUBLISHED = "consequence.key_not_published"


#: The endpoint's path (under /api/v1) and what a refusal there means.
_CONSEQUENCES = {
    "/api/v1/complaints": Consequence.NOTHING_STORED,
    "/api/v1/complaints/status": Consequence.NOT_LOOKED_UP,
    "/api/v1/complaints/appeal": Consequence.APPEAL_NOT_STORED,
    "/api/v1/document-keys": Consequence.KEY_NOT_PUBLISHED,
}


def consequence_of(path: str) -> Consequence | None:
    """What a refused request to ``path`` did not do; None where nothing was asked of it."""
    return _CONSEQUENCES.get(path.rstrip("/"))


LEVEL_ZH = {
    RegionLevel.PROVINCE: "省级",
    RegionLevel.PREFECTURE: "市（州）级",
    RegionLevel.COUNTY: "县级",
    RegionLevel.TOWNSHIP: "乡镇（街道）级",
    RegionLevel.VILLAGE: "村级",
}

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- what a refusal did not do ------------------------------------------------------
    Consequence.NOTHING_STORED: ("投诉未保存。", "Nothing was stored."),
    Consequence.NOT_LOOKED_UP: ("未进行查询。", "Nothing was looked up."),
    Consequence.APPEAL_NOT_STORED: ("申诉未保存。", "The appeal was not stored."),
    Consequence.KEY_NOT_PUBLISHED: ("密钥未发布。", "The key was not published."),
    # ---- any request ---------------------------------------------------------------------
    "invalid_field": ("“{field}”一项不符合要求。", "The field “{field}” is not valid."),
    "malformed_json": ("请求内容不是有效的JSON。", "The body is not valid JSON."),
    "body_too_large": (
        "请求内容超过{limit_kib} KiB。",
        "The body is larger than {limit_kib} KiB.",
    ),
    "no_such_address": ("找不到这个地址。", "There is nothing at this address."),
    "method_not_allowed": ("不支持这种请求方式。", "This method is not allowed here."),
    "http_error": ("请求无法处理。", "The request cannot be handled."),
    "internal_error": (
        "服务器内部错误，请稍后再试。",
        "Internal server error; please try again later.",
    ),
    # ---- terminal signatures -------------------------------------------------------------
    "missing_signature": (
        "请求缺少终端签名。",
        "The request carries no valid terminal signature headers.",
    ),
    "unknown_kiosk": ("此终端未登记。", "This terminal is not registered."),
    "kiosk_revoked": ("此终端的登记已被撤销。", "This terminal's registration was revoked."),
    "stale_request": (
        "终端时钟与服务器相差超过{minutes}分钟，请校准时间。",
        "The terminal's clock is more than {minutes} minutes off the server's; set its time.",
    ),
    "bad_signature": ("终端签名无法验证。", "The terminal's signature does not verify."),
    "replayed_request": ("这个请求已经收到过。", "This request was already received."),
    # ---- filing --------------------------------------------------------------------------
    "idempotency_key_reused": (
        "这个幂等键已用于另一件不同的投诉。",
        "This idempotency key was already used for a different complaint.",
    ),
    "tracking_number_taken": ("这个查询编号已被使用。", "This tracking number is already taken."),
    "unknown_household": ("找不到这个档案号的农户。", "No household has this file number."),
    "unknown_aid_record": (
        "这户没有这笔补助记录。",
        "This household has no aid record with this reference.",
    ),
    "recorded_amount_mismatch": (
        "登记金额与服务器记录不一致。",
        "The recorded amount differs from the server's record.",
    ),
    "unknown_member": (
        "这户没有这位投诉人。",
        "The complainant is not a member of this household.",
    ),
    "unknown_cadre": ("找不到被反映的干部。", "A named cadre is unknown."),
    "unknown_office": ("找不到被反映的机关。", "A named office is unknown."),
    "unknown_region": ("被反映单位所在地区代码不存在。", "A named party's region code is unknown."),
    "unplaceable_region": (
        "被反映单位所在地区代码不对。",
        "A named party's region code is not valid.",
    ),
    # ---- status queries ------------------------------------------------------------------
    "wrong_tracking_or_secret": (
        "查询编号或密码不对。",
        "The tracking number or the secret is wrong.",
    ),
    "too_many_attempts": (
        "密码错误次数太多，请{minutes}分钟后再试。",
        "Too many wrong secrets; try again in {minutes} minutes.",
    ),
    # ---- document keys (central.document_keys) -------------------------------------------
    "document_key_taken": (
        "这个密钥编号已属于另一个密钥或另一台终端。",
        "This key id already belongs to another key or another terminal.",
    ),
    "document_key_revoked": (
        "这个文件签名密钥已被撤销，不能再发布；请用 kiosk keygen --rotate-document-key 换新密钥。",
        "This document key was revoked and cannot be published again; make a new one with "
        "`kiosk keygen --rotate-document-key`.",
    ),
    # ---- the complaint's lifecycle (inbox and appeals) -----------------------------------
    "bad_transition": (
        "投诉当前为“{status_zh}”，不能改为“{to_zh}”。",
        "A complaint that is {status} cannot become {to}.",
    ),
    "need_outcome": ("办结时须选择处理结果。", "Concluding needs an outcome."),
    "outcome_not_allowed": (
        "只有办结时才能填写处理结果。",
        "An outcome is given only when concluding.",
    ),
    "not_open": (
        "已办结或已结案的投诉不能再分派。",
        "A concluded or closed complaint cannot be assigned.",
    ),
    "bad_inspector": (
        "只能分派给本机关在岗的调查人员。",
        "A complaint can only be assigned to an active inspector of its own office.",
    ),
    "appeal_not_allowed": (
        "只有在办结后{days}天内才能申诉。",
        "An appeal is possible only within {days} days of the conclusion.",
    ),
    # ---- where a complaint goes (kiosk.domain.routing) -----------------------------------
    RoutingWhy.NO_PARTY: (
        "未指明被反映对象，按规定送{required_zh}纪检监察机关。",
        "No party is named, so the complaint goes to the {required} office.",
    ),
    RoutingWhy.DEPARTMENT: (
        "被反映的是{highest_zh}部门，按规定送监督它的{required_zh}纪检监察机关。",
        "A {highest} department is named, so the complaint goes to the {required} office "
        "that oversees that government's departments.",
    ),
    RoutingWhy.ONE_LEVEL_UP: (
        "被反映对象最高在{highest_zh}任职，按规定送上一级，即{required_zh}纪检监察机关。",
        "The highest post of those named is at {highest} level, so the complaint goes one "
        "level up, to the {required} office.",
    ),
    RoutingWhy.FURTHER_UP: (
        "该级机关缺失、管辖不到、被反映或与相关干部有关，已再向上送。",
        "No {required} office could take it (missing, outside its area, implicated or "
        "linked to a cadre involved), so it goes further up.",
    ),
    RoutingWhy.OFFICE: ("受理机关：{office}。", "Receiving office: {office}."),
    RoutingWhy.HIDDEN_FROM_RESPONSIBLE: (
        "本户帮扶干部看不到这件投诉。",
        "The household's responsible cadre cannot see it.",
    ),
    RoutingWhy.HIDDEN_FROM_NAMED: ("被反映的干部看不到这件投诉。", "No cadre it names can see it."),
    RoutingWhy.ABOVE_PROVINCE: (
        "被反映对象在省级任职，本系统中没有更高一级的纪检监察机关，请直接向上级机关反映。",
        "A party holds a province-level post and no office above the province is known "
        "here; the complaint must go to a higher authority directly.",
    ),
    RoutingWhy.NO_OFFICE: (
        "找不到可以受理的{required_zh}或更高一级纪检监察机关，请到上级机关当面反映。",
        "No discipline office at {required} level or above may receive this complaint; "
        "please take it to a higher authority in person.",
    ),
    RoutingWhy.NO_PLACE: (
        "不知道投诉涉及哪个地方：请先查询本户档案，或写明被反映对象所在单位。",
        "It is not known where the complaint belongs: look up the household first, or say "
        "which unit the party works in.",
    ),
}


def words(key: str, values: Mapping[str, object] | None = None) -> tuple[str, str]:
    """The (Chinese, English) sentence for ``key`` with ``values`` filled in.

    A region level's value (``required``, ``highest``) also gives ``<name>_zh``, its
    Chinese name, so one set of values serves both languages.
    """
    filled = {name: str(value) for name, value in (values or {}).items()}
    for name in ("required", "highest"):
        if name in filled:
            filled[f"{name}_zh"] = LEVEL_ZH[RegionLevel(filled[name])]
    zh, en = MESSAGES[key]
    return zh.format(**filled), en.format(**filled)


def reason_words(reason: Reason) -> tuple[str, str]:
    """A domain reason (the routing rule's) in both languages."""
    return words(reason.code, reason.as_dict())


def reasons_words(reasons: tuple[Reason, ...]) -> tuple[str, str]:
    """Several reasons as one paragraph each: Chinese runs on, English spaces."""
    pairs = [reason_words(reason) for reason in reasons]
    return "".join(zh for zh, _ in pairs), " ".join(en for _, en in pairs)
