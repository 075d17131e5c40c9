"""Backtest scoring (Brier by hand) and the backtest on the synthetic fixture."""

from pathlib import Path

import pandas as pd
import pytest

import doubling_analysis as da
from doubling_analysis.model.backtest import backtest, brier

SYN = Path(__file__).parent / "fixtures" / "synthetic"


def test_brier_by_hand():
    # ((0.2 - 1)^2 + (0.9 - 0)^2) / 2 = (0.64 + 0.81) / 2 = 0.725
    assert brier([0.2, 0.9], [1, 0]) == pytest.approx(0.725)
    assert brier([], []) != brier([], [])  # nan for no data


def test_log_score_and_crps_by_hand():
    from doubling_analysis.model.backtest import crps, log_score

    # -(ln 0.8 + ln 0.6) / 2 = (0.2231 + 0.5108) / 2 = 0.3670
    assert log_score([0.8, 0.4], [1, 0]) == pytest.approx(0.3670, abs=1e-4)
    # CRPS of draws {0, 1} at y = 0: E|X - y| = 0.5, E|X - X'| = 0.5 (pairs over all 4 orderings) -> 0.5 - 0.25
    assert crps([0.0, 1.0], 0.0) == pytest.approx(0.25)
    # a point forecast: CRPS is the absolute error
    assert crps([3.0, 3.0, 3.0], 1.0) == pytest.approx(2.0)


@pytest.mark.integration
def test_backtest_on_the_fixture():
    table, s = backtest(da.load_catalog(SYN), n_paths=2000)
    t7 = table[(table["kind"] == "target") & (table["id"] == "t-007")]
    # outcome 205 >= 200 (achieved); scored at each quarter end from the document's issue (2021-01-01) to 2023Q4
    assert len(t7) >= 4 and (t7["outcome"] == 1.0).all() and t7["p"].between(0, 1).all()
    assert s["n_binary"] == int(table["p"].notna().sum()) and s["brier_coin"] == pytest.approx(0.25)
    assert set(table["kind"]) >= {"target", "level", "threshold"}


@pytest.mark.integration
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


# ---- issue 19: scored per unit, with intervals and verdicts that can fail ---------------------------------------


def synthetic_table(rows: list[dict]) -> pd.DataFrame:
    """A synthetic backtest table (test fixture): the given columns, the others empty; measured by default."""
    from doubling_analysis.model.backtest import COLUMNS

    full = [{"measured_by_target": True, "indicator": "synthetic", **r} for r in rows]
    return pd.DataFrame(full, columns=COLUMNS)


def _target(unit: str, p: float, outcome: float, **kw) -> dict:
    return dict(kind="target", id=unit, unit=unit, p=p, outcome=outcome, **kw)


def _interval(unit: str, covered: bool, pit: float = 0.5, kind: str = "level", **kw) -> dict:
    return dict(kind=kind, id=unit, unit=unit, covered80=covered, pit=pit, crps=0.0, outcome=1.0, **kw)


def _three_targets():
    # A: p 0.8, 0.6, both met -> (0.04 + 0.16) / 2 = 0.10;  B: p 0.3, missed -> 0.09;  C: four rows p 0.5, met -> 0.25
    return synthetic_table(
        [_target("A", 0.8, 1), _target("A", 0.6, 1), _target("B", 0.3, 0)] + [_target("C", 0.5, 1)] * 4
    )


def test_brier_is_averaged_within_a_unit_then_over_units_by_hand():
    from doubling_analysis.model.backtest import summary

    s = summary(_three_targets(), b=500)
    g = s["groups"]["binary:target"]["all"]
    assert g["n_units"] == 3 and g["n_rows"] == 7
    # mean over units (0.10 + 0.09 + 0.25) / 3 = 0.146667; pooled over rows it would be
    # (0.04 + 0.16 + 0.09 + 4 x 0.25) / 7 = 1.29 / 7 = 0.184286 (C's four rows counted four times)
    assert g["brier_model"]["point"] == pytest.approx(0.44 / 3)
    assert s["brier_model"] == pytest.approx(1.29 / 7)
    # coin: 0.25 in every unit; always met: A 0, B 1, C 0 -> 1/3; model - coin: (-0.15 - 0.16 + 0) / 3
    assert g["brier_coin"]["point"] == pytest.approx(0.25)
    assert g["brier_always_met"]["point"] == pytest.approx(1 / 3)
    assert g["diff_coin"]["point"] == pytest.approx(-0.31 / 3)
    # log: A -(ln 0.8 + ln 0.6) / 2 = 0.36698, B -ln 0.7 = 0.35667, C ln 2 = 0.69315 -> mean 0.47227
    assert g["log_model"]["point"] == pytest.approx(0.47227, abs=1e-4)
    # share met: A 1, B 0, C 1 -> 2/3 (the rows: 6/7)
    assert g["share_met"]["point"] == pytest.approx(2 / 3)
    # a mean over resampled units lies between the smallest and the largest unit's score
    assert 0.09 <= g["brier_model"]["low"] <= g["brier_model"]["point"] <= g["brier_model"]["high"] <= 0.25
    assert s["n_units"] == 3 and s["n_units_by_kind"] == {"target": 3}


def test_bootstrap_of_two_units_by_enumeration():
    """Two units scoring 0.10 and 0.09: a resample of two units has mean 0.09 (both B, probability 1/4), 0.095
    (1/2) or 0.10 (1/4); the 5th and 95th percentiles of 2000 resamples are therefore 0.09 and 0.10."""
    from doubling_analysis.model.backtest import summary

    table = synthetic_table([_target("A", 0.8, 1), _target("A", 0.6, 1), _target("B", 0.3, 0)])
    e = summary(table, b=2000)["groups"]["binary:target"]["all"]["brier_model"]
    assert e["point"] == pytest.approx(0.095)
    assert e["low"] == pytest.approx(0.09) and e["high"] == pytest.approx(0.10)


def test_resamples_are_seeded_and_shared_by_the_baselines():
    """Per unit, model - persistence is 0.09 in all three units although both scores vary between units:
    U1 met, p 0.5 (0.25), persistence 0.6 (0.16); U2 missed, p 0.3 (0.09), persistence 0 (0); U3 missed, p 0.5
    (0.25), persistence 0.4 (0.16). On shared resamples the difference's interval is [0.09, 0.09]; drawn apart it
    would spread with the scores."""
    from doubling_analysis.model.backtest import resamples, summary

    rows = [
        dict(kind="threshold", unit="U1", p=0.5, outcome=1.0, persistence=0.6),
        dict(kind="threshold", unit="U2", p=0.3, outcome=0.0, persistence=0.0),
        dict(kind="threshold", unit="U3", p=0.5, outcome=0.0, persistence=0.4),
    ]
    g = summary(synthetic_table(rows), b=1000)["groups"]["binary:threshold"]["all"]
    assert g["brier_model"]["high"] - g["brier_model"]["low"] > 0.05
    assert g["diff_persistence"]["point"] == pytest.approx(0.09)
    assert g["diff_persistence"]["low"] == pytest.approx(0.09) and g["diff_persistence"]["high"] == pytest.approx(0.09)
    assert (resamples(5, "k", 10) == resamples(5, "k", 10)).all() and (
        resamples(5, "k", 10) != resamples(5, "j", 10)
    ).any()


def test_coverage_and_pit_per_unit_by_hand():
    from doubling_analysis.model.backtest import summary

    # S1: 3 of 4 intervals cover (0.75), PIT 0.1..0.4 (mean 0.25); S2: 1 interval, not covered (0), PIT 0.9
    rows = [_interval("S1", c, pit) for c, pit in zip((True, True, True, False), (0.1, 0.2, 0.3, 0.4))]
    s = summary(synthetic_table(rows + [_interval("S2", False, 0.9)]), b=500)
    g = s["groups"]["interval:level"]["all"]
    assert g["coverage80"]["point"] == pytest.approx(0.375)  # (0.75 + 0) / 2; the rows: 3/5 = 0.6
    assert s["coverage80"] == pytest.approx(0.6)
    assert g["mean_pit"]["point"] == pytest.approx(0.575)  # (0.25 + 0.9) / 2
    assert g["coverage80"]["low"] == pytest.approx(0.0) and g["coverage80"]["high"] == pytest.approx(0.75)


def _verdict(s: dict, group: str, baseline: str | None = None) -> dict:
    return next(v for v in s["verdicts"] if v["group"] == group and v.get("baseline") == baseline)


def test_a_model_worse_than_the_coin_fails():
    from doubling_analysis.model.backtest import failures, summary

    # six targets, each given p 0.9 and missed: Brier 0.81 per unit against the coin's 0.25 -> difference +0.56
    s = summary(synthetic_table([_target(f"T{i}", 0.9, 0) for i in range(6)]), b=500)
    v = _verdict(s, "binary:target", "coin")
    assert v["code"] == "not_beats_baseline" and v["fails"] and v["point"] == pytest.approx(0.56)
    assert any("target probabilities do not demonstrably beat the coin" in f for f in failures(s))


def test_a_model_better_than_the_baselines_passes():
    from doubling_analysis.model.backtest import failures, summary

    # three met at p 0.9, three missed at p 0.1: Brier 0.01 per unit; coin 0.25 -> -0.24 everywhere; always met:
    # 0 for the met units, 1 for the missed -> differences +0.01 (x3) and -0.99 (x3). The 95th percentile of the
    # mean difference over 6 resampled units: P(5 or 6 met units) = 7/64 > 5 %, P(6) = 1/64 < 5 %, so it is at
    # 5 met: (5 x 0.01 - 0.99) / 6 = -0.157 < 0.
    rows = [_target(f"M{i}", 0.9, 1) for i in range(3)] + [_target(f"X{i}", 0.1, 0) for i in range(3)]
    s = summary(synthetic_table(rows), b=2000)
    coin, always = _verdict(s, "binary:target", "coin"), _verdict(s, "binary:target", "always_met")
    assert coin["code"] == "beats_baseline" and coin["high"] == pytest.approx(-0.24)
    assert always["code"] == "beats_baseline" and always["high"] == pytest.approx(-0.94 / 6)
    assert failures(s) == []


def test_a_better_point_score_whose_interval_holds_zero_fails():
    """The old rule (point Brier below the coin's) passed this; by unit the interval of the difference holds 0.
    Four units met at p 0.9 (difference to the coin 0.01 - 0.25 = -0.24), one missed at p 0.9 (0.81 - 0.25 =
    +0.56): point (-0.96 + 0.56) / 5 = -0.08; 95th percentile at 3 bad units of 5 (P(>= 3) = 5.8 %):
    (1.68 - 0.48) / 5 = +0.24."""
    from doubling_analysis.model.backtest import summary

    rows = [_target(f"M{i}", 0.9, 1) for i in range(4)] + [_target("X", 0.9, 0)]
    s = summary(synthetic_table(rows), b=2000)
    assert s["brier_model"] < s["brier_coin"]  # the point, pooled over rows, looks better than the coin
    v = _verdict(s, "binary:target", "coin")
    assert v["point"] == pytest.approx(-0.08) and v["high"] > 0 and v["code"] == "not_beats_baseline" and v["fails"]


@pytest.mark.integration
def test_coverage_verdicts_fail_pass_and_abstain():
    from doubling_analysis.model.backtest import summary

    half = [_interval(f"S{i}", c) for i in range(6) for c in (True, False)]  # 50 % in every unit
    v = _verdict(summary(synthetic_table(half), b=300), "interval:level")
    assert v["code"] == "coverage_outside" and v["fails"] and v["point"] == pytest.approx(0.5)
    eighty = [_interval(f"S{i}", c) for i in range(6) for c in (True, True, True, True, False)]  # 80 %
    v = _verdict(summary(synthetic_table(eighty), b=300), "interval:level")
    assert v["code"] == "coverage_ok" and not v["fails"]
    # 72 % in each of 6 units (18 of 25): the point is within 70-90 %, but every resample gives 72 %: the
    # interval [0.72, 0.72] leaves out 80 %
    tight = [_interval(f"S{i}", j < 18) for i in range(6) for j in range(25)]
    v = _verdict(summary(synthetic_table(tight), b=300), "interval:level")
    assert v["code"] == "coverage_off_nominal" and v["fails"]
    few = [_interval(f"S{i}", False) for i in range(3)]  # 0 % but three series only
    v = _verdict(summary(synthetic_table(few), b=300), "interval:level")
    assert v["code"] == "too_few_units" and not v["fails"]


def test_measured_and_unmeasured_units_are_scored_apart():
    from doubling_analysis.model.backtest import summary

    rows = [_interval("GDP1", True, measured_by_target=False, indicator="gdp")]
    rows += [_interval("GDP2", True, measured_by_target=False, indicator="gdp")]
    rows += [_interval("REV", False, indicator="revenue")]
    s = summary(synthetic_table(rows), b=300)
    g = s["groups"]["interval"]
    assert g["all"]["coverage80"]["point"] == pytest.approx(2 / 3)
    assert g["measured"]["coverage80"]["point"] == 0.0 and g["measured"]["n_units"] == 1
    assert g["unmeasured"]["coverage80"]["point"] == 1.0 and g["unmeasured"]["n_units"] == 2
    assert s["unmeasured_indicators"] == ["gdp"]


def test_measured_indicators_follow_targets_references_and_concordance():
    from types import SimpleNamespace

    from doubling_analysis.model.backtest import measured_indicators

    cat = SimpleNamespace(
        targets=pd.DataFrame({"indicator_code": ["main_revenue", "doubling", "cluster_output", "revenue_growth"]}),
        indicators=pd.DataFrame(
            {
                "code": ["main_revenue", "revenue", "doubling", "cluster_output", "sector_revenue", "gdp"]
                + ["revenue_growth", "park_revenue", "gdp_share"],
                "kind": ["level", "level", "relative", "level", "level", "level", "growth_rate", "level", "share"],
                "refers_to": ["", "", "park_revenue", "", "", "", "revenue", "", "gdp"],
            }
        ),
        concordance=pd.DataFrame(
            {
                "indicator_code": ["main_revenue", "cluster_output"],
                "other_code": ["sector_revenue", "gdp"],
                "relation": ["includes", "different_scope"],
            }
        ),
    )
    # own indicators; doubling refers to park_revenue (relative), revenue_growth to revenue (growth rate);
    # main_revenue's concordant sector_revenue; never gdp (different scope only)
    assert measured_indicators(cat) == {
        "main_revenue",
        "doubling",
        "cluster_output",
        "revenue_growth",
        "park_revenue",
        "revenue",
        "sector_revenue",
    }


@pytest.mark.integration
def test_units_and_measured_columns_on_the_fixture():
    from doubling_analysis.model.backtest import summary_text, units_table

    table, s = backtest(da.load_catalog(SYN), n_paths=300)
    targets = table[table["kind"] == "target"]
    assert (targets["unit"] == targets["id"]).all() and targets["measured_by_target"].all()
    series = table[table["kind"] != "target"]
    # the id is jurisdiction/indicator[/sector][/ytd period]; the unit is the series, without the period
    expected = [
        "|".join(i.split("/")[:2] + ([i.split("/")[2]] if k != "ytd" and i.count("/") == 2 else []))
        for k, i in zip(series["kind"], series["id"])
    ]
    assert list(series["unit"]) == expected
    # the fixture's targets measure revenue (t-001 ...): its revenue series are measured
    assert series.loc[series["indicator"] == "revenue", "measured_by_target"].all()
    u = units_table(table)
    assert u["n_forecasts"].sum() == len(table) and not u.duplicated(["kind", "unit"]).any()
    text = summary_text(s)
    assert "units" in text and "cluster-bootstrap interval" in text and "verdict:" in text
    for v in s["verdicts"]:
        assert v["group"] and "[" in text


@pytest.mark.integration
def test_backtest_command_by_unit(capsys):
    from doubling_analysis.app.cli import main

    syn = str(SYN)
    assert main(["backtest", "--data-dir", syn, "--paths", "200", "--by", "unit", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("kind,unit,indicator,measured_by_target,n_forecasts")
    assert main(["backtest", "--data-dir", syn, "--paths", "200", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.endswith("unit,indicator,measured_by_target")
    assert main(["backtest", "--data-dir", syn, "--by", "nothing"]) == 2


def test_the_report_quotes_calibration_with_intervals_and_verdicts():
    """Key findings and the methods appendix carry the per-kind verdicts and their intervals, in both languages."""
    from doubling_analysis.model.backtest import summary, verdict_text
    from doubling_analysis.report.findings import live_findings, render
    from doubling_analysis.report.presentation import backtest_text

    rows = [_target(f"T{i}", 0.9, 0) for i in range(6)]  # worse than the coin: fails
    rows += [_interval(f"S{i}", c, kind="growth") for i in range(6) for c in (True, False)]  # 50 %: fails
    s = summary(synthetic_table(rows), b=300)
    table = pd.DataFrame(columns=["outcome", "p_attain", "counted"])
    (claim,) = [f for f in live_findings(table, None, "2024Q1", s) if f.code == "calibration"]
    en, zh = render(claim, "en"), render(claim, "zh")
    assert "growth rates 50% [50%, 50%]" in en and "outside 70-90%, fails" in en
    assert "targets +0.560 [+0.560, +0.560] over 6 targets (not demonstrably better, fails)" in en
    assert "增速 50% [50%, 50%]" in zh and "未通过" in zh
    for lang in ("en", "zh"):
        text = backtest_text(s, lang)
        assert all(verdict_text(v, lang) in text for v in s["verdicts"])


def test_no_forecast_scored_says_so_and_judges_nothing():
    from doubling_analysis.model.backtest import (
        COLUMNS,
        calibration_claim,
        failures,
        report_text,
        summary,
        summary_text,
    )

    s = summary(pd.DataFrame([], columns=COLUMNS), b=50)
    assert s["verdicts"] == [] and failures(s) == [] and s["n_units"] == 0
    assert "no forecast" in summary_text(s) and "nan" not in summary_text(s)
    assert "no calibration" in calibration_claim(s, "en") and "不给出校准" in report_text(s, "zh")
