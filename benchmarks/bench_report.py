"""Time the quarterly report build against the same work done naively, in the same run (prints figures).

* ours:  ``doubling-analysis report`` — the five notebooks in warm kernels (one per core), each exported to HTML
  as it ends, the report's PDF made as soon as its notebook ends;
* floor: the least a build can cost: one process, one kernel running the report notebook, its HTML, the PDF;
* naive: the same artefacts made one after the other with the command-line tools: ``papermill`` for each
  notebook, ``jupyter nbconvert --to html --no-input`` for each, then ``weasyprint`` for the report's HTML.

    python benchmarks/bench_report.py [--quarter 2023Q4] [--repeat 1] [--builds 100]

A failed build prints its reason (message, FAILED.txt, report.log); ``--builds N`` counts failures over N
consecutive cold builds.
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
    from doubling_analysis.build.reporting import REPORT_NOTEBOOK, REPORT_NOTEBOOKS
    from doubling_analysis.build.runner import NOTEBOOK_DIR

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


FLOOR = """
import sys
from pathlib import Path
from doubling_analysis.build.rendering import html_to_pdf, notebook_html_body, wrap_html
from doubling_analysis.build.reporting import REPORT_NOTEBOOK
from doubling_analysis.build.runner import run_notebook
out = Path(sys.argv[1])
entry = run_notebook(REPORT_NOTEBOOK, out, {"quarter": sys.argv[2], "output_dir": "tables"}, manifest=False)
assert entry["status"] == "ok", entry["error"]
doc = wrap_html(notebook_html_body(out / f"{REPORT_NOTEBOOK}.ipynb"), "floor", [], "contents")
html_to_pdf(doc, out / "report.pdf")
"""


def floor(quarter: str, out: Path) -> float:
    """The least a cold build can cost: one process, one kernel running the report notebook, its HTML, the PDF."""
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, str(out), quarter], check=True, capture_output=True)
    return time.perf_counter() - t0


class BuildFailed(RuntimeError):
    pass


def ours(quarter: str, out: Path) -> float:
    """``doubling-analysis report``, cold (a new process); a failed build raises with its reason (the command's
    message, FAILED.txt and the end of report.log), never a bare exit status."""
    t0 = time.perf_counter()
    p = subprocess.run(
        [str(BIN / "doubling-analysis"), "report", "--quarter", quarter, "--out", str(out), "--no-progress"],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        reason = [f"exit {p.returncode}", p.stderr.strip()[-2000:]]
        for f in sorted(out.glob(f"{quarter}*/FAILED.txt")) + [out / "report.log"]:
            if f.exists():
                reason.append(f"{f.name}: " + f.read_text(encoding="utf-8")[-2000:])
        raise BuildFailed("\n".join(reason))
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quarter", default="2023Q4")
    ap.add_argument("--repeat", type=int, default=1, help="side-by-side rounds of ours, floor and naive")
    ap.add_argument("--builds", type=int, default=0, help="then this many consecutive cold builds (reliability)")
    args = ap.parse_args()
    import os

    print(f"cores: {os.cpu_count()}; quarter {args.quarter}")
    for i in range(args.repeat):
        tmp = Path(tempfile.mkdtemp(prefix="bench-report-"))
        try:
            t_ours = ours(args.quarter, tmp / "ours")
            t_floor = floor(args.quarter, tmp / "floor")
            t_naive = naive(args.quarter, tmp / "naive")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(
            f"run {i + 1}: build_report {t_ours:6.1f} s   floor {t_floor:6.1f} s ({t_ours / t_floor:4.2f}x the floor)   "
            f"naive sequential CLI {t_naive:6.1f} s (speed-up {t_naive / t_ours:4.2f}x)"
        )
    if args.builds:
        times, failures = [], []
        for i in range(args.builds):
            tmp = Path(tempfile.mkdtemp(prefix="bench-build-"))
            try:
                times.append(ours(args.quarter, tmp))
            except BuildFailed as exc:
                failures.append(f"build {i + 1}: {exc}")
                print(failures[-1], flush=True)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        print(
            f"{args.builds} consecutive cold builds: {len(failures)} failed; "
            f"{sum(times):.0f} s in all, median {sorted(times)[len(times) // 2]:.1f} s, max {max(times):.1f} s"
            if times
            else f"{args.builds} builds: all failed"
        )


if __name__ == "__main__":
    main()
