"""Target resolution: turn each target row into a set of outcomes that meet it, and judge observations.

A target is the set of values that attain it, an interval with open or closed ends:

| comparator | "higher is better" indicator | "lower is better" |
|---|---|---|
| ``>`` (突破, 超过)   | (X, +inf)                   | (X, +inf)         |
| ``>=`` (以上)        | [X, +inf)                   | [X, +inf)         |
| ``=`` (达到 X)       | [X, +inf): reaching X       | (-inf, X]         |
| ``~`` (左右)         | [X - tol, +inf) (one-sided by default, see config.APPROX_TWO_SIDED) | (-inf, X + tol] |
| ``<=`` (以内)        | (-inf, X]                   | (-inf, X]         |

A range (``value_high``, "3-5家") is judged by its weakest end, the lower one for a "higher is better"
indicator (reaching 3 attains "3-5家"; 6 over-attains it), as Destatis does with target ranges.

An observation is an interval too: exact x is [x, x]; a lower bound (突破 / 超过 L: strictly above) is
(L, +inf); an upper bound (接近 / 近 U: just below) is [U (1 - m), U) with the documented margin m
(``config.NEAR_LOWER_MARGIN``); an approximate figure is
[a(1 - tol), a(1 + tol)]. The outcome is **achieved** when every value the
observation allows attains the target, **missed** when none does, and **undetermined** otherwise: "突破1000亿"
achieves a target of >= 1000 but cannot decide one of 1400.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .. import config

if TYPE_CHECKING:
    from .margins import BoundMargins

INF = math.inf


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def contains(self, x: float) -> bool:
        lo_ok = x > self.low or (self.low_closed and x == self.low)
        hi_ok = x < self.high or (self.high_closed and x == self.high)
        return lo_ok and hi_ok

    def mask(self, x: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.bool_]:
        """Element-wise containment for an array of values (e.g. simulated outcomes)."""
        lo = x >= self.low if self.low_closed else x > self.low
        hi = x <= self.high if self.high_closed else x < self.high
        return lo & hi

    def describe(self, fmt: Callable[[float], str] = lambda v: f"{v:g}") -> str:
        if self.low == -INF and self.high == INF:
            return "any value"
        if self.high == INF:
            return (">= " if self.low_closed else "> ") + fmt(self.low)
        if self.low == -INF:
            return ("<= " if self.high_closed else "< ") + fmt(self.high)
        if self.low == self.high:
            return fmt(self.low)
        return f"{'[' if self.low_closed else '('}{fmt(self.low)}, {fmt(self.high)}{']' if self.high_closed else ')'}"


def approx_tolerance(value: float, unit: str) -> float:
    """Absolute tolerance of 左右 around ``value``: points for ratios, a share of the value otherwise."""
    if unit == "ratio":
        return config.APPROX_TOLERANCE_POINTS
    return abs(value) * config.APPROX_TOLERANCE_RELATIVE


def target_set(
    value: float,
    comparator: str,
    unit: str,
    direction: str = "up",
    value_high: float | None = None,
    two_sided: bool | None = None,
) -> Interval:
    """The outcomes that attain a target (see the module's table)."""
    two_sided = config.APPROX_TWO_SIDED if two_sided is None else two_sided
    up = direction != "down"
    if value_high is not None and not (isinstance(value_high, float) and math.isnan(value_high)):
        if comparator in ("<=",) or not up:
            value = value_high  # weakest end for "lower is better" is the upper one
    if comparator == ">":
        return Interval(value, INF, low_closed=False)
    if comparator == ">=":
        return Interval(value, INF)
    if comparator == "<=":
        return Interval(-INF, value)
    if comparator == "=":
        return Interval(value, INF) if up else Interval(-INF, value)
    if comparator == "~":
        tol = approx_tolerance(value, unit)
        if two_sided:
            return Interval(value - tol, value + tol)
        return Interval(value - tol, INF) if up else Interval(-INF, value + tol)
    raise ValueError(f"unknown comparator {comparator!r}")


def observation_interval(value: float, bound: str, tolerance: float | None = None) -> Interval:
    """The values an actual allows, given its bound."""
    if bound == "exact":
        return Interval(value, value)
    if bound == "lower":
        return Interval(value, INF, low_closed=False)
    if bound == "upper":
        # 接近 / 近 X: just below X, within the documented lower margin (config.NEAR_LOWER_MARGIN)
        low = value * (1 - config.NEAR_LOWER_MARGIN) if value > 0 else -INF
        return Interval(low, value, high_closed=False)
    if bound == "approx":
        tol = abs(value) * (config.ACTUAL_APPROX_TOLERANCE if tolerance is None else tolerance)
        return Interval(value - tol, value + tol)
    raise ValueError(f"unknown bound {bound!r}")


def judge(observation: Interval, target: Interval) -> str:
    """'achieved' when the whole observation lies in the target set, 'missed' when none of it does,
    'undetermined' otherwise."""
    # inside: both ends of the observation within the target (respecting open ends)
    low_in = observation.low > target.low or (
        observation.low == target.low and (target.low_closed or not observation.low_closed)
    )
    high_in = observation.high < target.high or (
        observation.high == target.high and (target.high_closed or not observation.high_closed)
    )
    if low_in and high_in:
        return "achieved"
    # disjoint: observation entirely below or above the target
    below = observation.high < target.low or (
        observation.high == target.low and not (observation.high_closed and target.low_closed)
    )
    above = observation.low > target.high or (
        observation.low == target.high and not (observation.low_closed and target.high_closed)
    )
    if below or above:
        return "missed"
    return "undetermined"


def outcome(value: float, bound: str, target: Interval) -> str:
    """Judge one reported figure against a target set."""
    return judge(observation_interval(value, bound), target)


def plausible_range(value: float, bound: str, margins: BoundMargins | None = None) -> tuple[float, float]:
    """The range a reported figure may take for probabilities (a bound integrates over it, uniformly in logs):
    exact is the value; 突破 X is (X, X (1 + m)); 接近 X is [X (1 - m'), X), with the margins measured from the
    data's bound/exact pairs (``margins``, a :class:`margins.BoundMargins`; default: the stated priors
    config.LOWER_BOUND_PLAUSIBLE_MARGIN and NEAR_LOWER_MARGIN); an approximate figure is within
    config.ACTUAL_APPROX_TOLERANCE of its value."""
    v = float(value)
    lower = config.LOWER_BOUND_PLAUSIBLE_MARGIN if margins is None else margins.lower
    upper = config.NEAR_LOWER_MARGIN if margins is None else margins.upper
    if bound == "lower":
        return v, v + abs(v) * lower
    if bound == "upper":
        return v - abs(v) * upper, v
    if bound == "approx":
        tol = abs(v) * config.ACTUAL_APPROX_TOLERANCE
        return v - tol, v + tol
    return v, v


def widen(interval: Interval, share: float) -> Interval:
    """An interval widened by ``share`` of its ends' magnitudes on both sides (a stock that may have moved)."""
    low = interval.low - abs(interval.low) * share if interval.low != -INF else -INF
    high = interval.high + abs(interval.high) * share if interval.high != INF else INF
    return Interval(low, high, interval.low_closed, interval.high_closed)


def judge_threshold(observation: Interval, threshold: Interval, comparator: str) -> str:
    """Judge an observation against a target ``comparator`` threshold that is itself known only as an interval
    (k × a bounded base): achieved when the observation attains even the highest threshold, missed when it fails
    even the lowest."""
    if comparator not in (">", ">=", "="):
        raise ValueError("an uncertain threshold is supported for 'reach at least' comparators only")
    strict = comparator == ">"
    hi = Interval(threshold.high, INF, low_closed=not strict and threshold.high_closed)
    lo = Interval(threshold.low, INF, low_closed=not strict)
    if judge(observation, hi) == "achieved":
        return "achieved"
    if judge(observation, lo) == "missed":
        return "missed"
    return "undetermined"
