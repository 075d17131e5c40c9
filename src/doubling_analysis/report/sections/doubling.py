"""Section 3: the doubling tracker (its table and its chart) and, under it, the missed-target decomposition."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ... import config
from .. import labels as L
from ..presentation import heading_html
from .common import Shown, Tables, indicator, shown, shown_of, table_html
from .data import ReportData

_DERIVED_NOTE = {
    "zh": "* 基数由当年报告的水平值与可比口径增速推算（水平值 ÷ (1 + 增速)），可比增速可能高估水平变化。",
    "en": "* base derived from a reported level and its comparable-enterprise growth (level ÷ (1 + growth)); "
    "comparable growth may overstate the change in the level.",
}


@dataclass(frozen=True)
class TrackerSection:
    """One row per jurisdiction (None: no jurisdiction is tracked) and whether some base is derived."""

    table: Shown | None
    derived: bool
    tables: Tables


def own_target(r, lang: str) -> str:
    """The target a tracker row is held to, with its ids ("" when its plans set none)."""
    kind = r["target_kind"]
    if kind not in ("doubling", "level"):
        return L.t("no_own_target", lang)
    m = r["target_multiple"]
    k = "" if pd.isna(m) else f"{m:.2f}".rstrip("0").rstrip(".")
    text = L.t("target_" + kind, lang).format(
        year=int(r["target_year"]),
        base_year=int(r["base_year"]),
        k=k or "?",
        value=L.fmt_value(r["target_level"], "亿元", lang) if kind == "level" else "",
    )
    return f"{text} ({r['target_ids']})"


def _latest(p, v, b, i, lang: str) -> str:
    if pd.isna(v):
        return ""
    return f"{L.fmt_period(p, lang)}: " + ("> " if b == "lower" else "") + L.fmt_value(v, "亿元", lang) + f" ({i})"


def _tracker_frame(d: ReportData, s: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return pd.DataFrame(
        {
            L.t("jurisdiction", lang): s["jurisdiction_code"].map(d.names.jurisdictions),
            L.t("measure", lang): [
                indicator(d, m, None) + (f" ({v})" if isinstance(v, str) and v else "")
                for m, v in zip(s["measure"], s["via"])
            ],
            L.t("span", lang): s["span"].fillna(""),
            L.t("base", lang): [
                ("" if pd.isna(v) else L.fmt_value(v, "亿元", lang) + (" *" if d_ else "") + f" ({i})")
                for v, d_, i in zip(s["base_value"], s["base_derived"], s["base_id"])
            ],
            L.t("latest", lang): [
                _latest(p, v, b, i, lang)
                for p, v, b, i in zip(s["latest_period"], s["latest_value"], s["latest_bound"], s["latest_id"])
            ],
            L.t("multiple", lang): s["multiple"].map(lambda m: "" if pd.isna(m) else f"{m:.2f}×"),
            L.t("pace", lang): s["pace"].map(L.fmt_pct),
            L.t("own_target", lang): [own_target(r, lang) for _, r in s.iterrows()],
            L.t("plan_pace", lang): s["required_pace"].map(L.fmt_pct),
            L.t("on_track", lang): [L.t("track_" + str(x), lang) if isinstance(x, str) else "" for x in s["on_track"]],
        }
    )


def section_tracker(d: ReportData) -> TrackerSection:
    """One row per jurisdiction: one measure over a stated span, against its own plan's target (or none)."""
    s = d.tracker_summary
    if s.empty:
        return TrackerSection(None, False, {})
    derived = bool(s["base_derived"].fillna(False).astype(bool).any())
    return TrackerSection(shown(d, _tracker_frame(d, s), "doubling_summary"), derived, {"doubling_summary": s})


def render_tracker(s: TrackerSection, lang: str) -> str:
    parts = [heading_html(L.t("doubling_tracker", lang), "tracker")]
    if s.table is None:
        return "".join(parts)
    parts.append(f"<p class='small'>{html.escape(L.t('tracker_rule', lang))}</p>")
    parts.append(table_html(s.table, lang))
    if s.derived:
        parts.append("<p class='small'>" + html.escape(_DERIVED_NOTE["zh" if lang == "zh" else "en"]) + "</p>")
    return "".join(parts)


@dataclass(frozen=True)
class TrackerChart:
    """The panels the chart draws (every panel, or of a larger panel than ``config.REPORT_CHART_PANELS`` the
    fastest and the slowest half each), the statement of that selection ("" none) and the jurisdictions' names."""

    points: pd.DataFrame
    summary: pd.DataFrame
    note: str
    names: dict
    tables: Tables


def section_tracker_chart(d: ReportData) -> TrackerChart:
    s, n = d.tracker_summary, config.REPORT_CHART_PANELS
    tables = {"doubling_tracker": d.tracker_points}
    if len(s) <= n:
        return TrackerChart(d.tracker_points, s, "", d.names.jurisdictions, tables)
    ranked = s[s["status"] == "ok"].sort_values("pace", ascending=False, kind="stable")
    if len(ranked) < n:
        ranked = pd.concat([ranked, s[s["status"] != "ok"]]).iloc[:n]
    else:
        ranked = pd.concat([ranked.iloc[: n // 2], ranked.iloc[len(ranked) - (n - n // 2) :]])
    codes = set(ranked["jurisdiction_code"])
    points = d.tracker_points[d.tracker_points["jurisdiction_code"].isin(codes)]
    note = shown_of(d, len(ranked), len(s), L.t("fastest_slowest", d.lang), "doubling_summary")
    return TrackerChart(points, ranked, note, d.names.jurisdictions, tables)


def render_tracker_chart(s: TrackerChart, lang: str):
    """The small multiples (a matplotlib figure; None when nothing is tracked)."""
    from ..plots import doubling_tracker_chart

    if not s.note:
        return doubling_tracker_chart(s.points, s.summary, s.names, lang)
    return doubling_tracker_chart(s.points, s.summary, s.names, lang, note=s.note)


@dataclass(frozen=True)
class ShortfallSection:
    """``none``: no target is missed or off track. Otherwise the missed targets without children (ids) and the
    children of the others (None: no row)."""

    none: bool
    lone: tuple[str, ...]
    table: Shown | None
    tables: Tables


def _shortfall_frame(d: ReportData, t: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return pd.DataFrame(
        {
            L.t("target", lang): [f"{i} ({L.t(o, lang)})" for i, o in zip(t["target_id"], t["outcome"])],
            L.t("relation", lang): t["relation"].map(lambda r: L.t("child_" + r, lang)),
            L.t("child_target", lang): t["child_target_id"],
            L.t("child", lang): [
                d.names.jurisdictions.get(j, j) + " · " + indicator(d, i, sct)
                for j, i, sct in zip(t["child_jurisdiction_code"], t["child_indicator_code"], t["child_sector"])
            ],
            L.t("child_target_value", lang): [
                L.fmt_value(v, u, lang) for v, u in zip(t["child_target_value"], t["unit"])
            ],
            L.t("latest", lang): [
                "" if pd.isna(v) else f"{L.fmt_period(str(p), lang)}: {L.fmt_value(v, u, lang)} ({a})"
                for p, v, u, a in zip(
                    t["child_latest_period"], t["child_latest_value"], t["unit"], t["child_latest_actual_id"]
                )
            ],
            L.t("outcome", lang): t["child_outcome"].map(lambda x: L.t(x, lang)),
            L.t("gap", lang): [
                ""
                if pd.isna(g)
                else f"{'+' if g >= 0 else '−'}{L.fmt_value(abs(g), u, lang)}"
                + ("" if pd.isna(sh) else f" ({sh:+.1%})")
                for g, sh, u in zip(t["gap"], t["gap_share"], t["unit"])
            ],
            L.t("fell_short", lang): t["fell_short"].map(lambda b: L.t("yes" if b else "no", lang)),
        }
    )


def section_shortfall(d: ReportData) -> ShortfallSection:
    """Which children of a missed or off-track target fell short, and by how much (every row: the target's id,
    the child target's id, the figure's id); the missed targets without children are named."""
    from ...model.shortfall import short_targets

    t = d.shortfall_table
    tables = {"shortfall": t}
    short = short_targets(d.table)
    if short.empty:
        return ShortfallSection(True, (), None, tables)
    lone = tuple(i for i in short["target_id"] if i not in set(t["target_id"]))
    table = None if t.empty else shown(d, _shortfall_frame(d, t), "shortfall")
    return ShortfallSection(False, lone, table, tables)


def render_shortfall(s: ShortfallSection, lang: str) -> str:
    parts = [heading_html(L.t("shortfall", lang), "shortfall", level=3)]  # under the tracker: no page of its own
    if s.none:
        return "".join(parts) + f"<p>{html.escape(L.t('shortfall_none', lang))}</p>"
    if s.lone:
        text = L.t("shortfall_no_children", lang).format(
            ids=", ".join(s.lone), threshold=f"{config.REPORT_OFF_TRACK_P:.2f}"
        )
        parts.append(f"<p>{html.escape(text)}</p>")
    if s.table is None:
        return "".join(parts)
    parts.append(f"<p class='small'>{html.escape(L.t('shortfall_rule', lang))}</p>")
    return "".join(parts) + table_html(s.table, lang)
