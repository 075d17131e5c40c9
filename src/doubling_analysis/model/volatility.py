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

**Pools.** A target's p moves only when news arrives for it: its series, its concordant series, or its stated pool.
Every estimate is made per *pool*: the volatility class and the indicator's family in ``data/concordance.csv``
(the indicator and those of the same measure or included in it, ``config.POOL_RELATIONS``), across jurisdictions
and sectors. An unrelated series of the same kind (a province-wide count of clusters for a zone's count of
high-tech firms) never enters. The broad classes (``Volatility.classes``) are kept for the record.

**Bounds.** The class and pool estimates use exact figures only. A series' own drift (:func:`series_model`) also
uses its bounded figures (突破 / 接近 / 约), as censored observations: each is drawn uniformly in logs within its
plausible range (:func:`targets.plausible_range`, the margins measured by :mod:`margins`), ``config.
BOUND_IMPUTATIONS`` times, and the fits are combined as a mixture (Rubin's rules: mean drift; drift variance = mean
within-fit variance + between-fit variance).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

import numpy as np

from .. import config
from ..codes import CENSORED_BOUNDS
from .evidence import Context, Point, indicator_row, own_points
from .margins import PRIOR as PRIOR_MARGINS
from .margins import BoundMargins
from .targets import plausible_range

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
    pool: str = ""  # the indicator family pooled ("" for the broad class)

    def describe(self) -> str:
        extra = (
            f", median drift {math.expm1(self.drift):+.1%} (sd {self.drift_sd:.1%})"
            if self.cls in LEVEL_CLASSES
            else ""
        )
        who = f"pool {self.cls}/{self.pool}" if self.pool else self.cls
        return (
            f"{who} sd {self.sd:.1%} a year from {self.n_obs} obs. in {self.n_series} series and a prior "
            f"of {config.VOLATILITY_PRIOR_SD[self.cls]:.0%} (weight {config.VOLATILITY_PRIOR_WEIGHT:g}){extra}"
        )


@dataclass(frozen=True)
class YtdError:
    """The year-to-date nowcast error of a pool: sd (points, for a reading with the whole year to come), df, n."""

    sd: float
    df: float
    n: int


@dataclass(frozen=True)
class Volatility:
    """Every class's estimate and the year-to-date nowcast error, as known at one date."""

    classes: dict
    ytd_sd: float
    ytd_df: float
    ytd_n: int
    pools: dict = field(default_factory=dict)  # (class, family) -> ClassVolatility of that pool alone
    ytd_pools: dict = field(default_factory=dict)  # (class, family) -> YtdError
    carry_pools: dict = field(default_factory=dict)  # (class, family) -> YtdError of the carried-forward rate
    margins: BoundMargins = PRIOR_MARGINS
    as_of: object = None  # the as-of day of the figures it was estimated from (a Timestamp; None: not recorded)

    def of(self, cls: str) -> ClassVolatility:
        return self.classes[cls]

    def pool(self, cls: str, family: str) -> ClassVolatility:
        """The pool's estimate; a pool without data keeps the class's stated prior exactly."""
        if (cls, family) in self.pools:
            return self.pools[cls, family]
        return _finish(cls, _Acc(), family)

    def ytd(self, cls: str, family: str = "", carry: bool = False) -> YtdError:
        """The year-to-date nowcast error of a pool ("": of every growth series, the broad estimate); ``carry``:
        of the nowcast that carries the year-to-date rate forward (no earlier annual rate to trend on)."""
        if carry:
            return self.carry_pools.get((cls, family)) or _ytd_error(cls, 0.0, 0, carry=True)
        if not family:
            return YtdError(self.ytd_sd, self.ytd_df, self.ytd_n)
        return self.ytd_pools.get((cls, family)) or _ytd_error(cls, 0.0, 0)


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


def family(ctx: Context, code: str) -> str:
    """The indicator's family: it and every indicator linked to it by a pooling relation of the concordance
    (``config.POOL_RELATIONS``, either direction, transitively), joined by "+" in sorted order."""
    fams = ctx.cache.get("_families")
    if fams is None:
        links: dict[str, set[str]] = {}
        for (a, rel), rels in ctx.relations.items():
            if rel in config.POOL_RELATIONS:
                for r in rels:
                    links.setdefault(a, set()).add(r.other)
                    links.setdefault(r.other, set()).add(a)
        fams = {}
        for start in links:
            if start in fams:
                continue
            seen, todo = {start}, [start]
            while todo:
                for nxt in links.get(todo.pop(), ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            label = "+".join(sorted(seen))
            fams.update({c: label for c in seen})
        ctx.cache["_families"] = fams
    return fams.get(code, code)


@dataclass
class _Acc:
    """Sums of one pool (or class) of series."""

    ss: float = 0.0
    df: float = 0.0
    n_series: int = 0
    n_obs: int = 0
    drifts: list = field(default_factory=list)
    ytd_ss: float = 0.0
    ytd_n: int = 0
    carry_ss: float = 0.0  # nowcasts with no earlier annual rate (the year-to-date rate carried forward)
    carry_n: int = 0


def _finish(cls: str, a: _Acc, pool: str = "") -> ClassVolatility:
    sd, df = _pooled(cls, a.ss, a.df)
    drift, drift_sd = 0.0, 0.0
    if cls in LEVEL_CLASSES:
        m0, w0 = config.DRIFT_PRIOR_MEAN[cls], config.DRIFT_PRIOR_WEIGHT
        d = np.array(a.drifts, dtype=float)
        if len(d) < config.DRIFT_POOL_MIN_SERIES:
            drift, drift_sd = m0, config.DRIFT_PRIOR_SD_FEW_SERIES
        else:
            med = float(np.median(d))
            drift = (w0 * m0 + len(d) * med) / (w0 + len(d))
            drift_sd = max(float(1.4826 * np.median(np.abs(d - med))), config.DRIFT_PRIOR_SD_MIN)
    return ClassVolatility(cls, sd, df, drift, drift_sd, a.n_series, a.n_obs, pool)


def _ytd_prior(cls: str, carry: bool) -> float:
    """The stated prior sd of a pool's nowcast error: the class's year-to-date prior; carrying the year-to-date
    rate forward (no earlier annual rate) adds the class's one-year growth prior, in quadrature."""
    s0 = config.YTD_PRIOR_SD_BY_CLASS.get(cls, config.YTD_PRIOR_SD)
    return math.hypot(s0, config.VOLATILITY_PRIOR_SD[cls]) if carry else s0


def _shrunk_ytd(s0: float, ss: float, n: int) -> YtdError:
    """A nowcast error: the prior ``s0`` with weight config.YTD_PRIOR_WEIGHT pooled with n squared residuals."""
    w = config.YTD_PRIOR_WEIGHT
    return YtdError(math.sqrt((w * s0**2 + ss) / (w + n)), w + n, n)


def _ytd_error(cls: str, ss: float, n: int, carry: bool = False) -> YtdError:
    return _shrunk_ytd(_ytd_prior(cls, carry), ss, n)


def _add_level(accs: list[_Acc], pts: list[Point]) -> None:
    inc = increments(pts)
    if not inc:
        return
    mu, span, s, df = drift_stats(inc)
    for a in accs:
        a.ss += s
        a.df += df
        a.n_obs += len(inc)
        a.n_series += 1
        if span >= 1:
            a.drifts.append(mu)


def _add_growth(accs: list[_Acc], pts: list[Point]) -> None:
    annual = _annual_growth(pts)
    n = 0
    for y in sorted(annual):
        if (y - 1) in annual:
            f, _, _ = growth_rule(annual, y)
            for a in accs:
                a.ss += (annual[y] - f) ** 2
                a.df += 1
                a.n_obs += 1
            n += 1
    for a in accs:
        a.n_series += int(n > 0)
    for p in pts:  # year-to-date readings with the final figure of their year
        if p.kind == "month" and p.bound == "exact" and int(math.ceil(p.t)) in annual:
            year, month = int(math.ceil(p.t)), round((p.t - math.floor(p.t)) * 12) or 12
            if month >= 12:
                continue
            if not any(y < year for y in annual):  # no trend known: the rate carried forward
                r = (annual[year] - p.value) / math.sqrt(1 - month / 12)
                for a in accs:
                    a.carry_ss += r**2
                    a.carry_n += 1
                continue
            _, trend, _ = growth_rule(annual, year)
            r = (annual[year] - ytd_nowcast(p.value, month, trend)) / math.sqrt(1 - month / 12)
            for a in accs:
                a.ytd_ss += r**2
                a.ytd_n += 1


def estimate(ctx: Context) -> Volatility:
    """Every class's and pool's volatility from the series known in ``ctx`` (the as-of date's figures)."""
    classes = {c: _Acc() for c in LEVEL_CLASSES + GROWTH_CLASSES}
    pools: dict[tuple[str, str], _Acc] = {}
    for measure, jur, code, sector in ctx.series_keys():
        if code not in ctx.indicators.index:
            continue
        cls = class_of(ctx, measure, code)
        if cls is None:
            continue
        accs = [classes[cls], pools.setdefault((cls, family(ctx, code)), _Acc())]
        pts = own_points(ctx, measure, jur, code, sector)
        (_add_level if cls in LEVEL_CLASSES else _add_growth)(accs, pts)
    growth = [classes[c] for c in GROWTH_CLASSES]
    broad_ytd = _shrunk_ytd(config.YTD_PRIOR_SD, sum(a.ytd_ss for a in growth), sum(a.ytd_n for a in growth))
    return Volatility(
        {c: _finish(c, a) for c, a in classes.items()},
        broad_ytd.sd,
        broad_ytd.df,
        broad_ytd.n,
        {k: _finish(k[0], a, k[1]) for k, a in pools.items()},
        {k: _ytd_error(k[0], a.ytd_ss, a.ytd_n) for k, a in pools.items() if k[0] in GROWTH_CLASSES},
        {k: _ytd_error(k[0], a.carry_ss, a.carry_n, carry=True) for k, a in pools.items() if k[0] in GROWTH_CLASSES},
        ctx.margins,
        ctx.as_of,
    )


@dataclass(frozen=True)
class SeriesModel:
    """A level series' predictive model: drift posterior N(drift, drift_var), innovation sd ``sd`` with ``df``."""

    drift: float
    drift_var: float
    sd: float
    df: float
    n_increments: int
    excluded: tuple[str, ...]  # ids of points left out of the fit (none since bounds are censored draws)
    censored: tuple[str, ...] = ()  # ids of bounded points fitted as draws within their plausible range

    def describe(self) -> str:
        own = f"{self.n_increments} own increment(s)" if self.n_increments else "no own increment: the class's drift"
        return (
            f"random walk with drift in logs: drift {math.expm1(self.drift):+.1%} a year "
            f"(sd {math.sqrt(self.drift_var):.1%}), innovation sd {self.sd:.1%} (t, {self.df:.0f} df); {own}"
            + (
                f"; bounds fitted as censored (drawn within their ranges, {config.BOUND_IMPUTATIONS} imputations): "
                + ", ".join(self.censored)
                if self.censored
                else ""
            )
            + (f"; not fitted: {', '.join(self.excluded)}" if self.excluded else "")
        )


def _fit(inc: list[tuple[float, float]], cv: ClassVolatility) -> tuple[float, float, float, float]:
    """(drift, drift variance, innovation variance, own degrees of freedom) of one series' increments."""
    mu, span, ss, df = drift_stats(inc)
    w = config.VOLATILITY_PRIOR_WEIGHT
    s2 = (w * cv.sd**2 + ss) / (w + df)
    prior_prec = 1.0 / cv.drift_sd**2
    data_prec = span / s2 if span > 0 else 0.0
    drift = (cv.drift * prior_prec + mu * data_prec) / (prior_prec + data_prec)
    return drift, 1.0 / (prior_prec + data_prec), s2, df


def _imputations(points: list[Point], margins: BoundMargins | None) -> list[list[Point]]:
    """``config.BOUND_IMPUTATIONS`` copies of the series, each bounded point drawn uniformly in logs within its
    plausible range; seeded by the points' ids, so a series' fit never depends on other series."""
    seed = zlib.crc32("|".join(p.actual_id for p in points).encode())
    rng = np.random.default_rng(seed)
    ranges = [plausible_range(p.value, p.bound, margins) if p.bound in CENSORED_BOUNDS else None for p in points]
    out = []
    for _ in range(config.BOUND_IMPUTATIONS):
        one = []
        for p, rg in zip(points, ranges):
            if rg is None or rg[0] <= 0 or rg[1] <= rg[0]:
                one.append(p)
                continue
            v = float(np.exp(rng.uniform(math.log(rg[0]), math.log(rg[1]))))
            one.append(Point(p.t, v, "exact", p.period, p.actual_id, p.kind))
        out.append(one)
    return out


def series_model(points: list[Point], cv: ClassVolatility, margins: BoundMargins | None = None) -> SeriesModel:
    """Shrink one series' variance and drift toward its pool (see the module's docstring); bounded figures enter
    as draws within their plausible ranges (``margins``: measured by :mod:`margins`; default the stated priors)."""
    w = config.VOLATILITY_PRIOR_WEIGHT
    censored = tuple(p.actual_id for p in points if p.bound in CENSORED_BOUNDS and p.value > 0)
    excluded = tuple(p.actual_id for p in points if p.bound not in CENSORED_BOUNDS + ("exact",))
    usable = [p for p in points if p.bound in CENSORED_BOUNDS + ("exact",)]
    if not censored:
        inc = increments(usable)
        drift, drift_var, s2, df = _fit(inc, cv)
        # the series' variance weighs the class's by w pseudo-observations: its degrees of freedom are w + its own
        return SeriesModel(drift, drift_var, math.sqrt(s2), w + df, len(inc), excluded)
    fits = [(_fit(increments(one), cv), len(increments(one))) for one in _imputations(usable, margins)]
    drifts = np.array([f[0][0] for f in fits])
    within = float(np.mean([f[0][1] for f in fits]))
    s2 = float(np.mean([f[0][2] for f in fits]))
    df = float(np.mean([f[0][3] for f in fits]))
    between = float(np.var(drifts, ddof=1)) if len(drifts) > 1 else 0.0
    n_inc = max(f[1] for f in fits)
    return SeriesModel(
        float(drifts.mean()),
        within + (1 + 1 / len(fits)) * between,
        math.sqrt(s2),
        w + df,
        n_inc,
        excluded,
        censored,
    )
