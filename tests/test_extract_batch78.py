"""Years, periods, recall and units of the extractor: the general rules written on batches 7 and 8 (issue 22).

Every text here is synthetic (invented sentences in the way Chinese statistical texts write years and periods; no
passage of any batch). Each expected row is worked out by hand from the wording, as the comment on it says; each
test of a rule failed on the code before it (main f9a45de); a guard (named so) checks that a rule does not reach
further than it should, and passes on both.
"""

from __future__ import annotations

from conftest import by_value, extract_synthetic

from doubling_analysis.extract import language as lang


def cands(text: str, kind: str = "report", issued: str | None = "2016-08-01", jurisdiction: str = "360200"):
    return extract_synthetic(text, kind, issued, jurisdiction)


def test_synthetic_a_year_opening_a_report_is_the_year_of_the_sentences_after_it():
    # a yearbook entry posted in 2016 on the year 2013: "2013年，" opens it, so the second sentence's figures are of
    # 2013 (before: the issue year's past year, 2015)
    text = "2013年，全县完成生产总值100.5亿元，同比增长9%。其中，第二产业增加值50.2亿元，增长8.5%。"
    found = cands(text, issued="2016")
    assert by_value(found, 50.2).period == "2013"
    assert by_value(found, 100.5).period == "2013"


def test_synthetic_a_year_after_an_attribution_opens_the_report_too():
    # 会议指出，2024年，…。预计全年，…增长5.1%: the meeting of December 2024 reviews 2024 (before: 2023)
    text = "会议指出，2024年，全市工业运行总体平稳。预计全年，规模以上工业增加值同比增长5.1%左右。"
    assert by_value(cands(text, issued="2024-12-28"), 5.1).period == "2024"


def test_synthetic_guard_a_span_opening_a_report_is_not_a_leading_year():
    # 2020年至2024年，… then a sentence without a year: no single year opened the report, so the default stays
    text = "2020年至2024年，全市工业增加值从100亿元增长到150亿元。全市研发经费占营业收入比重超过1.6%。"
    assert by_value(cands(text, issued="2025-10-09"), 1.6).period == "2024"


def test_synthetic_roc_years():
    # 民國 years: 民國105年 = 1911 + 105 = 2016; a bare 110年 before a report's title (110年工廠營運報告) = 2021;
    # a duration (近20年) or a bare 100年 before no period or title is no year
    assert lang.explicit_year("民國105年，") == 2016
    assert lang.explicit_year("民国105年，") == 2016
    assert lang.explicit_year("公布「110年工廠營運報告」，") == 2021
    assert lang.explicit_year("112年第1季，") == 2023
    assert lang.explicit_year("近20年来，") is None
    assert lang.explicit_year("百年老店传承100年，") is None


def test_synthetic_a_roc_year_in_a_report_head_gives_the_year_of_its_figures():
    # a Taiwanese release of May 2023 on 「110年工廠營運報告」: the figures are of 1911 + 110 = 2021 (before: the
    # issue year's past year, 2022)
    text = "經濟部公布「110年工廠營運報告」，某市工廠家數5000家、全年營收800億元。研發經費成長近12%。"
    found = cands(text, issued="2023-05-11", jurisdiction="710000")
    assert by_value(found, 5000).period == "2021"
    assert by_value(found, 12).period == "2021"  # the sentence after it writes no year: the report's year


def test_synthetic_quarters_written_without_du():
    # 第一季 / 第二季 (Hong Kong, Macau, Taiwan: no 度): Q1 = 2023-01..2023-03, Q2 = 2023-04..2023-06; the period
    # written last before a figure is its period (第一季…後，第二季…上升2.6%: Q2); before: 2023 for both
    text = "工業生產指數繼在2023年第一季錄得3.8%的按年升幅後，2023年第二季同比上升2.6%。"
    found = cands(text, issued="2023-09-13", jurisdiction="810000")
    assert by_value(found, 3.8).period == "2023-01..2023-03"
    assert by_value(found, 2.6).period == "2023-04..2023-06"
    assert lang.ytd_months("首季，") == 3
    assert lang.quarter_alone("第三季，") == 3
    assert lang.quarter_alone("一年四季分明，") is None  # no 第 nor 度: not a quarter


def test_synthetic_a_period_after_bi_or_jiao_is_a_base():
    # 较一季度提高2.5个百分点 in a report of 上半年: the figure is of the first half, 一季度 its base (before: Q1)
    text = "上半年，全市规上工业增加值同比增长7.1%。高技术产业增加值同比增长7.7%，较一季度提高2.5个百分点。"
    found = cands(text, issued="2024-08-06")
    assert by_value(found, 2.5).period == "2024-01..2024-06"
    # 第二季…較第一季上升3.3%: Q2, not Q1
    text = "2023年第二季工業生產指數，較2023年第一季上升3.3%。"
    assert by_value(cands(text, issued="2023-09-13", jurisdiction="810000"), 3.3).period == "2023-04..2023-06"
    assert lang.without_bases("较一季度提高") == " " * 4 + "提高"  # 较一季度: four characters blanked


def test_synthetic_a_multiple_of_a_base_year_level():
    # 是2012年的2.8倍: 2.8 times the 2012 level (× base) over 2013..2021 (the figure's year 2021 written before it);
    # before: unit 倍 and period 2012
    text = "全市2021年地区生产总值达308.5亿元，是2012年的2.8倍。"
    c = by_value(cands(text, issued="2022-11-23"), 2.8)
    assert (c.unit, c.period) == ("× base", "2013..2021")
    # 增长了1.5倍 (grew by) stays 倍, of the year written
    c = by_value(cands("2021年，全市工业营收增长了1.5倍。", issued="2022-11-23"), 1.5)
    assert (c.unit, c.period) == ("倍", "2021")


def test_synthetic_a_plans_horizon_of_future_years_carries_to_the_sentences_after_it():
    # a plan of 2022 (base 2021): 未来五年，… gives 2021 + 5 = 2026, and the sentence after it (no year) is of 2026
    # too, as 到2026年 would be (before: the issue year 2022)
    text = "未来五年，全市地区生产总值年均增长7%左右。高新技术产业产值占规模以上工业总产值比重达60%以上。"
    found = cands(text, kind="plan", issued="2022-02-16")
    assert by_value(found, 7).target_year == 2026
    assert by_value(found, 60).target_year == 2026


def test_synthetic_a_result_in_a_plan_with_the_year_opening_its_sentence():
    # a plan of 2022: 2020年，…占…的27.4% is a result of 2020 (the year opens the sentence, not the figure's clause);
    # before: a plan row without a period
    text = "到2025年，全市原材料工业增加值增长5%。2020年，全市原材料工业增加值占规模以上工业增加值的27.4%。"
    c = by_value(cands(text, kind="plan", issued="2022-09-09"), 27.4)
    assert (c.period, c.target_year) == ("2020", None)


def test_synthetic_the_present_level_in_a_plan_is_a_result_of_its_date():
    # 目标由现时的1%，到2025年增至1.5%: 1 % is the level at the plan's date (2022), 1.5 % the 2025 target
    text = "全市制造业增加值占地区生产总值比重目标由现时的1%，到2025年增至1.5%。"
    found = cands(text, kind="plan", issued="2022-12-22")
    assert (by_value(found, 1).period, by_value(found, 1).target_year) == ("2022", None)
    assert by_value(found, 1.5).target_year == 2025


def test_synthetic_a_growth_then_a_level_is_not_a_range():
    # 增24%至28.5亿元: a growth of 24 % and a level of 28.5 亿元 (before: one range 24..28.5 亿元); 5%-10% stays a range
    ms = [(m.value, m.value_high, m.unit) for m in lang.find_mentions("全年盈利增24%至28.5亿元")]
    assert ms == [(24.0, None, "%"), (28.5, None, "亿元")]
    assert [(m.value, m.value_high) for m in lang.find_mentions("增长5%-10%")] == [(5.0, 10.0)]


def test_synthetic_units_of_tonnes_by_the_hundred_million_and_rooms():
    # 2億噸 = 2 亿吨 (2e8 t); 12間 = 12 间 (a count of firms, Hong Kong); before: no mention / no unit
    assert [(m.value, m.unit) for m in lang.find_mentions("吞吐量突破2億噸")] == [(2.0, "亿吨")]
    assert [(m.value, m.unit) for m in lang.find_mentions("本港有12間企業")] == [(12.0, "间")]


def test_synthetic_falls_written_with_jian_xiadie_and_diefu():
    # 減9.8%及11.6% (traditional 減), 同比下跌0.2%, 錄得1.1%的按年跌幅: falls, growth -9.8, -11.6, -0.2, -1.1;
    # 錄得0.9%的按年升幅: a rise, +0.9 (before: plain % values 9.8, 11.6, 0.2, 1.1, 0.9)
    text = "2021年，全市工業場所收益及支出分別減9.8%及11.6%。生產者價格指數同比下跌0.2%，此前錄得1.1%的按年跌幅。"
    found = cands(text, issued="2022-10-18", jurisdiction="820000")
    assert [c.growth_pct for c in found] == [-9.8, -11.6, -0.2, -1.1]
    found = cands("2023年第一季，工業生產指數錄得0.9%的按年升幅。", issued="2023-09-13", jurisdiction="810000")
    assert [c.growth_pct for c in found] == [0.9]


def test_synthetic_years_in_words_and_a_base_with_yu_bijiao():
    # 二一年 = 2021 and 一九年 = 2019 (two digits in words); 與一九年比較，…減9.8%: a change over 2020..2021 (the base's
    # next year to the report's year 2021), as 比2019年 would be; before: no year in words, period 2021
    assert lang.explicit_year("二一年全澳有營運的") == 2021
    assert lang.explicit_year("十九年") is None and lang.explicit_year("一二年内") is None
    text = "二一年全澳工業場所收益103.9億元。與一九年比較，收益減9.8%。"
    c = by_value(cands(text, issued="2022-10-18", jurisdiction="820000"), -9.8)
    assert c.period == "2020..2021"
    text = "2021年全市工业营收100亿元。与2019年相比，工业营收增长12%。"
    assert by_value(cands(text, issued="2022-10-18"), 12).period == "2020..2021"


def test_synthetic_amounts_written_in_two_magnitudes():
    # 1萬8,977家 = 10000 + 8977 = 18977 家; 2兆1471億元 = 2 × 10000 + 1471 = 21471 亿元; 3亿2000万元 = 32000 万元
    # (before: 8977 家 and 1471 亿元, the upper part lost)
    got = [(m.value, m.unit) for m in lang.find_mentions("工廠家數1萬8,977家、總營收2兆1471億元，投资3亿2000万元")]
    assert got == [(18977.0, "家"), (21471.0, "亿元"), (32000.0, "万元")]


def test_synthetic_tenths_in_words():
    # 约八成 = 0.8, 达六成 = 0.6 (ratios, as 三分之一 is); 超八成行业 counts industries and 一成不变 is no figure
    # (before: both left out as structure)
    text = "全市就業人數則維持約八成，佔比則達六成。超八成行业实现增长，一成不变。"
    got = [(m.value, m.unit) for m in lang.find_mentions(text) if not lang.is_excluded(m, text, [])]
    assert got == [(0.8, "ratio"), (0.6, "ratio")]


def test_synthetic_signed_rates_in_brackets_and_a_share_of_gdp():
    # 升幅最大(+3.8%): a rise of 3.8 %; 占GDP70.2%: a share of 70.2 % (before: both read as names, 5G-like)
    text = "2021年，全市纺织业生产量升幅最大(+3.8%)。规模以上工业增加值79.5亿元，占GDP70.2%。"
    found = cands(text, issued="2022-03-01")
    assert by_value(found, 3.8).growth_pct == 3.8
    assert by_value(found, 70.2).unit == "%"


def test_synthetic_the_share_of_industries_growing_is_left_out():
    # 增长面 (the share of industries with growth) is left out by the written conventions (batches 1, 4 and 6:
    # structure counts of industries), in % or in tenths (before: a candidate each)
    text = "2021年上半年，全市规上工业增加值增长8%，增长面超七成，增长面为57.5%。"
    assert [c.growth_pct for c in cands(text, issued="2021-08-01")] == [8.0]


def test_synthetic_a_quarter_opening_a_sentence_carries_to_the_next():
    # 2023年第二季的生產量…皆錄得升幅。紡織業升幅最大(+3.8%): still Q2 = 2023-04..2023-06 (before: 2023); a sentence
    # with its own year and no quarter ends the carry (2022年，…增长5%: 2022)
    text = "2023年第二季的生產量與上年同季比較皆錄得升幅。紡織業的生產量升幅最大(+3.8%)。2022年，全港工業產值增長5%。"
    found = cands(text, issued="2023-09-13", jurisdiction="810000")
    assert by_value(found, 3.8).period == "2023-04..2023-06"
    assert by_value(found, 5).period == "2022"


def test_synthetic_a_fall_of_a_count_is_a_negative_change():
    # 減少439人至10,773人: a change of −439 人 and the level 10773 人; 比上年减少46.0万人: −46.0 万人 (before: +439,
    # +46.0); 增加3家 stays +3
    text = "2021年，全市工業場所按年增加3家至889家，在職員工減少439人至10,773人。年末人口比上年减少46.0万人。"
    got = [(c.value, c.unit) for c in cands(text, issued="2022-10-18", jurisdiction="820000")]
    assert got == [(3.0, "家"), (889.0, "家"), (-439.0, "人"), (10773.0, "人"), (-46.0, "万人")]


def test_synthetic_counts_of_indicators_and_a_batch_of_are_no_figures():
    # 两项指标 / 7项主要经济指标 count indicators (left out by the written conventions of batch 8: 兩項指標), 一批 is
    # "a batch of" (before: candidates 2 项, 7 项 and 1); 完成7项工程 stays a count
    text = "2021年，全市工厂家数、投资额两项指标全省第一，7项主要经济指标增速居前列，突破一批关键材料，完成7项工程。"
    got = [(c.value, c.unit) for c in cands(text, issued="2022-03-01")]
    assert got == [(7.0, "项")]


def test_synthetic_guard_a_one_character_change_word_governs_only_the_numbers_right_after_it():
    # 新增企业占比达到30%: a share of 30 % (增 of 新增 does not make it a growth); 同比升6.8%: a growth of 6.8 %
    found = cands("2021年，全市新增企业占比达到30%，工业增加值同比升6.8%。", issued="2022-03-01")
    assert [(c.value, c.growth_pct) for c in found] == [(30.0, None), (None, 6.8)]
