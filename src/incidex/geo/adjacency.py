"""What neighbouring mentions say about each other: "Buffalo, New York" and lists of states.

Two readings of the text right around a mention, both general conventions of English:

- "Town, Region": a name written right after a town and a comma is the region or country
  the town lies in ("Tacoma, Washington" is the state, "Buffalo, New York" too), and a
  town followed by a region is the town of that name inside it ("Paris, Texas").
- Lists: the items of one list ("Utah, Virginia, Washington and Wyoming", "California or
  Washington") are places of one kind, so an item that could be a state or a city is the
  state when its neighbours are states of that country, and a country when they are
  countries ("Georgia, Armenia and Azerbaijan").

The bonuses are per mention (by place id) and are added to the resolver's scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from incidex.geo.context import distance_km
from incidex.geo.gazetteer import Place
from incidex.geo.toponyms import Toponym

# In the prior's units (log10 of population). Chosen on GeoWebNews and GeoVirus among 1-4.
PAIR_BONUS = 3.0
LIST_BONUS = 2.0
# A town this close to a bigger city of the name after it is part of it ("Queens, New York").
CITY_PART_KM = 30.0
_PAIR_GAP = ", "
_NUMBER = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|dozens|hundreds)"
)
# Between list items: ", ", " and ", ", or "; and the counted lists of reports ("twelve in
# Ontario, eight in Alberta, and one case in Quebec").
_LIST_GAP = re.compile(r"(?:,? (?:and|or) |, )|,(?: and| or)? " + _NUMBER + r"(?: [a-z]+)? in ")
# Kinds that make a list coherent: a list of towns says little (a town may sit beside
# the region it is in), a list of states or countries says much.
_LIST_KINDS = frozenset({"country", "admin1"})

Scored = list[tuple[float, Place]]
Bonuses = dict[int, float]


def contains(region: Place, place: Place) -> bool:
    """Whether ``region`` is the first-level region or country ``place`` lies in."""
    if region.country_code != place.country_code or region.geonameid == place.geonameid:
        return False
    return region.kind == "country" or (
        region.kind == "admin1" and region.admin1_code == place.admin1_code
    )


def _encloses(place: Place, town: Place) -> bool:
    """Whether "town, place" reads as a town and what it lies in: a region or country
    containing it, or a bigger city around it ("Brooklyn, New York" is the city)."""
    if place.kind in ("admin1", "country"):
        return contains(place, town)
    return (
        place.kind == "city"
        and place.geonameid != town.geonameid
        and place.population >= town.population
        and distance_km(place, town) <= CITY_PART_KM
    )


def in_order(tops: Sequence[Toponym]) -> list[int]:
    """Indices of the mentions in text order (given spans may come in any order)."""
    return sorted(range(len(tops)), key=lambda i: tops[i].start)


def _gap(text: str, left: Toponym, right: Toponym) -> str | None:
    if right.start < left.end or right.start - left.end > 30:
        return None
    return text[left.end : right.start]


def pair_bonuses(
    text: str, tops: Sequence[Toponym], order: Sequence[int], bases: Sequence[Scored]
) -> list[Bonuses]:
    """Bonuses for "Town, Region" pairs, from the context-free readings of both names."""
    out: list[Bonuses] = [{} for _ in tops]
    for i, j in pairwise(order):
        if _gap(text, tops[i], tops[j]) != _PAIR_GAP or not bases[i] or not bases[j]:
            continue
        if tops[i].inner or tops[j].inner or tops[i].loose or tops[j].loose:
            continue  # "Dubai Security Center, Dubai Police": no town in a named building
        town, region = bases[i][0][1], bases[j][0][1]
        if town.kind in ("city", "admin2"):
            for _, place in bases[j]:
                if _encloses(place, town):
                    out[j][place.geonameid] = PAIR_BONUS
        if region.kind in ("admin1", "country"):
            # Every reading inside the region gains, so "Narathiwat, Thailand" stays the
            # province when the province and its namesake town are both Thai.
            for _, place in bases[i]:
                if contains(region, place):
                    out[i][place.geonameid] = PAIR_BONUS
    return out


def list_bonuses(
    text: str,
    tops: Sequence[Toponym],
    order: Sequence[int],
    chosen: Sequence[Place | None],
    bases: Sequence[Scored],
) -> list[Bonuses]:
    """Bonuses for items of a list whose neighbours were read as states or countries."""
    out: list[Bonuses] = [{} for _ in tops]
    for k, i in enumerate(order):
        for j in (order[k - 1] if k > 0 else -1, order[k + 1] if k + 1 < len(order) else -1):
            other = chosen[j] if j >= 0 else None
            if other is None or other.kind not in _LIST_KINDS:
                continue
            left, right = (tops[j], tops[i]) if tops[j].start < tops[i].start else (tops[i], tops[j])
            gap = _gap(text, left, right)
            if gap is None or not _LIST_GAP.fullmatch(gap) or any(
                contains(p, other) for _, p in bases[i]
            ):
                continue  # "Oaxaca State, Mexico" is a place and what it lies in, no list
            for _, place in bases[i]:
                same = place.kind == other.kind and (
                    other.kind == "country" or place.country_code == other.country_code
                )
                if same and place.geonameid != other.geonameid:
                    out[i][place.geonameid] = LIST_BONUS
    return out


def merged(a: Bonuses, b: Bonuses) -> Bonuses:
    """Two mentions' bonus tables added up."""
    if not a or not b:
        return a or b
    return {gid: a.get(gid, 0.0) + b.get(gid, 0.0) for gid in a.keys() | b.keys()}


def with_bonuses(scored: Scored, bonuses: Bonuses) -> Scored:
    """``scored`` with a mention's own bonuses added, best first again."""
    if not bonuses:
        return scored
    out = [(s + bonuses.get(p.geonameid, 0.0), p) for s, p in scored]
    out.sort(key=lambda sp: -sp[0])
    return out
