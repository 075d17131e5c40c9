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
from doubling_analysis.extract.webtext import WebError, fetch, html_text

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
        self.send_response(200 if self.path != "/missing" else 404)
        self.send_header("Content-Type", "text/html")  # no charset: the page's <meta charset> holds it
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

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
