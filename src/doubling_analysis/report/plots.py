"""Charts drawn from the library's tables (never from CSV files). Each function returns ``(figure, data)``:
the frame is exactly what the chart shows, so a report can save the table behind every chart.

Chinese labels need a CJK font: :func:`setup_fonts` registers Noto Sans CJK (Debian's fonts-noto-cjk, installed
by the project's set-up) after seaborn's theme, once.
"""

from __future__ import annotations

import glob
import subprocess

import numpy as np
import pandas as pd

from .. import config
from . import labels as L

CJK_FONT_FAMILY = "Noto Sans CJK SC"
_FONT_GLOBS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJK*-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJK*-Regular.otf",
    "/usr/share/fonts/**/SourceHanSans*.otf",
)
_ready = False


class FontMissing(RuntimeError):
    pass


def cjk_font_file() -> str:
    """Path of an installed Noto Sans CJK (or Source Han Sans) font file."""
    for pattern in _FONT_GLOBS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", CJK_FONT_FAMILY], capture_output=True, text=True, timeout=10
        ).stdout
        if "CJK" in out or "SourceHan" in out:
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    raise FontMissing("no CJK font found: install Debian's fonts-noto-cjk (make setup does it when run as root)")


def _tight(fig) -> None:
    """``tight_layout`` once, then no layout engine: it leaves a do-nothing one behind, for which every save and
    inline display would run another layout pass (the picture is the same; the explorer's change is ~25 % faster)."""
    fig.tight_layout()
    fig.set_layout_engine(None)


def setup_fonts():
    """Seaborn's white-grid style (matplotlib's copy of it: importing seaborn itself costs 1.5 s per kernel, so
    the heatmaps are drawn in matplotlib too), then Noto Sans CJK registered with matplotlib as the default sans-serif."""
    global _ready
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    plt.style.use("seaborn-v0_8-whitegrid")
    if not _ready:
        font_manager.fontManager.addfont(cjk_font_file())
        _ready = True
    plt.rcParams["font.family"] = ["sans-serif"]
    plt.rcParams["font.sans-serif"] = [CJK_FONT_FAMILY, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    plt.rcParams["text.parse_math"] = False  # issue 20: a name with $...$ is text, not (crashing) mathtext
    plt.rcParams["figure.dpi"] = 110
    plt.rcParams["savefig.dpi"] = 150
    return plt


def growth_path_chart(
    points: pd.DataFrame,
    targets: pd.DataFrame,
    projection=None,
    required=None,
    title: str = "",
    unit: str = "",
    lang: str = "zh",
):
    """Actuals (lower bounds drawn as ▲ with an arrow up), the path required to the target, the projection fan,
    and floor / stretch targets as markers at their years.

    ``points``: columns t, value, bound, period; ``targets``: columns target_year, value, tier, attains_if;
    ``projection``: a :class:`~doubling_analysis.model.projection.Projection` or None; ``required``: frame t, value.
    """
    plt = setup_fonts()
    fig, ax = plt.subplots(figsize=(7.2, 3.9))
    rows = []
    if projection is not None and len(projection.years):
        s = projection.summary()
        xs = np.concatenate([[projection.start_year], s["year"].to_numpy(float)])
        lo = np.concatenate([[projection.start_value], s["low"]])
        hi = np.concatenate([[projection.start_value], s["high"]])
        med = np.concatenate([[projection.start_value], s["median"]])
        ax.fill_between(xs, lo, hi, color="tab:blue", alpha=0.18, label=L.t("interval", lang))
        ax.plot(xs, med, color="tab:blue", lw=1.8, label=L.t("projection", lang))
        rows += [dict(series="projection", t=x, low=a, median=m, high=b) for x, a, m, b in zip(xs, lo, med, hi)]
    if required is not None and len(required):
        ax.plot(required["t"], required["value"], ls="--", color="gray", lw=1.2, label=L.t("required_path", lang))
        rows += [dict(series="required", t=x, median=v) for x, v in zip(required["t"], required["value"])]
    derived = points["derived"].astype(bool) if "derived" in points else pd.Series(False, index=points.index)
    exact = points[(points["bound"] == "exact") & ~derived]
    if len(exact):
        ax.plot(exact["t"], exact["value"], "o", color="black", ms=6, label=L.t("actual", lang))
    d = points[(points["bound"] == "exact") & derived]
    if len(d):
        ax.plot(d["t"], d["value"], "o", mfc="white", color="black", ms=7, label=L.t("derived_point", lang))
    for bound, mark, arrow, key in (("lower", "^", 1.12, "bound_lower"), ("upper", "v", 0.9, "bound_upper")):
        bounded = points[points["bound"] == bound]
        if len(bounded):
            ax.plot(bounded["t"], bounded["value"], mark, color="tab:red", ms=8, label=L.t(key, lang))
            for x, v in zip(bounded["t"], bounded["value"]):
                ax.annotate("", xy=(x, v * arrow), xytext=(x, v), arrowprops=dict(arrowstyle="->", color="tab:red"))
    rows += [
        dict(series=f"actual ({b})", t=x, median=v, period=p)
        for x, v, b, p in zip(points["t"], points["value"], points["bound"], points["period"])
    ]
    for tg in targets.itertuples(index=False):
        tier = tg.tier if isinstance(tg.tier, str) else None
        color = {"floor": "tab:green", "stretch": "tab:orange"}.get(tier or "", "tab:purple")
        ax.plot(
            [tg.target_year],
            [tg.value],
            marker="*",
            ms=15,
            color=color,
            ls="none",
            label=f"{L.t('target', lang)} {tg.target_year}"
            + (f" — {L.t(tier, lang)}" if tier else "")
            + f": {tg.attains_if}",
        )
        rows.append(dict(series=f"target {tier or ''}".strip(), t=tg.target_year, median=tg.value))
    ax.set_title(title, fontsize=11)
    ax.set_ylabel(unit)
    xs_all = [r["t"] for r in rows if "t" in r]
    if xs_all:
        lo_x, hi_x = min(xs_all), max(xs_all)
        ax.set_xlim(lo_x - 0.5, max(hi_x, lo_x + 1) + 0.5)
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    _place_months(ax, points, lang)
    ax.legend(fontsize=7.5, loc="best", frameon=True)
    _tight(fig)
    return fig, pd.DataFrame(rows)


def month_points(points: pd.DataFrame) -> pd.DataFrame:
    """The monthly readings of a series (``kind`` "month", or a period written YYYY-MM)."""
    if "kind" in points:
        return points[points["kind"] == "month"]
    return points[points["period"].astype(str).str.fullmatch(r"\d{4}-\d{2}")]


def _place_months(ax, points: pd.DataFrame, lang: str) -> None:
    """A series with monthly readings: the axis is time, a year's figure at the year's end (t = year) and a
    month's at the month's end (March 2023 a quarter after the end of 2022). Each tick says "end of year" and
    each monthly reading is labelled with its month, so that it is not read as the year before."""
    months = month_points(points)
    if months.empty:
        return
    for x, v, p in zip(months["t"], months["value"], months["period"]):
        ax.annotate(
            L.fmt_period(str(p), lang),
            (x, v),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=6.5,
            color="dimgray",
        )
    lo, hi = ax.get_xlim()
    years = list(range(int(np.ceil(lo)), int(np.floor(hi)) + 1))
    step = max(1, int(np.ceil(len(years) / 8)))
    years = years[::step]
    ax.set_xticks(years)
    ax.set_xticklabels([L.t("year_end", lang).format(year=y) for y in years], fontsize=7.5)
    ax.set_xlabel(L.t("year_end_axis", lang), fontsize=7.5)


def _heatmap(ax, values: pd.DataFrame, annot, cmap: str, vmin: float, vmax: float) -> None:
    """A labelled heatmap in plain matplotlib (seaborn's look: cells split by white lines, first row on top, each
    cell's text dark or light by its shade); seaborn itself would cost a 1.5 s import (scipy) in each kernel."""
    import matplotlib as mpl
    import numpy as np

    z = values.to_numpy(dtype=float)
    colormap = mpl.colormaps[cmap]
    norm = mpl.colors.Normalize(vmin=vmin, vmax=vmax)
    ax.pcolormesh(np.ma.masked_invalid(z), cmap=colormap, norm=norm, edgecolors="white", linewidth=0.5)
    for (i, j), text in np.ndenumerate(np.asarray(annot, dtype=object)):
        if np.isnan(z[i, j]):
            continue
        r, g, b, _ = colormap(norm(z[i, j]))
        light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.408
        ax.text(
            j + 0.5, i + 0.5, str(text), ha="center", va="center", fontsize=7, color="#262626" if light else "white"
        )
    ax.set_xlim(0, z.shape[1])
    ax.set_ylim(z.shape[0], 0)
    ax.set_xticks(np.arange(z.shape[1]) + 0.5, [str(c) for c in values.columns], rotation=90)
    ax.set_yticks(np.arange(z.shape[0]) + 0.5, [str(i) for i in values.index], rotation=0)
    ax.grid(False)
    for side in ax.spines.values():
        side.set_visible(False)


def coverage_heatmap(catalog, lang: str = "zh", years=None, as_of=None, max_rows: int = config.REPORT_CHART_ROWS):
    """Targets and actuals per jurisdiction and year: where the evidence is (as known at ``as_of``); by default
    every year from the earliest figure or target to the latest. Of more than ``max_rows`` jurisdictions, those
    with the most figures (the title says so; the data returned has every row)."""
    plt = setup_fonts()
    if as_of is not None:
        from ..data.vintage import catalog_as_of

        catalog = catalog_as_of(catalog, as_of)
    names = L.jurisdiction_names(catalog, lang)
    a = catalog.actuals.assign(y=catalog.actuals["year"].astype(int))
    t = catalog.targets.assign(y=catalog.targets["target_year"].astype(int))
    both = pd.concat([a["y"], t["y"]])
    cols = list(years) if years is not None else list(range(int(both.min()), int(both.max()) + 1)) if len(both) else []
    act = pd.crosstab(a["jurisdiction_code"].astype(str), a["y"]).reindex(columns=cols, fill_value=0)
    tgt = pd.crosstab(t["jurisdiction_code"].astype(str), t["y"]).reindex(columns=cols, fill_value=0)
    codes = list(catalog.jurisdictions["code"].astype(str))
    act, tgt = act.reindex(codes, fill_value=0), tgt.reindex(codes, fill_value=0)
    data = pd.concat({L.t("n_actuals", lang): act, L.t("n_targets", lang): tgt}, axis=1)
    note = ""
    if len(codes) > max_rows:
        keep = set(
            (act.sum(axis=1) * 1e6 + tgt.sum(axis=1)).sort_values(ascending=False, kind="stable").index[:max_rows]
        )
        kept = [c for c in codes if c in keep]
        act, tgt = act.loc[kept], tgt.loc[kept]
        note = (
            f"{max_rows} / {len(codes):,} 个地区（数据最多者）"
            if lang == "zh"
            else f"{max_rows} of {len(codes):,} jurisdictions (most figures)"
        )
    fig, axes = plt.subplots(1, 2, figsize=(7.6, 3.8 if not note else 0.16 * max_rows + 1.2), sharey=True)
    if note:
        fig.suptitle(note, fontsize=8)
    for ax, (name, m) in zip(axes, ((L.t("n_actuals", lang), act), (L.t("n_targets", lang), tgt))):
        _heatmap(ax, m.rename(index=names), m.to_numpy(), "Blues", m.to_numpy().min(), m.to_numpy().max())
        ax.set_title(name, fontsize=10)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.tick_params(labelsize=7.5)
    _tight(fig)
    data.index = [names.get(c, c) for c in data.index]
    return fig, data


def index_chart(points: pd.DataFrame, names: dict, base_year: int, title: str = "", lang: str = "zh"):
    """Each jurisdiction's measure indexed to ``base_year`` = 100 (``points`` from :func:`views.index_points`):
    a line through the exact figures, a derived base ○ (level ÷ (1 + reported growth)) or a figure of a
    concordant indicator ○, bounds ▲ (above) / ▼ (just below), never joined to the line."""
    plt = setup_fonts()
    fig, ax = plt.subplots(figsize=(7.2, 3.6))
    rows = []
    for i, (code, g) in enumerate(points.groupby("jurisdiction_code", sort=False)):
        color = f"C{i}"
        g = g.sort_values("t")
        solid = g[g["bound"] == "exact"]
        ax.plot(solid["t"], solid["index"], "-", color=color, label=names.get(code, code))
        exact = solid[~solid["derived"].astype(bool)]
        ax.plot(exact["t"], exact["index"], "o", color=color, ms=5)
        derived = solid[solid["derived"].astype(bool)]
        ax.plot(derived["t"], derived["index"], "o", mfc="white", color=color, ms=7)
        for mark, bound in (("^", "lower"), ("v", "upper")):
            b = g[g["bound"] == bound]
            ax.plot(b["t"], b["index"], mark, color=color, ms=8)
        rows += [
            dict(
                jurisdiction=names.get(code, code),
                year=r.t,
                value=r.value,
                index=r.index,
                bound=r.bound,
                derived=bool(r.derived),
                how=r.how,
                actual_id=r.actual_id,
            )
            for r in g.itertuples(index=False)
        ]
    if len(points):
        ax.plot([], [], "o", mfc="white", color="gray", label=L.t("derived_point", lang))
        if (points["bound"] != "exact").any():
            ax.plot([], [], "^", color="gray", label=L.t("bound_lower", lang))
    ax.axhline(100, color="gray", lw=0.8)
    ax.set_title(title, fontsize=11)
    ax.set_ylabel(
        f"{L.t('index', lang)} ({base_year} = 100)" if lang == "en" else f"{L.t('index', lang)}（{base_year}年=100）"
    )
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    if rows:
        ax.legend(fontsize=8)
    _tight(fig)
    columns = ["jurisdiction", "year", "value", "index", "bound", "derived", "how", "actual_id"]
    return fig, pd.DataFrame(rows, columns=columns)


def _short(text: str, width: int = 46) -> str:
    import textwrap

    return textwrap.shorten(text, width=width, placeholder="…")


def required_vs_observed(table: pd.DataFrame, label_of, lang: str = "zh"):
    """Required, observed and to-go annual growth per target (only rows where one of them is known)."""
    plt = setup_fonts()
    d = table.dropna(subset=["required_growth", "observed_growth", "rate_to_go"], how="all")
    d = d.assign(label=[label_of(r) for r in d.itertuples(index=False)])
    d = d.drop_duplicates(
        subset=[
            "jurisdiction_code",
            "indicator_code",
            "target_year",
            "required_growth",
            "observed_growth",
            "rate_to_go",
        ]
    )
    data = d[["target_id", "label", "required_growth", "observed_growth", "rate_to_go"]].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.2, min(0.4 * max(len(d), 3) + 1.2, 9.5)))
    y = np.arange(len(d))
    for k, (col, color) in enumerate(
        (("required_growth", "gray"), ("observed_growth", "tab:blue"), ("rate_to_go", "tab:red"))
    ):
        ax.barh(y + (k - 1) * 0.26, d[col].fillna(0) * 100, height=0.25, color=color, label=L.t(col, lang))
    ax.set_yticks(y)
    ax.set_yticklabels([_short(x) for x in d["label"]], fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.legend(fontsize=8, loc="best")
    _tight(fig)
    return fig, data


_CATEGORY_SCORE = {
    "met": 4,
    "on_track": 4,
    "acceleration_needed": 2,
    "limited_progress": 1,
    "deterioration": 0,
    "met_or_on_track": 4,
    "fair_progress": 2,
    "stagnation_or_regression": 0,
    "sun": 4,
    "slightly_cloudy": 3,
    "cloud": 1,
    "thunderstorm": 0,
    "maintain": 4,
    "accelerate": 2,
    "reverse_the_trend": 0,
}


def category_heatmap(table: pd.DataFrame, label_of, lang: str = "zh"):
    """Progress category by method for each assessable target (green good, red bad, blank not assessable)."""
    plt = setup_fonts()
    from ..model.progress import REGISTRY

    cols = {m.category_column: m.label[lang] for m in REGISTRY.values()}
    d = table.dropna(subset=list(cols), how="all")
    if d.empty:
        return None, pd.DataFrame(columns=["target_id", *cols.values()])
    labels = [_short(label_of(r)) for r in d.itertuples(index=False)]
    codes = d[list(cols)]
    score = codes.apply(lambda c: c.map(_CATEGORY_SCORE)).astype(float).rename(columns=cols)
    cats = pd.DataFrame(
        {
            cols[m.category_column]: codes[m.category_column].map(lambda c, m=m: m.category_label(c, lang))
            for m in REGISTRY.values()
        },
        index=codes.index,
    )
    fig, ax = plt.subplots(figsize=(7.2, 0.5 * len(d) + 1.4))
    _heatmap(ax, score.set_index(pd.Index(labels)), cats.replace("", "—").to_numpy(), "RdYlGn", 0, 4)
    ax.tick_params(labelsize=8)
    _tight(fig)
    data = cats.assign(target_id=d["target_id"].to_numpy(), label=labels)
    return fig, data


def ambition_chart(amb: pd.DataFrame, label_of, lang: str = "zh", max_rows: int = config.REPORT_CHART_ROWS):
    """Growth each target implies against the jurisdiction's and the province's recorded growth; of more than
    ``max_rows`` targets, the largest implied growth first (the title says so; the data returned has those)."""
    plt = setup_fonts()
    d = amb.drop_duplicates(subset=["jurisdiction_code", "indicator_code", "target_year", "implied_growth"])
    note = ""
    if len(d) > max_rows:
        note = (
            f"隐含增速最高的 {max_rows} 项（共 {len(d):,} 项）"
            if lang == "zh"
            else f"the {max_rows} highest implied growth rates of {len(d):,}"
        )
        d = d.sort_values("implied_growth", ascending=False, kind="stable", na_position="last").iloc[:max_rows]
    d = d.reset_index(drop=True)
    labels = [_short(label_of(r)) for r in d.itertuples(index=False)]
    fig, ax = plt.subplots(figsize=(7.2, min(0.3 * max(len(d), 3) + 1.2, 9.5)))
    y = np.arange(len(d))
    ax.scatter(d["implied_growth"] * 100, y, marker="D", color="tab:red", label=L.t("implied", lang), zorder=3)
    ax.scatter(d["own_recorded_growth"] * 100, y, marker="o", color="tab:blue", label=L.t("own_recorded", lang))
    ax.scatter(d["province_recorded_growth"] * 100, y, marker="s", color="gray", label=L.t("province_recorded", lang))
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.legend(fontsize=8, loc="best")
    if note:
        ax.set_title(note, fontsize=8)
    _tight(fig)
    return fig, d.assign(label=labels)


def doubling_tracker_chart(
    points: pd.DataFrame, summary: pd.DataFrame, names: dict, lang: str = "zh", ncols: int = 3, note: str = ""
):
    """Small multiples: each jurisdiction's measure indexed to its base year = 100 against its own plan's goal
    (dotted line and ★: 200 for a doubling, 100 × target / base for a level target; none when its plans set no
    target on the measure, said in the panel); the path that goal requires (dashed); exact figures ●, a derived
    base ○, bounds ▲ (above) / ▼ (just below); a panel without an exact base says why. ``note``: the chart's title (e.g. which panels a selection shows),
    laid out with the panels."""
    plt = setup_fonts()
    n = len(summary)
    if n == 0:
        return None
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.4, 2.35 * nrows + 0.3), sharey=True, squeeze=False)
    for ax, (_, s) in zip(axes.flat, summary.iterrows()):
        code = s["jurisdiction_code"]
        b = int(s["base_year"])
        kind = s["target_kind"] if "target_kind" in s else "doubling"
        m = float(s["target_multiple"]) if "target_multiple" in s else 2.0
        has_target = kind in ("doubling", "level") and pd.notna(s["target_year"]) and not np.isnan(m)
        T = int(s["target_year"]) if pd.notna(s["target_year"]) else b
        ax.axhline(100, color="gray", lw=0.6)
        if has_target and T > b:  # its own plan's path and goal, never a doubling it did not set
            ax.axhline(100 * m, color="tab:red", lw=0.9, ls=":")
            years = np.arange(b, T + 1)
            ax.plot(years, 100 * m ** ((years - b) / (T - b)), ls="--", color="gray", lw=1.0)
            ax.plot([T], [100 * m], marker="*", ms=9, color="tab:red", ls="none")
        elif kind not in ("doubling", "level"):
            ax.text(
                0.03, 0.95, L.t("no_own_target", lang), ha="left", va="top", fontsize=6.5, color="dimgray",
                transform=ax.transAxes,
            )  # fmt: skip
        pts = points[points["jurisdiction_code"] == code]
        exact = pts[(pts["bound"] == "exact") & ~pts["derived"].astype(bool)]
        ax.plot(exact["t"], exact["index"], "o-", color="black", ms=4, lw=1.0)
        der = pts[pts["derived"].astype(bool)]
        ax.plot(der["t"], der["index"], "o", mfc="white", color="black", ms=5)
        for mark, bound in (("^", "lower"), ("v", "upper")):
            bb = pts[pts["bound"] == bound]
            ax.plot(bb["t"], bb["index"], mark, color="tab:red", ms=6)
        if s["status"] != "ok" and pts.empty:
            ax.text(
                0.5,
                0.5,
                L.t("no_base", lang).format(year=b),
                ha="center",
                va="center",
                fontsize=7.5,
                transform=ax.transAxes,
                wrap=True,
                color="dimgray",
            )
        title = names.get(code, code)
        if s["status"] == "ok":
            title += f"  {s['multiple']:.2f}×" + (f" ({s['span']})" if isinstance(s.get("span"), str) else "")
        ax.set_title(title, fontsize=8.5)
        ax.set_xlim(b - 0.4, max(T, b + 1, int(np.ceil(pts["t"].max())) if len(pts) else T) + 0.4)
        top = max([230.0, 100 * m + 20 if has_target else 0.0] + ([float(pts["index"].max()) + 15] if len(pts) else []))
        ax.set_ylim(80, top)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True, nbins=4))
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    bases = sorted(set(summary["base_year"].astype(int)))
    base = str(bases[0]) if len(bases) == 1 else ("base year" if lang == "en" else "基")  # each panel: its plan's base
    axes[0][0].set_ylabel(
        f"{L.t('index', lang)} ({base} = 100)" if lang == "en" else f"{L.t('index', lang)}（{base}年=100）",
        fontsize=7.5,
    )
    if note:
        fig.suptitle(note, fontsize=9)
    _tight(fig)
    return fig
