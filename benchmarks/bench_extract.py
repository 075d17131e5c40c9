"""How well does the extractor read the five seed plans and the quotes of the actuals?

Targets. The extractor runs on each seed document (data/sources/<file> of the five seed source ids) with its
jurisdiction (the most frequent jurisdiction of its targets: the document's own) and issue date from sources.csv.
A candidate **matches** a target of that document when

* its value equals the target's value once both are converted to the indicator's canonical unit (relative
  difference below 1e-9; 5 千亿元 = 5000 亿元), and
* their quotes overlap in the source: with white space removed, the spans where each quote first occurs in the
  document's text intersect (a quote that cannot be located overlaps only if one quote contains the other).

Matching is one to one, greedy in document order, preferring a candidate with the same indicator and sector.
Recall = matched targets / targets; precision = matched candidates / candidates. Among matches the benchmark
reports the share with the same value_high, unit (canonical), comparator, tier, target_year, per and indicator.

Actuals. The extractor runs (kind report) on each quote of actuals.csv alone, with the row's jurisdiction and
publication date (rows without one get January of the year after their period, and their period is not scored).
A row is **found** when a candidate holds its value (canonical) — or, for a row with only a growth rate, its
growth_pct. Recall = found / rows.

Misses are printed so that they can be read. No rule of the extractor knows a seed id or a seed sentence.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from doubling_analysis import extract as ex  # noqa: E402
from doubling_analysis import extract_lang as lang  # noqa: E402
from doubling_analysis.units import UNITS, canonical_unit, convert  # noqa: E402

DATA = REPO / "data"
SEEDS = ("jdz-2022-plan", "gz-2021-workpoints", "cj-2021-2023-plan", "jx-2019-2023-2+6+N", "jdz-hitech-2021-article")
FIELDS = ("value_high", "unit", "comparator", "tier", "target_year", "per", "indicator")


def canon(value, unit, indicator_unit):
    if value is None or pd.isna(value) or not isinstance(unit, str) or unit not in UNITS:
        return None
    try:
        return convert(float(value), unit, canonical_unit(indicator_unit if indicator_unit in UNITS else unit))
    except (KeyError, ValueError):
        return None


def same(a, b) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def span(quote: str, text: str) -> tuple[int, int] | None:
    q = re.sub(r"\s", "", str(quote))
    i = text.find(q)
    return (i, i + len(q)) if i >= 0 and q else None


def overlaps(q1: str, q2: str, text: str, a=None) -> bool:
    a, b = a or span(q1, text), span(q2, text)
    if a and b:
        return a[0] < b[1] and b[0] < a[1]
    s1, s2 = re.sub(r"\s", "", q1), re.sub(r"\s", "", q2)
    return s1 in s2 or s2 in s1


def blank(x):
    return None if x is None or (isinstance(x, float) and pd.isna(x)) or x == "" else x


def bench_targets():
    targets = pd.read_csv(DATA / "targets.csv", dtype=str)
    sources = pd.read_csv(DATA / "sources.csv", dtype=str).set_index("source_id")
    ind_unit = dict(pd.read_csv(DATA / "indicators.csv", dtype=str)[["code", "unit"]].values)
    total = Counter()
    right = Counter()
    misses, extras = [], []
    for sid in SEEDS:
        rows = targets[targets.source_id == sid]
        jur = rows.jurisdiction_code.value_counts().index[0]
        issued = sources.loc[sid, "issued"]
        path = DATA / "sources" / sources.loc[sid, "file"]
        text = re.sub(r"\s", "", path.read_text(encoding="utf-8"))
        cands = ex.extract(path, jur, sid, "plan", issued)
        used: set[int] = set()
        cand_spans, pos = [], 0
        for c in cands:  # each candidate's quote where it occurs at or after the previous candidate's
            q = re.sub(r"\s", "", c.quote)
            i = text.find(q, pos)
            i = text.find(q) if i < 0 else i
            cand_spans.append((i, i + len(q)) if i >= 0 else None)
            pos = max(pos, i) if i >= 0 and c.offset >= 0 else pos
        n_match = 0
        for _, t in rows.iterrows():
            tv = canon(t.value, t.unit, ind_unit.get(t.indicator_code))
            options = []
            for k, c in enumerate(cands):
                if k in used:
                    continue
                cv = canon(
                    c.value,
                    c.unit,
                    ind_unit.get(c.indicator_code or "", t.indicator_code and ind_unit.get(t.indicator_code)),
                )
                if same(cv, tv) and overlaps(c.quote, t.quote, text, cand_spans[k]):
                    pref = (c.indicator_code != t.indicator_code, (c.sector or None) != blank(t.sector), k)
                    options.append((pref, k))
            if not options:
                misses.append((t.target_id, t.value, t.unit, t.indicator_code, t.quote))
                continue
            k = min(options)[1]
            used.add(k)
            n_match += 1
            c = cands[k]
            checks = {
                "value_high": same(c.value_high, None if pd.isna(t.value_high) else float(t.value_high))
                or (c.value_high is None and pd.isna(t.value_high)),
                "unit": (c.unit_canonical or c.unit) == canonical_unit(t.unit) or c.unit == t.unit,
                "comparator": c.comparator == t.comparator,
                "tier": (c.tier or None) == blank(t.tier),
                "target_year": str(c.target_year) == t.target_year,
                "per": (c.per or None) == blank(t.per),
                "indicator": c.indicator_code == t.indicator_code,
            }
            for f, ok in checks.items():
                right[f] += ok
                if not ok and f in ("comparator", "tier"):
                    print(f"  wrong {f}: {t.target_id} want {t[f]!r} got {getattr(c, f)!r}: {t.quote}")
        extras += [(sid, c.value, c.unit, c.indicator_code, c.quote) for k, c in enumerate(cands) if k not in used]
        total["targets"] += len(rows)
        total["candidates"] += len(cands)
        total["matched"] += n_match
        print(f"{sid}: {len(rows)} targets, {len(cands)} candidates, {n_match} matched")
    recall = total["matched"] / total["targets"]
    precision = total["matched"] / total["candidates"]
    print(
        f"\nTARGETS recall {recall:.1%} ({total['matched']}/{total['targets']}), "
        f"precision {precision:.1%} ({total['matched']}/{total['candidates']})"
    )
    for f in FIELDS:
        print(f"  {f:12s} right in {right[f] / total['matched']:.1%} of matches")
    print(f"\nmissed targets ({len(misses)}):")
    for m in misses:
        print("  ", *m)
    print(f"\ncandidates matching no target ({len(extras)}):")
    for e in extras:
        print("  ", *e)
    return recall, precision, right, total


def bench_actuals():
    actuals = pd.read_csv(DATA / "actuals.csv", dtype=str)
    ind_unit = dict(pd.read_csv(DATA / "indicators.csv", dtype=str)[["code", "unit"]].values)
    ctx_cache = {}
    found = 0
    period_right = period_n = 0
    misses = []
    for _, a in actuals.iterrows():
        published = a.published if isinstance(a.published, str) else None
        issued = published or f"{int(a.period[-7:-3] if '..' in a.period else a.period[:4]) + 1}-01"
        key = (a.jurisdiction_code, issued)
        if key not in ctx_cache:
            ctx_cache[key] = ex.context_from_data("", "report", a.jurisdiction_code, a.source_id, issued)
        ctx, vocab = ctx_cache[key]
        cands = ex.extract_text(a.quote, ctx, vocab)
        want = canon(a.value, a.unit, ind_unit.get(a.indicator_code))
        hit = None
        for c in cands:
            cv = canon(c.value, c.unit, ind_unit.get(a.indicator_code))
            if want is not None and same(cv, want):
                hit = c
                break
            if want is None and pd.notna(a.growth_pct):
                g = float(a.growth_pct)
                if same(c.growth_pct, g) or (c.unit == "%" and same(c.value, abs(g))):
                    hit = c
                    break
        if hit is None:
            misses.append((a.actual_id, a.value, a.unit, a.growth_pct, a.quote))
            continue
        found += 1
        if published:
            period_n += 1
            period_right += hit.period == a.period
    recall = found / len(actuals)
    print(
        f"\nACTUALS (quotes) recall {recall:.1%} ({found}/{len(actuals)}); period right in "
        f"{period_right}/{period_n} found rows with a publication date"
    )
    print(f"missed actuals ({len(misses)}):")
    for m in misses:
        print("  ", *m)
    return recall


def main() -> int:
    lang.find_mentions("")  # import check
    recall, precision, right, total = bench_targets()
    a_recall = bench_actuals()
    print("\nSUMMARY")
    print(f"  targets: recall {recall:.1%} (goal >= 90 %), precision {precision:.1%} (goal >= 80 %)")
    for f in ("comparator", "tier"):
        print(f"  {f} right in {right[f] / total['matched']:.1%} of matches (goal >= 90 %)")
    print(f"  actuals' quotes: recall {a_recall:.1%} (goal >= 90 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
