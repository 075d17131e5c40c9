"""What the sections share: a table as the report shows it (:class:`Shown`), the columns that name a target, the
notes that name a CSV file, and :func:`write_tables`, the one function that writes the sections' CSV tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from ... import config
from .. import labels as L
from ..presentation import html_table, save_table
from .data import ReportData

#: the CSV tables behind a section: file name (without ``.csv``) -> frame
Tables = dict[str, pd.DataFrame]


class HasTables(Protocol):
    @property
    def tables(self) -> Tables: ...


@dataclass(frozen=True)
class Shown:
    """A table as a section shows it: at most ``max_rows`` rows; ``full``: the CSV file with every row ("" none)."""

    frame: pd.DataFrame
    max_rows: int
    full: str = ""


@dataclass(frozen=True)
class Drawn:
    """The charts a chart renderer drew (matplotlib figures) and the tables they plot (for :func:`write_tables`)."""

    figures: tuple
    tables: Tables


def write_tables(sections: Iterable[HasTables], folder: str | None) -> None:
    """Every CSV table of ``sections`` as ``<folder>/<name>.csv`` (nothing when ``folder`` is empty)."""
    for section in sections:
        for name, frame in section.tables.items():
            save_table(frame, name, folder)


def table_html(shown: Shown, lang: str) -> str:
    return html_table(shown.frame, max_rows=shown.max_rows, full=shown.full, lang=lang)


def shown(d: ReportData, frame: pd.DataFrame, csv_name: str = "") -> Shown:
    """A report table of at most ``config.REPORT_TABLE_ROWS`` rows (``REPORT_PANEL_TABLE_ROWS`` for a summarised
    panel); a longer one names its CSV file."""
    full = f"{d.output_dir}/{csv_name}.csv" if csv_name and d.output_dir else ""
    rows = config.REPORT_PANEL_TABLE_ROWS if d.summarised else config.REPORT_TABLE_ROWS
    return Shown(frame, rows, full)


def csv_named(d: ReportData, csv_name: str) -> str:
    """The CSV file a note names: in the output folder, or the bare file name when nothing is written."""
    return f"{d.output_dir}/{csv_name}.csv" if d.output_dir else csv_name + ".csv"


def shown_of(d: ReportData, n_shown: int, n: int, which: str, csv_name: str) -> str:
    return L.t("shown_of", d.lang).format(shown=n_shown, n=f"{n:,}", which=which, full=csv_named(d, csv_name))


def largest(d: ReportData, frame: pd.DataFrame, column: str, what: str, csv_name: str) -> tuple[pd.DataFrame, str]:
    """At most ``config.REPORT_CHART_ROWS`` rows of a chart with one row per target, the largest ``column``
    first, and the title that says so ("" when every row fits)."""
    n = config.REPORT_CHART_ROWS
    if len(frame) <= n:
        return frame, ""
    top = frame.sort_values(column, ascending=False, kind="stable", na_position="last").iloc[:n]
    which = L.t("largest_first", d.lang).format(what=what)
    return top, shown_of(d, n, len(frame), which, csv_name)


def indicator(d: ReportData, code, sector) -> str:
    name = d.names.indicators.get(code, code)
    if isinstance(sector, str) and sector:
        name += " · " + d.names.sectors.get(sector, sector)
    return name


_TARGET_COLUMNS = [
    "target_id",
    "comparator",
    "target_value",
    "unit",
    "unit_written",
    "value_written",
    "value_written_canonical",
    "value_high_canonical",
    "base_year",
    "tier",
]


def target_cols(d: ReportData, t: pd.DataFrame, with_jurisdiction: bool = False) -> pd.DataFrame:
    """The columns that name a target (id, jurisdiction, indicator, year, what attains it, tier), in ``t``'s index;
    a change table without the target's columns takes them from the assessment."""
    lang = d.lang
    full = (
        t.merge(d.table[_TARGET_COLUMNS], on="target_id", how="left", suffixes=("_x", ""))
        if "unit_written" not in t
        else t
    )
    out = pd.DataFrame({L.t("target", lang): full["target_id"].to_numpy()})
    if with_jurisdiction:
        out[L.t("jurisdiction", lang)] = full["jurisdiction_code"].map(d.names.jurisdictions).to_numpy()
    out[L.t("indicator", lang)] = [indicator(d, i, s) for i, s in zip(full["indicator_code"], full["sector"])]
    out[L.t("year", lang)] = full["target_year"].astype(str).to_numpy()
    out[L.t("attains_if", lang)] = [L.fmt_target(r, lang) for _, r in full.iterrows()]
    out[L.t("tier", lang)] = full["tier"].map(lambda x: L.t(x, lang) if isinstance(x, str) else "").to_numpy()
    out.index = t.index
    return out


def latest_text(r, lang: str) -> str:
    """A target's latest figure: period, bound mark, value, id ("" without one)."""
    if pd.isna(r["latest_value"]):
        return ""
    v = L.fmt_pct(r["latest_value"]) if r["unit"] == "ratio" else L.fmt_value(r["latest_value"], r["unit"], lang)
    mark = {"lower": "> ", "upper": "< ", "approx": "~"}.get(r["latest_bound"], "")
    return f"{L.fmt_period(r['latest_period'], lang)}: {mark}{v} ({r['latest_actual_id']})"


def judgement(r, lang: str) -> str:
    """The judgement notes of a target (its other notes are in the CSV)."""
    from ...model.notes import render as render_notes

    notes = [n for n in (r["notes"] or ()) if n.code.startswith(("judgement_", "existential", "universal"))]
    return render_notes(notes, lang)


def evidence_cols(d: ReportData, ev: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return target_cols(d, ev).assign(
        **{
            L.t("outcome", lang): ev["outcome"].map(lambda x: L.t(x, lang)),
            L.t("latest", lang): [latest_text(r, lang) for _, r in ev.iterrows()],
            L.t("deciding_figure", lang): ev["outcome_ids"].fillna(""),
            L.t("note", lang): [judgement(r, lang) for _, r in ev.iterrows()],
        }
    )
