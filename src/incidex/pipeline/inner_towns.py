"""A village written right before the place it lies in or near; a city written by its side.

Reports place a small place by a bigger one: "in Kufr Deek in the Salfit area", "near the
settlement of Ateret near Ramallah", "near Simuluguri, in Sibsagar district", "in Gaur
municipality area in Rautahat district". GTD codes the small place as the city (codebook:
"the name of the city, village, or town in which the incident occurred"); the bigger one
is only how the writer located it. The gazetteer often does not know the village, so the
locate stage would otherwise take the bigger place it does know.

The bigger place gives way when it is a region or district, or a town small enough not to be
a city whose quarters and surroundings GTD codes as the city itself, with ``vicinity`` ("in
Adhamiya in Baghdad", "in Geleri, near Maiduguri" stay the city). For the same reason a side
of a city ("East Jerusalem") is named as the city.
"""

from __future__ import annotations

import re

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import distance_km
from incidex.pipeline.doc import Doc, Span

# A town this big, written as what a name lies "in", is a city whose quarters GTD codes as
# the city (the address chains' threshold for a bare name before a city inside its province).
QUARTERED_CITY_POPULATION = 100_000
# The most characters between the village and the place written after it.
_MAX_GAP = 70

# Words after the village that say what it is ("Gaur municipality area").
_AFTER_VILLAGE = (r"(?:\s+(?:village|town|hamlet|settlement|municipality|area|locality|parish|"
                  r"camp|trading\s+cent(?:er|re)))*")
# Then how the writer relates it to the bigger place.
_REFERENCE_LINK = (r"near|outside|on\s+the\s+outskirts\s+of|"
                   r"(?:(?:about|some|just)\s+)?(?:[\d.,]+\s*(?:km|kilometers|kilometres|miles)\s+)?"
                   r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of")
_GAP = re.compile(
    rf"{_AFTER_VILLAGE}\s*(?P<comma>,)?\s*"
    r"(?:(?:an?|the)\s+(?:small\s+)?(?:village|town|hamlet|settlement|locality)\s+)?"
    rf"(?:(?P<reference>{_REFERENCE_LINK})|(?P<inside>in|of))?\s+"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?"
    r"(?:(?:town|city|district|province|region|state)\s+of\s+)?",
    re.IGNORECASE,
)
# After the bigger place, a word that makes it an area rather than a town ("in the Salfit
# area", "in Banihal area", "in Doda district").
_AREA_AFTER = re.compile(r"\s+(?:area|district|region|province|county|governorate)\b",
                         re.IGNORECASE)


def inner_town(doc: Doc, choice: Span, villages: list[Span]) -> Span | None:
    """The village written right before ``choice`` that ``choice`` only locates, if any.

    ``villages`` are the candidates: the incident's towns the gazetteer knows and the written
    towns it does not (see :mod:`incidex.geo.written_towns`), as spans; a known one must lie
    in the country of ``choice``.
    """
    for village in villages:
        if village.end > choice.start or choice.start - village.end > _MAX_GAP:
            continue
        gap = _GAP.fullmatch(doc.text, village.end, choice.start)
        if gap is None or not (gap.group("comma") or gap.group("reference") or gap.group("inside")):
            continue
        place: Place = village.attrs["place"]
        if place.country_code != choice.attrs["place"].country_code:
            continue
        if gap.group("reference") and not _quartered(choice):
            return village
        if gap.group("inside") == "of" and not _region(doc, choice):
            continue  # "the Qatif Bloc settlement of Morag": Morag is the settlement
        if _region(doc, choice) or _small_town(choice):
            return village
    return None


def _quartered(choice: Span) -> bool:
    """A city big enough that GTD codes what happens near it as the city, in its vicinity
    ("in Geleri, near Maiduguri": Maiduguri)."""
    place: Place = choice.attrs["place"]
    return not choice.attrs.get("name") and place.kind == "city" and (
        place.population >= QUARTERED_CITY_POPULATION)


def _small_town(choice: Span) -> bool:
    place: Place = choice.attrs["place"]
    return choice.attrs["kind"] == "city" and not choice.attrs.get("name") and (
        place.kind == "city" and place.population < QUARTERED_CITY_POPULATION)


def _region(doc: Doc, choice: Span) -> bool:
    """Whether ``choice`` is a region or district, by its kind or as the text writes it."""
    if choice.attrs.get("unit") in ("district", "province", "county", "region", "governorate"):
        return True  # an address read from "Dolpa District, Nepal"
    if choice.attrs["kind"] in ("admin1", "admin2", "region"):
        return True
    return _AREA_AFTER.match(doc.text, choice.end) is not None


_POINTED = re.compile(r"(?:East|West|North|South|Central)\s+(?P<city>[A-Z].*)")
# A city's side lies this close to the city's own point, in a city this big and bigger than
# the side: "West Covina" and "West Palm Beach" are towns of their own.
_SIDE_KM = 25.0
_SIDED_CITY_POPULATION = 100_000


def whole_city(choice: Span) -> Span:
    """A side of a city ("East Jerusalem", "North Jakarta") named as the city, as GTD names
    the municipality; the side's point and country stay."""
    place: Place = choice.attrs["place"]
    written = str(choice.attrs.get("mention") or choice.text)
    pointed = _POINTED.fullmatch(written)
    if place.kind != "city" or choice.attrs.get("name") or pointed is None:
        return choice
    city = pointed.group("city")
    if not any(c.kind == "city" and distance_km(c, place) <= _SIDE_KM
               and c.population >= max(_SIDED_CITY_POPULATION, place.population)
               for c in Gazetteer.default().candidates(city)):
        return choice
    return Span(choice.start, choice.end, choice.text, choice.label, {**choice.attrs, "mention": city})
