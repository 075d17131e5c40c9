"""Time one change in the scenario explorer (prints figures), as the widget makes it: the scenario recomputed for a
target with the as-of date's assessment, evidence and calibration already in hand, and its chart drawn to PNG as
the widget shows it (``explorer.chart_png``) — on the shipped data and on synthetic catalogs 10 and 100 times larger
(copies under new codes; tests/conftest.py). Each scale prints the whole change, then its parts: the scenario
(``explorer.compare``), the chart (``explorer.scenario_chart``) and the PNG.

    python benchmarks/bench_explorer.py [--repeat N] [--scales 1,10,100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from _timing import show, timed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--scales", default="1,10,100")
    args = ap.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from conftest import synthetic_scaled_catalog

    import doubling_analysis as da
    from doubling_analysis.app import explorer
    from doubling_analysis.model.assess import assess
    from doubling_analysis.model.evidence import build_context
    from doubling_analysis.model.volatility import estimate
    from doubling_analysis.report import plots

    plots.setup_fonts()
    base = da.load_catalog()
    for k in (int(x) for x in args.scales.split(",")):
        cat = synthetic_scaled_catalog(base, k) if k > 1 else base
        t0 = time.perf_counter()
        table, ctx = assess(cat, "2022Q4"), build_context(cat, "2022Q4")
        vol = estimate(ctx)
        print(
            f"{k:>3}x ({len(cat.targets)} targets): as-of switch (assessment, evidence, calibration) "
            f"{time.perf_counter() - t0:.2f} s"
        )
        rates = iter([0.1 + 0.01 * i for i in range(10_000)])
        kw = dict(table=table, context=ctx, volatility=vol)
        parts: list[tuple[float, float, float]] = []

        def change(kw=kw, rates=rates, cat=cat, parts=parts):
            t0 = time.perf_counter()
            sc = [explorer.Scenario("B", (next(rates),))]
            _, (r,) = explorer.compare(cat, "jx19-023", "2022Q4", sc, **kw)
            t1 = time.perf_counter()
            fig, _ = explorer.scenario_chart(r)
            t2 = time.perf_counter()
            explorer.chart_png(fig)
            plt.close(fig)
            parts.append((t1 - t0, t2 - t1, time.perf_counter() - t2))

        first = timed(change, 1)[0]  # warm-up: fonts; the look-ups of this as-of date's table, built once
        parts.clear()
        show(f"{k:>3}x explorer change: scenario + chart + PNG", timed(change, args.repeat))
        compute, chart, png = (statistics.median(x) * 1000 for x in zip(*parts))
        print(
            f"{'':5}parts (medians): scenario {compute:.1f} ms, chart {chart:.1f} ms, PNG {png:.1f} ms; "
            f"first change after the switch {first * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
