"""How often do two people annotating the same figures agree? The ceiling of bench_extract's field scores.

A second annotator filled indicator, target_year / period and per for every figure of a held-out batch
(tests/fixtures/<batch>/annotations_second.csv: the first annotator's figures, in the same order, with those columns
empty when given to them), without seeing the first annotation (tests/fixtures/SECOND_ANNOTATION.md says how, and
which rows they saw by accident: their note says "(row seen"). Agreement is scored as bench_extract scores
the extractor: indicator codes equal, or both a new indicator (NEW:...); the year is a plan row's target_year or a
report row's period; per. Printed with and without the rows seen by accident.
"""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
FIELDS = ("indicator", "year", "per")


def _same(field: str, a: dict[str, str], b: dict[str, str]) -> bool:
    if field == "indicator":
        x, y = a["indicator"].strip(), b["indicator"].strip()
        return x == y or (x.startswith("NEW:") and y.startswith("NEW:"))
    if field == "year":
        col = "target_year" if a["kind"] == "plan" else "period"
        return a[col].strip() == b[col].strip()
    return a[field].strip() == b[field].strip()


def batch_pairs(folder: Path) -> list[tuple[dict[str, str], dict[str, str]]]:
    first = list(csv.DictReader(open(folder / "annotations.csv", encoding="utf-8")))
    second = list(csv.DictReader(open(folder / "annotations_second.csv", encoding="utf-8")))
    if [r["quote_fragment"] for r in first] != [r["quote_fragment"] for r in second]:
        raise SystemExit(f"{folder.name}/annotations_second.csv: expected the figures of annotations.csv, in order")
    return list(zip(first, second))


def main() -> None:
    folders = sorted(p.parent for p in FIXTURES.glob("*/annotations_second.csv"))
    every: list[tuple[dict[str, str], dict[str, str]]] = []
    for folder in folders:
        pairs = batch_pairs(folder)
        every += pairs
        _print(folder.name, pairs)
    _print("all", every)
    unseen = [(a, b) for a, b in every if "(row seen" not in b.get("note", "")]
    _print(f"all, without the {len(every) - len(unseen)} rows seen by accident", unseen)


def _print(name: str, pairs) -> None:
    cells = []
    for f in FIELDS:
        k = sum(_same(f, a, b) for a, b in pairs)
        cells.append(f"{f} {100 * k / len(pairs):.1f}% ({k}/{len(pairs)})")
    print(f"{name}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
