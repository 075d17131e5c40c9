"""The command line as a user runs it: exit codes, messages, no tracebacks."""

import subprocess
import sys

from conftest import DATA, REPO, edit_csv


def run(*args, env=None):
    import os

    e = dict(os.environ)
    e.pop("DOUBLING_ANALYSIS_DATA_DIR", None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "doubling_analysis", *args], capture_output=True, text=True,
                          cwd=REPO, env=e)


def test_validate_shipped_data_exits_0():
    p = run("validate")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "OK: 0 error(s)" in p.stdout and "targets.csv" in p.stdout


def test_validate_bad_data_exits_2_with_located_messages(data_copy):
    edit_csv(data_copy / "targets.csv", "jdz22-004,jdz-2022-plan,360200,profit", "jdz22-004,jdz-2022-plan,360299,profit")
    p = run("validate", "--data-dir", str(data_copy))
    assert p.returncode == 2
    assert "targets.csv, row 5, column jurisdiction_code: got '360299'" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr


def test_env_var_is_used(data_copy):
    (data_copy / "sectors.csv").write_text("code,name_zh\n", encoding="utf-8")
    p = run("validate", env={"DOUBLING_ANALYSIS_DATA_DIR": str(data_copy)})
    assert p.returncode == 2 and str(data_copy) in p.stdout and "sectors.csv" in p.stdout


def test_missing_folder_is_a_clear_error(tmp_path):
    p = run("validate", "--data-dir", str(tmp_path / "nowhere"))
    assert p.returncode == 2 and "existing data folder" in p.stdout and "Traceback" not in p.stderr


def test_unknown_command_exits_2():
    p = run("frobnicate")
    assert p.returncode == 2 and "invalid choice" in p.stderr
