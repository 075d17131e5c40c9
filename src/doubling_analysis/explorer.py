"""The scenario explorer: "what growth would it take?" for one target, live in JupyterLab.

:func:`evaluate` is the computation (fast: one vectorised projection, ~ms); :func:`scenario_grid` is the static
grid of scenarios that a headless run (papermill) renders; :func:`build_explorer` returns the ipywidgets
interface (jurisdiction, indicator and target pickers, one growth slider per remaining year, a shock year and
size), whose chart, rate to go and probability update on every change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import config
from . import labels as L
from .assess import assess
from .growth import cagr
from .projection import Projection
from .views import points_frame


def explorer_targets(catalog, as_of) -> pd.DataFrame:
    """Targets the explorer can work on: whole-jurisdiction level targets with a known actual before the
    target year, as of ``as_of``."""
    table = assess(catalog, as_of, projection_method="none")
    kinds = dict(zip(catalog.indicators["code"].astype(str), catalog.indicators["kind"].astype(str)))
    m = table["latest_value"].notna() & (table["outcome"] == "pending")
    m &= table["applies_to"].isna() | (table["applies_to"] == "")
    m &= table["indicator_code"].map(kinds).isin(["level", "count", "area", "money_flow"])
    m &= table["per"].isna()
    return table[m].reset_index(drop=True)


@dataclass
class ScenarioResult:
    target_id: str
    latest_t: float
    latest_value: float
    latest_bound: str
    target_year: int
    target_value: float
    attains_if: str
    rate_to_go: float
    p_attain: float
    projection: Projection
    points: pd.DataFrame


def evaluate(
    catalog,
    target_id: str,
    as_of,
    rates,
    shock_year: int | None = None,
    shock_size: float = 0.0,
    n_paths: int = config.EXPLORER_PATHS,
    seed: int = config.SEED,
    table: pd.DataFrame | None = None,
    context=None,
    volatility=None,
    noise_sd: float | None = None,
) -> ScenarioResult:
    """Project the target's measure with scenario growth (and a shock) and the calibrated noise, and score the
    target with the assessment's own attainment function (bounded starts integrated over their range)."""
    from .assess import target_attainment

    table = assess(catalog, as_of, projection_method="none") if table is None else table
    row = table.set_index("target_id").loc[target_id]
    pts = points_frame(
        catalog,
        row["jurisdiction_code"],
        row["indicator_code"],
        row["sector"] if isinstance(row["sector"], str) else None,
        as_of,
    )
    pts = pts[pts["t"] <= row["target_year"]]
    last = pts.iloc[-1]
    T = int(row["target_year"])
    shocks = {int(shock_year): float(shock_size)} if shock_year and shock_size else None
    a = target_attainment(
        catalog,
        target_id,
        as_of,
        rates=list(rates),
        shocks=shocks,
        n_paths=n_paths,
        seed=seed,
        context=context,
        volatility=volatility,
        noise_sd=noise_sd,
    )
    if a is None or a.projection is None:
        raise ValueError(f"{target_id}: no level series to project as of {as_of} (see its note in the assessment)")
    return ScenarioResult(
        target_id,
        float(last.t),
        float(last.value),
        str(last.bound),
        T,
        float(row["target_value"]),
        str(row["attains_if"]),
        float(cagr(last.value, row["target_value"], T - last.t)),
        float(a.p),
        a.projection,
        pts,
    )


def scenario_grid(
    catalog,
    target_id: str,
    as_of,
    growths=(0.0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40),
    shocks=(0.0, -0.05, -0.10),
    n_paths: int = config.EXPLORER_PATHS,
    seed: int = config.SEED,
) -> pd.DataFrame:
    """P(attain) for constant scenario growth (rows) and a shock in the first projected year (columns)."""
    from .evidence import build_context
    from .volatility import estimate

    table = assess(catalog, as_of, projection_method="none")
    ctx = build_context(catalog, as_of)
    vol = estimate(ctx)
    first = evaluate(
        catalog, target_id, as_of, [0.0], n_paths=10, table=table, context=ctx, volatility=vol
    ).projection.years
    year = int(first[0]) if len(first) else None
    rows = []
    for g in growths:
        rec = {"growth": g}
        for sh in shocks:
            r = evaluate(
                catalog,
                target_id,
                as_of,
                [g],
                year,
                sh,
                n_paths=n_paths,
                seed=seed,
                table=table,
                context=ctx,
                volatility=vol,
            )
            rec[f"shock {sh:+.0%}"] = r.p_attain
        rows.append(rec)
    return pd.DataFrame(rows)


def scenario_chart(result: ScenarioResult, title: str = "", unit: str = "", lang: str = "zh"):
    from .plots import growth_path_chart

    targets = pd.DataFrame(
        [
            {
                "target_year": result.target_year,
                "value": result.target_value,
                "tier": None,
                "attains_if": result.attains_if,
            }
        ]
    )
    years = np.arange(math.floor(result.latest_t) + 1, result.target_year + 1)
    req = pd.DataFrame(
        {
            "t": np.concatenate([[result.latest_t], years]),
            "value": np.concatenate(
                [[result.latest_value], result.latest_value * (1 + result.rate_to_go) ** (years - result.latest_t)]
            ),
        }
    )
    return growth_path_chart(result.points, targets, result.projection, req, title=title, unit=unit, lang=lang)


def build_explorer(
    catalog,
    as_of,
    default_target: str | None = None,
    lang: str = "zh",
    n_paths: int = config.EXPLORER_PATHS,
    seed: int = config.SEED,
):
    """The ipywidgets interface; every change recomputes (well under a second) and redraws."""
    import ipywidgets as W
    import matplotlib.pyplot as plt
    from IPython.display import display

    table = assess(catalog, as_of, projection_method="none")
    from .evidence import build_context
    from .volatility import estimate

    ctx = build_context(catalog, as_of)
    vol = estimate(ctx)
    choices = explorer_targets(catalog, as_of)
    if choices.empty:
        return W.HTML("<b>No target has an actual to start from at this as-of date.</b>")
    jn, ind = L.jurisdiction_names(catalog, lang), L.indicator_names(catalog, lang)
    default = choices[choices["target_id"] == default_target]
    default = default.iloc[0] if len(default) else choices.iloc[0]

    jur = W.Dropdown(
        options=[(jn[c], c) for c in dict.fromkeys(choices["jurisdiction_code"])],
        value=default["jurisdiction_code"],
        description=L.t("jurisdiction", lang),
    )
    indicator = W.Dropdown(description=L.t("indicator", lang))
    target = W.Dropdown(description=L.t("target", lang))
    sliders_box = W.VBox()
    shock_year = W.Dropdown(description="冲击年份" if lang == "zh" else "shock year")
    shock = W.FloatSlider(
        value=0.0,
        min=-0.3,
        max=0.1,
        step=0.01,
        description="冲击幅度" if lang == "zh" else "shock",
        readout_format=".0%",
    )
    info = W.HTML()
    out = W.Output(layout=W.Layout(min_height="380px"))
    out.add_class("da-chart")
    state = {"busy": False}

    def refresh(*_):
        if state["busy"] or target.value is None:
            return
        rates = [s.value for s in sliders_box.children]
        r = evaluate(
            catalog,
            target.value,
            as_of,
            rates,
            shock_year.value,
            shock.value,
            n_paths=n_paths,
            seed=seed,
            context=ctx,
            volatility=vol,
            table=table,
        )
        per_year = "每年" if lang == "zh" else " a year"
        bound = (
            ("（起点为下限值，实际所需增速可能更低）" if lang == "zh" else " (from a lower bound: at most this)")
            if r.latest_bound == "lower"
            else ""
        )
        info.value = (
            f"<div class='da-info'>{L.t('rate_to_go', lang)}: <b class='da-rate-to-go'>"
            f"{r.rate_to_go:.1%}</b>{per_year}{bound} &nbsp;·&nbsp; {L.t('p_attain', lang)}: "
            f"<b class='da-p-attain'>{r.p_attain:.3f}</b> &nbsp;·&nbsp; {L.t('attains_if', lang)} "
            f"{r.attains_if} ({r.target_year})</div>"
        )
        with out:
            out.clear_output(wait=True)
            row = table.set_index("target_id").loc[target.value]
            fig, _ = scenario_chart(
                r,
                title=f"{jn[row['jurisdiction_code']]} · {ind[row['indicator_code']]}",
                unit=str(row["unit"]),
                lang=lang,
            )
            display(fig)
            plt.close(fig)

    def set_target_options(*_):
        sub = choices[(choices["jurisdiction_code"] == jur.value) & (choices["indicator_code"] == indicator.value)]
        state["busy"] = True
        target.options = [
            (f"{r.target_id}: {r.attains_if} ({r.target_year})", r.target_id) for r in sub.itertuples(index=False)
        ]
        state["busy"] = False
        set_sliders()

    def set_indicator_options(*_):
        sub = choices[choices["jurisdiction_code"] == jur.value]
        state["busy"] = True
        indicator.options = [(ind[c], c) for c in dict.fromkeys(sub["indicator_code"])]
        state["busy"] = False
        set_target_options()

    def set_sliders(*_):
        if target.value is None:
            return
        r = evaluate(catalog, target.value, as_of, [0.0], n_paths=10, table=table, context=ctx, volatility=vol)
        years = [int(y) for y in r.projection.years]
        state["busy"] = True
        sliders = []
        for y in years:
            s = W.FloatSlider(
                value=round(min(max(r.rate_to_go, -0.2), 0.5) * 0.8, 2),
                min=-0.2,
                max=0.6,
                step=0.01,
                description=f"{y}",
                readout_format=".0%",
                continuous_update=False,
            )
            s.observe(refresh, names="value")
            sliders.append(s)
        sliders_box.children = sliders
        shock_year.options = [("—", None)] + [(str(y), y) for y in years]
        shock_year.value = None
        state["busy"] = False
        refresh()

    jur.observe(set_indicator_options, names="value")
    indicator.observe(set_target_options, names="value")
    target.observe(set_sliders, names="value")
    shock_year.observe(refresh, names="value")
    shock.continuous_update = False
    shock.observe(refresh, names="value")

    state["busy"] = True
    indicator.options = [
        (ind[c], c) for c in dict.fromkeys(choices[choices["jurisdiction_code"] == jur.value]["indicator_code"])
    ]
    indicator.value = default["indicator_code"]
    state["busy"] = False
    set_target_options()
    if default["target_id"] in [v for _, v in target.options]:
        target.value = default["target_id"]
    growth_label = W.HTML(f"<b>{'每年增速' if lang == 'zh' else 'growth per year'}</b>")
    return W.VBox([W.HBox([jur, indicator]), target, growth_label, sliders_box, W.HBox([shock_year, shock]), info, out])
