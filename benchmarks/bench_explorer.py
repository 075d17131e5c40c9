"""Time one change in the scenario explorer (prints figures): recompute the scenario for a target and redraw
its chart to PNG, as the widget does on every slider move. Goal: well under 1 s on the 2-core machine.

    python benchmarks/bench_explorer.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io

from _timing import show, timed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import doubling_analysis as da
    from doubling_analysis import explorer, plots
    from doubling_analysis.assess import assess

    plots.setup_fonts()
    cat = da.load_catalog()
    table = assess(cat, "2022Q4", projection_method="none")
    rates = iter([0.1 + 0.01 * i for i in range(10_000)])

    def change():
        r = explorer.evaluate(cat, "jx19-023", "2022Q4", [next(rates)] * 2, 2022, -0.05, n_paths=4000, table=table)
        fig, _ = explorer.scenario_chart(r)
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)

    change()  # warm-up (fonts)
    show(
        "explorer change: evaluate (4000 paths)",
        timed(lambda: explorer.evaluate(cat, "jx19-023", "2022Q4", [0.2, 0.2], n_paths=4000, table=table), args.repeat),
    )
    show("explorer change: evaluate + chart + PNG", timed(change, args.repeat))


if __name__ == "__main__":
    main()
