"""A backtest that can fail: every honest forecast the data allows, each made with only what was published at its
origin, scored against what was later reported — and scored per independent unit, so that it cannot flatter
itself by counting one target or one series many times.

Kinds of forecast (one row each in :func:`backtest`'s table):

* ``target``    — targets the record decides today, with the probability the assessment gave at the end of each
  quarter from the document's issue to the end of the target year (binary: ``p``);
* ``level``     — rolling-origin forecasts of every annual level or count series (each exact annual figure, one and
  two years ahead, origin: 30 June of the year after the last year known), with the 80 % interval, the PIT
  (share of simulated values at or below the outcome) and the CRPS (from the draws);
* ``growth``    — the same for annual growth-rate series (the growth rule);
* ``ytd``       — year-to-date readings nowcasting the full-year growth rate (origin: the reading's publication);
* ``threshold`` — plan-like thresholds on the level forecasts: does the series grow by at least 0, 5, 10 or 20 %
  a year to the outcome year? (binary).

Interval forecasts report ``covered80``; binary ones ``p``. Baselines: a coin (0.5), "the plan is always met" (1)
and persistence (1 when the growth last observed at the origin clears the threshold, else 0; 0.5 without one;
threshold rows only).

**Units.** The rows are not independent: a target is scored in every quarter it is open (up to 13 rows, one
outcome), a level forecast gives four nested thresholds, a series gives forecasts at two horizons of each year.
Each row therefore names its ``unit``: for a ``target`` row the target id; for every other row the series,
``jurisdiction|indicator|sector`` (``360000|sector_revenue|electronics``; no sector: ``360000|gdp``). The level,
growth and year-to-date forecasts of one jurisdiction's indicator are one unit (``360000|gdp``'s level and growth
forecasts are one series), so pooling interval forecasts over kinds does not count it twice. A target and the
series it measures stay apart (the brief's choice: a target's probabilities are its own unit).
``measured_by_target`` says whether some target in the catalog measures the row's indicator
(:func:`measured_indicators`: a target's indicator, the level a relative or growth-rate target refers to, and
indicators the concordance relates to those other than by a different scope); series no target measures (GDP)
are scored apart as "not measured".

**Scores** (:func:`summary`, ``groups``): within a unit the mean of its rows (share of intervals covering the
outcome, mean PIT, mean Brier, mean log score), then the mean over units with equal weight; n is the number of
units. Intervals: a cluster bootstrap resamples units with replacement (``config.BACKTEST_BOOTSTRAP`` resamples,
seeded from ``config.SEED`` and the group's name) and reports the ``config.BACKTEST_CI`` (90 %) percentile
interval. The baselines are scored on the same units with the same resamples, and the paired difference model −
baseline gets its interval (persistence, and the model beside it, only on the units and rows that have it).
Groups: all interval forecasts and each interval kind; all yes/no forecasts and each binary kind; each in three
scopes: all units, the units some target measures, the units none measures. The scores pooled over rows (the
old figures, ``coverage80``, ``brier_model``, ...) are kept for reference; a calibration claim quotes the units.

**Verdicts** (:func:`verdicts`, on all units of each group with forecasts): 80 % coverage fails when its point
lies outside ``config.BACKTEST_COVERAGE_RANGE`` (70-90 %, the old rule) or when its interval leaves out 80 %;
yes/no probabilities "beat" a baseline (coin, "always met", persistence where it exists) only when the interval
of the paired Brier difference lies entirely below 0, else the verdict fails; a group of fewer than
``config.BACKTEST_MIN_UNITS`` units is "too few to judge", said and not failed. Every verdict is printed with
its interval (:func:`verdict_text`, English and Chinese); :func:`report_text` and :func:`calibration_claim` are
what the report quotes.
"""

from __future__ import annotations

import math
import zlib
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import config
from ..data.vintage import as_of_date
from .attainment import Start, growth_draws, growth_forecast, level_paths
from .evidence import Context, Point, build_context, own_points, share_points
from .projection import FloatArray
from .targets import plausible_range
from .volatility import LEVEL_CLASSES, Volatility, class_of, estimate, family, series_model

COLUMNS = [
    "kind",
    "id",
    "origin",
    "horizon",
    "forecast",
    "low80",
    "high80",
    "outcome",
    "covered80",
    "pit",
    "crps",
    "p",
    "event",
    "persistence",
    "n_history",
    "unit",
    "indicator",
    "measured_by_target",
]
THRESHOLDS = (0.0, 0.05, 0.10, 0.20)

if TYPE_CHECKING:
    from ..data.catalog import Catalog


def brier(p: npt.ArrayLike, outcome: npt.ArrayLike) -> float:
    """Mean squared difference between probabilities and outcomes (1 achieved, 0 missed)."""
    p, o = np.asarray(p, float), np.asarray(outcome, float)
    return float(np.mean((p - o) ** 2)) if len(p) else np.nan


def log_score(p: npt.ArrayLike, outcome: npt.ArrayLike, eps: float = 1e-3) -> float:
    """Mean negative log probability of what happened (probabilities clipped to [eps, 1 - eps])."""
    p, o = np.clip(np.asarray(p, float), eps, 1 - eps), np.asarray(outcome, float)
    # numpy types np.clip's result as Any, so mypy keeps p's ArrayLike type (it is an array here)
    return float(-np.mean(o * np.log(p) + (1 - o) * np.log(1 - p))) if len(p) else np.nan  # type: ignore[operator, arg-type]


def crps(draws: np.ndarray, y: float) -> float:
    """Continuous ranked probability score from draws: E|X - y| - E|X - X'| / 2."""
    x = np.sort(np.asarray(draws, float))
    n = len(x)
    spread = np.sum((2 * np.arange(1, n + 1) - n - 1) * x) / (n * n)
    return float(np.mean(np.abs(x - y)) - spread)


class _Origins:
    """Contexts and volatility estimates per origin date (None: everything known), computed once and shared by
    every kind of forecast (a quarter's end is also a level forecast's origin: 30 June)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.contexts: dict[pd.Timestamp | None, Context] = {}
        self.estimates: dict[pd.Timestamp | None, Volatility] = {}
        self.points: dict = {}  # series converted to points, shared by the contexts

    def context(self, date: pd.Timestamp | None) -> Context:
        if date not in self.contexts:
            ctx = build_context(self.catalog, date)
            share_points(ctx, self.points)
            self.contexts[date] = ctx
        return self.contexts[date]

    def get(self, date: pd.Timestamp | None) -> tuple[Context, Volatility]:
        if date not in self.estimates:
            self.estimates[date] = estimate(self.context(date))
        return self.context(date), self.estimates[date]


def _seed(seed: int, *parts: object) -> list[int]:
    return [int(seed), zlib.crc32("|".join(map(str, parts)).encode())]


def _unit(jur: str, code: str, sector: str) -> str:
    """A series' unit: jurisdiction|indicator|sector (no sector: jurisdiction|indicator)."""
    return "|".join([jur, code] + ([sector] if sector else []))


def _interval_row(
    kind: str,
    fid: str,
    origin: pd.Timestamp,
    horizon: float,
    draws: FloatArray,
    y: float,
    n_hist: int,
    unit: str,
    indicator: str,
) -> dict:
    lo, hi = np.quantile(draws, [(1 - config.INTERVAL) / 2, 1 - (1 - config.INTERVAL) / 2])
    return dict(
        kind=kind,
        id=fid,
        unit=unit,
        indicator=indicator,
        origin=origin.date().isoformat(),
        horizon=horizon,
        forecast=float(np.median(draws)),
        low80=float(lo),
        high80=float(hi),
        outcome=float(y),
        covered80=bool(lo <= y <= hi),
        pit=float(np.mean(draws <= y)),
        crps=crps(draws, y),
        n_history=n_hist,
    )


def _level_forecasts(origins: _Origins, n_paths: int, seed: int) -> list[dict]:
    now = origins.context(None)
    rows = []
    for measure, jur, code, sector in now.series_keys():
        cls = class_of(now, measure, code)
        if cls is None:
            continue
        final = [p for p in own_points(now, measure, jur, code, sector) if p.kind == "year" and p.bound == "exact"]
        fid = f"{jur}/{code}" + (f"/{sector}" if sector else "")
        unit = _unit(jur, code, sector)
        for out in final:
            year = int(out.t)
            for h in (1, 2):
                origin = pd.Timestamp(f"{year - h + 1}-06-30")
                ctx, vol = origins.get(origin)
                known = [p for p in own_points(ctx, measure, jur, code, sector) if p.t <= year - h]
                if not known or (measure == "value" and known[-1].t > year - h):
                    continue
                if measure == "value" and cls in LEVEL_CLASSES:
                    last = known[-1]
                    if known[-1].t < year - h:
                        continue  # the origin's latest figure is older: that is the longer horizon's forecast
                    lo, hi = plausible_range(last.value, last.bound, ctx.margins)
                    model = series_model(known, vol.pool(cls, family(ctx, code)), ctx.margins)
                    proj = level_paths(
                        Start(last.t, lo, hi, last.bound, last.actual_id),
                        year,
                        model,
                        n_paths=n_paths,
                        seed=_seed(seed, fid, year, h),
                    )
                    draws = proj.at(year)
                    rows.append(_interval_row("level", fid, origin, h, draws, out.value, len(known), unit, code))
                    rows += _thresholds(fid, origin, h, draws, last, known, out.value, year, unit, code)
                elif measure == "growth":
                    annual = {int(p.t): p.value for p in known if p.kind == "year" and p.bound == "exact"}
                    if not annual or max(annual) != year - h:
                        continue
                    fc = growth_forecast(annual, None, year, vol.pool(cls, family(ctx, code)), vol)
                    if fc is None:
                        continue
                    draws = growth_draws(fc, n_paths, _seed(seed, fid, year, h))
                    rows.append(_interval_row("growth", fid, origin, h, draws, out.value, len(annual), unit, code))
    return rows


def _thresholds(
    fid: str,
    origin: pd.Timestamp,
    h: int,
    draws: FloatArray,
    last: Point,
    known: list[Point],
    y: float,
    year: int,
    unit: str,
    indicator: str,
) -> list[dict]:
    exact = [p for p in known if p.bound == "exact" and p.value > 0]
    prev = None
    if len(exact) >= 2 and exact[-1].t > exact[-2].t:
        prev = (exact[-1].value / exact[-2].value) ** (1 / (exact[-1].t - exact[-2].t)) - 1
    rows = []
    for x in THRESHOLDS:
        thr = last.value * (1 + x) ** (year - last.t)
        rows.append(
            dict(
                kind="threshold",
                id=fid,
                unit=unit,
                indicator=indicator,
                origin=origin.date().isoformat(),
                horizon=h,
                p=float(np.mean(draws >= thr)),
                outcome=float(y >= thr),
                event=f">= +{x:.0%} a year",
                persistence=0.5 if prev is None else float(prev >= x),
                n_history=len(known),
            )
        )
    return rows


def _ytd_forecasts(origins: _Origins, n_paths: int, seed: int) -> list[dict]:
    now = origins.context(None)
    rows = []
    for measure, jur, code, sector in now.series_keys():
        if measure != "growth":
            continue
        cls = class_of(now, measure, code)
        if cls is None:
            continue  # never for a growth rate: every one has a class
        pts = own_points(now, measure, jur, code, sector)
        finals = {int(p.t): p for p in pts if p.kind == "year" and p.bound == "exact"}
        for p in pts:
            year = int(math.ceil(p.t))
            month = round((p.t - math.floor(p.t)) * 12)
            if p.kind != "month" or p.bound != "exact" or year not in finals or not 0 < month < 12:
                continue
            published = now.published(p.actual_id)
            origin = published if pd.notna(published) else (pd.Period(f"{year}-{month:02d}", "M") + 2).end_time
            origin = pd.Timestamp(origin).normalize()
            ctx, vol = origins.get(origin)
            known = own_points(ctx, measure, jur, code, sector)
            if any(q.kind == "year" and int(q.t) == year for q in known):
                continue  # the year's final figure was already out at the reading's origin: nothing to forecast
            annual = {int(q.t): q.value for q in known if q.kind == "year" and q.bound == "exact" and q.t < year}
            fc = growth_forecast(annual, (month, p.value), year, vol.pool(cls, family(ctx, code)), vol)
            if fc is None:
                continue
            draws = growth_draws(fc, n_paths, _seed(seed, jur, code, p.actual_id))
            fid = f"{jur}/{code}" + (f"/{sector}" if sector else "") + f"/{p.period}"
            horizon = round(1 - month / 12, 2)
            unit = _unit(jur, code, sector)
            rows.append(_interval_row("ytd", fid, origin, horizon, draws, finals[year].value, len(annual), unit, code))
    return rows


def _target_forecasts(catalog: Catalog, origins: _Origins, n_paths: int, seed: int) -> list[dict]:
    from .assess import DECIDED, assess

    ctx, vol = origins.get(None)
    known = assess(catalog, None, projection_method="none", context=ctx, volatility=vol)
    known = known[known["outcome"].isin(DECIDED) & known["counted"].astype(bool)]
    rows: list[dict] = []
    if known.empty:
        return rows
    first = pd.Period(known["available_from"].min(), "Q")
    last = pd.Period(f"{int(known['target_year'].max())}Q4", "Q")
    for q in pd.period_range(first, last, freq="Q"):
        # a target whose year has passed gets no probability: only the open ones are assessed
        open_ = known[[int(y) >= q.year for y in known["target_year"]]]
        if open_.empty:
            continue
        ctx, vol = origins.get(as_of_date(str(q)))
        table = assess(
            catalog, str(q), n_paths=n_paths, seed=seed, only=open_["target_id"], context=ctx, volatility=vol
        ).set_index("target_id")
        for r in open_.itertuples(index=False):
            if r.target_id not in table.index:
                continue
            p = table.loc[r.target_id, "p_attain"]
            if pd.isna(p):
                continue
            rows.append(
                dict(
                    kind="target",
                    id=r.target_id,
                    unit=r.target_id,
                    indicator=str(r.indicator_code),
                    origin=q.end_time.date().isoformat(),
                    horizon=round(int(r.target_year) + 1 - (q.year + q.quarter / 4), 2),
                    p=float(p),
                    outcome=float(r.outcome in ("achieved", "likely_achieved")),
                    event=r.outcome,
                    persistence=np.nan,
                    n_history=np.nan,
                )
            )
    return rows


def measured_indicators(catalog: Catalog) -> set[str]:
    """Indicators some target measures: a target's own indicator, the level a relative or growth-rate target's
    indicator refers to (倍增 → revenue), and every indicator the concordance relates to one of those other than
    by a different scope (either way round)."""
    targets = catalog.targets
    ind = catalog.indicators
    kinds = dict(zip(ind["code"].astype(str), ind["kind"].astype(str)))
    refers = {str(c): r for c, r in zip(ind["code"], ind["refers_to"]) if isinstance(r, str) and r}
    out = {str(c) for c in targets["indicator_code"].dropna()}
    out |= {refers[c] for c in list(out) if c in refers and kinds.get(c) in ("relative", "growth_rate")}
    conc = getattr(catalog, "concordance", None)
    if conc is not None and len(conc):
        for a, b, rel in zip(conc["indicator_code"].astype(str), conc["other_code"].astype(str), conc["relation"]):
            if str(rel) == "different_scope":
                continue
            if a in out or b in out:
                out |= {a, b}
    return out


def backtest(
    catalog: Catalog, n_paths: int = config.BACKTEST_PATHS, seed: int = config.SEED
) -> tuple[pd.DataFrame, dict]:
    """One row per scored forecast, and the summary scores (see the module's docstring)."""
    origins = _Origins(catalog)
    rows = (
        _target_forecasts(catalog, origins, n_paths, seed)
        + _level_forecasts(origins, n_paths, seed)
        + _ytd_forecasts(origins, n_paths, seed)
    )
    table = pd.DataFrame(rows, columns=COLUMNS)
    measured = measured_indicators(catalog)
    table["measured_by_target"] = (table["kind"] == "target") | table["indicator"].isin(measured)
    s = summary(table)
    ind = catalog.indicators.set_index(catalog.indicators["code"].astype(str))
    s["indicator_names"] = {
        c: (str(ind.at[c, "name_zh"]), str(ind.at[c, "name_en"])) for c in s["unmeasured_indicators"] if c in ind.index
    }
    return table, s


# ---- scoring per unit ----------------------------------------------------------------------------------------

INTERVAL_KINDS = ("level", "growth", "ytd")
BINARY_KINDS = ("target", "threshold")
SCOPES = ("all", "measured", "unmeasured")
BASELINES = ("coin", "always_met", "persistence")


def _estimate(point: float, boot: np.ndarray | None = None) -> dict:
    """A point estimate and its percentile interval from bootstrap replicates (nan without replicates)."""
    a = (1 - config.BACKTEST_CI) / 2
    boot = np.asarray([] if boot is None else boot, float)
    boot = boot[~np.isnan(boot)]
    lo, hi = (float(v) for v in np.quantile(boot, [a, 1 - a])) if len(boot) else (np.nan, np.nan)
    return {"point": float(point), "low": lo, "high": hi}


def resamples(n_units: int, key: str, b: int | None = None, seed: int = config.SEED) -> np.ndarray:
    """Indices of ``b`` resamples of ``n_units`` units drawn with replacement (rows: resamples), seeded from
    ``seed`` and ``key`` so that every statistic of one group shares them."""
    b = config.BACKTEST_BOOTSTRAP if b is None else b
    rng = np.random.default_rng(_seed(seed, key))
    return rng.integers(0, n_units, size=(b, n_units)) if n_units else np.zeros((b, 0), int)


def _unit_mean(values: np.ndarray, idx: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean over units (nan units left out, in the point and in each resample) and its bootstrap replicates."""
    ok = ~np.isnan(values)
    if not ok.any():
        return np.nan, np.full(len(idx), np.nan)
    v = np.where(ok, values, 0.0)
    count = ok[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = np.where(count > 0, v[idx].sum(axis=1) / np.maximum(count, 1), np.nan)
    return float(values[ok].mean()), boot


def _by_unit(rows: pd.DataFrame, column: pd.Series) -> np.ndarray:
    """Each unit's mean of ``column`` (nan rows left out; a unit with none: nan), units in sorted order."""
    return column.groupby(rows["unit"]).mean().sort_index().to_numpy(float)


def _rows(table: pd.DataFrame, kinds: tuple[str, ...], scope: str) -> pd.DataFrame:
    rows = table[table["kind"].isin(kinds)]
    measured = rows["measured_by_target"].astype(bool)
    return rows[measured] if scope == "measured" else rows[~measured] if scope == "unmeasured" else rows


def interval_scores(rows: pd.DataFrame, key: str, b: int | None = None) -> dict:
    """80 % coverage and mean PIT of interval forecasts, per unit (the share of a unit's intervals that cover
    their outcome) averaged over units, with cluster-bootstrap intervals."""
    units = sorted(rows["unit"].unique())
    idx = resamples(len(units), key, b)
    cov, cov_boot = _unit_mean(_by_unit(rows, rows["covered80"].astype(float)), idx)
    pit, pit_boot = _unit_mean(_by_unit(rows, rows["pit"].astype(float)), idx)
    return {
        "n_units": len(units),
        "n_rows": int(len(rows)),
        "coverage80": _estimate(cov, cov_boot),
        "mean_pit": _estimate(pit, pit_boot),
    }


def binary_scores(rows: pd.DataFrame, key: str, b: int | None = None) -> dict:
    """Brier and log scores of yes/no forecasts and of the baselines on the same units and resamples: per unit
    (mean over its rows) averaged over units, with cluster-bootstrap intervals and the paired differences model −
    baseline. Persistence, and the model beside it, only on the rows (units) where persistence exists."""
    units = sorted(rows["unit"].unique())
    idx = resamples(len(units), key, b)
    p, o = rows["p"].astype(float), rows["outcome"].astype(float)
    pers = rows["persistence"].astype(float).clip(0, 1)
    has = pers.notna()
    per_unit = {
        "model": _by_unit(rows, (p - o) ** 2),
        "coin": _by_unit(rows, (0.5 - o) ** 2),
        "always_met": _by_unit(rows, (1.0 - o) ** 2),
        "persistence": _by_unit(rows, ((pers - o) ** 2).where(has)),
        "model_where_persistence": _by_unit(rows, ((p - o) ** 2).where(has)),
    }
    pc = np.clip(p, 1e-3, 1 - 1e-3)
    log_model = _by_unit(rows, -(o * np.log(pc) + (1 - o) * np.log(1 - pc)))
    out: dict = {"n_units": len(units), "n_rows": int(len(rows))}
    out["n_units_persistence"] = int((~np.isnan(per_unit["persistence"])).sum()) if len(units) else 0
    out["share_met"] = _estimate(*_unit_mean(_by_unit(rows, o), idx))
    boots = {}
    for name, values in per_unit.items():
        point, boots[name] = _unit_mean(values, idx)
        out[f"brier_{name}"] = _estimate(point, boots[name])
    for base in BASELINES:
        model = "model_where_persistence" if base == "persistence" else "model"
        diff = per_unit[model] - per_unit[base]
        out[f"diff_{base}"] = _estimate(*_unit_mean(diff, idx))
    out["log_model"] = _estimate(*_unit_mean(log_model, idx))
    out["log_coin"] = float(np.log(2)) if len(units) else np.nan
    return out


def unit_scores(table: pd.DataFrame, b: int | None = None) -> dict:
    """Every group (pooled interval and yes/no forecasts, each kind) in every scope (all units; the series some
    target measures, with the targets; the series no target measures), keyed ``"interval:growth"`` etc."""
    groups: dict = {}
    for name, kinds, score in (
        [("interval", INTERVAL_KINDS, interval_scores)]
        + [(f"interval:{k}", (k,), interval_scores) for k in INTERVAL_KINDS]
        + [("binary", BINARY_KINDS, binary_scores)]
        + [(f"binary:{k}", (k,), binary_scores) for k in BINARY_KINDS]
    ):
        groups[name] = {scope: score(_rows(table, kinds, scope), f"{name}/{scope}", b) for scope in SCOPES}
    return groups


def units_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per kind and unit: its forecasts, whether a target measures it, and its scores (coverage and PIT
    of interval forecasts; Brier of the model and the baselines, of yes/no ones), averaged within the unit."""
    t = table.copy()
    o, p = t["outcome"].astype(float), t["p"].astype(float)
    pers = t["persistence"].astype(float).clip(0, 1)
    t["covered80"] = t["covered80"].astype(float)
    t["brier_model"] = (p - o) ** 2
    t["brier_coin"] = ((0.5 - o) ** 2).where(p.notna())
    t["brier_always_met"] = ((1 - o) ** 2).where(p.notna())
    t["brier_persistence"] = (pers - o) ** 2
    t["n_forecasts"] = 1
    agg = {
        "indicator": "first",
        "measured_by_target": "first",
        "n_forecasts": "sum",
        "covered80": "mean",
        "pit": "mean",
        "brier_model": "mean",
        "brier_coin": "mean",
        "brier_always_met": "mean",
        "brier_persistence": "mean",
    }
    return t.groupby(["kind", "unit"], sort=True).agg(agg).reset_index()


def summary(table: pd.DataFrame, b: int | None = None) -> dict:
    """Scores of the backtest's table: per unit with intervals (``groups``, ``verdicts``; what a calibration claim
    quotes) and, kept for reference, the scores pooled over rows (``coverage80``, ``brier_model``, ...), which
    count a target scored in twelve quarters twelve times."""
    intervals = table[table["covered80"].notna()]
    binary = table[table["p"].notna()]
    o = binary["outcome"].astype(float)
    pers = binary["persistence"].astype(float)
    has_pers = pers.notna()
    out: dict = {
        "n_forecasts": int(len(table)),
        "n_interval": int(len(intervals)),
        "coverage80": float(intervals["covered80"].astype(bool).mean()) if len(intervals) else np.nan,
        "mean_pit": float(intervals["pit"].mean()) if len(intervals) else np.nan,
        "mean_crps_by_kind": {k: float(g["crps"].mean()) for k, g in intervals.groupby("kind")},
        "coverage80_by_kind": {k: float(g["covered80"].astype(bool).mean()) for k, g in intervals.groupby("kind")},
        "n_binary": int(len(binary)),
        "share_met": float(o.mean()) if len(o) else np.nan,
        "brier_model": brier(binary["p"], o),
        "brier_coin": brier(np.full(len(o), 0.5), o),
        "brier_always_met": brier(np.ones(len(o)), o),
        "brier_persistence": brier(pers[has_pers].clip(0, 1), o[has_pers]) if has_pers.any() else np.nan,
        "brier_model_where_persistence": brier(binary["p"][has_pers], o[has_pers]) if has_pers.any() else np.nan,
        "log_model": log_score(binary["p"], o),
        "log_coin": log_score(np.full(len(o), 0.5), o),
        "n_by_kind": {k: int(len(g)) for k, g in table.groupby("kind")},
    }
    units = table.drop_duplicates(["kind", "unit"])
    out["n_units"] = int(table["unit"].nunique())
    out["n_units_by_kind"] = {k: int(len(g)) for k, g in units.groupby("kind")}
    out["unmeasured_indicators"] = sorted(set(table.loc[~table["measured_by_target"].astype(bool), "indicator"]))
    out["ci"] = config.BACKTEST_CI
    out["resamples"] = config.BACKTEST_BOOTSTRAP if b is None else b
    out["groups"] = unit_scores(table, b)
    out["verdicts"] = verdicts(out["groups"])
    return out


# ---- verdicts ------------------------------------------------------------------------------------------------

#: the groups a verdict is given on (scope "all": every unit), in the order they are printed
VERDICT_GROUPS = (
    "interval",
    *(f"interval:{k}" for k in INTERVAL_KINDS),
    "binary",
    *(f"binary:{k}" for k in BINARY_KINDS),
)


def _coverage_verdict(group: str, s: dict) -> dict:
    cov = s["coverage80"]
    lo, hi = config.BACKTEST_COVERAGE_RANGE
    if s["n_units"] < config.BACKTEST_MIN_UNITS:
        code = "too_few_units"
    elif not lo <= cov["point"] <= hi:
        code = "coverage_outside"
    elif not cov["low"] - 1e-9 <= config.INTERVAL <= cov["high"] + 1e-9:  # means of equal shares: rounding
        code = "coverage_off_nominal"
    else:
        code = "coverage_ok"
    fails = code in ("coverage_outside", "coverage_off_nominal")
    return dict(code=code, group=group, fails=fails, n_units=s["n_units"], n_rows=s["n_rows"], **cov)


def _baseline_verdict(group: str, s: dict, base: str) -> dict:
    d = s[f"diff_{base}"]
    n = s["n_units_persistence"] if base == "persistence" else s["n_units"]
    if n < config.BACKTEST_MIN_UNITS:
        code = "too_few_units"
    else:
        code = "beats_baseline" if d["high"] < 0 else "not_beats_baseline"
    model = s["brier_model_where_persistence" if base == "persistence" else "brier_model"]["point"]
    return dict(
        code=code,
        group=group,
        fails=code == "not_beats_baseline",
        n_units=n,
        n_rows=s["n_rows"],
        baseline=base,
        model=model,
        base=s[f"brier_{base}"]["point"],
        **d,
    )


def verdicts(groups: dict) -> list[dict]:
    """Per group with forecasts (scope: all units): 80 % coverage fails outside BACKTEST_COVERAGE_RANGE, or when
    its interval leaves out 80 %; yes/no forecasts beat a baseline only when the interval of the paired Brier
    difference model − baseline lies entirely below 0 (coin and "always met"; persistence where it exists).
    Fewer than BACKTEST_MIN_UNITS units: not judged (said)."""
    out = []
    for group in VERDICT_GROUPS:
        s = groups[group]["all"]
        if not s["n_rows"]:
            continue
        if group.startswith("interval"):
            out.append(_coverage_verdict(group, s))
            continue
        for base in BASELINES:
            if base == "persistence" and not s["n_units_persistence"]:
                continue
            out.append(_baseline_verdict(group, s, base))
    return out


def failures(s: dict) -> list[str]:
    """The failed verdicts, in English (empty: nothing found wrong)."""
    return [verdict_text(v, "en") for v in s["verdicts"] if v["fails"]]


# ---- text ----------------------------------------------------------------------------------------------------

WORDS = {
    "en": {
        "interval": "all intervals",
        "interval:level": "level intervals",
        "interval:growth": "growth intervals",
        "interval:ytd": "year-to-date nowcast intervals",
        "binary": "all yes/no probabilities",
        "binary:target": "target probabilities",
        "binary:threshold": "threshold probabilities",
        "coin": "the coin",
        "always_met": '"always met"',
        "persistence": "persistence",
        "target": "targets",
        "series": "series",
    },
    "zh": {
        "interval": "全部区间预测",
        "interval:level": "水平值区间预测",
        "interval:growth": "增速区间预测",
        "interval:ytd": "年内累计增速临近预测区间",
        "binary": "全部是否达标概率",
        "binary:target": "目标达标概率",
        "binary:threshold": "增长门槛概率",
        "coin": "抛硬币",
        "always_met": "“规划总能实现”",
        "persistence": "延续上期",
        "target": "个目标",
        "series": "个序列",
    },
}

VERDICT_TEXTS = {
    "en": {
        "coverage_ok": "{what} cover {cov} of {n_rows} outcomes in {units}: within {range}, the interval holds 80 %",
        "coverage_outside": "{what} cover {cov} of {n_rows} outcomes in {units}: outside {range} (fails)",
        "coverage_off_nominal": "{what} cover {cov} of {n_rows} outcomes in {units}: the interval leaves out 80 % "
        "(fails)",
        "too_few_units": "{what}: {n_rows} forecasts in only {units}, too few to judge (fewer than {min})",
        "beats_baseline": "{what} beat {base}: Brier {model} against {base_score}, difference {diff} over {units}",
        "not_beats_baseline": "{what} do not demonstrably beat {base}: Brier {model} against {base_score}, "
        "difference {diff} over {units}, not entirely below 0 (fails)",
    },
    "zh": {
        "coverage_ok": "{what}覆盖了 {units}中 {n_rows} 个结果的 {cov}：在 {range} 之内，区间包含 80%",
        "coverage_outside": "{what}覆盖了 {units}中 {n_rows} 个结果的 {cov}：超出 {range}（未通过）",
        "coverage_off_nominal": "{what}覆盖了 {units}中 {n_rows} 个结果的 {cov}：区间不含 80%（未通过）",
        "too_few_units": "{what}：仅{units}、{n_rows} 个预测，少于 {min} 个单位，无法判断",
        "beats_baseline": "{what}优于{base}：Brier 分数 {model}，{base}为 {base_score}，差值 {diff}（{units}）",
        "not_beats_baseline": "{what}未能确证优于{base}：Brier 分数 {model}，{base}为 {base_score}，差值 {diff}"
        "（{units}），区间并非全部低于 0（未通过）",
    },
}


def _pct(e: dict) -> str:
    return f"{e['point']:.0%} [{e['low']:.0%}, {e['high']:.0%}]"


def _num(e: dict, signed: bool = False) -> str:
    f = "{:+.3f}" if signed else "{:.3f}"
    return f"{f.format(e['point'])} [{f.format(e['low'])}, {f.format(e['high'])}]"


def _units(n: int, group: str, lang: str, baseline: str = "") -> str:
    if group == "binary" and baseline != "persistence":
        return f"{n} units (targets, series)" if lang == "en" else f"{n} 个单位（目标、序列）"
    w = WORDS[lang]["target" if group == "binary:target" else "series"]
    return f"{n} {w}" if lang == "en" else f"{n} {w}"


def verdict_text(v: dict, lang: str = "en") -> str:
    """A verdict in words, with its interval."""
    return VERDICT_TEXTS[lang][v["code"]].format(
        what=WORDS[lang][v["group"]],
        cov=_pct(v),
        n_rows=v["n_rows"],
        units=_units(v["n_units"], v["group"], lang, v.get("baseline", "")),
        range=_range(lang),
        min=config.BACKTEST_MIN_UNITS,
        base=WORDS[lang].get(v.get("baseline", ""), ""),
        model=f"{v.get('model', np.nan):.3f}",
        base_score=f"{v.get('base', np.nan):.3f}",
        diff=_num(v, signed=True),
    )


def _interval_line(name: str, g: dict) -> str:
    a, m, u = g["all"], g["measured"], g["unmeasured"]

    def part(s: dict) -> str:
        if not s["n_units"]:
            return "none"
        if s["n_units"] == 1:
            return f"{s['coverage80']['point']:.0%} of {s['n_rows']} in 1 series (one unit: no interval)"
        return f"{_pct(s['coverage80'])} of {s['n_rows']} in {s['n_units']} series"

    return f"  {name}: {part(a)} | measured by a target {part(m)} | not measured {part(u)}"


def _binary_line(name: str, g: dict) -> str:
    a = g["all"]
    line = (
        f"  {name}: {a['n_rows']} in {a['n_units']} units, share met {_pct(a['share_met'])}; Brier: model "
        f"{_num(a['brier_model'])} | coin {a['brier_coin']['point']:.3f} | always met {_num(a['brier_always_met'])}"
    )
    if a["n_units_persistence"]:
        line += (
            f" | persistence {_num(a['brier_persistence'])} (model on the same {a['n_units_persistence']} units "
            f"{a['brier_model_where_persistence']['point']:.3f})"
        )
    diffs = [
        f"{b.replace('_', ' ')} {_num(a[f'diff_{b}'], True)}"
        for b in BASELINES
        if not np.isnan(a[f"diff_{b}"]["point"])
    ]
    line += (
        f"\n    model - baseline: {', '.join(diffs)}; log score model {_num(a['log_model'])} | coin {a['log_coin']:.3f}"
    )
    for scope, label in (("measured", "measured by a target"), ("unmeasured", "not measured")):
        s = g[scope]
        if s["n_units"] and s["n_units"] != a["n_units"]:
            line += (
                f"\n    {label}: {s['n_rows']} in {s['n_units']} units, Brier model {_num(s['brier_model'])}, "
                f"model - coin {_num(s['diff_coin'], True)}"
            )
    return line


def summary_text(s: dict) -> str:
    """The summary in words: units, intervals, baselines and every verdict."""
    if not s["n_forecasts"]:
        return "backtest: no forecast the data allows could be scored (no verdict)"
    groups = s["groups"]
    kinds = ", ".join(f"{k} {v}" for k, v in s["n_by_kind"].items())
    units = ", ".join(f"{k} {v}" for k, v in s["n_units_by_kind"].items())
    lines = [
        f"backtest: {s['n_forecasts']} scored forecasts ({kinds}) in {s['n_units']} units ({units}): targets, "
        "and series (jurisdiction|indicator|sector)",
        f"scored per unit (the mean of its forecasts), then averaged over units with equal weight; [low, high]: "
        f"{s['ci']:.0%} cluster-bootstrap interval ({s['resamples']} resamples of units)",
        "series no target measures (reported apart as 'not measured'): "
        + (", ".join(s["unmeasured_indicators"]) or "none"),
        "80 % interval coverage by unit (nominal 80 %; outcomes in units):",
    ]
    for name in ("interval", *(f"interval:{k}" for k in INTERVAL_KINDS)):
        if groups[name]["all"]["n_rows"]:
            lines.append(_interval_line(name.split(":")[-1] if ":" in name else "all", groups[name]))
    pit = groups["interval"]["all"]["mean_pit"]
    if groups["interval"]["all"]["n_rows"]:
        lines.append(f"  mean PIT by unit {_num(pit)} (0.50 if unbiased)")
    lines.append("yes/no forecasts by unit (Brier: model | baselines on the same units):")
    for name in ("binary", *(f"binary:{k}" for k in BINARY_KINDS)):
        if groups[name]["all"]["n_rows"]:
            lines.append(_binary_line(name.split(":")[-1] if ":" in name else "all", groups[name]))
    lines.append(
        f"pooled over rows, for reference only (counts a target scored in many quarters many times): 80 % interval "
        f"coverage {s['coverage80']:.0%} of {s['n_interval']}; Brier: model {s['brier_model']:.3f} | coin "
        f"{s['brier_coin']:.3f} | always met {s['brier_always_met']:.3f} on {s['n_binary']}"
    )
    lines.append("verdict:")
    lines += [f"  - {verdict_text(v, 'en')}" for v in s["verdicts"]]
    return "\n".join(lines)


# ---- what the report quotes ------------------------------------------------------------------------------------

SHORT = {
    "en": {
        "interval": "all",
        "interval:level": "levels",
        "interval:growth": "growth rates",
        "interval:ytd": "year-to-date nowcasts",
        "binary": "all yes/no",
        "binary:target": "targets",
        "binary:threshold": "thresholds",
        "coverage_ok": "passes",
        "coverage_outside": "outside {range}, fails",
        "coverage_off_nominal": "the interval leaves out 80 %, fails",
        "too_few_units": "too few units to judge",
        "beats_baseline": "better",
        "not_beats_baseline": "not demonstrably better, fails",
        "coverage": "{what} {cov} ({n_rows} in {units}: {status})",
        "baseline": "{what} {diff} over {units} ({status})",
    },
    "zh": {
        "interval": "全部",
        "interval:level": "水平值",
        "interval:growth": "增速",
        "interval:ytd": "年内累计临近预测",
        "binary": "全部是否达标",
        "binary:target": "目标",
        "binary:threshold": "增长门槛",
        "coverage_ok": "通过",
        "coverage_outside": "超出 {range}，未通过",
        "coverage_off_nominal": "区间不含 80%，未通过",
        "too_few_units": "单位太少，无法判断",
        "beats_baseline": "更好",
        "not_beats_baseline": "未能确证更好，未通过",
        "coverage": "{what} {cov}（{units}中 {n_rows} 个，{status}）",
        "baseline": "{what} {diff}（{units}，{status}）",
    },
}

CLAIM = {
    "en": "its 80 % intervals covered {coverage}; by kind: {kinds}; Brier score model - coin ({ci} intervals): "
    "{binary}.",
    "zh": "80% 区间覆盖率为 {coverage}；分类型：{kinds}；Brier 分数模型减抛硬币（{ci} 区间）：{binary}。",
}

NONE = {
    "en": "no forecast the data allow could be scored yet, so no calibration is stated.",
    "zh": "目前数据尚不足以对任何预测评分，因此不给出校准结果。",
}

METHODS = {
    "en": "**Backtest.** {n} forecasts scored, each made with what was published at its origin, in {units} "
    "independent units ({targets} targets, {series} series: jurisdiction, indicator, sector): each unit's "
    "forecasts are averaged, then every unit weighs the same, and [low, high] is the {ci} interval of a cluster "
    "bootstrap over units ({b} resamples). The baselines are scored on the same units. Series no target "
    "measures ({unmeasured}) are scored apart: 80 % coverage {cov_m} on the series targets measure, {cov_u} on "
    "the others. Verdicts (a coverage outside {range}, or an interval leaving out 80 %, fails; the model beats a "
    "baseline only when the interval of the Brier difference lies entirely below 0):\n\n{verdicts}\n\nEvery "
    "scored forecast: tables/backtest.csv and `doubling-analysis backtest --format csv`; every unit: "
    "tables/backtest_units.csv and `doubling-analysis backtest --by unit`.",
    "zh": "**回测。** 共评分 {n} 个预测，每个只使用其起点时已公布的数据，归入 {units} 个独立单位（{targets} 个目标、"
    "{series} 个序列：地区、指标、产业）：先在单位内取平均，再对单位等权平均；[下限, 上限] 为按单位整群自助法"
    "（{b} 次重抽）的 {ci} 区间。基准在相同单位上计分。没有目标衡量的序列（{unmeasured}）单独计分：目标所衡量"
    "序列的 80% 区间覆盖率 {cov_m}，其余序列 {cov_u}。判定（覆盖率超出 {range} 或区间不含 80% 为未通过；只有 Brier "
    "差值的区间全部低于 0，模型才算优于基准）：\n\n{verdicts}\n\n逐项结果见 tables/backtest.csv 与 "
    "`doubling-analysis backtest --format csv`；逐单位结果见 tables/backtest_units.csv。",
}


def _range(lang: str) -> str:
    lo, hi = config.BACKTEST_COVERAGE_RANGE
    return f"{lo:.0%}-{hi:.0%}".replace("%-", "-")


def short_verdict(v: dict, lang: str = "en") -> str:
    """A verdict in a few words, with its interval (for a sentence that lists them)."""
    w = SHORT[lang]
    status = w[v["code"]].format(range=_range(lang))
    units = _units(v["n_units"], v["group"], lang, v.get("baseline", ""))
    if v["group"].startswith("interval"):
        return w["coverage"].format(what=w[v["group"]], cov=_pct(v), n_rows=v["n_rows"], units=units, status=status)
    return w["baseline"].format(what=w[v["group"]], diff=_num(v, signed=True), units=units, status=status)


def _pct_of(e: dict, n_rows: int, n_units: int, lang: str) -> str:
    if not n_units:
        return "-"
    if lang == "en":
        return f"{_pct(e)} of {n_rows} outcomes in {n_units} series"
    return f"{_pct(e)}（{n_units} 个序列中 {n_rows} 个结果）"


def calibration_claim(s: dict, lang: str = "en") -> str:
    """The backtest's calibration in one sentence with its intervals and the per-kind verdicts (coverage; model
    against the coin): what the key findings quote."""
    if not s["n_forecasts"]:
        return NONE[lang]
    vs = s["verdicts"]
    cov = [short_verdict(v, lang) for v in vs if v["group"].startswith("interval:")]
    coin = [short_verdict(v, lang) for v in vs if v["group"].startswith("binary") and v["baseline"] == "coin"]
    sep = "; " if lang == "en" else "；"
    g = s["groups"]["interval"]["all"]
    pooled = _pct_of(g["coverage80"], g["n_rows"], g["n_units"], lang)
    return CLAIM[lang].format(
        coverage=pooled, kinds=sep.join(cov) or "-", binary=sep.join(coin) or "-", ci=f"{s['ci']:.0%}"
    )


def _names(s: dict, lang: str) -> str:
    names = s.get("indicator_names", {})
    i = 0 if lang == "zh" else 1
    words = [names[c][i] if c in names else c for c in s["unmeasured_indicators"]]
    return ("、" if lang == "zh" else ", ").join(words) or "-"


def report_text(s: dict, lang: str = "en") -> str:
    """The backtest for the report's methods: units, intervals, what targets measure apart, every verdict."""
    if not s["n_forecasts"]:
        return ("**Backtest.** " if lang == "en" else "**回测。** ") + NONE[lang]
    g = s["groups"]["interval"]
    n_targets = s["n_units_by_kind"].get("target", 0)
    return METHODS[lang].format(
        n=s["n_forecasts"],
        units=s["n_units"],
        targets=n_targets,
        series=s["n_units"] - n_targets,
        ci=f"{s['ci']:.0%}",
        b=s["resamples"],
        unmeasured=_names(s, lang),
        cov_m=_pct_of(g["measured"]["coverage80"], g["measured"]["n_rows"], g["measured"]["n_units"], lang),
        cov_u=_pct_of(g["unmeasured"]["coverage80"], g["unmeasured"]["n_rows"], g["unmeasured"]["n_units"], lang),
        range=_range(lang),
        verdicts="\n".join(f"- {verdict_text(v, lang)}" for v in s["verdicts"]),
    )
