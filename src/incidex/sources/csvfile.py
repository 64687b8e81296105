"""CSV and TSV files: a header row, then one article per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from incidex.article import Article
from incidex.errors import IncidexError, MalformedRecordError
from incidex.sources._records import article_from_record
from incidex.sources.options import ReadOptions

_DELIMITERS = ",;\t|"


def parse_csv(
    text: str,
    origin: str,
    options: ReadOptions,
    on_error: Callable[[IncidexError], None],
    *,
    delimiter: str | None = None,
) -> Iterator[Article]:
    """Check the header now (a missing text column fails the whole file), then yield rows.

    A row that cannot be parsed, has the wrong number of fields or no text goes to
    ``on_error`` and is skipped. ``origin`` of each Article is "path:LINE", the line the row
    starts on (a quoted field may span several).
    """
    delimiter = delimiter or _guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        while header == []:  # blank lines before the header
            header = next(reader, None)
    except csv.Error as exc:
        raise MalformedRecordError(f"unreadable CSV header: {exc}", source=origin) from None
    if header is None:
        raise MalformedRecordError("no header row", source=origin)
    columns = [name.strip().lstrip("\ufeff") for name in header]
    if options.text_field not in columns:
        raise MalformedRecordError(
            f"no {options.text_field!r} column (columns: {', '.join(columns)}); "
            "name the text column with text_field",
            source=origin,
        )
    return _rows(reader, columns, origin, options, on_error)


def _rows(
    reader: Iterator[list[str]],
    columns: list[str],
    origin: str,
    options: ReadOptions,
    on_error: Callable[[IncidexError], None],
) -> Iterator[Article]:
    line_num = getattr(reader, "line_num", 0)
    while True:
        start = line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            on_error(MalformedRecordError(f"unreadable CSV: {exc}", source=f"{origin}:{start}"))
            if getattr(reader, "line_num", line_num) <= line_num:
                return  # the reader cannot get past this point
            line_num = reader.line_num  # type: ignore[attr-defined]
            continue
        line_num = getattr(reader, "line_num", line_num + 1)
        if row is None:
            return
        if not row or not any(cell.strip() for cell in row):
            continue
        where = f"{origin}:{start}"
        if len(row) != len(columns):
            on_error(
                MalformedRecordError(
                    f"{len(row)} fields where the header has {len(columns)}",
                    source=where,
                )
            )
            continue
        record = dict(zip(columns, row, strict=True))
        try:
            yield article_from_record(record, options, where)
        except MalformedRecordError as exc:
            on_error(exc)


def _guess_delimiter(text: str) -> str:
    """The candidate that occurs most often in the header line (headers are rarely quoted)."""
    header = text.lstrip("\n").split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
