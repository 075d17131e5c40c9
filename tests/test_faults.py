"""Builds that never mix or lose (issue 20): one snapshot of the data per build, one writer per table file, failed
parts that never replace the last good report, pruned failed folders, a lock that follows no symlink, clear errors
for a bad --out, --quarter or --scheduler, and no process left behind by a killed build or explorer.

The notebooks here are tiny synthetic ones written by the tests (named ``synthetic_*``), so that the mechanisms are
tested without a full report build."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path

import nbformat
import pytest

from doubling_analysis import config
from doubling_analysis.build import per_jurisdiction as pj
from doubling_analysis.build import reporting
from doubling_analysis.data.catalog import data_signature

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


@pytest.mark.integration
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
    that wrote it; the names that notebooks 01, 04 and 05 share on the shipped data (sources, bounded_figures,
    ambition, hierarchy_sums, cross_document; found by running the build) are each kept once per notebook
    instead of the last writer's copy."""
    r = reporting.build_report(QUARTER, "zh", None, tmp_path / "out", progress=False, pdf=False)
    assert r.status == "ok", r.failures
    tables = r.folder / "tables"

    def own(name: str) -> str:  # a notebook's folder under tables/ ("" for the report notebook)
        return reporting.table_folder(name).removeprefix("tables").lstrip("/")

    written = {n: sorted(p.name for p in (tables / own(n)).glob("*.csv")) for n in reporting.REPORT_NOTEBOOKS}
    every = sorted(str(p.relative_to(tables)) for p in tables.rglob("*.csv"))
    listed = sorted(str(Path(own(n)) / f) for n, fs in written.items() for f in fs)
    assert every == listed  # nothing written outside a notebook's own folder
    for shared in ("sources.csv", "bounded_figures.csv"):
        assert shared in written["01_data_catalogue"] and shared in written[reporting.REPORT_NOTEBOOK]
    for shared in ("ambition.csv", "hierarchy_sums.csv", "cross_document.csv"):
        assert shared in written["04_consistency_ambition"] and shared in written[reporting.REPORT_NOTEBOOK]


# ---- per-jurisdiction: lost workers, clusters without workers ------------------------------------------------


class FakeEngine:
    """Futures made by hand: ``plan`` gives, per submission, an exception to raise (a lost worker) or a result."""

    def __init__(self, plan, alive: int = 1):
        self.plan = list(plan)
        self.sent: list[bytes] = []
        self.workers = self._alive = alive

    def submit(self, blob, meta, overview):
        from concurrent.futures import Future

        self.sent.append(blob)
        f: Future = Future()
        what = self.plan.pop(0) if self.plan else None
        if isinstance(what, BaseException):
            f.set_exception(what)
        elif what is not None:
            f.set_result(what)
        return f  # None: a future that never finishes

    def alive(self) -> int:
        return self._alive


def _slices(tmp_path, codes):
    paths = []
    for c in codes:
        p = tmp_path / f"{c}{pj.SLICE_SUFFIX}"
        p.write_bytes(c.encode())
        paths.append(p)
    return paths


def test_a_slice_whose_worker_was_lost_is_sent_again(tmp_path):
    ok = pj.Rendered("A", b"%PDF-1.7 synthetic", None, 0.1)
    eng = FakeEngine([ConnectionError("worker lost"), ok])
    slices = _slices(tmp_path, ["A"])
    futures = pj.submit_all(slices, eng, [], "o.pdf")
    [entry] = pj.collect(slices, futures, tmp_path / "j", eng, [], "o.pdf")
    assert entry["status"] == "ok" and entry["retries"] == 1 and eng.sent == [b"A", b"A"]
    assert (tmp_path / "j" / "A.pdf").read_bytes() == b"%PDF-1.7 synthetic"


def test_a_slice_lost_more_often_than_the_retries_fails_and_one_that_fails_to_render_is_not_sent_again(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(config, "JURISDICTION_RETRIES", 2)
    bad = pj.Rendered("B", None, "ValueError: synthetic", 0.1)
    eng = FakeEngine([ConnectionError("lost 1"), bad, ConnectionError("lost 2"), ConnectionError("lost 3")])
    slices = _slices(tmp_path, ["A", "B"])
    futures = pj.submit_all(slices, eng, [], "o.pdf")  # A: lost 1; B: its error
    entries = pj.collect(slices, futures, tmp_path / "j", eng, [], "o.pdf")
    assert [e["status"] for e in entries] == ["failed", "failed"]
    assert entries[0]["retries"] == 2 and "lost 3" in entries[0]["error"]  # 1 + 2 retries = 3 submissions
    assert entries[1]["retries"] == 0 and entries[1]["error"] == "ValueError: synthetic"
    assert eng.sent == [b"A", b"B", b"A", b"A"]


@pytest.mark.integration
def test_a_cluster_with_no_worker_left_fails_within_the_stated_time(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "NO_WORKER_TIMEOUT_SECONDS", 2)
    eng = FakeEngine([], alive=0)  # the futures never finish: old code waited for ever
    slices = _slices(tmp_path, ["A"])
    futures = pj.submit_all(slices, eng, [], "o.pdf")
    t0 = time.monotonic()
    with pytest.raises(pj.EngineError, match="no worker for 2 s"):
        pj.collect(slices, futures, tmp_path / "j", eng, [], "o.pdf")
    assert time.monotonic() - t0 < 2 + 3


class _DieOnce:
    """Unpickled in a worker: kills that process the first time (a marker file says it happened)."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (_die_once, (self.marker,))


def _die_once(marker: str):
    if not os.path.exists(marker):
        Path(marker).write_text("died")
        os._exit(13)
    return ("A", None)  # not a report: the second attempt returns a render error, not a lost worker


@pytest.mark.integration
def test_a_local_worker_process_that_dies_is_replaced_and_its_slice_sent_again(tmp_path):
    import pickle

    path = tmp_path / f"A{pj.SLICE_SUFFIX}"
    path.write_bytes(pickle.dumps(_DieOnce(str(tmp_path / "died"))))
    eng = pj.LocalEngine(1)
    try:
        futures = pj.submit_all([path], eng, [], "o.pdf")
        [entry] = pj.collect([path], futures, tmp_path / "j", eng, [], "o.pdf")
    finally:
        eng.close()
    assert (tmp_path / "died").exists() and entry["retries"] == 1
    assert "BrokenProcessPool" not in entry["error"]  # the second attempt ran in a new process


@pytest.mark.integration
def test_a_dask_cluster_without_workers_is_a_clear_error_within_the_stated_time_and_frees_the_lock(
    tmp_path, monkeypatch
):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(config, "NO_WORKER_TIMEOUT_SECONDS", 2)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as cluster:
        t0 = time.monotonic()
        with pytest.raises(pj.EngineError, match="no worker"):
            reporting.build_report(
                QUARTER, "zh", None, out, notebooks=(), progress=False, scheduler=cluster.scheduler_address
            )
        assert time.monotonic() - t0 < 2 + 10
    with reporting.report_lock(out):  # not held
        pass


# ---- failed parts never replace the last good report; failed builds pruned ------------------------------------


def _report_notebook(folder: Path) -> Path:
    """A synthetic stand-in for the report notebook (same name, same parameters), writing one table."""
    folder.mkdir(parents=True, exist_ok=True)
    return synthetic_notebook(
        folder,
        reporting.REPORT_NOTEBOOK,
        "import pathlib\npathlib.Path(output_dir).mkdir(parents=True, exist_ok=True)\n"
        "pathlib.Path(output_dir, 'synthetic.csv').write_text('a\\n1\\n')\n",
        'quarter = ""\njurisdictions = ""\nslices_dir = ""\nn_paths = 1\nseed = 1\n',
    )


@pytest.mark.integration
def test_a_build_with_a_failed_part_never_replaces_the_last_good_report_and_failed_builds_are_pruned(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(config, "FAILED_BUILDS_KEPT", 1)
    report = str(_report_notebook(tmp_path / "nb"))
    good = str(synthetic_notebook(tmp_path / "nb", "synthetic_good", "x = 1\n"))
    bad = str(synthetic_notebook(tmp_path / "nb", "synthetic_bad", "raise ValueError('synthetic failure')\n"))
    out = tmp_path / "out"
    kw = dict(progress=False, pdf=False)
    first = reporting.build_report(QUARTER, "zh", None, out, notebooks=(report, good), **kw)
    assert first.status == "ok" and first.folder == out / QUARTER
    second = reporting.build_report(QUARTER, "zh", None, out, notebooks=(report, bad), **kw)
    assert second.status == "failed" and second.folder.name.startswith(f"{QUARTER}.failed-")
    assert (out / QUARTER / "synthetic_good.ipynb").exists()  # old code: replaced by the failed build
    assert not (out / QUARTER / "FAILED.txt").exists()
    third = reporting.build_report(QUARTER, "zh", None, out, notebooks=(report, bad), **kw)
    assert third.status == "failed"
    assert sorted(p.name for p in out.glob(f"{QUARTER}.failed-*")) == [third.folder.name]  # the last one only


def test_prune_failed_keeps_the_newest(tmp_path):
    names = [f"2026Q3.failed-2026120{d}T000000" for d in range(1, 6)]
    for n in names:
        (tmp_path / n).mkdir()
    (tmp_path / "2026Q3").mkdir()
    (tmp_path / "2026Q3-en.failed-20261201T000000").mkdir()  # another report folder's: not touched
    gone = reporting.prune_failed(tmp_path, "2026Q3", keep=2)
    assert sorted(p.name for p in gone) == names[:3]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["2026Q3", "2026Q3-en.failed-20261201T000000", *names[3:]]
    )


# ---- the lock follows no symlink ----------------------------------------------------------------------------


def test_a_symlink_at_the_lock_path_is_refused_and_its_target_left_alone(tmp_path):
    target = tmp_path / "synthetic_precious.txt"
    target.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".report.lock").symlink_to(target)
    with pytest.raises(reporting.ReportLocked, match="symbolic link"):
        with reporting.report_lock(out):
            pass
    assert target.read_text(encoding="utf-8") == "keep me"  # old code: truncated, then overwritten with a pid


def test_a_lock_path_that_is_not_a_file_is_refused(tmp_path):
    out = tmp_path / "out"
    (out / ".report.lock").mkdir(parents=True)
    with pytest.raises(reporting.ReportLocked, match="Is a directory"):
        with reporting.report_lock(out):
            pass


# ---- clear errors: --out, --quarter, --scheduler, a full or read-only disk -----------------------------------


@pytest.fixture
def no_build(monkeypatch):
    """A build that must not start: the arguments are to be refused before it."""

    def started(*args, **kwargs):
        raise AssertionError("the build started")

    monkeypatch.setattr(reporting, "_build", started)


def _cli(capsys, *args) -> tuple[int, str]:
    from doubling_analysis.app.cli import main

    code = main(list(args))
    return code, capsys.readouterr().err


def test_out_pointing_at_a_file_is_a_clear_error(tmp_path, capsys, no_build):
    f = tmp_path / "synthetic_file.txt"
    f.write_text("x", encoding="utf-8")
    for out in (f, f / "sub"):
        code, err = _cli(capsys, "report", "--quarter", QUARTER, "--out", str(out), "--no-progress")
        assert code == 2 and f"--out: expected a folder, but {f} is a file" in err and "Traceback" not in err
    assert f.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("quarter", ["1900Q1", "-1Q1", "2023Q5", "2023-12", "Q4", "2999Q1", ""])
def test_a_quarter_that_is_malformed_or_outside_the_data_is_a_clear_error(tmp_path, capsys, no_build, quarter):
    code, err = _cli(capsys, "report", f"--quarter={quarter}", "--out", str(tmp_path / "out"), "--no-progress")
    assert code == 2 and "--quarter" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_the_quarters_of_the_data_are_accepted():
    import doubling_analysis as da

    cat = da.load_catalog()
    reporting.check_quarter(cat, "2026Q3", today="2026-12-06")
    with pytest.raises(reporting.ParameterError, match=r"2013Q3 to 2026Q3"):  # the first document: 2013Q3
        reporting.check_quarter(cat, "2026Q4", today="2026-12-06")


@pytest.mark.parametrize("address", ["not an address", "tcp://", "tcp://host", "tcp://host:99999", "http//x:1", ""])
def test_a_malformed_scheduler_address_is_a_clear_error(tmp_path, capsys, no_build, address):
    code, err = _cli(
        capsys,
        "report",
        "--quarter",
        QUARTER,
        "--out",
        str(tmp_path / "out"),
        f"--scheduler={address}",
        "--no-progress",
    )
    assert code == 2 and "--scheduler" in err and "Traceback" not in err


def test_well_formed_scheduler_addresses_pass():
    for a in ("tcp://10.0.0.5:8786", "10.0.0.5:8786", "tls://sched.example:8786", "tcp://[::1]:8786"):
        pj.check_scheduler_address(a)


@pytest.mark.parametrize("errno_, text", [(28, "No space left on device"), (30, "Read-only file system")])
def test_a_full_or_read_only_disk_is_a_clear_error(tmp_path, capsys, monkeypatch, errno_, text):
    def fail(*args, **kwargs):
        raise OSError(errno_, text, str(tmp_path / "out" / "x"))

    monkeypatch.setattr(reporting, "snapshot_data", fail)
    code, err = _cli(capsys, "report", "--quarter", QUARTER, "--out", str(tmp_path / "out"), "--no-progress")
    assert code == 2 and text in err and "Traceback" not in err and "the last report is unchanged" in err


@pytest.mark.integration
def test_a_disk_that_fills_during_a_build_leaves_nothing_half_written(tmp_path, monkeypatch):
    report = str(_report_notebook(tmp_path / "nb"))
    out = tmp_path / "out"
    first = reporting.build_report(QUARTER, "zh", None, out, notebooks=(report,), progress=False, pdf=False)
    assert first.status == "ok"
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))

    def full(folder, manifest):
        raise OSError(28, "No space left on device", str(folder / "manifest.json"))

    monkeypatch.setattr(reporting, "write_manifest", full)
    with pytest.raises(OSError, match="No space left"):
        reporting.build_report(QUARTER, "zh", None, out, notebooks=(report,), progress=False, pdf=False)
    after = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    assert after == before  # no .tmp-* folder, the last report as it was


# ---- killing a build or the explorer leaves no process behind -----------------------------------------------


def _start(args: list[str], log: Path, cwd: Path | None = None):
    import subprocess
    import sys

    env = {**os.environ}
    return subprocess.Popen(
        [sys.executable, *args],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),
        cwd=cwd,
        env=env,
    )


def _descendants_once(proc, at_least: int, timeout: float = 120) -> list:
    import psutil

    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = parent.children(recursive=True)
        if len(kids) >= at_least:
            return kids
        assert proc.poll() is None, "the command ended before it started its processes"
        time.sleep(0.2)
    raise AssertionError(f"fewer than {at_least} child processes after {timeout} s")


def _assert_all_gone(kids, timeout: float = 20) -> None:
    import psutil

    gone, alive = psutil.wait_procs(kids, timeout=timeout)
    for p in alive:  # not to leave them to the next test
        p.kill()
    assert not alive, [(p.pid, p.cmdline()) for p in alive]


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGKILL"])
@pytest.mark.integration
def test_killing_a_build_leaves_no_kernel_behind(tmp_path, sig):
    import signal

    out = tmp_path / "out"
    proc = _start(
        ["-m", "doubling_analysis", "report", "--quarter", QUARTER, "--out", str(out), "--no-progress"],
        tmp_path / "log",
    )
    kids = _descendants_once(proc, 2)  # two kernels (two cores)
    time.sleep(1)
    kids = __import__("psutil").Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, getattr(signal, sig))
    proc.wait(30)
    _assert_all_gone(kids)
    if sig == "SIGTERM":  # stopped as by Ctrl-C: nothing half-written stays, the lock is free
        assert not list(out.glob(".*.tmp-*"))
        with reporting.report_lock(out):
            pass
    import tempfile

    reporting._remove_stale_snapshots()  # what the next build does first: a SIGKILLed build's snapshot goes
    assert not list(Path(tempfile.gettempdir()).glob(f"{reporting.SNAPSHOT_PREFIX}{proc.pid}-*"))


_POOL_SCRIPT = """
import pickle, sys, time
from doubling_analysis.build import per_jurisdiction as pj
class Sleep:
    def __reduce__(self):
        return (time.sleep, (300,))

if __name__ == "__main__":
    eng = pj.LocalEngine(2)
    futures = [eng.submit(pickle.dumps(Sleep()), [], "") for _ in range(2)]
    time.sleep(300)
"""


@pytest.mark.integration
def test_killing_a_build_leaves_no_pdf_worker_behind(tmp_path):
    """The per-jurisdiction workers of a build killed with SIGKILL end with it (old code: they stayed, busy)."""
    import signal

    script = tmp_path / "synthetic_pool.py"
    script.write_text(_POOL_SCRIPT, encoding="utf-8")
    proc = _start([str(script)], tmp_path / "log", cwd=tmp_path)
    _descendants_once(proc, 3)  # the resource tracker and two workers
    time.sleep(3)  # the workers have started their work
    kids = __import__("psutil").Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    _assert_all_gone(kids)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGKILL"])
def test_killing_the_explorer_leaves_no_server_or_kernel_behind(tmp_path, sig):
    """The explorer with its page open (a kernel running the notebook): killed, its server and kernel end (old code:
    the Voila server stayed, listening, with its kernels)."""
    import signal
    import urllib.request

    port = _free_port()
    token = "synthetic-token"
    proc = _start(
        ["-m", "doubling_analysis", "explore", "--no-browser", "--port", str(port), "--token", token], tmp_path / "log"
    )
    url = f"http://127.0.0.1:{port}/?token={token}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            assert time.monotonic() < deadline and proc.poll() is None, (tmp_path / "log").read_text()[-2000:]
            time.sleep(0.5)

    def page():
        try:
            urllib.request.urlopen(url, timeout=120).read()
        except Exception:  # noqa: BLE001 - the server is killed while it sends the page
            pass

    threading.Thread(target=page, daemon=True).start()
    kids = _descendants_once(proc, 2)  # the server and the page's kernel
    time.sleep(1)
    kids = __import__("psutil").Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, getattr(signal, sig))
    proc.wait(30)
    _assert_all_gone(kids)
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)  # nobody listens any more
