"""The quarterly report's content: every section as HTML (and charts) from the tables, so that notebook 05 holds
parameters, narrative and one call per cell.

:func:`prepare` computes once what the sections read: the assessment as of the quarter and of the previous one,
the changes between them, the doubling tracker, the backtest, hierarchy, cross-document and ambition tables.
Each ``*_html`` method renders one section in the report's language and saves the tables behind it as CSV.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from . import config
from . import labels as L
from .catalog import Catalog
from .findings import (
    Changes,
    Names,
    changes,
    jurisdiction_counts,
    key_findings,
    other_scope_ids,
    previous_quarter,
    render,
    target_groups,
)
from .presentation import heading_html, html_table, save_table


def jurisdictions_with_targets(catalog, table: pd.DataFrame) -> list[str]:
    """Every jurisdiction that has a target known at the date, in the order of jurisdictions.csv."""
    have = set(table["jurisdiction_code"].astype(str))
    return [str(c) for c in catalog.jurisdictions["code"] if str(c) in have]


def data_vintage(catalog, quarter: str):
    """The latest publication date among the figures known at the end of ``quarter``."""
    from .vintage import as_of_date

    d = catalog.actuals["published_date"]
    d = d[d <= as_of_date(quarter)]
    return d.max() if len(d) else pd.NaT


@dataclass
class QuarterlyReport:
    catalog: Catalog
    quarter: str
    lang: str
    codes: list
    table: pd.DataFrame
    previous: pd.DataFrame
    changes: Changes
    tracker_points: pd.DataFrame
    tracker_summary: pd.DataFrame
    backtest_summary: dict | None
    output_dir: str | None
    names: Names
    backtest_table: pd.DataFrame | None = None
    context: object = None  # the evidence as of the quarter (evidence.Context), shared by every section

    # ---- 1. key findings -----------------------------------------------------------------------------------
    def findings_html(self) -> str:
        f = key_findings(
            self.catalog, self.quarter, self.table, self.tracker_summary, self.changes, self.backtest_summary, self.lang
        )
        rows = [(k, render(x, self.lang)) for k, xs in f.items() for x in xs]
        save_table(pd.DataFrame(rows, columns=["section", "sentence"]), "key_findings", self.output_dir)
        parts = [heading_html(L.t("key_findings", self.lang), "findings")]
        for key, title in (
            ("decided", "what_decided"),
            ("doubling", "doubling_question"),
            ("live", "live_targets"),
            ("changes", "since_last"),
        ):
            if not f[key]:
                continue
            parts.append(f"<h3>{html.escape(L.t(title, self.lang))}</h3><ul class='findings'>")
            parts += [f"<li>{html.escape(render(x, self.lang))}</li>" for x in f[key][: config.REPORT_FINDINGS_MAX]]
            parts.append("</ul>")
            more = len(f[key]) - config.REPORT_FINDINGS_MAX
            if more > 0:
                full = f"{self.output_dir}/key_findings.csv" if self.output_dir else "key_findings.csv"
                note = (
                    f"另有 {more:,} 条未列出（共 {len(f[key]):,} 条），全部见 {full}。"
                    if self.lang == "zh"
                    else f"{more:,} more not shown ({len(f[key]):,} in all); every sentence is in {full}."
                )
                parts.append(f"<p class='small'>{html.escape(note)}</p>")
        return "".join(parts)

    # ---- 2. since last quarter ------------------------------------------------------------------------------
    def changes_html(self) -> str:
        lang, ch = self.lang, self.changes
        parts = [heading_html(L.t("since_last", lang), "changes")]
        if ch.empty:
            f = key_findings(self.catalog, self.quarter, self.table, self.tracker_summary, ch, None, lang)["changes"]
            return "".join(parts) + f"<p>{html.escape(render(f[0], lang))}</p>"
        if len(ch.published):
            pub = ch.published
            save_table(pub, "published_in_quarter", self.output_dir)
            parts.append(f"<h3>{html.escape(L.t('published_in_quarter', lang))}</h3>")
            parts.append(
                self._table(
                    pd.DataFrame(
                        {
                            "id": pub["actual_id"],
                            L.t("jurisdiction", lang): pub["jurisdiction_code"].map(self.names.jurisdictions),
                            L.t("indicator", lang): [
                                self._indicator(i, s) for i, s in zip(pub["indicator_code"], pub["sector"])
                            ],
                            L.t("period", lang): pub["period"].map(lambda p: L.fmt_period(p, lang)),
                            L.t("value", lang): [
                                L.fmt_value(v, u, lang) if pd.notna(v) else L.fmt_pct(g)
                                for v, u, g in zip(pub["value"], pub["unit"], pub["growth"])
                            ],
                            L.t("bound", lang): pub["bound"].map(
                                lambda b: L.bound_label(b, lang) if isinstance(b, str) else ""
                            ),
                            L.t("status", lang): pub["status"].map(lambda s: L.status_label(s, lang)),
                            L.t("published", lang): pub["published"],
                        }
                    ),
                    "published_in_quarter",
                )
            )
        if len(ch.appeared):
            parts.append(f"<h3>{html.escape(L.t('appeared', lang))}</h3>")
            parts.append(self._table(self._target_cols(ch.appeared)))
        if len(ch.outcomes):
            o = ch.outcomes
            save_table(o, "outcomes_changed", self.output_dir)
            parts.append(f"<h3>{html.escape(L.t('outcomes_changed', lang))}</h3>")
            parts.append(
                self._table(
                    self._target_cols(o).assign(
                        **{
                            L.t("before", lang): o["outcome_before"].map(lambda x: L.t(x, lang)),
                            L.t("after", lang): o["outcome"].map(lambda x: L.t(x, lang)),
                            L.t("deciding_figure", lang): o["outcome_ids"].fillna(""),
                        }
                    ),
                    "outcomes_changed",
                )
            )
        if len(ch.mechanical):
            save_table(ch.mechanical, "outcomes_mechanical", self.output_dir)
            full = f"{self.output_dir}/outcomes_mechanical.csv" if self.output_dir else "outcomes_mechanical.csv"
            text = L.t("mechanical_changes", lang).format(n=f"{len(ch.mechanical):,}", full=full)
            parts.append(f"<p class='small'>{html.escape(text)}</p>")
        if len(ch.moved):
            m = ch.moved
            save_table(m, "probabilities_moved", self.output_dir)
            parts.append(f"<h3>{html.escape(L.t('p_moved', lang))}</h3>")
            parts.append(
                self._table(
                    self._target_cols(m).assign(
                        **{
                            L.t("before", lang): m["p_attain_before"].map(lambda p: f"{p:.2f}" if pd.notna(p) else ""),
                            L.t("after", lang): m["p_attain"].map(lambda p: f"{p:.2f}" if pd.notna(p) else ""),
                        }
                    ),
                    "probabilities_moved",
                )
            )
        return "".join(parts)

    # ---- 3. the doubling tracker --------------------------------------------------------------------------
    def tracker_chart(self):
        """Small multiples of the tracked jurisdictions; of a larger panel than ``config.REPORT_CHART_PANELS``, the
        fastest and the slowest half each (said in the chart's title; every row is in the table)."""
        from .plots import doubling_tracker_chart

        save_table(self.tracker_points, "doubling_tracker", self.output_dir)
        s, n = self.tracker_summary, config.REPORT_CHART_PANELS
        if len(s) <= n:
            return doubling_tracker_chart(self.tracker_points, s, self.names.jurisdictions, self.lang)
        ranked = s[s["status"] == "ok"].sort_values("pace", ascending=False, kind="stable")
        if len(ranked) < n:
            ranked = pd.concat([ranked, s[s["status"] != "ok"]]).iloc[:n]
        else:
            ranked = pd.concat([ranked.iloc[: n // 2], ranked.iloc[len(ranked) - (n - n // 2) :]])
        codes = set(ranked["jurisdiction_code"])
        points = self.tracker_points[self.tracker_points["jurisdiction_code"].isin(codes)]
        note = self._shown_of(len(ranked), len(s), L.t("fastest_slowest", self.lang), "doubling_summary")
        return doubling_tracker_chart(points, ranked, self.names.jurisdictions, self.lang, note=note)

    def _own_target(self, r) -> str:
        """The target a tracker row is held to, with its ids ("" when its plans set none)."""
        lang, kind = self.lang, r["target_kind"]
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

    def _shown_of(self, shown: int, n: int, which: str, csv_name: str) -> str:
        full = f"{self.output_dir}/{csv_name}.csv" if self.output_dir else csv_name + ".csv"
        return L.t("shown_of", self.lang).format(shown=shown, n=f"{n:,}", which=which, full=full)

    def _largest(self, frame: pd.DataFrame, column: str, what: str, csv_name: str):
        """At most ``config.REPORT_CHART_ROWS`` rows of a chart with one row per target, the largest ``column``
        first, and the title that says so ("" when every row fits)."""
        n = config.REPORT_CHART_ROWS
        if len(frame) <= n:
            return frame, ""
        top = frame.sort_values(column, ascending=False, kind="stable", na_position="last").iloc[:n]
        which = L.t("largest_first", self.lang).format(what=what)
        return top, self._shown_of(n, len(frame), which, csv_name)

    def tracker_html(self) -> str:
        """One row per jurisdiction: one measure over a stated span, against its own plan's target (or none)."""
        lang, s = self.lang, self.tracker_summary
        parts = [heading_html(L.t("doubling_tracker", lang), "tracker")]
        if s.empty:
            return "".join(parts)
        save_table(s, "doubling_summary", self.output_dir)
        parts.append(f"<p class='small'>{html.escape(L.t('tracker_rule', lang))}</p>")
        parts.append(
            self._table(
                pd.DataFrame(
                    {
                        L.t("jurisdiction", lang): s["jurisdiction_code"].map(self.names.jurisdictions),
                        L.t("measure", lang): [
                            self._indicator(m, None) + (f" ({v})" if isinstance(v, str) and v else "")
                            for m, v in zip(s["measure"], s["via"])
                        ],
                        L.t("span", lang): s["span"].fillna(""),
                        L.t("base", lang): [
                            ("" if pd.isna(v) else L.fmt_value(v, "亿元", lang) + (" *" if d else "") + f" ({i})")
                            for v, d, i in zip(s["base_value"], s["base_derived"], s["base_id"])
                        ],
                        L.t("latest", lang): [
                            (
                                ""
                                if pd.isna(v)
                                else f"{L.fmt_period(p, lang)}: "
                                + ("> " if b == "lower" else "")
                                + L.fmt_value(v, "亿元", lang)
                                + f" ({i})"
                            )
                            for p, v, b, i in zip(
                                s["latest_period"], s["latest_value"], s["latest_bound"], s["latest_id"]
                            )
                        ],
                        L.t("multiple", lang): s["multiple"].map(lambda m: "" if pd.isna(m) else f"{m:.2f}×"),
                        L.t("pace", lang): s["pace"].map(L.fmt_pct),
                        L.t("own_target", lang): [self._own_target(r) for _, r in s.iterrows()],
                        L.t("plan_pace", lang): s["required_pace"].map(L.fmt_pct),
                        L.t("on_track", lang): [
                            L.t("track_" + str(x), lang) if isinstance(x, str) else "" for x in s["on_track"]
                        ],
                    }
                ),
                "doubling_summary",
            )
        )
        if s["base_derived"].fillna(False).astype(bool).any():
            parts.append(
                "<p class='small'>"
                + html.escape(
                    "* 基数由当年报告的水平值与可比口径增速推算（水平值 ÷ (1 + 增速)），可比增速可能高估水平变化。"
                    if lang == "zh"
                    else "* base derived from a reported level and its comparable-enterprise growth (level ÷ (1 + growth)); "
                    "comparable growth may overstate the change in the level."
                )
                + "</p>"
            )
        return "".join(parts)

    # ---- 3b. missed-target decomposition -------------------------------------------------------------------
    @cached_property
    def shortfall_table(self) -> pd.DataFrame:
        """:func:`shortfall.shortfalls` of the assessment: the children of every missed or off-track target."""
        from .shortfall import shortfalls

        j = self.catalog.jurisdictions
        parents = {str(c): p for c, p in zip(j["code"].astype(str), j["parent_code"]) if isinstance(p, str) and p}
        return shortfalls(self.table, parents)

    def shortfall_html(self) -> str:
        """Which children of a missed or off-track target fell short, and by how much (every row: the target's
        id, the child target's id, the figure's id); the missed targets without children are named."""
        from .shortfall import short_targets

        lang, d = self.lang, self.shortfall_table
        parts = [heading_html(L.t("shortfall", lang), "shortfall", level=3)]  # under the tracker: no page of its own
        save_table(d, "shortfall", self.output_dir)
        short = short_targets(self.table)
        if short.empty:
            parts.append(f"<p>{html.escape(L.t('shortfall_none', lang))}</p>")
            return "".join(parts)
        lone = [i for i in short["target_id"] if i not in set(d["target_id"])]
        if lone:
            text = L.t("shortfall_no_children", lang).format(
                ids=", ".join(lone), threshold=f"{config.REPORT_OFF_TRACK_P:.2f}"
            )
            parts.append(f"<p>{html.escape(text)}</p>")
        if d.empty:
            return "".join(parts)
        parts.append(f"<p class='small'>{html.escape(L.t('shortfall_rule', lang))}</p>")
        parts.append(
            self._table(
                pd.DataFrame(
                    {
                        L.t("target", lang): [f"{i} ({L.t(o, lang)})" for i, o in zip(d["target_id"], d["outcome"])],
                        L.t("relation", lang): d["relation"].map(lambda r: L.t("child_" + r, lang)),
                        L.t("child_target", lang): d["child_target_id"],
                        L.t("child", lang): [
                            self.names.jurisdictions.get(j, j) + " · " + self._indicator(i, sct)
                            for j, i, sct in zip(
                                d["child_jurisdiction_code"], d["child_indicator_code"], d["child_sector"]
                            )
                        ],
                        L.t("child_target_value", lang): [
                            L.fmt_value(v, u, lang) for v, u in zip(d["child_target_value"], d["unit"])
                        ],
                        L.t("latest", lang): [
                            "" if pd.isna(v) else f"{L.fmt_period(str(p), lang)}: {L.fmt_value(v, u, lang)} ({a})"
                            for p, v, u, a in zip(
                                d["child_latest_period"],
                                d["child_latest_value"],
                                d["unit"],
                                d["child_latest_actual_id"],
                            )
                        ],
                        L.t("outcome", lang): d["child_outcome"].map(lambda x: L.t(x, lang)),
                        L.t("gap", lang): [
                            ""
                            if pd.isna(g)
                            else f"{'+' if g >= 0 else '−'}{L.fmt_value(abs(g), u, lang)}"
                            + ("" if pd.isna(sh) else f" ({sh:+.1%})")
                            for g, sh, u in zip(d["gap"], d["gap_share"], d["unit"])
                        ],
                        L.t("fell_short", lang): d["fell_short"].map(lambda b: L.t("yes" if b else "no", lang)),
                    }
                ),
                "shortfall",
            )
        )
        return "".join(parts)

    # ---- 4. jurisdiction pages ----------------------------------------------------------------------------
    def _split(self, code: str):
        """The jurisdiction's rows, the distinct targets, those with evidence, the live ones and the rest (made
        when a page asks for them; the counts of every jurisdiction come from :attr:`_counts`)."""
        cache = self.__dict__.setdefault("_split_cache", {})
        if code not in cache:
            pos = self._positions.get(code)
            cache[code] = self._split_rows(self.table.iloc[pos] if pos is not None else self.table.iloc[:0])
        return cache[code]

    @cached_property
    def _positions(self) -> dict:
        """Row positions of each jurisdiction in the table (one group-by)."""
        return self.table.groupby(self.table["jurisdiction_code"].astype(str), sort=False).indices

    @cached_property
    def _counts(self) -> pd.DataFrame:
        """Per jurisdiction (in the order of ``codes``): :func:`findings.jurisdiction_counts` (distinct targets, with
        evidence, achieved or likely, missed or likely, live, other scope only, without any figure) and ``any``
        (evidence or a probability): the sizes of :meth:`_split`'s parts, from the one grouping every page uses."""
        c = jurisdiction_counts(self.table, self.codes)
        return c.assign(any=((c["with_evidence"] + c["live"]) > 0).astype(int))

    @staticmethod
    def _split_rows(rows: pd.DataFrame):
        """(rows, distinct, evidence, live, other scope only, none): the parts of :func:`findings.target_groups`."""
        g = target_groups(rows)
        distinct = rows[g.notna()]
        evidence = rows[g == "evidence"]
        live = distinct[(distinct["outcome"] == "pending") & distinct["p_attain"].notna()]
        return rows, distinct, evidence, live, rows[g == "other_scope"], rows[g == "none"]

    @cached_property
    def _volatility(self):
        from .volatility import estimate

        return estimate(self.context) if self.context is not None else None

    @cached_property
    def _with_evidence(self) -> list[str]:
        """Jurisdictions some of whose targets have a figure or a probability."""
        c = self._counts
        return list(c.index[c["any"] > 0])

    @property
    def summarised(self) -> bool:
        """More jurisdictions with evidence than ``config.REPORT_PAGES_MAX``: one summary row each, no pages."""
        return len(self._with_evidence) > config.REPORT_PAGES_MAX

    @property
    def page_codes(self) -> list[str]:
        """Jurisdictions with a page of their own: some target has a figure or a probability (none when the
        panel is summarised)."""
        return [] if self.summarised else self._with_evidence

    def summary_html(self) -> str:
        """A large panel's jurisdictions, one row each (the pages are in the per-jurisdiction PDFs); nothing for a
        panel small enough to have pages."""
        if not self.summarised:
            return ""
        lang = self.lang
        c = self._counts
        rows = c.drop(columns=["any", "lower_bound_only"]).assign(
            jurisdiction=[self.names.jurisdictions.get(code, code) for code in c.index],
            pdf=[f"jurisdictions/{code}.pdf" for code in c.index],
        )
        columns = ["code", "jurisdiction", "targets", "with_evidence", "achieved", "missed", "live", "other_scope"]
        columns += ["without_figure"]
        table = rows.rename_axis("code").reset_index()[[*columns, "pdf"]]
        save_table(table, "jurisdictions_summary", self.output_dir)
        intro = (
            f"{len(self.codes):,} 个地区有已发布的目标，其中 {len(self._with_evidence):,} 个有数据或达标概率，多于"
            f"{config.REPORT_PAGES_MAX} 个，因此本报告每个地区只列一行；各地区的分析页见其单独的 PDF"
            "（doubling-analysis report --per-jurisdiction）。"
            if lang == "zh"
            else f"{len(self.codes):,} jurisdictions have published targets, {len(self._with_evidence):,} of them with a "
            f"figure or a probability: more than {config.REPORT_PAGES_MAX}, so this report gives each one row; each "
            "jurisdiction's pages are in its own PDF (doubling-analysis report --per-jurisdiction)."
        )
        shown = table.rename(
            columns={"jurisdiction": L.t("jurisdiction", lang)}
            | {c: L.t(f"sum_{c}", lang) for c in table.columns if c not in ("jurisdiction", "pdf")}
        )
        return (
            heading_html(L.t("jurisdiction_pages", lang), "jurisdictions")
            + f"<p>{html.escape(intro)}</p>"
            + self._table(shown, "jurisdictions_summary")
        )

    def without_evidence_html(self) -> str:
        """Jurisdictions none of whose targets has a figure of its own measure, together in one section (no
        near-empty pages; a summarised panel lists them in its summary). A target with figures of another scope
        is listed as such, with their ids."""
        quiet = [c for c in self.codes if c not in self._with_evidence]
        if not quiet or self.summarised:
            return ""
        lang = self.lang
        parts = [heading_html(L.t("quiet_jurisdictions", lang), "quiet")]
        for code in quiet:
            rows, distinct, evidence, live, other, none = self._split(code)
            parts.append(f"<h3>{html.escape(self.names.jurisdictions.get(code, code))}</h3>")
            parts.append("<p>" + html.escape(self._jur_counts(code) + " " + self._no_evidence_summary(none)) + "</p>")
            if len(other):
                parts.append(self._table(self._other_scope_cols(other), "assessment"))
        return "".join(parts)

    def jurisdiction_html(self, code: str) -> str:
        lang = self.lang
        rows, distinct, evidence, live, other, none = self._split(code)
        parts = [heading_html(self.names.jurisdictions.get(code, code), f"j-{code}")]
        parts.append("<p>" + html.escape(self._jur_counts(code)) + "</p>")
        if len(evidence):
            parts.append(f"<h3>{html.escape(L.t('with_evidence', lang))}</h3>")
            parts.append(self._table(self._evidence_cols(evidence), "assessment"))
        if len(live):
            parts.append(f"<h3>{html.escape(L.t('live_targets', lang))}</h3>")
            parts.append(
                self._table(
                    self._target_cols(live).assign(
                        **{
                            L.t("latest", lang): [self._latest(r) for _, r in live.iterrows()],
                            L.t("rate_to_go", lang): live["rate_to_go"].map(L.fmt_pct),
                            L.t("p_attain", lang): live["p_attain"].map(lambda p: f"{p:.2f}"),
                            L.t("p_interval", lang): [
                                f"{L.fmt_value(a, u, lang)} – {L.fmt_value(b, u, lang)}"
                                for a, b, u in zip(live["projected_low"], live["projected_high"], live["unit"])
                            ],
                        }
                    ),
                    "assessment",
                )
            )
        if len(other):
            parts.append(f"<h3>{html.escape(L.t('other_scope_only', lang))}</h3>")
            parts.append(self._table(self._other_scope_cols(other), "assessment"))
        if len(none):
            parts.append(f"<h3>{html.escape(L.t('no_evidence', lang))}</h3>")
            parts.append("<p>" + html.escape(self._no_evidence_summary(none)) + "</p>")
        return "".join(parts)

    def _other_scope_cols(self, other: pd.DataFrame) -> pd.DataFrame:
        """Targets with figures of another scope only: the figures the assessment noted (ids), never merged."""
        from .notes import render as render_notes

        return self._target_cols(other).assign(
            **{
                L.t("other_scope_figures", self.lang): [
                    render_notes([x for x in (n or ()) if x.code == "other_scope"], self.lang) for n in other["notes"]
                ],
                L.t("figure_ids", self.lang): [" ".join(other_scope_ids(n)) for n in other["notes"]],
            }
        )

    def _jur_counts(self, code: str) -> str:
        """The jurisdiction's counts, read off :attr:`_counts` (the numbers of the summary table and the gaps)."""
        c = self._counts.loc[code]
        pos = self._positions.get(code)
        n = len(pos) if pos is not None else 0
        return L.t("jur_counts", self.lang).format(
            n=n,
            d=int(c["targets"]),
            e=int(c["with_evidence"]),
            live=int(c["live"]),
            other=int(c["other_scope"]),
            none=int(c["without_figure"]),
        )

    def _no_evidence_summary(self, none: pd.DataFrame) -> str:
        kinds = dict(zip(self.catalog.indicators["code"].astype(str), self.catalog.indicators["kind"].astype(str)))
        groups = none.groupby(none["indicator_code"].map(kinds))
        parts = []
        for kind, g in sorted(groups, key=lambda kv: -len(kv[1])):
            names = list(dict.fromkeys(self._indicator(i, None) for i in g["indicator_code"]))
            more = len(names) - 3
            shown = "、".join(names[:3]) if self.lang == "zh" else "; ".join(names[:3])
            if more > 0:
                shown += f" 等 {len(names)} 类" if self.lang == "zh" else f" and {more} more"
            parts.append(
                f"{L.t('kind_' + kind, self.lang)} {len(g)}（{shown}）"
                if self.lang == "zh"
                else f"{len(g)} {L.t('kind_' + kind, self.lang)} ({shown})"
            )
        return ("；".join(parts) + "。") if self.lang == "zh" else ("; ".join(parts) + ".")

    def jurisdiction_charts(self, code: str):
        """Growth-path charts of the jurisdiction's measures that have targets and at least two figures."""
        from .plots import growth_path_chart
        from .views import growth_path

        own = self._split(code)[0]  # the jurisdiction's rows (grouped once), not a filter of the whole table
        rows = own[
            own["counted"].astype(bool) & own["latest_value"].notna() & own["sector"].isna() & (own["unit"] != "ratio")
        ]
        by_id = own.set_index("target_id")
        figs = []
        for ind in dict.fromkeys(rows["indicator_code"]):
            view = growth_path(
                self.catalog,
                code,
                ind,
                self.quarter,
                methods=(),
                n_paths=config.CHART_PATHS,
                table=own,
                context=self.context,
                volatility=self._volatility,
            )
            if len(view.points) < 2 or view.targets.empty:
                continue
            targets = view.targets.assign(
                attains_if=[
                    L.fmt_target(r, self.lang) for _, r in by_id.loc[view.targets["target_id"]].reset_index().iterrows()
                ]
            )
            fig, data = growth_path_chart(
                view.points,
                targets,
                next(iter(view.projections.values()), None),
                view.required,
                title=f"{self.names.jurisdictions.get(code, code)} · {self._indicator(ind, None)}",
                unit=L.unit_label(view.unit, self.lang),
                lang=self.lang,
            )
            save_table(data, f"growth_path_{code}_{ind}", self.output_dir)
            figs.append(fig)
        return figs

    def comparison_html(self) -> str:
        """The comparison of open targets by growth and progress; nothing when no target is open (the findings say
        so, and the doubling tracker compares the jurisdictions)."""
        if not (self.table["outcome"] == "pending").any():
            return ""
        return heading_html(L.t("comparison", self.lang), "comparison")

    def comparison_charts(self):
        """Required against observed growth and the progress categories of the open targets (none when every
        target year has passed)."""
        from .plots import category_heatmap, required_vs_observed
        from .views import target_label

        open_ = self.table[(self.table["outcome"] == "pending") & self.table["counted"].astype(bool)]
        save_table(open_, "open_targets", self.output_dir)
        shown, title = self._largest(open_, "rate_to_go", L.t("rate_to_go", self.lang), "open_targets")
        figs = []
        if shown["required_growth"].notna().any():
            fig, data = required_vs_observed(shown, target_label(self.catalog, self.lang), self.lang)
            save_table(data, "growth_required_observed", self.output_dir)
            figs.append(fig)
        fig, data = category_heatmap(shown, target_label(self.catalog, self.lang), self.lang)
        if fig is not None:
            save_table(data, "progress_categories", self.output_dir)
            figs.append(fig)
        for fig in figs if title else ():
            fig.axes[0].set_title(title, fontsize=8)
        return figs

    # ---- 5. comparison, consistency, gaps, appendices -------------------------------------------------------
    def consistency_html(self) -> str:
        from .hierarchy import cross_document, hierarchy_sums

        lang = self.lang
        parts = [heading_html(L.t("consistency", lang), "consistency")]
        h = hierarchy_sums(self.catalog, as_of=self.quarter)
        save_table(h, "hierarchy_sums", self.output_dir)
        if len(h):
            parts.append(
                self._table(
                    pd.DataFrame(
                        {
                            L.t("source_id", lang): h["source_id"],
                            L.t("indicator", lang): [
                                self._indicator(i, s if s != "(all named)" else None)
                                for i, s in zip(h["indicator_code"], h["sector"])
                            ],
                            L.t("year", lang): h["target_year"].astype(str),
                            L.t("parent", lang): h["parent_code"].map(self.names.jurisdictions),
                            L.t("target", lang): h["parent_value"].map(L.fmt_num),
                            L.t("children_sum", lang): h["children_sum"].map(L.fmt_num),
                            L.t("difference", lang): h["difference"].map(L.fmt_num),
                            L.t("status", lang): [L.hierarchy_status(r, lang) for _, r in h.iterrows()],
                        }
                    ),
                    "hierarchy_sums",
                )
            )
        x = cross_document(self.catalog, as_of=self.quarter)
        save_table(x, "cross_document", self.output_dir)
        if len(x):
            parts.append(
                self._table(
                    pd.DataFrame(
                        {
                            L.t("jurisdiction", lang): x["jurisdiction_code"].map(self.names.jurisdictions),
                            L.t("indicator", lang): [
                                self._indicator(i, s) for i, s in zip(x["indicator_code"], x["sector"])
                            ],
                            L.t("earlier", lang): [
                                f"{t} ({y}): {L.fmt_num(v)}"
                                for t, y, v in zip(x["earlier_target"], x["earlier_year"], x["earlier_value"])
                            ],
                            L.t("later", lang): [
                                f"{t} ({y}): {L.fmt_num(v)}"
                                for t, y, v in zip(x["later_target"], x["later_year"], x["later_value"])
                            ],
                            L.t("implied", lang): x["implied_annual_growth"].map(L.fmt_pct),
                        }
                    ),
                    "cross_document",
                )
            )
        return "".join(parts)

    def ambition(self) -> pd.DataFrame:
        from .ambition import ambition

        amb = ambition(self.catalog, self.table[self.table["counted"].astype(bool)])
        save_table(amb, "ambition", self.output_dir)
        return amb

    def ambition_chart(self):
        """The growth each target implies against the recorded growth (at most ``config.REPORT_CHART_ROWS``
        targets, the largest implied growth first; every row in tables/ambition.csv)."""
        from .plots import ambition_chart
        from .views import target_label

        fig, _ = ambition_chart(self.ambition(), target_label(self.catalog, self.lang), self.lang)
        return fig

    def gaps_html(self) -> str:
        """How many targets have no public figure, per jurisdiction (a summarised panel: in its summary table),
        and the figures known only as bounds."""
        from .presentation import gaps_statement
        from .rendering import markdown_html
        from .views import bounded_figures

        lang = self.lang
        parts = [heading_html(L.t("gaps", lang), "gaps")]
        if self.summarised:
            c = self._counts
            text = L.t("gaps_panel", lang).format(
                n=f"{int(c['without_figure'].sum()):,}",
                d=f"{int(c['targets'].sum()):,}",
                other=f"{int(c['other_scope'].sum()):,}",
                col=L.t("sum_without_figure", lang),
                col_other=L.t("sum_other_scope", lang),
            )
            parts.append(f"<p>{html.escape(text)}</p>")
        else:
            parts.append(markdown_html(gaps_statement(self.table, self.catalog, lang)))
        bounded = bounded_figures(self.catalog, self.quarter, lang, self.codes)
        save_table(bounded, "bounded_figures", self.output_dir)
        parts.append(self._table(bounded, "bounded_figures"))
        return "".join(parts)

    def sources_html(self) -> str:
        from .presentation import sources_table

        table = sources_table(self.catalog, self.lang)
        save_table(table, "sources", self.output_dir)
        return heading_html(L.t("appendix_sources", self.lang), "sources") + self._table(table, "sources")

    def backtest_markdown(self) -> str:
        """The backtest's summary beside the probabilities it scores; every scored forecast in tables/backtest.csv."""
        from .backtest import units_table
        from .presentation import backtest_text

        if self.backtest_table is not None:
            save_table(self.backtest_table, "backtest", self.output_dir)
            save_table(units_table(self.backtest_table), "backtest_units", self.output_dir)
        return backtest_text(self.backtest_summary, self.lang)

    def all_targets_html(self) -> str:
        lang = self.lang
        t = self.table
        save_table(t, "assessment", self.output_dir)
        return heading_html(L.t("appendix_targets", lang), "all-targets") + self._table(
            self._target_cols(t, with_jurisdiction=True).assign(
                **{L.t("outcome", lang): t["outcome"].map(lambda x: L.t(x, lang))}
            ),
            "assessment",
        )

    # ---- helpers --------------------------------------------------------------------------------------------
    def _table(self, frame: pd.DataFrame, csv_name: str = "") -> str:
        """A report table of at most ``config.REPORT_TABLE_ROWS`` rows (``REPORT_PANEL_TABLE_ROWS`` for a summarised
        panel); a longer one names its CSV file."""
        full = f"{self.output_dir}/{csv_name}.csv" if csv_name and self.output_dir else ""
        rows = config.REPORT_PANEL_TABLE_ROWS if self.summarised else config.REPORT_TABLE_ROWS
        return html_table(frame, max_rows=rows, full=full, lang=self.lang)

    def _indicator(self, code, sector) -> str:
        name = self.names.indicators.get(code, code)
        if isinstance(sector, str) and sector:
            name += " · " + self.names.sectors.get(sector, sector)
        return name

    def _target_cols(self, t: pd.DataFrame, with_jurisdiction: bool = False) -> pd.DataFrame:
        lang = self.lang
        full = (
            t.merge(
                self.table[
                    [
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
                ],
                on="target_id",
                how="left",
                suffixes=("_x", ""),
            )
            if "unit_written" not in t
            else t
        )
        out = pd.DataFrame({L.t("target", lang): full["target_id"].to_numpy()})
        if with_jurisdiction:
            out[L.t("jurisdiction", lang)] = full["jurisdiction_code"].map(self.names.jurisdictions).to_numpy()
        out[L.t("indicator", lang)] = [self._indicator(i, s) for i, s in zip(full["indicator_code"], full["sector"])]
        out[L.t("year", lang)] = full["target_year"].astype(str).to_numpy()
        out[L.t("attains_if", lang)] = [L.fmt_target(r, lang) for _, r in full.iterrows()]
        out[L.t("tier", lang)] = full["tier"].map(lambda x: L.t(x, lang) if isinstance(x, str) else "").to_numpy()
        out.index = t.index
        return out

    def _latest(self, r) -> str:
        if pd.isna(r["latest_value"]):
            return ""
        v = (
            L.fmt_pct(r["latest_value"])
            if r["unit"] == "ratio"
            else L.fmt_value(r["latest_value"], r["unit"], self.lang)
        )
        mark = {"lower": "> ", "upper": "< ", "approx": "~"}.get(r["latest_bound"], "")
        return f"{L.fmt_period(r['latest_period'], self.lang)}: {mark}{v} ({r['latest_actual_id']})"

    def _evidence_cols(self, ev: pd.DataFrame) -> pd.DataFrame:
        lang = self.lang
        return self._target_cols(ev).assign(
            **{
                L.t("outcome", lang): ev["outcome"].map(lambda x: L.t(x, lang)),
                L.t("latest", lang): [self._latest(r) for _, r in ev.iterrows()],
                L.t("deciding_figure", lang): ev["outcome_ids"].fillna(""),
                L.t("note", lang): [self._judgement(r) for _, r in ev.iterrows()],
            }
        )

    def _judgement(self, r) -> str:
        from .notes import render as render_notes

        notes = [n for n in (r["notes"] or ()) if n.code.startswith(("judgement_", "existential", "universal"))]
        return render_notes(notes, self.lang)


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
    from .assess import assess
    from .backtest import backtest
    from .evidence import build_context
    from .tracker import doubling_tracker
    from .views import parse_list

    ctx = build_context(catalog, quarter)
    table = assess(catalog, quarter, n_paths=n_paths, seed=seed, context=ctx)
    previous = assess(catalog, previous_quarter(quarter), n_paths=n_paths, seed=seed)
    codes = parse_list(jurisdictions) or jurisdictions_with_targets(catalog, table)
    table = table[table["jurisdiction_code"].isin(codes)]
    previous = previous[previous["jurisdiction_code"].isin(codes)]
    points, summary = doubling_tracker(catalog, quarter, table, context=ctx)
    from .vintage import catalog_as_of

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
