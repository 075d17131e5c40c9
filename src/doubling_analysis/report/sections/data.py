"""What every section reads: :class:`ReportData`, computed once by :func:`..quarterly.prepare`, and the views of it
that several sections share (each jurisdiction's rows, the counts per jurisdiction, the calibration, whether the
panel is summarised), each made once when first asked for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ... import config
from ...data.catalog import Catalog
from ..findings import Changes, Names, jurisdiction_counts, target_groups

#: (rows, distinct, evidence, live, other scope only, none): a jurisdiction's targets in the parts its page shows
Split = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]


@dataclass
class ReportData:
    """The quarter's tables (``prepare`` fills them) and the shared views of them (cached properties)."""

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

    @cached_property
    def shortfall_table(self) -> pd.DataFrame:
        """:func:`shortfall.shortfalls` of the assessment: the children of every missed or off-track target."""
        from ...model.shortfall import shortfalls

        j = self.catalog.jurisdictions
        parents = {str(c): p for c, p in zip(j["code"].astype(str), j["parent_code"]) if isinstance(p, str) and p}
        return shortfalls(self.table, parents)

    def _split(self, code: str) -> Split:
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
    def _split_rows(rows: pd.DataFrame) -> Split:
        """(rows, distinct, evidence, live, other scope only, none): the parts of :func:`findings.target_groups`."""
        g = target_groups(rows)
        distinct = rows[g.notna()]
        evidence = rows[g == "evidence"]
        live = distinct[(distinct["outcome"] == "pending") & distinct["p_attain"].notna()]
        return rows, distinct, evidence, live, rows[g == "other_scope"], rows[g == "none"]

    @cached_property
    def _volatility(self):
        from ...model.volatility import estimate

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
