"""How a batch of inputs is read: field names, a default date, the input kind, a size cap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from incidex.errors import UnsupportedInputError

KINDS = ("text", "html", "feed", "jsonl", "csv")

# Inputs larger than this are refused before they are read: a news article is a few tens of
# kilobytes, and a 20 MB JSONL/CSV batch holds several thousand of them.
DEFAULT_MAX_BYTES = 20_000_000


@dataclass
class ReadOptions:
    """Options shared by every reader.

    ``published`` is only a default: an input that carries its own date (a feed item, a page's
    metadata, a record's date field) keeps it. ``date_field=None`` tries "published", then
    "date". ``id_field=None`` uses a record's "id" when it has one, else the content hash.
    """

    published: dt.date | None = None
    text_field: str = "text"
    date_field: str | None = None
    url_field: str = "url"
    id_field: str | None = None
    title_field: str = "title"
    source_field: str = "source"
    kind: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise UnsupportedInputError(
                f"unknown input kind {self.kind!r}; expected one of: {', '.join(KINDS)}"
            )
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")
        if isinstance(self.published, dt.datetime):
            self.published = self.published.date()
