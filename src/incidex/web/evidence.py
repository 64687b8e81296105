"""Which characters of an article each field of an incident was read from.

The incident page lists every field with a key (``casualties.killed``, ``perpetrators.0``)
and shows the article text cut into segments, each segment knowing the keys whose evidence
covers it; hovering a field lights up its segments and back. Offsets are trusted only when
they point at the quoted text: a stale span (the article re-cleaned since) is looked up by its
quote, and dropped from the highlighting if the quote is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from incidex.record import Count, Evidence, Incident

#: Labels of the fields whose evidence sits in ``Incident.evidence``.
_LOOSE_FIELDS = {
    "summary": "Summary",
    "attack_types": "Attack type",
    "weapon_types": "Weapon type",
    "target_types": "Target type",
}
_CASUALTIES = {
    "killed": "Killed",
    "wounded": "Wounded",
    "perpetrators_killed": "Perpetrators killed",
    "perpetrators_wounded": "Perpetrators wounded",
}


@dataclass
class FieldEvidence:
    key: str
    label: str
    evidence: list[Evidence]


@dataclass
class CitedSpan:
    """A span of an article that some incident field cites."""

    incident_id: str
    field: str
    label: str
    start: int
    end: int
    text: str
    attributed_to: str | None


@dataclass
class Segment:
    text: str
    fields: list[str] = field(default_factory=list)


def field_evidence(incident: Incident) -> list[FieldEvidence]:
    """Every field of the incident that has evidence, in the order the page lists fields."""
    found: list[FieldEvidence] = []

    def add(key: str, label: str, evidence: list[Evidence]) -> None:
        if evidence:
            found.append(FieldEvidence(key, label, evidence))

    add("date", "Date", incident.date.evidence)
    add("location", "Location", incident.location.evidence)
    for key, label in _LOOSE_FIELDS.items():
        add(key, label, incident.evidence.get(key, []))
    for n, perpetrator in enumerate(incident.perpetrators):
        add(f"perpetrators.{n}", f"Perpetrator: {perpetrator.canonical or perpetrator.name}",
            perpetrator.evidence)
    for name, label in _CASUALTIES.items():
        count: Count | None = getattr(incident.casualties, name)
        if count is not None:
            add(f"casualties.{name}", label, count.evidence)
    for kind, label, entities in (
        ("human_targets", "Human target", incident.human_targets),
        ("physical_targets", "Physical target", incident.physical_targets),
        ("weapons", "Weapon", incident.weapons),
    ):
        for n, entity in enumerate(entities):
            add(f"{kind}.{n}", f"{label}: {entity.mentions[0] if entity.mentions else '?'}",
                entity.evidence)
    add("suicide", "Suicide", incident.suicide.evidence)
    add("success", "Success", incident.success.evidence)
    known = {f.key for f in found} | {"summary", "attack_types", "weapon_types", "target_types"}
    for key, evidence in incident.evidence.items():  # fields a later stage adds
        if key not in known:
            add(key, key.replace("_", " ").capitalize(), evidence)
    return found


def cited_spans(text: str, article_id: str, incidents: list[Incident]) -> list[CitedSpan]:
    """The spans of one article that the given incidents cite, located in ``text``."""
    spans: list[CitedSpan] = []
    for incident in incidents:
        for item in field_evidence(incident):
            for ev in item.evidence:
                if ev.article_id != article_id:
                    continue
                located = locate(text, ev)
                if located is not None:
                    start, end = located
                    spans.append(CitedSpan(incident.id, item.key, item.label, start, end,
                                           text[start:end], ev.attributed_to))
    spans.sort(key=lambda s: (s.start, s.end, s.field))
    return spans


def locate(text: str, ev: Evidence) -> tuple[int, int] | None:
    """Where the evidence lies in ``text``: its offsets if they hold its quote, else the first
    place the quote occurs, else None."""
    if 0 <= ev.start < ev.end <= len(text) and text[ev.start : ev.end] == ev.text:
        return ev.start, ev.end
    if ev.text:
        at = text.find(ev.text)
        if at >= 0:
            return at, at + len(ev.text)
    return None


def segments(
    text: str, spans: list[CitedSpan], key: Callable[[CitedSpan], str] | None = None
) -> list[Segment]:
    """``text`` cut at every span boundary; each piece lists the keys of the spans covering it.

    A span's key is its field unless ``key`` says otherwise (the article page, which shows
    the spans of several incidents, qualifies the field by the incident). Overlapping spans
    (a casualty figure inside the perpetrator's sentence) give pieces with several keys, so
    no highlight hides another.
    """
    key_of = key or (lambda s: s.field)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces: list[Segment] = []
    for start, end in _pairs(cuts):
        covering = sorted({key_of(s) for s in spans if s.start <= start and end <= s.end})
        pieces.append(Segment(text[start:end], covering))
    return pieces


def _pairs(cuts: list[int]) -> Iterator[tuple[int, int]]:
    for start, end in pairwise(cuts):
        if end > start:
            yield start, end


__all__ = ["CitedSpan", "FieldEvidence", "Segment", "cited_spans", "field_evidence", "locate", "segments"]
