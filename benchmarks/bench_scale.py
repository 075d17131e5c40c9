"""Time the report on more data (prints figures): synthetic data folders k times the shipped one (copies under new
codes, ids and documents; tests/conftest.py), validated like any data folder.

* the default report (the overview) at each scale, and its time as a multiple of the 1x time;
* with ``--per-jurisdiction`` (one PDF per jurisdiction with a target, in parallel local processes) at each of
  ``--per-scales``, and the time of the largest over that of the smallest.

    python benchmarks/bench_scale.py [--quarter 2026Q3] [--scales 1,10,100] [--per-scales 10,100]

Issue 13 asks: the default report at 100x in at most 10 times its 1x time; 900 jurisdictions (100x) in at most 10
times the time of 90 (10x).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
BIN = Path(sys.executable).parent


def build(data: Path, out: Path, quarter: str, per_jurisdiction: bool) -> tuple[float, dict]:
    cmd = [str(BIN / "doubling-analysis"), "report", "--quarter", quarter, "--data-dir", str(data), "--out", str(out)]
    cmd += ["--no-progress"] + (["--per-jurisdiction"] if per_jurisdiction else [])
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"build failed (exit {p.returncode}): {p.stderr.strip()[-2000:]}")
    folder = out / quarter
    return seconds, json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quarter", default="2026Q3")
    ap.add_argument("--scales", default="1,10,100", help="default report at these multiples of the data")
    ap.add_argument("--per-scales", default="10,100", help="report --per-jurisdiction at these (empty: none)")
    args = ap.parse_args()
    import os

    from conftest import DATA, write_synthetic_data_dir

    print(f"cores: {os.cpu_count()}; quarter {args.quarter}")
    scales = [int(x) for x in args.scales.split(",") if x]
    per = [int(x) for x in args.per_scales.split(",") if x]
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        folders = {}
        for k in sorted(set(scales + per)):
            folders[k] = DATA if k == 1 else write_synthetic_data_dir(DATA, tmp / f"data-{k}x", k)
        base = None
        for k in scales:
            seconds, m = build(folders[k], tmp / f"out-{k}x", args.quarter, False)
            base = base or seconds
            pdf = tmp / f"out-{k}x" / args.quarter / f"report-{args.quarter}-zh.pdf"
            print(
                f"{k:>4}x default report: {seconds:7.1f} s ({seconds / base:5.2f}x the {scales[0]}x time), "
                f"{pages(pdf)} pages, notebook 05 {_seconds(m, REPORT)} s",
                flush=True,
            )
            shutil.rmtree(tmp / f"out-{k}x", ignore_errors=True)
        first = None
        for k in per:
            seconds, m = build(folders[k], tmp / f"per-{k}x", args.quarter, True)
            n = len(m.get("jurisdictions", []))
            first = first or (seconds, n)
            print(
                f"{k:>4}x --per-jurisdiction: {n} jurisdictions, {seconds:7.1f} s "
                f"({seconds / first[0]:5.2f}x the time of {first[1]})",
                flush=True,
            )
            shutil.rmtree(tmp / f"per-{k}x", ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


REPORT = "05_quarterly_report.ipynb"


def _seconds(manifest: dict, notebook: str):
    return next((r.get("seconds") for r in manifest["runs"] if r["notebook"] == notebook), None)


if __name__ == "__main__":
    main()
