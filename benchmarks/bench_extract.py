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

Out of sample. The extractor runs on each passage of every folder under tests/fixtures/ that holds
annotations.csv, passages.csv and SOURCES.md (real passages of other jurisdictions, annotated by hand before the
extractor was run on them): out_of_sample is batch 1 (development: its misses were read), held_out batch 2
(annotated blind and scored once blind, tests/fixtures/held_out/RESULTS_BLIND.md; then development: its misses were
read, RESULTS_DEV.md), held_out_3 batch 3 (annotated blind and scored once blind, RESULTS_BLIND.md; then
development, RESULTS_DEV.md), held_out_4 batch 4 (annotated blind and scored once blind, RESULTS_BLIND.md; then
development, RESULTS_DEV.md), held_out_5 batch 5 (annotated blind and scored once blind, RESULTS_BLIND.md; then
development, RESULTS_DEV.md), held_out_6, held_out_7 and held_out_8 batches 6, 7 and 8 (each annotated blind and
scored blind, RESULTS_BLIND.md — batch 6 twice, before and after one round of rules written elsewhere; then development: its misses were read, RESULTS_DEV.md), held_out_9 and
held_out_10 batches 9 and 10 (held out, annotated blind: only their summary is printed, never their misses),
held_out_11 batch 11 (annotated blind, scored once blind, RESULTS_BLIND.md; then development), held_out_12 batch 12
(annotated blind, scored once blind, RESULTS_BLIND.md; then development), held_out_13 batch 13 (annotated blind,
scored once blind, RESULTS_BLIND.md; then development), held_out_14 and held_out_15 batches 14 and 15 (each annotated
blind, scored once blind, RESULTS_BLIND.md; then development).
Each folder is scored on its own, then all together (combined); a named batch that is absent is said to be. A candidate
matches an annotated figure of its passage when its value equals the figure's (canonical units; a growth-only row
by its growth_pct) and its quote holds the annotation's fragment or the fragment holds the quote (white space
removed). Matching is one to one, in document order. Recall = matched figures / figures; precision = matched
candidates / candidates. Among matches: unit, comparator (plans) or bound (reports), tier, target_year (plans) or
period (reports), per, and indicator (an annotation NEW:<phrase> is right when the candidate proposes a new
indicator: a code NEW:... or none, with the review code unknown_indicator).

Input bound. One synthetic sentence of about 100 KB (a clause of figures repeated) is extracted; the time and the
number of candidates are printed.

Misses are printed so that they can be read. No rule of the extractor knows a seed id or a seed sentence.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from doubling_analysis.data.units import UNITS, canonical_unit, convert  # noqa: E402
from doubling_analysis.extract import candidates as ex  # noqa: E402
from doubling_analysis.extract import language as lang  # noqa: E402

DATA = REPO / "data"
OOS = REPO / "tests" / "fixtures" / "out_of_sample"
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
                if not ok and f in ("comparator", "tier", "target_year", "indicator"):
                    want_f = t["indicator_code"] if f == "indicator" else t[f]
                    got = c.indicator_code if f == "indicator" else getattr(c, f)
                    print(f"  wrong {f}: {t.target_id} want {want_f!r} got {got!r}: {t.quote}")
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
    _print_rows("missed targets", misses)
    _print_rows("candidates matching no target", extras)
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


def _nows(s: str) -> str:
    return re.sub(r"\s", "", s or "")


def _unit_ok(cu, au) -> bool:
    if au and au not in UNITS:  # as written: 萬億元, 个百分点, 萬億 are the units 万亿元, pp, 万亿元
        au = _written_unit(au)
    # a unit written in traditional characters (項, 個 of a traditional passage) is the same unit as its simplified
    # glyph (项, 个), which the extractor gives: batches 2 and 3 wrote such units simplified, batch 4 as written
    if cu == au or (cu is not None and au and cu == lang.normalise(au)) or (cu is None and au == ""):
        return True  # no unit (an index): None in the candidate, empty in the annotation
    try:
        return cu in UNITS and au in UNITS and _base_unit(cu) == _base_unit(au)  # 人 and 千人: one dimension
    except (KeyError, ValueError):
        return False


def _cand_value(c):
    if c.value is None and c.growth_pct is not None:
        return c.growth_pct, "%"
    return c.value, c.unit


def _written_unit(unit: str) -> str:
    """An annotated unit as the unit of units.py it writes: traditional characters (萬億元, 億元), a word (个百分点),
    or a magnitude written alone (6萬億 of a revenue: 万亿 is 万亿元, as the extractor reads 亿 alone as 亿元)."""
    unit = lang.UNIT_WORDS.get(lang.normalise(unit), lang.normalise(unit))
    return f"{unit}元" if unit in lang.MAGNITUDES and unit != "万" else unit


def _canon_plain(value, unit):
    if isinstance(unit, str) and unit not in UNITS:
        unit = _written_unit(unit)
    if value is None or unit is None or unit not in UNITS:
        return value
    try:
        return convert(float(value), unit, _base_unit(unit))
    except (KeyError, ValueError):
        return value


def _base_unit(unit: str) -> str:
    """The canonical unit of ``unit``, or for a dimension the loader keeps as declared (counts, tonnes) the unit of
    factor 1 of that dimension: 165千人 and 165000人 are one figure (16萬5千人)."""
    canon = canonical_unit(unit)
    if canon != unit:
        return canon
    dim = UNITS[unit][0]
    return next((u for u, (d, f) in UNITS.items() if d == dim and f == 1.0), unit)


OOS_FIELDS = ("unit", "comparator", "tier", "year", "per", "indicator")


def _str(x) -> str:
    return "" if x is None else str(x)


def oos_checks(c, a) -> dict:
    kind = a["kind"]
    want_ind = a["indicator"]
    if want_ind.startswith("NEW:"):
        ind_ok = (c.indicator_code is None or str(c.indicator_code).startswith("NEW:")) and (
            "unknown_indicator" in c.review or str(c.indicator_code or "").startswith("NEW:")
        )
    else:
        ind_ok = c.indicator_code == want_ind
    value, unit = _cand_value(c)
    return {
        "unit": _unit_ok(unit, a["unit"]),
        "comparator": (c.comparator if kind == "plan" else c.bound) == a["comparator"],
        "tier": (c.tier or "") == a["tier"],
        # an empty year in both is the same year (an undated page: left for the reviewer); a guessed one is wrong
        "year": (_str(c.target_year) == a["target_year"]) if kind == "plan" else (_str(c.period) == a["period"]),
        "per": (c.per or "") == a["per"],
        "indicator": ind_ok,
    }


#: out-of-sample folders by name and what they are; any other folder under tests/fixtures/ with the three files
#: is scored under its own name
BATCHES = {
    "out_of_sample": "batch 1 (development: its misses were read)",
    "held_out": "batch 2 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_3": "batch 3 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_4": "batch 4 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_5": "batch 5 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_6": (
        "batch 6 (annotated blind, scored twice blind (before and after one round of rules written elsewhere); "
        "then development: its misses were read)"
    ),
    "held_out_7": "batch 7 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_8": "batch 8 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_9": "batch 9 (held out, annotated blind)",
    "held_out_10": "batch 10 (held out, annotated blind)",
    "held_out_11": "batch 11 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_12": "batch 12 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_13": "batch 13 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_14": "batch 14 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_15": "batch 15 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_16": "batch 16 (held out, annotated blind)",
    "held_out_17": "batch 17 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_18": "batch 18 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_19": "batch 19 (held out, annotated blind)",
    "held_out_20": "batch 20 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_21": "batch 21 (held out, annotated blind; 7 passages)",
    "held_out_22": "batch 22 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_23": "batch 23 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_24": "batch 24 (held out, annotated blind)",
    "held_out_25": "batch 25 (held out, annotated blind)",
    "held_out_26": "batch 26 (annotated blind, scored once blind; then development: its misses were read)",
    "held_out_27": "batch 27 (held out, annotated blind)",
}
#: folders whose misses are not printed (a held-out batch stays unread: only its summary is shown)
BLIND = (
    "held_out_9",
    "held_out_10",
    "held_out_16",
    "held_out_19",
    "held_out_21",
    "held_out_24",
    "held_out_25",
    "held_out_27",
)
OOS_FILES = ("annotations.csv", "passages.csv", "SOURCES.md")


def oos_folders() -> list[Path]:
    """The out-of-sample folders under tests/fixtures/: those holding annotations.csv, passages.csv and SOURCES.md,
    the named batches first."""
    root = REPO / "tests" / "fixtures"
    found = [p for p in sorted(root.iterdir()) if p.is_dir() and all((p / f).is_file() for f in OOS_FILES)]
    return sorted(found, key=lambda p: (list(BATCHES).index(p.name) if p.name in BATCHES else len(BATCHES), p.name))


def _print_rows(title: str, rows: list) -> None:
    """A titled list of benchmark rows (misses, wrong fields, extras), one per line."""
    print(f"\n{title} ({len(rows)}):")
    for row in rows:
        print("  ", *row)


def bench_out_of_sample(folder: Path = OOS, verbose: bool = True):
    """Recall, precision and per-field accuracy on the annotated passages of one out-of-sample folder."""
    with open(folder / "annotations.csv", encoding="utf-8", newline="") as fh:
        ann = list(csv.DictReader(fh))
    with open(folder / "passages.csv", encoding="utf-8", newline="") as fh:
        passages = list(csv.DictReader(fh))
    total, right = Counter(), Counter()
    misses, extras, wrong = [], [], []
    for p in passages:
        name = p["passage"]
        rows = [a for a in ann if a["passage"] == name]
        path = folder / f"{name}.txt"
        try:
            cands = ex.extract(path, p["jurisdiction_code"], f"oos-{name}", p["kind"], p["issued"] or None)
        except ex.ExtractError as exc:
            # what a user gets for this page: a located error and no rows, so every figure of it counts as missed
            print(f"  {folder.name}/{name}: no candidates ({exc})")
            cands = []
        used: set[int] = set()
        for a in rows:
            want = _canon_plain(float(a["value"]), a["unit"])
            frag = _nows(a["quote_fragment"])
            k_hit = None
            for k, c in enumerate(cands):
                if k in used:
                    continue
                v, u = _cand_value(c)
                q = _nows(c.quote)
                if same(_canon_plain(v, u), want) and (frag in q or (q and q in frag)):
                    k_hit = k
                    break
            if k_hit is None:
                misses.append((name, a["value"], a["unit"], a["indicator"], a["quote_fragment"]))
                continue
            used.add(k_hit)
            total["matched"] += 1
            for f, ok in oos_checks(cands[k_hit], a).items():
                right[f] += ok
                flagged = any(ex.REVIEW_FIELDS.get(code) == f for code in cands[k_hit].review)
                total[f"{f} flagged"] += flagged
                right[f"{f} flagged"] += ok and flagged
                if not ok:
                    c = cands[k_hit]
                    got = {
                        "unit": _cand_value(c)[1],
                        "comparator": c.comparator if a["kind"] == "plan" else c.bound,
                        "tier": c.tier,
                        "year": c.target_year if a["kind"] == "plan" else c.period,
                        "per": c.per,
                        "indicator": c.indicator_code,
                    }[f]
                    want_f = {"year": a["target_year"] if a["kind"] == "plan" else a["period"]}.get(f, a.get(f))
                    flag = "flagged" if flagged else "UNFLAGGED"
                    wrong.append((f, name, a["quote_fragment"], f"want {want_f!r} got {got!r}", flag))
        extras += [(name, c.value, c.unit, c.indicator_code, c.quote) for k, c in enumerate(cands) if k not in used]
        total["figures"] += len(rows)
        total["candidates"] += len(cands)
    total["passages"] += len(passages)
    label = BATCHES.get(folder.name, folder.name)
    print(f"\nOUT OF SAMPLE {folder.name}: {label}")
    print_oos_summary(total, right, "  ")
    if verbose:
        _print_rows("out-of-sample misses", misses)
        _print_rows("out-of-sample wrong fields", wrong)
        _print_rows("out-of-sample candidates matching no figure", extras)
    else:
        print("  (misses of a held-out batch are not printed)")
    return total, right


def print_oos_summary(total: Counter, right: Counter, indent: str) -> None:
    recall = total["matched"] / max(1, total["figures"])
    precision = total["matched"] / max(1, total["candidates"])
    print(
        f"{indent}{total['passages']} passages: recall {recall:.1%} ({total['matched']}/{total['figures']}) "
        f"(goal >= 90 %), precision {precision:.1%} ({total['matched']}/{total['candidates']}) (goal >= 80 %), "
        "other fields goal >= 85 %"
    )
    for f in OOS_FIELDS:
        n_flag, ok_flag = total[f"{f} flagged"], right[f"{f} flagged"]
        n_plain, ok_plain = total["matched"] - n_flag, right[f] - ok_flag
        split = (
            f" (unflagged {ok_plain / n_plain:.1%} of {n_plain}; flagged for review {ok_flag / n_flag:.1%} of {n_flag})"
            if n_flag and n_plain
            else ""
        )
        print(f"{indent}  {f:12s} right in {right[f] / max(1, total['matched']):.1%} of matches{split}")


def bench_all_out_of_sample() -> list[tuple[str, Counter, Counter]]:
    """Every out-of-sample folder, each scored on its own; a named batch that is absent is said to be."""
    results = []
    folders = oos_folders()
    for folder in folders:
        total, right = bench_out_of_sample(folder, verbose=folder.name not in BLIND)
        results.append((folder.name, total, right))
    for name, label in BATCHES.items():
        if name not in [f.name for f in folders]:
            print(f"\nOUT OF SAMPLE {name}: {label}: absent (no tests/fixtures/{name}/ with {', '.join(OOS_FILES)})")
    return results


def bench_input_bound(size: int = 100_000) -> None:
    """Time and candidates of one synthetic sentence of about ``size`` characters (no sentence end in it)."""
    clause = "规模以上工业营业收入达到1400亿元，增长8.5%，"
    sentence = clause * (size // len(clause))
    ctx, vocab = ex.context_from_data("", "plan", "360200", "synthetic-long", "2022-03-01")
    t0 = time.perf_counter()
    cands = ex.extract_text(sentence, ctx, vocab)
    dt = time.perf_counter() - t0
    print(f"\nINPUT BOUND: one synthetic sentence of {len(sentence)} characters: {len(cands)} candidates in {dt:.2f} s")


def main() -> int:
    lang.find_mentions("")  # import check
    size = int(sys.argv[sys.argv.index("--bound-size") + 1]) if "--bound-size" in sys.argv else 100_000
    recall, precision, right, total = bench_targets()
    a_recall = bench_actuals()
    batches = bench_all_out_of_sample()
    bench_input_bound(size)
    print("\nSUMMARY")
    print(f"  in-sample targets: recall {recall:.1%} (goal >= 90 %), precision {precision:.1%} (goal >= 80 %)")
    for f in FIELDS:
        print(f"    {f:12s} right in {right[f] / total['matched']:.1%} of matches")
    print(f"  in-sample actuals' quotes: recall {a_recall:.1%} (goal >= 90 %)")
    combined_total, combined_right = Counter(), Counter()
    for name, o_total, o_right in batches:
        print(f"  out-of-sample {name}, {BATCHES.get(name, name)}:")
        print_oos_summary(o_total, o_right, "    ")
        combined_total.update(o_total)
        combined_right.update(o_right)
    names = ", ".join(name for name, _, _ in batches) or "none"
    print(f"  out-of-sample combined ({names}):")
    print_oos_summary(combined_total, combined_right, "    ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
