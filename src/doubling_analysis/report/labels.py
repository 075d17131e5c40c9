"""Labels in Chinese and English for tables, charts and the report. Names of places, indicators and sectors
come from the data (name_zh / name_en); this module holds only the words of the interface."""

from __future__ import annotations

import pandas as pd

LANGS = ("zh", "en")

TEXT = {
    "zh": {
        "title": "工业倍增目标进展季度分析",
        "quarter": "季度",
        "vintage": "数据版本",
        "generated": "生成日期",
        "contents": "目录",
        "overview": "总报告",
        "sum_code": "代码",
        "sum_targets": "目标（不重复）",
        "sum_with_evidence": "有数据",
        "sum_achieved": "已实现或很可能实现",
        "sum_missed": "未实现或很可能未实现",
        "sum_live": "进行中（有概率）",
        "sum_without_figure": "无任何数据",
        "shown_of": "图中列出 {shown} 项（共 {n} 项）：{which}；全部见上表及 {full}。",
        "fastest_slowest": "增速最快与最慢的各一半",
        "largest_first": "{what}最大的在前",
        "summary": "摘要：主要目标",
        "jurisdiction_pages": "分地区分析",
        "comparison": "地区比较",
        "consistency": "层级一致性与目标雄心",
        "appendix_methods": "附录一：方法",
        "appendix_sources": "附录二：资料来源",
        "gaps": "数据缺口与区间值说明",
        "failed": "未能完成的部分",
        "target": "目标",
        "jurisdiction": "地区",
        "indicator": "指标",
        "sector": "产业",
        "year": "目标年",
        "attains_if": "达标条件",
        "tier": "层次",
        "latest": "最新实际值",
        "required_growth": "所需年增速",
        "observed_growth": "实际年增速",
        "rate_to_go": "剩余所需年增速",
        "eurostat": "欧盟统计局",
        "unsd": "联合国统计司",
        "destatis": "德国统计局",
        "escap": "亚太经社会",
        "p_attain": "达标概率",
        "outcome": "结果",
        "note": "说明",
        "floor": "确保",
        "stretch": "力争",
        "achieved": "已实现",
        "missed": "未实现",
        "likely_achieved": "可能已实现",
        "likely_missed": "可能未实现",
        "undetermined": "无法判定",
        "pending": "进行中",
        "actual": "实际值",
        "bound_lower": "下限（突破）",
        "bound_upper": "上限（接近）",
        "derived_point": "推算值（报告值 ÷ (1 + 增速)，或口径相同的其他指标）",
        "required_path": "达标所需路径",
        "projection": "预测中位数",
        "interval": "预测区间",
        "index": "指数",
        "implied": "目标隐含年增速",
        "own_recorded": "本地区历史增速",
        "province_recorded": "全省历史增速",
        "source": "来源",
        "url": "网址",
        "issuer": "发布单位",
        "issued": "日期",
        "n_targets": "目标数",
        "n_actuals": "实际值数",
        "assessable": "可评估",
        "not_assessable": "不可评估",
        "page": "页",
        "key_findings": "主要发现",
        "what_decided": "记录已判定的目标",
        "doubling_question": "倍增了吗？",
        "live_targets": "尚在进行的目标与达标概率",
        "since_last": "本季度变化",
        "doubling_tracker": "倍增进度",
        "no_base": "没有 {year} 年的确切基数",
        "with_evidence": "有数据的目标",
        "no_evidence": "没有任何数据的目标",
        "appendix_targets": "附录三：全部目标",
        "backtest": "回测",
        "deciding_figure": "判定依据",
        "base": "基数",
        "multiple": "倍数",
        "pace": "年均增速",
        "required_pace": "翻番所需年增速",
        "rank": "排名",
        "published_in_quarter": "本季度公布的数值",
        "appeared": "本季度出现的目标",
        "outcomes_changed": "结果变化",
        "p_moved": "达标概率变动",
        "before": "上季度",
        "after": "本季度",
        "value": "数值",
        "bound": "区间",
        "status": "状态",
        "period": "时期",
        "published": "公布日期",
        "source_id": "来源编号",
        "parent": "上级",
        "children_sum": "下级合计",
        "difference": "差额",
        "earlier": "较早目标",
        "later": "较晚目标",
        "p_interval": "80% 区间",
        "model": "模型",
        "n_distinct": "不重复承诺",
        "decided": "已判定",
        "kind_level": "总量目标",
        "kind_growth_rate": "增速目标",
        "kind_count": "数量目标",
        "kind_share": "比重目标",
        "kind_rate": "比率目标",
        "kind_area": "面积目标",
        "kind_rank": "排名目标",
        "kind_relative": "相对目标",
        "kind_money_flow": "资金目标",
        "kind_other": "其他目标",
    },
    "en": {
        "title": "Industrial doubling targets: quarterly progress analysis",
        "quarter": "Quarter",
        "vintage": "Data vintage",
        "generated": "Generated",
        "contents": "Contents",
        "overview": "Overview report",
        "sum_code": "code",
        "sum_targets": "targets (distinct)",
        "sum_with_evidence": "with evidence",
        "sum_achieved": "achieved or likely",
        "sum_missed": "missed or likely",
        "sum_live": "open with a probability",
        "sum_without_figure": "without any figure",
        "shown_of": "The chart shows {shown} of {n}: {which}; every row is in the table above and in {full}.",
        "fastest_slowest": "the fastest and the slowest half each",
        "largest_first": "largest {what} first",
        "summary": "Executive summary: headline targets",
        "jurisdiction_pages": "Jurisdictions",
        "comparison": "Comparison across jurisdictions",
        "consistency": "Consistency and ambition",
        "appendix_methods": "Appendix A: methods",
        "appendix_sources": "Appendix B: sources",
        "gaps": "Where data is missing or only bounded",
        "failed": "Parts that failed",
        "target": "Target",
        "jurisdiction": "Jurisdiction",
        "indicator": "Indicator",
        "sector": "Sector",
        "year": "Year",
        "attains_if": "Attained if",
        "tier": "Tier",
        "latest": "Latest actual",
        "required_growth": "Required growth",
        "observed_growth": "Observed growth",
        "rate_to_go": "Rate to go",
        "eurostat": "Eurostat",
        "unsd": "UNSD",
        "destatis": "Destatis",
        "escap": "ESCAP",
        "p_attain": "P(attain)",
        "outcome": "Outcome",
        "note": "Note",
        "floor": "floor",
        "stretch": "stretch",
        "achieved": "achieved",
        "missed": "missed",
        "likely_achieved": "likely achieved",
        "likely_missed": "likely missed",
        "undetermined": "undetermined",
        "pending": "pending",
        "actual": "actual",
        "bound_lower": "lower bound (above)",
        "bound_upper": "upper bound (just below)",
        "derived_point": "derived (level ÷ (1 + reported growth), or a same-measure indicator)",
        "required_path": "path required",
        "projection": "projection (median)",
        "interval": "projection interval",
        "index": "index",
        "implied": "implied annual growth",
        "own_recorded": "own recorded growth",
        "province_recorded": "province's recorded growth",
        "source": "Source",
        "url": "URL",
        "issuer": "Issuer",
        "issued": "Date",
        "n_targets": "targets",
        "n_actuals": "actuals",
        "assessable": "assessable",
        "not_assessable": "not assessable",
        "page": "page",
        "key_findings": "Key findings",
        "what_decided": "What the record decides",
        "doubling_question": "Did they double?",
        "live_targets": "Open targets and their probabilities",
        "since_last": "Since last quarter",
        "doubling_tracker": "The doubling tracker",
        "no_base": "no exact {year} base",
        "with_evidence": "Targets with evidence",
        "no_evidence": "Targets without any figure",
        "appendix_targets": "Appendix C: every target",
        "backtest": "Backtest",
        "deciding_figure": "Deciding figure",
        "base": "Base",
        "multiple": "Multiple",
        "pace": "Pace a year",
        "required_pace": "Pace needed to double",
        "rank": "Rank",
        "published_in_quarter": "Figures published in the quarter",
        "appeared": "Targets that appeared",
        "outcomes_changed": "Outcomes that changed",
        "p_moved": "Probabilities that moved",
        "before": "Previous quarter",
        "after": "This quarter",
        "value": "Value",
        "bound": "Bound",
        "status": "Status",
        "period": "Period",
        "published": "Published",
        "source_id": "Source id",
        "parent": "Parent",
        "children_sum": "Sum of children",
        "difference": "Difference",
        "earlier": "Earlier target",
        "later": "Later target",
        "p_interval": "80 % interval",
        "model": "Model",
        "n_distinct": "distinct commitments",
        "decided": "decided",
        "kind_level": "level targets",
        "kind_growth_rate": "growth-rate targets",
        "kind_count": "count targets",
        "kind_share": "share targets",
        "kind_rate": "rate targets",
        "kind_area": "area targets",
        "kind_rank": "rank targets",
        "kind_relative": "relative targets",
        "kind_money_flow": "money-flow targets",
        "kind_other": "other targets",
    },
}


# --- the report says what the evidence says (issue 19) -------------------------------------------------------
TEXT["zh"].update(
    {
        "quiet_jurisdictions": "没有本口径数据的地区",
        "other_scope_only": "只有其他口径数据的目标",
        "other_scope_figures": "其他口径的数值（未合并）",
        "figure_ids": "数值编号",
        "sum_other_scope": "只有其他口径数据",
        "jur_counts": "目标 {n} 个（不重复的承诺 {d} 项）：有数据 {e} 项，尚在进行并有达标概率 {live} 项，"
        "只有其他口径数据 {other} 项，没有任何数据 {none} 项（完整清单见附录三）。",
        "gaps_line": "- **{name}**：{d} 项不重复的承诺中 {e} 项有已公布的本口径数值",
        "gaps_bounded": "（其中 {b} 项只有下限值）",
        "gaps_other_scope": "；{other} 项只有其他口径的数值（未合并，见各地区页）",
        "gaps_none": "；其余 {none} 项没有可查的公开数据，无法评估",
        "track_ahead": "进度快于规划所需",
        "track_behind": "进度慢于规划所需",
        "track_unclear": "因数值只是区间，无法判断快慢",
        "track_none": "规划未设目标",
        "measure": "指标",
        "span": "时段",
        "own_target": "本地规划目标",
        "plan_pace": "规划所需年增速",
        "on_track": "对照规划",
        "target_doubling": "{year}年达到{base_year}年的 {k} 倍",
        "target_level": "{year}年{value}（{base_year}年的 {k} 倍）",
        "tracker_rule": "每行只比较同一指标（规上工业营业收入）在所列时段的变化，并以该地区本身规划的目标衡量；"
        "规划没有设定该指标目标的地区不以倍增衡量。",
        "no_own_target": "规划未设该指标目标",
        "year_end": "{year}年末",
        "year_end_axis": "年度数值标在年末，月度数值标在该月末",
        "shortfall": "未达标目标的分解",
        "shortfall_none": "没有未实现、可能未实现或进度落后的目标。",
        "shortfall_no_children": "未实现、可能未实现或进度落后（达标概率低于 {threshold}）的目标 {ids} 没有设定了自身目标的下级"
        "（下属地区或分产业），无从分解。",
        "shortfall_rule": "下表列出未实现或进度落后目标的每个下级目标（下属地区同一指标、同年；或同一文件同年的分产业目标）："
        "差额为最新数值减目标值；下级本身未实现或落后，或其目标年及以后的数值低于目标，即为“未达到”。",
        "relation": "关系",
        "child_unit": "下属地区",
        "child_sector": "分产业",
        "child_target": "下级目标",
        "child": "下级",
        "child_target_value": "下级目标值",
        "gap": "差额",
        "fell_short": "未达到",
        "yes": "是",
        "no": "否",
        "mechanical_changes": "另有 {n} 项目标的状态随日历变化（例如目标年份已过仍无数据：尚在进行 → 无法判定），"
        "不是新的判定，未列出；全部见 {full}。",
        "gaps_panel": "{n} / {d} 项不重复的承诺没有任何公开数据，另有 {other} 项只有其他口径的数值（各地区见上文汇总表"
        "「{col}」「{col_other}」两列）。",
    }
)
TEXT["en"].update(
    {
        "quiet_jurisdictions": "Jurisdictions without a figure of their targets' measures",
        "other_scope_only": "Targets with figures of another scope only",
        "other_scope_figures": "Figures of another scope (not merged)",
        "figure_ids": "Figure ids",
        "sum_other_scope": "other scope only",
        "jur_counts": "{n} targets ({d} distinct commitments): {e} with evidence, {live} open with a probability, "
        "{other} with figures of another scope only, {none} without any figure (full list in Appendix C).",
        "gaps_line": "- **{name}**: {e} of {d} distinct commitments have a published figure of their measure",
        "gaps_bounded": " ({b} only as a lower bound)",
        "gaps_other_scope": "; {other} have figures of another scope only (not merged; see the jurisdiction's page)",
        "gaps_none": "; the other {none} have no public figure and cannot be assessed",
        "track_ahead": "ahead of its plan's pace",
        "track_behind": "behind its plan's pace",
        "track_unclear": "unclear (the figure is only a bound)",
        "track_none": "no target of its own",
        "measure": "Measure",
        "span": "Span",
        "own_target": "Its plan's target",
        "plan_pace": "Pace its plan needs",
        "on_track": "Against its plan",
        "target_doubling": "{k}× the {base_year} level by {year}",
        "target_level": "{value} by {year} ({k}× {base_year})",
        "tracker_rule": "Each row compares one measure (above-scale industrial revenue) over the span stated, against "
        "the jurisdiction's own plan; a jurisdiction whose plans set no target on the measure is held to none.",
        "no_own_target": "no target on this measure",
        "year_end": "end {year}",
        "year_end_axis": "a year's figure at the year's end, a month's at the month's end",
        "shortfall": "Missed targets decomposed",
        "shortfall_none": "No target is missed, likely missed or off track.",
        "shortfall_no_children": "The missed, likely missed or off-track (probability below {threshold}) targets {ids} "
        "have no children with targets of their own (units below, or sectors), so there is nothing to decompose.",
        "shortfall_rule": "Each child target of a missed or off-track target (the units below on the same indicator and "
        "year, or the sector targets of the same document and year): the gap is the latest figure minus the target; "
        "a child fell short when it is itself missed or off track, or a figure of its target year or later is below it.",
        "relation": "Relation",
        "child_unit": "unit below",
        "child_sector": "sector",
        "child_target": "Child target",
        "child": "Child",
        "child_target_value": "Child's target",
        "gap": "Gap",
        "fell_short": "Fell short",
        "yes": "yes",
        "no": "no",
        "mechanical_changes": "{n} more targets changed status with the calendar only (e.g. the target year passed "
        "without a figure: open → undetermined); no decision, not listed; every one is in {full}.",
        "gaps_panel": "{n} of {d} distinct commitments have no public figure at all, and {other} have figures of "
        "another scope only (per jurisdiction: the columns '{col}' and '{col_other}' of the summary table above).",
    }
)


def t(key: str, lang: str = "zh") -> str:
    """The interface word ``key`` in ``lang``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return TEXT[lang][key]


def jurisdiction_names(catalog, lang: str = "zh") -> dict[str, str]:
    """Code -> display name: 景德镇市 (zh) or the full English name (en)."""
    j = catalog.jurisdictions
    if lang == "zh":
        return dict(zip(j["code"].astype(str), j["name_zh"]))
    return dict(zip(j["code"].astype(str), j["name_en"]))


def indicator_names(catalog, lang: str = "zh") -> dict[str, str]:
    i = catalog.indicators
    return dict(zip(i["code"].astype(str), i["name_zh" if lang == "zh" else "name_en"]))


def sector_names(catalog, lang: str = "zh") -> dict[str, str]:
    s = catalog.sectors
    return dict(zip(s["code"].astype(str), s["name_zh" if lang == "zh" else "name_en"]))


def fmt_pct(x, digits: int = 1) -> str:
    return "" if x is None or pd.isna(x) else f"{x * 100:.{digits}f}%"


def fmt_num(x) -> str:
    if x is None or pd.isna(x):
        return ""
    x = float(x)
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.4g}"


def fmt_value(x, unit, lang: str = "zh") -> str:
    """A value in its canonical unit for display (fractions as percent)."""
    if x is None or pd.isna(x):
        return ""
    if unit == "ratio":
        return fmt_pct(x)
    if unit == "× base":
        return f"{fmt_num(x)}×"
    if lang == "en" and unit == "亿元":
        return f"{fmt_num(x / 10)} bn yuan"
    if lang == "en" and unit:
        return f"{fmt_num(x)} {unit_label(unit, 'en')}".strip()
    return f"{fmt_num(x)} {unit}" if unit else fmt_num(x)


# ---- numbers and targets by their unit (the report's edge) ------------------------------------------------------

BOUND_LABELS = {
    "zh": {"exact": "精确值", "lower": "下限（突破/超过）", "upper": "略低于（接近）", "approx": "约数（左右）"},
    "en": {"exact": "exact", "lower": "lower bound (above)", "upper": "just below", "approx": "approximate"},
}

#: a reported figure's status (actuals.csv ``status``): a projection is shown as such, never as an outcome
STATUS_LABELS = {
    "zh": {"preliminary": "初步数", "final": "最终数", "revised": "修订数", "projected": "预计数（期末前公布）"},
    "en": {
        "preliminary": "preliminary",
        "final": "final",
        "revised": "revised",
        "projected": "projected (before the period ended)",
    },
}

COMPARATOR_WORDS = {
    "zh": {">": "超过 {x}", ">=": "不低于 {x}", "=": "达到 {x}", "<=": "不超过 {x}", "~": "{x} 左右（±{tol}）"},
    "en": {
        ">": "more than {x}",
        ">=": "at least {x}",
        "=": "reach {x}",
        "<=": "at most {x}",
        "~": "about {x} (±{tol})",
    },
}

_COUNT_UNITS = {"户", "家", "个", "项", "场", "次", "所", "位"}
#: units in English (counts need none: the indicator's name says what is counted)
EN_UNITS = {
    "亿元": "100m yuan",
    "万元": "10k yuan",
    "万亿元": "trillion yuan",
    "千亿元": "100bn yuan",
    "万平方米": "10k m²",
    "平方公里": "km²",
    "亩": "mu",
    "万亩": "10k mu",
    "工作日": "working days",
    "天": "days",
    **{u: "" for u in _COUNT_UNITS},
}


def unit_label(unit: str, lang: str = "zh") -> str:
    return unit if lang == "zh" else EN_UNITS.get(unit, unit)


def bound_label(bound: str, lang: str = "zh") -> str:
    return BOUND_LABELS[lang].get(bound, bound)


def status_label(status: str, lang: str = "zh") -> str:
    return STATUS_LABELS[lang].get(status, status)


def fmt_amount(x, unit_written: str, canonical: str, lang: str = "zh", written=None) -> str:
    """A number in the unit it was written in: 8.5%, 2 个百分点 / 2 points, 1,400 亿元, 15 家, 1.2 (a ratio),
    5,000 万元 (``written``: the value as written, for money written in another unit than 亿元)."""
    if x is None or pd.isna(x):
        return ""
    x = float(x)
    from ..data.units import dimension

    if (
        written is not None
        and not pd.isna(written)
        and dimension(unit_written) == "money"
        and unit_written != canonical
    ):
        if lang == "en":
            return f"{fmt_num(x * 1e8 / 1e6)} million yuan"
        return f"{fmt_num(float(written))} {unit_written}"
    if unit_written == "%" or (canonical == "ratio" and unit_written not in ("ratio", "pp")):
        return f"{x * 100:.4g}%"
    if unit_written == "pp":
        return f"{x * 100:.4g} 个百分点" if lang == "zh" else f"{x * 100:.4g} points"
    if unit_written == "ratio":
        return f"{x:.4g}"
    if canonical in _COUNT_UNITS or unit_written in _COUNT_UNITS:
        return ((f"{x:,.0f}" if x == int(x) else f"{x:,.1f}") + f" {unit_label(canonical, lang)}").strip()
    if unit_written == "× base":
        return f"{x:g}×" if lang == "en" else f"{x:g} 倍"
    if lang == "en" and canonical == "亿元":
        return f"{fmt_num(x / 10)} bn yuan"
    return f"{fmt_num(x)} {unit_label(canonical, lang)}".strip()


def fmt_target(r, lang: str = "zh") -> str:
    """What attains a target, as the plan states it: comparator words, the number in its unit, 左右 with its
    tolerance, ranges; relative targets as a multiple of the base year."""
    from .. import config

    uw = r.get("unit_written") if hasattr(r, "get") else getattr(r, "unit_written", None)
    uw = uw if isinstance(uw, str) else str(r["unit"])
    comp = str(r["comparator"])
    if uw == "× base":
        k = r.get("value_written", r["target_value"])
        base_year = int(r["base_year"])
        return (
            f"达到 {base_year} 年的 {float(k):g} 倍"
            if lang == "zh"
            else f"at least {float(k):g}× the {base_year} level"
        )
    value = r.get("value_written_canonical", r["target_value"])
    x = fmt_amount(value, uw, str(r["unit"]), lang, r.get("value_written"))
    vh = r.get("value_high_canonical")
    if vh is not None and not pd.isna(vh):
        x = f"{fmt_amount(value, uw, str(r['unit']), lang).split(' ')[0]}–{fmt_amount(vh, uw, str(r['unit']), lang)}"
    tol = (
        (
            f"{config.APPROX_TOLERANCE_POINTS * 100:g} 个百分点"
            if lang == "zh"
            else f"{config.APPROX_TOLERANCE_POINTS * 100:g} points"
        )
        if str(r["unit"]) == "ratio" and uw != "ratio"
        else f"{config.APPROX_TOLERANCE_RELATIVE:.0%}"
    )
    return COMPARATOR_WORDS[lang].get(comp, "{x}").format(x=x, tol=tol)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_period(period: str, lang: str = "zh") -> str:
    """2021 -> 2021年 / 2021; 2024-05 -> 2024年5月 / May 2024; 2022-01..2022-06 -> 2022年1—6月 / Jan–Jun 2022."""
    p = str(period)
    try:
        if ".." in p:
            a, b = p.split("..")
            if len(a) == 4:
                return f"{a}—{b}年" if lang == "zh" else f"{a}–{b}"
            ya, ma = int(a[:4]), int(a[5:7])
            yb, mb = int(b[:4]), int(b[5:7])
            if ya == yb:
                return f"{ya}年{ma}—{mb}月" if lang == "zh" else f"{_MONTHS_EN[ma - 1]}–{_MONTHS_EN[mb - 1]} {ya}"
            return p
        if len(p) == 7:
            y, m = int(p[:4]), int(p[5:7])
            return f"{y}年{m}月" if lang == "zh" else f"{_MONTHS_EN[m - 1]} {y}"
        if len(p) == 4:
            return f"{p}年" if lang == "zh" else p
    except (ValueError, IndexError):
        pass
    return p


HIERARCHY_STATUS = {
    "zh": {
        "adds_up": "加总一致",
        "children_exceed": "下级合计超过上级",
        "children_short": "下级合计不足上级",
        "not_additive_within": "不可加总：上级值在下级范围 [{lo}, {hi}] 之内",
        "not_additive_outside": "不可加总：上级值在下级范围 [{lo}, {hi}] 之外",
        "overlapping": "不应加总（产业或集群相互重叠）",
        "overlapping_exceeds": "不应加总（产业或集群相互重叠）：其合计超过全部营业收入 {excess}",
    },
    "en": {
        "adds_up": "adds up",
        "children_exceed": "children exceed the parent",
        "children_short": "children fall short of the parent",
        "not_additive_within": "not additive: the parent lies within the children's range [{lo}, {hi}]",
        "not_additive_outside": "not additive: the parent lies outside the children's range [{lo}, {hi}]",
        "overlapping": "not meant to add (overlapping industries or clusters)",
        "overlapping_exceeds": "not meant to add (overlapping industries or clusters): their sum exceeds total "
        "revenue by {excess}",
    },
}


def hierarchy_status(row, lang: str = "zh") -> str:
    lo, hi = row.get("range_low"), row.get("range_high")
    diff = row.get("difference")
    return HIERARCHY_STATUS[lang][row["status_code"]].format(
        lo=fmt_num(lo) if lo is not None and not pd.isna(lo) else "",
        hi=fmt_num(hi) if hi is not None and not pd.isna(hi) else "",
        excess=fmt_num(diff) if diff is not None and not pd.isna(diff) else "",
    )
