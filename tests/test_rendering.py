"""The page wrapper and the table widths of the PDF (known answers worked out by hand from the formula in
``views.column_widths`` and the values in ``config``)."""

import re

import pandas as pd
import pytest

from doubling_analysis import config
from doubling_analysis.rendering import wrap_html
from doubling_analysis.views import _display_width, column_widths, html_table


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


def test_wrap_html_title_page_contents_and_escaping():
    body = '<h2 id="findings">主要发现</h2><p>x</p><h2 id="gaps">Gaps &amp; more</h2>'
    doc = wrap_html(body, "Report <Q3>", [("Quarter", "2026Q3")], "Contents")
    assert "<title>Report &lt;Q3&gt;</title>" in doc and "<b>Quarter</b>: 2026Q3" in doc
    assert '<a href="#findings">主要发现</a>' in doc and '<a href="#gaps">Gaps &amp; more</a>' in doc
    assert "table-layout: fixed" in doc  # the style sheet from templates/report.css
    assert not re.search(r"\$\w", doc)  # every placeholder filled
