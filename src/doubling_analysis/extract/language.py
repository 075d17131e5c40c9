"""The language of the plans, for :mod:`doubling_analysis.extract.candidates`: numbers, magnitudes, units, comparators,
tiers, periods and the phrase vocabulary (``data/vocabulary.csv``).

Every rule here reads the wording of a document (确保, 力争, 突破, 以上, 万亿, 每年 ...), never a row of the data.
Offsets refer to the text the functions are given; :mod:`extract` passes the document's cleaned text.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..data.units import UNITS, canonical_unit, conversion_factor
from ..violations import ValidationReport, Violation
from . import t2s

# ---- numbers -------------------------------------------------------------------------------------------------

#: full-width digits and signs become ASCII, one character for one (offsets are kept)
#: full-width digits and signs, and the small form variants of punctuation (﹔ of BIG5 pages, ﹐ ﹑ ﹕), one for one
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％－～﹐﹑﹔﹕﹖﹗", "0123456789.%-~，、；：？！")
#: traditional characters of the words read here, one for one (offsets are kept): 億 -> 亿, 營業 -> 营业 ...
_TRADITIONAL = str.maketrans(
    "億萬兩營業產總規戶個項實現長達過約餘擴區內計預為從較幾與標準廠貸額費這產劃級戶數增長優勢紡織裝"
    "爭確創躍邁製資動機設備術電鎮調記統經濟發國價漲務進頭點農噸臺輛場將屆歲貢獻幣億劃幹業壯"
    "礦採銅鋼鐵熱氣應醫藥潤戰興質銷際員勞別單綜專門類關續穩獲鷹團車於並廣東對來傳稅銀貿環節輕導體網據佔會議開園條時間減"
    "産結構財購當該聯認",  # 産 (U+7523): the variant of 產 some pages write (工業總産值), 産 -> 产; 結構 -> 结构; 財政; 增購; 當年
    "亿万两营业产总规户个项实现长达过约余扩区内计预为从较几与标准厂贷额费这产划级户数增长优势纺织装"
    "争确创跃迈制资动机设备术电镇调记统经济发国价涨务进头点农吨台辆场将届岁贡献币亿划干业壮"
    "矿采铜钢铁热气应医药润战兴质销际员劳别单综专门类关续稳获鹰团车于并广东对来传税银贸环节轻导体网据占会议开园条时间减"
    "产结构财购当该联认",
)
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "[零〇一二两三四五六七八九十百千]+"
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: magnitudes that multiply a number (1.4万亿 = 1.4 × 10^12 yuan); the unit keeps them (万亿元) so that the
#: validator finds the written number in the quote
MAGNITUDES = {"万亿": "万亿", "千亿": "千亿", "百亿": "百亿", "亿": "亿", "万": "万"}
#: units as written after a number, longest first; value: the unit of units.py it stands for (None: by magnitude)
UNIT_WORDS: dict[str, str] = {
    "trillion yuan": "万亿元",
    "billion yuan": "RMB bn",
    "percent": "%",
    "个百分点": "pp",
    "百分点": "pp",
    "%": "%",
    "‰": "‰",
    "平方公里": "平方公里",
    "平方米": "平方米",
    "个工作日": "工作日",
    "工作日": "工作日",
    "亩": "亩",
    "公顷": "公顷",
    "千伏安": "千伏安",  # 万千伏安 with the magnitude
    "千米": "千米",
    "公里": "公里",
    "人次": "人次",  # before 人 (the longest unit word wins)
    "元/人": "元/人",  # 万元/人 with the magnitude
    "美元": "美元",  # 亿美元, 万美元 with the magnitude
    "澳门元": "澳门元",  # 亿澳门元 (澳門元 is normalised)
    "港元": "港元",
    "港币": "港元",
    "新台币": "新台币",  # 新臺幣 is normalised
    "兆元": "兆元",  # 1.56兆元 of a Taiwanese page: 10^12 yuan
    "倍": "倍",
    "元": "元",
    "家": "家",
    "户": "户",
    "个": "个",
    "项": "项",  # not 项目 (see MENTION)
    "场": "场",
    "次": "次",
    "位": "位",
    "名": "名",
    "座": "座",
    "所": "所",
    "人": "人",
    "岁": "岁",  # 人均期望寿命80.3岁: years of age
    "天": "天",
    "台": "台",
    "套": "套",
    "辆": "辆",  # 万辆 with the magnitude (輛 is normalised to 辆)
    "件": "件",
    "部": "部",  # 2.99亿部 (handsets); not 部门, 部分, 部委 (see MENTION)
    "千瓦时": "千瓦时",  # 亿千瓦时 with the magnitude
    "千瓦時": "千瓦时",  # as written in traditional characters (億千瓦時)
    "千瓦": "千瓦",
    "吨": "吨",
    "标箱": "标箱",  # 万标箱 with the magnitude (TEU)
    "间": "间",  # 12間企業 (間 is normalised to 间)
}
_UNIT_ALT = "|".join(
    (r"个\s*百分点" if u == "个百分点" else re.escape(u))
    + ("(?!目)" if u == "项" else "(?![门分委署队位曲])" if u == "部" else "")
    for u in sorted(UNIT_WORDS, key=len, reverse=True)
)
_NUM = rf"(?:{ARABIC}|{CN_NUMERAL})"
MENTION = re.compile(
    # a range after a percentage only to another percentage (5%-10%): 增24%至28.5亿元 is a growth and a level
    rf"(?P<a>{_NUM})\s*(?P<pa>%)?\s*(?:(?P<dash>[-~—–至到])\s*(?P<b>{_NUM})(?(pa)(?=\s*%)|))?\s*(?P<approx>余|多)?\s*"
    rf"(?P<mag>万亿|千亿|百亿|亿|万)?\s*(?P<unit>{_UNIT_ALT})?"
)
#: a magnitude written alone as a value: 迈上万亿级, 打造千亿产业园区 (亿元)
BARE_MAGNITUDE = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千万])(?P<w>万亿|五千亿|千亿|百亿)(?P<yuan>元)?(?P<ji>级)?"
)
_BARE_VALUES = {"万亿": 10000.0, "五千亿": 5000.0, "千亿": 1000.0, "百亿": 100.0}
#: a fraction in words: 三分之一 (a ratio, 1/3), 四分之一; 百分之二十 is 20 %
FRACTION = re.compile(rf"(?P<d>{_NUM})\s*分之\s*(?P<n>{_NUM})")
#: a proper fraction written with a slash (比重稳定在1/3左右): a ratio; not a date (6/19), a list (1/2/3), a decimal
SLASH_FRACTION = re.compile(r"(?<![\d/.])(?P<n>[1-9])\s*/\s*(?P<d>[2-9]|10)(?![\d/.]|\s*[月日号])")


#: look-alikes a Japanese input method or font puts into Chinese text, one for one: 増 (Japanese form of 增), the
#: katakana エ (for 工) and カ (for 力), as in 工业投资増长 / 规上エ业 / カ争
_LOOKALIKES = str.maketrans("増エカ", "增工力")
#: every other traditional character OpenCC turns into one simplified character (鄉 -> 乡, 覆蓋 -> 覆盖; the table is
#: generated by make_t2s.py, so a traditional passage reads as its simplified form without listing its words here)
_T2S = str.maketrans(t2s.TRADITIONAL, t2s.SIMPLIFIED)
#: the tables as one (no character of one table's values is a key of another's, so one pass is the same; the hand
#: list of the vocabulary's characters wins where both hold a character)
_NORMALISE = {**_FULLWIDTH, **_T2S, **_TRADITIONAL, **_LOOKALIKES}


def normalise(text: str) -> str:
    """Full-width digits and signs as ASCII, traditional characters of the vocabulary as simplified, Japanese
    look-alikes as the Chinese characters (same length, so offsets stay valid)."""
    return text.translate(_NORMALISE)


_CJK = "\u3400-\u9fff"
#: what a page inserts inside a word: an aggregator's pinyin after a character (營業(yè)收入, 規(guī)模: letters with
#: tone marks in brackets) and white space between two Chinese characters (增 长, 农 用拖拉机 as wrapped)
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
_INSERTED = re.compile(
    rf"(?<=[{_CJK}])(?:[(（](?=[a-zü]*[{_TONES}])[a-zü{_TONES}]{{1,6}}[)）]|[ \u3000]+(?=[{_CJK}A-Za-z]))"
    rf"|(?<=[A-Za-z])[ \u3000]+(?=[{_CJK}])"  # 占 GDP 比重: the spaces around a Latin word inside a phrase
)


def normalise_mapped(text: str) -> tuple[str, list[int]]:
    """:func:`normalise`, less what a page inserts inside words (:data:`_INSERTED`), and for each character of
    the result (and its end) its offset in ``text``: quotes are cut from ``text`` as written."""
    out: list[str] = []
    index: list[int] = []
    a = 0
    for m in _INSERTED.finditer(text):
        out.append(text[a : m.start()])
        index.extend(range(a, m.start()))
        a = m.end()
    out.append(text[a:])
    index.extend(range(a, len(text) + 1))
    return _positional_digits(normalise("".join(out))), index


#: Chinese digits written position by position where a page means Arabic ones (Taiwan: 二．二六兆元 = 2.26兆元,
#: 六萬三四九二個 = 63 492個): a decimal, or a digit before 万 followed by the four digits below it
_POSITIONAL = re.compile(
    r"(?<![〇零一二三四五六七八九十百千])(?:[〇零一二三四五六七八九]+\.[〇零一二三四五六七八九]+"
    r"|[一二三四五六七八九]万[〇零一二三四五六七八九]{4})(?![〇零一二三四五六七八九十百千])"
)
_TO_ARABIC = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _positional_digits(text: str) -> str:
    """``text`` with each :data:`_POSITIONAL` number in Arabic digits, one character for one (offsets are kept)."""
    return _POSITIONAL.sub(lambda m: m.group(0).translate(_TO_ARABIC), text)


def chinese_to_number(s: str) -> float | None:
    """一千四百 -> 1400, 两 -> 2, 十五 -> 15, 三十 -> 30, 二〇二五 -> 2025 (digit by digit); None if not a numeral."""
    if not s or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in s):
        return None
    if all(c in _CN_DIGITS for c in s) and len(s) > 1:
        return float("".join(str(_CN_DIGITS[c]) for c in s))
    total, digit, last_unit = 0, None, False
    for c in s:
        if c in _CN_UNITS and last_unit:
            return None  # 十百千 names a programme (个十百千万), it is not a number
        last_unit = c in _CN_UNITS
        if c in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 一二 is not a numeral in running text
            digit = _CN_DIGITS[c]
        else:
            unit = _CN_UNITS[c]
            total += (1 if digit is None else digit) * unit
            digit = None
    return float(total + (digit or 0))


def parse_number(s: str) -> float | None:
    """An Arabic (1,400 / 8.5) or Chinese (一千四百) number."""
    s = normalise(s).strip()
    if re.fullmatch(ARABIC, s):
        return float(s.replace(",", ""))
    return chinese_to_number(s)


@dataclass(frozen=True)
class Mention:
    """A number as written: offsets in the text, value(s), the unit (a unit of units.py) and how it was read."""

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str | None
    chinese: bool  # written in Chinese numerals
    raw: str
    bare_magnitude: bool = False  # 万亿级, 千亿 written alone
    ji: bool = False  # followed by 级 (…级 = at least that tier)
    more: bool = False  # 20余所, 100多家: more than

    @property
    def text(self) -> str:
        return self.raw


def _unit_of(mag: str | None, unit_word: str | None) -> str | None:
    """The unit of units.py for a magnitude and a unit word: 亿+元 -> 亿元, 万+家 -> 万家, 亿 alone -> 亿元."""
    if mag == "万" and unit_word is None:
        return None  # 万 alone names no unit (万人, 万吨, 万元 ...): never money by default
    if mag:
        word = UNIT_WORDS.get(unit_word or "", "元")
        if mag == "亿" and word == "元":
            return "亿元"
        if mag in ("万亿", "千亿", "百亿") and word == "元":
            return f"{mag}元"
        if word == "兆元":
            return None  # 万兆元 is no unit
        combined = f"{mag}{word}"
        return combined if combined in UNITS else None
    if unit_word is None:
        return None
    return UNIT_WORDS[unit_word]


#: a minus sign written right before a number, after 为 / 是 / a colon or a comma (增长率为-5.11‰, 增长-2.3%)
_MINUS_BEFORE = re.compile(r"(?:^|[为是：:，,（(长])[-−]$")


#: an amount written in two magnitudes (Taiwan, Hong Kong: 1萬8,977家, 2兆1471億元; 3亿2000万元): N万 and the four
#: digits below it, N兆 and the 亿 below it, N亿 and the 万 below it
COMPOUND = re.compile(
    rf"(?<![\d.,])(?P<a>\d{{1,4}})\s*(?:万\s*(?P<b>\d,\d{{3}}|\d{{4}})(?![\d,.])\s*(?P<u>{_UNIT_ALT})"
    rf"|万\s*(?P<e>\d)\s*千\s*(?P<v>{_UNIT_ALT})"
    r"|兆\s*(?P<c>\d,\d{3}|\d{1,4})(?![\d,.])\s*亿\s*元?|亿\s*(?P<d>\d,\d{3}|\d{1,4})(?![\d,.])\s*万\s*元?)"
)
#: tenths in words (约八成, 达六成, 六成以上) before a punctuation mark or the end: n / 10
TENTHS = re.compile(
    r"(?:(?P<n>[二两三四五六七八九])|(?<![\d.])(?P<d>[2-9]))\s*成(?=\s*(?:以上|左右|多)?\s*(?:[，,。；;、)）]|$))"
)  # 逾4成 as written by some pages: the tenths in an Arabic digit


def _compound(m: re.Match) -> tuple[float, str | None]:
    """The value and unit of an amount in two magnitudes: 1万8977家 -> (18977, 家), 16万5千人 -> (165000, 人),
    2兆1471亿元 -> (21471, 亿元)."""
    a = float(m["a"])
    if m["b"] is not None:
        return a * 1e4 + float(m["b"].replace(",", "")), _unit_of(None, m["u"])
    if m["e"] is not None:  # 16万5千人 -> (165000, 人)
        return a * 1e4 + float(m["e"]) * 1e3, _unit_of(None, m["v"])
    if m["c"] is not None:
        return a * 1e4 + float(m["c"].replace(",", "")), "亿元"
    return a * 1e4 + float(m["d"].replace(",", "")), "万元"


def find_mentions(text: str) -> list[Mention]:
    """Every number with its unit in ``text`` (normalised), dates and names included: :func:`is_excluded` decides
    what to leave out."""
    norm = normalise(text)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in MENTION.finditer(norm):
        a = parse_number(m["a"])
        if a is None:
            continue
        b = parse_number(m["b"]) if m["b"] else None
        unit_word = "%" if m["pa"] and not m["unit"] else m["unit"]
        if unit_word and "百分点" in unit_word:
            unit_word = re.sub(r"\s", "", unit_word)  # 0.6 个 百分点 as wrapped
        end = m.end()
        if m["dash"] and b is None:  # "8-" : the dash belongs to something else
            end = m.start("dash")
        unit = _unit_of(m["mag"], unit_word)
        if m["mag"] and unit is None:
            continue
        value_high = b if (b is not None and b > a) else None
        chinese = not re.match(r"\d", m["a"])
        start = m.start()
        if not chinese and _MINUS_BEFORE.search(norm[max(0, start - 2) : start]) and b is None:
            start, a = start - 1, -a  # 人口自然增长率为-5.11‰: a negative value (not a range 1-9月, not a list ——)
        ji = norm[end : end + 1] == "级"
        more = bool(m["approx"]) and m.start("approx") < end
        out.append(Mention(start, end, a, value_high, unit, chinese, norm[start:end], ji=ji, more=more))
        taken.append((start, end))
    for m in COMPOUND.finditer(norm):  # 1万8,977家, 2兆1471亿元: one amount in two magnitudes
        value, unit = _compound(m)
        if unit is None:
            continue
        out = [x for x in out if x.end <= m.start() or x.start >= m.end()]
        taken = [t for t in taken if t[1] <= m.start() or t[0] >= m.end()] + [(m.start(), m.end())]
        out.append(Mention(m.start(), m.end(), value, None, unit, False, m.group(0)))
    for m in TENTHS.finditer(norm):  # 约八成, 达六成: tenths, as ratios (超八成行业 counts industries: left out)
        tenths = parse_number(m["n"]) if m["n"] else float(m["d"])
        tenths = tenths or 0.0
        out = [x for x in out if x.end <= m.start() or x.start >= m.end()]
        out.append(Mention(m.start(), m.end(), tenths / 10, None, "ratio", True, m.group(0)))
    fractions = [(m, parse_number(m["d"]), parse_number(m["n"])) for m in FRACTION.finditer(norm)]
    fractions += [(m, float(m["d"]), float(m["n"])) for m in SLASH_FRACTION.finditer(norm)]
    for m, d, n in sorted(fractions, key=lambda f: f[0].start()):
        if not d or n is None or n > d:
            continue
        out = [x for x in out if x.end <= m.start() or x.start >= m.end()]
        taken = [t for t in taken if t[1] <= m.start() or t[0] >= m.end()] + [(m.start(), m.end())]
        pct = d == 100
        out.append(Mention(m.start(), m.end(), n if pct else n / d, None, "%" if pct else "ratio", True, m.group(0)))
    for m in BARE_MAGNITUDE.finditer(norm):
        if any(s <= m.start() < e for s, e in taken):
            if not any(s == m.start() for s, _ in taken):
                continue
            out = [x for x in out if x.start != m.start()]  # 千亿 read as 千 + 亿: the bare word is the same
        value = _BARE_VALUES[m["w"]]
        out.append(Mention(m.start(), m.end(), value, None, "亿元", True, m.group(0), True, bool(m["ji"])))
    return sorted(_major_counts(norm, out), key=lambda x: x.start)


#: 四大 / 六大 before a labelled group (四大千亿级产业集群, 六大百亿产业): a count of the group's members
_GROUP_LABEL = (
    r"(?:万亿|千亿|百亿|(?:\d+|[一二两三四五六七八九十])\s*[百千]?亿)\s*元?\s*级?\s*(?:产业集群|产业|集群|园区|企业)"
)
_MAJOR_LABEL_AFTER = re.compile(rf"大\s*{_GROUP_LABEL}")
_COUNT_LABEL_AFTER = re.compile(rf"\s*{_GROUP_LABEL}")


#: the verbs of building a group, before its count (打造四大…, 培育…六大…): the count is a goal, not a subject
_BUILD_BEFORE = re.compile(r"(?:打造|培育|形成|建成|建设|壮大|构建)[^，,。；;\d]*$")


def _major_counts(norm: str, found: list[Mention]) -> list[Mention]:
    """A small Chinese number before 大 and a labelled group that a verb builds (打造四大千亿级产业集群): the count, as
    N个 (the label's amount is then a label, :func:`is_excluded`); the group as a subject (六大千亿级产业集群总产值突破
    万亿元) stays a name."""
    out = []
    for x in found:
        built = _BUILD_BEFORE.search(norm[max(0, x.start - 48) : x.start])
        if x.unit is None and x.chinese and 2 <= x.value <= 10 and built and _MAJOR_LABEL_AFTER.match(norm, x.end):
            x = Mention(x.start, x.end + 1, x.value, None, "个", True, norm[x.start : x.end + 1])
        out.append(x)
    return out


# ---- what to leave out -----------------------------------------------------------------------------------------

_DATE_AFTER = re.compile(r"\s*(年|月|日|号|届|周年|季度|世纪|月份|时|点|分|秒|号文)")
_NAME_WORDS = re.compile(
    r"^\s*(?:以上|级|的)?\s*[^，,。；、\d]{0,4}?(?:工业项目|产业项目|重大项目|项目|企业|开发区|园区|产业集群|集群)"
)
_STRUCTURE_AFTER = re.compile(r"^\s*(?:大|支|批|张|套|条|道|类|方面|领域|产业(?!集群)|行业|环节|中心|清单)")
#: 万亿级 / 五千亿级 / 400亿级 before a noun: the label of a tier of parks, industries, clusters (N个千亿级产业集群)
_LABEL_AFTER = re.compile(r"^\s*级?\s*[^，,。；;\d]{0,4}?(?:产业|园区|集群|企业|开发区|基地|城市|工业园|产业园)")
#: a comparison with another place or measure: 高于全国1.1个百分点, 比全国高7.1个百分点, 快于全部规模以上工业6.2个百分点,
#: 高于全区15.2个百分点, 高出全市规上工业6.7和5.8个百分点, 高于年度目标4.8个百分点
_COMPARISON_BEFORE = re.compile(
    r"(?:(?:高于|低于|快于|慢于|领先|高出|低出|超过|超出)(?:全国|全省|全市|全区|全州|全县|全部|全社会|规上|规模以上|平均|同期|西部|中部|东部|"
    r"年度目标|目标)[^，,。；;]{0,12}"
    r"|比(?:全国|全省|全市|西部|中部)[^，,。；;]{0,6}(?:高|低|快|慢))\s*$"
)


#: a gap to a place named after 分别超过 / 高于 / 低于 (排名第一的淮安市), or the next place of that list (、连云港)
_PLACE_COMPARISON_BEFORE = re.compile(
    r"(?:分别(?:超过|高于|低于|领先)(?:[^，,。；;]{0,24}、)?|(?:高于|低于|领先)(?:排名第[一二三四五六七八九十\d]+的?)?)"
    r"(?!去年|上年|同期|上月|上季|预期|目标)[\u4e00-\u9fff、]{2,12}?\s*(?:[\d.]+\s*(?:%|个百分点)?\s*[和、及]\s*)*$"
)
#: a clock time right before a number (15:10:03): the number is its seconds or minutes
_CLOCK_BEFORE = re.compile(r"(?<![\d.])\d{1,2}\s*:\s*\d{2}\s*:\s*$")
#: a page's counters after a number (3人评论, 120次浏览, 阅读 25)
_PAGE_COUNTER_AFTER = re.compile(r"\s*(?:人|次)?\s*(?:评论|浏览|阅读|点击|点赞|收藏|转发)")

#: the tier label after a count (两个|万亿级产业集群, 四个|千亿级…): the count is the figure, as 4个万亿级 (issue 22)
_TIER_LABEL_AFTER = re.compile(r"^\s*(?:[一二两三四五六七八九十]|\d+)?\s*(?:万亿|千亿|百亿|亿)\s*元?\s*级")


#: after a count of steps or the label of a step (两个|万亿元台阶, 两个万亿元|台阶)
_STEPS_AFTER = re.compile(r"^\s*(?:[万千百亿元级]{0,4})\s*台阶")


#: administrative divisions after a count (37個鄉, 12個鎮, 21個街道辦, 87個居民委員會)
_DIVISIONS_AFTER = re.compile(
    r"\s*(?:乡(?![村镇级])|镇(?![街级企])|街道(?!级)|居民委员会|村民委员会|社区居委会|行政村)"
)
#: residents' and villagers' committees after a count (87個居民委員會): always the administrative structure
_COMMITTEES_AFTER = re.compile(r"\s*(?:居民委员会|村民委员会|社区居委会|居委会|村委会)")
#: the words of a stock of divisions before the count (全市共有37个乡、12个镇, 下辖…): a target's 打造10个… is none
_DIVISIONS_HELD = re.compile(r"共有|共辖|下辖|辖|设有|共设")
#: places after a count (152个城市, 19个国家, 50多个港口) and the words of reaching them before it (覆盖国内, 通达全国)
_PLACES_AFTER = re.compile(r"\s*(?:城市|国家|地区|港口|省份|省区市|省市区)")
_REACH_BEFORE = re.compile(
    r"(?:覆[盖蓋]|通达|辐射|遍及|远销|销往|出口到|出口至)[^，,。；;\d]{0,6}(?:\d+\s*多?个[^，,。；;\d]{0,4}[及和、与])?$"
)
#: a number inside quotation marks that open right before it (“两个15%”, “三分之一”) and a policy's noun after them
_QUOTED_POLICY = re.compile(r"[“\"「][^”\"」，,。\d]{0,4}$")
_POLICY_AFTER = re.compile(
    r"[^”\"」，,。]{0,4}[”\"」]\s*[^，,。；;\d]{0,6}?(?:政策|工程|计划|行动|战略|模式|工作法|机制|体系)"
)
#: the units a breakdown counts after N个: industries (工业行业, 工业大类行业), places (市州, 县区, 县(市、区), 乡, 镇,
#: 街道, 居民委员会, 城市, 国家, 港口), a class of them (工业大市, 工业主导县) — how many there are or grew, not a
#: figure of a measure; not a tier or label (3个千亿级行业: 级/亿/万 before the noun) nor 国家级 / 城市群
_UNITS_OF_A_BREAKDOWN = re.compile(
    r"\s*[^\d级亿万，,、；;。]{0,4}?(?:行业大类|工业大类|大类行业|工业行业|行业|市州|市县|县区|区县|县市区|县[（(]市、区[）)]"
    r"|地区|乡镇|乡|镇|街道|居民委员会|村民委员会|城市(?!群)|国家(?!级)|港口|工业大市|工业主导县)"
    r"(?:中(?!心)|里|(?<=市州|县区|区县)[和及]|均|都|全部|实现|呈现|增加值|预计"
    r"|[^，,。；;\d]{0,12}增长)"
)


#: a list of tier names of firms, industries, parks (十亿企业、百亿产业、千亿园区): labels, none a figure
_LABEL_ITEM = r"(?:十|百|千|万)亿级?(?:企业|产业|园区|集群)"
_LABEL_LIST = re.compile(rf"{_LABEL_ITEM}(?:\s*、\s*{_LABEL_ITEM})+")


def _in_label_list(text: str, m: Mention) -> bool:
    window = text[max(0, m.start - 16) : m.end + 16]
    at = m.start - max(0, m.start - 16)
    return any(x.start() <= at < x.end() for x in _LABEL_LIST.finditer(window))


def is_excluded(m: Mention, text: str, others: list[Mention]) -> str | None:
    """Why a number is not a figure (a date, a document number, a programme's name, a threshold in a name, a
    count that only names a structure, a list marker), or None when it may be one."""
    before, after = text[max(0, m.start - 3) : m.start], text[m.end : m.end + 8]
    if m.unit is None and _DATE_AFTER.match(after):
        return "date"
    if m.unit is None and re.match(r"\s*[-—–~]\s*\d", after):
        return "date"  # 2021-2023年 as a span of years
    if before.endswith("第") or "〔" in before[-1:] or after.startswith("〕"):
        return "doc_number"
    signed = m.unit == "%" and re.search(r"[（(]\s*\+\s*$", before)  # 升幅最大(+3.8%): a signed rate
    measure = m.unit is not None and re.search(r"[A-Z]{2,}$", before)  # 占GDP70.2%: a share of a measure's acronym
    if not (signed or measure) and (re.match(r"[A-Za-z+&]|\s*[+&]", after) or re.search(r"[A-Za-z]$|[+&]\s*$", before)):
        return "name"  # 5G, 1+5+N, 2+4
    if m.unit is None and (before.endswith(("“", '"')) or re.match(r"\s*[”\"]?\s*(项目|工程|计划|行动|战略)", after)):
        return "name"  # "5020"项目, "12345"工程
    if re.search(r"[“\"「]\s*$", before) and re.match(
        r"[^”\"」，,。]{0,6}(?:工程|计划|行动|战略|项目)\s*[”\"」]", after
    ):
        return "name"  # 实施“百万辆汽车工程”: the name of a programme, its number inside the quotation marks
    if m.unit is None and re.match(r"\s*[.、．]\s*(?!\d)", after) and not m.chinese:
        return "list_marker"
    if m.unit is None and m.chinese and after.startswith("、"):
        return "list_marker"
    if m.unit is None and not m.chinese and len(m.raw.replace(",", "")) >= 7:
        return "phone"
    if m.unit is not None and UNITS.get(m.unit, ("",))[0] == "money" and _NAME_WORDS.match(after) and others:
        return "threshold"  # 5亿元以上工业项目45个, 10亿元以上企业超过20家
    if (
        m.unit is not None
        and UNITS.get(m.unit, ("",))[0] == "money"
        and re.match(r"的[^，,。；;\d]{0,12}项目", text[m.end : m.end + 16])
    ):
        return "attribute"  # 坦洲镇投资10亿元的明彩智慧显示项目: the size of one project, no figure of the place
    if (
        m.unit is not None
        and UNITS.get(m.unit, ("",))[0] == "money"
        and re.search(r"(?:超过|超|过)\s*$", before)
        and any(o.start == m.end + len(after) - len(after.lstrip()) and o.unit in ("户", "家", "个") for o in others)
    ):
        return "threshold"  # 其中超10亿元24户: the firms over 10亿元 are counted (the count is the figure)
    if m.unit is not None and UNITS.get(m.unit, ("",))[0] == "money" and re.match(r"\s*、", after):
        nxt = [o for o in others if o.start > m.end]
        if nxt and nxt[0].start - m.end <= 3 and _NAME_WORDS.match(text[nxt[0].end : nxt[0].end + 8]):
            return "threshold"  # 100亿元、50亿元重大项目
    if m.unit in ("个", "家", "户", "项") and _STRUCTURE_AFTER.match(after) and (m.chinese or "、" in text[: m.start]):
        return "structure"  # 两大主导产业, 有色金属、电子信息2个产业
    if m.unit == "个" and (
        after.lstrip().startswith(("大类", "门类", "行业大类", "工业行业大类"))
        or (re.match(r"\s*行业", after) and before.rstrip().endswith("有"))
    ):
        return "structure"  # 41个大类行业中有34个行业
    if m.unit == "个" and _UNITS_OF_A_BREAKDOWN.match(text[m.end : m.end + 12]):
        return "structure"  # 40個工業大類行業中, 14个市州和兰州新区均…, 全市共有37個鄉: the units counted, no figure
    if _STEPS_AFTER.match(text[m.end : m.end + 12]) and (
        m.unit == "个" or re.search(r"(?:\d+|[一二两三四五六七八九十])\s*个\s*$", text[max(0, m.start - 6) : m.start])
    ):
        return "structure"  # 跨过两个万亿元台阶: a count of steps crossed and their label (站稳万亿元台阶 is a level)
    if m.unit == "个" and (
        _COMMITTEES_AFTER.match(after) or (_DIVISIONS_AFTER.match(after) and _DIVISIONS_HELD.search(text[: m.start]))
    ):
        return "structure"  # 全市共有37個鄉、12個鎮、21個街道辦: the administrative divisions, no figure
    if m.unit == "个" and _PLACES_AFTER.match(after) and _REACH_BEFORE.search(text[max(0, m.start - 24) : m.start]):
        return "structure"  # 物流贸易覆盖国内152个城市及19个国家, 通达全国50多个港口: where it reaches
    if _QUOTED_POLICY.search(text[max(0, m.start - 5) : m.start]) and _POLICY_AFTER.match(text[m.end : m.end + 16]):
        return "name"  # “两个15%”所得税政策, 落实“三分之一”工作法: a policy's name
    if m.unit in ("个", "家", "项", "户", "所", "座") and re.match(
        r"[^，,。；;\d、]{0,16}(?<!分)之一", text[m.end : m.end + 20]
    ):
        return "structure"  # 首批4个特色优势产业试点之一: the size of a group the subject belongs to
    if re.search(r"(?:折合|约合)\s*$", before):
        return "conversion"  # 人均…元，折合7299美元: the figure before in another currency
    if m.unit == "个" and after.startswith("月"):
        return "date"  # 前11个月: a length of time, not a count
    if m.unit is None and after.startswith("成"):
        return "structure"  # 超八成行业: tenths of a count of industries
    if m.unit in ("项", "个") and re.match(r"\s*[^，,。；;、\d]{0,6}指标", after):
        return "structure"  # 7项主要经济指标增速居全省前3位, 两项指标: a count of indicators, not a figure
    if m.unit is None and m.chinese and m.raw == "一" and after.startswith("批"):
        return "structure"  # 突破一批关键基础材料: 一批 (a batch of), not the number 1
    if m.unit in ("%", "ratio") and re.search(
        r"增长面\s*(?:为|达到?|超过?|近|约)?\s*$", text[max(0, m.start - 8) : m.start]
    ):
        return "structure"  # 增长面57.5%, 增長面超七成: the share of industries growing (a count of industries)
    if m.unit is not None and UNITS.get(m.unit, ("",))[0] == "money" and _LABEL_AFTER.match(text[m.end : m.end + 12]):
        if re.search(
            r"(?:\d+|[一二两三四五六七八九十])\s*[个户家大]\s*(?:以上|左右)?\s*(?:过|超|超过|达)?\s*$",
            text[max(0, m.start - 8) : m.start],
        ):
            return (
                "label"  # 1个四百亿级园区, 3个千亿级产业集群, 3个过千亿元产业, 6个以上千亿级…: the count is the figure
            )
    if m.unit == "亿元" and m.chinese and _in_label_list(text, m):
        return "label"  # 着力构建十亿企业、百亿产业、千亿园区的基本格局: names of tiers listed, no figure
    if m.unit is not None and UNITS.get(m.unit, ("",))[0] == "money" and m.ji:
        if re.search(r"(?:\d+|[一二两三四五六七八九十])\s*个\s*$", text[max(0, m.start - 6) : m.start]):
            return "label"  # 有色金属1个4千亿级，…: a tier after a count (the count is the figure)
    if m.unit == "pp" and _COMPARISON_BEFORE.search(text[max(0, m.start - 20) : m.start]):
        return "comparison"  # a figure of another place or measure
    if m.unit is not None and _PLACE_COMPARISON_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        return (
            "comparison"  # 分别超过淮安456.8亿元、连云港19.6亿元, 低于排名第一的淮安市8.1个百分点: the gap to a place
        )
    if _CLOCK_BEFORE.search(text[max(0, m.start - 6) : m.start]) or _PAGE_COUNTER_AFTER.match(after):
        return "date"  # 2021/8/3 15:10:03 人评论 次浏览: the time a page was posted and its counters
    if (
        m.chinese
        and m.value < 10
        and m.unit not in ("ratio", "%", "倍")  # 增长两倍以上: a multiple is a figure, never a name
        and not (m.unit == "个" and _TIER_LABEL_AFTER.match(text[m.end : m.end + 8]))  # 两个万亿级产业集群: a count
        and not (m.unit == "个" and m.raw.endswith("大") and _COUNT_LABEL_AFTER.match(text[m.end : m.end + 12]))
        and not comparator_before(text, m.start)[0]
        and m.value_high is None
    ):
        return "structure"  # 一个平台, 七个一: small Chinese numbers name things unless a comparator binds them
    return None


# ---- comparators, bounds, tiers ---------------------------------------------------------------------------------

#: words before a number, longest first, and their comparator
PREFIX_COMPARATORS = (
    ("不少于", ">="),
    ("不低于", ">="),
    ("不超过", "<="),
    ("至少", ">="),
    ("突破", ">"),
    ("跨越", ">"),
    ("跨过", ">"),
    ("迈上", ">"),
    ("迈过", ">"),
    ("迈入", ">"),
    ("超过", ">"),
    ("冲破", ">"),
    ("接近", "near"),
    ("高于", ">"),
    ("大于", ">"),
    ("逾", ">"),
    ("超", ">"),
    ("过", ">"),
    ("约", "~"),
    ("近", "near"),
)
SUFFIX_COMPARATORS = (("余", ">"), ("多", ">"), ("以上", ">="), ("左右", "~"), ("以内", "<="), ("以下", "<="))
#: a comparator word right after a number (its suffix)
SUFFIX_WORD = re.compile(r"^\s*(?:以上|左右|以内|以下)")
#: words of stepping over a mark: exceed a number, reach a tier (…级)
_STEP_WORDS = ("跨越", "跨过", "迈上", "迈过", "迈入")
#: the first characters of words ending in 约 (签约, 合约, 节约, 制约, 预约, 契约, 履约, 集约, 公约, 条约, 缔约, 违约)
_BOUND_BEFORE_YUE = "签合节制预契履集公条缔违"
#: the first characters of words ending in 过 that do not mean over (通过, 经过, 不过, 度过, 错过, 路过, 穿过)
_BOUND_BEFORE_GUO = "通经不度错路穿"
#: how many characters before a number a comparator word may stand (达到, 实现, 各 may come between)
PREFIX_WINDOW = 6


def comparator_before(text: str, start: int) -> tuple[str | None, str | None]:
    """The comparator word just before a number (突破1400, 超过 5, 至少各打造1户), and the comparator."""
    window = text[max(0, start - PREFIX_WINDOW) : start]
    window = re.split(r"[，,。；;：:、\d]", window)[-1]
    for word, comp in PREFIX_COMPARATORS:
        i = window.rfind(word)
        if i >= 0:
            if word in ("过", "超", "近") and window[i:].startswith(("过程", "超越", "近年", "近日", "近期")):
                continue
            at = start - len(window) + i  # where the word stands in the text (the character before may lie outside)
            prev = text[at - 1] if at > 0 else ""
            if word == "约" and prev and prev in _BOUND_BEFORE_YUE:
                continue  # 新签约项目200个, 节约用地: 约 is part of a word (签约 = sign), not about
            if word == "过" and prev and prev in _BOUND_BEFORE_GUO:
                continue  # 年通过能力跃升至560万标箱: 过 of 通过 (pass through), not over
            if re.search(r"[万亿]", window[i + len(word) :]):
                continue  # 超亿元企业达527户: the word is the label's (超亿元), not the number's
            return word, comp
    return None, None


#: the later items of a 分别 list up to a suffix that closes it (分别增长8%、9%以上: 以上 qualifies both figures)
_LIST_REST = re.compile(r"(?:\s*[、和及与]\s*[\d.]+\s*(?:%|个百分点)?)+\s*(?=以上|左右|以内|以下)")


def comparator_after(text: str, end: int) -> tuple[str | None, str | None]:
    after = text[end : end + 4].lstrip()
    for word, comp in SUFFIX_COMPARATORS:
        if after.startswith(word):
            return word, comp
    rest = _LIST_REST.match(text, end) if "分别" in text[max(0, end - 24) : end] else None
    if rest:  # 分别增长8%、9%以上: the suffix after the list's last figure qualifies each figure of it
        return comparator_after(text, rest.end())
    return None, None


def comparator(text: str, m: Mention) -> tuple[str, list[str]]:
    """The target comparator of a number (突破 wins over a trailing 以上, as in 突破3600亿元以上) and review codes."""
    review: list[str] = []
    word, pre = comparator_before(text, m.start)
    _, post = comparator_after(text, m.end)
    if m.ji:
        post = post or ">="
        if word in _STEP_WORDS:
            pre = ">="  # 迈上万亿级: onto the tier (at least), while 迈上1000亿元 exceeds it
    if m.more:
        pre = pre or ">"
    comp = pre if pre in (">", "<=", "near") else (post or pre or "=")
    if comp == "near":
        review.append("near")
        comp = "~"
    return comp, review


#: comparator -> bound of a reported figure
BOUNDS = {">": "lower", ">=": "lower", "~": "approx", "near": "upper", "<=": "upper", "=": "exact"}


def bound(text: str, m: Mention) -> str:
    """exact, lower (突破/超过/以上/余), upper (接近/近), approx (左右/约) for a reported figure."""
    _, pre = comparator_before(text, m.start)
    _, post = comparator_after(text, m.end)
    comp = (
        pre
        or post
        or (">" if m.more else None)
        or ("near" if re.search(r"(不到|不足)\s*$", text[max(0, m.start - 4) : m.start]) else "=")
    )
    return BOUNDS[comp]


TIER_WORDS = {"确保": "floor", "力争": "stretch", "争取": "stretch", "争创": "stretch", "努力": "stretch"}
_TIER_RE = re.compile("|".join(TIER_WORDS))


def tier(sentence_before: str, clause_before: str) -> tuple[str | None, list[str]]:
    """floor (确保) or stretch (力争): the last tier word before the number in its sentence governs it, so one
    力争 before a list covers the list. A tier word in an earlier clause is flagged ``tier_scope``."""
    hits = list(_TIER_RE.finditer(sentence_before))
    if not hits:
        return None, []
    word = hits[-1].group(0)
    review = [] if word in clause_before else ["tier_scope"]
    return TIER_WORDS[word], review


# ---- periods ---------------------------------------------------------------------------------------------------

_RELATIVE_YEARS = {"今年": 0, "本年": 0, "明年": 1, "去年": -1, "前年": -2}  # 上年 is a base (较上年)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_TO_YEAR = re.compile(r"(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年")
_BASE = re.compile(r"(?:比|较|相比|对比)\s*[于前]?\s*((?:19|20)\d{2})\s*年")  # 相较于2023年, 较前2023年
#: the words of a base right before a year (比, 较, 相较于, 较前): a ROC year after them is a base too
_BASE_WORDS_BEFORE = re.compile(r"(?:比|较|相比|对比)\s*[于前]?\s*$")
_BASE_PREV = re.compile(r"(?:比上年|较上年|同比|比去年|较去年)")
_PER = (
    (re.compile(r"每年|年均|每一年|逐年|(?:两|三|四|五|[2-5])\s*年平均"), "year"),
    (re.compile(r"每季度|每个季度"), "quarter"),
    (re.compile(r"每月|每个月"), "month"),
    (re.compile(r"[三五两3-5]\s*年内|累计|共引进|共计|总共"), "period"),
)
#: 期间 (十二五期间): the figures of the span are per period, except a level or share reached (达到, 占…比重达到):
#: a stock at the end of the span is per nothing (issue 22, batch 6: 十二五期间…工业增加值达到133亿元)
_SPAN_PERIOD = re.compile(r"期间")
_LEVEL_REACHED = re.compile(r"达到|突破|提高到|提升到|超过|占")
_FLOW_VERBS = re.compile(r"新增|净增|引进|引入|新建|收回|投入|扩区|新开工|培育")


#: five-year plans by name: 十四五 -> (2021, 2025)
FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025)}
FIVE_YEAR_PLANS["十五五"] = (2026, 2030)
_HORIZON = re.compile(r"(十[一二三四五]五)[”\"」’]?\s*(末|期末|期间|时期|以来|规划|发展规划|时期末)?")
_YEARS_N = "[一二两三四五六七八九十]|[1-9]|10"
#: 3年内, 用5年时间, 5年后 (a horizon counted from the base year), not 连续17年 / 3年来
_N_YEARS = re.compile(rf"(?<![\d年第连续近])({_YEARS_N})\s*年(?:内|后|时间|左右)(?![\d])")
#: milestones: 3年、5年、8年 (then 分别 …): each figure after the list its own year
_MILESTONES = re.compile(rf"((?:{_YEARS_N})\s*年(?:\s*[、和及]\s*(?:{_YEARS_N})\s*年)+)")
_SPAN_WORDS = re.compile(
    rf"(?:^|[，,；;：:])\s*(?:近|过去的?)?({_YEARS_N})\s*年(?:来|以来|间)?\s*(?:[，,]|累计)|({_YEARS_N})\s*年\s*累计"
)
_AVERAGE_SPAN = re.compile(rf"({_YEARS_N})\s*年(?:平均|年均)")
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-－—–~至到]\s*((?:19|20)\d{2})\s*年")


def horizon(text: str) -> tuple[int, int] | None:
    """The five-year plan a text names (十四五末, “十四五”期间, 十三五以来): its first and last year; the last such name."""
    hits = list(_HORIZON.finditer(text))
    return FIVE_YEAR_PLANS[hits[-1].group(1)] if hits else None


#: 今后五年 / 未来3年 (a plan's horizon counted from its base year)
_NEXT_YEARS = re.compile(rf"(?:今后|未来)\s*({_YEARS_N})\s*年(?![\d])")


def years_ahead(text: str) -> int | None:
    """3年内 / 用5年时间 / 5年后 / 今后五年: the number of years, else None."""
    hits = sorted([*_N_YEARS.finditer(text), *_NEXT_YEARS.finditer(text)], key=lambda m: m.start())
    return int(parse_number(hits[-1].group(1)) or 0) or None if hits else None


def milestones(sentence: str) -> tuple[int, list[int]] | None:
    """A list of milestones (3年、5年、8年): the end of the list in ``sentence`` and the numbers of years."""
    m = _MILESTONES.search(sentence)
    if m is None:
        return None
    return m.end(), [int(parse_number(x) or 0) for x in re.findall(_YEARS_N, m.group(1))]


#: the first N years of a five-year plan (“十四五”前四年): a span from the plan's first year
_PLAN_FIRST_YEARS = re.compile(rf"(十[一二三四五]五)[”\"」’]?\s*(?:的)?前\s*({_YEARS_N})\s*年")
#: a year of its own written after a span word (今年, 去年, 2024年): the figure's year, not the span's
_OWN_YEAR_AFTER = re.compile(
    r"(?<![比较与同])(?:今年|去年|上年|(?:19|20)\d{2}\s*年)(?!\s*[-－—–~至到以])"
)  # 比上年: a base


def report_span(sentence: str, before: str, year: int) -> tuple[int, int] | None:
    """The years a reported figure covers when more than one: 2021—2023年 (not after 比/较: a base), 十三五以来,
    两年平均, 3年累计 / 3年, (ending in ``year``); None for one year."""
    for m in _YEAR_SPAN.finditer(before):
        if not re.search(r"(比|较|相比|对比)\s*$", before[max(0, m.start() - 3) : m.start()]):
            return int(m.group(1)), int(m.group(2))
    plan = horizon(before)
    first_years = _PLAN_FIRST_YEARS.search(before)
    if first_years:  # “十四五”前四年，…年均增长4.4%: 2021..2024
        start = FIVE_YEAR_PLANS[first_years.group(1)][0]
        return start, start + int(parse_number(first_years.group(2)) or 1) - 1
    since = re.search(r"十[一二三四五]五[”\"」’]?\s*(以来|期间|时期)", before)
    if since and _OWN_YEAR_AFTER.search(before[since.end() :]):
        return None  # “十四五”以来，…，今年全市18户企业跻身…: the year written after the span is the figure's
    if plan and since and since.group(1) == "以来" and plan[0] < year < plan[1]:
        return plan[0], year  # 十四五以来 in a report of 2023: 2021..2023 (十四五期间 … 预计: the whole plan)
    if plan and since:
        return plan
    avg = _AVERAGE_SPAN.search(before)
    if avg:
        n = int(parse_number(avg.group(1)) or 1)
        return (year - n + 1, year) if n > 1 else None
    words = _SPAN_WORDS.search(sentence)
    if words and words.end() <= len(before) and explicit_year(before[words.end() :]) is not None:
        return None  # 近三年，…年均增长15.2%，2023年达到650亿元: the level of the year written, not of the span
    if words:
        n = int(parse_number(words.group(1) or words.group(2)) or 1)
        return (year - n + 1, year) if n > 1 else None
    return None


#: the end of a span of base years (比2018—2020年总量多56%): a base, not the year of the figure
_BASE_SPAN_END = re.compile(r"(?:比|较|相比|对比)\s*(?:19|20)\d{2}\s*年?\s*[-－—–~至到]\s*$")


#: a year of the Republic of China calendar (Taiwan: 民國109年 = 2020): written with 民國/民国, or bare (109年) where
#: a statistical year is plainly meant — a period follows (109年度, 109年第1季, 109年5月) or the title of a report,
#: survey or census (「109年工廠校正及營運報告」); a bare one only from 80 to 150 (1991-2061), never a duration (近20年)
_ROC_YEAR = re.compile(
    r"民[國国]\s*(\d{2,3})\s*年|(?<![\d.])(?<![近第连续多超过逾约余])(\d{2,3})\s*年(?=度|第?\s*[一二三四1-4]\s*季|\d{1,2}\s*月"
    r"|[^，,。；;\d]{0,12}(?:[报報]告|[统統][计計]|年[报報]|[调調][查]|普查|年[鉴鑑]|公[报報]))"
    r"|(?:(?<=[市县縣区區于於前至、])|^)(1[0-4]\d|150)\s*年(?![代来來间間老]|历史|歷史|以来|之久|以上|周年)"
)  # a bare 101-150 (2012-2061) followed by 年 is a year of the ROC calendar (桃園市113年工廠營業收入): no duration is
#   written so (建党100年 is one: 100 is not taken bare)
#: the first year of the ROC calendar is 1912 (民國元年)
ROC_OFFSET = 1911


def _roc_years(text: str) -> list[tuple[int, int]]:
    """(position, Western year) of each ROC year written in normalised ``text`` (民國109年, 109年度 -> 2020)."""
    out = []
    for m in _ROC_YEAR.finditer(text):
        n = int(m.group(1) or m.group(2) or m.group(3))
        if m.group(1) or 80 <= n <= 150 and (m.group(2) or n > 100):
            out.append((m.start(), n + ROC_OFFSET))
    return out


#: a year written as two digits in words (Macau, Hong Kong press: 二一年 = 2021, 一九年 = 2019), 2010-2029 only
_WORD_YEAR = re.compile(
    r"(?<![〇零一二两三四五六七八九十百千万亿第近连续])([一二])([〇零一二三四五六七八九])\s*年(?![代级度来间内])"
)
_WORD_DIGITS = "〇一二三四五六七八九"


def _word_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each two-digit year in words in normalised ``text`` (二一年 -> 2021)."""
    return [
        (
            m.start(),
            m.end(),
            2000 + 10 * _WORD_DIGITS.index(m.group(1)) + _WORD_DIGITS.index(m.group(2).replace("零", "〇")),
        )
        for m in _WORD_YEAR.finditer(text)
    ]


#: 与2019年比较 / 与一九年相比 / 同上年相比: the base of a comparison, written before the figures it governs
_WITH_BASE_AFTER = re.compile(r"^\s*(?:同期|同月)?\s*(?:相比|比较|对比)")  # 与2019年同期相比
#: a base written 与2019年(同期)相比 / 和2019年比较: blanked where the year of a sentence is sought
WITH_BASE_PHRASE = re.compile(r"(?:与|和|同)\s*(?:19|20)\d{2}\s*年\s*(?:同期|同月)?\s*(?:相比|比较|对比)")
_WITH_BASE_BEFORE = re.compile(r"(?:与|和|同)\s*$")


def with_base(text: str) -> int | None:
    """The year of the last 与Y年比较 / 与Y年相比 in ``text`` (a base of the figures after it), else None."""
    text = normalise(text)
    years = [*((m.start(), m.end(), int(m.group(1))) for m in _YEAR.finditer(text))]
    years += _word_years(text)
    hits = [
        (a, y)
        for a, b, y in years
        if _WITH_BASE_BEFORE.search(text[max(0, a - 2) : a]) and _WITH_BASE_AFTER.match(text[b : b + 6])
    ]
    return max(hits)[1] if hits else None


#: a count right after a year and a period of its own after it (2018年14户新增企业1—3月完成…): the year qualifies the
#: things counted, the period is this year's (2023年12个重点项目完成投资…, 力争2025年10家企业… keep their year)
_COUNT_AFTER_YEAR = re.compile(
    r"\s*\d+\s*(?:户|家|个|项)[^，,。；;\d]{0,16}(?:\d{1,2}\s*[—\-–~至到]\s*\d{1,2}\s*月|[一二三四1-4]\s*季度|上半年|前三季度)"
)


def explicit_year(text: str) -> int | None:
    """The last year written in ``text`` that is not a base year (比2020年, 比2018—2020年 are bases); a year of the ROC
    calendar (民國109年) counts as its Western year."""
    if "年" not in text:  # every year form below is written with 年
        return None
    years = [
        (m.start(), int(m.group(1)))
        for m in _YEAR.finditer(text)
        if not _BASE.search(text[max(0, m.start() - 3) : m.end()])
        and not _COUNT_AFTER_YEAR.match(text, m.end())  # 2018年14户新增企业: the year the firms were added
        and not _BASE_SPAN_END.search(text[max(0, m.start() - 12) : m.start()])
    ]
    norm = normalise(text)
    years += [(a, y) for a, y in _roc_years(norm) if not _BASE_WORDS_BEFORE.search(norm[max(0, a - 4) : a])]
    years += [(a, y) for a, b, y in _word_years(norm) if not _WITH_BASE_AFTER.match(norm[b : b + 3])]
    years = [
        (a, y)
        for a, y in years
        if not (_WITH_BASE_BEFORE.search(norm[max(0, a - 2) : a]) and _WITH_BASE_AFTER.match(_after_year(norm, a)))
    ]
    return max(years)[1] if years else None


def _after_year(text: str, start: int) -> str:
    """The few characters after the year starting at ``start`` (after its 年)."""
    end = text.find("年", start)
    return text[end + 1 : end + 4] if end >= 0 else ""


#: a period after 比/较/与 (较一季度提高2.5个百分点, 較2023年第一季上升3.3%, 比上年同期): the base of a comparison, never the
#: period of the figure
_BASE_PERIOD = re.compile(
    r"(?:比|较|与|相比|对比)\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:第?\s*[一二三四1-4]\s*季度?|首季度?|上半年|下半年|前三季度?"
    r"|上年同期|上年同季|去年同期|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?|\d{1,2}\s*月份?|上月|上个月)"
)


def without_bases(text: str) -> str:
    """``text`` with each period that is a comparison's base blanked (same length)."""
    return _BASE_PERIOD.sub(lambda m: " " * len(m.group(0)), normalise(text))


#: the words of a period within a year (上半年, 1-5月, 一季度, 第二季, 首季, 前三季度)
_PERIOD_WORD = re.compile(
    r"上半年|下半年|前三季度?|1\s*[-—–~至到]\s*\d{1,2}\s*月|前\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*个?月"
    r"|(?<![一二三四五六七八九十\d])一\s*月?\s*[-—–~至到]\s*(?:[二三四五六七八九]|十[一二]?)\s*月"
    r"|[1一]\s*[-—–~至到]\s*[2-4二三四]\s*季度?|第\s*[一二三四1-4]\s*季度?|(?<![前\d\-—–~至到])[一二三四1-4]\s*季度|首季度?"
)


def last_period(text: str) -> str:
    """``text`` from its last period word on (…第一季錄得3.8%…，2023年第二季同比上升: 第二季同比上升): the period written
    last before a figure is the figure's; ``text`` itself when it names none."""
    hits = list(_PERIOD_WORD.finditer(text))
    return text[hits[-1].start() :] if hits else text


#: 截至6月底 / 截止9月末 / 到3月份末: a stock at the end of that month (the month alone, as -N)
_MONTH_END = re.compile(r"(?:截至|截止|到)\s*(?:(?:19|20)\d{2}\s*年\s*)?(\d{1,2})\s*月(?:份)?(?:底|末)")


#: a quarter alone (二季度, 第三季度, 四季度): not 前三季度 / 1-3季度 (years to date); 一季度 is the year to date of March
_QUARTER_ALONE = re.compile(
    r"(?<![前\d\-—–~至到])(?:第\s*([二三四234])\s*季(?:度)?|([二三四234])\s*季度)"
)  # 第二季 without 度 (Hong Kong, Taiwan)


def quarter_alone(text: str) -> int | None:
    """The quarter 2-4 of a figure of that quarter alone (三季度 -> 3), else None."""
    m = _QUARTER_ALONE.search(normalise(text))
    return int(parse_number(m.group(1) or m.group(2)) or 0) or None if m else None


#: a month alone written before a figure (4月份增长5.0%, 2024年12月，…): not a span (1-4月), a date (4月28日), an end
#: of month (4月底), a count of months (4个月), a base (比4月份加快), a start (3月份以来)
_MONTH_BEFORE = re.compile(r"(?<![\d\-—–~至到前比较])(\d{1,2})\s*月份?(?!\s*[\d底末日号初中至到\-—–~]|\s*以来)")


def month_alone(text: str) -> int | None:
    """-N for the month N named alone in ``text`` (the last such), else None."""
    hits = [int(m.group(1)) for m in _MONTH_BEFORE.finditer(normalise(text)) if 1 <= int(m.group(1)) <= 12]
    return -hits[-1] if hits else None


def month_end(text: str) -> int | None:
    """-N for a stock at the end of month N (截至6月底 -> -6); 12 for the end of December, the year's own stock (截至
    2018年12月底…现有家数: 2018, as actuals.csv enters year-end stocks); else None."""
    m = _MONTH_END.search(normalise(text))
    if not m or not 1 <= int(m.group(1)) <= 12:
        return None
    return 12 if int(m.group(1)) == 12 else -int(m.group(1))


def relative_year(text: str, issued_year: int | None, first: bool = False) -> int | None:
    """今年 / 明年 / 去年 relative to the issue year (the last one written, or the first with ``first``); None when
    absent or unknown."""
    if issued_year is None:
        return None
    hits = [
        (m.start(), d)
        for w, d in _RELATIVE_YEARS.items()
        for m in re.finditer(w, text)
        if not re.search(r"(?:比|较|相比|对比|与)\s*$", text[max(0, m.start() - 2) : m.start()])
    ]  # 较去年增长: a base, not the year of the figure
    if not hits:
        return None
    return issued_year + (min(hits) if first else max(hits))[1]


def base_year(text: str, target_year: int, default: int) -> int:
    """比2020年 -> 2020; 较上年 / 同比 -> the year before the target year; else the document's base year."""
    m = list(_BASE.finditer(text))
    if m:
        return int(m[-1].group(1))
    if _BASE_PREV.search(text):
        return target_year - 1
    return default if default < target_year else target_year - 1


def per(sentence_before: str, clause: str, multi_year: bool) -> str | None:
    """year (每年, 年均), quarter, month, period (三年内, 累计, or a flow counted over a multi-year plan). The words
    count in ``sentence_before`` as given: the caller passes the number's clause and the sentence's opening."""
    for pattern, value in _PER:
        hit = pattern.search(sentence_before)
        if hit and hit.group(0).endswith("年内") and _LEVEL_REACHED.search(clause) and not _FLOW_VERBS.search(clause):
            return None  # 三年内…比重提高到40%: a level reached within the span, not a total over it
        if hit:
            return value
    if _SPAN_PERIOD.search(sentence_before):
        level = _LEVEL_REACHED.search(clause) and not _FLOW_VERBS.search(clause)
        return None if level else "period"
    if multi_year and _FLOW_VERBS.search(clause):
        return "period"
    return None


#: 半年经济工作会议, 半年工作会: a meeting on the first half (held in July), its figures of the half (not 每半年)
HALF_YEAR_MEETING = re.compile(r"(?<![上下前后每])半年(?=[^，,。；;\d]{0,8}(?:会议|会上|会))")
_YTD = (
    (re.compile(r"(?<!\d)1\s*[-—–~至到]\s*(\d{1,2})\s*月"), None),
    # 元至7月, 元月至7月: 元月 = January
    (re.compile(r"(?<![万亿千百美日])元\s*月?\s*[-—–~至到]\s*(\d{1,2})\s*月"), None),
    (re.compile(r"(?<!\d)1\s*月(?:份)?\s*[-—–~至到]\s*(\d{1,2})\s*月"), None),  # 1月至2月, 1月份至5月份
    # 一至十月, 一月至十二月 (Taiwan, Hong Kong: months in Chinese numerals)
    (
        re.compile(r"(?<![一二三四五六七八九十\d])一\s*月?(?:份)?\s*[-—–~至到]\s*([二三四五六七八九]|十[一二]?)\s*月"),
        None,
    ),
    (re.compile(r"前\s*(\d{1,2}|[一二三四五六七八九十]+)\s*个?月"), None),
    (re.compile(r"(?:截至|截止)\s*(\d{1,2})\s*月(?!\s*[底末\d日号份])"), None),  # 截止7月，…: January to July
    (re.compile(r"上半年|半年报"), 6),  # 中卫经济“半年报”公布: the figures of the first half
    # 半年经济工作会议, 半年工作会: a meeting on the first half (held in July), its figures of the half
    (HALF_YEAR_MEETING, 6),
    (re.compile(r"前三季度?"), 9),
    (re.compile(r"首([两二三])季度?"), 3),  # 首三季, 首两季 (Hong Kong, Macau): the first three / two quarters
    (re.compile(r"[1一]\s*[-—–~至到]\s*([2-4二三四])\s*季度?"), 3),  # 1-3季度, 一至二季度: 3 months per quarter
    (re.compile(r"第\s*[一1]\s*季(?:度)?|(?<![每前\d])[一1]\s*季度|首季(?:度)?"), 3),  # 一季度, 第一季, 第1季, 首季
    (re.compile(r"(?<![\d—\-–~至到])1\s*月份"), 1),  # 1月份新增…: January alone
)


def ytd_months(text: str) -> int | None:
    """The number of months of a year-to-date span (1-6月, 上半年, 一季度, 前三季度, 前2月), else None."""
    text = normalise(text)
    for pattern, months in _YTD:
        m = pattern.search(text)
        if m:
            if months is not None:
                return months * int(parse_number(m.group(1)) or 0) if m.groups() else months
            n = parse_number(m.group(1))
            return int(n) if n and 1 <= n <= 12 else None
    return None


#: the place itself as a subject (全市, 全县, 我区, 该县): its own figures, not another subject's
PLACE_WORD = re.compile(r"全[市县区省镇州]|[我该本][市县区省镇州]")


def first_ytd(text: str) -> tuple[int, int] | None:
    """The offset and months of the first year-to-date span written in ``text`` (by position: the period a release
    opens with), else None. ``text`` is taken as normalised (offsets are into it)."""
    first: tuple[int, int] | None = None
    for pattern, _ in _YTD:
        m = pattern.search(text)
        if m and (first is None or m.start() < first[0]):
            months = ytd_months(m.group(0))
            first = (m.start(), months) if months is not None else first
    return first


def report_period(year: int, months: int | None) -> str:
    """2021, or 2021-01..2021-06 for a year to date (as in actuals.csv); 2021-07 for July alone (``months`` -7)."""
    if months is not None and months < 0:
        return f"{year}-{-months:02d}"
    if months is None or months == 12:
        return str(year)
    if months == 1:
        return f"{year}-01"  # January alone: a month, as 2024-06 in actuals.csv
    return f"{year}-01..{year}-{months:02d}"


# ---- the phrase vocabulary -------------------------------------------------------------------------------------

VOCABULARY_COLUMNS = ("phrase", "indicator_code", "sector_code", "indicator_if_sector", "indicator_if_new", "note")


@dataclass(frozen=True)
class Phrase:
    """A row of data/vocabulary.csv: a phrase naming an indicator (with variants when a sector is named or the
    clause counts new units) or a sector."""

    phrase: str
    indicator: str | None
    sector: str | None
    if_sector: str | None
    if_new: str | None


@dataclass(frozen=True)
class Hit:
    phrase: Phrase
    start: int
    end: int


class Vocabulary:
    """Phrases -> indicator and sector codes; the longest phrase wins where matches overlap."""

    def __init__(self, phrases: list[Phrase]):
        self.phrases = sorted(phrases, key=lambda p: len(p.phrase), reverse=True)
        self._re = re.compile("|".join(re.escape(p.phrase) for p in self.phrases)) if phrases else None
        self._by_text = {p.phrase: p for p in self.phrases}

    def hits(self, text: str) -> list[Hit]:
        """Matches of phrases in ``text``; where matches overlap, the longest phrase wins (wherever it starts)."""
        if self._re is None:
            return []
        found = []
        for p in self.phrases:
            i = text.find(p.phrase)
            while i >= 0:
                found.append(Hit(p, i, i + len(p.phrase)))
                i = text.find(p.phrase, i + 1)
        kept: list[Hit] = []
        for h in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
            if all(h.end <= k.start or h.start >= k.end for k in kept):
                kept.append(h)
        return sorted(kept, key=lambda h: h.start)

    def phrase(self, text: str) -> Phrase | None:
        """The row of a phrase, or None."""
        return self._by_text.get(text)

    def inside_sector(self, text: str, pos: int) -> bool:
        """A sector phrase of ``text`` starts before ``pos`` and ends after it: the word at ``pos`` is part of a
        narrower name (高技术制造业增加值占…: 制造业增加值占 is not manufacturing's share there). A sector phrase that
        overlaps a longer sector name does not count (汽车产业 in 新能源及新能源汽车产业集群产值)."""
        kept = [(h.start, h.end) for h in self.sector_hits(text)]
        for p in self.phrases:
            if p.sector is None:
                continue
            i = text.find(p.phrase, max(0, pos - len(p.phrase) + 1))
            while 0 <= i < pos:
                j = i + len(p.phrase)
                if j > pos and not any(a < j and i < b and (a, b) != (i, j) for a, b in kept):
                    return True
                i = text.find(p.phrase, i + 1)
        return False

    def indicator_hits(self, text: str) -> list[Hit]:
        return [h for h in self.hits(text) if h.phrase.indicator]

    def sector_hits(self, text: str) -> list[Hit]:
        return [h for h in self.hits(text) if h.phrase.sector]


class VocabularyError(ValueError):
    """data/vocabulary.csv has problems; ``report`` lists them (file, row, column, expected)."""

    def __init__(self, report: ValidationReport):
        self.report = report
        super().__init__(report.format())


def load_vocabulary(path: Path, indicators: set[str], sectors: set[str]) -> Vocabulary:
    """Read and check data/vocabulary.csv: its columns, a phrase on every row (once), an indicator or a sector
    code, and every code listed in indicators.csv / sectors.csv. Raises :class:`VocabularyError`."""
    from ..data.io import read_table

    report = ValidationReport()
    frame, problems = read_table(path, path.name)
    report.extend(problems)
    if not report.ok:
        raise VocabularyError(report)
    missing = [c for c in VOCABULARY_COLUMNS if c not in frame.columns]
    for c in missing:
        report.add(Violation(path.name, 1, c, None, f"the column {c} in the header ({', '.join(VOCABULARY_COLUMNS)})"))
    if missing:
        raise VocabularyError(report)
    phrases: list[Phrase] = []
    seen: set[str] = set()
    for _, r in frame.iterrows():
        row = int(r["_row"])
        phrase = r["phrase"]
        if not phrase:
            report.add(Violation(path.name, row, "phrase", "", "a phrase of the documents"))
            continue
        if phrase in seen:
            report.add(Violation(path.name, row, "phrase", phrase, "each phrase once"))
        seen.add(phrase)
        if bool(r["indicator_code"]) == bool(r["sector_code"]):
            report.add(Violation(path.name, row, "indicator_code", r["indicator_code"], "an indicator or a sector"))
        for col, known, file in (
            ("indicator_code", indicators, "indicators.csv"),
            ("indicator_if_sector", indicators, "indicators.csv"),
            ("indicator_if_new", indicators, "indicators.csv"),
            ("sector_code", sectors, "sectors.csv"),
        ):
            if r[col] and r[col] not in known:
                report.add(Violation(path.name, row, col, r[col], f"a code listed in {file}"))
        phrases.append(
            Phrase(
                phrase,
                r["indicator_code"] or None,
                r["sector_code"] or None,
                r["indicator_if_sector"] or None,
                r["indicator_if_new"] or None,
            )
        )
    if not report.ok:
        raise VocabularyError(report)
    return Vocabulary(phrases)


def canonical(value: float | None, unit: str | None, indicator_unit: str | None) -> tuple[float | None, str | None]:
    """A value in its indicator's canonical unit (1.4 万亿元 -> 14000 亿元, 5000 万元 -> 0.5 亿元, 8.5 % -> 0.085
    ratio); without an indicator, money in 亿元 and ratios as fractions."""
    if value is None or unit is None or unit not in UNITS:
        return value, unit
    try:
        target = canonical_unit(indicator_unit) if indicator_unit in UNITS else canonical_unit(unit)
        return value * conversion_factor(unit, target), target
    except (KeyError, ValueError):
        return value, unit


def csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
