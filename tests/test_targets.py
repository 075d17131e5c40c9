"""Target resolution and bound-aware outcomes, on hand-made cases."""

import math

import pytest

from doubling_analysis import config
from doubling_analysis.model.targets import Interval, judge, observation_interval, outcome, target_set

INF = math.inf


def test_comparators_for_higher_is_better():
    assert target_set(1000, ">", "亿元") == Interval(1000, INF, low_closed=False)
    assert target_set(1000, ">=", "亿元") == Interval(1000, INF)
    assert target_set(60, "=", "亿元") == Interval(60, INF)  # 实现60亿元: reaching 60
    assert target_set(60, "<=", "工作日") == Interval(-INF, 60)
    # 左右 on a level: 5 % below is still "about"; 40 * 0.95 = 38
    assert target_set(40, "~", "户").low == pytest.approx(38.0)
    # 左右 on a rate: 0.5 percentage point; 8.8 % - 0.5 pp = 8.3 %
    assert target_set(0.088, "~", "ratio").low == pytest.approx(0.083)


def test_two_sided_about():
    s = target_set(0.088, "~", "ratio", two_sided=True)
    assert (s.low, s.high) == (pytest.approx(0.083), pytest.approx(0.093))


def test_lower_is_better():
    assert target_set(60, "=", "工作日", direction="down") == Interval(-INF, 60)


def test_range_is_judged_by_its_weakest_end():
    assert target_set(3, ">=", "家", value_high=5) == Interval(3, INF)
    assert target_set(3, "=", "家", value_high=5, direction="down") == Interval(-INF, 5)


def test_tupo_is_strict():
    s = target_set(1000, ">", "亿元")
    assert outcome(1000, "exact", s) == "missed"  # exactly 1000 has not "broken through"
    assert outcome(1000.1, "exact", s) == "achieved"


def test_bound_aware_outcomes():
    # "突破1000亿" achieves >= 1000 (and 突破1000 itself) but cannot decide 1400
    assert outcome(1000, "lower", target_set(1000, ">=", "亿元")) == "achieved"
    assert outcome(1000, "lower", target_set(1000, ">", "亿元")) == "achieved"
    assert outcome(1000, "lower", target_set(1400, ">", "亿元")) == "undetermined"
    # a lower bound already above the target decides it
    assert outcome(1500, "lower", target_set(1400, ">", "亿元")) == "achieved"
    # an upper bound below the target decides a miss; above it, nothing; 接近1400 misses "1400 以上"
    assert outcome(1300, "upper", target_set(1400, ">", "亿元")) == "missed"
    assert outcome(1400, "upper", target_set(1400, ">=", "亿元")) == "missed"
    assert outcome(1500, "upper", target_set(1400, ">", "亿元")) == "undetermined"
    # approx 1400 (±5 % = [1330, 1470]) straddles 1400
    assert outcome(1400, "approx", target_set(1400, ">=", "亿元")) == "undetermined"
    assert outcome(1500, "approx", target_set(1400, ">=", "亿元")) == "achieved"  # [1425, 1575]


def test_ganzhou_2021_outcomes_by_hand():
    # revenue 4533.21 > 4000: achieved; growth 30 % >= 20 %: achieved; VA growth 11.6 % vs 8.8 % 左右: achieved
    assert outcome(4533.21, "exact", target_set(4000, ">", "亿元")) == "achieved"
    assert outcome(0.30, "exact", target_set(0.20, ">=", "ratio")) == "achieved"
    assert outcome(0.116, "exact", target_set(0.088, "~", "ratio")) == "achieved"
    # furniture cluster output 2270 vs 2600: missed
    assert outcome(2270, "exact", target_set(2600, "=", "亿元")) == "missed"


def test_judge_open_and_closed_ends():
    assert judge(Interval(5, 5), Interval(5, INF, low_closed=False)) == "missed"
    assert judge(Interval(5, INF), Interval(5, INF, low_closed=False)) == "undetermined"
    assert judge(Interval(5, INF, low_closed=False), Interval(5, INF, low_closed=False)) == "achieved"


def test_observation_interval():
    assert observation_interval(100, "approx") == Interval(
        100 * (1 - config.ACTUAL_APPROX_TOLERANCE), 100 * (1 + config.ACTUAL_APPROX_TOLERANCE)
    )
    with pytest.raises(ValueError):
        observation_interval(1, "roughly")
    with pytest.raises(ValueError):
        target_set(1, "≈", "亿元")


def test_describe():
    assert target_set(1000, ">", "亿元").describe() == "> 1000"
    assert Interval(1, 2, high_closed=False).describe() == "[1, 2)"
