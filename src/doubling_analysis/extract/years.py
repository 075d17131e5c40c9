"""The years of a document and of a figure in it: the base and target year of a plan from its title or horizon,
the year a report is about, and each figure's target year or period year (written, relative, counted ahead from
the base year, a plan's horizon, or the report's period) — see :mod:`.candidates`."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import config
from . import language as lang
from .records import NO_YEAR, Candidate, DocContext, Spot

#: a past fact quoted in a plan or a report (十三五, 现拥有, 过去五年): its year is not the document's
#: while 十三五 is under way (texts of 2016–2020), its years so far are still past: 十三五以来, 十三五前三年
_PAST_WORDS_DURING = re.compile(r"现拥有|过去\s*\d*\s*[五两三]?年|十三五[”\"」’]?\s*(?:以来|前\s*[一二两三四1-4]\s*年)")
_PAST_WORDS = re.compile(r"现拥有|过去\s*\d*\s*[五两三]?年|十三五")


def is_past(text: str, issued_year: int | None) -> bool:
    """``text`` states past facts: 现拥有, 过去五年, or 十三五 (the plan before the seeds' and most texts') — but not in
    a text issued while 十三五 was under way (2016–2020: 为“十三五”开好局，今年…, the plan of the goals)."""
    during = issued_year is not None and issued_year <= lang.FIVE_YEAR_PLANS["十三五"][1]
    return bool((_PAST_WORDS_DURING if during else _PAST_WORDS).search(text))


#: 是2012年的 / 为上年的 before a multiple (2.8倍): the multiple of that level
_TIMES_THE_BASE = re.compile(r"(?:是|为)\s*(?:((?:19|20)\d{2})\s*年|上年|去年)的\s*$")


_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-－—–~至]\s*((?:19|20)\d{2})\s*年")
#: a year a text opens a sentence with to name it (2024年是…, 今年是…之年): the year the text is about
_YEAR_IS = re.compile(r"(?:^|[。\n])\s*(?:(?:19|20)\d{2}\s*年|今年)\s*是")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[^。\n]{0,30}?(?:实施方案|工作要点|要点|计划|方案|行动)")


#: a year written with a period inside it (2024年一季度, 2022年1-9月, 2014年前三季度), not after 比/较 (a base)
_YEAR_WITH_PERIOD = re.compile(
    r"(?<![比较\d])((?:19|20)\d{2})\s*年\s*(?=[一二三四]季度|第\s*[一二三四1-4]\s*季|首季|前三季度|上半年|前\s*\d"
    r"|\d{1,2}\s*[-—–~至到]?\s*\d{0,2}\s*月(?!\s*\d{1,2}\s*[日号]))"
)  # not a date (2020年3月12日: the day a bulletin is dated)


#: a year that opens a report, as its topic (2025年，镌刻着…; a line 2025年 of its own): the year it reports on
_OPENING_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(?:[，,：:\n]|$)")


def _report_head_year(head: str, issued_year: int | None) -> int | None:
    """The year of a report named in its head with a period of that year (记者从2024年一季度…新闻发布会上获悉), or the
    year its first words name as their topic (2025年，…: issue 22, batch 6): the first such year not after the
    issue year, else None."""
    opening = _OPENING_YEAR.match(head)
    if opening and (issued_year is None or int(opening.group(1)) <= issued_year):
        return int(opening.group(1))
    for m in _YEAR_WITH_PERIOD.finditer(head):
        year = int(m.group(1))
        if issued_year is None or year <= issued_year:
            return year
    return None


def document_years(text: str, issued_year: int | None, kind: str = "plan") -> tuple[int, int]:
    """(base year, target year) of a document from its title: 2021-2023 -> (2020, 2023); 2022年实施方案 ->
    (2021, 2022); else the issue year; (NO_YEAR - 1, NO_YEAR) when neither the head nor the issue date gives one."""
    head = text[: config.EXTRACT_TITLE_CHARS]
    m = _SPAN.search(head)
    if m:
        return int(m.group(1)) - 1, int(m.group(2))
    m = _TITLE_YEAR.search(head)
    if m:
        return int(m.group(1)) - 1, int(m.group(1))
    plan = lang.horizon(head) if kind == "plan" else None
    first = lang._HORIZON.search(head) if plan else None
    if first and _YEAR_IS.search(head[: first.start()]):
        plan = None  # 2024年是“十四五”规划的关键之年: a plan of the year 2024, not the five-year plan
    if plan and (issued_year is None or issued_year <= plan[1]):
        return plan[0] - 1, plan[1]  # a five-year plan (十四五): 2020 -> 2025
    if issued_year is None:
        named = _report_head_year(head, None) if kind == "report" else None
        return (named - 1, named) if named is not None else (NO_YEAR - 1, NO_YEAR)
    if kind == "report":
        named = _report_head_year(head, issued_year)
        if named is not None:
            return named - 1, named  # 2024年一季度…: the report's own year, named with its period
        return issued_year - 2, issued_year - 1  # a report without a year reports the past year
    return issued_year - 1, issued_year


def _ahead_year(spot: Spot, ctx: DocContext) -> int | None:
    """A plan's year counted from its base year: milestones (3年、5年、8年 … 分别: each figure after the list its
    own year, in order) or 3年内 / 用5年时间."""
    before = spot.sentence[: spot.m.start]
    ms = lang.milestones(spot.sentence)
    if ms and ms[0] <= spot.m.start:
        k = sum(1 for x in lang.find_mentions(spot.sentence[ms[0] : spot.m.start]) if x.unit is not None)
        if k < len(ms[1]):
            return ctx.base_year + ms[1][k]
    n = lang.years_ahead(before)
    return ctx.base_year + n if n else None


_LAST_MONTH = re.compile(r"上月|上个月")


def _last_month(sentence: str, ctx: DocContext) -> int | None:
    """上月 / 上个月 in a report of month M: the month before alone, as -(M - 1) (-12 on a page of January); None
    when the sentence names no such month or the page's month is unknown."""
    if ctx.issued_month is None or not _LAST_MONTH.search(sentence) or lang.explicit_year(sentence) is not None:
        return None
    return -(ctx.issued_month - 1 or 12)


def _report_year(ctx: DocContext, months: int | None) -> int | None:
    """The year of a period written without one (上半年, 1—5月, 全年): the last such period ended by the issue date
    (a page of August on 上半年: that year's; a page of January on 1至11月 or 全年: the year before)."""
    if ctx.issued_year is None:
        return None
    if months is None or months == 12:  # a page of December on 全年 / no period: the year it closes (a review given
        if ctx.issued_month == 12:  # before the year ended, 2022年政府工作报告 of 2021-12-16: 2021's results)
            return ctx.issued_year
        return ctx.issued_year - 1 if ctx.issued_month is not None else None
    if ctx.issued_month is None:
        return None
    return ctx.issued_year if ctx.issued_month > abs(months) else ctx.issued_year - 1  # -7: July alone


#: 在去年实现…突破500亿元基础上: the year inside is the base the plan builds on, not the year of its targets
_ON_THE_BASIS = re.compile(r"在[^。；;，,]*?(?:[，,][^。；;，,]*?)?基础上")
#: a rate per year (每年保持20%以上的增速, 年均增长8%) in a plan
_PER_YEAR_RATE = re.compile(r"每年|年均")


#: 上年的 right before a figure (or a list of its parts, 10.0:49.0:), not after 比/较/与 (a base)
#: (为上年的120%, 是上年的1.5倍, 达到上年的…: a ratio to last year's level, no figure of last year)
_OF_THE_YEAR_BEFORE = re.compile(r"(?<![比较与同为是])(?<!达到)上年的\s*(?:[\d.]+\s*[:：]\s*)*$")


#: a base's level right before the figure (较2023年的 / 相較於112年的): a level of that year (Western or ROC)
_LEVEL_OF_BASE = re.compile(r"(?:比|较|相比|对比)\s*[于前]?\s*(?:((?:19|20)\d{2})|(1[0-4]\d))\s*年的\s*$")


#: the same opening a sentence (预计全年规上工业增加值增长7.5%左右，工业投资增长12%): over all its clauses
_GOAL_LEAD = re.compile(r"\s*(力争|确保|争取|预计)\s*全年")
#: a goal or an estimate for the whole year in a report (力争全年, 确保全年, 预计全年, 全年预计): the year the page is
#: in (an estimate in January or February — the work reports' months — is of the year just ended)
_GOAL_FOR_THE_YEAR = re.compile(
    r"(力争|确保|争取|预计|目标)[^，,。；;\d]{0,6}全年[^，,。；;\d]{0,12}$|全年\s*(预计)[^，,。；;\d]{0,12}$"
)


def _years(
    spot: Spot,
    ctx: DocContext,
    sticky: int | None,
    months: int | None = None,
    lead_year: tuple[int, bool] | None = None,
) -> tuple[int, int, list[str]]:
    before = spot.sentence[: spot.m.start]
    clause_before = spot.clause[: spot.rel[0]]
    if spot.m.unit == "倍":  # 是2012年的2.8倍: the year of the level multiplied (a base), not the figure's year
        before = _TIMES_THE_BASE.sub(lambda b: " " * len(b.group(0)), before)
        clause_before = _TIMES_THE_BASE.sub(lambda b: " " * len(b.group(0)), clause_before)
    if ctx.kind == "plan":  # 到2027年，…在2022年的基础上超过90家: 2022 is the base a goal builds on, not its year
        before = _ON_THE_BASIS.sub(lambda b: " " * len(b.group(0)), before)
        clause_before = _ON_THE_BASIS.sub(lambda b: " " * len(b.group(0)), clause_before)
    review: list[str] = []
    year = lang.explicit_year(clause_before)
    if year is None:
        year_text = before
        year = lang.relative_year(year_text, ctx.issued_year)
        if year is not None:
            review.append("relative_year")
    if year is None and ctx.kind == "plan" and _PER_YEAR_RATE.search(clause_before):
        after = spot.sentence[spot.m.end :]  # 每年保持20%以上的增速，到2025年… / …，2025年达到1万亿元: to that year
        later = lang._TO_YEAR.search(after) or next(
            (y for y in lang._YEAR.finditer(after) if not lang._BASE.search(after[max(0, y.start() - 3) : y.end()])),
            None,
        )
        year = int(later.group(1)) if later and lang.explicit_year(before) is None else None
    if year is None and ctx.kind == "plan":
        year = _ahead_year(spot, ctx)
    if year is None:
        year = lang.explicit_year(before)
    if year is None and ctx.kind == "plan":
        plan = lang.horizon(before)
        year = plan[1] if plan else None
    if year is None and ctx.kind == "report" and lead_year is not None and not is_past(before, ctx.issued_year):
        year = lead_year[0]  # 2013年，全县…。…第二产业增加值61.7亿元: the year the report opened with
        review += ["relative_year"] if lead_year[1] else []
    goal = (
        (_GOAL_FOR_THE_YEAR.search(before) or _GOAL_LEAD.match(before))
        if ctx.kind == "report" and ctx.issued_year is not None
        else None
    )
    word = goal and (goal.group(1) or goal.group(2))  # 全年预计完成…: 预计 after 全年
    if year is None and goal and (word != "预计" or (ctx.issued_month or 0) >= 3):  # 预计全年 of Jan–Feb: last year
        year = (
            ctx.issued_year
        )  # 下一步，力争全年增长7%以上 (a page of August): this year's goal, not last year's result
        review.append("relative_year")
    if year is None and ctx.kind == "report" and not is_past(before, ctx.issued_year):
        period_text = lang.last_period(lang.without_bases(before))  # 较一季度提高: a base, not the period
        quarter = lang.quarter_alone(period_text)
        year = _report_year(
            ctx,
            lang.ytd_months(period_text) or lang.month_end(before) or (3 * quarter if quarter else None) or months,
        )
        if year is not None:
            review.append("default_year")
    if year is None:
        year = sticky or ctx.year
        if not is_past(before, ctx.issued_year) and ctx.kind == "report":
            review.append("default_year")
    level_of_base = _LEVEL_OF_BASE.search(lang.normalise(clause_before)) if ctx.kind == "report" else None
    if level_of_base:  # 相較於112年的2,394億元 / 比2020年的100亿元: that year's level, quoted as the base
        n = int(level_of_base.group(1) or level_of_base.group(2))
        year = n if n > 1900 else n + lang.ROC_OFFSET
    elif ctx.kind == "report" and _OF_THE_YEAR_BEFORE.search(clause_before):
        year -= 1  # 三次产业比例由上年的10.0:49.0:41.0调整为…: the level of the year before the report's
    base = lang.base_year(spot.sentence[: spot.m.end], year, ctx.base_year)
    return year, base, review


#: years before this one are not years of a figure but counted from :data:`NO_YEAR`
_FIRST_YEAR = 1000


def _year_unknown(c: Candidate) -> Candidate:
    """A candidate of an undated document whose year is not in the text: no target_year, base_year nor period."""
    review = [r for r in c.review if r not in ("default_year", "relative_year", "span")] + ["year_unknown"]
    return replace(c, target_year=None, base_year=None, period=None, review=review)


def _doubling_years(spot: Spot, ctx: DocContext, year: int, base: int) -> tuple[int, int]:
    """翻一番 in N years: the year N - 1 after the base year (三年翻一番 of a plan of 2021: 2023), but a year the
    sentence writes before it (到2025年，…实现五年翻一番) is the doubling's year, N years after its base."""
    m = re.search(r"([三五两二3-5])\s*年", spot.sentence[max(0, spot.m.start - 8) : spot.m.end + 8])
    if m and not ctx.multi_year:
        n = int(lang.parse_number(m.group(1)) or 3)
        written = lang.explicit_year(spot.sentence[: spot.m.start])
        if written is not None and written > ctx.base_year:
            return written, written - n
        return ctx.base_year + n - 1, ctx.base_year - 1
    return year, base
