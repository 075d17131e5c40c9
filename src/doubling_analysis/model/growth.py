"""Growth arithmetic. Growth rates are fractions (0.2599, not 25.99) throughout.

All functions accept scalars or numpy arrays and broadcast.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

#: what the growth functions return: a scalar for scalar arguments, else an array of the broadcast shape
Floats = np.float64 | npt.NDArray[np.float64]


def cagr(start: npt.ArrayLike, end: npt.ArrayLike, years: npt.ArrayLike) -> Floats:
    """Compound annual growth between two levels ``years`` apart: (end/start)^(1/years) - 1."""
    start, end, years = np.asarray(start, float), np.asarray(end, float), np.asarray(years, float)
    if np.any(years <= 0):
        raise ValueError("years must be positive")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (end / start) ** (1.0 / years) - 1.0
    return out[()] if out.ndim == 0 else out


def required_growth(
    base: npt.ArrayLike, target: npt.ArrayLike, base_year: npt.ArrayLike, target_year: npt.ArrayLike
) -> Floats:
    """Annual growth the plan requires from the base-year level to the target level."""
    return cagr(base, target, np.asarray(target_year, float) - np.asarray(base_year, float))


def rate_to_go(
    latest: npt.ArrayLike, target: npt.ArrayLike, latest_year: npt.ArrayLike, target_year: npt.ArrayLike
) -> Floats:
    """Annual growth needed from the latest actual to reach the target: (target/latest)^(1/(T-t)) - 1."""
    return cagr(latest, target, np.asarray(target_year, float) - np.asarray(latest_year, float))


def doubling_time(rate: npt.ArrayLike) -> Floats:
    """Years to double at a constant annual growth ``rate``: ln 2 / ln(1 + rate) (inf when rate <= 0)."""
    rate = np.asarray(rate, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(rate > 0, np.log(2.0) / np.log1p(rate), np.inf)
    return out[()] if out.ndim == 0 else out


def implied_base(target_level: npt.ArrayLike, target_growth: npt.ArrayLike, years: float = 1) -> Floats:
    """The base level that a target level and a target growth rate imply: target / (1 + g)^years.

    Ganzhou 2021: revenue 突破4000亿元 and growth 20%以上 imply a 2020 base of about 4000 / 1.2 = 3333亿元.
    """
    return np.asarray(target_level, float) / (1.0 + np.asarray(target_growth, float)) ** years


def level_path(start: float | npt.NDArray[np.float64], rates: npt.ArrayLike) -> npt.NDArray[np.floating[Any]]:
    """Levels after each year of growth: start * cumprod(1 + rates). ``rates`` may be 1-D (one path) or 2-D
    (paths x years); the result has the same shape."""
    rates = np.asarray(rates, float)
    return (
        np.asarray(start, float)[..., None] * np.cumprod(1.0 + rates, axis=-1)
        if rates.ndim > 1
        else float(start) * np.cumprod(1.0 + rates)
    )


def two_year_average(
    growth_2y_total: float | None = None, *, g1: float | None = None, g2: float | None = None
) -> float:
    """Two-year average growth (两年平均增长) as published for 2021 against 2019.

    Either the cumulative growth over two years (level_2021 / level_2019 - 1), or the two annual rates g1, g2:
    sqrt((1 + g1)(1 + g2)) - 1.
    """
    if growth_2y_total is not None:
        return float(np.sqrt(1.0 + growth_2y_total) - 1.0)
    if g1 is None or g2 is None:
        raise ValueError("give the two-year total, or both g1 and g2")
    return float(np.sqrt((1.0 + g1) * (1.0 + g2)) - 1.0)


def growth_from_two_year_average(avg: float, g_first: float) -> float:
    """The second year's growth from a two-year average and the first year's growth:
    (1 + avg)^2 / (1 + g_first) - 1 (e.g. 2021 growth from 2021's 两年平均 and 2020's growth)."""
    return float((1.0 + avg) ** 2 / (1.0 + g_first) - 1.0)


def ytd_to_discrete(cumulative: pd.Series) -> pd.Series:
    """Turn year-to-date cumulative values into the values of each discrete interval.

    ``cumulative`` is indexed by the last month of each year-to-date span (a monthly PeriodIndex, or anything
    ``pd.Period(x, 'M')`` accepts). Within a year, each value minus the previous cumulative value is the flow of
    the months in between (Jan-Feb are published together, so the first interval may span two months); the first
    value of a year is its own interval. The result is indexed by (start, end) month of each interval.
    Quarterly figures follow from quarter-end cumulative values (1-3月, 1-6月, 1-9月, 1-12月).
    """
    s = cumulative.copy()
    s.index = pd.PeriodIndex([pd.Period(x, "M") for x in s.index], freq="M")
    s = s.sort_index()
    starts, ends, values = [], [], []
    prev_end, prev_val = None, None
    for end, val in s.items():
        if prev_end is not None and prev_end.year == end.year:
            starts.append(prev_end + 1)
            values.append(val - prev_val)
        else:
            starts.append(pd.Period(year=end.year, month=1, freq="M"))
            values.append(val)
        ends.append(end)
        prev_end, prev_val = end, val
    index = pd.MultiIndex.from_arrays(
        [pd.PeriodIndex(starts, freq="M"), pd.PeriodIndex(ends, freq="M")], names=["start", "end"]
    )
    return pd.Series(values, index=index, name=cumulative.name)
