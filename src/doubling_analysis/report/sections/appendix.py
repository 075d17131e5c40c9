"""Sections 5 on: the comparison of open targets, the consistency of the documents, the ambition of the targets,
the gaps in the data, and the appendices (backtest, sources, every target)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .. import labels as L
from ..presentation import heading_html
from .common import Drawn, Shown, Tables, indicator, largest, shown, table_html, target_cols
from .data import ReportData


@dataclass(frozen=True)
class ComparisonSection:
    """``open``: some target is still open (no heading otherwise: the findings say so, and the doubling tracker
    compares the jurisdictions). The charts' rows: the open targets, at most ``config.REPORT_CHART_ROWS`` of them
    (the largest rate to go first, said in ``title``; "" when every row is shown)."""

    open: bool
    rows: pd.DataFrame
    title: str
    label_of: Callable
    tables: Tables


def section_comparison(d: ReportData) -> ComparisonSection:
    from ..views import target_label

    open_ = d.table[(d.table["outcome"] == "pending") & d.table["counted"].astype(bool)]
    rows, title = largest(d, open_, "rate_to_go", L.t("rate_to_go", d.lang), "open_targets")
    is_open = bool((d.table["outcome"] == "pending").any())
    return ComparisonSection(is_open, rows, title, target_label(d.catalog, d.lang), {"open_targets": open_})


def render_comparison(s: ComparisonSection, lang: str) -> str:
    return heading_html(L.t("comparison", lang), "comparison") if s.open else ""


def render_comparison_charts(s: ComparisonSection, lang: str) -> Drawn:
    """Required against observed growth and the progress categories of the open targets (none when every target
    year has passed)."""
    from ..plots import category_heatmap, required_vs_observed

    figures, tables = [], {}
    if s.rows["required_growth"].notna().any():
        fig, tables["growth_required_observed"] = required_vs_observed(s.rows, s.label_of, lang)
        figures.append(fig)
    fig, data = category_heatmap(s.rows, s.label_of, lang)
    if fig is not None:
        tables["progress_categories"] = data
        figures.append(fig)
    for fig in figures if s.title else ():
        fig.axes[0].set_title(s.title, fontsize=8)
    return Drawn(tuple(figures), tables)


@dataclass(frozen=True)
class ConsistencySection:
    """Targets against the sum of their children's, and a later document's target against an earlier one's
    (None: no row)."""

    hierarchy: Shown | None
    cross: Shown | None
    tables: Tables


def _hierarchy_frame(d: ReportData, h: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return pd.DataFrame(
        {
            L.t("source_id", lang): h["source_id"],
            L.t("indicator", lang): [
                indicator(d, i, s if s != "(all named)" else None) for i, s in zip(h["indicator_code"], h["sector"])
            ],
            L.t("year", lang): h["target_year"].astype(str),
            L.t("parent", lang): h["parent_code"].map(d.names.jurisdictions),
            L.t("target", lang): h["parent_value"].map(L.fmt_num),
            L.t("children_sum", lang): h["children_sum"].map(L.fmt_num),
            L.t("difference", lang): h["difference"].map(L.fmt_num),
            L.t("status", lang): [L.hierarchy_status(r, lang) for _, r in h.iterrows()],
        }
    )


def _cross_frame(d: ReportData, x: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return pd.DataFrame(
        {
            L.t("jurisdiction", lang): x["jurisdiction_code"].map(d.names.jurisdictions),
            L.t("indicator", lang): [indicator(d, i, s) for i, s in zip(x["indicator_code"], x["sector"])],
            L.t("earlier", lang): [
                f"{t} ({y}): {L.fmt_num(v)}"
                for t, y, v in zip(x["earlier_target"], x["earlier_year"], x["earlier_value"])
            ],
            L.t("later", lang): [
                f"{t} ({y}): {L.fmt_num(v)}" for t, y, v in zip(x["later_target"], x["later_year"], x["later_value"])
            ],
            L.t("implied", lang): x["implied_annual_growth"].map(L.fmt_pct),
        }
    )


def section_consistency(d: ReportData) -> ConsistencySection:
    from ...model.hierarchy import cross_document, hierarchy_sums

    h = hierarchy_sums(d.catalog, as_of=d.quarter)
    x = cross_document(d.catalog, as_of=d.quarter)
    return ConsistencySection(
        shown(d, _hierarchy_frame(d, h), "hierarchy_sums") if len(h) else None,
        shown(d, _cross_frame(d, x), "cross_document") if len(x) else None,
        {"hierarchy_sums": h, "cross_document": x},
    )


def render_consistency(s: ConsistencySection, lang: str) -> str:
    parts = [heading_html(L.t("consistency", lang), "consistency")]
    parts += [table_html(t, lang) for t in (s.hierarchy, s.cross) if t is not None]
    return "".join(parts)


@dataclass(frozen=True)
class AmbitionSection:
    """The growth each counted target implies against the recorded growth (:func:`ambition.ambition`)."""

    frame: pd.DataFrame
    label_of: Callable
    tables: Tables


def section_ambition(d: ReportData) -> AmbitionSection:
    from ...model.ambition import ambition
    from ..views import target_label

    amb = ambition(d.catalog, d.table[d.table["counted"].astype(bool)])
    return AmbitionSection(amb, target_label(d.catalog, d.lang), {"ambition": amb})


def render_ambition_chart(s: AmbitionSection, lang: str):
    """At most ``config.REPORT_CHART_ROWS`` targets, the largest implied growth first (a matplotlib figure)."""
    from ..plots import ambition_chart

    fig, _ = ambition_chart(s.frame, s.label_of, lang)
    return fig


@dataclass(frozen=True)
class GapsSection:
    """How many targets have no public figure: of a summarised panel one sentence (``panel``), otherwise per
    jurisdiction (``statement``, markdown; ``panel`` None); and the figures known only as bounds."""

    panel: str | None
    statement: str
    bounded: Shown
    tables: Tables


def section_gaps(d: ReportData) -> GapsSection:
    from ..presentation import gaps_statement
    from ..views import bounded_figures

    panel: str | None = None
    statement = ""
    if d.summarised:
        c = d._counts
        panel = L.t("gaps_panel", d.lang).format(
            n=f"{int(c['without_figure'].sum()):,}",
            d=f"{int(c['targets'].sum()):,}",
            other=f"{int(c['other_scope'].sum()):,}",
            col=L.t("sum_without_figure", d.lang),
            col_other=L.t("sum_other_scope", d.lang),
        )
    else:
        statement = gaps_statement(d.table, d.catalog, d.lang)
    bounded = bounded_figures(d.catalog, d.quarter, d.lang, d.codes)
    return GapsSection(panel, statement, shown(d, bounded, "bounded_figures"), {"bounded_figures": bounded})


def render_gaps(s: GapsSection, lang: str) -> str:
    from ..markup import markdown_html

    parts = [heading_html(L.t("gaps", lang), "gaps")]
    parts.append(f"<p>{html.escape(s.panel)}</p>" if s.panel is not None else markdown_html(s.statement))
    return "".join(parts) + table_html(s.bounded, lang)


@dataclass(frozen=True)
class SourcesSection:
    table: Shown
    tables: Tables


def section_sources(d: ReportData) -> SourcesSection:
    from ..presentation import sources_table

    table = sources_table(d.catalog, d.lang)
    return SourcesSection(shown(d, table, "sources"), {"sources": table})


def render_sources(s: SourcesSection, lang: str) -> str:
    return heading_html(L.t("appendix_sources", lang), "sources") + table_html(s.table, lang)


@dataclass(frozen=True)
class BacktestSection:
    """The backtest's summary (markdown) beside the probabilities it scores; every scored forecast in its table."""

    markdown: str
    tables: Tables


def section_backtest(d: ReportData) -> BacktestSection:
    from ...model.backtest import units_table
    from ..presentation import backtest_text

    tables = {}
    if d.backtest_table is not None:
        tables = {"backtest": d.backtest_table, "backtest_units": units_table(d.backtest_table)}
    return BacktestSection(backtest_text(d.backtest_summary, d.lang), tables)


def render_backtest(s: BacktestSection, lang: str) -> str:
    """The markdown (the report converts it with the methods text)."""
    return s.markdown


@dataclass(frozen=True)
class AllTargetsSection:
    table: Shown
    tables: Tables


def section_all_targets(d: ReportData) -> AllTargetsSection:
    t = d.table
    frame = target_cols(d, t, with_jurisdiction=True).assign(
        **{L.t("outcome", d.lang): t["outcome"].map(lambda x: L.t(x, d.lang))}
    )
    return AllTargetsSection(shown(d, frame, "assessment"), {"assessment": t})


def render_all_targets(s: AllTargetsSection, lang: str) -> str:
    return heading_html(L.t("appendix_targets", lang), "all-targets") + table_html(s.table, lang)
