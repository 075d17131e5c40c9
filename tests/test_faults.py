"""Builds that never mix or lose (issue 20): one snapshot of the data per build, one writer per table file, failed
parts that never replace the last good report, pruned failed folders, a lock that follows no symlink, clear errors
for a bad --out, --quarter or --scheduler, and no process left behind by a killed build or explorer.

The notebooks here are tiny synthetic ones written by the tests (named ``synthetic_*``), so that the mechanisms are
tested without a full report build."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from pathlib import Path

import nbformat
import pytest

from doubling_analysis import reporting
from doubling_analysis.catalog import data_signature

QUARTER = "2026Q3"


def synthetic_notebook(folder: Path, name: str, body: str, extra_parameters: str = "") -> Path:
    """A notebook with the parameters a companion notebook of the report takes, then ``body``."""
    nb = nbformat.v4.new_notebook()
    params = 'data_dir = ""\nlang = "zh"\noutput_dir = ""\nas_of = ""\n' + extra_parameters
    cell = nbformat.v4.new_code_cell(params)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, str(path))
    return path


# ---- one snapshot of the data -------------------------------------------------------------------------------


def test_a_snapshot_is_copied_again_when_the_data_changes_during_the_copy(tmp_path, data_copy, monkeypatch):
    import shutil

    real = shutil.copytree
    calls = []

    dest = tmp_path / "snap"

    def copy_then_edit(src, dst, *args, **kw):
        out = real(src, dst, *args, **kw)
        if Path(dst) != dest:  # copytree's own calls for subfolders
            return out
        calls.append(dst)
        if len(calls) == 1:  # an editor saves a file while the first copy is made
            with open(Path(src) / "targets.csv", "a", encoding="utf-8") as fh:
                fh.write("\n")
        return out

    monkeypatch.setattr(shutil, "copytree", copy_then_edit)
    fp = reporting.snapshot_data(data_copy, dest)
    assert len(calls) == 2  # the first copy was thrown away
    assert fp == data_signature(data_copy) == data_signature(dest)


def test_a_snapshot_of_a_folder_that_never_settles_is_an_error(tmp_path, data_copy, monkeypatch):
    import shutil

    real = shutil.copytree

    def copy_then_edit(src, dst, *args, **kw):
        out = real(src, dst, *args, **kw)
        with open(Path(src) / "targets.csv", "a", encoding="utf-8") as fh:
            fh.write("\n")
        return out

    monkeypatch.setattr(shutil, "copytree", copy_then_edit)
    with pytest.raises(reporting.SnapshotError, match="changed during each of"):
        reporting.snapshot_data(data_copy, tmp_path / "snap")
    assert not (tmp_path / "snap").exists()


def test_editing_the_data_during_a_build_does_not_reach_it(tmp_path, data_copy):
    """The notebook waits until the test has edited targets.csv, then reads it: it must see the data as it was when
    the build started, and the manifest must fingerprint that data (old code: the notebook read the edited file)."""
    original = hashlib.sha256((data_copy / "targets.csv").read_bytes()).hexdigest()
    fp_before = data_signature(data_copy)
    nb = synthetic_notebook(
        tmp_path,
        "synthetic_reader",
        "import hashlib, pathlib, time\n"
        "pathlib.Path('started').write_text('1')\n"
        "t0 = time.time()\n"
        "while not pathlib.Path('go').exists() and time.time() - t0 < 60:\n"
        "    time.sleep(0.1)\n"
        "seen = hashlib.sha256(pathlib.Path(data_dir, 'targets.csv').read_bytes()).hexdigest()\n"
        "pathlib.Path(output_dir).mkdir(parents=True, exist_ok=True)\n"
        "pathlib.Path(output_dir, 'seen.txt').write_text(seen)\n",
    )
    out = tmp_path / "out"
    result: dict = {}
    t = threading.Thread(
        target=lambda: result.update(
            r=reporting.build_report(QUARTER, "zh", data_copy, out, notebooks=(str(nb),), progress=False, pdf=False)
        )
    )
    t.start()
    deadline = time.time() + 120
    started: list[Path] = []
    while not started and time.time() < deadline:
        started = list(out.glob(".*.tmp-*/started"))
        time.sleep(0.1)
    assert started, "the synthetic notebook did not start"
    with open(data_copy / "targets.csv", "a", encoding="utf-8") as fh:  # a row appended during the build
        fh.write("synthetic-added-during-build\n")
    (started[0].parent / "go").write_text("1")
    t.join(timeout=120)
    r = result["r"]
    assert r.runs[0]["status"] == "ok", r.runs
    seen = next(r.folder.glob("tables/**/seen.txt")).read_text()
    assert seen == original
    manifest = json.loads((r.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["data_fingerprint"] == fp_before != data_signature(data_copy)
    assert manifest["data_dir"] == str(data_copy.resolve())


# ---- one writer per table file ------------------------------------------------------------------------------


def test_every_notebook_of_the_build_writes_its_tables_in_a_folder_of_its_own():
    folders = {
        n: reporting._report_parameters(n, QUARTER, "zh", "/d", None)["output_dir"] for n in reporting.REPORT_NOTEBOOKS
    }
    assert folders[reporting.REPORT_NOTEBOOK] == "tables"  # the report's text names its tables there
    assert len(set(folders.values())) == len(folders)  # old code: "tables" for all five
    for name, folder in folders.items():
        if name != reporting.REPORT_NOTEBOOK:
            assert folder == f"tables/{name}"


@pytest.mark.slow
def test_the_tables_written_by_each_notebook_of_a_build(tmp_path):
    """A build of the five notebooks (no PDF): every CSV file under tables/ lies in the folder of the one notebook
    that wrote it; the names that notebooks 01, 03, 04 and 05 share (sources, bounded_figures, ambition, hierarchy_sums,
    cross_document, growth_required_observed, progress_categories) are each kept once per notebook instead of the last writer's copy."""
    r = reporting.build_report(QUARTER, "zh", None, tmp_path / "out", progress=False, pdf=False)
    assert r.status == "ok", r.failures
    tables = r.folder / "tables"
    written = {
        name: sorted(p.name for p in (tables / reporting.table_folder(name).removeprefix("tables")).glob("*.csv"))
        for name in reporting.REPORT_NOTEBOOKS
    }
    every = sorted(str(p.relative_to(tables)) for p in tables.rglob("*.csv"))
    listed = sorted(
        str(Path(reporting.table_folder(n).removeprefix("tables").lstrip("/")) / f)
        for n, fs in written.items()
        for f in fs
    )
    assert every == listed  # nothing written outside a notebook's own folder
    for shared in ("sources.csv", "bounded_figures.csv"):
        assert shared in written["01_data_catalogue"] and shared in written[reporting.REPORT_NOTEBOOK]
    for shared in ("ambition.csv", "hierarchy_sums.csv", "cross_document.csv"):
        assert shared in written["04_consistency_ambition"] and shared in written[reporting.REPORT_NOTEBOOK]
    for shared in ("growth_required_observed.csv", "progress_categories.csv"):
        assert shared in written["03_comparison"] and shared in written[reporting.REPORT_NOTEBOOK]
