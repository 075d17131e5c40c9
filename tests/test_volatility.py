"""Calibrated uncertainty: pooled volatility with a stated prior, the growth rule, the year-to-date nowcast, and
probabilities that move smoothly with the scenario. Known answers by hand in the comments."""

import math

import numpy as np
import pandas as pd
import pytest

import doubling_analysis as da
from doubling_analysis import config
from doubling_analysis.model.assess import assess
from doubling_analysis.model.evidence import Point, build_context
from doubling_analysis.model.volatility import (
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


@pytest.mark.integration
def test_ganzhou_2021_nowcast_as_of_2021q2_covers_the_outcome():
    cat = da.load_catalog()
    r = assess(cat, "2021Q2", n_paths=4000).set_index("target_id").loc["gz21-001"]
    assert r["p_model"] == "growth-nowcast"
    assert r["projected_low"] < 0.116 < r["projected_high"]  # the outcome, 11.6 % (ar087)


@pytest.mark.integration
def test_class_volatility_uses_only_what_was_published(tmp_path):
    cat = da.load_catalog()
    early, late = estimate(build_context(cat, "2019Q4")), estimate(build_context(cat, "2026Q3"))
    assert early.of("nominal_level").n_obs < late.of("nominal_level").n_obs
    # with no data a class keeps its stated prior exactly
    assert early.of("investment_growth").sd == pytest.approx(config.VOLATILITY_PRIOR_SD["investment_growth"])


@pytest.mark.integration
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


@pytest.mark.integration
def test_levels_are_projected_from_level_ratios_not_comparable_growth():
    """Jiangxi 2021: comparable-enterprise revenue growth was reported as +25.6 % (ar149) while the level ratio is
    43976.7 / 37909.2 = 1.160 (+16.0 %). The level model uses the level ratio; comparable growth belongs to the
    growth-rate class (nominal_growth) and never enters a level projection."""
    from doubling_analysis.model.evidence import own_points
    from doubling_analysis.model.volatility import volatility_class

    cat = da.load_catalog()
    ctx = build_context(cat, "2022Q3")
    levels = own_points(ctx, "value", "360000", "revenue", "")
    inc = increments(levels)
    assert inc[0] == (1.0, pytest.approx(math.log(43976.7 / 37909.2)))
    assert volatility_class("value", "revenue", "level", "亿元") == "nominal_level"
    assert volatility_class("growth", "revenue", "growth_rate", "ratio") == "nominal_growth"
    m = series_model(levels, estimate(ctx).of("nominal_level"))
    assert m.n_increments >= 1 and m.drift < math.log(1.256)


# ---- issue 19: the target's own evidence ------------------------------------------------------------------------


def test_bounded_figures_enter_the_drift_as_censored_draws():
    """100 (2019), 突破 110 (2020) with a 突破 margin of 21 %: the bound is drawn uniformly in logs over (110, 133.1).
    By hand: the mean log increment is ln 1.1 + ln(1.21) / 2 = 0.1906; s² = (4 × 0.08²) / 4 = 0.0064 (no own
    degree of freedom), data precision 1 / 0.0064 = 156.25, prior precision 1 / 0.05² = 400: drift (0.05 × 400 +
    0.1906 × 156.25) / 556.25 = 0.0895 (the bound left out, as before this issue, gives the class's 0.05).
    Variance: within 1 / 556.25 = 0.001798; between: the uniform's log variance 0.1906² / 12 = 0.003027 times the
    data weight (156.25 / 556.25)² = 0.0789 -> 0.000239; total 0.00204. 64 imputations: Monte Carlo error of the
    drift about 0.0155 / 8 = 0.002, of the variance about 0.0001."""
    from doubling_analysis.model.margins import BoundMargins

    cv = ClassVolatility("nominal_level", sd=0.08, df=4.0, drift=0.05, drift_sd=0.05)
    m = series_model([pt(2019, 100), pt(2020, 110, "lower")], cv, BoundMargins(lower=0.21))
    assert m.drift == pytest.approx(0.0895, abs=0.006)
    assert m.drift_var == pytest.approx(0.00204, abs=0.0003)
    assert m.censored == ("p2020",) and m.n_increments == 1 and "censored" in m.describe()
    # the same input twice: the same fit (seeded by the figures' ids)
    assert series_model([pt(2019, 100), pt(2020, 110, "lower")], cv, BoundMargins(lower=0.21)) == m


@pytest.mark.integration
def test_a_series_of_bounds_alone_has_its_own_drift():
    """jx19-002 (Jiangxi electronics >= 10000 in 2023) as of 2022Q2: its own series is 4430.2 (2019, exact) and
    突破 5000 (2020), 突破 6500 (2021). Before this issue both bounds were dropped and the drift was a pool's
    (+9.7 %: p = 0.13); the bounds say at least ln(6500 / 4430.2) / 2 = +21 % a year. By hand: mean increments
    ln(5000 / 4430.2) + ln(1.1) / 2 = 0.169 and ln(6500 / 5000) = 0.262 (the 10 % prior margin: no pair is known
    yet), own drift 0.2155 over 2 years, s² ≈ (4 × 0.0064 + 0.006) / 5 = 0.0063, data precision 2 / 0.0063 = 317;
    a pool of fewer than 3 series gives the prior 8 % with sd 10 % (precision 100): drift (0.08 × 100 + 0.2155 ×
    317) / 417 = 0.183 in logs, +20.1 % a year."""
    cat = da.load_catalog()
    r = assess(cat, "2022Q2", n_paths=4000, only=["jx19-002"]).set_index("target_id").loc["jx19-002"]
    assert "ar158, ar161" in r["p_assumptions"] and "censored" in r["p_assumptions"]
    drift = float(r["p_assumptions"].split(": drift ")[1].split("%")[0]) / 100
    assert drift == pytest.approx(0.201, abs=0.01)
    assert r["p_attain"] > 0.3  # 10000 from ~7000 in two years at the series' own pace


def _p(cat, target_id, as_of):
    return float(assess(cat, as_of, n_paths=4000, only=[target_id]).set_index("target_id").loc[target_id, "p_attain"])


@pytest.mark.integration
def test_an_unrelated_series_cannot_move_p():
    """gxq21-013 (High-tech Zone: > 200 high-tech firms by 2025) swung 0.05 -> 0.18 at 2023Q4 with no new figure of
    the zone, because Jiangxi's count of above-scale firms (ar101, March 2023) entered a shared "count" pool.
    Removing that unrelated series must leave p exactly as it is; a figure of the same indicator (high-tech firms)
    in another jurisdiction is the stated pool and does move it (synthetic rows, named so)."""
    import dataclasses

    cat = da.load_catalog()
    base = _p(cat, "gxq21-013", "2023Q4")
    a = cat.actuals
    without = dataclasses.replace(
        cat, actuals=a[~((a["jurisdiction_code"] == "360000") & (a["indicator_code"] == "firms"))]
    )
    assert _p(without, "gxq21-013", "2023Q4") == base
    wild = a[a["actual_id"].isin(["ar097", "ar098", "ar101"])].copy()  # a count series 2020 -> 2023-03, a template
    wild["actual_id"] = ["synthetic-h1", "synthetic-h2", "synthetic-h3"]
    wild["indicator_code"] = "hitech_firms"
    wild["value"] = [100.0, 900.0, 150.0]  # up ninefold, down sixfold: a wild pool-mate (two increments, one df)
    pooled = dataclasses.replace(cat, actuals=pd.concat([a, wild]))
    assert _p(pooled, "gxq21-013", "2023Q4") != base


def test_ytd_carried_forward_has_its_own_error():
    """A year-to-date rate with no earlier annual rate is carried forward (gz21-003: 51.3 % over Q1 2021; the year
    ended at 30 %). Its error prior is the class's year-to-date prior and one-year prior in quadrature:
    hypot(0.06, 0.06) = 0.0849 for nominal growth, times sqrt(1 - 3/12) = 0.866 -> 0.0735 (before: 2 points)."""
    from doubling_analysis.model.attainment import growth_forecast
    from doubling_analysis.model.volatility import Volatility

    vol = Volatility({}, 0.02, 5.0, 3)
    cv = ClassVolatility("nominal_growth", sd=0.06, df=4.0, pool="revenue")
    fc = growth_forecast({}, (3, 0.513), 2021, cv, vol)
    assert fc.mean == pytest.approx(0.513) and fc.sd == pytest.approx(0.0735, abs=1e-4)
    # with an earlier annual rate the pool's year-to-date prior (6 % for nominal growth) holds: 0.06 × 0.866
    fc = growth_forecast({2020: 0.05}, (3, 0.20), 2021, cv, vol)
    assert fc.sd == pytest.approx(0.06 * math.sqrt(0.75), abs=1e-4)


@pytest.mark.integration
def test_nominal_revenue_nowcast_error_is_measured_from_the_data():
    """By 2026Q3 the record holds carried-forward revenue nowcasts and their outcomes (gz21-003's 51.3 % -> 30 %
    among them): the pool's measured error is far above the 2-point error the nowcasts had before this issue."""
    from doubling_analysis.model.volatility import family

    cat = da.load_catalog()
    ctx = build_context(cat, "2026Q3")
    err = estimate(ctx).ytd("nominal_growth", family(ctx, "revenue"), carry=True)
    assert err.n >= 1 and err.sd > 0.10
