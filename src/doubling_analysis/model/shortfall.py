"""Missed-target decomposition: for a missed or off-track target with children — the same measure for the units
below its jurisdiction (counties, zones), or the sector targets of the same plan under a total — which children
fell short and by how much. Read off the assessment table and the jurisdictions' tree; nothing is estimated.

A target is *missed* when its outcome is missed or likely missed, *off track* when it is open with a probability
of attainment below ``config.REPORT_OFF_TRACK_P``. A child *fell short* when it is itself missed or off track, or
its latest figure, of the target year or later, is on the wrong side of its target. The gap is the latest figure
minus the target (the target minus the figure for a ceiling), in the target's unit.
"""

from __future__ import annotations

import pandas as pd

from .. import config

MISSED = ("missed", "likely_missed")
#: a total on these indicators has as children the sector targets of the same plan on ``SECTOR_LEVELS`` (the
#: indicators hierarchy.overlapping_sums sums under a jurisdiction's total revenue)
TOTAL_LEVELS = ("revenue", "main_revenue")
SECTOR_LEVELS = ("sector_revenue", "cluster_output", "main_revenue", "cluster_revenue")

COLUMNS = [
    "target_id",
    "jurisdiction_code",
    "indicator_code",
    "target_year",
    "outcome",
    "p_attain",
    "relation",
    "child_target_id",
    "child_jurisdiction_code",
    "child_indicator_code",
    "child_sector",
    "child_target_value",
    "unit",
    "child_latest_period",
    "child_latest_value",
    "child_latest_actual_id",
    "child_outcome",
    "child_outcome_ids",
    "gap",
    "gap_share",
    "fell_short",
]


def is_short(table: pd.DataFrame, off_track_p: float | None = None) -> pd.Series:
    """Missed, likely missed, or open with a probability below ``off_track_p`` (default from config)."""
    p = config.REPORT_OFF_TRACK_P if off_track_p is None else off_track_p
    out = table["outcome"]
    return (out.isin(MISSED) | ((out == "pending") & (table["p_attain"] < p))).fillna(False).astype(bool)


def _gap(r: pd.Series) -> float:
    if pd.isna(r["latest_value"]) or pd.isna(r["target_value"]):
        return float("nan")
    sign = -1.0 if str(r["comparator"]) in ("<", "<=") else 1.0
    return sign * (float(r["latest_value"]) - float(r["target_value"]))


def _latest_year(period: object) -> int | None:
    text = str(period) if isinstance(period, str) else ""
    return int(text.split("..")[-1][:4]) if text[:4].isdigit() else None


def children_of(table: pd.DataFrame, parent: pd.Series, parents: dict[str, str]) -> list[tuple[str, pd.DataFrame]]:
    """(relation, rows) of a target's children in ``table``: "unit" — the same indicator, sector and year in the
    jurisdictions whose parent is the target's; "sector" — for a total (no sector), the sector targets of the same
    document and year on the same indicator, or on a sector level under a total revenue."""
    t = table[table["counted"].astype(bool)] if "counted" in table else table
    same_year = t["target_year"] == parent["target_year"]
    sector = parent["sector"] if isinstance(parent["sector"], str) and parent["sector"] else None
    same_sector = t["sector"].isna() if sector is None else (t["sector"] == sector)
    below = t["jurisdiction_code"].astype(str).map(parents) == str(parent["jurisdiction_code"])
    units = t[below & same_year & same_sector & (t["indicator_code"] == parent["indicator_code"])]
    out = [("unit", units)]
    if sector is None:
        kin = (t["indicator_code"] == parent["indicator_code"]) | (
            t["indicator_code"].isin(SECTOR_LEVELS) if parent["indicator_code"] in TOTAL_LEVELS else False
        )
        own = (t["jurisdiction_code"] == parent["jurisdiction_code"]) & (t["source_id"] == parent["source_id"])
        out.append(("sector", t[own & same_year & t["sector"].notna() & kin]))
    return out


def shortfalls(table: pd.DataFrame, parents: dict[str, str], off_track_p: float | None = None) -> pd.DataFrame:
    """One row per (missed or off-track target, child target): the child's target, latest figure (with its id),
    outcome, gap and whether it fell short; the children that fell short first, the largest shortfall first."""
    short = is_short(table, off_track_p)
    counted = table["counted"].astype(bool) if "counted" in table else pd.Series(True, index=table.index)
    rows = []
    for _, p in table[short & counted].sort_values("target_id").iterrows():
        for relation, kids in children_of(table, p, parents):
            kid_short = is_short(kids, off_track_p)
            for idx, c in kids.iterrows():
                gap = _gap(c)
                year = _latest_year(c["latest_period"])
                late = year is not None and year >= int(c["target_year"])
                rows.append(
                    dict(
                        target_id=p["target_id"],
                        jurisdiction_code=p["jurisdiction_code"],
                        indicator_code=p["indicator_code"],
                        target_year=int(p["target_year"]),
                        outcome=p["outcome"],
                        p_attain=p["p_attain"],
                        relation=relation,
                        child_target_id=c["target_id"],
                        child_jurisdiction_code=c["jurisdiction_code"],
                        child_indicator_code=c["indicator_code"],
                        child_sector=c["sector"] if isinstance(c["sector"], str) else None,
                        child_target_value=c["target_value"],
                        unit=c["unit"],
                        child_latest_period=c["latest_period"] if isinstance(c["latest_period"], str) else None,
                        child_latest_value=c["latest_value"],
                        child_latest_actual_id=c["latest_actual_id"]
                        if isinstance(c["latest_actual_id"], str)
                        else None,
                        child_outcome=c["outcome"],
                        child_outcome_ids=c["outcome_ids"] if isinstance(c["outcome_ids"], str) else None,
                        gap=gap,
                        gap_share=gap / float(c["target_value"])
                        if pd.notna(gap) and c["target_value"]
                        else float("nan"),
                        fell_short=bool(kid_short.loc[idx]) or (late and pd.notna(gap) and gap < 0),
                    )
                )
    out = pd.DataFrame(rows, columns=COLUMNS)
    if out.empty:
        return out
    out = out.assign(_o=~out["fell_short"]).sort_values(["target_id", "_o", "gap"], kind="stable", na_position="last")
    return out.drop(columns="_o").reset_index(drop=True)


def short_targets(table: pd.DataFrame, off_track_p: float | None = None) -> pd.DataFrame:
    """The missed or off-track targets (counted), whether or not they have children: the rows a decomposition
    section names when it has nothing to decompose."""
    counted = table["counted"].astype(bool) if "counted" in table else pd.Series(True, index=table.index)
    return table[is_short(table, off_track_p) & counted].sort_values("target_id")
