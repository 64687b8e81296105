"""The Doc: the one container that flows through every pipeline stage.

Offsets are always character offsets into ``Doc.text``, which is the article text unchanged,
so evidence can be sliced straight out of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from incidex.article import Article
from incidex.record import Incident


@dataclass
class Span:
    start: int
    end: int
    text: str
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end


@dataclass
class Doc:
    article: Article
    sentences: list[Span] = field(default_factory=list)
    clauses: list[Span] = field(default_factory=list)
    tokens: list[Span] = field(default_factory=list)
    #: mention kind ("number", "date", "toponym", "group", "actor", ...) -> spans
    mentions: dict[str, list[Span]] = field(default_factory=dict)
    #: spans that describe an attack, grouped into incidents by the frames stage
    frames: list[Any] = field(default_factory=list)
    #: who says so: sentence index -> attribution text
    attributions: dict[int, str] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)
    #: stage name -> seconds spent on this doc
    timings: dict[str, float] = field(default_factory=dict)
    #: which attributes stages have assigned so far (checked against ``requires``)
    assigned: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.article.text

    def slice(self, start: int, end: int) -> str:
        return self.article.text[start:end]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the last one starting before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def mentions_in(self, kind: str, start: int, end: int) -> list[Span]:
        return [m for m in self.mentions.get(kind, []) if m.within(start, end)]
