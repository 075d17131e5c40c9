"""The content of the shipped data: coverage of the five plans and facts stated in the seed README.

Expected sums come from the plan's own annex table (景德镇 2022): the county rows add up to the city row for
revenue (550+53+272+30+405+90 = 1400), net new firms (21+17+12+10+20+20 = 100) and new standard factory area
(20+15+30+35 = 100); worked out by hand from the annex.
"""

import csv

import pytest
from conftest import DATA

CITY, CHILDREN = "360200", {"360281", "360222", "360202", "360203", "360200-GXQ", "360200-CNXQ"}


def records(name):
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def annex(indicator):
    rows = [
        r
        for r in records("targets.csv")
        if r["source_id"] == "jdz-2022-plan"
        and r["indicator_code"] == indicator
        and r["applies_to"] == ""
        and r["sector"] == ""
        and r["quote"].replace(" ", "")[:3] in {"全市8", "乐平市", "浮梁县", "昌江区", "珠山区", "高新区", "昌南新"}
    ]
    return {r["jurisdiction_code"]: float(r["value"]) for r in rows}


@pytest.mark.parametrize(
    "indicator, total, n_children",
    [
        ("revenue", 1400, 6),
        ("firms_net_new", 100, 6),
        ("std_factory_area_new", 100, 4),
    ],
)
def test_jingdezhen_annex_children_add_up_to_the_city(indicator, total, n_children):
    cells = annex(indicator)
    children = {k: v for k, v in cells.items() if k in CHILDREN}
    assert cells[CITY] == total
    assert len(children) == n_children
    assert sum(children.values()) == total


def test_annex_has_every_cell():
    # 7 rows x 6 columns, less the two '-' cells (昌江区 and 珠山区 standard factories)
    n = sum(
        len(annex(i))
        for i in (
            "va_growth",
            "revenue",
            "firms_net_new",
            "industrial_fai_growth",
            "tech_renovation_growth",
            "std_factory_area_new",
        )
    )
    assert n == 40


def test_every_plan_document_has_targets():
    counts = {}
    for r in records("targets.csv"):
        counts[r["source_id"]] = counts.get(r["source_id"], 0) + 1
    plans = {
        "jdz-2022-plan",
        "gz-2021-workpoints",
        "cj-2021-2023-plan",
        "jx-2019-2023-2+6+N",
        "jdz-hitech-2021-article",
    }
    assert plans <= set(counts)
    assert all(s.startswith("web-") for s in set(counts) - plans)
    assert sum(counts[p] for p in plans) >= 180


def test_doubling_plans_imply_a_relative_target():
    rows = [r for r in records("targets.csv") if r["indicator_code"] == "doubling"]
    by_jur = {r["jurisdiction_code"]: r for r in rows}
    assert set(by_jur) == {"360200", "360202", "360200-GXQ"}
    for r in rows:
        assert (r["value"], r["unit"], r["base_year"]) == ("2", "× base", "2020")
        assert "倍增" in r["quote"] and "implied by the plan" in r["note"]


def test_floor_and_stretch_are_two_rows():
    # 赣州 2021: 确保电子信息产业集群产值突破1000亿元,力争达到1200亿元
    rows = [
        r
        for r in records("targets.csv")
        if r["source_id"] == "gz-2021-workpoints"
        and r["sector"] == "electronics"
        and r["indicator_code"] == "cluster_output"
    ]
    got = sorted((r["tier"], r["comparator"], float(r["value"])) for r in rows)
    assert got == [("floor", ">", 1000.0), ("stretch", "=", 1200.0)]


def test_ranges_have_value_high():
    rows = [r for r in records("targets.csv") if "3-5" in r["quote"] and r["source_id"] == "gz-2021-workpoints"]
    assert rows and all((r["value"], r["value_high"]) == ("3", "5") for r in rows)


# SHA-256 of the seed files as received in ../shared/seeds/ (000_… to 004_…), computed with sha256sum when
# they were copied; the copies in data/sources/ must stay byte-identical.
SEED_SHA256 = {
    "jdz-2022-plan.txt": "1a36f5b9ceb74895c4f7b3fd4b0f78a48dde4c548a0fd66690f59ad70212c3c6",
    "gz-2021-workpoints.txt": "8d3cfc3a16a93720f2343d1d50eac1195045d904eb67b0196ce1436203deff2d",
    "cj-2021-2023-plan.txt": "a5e171d9258ea9146aca4e781a0936b1b25bf141f1f00ce9ec3598c4ba66e48b",
    "jx-2019-2023-2+6+N.txt": "436d31abb304071f44dae4d24f1c58fc5b5579584a8046bff2b4b23f207be3d7",
    "jdz-hitech-2021-article.txt": "32f3912c6e155838d9af316610ee5f8141bb5cf4c5a6e6b9fa868c715caa0009",
}


def test_source_texts_are_unchanged_copies_of_the_seeds():
    import hashlib

    got = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (DATA / "sources").glob("*.txt")}
    assert got == SEED_SHA256
    files = {r["file"] for r in records("sources.csv") if r["file"]}
    assert files == set(SEED_SHA256)


@pytest.mark.integration
def test_the_remaining_decidable_targets_are_decided_or_say_why_not():
    """Issue 19: jx19-006, jx19-026, web-001, gz21-011 and gz21-014, whose years are over, are either decided as of
    2026Q3 or carry the reason they are not ("undecided (issue 19): ...") in their note in targets.csv."""
    import doubling_analysis as da
    from doubling_analysis.model.assess import DECIDED, assess

    ids = ["jx19-006", "jx19-026", "web-001", "gz21-011", "gz21-014"]
    table = assess(da.load_catalog(), "2026Q3", projection_method="none", only=ids).set_index("target_id")
    notes = {r["target_id"]: r["note"] for r in records("targets.csv")}
    for tid in ids:
        decided = table.loc[tid, "outcome"] in DECIDED
        assert decided or notes[tid].count("undecided (issue 19): ") == 1, tid
    assert table.loc["jx19-006", "outcome"] == "likely_missed"
