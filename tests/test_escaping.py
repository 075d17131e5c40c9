"""Strings from the data never become markup in the HTML or PDF, and the PDF renderer reads only package-local
resources (issue 20). The hostile strings are synthetic: a jurisdiction name (etc.) carrying a script, an image
from an outside server and a link asking WeasyPrint to attach a local file."""

from __future__ import annotations

import dataclasses
import http.server
import threading
from pathlib import Path

import pytest

import doubling_analysis as da
from doubling_analysis.build import per_jurisdiction, rendering
from doubling_analysis.report import quarterly


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server name
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    """A local HTTP server that counts the requests it gets (none should arrive)."""
    _Counter.hits = []
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", _Counter.hits
    srv.shutdown()
    srv.server_close()


def _hostile(url: str, secret: Path) -> str:
    return (
        f'<script>alert(1)</script><img src="{url}/img.png"><link rel="stylesheet" href="{url}/x.css">'
        f'<a rel="attachment" href="file://{secret}">x</a>'
    )


@pytest.mark.integration
def test_the_pdf_renderer_fetches_no_url_and_attaches_no_local_file(server, tmp_path, caplog):
    url, hits = server
    secret = tmp_path / "synthetic_secret.txt"
    secret.write_text("SYNTHETIC-SECRET-42", encoding="utf-8")
    doc = f"<html><body><p>x</p>{_hostile(url, secret)}<img src='file:///etc/hostname'></body></html>"
    pdf = tmp_path / "out.pdf"
    with caplog.at_level("WARNING", logger="doubling_analysis.report"):
        rendering.html_to_pdf(doc, pdf)
    data = pdf.read_bytes()
    assert hits == []  # the server saw no request (old code: /img.png and /x.css)
    assert b"/EmbeddedFile" not in data and b"SYNTHETIC-SECRET-42" not in data  # old code: the file attached
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert any("img.png" in m for m in refused) and any("synthetic_secret" in m for m in refused)
    assert any("/etc/hostname" in m for m in refused)


@pytest.mark.integration
def test_the_pdf_renderer_still_reads_data_uris_and_files_of_the_build(tmp_path):
    # a 1x1 PNG (the smallest valid one, bytes written out by hand from the PNG specification's chunk layout)
    import base64
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0]))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )
    (tmp_path / "dot.png").write_bytes(png)
    inline = base64.b64encode(png).decode()
    doc = f"<html><body><img src='data:image/png;base64,{inline}'><img src='file://{tmp_path}/dot.png'></body></html>"
    pdf = tmp_path / "ok.pdf"
    rendering.html_to_pdf(doc, pdf, allowed=[tmp_path])
    assert pdf.read_bytes().count(b"/Subtype /Image") == 2  # both images are in the PDF


def test_markdown_from_data_is_text():
    out = rendering.markdown_html("名称 <script>x</script> ![a](http://evil.test/i.png) [b](file:///etc/passwd) **c**")
    assert "<script" not in out and "&lt;script&gt;" in out
    assert "<img" not in out and "<a " not in out and "evil.test" not in out and "/etc/passwd" not in out
    assert "<strong>c</strong>" in out  # markdown itself still renders


PAYLOAD = '<script>alert(1)</script><img src="http://evil.test/x">'


def _poison(frame, columns):
    frame = frame.copy()
    for c in columns:
        if c in frame:
            frame[c] = frame[c].astype(object).map(lambda v: f"{v}{PAYLOAD}" if isinstance(v, str) else v)
    return frame


@pytest.fixture(scope="module")
def hostile_report():
    cat = da.load_catalog()
    cat = dataclasses.replace(
        cat,
        jurisdictions=_poison(cat.jurisdictions, ["name_zh", "name_en"]),
        sources=_poison(cat.sources, ["title_zh", "title_en", "issuer"]),
        indicators=_poison(cat.indicators, ["name_zh", "name_en"]),
        targets=_poison(cat.targets, ["quote", "note"]),
        actuals=_poison(cat.actuals, ["quote", "note"]),
    )
    return quarterly.prepare(cat, "2026Q3", "en", n_paths=100, backtest_paths=10, output_dir=None)


SECTIONS = (
    "findings_html",
    "changes_html",
    "tracker_html",
    "summary_html",
    "without_evidence_html",
    "comparison_html",
    "consistency_html",
    "gaps_html",
    "sources_html",
    "all_targets_html",
)


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.integration
def test_no_report_section_carries_markup_from_the_data(hostile_report, section):
    out = getattr(hostile_report, section)()
    assert "<script" not in out and '<img src="http' not in out  # old code: gaps_html carried both


@pytest.mark.integration
def test_no_jurisdiction_page_or_pdf_body_carries_markup_from_the_data(hostile_report):
    rep = hostile_report
    for code in rep.page_codes:
        out = rep.jurisdiction_html(code)
        assert "<script" not in out, code
    code, part = next(per_jurisdiction.slice_report(rep, rep.codes[:1]))
    body = per_jurisdiction.document_body(part, code)
    doc = rendering.wrap_html(body, part.names.jurisdictions.get(code, code), [("q", "2026Q3")], "toc", compact=True)
    assert "<script" not in doc and '<img src="http' not in doc and "&lt;script&gt;" in doc
    assert "<script" not in rendering.markdown_html(rep.backtest_markdown())
