"""The overview report stays an overview on a large panel: one summary row per jurisdiction instead of pages, long
tables cut at a stated number of rows that name their CSV file, charts with a stated selection of rows. Thresholds
are lowered with monkeypatch so that the shipped data is a "large" panel."""

import re

import pytest

import doubling_analysis as da
from doubling_analysis import config, quarterly

QUARTER = "2026Q3"


@pytest.fixture(scope="module")
def rep():
    return quarterly.prepare(da.load_catalog(), QUARTER, "zh", n_paths=500, backtest_paths=50, output_dir=None)


def body_rows(html: str) -> int:
    return len(re.findall(r"<tr>", html.split("<tbody>", 1)[1])) if "<tbody>" in html else 0


def test_a_small_panel_has_pages_and_no_summary(rep):
    assert len(rep.page_codes) <= config.REPORT_PAGES_MAX and rep.page_codes
    assert not rep.summarised and rep.summary_html() == ""


def test_a_large_panel_gets_one_summary_row_per_jurisdiction(rep, monkeypatch):
    with_evidence = list(rep.page_codes)
    monkeypatch.setattr(config, "REPORT_PAGES_MAX", len(with_evidence) - 1)
    assert rep.summarised and rep.page_codes == []
    html = rep.summary_html()
    assert body_rows(html) == len(rep.codes)
    for code in rep.codes:
        assert f"jurisdictions/{code}.pdf" in html
    assert rep.without_evidence_html() == ""  # the summary lists them
    # the counts of a row, checked against the assessment by hand: Ganzhou's distinct targets
    t = rep.table[(rep.table["jurisdiction_code"] == "360700") & rep.table["counted"].astype(bool)]
    row = html.split("jurisdictions/360700.pdf")[0].rsplit("<tr>", 1)[1]
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[:3] == ["360700", "赣州市", str(len(t))]


def test_a_long_table_is_cut_and_names_its_csv(rep, monkeypatch, tmp_path):
    monkeypatch.setattr(rep, "output_dir", str(tmp_path / "tables"))
    monkeypatch.setattr(config, "REPORT_TABLE_ROWS", 5)
    html = rep.all_targets_html()
    n = len(rep.table)
    assert body_rows(html) == 5
    assert f"另有 {n - 5:,} 行未列出（共 {n:,} 行），全部见 {tmp_path}/tables/assessment.csv。" in html
    assert (tmp_path / "tables" / "assessment.csv").exists()


def test_a_chart_of_a_large_panel_shows_a_stated_selection(rep, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    s = rep.tracker_summary
    ok = s[s["status"] == "ok"]
    assert len(ok) >= 3  # the shipped data has them: a selection of 2 leaves one out
    monkeypatch.setattr(config, "REPORT_CHART_PANELS", 2)
    fig = rep.tracker_chart()
    titles = [ax.get_title() for ax in fig.axes if ax.has_data()]
    fastest = ok.sort_values("pace", ascending=False)
    names = rep.names.jurisdictions
    first, last = (names[fastest.iloc[i]["jurisdiction_code"]] for i in (0, -1))
    assert len(titles) == 2 and titles[0].startswith(first) and titles[1].startswith(last), titles
    assert f"图中列出 2 项（共 {len(s)} 项）" in fig._suptitle.get_text()


@pytest.mark.parametrize("panels", [2, 12])
def test_the_statement_of_a_selection_sits_above_the_panels(monkeypatch, panels):
    """It once sat over the first row's titles of a chart of four rows: the chart was laid out before the
    statement was added. A synthetic panel three times the shipped one has 18 jurisdictions to select from."""
    import matplotlib
    from conftest import synthetic_scaled_catalog

    matplotlib.use("Agg")
    cat = synthetic_scaled_catalog(da.load_catalog(), 3)
    big = quarterly.prepare(cat, QUARTER, "zh", n_paths=100, backtest_paths=20, output_dir=None)
    assert len(big.tracker_summary) > config.REPORT_CHART_PANELS >= panels
    monkeypatch.setattr(config, "REPORT_CHART_PANELS", panels)
    fig = big.tracker_chart()
    renderer = fig.canvas.get_renderer()
    statement = fig._suptitle.get_window_extent(renderer)
    titles = [ax.title.get_window_extent(renderer) for ax in fig.axes if ax.get_visible()]
    assert len(titles) == panels
    for title in titles:
        assert statement.y0 >= title.y1, (statement, title)
    assert fig.bbox.y1 >= statement.y1  # and inside the figure


def test_a_long_list_of_findings_is_cut_and_names_its_csv(rep, monkeypatch):
    monkeypatch.setattr(config, "REPORT_FINDINGS_MAX", 1)
    html = rep.findings_html()
    from doubling_analysis.findings import key_findings

    f = key_findings(rep.catalog, QUARTER, rep.table, rep.tracker_summary, rep.changes, rep.backtest_summary, "zh")
    headings = [k for k, xs in f.items() if xs]
    assert html.count("<li>") == len(headings)  # one sentence under each heading
    decided = len(f["decided"])
    assert decided > 1 and f"另有 {decided - 1:,} 条未列出（共 {decided:,} 条），全部见 key_findings.csv。" in html


@pytest.mark.parametrize("quarter", ["2022Q4", "2023Q4", QUARTER])
def test_the_counts_of_every_jurisdiction_are_the_sizes_of_its_page_parts(quarter):
    """The summary counts every jurisdiction in one pass; each must equal the parts its page is made of."""
    r = quarterly.prepare(da.load_catalog(), quarter, "zh", n_paths=300, backtest_paths=20)
    c = r._counts
    assert list(c.index) == r.codes
    for code in r.codes:
        _, distinct, evidence, live, none = r._split(code)
        out = distinct["outcome"]
        assert c.loc[code, "targets"] == len(distinct)
        assert c.loc[code, "with_evidence"] == len(evidence) and c.loc[code, "live"] == len(live)
        assert c.loc[code, "without_figure"] == len(none)
        assert c.loc[code, "achieved"] == out.isin(("achieved", "likely_achieved")).sum()
        assert c.loc[code, "missed"] == out.isin(("missed", "likely_missed")).sum()
        assert (code in r.page_codes) == (len(evidence) + len(live) > 0)
