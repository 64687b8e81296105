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
        if not self.id:
            object.__setattr__(self, "id", "art-" + self.hash[:16])

    @property
    def hash(self) -> str:
        return content_hash(self.text)
