"""Projections: reproducible, vectorised, intervals that behave, fallbacks that say why.
Synthetic histories below are made up for tests (not real data)."""

import numpy as np
import pytest

from doubling_analysis.model.projection import growth_sd_from, project

HIST = {2016: 100.0, 2017: 110.0, 2018: 121.0, 2019: 133.1, 2020: 146.41}  # exactly 10 % a year


def test_scenario_without_noise_is_the_arithmetic_path():
    p = project({2021: 100.0}, 2023, "scenario", rates=[0.10, 0.20], growth_sd=0.0, n_paths=3)
    # 100 * 1.1 = 110; 110 * 1.2 = 132
    np.testing.assert_allclose(p.paths, [[110.0, 132.0]] * 3)
    assert p.years.tolist() == [2022, 2023]


def test_scenario_shock():
    p = project({2021: 100.0}, 2023, "scenario", rates=0.10, shocks={2022: -0.30}, growth_sd=0.0, n_paths=2)
    # 100 * (1 + 0.10 - 0.30) = 80; 80 * 1.1 = 88
    np.testing.assert_allclose(p.at(2023), [88.0, 88.0])
    assert "shocks 2022: -30.0%" in p.assumptions


def test_same_seed_same_paths_other_seed_other_paths():
    a = project(HIST, 2023, "constant", seed=7, n_paths=500)
    b = project(HIST, 2023, "constant", seed=7, n_paths=500)
    c = project(HIST, 2023, "constant", seed=8, n_paths=500)
    np.testing.assert_array_equal(a.paths, b.paths)
    assert not np.array_equal(a.paths, c.paths)


def test_constant_growth_median_follows_observed_rate():
    p = project(HIST, 2023, "constant", growth_sd=0.02, n_paths=20_000, seed=1)
    assert p.params["rate"] == pytest.approx(0.10)
    # 146.41 * 1.1^3 = 194.87; the median of 20 000 paths lies close to it
    assert np.median(p.at(2023)) == pytest.approx(194.87, rel=0.01)
    s = p.summary(0.8)
    assert (s["low"] < s["median"]).all() and (s["median"] < s["high"]).all()


def test_loglinear_on_exact_trend_has_tiny_interval():
    noisy = {y: v * (1 + 0.01 * (-1) ** y) for y, v in HIST.items()}
    p = project(noisy, 2023, "loglinear", n_paths=5000, seed=3)
    assert p.method == "loglinear" and p.params["trend_growth"] == pytest.approx(0.10, abs=0.005)
    s = p.summary().set_index("year")
    assert s.loc[2023, "low"] < 194.87 < s.loc[2023, "high"]
    # intervals widen with the horizon
    assert (s["high"] - s["low"]).is_monotonic_increasing


def test_fallbacks_say_why():
    p = project({2020: 100.0, 2021: 118.0}, 2023, "loglinear", n_paths=10)
    assert p.method == "constant" and "loglinear needs 3 annual points, history has 2" in p.fallback
    p = project(HIST, 2023, "ets", n_paths=10)
    assert p.method == "loglinear" and "ets needs 8" in p.fallback
    with pytest.raises(ValueError, match="two points"):
        project({2021: 100.0}, 2023, "constant")
    with pytest.raises(ValueError, match="unknown projection method"):
        project(HIST, 2023, "arima")


def test_ets_runs_on_a_long_series():
    rng = np.random.default_rng(0)
    long = {2010 + i: 100 * 1.08**i * np.exp(rng.normal(0, 0.02)) for i in range(12)}
    p = project(long, 2024, "ets", n_paths=1000, seed=5)
    assert p.method == "ets" and p.paths.shape == (1000, 3)
    assert np.all(np.isfinite(p.paths))


def test_mid_year_stock_start():
    p = project({2021 - 7 / 12: 100.0}, 2022, "scenario", rates=0.12, growth_sd=0.0, n_paths=1)
    # from May 2021 to end-2021 is 7/12 year: 100 * 1.12^(7/12) = 106.83; then * 1.12 = 119.65
    np.testing.assert_allclose(p.paths[0], [106.834, 119.654], rtol=1e-4)


def test_growth_sd():
    assert growth_sd_from([0.1, 0.2]) is None
    assert growth_sd_from([0.1, 0.2, 0.3]) == pytest.approx(0.1)


def test_year_label():
    from doubling_analysis.model.projection import year_label

    assert year_label(2021.0) == "2021"
    assert year_label(2022.25) == "2023-03"  # end of 2022 plus three months
    assert year_label(2021 - 7 / 12) == "2021-05"


def test_ets_same_seed_same_paths():
    rng = np.random.default_rng(0)
    long = {2010 + i: 100 * 1.08**i * np.exp(rng.normal(0, 0.02)) for i in range(12)}
    a = project(long, 2023, "ets", n_paths=200, seed=11)
    b = project(long, 2023, "ets", n_paths=200, seed=11)
    np.testing.assert_array_equal(a.paths, b.paths)


def test_ets_refuses_a_gapped_history():
    gapped = {2010 + i: 100 * 1.08**i for i in range(12) if i != 5}
    p = project(gapped, 2024, "ets", n_paths=50)
    assert p.method == "loglinear" and "consecutive" in p.fallback


def test_a_start_value_without_its_year_is_refused_by_name():
    # the old code failed deep inside (np.floor(None)) with a TypeError
    with pytest.raises(ValueError, match="start_value needs its start_year"):
        project({2020: 100.0}, 2023, "constant", start_value=120.0)
