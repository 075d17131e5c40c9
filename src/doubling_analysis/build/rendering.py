"""From an executed notebook to the HTML and PDF a reader gets: outputs and markdown only (code hidden), a title
page and a table of contents, then WeasyPrint. The page template and the style sheet are files in ``templates/``."""

from __future__ import annotations

import html
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from string import Template
from typing import Any

from .. import paths
from ..report.markup import markdown_html as markdown_html  # re-exported: build code and tests call it from here

TEMPLATES = paths.TEMPLATES
#: a notebook cell with this tag is for the notebook's reader only: its HTML and the PDF leave it out
NOTEBOOK_ONLY_TAG = "notebook-only"
_local = threading.local()
log = logging.getLogger("doubling_analysis.report")


def _exporter():
    """nbconvert's HTML exporter (basic template, code hidden), built once per thread (its set-up is not free)."""
    if getattr(_local, "exporter", None) is None:
        from nbconvert import HTMLExporter

        _local.exporter = HTMLExporter(
            template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
        )
    return _local.exporter


def notebook_html_body(nb_path: Path) -> str:
    """The executed notebook's outputs and markdown as HTML, code hidden; cells tagged :data:`NOTEBOOK_ONLY_TAG`
    (a narrative for whoever opens the notebook itself) are left out."""
    import nbformat

    nb = nbformat.read(str(nb_path), as_version=4)
    nb.cells = [c for c in nb.cells if NOTEBOOK_ONLY_TAG not in c.get("metadata", {}).get("tags", [])]
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


# markdown built from data: report/markup.py (the report's sections use it too); kept importable from here


# ---- PDF -------------------------------------------------------------------------------------------------------


class ResourceRefused(ValueError):
    """A resource the PDF renderer was asked to fetch that is not package-local."""


def _under(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def local_fetcher(allowed: Iterable[Path] = ()) -> Any:
    """A WeasyPrint URL fetcher that reads ``data:`` URIs and ``file:`` URLs under the package's templates or one of
    ``allowed`` (the build folder) and refuses everything else (http, ftp, any other file), logging each refusal:
    a document that names an outside resource can neither embed a local file nor make the renderer fetch a URL."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    roots = [TEMPLATES.resolve(), *(Path(a).resolve() for a in allowed)]

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if _under(path, roots):
                    return super().fetch(url, headers)
            log.warning("PDF: refused to fetch %s (only data: URIs and files of the build are read)", url[:200])
            raise ResourceRefused(f"refused: {url[:200]}")

    return LocalFetcher(allowed_protocols=("data", "file"), allow_redirects=False)


def html_to_pdf(html_text: str, pdf_path: Path, base_url: str | None = None, allowed: Iterable[Path] = ()) -> None:
    """The PDF of ``html_text``; the renderer reads only package-local resources (:func:`local_fetcher`)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = local_fetcher(allowed)
    css = CSS(string="", font_config=fonts, url_fetcher=fetcher)
    HTML(string=html_text, base_url=base_url, url_fetcher=fetcher).write_pdf(
        str(pdf_path), stylesheets=[css], font_config=fonts
    )
