"""Backtest scoring (Brier by hand) and the backtest on the synthetic fixture."""

from pathlib import Path

import pytest

import doubling_analysis as da
from doubling_analysis.backtest import backtest, brier

SYN = Path(__file__).parent / "fixtures" / "synthetic"


def test_brier_by_hand():
    # ((0.2 - 1)^2 + (0.9 - 0)^2) / 2 = (0.64 + 0.81) / 2 = 0.725
    assert brier([0.2, 0.9], [1, 0]) == pytest.approx(0.725)
    assert brier([], []) != brier([], [])  # nan for no data


def test_backtest_on_the_fixture():
    per_target, s = backtest(da.load_catalog(SYN), n_paths=2000)
    r = per_target.set_index("target_id").loc["t-007"]
    # outcome 205 >= 200; at 2023-01-01 only 2020 and 2021 are published (the 2022 lower bound comes on 01-10)
    assert r["outcome"] == "achieved" and 0 <= r["p_start_of_year"] < 0.05
    assert s["n_scored"] >= 1 and s["caveat"].startswith(f"{s['n_scored']} scored")
    assert s["brier_always_half"] == pytest.approx(0.25)
