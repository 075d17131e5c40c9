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


# ---- synthetic scaled catalogs (test fixtures only: copies of the shipped data under new codes and ids) -------


def _suffixed(s, sfx: str):
    s = s.astype(object)
    return s.where(s.isna(), s.astype(str) + sfx) if sfx else s


def synthetic_copies(frame, k: int, columns: tuple[str, ...]):
    """``k`` copies of ``frame``; in copy i > 0 every value of ``columns`` gets the suffix "x<i>" (synthetic)."""
    import pandas as pd

    parts = []
    for i in range(k):
        part = frame.copy()
        for c in columns:
            if c in part:
                part[c] = _suffixed(part[c], f"x{i}" if i else "")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def synthetic_scaled_catalog(catalog, k: int):
    """A synthetic catalog ``k`` times the shipped one: each copy has its own jurisdictions (same hierarchy),
    documents, targets and figures. For scaling tests only; never data."""
    import dataclasses

    return dataclasses.replace(
        catalog,
        jurisdictions=synthetic_copies(catalog.jurisdictions, k, ("code", "parent_code")),
        sources=synthetic_copies(catalog.sources, k, ("source_id",)),
        targets=synthetic_copies(catalog.targets, k, ("target_id", "jurisdiction_code", "source_id", "same_as")),
        actuals=synthetic_copies(catalog.actuals, k, ("actual_id", "jurisdiction_code", "source_id")),
    )


def growth_ratio(step, small, large, repeat: int = 3) -> float:
    """Time of ``step(large)`` over the best-of-``repeat`` time of ``step(small)``: a ratio, so that the machine's
    speed cancels out (no absolute timing threshold)."""
    import time

    def best(arg, n):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            step(arg)
            times.append(time.perf_counter() - t0)
        return min(times)

    return best(large, 1) / best(small, repeat)


#: the scaling tests compare a synthetic catalog SCALE_SMALL times the shipped one with one SCALE_LARGE times it:
#: a linear step takes about SCALE_LARGE / SCALE_SMALL = 10 times as long; the most allowed is 1.5 x that. (Issue
#: 13 measured the old code from 10x to 100x: hierarchy_sums 1.3 s -> 54.5 s, 42 times; ambition 2.5 s -> 53.5 s,
#: 21 times.)
SCALE_SMALL = 10
SCALE_LARGE = 100
SCALE_MAX_RATIO = 1.5 * SCALE_LARGE / SCALE_SMALL
