"""Presentation: table column widths (known answers worked out by hand from the formula in
``presentation.column_widths`` and the values set below), HTML tables, and a methods text that follows config."""

import pandas as pd
import pytest

from doubling_analysis import config
from doubling_analysis.report.presentation import _display_width, column_widths, html_table, methods_text


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


def test_a_monthly_stock_is_placed_at_its_month_not_at_the_year_before():
    """Synthetic series (test only): a 2021 year-end count (t = 2021) and a March 2023 count. By hand: March 2023 is
    three months after the end of 2022, t = 2022 + 3/12 = 2022.25 — inside the span between the ticks of the ends
    of 2022 and 2023, and labelled with its month (the old chart's ticks "2022" / "2023" left it reading as 2022)."""
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from doubling_analysis.report.plots import growth_path_chart

    points = pd.DataFrame(
        {
            "t": [2021.0, 2022.25],
            "value": [100.0, 120.0],
            "bound": ["exact", "exact"],
            "period": ["2021", "2023-03"],
            "kind": ["year", "month"],
        }
    )
    targets = pd.DataFrame({"target_year": [2024], "value": [150.0], "tier": [None], "attains_if": [">= 150"]})
    for lang, end_2022, end_2023, month in (
        ("zh", "2022年末", "2023年末", "2023年3月"),
        ("en", "end 2022", "end 2023", "Mar 2023"),
    ):
        fig, _ = growth_path_chart(points, targets, lang=lang)
        ax = fig.axes[0]
        ticks = {t.get_text(): x for t, x in zip(ax.get_xticklabels(), ax.get_xticks())}
        assert ticks[end_2022] < 2022.25 <= ticks[end_2023]
        assert any(a.get_text() == month and a.xy == (2022.25, 120.0) for a in ax.texts)
