"""An article: the unit every reader produces and every pipeline run consumes."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from incidex.mojibake import repair_mojibake


def content_hash(text: str) -> str:
    """The identity of an article's text, ignoring differences in surrounding white space."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _as_date(value: object) -> dt.date | None:
    """The publication date, also when a caller gives it as an ISO string ("2018-08-21",
    "2018-08-21T09:30:00Z"), as ``incidex.extract`` accepts: a string left as it is would only
    fail much later, deep in date resolution."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            try:
                return dt.datetime.fromisoformat(value.strip()).date()
            except ValueError:
                pass
    raise ValueError(f"published must be a date or an ISO 8601 date string, got {value!r}")


@dataclass(frozen=True)
class Article:
    """Text of one news report and what is known about it.

    ``id`` defaults to a prefix of the content hash, so the same text read twice from any
    source gets the same id and is stored once. Text decoded with the wrong code page
    ("QaÕidat", "cleric\x92s") is repaired on the way in, one character for one
    (``incidex.mojibake``), so evidence offsets index the repaired text.
    """

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    origin: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", repair_mojibake(self.text))
        object.__setattr__(self, "published", _as_date(self.published))
        if not self.id:
            object.__setattr__(self, "id", "art-" + self.hash[:16])

    @property
    def hash(self) -> str:
        return content_hash(self.text)
