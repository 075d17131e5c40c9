"""A backtest that can fail: every honest forecast the data allows, each made with only what was published at its
origin, scored against what was later reported.

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

Interval forecasts report ``covered80``; binary ones ``p``. :func:`summary` gives n, coverage and Brier / log
scores against baselines: a coin (0.5), "the plan is always met" (1) and persistence (1 when the growth last
observed at the origin clears the threshold, else 0; 0.5 without one).
"""

from __future__ import annotations

import math
import zlib

import numpy as np
import pandas as pd

from . import config
from .attainment import Start, growth_draws, growth_forecast, level_paths
from .evidence import Context, build_context, own_points, share_points
from .targets import plausible_range
from .vintage import as_of_date
from .volatility import LEVEL_CLASSES, Volatility, class_of, estimate, series_model

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
]
THRESHOLDS = (0.0, 0.05, 0.10, 0.20)


def brier(p, outcome) -> float:
    """Mean squared difference between probabilities and outcomes (1 achieved, 0 missed)."""
    p, o = np.asarray(p, float), np.asarray(outcome, float)
    return float(np.mean((p - o) ** 2)) if len(p) else np.nan


def log_score(p, outcome, eps: float = 1e-3) -> float:
    """Mean negative log probability of what happened (probabilities clipped to [eps, 1 - eps])."""
    p, o = np.clip(np.asarray(p, float), eps, 1 - eps), np.asarray(outcome, float)
    return float(-np.mean(o * np.log(p) + (1 - o) * np.log(1 - p))) if len(p) else np.nan


def crps(draws: np.ndarray, y: float) -> float:
    """Continuous ranked probability score from draws: E|X - y| - E|X - X'| / 2."""
    x = np.sort(np.asarray(draws, float))
    n = len(x)
    spread = np.sum((2 * np.arange(1, n + 1) - n - 1) * x) / (n * n)
    return float(np.mean(np.abs(x - y)) - spread)


class _Origins:
    """Contexts and volatility estimates per origin date (None: everything known), computed once and shared by
    every kind of forecast (a quarter's end is also a level forecast's origin: 30 June)."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.contexts: dict = {}
        self.estimates: dict = {}
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


def _seed(seed: int, *parts) -> list[int]:
    return [int(seed), zlib.crc32("|".join(map(str, parts)).encode())]


def _interval_row(kind, fid, origin, horizon, draws, y, n_hist) -> dict:
    lo, hi = np.quantile(draws, [(1 - config.INTERVAL) / 2, 1 - (1 - config.INTERVAL) / 2])
    return dict(
        kind=kind,
        id=fid,
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
                    lo, hi = plausible_range(last.value, last.bound)
                    model = series_model(known, vol.of(cls))
                    proj = level_paths(
                        Start(last.t, lo, hi, last.bound, last.actual_id),
                        year,
                        model,
                        n_paths=n_paths,
                        seed=_seed(seed, fid, year, h),
                    )
                    draws = proj.at(year)
                    rows.append(_interval_row("level", fid, origin, h, draws, out.value, len(known)))
                    rows += _thresholds(fid, origin, h, draws, last, known, out.value, year)
                elif measure == "growth":
                    annual = {int(p.t): p.value for p in known if p.kind == "year" and p.bound == "exact"}
                    if not annual or max(annual) != year - h:
                        continue
                    fc = growth_forecast(annual, None, year, vol.of(cls), vol)
                    if fc is None:
                        continue
                    draws = growth_draws(fc, n_paths, _seed(seed, fid, year, h))
                    rows.append(_interval_row("growth", fid, origin, h, draws, out.value, len(annual)))
    return rows


def _thresholds(fid, origin, h, draws, last, known, y, year) -> list[dict]:
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
            fc = growth_forecast(annual, (month, p.value), year, vol.of(cls), vol)
            if fc is None:
                continue
            draws = growth_draws(fc, n_paths, _seed(seed, jur, code, p.actual_id))
            fid = f"{jur}/{code}" + (f"/{sector}" if sector else "") + f"/{p.period}"
            rows.append(
                _interval_row("ytd", fid, origin, round(1 - month / 12, 2), draws, finals[year].value, len(annual))
            )
    return rows


def _target_forecasts(catalog, origins: _Origins, n_paths: int, seed: int) -> list[dict]:
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


def backtest(catalog, n_paths: int = config.BACKTEST_PATHS, seed: int = config.SEED) -> tuple[pd.DataFrame, dict]:
    """One row per scored forecast, and the summary scores (see the module's docstring)."""
    origins = _Origins(catalog)
    rows = (
        _target_forecasts(catalog, origins, n_paths, seed)
        + _level_forecasts(origins, n_paths, seed)
        + _ytd_forecasts(origins, n_paths, seed)
    )
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table, summary(table)


def summary(table: pd.DataFrame) -> dict:
    intervals = table[table["covered80"].notna()]
    binary = table[table["p"].notna()]
    o = binary["outcome"].astype(float)
    pers = binary["persistence"].astype(float)
    has_pers = pers.notna()
    out = {
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
    return out


def failures(s: dict) -> list[str]:
    """What the backtest finds wrong: 80 % coverage outside 70-90 % (pooled, and for any kind with 10 or more
    interval forecasts), or probabilities that do not beat both the coin and "always met"."""
    out = []
    if not 0.70 <= s["coverage80"] <= 0.90:
        out.append("the 80 % intervals are miscalibrated (coverage outside 70-90 %)")
    n_kind = {k: v for k, v in s["n_by_kind"].items()}
    for kind, cov in s["coverage80_by_kind"].items():
        if n_kind.get(kind, 0) >= 10 and not 0.70 <= cov <= 0.90:
            out.append(f"{kind} intervals cover {cov:.0%} of {n_kind[kind]} outcomes")
    if not (s["brier_model"] < s["brier_coin"] and s["brier_model"] < s["brier_always_met"]):
        out.append("the probabilities do not beat both the coin and 'always met'")
    return out


def summary_text(s: dict) -> str:
    lines = [
        f"backtest: {s['n_forecasts']} scored forecasts ({', '.join(f'{k} {v}' for k, v in s['n_by_kind'].items())})",
        f"interval forecasts: n = {s['n_interval']}, 80 % interval coverage {s['coverage80']:.0%} "
        f"(by kind: {', '.join(f'{k} {v:.0%}' for k, v in s['coverage80_by_kind'].items())}), "
        f"mean PIT {s['mean_pit']:.2f} (0.50 if unbiased)",
        f"binary forecasts: n = {s['n_binary']}, share met {s['share_met']:.0%}",
        f"  Brier: model {s['brier_model']:.3f} | coin {s['brier_coin']:.3f} | always met "
        f"{s['brier_always_met']:.3f} | persistence {s['brier_persistence']:.3f} (model on the same rows "
        f"{s['brier_model_where_persistence']:.3f})",
        f"  log score: model {s['log_model']:.3f} | coin {s['log_coin']:.3f}",
    ]
    verdict = failures(s)
    lines.append(
        "verdict: "
        + ("; ".join(verdict) if verdict else "calibrated within 70-90 % and better than the coin and 'always met'")
    )
    return "\n".join(lines)
