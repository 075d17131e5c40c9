"""The overview report stays an overview on a large panel: one summary row per jurisdiction instead of pages, long
tables cut at a stated number of rows that name their CSV file, charts with a stated selection of rows. Thresholds
are lowered with monkeypatch so that the shipped data is a "large" panel."""

import re

import pytest

import doubling_analysis as da
from doubling_analysis import config
from doubling_analysis.report import quarterly

QUARTER = "2026Q3"


@pytest.fixture(scope="module")
def rep():
    return quarterly.prepare(da.load_catalog(), QUARTER, "zh", n_paths=500, backtest_paths=50, output_dir=None)


def body_rows(html: str) -> int:
    return len(re.findall(r"<tr>", html.split("<tbody>", 1)[1])) if "<tbody>" in html else 0


@pytest.mark.integration
def test_a_small_panel_has_pages_and_no_summary(rep):
    assert len(rep.page_codes) <= config.REPORT_PAGES_MAX and rep.page_codes
    assert not rep.summarised and rep.summary_html() == ""


@pytest.mark.integration
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


@pytest.mark.integration
def test_a_long_table_is_cut_and_names_its_csv(rep, monkeypatch, tmp_path):
    monkeypatch.setattr(rep, "output_dir", str(tmp_path / "tables"))
    monkeypatch.setattr(config, "REPORT_TABLE_ROWS", 5)
    html = rep.all_targets_html()
    n = len(rep.table)
    assert body_rows(html) == 5
    assert f"另有 {n - 5:,} 行未列出（共 {n:,} 行），全部见 {tmp_path}/tables/assessment.csv。" in html
    assert (tmp_path / "tables" / "assessment.csv").exists()


@pytest.mark.integration
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
@pytest.mark.integration
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


@pytest.mark.integration
def test_a_long_list_of_findings_is_cut_and_names_its_csv(rep, monkeypatch):
    monkeypatch.setattr(config, "REPORT_FINDINGS_MAX", 1)
    html = rep.findings_html()
    from doubling_analysis.report.findings import key_findings

    f = key_findings(rep.catalog, QUARTER, rep.table, rep.tracker_summary, rep.changes, rep.backtest_summary, "zh")
    headings = [k for k, xs in f.items() if xs]
    assert html.count("<li>") == len(headings)  # one sentence under each heading
    decided = len(f["decided"])
    assert decided > 1 and f"另有 {decided - 1:,} 条未列出（共 {decided:,} 条），全部见 key_findings.csv。" in html


@pytest.mark.parametrize("quarter", ["2022Q4", "2023Q4", QUARTER])
@pytest.mark.integration
def test_the_counts_of_every_jurisdiction_are_the_sizes_of_its_page_parts(quarter):
    """The summary counts every jurisdiction in one pass; each must equal the parts its page is made of."""
    r = quarterly.prepare(da.load_catalog(), quarter, "zh", n_paths=300, backtest_paths=20)
    c = r._counts
    assert list(c.index) == r.codes
    for code in r.codes:
        _, distinct, evidence, live, other, none = r._split(code)
        out = distinct["outcome"]
        assert c.loc[code, "targets"] == len(distinct)
        assert c.loc[code, "with_evidence"] == len(evidence) and c.loc[code, "live"] == len(live)
        assert c.loc[code, "without_figure"] == len(none) and c.loc[code, "other_scope"] == len(other)
        assert len(distinct) == len(evidence) + len(live[~live.index.isin(evidence.index)]) + len(other) + len(none)
        assert c.loc[code, "achieved"] == out.isin(("achieved", "likely_achieved")).sum()
        assert c.loc[code, "missed"] == out.isin(("missed", "likely_missed")).sum()
        assert (code in r.page_codes) == (len(evidence) + len(live) > 0)


# ---- issue 19: the report says what the evidence says ------------------------------------------------------------


def synthetic_groups_table():
    """A tiny synthetic assessment (test only): one jurisdiction "X", five rows."""
    import pandas as pd

    from doubling_analysis.model.notes import Note

    other = Note.of(
        "other_scope",
        other="cluster_output",
        other_zh="产业集群产值",
        other_en="Cluster output",
        period="2023",
        value="2,700",
        actual_id="syn-a9",
    )
    rows = [
        # id, outcome, latest, p, counted, notes
        ("syn-1", "achieved", 10.0, None, True, ()),  # evidence
        ("syn-2", "undetermined", None, None, True, (other,)),  # another scope only
        ("syn-3", "undetermined", None, None, True, ()),  # nothing
        ("syn-4", "undetermined", None, None, False, (other,)),  # a restatement: not counted
        ("syn-5", "pending", 5.0, 0.4, True, ()),  # evidence, and live
    ]
    return pd.DataFrame(
        {
            "target_id": [r[0] for r in rows],
            "jurisdiction_code": "X",
            "outcome": [r[1] for r in rows],
            "latest_value": [r[2] for r in rows],
            "latest_bound": "exact",
            "p_attain": [r[3] for r in rows],
            "counted": [r[4] for r in rows],
            "notes": [r[5] for r in rows],
        }
    )


def test_a_target_with_figures_of_another_scope_is_not_counted_as_without_data():
    """By hand from the five rows above: 4 counted; syn-1 and syn-5 with evidence (syn-5 also live), syn-2 another
    scope only, syn-3 nothing. The old grouping put syn-2 under "no figure at all"."""
    from doubling_analysis.report.findings import jurisdiction_counts, target_groups

    t = synthetic_groups_table()
    assert target_groups(t).tolist() == ["evidence", "other_scope", "none", None, "evidence"]
    c = jurisdiction_counts(t).loc["X"]
    assert (c["targets"], c["with_evidence"], c["live"], c["other_scope"], c["without_figure"]) == (4, 2, 1, 1, 1)


@pytest.mark.integration
def test_a_page_lists_the_targets_of_another_scope_with_their_figure_ids(rep):
    """Ganzhou's cluster-output targets have only cluster-revenue or industry-revenue figures (different scopes in
    concordance.csv): gz21-006 has ar073 (cluster revenue 2023, 2,700 亿元 in actuals.csv)."""
    html = rep.jurisdiction_html("360700")
    section = html.split("只有其他口径数据的目标", 1)[1].split("<h3", 1)[0]
    row = section.split("gz21-006", 1)[1].split("</tr>", 1)[0]
    assert "ar073" in row and "2,700" in row
    nothing = html.split("没有任何数据的目标", 1)[1] if "没有任何数据的目标" in html else ""
    assert "gz21-006" not in nothing


def _numbers(pattern: str, text: str) -> tuple[int, ...]:
    m = re.search(pattern, text)
    assert m, (pattern, text[:300])
    return tuple(int(x.replace(",", "")) for x in m.groups())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.integration
def test_the_counts_agree_across_pages(lang):
    """A jurisdiction's page, the gaps section and the summary table state the same numbers: each read from its
    rendered text and compared with the others (and with the one counting function)."""
    r = quarterly.prepare(da.load_catalog(), QUARTER, lang, n_paths=300, backtest_paths=20)
    gaps = re.sub(r"<[^>]+>", "", r.gaps_html())
    for code in r.codes:
        name = r.names.jurisdictions[code]
        page = re.sub(r"<[^>]+>", "", r.jurisdiction_html(code) if code in r.page_codes else r.without_evidence_html())
        page = page.split(name, 1)[1]
        if lang == "zh":
            d, e, other, none = _numbers(
                r"不重复的承诺 (\d+) 项）：有数据 (\d+) 项，.*?只有其他口径数据 (\d+) 项，没有任何数据 (\d+) 项", page
            )
            line = gaps.split(name + "：", 1)[1].split("\n", 1)[0]
            gd, ge = _numbers(r"(\d+) 项不重复的承诺中 (\d+) 项", line)
            go = _numbers(r"(\d+) 项只有其他口径", line)[0] if other else 0
            gn = _numbers(r"其余 (\d+) 项", line)[0] if none else 0
        else:
            d, e, other, none = _numbers(
                r"\((\d+) distinct commitments\): (\d+) with evidence, .*?(\d+) with figures of another scope only, "
                r"(\d+) without any figure",
                page,
            )
            line = gaps.split(name + ":", 1)[1].split("\n", 1)[0]
            ge, gd = _numbers(r"(\d+) of (\d+) distinct", line)
            go = _numbers(r"(\d+) have figures of another scope", line)[0] if other else 0
            gn = _numbers(r"the other (\d+) have no public figure", line)[0] if none else 0
        assert (d, e, other, none) == (gd, ge, go, gn), code
        c = r._counts.loc[code]
        assert (d, e, other, none) == (c["targets"], c["with_evidence"], c["other_scope"], c["without_figure"])
    # the key findings' counts sentence: of the undetermined, those with figures of another scope only — at 2026Q3
    # every one of them is undetermined, so the sentence and the pages agree: 1 (Jiangxi) + 2 (Jingdezhen) + 6
    # (Ganzhou) = 9, counted by hand from the pages' lists above
    from doubling_analysis.report.findings import key_findings

    counts = key_findings(r.catalog, QUARTER, r.table, r.tracker_summary, r.changes, None, lang)["decided"][0]
    assert dict(counts.params)["other_scope"] == int(r._counts["other_scope"].sum()) == 9
    # and the summary table of a summarised panel, row by row
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "REPORT_PAGES_MAX", 0)
        summary = r.summary_html()
    for code in r.codes:
        row = summary.split(f"jurisdictions/{code}.pdf")[0].rsplit("<tr>", 1)[1]
        cells = re.findall(r"<td>(.*?)</td>", row)
        c = r._counts.loc[code]
        expected = [c[k] for k in ("targets", "with_evidence", "achieved", "missed", "live", "other_scope")]
        assert [int(x) for x in cells[2:9]] == expected + [c["without_figure"]], (code, cells)


# ---- issue 21: the report as sections: data functions, renderers that write nothing, one writer of tables ------


def synthetic_report_data(**fields):
    """A ReportData with only what a section under test reads (test only; the rest empty)."""
    import pandas as pd

    from doubling_analysis.report.findings import Changes, Names
    from doubling_analysis.report.sections import ReportData

    empty = pd.DataFrame()
    base = dict(
        catalog=None,
        quarter="2026Q3",
        lang="en",
        codes=[],
        table=empty,
        previous=empty,
        changes=Changes("2026Q3", "2026Q2", empty, empty, empty, empty),
        tracker_points=empty,
        tracker_summary=empty,
        backtest_summary=None,
        output_dir=None,
        names=Names("en", {}, {}, {}, {}),
    )
    return ReportData(**(base | fields))


def test_write_tables_writes_every_table_of_every_section_and_nothing_without_a_folder(tmp_path, monkeypatch):
    import pandas as pd

    from doubling_analysis.report.sections import Drawn, write_tables

    monkeypatch.chdir(tmp_path)  # a write to a relative path would land here

    a = Drawn((), {"synthetic_a": pd.DataFrame({"x": [1, 2]})})
    b = Drawn((), {"synthetic_b": pd.DataFrame({"y": ["p"]}), "synthetic_c": pd.DataFrame({"z": []})})
    write_tables([a, b], None)
    assert list(tmp_path.iterdir()) == []
    write_tables([a, b], str(tmp_path / "tables"))
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "synthetic_a.csv",
        "synthetic_b.csv",
        "synthetic_c.csv",
    ]
    # UTF-8 with BOM, no index (presentation.save_table): written out by hand
    assert (tmp_path / "tables" / "synthetic_a.csv").read_bytes() == "\ufeffx\n1\n2\n".encode()


def test_the_tracker_chart_selects_the_fastest_and_the_slowest_half(monkeypatch):
    """Five synthetic tracked jurisdictions, paces 10%, 30%, 20%, 50%, 40% (all ok); two panels: by hand the fastest
    (D, 50%) and the slowest (A, 10%), in that order, and only their points."""
    import pandas as pd

    from doubling_analysis.report.sections import section_tracker_chart

    monkeypatch.setattr(config, "REPORT_CHART_PANELS", 2)
    summary = pd.DataFrame({"jurisdiction_code": list("ABCDE"), "status": "ok", "pace": [0.1, 0.3, 0.2, 0.5, 0.4]})
    points = pd.DataFrame({"jurisdiction_code": list("AABCDDE"), "year": range(7)})
    s = section_tracker_chart(synthetic_report_data(tracker_summary=summary, tracker_points=points))
    assert list(s.summary["jurisdiction_code"]) == ["D", "A"]
    assert list(s.points["year"]) == [0, 1, 4, 5]
    assert s.note.startswith("The chart shows 2 of 5: the fastest and the slowest half each")
    assert s.tables["doubling_tracker"] is points  # every point is in the table, not only those drawn
    # fewer jurisdictions with a pace than panels: those with a pace first, then the others in their order
    monkeypatch.setattr(config, "REPORT_CHART_PANELS", 4)
    summary = summary.assign(status=["ok", "no_base", "ok", "no_base", "no_base"])
    s = section_tracker_chart(synthetic_report_data(tracker_summary=summary, tracker_points=points))
    assert list(s.summary["jurisdiction_code"]) == ["C", "A", "B", "D"]
    # a panel that fits: every row, no statement
    monkeypatch.setattr(config, "REPORT_CHART_PANELS", 5)
    s = section_tracker_chart(synthetic_report_data(tracker_summary=summary, tracker_points=points))
    assert s.note == "" and len(s.summary) == 5 and len(s.points) == 7


def test_the_findings_renderer_cuts_each_group_and_names_the_csv():
    """Three synthetic sentences under one heading, two shown: by hand, one more not shown of three."""
    from doubling_analysis.report.sections import FindingsSection, render_findings

    s = FindingsSection((("what_decided", ("s1", "s2", "s3 <b>")),), 2, "tables/key_findings.csv", {})
    out = render_findings(s, "en")
    assert out.count("<li>") == 2 and "<li>s1</li><li>s2</li>" in out and "s3" not in out
    assert "1 more not shown (3 in all); every sentence is in tables/key_findings.csv." in out
    assert "<b>" not in render_findings(FindingsSection((("what_decided", ("s3 <b>",)),), 2, "", {}), "en")


def test_a_quarter_without_changes_says_so_in_one_sentence():
    from doubling_analysis.report.sections import ChangesSection, render_changes

    out = render_changes(ChangesSection("Nothing changed.", None, None, None, "", None, {}), "en")
    assert out.endswith("<p>Nothing changed.</p>") and "<h3>" not in out


def test_no_section_function_or_renderer_writes_a_file(rep, monkeypatch, tmp_path):
    """Only write_tables writes: every section made and rendered with an output folder set leaves it empty; the
    facade then writes the same tables into it."""
    import matplotlib

    from doubling_analysis.report import sections as S

    matplotlib.use("Agg")
    monkeypatch.setattr(rep, "output_dir", str(tmp_path))
    code = rep.page_codes[0]
    made = [
        (S.section_findings(rep), S.render_findings),
        (S.section_changes(rep), S.render_changes),
        (S.section_tracker(rep), S.render_tracker),
        (S.section_tracker_chart(rep), S.render_tracker_chart),
        (S.section_shortfall(rep), S.render_shortfall),
        (S.section_summary(rep), S.render_summary),
        (S.section_without_evidence(rep), S.render_without_evidence),
        (S.section_jurisdiction(rep, code), S.render_jurisdiction),
        (S.section_jurisdiction_charts(rep, code), S.render_jurisdiction_charts),
        (S.section_comparison(rep), S.render_comparison_charts),
        (S.section_consistency(rep), S.render_consistency),
        (S.section_ambition(rep), S.render_ambition_chart),
        (S.section_gaps(rep), S.render_gaps),
        (S.section_sources(rep), S.render_sources),
        (S.section_backtest(rep), S.render_backtest),
        (S.section_all_targets(rep), S.render_all_targets),
    ]
    for section, render in made:
        render(section, rep.lang)
    assert list(tmp_path.iterdir()) == []
    names = {name for section, _ in made if section is not None for name in section.tables}
    assert {"key_findings", "doubling_tracker", "shortfall", "assessment", "sources", "ambition"} <= names
    S.write_tables([section for section, _ in made if section is not None], str(tmp_path))
    assert {p.stem for p in tmp_path.iterdir()} == names
