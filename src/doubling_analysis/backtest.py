"""Backtest: for targets whose outcome is known, the probability the model would have given at the start of the
target year, using only figures published by then, scored by the Brier score against two naive baselines:
always 0.5, and "the plan's growth always happens" (probability 1). n is stated; with a handful of outcomes the
score says little, and the result says so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .assess import assess


def brier(p, outcome) -> float:
    """Mean squared difference between probabilities and outcomes (1 achieved, 0 missed)."""
    p, o = np.asarray(p, float), np.asarray(outcome, float)
    return float(np.mean((p - o) ** 2)) if len(p) else np.nan


def backtest(catalog, projection_method: str = "auto", **kw) -> tuple[pd.DataFrame, dict]:
    """Per-target probabilities at the start of each target year, and the scores."""
    known = assess(catalog, None, projection_method="none")
    known = known[known["outcome"].isin(["achieved", "missed"])]
    rows = []
    for year, group in known.groupby("target_year"):
        early = assess(catalog, pd.Timestamp(f"{int(year)}-01-01"), projection_method=projection_method, **kw)
        early = early.set_index("target_id")
        for r in group.itertuples(index=False):
            e = early.loc[r.target_id]
            rows.append(dict(target_id=r.target_id, target_year=int(year), outcome=r.outcome,
                             p_start_of_year=e["p_attain"], p_model=e["p_model"],
                             why_no_probability=None if pd.notna(e["p_attain"]) else e["note"]))
    per_target = pd.DataFrame(rows, columns=["target_id", "target_year", "outcome", "p_start_of_year", "p_model",
                                             "why_no_probability"])
    scored = per_target.dropna(subset=["p_start_of_year"])
    o = (scored["outcome"] == "achieved").astype(float)
    n = len(scored)
    summary = {
        "n_known_outcomes": len(per_target),
        "n_scored": n,
        "brier_model": brier(scored["p_start_of_year"], o),
        "brier_always_half": brier(np.full(n, 0.5), o),
        "brier_plan_always_met": brier(np.ones(n), o),
        "caveat": ("no target had both a known outcome and a probability at the start of its year" if n == 0 else
                   f"{n} scored target(s): too few to rank the model against the baselines" if n < 10 else ""),
    }
    return per_target, summary
