"""Small malformed fixture files, one kind of bad input each (tests/fixtures/malformed/), dropped into the
synthetic fixture folder (tests/fixtures/synthetic/, invented figures, not real data)."""

import shutil
from pathlib import Path

import pytest

import doubling_analysis as da

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def synthetic(tmp_path) -> Path:
    target = tmp_path / "synthetic"
    shutil.copytree(FIXTURES / "synthetic", target)
    return target


def with_file(folder: Path, fixture: str) -> da.ValidationReport:
    table = fixture.split("_")[0] + ".csv"
    shutil.copy(FIXTURES / "malformed" / fixture, folder / table)
    report, _ = da.validate(folder)
    return report


def located(report):
    return {(v.file, v.row, v.column) for v in report.errors}


def test_synthetic_fixture_is_valid_and_converts_every_money_unit(synthetic):
    cat = da.load_catalog(synthetic)
    t = cat.targets.set_index("target_id")
    # by hand: 4,000,000 万元 = 4e10 yuan = 400 亿元; 0.12 万亿元 = 1200 亿元; 0.9 千亿元 = 900 亿元;
    # 12.5 RMB bn = 1.25e10 yuan = 125 亿元; 8.5 % = 0.085
    assert t.loc["t-001", "value"] == pytest.approx(400.0)
    assert t.loc["t-002", "value"] == pytest.approx(1200.0)
    assert t.loc["t-003", "value"] == pytest.approx(900.0)
    assert t.loc["t-004", "value"] == pytest.approx(125.0)
    assert t.loc["t-005", "value"] == pytest.approx(0.085)
    assert t.loc["t-006", "value"] == 1400
    assert set(t["unit"]) == {"亿元", "ratio", "户", "× base"}
    a = cat.actuals.set_index("actual_id")
    assert a.loc["x-001", "value"] == pytest.approx(10500.0)  # 1.05 万亿元
    assert a.loc["x-001", "growth"] == pytest.approx(0.123)
    assert a.loc["x-002", "value"] == pytest.approx(550.0)  # 5,500,000 万元
    assert str(a.loc["x-002", "period_kind"]) == "ytd"


def test_bom_is_read_silently(synthetic):
    assert with_file(synthetic, "targets_bom.csv").violations == []


def test_gb18030_is_read_with_a_warning(synthetic):
    report = with_file(synthetic, "targets_gb18030.csv")
    assert report.ok and [w.file for w in report.warnings] == ["targets.csv"]
    assert da.load_catalog(synthetic).targets["quote"].iloc[0] == "示例市营业收入突破4000000万元"


def test_undecodable_file_is_rejected(synthetic):
    report = with_file(synthetic, "targets_latin1_garbage.csv")
    assert located(report) >= {("targets.csv", None, None)}
    assert "UTF-8" in report.errors[0].expected


def test_fullwidth_digits_are_normalised(synthetic):
    report = with_file(synthetic, "targets_fullwidth.csv")
    assert report.ok and any(w.row == 2 and w.column == "value" for w in report.warnings)
    assert da.load_catalog(synthetic).targets.set_index("target_id").loc["t-001", "value"] == pytest.approx(400.0)


def test_decimal_comma_is_rejected(synthetic):
    report = with_file(synthetic, "targets_decimal_comma.csv")
    assert ("targets.csv", 6, "value") in located(report)


def test_ragged_row(synthetic):
    assert ("targets.csv", 3, None) in located(with_file(synthetic, "targets_ragged.csv"))


def test_unknown_codes(synthetic):
    found = located(with_file(synthetic, "targets_bad_codes.csv"))
    assert {("targets.csv", 4, "jurisdiction_code"), ("targets.csv", 4, "indicator_code")} <= found


def test_base_year_after_target_year(synthetic):
    assert ("targets.csv", 5, "base_year") in located(with_file(synthetic, "targets_bad_years.csv"))


def test_unit_not_matching_indicator(synthetic):
    assert ("targets.csv", 5, "unit") in located(with_file(synthetic, "targets_bad_unit.csv"))


def test_quote_not_holding_the_value(synthetic):
    found = located(with_file(synthetic, "targets_bad_quote.csv"))
    assert {("targets.csv", 2, "quote"), ("targets.csv", 2, "value")} <= found


def test_duplicate_id(synthetic):
    assert ("targets.csv", 7, "target_id") in located(with_file(synthetic, "targets_duplicate_id.csv"))


def test_missing_column(synthetic):
    report = with_file(synthetic, "targets_missing_column.csv")
    assert ("targets.csv", 1, "comparator") in located(report)
    assert any(w.column == "comparison" for w in report.warnings)


def test_bad_period(synthetic):
    report = with_file(synthetic, "actuals_bad_period.csv")
    (v,) = [v for v in report.errors if v.column == "period"]
    assert v.row == 3 and "2022-01..2022-06" in v.expected


def test_bad_enums(synthetic):
    found = located(with_file(synthetic, "actuals_bad_enums.csv"))
    assert {("actuals.csv", 2, "bound"), ("actuals.csv", 2, "status")} <= found


def test_neither_value_nor_growth(synthetic):
    assert ("actuals.csv", 4, "value") in located(with_file(synthetic, "actuals_no_value.csv"))


def test_parent_cycle_and_province_with_a_parent(synthetic):
    report = with_file(synthetic, "jurisdictions_cycle.csv")
    msgs = [v.expected for v in report.errors if v.file == "jurisdictions.csv"]
    assert any("a province has no parent" in m for m in msgs)
    assert any("without a cycle" in m for m in msgs)


def test_impossible_date(synthetic):
    report = with_file(synthetic, "actuals_bad_date.csv")
    assert ("actuals.csv", 3, "published") in located(report)
