"""From an executed notebook to the HTML and PDF a reader gets: outputs and markdown only (code hidden), a title
page and a table of contents, then WeasyPrint. The page template and the style sheet are files in ``templates/``."""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).resolve().parent / "templates"
_local = threading.local()


def _exporter():
    """nbconvert's HTML exporter (basic template, code hidden), built once per thread (its set-up is not free)."""
    if getattr(_local, "exporter", None) is None:
        from nbconvert import HTMLExporter

        _local.exporter = HTMLExporter(
            template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
        )
    return _local.exporter


def notebook_html_body(nb_path: Path) -> str:
    """The executed notebook's outputs and markdown as HTML, code hidden."""
    import nbformat

    nb = nbformat.read(str(nb_path), as_version=4)
    body, _ = _exporter().from_notebook_node(nb)
    return re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", body)


def _toc_items(body: str) -> str:
    items = re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', body, flags=re.S)
    return "".join(f'<li><a href="#{i}">{re.sub("<[^>]+>", "", text).strip()}</a></li>' for i, text in items)


def wrap_html(body: str, title: str, meta: list[tuple[str, str]], toc_title: str, compact: bool = False) -> str:
    """A complete HTML document: title page (title and ``meta`` lines), table of contents, then ``body``; with
    ``compact``, no page breaks between them and the sections (a short document: one jurisdiction's report)."""
    page = Template((TEMPLATES / "report.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=html.escape(title),
        layout="compact" if compact else "",
        css=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        meta="".join(f"<div><b>{html.escape(k)}</b>: {html.escape(v)}</div>" for k, v in meta),
        toc_title=html.escape(toc_title),
        toc=_toc_items(body),
        body=body,
    )


def html_to_pdf(html_text: str, pdf_path: Path, base_url: str | None = None) -> None:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(string="", font_config=fonts)
    HTML(string=html_text, base_url=base_url).write_pdf(str(pdf_path), stylesheets=[css], font_config=fonts)
