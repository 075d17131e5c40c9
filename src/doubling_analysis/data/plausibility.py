"""Plausibility of the figures: signs and magnitudes by kind of indicator, and figures far outside their own series
(the likely unit slip named). Errors where the data cannot be right, warnings with the row where it may be.

Rules (thresholds in :mod:`config`):

* a money level, a count or an area cannot be negative; a money level of zero is not a level (error); a value
  above ``config.MAX_PLAUSIBLE_YI`` 亿元 (more than the world's output) is a typing error;
* counts are whole numbers (a warning otherwise);
* a figure that differs from the median of the rest of its series (same jurisdiction, indicator, sector) by a
  factor of ``config.SERIES_OUTLIER_FACTOR`` or more is a warning naming the nearest power of ten: 10^4 is 万 vs
  亿, 10^3 千 vs 百万, a likely unit slip.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable

import pandas as pd

from .. import config
from ..violations import Violation
from .schema import records
from .units import canonical_unit, conversion_factor, dimension

_SIGNED_KINDS = ("other", "relative", "growth_rate", "rank")  # revisions, changes, growth: may be negative


def _canonical(value: float, unit: object, indicator_unit: str) -> float | None:
    try:
        target = canonical_unit(indicator_unit)
        return value * (1.0 if pd.isna(unit) else conversion_factor(str(unit), target))
    except (KeyError, ValueError):
        return None


def sign_and_magnitude(
    file: str, frame: pd.DataFrame, indicators: pd.DataFrame, column: str = "value"
) -> list[Violation]:
    """Signs, zeros, whole counts and the upper limit of money, row by row."""
    indicator = _indicator_lookup(indicators)
    out: list[Violation] = []
    for row, r in records(frame):
        code, value = r.get("indicator_code"), r.get(column)
        if value is None or pd.isna(value):
            continue
        found = indicator(code)
        if found is None:
            continue
        kind, unit = found
        dim = dimension(unit)
        v = float(value)
        if not math.isfinite(v):
            out.append(Violation(file, int(row), column, value, "a finite number"))
            continue
        if kind in _SIGNED_KINDS:
            continue
        canon = _canonical(v, r.get("unit"), unit)
        comparator = r.get("comparator")
        if v < 0:
            out.append(Violation(file, int(row), column, value, f"a non-negative value for {code} ({kind})"))
        elif v == 0 and dim == "money" and comparator != ">":
            out.append(Violation(file, int(row), column, value, f"a positive level for {code}: zero is not a level"))
        elif dim == "money" and canon is not None and canon > config.MAX_PLAUSIBLE_YI:
            out.append(
                Violation(
                    file,
                    int(row),
                    column,
                    value,
                    f"a level below {config.MAX_PLAUSIBLE_YI:,.0f} 亿元 (more than the world's output: a typing error?)",
                )
            )
        whole = canon if canon is not None else v  # 1.8 万家 is 18,000 firms
        if kind == "count" and dim == "count" and abs(whole - round(whole)) > 1e-9:
            out.append(Violation(file, int(row), column, value, f"a whole number of {code}", severity="warning"))
    return out


def _indicator_lookup(indicators: pd.DataFrame) -> Callable[[object], tuple[str, str] | None]:
    """A function code -> (kind, unit) of the indicator, or None for a code that is not one (looked up once per
    code)."""
    info = indicators.set_index("code")
    found: dict[object, tuple[str, str] | None] = {}

    def lookup(code: object) -> tuple[str, str] | None:
        if code not in found:
            found[code] = (str(info.loc[code, "kind"]), str(info.loc[code, "unit"])) if code in info.index else None
        return found[code]

    return lookup


def series_outliers(actuals: pd.DataFrame, indicators: pd.DataFrame) -> list[Violation]:
    """Figures far from the rest of their series, compared in the indicator's canonical unit."""
    units = dict(zip(indicators["code"].astype(str), indicators["unit"].astype(str)))
    kinds = dict(zip(indicators["code"].astype(str), indicators["kind"].astype(str)))
    series: dict[tuple[str, str, str], list[tuple[int, float, object]]] = {}
    for row, r in records(actuals):
        code = str(r.get("indicator_code"))
        if pd.isna(r.get("value")) or code not in units or kinds[code] in _SIGNED_KINDS:
            continue
        canon = _canonical(float(r["value"]), r.get("unit"), units[code])
        if canon is None or canon <= 0 or not math.isfinite(canon):
            continue
        key = (str(r["jurisdiction_code"]), code, "" if pd.isna(r.get("sector")) else str(r["sector"]))
        series.setdefault(key, []).append((int(row), canon, r["value"]))
    out: list[Violation] = []
    for key in sorted(series):
        out += _outliers_in(series[key])
    return out


def _outliers_in(figures: list[tuple[int, float, object]]) -> list[Violation]:
    """The figures (row, canonical value, value as written) of one series that are far from the median of the
    others (series of three figures or more)."""
    if len(figures) < 3:
        return []
    ordered = sorted(canon for _, canon, _ in figures)
    out: list[Violation] = []
    for row, canon, value in figures:
        median = _median_without(ordered, canon)
        ratio = canon / median
        if ratio >= config.SERIES_OUTLIER_FACTOR or ratio <= 1 / config.SERIES_OUTLIER_FACTOR:
            power = round(math.log10(ratio))
            out.append(
                Violation(
                    "actuals.csv",
                    row,
                    "value",
                    value,
                    f"a figure near the rest of its series (median {median:,.4g} in the "
                    f"indicator's unit; this one is 10^{power} times that: a unit slip such as 万 vs 亿?)",
                    severity="warning",
                )
            )
    return out


def _median_without(ordered: list[float], value: float) -> float:
    """The median of the sorted values ``ordered`` with one occurrence of ``value`` left out (as numpy computes
    it: the middle value, or the mean of the two middle values)."""
    skip = bisect.bisect_left(ordered, value)
    n = len(ordered) - 1

    def at(i: int) -> float:
        return ordered[i if i < skip else i + 1]

    if n % 2:
        return at(n // 2)
    return (at(n // 2 - 1) + at(n // 2)) / 2
