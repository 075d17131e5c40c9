"""Write every section of the quarterly report, as the report notebook calls them, to a folder (issue 21).

Run before and after a change to ``report/quarterly.py`` and compare the two folders with ``diff -r``: the HTML of
every section, each chart as SVG (fixed hash salt, no date) and every CSV table the sections write, for two
quarters, both languages, the shipped panel and the same panel summarised with every cut-off lowered (so that the
"more rows not shown" and "shown of" statements are rendered), and one jurisdiction's slice
(``per_jurisdiction.document_body``).

    PYTHONPATH=$PWD/src python benchmarks/sections_snapshot.py /tmp/sections_before
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "sections"

import matplotlib.pyplot as plt  # noqa: E402

import doubling_analysis as da  # noqa: E402
from doubling_analysis import config  # noqa: E402
from doubling_analysis.build import per_jurisdiction, rendering  # noqa: E402
from doubling_analysis.report import plots, quarterly  # noqa: E402

QUARTERS = ("2026Q3", "2024Q1")
LANGS = ("zh", "en")
#: the cut-offs lowered in the "small" run: a summarised panel, cut tables, selected charts, cut findings
SMALL = {
    "REPORT_PAGES_MAX": 0,
    "REPORT_TABLE_ROWS": 3,
    "REPORT_PANEL_TABLE_ROWS": 2,
    "REPORT_CHART_ROWS": 2,
    "REPORT_CHART_PANELS": 2,
    "REPORT_FINDINGS_MAX": 1,
}


def _figure(fig, path: Path) -> None:
    if fig is None:
        path.write_text("None", encoding="utf-8")
        return
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)


def snapshot(rep, out: Path) -> None:
    """The notebook's calls, in its order; each section's HTML and each chart to ``out``."""
    html = {
        "01_findings": rep.findings_html(),
        "02_changes": rep.changes_html(),
        "03_tracker": rep.tracker_html(),
    }
    _figure(rep.tracker_chart(), out / "03_tracker_chart.svg")
    html["04_shortfall"] = rep.shortfall_html()
    for code in rep.page_codes:
        html[f"05_jurisdiction_{code}"] = rep.jurisdiction_html(code)
        for i, fig in enumerate(rep.jurisdiction_charts(code)):
            _figure(fig, out / f"05_jurisdiction_{code}_chart{i}.svg")
    html["06_summary"] = rep.summary_html()
    html["07_without_evidence"] = rep.without_evidence_html()
    html["08_comparison"] = rep.comparison_html()
    for i, fig in enumerate(rep.comparison_charts()):
        _figure(fig, out / f"08_comparison_chart{i}.svg")
    html["09_consistency"] = rep.consistency_html()
    _figure(rep.ambition_chart(), out / "09_ambition_chart.svg")
    html["10_gaps"] = rep.gaps_html()
    html["11_backtest"] = rendering.markdown_html(rep.backtest_markdown())
    html["12_sources"] = rep.sources_html()
    html["13_all_targets"] = rep.all_targets_html()
    html["14_summarised"] = str(rep.summarised) + " " + " ".join(rep.page_codes)
    for name, text in html.items():
        (out / f"{name}.html").write_text(text, encoding="utf-8")


def main(folder: str) -> None:
    warnings.filterwarnings("ignore", category=FutureWarning)
    plots.setup_fonts()
    root = Path(folder).resolve()
    cat = da.load_catalog()
    for quarter in QUARTERS:
        for lang in LANGS:
            for run in ("shipped", "small"):
                out = root / f"{quarter}-{lang}-{run}"
                out.mkdir(parents=True)
                os.chdir(out)  # the tables in out/tables, named "tables/..." in the text of every run
                rep = quarterly.prepare(cat, quarter, lang, n_paths=300, backtest_paths=20, output_dir="tables")
                saved = {k: getattr(config, k) for k in SMALL}
                try:
                    if run == "small":
                        for k, v in SMALL.items():
                            setattr(config, k, v)
                    snapshot(rep, out)
                    code, part = next(per_jurisdiction.slice_report(rep, rep.codes[:1]))
                    body = per_jurisdiction.document_body(part, code)
                    (out / f"20_slice_{code}.html").write_text(body, encoding="utf-8")
                finally:
                    for k, v in saved.items():
                        setattr(config, k, v)
                print(out, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
