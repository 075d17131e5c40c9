"""Presentation: table column widths (known answers worked out by hand from the formula in
``presentation.column_widths`` and the values set below), HTML tables, and a methods text that follows config."""

import pandas as pd
import pytest

from doubling_analysis import config
from doubling_analysis.presentation import _display_width, column_widths, html_table, methods_text


def test_a_chinese_character_takes_two_cells():
    assert _display_width("景德镇a") == 7


def test_column_widths_known_answer(monkeypatch):
    for name, value in dict(
        TABLE_LINE=105, TABLE_CELL_PADDING=3, TABLE_MIN_COLUMN=4, TABLE_MAX_WORD=20, TABLE_MAX_COLUMN=80
    ).items():
        monkeypatch.setattr(config, name, value)
    monkeypatch.setattr(config, "TABLE_CELL_QUANTILE", 0.9)
    frame = pd.DataFrame({"id": ["ab12", "abcdefgh"], "note": ["aaaa bbbb", "cccc dddd eeee ffff"]})
    # by hand: id   - longest word 8 ("abcdefgh") -> least 8 + 3 = 11; typical = 0.9 quantile of (4, 8) = 7.6,
    #                 wants max(7.6 + 3 - 11, 0) = 0 more
    #          note - longest word 4 -> least max(4, 4) + 3 = 7; typical = quantile of (9, 19) = 18, wants 18 + 3 - 7 = 14
    #          room = 105 - 11 - 7 = 87, all of it to note: widths 11 and 94 of 105
    got = column_widths(frame)
    assert got == pytest.approx([100 * 11 / 105, 100 * 94 / 105])


def test_a_table_carries_its_column_widths_and_no_nan():
    out = html_table(pd.DataFrame({"a": ["x", None], "b": [1.5, float("nan")]}))
    assert out.count("<col ") == 2 and "<colgroup>" in out and "nan" not in out.lower().replace("<colgroup>", "")


def test_the_methods_text_states_the_thresholds_in_config(monkeypatch):
    """Issue 10, item 11: the text was a copy of the numbers; change one in config and the text follows."""
    assert "(≥ 0.95 on track, 0.60–0.95" in methods_text("en") and "25.99 %" in methods_text("en")
    monkeypatch.setattr(config, "EUROSTAT_ON_TRACK", 0.9)
    monkeypatch.setattr(config, "DESTATIS_SUN", 0.04)
    monkeypatch.setattr(config, "DOUBLING_HORIZON", 2024)  # four years: 2 ** (1 / 4) - 1 = 18.92 %
    en, zh = methods_text("en"), methods_text("zh")
    assert "(≥ 0.90 on track, 0.60–0.90" in en and "< 4 % sun" in en and "18.92 % a year" in en
    assert "≥0.90 按计划推进" in zh and "<4% 晴" in zh and "2020—2024" in zh
