"""Time the data layer: import, read + validate, and the full load (prints figures; no thresholds).

python benchmarks/bench_catalog.py [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from _timing import show, timed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    imports = []
    for _ in range(args.repeat):
        p = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import doubling_analysis"],
            capture_output=True,
            text=True,
            check=True,
        )
        total = [line for line in p.stderr.splitlines() if line.rstrip().endswith("| doubling_analysis")]
        imports.append(int(total[-1].split("|")[1]) / 1e6)

    import doubling_analysis as da

    da.load_catalog()  # warm caches (pandera's lazy imports)
    validate = timed(lambda: da.validate(), args.repeat)
    load = timed(lambda: da.load_catalog(), args.repeat)
    cat = da.load_catalog()
    print(f"rows: targets {len(cat.targets)}, actuals {len(cat.actuals)}, sources {len(cat.sources)}")
    for name, xs in (
        ("import doubling_analysis (cold, -X importtime)", imports),
        ("validate (read + all checks)", validate),
        ("load_catalog (validate + typing)", load),
    ):
        show(name, xs)


if __name__ == "__main__":
    main()
