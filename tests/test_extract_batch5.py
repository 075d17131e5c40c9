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


# ---- item 2: rules for batch 5's extractor errors (each on a synthetic sentence) ---------------------------------


def rows(found):
    return [(c.value, c.unit, c.indicator_code, c.growth_pct, c.period) for c in found]


def test_synthetic_taiwanese_zhao_yuan_is_wan_yi():
    # 兆 of a Taiwanese page is 10^12: 2.4兆元 = 2.4 万亿元 = 24000 亿元 (2.4 × 10^4, by hand)
    (c,) = cands("工業增加值達到2.4兆元。", issued="2024-03-01")
    assert (c.value, c.unit, c.indicator_code, c.value_canonical, c.unit_canonical) == (
        2.4,
        "兆元",
        "industrial_va",
        24000.0,
        "亿元",
    )


def test_synthetic_us_dollars_keep_the_measure_and_flag_the_currency():
    # 356.2亿美元 is trade in dollars: the measure (进出口总值 = trade_total) is kept, the unit as written, and the
    # reviewer is told the unit differs from the indicator's (亿元); the fall of 3.4 % is its growth, -3.4
    found = cands("全市进出口总值为356.2亿美元，同比下降3.4%。", issued="2024-03-01")
    assert rows(found) == [
        (356.2, "亿美元", "trade_total", -3.4, "2023"),
        (None, None, "trade_total_growth", -3.4, "2023"),
    ]
    assert "unit_mismatch" in found[0].review and "unknown_indicator" not in found[0].review


def test_synthetic_dollar_conversion_is_not_a_figure():
    # 折合9930美元 restates the figure before in dollars: one row, the yuan figure
    found = cands("全市人均地区生产总值68520元，折合9930美元。", issued="2024-03-01")
    assert [(c.value, c.unit) for c in found] == [(68520.0, "元")]


def test_synthetic_slash_fraction_is_a_ratio():
    # 1/4 = 0.25 (a ratio); 6/19 (a date) and 1/2/3 are no fractions
    (c,) = cands("制造业增加值占地区生产总值比重保持在1/4以上。", kind="plan", issued="2024-03-01")
    assert (c.value, c.unit, c.comparator) == (0.25, "ratio", ">=")
    assert [m.unit for m in ex.lang.find_mentions("市统计局6/19公布")] == [None, None]


def test_synthetic_span_opening_a_sentence_governs_its_semicolon_pieces():
    # 「十三五」期間 (2016..2020) opens the sentence; the pieces after ； have no year of their own: same span.
    # Issued 2021-03: without the rule the second piece would default to the past year, 2020
    found = cands("「十三五」期間，全省規上工業營業收入突破3萬億元；工業增加值達到0.9萬億元。", issued="2021-03-01")
    assert [(c.value, c.period) for c in found] == [(3.0, "2016..2020"), (0.9, "2016..2020")]


def test_synthetic_this_month_after_a_year_to_date_is_that_month_alone():
    # 1-8月 (2023-01..2023-08 on a page of 2023-09) then 其中当月: August alone, 2023-08, for its level and growth
    found = cands(
        "1-8月，全市规模以上工业产值2350.6亿元，同比增长7.1%，其中当月产值310.2亿元，增长5.3%。", issued="2023-09-20"
    )
    assert [(c.value, c.growth_pct, c.period) for c in found] == [
        (2350.6, 7.1, "2023-01..2023-08"),
        (None, 7.1, "2023-01..2023-08"),
        (310.2, 5.3, "2023-08"),
        (None, 5.3, "2023-08"),
    ]


def test_synthetic_average_growth_after_a_pair_of_years_spans_them():
    # 从2018年的…增加到2023年的…，年均增长10.2%: the average over the years after 2018 up to 2023, 2019..2023, per year;
    # the two levels keep their own years
    found = cands("全市工业总产值从2018年的800亿元增加到2023年的1300亿元，年均增长10.2%。", issued="2024-02-01")
    assert [(c.value, c.period, c.per) for c in found] == [
        (800.0, "2018", None),
        (1300.0, "2023", None),
        (None, "2019..2023", "year"),
    ]
    assert found[2].growth_pct == 10.2


def test_synthetic_pair_under_a_five_year_plan_is_its_base_and_last_year():
    # “十二五”以来 (2011..2015), a share 由18.2%提高到25.6%: 18.2 % is the level of the plan's base year 2010 (2011 - 1),
    # 25.6 % of its last year 2015
    found = cands("“十二五”以来，全省高新技术产业增加值占比由18.2%提高到25.6%。", issued="2016-03-01")
    assert [(c.value, c.period) for c in found] == [(18.2, "2010"), (25.6, "2015")]


def test_synthetic_doubling_in_years_to_a_written_year():
    # 到2027年 … 三年翻一番 in a plan issued 2024: the doubling is of 2027, three years after its base 2024 (not the
    # base year of the document plus 3 - 1 = 2025)
    found = [c for c in cands("到2027年，全区实现规上工业总产值三年翻一番。", kind="plan", issued="2024-03-01")]
    doubling = [c for c in found if c.unit == "× base"]
    assert [(c.value, c.target_year, c.base_year) for c in doubling] == [(2.0, 2027, 2024)]


def test_synthetic_price_basis_is_not_a_measure():
    # 按可比价计算增长6.1%: the growth of the level before it (规模以上工业增加值 -> va_growth), not a NEW measure
    found = cands("1-6月，全市规模以上工业增加值412.5亿元，按可比价计算增长6.1%。", issued="2024-07-20")
    assert rows(found) == [
        (412.5, "亿元", "va", 6.1, "2024-01..2024-06"),
        (None, None, "va_growth", 6.1, "2024-01..2024-06"),
    ]


def test_synthetic_above_scale_industry_completing_value_added():
    # 规模以上工业完成增加值 is 规模以上工业增加值 (va), as 实现 is
    found = cands("全市规模以上工业完成增加值88.6亿元，增长4.2%。", issued="2024-03-01")
    assert [c.indicator_code for c in found] == ["va", "va_growth"]


def test_synthetic_count_of_another_tier_than_the_phrase_is_new():
    # 2个五千亿级、3个千亿级产业集群: the phrase 千亿级产业集群 counts the 千亿 tier (3 -> clusters_rev_over_100bn); the
    # 2 are of the 五千亿 tier: NEW:五千亿级产业集群数 with unknown_indicator
    found = cands("到2026年，培育2个五千亿级、3个千亿级产业集群。", kind="plan", issued="2024-03-01")
    assert [(c.value, c.indicator_code) for c in found] == [
        (2.0, "NEW:五千亿级产业集群数"),
        (3.0, "clusters_rev_over_100bn"),
    ]
    assert "unknown_indicator" in found[0].review


def test_synthetic_steps_crossed_are_not_figures():
    # 跨上两个千亿元台阶 counts steps (left out); 站稳万亿元台阶 is a level and stays a figure (10000 亿元)
    assert cands("全市工业总产值三年跨上两个千亿元台阶。", issued="2024-03-01") == []
    (c,) = cands("全省电子信息产业营业收入连续三年站稳万亿元台阶。", issued="2024-03-01")
    assert (c.value, c.unit) == (10000.0, "亿元")


# ---- item 3: years and periods (causes found across batches 1-5) -------------------------------------------------


def test_synthetic_a_span_of_base_years_is_not_the_figures_year():
    # 比2018—2020年 is the base (the three years before); 3年累计 on a page of 2024-02 is 2021..2023 (2023 - 3 + 1), and
    # the growth against the base is of the same three years, not of 2018..2020
    found = cands("3年累计完成工业投资1.06万亿元，比2018—2020年总量多56%。", issued="2024-02-28")
    assert [(c.value, c.growth_pct, c.period) for c in found] == [
        (1.06, None, "2021..2023"),
        (None, 56.0, "2021..2023"),
    ]


def test_synthetic_stock_at_a_month_end_is_that_month():
    # 截至6月底 on a page of 2024-07-15: the stock at the end of June 2024, period 2024-06 (not the past year 2023)
    (c,) = cands("截至6月底，全市规模以上工业企业达5120家。", issued="2024-07-15")
    assert (c.value, c.indicator_code, c.period) == (5120.0, "firms", "2024-06")
    # with the year written: 截至2023年9月末 -> 2023-09
    (c,) = cands("截至2023年9月末，全市规模以上工业企业达4980家。", issued="2024-07-15")
    assert c.period == "2023-09"


def test_synthetic_a_month_named_before_the_measure_is_not_the_measure():
    # 1—6月 … ，6月当月增长7.1%: June alone (2024-06) of the measure before (va_growth), not NEW:6月当月
    found = cands("1—6月，全市规模以上工业增加值增长6.2%，6月当月增长7.1%。", issued="2024-07-15")
    assert [(c.growth_pct, c.indicator_code, c.period) for c in found] == [
        (6.2, "va_growth", "2024-01..2024-06"),
        (7.1, "va_growth", "2024-06"),
    ]


def test_synthetic_past_results_quoted_in_a_plan_are_results_of_their_years():
    # a plan of 2024-01: 过去五年 = the five years up to the year before the issue, 2019..2023 (2023 - 5 + 1); a rate
    # per year (年均) over them is of the span, a level reached (达到45%左右) of the last year 2023, each with a
    # report's bound (左右: approx) and review code past, no target year; the target after them is unchanged
    text = (
        "过去五年，全市规模以上工业增加值年均增长7.2%，高新技术产业增加值占比达到45%左右。"
        "到2027年，全市规模以上工业增加值达到3000亿元。"
    )
    found = cands(text, kind="plan", issued="2024-01-20")
    assert [(c.value, c.target_year, c.period, c.bound, "past" in c.review) for c in found] == [
        (7.2, None, "2019..2023", "exact", True),
        (45.0, None, "2023", "approx", True),
        (3000.0, 2027, None, "exact", False),
    ]


def test_synthetic_a_result_the_plan_builds_on_is_of_its_year():
    # 在2023年…突破800亿元的基础上: the starting point, a result of 2023 (突破: lower bound); 1000 亿元 is the target
    found = cands("在2023年全市工业总产值突破800亿元的基础上，到2026年突破1000亿元。", kind="plan", issued="2024-03-01")
    assert [(c.value, c.target_year, c.period, c.bound) for c in found] == [
        (800.0, None, "2023", "lower"),
        (1000.0, 2026, None, "exact"),
    ]
    # in the plan's CSV the result keeps the target columns, and its note says what it is
    record = ex.candidate_record(found[0], "plan", "2024-03-01", "synthetic.txt", "official")
    assert record["target_year"] == "" and "a past result of 2023 (bound lower)" in record["note"]


def test_synthetic_a_quarter_alone_is_its_three_months():
    # 三季度 on a page of 2024-10-20: July to September 2024 alone, 2024-07..2024-09 (not the past year, not 前三季度)
    (c,) = cands("三季度，全市规模以上工业增加值增长6.2%。", issued="2024-10-20")
    assert (c.growth_pct, c.period) == (6.2, "2024-07..2024-09")
    (c,) = cands("前三季度，全市规模以上工业增加值增长6.2%。", issued="2024-10-20")
    assert c.period == "2024-01..2024-09"


def test_synthetic_a_month_written_alone_before_its_figure():
    # 2024年12月，… on a page of 2025-01: December 2024 alone (2024-12, not the year 2024)
    (c,) = cands("2024年12月，全市规模以上工业增加值增长6.2%。", issued="2025-01-20")
    assert c.period == "2024-12"
    # 一季度 … ；4月份增长5.0% on a page of 2024-05: the first quarter to date, then April alone
    found = cands("一季度，全市规模以上工业增加值增长6.2%；4月份增长5.0%。", issued="2024-05-25")
    assert [(c.growth_pct, c.indicator_code, c.period) for c in found] == [
        (6.2, "va_growth", "2024-01..2024-03"),
        (5.0, "va_growth", "2024-04"),
    ]
    # a date (10月28日发布) is no period of the figure: the page's past year stays
    (c,) = cands("市统计局10月28日发布，全市规模以上工业增加值增长6.2%。", issued="2025-01-20")
    assert c.period == "2024"


def test_synthetic_plan_clause_with_only_a_year_takes_the_measure_before():
    # 到2028年，突破3000亿元 names no measure: the one named before it in the paragraph (规上工业营收 -> revenue), as a
    # report's clause does
    found = cands("到2026年，力争规上工业营收突破2000亿元；到2028年，突破3000亿元。", kind="plan", issued="2024-05-25")
    assert [(c.value, c.target_year, c.indicator_code) for c in found] == [
        (2000.0, 2026, "revenue"),
        (3000.0, 2028, "revenue"),
    ]


def test_synthetic_totals_over_a_reported_span_are_per_period():
    # over 2021—2023年: projects built and put into production and the total investment are totals of the span (per
    # period); the value added reached is a level (no per)
    found = cands(
        "2021—2023年，全市建成投产亿元以上项目320个，工业投资总规模超过2000亿元，规上工业增加值达到900亿元。",
        issued="2024-02-01",
    )
    assert [(c.value, c.period, c.per) for c in found] == [
        (320.0, "2021..2023", "period"),
        (2000.0, "2021..2023", "period"),
        (900.0, "2021..2023", None),
    ]


def test_synthetic_next_n_years_of_a_plan_count_from_its_base_year():
    # 今后五年 in a plan issued 2024 (base year 2023): its goals are of 2028 (2023 + 5), a rate per year (年均)
    (c,) = cands("今后五年，全市规模以上工业营业收入年均增长10%以上。", kind="plan", issued="2024-03-15")
    assert (c.value, c.target_year, c.per, c.comparator) == (10.0, 2028, "year", ">=")


def test_synthetic_a_year_before_the_plan_is_a_result():
    # a plan of 2024 quoting 2023年…达到1500亿元 before its goal for 2025: 1500 is a result of 2023 (review past,
    # no target or base year); 2000 亿元 the target of 2025
    found = cands("全市规模以上工业营业收入2023年达到1500亿元，2025年突破2000亿元。", kind="plan", issued="2024-03-15")
    assert [(c.value, c.target_year, c.base_year, c.period, "past" in c.review) for c in found] == [
        (1500.0, None, None, "2023", True),
        (2000.0, 2025, 2023, None, False),
    ]


def test_synthetic_rd_intensity_is_rd_over_gdp():
    # 研发投入强度 (R&D intensity) is R&D expenditure over GDP: rd_gdp_share (data/indicators.csv)
    (c,) = cands("到2027年，全社会研发投入强度达到2.8%。", kind="plan", issued="2024-03-15")
    assert (c.value, c.unit, c.indicator_code, c.target_year) == (2.8, "%", "rd_gdp_share", 2027)


def test_synthetic_a_month_named_after_a_year_to_date_governs_the_clauses_after_it():
    # 1-5月 … ，其中5月份实现产值1001.1亿元，增长6.5% on a page of 2024-06: the year to date for the first pair, May
    # alone (2024-05) for the level and for its growth in the next clause
    found = cands(
        "1-5月，全市规模以上工业产值4568.3亿元，同比增长6.2%，其中5月份实现产值1001.1亿元，增长6.5%。",
        issued="2024-06-20",
    )
    assert [(c.value, c.growth_pct, c.period) for c in found] == [
        (4568.3, 6.2, "2024-01..2024-05"),
        (None, 6.2, "2024-01..2024-05"),
        (1001.1, 6.5, "2024-05"),
        (None, 6.5, "2024-05"),
    ]
    # a month after 比 is a base: 比4月份加快0.5个百分点 stays May's
    found = cands("5月，全市规模以上工业增加值增长6.1%，比4月份加快0.5个百分点。", issued="2024-06-20")
    assert [c.period for c in found] == ["2024-05", "2024-05"]
