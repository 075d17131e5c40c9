"""The assessment table: one row per target known at the as-of date, every method side by side.

A pipeline of small steps, each returning a small frozen record:

``resolve`` (the target's measure, comparator set, tier) → ``gather`` (the evidence known at the as-of date:
own series, concordant indicators, units; :mod:`evidence`) → ``threshold`` (relative 倍增 targets resolved on
their base, bounded bases kept as ranges) → ``decide`` (the outcome: achieved, missed, likely_achieved,
likely_missed, undetermined or pending, with the deciding figures' ids and the judgement it rests on) →
``growth_facts`` (base, start, latest, required and observed growth, rate to go) → ``progress_of`` (the methods of
:mod:`progress`, only while the target year is open) → ``attain`` (the calibrated probability of
:mod:`attainment`).

Notes are :class:`notes.Note` codes (column ``notes``), rendered in English in ``note`` and in any language by
the views.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypedDict, cast

import numpy as np
import pandas as pd

from .. import config
from ..codes import DECIDED, OUTCOMES, Bound, Comparator, Tier
from ..codes import Outcome as OutcomeCode
from ..data.vintage import targets_as_of
from .attainment import (
    Start,
    effective_draws,
    growth_draws,
    growth_forecast,
    level_paths,
    probability,
    projection_error,
    projection_weights,
    quantiles,
    weighted_probability,
    weighted_quantiles,
)
from .evidence import (
    Context,
    Point,
    concordant_points,
    indicator_row,
    is_stock,
    merged_series,
    other_scope_points,
    own_points,
    projection_points,
    series_points,
    unit_points,
)
from .growth import cagr
from .margins import BoundMargins
from .notes import BOUND_ZH, PER_ZH, Note, render
from .progress import REGISTRY, ProgressInput, assess_progress, progress_row, score_columns
from .projection import Projection, RateList, Rates, Seed, Shocks
from .snapshot import Snapshot, context_at, volatility_at
from .snapshot import check as check_snapshot
from .snapshot import snapshot as make_snapshot
from .targets import Interval, judge, judge_threshold, observation_interval, plausible_range, target_set, widen
from .volatility import Volatility, class_of, family, series_model, volatility_class

if TYPE_CHECKING:
    from ..data.catalog import Catalog

__all__ = ["COLUMNS", "OUTCOMES", "assess", "rank", "series_points", "target_seed", "targets_as_of"]


class AssessmentRow(TypedDict, total=False):
    """One row of the assessment table: its keys are the table's columns, in order (a key that is not a field is an
    error, not a silently dropped value: :func:`checked_row`)."""

    target_id: str
    jurisdiction_code: str
    indicator_code: str
    sector: str | None
    target_year: int
    target_value: float
    tier: Tier | None
    base_year: int
    base_value: float
    latest_period: str
    latest_value: float
    latest_bound: Bound
    required_growth: float
    observed_growth: float
    rate_to_go: float
    ratio_r: float
    category_eurostat: str | None
    share_p: float
    category_unsd: str | None
    category_destatis: str | None
    p_attain: float
    projected_median: float
    projected_low: float
    projected_high: float
    outcome: OutcomeCode
    note: str
    comparator: Comparator
    unit: str
    attains_if: str
    per: str | None
    applies_to: str | None
    escap_anticipated: float
    category_escap: str | None
    p_bound: float | None
    p_model: str
    p_assumptions: str
    base_actual_id: str
    latest_actual_id: str
    as_of: str | None
    source_id: str
    outcome_ids: str | None
    judgement: str | None
    same_as: str | None
    counted: bool
    quantifier: str | None
    available_from: pd.Timestamp
    volatility_class: str
    unit_written: str
    value_written: float
    value_written_canonical: float
    value_high_canonical: float | None
    notes: tuple[Note, ...]


COLUMNS = list(AssessmentRow.__annotations__)
_FIELDS = frozenset(COLUMNS)


def checked_row(row: dict) -> dict:
    """``row`` when every key is a column of :class:`AssessmentRow`; ValueError naming the others."""
    unknown = row.keys() - _FIELDS
    if unknown:
        raise ValueError(f"assessment row of {row.get('target_id')}: keys that are not columns: {sorted(unknown)}")
    return row


def target_seed(seed: int, target_id: str) -> list[int]:
    """A target's own random stream: the run's seed and a checksum of the target id, so that adding or removing
    a target leaves every other target's draws unchanged."""
    return [int(seed), zlib.crc32(str(target_id).encode())]


def _fmt_pct(v: float) -> str:
    return f"{v:.1%}"


def _fmt_num(v: float) -> str:
    return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"


def _s(x: object) -> str | None:
    return None if x is None or (not isinstance(x, str) and pd.isna(x)) or x == "" else str(x)


# ---- step 1: resolve -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    target_id: str
    jurisdiction: str
    indicator: str
    sector: str
    kind: str
    direction: str
    measure: str  # "value" or "growth"
    series: str  # the indicator whose figures judge it
    T: int
    base_year: int
    value: float
    value_high: float | None
    comparator: str
    unit: str
    tier: str | None
    per: str | None
    applies_to: str | None
    quantifier: str | None
    same_as: str | None
    relative_k: float | None  # k of a "k × base" target
    source_id: str
    series_zh: str = ""
    series_en: str = ""

    @property
    def fmt(self) -> Callable[[float], str]:
        return _fmt_pct if self.measure == "growth" or self.unit == "ratio" else _fmt_num


def indicator_rows(ind: pd.DataFrame) -> dict[str, dict]:
    """Each indicator's row (code -> column -> value) of ``ind`` (indexed by code): built once per table, so that
    resolving a target is a dictionary look-up, not a row of a frame."""
    return dict(zip(map(str, ind.index), ind.to_dict("records")))


def resolve(t: Any, rows: Mapping[str, Mapping]) -> Resolved:
    """The target ``t`` (a row of the targets) with its indicator's facts; ``rows``: :func:`indicator_rows`."""
    code = str(t.indicator_code)
    info = rows[code]
    kind = str(info["kind"])
    refers = _s(info["refers_to"])
    if kind == "growth_rate":
        measure, series = "growth", refers or code
    elif kind == "relative" and t.unit == "× base":
        measure, series = "value", refers or code
    else:
        measure, series = "value", code
    return Resolved(
        str(t.target_id),
        str(t.jurisdiction_code),
        code,
        _s(t.sector) or "",
        kind,
        str(info["direction"]),
        measure,
        series,
        int(t.target_year),
        int(t.base_year),
        float(t.value),
        None if pd.isna(t.value_high) else float(t.value_high),
        str(t.comparator),
        str(t.unit),
        _s(t.tier),
        _s(t.per),
        _s(t.applies_to),
        _s(getattr(t, "quantifier", None)),
        _s(getattr(t, "same_as", None)),
        float(t.value) if kind == "relative" and t.unit == "× base" else None,
        str(t.source_id),
        str(rows[series]["name_zh"]) if series in rows else series,
        str(rows[series]["name_en"]) if series in rows else series,
    )


# ---- step 2: gather the evidence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    points: tuple[Point, ...]  # own series, concordant points filling its gaps
    units: tuple[Point, ...] = ()  # figures of the units (quantifier any / each)
    other_scope: tuple[Point, ...] = ()
    parts: tuple[Point, ...] = ()  # a count's figures of the jurisdiction's units (a whole they contest)
    projections: tuple[Point, ...] = ()  # official projections of the series (status projected): never outcomes


def gather(r: Resolved, ctx: Context) -> Evidence:
    own = own_points(ctx, r.measure, r.jurisdiction, r.series, r.sector)
    conc = concordant_points(ctx, r.measure, r.jurisdiction, r.series, r.sector)
    units: list[Point] = []
    if r.quantifier:
        info = _indicator_info(ctx, r.indicator)
        codes = tuple(c for c in (r.indicator, _s(info["refers_to"])) if c)
        units = unit_points(ctx, r.measure, r.jurisdiction, codes, r.sector)
    parts = unit_points(ctx, r.measure, r.jurisdiction, (r.series,), r.sector) if r.kind == "count" else []
    return Evidence(
        tuple(merged_series(own, conc)),
        tuple(units),
        tuple(other_scope_points(ctx, r.measure, r.jurisdiction, r.series, r.sector)),
        tuple(parts),
        tuple(projection_points(ctx, r.measure, r.jurisdiction, r.series, r.sector)),
    )


# ---- step 3: the threshold ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    tset: Interval | None  # the outcomes that attain the target (fixed threshold)
    value: float | None  # the threshold as a number (for growth arithmetic)
    base: Point | None = None  # the base of a relative target
    low: float | None = None  # range of a threshold resting on a bounded base
    high: float | None = None
    notes: tuple[Note, ...] = ()

    @property
    def range(self) -> tuple[float, float] | None:
        """(low, high) of a threshold known only as a range, else None."""
        if self.low is not None and self.high is not None and self.high > self.low:
            return self.low, self.high
        return None

    @property
    def uncertain(self) -> bool:
        return self.range is not None


def threshold(r: Resolved, ev: Evidence, margins: BoundMargins | None = None) -> Threshold:
    unit = "ratio" if r.measure == "growth" else r.unit
    if r.relative_k is None:
        return Threshold(target_set(r.value, r.comparator, unit, r.direction, r.value_high), r.value)
    base = next((p for p in ev.points if p.t == float(r.base_year) and p.kind == "year"), None)
    if base is None:
        return Threshold(None, None)
    lo, hi = plausible_range(base.value, base.bound, margins)
    value = r.relative_k * base.value
    notes = [
        Note.of(
            "resolved_relative",
            k=f"{r.relative_k:g}",
            base_year=r.base_year,
            series=r.series,
            base=_fmt_num(base.value),
            value=_fmt_num(value),
        )
    ]
    if base.bound != "exact":
        notes.append(
            Note.of(
                "relative_bounded_base",
                base_bound=base.bound,
                range=f"[{_fmt_num(r.relative_k * lo)}, {_fmt_num(r.relative_k * hi)}]",
            )
        )
    return Threshold(
        target_set(value, r.comparator, r.unit, r.direction),
        value,
        base,
        r.relative_k * lo,
        r.relative_k * hi,
        tuple(notes),
    )


# ---- step 4: the outcome --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    level: str
    ids: tuple[str, ...] = ()
    judgement: str = ""
    notes: tuple[Note, ...] = ()


def _verdict(obs: Interval, th: Threshold, comparator: str) -> str:
    rng = th.range
    if rng is not None:
        # deciding: a base known only from below (突破 X) has no upper end, so neither has the threshold; the
        # plausible range (config.LOWER_BOUND_PLAUSIBLE_MARGIN) serves the probability only
        high = math.inf if th.base is not None and th.base.bound == "lower" else rng[1]
        return judge_threshold(obs, Interval(rng[0], high), comparator)
    if th.tset is None:
        return "undetermined"
    return judge(obs, th.tset)


def _likely(verdict: str) -> str:
    return {"achieved": "likely_achieved", "missed": "likely_missed"}.get(verdict, verdict)


def _outcome_note(p: Point, r: Resolved) -> Note:
    return Note.of(
        "outcome_from",
        period=p.period,
        value=r.fmt(p.value),
        bound=p.bound,
        bound_zh=BOUND_ZH[p.bound],
        actual_id=p.actual_id,
    )


def _judgement_of(p: Point, r: Resolved) -> tuple[str, Note]:
    text = f"{r.series} measured by {p.via} ({p.reason_en})"
    return text, Note.of(
        "judgement_concordance",
        series=r.series,
        other=p.via,
        series_zh=r.series_zh,
        series_en=r.series_en,
        other_zh=p.via_zh,
        other_en=p.via_en,
        from_year=int(p.t),
        reason=p.reason_en,
        reason_zh=p.reason_zh,
    )


def _bounded_by_relation(obs: Interval, relation: str) -> Interval | None:
    """The values of the target's measure that a figure of an including or included measure allows: the other
    includes it (``included_in``, main business revenue in operating revenue): at most the other's figure; it
    includes the other (``includes``): at least it. None for the same measure (no bound, only a judgement)."""
    if relation == "included_in":
        return Interval(-math.inf, obs.high, True, obs.high_closed)
    if relation == "includes":
        return Interval(obs.low, math.inf, obs.low_closed, True)
    return None


def _relation_verdict(r: Resolved, th: Threshold, obs: Interval, p: Point) -> str | None:
    """achieved or missed when the bound an inclusion gives decides (an operating revenue below an "at least"
    target of main revenue: missed); None when it does not, or for growth rates (the growth of an including
    measure bounds nothing)."""
    bound = _bounded_by_relation(obs, p.relation) if r.measure == "value" else None
    if bound is None:
        return None
    verdict = _verdict(bound, th, r.comparator)
    return verdict if verdict in ("achieved", "missed") else None


def _concordance_bound_note(r: Resolved, p: Point, verdict: str) -> tuple[str, Note]:
    inner, outer = (r.series, p.via) if p.relation == "included_in" else (p.via, r.series)
    side = "above" if p.relation == "included_in" else "below"
    text = f"{outer} includes {inner}: {p.via} {r.fmt(p.value)} bounds {r.series} from {side}, which decides {verdict}"
    return text, Note.of(
        "concordance_bound",
        other=p.via,
        other_en=p.via_en,
        other_zh=p.via_zh,
        series_en=r.series_en,
        series_zh=r.series_zh,
        value=r.fmt(p.value),
        side=side,
        side_zh="上限" if side == "above" else "下限",
        verdict=verdict,
        verdict_zh={"achieved": "已实现", "missed": "未实现"}[verdict],
    )


def _decide_point(r: Resolved, th: Threshold, p: Point, stock_gap_years: float = 0.0) -> Outcome:
    obs = observation_interval(p.value, p.bound)
    notes = [_outcome_note(p, r)]
    judgements = []
    likely = False
    if stock_gap_years:
        drift = config.STOCK_DRIFT_PER_YEAR * stock_gap_years
        obs = widen(obs, drift)
        months = round(stock_gap_years * 12)
        judgements.append(
            f"stock at {p.period} ({months} months from the end of {r.T}) stands for the year end, "
            f"allowing {drift:.0%} change"
        )
        notes.append(Note.of("judgement_stock", period=p.period, gap=months, year=r.T, drift=f"{drift:.0%}"))
        likely = True
    verdict = _verdict(obs, th, r.comparator)
    if p.via:
        text, note = _judgement_of(p, r)
        notes.append(note)
        decided = _relation_verdict(r, th, obs, p)
        if decided is not None:  # the inclusion's bound decides: no judgement needed beyond the stock's
            bound_text, bound_note = _concordance_bound_note(r, p, decided)
            text, verdict = f"{text}; {bound_text}", decided
            notes.append(bound_note)
        else:
            likely = True
            if r.measure == "growth" and p.relation in ("includes", "included_in"):
                notes.append(Note.of("concordance_growth_no_bound", other=p.via))
                text += "; the growth of an including or included measure gives no bound: likely at most"
        judgements.append(text)
    if likely:
        verdict = _likely(verdict)
    return Outcome(
        verdict,
        (p.actual_id,) if verdict != "undetermined" else (),
        "; ".join(judgements) if verdict != "undetermined" else "",
        tuple(notes),
    )


def _final_point(r: Resolved, points: Iterable[Point]) -> Point | None:
    return next((p for p in points if p.t == float(r.T) and p.kind in ("year", "month")), None)


def _stock_point(r: Resolved, points: Iterable[Point], stock: bool) -> tuple[Point, float] | None:
    """A stock reported inside the target year or shortly after it, nearest to the year end."""
    if not stock:
        return None
    window = config.STOCK_WINDOW_MONTHS_AFTER / 12.0
    cands = [p for p in points if r.T - 1 < p.t <= r.T + window + 1e-9 and p.t != float(r.T)]
    if not cands:
        return None
    p = min(cands, key=lambda q: (bool(q.via), abs(q.t - r.T)))
    return p, abs(p.t - r.T)


@dataclass(frozen=True)
class RecordGrowth:
    """The highest annual growth in the record of one volatility class: consecutive exact annual figures known at
    the as-of date (projections left out), ``a`` to ``b``."""

    growth: float
    a: Point
    b: Point
    series: str


def record_growth(ctx: Context, cls: str | None) -> RecordGrowth | None:
    """:class:`RecordGrowth` of ``cls`` in ``ctx`` (None without two consecutive annual figures), once per
    context."""
    if cls is None:
        return None
    memo = ctx.cache.setdefault("_record_growth", {})
    if cls not in memo:
        best: RecordGrowth | None = None
        for measure, jur, code, sector in ctx.series_keys():
            if measure != "value" or indicator_row(ctx, code) is None or class_of(ctx, measure, code) != cls:
                continue
            pts = [
                p
                for p in own_points(ctx, measure, jur, code, sector)
                if p.kind == "year" and p.bound == "exact" and p.value > 0 and not p.projected
            ]
            for a, b in zip(pts, pts[1:]):
                g = (b.value / a.value) ** (1.0 / (b.t - a.t)) - 1.0
                if best is None or g > best.growth:
                    best = RecordGrowth(g, a, b, "/".join(x for x in (jur, code, sector) if x))
        memo[cls] = best
    return memo[cls]


def _beyond_record(r: Resolved, ev: Evidence, th: Threshold, cap: RecordGrowth | None) -> Outcome | None:
    """A target that can no longer have been met: the annual growth needed from its latest figure before the
    target year (at its highest value the bound allows) to the target's weakest end exceeds
    ``config.MAX_GROWTH_FACTOR`` × the highest annual growth in the record of its class: likely_missed."""
    if cap is None or cap.growth <= 0 or r.measure != "value" or r.direction == "down" or r.per is not None:
        return None  # per-year flows are judged year by year
    need = th.range[0] if th.range is not None else th.tset.low if th.tset is not None else math.nan
    if not math.isfinite(need) or need <= 0 or (th.tset is not None and math.isfinite(th.tset.high)):
        return None  # only "reach at least" targets (their set has no upper end)
    pts = [p for p in ev.points if p.t < r.T and not p.projected and p.relation != "includes"]
    if not pts:
        return None
    latest = pts[-1]
    high = observation_interval(latest.value, latest.bound).high
    if not math.isfinite(high) or high <= 0:
        return None  # a lower bound (突破 X) says nothing about how far it is
    rate = (need / high) ** (1.0 / (r.T - latest.t)) - 1.0
    limit = config.MAX_GROWTH_FACTOR * cap.growth
    if rate <= limit:
        return None
    text = (
        f"can no longer have been met: from {latest.period} {r.fmt(latest.value)} ({latest.actual_id}) to "
        f"{r.fmt(need)} in {r.T} needs {rate:.0%} a year, beyond {config.MAX_GROWTH_FACTOR:g} × the highest "
        f"annual growth in the record of its class ({cap.growth:.0%}: {cap.series} {cap.a.period} "
        f"{_fmt_num(cap.a.value)} to {cap.b.period} {_fmt_num(cap.b.value)}, {cap.b.actual_id})"
    )
    note = Note.of(
        "judgement_beyond_record",
        period=latest.period,
        value=r.fmt(latest.value),
        actual_id=latest.actual_id,
        need=r.fmt(need),
        year=r.T,
        rate=f"{rate:.0%}",
        factor=f"{config.MAX_GROWTH_FACTOR:g}",
        cap=f"{cap.growth:.0%}",
        series=cap.series,
        cap_from=f"{cap.a.period} {_fmt_num(cap.a.value)}",
        cap_to=f"{cap.b.period} {_fmt_num(cap.b.value)}",
        cap_id=cap.b.actual_id,
    )
    return Outcome("likely_missed", (latest.actual_id,), text, (note,))


def _contested(r: Resolved, ev: Evidence, out: Outcome, p: Point) -> Outcome:
    """A count decided from the whole's figure ``p`` while one of its units alone reports as many or more within a
    year of it: the decision is at most likely, and its judgement names the conflicting figures."""
    rivals = [q for q in ev.parts if abs(q.t - p.t) <= 1.0 and q.value >= p.value and not q.projected and not p.via]
    if not rivals or out.level not in DECIDED:
        return out
    named = ", ".join(f"{q.jurisdiction} {q.period} {r.fmt(q.value)} ({q.actual_id})" for q in rivals)
    text = f"contested: one unit alone reports as many as or more than {p.period} {r.fmt(p.value)} ({p.actual_id}): {named}"
    note = Note.of("judgement_contested", period=p.period, value=r.fmt(p.value), actual_id=p.actual_id, named=named)
    judgement = "; ".join(x for x in (out.judgement, text) if x)
    return Outcome(_likely(out.level), out.ids, judgement, out.notes + (note,))


def _decisive(points: Iterable[Point]) -> list[Point]:
    """The points that may decide an outcome: a projection (status projected) never does."""
    return [p for p in points if not p.projected]


def _projected_notes(r: Resolved, points: Iterable[Point]) -> tuple[Note, ...]:
    return tuple(
        Note.of("projected_no_outcome", period=p.period, value=r.fmt(p.value), actual_id=p.actual_id)
        for p in points
        if p.projected and r.T - 1 < p.t <= r.T
    )


def decide(
    r: Resolved, ev: Evidence, th: Threshold, passed: bool, stock: bool, cap: RecordGrowth | None = None
) -> Outcome:
    """The outcome once the target year has passed ("pending" before). ``cap``: the highest annual growth in the
    record of the target's class (:func:`record_growth`), for targets that can no longer have been met."""
    if not passed:
        return Outcome("pending")
    if r.per in ("quarter", "month", "period") or (th.tset is None and not th.uncertain):
        return Outcome("undetermined")
    if r.quantifier in ("any", "each"):
        return _decide_units(r, ev, th, stock)
    if r.applies_to:
        return Outcome("undetermined")
    points = _decisive(ev.points)
    projected = _projected_notes(r, ev.points + ev.projections)  # a projection in points is left out above
    final = _final_point(r, points)
    if final is not None:
        out = _contested(r, ev, _decide_point(r, th, final), final)
        return replace(out, notes=out.notes + projected)
    near = _stock_point(r, points, stock)
    if near is not None:
        out = _contested(r, ev, _decide_point(r, th, near[0], near[1]), near[0])
        if out.level != "undetermined":
            return replace(out, notes=out.notes + projected)
    beyond = _beyond_record(r, ev, th, cap)
    if beyond is not None:
        return replace(beyond, notes=(Note.of("no_final", year=r.T),) + beyond.notes + projected)
    return Outcome("undetermined", notes=(Note.of("outcome_none", year=r.T),) + projected)


def _decide_units(r: Resolved, ev: Evidence, th: Threshold, stock: bool) -> Outcome:
    """Existential targets (any unit) are achieved by one unit that attains; universal ones (each) are missed by
    one unit that misses. The other verdict needs every unit's figure and stays undetermined."""
    by_unit: dict[str, list[Point]] = {}
    for p in _decisive(ev.units):
        by_unit.setdefault(p.jurisdiction, []).append(p)
    want = "achieved" if r.quantifier == "any" else "missed"
    for unit, pts in sorted(by_unit.items()):
        pts = sorted(pts, key=lambda p: p.t)
        final = _final_point(r, pts)
        if final is not None:
            point, gap = final, 0.0
        else:
            near = _stock_point(r, pts, stock)
            if near is None:
                continue
            point, gap = near
        out = _decide_point(r, th, point, gap)
        if out.level in (want, _likely(want)):
            code = "existential_met" if want == "achieved" else "universal_missed"
            note = Note.of(code, unit=unit, period=point.period, value=r.fmt(point.value), actual_id=point.actual_id)
            return Outcome(out.level, out.ids, out.judgement, out.notes + (note,))
    return Outcome("undetermined")


# ---- step 5: growth arithmetic --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrowthFacts:
    base: Point | None = None
    start: Point | None = None
    latest: Point | None = None
    required: float = math.nan
    observed: float = math.nan
    rate_to_go: float = math.nan
    met_now: bool = False
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class GrowthPlans:
    """The growth targets of every document, for :func:`implied_base`: gathered once per table (one pass over the
    targets), not searched for in the whole targets table for each target."""

    codes: dict[str, frozenset[str]]  # level indicator -> the growth-rate indicators referring to it
    # (document, jurisdiction, target year, sector or None) -> (indicator, value, target id) of its growth
    # targets, in file order
    targets: dict[tuple[str, str, int, str | None], list[tuple[str, float, str]]]


def growth_plans(targets: pd.DataFrame, rows: Mapping[str, Mapping]) -> GrowthPlans:
    """The :class:`GrowthPlans` of ``targets``; ``rows``: :func:`indicator_rows`."""
    codes: dict[str, set[str]] = {}
    for code, info in rows.items():
        ref = info["refers_to"]
        if isinstance(ref, str) and str(info["kind"]) == "growth_rate":
            codes.setdefault(ref, set()).add(code)
    growth = set().union(*codes.values())
    g = targets[targets["indicator_code"].astype(str).isin(growth) & targets["target_year"].notna()]
    plans: dict[tuple[str, str, int, str | None], list[tuple[str, float, str]]] = {}
    for doc, jur, code, year, sector, value, target_id in zip(
        g["source_id"].astype(str),
        g["jurisdiction_code"].astype(str),
        g["indicator_code"].astype(str),
        g["target_year"],
        g["sector"],
        g["value"],
        g["target_id"],
    ):
        key = (doc, jur, int(year), None if pd.isna(sector) else str(sector))
        plans.setdefault(key, []).append((code, value, target_id))
    return GrowthPlans({ref: frozenset(c) for ref, c in codes.items()}, plans)


def implied_base(r: Resolved, plans: GrowthPlans) -> Point | None:
    """A plan that sets both a level and its growth for the same year implies the base: level / (1 + g)."""
    if r.measure != "value" or r.relative_k is not None or r.T - r.base_year != 1:
        return None
    growth = plans.codes.get(r.series, frozenset())
    same_plan = plans.targets.get((r.source_id, r.jurisdiction, r.T, r.sector or None), ())
    sib = next((s for s in same_plan if s[0] in growth), None)
    if sib is None:
        return None
    _, value, target_id = sib
    g = float(value)
    return Point(
        float(r.base_year),
        r.value / (1 + g),
        "exact",
        str(r.base_year),
        f"implied:{r.target_id}/{target_id}",
        "year",
    )


def growth_facts(r: Resolved, ev: Evidence, th: Threshold, implied: Point | None) -> GrowthFacts:
    upto = [p for p in ev.points if p.t <= r.T]
    if not upto:
        return GrowthFacts()
    latest = upto[-1]
    notes: list[Note] = []
    if r.measure == "growth":
        return GrowthFacts(latest=latest, observed=latest.value, notes=(Note.of("growth_target"),))
    # a bound is never a base or a starting point (it would make growth look like a fact); it is named instead
    bounded_base = next(
        (p for p in upto if p.t == float(r.base_year) and p.kind == "year" and p.bound != "exact"), None
    )
    if bounded_base is not None:
        notes.append(Note.of("bound_not_base", period=bounded_base.period, actual_id=bounded_base.actual_id))
    base = next((p for p in upto if p.t == float(r.base_year) and p.kind == "year" and p.bound == "exact"), None)
    start = base
    if start is None and implied is not None:
        start = implied
        g = r.value / implied.value - 1
        notes.append(
            Note.of(
                "implied_base",
                base_year=r.base_year,
                level=_fmt_num(r.value),
                growth=_fmt_pct(g),
                value=_fmt_num(implied.value),
                ids=implied.actual_id.split(":", 1)[1],
            )
        )
    if start is None:
        later = [p for p in upto if p.t > float(r.base_year) and p.bound == "exact"]
        if later and later[0].t < latest.t:
            start = later[0]
            notes.append(
                Note.of("start_later", base_year=r.base_year, period=start.period, value=_fmt_num(start.value))
            )
    target_value = th.value
    met_now = th.tset is not None and judge(observation_interval(latest.value, latest.bound), th.tset) == "achieved"
    required = observed = rtg = math.nan
    if start is not None and target_value and target_value > 0 and start.value > 0 and r.T > start.t:
        required = float(cagr(start.value, target_value, r.T - start.t))
    if start is not None and latest.t > start.t and start.value > 0 and latest.value > 0:
        observed = float(cagr(start.value, latest.value, latest.t - start.t))
    if met_now:
        notes.append(Note.of("already_met"))
    elif latest.t < r.T and latest.value > 0 and target_value and target_value > 0:
        rtg = float(cagr(latest.value, target_value, r.T - latest.t))
        if rtg <= 0:
            rtg = math.nan
        elif latest.bound == "lower":
            notes.append(Note.of("latest_lower"))
    if start is None:
        notes.append(
            Note.of("one_point", period=latest.period, base_year=r.base_year)
            if latest.t > float(r.base_year)
            else Note.of("no_point_after_base", base_year=r.base_year)
        )
    return GrowthFacts(base, start, latest, required, observed, rtg, met_now, tuple(notes))


# ---- step 6: progress methods ---------------------------------------------------------------------------------


def progress_of(
    r: Resolved, g: GrowthFacts, th: Threshold, history: tuple[Point, ...], methods: Iterable[str] | None
) -> dict:
    """Columns filled by the registered progress methods (levels only, while the target year is open)."""
    if r.measure != "value" or g.latest is None or th.value is None:
        return {}
    pts = {(p.t, p.value) for p in history if p.bound == "exact"}  # bounds are not fitted as points
    if g.start is not None:
        pts.add((g.start.t, g.start.value))  # an implied base is a point of the history too
    inp = ProgressInput(
        y0=None if g.start is None else g.start.value,
        t0=None if g.start is None else g.start.t,
        yt=g.latest.value,
        t=g.latest.t,
        yT=th.value,
        T=float(r.T),
        direction=r.direction,
        history=tuple(sorted(pts)),
        latest_is_bound=g.latest.bound != "exact",
        met=g.met_now,
    )
    return progress_row(assess_progress(inp, methods))


# ---- step 7: the probability ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attainment:
    p: float
    low: float
    median: float
    high: float
    model: str
    assumptions: str
    notes: tuple[Note, ...] = field(default=())
    projection: Projection | None = field(default=None, compare=False, repr=False)  # level paths, for charts


def _growth_scenario(rates: Rates | None, year: int) -> float | None:
    """A growth target's scenario rate: {year: rate} gives the target year's, a list its first (next year's)."""
    if rates is None:
        return None
    if isinstance(rates, dict):
        if year not in rates:
            raise ValueError(f"rates: expected a growth rate for the target year {year}, got years {sorted(rates)}")
        return float(rates[year])
    return float(np.atleast_1d(cast(RateList, rates))[0])


def attain(
    r: Resolved,
    ev: Evidence,
    th: Threshold,
    vol: Volatility,
    ctx: Context,
    *,
    rates: Rates | None = None,
    shocks: Shocks | None = None,
    n_paths: int = config.N_PATHS,
    seed: Seed = None,
    noise_sd: float | None = None,
) -> Attainment | None:
    """The probability that the target is attained, from the calibrated model (or the user's scenario)."""
    cls = _volatility_class(r, ctx)
    if cls is None:
        return None
    cv = vol.pool(cls, family(ctx, r.series))
    if r.measure == "growth":
        annual = {int(p.t): p.value for p in ev.points if p.kind == "year" and p.t < r.T and p.bound == "exact"}
        ytd = next(
            (
                (round((p.t - math.floor(p.t)) * 12) or 12, p.value)
                for p in reversed(ev.points)
                if p.kind == "month" and r.T - 1 < p.t < r.T and p.bound == "exact"
            ),
            None,
        )
        scenario = _growth_scenario(rates, int(r.T))
        fc = growth_forecast(annual, ytd, r.T, cv, vol, scenario)
        if fc is None:
            return None
        draws = growth_draws(fc, n_paths, seed)
        lo, med, hi = quantiles(draws)
        p = probability(draws, th.tset)
        how, model_name = fc.how + f"; {n_paths} draws", "growth-nowcast" if ytd else "growth-rule"
        with_proj = _with_projection(r, ctx, draws, th.tset.mask(draws) if th.tset is not None else None)
        if with_proj is not None:
            p, (lo, med, hi), extra, note = with_proj
            return Attainment(p, lo, med, hi, model_name + "+projection", how + extra, (note,))
        return Attainment(p, lo, med, hi, model_name, how)
    upto = [p for p in ev.points if p.t <= r.T]
    if not upto or upto[-1].t >= r.T:
        return None
    last = upto[-1]
    low, high = plausible_range(last.value, last.bound, ctx.margins)
    model = series_model(upto, cv, ctx.margins)
    if noise_sd is not None:  # a what-if without (or with a chosen) noise, e.g. to check arithmetic by hand
        model = replace(model, sd=float(noise_sd), df=1e9)
    proj = level_paths(
        Start(last.t, low, high, last.bound, last.actual_id),
        r.T,
        model,
        rates=rates,
        shocks=shocks,
        n_paths=n_paths,
        seed=seed,
    )
    draws = proj.at(r.T)
    notes = []
    if last.bound != "exact":
        notes.append(
            Note.of(
                "p_start_range",
                bound=last.bound,
                bound_zh=BOUND_ZH[last.bound],
                range=f"[{_fmt_num(low)}, {_fmt_num(high)}]",
            )
        )
    bounds = th.range
    if bounds is not None:
        rng = np.random.default_rng([*np.atleast_1d(seed if seed is not None else config.SEED), 1])
        thr = np.exp(rng.uniform(math.log(bounds[0]), math.log(bounds[1]), len(draws)))
        p = probability(draws, thresholds=thr, strict=r.comparator == ">")
        attained: np.ndarray | None = draws > thr if r.comparator == ">" else draws >= thr
    else:
        p = probability(draws, th.tset)
        attained = th.tset.mask(draws) if th.tset is not None else None
    lo, med, hi = quantiles(draws)
    how = proj.assumptions + f"; class: {cv.describe()}"
    method = proj.method
    with_proj = _with_projection(r, ctx, draws, attained)
    if with_proj is not None:
        p, (lo, med, hi), extra, note = with_proj
        how, method = how + extra, method + "+projection"
        notes.append(note)
    return Attainment(p, lo, med, hi, method, how, tuple(notes), proj)


def _with_projection(r: Resolved, ctx: Context, draws: np.ndarray, attained: np.ndarray | None) -> tuple | None:
    """An official projection of the target year's figure (status ``projected``, published by the as-of date)
    weighs the model's draws by its likelihood: (p, (low, median, high), assumptions, note), or None without one.
    Its error is learned from the projection/figure pairs known at the as-of date (config.PROJECTION_PRIOR_*)."""
    if attained is None:
        return None
    pts = [
        p
        for p in projection_points(ctx, r.measure, r.jurisdiction, r.series, r.sector)
        if p.kind == "year" and p.t == float(r.T)
    ]
    if not pts:
        return None
    pt = pts[0]
    err = projection_error(ctx.projection_pairs, r.measure)
    w = projection_weights(draws, pt.value, pt.bound, r.measure, err)
    if not np.isfinite(w).all() or w.sum() <= 0:
        return None
    p = weighted_probability(draws, w, np.asarray(attained, dtype=float))
    ess = effective_draws(w)
    unit = "in logs" if r.measure == "value" else "points"
    extra = (
        f"; weighted by the official projection {pt.actual_id} ({r.fmt(pt.value)}, {pt.bound}) with its error "
        f"sd {err.sd:.1%} {unit} (t, {err.df:.0f} df) from {err.n} projection/figure pair(s) and a prior; "
        f"{ess:.0f} effective draws"
    )
    if ess < config.PROJECTION_MIN_EFFECTIVE_DRAWS:
        extra += " (the projection dominates the model)"
    note = Note.of("p_projection", actual_id=pt.actual_id, value=r.fmt(pt.value))
    return p, weighted_quantiles(draws, w), extra, note


def target_attainment(
    catalog: Catalog,
    target_id: str,
    as_of: str | pd.Timestamp | None,
    *,
    rates: Rates | None = None,
    shocks: Shocks | None = None,
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    context: Context | None = None,
    volatility: Volatility | None = None,
    noise_sd: float | None = None,
) -> Attainment | None:
    """The probability of one target as of a date: the same function as the table's (with ``rates``: the
    user's scenario with the calibrated noise). The seed is the target's own stream, as in the table."""
    ctx = context_at(catalog, as_of, context)
    vol = volatility_at(ctx, volatility)
    t = catalog.targets[catalog.targets["target_id"] == target_id]
    if t.empty:
        raise KeyError(f"unknown target {target_id!r}")
    r = resolve(next(t.itertuples(index=False)), indicator_rows(catalog.indicators.set_index("code")))
    ev = gather(r, ctx)
    return attain(
        r,
        ev,
        threshold(r, ev, ctx.margins),
        vol,
        ctx,
        rates=rates,
        shocks=shocks,
        n_paths=n_paths,
        seed=target_seed(seed, target_id),
        noise_sd=noise_sd,
    )


# ---- the table ----------------------------------------------------------------------------------------------


def assess(
    catalog: Catalog,
    as_of: str | pd.Timestamp | None = None,
    projection_method: str = "auto",
    progress_methods: Iterable[str] | None = None,
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    scenario_rates: Rates | None = None,
    scenario_shocks: Shocks | None = None,
    lag_months: int = config.PUBLICATION_LAG_MONTHS,
    context: Context | None = None,
    volatility: Volatility | None = None,
    only: Iterable[str] | None = None,
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """The comparison table for ``as_of`` (a date or a quarter like '2023Q4'; default: everything known).

    ``projection_method``: "auto" (the calibrated model; "scenario" when ``scenario_rates`` are given),
    "scenario", or "none" (no probabilities). Only targets whose document was issued by ``as_of`` appear
    (and, with ``only``, those of the given ids). ``snapshot`` (or ``context``/``volatility``): the figures and
    calibration known at ``as_of``, built once by the caller; one built for another date is refused
    (:class:`~.snapshot.SnapshotMismatch`).
    """
    if projection_method not in ("auto", "scenario", "calibrated", "none"):
        raise ValueError(f"unknown projection method {projection_method!r}; known: auto, calibrated, scenario, none")
    if projection_method == "scenario" and scenario_rates is None:
        raise ValueError("the scenario method needs growth rates (--growth)")
    if snapshot is not None:
        check_snapshot(as_of, snapshot.context, snapshot.volatility)
        context, volatility = snapshot.context, snapshot.volatility
    snap = make_snapshot(catalog, as_of, lag_months, context, volatility)
    ctx, vol = snap.context, snap.volatility
    indicators = indicator_rows(catalog.indicators.set_index("code"))
    plans = growth_plans(catalog.targets, indicators)
    targets = targets_as_of(catalog.targets, as_of)
    if only is not None:
        targets = targets[targets["target_id"].isin(list(only))]
    rows = [
        _row(
            t,
            indicators,
            ctx,
            vol,
            plans,
            projection_method,
            progress_methods,
            n_paths,
            target_seed(seed, t.target_id),
            scenario_rates,
            scenario_shocks,
        )
        for t in targets.itertuples(index=False)
    ]
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["as_of"] = "all data" if as_of is None else str(as_of)
    for col in ("target_year", "base_year"):
        table[col] = table[col].astype("Int64")
    return table


def _row(
    t: Any,
    indicators: Mapping[str, Mapping],
    ctx: Context,
    vol: Volatility,
    plans: GrowthPlans,
    projection_method: str,
    progress_methods: Iterable[str] | None,
    n_paths: int,
    seed: Seed,
    scenario_rates: Rates | None,
    scenario_shocks: Shocks | None,
) -> dict:
    r = resolve(t, indicators)
    passed = ctx.as_of > pd.Timestamp(f"{r.T}-12-31")
    row = _identity_cells(r, t)
    ev = gather(r, ctx)
    th = threshold(r, ev, ctx.margins)
    notes: list[Note] = [Note.of("restates", other=r.same_as)] if r.same_as else []
    notes += list(th.notes)
    row.update(_threshold_cells(r, th))
    out = decide(
        r, ev, th, passed, is_stock(ctx, r.series), record_growth(ctx, _volatility_class(r, ctx)) if passed else None
    )
    row.update(outcome=out.level, outcome_ids=" ".join(out.ids) or None, judgement=out.judgement or None)
    notes += list(out.notes) + _other_scope_notes(r, ev)
    reason = _not_assessable(r, ev, th)
    if reason is not None:
        return _finish(row, [reason] + notes)
    if r.quantifier:  # the units decide; the jurisdiction's own series says nothing about each unit
        return _finish(
            row, notes + [Note.of("units_only", who=r.applies_to, n=len({p.jurisdiction for p in ev.units}))]
        )
    if r.per == "year":
        return _finish(row, notes + _per_year(row, r, ev, th, passed))
    g = growth_facts(r, ev, th, implied_base(r, plans))
    if g.latest is None:  # figures only after the target year (a stock may still have decided it, above)
        lead = [] if out.level in DECIDED else [Note.of("na_actuals_after", year=r.T)]
        return _finish(row, lead + notes)
    notes += list(g.notes)
    row.update(_growth_cells(g))
    if passed:
        notes.append(Note.of("year_passed"))
    else:
        row.update(progress_of(r, g, th, tuple(p for p in ev.points if p.t <= r.T), progress_methods))
    # after the target year, until the record decides it, p stays a nowcast (and says so)
    nowcast_until = pd.Timestamp(f"{r.T}-12-31") + pd.DateOffset(months=config.P_NOWCAST_MONTHS_AFTER_YEAR)
    if projection_method != "none" and not (passed and (out.level in DECIDED or ctx.as_of > nowcast_until)):
        rates = scenario_rates if projection_method in ("auto", "scenario") else None
        a = attain(r, ev, th, vol, ctx, rates=rates, shocks=scenario_shocks, n_paths=n_paths, seed=seed)
        if a is not None:
            row.update(_attain_cells(a))
            notes += list(a.notes)
            if passed:
                notes.append(Note.of("p_nowcast_after_year", year=r.T))
    row["volatility_class"] = _volatility_class(r, ctx)
    return _finish(row, notes)


#: the numeric cells a row has even when the record cannot fill them (NaN, not missing)
_NUMERIC_CELLS = ("base_value", "latest_value", "required_growth", "observed_growth", "rate_to_go")
_PROJECTION_CELLS = ("p_attain", "projected_median", "projected_low", "projected_high")


def _identity_cells(r: Resolved, t: Any) -> dict:
    """The cells that restate the target (what it is, where it comes from), and NaN for every number to come."""
    row = dict(
        target_id=r.target_id,
        jurisdiction_code=r.jurisdiction,
        indicator_code=r.indicator,
        sector=r.sector or None,
        target_year=r.T,
        target_value=r.value,
        tier=r.tier,
        base_year=r.base_year,
        comparator=r.comparator,
        unit=t.unit,
        per=r.per,
        applies_to=r.applies_to,
        source_id=r.source_id,
        same_as=r.same_as,
        counted=r.same_as is None,
        quantifier=r.quantifier,
        available_from=getattr(t, "available_from", pd.NaT),
        p_bound=None,
        unit_written=getattr(t, "unit_as_written", t.unit),
        value_written=getattr(t, "value_as_written", t.value),
        value_written_canonical=r.value,
        value_high_canonical=r.value_high,
    )
    for c in (*_NUMERIC_CELLS, *score_columns(), *_PROJECTION_CELLS):
        row[c] = np.nan
    return row


def _threshold_cells(r: Resolved, th: Threshold) -> dict:
    """What attains the target, as text (and the target value the threshold settles on)."""
    if th.tset is not None:
        bounds = th.range
        attains_if = (
            th.tset.describe(r.fmt)
            if bounds is None
            else f"{'>' if r.comparator == '>' else '>='} [{_fmt_num(bounds[0])}, {_fmt_num(bounds[1])}]"
        )
        return {"attains_if": attains_if, "target_value": th.value}
    if r.relative_k is not None:
        return {"attains_if": f">= {r.relative_k:g} × {r.base_year} {r.series}"}
    return {}


def _other_scope_notes(r: Resolved, ev: Evidence) -> list[Note]:
    """The figures of another scope nearest the target year (at most two), named but never used."""
    near_year = sorted(ev.other_scope, key=lambda p: abs(p.t - r.T))[:2]
    return [
        Note.of(
            "other_scope",
            other=p.via,
            other_zh=p.via_zh,
            other_en=p.via_en,
            period=p.period,
            value=r.fmt(p.value),
            actual_id=p.actual_id,
        )
        for p in near_year
    ]


def _growth_cells(g: GrowthFacts) -> dict:
    """The latest figure, the base, and the growth required, observed and still to go (``g.latest`` is known)."""
    assert g.latest is not None
    cells = dict(
        latest_period=g.latest.period,
        latest_value=g.latest.value,
        latest_bound=g.latest.bound,
        latest_actual_id=g.latest.actual_id,
        required_growth=g.required,
        observed_growth=g.observed,
        rate_to_go=g.rate_to_go,
    )
    if g.base is not None:
        cells.update(base_value=g.base.value, base_actual_id=g.base.actual_id)
    elif g.start is not None and g.start.actual_id.startswith("implied:"):
        cells.update(base_value=g.start.value, base_actual_id=g.start.actual_id)
    return cells


def _attain_cells(a: Attainment) -> dict:
    """The probability of attaining the target and the projected interval, with the model that gave them."""
    return dict(
        p_attain=a.p,
        projected_low=a.low,
        projected_median=a.median,
        projected_high=a.high,
        p_model=a.model,
        p_assumptions=a.assumptions,
    )


def _indicator_info(ctx: Context, code: str) -> pd.Series:
    """The indicator's row of ``ctx.indicators``, looked up once per context (KeyError when unknown)."""
    info = indicator_row(ctx, code)
    if info is None:
        raise KeyError(code)
    return info


def _volatility_class(r: Resolved, ctx: Context) -> str | None:
    """The volatility class of the target's series (of its own indicator's kind and unit when the series is no
    indicator), worked out once per context for a known series."""
    if indicator_row(ctx, r.series) is not None:
        return class_of(ctx, r.measure, r.series)
    info = _indicator_info(ctx, r.indicator)
    return volatility_class(r.measure, r.series, str(info["kind"]), str(info.get("canonical_unit", info["unit"])))


def _not_assessable(r: Resolved, ev: Evidence, th: Threshold) -> Note | None:
    if r.applies_to and not r.quantifier:
        return Note.of("na_applies_to", who=r.applies_to)
    if r.quantifier:
        return None if ev.units else Note.of("na_applies_to", who=r.applies_to)
    if r.per in ("quarter", "month"):
        return Note.of("na_flow_per", per=r.per, per_zh=PER_ZH[r.per])
    if r.per == "period":
        return Note.of("na_period_total")
    if r.relative_k is not None and th.tset is None:
        return Note.of("na_relative_no_base", k=f"{r.relative_k:g}", base_year=r.base_year, series=r.series)
    if not ev.points:
        sector = f" ({r.sector})" if r.sector else ""
        return Note.of(
            "na_no_actual",
            what=r.series + (" growth" if r.measure == "growth" else "") + sector,
            what_zh=r.series + sector + ("（增速）" if r.measure == "growth" else ""),
            jur=r.jurisdiction,
        )
    return None


def _finish(row: dict, notes: list[Note]) -> dict:
    if row.get("outcome") != "pending":  # once the year has passed, the outcome replaces the categories
        for m in REGISTRY.values():
            row[m.category_column] = None
    row["notes"] = tuple(notes)
    row["note"] = render(notes, "en")
    return checked_row(row)


def _per_year(row: dict, r: Resolved, ev: Evidence, th: Threshold, passed: bool) -> list[Note]:
    """每年 / 年均 targets: a growth target is the average annual growth over the plan period (compound, from each
    year's reported growth); a flow target must be met in every year. Only annual figures count; no probability."""
    years = list(range(r.base_year + 1, r.T + 1))
    tset = th.tset if th.tset is not None else Interval(-math.inf, math.inf)  # per-year targets are never relative
    annual = {int(p.t): p for p in ev.points if p.kind == "year" and int(p.t) in years}
    have = sorted(annual)
    span = f"{years[0]}-{years[-1]}"
    notes: list[Note] = []
    if have:
        last = annual[have[-1]]
        row.update(
            latest_period=last.period, latest_value=last.value, latest_bound=last.bound, latest_actual_id=last.actual_id
        )
    if r.measure == "growth":
        notes.append(Note.of("per_year_growth", span=span, have=len(have), n=len(years)))
        if have:
            avg = float(np.prod([1.0 + annual[y].value for y in have]) ** (1.0 / len(have)) - 1.0)
            row["observed_growth"] = avg
            if len(have) == len(years) and all(annual[y].bound == "exact" for y in have):
                row["outcome"] = judge(observation_interval(avg, "exact"), tset)
                row["outcome_ids"] = " ".join(annual[y].actual_id for y in have)
    else:
        verdicts = {y: judge(observation_interval(annual[y].value, annual[y].bound), tset) for y in have}
        notes.append(
            Note.of(
                "per_year_flow",
                span=span,
                have=len(have),
                n=len(years),
                met=sum(v == "achieved" for v in verdicts.values()),
            )
        )
        missed = [y for y, v in verdicts.items() if v == "missed"]
        if missed:
            row["outcome"], row["outcome_ids"] = "missed", annual[missed[0]].actual_id
        elif len(have) == len(years) and all(v == "achieved" for v in verdicts.values()):
            row["outcome"], row["outcome_ids"] = "achieved", " ".join(annual[y].actual_id for y in have)
    if row["outcome"] not in DECIDED:
        row["outcome"] = "undetermined" if passed else "pending"
    if not have:
        return [Note.of("na_per_year_none", span=span)] + notes
    return notes + [Note.of("per_year_no_p")]


def rank(
    table: pd.DataFrame, by: str = "p_attain", within: Sequence[str] = ("indicator_code",), ascending: bool = False
) -> pd.DataFrame:
    """Rank targets on ``by`` within groups (e.g. jurisdictions on one indicator); unassessed rows rank last."""
    out = table.copy()
    out[f"rank_{by}"] = (
        out.groupby(list(within), observed=True)[by]
        .rank(ascending=ascending, method="min", na_option="keep")
        .astype("Int64")
    )
    return out.sort_values(list(within) + [f"rank_{by}"], na_position="last")
