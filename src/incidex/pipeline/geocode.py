"""Places: toponyms of the article resolved against the offline gazetteer, read in context
(locative, demonym, dateline, address chains). Where each incident happened is the locate
stage's (:mod:`incidex.pipeline.locate`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from incidex.geo.address import (
    FACILITY_WORDS,
    UNIT_WORDS,
    Address,
    read_chains,
)
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import Resolved, resolve
from incidex.geo.toponyms import Toponym, find_toponyms
from incidex.groups import GroupLexicon
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.registry import register_stage

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|around|across|into|through|between|"
    r"on\s+the\s+outskirts\s+of|"
    # at sea: "abducted three fishermen off the coast of Tawi-Tawi province", "off Somalia"
    r"off(?:\s+the\s+(?:\w+\s+)?coast\s+of)?|(?:along|on)\s+the\s+(?:\w+\s+)?coast\s+of|"
    r"north|south|east|west|(?:north|south)[-\s]?(?:east|west)|of\s+the\s+(?:town|city|"
    r"village|district|province|region)\s+of|(?:town|city|village|district|province|"
    r"municipality|department|region|state|settlement|kibbutz|moshav|camp|"
    r"hamlet)\s+of|(?<!fired\s)(?<!launched\s)(?<!mailed\s)(?<!sent\s)(?<!posted\s)"
    r"(?<!crossed\s)(?<!came\s)(?<!returning\s)(?<!fled\s)(?<!smuggled\s)from)"
    r"\s+(?:the\s+)?"
    # "in the Somali capital Mogadishu", "in the Iraqi capital, Baghdad"
    r"(?:(?:[\w'’-]+\s+capital,?|"
    r"northern|southern|eastern|western|central|restive|volatile|capital|town|city|downtown|"
    r"village|province|of)\s+)*|\b(?:north|south|east|west)\s+of\s+)"
    # "in al-Birah": the article of an Arabic name the toponym's span leaves out.
    r"(?:[ae]l-)?$",
    re.IGNORECASE,
)
# Before an unknown first part of an address chain: a locative word or an attack verb
# ("Assailants raided Ukpabi Nimbo, Enugu, Nigeria").
_CHAIN_CUE = re.compile(
    _LOCATIVE.pattern[:-1] + r"|\b(?:attacked|raided|stormed|struck|targeted|bombed|ambushed|"
    r"shelled|entered|invaded|overran|hit)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# After a place that opens the text, the mark of a dateline: "ARGENTINA.  The second floor",
# "BAGHDAD, Iraq (Reuters) -", "KABUL (AP) —".
# Before a place, a verb that makes it the place attacked ("Assailants raided Suuj village").
_ATTACKED = re.compile(
    r"\b(?:attacked|raided|stormed|struck|targeted|bombed|ambushed|shelled|entered|invaded|"
    r"overran|hit)\s+(?:the\s+)?$", re.IGNORECASE)
# Before a place, words that make it a reference point rather than the place itself.
_NEAR = re.compile(r"\b(?:near|outside|outskirts\s+of|suburbs?\s+of|"
                   r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?"
                   r"(?:(?:town|city|village|capital)\s+(?:of\s+)?)?$",
                   re.IGNORECASE)


def _near_at(text: str, start: int) -> int | None:
    """Where a "near", "outside", "a suburb of" or "on the outskirts of" before the place
    begins: the locate stage makes the place a reference point when another name comes
    right before that word ("in Saint Denis suburb, near Paris")."""
    near = _NEAR.search(text, max(0, start - 60), start)
    return near.start() if near is not None else None


# After a name, a word that makes it a thing named after someone: "a Molotov cocktail".
_NO_PLACE_AFTER = re.compile(r"\s+cocktails?\b", re.IGNORECASE)
# A place given as the reference point of one named just before: "in Dhuluiya, north of
# Baghdad", "in Madaen (south of Baghdad)", "Ma'rib, 170 km northeast of Sanaa".
_REFERENCE = re.compile(
    r"\w['’]?\s*[,(]\s*(?:about\s+|some\s+|just\s+)?(?:[\d,.]+\s*(?:km|kilometers|kilometres|"
    r"miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?"
    r"(?:(?:town|city|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)
# "the conflict in Ukraine", "the war in Iraq": the place a cause or topic is about, not where
# anything here happened.
_TOPIC = re.compile(r"\b(?:conflicts?|wars?|crisis|occupation|involvement|intervention|presence|"
                    r"polic(?:y|ies))\s+(?:in|on|over)\s+(?:the\s+)?$", re.IGNORECASE)
_FIRED = r"\b(?:fired|firing|fire|launched|launching|lobbed)\b[^.;]{0,40}?"
_AIMED = re.compile(rf"(?:\btowards?|{_FIRED}\b(?:on|at|into))\s+"
                    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?$",
                    re.IGNORECASE)
# "fired a rocket from the Gaza Strip", "shells launched from Lebanon": where the attack came
# from, not where it struck.
_ORIGIN = re.compile(rf"(?:{_FIRED}|\bshot\b[^.;]{{0,40}}?)\bfrom\s+(?:the\s+)?$",
                     re.IGNORECASE)
_DATELINE = re.compile(r"\s*(?:\.\s|,|\s?\(|\s?[—–-]\s)")
# After a country's name, a noun that makes the name an adjective of people or institutions.
# "in a Jerusalem post office": a place's name before a lowercase noun, after "in a".
_IN_A = re.compile(r"\b(?:in|at|near|outside)\s+an?\s+$", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+[a-z]")
_ATTRIBUTIVE = re.compile(
    r"\s+(?:(?:military|army|navy|air\s+force|special|government|federal|state|security|"
    r"coalition|led|backed)[\s-]+)?(?:forces|troops|soldiers|servicem[ae]n|marines|military|army|"
    r"navy|officials?|diplomats?|citizens?|nationals?|contractors?|personnel|convoy|patrol|"
    r"government|authorities|ambassador|envoy|embassy|consulate|interests|firms?|companies|"
    r"businessm[ae]n|tourists?|aid\s+workers?|engineers?|journalists?|warplanes?|aircraft|"
    r"helicopters?|drones?|base|bases)\b", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][\w'’]*){0,2}\s+([A-Z][\w'’]*)\b")
_LOWER_NOUN = re.compile(rf" (?!(?:{'|'.join(sorted(UNIT_WORDS))})\b)[a-z]{{3,}}\b")


def _plain_lower(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalnum())


def _toponym_span(text: str, place: Place, start: int, end: int, demonym: bool) -> Span:
    before = text[max(0, start - 60):start]
    # "US forces", "the U.S. embassy": a country's name used as its adjective ("American").
    attributive = place.kind == "country" and _ATTRIBUTIVE.match(text, end) is not None
    # "at the Stina pub", "in the Rein petroleum company": the name of a facility.
    facility = before.endswith(("the ", "The ", "the al-", "the el-")) and (
        _LOWER_NOUN.match(text, end) is not None)
    # "Union Station in Denver", "at Kent State University": a building named after a place.
    named = _NAME_GOES_ON.match(text, end)
    # The place's own name may end in such a word ("Falls Church", "Seaside Park").
    own_name = _plain_lower(place.name) == _plain_lower(text[start:end])
    last_word = named.group(1) if named else (None if own_name else text[start:end].split()[-1])
    facility = facility or (last_word is not None and last_word.lower() in FACILITY_WORDS)
    return Span(start, end, text[start:end], "toponym", {
        "place": place,
        "place_name": place.name,
        "kind": place.kind,
        "demonym": demonym or attributive,
        "attributive": attributive,
        "locative": not (demonym or attributive) and not facility and _REFERENCE.search(before) is None
        and _ORIGIN.search(before) is None and _TOPIC.search(before) is None and (
            _LOCATIVE.search(before) is not None
            or (_IN_A.search(before) is not None and _NOUN_NEXT.match(text, end) is not None)),
        # "fired rockets toward Ashqelon": the place aimed at, taken once incidents are told
        # apart (the frames stage does not read it).
        "near_at": _near_at(text, start),
        "aimed": not (demonym or attributive) and not facility and _AIMED.search(before) is not None,
    })


@register_stage("geocode")
class Geocoder:
    name = "geocode"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("toponyms",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        toponyms = _not_group_names(doc.text, find_toponyms(doc.text, self.gazetteer))
        resolved = _bracketed_capitals(doc.text, resolve(toponyms, doc.text), self.gazetteer)
        addresses = read_chains(doc.text, resolved, _CHAIN_CUE)
        # A place read inside its address chain replaces its reading out of context.
        reread: dict[int, Place | None] = {
            p.resolved.toponym.start: p.place for a in addresses for p in a.parts if p.resolved
        }
        spans: list[Span] = []
        for r in resolved:
            t = r.toponym
            place = reread.get(t.start, r.place) if not t.is_demonym else r.place
            if place is None or _NO_PLACE_AFTER.match(doc.text, t.end):
                continue
            span = _toponym_span(doc.text, place, t.start, t.end, t.is_demonym)
            span.attrs["candidates"] = t.candidates if t.start not in reread else ()
            span.attrs["dateline"] = not spans and _DATELINE.match(doc.text, t.end) is not None and (
                not doc.text[:t.start].strip())
            spans.append(span)
        doc.mentions["toponym"] = spans
        doc.mentions["address"] = [_address_span(doc.text, a) for a in addresses]
        return doc


def _not_group_names(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """"Hamas" is a group, not Hamm (whose alternate names include "Hamas"): a toponym whose
    whole span is a known group name is dropped, so it neither places the incident nor
    wins over the places the article does name. Places inside a longer group name ("of
    Colombia" in FARC's name) stay."""
    names = {(m.start, m.end) for m in GroupLexicon.default().find(text)}
    return [t for t in toponyms if (t.start, t.end) not in names]


_BRACKETED = re.compile(r"\s*\(([A-Z][\w'’ -]{2,30})\)")


def _bracketed_capitals(text: str, resolved: list[Resolved], gazetteer: Gazetteer
                        ) -> list[Resolved]:
    """"Congo (Kinshasa)", "Congo (Brazzaville)": the capital in brackets tells which of two
    countries of one name the text means."""
    out = []
    for r in resolved:
        match = _BRACKETED.match(text, r.toponym.end)
        if r.place is not None and r.place.kind == "country" and match is not None:
            capital = next((c for c in gazetteer.candidates(match.group(1))
                            if c.kind == "city" and c.capital and c.country_code), None)
            country = gazetteer.country(capital.country_code) if capital and capital.country_code else None
            if country is not None and country.country_code != r.place.country_code and any(
                    w in (country.name or "") for w in r.toponym.text.split()):
                r = replace(r, place=country)
        out.append(r)
    return out


def _address_span(text: str, address: Address) -> Span:
    first = address.parts[0]
    span = _toponym_span(text, address.place, address.start, first.end, False)
    span.end = address.end
    span.text = text[address.start:address.end]
    # "Assailants attacked Suuj village in Nugaal, Somalia": the place attacked.
    span.attrs["locative"] = span.attrs["locative"] or _ATTACKED.search(
        text, max(0, address.start - 60), address.start) is not None
    part = address.part
    span.attrs.update({
        "name": address.name,
        "mention": text[part.start:part.end] if address.settled else None,
        "kind": "city" if address.name else address.place.kind,
        # The unit written after the part ("Gumla district"): a district stands in for the
        # town only until the text names a village in it.
        "unit": part.unit,
    })
    return span
