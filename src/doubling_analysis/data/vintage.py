"""Which reported figure an analysis uses: real-time ("as of") filtering and the choice among competing reports.

A figure is identified by (jurisdiction_code, indicator_code, sector, period). When several reports of one
figure exist (a preliminary and a revised GDP, a news lead and a bulletin), the one used is chosen by, in order:

1. status: revised, then final, then preliminary (a ``projected`` figure, published before its period ended, is
   never the figure used: :meth:`Vintages.projections` gives projections apart, as evidence for probabilities);
2. bound: an exact figure before an approximate one, before a one-sided bound (突破 / 超过);
3. publication date: the latest first (unknown dates last);
4. source kind: official, then news, then secondary;
5. file order.

Levels (``value``) and growth rates (``growth``) are chosen separately: a report may give only one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..quarters import as_of_date

if TYPE_CHECKING:
    from .catalog import Catalog

KEY = ["jurisdiction_code", "indicator_code", "sector", "period"]

#: months after the end of a period at which a figure with no known publication date is assumed published
DEFAULT_PUBLICATION_LAG_MONTHS = 2

_STATUS_RANK = {"revised": 0, "final": 1, "preliminary": 2, "projected": 3}
_BOUND_RANK = {"exact": 0, "approx": 1, "lower": 2, "upper": 2}
_KIND_RANK = {"official": 0, "news": 1, "secondary": 2}


def available_date(actuals: pd.DataFrame, lag_months: int = DEFAULT_PUBLICATION_LAG_MONTHS) -> pd.Series:
    """The date from which each report may be used: its publication date, or, when unknown, the end of its
    period plus ``lag_months`` months. A *revised* figure with no publication date (a revision after an
    economic census comes years later) is never taken as known at a past as-of date: NaT."""
    assumed = _last_days(actuals["period_end"] + lag_months)
    assumed = assumed.where(actuals["status"].astype(str) != "revised")
    return actuals["published_date"].fillna(assumed).astype("datetime64[ns]")


def _last_days(periods: pd.Series) -> pd.Series:
    """The last day of each period (one vectorised pass for a period column, not one Period object per row)."""
    if isinstance(periods.dtype, pd.PeriodDtype):
        return periods.dt.end_time.dt.normalize()
    return periods.map(lambda p: p.end_time.normalize())


def rank_reports(actuals: pd.DataFrame) -> pd.DataFrame:
    """The actuals sorted so that, within each figure, the preferred report comes first."""
    order = actuals.assign(
        _status=actuals["status"].astype(str).map(_STATUS_RANK),
        _bound=actuals["bound"].astype(str).map(_BOUND_RANK),
        _published=actuals["published_date"],
        _kind=actuals["source_kind"].astype(str).map(_KIND_RANK),
        _order=range(len(actuals)),
    )
    order = order.sort_values(
        ["_status", "_bound", "_published", "_kind", "_order"],
        ascending=[True, True, False, True, True],
        na_position="last",
    )
    return order.drop(columns=["_status", "_bound", "_published", "_kind", "_order"])


def figure_keys(frame: pd.DataFrame) -> pd.Series:
    """One string per report naming the figure it reports (jurisdiction, indicator, sector, period)."""
    parts = [_texts(frame[col]) for col in KEY]
    return pd.Series(["|".join(rec) for rec in zip(*parts)], index=frame.index)


def _texts(col: pd.Series) -> list[str]:
    """Each value of a column as text ("" when missing), converted once per distinct value, not once per row."""
    codes, uniques = pd.factorize(col)
    text = ["" if pd.isna(v) else str(v) for v in uniques] + [""]  # code -1 (missing) takes the last: ""
    return [text[c] for c in codes.tolist()]


def select_actuals(
    actuals: pd.DataFrame,
    as_of: str | pd.Timestamp | None = None,
    measure: str = "value",
    lag_months: int = DEFAULT_PUBLICATION_LAG_MONTHS,
) -> pd.DataFrame:
    """One report per figure: the preferred one among those available by ``as_of`` (all when None).

    ``measure`` is "value" (levels) or "growth" (reported growth rates). The result keeps every column of the
    chosen report and adds ``n_reports`` (how many reports of this figure were available) so that a reader
    sees when alternatives exist; :func:`alternatives` lists them.
    """
    if measure not in ("value", "growth"):
        raise ValueError("measure must be 'value' or 'growth'")
    frame = actuals[actuals[measure].notna() & (actuals["status"].astype(str) != "projected")]
    if as_of is not None:
        frame = frame[(available_date(frame, lag_months) <= as_of_date(as_of)).fillna(False).astype(bool)]
    ranked = rank_reports(frame)
    key = figure_keys(ranked)
    ranked = ranked.assign(n_reports=key.map(key.value_counts()).astype("Int64"))
    chosen = ranked[~key.duplicated(keep="first")]
    return chosen.sort_values(KEY).reset_index(drop=False)


def alternatives(
    actuals: pd.DataFrame, jurisdiction_code: str, indicator_code: str, period: str, sector: str | None = None
) -> pd.DataFrame:
    """Every report of one figure, the preferred one first."""
    mask = (
        (actuals["jurisdiction_code"].astype(str) == str(jurisdiction_code))
        & (actuals["indicator_code"].astype(str) == indicator_code)
        & (actuals["period"] == period)
    )
    if sector is None:
        mask &= actuals["sector"].isna()
    else:
        mask &= actuals["sector"].astype(str) == sector
    return rank_reports(actuals[mask])


def apply_revisions(actuals: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Published revisions stated as amounts (e.g. GDP at final verification "较初核减少73亿元") become revised
    figures of the level they revise, known from the revision's publication date on.

    A revision indicator has ``kind`` "other", a code ending in ``_revision`` and ``refers_to`` the level it
    revises. Its figure is added to the *preliminary* report of the same jurisdiction, sector and period; the
    derived row gets status "revised", the id ``<preliminary id>+<revision id>``, the revision's source and
    publication date, and a note naming both. Without a preliminary report nothing is derived.
    """
    if "refers_to" not in indicators:
        return actuals
    levels = {
        str(c): ref
        for c, ref in zip(indicators["code"], indicators["refers_to"])
        if str(c).endswith("_revision") and isinstance(ref, str)
    }
    rev = actuals[actuals["indicator_code"].astype(str).isin(list(levels)) & actuals["value"].notna()]
    if rev.empty:
        return actuals
    ranked, first = _preliminary_reports(actuals, set(levels.values()))
    rows = []
    for r in rev.itertuples(index=False):
        pos = first.get(_revised_figure(r.jurisdiction_code, levels[str(r.indicator_code)], r.period, r.sector))
        if pos is None:
            continue
        base = ranked.iloc[pos]
        b = base.copy()
        b["actual_id"] = f"{b['actual_id']}+{r.actual_id}"
        b["value"] = float(b["value"]) + float(r.value)
        b["growth"] = pd.NA
        b["growth_pct"] = pd.NA
        b["status"] = "revised"
        for col in ("published", "published_date", "source_kind", "source_id", "source_url", "source_title", "quote"):
            b[col] = getattr(r, col)
        b["note"] = (
            f"derived: preliminary {base['actual_id']} ({float(base['value']):g}) plus the "
            f"published revision {r.actual_id} ({float(r.value):+g})"
        )
        rows.append(b)
    if not rows:
        return actuals
    derived = pd.DataFrame(rows)
    out = pd.concat([actuals, derived], ignore_index=True)
    for col in actuals.columns:  # keep categorical codes categorical
        if isinstance(actuals[col].dtype, pd.CategoricalDtype):
            out[col] = pd.Categorical(out[col].astype(object), categories=actuals[col].cat.categories)
    return out


def _revised_figure(jurisdiction: object, indicator: object, period: object, sector: object) -> tuple:
    """The figure a revision revises, as :func:`_preliminary_reports` keys it (no sector: None)."""
    return str(jurisdiction), str(indicator), period, None if pd.isna(sector) else str(sector)


def _preliminary_reports(actuals: pd.DataFrame, levels: set[str]) -> tuple[pd.DataFrame, dict[tuple, int]]:
    """The preliminary reports of a level of ``levels`` (ranked, :func:`rank_reports`), and the position of the
    preferred one of each figure (:func:`_revised_figure`): ranked once, not once per revision."""
    m = (
        actuals["indicator_code"].astype(str).isin(levels)
        & (actuals["status"].astype(str) == "preliminary")
        & actuals["value"].notna()
        & actuals["period"].notna()
    )
    ranked = rank_reports(actuals[m])
    first: dict[tuple, int] = {}
    figures = zip(ranked["jurisdiction_code"], ranked["indicator_code"], ranked["period"], ranked["sector"])
    for pos, figure in enumerate(figures):
        first.setdefault(_revised_figure(*figure), pos)
    return ranked, first


def targets_as_of(targets: pd.DataFrame, as_of: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """The targets whose document was issued by ``as_of`` (a partial issue date counts from the last day it may
    stand for: an article dated 2021 exists from 2021-12-31)."""
    if as_of is None or "available_from" not in targets:
        return targets
    # a document with no issue date cannot be placed in time: its targets appear only with all data (validate warns)
    known = targets["available_from"].notna() & (targets["available_from"] <= as_of_date(as_of))
    return targets[known.astype(bool)]


def catalog_as_of(
    catalog: Catalog, as_of: str | pd.Timestamp | None, lag_months: int = DEFAULT_PUBLICATION_LAG_MONTHS
) -> Catalog:
    """The catalog as it stood at ``as_of``: only figures available by then and targets whose document was
    issued by then (for analyses that must not see the future, e.g. a past quarter's backtest)."""
    import dataclasses

    known = (available_date(catalog.actuals, lag_months) <= as_of_date(as_of)).fillna(False).astype(bool)
    return dataclasses.replace(catalog, actuals=catalog.actuals[known], targets=targets_as_of(catalog.targets, as_of))


class Vintages:
    """Every report ranked once (revisions applied), so that the figures known at any date are one filter and one
    de-duplication away: what a backtest needs for its many origins."""

    def __init__(
        self, actuals: pd.DataFrame, indicators: pd.DataFrame, lag_months: int = DEFAULT_PUBLICATION_LAG_MONTHS
    ):
        revised = apply_revisions(actuals, indicators)
        self.ranked = {}
        for measure in ("value", "growth"):
            frame = rank_reports(revised[revised[measure].notna()])
            key = figure_keys(frame)
            self.ranked[measure] = frame.assign(_key=key, _available=available_date(frame, lag_months))

    def known(self, as_of: str | pd.Timestamp | None, measure: str) -> pd.DataFrame:
        """Every report available at ``as_of`` (all of them, not one per figure: bound/exact pairs need both)."""
        f = self.ranked[measure]
        if as_of is not None:
            f = f[(f["_available"] <= as_of_date(as_of)).fillna(False).astype(bool)]
        return f

    def projections(self, as_of: str | pd.Timestamp | None, measure: str) -> pd.DataFrame:
        """The official projections (status ``projected``) available at ``as_of``, latest first per figure."""
        f = self.known(as_of, measure)
        return f[f["status"].astype(str) == "projected"]

    def select(self, as_of: str | pd.Timestamp | None, measure: str) -> pd.DataFrame:
        """As :func:`select_actuals` (unsorted): one report per figure, the preferred one known at ``as_of``; a
        projection is never a figure."""
        f = self.ranked[measure]
        f = f[f["status"].astype(str) != "projected"]
        if as_of is not None:
            f = f[(f["_available"] <= as_of_date(as_of)).fillna(False).astype(bool)]
        counts = f["_key"].map(f["_key"].value_counts())
        return f[~f["_key"].duplicated(keep="first")].assign(n_reports=counts).drop(columns=["_key", "_available"])


def vintages(catalog: Catalog, lag_months: int = DEFAULT_PUBLICATION_LAG_MONTHS) -> Vintages:
    """The catalog's :class:`Vintages`, computed once per catalog and lag."""
    cache = catalog.__dict__.setdefault("_vintages", {})
    key = (lag_months, id(catalog.actuals))  # a copy with other actuals gets its own
    if key not in cache:
        cache[key] = Vintages(catalog.actuals, catalog.indicators, lag_months)
    return cache[key]
