"""Incident records out of frames: every field with the evidence it was read from, and the
source the article attributes that passage to."""

from __future__ import annotations

import re
import unicodedata

from incidex.codebook import AttackType
from incidex.geo.address import UNIT_WORDS
from incidex.geo.gazetteer import Place
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.registry import register_stage
from incidex.record import (
    Casualties,
    Count,
    Entity,
    Evidence,
    Flag,
    Incident,
    IncidentDate,
    Location,
    Perpetrator,
    incident_id,
)

_SUMMARY_CHARS = 400


def evidence(doc: Doc, spans: list[Span]) -> list[Evidence]:
    out = []
    for span in spans:
        sentence = doc.sentence_index(span.start)
        out.append(Evidence(
            article_id=doc.article.id, start=span.start, end=span.end,
            text=doc.text[span.start:span.end], attributed_to=doc.attributions.get(sentence),
        ))
    return out


def _entities(doc: Doc, spans: list[Span]) -> list[Entity]:
    by_text: dict[str, list[Span]] = {}
    for span in spans:
        key = " ".join(span.text.lower().split())
        by_text.setdefault(key, []).append(span)
    return [Entity(mentions=[s.text for s in group], evidence=evidence(doc, group))
            for group in by_text.values()]


def _summary(doc: Doc, frame: Frame) -> tuple[str, list[Evidence]]:
    """The frame's first sentence; only its own clauses where other incidents share it."""
    first = doc.sentences[frame.sentences[0]]
    shared = any(
        other is not frame and first.start <= other.start < first.end for other in doc.frames
    )
    if shared:
        mine = [c for c in frame.clauses if first.start <= c.start < first.end]
        first = Span(mine[0].start, mine[-1].end, doc.text[mine[0].start:mine[-1].end])
    text = " ".join(first.text.split())
    if len(text) > _SUMMARY_CHARS:
        text = text[: _SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text, evidence(doc, [first])


def _location(doc: Doc, frame: Frame) -> Location:
    place = frame.location.get("place")
    if not isinstance(place, Place):
        return _bare_location(doc, frame)
    spans = frame.location.get("evidence", [])
    assert isinstance(spans, list)
    specificity = frame.location.get("specificity", 5)
    assert isinstance(specificity, int)
    name = None
    unknown = frame.location.get("name")
    if isinstance(unknown, str):
        # A town the gazetteer does not know, placed at the point of what contains it.
        name = _plain(unknown)
    elif place.kind in ("city", "admin2"):
        # The article's own spelling when it names this place ("Jalalabad", not GeoNames'
        # "Jalālābād"), else the gazetteer name without diacritics, as GTD writes names.
        mention = next((str(s.attrs.get("mention") or s.text) for s in spans
                        if s.attrs.get("place") == place), None)
        written = mention if mention and not (mention.islower() or mention.isupper()) else None
        name = _plain(_without_unit(written, place) if written else place.name)
    admin1 = place.admin1 if place.kind != "admin1" else place.name
    return Location(
        name=name,
        admin1=_plain(admin1) if admin1 else None,
        country=place.country, country_code=place.country_code,
        lat=place.lat, lon=place.lon, geonameid=place.geonameid if place.geonameid > 0 else None,
        specificity=specificity, evidence=evidence(doc, spans),
    )


def _bare_location(doc: Doc, frame: Frame) -> Location:
    """A town written with nothing known around it: its name alone, no coordinates."""
    name = frame.location.get("name")
    if not isinstance(name, str):
        return Location()
    spans = frame.location.get("evidence", [])
    assert isinstance(spans, list)
    return Location(name=_plain(name), specificity=5, evidence=evidence(doc, spans))


def _without_unit(written: str, place: Place) -> str:
    """"Biratnagar City" is Biratnagar, as the gazetteer and GTD write it; "Kansas City" keeps
    the word that belongs to its name."""
    words = written.split()
    if len(words) > 1 and words[-1].lower() in UNIT_WORDS and not place.name.lower().endswith(
            words[-1].lower()):
        return " ".join(words[:-1])
    return written


def _plain(name: str) -> str:
    """The name as GTD writes it: no diacritics, no district abbreviation after a city's
    name ("Washington D.C." is Washington)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("‘", "'")
    return _UNIT_PREFIX.sub("", _CITY_ABBREVIATION.sub("", plain))


_CITY_ABBREVIATION = re.compile(r",?\s+D\.?\s?C\.?$")
# Philippine addresses write the unit before the name ("Barangay Talahid", "Sitio Lubcon");
# GTD keeps "Purok" ("Purok Lansones").
_UNIT_PREFIX = re.compile(r"^(?:Barangay|Brgy\.?|Sitio)\s+(?=[A-Z])")


def _casualties(doc: Doc, frame: Frame) -> Casualties:
    counts: dict[str, Count] = {}
    for category, (low, high, exact, spans) in frame.casualties.items():
        counts[category] = Count(min=low, max=high, exact=exact, evidence=evidence(doc, spans))
    return Casualties(**counts)


def _perpetrators(doc: Doc, frame: Frame) -> list[Perpetrator]:
    individuals = [s.text for s in frame.roles.get("perp_individual", [])]
    perps = []
    for group in sorted(frame.groups, key=lambda g: not g.get("claimed")):
        spans = group.get("evidence", [])
        assert isinstance(spans, list)
        mention = group.get("mention")
        attributed_by = None
        if not group.get("claimed") and isinstance(mention, Span):
            attributed_by = doc.attributions.get(doc.sentence_index(mention.start))
        perps.append(Perpetrator(
            name=mention.text if isinstance(mention, Span) else str(group["canonical"]),
            canonical=str(group["canonical"]), individuals=individuals,
            claimed=bool(group.get("claimed")),
            claim_mode=str(group["claim_mode"]) if group.get("claim_mode") else None,
            attributed_by=attributed_by, evidence=evidence(doc, spans),
        ))
    claimed, claim_spans = frame.flags.get("claimed", (False, []))
    if not perps and (individuals or claimed):
        # People, or a claim by someone the report names as no group ("he confessed"): GTD's
        # group is "Unknown", and the claim is still a claim.
        spans = frame.roles.get("perp_individual", [])
        mode = claim_spans[0].attrs.get("claim_mode") if claim_spans else None
        perps.append(Perpetrator(name=spans[0].text if spans else "Unknown", individuals=individuals,
                                 claimed=claimed, claim_mode=str(mode) if mode else None,
                                 evidence=evidence(doc, [*spans, *claim_spans])))
    return perps


def _confidence(frame: Frame) -> float:
    """How likely the incident is a real attack report, a terrorism database's kind of record.

    With the ``relevance`` stage (the default pipeline) it is the learned frame-relevance
    probability, which ``incidex eval calibration`` checks against MUC-4's gold (on dev an
    expected calibration error of about 0.09, where the signal count below scored 0.267;
    figures in docs/benchmarks.md). Without the stage (``Pipeline.named("rules")``) it falls back to
    that count of independent signals, which is uncalibrated."""
    if frame.relevance is not None:
        return round(frame.relevance, 3)
    signals = [
        bool(frame.concrete_types()), bool(frame.casualties), bool(frame.location),
        bool(frame.date.get("evidence")), bool(frame.groups or frame.roles.get("perp_individual")),
        frame.attack_types[:1] != [AttackType.UNKNOWN],
    ]
    return round(0.3 + 0.6 * sum(signals) / len(signals), 2)


def assemble_incident(doc: Doc, frame: Frame) -> Incident:
    summary, summary_evidence = _summary(doc, frame)
    date_value = frame.date.get("date")
    date_spans = frame.date.get("evidence", [])
    assert isinstance(date_spans, list)
    precision = str(frame.date.get("precision", "day"))
    suicide, suicide_spans = frame.flags.get("suicide", (False, []))
    success, success_spans = frame.flags.get("success", (True, []))
    return Incident(
        id=incident_id(doc.article.id, frame.start),
        article_ids=[doc.article.id],
        summary=summary,
        date=IncidentDate(start=date_value, end=date_value,
                          precision=precision,
                          evidence=evidence(doc, date_spans)),
        location=_location(doc, frame),
        attack_types=[t.value for t in frame.attack_types],
        weapon_types=[w.value for w in frame.weapon_types],
        target_types=[t.value for t in frame.target_types],
        perpetrators=_perpetrators(doc, frame),
        human_targets=_entities(doc, frame.roles.get("human_target", [])),
        physical_targets=_entities(doc, frame.roles.get("physical_target", [])),
        weapons=_entities(doc, frame.roles.get("weapon", [])),
        casualties=_casualties(doc, frame),
        suicide=Flag(value=suicide, evidence=evidence(doc, suicide_spans)),
        success=Flag(value=success, evidence=evidence(doc, success_spans)),
        multiple=frame.multiple,
        evidence={
            "summary": summary_evidence,
            **{k: evidence(doc, v) for k, v in frame.evidence.items()},
        },
        confidence=_confidence(frame),
    )


@register_stage("assemble")
class Assembler:
    name = "assemble"
    requires: tuple[str, ...] = ("frames", "coding", "location", "dates", "attributions")
    assigns: tuple[str, ...] = ("incidents",)

    def __call__(self, doc: Doc) -> Doc:
        doc.incidents = [assemble_incident(doc, frame) for frame in doc.frames]
        ids = [i.id for i in doc.incidents]
        for incident in doc.incidents:
            if incident.multiple:
                incident.related = [other for other in ids if other != incident.id]
        return doc
