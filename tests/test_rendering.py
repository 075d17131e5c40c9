"""The page wrapper of the report's HTML and PDF (title page, contents, the style sheet from templates/)."""

import re

from doubling_analysis.build.rendering import wrap_html


def test_wrap_html_title_page_contents_and_escaping():
    body = '<h2 id="findings">主要发现</h2><p>x</p><h2 id="gaps">Gaps &amp; more</h2>'
    doc = wrap_html(body, "Report <Q3>", [("Quarter", "2026Q3")], "Contents")
    assert "<title>Report &lt;Q3&gt;</title>" in doc and "<b>Quarter</b>: 2026Q3" in doc
    assert '<a href="#findings">主要发现</a>' in doc and '<a href="#gaps">Gaps &amp; more</a>' in doc
    assert "table-layout: fixed" in doc  # the style sheet from templates/report.css
    assert not re.search(r"\$\w", doc)  # every placeholder filled
