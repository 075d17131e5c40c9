"""Evidence rules (data/README.md, "Evidence rules"): concordance, bounds, stocks, units, restatements, as-of
discipline, revisions, look-ahead. Known answers are worked out by hand in the comments; the shipped data is used
where the rule is about a real figure, tiny edits of copies where the rule must be shown to bite."""

import shutil

import pandas as pd
import pytest
from conftest import edit_csv

import doubling_analysis as da
from doubling_analysis.model.assess import assess
from doubling_analysis.model.evidence import Point, build_context, own_points
from doubling_analysis.model.targets import judge, observation_interval, plausible_range, target_set


@pytest.fixture(scope="module")
def cat():
    return da.load_catalog()


@pytest.fixture(scope="module")
def t2026(cat):
    return assess(cat, "2026Q3", n_paths=200).set_index("target_id")


def test_near_is_an_upper_bound_with_a_lower_margin():
    # 接近8千亿: [8000 × (1 - 0.10), 8000) = [7200, 8000)
    obs = observation_interval(8000, "upper")
    assert (obs.low, obs.high, obs.high_closed) == (7200, 8000, False)
    assert judge(obs, target_set(10000, ">=", "亿元")) == "missed"
    assert judge(obs, target_set(7500, ">=", "亿元")) == "undetermined"
    assert judge(obs, target_set(7000, ">=", "亿元")) == "achieved"
    # 突破1000 integrates over (1000, 1100] for probabilities; 接近 over [7200, 8000)
    assert plausible_range(1000, "lower") == (1000, 1100)
    assert plausible_range(8000, "upper") == (7200, 8000)


@pytest.mark.integration
def test_concordance_decides_as_likely_and_only_with_the_concordance(t2026, data_copy):
    # jx19-002: 主营业务收入 of electronics >= 1万亿 in 2023; 2023 营业收入 1.08万亿 (ar162) via the 2019 rename
    r = t2026.loc["jx19-002"]
    assert r["outcome"] == "likely_achieved" and r["outcome_ids"] == "ar162" and "sector_revenue" in r["judgement"]
    # jx19-001: nonferrous >= 1万亿; 2023 营业收入 "接近8千亿" (ar173) is [7200, 8000): operating revenue includes
    # main business revenue, so main revenue < 8000 < 10000: missed outright (issue 19; was likely_missed)
    r = t2026.loc["jx19-001"]
    assert (
        r["outcome"] == "missed" and r["outcome_ids"] == "ar173" and "bounds main_revenue from above" in r["judgement"]
    )
    # without the concordance file nothing links the two indicators: undetermined
    folder = data_copy
    (folder / "concordance.csv").unlink()
    t = assess(da.load_catalog(folder), "2026Q3", projection_method="none").set_index("target_id")
    assert t.loc["jx19-002", "outcome"] == "undetermined" and t.loc["jx19-001", "outcome"] == "undetermined"


def test_inclusion_decides_one_way_outright_and_the_other_only_as_likely():
    """By hand, for a main-revenue target (>= X) and an operating-revenue figure v (main <= operating):
    v < X (exact) -> main < X: missed outright; v >= X -> main may still fall short: likely_achieved; and the
    converse for an operating-revenue target with a main-revenue figure m (operating >= main): m >= X ->
    achieved outright, m < X -> likely_missed. Synthetic resolved targets and points, named so."""
    from doubling_analysis.model.assess import Resolved, Threshold, _decide_point

    def decide(series, relation, value, bound="exact"):
        r = Resolved(
            "synthetic-t", "X", series, "", "level", "up", "value", series, 2023, 2020, 100.0, None, ">=", "亿元",
            None, None, None, None, None, None, "synthetic-doc",
        )  # fmt: skip
        th = Threshold(target_set(100.0, ">=", "亿元"), 100.0)
        other = "revenue" if series == "main_revenue" else "main_revenue"
        p = Point(2023.0, value, bound, "2023", "synthetic-a", "year", via=other, relation=relation)
        return _decide_point(r, th, p).level

    assert decide("main_revenue", "included_in", 95.0) == "missed"
    assert decide("main_revenue", "included_in", 105.0) == "likely_achieved"
    # 突破95 says nothing about 100 either way (operating revenue in (95, inf)): undetermined
    assert decide("main_revenue", "included_in", 95.0, "lower") == "undetermined"
    assert decide("revenue", "includes", 105.0) == "achieved"
    assert decide("revenue", "includes", 95.0) == "likely_missed"
    assert decide("revenue", "same_measure", 105.0) == "likely_achieved"  # no direction: likely either way


def test_a_concordance_row_holds_both_ways(cat):
    """main_revenue included_in revenue (concordance.csv) is also revenue includes main_revenue."""
    ctx = build_context(cat, "2026Q3")
    assert [r.other for r in ctx.relations[("main_revenue", "included_in")]] == ["sector_revenue", "revenue"]
    assert [r.other for r in ctx.relations[("revenue", "includes")]] == ["main_revenue"]


def test_a_different_scope_is_noted_never_merged(cat):
    # Ganzhou's electronics cluster output (产值) 2021 target vs the industry's 营业收入 1326.6 (ar071)
    r = assess(cat, "2022Q3", projection_method="none").set_index("target_id").loc["gz21-011"]
    assert r["outcome"] == "undetermined" and "another scope" in r["note"] and "ar071" in r["note"]


def test_stocks_near_the_target_year(t2026):
    # above-scale firms > 15000 in 2023: 突破1.8万家 in May 2024 (ar100), 5 months after; allowing 10 % a year
    # (4 % over 5 months) the year-end stock is above 18000 × 0.96 = 17280 > 15000
    r = t2026.loc["jx19-025"]
    assert r["outcome"] == "likely_achieved" and r["outcome_ids"] == "ar100" and "5 months" in r["judgement"]
    # 千亿 zones ~15 (>= 14.25) in 2023: 6 in June 2024 (ar199): 6 × 1.05 = 6.3 < 14.25
    assert t2026.loc["jx19-020", "outcome"] == "likely_missed"


@pytest.mark.integration
def test_a_stock_outside_the_window_does_not_decide(data_copy):
    # move ar199 (6 parks, 2024-06) to 2024-08: 8 months after 2023 > the 6-month window
    folder = data_copy
    path = folder / "actuals.csv"
    text = path.read_text(encoding="utf-8")
    assert "ar199,360000,zones_rev_over_100bn,,2024-06,6," in text
    line = next(x for x in text.splitlines() if x.startswith("ar199,"))
    moved = line.replace(",2024-06,6,", ",2024-08,6,").replace(",2024-06-15,", ",2024-09-15,")
    text = text.replace(line, moved)
    path.write_text(text, encoding="utf-8")
    cat = da.load_catalog(folder)
    t = assess(cat, "2026Q3", projection_method="none").set_index("target_id")
    r = t.loc["jx19-020"]
    assert "ar199" not in str(r["outcome_ids"]) and "stock at" not in str(r["judgement"])
    # what decides instead (issue 19): from 2020's 5 zones (ar198) to 14.25 in 2023 needs (14.25 / 5)^(1/3) - 1
    # = 41.8 % a year, beyond the record's highest annual growth of a count, 26 -> 35 (ar106): 34.6 %
    assert r["outcome"] == "likely_missed" and r["outcome_ids"] == "ar198"
    assert "needs 42% a year" in r["judgement"] and "(35%" in r["judgement"] and "ar106" in r["judgement"]


def test_existential_and_universal_targets(t2026):
    # gz21-047: at least one park with revenue >= 1000亿 in 2021: the development zone's 1160 (ar066) decides
    r = t2026.loc["gz21-047"]
    assert r["outcome"] == "achieved" and r["outcome_ids"] == "ar066" and "360700-JKQ" in r["note"]
    # jx19-017: every city with a 千亿 cluster; Ganzhou's 4 (ar054) cannot decide "each"
    assert t2026.loc["jx19-017", "outcome"] == "undetermined"


def test_restatements_are_counted_once(t2026):
    assert not t2026.loc["jdz22-050", "counted"] and t2026.loc["jdz22-050", "same_as"] == "jdz22-002"
    assert t2026.loc["jdz22-002", "counted"]
    assert "restates jdz22-002" in t2026.loc["jdz22-050", "note"]


def test_a_restatement_of_another_measure_is_a_data_error(data_copy):
    folder = data_copy
    path = folder / "targets.csv"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("jdz22-050,"))
    path.write_text(text.replace(line, line.replace(",jdz22-002,", ",jdz22-003,")), encoding="utf-8")
    report, _ = da.validate(folder)
    assert any(v.column == "same_as" and v.value == "jdz22-003" for v in report.errors)


def test_targets_appear_from_their_issue_date(cat):
    t = assess(cat, "2021Q2", projection_method="none")
    # jdz-2022-plan (2022-02-07), cj-2021-2023-plan (2021-07-07) and the High-tech Zone article ("2021": from
    # 2021-12-31) were not issued yet; the province's plan (2019) and Ganzhou's work points (2021-04-26) were
    assert set(t["source_id"]) == {"jx-2019-2023-2+6+N", "gz-2021-workpoints"}


def test_published_revisions_replace_the_preliminary_figure_from_their_date(cat):
    # Jingdezhen 2022 GDP: preliminary 1192.19 (ar010); revised down by 73 (ar013, published 2026-01)
    before = own_points(build_context(cat, "2025Q4"), "value", "360200", "gdp", "")
    after = own_points(build_context(cat, "2026Q3"), "value", "360200", "gdp", "")
    b22 = next(p for p in before if p.t == 2022)
    a22 = next(p for p in after if p.t == 2022)
    assert b22.value == pytest.approx(1192.19) and b22.actual_id == "ar010"
    assert a22.value == pytest.approx(1192.19 - 73) and a22.actual_id == "ar010+ar013"


def test_a_figure_published_before_its_period_ended_is_an_error(data_copy):
    folder = data_copy
    path = folder / "actuals.csv"
    text = path.read_text(encoding="utf-8")
    # ar149: Jiangxi 2021 revenue, published 2022-08-22 -> pretend 2021-06-30 (a look-ahead)
    assert ",2021,43976.7,亿元,exact,25.6,final,2022-08-22," in text
    path.write_text(
        text.replace(
            ",2021,43976.7,亿元,exact,25.6,final,2022-08-22,", ",2021,43976.7,亿元,exact,25.6,final,2021-06-30,"
        ),
        encoding="utf-8",
    )
    report, _ = da.validate(folder)
    bad = [v for v in report.errors if v.column == "published"]
    assert len(bad) == 1 and "after the period 2021 ended" in bad[0].expected


def test_progress_categories_give_way_to_the_outcome_after_the_target_year(t2026):
    done = t2026[t2026["outcome"] != "pending"]
    for col in ("category_eurostat", "category_unsd", "category_destatis", "category_escap"):
        assert done[col].isna().all()
    # no negative rate to go: a target already met has none
    assert not (t2026["rate_to_go"] <= 0).any()


def test_implied_base_fills_a_missing_base_year(cat):
    # Ganzhou 2021: revenue 突破4000 and growth 20 %以上 imply a 2020 base of 4000 / 1.2 = 3333.3 (no 2020 figure)
    r = assess(cat, "2022Q1", projection_method="none").set_index("target_id").loc["gz21-002"]
    assert r["base_value"] == pytest.approx(3333.33, abs=0.01) and r["base_actual_id"] == "implied:gz21-002/gz21-003"
    assert "implied by the plan" in r["note"]


def test_hierarchy_and_ambition_use_only_what_was_known(cat):
    from doubling_analysis.model.ambition import ambition
    from doubling_analysis.model.hierarchy import cross_document, hierarchy_sums

    # as of 2021Q2 the Jingdezhen annex (2022-02-07) did not exist: no sums of its children
    h = hierarchy_sums(cat, as_of="2021Q2")
    assert h.empty or "jdz-2022-plan" not in set(h["source_id"])
    assert "jdz-2022-plan" in set(hierarchy_sums(cat, as_of="2022Q1")["source_id"])
    x = cross_document(cat, as_of="2021Q2")
    assert x.empty or not x["later_source"].isin(["jdz-2022-plan", "cj-2021-2023-plan"]).any()
    # ambition as of 2019Q1 sees no growth figure published later (the province's 2019 VA growth came in 2020)
    a = ambition(cat, assess(cat, "2019Q1", projection_method="none"))
    assert a["own_years"].fillna("").str.contains("2019").sum() == 0


@pytest.mark.integration
def test_the_explorer_and_the_table_give_the_same_probability(cat):
    from doubling_analysis.app.explorer import evaluate

    t = assess(cat, "2022Q3", n_paths=4000, scenario_rates=[0.4]).set_index("target_id").loc["jdz22-003"]
    r = evaluate(cat, "jdz22-003", "2022Q3", [0.4], n_paths=4000)
    assert r.p_attain == pytest.approx(t["p_attain"])


def test_a_bound_is_never_a_base_or_a_fitted_point(cat):
    """jdz22-003 (revenue > 1400 in 2022, base 2021): 2021 is known only as 突破千亿 (ar017). Growth figures and
    progress categories computed from it would present a bound as a fact: none is computed, and the row says so."""
    r = assess(cat, "2022Q4", n_paths=200).set_index("target_id").loc["jdz22-003"]
    assert pd.isna(r["base_value"]) and pd.isna(r["required_growth"]) and pd.isna(r["ratio_r"])
    assert "is a bound (ar017): not used as a base" in r["note"]
    # jx19-001: 2020 "突破7000" (ar171) and 2021 "7500左右" (ar172) are no starting point either
    r = assess(cat, "2022Q4", n_paths=200).set_index("target_id").loc["jx19-001"]
    assert pd.isna(r["required_growth"]) and pd.isna(r["observed_growth"]) and pd.isna(r["category_eurostat"])


@pytest.mark.integration
def test_a_threshold_on_a_lower_bound_base_is_never_achieved_by_the_margin(tmp_path):
    """Fixture variant: the 2020 base of t-008 (2 × 2020 revenue) is "突破100" and 2023 is 230. The plausible range
    (100, 110] puts the threshold at most at 220 for probabilities, but a base known only from below has no upper
    end: 230 cannot decide "achieved"; 190 decides "missed" (below 2 × 100)."""
    import shutil
    from pathlib import Path

    syn = Path(__file__).parent / "fixtures" / "synthetic"
    for value, want in (("230", "undetermined"), ("190", "missed")):
        folder = tmp_path / value
        shutil.copytree(syn, folder)
        path = folder / "actuals.csv"
        text = path.read_text(encoding="utf-8").replace(
            "x-004,990101,revenue,,2020,100,亿元,exact,", "x-004,990101,revenue,,2020,100,亿元,lower,"
        )
        assert "x-008,990101,revenue,,2023,205," in text
        text = text.replace("x-008,990101,revenue,,2023,205,", f"x-008,990101,revenue,,2023,{value},")
        path.write_text(text.replace("2023年营收205亿元", f"2023年营收{value}亿元"), encoding="utf-8")
        got = assess(da.load_catalog(folder), "2024Q2", projection_method="none").set_index("target_id")
        assert got.loc["t-008", "outcome"] == want, value


def test_a_restatement_with_a_blank_target_year_is_a_violation_not_a_crash(data_copy):
    """Found while speeding up validation: a blank target year on one side of a same_as link made the comparison
    raise (NA is ambiguous); it is now a reported violation of that row."""
    path = data_copy / "targets.csv"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("jdz22-016,"))
    assert ",2021,2022,21," in line
    path.write_text(text.replace(line, line.replace(",2021,2022,21,", ",2021,,21,")), encoding="utf-8")
    report, _ = da.validate(data_copy)
    assert any(v.file == "targets.csv" and v.column == "same_as" and v.value == "jdz22-007" for v in report.errors)


# ---- official projections (status projected, issue 19) ----------------------------------------------------------

PROJECTION = (
    "synthetic-proj,360000,sector_revenue,vr,2023,{value},亿元,exact,,{status},2023-10-20,news,web-10e54c70,"
    "http://pc.yun.jxntv.cn/p/387574.html,synthetic projection (test fixture),预计全年虚拟现实产业营业收入{value}亿元,"
    "synthetic row: an official projection published before its year ended\n"
)


def _with_projection(folder, value, status="projected"):
    path = folder / "actuals.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + PROJECTION.format(value=value, status=status), encoding="utf-8")
    return folder


def test_validate_accepts_a_projection_published_before_its_period_ends(data_copy):
    report, _ = da.validate(_with_projection(data_copy, 1050))
    assert not [v for v in report.errors if v.value == "2023-10-20"]
    assert report.ok, report.errors


def test_the_same_row_as_a_figure_is_a_look_ahead(data_copy):
    report, _ = da.validate(_with_projection(data_copy, 1050, status="final"))
    assert any(v.column == "published" and v.value == "2023-10-20" for v in report.errors)


@pytest.mark.integration
def test_a_projection_is_evidence_for_p_never_an_outcome(data_copy, tmp_path):
    """jx19-013 (VR main revenue >= 1000 in 2023) as of 2023Q4: the model alone says p = 0.96 (2022: 812; 2023
    paths: median 1419, 80 % interval [1121, 1815], so a log sd of about ln(1815 / 1121) / 2.563 = 0.188). A
    projection of 1050 (synthetic) is an observation with a log error of sd 5 % (the stated prior; no
    projection/figure pairs). By hand, as two normals in logs: precisions 1 / 0.188² = 28.3 and 1 / 0.05² = 400,
    posterior mean ln 1050 + 28.3 × ln(1419 / 1050) / 428.3 = ln 1050 + 0.0199, sd 1 / sqrt(428.3) = 0.0483;
    P(>= 1000) = P(z > (ln(1000 / 1050) - 0.0199) / 0.0483 = -1.42) = 0.92 (the t likelihood's tails: about so).
    After the year (2024-01-15), no figure: the outcome stays undetermined; p stays a nowcast."""
    cat = da.load_catalog(_with_projection(data_copy, 1050))
    r = assess(cat, "2023Q4", n_paths=20000, only=["jx19-013"]).set_index("target_id").loc["jx19-013"]
    assert 0.88 < r["p_attain"] < 0.95 and r["p_model"].endswith("+projection") and "synthetic-proj" in r["note"]
    after = assess(cat, "2024-01-15", n_paths=4000, only=["jx19-013"]).set_index("target_id").loc["jx19-013"]
    assert after["outcome"] == "undetermined" and pd.isna(after["outcome_ids"])
    other = tmp_path / "high"
    shutil.copytree(data_copy.parent / "data", other)
    path = other / "actuals.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("营业收入1050亿元", "营业收入1500亿元").replace(
        ",2023,1050,亿元,", ",2023,1500,亿元,"), encoding="utf-8")  # fmt: skip
    high = da.load_catalog(other)  # far above the target: still no outcome
    h = assess(high, "2024-01-15", n_paths=4000, only=["jx19-013"]).set_index("target_id").loc["jx19-013"]
    assert h["outcome"] == "undetermined" and h["p_attain"] > 0.95


@pytest.mark.integration
def test_an_inclusion_is_used_both_ways(data_copy):
    """Flip the relation of main_revenue and sector_revenue to "includes" (main revenue would then be at least the
    operating revenue): jx19-002's 1.08万亿 >= 1万亿 (ar162) decides achieved outright, and jx19-001's
    [7200, 8000) < 10000 (ar173) only likely_missed. With same_measure neither is outright (the old rule)."""
    path = data_copy / "concordance.csv"
    text = path.read_text(encoding="utf-8")
    old = "main_revenue,sector_revenue,2019,,included_in,"
    assert old in text
    for relation, want in (
        ("includes", ("achieved", "likely_missed")),
        ("same_measure", ("likely_achieved", "likely_missed")),
    ):
        path.write_text(text.replace(old, f"main_revenue,sector_revenue,2019,,{relation},"), encoding="utf-8")
        t = assess(da.load_catalog(data_copy), "2026Q3", projection_method="none").set_index("target_id")
        assert (t.loc["jx19-002", "outcome"], t.loc["jx19-001", "outcome"]) == want, relation


@pytest.mark.integration
def test_a_target_beyond_any_growth_in_the_record_is_likely_missed(t2026, data_copy, monkeypatch):
    """jx19-006: textiles main revenue >= 5000亿 in 2023; latest known 2022 营业收入 1725 (ar174): the rate to go is
    5000 / 1725 - 1 = 189.9 % in one year. The record's highest annual growth of a money level is VR revenue
    42 -> 120 (2018 -> 2019, ar176): 120 / 42 - 1 = 185.7 %. 189.9 % > 1.0 × 185.7 %: likely_missed."""
    r = t2026.loc["jx19-006"]
    assert r["outcome"] == "likely_missed" and r["outcome_ids"] == "ar174"
    assert "needs 190% a year" in r["judgement"] and "(186%" in r["judgement"] and "ar176" in r["judgement"]
    # a factor of 1.1 allows 1.1 × 185.7 % = 204 % > 189.9 %: no decision
    from doubling_analysis import config

    monkeypatch.setattr(config, "MAX_GROWTH_FACTOR", 1.1)
    t = assess(da.load_catalog(), "2026Q3", projection_method="none", only=["jx19-006"]).set_index("target_id")
    assert t.loc["jx19-006", "outcome"] == "undetermined"
    monkeypatch.undo()
    # as of a date when ar174 (2022) was not yet published, the latest figure is 2021 1913 (ar2-015): the rate to go
    # (5000 / 1913)^(1/2) - 1 = 61.7 % a year is within the record: no decision
    edit_csv(
        data_copy / "actuals.csv",
        "ar174,360000,sector_revenue,textiles,2022,1725,亿元,exact,,final,2023,",
        "ar174,360000,sector_revenue,textiles,2022,1725,亿元,exact,,final,2026-06,",
    )
    cat = da.load_catalog(data_copy)
    early = assess(cat, "2026Q1", projection_method="none", only=["jx19-006"]).set_index("target_id")
    late = assess(cat, "2026Q3", projection_method="none", only=["jx19-006"]).set_index("target_id")
    assert early.loc["jx19-006", "outcome"] == "undetermined"
    assert late.loc["jx19-006", "outcome"] == "likely_missed"


@pytest.mark.integration
def test_a_projection_is_accepted_by_validate_and_never_decides_alone(data_copy):
    """ar162 (2023 electronics operating revenue 1.08万亿) decides jx19-002 likely_achieved. Recorded instead as an
    official projection published on 2023-10-01, before 2023 ended: validate accepts it (as a preliminary figure it
    is a look-ahead error), the evidence point says status projected, and jx19-002 is undetermined (nothing else
    of 2023 is known before ar2-003-2023, a lower bound 突破1万亿 published 2025-03-31, so as of 2024Q4)."""
    from doubling_analysis.model.evidence import build_context, own_points, projection_points

    path = data_copy / "actuals.csv"
    old = "ar162,360000,sector_revenue,electronics,2023,1.08,万亿元,exact,,final,2024-05-16,"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old.replace(",final,2024-05-16,", ",preliminary,2023-10-01,")), "utf-8")
    report, _ = da.validate(data_copy)
    assert [(v.row, v.column) for v in report.errors if v.file == "actuals.csv"] == [(141, "published")]
    path.write_text(text.replace(old, old.replace(",final,2024-05-16,", ",projected,2023-10-01,")), "utf-8")
    report, _ = da.validate(data_copy)
    assert not [v for v in report.errors if v.file == "actuals.csv"]
    cat = da.load_catalog(data_copy)
    ctx = build_context(cat, "2024Q4")
    # a projection is never a figure of the series: it is kept apart, as evidence for p
    pts = own_points(ctx, "value", "360000", "sector_revenue", "electronics")
    assert "ar162" not in {p.actual_id for p in pts}
    p = next(p for p in projection_points(ctx, "value", "360000", "sector_revenue", "electronics"))
    assert p.actual_id == "ar162" and p.status == "projected" and p.projected
    r = assess(cat, "2024Q4", projection_method="none", only=["jx19-002"]).set_index("target_id").loc["jx19-002"]
    assert r["outcome"] == "undetermined" and "projection (2023 10,800, ar162)" in r["note"]
    # a projection needs its publication date: a located error without it
    path.write_text(text.replace(old, old.replace(",final,2024-05-16,", ",projected,,")), "utf-8")
    report, _ = da.validate(data_copy)
    bad = [v for v in report.errors if v.file == "actuals.csv"]
    assert [(v.row, v.column) for v in bad] == [(141, "published")] and "projection" in bad[0].expected


@pytest.mark.integration
def test_a_contested_count_names_the_conflicting_figure(t2026, data_copy):
    """jx19-018 (>= 10 千亿 clusters in Jiangxi, 2023) is likely_missed from the province's 4 in June 2024 (ar095,
    t = 2023.5); Ganzhou (360700) alone reports 4 such clusters in 2023 (ar054, t = 2023.0): within a year and
    4 >= 4, so the judgement names it. Without ar054 nothing is contested."""
    r = t2026.loc["jx19-018"]
    assert r["outcome"] == "likely_missed" and r["outcome_ids"] == "ar095"
    assert "contested" in r["judgement"] and "360700 2023 4 (ar054)" in r["judgement"]
    path = data_copy / "actuals.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert sum(x.startswith("ar054,") for x in lines) == 1
    path.write_text("".join(x for x in lines if not x.startswith("ar054,")), encoding="utf-8")
    t = assess(da.load_catalog(data_copy), "2026Q3", projection_method="none", only=["jx19-018"])
    assert t.set_index("target_id").loc["jx19-018", "outcome"] == "likely_missed"
    assert "contested" not in t.set_index("target_id").loc["jx19-018", "judgement"]
