"""A plan or bulletin published as a web page: its text, from a saved HTML file or fetched from a URL.

* :func:`html_text` reads HTML with the standard library's HTML parser (a real tokenizer, not regular
  expressions) and keeps the page's own text: block elements end lines, table cells are separated by tabs, and
  boilerplate is dropped — ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form`` and any
  element whose ``id`` or ``class`` names a menu, navigation, breadcrumb, sidebar, footer, header, share bar or
  copyright notice (``config.WEB_BOILERPLATE_WORDS``).
* :func:`fetch` gets a page over http(s) only, with a timeout (``config.WEB_FETCH_TIMEOUT_SECONDS``) and a size
  limit (``config.WEB_FETCH_MAX_BYTES``); the charset is the response's, else the page's ``<meta charset>``, else
  UTF-8, else GB18030.
* :func:`page_date` finds when a page was published: a ``<meta>`` date (``config.WEB_DATE_META``: PubDate and
  the like), else a date after a label in the page (``config.WEB_DATE_LABELS``: 发布时间：…), else a date in the
  address (``/t20230720_…``, ``/2023/07/20/``, ``/2023-07/20/``); it says where the date was found.
* :func:`read_source` is what ``extract`` calls: a URL, a saved ``.html`` / ``.htm`` file, or a text file; it
  returns the text with the URL, the retrieval date and the page's date, which go into the candidate rows.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .. import config

#: elements whose content is never the page's text
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg"})
#: elements that end a line of text
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "pre", "dd", "dt", "dl", "hr", "main", "title"}
)
#: elements that never have an end tag
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"})


class WebError(ValueError):
    """A page that cannot be read: the message names the page and what was expected."""


def _boilerplate(attrs: list[tuple[str, str | None]]) -> bool:
    words = " ".join(v or "" for k, v in attrs if k in ("id", "class", "role")).lower()
    return any(w in words for w in config.WEB_BOILERPLATE_WORDS)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping) of open elements
        self.skip_depth = 0
        self.meta: dict[str, str] = {}  # <meta> name / property / itemprop (lower case) -> content
        self.all_text: list[str] = []  # every text of the page, boilerplate included (labels of its date)

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            found = dict(attrs)
            for key in ("name", "property", "itemprop"):
                if found.get(key) and found.get("content"):
                    self.meta.setdefault(str(found[key]).strip().lower(), str(found["content"]).strip())
        skip = tag in SKIP_TAGS or _boilerplate(attrs)
        if tag in VOID_TAGS:
            if tag in BLOCK_TAGS and not self.skip_depth:
                self.parts.append("\n")
            return
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        elif not self.skip_depth:
            if tag in BLOCK_TAGS:
                self.parts.append("\n")
            elif tag in ("td", "th"):
                self.parts.append("\t")

    def handle_endtag(self, tag):
        # close up to the matching open element (HTML in the wild leaves elements open)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, skip in self.stack[i:]:
                    if skip:
                        self.skip_depth -= 1
                del self.stack[i:]
                break
        if not self.skip_depth and tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.stack or self.stack[-1][0] not in ("script", "style"):
            self.all_text.append(data)
        if not self.skip_depth:
            self.parts.append(data)


def _parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


def html_text(html: str) -> str:
    """The page's own text (see the module's docstring), one block a line, blank lines removed."""
    return _lines(_parsed(html))


def _lines(parser: _Text) -> str:
    lines = []
    for line in "".join(parser.parts).split("\n"):
        cells = [re.sub(r"[ \u00a0\u3000\r\f\v]+", " ", c).strip() for c in line.split("\t")]
        text = "\t".join(c for c in cells if c)
        if text:
            lines.append(text)
    return "\n".join(lines) + "\n"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def decode_html(data: bytes, charset: str | None, name: str) -> str:
    """Bytes of a page as text: the declared charset, else the page's own, else UTF-8, else GB18030."""
    found = _META_CHARSET.search(data[:4096])
    for enc in (charset, found.group(1).decode("ascii") if found else None, "utf-8-sig", "gb18030"):
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise WebError(f"{name}: expected a page in UTF-8, GB18030 or its declared charset")


def fetch(url: str, timeout: float | None = None) -> str:
    """The HTML of ``url`` (http or https only), within the timeout and size limit of ``config``."""
    if not re.match(r"^https?://", url, re.I):
        raise WebError(f"{url}: expected an http:// or https:// address")
    limit = config.WEB_FETCH_MAX_BYTES
    request = urllib.request.Request(url, headers={"User-Agent": "doubling-analysis extract"})
    try:
        with urllib.request.urlopen(request, timeout=timeout or config.WEB_FETCH_TIMEOUT_SECONDS) as resp:
            data = resp.read(limit + 1)
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise WebError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WebError(
            f"{url}: could not be fetched within {timeout or config.WEB_FETCH_TIMEOUT_SECONDS:g} s ({reason})"
        ) from None
    if len(data) > limit:
        raise WebError(f"{url}: expected a page of at most {limit} bytes")
    return decode_html(data, charset, url)


@dataclass(frozen=True)
class PageDate:
    date: str  # YYYY-MM-DD
    found: str  # where: '<meta name="pubdate">', 'the page's 发布时间', 'the address'


_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_ADDRESS_DATES = (
    re.compile(r"[/_]t((?:19|20)\d\d)(\d\d)(\d\d)[_.]"),  # /t20230720_123.html (government sites)
    re.compile(r"/((?:19|20)\d\d)[-/]?(\d\d)/(\d\d)/"),  # /2023/07/20/, /2023-07/20/, /202307/20/
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)/"),  # /20230720/
)


def _real_date(year: str, month: str, day: str) -> str | None:
    try:
        d = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return d.isoformat() if d <= dt.date.today() + dt.timedelta(days=1) else None


def page_date(html: str | _Text, url: str | None = None) -> PageDate | None:
    """When the page was published, and where that was read (see the module's docstring); None if it does not
    say. A date that is not a real calendar day, or lies in the future, is not a date."""
    parser = _parsed(html) if isinstance(html, str) else html
    for name in config.WEB_DATE_META:
        m = _DATE.search(parser.meta.get(name, ""))
        found = _real_date(*m.groups()) if m else None
        if found:
            return PageDate(found, f'<meta name="{name}">')
    text = re.sub(r"\s+", " ", "".join(parser.all_text))
    for label in config.WEB_DATE_LABELS:
        for m in re.finditer(re.escape(label) + r"\s*[:：]?\s*", text):
            d = _DATE.match(text, m.end())
            found = _real_date(*d.groups()) if d else None
            if found:
                return PageDate(found, f"the page's {label}")
    for pattern in _ADDRESS_DATES:
        m = pattern.search(url or "")
        found = _real_date(*m.groups()) if m else None
        if found:
            return PageDate(found, "the address")
    return None


@dataclass(frozen=True)
class Source:
    text: str
    url: str | None  # the page's address, when fetched
    retrieved: str | None  # the date it was fetched (YYYY-MM-DD)
    html: bool  # read from HTML
    published: PageDate | None = None  # the page's own date (:func:`page_date`), for a page

    def issue_date(self, given: str | None) -> tuple[str | None, str | None]:
        """The issue date to read the text with — the one given, else the page's own — and where the page's was
        read (None when given or when the page has no date)."""
        if given or self.published is None:
            return given, None
        return self.published.date, f"the page ({self.published.found})"


def is_url(name: str | os.PathLike) -> bool:
    return bool(re.match(r"^https?://", str(name), re.I))


def read_source(name: str | os.PathLike, read_text) -> Source:
    """A URL (fetched now), a saved HTML page (``.html`` / ``.htm``, or a file that starts as HTML) or a text
    file (``read_text``, the extractor's reader)."""
    if is_url(name):
        page = _parsed(fetch(str(name)))
        return Source(_lines(page), str(name), dt.date.today().isoformat(), True, page_date(page, str(name)))
    p = Path(name)
    if p.is_file():
        head = p.read_bytes()[:512].lstrip().lower()
        if p.suffix.lower() in (".html", ".htm") or head.startswith((b"<!doctype html", b"<html")):
            page = _parsed(decode_html(p.read_bytes(), None, str(p)))
            return Source(_lines(page), None, None, True, page_date(page))
    return Source(read_text(p), None, None, False)
