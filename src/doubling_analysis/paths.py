"""Where things are: the package, its templates, and the repository checkout it is installed from (editable).

The one place that computes locations from ``__file__``; everything else imports these names."""

from __future__ import annotations

from pathlib import Path

#: the package folder (src/doubling_analysis)
PACKAGE = Path(__file__).resolve().parent
#: the repository root of an editable install (notebooks/, data/, outputs/ live here)
REPO = PACKAGE.parents[1]
#: the shipped data folder (the default of every command)
DATA = REPO / "data"
#: the page template and the style sheet of the HTML/PDF report
TEMPLATES = PACKAGE / "report" / "templates"
#: where the explorer saves scenarios
SCENARIOS = REPO / "outputs" / "scenarios"
