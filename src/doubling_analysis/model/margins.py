"""How far a bounded figure lies from its round number, measured from the data's own bound → exact pairs.

Officials announce the round milestone just passed: 突破 5000 亿元 ("passed 500 bn") says the figure is above 5000,
and usually not far above. How far is a question the data can answer where the same figure (jurisdiction,
indicator, sector, period) was also reported exactly: Jiangxi's 2021 revenue "突破4万亿" (ar148) and 43976.7 (ar149)
overshoot by 9.9 %. The plausible range of a lower bound X is (X, X (1 + m)): a bounded figure is drawn uniformly in
logs over it wherever a probability needs its value (a start, a base, a point of the growth estimate).

The upper end m is estimated from the n overshoots r_i = ln(exact_i / X_i) known at the as-of date as the
minimum-variance unbiased estimate of a uniform's upper end, (n + 1) / n × max r_i; with fewer than
``config.BOUND_MARGIN_MIN_PAIRS`` pairs the stated prior (``config.LOWER_BOUND_PLAUSIBLE_MARGIN``, and
``config.NEAR_LOWER_MARGIN`` for 接近 X) holds. A pair whose exact figure contradicts its bound (below a 突破) is a
conflict between sources, listed and not used. Only reports published by the as-of date count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from .. import config


@dataclass(frozen=True)
class BoundPair:
    bound_id: str
    exact_id: str
    bound: str  # "lower" (突破 / 超过 X) or "upper" (接近 X)
    stated: float
    exact: float

    @property
    def overshoot(self) -> float:
        """ln of how far the exact figure lies beyond the stated round number, on the bound's side (>= 0 when
        consistent)."""
        ratio = self.exact / self.stated if self.bound == "lower" else self.stated / self.exact
        return math.log(ratio)


@dataclass(frozen=True)
class BoundMargins:
    lower: float = config.LOWER_BOUND_PLAUSIBLE_MARGIN  # 突破 X lies in (X, X (1 + lower))
    upper: float = config.NEAR_LOWER_MARGIN  # 接近 X lies in [X (1 - upper), X)
    lower_pairs: tuple[BoundPair, ...] = ()
    upper_pairs: tuple[BoundPair, ...] = ()
    conflicts: tuple[BoundPair, ...] = field(default=())

    def describe(self) -> str:
        def one(name: str, m: float, pairs: tuple[BoundPair, ...]) -> str:
            if len(pairs) < config.BOUND_MARGIN_MIN_PAIRS:
                return f"{name} margin {m:.1%} (stated prior; {len(pairs)} bound/exact pair(s) known)"
            largest = max(math.expm1(p.overshoot) for p in pairs)
            return (
                f"{name} margin {m:.1%} from {len(pairs)} bound/exact pairs (largest overshoot {largest:+.1%}: "
                f"{', '.join(f'{p.bound_id}/{p.exact_id}' for p in pairs)})"
            )

        return "; ".join(
            [
                one("突破", self.lower, self.lower_pairs),
                one("接近", self.upper, self.upper_pairs),
            ]
        )


def _estimate(pairs: list[BoundPair], prior: float, lower: bool) -> float:
    n = len(pairs)
    if n < config.BOUND_MARGIN_MIN_PAIRS:
        return prior
    top = max(p.overshoot for p in pairs) * (n + 1) / n
    return math.expm1(top) if lower else -math.expm1(-top)


def bound_pairs(known: pd.DataFrame | None) -> list[BoundPair]:
    """Every (bounded report, exact report) of the same figure among ``known`` value reports."""
    if known is None or known.empty:
        return []
    if "status" in known:  # an official projection is not a figure: it pairs with nothing
        known = known[known["status"].astype(str) != "projected"]
    f = known[["actual_id", "jurisdiction_code", "indicator_code", "sector", "period", "value", "bound"]].copy()
    for c in ("jurisdiction_code", "indicator_code", "sector", "period", "bound", "actual_id"):
        f[c] = f[c].astype(object).where(f[c].notna(), "").astype(str)
    f["value"] = pd.to_numeric(f["value"], errors="coerce")
    f = f[f["value"] > 0]
    keys = ["jurisdiction_code", "indicator_code", "sector", "period"]
    bounded = f[f["bound"].isin(["lower", "upper"])]
    exact = f[f["bound"] == "exact"]
    if bounded.empty or exact.empty:
        return []
    m = bounded.merge(exact, on=keys, suffixes=("_b", "_e"))
    m = m.drop_duplicates([*keys, "value_b", "value_e"])  # one pair per figure and pair of values
    return [
        BoundPair(str(a), str(b), str(k), float(x), float(y))
        for a, b, k, x, y in zip(m["actual_id_b"], m["actual_id_e"], m["bound_b"], m["value_b"], m["value_e"])
    ]


def bound_margins(known: pd.DataFrame | None) -> BoundMargins:
    """The margins of :mod:`this module <doubling_analysis.model.margins>` from the value reports in ``known``."""
    pairs = bound_pairs(known)
    good = [p for p in pairs if p.overshoot >= 0]
    conflicts = tuple(p for p in pairs if p.overshoot < 0)
    lower = [p for p in good if p.bound == "lower"]
    upper = [p for p in good if p.bound == "upper"]
    return BoundMargins(
        _estimate(lower, config.LOWER_BOUND_PLAUSIBLE_MARGIN, True),
        _estimate(upper, config.NEAR_LOWER_MARGIN, False),
        tuple(lower),
        tuple(upper),
        conflicts,
    )


PRIOR = BoundMargins()
