"""Words of the inbox in Simplified Chinese and English, and how a request picks its language.

Chinese is the default: inspectors work in Chinese. English is there for a colleague who
reads it better, chosen with the switch in the page header (a cookie) or, before any
choice, by the browser's Accept-Language.
"""

from __future__ import annotations

from enum import StrEnum

from starlette.requests import Request

from central.public_notes import Line
from kiosk.domain.disclosure import Shown
from kiosk.domain.models import (
    Channel,
    ComplaintCategory,
    ComplaintStatus,
    Disclosure,
    Outcome,
    PartyKind,
    Programme,
)

LANG_COOKIE = "inbox_lang"


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"


def request_lang(request: Request) -> Lang:
    """The language of one request: the explicit choice, else Accept-Language, else Chinese."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in (Lang.ZH, Lang.EN):
        return Lang(chosen)
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return Lang.ZH
        if tag.startswith("en"):
            return Lang.EN
    return Lang.ZH


_ENUM_WORDS: dict[StrEnum, tuple[str, str]] = {
    ComplaintCategory.FUNDS_WITHHELD: ("截留挪用扶贫资金", "Funds withheld or misappropriated"),
    ComplaintCategory.FALSE_CLAIMS: ("虚报冒领、重复领取", "False or duplicate claims"),
    ComplaintCategory.FAVOURITISM: ("优亲厚友", "Favouritism toward relatives"),
    ComplaintCategory.WRONG_IDENTIFICATION: ("识别不精准", "Wrong identification"),
    ComplaintCategory.BRIBES: ("吃拿卡要", "Bribes or demands"),
    ComplaintCategory.CADRE_NOT_HELPING: ("帮扶干部不作为", "Responsible cadre not helping"),
    ComplaintCategory.OTHER: ("其他", "Other"),
    ComplaintStatus.RECEIVED: ("已受理", "Received"),
    ComplaintStatus.ASSIGNED: ("已分派", "Assigned"),
    ComplaintStatus.INVESTIGATING: ("调查中", "Investigating"),
    ComplaintStatus.CONCLUDED: ("已办结", "Concluded"),
    ComplaintStatus.CLOSED: ("已关闭", "Closed"),
    Outcome.UPHELD: ("属实", "Upheld"),
    Outcome.PARTLY_UPHELD: ("部分属实", "Partly upheld"),
    Outcome.NOT_UPHELD: ("不属实", "Not upheld"),
    Outcome.REFERRED: ("移交其他机关", "Referred elsewhere"),
    PartyKind.CADRE: ("干部", "Cadre"),
    PartyKind.DEPARTMENT: ("部门", "Department"),
    PartyKind.OFFICE: ("纪检监察机构", "Inspection office"),
    PartyKind.PERSON: ("个人", "Person"),
    Programme.DISASTER_RELIEF: ("灾害救助", "Disaster relief"),
    Programme.SUBSISTENCE_ALLOWANCE: ("最低生活保障", "Subsistence allowance"),
    Programme.INDUSTRY_SUPPORT: ("产业扶持资金", "Industry support"),
    Programme.EDUCATION_GRANT: ("教育资助", "Education grant"),
    Programme.MEDICAL_AID: ("医疗救助", "Medical aid"),
    Programme.HOUSING_RENOVATION: ("危房改造补助", "Housing renovation"),
    Programme.ELDERLY_ALLOWANCE: ("高龄补贴", "Elderly allowance"),
    Programme.DISABILITY_ALLOWANCE: ("残疾人两项补贴", "Disability allowance"),
    Programme.ECOLOGICAL_COMPENSATION: ("生态公益林补偿", "Ecological compensation"),
    Programme.SKILLS_TRAINING: ("技能培训补贴", "Skills training"),
    Programme.RELOCATION: ("易地扶贫搬迁补助", "Relocation"),
    Programme.LOAN_INTEREST_SUBSIDY: ("小额信贷贴息", "Loan interest subsidy"),
    Channel.ONE_CARD: ("一卡通", "One-card account"),
    Channel.BANK_TRANSFER: ("银行转账", "Bank transfer"),
    Channel.CASH: ("现金", "Cash"),
    Channel.IN_KIND: ("实物", "In kind"),
    # The levels and what each shows, in the very words the kiosk's review screen told the
    # complainant (kiosk.views.screens.complaint.words; tests/views/test_disclosure_words.py
    # holds the two equal).
    Disclosure.NAMED: ("实名反映", "With my name"),
    Disclosure.ANONYMOUS: ("匿名反映本户的事", "Anonymous, about my own household"),
    Disclosure.VILLAGE_REPORT: ("匿名反映村里的事", "Anonymous, about something in the village"),
    Shown.COMPLAINT: (
        "反映的事、您说的话和您指出的人",
        "What it is about, your words and whom you name",
    ),
    Shown.TERMINAL: ("您在哪个便民服务大厅反映", "Which service hall you filed it at"),
    Shown.NAME: ("您的姓名", "Your name"),
    Shown.PHONE: ("您留下的电话号码", "The phone number you leave"),
    Shown.HOUSEHOLD_FILE: ("本户的档案号和所在村", "Your household's file number and village"),
    Shown.MEMBERS: ("本户家庭成员的姓名", "The names of your household's members"),
    Shown.PAYMENTS: ("本户的补助发放记录", "Your household's payment records"),
}

# Every fixed phrase of the pages, by key. Templates call ``t("key")``.
_PHRASES: dict[str, tuple[str, str]] = {
    "app_title": ("纪检监察投诉收件箱", "Discipline inspection inbox"),
    "skip": ("跳到正文", "Skip to content"),
    "language": ("语言", "Language"),
    "signed_in_as": ("当前用户", "Signed in as"),
    "logout": ("退出登录", "Sign out"),
    "login_title": ("登录", "Sign in"),
    "username": ("用户名", "Username"),
    "password": ("密码", "Password"),
    "login_button": ("登录", "Sign in"),
    "login_failed": (
        "用户名或密码不正确，或账户因多次失败已被暂时锁定（15分钟起），请稍后再试。",
        "Wrong username or password, or the account is locked for a while (15 minutes"
        " or more) after repeated failures. Please try again later.",
    ),
    "logged_out": ("您已退出登录。", "You have signed out."),
    "expired": ("登录已过期，请重新登录。", "Your session has expired; please sign in again."),
    "inbox": ("投诉列表", "Complaints"),
    "filters": ("筛选", "Filter"),
    "status": ("状态", "Status"),
    "category": ("类别", "Category"),
    "any": ("全部", "Any"),
    "overdue_only": ("只看已超期", "Overdue only"),
    "apply": ("筛选", "Apply"),
    "clear": ("清除筛选", "Clear filters"),
    "tracking_number": ("查询编号", "Tracking number"),
    "received_at": ("受理时间", "Received"),
    "due_at": ("办理期限", "Due"),
    "overdue": ("已超期", "OVERDUE"),
    "no_due": ("未设期限", "No due date"),
    "none_found": ("没有符合条件的投诉。", "No complaints match."),
    "page_of": ("第 {page} 页，共 {pages} 页（{total} 件）", "Page {page} of {pages} ({total})"),
    "previous": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "back_to_list": ("返回列表", "Back to the list"),
    "complaint": ("投诉", "Complaint"),
    "text": ("投诉内容", "What the resident says"),
    "no_text": ("（无文字）", "(no text)"),
    "complainant": ("投诉人", "Complainant"),
    "anonymous": ("匿名投诉，无联系方式", "Anonymous: no contact details"),
    "disclosure": ("反映方式", "How it was filed"),
    "disclosure_heading": ("反映方式：{level}", "How it was filed: {level}"),
    "told_shown": (
        "终端告诉投诉人，纪检监察机关会看到：",
        "The kiosk told the complainant that the inspectors see:",
    ),
    "told_hidden": (
        "并告诉投诉人，纪检监察机关看不到：",
        "And that the inspectors do not see:",
    ),
    "not_disclosed": ("不告知（匿名）", "Not disclosed (anonymous)"),
    "no_name_recorded": (
        "未记录姓名（分级反映之前提交）",
        "No name recorded (filed before names were sent)",
    ),
    "filed_at": ("提交地点", "Filed at"),
    "village_report_no_household": (
        "这是对村里情况的匿名反映，不附任何农户档案。",
        "A report about the village: no household file is attached.",
    ),
    "members_not_shown": (
        "匿名反映本户的事：不显示家庭成员，以免推断是谁反映的。",
        "Anonymous about the household: the members are not shown, so as not to tell who filed it.",
    ),
    "contact_phone": ("联系电话", "Contact phone"),
    "no_phone": ("未留电话", "No phone given"),
    "office": ("承办机构", "Office"),
    "assignee": ("承办人", "Assigned to"),
    "unassigned": ("尚未分派", "Not assigned yet"),
    "outcome": ("办理结果", "Outcome"),
    "disputed_line": ("争议款项", "Disputed payment"),
    "programme": ("资金项目", "Programme"),
    "department": ("发放单位", "Paying department"),
    "paid_on": ("发放日期", "Date"),
    "reference": ("凭证号", "Reference"),
    "channel": ("发放方式", "Channel"),
    "recorded": ("账面金额", "Recorded amount"),
    "claimed": ("本人称实收", "Claimed received"),
    "difference": ("差额", "Difference"),
    "household": ("农户", "Household"),
    "no_household": ("此投诉不涉及具体农户。", "This complaint is not about one household."),
    "file_number": ("档案号", "File number"),
    "village": ("村（社区）", "Village"),
    "members": ("家庭成员", "Members"),
    "name": ("姓名", "Name"),
    "id_masked": ("身份证号（已遮蔽）", "ID number (masked)"),
    "payments": ("全部资金发放记录", "Whole payment history"),
    "amount": ("金额", "Amount"),
    "this_line": ("本投诉所指", "this complaint"),
    "no_payments": ("无发放记录。", "No payments recorded."),
    "total": ("合计", "Total"),
    "implicated": ("被反映对象", "Implicated parties"),
    "no_implicated": ("未指明。", "None named."),
    "kind": ("类型", "Kind"),
    "unit": ("单位", "Unit"),
    "history": ("办理记录", "History"),
    "when": ("时间", "When"),
    "who": ("办理人", "Who"),
    "note": ("备注", "Note"),
    "visibility": ("可见范围", "Visibility"),
    "public_note": ("公开（投诉人可见）", "Public (complainant sees it)"),
    "internal_note": ("内部", "Internal"),
    "no_events": ("暂无记录。", "Nothing yet."),
    "change_status": ("变更状态", "Change status"),
    "new_status": ("新状态", "New status"),
    "outcome_when_concluding": ("办理结果（办结时必填）", "Outcome (required to conclude)"),
    "no_outcome": ("（不适用）", "(not applicable)"),
    "save_status": ("保存状态", "Save status"),
    "no_transitions": ("此投诉已无可变更的状态。", "No further status change is possible."),
    "assign": ("分派给同事", "Assign to a colleague"),
    "colleague": ("同事", "Colleague"),
    "assign_button": ("分派", "Assign"),
    "no_colleagues": ("本机构没有可分派的同事。", "No colleague of this office can take it."),
    "status_changed": ("状态已更新。", "Status updated."),
    "assigned_done": ("已分派。", "Assigned."),
    "not_found_title": ("未找到", "Not found"),
    "not_found": (
        "没有这个页面，或您无权查看此投诉。",
        "There is no such page, or it is not yours to see.",
    ),
    "forbidden_title": ("请求被拒绝", "Request refused"),
    "forbidden": (
        "表单已过期或来源不对，请返回重新操作。",
        "The form has expired or came from elsewhere; go back and try again.",
    ),
    "bad_request_title": ("无法办理", "Cannot do that"),
    "bad_request": ("请求无法处理，请返回重试。", "The request could not be handled; go back."),
    "bad_form": (
        "表单内容不完整，或备注超过2000字。",
        "The form is incomplete, or the note is over 2,000 characters.",
    ),
    "bad_colleague": ("不能分派给该同事。", "That colleague cannot take this complaint."),
    "search_tracking": ("查询编号", "Tracking number"),
    "search_hint": ("可带空格，也可只输入其中几位", "With or without spaces, or a few digits"),
    "bad_query": ("查询编号只含数字，请重新输入。", "A tracking number has digits only."),
    "complainant_sees": ("投诉人看到：", "The complainant sees:"),
    "note_internal": ("备注仅内部可见", "Note internal"),
    "same_payment": ("关于这笔款项的其他投诉", "Other complaints about this payment"),
    "same_payment_hint": (
        "同一笔款项的投诉放在一起看。这里只列出您有权查看的。",
        "Complaints about one payment are read together. Only those you may open are listed.",
    ),
    # The public lines of a complaint's history (``kiosk.domain.notes``), with their values.
    "note_received": ("已收到，转{office_name}办理。", "Received; sent to {office_name}."),
    "note_assigned": ("已分派给调查人员。", "Assigned to an inspector."),
    "note_investigating": ("开始调查。", "Investigation started."),
    "note_concluded": ("已办结，结果：{outcome}。", "Concluded: {outcome}."),
    "note_closed": ("已结案。", "Closed."),
    "note_reopened": ("投诉人已申诉，重新调查。", "Reopened on the complainant's appeal."),
}


class Translator:
    """Picks the words of one language; templates get it as ``t`` and ``word``."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._index = 0 if lang is Lang.ZH else 1

    def __call__(self, key: str, **values: object) -> str:
        text = _PHRASES[key][self._index]
        return text.format(**values) if values else text

    def word(self, value: StrEnum | None) -> str:
        """The name of an enum value (category, status, programme, ...) in this language."""
        if value is None:
            return ""
        pair = _ENUM_WORDS.get(value)
        return pair[self._index] if pair else str(value)

    def note(self, line: Line | None) -> str:
        """A public line of the history in this language, the office by its name."""
        if line is None or f"note_{line.code}" not in _PHRASES:
            return ""
        values = dict(line.values)
        known = {outcome.value: outcome for outcome in Outcome}
        if values.get("outcome") in known:
            values["outcome"] = self.word(known[values["outcome"]])
        try:
            return self(f"note_{line.code}", **values)
        except KeyError:
            # A value the words need is missing from an odd row: the status says enough.
            return ""


def both(key: str) -> tuple[str, str]:
    """A phrase in both languages, for messages chosen before the page's language is."""
    return _PHRASES[key]


def phrase_keys() -> set[str]:
    """Every phrase key, so a test can check that templates use only known keys."""
    return set(_PHRASES)
