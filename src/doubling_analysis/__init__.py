"""doubling_analysis: targets and reported actuals of China's local industrial doubling plans (工业倍增).

Quick start::

    import doubling_analysis as da
    cat = da.load_catalog()          # validated frames: sources, jurisdictions, indicators, sectors, targets, actuals
    cat.targets.head()
"""

from .data.catalog import Catalog, load_catalog, resolve_data_dir, validate
from .violations import DataValidationError, ValidationReport, Violation

__version__ = "0.5.0"

__all__ = [
    "Catalog",
    "DataValidationError",
    "ValidationReport",
    "Violation",
    "load_catalog",
    "resolve_data_dir",
    "validate",
    "__version__",
]
