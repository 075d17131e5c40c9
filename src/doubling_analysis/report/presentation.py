"""Presentation: tables formatted for reading, HTML tables with their column widths, headings, CSV files behind
each chart, and the methods text, whose thresholds are read from :mod:`.config` (never restated)."""

from __future__ import annotations

import html
import re

import pandas as pd

from .. import config
from . import labels as L


def present(table: pd.DataFrame, catalog, lang: str = "zh", columns=None) -> pd.DataFrame:
    """An assessment table formatted for reading: names, percentages, no NaN, translated headers."""
    jn, ind, sec = L.jurisdiction_names(catalog, lang), L.indicator_names(catalog, lang), L.sector_names(catalog, lang)
    out = pd.DataFrame(index=table.index)
    out["target"] = table["target_id"]
    out["jurisdiction"] = table["jurisdiction_code"].map(jn)
    out["indicator"] = [
        ind.get(i, i) + (f" · {sec.get(s, s)}" if isinstance(s, str) and s else "")
        for i, s in zip(table["indicator_code"], table["sector"])
    ]
    out["year"] = table["target_year"].astype(str)
    out["attains_if"] = table["attains_if"].fillna("")
    out["tier"] = table["tier"].map(lambda x: L.t(x, lang) if isinstance(x, str) else "")
    out["latest"] = [
        ("" if pd.isna(v) else f"{p}: {L.fmt_value(v, u)}" + (" (≥)" if b == "lower" else ""))
        for p, v, b, u in zip(table["latest_period"], table["latest_value"], table["latest_bound"], table["unit"])
    ]
    for col in ("required_growth", "observed_growth", "rate_to_go"):
        out[col] = table[col].map(L.fmt_pct)
    from ..model.notes import render
    from ..model.progress import REGISTRY

    for key, m in REGISTRY.items():
        out[key] = (
            table[m.category_column].map(lambda c, m=m: m.category_label(c, lang)) if m.category_column in table else ""
        )
    out["p_attain"] = [
        ("" if pd.isna(p) else {"lower": "≥ ", "upper": "≤ "}.get(b, "") + f"{p:.2f}")
        for p, b in zip(table["p_attain"], table["p_bound"])
    ]
    out["outcome"] = table["outcome"].map(lambda x: L.t(x, lang) if isinstance(x, str) else "")
    out["note"] = table["notes"].map(lambda n: render(n, lang)) if "notes" in table else table["note"].fillna("")
    if columns is not None:
        out = out[list(columns)]
    return out.rename(columns={c: L.t(c, lang) for c in out.columns})


# ---- report sections ---------------------------------------------------------------------------------------


def backtest_text(summary: dict | None, lang: str = "zh") -> str:
    """The backtest's summary for the report's methods appendix, beside the probabilities it scores: units,
    intervals and every verdict (:func:`backtest.report_text`)."""
    from ..model.backtest import report_text

    return report_text(summary, lang) if summary else ""


def sources_table(catalog, lang: str = "zh") -> pd.DataFrame:
    s = catalog.sources
    return pd.DataFrame(
        {
            "id": s["source_id"],
            L.t("source", lang): s["title_zh"] if lang == "zh" else s["title_en"],
            L.t("issuer", lang): s["issuer"].fillna(""),
            L.t("issued", lang): s["issued"].fillna(""),
            L.t("url", lang): s["url"].fillna("data/sources/" + s["file"].fillna("")),
        }
    ).reset_index(drop=True)


METHODS_TEXT = {
    "en": """
**Growth.** Required growth = (target / base)^(1/(T − t0)) − 1; observed growth = (latest / base)^(1/(t − t0)) − 1;
rate to go = (target / latest)^(1/(T − t)) − 1. Growth is compound and annual; a doubling over {base}–{horizon}
requires {doubling} % a year. The doubling tracker holds each jurisdiction to its own plan's target on above-scale
industrial revenue (k × the base: k^(1/(T − t0)) − 1; a level: (target / base)^(1/(T − t0)) − 1), and to none when
its plans set none. When the plan's base-year figure is missing, the earliest later figure is the start
(the row says so).

**Reading targets.** 突破 / 超过 = strictly above; 以上 = at least; a plain number = reach at least it;
左右 = within {approx_rel} % (levels) or {approx_pp} percentage point (rates), beating it counts; ranges by their lower end.
确保 marks a floor, 力争 a stretch goal. Outcomes are bound-aware: a figure reported as "突破 1,000" (above 100 bn
yuan) achieves a target of at least 1,000 but cannot decide one of 1,400 (undetermined).

**Progress methods.** Eurostat / Statistics Canada: R = observed / required growth (≥ {eu_on} on track, {eu_acc}–{eu_on}
acceleration needed, 0–{eu_acc} limited progress, < 0 deterioration). UNSD: P = share of the required change reached
by carrying observed growth to the target year (≥ {unsd_on} on track, {unsd_fair}–{unsd_on} fair, below: stagnation). Destatis:
{window}-year trend carried forward, weather symbol by the projected miss (< {sun} % sun, {sun}–{cloudy} % slightly cloudy,
more: cloud, wrong direction: thunderstorm); needs {destatis_points} points. ESCAP: time-weighted regression (recent points weigh
more), anticipated share of the required progress (≥ {escap_keep} maintain, {escap_acc}–{escap_keep} accelerate, < {escap_acc} reverse).

**Probabilities.** Levels and counts follow a random walk with drift in logs ({n_paths_en} seeded paths). Its
volatility is estimated per pool: the series of the same indicator, or of an indicator of the same measure or
included in it (data/concordance.csv), in every jurisdiction, known at the as-of date, with a stated prior
({prior} % a year); no other series can move a target's probability. A series' own drift is shrunk toward its
pool's (toward the stated {drift_prior} % with sd {drift_few} % when the pool has fewer than {pool_min} series). Bounded
figures are censored observations: 突破 X lies between X and (1 + m) X, 接近 X between (1 − m') X and X, where m is
measured from the data's own bound/exact pairs of one figure known at the as-of date ((n + 1)/n × the largest
overshoot, in logs; the stated {upper_prior} % until {pairs_min} pairs are known); a bounded start, base or point of the
drift is drawn within that range ({imputations} imputations for the drift). Growth-rate targets are forecast from
last year's growth (after 2020, by the two-year-average rule), or, within the year, by a year-to-date nowcast whose
error is learned from the pool's year-to-date/final pairs (a rate carried forward for want of an earlier annual
rate has its own, larger error). After the target year, until its figure is published (up to {nowcast_months}
months), p stays a nowcast and says so. Only figures published by the as-of date are used; the backtest below
scores the model on every forecast the data allows.

**Outcomes.** Once the target year is over: achieved or missed when a figure decides it, or when a figure of a
measure that includes the target's or is included in it bounds it to one side (营业收入 includes 主营业务收入: an
operating revenue below a main-revenue target is a miss); likely achieved or likely missed when the decision rests
on a stated judgement (the same measure under another name; the other side of an inclusion; a stock reported in the
target year or within {stock_months} months after it; a target whose remaining growth exceeds the highest annual
growth in the record of its kind; a count one of whose units alone reports as much, named); undetermined otherwise.
An official projection (published before the year ended) never decides; it weighs the probability. A
figure of another scope (产值 vs 营业收入, a cluster vs above-scale industry) is never used.
""",
    "zh": """
**增速。** 所需年增速 = (目标值 / 基期值)^(1/(T − t0)) − 1；实际年增速 = (最新值 / 基期值)^(1/(t − t0)) − 1；
剩余所需年增速 = (目标值 / 最新值)^(1/(T − t)) − 1。三年倍增（{base}—{horizon}年）要求年均增长 {doubling}%。
倍增进度以各地区本身规划中规上工业营业收入的目标衡量（基期的 k 倍：k^(1/(T − t0)) − 1；总量目标：(目标值 / 基期值)^(1/(T − t0)) − 1），
规划未设该目标的地区不以任何增速衡量。
规划基期缺少实际值时，以其后最早的实际值为起点（表中注明）。

**目标的读法。** “突破”“超过”为严格大于；“以上”为不低于；未加修饰的数值视为“达到”；“左右”对总量允许 ±{approx_rel}%，
对增速允许 ±{approx_pp} 个百分点（超过即视为达标）；区间目标以下限判断。“确保”为底线目标，“力争”为争取目标。
结果判断考虑区间：报道为“突破1000亿”的数值可判定“≥1000”的目标已实现，但无法判定“1400亿”的目标（无法判定）。

**进展评估方法。** 欧盟统计局／加拿大统计局：R = 实际增速 / 所需增速（≥{eu_on} 按计划推进；{eu_acc}—{eu_on} 需加速；
0—{eu_acc} 进展有限；<0 倒退）。联合国统计司：按实际增速外推到目标年，P = 已实现的所需变化比例（≥{unsd_on} 达标或按计划；
{unsd_fair}—{unsd_on} 进展尚可；以下为停滞或倒退）。德国统计局：近 {window} 年趋势外推，按预计差距给出天气符号（<{sun}% 晴；{sun}%—{cloudy}% 少云；
更大为多云；方向相反为雷雨），至少需要 {destatis_points} 个数据点。亚太经社会：时间加权回归（近期权重更大），预计完成比例
（≥{escap_keep} 保持；{escap_acc}—{escap_keep} 加速；<{escap_acc} 扭转）。

**达标概率。** 总量与数量按对数随机游走（含漂移）模拟（{n_paths_zh} 条路径，固定随机种子）。波动率按“池”估计：同一指标或同口径、
包含关系指标（data/concordance.csv）在各地区、截至评估日已公布的序列，并与事先设定的先验（每年 {prior}%）结合；其他序列不能改变
目标的概率。单个序列的漂移向其池收缩（池内序列少于 {pool_min} 个时，向设定的 {drift_prior}%、标准差 {drift_few}% 收缩）。区间值作为删失观测：
突破 X 在 X 至 (1+m)X 之间，接近 X 在 (1−m′)X 至 X 之间，m 由评估日已知的同一数值“区间—精确”数据对估计（对数超出幅度最大值 ×
(n+1)/n；数据对少于 {pairs_min} 个时用设定的 {upper_prior}%）；区间值的起点、基期或漂移估计中的数据点在该区间内抽取（漂移估计 {imputations} 次插补）。
增速目标以上年增速预测（2020 年之后按两年平均规则），年内则以累计增速推算全年，其误差由本池“累计—全年”数据对估计（缺少上年增速、
直接沿用累计增速时误差另计，且更大）。目标年结束后、数据公布前（最多 {nowcast_months} 个月），概率为即时预测并注明。只使用截至评估日
已公布的数据；下文的回测检验模型在全部可检验预测上的表现。

**结果判定。** 目标年结束后：有数值可判定，或包含／被包含指标的数值从一侧限定目标指标（营业收入包含主营业务收入：营业收入低于
主营业务收入目标即为未实现）的，为“已实现”或“未实现”；判定依赖已说明的判断（同口径更名指标；包含关系的另一侧；目标年内或年末后
{stock_months} 个月内报告的存量；剩余所需增速超过记录中同类指标的最高年增速；某一下级单位单独报告的数量已不少于整体，并注明）的为
“可能已实现”或“可能未实现”；其余为“无法判定”。官方预计数（年内公布的“预计全年”）不用于判定，只用于概率。
口径不同的数值（产值与营业收入、集群与规上工业）不用于判定。
""",
}


def methods_values() -> dict[str, str]:
    """The numbers the methods text states, read from :mod:`.config` (so the text cannot drift from the code)."""
    c = config
    years = c.DOUBLING_HORIZON - c.DOUBLING_BASE_YEAR
    pct = lambda x: f"{x * 100:g}"  # noqa: E731
    return {
        "base": str(c.DOUBLING_BASE_YEAR),
        "horizon": str(c.DOUBLING_HORIZON),
        "doubling": f"{(2 ** (1 / years) - 1) * 100:.2f}",
        "approx_rel": pct(c.APPROX_TOLERANCE_RELATIVE),
        "approx_pp": pct(c.APPROX_TOLERANCE_POINTS),
        "eu_on": f"{c.EUROSTAT_ON_TRACK:.2f}",
        "eu_acc": f"{c.EUROSTAT_ACCELERATION:.2f}",
        "unsd_on": f"{c.UNSD_ON_TRACK:.2f}",
        "unsd_fair": f"{c.UNSD_FAIR:.2f}",
        "window": str(c.DESTATIS_WINDOW_YEARS),
        "sun": pct(c.DESTATIS_SUN),
        "cloudy": pct(c.DESTATIS_SLIGHTLY_CLOUDY),
        "destatis_points": str(c.DESTATIS_MIN_POINTS),
        "escap_keep": f"{c.ESCAP_MAINTAIN:g}",
        "escap_acc": f"{c.ESCAP_ACCELERATE:g}",
        "n_paths_en": f"{c.N_PATHS:,}".replace(",", " "),
        "n_paths_zh": str(c.N_PATHS),
        "prior": pct(c.VOLATILITY_PRIOR_SD["nominal_level"]),
        "upper_prior": pct(c.LOWER_BOUND_PLAUSIBLE_MARGIN),
        "pairs_min": str(c.BOUND_MARGIN_MIN_PAIRS),
        "imputations": str(c.BOUND_IMPUTATIONS),
        "drift_prior": pct(c.DRIFT_PRIOR_MEAN["nominal_level"]),
        "drift_few": pct(c.DRIFT_PRIOR_SD_FEW_SERIES),
        "pool_min": str(c.DRIFT_POOL_MIN_SERIES),
        "nowcast_months": str(c.P_NOWCAST_MONTHS_AFTER_YEAR),
        "stock_months": str(c.STOCK_WINDOW_MONTHS_AFTER),
    }


def methods_text(lang: str = "zh") -> str:
    return METHODS_TEXT[lang].strip().format(**methods_values())


def save_table(frame: pd.DataFrame, name: str, output_dir: str | None) -> str | None:
    """Write the table behind a chart or a section as CSV (UTF-8 with BOM, so Excel shows Chinese)."""
    if not output_dir:
        return None
    frame = frame.drop(columns=[c for c in ("notes",) if c in frame])  # codes; ``note`` holds their text
    from pathlib import Path

    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    from ..data.io import spreadsheet_safe

    spreadsheet_safe(frame).to_csv(path, index=False, encoding="utf-8-sig")  # issue 20: no formulas
    return str(path)


def html_table(
    frame: pd.DataFrame,
    drop_empty: bool = True,
    drop: tuple = (),
    max_rows: int | None = None,
    full: str = "",
    lang: str = "zh",
) -> str:
    """A plain HTML table with no index and nothing shown as 'nan'; columns with no value at all are left out.
    With ``max_rows``, a longer table shows its first rows and says how many more there are and where (``full``:
    the file with every row)."""
    more = ""
    if max_rows is not None and len(frame) > max_rows:
        more = _more_rows(len(frame) - max_rows, len(frame), full, lang)
        frame = frame.iloc[:max_rows]
    text = frame.drop(columns=[c for c in drop if c in frame]).astype(object).fillna("").astype(str)
    text = text.replace({"nan": "", "<NA>": "", "None": "", "NaT": ""})
    if drop_empty and len(text):
        text = text.loc[:, (text != "").any(axis=0)]
    table = text.to_html(index=False, escape=True, border=0)
    cols = "".join(f'<col style="width:{w:.1f}%">' for w in column_widths(text))
    head, sep, rest = table.partition(">")
    return f"{head}{sep}<colgroup>{cols}</colgroup>{rest}{more}"


def saved_table_html(
    frame: pd.DataFrame, name: str, output_dir: str | None, lang: str = "zh", shown: pd.DataFrame | None = None
) -> str:
    """Save ``frame`` as ``<output_dir>/<name>.csv`` and show it (or ``shown``, its formatted version) as an HTML
    table of at most ``config.REPORT_TABLE_ROWS`` rows that names the CSV file when it is longer."""
    path = save_table(frame, name, output_dir)
    return html_table(frame if shown is None else shown, max_rows=config.REPORT_TABLE_ROWS, full=path or "", lang=lang)


def _more_rows(n_more: int, n_all: int, full: str, lang: str) -> str:
    if lang == "zh":
        text = f"另有 {n_more:,} 行未列出（共 {n_all:,} 行）" + (f"，全部见 {full}。" if full else "。")
    else:
        text = f"{n_more:,} more rows not shown ({n_all:,} in all)" + (f"; every row is in {full}." if full else ".")
    return f"<p class='small'>{html.escape(text)}</p>"


def _display_width(text: str) -> int:
    """Width in half-width cells: a Chinese character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_WORD = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")  # a run a line cannot break (CJK breaks anywhere)


def _longest_word(text: str) -> int:
    words = [len(w) for w in _WORD.findall(text)]
    return max(words + ([2] if _display_width(text) > sum(words) else []), default=0)


def column_widths(text: pd.DataFrame) -> list[float]:
    """Column widths in % of the table, from the text they hold, so that the PDF lays tables out in one pass
    (``table-layout: fixed``) instead of measuring every cell twice. Each column gets at least its longest word
    (ids, codes, dates and numbers never wrap; a URL longer than ``config.TABLE_MAX_WORD`` does), and the rest of
    the line goes to the columns whose typical long cell needs more (widths in half-width characters)."""
    if not len(text.columns):
        return []
    least, want = [], []
    for col in text.columns:
        cells = [str(col), *text[col]]
        word = min(max(_longest_word(c) for c in cells), config.TABLE_MAX_WORD)
        least.append(max(word, config.TABLE_MIN_COLUMN) + config.TABLE_CELL_PADDING)
        typical = float(pd.Series([_display_width(c) for c in text[col]] or [0]).quantile(config.TABLE_CELL_QUANTILE))
        want.append(max(min(typical, config.TABLE_MAX_COLUMN) + config.TABLE_CELL_PADDING - least[-1], 0.0))
    room = config.TABLE_LINE - sum(least)
    more = sum(want)
    widths = [w + (room * x / more if room > 0 and more > 0 else 0.0) for w, x in zip(least, want)]
    total = sum(widths)
    return [100 * w / total for w in widths]


def heading_html(text: str, anchor: str, level: int = 2) -> str:
    """A heading with a stable id (the report's table of contents links to h2 ids)."""
    import html

    return f'<h{level} id="{html.escape(anchor)}">{html.escape(text)}</h{level}>'


def gaps_statement(table: pd.DataFrame, catalog, lang: str = "zh") -> str:
    """A plain statement, per jurisdiction, of how many distinct targets have a figure, figures of another scope
    only, or no public figure at all: the counts of :func:`findings.jurisdiction_counts`, which every page uses."""
    from .findings import jurisdiction_counts

    names = L.jurisdiction_names(catalog, lang)
    lines = []
    for code, c in jurisdiction_counts(table).iterrows():
        text = L.t("gaps_line", lang).format(name=names.get(code, code), d=int(c["targets"]), e=int(c["with_evidence"]))
        if c["lower_bound_only"]:
            text += L.t("gaps_bounded", lang).format(b=int(c["lower_bound_only"]))
        if c["other_scope"]:
            text += L.t("gaps_other_scope", lang).format(other=int(c["other_scope"]))
        text += L.t("gaps_none", lang).format(none=int(c["without_figure"])) if c["without_figure"] else ""
        lines.append(text + ("。" if lang == "zh" else "."))
    return "\n".join(lines)


def left_out_lines(left_out: dict[str, str], names: dict, base_year: int, lang: str = "zh") -> list[str]:
    """Why a jurisdiction has no index base (``views.index_points``' ``left_out``), one line each."""
    lines = []
    for code, why in left_out.items():
        name = names.get(code, code)
        if why.startswith("bound:"):
            aid = why.split(":", 1)[1]
            lines.append(
                f"{name}：{base_year} 年只有区间值（{aid}），区间值不作基期，故未列入"
                if lang == "zh"
                else f"{name}: the {base_year} figure is only a bound ({aid}); a bound is never a base, so left out"
            )
        else:
            lines.append(
                f"{name}：没有 {base_year} 年的数值，也无法由次年数值及其增速推算，故未列入"
                if lang == "zh"
                else f"{name}: no {base_year} figure, and none implied by the next year's level and growth; left out"
            )
    return lines
