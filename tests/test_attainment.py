"""Known-answer tests of :mod:`doubling_analysis.model.attainment`, one public function at a time.

Every input is tiny and hand-made (synthetic numbers, no data); every expected number is worked out by hand from
the formula in the comment next to it, never copied from the code's output. Where the answer is a property of a
distribution (a median, a variance), the draws are many and the tolerance is a few standard errors.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from doubling_analysis import config
from doubling_analysis.model.attainment import (
    GrowthForecast,
    ProjectionError,
    Start,
    effective_draws,
    growth_draws,
    growth_forecast,
    level_paths,
    probability,
    projection_error,
    projection_weights,
    quantiles,
    weighted_probability,
    weighted_quantiles,
)
from doubling_analysis.model.targets import Interval
from doubling_analysis.model.volatility import ClassVolatility, SeriesModel, Volatility, YtdError

INF = math.inf

# ---- probability ------------------------------------------------------------------------------------------------


def test_probability_is_the_share_of_draws_in_the_target_set():
    draws = np.array([1.0, 2.0, 3.0, 4.0])
    # [2, inf) holds 2, 3, 4: 3 of 4; (2, inf) holds 3, 4: 2 of 4; (-inf, 1] holds 1: 1 of 4
    assert probability(draws, Interval(2.0, INF)) == 0.75
    assert probability(draws, Interval(2.0, INF, low_closed=False)) == 0.5
    assert probability(draws, Interval(-INF, 1.0)) == 0.25
    assert probability(draws, Interval(5.0, INF)) == 0.0


def test_probability_against_a_threshold_per_draw():
    draws = np.array([1.0, 2.0, 3.0, 4.0])
    thresholds = np.array([2.0, 2.0, 4.0, 3.0])
    # >=: 1>=2 no, 2>=2 yes, 3>=4 no, 4>=3 yes: 2 of 4; strict >: only 4>3: 1 of 4
    assert probability(draws, thresholds=thresholds) == 0.5
    assert probability(draws, thresholds=thresholds, strict=True) == 0.25
    # the per-draw thresholds win over a target set given as well
    assert probability(draws, Interval(0.0, INF), thresholds=thresholds) == 0.5


def test_probability_needs_a_target_set_or_thresholds():
    with pytest.raises(ValueError, match="target set or per-draw thresholds"):
        probability(np.array([1.0]))


# ---- weighted_probability, effective_draws ----------------------------------------------------------------------


def test_weighted_probability_is_the_weight_share_of_the_attaining_draws():
    # weights 1, 2, 3, 4 (sum 10); draws 1 and 3 attain: (1 + 3) / 10 = 0.4
    draws = np.array([10.0, 20.0, 30.0, 40.0])
    weights = np.array([1.0, 2.0, 3.0, 4.0])
    assert weighted_probability(draws, weights, np.array([1.0, 0.0, 1.0, 0.0])) == pytest.approx(0.4)
    # equal weights give the plain share: 3 of 4
    assert weighted_probability(draws, np.ones(4), np.array([1.0, 1.0, 1.0, 0.0])) == pytest.approx(0.75)


@pytest.mark.parametrize(
    "weights, want",
    [
        ([1.0, 1.0, 1.0, 1.0], 4.0),  # (sum w)^2 / sum w^2 = 16 / 4
        ([3.0, 3.0], 2.0),  # 36 / 18: the scale of the weights does not matter
        ([1.0, 0.0, 0.0, 0.0], 1.0),  # 1 / 1: one draw carries everything
        ([2.0, 1.0, 1.0], 16.0 / 6.0),  # (2 + 1 + 1)^2 / (4 + 1 + 1)
        ([0.0, 0.0], 0.0),  # no weight at all: no effective draw (not a division by zero)
    ],
)
def test_effective_draws_by_hand(weights, want):
    assert effective_draws(np.array(weights)) == pytest.approx(want)


# ---- quantiles, weighted_quantiles ------------------------------------------------------------------------------


def test_quantiles_interpolate_linearly_between_draws():
    # 0, 1, ..., 10: the q-quantile at position 10 q; the central 80 %: positions 1, 5, 9
    assert quantiles(np.arange(11.0), 0.8) == pytest.approx((1.0, 5.0, 9.0))
    # 1, 2, 3, 4 and the central 50 %: positions 3 x (0.25, 0.5, 0.75) = 0.75, 1.5, 2.25 between the sorted
    # draws: 1 + 0.75, 2 + 0.5, 3 + 0.25
    assert quantiles(np.array([4.0, 1.0, 3.0, 2.0]), 0.5) == pytest.approx((1.75, 2.5, 3.25))


def test_quantiles_default_to_the_configured_interval():
    draws = np.arange(101.0)  # the q-quantile of 0..100 is 100 q
    lo, med, hi = quantiles(draws)
    assert (lo, med, hi) == pytest.approx((100 * (1 - config.INTERVAL) / 2, 50.0, 100 * (1 + config.INTERVAL) / 2))


def test_weighted_quantiles_take_the_first_draw_whose_cumulative_weight_reaches_q():
    draws = np.array([3.0, 1.0, 4.0, 2.0])
    # equal weights: sorted 1, 2, 3, 4 with cumulative 0.25, 0.5, 0.75, 1; the central 80 %: q = 0.1, 0.5, 0.9
    # -> the first cumulative >= q: 0.25 (draw 1), 0.5 (draw 2), 1.0 (draw 4)
    assert weighted_quantiles(draws, np.ones(4), 0.8) == (1.0, 2.0, 4.0)
    # weights 1/8, 1/2, 1/8, 1/4 of draws 3, 1, 4, 2: sorted 1 (1/2), 2 (1/4), 3 (1/8), 4 (1/8), cumulative
    # 0.5, 0.75, 0.875, 1; the central 50 %: q = 0.25, 0.5, 0.75 -> draws 1, 1, 2
    assert weighted_quantiles(draws, np.array([0.125, 0.5, 0.125, 0.25]), 0.5) == (1.0, 1.0, 2.0)
    # weights need not sum to 1: 4 x the same weights give the same answer
    assert weighted_quantiles(draws, 4 * np.array([0.125, 0.5, 0.125, 0.25]), 0.5) == (1.0, 1.0, 2.0)


def test_weighted_quantiles_with_all_weight_on_one_draw():
    # every quantile is the one draw that carries the weight (zero-weight draws below it are passed over)
    draws = np.array([1.0, 2.0, 3.0])
    assert weighted_quantiles(draws, np.array([0.0, 1.0, 0.0])) == (2.0, 2.0, 2.0)


# ---- growth_forecast ---------------------------------------------------------------------------------------------

CV = ClassVolatility("real_growth", sd=0.02, df=6.0)
VOL = Volatility(
    classes={},
    ytd_sd=0.03,
    ytd_df=8.0,
    ytd_n=5,
    ytd_pools={("real_growth", "fam"): YtdError(0.04, 5.0, 3)},
    carry_pools={("real_growth", ""): YtdError(0.05, 4.0, 2)},
)


def test_growth_forecast_of_a_scenario_is_the_scenario_with_the_class_error():
    fc = growth_forecast({}, None, 2023, CV, VOL, scenario=0.07)
    assert (fc.mean, fc.sd, fc.df) == (0.07, 0.02, 6.0)
    assert "scenario growth 7.0%" in fc.how


def test_growth_forecast_with_nothing_to_forecast_from():
    # no year-to-date reading and no annual rate before the year; a rate of the year itself does not count
    assert growth_forecast({}, None, 2023, CV, VOL) is None
    assert growth_forecast({2023: 0.05, 2024: 0.06}, None, 2023, CV, VOL) is None


def test_growth_forecast_carries_last_years_growth_forward():
    # last year (2022) 8 %, one year ahead: mean 8 %, sd = class sd x sqrt(1) = 2 %
    fc = growth_forecast({2021: 0.06, 2022: 0.08}, None, 2023, CV, VOL)
    assert (fc.mean, fc.sd, fc.df) == pytest.approx((0.08, 0.02, 6.0))
    assert fc.how.startswith("last year's growth carried forward: 8.0%")
    # two years ahead (2024 from 2022): the error grows with the square root of the horizon: 0.02 x sqrt(2)
    fc = growth_forecast({2021: 0.06, 2022: 0.08}, None, 2024, CV, VOL)
    assert (fc.mean, fc.sd) == pytest.approx((0.08, 0.02 * math.sqrt(2)))


def test_growth_forecast_after_the_shock_year_uses_the_two_year_average_rule(monkeypatch):
    monkeypatch.setattr(config, "BASE_EFFECT_YEARS", (2020,))
    annual = {2019: 0.06, 2020: 0.02}
    # the year after the shock: (1 + 6 %)^2 / (1 + 2 %) - 1 = 1.1236 / 1.02 - 1 = 0.1015686...
    fc = growth_forecast(annual, None, 2021, CV, VOL)
    assert fc.mean == pytest.approx(1.1236 / 1.02 - 1) and fc.mean == pytest.approx(0.1015686, abs=1e-7)
    assert fc.how.startswith("two-year average rule after a shock year")
    # two years after: the pre-shock growth, 6 %, with sd 0.02 x sqrt(2021 + 1 - 2020)
    fc = growth_forecast(annual, None, 2022, CV, VOL)
    assert (fc.mean, fc.sd) == pytest.approx((0.06, 0.02 * math.sqrt(2)))
    assert fc.how.startswith("pre-shock growth")


def test_growth_forecast_nowcasts_from_the_year_to_date_rate():
    # June (6 months) at 4 %, the rest of the year at last year's 8 %: 6/12 x 4 % + 6/12 x 8 % = 6 %; the broad
    # year-to-date error (pool ""): sd 3 % x sqrt(1 - 6/12) = 0.0212132, df 8
    fc = growth_forecast({2022: 0.08}, (6, 0.04), 2023, CV, VOL)
    assert (fc.mean, fc.sd, fc.df) == pytest.approx((0.06, 0.03 * math.sqrt(0.5), 8.0))
    assert fc.how.startswith("year-to-date 4.0% over 6 months nowcasts the year at 6.0%")
    # a pool with its own year-to-date error: sd 4 % x sqrt(0.5), df 5
    fc = growth_forecast({2022: 0.08}, (6, 0.04), 2023, dataclasses.replace(CV, pool="fam"), VOL)
    assert (fc.sd, fc.df) == pytest.approx((0.04 * math.sqrt(0.5), 5.0))
    # March (3 months) at 20 % the year after the shock: the rest at the pre-shock 6 %: 0.25 x 0.2 + 0.75 x 0.06
    fc = growth_forecast({2019: 0.06, 2020: 0.02}, (3, 0.20), 2021, CV, VOL)
    assert fc.mean == pytest.approx(0.095) and fc.sd == pytest.approx(0.03 * math.sqrt(0.75))


def test_growth_forecast_without_an_earlier_annual_rate_carries_the_year_to_date_rate():
    # no annual rate before 2023: the year-to-date 5 % is the trend too (mean 5 %), with the carried-forward
    # error of the pool: sd 5 % x sqrt(1 - 9/12) = 0.025, df 4
    fc = growth_forecast({}, (9, 0.05), 2023, CV, VOL)
    assert (fc.mean, fc.sd, fc.df) == pytest.approx((0.05, 0.05 * 0.5, 4.0))
    assert "carried-forward" in fc.how


def test_growth_forecast_of_a_whole_year_to_date_has_no_error_left():
    # January-December (12 months) is the year: mean = the reading, sd = err x sqrt(0) = 0
    fc = growth_forecast({2022: 0.08}, (12, 0.045), 2023, CV, VOL)
    assert (fc.mean, fc.sd) == pytest.approx((0.045, 0.0))


# ---- growth_draws -------------------------------------------------------------------------------------------------


def test_growth_draws_without_error_are_the_mean():
    draws = growth_draws(GrowthForecast(0.05, 0.0, 6.0, "syn"), n_paths=50)
    assert draws.shape == (50,) and np.all(draws == 0.05)


def test_growth_draws_are_student_t_around_the_mean():
    # mean + sd x t(df): mean 5 %, and variance sd^2 x df / (df - 2) = 0.01^2 x 10 / 8 (sd 0.01118)
    draws = growth_draws(GrowthForecast(0.05, 0.01, 10.0, "syn"), n_paths=200_000, seed=1)
    assert draws.mean() == pytest.approx(0.05, abs=1e-4)  # standard error 0.0112 / sqrt(200 000) = 2.5e-5
    assert draws.std() == pytest.approx(0.01 * math.sqrt(10 / 8), rel=0.02)
    # the same seed gives the same draws; the default seed is config.SEED
    fc = GrowthForecast(0.05, 0.01, 10.0, "syn")
    assert np.array_equal(growth_draws(fc, 100, seed=3), growth_draws(fc, 100, seed=3))
    assert np.array_equal(growth_draws(fc, 100), growth_draws(fc, 100, seed=config.SEED))
    assert not np.array_equal(growth_draws(fc, 100, seed=3), growth_draws(fc, 100, seed=4))


def test_growth_draws_floor_the_degrees_of_freedom_at_one():
    # df below 1 is drawn as df = 1 (Cauchy): the same draws as df = 1 with the same seed
    a = growth_draws(GrowthForecast(0.0, 0.01, 0.3, "syn"), 100, seed=5)
    b = growth_draws(GrowthForecast(0.0, 0.01, 1.0, "syn"), 100, seed=5)
    assert np.array_equal(a, b)


# ---- projection_error, projection_weights ------------------------------------------------------------------------


def test_projection_error_pools_the_pairs_with_the_prior(monkeypatch):
    monkeypatch.setattr(config, "PROJECTION_PRIOR_WEIGHT", 2.0)
    monkeypatch.setattr(config, "PROJECTION_PRIOR_SD", {"value": 0.05, "growth": 0.02})
    pairs = [
        ("value", 100.0, 110.0, ("p1", "a1")),  # log(110 / 100) = 0.0953102
        ("value", 100.0, 90.0, ("p2", "a2")),  # log(90 / 100) = -0.1053605
        ("value", 0.0, 90.0, ("p3", "a3")),  # no log of a zero projection: left out
        ("growth", 0.05, 0.06, ("p4", "a4")),  # another measure: left out of "value"
    ]
    err = projection_error(pairs, "value")
    # sqrt((2 x 0.05^2 + 0.0953102^2 + 0.1053605^2) / (2 + 2)) = sqrt((0.005 + 0.0090840 + 0.0111008) / 4)
    assert err.sd == pytest.approx(math.sqrt((0.005 + 0.0953102**2 + 0.1053605**2) / 4), rel=1e-6)
    assert err.sd == pytest.approx(0.0793487, abs=1e-6)
    assert (err.df, err.n) == (4.0, 2)
    # growth: the error in points, 0.06 - 0.05 = 0.01: sqrt((2 x 0.02^2 + 0.01^2) / 3) = sqrt(0.0003)
    err = projection_error(pairs, "growth")
    assert err.sd == pytest.approx(math.sqrt(0.0003)) and (err.df, err.n) == (3.0, 1)
    # no pair: the prior alone
    assert projection_error([], "growth") == ProjectionError(0.02, 2.0, 0)


# With df = 1 the Student t is the Cauchy distribution: pdf(z) = 1 / (pi (1 + z^2)), cdf(z) = 1/2 + atan(z) / pi,
# so the weights below are worked out by hand at z = -1, 0, 1 (atan(1) = pi / 4: cdf(1) = 3/4, cdf(-1) = 1/4).
CAUCHY = ProjectionError(sd=0.01, df=1.0, n=0)
PDF0, PDF1 = 1 / math.pi, 1 / (2 * math.pi)


def test_projection_weights_of_a_rate_are_the_t_density_of_the_error():
    # projection 6 % of draws 5 %, 6 %, 7 %: z = (0.06 - draw) / 0.01 = 1, 0, -1
    w = projection_weights(np.array([0.05, 0.06, 0.07]), 0.06, "exact", "growth", CAUCHY)
    assert w == pytest.approx([PDF1, PDF0, PDF1])


def test_projection_weights_of_a_bounded_projection_are_the_chance_of_stating_it():
    draws = np.array([0.05, 0.06, 0.07])  # z = 1, 0, -1 as above
    # "above 6 %" (lower): P(e > z) = 1 - cdf(z) = 1/4, 1/2, 3/4: a higher draw makes the statement likelier
    assert projection_weights(draws, 0.06, "lower", "growth", CAUCHY) == pytest.approx([0.25, 0.5, 0.75])
    # "below 6 %" (upper): cdf(z) = 3/4, 1/2, 1/4
    assert projection_weights(draws, 0.06, "upper", "growth", CAUCHY) == pytest.approx([0.75, 0.5, 0.25])


def test_projection_weights_of_a_level_work_in_logs():
    # projection 100 of draws 100, 100 e^0.01, 100 e^-0.01 with sd 0.01 in logs: z = 0, -1, 1
    draws = 100 * np.exp(np.array([0.0, 0.01, -0.01]))
    assert projection_weights(draws, 100.0, "exact", "value", CAUCHY) == pytest.approx([PDF0, PDF1, PDF1])
    # a level projection of 0 has no log: z = -inf for every draw: density 0, "above 0" certain
    assert projection_weights(draws, 0.0, "exact", "value", CAUCHY) == pytest.approx([0.0, 0.0, 0.0])
    assert projection_weights(draws, 0.0, "lower", "value", CAUCHY) == pytest.approx([1.0, 1.0, 1.0])


# ---- Start, level_paths ------------------------------------------------------------------------------------------


def _model(drift=0.0, drift_var=0.0, sd=0.0, df=1e9) -> SeriesModel:
    return SeriesModel(drift, drift_var, sd, df, 0, ())


def test_start_is_a_frozen_record():
    s = Start(2022.0, 100.0, 100.0, "exact", "syn-a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.t = 2023.0  # type: ignore[misc]


def test_level_paths_without_noise_grow_at_the_drift():
    # drift log(1.1) a year, no drift uncertainty, no noise, from exact 100 at the end of 2021: 110 in 2022,
    # 121 in 2023 on every path
    proj = level_paths(Start(2021.0, 100.0, 100.0, "exact", "syn-a"), 2023, _model(math.log(1.1)), n_paths=20)
    assert proj.years.tolist() == [2022, 2023] and proj.paths.shape == (20, 2)
    assert proj.paths[:, 0] == pytest.approx(np.full(20, 110.0))
    assert proj.at(2023) == pytest.approx(np.full(20, 121.0))
    assert (proj.method, proj.start_year, proj.start_value) == ("calibrated", 2021.0, 100.0)
    assert proj.assumptions.endswith("; 20 paths")


def test_level_paths_from_a_mid_year_stock_take_a_part_step_first():
    # a stock at the end of June 2022 (t = 2022 - 6/12 = 2021.5): the first step to the end of 2022 is half a
    # year: 100 x 1.1^0.5 = 104.8809, then a whole year: 104.8809 x 1.1 = 115.3690
    proj = level_paths(Start(2021.5, 100.0, 100.0, "exact", "syn-a"), 2023, _model(math.log(1.1)), n_paths=5)
    assert proj.years.tolist() == [2022, 2023]
    assert proj.at(2022) == pytest.approx(np.full(5, 100 * 1.1**0.5))
    assert proj.at(2023) == pytest.approx(np.full(5, 110 * 1.1**0.5))
    assert proj.at(2022)[0] == pytest.approx(104.8809, abs=1e-4)
    assert proj.at(2023)[0] == pytest.approx(115.3690, abs=1e-4)


def test_level_paths_of_a_scenario_follow_its_rates_and_shocks():
    start = Start(2021.0, 100.0, 100.0, "exact", "syn-a")
    # 5 % a year, no noise: 105, 110.25 (the drift of the model is not used)
    proj = level_paths(start, 2023, _model(drift=0.5), rates=0.05, n_paths=4)
    assert proj.method == "scenario"
    assert proj.at(2022) == pytest.approx(np.full(4, 105.0)) and proj.at(2023) == pytest.approx(np.full(4, 110.25))
    # a shock of +5 points in 2023: 105, then 105 x 1.10 = 115.5; the rates are named in the assumptions
    proj = level_paths(start, 2023, _model(), rates=0.05, shocks={2023: 0.05}, n_paths=4)
    assert proj.at(2023) == pytest.approx(np.full(4, 115.5))
    assert "scenario growth 2022: 5.0%, 2023: 10.0%" in proj.assumptions
    # a {year: rate} mapping: 2022 at 10 %, 2023 at -10 %: 110, 99
    proj = level_paths(start, 2023, _model(), rates={2022: 0.10, 2023: -0.10}, n_paths=4)
    assert proj.at(2023) == pytest.approx(np.full(4, 99.0))


def test_level_paths_with_nothing_to_project():
    # the start already lies in the target year: no projected year, no path column
    proj = level_paths(Start(2023.0, 100.0, 100.0, "exact", "syn-a"), 2023, _model(), n_paths=7)
    assert proj.years.tolist() == [] and proj.paths.shape == (7, 0)
    assert proj.assumptions == "nothing to project" and proj.start_value == 100.0


def test_level_paths_draw_a_bounded_start_uniformly_in_logs():
    # a start known only as within [100, 200] (e.g. 突破100 with its plausible range): log-uniform, so every start
    # lies in the range and the median is the geometric mean of its ends, sqrt(100 x 200) = 141.42; with no drift
    # and no noise the first year's levels are the starts themselves
    proj = level_paths(Start(2022.0, 100.0, 200.0, "lower", "syn-a"), 2023, _model(), n_paths=20_000, seed=2)
    y = proj.at(2023)
    assert y.min() >= 100.0 and y.max() <= 200.0
    assert proj.start_value == pytest.approx(math.sqrt(100 * 200), rel=0.01)
    # uniform in logs: a quarter of the log range below 100 x 2^0.25 = 118.92
    assert np.mean(y < 100 * 2**0.25) == pytest.approx(0.25, abs=0.01)


def test_level_paths_add_the_calibrated_noise():
    start = Start(2021.0, 100.0, 100.0, "exact", "syn-a")
    # innovation sd 10 % with df so large that the t is normal: log(level / 100) has sd 0.1 after one year and
    # 0.1 x sqrt(2) after two (independent steps)
    proj = level_paths(start, 2023, _model(sd=0.1), n_paths=40_000, seed=3)
    assert np.log(proj.at(2022) / 100).std() == pytest.approx(0.1, rel=0.02)
    assert np.log(proj.at(2023) / 100).std() == pytest.approx(0.1 * math.sqrt(2), rel=0.02)
    # from a mid-year stock (t = 2021.5) the first step is half a year: its noise sd 0.1 x sqrt(0.5) = 0.0707
    proj = level_paths(Start(2021.5, 100.0, 100.0, "exact", "syn-a"), 2022, _model(sd=0.1), n_paths=40_000, seed=3)
    assert np.log(proj.at(2022) / 100).std() == pytest.approx(0.1 * math.sqrt(0.5), rel=0.02)
    # df 10: the marginal is Student t, variance sd^2 x df / (df - 2): sd 0.1 x sqrt(10 / 8) = 0.1118
    proj = level_paths(start, 2022, _model(sd=0.1, df=10.0), n_paths=40_000, seed=3)
    assert np.log(proj.at(2022) / 100).std() == pytest.approx(0.1 * math.sqrt(10 / 8), rel=0.03)


def test_level_paths_draw_the_drift_once_per_path():
    # drift uncertain (sd 0.02), no noise: the drift is the same in both years of a path, so the two-year log
    # change has sd 2 x 0.02 = 0.04 (not 0.02 x sqrt(2)) and is exactly twice the first year's
    start = Start(2021.0, 100.0, 100.0, "exact", "syn-a")
    proj = level_paths(start, 2023, _model(drift_var=0.02**2), n_paths=40_000, seed=4)
    one, two = np.log(proj.at(2022) / 100), np.log(proj.at(2023) / 100)
    assert one.std() == pytest.approx(0.02, rel=0.02) and two.std() == pytest.approx(0.04, rel=0.02)
    assert two == pytest.approx(2 * one)


def test_level_paths_are_reproducible_from_the_seed():
    start, model = Start(2021.0, 100.0, 120.0, "lower", "syn-a"), _model(sd=0.1, drift_var=0.01)
    a = level_paths(start, 2023, model, n_paths=50, seed=[7, 1])
    assert np.array_equal(a.paths, level_paths(start, 2023, model, n_paths=50, seed=[7, 1]).paths)
    assert not np.array_equal(a.paths, level_paths(start, 2023, model, n_paths=50, seed=[7, 2]).paths)
