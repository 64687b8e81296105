"""Web pages: the article's main text (trafilatura), with title, URL and date from metadata."""

from __future__ import annotations

import datetime as dt
import logging
import re
from html.parser import HTMLParser
from typing import Any

from incidex.article import Article
from incidex.errors import EmptyInputError
from incidex.sources._input import clean_text
from incidex.sources.dates import parse_date
from incidex.sources.options import ReadOptions

log = logging.getLogger(__name__)

# Dates only from the page's markup (meta tags, <time>, JSON-LD), never guessed from the body:
# an article's body is full of dates of the events it reports.
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}
_BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
    )
)
_SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "head", "svg"))
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def parse_html(html: str, origin: str, options: ReadOptions) -> Article:
    """One page -> one Article. Broken markup is read as far as it goes."""
    text, title, url, date, site = _with_trafilatura(html)
    if not text:  # trafilatura found no main text (tiny or odd page): keep every visible word
        text = html_to_text(html)
    text = _without_headline(clean_text(text), title)
    if not text:
        raise EmptyInputError("page has no visible text", source=origin)
    return Article(
        text=text,
        title=title,
        url=url,
        published=date or options.published,
        source=site,
        origin=origin,
    )


def _with_trafilatura(
    html: str,
) -> tuple[str, str | None, str | None, dt.date | None, str | None]:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser on arbitrary input
        log.debug("trafilatura failed (%s); falling back to plain tag stripping", exc)
        return "", None, None, None, None
    if document is None:
        return "", None, None, None, None

    def field(name: str) -> object:  # a Document (trafilatura 2) or a dict (1.x)
        if isinstance(document, dict):
            return document.get(name)
        return getattr(document, name, None)

    return (
        _str(field("text")) or "",
        _str(field("title")),
        _str(field("url")),
        parse_date(field("date")),
        _str(field("sitename")) or _str(field("hostname")),
    )


def _without_headline(text: str, title: str | None) -> str:
    """Drop the headline trafilatura repeats as the first line: it is the Article's title."""
    first, _, rest = text.partition("\n")
    if (
        title
        and rest.strip()
        and " ".join(first.split()).casefold() == " ".join(title.split()).casefold()
    ):
        return rest.strip()
    return text


def _str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page, block elements on lines of their own.

    Used for feed item bodies and as the fallback for pages trafilatura cannot read; it never
    raises, whatever the markup.
    """
    stripper = _TagStripper()
    stripper.feed(html)
    stripper.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(stripper.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _TagStripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> or <script> must not hide the page
            self._skipping = 0
        elif tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))
