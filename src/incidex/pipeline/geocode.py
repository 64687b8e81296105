"""Places: toponyms of the article resolved against the offline gazetteer, and the place
where each incident happened.

An incident's place is the most specific place its own clauses put it "in", "at" or "near";
then one its sentences put an event in; then the article's region, when its places agree on
one ("Grozny", "Shali" and "Chechnya" -> Chechnya), at GTD specificity 4; then its country.
"""

from __future__ import annotations

import re
from collections import Counter

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import resolve, specificity
from incidex.geo.toponyms import find_toponyms
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.registry import register_stage

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|around|across|into|on\s+the\s+outskirts\s+of|"
    r"north|south|east|west|(?:north|south)[-\s]?(?:east|west)|of\s+the\s+(?:town|city|"
    r"village|district|province|region)\s+of|(?:town|city|village|district|province|"
    r"municipality|department|region|state)\s+of|from)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|restive|volatile|capital|town|city|"
    r"village|province|of)\s+)*|\b(?:north|south|east|west)\s+of\s+)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s?\b")
_SPECIFIC_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}


def _toponym_span(text: str, place: Place, start: int, end: int, demonym: bool) -> Span:
    before = text[max(0, start - 60):start]
    return Span(start, end, text[start:end], "toponym", {
        "place": place,
        "place_name": place.name,
        "kind": place.kind,
        "demonym": demonym,
        "locative": (not demonym) and _LOCATIVE.search(before) is not None,
    })


@register_stage("geocode")
class Geocoder:
    name = "geocode"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("toponyms",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        toponyms = find_toponyms(doc.text, self.gazetteer)
        spans: list[Span] = []
        for resolved in resolve(toponyms, doc.text):
            if resolved.place is None:
                continue
            t = resolved.toponym
            spans.append(_toponym_span(doc.text, resolved.place, t.start, t.end, t.is_demonym))
        doc.mentions["toponym"] = spans
        return doc


def _most_specific(spans: list[Span]) -> Span | None:
    if not spans:
        return None
    return min(spans, key=lambda s: (_SPECIFIC_RANK.get(str(s.attrs["kind"]), 9), s.start))


def article_region(doc: Doc) -> tuple[Place | None, list[Span]]:
    """The admin1 region (else country) most of the article's places lie in."""
    places = [s for s in doc.mentions.get("toponym", []) if not s.attrs["demonym"]]
    if not places:
        places = list(doc.mentions.get("toponym", []))
    admin1: Counter[tuple[str, str]] = Counter()
    country: Counter[str] = Counter()
    for span in places:
        place: Place = span.attrs["place"]
        if place.country_code:
            country[place.country_code] += 1
        if place.admin1_code and place.country_code and place.kind in ("city", "admin2", "admin1"):
            admin1[(place.country_code, place.admin1_code)] += 1
    if not country:
        return None, []
    top_country, _ = country.most_common(1)[0]
    gazetteer = Gazetteer.default()
    regions = [(k, n) for k, n in admin1.most_common() if k[0] == top_country]
    if regions and regions[0][1] >= 2 and (len(regions) == 1 or regions[0][1] > regions[1][1]):
        region = gazetteer.admin1(*regions[0][0])
        if region is not None:
            evidence = [s for s in places if s.attrs["place"].admin1_code == regions[0][0][1]
                        and s.attrs["place"].country_code == top_country]
            return region, evidence[:3]
    evidence = [s for s in places if s.attrs["place"].country_code == top_country]
    return gazetteer.country(top_country), evidence[:3]


def frame_location(doc: Doc, frame: Frame) -> None:
    in_frame = [s for c in frame.clauses for s in doc.mentions_in("toponym", c.start, c.end)]
    choice = _most_specific([s for s in in_frame if s.attrs["locative"]])
    if choice is None:
        sentence_spans = [
            s for i in frame.sentences
            for s in doc.mentions_in("toponym", doc.sentences[i].start, doc.sentences[i].end)
        ]
        choice = _most_specific([s for s in sentence_spans if s.attrs["locative"]]) or (
            _most_specific([s for s in sentence_spans if s.attrs["kind"] == "city"
                            and not _POSSESSIVE.match(doc.text, s.end)])
        )
    setup = frame.setup_sentence(doc)
    if choice is None and setup is not None:
        sentence = doc.sentences[setup]
        choice = _most_specific([s for s in doc.mentions_in("toponym", sentence.start, sentence.end)
                                 if s.attrs["locative"]])
    if choice is not None:
        place: Place = choice.attrs["place"]
        frame.location = {"place": place, "evidence": [choice],
                          "specificity": specificity(place)}
        return
    region, evidence = article_region(doc)
    if region is not None:
        frame.location = {"place": region, "evidence": evidence,
                          "specificity": specificity(region)}


@register_stage("locate")
class IncidentLocator:
    name = "locate"
    requires: tuple[str, ...] = ("frames", "toponyms")
    assigns: tuple[str, ...] = ("location",)

    def __call__(self, doc: Doc) -> Doc:
        for frame in doc.frames:
            frame_location(doc, frame)
        return doc
