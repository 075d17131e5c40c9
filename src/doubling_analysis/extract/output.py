"""Candidates as CSV: the columns of targets.csv or actuals.csv plus the review columns (see :mod:`.candidates`)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from ..data.io import cell_for_spreadsheet
from .records import Candidate

# ---- candidates as CSV -------------------------------------------------------------------------------------------

TARGET_COLUMNS = (
    "target_id,source_id,jurisdiction_code,indicator_code,sector,base_year,target_year,value,value_high,unit,"
    "comparator,tier,per,applies_to,quote,note,same_as,quantifier"
).split(",")
ACTUAL_COLUMNS = (
    "actual_id,jurisdiction_code,indicator_code,sector,period,value,unit,bound,growth_pct,status,published,"
    "source_kind,source_id,source_url,source_title,quote,note"
).split(",")
EXTRA_COLUMNS = [
    "value_canonical",
    "unit_canonical",
    "confidence",
    "review",
    "keep",
    "issued",
    "source_file",
    "retrieved_from",
    "retrieved",
]


def _fmt(x) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        return f"{x:.10g}"
    return str(x)


def candidate_record(
    c: Candidate,
    kind: str,
    issued: str | None,
    source_file: str,
    source_kind: str,
    url: str | None = None,
    retrieved: str | None = None,
    issued_from: str | None = None,
) -> dict:
    common = {
        "source_id": c.source_id,
        "jurisdiction_code": c.jurisdiction_code,
        "indicator_code": c.indicator_code,
        "sector": c.sector,
        "value": c.value,
        "unit": c.unit,
        "quote": c.quote,
        "note": "extracted",
        "value_canonical": c.value_canonical,
        "unit_canonical": c.unit_canonical,
        "confidence": c.confidence,
        "review": " ".join(dict.fromkeys(c.review)),
        "keep": "",
        "issued": issued,
        "source_file": source_file,
        "retrieved_from": url,
        "retrieved": retrieved,
    }
    if url:
        common["note"] = f"extracted from {url}, retrieved {retrieved}"
    if issued and issued_from:
        common["note"] = f"{common['note']}; issue date {issued} read from {issued_from}"
    if kind == "plan" and c.period:  # a result quoted in the plan: the reviewer enters it as an actual
        common["note"] = f"{common['note']}; a past result of {c.period} (bound {c.bound}): an actual, not a target"
    if kind == "plan":
        common.update(
            value_high=c.value_high,
            base_year=c.base_year,
            target_year=c.target_year,
            comparator=c.comparator,
            tier=c.tier,
            per=c.per,
        )
        cols = TARGET_COLUMNS
    else:
        common.update(
            period=c.period,
            bound=c.bound,
            growth_pct=c.growth_pct,
            status=c.status,
            published=issued,
            source_kind=source_kind,
            source_url=url,
        )
        cols = ACTUAL_COLUMNS
    return {k: _fmt(common.get(k)) for k in cols + EXTRA_COLUMNS}


def write_candidates(
    cands: list[Candidate],
    out,
    kind: str,
    issued: str | None,
    source_file: str | os.PathLike,
    source_kind: str = "official",
    url: str | None = None,
    retrieved: str | None = None,
    issued_from: str | None = None,
) -> None:
    """Write candidates as CSV to a path or an open text stream (``url``, ``retrieved``: of a fetched page;
    ``issued_from``: where the issue date was read, when not given by the user)."""
    cols = (TARGET_COLUMNS if kind == "plan" else ACTUAL_COLUMNS) + EXTRA_COLUMNS
    file = str(Path(source_file).resolve())
    rows = [candidate_record(c, kind, issued, file, source_kind, url, retrieved, issued_from) for c in cands]
    if hasattr(out, "write"):
        _write_rows(out, cols, rows)
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        _write_rows(fh, cols, rows)


def _write_rows(fh, cols, rows) -> None:
    w = csv.DictWriter(fh, fieldnames=cols)
    w.writeheader()
    w.writerows({k: cell_for_spreadsheet(v) for k, v in r.items()} for r in rows)  # issue 20: no formulas
