"""Pinyin initials of Chinese names, so a resident can look a name up by typing "YZG".

Initials are computed when a name is written (import, demo data) and stored beside it;
lookup compares stored strings and needs no pinyin at run time. pypinyin takes about half
a second to import, so it is imported inside :func:`name_initials` and never by the kiosk
at start-up.

pypinyin has no surname mode: it reads 单 as "dan" and 曾 as "ceng", while as surnames they
are Shan and Zeng. The leading surname is therefore read from the tables below, and only
the given name goes through pypinyin.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ou yang", "司马": "si ma", "诸葛": "zhu ge", "上官": "shang guan",
    "东方": "dong fang", "皇甫": "huang fu", "尉迟": "yu chi", "公孙": "gong sun",
    "慕容": "mu rong", "长孙": "zhang sun", "宇文": "yu wen", "司徒": "si tu",
    "令狐": "ling hu", "夏侯": "xia hou", "万俟": "mo qi", "单于": "chan yu",
    "端木": "duan mu", "司空": "si kong", "轩辕": "xuan yuan", "钟离": "zhong li",
    "闻人": "wen ren", "澹台": "tan tai", "公冶": "gong ye", "宗政": "zong zheng",
    "濮阳": "pu yang", "淳于": "chun yu", "太叔": "tai shu", "申屠": "shen tu",
    "仲孙": "zhong sun", "鲜于": "xian yu", "闾丘": "lü qiu", "亓官": "qi guan",
    "司寇": "si kou", "仉督": "zhang du", "子车": "zi ju", "颛孙": "zhuan sun",
    "巫马": "wu ma", "公西": "gong xi", "漆雕": "qi diao", "乐正": "yue zheng",
    "壤驷": "rang si", "公良": "gong liang", "拓跋": "tuo ba", "夹谷": "jia gu",
    "宰父": "zai fu", "谷梁": "gu liang", "段干": "duan gan", "百里": "bai li",
    "东郭": "dong guo", "呼延": "hu yan", "羊舌": "yang she", "微生": "wei sheng",
    "梁丘": "liang qiu", "左丘": "zuo qiu", "西门": "xi men", "南宫": "nan gong",
    "第五": "di wu", "赫连": "he lian", "公羊": "gong yang", "独孤": "du gu",
    # Traditional forms of those whose reading pypinyin would get wrong.
    "萬俟": "mo qi", "尉遲": "yu chi", "單于": "chan yu",
}  # fmt: skip
"""Two-character surnames, read as a unit (万俟 is Moqi, not Wansi)."""

SURNAME_READINGS: dict[str, str] = {
    # Characters whose surname reading differs from their everyday one.
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
    "查": "zha", "乐": "yue", "盖": "ge", "缪": "miao", "翟": "zhai", "覃": "qin",
    "繁": "po", "黑": "he", "秘": "bi", "种": "chong", "员": "yun", "贠": "yun",
    "召": "shao", "纪": "ji", "重": "chong", "卜": "bu", "长": "chang", "朝": "chao",
    "车": "che", "句": "gou", "柏": "bai", "薄": "bo", "参": "can", "晟": "cheng",
    "藏": "zang", "沈": "shen", "葛": "ge", "都": "du", "折": "she", "洗": "xian",
    "冼": "xian", "隗": "wei", "阚": "kan", "燕": "yan", "过": "guo", "任": "ren",
    "应": "ying", "华": "hua", "曲": "qu", "尉": "wei", "能": "nai", "佴": "nai",
    "粘": "nian", "那": "na", "扎": "za", "谌": "chen", "费": "fei", "褚": "chu",
    "莘": "shen", "郦": "li", "贲": "ben", "宓": "mi", "祭": "zhai", "郇": "huan",
    "隽": "juan", "万": "wan", "石": "shi", "冯": "feng", "瞿": "qu", "贾": "jia",
    "盛": "sheng", "和": "he", "牟": "mou", "殷": "yin", "乜": "nie", "叶": "ye",
    "陆": "lu", "六": "lu", "宿": "su", "南": "nan", "余": "yu", "俞": "yu",
    "於": "yu", "强": "qiang", "相": "xiang", "鲜": "xian", "逄": "pang",
    # Traditional forms whose initial pypinyin would get wrong.
    "單": "shan", "區": "ou", "樂": "yue", "種": "chong", "長": "chang",
}  # fmt: skip
"""How a character reads when it is a surname, where that is not its most common reading."""

_NAME_DOTS = frozenset("·•‧・∙⋅.")
"""Middle dots that join the parts of a transliterated (e.g. Uyghur) name; such a name has no
Han surname, so the surname tables do not apply to it."""


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def _latin_initial(char: str) -> str:
    # "É" decomposes to "E" plus an accent; the base letter is the initial. A letter with no
    # A-Z base (Ø, Ł) is skipped: the keypad has no key for it.
    base = unicodedata.normalize("NFKD", char)[0].upper()
    return base if "A" <= base <= "Z" else ""


def _chunks(text: str) -> Iterator[tuple[bool, str]]:
    """Split a name into (is_latin, run) pieces; spaces, dots and punctuation separate runs."""
    run: list[str] = []
    run_is_latin = False
    for char in text:
        # Punctuation, symbols, separators and invisible control/format characters.
        if char in _NAME_DOTS or unicodedata.category(char)[0] in "PSZC":
            if run:
                yield run_is_latin, "".join(run)
            run = []
            continue
        latin = _is_latin_letter(char)
        if run and latin != run_is_latin:
            yield run_is_latin, "".join(run)
            run = []
        run_is_latin = latin
        run.append(char)
    if run:
        yield run_is_latin, "".join(run)


def _first_letters(han: str) -> str:
    """pypinyin's ordinary first letters; characters it has no reading for are dropped."""
    from pypinyin import Style, lazy_pinyin  # here, not at the top: slow to import

    letters = lazy_pinyin(han, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(letter[0].upper() for letter in letters if letter and letter[0].isascii())


def _surname_split(run: str, followed: bool) -> tuple[str, str]:
    """The surname's initials and the rest of the leading run of a Han name."""
    if run[:2] in COMPOUND_SURNAMES and (len(run) > 2 or followed):
        # A compound needs a given name after it: a two-character name like 单于 is
        # surname 单 (Shan) with given name 于, not the compound Chanyu alone.
        reading = COMPOUND_SURNAMES[run[:2]]
        return "".join(part[0] for part in reading.split()).upper(), run[2:]
    if run[0] in SURNAME_READINGS:
        return SURNAME_READINGS[run[0]][0].upper(), run[1:]
    # Read alone so a phrase spanning surname and given name cannot change its reading.
    return _first_letters(run[0]), run[1:]


def name_initials(name: str) -> str:
    """Upper-case pinyin initials of a name: 杨正刚 -> "YZG", 单雄信 -> "SXX", 万俟卨 -> "MQX".

    The leading surname uses its surname reading; the given name uses pypinyin's ordinary
    reading. Latin letters give their own upper-case initial (one per word), separators
    ("·", spaces) are ignored, and a character without any known reading, such as the rare
    𠮷, is skipped: a resident could not know which letter to type for it either.
    """
    text = unicodedata.normalize("NFKC", name)
    transliterated = any(char in _NAME_DOTS for char in text)
    chunks = list(_chunks(text))
    initials: list[str] = []
    for index, (is_latin, run) in enumerate(chunks):
        if is_latin:
            initials.append(_latin_initial(run[0]))
            continue
        if index == 0 and not transliterated:
            surname, run = _surname_split(run, followed=len(chunks) > 1)
            initials.append(surname)
        if run:
            initials.append(_first_letters(run))
    return "".join(initials)


def normalize_initials(typed: str) -> str:
    """What a resident typed, in the stored form: full-width folded, upper-case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", typed).split()).upper()


def masked_name(name: str) -> str:
    """A name for a public screen: the surname kept, each other character as "*".

    杨正刚 -> "杨**", 欧阳娜娜 -> "欧阳**", 买买提·艾力 -> "买买提·**". Enough for a resident to
    know their own household among the few that share the street office's villages, too
    little for a passer-by to learn who is looking at their file. Latin names keep their
    first word.
    """
    text = unicodedata.normalize("NFC", name.strip())
    if not text:
        return ""
    for dot in _NAME_DOTS:
        if dot in text:
            first, _, rest = text.partition(dot)
            return first + dot + "".join("*" if not char.isspace() else char for char in rest)
    if text[0].isascii():
        first, _, rest = text.partition(" ")
        return first + (" " + "*" * len(rest.replace(" ", "")) if rest else "")
    keep = 2 if text[:2] in COMPOUND_SURNAMES and len(text) > 2 else 1
    return text[:keep] + "*" * len(text[keep:])
