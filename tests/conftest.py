"""Shared fixtures: the repository's data folder, and throw-away copies of it to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped data folder that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit_csv(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a CSV file (exactly ``count`` occurrences must exist)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"fixture edit: {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
