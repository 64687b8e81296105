"""One JSONL/CSV record -> one Article, with the field names the user configured."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

from incidex.article import Article
from incidex.errors import MalformedRecordError
from incidex.sources._input import clean_text
from incidex.sources.dates import parse_date
from incidex.sources.options import ReadOptions

log = logging.getLogger(__name__)

DEFAULT_DATE_FIELDS = ("published", "date")
DEFAULT_ID_FIELD = "id"


def article_from_record(record: Mapping[str, object], options: ReadOptions, origin: str) -> Article:
    """Build the Article, or raise MalformedRecordError; ``origin`` names the record ("a.csv:7")."""
    raw_text = record.get(options.text_field)
    if raw_text is None:
        present = ", ".join(sorted(record)[:12]) or "none"
        raise MalformedRecordError(
            f"no {options.text_field!r} field (fields present: {present})", source=origin
        )
    if not isinstance(raw_text, str):
        raise MalformedRecordError(
            f"field {options.text_field!r} is {type(raw_text).__name__}, not text",
            source=origin,
        )
    text = clean_text(raw_text)
    if not text:
        raise MalformedRecordError(f"field {options.text_field!r} is empty", source=origin)
    return Article(
        text=text,
        id=_record_id(record, options) or "",
        url=_field(record, options.url_field),
        title=_field(record, options.title_field),
        published=_record_date(record, options, origin),
        source=_field(record, options.source_field),
        origin=origin,
    )


def _field(record: Mapping[str, object], name: str) -> str | None:
    value = record.get(name)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        text = " ".join(str(value).split())
        return text or None
    return None


def _record_id(record: Mapping[str, object], options: ReadOptions) -> str | None:
    return _field(record, options.id_field or DEFAULT_ID_FIELD)


def _record_date(record: Mapping[str, object], options: ReadOptions, origin: str) -> dt.date | None:
    names = (options.date_field,) if options.date_field else DEFAULT_DATE_FIELDS
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        date = parse_date(value)
        if date is not None:
            return date
        # A bad date is not worth losing the text for: keep the record, say so, use the default.
        log.warning("%s: cannot read %s=%r as a date; using the default", origin, name, value)
    return options.published
