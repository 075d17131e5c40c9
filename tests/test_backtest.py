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


def test_log_score_and_crps_by_hand():
    from doubling_analysis.backtest import crps, log_score

    # -(ln 0.8 + ln 0.6) / 2 = (0.2231 + 0.5108) / 2 = 0.3670
    assert log_score([0.8, 0.4], [1, 0]) == pytest.approx(0.3670, abs=1e-4)
    # CRPS of draws {0, 1} at y = 0: E|X - y| = 0.5, E|X - X'| = 0.5 (pairs over all 4 orderings) -> 0.5 - 0.25
    assert crps([0.0, 1.0], 0.0) == pytest.approx(0.25)
    # a point forecast: CRPS is the absolute error
    assert crps([3.0, 3.0, 3.0], 1.0) == pytest.approx(2.0)


def test_backtest_on_the_fixture():
    table, s = backtest(da.load_catalog(SYN), n_paths=2000)
    t7 = table[(table["kind"] == "target") & (table["id"] == "t-007")]
    # outcome 205 >= 200 (achieved); scored at each quarter end from the document's issue (2021-01-01) to 2023Q4
    assert len(t7) >= 4 and (t7["outcome"] == 1.0).all() and t7["p"].between(0, 1).all()
    assert s["n_binary"] == int(table["p"].notna().sum()) and s["brier_coin"] == pytest.approx(0.25)
    assert set(table["kind"]) >= {"target", "level", "threshold"}


def test_backtest_can_fail_on_a_fixture_that_breaks_the_model(tmp_path):
    """A series that jumps tenfold when the model expects steady growth falls outside its 80 % interval: the
    backtest reports the miss (covered80 False) instead of hiding it."""
    import shutil

    folder = tmp_path / "syn"
    shutil.copytree(SYN, folder)
    path = folder / "actuals.csv"
    text = path.read_text(encoding="utf-8")
    text += (
        "x-020,990101,revenue,,2024,2050,亿元,exact,,final,2025-03-01,official,web-fixture1,"
        "https://example.invalid/a,合成网页,2024年营业收入2050亿元,synthetic jump\n"
    )
    path.write_text(text, encoding="utf-8")
    table, s = backtest(da.load_catalog(folder), n_paths=2000)
    jump = table[(table["kind"] == "level") & (table["outcome"] == 2050)]
    assert len(jump) and not jump["covered80"].any() and (jump["pit"] > 0.99).all()
    assert s["coverage80"] < 1.0
