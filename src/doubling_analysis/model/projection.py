"""Projected growth paths with intervals: one API, several methods, seeded and reproducible.

``project(history, to_year, method=...)`` returns a :class:`Projection` holding simulated level paths
(n_paths x years, numpy, vectorised) from the latest observed year to ``to_year``:

* ``scenario``  — user-given growth per year (the economists' main lever) plus optional shocks
  ({year: extra growth}); uncertainty: normal noise with sd ``growth_sd`` around each year's rate.
* ``constant``  — the observed compound growth of the history (first to last point), or a given rate,
  carried forward with the same noise.
* ``loglinear`` — OLS of log level on year (statsmodels); paths from its predictive distribution
  (Student t with the residual degrees of freedom), so the interval is the regression's prediction interval.
* ``ets``       — an exponential-smoothing state-space model with additive trend on log levels (statsmodels
  ``ETSModel``), paths by its own simulation. Needs ``config.ETS_MIN_POINTS`` annual points.
* ``auto``      — the richest model the history supports: ets, else loglinear, else constant, else scenario.

A method the history cannot support falls back to the next simpler one and says why in ``fallback``.
statsmodels is imported only when a model needs it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import config
from .growth import cagr

PROJECTION_METHODS = ("scenario", "constant", "loglinear", "ets", "auto")

#: scenario growth as one rate or a list (its last value repeated): what every scenario takes
RateList: TypeAlias = float | list[float] | tuple[float, ...] | npt.NDArray[np.float64]
#: scenario growth of a level path: a RateList or {year: rate}
Rates: TypeAlias = RateList | dict[int, float]
#: extra growth in given years: {year: shock}
Shocks: TypeAlias = Mapping[int, float]
#: a random seed as numpy's default_rng takes it (None: config.SEED)
Seed: TypeAlias = int | Sequence[int] | None
#: simulated levels or rates (numpy's float operations type their results as some float)
FloatArray: TypeAlias = npt.NDArray[np.floating[Any]]


@dataclass
class Projection:
    method: str  # the method that produced the paths
    start_year: float
    start_value: float
    years: npt.NDArray[np.int_]  # the projected years (ints)
    paths: FloatArray  # n_paths x len(years) levels
    assumptions: str
    fallback: str = ""  # why the requested method was not used
    params: dict[str, Any] = field(default_factory=dict)

    def at(self, year: float) -> FloatArray:
        """Simulated levels in ``year``."""
        idx = np.nonzero(self.years == int(year))[0]
        if not len(idx):
            raise KeyError(f"{year} is not among the projected years {self.years.tolist()}")
        return self.paths[:, idx[0]]

    def summary(self, interval: float = config.INTERVAL) -> pd.DataFrame:
        """Median and central interval per year."""
        lo, hi = (1 - interval) / 2, 1 - (1 - interval) / 2
        q = np.quantile(self.paths, [lo, 0.5, hi], axis=0)
        return pd.DataFrame({"year": self.years, "low": q[0], "median": q[1], "high": q[2]})


def year_label(t: float) -> str:
    """A point in time as a label: 2021.0 -> '2021' (year end), 2022.25 -> '2023-03' (end of March 2023)."""
    if float(t) == int(t):
        return str(int(t))
    year = int(np.floor(t)) + 1
    month = int(round((t - np.floor(t)) * 12))
    return f"{year}-{month:02d}"


def _rng(seed: Seed) -> np.random.Generator:
    return np.random.default_rng(config.SEED if seed is None else seed)


def _horizon(start_year: float, to_year: int) -> npt.NDArray[np.int_]:
    first = int(np.floor(start_year)) + 1
    return np.arange(first, int(to_year) + 1)


def _year_fractions(start_year: float, years: npt.NDArray[np.int_]) -> npt.NDArray[np.float64]:
    """Length of each projected step in years (the first may be partial for a mid-year stock)."""
    prev = np.concatenate([[start_year], years[:-1].astype(float)])
    return years - prev


def _growth_paths(
    start_value: float,
    start_year: float,
    years: npt.NDArray[np.int_],
    rates: npt.NDArray[np.float64],
    sd: float,
    n_paths: int,
    rng: np.random.Generator,
    shocks: Shocks | None = None,
) -> FloatArray:
    steps = _year_fractions(start_year, years)
    rates = np.asarray(rates, float)
    if shocks:
        rates = rates + np.array([shocks.get(int(y), 0.0) for y in years])
    noise = rng.standard_normal((n_paths, len(years))) * sd * np.sqrt(steps)
    growth = (1.0 + rates) ** steps + noise
    return start_value * np.cumprod(np.maximum(growth, 0.0), axis=1)


def _rates_for(years: npt.NDArray[np.int_], rates: Rates | None) -> npt.NDArray[np.float64]:
    """Per-year rates from a scalar, a list (last value repeated) or a {year: rate} mapping."""
    if rates is None:
        raise ValueError("the scenario method needs growth rates (a number, a list or {year: rate})")
    if isinstance(rates, (int, float, np.number)):
        return np.full(len(years), float(rates))
    if isinstance(rates, dict):
        known = sorted(rates)
        out, last = [], float(rates[known[0]])
        for y in years:
            last = float(rates.get(int(y), last))
            out.append(last)
        return np.array(out)
    rates = list(rates)
    return np.array([float(rates[min(i, len(rates) - 1)]) for i in range(len(years))])


def _clean(history: Mapping[float, float] | pd.Series) -> pd.Series:
    s = pd.Series(history, dtype="float64").dropna().sort_index()
    s.index = s.index.astype(float)
    return s[s > 0]


def project(
    history: Mapping[float, float] | pd.Series,
    to_year: int,
    method: str = "auto",
    *,
    rates: Rates | None = None,
    shocks: Shocks | None = None,
    growth_sd: float | None = None,
    n_paths: int = config.N_PATHS,
    seed: Seed = None,
    start_value: float | None = None,
    start_year: float | None = None,
) -> Projection:
    """Simulate level paths from the last point of ``history`` ({year: level}) to ``to_year``."""
    if method not in PROJECTION_METHODS:
        raise ValueError(f"unknown projection method {method!r}; known: {', '.join(PROJECTION_METHODS)}")
    hist = _clean(history)
    if start_value is None:
        if hist.empty:
            raise ValueError("no history and no start value to project from")
        start_year, start_value = float(hist.index[-1]), float(hist.iloc[-1])
    elif start_year is None:
        raise ValueError("a start_value needs its start_year (the year the level is of)")
    start_year = cast(float, start_year)
    years = _horizon(start_year, to_year)
    rng = _rng(seed)
    sd = config.DEFAULT_GROWTH_SD if growth_sd is None else float(growth_sd)
    n_annual = int((hist.index == np.floor(hist.index)).sum())
    fallback = []

    wanted = method
    if method == "auto":
        if n_annual >= config.ETS_MIN_POINTS:
            wanted = "ets"
        elif n_annual >= config.LOGLINEAR_MIN_POINTS:
            wanted = "loglinear"
        elif len(hist) >= 2:
            wanted = "constant"
        elif rates is not None:
            wanted = "scenario"
        else:
            wanted = "constant"
    if wanted == "ets" and n_annual < config.ETS_MIN_POINTS:
        fallback.append(f"ets needs {config.ETS_MIN_POINTS} annual points, history has {n_annual}")
        wanted = "loglinear"
    if wanted == "ets":
        annual_years = hist.index[hist.index == np.floor(hist.index)]
        if len(annual_years) and (annual_years[-1] - annual_years[0] + 1) != len(annual_years):
            fallback.append("ets needs consecutive annual points, the history has gaps")
            wanted = "loglinear"
    if wanted == "loglinear" and n_annual < config.LOGLINEAR_MIN_POINTS:
        fallback.append(f"loglinear needs {config.LOGLINEAR_MIN_POINTS} annual points, history has {n_annual}")
        wanted = "constant"

    if len(years) == 0:
        paths: FloatArray = np.empty((n_paths, 0))
        return Projection(wanted, start_year, start_value, years, paths, "nothing to project", "; ".join(fallback))

    if wanted == "ets":
        try:
            return _ets(hist, start_year, start_value, years, n_paths, rng, "; ".join(fallback))
        except Exception as exc:  # noqa: BLE001 - a model that fails to fit falls back, with the reason
            fallback.append(f"ets failed to fit ({exc.__class__.__name__}: {exc})")
            wanted = "loglinear"
    if wanted == "loglinear":
        return _loglinear(hist, start_year, start_value, years, n_paths, rng, "; ".join(fallback))
    if wanted == "constant":
        if rates is not None and not isinstance(rates, (list, dict, tuple, np.ndarray)):
            rate, how = float(rates), f"given rate {float(rates):.2%}"
        elif len(hist) >= 2:
            rate = float(cagr(hist.iloc[0], hist.iloc[-1], hist.index[-1] - hist.index[0]))
            how = (
                f"observed compound growth {rate:.2%} a year "
                f"({year_label(hist.index[0])} to {year_label(hist.index[-1])}, {len(hist)} points)"
            )
        else:
            raise ValueError(
                "constant growth needs two points of history or a given rate"
                + (f" ({'; '.join(fallback)})" if fallback else "")
            )
        paths = _growth_paths(start_value, start_year, years, np.full(len(years), rate), sd, n_paths, rng)
        return Projection(
            "constant",
            start_year,
            start_value,
            years,
            paths,
            f"{how}; growth noise sd {sd:.1%} a year, {n_paths} paths",
            "; ".join(fallback),
            {"rate": rate, "growth_sd": sd},
        )
    # scenario
    r = _rates_for(years, rates)
    paths = _growth_paths(start_value, start_year, years, r, sd, n_paths, rng, shocks)
    text = ", ".join(f"{int(y)}: {x:.1%}" for y, x in zip(years, r))
    if shocks:
        text += "; shocks " + ", ".join(f"{int(y)}: {x:+.1%}" for y, x in sorted(shocks.items()))
    return Projection(
        "scenario",
        start_year,
        start_value,
        years,
        paths,
        f"scenario growth {text}; growth noise sd {sd:.1%} a year, {n_paths} paths",
        "; ".join(fallback),
        {"rates": r.tolist(), "shocks": dict(shocks or {}), "growth_sd": sd},
    )


def _loglinear(
    hist: pd.Series,
    start_year: float,
    start_value: float,
    years: npt.NDArray[np.int_],
    n_paths: int,
    rng: np.random.Generator,
    fallback: str,
) -> Projection:
    import statsmodels.api as sm

    annual = hist[hist.index == np.floor(hist.index)]
    x = sm.add_constant(annual.index.to_numpy(float))
    fit = sm.OLS(np.log(annual.to_numpy()), x).fit()
    pred = fit.get_prediction(sm.add_constant(years.astype(float), has_constant="add"))
    mean = pred.predicted_mean
    se_obs = np.sqrt(pred.se_mean**2 + fit.scale)
    df = max(int(fit.df_resid), 1)
    draws = rng.standard_t(df, size=(n_paths, 1))
    paths = np.exp(mean[None, :] + draws * se_obs[None, :])
    slope = float(fit.params[1])
    return Projection(
        "loglinear",
        start_year,
        start_value,
        years,
        paths,
        f"log-linear trend (OLS on {len(annual)} annual points, {annual.index[0]:g}-"
        f"{annual.index[-1]:g}): trend growth {np.expm1(slope):.2%} a year; predictive interval "
        f"(t, {df} df); {n_paths} paths",
        fallback,
        {"trend_growth": float(np.expm1(slope))},
    )


def _ets(
    hist: pd.Series,
    start_year: float,
    start_value: float,
    years: npt.NDArray[np.int_],
    n_paths: int,
    rng: np.random.Generator,
    fallback: str,
) -> Projection:
    import warnings

    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    annual = hist[hist.index == np.floor(hist.index)]
    index = pd.period_range(str(int(annual.index[0])), periods=len(annual), freq="Y")
    y = pd.Series(np.log(annual.to_numpy()), index=index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = ETSModel(y, error="add", trend="add", damped_trend=True).fit(disp=False)
        steps = int(years[-1] - annual.index[-1])
        seed = int(rng.integers(2**31 - 1))
        import inspect

        # statsmodels >= 0.15 takes ``rng``, older releases ``random_state``
        kw = (
            {"rng": np.random.default_rng(seed)}
            if "rng" in inspect.signature(fit.simulate).parameters
            else {"random_state": np.random.RandomState(seed)}
        )
        sim = fit.simulate(nsimulations=steps, repetitions=n_paths, anchor="end", **kw)
    sim = np.asarray(sim).reshape(steps, n_paths).T  # n_paths x steps
    sim_years = np.arange(int(annual.index[-1]) + 1, int(years[-1]) + 1)
    keep = np.isin(sim_years, years)
    return Projection(
        "ets",
        start_year,
        start_value,
        years,
        np.exp(sim[:, keep]),
        f"ETS(A,Ad,N) on log levels, {len(annual)} annual points; simulated, {n_paths} paths",
        fallback,
    )


def growth_sd_from(growth_rates: Sequence[float] | pd.Series) -> float | None:
    """Sample sd of annual growth rates (fractions) when there are enough of them, else None."""
    g = pd.Series(growth_rates, dtype="float64").dropna()
    if len(g) < config.MIN_GROWTH_OBS_FOR_SD:
        return None
    return float(g.std(ddof=1))
