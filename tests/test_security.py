"""Issue 20, data side: ``accept`` treats ids as data (no path outside the data folder), changes the folder all or
nothing (also under kill -9) and one run at a time, keeps file modes; formula-like cells are neutralised in the
CSV files made for spreadsheets; ids, codes and magnitudes are bounded by validate; a $...$ name plots as text."""

from __future__ import annotations

import csv
import fcntl
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, edit_csv
from test_extract import FIXTURE, _add_xinyu, _extract_csv

import doubling_analysis as da
from doubling_analysis import config
from doubling_analysis.app.cli import main
from doubling_analysis.data import datafolder
from doubling_analysis.data.io import cell_for_spreadsheet, cell_from_spreadsheet, spreadsheet_safe
from doubling_analysis.extract import accept as acc
from doubling_analysis.extract import candidates as ex

SRC = Path(da.__file__).resolve().parents[1]  # the code under test, also in the subprocesses
SYNTHETIC = Path(__file__).parent / "fixtures" / "synthetic"
NEW_TEXT = "sources/xinyu-2022-plan.txt"


def _with_source_id(candidates: Path, source_id: str) -> Path:
    rows = list(csv.DictReader(open(candidates, encoding="utf-8")))
    for r in rows:
        r["source_id"] = source_id
    with open(candidates, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return candidates


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a data folder (the lock file aside: it is the folder's own, and empty)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != config.ACCEPT_LOCK_FILE
    }


# --- accept: ids are data ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["absolute", "dotdot"])
def test_accept_writes_nothing_outside_the_data_folder(data_copy, tmp_path, monkeypatch, kind):
    # today: "{source_id}.txt" joined to sources/ wrote the plan text at the victim's path, then validation failed
    # on the source_id pattern and accept said "nothing was written"
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # the validation copy: temp/<random>/data/sources
    victim = temp / "victim.txt" if kind == "dotdot" else tmp_path / "victim.txt"
    victim.write_text("a seed source, not to be overwritten", encoding="utf-8")
    source_id = "../../../victim" if kind == "dotdot" else str(tmp_path / "victim")
    _add_xinyu(data_copy)
    before = _snapshot(data_copy)
    cands = _with_source_id(_extract_csv(tmp_path), source_id)
    with pytest.raises(acc.AcceptError, match="column source_id"):
        acc.accept(cands, data_copy)
    assert victim.read_text(encoding="utf-8") == "a seed source, not to be overwritten"
    assert _snapshot(data_copy) == before


def test_accept_cli_names_a_bad_source_id_and_exits_2(data_copy, tmp_path, capsys):
    _add_xinyu(data_copy)
    cands = _with_source_id(_extract_csv(tmp_path), "x" * 300)
    before = _snapshot(data_copy)
    assert main(["accept", str(cands), "--data-dir", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert "column source_id" in err and f"at most {config.MAX_CODE_LENGTH} characters, got 300" in err
    assert "Traceback" not in err and _snapshot(data_copy) == before


def test_accept_refuses_to_overwrite_an_existing_source_text(data_copy, tmp_path):
    # a new source_id whose file name is already taken (by the text of another source) is refused, not overwritten
    _add_xinyu(data_copy)
    taken = data_copy / NEW_TEXT
    taken.write_text("another source's text", encoding="utf-8")
    with pytest.raises(acc.AcceptError, match="the file exists"):
        acc.accept(_extract_csv(tmp_path), data_copy)
    assert taken.read_text(encoding="utf-8") == "another source's text"


def test_inside_refuses_paths_out_of_the_folder(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "link").symlink_to(tmp_path)
    for bad in ("../x", "/etc/passwd", "link/x", "", "."):
        with pytest.raises(datafolder.FolderError):
            datafolder.inside(tmp_path / "d", bad)
    assert datafolder.inside(tmp_path / "d", "sources/a.txt") == (tmp_path / "d" / "sources" / "a.txt").resolve()


# --- accept: modes, lock, all or nothing ------------------------------------------------------------------------


def test_accept_keeps_the_files_permissions(data_copy, tmp_path):
    # today every replaced file became 0600 (mkstemp's mode)
    _add_xinyu(data_copy)
    for p in [data_copy / "targets.csv", data_copy / "sources.csv", *(data_copy / "sources").iterdir()]:
        p.chmod(0o640)
    acc.accept(_extract_csv(tmp_path), data_copy)
    for name in ("targets.csv", "sources.csv", NEW_TEXT):  # the new text takes its siblings' mode
        assert stat.S_IMODE((data_copy / name).stat().st_mode) == 0o640, name


@pytest.mark.integration
def test_accept_waits_for_the_data_folders_lock(data_copy, tmp_path):
    # today accept took no lock: it finished while another holder had the folder
    _add_xinyu(data_copy)
    cands = _extract_csv(tmp_path)
    before = (data_copy / "targets.csv").read_bytes()
    fd = os.open(data_copy / config.ACCEPT_LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    results: list = []
    worker = threading.Thread(target=lambda: results.append(acc.accept(cands, data_copy)))
    worker.start()
    worker.join(timeout=4)
    try:
        assert worker.is_alive() and not results
        assert (data_copy / "targets.csv").read_bytes() == before
    finally:
        os.close(fd)  # release
        worker.join(timeout=120)
    assert results and results[0].ids[0] == "xinyu22-001"


def _accept_process(cands: Path, data: Path, tmp: Path, pause: str = "") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC), "TMPDIR": str(tmp), datafolder.PAUSE_ENV_VAR: pause}
    cmd = [sys.executable, "-m", "doubling_analysis", "accept", str(cands), "--data-dir", str(data)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(marker: Path, proc: subprocess.Popen, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while not marker.exists():
        assert proc.poll() is None, f"the run ended before its pause: {proc.communicate()}"
        assert time.monotonic() < end, "the run never reached its pause"
        time.sleep(0.1)


@pytest.mark.integration
def test_two_accepts_at_once_keep_both_runs_rows(data_copy, tmp_path):
    # today both printed "accepted 14 rows" and the second run's copy (made before the first wrote) replaced the
    # first run's rows. Here run A holds the lock for 3 s after its copy; B starts meanwhile and must wait.
    _add_xinyu(data_copy)
    cands = _extract_csv(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    marker = tmp_path / "a-copied"
    a = _accept_process(cands, data_copy, temp, f"copied,{marker},3")
    _wait_for(marker, a)
    b = _accept_process(cands, data_copy, temp)
    outs = [p.communicate(timeout=300) for p in (a, b)]
    assert [p.returncode for p in (a, b)] == [0, 0], outs
    assert "xinyu22-001 .. xinyu22-014" in outs[0][0] and "xinyu22-015 .. xinyu22-028" in outs[1][0]
    ids = pd.read_csv(data_copy / "targets.csv", dtype=str)["target_id"]
    assert {f"xinyu22-{k:03d}" for k in range(1, 29)} <= set(ids)


# where the run is killed -> what the folder must be after the next validate: before the journal is complete the
# change is rolled back (old), after it the renames are replayed (new). The 3 changed files: targets.csv,
# sources.csv and the new source text, renamed in that order.
KILL_POINTS = [("copied", "old"), ("staged", "old"), ("journal", "new"), ("renamed-1", "new"), ("renamed-2", "new")]


@pytest.fixture(scope="module")
def accepted_state(tmp_path_factory) -> dict[str, bytes]:
    """The folder after an uninterrupted accept (in process), to compare a killed-and-recovered run with."""
    tmp = tmp_path_factory.mktemp("reference")
    data = tmp / "data"
    shutil.copytree(DATA, data)
    _add_xinyu(data)
    acc.accept(_extract_csv(tmp), data)
    return _snapshot(data)


@pytest.mark.parametrize(("step", "expected"), KILL_POINTS)
@pytest.mark.integration
def test_accept_killed_at_any_step_leaves_the_folder_old_or_new(data_copy, tmp_path, accepted_state, step, expected):
    _add_xinyu(data_copy)
    old = _snapshot(data_copy)
    cands = _extract_csv(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    marker = tmp_path / "paused"
    proc = _accept_process(cands, data_copy, temp, f"{step},{marker}")
    _wait_for(marker, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    report, _ = da.validate(data_copy)  # the next validate completes or rolls back
    assert report.ok, report.format()
    assert _snapshot(data_copy) == (old if expected == "old" else accepted_state)
    assert not list(data_copy.rglob(f"{config.ACCEPT_STAGED_PREFIX}*"))
    assert not (data_copy / config.ACCEPT_JOURNAL_FILE).exists()


@pytest.mark.integration
def test_the_next_accept_removes_a_killed_runs_temporary_copy(data_copy, tmp_path, monkeypatch, accepted_state):
    # today the full copy of the data folder a killed run made stayed in the temp folder for good
    _add_xinyu(data_copy)
    cands = _extract_csv(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    marker = tmp_path / "paused"
    proc = _accept_process(cands, data_copy, temp, f"copied,{marker}")
    _wait_for(marker, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    stale = list(temp.glob(f"{config.ACCEPT_TEMP_PREFIX}{proc.pid}-*"))
    assert len(stale) == 1 and (stale[0] / "data" / "targets.csv").is_file()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    acc.accept(cands, data_copy)  # the next run
    assert list(temp.iterdir()) == []
    assert _snapshot(data_copy) == accepted_state


def test_a_journal_left_behind_is_replayed_by_load(data_copy):
    # a run killed after its journal: load_catalog completes the renames before reading (by hand: the staged
    # sectors.csv below has one row more than the shipped one)
    staged = data_copy / f"{config.ACCEPT_STAGED_PREFIX}x"
    new = (data_copy / "sectors.csv").read_text(encoding="utf-8").rstrip("\n") + "\nsynthetic_sector,合成,Synthetic\n"
    staged.write_text(new, encoding="utf-8")
    (data_copy / config.ACCEPT_JOURNAL_FILE).write_text(f'[["{staged.name}", "sectors.csv"]]', encoding="utf-8")
    cat = da.load_catalog(data_copy)
    assert "synthetic_sector" in set(cat.sectors["code"])
    assert not staged.exists() and not (data_copy / config.ACCEPT_JOURNAL_FILE).exists()


# --- spreadsheet outputs ----------------------------------------------------------------------------------------


def test_formula_like_text_cells_are_neutralised_and_numbers_are_not():
    frame = pd.DataFrame(
        {
            "name": [
                '=HYPERLINK("http://x")',
                "+A1",
                "-x",
                "@SUM(A1)",
                "\tt",
                "\rr",
                "plain",
                "-0.05",
                "+1",
                "-12.3%",
                "-1,234.5",
                "-1+2",
                "'=q",
                "=",
                None,
            ],
            "value": [-0.05, 1.0, -2.0, 0.0, 1e-3, 2.0, 3.0, 4.0, 4.5, 4.6, 4.7, 4.8, 5.0, 5.5, 6.0],
        }
    )
    out = spreadsheet_safe(frame)
    # by hand: a "'" before each text starting with = + - @ tab CR; "-0.05", "+1", "-12.3%" and "-1,234.5" are
    # numbers written as text (a spreadsheet reads them as the numbers, no formula): kept; "-1+2" is a formula;
    # "'=q" would lose its "'" when read back, so it gets one more; "=" alone (the comparator code) holds no formula
    assert out["name"].tolist()[:-1] == [
        '\'=HYPERLINK("http://x")',
        "'+A1",
        "'-x",
        "'@SUM(A1)",
        "'\tt",
        "'\rr",
        "plain",
        "-0.05",
        "+1",
        "-12.3%",
        "-1,234.5",
        "'-1+2",
        "''=q",
        "=",
    ]
    assert pd.isna(out["name"].iloc[-1])  # a blank stays blank
    assert out["value"].tolist() == frame["value"].tolist() and out["value"].dtype == float
    assert frame["name"][0].startswith("=")  # the input is not changed
    for text in frame["name"].dropna():
        assert cell_from_spreadsheet(cell_for_spreadsheet(text)) == text
    assert cell_from_spreadsheet("'plain") == "'plain"


def test_report_tables_are_written_neutralised(tmp_path):
    from doubling_analysis.report.presentation import save_table

    path = save_table(pd.DataFrame({"note": ["=1+1", "ok"], "gap": [-0.05, 0.1]}), "t", str(tmp_path))
    text = Path(path).read_text(encoding="utf-8-sig")
    # by hand: the text cell is prefixed, the negative number is written as the number
    assert text.splitlines() == ["note,gap", "'=1+1,-0.05", "ok,0.1"]


def test_candidates_are_written_neutralised_and_accept_reads_the_text_back(data_copy, tmp_path):
    _add_xinyu(data_copy)
    found = ex.extract(FIXTURE, "360500", "xinyu-2022-plan", issued="2022-03-01")
    formula = '=HYPERLINK("http://x","' + found[0].quote + '")'
    found[0] = replace(found[0], quote=formula)
    out = tmp_path / "c.csv"
    ex.write_candidates(found, out, "plan", "2022-03-01", FIXTURE)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    header = rows[0]
    assert rows[1][header.index("quote")] == "'" + formula
    assert all(len(cell) < 2 or not cell.startswith(("=", "+", "@")) for row in rows[1:] for cell in row)
    _, back = acc.read_candidates(out)
    assert back[0]["quote"] == formula and back[0]["value"] == rows[1][header.index("value")]


# --- validate: bounds -------------------------------------------------------------------------------------------


@pytest.fixture
def synthetic(tmp_path) -> Path:
    target = tmp_path / "synthetic"
    shutil.copytree(SYNTHETIC, target)
    return target


def test_validate_rejects_a_300_character_id_located(synthetic):
    # today it passed, then every chart and table labelled by it broke
    long_id = "t" * 300
    edit_csv(synthetic / "targets.csv", "t-002,", f"{long_id},")
    report, _ = da.validate(synthetic)
    hits = [v for v in report.errors if (v.file, v.row, v.column) == ("targets.csv", 3, "target_id")]
    assert hits and hits[0].expected == f"at most {config.MAX_CODE_LENGTH} characters"
    assert "300 characters" in str(hits[0].value)


def test_validate_accepts_an_id_of_the_maximum_length(synthetic):
    edit_csv(synthetic / "targets.csv", "t-002,", "t" * config.MAX_CODE_LENGTH + ",")
    report, _ = da.validate(synthetic)
    assert not [v for v in report.errors if v.column == "target_id"]


@pytest.mark.parametrize(
    ("old", "new", "bad"),
    [
        # 1e-300 万亿元 = 1e-296 亿元: below 1e-9
        ("0.12,,万亿元", "1e-300,,万亿元", True),
        # 2e9 亿元: above 1e9 (China's GDP is about 1.3e6 亿元)
        ("0.12,,万亿元", "2e5,,万亿元", True),
        # 0 is a value (e.g. zero incidents), and 5e-9 万亿元 = 5e-5 亿元 = 5000 元 is in range
        ("0.12,,万亿元", "0,,万亿元", False),
        ("0.12,,万亿元", "5e-9,,万亿元", False),
    ],
)
def test_validate_bounds_the_magnitude_of_values(synthetic, old, new, bad):
    edit_csv(synthetic / "targets.csv", old, new)
    report, _ = da.validate(synthetic)
    hits = [v for v in report.errors if (v.file, v.row, v.column) == ("targets.csv", 3, "value")]
    assert any("magnitude" in v.expected for v in hits) == bad, [str(v) for v in hits]


def test_a_name_with_dollar_signs_plots_as_text(synthetic):
    # today matplotlib read "$\frac{$" as mathtext and the chart raised a ParseException when drawn
    from doubling_analysis.report.plots import coverage_heatmap

    edit_csv(synthetic / "jurisdictions.csv", "示例市,Example city", "示例$\\frac{$市,Example $\\frac{$ city")
    cat = da.load_catalog(synthetic)
    fig, data = coverage_heatmap(cat, lang="en")
    fig.savefig(io.BytesIO(), format="png")
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert "Example $\\frac{$ city" in labels


def test_validate_rejects_a_source_file_outside_sources(synthetic):
    # today "../" in sources.csv's file made validation read (and quote-check against) a file outside the data
    # folder; placed so that the file exists there, it even passed
    (synthetic.parent / "outside.txt").write_text(
        (synthetic / "sources" / "fixture-doc.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    edit_csv(synthetic / "sources.csv", ",fixture-doc.txt,", ",../../outside.txt,")
    report, _ = da.validate(synthetic)
    hits = [v for v in report.errors if (v.file, v.row, v.column) == ("sources.csv", 2, "file")]
    assert any("plain file name" in v.expected for v in hits), report.format()


def test_accept_does_not_follow_a_symlinked_lock_file(data_copy, tmp_path):
    # a lock file that is a symlink (to a file elsewhere) is refused, not opened and truncated or locked through
    _add_xinyu(data_copy)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not the lock", encoding="utf-8")
    (data_copy / config.ACCEPT_LOCK_FILE).symlink_to(elsewhere)
    before = (data_copy / "targets.csv").read_bytes()
    with pytest.raises(acc.AcceptError, match="lock file"):
        acc.accept(_extract_csv(tmp_path), data_copy)
    assert elsewhere.read_text(encoding="utf-8") == "not the lock"
    assert (data_copy / "targets.csv").read_bytes() == before
