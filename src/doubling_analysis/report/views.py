"""Selection: the frames and projections the notebooks and the report show (a growth path, annual series, the
figures known only as bounds), computed from the catalog as of a date. How they are written out (tables, HTML,
text) is :mod:`.presentation`'s concern."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .. import config
from ..data.vintage import select_actuals
from ..model.assess import assess
from ..model.growth import cagr
from ..model.projection import Projection, project
from ..model.snapshot import context_at, volatility_at
from . import labels as L


def parse_list(text, cast=str) -> list:
    """'a, b' or ['a', 'b'] -> list; '' or None -> []."""
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        return [cast(x) for x in text]
    return [cast(x.strip()) for x in str(text).split(",") if x.strip()]


POINT_COLUMNS = ["t", "value", "bound", "period", "actual_id", "kind", "via", "derived"]

#: look-ups built once per frame object (see :func:`frame_index`): (id, name) -> (weak reference to the frame, its
#: row count, the look-up), least recently used first
_INDEXES: dict[tuple[int, str], tuple[weakref.ref[pd.DataFrame], int, Any]] = {}
_INDEXES_KEPT = 16
#: frames of at most this many rows are filtered directly by :func:`rows_of` (cheaper than an index; a report's
#: per-jurisdiction frames would otherwise push the large tables' look-ups out)
_INDEX_MIN_ROWS = 500


def frame_index(frame: pd.DataFrame, name: str, build: Callable[[pd.DataFrame], Any]) -> Any:
    """``build(frame)``, computed once per frame object and ``name``: a look-up (by target id, by series, ...) that
    a per-call function would otherwise rebuild, or filter the whole frame for, at every call. Keyed on the frame's
    identity, checked through a weak reference to it: another frame (the assessment of another as-of date, a
    catalog loaded again) gets its own look-up even where it reuses the id of one gone, and the cache keeps no
    frame alive. Frames are values here (functions return new ones): a frame changed in place keeps its look-up
    unless its row count changed. The ``_INDEXES_KEPT`` most recently used look-ups are kept."""
    key = (id(frame), name)
    hit = _INDEXES.pop(key, None)
    if hit is None or hit[1] != len(frame) or hit[0]() is not frame:
        hit = (weakref.ref(frame), len(frame), build(frame))
        while len(_INDEXES) >= _INDEXES_KEPT:
            del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[key] = hit  # (again) the most recently used
    return hit[2]


def rows_by(frame: pd.DataFrame, columns: tuple[str, ...]) -> dict[tuple, np.ndarray]:
    """Row positions of ``frame`` by the values of ``columns`` (a tuple of values -> positions, in row order),
    built once per frame: the rows of one key are ``frame.iloc[positions]``, without a filter of the whole frame."""

    def build(f: pd.DataFrame) -> dict[tuple, np.ndarray]:
        if f.empty:
            return {}
        groups = f.groupby(list(columns), sort=False, dropna=False).indices
        return {(k if isinstance(k, tuple) else (k,)): v for k, v in groups.items()}

    return frame_index(frame, "rows_by:" + ",".join(columns), build)


def rows_of(frame: pd.DataFrame, columns: tuple[str, ...], key: tuple) -> pd.DataFrame:
    """The rows of ``frame`` whose ``columns`` equal ``key`` (in row order; empty if none): by :func:`rows_by`, or
    for a small frame by a filter."""
    if len(frame) <= _INDEX_MIN_ROWS:
        mask = np.ones(len(frame), dtype=bool)
        for column, value in zip(columns, key):
            mask &= (frame[column] == value).to_numpy(dtype=bool, na_value=False)
        return frame[mask]
    return frame.iloc[rows_by(frame, columns).get(tuple(key), np.empty(0, dtype=np.intp))]


def column_map(frame: pd.DataFrame, key: str, value: str) -> dict:
    """``key`` -> ``value`` of ``frame`` (the last row of a repeated key), built once per frame."""
    return frame_index(frame, f"map:{key}->{value}", lambda f: dict(zip(f[key], f[value])))


def points_frame(
    catalog,
    jurisdiction: str,
    indicator: str,
    sector: str | None = None,
    as_of=None,
    measure: str = "value",
    context=None,
    concordant: bool = True,
) -> pd.DataFrame:
    """The series an analysis uses for one figure, as the assessment sees it at ``as_of``: the own series, and
    (``concordant``) the figures of an indicator that measures the same thing in the years the concordance says
    (``via`` names it; those points are *derived*). Columns: t, value, bound, period, actual_id, kind, via,
    derived."""
    from ..model.evidence import concordant_points, merged_series, own_points

    ctx = context_at(catalog, as_of, context)
    own = own_points(ctx, measure, str(jurisdiction), indicator, sector or "")
    pts = (
        merged_series(own, concordant_points(ctx, measure, str(jurisdiction), indicator, sector or ""))
        if concordant
        else own
    )
    rows = [(p.t, p.value, p.bound, p.period, p.actual_id, p.kind, p.via, bool(p.via)) for p in pts]
    return pd.DataFrame(rows, columns=POINT_COLUMNS)


def series_of_target(catalog, target_id: str) -> tuple[str, str, str | None]:
    """The (jurisdiction, indicator, sector) a target is about, so that a notebook can take a target id alone."""
    t = catalog.targets[catalog.targets["target_id"].astype(str) == str(target_id)]
    if t.empty:
        raise ValueError(f"no target {target_id!r} in targets.csv")
    r = t.iloc[0]
    return str(r["jurisdiction_code"]), str(r["indicator_code"]), (str(r["sector"]) if pd.notna(r["sector"]) else None)


def index_points(
    catalog, jurisdictions, indicator: str, base_year: int, as_of=None, sector: str | None = None, context=None
) -> pd.DataFrame:
    """Each jurisdiction's annual figures of one measure indexed to ``base_year`` = 100, by the doubling tracker's
    rules (one vintage per figure: the latest known at ``as_of``; the base an exact figure of the base year, else
    level / (1 + reported growth) of the next year, flagged *derived*; a bound is never a base, and keeps its
    bound). ``attrs["left_out"]``: jurisdiction -> why it has no base."""
    from ..model.evidence import concordant_points, merged_series, own_points
    from .tracker import base_of

    ctx = context_at(catalog, as_of, context)
    rows, left_out = [], {}
    for jur in map(str, jurisdictions):
        pts = merged_series(
            own_points(ctx, "value", jur, indicator, sector or ""),
            concordant_points(ctx, "value", jur, indicator, sector or ""),
        )
        pts = [p for p in pts if p.kind == "year"]
        base, why = base_of(pts, own_points(ctx, "growth", jur, indicator, sector or ""), base_year)
        if base is None:
            left_out[jur] = why
            continue
        rows.append(
            (jur, float(base_year), str(base_year), base.value, "exact", 100.0, base.derived, base.how, base.actual_id)
        )
        rows += [
            (jur, p.t, p.period, p.value, p.bound, 100 * p.value / base.value, bool(p.via), p.via, p.actual_id)
            for p in pts
            if p.t != float(base_year)
        ]
    out = pd.DataFrame(
        rows, columns=["jurisdiction_code", "t", "period", "value", "bound", "index", "derived", "how", "actual_id"]
    )
    out.attrs["left_out"] = left_out
    return out


@dataclass
class GrowthPathView:
    points: pd.DataFrame
    targets: pd.DataFrame
    projections: dict[str, Projection] = field(default_factory=dict)
    required: pd.DataFrame | None = None
    probabilities: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    unit: str = ""


def target_ids(catalog, jurisdictions) -> list[str]:
    """The ids of the targets of ``jurisdictions`` (codes): an assessment of them alone (``assess(..., only=)``)
    gives each the row it has in the whole assessment, at a fraction of the cost."""
    t = catalog.targets
    return t.loc[t["jurisdiction_code"].astype(str).isin([str(c) for c in jurisdictions]), "target_id"].tolist()


def growth_path(
    catalog,
    jurisdiction: str,
    indicator: str,
    as_of,
    methods=("constant",),
    scenario_rates=None,
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    sector: str | None = None,
    table: pd.DataFrame | None = None,
    context=None,
    volatility=None,
) -> GrowthPathView:
    """Actuals, targets, required path, projections by each method and the probability of each target.
    ``table``, ``context``, ``volatility``: an assessment, the evidence and the calibration for the same ``as_of``
    to reuse (computed when None; a report drawing many paths passes them once)."""

    ctx = context_at(catalog, as_of, context)
    if table is None:  # the jurisdiction's targets only: each row depends on its own target and the evidence
        own = target_ids(catalog, [jurisdiction])
        table = assess(catalog, as_of, projection_method="none", context=ctx, only=own)
    # the series' rows by a look-up built once per table (a report drawing many paths passes the same table)
    sel = rows_of(table, ("jurisdiction_code", "indicator_code"), (str(jurisdiction), indicator))
    sel = sel[sel["sector"].isna()] if not sector else sel[sel["sector"] == sector]
    sel = sel[sel["applies_to"].isna() | (sel["applies_to"] == "")]
    pts = points_frame(catalog, jurisdiction, indicator, sector, as_of, context=ctx)
    unit = str(column_map(catalog.indicators, "code", "canonical_unit")[indicator])
    vh = frame_index(catalog.targets, "value_high", lambda t: t.set_index("target_id")["value_high"])
    sel = sel.assign(value_high=sel["target_id"].map(vh).astype("float64"))
    view = GrowthPathView(
        points=pts,
        targets=sel[
            ["target_id", "target_year", "target_value", "tier", "attains_if", "comparator", "outcome", "value_high"]
        ].rename(columns={"target_value": "value"}),
        unit=unit,
    )
    if pts.empty:
        view.notes.append("no actuals known by the as-of date: nothing to project from")
        return view
    last = pts.iloc[-1]
    horizon = int(sel["target_year"].max()) if len(sel) else int(np.floor(last.t)) + 2
    history = dict(zip(pts["t"], pts["value"]))
    # the path required from the latest actual to the nearest future target
    future = sel[(sel["target_year"] > last.t) & (sel["outcome"] == "pending")].sort_values("target_year")
    if len(future):
        goal = future.iloc[0]
        years = np.arange(np.floor(last.t) + 1, int(goal["target_year"]) + 1)
        g = float(
            cagr(
                last.value,
                goal["value"] if "value" in goal else goal["target_value"],
                int(goal["target_year"]) - last.t,
            )
        )
        req = [last.value * (1 + g) ** (y - last.t) for y in years]
        view.required = pd.DataFrame(
            {"t": np.concatenate([[last.t], years]), "value": np.concatenate([[last.value], req])}
        )
    from ..model.assess import target_attainment

    vol = volatility_at(ctx, volatility)
    rows = []
    for tg in future.itertuples(index=False):
        a = target_attainment(
            catalog, tg.target_id, as_of, rates=scenario_rates, n_paths=n_paths, seed=seed, context=ctx, volatility=vol
        )
        if a is None:
            continue
        if a.projection is not None and a.model not in view.projections:
            view.projections[a.model] = a.projection
        rows.append(
            dict(
                target_id=tg.target_id,
                target_year=tg.target_year,
                tier=tg.tier,
                attains_if=tg.attains_if,
                method=a.model,
                p_attain=a.p,
                median=a.median,
                assumptions=a.assumptions,
                lower_bound_start=bool(last.bound == "lower"),
            )
        )
    for method in methods:  # other fans, for comparison only: the probabilities above are the assessment's
        if method in ("calibrated", "auto") or method in view.projections:
            continue
        try:
            view.projections[method] = project(
                history, horizon, method, rates=scenario_rates, n_paths=n_paths, seed=seed
            )
        except ValueError as exc:
            view.notes.append(f"{method}: {exc}")
    view.probabilities = pd.DataFrame(rows)
    if last.bound == "lower":
        view.notes.append(
            "the latest actual is a lower bound (突破): the probabilities integrate over its plausible range"
        )
    return view


def target_label(catalog, lang: str = "zh"):
    """A function turning an assessment row into a short label: 'Ganzhou · revenue 2021'."""
    jn, ind, sec = L.jurisdiction_names(catalog, lang), L.indicator_names(catalog, lang), L.sector_names(catalog, lang)

    def label(r) -> str:
        s = f" · {sec.get(r.sector, r.sector)}" if isinstance(r.sector, str) and r.sector else ""
        name = jn.get(r.jurisdiction_code, r.jurisdiction_code)
        if lang == "en":
            name = name.split(" (")[0]
        return f"{r.target_id} {name} · {ind.get(r.indicator_code, r.indicator_code)}{s} {r.target_year}"

    return label


def bounded_figures(catalog, as_of=None, lang: str = "zh", jurisdictions=None) -> pd.DataFrame:
    """Figures known only as bounds or approximately (突破 / 超过 / 左右 / 接近) that an analysis may use."""
    sel = select_actuals(catalog.actuals, as_of) if as_of is not None else select_actuals(catalog.actuals)
    b = sel[sel["bound"].astype(str) != "exact"]
    if jurisdictions is not None:
        b = b[b["jurisdiction_code"].astype(str).isin(list(jurisdictions))]
    names, ind = L.jurisdiction_names(catalog, lang), L.indicator_names(catalog, lang)
    sec = L.sector_names(catalog, lang)
    return pd.DataFrame(
        {
            L.t("jurisdiction", lang): b["jurisdiction_code"].astype(str).map(names),
            L.t("indicator", lang): [
                ind.get(str(i), str(i)) + (f" · {sec.get(s, s)}" if isinstance(s, str) else "")
                for i, s in zip(b["indicator_code"], b["sector"].astype(object))
            ],
            L.t("period", lang): b["period"].astype(str).map(lambda p: L.fmt_period(p, lang)),
            L.t("actual", lang): [L.fmt_value(v, u, lang) for v, u in zip(b["value"], b["unit"])],
            L.t("bound", lang): b["bound"].astype(str).map(lambda x: L.bound_label(x, lang)),
            "id": b["actual_id"],
        }
    ).reset_index(drop=True)
