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


def test_synthetic_a_year_opening_a_plan_sentence_and_a_tier_heading_a_semicolon_list_govern_the_list():
    # a plan of 2022-12-20: 会议提出，2023年，… sets the goals of 2023; 力争实现 heads the list of goals separated by
    # semicolons, so each item is 2023's and a stretch goal (before: 2022 and no tier after the first item); the
    # next paragraph's 全年 is the same year of the goals
    text = (
        "会议提出，2023年，全区将聚焦产业强区，力争实现地区生产总值增长9%以上；固定资产投资增长15%以上；"
        "社会消费品零售总额增长8%以上。\n推动产业升级，全年实现规上工业总产值460亿元。"
    )
    found = cands(text, kind="plan", issued="2022-12-20")
    for value in (9.0, 15.0, 8.0):
        row = by_value(found, value)
        assert (row.target_year, row.tier) == (2023, "stretch"), value
    assert by_value(found, 460.0).target_year == 2023


def test_synthetic_guard_a_tier_word_inside_a_longer_piece_governs_that_piece_only():
    # 力争 heads the goals of its own clause and the breakdown after it (项目50个，新增营业收入200亿元); the piece after
    # the semicolon opens its own goal (全年…) and is no stretch goal
    text = "确保项目有序推进，力争全年完成投产项目50个，新增营业收入200亿元；全年工业投资增速达到15%。"
    found = cands(text, kind="plan", issued="2022-02-20")
    assert by_value(found, 50.0).tier == "stretch"
    assert by_value(found, 15.0).tier is None
