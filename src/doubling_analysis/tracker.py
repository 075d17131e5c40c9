"""The doubling tracker: will they double, did they? One measure for every jurisdiction (above-scale industrial
revenue, the measure of the doubling plans), indexed to the plans' base year = 100 against the 200 line.

Rules: the base is an exact figure of the base year as known at the as-of date (the latest revision then known);
without one, a base implied by a reported level and its reported growth in the same report (level / (1 + g)) is
used and labelled *derived*; a bound is never an index base. Later figures keep their bounds (drawn as ▲ for
"above", ▼ for "just below"). The pace required is the doubling's: 2^(1/(T - base year)) - 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import config
from .evidence import Point, build_context, concordant_points, merged_series, own_points


@dataclass(frozen=True)
class Base:
    value: float
    actual_id: str
    derived: bool = False
    how: str = ""


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
        return Base(exact.value, exact.actual_id), ""
    bounded = next((p for p in points if p.t == float(year) and p.kind == "year"), None)
    nxt = next((p for p in points if p.t == float(year + 1) and p.kind == "year" and p.bound == "exact"), None)
    g = next((q for q in growths if nxt is not None and q.actual_id == nxt.actual_id and q.kind == "year"), None)
    if nxt is not None and g is not None and g.bound == "exact":
        return Base(nxt.value / (1 + g.value), nxt.actual_id, True, f"{nxt.value:,.1f} / (1 + {g.value:.1%})"), ""
    if bounded is not None:
        return None, f"bound:{bounded.actual_id}"
    return None, "none"


def doubling_tracker(
    catalog, as_of, table: pd.DataFrame, base_year: int = config.DOUBLING_BASE_YEAR, context=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(points, summary): the indexed figures of every tracked jurisdiction, and one summary row each."""
    ctx = context if context is not None else build_context(catalog, as_of)
    measure = config.DOUBLING_MEASURE
    rel = table[table["indicator_code"].isin(_relative_codes(catalog))]
    rel_of = dict(iter(rel.groupby(rel["jurisdiction_code"].astype(str), sort=False)))  # one pass, not one per row
    default_base = base_year
    rows, summary = [], []
    for jur in tracked_jurisdictions(catalog, table):
        pts = merged_series(
            own_points(ctx, "value", jur, measure, ""), concordant_points(ctx, "value", jur, measure, "")
        )
        growths = own_points(ctx, "growth", jur, measure, "")
        target = rel_of.get(jur, rel.iloc[:0])
        T = int(target["target_year"].min()) if len(target) else config.DOUBLING_HORIZON
        target_ids = " ".join(target["target_id"]) if len(target) else ""
        # the plan's own base year (a 2022-2024 plan doubles its 2021 level); the default without a target
        base_year = (
            int(target["base_year"].min()) if len(target) and target["base_year"].notna().any() else default_base
        )
        base, why = base_of(pts, growths, base_year)
        later = [p for p in pts if p.t > base_year and p.kind == "year"]
        if not len(target) and base is None:
            continue  # no doubling target and nothing to index: not tracked
        latest = later[-1] if later else None
        rec = dict(
            jurisdiction_code=jur,
            base_year=base_year,
            target_year=T,
            target_ids=target_ids or None,
            required_pace=2 ** (1 / (T - base_year)) - 1,
            base_value=None,
            base_id=None,
            base_derived=None,
            latest_period=None,
            latest_value=None,
            latest_bound=None,
            latest_id=None,
            multiple=math.nan,
            pace=math.nan,
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
            rec.update(
                base_value=base.value,
                base_id=base.actual_id,
                base_derived=base.derived,
                multiple=m,
                pace=m ** (1 / (latest.t - base_year)) - 1,
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
