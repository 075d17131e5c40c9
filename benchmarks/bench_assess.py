"""Time the modelling core on the shipped data (prints figures; no thresholds anywhere).

* ``import doubling_analysis`` in a fresh interpreter (statsmodels must not be imported by it);
* load + validate;
* assess every target with every progress method and 10 000 simulated paths, for the calibrated model and without probabilities, plus the backtest
  (auto, constant, loglinear, ets) and as of several quarters;
* the vectorised path simulation alone (10 000 paths x 3 years), against a pure-Python loop doing the same.

    python benchmarks/bench_assess.py [--repeat N]
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

    code = (
        "import sys, time; t = time.perf_counter(); import doubling_analysis; "
        "print(time.perf_counter() - t, 'statsmodels' in sys.modules)"
    )
    imports, sm_loaded = [], set()
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        imports.append(float(out[0]))
        sm_loaded.add(out[1])
    show("import doubling_analysis (fresh interpreter)", imports)
    print(f"{'':62s} statsmodels imported by it: {', '.join(sorted(sm_loaded))}")

    import numpy as np

    import doubling_analysis as da
    from doubling_analysis.model.assess import assess
    from doubling_analysis.model.projection import project

    show("load_catalog (read + validate + type)", timed(da.load_catalog, args.repeat))
    cat = da.load_catalog()
    n = len(cat.targets)
    assess(cat, "2023Q4")  # warm: caches
    for method in ("auto", "none"):
        xs = timed(lambda method=method: assess(cat, "2022Q2", projection_method=method, n_paths=10_000), args.repeat)
        show(f"assess {n} targets, 4 progress methods, 10k paths, {method}, 2022Q2", xs)
    for q in ("2021Q4", "2023Q4"):
        show(
            f"assess {n} targets, auto, 10k paths, as of {q}",
            timed(lambda q=q: assess(cat, q, n_paths=10_000), args.repeat),
        )
    table = assess(cat, "2022Q2", n_paths=10_000)
    print(f"{'':62s} rows with a probability as of 2022Q2: {int(table['p_attain'].notna().sum())}")
    from doubling_analysis.model.backtest import backtest

    show("backtest (every scored forecast, 2000 paths each)", timed(lambda: backtest(cat, n_paths=2000), 1))

    hist = {2018: 100.0, 2019: 110.0, 2020: 118.0, 2021: 131.0}
    show(
        "project(): 10k paths x 2 years, constant (vectorised numpy)",
        timed(lambda: project(hist, 2023, "constant", n_paths=10_000), args.repeat),
    )

    def loop():
        rng = np.random.default_rng(1)
        out = []
        for _ in range(10_000):
            level = 131.0
            for _ in range(2):
                level *= 1.1 + rng.standard_normal() * 0.05
            out.append(level)
        return out

    show("the same simulation as a pure-Python loop", timed(loop, args.repeat))


if __name__ == "__main__":
    main()
