"""The doubling tracker: each jurisdiction's revenue indexed to its own plan's base year."""

import doubling_analysis as da
from doubling_analysis.assess import assess
from doubling_analysis.tracker import doubling_tracker


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
