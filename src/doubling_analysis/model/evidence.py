"""The evidence a target may use as of a date: its own series, concordant indicators, figures of its units.

Built once per assessment (:func:`build_context`) from the figures published by the as-of date
(:func:`vintage.select_actuals`, revisions applied), then queried per target with small look-ups. The rules
(data/README.md, "Evidence rules"):

* **own series** first: the target's jurisdiction, indicator (or the level it refers to) and sector;
* **concordance** (``data/concordance.csv``, read "indicator_code <relation> other_code"): an indicator of the
  *same measure* under another name, or one that *includes* it or is *included in* it, from a given year
  (主营业务收入 is included in 营业收入, which NBS reports from 2019) fills years the own series lacks; every point
  so used carries its relation and reason. A bound the inclusion gives decides outright (an operating revenue
  below an "at least" target of main revenue: missed); otherwise the outcome is a judgement (``likely_...``).
  A *different scope* (产值 vs 营业收入, cluster vs above-scale) is never merged, only noted;
* **units** of targets on several units (``quantifier`` any / each): the figures of the jurisdiction's
  descendants on the same indicator or the level it refers to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

import pandas as pd

from ..data.vintage import Vintages, as_of_date, vintages
from .margins import PRIOR as PRIOR_MARGINS
from .margins import BoundMargins, bound_margins

if TYPE_CHECKING:
    from ..data.catalog import Catalog

#: one report as :func:`_points` reads it: (period_kind, start month, end period, value, bound, period, id,
#: jurisdiction, status)
Record: TypeAlias = tuple[str, int, pd.Period, float, str, Any, Any, str, str]
#: a series: (measure, jurisdiction, indicator, sector)
SeriesKey: TypeAlias = tuple[str, str, str, str]


@dataclass(frozen=True)
class Point:
    t: float  # year, fractional for months (May 2021 = 2021 - 7/12)
    value: float
    bound: str
    period: str
    actual_id: str
    kind: str  # "year" or "month"
    via: str = ""  # the concordant indicator the figure is of ("" for the own series)
    reason_en: str = ""
    reason_zh: str = ""
    jurisdiction: str = ""
    via_zh: str = ""  # the concordant indicator's names
    via_en: str = ""
    relation: str = ""  # the concordance relation of ``via`` ("" for the own series)
    status: str = ""  # the report's status (preliminary, final, revised, projected)

    @property
    def projected(self) -> bool:
        """An official projection published before its period ended: evidence for a probability, never an
        outcome (its error: ``config.PROJECTION_PRIOR_SD`` and the projection/figure pairs)."""
        return self.status == "projected"


def _point_time(kind: str, end: pd.Period) -> float:
    if kind == "year":
        return float(end.year)
    return float(end.year) - (12 - end.month) / 12.0


def _points(records: Iterable[Record], measure: str, stock: bool) -> list[Point]:
    """Points from (period_kind, start month, end period, value, bound, period, id, jurisdiction, status)
    records."""
    pts = []
    for kind, start_month, end, value, bound, period, actual_id, jur, status in records:
        if kind == "ytd" and start_month == 1 and end.month == 12:
            kind = "year"  # a January-December figure is the year's
        if kind == "span":
            continue  # multi-year spans are not points of a series
        if measure == "value" and not (kind == "year" or (kind == "month" and stock)):
            continue
        kind = "year" if kind == "year" else "month"
        pts.append(
            Point(
                _point_time(kind, end),
                float(value),
                str(bound),
                str(period),
                str(actual_id),
                kind,
                jurisdiction=str(jur),
                status=str(status),
            )
        )
    pts.sort(key=lambda p: p.t)
    out: dict[float, Point] = {}
    for p in pts:  # one point per time: a year beats a reading ending in December of the same year
        if p.t not in out or out[p.t].kind != "year":
            out[p.t] = p
    return list(out.values())


def _months(periods: pd.Series) -> list:
    """The month of each period (one vectorised pass for a period column, not one Period object per row)."""
    if isinstance(periods.dtype, pd.PeriodDtype):
        return periods.dt.month.tolist()
    return [p.month for p in periods]


def _records(frame: pd.DataFrame, measure: str) -> Iterator[Record]:
    col, bound_col = ("value", "bound") if measure == "value" else ("growth", "growth_bound")
    return zip(
        frame["period_kind"].astype(str),
        _months(frame["period_start"]),
        frame["period_end"],
        frame[col].astype(float),
        frame[bound_col].astype(str),
        frame["period"],
        frame["actual_id"],
        frame["jurisdiction_code"].astype(str),
        frame["status"].astype(str) if "status" in frame else [""] * len(frame),
    )


def series_points(selected: pd.DataFrame, measure: str, stock: bool) -> list[Point]:
    """Points of one figure's series. Levels: years, months for stocks, and Jan-Dec spans; growth: years and
    year-to-date readings (kind "month", the span's last month)."""
    return _points(_records(selected, measure), measure, stock)


@dataclass
class Context:
    """Figures known at one as-of date, grouped for look-ups."""

    as_of: pd.Timestamp
    values: pd.DataFrame
    growths: pd.DataFrame
    children: dict[str, list[str]]
    parents: dict[str, str]
    indicators: pd.DataFrame  # indexed by code
    relations: dict = field(default_factory=dict)  # (indicator, relation) -> [Relation]
    cache: dict = field(default_factory=dict)  # series key -> points (each series converted once)
    records: dict = field(default_factory=dict)  # series key -> raw records of its figures
    margins: BoundMargins = PRIOR_MARGINS  # how far a bounded figure lies from its round number (margins.py)
    projections: dict = field(default_factory=dict)  # series key -> records of official projections (status projected)
    projection_pairs: tuple = ()  # (measure, projected value, outcome, ids) of projections whose figure is known

    def series_keys(self) -> list[SeriesKey]:
        """(measure, jurisdiction, indicator, sector) of every series with a figure known at the date."""
        return list(self.records)

    def published(self, actual_id: str) -> pd.Timestamp:
        """Publication date of a report (NaT when unknown)."""
        if "_published" not in self.cache:
            both = pd.concat([self.values, self.growths])
            self.cache["_published"] = dict(zip(both["actual_id"].astype(str), both["published_date"]))
        return self.cache["_published"].get(actual_id, pd.NaT)

    def descendants(self, code: str) -> list[str]:
        out, todo = [], list(self.children.get(code, []))
        while todo:
            c = todo.pop(0)
            if c not in out:
                out.append(c)
                todo.extend(self.children.get(c, []))
        return out

    def ancestors(self, code: str) -> list[str]:
        chain: list[str] = []
        current: str | None = code
        while isinstance(current, str) and current and current not in chain:
            chain.append(current)
            current = self.parents.get(current)
        return chain


@dataclass(frozen=True)
class Relation:
    other: str
    relation: str
    from_year: float
    to_year: float
    reason_en: str
    reason_zh: str


#: the relations that let another indicator's figures stand in for a target's measure, and each one's converse
#: (a row of concordance.csv holds both ways: main_revenue included_in revenue = revenue includes main_revenue)
CONVERSE = {"same_measure": "same_measure", "includes": "included_in", "included_in": "includes"}


def _relations_index(concordance: pd.DataFrame | None) -> dict:
    out: dict = {}
    if concordance is None or concordance.empty:
        return out
    for r in concordance.itertuples(index=False):
        lo = -1e9 if pd.isna(r.from_year) else float(r.from_year)
        hi = 1e9 if pd.isna(r.to_year) else float(r.to_year) + 0.999
        rel, a, b = str(r.relation), str(r.indicator_code), str(r.other_code)
        out.setdefault((a, rel), []).append(Relation(b, rel, lo, hi, str(r.reason_en), str(r.reason_zh)))
        if rel in CONVERSE:
            back = out.setdefault((b, CONVERSE[rel]), [])
            if not any(x.other == a for x in back):
                back.append(Relation(a, CONVERSE[rel], lo, hi, str(r.reason_en), str(r.reason_zh)))
    return out


def _keyed_records(frame: pd.DataFrame, measure: str) -> list[tuple[SeriesKey, Record]]:
    """(series key, record) of each row of the frame, converted in one pass (not one itertuples per series)."""
    keys = zip(
        frame["jurisdiction_code"].astype(str),
        frame["indicator_code"].astype(str),
        frame["sector"].astype(object).fillna(""),
    )
    return [((measure, *key), rec) for key, rec in zip(keys, _records(frame, measure))]


def _grouped(keyed: Iterable[tuple[SeriesKey, Record]]) -> dict[SeriesKey, list[Record]]:
    """Each series' records, in the order of ``keyed`` ((series key, record) pairs)."""
    out: dict = {}
    for key, rec in keyed:
        out.setdefault(key, []).append(rec)
    return out


def _group_records(frame: pd.DataFrame, measure: str) -> dict[SeriesKey, list[Record]]:
    """Each series' records, converted in one pass over the frame."""
    return _grouped(_keyed_records(frame, measure))


def _selected_records(v: Vintages, selected: pd.DataFrame, measure: str) -> dict[SeriesKey, list[Record]]:
    """As :func:`_group_records` for ``selected`` (rows of ``v.ranked[measure]``, as :meth:`Vintages.select` gives
    them), picking the records of every ranked report converted once per catalog: a backtest builds a context at
    each of its many origins."""
    ranked = v.ranked[measure]
    if not ranked.index.is_unique:
        return _group_records(selected, measure)
    cache = v.__dict__.setdefault("_keyed_records", {})
    if measure not in cache:
        cache[measure] = _keyed_records(ranked, measure)
    keyed = cache[measure]
    rows = ranked.index.get_indexer(selected.index)
    if (rows < 0).any():
        return _group_records(selected, measure)
    return _grouped(keyed[i] for i in rows.tolist())


def build_context(catalog: Catalog, as_of: str | pd.Timestamp | None = None, lag_months: int | None = None) -> Context:
    """The figures known at ``as_of`` (None: everything), revisions applied, grouped by series."""
    from .. import config

    lag = config.PUBLICATION_LAG_MONTHS if lag_months is None else lag_months
    v = vintages(catalog, lag)
    values = v.select(as_of, "value")
    growths = v.select(as_of, "growth")
    records = {**_selected_records(v, values, "value"), **_selected_records(v, growths, "growth")}
    j = catalog.jurisdictions
    parents = {str(c): p for c, p in zip(j["code"].astype(str), j["parent_code"]) if isinstance(p, str) and p}
    children: dict[str, list[str]] = {}
    for c, p in parents.items():
        children.setdefault(p, []).append(c)
    return Context(
        as_of=as_of_date(as_of) if as_of is not None else pd.Timestamp.max.normalize(),
        values=values,
        growths=growths,
        children=children,
        parents=parents,
        indicators=catalog.indicators.set_index("code"),
        relations=_relations_index(getattr(catalog, "concordance", None)),
        records=records,
        margins=_margins(v, as_of),
        projections={
            **_group_records(v.projections(as_of, "value"), "value"),
            **_group_records(v.projections(as_of, "growth"), "growth"),
        },
        projection_pairs=_projection_pairs(v, as_of, values, growths),
    )


def _projection_pairs(
    v: Vintages, as_of: str | pd.Timestamp | None, values: pd.DataFrame, growths: pd.DataFrame
) -> tuple:
    """(measure, projected, outcome, "projection id/figure id") of every projection known at ``as_of`` whose figure
    (an exact report of the same jurisdiction, indicator, sector and period) is known too: the projections' error."""
    out = []
    for measure, known, col, bound in (
        ("value", values, "value", "bound"),
        ("growth", growths, "growth", "growth_bound"),
    ):
        proj = v.projections(as_of, measure)
        if proj.empty or known.empty:
            continue
        keys = ["jurisdiction_code", "indicator_code", "sector", "period"]
        a = proj[[*keys, "actual_id", col]].astype({k: str for k in keys})
        b = known[known[bound].astype(str) == "exact"][[*keys, "actual_id", col]].astype({k: str for k in keys})
        m = a.merge(b, on=keys, suffixes=("_p", "_f"))
        out += [
            (measure, float(x), float(y), f"{i}/{j}")
            for x, y, i, j in zip(m[f"{col}_p"], m[f"{col}_f"], m["actual_id_p"], m["actual_id_f"])
            if pd.notna(x) and pd.notna(y)
        ]
    return tuple(out)


def projection_points(ctx: Context, measure: str, jur: str, series: str, sector: str) -> list[Point]:
    """The official projections known at the as-of date of a series, then of its concordant series (same measure,
    includes, included in; in the years the relation holds): one per period, the own series' first."""
    out = []
    codes = [(series, None)] + [(rel.other, rel) for kind in CONVERSE for rel in ctx.relations.get((series, kind), ())]
    for code, rel in codes:
        records = ctx.projections.get((measure, jur, code, sector), ())
        for p in _points(records, measure, is_stock(ctx, code)) if records else []:
            if rel is None or rel.from_year <= p.t <= rel.to_year:
                out.append(p)
    return out


def _margins(v: Vintages, as_of: str | pd.Timestamp | None) -> BoundMargins:
    """The bound margins measured from the reports known at ``as_of``, once per catalog and date."""
    cache = v.__dict__.setdefault("_margins", {})
    key = str(as_of_date(as_of)) if as_of is not None else None
    if key not in cache:
        cache[key] = bound_margins(v.known(as_of, "value"))
    return cache[key]


def indicator_row(ctx: Context, code: str) -> pd.Series | None:
    """The indicator's row of ``ctx.indicators`` (None when unknown), looked up once per context."""
    rows = ctx.cache.setdefault("_indicator_rows", {})
    if code not in rows:
        rows[code] = ctx.indicators.loc[code] if code in ctx.indicators.index else None
    return rows[code]


def is_stock(ctx: Context, indicator: str) -> bool:
    """Counts are stocks unless the indicator is a flow over the period (new / net new / per-period counts)."""
    stocks = ctx.cache.setdefault("_is_stock", {})
    if indicator not in stocks:
        stocks[indicator] = _is_stock(indicator_row(ctx, indicator))
    return stocks[indicator]


def _is_stock(info: pd.Series | None) -> bool:
    if info is None or str(info["kind"]) != "count":
        return False
    if "stock" in info.index and not pd.isna(info["stock"]):
        return bool(info["stock"])
    return True


def share_points(ctx: Context, memo: dict) -> None:
    """Let contexts of one catalog share ``memo``: a series whose records are the very same objects in several of
    them (as :func:`build_context` gives them, from records converted once per catalog) is converted to points
    once. For a backtest's many origins; call before the first look-up in ``ctx``."""
    ctx.cache["_points_memo"] = memo


def _shared_points(memo: dict, records: Sequence[Record], measure: str, stock: bool) -> list[Point]:
    # keyed by the records' identities: the entry holds the records, so no other object can take their ids
    key = (measure, stock, tuple(map(id, records)))
    if key not in memo:
        memo[key] = (tuple(records), _points(records, measure, stock))
    return memo[key][1]


def own_points(ctx: Context, measure: str, jur: str, series: str, sector: str) -> list[Point]:
    key = (measure, jur, series, sector)
    if key not in ctx.cache:
        records, stock, memo = ctx.records.get(key, ()), is_stock(ctx, series), ctx.cache.get("_points_memo")
        if memo is None:
            ctx.cache[key] = _points(records, measure, stock)
        else:
            ctx.cache[key] = _shared_points(memo, records, measure, stock)
    return list(ctx.cache[key])


def indicator_names(ctx: Context, code: str) -> tuple[str, str]:
    """The indicator's Chinese and English names (its code when unknown), looked up once per context."""
    names = ctx.cache.setdefault("_indicator_names", {})
    if code not in names:
        info = indicator_row(ctx, code)
        names[code] = (str(info["name_zh"]), str(info["name_en"])) if info is not None else (code, code)
    return names[code]


def _tagged(p: Point, rel: Relation, ctx: Context, relation: str = "") -> Point:
    zh, en = indicator_names(ctx, rel.other)
    return Point(
        p.t,
        p.value,
        p.bound,
        p.period,
        p.actual_id,
        p.kind,
        rel.other,
        rel.reason_en,
        rel.reason_zh,
        p.jurisdiction,
        zh,
        en,
        relation,
        p.status,
    )


def concordant_points(ctx: Context, measure: str, jur: str, series: str, sector: str) -> list[Point]:
    """Points of indicators that measure the same thing or include / are included in the target's measure
    (same_measure, includes, included_in rows, either way round), in the years the relation holds; each point
    carries its ``relation``."""
    return [
        _tagged(p, rel, ctx, kind)
        for kind in CONVERSE
        for rel in ctx.relations.get((series, kind), ())
        for p in own_points(ctx, measure, jur, rel.other, sector)
        if rel.from_year <= p.t <= rel.to_year
    ]


def other_scope_points(ctx: Context, measure: str, jur: str, series: str, sector: str) -> list[Point]:
    """Figures of a different scope on the same jurisdiction and sector: noted, never merged."""
    return [
        _tagged(p, rel, ctx)
        for rel in ctx.relations.get((series, "different_scope"), ())
        for p in own_points(ctx, measure, jur, rel.other, sector)
    ]


def merged_series(own: list[Point], concordant: list[Point]) -> list[Point]:
    """The own series, with concordant points filling the times it lacks."""
    have = {p.t for p in own}
    pts = own + [p for p in concordant if p.t not in have]
    pts.sort(key=lambda p: p.t)
    return pts


def unit_points(ctx: Context, measure: str, jur: str, series: tuple[str, ...], sector: str) -> list[Point]:
    """Figures of the jurisdiction's descendants on any of ``series`` (a unit's own indicator, or the level the
    target's indicator refers to)."""
    out = []
    for unit in ctx.descendants(jur):
        for code in series:
            out.extend(own_points(ctx, measure, unit, code, sector))
    return out
