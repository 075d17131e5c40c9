"""Issue 21: the notebooks' one setup helper (``doubling_analysis.app.notebook``), notebook 05's narrative that the
report leaves out, and notebook 07's example plan outside tests/.

Fast: no notebook is executed here (tests/test_notebooks.py and tests/test_reporting.py run them)."""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import matplotlib
import nbformat
import pytest

from doubling_analysis import paths
from doubling_analysis.app import notebook
from doubling_analysis.build import rendering
from doubling_analysis.data.catalog import ENV_VAR
from doubling_analysis.report import plots

NOTEBOOKS = paths.REPO / "notebooks"
#: the six notebooks that used to copy the set-up block (07 loads a copy of the data later, its own way)
WITH_SETUP = (
    "01_data_catalogue",
    "02_growth_paths",
    "03_comparison",
    "04_consistency_ambition",
    "05_quarterly_report",
    "06_scenario_explorer",
)
SYNTHETIC = Path(__file__).parent / "fixtures" / "synthetic"  # a synthetic data folder (made-up figures)


def _rows(csv_path: Path) -> int:
    """Data rows of a CSV file, counted with the standard library (not with the loader under test)."""
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def _code(name: str) -> str:
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


# ---- the helper ------------------------------------------------------------------------------------------------


def test_setup_silences_future_warnings_only_sets_the_cjk_font_and_loads_the_given_folder():
    matplotlib.rcdefaults()  # DejaVu Sans first: a helper that skips the fonts fails below
    with warnings.catch_warnings(record=True) as seen:
        warnings.resetwarnings()
        warnings.simplefilter("always")  # every warning is recorded unless setup filters it
        cat = notebook.setup(str(SYNTHETIC))
        warnings.warn("a later pandas changes this", FutureWarning, stacklevel=1)
        warnings.warn("this one stays visible", UserWarning, stacklevel=1)
    assert [w.category for w in seen if w.category in (FutureWarning, UserWarning)] == [UserWarning]
    assert matplotlib.rcParams["font.sans-serif"][0] == plots.CJK_FONT_FAMILY
    assert matplotlib.rcParams["text.parse_math"] is False  # issue 20's setting comes with the fonts
    assert cat.data_dir == SYNTHETIC.resolve()
    assert len(cat.targets) == _rows(SYNTHETIC / "targets.csv")


def test_setup_with_an_empty_data_dir_takes_the_environment_variable(monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(SYNTHETIC))
    with warnings.catch_warnings():
        cat = notebook.setup("")
    assert cat.data_dir == SYNTHETIC.resolve()


# ---- the notebooks use it ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", WITH_SETUP)
def test_each_notebook_calls_the_helper_instead_of_the_copied_block(name):
    code = _code(name)
    assert "cat = notebook.setup(data_dir)" in code
    assert "from doubling_analysis.app import" in code and "notebook" in code
    for copied in ("warnings.filterwarnings", "setup_fonts()", "load_catalog(data_dir"):
        assert copied not in code, (name, copied)


# ---- notebook 05: a narrative the report leaves out -------------------------------------------------------------


def _tiny_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("For the reader of the notebook: ZZ-NOTEBOOK-ONLY", metadata={"tags": ["x"]}),
        nbformat.v4.new_markdown_cell("## A section of the report\n\nZZ-IN-THE-REPORT"),
    ]
    nb.cells[0].metadata["tags"].append(rendering.NOTEBOOK_ONLY_TAG)
    nbformat.write(nb, path)
    return path


def test_the_html_body_leaves_out_cells_tagged_notebook_only(tmp_path):
    body = rendering.notebook_html_body(_tiny_notebook(tmp_path / "n.ipynb"))
    assert "ZZ-IN-THE-REPORT" in body and "A section of the report" in body
    assert "ZZ-NOTEBOOK-ONLY" not in body  # old code: every markdown cell was exported


def test_notebook_05_has_a_narrative_and_only_markdown_is_hidden_from_the_report():
    nb = nbformat.read(NOTEBOOKS / "05_quarterly_report.ipynb", as_version=4)
    hidden = [c for c in nb.cells if rendering.NOTEBOOK_ONLY_TAG in c.metadata.get("tags", [])]
    assert hidden, "notebook 05 explains itself"
    assert all(c.cell_type == "markdown" for c in hidden)  # a hidden code cell would drop a part of the PDF
    text = "\n".join(c.source for c in hidden)
    for says in ("--quarter", "--lang", "tables/"):  # another quarter, another language, where the tables go
        assert says in text
    shown = [c for c in nb.cells if c.cell_type == "markdown" and c not in hidden]
    assert not shown, "any other markdown cell would appear in the PDF"


# ---- notebook 07: its example plan is not under tests/ -----------------------------------------------------------


def test_notebook_07_reads_its_example_plan_from_notebooks_examples():
    code = _code("07_new_plan")
    assert "notebook.EXAMPLE_PLAN" in code
    assert "tests/" not in code and "parents[" not in code
    assert notebook.EXAMPLE_PLAN.parent == NOTEBOOKS / "examples"
    assert notebook.EXAMPLE_PLAN.name.startswith("synthetic_")  # a synthetic text, named so
    fixture = paths.REPO / "tests" / "fixtures" / "synthetic_plan_xinyu.txt"  # the tests keep their own copy
    assert notebook.EXAMPLE_PLAN.read_bytes() == fixture.read_bytes()


def test_no_notebook_reaches_into_tests():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        source = "\n".join(c.source for c in nb.cells)
        assert not re.search(r"\btests/", source), path.name
