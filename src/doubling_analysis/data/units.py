"""Units of measure and their conversion to each indicator's canonical unit.

Every unit the data may use is listed here with its dimension and its factor to the dimension's base unit.
Money is converted to 亿元 (10^8 yuan); percentages and percentage points to fractions ("ratio"); counts to
plain counts; areas to the indicator's own unit. A unit that is not listed is a validation error, so that
亿元, 万元 and 万亿元 can never be mixed silently.
"""

from __future__ import annotations

import math

# unit -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    # money, base 亿元 (100 million yuan)
    "亿元": ("money", 1.0),
    "万元": ("money", 1e-4),
    "元": ("money", 1e-8),
    "万亿元": ("money", 1e4),
    "千亿元": ("money", 1e3),
    "百亿元": ("money", 1e2),
    "RMB bn": ("money", 10.0),  # 1 billion yuan = 10 亿元
    # 兆 of a Taiwanese page (1.56兆元, or the gloss 5萬億（兆）元) is 10^12: 1 兆元 = 1 万亿元 (issue 22, batch 5)
    "兆元": ("money", 1e4),
    # US dollars (进出口总值为1439.5亿美元): a currency of its own, never converted to yuan (no exchange rate here)
    "美元": ("money_usd", 1e-8),
    "万美元": ("money_usd", 1e-4),
    "亿美元": ("money_usd", 1.0),
    # patacas, Hong Kong dollars and New Taiwan dollars written as such (35.2億澳門元, 120亿港元, 3000億新臺幣): each a
    # currency of its own, never converted to yuan (issue 22)
    "澳门元": ("money_mop", 1e-8),
    "万澳门元": ("money_mop", 1e-4),
    "亿澳门元": ("money_mop", 1.0),
    "港元": ("money_hkd", 1e-8),
    "万港元": ("money_hkd", 1e-4),
    "亿港元": ("money_hkd", 1.0),
    "新台币": ("money_twd", 1e-8),
    "万新台币": ("money_twd", 1e-4),
    "亿新台币": ("money_twd", 1.0),
    # ratios, base: a fraction (0.085 = 8.5 %)
    "%": ("ratio", 0.01),
    "pp": ("ratio", 0.01),  # percentage points, for changes of a share
    "‰": ("ratio", 0.001),  # per mille, for birth and death rates of a bulletin (出生率为3.59‰)
    "ratio": ("ratio", 1.0),
    # counts, base: one item
    "户": ("count", 1.0),
    "家": ("count", 1.0),
    "个": ("count", 1.0),
    "项": ("count", 1.0),
    "座": ("count", 1.0),
    "名": ("count", 1.0),
    "人": ("count", 1.0),
    "次": ("count", 1.0),
    "场": ("count", 1.0),
    "所": ("count", 1.0),
    "间": ("count", 1.0),  # 12間獨角獸企業 (Hong Kong: 间 counts firms as 家; issue 22, batch 8)
    "count": ("count", 1.0),
    "万户": ("count", 1e4),
    "万家": ("count", 1e4),
    "万人": ("count", 1e4),
    "千人": ("count", 1e3),  # 16萬5千人 is read as 165000 人; 165千人 as written by a reviewer (issue 22, batch 14)
    "台": ("count", 1.0),
    "套": ("count", 1.0),
    "万台": ("count", 1e4),
    "万套": ("count", 1e4),
    "万个": ("count", 1e4),  # 5G基站1.2万个
    # vehicles and pieces of a product (新能源汽车产量25万辆, 专利授权1.2万件), as written in bulletins (issue 22)
    "辆": ("count", 1.0),
    "万辆": ("count", 1e4),
    "件": ("count", 1.0),
    "万件": ("count", 1e4),
    # handsets and other devices counted as 部 (全区手机总产量达2.99亿部: issue 22, batch 17), and 亿 of counts
    "部": ("count", 1.0),
    "万部": ("count", 1e4),
    "亿部": ("count", 1e8),
    "亿台": ("count", 1e8),
    "亿件": ("count", 1e8),
    "亿个": ("count", 1e8),
    # mass (tonne) and power (kilowatt), as written in bulletins
    "吨": ("mass", 1.0),
    "万吨": ("mass", 1e4),
    "亿吨": ("mass", 1e8),  # 港口货物吞吐量突破2亿吨 (issue 22, batch 7)
    "千瓦": ("power", 1.0),
    "万千瓦": ("power", 1e4),
    # container throughput (标箱 = TEU, twenty-foot equivalent unit): 集装箱年通过能力560万标箱 (issue 22, batch 6)
    "标箱": ("teu", 1.0),
    "万标箱": ("teu", 1e4),
    # electricity (kilowatt-hour), as written in bulletins: 发电量1320.15亿千瓦时 (issue 22, batch 4)
    "千瓦时": ("energy", 1.0),
    "万千瓦时": ("energy", 1e4),
    "亿千瓦时": ("energy", 1e8),
    # transformer capacity (kilovolt-ampere: 变压器累计实现2828.08万千伏安), lengths (电力电缆42748千米), visits (人次)
    # as written in bulletins (issue 22, batch 15)
    "千伏安": ("apparent_power", 1.0),
    "万千伏安": ("apparent_power", 1e4),
    "米": ("length", 1.0),
    "千米": ("length", 1e3),
    "公里": ("length", 1e3),
    "万千米": ("length", 1e7),
    "万公里": ("length", 1e7),
    "人次": ("visits", 1.0),
    "万人次": ("visits", 1e4),
    # areas, base: square metre
    "平方米": ("area", 1.0),
    "万平方米": ("area", 1e4),
    "平方公里": ("area", 1e6),
    "公顷": ("area", 1e4),
    "万公顷": ("area", 1e8),
    "亩": ("area", 10000.0 / 15.0),  # 1 亩 = 1/15 hectare
    "万亩": ("area", 1e4 * 10000.0 / 15.0),
    # relative to a base-year level (2 = doubling)
    "× base": ("relative", 1.0),
    # years of age (人均期望寿命80.3岁), as written in work reports (issue 22, batch 12)
    "岁": ("age", 1.0),
    # days, for administrative time limits
    "工作日": ("duration", 1.0),
    "天": ("duration", 1.0),
    # money per person (labour productivity: 全员劳动生产率达到37万元/人), base 元 per person
    "元/人": ("money_per_person", 1.0),
    "万元/人": ("money_per_person", 1e4),
    # a multiple written as such (增长了1.52倍: grew by 1.52 times), kept as written, never converted to a %
    "倍": ("multiple", 1.0),
    # rank positions
    "位": ("rank", 1.0),
    "名次": ("rank", 1.0),
    # plain numbers (e.g. a floor-area ratio)
    "1": ("number", 1.0),
}

#: canonical unit per dimension where the loader does not keep the indicator's own unit
CANONICAL_BY_DIMENSION = {"money": "亿元", "ratio": "ratio"}


def dimension(unit: str) -> str | None:
    """The dimension of ``unit`` ('money', 'ratio', 'count', ...), or None when the unit is unknown."""
    entry = UNITS.get(unit)
    return entry[0] if entry else None


def canonical_unit(indicator_unit: str) -> str:
    """The unit in which the loader returns values of an indicator declared in ``indicator_unit``.

    Money is always 亿元 and ratios are fractions; other dimensions keep the indicator's declared unit.
    """
    dim = dimension(indicator_unit)
    if dim is None:
        raise KeyError(f"unknown unit {indicator_unit!r}")
    return CANONICAL_BY_DIMENSION.get(dim, indicator_unit)


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from ``from_unit`` to ``to_unit``; both must exist and share a dimension."""
    if from_unit not in UNITS:
        raise KeyError(f"unknown unit {from_unit!r}")
    if to_unit not in UNITS:
        raise KeyError(f"unknown unit {to_unit!r}")
    d_from, f_from = UNITS[from_unit]
    d_to, f_to = UNITS[to_unit]
    if d_from != d_to:
        raise ValueError(f"cannot convert {from_unit!r} ({d_from}) to {to_unit!r} ({d_to})")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    return value * f_from / f_to


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """The factor that converts a value in ``from_unit`` into ``to_unit``."""
    return convert(1.0, from_unit, to_unit)
