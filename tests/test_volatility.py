"""Calibrated uncertainty: pooled volatility with a stated prior, the growth rule, the year-to-date nowcast, and
probabilities that move smoothly with the scenario. Known answers by hand in the comments."""

import math

import numpy as np
import pytest

import doubling_analysis as da
from doubling_analysis import config
from doubling_analysis.assess import assess
from doubling_analysis.evidence import Point, build_context
from doubling_analysis.volatility import (
    ClassVolatility,
    drift_stats,
    estimate,
    growth_rule,
    increments,
    series_model,
    ytd_nowcast,
)


def pt(t, v, bound="exact"):
    return Point(float(t), float(v), bound, str(t), f"p{t}", "year")


def test_increments_leave_bounds_out_and_scale_gaps():
    # 100 (2019), 突破110 (2020, a bound: left out), 121 (2021): one increment of 2 years, ln 1.21
    inc = increments([pt(2019, 100), pt(2020, 110, "lower"), pt(2021, 121)])
    assert inc == [(2.0, pytest.approx(math.log(1.21)))]
    # drift ln(1.21) / 2 = ln 1.1 a year; one increment: no squared deviation, no degree of freedom
    mu, span, ss, df = drift_stats(inc)
    assert mu == pytest.approx(math.log(1.1)) and span == 2 and ss == 0 and df == 0


def test_series_model_shrinks_to_the_class():
    cv = ClassVolatility("nominal_level", sd=0.08, df=4.0, drift=0.05, drift_sd=0.05)
    # one point: the class's drift and its uncertainty
    m = series_model([pt(2021, 100)], cv)
    assert m.drift == pytest.approx(0.05) and m.drift_var == pytest.approx(0.0025) and m.n_increments == 0
    # 100 -> 110 -> 121: drift ln 1.1 = 0.0953; s² = (4 × 0.0064 + SS) / (4 + 1), SS = 0 -> 0.00512
    # data precision 2 / 0.00512 = 390.6, prior precision 1 / 0.0025 = 400:
    # posterior drift (0.05 × 400 + 0.0953 × 390.6) / 790.6 = 0.0724
    m = series_model([pt(2019, 100), pt(2020, 110), pt(2021, 121)], cv)
    assert m.sd == pytest.approx(math.sqrt(0.00512)) and m.drift == pytest.approx(0.0724, abs=1e-3)
    # its degrees of freedom: the prior's weight (4) plus its own (2 increments - 1) = 5, not the class's pool
    assert m.df == pytest.approx(5.0)


def test_growth_rule_after_a_shock_year_and_the_ytd_nowcast():
    # Ganzhou VA growth: 8.7 % (2019), 4.6 % (2020, the shock). Two-year average rule for 2021:
    # 1.087² / 1.046 - 1 = 12.96 %; the rest of 2021 grows at the pre-shock 8.7 %
    f, trend, rule = growth_rule({2019: 0.087, 2020: 0.046}, 2021)
    assert rule == "two_year_average" and f == pytest.approx(0.1296, abs=1e-4) and trend == 0.087
    # Q1 2021 reading 29.6 %: 3/12 × 29.6 + 9/12 × 8.7 = 13.925 % (the outcome was 11.6 %; carrying the
    # year-to-date rate forward gave 29.6 %)
    assert ytd_nowcast(0.296, 3, trend) == pytest.approx(0.13925)
    # an ordinary year: last year's growth
    assert growth_rule({2021: 0.08}, 2022)[:2] == (0.08, 0.08)


def test_ganzhou_2021_nowcast_as_of_2021q2_covers_the_outcome():
    cat = da.load_catalog()
    r = assess(cat, "2021Q2", n_paths=4000).set_index("target_id").loc["gz21-001"]
    assert r["p_model"] == "growth-nowcast"
    assert r["projected_low"] < 0.116 < r["projected_high"]  # the outcome, 11.6 % (ar087)


def test_class_volatility_uses_only_what_was_published(tmp_path):
    cat = da.load_catalog()
    early, late = estimate(build_context(cat, "2019Q4")), estimate(build_context(cat, "2026Q3"))
    assert early.of("nominal_level").n_obs < late.of("nominal_level").n_obs
    # with no data a class keeps its stated prior exactly
    assert early.of("investment_growth").sd == pytest.approx(config.VOLATILITY_PRIOR_SD["investment_growth"])


def test_probability_moves_smoothly_with_scenario_growth():
    """jdz22-003 (revenue > 1400 in 2022) as of 2022Q3, from 突破千亿 in 2021: p rises with the scenario's
    growth without jumps (the issue measured 0.00 at +30 %, 0.50 at +40 %, 0.98 at +45 %)."""
    cat = da.load_catalog()
    ctx = build_context(cat, "2022Q3")
    vol = estimate(ctx)
    ps = []
    for g in np.arange(0.30, 0.4501, 0.01):
        t = assess(cat, "2022Q3", scenario_rates=[float(g)], n_paths=20000, context=ctx, volatility=vol)
        ps.append(float(t.set_index("target_id").loc["jdz22-003", "p_attain"]))
    steps = np.diff(ps)
    assert (steps > -0.01).all() and steps.max() < 0.08
    assert 0.1 < ps[0] < 0.6 and 0.6 < ps[-1] < 0.99


def test_levels_are_projected_from_level_ratios_not_comparable_growth():
    """Jiangxi 2021: comparable-enterprise revenue growth was reported as +25.6 % (ar149) while the level ratio is
    43976.7 / 37909.2 = 1.160 (+16.0 %). The level model uses the level ratio; comparable growth belongs to the
    growth-rate class (nominal_growth) and never enters a level projection."""
    from doubling_analysis.evidence import own_points
    from doubling_analysis.volatility import volatility_class

    cat = da.load_catalog()
    ctx = build_context(cat, "2022Q3")
    levels = own_points(ctx, "value", "360000", "revenue", "")
    inc = increments(levels)
    assert inc[0] == (1.0, pytest.approx(math.log(43976.7 / 37909.2)))
    assert volatility_class("value", "revenue", "level", "亿元") == "nominal_level"
    assert volatility_class("growth", "revenue", "growth_rate", "ratio") == "nominal_growth"
    m = series_model(levels, estimate(ctx).of("nominal_level"))
    assert m.n_increments >= 1 and m.drift < math.log(1.256)
