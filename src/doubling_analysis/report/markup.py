"""Markdown built from data, as HTML that can neither inject markup nor make the PDF renderer fetch anything."""

from __future__ import annotations

import threading

_local = threading.local()


def _markdown():
    """mistune with the plugins of ``mistune.html`` but raw HTML escaped and no images or links: markdown that
    quotes data (names, titles) can then neither inject markup nor make the PDF renderer fetch anything."""
    if getattr(_local, "markdown", None) is None:
        import mistune

        class _TextOnly(mistune.HTMLRenderer):
            def image(self, text: str, url: str, title: str | None = None) -> str:
                return text  # the alt text, already escaped by mistune

            def link(self, text: str, url: str, title: str | None = None) -> str:
                return text

        _local.markdown = mistune.create_markdown(
            renderer=_TextOnly(escape=True), plugins=["strikethrough", "footnotes", "table"]
        )
    return _local.markdown


def markdown_html(text: str) -> str:
    """Markdown (which may quote data) as HTML: raw HTML in it is shown as text, images and links as their text."""
    return str(_markdown()(text))
