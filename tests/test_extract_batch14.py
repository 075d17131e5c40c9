"""Years, periods, tiers and indicators of the extractor: the general rules written on batch 14 (issue 22).

Every text here is synthetic (invented sentences in the way Chinese statistical texts, dispatches and work reports
write periods, bases and lists; no passage of any batch). Each expected row is worked out by hand from the wording,
as the comment on it says; each test of a rule failed on the code before it (main 11384f9); a guard (named so)
checks that a rule does not reach further than it should, and passes on both.
"""

from __future__ import annotations

from conftest import by_value, extract_synthetic


def cands(text: str, kind: str = "report", issued: str | None = "2022-10-20", jurisdiction: str = "360200"):
    return extract_synthetic(text, kind, issued, jurisdiction)


def test_synthetic_a_year_since_is_no_year_of_the_figures_after_it():
    # 2018年以来 (since 2018) opens a run of years; the next sentence's 今年 is the page's year (2022), and so is the
    # piece after its semicolon, which writes no year (before: 2018, carried from 2018年以来)
    text = (
        "园区产值自2012年首度突破千亿元以来，2018年以来更年年增长，去年达到1500亿元。\n"
        "今年各行业产值增长显著；此外园区出口额达到800.5亿元，增长12.3%。"
    )
    found = cands(text, issued="2022-12-10")
    assert by_value(found, 1500.0).period == "2021"
    row = by_value(found, 800.5)
    assert row.period == "2022"
    assert "relative_year" in row.review  # the year comes from 今年: flagged for the reviewer
