"""New plans and new figures in minutes: extract candidate targets (a plan) or actuals (a report) from a text,
let a person review them (``keep``), and accept the kept rows into a data folder.

* :func:`extract` reads a document (UTF-8, else GB18030) and returns :class:`Candidate` records; :func:`write_candidates`
  writes them as CSV with the columns of targets.csv or actuals.csv plus ``value_canonical``/``unit_canonical``
  (the value in the indicator's canonical unit: 1.4万亿 = 14000 亿元), ``confidence`` (0-1), ``review`` (short
  codes, see :data:`REVIEW_CODES`) and an empty ``keep``.
* ``value``/``unit`` stay as written (1.4 万亿元, 5000 万元): the validator requires the quote to state the value,
  and the loader converts to canonical units.
* Every quote is the clause holding the number, cut from the document with line-wrap white space removed (the
  project's rule: quotes are verbatim, white space ignored); table cells quote their row up to the cell.
* :mod:`.accept` appends the kept rows to a data folder with new ids, adds the source text and its sources.csv
  row, and validates the whole folder on a temporary copy first: when it fails, nothing is written.

The parts live by concern: :mod:`.years` (the years of a document and of each figure), :mod:`.indicators` (which
indicator and sector), :mod:`.clauses`, :mod:`.records` (the records and review codes) and :mod:`.output` (CSV);
this module finds the figures, their periods and report fields, and re-exports the names it used to define.

The vocabulary of phrases (``data/vocabulary.csv``) is loaded and checked here (not a catalog table): see
:func:`doubling_analysis.extract.language.load_vocabulary`.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import config
from ..data.catalog import resolve_data_dir
from ..data.provenance import quote_holds_value
from . import language as lang
from . import webtext
from .clauses import _CLAUSE_END, _SENTENCE_END, _quote, spans
from .indicators import (
    _ABOVE_SCALE,
    _FALL_BEFORE,
    _GROUP_EACH,
    _GROUP_SECTORS,
    _GROWTH,
    _GROWTH_AFTER,
    _INDUSTRY_BEFORE,
    _VA_TOTAL,
    _above_scale_code,
    _all_industry_codes,
    _carried_subject,
    _measure_words,
    bare_value_added,
    collective_count,
    counted_after,
    each_of_list,
    general_indicator_rules,
    industry_code,
    is_subject_name,
    listed_measure,
    new_phrase,
    resolve_indicator,
    resolve_sectors,
    respective,
    sector_value_added,
    unknown_industry,
)
from .output import ACTUAL_COLUMNS, EXTRA_COLUMNS, TARGET_COLUMNS, candidate_record, write_candidates
from .records import REVIEW_CODES, REVIEW_FIELDS, Candidate, DocContext, ExtractError, Spot
from .years import (
    _FIRST_YEAR,
    _TIMES_THE_BASE,
    _doubling_years,
    _last_month,
    _year_unknown,
    _years,
    document_years,
    is_past,
)

# ---- reading and cleaning ------------------------------------------------------------------------------------


def read_text(path: str | os.PathLike) -> str:
    """A document's text: UTF-8 (BOM allowed), else GB18030."""
    p = Path(path)
    if not p.is_file():
        raise ExtractError(f"{p}: expected a readable text file (it does not exist or is not a file)")
    data = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ExtractError(f"{p}: expected a UTF-8 or GB18030 text file")


_LIST_MARKER = re.compile(r"^\s*(?:\d+\s*[.．、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\t)")
_END_PUNCT = "。；;！？!?：:」”）)〕"


def _heading_line(line: str) -> bool:
    """A short line with no end punctuation and no figure (五年发展成绩单 after a paragraph that ends without a full
    stop): a heading of its own, not the wrapped end of the line before."""
    text = line.strip()
    return (
        0 < len(text) <= config.EXTRACT_HEADING_MAX_CHARS
        and not text.endswith(tuple(_END_PUNCT))
        and not re.search(r"[\d，,、；;：:]", text)
    )


#: a line ending in a figure (生产总值增长9.5%, 完成投资580亿元): a list of short lines, one figure each, ends an
#: item there (回顾2017年 / 生产总值增长9.5% / 城乡居民收入分别增长8.6%和9.3%), unless the next line continues it
_FIGURE_END = re.compile(r"\d\s*(?:%|％|个百分点|亿元|万元)\s*$")  # not 家/个 (18家 / 企业挂牌展示: a wrap)
#: the start of a line that continues the figure before it (以上, 左右, 、…, ，…)
_CONTINUATION = re.compile(
    r"[，,、。；;：:）)\]%％\d（(]|(?:以上|以下|左右|以内|之间|上下|的|和|及|与|或|至|到|同比|比上年|比去年|较上年|较去年|按可比"
    r"|增长|下降|增速|占)"
)


def clean(text: str) -> str:
    """Join lines that a layout wrapped mid-sentence (a line not ending in punctuation, followed by one not
    starting a list item); keep a newline where a sentence or list item ends. Tables (tab lines) are kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if not out:
            out.append(line.rstrip())
            continue
        prev = out[-1]
        boundary = (
            prev.rstrip().endswith(tuple(_END_PUNCT))
            or _LIST_MARKER.match(line) is not None
            or prev.startswith("\t")
            or len(prev.strip()) <= config.EXTRACT_HEADING_MAX_CHARS
            or _is_review_heading(prev)
            or _heading_line(line)
            or (_FIGURE_END.search(prev) is not None and _CONTINUATION.match(line.strip()) is None)
        )
        out.append(line.rstrip() if boundary else out.pop() + line.strip())
    return "\n".join(out)


# ---- document context ----------------------------------------------------------------------------------------


def context_from_data(
    text: str, kind: str, jurisdiction: str, source_id: str, issued: str | None, data_dir=None
) -> tuple[DocContext, lang.Vocabulary]:
    """The document's context and the vocabulary, from the data folder's reference tables."""
    folder = resolve_data_dir(data_dir)
    if kind not in ("plan", "report"):
        raise ExtractError(f"--kind: expected plan or report, not {kind!r}")
    issued_year = None
    if issued:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", issued):
            raise ExtractError(f"--issued: expected a date YYYY, YYYY-MM or YYYY-MM-DD, not {issued!r}")
        issued_year = int(issued[:4])
    ind = lang.csv_rows(folder / "indicators.csv")
    sec = lang.csv_rows(folder / "sectors.csv")
    jur = lang.csv_rows(folder / "jurisdictions.csv")
    vocab = lang.load_vocabulary(folder / "vocabulary.csv", {r["code"] for r in ind}, {r["code"] for r in sec})
    units = {re.sub(r"\s", "", r["name_zh"]): r["code"] for r in jur if r["parent_code"] == jurisdiction}
    base, year = document_years(text, issued_year, kind)
    growth_of = {r["refers_to"]: r["code"] for r in ind if r["kind"] == "growth_rate" and r["refers_to"]}
    level_of = {g: lv for lv, g in growth_of.items()}
    by_name = {r["name_zh"]: r["code"] for r in ind}
    for r in ind:  # X增速 is the growth of X
        level = by_name.get(r["name_zh"][:-2]) if r["kind"] == "growth_rate" and r["name_zh"].endswith("增速") else None
        if level:
            growth_of.setdefault(level, r["code"])
            level_of.setdefault(r["code"], level)
    ctx = DocContext(
        kind=kind,
        jurisdiction=jurisdiction,
        source_id=source_id,
        base_year=base,
        year=year,
        issued_year=issued_year,
        units=units,
        indicator_units={r["code"]: r["unit"] for r in ind},
        growth_of=growth_of,
        level_of=level_of,
        indicator_kinds={r["code"]: r["kind"] for r in ind},
        issued_month=int(issued[5:7]) if issued and len(issued) >= 7 else None,
        indicator_names={r["code"]: r["name_zh"] for r in ind},
    )
    return ctx, vocab


# ---- candidates from running text ----------------------------------------------------------------------------

_ZERO = re.compile(r"零的突破|实现突破")
_DOUBLING = re.compile(r"翻一番|翻番|翻[两二]番|倍增(?=[^。\n]{0,6}(?:计划|行动))")  # 翻两番: four times the base
_NEEDS_UNITLESS = re.compile(r"^\s*(?:以上|左右|以内|%)")


def _unitless_ok(sentence: str, m: lang.Mention) -> bool:
    return bool(
        _NEEDS_UNITLESS.match(sentence[m.end :])
        or lang.comparator_before(sentence, m.start)[0]
        or re.search(r"(达到|达|为|至)\s*$", sentence[max(0, m.start - 3) : m.start])
    )


#: a number joined to the next by 和/、/及/与 (分别提高15和42.4个百分点): the unit written after the last is both's
_JOINED = re.compile(r"^\s*[和、及与]\s*$")
#: parts of a whole after 结构/比例 (三次产业结构调整为10.4:39.5:50.1): each a share in % when they sum to 100
_PARTS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?)+(?![\d.])")
_PARTS_OF = re.compile(r"(?:结构|比例|之比)[^，,。；;\d]{0,6}$")
#: the second structure of 由A:B:C调整为D:E:F (the parts before the verb are the structure's too)
_PARTS_AGAIN = re.compile(r"^\s*(?:调整|优化|转变|演变|变化|变)\s*[为到成]\s*$")


def _unit_carried_back(sentence: str, found: list[lang.Mention]) -> list[lang.Mention]:
    """A bare Arabic number joined by 和/、 to the number after it takes that number's unit (15和42.4个百分点), and
    so does N个 before M个百分点 (2.6个、3.7个百分点)."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        m, nxt = out[k], out[k + 1]
        if m.unit is None and not m.chinese and nxt.unit not in (None, "× base") and nxt.value_high is None:
            if _JOINED.match(sentence[m.end : nxt.start]):
                out[k] = replace(m, unit=nxt.unit)
        elif m.unit == "个" and nxt.unit == "pp" and _JOINED.match(sentence[m.end : nxt.start]):
            out[k] = replace(m, unit="pp")  # 分别高于全省2.6个、3.7个百分点: 2.6 percentage points too
    return out


def _structure_shares(sentence: str, found: list[lang.Mention]) -> list[lang.Mention]:
    """Parts of a structure written A:B:C after 结构/比例 whose sum is 100: each part a share in %."""
    shares_end = -1  # where the last parts taken as shares end
    for p in _PARTS.finditer(sentence):
        again = shares_end >= 0 and _PARTS_AGAIN.match(sentence[shares_end : p.start()])
        if not _PARTS_OF.search(sentence[: p.start()]) and not again:
            continue
        parts = [(x.start() + p.start(), x.end() + p.start()) for x in re.finditer(r"\d+(?:\.\d+)?", p.group(0))]
        values = [float(sentence[a:b]) for a, b in parts]
        if abs(sum(values) - 100) > config.EXTRACT_PARTS_SUM_TOLERANCE:
            continue
        found = [x for x in found if x.end <= p.start() or x.start >= p.end()]
        found += [
            lang.Mention(a, b, v, None, "%", False, sentence[a:b]) for (a, b), v in zip(parts, values, strict=True)
        ]
        shares_end = p.end()
    return sorted(found, key=lambda x: x.start)


def sentence_mentions(sentence: str, item: bool = False) -> list[lang.Mention]:
    """The numbers of a sentence that may be figures (dates, names, thresholds, list markers left out); ``item``:
    the sentence opens a list item, whose marker (5. in "5.5020项目") is not a number."""
    marker = re.match(r"\s*\d{1,2}\s*[.．、]", sentence) if item else None
    masked = " " * marker.end() + sentence[marker.end() :] if marker else sentence
    found = lang.find_mentions(masked)
    for z in _ZERO.finditer(sentence):
        found.append(lang.Mention(z.start(), z.end(), 0.0, None, None, True, z.group(0)))
    for d in _DOUBLING.finditer(sentence):
        times = 4.0 if d.group(0) in ("翻两番", "翻二番") else 2.0
        found.append(lang.Mention(d.start(), d.end(), times, None, "× base", True, d.group(0)))
    found.sort(key=lambda x: x.start)
    found = _structure_shares(masked, _unit_carried_back(masked, found))
    with_units = [x for x in found if x.unit is not None or x.raw in ("零的突破", "实现突破")]
    kept = []
    for m in found:
        if m.raw in ("零的突破", "实现突破", "翻一番") or m.unit == "× base":
            kept.append(m)
            continue
        if any(z.start <= m.start < z.end for z in found if z.raw in ("零的突破", "实现突破") and z is not m):
            continue
        if lang.is_excluded(m, sentence, [o for o in with_units if o is not m]):
            continue
        if m.unit is None and not _unitless_ok(sentence, m):
            continue
        kept.append(m)
    return kept


def _value_forms(m: lang.Mention, quote: str) -> tuple[float, float | None, str | None, list[str]]:
    """The value and unit as written such that the quote states the value (5000亿 -> 5000 亿元; 两千亿 -> 2 千亿元)."""
    value, high, unit = m.value, m.value_high, m.unit
    if unit == "亿元" and not quote_holds_value(quote, value, unit):
        for word, factor in (("千亿元", 1000.0), ("百亿元", 100.0), ("万亿元", 10000.0)):
            if value % factor == 0 and quote_holds_value(quote, value / factor, word):
                return value / factor, (high / factor if high else None), word, []
    if unit is not None and not quote_holds_value(quote, value, unit):
        return value, high, unit, ["value_not_in_quote"]
    return value, high, unit, []


#: a clause that only names a year or a period (2020年，/ 2017年以来，/ 上半年，/ 1-6月，), which the quote of the next
#: one keeps
_LEAD_CLAUSE = re.compile(
    r"(?:^|[，,；;：:。])\s*((?:(?:19|20)\d{2}\s*年(?:以来)?)?\s*(?:上半年|前三季度|[一二三四]季度|1\s*[-—–~至]\s*\d{1,2}\s*月|全年)?)"
    r"\s*[，,]\s*$"
)


def _quote_window(spot: Spot) -> tuple[int, int]:
    """The clause, or the window of EXTRACT_MAX_QUOTE_CHARS around the number in a longer clause; a clause that only
    names the year or period before it (2020年，东石镇实现工业总产值365.74亿元) and a parenthesis it leaves open
    (…亿元（人民币，下同）) are kept in the quote, the reviewer's evidence of the period and the unit."""
    c0, c1 = spot.c0, spot.c1
    limit = config.EXTRACT_MAX_QUOTE_CHARS
    window = max(0, c0 - 24)  # the lead clause is short: no search over a long sentence's whole prefix
    lead = _LEAD_CLAUSE.search(spot.sentence[window:c0])
    if lead and lead.group(1).strip():
        c0 = window + lead.start(1)
    opened = spot.sentence[c0:c1].count("（") + spot.sentence[c0:c1].count("(")
    closed = spot.sentence[c0:c1].count("）") + spot.sentence[c0:c1].count(")")
    if opened > closed:
        end = re.search(r"[）)]", spot.sentence[c1 : c1 + limit])
        c1 = c1 + end.end() if end else c1
    if c1 - c0 <= limit:
        return c0, c1
    a = max(c0, min(spot.m.start - limit // 2, c1 - limit))
    return a, min(c1, a + limit)


#: a figure run on into the next words with no punctuation (超过三分之一制造业比重…, 力争达到28%高新技术产业…): a lost
#: sentence end
_RUN_ON = re.compile(r"^\s*(?![的级和及]|(?:产业|企业|集群|园区|项目)(?![\u3400-\u9fff]{0,2}\d))[\u3400-\u9fff]")


def _tier_closed(spot: Spot) -> bool:
    """A tier word (力争, 争创) governs the rest of its sentence — unless the text lost its punctuation: a share,
    rate or amount run on into the next words (…28%高新技术产业…) after the tier word and before this number
    ends the tier word's reach there (力争工业投资增长15%高新技术企业达到200家: 200家 is not 力争's); a label's amount
    (六大百亿产业，实现…) is no run-on."""
    words = list(lang._TIER_RE.finditer(spot.sentence[: spot.m.start]))
    if not words:
        return False
    for x in sentence_mentions(spot.sentence):
        if words[-1].end() <= x.start and x.end <= spot.m.start and x.unit is not None:
            dim = lang.UNITS.get(x.unit, ("",))[0]
            if dim in ("ratio", "money") and _RUN_ON.match(
                lang.SUFFIX_WORD.sub("", spot.sentence[x.end : x.end + 5], count=1)
            ):
                return True
    return False


def _raw_span(spot: Spot, a: int, b: int) -> tuple[int, int]:
    """Offsets ``a``, ``b`` of the normalised sentence in the sentence as written."""
    return (spot.raw_at[a], spot.raw_at[b]) if spot.raw_at else (a, b)


def _per_text(spot: Spot) -> str:
    """Where per words (每年, 年均, 累计) govern a number: its clause before it, and the sentence's opening clause
    when that holds no number of its own (到2025年每年：…)."""
    opening = re.split(r"[，,：:]", spot.sentence, maxsplit=1)[0]
    own = spot.clause[: spot.rel[0]]
    if spot.c0 > 0 and not re.search(r"\d", opening):
        return opening + "，" + own
    return own


def _text_before(spot: Spot) -> str:
    """The text before a number's clause in its paragraph, after the last earlier paragraph naming a measure (at most
    EXTRACT_MAX_SENTENCE_CHARS characters of each)."""
    n = config.EXTRACT_MAX_SENTENCE_CHARS
    return spot.measure_before[-n:] + "。" + spot.paragraph[max(0, spot.ps0 + spot.c0 - n) : spot.ps0 + spot.c0]


#: a tier label right after a count (4个|万亿级, 11个|百亿级工业项目), and at the start of a phrase (千亿级产业集群)
_COUNT_LABEL = re.compile(r"^\s*((?:[一二两三四五六七八九]|\d+)?(?:万亿|千亿|百亿|亿))\s*级")
_LABEL_NOUN = re.compile(r"^[^，,、；;。：:\d]{0,8}")


def _tier_label_new(spot: Spot, hit: lang.Hit | None, code: str | None, unit: str | None) -> str | None:
    """A count labelled with a tier (N个五千亿级, N个百亿级工业项目) whose phrase names another tier or none (千亿级
    产业集群, 投产 of projects over 1亿元): the count of that tier is a measure of its own, proposed as NEW:<tier>级<noun>数
    (the noun of the phrase, else the words after the label); None otherwise."""
    if hit is None or code != hit.phrase.indicator or lang.UNITS.get(unit or "", ("",))[0] != "count":
        return None
    own = _COUNT_LABEL.match(spot.sentence[spot.m.end :])
    if own is None:
        return None
    theirs = _COUNT_LABEL.match(hit.phrase.phrase)
    if theirs is not None and theirs.group(1) == own.group(1):
        return None
    noun = hit.phrase.phrase[theirs.end() :] if theirs else _LABEL_NOUN.match(spot.sentence[spot.m.end + own.end() :])
    words = noun if isinstance(noun, str) else (noun.group(0) if noun else "")
    return f"NEW:{own.group(1)}级{words}数"


#: a plan's clause opening a review of past years (，五年来，/ 过去五年，/ 近三年来，): the figures after it are results
_PAST_YEARS = re.compile(
    r"(?:^|[，,：:])\s*(?:过去的?\s*(?P<p>[一二两三四五六七八九十]|\d{1,2})\s*年(?:来|以来|间)?"
    r"|近\s*(?P<q>[一二两三四五六七八九十]|\d{1,2})\s*年(?:来|以来)?|(?P<n>[一二两三四五六七八九十]|\d{1,2})\s*年(?:来|以来))"
    r"\s*[，,](?!.*(?:到|至)\s*(?:19|20)\d{2})"
)
#: a year (去年 / 上年 / 2022年) inside 在…基础上: the plan's starting point, a result of that year
_PAST_BASIS = re.compile(r"在\s*(?P<y>去年|上年|(?:19|20)\d{2}\s*年)[^。；;]*?基础上")


#: a year's "answer sheet" or "report card" (2023年度工业经济答卷, 2023年交出亮眼成绩单): the figures of the sentence are
#: that year's results
_REPORT_CARD = re.compile(r"((?:19|20)\d{2})\s*年度?[^，,。；;\d]{0,10}(?:答卷|成绩单)")


def _past_in_plan(spot: Spot, issued_year: int) -> tuple[int, int] | None:
    """The years of a result quoted in a plan: (first, last) after 五年来 / 过去N年 opening a clause before the figure
    (the N years up to the year before the issue, as a report without a year), (y, y) for a figure inside 在去年…基础上
    (or 在2022年…基础上, before the issue year); None for a target."""
    before = spot.sentence[: spot.m.start]
    card = _REPORT_CARD.search(spot.sentence)
    if card and int(card.group(1)) < issued_year and not _goal_in(spot.sentence, issued_year):
        return int(card.group(1)), int(
            card.group(1)
        )  # …预计实现工业开票798亿元…亮出2023年度工业经济答卷: 2023's results
    for b in _PAST_BASIS.finditer(spot.sentence):
        if b.start() < spot.m.start < b.end():
            word = b.group("y")
            y = issued_year - 1 if word in ("去年", "上年") else int(word[:4])
            return (y, y) if y < issued_year else None
    clause_before = spot.clause[: spot.rel[0]]
    if _FROM_PRESENT.search(clause_before) or (
        _PRESENT.search(clause_before) and not _goal_in(clause_before, issued_year)
    ):
        return issued_year, issued_year  # 目标由现时的1%，到2025年增至1.5%: the level at the plan's date
    written = lang.explicit_year(_PAST_BASIS.sub(_blank, clause_before))
    if written is None and not _YEAR_WORD.search(clause_before):
        # 2020年全市高精尖产业实现增加值9885.8亿元，占地区生产总值比重达到27.4% / 由2022年的3.2亿元及379.6亿元: the
        # sentence's year before the figure, when the figure's own clause names none (issue 22, batches 6-8); a base
        # the figure is built on (到2027年，…在2022年的基础上实现“双倍增”，分别超过90家) is no year of the figure
        written = lang.explicit_year(_PAST_BASIS.sub(_blank, before))
    if written is not None and written < issued_year and not _goal_in(before, issued_year):
        return written, written  # 2023年全市规上工业营收达到1500亿元，到2025年…: a result of 2023 in a plan of 2024
    if spot.past_span and written is None and not _YEAR_WORD.search(before) and not _goal_in(before, issued_year):
        # 赶超发展的五年 (a heading) / 全市城市化率从59.5%提高到62.9%: results of those years (从 before: the first's)
        first, last = spot.past_span
        if _FROM.search(clause_before):
            return first - 1, first - 1  # 工业增加值从1.66亿元: the level before the span
        if first < last and (_FROM_TO.search(clause_before) or _LEVEL_REACHED.search(clause_before)):
            return last, last  # …增长到2.05亿元 / 城镇居民人均可支配收入达29354元: the level at the span's end
        return first, last
    if written is None and spot.past_open is not None and not _YEAR_WORD.search(before):
        if not _goal_in(before, issued_year):
            return spot.past_open, spot.past_open  # 2022年，…增长29.8%；食品饮料年产值预计达880亿元: still 2022's
    said_last = "去年" in before or "上年" in before  # the cheap test first (this runs for every number of a plan)
    if said_last and written is None and not _goal_in(before, issued_year) and not _THIS_YEAR.search(clause_before):
        unbased = _PAST_BASIS.sub(_blank, before)  # 在去年…基础上: the base of a goal
        said = _LAST_YEAR.search(unbased)
        if said and not _THIS_YEAR.search(before[said.end() :]):
            return issued_year - 1, issued_year - 1  # 去年，全市规上工业增加值增长8.2% in a plan of 2024: 2023's
    hits = list(_PAST_YEARS.finditer(before))
    if not hits or lang.explicit_year(before[hits[-1].end() :]) is not None or _goal_in(before, issued_year):
        return None
    h = hits[-1]
    n = int(lang.parse_number(h.group("p") or h.group("q") or h.group("n")) or 0)
    return (issued_year - n, issued_year - 1) if 1 <= n <= 10 else None  # 一年来, 过去一年: the year before


#: last year as the time of a result (去年，… / 上年全县…), not a base (比去年, 较上年, 上年同期, 为上年的)
_LAST_YEAR = re.compile(r"(?<![比较与同为是之于以])(?:去年|上年)(?!同期|的|同季)")  # 较之上年, 高于上年: bases
#: this year or the year ahead (今年, 新的一年, 明年): a goal's time, not a result's
_THIS_YEAR = re.compile(r"今年|本年|新的一年|明年")
#: a year written in a clause in any form (2020年, 今年, 十四五, 2025): the clause has its own year
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}|今年|去年|明年|上年|本年|十[一二三四五]五")
_TO_OR_GOAL = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年|力争|确保|目标|计划")


def _goal_in(text: str, issued_year: int) -> bool:
    """``text`` sets a goal: 力争 / 确保 / 目标 / 计划, or 到 a year not before the issue year (从2011年的1520亿元增加到
    2016年的2243.1亿元 in a report of 2017 is a result)."""
    return any(not g.group(1) or int(g.group(1)) >= issued_year for g in _TO_OR_GOAL.finditer(text))


#: the present level in a plan (由现时的1%, 从目前的…; 目前全市有…): a result of the plan's date, not a target
_FROM_PRESENT = re.compile(r"(?:由|从)\s*(?:现时|目前|现在|当前)的?\s*$")
_PRESENT = re.compile(r"(?:现时|目前|现在|当前)[^，,；;。\d]{0,12}?(?:有|为|是|达)\s*$")


#: a change or a growth written after its base (较2020年增长25%, 比2020年增加23天)
_CHANGE_OR_GROWTH = re.compile(r"增长|增加|提高|下降|减少|上升")


def _own_span(spot: Spot) -> bool:
    """The sentence writes its own span or base before the figure (比2015年年均增长7.1%, 五年年均, 近三年年均)."""
    before = spot.sentence[: spot.m.start]
    return bool(
        lang._AVERAGE_SPAN.search(before)
        or re.search(r"(?:比|较)\s*(?:19|20)\d{2}\s*年", before)
        or lang._SPAN_WORDS.search(before)
    )


def _as_past(c: Candidate, spot: Spot, years: tuple[int, int]) -> Candidate:
    """A result inside a plan: its period (the span for a rate per year 年均 or a total 累计, else the last year: a
    level reached), its bound as a report's; no target year, no tier; review code past."""
    first, last = years
    per = c.per if c.per in ("year", "period") else None
    before = spot.sentence[: spot.m.start]
    pair = (_YEARS_PAIR.search(before) or _FROM_SPAN.search(before)) if per == "year" and first == last else None
    if pair and int(pair.group(1)) < int(pair.group(2)) == last:
        first = int(pair.group(1)) + 1  # 从2011年的1520亿元增加到2016年的2243.1亿元，年均增长8.6%: over 2012..2016
    elif per == "year" and first == last and _AVERAGE.search(spot.clause[: spot.rel[0]]) and not _own_span(spot):
        earlier = spot.paragraph[max(0, spot.ps0 - config.EXTRACT_MAX_SENTENCE_CHARS) : spot.ps0]
        words = list(lang._SPAN_WORDS.finditer(earlier))  # 过去五年，…。2020年，…年均增长8.88%: the nearest
        n = int(lang.parse_number(words[-1].group(1) or words[-1].group(2)) or 1) if words else 1
        first = last - n + 1  # the average over the years named before: 2016..2020
    period = f"{first}..{last}" if per and first < last else str(last)
    if per == "period" and first == last:
        per = None  # 2021年…累计完成产值579.33亿元: the year's figure itself, as a report's (no total over years)
    based = re.search(r"(?:比|较)\s*((?:19|20)\d{2})\s*年[^，,；;。]{0,8}$", spot.clause[: spot.rel[0]])
    if (
        per is None
        and based
        and int(based.group(1)) < last - 1
        and _CHANGE_OR_GROWTH.search(spot.clause[: spot.rel[0]])
    ):
        period = f"{int(based.group(1)) + 1}..{last}"  # 较2020年增长25% in 2024: the change over 2021..2024
    review = [*c.review, "past"] if "past" not in c.review else list(c.review)
    return replace(
        c,
        period=period,
        bound=lang.bound(spot.sentence, spot.m),
        target_year=None,
        base_year=None,
        tier=None,
        per=per,
        review=review,
    )


def _spot_candidates(
    spot: Spot,
    ctx: DocContext,
    vocab: lang.Vocabulary,
    sticky: int | None,
    months: int | None = None,
    carried_tier: str | None = None,
    above_scale_before: bool = False,
    lead_year: tuple[int, bool] | None = None,
    quarter: int | None = None,
) -> list[Candidate]:
    """The candidates of one number. ``above_scale_before``: the last value-added total named before the paragraph
    was above-scale industry's (规模以上工业增加值), so a sector's 增加值 in the paragraph is above-scale too."""
    m, sentence = spot.m, spot.sentence
    before = sentence[: m.start]
    clause = spot.clause
    quote = _quote(spot.raw, *_raw_span(spot, *_quote_window(spot)))
    review: list[str] = []
    unit = m.unit
    if m.raw in ("两位数",):
        unit = "%"
    hit, code, rev = resolve_indicator(vocab, clause, sentence[: spot.c0], spot.rel, unit, ctx)
    counted = counted_after(clause, spot.rel, unit) if hit is None and code is None else None
    if counted is not None:  # 113个省、宜春市大中型项目完成投资…: the count's noun follows it, nothing is carried
        code = f"NEW:{counted}数"
    if ctx.kind == "report" and hit is None and code is None:
        # nothing in the clause or its sentence names a measure (吴忠市增长9.6%; after 银川市规上工业增加值同比增长
        # 16.8%): the measure named last before it in the paragraph, else in the last paragraph naming one
        earlier, _ = _carried_subject(vocab, _text_before(spot))
        if (
            earlier is not None
        ):  # read as if the measure stood right before the clause (what lies between is no measure)
            hit, code, rev = resolve_indicator(vocab, clause, _text_before(spot)[: earlier.end], spot.rel, unit, ctx)
    if ctx.kind == "plan" and hit is None and code is None and spot.paragraph:
        # 到2026年，规上工业营收突破2000亿元；到2028年，突破3000亿元: a clause naming no measure (only a year and a
        # verb) sets the measure named last before it in its paragraph
        para_before = spot.paragraph[
            max(0, spot.ps0 + spot.c0 - config.EXTRACT_MAX_SENTENCE_CHARS) : spot.ps0 + spot.c0
        ]
        earlier, _ = _carried_subject(vocab, para_before)
        if earlier is not None:
            hit, code, rev = resolve_indicator(vocab, clause, para_before[: earlier.end], spot.rel, unit, ctx)
    review += rev
    listed = listed_measure(vocab, ctx, clause, spot.rel, hit, code, unit)
    if listed is not None:  # 矿业产值140亿元、增加值78.4亿元、利税35亿元: each figure of the list its own measure
        code, review = listed, [r for r in review if r != "unit_mismatch"]
        if code.startswith("NEW:"):
            review = review if "unknown_indicator" in review else [*review, "unknown_indicator"]
        else:
            review = [r for r in review if r != "unknown_indicator"]
    if unit is None and code:
        unit = ctx.indicator_units.get(code)
        if m.raw not in ("零的突破", "实现突破"):
            review.append("no_unit")
    sectors: list[str | None] = [None]
    carried = None  # the measure of a clause naming only sectors (其中制造业增长8.2%): from before it
    subject = ctx.kind == "report" and is_subject_name(new_phrase(_measure_words(vocab, clause[: spot.rel[0]])))
    if (vocab.sector_hits(clause[: spot.rel[0]]) or subject) and not vocab.indicator_hits(clause):
        carried = hit if hit is not None else _carried_subject(vocab, spot.paragraph[: spot.ps0 + spot.c0])[0]
        if (
            carried is None
            and ctx.kind == "report"
            and _carried_subject(vocab, spot.paragraph[: spot.ps0 + spot.c0])
            == (
                None,
                None,
            )
        ):  # 分三大门类看，采矿业增长2.0% in a paragraph of its own: the measure of the paragraph before
            carried = _carried_subject(vocab, _text_before(spot))[0]
    above_scale = bool(_ABOVE_SCALE.search(spot.paragraph)) or above_scale_before
    sva = sector_value_added(vocab, clause[: spot.rel[0]], unit, ctx, above_scale, carried, sentence[: spot.c0])
    if sva is not None and ("unknown_indicator" in review or carried is not None):
        code, found = sva
        review = [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
        if lang.UNITS.get(unit or "", ("?",))[0].startswith("money_"):
            review.append(
                "unit_mismatch"
            )  # 製造業增加值為35.2億澳門元: the measure in another currency than its code's
        sectors = list(respective(found, clause[: spot.rel[0]]))
        review += ["sector_list"] if len(sectors) > 1 else []
    elif hit is not None and hit.phrase.if_sector:
        named, rev = resolve_sectors(vocab, clause, spot.rel[0], spot.heading)
        if named:
            sectors, code = (
                [*respective(named, clause[: spot.rel[0]])],
                (hit.phrase.if_sector if code == hit.phrase.indicator else code),
            )
            review += rev if len(sectors) > 1 else [r for r in rev if r != "sector_list"]
    elif _scale_of_sector(vocab, ctx, clause, spot.rel[0], unit, code):
        named, rev = resolve_sectors(vocab, clause, spot.rel[0], "")
        sectors, code = [*respective(named, clause[: spot.rel[0]])], "sector_scale"  # 电子信息产业突破1000亿元
        review += rev if len(sectors) > 1 else [r for r in rev if r != "sector_list"]
    if any(sec in _GROUP_SECTORS for sec in sectors):
        review.append("group_scope")  # 战略性新兴产业增加值: above-scale industry's, or the whole economy's?
    if unknown_industry(vocab, ctx, clause, hit, sectors, code):
        code, review = industry_code(ctx, hit, code, clause[: spot.rel[0]], review)  # 农林牧渔业总产值增长4.3%
    if (
        hit is not None
        and above_scale
        and code in _all_industry_codes(vocab)
        and (_INDUSTRY_BEFORE.search(clause[: hit.start]) or _ABOVE_SCALE.search(clause[: hit.start]))
        and any((h.start, h.end) == (hit.start, hit.end) for h in vocab.indicator_hits(clause))  # in this clause
    ):
        code = _above_scale_code(
            vocab, ctx, code
        )  # 煤炭工业增加值 after 规模以上工业增加值, 规模以上工业实现工业增加值
    code, review = general_indicator_rules(vocab, ctx, spot, unit, code, review, months)
    if code in ("NEW:总数", "NEW:总量") and lang.UNITS.get(unit or "", ("?",))[0] == "count":
        total_of, _ = _carried_subject(vocab, sentence[: spot.c0])
        if total_of is not None and total_of.phrase.indicator:  # 新增规上工业企业3家，总数达到174家: the firms' stock
            code, review = total_of.phrase.indicator, [r for r in review if r != "unknown_indicator"]
    subject_va = bare_value_added(vocab, ctx, spot, code, unit)
    if subject_va is not None:  # 完成工業總產值179.5億元…；增加值同比增長28.8%: that industry's value added
        code, review = subject_va, [r for r in review if r not in ("unknown_indicator", "unit_mismatch")]
    collective = collective_count(clause[: spot.rel[0]], hit, code, unit)
    if collective is not None:  # 单项冠军、独角兽等优质企业1000家: the list's collective, not its last item
        code, review = collective, [*review, "unknown_indicator"]
    group = _GROUP_EACH.search(clause[: spot.rel[0]])
    each = each_of_list(vocab, clause, sentence[: spot.c0], spot.rel, unit, ctx) if group is None else []
    n_group = min(int(lang.parse_number(group.group(1)) or 0), config.EXTRACT_MAX_GROUP_ROWS) if group else 0
    named = [s for s in sectors if s is not None]
    if n_group > len(named):  # 生物医药、…、机电制造四大产业均突破1000亿元: one row per industry counted
        sectors = named + [None] * (n_group - len(named))
        review += ["sector_list"]
    label = _tier_label_new(spot, hit, code, unit)
    if label is not None:  # 4个万亿级…千亿级产业集群, 11个百亿级工业项目 (投产): another tier than the phrase's
        code, review = label, [*review, "unknown_indicator"]
    value, high, unit, rev = _value_forms(replace(m, unit=unit), quote)
    review += rev
    if lang.UNITS.get(unit or "", ("?",))[0] == "money" and _CURRENCY_BEFORE.search(before):
        review.append("currency_before")  # 營業額逾新台幣1.3兆元: the 元 are New Taiwan dollars, not yuan
    ended = months if months is not None else (3 * quarter if quarter else None)  # a quarter alone ends at 3q
    year, base, rev = _years(spot, ctx, sticky, ended, lead_year)
    now = _as_of_now(spot, ctx) if ctx.kind == "report" else None
    if now is not None:  # 截至目前，全县共有规上工业企业186家 (a page of August 2024): the stock then, 2024-08
        year, months, rev = ctx.issued_year or year, now, [r for r in rev if r != "default_year"] + ["relative_year"]
    review += rev
    if m.unit == "× base":
        year, base = _doubling_years(spot, ctx, year, base)
        code = code or "doubling"
        # 倍增 (a doubling programme: at least twice the base, as the seeds' plans read it) or 翻番 ... 以上; 翻一番 /
        # 翻番 alone is twice the base
        comp = ">=" if "倍增" in m.raw or re.match(r"\s*以上", sentence[m.end :]) else "="
    elif m.raw in ("零的突破", "实现突破"):
        comp = ">"
    else:
        comp, rev = lang.comparator(sentence, m)
        review += rev
    tier, rev = lang.tier(before, clause[: spot.rel[0]])
    if tier is not None and _tier_closed(spot):
        tier, rev = None, []
    if tier is None and carried_tier is not None:
        tier, rev = carried_tier, ["tier_scope"]  # 力争到2025年： governs the list under it
    review += rev
    if is_past(before, ctx.issued_year):
        review.append("past")
    indicator_unit = ctx.indicator_units.get(code or "")
    vc, uc = lang.canonical(value, unit, indicator_unit)
    base_cand = Candidate(
        quote=quote,
        value=value,
        unit=unit,
        indicator_code=code,
        jurisdiction_code=ctx.jurisdiction,
        source_id=ctx.source_id,
        value_high=high,
        comparator=comp,
        tier=tier,
        per=lang.per(_per_text(spot), clause, ctx.multi_year),
        base_year=base,
        target_year=year,
        value_canonical=vc,
        unit_canonical=uc,
        review=review,
        offset=spot.s0 + _raw_span(spot, m.start, m.end)[0],
    )
    if ctx.kind == "report":
        base_cand = _as_report(base_cand, spot, year, months, quarter, ctx.issued_year)
    elif ctx.issued_year is not None:
        present = _now_in_plan(spot, ctx)
        past = _past_in_plan(spot, ctx.issued_year) if present is None else None
        ytd = _ytd_in_plan(spot, ctx) if past is None and present is None else None
        if present is not None:  # 目前，邢台累计培育…集群44个 (a page of April 2025): the stock then, 2025-04
            base_cand = replace(_as_past(base_cand, spot, (ctx.issued_year, ctx.issued_year)), period=present)
        elif past is not None:  # 五年来，…比重达到23%左右 / 在去年实现…突破500亿元基础上: a result, not a target
            base_cand = _as_past(base_cand, spot, past)
        elif ytd is not None:  # 1—2月，全市规上工业增加值增长9.5% (a plan of March): the year to date's result
            year_of = int(ytd[:4])
            base_cand = replace(_as_past(base_cand, spot, (year_of, year_of)), period=ytd)
        elif base_cand.target_year is not None and _FIRST_YEAR <= base_cand.target_year < ctx.issued_year:
            # a target year already ended at the issue date (人均可支配收入分别达38922元 after 2020年至2024年间，… in a
            # review of 2025): no goal can be set for it, so it is that year's result
            base_cand = _as_past(base_cand, spot, (base_cand.target_year, base_cand.target_year))
        elif (start := _start_level(spot, ctx, base_cand.target_year)) is not None:
            base_cand = _as_past(base_cand, spot, (start, start))  # 由572.8亿元提升至1150亿元: the level it starts from
    if year < _FIRST_YEAR:  # the year would be the undated document's own: left empty for the reviewer
        base_cand = _year_unknown(base_cand)
    elif base < _FIRST_YEAR:  # a year in the text, the base the undated document's: no base year
        base_cand = replace(base_cand, base_year=None)
    if each:  # 固定资产投资、工业投资、服务业投资均增长12%左右: one row per measure listed
        flagged = [r for r in base_cand.review if r != "unknown_indicator"] + ["indicator_list"]
        return [
            replace(base_cand, indicator_code=c, sector=s, review=flagged + (["unknown_indicator"] if _new(c) else []))
            for c in each
            for s in sectors
        ]
    return [replace(base_cand, sector=s, review=list(base_cand.review)) for s in sectors]


#: a span of years written before the figures (2009年至2012年, 2009—2012年) and a level 由X增加到Y over it: X is the
#: level of the span's first year, Y of its last
_FROM_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-－—–~至到]\s*((?:19|20)\d{2})\s*年")
_FROM = re.compile(r"(?:由|从)\s*$")
#: a clause of growth right after a pair 由X…到Y (增长了1.52倍, 增长52%): the growth over the span
_GROWTH_OF_PAIR = re.compile(r"^\s*(?:增长|增加|提高)了?\s*$")
_FROM_TO_PAIR = re.compile(r"(?:由|从)\s*\d[^，,；;。]*?(?:到|至)\s*\d[^，,；;。]*$")
_FROM_TO = re.compile(r"(?:由|从)\s*\d[^，,；;。]*?(?:增加|提高|增长|上升|扩大|提升)?\s*(?:到|至)\s*$")


def _from_to_period(spot: Spot, clause_before: str) -> str | None:
    """The year of a level in 2009年至2012年，…由247.93亿元增加到508.6亿元 (the span earlier in the paragraph, no
    other year after it): the first year for the level after 由 / 从, the last for the level after 增加到, the span
    (2009..2012) for the growth right after the pair (…增加到2136.5亿元，增长了1.52倍); None for any other figure."""
    growth_of_pair = bool(
        _GROWTH_OF_PAIR.search(clause_before) and _FROM_TO_PAIR.search(spot.sentence[: spot.c0].rstrip("，, "))
    )
    if not growth_of_pair and (
        spot.m.unit == "%" or not (_FROM.search(clause_before) or _FROM_TO.search(clause_before))
    ):
        return _from_to_horizon(spot, clause_before)
    text = spot.paragraph[: spot.ps0 + spot.m.start] if spot.paragraph else spot.sentence[: spot.m.start]
    spans_before = list(_FROM_SPAN.finditer(text))
    if not spans_before or lang.explicit_year(text[spans_before[-1].end() :]) is not None:
        return _from_to_horizon(spot, clause_before)  # no span, or another year written after it
    first, last = int(spans_before[-1].group(1)), int(spans_before[-1].group(2))
    if growth_of_pair:
        return f"{first}..{last}"
    return str(first if _FROM.search(clause_before) else last)


def _own_month(before: str) -> int | None:
    """-N for a month N written alone in the figure's clause or an earlier clause of its sentence after any year to
    date (1-5月…，其中5月份实现产值1001.1亿元，增长6.5%: May for both), else None."""
    for piece in reversed([before[a:b] for a, b in spans(before, _CLAUSE_END)]):
        if lang.ytd_months(piece) is not None or lang.month_end(piece) is not None:
            return None
        month = lang.month_alone(piece)
        if month is not None:
            return month
    return None


#: a month of a written year alone (2024年12月，), not a span (2024年1-12月) nor a date (2024年12月5日)
_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\s*年\s*(\d{1,2})\s*月份?(?!\s*[\d底末日号初中至到\-—–~])")
#: a report's total over a span: projects built or put into production, total investment (not a level reached)
_SPAN_TOTAL = re.compile(r"建成投产|竣工投产|建成|投产|投资总规模|总投资|投资总额")
#: 当月 / 本月 after a year to date (1-5月…其中当月): the last month of the span alone
_THIS_MONTH = re.compile(r"当月|本月")
#: a pair of levels with their years written (从2020年的2.83万亿元提高到2025年的3.87万亿元)
_YEARS_PAIR = re.compile(
    r"(?:从|由)\s*((?:19|20)\d{2})\s*年[^，,。；;]*?(?:到|至)\s*((?:19|20)\d{2})\s*年[^，,。；;]*?[\d]"
)
_AVERAGE = re.compile(r"年均|年平均")


#: a five-year plan as the span of what follows (“十三五”以来, 十四五期间, 十三五时期)
_HORIZON_SPAN = re.compile(r"十[一二三四五]五[”\"」’]?\s*(?:以来|期间|时期)")


def _from_to_horizon(spot: Spot, clause_before: str) -> str | None:
    """A pair 由X提高到Y (levels or shares: 贡献率由31.6%提高到43.9%) in a sentence opened by a five-year plan's span
    (“十三五”以来) with no year written after it: X is the level of the year before the plan (2015, its base year), Y
    of its last year (2020); None for any other figure."""
    start = _FROM.search(clause_before) is not None
    if not (start or _FROM_TO.search(clause_before)):
        return None
    before = spot.sentence[: spot.m.start]
    hits = list(_HORIZON_SPAN.finditer(before))
    plan = lang.horizon(before[hits[-1].start() :]) if hits else None
    if plan is None or lang.explicit_year(before[hits[-1].end() :]) is not None:
        return None
    return str(plan[0] - 1 if start else plan[1])


#: 减少 / 下降 right before an amount (not a rate): the amount is a fall of the level, a negative change
_LEVEL_FALL = re.compile(r"(?:减少|下降)\s*$")


#: the present as a clause of its own, in a report or a plan (截至目前，/ 目前，/ 当前全市…): the date of the page itself
_AS_OF_NOW = re.compile(r"(?:^|[，,。；;：:])\s*(?:截至|截止|到)?\s*(?:目前|当前|发稿时)\s*(?:[，,为]|全[市县区省州])")


def _as_of_now(spot: Spot, ctx: DocContext) -> int | None:
    """A report's figure stated as of now (截至目前，已开工项目8个) with no year or period written before it in its
    sentence: a count reached (共有…186家, 上市公司达87家) is the stock at the end of the page's month M, as -M; a
    flow (已开工项目8个, 签约, 完成投资137亿元) the year to that month, as M; None otherwise."""
    before = spot.sentence[: spot.m.start]
    if ctx.issued_month is None or not _AS_OF_NOW.search(before):
        return None
    if lang.explicit_year(before) is not None or lang.ytd_months(before) is not None or _THIS_YEAR.search(before):
        return None
    if re.search(r"上年|去年", before) or is_past(before, ctx.issued_year):
        return None  # 当前，…上年规上工业增加值增长6.5%: last year's
    count = lang.UNITS.get(spot.m.unit or "", ("?",))[0] == "count"
    return -ctx.issued_month if count and not _ADDED_IN_CLAUSE.search(spot.clause) else ctx.issued_month


#: since a year (2017年以来): a span from that year to the page's date (cf. _SINCE_YEAR, which blanks such a year)
_SINCE_A_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*以来")  # not 2023年来看
#: a total of the span (共签约, 累计, 竣工投产, 新增): per period
_SINCE_FLOW = re.compile(r"共[签引建实完新开]|累计(?!\s*(?:达到|达))|新增|签约|竣工|投产|开工|引进")


def _since_span(spot: Spot, before: str, issued_year: int | None) -> tuple[tuple[int, int] | None, str | None] | None:
    """A report's figure after 2017年以来 (a page of 2020): the span 2017..2020 for a flow or an average; for a pair
    从39家增加至117家 the level before the span (2016) and the level at the page's date (2020); an average after a
    level with its own year (…增加到2019年172.94亿元，年均增长15%) ends in that year (2017..2019). None where no
    such span opens the figure's sentence or a year of its own is written after it."""
    since = _SINCE_A_YEAR.search(before)
    if since is None or issued_year is None or not int(since.group(1)) < issued_year:
        return None
    start, after = int(since.group(1)), before[since.end() :]
    clause_before = spot.clause[: spot.rel[0]]
    own = lang.explicit_year(after)
    if own is not None:
        return ((start, own), None) if own > start and _AVERAGE.search(clause_before) else None
    if lang._OWN_YEAR_AFTER.search(after):
        return None  # 2010年以来更年年突破兆元，去年創下1.24兆元: the year written after the span is the figure's
    if _FROM.search(clause_before):
        return None, str(start - 1)  # 从39家: the level when the span began, the year before it
    if _FROM_TO.search(clause_before):
        return None, str(issued_year)  # 增加至117家: the level at the page's date
    if _AVERAGE.search(clause_before) or _SINCE_FLOW.search(spot.clause):
        return (start, issued_year), None  # 共签约项目217个, 年均增长: over the span
    count = lang.UNITS.get(spot.m.unit or "", ("?",))[0] == "count"
    if count and _STOCK_REACHED.search(clause_before):
        return None, str(issued_year)  # 2017年以来，…规上工业企业达到117家: the stock at the page's date
    return None  # 城镇化率达到61.2%, 地区生产总值达到1200亿元: a level whose year the text leaves open


#: a total over a term's years (累计实施…147个, 累计完成投资), not one year's running total (全年累计, 当年累计)
_TERM_TOTAL = re.compile(r"(?<!全年)(?<!当年)(?<!今年)(?<!去年)(?<!上年)累计")


def _last_clauses(spot: Spot) -> str:
    """The figure's clause before it and the clause before that (累计实施重点项目147个，完成投资406亿元)."""
    before = spot.sentence[: spot.c0]
    cut = max(before.rfind(p, 0, max(0, len(before) - 1)) for p in "，,；;")
    return before[cut + 1 :] + spot.clause[: spot.rel[0]]


def _as_report(
    c: Candidate,
    spot: Spot,
    year: int,
    sticky_months: int | None = None,
    sticky_quarter: int | None = None,
    issued_year: int | None = None,
) -> Candidate:
    """A reported figure: its bound, status and period (a year, a year to date, or a span of years: 2021..2023 for
    2021—2023年, 十三五以来, 两年平均, 3年累计, 比2020年增加 in a figure of 2023); per year for 年均 / 每年 / 两年平均,
    period for 累计."""
    before = spot.sentence[: spot.m.start]
    clause_before = spot.clause[: spot.rel[0]]
    status = "preliminary" if re.search(r"预计|初步", spot.sentence) else "final"
    period_text = lang.last_period(lang.without_bases(before))  # 较2023年第一季上升: a base; the last period is its
    months = lang.ytd_months(period_text) or lang.month_end(before)  # 截至6月底: the stock at the end of June
    if months is not None and months < 0 and lang.ytd_months(period_text) is None and _flow_to_month_end(spot):
        months = -months  # 截至6月末，…产值累计增长24.1% / 50个项目开复工: a flow over the months to June's end
    meeting = lang.HALF_YEAR_MEETING.search(before)
    if meeting and months == 6 and _MEETING_GOAL.search(before[meeting.end() :]):
        months = None  # 半年经济工作会议要求确保全年…增长7%以上 / 今年要新增…: a goal of the year, not the half
    own_month = _own_month(before)
    year_month = _YEAR_MONTH.search(before)
    if own_month is not None:
        months = own_month  # …；4月份增长5.0%, 1-5月…，其中5月份实现产值…: that month alone
    elif months is None and year_month and 1 <= int(year_month.group(1)) <= 12:
        months = -int(year_month.group(1))  # 2024年12月，…: December alone
    if months is None and lang.explicit_year(before) is None and not _WHOLE_YEAR.search(before):
        months = sticky_months  # (…确保全年增长8%以上 after 1-6月，…: the whole year, not the half carried)
    this_month = _THIS_MONTH.search(before)
    if this_month and months is not None and months > 1 and lang.ytd_months(before[this_month.end() :]) is None:
        months = -months  # 1-5月…，其中当月实现产值1001.1亿元: May alone
    if months is not None and 0 < months < 12 and _stock_count(spot, c.unit):
        months = -months  # 1至7月，…总数达到174家: the stock at the end of July, no flow over the months
    span = lang.report_span(spot.sentence, before, year)
    if span is None and spot.span_open and lang.explicit_year(before) is None and lang.ytd_months(before) is None:
        span = lang.report_span(spot.span_open, spot.span_open, year)  # 「十四五」期間，…；工業增加值達到1.2萬億元
    over_span = _AVERAGE.search(clause_before) or (
        spot.past_span
        and spot.past_span[0] < year
        and c.unit != "%"
        and _TERM_TOTAL.search(_last_clauses(spot))
        and (lang.explicit_year(before) is None or _AVERAGE.search(spot.sentence))
    )  # 2016年，…累计接待游客520万人次: that year's (a sentence with 年均 reviews the term's years)
    if span is None and spot.past_span and spot.past_span[1] == year and over_span:
        if lang.explicit_year(before) in (None, year) and lang.ytd_months(before) is None:
            # under the heading 五年发展成绩单: 地区生产总值年均增长6.5% over those five years; 2016年，…年均增长7.8%
            # (the level's year, the review's last) and 累计实施…147个 under a new term's first work report likewise
            span = spot.past_span
    if span and 0 < (months or 0) < 12 and lang._AVERAGE_SPAN.search(before) and not lang._YEAR_SPAN.search(before):
        span = None  # 上半年，…两年平均增长7.3%: over two first halves, kept as this year's half (per year)
    pair = _YEARS_PAIR.search(spot.sentence[: spot.c0]) if span is None and _AVERAGE.search(clause_before) else None
    if pair and int(pair.group(1)) < int(pair.group(2)):
        span = (int(pair.group(1)) + 1, int(pair.group(2)))  # 从2020年的2.83万亿元提高到2025年的…，年均增长5.5%
    multiple = _TIMES_THE_BASE.search(clause_before) if c.unit == "倍" else None
    base = re.search(r"(?:比|较)\s*((?:19|20)\d{2})\s*年", clause_before) or multiple
    base_y = int(base.group(1)) if base and base.group(1) else lang.with_base(before)  # 与2019年比较，…减9.8%
    same_months = _OLDER_BASE.search(clause_before)
    if same_months and same_months.group(2) and months is not None and 0 < months < 12:
        base_y = None  # 1-5月…比2019年1-5月增长12.2%: the same months two years back, no span of years
    if span is None and base_y is not None and base_y < year - 1:
        span = (base_y + 1, year)  # 比2020年增加近2000亿元 / 是2012年的2.8倍 in 2021: the change over 2013..2021
    per = lang.per(_per_text(spot), spot.clause, bool(span))  # a flow (新增) over a span: per period
    if span and per is None and _SPAN_TOTAL.search(spot.clause[: spot.rel[0]]):
        per = "period"  # 「十四五」期間…建成投產11個…项目, 工業投資總規模將超萬億: a total over the span
    if per == "period" and not span:
        per = None  # 1-8月…累计完成工业产值1588.1亿元: the year to date's figure itself, no total over years
    from_to = _from_to_period(spot, clause_before)
    since = _since_span(spot, before, issued_year) if span is None and from_to is None and months is None else None
    if since is not None:
        span, from_to = since
        per = lang.per(_per_text(spot), spot.clause, bool(span)) if span else None
        if span and per is None and (_SPAN_TOTAL.search(clause_before) or _SINCE_FLOW.search(clause_before)):
            per = "period"  # 2017年以来，…共签约项目217个、竣工投产97个: totals over the span
    if from_to is not None:  # 由X增加到Y: two levels, each of one year
        span, per = None, None
    review = list(c.review) + (["span"] if span else [])
    period = from_to or (f"{span[0]}..{span[1]}" if span else lang.report_period(year, months))
    quarter = lang.quarter_alone(period_text) if months is None and not span and not from_to else None
    if quarter is None and months is None and not span and not from_to and sticky_quarter is not None:
        if lang.explicit_year(before) is None and lang.last_period(period_text) == period_text:
            quarter = sticky_quarter  # 2023年第二季的生產量…皆錄得升幅。紡織業升幅最大(+3.8%): still the second quarter
    if quarter is not None:  # 三季度，…增长6.2%: July to September alone
        period = f"{year}-{3 * quarter - 2:02d}..{year}-{3 * quarter:02d}"
    if c.unit not in (None, "%") and c.value is not None and c.value > 0 and _LEVEL_FALL.search(before):
        vc = -c.value_canonical if c.value_canonical is not None else None
        c = replace(c, value=-c.value, value_canonical=vc)  # 比上年减少46.0万人, 減少439人至10,773人: a change of −N
    if multiple:  # 是2012年的2.8倍: 2.8 times the 2012 level (× base), not grew by 2.8 times (增长了2.8倍: 倍)
        vc, uc = lang.canonical(c.value, "× base", None)
        c = replace(c, unit="× base", value_canonical=vc, unit_canonical=uc)
    return replace(
        c,
        bound=lang.bound(spot.sentence, spot.m),
        status=status,
        period=period,
        tier=None,
        per=per if per in ("year", "period") else None,
        review=review,
    )


def _is_growth(spot: Spot) -> bool:
    return spot.m.unit == "%" and bool(
        _GROWTH.search(spot.sentence[: spot.m.start]) or _GROWTH_AFTER.match(spot.sentence[spot.m.end :])
    )


def _own_phrase(spot: Spot, vocab: lang.Vocabulary) -> bool:
    """The growth's clause names a measure of its own (采矿业增加值增长0.4%), so it is not the growth of the level before."""
    before = spot.clause[: spot.rel[0]]
    return bool(vocab.indicator_hits(before)) or bool(new_phrase(_measure_words(vocab, before)))


#: what may stand between a level and its growth: commas, and clauses of the level's share (…1564.97亿元，占全市规上
#: 工业总产值的比重为69.3%，同比增长5.4%: the growth is the level's)
_SHARES_BETWEEN = re.compile(r"[，,\s]*(?:(?:其|的)?(?:占|比重|占比)[^，,；;。\d]*[\d.]+\s*%[，,\s]*)*")
#: a sentence opening with a comparison and no subject: 比上年增长5% (after …营业收入46644.9亿元;)
_SUBJECTLESS_GROWTH = re.compile(r"^\s*(?:比上年|较上年|同比|比去年|较去年)")


def _pair_growth(
    cands: list[tuple[Spot, list[Candidate]]],
    ctx: DocContext,
    vocab: lang.Vocabulary,
    prior: tuple[Spot, list[Candidate]] | None = None,
) -> list[Candidate]:
    """Reports: every growth rate is a row of its own (value blank, growth_pct, the growth indicator). A growth in
    the level's clause or in the clause right after it that names no measure of its own (…1000.5亿元，同比增长20.5%)
    is also that level's growth_pct; 分别 pairs growths with the levels before them in order. A growth never
    belongs to a row of an earlier clause that its own clause does not refer to. ``prior``: the level that ended
    the sentence before, in the same paragraph; a sentence opening with 比上年增长X% (no subject) is its growth."""
    out: list[Candidate] = []
    waiting: list[tuple[Spot, list[Candidate]]] = []
    if prior is not None and cands and _is_growth(cands[0][0]):
        first = cands[0][0]
        opening = first.clause[: first.rel[0]]
        if (
            first.c0 == 0
            and prior[0].p0 == first.p0 >= 0
            and _SUBJECTLESS_GROWTH.match(opening)
            and not _own_phrase(first, vocab)
        ):
            # the level stands in as if it opened this sentence (an empty clause at 0), so the pairing below takes it
            waiting = [(replace(prior[0], sentence=first.sentence, c0=0, c1=0), prior[1])]
    for spot, rows in cands:
        if not _is_growth(spot):
            out += rows
            if spot.m.unit != "%":
                prev = waiting[-1][0] if waiting else None
                if prev is not None and prev.sentence != spot.sentence:
                    waiting = []
                waiting.append((spot, rows))
            continue
        after = _GROWTH_AFTER.match(spot.sentence[spot.m.end :])
        fall = after.group(1) in ("跌幅", "降幅") if after else bool(_FALL_BEFORE.search(spot.sentence[: spot.m.start]))
        sign = -1 if fall else 1
        level: list[Candidate] | None = None
        respectively = "分别" in spot.sentence[: spot.m.start]
        if waiting and waiting[0][0].sentence == spot.sentence:
            if respectively and len(waiting) > 1:
                level = waiting.pop(0)[1]
            else:
                lspot, lrows = waiting[-1]
                between = spot.sentence[lspot.c1 : spot.c0]
                adjacent = lspot.c0 == spot.c0 or _SHARES_BETWEEN.fullmatch(between) is not None
                if respectively or (adjacent and not _own_phrase(spot, vocab)) or lspot.c0 == spot.c0:
                    level = lrows
                waiting = [] if not respectively else waiting[1:]
        for r in rows:
            r.growth_pct, r.value, r.unit, r.value_canonical, r.unit_canonical = (
                sign * (r.value or 0),
                None,
                None,
                None,
                None,
            )
            r.review.append("growth_only")
            if level:
                lcode = level[0].indicator_code or ""
                if not _own_phrase(spot, vocab) or respectively:
                    growth = ctx.growth_of.get(lcode)
                    r.indicator_code = growth or (f"{lcode}增速" if lcode.startswith("NEW:") else r.indicator_code)
                    r.sector = level[0].sector
                r.review.append("growth_of_level")
            _against_an_older_base(r, spot, ctx)
        if level:
            for lv in level:
                if lv.growth_pct is None:
                    lv.growth_pct = sign * (spot.m.value or 0)
        out += rows
    return out


_INCENTIVE = re.compile(r"奖励|补助|奖补|补贴|给予")


#: a base two or more years back written in a growth's clause (比2019年1-5月增长12.2%, 较2019年同期增长)
_OLDER_BASE = re.compile(
    r"(?:比|较)\s*((?:19|20)\d{2})\s*年\s*(同期|同月|1\s*[-—–~至到]\s*\d{1,2}\s*月)?[^，,；;。\d]{0,4}$"
)


def _against_an_older_base(r: Candidate, spot: Spot, ctx: DocContext) -> None:
    """A report's growth against a base two or more years back with the same months (比2019年1-5月增长12.2% in a page
    of 2021): no year-on-year growth code fits — a new indicator named after the level and the base
    (NEW:规模以上工业增加值较2019年同期增速), and the period stays the figure's own months, not a span of years."""
    base = _OLDER_BASE.search(spot.clause[: spot.rel[0]])
    period = r.period or ""
    end = int(period[-7:-3]) if re.search(r"\d{4}-\d{2}$", period) else None
    if base is None or base.group(2) is None or end is None or int(base.group(1)) >= end - 1:
        return
    code = r.indicator_code or ""
    name = ctx.indicator_names.get(ctx.level_of.get(code, code), code.removeprefix("NEW:").removesuffix("增速"))
    r.indicator_code = f"NEW:{name}较{base.group(1)}年同期增速"
    r.review = [x for x in r.review if x != "growth_of_level"] + ["unknown_indicator"]


@dataclass
class _Reading:
    """What a document's earlier sentences say about the ones after them, as :func:`text_candidates` reads on."""

    sticky: int | None = (
        None  # the year of the goals set last (到2025年, 十四五末, 2023年，…) for those that write none
    )
    labelled: dict[str, int] = field(default_factory=dict)  # a plan: the year of each goal named in quotation marks
    months: int | None = None  # a report's year to date (上半年: 6), or -M for the month M alone (上月), carried on
    carried_tier: str | None = None  # 力争到2025年： over the list items under it
    doubled: bool = False  # the plan's doubling is stated once (its title); later mentions repeat it
    # a report: the year a sentence opens with (2013年，…), over the sentences after it; True when written 今年/去年
    lead_year: tuple[int, bool] | None = None
    quarter: int | None = None  # a report: a quarter alone (2023年第二季…) of a sentence, over the sentences after it
    prior: tuple[Spot, list[Candidate]] | None = None  # a report's level ending the sentence before
    above_scale_before: bool = False  # the last value-added total before the paragraph was above-scale industry's
    measure_before: str = ""  # a report's last paragraph naming a known measure
    past_span: tuple[int, int] | None = None  # a plan: the years a heading over results names (过去五年), to the next
    # within a paragraph:
    span_open: str = ""  # a report: a span opening a ；-piece, over the pieces after it up to the sentence's end
    semi_tier: str | None = None  # a plan: 力争实现A；B；C。: the tier word heading a ；-piece, over the next pieces
    past_open: int | None = None  # a plan: the year of results ending a ；-piece, over the next piece
    past_carry: int | None = None  # a plan: the year of results ending a sentence, over the next if it sets no goal
    last_tier: str | None = None  # a plan: the tier of the last figure of the sentence before (for 其中，…)

    def new_paragraph(self, paragraph: str, ctx: DocContext) -> None:
        if (
            ctx.issued_year is not None
            and not paragraph.rstrip().endswith("。")
            and (_is_heading(paragraph) or _is_review_heading(paragraph))
        ):
            self.past_span = _past_heading(paragraph, ctx.issued_year, ctx.issued_month)  # a topic sentence is none
        elif ctx.issued_year is not None and _FIRST_SESSION.search(paragraph[: config.EXTRACT_SESSION_LINE_CHARS]):
            self.past_span = _past_heading(
                paragraph[: config.EXTRACT_SESSION_LINE_CHARS], ctx.issued_year, ctx.issued_month
            )
        self.span_open, self.semi_tier, self.past_open, self.past_carry = "", None, None, None

    def before_sentence(self, sentence: str, ctx: DocContext, to_year: re.Match | None) -> None:
        """The year and month a sentence names before its figures are read."""
        named_goal = _named_goal_year(sentence, self.labelled) if ctx.kind == "plan" and not to_year else None
        if named_goal is not None:
            self.sticky = named_goal  # “五强”目标具体为：… after 到2022年，…实现“五强”发展目标: the goals of 2022
        if ctx.kind == "plan" and self.past_carry is not None and ctx.issued_year is not None:
            goal = (
                _GOAL_WORDS.search(sentence)
                or _goal_in(sentence, ctx.issued_year)
                or _THIS_YEAR.search(sentence)
                or _GOAL_MARKS.search(sentence)  # …增长7%左右，工业投资增长10%以上: a goal's bounds, not results
            )
            if not goal:  # 2016年…利润285.2亿元，同比增长6.98%。完成工业投资1276.58亿元: still 2016's results
                self.past_open = self.past_carry
            self.past_carry = None
        if ctx.kind != "report":
            return
        last_month = _last_month(sentence, ctx)
        if last_month is not None and lang.ytd_months(sentence) is None:
            self.months = last_month  # 上月，全省工业增加值增长8.1%: that month alone, and the sentences after it
        alone = _MONTH_ALONE.search(sentence)
        if alone and 1 <= int(alone.group(1)) <= 12 and lang.ytd_months(sentence[: alone.start()]) is None:
            self.months = -int(alone.group(1))  # …数据显示，9月，规模以上工业增加值增长5.6%: September alone

    def tier_for(self, sentence: str) -> str | None:
        """The tier carried to a sentence's figures that write none of their own; a sentence opening with 其中 details
        the goal before it (力争到2025年，…总产值556.36亿元。其中，工业总产值548.03亿元: still 力争's)."""
        if self.last_tier is not None and _WHEREOF.match(sentence):
            return self.last_tier
        return self.carried_tier or (None if _OWN_TIME.match(sentence) else self.semi_tier)

    def after_sentence(
        self,
        sentence: str,
        end: str,
        paragraph: str,
        found: list[tuple[Spot, list[Candidate]]],
        ctx: DocContext,
        to_year: re.Match | None,
    ) -> None:
        """What a sentence (ended by ``end``) sets for the sentences after it."""
        if ctx.kind == "plan":
            self.past_open = _past_ending(found, end) or _past_opening(sentence, found, ctx)
            self.past_carry = _past_ending(found, "；") if end not in "；;" else None
            self.last_tier = found[-1][1][-1].tier if found and found[-1][1] else None
            whereof = self.last_tier if _WHEREOF.match(sentence) else None  # 其中，A…；B…: the goal's tier over both
            self.semi_tier = _tier_over_semicolon(sentence, end, self.semi_tier or whereof)
            self._plan_years(sentence, paragraph, found, ctx, to_year)
        elif to_year and int(to_year.group(1)) > ctx.base_year:
            self.sticky = int(to_year.group(1))
            self.labelled.update({q: self.sticky for q in _QUOTED_LABEL.findall(sentence)})
        if ctx.kind == "report":
            self._report_periods(sentence, end, found, ctx)
        if sentence.rstrip().endswith(("：", ":")) or paragraph.rstrip().endswith(("：", ":")):
            word, _ = lang.tier(sentence, sentence)
            self.carried_tier = word if word else self.carried_tier
        elif ctx.kind == "plan" and (lead := _colon_lead(sentence)):
            word, _ = lang.tier(lead, lead)  # 力争到2025年：（一）…；（二）…: over the items after the colon
            self.carried_tier = word if word else self.carried_tier

    def _plan_years(
        self, sentence: str, paragraph: str, found: list, ctx: DocContext, to_year: re.Match | None
    ) -> None:
        opened_goal = _goal_opening(sentence, ctx) if not to_year else None
        if opened_goal is not None:
            self.sticky = opened_goal  # 会议提出，2023年，…力争实现…；…: the goals of 2023, over the pieces after it
        if to_year and int(to_year.group(1)) > ctx.base_year:
            self.sticky = int(to_year.group(1))
            self.labelled.update({q: self.sticky for q in _QUOTED_LABEL.findall(sentence)})
        plan = lang.horizon(sentence) if _HORIZON_GOAL.search(sentence) else None
        if plan:
            self.sticky = plan[1]
        ahead = lang._NEXT_YEARS.search(sentence)
        if ahead and not to_year and not plan:  # 未来五年，…: the horizon of the targets after it too
            self.sticky = ctx.base_year + int(lang.parse_number(ahead.group(1)) or 0)
        titled = _heading_year(paragraph, found, ctx) if not to_year else None
        if titled is not None:
            self.sticky = titled  # a heading of its own line (2017年主要工作): the year of the targets under it

    def _report_periods(self, sentence: str, end: str, found: list, ctx: DocContext) -> None:
        self.span_open = _span_opening(sentence, end, self.span_open, ctx.year)
        written = lang.last_period(lang.without_bases(_FROM_PERIOD.sub(_blank, sentence)))
        whole = found and _WHOLE_YEAR.search(sentence) and lang.ytd_months(written) is None
        ytd = 12 if whole else lang.ytd_months(written)  # 全年完成…；…: the year over the pieces, not 全年目标
        unbased = lang.WITH_BASE_PHRASE.sub(_blank, sentence)  # 与2019年同期相比，…: no year of its own
        self.months = ytd if ytd is not None else (None if lang.explicit_year(unbased) else self.months)
        named = lang.month_alone(sentence) if not found and ytd is None else None
        if named is not None:
            self.months = named  # 十堰市8月份工业经济回暖态势明显。当月，…: a sentence with no figure names the month
        opened = _leading_year(sentence, ctx)
        self.lead_year = opened if opened is not None else self.lead_year
        alone_q = lang.quarter_alone(written) if ytd is None else None
        self.quarter = (
            alone_q if alone_q is not None else (None if ytd or lang.explicit_year(sentence) else self.quarter)
        )


#: a time of its own written before a release's first span (去年, 全年, 过去一年, 据初步核算 of the year's accounts)
_OTHER_TIME = re.compile(r"去年|上年|今年|全年|过去|一年来|初步核算|年度")


def _release_months(text: str, ctx: DocContext) -> int | None:
    """The year to date a report is a release of: the first such span the text writes (上半年 in its title or lead,
    中卫经济“半年报”公布), when the page is dated within :data:`config.EXTRACT_RELEASE_LAG_MONTHS` after it ends. Its figures
    before any period of their own are of that span (人民网银川7月26日电 地区生产总值1267.24亿元…; 今年上半年 later),
    not of the year before; None for any other page."""
    if ctx.kind != "report" or ctx.issued_month is None:
        return None
    first = lang.first_ytd(lang.without_bases(text))  # 增速比1-5月提高: a base, not the release's span
    if first is None:
        return None
    at, months = first
    if not 1 < months < 12 or not months < ctx.issued_month <= months + config.EXTRACT_RELEASE_LAG_MONTHS:
        return None  # 今年1月份，…召开大会: a month alone is no release's span
    lead = re.sub(r"今年\s*$", "", text[:at])
    if lang.explicit_year(lead) is not None or _OTHER_TIME.search(lead):
        return None  # 去年，全县地区生产总值增长6.2%。今年1-2月…: figures dated before the span are not of it
    return months


def text_candidates(text: str, ctx: DocContext, vocab: lang.Vocabulary) -> list[Candidate]:
    """Candidates from the running text (tables are read by :func:`table_candidates`). Sentences that set
    rewards (奖励, 补助: the amounts and the thresholds that earn them) are policy terms, not targets or figures;
    in a plan, sentences that state past facts (十三五, 现拥有) are left to the actuals."""
    raw_text = text
    text, index = lang.normalise_mapped(raw_text)
    out: list[Candidate] = []
    state = _Reading(months=_release_months(text, ctx))
    totals = [(t.end(), bool(_ABOVE_SCALE.match(t.group(0)))) for t in _VA_TOTAL.finditer(text) if _is_total(text, t)]
    k_total = 0
    for p0, p1 in spans(text, re.compile(r"\n")):
        paragraph = text[p0:p1]
        state.new_paragraph(paragraph, ctx)
        while k_total < len(totals) and totals[k_total][0] <= p0:
            state.above_scale_before = totals[k_total][1]
            k_total += 1
        if paragraph.startswith("\t"):
            continue  # a table's line (table_candidates); a tier carried over a list stays
        sentences = [piece for a, b in spans(paragraph, _SENTENCE_END) for piece in _pieces(paragraph, a, b)]
        heading = paragraph[sentences[0][0] : sentences[0][1]] if _LIST_MARKER.match(paragraph) else ""
        if not _LIST_MARKER.match(paragraph):
            state.carried_tier = None
        for s0, s1 in sentences:
            sentence = paragraph[s0:s1]
            if (
                ctx.kind == "plan"
                and is_past(sentence, ctx.issued_year)
                and not _DOUBLING.search(sentence)
                and not (_PAST_YEARS.search(sentence) and ctx.issued_year is not None)
            ):
                continue  # a past fact; but 过去五年，… opening a review gives results (see _past_in_plan)
            to_year = lang._TO_YEAR.search(sentence) or _GOAL_YEAR.search(sentence)
            state.before_sentence(sentence, ctx, to_year)
            r0 = index[p0 + s0]
            raw = (r0, raw_text[r0 : index[p0 + s1]], tuple(i - r0 for i in index[p0 + s0 : p0 + s1 + 1]))
            found = _sentence_candidates(sentence, (p0, s0), paragraph, heading, raw, state, ctx, vocab)
            if ctx.kind == "report":
                out += _pair_growth(found, ctx, vocab, state.prior)
                last = found[-1] if found else None
                state.prior = last if last and not _is_growth(last[0]) and last[0].m.unit != "%" else None
            else:
                out += [c for _, rows in found for c in rows]
            state.after_sentence(sentence, paragraph[s1 : s1 + 1], paragraph, found, ctx, to_year)
        if ctx.kind == "report" and vocab.indicator_hits(paragraph[-config.EXTRACT_MAX_SENTENCE_CHARS :]):
            state.measure_before = paragraph[-config.EXTRACT_MAX_SENTENCE_CHARS :]
    return out


def _sentence_candidates(
    sentence: str,
    at: tuple[int, int],
    paragraph: str,
    heading: str,
    raw: tuple[int, str, tuple[int, ...]],
    state: _Reading,
    ctx: DocContext,
    vocab: lang.Vocabulary,
) -> list[tuple[Spot, list[Candidate]]]:
    """The numbers of one sentence (at paragraph offset ``at[0]``, sentence offset ``at[1]``; ``raw``: its offset, text
    and character map in the raw text) with their candidate rows."""
    (p0, s0), (r0, raw_sentence, raw_at) = at, raw
    incentive = bool(_INCENTIVE.search(sentence))  # 给予100万元奖励: its amounts are subsidies, no figures
    clauses = spans(sentence, _CLAUSE_END)
    found: list[tuple[Spot, list[Candidate]]] = []
    per_clause: dict[int, int] = {}
    for m in sentence_mentions(sentence, item=s0 == 0 and bool(heading)):
        if incentive and (ctx.kind == "plan" or lang.UNITS.get(m.unit or "", ("?",))[0] == "money"):
            continue  # a report's count of awards won (获省科技奖励11项) stays
        if m.unit == "× base":
            own_year = "倍增" not in m.raw and lang.explicit_year(sentence[: m.start]) is not None
            if (state.doubled and not own_year) or ctx.kind == "report":
                continue
            # the plan's doubling is stated once (its title); later mentions repeat it, unless one writes its own
            # year (实施工业倍增三年行动，确保到2025年全市工业总产值比2022年翻一番: a goal of 2025 of its own)
            state.doubled = True
        c0, c1 = next(((a, b) for a, b in clauses if a <= m.start < b), (0, len(sentence)))
        per_clause[c0] = per_clause.get(c0, 0) + 1
        if per_clause[c0] > config.EXTRACT_MAX_CANDIDATES_PER_CLAUSE:
            if per_clause[c0] == config.EXTRACT_MAX_CANDIDATES_PER_CLAUSE + 1 and found:
                for r in found[-1][1]:
                    r.review.append("clause_limit")
            continue
        spot = Spot(
            m,
            sentence,
            r0,
            c0,
            c1,
            heading,
            raw_sentence,
            raw_at,
            p0,
            paragraph,
            s0,
            state.measure_before,
            state.span_open,
            state.past_open,
            state.past_span,
        )
        rows = _spot_candidates(
            spot,
            ctx,
            vocab,
            state.sticky,
            state.months,
            state.tier_for(sentence),
            state.above_scale_before,
            state.lead_year,
            state.quarter,
        )
        found.append((spot, rows))
    return found


#: a full date (2020年3月12日): the day a page or bulletin is dated, not the year it reports on
_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
#: a year a run of years starts from (2010年以来, 自2004年首度突破…以来): the start of a span, not the year of the figures
_SINCE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?=\s*以来)|(?<=自)\s*(?:19|20)\d{2}\s*年(?=[^，,。；;]{0,20}以来)")


def _leading_year(sentence: str, ctx: DocContext) -> tuple[int, bool] | None:
    """The one year a report's sentence writes before its first figure (2013年，全县完成生产总值…; 会议指出，2024年，
    …; 「109年工廠校正及營運報告」，台中市工廠家數…), with True when it is written 今年/去年 (今年前十月已超越去年全年:
    the first such word): the year of the sentences after it that write none. Not a span (2020年至2024年), a base
    (比2012年), a year since (2010年以来), a year qualifying a count (2018年14户新增企业1—3月…), a year after the issue
    date, nor the 今年 of a goal (今年，全市将力争…)."""
    raw_head = _head(sentence)
    first = len(raw_head)
    head = _DATE.sub(_blank, raw_head)  # 2020年3月12日: the day it is dated
    if lang._YEAR_SPAN.search(head) or lang.report_span(head, head, ctx.year) is not None:
        return None
    head = lang.WITH_BASE_PHRASE.sub(_blank, _SINCE_YEAR.sub(_blank, head))  # 与2019年同期相比，…: a base
    # the first figure's own clause is read with the head: 2018年14户新增企业1—3月… is a year of the firms
    own = re.split(r"[，,；;]", sentence[first:], maxsplit=1)[0][: config.EXTRACT_MAX_SENTENCE_CHARS]
    year, relative = lang.explicit_year(head + own[: len(own)]), False
    if year is not None and lang.explicit_year(head) != year:
        year = None  # a year after the first figure (增长6%，2022年为4%): a comparison, no year of the sentence
    if year is None and lang.explicit_year(head) is None:
        year, relative = lang.relative_year(head, ctx.issued_year, first=True), True
        if year is not None and _GOAL_WORDS.search(sentence):
            return None  # 今年，全市将力争…增长7%: a goal, not the year of the review after it
    if year is None or (ctx.issued_year is not None and year > ctx.issued_year):
        return None
    return year, relative


#: the verbs of a goal in a report's sentence (将力争, 确保, 争取): not 目标 as a noun (锚定高质量发展目标)
_GOAL_WORDS = re.compile(r"将|力争|确保|争取")


#: a heading over a review of past years: 过去五年, 五年来, 赶超发展的五年 (…的N年), 近三年工作回顾
_PAST_HEADING = re.compile(
    r"(?:过去的?\s*|近\s*|(?<!今后)(?<!未来)(?<!新)(?<!下一个)的\s*)(?P<n>[一二两三四五六七八九十]|\d{1,2})\s*年(?:来|以来|间)?(?:工作)?(?:回顾)?\s*$"
    r"|^\s*(?P<m>[一二两三四五六七八九十]|\d{1,2})\s*年(?:来|以来)\s*$"
    r"|^\s*(?P<k>[两三四五六七八九十]|\d{1,2})\s*年\s*(?:发展|工作)?\s*(?:成绩单|成就|回顾)\s*$"  # 五年发展成绩单
)


def _is_heading(paragraph: str) -> bool:
    """A heading line: short, with no figure."""
    line = paragraph.strip()
    return 0 < len(line) <= config.EXTRACT_HEADING_MAX_CHARS and not any(
        m.unit is not None for m in lang.find_mentions(line)
    )


#: a heading over the review of one year (一、2023年工作回顾, 2023年主要工作成效, 2023年经济运行情况回顾)
_YEAR_REVIEW_HEADING = re.compile(
    r"((?:19|20)\d{2})\s*年度?\s*(?:[^，,。；;\d]{0,8}?)(?:工作)?(?:回顾|总结|成效|成绩|完成情况)\s*$"
)


#: the line of a government work report given at the first session of a new people's congress (——2017年2月27日在
#: 沙河市第八届人民代表大会第一次会议上): the report reviews the five years of the term that ended
_FIRST_SESSION = re.compile(r"第[一二三四五六七八九十\d]+届人民代表大会第一次会议")
#: a level reached at the end of a review's span (达29354元, 达到, 突破): of its last year, not over the years
_LEVEL_REACHED = re.compile(r"(?:达到|达|突破|增至|增加到|提高到|提升到)\s*$")
#: a heading over a five-year plan's review (“十三五”时期及2020年工作回顾, 十三五发展回顾)
_PLAN_REVIEW_HEADING = re.compile(
    r"(十[一二三四五]五)[”\"」’]?\s*(?:时期|期间)?[^，,。；;]{0,12}(?:回顾|总结|成就)\s*$"
)
#: a heading that opens with the review word (回顾2017年, 盘点2023年): the review of that year
_REVIEW_OF_YEAR_HEADING = re.compile(r"^\s*(?:回顾|回眸|盘点)\s*((?:19|20)\d{2})\s*年度?\s*(?:工作)?\s*$")


def _is_review_heading(paragraph: str) -> bool:
    """A line too long for :func:`_is_heading` that heads a review (一、“十三五”时期及2020年工作回顾): short enough,
    no figure, and a review's words."""
    line = paragraph.strip()
    if not 0 < len(line) <= config.EXTRACT_REVIEW_HEADING_MAX_CHARS or any(
        m.unit is not None for m in lang.find_mentions(line)
    ):
        return False
    return bool(_PLAN_REVIEW_HEADING.search(line) or _YEAR_REVIEW_HEADING.search(line))


def _past_heading(paragraph: str, issued_year: int, issued_month: int | None = None) -> tuple[int, int] | None:
    """The years of a heading over a review (过去五年 in a plan of 2017: 2012..2016; 2023年工作回顾 or 回顾2023年 in
    one of 2024: 2023..2023; “十三五”时期及2020年工作回顾 in 2021: 2016..2020); None for any other heading (展望2018年
    ends the review before it). A page of December reviews the year it closes (2019年工作回顾 of 2019-12-27; 过去五年
    of 2021-12-11: 2017..2021)."""
    last = issued_year if issued_month == 12 else issued_year - 1
    if _FIRST_SESSION.search(paragraph):
        return last - 4, last  # …第八届人民代表大会第一次会议上: the report of a term's five years
    plan = _PLAN_REVIEW_HEADING.search(paragraph.strip())
    if plan and lang.FIVE_YEAR_PLANS[plan.group(1)][1] <= last:
        return lang.FIVE_YEAR_PLANS[plan.group(1)]  # “十三五”时期及2020年工作回顾: the plan's five years
    one = _YEAR_REVIEW_HEADING.search(paragraph.strip()) or _REVIEW_OF_YEAR_HEADING.search(paragraph.strip())
    if one and int(one.group(1)) <= last:
        return int(one.group(1)), int(one.group(1))
    h = _PAST_HEADING.search(paragraph.strip())
    n = int(lang.parse_number(h.group("n") or h.group("m") or h.group("k")) or 0) if h else 0
    return (last - n + 1, last) if 1 <= n <= 10 else None


#: a short name in quotation marks (“五强”, “三个翻番”): a set of goals a plan names and details later
_QUOTED_LABEL = re.compile(r"[“\"「]([^”\"」，,。；;\d]{1,8})[”\"」]")


def _named_goal_year(sentence: str, labelled: dict[str, int]) -> int | None:
    """The year of the goals a sentence details by their name (“五强”目标具体为：…): the name in quotation marks
    before its first figure, set earlier with a year (到2022年，…实现“五强”发展目标); None otherwise."""
    first = next((m.start for m in lang.find_mentions(sentence) if m.unit is not None), len(sentence))
    for q in _QUOTED_LABEL.findall(sentence[:first]):
        if q in labelled:
            return labelled[q]
    return None


def _heading_year(paragraph: str, found: list, ctx: DocContext) -> int | None:
    """The year a plan's heading line names (2017年主要工作, 2024年目标任务: a short paragraph with no figure and no
    date), when it is not before the plan's base year; else None."""
    line = paragraph.strip()
    if found or len(line) > config.EXTRACT_HEADING_MAX_CHARS or _DATE.search(line):
        return None
    year = lang.explicit_year(line)
    return year if year is not None and year >= ctx.base_year + 1 else None


def _colon_lead(sentence: str) -> str:
    """The words before a sentence's first colon when no figure stands before it (力争到2025年：（一）…), else ""."""
    at = min((i for i in (sentence.find("："), sentence.find(":")) if i >= 0), default=-1)
    if at < 0 or any(m.unit is not None for m in lang.find_mentions(sentence[:at])):
        return ""
    return sentence[:at]


def _past_ending(found: list[tuple[Spot, list[Candidate]]], end: str) -> int | None:
    """After a plan's ；-piece: the year of the result its last figure is (a past fact of one year), which the
    figures of the next piece that write no year of their own share; None after a full stop or a target."""
    if end not in "；;" or not end or not found or not found[-1][1]:
        return None
    last = found[-1][1][-1]
    end_year = (last.period or "").split("..")[-1]  # a span's last year (较2018年提高2.3个百分点: 2019..2020 -> 2020)
    return int(end_year) if "past" in last.review and end_year.isdigit() else None


def _is_total(text: str, t: re.Match) -> bool:
    """A value-added total (全州规上工业增加值, 规模以上工业增加值), not an industry's (烟草工业增加值, 能源工业增加值: an
    industry's name right before 工业)."""
    return bool(_ABOVE_SCALE.match(t.group(0)) or t.group(0).startswith("全部")) or not _INDUSTRY_BEFORE.search(
        text[max(0, t.start() - 1) : t.start()]
    )


#: a quarter a change starts from (由一季度的全省第四上升至全省第二): no period of the sentences after it
_FROM_PERIOD = re.compile(r"由\s*(?:第?\s*[一二三四1-4]\s*季度?|首季度?)")


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


#: what is left of a sector's amount once the sector is named (新能源汽车产业|规模, 新能源汽车|及零部件): no measure
_SCALE_LEFT = re.compile(r"(?:产业|行业)?(?:总?规模)?|[及和与](?:零部件|配套产业|配套|装备|关联产业)")


def _scale_of_sector(
    vocab: lang.Vocabulary, ctx: DocContext, clause: str, at: int, unit: str | None, code: str | None
) -> bool:
    """A sector named before an amount of money with no measure of its own (电子信息产业突破1000亿元, 新能源汽车及零部件
    达到1000亿元, 新能源汽车产业规模达到1000亿元): the size of that industry, the measure not named (sector_scale)."""
    if "sector_scale" not in ctx.indicator_kinds or lang.UNITS.get(unit or "", ("?",))[0] != "money":
        return False
    if code is not None and not (code.startswith("NEW:") and _SCALE_LEFT.fullmatch(code[4:])):
        return False
    return bool(vocab.sector_hits(clause[:at]))


#: a count reached (增至, 总数达到, 共有) or a headcount (从业人员, 员工): a stock at a date, not a flow over a period
_STOCK_REACHED = re.compile(
    r"增至|增加到|总数|总量|共有|现有|拥有|(?:从业|员工|职工|就业人员|在岗)[^，,；;。\d]{0,6}(?:达到|达|超过|为|有|共)\s*$"
    r"|企业\s*(?:数量?|户数|家数)?\s*(?:达到|达)\s*$"  # 全市规模以上工业企业达到1374家: the firms at the month's end
)
#: the words of a flow over the period (新增, 引进, 培训, 吸纳): no stock
_ADDED_IN_CLAUSE = re.compile(
    r"新增|净增|新开工|引进|引入|培育|新认定|新建|签约|开工|开复工|复工|投产|竣工|增加|培训|吸纳|安置|累计"
)
#: a flow measured over the months (产值, 增加值, 投资, 营业收入, 利润, 开复工): the figures of it under 截至N月底
_FLOW_MEASURE = re.compile(
    r"产值|增加值|投资|营业收入|营收|主营业务收入|利润|利税|税收|销售|出口|进出口|用电量|开复工|开工|竣工|投产|签约"
)
#: a stock at the month's end, whatever its rate (贷款余额, 存量, 覆盖率, 城镇化率, 累计建成)
_STOCK_MEASURE = re.compile(r"余额|存量|覆盖率|城镇化率|保有量|累计(?:建成|培育|认定|拥有)|现有|共有")
#: the new ones of a count over the months (新增, 开工, 签约, 投产): a flow, not the stock at the month's end
_COUNT_FLOW = re.compile(r"新增|净增|新开工|开工|开复工|复工|签约|竣工|投产|引进|引入")


def _flow_to_month_end(spot: Spot) -> bool:
    """A report's figure under 截至N月底 that is a flow of the months up to then, not the stock at the month's end: a
    figure of a flow measure written since 截至 (截至6月末，…产值累计增长24.1%，…比重为31.1%，较去年同期提高3.1个百分点;
    截至10月底，50个项目开复工建设，开复工率77%，完成投资186亿元); a stock keeps the month (规上工业企业1200家,
    贷款余额…同比增长12.5%, 城镇化率, 累计建成5G基站3200个)."""
    clause_before = spot.clause[: spot.rel[0]]
    if _STOCK_MEASURE.search(clause_before):
        return False
    if lang.UNITS.get(spot.m.unit or "", ("?",))[0] == "count":
        return _COUNT_FLOW.search(spot.clause) is not None and _STOCK_REACHED.search(clause_before) is None
    before = spot.sentence[: spot.m.start]
    since = before.rfind("截")
    return _FLOW_MEASURE.search(before[since:] if since >= 0 else clause_before) is not None


def _stock_count(spot: Spot, unit: str | None) -> bool:
    """A report's count that is a stock (全市规上工业企业增至1295家, 总数达到174家, 從業員工超過16萬5千人): under a
    year to date it is the count at the end of the last month, not a flow over the months."""
    if lang.UNITS.get(unit or "", ("?",))[0] != "count":
        return False
    clause_before = spot.clause[: spot.rel[0]]
    stock = _STOCK_REACHED.search(clause_before)
    if stock is None:
        return False
    return not _ADDED_IN_CLAUSE.search(clause_before[: stock.start()] + clause_before[stock.end() :])


#: a currency other than the yuan written right before an amount in 元 (新台幣1.3兆元, 港币100亿元, 美元5亿元)
_CURRENCY_BEFORE = re.compile(r"(?:新台币|港币|港元|澳门元|澳门币|美元|欧元|日元|英镑)\s*$")
#: a level a plan raises to (由X|提升至Y, 从X|增加到Y)
_RAISED_TO = re.compile(r"^\s*[^，,；;。\d]{0,4}?(?:提升|提高|增加|增长|上升|扩大|跃升|攀升|发展)?(?:至|到)\s*\d")


def _start_level(spot: Spot, ctx: DocContext, target_year: int | None) -> int | None:
    """A plan's level after 由 / 从 that the sentence raises to a goal (全部工业总产值由572.8亿元提升至1150亿元): the level
    of the year it starts from — the year written before it (从2020年的2.83万亿元…), else the year the goal's own
    yearly rate implies (…提升至1150亿元，年均增速15% to 2025: 572.8 × 1.15^5 ≈ 1150, so 2020), else the plan's base
    year; None for any other figure."""
    clause_before = spot.clause[: spot.rel[0]]
    if _GROWTH.search(clause_before) or not _FROM.search(re.sub(r"(?:19|20)\d{2}\s*年的?\s*$", "", clause_before)):
        return None
    if not _RAISED_TO.match(spot.sentence[spot.m.end :]):
        return None
    written = lang.explicit_year(clause_before)
    if written is not None and ctx.issued_year is not None and written <= ctx.issued_year:
        return written
    implied = _years_of_the_rate(spot.m.value, spot.sentence[spot.m.end :])
    if implied is not None and target_year is not None:
        return target_year - implied
    return ctx.base_year


#: the goal a level is raised to and the yearly rate written right after it (提升至1150亿元，年均增速15%)
_TO_AND_RATE = re.compile(
    r"^[^，,；;。\d]{0,6}?(?:至|到)\s*(\d+(?:\.\d+)?)[^，,；;。\d]{0,4}[，,]\s*年均(?:增速|增长)?\s*(\d+(?:\.\d+)?)\s*%"
)


def _years_of_the_rate(start: float, after: str) -> int | None:
    """The whole number of years n in which ``start`` grows into the goal written after it at the yearly rate written
    after that (start × (1 + r)^n = goal, n within 0.15 of a whole number from 1 to 10); None otherwise."""
    m = _TO_AND_RATE.match(after)
    if m is None or start <= 0:
        return None
    goal, rate = float(m.group(1)), float(m.group(2)) / 100
    if goal <= start or rate <= 0:
        return None
    n = math.log(goal / start) / math.log(1 + rate)
    return round(n) if 1 <= round(n) <= 10 and abs(n - round(n)) < 0.15 else None


def _new(code: str | None) -> bool:
    return bool(code) and str(code).startswith("NEW:")


def _head(sentence: str) -> str:
    """The words of a sentence before its first figure (a label's amount, 打造“千亿园区”的目标，…今年…, is none)."""
    found = lang.find_mentions(sentence)
    figures = (m.start for m in found if m.unit is not None and not lang.is_excluded(m, sentence, found))
    return sentence[: next(figures, len(sentence))]


def _goal_opening(sentence: str, ctx: DocContext) -> int | None:
    """A plan's sentence whose words before its first figure write one year after the issue year (会议提出，2023年，
    郧阳区将…力争实现… in a plan of December 2022), or 今年 / 明年: the year of its goals and of those after it that
    write none."""
    if ctx.issued_year is None or is_past(sentence, ctx.issued_year):
        return None
    head = _DATE.sub(_blank, _head(sentence))  # 2019年2月26日 (the plan's date line) opens no goals
    if lang._YEAR_SPAN.search(head):
        return None
    year = lang.explicit_year(head)
    if year is None:
        year = lang.relative_year(head, ctx.issued_year)  # 今年…将努力实现…；财政总收入11.64亿元: this year's goals
        return year if year is not None and year >= ctx.issued_year else None
    # 2016年确定的主要经济指标 in a work conference's text of March 2016: that year's goals — not in a plan whose own
    # horizon lies beyond its issue year (a 2019–2023 plan of 2019 names 2019 as a start, not its goals' year)
    early = year == ctx.issued_year == ctx.year and (ctx.issued_month or 12) <= 6
    return year if year > ctx.issued_year or early else None


#: the marks of a goal in a plan's sentence that writes no goal verb: bounds (左右, 以上, 以内), 预期, 预计, 要, 将
_GOAL_MARKS = re.compile(r"左右|以上|以内|不低于|不少于|预期|预计|(?<![主重需必纲])要|将|目标|考虑")
#: the words of a goal set at a meeting (要求, 确保, 力争, 今年要, 全年)
_MEETING_GOAL = re.compile(r"要求|确保|力争|争取|(?<![主重需必纲])要|将|今年|全年|目标")
#: the whole year as a figure's period (全年完成…, 确保全年…增长): at a clause's start or after a goal word; not
#: 全年目标 / 全年任务 (the year's goal named as a noun)
_WHOLE_YEAR = re.compile(
    r"(?:^|[，,；;：:。])\s*(?:预计|力争|确保|争取)?\s*全年(?!\s*(?:目标|任务|计划|的))|(?:预计|力争|确保|争取)\s*全年"
)
#: a sentence opening with 其中 (of which): it details the goal or figure of the sentence before
_WHEREOF = re.compile(r"\s*其中\s*[，,：:]?")
#: a ；-piece opening with its own time (全年…, 到2025年…, 今年…): a goal of its own, out of the scope of a tier
#: word before the semicolon (力争全年完成项目60个；全年工业投资增速达到20%: the second is no stretch goal)
_OWN_TIME = re.compile(r"\s*(?:全年|年内|今年|明年|本年|到\s*(?:19|20)\d{2}|(?:19|20)\d{2}\s*年)")


#: the verbs between a tier word and its figure (力争达到, 力争实现…增长): what is left names the goal's indicator
_GOAL_VERBS = re.compile(r"实现|达到|完成|突破|超过|增长|提高到|提升到|提高|提升|保持|全年|年均|每年|在|为|\s")


def _tier_over_semicolon(sentence: str, end: str, carried: str | None) -> str | None:
    """After a plan's ；-piece: the tier that governs the next piece (力争实现A增长15%以上；B增长16%以上；…: 力争 heads
    a list of goals) — the piece's own tier word when it stands in the piece's last clause, before its first figure
    (力争全年完成项目60个，其中…，新增营业收入300亿元；全年…: 力争 heads that clause's goals only), else the one
    carried so far; none after a full stop."""
    if end not in "；;" or not end:
        return None
    last = [sentence[a:b] for a, b in spans(sentence, _CLAUSE_END)][-1:] or [""]
    head = _head(last[0])
    hits = list(lang._TIER_RE.finditer(head))
    if hits:  # 力争实现地区生产总值增长15%以上 names its goal; 突破2000亿元，力争达到2200亿元 raises the one before
        named = _GOAL_VERBS.sub("", head[hits[-1].end() :])
        return lang.TIER_WORDS[hits[-1].group(0)] if re.search(r"[\u4e00-\u9fff]{2}", named) else None
    return carried if lang.tier(sentence, "")[0] is None else None


def _past_opening(sentence: str, found: list, ctx: DocContext) -> int | None:
    """A plan's sentence with no figure that opens with a year before the issue year (2018年，…取得一系列新进展。):
    that year, for the results of the sentence after it that write no year of their own; None otherwise."""
    if found or ctx.issued_year is None or _goal_in(sentence, ctx.issued_year):
        return None
    opened = _OPENING_YEAR_OF_PLAN.match(sentence) or (
        _TOPIC_YEAR_OF_PLAN.search(sentence) if _PLACE_SUBJECT.search(sentence) else None
    )
    year = int(opened.group(1)) if opened else None
    return year if year is not None and year < ctx.issued_year else None


#: a year opening a sentence as its topic (2018年，张家界高新区全面落实…)
_OPENING_YEAR_OF_PLAN = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*[，,]")
#: a year standing as a clause of its own after a lead phrase (作为…的主阵地，2017年，常德经开区…): the topic year,
#: when the sentence is about the place itself (not 从国家层面看，2023年，国家出台了…政策)
_TOPIC_YEAR_OF_PLAN = re.compile(r"^[^。；;\d]{0,40}[，,]\s*((?:19|20)\d{2})\s*年\s*[，,]")
_PLACE_SUBJECT = re.compile(lang.PLACE_WORD.pattern + r"|经开区|高新区|开发区|园区|新区")


def _now_in_plan(spot: Spot, ctx: DocContext) -> str | None:
    """A plan's figure in a sentence that opens with 目前，… (a stock stated at the page's date, with no year and no
    goal written before it): the page's month (2025-04), else None."""
    before = spot.sentence[: spot.m.start]
    if ctx.issued_year is None or ctx.issued_month is None or not _AS_OF_NOW.search(before):
        return None
    if _goal_in(before, ctx.issued_year) or _FUTURE.search(before) or _YEAR_WORD.search(before):
        return None
    return f"{ctx.issued_year}-{ctx.issued_month:02d}"


def _ytd_in_plan(spot: Spot, ctx: DocContext) -> str | None:
    """A result of the year to date quoted in a plan (1—2月，全市规上工业增加值增长9.5% in a plan of March): its period
    (the last such span ended by the issue date, as a report's), when no year and no goal is written before it."""
    own = spot.sentence[: spot.m.start]
    at = spot.paragraph.rfind("。", 0, spot.ps0) + 1 if spot.paragraph else spot.ps0
    at = max(at, spot.ps0 - config.EXTRACT_MAX_SENTENCE_CHARS)  # a long sentence cut in pieces: the nearer ones
    lead = spot.paragraph[at : spot.ps0] if spot.paragraph else ""  # the sentence's earlier ；-pieces
    if ctx.issued_year is None or ctx.issued_month is None:
        return None
    if not any(w in own or w in lead for w in ("月", "季", "半年")):
        return None  # no period word: the cheap test first (the function runs for every number of a plan)
    before = lead + own
    if (
        _goal_in(own, ctx.issued_year)
        or lang.explicit_year(before) is not None
        or _YEAR_WORD.search(_THIS_YEAR_WORD.sub(_blank, before))  # 今年1-7月 (a plan of August): this year's
        or _FUTURE.search(own)
    ):
        return None
    if "全年" in own:
        return None  # 截止7月，…35.15亿元，全年预计…可达69.6亿元: the year's estimate, not the year to date
    months = lang.ytd_months(lang.last_period(lang.without_bases(own)))
    if months is None:  # a ；-piece with no period of its own: the period the sentence opened with (今年1-7月，…；)
        months = lang.ytd_months(lang.without_bases(before[: len(before) - len(own)]))
    if months is None or months >= 12:
        return None
    year = ctx.issued_year if ctx.issued_month > months else ctx.issued_year - 1
    return lang.report_period(year, months)


#: 今年 / 本年 right before a year to date (今年1-7月, 今年以来): the issue year's own period
_THIS_YEAR_WORD = re.compile(r"今年|本年")
#: words of a goal or of the future (要, 将, 预期): a period after them is a goal's (主要, 重要, 需要 are no such
#: words); 当月 in a plan names the month to come
_FUTURE = re.compile(r"(?<![主重需必纲])要|将|预期|争取|努力|当月")


def _span_opening(sentence: str, end: str, carried: str, year: int) -> str:
    """After a report's sentence ended by ``end``: the span words that govern the next ；-piece — the sentence's
    opening clause when it names a span (「十四五」期間，, 2021—2023年，), else the span carried so far unless the
    sentence writes a year of its own; nothing after a full stop."""
    if end not in "；;" or not end:
        return ""
    for a, b in spans(sentence, _CLAUSE_END):  # the clauses before the sentence's first figure
        clause = sentence[a:b]
        if any(m.unit is not None for m in lang.find_mentions(clause)):
            break
        if lang.report_span(clause, clause, year) is not None:
            return clause
    return "" if lang.explicit_year(sentence) is not None else carried


#: a month written alone as the period of what follows (，9月，…; 3月份，…), not a span (1—9月) nor a date (10月28日)
_MONTH_ALONE = re.compile(r"(?:^|[，,：:])\s*(\d{1,2})\s*月份?\s*[，,]")
#: 确定2025年发展目标, 明确2026年…: a year a plan sets (its goals) is the year of the goals that follow
_GOAL_YEAR = re.compile(r"(?:确定|明确|提出|设定)\s*((?:19|20)\d{2})\s*年")  # 明确2026年工业经济“作战图”
#: 十四五末 / “十四五”期间 as the horizon of the targets (not a mention of the plan's name)
_HORIZON_GOAL = re.compile(r"十[一二三四五]五[”\"」’]?\s*(?:末|期末|期间|时期)")


def _pieces(paragraph: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence as pieces of at most EXTRACT_MAX_SENTENCE_CHARS characters, cut after a clause end where the
    piece has one: the work per sentence is bounded, so the whole is linear in the input."""
    limit = config.EXTRACT_MAX_SENTENCE_CHARS
    if b - a <= limit:
        return [(a, b)]
    out = []
    while a < b:
        end = min(b, a + limit)
        if end < b:
            cut = max(paragraph.rfind(c, a, end) for c in "，,：:、")
            end = cut + 1 if cut > a else end
        out.append((a, end))
        a = end
    return out


# ---- tables --------------------------------------------------------------------------------------------------

_CELL_VALUE = re.compile(r"^\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<cmp>以上|左右|以内)?\s*$")
_HEADER_UNIT = re.compile(r"[（(]([^）)]+)[）)]\s*$")


def table_candidates(text: str, ctx: DocContext, vocab: lang.Vocabulary) -> list[Candidate]:
    """Tables laid out one cell per tab-led line (the annex of a plan): a row is a name followed by value cells;
    the header cells before the first row name the columns (indicator and unit in brackets)."""
    cells = [(m.start(), m.end(), m.group(1)) for m in re.finditer(r"^\t([^\t\n]*(?:\n(?!\t)[^\t\n]+)*)", text, re.M)]
    out: list[Candidate] = []
    header: list[str] = []
    i = 0
    while i < len(cells):
        name = cells[i][2].strip()
        values = []
        j = i + 1
        while j < len(cells) and (_CELL_VALUE.match(cells[j][2]) or cells[j][2].strip() in ("-", "—")):
            values.append(cells[j])
            j += 1
        if len(values) < config.EXTRACT_TABLE_MIN_CELLS or not name or _CELL_VALUE.match(name):
            if name:
                header.append(name)
            i += 1
            continue
        columns = header[-len(values) :]
        for k, (_, end, cell) in enumerate(values):
            mv = _CELL_VALUE.match(cell)
            if mv is None or k >= len(columns):
                continue
            out.append(_cell_candidate(text, cells[i][0], end, mv, columns[k], name, ctx, vocab))
        i = j
    return out


def _cell_candidate(text, start, end, mv, column, name, ctx: DocContext, vocab) -> Candidate:
    quote = _quote(text, start, end)
    review = ["table_cell"]
    col = re.sub(r"\s", "", column)
    hits = vocab.indicator_hits(col)
    code = hits[0].phrase.indicator if hits else None
    if code is None:
        review.append("unknown_indicator")
    unit_m = _HEADER_UNIT.search(col)
    unit = lang.UNIT_WORDS.get(unit_m.group(1), unit_m.group(1)) if unit_m else ctx.indicator_units.get(code or "")
    if unit not in lang.UNITS:
        unit = ctx.indicator_units.get(code or "")
    key = re.sub(r"\s", "", name)
    jur = ctx.jurisdiction if key in ("全市", "全区", "全县", "全省", "合计") else None
    jur = jur or ctx.units.get(key) or next((c for n, c in ctx.units.items() if n.endswith(key)), None)
    if jur is None:
        review.append("jurisdiction")
    value = float(mv["v"])
    comp = {"以上": ">=", "左右": "~", "以内": "<="}.get(mv["cmp"] or "", "=")
    vc, uc = lang.canonical(value, unit, ctx.indicator_units.get(code or ""))
    cell = Candidate(
        quote=quote,
        value=value,
        unit=unit,
        indicator_code=code,
        jurisdiction_code=jur or "",
        source_id=ctx.source_id,
        comparator=comp,
        base_year=ctx.base_year,
        target_year=ctx.year,
        period=str(ctx.year),
        value_canonical=vc,
        unit_canonical=uc,
        review=review,
        offset=start,
    )
    return cell if ctx.year_known else _year_unknown(cell)


# ---- the whole document ----------------------------------------------------------------------------------------


def extract_text(text: str, ctx: DocContext, vocab: lang.Vocabulary) -> list[Candidate]:
    """Candidates of a document's text in document order."""
    cleaned = clean(text)
    cands = text_candidates(cleaned, ctx, vocab) + table_candidates(cleaned, ctx, vocab)
    return _without_headline_repeats(sorted(cands, key=lambda c: c.offset), _headline_end(cleaned, ctx))


#: a page's date line (2024-08-23 09:47:30, 2021/8/3 15:10:03, 2024年08月23日 09:47): it follows the headline
_STAMP = re.compile(r"(?:19|20)\d{2}\s*[-/年]\s*\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}")


def _headline_end(text: str, ctx: DocContext) -> int:
    """Where a report's headline ends: at the page's date line when one follows it closely with no full stop
    before it (前7個月德州市規上工業增加值同比增長8.4%2024-08-23 09:47:30 來源…), else 0 (no headline known)."""
    stamp = _STAMP.search(text[: config.EXTRACT_HEADLINE_MAX_CHARS]) if ctx.kind == "report" else None
    return stamp.start() if stamp and not re.search(r"[。；;！？!?]", text[: stamp.start()]) else 0


def _without_headline_repeats(rows: list[Candidate], end: int) -> list[Candidate]:
    """The rows less those of the headline (before ``end``) that a row of the body repeats (same value or growth,
    unit, indicator and year): the figure is entered once, from the body."""

    def key(c: Candidate) -> tuple:
        return (c.value, c.growth_pct, c.unit, c.indicator_code, c.period, c.target_year)

    body = {key(c) for c in rows if c.offset >= end}
    return [c for c in rows if c.offset >= end or key(c) not in body]


def extract(
    path: str | os.PathLike,
    jurisdiction: str,
    source_id: str,
    kind: str = "plan",
    issued: str | None = None,
    data_dir=None,
) -> list[Candidate]:
    """Read a plan (``kind='plan'``) or a report (``'report'``) and return its candidates."""
    return extract_source(path, jurisdiction, source_id, kind, issued, data_dir)[0]


def extract_source(
    path: str | os.PathLike,
    jurisdiction: str,
    source_id: str,
    kind: str = "plan",
    issued: str | None = None,
    data_dir=None,
) -> tuple[list[Candidate], webtext.Source]:
    """As :func:`extract`, for a text file, a saved HTML page or a URL (:func:`webtext.read_source`); also returns
    the source read (its text; for a URL the address and the retrieval date; for a page its own date, which is
    the issue date when ``issued`` is not given)."""
    try:
        src = webtext.read_source(path, read_text)
    except webtext.WebError as exc:
        raise ExtractError(str(exc)) from None
    issued = src.issue_date(issued)[0]  # a page's own date when none is given
    ctx, vocab = context_from_data(src.text, kind, jurisdiction, source_id, issued, data_dir)
    return extract_text(src.text, ctx, vocab), src


def year_note(cands: list[Candidate]) -> str | None:
    """What the CLI says once when rows of an undated document got no year (review code year_unknown), else None."""
    n = sum("year_unknown" in c.review for c in cands)
    if not n:
        return None
    return (
        f"{n} candidates have no year (target_year / period left empty: no date was given and the text names no"
        " year): enter it on each row, or give the issue date with --issued YYYY[-MM[-DD]] and extract again"
    )


__all__ = [  # also what other modules and the tests take from here (defined in .records, .indicators, .output)
    "ACTUAL_COLUMNS",
    "EXTRA_COLUMNS",
    "REVIEW_CODES",
    "REVIEW_FIELDS",
    "TARGET_COLUMNS",
    "Candidate",
    "DocContext",
    "ExtractError",
    "candidate_record",
    "context_from_data",
    "document_years",
    "extract",
    "extract_source",
    "extract_text",
    "new_phrase",
    "read_text",
    "write_candidates",
    "year_note",
]
