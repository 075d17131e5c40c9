"""Progress-to-target methods side by side (../shared/reference/methods.md), one small function each,
registered by name in :data:`METHODS`. Thresholds live in :mod:`doubling_analysis.config`.

Every method takes the same :class:`ProgressInput` (base, latest, target and the history of points) and
returns a :class:`MethodResult` with a value, a category, and a note saying why when it cannot assess.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .. import config
from .growth import cagr


@dataclass(frozen=True)
class ProgressInput:
    """The points a method may use. Years may be fractional (a stock at May 2021 is 2021 - 7/12)."""

    y0: float | None  # base value (at t0)
    t0: float | None
    yt: float | None  # latest value (at t)
    t: float | None
    yT: float  # target value (at T)
    T: float
    direction: str = "up"  # "up": higher is better
    history: tuple[tuple[float, float], ...] = ()  # (year, value), base and latest included, sorted
    latest_is_bound: bool = False  # the latest value is a lower/upper bound, not exact
    met: bool | None = None  # does the latest value attain the target (comparator and bounds applied)?


@dataclass(frozen=True)
class MethodResult:
    method: str
    value: float = math.nan
    category: str | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)


def _met(inp: ProgressInput) -> bool:
    if inp.met is not None:
        return inp.met
    return inp.yt is not None and (inp.yt >= inp.yT if inp.direction == "up" else inp.yt <= inp.yT)


def _two_points(inp: ProgressInput, name: str) -> tuple[float, float, float, float] | MethodResult:
    """(y0, t0, yt, t) when a method has a base and a later actual, else the reason it cannot assess."""
    if inp.y0 is None or inp.t0 is None:
        return MethodResult(name, note="not assessable: no base-year actual")
    if inp.yt is None or inp.t is None or inp.t <= inp.t0:
        return MethodResult(name, note="not assessable: needs an actual after the base year")
    if inp.y0 <= 0 or inp.yt <= 0:
        return MethodResult(name, note="not assessable: growth needs positive levels")
    return inp.y0, inp.t0, inp.yt, inp.t


def _bound_note(inp: ProgressInput) -> str:
    return " (latest actual is a bound: value is a bound too)" if inp.latest_is_bound else ""


def eurostat(inp: ProgressInput) -> MethodResult:
    """Eurostat / Statistics Canada: R = observed growth / required growth."""
    name = "eurostat"
    pts = _two_points(inp, name)
    if isinstance(pts, MethodResult):
        return pts
    y0, t0, yt, t = pts
    g_obs = float(cagr(y0, yt, t - t0))
    g_req = float(cagr(y0, inp.yT, inp.T - t0))
    if _met(inp):
        return MethodResult(
            name,
            g_obs / g_req if g_req else math.nan,
            "met",
            _bound_note(inp).strip(),
            {"g_obs": g_obs, "g_req": g_req},
        )
    if g_req == 0 or (inp.direction == "up" and g_req < 0) or (inp.direction == "down" and g_req > 0):
        return MethodResult(
            name,
            note="not assessable: the target does not require change from the base",
            extra={"g_obs": g_obs, "g_req": g_req},
        )
    ratio = g_obs / g_req
    if ratio >= config.EUROSTAT_ON_TRACK:
        cat = "on_track"
    elif ratio >= config.EUROSTAT_ACCELERATION:
        cat = "acceleration_needed"
    elif ratio >= 0:
        cat = "limited_progress"
    else:
        cat = "deterioration"
    return MethodResult(name, ratio, cat, _bound_note(inp).strip(), {"g_obs": g_obs, "g_req": g_req})


def unsd(inp: ProgressInput) -> MethodResult:
    """UNSD Progress Chart: P = (projected - base) / (target - base), observed growth carried forward."""
    name = "unsd"
    pts = _two_points(inp, name)
    if isinstance(pts, MethodResult):
        return pts
    y0, t0, yt, t = pts
    if inp.yT == y0:
        return MethodResult(name, note="not assessable: target equals the base value")
    g_obs = float(cagr(y0, yt, t - t0))
    y_hat = yt * (1 + g_obs) ** max(inp.T - t, 0)
    share = (y_hat - y0) / (inp.yT - y0)
    if share >= config.UNSD_ON_TRACK:
        cat = "met_or_on_track"
    elif share >= config.UNSD_FAIR:
        cat = "fair_progress"
    else:
        cat = "stagnation_or_regression"
    return MethodResult(name, share, cat, _bound_note(inp).strip(), {"projected": y_hat})


def destatis(inp: ProgressInput) -> MethodResult:
    """Destatis weather symbol: average annual change of the last five years carried forward; the projected
    miss as a share of the remaining gap. Needs at least four points in that window."""
    name = "destatis"
    if inp.yt is None or inp.t is None:
        return MethodResult(name, note="not assessable: no actual")
    window = [(t, y) for t, y in inp.history if t >= inp.t - config.DESTATIS_WINDOW_YEARS and y > 0]
    if len(window) < config.DESTATIS_MIN_POINTS:
        return MethodResult(
            name,
            note=f"not assessable: {len(window)} point(s) in the last "
            f"{config.DESTATIS_WINDOW_YEARS} years, needs {config.DESTATIS_MIN_POINTS}",
        )
    (t1, y1), (t2, y2) = window[0], window[-1]
    g = float(cagr(y1, y2, t2 - t1))
    y_hat = inp.yt * (1 + g) ** max(inp.T - inp.t, 0)
    up = inp.direction == "up"
    if (y_hat >= inp.yT) if up else (y_hat <= inp.yT):
        return MethodResult(name, 0.0, "sun", "projected to meet the target", {"projected": y_hat, "trend": g})
    if (g <= 0) if up else (g >= 0):
        return MethodResult(
            name, math.nan, "thunderstorm", "moving away from the target", {"projected": y_hat, "trend": g}
        )
    gap = inp.yT - inp.yt
    miss = (inp.yT - y_hat) / gap if gap else math.nan
    if miss < config.DESTATIS_SUN:
        cat = "sun"
    elif miss < config.DESTATIS_SLIGHTLY_CLOUDY:
        cat = "slightly_cloudy"
    else:
        cat = "cloud"
    return MethodResult(name, miss, cat, "", {"projected": y_hat, "trend": g})


def time_weighted_fit(
    history: Sequence[tuple[float, float]], weights: npt.ArrayLike | None = None
) -> tuple[float, float]:
    """Weighted least squares line y = a + b t with weights rising with recency (1, 2, ..., n by default)."""
    t = np.array([p[0] for p in history], float)
    y = np.array([p[1] for p in history], float)
    w = np.arange(1, len(t) + 1, dtype=float) if weights is None else np.asarray(weights, float)
    tm, ym = np.average(t, weights=w), np.average(y, weights=w)
    denom = np.sum(w * (t - tm) ** 2)
    b = np.sum(w * (t - tm) * (y - ym)) / denom if denom else 0.0
    return float(ym - b * tm), float(b)


def escap(inp: ProgressInput) -> MethodResult:
    """UN ESCAP: current status (progress made / progress needed) and anticipated progress from a
    time-weighted linear regression (recent points weigh more); advice maintain / accelerate / reverse."""
    name = "escap"
    if inp.y0 is None or inp.t0 is None:
        return MethodResult(name, note="not assessable: no base-year actual")
    if inp.yt is None:
        return MethodResult(name, note="not assessable: no actual")
    pts = [(t, y) for t, y in inp.history if t >= inp.t0]
    if len(pts) < max(config.ESCAP_MIN_POINTS, 2) or inp.yT == inp.y0:
        return MethodResult(name, note=f"not assessable: needs {config.ESCAP_MIN_POINTS} points from the base year")
    current = (inp.yt - inp.y0) / (inp.yT - inp.y0)
    a, b = time_weighted_fit(pts)
    y_hat = a + b * inp.T
    anticipated = (y_hat - inp.y0) / (inp.yT - inp.y0)
    if anticipated >= config.ESCAP_MAINTAIN:
        cat = "maintain"
    elif anticipated >= config.ESCAP_ACCELERATE:
        cat = "accelerate"
    else:
        cat = "reverse_the_trend"
    return MethodResult(
        name, anticipated, cat, _bound_note(inp).strip(), {"current_status": current, "projected": y_hat}
    )


@dataclass(frozen=True)
class ProgressMethod:
    """A method's registry entry: the function, the assessment-table columns it fills, its category codes with
    their labels in each language. Adding a method touches this file only."""

    name: str
    func: Callable[[ProgressInput], MethodResult]
    label: dict[str, str]  # language -> the method's name
    category_column: str
    categories: dict  # code -> {"en": ..., "zh": ...}
    value_column: str | None = None

    def category_label(self, code: str | float | None, lang: str = "zh") -> str:
        if code is None or (isinstance(code, float) and math.isnan(code)) or code == "":
            return ""
        return self.categories[code][lang]


def _c(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh": zh}


REGISTRY: dict[str, ProgressMethod] = {
    m.name: m
    for m in (
        ProgressMethod(
            "eurostat",
            eurostat,
            _c("Eurostat", "欧盟统计局"),
            "category_eurostat",
            {
                "met": _c("met", "已达标"),
                "on_track": _c("on track", "进展顺利"),
                "acceleration_needed": _c("acceleration needed", "需要加速"),
                "limited_progress": _c("limited progress", "进展有限"),
                "deterioration": _c("deterioration", "倒退"),
            },
            "ratio_r",
        ),
        ProgressMethod(
            "unsd",
            unsd,
            _c("UNSD", "联合国统计司"),
            "category_unsd",
            {
                "met_or_on_track": _c("met or on track", "已达标或进展顺利"),
                "fair_progress": _c("fair progress", "进展尚可"),
                "stagnation_or_regression": _c("stagnation or regression", "停滞或倒退"),
            },
            "share_p",
        ),
        ProgressMethod(
            "destatis",
            destatis,
            _c("Destatis", "德国统计局"),
            "category_destatis",
            {
                "sun": _c("sun", "晴"),
                "slightly_cloudy": _c("slightly cloudy", "少云"),
                "cloud": _c("cloud", "多云"),
                "thunderstorm": _c("thunderstorm", "雷雨"),
            },
        ),
        ProgressMethod(
            "escap",
            escap,
            _c("ESCAP", "亚太经社会"),
            "category_escap",
            {
                "maintain": _c("maintain", "保持"),
                "accelerate": _c("accelerate", "加速"),
                "reverse_the_trend": _c("reverse the trend", "扭转趋势"),
            },
            "escap_anticipated",
        ),
    )
}

METHODS: dict[str, Callable[[ProgressInput], MethodResult]] = {name: m.func for name, m in REGISTRY.items()}


def progress_columns() -> list[str]:
    """Every table column the registered methods fill."""
    cols = []
    for m in REGISTRY.values():
        cols += [c for c in (m.value_column, m.category_column) if c]
    return cols


def score_columns() -> list[str]:
    """The columns of the methods' scores (a number each; the categories are the other columns)."""
    return [m.value_column for m in REGISTRY.values() if m.value_column]


def progress_row(results: dict[str, MethodResult]) -> dict[str, object]:
    """The table cells of the methods' results: each method's category, and its score where it has one."""
    out: dict[str, object] = {}
    for name, res in results.items():
        m = REGISTRY[name]
        out[m.category_column] = res.category
        if m.value_column:
            out[m.value_column] = res.value
    return out


def assess_progress(inp: ProgressInput, methods: Iterable[str] | None = None) -> dict[str, MethodResult]:
    """Run the named methods (all by default) on one input."""
    names = list(METHODS) if methods is None else list(methods)
    unknown = [m for m in names if m not in METHODS]
    if unknown:
        raise KeyError(f"unknown progress method(s) {unknown}; known: {', '.join(METHODS)}")
    return {m: METHODS[m](inp) for m in names}
