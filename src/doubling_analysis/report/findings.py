"""Key findings and what changed since the last quarter: short sentences generated from the tables, in Chinese or
English, each naming the target and figure ids it rests on (so that a reader can find the row).

Findings are records (:class:`Finding`: a template code, language-neutral parameters and the ids); names, labels
and numbers are rendered per language by :func:`render`. Nothing here computes an assessment: every sentence is
read off the assessment table, the doubling tracker, the backtest summary or the change tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from .. import config
from ..codes import DECIDED
from ..data.vintage import as_of_date
from ..model.notes import render as render_notes
from . import labels as L


@dataclass(frozen=True)
class Finding:
    code: str
    params: tuple
    ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, code: str, ids=(), **params) -> Finding:
        return cls(code, tuple(sorted(params.items())), present_ids(ids))


def present_ids(ids) -> tuple[str, ...]:
    """The ids that are there: no None, no NaN (a missing id is never rendered as "nan"), no empty string."""
    return tuple(str(i) for i in ids if isinstance(i, str) and i.strip() and i.strip().lower() != "nan")


TEMPLATES = {
    "counts": {
        "en": "As of {quarter}, {n} targets are known ({distinct} distinct commitments): {decided} decided "
        "({achieved} achieved, {likely_achieved} likely achieved, {likely_missed} likely missed, {missed} "
        "missed), {undetermined} undetermined for want of a deciding figure ({other_scope} of them with figures of "
        "another scope only, not merged), {pending} still open.",
        "zh": "截至{quarter}，已发布目标 {n} 个（不重复的承诺 {distinct} 项）：已判定 {decided} 个（已实现 {achieved}、"
        "可能已实现 {likely_achieved}、可能未实现 {likely_missed}、未实现 {missed}），因缺少可判定的数值无法判定 "
        "{undetermined} 个（其中 {other_scope} 个只有其他口径的数值，未合并），尚在进行 {pending} 个。",
    },
    "decided": {
        "en": "{label}: {outcome}. Target: {target}; the deciding figure: {period}, {value} ({bound}), from "
        '"{source}".',
        "zh": "{label}：{outcome}。目标：{target}；判定依据：{period}数值 {value}（{bound}），来源：《{source}》。",
    },
    "decided_judged": {
        "en": "{label}: {outcome}. Target: {target}; the deciding figure: {period}, {value} ({bound}), from "
        '"{source}"; {judgement}.',
        "zh": "{label}：{outcome}。目标：{target}；判定依据：{period}数值 {value}（{bound}），来源：《{source}》；{judgement}。",
    },
    "doubling_ok": {
        "en": "{name}: above-scale industrial revenue in {period} was {multiple} its {base_year} level ({latest} "
        "against {base}{derived}), a pace of {pace} a year over {span}, against {required} a year its plan's "
        "{k}× by {year} needs: {verdict}.",
        "zh": "{name}：{period}规上工业营业收入为{base_year}年的 {multiple}（{latest} 对 {base}{derived}），"
        "{span}年均增长 {pace}；其规划到{year}年达到基期的 {k} 倍需年均增长 {required}：{verdict}。",
    },
    "doubling_own_target": {
        "en": "{name}: above-scale industrial revenue in {period} was {multiple} its {base_year} level ({latest} "
        "against {base}{derived}), a pace of {pace} a year over {span}; its plan sets no doubling but {target} by "
        "{year} ({k}× the base), which needs {required} a year: {verdict}.",
        "zh": "{name}：{period}规上工业营业收入为{base_year}年的 {multiple}（{latest} 对 {base}{derived}），"
        "{span}年均增长 {pace}；其规划没有倍增目标，而是{year}年{target}（基期的 {k} 倍），需年均增长 {required}：{verdict}。",
    },
    "doubling_no_target": {
        "en": "{name}: above-scale industrial revenue in {period} was {multiple} its {base_year} level ({latest} "
        "against {base}{derived}), a pace of {pace} a year over {span}; its plans set no target on this measure, "
        "so no pace is required of it.",
        "zh": "{name}：{period}规上工业营业收入为{base_year}年的 {multiple}（{latest} 对 {base}{derived}），"
        "{span}年均增长 {pace}；其规划没有设定该指标的目标，因此不以任何增速衡量。",
    },
    "doubling_no_base": {
        "en": "{name}: the doubling cannot be measured: no exact {base_year} figure of above-scale industrial "
        "revenue is published{latest}.",
        "zh": "{name}：无法衡量倍增进度：没有公布{base_year}年规上工业营业收入的确切数值{latest}。",
    },
    "doubling_no_latest": {
        "en": "{name}: the {base_year} base is {base}, but no later figure is published.",
        "zh": "{name}：{base_year}年基数为 {base}，但其后没有公布数值。",
    },
    "live": {
        "en": "{label}: probability of attainment {p} (target {target}).",
        "zh": "{label}：达标概率 {p}（目标为 {target}）。",
    },
    "no_live": {
        "en": "No target is still open at {quarter}: every target year has passed, so no probability is stated.",
        "zh": "截至{quarter}，所有目标年份均已过去，没有尚在进行的目标，因此不给出达标概率。",
    },
    "no_live_nowcast": {
        "en": "No target is still open at {quarter}; those whose year has passed and whose figure is not yet "
        "published keep a nowcast probability:",
        "zh": "截至{quarter}，没有尚在进行的目标；目标年已过而数据尚未公布的目标保留即时预测的达标概率：",
    },
    "nowcast": {
        "en": "{label}: the year {year} has passed and its figure is not yet published: nowcast probability {p} "
        "(target {target}), not an outcome.",
        "zh": "{label}：{year}年已过而数据尚未公布：即时预测达标概率 {p}（目标为 {target}），并非结果。",
    },
    "calibration": {
        "en": "The probabilities come from the calibrated model; in the backtest (each forecast made with what "
        "was published at its origin, scored per target and per series, with intervals over them) {claim_en}",
        "zh": "达标概率来自经校准的模型。回测（每个预测只使用其起点时已公布的数据，按目标与序列计分并给出区间）中，"
        "{claim_zh}",
    },
    "no_news": {
        "en": "Nothing new in {quarter}: no figure was published and no document issued, so the assessment "
        "equals that of {previous}.",
        "zh": "{quarter}没有新信息：没有新公布的数值，也没有新发布的文件，评估结果与{previous}相同。",
    },
    "news": {
        "en": "In {quarter}: {n_published} figure(s) published, {n_appeared} target(s) appeared, {n_outcomes} "
        "outcome(s) decided or a decision withdrawn, {n_moved} probability(ies) moved by {threshold} or more.",
        "zh": "{quarter}：新公布数值 {n_published} 个，新出现目标 {n_appeared} 个，新判定或撤销判定的结果 {n_outcomes} 个，"
        "达标概率变动 {threshold} 以上的 {n_moved} 个。",
    },
    "no_news_calendar": {
        "en": "Nothing new in {quarter}: no figure was published and no document issued; {n} target(s) changed "
        "status only because their target year passed (no decision).",
        "zh": "{quarter}没有新信息：没有新公布的数值，也没有新发布的文件；{n} 个目标仅因目标年份已过而改变状态"
        "（不是新的判定）。",
    },
    "outcome_changed": {"en": "{label}: {before} → {after}.", "zh": "{label}：{before} → {after}。"},
    "p_moved": {"en": "{label}: probability {before} → {after}.", "zh": "{label}：达标概率 {before} → {after}。"},
}


@dataclass
class Names:
    """Everything a sentence needs to name things in one language."""

    lang: str
    jurisdictions: dict
    indicators: dict
    sectors: dict
    sources: dict

    @classmethod
    def of(cls, catalog, lang: str) -> Names:
        s = catalog.sources
        title = s["title_zh"] if lang == "zh" else s["title_en"]
        return cls(
            lang,
            L.jurisdiction_names(catalog, lang),
            L.indicator_names(catalog, lang),
            L.sector_names(catalog, lang),
            dict(zip(s["source_id"].astype(str), title)),
        )

    def target_label(self, r) -> str:
        sector = (
            f" · {self.sectors.get(r['sector'], r['sector'])}" if isinstance(r["sector"], str) and r["sector"] else ""
        )
        j = self.jurisdictions.get(r["jurisdiction_code"], r["jurisdiction_code"])
        ind = self.indicators.get(r["indicator_code"], r["indicator_code"])
        year = f"{int(r['target_year'])}年" if self.lang == "zh" else f"{int(r['target_year'])}"
        return f"{j} · {ind}{sector} · {year}"


# ---- the groups of targets every page counts ------------------------------------------------------------------

#: a counted target's group: a figure of its own measure (or a decided outcome), open with a probability, only
#: figures of another scope (noted by the assessment, never merged), or no figure at all
TARGET_GROUPS = ("evidence", "live", "other_scope", "none")


def other_scope_ids(notes) -> list[str]:
    """The ids of the figures of another scope the assessment noted for a target (its ``other_scope`` notes)."""
    if not isinstance(notes, (list, tuple)):
        return []
    return [str(dict(n.params)["actual_id"]) for n in notes if getattr(n, "code", "") == "other_scope"]


def target_groups(table: pd.DataFrame) -> pd.Series:
    """Each row's group (:data:`TARGET_GROUPS`); None for a restatement (``counted`` false). The one place the
    report decides which targets "have data": every page, table and sentence counts with it. An open target with a
    probability and a figure is in "evidence" (it is also live: :func:`jurisdiction_counts` counts it in both)."""
    counted = table["counted"].astype(bool) if "counted" in table else pd.Series(True, index=table.index)
    out = table["outcome"]
    evidence = out.isin(DECIDED) | table["latest_value"].notna()
    live = ~evidence & (out == "pending") & table["p_attain"].notna()
    notes = table["notes"] if "notes" in table else pd.Series([()] * len(table), index=table.index, dtype=object)
    other = ~evidence & ~live & notes.map(lambda n: bool(other_scope_ids(n))).astype(bool)
    group = pd.Series("none", index=table.index, dtype=object)
    group[other] = "other_scope"
    group[live] = "live"
    group[evidence] = "evidence"
    return group.where(counted, None)


COUNT_COLUMNS = (
    "targets",
    "with_evidence",
    "achieved",
    "missed",
    "live",
    "other_scope",
    "without_figure",
    "lower_bound_only",
)


def jurisdiction_counts(table: pd.DataFrame, codes=None) -> pd.DataFrame:
    """Per jurisdiction (in the order of ``codes``; default: of the table): distinct targets, with evidence,
    achieved or likely, missed or likely, live, with figures of another scope only, without any figure, and those
    with evidence whose latest figure is only a lower bound. From :func:`target_groups`, in one pass."""
    g = target_groups(table)
    out = table["outcome"]
    flags = pd.DataFrame(
        {
            "targets": g.notna(),
            "with_evidence": g == "evidence",
            "achieved": (g == "evidence") & out.isin(("achieved", "likely_achieved")),
            "missed": (g == "evidence") & out.isin(("missed", "likely_missed")),
            "live": g.notna() & (out == "pending") & table["p_attain"].notna(),  # with evidence or without
            "other_scope": g == "other_scope",
            "without_figure": g == "none",
            "lower_bound_only": (g == "evidence") & (table["latest_bound"] == "lower"),
        }
    ).astype(int)
    keys = table["jurisdiction_code"].astype(str).to_numpy()
    counts = flags.groupby(keys, sort=False).sum()
    order = [str(c) for c in codes] if codes is not None else list(dict.fromkeys(keys))
    return counts.reindex(order, fill_value=0)[list(COUNT_COLUMNS)]


def render(f: Finding, lang: str) -> str:
    text = TEMPLATES[f.code][lang].format(**dict(f.params))
    return text + (f" [{', '.join(f.ids)}]" if f.ids else "")


def _pct(x) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.1%}"


def _counts(table: pd.DataFrame, quarter: str) -> Finding:
    """The counts sentence: targets, distinct commitments and their outcomes; of the undetermined, those with
    figures of another scope only (:func:`target_groups`, the grouping every page uses)."""
    distinct = int(table["counted"].astype(bool).sum()) if "counted" in table else len(table)
    counted = table[table["counted"].astype(bool)] if "counted" in table else table
    cc = counted["outcome"].value_counts()
    other = (
        int(((target_groups(table) == "other_scope") & (table["outcome"] == "undetermined")).sum()) if len(table) else 0
    )
    return Finding.of(
        "counts",
        quarter=quarter,
        n=len(table),
        distinct=distinct,
        decided=int(sum(cc.get(o, 0) for o in DECIDED)),
        other_scope=other,
        **{o: int(cc.get(o, 0)) for o in DECIDED + ("undetermined", "pending")},
    )


def decided_findings(table: pd.DataFrame, catalog, names: Names) -> list[Finding]:
    """One sentence per decided commitment (restatements left out), the deciding figure and its source; a
    second sentence with the judgement when the decision rests on one."""
    lang = names.lang
    out = []
    rows = table[table["outcome"].isin(DECIDED) & table["counted"].astype(bool)]
    order = {o: i for i, o in enumerate(DECIDED)}
    rows = rows.assign(_o=rows["outcome"].map(order)).sort_values(["_o", "target_id"])
    from ..data.vintage import vintages

    v = vintages(catalog)  # revisions applied: a derived revised figure (ar010+ar013) has a row too
    both = pd.concat([v.ranked["value"], v.ranked["growth"]])
    actuals = both[~both["actual_id"].astype(str).duplicated()].set_index("actual_id")
    kinds = dict(zip(catalog.indicators["code"].astype(str), catalog.indicators["kind"].astype(str)))
    for _, r in rows.iterrows():
        ids = str(r["outcome_ids"] or "").split()
        first = ids[0] if ids else None
        a = actuals.loc[first] if first in actuals.index else None
        growth = kinds.get(r["indicator_code"]) == "growth_rate"
        if a is None:
            value, bound = "", ""
        elif growth:
            value, bound = L.fmt_pct(a["growth"]), L.bound_label(str(a["growth_bound"]), lang)
        else:
            value, bound = L.fmt_value(a["value"], r["unit"], lang), L.bound_label(str(a["bound"]), lang)
        source = names.sources.get(str(a["source_id"]), str(a["source_id"])) if a is not None else ""
        out.append(
            Finding.of(
                "decided",
                ids=(r["target_id"], *ids),
                label=names.target_label(r),
                outcome=L.t(r["outcome"], lang),
                target=L.fmt_target(r, lang),
                period=L.fmt_period(a["period"], lang) if a is not None else "",
                value=value,
                bound=bound,
                source=source,
            )
        )
        judgements = [n for n in (r.get("notes") or ()) if n.code.startswith("judgement_")]
        if judgements:
            last = out.pop()
            params = dict(last.params)
            params["judgement"] = render_notes(judgements, lang)
            out.append(Finding("decided_judged", tuple(sorted(params.items())), last.ids))
    return out


def _doubling_ok(s, name: str, ids: tuple, lang: str) -> Finding:
    """A measured row: its multiple and pace over its span, against its own plan's target (or none)."""
    derived = ""
    if s["base_derived"]:
        derived = (
            "，基数由当年报告的水平值与可比增速推算"
            if lang == "zh"
            else ", base derived from a reported level and its comparable growth"
        )
    mult = f"{s['multiple']:.2f}" + ("倍" if lang == "zh" else "×")
    qualifier = {
        "lower": ("至少 ", "at least "),
        "upper": ("略低于 ", "just below "),
        "approx": ("约 ", "about "),
    }.get(s["latest_bound"])
    if qualifier:
        mult = qualifier[0 if lang == "zh" else 1] + mult
    kind = s.get("target_kind", "doubling")
    code = {"doubling": "doubling_ok", "level": "doubling_own_target"}.get(kind, "doubling_no_target")
    params = dict(
        name=name,
        period=L.fmt_period(s["latest_period"], lang),
        multiple=mult,
        base_year=int(s["base_year"]),
        latest=L.fmt_value(s["latest_value"], "亿元", lang),
        base=L.fmt_value(s["base_value"], "亿元", lang),
        derived=derived,
        pace=_pct(s["pace"]),
        span=s.get("span") or f"{int(s['base_year'])}–{s['latest_period']}",
    )
    if code != "doubling_no_target":
        params.update(
            required=_pct(s["required_pace"]),
            year=int(s["target_year"]),
            k=f"{s['target_multiple']:.2f}".rstrip("0").rstrip("."),
            verdict=L.t("track_" + str(s.get("on_track") or "unclear"), lang),
        )
    if code == "doubling_own_target":
        params["target"] = L.fmt_value(s["target_level"], "亿元", lang)
    return Finding.of(code, ids=ids + tuple(dict.fromkeys((s["base_id"], s["latest_id"]))), **params)


def doubling_findings(summary: pd.DataFrame, names: Names) -> list[Finding]:
    lang = names.lang
    out = []
    for _, s in summary.iterrows():
        name = names.jurisdictions.get(s["jurisdiction_code"], s["jurisdiction_code"])
        ids = tuple(str(s["target_ids"]).split()) if isinstance(s["target_ids"], str) else ()
        if s["status"] == "ok":
            out.append(_doubling_ok(s, name, ids, lang))
        elif s["status"] == "no_base":
            latest = ""
            if isinstance(s["latest_period"], str):
                v = ("> " if s["latest_bound"] == "lower" else "") + L.fmt_value(s["latest_value"], "亿元", lang)
                latest = (
                    f"（仅有{L.fmt_period(s['latest_period'], lang)} {v}）"
                    if lang == "zh"
                    else f" (only {L.fmt_period(s['latest_period'], lang)}: {v})"
                )
            out.append(
                Finding.of(
                    "doubling_no_base",
                    ids=ids + ((s["latest_id"],) if isinstance(s["latest_id"], str) else ()),
                    name=name,
                    base_year=int(s["base_year"]),
                    latest=latest,
                )
            )
        else:
            out.append(
                Finding.of(
                    "doubling_no_latest",
                    ids=ids + (s["base_id"],),
                    name=name,
                    base_year=int(s["base_year"]),
                    base=L.fmt_value(s["base_value"], "亿元", lang),
                )
            )
    return out


def live_findings(
    table: pd.DataFrame, names: Names, quarter: str, backtest_summary: dict | None, limit: int = 8
) -> list[Finding]:
    with_p = table["p_attain"].notna() & table["counted"].astype(bool)
    live = table[(table["outcome"] == "pending") & with_p]
    # after the target year, until its figure is published, the assessment keeps a nowcast p (issue 19)
    nowcast = table[(table["outcome"] == "undetermined") & with_p]
    out = []
    if live.empty:
        out.append(Finding.of("no_live_nowcast" if len(nowcast) else "no_live", quarter=quarter))
    for code, rows in (("live", live), ("nowcast", nowcast)):
        for _, r in rows.sort_values("p_attain", ascending=False).head(limit).iterrows():
            out.append(
                Finding.of(
                    code,
                    ids=(r["target_id"], r["latest_actual_id"]),
                    label=names.target_label(r),
                    p=f"{r['p_attain']:.2f}",
                    target=L.fmt_target(r, names.lang),
                    year=int(r["target_year"]),
                )
            )
    if backtest_summary:
        from ..model.backtest import calibration_claim

        claims = {f"claim_{lang}": calibration_claim(backtest_summary, lang) for lang in ("en", "zh")}
        out.append(Finding.of("calibration", **claims))
    return out


# ---- since last quarter ---------------------------------------------------------------------------------------


def previous_quarter(quarter: str) -> str:
    return str(pd.Period(quarter, "Q") - 1)


@dataclass
class Changes:
    quarter: str
    previous: str
    published: pd.DataFrame  # figures published in the quarter
    appeared: pd.DataFrame  # targets whose document was issued in the quarter
    outcomes: pd.DataFrame  # decisions: outcomes that changed to or from a decided one (:func:`is_decision`)
    moved: pd.DataFrame  # probabilities that moved by config.P_CHANGE_REPORTED or more
    #: status transitions that are no decision (an open target whose year passed without a figure: pending ->
    #: undetermined): counted and saved, never listed as a change
    mechanical: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def empty(self) -> bool:
        return self.published.empty and self.appeared.empty and self.outcomes.empty and self.moved.empty


def is_decision(before: pd.Series, after: pd.Series) -> pd.Series:
    """A change of outcome is substantive when a figure decides the target (the outcome after is decided) or a
    decision is withdrawn (the outcome before was); a move between open, undetermined and not assessable is the
    calendar's doing (a target year passing), not news."""
    return (after.isin(DECIDED) | before.isin(DECIDED)).astype(bool)


def changes(catalog, quarter: str, now: pd.DataFrame, before: pd.DataFrame) -> Changes:
    """The assessment as of ``quarter`` against the previous quarter's."""
    prev = previous_quarter(quarter)
    start, end = as_of_date(prev), as_of_date(quarter)
    from ..data.vintage import available_date

    a = catalog.actuals
    known = available_date(a)  # a figure with no publication date counts from its assumed date (period end + lag)
    pub = a[((known > start) & (known <= end)).fillna(False).astype(bool)]
    published = pd.DataFrame(
        {
            "actual_id": pub["actual_id"].astype(str),
            "jurisdiction_code": pub["jurisdiction_code"].astype(str),
            "indicator_code": pub["indicator_code"].astype(str),
            "sector": pub["sector"].astype(object),
            "period": pub["period"],
            "value": pub["value"].astype(float),
            "unit": pub["unit"],
            "bound": pub["bound"].astype(object),
            "growth": pub["growth"].astype(float),
            "status": pub["status"].astype(str),
            "published": pub["published"].fillna(known[pub.index].dt.strftime("%Y-%m-%d") + " (assumed)"),
        }
    ).reset_index(drop=True)
    appeared = now[~now["target_id"].isin(before["target_id"])][
        ["target_id", "jurisdiction_code", "indicator_code", "sector", "target_year", "source_id"]
    ]
    both = now.merge(before[["target_id", "outcome", "p_attain"]], on="target_id", suffixes=("", "_before"))
    changed = both[both["outcome"] != both["outcome_before"]]
    decision = is_decision(changed["outcome_before"], changed["outcome"])
    outcomes, mechanical = changed[decision], changed[~decision]
    dp = (both["p_attain"] - both["p_attain_before"]).abs()
    moved = both[dp >= config.P_CHANGE_REPORTED]
    return Changes(
        quarter,
        prev,
        published,
        appeared.reset_index(drop=True),
        outcomes.reset_index(drop=True),
        moved.reset_index(drop=True),
        mechanical.reset_index(drop=True),
    )


def change_findings(ch: Changes, names: Names, limit: int = 5) -> list[Finding]:
    lang = names.lang
    if ch.empty:
        if len(ch.mechanical):
            return [Finding.of("no_news_calendar", quarter=ch.quarter, n=len(ch.mechanical))]
        return [Finding.of("no_news", quarter=ch.quarter, previous=ch.previous)]
    out = [
        Finding.of(
            "news",
            quarter=ch.quarter,
            n_published=len(ch.published),
            n_appeared=len(ch.appeared),
            n_outcomes=len(ch.outcomes),
            n_moved=len(ch.moved),
            threshold=f"{config.P_CHANGE_REPORTED:.0%}",
        )
    ]
    for _, r in ch.outcomes.head(limit).iterrows():
        out.append(
            Finding.of(
                "outcome_changed",
                ids=(r["target_id"], *present_ids(str(r.get("outcome_ids")).split())),
                label=names.target_label(r),
                before=L.t(r["outcome_before"], lang),
                after=L.t(r["outcome"], lang),
            )
        )
    moved = ch.moved.assign(_d=(ch.moved["p_attain"] - ch.moved["p_attain_before"]).abs()).sort_values(
        "_d", ascending=False
    )
    for _, r in moved.head(limit).iterrows():
        out.append(
            Finding.of(
                "p_moved",
                ids=(r["target_id"], r.get("latest_actual_id")),
                label=names.target_label(r),
                before=f"{r['p_attain_before']:.2f}",
                after=f"{r['p_attain']:.2f}",
            )
        )
    return out


def key_findings(
    catalog,
    quarter: str,
    table: pd.DataFrame,
    tracker_summary: pd.DataFrame,
    ch: Changes | None,
    backtest_summary: dict | None,
    lang: str,
) -> dict[str, list[Finding]]:
    """The findings of the report's first section, by heading."""
    names = Names.of(catalog, lang)
    return {
        "decided": [_counts(table, quarter)] + decided_findings(table, catalog, names),
        "doubling": doubling_findings(tracker_summary, names),
        "live": live_findings(table, names, quarter, backtest_summary),
        "changes": change_findings(ch, names) if ch is not None else [],
    }
