"""Loading and validating the data folder: the shipped data is clean and typed; each kind of bad input is
reported with file, spreadsheet row, column, value and expectation, all at once."""

import csv
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, edit_csv

import doubling_analysis as da
from doubling_analysis.data.catalog import ENV_VAR, parse_period


def row_of(path: Path, column: str, value: str) -> int:
    """Spreadsheet row (header = 1) of the record whose ``column`` equals ``value``."""
    with open(path, encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh), start=2):
            if rec[column] == value:
                return i
    raise AssertionError(f"{value} not in {path}")


def errors(folder: Path) -> list[da.Violation]:
    report, _ = da.validate(folder)
    return report.errors


# ---- the shipped data -------------------------------------------------------------------------------------


def test_shipped_data_is_clean():
    report, _ = da.validate(DATA)
    assert report.errors == [], report.format()


def test_catalog_dtypes():
    cat = da.load_catalog(DATA)
    t = cat.targets
    assert isinstance(t["jurisdiction_code"].dtype, pd.CategoricalDtype)
    assert isinstance(t["indicator_code"].dtype, pd.CategoricalDtype)
    assert str(t["base_year"].dtype) == "Int64" and str(t["target_year"].dtype) == "Int64"
    assert str(t["value"].dtype) == "Float64"
    a = cat.actuals
    assert str(a["period_start"].dtype) == "period[M]" and str(a["period_end"].dtype) == "period[M]"
    assert str(a["year"].dtype) == "Int64"
    assert str(cat.indicators["additive"].dtype) == "boolean"


def test_money_in_yi_yuan_and_percent_as_fraction_in_the_catalog():
    t = da.load_catalog(DATA).targets.set_index("target_id")
    # Jingdezhen 2022: 突破1400亿元 stays 1400 亿元; 同比增长8.5% becomes 0.085
    assert t.loc["jdz22-003", "value"] == 1400 and t.loc["jdz22-003", "unit"] == "亿元"
    assert t.loc["jdz22-002", "value"] == pytest.approx(0.085) and t.loc["jdz22-002", "unit"] == "ratio"
    assert t.loc["jdz22-002", "value_as_written"] == 8.5 and t.loc["jdz22-002", "unit_as_written"] == "%"


def test_env_var_points_at_another_folder(monkeypatch, data_copy):
    monkeypatch.setenv(ENV_VAR, str(data_copy))
    assert da.resolve_data_dir() == data_copy
    assert da.resolve_data_dir(DATA) == DATA  # an explicit argument wins


# ---- bad input ---------------------------------------------------------------------------------------------


def test_all_violations_are_reported_together(data_copy):
    tg = data_copy / "targets.csv"
    r_fk, r_year = row_of(tg, "target_id", "jdz22-004"), row_of(tg, "target_id", "jdz22-005")
    edit_csv(tg, "jdz22-004,jdz-2022-plan,360200,profit", "jdz22-004,jdz-2022-plan,360299,profit")
    edit_csv(
        tg,
        "jdz22-005,jdz-2022-plan,360200,firms_net_new,,2021,2022",
        "jdz22-005,jdz-2022-plan,360200,firms_net_new,,2022,2022",
    )
    found = {(v.file, v.row, v.column) for v in errors(data_copy)}
    assert ("targets.csv", r_fk, "jurisdiction_code") in found
    assert ("targets.csv", r_year, "base_year") in found


def test_violation_message_names_file_row_column_value_expectation(data_copy):
    tg = data_copy / "targets.csv"
    r = row_of(tg, "target_id", "jdz22-004")
    edit_csv(
        tg,
        "jdz22-004,jdz-2022-plan,360200,profit,,2021,2022,60,,亿元,=",
        "jdz22-004,jdz-2022-plan,360200,profit,,2021,2022,60,,亿元,≈",
    )
    (v,) = [v for v in errors(data_copy) if v.column == "comparator"]
    text = str(v)
    assert f"targets.csv, row {r}, column comparator" in text
    assert "'≈'" in text and ">=" in text and "~" in text


def test_value_not_in_quote_is_caught(data_copy):
    tg = data_copy / "targets.csv"
    r = row_of(tg, "target_id", "jdz22-003")
    edit_csv(
        tg,
        "2021,2022,1400,,亿元,>,,,,全市规上工业营业收入突破1400亿元",
        "2021,2022,1500,,亿元,>,,,,全市规上工业营业收入突破1400亿元",
    )
    assert ("targets.csv", r, "value") in {(v.file, v.row, v.column) for v in errors(data_copy)}


def test_quote_not_in_source_is_caught(data_copy):
    tg = data_copy / "targets.csv"
    r = row_of(tg, "target_id", "jdz22-003")
    edit_csv(tg, "全市规上工业营业收入突破1400亿元", "全市规上工业营业收入达到1400亿元")
    found = [v for v in errors(data_copy) if v.row == r and v.column == "quote"]
    assert found and "jdz-2022-plan" in found[0].expected


def test_unit_inconsistent_with_indicator(data_copy):
    tg = data_copy / "targets.csv"
    r = row_of(tg, "target_id", "jdz22-003")
    edit_csv(tg, "2021,2022,1400,,亿元,>", "2021,2022,1400,,%,>")
    (v,) = [v for v in errors(data_copy) if v.row == r and v.column == "unit"]
    assert "money" in v.expected


def test_unknown_unit_is_an_error(data_copy):
    tg = data_copy / "targets.csv"
    edit_csv(tg, "2021,2022,1400,,亿元,>", "2021,2022,1400,,亿美元,>")
    assert any(v.column == "unit" and v.value == "亿美元" for v in errors(data_copy))


def test_duplicate_ids(data_copy):
    tg = data_copy / "targets.csv"
    r = row_of(tg, "target_id", "jdz22-004")
    edit_csv(tg, "jdz22-004,", "jdz22-003,")
    (v,) = [v for v in errors(data_copy) if v.column == "target_id"]
    assert v.row == r and "already used in row" in v.expected


def test_fullwidth_digits_are_normalised_with_a_warning(data_copy):
    tg = data_copy / "targets.csv"
    edit_csv(tg, "2021,2022,1400,,亿元,>", "2021,2022,１４００,,亿元,>")
    report, _ = da.validate(data_copy)
    assert report.ok
    assert any(w.column == "value" and w.value == "１４００" for w in report.warnings)
    t = da.load_catalog(data_copy).targets.set_index("target_id")
    assert t.loc["jdz22-003", "value"] == 1400


def test_thousands_separator_is_normalised_and_decimal_comma_rejected(data_copy):
    tg = data_copy / "targets.csv"
    edit_csv(tg, "2021,2022,1400,,亿元,>", '2021,2022,"1,400",,亿元,>')
    report, _ = da.validate(data_copy)
    assert report.ok and any(w.value == "1,400" for w in report.warnings)
    edit_csv(tg, '"1,400"', '"1,40"')
    assert any(v.column == "value" and v.value == "1,40" for v in errors(data_copy))


def test_gbk_saved_file_is_read(data_copy):
    p = data_copy / "jurisdictions.csv"
    p.write_bytes(p.read_text(encoding="utf-8").encode("gb18030"))
    report, frames = da.validate(data_copy)
    assert report.ok
    assert "景德镇市" in set(frames["jurisdictions"]["name_zh"])
    assert any("GB18030" in str(w) and w.file == "jurisdictions.csv" for w in report.warnings)


def test_ragged_row_in_targets(data_copy):
    tg = data_copy / "targets.csv"
    r = row_of(tg, "target_id", "jdz22-004")
    edit_csv(tg, "jdz22-004,jdz-2022-plan,360200,profit,", "jdz22-004,jdz-2022-plan,360200,profit,,,")
    assert ("targets.csv", r, None) in {(v.file, v.row, v.column) for v in errors(data_copy)}


def test_missing_required_column(data_copy):
    ind = data_copy / "indicators.csv"
    text = ind.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace(",direction", ",directions")
    ind.write_text("\n".join(text) + "\n", encoding="utf-8")
    found = {(v.file, v.row, v.column) for v in errors(data_copy)}
    assert ("indicators.csv", 1, "direction") in found


def test_bad_period_and_bound_in_actuals(data_copy):
    ac = data_copy / "actuals.csv"
    rows = list(csv.reader(open(ac, encoding="utf-8", newline="")))
    header = rows[0]
    rows[1][header.index("period")] = "2022-13"
    rows[1][header.index("bound")] = "roughly"
    with open(ac, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    found = {(v.row, v.column) for v in errors(data_copy)}
    assert (2, "period") in found and (2, "bound") in found


def test_load_catalog_raises_with_the_full_report(data_copy):
    edit_csv(
        data_copy / "targets.csv", "jdz22-004,jdz-2022-plan,360200,profit", "jdz22-004,jdz-2022-plan,360299,profit"
    )
    with pytest.raises(da.DataValidationError) as info:
        da.load_catalog(data_copy)
    assert "360299" in str(info.value) and "jurisdictions.csv" in str(info.value)


@pytest.mark.parametrize(
    "text, start, end, kind",
    [
        ("2021", "2021-01", "2021-12", "year"),
        ("2022-01..2022-06", "2022-01", "2022-06", "ytd"),
        ("2021-05", "2021-05", "2021-05", "month"),
        ("2016..2020", "2016-01", "2020-12", "span"),
    ],
)
def test_parse_period(text, start, end, kind):
    assert parse_period(text) == (pd.Period(start, "M"), pd.Period(end, "M"), kind)


# ---- plausibility (issue 10, item 6): data that cannot lie silently --------------------------------------------


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # Jiangxi 2021 revenue (ar149) typed as -1000 亿元: a level cannot be negative
        (",2021,43976.7,亿元,exact,25.6,", ",2021,-1000,亿元,exact,25.6,", "non-negative"),
        # zero is not a level
        (",2021,43976.7,亿元,exact,25.6,", ",2021,0,亿元,exact,25.6,", "zero is not a level"),
        # 1e308 亿元: more than the world's output
        (",2021,43976.7,亿元,exact,25.6,", ",2021,1e308,亿元,exact,25.6,", "world's output"),
        # a count of -26 (Jiangxi's 百亿 firms, ar104: 26)
        (",2020,26,家,exact,", ",2020,-26,家,exact,", "non-negative"),
    ],
)
def test_impossible_figures_are_errors(data_copy, old, new, expected):
    edit_csv(data_copy / "actuals.csv", old, new)
    report, _ = da.validate(data_copy)
    assert any(expected in v.expected for v in report.errors), [str(v) for v in report.errors]


def test_a_unit_slip_is_flagged_with_the_row(data_copy):
    # Jiangxi 2022 revenue (ar152) written as 48295.5 万元 instead of 亿元: 10^4 times too small against the
    # rest of the series (37,909 / 43,977 / 46,645 亿元)
    edit_csv(data_copy / "actuals.csv", ",2022,48295.5,亿元,", ",2022,48295.5,万元,")
    report, _ = da.validate(data_copy)
    slips = [v for v in report.violations if v.column == "value" and "10^-4" in v.expected]
    assert len(slips) == 1 and slips[0].severity == "warning" and slips[0].row is not None


@pytest.mark.parametrize(
    "old, new, column, expected",
    [
        # a publication date pandas cannot represent: validate used to say OK and assess crashed
        ("exact,25.6,final,2022-08-22,", "exact,25.6,final,2622-08-22,", "published", "between 1949 and 2100"),
        # a date in the future: nothing is published after today
        ("exact,25.6,final,2022-08-22,", "exact,25.6,final,2099-08-22,", "published", "not after today"),
        # period 9999
        ("ar149,360000,revenue,,2021,", "ar149,360000,revenue,,9999,", "period", "within 1949-2100"),
        # 1e309 overflows to infinity: validate used to crash
        (",2021,43976.7,亿元,", ",2021,1e309,亿元,", "value", "a finite number"),
    ],
)
def test_out_of_range_dates_periods_and_numbers_are_located_errors(data_copy, old, new, column, expected):
    edit_csv(data_copy / "actuals.csv", old, new)
    report, _ = da.validate(data_copy)
    assert any(v.column == column and expected in v.expected and v.row == 128 for v in report.errors), [
        str(v) for v in report.errors
    ]
