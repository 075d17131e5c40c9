"""Years, periods, sectors and indicators of the extractor: the general rules written on batches 11 and 12 (issue 22).

Every text here is synthetic (invented sentences in the way Chinese statistical texts and work reports write
periods, dates, bases and lists; no passage of any batch). Each expected row is worked out by hand from the wording,
as the comment on it says; each test of a rule failed on the code before it (main 190e295 for the years and
sectors, 83746f8 for the value-added rules); a guard (named so) checks that a rule does not reach further than it
should, and passes on both.
"""

from __future__ import annotations

from conftest import by_value, extract_synthetic

from doubling_analysis.extract import language as lang


def cands(text: str, kind: str = "report", issued: str | None = "2022-10-20", jurisdiction: str = "360200"):
    return extract_synthetic(text, kind, issued, jurisdiction)


def test_synthetic_quarters_one_to_three_are_january_to_september():
    # 1-3季度 / 一至三季度 = the first three quarters = 9 months to date; 1—2季度 = the first half (6 months)
    assert lang.ytd_months(lang.last_period("1-3季度，全市")) == 9
    assert lang.ytd_months(lang.last_period("一至三季度，全市")) == 9
    assert lang.ytd_months(lang.last_period("1—2季度，全市")) == 6
    assert lang.quarter_alone(lang.last_period("1-3季度，全市")) is None


def test_synthetic_quarters_one_to_three_carry_over_a_semicolon():
    # a page of 2022-10-20: 1-3季度 is January-September 2022 (the 9 months end before October), for the figure of
    # the piece after the semicolon too (before: 2022-07..2022-09 for the first, 2021's third quarter for the second)
    text = "1-3季度，全市工业增加值500.5亿元，增长6.1%；其中，规模以上工业增加值300.3亿元，增长7.2%。"
    found = cands(text)
    assert by_value(found, 500.5).period == "2022-01..2022-09"
    assert by_value(found, 300.3).period == "2022-01..2022-09"
    assert by_value(found, 7.2).period == "2022-01..2022-09"


def test_synthetic_a_quarter_alone_carried_over_a_semicolon_keeps_its_year():
    # 三季度 alone on a page of 2022-10-20: July-September 2022; the piece after the semicolon writes no period, so the
    # same quarter, and its year is the year the quarter ended in (2022), not the full year before (2021)
    text = "三季度，全市规模以上工业增加值增长5.5%；其中，制造业增加值120.4亿元，增长6.6%。"
    assert by_value(cands(text), 120.4).period == "2022-07..2022-09"


def test_synthetic_the_date_heading_a_bulletin_is_not_the_year_it_reports():
    # a bulletin dated 2020年3月12日 on 全年 figures: 全年 ended before the issue date, so the year 2019 (before: 2020,
    # taken from the date line as the bulletin's year)
    text = "某市统计局\n2020年3月12日\n初步核算，全年实现地区生产总值1234.56亿元，比上年增长6.5%。"
    found = cands(text, issued="2020-03-12")
    assert by_value(found, 1234.56).period == "2019"
    assert by_value(found, 6.5).period == "2019"


def test_synthetic_guard_a_year_with_a_period_in_the_head_still_names_the_report_year():
    # 2019年1-9月 in the head is the report's period (not a date): January-September 2019
    text = "2019年1-9月全市工业运行情况\n规模以上工业增加值增长8.1%。"
    assert by_value(cands(text, issued="2019-10-25"), 8.1).period == "2019-01..2019-09"


def test_synthetic_the_level_of_the_year_before_and_the_structure_it_changed_into():
    # a bulletin of 2020 on 2019: 由上年的10:50:40调整为9.5:50.5:40 — the first triple is 2018's (上年 of the report's
    # year), the second 2019's; each part is a share in % (10 + 50 + 40 = 100; 9.5 + 50.5 + 40 = 100)
    text = "全年全市三次产业比例由上年的10.0:50.0:40.0调整为9.5:50.5:40.0。"
    found = cands(text, issued="2020-03-12")
    first = [c for c in found if c.value == 10.0]
    assert first and first[0].period == "2018" and first[0].unit == "%"
    second = by_value(found, 9.5)
    assert second.period == "2019" and second.unit == "%"
    assert by_value(found, 50.5).unit == "%"


def test_synthetic_guard_compared_with_the_year_before_is_a_base_not_a_period():
    # 比上年增长6.5%: 上年 is the base of the growth; the period stays the report's year (2019)
    text = "全年实现地区生产总值1234.56亿元，比上年增长6.5%。"
    assert by_value(cands(text, issued="2020-03-12"), 6.5).period == "2019"


def test_synthetic_a_bare_roc_year_above_100():
    # 桃園市113年工廠營業收入: a bare 113年 = 1911 + 113 = 2024; 100年 stays no year (建党100年 is a duration)
    assert lang.explicit_year("某市113年工廠營業收入總額") == 2024
    assert lang.explicit_year("庆祝建党100年，") is None
    assert lang.explicit_year("某某中学建校120年，") is None  # a duration after 校: no ROC year (review)
    assert lang.explicit_year("具有120年历史的老厂") is None


def test_synthetic_a_roc_base_year_and_its_level():
    # a Taiwanese page of January 2026: 113年 營收 4,500億元 (2024), 較112年的4,000億元 (the base: 2023's level), 增加500億元
    # (the change of 2024: the base year 112 is not the change's year)
    text = "某市113年工廠營業收入總額4,500億元，較112年的4,000億元，增加500億元。"
    found = cands(text, issued="2026-01-04", jurisdiction="ho-synthetic")
    assert by_value(found, 4500.0).period == "2024"
    assert by_value(found, 4000.0).period == "2023"
    assert by_value(found, 500.0).period == "2024"


def test_synthetic_results_in_a_plan_carry_over_a_semicolon():
    # a work report of January 2023: 2022年，…预计达150亿元，增长12%；乙产业产值预计达80亿元，增长9% — the second piece
    # writes no year and no goal, so its figures are results of 2022 too (before: targets of 2023)
    text = "2022年，全市装备制造业产值预计达150亿元，增长12%；食品饮料产值预计达80亿元，增长9%。"
    found = cands(text, kind="plan", issued="2023-01-06")
    assert by_value(found, 80.0).period == "2022" and by_value(found, 80.0).target_year is None
    assert by_value(found, 9.0).period == "2022"


def test_synthetic_guard_a_goal_after_the_semicolon_is_a_target():
    # …增长12%；力争今年产值达到200亿元: 力争 sets a goal, a target of 2023 (not a result of 2022)
    text = "2022年，全市装备制造业产值预计达150亿元，增长12%；力争今年装备制造业产值达到200亿元。"
    found = cands(text, kind="plan", issued="2023-01-06")
    assert by_value(found, 200.0).target_year == 2023


def test_synthetic_each_item_of_a_list_of_goals_has_its_own_sector():
    # 力争绿色化工产值达180亿元、生物医药产值突破90亿元、装备制造业产值达130亿元: one row per figure, each with the
    # sector named in its own item (before: the second and third figures got a row for every sector listed so far)
    text = "2023年，力争绿色化工产值达180亿元、生物医药产值突破90亿元、装备制造业产值达130亿元。"
    found = cands(text, kind="plan", issued="2023-01-06")
    assert [c.sector for c in found if c.value == 90.0] == ["biomedicine"]
    assert [c.sector for c in found if c.value == 130.0] == ["equipment"]


def test_synthetic_guard_sectors_listed_before_respective_figures_keep_the_list():
    # 到2025年，装备制造、食品产业产值均突破100亿元: the list names both sectors before its one figure (no item has a
    # figure of its own): still one row per sector
    text = "到2025年，装备制造、食品产业产值均突破100亿元。"
    found = cands(text, kind="plan", issued="2022-01-20")
    assert sorted(c.sector for c in found if c.value == 100.0) == ["equipment", "food"]


def test_synthetic_a_breakdown_after_a_semicolon_carries_the_value_added():
    # 前三季度，规模以上工业增加值增长7.8%。分三大门类看，采矿业增加值下降10.2%，降幅比上半年收窄3.6个百分点；制造业增长8.6%:
    # the growth of manufacturing in the breakdown of value added (before: no code — the comparison clause 降幅比上半年
    # 收窄 was read as a measure of its own, and 采矿业 was no industry's name)
    text = (
        "前三季度，全市规模以上工业增加值同比增长7.8%。分三大门类看，采矿业增加值同比下降10.2%，"
        "降幅比上半年收窄3.6个百分点；制造业增长8.6%，比上半年提高6.1个百分点。"
    )
    row = by_value(cands(text), 8.6)
    assert (row.indicator_code, row.sector) == ("va_growth", "manufacturing")


def test_synthetic_ownership_types_after_a_semicolon_are_value_added_too():
    # …；分经济类型看，国有企业增长23.3%；股份制企业增长7%: value added by type of ownership (before: no code)
    text = (
        "前三季度，全市规模以上工业增加值同比增长7.8%。分三大门类看，采矿业增加值同比下降10.2%，"
        "降幅比上半年收窄3.6个百分点。分经济类型看，国有企业增长23.3%；股份制企业增长7%。"
    )
    found = cands(text)
    assert by_value(found, 23.3).indicator_code == "va_growth"
    assert by_value(found, 7.0).indicator_code == "va_growth"


def test_synthetic_a_total_with_its_above_scale_part_is_all_industry():
    # 1-3季度，全市实现工业增加值500.5亿元…；其中，规模以上工业增加值300.3亿元: the page gives both, so the first is
    # all industry's (before: above-scale, as a sub-annual 工业增加值 otherwise is)
    text = "1-3季度，全市实现工业增加值500.5亿元，增长6.1%；其中，规模以上工业增加值300.3亿元，增长7.2%。"
    found = cands(text)
    assert by_value(found, 500.5).indicator_code == "industrial_va"
    assert by_value(found, 300.3).indicator_code == "va"


def test_synthetic_guard_above_scale_industry_achieving_value_added_is_above_scale():
    # 5月份，规模以上工业实现工业增加值350.66亿元: above-scale industry's value added (规模以上 before 实现)
    text = "5月份，全市规模以上工业实现工业增加值350.66亿元，同比增长15.2%。"
    assert by_value(cands(text, issued="2022-06-20"), 350.66).indicator_code == "va"


def test_synthetic_guard_a_sub_annual_value_added_alone_is_above_scale():
    # 1-5月，全市工业增加值增长6.5% with no above-scale part given: the monthly statistics cover above-scale firms
    text = "1-5月，全市工业增加值增长6.5%。"
    assert by_value(cands(text, issued="2022-06-20"), 6.5).indicator_code == "va_growth"


def test_synthetic_a_net_increase_is_not_the_gross_new_count():
    # 净增高新技术企业50家: a net change of the stock; the code of 新增高新技术企业 (hitech_firms_new) counts the gross
    # new firms, so a new indicator is proposed (before: hitech_firms_new)
    row = by_value(cands("2023年，全市净增高新技术企业50家。", kind="plan", issued="2023-03-01"), 50.0)
    assert row.indicator_code == "NEW:净增高新技术企业数" and "unknown_indicator" in row.review


def test_synthetic_guard_net_new_above_scale_firms_keep_their_net_code():
    # 净增规上工业企业20家 has a net code of its own (firms_net_new), the longer phrase
    row = by_value(cands("到2025年，净增规上工业企业20家。", kind="plan", issued="2023-03-01"), 20.0)
    assert row.indicator_code == "firms_net_new"


def test_synthetic_a_count_before_a_list_separator_is_not_the_next_items_measure():
    # 引进科创项目120个、新增高新技术企业30家: the 120 projects are not high-tech firms (the next item's phrase); no
    # phrase of the vocabulary names 科创项目, so a new indicator is proposed (before: hitech_firms_new)
    found = cands("2023年，全市引进科创项目120个、新增高新技术企业30家。", kind="plan", issued="2023-03-01")
    assert by_value(found, 120.0).indicator_code.startswith("NEW:")
    assert by_value(found, 30.0).indicator_code == "hitech_firms_new"


def test_synthetic_an_item_naming_its_own_measure_does_not_take_the_items_before():
    # 规上工业增加值增长6%左右、数字经济核心产业增加值增长9%: the second item names a measure of its own that the
    # vocabulary lacks (a new indicator), not the first item's value added
    text = "2026年目标包括规上工业增加值增长6%左右、数字经济核心产业增加值增长9%。"
    found = cands(text, kind="plan", issued="2026-01-09")
    assert by_value(found, 6.0).indicator_code == "va_growth"
    assert by_value(found, 9.0).indicator_code.startswith("NEW:")


def test_synthetic_guard_a_bare_head_noun_item_keeps_the_subject_before():
    # 到2015年，全区实现矿业产值140亿元、增加值78.4亿元: 增加值 alone names no subject, the mining of the item before
    # is its subject, so not a new indicator
    found = cands("到2015年，全区实现矿业产值140亿元、增加值78.4亿元。", kind="plan", issued="2011-06-01")
    assert not (by_value(found, 78.4).indicator_code or "NEW:").startswith("NEW:")


def test_synthetic_counts_of_points_joined_to_percentage_points_are_comparisons():
    # 增速分别高于全省2.6个、3.7个百分点: 2.6个 is 2.6 percentage points (the unit written once after the last), a
    # comparison with the province, which is no figure of the city (before: a candidate 2.6 个)
    found = cands("2014年，全市营业收入和利润总额增速分别高于全省2.6个、3.7个百分点。", issued="2015-03-02")
    assert not [c for c in found if c.value in (2.6, 3.7)]


def test_synthetic_a_rank_between_a_level_and_its_growth_does_not_break_the_subject():
    # 规模以上工业增加值完成1201亿元，总量居全省第3位，增速达11.9%: the growth is the value added's (a rank names no
    # measure; before: no code)
    text = "2014年，全市规模以上工业增加值完成1201亿元，总量居全省第3位，增速达11.9%。"
    assert by_value(cands(text, issued="2015-03-02"), 11.9).indicator_code == "va_growth"


def test_synthetic_a_factory_survey_names_industrys_workers_and_investment_and_its_own_revenue():
    # a release on a factory survey (工廠校正及營運調查): the factories' fixed-asset investment is industry's
    # (industrial_fai), their workers industry's employment (industrial_employment), their revenue not above-scale
    # industry's (a new indicator), and its growth a new one too (before: fai, no code, revenue, no code)
    text = (
        "經濟部公布「112年工廠校正及營運調查」，某市工廠全年固定資產投資額1,200億元，從業人數30.5萬人，"
        "全年總營收1兆2,000億元，成長率5.5%。"
    )
    found = cands(text, issued="2025-01-10", jurisdiction="ho-synthetic")
    assert by_value(found, 1200.0).indicator_code == "industrial_fai"
    assert by_value(found, 30.5).indicator_code == "industrial_employment"
    assert by_value(found, 12000.0).indicator_code == "NEW:工厂营业收入"
    assert by_value(found, 5.5).indicator_code == "NEW:工厂营业收入增速"


def test_synthetic_a_factory_survey_carries_to_the_next_paragraph():
    # the second paragraph names no factory but follows one on factories: 「當年固定資產增購金額」…投入800億元 is the
    # factories' investment (當 and 購 are read as 当 and 购)
    text = "某市113年工廠營業收入總額1兆元。\n\n另在「當年固定資產增購金額」方面，某市113年投入800億元。"
    found = cands(text, issued="2026-01-04", jurisdiction="ho-synthetic")
    assert by_value(found, 800.0).indicator_code == "industrial_fai"


def test_synthetic_guard_fixed_asset_investment_without_factories_is_all_investment():
    # 全市固定资产投资1200亿元 with no factory named: all fixed-asset investment (fai)
    found = cands("2024年，全市固定资产投资1200亿元，增长5.5%。", issued="2025-01-10")
    assert by_value(found, 1200.0).indicator_code == "fai"


def test_synthetic_a_group_of_industries_in_a_report_on_above_scale_industry():
    # 上半年，全市规模以上工业增加值增长8.5%。…五大优势产业集群增加值增长9.5%: the group's (above-scale) value added
    # grew 9.5 % — the measure's code with the group left to the reviewer, as a report's breakdown (before: NEW)
    text = "上半年，全市规模以上工业增加值同比增长8.5%。从行业看，五大优势产业集群增加值增长9.5%。"
    assert by_value(cands(text, issued="2025-07-28"), 9.5).indicator_code == "va_growth"


def test_synthetic_guard_the_tertiary_sector_is_no_group_of_industry():
    # 第三产业增加值增长10.7% in a bulletin that also names 规模以上工业: the services' value added, not industry's
    text = "全年规模以上工业增加值增长8.0%。第三产业增加值增长10.7%。"
    assert by_value(cands(text, issued="2014-03-01"), 10.7).indicator_code != "va_growth"


def test_synthetic_guard_a_group_target_in_a_plan_stays_a_new_indicator():
    # 力争数字经济核心产业增加值年均增长15%以上 in a plan: a target for a group the vocabulary lacks (a new indicator)
    text = "到2026年，规模以上工业增加值年均增长7%，力争数字经济核心产业增加值年均增长15%以上。"
    row = by_value(cands(text, kind="plan", issued="2022-02-16"), 15.0)
    assert row.indicator_code is None or row.indicator_code.startswith("NEW:")


def test_synthetic_counts_of_the_units_of_a_breakdown_are_no_figures():
    # 40个工业大类行业中23个行业增加值实现增长, 14个市州均实现正增长: how many industries or places there
    # are or grew (before: candidates 40, 23, 14 and 152 个); the growth rate beside them stays a figure
    text = "一季度，全省规模以上工业增加值增长6.1%，40个工业大类行业中23个行业增加值实现增长，14个市州均实现正增长。"
    found = cands(text, issued="2024-04-20")
    assert not [c for c in found if c.value in (40.0, 23.0, 14.0)]
    assert by_value(found, 6.1).indicator_code == "va_growth"


def test_synthetic_guard_a_count_of_labelled_industries_or_national_parks_stays_a_figure():
    # 打造3个千亿级行业 (a tier label before the noun) and 建成2个国家级园区 (国家级 is a level, not countries) in a plan:
    # counts a plan sets as goals
    found = cands("到2025年，打造3个千亿级行业，建成2个国家级园区。", kind="plan", issued="2021-06-01")
    assert {3.0, 2.0} <= {c.value for c in found}


def test_synthetic_last_years_results_in_a_work_report():
    # a work report of January 2024: 去年，…增长8.2% is 2023's result (a report row, period 2023), 今年…增长7%左右 the
    # 2024 target (before: both targets of 2023 and 2024)
    text = "去年，全市规模以上工业增加值增长8.2%。今年，全市规模以上工业增加值增长7%左右。"
    found = cands(text, kind="plan", issued="2024-01-15")
    last, goal = by_value(found, 8.2), by_value(found, 7.0)
    assert (last.period, last.target_year) == ("2023", None)
    assert (goal.target_year, goal.period) == (2024, None)


def test_synthetic_the_year_past_in_words_is_the_year_before_the_issue():
    # 过去一年 / 一年来 in a work report of January 2024: 2023 (before: 过去一年 gave a target of 2024; only 过去N年 with
    # N of 2 or more was read as the past)
    for opening in ("过去一年", "一年来"):
        found = cands(f"{opening}，全市实现规上工业营业收入1500亿元，增长9%。", kind="plan", issued="2024-01-15")
        assert by_value(found, 1500.0).period == "2023", opening


def test_synthetic_last_year_as_the_time_of_a_result_and_the_goal_after_it():
    # 上年全县工业增加值完成85亿元 (2021, a result: 上年 not after 比/较), 今年预期目标为增长9% (2022, of the value added:
    # 预期目标 names no measure; before: 2022 target and NEW:预期目标)
    found = cands("上年全县工业增加值完成85亿元，今年预期目标为增长9%。", kind="plan", issued="2022-01-10")
    assert by_value(found, 85.0).period == "2021"
    goal = by_value(found, 9.0)
    assert (goal.target_year, goal.indicator_code) == (2022, "industrial_va_growth")


def test_synthetic_guard_last_year_as_the_basis_of_a_goal_is_no_result():
    # 在去年实现工业总产值突破500亿元基础上，每年保持20%以上的增速，到2025年…: the growth is the goal's, not 去年's
    text = "在去年实现工业总产值突破500亿元基础上，每年保持着20%以上的增速，到2025年力争实现工业总产值突破1000亿元。"
    row = by_value(cands(text, kind="plan", issued="2023-03-01"), 20.0)
    assert row.period is None and row.target_year is not None


def test_synthetic_a_goal_for_the_whole_year_in_a_report_is_this_years():
    # a page of August 2024: 下一步，力争全年增长7%以上 is the goal for 2024 (before: 全年 read as the year just ended)
    found = cands("今年以来，全市规上工业增加值增长6.5%。下一步，力争全年增长7%以上。", issued="2024-08-15")
    assert by_value(found, 7.0).period == "2024"


def test_synthetic_guard_an_estimate_for_the_whole_year_in_january_is_of_the_year_before():
    # 预计全年…增长5.1%左右 on a page of 5 January 2025: the year just ended (2024)
    found = cands("预计全年，规模以上工业增加值同比增长5.1%左右。", issued="2025-01-05")
    assert by_value(found, 5.1).period == "2024"


def test_synthetic_vehicles_and_pieces_are_units():
    # 新能源汽车产量25万辆 (250 000 vehicles), 专利授权1.2万件 (12 000 pieces): counts with their units (before: no
    # candidate for 25万辆, the growth after it left alone)
    found = cands("全市新能源汽车产量25万辆，增长30%；专利授权1.2万件。", issued="2024-02-20")
    assert by_value(found, 25.0).unit == "万辆"
    assert by_value(found, 1.2).unit == "万件"


def test_synthetic_a_share_reached_within_three_years_is_a_level():
    # 三年内…比重提高到40%以上: the share reached by the end of the span (per empty), not a total over it (before:
    # per period); 三年内新增规上企业60家 stays a total over the span (a guard, passes before too)
    row = by_value(
        cands("三年内，全市战略性新兴产业增加值占规上工业增加值比重提高到40%以上。", kind="plan", issued="2023-06-01"),
        40.0,
    )
    assert row.per is None
    flow = by_value(cands("三年内，全市新增规上工业企业60家。", kind="plan", issued="2023-06-01"), 60.0)
    assert flow.per == "period"


def test_synthetic_a_number_inside_a_programmes_name_is_no_figure():
    # 实施“百万辆汽车工程”: the programme's name (with 万辆 a unit and without the name rule: a candidate 100 万辆; on
    # the code before it passes only because 辆 was no unit then)
    assert not cands("全省实施“百万辆汽车工程”。", kind="plan", issued="2021-06-01")


def test_synthetic_doubling_written_fan_fan_and_quadrupling():
    # 3年内实现规上工业营收翻番 (twice the base, =), 到2030年工业总产值翻两番 (four times the base): before, only 翻一番
    # was read, and every doubling got >=
    found = cands("3年内实现规上工业营收翻番。", kind="plan", issued="2022-03-01")
    row = by_value(found, 2.0)
    assert (row.unit, row.comparator) == ("× base", "=")
    quad = by_value(cands("到2030年，工业总产值翻两番。", kind="plan", issued="2022-03-01"), 4.0)
    assert (quad.unit, quad.target_year) == ("× base", 2030)


def test_synthetic_guard_a_doubling_programme_is_at_least_twice():
    # 工业倍增三年行动计划 (the seeds' reading: at least twice the base, >=)
    row = by_value(cands("实施工业倍增三年行动计划。", kind="plan", issued="2021-03-01"), 2.0)
    assert row.comparator == ">="


def test_synthetic_a_comparison_with_all_of_society_is_no_figure():
    # 工业用电量增长9.8%，高于全社会用电量增速2.1个百分点: 2.1 points compare with another measure (left out)
    found = cands("2024年，全市工业用电量增长9.8%，高于全社会用电量增速2.1个百分点。", issued="2025-01-20")
    assert not [c for c in found if c.value == 2.1]


def test_synthetic_a_rate_per_year_runs_to_the_year_written_after_it():
    # 工业总产值年均增长15%以上，2025年达到1万亿元: the rate per year is a target to 2025 (before: the issue year 2021)
    found = cands("全市工业总产值年均增长15%以上，2025年达到1万亿元。", kind="plan", issued="2021-03-01")
    assert by_value(found, 15.0).target_year == 2025


# ---- rules written on batch 12 (development after its blind score; main 5fc898e before them) ------------------


def test_synthetic_to_a_past_year_in_a_work_report_is_a_result():
    # a work report of April 2017: 地区生产总值从2011年的1000亿元增加到2016年的1500亿元，年均增长8.4% — 到2016年 is
    # before the issue year, so the levels are results of 2011 and 2016 and the rate per year is over 2012..2016
    # (before: 到2016年 was read as a goal, a target of 2016, and the rate a target too)
    text = "地区生产总值从2011年的1000亿元增加到2016年的1500亿元，年均增长8.4%。"
    found = cands(text, kind="plan", issued="2017-04-22")
    assert by_value(found, 1500.0).period == "2016"
    assert by_value(found, 8.4).period == "2012..2016"


def test_synthetic_a_heading_over_past_years_and_a_heading_naming_the_year_of_the_goals():
    # headings of a work report of 2017: 赶超发展的五年 (the results of 2012..2016: 从59.5%提高到62.9% is 2011's level
    # and 2016's), 今后五年的重点目标 (to 2021), 2017年主要工作 (the goals of 2017; before: 2021 carried on)
    text = (
        "赶超发展的五年\n全市城市化率从59.5%提高到62.9%;\n今后五年的重点目标\n地区生产总值突破3000亿元;\n"
        "2017年主要工作\n地区生产总值增长7.5%以上;"
    )
    found = cands(text, kind="plan", issued="2017-04-22")
    assert by_value(found, 59.5).period == "2011"
    assert by_value(found, 62.9).period == "2016"
    assert by_value(found, 3000.0).target_year == 2021
    assert by_value(found, 7.5).target_year == 2017


def test_synthetic_a_sentence_naming_a_month_alone_sets_the_period_after_it():
    # a page of 23 September 2022: 某市8月份工业经济回暖态势明显。当月，该市完成工业总产值179.5亿元 — August 2022
    # alone (before: the full year before, 2021); 1月至8月 after it stays the year to date
    text = "某市8月份工业经济回暖态势明显。当月，该市完成工业总产值179.5亿元，同比增长37.6%。1月至8月，该市累计完成工业产值1588.1亿元。"
    found = cands(text, issued="2022-09-23")
    assert by_value(found, 179.5).period == "2022-08"
    assert by_value(found, 1588.1).period == "2022-01..2022-08"


def test_synthetic_goals_named_in_quotation_marks_keep_the_year_they_were_set_for():
    # 到2022年，…实现“五强”发展目标；到2025年，…总产值超过1万亿元。“五强”目标具体为：…年均增长15%以上 — the
    # detailed “五强” goals are of 2022 (before: 2025, the last year written)
    text = "到2022年，全市实现“五强”发展目标；到2025年，全市工业总产值超过1万亿元。“五强”目标具体为：全市工业总产值年均增长15%以上。"
    found = cands(text, kind="plan", issued="2019-12-04")
    assert by_value(found, 1.0).target_year == 2025
    assert by_value(found, 15.0).target_year == 2022


def test_synthetic_a_tier_label_after_a_count_with_yishang_is_no_figure():
    # 形成6个以上千亿级支柱产业: the count (6, at least) is the figure, 千亿级 its label (before: a candidate 1000 亿元)
    found = cands("到2025年，形成6个以上千亿级支柱产业。", kind="plan", issued="2019-12-04")
    assert [c.value for c in found] == [6.0]


def test_synthetic_above_scale_firms_achieving_value_added():
    # 全年，规模以上工业企业实现增加值1361.97亿元，比上年增长12%: above-scale value added and its growth (before: NEW)
    found = cands("全年，规模以上工业企业实现增加值1361.97亿元，比上年增长12%。", issued="2022-05-01")
    assert by_value(found, 1361.97).indicator_code == "va"
    assert by_value(found, 12.0).indicator_code == "va_growth"


def test_synthetic_industries_listed_before_respective_growth_rates():
    # 前7个月，规上工业增加值增长8.4%。…。纺织、化学原料、非金属矿物等行业，持续保持较高增速，分别增长11.4%、19.6%和
    # 14.2%: those industries' value added (before: no code)
    text = (
        "前7个月，全市规上工业增加值同比增长8.4%。\n\n从重点行业看，前7个月，33个行业大类中，近八成行业正增长，16个行业两位数增长。"
        "纺织、化学原料、非金属矿物等行业，持续保持较高增速，分别增长11.4%、19.6%和14.2%。"
    )
    found = cands(text, issued="2024-08-23")
    assert [by_value(found, v).indicator_code for v in (11.4, 19.6, 14.2)] == ["va_growth"] * 3


def test_synthetic_an_aggregate_of_the_statistics_with_a_generic_measure_is_a_new_indicator():
    # 战略性新兴产业产值增长19%, 高新技术产业增加值增长17%, 数字经济核心产业增加值增速保持15%以上: no code names these
    # aggregates' output or value added (before: output_value_growth, va_growth, output_value_growth)
    found = cands("全年，战略性新兴产业产值增长19%，高新技术产业增加值增长17%。", issued="2019-01-20")
    assert by_value(found, 19.0).indicator_code == "NEW:战略性新兴产业产值增速"
    assert by_value(found, 17.0).indicator_code.startswith("NEW:高新技术产业增加值")
    plan = cands("到2025年，数字经济核心产业增加值增速保持15%以上。", kind="plan", issued="2021-06-01")
    assert by_value(plan, 15.0).indicator_code.startswith("NEW:数字经济核心产业增加值")


def test_synthetic_guard_an_aggregates_share_keeps_its_code():
    # 战略性新兴产业增加值占规上工业增加值比重达到30%: the share has a code (sei_va_share)
    found = cands("到2025年，战略性新兴产业增加值占规上工业增加值比重达到30%。", kind="plan", issued="2021-06-01")
    assert by_value(found, 30.0).indicator_code == "sei_va_share"


def test_synthetic_respective_growth_of_a_known_and_an_unknown_measure():
    # 货物贸易、服务贸易分别增长15.3%、29.6%: the first is goods trade (trade_total_growth), the second services trade,
    # which no code names (before: both NEW, then both trade_total_growth)
    found = cands("全年，全省货物贸易、服务贸易分别增长15.3%、29.6%。", issued="2024-01-25")
    assert by_value(found, 15.3).indicator_code == "trade_total_growth"
    assert by_value(found, 29.6).indicator_code == "NEW:服务贸易增速"


def test_synthetic_manufacturings_share_written_with_de():
    # 制造业增加值的占比稳定在30%以上: manufacturing's share (before: NEW:增加值的占比稳定)
    found = cands("到2025年，全市制造业增加值的占比稳定在30%以上。", kind="plan", issued="2023-04-01")
    assert by_value(found, 30.0).indicator_code == "mfg_va_share"


def test_synthetic_respective_counts_take_the_phrase_of_their_own_name():
    # 国家制造业单项冠军、国家级专精特新“小巨人”企业分别达到2家、19家: 2 champions, 19 little giants — stocks, which
    # no code names (the codes count new ones), so each a new indicator of its own name (before: both
    # little_giant_firms_new)
    text = "全市规上工业企业增至1295家，国家制造业单项冠军、国家级专精特新“小巨人”企业分别达到2家、19家。"
    found = cands(text, issued="2021-11-18")
    assert by_value(found, 2.0).indicator_code == "NEW:单项冠军数"
    assert by_value(found, 19.0).indicator_code == "NEW:小巨人数"


def test_synthetic_guard_new_little_giants_keep_the_code_for_new_ones():
    # 新增国家级专精特新“小巨人”企业5家: new ones (little_giant_firms_new)
    found = cands("到2025年，新增国家级专精特新“小巨人”企业5家。", kind="plan", issued="2023-03-01")
    assert by_value(found, 5.0).indicator_code == "little_giant_firms_new"


def test_synthetic_applications_are_no_certified_firms():
    # 全市共申报377家高新技术企业: firms that applied (before: hitech_firms, the stock of certified ones)
    found = cands("今年前三季度全市共申报377家高新技术企业。", issued="2021-11-18")
    assert by_value(found, 377.0).indicator_code == "NEW:申报高新技术企业数"


def test_synthetic_new_above_scale_manufacturing_firms():
    # 新增规模以上制造业企业1000户以上: new above-scale firms (firms_new, manufacturing for the reviewer; before: NEW)
    found = cands("到2025年，新增规模以上制造业企业1000户以上。", kind="plan", issued="2019-12-04")
    assert by_value(found, 1000.0).indicator_code == "firms_new"


def test_synthetic_awards_won_in_a_report_are_counts():
    # 获省科技奖励11项，其中一等奖2项 (a report): awards won, counts (before: the sentence was skipped as an incentive)
    found = cands("今年前三季度全市获省科技奖励11项，其中一等奖2项。", issued="2021-11-18")
    assert {c.value for c in found} >= {11.0, 2.0}


def test_synthetic_guard_a_subsidy_in_a_plan_is_no_figure():
    # 对新增规上企业给予10万元奖励 (a plan): the subsidy's amount is no target
    found = cands("对新增规上工业企业给予10万元奖励。", kind="plan", issued="2023-03-01")
    assert not [c for c in found if c.value == 10.0]


def test_synthetic_tenths_in_an_arabic_digit_and_ages_and_a_projects_size():
    # 乘用车增幅逾4成 (more than 0.4), 人均期望寿命80.3岁 (years of age), 超过全省0.4个百分点 (a comparison, left out),
    # 投资10亿元的…项目 (one project's size, left out)
    found = cands("乘用车增幅逾4成。人均期望寿命80.3岁。预计增速超过全省0.4个百分点。", issued="2022-09-23")
    assert by_value(found, 0.4).unit == "ratio" and by_value(found, 0.4).bound == "lower"
    assert by_value(found, 80.3).unit == "岁"
    assert not [c for c in found if c.unit == "pp"]
    assert not [c for c in cands("某镇投资10亿元的智慧显示项目开工。", issued="2022-01-01") if c.value == 10.0]


def test_synthetic_patacas_hong_kong_and_taiwan_dollars_are_no_yuan():
    # 35.2億澳門元, 1200億港元, 3000億新臺幣: each kept in its own currency (before: 澳門元 was read as 亿元, yuan), the
    # measure's code kept and flagged unit_mismatch; 按年增長 is a growth of that measure (before: NEW:按年)
    found = cands("澳門2023年製造業增加值為35.2億澳門元，按年增長8.1%。", issued="2024-10-01", jurisdiction="ho-mo")
    level = by_value(found, 35.2)
    assert (level.unit, level.indicator_code, "unit_mismatch" in level.review) == ("亿澳门元", "industrial_va", True)
    assert by_value(found, 8.1).indicator_code == "industrial_va_growth"
    assert by_value(cands("全年出口總值1200億港元。", issued="2024-02-01"), 1200.0).unit == "亿港元"
    assert by_value(cands("全年出口總值3000億新臺幣。", issued="2024-02-01"), 3000.0).unit == "亿新台币"
    assert lang.canonical(35.2, "亿澳门元", "亿元")[1] != "亿元"


def test_synthetic_ten_thousands_of_items_and_lian_normalised():
    # 5G基站1.2萬個 (12 000 base stations: before, no candidate), 工業互聯網平台20個 (聯 read as 联)
    found = cands("截至2024年底，全市累計建成5G基站1.2萬個，工業互聯網平台20個。", issued="2025-01-15")
    assert by_value(found, 1.2).unit == "万个"
    assert by_value(found, 20.0).indicator_code == "NEW:工业互联网平台"


def test_synthetic_a_tier_before_a_colon_governs_the_items_after_it():
    # 力争到2025年：（一）…1000亿元；（二）新增规上企业100家；（三）…年均增长10%: all three are stretch goals (before:
    # only the first item, in the same piece as 力争)
    text = "力争到2025年：（一）规上工业营收突破1000亿元；（二）新增规上企业100家；（三）工业投资年均增长10%。"
    found = cands(text, kind="plan", issued="2023-03-01")
    assert [by_value(found, v).tier for v in (1000.0, 100.0, 10.0)] == ["stretch"] * 3


def test_synthetic_guard_the_tier_before_a_colon_stops_at_the_paragraphs_end():
    # 力争到2025年：规上工业营收突破1000亿元。 then a paragraph of its own (no list marker): 新增规上企业100家 has no tier
    text = "力争到2025年：规上工业营收突破1000亿元。\n全市新增规上工业企业100家。"
    found = cands(text, kind="plan", issued="2023-03-01")
    assert by_value(found, 1000.0).tier == "stretch" and by_value(found, 100.0).tier is None


# ---- rules written on batch 13 (development after its blind score; main f29a32d before them) ------------------


def test_synthetic_a_year_to_date_in_a_plan_is_a_result():
    # a meeting of March 2018 (kind plan: it also sets goals): 1—2月，全市规上工业增加值增长9.5% is January-February 2018's
    # result; 3月当月…要达到11%以上 is a goal (before: both targets of 2018)
    text = "1—2月，全市规上工业增加值增长9.5%。要实现目标任务，3月当月全市规上工业增加值增速要达到11%以上。"
    found = cands(text, kind="plan", issued="2018-03-26")
    assert (by_value(found, 9.5).period, by_value(found, 9.5).target_year) == ("2018-01..2018-02", None)
    assert by_value(found, 11.0).target_year == 2018


def test_synthetic_a_sentence_opening_with_a_past_year_carries_it_to_the_results_after_it():
    # a conference of February 2019: 2018年，…取得一系列新成绩。全年…同比增长37.9%: 2018's results (before: targets of
    # 2019); 2019年…预期目标是…增长30% stays a target
    text = "2018年，高新区全面落实新发展理念，取得一系列新成绩。全年规模工业增加值同比增长11%。2019年，全年经济增长的预期目标是规模工业增加值增长10%。"
    found = cands(text, kind="plan", issued="2019-02-25")
    assert by_value(found, 11.0).period == "2018"
    assert by_value(found, 10.0).target_year == 2019


def test_synthetic_a_target_year_already_ended_is_a_result():
    # a review of July 2025 of the 十四五 (base year 2020): 2020年至2024年间，…年均增速达4.25% (over 2021..2024); the
    # next sentence writes no year, and the year carried (2024) has ended: 人均可支配收入达38922元 is 2024's result and
    # 较2020年增长25% the change over 2021..2024 (before: targets of 2024)
    text = (
        "全面展示全县“十四五”期间发展成就。\n2020年至2024年间，全县地区生产总值年均增速达4.25%。"
        "人均可支配收入达38922元，较2020年增长25%。"
    )
    found = cands(text, kind="plan", issued="2025-07-28")
    assert by_value(found, 4.25).period == "2021..2024"
    assert (by_value(found, 38922.0).period, by_value(found, 38922.0).target_year) == ("2024", None)
    assert by_value(found, 25.0).period == "2021..2024"


def test_synthetic_certified_anew_in_traditional_characters_and_applying_for_certification():
    # 新認定國家高新技術企業7家 (認 read as 认: new certified firms), 申報認定…6家 (firms to be certified: the new ones,
    # not applications)
    found = cands("2018年新認定國家高新技術企業7家。", issued="2019-02-25")
    assert by_value(found, 7.0).indicator_code == "hitech_firms_new"
    plan = cands("2019年，申報認定國家高新技術企業6家。", kind="plan", issued="2019-02-25")
    assert by_value(plan, 6.0).indicator_code == "hitech_firms_new"


def test_synthetic_an_industrys_value_added_is_no_total_and_a_list_shares_its_measure():
    # a release on above-scale industry: 烟草工业增加值 / 能源工业增加值 are industries' (not all industry's totals), so
    # the paragraph after them is still on above-scale industry: 高技术产业增加值增长41.1% and 新能源电池、硅光伏、绿色铝
    # 产业增加值分别增长23.7%、65.5%、9.2% (one measure shared by the three names) are value added (before: NEW)
    text = (
        "1至7月，全州规上工业增加值同比增长5.0%。\n分三大板块看，烟草工业增加值增长1.5%；能源工业增加值下降1.8%。\n"
        "高端制造业增长较快。高技术产业增加值增长41.1%。新能源电池、硅光伏、绿色铝产业增加值分别同比增长23.7%、65.5%、9.2%。"
    )
    found = cands(text, issued="2025-08-21")
    assert [by_value(found, v).indicator_code for v in (41.1, 23.7, 65.5, 9.2)] == ["va_growth"] * 4


def test_synthetic_chinese_digits_written_position_by_position():
    # a Taiwanese page: 今年一至十月營業額達到二．二六兆元 (2.26 兆元, January-October), 增加六萬三四九二個就業機會
    # (63 492), 共新增一九一六件投資案 (1 916) — before: 26 兆元, 3 492 个, and the year to date not read
    found = cands(
        "科學園區今年一至十月營業額達到二．二六兆元。共新增一九一六件投資案，增加六萬三四九二個就業機會。",
        issued="2025-11-20",
        jurisdiction="ho-tw",
    )
    revenue = by_value(found, 2.26)
    assert (revenue.unit, revenue.period) == ("兆元", "2025-01..2025-10")
    assert by_value(found, 63492.0).unit == "个"
    assert by_value(found, 1916.0).unit == "件"
    assert lang.ytd_months(lang.last_period("去年一月至十二月的")) == 12


def test_synthetic_guard_chinese_numerals_with_units_of_ten_stay_numerals():
    # 十四五 stays the plan's name, 三大门类 a structure, 一千四百亿元 1 400 亿元 (no digit-by-digit reading)
    found = cands("“十四五”期间，全市工业总产值突破一千四百亿元。", kind="plan", issued="2021-05-01")
    row = by_value(found, 1400.0)
    assert row.target_year == 2025


def test_synthetic_guard_a_future_heading_is_no_review_and_places_counted_in_a_plan_stay():
    # 今后的五年 is the plan's horizon, not past years (review); 打造10个特色小镇，建设3个城市中心 are targets
    found = cands("今后的五年\n全市地区生产总值年均增长7%左右。", kind="plan", issued="2021-03-01")
    assert by_value(found, 7.0).target_year is not None
    plan = cands("到2025年，打造10个特色小镇，建设3个城市中心。", kind="plan", issued="2021-03-01")
    assert {10.0, 3.0} <= {c.value for c in plan}
