"""Per-jurisdiction output: each jurisdiction's slice of the overview holds only its rows (and the overview's
probabilities), costs the same whatever the size of the panel, renders to a PDF in a worker, and the build sends
the slices to local processes or to a Dask cluster."""

import json
import pickle

import pandas as pd
import pytest
from conftest import synthetic_scaled_catalog
from test_reporting import SLOW, pdf_text_and_fonts

import doubling_analysis as da
from doubling_analysis.build import per_jurisdiction as pj
from doubling_analysis.build.reporting import REPORT_NOTEBOOK, build_report
from doubling_analysis.report import quarterly

QUARTER = "2026Q3"


@pytest.fixture(scope="module")
def catalog():
    return da.load_catalog()


@pytest.fixture(scope="module")
def rep(catalog):
    return quarterly.prepare(catalog, QUARTER, "zh", n_paths=500, backtest_paths=50)


@pytest.fixture(scope="module")
def slices(rep):
    return dict(pj.slice_report(rep))


@pytest.mark.integration
def test_each_slice_holds_its_own_rows_and_the_overviews_probabilities(rep, slices):
    assert list(slices) == rep.codes
    for code, part in slices.items():
        assert part.codes == [code]
        assert set(part.table["jurisdiction_code"]) <= {code}
        assert set(part.catalog.targets["jurisdiction_code"]) <= {code}
        assert set(part.tracker_summary["jurisdiction_code"]) <= {code}
        # the jurisdiction's figures, and those of the jurisdictions inside it (their sums), nothing else
        inside = {code, *rep.context.descendants(code)}
        assert set(part.catalog.actuals["jurisdiction_code"]) <= inside
        assert {k[1] for k in part.context.records} <= inside
        # every document a row cites is in the slice (its sources appendix)
        cited = set(part.catalog.targets["source_id"]) | set(part.catalog.actuals["source_id"])
        assert cited <= set(part.catalog.sources["source_id"])
    # together the slices hold the whole assessment, each row once, with the same probabilities
    together = pd.concat([p.table for p in slices.values()]).sort_values("target_id")
    whole = rep.table.sort_values("target_id")
    assert list(together["target_id"]) == list(whole["target_id"])
    pd.testing.assert_series_equal(
        together["p_attain"].reset_index(drop=True), whole["p_attain"].reset_index(drop=True)
    )


@pytest.mark.integration
def test_a_jurisdictions_page_reads_the_same_in_its_slice(rep, slices):
    """The slice renders the jurisdiction's page exactly as the overview does (same rows, same words)."""
    for code in rep.page_codes:
        assert slices[code].jurisdiction_html(code) == rep.jurisdiction_html(code)


@SLOW
def test_a_slice_costs_the_same_whatever_the_size_of_the_panel(catalog):
    """The bytes sent to a worker for one jurisdiction do not grow with the panel: 1x and 10x the shipped data
    (synthetic copies under new codes) give Jingdezhen's slice the same size, within 10 % (the pickled frames'
    headers vary a little; a slice holding the whole panel would be about 10 times larger)."""

    def slice_bytes(cat) -> int:
        r = quarterly.prepare(cat, QUARTER, "zh", jurisdictions="360200", n_paths=200, backtest_paths=20)
        ((_, part),) = pj.slice_report(r, ["360200"])
        return len(pickle.dumps(("360200", part)))

    small, large = slice_bytes(catalog), slice_bytes(synthetic_scaled_catalog(catalog, 10))
    assert large < 1.1 * small, (small, large)


@SLOW
def test_a_slice_renders_to_its_own_pdf(slices):
    blob = pickle.dumps(("360700", slices["360700"]))
    r = pj.render_slice(blob, [("季度", QUARTER)], "report-2026Q3-zh.pdf")
    assert r.error is None and r.code == "360700" and r.pdf.startswith(b"%PDF")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.pdf"
        path.write_bytes(r.pdf)
        text, fonts = pdf_text_and_fonts(path)
    assert "赣州市" in text and "report-2026Q3-zh.pdf" in text
    for tid in slices["360700"].table["target_id"]:
        assert tid in text, tid  # every target of the jurisdiction, in its appendix
    assert "景德镇市 —" not in text  # not another jurisdiction's
    assert any(f.startswith("embedded:") and "CJK" in f for f in fonts)


def test_a_broken_slice_is_reported_not_raised():
    r = pj.render_slice(b"not a pickle", [], "")
    assert r.pdf is None and "UnpicklingError" in r.error


@SLOW
def test_report_per_jurisdiction_writes_one_pdf_each(tmp_path, catalog):
    result = build_report(
        QUARTER, "zh", out=tmp_path, notebooks=(REPORT_NOTEBOOK,), progress=False, per_jurisdiction=True
    )
    assert result.status == "ok", result.failures
    folder = result.folder / "jurisdictions"
    table = pd.read_csv(result.folder / "tables" / "assessment.csv")
    codes = sorted(set(table["jurisdiction_code"].astype(str)))
    assert sorted(p.stem for p in folder.glob("*.pdf")) == codes
    m = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["jurisdiction"] for e in m["jurisdictions"]) == codes
    assert all(e["status"] == "ok" for e in m["jurisdictions"])
    assert not (result.folder / ".slices").exists()


@SLOW
def test_report_per_jurisdiction_on_a_dask_cluster(tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = build_report(
            QUARTER,
            "zh",
            out=tmp_path,
            notebooks=(REPORT_NOTEBOOK,),
            progress=False,
            scheduler=cluster.scheduler_address,
        )
    assert result.status == "ok", result.failures
    assert len(result.jurisdictions) == len(list((result.folder / "jurisdictions").glob("*.pdf"))) > 0
    log = (result.folder / "report.log").read_text(encoding="utf-8")
    assert "slices sent to 2 workers" in log


@pytest.mark.integration
def test_a_scheduler_that_does_not_answer_is_a_clear_error_and_writes_nothing(tmp_path, monkeypatch):
    import socket

    from doubling_analysis import config
    from doubling_analysis.app.cli import main

    monkeypatch.setattr(config, "SCHEDULER_TIMEOUT_SECONDS", 2)
    with socket.socket() as s:  # a port with nobody listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "out"
    code = main(["report", "--quarter", QUARTER, "--out", str(out), "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert code == 2
    assert not out.exists() or not any(out.iterdir())


def test_collect_writes_the_pdfs_and_says_why_the_others_failed(tmp_path):
    from concurrent.futures import Future

    def done(value=None, exc=None):
        f = Future()
        f.set_exception(exc) if exc else f.set_result(value)
        return f

    slices = [tmp_path / f"{c}{pj.SLICE_SUFFIX}" for c in ("A", "B", "C")]
    futures = [
        done(pj.Rendered("A", b"%PDF-1.7 fixture", None, 0.5)),
        done(pj.Rendered("B", None, "ValueError: broken", 0.1)),
        done(exc=RuntimeError("worker lost")),
    ]
    entries = pj.collect(slices, futures, tmp_path / "jurisdictions")
    assert [(e["jurisdiction"], e["status"]) for e in entries] == [("A", "ok"), ("B", "failed"), ("C", "failed")]
    assert (tmp_path / "jurisdictions" / "A.pdf").read_bytes() == b"%PDF-1.7 fixture"
    assert not (tmp_path / "jurisdictions" / "B.pdf").exists()
    assert entries[1]["error"] == "ValueError: broken" and entries[2]["error"] == "RuntimeError: worker lost"
    assert entries[2]["pdf"] == "jurisdictions/C.pdf"
