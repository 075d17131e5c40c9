"""Sections 1 and 2: the key findings and what changed since the last quarter."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ... import config
from .. import labels as L
from ..findings import key_findings, render
from ..presentation import heading_html
from .common import Shown, Tables, csv_named, indicator, shown, table_html, target_cols
from .data import ReportData

#: the key findings' groups, in the report's order: (key in :func:`findings.key_findings`, heading label)
FINDINGS_GROUPS = (
    ("decided", "what_decided"),
    ("doubling", "doubling_question"),
    ("live", "live_targets"),
    ("changes", "since_last"),
)


@dataclass(frozen=True)
class FindingsSection:
    """Each non-empty group of sentences (heading label, every sentence rendered), the number of sentences shown
    of each, and the CSV file with every sentence."""

    groups: tuple[tuple[str, tuple[str, ...]], ...]
    max_items: int
    full: str
    tables: Tables


def section_findings(d: ReportData) -> FindingsSection:
    f = key_findings(d.catalog, d.quarter, d.table, d.tracker_summary, d.changes, d.backtest_summary, d.lang)
    rows = [(k, render(x, d.lang)) for k, xs in f.items() for x in xs]
    groups = tuple((title, tuple(render(x, d.lang) for x in f[key])) for key, title in FINDINGS_GROUPS if f[key])
    return FindingsSection(
        groups,
        config.REPORT_FINDINGS_MAX,
        csv_named(d, "key_findings"),
        {"key_findings": pd.DataFrame(rows, columns=["section", "sentence"])},
    )


def render_findings(s: FindingsSection, lang: str) -> str:
    parts = [heading_html(L.t("key_findings", lang), "findings")]
    for title, sentences in s.groups:
        parts.append(f"<h3>{html.escape(L.t(title, lang))}</h3><ul class='findings'>")
        parts += [f"<li>{html.escape(x)}</li>" for x in sentences[: s.max_items]]
        parts.append("</ul>")
        more = len(sentences) - s.max_items
        if more > 0:
            note = (
                f"另有 {more:,} 条未列出（共 {len(sentences):,} 条），全部见 {s.full}。"
                if lang == "zh"
                else f"{more:,} more not shown ({len(sentences):,} in all); every sentence is in {s.full}."
            )
            parts.append(f"<p class='small'>{html.escape(note)}</p>")
    return "".join(parts)


@dataclass(frozen=True)
class ChangesSection:
    """Nothing changed: ``unchanged`` is the sentence that says so (None otherwise). Otherwise the tables that are not empty: the
    figures published in the quarter, the targets that appeared, the outcomes that changed, the note on the
    mechanical changes ("" none), the probabilities that moved."""

    unchanged: str | None
    published: Shown | None
    appeared: Shown | None
    outcomes: Shown | None
    mechanical: str
    moved: Shown | None
    tables: Tables


def _published(d: ReportData, pub: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return pd.DataFrame(
        {
            "id": pub["actual_id"],
            L.t("jurisdiction", lang): pub["jurisdiction_code"].map(d.names.jurisdictions),
            L.t("indicator", lang): [indicator(d, i, s) for i, s in zip(pub["indicator_code"], pub["sector"])],
            L.t("period", lang): pub["period"].map(lambda p: L.fmt_period(p, lang)),
            L.t("value", lang): [
                L.fmt_value(v, u, lang) if pd.notna(v) else L.fmt_pct(g)
                for v, u, g in zip(pub["value"], pub["unit"], pub["growth"])
            ],
            L.t("bound", lang): pub["bound"].map(lambda b: L.bound_label(b, lang) if isinstance(b, str) else ""),
            L.t("status", lang): pub["status"].map(lambda s: L.status_label(s, lang)),
            L.t("published", lang): pub["published"],
        }
    )


def _outcomes(d: ReportData, o: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return target_cols(d, o).assign(
        **{
            L.t("before", lang): o["outcome_before"].map(lambda x: L.t(x, lang)),
            L.t("after", lang): o["outcome"].map(lambda x: L.t(x, lang)),
            L.t("deciding_figure", lang): o["outcome_ids"].fillna(""),
        }
    )


def _moved(d: ReportData, m: pd.DataFrame) -> pd.DataFrame:
    lang = d.lang
    return target_cols(d, m).assign(
        **{
            L.t("before", lang): m["p_attain_before"].map(lambda p: f"{p:.2f}" if pd.notna(p) else ""),
            L.t("after", lang): m["p_attain"].map(lambda p: f"{p:.2f}" if pd.notna(p) else ""),
        }
    )


def section_changes(d: ReportData) -> ChangesSection:
    ch = d.changes
    if ch.empty:
        f = key_findings(d.catalog, d.quarter, d.table, d.tracker_summary, ch, None, d.lang)["changes"]
        return ChangesSection(render(f[0], d.lang), None, None, None, "", None, {})
    tables = {
        name: frame
        for name, frame in (
            ("published_in_quarter", ch.published),
            ("outcomes_changed", ch.outcomes),
            ("outcomes_mechanical", ch.mechanical),
            ("probabilities_moved", ch.moved),
        )
        if len(frame)
    }
    mechanical = ""
    if len(ch.mechanical):
        n, full = f"{len(ch.mechanical):,}", csv_named(d, "outcomes_mechanical")
        mechanical = L.t("mechanical_changes", d.lang).format(n=n, full=full)
    return ChangesSection(
        None,
        shown(d, _published(d, ch.published), "published_in_quarter") if len(ch.published) else None,
        shown(d, target_cols(d, ch.appeared)) if len(ch.appeared) else None,
        shown(d, _outcomes(d, ch.outcomes), "outcomes_changed") if len(ch.outcomes) else None,
        mechanical,
        shown(d, _moved(d, ch.moved), "probabilities_moved") if len(ch.moved) else None,
        tables,
    )


def render_changes(s: ChangesSection, lang: str) -> str:
    parts = [heading_html(L.t("since_last", lang), "changes")]
    if s.unchanged is not None:
        return "".join(parts) + f"<p>{html.escape(s.unchanged)}</p>"
    for label, table in (("published_in_quarter", s.published), ("appeared", s.appeared)):
        if table is not None:
            parts += [f"<h3>{html.escape(L.t(label, lang))}</h3>", table_html(table, lang)]
    if s.outcomes is not None:
        parts += [f"<h3>{html.escape(L.t('outcomes_changed', lang))}</h3>", table_html(s.outcomes, lang)]
    if s.mechanical:
        parts.append(f"<p class='small'>{html.escape(s.mechanical)}</p>")
    if s.moved is not None:
        parts += [f"<h3>{html.escape(L.t('p_moved', lang))}</h3>", table_html(s.moved, lang)]
    return "".join(parts)
