"""The assessment table end to end on the synthetic fixture (tests/fixtures/synthetic, invented figures).

Example county 990101 follows the worked example of ../shared/reference/methods.md: revenue 100 in 2020, 118 in
2021, target 200 in 2023 (t-007, and t-008 = 2 × the 2020 level). By hand: required growth 2^(1/3) - 1 = 0.259921;
observed 0.18; R = 0.18 / 0.259921 = 0.6925 (acceleration needed); projected 2023 = 118 × 1.18² = 164.30,
P = 0.643 (fair progress); rate to go (200/118)^(1/2) - 1 = 0.301890.
Publication dates: 2020 figure 2021-02-01, 2021 figure 2022-02-01, 2022 lower bound 150 on 2023-01-10,
2022 exact 160 on 2023-06-01, 2023 figure 205 on 2024-02-01.
"""

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import doubling_analysis as da
from doubling_analysis.model.assess import COLUMNS, assess, rank

SYN = Path(__file__).parent / "fixtures" / "synthetic"


@pytest.fixture(scope="module")
def cat():
    return da.load_catalog(SYN)


def row(table, target_id):
    return table.set_index("target_id").loc[target_id]


def test_worked_example_through_the_pipeline(cat):
    r = row(assess(cat, "2022Q2", n_paths=2000), "t-007")
    assert r["base_value"] == 100 and r["latest_value"] == 118 and r["latest_period"] == "2021"
    assert r["required_growth"] == pytest.approx(0.259921, abs=1e-6)
    assert r["observed_growth"] == pytest.approx(0.18)
    assert r["ratio_r"] == pytest.approx(0.6925, abs=1e-4) and r["category_eurostat"] == "acceleration_needed"
    assert r["share_p"] == pytest.approx(0.643, abs=1e-3) and r["category_unsd"] == "fair_progress"
    assert r["rate_to_go"] == pytest.approx(0.301890, abs=1e-6)
    assert r["outcome"] == "pending"
    # the calibrated model: the fixture's only level increment (100 -> 118) pulls the drift up from the stated
    # prior (8 %), so the median lies between 118 × 1.08² = 137.6 and 118 × 1.18² = 164.3, far below 200
    assert 137.6 < r["projected_median"] < 164.3
    # by hand: a pool of one series has no spread of drifts, so the drift prior is the stated 8 % with sd 10 %
    # (config.DRIFT_PRIOR_SD_FEW_SERIES; precision 100); the increment ln 1.18 = 0.1655 with s² = 0.0064 (the prior
    # sd, df 0) has precision 156.25: drift (0.08 × 100 + 0.1655 × 156.25) / 256.25 = 0.1322, var 1 / 256.25.
    # Two years: mean 0.2644, var 4 × 0.0039 + 2 × 0.0064 × 2 (t with 4 df: var × 4/2) = 0.0412, sd 0.203;
    # 200 needs ln(200 / 118) = 0.528: z = 1.30, P ≈ 0.10 (normal; t's heavier tails and the mixture: 0.07-0.12)
    assert 0.06 < r["p_attain"] < 0.13 and r["p_model"] == "calibrated"
    assert "random walk with drift" in r["p_assumptions"] and "1 own increment" in r["p_assumptions"]
    # the user's scenario of 18 % a year: median 118 × 1.18² = 164.3 (noise symmetric in logs); 200 needs
    # ln(200 / 164.3) = 0.197 more, about 2 sd of two years' noise (sd ≈ sqrt(2) × 0.08): P well below 0.1
    s = row(assess(cat, "2022Q2", n_paths=4000, scenario_rates=[0.18]), "t-007")
    assert s["projected_median"] == pytest.approx(164.3, rel=0.02)
    assert s["p_attain"] < 0.1 and s["p_model"] == "scenario"


def test_relative_target_resolves_from_the_base_actual(cat):
    r = row(assess(cat, "2022Q2", n_paths=500), "t-008")
    assert r["target_value"] == 200 and "resolved: 2 × 2020 revenue 100 = 200" in r["note"]
    assert r["ratio_r"] == pytest.approx(0.6925, abs=1e-4)


def test_real_time_discipline(cat):
    # by 2021Q4 only the 2020 figure is published: latest = base, no observed growth, no projection from one point
    r = row(assess(cat, "2021Q4", n_paths=500), "t-007")
    assert r["latest_period"] == "2020" and pd.isna(r["observed_growth"])
    assert r["rate_to_go"] == pytest.approx(0.259921, abs=1e-6)
    # in 2023Q1 the 2022 figure is a preliminary lower bound (突破150): the probability integrates over its
    # plausible range (150, 165] instead of being a lower bound
    r = row(assess(cat, "2023Q1", n_paths=500), "t-007")
    assert (r["latest_value"], r["latest_bound"], r["latest_actual_id"]) == (150, "lower", "x-006")
    assert r["p_bound"] is None and "integrates over [150, 165]" in r["note"] and 0 < r["p_attain"] < 1
    # by 2023Q3 the final exact figure has replaced it
    r = row(assess(cat, "2023Q3", n_paths=500), "t-007")
    assert (r["latest_value"], r["latest_bound"], r["latest_actual_id"]) == (160, "exact", "x-007")


def test_outcome_after_the_target_year(cat):
    # year passed but the 2023 figure not yet published: undetermined, and p stays a nowcast (issue 19: every 2023
    # probability vanished at 2024Q1) which says so in its notes
    r = row(assess(cat, "2024-01-15", n_paths=100), "t-007")
    assert r["outcome"] == "undetermined" and 0 < r["p_attain"] < 1
    assert "nowcast" in r["note"] and "2023" in r["note"]
    # ... for config.P_NOWCAST_MONTHS_AFTER_YEAR (12) months after the year; later the figure is not coming
    no_2023 = dataclasses.replace(cat, actuals=cat.actuals[cat.actuals["period"].astype(str) != "2023"])
    late = row(assess(no_2023, "2025-01-15", n_paths=100), "t-007")
    assert late["outcome"] == "undetermined" and pd.isna(late["p_attain"])
    # 205 >= 200: achieved
    assert row(assess(cat, "2024Q1", n_paths=100), "t-007")["outcome"] == "achieved"


def test_lower_bound_final_year_actual_decides_only_what_it_can(cat):
    # x-009: 示例市 revenue 2022 "突破350亿元" (a lower bound). t-004 (12.5 RMB bn = 125亿, reach) is achieved;
    # t-001 (> 400亿) cannot be decided by a figure known only to exceed 350
    t = assess(cat, "2023Q4", n_paths=100).set_index("target_id")
    assert t.loc["t-004", "outcome"] == "achieved"
    assert t.loc["t-001", "outcome"] == "undetermined" and t.loc["t-001", "latest_bound"] == "lower"


def test_bounded_outcome_is_undetermined(cat):
    # t-001: 示例市 revenue > 400 亿元 in 2022; by 2022Q4's end nothing for 2022 is published (x-009 comes in 2023)
    r = row(assess(cat, "2023-01-10", n_paths=100), "t-001")
    assert r["outcome"] == "undetermined"


def test_growth_target(cat):
    # t-005: VA growth >= 8.5 % in 2022; the last reading is 9.1 % for 2021 (x-003, no publication date: assumed
    # known two months after the period, 2022-02-28)
    r = row(assess(cat, "2022Q1", n_paths=20000), "t-005")
    assert r["observed_growth"] == pytest.approx(0.091) and r["p_model"] == "growth-rule"
    # the fixture has no pair of consecutive annual growth rates, so the real-growth class keeps its stated prior:
    # sd 2 %, 4 degrees of freedom. Last year's 9.1 % carried forward: P(g >= 8.5 %) = P(t_4 >= -0.6/2) = 0.610
    # (t table: F_4(0.3) = 0.6104)
    assert r["p_attain"] == pytest.approx(0.610, abs=0.015)


def test_targets_exist_from_their_document_issue_date(tmp_path):
    """A target appears from its document's issue date on; a partial date counts from its last day."""
    import shutil

    folder = tmp_path / "syn"
    shutil.copytree(SYN, folder)
    src = folder / "sources.csv"
    src.write_text(src.read_text(encoding="utf-8").replace(",tests,,2021-01-01,", ",tests,,2022,"), encoding="utf-8")
    cat = da.load_catalog(folder)
    assert assess(cat, "2022Q3", n_paths=50).empty  # issued "2022": from 2022-12-31
    assert len(assess(cat, "2022Q4", n_paths=50)) == len(cat.targets)


def test_every_row_has_the_required_columns_and_reasons(cat):
    table = assess(cat, "2022Q2", n_paths=200)
    assert list(table.columns) == COLUMNS and len(table) == len(cat.targets)
    unassessed = table[table["latest_value"].isna()]
    assert unassessed["note"].str.contains("not assessable").all()


def test_same_inputs_and_seed_give_identical_tables(cat):
    a = assess(cat, "2022Q2", n_paths=300, seed=5)
    b = assess(cat, "2022Q2", n_paths=300, seed=5)
    pd.testing.assert_frame_equal(a, b)
    c = assess(cat, "2022Q2", n_paths=300, seed=6)
    assert (
        not np.isclose(row(a, "t-007")["p_attain"], row(c, "t-007")["p_attain"])
        or row(a, "t-007")["projected_median"] != row(c, "t-007")["projected_median"]
    )


def test_rank(cat):
    table = pd.DataFrame(
        {"indicator_code": ["a", "a", "a", "b"], "p_attain": [0.2, 0.9, np.nan, 0.5], "target_id": ["x", "y", "z", "w"]}
    )
    got = rank(table)
    assert got["target_id"].tolist() == ["y", "x", "z", "w"]
    assert got["rank_p_attain"].tolist()[:2] == [1, 2] and pd.isna(got["rank_p_attain"].tolist()[2])


@pytest.mark.integration
def test_shipped_data_as_of_2023q4():
    table = assess(da.load_catalog(), "2023Q4", n_paths=1000)
    t = table.set_index("target_id")
    # Ganzhou 2021 (gz-2021-workpoints): revenue 4533.21 > 4000, growth 30 % >= 20 %, VA growth 11.6 % vs 8.8 % 左右
    assert t.loc[["gz21-001", "gz21-002", "gz21-003"], "outcome"].tolist() == ["achieved"] * 3
    # the furniture cluster (现代家居, city-wide) has no figure of its own: 南康家具 output is Nankang district's
    assert t.loc["gz21-006", "outcome"] == "undetermined" and "not assessable" in t.loc["gz21-006", "note"]
    # 技改投资年均增长30%左右 (2019-2023) is an average over five years, none of which is reported
    assert "average annual growth over 2019-2023: 0 of 5 years reported" in t.loc["jx19-046", "note"]
    # Jingdezhen 2022 revenue > 1400: only "突破千亿" (2021, a lower bound) is known: cannot be decided
    assert t.loc["jdz22-003", "outcome"] == "undetermined" and t.loc["jdz22-003", "latest_bound"] == "lower"
    # the doubling of 2020 revenue cannot be resolved: no 2020 revenue figure for Jingdezhen
    assert "no 2020 actual of revenue" in t.loc["jdz22-001", "note"]
    assert table["note"].notna().all()


@pytest.mark.integration
def test_every_note_is_a_code_with_both_languages():
    """Notes are codes rendered at the edge: every code the assessment writes has an English and a Chinese
    template, and the Chinese rendering carries no English prose (only codes such as ar069, revenue, 2021-03)."""
    import re

    from doubling_analysis.model.notes import TEMPLATES, render

    cat = da.load_catalog()
    for q in ("2021Q2", "2022Q3", "2026Q3"):
        table = assess(cat, q, n_paths=200)
        for notes in table["notes"]:
            for n in notes:
                assert set(TEMPLATES[n.code]) == {"en", "zh"}
            zh = render(notes, "zh")
            words = re.findall(r"[A-Za-z]{4,}(?: [A-Za-z]{3,})+", zh)
            assert not words, (zh, words)


@pytest.mark.integration
def test_relative_target_on_a_lower_bound_base_and_a_full_year_ytd_growth(tmp_path):
    """Fixture variant: the 2020 base (x-004) becomes "突破100" and a Jan-Dec 2022 VA growth reading is added."""
    import shutil

    folder = tmp_path / "syn"
    shutil.copytree(SYN, folder)
    path = folder / "actuals.csv"
    text = path.read_text(encoding="utf-8").replace(
        "x-004,990101,revenue,,2020,100,亿元,exact,", "x-004,990101,revenue,,2020,100,亿元,lower,"
    )
    text += (
        "x-010,990100,va_growth,,2022-01..2022-12,,,exact,9.0,final,2023-01-20,official,web-fixture1,"
        "https://example.invalid/a,合成网页,1-12月增加值增长9.0%,synthetic\n"
    )
    path.write_text(text, encoding="utf-8")
    cat = da.load_catalog(folder)
    r = row(assess(cat, "2022Q2", n_paths=500), "t-008")
    # 突破100 has the plausible range (100, 110] (config.LOWER_BOUND_PLAUSIBLE_MARGIN 10 %): the threshold
    # 2 × base lies in [200, 220], and the probability integrates over it instead of being "an upper bound"
    assert "the threshold lies in [200, 220]" in r["note"] and r["p_bound"] is None
    assert r["attains_if"] == ">= [200, 220]"
    # 205 in 2023 against 2 × (a base above 100): inside [200, 220], cannot be called achieved
    assert row(assess(cat, "2024Q1", n_paths=100), "t-008")["outcome"] == "undetermined"
    # t-005 (VA growth >= 8.5 % in 2022) is decided by the January-December reading of 9.0 %
    assert row(assess(cat, "2023Q2", n_paths=100), "t-005")["outcome"] == "achieved"


@pytest.mark.integration
def test_an_assessment_of_some_jurisdictions_gives_their_rows_of_the_whole_one():
    """``only=views.target_ids(...)`` (notebooks 02 and 03 use it) must not change a row: every target's row
    depends on the target and the evidence, not on which other targets are assessed with it."""
    from doubling_analysis.report.views import target_ids

    cat = da.load_catalog()
    for q in ("2022Q4", "2023Q4"):
        whole = assess(cat, q, n_paths=300).set_index("target_id")
        for codes in (["360200"], ["360000", "360700"]):
            part = assess(cat, q, n_paths=300, only=target_ids(cat, codes)).set_index("target_id")
            assert len(part) and set(part["jurisdiction_code"]) <= set(codes)

            # the same values; a column with no value in the part may hold None or float NaN where the whole has
            # string NaN: missing is compared as missing
            def norm(f):
                return f.astype(object).where(f.notna(), None)

            pd.testing.assert_frame_equal(norm(part), norm(whole.loc[part.index]))


# ---- decisions from a concordant figure (issue 19): hand-built targets and points, answers worked out below ----


def _resolved(comparator: str, value: float, measure: str = "value"):
    from doubling_analysis.model.assess import Resolved

    return Resolved(
        "syn-1", "990100", "main_revenue", "", "level", "up", measure, "main_revenue", 2023, 2020, value, None,
        comparator, "亿元", None, None, None, None, None, None, "syn-src",
    )  # fmt: skip


def _point(value: float, relation: str, bound: str = "exact"):
    from doubling_analysis.model.evidence import Point

    return Point(2023.0, value, bound, "2023", "syn-a", "year", "revenue", "r", "r", "990100", "营收", "rev", relation)


@pytest.mark.parametrize(
    "comparator, target, value, relation, want",
    [
        # included_in: main revenue <= the operating revenue figure
        (">=", 1000, 900, "included_in", "missed"),  # main <= 900 < 1000: no value attains
        (">=", 1000, 1100, "included_in", "likely_achieved"),  # main <= 1100: may be below 1000
        ("<=", 1000, 900, "included_in", "achieved"),  # main <= 900 <= 1000: every value attains
        ("<=", 1000, 1100, "included_in", "likely_missed"),
        # includes: main revenue >= the other figure
        (">=", 1000, 1100, "includes", "achieved"),  # main >= 1100 >= 1000
        (">=", 1000, 900, "includes", "likely_missed"),  # main >= 900: may reach 1000
        # same measure: a judgement either way (the rule before issue 19)
        (">=", 1000, 900, "same_measure", "likely_missed"),
        (">=", 1000, 1100, "same_measure", "likely_achieved"),
    ],
)
def test_an_inclusion_decides_outright_where_its_bound_decides(comparator, target, value, relation, want):
    from doubling_analysis.model.assess import Evidence, _decide_point, threshold

    r = _resolved(comparator, target)
    out = _decide_point(r, threshold(r, Evidence(())), _point(value, relation))
    assert out.level == want


def test_an_inclusion_gives_no_bound_to_a_growth_rate():
    # growth of operating revenue 5 % against a main-revenue growth target >= 8 %: the growth of an including
    # measure may be above or below the included one's, so 5 % < 8 % decides only likely_missed
    from doubling_analysis.model.assess import Evidence, _decide_point, threshold

    r = _resolved(">=", 0.08, "growth")
    out = _decide_point(r, threshold(r, Evidence(())), _point(0.05, "included_in"))
    assert out.level == "likely_missed" and "gives no bound" in out.judgement
    assert any(n.code == "concordance_growth_no_bound" for n in out.notes)


def test_a_projection_alone_never_decides():
    # a projected 2023 figure of 2000 against >= 1000 (a projection published before 2023 ended): undetermined,
    # while the same figure as a final report decides achieved
    from dataclasses import replace

    from doubling_analysis.model.assess import Evidence, decide, threshold

    r = _resolved(">=", 1000)
    final = replace(_point(2000, ""), via="", status="final")
    th = threshold(r, Evidence((final,)))
    assert decide(r, Evidence((final,)), th, passed=True, stock=False).level == "achieved"
    out = decide(r, Evidence((replace(final, status="projected"),)), th, passed=True, stock=False)
    assert out.level == "undetermined" and any(n.code == "projected_no_outcome" for n in out.notes)


def test_the_rate_to_go_against_the_record_by_hand():
    """Synthetic: target >= 1000 in 2023, latest figure 2022. Record's highest annual growth 100 -> 150 (50 %).
    From 600: 1000 / 600 - 1 = 66.7 % > 50 %: likely_missed. From 700: 42.9 % <= 50 %: no decision. From
    "突破600" (a lower bound): no upper end, no decision. "接近700" ([630, 700)): from its top, 700: 42.9 %: none."""
    from dataclasses import replace

    from doubling_analysis.model.assess import Evidence, RecordGrowth, _beyond_record, threshold

    r = _resolved(">=", 1000)
    th = threshold(r, Evidence(()))
    own = replace(_point(0, ""), via="", t=2022.0, period="2022")
    a, b = replace(own, t=2018.0, value=100.0), replace(own, t=2019.0, value=150.0, actual_id="syn-b")
    cap = RecordGrowth(150 / 100 - 1, a, b, "syn")

    def level(value, bound="exact"):
        out = _beyond_record(r, Evidence((replace(own, value=value, bound=bound),)), th, cap)
        return None if out is None else out.level

    assert level(600) == "likely_missed"
    assert level(700) is None and level(600, "lower") is None and level(700, "upper") is None
    out = _beyond_record(r, Evidence((replace(own, value=600.0),)), th, cap)
    assert out is not None and "needs 67% a year" in out.judgement and "(50%" in out.judgement
    # per-year flows are judged year by year, and an "at most" target is never missed by growth to go
    assert _beyond_record(replace(r, per="year"), Evidence((replace(own, value=600.0),)), th, cap) is None
    low = _resolved("<=", 1000)
    assert _beyond_record(low, Evidence((replace(own, value=600.0),)), threshold(low, Evidence(())), cap) is None
