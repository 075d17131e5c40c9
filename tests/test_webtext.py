"""Extract from a web page (issue 22): a saved HTML file or a URL served by a local test server. The pages are
synthetic (written here, named so); the figures in them are invented."""

import csv
import http.server
import threading
import time

import pytest

from doubling_analysis import config
from doubling_analysis.app.cli import main
from doubling_analysis.extract.candidates import ExtractError, extract_source
from doubling_analysis.extract.webtext import PageDate, WebError, fetch, html_text, page_date

SYNTHETIC_PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>示例市工业发展报告</title>
<style>p { color: red } .x::before { content: "规上工业营业收入达到999亿元" }</style>
<script>var s = "规上工业营业收入达到888亿元";</script></head>
<body>
<div id="top-nav"><a href="/">首页</a> | <a href="/news">新闻</a> 规上工业营业收入达到777亿元</div>
<header>站点标题</header>
<div class="article">
<h1>2023年示例市工业运行情况</h1>
<p>2023年，全市规模以上工业营业收入达到1234.5亿元，同比增长8.6%。</p>
<table><tr><td>指标</td><td>数值</td></tr><tr><td>工业投资增速</td><td>12.3%</td></tr></table>
<p>规模以上工业企业达到<b>456</b>户&nbsp;。</p>
</div>
<div class="footer copyright">版权所有 规上工业营业收入达到666亿元</div>
</body></html>
"""


def test_html_text_keeps_the_page_and_drops_boilerplate():
    text = html_text(SYNTHETIC_PAGE)
    assert "1234.5亿元" in text and "456户" in text.replace(" ", "")
    # script, style, navigation, header and footer (copyright) are not the page's text
    for gone in ("999", "888", "777", "666", "站点标题", "首页"):
        assert gone not in text
    # block elements end lines; table cells are separated by tabs
    assert "工业投资增速\t12.3%" in text
    assert text.splitlines()[0] == "示例市工业发展报告"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(3)
        body = SYNTHETIC_PAGE.encode("gb18030")
        try:
            self.send_response(200 if self.path != "/missing" else 404)
            self.send_header("Content-Type", "text/html")  # no charset: the page's <meta charset> holds it
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the /slow page after its timeout, a page refused as too large)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched_decoded_and_recorded_in_the_candidates(server, tmp_path, capsys):
    out = tmp_path / "c.csv"
    url = f"{server}/report.html"
    code = main(
        ["extract", url, "--jurisdiction", "360200", "--source-id", "synthetic-page", "--kind", "report"]
        + ["--issued", "2024-01-20", "--out", str(out)]
    )
    assert code == 0
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    revenue = [r for r in rows if r["value"] == "1234.5"]
    assert revenue and revenue[0]["source_url"] == url and revenue[0]["retrieved_from"] == url
    assert revenue[0]["retrieved"] and url in revenue[0]["note"]
    # the page's text is saved for accept, and it is the text the quotes come from (GB18030 decoded via <meta>)
    text = (tmp_path / "c.csv.source.txt").read_text(encoding="utf-8")
    assert revenue[0]["source_file"].endswith("c.csv.source.txt") and revenue[0]["quote"] in text
    assert not [r for r in rows if r["value"] in ("999", "888", "777", "666")]


def test_a_source_id_never_names_a_path_for_the_page_text(tmp_path, monkeypatch, capsys):
    """Without --out the page's text is saved as <source-id>.source.txt: a source id with a path is refused."""
    page = tmp_path / "page.html"
    page.write_bytes(SYNTHETIC_PAGE.encode("gb18030"))
    monkeypatch.chdir(tmp_path)
    args = ["extract", str(page), "--jurisdiction", "360200", "--source-id", "../escape", "--kind", "report"]
    code = main([*args, "--issued", "2024-01-20"])
    assert code == 2 and not (tmp_path.parent / "escape.source.txt").exists()
    assert "--source-id: expected letters, digits" in capsys.readouterr().err


def test_a_saved_page_is_read_as_html(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(SYNTHETIC_PAGE.encode("gb18030"))
    cands, src = extract_source(page, "360200", "synthetic-page", "report", "2024-01-20")
    assert src.html and src.url is None and any(c.value == 1234.5 for c in cands)


@pytest.mark.integration
def test_bad_addresses_and_slow_servers_are_located_errors(server, monkeypatch):
    with pytest.raises(WebError, match="expected an http:// or https:// address"):
        fetch("file:///etc/passwd")
    with pytest.raises(WebError, match="answered 404"):
        fetch(f"{server}/missing")
    monkeypatch.setattr(config, "WEB_FETCH_TIMEOUT_SECONDS", 0.5)
    with pytest.raises(WebError, match="within 0.5 s"):
        fetch(f"{server}/slow")
    with pytest.raises(ExtractError, match="127.0.0.1"):
        extract_source(f"{server}/slow", "360200", "synthetic-page", "report", "2024-01-20")


def test_a_page_too_large_is_refused(server, monkeypatch):
    monkeypatch.setattr(config, "WEB_FETCH_MAX_BYTES", 100)
    with pytest.raises(WebError, match="at most 100 bytes"):
        fetch(f"{server}/report.html")


# ---- the page's own date (issue 22: a page dated August reporting 上半年 is that year's H1) -----------------------

DATED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="PubDate" content="{pubdate}"><title>示例市上半年工业运行</title></head><body>
<div class="info">发布时间：{label}　来源：示例市统计局</div>
<div class="article"><p>上半年，全市规模以上工业增加值同比增长6.2%。</p></div></body></html>
"""


def _page(pubdate="2024-08-10 09:30", label="2024年08月12日"):
    return DATED_PAGE.format(pubdate=pubdate, label=label)


def test_a_pages_date_comes_from_its_meta_then_its_label_then_its_address():
    # synthetic pages; each expected date is the one written in the page above, read by eye
    assert page_date(_page()) == PageDate("2024-08-10", '<meta name="pubdate">')
    no_meta = _page().replace('<meta name="PubDate" content="2024-08-10 09:30">', "")
    assert page_date(no_meta) == PageDate("2024-08-12", "the page's 发布时间")
    bare = "<html><body><p>上半年，全市规模以上工业增加值同比增长6.2%。</p></body></html>"
    url = "http://127.0.0.1/art/t20240811_12345.html"
    assert page_date(bare, url) == PageDate("2024-08-11", "the address")
    assert page_date(bare, "http://127.0.0.1/xwzx/2024/08/09/x.html") == PageDate("2024-08-09", "the address")
    assert page_date(bare, "http://127.0.0.1/news/12345.html") is None and page_date(bare) is None


def test_a_date_that_is_no_calendar_day_or_lies_ahead_is_not_the_pages_date():
    # 2023-02-30 does not exist; 2999 is after today: both are passed over for the label's date
    assert page_date(_page(pubdate="2023-02-30")).date == "2024-08-12"
    assert page_date(_page(pubdate="2999-01-01", label="2999年1月1日")) is None


def test_a_saved_page_without_issued_is_dated_by_the_page_and_the_row_says_so(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(_page(), encoding="utf-8")
    out = tmp_path / "c.csv"
    code = main(
        ["extract", str(page), "--jurisdiction", "360200", "--source-id", "synthetic-page"]
        + ["--kind", "report", "--out", str(out)]
    )
    assert code == 0
    assert "issue date 2024-08-10 read from the page" in capsys.readouterr().err
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    growth = [r for r in rows if r["growth_pct"] == "6.2"]
    # a page of August 2024 reporting 上半年 reports the first half of 2024
    assert growth and growth[0]["period"] == "2024-01..2024-06" and growth[0]["published"] == "2024-08-10"
    assert '<meta name="pubdate">' in growth[0]["note"]


def test_issued_given_by_the_user_wins_over_the_pages_date(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(_page(label="（未注明）"), encoding="utf-8")  # the date only in <meta>, not in the text
    out = tmp_path / "c.csv"
    args = ["extract", str(page), "--jurisdiction", "360200", "--source-id", "synthetic-page", "--kind", "report"]
    assert main([*args, "--issued", "2025-08-01", "--out", str(out)]) == 0
    assert "read from the page" not in capsys.readouterr().err
    growth = [r for r in csv.DictReader(open(out, encoding="utf-8-sig")) if r["growth_pct"] == "6.2"]
    assert growth[0]["period"] == "2025-01..2025-06" and "read from" not in growth[0]["note"]
