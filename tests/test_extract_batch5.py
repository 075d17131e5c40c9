"""Extraction rules written on batch 5 of the held-out passages (issue 22): undated documents and years/periods.

Every text here is synthetic (written for the test, of no real jurisdiction's page); the expected rows are worked
out by hand from the wording, as each comment says.
"""

from __future__ import annotations

from doubling_analysis.app.cli import main
from doubling_analysis.extract import candidates as ex


def cands(text, kind="report", issued=None, jurisdiction="360200"):
    ctx, vocab = ex.context_from_data(text, kind, jurisdiction, "synthetic-doc", issued)
    return ex.extract_text(text, ctx, vocab)


# ---- item 1: a document without a year ---------------------------------------------------------------------------

SYNTHETIC_UNDATED = "去年，全市规模以上工业增加值完成512.4亿元，同比增长7.5%。"


def test_synthetic_undated_report_rows_have_no_year():
    # no --issued and no year in the text: the level 512.4 亿元 of va and its growth 7.5 % (va_growth) are
    # extracted as usual; 去年 cannot be placed, so the period is empty with review code year_unknown (never a guess)
    found = cands(SYNTHETIC_UNDATED)
    assert [(c.value, c.unit, c.indicator_code, c.growth_pct, c.period, c.bound) for c in found] == [
        (512.4, "亿元", "va", 7.5, None, "exact"),
        (None, None, "va_growth", 7.5, None, "exact"),
    ]
    assert all("year_unknown" in c.review and "default_year" not in c.review for c in found)
    assert all(c.target_year is None and c.base_year is None for c in found)


def test_synthetic_undated_plan_keeps_a_year_written_in_the_text():
    # an undated plan: 到2027年 names the year of the first figure and, as in a dated plan, of the sentence after it
    # (kept, no year_unknown); the base year would be the document's: empty. A plan sentence with no year at all:
    # target_year empty, year_unknown
    found = cands("到2027年，规模以上工业增加值达到800亿元。规模以上工业企业超过1200家。", kind="plan")
    assert [(c.value, c.target_year, c.base_year) for c in found] == [(800.0, 2027, None), (1200.0, 2027, None)]
    assert not any("year_unknown" in c.review for c in found)
    alone = cands("全市规模以上工业企业超过1200家。", kind="plan")
    assert [(c.value, c.target_year, c.base_year, "year_unknown" in c.review) for c in alone] == [
        (1200.0, None, None, True)
    ]


def test_synthetic_undated_report_cli_says_once_how_to_give_the_date(tmp_path, capsys):
    # the CLI extracts the undated page (exit 0, no error) and says once on stderr that periods were left empty
    path = tmp_path / "synthetic_undated.txt"
    path.write_text(SYNTHETIC_UNDATED, encoding="utf-8")
    out = tmp_path / "c.csv"
    args = ["extract", str(path), "--kind", "report", "--jurisdiction", "360200", "--source-id", "synthetic-u"]
    assert main([*args, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("--issued") == 1 and "left empty" in err
    text = out.read_text(encoding="utf-8")
    assert "year_unknown" in text and text.count("\n") == 3  # header + 2 rows


def test_synthetic_dated_report_unchanged(issued="2024-03-05"):
    # with the issue date, 去年 is 2023 (2024 - 1): the period is given and no year_unknown
    found = cands(SYNTHETIC_UNDATED, issued=issued)
    assert [c.period for c in found] == ["2023", "2023"]
    assert not any("year_unknown" in c.review for c in found)
