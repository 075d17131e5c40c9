"""Time the quarterly report build against the same work done naively, in the same run (prints figures).

* ours:  ``build_report`` — the five notebooks in parallel processes (one per core), each exported to HTML
  in its worker (nbconvert in-process, basic template), then one WeasyPrint PDF of the report;
* naive: the same artefacts made one after the other with the command-line tools: ``papermill`` for each
  notebook, ``jupyter nbconvert --to html --no-input`` for each, then ``weasyprint`` for the report's HTML.

    python benchmarks/bench_report.py [--quarter 2023Q4] [--repeat 1]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def naive(quarter: str, out: Path) -> float:
    from doubling_analysis.reporting import REPORT_NOTEBOOK, REPORT_NOTEBOOKS
    from doubling_analysis.runner import NOTEBOOK_DIR

    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    for name in REPORT_NOTEBOOKS:
        params = ["-p", "quarter", quarter] if name == REPORT_NOTEBOOK else ["-p", "as_of", quarter]
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(NOTEBOOK_DIR / f"{name}.ipynb"),
                str(out / f"{name}.ipynb"),
                *params,
                "-p",
                "output_dir",
                "tables",
                "--cwd",
                str(out),
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
    for name in REPORT_NOTEBOOKS:
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(out / f"{name}.ipynb")],
            check=True,
            capture_output=True,
        )
    subprocess.run(
        [str(BIN / "weasyprint"), str(out / f"{REPORT_NOTEBOOK}.html"), str(out / "report.pdf")],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t0


def ours(quarter: str, out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [str(BIN / "doubling-analysis"), "report", "--quarter", quarter, "--out", str(out), "--no-progress"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quarter", default="2023Q4")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    import os

    print(f"cores: {os.cpu_count()}; quarter {args.quarter}")
    for i in range(args.repeat):
        tmp = Path(tempfile.mkdtemp(prefix="bench-report-"))
        try:
            t_ours = ours(args.quarter, tmp / "ours")
            t_naive = naive(args.quarter, tmp / "naive")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(
            f"run {i + 1}: build_report {t_ours:6.1f} s   naive sequential CLI {t_naive:6.1f} s   "
            f"speed-up {t_naive / t_ours:4.2f}x"
        )


if __name__ == "__main__":
    main()
