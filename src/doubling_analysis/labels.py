"""Labels in Chinese and English for tables, charts and the report. Names of places, indicators and sectors
come from the data (name_zh / name_en); this module holds only the words of the interface."""

from __future__ import annotations

import pandas as pd

LANGS = ("zh", "en")

TEXT = {
    "zh": {
        "title": "工业倍增目标进展季度分析", "quarter": "季度", "vintage": "数据版本", "generated": "生成日期",
        "contents": "目录", "summary": "摘要：主要目标", "jurisdiction_pages": "分地区分析",
        "comparison": "地区比较", "consistency": "层级一致性与目标雄心", "appendix_methods": "附录一：方法",
        "appendix_sources": "附录二：资料来源", "gaps": "数据缺口与区间值说明", "failed": "未能完成的部分",
        "target": "目标", "jurisdiction": "地区", "indicator": "指标", "sector": "产业", "year": "目标年",
        "attains_if": "达标条件", "tier": "层次", "latest": "最新实际值", "required_growth": "所需年增速",
        "observed_growth": "实际年增速", "rate_to_go": "剩余所需年增速", "eurostat": "欧盟统计局",
        "unsd": "联合国统计司", "destatis": "德国统计局", "escap": "亚太经社会", "p_attain": "达标概率",
        "outcome": "结果", "note": "说明", "floor": "确保", "stretch": "力争", "achieved": "已实现",
        "missed": "未实现", "likely_achieved": "可能已实现", "likely_missed": "可能未实现", "undetermined": "无法判定", "pending": "进行中", "actual": "实际值",
        "bound_lower": "下限（突破）", "required_path": "达标所需路径", "projection": "预测中位数",
        "interval": "预测区间", "index": "指数（基年=100）", "implied": "目标隐含年增速",
        "own_recorded": "本地区历史增速", "province_recorded": "全省历史增速", "source": "来源",
        "url": "网址", "issuer": "发布单位", "issued": "日期", "n_targets": "目标数", "n_actuals": "实际值数",
        "assessable": "可评估", "not_assessable": "不可评估", "page": "页",
    },
    "en": {
        "title": "Industrial doubling targets: quarterly progress analysis", "quarter": "Quarter",
        "vintage": "Data vintage", "generated": "Generated", "contents": "Contents",
        "summary": "Executive summary: headline targets", "jurisdiction_pages": "Jurisdictions",
        "comparison": "Comparison across jurisdictions", "consistency": "Consistency and ambition",
        "appendix_methods": "Appendix A: methods", "appendix_sources": "Appendix B: sources",
        "gaps": "Where data is missing or only bounded", "failed": "Parts that failed",
        "target": "Target", "jurisdiction": "Jurisdiction", "indicator": "Indicator", "sector": "Sector",
        "year": "Year", "attains_if": "Attained if", "tier": "Tier", "latest": "Latest actual",
        "required_growth": "Required growth", "observed_growth": "Observed growth", "rate_to_go": "Rate to go",
        "eurostat": "Eurostat", "unsd": "UNSD", "destatis": "Destatis", "escap": "ESCAP",
        "p_attain": "P(attain)", "outcome": "Outcome", "note": "Note", "floor": "floor (确保)",
        "stretch": "stretch (力争)", "achieved": "achieved", "missed": "missed", "likely_achieved": "likely achieved",
        "likely_missed": "likely missed", "undetermined": "undetermined",
        "pending": "pending", "actual": "actual", "bound_lower": "lower bound (突破)",
        "required_path": "path required", "projection": "projection (median)", "interval": "projection interval",
        "index": "index (base year = 100)", "implied": "implied annual growth",
        "own_recorded": "own recorded growth", "province_recorded": "province's recorded growth",
        "source": "Source", "url": "URL", "issuer": "Issuer", "issued": "Date", "n_targets": "targets",
        "n_actuals": "actuals", "assessable": "assessable", "not_assessable": "not assessable", "page": "page",
    },
}


def t(key: str, lang: str = "zh") -> str:
    """The interface word ``key`` in ``lang``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return TEXT[lang][key]


def jurisdiction_names(catalog, lang: str = "zh") -> dict[str, str]:
    """Code -> display name: 景德镇市 (zh) or "Jingdezhen (景德镇)" (en)."""
    j = catalog.jurisdictions
    if lang == "zh":
        return dict(zip(j["code"].astype(str), j["name_zh"]))
    short = j["name_zh"].str.replace(r"(省|市|区|县)$", "", regex=True)
    return {c: f"{en} ({zh})" for c, en, zh in zip(j["code"].astype(str), j["name_en"], short)}


def indicator_names(catalog, lang: str = "zh") -> dict[str, str]:
    i = catalog.indicators
    return dict(zip(i["code"].astype(str), i["name_zh" if lang == "zh" else "name_en"]))


def sector_names(catalog, lang: str = "zh") -> dict[str, str]:
    s = catalog.sectors
    return dict(zip(s["code"].astype(str), s["name_zh" if lang == "zh" else "name_en"]))


def fmt_pct(x, digits: int = 1) -> str:
    return "" if x is None or pd.isna(x) else f"{x * 100:.{digits}f}%"


def fmt_num(x) -> str:
    if x is None or pd.isna(x):
        return ""
    x = float(x)
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.4g}"


def fmt_value(x, unit) -> str:
    """A value in its canonical unit for display (fractions as percent)."""
    if x is None or pd.isna(x):
        return ""
    if unit == "ratio":
        return fmt_pct(x)
    return f"{fmt_num(x)} {unit}" if unit and unit not in ("× base",) else (f"{fmt_num(x)}×" if unit == "× base"
                                                                         else fmt_num(x))


