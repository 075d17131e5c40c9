"""Section 4: the jurisdictions. A page (and growth-path charts) for each jurisdiction with evidence, the others
together in one section; a panel with more jurisdictions with evidence than ``config.REPORT_PAGES_MAX`` gets one
summary row per jurisdiction instead."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ... import config
from .. import labels as L
from ..findings import other_scope_ids
from ..presentation import heading_html
from .common import Drawn, Shown, Tables, evidence_cols, indicator, latest_text, shown, table_html, target_cols
from .data import ReportData


@dataclass(frozen=True)
class SummarySection:
    """A summarised panel's one row per jurisdiction and the sentence that says why."""

    intro: str
    table: Shown
    tables: Tables


def _summary_intro(d: ReportData) -> str:
    n, e, most = f"{len(d.codes):,}", f"{len(d._with_evidence):,}", config.REPORT_PAGES_MAX
    if d.lang == "zh":
        return (
            f"{n} 个地区有已发布的目标，其中 {e} 个有数据或达标概率，多于{most} 个，因此本报告每个地区只列一行；"
            "各地区的分析页见其单独的 PDF（doubling-analysis report --per-jurisdiction）。"
        )
    return (
        f"{n} jurisdictions have published targets, {e} of them with a figure or a probability: more than {most}, "
        "so this report gives each one row; each jurisdiction's pages are in its own PDF (doubling-analysis report "
        "--per-jurisdiction)."
    )


def section_summary(d: ReportData) -> SummarySection | None:
    """A large panel's jurisdictions, one row each (the pages are in the per-jurisdiction PDFs); None for a panel
    small enough to have pages."""
    if not d.summarised:
        return None
    c = d._counts
    rows = c.drop(columns=["any", "lower_bound_only"]).assign(
        jurisdiction=[d.names.jurisdictions.get(code, code) for code in c.index],
        pdf=[f"jurisdictions/{code}.pdf" for code in c.index],
    )
    columns = ["code", "jurisdiction", "targets", "with_evidence", "achieved", "missed", "live", "other_scope"]
    columns += ["without_figure"]
    table = rows.rename_axis("code").reset_index()[[*columns, "pdf"]]
    renamed = table.rename(
        columns={"jurisdiction": L.t("jurisdiction", d.lang)}
        | {c: L.t(f"sum_{c}", d.lang) for c in table.columns if c not in ("jurisdiction", "pdf")}
    )
    return SummarySection(
        _summary_intro(d), shown(d, renamed, "jurisdictions_summary"), {"jurisdictions_summary": table}
    )


def render_summary(s: SummarySection | None, lang: str) -> str:
    if s is None:
        return ""
    return (
        heading_html(L.t("jurisdiction_pages", lang), "jurisdictions")
        + f"<p>{html.escape(s.intro)}</p>"
        + table_html(s.table, lang)
    )


def jur_counts(d: ReportData, code: str) -> str:
    """The jurisdiction's counts, read off ``_counts`` (the numbers of the summary table and the gaps)."""
    c = d._counts.loc[code]
    pos = d._positions.get(code)
    return L.t("jur_counts", d.lang).format(
        n=len(pos) if pos is not None else 0,
        d=int(c["targets"]),
        e=int(c["with_evidence"]),
        live=int(c["live"]),
        other=int(c["other_scope"]),
        none=int(c["without_figure"]),
    )


def no_evidence_summary(d: ReportData, none: pd.DataFrame) -> str:
    """The targets without any figure, by kind of indicator: how many, and the first three indicators' names."""
    lang = d.lang
    kinds = dict(zip(d.catalog.indicators["code"].astype(str), d.catalog.indicators["kind"].astype(str)))
    groups = none.groupby(none["indicator_code"].map(kinds))
    parts = []
    for kind, g in sorted(groups, key=lambda kv: -len(kv[1])):
        names = list(dict.fromkeys(indicator(d, i, None) for i in g["indicator_code"]))
        more = len(names) - 3
        listed = "、".join(names[:3]) if lang == "zh" else "; ".join(names[:3])
        if more > 0:
            listed += f" 等 {len(names)} 类" if lang == "zh" else f" and {more} more"
        parts.append(
            f"{L.t('kind_' + kind, lang)} {len(g)}（{listed}）"
            if lang == "zh"
            else f"{len(g)} {L.t('kind_' + kind, lang)} ({listed})"
        )
    return ("；".join(parts) + "。") if lang == "zh" else ("; ".join(parts) + ".")


def other_scope_cols(d: ReportData, other: pd.DataFrame) -> pd.DataFrame:
    """Targets with figures of another scope only: the figures the assessment noted (ids), never merged."""
    from ...model.notes import render as render_notes

    return target_cols(d, other).assign(
        **{
            L.t("other_scope_figures", d.lang): [
                render_notes([x for x in (n or ()) if x.code == "other_scope"], d.lang) for n in other["notes"]
            ],
            L.t("figure_ids", d.lang): [" ".join(other_scope_ids(n)) for n in other["notes"]],
        }
    )


@dataclass(frozen=True)
class WithoutEvidenceSection:
    """Per jurisdiction without evidence: (name, its counts and what its targets are, its targets with figures of
    another scope or None)."""

    entries: tuple[tuple[str, str, Shown | None], ...]
    tables: Tables


def section_without_evidence(d: ReportData) -> WithoutEvidenceSection | None:
    """Jurisdictions none of whose targets has a figure of its own measure, together in one section (no
    near-empty pages; a summarised panel lists them in its summary: None). A target with figures of another scope
    is listed as such, with their ids."""
    quiet = [c for c in d.codes if c not in d._with_evidence]
    if not quiet or d.summarised:
        return None
    entries = []
    for code in quiet:
        _, _, _, _, other, none = d._split(code)
        statement = jur_counts(d, code) + " " + no_evidence_summary(d, none)
        table = shown(d, other_scope_cols(d, other), "assessment") if len(other) else None
        entries.append((d.names.jurisdictions.get(code, code), statement, table))
    return WithoutEvidenceSection(tuple(entries), {})


def render_without_evidence(s: WithoutEvidenceSection | None, lang: str) -> str:
    if s is None:
        return ""
    parts = [heading_html(L.t("quiet_jurisdictions", lang), "quiet")]
    for name, statement, table in s.entries:
        parts.append(f"<h3>{html.escape(name)}</h3>")
        parts.append("<p>" + html.escape(statement) + "</p>")
        if table is not None:
            parts.append(table_html(table, lang))
    return "".join(parts)


@dataclass(frozen=True)
class JurisdictionSection:
    """A jurisdiction's page: its counts, the targets with evidence, the live ones, those with figures of another
    scope only (None: no row) and what the targets without any figure are ("" none)."""

    code: str
    name: str
    counts: str
    evidence: Shown | None
    live: Shown | None
    other: Shown | None
    none: str
    tables: Tables


def _live_cols(d: ReportData, live: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return target_cols(d, live).assign(
        **{
            L.t("latest", lang): [latest_text(r, lang) for _, r in live.iterrows()],
            L.t("rate_to_go", lang): live["rate_to_go"].map(L.fmt_pct),
            L.t("p_attain", lang): live["p_attain"].map(lambda p: f"{p:.2f}"),
            L.t("p_interval", lang): [
                f"{L.fmt_value(a, u, lang)} – {L.fmt_value(b, u, lang)}"
                for a, b, u in zip(live["projected_low"], live["projected_high"], live["unit"])
            ],
        }
    )


def section_jurisdiction(d: ReportData, code: str) -> JurisdictionSection:
    _, _, evidence, live, other, none = d._split(code)
    return JurisdictionSection(
        code,
        d.names.jurisdictions.get(code, code),
        jur_counts(d, code),
        shown(d, evidence_cols(d, evidence), "assessment") if len(evidence) else None,
        shown(d, _live_cols(d, live), "assessment") if len(live) else None,
        shown(d, other_scope_cols(d, other), "assessment") if len(other) else None,
        no_evidence_summary(d, none) if len(none) else "",
        {},
    )


def render_jurisdiction(s: JurisdictionSection, lang: str) -> str:
    parts = [heading_html(s.name, f"j-{s.code}"), "<p>" + html.escape(s.counts) + "</p>"]
    for label, table in (("with_evidence", s.evidence), ("live_targets", s.live), ("other_scope_only", s.other)):
        if table is not None:
            parts += [f"<h3>{html.escape(L.t(label, lang))}</h3>", table_html(table, lang)]
    if s.none:
        parts.append(f"<h3>{html.escape(L.t('no_evidence', lang))}</h3>")
        parts.append("<p>" + html.escape(s.none) + "</p>")
    return "".join(parts)


@dataclass(frozen=True)
class GrowthPath:
    """One growth-path chart: the figures, the targets (with what attains each), the projection, the required path."""

    csv_name: str
    points: pd.DataFrame
    targets: pd.DataFrame
    projection: object
    required: object
    title: str
    unit: str


@dataclass(frozen=True)
class JurisdictionCharts:
    charts: tuple[GrowthPath, ...]
    tables: Tables


def section_jurisdiction_charts(d: ReportData, code: str) -> JurisdictionCharts:
    """The growth paths of the jurisdiction's measures that have targets and at least two figures."""
    from ..views import growth_path

    own = d._split(code)[0]  # the jurisdiction's rows (grouped once), not a filter of the whole table
    rows = own[
        own["counted"].astype(bool) & own["latest_value"].notna() & own["sector"].isna() & (own["unit"] != "ratio")
    ]
    by_id = own.set_index("target_id")
    charts = []
    for ind in dict.fromkeys(rows["indicator_code"]):
        view = growth_path(
            d.catalog,
            code,
            ind,
            d.quarter,
            methods=(),
            n_paths=config.CHART_PATHS,
            table=own,
            context=d.context,
            volatility=d._volatility,
        )
        if len(view.points) < 2 or view.targets.empty:
            continue
        chosen = by_id.loc[view.targets["target_id"]].reset_index()
        targets = view.targets.assign(attains_if=[L.fmt_target(r, d.lang) for _, r in chosen.iterrows()])
        charts.append(
            GrowthPath(
                f"growth_path_{code}_{ind}",
                view.points,
                targets,
                next(iter(view.projections.values()), None),
                view.required,
                f"{d.names.jurisdictions.get(code, code)} · {indicator(d, ind, None)}",
                L.unit_label(view.unit, d.lang),
            )
        )
    return JurisdictionCharts(tuple(charts), {})


def render_jurisdiction_charts(s: JurisdictionCharts, lang: str) -> Drawn:
    from ..plots import growth_path_chart

    figures, tables = [], {}
    for c in s.charts:
        fig, tables[c.csv_name] = growth_path_chart(
            c.points, c.targets, c.projection, c.required, title=c.title, unit=c.unit, lang=lang
        )
        figures.append(fig)
    return Drawn(tuple(figures), tables)
