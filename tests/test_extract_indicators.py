"""Issue 22: general rules for the indicator code of a figure (extract/candidates.py), each on synthetic sentences
written for the test (a city, figures and wording invented; none is a sentence of a fixture or a seed).

Every expected code is worked out by hand from data/indicators.csv (its code, name and definition) and the rule the
test names; each test failed on the code before the rule (branch i22-ind6, from main 3d3bbc9).
"""

from __future__ import annotations

import pytest

from doubling_analysis.extract import candidates as ex


def cands(text: str, kind: str = "plan", issued: str = "2024-03-01") -> list[ex.Candidate]:
    ctx, vocab = ex.context_from_data(text, kind, "360200", "synthetic-doc", issued)
    return ex.extract_text(text, ctx, vocab)


def by_value(found: list[ex.Candidate], value: float) -> ex.Candidate:
    hits = [c for c in found if c.value == value or (c.value is None and c.growth_pct == value)]
    assert len(hits) == 1, [(c.value, c.unit, c.indicator_code, c.quote) for c in found]
    return hits[0]


def is_new(c: ex.Candidate) -> bool:
    """The candidate proposes a new indicator for review (as the bench scores an annotation NEW:<phrase>)."""
    return (c.indicator_code is None or c.indicator_code.startswith("NEW:")) and "unknown_indicator" in c.review


# ---- rule 1: a count's written threshold must be its code's threshold -----------------------------------------


def test_synthetic_a_count_whose_threshold_differs_from_the_code_s_is_proposed_new():
    # clusters_rev_over_100bn is 主营业务收入千亿级产业集群数 (threshold 1000 亿元); 万亿级 (10000 亿元) and 五千亿级
    # (5000 亿元) clusters have no code in indicators.csv: each count is a proposal for review, not the 千亿级 code
    found = cands("到2028年，打造形成3个万亿级、5个五千亿级、一批千亿级产业集群。")
    assert is_new(by_value(found, 3.0))
    assert is_new(by_value(found, 5.0))


def test_synthetic_projects_of_another_threshold_are_not_the_100m_projects():
    # projects_commissioned_over_100m is 投产投资亿元以上项目数 (1 亿元); 百亿级 projects (100 亿元): no code -> NEW
    c = by_value(cands("全市建成投产7个百亿级工业项目。", kind="report", issued="2024-02-01"), 7.0)
    assert is_new(c)


def test_synthetic_a_count_at_its_code_s_own_threshold_keeps_the_code():
    # the same wording at the code's own threshold (千亿级 = 1000 亿元 = over_100bn): the vocabulary's code stays
    c = by_value(cands("到2028年，主营业务收入千亿级产业集群达到6个。"), 6.0)
    assert c.indicator_code == "clusters_rev_over_100bn"


# ---- rule 2: a count composed from its head noun and its revenue threshold -------------------------------------


def test_synthetic_firms_over_a_threshold_after_their_revenue_are_the_threshold_s_firms():
    # 主营业务收入 named in the sentence, 超10亿元 (10 亿元 = 1 bn) right before 31户: firms_rev_over_1bn
    # (主营业务收入10亿元以上企业数)
    found = cands("2023年，全市主营业务收入超亿元企业达412户，其中超10亿元31户。", kind="report", issued="2024-02-01")
    assert by_value(found, 31.0).indicator_code == "firms_rev_over_1bn"


def test_synthetic_industries_over_a_revenue_threshold_are_counted_as_such():
    # 收入规模超千亿元的…产业 (1000 亿元 = 100 bn, head noun 产业): industries_rev_over_100bn
    c = by_value(cands("到2028年，培育3个收入规模超千亿元的战略性新兴产业。"), 3.0)
    assert c.indicator_code == "industries_rev_over_100bn"


def test_synthetic_a_threshold_without_its_revenue_or_with_another_qualifier_is_not_composed():
    # no revenue written (百亿级 of what is not stated) and a qualifier 特色 the codes do not name: not composed
    assert cands("到2028年，形成8个百亿级产业集群。")[0].indicator_code != "clusters_rev_over_10bn"
    c = by_value(cands("到2028年，培育2个收入超千亿元的特色产业。"), 2.0)
    assert c.indicator_code != "industries_rev_over_100bn"


# ---- rule 3: an industry's share of industry's revenue ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "到2028年，数字经济核心产业收入占工业比重达到30%。",
        "到2028年，高技术产业主营业务收入占规模以上工业营业收入的比重达到28%。",
    ],
)
def test_synthetic_an_industry_s_revenue_share_in_industry_is_sector_revenue_share(sentence):
    # sector_revenue_share: 产业营收占规上工业营收比重 (营业收入 of the industry / the jurisdiction's industrial revenue)
    found = [c for c in cands(sentence) if c.unit == "%"]
    assert len(found) == 1 and found[0].indicator_code == "sector_revenue_share"


def test_synthetic_the_change_of_a_revenue_share_is_not_the_share():
    # 占工业比重提高3个百分点: the change of the share (pp), not its level
    c = cands("到2028年，高技术产业收入占工业比重提高3个百分点。")[0]
    assert c.indicator_code != "sector_revenue_share"


# ---- rule 4: value added below a year is above-scale industry's -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "1-4月，全市工业增加值同比增长6.3%。",
        "前三季度，全市工业增加值同比增长6.3%。",
        "上半年，全市工业增加值同比增长6.3%。",
    ],
)
def test_synthetic_a_report_s_value_added_of_months_is_above_scale(sentence):
    # the monthly and quarterly series of industrial production cover firms above designated size: va_growth
    # (规模以上工业增加值增速), not industrial_va_growth (全部工业增加值增速, a figure of the year's accounts)
    c = by_value(cands(sentence, kind="report", issued="2024-11-20"), 6.3)
    assert c.indicator_code == "va_growth"


@pytest.mark.parametrize("sentence", ["2023年，全市工业增加值增长6.3%。", "1-4月，全市全部工业增加值增长6.3%。"])
def test_synthetic_a_year_s_value_added_or_all_industry_written_stays_all_industry(sentence):
    # the year's figure (no month) and 全部工业 written: all industry's value added (industrial_va_growth)
    c = by_value(cands(sentence, kind="report", issued="2024-11-20"), 6.3)
    assert c.indicator_code == "industrial_va_growth"


# ---- rule 5: a price basis is no measure --------------------------------------------------------------------------


@pytest.mark.parametrize("basis", ["按可比价计算", "扣除价格因素后", "按现价计算"])
def test_synthetic_a_price_basis_before_a_growth_carries_the_measure_before(basis):
    # 按可比价计算增长5.1%: the growth of the measure named before it (规模以上工业增加值 -> va_growth), not a new one
    text = f"1-4月，全市规模以上工业增加值412.5亿元，{basis}增长5.1%。"
    c = by_value(cands(text, kind="report", issued="2024-05-20"), 5.1)
    assert c.indicator_code == "va_growth"


# ---- rule 6: a bare head noun takes the subject the clause before names ------------------------------------------


def test_synthetic_bare_value_added_after_a_clause_naming_a_sector_is_that_sector_s():
    # 全市制造业稳步增长，实现增加值236.4亿元: 增加值 with no qualifier is manufacturing's (the clause before names it);
    # 规模以上 in the paragraph: above-scale value added (va, 规模以上工业增加值) and its growth va_growth
    text = "1-6月，全市制造业稳步增长，实现增加值236.4亿元，同比增长7.2%，占规模以上工业增加值的70.1%。"
    found = cands(text, kind="report", issued="2024-07-20")
    level, growth = by_value(found, 236.4), by_value(found, 7.2)
    assert (level.indicator_code, level.sector) == ("va", "manufacturing")
    assert growth.indicator_code == "va_growth"


# ---- rule 7: an industry's growth in a report of above-scale industry is its value added's ----------------------


def test_synthetic_classified_industries_growing_in_an_above_scale_report_are_value_added_growth():
    # 规模以上工业…个行业中…其中，X制造业增长: the statistics of industrial production by industry (value added)
    text = (
        "1-6月，全市规模以上工业31个大类行业中，24个行业增加值同比增长。"
        "其中，专用设备制造业增长11.4%、电气机械和器材制造业增长9.8%；本市汽车制造业增长6.6%。"
    )
    found = cands(text, kind="report", issued="2024-07-20")
    for value in (11.4, 9.8, 6.6):
        assert by_value(found, value).indicator_code == "va_growth", value


def test_synthetic_an_industry_s_growth_after_a_revenue_stays_revenue_and_a_plan_is_not_read_so():
    # the measure named before (营业收入) carries: not value added; and in a plan the rule does not apply
    text = "1-6月，全市规模以上工业营业收入同比增长5.0%，其中专用设备制造业增长8.1%。"
    assert by_value(cands(text, kind="report", issued="2024-07-20"), 8.1).indicator_code != "va_growth"
    plan = "到2028年，全市规模以上工业稳步发展，专用设备制造业增长8.1%。"
    assert all(c.indicator_code != "va_growth" for c in cands(plan))


# ---- a growth over the month before is no year-on-year growth rate (batch 7) ---------------------------------


def test_synthetic_a_growth_over_the_month_before_is_proposed_new():
    # the growth codes of indicators.csv are over the same period of the year before (va_growth: official growth,
    # year on year); 比上月增长0.5% is over April, so it is a proposal; the 同比 figure of the same sentence keeps
    # va_growth (规模以上工业增加值增速)
    found = cands("5月份，全市规模以上工业增加值比上月增长0.5%，同比增长6.0%。", kind="report", issued="2024-06-15")
    month = by_value(found, 0.5)
    assert is_new(month) and month.indicator_code == "NEW:规模以上工业增加值环比增速"
    assert by_value(found, 6.0).indicator_code == "va_growth"


def test_synthetic_a_quarter_on_quarter_growth_is_proposed_new():
    found = cands("二季度，全市规模以上工业营业收入环比增长3.2%。", kind="report", issued="2024-07-20")
    assert is_new(by_value(found, 3.2))


# ---- public finance is no industry's revenue (batch 8) -------------------------------------------------------


@pytest.mark.parametrize("text", ["2023年，全县完成财政总收入31.5亿元。", "2023年，全縣完成財政總收入31.5億元。"])
def test_synthetic_fiscal_revenue_is_proposed_new(text):
    # 总收入 is the phrase of sector_total_revenue (产业总收入, an industry's income); 财政总收入 is the county's
    # fiscal revenue, which no code of indicators.csv holds: a proposal, in simplified and traditional characters
    (row,) = cands(text, kind="report", issued="2024-02-01")
    assert is_new(row), (row.indicator_code, row.review)


def test_synthetic_an_industry_s_total_income_keeps_its_code():
    # the guard: an industry's 总收入 (电子信息产业, a sector of data/sectors.csv) is still sector_total_revenue
    (row,) = cands("2023年，全市电子信息产业总收入达到520亿元。", kind="report", issued="2024-02-01")
    assert row.indicator_code == "sector_total_revenue"


# ---- a count of the collective that closes a list (batch 7) ----------------------------------------------------


def test_synthetic_a_count_of_a_list_s_collective_is_not_its_last_item_s():
    # single_champion_firms_new (新增省级以上制造业单项冠军企业) is one item of the list; 优质企业 counts them all,
    # and indicators.csv has no code for it: a proposal
    found = cands("到2026年，培育专精特新、瞪羚、单项冠军等优质企业300家以上。")
    row = by_value(found, 300.0)
    assert is_new(row) and row.indicator_code == "NEW:优质企业数"


def test_synthetic_a_list_s_own_phrase_after_deng_keeps_its_code():
    # the guard: the phrase found stands after 等 (…等单项冠军企业): it is the count's own
    found = cands("到2026年，培育一批行业领军、专精特新等单项冠军企业20家。")
    assert by_value(found, 20.0).indicator_code == "single_champion_firms_new"


# ---- every item of a list after 分别增长 is a growth rate (issue: "分别增长a%、b%、c%" gives one row per item) -------


def test_synthetic_the_third_and_fourth_items_of_a_growth_list_are_growth_rates():
    # four rates after one 分别增长: each is a growth of value added (va_growth, a report of above-scale industry);
    # before, the items more than six characters after 增长 were read as levels in % of no known measure
    text = "上半年，全市规上工业增加值同比增长6.0%。其中，纺织业、医药制造业、汽车制造业、通用设备制造业增加值分别增长3.1%、4.2%、5.3%、6.4%。"
    found = cands(text, kind="report", issued="2024-08-06")
    for rate in (3.1, 4.2, 5.3, 6.4):
        row = by_value(found, rate)
        assert row.growth_pct == rate and row.value is None, (rate, row)
        assert row.indicator_code == "va_growth", (rate, row.indicator_code)
