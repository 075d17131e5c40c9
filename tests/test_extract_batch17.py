"""Years and periods of the extractor: general rules written while batch 17 was being collected (issue 22).

Every text here is synthetic (invented sentences in the way Chinese statistical texts and work reports write spans
of years; no passage of any batch). Each expected row is worked out by hand from the wording, as the comment on it
says; each test of a rule failed on the code before it (main 79dd6de); a guard (named so) checks that a rule does
not reach further than it should, and passes on both.
"""

from __future__ import annotations

from conftest import by_value, extract_synthetic


def cands(text: str, kind: str = "report", issued: str | None = "2023-01-15", jurisdiction: str = "360200"):
    return extract_synthetic(text, kind, issued, jurisdiction)


def test_synthetic_the_past_five_years_of_a_work_report_are_a_span_ending_in_the_report_year():
    # a report of January 2023 is about 2022; 过去五年 are 2018..2022 (before: 2022 alone), the average per year
    # and the 累计 total over the span
    found = cands("过去五年，全县规模以上工业增加值年均增长9.5%，工业投资累计完成850亿元。")
    growth = by_value(found, 9.5)
    assert (growth.period, growth.per) == ("2018..2022", "year")
    total = by_value(found, 850.0)
    assert (total.period, total.per) == ("2018..2022", "period")


def test_synthetic_since_a_five_year_plan_began_ends_in_the_report_year():
    # 十四五以来 in a report of March 2024 (about 2023): 2021..2023, not the whole plan 2021..2025 (before)
    found = cands("十四五以来，全市新增规上工业企业320家，工业技改投资年均增长12%。", issued="2024-03-01")
    assert by_value(found, 320.0).period == "2021..2023"
    assert by_value(found, 12.0).period == "2021..2023"


def test_guard_during_a_five_year_plan_with_an_expectation_is_the_whole_plan():
    # 十四五期间 … 预计 in a review of 2025 (a page of 2025-06, about 2024): the expected total of the plan's five
    # years, 2021..2025, kept as before
    found = cands("十四五期间，全市工业投资总规模预计将超过5000亿元。", issued="2025-06-10")
    assert by_value(found, 5000.0).period == "2021..2025"


def test_synthetic_a_year_written_after_a_span_word_is_the_figures_own_year():
    # 近三年 opens the sentence (2021..2023 for a page of February 2024); 2023年达到650亿元 is the level of 2023
    # (before: 2021..2023); the average growth before it keeps the span
    found = cands("近三年，全县工业总产值年均增长15.2%，2023年达到650亿元。", issued="2024-02-10")
    assert by_value(found, 15.2).period == "2021..2023"
    assert by_value(found, 650.0).period == "2023"
