"""Ambition: the annual growth each target implies, next to the jurisdiction's own recorded growth and the
province's, so a reader sees which goals were stretch goals.

Implied growth: a growth-rate target is its own rate; a relative target of k × base over n years implies
k^(1/n) - 1 (doubling over 2020-2023: 25.99 % a year); a level target implies the compound growth from the
base-year actual (the assessment's ``required_growth``). Recorded growth: the mean of the officially reported
annual growth rates of the same measure up to the target's base year (pre-plan history), for the jurisdiction
and for the province; the years used are listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import config
from ..data.vintage import select_actuals

if TYPE_CHECKING:
    from ..data.catalog import Catalog


def _annual_growths(growths: pd.DataFrame) -> dict[tuple[str, str], pd.Series]:
    """Annual growth rates of whole jurisdictions (no sector), per (jurisdiction, indicator), by year."""
    g = growths[growths["sector"].isna() & (growths["period_kind"].astype(str) == "year")]
    g = g.assign(y=g["year"].astype(int), g=g["growth"].astype(float)).sort_values("y")
    return {
        (str(j), str(i)): grp.set_index("y")["g"] for (j, i), grp in g.groupby(["jurisdiction_code", "indicator_code"])
    }


def _recorded(by_series: dict[tuple[str, str], pd.Series], jur: str, indicator: str, upto: int) -> tuple[float, str]:
    g = by_series.get((str(jur), str(indicator)))
    if g is None:
        return np.nan, ""
    g = g[g.index <= upto]
    if g.empty:
        return np.nan, ""
    return float(g.mean()), ", ".join(str(int(y)) for y in g.index)


def province_code(catalog: Catalog) -> str | None:
    """The catalog's province (the jurisdiction of level ``province``), whose growth every target is set against."""
    j = catalog.jurisdictions
    codes = j.loc[j["level"].astype(str) == "province", "code"].astype(str)
    return codes.iloc[0] if len(codes) else None


def ambition(
    catalog: Catalog, assessment: pd.DataFrame, province: str | None = None, as_of: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """One row per target with an implied annual growth; recorded growth of the jurisdiction and of the province
    (default: the catalog's province), from the figures published by ``as_of`` (default: the assessment's own
    as-of date)."""
    ind = catalog.indicators
    kinds = dict(zip(ind["code"].astype(str), ind["kind"].astype(str)))
    refers = dict(zip(ind["code"].astype(str), ind["refers_to"]))
    province = province or province_code(catalog)
    if as_of is None and "as_of" in assessment and len(assessment) and assessment["as_of"].iloc[0] != "all data":
        as_of = assessment["as_of"].iloc[0]
    growths = _annual_growths(select_actuals(catalog.actuals, as_of, measure="growth"))
    t = catalog.targets.drop_duplicates("target_id")  # look-ups by dict: one pass, not one .loc per row
    value_of = dict(zip(t["target_id"], t["value"]))
    written = dict(zip(t["target_id"], t["unit_as_written"]))
    # (jurisdiction, measure, up to year) -> (mean, years), each worked out once
    recorded: dict[tuple[str, str, int], tuple[float, str]] = {}

    def recorded_growth(jur: str, measure: str, upto: int) -> tuple[float, str]:
        key = (str(jur), str(measure), upto)
        if key not in recorded:
            recorded[key] = _recorded(growths, *key)
        return recorded[key]

    rows = []
    for r in assessment.itertuples(index=False):
        code = str(r.indicator_code)
        kind = kinds[code]
        series = refers[code] if isinstance(refers[code], str) else r.indicator_code
        value = value_of[r.target_id]
        years = int(r.target_year) - int(r.base_year)
        if kind == "growth_rate":
            implied, how = float(value), "the target rate"
        elif kind == "relative" and written[r.target_id] == "× base" and years > 0:
            implied, how = float(value) ** (1 / years) - 1, f"{float(value):g}× over {years} years"
        elif pd.notna(r.required_growth):
            implied, how = float(r.required_growth), "from the starting actual to the target"
        else:
            continue
        own, own_years = recorded_growth(r.jurisdiction_code, series, int(r.base_year))
        prov, prov_years = recorded_growth(province, series, int(r.base_year)) if province else (np.nan, "")
        ref = own if not np.isnan(own) else prov
        if np.isnan(ref):
            verdict = "no recorded growth to compare"
        elif implied > ref + config.STRETCH_MARGIN:
            verdict = "stretch: above recorded growth"
        elif implied < ref - config.STRETCH_MARGIN:
            verdict = "modest: below recorded growth"
        else:
            verdict = "in line with recorded growth"
        rows.append(
            dict(
                target_id=r.target_id,
                jurisdiction_code=r.jurisdiction_code,
                indicator_code=r.indicator_code,
                sector=r.sector,
                tier=r.tier,
                base_year=r.base_year,
                target_year=r.target_year,
                implied_growth=implied,
                implied_how=how,
                measure=series,
                own_recorded_growth=own,
                own_years=own_years,
                province_recorded_growth=prov,
                province_years=prov_years,
                verdict=verdict,
            )
        )
    return pd.DataFrame(rows)
