"""The quarterly report as sections (issue 21).

Each section is two small functions:

- ``section_x(d) -> XSection``: what the section shows, read off :class:`ReportData` ``d`` (the quarter's tables,
  computed once by :func:`..quarterly.prepare`): a frozen dataclass of display tables (:class:`Shown`: the frame,
  how many rows are shown, the CSV file that holds every row), counts and sentences already in the report's
  language, and ``tables``: the CSV tables behind the section (file name -> frame). The cut-offs of
  :mod:`...config` are read here, when the section is made.
- ``render_x(section, lang) -> str``: the section's HTML (headings, notes, tables). A chart section's renderer
  returns the matplotlib figure(s) instead; where the tables behind a chart are made by the plotting function
  itself, it returns :class:`Drawn` (the figures and those tables). No renderer writes a file.

:func:`write_tables` is the one function that writes CSV files: every table of the sections (or :class:`Drawn`)
it is given, as ``<folder>/<name>.csv`` (nothing when the folder is empty). :class:`..quarterly.QuarterlyReport`
is a thin facade over these: each of its ``*_html`` / ``*_chart(s)`` methods makes the section, hands its tables to
:func:`write_tables` (the report's ``output_dir``) and returns what the renderer returns, so that the report
notebook and the per-jurisdiction documents call what they called before, and the same CSV files are written
with the same content when the same cells run.

A section returns None when it has nothing to show (the summary of a panel small enough to have pages, the
jurisdictions without evidence of a summarised panel); its renderer then returns "".

Sections: findings and changes (:mod:`.findings_changes`); the doubling tracker, its chart and the shortfall
(:mod:`.doubling`); the summary, the jurisdictions without evidence, each jurisdiction's page and charts
(:mod:`.pages`); comparison, consistency, ambition, gaps, sources, backtest and every target (:mod:`.appendix`).
"""

from .appendix import (
    AllTargetsSection,
    AmbitionSection,
    BacktestSection,
    ComparisonSection,
    ConsistencySection,
    GapsSection,
    SourcesSection,
    render_all_targets,
    render_ambition_chart,
    render_backtest,
    render_comparison,
    render_comparison_charts,
    render_consistency,
    render_gaps,
    render_sources,
    section_all_targets,
    section_ambition,
    section_backtest,
    section_comparison,
    section_consistency,
    section_gaps,
    section_sources,
)
from .common import Drawn, Shown, Tables, write_tables
from .data import ReportData
from .doubling import (
    ShortfallSection,
    TrackerChart,
    TrackerSection,
    render_shortfall,
    render_tracker,
    render_tracker_chart,
    section_shortfall,
    section_tracker,
    section_tracker_chart,
)
from .findings_changes import (
    ChangesSection,
    FindingsSection,
    render_changes,
    render_findings,
    section_changes,
    section_findings,
)
from .pages import (
    JurisdictionCharts,
    JurisdictionSection,
    SummarySection,
    WithoutEvidenceSection,
    render_jurisdiction,
    render_jurisdiction_charts,
    render_summary,
    render_without_evidence,
    section_jurisdiction,
    section_jurisdiction_charts,
    section_summary,
    section_without_evidence,
)

__all__ = [
    "AllTargetsSection",
    "AmbitionSection",
    "BacktestSection",
    "ChangesSection",
    "ComparisonSection",
    "ConsistencySection",
    "Drawn",
    "FindingsSection",
    "GapsSection",
    "JurisdictionCharts",
    "JurisdictionSection",
    "ReportData",
    "ShortfallSection",
    "Shown",
    "SourcesSection",
    "SummarySection",
    "Tables",
    "TrackerChart",
    "TrackerSection",
    "WithoutEvidenceSection",
    "render_all_targets",
    "render_ambition_chart",
    "render_backtest",
    "render_changes",
    "render_comparison",
    "render_comparison_charts",
    "render_consistency",
    "render_findings",
    "render_gaps",
    "render_jurisdiction",
    "render_jurisdiction_charts",
    "render_shortfall",
    "render_sources",
    "render_summary",
    "render_tracker",
    "render_tracker_chart",
    "render_without_evidence",
    "section_all_targets",
    "section_ambition",
    "section_backtest",
    "section_changes",
    "section_comparison",
    "section_consistency",
    "section_findings",
    "section_gaps",
    "section_jurisdiction",
    "section_jurisdiction_charts",
    "section_shortfall",
    "section_sources",
    "section_summary",
    "section_tracker",
    "section_tracker_chart",
    "section_without_evidence",
    "write_tables",
]
