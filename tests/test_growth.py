"""Growth arithmetic. Expected values worked out by hand (calculator) from the formulas, and the worked example
of ../shared/reference/methods.md: 2020 = 100, target 200 in 2023, 2021 = 118."""

import math

import numpy as np
import pandas as pd
import pytest

from doubling_analysis.model import growth as g


def test_doubling_over_three_years_requires_25_99_percent():
    # 2^(1/3) = 1.259921
    assert g.required_growth(100, 200, 2020, 2023) == pytest.approx(0.259921, abs=1e-6)


def test_methods_worked_example():
    assert g.cagr(100, 118, 1) == pytest.approx(0.18)
    # (200/118)^(1/2) = sqrt(1.694915) = 1.301890
    assert g.rate_to_go(118, 200, 2021, 2023) == pytest.approx(0.301890, abs=1e-6)


def test_cagr_vectorised():
    got = g.cagr(np.array([100.0, 100.0]), np.array([121.0, 81.0]), 2)
    np.testing.assert_allclose(got, [0.10, -0.10])
    with pytest.raises(ValueError):
        g.cagr(1, 2, 0)


def test_doubling_time():
    # ln2 / ln1.0718 = 0.693147 / 0.069337 = 9.997 years; 7.18 % doubles in about 10 years
    assert g.doubling_time(0.0718) == pytest.approx(9.9967, abs=1e-3)
    assert g.doubling_time(0.259921) == pytest.approx(3.0, abs=1e-5)
    assert math.isinf(g.doubling_time(0.0)) and math.isinf(g.doubling_time(-0.1))


def test_implied_base_ganzhou_2021():
    # 4000 / 1.2 = 3333.33
    assert g.implied_base(4000, 0.20) == pytest.approx(3333.333, abs=1e-3)
    assert g.implied_base(121, 0.10, years=2) == pytest.approx(100.0)


def test_level_path():
    np.testing.assert_allclose(g.level_path(100, [0.1, 0.1, -0.5]), [110.0, 121.0, 60.5])
    paths = g.level_path(np.array([100.0, 200.0]), np.array([[0.1, 0.1], [0.0, 0.5]]))
    np.testing.assert_allclose(paths, [[110.0, 121.0], [200.0, 300.0]])


def test_two_year_average():
    # 2020 +3 %, 2021 +12 %: sqrt(1.03 * 1.12) = sqrt(1.1536) = 1.074058
    assert g.two_year_average(g1=0.03, g2=0.12) == pytest.approx(0.074058, abs=1e-6)
    assert g.two_year_average(0.21) == pytest.approx(0.1)
    # back out 2021 growth: 1.074058^2 / 1.03 - 1 = 0.12
    assert g.growth_from_two_year_average(0.074058, 0.03) == pytest.approx(0.12, abs=1e-5)


def test_ytd_to_discrete():
    ytd = pd.Series({"2022-02": 150.0, "2022-03": 240.0, "2022-06": 500.0, "2022-12": 1100.0, "2023-03": 260.0})
    got = g.ytd_to_discrete(ytd)
    assert got.tolist() == [150.0, 90.0, 260.0, 600.0, 260.0]
    starts = [str(s) for s in got.index.get_level_values("start")]
    assert starts == ["2022-01", "2022-03", "2022-04", "2022-07", "2023-01"]
