"""Provenance checks: does each quote occur in its source, and does it hold the figure recorded from it?

White space is ignored when a quote is looked up in its source text (the plan documents wrap lines in the
middle of words and tables are tab-separated), but kept as a separator when the number is looked up in the
quote, so that "乐平市 8.7 550" holds 550 and not 7550.
"""

from __future__ import annotations

import functools
import math
import re

_WS = re.compile(r"\s+")

_DIGITS = "零一二三四五六七八九"
#: words that state a number in Chinese text, for values the plans write without digits
_MAGNITUDE_WORDS = {
    10: ("十亿", "十億"),
    100: ("百亿", "百億"),
    1000: ("千亿", "千億"),
    5000: ("五千亿", "五千億"),
    10000: ("万亿", "萬億"),
}
#: words that say a change is negative, so that "下降13.5%" states the value -13.5
_NEGATIVE_WORDS = ("下降", "减少", "降低", "回落", "负增长", "減少", "-", "−")


def strip_ws(text: str) -> str:
    """Remove all white space (for looking a quote up in its source)."""
    return _WS.sub("", text)


def collapse_ws(text: str) -> str:
    """Collapse runs of white space to one space (for looking a number up in a quote)."""
    return _WS.sub(" ", text).strip()


def chinese_numeral(n: int) -> str | None:
    """The Chinese numeral of a whole number 0 <= n < 10000 (e.g. 21 -> 二十一, 1400 -> 一千四百)."""
    if not 0 <= n < 10000:
        return None
    if n < 10:
        return _DIGITS[n]
    out, zero = "", False
    for unit, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero:
                out += "零"
                zero = False
            out += ("" if (unit == 10 and d == 1 and n < 20) else _DIGITS[d]) + word
        elif out:
            zero = True
    return out


def number_forms(value: float, unit: str | None = None) -> set[str]:
    """The ways a document may write ``value``: digits (1400, 1,400, 8.5), Chinese numerals (二十一, 两),
    tier words for 亿元 (万亿 = 10000, 五千亿, 千亿, 百亿, 十亿), and 倍 for a doubling (value 2 in '× base')."""
    forms = {f"{value:f}".rstrip("0").rstrip(".")}
    for decimals in (1, 2):  # 8.0, 1201.10: trailing zeros as printed in tables and bulletins
        if round(value, decimals) == value:
            forms.add(f"{value:.{decimals}f}")
            forms.add(f"{value:,.{decimals}f}")
    if value == int(value):
        n = int(value)
        forms.add(f"{n:,}")
        numeral = chinese_numeral(n)
        if numeral:
            forms.add(numeral)
        if n == 2:
            forms.add("两")
        if unit in ("亿元", None):
            forms.update(_MAGNITUDE_WORDS.get(n, ()))
        if n == 0:
            forms.add("实现突破")  # 实现(零的)突破: "achieve a first one", recorded as > 0
        if unit == "× base" and n == 2:
            forms.add("倍")
    return forms


def quote_holds_value(quote: str, value: float, unit: str | None = None) -> bool:
    """True when ``quote`` writes ``value`` as a whole number token (not as part of a longer number)."""
    text = collapse_ws(quote)
    if value < 0:
        if not any(w in text for w in _NEGATIVE_WORDS):
            return False
        value = -value
    return any(_holds_token(text, form) for form in _forms(value, math.copysign(1.0, value), unit))


@functools.lru_cache(maxsize=8192, typed=True)
def _forms(value: float, sign: float, unit: str | None) -> tuple[str, ...]:
    """:func:`number_forms`, computed once per value (``sign`` keeps -0.0, written "-0", apart from 0.0)."""
    return tuple(number_forms(value, unit))


def _holds_token(text: str, form: str) -> bool:
    """Does ``text`` hold ``form`` (never empty) other than as a part of a longer number? Occurrences are tried
    left to right without overlaps."""
    a = text.find(form)
    while a >= 0:
        b = a + len(form)
        digit_before = (
            form[0].isdigit()
            and a > 0
            and (text[a - 1].isdigit() or (text[a - 1] in ".," and a > 1 and text[a - 2].isdigit()))
        )
        digit_after = (
            form[-1].isdigit()
            and b < len(text)
            and (text[b].isdigit() or (text[b] in ".," and b + 1 < len(text) and text[b + 1].isdigit()))
        )
        if not digit_before and not digit_after:
            return True
        a = text.find(form, b)
    return False


def quote_in_source(quote: str, source_text: str) -> bool:
    """True when the quote occurs in the source text, white space ignored."""
    return strip_ws(quote) in strip_ws(source_text)
