"""Calibrated uncertainty: how much each kind of series moves in a year, estimated from the data known at the
as-of date, pooled across series, with a stated prior where the data are thin.

Kinds (:func:`volatility_class`): ``nominal_level`` (money levels in 亿元: revenue, output, GDP), ``count``
(stocks of firms, parks, clusters), ``real_growth`` (growth at comparable prices: value added, GDP),
``nominal_growth`` (comparable-enterprise revenue or profit growth) and ``investment_growth``.

Levels and counts follow a random walk with drift in logs, ``log y(t+1) = log y(t) + mu + e``, ``e ~ N(0, s^2)``:

* the class's innovation variance pools every series' squared deviations from its own drift (increments over
  gaps of k years count with variance k s^2) with the prior ``config.VOLATILITY_PRIOR_SD`` weighted as
  ``config.VOLATILITY_PRIOR_WEIGHT`` observations: s^2 = (w s0^2 + SS) / (w + df);
* a series' own variance shrinks to the class's the same way; its drift is a normal posterior between the class's
  median drift (sd: the robust spread of the series' drifts, at least ``config.DRIFT_PRIOR_SD_MIN``) and its own
  mean growth; with one point of history the drift is the class's, with its uncertainty.

Growth rates are forecast by :func:`growth_rule` (last year's growth; the two-year average rule after a shock
year); the class's sd is that of the rule's one-year errors in the data, pooled with the prior. Year-to-date
readings nowcast the full year (:func:`ytd_nowcast`) with an error learned from the year-to-date/final pairs.
Only exact figures enter an estimate: bounds are left out, and the rows that use an estimate say so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import config
from .evidence import Context, Point, indicator_row, own_points

LEVEL_CLASSES = ("nominal_level", "count")
GROWTH_CLASSES = ("real_growth", "nominal_growth", "investment_growth")


@dataclass(frozen=True)
class ClassVolatility:
    cls: str
    sd: float  # posterior annual sd (log growth for levels; points for growth rates)
    df: float  # degrees of freedom of the sd (prior weight + data)
    drift: float = 0.0  # class median drift (levels)
    drift_sd: float = 0.0  # spread of drifts across series (levels)
    n_series: int = 0
    n_obs: int = 0

    def describe(self) -> str:
        extra = (
            f", median drift {math.expm1(self.drift):+.1%} (sd {self.drift_sd:.1%})"
            if self.cls in LEVEL_CLASSES
            else ""
        )
        return (
            f"{self.cls} sd {self.sd:.1%} a year from {self.n_obs} obs. in {self.n_series} series and a prior "
            f"of {config.VOLATILITY_PRIOR_SD[self.cls]:.0%} (weight {config.VOLATILITY_PRIOR_WEIGHT:g}){extra}"
        )


@dataclass(frozen=True)
class Volatility:
    """Every class's estimate and the year-to-date nowcast error, as known at one date."""

    classes: dict
    ytd_sd: float
    ytd_df: float
    ytd_n: int

    def of(self, cls: str) -> ClassVolatility:
        return self.classes[cls]


def volatility_class(measure: str, series: str, kind: str, unit: str) -> str | None:
    if measure == "growth":
        if series in config.REAL_GROWTH_SERIES:
            return "real_growth"
        if series in config.INVESTMENT_GROWTH_SERIES:
            return "investment_growth"
        return "nominal_growth"
    if kind == "count":
        return "count"
    if kind in ("level", "money_flow") and unit == "亿元":
        return "nominal_level"
    return None


def class_of(ctx: Context, measure: str, code: str) -> str | None:
    """:func:`volatility_class` of a known indicator's series in ``ctx``, worked out once per context (KeyError
    for an unknown indicator, as a look-up in ``ctx.indicators``)."""
    classes = ctx.cache.setdefault("_volatility_class", {})
    if (measure, code) not in classes:
        info = indicator_row(ctx, code)
        if info is None:
            raise KeyError(code)
        kind, unit = str(info["kind"]), str(info.get("canonical_unit", info["unit"]))
        classes[measure, code] = volatility_class(measure, code, kind, unit)
    return classes[measure, code]


def increments(points: list[Point]) -> list[tuple[float, float]]:
    """(years apart, log change) between consecutive exact positive points."""
    pts = [p for p in points if p.bound == "exact" and p.value > 0]
    return [(b.t - a.t, math.log(b.value / a.value)) for a, b in zip(pts, pts[1:]) if b.t > a.t]


def drift_stats(inc: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(drift, total years, squared deviations scaled by gap, degrees of freedom) of one series."""
    span = sum(dt for dt, _ in inc)
    if span <= 0:
        return 0.0, 0.0, 0.0, 0.0
    mu = sum(d for _, d in inc) / span
    ss = sum((d - dt * mu) ** 2 / dt for dt, d in inc)
    return mu, span, ss, float(len(inc) - 1)


def _pooled(cls: str, ss: float, df: float) -> tuple[float, float]:
    w, s0 = config.VOLATILITY_PRIOR_WEIGHT, config.VOLATILITY_PRIOR_SD[cls]
    return math.sqrt((w * s0**2 + ss) / (w + df)), w + df


def growth_rule(annual: dict[int, float], year: int) -> tuple[float, float, str]:
    """Forecast of ``year``'s growth from the annual growth rates before it: (forecast of the year, trend for the
    rest of a year, how). Last year's growth carries forward; after a shock year (config.BASE_EFFECT_YEARS) the
    two-year average rule restores the pre-shock pace: (1 + g_before)^2 / (1 + g_shock) - 1, and the trend is
    the pre-shock growth."""
    from .growth import growth_from_two_year_average

    before = sorted(y for y in annual if y < year)
    last = before[-1]
    g = annual[last]
    if last in config.BASE_EFFECT_YEARS and (last - 1) in annual:
        pre = annual[last - 1]
        if last == year - 1:
            return growth_from_two_year_average(pre, g), pre, "two_year_average"
        return pre, pre, "pre_shock"
    return g, g, "last_year"


def ytd_nowcast(ytd: float, month: int, trend: float) -> float:
    """Full-year growth from a year-to-date rate over ``month`` months: the months reported carry their share of
    the year, the rest grows at the trend."""
    share = month / 12.0
    return share * ytd + (1.0 - share) * trend


def _annual_growth(points: list[Point]) -> dict[int, float]:
    return {int(p.t): p.value for p in points if p.kind == "year" and p.bound == "exact"}


def estimate(ctx: Context) -> Volatility:
    """Every class's volatility from the series known in ``ctx`` (the as-of date's figures)."""
    ss = {c: 0.0 for c in LEVEL_CLASSES + GROWTH_CLASSES}
    dfs = {c: 0.0 for c in ss}
    nser = {c: 0 for c in ss}
    nobs = {c: 0 for c in ss}
    drifts: dict[str, list[float]] = {c: [] for c in LEVEL_CLASSES}
    ytd_ss, ytd_n = 0.0, 0
    for measure, jur, code, sector in ctx.series_keys():
        if code not in ctx.indicators.index:
            continue
        cls = class_of(ctx, measure, code)
        if cls is None:
            continue
        pts = own_points(ctx, measure, jur, code, sector)
        if cls in LEVEL_CLASSES:
            inc = increments(pts)
            if not inc:
                continue
            mu, span, s, df = drift_stats(inc)
            ss[cls] += s
            dfs[cls] += df
            nobs[cls] += len(inc)
            nser[cls] += 1
            if span >= 1:
                drifts[cls].append(mu)
            continue
        annual = _annual_growth(pts)
        used = False
        for y in sorted(annual):
            if (y - 1) in annual:
                f, _, _ = growth_rule(annual, y)
                ss[cls] += (annual[y] - f) ** 2
                dfs[cls] += 1
                nobs[cls] += 1
                used = True
        nser[cls] += int(used)
        for p in pts:  # year-to-date readings with the final figure of their year
            if p.kind == "month" and p.bound == "exact" and int(math.ceil(p.t)) in annual:
                year, month = int(math.ceil(p.t)), round((p.t - math.floor(p.t)) * 12) or 12
                if month >= 12 or not any(y < year for y in annual):
                    continue
                _, trend, _ = growth_rule(annual, year)
                r = (annual[year] - ytd_nowcast(p.value, month, trend)) / math.sqrt(1 - month / 12)
                ytd_ss += r**2
                ytd_n += 1
    classes = {}
    for cls in ss:
        sd, df = _pooled(cls, ss[cls], dfs[cls])
        drift, drift_sd = 0.0, 0.0
        if cls in LEVEL_CLASSES:
            m0, w0 = config.DRIFT_PRIOR_MEAN[cls], config.DRIFT_PRIOR_WEIGHT
            d = np.array(drifts[cls], dtype=float)
            med = float(np.median(d)) if len(d) else m0
            drift = (w0 * m0 + len(d) * med) / (w0 + len(d))
            spread = float(1.4826 * np.median(np.abs(d - med))) if len(d) >= 3 else 0.0
            drift_sd = max(spread, config.DRIFT_PRIOR_SD_MIN)
        classes[cls] = ClassVolatility(cls, sd, df, drift, drift_sd, nser[cls], nobs[cls])
    w = config.YTD_PRIOR_WEIGHT
    ytd_sd = math.sqrt((w * config.YTD_PRIOR_SD**2 + ytd_ss) / (w + ytd_n))
    return Volatility(classes, ytd_sd, w + ytd_n, ytd_n)


@dataclass(frozen=True)
class SeriesModel:
    """A level series' predictive model: drift posterior N(drift, drift_var), innovation sd ``sd`` with ``df``."""

    drift: float
    drift_var: float
    sd: float
    df: float
    n_increments: int
    excluded: tuple[str, ...]  # ids of bounded points left out of the fit

    def describe(self) -> str:
        own = f"{self.n_increments} own increment(s)" if self.n_increments else "no own increment: the class's drift"
        return (
            f"random walk with drift in logs: drift {math.expm1(self.drift):+.1%} a year "
            f"(sd {math.sqrt(self.drift_var):.1%}), innovation sd {self.sd:.1%} (t, {self.df:.0f} df); {own}"
            + (f"; bounds not fitted: {', '.join(self.excluded)}" if self.excluded else "")
        )


def series_model(points: list[Point], cv: ClassVolatility) -> SeriesModel:
    """Shrink one series' variance and drift toward its class (see the module's docstring)."""
    inc = increments(points)
    mu, span, ss, df = drift_stats(inc)
    w = config.VOLATILITY_PRIOR_WEIGHT
    s2 = (w * cv.sd**2 + ss) / (w + df)
    prior_prec = 1.0 / cv.drift_sd**2
    data_prec = span / s2 if span > 0 else 0.0
    drift = (cv.drift * prior_prec + mu * data_prec) / (prior_prec + data_prec)
    excluded = tuple(p.actual_id for p in points if p.bound != "exact")
    # the series' variance weighs the class's by w pseudo-observations: its degrees of freedom are w + its own
    return SeriesModel(drift, 1.0 / (prior_prec + data_prec), math.sqrt(s2), w + df, len(inc), excluded)
