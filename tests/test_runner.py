"""The runner: strict parameters, one notebook in a kernel of its own, several in a few warm kernels (reused,
reset between notebooks, replaced after a failure, retried when they fail to start)."""

import json
import logging
import subprocess
import sys

import nbformat
import pytest
from conftest import REPO

from doubling_analysis.build import runner
from doubling_analysis.build.runner import (
    Job,
    KernelRun,
    ParameterError,
    coerce,
    notebook_parameters,
    run_notebook,
    validate_parameters,
)

SLOW = pytest.mark.slow


# ---- strict parameters -------------------------------------------------------------------------------------------


def test_notebooks_declare_typed_parameters():
    p = notebook_parameters("02_growth_paths")
    assert p["n_paths"]["type"] == "int" and p["jurisdiction"]["type"] == "str"
    assert p["n_paths"]["help"]


def test_unknown_parameter_lists_the_valid_ones():
    with pytest.raises(ParameterError) as info:
        validate_parameters("02_growth_paths", {"n_path": "2"})
    assert "n_path" in str(info.value) and "n_paths (int)" in str(info.value)


def test_values_take_the_declared_type():
    got = validate_parameters("02_growth_paths", {"n_paths": "2", "seed": 7, "jurisdiction": 360700})
    assert got == {"n_paths": 2, "seed": 7, "jurisdiction": "360700"}
    assert isinstance(got["n_paths"], int)
    with pytest.raises(ParameterError, match="expected int"):
        validate_parameters("02_growth_paths", {"n_paths": "2.5"})


@pytest.mark.parametrize(
    "value, type_name, expected",
    [
        ("2", "int", 2),
        ("2", "float", 2.0),
        ("yes", "bool", True),
        ("0", "bool", False),
        (3, "float", 3.0),
        ("x", "str", "x"),
    ],
)
def test_coerce(value, type_name, expected):
    got = coerce("p", value, type_name)
    assert got == expected and type(got) is type(expected)


@SLOW
def test_run_writes_a_manifest(tmp_path):
    entry = run_notebook("04_consistency_ambition", tmp_path, {"lang": "en"})
    assert entry["status"] == "ok"
    m = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert m["runs"][0]["parameters"] == {"lang": "en"} and len(m["data_fingerprint"]) == 64
    assert m["versions"]["pandas"] and m["status"] == "ok" and m["runs"][0]["seconds"] > 0


@pytest.mark.integration
def test_cli_run_rejects_unknown_parameter():
    p = subprocess.run(
        [sys.executable, "-m", "doubling_analysis", "run", "02_growth_paths", "-p", "npaths", "5"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert p.returncode == 2 and "valid:" in p.stderr and "Traceback" not in p.stderr


# ---- one notebook, and a hung one --------------------------------------------------------------------------


def fixture_notebook(path, *cells: str, parameters: str = "tag: str = ''"):
    """A synthetic notebook for the tests (a parameters cell, then ``cells``)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)
    return path


@pytest.mark.integration
def test_a_hung_cell_fails_its_notebook(tmp_path):
    """Issue 10, item 5: a cell that runs past the timeout fails the notebook instead of blocking the run."""
    path = fixture_notebook(tmp_path / "hang.ipynb", "import time\ntime.sleep(seconds)", parameters="seconds: int = 30")
    entry = run_notebook(path, tmp_path / "out", {}, manifest=False, cell_timeout=3)
    assert entry["status"] == "failed" and entry["seconds"] < 25


# ---- warm kernels ---------------------------------------------------------------------------------------------

WRITE_PID = "import os\nopen(f'{tag}.pid', 'w').write(f\"{os.getpid()} {os.environ.get('OPENBLAS_NUM_THREADS')}\")"


def run_jobs(folder, jobs, slots=1):
    with KernelRun(jobs, folder, slots) as run:
        return {e["notebook"]: e for e in run.results()}


@pytest.mark.integration
def test_one_warm_kernel_runs_several_notebooks_with_a_clean_namespace(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir(), out.mkdir()
    a = fixture_notebook(src / "a.ipynb", WRITE_PID, "leftover = 42")
    b = fixture_notebook(src / "b.ipynb", WRITE_PID, "assert 'leftover' not in dir(), 'namespace not reset'")
    got = run_jobs(out, [Job(str(a), {"tag": "a"}), Job(str(b), {"tag": "b"})])
    assert got["a.ipynb"]["status"] == "ok" and got["b.ipynb"]["status"] == "ok", got
    pid_a, threads = (out / "a.pid").read_text().split()
    pid_b, _ = (out / "b.pid").read_text().split()
    assert pid_a == pid_b  # the same kernel process ran both
    assert threads == "1"  # BLAS threads: one per kernel (config.KERNEL_THREADS)
    assert (out / "logs" / "kernel-0.log").exists()


@pytest.mark.integration
def test_a_failed_notebook_does_not_hand_its_kernel_to_the_next(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir(), out.mkdir()
    bad = fixture_notebook(src / "bad.ipynb", WRITE_PID, "raise ValueError('boom')")
    good = fixture_notebook(src / "good.ipynb", WRITE_PID)
    got = run_jobs(out, [Job(str(bad), {"tag": "bad"}), Job(str(good), {"tag": "good"})])
    assert got["bad.ipynb"]["status"] == "failed" and "boom" in got["bad.ipynb"]["error"]
    assert got["good.ipynb"]["status"] == "ok"
    assert (out / "bad.pid").read_text().split()[0] != (out / "good.pid").read_text().split()[0]
    assert (out / "bad.ipynb").exists()  # the failed notebook's partial output is kept


@pytest.mark.integration
def test_a_kernel_that_fails_to_start_is_retried_and_the_reason_logged(tmp_path, monkeypatch, caplog):
    """Fault injection: the first start raises (as a port taken between choice and bind would)."""
    from jupyter_client.manager import KernelManager

    real, calls = KernelManager.start_kernel, []

    def flaky(self, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Address already in use (injected)")
        return real(self, **kw)

    monkeypatch.setattr(KernelManager, "start_kernel", flaky)
    nb = fixture_notebook(tmp_path / "n.ipynb", "x = 1")
    out = tmp_path / "out"
    out.mkdir()
    with caplog.at_level(logging.WARNING, logger="doubling_analysis.report"):
        got = run_jobs(out, [Job(str(nb), {})])
    assert got["n.ipynb"]["status"] == "ok" and len(calls) == 2
    assert "Address already in use (injected)" in caplog.text


def test_a_kernel_that_never_starts_fails_its_notebook_with_every_reason(tmp_path, monkeypatch):
    from jupyter_client.manager import KernelManager

    def broken(self, **kw):
        raise RuntimeError("no kernel today (injected)")

    monkeypatch.setattr(KernelManager, "start_kernel", broken)
    nb = fixture_notebook(tmp_path / "n.ipynb", "x = 1")
    out = tmp_path / "out"
    out.mkdir()
    got = run_jobs(out, [Job(str(nb), {})])
    entry = got["n.ipynb"]
    assert (
        entry["status"] == "failed" and entry["error"].count("no kernel today") == runner.config.KERNEL_START_ATTEMPTS
    )


def test_kernels_never_inherit_a_non_interactive_matplotlib_backend(monkeypatch):
    """An inherited MPLBACKEND=Agg (the per-jurisdiction workers set it) made every chart of a build vanish."""
    from doubling_analysis.build.runner import kernel_environment

    monkeypatch.setenv("MPLBACKEND", "Agg")
    env = kernel_environment()
    assert "MPLBACKEND" not in env and env["OMP_NUM_THREADS"] == "1"
