"""Hierarchy and consistency: do children's targets add up to the parent's, do documents agree, and how do
projected children reconcile with their parent.

* :func:`hierarchy_sums` — for additive indicators, the sum of the children's targets (same document, year,
  indicator, sector, tier) against the parent's, with the difference. For rates (not additive) the parent's
  target should lie within the children's range. Industry and cluster targets of one jurisdiction are summed
  too, but flagged "not meant to add" (they overlap), with the comparison against the jurisdiction's total
  revenue where there is one (Jingdezhen 2022: industry targets 1840 > 1400).
* :func:`cross_document` — the same jurisdiction and indicator targeted in different documents or years: the
  annual growth one target implies on top of the other (Changjiang: 272亿 for 2022 in the city plan, 400亿 for
  2023 in its own plan: 400 / 272 - 1 = 47.1 %).
* :func:`bottom_up` — reconcile projections: the parent's path as the path-wise sum of its children's
  simulated paths (each child simulated with its own seed, so independently); the difference from a direct
  projection of the parent is reported, not forced away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import config

if TYPE_CHECKING:
    from ..data.catalog import Catalog

#: hierarchy statuses: a code per row (``status_code``), rendered per language (``STATUS_EN`` is the CSV's text;
#: labels.HIERARCHY_STATUS renders them for the report)
STATUS_EN = {
    "adds_up": "adds up",
    "children_exceed": "children exceed parent",
    "children_short": "children short of parent",
    "not_additive_within": "not additive: parent within the children's range [{lo}, {hi}]",
    "not_additive_outside": "not additive: parent OUTSIDE the children's range [{lo}, {hi}]",
    "overlapping": "not meant to add (overlapping industries or clusters)",
    "overlapping_exceeds": "not meant to add (overlapping industries or clusters): their sum exceeds total revenue "
    "by {excess}",
}


def _plain(targets: pd.DataFrame, as_of: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Targets for a jurisdiction as a whole (no applies_to), one per key; floor before stretch; only those whose
    document was issued by ``as_of``."""
    from ..data.vintage import targets_as_of

    targets = targets_as_of(targets, as_of)
    t = targets[targets["applies_to"].isna() | (targets["applies_to"] == "")].copy()
    for c in ("jurisdiction_code", "indicator_code", "sector", "source_id", "tier", "per"):
        t[c] = t[c].astype(object)
    t["sector"] = t["sector"].fillna("")
    t["tier"] = t["tier"].fillna("")
    t["per"] = t["per"].fillna("")
    return t


def hierarchy_sums(catalog: Catalog, tolerance: float = 1e-9, as_of: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Children's targets against the parent's, per document, indicator, sector, year, tier (documents issued by
    ``as_of``)."""
    t = _plain(catalog.targets, as_of)
    parents = dict(zip(catalog.jurisdictions["code"].astype(str), catalog.jurisdictions["parent_code"]))
    additive = dict(zip(catalog.indicators["code"].astype(str), catalog.indicators["additive"]))
    t["parent_code"] = t["jurisdiction_code"].map(parents)
    key = ["source_id", "indicator_code", "sector", "target_year", "tier", "per"]
    rows = []
    children = t[t["parent_code"].notna()]
    # each jurisdiction's first target per key, looked up by (jurisdiction, *key): one pass, not a scan per group
    first = t.drop_duplicates(["jurisdiction_code", *key]).set_index(["jurisdiction_code", *key])["value"]
    own = first.to_dict()
    for k, kids in children.groupby(key + ["parent_code"], sort=True):
        *kk, parent = k
        if (parent, *kk) not in own:
            continue
        # one value per child (the annex and the text may both state a child's target)
        kid_vals = kids.groupby("jurisdiction_code")["value"].first()
        parent_value = float(own[(parent, *kk)])
        total = float(kid_vals.sum())
        add = bool(additive.get(kk[1], False))
        diff = total - parent_value
        lo, hi = float(kid_vals.min()), float(kid_vals.max())
        if not add:
            inside = lo - tolerance <= parent_value <= hi + tolerance
            total, diff = np.nan, np.nan
            code = "not_additive_within" if inside else "not_additive_outside"
        elif abs(diff) <= tolerance * max(1.0, abs(parent_value)):
            code = "adds_up"
        elif diff > 0:
            code = "children_exceed"
        else:
            code = "children_short"
        status = STATUS_EN[code].format(lo=f"{lo:g}", hi=f"{hi:g}", excess="")
        rows.append(
            dict(
                source_id=kk[0],
                indicator_code=kk[1],
                sector=kk[2] or None,
                target_year=kk[3],
                tier=kk[4] or None,
                parent_code=parent,
                parent_value=parent_value,
                children_sum=total,
                n_children=len(kid_vals),
                difference=diff,
                additive=add,
                status=status,
                status_code=code,
                range_low=lo,
                range_high=hi,
                children=", ".join(f"{c} {v:g}" for c, v in kid_vals.items()),
            )
        )
    out = pd.DataFrame(rows)
    return pd.concat([out, overlapping_sums(catalog, as_of)], ignore_index=True)


def overlapping_sums(catalog: Catalog, as_of: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Industry and cluster targets of one jurisdiction, document and year summed against its total revenue:
    flagged as sums not meant to add (clusters overlap and include firms below designated size)."""
    t = _plain(catalog.targets, as_of)
    sec = t[
        (t["sector"] != "")
        & t["indicator_code"].isin(["sector_revenue", "cluster_output", "main_revenue", "cluster_revenue"])
    ]
    rows = []
    revenue = t[(t["indicator_code"] == "revenue") & (t["sector"] == "")]
    totals = revenue.drop_duplicates(["source_id", "jurisdiction_code", "target_year"])
    total_of = dict(zip(zip(totals["source_id"], totals["jurisdiction_code"], totals["target_year"]), totals["value"]))
    for (src, jur, ind, year), g in sec.groupby(["source_id", "jurisdiction_code", "indicator_code", "target_year"]):
        per_sector = g.sort_values("tier").groupby("sector")["value"].first()  # floor before stretch
        if len(per_sector) < 2:
            continue
        has_total = (src, jur, year) in total_of
        parent_value = float(total_of[(src, jur, year)]) if has_total else np.nan
        s = float(per_sector.sum())
        code = "overlapping_exceeds" if has_total and s > parent_value else "overlapping"
        status = STATUS_EN[code].format(excess=f"{s - parent_value:g}" if has_total else "", lo="", hi="")
        rows.append(
            dict(
                source_id=src,
                indicator_code=ind,
                sector="(all named)",
                target_year=year,
                tier=None,
                parent_code=jur,
                parent_value=parent_value,
                children_sum=s,
                n_children=len(per_sector),
                difference=s - parent_value if has_total else np.nan,
                additive=False,
                status=status,
                status_code=code,
                children=", ".join(f"{c} {v:g}" for c, v in per_sector.items()),
            )
        )
    return pd.DataFrame(rows)


def cross_document(catalog: Catalog, as_of: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Pairs of targets on the same jurisdiction, indicator and sector from different documents or years, with
    the growth the later one implies over the earlier one (documents issued by ``as_of``). One self-join of the
    targets on their key, so the cost grows with the number of pairs, not with the table times its groups."""
    columns = [
        "jurisdiction_code",
        "indicator_code",
        "sector",
        "earlier_target",
        "earlier_source",
        "earlier_year",
        "earlier_value",
        "later_target",
        "later_source",
        "later_year",
        "later_value",
        "implied_annual_growth",
        "note",
    ]
    t = _plain(catalog.targets, as_of)
    key = ["jurisdiction_code", "indicator_code", "sector"]
    t = t[t["per"] == ""].sort_values([*key, "target_year", "source_id"], kind="stable")
    t = t[t.groupby(key)["source_id"].transform("nunique") >= 2]
    t = t.assign(order=t.groupby(key).cumcount())[[*key, "order", "target_id", "source_id", "target_year", "value"]]
    pairs = t.merge(t, on=key, suffixes=("_a", "_b"))
    pairs = pairs[(pairs["order_a"] < pairs["order_b"]) & (pairs["source_id_a"] != pairs["source_id_b"])]
    pairs = pairs.sort_values([*key, "order_a", "order_b"], kind="stable")
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    years = pairs["target_year_b"].astype(int) - pairs["target_year_a"].astype(int)
    va, vb = pairs["value_a"].astype(float), pairs["value_b"].astype(float)
    ok = (years > 0) & (va > 0)
    implied = np.where(ok, (vb / va.where(ok, 1.0)) ** (1 / years.where(ok, 1)) - 1, np.nan)
    out = pd.DataFrame(
        {
            "jurisdiction_code": pairs["jurisdiction_code"],
            "indicator_code": pairs["indicator_code"],
            "sector": pairs["sector"].replace("", None),
            "earlier_target": pairs["target_id_a"],
            "earlier_source": pairs["source_id_a"],
            "earlier_year": pairs["target_year_a"].astype(int),
            "earlier_value": va,
            "later_target": pairs["target_id_b"],
            "later_source": pairs["source_id_b"],
            "later_year": pairs["target_year_b"].astype(int),
            "later_value": vb,
            "implied_annual_growth": implied,
            "note": np.where(years == 0, "same year in two documents", ""),
        }
    )
    return out.reset_index(drop=True)


def bottom_up(children_paths: dict[str, np.ndarray]) -> np.ndarray:
    """The parent's simulated paths as the path-wise sum of its children's (each n_paths x years)."""
    arrays = list(children_paths.values())
    if not arrays:
        raise ValueError("no children to add up")
    shape = arrays[0].shape
    if any(a.shape != shape for a in arrays):
        raise ValueError("children's paths must have the same shape (paths x years)")
    return np.sum(arrays, axis=0)


def reconcile(
    parent_paths: np.ndarray, children_paths: dict[str, np.ndarray], interval: float | None = None
) -> pd.DataFrame:
    """Direct parent projection against the bottom-up sum, per projected year (medians and ``interval``
    intervals, by default ``config.INTERVAL``)."""
    interval = config.INTERVAL if interval is None else interval
    bu = bottom_up(children_paths)
    lo, hi = (1 - interval) / 2, 1 - (1 - interval) / 2
    rows = []
    for j in range(bu.shape[1]):
        d, b = parent_paths[:, j], bu[:, j]
        rows.append(
            dict(
                step=j,
                direct_median=float(np.median(d)),
                bottom_up_median=float(np.median(b)),
                bottom_up_low=float(np.quantile(b, lo)),
                bottom_up_high=float(np.quantile(b, hi)),
                gap=float(np.median(b) - np.median(d)),
            )
        )
    return pd.DataFrame(rows)
