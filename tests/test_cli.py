"""The command line as a user runs it: exit codes, messages, no tracebacks."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, edit_csv


def run(*args, env=None):
    import os

    e = dict(os.environ)
    e.pop("DOUBLING_ANALYSIS_DATA_DIR", None)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "doubling_analysis", *args], capture_output=True, text=True, cwd=REPO, env=e
    )


@pytest.mark.integration
def test_validate_shipped_data_exits_0():
    p = run("validate")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "OK: 0 error(s)" in p.stdout and "targets.csv" in p.stdout


@pytest.mark.integration
def test_validate_bad_data_exits_2_with_located_messages(data_copy):
    edit_csv(
        data_copy / "targets.csv", "jdz22-004,jdz-2022-plan,360200,profit", "jdz22-004,jdz-2022-plan,360299,profit"
    )
    p = run("validate", "--data-dir", str(data_copy))
    assert p.returncode == 2
    assert "targets.csv, row 5, column jurisdiction_code: got '360299'" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr


@pytest.mark.integration
def test_env_var_is_used(data_copy):
    (data_copy / "sectors.csv").write_text("code,name_zh\n", encoding="utf-8")
    p = run("validate", env={"DOUBLING_ANALYSIS_DATA_DIR": str(data_copy)})
    assert p.returncode == 2 and str(data_copy) in p.stdout and "sectors.csv" in p.stdout


@pytest.mark.integration
def test_missing_folder_is_a_clear_error(tmp_path):
    p = run("validate", "--data-dir", str(tmp_path / "nowhere"))
    assert p.returncode == 2 and "existing data folder" in p.stdout and "Traceback" not in p.stderr


@pytest.mark.integration
def test_unknown_command_exits_2():
    p = run("frobnicate")
    assert p.returncode == 2 and "invalid choice" in p.stderr


# ---- assess -------------------------------------------------------------------------------------------------


@pytest.mark.integration
def test_assess_csv_has_the_documented_columns_and_fractions():
    import csv
    import io

    p = run("assess", "--as-of", "2023Q4", "--format", "csv", "--paths", "500")
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    need = (
        "target_id,jurisdiction_code,indicator_code,sector,target_year,target_value,tier,base_year,base_value,"
        "latest_period,latest_value,latest_bound,required_growth,observed_growth,rate_to_go,ratio_r,"
        "category_eurostat,share_p,category_unsd,category_destatis,p_attain,projected_median,projected_low,"
        "projected_high,outcome,note"
    ).split(",")
    assert list(rows[0])[: len(need)] == need
    by_id = {r["target_id"]: r for r in rows}
    assert float(by_id["gz21-003"]["target_value"]) == 0.2  # 20 % as a fraction
    assert by_id["gz21-002"]["outcome"] == "achieved"
    assert all(r["note"] for r in rows if not r["latest_value"])  # unassessed rows say why


@pytest.mark.integration
def test_assess_table_is_readable():
    p = run("assess", "--as-of", "2023Q4", "--paths", "500")
    assert p.returncode == 0 and "as of 2023Q4" in p.stdout and "Ganzhou" in p.stdout


@pytest.mark.integration
def test_assess_bad_arguments_give_one_line_and_exit_2():
    for args in (
        ["--as-of", "2023Q5"],
        ["--method", "arima"],
        ["--format", "xlsx"],
        ["--paths", "many"],
        ["--method", "scenario"],
        ["--seed", "-5"],
        ["--as-of", ""],
    ):
        p = run("assess", *args)
        assert p.returncode == 2, args
        assert len(p.stderr.strip().splitlines()) == 1 and "error" in p.stderr, (args, p.stderr)
        assert "Traceback" not in p.stderr


@pytest.mark.integration
def test_assess_bad_data_exits_2(data_copy):
    edit_csv(
        data_copy / "targets.csv", "jdz22-004,jdz-2022-plan,360200,profit", "jdz22-004,jdz-2022-plan,360299,profit"
    )
    p = run("assess", "--data-dir", str(data_copy))
    assert p.returncode == 2 and "360299" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.integration
def test_backtest_command_prints_scores_and_csv(capsys):
    from doubling_analysis.app.cli import main

    syn = str(Path(__file__).parent / "fixtures" / "synthetic")
    assert main(["backtest", "--data-dir", syn, "--paths", "300"]) == 0
    out = capsys.readouterr().out
    assert "80 % interval coverage" in out and "Brier: model" in out
    assert main(["backtest", "--data-dir", syn, "--paths", "300", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("kind,id,origin,horizon,forecast") and len(lines) > 5
    assert main(["backtest", "--paths", "0"]) == 2 and main(["backtest", "--format", "xml"]) == 2


# ---- issue 10: runs that lose or block, tracebacks where a one-line message is promised ------------------------


def test_a_relative_data_dir_is_made_absolute(monkeypatch, tmp_path):
    """A relative --data-dir (or $DOUBLING_ANALYSIS_DATA_DIR) is resolved where the user typed it, so that
    notebooks running in their output folder still find it."""
    from doubling_analysis.build.runner import validate_parameters
    from doubling_analysis.data.catalog import ENV_VAR, resolve_data_dir

    monkeypatch.chdir(REPO)
    assert resolve_data_dir("data") == REPO / "data" and resolve_data_dir("data").is_absolute()
    monkeypatch.setenv(ENV_VAR, "data")
    assert resolve_data_dir(None) == REPO / "data"
    got = validate_parameters("02_growth_paths", {"data_dir": "data"})
    assert got["data_dir"] == str(REPO / "data")


@pytest.mark.integration
def test_path_counts_are_bounded():
    from doubling_analysis import config
    from doubling_analysis.build.runner import ParameterError, validate_parameters

    p = subprocess.run(
        [sys.executable, "-m", "doubling_analysis", "assess", "--paths", "1000000000"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert p.returncode == 2 and str(config.MAX_PATHS) in p.stderr and "Traceback" not in p.stderr
    import pytest

    with pytest.raises(ParameterError, match="n_paths"):
        validate_parameters("02_growth_paths", {"n_paths": "1000000000"})


@pytest.mark.integration
def test_empty_data_dir_and_negative_jobs_are_refused():
    for args in (["validate", "--data-dir", ""], ["report", "--jobs", "-1", "--no-progress"]):
        p = subprocess.run([sys.executable, "-m", "doubling_analysis", *args], capture_output=True, text=True, cwd=REPO)
        assert p.returncode == 2 and "Traceback" not in p.stderr, (args, p.stderr)
        assert ("--data-dir" in p.stderr) or ("--jobs" in p.stderr)


@pytest.mark.integration
def test_run_out_an_existing_file_is_refused(tmp_path):
    existing = tmp_path / "a-file.txt"
    existing.write_text("keep me", encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "doubling_analysis", "run", "02_growth_paths", "--out", str(existing)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert p.returncode == 2 and "--out" in p.stderr and "Traceback" not in p.stderr
    assert existing.read_text(encoding="utf-8") == "keep me"
