"""Pinyin to Chinese characters and words, for the kiosk's on-screen keyboard (no widgets).

Why an on-screen keyboard of our own rather than Qt Virtual Keyboard (decided for issue 3):
the PySide6 6.12 wheel does ship ``platforminputcontexts/libqtvirtualkeyboardplugin.so`` and
the Pinyin plug-in, but

* its QML components link against QtMultimedia, which needs ``libpulse.so.0``; without it
  (as on this development machine, and on a lean terminal image) the module does not load
  at all, and the keyboard silently never appears;
* even with those libraries present, under the offscreen platform the panel did not become
  visible, and it logs Qt warnings that make every test fail (``qt_log_level_fail``);
* it must be chosen with ``QT_IM_MODULE=qtvirtualkeyboard`` before the QApplication exists,
  which changes every text field of the application and every test;
* it is a separate QtQuick window drawn with its own QML style: its keys, fonts and colours
  cannot follow our tokenized style sheet, the large-text setting or the high-contrast
  theme, and pytest-qt cannot tap its keys as QWidgets.

So ``kiosk.views.widgets.pinyin_keyboard`` draws big QPushButton keys in alphabetical order
and asks this module for candidates.

Data. pypinyin ships the readings of about 42,000 characters (``pinyin_dict``: code point to
readings with tone marks) and about 47,000 phrases whose reading it cannot derive character by
character (``phrases_dict``). It has no frequencies and no general word list, so:

* characters are ranked first if they are in :data:`EVERYDAY_CHARACTERS` or in a word of
  :data:`VOCABULARY`, then by GB 2312 level (level 1 holds the 3,755 most common characters,
  level 2 another 3,008), then the rest of GBK, then everything else (䶮, 𠮷: rare, but
  residents' names have them); within a tier a character read with its main reading comes
  before one read with a secondary reading, and then the more pypinyin phrases it appears
  in, the earlier;
* words come from :data:`VOCABULARY`, the words residents look for at this kiosk (贷款, 低保,
  危房改造 …), read with pypinyin, and then from pypinyin's phrases;
* any other word is typed the way every pinyin input method allows: choose the character for
  the first syllable, and the rest of the pinyin stays to be chosen next.

Typing: whole syllables ("xiaoedaikuan"), initials or any syllable prefix ("xedk",
"xiaoedk"), and ``'`` or a space as an explicit break between syllables ("xi'an"). ü is
typed v ("lv" for 绿).

pypinyin takes about half a second to import and building the tables about as long again,
so nothing here touches it until :func:`default_dictionary` is first called (the keyboard
does that on a worker thread when it is first shown); the result is kept for the process.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

SEPARATORS = frozenset("' ")
"""Typed between syllables to force a break, as in "xi'an"."""

LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")

_VOCABULARY_TEXT = """
    扶贫 脱贫 贫困 贫困户 脱贫户 防返贫 返贫 防止返贫 监测 监测户 监测对象 动态监测 帮扶 帮扶干部
    驻村干部 第一书记 干部 政策 通知 公告 公示 问答 明白卡 告知书 热线 申请 办理 领取 发放 到户
    小额 贷款 小额贷款 信贷 小额信贷 贴息 利息 利率 还款 续贷 展期 逾期 银行 信用社 农商银行 担保
    低保 最低生活保障 特困 特困供养 救助 临时救助 医疗救助 教育救助 救灾 灾害 受灾 洪涝 自然灾害
    医疗 医保 医疗保险 大病 大病保险 住院 报销 先诊疗后付费 慢性病 家庭医生 签约 体检 残疾 残疾人
    养老 养老保险 养老金 高龄 高龄补贴 老人 儿童 留守儿童 孤儿 妇女 学生 学校 教育 资助 学生资助
    助学金 雨露计划 营养餐 学费 补助 补贴 补助资金 资金 一卡通 代领 截留 克扣 冒领 优亲厚友
    住房 危房 危房改造 易地扶贫搬迁 搬迁 安置 产业 产业扶持 产业发展 合作社 种植 养殖 养牛 养羊
    养山羊 养猪 养鸡 刺梨 茶叶 猕猴桃 蔬菜 务工 就业 外出务工 技能培训 培训 公益性岗位 护林员
    生态补偿 退耕还林 耕地 光伏 饮水 安全饮水 自来水 道路 通组路 硬化 项目 村级项目 验收 公示栏
    乡村振兴 乡村振兴局 民政局 财政局 教育局 卫生健康局 医疗保障局 人社局 农业农村局 街道办事处
    村委会 村民委员会 村民小组 街道 社区 乡镇 县 村 组 户 户主 家庭 人口 收入 支出 身份证 户口
    投诉 举报 纪委 监委 纪检监察 监督 信访 核实 查询 反映 问题 情况
"""

VOCABULARY: tuple[str, ...] = tuple(_VOCABULARY_TEXT.split())
"""Words residents are likely to look for in bulletins or write in a complaint, offered
before pypinyin's phrases. Read with pypinyin when the dictionary is built."""

EVERYDAY_CHARACTERS = frozenset(
    # Small words that every sentence needs.
    "的了是不在有我你他她它们这那个和也都就还要会能可以说对到去来上下里外中大小多少没很好吗呢吧"
    "啊什么怎样谁哪些每各其把被给让从向往比跟为因所而但如果只才又再已经过着得地"
    # Numbers, measures and time.
    "一二三四五六七八九十百千万亿零半几两元角分块斤亩间次岁号第年月日天时候今明昨早晚前后现周星点钟"
    # People and family.
    "人家户主妻夫子女儿孙父母爸妈爷奶哥姐弟妹亲戚老幼男孩友邻村民干部书记任官员"
    # Money, aid and loans.
    "钱款贷金资费补助救济贴息利还借收支付领发扣拿交账存卡银行信保险低特困扶贫脱返帮"
    # Health.
    "病医院药治疗住残疾身体健康伤死生养护"
    # Places and offices.
    "省市县乡镇街道村组社区局办政府委会公司单位门地址路房屋山水田土"
    # Farming and work.
    "种牛羊猪鸡鸭鱼粮米菜茶果树林农业产工厂务打活做事"
    # Doing and asking.
    "看听问答想知认识找用吃喝走跑坐买卖送回出入开关申请理查报告诉投举反映核实录签字写读念印"
    # Describing and complaining.
    "新旧高长短坏真假错快慢全够题情况证"
)
"""Characters of everyday writing, ranked ahead of the rest when they fit the pinyin."""

# Ranks: lower comes first. Vocabulary words lead; then everyday and other common characters
# and phrases made only of common characters; rarer characters and phrases follow.
_COMMON_LIMIT = 40_000
_TIER_BASE = (10_000, 40_000, 60_000, 80_000)
_PHRASE_BASE = (30_000, 50_000, 70_000, 90_000)
_FAVOURED_BONUS = 5_000
# A character read with one of its less usual readings comes after the usual ones.
_SECONDARY_READING = 25_000
_COUNT_CAP = 4_999
_CACHE_SIZE = 256


@dataclass(frozen=True, slots=True)
class Candidate:
    """A character or word the typed pinyin may stand for."""

    text: str
    #: How many characters of the typed pinyin, from its start, this candidate stands for;
    #: choosing it removes them and leaves the rest to be chosen next.
    consumed: int


@dataclass(frozen=True, slots=True)
class Entry:
    """A word or character of the dictionary with its toneless reading, one syllable per
    character, and its rank (lower comes first)."""

    text: str
    syllables: tuple[str, ...]
    rank: int


def toneless(reading: str) -> str:
    """A pinyin reading without tone marks, ü written v: "lǜ" gives "lv", "xiǎo" "xiao"."""
    decomposed = unicodedata.normalize("NFD", reading.lower()).replace("u\u0308", "v")
    return "".join(c for c in decomposed if c in LETTERS)


def normalise(typed: str) -> str:
    """Typed pinyin in the form the dictionary reads: lower case, letters and breaks only."""
    return "".join(c for c in typed.lower().replace("ü", "v") if c in LETTERS or c in SEPARATORS)


class PinyinDictionary:
    """Finds the characters and words a run of typed pinyin may stand for.

    Built once (see :func:`default_dictionary`), then only read: safe to share between
    keyboards and threads.
    """

    def __init__(self, characters: Iterable[Entry], words: Iterable[Entry]) -> None:
        by_syllable: dict[str, list[Entry]] = defaultdict(list)
        for entry in characters:
            by_syllable[entry.syllables[0]].append(entry)
        self._characters = {s: sorted(es, key=_order) for s, es in by_syllable.items()}
        self._syllables = frozenset(self._characters)
        # Each prefix of a syllable with the syllables it may begin: itself first if whole.
        completions: dict[str, list[str]] = defaultdict(list)
        for syllable in sorted(self._syllables, key=lambda s: (len(s), s)):
            for n in range(1, len(syllable) + 1):
                completions[syllable[:n]].append(syllable)
        self._completions = {prefix: tuple(found) for prefix, found in completions.items()}
        self._prefixes = frozenset(self._completions)
        self._longest = max((len(s) for s in self._syllables), default=0)
        by_initials: dict[str, list[Entry]] = defaultdict(list)
        for entry in words:
            if len(entry.syllables) > 1 and all(s in self._syllables for s in entry.syllables):
                by_initials["".join(s[0] for s in entry.syllables)].append(entry)
        self._words = {k: sorted(es, key=_order) for k, es in by_initials.items()}
        self._initials_prefixes = frozenset(
            key[:n] for key in self._words for n in range(1, len(key) + 1)
        )
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    @property
    def syllables(self) -> frozenset[str]:
        """Every toneless syllable the dictionary knows."""
        return self._syllables

    def candidates(self, typed: str) -> tuple[Candidate, ...]:
        """What ``typed`` may stand for, most likely first.

        First the characters and words that stand for all of it, common ones first (and
        among those, whole syllables before abbreviations), then rare ones; then those that
        stand for its first syllables, longest first, so a resident can always choose one
        character at a time. Empty if nothing fits (for example "i", which no syllable
        begins with).
        """
        key = normalise(typed)
        found = self._cache.get(key)
        if found is None:
            found = tuple(self._find(key))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return found

    def segments(self, typed: str) -> tuple[str, ...]:
        """The most likely split of ``typed`` into syllables (the last may be unfinished):
        as few pieces that are not whole syllables as possible, then as few pieces as
        possible. Letters that cannot begin a syllable end the split."""
        text = normalise(typed)
        cuts = self._best_cuts(text)
        pieces: list[str] = []
        start = 0
        for end in cuts:
            pieces.append(text[start:end].strip("".join(SEPARATORS)))
            start = end
        return tuple(pieces)

    def _find(self, text: str) -> Iterator[Candidate]:
        seen: set[str] = set()
        ends = [len(text), *reversed(self._best_cuts(text))]
        for end in dict.fromkeys(ends):
            for entry in self._matches(text[:end]):
                if entry.text not in seen:
                    seen.add(entry.text)
                    yield Candidate(entry.text, end)

    def _matches(self, text: str) -> list[Entry]:
        """Entries standing for all of ``text``, in the order they are offered."""
        scored: list[tuple[tuple[int, int, int], Entry]] = []
        piece = text.strip("".join(SEPARATORS))
        if piece in self._prefixes and not SEPARATORS & set(piece):
            for syllable in self._completions[piece]:
                short = int(syllable != piece)
                scored.extend((_score(e, short), e) for e in self._characters[syllable])
        for pieces in self._splits(text, 0, ""):
            if len(pieces) < 2:
                continue
            for entry in self._words.get("".join(p[0] for p in pieces), ()):
                if all(s.startswith(p) for p, s in zip(pieces, entry.syllables, strict=True)):
                    short = sum(p != s for p, s in zip(pieces, entry.syllables, strict=True))
                    scored.append((_score(entry, short), entry))
        scored.sort(key=lambda pair: pair[0])
        return [entry for _, entry in scored]

    def _splits(self, text: str, start: int, initials: str) -> Iterator[tuple[str, ...]]:
        """Every way to cut ``text[start:]`` into syllable prefixes whose first letters
        continue ``initials`` towards some word of the dictionary."""
        while start < len(text) and text[start] in SEPARATORS:
            start += 1
        if start == len(text):
            yield ()
            return
        for end in range(start + 1, min(len(text), start + self._longest) + 1):
            piece = text[start:end]
            if piece not in self._prefixes:
                break
            if initials + piece[0] not in self._initials_prefixes:
                continue
            for rest in self._splits(text, end, initials + piece[0]):
                yield (piece, *rest)

    def _best_cuts(self, text: str) -> list[int]:
        """End positions of the pieces of the best split (see :meth:`segments`)."""
        # best[i] is the best split of text[:i]: (pieces that are not whole syllables,
        # pieces, end positions), or None where no split reaches.
        best: list[tuple[int, int, tuple[int, ...]] | None] = [None] * (len(text) + 1)
        best[0] = (0, 0, ())

        def offer(end: int, split: tuple[int, int, tuple[int, ...]]) -> None:
            current = best[end]
            if current is None or split[:2] < current[:2]:
                best[end] = split

        for start in range(len(text)):
            here = best[start]
            if here is None:
                continue
            if text[start] in SEPARATORS:
                offer(start + 1, here)
                continue
            for end in range(start + 1, min(len(text), start + self._longest) + 1):
                piece = text[start:end]
                if piece not in self._prefixes:
                    break
                shortened = here[0] + int(piece not in self._syllables)
                offer(end, (shortened, here[1] + 1, (*here[2], end)))
        reached = max(i for i, split in enumerate(best) if split is not None)
        found = best[reached]
        assert found is not None  # best[0] is always set
        return list(found[2])


def _order(entry: Entry) -> tuple[int, str]:
    return (entry.rank, entry.text)


def _score(entry: Entry, shortened: int) -> tuple[int, int, int]:
    """Common before rare; then whole syllables before abbreviations; then by rank."""
    return (int(entry.rank >= _COMMON_LIMIT), shortened, entry.rank)


def _tier(character: str) -> int:
    """0 for GB 2312 level 1, 1 for level 2, 2 for the rest of GBK, 3 for anything else."""
    try:
        code = character.encode("gb2312")
    except UnicodeEncodeError:
        try:
            character.encode("gbk")
        except UnicodeEncodeError:
            return 3
        return 2
    return 0 if code[0] <= 0xD7 else 1


def build_dictionary(
    readings: dict[int, str],
    phrases: dict[str, list[list[str]]],
    vocabulary: Sequence[tuple[str, Sequence[str]]],
) -> PinyinDictionary:
    """A dictionary from pypinyin-shaped data: ``readings`` maps code points to readings
    with tone marks separated by commas, ``phrases`` maps phrases to one list of readings per
    character, and ``vocabulary`` lists words with their toneless syllables, most useful first.
    """
    favoured: set[str] = set(EVERYDAY_CHARACTERS)
    for word, _ in vocabulary:
        favoured.update(word)
    appearances: Counter[str] = Counter()
    for phrase in phrases:
        appearances.update(set(phrase))
    # A few thousand distinct readings recur across 90,000 entries: convert each once.
    plain = functools.cache(toneless)

    # Per character: its tier and how uncommon it is within the tier (0 to _COUNT_CAP).
    tiers: dict[str, int] = {}
    rarity: dict[str, int] = {}
    characters: list[Entry] = []
    for code_point, text in readings.items():
        character = chr(code_point)
        syllables = [s for s in dict.fromkeys(plain(r) for r in text.split(",")) if s]
        if not syllables:
            continue
        tier = tiers[character] = 0 if character in favoured else _tier(character)
        rarity[character] = _COUNT_CAP - min(appearances[character], _COUNT_CAP)
        base = _TIER_BASE[tier] - (_FAVOURED_BONUS if character in favoured else 0)
        base += rarity[character]
        for position, syllable in enumerate(syllables):
            rank = base + (_SECONDARY_READING if position else 0)
            characters.append(Entry(character, (syllable,), rank))

    words: list[Entry] = [
        Entry(word, tuple(syllables), rank)
        for rank, (word, syllables) in enumerate(vocabulary)
        if len(word) == len(syllables)
    ]
    for phrase, phrase_readings in phrases.items():
        if len(phrase) != len(phrase_readings) or any(c not in tiers for c in phrase):
            continue
        rank = _PHRASE_BASE[max(tiers[c] for c in phrase)] + max(rarity[c] for c in phrase)
        words.append(Entry(phrase, tuple(plain(r[0]) for r in phrase_readings), rank))
    return PinyinDictionary(characters, words)


@functools.cache
def default_dictionary() -> PinyinDictionary:
    """The dictionary built from pypinyin's data and :data:`VOCABULARY`, built on first call
    (about a second) and then kept: it is read-only."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    vocabulary = [
        (word, tuple(lazy_pinyin(word, style=Style.NORMAL, errors="ignore")))
        for word in dict.fromkeys(VOCABULARY)
    ]
    return build_dictionary(pinyin_dict, phrases_dict, vocabulary)
