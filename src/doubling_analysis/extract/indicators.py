"""Which indicator and sector a number in a sentence is of: vocabulary phrases, the names of data/indicators.csv,
counts, shares, thresholds and industries (see :mod:`.candidates`)."""

from __future__ import annotations

import re
from typing import TypeVar

from .. import config
from . import language as lang
from .clauses import _CLAUSE_END, spans
from .records import DocContext, Spot

# ---- indicators and sectors ----------------------------------------------------------------------------------

_NEW = re.compile(r"新增|净增|培育|引进|引入|新认定|(?<!已)认定|创建|新建")  # 申报认定…6家: to be certified
#: 净增 right before a phrase whose new count is gross (新增): the net change has no code of its own (the net codes
#: have phrases of their own, 净增规上工业企业 -> firms_net_new, which win as the longer match)
_NET_BEFORE = re.compile(r"[净淨]增\s*$")
_GROWTH = re.compile(
    r"(增长|增速|增幅|提高(?![到至])|提升(?![到至])|下降(?![到至])|减少(?![到至])|多|上升(?![到至])|下跌|跌幅|降幅|升幅"
    r"|成长(?![型性])|衰退)"  # Taiwan: 較去年同期成長8.5%, 衰退3.2% (a fall); not 成长型企业
    r"[^，,。；到至]{0,6}(?:\d+(?:\.\d+)?\s*%?\s*[、和及]\s*)*$"  # …分别增长9.2%、6.8%、|8.9%: a list's later items
    # one character (增24%, 減9.8%及11.6%, 同比升6.8%): right before the number or the list of numbers it governs
    r"|(?:增(?![长速幅加值])|减(?![少排])|跌|(?<![提上])升(?![级格值]))[\d.%及和、\s]{0,12}$"
    # 增速达到18%以上, 增幅保持在10%: the rate itself reaches the figure
    r"|(?:增速|增幅)\s*(?:达到|保持在|稳定在|提高到|提高至|提升到|提升至|回升到|回升至)\s*(?:\d+(?:\.\d+)?\s*%?\s*[、和及]\s*)*$"
)
#: a change named after its number (錄得1.1%的按年跌幅, 3.8%的同比升幅): a growth rate; 跌幅 / 降幅 a fall
_GROWTH_AFTER = re.compile(r"^\s*的?\s*(?:按年|同比)?\s*(升幅|增幅|跌幅|降幅)")
#: the words of a fall before a growth rate (下降5%, 減9.8%, 同比下跌0.2%, 跌幅為4.6%)
_FALL_BEFORE = re.compile(r"(下降|减少|下跌|跌幅|降幅|衰退)[^，,。；]{0,6}$|(?:减(?![少排])|跌)[\d.%及和、\s]{0,12}$")
#: words between a phrase and its number that name another measure (a share, a contribution, a pull)
_OTHER_MEASURE = re.compile(r"占|比重|占比|贡献|拉动|增长面|能耗|电耗|水耗|用水量|排放|利润率")
_SHARE_KINDS = ("share", "rate")


def _nearest(hits: list[lang.Hit], pos: int, end: int) -> lang.Hit | None:
    if not hits:
        return None

    def distance(h: lang.Hit) -> tuple[int, int]:
        d = pos - h.end if h.end <= pos else h.start - end + config.EXTRACT_AFTER_PENALTY
        return (max(d, 0), -len(h.phrase.phrase))

    return min(hits, key=distance)


#: 人均 right before a measure: the measure per head (人均地区生产总值), not the measure
_PER_CAPITA = re.compile(r"人均\s*$")
#: firms right before a regional measure (企业研发投入强度: the firms' R&D over their revenue, not R&D over GDP)
_FIRMS_BEFORE = re.compile(r"企业\s*$")
#: a measure other than industry's gross output right before 产值 / 收入 (茶产业综合产值, 奶山羊全产业链产值, 观光
#: 产值, 技工贸总收入; 销售产值, the output sold): its own
#: indicator, never the gross output value (issue 22: a scope difference is not merged); 全产业链 only before 产值 (a
#: chain's output across sectors), not before 营收 (生物医药全产业链营收: the industry's firms, batch 2's reading)
_WIDER_OUTPUT = re.compile(
    r"(?:综合|全产业链|观光|旅游|技工贸|销售)\s*$"
)  # 技工贸总收入: a zone's technology, industry and trade
#: the output or revenue of projects (项目预计实现产值, 投产项目新增产值, 投资案创造产值): what the projects are
#: expected to add, not the place's output; the words of an expectation or an addition before the measure
_PROJECT_WORD = re.compile(r"项目|項目|投资案|投資案")
_EXPECTED_OUTPUT = re.compile(
    r"预计|預計|可实现|可實現|可新增|新增|达产后|達產後|投产后|投產後|建成后|建成後|创造|創造"
)
#: a sector outside industry right before an output phrase (农林牧渔业可比价总产值, 建筑业总产值)
_NOT_INDUSTRY = re.compile(r"农林牧渔业?|(?<!加工)(?<!产品)农业|林业|畜牧业|渔业|建筑业")
_OUTPUT_CODES = frozenset(
    {"output_value", "revenue", "main_revenue", "sector_revenue", "sector_total_revenue", "va", "industrial_va"}
)
#: the threshold of 100m yuan written for projects (亿元以上项目, 亿元及以上)
_OVER_100M = re.compile(r"(?<![十百千万\d])亿元(?:及)?以上")
#: the regional measures a firms' version of is another indicator
_REGIONAL_CODES = frozenset({"rd_gdp_share"})
#: a clause that compares (比2018—2020年总量多56%, 较上年增长5%) names no subject of its own
#: …, and one that compares with another place or measure (高于全区15.2个百分点, 快于全国1.9个百分点) neither
_COMPARISON_CLAUSE = re.compile(
    r"^\s*(?:(?:降幅|增幅|增速|涨幅|跌幅)\s*)?(?:比|较|同比|相比|与|高于|低于|快于|慢于|高出|低出)"
)  # 降幅比上半年收窄3.6个百分点: the change of the growth rate before it, no subject of its own


#: a rank (总量居全省第3位): no figure of a measure, so no subject for the clauses after it
_RANK = re.compile(r"第\s*$")


#: the code of a doubling (× base): it names a relation to a base, not the level a later clause sets
_DOUBLING_CODE = "doubling"


#: where a clause turns to a share (采矿业增加值|占比达96.05%, …|占全市…的比重为69.3%)
_SHARE_TURN = re.compile(r"占(?:比|全|总|规|地区|GDP|生产总值|工业|[^，,；;。\d]{0,12}比重)")


def _carried_subject(
    vocab: lang.Vocabulary, before: str, for_growth: bool = False
) -> tuple[lang.Hit | None, str | None]:
    """The measure of the nearest earlier clause of the sentence that holds a figure or names a known measure
    (工业增加值突破1万亿元，达到1.3万亿元): its last phrase, or (None, its proposal) when that clause names a measure
    the vocabulary lacks — never a phrase of a clause further back."""
    for a, b in reversed(spans(before, _CLAUSE_END)):
        piece = before[a:b]
        turn = _SHARE_TURN.search(piece) if for_growth else None
        if turn is not None and turn.start() > 0:  # 采矿业增加值占比达96.05%，同比下降15.6%: the growth is the VA's
            piece = piece[: turn.start()]
        hits = vocab.indicator_hits(piece)
        levels = [h for h in hits if h.phrase.indicator != _DOUBLING_CODE]
        if hits:
            h = (levels or hits)[-1]  # 工业总产值比2022年翻一番，力争达到4000亿元: the level doubled, not the doubling
            return lang.Hit(h.phrase, a + h.start, a + h.end), None
        figures = [m for m in lang.find_mentions(piece) if m.unit is not None and not _RANK.search(piece[: m.start])]
        if figures and not _COMPARISON_CLAUSE.match(piece):
            words = new_phrase(_measure_words(vocab, piece[: figures[0].start]))
            if words == "增加值" or (
                words and is_subject_name(words.removesuffix("增加值"))
            ):  # 采矿业|增加值: a sector's
                va = vocab.phrase("工业增加值")
                if words.endswith("增加值") and va is not None:
                    return lang.Hit(va, a, b), None  # 国有控股企业增加值增长10.3%，股份制企业增长6.6%: value added
                continue  # 电气机械和器材制造业增长46.7%，石油和天然气开采业增长23.0%: the measure before the list
            if words:
                return None, f"NEW:{words}" if len(words) >= 2 else None
    return None, None


#: the name of a subject of a breakdown, not a measure: an industry of the national classification (石油和天然气开采业,
#: 非金属矿物制品业), a type of ownership (国有控股企业, 私营企业), or a place (白银市, 临夏州, 兰州新区) — its figure is
#: of the measure of the list (issue 22, batch 4)
_SUBJECT_NAME = re.compile(
    r"(?:我省|我市|我区)?(?:"
    r"[\u3400-\u9fff、，,和及与]{1,24}?(?:[制製](?:造|品)|[开開][采採]|[采採][矿礦]|加工|[采採][选選]|洗[选選]|供[应應]|冶[炼煉])业"
    r"|(?:国有(?:控股)?|集体|股份制|股份合作|私营|民营|外商及港澳台商投资|外商投资|港澳台商投资|三资|外资)企业"
    r"|[\u3400-\u9fff]{2,6}(?:市|州|县|新区|盟)(?:规上工业(?:经济)?|规模以上工业)?)"
)


def is_subject_name(words: str) -> bool:
    """``words`` name only a subject of a breakdown (an industry, a type of ownership, a place)."""
    return bool(words) and not words.startswith("全") and bool(_SUBJECT_NAME.fullmatch(words))


#: an amount after 增加 / 增长 / 减少 (not 增加值) or 同比新增: the change of a level, not the level (比2020年增加近2000亿元,
#: 每年增加700亿元, 工业投资年均同比新增超过1000亿元)
_CHANGE_BEFORE = re.compile(r"(?:增加(?!值)|增长|减少|同比新增)(?![到至为])[^，,。；、\d到至为]{0,3}$")
#: 拉动规上工业增加值增长7.5个百分点, 为规上工业增长贡献67.1%: the number is a pull or contribution, not the phrase's
_PULL_BEFORE = re.compile(r"拉动|贡献")


def _respective_hit(vocab: lang.Vocabulary, clause_before: str) -> lang.Hit | None:
    """Several measures and 分别 before the number (营业收入、利润总额分别增长5%、6%): the k-th figure after 分别 is the
    k-th measure's; None otherwise."""
    i = clause_before.rfind("分别")
    hits: list[lang.Hit] = []
    end = i
    for h in reversed(vocab.indicator_hits(clause_before[:i]) if i > 0 else []):
        gap = clause_before[h.end : end].strip()
        if gap not in (("",) if not hits else ("、", "和", "及", "与")):
            break  # only the list right before 分别: A、B分别…
        hits.insert(0, h)
        end = h.start
    if len(hits) < 2:
        return None
    k = sum(1 for m in lang.find_mentions(clause_before[i:]) if m.unit is not None)
    return hits[k] if k < len(hits) else None


_NEXT_ITEM = re.compile(r"\s*(?:以上|左右)?\s*[、；;]")
#: a head noun with no subject of its own (增加值, 产值): an item naming it carries the subject of the item before
_HEAD_NOUN_ALONE = re.compile(
    r"(?:实现|完成)?(?:增加值|总产值|产值|营业收入|主营业务收入|营收|利税|利润总额|利润|税收|投资|收入)"
)
#: the end of an earlier item with its own figure (…增长6%左右、)
_ITEM_END = re.compile(r"\d[^、，,；;。\d]{0,6}、")


#: 申报 / 申请 right before a count's phrase: the applications, not the firms certified
_APPLIED = re.compile(r"(?:申报|申请)(?!认定)[^，,；;。\d]{0,4}$")  # 申报认定…6家: firms to be certified
#: a stock reached (达到, 增至, 累计, 共有, 总数): with no word of a new count before it
_STOCK_WORDS = re.compile(
    r"累计|达到|达|增至|增加到|共有|总数|总量|拥有|现有|(?<![新增])有\s*$"
)  # 本港有12间: has (a stock)


#: the words of new ones added (累计新增, 累计引进): a sum of additions, not the stock 累计培育 gives
_ADDED = re.compile(r"新增|净增|新建|引进|引入")


def _is_stock_of_new(code: str | None, clause_before: str, unit: str | None) -> bool:
    """A count of a code for new ones (…_new: firms certified in the period) written as a stock (专精特新“小巨人”企业
    分别达到2家、19家, 累计培育专精特新中小企业超过14万家): no code names the stock."""
    if not code or not code.endswith("_new") or lang.UNITS.get(unit or "", ("?",))[0] != "count":
        return False
    stock = _STOCK_WORDS.search(clause_before)
    if stock is None:
        return False
    if "累计" in stock.group(0) and _ADDED.match(clause_before[stock.end() :].lstrip()):
        return False  # 累计新增专精特新企业20家: the new ones added up over the period, still new ones
    return "累计" in stock.group(0) or not _NEW.search(clause_before)


#: the words of ones added or certified in the period: a count of a phrase whose own code counts new ones needs one
#: of them before it in its sentence (新增, 培育, 创建; 获评 / 评为 / 入选 / 获批 a certification of the period)
_NEW_IN_SENTENCE = re.compile(
    _NEW.pattern + r"|评为|获评|入选|获批|创成|新获|新晋|新入|打造|遴选|争创|上榜|入围|入规|纳规|入库"
)


#: a phrase that itself names new ones (入规企业, 新增就业, 新上市)
_NEW_IN_PHRASE = re.compile(r"新|入规|纳规|入库")


def _bare_count_of_new(hit: lang.Hit, code: str | None, text_before: str, unit: str | None, after_figure: bool) -> bool:
    """A count of a phrase whose own code counts new ones (小巨人 -> little_giant_firms_new) with no word of new ones
    before it in its sentence or in its clause (5家企业获评省级绿色工厂 is new ones; 全国专精特新“小巨人”企业1.46万家, 小巨人企业突破8家, …90家以上): the stock, which
    no code names (issue 22: the annotators' reading on batches 4, 7, 15 and 17)."""
    if (
        not code
        or not code.endswith("_new")
        or hit.phrase.indicator != code
        or _NEW_IN_PHRASE.search(hit.phrase.phrase)
    ):
        return False  # 入规企业35家: the phrase itself says new ones
    if after_figure and hit.phrase.phrase.endswith("上市"):
        return False  # 力争3-5家以上企业境内外上市: the listings themselves, an event of the period
    return lang.UNITS.get(unit or "", ("?",))[0] == "count" and not _NEW_IN_SENTENCE.search(text_before)


def _other_output(
    hit: lang.Hit, code: str | None, before: str, clause: str, rel: tuple[int, int], have: str
) -> str | None:
    """A money figure of an output or revenue phrase that measures something else: a wider measure (茶产业综合产值,
    全产业链产值 -> NEW:综合产值) or what projects are expected to add (新开工项目…项目预计实现产值24.3亿元, 30个项目
    投产，新增产值260亿元 -> NEW:项目产值). None for the place's own output."""
    if code not in _OUTPUT_CODES or have != "money" or hit.end > rel[0]:
        return None
    other = _NOT_INDUSTRY.search(clause[max(0, hit.start - 12) : hit.start])
    if other is not None:
        return f"NEW:{other.group(0)}{hit.phrase.phrase}"  # 农林牧渔业可比价总产值: farming's, not industry's output
    wider = _WIDER_OUTPUT.search(clause[: hit.start])
    if wider is not None and (hit.phrase.phrase.endswith("产值") or "全产业链" not in wider.group(0)):
        return f"NEW:{wider.group(0).strip()}{hit.phrase.phrase}"
    own = clause[: hit.start]
    if not _EXPECTED_OUTPUT.search(own) or lang.PLACE_WORD.search(own):
        return None  # 预计全年全市规模以上工业总产值…: the place's own estimate
    nearby = (
        "，".join(re.split(r"[，,；;]", before.rstrip("，,；; "))[-config.EXTRACT_PROJECT_CLAUSES_BACK :])
        if before
        else ""
    )
    if _PROJECT_WORD.search(own) or _PROJECT_WORD.search(nearby):
        return f"NEW:项目{hit.phrase.phrase}"  # 30个项目投产，新增产值260亿元: what those projects add
    return None


def _hit_in_name(vocab: lang.Vocabulary, clause_before: str, named: str | None) -> lang.Hit | None:
    """The phrase inside the k-th name before 分别 (国家制造业单项冠军、国家级专精特新“小巨人”企业分别达到2家、19家: 单项冠军
    for 2), at its place in the clause; None when there is no such name or phrase."""
    if not named:
        return None
    at = clause_before.rfind(named)
    hits = vocab.indicator_hits(named) if at >= 0 else []
    return lang.Hit(hits[-1].phrase, at + hits[-1].start, at + hits[-1].end) if hits else None


#: a growth or a level right after 分别 (分别增长, 分别为): the names before 分别 are the measures
_RATE_AFTER_RESPECTIVELY = re.compile(r"\s*(?:同比|比上年|较上年)?(?:增长|增幅|增速|提高|下降|减少|为|达到?)")
#: a measure's head noun closing a list of names (…、绿色铝产业增加值): the measure all the names share
_HEAD_NOUN_AT_END = re.compile(r"(?:增加值|总产值|产值|营业收入|主营业务收入|营收|投资|利润|利润总额|税收)$")
#: the names listed right before 分别 (货物贸易、服务贸易分别增长…)
_NAMES_BEFORE_RESPECTIVELY = re.compile(r"([^，,；;。：:\d]{2,40}?)\s*分别")


#: what may stand before a second 分别 of a sentence that names no list of its own (两年平均分别增长…, 同比分别…)
_QUALIFIER_ONLY = re.compile(
    r"^\s*(?:[两二三四五2-5]\s*年平均|平均|年均|同比|比上年|较上年|比去年同期|较去年同期)?\s*$"
)


#: 和 / 及 / 与 inside an industry's name (批发和零售业, 石油和天然气开采业, 住宿和餐饮业): no list's separator
_AND_IN_A_NAME = re.compile(r"[和及与](?=[\u4e00-\u9fff]{1,5}业(?:[、，,；;]|$))")


def split_names(listed: str) -> list[str]:
    """The names of a list joined by 、 / 和 / 及 / 与 (货物贸易和服务贸易, 营业收入、利润总额), keeping an industry's
    name that holds 和 whole (批发和零售业、住宿和餐饮业: two names)."""
    protected = _AND_IN_A_NAME.sub(lambda a: "\0" + str("和及与".index(a.group(0))), listed)
    names = [n.strip() for n in re.split(r"[、和及与]", protected) if n.strip()]
    return [re.sub(r"\0(\d)", lambda d: "和及与"[int(d.group(1))], n) for n in names]


#: the scope of industry written before an output or revenue measure (规上工业产值, 工業總產值): its value added is
#: the scope's (规上工业增加值, 工业增加值)
_SCOPE_OF_OUTPUT = re.compile(
    r"(规模以上工业|规上工业|规模工业|全部工业|工业)(?:企业)?(?:总产值|产值|营业收入|主营业务收入)"
)


#: the clause right before a figure's own that names industry as its topic (工业经济快速增长，/ 规上工业生产平稳，)
_SCOPE_TOPIC = re.compile(r"(?:^|[，,；;：:])\s*(规模以上工业|规上工业|工业)(?:经济|生产)[^，,；;。\d]{0,10}[，,]\s*$")
#: an output or revenue measure of any subject (建筑业完成总产值, 农业总产值, 服务业实现营业收入)
_OUTPUT_WORD = re.compile(r"总产值|产值|营业收入|主营业务收入|营收")


def bare_value_added(
    vocab: lang.Vocabulary, ctx: DocContext, spot: Spot, code: str | None, unit: str | None
) -> str | None:
    """增加值 written alone (no scope before it) after an output measure of a scope of industry in the same sentence
    or paragraph (完成工业总产值179.5亿元，同比增长37.6%；增加值同比增长28.8%, 规上工业产值首次突破400亿元，增加值增速
    达5.6%): the value added of that scope, as the output's subject carries; None otherwise."""
    if code not in ("NEW:增加值", "NEW:增加值增速"):
        return None
    before = spot.paragraph[: spot.ps0 + spot.c0] if spot.paragraph else spot.sentence[: spot.c0]
    text = before[-config.EXTRACT_MAX_SENTENCE_CHARS :]
    scopes = list(_SCOPE_OF_OUTPUT.finditer(text))
    topic = _SCOPE_TOPIC.search(spot.sentence[: spot.c0])  # 工业经济快速增长，增加值127.12亿元: the clause before
    if topic is not None:
        scope = topic.group(1)
    elif not scopes or _OUTPUT_WORD.search(text[scopes[-1].end() :]):
        return None  # …工业总产值500亿元。建筑业完成总产值200亿元，增加值增长5%: another subject's output is nearer
    else:
        scope = scopes[-1].group(1)
    phrase = vocab.phrase(f"{scope}增加值")
    found = phrase.indicator if phrase else None
    if found is None:
        return None
    growth = unit == "%" and bool(_GROWTH.search(spot.clause[: spot.rel[0]]))
    if growth:
        return ctx.growth_of.get(found, found if ctx.indicator_kinds.get(found) == "growth_rate" else None)
    return ctx.level_of.get(found, found if ctx.indicator_kinds.get(found) != "growth_rate" else None)


def _borrowed_list(clause_before: str, before: str) -> str:
    """``clause_before``, or — when its 分别 has only a qualifier before it (…分别增长45.6%、26.8%，两年平均分别增长
    23.6%、14.3%) — the names before the sentence's earlier 分别 joined to it: the k-th figure is the k-th name's."""
    i, j = clause_before.rfind("分别"), before.rfind("分别")
    if i < 0 or j < 0 or not _QUALIFIER_ONLY.match(clause_before[:i]):
        return clause_before
    if not re.match(r"\s*(?:增长|增速|增幅|为|达到?)", clause_before[i + 2 :]):
        return clause_before  # 比上年分别加快1.2、2.0个百分点: another measure (the change of the rates), no borrowing
    start = max((m.end() for m in re.finditer(r"[，,；;。：:]", before[:j])), default=0)
    return before[start:j] + clause_before[i:]


#: two names or more listed right before 均 and a rate or a level (固定资产投资、工业投资、服务业投资均增长12%左右)
_EACH_OF_NAMES = re.compile(
    r"([^，,；;。：:\d]{2,60}?[、和及与][^，,；;。：:\d]{2,60}?)\s*均"
    r"(?=\s*(?:同比|比上年|较上年)?\s*(?:增长|增速|提高|达到?|突破|超过|保持|为)[^，,；;。\d]{0,4}$)"
)


def each_of_list(
    vocab: lang.Vocabulary, clause: str, before: str, rel: tuple[int, int], unit: str | None, ctx: DocContext
) -> list[str | None]:
    """The codes of the measures listed before 均 (A、B、C均增长12%左右: each of the three grew by about 12 %), one
    per name as if each stood alone before the figure; [] when no list precedes 均 or its names share one code (a
    list of sectors of one measure: :func:`resolve_sectors` gives their rows)."""
    m = _EACH_OF_NAMES.search(clause[: rel[0]])
    if m is None:
        return []
    names = split_names(m.group(1))
    if any(vocab.sector_hits(n) for n in names):
        return []  # 电子信息、装备制造产业营业收入均增长10%: sectors of one measure
    tail = clause[m.end() :]  # the words after 均 up to the clause's end (增长12%左右)
    codes: list[str | None] = []
    for name in names:
        shift = len(name) - m.end()
        codes.append(resolve_indicator(vocab, name + tail, before, (rel[0] + shift, rel[1] + shift), unit, ctx)[1])
    return codes if len(names) >= 2 and None not in codes and len(set(codes)) == len(codes) else []


def _respective_name(clause_before: str) -> str | None:
    """The k-th name of the list right before 分别 for the k-th figure after it (货物贸易、服务贸易分别增长15.3%、29.6%:
    服务贸易 for 29.6), when the list has two names or more; None otherwise."""
    i = clause_before.rfind("分别")
    m = _NAMES_BEFORE_RESPECTIVELY.search(clause_before[: i + 2]) if i > 0 else None
    if m is None or not _RATE_AFTER_RESPECTIVELY.match(clause_before[i + 2 :]):
        return None  # 国家级、省级开发区分别至少引进1个…: places, the measure written after 分别
    names = split_names(m.group(1))
    if names and _HEAD_NOUN_AT_END.search(names[-1]):
        return None  # 新能源电池、硅光伏、绿色铝产业增加值分别增长…: the names are subjects of one measure
    k = sum(1 for x in lang.find_mentions(clause_before[i:]) if x.unit is not None)
    return names[k] if len(names) >= 2 and k < len(names) else None


def _counts_for_a_count(
    vocab: lang.Vocabulary, clause: str, rel: tuple[int, int], unit: str | None, ctx: DocContext
) -> list[lang.Hit]:
    """The phrases of a clause that may name a count's measure: for a count (10户, 3个), the phrase of a count
    indicator right after it (its noun), else the phrases of count indicators when the clause has any (10户主营收入
    达百亿元企业: the firms at the tier, not their revenue); else all."""
    # 引进科创项目1428个、净增高新技术企业736家: a phrase after the number and a 、 names the next item, not this one;
    # 规上工业增加值增长6%左右、数字经济核心产业增加值增长8%: a phrase before an earlier item's figure is that item's when
    # this item names a measure of its own
    items = list(_ITEM_END.finditer(clause[: rel[0]]))
    own_item = new_phrase(_measure_words(vocab, clause[items[-1].end() : rel[0]])) if items else ""
    own_item = "" if _HEAD_NOUN_ALONE.fullmatch(own_item) else own_item  # 产值140亿元、增加值78.4亿元: the same subject
    hits = [
        h
        for h in vocab.indicator_hits(clause)
        if not (h.start >= rel[1] and _NEXT_ITEM.match(clause[rel[1] :]))
        and not (own_item and h.end <= items[-1].start())
    ]
    if lang.UNITS.get(unit or "", ("?",))[0] != "count":
        return hits
    ends = [m.end for m in lang.find_mentions(clause[: rel[0]]) if m.unit is not None]
    # 100个在建项目竣工投产、每年有100个…: a phrase right after an earlier count is that count's noun, not this one's
    hits = [h for h in hits if not any(e <= h.start and _COUNTED_NOUN.match(clause[e : h.start]) for e in ends)]
    counts = [
        h for h in hits if lang.UNITS.get(ctx.indicator_units.get(h.phrase.indicator or "", ""), ("?",))[0] == "count"
    ]
    if any(h.end <= rel[0] and not clause[h.end : rel[0]].strip() for h in counts):
        return counts  # 统筹200个…: a count phrase right before the number names it
    after = [h for h in counts if h.start >= rel[1] and _COUNTED_NOUN.match(clause[rel[1] : h.start])]
    return after[:1] or counts or hits  # 3个过千亿元产业, 100个在建项目竣工投产: the words after the count


#: what a count that opens its clause counts, written after it up to its head noun (113个|省、宜春市大中型项目)
_NOUN_AFTER_COUNT = re.compile(r"^\s*([^，,；;。：:\d]{0,12}?(?:项目|企业|产业集群|集群|园区|开发区|基地|平台))")


def counted_after(clause: str, rel: tuple[int, int], unit: str | None) -> str | None:
    """The noun after a count that has no words before it in its clause (113个省、宜春市大中型项目完成投资…): what it
    counts, so no measure of an earlier sentence is carried to it (issue 22, batch 6); None otherwise."""
    if lang.UNITS.get(unit or "", ("?",))[0] != "count" or new_phrase(clause[: rel[0]]):
        return None
    m = _NOUN_AFTER_COUNT.match(clause[rel[1] :])
    return m.group(1).strip() if m and len(m.group(1).strip()) >= 2 else None


#: the words between a count and the phrase after it that names what is counted (3个|过|千亿元产业)
_COUNTED_NOUN = re.compile(r"^[^，,、；;。：:\d]{0,6}$")


def resolve_indicator(
    vocab: lang.Vocabulary, clause: str, before: str, rel: tuple[int, int], unit: str | None, ctx: DocContext
) -> tuple[lang.Hit | None, str | None, list[str]]:
    """The indicator of a number at ``rel`` (offsets in ``clause``): the nearest phrase in its clause, else the
    measure of the nearest earlier clause of its sentence (:func:`_carried_subject`); a % after 增长 of a level
    becomes the level's growth rate. Another measure between the phrase and the number (占…比重, a pull 拉动…, the
    growth or the change in points of a share) makes it unknown."""
    listed = _borrowed_list(clause[: rel[0]], before)
    named = _respective_name(listed)
    if named is not None and not vocab.indicator_hits(named) and not vocab.sector_hits(named):
        rate = unit == "%" and bool(_GROWTH.search(clause[: rel[0]]))
        return (
            None,
            f"NEW:{named}{'增速' if rate else ''}",
            ["unknown_indicator"],
        )  # 货物贸易、服务贸易分别增长…: 服务贸易
    hit = _respective_hit(vocab, listed) or _hit_in_name(vocab, listed, named)
    if hit is not None and listed != clause[: rel[0]]:  # 两年平均分别增长…: the k-th name of the earlier list
        at = clause[: rel[0]].rfind("分别")
        hit = lang.Hit(hit.phrase, at, at)
    hit = hit or _nearest(_counts_for_a_count(vocab, clause, rel, unit, ctx), *rel)
    own = _measure_words(vocab, clause[: rel[0]])
    proposal = _proposal(own)
    between = clause[hit.end : rel[0]] if hit is not None and hit.end <= rel[0] else ""
    if hit is None and (not new_phrase(own) or (ctx.kind == "report" and is_subject_name(new_phrase(own)))):
        subject = bool(new_phrase(own))
        a_growth = unit == "%" and bool(_GROWTH.search(clause[: rel[0]]))
        hit, carried = _carried_subject(vocab, before, for_growth=a_growth)
        if subject:
            proposal = None  # 白银市为19.1%: the place's figure of the measure before (or of the paragraph before)
        proposal = proposal or carried
        between = before[hit.end :] + "，" + clause[: rel[0]] if hit is not None else ""
    if hit is None:
        return None, proposal, ["unknown_indicator"]
    if hit.end <= rel[0] and hit.start > 0 and between == clause[hit.end : rel[0]]:
        if vocab.inside_sector(clause, hit.start) or clause[: hit.start].endswith("单位"):
            return (
                None,
                _proposal(clause[: rel[0]]) or proposal,
                ["unknown_indicator"],
            )  # 高技术制造业增加值占…, 单位工业增加值能耗
    if _PER_CAPITA.search(clause[: hit.start]) and between == clause[hit.end : rel[0]]:
        return None, _proposal(clause[: rel[0]]) or proposal, ["unknown_indicator"]  # 人均地区生产总值: per head
    if hit.phrase.indicator in _REGIONAL_CODES and _FIRMS_BEFORE.search(clause[: hit.start]):
        return None, _proposal(clause[: rel[0]]) or proposal, ["unknown_indicator"]  # 规上工业企业研发投入强度
    code = hit.phrase.indicator
    if hit.phrase.if_new and _NEW.search(clause[: rel[0]]):
        code = hit.phrase.if_new
        if _NET_BEFORE.search(clause[: hit.start]):  # 净增高新技术企业736家: a net change, not the gross new count
            return hit, f"NEW:净增{hit.phrase.phrase}数", ["unknown_indicator"]
    applied = _APPLIED.search(clause[: hit.start]) or _APPLIED.search(clause[: rel[0]])
    if applied and lang.UNITS.get(unit or "", ("?",))[0] == "count":
        return hit, f"NEW:申报{hit.phrase.phrase}数", ["unknown_indicator"]  # 共申报377家高新技术企业: applications
    if _is_stock_of_new(code, clause[: rel[0]], unit) or _bare_count_of_new(
        hit, code, before + clause, unit, hit.start >= rel[1]
    ):
        return hit, f"NEW:{hit.phrase.phrase}数", ["unknown_indicator"]  # 小巨人企业达到19家: the stock, not the new
    review: list[str] = []
    if (
        hit.start <= rel[0]
        and hit.end <= rel[0]
        and _PULL_BEFORE.search(clause[: hit.start])
        and between == clause[hit.end : rel[0]]
    ):
        return hit, proposal, ["unknown_indicator"]
    denominator = hit.end <= rel[0] and "占" in clause[: hit.start]  # 占全市规上工业增加值的18.5%: a share of it
    if (_OTHER_MEASURE.search(between) or denominator) and ctx.indicator_kinds.get(code or "") not in _SHARE_KINDS:
        shares = [
            h
            for h in vocab.indicator_hits(clause[: rel[0]])
            if ctx.indicator_kinds.get(h.phrase.indicator or "") in _SHARE_KINDS
            and not vocab.inside_sector(clause, h.start)
        ]
        if not shares:
            return hit, proposal, ["unknown_indicator"]  # 装备制造业增加值…占规上工业增加值的比重: another measure
        hit, code = shares[-1], shares[-1].phrase.indicator  # 战略新兴产业总产值占工业总产值比重: the share's phrase
    if ctx.indicator_kinds.get(code or "") == "share" and (
        unit == "pp" or (unit == "%" and _GROWTH.search(clause[: rel[0]]))
    ):
        return hit, proposal, ["unknown_indicator"]  # the growth of a share's subject, or the change of the share
    want = lang.UNITS.get(ctx.indicator_units.get(code or "", ""), ("?",))[0]
    have = lang.UNITS.get(unit or "", (want,))[0]
    level_kind = ctx.indicator_kinds.get(ctx.level_of.get(code or "", code or ""))
    if unit == "pp" and ctx.indicator_kinds.get(code or "") == "growth_rate":
        return hit, proposal, ["unknown_indicator"]  # 增速比一季度提高1.2个百分点: the change of a growth rate
    if (
        (have == "money" and level_kind in ("level", "money_flow")) or (have == "count" and level_kind == "count")
    ) and _CHANGE_BEFORE.search(clause[: rel[0]]):
        return hit, f"NEW:{hit.phrase.phrase}增量", ["unknown_indicator"]  # 比2020年增加近2000亿元: the change
    if (
        code == "projects_completed"
        and hit.phrase.phrase in ("投产", "竣工投产")
        and _OVER_100M.search(before + clause)
    ):
        code = "projects_commissioned_over_100m"  # 亿元以上项目新签约97个…新投产项目80个: the same 亿元以上 projects
    other = _other_output(hit, code, before, clause, rel, have)
    if other is not None:
        return hit, other, ["unknown_indicator"]
    if have.startswith("money_") and want == "money":
        return hit, code, ["unit_mismatch"]  # 进出口总值为1439.5亿美元: the measure in another currency
    if have != want:
        growth = ctx.growth_of.get(code or "")
        level = ctx.level_of.get(code or "")
        if have == "ratio" and unit != "pp" and _GROWTH.search(clause[: rel[0]]) and growth:
            code = growth
        elif level and lang.UNITS.get(ctx.indicator_units.get(level, ""), ("?",))[0] == have:
            code = level  # 规模以上工业增加值在675亿元以上: the level of a growth-rate phrase
        else:
            return hit, proposal, ["unknown_indicator", "unit_mismatch"]
    return hit, code, review


#: a revenue or investment threshold written with a count: 超10亿元(24户), (4个)万亿级, (11个)百亿级(工业项目),
#: (4个)收入规模超千亿元(的…产业), 亿元以上 — a threshold needs 超/过 before it or 级/以上 after it (issue 22)
_THRESHOLD = re.compile(
    r"(?P<pre>超过|超|过)?\s*(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]*)\s*(?P<mag>万亿|亿)\s*元?\s*(?P<post>级|級|以上)?"
)
#: what a count with a threshold counts, by its head noun: firms, clusters, zones, projects, industries
_COUNTED_HEAD = re.compile(r"产业集群|集群|开发区|园区|企业|产业项目|项目|項目|产业")
_HEAD_FAMILY = {
    "产业项目": "projects",
    "产业集群": "clusters",
    "集群": "clusters",
    "开发区": "zones",
    "园区": "zones",
    "企业": "firms",
    "项目": "projects",
    "項目": "projects",
    "产业": "industries",
}
#: the threshold in a code's name (projects_over_100m: 1 亿元, firms_rev_over_10bn: 100 亿元, …_over_20m: 0.2 亿元)
_CODE_THRESHOLD = re.compile(r"over_(\d+)(m|bn)")


def _threshold_yi(m: re.Match) -> float | None:
    """The amount of a threshold match in 亿元 (千亿 -> 1000, 超10亿元 -> 10, 万亿级 -> 10000), None if the match is no
    threshold (no 超/过 before it and no 级/以上 after it)."""
    if not (m.group("pre") or m.group("post")):
        return None
    num = lang.parse_number(m.group("num")) if m.group("num") else 1.0
    if num is None:
        return None
    return num * (10000.0 if m.group("mag") == "万亿" else 1.0)


def _code_threshold(code: str) -> float | None:
    """The threshold (亿元) a code's name states: over_100m -> 1, over_1bn -> 10, over_100bn -> 1000; None."""
    m = _CODE_THRESHOLD.search(code)
    if m is None:
        return None
    n = float(m.group(1))
    return n / 100.0 if m.group(2) == "m" else n * 10.0


def _threshold_name(yi: float) -> str:
    """The over_… part of a code's name for a threshold in 亿元 (1 -> over_100m, 10 -> over_1bn, 1000 -> over_100bn)."""
    return f"over_{yi * 100:g}m" if yi < 10 else f"over_{yi / 10:g}bn"


#: the revenue that defines the threshold codes (firms_rev_over_…, industries_rev_over_…): written with the count or in
#: its sentence before it (主营业务收入超亿元企业达527户，其中超10亿元24户), else the threshold's measure is not stated
_REVENUE_WORD = re.compile(r"收入|营收")
#: a qualifier between a threshold and its head noun that keeps the composed code (战略性新兴产业: an industry like any
#: other); any other (千亿级特色产业) makes the count one the codes do not name
_PLAIN_QUALIFIER = re.compile(r"(?:的)?(?:战略性新兴|战略新兴|高新技术|高技术|先进制造业?|制造业?|工业)?")


def threshold_indicator(
    clause: str, rel: tuple[int, int], unit: str | None, code: str | None, codes: set[str], before: str
) -> tuple[str | None, bool]:
    """A count whose noun states a revenue or investment threshold (超10亿元24户, 4个万亿级…产业集群, 11个百亿级工业项目,
    4个收入规模超千亿元的战略性新兴产业). A code whose name states another threshold is not that count: the code with
    the written threshold if indicators.csv has it, else a proposal NEW:<threshold + head noun>数 for review. Without
    such a code, the count is composed from its head noun and its threshold (firms_rev_over_1bn,
    industries_rev_over_100bn) when its revenue is written (in the count's words or in ``before``, its sentence
    before the number) and no other qualifier stands between threshold and head noun. Returns (code, proposed_new);
    the code unchanged when no threshold is written at the count."""
    if lang.UNITS.get(unit or "", ("?",))[0] != "count":
        return code, False
    window = re.split(r"[，,；;。：:]", clause[rel[1] :], maxsplit=1)[0][: config.EXTRACT_NEW_PHRASE_MAX_CHARS * 2]
    own_words = window.split("、", 1)[0]  # 4个万亿级、4个五千亿级、一批千亿级产业集群: this count's threshold
    head = _COUNTED_HEAD.search(window)
    yi: float | None = None
    words, qualifier = "", ""
    t = _THRESHOLD.search(own_words[: head.start()] if head and head.start() < len(own_words) else own_words)
    if t is not None and t.start() <= 6 and (yi := _threshold_yi(t)) is not None and head is not None:
        between = window[t.end() : head.start()]
        qualifier = between if head.start() < len(own_words) else ""
        words = t.group(0).strip() + head.group(0) if re.search(r"[、\d]", between) else window[t.start() : head.end()]
    if yi is None:  # 其中超10亿元24户: the threshold right before the number
        last = next(iter(reversed(list(_THRESHOLD.finditer(clause[: rel[0]])))), None)
        if last is not None and last.end() == len(clause[: rel[0]].rstrip()):
            yi = _threshold_yi(last)
    if yi is None:
        return code, False
    own = _code_threshold(code or "")
    if own is not None:
        if abs(own - yi) < 1e-9:
            return code, False
        other = _CODE_THRESHOLD.sub(_threshold_name(yi), code or "", count=1)
        if other in codes:
            return other, False
        return f"NEW:{words or _threshold_name(yi)}数", True
    family = _HEAD_FAMILY.get(head.group(0)) if head and words else ("firms" if unit in ("户", "家") else None)
    revenue = _REVENUE_WORD.search(own_words[: head.start()] if head and words else "") or _REVENUE_WORD.search(before)
    composed = f"{family}_rev_{_threshold_name(yi)}" if family in ("firms", "industries", "clusters", "zones") else ""
    if composed in codes and revenue and _PLAIN_QUALIFIER.fullmatch(qualifier):
        return composed, False
    return code, False


#: a share of an industry's revenue in industry's (战略性新兴产业收入占工业比重, 高技术产业主营业务收入占规上工业营业收入的比重):
#: the industry's name, a revenue head noun, 占 and industry's revenue (or industry alone) as the denominator
_SECTOR_REVENUE_SHARE = re.compile(
    r"[\u3400-\u9fff]{2,12}?(?:产业|制造业|行业)(?:营业收入|主营业务收入|主营收入|营收|收入)占"
    r"(?:全[省市区县])?(?:规模以上|规上)?工业(?:企业)?(?:营业收入|主营业务收入|主营收入|营收|收入)?的?(?:比重|比例)"
)


#: 其中，规模以上工业增加值… after a value-added total: the total is all industry's, the above-scale one a part of it
_ABOVE_SCALE_PART = re.compile(r"其中\s*[，,：:]?\s*(?:全[省市区县])?(?:规模以上|规上)工业(?:企业)?(?:实现)?增加值")


def sub_annual_value_added(
    vocab: lang.Vocabulary,
    ctx: DocContext,
    code: str | None,
    before: str,
    months: int | None,
    after: str = "",
    accounts: bool = False,
) -> str | None:
    """工业增加值 in a report's figure of a month or a year to date (1—5月, 1-7月, 上月) is above-scale industry's: the
    monthly statistics of industrial production cover the firms above designated size only. The above-scale code
    for an all-industry value-added code there (unless 全部工业 is written); ``code`` otherwise. At a quarter's end
    (一季度, 上半年, 前三季度) the quarterly GDP accounts also give all industry's value added: 工业增加值 as written
    stays all industry's where the page reads as those accounts (``accounts``: GDP or its parts before it in the
    paragraph, or a level of 工业增加值, which the monthly releases give for above-scale firms) unless its sentence is
    on above-scale industry (flagged scope_guess by the caller; the annotators' reading on batches 11, 17, 22, 23). ``months`` is the year to date (or -M
    for the month M alone) carried from the sentences before, as for the figure's period. A total followed by
    其中，规模以上工业增加值 in ``after`` (the paragraph right after the number) stays all industry's: the page gives
    both."""
    if ctx.kind != "report" or code is None or code not in _all_industry_codes(vocab) or "全部工业" in before:
        return code
    if _ABOVE_SCALE_PART.search(after) and not _ABOVE_SCALE.search(before[-20:]):
        return code
    ytd = _months_to_date(before, months)
    if ytd is None or ytd == 12 or (ytd in QUARTER_END_MONTHS and accounts and not _ABOVE_SCALE.search(before)):
        return code  # 上半年，…工业增加值508.51亿元: the quarterly accounts' all industry (flagged scope_guess)
    return _above_scale_code(vocab, ctx, code)


def _months_to_date(before: str, months: int | None) -> int | None:
    """The year to date of a figure: the one written before it, else the one carried from the sentences before
    (``months``) unless a year is written."""
    ytd = lang.ytd_months(before)
    return months if ytd is None and lang.explicit_year(before) is None else ytd


#: a cross-cutting aggregate of the statistics (战略性新兴产业, 高新技术产业, 数字经济核心产业) right before a generic
#: measure (产值, 增加值, 营业收入): no code names its level or growth (its shares have codes of their own:
#: sei_va_share, sei_output_share), so a measure written after it is a new indicator; the first two are sectors of
#: data/sectors.csv (sei, hitech_industries) for a figure under a value-added total that writes no measure of its own
_AGGREGATE_MEASURE = re.compile(
    r"(?P<a>战略性新兴产业|战略新兴产业|高新技术产业|数字经济核心产业|数字经济)(?:企业)?(?:实现|完成)?"
    r"(?P<m>总产值|产值|增加值|营业收入|主营业务收入|营收|收入)"
    r"(?:由[^，,；;。占]{0,20}?(?:至|到))?"  # 由1.03兆元成长至1.56兆元: the pair's second level too
    r"(?:(?!占|比重)[^，,；;。\d]){0,8}$"  # 比上年增长: kept
)
_GENERIC_MEASURE_CODES = re.compile(
    r"^(?:output_value|va|industrial_va|revenue|sector_revenue|main_revenue)(?:_growth)?$"
)


def aggregate_measure(ctx: DocContext, clause_before: str, code: str | None, unit: str | None) -> str | None:
    """NEW:<aggregate><measure>(增速) for a level or growth of an aggregate the codes do not name (战略性新兴产业产值增长
    19%, 数字经济核心产业增加值增速保持15%以上) when the code found is a generic measure's (output_value, va, revenue
    …); None otherwise."""
    m = _AGGREGATE_MEASURE.search(clause_before)
    if m is None or code is None or not _GENERIC_MEASURE_CODES.match(code):
        return None
    growth = ctx.indicator_kinds.get(code) == "growth_rate" or (unit == "%" and bool(_GROWTH.search(clause_before)))
    return f"NEW:{m.group('a')}{m.group('m')}{'增速' if growth else ''}"


#: a factory survey (工廠校正及營運調查, 工廠家數…): the factories of a place, all of them — its revenue is no
#: above-scale revenue (a new indicator), its workers and its fixed-asset investment are industry's
_FACTORY = re.compile(r"工厂")
_FACTORY_REVENUE = re.compile(r"营业收入|营收|营业额")
_FACTORY_WORKERS = re.compile(r"员工|从业人数|从业人员|就业人数")
_FACTORY_INVESTMENT = re.compile(r"固定资产(?:投资|增购)")


def factory_measure(ctx: DocContext, spot: Spot, code: str | None, unit: str | None) -> str | None:
    """The measure of a figure in a paragraph on a place's factories (工厂 named before it in the paragraph, or in
    the paragraph before that named a measure): the
    factories' revenue (NEW:工厂营业收入, and its growth), workers (industrial_employment) or fixed-asset investment
    (industrial_fai), by the words of the figure's sentence before it (the clause first); None otherwise."""
    before = spot.paragraph[: spot.ps0 + spot.m.start] if spot.paragraph else spot.sentence[: spot.m.start]
    if not _FACTORY.search(before) and not _FACTORY.search(spot.measure_before):
        return None  # neither this paragraph before the figure nor the last paragraph naming a measure is on factories
    kind = lang.UNITS.get(unit or "", ("?",))[0]
    clause_before = spot.clause[: spot.rel[0]]
    sentence_before = spot.sentence[: spot.m.start]
    for words in (clause_before, sentence_before):
        measures = [
            (m.end(), name)
            for pattern, name in (
                (_FACTORY_REVENUE, "revenue"),
                (_FACTORY_WORKERS, "workers"),
                (_FACTORY_INVESTMENT, "investment"),
            )
            for m in pattern.finditer(words)
        ]
        if not measures:
            continue
        name = max(measures)[1]  # the measure named last before the figure
        if name == "workers" and kind == "count" and "industrial_employment" in ctx.indicator_kinds:
            return "industrial_employment"
        if name == "investment" and kind == "money" and "industrial_fai" in ctx.indicator_kinds:
            return "industrial_fai" if not _CHANGE_BEFORE.search(clause_before) else "NEW:工厂固定资产投资增量"
        if name == "revenue" and kind == "money":
            return "NEW:工厂营业收入" if not _CHANGE_BEFORE.search(clause_before) else "NEW:工厂营业收入增量"
        if name == "revenue" and unit == "%":
            return "NEW:工厂营业收入增速"
        return None
    return None


def general_indicator_rules(
    vocab: lang.Vocabulary,
    ctx: DocContext,
    spot: Spot,
    unit: str | None,
    code: str | None,
    review: list[str],
    months: int | None,
) -> tuple[str | None, list[str]]:
    """The rules of issue 22 that compose a code from the parts of a phrase (head noun, threshold, qualifier, kind)
    rather than list phrases: :func:`threshold_indicator` for counts, :data:`_SECTOR_REVENUE_SHARE` for an
    industry's share of revenue, :func:`sub_annual_value_added` for a report's months."""
    clause_before = spot.clause[: spot.rel[0]]
    codes = set(ctx.indicator_kinds)
    code, proposed = threshold_indicator(spot.clause, spot.rel, unit, code, codes, spot.sentence[: spot.m.start])
    if proposed:
        return code, review if "unknown_indicator" in review else [*review, "unknown_indicator"]
    counted = count_by_name(ctx, code, unit)
    if counted is not None:
        return counted, [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
    named_after = rate_named_after(vocab, ctx, spot, code, unit)
    if named_after is not None:  # 以3.5%的GDP增速位列全省第一: the measure is written after the rate
        return named_after, [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
    signed = signed_investment(ctx, spot, code, unit)
    if signed is not None:
        return signed, [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
    named = share_by_name(ctx, clause_before, code) if unit == "%" else None
    if named is not None:
        return named if named else _proposal(clause_before), (
            [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
            if named
            else (review if "unknown_indicator" in review else [*review, "unknown_indicator"])
        )
    share = _SECTOR_REVENUE_SHARE.search(clause_before)
    if (
        (code is None or code.startswith("NEW:"))
        and unit == "%"
        and "sector_revenue_share" in codes
        and share is not None
        and not _GROWTH.search(clause_before[share.end() :])  # 占比提高2个百分点: the change of the share
    ):
        return "sector_revenue_share", [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
    aggregate = aggregate_measure(ctx, clause_before, code, unit)
    if aggregate is not None:  # 战略性新兴产业产值增长19%: the aggregate's measure, which no code names
        return aggregate, review if "unknown_indicator" in review else [*review, "unknown_indicator"]
    factory = factory_measure(ctx, spot, code, unit)
    if factory is not None:  # 工廠營業收入, 工廠員工總數, 固定資產投資額 of a factory survey
        return factory, (
            [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
            if not factory.startswith("NEW:")
            else (review if "unknown_indicator" in review else [*review, "unknown_indicator"])
        )
    after = spot.paragraph[spot.ps0 + spot.m.end :][:60] if spot.paragraph else spot.sentence[spot.m.end :]
    accounts = _reads_as_accounts(spot) if ctx.kind == "report" and code in _all_industry_codes(vocab) else False
    read = sub_annual_value_added(vocab, ctx, code, spot.sentence[: spot.m.start], months, after, accounts)
    if read == code and _sub_annual_all_industry(vocab, ctx, code, spot.sentence[: spot.m.start], months):
        review = [*review, "scope_guess"]  # 上半年，工业增加值…: the monthly statistics' or the GDP accounts'?
    return month_on_month(ctx, clause_before, read, review)


#: a rate whose measure is written right after it (以3.5%的GDP增速, 以12.1%的增幅): 的 + the measure + a growth word
_RATE_NAMED_AFTER = re.compile(r"^\s*的\s*([^，,；;。\d]{1,14}?)(?:增速|增幅|增长率|增长速度)")


def rate_named_after(
    vocab: lang.Vocabulary, ctx: DocContext, spot: Spot, code: str | None, unit: str | None
) -> str | None:
    """The growth code of the measure written right after a rate with no measure of its own before it
    (齐齐哈尔市以3.5%的GDP增速位列全省第一 -> gdp_growth); None otherwise."""
    if unit != "%" or (code is not None and not code.startswith("NEW:")):
        return None
    after = _RATE_NAMED_AFTER.match(spot.sentence[spot.m.end : spot.m.end + 24])
    hits = vocab.indicator_hits(after.group(1)) if after else []
    if not hits:
        return None
    found = hits[-1].phrase.indicator or ""
    return found if ctx.indicator_kinds.get(found) == "growth_rate" else ctx.growth_of.get(found)


#: the total or contracted investment of the projects just counted (总投资137亿元, 计划总投资67.2亿元, 合同金额)
_TOTAL_INVESTMENT = re.compile(
    r"(?:(?:计划|協議|协议|合同|签约)?总投资(?:额)?|合同金额|签约金额|协议金额|合同额)\s*(?:达|约|为)?\s*$"
)
#: a count of signed projects right before (园区已签约重大项目10个, 共签约项目68个)
_SIGNED_COUNT = re.compile(r"签约[^，,；;。]{0,8}项目[^，,；;。]{0,6}\d+(?:\.\d+)?\s*个\s*[，,]?\s*$")
#: the investment done (完成投资580亿元) right after a count of municipal key projects (160个市级重点项目, 累计实施市级
#: 以上重点项目147个，): the investment of the city's key projects
_INVESTMENT_DONE = re.compile(r"完成投资(?:额)?\s*(?:达|约|为)?\s*$")
_CITY_KEY_COUNT = re.compile(
    r"(?:市级(?:以上)?|市)重点(?:建设)?项目(?:\d+(?:\.\d+)?\s*个)?\s*[，,]?\s*$"
    r"|\d+(?:\.\d+)?\s*个\s*(?:市级(?:以上)?|市)重点(?:建设)?项目\s*$"
)


def signed_investment(ctx: DocContext, spot: Spot, code: str | None, unit: str | None) -> str | None:
    """The investment written right after a count of projects that names whose it is: the total or contracted
    investment after signed projects (已签约项目12个，计划总投资67.2亿元; 共签约项目68个，合同金额330.38亿元 ->
    projects_signed_investment) and the investment done by the city's key projects (160个市级重点项目完成投资580亿元
    -> city_key_projects_investment). None for other projects' investment (新开工项目15个，总投资80亿元: no code names
    it) and for a figure with a code of its own."""
    if (code is not None and not code.startswith("NEW:")) or lang.UNITS.get(unit or "", ("?",))[0] != "money":
        return None
    own = spot.clause[: spot.rel[0]]
    before = spot.sentence[: spot.m.start][: -len(own) or None]
    total = _TOTAL_INVESTMENT.search(own)
    if total and _SIGNED_COUNT.search(before) and "projects_signed_investment" in ctx.indicator_kinds:
        return "projects_signed_investment"
    done = _INVESTMENT_DONE.search(own)
    if done and "city_key_projects_investment" in ctx.indicator_kinds:
        if _CITY_KEY_COUNT.search(own[: done.start()]) or _CITY_KEY_COUNT.search(before):
            return "city_key_projects_investment"
    return None


#: the months of a year to date that end a quarter, when the quarterly GDP accounts give all industry's value added
QUARTER_END_MONTHS = (3, 6, 9)
#: the GDP accounts or their parts (地区生产总值, 第二产业增加值, 服务业增加值): a page reading as those accounts
_GDP_ACCOUNTS = re.compile(r"地区生产总值|生产总值|GDP|第[一二三]产业增加值|服务业增加值")
#: a level of all industry's value added (完成工业增加值811.2亿元): the accounts' figure, not a growth of the series
_VA_LEVEL = re.compile(r"(?<![规上模])工业(?:企业)?(?:实现|完成)?增加值\s*(?:为|达到?)?\s*[\d.]+\s*(?:万亿|亿|万)")


def _reads_as_accounts(spot: Spot) -> bool:
    """The page reads as the GDP accounts before a value-added figure: GDP or its parts earlier in the paragraph (the
    last :data:`config.EXTRACT_MAX_SENTENCE_CHARS` characters of it: the work per figure stays bounded), or a level
    of 工业增加值 in the figure's sentence."""
    n = config.EXTRACT_MAX_SENTENCE_CHARS
    end = spot.ps0 + spot.m.start
    para_before = spot.paragraph[max(0, end - n) : end] if spot.paragraph else spot.sentence[: spot.m.start]
    return bool(_GDP_ACCOUNTS.search(para_before) or _VA_LEVEL.search(spot.sentence[: spot.m.end]))


def _sub_annual_all_industry(
    vocab: lang.Vocabulary, ctx: DocContext, code: str | None, before: str, months: int | None
) -> bool:
    """A report's all-industry value added (工业增加值 as written) of a year to date: kept as written at a quarter's
    end, but the monthly statistics of industry cover above-scale firms only, so whether the page means those or the
    quarterly accounts is the reviewer's call (scope_guess)."""
    if ctx.kind != "report" or code is None or code not in _all_industry_codes(vocab) or "全部工业" in before:
        return False
    ytd = _months_to_date(before, months)
    return ytd is not None and ytd != 12


#: a list closed by 等 and a collective noun right before a count (单项冠军、独角兽等优质企业1000家以上)
_COLLECTIVE = re.compile(r"等\s*(?P<noun>[^，,、；;。：:\d等]{2,10}?)\s*(?:达到|达|超过|超|突破|有|共|累计)?\s*$")


def collective_count(clause_before: str, hit: lang.Hit | None, code: str | None, unit: str | None) -> str | None:
    """A count of the collective that closes a list (创新型中小企业、专精特新、单项冠军、独角兽等优质企业1000家以上):
    it counts all the firms of the list, so the code of one item of it (single champions) does not carry and
    NEW:<the collective>数 is proposed. None when the phrase found is the collective's own or stands after 等, or
    the figure is no count (issue 22, batch 7)."""
    if hit is None or code is None or code.startswith("NEW:") or lang.UNITS.get(unit or "", ("",))[0] != "count":
        return None
    m = _COLLECTIVE.search(clause_before)
    if m is None or hit.end > m.start():
        return None
    return f"NEW:{m.group('noun')}数"


#: a growth over the month or quarter before (环比, 比上月增长0.63%), right before its number
_ON_THE_PERIOD_BEFORE = re.compile(r"(?:环比|環比|(?:比|较|較)上(?:个|個)?(?:月|季度|季))[^，,；;。\d]{0,6}$")


def month_on_month(
    ctx: DocContext, clause_before: str, code: str | None, review: list[str]
) -> tuple[str | None, list[str]]:
    """A growth rate over the month or quarter before (比上月增长0.63%, 环比增长1.2%) is not the growth of a code of
    data/indicators.csv: their growth rates are over the same period of the year before (同比), so such a figure is
    proposed as a new indicator, NEW:<the measure's name>环比增速, with review unknown_indicator (issue 22, batch 7)."""
    if ctx.indicator_kinds.get(code or "") != "growth_rate" or not _ON_THE_PERIOD_BEFORE.search(clause_before):
        return code, review
    name = ctx.indicator_names.get(code or "", "")
    name = name[:-2] if name.endswith("增速") else name
    return f"NEW:{name}环比增速", review if "unknown_indicator" in review else [*review, "unknown_indicator"]


#: what may stand before a count's name in a phrase proposed for it: new in the period (新签约项目 of 签约项目数)
_COUNT_NAME_LEAD = ("", "新", "累计")


def count_by_name(ctx: DocContext, code: str | None, unit: str | None) -> str | None:
    """A count proposed as new (NEW:<words>) whose words are the name of a count code of data/indicators.csv less
    its 数 (签约项目数 -> 签约项目), with only 新/累计 before it: that code, found from indicators.csv without a
    vocabulary row (NEW:新签约项目 -> projects_signed; issue 22, batch 6). Names of fewer than 3 characters (项目)
    name no code."""
    if not code or not code.startswith("NEW:") or lang.UNITS.get(unit or "", ("",))[0] != "count":
        return None
    words = code[4:]
    for c, name in ctx.indicator_names.items():
        base = name[:-1] if name.endswith("数") else name
        if ctx.indicator_kinds.get(c) != "count" or len(base) < 3 or not words.endswith(base):
            continue
        if words[: len(words) - len(base)] in _COUNT_NAME_LEAD:
            return c
    return None


#: a share written out in its clause: subject 占 denominator (的) 比重/比例 (生产性服务业占服务业增加值比重)
_SHARE_WRITTEN = re.compile(r"(?P<s>[^，,；;。：:]+?)占(?P<d>[^，,；;。：:占]+?)的?(?:比重|比例)")
_SHARE_NAME = re.compile(r"^(?P<s>.+?)占(?P<d>.+?)的?(?:比重|比例)$")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def share_by_name(ctx: DocContext, clause_before: str, code: str | None) -> str | None:
    """A share whose subject and denominator are both written in the clause (X占Y比重), read against the names of
    the share codes of data/indicators.csv (S占D比重): the code whose S ends X and whose D is in Y (D may be another
    code's abbreviation: GDP is gdp, 地区生产总值), so a share is found without a vocabulary row (全社会研发投入占地区
    生产总值比重 -> rd_gdp_share). "" when the clause's share is none of them and the code found by a phrase is a
    share whose subject shares no word with X (a phrase of the share's tail only, 比重突破): that code does not
    carry. None when the clause writes no such share or the phrase's code stands (issue 22, batch 6)."""
    shares = list(_SHARE_WRITTEN.finditer(clause_before))
    written = shares[-1] if shares else None
    if written is None:
        return None
    subject = new_phrase(written.group("s"))
    if len(subject) < 2:
        return None  # 占全市的比重突破75%: the subject is in the clause before, the phrase's code stands
    denominator = written.group("d")
    for c, name in ctx.indicator_names.items():
        m = _SHARE_NAME.match(name)
        if m is None or ctx.indicator_kinds.get(c) not in _SHARE_KINDS:
            continue
        d = m.group("d")
        forms = {d, ctx.indicator_names.get(d.lower(), d)}
        if subject.endswith(m.group("s")) and any(f in denominator for f in forms):
            return c
    name = ctx.indicator_names.get(code or "", "")
    own = _SHARE_NAME.match(name)
    if own is not None and not (_bigrams(own.group("s")) & _bigrams(subject)):
        return ""
    return None


_LEAD_WORDS = re.compile(
    r"(?:(?:19|20)\d{2}\s*年|按可比价(?:格)?计算|按现价计算|扣除价格因素(?:后)?|上半年|下半年|前[一二三]季度?|[一二三四]季度|全年|今年|去年|明年|(?<![比较])上年|新的一年|按年(?:上升|增长|下降|下跌|升|跌)?|(?<![\u4e00-\u9fff])预计|其中|同时|"
    r"本年|首[两二三]?季度?|第[一二三四1-4]季度?|"
    r"(?:主要)?(?:预期|奋斗)?目标|预期|"
    r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|前\s*(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*个?月|[（(][一二三四五六七八九十\d]+[）)]|"
    r"一\s*月?\s*[-—–~至到]\s*(?:[二三四五六七八九]|十[一二]?)\s*月|"
    r"十[一二三四五]五[”\"」’]?\s*(?:末|期末|期间|时期|以来)?|全省|全市|全州|全区|全县|全国|本市|我市|我省|我区|力争|确保|争取|争创|努力|"
    r"(?:近)?[两三四五六七八九十\d]+\s*年(?:来|以来|间|内|平均|累计)?|到|至|截至|[“”\"「」‘’]|"
    r"(?:按|以)(?:可比价|现价|不变价)格?(?:计算|计)?|扣除价格因素(?:后)?|"
    r"(?<!\d)\d{1,2}\s*月份?\s*(?:当月|末|底)?|当月|本月|(?:截至|截止)\s*\d{1,2}\s*月份?(?:底|末)?)"
)
_TRAIL_WORDS = re.compile(
    r"(?:达到|达|为|在|突破|超过|超|实现|完成|增长|成长|衰退|增速|增幅|同比|比上年|较上年|比去年|较去年|提高到|提升到|下降到|提高|提升|下降|减少|"
    r"年均|平均|每年|分别|累计|同期|保持|控制在|接近|近|约|至少|不低于|不少于|不超过|跨越|迈上|增加|新增|有|的|了|是|共|总量|"
    r"形成|建成|打造|培育|建设|拥有|首次|总计|逾|可望|预估|预计|新台币|人民币|美元|港元|港币|澳门元)+$"
)


_COUNT_OF_UNITS = re.compile(r"(?:等)?\s*(?:\d+|[一二两三四五六七八九十N])\s*个\s*(?:产业|行业|领域|集群|园区)")


#: sectors that are groups across sections (高新技术产业, 战略性新兴产业): kept in a proposed measure's name
_GROUP_SECTORS = frozenset({"hitech_industries", "sei"})


def _measure_words(vocab: lang.Vocabulary, clause_before: str) -> str:
    """The clause before a number less the sectors it names and their count (装备制造、石化…6个产业): what is left
    names the measure, if anything."""
    out = list(clause_before)
    for h in vocab.sector_hits(clause_before):
        if h.phrase.sector in _GROUP_SECTORS and new_phrase(clause_before[h.end :]):
            continue  # 高新技术产业投资增长20.5%: the group names the measure proposed (NEW:高新技术产业投资)
        out[h.start : h.end] = " " * (h.end - h.start)
        if "".join(out[h.end : h.end + 2]) in ("产业", "行业"):
            out[h.end : h.end + 2] = "  "  # 电子信息产业突破1300亿元: the sector's own 产业
    text = _COUNT_OF_UNITS.sub(" ", "".join(out))
    group = list(re.finditer(_GROUP_OF_INDUSTRIES.pattern + r"\s*均?", text))
    if group:  # 生物医药、材料制造、机电制造四大产业均…: the names listed before the count are industries too
        text = " " * group[-1].end() + text[group[-1].end() :]
    return text


#: a place as the subject of a figure (吴忠市增长9.6%, 其中宁东基地增长28%, 固原市、中卫市分别…): a place, not a measure
_PLACE = re.compile(
    r"[\u3400-\u9fff]{1,6}?(?:市|县|区|旗|盟|州|基地)(?=\s*(?:实现|同比|比上年|增长|增速|下降|分别|[、和及与]|$))"
)


def new_phrase(clause_before: str) -> str:
    """The words naming the measure before a number, for a proposed indicator: the clause before the number less
    its years, periods, places, tier words and the verbs and comparators next to the number."""
    text = re.sub(
        r"\d+(?:\.\d+)?\s*(?:%|个百分点)?\s*[、和及:：]", " ", clause_before
    )  # 分别增长12.0%、: an earlier figure
    text = re.sub(r"(?:从|由)\s*(?:\d[^，,。；;]*)?$", " ", text)  # 城镇居民人均可支配收入从28993元增加到: the measure
    text = re.sub(r"[\s,，、：:；;（）()“”\"]+", " ", text)
    text = _LEAD_WORDS.sub(" ", text)
    text = _PLACE.sub(" ", text)
    words = [w for w in text.split(" ") if w]
    phrase = _TRAIL_WORDS.sub("", words[-1]) if words else ""
    return phrase[-config.EXTRACT_NEW_PHRASE_MAX_CHARS :]


def _proposal(clause_before: str) -> str | None:
    phrase = new_phrase(clause_before)
    return f"NEW:{phrase}" if len(phrase) >= 2 else None


def resolve_sectors(vocab: lang.Vocabulary, clause: str, rel: int, heading: str) -> tuple[list[str], list[str]]:
    """Sectors named before the number in its clause (several joined by 、/和: one row each), else in the
    paragraph's heading."""
    hits = vocab.sector_hits(clause[:rel])
    codes = list(dict.fromkeys(h.phrase.sector for h in hits if h.phrase.sector))
    item = list(_ITEM_END.finditer(clause[:rel]))
    if len(codes) > 1 and item and len(clause[item[-1].end() : rel].strip()) >= 2:
        # 绿色化工产值达1800亿元、生物医药产值突破900亿元、建筑业产值达1800亿元: each item its own sector (or none known)
        own = list(dict.fromkeys(h.phrase.sector for h in hits if h.phrase.sector and h.start >= item[-1].end()))
        return own, ["sector_list"] if len(own) > 1 else []
    if len(codes) > 1:
        return codes, ["sector_list"]
    if codes:
        return codes, []
    codes = list(dict.fromkeys(h.phrase.sector for h in vocab.sector_hits(heading) if h.phrase.sector))
    return (codes[:1], ["sector_from_heading"]) if codes else ([], [])


#: the number's sector list joined by 、/和/及 before 增加值 (装备制造业、高技术制造业增加值), a sector's 业 left over
_SECTOR_GAP = re.compile(r"^(?:产业|行业|业)?\s*(?:实现)?\s*(?:[、和及与]\s*)?$")
#: a group of industries named by their count (六大行业, 四大产业) right before (实现)增加值 or 均: its subject
_GROUP_OF_INDUSTRIES = re.compile(r"([两三四五六七八九十]|\d{1,2})\s*大\s*(?:产业|行业)")
#: …四大产业均突破1000亿元, 两大产业主营收入均…: each industry of the group reaches the figure
_GROUP_EACH = re.compile(_GROUP_OF_INDUSTRIES.pattern + r"[^，,；;。\d]{0,8}均[^，,；;。\d]{0,6}$")
_ABOVE_SCALE = re.compile(r"规模以上|规上|规模工业")
#: a value-added total: above-scale industry's (规模以上工业增加值) or all industry's (全部工业增加值, 工业增加值)
_VA_TOTAL = re.compile(r"(?:规模以上|规上|规模|全部)?工业(?:企业)?(?:实现)?增加值")


#: an industry of the national classification (非金属矿物制品业, 有色金属冶炼和压延加工业, 我省医药制造业): in a report of
#: above-scale industry with no measure named before it, its growth is that of its value added (the statistics of
#: industrial production by industry)
_CLASSIFIED_INDUSTRY = re.compile(
    r"(?:我省|我市|我区)?[\u3400-\u9fff、和及与]{1,24}?"
    r"(?:[制製](?:造|品)|[开開][采採]|[采採][矿礦]|加工|[采採][选選]|洗[选選]|供[应應]|冶[炼煉])业"
)
#: a head noun with no qualifier in its clause (实现增加值447亿元): its subject is named in the clause before
_BARE_HEAD = re.compile(r"\s*(?:共|累计)?\s*(?:实现|完成)?\s*")
#: the scope words before a clause's subject (全省制造业…, 我市装备制造业…)
_SCOPE = re.compile(r"^\s*(?:其中|同时)?\s*(?:全[省市区县州]|我[省市区县]|本[省市])?\s*")


def _subject_of_clause_before(vocab: lang.Vocabulary, sentence_before: str) -> list[str | None]:
    """The sectors a sentence's last clause opens with (全省制造业生产快速增长，| 实现增加值…: manufacturing), when that
    clause holds no figure and names no measure of the vocabulary; [] otherwise."""
    pieces = spans(sentence_before, _CLAUSE_END)
    if not pieces:
        return []
    a, b = pieces[-1]
    last = sentence_before[a:b]
    if vocab.indicator_hits(last) or any(m.unit is not None for m in lang.find_mentions(last)):
        return []
    start = _SCOPE.match(last)
    hits = vocab.sector_hits(last)
    if not hits or start is None or hits[0].start != start.end():
        return []
    return [hits[0].phrase.sector]


#: a group of industries named right before 增加值 (“四强”产业, 五大优势产业集群, 汽车及汽车零部件产业上半年): in a
#: report on above-scale industry, its value added is above-scale industry's for that group (in a plan, a target for
#: a group is left to a new indicator)
_GROUP_BEFORE_VA = re.compile(
    r"[\u3400-\u9fff”」]\s*(?:产业集群|产业链|产业|行业|集群)\s*(?:上半年|前三季度|一季度|[1-9]\s*-\s*\d{1,2}\s*月)?\s*$"
)


#: the three sectors of the economy (第一产业, 第三产业) and the services are no group of industry's
_NOT_INDUSTRY_GROUP = re.compile(r"(?:第\s*[一二三]|三次|服务业?|农业|建筑)\s*产业\s*\S{0,8}$")


#: a list of industries closed by 等行业 as its own clause (纺织、文教体育用品、化学原料等行业，): the subjects of the
#: growth rates after it in a report on above-scale industry
_INDUSTRIES_LISTED = re.compile(
    r"(?:^|[，,：:])(?:[^，,。；;：:]{2,40}?等(?:重点)?(?:行业|产业)"
    # 生物医药业、家电电气业保持两位数增长，增速分别为…: two industries or more named by 业, then what they did
    r"|(?:[\u4e00-\u9fff]{2,8}(?<![企商农林牧渔务筑])业、)+[\u4e00-\u9fff]{2,8}?(?<![企商农林牧渔务筑])业[^，,。；;：:\d]{0,12})"
    r"\s*[，,]"
)


def sector_value_added(
    vocab: lang.Vocabulary,
    clause_before: str,
    unit: str | None,
    ctx: DocContext,
    above_scale: bool,
    carried: lang.Hit | None = None,
    sentence_before: str = "",
) -> tuple[str, list[str | None]] | None:
    """<sector>增加值 before a number (采矿业增加值增长0.4%, 装备制造业、高技术制造业增加值分别增长…): the value added of
    those sectors — above-scale industry's (the codes of 规模以上工业增加值 in the vocabulary) when ``above_scale``
    (规模以上/规上 in the paragraph), else all industry's (those of 工业增加值); the growth code for a % after a
    growth word, the level for money. A clause naming only sectors (分门类看，采矿业增长3.2%) is the value added of
    those sectors when the measure ``carried`` from before is value added. None when no sector stands right before
    the last 增加值 or another measure (占…比重, 拉动) comes between it and the number."""
    i = clause_before.rfind("增加值")
    if i < 0 and carried is not None and carried.phrase.phrase.endswith("增加值"):
        g = _GROWTH_START.search(clause_before)
        i = g.start() if g else len(clause_before)
        words = new_phrase(_measure_words(vocab, clause_before[:i]))
        if words and not (ctx.kind == "report" and is_subject_name(words)):
            return None  # the clause names a measure of its own (not only an industry, ownership or place)
    if i < 0 and carried is None and ctx.kind == "report" and unit == "%" and above_scale:
        g = _GROWTH_START.search(clause_before)
        words = new_phrase(clause_before[: g.start()]) if g else ""
        if g is not None and _CLASSIFIED_INDUSTRY.fullmatch(words) and _GROWTH.search(clause_before):
            i = (
                g.start()
            )  # 规模以上工业…行业中…其中，非金属矿物制品业增长32.8%: an industry's growth is its value added's
    listed = False
    if i < 0 and carried is None and ctx.kind == "report" and unit == "%" and above_scale:
        g = _GROWTH_START.search(clause_before)
        if g is not None and not new_phrase(clause_before[: g.start()]) and _INDUSTRIES_LISTED.search(sentence_before):
            i, listed = g.start(), True  # 纺织、化学原料等行业，…，分别增长11.4%、19.6%: those industries' value added
    if i < 0 or _OTHER_MEASURE.search(clause_before[i:]) or _PULL_BEFORE.search(clause_before[i:]):
        return None
    chain: list[str | None] = [None] if listed else []
    end = i
    for h in reversed(vocab.sector_hits(clause_before[:i])):
        gap = clause_before[h.end : end]
        if not _SECTOR_GAP.match(gap) or (not chain and re.search(r"[、和及与]", gap)):
            break
        if chain and not re.search(r"[、和及与]", gap):
            chain[0] = h.phrase.sector or ""  # 汽车制造业, 电子信息制造业: the named industry, not manufacturing
        else:
            chain.insert(0, h.phrase.sector or "")
        end = h.start
    if not chain and re.search(_GROUP_OF_INDUSTRIES.pattern + r"\s*(?:实现)?\s*$", clause_before[:i]):
        chain = [None]  # 六大行业实现增加值2040.31亿元: the value added of the group (its industries listed before)
    if not chain and _BARE_HEAD.fullmatch(clause_before[:i]) and sentence_before:
        chain = _subject_of_clause_before(vocab, sentence_before)  # 全省制造业生产快速增长，实现增加值447亿元
    if not chain and ctx.kind == "report" and is_subject_name(new_phrase(_measure_words(vocab, clause_before[:i]))):
        chain = [None]  # 国有控股企业增加值增长10.3%, 石油和天然气开采业增长23.0%: a subject the vocabulary lacks
    group = _GROUP_BEFORE_VA.search(clause_before[:i]) if ctx.kind == "report" and above_scale and unit == "%" else None
    if not chain and group and not _NOT_INDUSTRY_GROUP.search(clause_before[: group.end()]):
        chain = [None]  # 五大优势产业集群增加值增长9.5% in a report on above-scale industry: that group's value added
    if not chain:
        return None
    phrase = vocab.phrase("规模以上工业增加值" if above_scale else "工业增加值")
    code = phrase.indicator if phrase else None
    if code is None:
        return None
    kind = lang.UNITS.get(unit or "", ("?",))[0]
    growth = ctx.growth_of.get(code, code if ctx.indicator_kinds.get(code) == "growth_rate" else "")
    level = ctx.level_of.get(code, code if ctx.indicator_kinds.get(code) != "growth_rate" else "")
    if unit == "%" and _GROWTH.search(clause_before) and growth:
        return growth, list(dict.fromkeys(chain))
    if kind.startswith("money") and level:  # 35.2億澳門元: the level in another currency (flagged by the caller)
        return level, list(dict.fromkeys(chain))
    return None


_S = TypeVar("_S", str, str | None)

#: a section of the national industry classification (GB/T 4754) outside industry (工业 = mining, manufacturing,
#: utilities) ends right before a head noun of the vocabulary: agriculture (农林牧渔业, 农业), construction, services
#: and the primary and tertiary sectors (农林牧渔业|总产值, 服务业|增加值)
#: public finance right before a head noun (财政|总收入, 税收|收入): no industry's measure at all
_FISCAL = re.compile(r"(?:财政|一般公共预算|公共预算|税收|税务)\s*总?$")
_NON_INDUSTRY = re.compile(
    r"(?:农林牧渔|农|林|牧|渔|建筑|服务|批发和零售|交通运输|住宿和餐饮|金融|房地产)业\s*总?$|第[一三]产业\s*总?$|"
    + _FISCAL.pattern
)
_MEASURE_KINDS = ("level", "growth_rate", "money_flow")


def unknown_industry(
    vocab: lang.Vocabulary,
    ctx: DocContext,
    clause: str,
    hit: lang.Hit | None,
    sectors: list[str | None],
    code: str | None,
) -> bool:
    """The phrase found names only the measure (产值, 增加值) of industry and a section of the economy outside
    industry is named right before it: the figure is that section's (agriculture's gross output is no 工业总产值),
    so the code does not carry (issue 22, batch 6: 农林牧渔业总产值增长4.3%). A sector of data/sectors.csv (矿业,
    汽车产业) keeps the code with its sector; counts are left alone."""
    if hit is None or code is None or code.startswith("NEW:") or any(s is not None for s in sectors):
        return False
    if ctx.indicator_kinds.get(code) not in _MEASURE_KINDS:
        return False
    return bool(_NON_INDUSTRY.search(clause[: hit.start])) and not vocab.inside_sector(clause, hit.start)


#: a word of an industry's name right before 工业增加值 (煤炭工业增加值, 化学工业增加值), not a place or scope
_INDUSTRY_BEFORE = re.compile(r"(?<!全)(?<!本)(?<!我)[\u3400-\u9fff](?<![全省市区县州部的月年看中现成])$")


def industry_code(
    ctx: DocContext, hit: lang.Hit | None, code: str | None, clause_before: str, review: list[str]
) -> tuple[str | None, list[str]]:
    """The code of a measure of an industry outside data/sectors.csv (:func:`unknown_industry`): the phrase's sector
    variant when data/indicators.csv names that code for any industry (name_zh 产业营业收入: 产业… = of an industry),
    with review sector_unknown (软件和信息服务业营收 -> sector_revenue); else industry's code does not carry and a new
    indicator is proposed (工业总产值 is industry's only: 农林牧渔业总产值 -> NEW:…). Public finance (财政总收入,
    税收收入) is no industry's at all: always a proposal (issue 22, batch 8)."""
    variant = hit.phrase.if_sector if hit is not None else None
    fiscal = hit is not None and _FISCAL.search(clause_before[: hit.start]) is not None
    if variant and not fiscal and ctx.indicator_names.get(variant, "").startswith("产业"):
        if ctx.indicator_kinds.get(code or "") == "growth_rate":
            variant = ctx.growth_of.get(variant)
        if variant:
            return variant, [*review, "sector_unknown"]
    return _proposal(clause_before), [*review, "unknown_indicator"]


_LIST_JOIN = re.compile(r"^\s*[、和及与]\s*")


def listed_measure(
    vocab: lang.Vocabulary,
    ctx: DocContext,
    clause: str,
    rel: tuple[int, int],
    hit: lang.Hit | None,
    code: str | None,
    unit: str | None,
) -> str | None:
    """A figure of a list (X产值140亿元、增加值78.4亿元、利税35亿元) whose own words after the figure before it name
    a measure the phrase found before that figure does not: the measure of its own words, the shortest phrase of
    the vocabulary they end (增加值 -> 工业增加值, the head noun of a phrase in a form the vocabulary lacks), else a
    new indicator (NEW:利税). None when the phrase is the figure's own or nothing is written between (issue 22,
    batch 6)."""
    if hit is None or code is None or hit.end > rel[0]:
        return None
    before = clause[: rel[0]]
    prev = [m for m in lang.find_mentions(before) if m.unit is not None and m.start >= hit.end]
    if not prev:
        return None
    between = before[prev[-1].end :]
    if not _LIST_JOIN.match(between):
        return None
    words = new_phrase(_LIST_JOIN.sub("", between))
    if len(words) < 2 or vocab.indicator_hits(words):
        return None
    ends = sorted((p for p in vocab.phrases if p.indicator and p.phrase.endswith(words)), key=lambda p: len(p.phrase))
    if not ends:
        return f"NEW:{words}"
    found = ends[0].indicator or ""
    have = lang.UNITS.get(unit or "", ("?",))[0]
    for c in (found, ctx.level_of.get(found, ""), ctx.growth_of.get(found, "")):
        if c and lang.UNITS.get(ctx.indicator_units.get(c, ""), ("",))[0] == have:
            return c  # 工业增加值 names the growth; 78.4亿元 is its level (industrial_va)
    return None


def _all_industry_codes(vocab: lang.Vocabulary) -> set[str]:
    """The codes of 工业增加值 (all industry's value added): its growth and its level."""
    phrase = vocab.phrase("工业增加值")
    return {c for c in (phrase.indicator if phrase else None, "industrial_va", "industrial_va_growth") if c}


def _above_scale_code(vocab: lang.Vocabulary, ctx: DocContext, code: str) -> str:
    """The above-scale counterpart of an all-industry value-added code (its growth for a growth, its level for a
    level)."""
    phrase = vocab.phrase("规模以上工业增加值")
    growth = phrase.indicator if phrase and phrase.indicator else code
    if ctx.indicator_kinds.get(code) == "growth_rate":
        return growth
    return ctx.level_of.get(growth, code)


#: where the growth words of a clause start (采矿业|增长3.2%)
_GROWTH_START = re.compile(r"(?:同比|比上年|较上年)?(?:增长|增速|增幅|下降|减少)")


def respective(sectors: list[_S], clause_before: str) -> list[_S]:
    """Several sectors and 分别 before the number: the k-th figure after 分别 is the k-th sector's (装备制造业、高技术
    制造业增加值分别增长12.0%、11.8%); otherwise all of them."""
    i = clause_before.rfind("分别")
    if len(sectors) < 2 or i < 0:
        return sectors
    k = sum(1 for m in lang.find_mentions(clause_before[i:]) if m.unit is not None)
    return [sectors[k]] if k < len(sectors) else sectors
