"""The 突破 / 接近 margins measured from the data's own bound -> exact pairs (margins.py). Known answers by hand."""

import math

import pandas as pd
import pytest

import doubling_analysis as da
from doubling_analysis import config
from doubling_analysis.model.evidence import build_context
from doubling_analysis.model.margins import bound_margins, bound_pairs
from doubling_analysis.model.targets import plausible_range


def frame(rows):
    cols = ["actual_id", "jurisdiction_code", "indicator_code", "sector", "period", "value", "bound"]
    return pd.DataFrame(rows, columns=cols)


def test_margin_is_the_unbiased_upper_end_of_the_overshoots():
    # synthetic pairs: 突破 100 -> 110 (ln 1.1 = 0.09531), 突破 200 -> 240 (ln 1.2 = 0.18232); n = 2:
    # (n + 1) / n × max = 1.5 × 0.18232 = 0.27348 -> margin e^0.27348 - 1 = 0.31453
    # a third pair 突破 100 -> 95 contradicts its bound: a conflict, not a pair
    f = frame(
        [
            ("b1", "X", "revenue", None, "2021", 100.0, "lower"),
            ("e1", "X", "revenue", None, "2021", 110.0, "exact"),
            ("b2", "Y", "revenue", None, "2021", 200.0, "lower"),
            ("e2", "Y", "revenue", None, "2021", 240.0, "exact"),
            ("b3", "Z", "revenue", None, "2021", 100.0, "lower"),
            ("e3", "Z", "revenue", None, "2021", 95.0, "exact"),
            ("e4", "Z", "revenue", None, "2022", 120.0, "exact"),  # another period: no pair
        ]
    )
    m = bound_margins(f)
    assert m.lower == pytest.approx(0.31453, abs=1e-5)
    assert [p.bound_id for p in m.lower_pairs] == ["b1", "b2"] and [p.bound_id for p in m.conflicts] == ["b3"]
    assert m.upper == config.NEAR_LOWER_MARGIN  # no 接近 pair: the stated prior
    assert plausible_range(100, "lower", m) == pytest.approx((100, 131.453), abs=1e-3)


def test_a_projection_pairs_with_nothing():
    f = frame(
        [("b1", "X", "revenue", None, "2021", 100.0, "lower"), ("p1", "X", "revenue", None, "2021", 150.0, "exact")]
    )
    f["status"] = ["preliminary", "projected"]
    assert bound_pairs(f) == []


def test_one_pair_keeps_the_prior():
    f = frame(
        [("b1", "X", "revenue", None, "2021", 100.0, "lower"), ("e1", "X", "revenue", None, "2021", 150.0, "exact")]
    )
    assert len(bound_pairs(f)) == 1 and bound_margins(f).lower == config.LOWER_BOUND_PLAUSIBLE_MARGIN


def test_shipped_margin_uses_only_what_was_published():
    """Shipped data: 突破 4万亿 (ar148) / 43976.7 (ar149, published 2022-08-22) +9.9 %; 突破 1万亿 / 1.08万亿 (2023) and
    / 1.16万亿 (2024), both pairs complete only on 2025-03-31. By 2025Q2: n = 3, margin e^(4/3 × ln 1.16) - 1 = 21.9 %;
    at 2024Q4 one pair is known: the prior 10 %."""
    cat = da.load_catalog()
    assert build_context(cat, "2024Q4").margins.lower == config.LOWER_BOUND_PLAUSIBLE_MARGIN
    m = build_context(cat, "2025Q2").margins
    assert len(m.lower_pairs) == 3
    assert m.lower == pytest.approx(math.expm1(4 / 3 * math.log(1.16)), abs=1e-9)
    assert m.lower == pytest.approx(0.219, abs=5e-4)
