"""RSS and Atom feed files: one Article per item. Fetching feeds over the network is not our job."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from typing import Any

from incidex.article import Article
from incidex.errors import EmptyInputError, IncidexError, MalformedRecordError, NotAFeedError
from incidex.sources._input import clean_text
from incidex.sources.dates import parse_date
from incidex.sources.html import html_to_text
from incidex.sources.options import ReadOptions

_DATE_KEYS = ("published_parsed", "updated_parsed", "created_parsed")
_DATE_STRING_KEYS = ("published", "updated", "created", "dc_date")


def parse_feed(
    data: bytes,
    origin: str,
    options: ReadOptions,
    on_error: Callable[[IncidexError], None],
) -> Iterator[Article]:
    """Parse the whole feed now (so a non-feed fails at once), then yield its items.

    Raw bytes go to feedparser, which honours the encoding the XML declaration names. An item
    with neither content nor summary is read from its title (headline feeds); one with none of
    them is passed to ``on_error`` and skipped. Items are numbered from 1 in ``origin``
    ("feed.xml#3").
    """
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never opens a URL
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({_one_line(problem)})" if problem else ""
        raise NotAFeedError(f"not an RSS or Atom feed{detail}", source=origin)
    entries: list[Any] = list(parsed.get("entries") or [])
    if not entries:
        raise EmptyInputError("feed has no items", source=origin)
    feed_title = _plain(parsed.get("feed", {}).get("title"))
    return _articles(entries, feed_title, origin, options, on_error)


def _articles(
    entries: list[Any],
    feed_title: str | None,
    origin: str,
    options: ReadOptions,
    on_error: Callable[[IncidexError], None],
) -> Iterator[Article]:
    for number, entry in enumerate(entries, start=1):
        where = f"{origin}#{number}"
        title = _plain(entry.get("title"))
        text = _item_text(entry) or title
        if not text:
            on_error(MalformedRecordError("item has no text and no title", source=where))
            continue
        link = entry.get("link")
        yield Article(
            text=text,
            title=title,
            url=link.strip() if isinstance(link, str) and link.strip() else None,
            published=_item_date(entry) or options.published,
            source=feed_title,
            origin=where,
        )


def _item_text(entry: Any) -> str:
    """The fullest body the item carries: its longest content block, else its summary."""
    bodies: list[str] = []
    for block in entry.get("content") or []:
        bodies.append(_block_text(block.get("value"), block.get("type")))
    if not any(bodies):
        detail = entry.get("summary_detail") or {}
        bodies.append(_block_text(entry.get("summary"), detail.get("type")))
    return max(bodies, key=len, default="")


def _block_text(value: object, mime: object) -> str:
    if not isinstance(value, str):
        return ""
    if mime == "text/plain":
        return clean_text(value)
    return clean_text(html_to_text(value))


def _item_date(entry: Any) -> dt.date | None:
    for key in _DATE_KEYS:
        date = parse_date(entry.get(key))
        if date is not None:
            return date
    for key in _DATE_STRING_KEYS:  # a format feedparser did not know
        date = parse_date(entry.get(key))
        if date is not None:
            return date
    return None


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = clean_text(html_to_text(value)) if "<" in value else clean_text(value)
    return text or None


def _one_line(problem: object) -> str:
    return " ".join(str(problem).split())[:200]
