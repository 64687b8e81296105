"""JSON Lines: one article per line. A .json file holding an array of objects (or a single
object) is read too."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from incidex.article import Article
from incidex.errors import IncidexError, MalformedRecordError
from incidex.sources._records import article_from_record
from incidex.sources.options import ReadOptions


def parse_jsonl(
    text: str,
    origin: str,
    options: ReadOptions,
    on_error: Callable[[IncidexError], None],
) -> Iterator[Article]:
    """Yield one Article per record; a broken line goes to ``on_error`` and the rest go on.

    ``origin`` of each Article (and ``source`` of each error) is "path:LINE" (1-based), or
    "path#ITEM" for a JSON array.
    """
    if text.lstrip().startswith(("[", "{")):
        try:  # a whole .json document; JSON Lines with two or more records fail at once here
            document = json.loads(text)
        except json.JSONDecodeError:
            document = None
        if isinstance(document, list):
            yield from _array_items(document, origin, options, on_error)
            return
        if isinstance(document, dict):
            yield from _array_items([document], origin, options, on_error)
            return
    # Split on "\n" only: str.splitlines() would also cut at U+2028, which JSON strings may hold.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(
                MalformedRecordError(
                    f"invalid JSON at column {exc.colno}: {exc.msg.removesuffix(' at').lower()}",
                    source=where,
                )
            )
            continue
        if not isinstance(record, dict):
            on_error(
                MalformedRecordError(f"a JSON {type(record).__name__}, not an object", source=where)
            )
            continue
        try:
            yield article_from_record(record, options, where)
        except MalformedRecordError as exc:
            on_error(exc)


def _array_items(
    records: list[object],
    origin: str,
    options: ReadOptions,
    on_error: Callable[[IncidexError], None],
) -> Iterator[Article]:
    for number, record in enumerate(records, start=1):
        where = f"{origin}#{number}"
        if not isinstance(record, dict):
            on_error(
                MalformedRecordError(f"a JSON {type(record).__name__}, not an object", source=where)
            )
            continue
        try:
            yield article_from_record(record, options, where)
        except MalformedRecordError as exc:
            on_error(exc)
