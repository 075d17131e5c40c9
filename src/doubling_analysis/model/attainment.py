"""The probability of attaining a target: one function for the assessment table, the growth-path views, the
report and the explorer.

* :func:`level_paths` simulates level paths from the latest figure to the target year with the calibrated random
  walk of :mod:`volatility` (drift drawn from its posterior, innovation scale from its scaled-inverse-chi^2, so
  the marginal is Student t), or with the user's scenario growth (and shocks) plus the calibrated noise. A bounded
  start (突破 X, 接近 X, 约 X) is drawn uniformly (in logs) over its plausible range
  (:func:`targets.plausible_range`), so the probability integrates over it instead of being "a lower bound".
* :func:`growth_draws` draws a year's growth rate: a year-to-date nowcast once the year has started, else the
  growth rule, with the calibrated error.
* :func:`probability` compares draws with the target set, or with a threshold drawn per path (k × a bounded base).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .. import config
from .projection import FloatArray, Projection, Rates, Seed, Shocks, _rates_for
from .targets import Interval
from .volatility import ClassVolatility, SeriesModel, Volatility, growth_rule, ytd_nowcast


@dataclass(frozen=True)
class Start:
    t: float
    low: float
    high: float
    bound: str
    actual_id: str


def _log_uniform(rng: np.random.Generator, low: float, high: float, n: int) -> FloatArray:
    if high <= low or low <= 0:
        return np.full(n, float(high if low <= 0 else low))
    return np.exp(rng.uniform(math.log(low), math.log(high), n))


def level_paths(
    start: Start,
    to_year: int,
    model: SeriesModel,
    *,
    rates: Rates | None = None,
    shocks: Shocks | None = None,
    n_paths: int = config.N_PATHS,
    seed: Seed = None,
) -> Projection:
    """Simulated levels for each year after ``start.t`` up to ``to_year``."""
    rng = np.random.default_rng(config.SEED if seed is None else seed)
    first = int(math.floor(start.t)) + 1
    years = np.arange(first, int(to_year) + 1)
    y0 = _log_uniform(rng, start.low, start.high, n_paths)
    if len(years) == 0:
        return Projection(
            "calibrated", start.t, float(np.median(y0)), years, np.empty((n_paths, 0)), "nothing to project"
        )
    steps = years - np.concatenate([[start.t], years[:-1].astype(float)])
    scale = model.sd * np.sqrt(model.df / rng.chisquare(model.df, n_paths))
    if rates is None:
        mu = model.drift + math.sqrt(model.drift_var) * rng.standard_normal(n_paths)
        drift = mu[:, None] * steps[None, :]
        how = model.describe()
        method = "calibrated"
    else:
        r = _rates_for(years, rates)
        if shocks:
            r = r + np.array([shocks.get(int(y), 0.0) for y in years])
        drift = np.log1p(np.maximum(r, -0.99))[None, :] * steps[None, :]
        how = (
            "scenario growth "
            + ", ".join(f"{int(y)}: {x:.1%}" for y, x in zip(years, r))
            + f"; calibrated noise sd {model.sd:.1%} a year (t, {model.df:.0f} df)"
        )
        method = "scenario"
    noise = scale[:, None] * np.sqrt(steps)[None, :] * rng.standard_normal((n_paths, len(years)))
    paths = y0[:, None] * np.exp(np.cumsum(drift + noise, axis=1))
    return Projection(
        method,
        start.t,
        float(np.median(y0)),
        years,
        paths,
        f"{how}; {n_paths} paths",
        params={"drift": model.drift, "sd": model.sd},
    )


@dataclass(frozen=True)
class GrowthForecast:
    mean: float
    sd: float
    df: float
    how: str


def growth_forecast(
    annual: dict[int, float],
    ytd: tuple[int, float] | None,
    year: int,
    cv: ClassVolatility,
    vol: Volatility,
    scenario: float | None = None,
) -> GrowthForecast | None:
    """The forecast of ``year``'s growth rate from the annual rates before it and, within the year, the latest
    year-to-date reading (months, rate). None when there is nothing to forecast from."""
    if scenario is not None:
        return GrowthForecast(
            float(scenario), cv.sd, cv.df, f"scenario growth {scenario:.1%}; calibrated sd {cv.sd:.1%}"
        )
    if ytd is not None:
        month, g = ytd
        rest = max(1 - month / 12, 0.0)
        carry = not any(y < year for y in annual)
        err = vol.ytd(cv.cls, cv.pool, carry=carry)
        if not carry:
            _, trend, rule = growth_rule(annual, year)
            trend_how = {
                "last_year": "last year's growth",
                "two_year_average": "pre-shock growth",
                "pre_shock": "pre-shock growth",
            }[rule]
        else:
            trend, trend_how = g, "the year-to-date rate (no earlier annual rate)"
        mean = ytd_nowcast(g, month, trend)
        sd = err.sd * math.sqrt(rest)
        return GrowthForecast(
            mean,
            sd,
            err.df,
            f"year-to-date {g:.1%} over {month} months nowcasts the year at "
            f"{mean:.1%} (the rest at {trend_how}, {trend:.1%}); error sd "
            f"{sd:.1%} from {err.n} {'carried-forward ' if carry else ''}year-to-date/final pairs of "
            f"{cv.pool or cv.cls} and a prior",
        )
    if not any(y < year for y in annual):
        return None
    f, _, rule = growth_rule(annual, year)
    h = year - max(y for y in annual if y < year)
    sd = cv.sd * math.sqrt(h)
    how = {
        "last_year": "last year's growth carried forward",
        "two_year_average": "two-year average rule after a shock year",
        "pre_shock": "pre-shock growth",
    }[rule]
    return GrowthForecast(f, sd, cv.df, f"{how}: {f:.1%}; error sd {sd:.1%} ({cv.describe()})")


def growth_draws(fc: GrowthForecast, n_paths: int = config.N_PATHS, seed: Seed = None) -> FloatArray:
    rng = np.random.default_rng(config.SEED if seed is None else seed)
    return fc.mean + fc.sd * rng.standard_t(max(fc.df, 1.0), n_paths)


def probability(
    draws: np.ndarray, target: Interval | None = None, thresholds: np.ndarray | None = None, strict: bool = False
) -> float:
    """Share of draws that attain the target set, or that exceed a per-draw threshold."""
    if thresholds is not None:
        return float(np.mean(draws > thresholds if strict else draws >= thresholds))
    if target is None:
        raise ValueError("a target set or per-draw thresholds are needed")
    return float(np.mean(target.mask(draws)))


@dataclass(frozen=True)
class ProjectionError:
    """The error of official projections of one measure: sd (log ratio for levels, points for rates), df, n."""

    sd: float
    df: float
    n: int


def projection_error(pairs: Iterable[tuple[str, float, float, str]], measure: str) -> ProjectionError:
    """From (measure, projected, outcome, ids) pairs: the pooled error with the stated prior."""
    errs = []
    for m, proj, out, _ in pairs:
        if m != measure:
            continue
        if measure == "value":
            if proj > 0 and out > 0:
                errs.append(math.log(out / proj))
        else:
            errs.append(out - proj)
    w, s0 = config.PROJECTION_PRIOR_WEIGHT, config.PROJECTION_PRIOR_SD[measure]
    return ProjectionError(
        math.sqrt((w * s0**2 + sum(e * e for e in errs)) / (w + len(errs))), w + len(errs), len(errs)
    )


def projection_weights(draws: np.ndarray, value: float, bound: str, measure: str, err: ProjectionError) -> np.ndarray:
    """Likelihood of an official projection (``value``, its ``bound``) given each draw of the outcome: Student t
    on the error (in logs for levels); a bounded projection (预计突破 X) weighs by the probability of stating it."""
    from scipy import stats

    if measure == "value":
        x = np.log(np.maximum(draws, 1e-300))
        v = math.log(value) if value > 0 else -np.inf
    else:
        x, v = draws, value
    z = (v - x) / err.sd  # the projection's error given the draw
    if bound == "lower":  # the projection says "above v": P(draw + e > v) = P(e > v - draw)
        return stats.t.sf(z, err.df)
    if bound == "upper":
        return stats.t.cdf(z, err.df)
    return stats.t.pdf(z, err.df)


def weighted_probability(draws: np.ndarray, weights: np.ndarray, attained: np.ndarray) -> float:
    return float(np.sum(weights * attained) / np.sum(weights))


def weighted_quantiles(
    draws: np.ndarray, weights: np.ndarray, interval: float = config.INTERVAL
) -> tuple[float, float, float]:
    """(low, median, high) of the weighted draws (the central ``interval``)."""
    order = np.argsort(draws)
    sorted_draws = draws[order]
    cum = np.cumsum(weights[order])
    cum = cum / cum[-1]
    last = len(draws) - 1
    lo, med, hi = (
        float(sorted_draws[min(int(np.searchsorted(cum, q)), last)])
        for q in ((1 - interval) / 2, 0.5, 1 - (1 - interval) / 2)
    )
    return lo, med, hi


def effective_draws(weights: np.ndarray) -> float:
    return float(weights.sum() ** 2 / np.sum(weights**2)) if np.sum(weights**2) > 0 else 0.0


def quantiles(draws: np.ndarray, interval: float = config.INTERVAL) -> tuple[float, float, float]:
    q = np.quantile(draws, [(1 - interval) / 2, 0.5, 1 - (1 - interval) / 2])
    return float(q[0]), float(q[1]), float(q[2])
