"""Typed codes and rows (issue 21): each code's values are spelled once (doubling_analysis.codes), and an
assessment row cannot carry a key that is not a column."""

from __future__ import annotations

import ast

import pytest

from doubling_analysis import codes, paths
from doubling_analysis.data import schema
from doubling_analysis.model import assess

CODE_SETS = {name: frozenset(values) for name, values in vars(codes).items() if name.isupper()}


def literal_code_sets() -> list[str]:
    """Tuples, lists and sets written in the package (outside codes.py) whose strings are exactly one code's set."""
    found = []
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        if path.name == "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set) and len(node.elts) > 1:
                if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                    values = frozenset(e.value for e in node.elts)  # type: ignore[attr-defined]
                    for name, code_set in CODE_SETS.items():
                        if values == code_set:
                            found.append(f"{path.relative_to(paths.PACKAGE)}:{node.lineno}: {name}")
    return found


def test_no_module_spells_a_code_set_of_its_own():
    assert literal_code_sets() == []


def test_the_check_would_see_a_copied_set(monkeypatch, tmp_path):
    (tmp_path / "x.py").write_text('BOUNDS = ("exact", "lower", "upper", "approx")\n')
    monkeypatch.setattr(paths, "PACKAGE", tmp_path)
    assert literal_code_sets() == ["x.py:1: BOUNDS"]


def test_validation_and_the_table_use_the_codes():
    assert schema.BOUNDS is codes.BOUNDS and schema.STATUSES is codes.STATUSES
    assert schema.COMPARATORS is codes.COMPARATORS and schema.TIERS is codes.TIERS
    assert assess.OUTCOMES is codes.OUTCOMES and set(codes.DECIDED) < set(codes.OUTCOMES)
    assert set(codes.CENSORED_BOUNDS) == set(codes.BOUNDS) - {"exact"}


def test_an_assessment_row_with_a_key_that_is_no_column_is_an_error():
    # issue 21: the table was built with columns=COLUMNS, which silently dropped any other key of a row
    good = dict.fromkeys(assess.COLUMNS[:3], "x")
    assert assess.checked_row(good) is good
    with pytest.raises(ValueError, match=r"keys that are not columns: \['p_atain'\]"):
        assess.checked_row({**good, "p_atain": 0.5})


def test_the_row_record_names_every_column_in_order():
    assert assess.COLUMNS[:3] == ["target_id", "jurisdiction_code", "indicator_code"]
    assert assess.COLUMNS == list(assess.AssessmentRow.__annotations__) and len(set(assess.COLUMNS)) == len(
        assess.COLUMNS
    )


def test_the_progress_registry_owns_its_columns():
    # every column a registered method fills is a column of the row record, and the table has no category or
    # score column that no method fills
    from doubling_analysis.model.progress import REGISTRY, progress_columns, score_columns

    assert set(progress_columns()) <= set(assess.COLUMNS)
    assert {c for c in assess.COLUMNS if c.startswith("category_")} == {m.category_column for m in REGISTRY.values()}
    assert score_columns() == ["ratio_r", "share_p", "escap_anticipated"]  # Eurostat, UNSD, ESCAP; Destatis: none
