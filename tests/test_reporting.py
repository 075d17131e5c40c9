"""The runner (strict parameters, manifest), the report build (PDF content, fonts, lock, failure isolation,
atomic replacement, bad data) and every notebook executed by papermill on the shipped data."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, edit_csv

import doubling_analysis as da
from doubling_analysis.build import reporting
from doubling_analysis.build.reporting import ReportLocked, build_report, report_lock
from doubling_analysis.build.runner import run_notebook

NOTEBOOKS = sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb"))
#: notebooks and report builds take minutes: ``pytest -m "not slow"`` leaves them out
SLOW = pytest.mark.slow


def pdf_text_and_fonts(path: Path) -> tuple[str, set[str]]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        res = page.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            f = f.get_object()
            fonts.add(str(f.get("/BaseFont")))
            for d in f.get("/DescendantFonts") or []:
                d = d.get_object()
                desc = d.get("/FontDescriptor")
                embedded = desc is not None and any(
                    k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                if embedded:
                    fonts.add("embedded:" + str(d.get("/BaseFont")))
    return text, fonts


# ---- every notebook, default parameters -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_runs(tmp_path_factory):
    from concurrent.futures import ProcessPoolExecutor

    out = tmp_path_factory.mktemp("notebooks")
    with ProcessPoolExecutor(max_workers=2) as pool:
        entries = list(pool.map(run_notebook, NOTEBOOKS, [out / n for n in NOTEBOOKS], [{}] * len(NOTEBOOKS)))
    return {e["notebook"].removesuffix(".ipynb"): (e, out / e["notebook"].removesuffix(".ipynb")) for e in entries}


@pytest.mark.parametrize("name", NOTEBOOKS)
@SLOW
def test_notebook_runs_with_defaults(default_runs, name):
    import nbformat

    entry, folder = default_runs[name]
    assert entry["status"] == "ok", entry["error"]
    nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs) or name == "01_data_catalogue" and outputs


@SLOW
def test_growth_paths_notebook_reports_probabilities(default_runs):
    import nbformat

    _, folder = default_runs["02_growth_paths"]
    nb = nbformat.read(folder / "02_growth_paths.ipynb", as_version=4)
    html = "".join(
        o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    # Jingdezhen revenue, as of 2022Q4: the 2021 actual is only a lower bound (突破千亿), and the scenario gives a
    # probability for each 2022 target
    assert "jdz22-003" in html and "scenario" in html


def test_notebooks_are_committed_without_outputs():
    import nbformat

    for path in (REPO / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert all(
            not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code"
        ), path.name
        tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, path.name


# ---- the report --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_zh(tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    return build_report("2023Q4", "zh", out=out, progress=False), out


@SLOW
def test_report_folder_holds_everything(report_zh):
    result, out = report_zh
    assert result.status == "ok", result.failures
    folder = out / "2023Q4"
    assert result.folder == folder and result.pdf == folder / "report-2023Q4-zh.pdf"
    for name in reporting.REPORT_NOTEBOOKS:
        assert (folder / f"{name}.ipynb").exists() and (folder / f"{name}.html").exists()
    tables = {p.stem for p in (folder / "tables").glob("*.csv")}
    assert {
        "assessment",
        "key_findings",
        "doubling_tracker",
        "doubling_summary",
        "backtest",
        "ambition",
        "hierarchy_sums",
    } <= tables
    # a companion notebook writes its own tables in its own folder (one writer per file, issue 20)
    assert (folder / "tables" / "01_data_catalogue" / "coverage.csv").exists()
    m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert m["quarter"] == "2023Q4" and m["status"] == "ok" and len(m["runs"]) == len(reporting.REPORT_NOTEBOOKS)
    assert not list(out.glob(".2023Q4*"))  # no temporary folder left behind


@SLOW
def test_report_pdf_sections_font_and_jurisdictions(report_zh):
    result, _ = report_zh
    text, fonts = pdf_text_and_fonts(result.pdf)
    for section in (
        "目录",
        "主要发现",
        "本季度变化",
        "倍增进度",
        "层级一致性与目标雄心",
        "数据缺口与区间值说明",
        "附录一：方法",
        "附录二：资料来源",
        "附录三：全部目标",
        "2023Q4",
    ):
        assert section in text, section
    # the report's default covers every jurisdiction with a target known at the quarter
    cat = da.load_catalog()
    names = dict(zip(cat.jurisdictions["code"], cat.jurisdictions["name_zh"]))
    issued = cat.targets[cat.targets["available_from"] <= "2023-12-31"]
    for code in set(issued["jurisdiction_code"].astype(str)):
        assert names[code] in text, names[code]
    assert any(f.startswith("embedded:") and "CJK" in f for f in fonts), fonts
    assert "nan" not in text.replace("Nanchang", "").lower().split()
    assert "NaN" not in text
    assert not foreign_words(text, "zh", cat)


@SLOW
def test_report_in_english(tmp_path):
    result = build_report("2023Q4", "en", out=tmp_path, progress=False)
    assert result.status == "ok" and result.folder == tmp_path / "2023Q4-en"
    text, _ = pdf_text_and_fonts(result.pdf)
    assert "Key findings" in text and "Jingdezhen High-tech Zone" in text and "Appendix B: sources" in text
    assert not foreign_words(text, "en", da.load_catalog())


def foreign_words(text: str, lang: str, catalog) -> list[str]:
    """Words of the other language in a report's text, outside names (of places, indicators, sectors, sources,
    issuers: data), ids, URLs and the Chinese plan terms the methods appendix explains."""
    import re

    names = []
    for frame, cols in (
        (catalog.jurisdictions, ("name_zh", "name_en")),
        (catalog.indicators, ("name_zh", "name_en")),
        (catalog.sectors, ("name_zh", "name_en")),
        (catalog.sources, ("source_id", "title_zh", "title_en", "issuer", "doc_number", "url")),
        (catalog.actuals, ("source_url",)),
    ):
        for c in cols:
            names += [str(x) for x in frame[c].dropna()]
    names += [f"sources/{f}" for f in catalog.sources["file"].dropna()]  # the source texts' paths
    flat = re.sub(r"\s+", "", text)  # table cells wrap names and URLs over lines
    for n in sorted(set(names) | {"doubling-analysis backtest --format csv"}, key=len, reverse=True):
        n = re.sub(r"\s+", "", n)
        if len(n) > 1:
            flat = flat.replace(n, " ")
    flat = re.sub(r"[\w/+-]+(?:\.[\w/+-]+)+", " ", flat)  # file paths and domain names
    if lang == "en":
        glossary = ("突破", "超过", "以上", "左右", "确保", "力争", "接近", "主营业务收入", "营业收入", "产值")
        for g in glossary:
            flat = flat.replace(g, " ")
        return re.findall(r"[\u4e00-\u9fff]+", flat)
    flat = re.sub(r"[A-Za-z0-9+_.-]*\d[A-Za-z0-9+_.-]*", " ", flat)  # ids, codes, numbers
    allowed = {
        "GDP",
        "PIT",
        "Brier",
        "CRPS",
        "OLS",
        "ETS",
        "sha",
        "CSV",
        "csv",
        "PDF",
        "Eurostat",
        "UNSD",
        "Destatis",
        "ESCAP",
        "doubling",
        "analysis",
        "backtest",
        "format",
        "tables",
        "VR",
        "ETDZ",
    }
    # Latin runs of 4 letters or more are words (shorter ones are units and abbreviations)
    return [w for w in re.findall(r"[A-Za-z]{4,}", flat) if w not in allowed]


@SLOW
def test_a_city_added_by_csv_appears_in_the_report(tmp_path, data_copy):
    """A jurisdiction and a target added to the CSV files alone appear in the PDF, with no code change."""
    with open(data_copy / "jurisdictions.csv", "a", encoding="utf-8") as fh:
        fh.write("360299,示例市,Example City (test fixture),prefecture,360000,test fixture only\n")
    with open(data_copy / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("web-fixturecity,示例文件,Fixture document (test only),tests,,2021-01-01,,https://example.invalid/f\n")
    with open(data_copy / "targets.csv", "a", encoding="utf-8") as fh:
        fh.write("fx-001,web-fixturecity,360299,revenue,,2020,2023,100,,亿元,>=,,,,营收达到100亿元,test fixture,,\n")
    result = build_report(
        "2023Q4", "zh", data_dir=data_copy, out=tmp_path, progress=False, notebooks=(reporting.REPORT_NOTEBOOK,)
    )
    assert result.status == "ok", result.failures
    text, _ = pdf_text_and_fonts(result.pdf)
    assert "示例市" in text and "fx-001" in text


@SLOW
def test_failure_isolation_and_atomic_replacement(tmp_path):
    first = build_report(
        "2023Q4", "zh", out=tmp_path, progress=False, notebooks=("04_consistency_ambition", reporting.REPORT_NOTEBOOK)
    )
    assert first.status == "ok"
    result = build_report(
        "2023Q4",
        "zh",
        out=tmp_path,
        progress=False,
        notebooks=("02_growth_paths", reporting.REPORT_NOTEBOOK),
        extra_parameters={"02_growth_paths": {"indicator": "no_such_indicator"}},
    )
    assert result.status == "failed" and len(result.failures) == 1
    folder = result.folder
    assert folder.name.startswith("2023Q4.failed-")  # a build with a failed part is kept beside the last good one
    # the failed notebook's partial output is kept and FAILED.txt names it; the report notebook and its PDF (made
    # as soon as the report notebook ends, so it does not depend on the companion notebooks) are there
    assert (folder / "02_growth_paths.ipynb").exists()
    assert "02_growth_paths" in (folder / "FAILED.txt").read_text(encoding="utf-8")
    assert result.pdf.exists() and "02_growth_paths" not in pdf_text_and_fonts(result.pdf)[0]
    # the last good build is untouched (issue 20: a build with failed parts never replaces it)
    assert (tmp_path / "2023Q4" / "04_consistency_ambition.ipynb").exists()
    assert not (tmp_path / "2023Q4" / "FAILED.txt").exists()
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "doubling_analysis",
            "report",
            "--quarter",
            "2023Q4",
            "--out",
            str(tmp_path),
            "--no-progress",
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert p.returncode == 0  # a clean rebuild succeeds


@pytest.mark.integration
def test_lock_prevents_overlapping_runs(tmp_path):
    with report_lock(tmp_path):
        with pytest.raises(ReportLocked, match="another report run is in progress"):
            build_report("2023Q4", out=tmp_path, progress=False)
        p = subprocess.run(
            [sys.executable, "-m", "doubling_analysis", "report", "--out", str(tmp_path), "--no-progress"],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert p.returncode == 2 and "another report run is in progress" in p.stderr
    assert not (tmp_path / "2023Q4").exists()


@pytest.mark.integration
def test_bad_data_writes_nothing(tmp_path, data_copy):
    edit_csv(
        data_copy / "targets.csv", "jdz22-004,jdz-2022-plan,360200,profit", "jdz22-004,jdz-2022-plan,360299,profit"
    )
    out = tmp_path / "out"
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "doubling_analysis",
            "report",
            "--data-dir",
            str(data_copy),
            "--out",
            str(out),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert p.returncode == 2 and "360299" in p.stderr and "Traceback" not in p.stderr
    assert not out.exists()


@pytest.mark.integration
def test_bad_quarter_and_lang():
    for args in (["--quarter", "2023Q7"], ["--lang", "fr"]):
        p = subprocess.run(
            [sys.executable, "-m", "doubling_analysis", "report", *args, "--no-progress"],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert p.returncode == 2 and "error" in p.stderr and "Traceback" not in p.stderr


def test_latest_quarter():
    assert reporting.resolve_quarter("latest", today="2026-11-30") == "2026Q3"
    assert reporting.resolve_quarter("2023q4") == "2023Q4"


@SLOW
def test_a_failed_report_keeps_the_previous_one_and_leftovers_are_removed(tmp_path):
    """Issue 10: a build whose report notebook fails does not replace the last good quarter folder; it is kept
    beside it as <quarter>.failed-<timestamp>, and the exit status says failed. Folders left by killed builds
    (.<quarter>.tmp-*, .<quarter>.old-*) are removed by the next build."""
    good = build_report("2023Q4", "zh", out=tmp_path, progress=False, notebooks=(reporting.REPORT_NOTEBOOK,))
    assert good.status == "ok" and good.pdf.exists()
    (tmp_path / ".2023Q4.tmp-99999").mkdir()
    (tmp_path / ".2023Q4.old-99999").mkdir()
    bad = build_report(
        "2023Q4",
        "zh",
        out=tmp_path,
        progress=False,
        notebooks=(reporting.REPORT_NOTEBOOK,),
        extra_parameters={reporting.REPORT_NOTEBOOK: {"data_dir": str(tmp_path / "no-such-folder")}},
    )
    assert bad.status == "failed" and bad.folder.name.startswith("2023Q4.failed-")
    assert good.pdf.exists()  # the last good report is where readers find it
    assert not list(tmp_path.glob(".2023Q4.tmp-*")) and not list(tmp_path.glob(".2023Q4.old-*"))


@SLOW
def test_killing_the_main_process_releases_the_lock(tmp_path):
    """Issue 10: workers do not inherit the lock; after `kill -9` of the main process a new run can start."""
    import os
    import signal
    import time

    p = subprocess.Popen(
        [sys.executable, "-m", "doubling_analysis", "report", "--out", str(tmp_path), "--no-progress"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        lock = tmp_path / ".report.lock"
        deadline = time.time() + 60
        while time.time() < deadline and not list(tmp_path.glob(".*.tmp-*")):
            time.sleep(0.2)
        assert list(tmp_path.glob(".*.tmp-*")), "the build did not start"
        time.sleep(2)  # the workers are running
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=10)
        with report_lock(tmp_path):  # would raise ReportLocked if a worker still held the lock
            assert lock.exists()
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_lock_file_of_another_user_is_a_clear_error(tmp_path, monkeypatch):
    """After one `sudo make report` the lock file is root's: a later run as another user gets a message, not a
    PermissionError traceback (fault injection: root may open any file)."""

    import os

    real = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith(".report.lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # the lock is opened with os.open (O_NOFOLLOW)
    with pytest.raises(ReportLocked, match="belongs to another user"):
        with report_lock(tmp_path):
            pass


@SLOW
def test_ctrl_c_during_report_leaves_nothing_half_written(tmp_path):
    import os
    import signal
    import time

    p = subprocess.Popen(
        [sys.executable, "-m", "doubling_analysis", "report", "--out", str(tmp_path), "--no-progress"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not list(tmp_path.glob(".*.tmp-*")) and p.poll() is None:
        time.sleep(0.05)
    # Ctrl-C as soon as the build's temporary folder exists (the build is under way): with the kernels' cache warm from
    # the tests before, a report can finish within the 2 s this test used to wait (a fresh-clone CI run saw rc 0)
    assert p.poll() is None, "the report finished before it could be interrupted"
    os.killpg(p.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130 and "interrupted" in err and "Traceback" not in err, err[-2000:]
    assert not list(tmp_path.glob(".*.tmp-*")) and not [d for d in tmp_path.iterdir() if d.is_dir()]


@pytest.mark.parametrize("atomic", [True, False])
def test_a_finished_build_replaces_the_previous_one_in_one_step(tmp_path, monkeypatch, atomic):
    """Issue 10, item 4: the new folder takes the old one's place by an atomic exchange (renameat2) where the
    system has one, and by two renames where it has not; either way the old build is gone afterwards."""
    final, tmp = tmp_path / "2023Q4", tmp_path / ".2023Q4.tmp-1"
    final.mkdir(), tmp.mkdir()
    (final / "old.txt").write_text("old")
    (tmp / "new.txt").write_text("new")
    if not atomic:
        monkeypatch.setattr(reporting, "_exchange", lambda a, b: False)
    reporting.swap_into_place(tmp, final)
    assert [p.name for p in final.iterdir()] == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2023Q4"]


def test_the_exchange_swaps_two_folders():
    """renameat2(RENAME_EXCHANGE) itself, where the file system supports it (a False answer means "use the
    fallback", which the test above covers)."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        a, b = Path(d) / "a", Path(d) / "b"
        a.mkdir(), b.mkdir()
        (a / "1").touch()
        (b / "2").touch()
        if reporting._exchange(a, b):
            assert [p.name for p in a.iterdir()] == ["2"] and [p.name for p in b.iterdir()] == ["1"]
        else:
            assert (a / "1").exists() and (b / "2").exists()  # nothing moved when the system cannot
