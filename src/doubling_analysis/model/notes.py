"""Notes of the assessment as codes with parameters, rendered in Chinese or English only at the edge.

A :class:`Note` is ``(code, params)``; :func:`render` turns a sequence of notes into text in one language from the
templates in :data:`TEMPLATES`. The table keeps the notes themselves (column ``notes``) and an English rendering
(column ``note``) for the CSV and the command line; views render ``notes`` in the reader's language. Adding a note
means adding one template here (a test checks every code the assessment writes has both languages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    code: str
    params: tuple[tuple[str, object], ...] = field(default=())

    @classmethod
    def of(cls, code: str, **params: object) -> Note:
        return cls(code, tuple(sorted(params.items())))

    def text(self, lang: str = "en") -> str:
        template = TEMPLATES[self.code][lang]
        return template.format(**dict(self.params))


#: code -> {"en": template, "zh": template}; parameters are pre-formatted strings or numbers
TEMPLATES: dict[str, dict[str, str]] = {
    # why a row cannot be assessed
    "na_applies_to": {
        "en": "not assessable: applies to {who}; needs figures for each unit",
        "zh": "不可评估：目标适用于特定单位（见目标说明），需要分单位数据",
    },
    "na_flow_per": {
        "en": "not assessable: a per-{per} target; no actuals of this flow for each {per}",
        "zh": "不可评估：按{per_zh}考核的目标，没有分{per_zh}的流量实际值",
    },
    "na_period_total": {
        "en": "not assessable: a total over the plan period; no actuals of this flow over the period",
        "zh": "不可评估：规划期累计目标，没有规划期内该流量的实际值",
    },
    "na_no_actual": {
        "en": "not assessable: no actual of {what} for {jur} known by the as-of date",
        "zh": "不可评估：截至评估日没有 {jur} 的 {what_zh} 已公布实际值",
    },
    "na_relative_no_base": {
        "en": "not assessable: relative target ({k} × {base_year} {series}); no {base_year} actual of {series} known",
        "zh": "不可评估：相对目标（{k} × {base_year} 年 {series}），没有 {base_year} 年实际值",
    },
    "na_actuals_after": {
        "en": "not assessable: actuals start after {year}",
        "zh": "不可评估：实际值始于 {year} 年之后",
    },
    "na_per_year_none": {
        "en": "not assessable: no annual figure of this indicator for {span}",
        "zh": "不可评估：{span} 年间没有该指标的年度数值",
    },
    # resolution
    "resolved_relative": {
        "en": "resolved: {k} × {base_year} {series} {base} = {value}",
        "zh": "目标换算：{k} × {base_year} 年 {series} {base} = {value}",
    },
    "relative_bounded_base": {
        "en": "the base is a bound ({base_bound}): the threshold lies in {range}",
        "zh": "基期值为区间值（{base_bound}）：目标门槛位于 {range}",
    },
    "restates": {
        "en": "restates {other} (same commitment; counted once)",
        "zh": "与 {other} 为同一承诺的重复表述（只计一次）",
    },
    # evidence and outcomes
    "outcome_from": {
        "en": "outcome from {period} {value} ({bound}, {actual_id})",
        "zh": "结果依据 {period} 数值 {value}（{bound_zh}，{actual_id}）",
    },
    "outcome_none": {"en": "no {year} actual known: outcome undetermined", "zh": "没有 {year} 年实际值：结果无法判定"},
    "judgement_concordance": {
        "en": "judgement: {series_en} of {from_year} is measured by {other_en} ({reason})",
        "zh": "判断：以{other_zh}衡量 {from_year} 年的{series_zh}（{reason_zh}）",
    },
    "judgement_stock": {
        "en": "judgement: the stock at {period} ({gap} months from the end of {year}) stands for "
        "the year end, allowing {drift} change",
        "zh": "判断：以 {period} 的存量代表 {year} 年末（相差 {gap} 个月，允许 {drift} 的变动）",
    },
    "concordance_bound": {
        "en": "{other_en} {value} bounds {series_en} from {side} (one includes the other): it decides {verdict}",
        "zh": "{other_zh} {value} 为{series_zh}的{side_zh}（二者为包含关系）：据此判定{verdict_zh}",
    },
    "concordance_growth_no_bound": {
        "en": "the growth of {other}, which includes or is included in the target's measure, gives no bound: "
        "likely at most",
        "zh": "{other} 与目标指标为包含关系，其增速不构成界限：至多判定“可能”",
    },
    "judgement_beyond_record": {
        "en": "judgement: can no longer have been met: from {period} {value} ({actual_id}) to {need} in {year} "
        "needs {rate} a year, beyond {factor} × the highest annual growth in the record of its class ({cap}: "
        "{series} {cap_from} to {cap_to}, {cap_id})",
        "zh": "判断：已无法实现：由 {period} 的 {value}（{actual_id}）到 {year} 年的 {need} 需年均增长 {rate}，"
        "超过同类指标记录中最高年增速（{cap}：{series} {cap_from} 至 {cap_to}，{cap_id}）的 {factor} 倍",
    },
    "no_final": {"en": "no {year} actual known", "zh": "没有 {year} 年实际值"},
    "judgement_contested": {
        "en": "judgement: contested: one unit alone reports as many as or more than {period} {value} ({actual_id}): "
        "{named}",
        "zh": "判断：数据有冲突：单个下级单位所报数值即不少于 {period} 的 {value}（{actual_id}）：{named}",
    },
    "projected_no_outcome": {
        "en": "a projection ({period} {value}, {actual_id}) published before its period ended never decides an outcome",
        "zh": "期末之前公布的预计数（{period} 数值 {value}，{actual_id}）不作为判定结果的依据",
    },
    "existential_met": {
        "en": "at least one unit attains it: {unit} {period} {value} ({actual_id})",
        "zh": "至少一个单位达标：{unit} {period} 数值 {value}（{actual_id}）",
    },
    "universal_missed": {
        "en": "one unit misses it: {unit} {period} {value} ({actual_id})",
        "zh": "有单位未达标：{unit} {period} 数值 {value}（{actual_id}）",
    },
    "units_only": {
        "en": "applies to {who}: judged on the units' figures ({n} unit(s) with figures), no probability",
        "zh": "目标适用于多个单位：按各单位数值判定（{n} 个单位有数值），不计算概率",
    },
    "other_scope": {
        "en": "a figure of another scope exists and is not merged: {other_en} {period} {value} ({actual_id})",
        "zh": "存在口径不同的数值，未合并：{other_zh} {period} 数值 {value}（{actual_id}）",
    },
    "per_year_growth": {
        "en": "average annual growth over {span}: {have} of {n} years reported",
        "zh": "{span} 年均增速：{n} 年中已公布 {have} 年",
    },
    "per_year_flow": {
        "en": "a per-year target, {span}: {have} of {n} years reported, attained in {met}",
        "zh": "每年目标（{span}）：{n} 年中已公布 {have} 年，其中达标 {met} 年",
    },
    "per_year_no_p": {"en": "per-year targets get no probability", "zh": "每年目标不计算达标概率"},
    # growth arithmetic
    "start_later": {
        "en": "no {base_year} (base-year) actual: the earliest later actual, {period} {value}, is the "
        "starting point of growth and progress",
        "zh": "没有 {base_year} 年（基期）实际值：以其后最早的实际值（{period} 年 {value}）为增长与进展的起点",
    },
    "implied_base": {
        "en": "base {base_year} implied by the plan: {level} / (1 + {growth}) = {value} ({ids})",
        "zh": "基期 {base_year} 年值由规划推算：{level} / (1 + {growth}) = {value}（{ids}）",
    },
    "bound_not_base": {
        "en": "the base-year figure {period} is a bound ({actual_id}): not used as a base",
        "zh": "基期数值 {period} 为区间值（{actual_id}），不作为基数",
    },
    "one_point": {
        "en": "only one actual ({period}) since the base year {base_year}: progress methods need two",
        "zh": "基期 {base_year} 年以来只有一个实际值（{period}）：进展方法需要两个",
    },
    "no_point_after_base": {
        "en": "no actual after the base year {base_year}: progress methods need two points",
        "zh": "基期 {base_year} 年之后没有实际值：进展方法需要两个点",
    },
    "latest_lower": {
        "en": "latest actual is a lower bound: the rate to go is at most this",
        "zh": "最新实际值为下限：剩余所需增速至多为此值",
    },
    "already_met": {
        "en": "the latest actual already attains the target: no rate to go",
        "zh": "最新实际值已达到目标：无需剩余增速",
    },
    "growth_target": {
        "en": "growth-rate target: judged by the year's reported growth",
        "zh": "增速目标：按当年公布的增速判定",
    },
    "year_passed": {
        "en": "the target year has passed: the outcome replaces the progress categories",
        "zh": "目标年已过：以结果代替进展分类",
    },
    # probability
    "p_projection": {
        "en": "the official projection {actual_id} ({value}) weighs the model's paths by its learned error; a "
        "projection is evidence, never an outcome",
        "zh": "官方预计数 {actual_id}（{value}）按其误差对模型路径加权；预计数只作证据，不作结果",
    },
    "p_nowcast_after_year": {
        "en": "the target year {year} has ended and its figure is not yet published: p is a nowcast from the "
        "figures known at the as-of date, not an outcome",
        "zh": "目标年{year}年已结束而其数据尚未公布：概率为据截至评估日已知数据的即时预测，并非结果",
    },
    "p_start_range": {
        "en": "the start is a bound ({bound}): the probability integrates over {range}",
        "zh": "起点为区间值（{bound_zh}）：概率按 {range} 的范围积分",
    },
    "p_none": {"en": "no probability: {why}", "zh": "不计算概率：{why}"},
}

PER_ZH = {"quarter": "季度", "month": "月", "year": "年"}
BOUND_ZH = {"exact": "精确值", "lower": "下限", "upper": "上限（接近）", "approx": "约数"}


def render(notes: Iterable[Note] | float | None, lang: str = "en") -> str:
    """Notes as one line of text in ``lang`` (parts joined by '; ')."""
    if notes is None or isinstance(notes, float):
        return ""
    return ("；" if lang == "zh" else "; ").join(n.text(lang) for n in notes)
