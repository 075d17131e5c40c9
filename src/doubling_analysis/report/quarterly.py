"""The quarterly report's content: every section as HTML (and charts) from the tables, so that notebook 05 holds
parameters, narrative and one call per cell.

:func:`prepare` computes once what the sections read: the assessment as of the quarter and of the previous one,
the changes between them, the doubling tracker, the backtest, hierarchy, cross-document and ambition tables.
The sections themselves are in :mod:`.sections` (each a function making the section's data and a renderer);
:class:`QuarterlyReport` is the facade the notebook and the per-jurisdiction documents call: each ``*_html`` method
renders one section in the report's language and has :func:`.sections.write_tables` save the tables behind it as
CSV (in ``output_dir``; nothing without one).
"""

from __future__ import annotations

import pandas as pd

from .. import config
from . import sections as S
from .findings import Names, changes, previous_quarter


def jurisdictions_with_targets(catalog, table: pd.DataFrame) -> list[str]:
    """Every jurisdiction that has a target known at the date, in the order of jurisdictions.csv."""
    have = set(table["jurisdiction_code"].astype(str))
    return [str(c) for c in catalog.jurisdictions["code"] if str(c) in have]


def data_vintage(catalog, quarter: str):
    """The latest publication date among the figures known at the end of ``quarter``."""
    from ..data.vintage import as_of_date

    d = catalog.actuals["published_date"]
    d = d[d <= as_of_date(quarter)]
    return d.max() if len(d) else pd.NaT


class QuarterlyReport(S.ReportData):
    """The report's data (:class:`.sections.ReportData`) and one method per section: make it, write its tables,
    render it."""

    def _write(self, *parts: S.common.HasTables) -> None:
        S.write_tables(parts, self.output_dir)

    def _html(self, section, render) -> str:
        if section is not None:
            self._write(section)
        return render(section, self.lang)

    def _drawn(self, section, render) -> list:
        drawn = render(section, self.lang)
        self._write(section, drawn)
        return list(drawn.figures)

    # ---- 1. key findings, 2. since last quarter -------------------------------------------------------------
    def findings_html(self) -> str:
        return self._html(S.section_findings(self), S.render_findings)

    def changes_html(self) -> str:
        return self._html(S.section_changes(self), S.render_changes)

    # ---- 3. the doubling tracker, 3b. missed-target decomposition -------------------------------------------
    def tracker_html(self) -> str:
        """One row per jurisdiction: one measure over a stated span, against its own plan's target (or none)."""
        return self._html(S.section_tracker(self), S.render_tracker)

    def tracker_chart(self):
        """Small multiples of the tracked jurisdictions; of a larger panel than ``config.REPORT_CHART_PANELS``, the
        fastest and the slowest half each (said in the chart's title; every row is in the table)."""
        section = S.section_tracker_chart(self)
        self._write(section)
        return S.render_tracker_chart(section, self.lang)

    def shortfall_html(self) -> str:
        """Which children of a missed or off-track target fell short, and by how much."""
        return self._html(S.section_shortfall(self), S.render_shortfall)

    # ---- 4. jurisdictions ------------------------------------------------------------------------------------
    def summary_html(self) -> str:
        """A large panel's jurisdictions, one row each; nothing for a panel small enough to have pages."""
        return self._html(S.section_summary(self), S.render_summary)

    def without_evidence_html(self) -> str:
        """Jurisdictions none of whose targets has a figure of its own measure, together in one section."""
        return self._html(S.section_without_evidence(self), S.render_without_evidence)

    def jurisdiction_html(self, code: str) -> str:
        return self._html(S.section_jurisdiction(self, code), S.render_jurisdiction)

    def jurisdiction_charts(self, code: str) -> list:
        """Growth-path charts of the jurisdiction's measures that have targets and at least two figures."""
        return self._drawn(S.section_jurisdiction_charts(self, code), S.render_jurisdiction_charts)

    # ---- 5. comparison, consistency, ambition, gaps, appendices ------------------------------------------------
    def comparison_html(self) -> str:
        """The heading of the comparison of open targets; nothing when no target is open."""
        return S.render_comparison(S.section_comparison(self), self.lang)

    def comparison_charts(self) -> list:
        """Required against observed growth and the progress categories of the open targets."""
        return self._drawn(S.section_comparison(self), S.render_comparison_charts)

    def consistency_html(self) -> str:
        return self._html(S.section_consistency(self), S.render_consistency)

    def ambition(self) -> pd.DataFrame:
        section = S.section_ambition(self)
        self._write(section)
        return section.frame

    def ambition_chart(self):
        """The growth each target implies against the recorded growth (at most ``config.REPORT_CHART_ROWS``
        targets, the largest implied growth first; every row in tables/ambition.csv)."""
        section = S.section_ambition(self)
        self._write(section)
        return S.render_ambition_chart(section, self.lang)

    def gaps_html(self) -> str:
        """How many targets have no public figure, per jurisdiction, and the figures known only as bounds."""
        return self._html(S.section_gaps(self), S.render_gaps)

    def sources_html(self) -> str:
        return self._html(S.section_sources(self), S.render_sources)

    def backtest_markdown(self) -> str:
        """The backtest's summary beside the probabilities it scores; every scored forecast in tables/backtest.csv."""
        return self._html(S.section_backtest(self), S.render_backtest)

    def all_targets_html(self) -> str:
        return self._html(S.section_all_targets(self), S.render_all_targets)


def prepare(
    catalog,
    quarter: str,
    lang: str = "zh",
    jurisdictions: str = "",
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    output_dir: str | None = None,
    backtest_paths: int = config.REPORT_BACKTEST_PATHS,
) -> QuarterlyReport:
    """Everything the report's sections read, computed once."""
    from ..model.assess import assess
    from ..model.backtest import backtest
    from ..model.evidence import build_context
    from .tracker import doubling_tracker
    from .views import parse_list

    ctx = build_context(catalog, quarter)
    table = assess(catalog, quarter, n_paths=n_paths, seed=seed, context=ctx)
    previous = assess(catalog, previous_quarter(quarter), n_paths=n_paths, seed=seed)
    codes = parse_list(jurisdictions) or jurisdictions_with_targets(catalog, table)
    table = table[table["jurisdiction_code"].isin(codes)]
    previous = previous[previous["jurisdiction_code"].isin(codes)]
    points, summary = doubling_tracker(catalog, quarter, table, context=ctx)
    from ..data.vintage import catalog_as_of

    bt_table, bt = backtest(catalog_as_of(catalog, quarter), n_paths=backtest_paths, seed=seed)
    return QuarterlyReport(
        catalog,
        quarter,
        lang,
        codes,
        table,
        previous,
        changes(catalog, quarter, table, previous),
        points,
        summary,
        bt,
        output_dir,
        Names.of(catalog, lang),
        bt_table,
        ctx,
    )
