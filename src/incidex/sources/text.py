"""Plain text: the whole input is one article."""

from __future__ import annotations

import datetime as dt

from incidex.article import Article
from incidex.errors import EmptyInputError, InputError
from incidex.sources._input import clean_text
from incidex.sources.dates import parse_date
from incidex.sources.options import ReadOptions


def parse_text(text: str, origin: str, options: ReadOptions) -> Article:
    return article_from_text(text, published=options.published, origin=origin)


def article_from_text(
    text: str,
    *,
    published: dt.date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    id: str | None = None,
    origin: str | None = None,
) -> Article:
    """An Article from a string already in memory (an API request body, a test).

    ``published`` may be a date or any string ``parse_date`` reads; a string it cannot read is
    an InputError here, since the caller chose it.
    """
    cleaned = clean_text(text)
    if not cleaned:
        raise EmptyInputError("text is empty or white space only", source=origin)
    date = parse_date(published)
    if published is not None and date is None:
        raise InputError(
            f"cannot read {published!r} as a date (expected e.g. 2018-08-21)", source=origin
        )
    return Article(
        text=cleaned,
        id=id or "",
        url=url,
        title=title,
        published=date,
        source=source,
        origin=origin,
    )
