"""The scenario explorer: "what growth would it take?" for any live target, live in a browser.

* :func:`explorer_targets` — the targets a scenario can speak to at an as-of date: every counted target still
  pending with a probability in the assessment (levels, counts, doubling multiples, growth rates; sector series;
  the targets of a plan added by CSV), grouped by kind (:data:`KINDS`).
* :class:`Scenario` — the model (the assessment's calibrated model: the same probability as the table), the plan's
  path (the growth still required), or growth rates of the user's own, with an optional shock.
* :func:`evaluate` — one scenario for one target, with the assessment's own attainment function (bounded starts
  integrated over their range); :func:`compare` — several side by side, as a table.
* :func:`save_scenarios` — the comparison written as CSV, with the ``doubling-analysis run`` command line that
  reproduces it headless.
* :func:`build_explorer` — the ipywidgets interface: as-of date, kind, jurisdiction and target pickers, then two
  scenario panels side by side, each with its probability, interval and chart, and a "save" button.
"""

from __future__ import annotations

import html
import io
import math
import shlex
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config, paths
from ..data.io import spreadsheet_safe
from ..model.assess import assess
from ..model.growth import cagr
from ..model.projection import Projection
from ..model.snapshot import context_at, volatility_at
from ..quarters import data_quarters
from ..report import labels as L
from ..report.views import column_map, frame_index, points_frame, rows_by

#: where "save scenario" writes when no output folder is given
SAVE_DIR = str(paths.SCENARIOS)


def interactive(mode: str = "auto") -> bool:
    """Widgets or a static rendering: ``auto`` shows the interface under Voila or a Jupyter server (a browser is
    there), and renders statically under papermill."""
    import os

    if mode in ("widgets", "static"):
        return mode == "widgets"
    return bool(os.environ.get("VOILA_BASE_URL") or os.environ.get("JPY_SESSION_NAME"))


#: target kinds the explorer offers, by the indicator kinds they cover
KINDS = {
    "level": ("level", "money_flow", "area", "relative"),
    "count": ("count",),
    "growth": ("growth_rate",),
}
KIND_LABELS = {
    "zh": {"all": "全部", "level": "总量", "count": "数量", "growth": "增速"},
    "en": {"all": "all", "level": "levels", "count": "counts", "growth": "growth rates"},
}


def _kinds(catalog) -> dict[str, str | None]:
    """Indicator code -> the explorer's kind of target (None: a kind it does not offer); once per indicator table."""

    def build(ind: pd.DataFrame) -> dict[str, str | None]:
        return {
            str(code): next((k for k, kinds in KINDS.items() if str(kind) in kinds), None)
            for code, kind in zip(ind["code"], ind["kind"])
        }

    return frame_index(catalog.indicators, "explorer_kinds", build)


def _table_row(table: pd.DataFrame, target_id: str) -> pd.Series:
    """The assessment's row of a target, by a look-up built once per table (not a filter of the whole table)."""
    pos = rows_by(table, ("target_id",)).get((target_id,))
    if pos is None or not len(pos):
        raise KeyError(target_id)
    return table.iloc[int(pos[0])]


def kind_of(catalog, indicator: str) -> str | None:
    return _kinds(catalog).get(str(indicator))


def target_kind(catalog, target_id: str) -> str | None:
    """The explorer's kind of a target (level, count, growth), from its indicator."""
    t = catalog.targets
    return kind_of(catalog, t.loc[t["target_id"].astype(str) == str(target_id), "indicator_code"].iloc[0])


def explorer_targets(catalog, as_of, kind: str = "all", table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Targets a scenario can speak to at ``as_of``: counted, still pending, with a probability in the assessment
    (its ``p_attain`` is the model scenario's probability); ``kind``: all, level, count or growth."""
    table = assess(catalog, as_of) if table is None else table
    m = (table["outcome"] == "pending") & table["p_attain"].notna() & table["counted"].astype(bool)
    m &= table["applies_to"].isna() | (table["applies_to"] == "")
    out = table[m].assign(kind=lambda t: t["indicator_code"].astype(str).map(_kinds(catalog)))
    out = out[out["kind"].notna()]
    if kind != "all":
        out = out[out["kind"] == kind]
    return out.reset_index(drop=True)


def explorer_quarters(catalog, today=None) -> list[str]:
    """As-of quarters to choose from: from the first document's quarter to the last completed one."""
    return data_quarters(catalog.sources, today)


@dataclass(frozen=True)
class Scenario:
    """``rates`` None: the model; "required": the plan's path (the growth still required each year); else growth
    per remaining year (the last rate repeats)."""

    name: str
    rates: tuple[float, ...] | None = None
    required: bool = False
    shock_year: int | None = None
    shock_size: float = 0.0

    @classmethod
    def parse(cls, name: str, text: str) -> Scenario:
        """'model', 'required' or growth rates as fractions ('0.15' or '0.10,0.12'); a shock as '@2023:-0.10'."""
        spec, _, shock = str(text).strip().partition("@")
        year, size = (int(shock.split(":")[0]), float(shock.split(":")[1])) if shock else (None, 0.0)
        spec = spec.strip().lower()
        if spec in ("", "model"):
            return cls(name, None, False, year, size)
        if spec == "required":
            return cls(name, None, True, year, size)
        try:
            rates = tuple(float(x) for x in spec.split(",") if x.strip())
        except ValueError:
            raise ValueError(
                f"scenario {name}: 'model', 'required' or growth rates like 0.15 or 0.1,0.12, not {text!r}"
            ) from None
        return cls(name, rates, False, year, size)

    def spec(self) -> str:
        base = (
            "required" if self.required else "model" if self.rates is None else ",".join(f"{r:g}" for r in self.rates)
        )
        return base + (f"@{self.shock_year}:{self.shock_size:g}" if self.shock_year and self.shock_size else "")


@dataclass
class ScenarioResult:
    target_id: str
    kind: str
    latest_t: float
    latest_value: float
    latest_bound: str
    target_year: int
    target_value: float
    attains_if: str
    rate_to_go: float
    p_attain: float
    low: float
    median: float
    high: float
    projection: Projection | None
    points: pd.DataFrame
    assumptions: str = ""


def evaluate(
    catalog,
    target_id: str,
    as_of,
    rates,
    shock_year: int | None = None,
    shock_size: float = 0.0,
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    table: pd.DataFrame | None = None,
    context=None,
    volatility=None,
    noise_sd: float | None = None,
) -> ScenarioResult:
    """Project the target's measure under ``rates`` (None: the calibrated model, whose probability is the
    assessment table's at the same paths and seed) and score the target with the assessment's own attainment
    function. Growth-rate targets take the first rate as the year's growth."""
    from ..model.assess import target_attainment

    table = assess(catalog, as_of) if table is None else table
    ctx = context_at(catalog, as_of, context)
    row = _table_row(table, target_id)
    kind = kind_of(catalog, row["indicator_code"]) or "level"
    sector = row["sector"] if isinstance(row["sector"], str) else None
    measure = "growth" if kind == "growth" else "value"
    series = str(row["indicator_code"])
    if kind == "growth":  # a growth target reads the growth of the level it refers to
        ref = column_map(catalog.indicators, "code", "refers_to")[series]
        series = ref if isinstance(ref, str) else series
    pts = points_frame(catalog, row["jurisdiction_code"], series, sector, as_of, measure=measure, context=ctx)
    pts = pts[pts["t"] <= row["target_year"]]
    T = int(row["target_year"])
    shocks = {int(shock_year): float(shock_size)} if shock_year and shock_size else None
    a = target_attainment(
        catalog,
        target_id,
        as_of,
        rates=None if rates is None else list(rates),
        shocks=shocks,
        n_paths=n_paths,
        seed=seed,
        context=ctx,
        volatility=volatility,
        noise_sd=noise_sd,
    )
    if a is None:
        raise ValueError(f"{target_id}: no probability can be computed as of {as_of} (see its note in the assessment)")
    last = pts.iloc[-1] if len(pts) else None
    target_value = float(row["target_value"])
    to_go = (
        float(cagr(last.value, target_value, T - last.t))
        if kind != "growth" and last is not None and T > last.t
        else math.nan
    )
    return ScenarioResult(
        target_id,
        kind,
        float(last.t) if last is not None else math.nan,
        float(last.value) if last is not None else math.nan,
        str(last.bound) if last is not None else "",
        T,
        target_value,
        str(row["attains_if"]),
        to_go,
        float(a.p),
        float(a.low),
        float(a.median),
        float(a.high),
        a.projection,
        pts,
        a.assumptions,
    )


def scenario_rates(scenario: Scenario, model: ScenarioResult) -> list[float] | None:
    """The rates a scenario stands for, given the model's result (for the plan's path: the growth to go, or for a
    growth target its own rate)."""
    if scenario.required:
        return [model.target_value if model.kind == "growth" else model.rate_to_go]
    return None if scenario.rates is None else list(scenario.rates)


def compare(
    catalog,
    target_id: str,
    as_of,
    scenarios: list[Scenario],
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    table=None,
    context=None,
    volatility=None,
) -> tuple[pd.DataFrame, list[ScenarioResult]]:
    """The scenarios side by side: one row each (probability, interval, rates used) and their results."""

    table = assess(catalog, as_of) if table is None else table
    ctx = context_at(catalog, as_of, context)
    vol = volatility_at(ctx, volatility)
    kw = dict(n_paths=n_paths, seed=seed, table=table, context=ctx, volatility=vol)
    model: ScenarioResult | None = None  # computed when a scenario needs it (the model itself, the plan's path)
    rows, results = [], []
    for sc in scenarios:
        if sc.rates is None and model is None:
            model = evaluate(catalog, target_id, as_of, None, **kw)
        rates = scenario_rates(sc, model) if model is not None else list(sc.rates or ())
        if rates is None and not sc.shock_size and model is not None:
            r = model
        else:
            r = evaluate(catalog, target_id, as_of, rates, sc.shock_year, sc.shock_size, **kw)
        results.append(r)
        rows.append(
            dict(
                scenario=sc.name,
                spec=sc.spec(),
                rates="model" if rates is None else ", ".join(f"{x:.1%}" for x in rates),
                target_id=target_id,
                as_of=str(as_of),
                target_year=r.target_year,
                attains_if=r.attains_if,
                p_attain=r.p_attain,
                low=r.low,
                median=r.median,
                high=r.high,
                rate_to_go=r.rate_to_go,
                n_paths=n_paths,
                seed=seed,
                assumptions=r.assumptions,
            )
        )
    return pd.DataFrame(rows), results


def present_comparison(table: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The comparison for reading: scenario, rates, probability, interval, growth to go."""
    zh = lang == "zh"
    return pd.DataFrame(
        {
            "情景" if zh else "scenario": table["scenario"] + ": " + table["spec"],
            "增速" if zh else "growth": table["rates"].replace({"model": "模型" if zh else "model"}),
            L.t("p_attain", lang): table["p_attain"].map(lambda p: f"{p:.3f}"),
            L.t("interval", lang): [f"[{L.fmt_num(a)}, {L.fmt_num(b)}]" for a, b in zip(table["low"], table["high"])],
            L.t("rate_to_go", lang): table["rate_to_go"].map(lambda g: "" if pd.isna(g) else f"{g:.1%}"),
        }
    )


def reproduce_command(as_of, target_id: str, scenarios: list[Scenario], lang: str = "zh") -> str:
    """The command line that renders the same comparison headless."""
    args = ["doubling-analysis", "run", "06_scenario_explorer", "-p", "mode", "static"]
    args += ["-p", "as_of", str(as_of), "-p", "target", target_id, "-p", "lang", lang]
    for key, sc in zip(("scenario_a", "scenario_b"), scenarios):
        args += ["-p", key, sc.spec()]
    return shlex.join(args)


def save_scenarios(folder, table: pd.DataFrame, command: str) -> Path:
    """Write the comparison (parameters and results) as CSV, the reproducing command line in its last column."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    r = table.iloc[0]
    path = folder / f"scenario_{r['target_id']}_{str(r['as_of']).replace('/', '-')}.csv"
    spreadsheet_safe(table.assign(reproduce=command)).to_csv(path, index=False, encoding="utf-8-sig")  # issue 20
    return path


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
    from ..model.evidence import build_context
    from ..model.volatility import estimate

    table = assess(catalog, as_of)
    ctx = build_context(catalog, as_of)
    vol = estimate(ctx)
    kw = dict(n_paths=n_paths, seed=seed, table=table, context=ctx, volatility=vol)
    first = evaluate(catalog, target_id, as_of, [0.0], **{**kw, "n_paths": 10})
    year = int(first.projection.years[0]) if first.projection is not None and len(first.projection.years) else None
    rows = []
    for g in growths:
        rec = {"growth": g}
        for sh in shocks:
            rec[f"shock {sh:+.0%}"] = evaluate(catalog, target_id, as_of, [g], year, sh, **kw).p_attain
        rows.append(rec)
    return pd.DataFrame(rows)


def scenario_chart(result: ScenarioResult, title: str = "", unit: str = "", lang: str = "zh"):
    """A level target: the growth-path chart (figures, fan, path required, target). A growth target: the yearly
    growth figures, the target rate and the scenario's interval for the target year."""
    from ..report.plots import growth_path_chart, setup_fonts

    target = pd.DataFrame(
        [
            {
                "target_year": result.target_year,
                "value": result.target_value,
                "tier": None,
                "attains_if": result.attains_if,
            }
        ]
    )
    if result.kind == "growth":
        plt = setup_fonts()
        fig, ax = plt.subplots(figsize=(5.6, 3.4))
        pts = result.points[result.points["kind"] == "year"]
        ax.plot(pts["t"], 100 * pts["value"], "o-", color="black", ms=5, label=L.t("actual", lang))
        ax.errorbar(
            [result.target_year],
            [100 * result.median],
            yerr=[[100 * (result.median - result.low)], [100 * (result.high - result.median)]],
            fmt="s",
            color="tab:blue",
            capsize=4,
            label=L.t("interval", lang),
        )
        ax.axhline(
            100 * result.target_value, color="tab:orange", ls="--", label=f"{L.t('target', lang)}: {result.attains_if}"
        )
        ax.set_title(title, fontsize=10)
        ax.set_ylabel("%")
        ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
        ax.legend(fontsize=7.5)
        fig.tight_layout()
        data = pd.DataFrame(
            {
                "t": [*pts["t"], result.target_year],
                "growth": [*pts["value"], result.median],
                "series": [*["actual"] * len(pts), "scenario median"],
            }
        )
        return fig, data
    req = None
    if not math.isnan(result.rate_to_go):
        years = np.arange(math.floor(result.latest_t) + 1, result.target_year + 1)
        req = pd.DataFrame(
            {
                "t": np.concatenate([[result.latest_t], years]),
                "value": np.concatenate(
                    [[result.latest_value], result.latest_value * (1 + result.rate_to_go) ** (years - result.latest_t)]
                ),
            }
        )
    return growth_path_chart(result.points, target, result.projection, req, title=title, unit=unit, lang=lang)


#: PNG compression of the explorer's charts: zlib's fastest level (files about an eighth larger than at the default
#: level 6, encoded in about 60 % of its time); the image is the same
CHART_PNG_COMPRESSION = 1


def chart_png(fig, dpi: float | None = None) -> bytes:
    """A chart as the explorer shows it: a PNG at the figure's own resolution (``dpi`` None: 110 dpi from
    :func:`plots.setup_fonts`, the size at which the notebook's inline display showed the explorer's charts), drawn
    once. ``tight_layout`` leaves matplotlib's place-holder layout engine on the figure, and ``savefig`` runs a
    whole extra (not painted) pass over a figure with a layout engine before drawing it, for the engine to lay it
    out; the place-holder lays out nothing, so it is removed first (the image is the same, pixel for pixel)."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    if isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine):
        fig.set_layout_engine(None)
    buf = io.BytesIO()
    fig.savefig(
        buf, format="png", dpi=fig.dpi if dpi is None else dpi, pil_kwargs={"compress_level": CHART_PNG_COMPRESSION}
    )
    return buf.getvalue()


# ---- the interface ----------------------------------------------------------------------------------------------


def _panel_text(key: str, lang: str) -> str:
    zh = {
        "model": "模型（与评估表相同）",
        "required": "规划路径（剩余所需增速）",
        "custom": "自定增速",
        "growth": "每年增速",
        "save": "保存情景",
        "saved": "已保存",
        "no_live": "该评估日没有尚在进行、可计算概率的目标；请选择更早的评估日。",
        "as_of": "评估日",
        "kind": "类别",
    }
    en = {
        "model": "model (as in the assessment)",
        "required": "the plan's path (growth still required)",
        "custom": "my growth",
        "growth": "growth a year",
        "save": "save scenario",
        "saved": "saved",
        "no_live": "No target is still open with a probability at this as-of date; choose an earlier one.",
        "as_of": "as of",
        "kind": "kind",
    }
    return (zh if lang == "zh" else en)[key]


def build_explorer(
    catalog,
    as_of,
    default_target: str | None = None,
    lang: str = "zh",
    n_paths: int = config.N_PATHS,
    seed: int = config.SEED,
    save_dir: str = "scenarios",
    scenario_b: str = "required",
):
    """The ipywidgets interface (see the module docstring); every change recomputes (well under a second)."""
    import ipywidgets as W
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    from ..model.evidence import build_context
    from ..model.volatility import estimate
    from ..report.views import target_label

    jn = L.jurisdiction_names(catalog, lang)
    label = target_label(catalog, lang)
    state: dict = {"busy": False}

    as_of_w = W.Dropdown(options=explorer_quarters(catalog), value=str(as_of), description=_panel_text("as_of", lang))
    as_of_w.add_class("da-asof")
    kind_w = W.Dropdown(
        options=[(v, k) for k, v in KIND_LABELS[lang].items()], value="all", description=_panel_text("kind", lang)
    )
    kind_w.add_class("da-kind")
    jur_w = W.Dropdown(description=L.t("jurisdiction", lang))
    target_w = W.Dropdown(description=L.t("target", lang), layout=W.Layout(width="95%"))
    target_w.add_class("da-target")
    message = W.HTML()

    def panel(key: str, default: str):
        mode = W.ToggleButtons(
            options=[(_panel_text(m, lang), m) for m in ("model", "required", "custom")],
            value=default if default in ("model", "required") else "custom",
            style={"button_width": "auto"},
        )
        growth = W.FloatSlider(
            value=0.10,
            min=-0.2,
            max=0.6,
            step=0.01,
            readout_format=".0%",
            continuous_update=False,
            description=_panel_text("growth", lang),
        )
        info, out = W.HTML(), W.Output(layout=W.Layout(min_height="300px"))
        out.add_class("da-chart")
        box = W.VBox(
            [W.HTML(f"<b>{'情景' if lang == 'zh' else 'Scenario'} {key.upper()}</b>"), mode, growth, info, out]
        )
        box.add_class(f"da-panel-{key}")
        box.layout = W.Layout(width="50%")
        return {"mode": mode, "growth": growth, "info": info, "out": out, "box": box}

    panels = {"a": panel("a", "model"), "b": panel("b", scenario_b)}
    save = W.Button(description=_panel_text("save", lang), icon="save")
    save.add_class("da-save")
    saved = W.HTML()

    def scenario(key: str) -> Scenario:
        p = panels[key]
        if p["mode"].value == "custom":
            return Scenario(key.upper(), (float(p["growth"].value),))
        return Scenario(key.upper(), None, p["mode"].value == "required")

    def refresh_panel(key: str) -> None:
        if state["busy"] or target_w.value is None:
            return
        p = panels[key]
        p["growth"].layout.display = "" if p["mode"].value == "custom" else "none"
        table, results = compare(
            catalog,
            target_w.value,
            state["as_of"],
            [scenario(key)],
            n_paths=n_paths,
            seed=seed,
            table=state["table"],
            context=state["ctx"],
            volatility=state["vol"],
        )
        r, row = results[0], table.iloc[0]
        state[f"result_{key}"] = row
        to_go = "" if math.isnan(r.rate_to_go) else f" · {L.t('rate_to_go', lang)} {r.rate_to_go:.1%}"
        rates = "" if row["rates"] == "model" else f" · {html.escape(str(row['rates']))}"
        p["info"].value = (
            f"<div class='da-info'>{L.t('p_attain', lang)}: <b class='da-p-attain'>{r.p_attain:.3f}</b>"
            f" · {L.t('interval', lang)} [{L.fmt_num(r.low)}, {L.fmt_num(r.high)}]{to_go}{rates}</div>"
        )
        with p["out"]:
            p["out"].clear_output(wait=True)
            pos = rows_by(state["table"], ("target_id",))[(target_w.value,)][:1]
            row = next(state["table"].iloc[pos].itertuples(index=False))
            fig, _ = scenario_chart(r, title=label(row), unit=L.unit_label(str(row.unit), lang), lang=lang)
            display(Image(chart_png(fig), format="png"))
            plt.close(fig)

    def refresh_all(*_):
        for key in panels:
            refresh_panel(key)

    def set_targets(*_):
        choices = state["choices"]
        sub = choices if kind_w.value == "all" else choices[choices["kind"] == kind_w.value]
        sub = sub[sub["jurisdiction_code"] == jur_w.value] if jur_w.value else sub
        state["busy"] = True
        target_w.options = [(f"{label(r)}: {r.attains_if}", r.target_id) for r in sub.itertuples(index=False)]
        if default_target in [v for _, v in target_w.options]:
            target_w.value = default_target
        state["busy"] = False
        refresh_all()

    def set_jurisdictions(*_):
        choices = state["choices"]
        sub = choices if kind_w.value == "all" else choices[choices["kind"] == kind_w.value]
        state["busy"] = True
        codes = list(dict.fromkeys(sub["jurisdiction_code"]))
        keep = jur_w.value if jur_w.value in codes else None
        jur_w.options = [(KIND_LABELS[lang]["all"], "")] + [(jn.get(c, c), c) for c in codes]
        wanted = choices.loc[choices["target_id"] == default_target, "jurisdiction_code"]
        jur_w.value = keep or (wanted.iloc[0] if len(wanted) and wanted.iloc[0] in codes else "")
        state["busy"] = False
        message.value = "" if codes else f"<div class='da-message'>{_panel_text('no_live', lang)}</div>"
        set_targets()

    def set_as_of(*_):
        state["as_of"] = as_of_w.value
        state["table"] = assess(catalog, as_of_w.value)
        state["ctx"] = build_context(catalog, as_of_w.value)
        state["vol"] = estimate(state["ctx"])
        state["choices"] = explorer_targets(catalog, as_of_w.value, table=state["table"])
        rows_by(state["table"], ("target_id",))  # the table's look-up by target, built once here, not at a change
        set_jurisdictions()

    def on_save(*_):
        sc = [scenario("a"), scenario("b")]
        table, _ = compare(
            catalog,
            target_w.value,
            state["as_of"],
            sc,
            n_paths=n_paths,
            seed=seed,
            table=state["table"],
            context=state["ctx"],
            volatility=state["vol"],
        )
        command = reproduce_command(state["as_of"], target_w.value, sc, lang)
        path = save_scenarios(save_dir, table, command)
        saved.value = (
            f"<div class='da-saved'>{_panel_text('saved', lang)}: {html.escape(str(path))}<br>"
            f"<code>{html.escape(command)}</code></div>"
        )

    as_of_w.observe(set_as_of, names="value")
    kind_w.observe(set_jurisdictions, names="value")
    jur_w.observe(set_targets, names="value")
    target_w.observe(refresh_all, names="value")
    for key, p in panels.items():
        p["mode"].observe(lambda *_, k=key: refresh_panel(k), names="value")
        p["growth"].observe(lambda *_, k=key: refresh_panel(k), names="value")
    save.on_click(on_save)
    set_as_of()
    return W.VBox(
        [
            W.HBox([as_of_w, kind_w, jur_w]),
            target_w,
            message,
            W.HBox([panels["a"]["box"], panels["b"]["box"]]),
            W.HBox([save, saved]),
        ]
    )
