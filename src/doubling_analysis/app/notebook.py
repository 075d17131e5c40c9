"""What every analysis notebook does first, in one call: ``cat = notebook.setup(data_dir)``.

The notebooks' second cell used to copy the same block (FutureWarning filter, CJK fonts, catalog); each notebook now
keeps only the imports it uses itself. The synthetic example plan of notebook 07 lives beside the notebooks."""

from __future__ import annotations

import warnings

from .. import paths
from ..data.catalog import Catalog, load_catalog
from ..report import plots

#: notebook 07's default plan: a SYNTHETIC text for a city not in the data (a copy of the tests' fixture)
EXAMPLE_PLAN = paths.REPO / "notebooks" / "examples" / "synthetic_plan_xinyu.txt"


def setup(data_dir: str = "") -> Catalog:
    """Silence FutureWarnings (notices about later library versions, not about the data), register the CJK font with
    matplotlib, and load the catalog of ``data_dir`` (empty: $DOUBLING_ANALYSIS_DATA_DIR or the repository's data/)."""
    warnings.filterwarnings("ignore", category=FutureWarning)
    plots.setup_fonts()
    return load_catalog(data_dir or None)
