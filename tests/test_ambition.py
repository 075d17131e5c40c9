"""Ambition on the synthetic fixture and the shipped data (expected values by hand)."""

from pathlib import Path

import pytest

import doubling_analysis as da
from doubling_analysis.ambition import ambition
from doubling_analysis.assess import assess

SYN = Path(__file__).parent / "fixtures" / "synthetic"


def test_doubling_implies_25_99_percent_a_year():
    cat = da.load_catalog()
    a = ambition(cat, assess(cat, "2023Q4", projection_method="none")).set_index("target_id")
    # 2^(1/3) - 1 = 0.259921 for each three-year doubling plan (Jingdezhen, Changjiang, High-tech Zone)
    for tid in ("jdz22-001", "cj21-001", "gxq21-001"):
        assert a.loc[tid, "implied_growth"] == pytest.approx(0.259921, abs=1e-6)
    # Ganzhou VA growth 8.8 % against its own 2019-2020 average (8.7 + 4.6) / 2 = 6.65 %: a stretch
    assert a.loc["gz21-001", "own_recorded_growth"] == pytest.approx(0.0665)
    assert a.loc["gz21-001", "verdict"].startswith("stretch")


def test_synthetic_level_target():
    cat = da.load_catalog(SYN)
    a = ambition(cat, assess(cat, "2022Q2", projection_method="none")).set_index("target_id")
    assert a.loc["t-007", "implied_growth"] == pytest.approx(0.259921, abs=1e-6)


def test_ambition_grows_linearly_with_the_data():
    """Issue 13, item 2: one look-up table per call instead of a filter of the whole table per row (which made
    ambition grow ~50 times on 20 times the data)."""
    from conftest import SCALE_K, SCALE_MAX_RATIO, growth_ratio, synthetic_copies, synthetic_scaled_catalog

    cat = da.load_catalog()
    table = assess(cat, "2023Q4", projection_method="none")
    big = synthetic_scaled_catalog(cat, SCALE_K)
    big_table = synthetic_copies(table, SCALE_K, ("target_id", "jurisdiction_code"))
    assert len(ambition(big, big_table)) == SCALE_K * len(ambition(cat, table))
    ratio = growth_ratio(lambda args: ambition(*args), (cat, table), (big, big_table))
    assert ratio <= SCALE_MAX_RATIO, ratio
