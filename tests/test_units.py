"""Unit conversions. Expected values are worked out by hand from the unit definitions:
1 亿 = 10^8; 1 万 = 10^4; 1 万亿 = 10^12 = 10^4 亿; 1 千亿 = 10^11 = 10^3 亿; 1 bn = 10^9 = 10 亿;
1 亩 = 1/15 hectare = 666.67 m²; 1 万平方米 = 10^4 m²; 1 平方公里 = 10^6 m²."""

import math

import pytest

from doubling_analysis.data.units import canonical_unit, conversion_factor, convert, dimension


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (1.0, "万亿元", 10_000.0),  # 10^12 / 10^8
        (2.98, "万亿元", 29_800.0),
        (5000.0, "万元", 0.5),  # 5000 * 10^4 / 10^8
        (1.0, "千亿元", 1_000.0),  # 10^11 / 10^8
        (0.9, "千亿元", 900.0),
        (12.5, "RMB bn", 125.0),  # 12.5 * 10^9 / 10^8
        (3.0e8, "元", 3.0),
        (1400.0, "亿元", 1400.0),
    ],
)
def test_money_to_yi_yuan(value, unit, expected):
    assert convert(value, unit, "亿元") == pytest.approx(expected, rel=1e-12)


def test_percent_and_points_to_fraction():
    assert convert(8.5, "%", "ratio") == pytest.approx(0.085)
    assert convert(2.0, "pp", "ratio") == pytest.approx(0.02)


def test_areas():
    assert convert(15.0, "亩", "平方米") == pytest.approx(10_000.0)  # 15 亩 = 1 ha
    assert convert(1.0, "平方公里", "万平方米") == pytest.approx(100.0)
    assert convert(1.0, "万亩", "平方公里") == pytest.approx(10_000 / 15 * 10_000 / 1e6)


def test_counts_in_wan():
    assert convert(1.2, "万家", "家") == pytest.approx(12_000.0)


def test_incompatible_and_unknown_units_raise():
    with pytest.raises(ValueError, match="cannot convert"):
        convert(1.0, "亿元", "%")
    with pytest.raises(KeyError):
        convert(1.0, "亿日元", "亿元")
    with pytest.raises(ValueError, match="cannot convert"):  # dollars are a unit (issue 22), never yuan
        convert(1.0, "亿美元", "亿元")


def test_canonical_units():
    assert canonical_unit("万元") == "亿元"
    assert canonical_unit("%") == "ratio"
    assert canonical_unit("户") == "户"
    assert dimension("RMB bn") == "money"
    assert dimension("furlongs") is None
    assert conversion_factor("万亿元", "亿元") == 10_000.0
    assert math.isnan(convert(float("nan"), "亿元", "万元"))
