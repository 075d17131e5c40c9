"""Every notebook over a parameter matrix, as microsoft/recommenders tests its notebooks: papermill runs each case
(in warm kernels, two at a time) and the assertions read the CSV tables the notebooks write, never their HTML.

* fast (default run): one case per notebook that matters most to a user (a sector series reached through a
  target id and a same-measure indicator; an index whose base is derived);
* slow (``-m slow``): every series that has a target (jurisdiction x indicator x sector) in notebook 02, every
  indicator across all jurisdictions in notebook 03, at several as-of dates and in both languages (each case
  takes the next as-of date and language in turn, so that the matrix covers them all without multiplying).

The invariants checked on every case are the suite's principles: only figures published by the as-of date; a
bound stays a bound; a figure of another indicator is marked derived; a bound is never an index base;
probabilities are probabilities.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

import doubling_analysis as da
from doubling_analysis import config
from doubling_analysis.build.runner import Job, KernelRun
from doubling_analysis.data.vintage import as_of_date, available_date

AS_OF = ("2022Q4", "2024Q2", "2026Q3")
LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def catalog():
    return da.load_catalog()


def run_cases(folder: Path, notebook: str, cases: dict[str, dict], slots: int = 2) -> dict[str, tuple[dict, Path]]:
    """Execute ``notebook`` once per case (id -> parameters), each writing its tables to ``folder/<id>``."""
    jobs = [
        Job(notebook, {**params, "output_dir": str(folder / case)}, output_name=f"{case}.ipynb")
        for case, params in cases.items()
    ]
    with KernelRun(jobs, folder, slots) as run:
        entries = {e["notebook"].removesuffix(".ipynb"): e for e in run.results()}
    return {case: (entries[case], folder / case) for case in cases}


def series_with_targets(catalog) -> list[tuple[str, str, str]]:
    t = catalog.targets
    t = t[t["applies_to"].isna() | (t["applies_to"] == "")]
    sectors = t["sector"].astype(object).fillna("").astype(str)
    keys = zip(t["jurisdiction_code"].astype(str), t["indicator_code"].astype(str), sectors)
    return list(dict.fromkeys(keys))


def _published_by(catalog, as_of) -> set[str]:
    a = catalog.actuals
    known = available_date(a, config.PUBLICATION_LAG_MONTHS) <= as_of_date(as_of)
    return set(a.loc[known, "actual_id"].astype(str))


def _bounds(catalog) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for aid, b in zip(catalog.actuals["actual_id"].astype(str), catalog.actuals["bound"].astype(str)):
        out.setdefault(aid, set()).add(b)
    return out


def check_growth_path_tables(catalog, case: str, entry: dict, tables: Path, params: dict) -> None:
    assert entry["status"] == "ok", (case, entry["error"])
    points = list(tables.glob("points_*.csv"))
    assert len(points) == 1, (case, "the notebook writes the points it draws")
    pts = pd.read_csv(points[0], encoding="utf-8-sig", dtype={"actual_id": str, "via": str})
    if len(pts):
        ids = set(pts["actual_id"])
        late = ids - _published_by(catalog, params["as_of"])
        assert not late, (case, "figures not yet published at the as-of date", late)
        bounds = _bounds(catalog)
        for aid, b in zip(pts["actual_id"], pts["bound"]):
            assert b in bounds[aid], (case, aid, b, "a bound stays a bound")
        via = pts["via"].fillna("") != ""
        assert (pts.loc[via, "derived"].astype(bool)).all(), (case, "another indicator's figure is marked derived")
    probs = list(tables.glob("probabilities_*.csv"))
    if probs:
        p = pd.read_csv(probs[0], encoding="utf-8-sig")
        if len(p):
            assert p["p_attain"].between(0, 1).all(), case


def check_index_tables(catalog, case: str, entry: dict, tables: Path) -> None:
    assert entry["status"] == "ok", (case, entry["error"])
    files = list(tables.glob("index_*.csv"))
    assert len(files) == 1, case
    idx = pd.read_csv(files[0], encoding="utf-8-sig", dtype={"actual_id": str})
    if idx.empty:
        return
    bases = idx[idx["index"].round(9) == 100]
    bounds = _bounds(catalog)
    for r in bases.itertuples(index=False):
        assert r.bound == "exact" and ("exact" in bounds[r.actual_id] or r.derived), (case, "a bound is never a base")


# ---- fast: the cases a user starts with -----------------------------------------------------------------------


@pytest.mark.integration
def test_a_sector_series_by_target_id_and_an_index_with_a_derived_base(tmp_path, catalog):
    """Issue 12: Jiangxi's electronics path by one target id (its figures are of 营业收入, the same measure as
    the target's 主营业务收入, so derived), and Ganzhou's revenue index from 2020 (base derived from its 2021
    level and growth: 4533.21 / 1.30 = 3487.08, worked by hand)."""
    p02 = {"target": "jx19-002", "as_of": "2022Q4", "n_paths": 2000}
    p03 = {"jurisdictions": "360000,360700,360200", "indicator": "revenue", "base_year": 2020, "as_of": "2026Q3"}
    ((e02, t02),) = run_cases(tmp_path / "02", "02_growth_paths", {"electronics": p02}).values()
    ((e03, t03),) = run_cases(tmp_path / "03", "03_comparison", {"ganzhou": p03}).values()
    check_growth_path_tables(catalog, "electronics", e02, t02, p02)
    pts = pd.read_csv(t02 / "points_360000_main_revenue_electronics.csv", encoding="utf-8-sig")
    assert len(pts) >= 3 and (pts["via"] == "sector_revenue").all() and pts["derived"].all()
    assert (pts["bound"] == "lower").sum() >= 1  # 突破 figures stay lower bounds
    check_index_tables(catalog, "ganzhou", e03, t03)
    idx = pd.read_csv(t03 / "index_revenue.csv", encoding="utf-8-sig")
    gz = idx[idx["jurisdiction"] == "赣州市"].set_index("year")
    assert gz.loc[2020.0, "value"] == pytest.approx(4533.21 / 1.30) and bool(gz.loc[2020.0, "derived"])
    assert gz.loc[2021.0, "index"] == pytest.approx(130.0)
    assert "景德镇市" not in set(idx["jurisdiction"])  # no 2020 figure and none implied: left out, and said so


# ---- slow: the whole matrix -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_growth_paths_notebook_on_every_series_with_a_target(tmp_path, catalog):
    rotation = itertools.cycle(itertools.product(AS_OF, LANGS))
    cases = {}
    for i, (jur, ind, sector) in enumerate(series_with_targets(catalog)):
        as_of, lang = next(rotation)
        cases[f"c{i:03d}"] = dict(
            jurisdiction=jur, indicator=ind, sector=sector, as_of=as_of, lang=lang, n_paths=500, methods="constant"
        )
    results = run_cases(tmp_path, "02_growth_paths", cases)
    for case, (entry, tables) in results.items():
        check_growth_path_tables(catalog, case, entry, tables, cases[case])


@pytest.mark.slow
def test_comparison_notebook_on_every_indicator(tmp_path, catalog):
    codes = ",".join(catalog.jurisdictions["code"].astype(str))
    indicators = sorted(set(catalog.targets["indicator_code"].astype(str)))
    rotation = itertools.cycle(itertools.product(AS_OF, LANGS))
    cases = {}
    for i, ind in enumerate(indicators):
        as_of, lang = next(rotation)
        cases[f"i{i:03d}"] = dict(
            jurisdictions=codes, indicator=ind, base_year=config.DOUBLING_BASE_YEAR, as_of=as_of, lang=lang
        )
    for case, (entry, tables) in run_cases(tmp_path, "03_comparison", cases).items():
        check_index_tables(catalog, case, entry, tables)
