"""Accepting reviewed candidates: new ids in the pattern of the source, the source text and its sources.csv row,
validation on a copy first (nothing written when it fails), and the new targets in the assessment."""

from __future__ import annotations

import pytest
from test_extract import FIXTURE, XINYU, _add_xinyu, _extract_csv

from doubling_analysis.extract import accept as acc


@pytest.mark.integration
def test_accept_then_assess_shows_the_new_targets(data_copy, tmp_path):
    from doubling_analysis.data.catalog import load_catalog
    from doubling_analysis.model.assess import assess

    _add_xinyu(data_copy)
    result = acc.accept(_extract_csv(tmp_path), data_copy)
    assert result.ids[0] == "xinyu22-001" and len(result.ids) == len(XINYU)  # all rows are high confidence
    assert (data_copy / "sources" / "xinyu-2022-plan.txt").read_text(encoding="utf-8") == FIXTURE.read_text(
        encoding="utf-8"
    )
    cat = load_catalog(data_copy)
    table = assess(cat, "2024Q4", projection_method="none")
    new = table[table["jurisdiction_code"].astype(str) == "360500"]
    assert sorted(new["target_id"]) == result.ids
    src = cat.sources.set_index("source_id").loc["xinyu-2022-plan"]
    assert src["issued"] == "2022-03-01" and src["title_zh"].startswith("新余市工业倍增三年行动计划")


def test_accept_writes_nothing_when_validation_fails(data_copy, tmp_path):
    # the jurisdiction 360500 is not in the copy: every new row fails its foreign key
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    with pytest.raises(acc.AcceptError) as err:
        acc.accept(_extract_csv(tmp_path), data_copy)
    assert any(v.column == "jurisdiction_code" and v.file == "targets.csv" for v in err.value.report.errors)
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before
    assert not (data_copy / "sources" / "xinyu-2022-plan.txt").exists()


def test_accept_continues_the_id_pattern():
    assert acc._next_ids(["jdz22-001", "jdz22-089", "gz21-003"], "jdz22", 2, "plan") == ["jdz22-090", "jdz22-091"]
    assert acc._next_ids(["gxq21-a15"], "gxq21", 1, "report") == ["gxq21-a16"]
    assert acc._id_prefix("xinyu-2022-plan", "2022-03-01") == "xinyu22"


def test_read_candidates_with_a_ragged_row_does_not_crash(tmp_path):
    # a row with one cell more than the header (DictReader puts the extra cells in a list under None): read as is
    _, rows = acc.read_candidates(_extract_csv(tmp_path))
    path = tmp_path / "ragged.csv"
    text = (tmp_path / "candidates.csv").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([text[0], text[1] + ",extra"]) + "\n", encoding="utf-8")
    _, back = acc.read_candidates(path)
    assert back[0][None] == ["extra"] and back[0]["quote"] == rows[0]["quote"]


SYNTHETIC_UNDATED = (
    "上半年，全市规模以上工业增加值同比增长6.2%，工业投资增长10.5%。\n"  # synthetic report, no date, no year
)


def _undated_candidates(tmp_path, data_copy, period: str = "") -> object:
    from doubling_analysis.app.cli import main

    text, out = tmp_path / "undated.txt", tmp_path / "undated.csv"
    text.write_text(SYNTHETIC_UNDATED, encoding="utf-8")
    args = ["extract", str(text), "--jurisdiction", "360200", "--source-id", "synthetic-undated", "--kind", "report"]
    assert main([*args, "--out", str(out), "--data-dir", str(data_copy)]) == 0
    import csv

    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [r["review"].split()[0] for r in rows] == ["year_unknown", "year_unknown"]  # the extractor left the year
    rows[1]["keep"], rows[1]["period"] = "y", period  # the second row: the CSV's line 3
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


def test_a_kept_row_without_its_year_is_refused_by_line_until_the_reviewer_enters_it(data_copy, tmp_path, capsys):
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    with pytest.raises(acc.AcceptError, match=r"undated.csv, row 3, column period: empty \(review year_unknown"):
        acc.accept(_undated_candidates(tmp_path, data_copy), data_copy)
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before
    # once the reviewer writes the period the row is accepted (a synthetic figure, in the test's copy of the data)
    result = acc.accept(_undated_candidates(tmp_path, data_copy, "2024-01..2024-06"), data_copy)
    assert len(result.ids) == 1 and "actuals.csv" in result.files


def test_unfinished_rows_names_a_past_result_kept_in_a_plan():
    rows = [
        {"keep": "y", "target_year": "", "review": "past"},
        {"keep": "", "target_year": "", "review": "past"},  # not kept: nothing to say
        {"keep": "y", "target_year": "2025", "review": "past"},  # entered by the reviewer
    ]
    assert acc.unfinished_rows(rows, "plan", "c.csv") == [
        "c.csv, row 2, column target_year: empty (review past: a result quoted in the plan is an actual, not a "
        "target: enter it in actuals.csv (or extract the text as a report))"
    ]
