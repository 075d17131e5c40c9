"""The as-of snapshot (issue 21): built once, and a context or volatility of another date is refused."""

from __future__ import annotations

import pandas as pd
import pytest

import doubling_analysis as da
from doubling_analysis.model.assess import assess
from doubling_analysis.model.evidence import build_context
from doubling_analysis.model.snapshot import ALL_DATA, SnapshotMismatch, snapshot
from doubling_analysis.model.volatility import estimate


@pytest.fixture(scope="module")
def catalog():
    return da.load_catalog()


def test_a_context_of_another_date_is_refused(catalog):
    # before issue 21 this returned a table labelled 2023Q4 computed from the figures known at 2021Q4
    with pytest.raises(SnapshotMismatch, match="built for 2021-12-31, not for the as-of date asked for \\(2023Q4\\)"):
        assess(catalog, "2023Q4", context=build_context(catalog, "2021Q4"))


def test_a_volatility_of_another_date_is_refused(catalog):
    with pytest.raises(SnapshotMismatch, match="volatility estimate was built for 2022-12-31"):
        assess(catalog, "2023Q4", volatility=estimate(build_context(catalog, "2022Q4")))


def test_a_snapshot_of_another_date_is_refused(catalog):
    with pytest.raises(SnapshotMismatch, match="built for all data"):
        assess(catalog, "2023Q4", snapshot=snapshot(catalog, None))


def test_the_snapshot_gives_the_table_assess_builds_itself(catalog):
    snap = snapshot(catalog, "2023Q4")
    assert snap.day == pd.Timestamp("2023-12-31") and snap.volatility.as_of == snap.day
    pd.testing.assert_frame_equal(
        assess(catalog, "2023Q4", snapshot=snap, n_paths=500), assess(catalog, "2023Q4", n_paths=500)
    )


def test_everything_known_is_its_own_day(catalog):
    snap = snapshot(catalog)
    assert snap.day == ALL_DATA == snap.context.as_of
