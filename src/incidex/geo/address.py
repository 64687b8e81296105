"""Address chains: how reports write where something happened (their parts, units and the
town a chain names: :mod:`incidex.geo.address_parts`).

Reports, and GTD summaries above all, put a place inside its containers, innermost first:
"in Qamishli city, Al Hasakah governorate, Syria", "in Reno, Washoe county, Nevada",
"in the Nawa district of Helmand, Afghanistan", "in Gulshan neighborhood, Dhaka, Bangladesh".
Read as a chain, each part must lie inside the parts after it, which settles what the
resolver alone cannot: a village called like a place abroad ("Manna, Sri Lanka" is not the
Manna of Indonesia), a country given only by its state ("Nevada"), and names the gazetteer
does not know at all ("Laguilaylan, Isulan district, Sultan Kudarat, Philippines"), which
are still the incident's town, placed at the point of the smallest known container.

The incident's place in a chain is its innermost part, as GTD codes it: the municipality,
so a neighbourhood, suburb, area or district of a city gives way to that city ("Chelsea
neighborhood of Manhattan" is Manhattan's; codebook: "city ... in which the incident
occurred"), and a part written as a province or governorate is a region, not a town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from incidex.geo.address_parts import (
    FACILITY_WORDS,
    NAMESAKE_CITY_POPULATION,
    REGION_UNITS,
    SETTLEMENT_UNITS,
    SUB_CITY_UNITS,
    TRUSTED_CITY_POPULATION,
    UNIT_WORDS,
    Part,
    inside,
    inside_region,
    namesake_city,
    same_area,
    town_index,
    unit_kinds,
)
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import Resolved

__all__ = ["FACILITY_WORDS", "NAMESAKE_CITY_POPULATION", "UNIT_WORDS", "Address", "read_chains"]

_UNITS = UNIT_WORDS

_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
# A name: capitalised words, with the lowercase particles of Arabic, Spanish, Dutch... names
# and abbreviations such as "D.C." or "U.S.A.".
# A full stop ends a name unless it closes an abbreviation ("St. Louis"): "Burkina Faso. At
# least four" is a country and the next sentence.
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|(?:St|Ste|Sta|Ft|Mt|Pt)\.|[A-Z][\w'’]*(?:-[\w'’]+)*)"
_PARTICLE = (r"(?:al|el|ad|ed|ar|er|as|es|ash|at|et|az|ez|an|en|ul|de|del|da|do|dos|di|du|des|la|le|"
             r"bin|ibn|e|i|van|von)")
_NAME = rf"(?:{_PARTICLE}-)?{_WORD}(?:[ -](?:{_PARTICLE}[ -])?{_WORD}){{0,4}}"
_DIRECTION = r"(?:(?:north|south)(?:[ -]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)"
_PART_TEMPLATE = (
    r"(?:the\s+)?(?:{direction}\s+)?(?P<name>{name})"
    r"(?:(?:\s+(?:development|administrative|autonomous))?\s+(?P<unit>{units})\b"
    r"|\s*\((?P<bracketed>(?i:{units}))\))?"
)
_PART = re.compile(_PART_TEMPLATE.format(direction=_DIRECTION, name=_NAME, units=_UNIT_ALT))
# A name with "and" in it ("Jammu and Kashmir"), taken only where the gazetteer knows the
# whole name: otherwise "and" joins two places.
_JOINED_PART = re.compile(
    _PART_TEMPLATE.format(direction=_DIRECTION, name=rf"{_NAME} and {_NAME}", units=_UNIT_ALT))
# A unit written before the name: "the town of Bovensmilde", "the Chechen town of Argun".
_UNIT_BEFORE = re.compile(rf"\b({'|'.join(sorted(SETTLEMENT_UNITS))})\s+of\s+$", re.IGNORECASE)
# Between two parts: a comma, or "of" after a part that names its unit ("Nawa district of").
_COMMA = re.compile(r"\s*,\s*")
_OF = re.compile(r"\s+(?:of|in)\s+")
# After a chain, a list goes on: "in Kabul, Kandahar and Herat" is three places, not one.
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z]")
@dataclass
class Address:
    """A chain of parts and the place of its innermost settlement, as GTD codes it."""

    parts: list[Part]
    start: int
    end: int
    place: Place  # where the chain puts the incident (a container's point for unknown names)
    name: str | None  # the town's name as written, when the gazetteer does not know it
    part: Part  # the part that is the incident's place
    settled: bool  # whether ``place`` is the part itself (not a container standing in)


def _reread(part: Part, container: Place | None) -> Place | None:
    """The part's place read inside its container: its own reading if that lies inside,
    else its most likely candidate inside; None when no place of that name lies inside."""
    if part.resolved is None:
        return _looked_up(part, container)
    own = part.resolved.place
    candidates = part.resolved.toponym.candidates
    kinds = unit_kinds(part.unit)
    if own is not None and part.resolved.toponym.is_demonym:
        return None
    if container is None:
        if own is not None and kinds and own.kind not in kinds:
            return next((c for c in candidates if c.kind in kinds and same_area(c, own)), own)
        return own
    if kinds and container.kind in kinds and container in candidates:
        return container  # "Paphos city, Paphos district": the city of the district's name
    held = [c for c in candidates if inside(c, container) and c.geonameid != container.geonameid]
    if own is not None and own in held and (not kinds or own.kind in kinds):
        return own
    if kinds:
        held = sorted(held, key=lambda c: c.kind not in kinds)  # stable: prior order kept
    if held:
        return held[0]
    if kinds == ("city",):
        # "Kiev city, Kiev oblast": GeoNames files the capital under its own region.
        city = next((c for c in candidates if c.kind == "city"
                     and c.country_code == container.country_code), None)
        if city is not None:
            return city
    if own is not None and own.geonameid == container.geonameid:
        return own
    return None


def _looked_up(part: Part, container: Place | None) -> Place | None:
    """A part the text scan did not take for a place ("West Orange", read as "Orange" after a
    direction), looked up by its whole name inside its container."""
    if container is None or container.kind not in ("country", "admin1", "admin2"):
        return None
    kinds = unit_kinds(part.unit) or ("city", "admin2")
    return next((c for c in Gazetteer.default().candidates(part.name)
                 if c.kind in kinds and inside(c, container)), None)


def read_chains(text: str, resolved: list[Resolved], cue: re.Pattern[str]) -> list[Address]:
    """The address chains of a text, each read inside out.

    A chain has at least two parts and at least one of them is a place the gazetteer knows
    other than the first. A first part the gazetteer does not know counts only after a
    locative cue (``cue`` must match the text just before it: "in", "attacked").
    """
    by_start = {r.toponym.start: r for r in resolved if r.place is not None}
    out: list[Address] = []
    pos = 0
    while True:
        match = _PART.search(text, pos)
        if match is None:
            return out
        match = _joined(text, match, by_start)
        parts = _split_region(_part(text, match, by_start), by_start)
        end = match.end()
        while True:
            joiner = _COMMA.match(text, end) or (
                _OF.match(text, end) if parts[-1].unit in SUB_CITY_UNITS | SETTLEMENT_UNITS else None
            )
            nxt = _PART.match(text, joiner.end()) if joiner else None
            nxt = _joined(text, nxt, by_start) if nxt is not None else None
            if nxt is None or not nxt.group("name")[:1].isupper():
                break
            if (joiner is not None and parts[-1].unit in SETTLEMENT_UNITS and joiner.group().strip() == "of"
                    and _descriptive(parts[-1])):
                parts.pop()  # "the Southern Iranian city of Zahedan": Zahedan is the city
            parts.extend(_split_region(_part(text, nxt, by_start), by_start))
            end = nxt.end()
        pos = max(end, match.end())
        if _LIST_GOES_ON.match(text, end):
            continue
        if parts[0].resolved is not None and parts[0].resolved.toponym.is_demonym:
            parts = parts[1:]  # "the Chechen town of Argun": an adjective, not a place
        elif parts[0].name.split()[-1].lower() in FACILITY_WORDS and not _named_town(parts[0]):
            parts = parts[1:]  # "at Mitchell International Airport, Milwaukee, Wisconsin"
        # A country ends a chain: "Iraq, Syria" is a list of two.
        last = next((i for i, p in enumerate(parts) if p.resolved is not None and p.resolved.place
                     is not None and p.resolved.place.kind == "country"
                     and not p.resolved.toponym.is_demonym), len(parts) - 1)
        parts = parts[: last + 1]
        if len(parts) < 2 or not any(p.resolved for p in parts[1:]):
            continue
        if parts[0].resolved is None and parts[0].unit not in SETTLEMENT_UNITS and not cue.search(
                text, max(0, parts[0].start - 80), parts[0].start):
            parts = parts[1:]
            if len(parts) < 2:
                continue
        address = _read(parts)
        if address is not None:
            out.append(address)


def _split_region(part: Part, by_start: dict[int, Resolved]) -> list[Part]:
    """"Annapolis Maryland", "Baku Azerbaijan": a state or country written after a town
    without a comma is a part of its own."""
    if part.unit is not None or (part.resolved is not None and part.resolved.toponym.end >= part.end):
        return [part]
    for start, known in by_start.items():
        place = known.place
        if (part.start < start < part.end and known.toponym.end == part.end and place is not None
                and place.kind in ("admin1", "country") and not known.toponym.is_demonym):
            name = part.name[: start - part.start].strip()
            # Only where the words before it are a town of that region, so that names with a
            # place in them ("Zamboanga del Sur", "Radio Television Afghanistan") stay whole.
            if not name or not any(c.kind == "city" and inside(c, place)
                                   for c in Gazetteer.default().candidates(name)):
                break
            town = Part(part.start, part.start + len(name), name, None, by_start.get(part.start))
            if town.resolved is not None and town.resolved.toponym.end > town.end:
                town.resolved = None
            return [town, Part(start, part.end, known.toponym.text, None, known)]
    return [part]


def _named_town(part: Part) -> bool:
    """Whether a town is called exactly so ("Falls Church", "Seaside Park")."""
    return any(c.kind == "city" and c.name.lower() == part.name.lower()
               for c in Gazetteer.default().candidates(part.name))


def _descriptive(part: Part) -> bool:
    """A name before "city of" that is no place: a description ("Southern Iranian",
    "Muslim Slav-dominated")."""
    return part.resolved is None or part.resolved.toponym.is_demonym or (
        part.resolved.toponym.end < part.end)


def _joined(text: str, match: re.Match[str], by_start: dict[int, Resolved]) -> re.Match[str]:
    known = by_start.get(match.start("name"))
    if known is None or known.toponym.end <= match.end("name") or " and " not in known.toponym.text:
        return match
    joined = _JOINED_PART.match(text, match.start())
    return joined if joined is not None and joined.end("name") == known.toponym.end else match


def _part(text: str, match: re.Match[str], by_start: dict[int, Resolved]) -> Part:
    start, end = match.span("name")
    name = match.group("name").rstrip(".") if not re.search(r"\.[A-Z]", match.group("name")) else (
        match.group("name"))
    resolved = by_start.get(start)
    if resolved is not None and resolved.toponym.end < end - 1:
        # The gazetteer knows only the start of the name ("Kafr" of "Kafr Sousa").
        resolved = None if resolved.place is None or resolved.place.kind != "country" else resolved
    unit = match.group("unit") or match.group("bracketed")
    words = name.split()
    if unit is None and resolved is None and len(words) > 1 and words[-1].lower() in _UNITS and not (
            Gazetteer.default().candidates(name)):
        # "Jhapa District", "Biratnagar City": a unit written with a capital.
        unit = words[-1]
        name = " ".join(words[:-1])
        end = start + len(name)
    written_before = _UNIT_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if unit is None and written_before is not None:
        unit = written_before.group(1)  # "the town of Bovensmilde"
    if resolved is not None and unit is None:
        last = resolved.toponym.text.split()[-1].lower()
        unit = last if len(resolved.toponym.text.split()) > 1 and last in _UNITS else None
    return Part(start, end, name, unit.lower() if unit else None, resolved)


def _read(parts: list[Part]) -> Address | None:
    container: Place | None = None
    outer_part: Part | None = None
    outer_container: Place | None = None  # what ``outer_part`` was read inside
    for part in reversed(parts):
        part.place = _reread(part, container)
        own = part.resolved.place if part.resolved is not None else None
        if part.place is None and own is not None and outer_part is not None and own.kind in (
                "city", "admin2") and container is not None and container.kind != "city":
            # "Srinagar, Kashmir": the reading of the container that holds the town written
            # before it (Indian Kashmir, not Pakistan's), if one lies inside its own container.
            holder = _holder(outer_part, own, outer_container)
            if holder is not None:
                outer_part.place = container = holder
                part.place = _reread(part, container)
            elif own.population >= TRUSTED_CITY_POPULATION and not any(
                    q.place is not None and q.place.kind == "country" for q in parts):
                # With no country written, a big city is surer than a region misread
                # around it.
                part.place = own
        country = _misspelt_country(own, outer_part) if part.place is None else None
        if country is not None and outer_part is not None:
            outer_part.place = container = country
            part.place = own
        if (part.place is None and own is not None and container is not None and container.kind == "city"
                and part.unit is None and own.country_code == container.country_code):
            region = _region_reading(outer_part)
            if region is None:
                return None  # "Kabul, Kandahar": two towns, not one inside the other
            # "Seattle, Washington": the state, not the capital, holds the town before it.
            assert outer_part is not None
            outer_part.place = container = region
            part.place = _reread(part, container)
        if part.place is None and part.resolved is None and container is not None and (
                container.kind == "city"):
            # "New City, New York": the state holds the town the scan missed.
            region = _region_reading(outer_part)
            town = _looked_up(part, region) if region is not None else None
            if town is not None and outer_part is not None:
                outer_part.place = container = region
                part.place = town
        if part.place is not None:
            outer_container = container
            container = part.place
            outer_part = part
    known = [p for p in parts if p.place is not None]
    if not known:
        return None
    index = town_index(parts)
    index = _quarter_of_namesake(parts, index)
    part = parts[index]
    if part.unit is None and part.place is not None and part.place.kind == "admin1" and part.resolved:
        # "in Irbil, Iraq": the city, not the governorate of the same name (GTD's city).
        part.place = namesake_city(part.place, part.resolved.toponym.candidates) or part.place
    if part.place is None and part.unit in REGION_UNITS and not inside_region(parts[index + 1:]):
        # An unknown province right before its country is a region, not a town; an unknown
        # unit inside a province ("Samorogouan department, Kenedougou province") is the
        # smallest place the text gives, which GTD codes as the city.
        part = next(p for p in parts[index:] if p.place is not None) if any(
            p.place for p in parts[index:]) else part
    if part.place is not None:
        return Address(parts, parts[0].start, parts[-1].end, part.place, None, part, True)
    outer = next((p.place for p in parts[index + 1:] if p.place is not None), None)
    if outer is None:
        return None
    return Address(parts, parts[0].start, parts[-1].end, outer, part.name, part, False)


def _misspelt_country(own: Place | None, outer: Part | None) -> Place | None:
    """"Medellin, Columbia": a town that lies in another country than the place written
    after it, where that place's name is one letter off the town's country ("Columbia" for
    Colombia), is in that country; the writer misspelt it."""
    if own is None or outer is None or outer.place is None or outer.place.kind == "country":
        return None
    if own.country_code == outer.place.country_code or own.kind not in ("city", "admin2"):
        return None
    country = Gazetteer.default().country(own.country_code) if own.country_code else None
    if country is None:
        return None
    written, name = outer.name.casefold(), country.name.casefold()
    close = len(written) == len(name) and SequenceMatcher(None, written, name).ratio() >= 0.85
    return country if close else None


# Units of a city's quarters ("subdistrict", "locality" and "camp" are as often rural).
_QUARTERS = frozenset("neighborhood neighbourhood quarter area sector suburb ward".split())


def _quarter_of_namesake(parts: list[Part], index: int) -> int:
    """An unknown quarter before a region named like its city is a quarter of that city
    ("Mansour neighborhood, Baghdad, Baghdad, Iraq", "Al Laythi area, Benghazi district"):
    the region's part, which then reads as the city (GTD's city)."""
    part = parts[index]
    if part.place is not None or part.unit not in _QUARTERS or index + 1 >= len(parts):
        return index
    region = parts[index + 1]
    # "Darrous neighborhood, Tehran province": the writer means the province, not the city.
    if region.place is None or region.place.kind != "admin1" or region.resolved is None or (
            region.unit not in (None, "district")):
        return index
    city = namesake_city(region.place, region.resolved.toponym.candidates)
    if city is None:
        return index
    region.place = city
    return index + 1


def _holder(part: Part, inner: Place, container: Place | None) -> Place | None:
    if part.resolved is None:
        return None
    return next((c for c in part.resolved.toponym.candidates
                 if c.kind in ("admin1", "admin2", "country") and inside(inner, c)
                 and (container is None or inside(c, container))), None)


def _region_reading(part: Part | None) -> Place | None:
    """The first-level region a part may also mean, where it was read as a town."""
    if part is None or part.resolved is None or part.unit is not None or part.place is None:
        return None
    return next((c for c in part.resolved.toponym.candidates if c.kind == "admin1"
                 and c.country_code == part.place.country_code), None)

