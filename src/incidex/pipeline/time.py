"""When each incident happened: a date in its own clauses, else in its sentences, else the
date the article's opening gives for its events, else the publication date (week precision:
news reports events of the last days)."""

from __future__ import annotations

import datetime as dt
import re

from incidex.pipeline.dates import find_dates
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.registry import register_stage

#: "the group said on Tuesday that its fighters had bombed ...": a date right after a verb of
#: saying is when the report was made; the attack's own date ("early on Monday") comes first.
_SAID = re.compile(
    r"\b(?:said|says|announced|stated|declared|confirmed|reported|added|claimed|told\s+[\w\s]{1,30}?)"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)


def _is_statement_date(doc: Doc, span: Span) -> bool:
    return _SAID.search(doc.text, max(0, span.start - 40), span.start) is not None


def _date_span(doc: Doc, frame: Frame) -> Span | None:
    """The frame's date; the date of a statement about it only when no other date is told."""
    return _first_date(doc, frame, statements=False) or _first_date(doc, frame, statements=True)


def _first_date(doc: Doc, frame: Frame, statements: bool) -> Span | None:
    dates = doc.mentions.get("date", [])
    published = doc.article.published

    def usable(span: Span) -> bool:
        value = span.attrs.get("date")
        return (isinstance(value, dt.date) and (published is None or value <= published)
                and (statements or not _is_statement_date(doc, span)))

    for clause in frame.clauses:
        found = [d for d in dates if d.within(clause.start, clause.end) and usable(d)]
        if found:
            return found[0]
    setup = frame.setup_sentence(doc)
    for index in frame.sentences + ([setup] if setup is not None else []):
        sentence = doc.sentences[index]
        found = [d for d in dates if d.within(sentence.start, sentence.end) and usable(d)]
        if found:
            return found[0]
    opening_end = doc.sentences[min(2, len(doc.sentences) - 1)].end if doc.sentences else 0
    found = [d for d in dates if d.end <= opening_end and usable(d)]
    return found[0] if found else None


@register_stage("time")
class IncidentDater:
    name = "time"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Doc) -> Doc:
        doc.mentions["date"] = [
            Span(m.start, m.end, m.text, "date", {"date": m.date, "precision": m.precision})
            for m in find_dates(doc.text, doc.article.published)
        ]
        for frame in doc.frames:
            span = _date_span(doc, frame)
            if span is not None:
                frame.date = {"date": span.attrs["date"], "precision": span.attrs["precision"],
                              "evidence": [span]}
            elif doc.article.published is not None:
                frame.date = {"date": doc.article.published, "precision": "week", "evidence": []}
        return doc
