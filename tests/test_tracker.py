"""The doubling tracker: each jurisdiction's revenue indexed to its own plan's base year."""

import pytest

import doubling_analysis as da
from doubling_analysis.model.assess import assess
from doubling_analysis.report.tracker import doubling_tracker


@pytest.mark.integration
def test_the_base_is_the_plans_own_base_year(data_copy):
    """A 2022-2024 plan doubles its 2021 level: the tracker indexes to 2021, not to the default 2020. Fixture (test
    only): a doubling target for Ganzhou with base 2021; Ganzhou's 2021 revenue is 4533.21 亿元 (ar069)."""
    with open(data_copy / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("web-fixturedbl,示例文件,Fixture document (test only),tests,,2022-01-01,,https://example.invalid/d\n")
    with open(data_copy / "targets.csv", "a", encoding="utf-8") as fh:
        fh.write("fxd-001,web-fixturedbl,360700,doubling,,2021,2024,2,,× base,>=,,,,工业倍增,test fixture,,\n")
    cat = da.load_catalog(data_copy)
    table = assess(cat, "2024Q4", projection_method="none")
    _, summary = doubling_tracker(cat, "2024Q4", table)
    gz = summary.set_index("jurisdiction_code").loc["360700"]
    assert int(gz["base_year"]) == 2021 and int(gz["target_year"]) == 2024
    assert gz["base_value"] == 4533.21 and gz["base_id"] == "ar069"
    # Jiangxi keeps the default base (its doubling is not a target here): 2020, 37909.2 (ar147)
    jx = summary.set_index("jurisdiction_code").loc["360000"]
    assert int(jx["base_year"]) == 2020 and jx["base_value"] == 37909.2


# ---- issue 19: like with like, each held to its own plan -----------------------------------------------------


@pytest.mark.integration
def test_each_jurisdiction_is_held_to_its_own_plans_target():
    """Worked by hand from actuals.csv and targets.csv:
    * Changjiang (cj21-001) sets a doubling of 2020 by 2023: 2^(1/3) - 1 = 25.99 % a year;
    * Ganzhou sets no doubling but 4,000 亿元 of revenue for 2021 (gz21-002); its 2020 base is derived from
      ar069 (4533.21 / 1.30 = 3487.08): 4000 / 3487.08 = 1.1471, so 14.71 % in one year; it grew 30.0 %: ahead;
    * Jiangxi's plans set no target on revenue: no required pace (the old tracker held it to 25.99 %)."""
    import math

    import pandas as pd
    import pytest

    cat = da.load_catalog()
    table = assess(cat, "2026Q3", projection_method="none")
    _, summary = doubling_tracker(cat, "2026Q3", table)
    s = summary.set_index("jurisdiction_code")
    assert s.loc["360202", "target_kind"] == "doubling" and s.loc["360202", "target_ids"] == "cj21-001"
    assert s.loc["360202", "required_pace"] == pytest.approx(0.2599, abs=1e-4)
    gz = s.loc["360700"]
    assert gz["target_kind"] == "level" and gz["target_ids"] == "gz21-002" and int(gz["target_year"]) == 2021
    assert gz["target_multiple"] == pytest.approx(1.1471, abs=1e-4)
    assert gz["required_pace"] == pytest.approx(0.1471, abs=1e-4) and gz["on_track"] == "ahead"
    assert gz["span"] == "2020–2021" and gz["measure"] == "revenue"
    jx = s.loc["360000"]
    assert jx["target_kind"] == "none" and math.isnan(jx["required_pace"]) and pd.isna(jx["on_track"])
    assert jx["span"] == "2020–2025"  # 37909.2 (ar147) to 46644.9 (ar154)


@pytest.mark.integration
def test_the_required_pace_is_the_plans_own_multiple(data_copy):
    """Fixture (test only): the development zone sets 1.5 × its 2020 revenue by 2023. By hand: 1.5^(1/3) - 1 =
    14.47 % a year; it grew 1056 / 720 = 1.4667 over 2020-2023, 13.62 % a year: behind (not 25.99 % for a 2×)."""
    import pytest

    with open(data_copy / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("web-fixturedbl,示例文件,Fixture document (test only),tests,,2022-01-01,,https://example.invalid/d\n")
    with open(data_copy / "targets.csv", "a", encoding="utf-8") as fh:
        fh.write(
            "fxd-002,web-fixturedbl,360700-JKQ,doubling,,2020,2023,1.5,,× base,>=,,,,工业营业收入增长1.5倍,test fixture,,\n"
        )
    cat = da.load_catalog(data_copy)
    table = assess(cat, "2026Q3", projection_method="none")
    _, summary = doubling_tracker(cat, "2026Q3", table)
    z = summary.set_index("jurisdiction_code").loc["360700-JKQ"]
    assert z["target_kind"] == "doubling" and z["target_multiple"] == 1.5
    assert z["required_pace"] == pytest.approx(0.1447, abs=1e-4) and z["on_track"] == "behind"


@pytest.mark.integration
def test_a_panel_without_a_target_of_its_own_draws_no_doubling_line():
    """Jiangxi sets no revenue target: its panel has no 200 line and no required path (the old chart drew both)."""
    import matplotlib

    matplotlib.use("Agg")
    from doubling_analysis.report.plots import doubling_tracker_chart

    cat = da.load_catalog()
    table = assess(cat, "2026Q3", projection_method="none")
    points, summary = doubling_tracker(cat, "2026Q3", table)
    jx = summary[summary["jurisdiction_code"] == "360000"]
    fig = doubling_tracker_chart(points, jx, {"360000": "Jiangxi"}, "en")
    ax = fig.axes[0]
    ys = {round(float(y), 6) for line in ax.get_lines() for y in line.get_ydata()}
    assert 200.0 not in ys
    assert any("no target" in t.get_text() for t in ax.texts)
