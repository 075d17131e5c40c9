"""The assessment table: one row per target per as-of date, every method side by side.

For each target: resolve it (comparator, tier, range, relative 倍增 targets), gather the actuals of its measure
known by ``as_of`` (:mod:`vintage`), then compute required and observed growth, rate to go, the progress
categories (:mod:`progress`), a projection with its interval and the probability of attainment
(:mod:`projection`), and, once the target year has passed, the outcome (:mod:`targets`). A row that cannot be
assessed says why in ``note``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import config
from .growth import cagr
from .progress import ProgressInput, assess_progress
from .projection import growth_sd_from, project
from .targets import observation_interval, target_set, judge
from .vintage import as_of_date, select_actuals

COLUMNS = [
    "target_id", "jurisdiction_code", "indicator_code", "sector", "target_year", "target_value", "tier",
    "base_year", "base_value", "latest_period", "latest_value", "latest_bound", "required_growth",
    "observed_growth", "rate_to_go", "ratio_r", "category_eurostat", "share_p", "category_unsd",
    "category_destatis", "p_attain", "projected_median", "projected_low", "projected_high", "outcome", "note",
    # extras
    "comparator", "unit", "attains_if", "per", "applies_to", "escap_anticipated", "category_escap",
    "p_bound", "p_model", "p_assumptions", "base_actual_id", "latest_actual_id", "as_of", "source_id",
]


@dataclass
class Point:
    t: float            # year, fractional for months (May 2021 = 2021 - 7/12)
    value: float
    bound: str
    period: str
    actual_id: str
    kind: str


def _point_time(row) -> float | None:
    kind = str(row.period_kind)
    end = row.period_end
    if kind == "year":
        return float(end.year)
    if kind in ("month", "ytd"):
        return float(end.year) - (12 - end.month) / 12.0
    return None  # multi-year spans are not points of a series


def series_points(selected: pd.DataFrame, measure: str, stock: bool) -> list[Point]:
    """Points of one figure's series. Levels: years, months for stocks, and Jan-Dec spans; growth: years and
    year-to-date readings (the latest reading of a year stands for it until the year is published)."""
    pts = []
    col, bound_col = ("value", "bound") if measure == "value" else ("growth", "growth_bound")
    for row in selected.itertuples(index=False):
        kind = str(row.period_kind)
        full_year = kind == "ytd" and row.period_start.month == 1 and row.period_end.month == 12
        if full_year:
            kind = "year"  # a January-December figure is the year's
        if measure == "value" and not (kind == "year" or (kind == "month" and stock)):
            continue
        t = _point_time(row) if kind != "year" else float(row.period_end.year)
        if t is None:
            continue
        pts.append(Point(t, float(getattr(row, col)), str(getattr(row, bound_col)), str(row.period),
                         str(row.actual_id), kind))
    pts.sort(key=lambda p: p.t)
    # one point per time: a year beats a YTD reading ending in December of the same year
    out: dict[float, Point] = {}
    for p in pts:
        if p.t not in out or out[p.t].kind != "year":
            out[p.t] = p
    return list(out.values())


def ancestors(jurisdictions: pd.DataFrame, code: str) -> list[str]:
    """The jurisdiction and its parents, innermost first (stops on a cycle)."""
    parents = dict(zip(jurisdictions["code"].astype(str), jurisdictions["parent_code"]))
    chain = []
    while isinstance(code, str) and code and code not in chain:
        chain.append(code)
        code = parents.get(code)
    return chain


def _growth_sd(actuals_sel: pd.DataFrame, jurisdictions: pd.DataFrame, jur: str, indicator: str) -> tuple[float, str]:
    """Uncertainty of annual growth: sd of the jurisdiction's reported annual growth of the indicator, else of
    its parents', else of the province's value-added growth, else the configured default."""
    annual = actuals_sel[actuals_sel["period_kind"].astype(str) == "year"]
    chain = ancestors(jurisdictions, jur)
    for code in chain:
        for ind in (indicator, "va_growth") if code == chain[-1] else (indicator,):
            g = annual[(annual["jurisdiction_code"].astype(str) == code)
                       & (annual["indicator_code"].astype(str) == ind) & annual["sector"].isna()]["growth"]
            sd = growth_sd_from(g.astype(float))
            if sd is not None:
                return sd, f"growth sd {sd:.1%} from {len(g)} reported annual growth rates of {ind} in {code}"
    return config.DEFAULT_GROWTH_SD, f"growth sd {config.DEFAULT_GROWTH_SD:.1%} (configured default: too few " \
                                     "reported growth rates)"


def _proxy_rate(growths: pd.DataFrame, jurisdictions: pd.DataFrame, jur: str, indicator: str,
                before: float) -> tuple[float, str] | None:
    """With a single point of history, the latest reported annual growth of the indicator for the
    jurisdiction, else for its parents, up to the year of that point: a proxy stated in the assumptions."""
    annual = growths[(growths["period_kind"].astype(str) == "year") & growths["sector"].isna()
                     & (growths["indicator_code"].astype(str) == indicator)]
    for code in ancestors(jurisdictions, jur):
        g = annual[(annual["jurisdiction_code"].astype(str) == code)
                   & (annual["year"].astype(float) <= before)].sort_values("year")
        if len(g):
            last = g.iloc[-1]
            who = "its own" if code == jur else f"{code}'s"
            return float(last["growth"]), (f"one point of history: {who} reported {indicator} growth of "
                                           f"{int(last['year'])} ({last['actual_id']}) as a proxy; ")
    return None


def target_seed(seed: int, target_id: str) -> list[int]:
    """A target's own random stream: the run's seed and a checksum of the target id, so that adding or removing
    a target leaves every other target's draws unchanged."""
    import zlib

    return [int(seed), zlib.crc32(str(target_id).encode())]


def _fmt_pct(v: float) -> str:
    return f"{v:.1%}"


def _fmt_num(v: float) -> str:
    return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"


def assess(catalog, as_of=None, projection_method: str = "auto", progress_methods=None,
           n_paths: int = config.N_PATHS, seed: int = config.SEED, scenario_rates=None, scenario_shocks=None,
           lag_months: int = config.PUBLICATION_LAG_MONTHS) -> pd.DataFrame:
    """The comparison table for ``as_of`` (a date or a quarter like '2023Q4'; default: everything known)."""
    as_of_ts = as_of_date(as_of) if as_of is not None else pd.Timestamp.max.normalize()
    actuals = catalog.actuals
    values = select_actuals(actuals, as_of, "value", lag_months) if as_of is not None else select_actuals(actuals)
    growths = select_actuals(actuals, as_of, "growth", lag_months) if as_of is not None \
        else select_actuals(actuals, measure="growth")
    ind = catalog.indicators.set_index("code")
    groups_v = {k: g for k, g in values.groupby(
        [values["jurisdiction_code"].astype(str), values["indicator_code"].astype(str),
         values["sector"].astype(object).fillna("")], sort=False)}
    groups_g = {k: g for k, g in growths.groupby(
        [growths["jurisdiction_code"].astype(str), growths["indicator_code"].astype(str),
         growths["sector"].astype(object).fillna("")], sort=False)}

    rows = []
    for t in catalog.targets.itertuples(index=False):
        rows.append(_assess_one(t, ind, groups_v, groups_g, growths, catalog.jurisdictions, as_of_ts,
                                projection_method, progress_methods, n_paths, target_seed(seed, t.target_id),
                                scenario_rates,
                                scenario_shocks))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["as_of"] = "all data" if as_of is None else str(as_of)
    for col in ("target_year", "base_year"):
        table[col] = table[col].astype("Int64")
    return table


def _assess_one(t, ind, groups_v, groups_g, growths, jurisdictions, as_of_ts, projection_method,
                progress_methods, n_paths, seed, scenario_rates, scenario_shocks) -> dict:
    code = str(t.indicator_code)
    info = ind.loc[code]
    kind, direction = str(info["kind"]), str(info["direction"])
    refers = info["refers_to"] if isinstance(info["refers_to"], str) else None
    sector = "" if pd.isna(t.sector) else str(t.sector)
    jur = str(t.jurisdiction_code)
    T = int(t.target_year)
    notes: list[str] = []
    row = dict(target_id=t.target_id, jurisdiction_code=jur, indicator_code=code, sector=sector or None,
               target_year=T, target_value=float(t.value), tier=None if pd.isna(t.tier) else str(t.tier),
               base_year=int(t.base_year), comparator=str(t.comparator), unit=t.unit,
               per=None if pd.isna(t.per) else str(t.per), applies_to=t.applies_to, source_id=str(t.source_id))
    row.update({c: np.nan for c in ("base_value", "latest_value", "required_growth", "observed_growth", "rate_to_go",
                                     "ratio_r", "share_p", "p_attain", "projected_median", "projected_low",
                                     "projected_high", "escap_anticipated")})
    passed = as_of_ts > pd.Timestamp(f"{T}-12-31")

    # --- the measure the target is judged on
    if kind == "growth_rate":
        measure, series_code = "growth", refers or code
    elif kind == "relative" and t.unit == "× base":
        measure, series_code = "value", refers or code
    else:
        measure, series_code = "value", code
    groups = groups_g if measure == "growth" else groups_v
    sel = groups.get((jur, series_code, sector))
    points = series_points(sel, measure, stock=kind == "count") if sel is not None else []

    value_high = None if pd.isna(t.value_high) else float(t.value_high)
    target_value = float(t.value)

    def finish(note_text):
        if note_text.startswith("not assessable"):
            notes.insert(0, note_text)  # the reason first
        else:
            notes.append(note_text)
        row["note"] = "; ".join(n for n in notes if n)
        row["outcome"] = row.get("outcome") or ("undetermined" if passed else "pending")
        return row

    if isinstance(t.applies_to, str) and t.applies_to:
        s = target_set(target_value, row["comparator"], t.unit, direction, value_high)
        row["attains_if"] = s.describe(_fmt_pct if t.unit == "ratio" else _fmt_num)
        return finish(f"not assessable: applies to {t.applies_to}; needs figures for each unit")

    base = next((p for p in points if p.t == float(t.base_year) and p.kind == "year"), None)
    relative_base_bound = None

    # --- relative targets: 2 x base-year actual
    if kind == "relative" and t.unit == "× base":
        if base is None:
            row["attains_if"] = f">= {float(t.value):g} × {t.base_year} {series_code}"
            return finish(f"not assessable: relative target ({target_value:g} × {t.base_year} {series_code}); "
                          f"no {t.base_year} actual of {series_code} known")
        target_value = target_value * base.value
        relative_base_bound = base.bound
        notes.append(f"resolved: {float(t.value):g} × {t.base_year} {series_code} {_fmt_num(base.value)} = "
                     f"{_fmt_num(target_value)}" + (" (base is a lower bound: so is the target)"
                                                    if base.bound == "lower" else ""))
    row["target_value"] = target_value
    tset = target_set(target_value, row["comparator"], "ratio" if measure == "growth" else t.unit, direction,
                      value_high)
    row["attains_if"] = tset.describe(_fmt_pct if measure == "growth" or t.unit == "ratio" else _fmt_num)

    if row["per"] in ("quarter", "month", "period"):
        what = {"quarter": "a per-quarter target", "month": "a per-month target",
                "period": "a total over the plan period"}[row["per"]]
        return finish(f"not assessable: {what}; no actuals of this flow for each {row['per']}"
                      if row["per"] != "period" else "not assessable: no actuals of this flow over the period")
    if row["per"] == "year":
        return _per_year_target(row, notes, t, points, tset, measure, passed, finish)

    if not points:
        what = f"{series_code} growth" if measure == "growth" else series_code
        return finish(f"not assessable: no actual of {what}{' (' + sector + ')' if sector else ''} for {jur} "
                      f"known by the as-of date")

    upto = [p for p in points if p.t <= T]
    latest = upto[-1] if upto else None
    if base is not None:
        row["base_value"] = base.value
        row["base_actual_id"] = base.actual_id
    if latest is not None:
        row.update(latest_period=latest.period, latest_value=latest.value, latest_bound=latest.bound,
                   latest_actual_id=latest.actual_id)

    # --- outcome once the target year has passed
    if passed:
        final = next((p for p in points if p.t == float(T) and p.kind in ("year", "month")), None)
        if final is None:
            row["outcome"] = "undetermined"
            notes.append(f"no {T} actual known: outcome undetermined")
        else:
            verdict = judge(observation_interval(final.value, final.bound), tset)
            if relative_base_bound == "lower" and verdict == "achieved":
                verdict = "undetermined"  # the threshold k × base may lie above k × its lower bound
            row["outcome"] = verdict
            shown = _fmt_pct(final.value) if measure == "growth" else _fmt_num(final.value)
            notes.append(f"outcome from {final.period} {shown} ({final.bound}, {final.actual_id})")
    else:
        row["outcome"] = "pending"

    if latest is None:
        return finish(f"not assessable: actuals start after {T}")

    if measure == "growth":
        return _growth_target(row, notes, t, latest, tset, growths, jurisdictions, jur, series_code, passed,
                              n_paths, seed, finish)

    # --- level targets: growth arithmetic and progress methods
    start = base
    if start is None:
        later = [p for p in upto if p.t > float(t.base_year)]
        if later and later[0].t < latest.t:
            start = later[0]
            notes.append(f"no {t.base_year} (base-year) actual: the earliest later actual, {start.period} "
                         f"{_fmt_num(start.value)}, is the starting point of growth and progress")
    if start is not None and target_value > 0 and start.value > 0 and T > start.t:
        row["required_growth"] = float(cagr(start.value, target_value, T - start.t))
    if start is not None and latest.t > start.t and start.value > 0 and latest.value > 0:
        row["observed_growth"] = float(cagr(start.value, latest.value, latest.t - start.t))
    if latest.t < T and latest.value > 0 and target_value > 0:
        row["rate_to_go"] = float(cagr(latest.value, target_value, T - latest.t))
        if latest.bound == "lower":
            notes.append("latest actual is a lower bound: the rate to go is at most this")
    if start is None:
        notes.append(f"only one actual ({latest.period}) since the base year {t.base_year}: progress methods need two"
                     if latest.t > float(t.base_year) else
                     f"no actual after the base year {t.base_year}: progress methods need two points")
    inp = ProgressInput(
        y0=None if start is None else start.value, t0=None if start is None else start.t,
        yt=latest.value, t=latest.t, yT=target_value, T=float(T), direction=direction,
        history=tuple((p.t, p.value) for p in upto), latest_is_bound=latest.bound != "exact",
        met=judge(observation_interval(latest.value, latest.bound), tset) == "achieved")
    results = assess_progress(inp, progress_methods)
    if "eurostat" in results:
        row["ratio_r"], row["category_eurostat"] = results["eurostat"].value, results["eurostat"].category
    if "unsd" in results:
        row["share_p"], row["category_unsd"] = results["unsd"].value, results["unsd"].category
    if "destatis" in results:
        row["category_destatis"] = results["destatis"].category
        if results["destatis"].category is None:
            notes.append("destatis " + results["destatis"].note)
    if "escap" in results:
        row["escap_anticipated"], row["category_escap"] = results["escap"].value, results["escap"].category

    # --- projection and probability, for targets not yet past
    if not passed and latest.t < T and projection_method != "none":
        history = {p.t: p.value for p in upto}
        sd, sd_text = _growth_sd(growths, jurisdictions, jur, series_code)
        rates, method, proxy_text = scenario_rates, projection_method, ""
        if len(history) < 2 and rates is not None and projection_method in ("auto", "constant"):
            method = "scenario"  # one point of history: the given growth is the only way forward
        elif len(history) < 2 and rates is None and projection_method in ("auto", "constant"):
            proxy = _proxy_rate(growths, jurisdictions, jur, series_code, latest.t)
            if proxy is not None:
                rates, proxy_text = proxy
                method = "constant"
        try:
            proj = project(history, T, method, rates=rates, shocks=scenario_shocks,
                           growth_sd=sd, n_paths=n_paths, seed=seed)
        except ValueError as exc:
            notes.append(f"no projection: {exc}")
        else:
            at_T = proj.at(T)
            q = np.quantile(at_T, [(1 - config.INTERVAL) / 2, 0.5, 1 - (1 - config.INTERVAL) / 2])
            row.update(projected_low=q[0], projected_median=q[1], projected_high=q[2])
            row["p_attain"] = float(np.mean(tset.mask(at_T)))
            row["p_model"] = proj.method
            row["p_assumptions"] = (proxy_text + proj.assumptions + ("" if proj.method in ("loglinear", "ets") else
                                                        f" ({sd_text})") + (f"; fallback: {proj.fallback}"
                                                                            if proj.fallback else ""))
            if latest.bound == "lower" and direction == "up":
                row["p_bound"] = "lower"
                notes.append("starts from a lower bound: the probability is a lower bound (censored)")
            if relative_base_bound == "lower" and direction == "up":
                # the target is k × a base known only from below: the true threshold may be higher
                row["p_bound"] = "upper" if row.get("p_bound") != "lower" else None
                notes.append("the target rests on a lower-bound base: the probability is an upper bound"
                             if row["p_bound"] == "upper" else
                             "both the start and the target's base are lower bounds: the probability is not bounded")
    return finish("")


def _per_year_target(row, notes, t, points, tset, measure, passed, finish):
    """每年 / 年均 targets: a growth target is the average annual growth over the plan period (compound, from
    each year's reported growth); a flow target must be met in every year of the period. Only annual figures
    count; no probability is computed."""
    years = list(range(int(t.base_year) + 1, int(t.target_year) + 1))
    annual = {int(p.t): p for p in points if p.kind == "year" and int(p.t) in years}
    have = sorted(annual)
    span = f"{years[0]}-{years[-1]}"
    if have:
        last = annual[have[-1]]
        row.update(latest_period=last.period, latest_value=last.value, latest_bound=last.bound,
                   latest_actual_id=last.actual_id)
    if measure == "growth":
        notes.append(f"average annual growth over {span}: {len(have)} of {len(years)} years reported")
        if have:
            factors = np.array([1.0 + annual[y].value for y in have])
            avg = float(np.prod(factors) ** (1.0 / len(have)) - 1.0)
            row["observed_growth"] = avg
            exact = all(annual[y].bound == "exact" for y in have)
            if len(have) == len(years) and exact:
                row["outcome"] = judge(observation_interval(avg, "exact"), tset)
    else:
        verdicts = {y: judge(observation_interval(annual[y].value, annual[y].bound), tset) for y in have}
        notes.append(f"a per-year target, {span}: {len(have)} of {len(years)} years reported"
                     + (f", attained in {sum(v == 'achieved' for v in verdicts.values())}" if have else ""))
        if any(v == "missed" for v in verdicts.values()):
            row["outcome"] = "missed"
        elif len(have) == len(years) and all(v == "achieved" for v in verdicts.values()):
            row["outcome"] = "achieved"
    if not row.get("outcome") or row["outcome"] == "pending":
        row["outcome"] = "undetermined" if passed else "pending"
    if not have:
        return finish(f"not assessable: no annual figure of this indicator for {span}")
    return finish("per-year targets get no probability")


def _growth_target(row, notes, t, latest, tset, growths, jurisdictions, jur, series_code, passed, n_paths, seed,
                   finish):
    """A growth-rate target is a rate in one year: judged by that year's reported growth; before the year is
    out, the latest reading (year to date, or the previous year) with its uncertainty gives the probability."""
    T = int(t.target_year)
    row["observed_growth"] = latest.value
    for m in ("ratio_r", "share_p"):
        row[m] = np.nan
    notes.append("growth-rate target: progress methods apply to levels; judged by the year's reported growth")
    if passed:
        return finish("")
    sd, sd_text = _growth_sd(growths, jurisdictions, jur, series_code)
    in_year = latest.t > T - 1
    mu = latest.value
    if in_year:
        months_left = round((T - latest.t) * 12)
        scale = months_left / 12.0
        how = f"year-to-date growth {mu:.1%} to {latest.period}, {months_left} months left"
    else:
        scale = 1.0
        how = f"last reported growth {mu:.1%} ({latest.period}) carried into {T}"
    rng = np.random.default_rng(seed)
    draws = mu + rng.standard_normal(n_paths) * sd * math.sqrt(max(scale, 0.0))
    q = np.quantile(draws, [(1 - config.INTERVAL) / 2, 0.5, 1 - (1 - config.INTERVAL) / 2])
    row.update(projected_low=q[0], projected_median=q[1], projected_high=q[2],
               p_attain=float(np.mean(tset.mask(draws))), p_model="growth-normal",
               p_assumptions=f"{how}; normal with {sd_text}" + (", scaled by the share of the year left"
                                                                if in_year else "") + f"; {n_paths} draws")
    return finish("")


def rank(table: pd.DataFrame, by: str = "p_attain", within=("indicator_code",), ascending=False) -> pd.DataFrame:
    """Rank targets on ``by`` within groups (e.g. jurisdictions on one indicator); unassessed rows rank last."""
    out = table.copy()
    out[f"rank_{by}"] = out.groupby(list(within), observed=True)[by].rank(ascending=ascending, method="min",
                                                                          na_option="keep").astype("Int64")
    return out.sort_values(list(within) + [f"rank_{by}"], na_position="last")
