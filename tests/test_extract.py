"""Extraction of candidate targets and actuals from text, review and accept (extract.py, extract_lang.py).

Known answers are worked by hand from the wording (the comment on each says how); the synthetic plan of a city not
in the data is tests/fixtures/synthetic_plan_xinyu.txt (synthetic, a fixture, never data).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from doubling_analysis.app.cli import main
from doubling_analysis.data.provenance import quote_in_source
from doubling_analysis.data.units import convert
from doubling_analysis.extract import accept as acc
from doubling_analysis.extract import candidates as ex
from doubling_analysis.extract import language as lang

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "synthetic_plan_xinyu.txt"


def ctx_vocab(kind="plan", issued="2022-03-01", text="", jurisdiction="360200"):
    return ex.context_from_data(text, kind, jurisdiction, "test-doc", issued)


def cands(text, kind="plan", issued="2022-03-01", jurisdiction="360200"):
    ctx, vocab = ctx_vocab(kind, issued, text, jurisdiction)
    return ex.extract_text(text, ctx, vocab)


def one(text, **kw):
    found = cands(text, **kw)
    assert len(found) == 1, [(c.value, c.unit, c.quote) for c in found]
    return found[0]


# ---- numbers, magnitudes, units ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, value",
    [
        ("一千四百", 1400),  # 1×1000 + 4×100
        ("两", 2),
        ("十五", 15),  # 10 + 5
        ("三十", 30),  # 3×10
        ("二〇二五", 2025),  # digit by digit
        ("１４００", 1400),  # full-width digits
        ("1,400", 1400),  # thousands separator
        ("8.5", 8.5),
    ],
)
def test_numbers(written, value):
    assert lang.parse_number(written) == value


def test_programme_numerals_are_not_numbers():
    assert lang.chinese_to_number("十百千") is None  # 个十百千万工程: a name


@pytest.mark.parametrize(
    "text, value, unit, canonical",
    [
        ("营业收入达到1.4万亿元", 1.4, "万亿元", 14000),  # 1.4 × 10^4 亿元
        ("营业收入达到1.4万亿", 1.4, "万亿元", 14000),  # 万亿 without 元 is still money
        ("人才基金投入5000万元", 5000, "万元", 0.5),  # 5000 × 10^-4 亿元
        ("营业收入突破600亿", 600, "亿元", 600),
        ("营业收入达到一千四百亿元", 1400, "亿元", 1400),
    ],
)
def test_magnitudes_convert_to_the_canonical_unit(text, value, unit, canonical):
    c = one(text)
    assert (c.value, c.unit) == (value, unit)
    assert c.value_canonical == pytest.approx(canonical) and c.unit_canonical == "亿元"


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("新增规模以上工业企业50家", 50, "家"),
        ("规模以上工业企业净增100户", 100, "户"),
        ("统筹200个亿元以上工业项目", 200, "个"),
        ("投资过亿元项目3000项以上", 3000, "项"),
        ("规上工业增加值增长8.5%", 8.5, "%"),
        ("占比较2020年提升2个百分点", 2, "pp"),
        ("新建标准厂房100万平方米", 100, "万平方米"),
        ("新增工业用地3000亩", 3000, "亩"),
    ],
)
def test_units(text, value, unit):
    c = one(text)
    assert (c.value, c.unit) == (value, unit)


def test_ranges_give_value_and_value_high():
    c = one("力争3-5家企业境内外上市")
    assert (c.value, c.value_high, c.unit) == (3, 5, "家")
    c = one("营业收入增长10%-15%")
    assert (c.value, c.value_high, c.unit) == (10, 15, "%")


def test_a_doubling_is_two_times_the_base():
    c = one("实施工业倍增三年行动计划")
    assert (c.value, c.unit, c.indicator_code, c.comparator) == (2, "× base", "doubling", ">=")
    c = one("到2025年营业收入比2020年翻一番")
    # 翻一番 = × 2 of the level of 2020 (比2020年), by 2025 (到2025年)
    assert (c.value, c.unit, c.base_year, c.target_year) == (2, "× base", 2020, 2025)
    assert "value_not_in_quote" in c.review  # the validator looks for 2/两/倍 in the quote


def test_bare_tier_words_are_values_in_yi_yuan():
    c = one("有色金属产业主营业务收入迈上万亿级")
    assert (c.value, c.unit, c.comparator, c.sector) == (
        10000,
        "亿元",
        ">=",
        "nonferrous",
    )  # 万亿 = 10^4 亿, 级 = at least


# ---- comparators and bounds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, comparator",
    [
        ("营业收入突破1400亿元", ">"),
        ("营业收入超过1400亿元", ">"),
        ("营业收入达到1400亿元", "="),
        ("营业收入1400亿元以上", ">="),
        ("营业收入不低于1400亿元", ">="),
        ("营业收入1400亿元左右", "~"),
        ("营业收入约1400亿元", "~"),
        ("审批时间压减至60个工作日以内", "<="),
        ("审批时间不超过60个工作日", "<="),
        ("营业收入突破3600亿元以上", ">"),  # 突破 wins over a trailing 以上
        ("新增规模以上工业企业100余家", ">"),
        ("营业收入接近1400亿元", "~"),  # no 'near' for a target: ~ with a review code
    ],
)
def test_comparators(text, comparator):
    assert one(text).comparator == comparator


@pytest.mark.parametrize(
    "text, bound",
    [
        ("2021年全市规上工业营业收入突破1000亿元", "lower"),
        ("2021年全市规上工业营业收入超过1000亿元", "lower"),
        ("2021年全市规上工业营业收入1000亿元左右", "approx"),
        ("2021年全市规上工业营业收入接近1000亿元", "upper"),
        ("2021年全市规上工业营业收入1000.5亿元", "exact"),
    ],
)
def test_bounds_of_reported_figures(text, bound):
    assert one(text, kind="report").bound == bound


# ---- tiers and their scope -----------------------------------------------------------------------------------


def test_tiers_and_list_scope():
    found = cands("确保电子信息产业集群产值突破1000亿元，力争达到1200亿元")
    assert [(c.value, c.comparator, c.tier) for c in found] == [(1000, ">", "floor"), (1200, "=", "stretch")]
    # one 力争 before a list governs the list; the later items are flagged for a look
    found = cands("力争引进亿元以上工业项目130个，5亿元以上工业项目45个，“20”项目突破21个")
    assert [(c.value, c.tier) for c in found] == [(130, "stretch"), (45, "stretch"), (21, "stretch")]
    assert "tier_scope" in found[1].review and "tier_scope" not in found[0].review
    # a new sentence (；) ends the scope
    found = cands("力争全年完成竣工投产项目60个；全年工业固定资产投资增速达到20%")
    assert [c.tier for c in found] == ["stretch", None]


# ---- periods -----------------------------------------------------------------------------------------------------


def test_relative_years_from_the_issue_date():
    c = one("今年规上工业营业收入突破1000亿元", issued="2022-03-01")
    assert c.target_year == 2022 and "relative_year" in c.review  # 今年 in a text issued in 2022
    c = one("明年规上工业营业收入突破1000亿元", issued="2022-03-01")
    assert c.target_year == 2023  # 明年 = 2022 + 1


def test_explicit_years_base_years_and_per():
    c = one("到2025年，规模以上工业营业收入达到1000亿元", issued="2022-03-01")
    assert c.target_year == 2025 and c.base_year == 2021  # base: the year before the issue year
    c = one("规上工业营业收入较上年增长20%", issued="2022-03-01")
    assert (c.indicator_code, c.base_year) == ("revenue_growth", 2021)  # 较上年: target year 2022 - 1
    assert one("力争每年新增规模以上工业企业1000户").per == "year"
    assert one("工业技术改造投资年均增长30%左右").per == "year"
    assert one("每季度开展1场技术供需对接活动").per == "quarter"
    assert one("三年内共引进“20项目”6个").per == "period"


def test_year_to_date_periods_of_reports():
    c = one("2021年1-6月全市规上工业营业收入500亿元", kind="report")
    assert c.period == "2021-01..2021-06"
    c = one("2021年上半年全市规上工业营业收入500亿元", kind="report")
    assert c.period == "2021-01..2021-06"
    c = one("2022年一季度全市地区生产总值1028.29亿元", kind="report")
    assert c.period == "2022-01..2022-03"


def test_reports_growth_beside_a_level_and_preliminary_figures():
    # one row per figure (issue 22): the level (with the growth beside it as growth_pct) and the growth of its own
    level, growth = cands("2021年全市规上工业营业收入1000.5亿元，同比增长20.5%", kind="report")
    assert (level.value, level.growth_pct, level.indicator_code) == (1000.5, 20.5, "revenue")
    assert (growth.value, growth.growth_pct, growth.indicator_code) == (None, 20.5, "revenue_growth")
    assert "growth_of_level" in growth.review
    found = cands("2021年全市规上工业营收、利润总额分别达916.6亿元、56.1亿元，同比分别增长51.3%、114%", kind="report")
    assert [(c.value, c.growth_pct) for c in found] == [(916.6, 51.3), (56.1, 114), (None, 51.3), (None, 114)]
    assert one("预计2021年全市地区生产总值1100亿元", kind="report").status == "preliminary"
    assert one("2021年全市地区生产总值1100亿元", kind="report").status == "final"


# ---- what to leave out -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2022年2月7日印发",  # a date
        "联系电话：0790-6221234",  # a phone number
        "赣府发〔2021〕5号",  # a document number
        "实施“12345”工程",  # a programme's name
        "推进“5020”项目建设",  # a programme's name
        "深入推进“1+5+N”产业集群建设",  # a programme's name with +
        "着力主攻生物医药、电子信息两大主导产业",  # a count that names a structure
        "打造一个供需对接平台",  # a small Chinese count without comparator
        "三年内完成主要任务",  # 三年: a span, not a figure
    ],
)
def test_what_to_leave_out(text):
    assert cands(text) == []


def test_thresholds_inside_names_are_left_out():
    found = cands("年主营业务收入10亿元以上企业超过20家")
    assert [(c.value, c.unit, c.comparator) for c in found] == [(20, "家", ">")]  # 10亿元 names the firms
    found = cands("5亿元以上工业项目45个")
    assert [(c.value, c.unit) for c in found] == [(45, "个")]


def test_reward_amounts_are_policy_terms_not_targets():
    assert cands("对新增规上企业一次性奖励3万元") == []


# ---- vocabulary ----------------------------------------------------------------------------------------------


def test_longest_phrase_wins():
    # 规模以上工业营业收入 (revenue) contains 营业收入; 工业技改投资占工业固投比重 holds 工业技改投资 and the share
    assert one("全市规模以上工业营业收入突破2000亿元").indicator_code == "revenue"
    assert one("工业技改投资占工业固投比重达到30%以上").indicator_code == "tech_renovation_share_fai"
    # a sector turns 营业收入 into the sector's revenue, 新增 turns a stock into new units
    c = one("力争电子信息产业营业收入达到40亿元")
    assert (c.indicator_code, c.sector) == ("sector_revenue", "electronics")
    assert one("新增高新技术企业300家以上").indicator_code == "hitech_firms_new"
    assert one("高新技术企业超过200家").indicator_code == "hitech_firms"


def test_sector_lists_give_a_row_per_sector():
    found = cands("有色金属、电子信息2个产业主营业务收入迈上万亿级")
    assert [(c.sector, c.value) for c in found] == [("nonferrous", 10000), ("electronics", 10000)]
    assert all("sector_list" in c.review for c in found)


def test_unknown_phrases_are_kept_for_review():
    c = one("全市光伏组件产量达到30%以上")
    # proposed as a new indicator: the words before the number less 全市 and 达到
    assert c.indicator_code == "NEW:光伏组件产量" and "unknown_indicator" in c.review
    assert c.confidence < ex.config.EXTRACT_KEEP_CONFIDENCE


def test_vocabulary_errors_are_located(tmp_path):
    path = tmp_path / "vocabulary.csv"
    path.write_text(
        "phrase,indicator_code,sector_code,indicator_if_sector,indicator_if_new,note\n"
        "营业收入,no_such_code,,,,\n"
        ",revenue,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(lang.VocabularyError) as err:
        lang.load_vocabulary(path, {"revenue"}, {"ceramics"})
    found = {(v.row, v.column) for v in err.value.report.errors}
    assert found == {(2, "indicator_code"), (3, "phrase")}


# ---- reading files ----------------------------------------------------------------------------------------------


def test_gb18030_files_are_read(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("2022年实施方案\n全市规上工业营业收入突破1400亿元。\n".encode("gb18030"))
    found = ex.extract(path, "360200", "test-doc", issued="2022-02-07")
    assert [(c.value, c.target_year) for c in found] == [(1400, 2022)]  # 2022年实施方案: an annual plan


def test_table_cells_name_their_row_and_column():
    text = (
        "2022年实施方案\n附件：\n\t\n\t规上工业营业\n收入（亿元）\n\t净增规上工业\n企业数（户）\n\n"
        "\t全  市\n\t1400\n\t100\n\n\t乐平市\n\t550\n\t21\n"
    )
    found = cands(text)
    got = [(c.jurisdiction_code, c.indicator_code, c.value, c.unit) for c in found]
    # the header names the columns; 乐平市 is 360281 in jurisdictions.csv (child of 360200)
    assert got == [
        ("360200", "revenue", 1400, "亿元"),
        ("360200", "firms_net_new", 100, "户"),
        ("360281", "revenue", 550, "亿元"),
        ("360281", "firms_net_new", 21, "户"),
    ]


# ---- the synthetic plan, end to end -------------------------------------------------------------------------------

#: worked by hand from tests/fixtures/synthetic_plan_xinyu.txt (a plan for 2022-2024: base 2021, target 2024)
XINYU = [
    ("doubling", None, 2, ">=", None, None),  # 工业倍增三年行动计划
    ("revenue", None, 2000, ">", None, None),  # 营业收入突破2000亿元
    ("revenue", None, 2200, "=", "stretch", None),  # 力争达到2200亿元
    ("va_growth", None, 9, "~", None, "year"),  # 年均增长9%左右
    ("firms_net_new", None, 150, "=", None, "period"),  # 三年内净增…150户
    ("srdi_smes_new", None, 20, ">=", "stretch", "year"),  # 力争每年新增“专精特新”企业20家以上
    ("sector_revenue", "electronics", 800, "=", "floor", None),  # 确保电子信息产业营业收入达到800亿元
    ("sector_revenue", "nonferrous", 1000, ">", "stretch", None),  # 力争有色金属…突破1000亿元
    ("projects_over_100m", None, 100, "=", "stretch", "period"),  # 力争引进亿元以上工业项目100个
    ("projects_5020_completed", None, 3, "=", "stretch", None),  # 其中“5020”项目3个 (力争 of the clause before)
    ("tech_renovation_share_fai", None, 30, ">=", None, None),  # 占工业固投比重达到30%以上 (after ；)
    ("std_factory_area_new", None, 50, "=", None, "period"),  # 新建标准厂房50万平方米
    ("industrial_land_new", None, 3000, "=", None, "period"),  # 新增工业用地3000亩
    ("firms_listed_new", None, 3, "=", "stretch", None),  # 力争3-5家企业境内外上市 (value_high 5)
]


def test_synthetic_plan_known_answers():
    found = ex.extract(FIXTURE, "360500", "xinyu-2022-plan", issued="2022-03-01")
    got = [(c.indicator_code, c.sector, c.value, c.comparator, c.tier, c.per) for c in found]
    assert got == XINYU
    assert all((c.base_year, c.target_year) == (2021, 2024) for c in found)
    text = FIXTURE.read_text(encoding="utf-8")
    assert all(c.quote in text and quote_in_source(c.quote, text) for c in found)  # verbatim substrings


def _add_xinyu(data: Path) -> None:
    acc.add_jurisdiction(data, "360500", "新余市", "Xinyu", "prefecture", "360000", "GB/T 2260")


def _extract_csv(tmp_path: Path, keep="y") -> Path:
    out = tmp_path / "candidates.csv"
    found = ex.extract(FIXTURE, "360500", "xinyu-2022-plan", issued="2022-03-01")
    ex.write_candidates(found, out, "plan", "2022-03-01", FIXTURE)
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    for r in rows:
        r["keep"] = keep if float(r["confidence"]) >= ex.config.EXTRACT_KEEP_CONFIDENCE else ""
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


# ---- command line ----------------------------------------------------------------------------------------------


@pytest.mark.integration
def test_cli_extract_and_accept(data_copy, tmp_path, capsys):
    _add_xinyu(data_copy)
    out = tmp_path / "c.csv"
    args = ["extract", str(FIXTURE), "--jurisdiction", "360500", "--source-id", "xinyu-2022-plan"]
    assert main(args + ["--issued", "2022-03-01", "--out", str(out), "--data-dir", str(data_copy)]) == 0
    text = out.read_text(encoding="utf-8").replace(",,2022-03-01,", ",y,2022-03-01,")
    out.write_text(text, encoding="utf-8")
    assert main(["accept", str(out), "--data-dir", str(data_copy)]) == 0
    assert "accepted 14 rows (xinyu22-001 .. xinyu22-014)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "no-such-file.txt", "--jurisdiction", "360200", "--source-id", "x"], "no-such-file.txt"),
        (["extract", str(FIXTURE), "--jurisdiction", "360200", "--source-id", "x", "--kind", "memo"], "--kind"),
        (["extract", str(FIXTURE), "--jurisdiction", "360200", "--source-id", "x", "--issued", "March"], "--issued"),
        (["accept", "no-such-candidates.csv"], "no-such-candidates.csv"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and message in err


def test_cli_accept_rejects_a_file_that_is_not_a_candidates_csv(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["accept", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 1" in err and "target_id or actual_id" in err and "Traceback" not in err


def test_cli_accept_failing_validation_lists_errors(data_copy, tmp_path, capsys):
    shutil.copy(_extract_csv(tmp_path), tmp_path / "c.csv")  # 360500 missing from the copy
    assert main(["accept", str(tmp_path / "c.csv"), "--data-dir", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert "targets.csv, row" in err and "nothing was written" in err and "Traceback" not in err


def test_write_candidates_has_the_review_columns():
    buf = io.StringIO()
    ex.write_candidates(cands("营业收入突破1400亿元"), buf, "plan", "2022-03-01", FIXTURE)
    header = buf.getvalue().splitlines()[0].split(",")
    assert header[: len(ex.TARGET_COLUMNS)] == ex.TARGET_COLUMNS
    assert {"confidence", "review", "keep", "value_canonical"} <= set(header)


# ---- issue 22: synthetic sentences written for each rule (expected rows stated by hand) --------------------------


def test_synthetic_plan_horizons():
    # 十四五末 is 2025 whatever the issue year; 3年内 from the base year 2021 (issued 2022, no year in a title) = 2024
    c = one("到“十四五”末，全市工业总产值突破2000亿元", issued="2021-06-01")
    assert (c.target_year, c.comparator, c.indicator_code) == (2025, ">", "output_value")
    assert one("力争3年内规模以上工业营业收入达到1000亿元", issued="2022-03-01").target_year == 2024
    found = cands("规模以上工业营业收入3年、5年分别达到1000亿元、2000亿元", issued="2022-03-01")
    assert [(c.value, c.target_year) for c in found] == [(1000, 2024), (2000, 2026)]  # 2021 + 3, 2021 + 5


def test_synthetic_report_periods_from_the_issue_date():
    # a page of August on 上半年: that year's H1; a page of January on 1至11月: the year before
    c = one("上半年，全市规上工业增加值同比增长8.5%", kind="report", issued="2024-08-10")
    assert (c.period, c.growth_pct, c.indicator_code) == ("2024-01..2024-06", 8.5, "va_growth")
    c = one("1至11月规模以上工业增加值增长7.1%", kind="report", issued="2026-01-15")
    assert c.period == "2025-01..2025-11"
    # 上半年 carried to the next sentence, which names no period of its own
    found = cands(
        "上半年，全市规上工业增加值同比增长8.5%。全市规上工业营业收入500亿元", kind="report", issued="2024-08-10"
    )
    assert [c.period for c in found] == ["2024-01..2024-06", "2024-01..2024-06"]


def test_synthetic_report_spans():
    # 3年累计 in a page of February 2024: 2021..2023; 累计 -> per period, 年均 -> per year
    found = cands("3年累计完成工业投资1.06万亿元，年均增长17.3%", kind="report", issued="2024-02-28")
    assert [(c.period, c.per) for c in found] == [("2021..2023", "period"), ("2021..2023", "year")]
    c = one("十三五以来，全省规模以上工业增加值年均增长6.9%", kind="report", issued="2021-03-01")
    assert (c.period, c.per) == ("2016..2020", "year")


def test_synthetic_tiers_traditional_and_over_a_paragraph():
    c = one("力爭規模以上工業營業收入突破1萬億元", issued="2023-01-01")
    assert (c.tier, c.comparator, c.value, c.unit) == ("stretch", ">", 1, "万亿元")
    assert one("確保規模以上工業營業收入達到500億元", issued="2023-01-01").tier == "floor"
    c = one("力争到2025年：\n1. 规模以上工业营业收入达到1000亿元；", issued="2023-01-01")
    assert c.tier == "stretch" and "tier_scope" in c.review  # the heading's 力争 governs the list item
    assert one("规模以上工业营业收入跨越1000亿元").comparator == ">"  # 跨越: exceed


def test_synthetic_one_row_per_figure():
    found = cands("规模以上工业营业收入增长10%，达到1000亿元")
    assert [(c.indicator_code, c.value) for c in found] == [("revenue_growth", 10), ("revenue", 1000)]
    # the growth stands in a clause naming its own measure: not the growth of the revenue before it
    level, growth = cands("全市规上工业营业收入1000亿元，制造业增加值增长9.6%", kind="report", issued="2022-02-01")
    assert level.growth_pct is None and growth.growth_pct == 9.6
    # issue 22: a sector's value added in an above-scale paragraph (规上) is va_growth of that sector
    assert (growth.indicator_code, growth.sector) == ("va_growth", "manufacturing")


def test_synthetic_shares_and_changes():
    c = one("制造业占规模以上工业比重提升到56%")
    assert (c.indicator_code, c.value, c.unit) == ("mfg_va_share", 56, "%")  # 提升到: a share level
    c = one("工业增加值占全市生产总值比重比上年提升0.6个百分点", kind="report", issued="2022-03-01")
    assert (c.value, c.unit) == (0.6, "pp")  # 个百分点: a change


def test_synthetic_units_are_kept():
    assert one("全市农业机械总动力350万千瓦", kind="report", issued="2022-03-01").unit == "万千瓦"
    assert one("农用拖拉机9.7万台", kind="report", issued="2022-03-01").unit == "万台"
    assert one("城镇新增就业1100万人以上", issued="2018-03-05").unit == "万人"
    assert one("比上年提升 0.6 个 百分点", kind="report", issued="2022-03-01").unit == "pp"  # as wrapped


def test_synthetic_labels_and_comparisons_are_not_figures():
    found = cands("到2025年，建成1个四百亿级园区")
    assert [(c.value, c.unit) for c in found] == [(1, "个")]  # 四百亿级 names the park
    found = cands("1至11月规模以上工业增加值增长7.1%、高于全国1.1个百分点", kind="report", issued="2026-01-15")
    assert [c.growth_pct for c in found] == [7.1]  # 1.1 points above the nation: not a figure of the place


@pytest.mark.integration
def test_synthetic_100_kb_sentence_is_bounded():
    # one sentence of about 100 KB with no sentence or clause end: read in pieces of EXTRACT_MAX_SENTENCE_CHARS,
    # at most EXTRACT_MAX_CANDIDATES_PER_CLAUSE candidates per piece, quotes at most EXTRACT_MAX_QUOTE_CHARS long
    piece = "营业收入达到1400亿元"
    text = piece * (100_000 // len(piece))
    found = cands(text)
    cfg = ex.config
    pieces = -(-len(text) // cfg.EXTRACT_MAX_SENTENCE_CHARS)
    assert 0 < len(found) <= cfg.EXTRACT_MAX_CANDIDATES_PER_CLAUSE * pieces
    assert max(len(c.quote) for c in found) <= cfg.EXTRACT_MAX_QUOTE_CHARS
    assert any("clause_limit" in c.review for c in found)


def test_synthetic_share_named_before_a_level_phrase():
    # 工业总产值 (a level) stands nearer the number, but 占…比重 makes the share phrase before it the measure
    c = one("战略性新兴产业总产值占工业总产值比重提升到22%")
    assert (c.indicator_code, c.value) == ("sei_output_share", 22)


def test_english_units_keep_their_space():
    c = one("revenue of 14 billion yuan", kind="report", issued="2022-03-01")
    assert (c.value, c.unit) == (14, "RMB bn")  # a unit word with a space inside (not a wrapped 个 百分点)


# ---- issue 22: indicators of bulletins and plans (every sentence below is synthetic, written for the test) ------
# Each expected row is worked out by hand from the wording and from data/indicators.csv / vocabulary.csv; each
# test failed on the code before issue 22's indicator rules (commit 039026a).


def test_synthetic_pinyin_artefacts_are_dropped_and_the_quote_kept_as_written():
    # a page's pinyin after characters: 規(guī)模以上工業(yè)營業(yè)收入 reads 规模以上工业营业收入 = revenue; 820 亿元
    c = one("全市規(guī)模以上工業(yè)營業(yè)收入達到820億元", issued="2025-03-01")
    assert (c.indicator_code, c.value, c.unit) == ("revenue", 820, "亿元")
    assert c.quote == "全市規(guī)模以上工業(yè)營業(yè)收入達到820億元"  # verbatim, pinyin included


def test_synthetic_white_space_inside_words():
    # 增 长 wrapped with a space is 增长: the 7.2 % is the growth of 工业总产值 (output_value -> output_value_growth)
    level, growth = cands("2022年，全市工业总产值 640 亿元，增 长 7.2%。", kind="report", issued="2023-02-01")
    assert (level.indicator_code, level.value, level.growth_pct) == ("output_value", 640, 7.2)
    assert (growth.indicator_code, growth.growth_pct, growth.quote) == ("output_value_growth", 7.2, "增 长 7.2%")


def test_synthetic_value_added_of_named_sectors_above_scale():
    # 规模以上 in the paragraph: each sector's 增加值 growth is va_growth with its sector (sectors.csv codes)
    text = "2022年，全市规模以上工业增加值增长6.1%，其中采矿业增加值增长2.3%，制造业增加值增长6.8%。"
    rows = [(c.indicator_code, c.sector, c.growth_pct) for c in cands(text, kind="report", issued="2023-02-01")]
    assert rows == [("va_growth", None, 6.1), ("va_growth", "mining", 2.3), ("va_growth", "manufacturing", 6.8)]


def test_synthetic_value_added_of_all_industry_and_its_sectors():
    # no 规模以上/规上 anywhere: 工业增加值 is all industry (industrial_va_growth); 装备制造业 is the sector equipment,
    # and the phrase is not cut in the middle (NEW:业增加值 before)
    text = "2022年，全市工业增加值增长5.0%，其中装备制造业增加值增长9.4%。"
    rows = [(c.indicator_code, c.sector, c.growth_pct) for c in cands(text, kind="report", issued="2023-02-01")]
    assert rows == [("industrial_va_growth", None, 5.0), ("industrial_va_growth", "equipment", 9.4)]


def test_synthetic_value_added_levels_by_scope():
    # 亿元 after 工业增加值 (all industry) -> industrial_va; after 第二产业增加值 -> secondary_va; a sector's level in a
    # 规上 paragraph -> va with the sector
    text = "2022年，全市第二产业增加值 880.4 亿元，其中工业增加值 512.3 亿元。规上高技术制造业增加值 210.5 亿元。"
    rows = [(c.indicator_code, c.sector, c.value) for c in cands(text, kind="report", issued="2023-02-01")]
    assert rows == [("secondary_va", None, 880.4), ("industrial_va", None, 512.3), ("va", "hitech_mfg", 210.5)]


def test_synthetic_enterprise_forms_of_value_added():
    # 规模以上工业企业增加值 is above-scale (va_growth); 工业企业增加值 is all industry (industrial_va for 亿元)
    a, b = cands("到2025年，规模以上工业企业增加值年均增长6%左右，工业企业增加值突破800亿元")
    assert (a.indicator_code, a.value, a.per) == ("va_growth", 6, "year")
    assert (b.indicator_code, b.value, b.comparator) == ("industrial_va", 800, ">")


def test_synthetic_respectively_gives_each_sector_its_own_figure():
    # 分别: the first figure is the first sector's, the second the second's; one row each (not two rows each)
    text = "2022年，全市规上工业中，装备制造业、高技术制造业增加值分别增长11.0%、9.5%。"
    rows = [(c.indicator_code, c.sector, c.growth_pct) for c in cands(text, kind="report", issued="2023-02-01")]
    assert rows == [("va_growth", "equipment", 11.0), ("va_growth", "hitech_mfg", 9.5)]


def test_synthetic_subject_of_the_nearest_clause_not_one_further_back():
    # 力争达到350亿元 names no measure: it is the nearest earlier clause's (数字经济规模, unknown: NEW), not revenue's
    found = cands("到2025年，规模以上工业营业收入达到1200亿元，数字经济规模达到300亿元，力争达到350亿元")
    assert [(c.indicator_code, c.value) for c in found] == [
        ("revenue", 1200),
        ("NEW:数字经济规模", 300),
        ("NEW:数字经济规模", 350),
    ]
    assert "unknown_indicator" in found[2].review


def test_synthetic_growth_opening_the_next_sentence_is_the_level_s():
    # a page's ASCII ; ends the sentence; 比上年增长6.3% has no subject: the growth of the revenue just before
    level, growth = cands(
        "2022年，全市规模以上工业企业实现营业收入1520.6亿元;比上年增长6.3%。", kind="report", issued="2023-02-01"
    )
    assert (level.indicator_code, level.growth_pct) == ("revenue", 6.3)
    assert (growth.indicator_code, growth.growth_pct) == ("revenue_growth", 6.3)


def test_synthetic_industrial_investment_phrases():
    # 工业累计投资 is industrial_fai (累计: over the period); 制造业投资增长10% is no share (mfg_fai_share): NEW
    c = one("十四五期间，全市工业累计投资达到900亿元")
    assert (c.indicator_code, c.value, c.per) == ("industrial_fai", 900, "period")
    g = one("全市制造业投资增长10%", kind="report", issued="2023-02-01")
    assert g.indicator_code != "mfg_fai_share" and "unknown_indicator" in g.review


def test_synthetic_fractions_in_words_are_figures():
    # 三分之一 = 1/3 as a ratio (as batch-1 annotations write it), 以上 -> >=; the share phrase 制造业增加值占
    c = one("到2025年，制造业增加值占地区生产总值比重达到三分之一以上")
    assert c.value == pytest.approx(1 / 3) and c.unit == "ratio" and c.comparator == ">="
    assert c.indicator_code == "mfg_va_share"
    assert lang.find_mentions("百分之二十")[0].value == 20 and lang.find_mentions("百分之二十")[0].unit == "%"


def test_synthetic_change_or_growth_of_a_share_is_not_the_share():
    # 1.2 个百分点 after 提高: the change of the share, not its level; 战略性新兴产业增加值增长15%: growth, not share
    c = one("全市制造业增加值占比提高1.2个百分点", kind="report", issued="2023-02-01")
    assert c.indicator_code != "mfg_va_share" and "unknown_indicator" in c.review
    g = one("全市战略性新兴产业增加值增长15%", kind="report", issued="2023-02-01")
    assert g.indicator_code != "sei_va_share" and "unknown_indicator" in g.review
    s = one("到2025年，战略性新兴产业增加值占比达到25%")
    assert s.indicator_code == "sei_va_share"


def test_synthetic_pull_of_growth_is_not_the_growth():
    # 拉动…增长0.8个百分点: the pull of a sector on industry's growth, not the growth of 规上工业增加值
    rows = cands("2022年，全市电子信息产业拉动规上工业增加值增长0.8个百分点。", kind="report", issued="2023-02-01")
    assert len(rows) == 1 and rows[0].indicator_code != "va_growth" and "unknown_indicator" in rows[0].review


def test_synthetic_amount_of_change_is_not_the_level():
    # 比上年增加85亿元: the increase of the revenue, not its level: proposed as NEW:<phrase>增量
    c = one("2022年，全市规上工业营业收入比上年增加85亿元", kind="report", issued="2023-02-01")
    assert c.indicator_code == "NEW:规上工业营业收入增量" and "unknown_indicator" in c.review
    r = one("到2025年，规上工业营业收入增长到1500亿元")  # 增长到 reaches a level
    assert r.indicator_code == "revenue"


def test_synthetic_bulletin_indicators():
    # 出口 -> exports (its growth exports_growth); 利润 -> profit; 工业产值 -> output_value
    rows = cands(
        "2022年，全市出口增长8%，规上工业企业实现利润52亿元，工业产值达到610亿元。", kind="report", issued="2023-02-01"
    )
    assert [(c.indicator_code, c.value or c.growth_pct) for c in rows] == [
        ("exports_growth", 8),
        ("profit", 52),
        ("output_value", 610),
    ]


def test_synthetic_tier_word_stops_at_a_run_on_figure():
    # no punctuation after 15%: a lost sentence end; 力争 governs 15 % only, not the 200 firms
    a, b = cands("力争工业投资增长15%高新技术企业达到200家")
    assert (a.value, a.tier) == (15, "stretch") and (b.value, b.tier) == (200, None)
    # punctuated: 力争 still governs the rest of its sentence (the seeds' convention)
    c, d = cands("力争规上工业营业收入达到500亿元，高新技术企业达到200家")
    assert (c.tier, d.tier) == ("stretch", "stretch")


def test_synthetic_sectors_named_alone_after_value_added():
    # 分门类看，采矿业增长3.2%: no measure of its own; the measure before (规模以上工业增加值) is value added, so each is
    # va_growth of its sector; 电子信息制造业 is one industry (electronics), not electronics and manufacturing
    text = "2022年，全市规模以上工业增加值增长7.1%。分门类看，采矿业增长3.2%，电子信息制造业增长15.0%。"
    rows = [(c.indicator_code, c.sector, c.growth_pct) for c in cands(text, kind="report", issued="2023-02-01")]
    assert rows == [("va_growth", None, 7.1), ("va_growth", "mining", 3.2), ("va_growth", "electronics", 15.0)]


def test_synthetic_more_bulletin_measures():
    # 利润总额 … 增长3.2%: profit_growth (refers_to profit); 进出口总额 is trade_total, not exports (出口总额 inside it)
    text = "2022年，全市规上工业企业实现利润总额210.3亿元，增长3.2%；货物进出口总额800亿元。"
    rows = [(c.indicator_code, c.value, c.growth_pct) for c in cands(text, kind="report", issued="2023-02-01")]
    assert rows == [("profit", 210.3, 3.2), ("profit_growth", None, 3.2), ("trade_total", 800, None)]


def test_synthetic_changes_of_a_rate_or_a_count_are_not_the_measure():
    # 增速比一季度提高1.2个百分点: the change of a growth rate (pp), not va_growth; 比上年增加86户: the change of the
    # number of firms, not the number (proposed as NEW:<phrase>增量)
    _, change = cands(
        "1-6月，全市规上工业增加值同比增长8.0%，增速比一季度提高1.2个百分点。", kind="report", issued="2023-08-01"
    )
    assert change.unit == "pp" and change.indicator_code != "va_growth" and "unknown_indicator" in change.review
    level, more = cands("年末全市规模以上工业企业1520户，比上年增加86户。", kind="report", issued="2023-02-01")
    assert (level.indicator_code, level.value) == ("firms", 1520)
    assert (more.indicator_code, more.value) == ("NEW:规模以上工业企业增量", 86)


def test_synthetic_a_narrower_name_or_an_intensity_is_not_the_phrase():
    # 高技术制造业增加值占…比重: the share of high-tech manufacturing, not manufacturing's (mfg_va_share);
    # 单位工业增加值能耗下降: energy per unit of value added, not the growth of value added
    s = one("到2025年，高技术制造业增加值占规上工业增加值比重达到20%")
    assert s.indicator_code != "mfg_va_share" and "unknown_indicator" in s.review
    e = one("到2025年，单位工业增加值能耗下降13.5%")
    assert e.indicator_code != "industrial_va_growth" and "unknown_indicator" in e.review
    # the broader name still is manufacturing's share
    assert one("到2025年，制造业增加值占地区生产总值比重达到30%").indicator_code == "mfg_va_share"


def test_synthetic_a_phrase_after_zhan_is_the_denominator():
    # 占全市规上工业增加值的18.5%: a share of value added (its denominator), not the growth of value added
    rows = cands(
        "2023年，全市高技术制造业增加值增长10.1%，占全市规上工业增加值的18.5%。", kind="report", issued="2024-02-01"
    )
    assert [(c.indicator_code, c.sector) for c in rows][0] == ("va_growth", "hitech_mfg")
    assert rows[1].value == 18.5 and rows[1].indicator_code != "va_growth" and "unknown_indicator" in rows[1].review


def test_synthetic_sector_named_alone_in_the_same_sentence():
    # 其中制造业增长8.2%: the measure carried within the sentence is 规上工业增加值, so manufacturing's va_growth
    rows = cands("一季度，全市规上工业增加值增长7.4%，其中制造业增长8.2%。", kind="report", issued="2024-05-01")
    assert [(c.indicator_code, c.sector, c.growth_pct) for c in rows] == [
        ("va_growth", None, 7.4),
        ("va_growth", "manufacturing", 8.2),
    ]


def test_synthetic_respectively_pairs_measures_in_order():
    # 营业收入、利润总额分别增长5%、6%: the first growth is revenue's (revenue_growth), the second profit's (profit_growth)
    rows = cands("2023年，全市规上工业企业营业收入、利润总额分别增长5%、6%。", kind="report", issued="2024-02-01")
    assert [(c.indicator_code, c.growth_pct) for c in rows] == [("revenue_growth", 5), ("profit_growth", 6)]
    # a proposal never holds an earlier figure of its clause (分别增长5%、 is not a measure's name)
    for c in cands("分别增长5%、6%", kind="report", issued="2024-02-01"):
        assert not any(ch.isdigit() for ch in (c.indicator_code or ""))


# ---- issue 22, batch 2 read as development: general rules, each on a synthetic sentence written for the test ------


def test_synthetic_january_to_month_and_january_alone():
    # 1月至4月 on a page of May 2024: January to April of 2024 (2024-01..2024-04); 1月份 alone: January (2024-01)
    rows = cands("今年1月至4月，全市规上工业增加值同比增长6.1%。", kind="report", issued="2024-05-10")
    assert [(c.indicator_code, c.period) for c in rows] == [("va_growth", "2024-01..2024-04")]
    rows = cands("1月份，全市新增规上工业企业12家。", kind="report", issued="2024-05-10")
    assert [(c.value, c.period) for c in rows] == [(12, "2024-01")]


def test_synthetic_last_year_after_a_comparison_word_is_a_base():
    # 上半年 on a page of August 2024 is 2024-01..2024-06; 较去年同期 names the base (2023), not the figure's year
    rows = cands("上半年，全市工业固定资产投资较去年同期增长9.5%。", kind="report", issued="2024-08-01")
    assert [(c.growth_pct, c.period) for c in rows] == [(9.5, "2024-01..2024-06")]


def test_synthetic_small_form_semicolon_ends_the_sentence():
    # ﹔ (the small form of ； on BIG5 pages) ends the sentence: the growth before it is not the revenue's after it
    rows = cands("1—2月，全市工业用电量同比增长12.0%﹔实现营业收入150亿元。", kind="report", issued="2024-04-01")
    growth, level = rows
    assert growth.growth_pct == 12.0 and growth.indicator_code != "revenue_growth"
    assert "unknown_indicator" in growth.review or str(growth.indicator_code).startswith("NEW:")
    assert (level.value, level.indicator_code, level.sector) == (150, "revenue", None)


def test_synthetic_industry_value_added_after_an_above_scale_total():
    # a paragraph of industries after one on 规模以上工业增加值: each industry's growth is above-scale (va_growth);
    # after 全部工业增加值 it stays all industry's (industrial_va_growth)
    text = "1—3月，全市规模以上工业增加值同比增长6.0%。\n分行业看，纺织工业增加值增长5.0%，化工产业增加值增长7.0%。"
    rows = cands(text, kind="report", issued="2024-04-20")
    assert [(c.indicator_code, c.sector, c.growth_pct) for c in rows] == [
        ("va_growth", None, 6.0),
        ("va_growth", None, 5.0),  # 纺织工业: the industry is named but 纺织工业 is not a sector phrase
        ("va_growth", "chemicals", 7.0),
    ]
    text = "全年全部工业增加值增长5.0%。\n其中，纺织工业增加值增长4.0%。"
    assert [c.indicator_code for c in cands(text, kind="report", issued="2024-02-01")] == [
        "industrial_va_growth",
        "industrial_va_growth",
    ]


def test_synthetic_value_added_with_shixian_and_of_a_group_of_industries():
    # 规模以上工业实现增加值800亿元 is va (its growth va_growth, after 比上年同期); 五大行业实现增加值300亿元: the
    # value added of the five industries (va, no one sector), its growth va_growth
    text = "2023年，全市规模以上工业实现增加值800亿元，比上年同期增长7.0%。五大行业实现增加值300亿元，增长9.0%。"
    rows = cands(text, kind="report", issued="2024-02-01")
    assert [(c.indicator_code, c.value, c.growth_pct) for c in rows] == [
        ("va", 800, 7.0),
        ("va_growth", None, 7.0),
        ("va", 300, 9.0),
        ("va_growth", None, 9.0),
    ]


def test_synthetic_each_industry_of_a_counted_group():
    # 两大产业主营收入均突破800亿元: main_revenue (主营收入, not 营收 inside it) for electronics and non-ferrous;
    # …三大产业均突破300亿元: the measure of the clause before, three rows (新材料 and 食品 named, one not in the
    # vocabulary); 纺织服装产业突破200亿元: the sector's 产业 is no measure of its own (main_revenue carried)
    text = (
        "力争到2025年，电子信息、有色金属两大产业主营收入均突破800亿元，铜基新材料、锂电新能源、绿色食品三大产业均突破"
        "300亿元，纺织服装产业突破200亿元。"
    )
    rows = cands(text)
    assert [(c.value, c.indicator_code, c.sector) for c in rows] == [
        (800, "main_revenue", "electronics"),
        (800, "main_revenue", "nonferrous"),
        (300, "main_revenue", "new_materials"),
        (300, "main_revenue", "food"),
        (300, "main_revenue", None),
        (200, "main_revenue", "textiles"),
    ]


def test_synthetic_per_capita_is_not_the_measure():
    # 人均地区生产总值 is GDP per head: a new indicator, not gdp; its growth the new indicator's growth
    rows = cands("2023年，全市人均地区生产总值68000元，增长6.0%。", kind="report", issued="2024-02-01")
    assert [(c.indicator_code, c.value, c.growth_pct) for c in rows] == [
        ("NEW:人均地区生产总值", 68000, 6.0),
        ("NEW:人均地区生产总值增速", None, 6.0),
    ]


def test_synthetic_output_value_of_an_industry_or_of_a_cluster():
    # 产值 of an industry is gross output value (output_value); only 产业集群产值 is a cluster's (cluster_output)
    rows = cands("力争到2025年，汽车产业实现产值1200亿元，电子信息产业集群产值突破900亿元。")
    assert [(c.value, c.indicator_code, c.sector) for c in rows] == [
        (1200, "output_value", "automotive"),
        (900, "cluster_output", "electronics"),
    ]


def test_synthetic_short_forms_of_measures():
    # 技改投资 is 工业技改投资 (its growth tech_renovation_growth); 竣工投产 after the count: projects completed, not
    # the 100m-yuan projects put into production (投产 alone); 签约落户: projects signed; bare 重大项目 names no
    # threshold, so it is not the 2bn-yuan projects under way
    assert one("到2025年，技改投资年均增长15%").indicator_code == "tech_renovation_growth"
    assert one("到2025年，每年有50个在建项目竣工投产").indicator_code == "projects_completed"
    assert one("到2025年，每年有30个项目签约落户").indicator_code == "projects_signed"
    assert one("到2025年，全市重大项目达到200个").indicator_code != "projects_over_2bn_underway"
    assert one("到2025年，每年推进实施30个投资20亿元以上重大项目").indicator_code == "projects_over_2bn_underway"


def test_synthetic_unit_written_once_after_two_numbers():
    # 分别提高3和5.5个百分点: 3 is 3 percentage points too (the unit after the last number is both's)
    rows = cands("2023年，全市工业投资、技改投资增速较上年分别提高3和5.5个百分点。", kind="report", issued="2024-02-01")
    assert [(c.value, c.unit) for c in rows] == [(3, "pp"), (5.5, "pp")]


def test_synthetic_parts_of_a_structure_are_shares():
    # 三次产业结构为8.0:41.5:50.5 (8.0 + 41.5 + 50.5 = 100): three shares in %; 10:30 of a time is no figure
    rows = cands("2023年，全市三次产业结构为8.0:41.5:50.5。", kind="report", issued="2024-02-01")
    assert [(c.value, c.unit) for c in rows] == [(8.0, "%"), (41.5, "%"), (50.5, "%")]
    assert all("8.0:41.5:50.5" in c.quote for c in rows)
    assert all(not any(ch.isdigit() for ch in (c.indicator_code or "")) for c in rows)
    # parts that do not sum to 100 (90) are not read as shares
    assert [c.unit for c in cands("2023年，全市产业结构为8.0:41.5:40.5。", kind="report", issued="2024-02-01")] == [
        None
    ]


def test_synthetic_tier_after_a_count_and_lengths_of_time_are_not_figures():
    # 1个5千亿级，2个千亿级: the counts (1, 2) are the goals, 5千亿 a tier's label; 前10个月 and 40个行业大类 are
    # a length of time and a count of the classification, not figures
    rows = cands("到2025年，打造形成冶金1个5千亿级，化工、建材2个千亿级特色产业。")
    assert [(c.value, c.unit) for c in rows] == [(1, "个"), (2, "个")]
    rows = cands("前10个月，全省40个行业大类中有35个行业增长。", kind="report", issued="2024-11-20")
    assert [c.value for c in rows if c.value in (10, 40)] == []


def test_synthetic_a_count_names_what_follows_it():
    # 8户主营收入达百亿元企业、2个过千亿元产业: the firms at the 10bn tier (firms_rev_over_10bn), the industries over
    # 100bn (industries_rev_over_100bn), not their revenue; 千亿元 after 2个过 is the label of the tier, no figure
    rows = cands("到2027年，培育壮大8户主营收入达百亿元企业、2个过千亿元产业。")
    assert [(c.value, c.indicator_code) for c in rows] == [(8, "firms_rev_over_10bn"), (2, "industries_rev_over_100bn")]
    # each item of a list of counts takes the phrase after its own count, not the item's before it
    rows = cands("到2025年，每年有40个重大项目签约落户、每年有30个在建项目竣工投产。")
    assert [(c.value, c.indicator_code) for c in rows] == [(40, "projects_signed"), (30, "projects_completed")]


def test_synthetic_the_noun_of_an_earlier_count_is_not_the_next_count_s():
    # …30个在建项目竣工投产、每年有20个技改项目实施推进: 竣工投产 is the noun of the 30, so the 20 (no known phrase of
    # its own) is a new indicator for review, not projects_completed
    rows = cands("到2025年，每年有30个在建项目竣工投产、每年有20个技改项目实施推进。")
    assert [(c.value, c.indicator_code) for c in rows][0] == (30, "projects_completed")
    last = rows[1]
    assert last.value == 20 and last.indicator_code != "projects_completed" and "unknown_indicator" in last.review


# ---- issue 22, batch 3 (development): general rules, each on a synthetic sentence -------------------------------


def test_synthetic_japanese_look_alikes_are_read_as_chinese():
    # 工业投资増长15% (増: Japanese form of 增) is the growth of industrial investment; カ争 (katakana カ for 力) is
    # 力争, a stretch goal; 规上エ业产值 (katakana エ for 工) is above-scale industry's output
    row = one("2023年，全县工业投资増长15%。", issued="2023-02-01")
    assert (row.value, row.indicator_code) == (15, "industrial_fai_growth")
    row = one("到2025年カ争实现全县工业总产值突破800亿元。", issued="2023-02-01")
    assert (row.value, row.tier) == (800, "stretch")
    assert "カ争" in row.quote  # the quote stays as written
    assert lang.normalise("规上エ业") == "规上工业"


def test_synthetic_gdp_without_diqu_is_gdp():
    # 全年实现生产总值512.3亿元，比上年增长7.1%: 生产总值 without 地区 is the region's GDP and its growth
    rows = cands("全年实现生产总值512.3亿元，比上年增长7.1%。", kind="report", issued="2021-03-01")
    assert [(c.value, c.indicator_code) for c in rows] == [(512.3, "gdp"), (None, "gdp_growth")]
    assert rows[1].growth_pct == 7.1


def test_synthetic_clusters_revenue_and_world_class_advanced_manufacturing_clusters():
    # 先进制造业集群营收突破3万亿元: the revenue of whole clusters (cluster_revenue), not above-scale revenue; 培育3个
    # 世界级先进制造业集群: the count of world-class clusters
    row = one("2026年，全省先进制造业集群营收突破3万亿元。", issued="2026-01-10")
    assert (row.value, row.unit, row.indicator_code) == (3, "万亿元", "cluster_revenue")
    row = one("到2030年，培育3个世界级先进制造业集群。", issued="2026-01-10")
    assert (row.value, row.indicator_code) == (3, "world_class_clusters")


def test_synthetic_yuan_zhi_n_yue_is_a_year_to_date():
    # 元至5月 (元月 = January, to May) on a page of 2021-06-20: 2021-01..2021-05, as 1至5月 is
    row = one("今年元至5月，全市规模以上工业增加值同比增长9.1%。", kind="report", issued="2021-06-20")
    assert row.period == "2021-01..2021-05"
    # 元月至5月 (元月 written out) as well
    rows = cands("元月至5月，全市智能手机产量增长12.4%。", kind="report", issued="2021-06-20")
    assert [c.period for c in rows] == ["2021-01..2021-05"]
    assert lang.ytd_months("实现利润总额30万元至5月底") is None  # 万元 before 至: an amount, not 元月


def test_synthetic_a_year_the_plan_sets_is_the_year_of_the_goals_after_it():
    # a conference of January 2026 names the 十五五 (2026-2030) and 明确2026年…: the targets listed in the next
    # sentence are 2026's (the year it sets), not the horizon's last year (2030)
    text = "1月9日，某省召开全省工业会议，明确2026年工业经济重点。目标包括规上工业增加值增长6%左右，为“十五五”开好局。"
    row = one(text, issued="2026-01-09", jurisdiction="330000")
    assert (row.value, row.target_year) == (6, 2026)


def test_synthetic_places_after_a_measure_take_its_growth():
    # a report names the region's value added, then cities: 甲市规上工业增加值同比增长11.2%，其中乙基地增长20%，
    # 高于全区3.1个百分点；丙市、丁市分别增长8.4%和7.9%；戊市增长6.0%. Each city's (and the base's) % is the
    # growth of above-scale value added (va_growth), the place is not a measure; 高于全区 compares, names no measure
    text = (
        "今年上半年，甲市规上工业增加值同比增长11.2%，其中乙基地增长20%，高于全区3.1个百分点，是拉动增长的主力；"
        "丙市、丁市实现较快增长，分别增长8.4%和7.9%；戊市增长6.0%，保持平稳。"
    )
    rows = cands(text, kind="report", issued="2024-07-20", jurisdiction="640000")
    got = {c.value if c.value is not None else c.growth_pct: c.indicator_code for c in rows}
    assert {v: got.get(v) for v in (11.2, 20, 8.4, 7.9, 6.0)} == {v: "va_growth" for v in (11.2, 20, 8.4, 7.9, 6.0)}
    assert ex.new_phrase("其中乙基地增长") == "" and ex.new_phrase("戊市增长") == ""


def test_synthetic_sectors_in_a_paragraph_of_their_own_take_the_measure_before():
    # 分三大门类看，采矿业增长2.1%，制造业增长6.3% in a paragraph after 全市规模以上工业增加值同比增长5.0%: the
    # growths of those sectors' above-scale value added (va_growth, sector mining / manufacturing); 电子产业 and
    # 材料产业 are industries (electronics, materials) in the next paragraph, 汽车产业下降 the automotive one's
    text = (
        "前三季度，全市规模以上工业增加值同比增长5.0%。\n分三大门类看，采矿业增长2.1%，制造业增长6.3%。\n"
        "其中，电子产业增长14.0%。汽车产业下降8.8%。"
    )
    rows = cands(text, kind="report", issued="2019-10-22", jurisdiction="500000")
    got = [(c.growth_pct, c.indicator_code, c.sector) for c in rows]
    assert got == [
        (5.0, "va_growth", None),
        (2.1, "va_growth", "mining"),
        (6.3, "va_growth", "manufacturing"),
        (14.0, "va_growth", "electronics"),
        (-8.8, "va_growth", "automotive"),
    ]


def test_synthetic_levels_from_and_to_over_a_span_are_of_its_first_and_last_year():
    # 2015年至2018年，全市规模以上工业增加值由300.5亿元增加到420.2亿元；主营业务收入由900亿元增加到1500亿元: the
    # level after 由 is 2015's (the span's first year), the level after 增加到 2018's; the span is in the first
    # sentence of the paragraph and carries to the second (no other year after it)
    text = "2015年至2018年，全市规模以上工业增加值由300.5亿元增加到420.2亿元；主营业务收入由900亿元增加到1500亿元。"
    rows = cands(text, kind="report", issued="2019")
    assert [(c.value, c.period) for c in rows] == [(300.5, "2015"), (420.2, "2018"), (900, "2015"), (1500, "2018")]
    assert all(c.per is None for c in rows)


def test_synthetic_a_comparator_word_of_a_label_is_not_the_number_s():
    # 超亿元企业达312户: 超 qualifies the label 超亿元 (firms over 100 m yuan); the count 312 is exact (达);
    # 超过312户 is the number's own comparator (lower bound)
    assert (
        lang.comparator(
            "全市主营业务收入超亿元企业达312户", lang.find_mentions("全市主营业务收入超亿元企业达312户")[-1]
        )[0]
        == "="
    )
    assert lang.comparator("全市企业超过312户", lang.find_mentions("全市企业超过312户")[-1])[0] == ">"


def test_synthetic_money_per_person_is_a_unit_of_its_own():
    # 全员劳动生产率达到32万元/人: 32 万元 per person (labour productivity), not 32 万元; 1 万元/人 = 10000 元/人
    row = one("到2027年，全市规模以上工业全员劳动生产率达到32万元/人。", issued="2023-06-01")
    assert (row.value, row.unit) == (32, "万元/人")
    from doubling_analysis.data.units import convert

    assert convert(32, "万元/人", "元/人") == 320000


def test_synthetic_a_per_year_rate_runs_to_the_year_named_after_it():
    # a plan of 2023: 在去年实现工业总产值突破400亿元基础上，每年保持15%以上的增速，到2026年力争突破600亿元. 去年 is
    # inside 在…基础上 (the base), so the 15% per year runs to the sentence's 到2026年, as the 600 does
    text = "在去年实现工业总产值突破400亿元基础上，每年保持15%以上的增速，到2026年力争实现工业总产值突破600亿元。"
    rows = {c.value: c for c in cands(text, issued="2023-02-01")}
    assert rows[15].target_year == 2026 and rows[600].target_year == 2026
    # without 每年 / 年均, a rate before a later 到2026年 keeps the plan's year (2023)
    row = one("工业投资增长12%，为到2026年实现目标打下基础。", issued="2023-02-01")
    assert row.target_year == 2023


def test_synthetic_a_year_on_year_addition_of_investment_is_its_change():
    # 工业投资年均同比新增超过800亿元: each year 800 亿元 more than the year before (the change of a flow), not the
    # investment itself (industrial_fai): a new indicator for review, named as the change (增量)
    row = one("到2027年，工业投资年均同比新增超过800亿元。", issued="2023-06-01")
    assert row.indicator_code == "NEW:工业投资增量" and "unknown_indicator" in row.review


def test_synthetic_last_month_is_that_month_alone():
    # a page of 2022-09-20: 上月，全市工业增加值增长6.5% is August 2022 alone (2022-08), and so is the next sentence's
    # figure (同比增长7.0%, carried); 1至8月 in the paragraph after is the year to date again (2022-01..2022-08)
    text = "上月，全市工业增加值增长6.5%，运行平稳。制造业同比增长7.0%。\n1至8月，全市规模以上工业增加值同比增长5.1%。"
    rows = cands(text, kind="report", issued="2022-09-20")
    assert [(c.growth_pct, c.period) for c in rows] == [(6.5, "2022-08"), (7.0, "2022-08"), (5.1, "2022-01..2022-08")]
    # on a page of January, 上月 is December of the year before
    row = one("上月，全市工业增加值增长4.2%。", kind="report", issued="2023-01-15")
    assert row.period == "2022-12"


def test_synthetic_comparisons_with_the_region_the_city_or_the_target_are_not_figures():
    # 高于全区3.5个百分点, 高出全市规上工业4.1和2.2个百分点, 高于年度目标1.8个百分点: comparisons with another place,
    # measure or the year's target, left out (as 高于全国…); the growths themselves (9.9%, 12.0%, 10.1%) stay
    rows = cands(
        "上半年，甲县规上工业增加值同比增长9.9%，高于全区3.5个百分点，高于年度目标1.8个百分点。"
        "高技术制造业和装备制造业增加值分别增长12.0%和10.1%，高出全市规上工业4.1和2.2个百分点。",
        kind="report",
        issued="2024-07-20",
    )
    assert sorted(c.growth_pct if c.value is None else c.value for c in rows) == [9.9, 10.1, 12.0]


def test_synthetic_an_amount_right_before_a_count_is_the_count_s_threshold():
    # 规上企业达480户，其中超10亿元30户，超20亿元9户: the firms over 10亿元 (30) and over 20亿元 (9) are counted; the
    # amounts are thresholds, not figures (3 figures: 480, 30, 9); 超过10亿元 alone (no count after it) stays a figure
    rows = cands("至2020年，全市规上企业达480户，其中超10亿元30户，超20亿元9户。", kind="report", issued="2021")
    assert [(c.value, c.unit) for c in rows] == [(480, "户"), (30, "户"), (9, "户")]
    row = one("全市工业投资超过10亿元。", kind="report", issued="2021")
    assert (row.value, row.unit) == (10, "亿元")


def test_synthetic_growth_by_a_multiple_after_a_from_to_pair_is_over_the_span():
    # 2015年至2018年，利税由80亿元增加到200亿元，增长了1.5倍: (200 - 80) / 80 = 1.5, a growth by 1.5 times written as
    # such (unit 倍, kept as written), over the span 2015..2018; the two levels are of 2015 and 2018
    rows = cands("2015年至2018年，全市利税由80亿元增加到200亿元，增长了1.5倍。", kind="report", issued="2019")
    assert [(c.value, c.unit, c.period) for c in rows] == [
        (80, "亿元", "2015"),
        (200, "亿元", "2018"),
        (1.5, "倍", "2015..2018"),
    ]


def test_synthetic_a_report_names_its_year_with_its_period_in_its_head():
    # a page dated by its year only (issued 2030): the head names 2030年一季度 (a period inside 2030), so 一季度 later
    # is 2030-01..2030-03, not the quarter of the year before (the fallback for a report without a year); the year
    # after 比 (增速比2029年加快) is a base, not the report's
    text = "记者从2030年一季度甲省经济运行发布会上获悉，一季度，规模以上工业增加值同比增长8.0%，增速比2029年加快1.6个百分点。"
    rows = cands(text, kind="report", issued="2030")
    assert [(c.growth_pct, c.period) for c in rows if c.unit in (None, "%")][0] == (8.0, "2030-01..2030-03")
    assert ex.document_years(text, 2030, "report") == (2029, 2030)
    # no year with a period in the head: the past year, as before
    assert ex.document_years("全年，规模以上工业增加值同比增长8.0%。", 2030, "report") == (2028, 2029)


def test_synthetic_per_mille_and_kilowatt_hours_are_units():
    # 出生率为6.50‰: 6.50 per mille (unit ‰, a ratio of 0.0065); 发电量120.5亿千瓦时 (traditional 億千瓦時 too):
    # 120.5 × 10^8 kWh (unit 亿千瓦时, 1.205e10 千瓦时)
    rows = cands(
        "全省人口出生率为6.50‰。全省发电量120.5亿千瓦时。全區發電量30.2億千瓦時。", kind="report", issued="2031-02"
    )
    assert [(c.value, c.unit) for c in rows] == [(6.5, "‰"), (120.5, "亿千瓦时"), (30.2, "亿千瓦时")]
    assert convert(6.5, "‰", "ratio") == pytest.approx(0.0065)
    assert convert(120.5, "亿千瓦时", "千瓦时") == pytest.approx(1.205e10)


def test_synthetic_a_minus_sign_before_a_number_is_a_negative_value():
    # 人口自然增长率为-1.25‰: minus 1.25 per mille; 1-9月 and 2021-2025年 stay a span (the dash after a digit)
    rows = cands("全省人口自然增长率为-1.25‰。", kind="report", issued="2031-02")
    assert [(c.value, c.unit) for c in rows] == [(-1.25, "‰")]
    ms = lang.find_mentions("1-9月增长5%")
    assert all(m.value >= 0 for m in ms)


def test_synthetic_a_breakdown_by_ownership_industry_or_place_carries_the_list_s_measure():
    # a report: 规模以上工业增加值 grew 6.0 %; the breakdown by ownership (国有控股企业增加值 / 私营企业), by industry of
    # the national classification (石油和天然气开采业, 非金属矿物制品业: names the vocabulary lacks) and by place
    # (甲乙市规上工业经济 / 丙丁州为: the value as written after 为) are growths of above-scale value added (va_growth), not new measures named after
    # the subject
    text = (
        "1—9月，全省规模以上工业增加值同比增长6.0%。\n"
        "分经济类型看，国有控股企业增加值同比增长7.1%，私营企业增长2.2%。\n"
        "重点行业中，石油和天然气开采业增长13.0%，非金属矿物制品业增长4.4%。\n"
        "预计甲乙市规上工业经济同比增长9.1%，丙丁州为8.8%。"
    )
    rows = cands(text, kind="report", issued="2031-10-30")
    assert [(c.growth_pct if c.value is None else c.value, c.indicator_code) for c in rows] == [
        (6.0, "va_growth"),
        (7.1, "va_growth"),
        (2.2, "va_growth"),
        (13.0, "va_growth"),
        (4.4, "va_growth"),
        (9.1, "va_growth"),
        (8.8, "va_growth"),
    ]
    # a clause naming a measure of its own stays that measure's (高新技术企业 is no ownership type: a new measure)
    row = one("全省高新技术企业营业收入增长5.0%。", kind="report", issued="2031-10-30")
    assert row.indicator_code != "va_growth"


def test_synthetic_a_month_written_alone_is_that_month():
    # a page of 2031-10-30: …数据显示，9月，规模以上工业增加值同比增长5.6%，1—9月同比增长2.4%: 5.6 % is September 2031
    # alone (2031-09), 2.4 % the year to date (2031-01..2031-09); the date 10月28日 is no period
    text = "省统计局10月28日发布的数据显示，9月，全省规模以上工业增加值同比增长5.6%，1—9月同比增长2.4%。"
    rows = cands(text, kind="report", issued="2031-10-30")
    assert [(c.growth_pct, c.period) for c in rows] == [(5.6, "2031-09"), (2.4, "2031-01..2031-09")]
