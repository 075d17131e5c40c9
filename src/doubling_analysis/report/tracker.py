"""The doubling tracker: will they double, did they? One measure for every jurisdiction (above-scale industrial
revenue, the measure of the doubling plans), indexed to the plan's base year = 100.

Rules: the base is an exact figure of the base year as known at the as-of date (the latest revision then known);
without one, a base implied by a reported level and its reported growth in the same report (level / (1 + g)) is
used and labelled *derived*; a bound is never an index base. Later figures keep their bounds (drawn as ▲ for
"above", ▼ for "just below"). Every row states its measure and its span (base year to the latest figure).

A jurisdiction is held to its own plan's target on the measure, never to a doubling it did not set: a relative
target (k × the base year's level) needs k^(1/(T - base year)) - 1 a year; else its latest level target on the
measure (target / base)^(1/(T - base year)) - 1; a jurisdiction whose plans set neither has no required pace
(``target_kind`` "none").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .. import config
from ..model.evidence import Point, concordant_points, merged_series, own_points
from ..model.snapshot import context_at


@dataclass(frozen=True)
class Base:
    value: float
    actual_id: str
    derived: bool = False
    how: str = ""
    via: str = ""  # the concordant indicator the base figure is of ("" for the measure itself)


@dataclass(frozen=True)
class PlanTarget:
    """The target a jurisdiction's row is held to: its kind ("doubling", "level" or "none"), ids, year, base
    year, and k (relative) or the level."""

    kind: str
    ids: str = ""
    year: int | None = None
    base_year: int | None = None
    k: float | None = None
    level: float | None = None

    def multiple(self, base: Base | None) -> float:
        """The multiple of the base the target asks for (NaN without a target or, for a level, a base)."""
        if self.kind == "doubling" and self.k is not None:
            return float(self.k)
        if self.kind == "level" and self.level is not None and base is not None and base.value > 0:
            return float(self.level) / base.value
        return math.nan

    def required_pace(self, base: Base | None) -> float:
        m = self.multiple(base)
        if math.isnan(m) or self.year is None or self.base_year is None or self.year <= self.base_year:
            return math.nan
        return float(m ** (1 / (self.year - self.base_year)) - 1)


def tracked_jurisdictions(catalog, table: pd.DataFrame) -> list[str]:
    """Jurisdictions with a doubling (relative) target first, then the others (kept when they have a base-year
    figure of the measure), in the order of jurisdictions.csv."""
    rel = set(table.loc[table["indicator_code"].isin(_relative_codes(catalog)), "jurisdiction_code"])
    order = [str(c) for c in catalog.jurisdictions["code"]]
    return [c for c in order if c in rel] + [c for c in order if c not in rel]


def _relative_codes(catalog) -> list[str]:
    ind = catalog.indicators
    return ind.loc[(ind["kind"] == "relative") & (ind["refers_to"] == config.DOUBLING_MEASURE), "code"].tolist()


def base_of(points: list[Point], growths: list[Point], year: int) -> tuple[Base | None, str]:
    """The index base: an exact figure of ``year``; else level / (1 + g) from one report of ``year + 1``."""
    exact = next((p for p in points if p.t == float(year) and p.kind == "year" and p.bound == "exact"), None)
    if exact is not None:
        return Base(exact.value, exact.actual_id, via=exact.via), ""
    bounded = next((p for p in points if p.t == float(year) and p.kind == "year"), None)
    nxt = next((p for p in points if p.t == float(year + 1) and p.kind == "year" and p.bound == "exact"), None)
    g = next((q for q in growths if nxt is not None and q.actual_id == nxt.actual_id and q.kind == "year"), None)
    if nxt is not None and g is not None and g.bound == "exact":
        how = f"{nxt.value:,.1f} / (1 + {g.value:.1%})"
        return Base(nxt.value / (1 + g.value), nxt.actual_id, True, how, nxt.via), ""
    if bounded is not None:
        return None, f"bound:{bounded.actual_id}"
    return None, "none"


def plan_target(relative: pd.DataFrame, levels: pd.DataFrame, default_base: int, k_of: dict) -> PlanTarget:
    """The jurisdiction's own target on the measure: its relative (k × base) targets first (the earliest year;
    k of that year's first), else its level targets (the latest year: the plan's goal; the first of that year by
    id), else none. ``relative`` / ``levels``: the jurisdiction's rows of the assessment; ``k_of``: target id ->
    the k written in targets.csv (the assessment's target_value of a relative target is k × the base)."""

    def base_year_of(rows: pd.DataFrame) -> int:
        b = rows["base_year"].dropna() if "base_year" in rows else pd.Series(dtype=float)
        return int(b.min()) if len(b) else default_base

    if len(relative):
        year = int(relative["target_year"].min())
        first = relative[relative["target_year"] == year].sort_values("target_id").iloc[0]
        return PlanTarget(
            "doubling", " ".join(relative["target_id"]), year, base_year_of(relative), k=float(k_of[first["target_id"]])
        )
    if len(levels):
        year = int(levels["target_year"].max())
        rows = levels[levels["target_year"] == year].sort_values("target_id")
        first = rows.iloc[0]
        return PlanTarget(
            "level", " ".join(rows["target_id"]), year, base_year_of(rows), level=float(first["target_value"])
        )
    return PlanTarget("none")


def on_track(pace: float, required: float, bound: str) -> str | None:
    """ "ahead" (the pace so far is at least the plan's), "behind", or "unclear" (a bound on the wrong side:
    at least a pace below the required one, or just below a pace above it); None without a required pace."""
    if math.isnan(required) or math.isnan(pace):
        return None
    if pace >= required:
        return "unclear" if bound == "upper" else "ahead"
    return "unclear" if bound == "lower" else "behind"


def _level_targets(table: pd.DataFrame) -> pd.DataFrame:
    """Counted targets on the whole measure (no sector, no units it applies to, a floor: > or >=)."""
    t = table[table["indicator_code"] == config.DOUBLING_MEASURE]
    keep = t["sector"].isna() & t["comparator"].isin((">", ">=")) & t["target_value"].notna()
    if "applies_to" in t:
        keep &= t["applies_to"].isna() | (t["applies_to"] == "")
    if "counted" in t:
        keep &= t["counted"].astype(bool)
    return t[keep]


def doubling_tracker(
    catalog, as_of, table: pd.DataFrame, base_year: int = config.DOUBLING_BASE_YEAR, context=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(points, summary): the indexed figures of every tracked jurisdiction, and one summary row each."""
    ctx = context_at(catalog, as_of, context)
    measure = config.DOUBLING_MEASURE
    rel = table[table["indicator_code"].isin(_relative_codes(catalog))]
    rel_of = dict(iter(rel.groupby(rel["jurisdiction_code"].astype(str), sort=False)))  # one pass, not one per row
    k_of = dict(zip(catalog.targets["target_id"].astype(str), catalog.targets["value"].astype(float)))
    lev = _level_targets(table)
    lev_of = dict(iter(lev.groupby(lev["jurisdiction_code"].astype(str), sort=False)))
    default_base = base_year
    rows, summary = [], []
    for jur in tracked_jurisdictions(catalog, table):
        pts = merged_series(
            own_points(ctx, "value", jur, measure, ""), concordant_points(ctx, "value", jur, measure, "")
        )
        growths = own_points(ctx, "growth", jur, measure, "")
        plan = plan_target(rel_of.get(jur, rel.iloc[:0]), lev_of.get(jur, lev.iloc[:0]), default_base, k_of)
        # the plan's own base year (a 2022-2024 plan doubles its 2021 level); the default without a target
        base_year = plan.base_year if plan.base_year is not None else default_base
        base, why = base_of(pts, growths, base_year)
        later = [p for p in pts if p.t > base_year and p.kind == "year"]
        if plan.kind != "doubling" and base is None:
            continue  # no doubling target and nothing to index: not tracked
        latest = later[-1] if later else None
        required = plan.required_pace(base)
        rec = dict(
            jurisdiction_code=jur,
            measure=measure,
            base_year=base_year,
            target_kind=plan.kind,
            target_year=plan.year if plan.year is not None else math.nan,
            target_ids=plan.ids or None,
            target_multiple=plan.multiple(base),
            target_level=plan.level if plan.level is not None else math.nan,
            required_pace=required,
            base_value=None,
            base_id=None,
            base_derived=None,
            latest_period=None,
            latest_value=None,
            latest_bound=None,
            latest_id=None,
            span=None,
            via=" ".join(dict.fromkeys(v for v in (base.via if base else "", latest.via if latest else "") if v))
            or None,
            multiple=math.nan,
            pace=math.nan,
            on_track=None,
            status="ok",
            why=why or None,
        )
        if latest is not None:
            rec.update(
                latest_period=latest.period,
                latest_value=latest.value,
                latest_bound=latest.bound,
                latest_id=latest.actual_id,
            )
        if base is None:
            rec["status"] = "no_base"
        elif latest is None:
            rec.update(status="no_latest", base_value=base.value, base_id=base.actual_id, base_derived=base.derived)
        else:
            m = latest.value / base.value
            pace = m ** (1 / (latest.t - base_year)) - 1
            rec.update(
                base_value=base.value,
                base_id=base.actual_id,
                base_derived=base.derived,
                multiple=m,
                pace=pace,
                span=f"{base_year}–{latest.period}",
                on_track=on_track(pace, required, latest.bound),
            )
        summary.append(rec)
        if base is None:
            continue
        rows.append(
            dict(
                jurisdiction_code=jur,
                t=float(base_year),
                period=str(base_year),
                value=base.value,
                bound="exact",
                index=100.0,
                derived=base.derived,
                actual_id=base.actual_id,
            )
        )
        for p in later:
            rows.append(
                dict(
                    jurisdiction_code=jur,
                    t=p.t,
                    period=p.period,
                    value=p.value,
                    bound=p.bound,
                    index=100 * p.value / base.value,
                    derived=False,
                    actual_id=p.actual_id,
                )
            )
    return (
        pd.DataFrame(
            rows, columns=["jurisdiction_code", "t", "period", "value", "bound", "index", "derived", "actual_id"]
        ),
        pd.DataFrame(summary),
    )
