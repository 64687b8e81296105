"""Where an unknown name lies: at the place of the article it is nearest to.

A street, a building or a university the gazetteer lacks ("Royal Street", "the Palais des
Nations") lies in the city the article is about: the nearest place named, nearness in
characters plus a cost by kind, preferring confident readings, towns among the article's
other places to a lone one, and a place the text puts it in outright ("in Geneva").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from incidex.geo.adjacency import contains
from incidex.geo.context import distance_km
from incidex.geo.gazetteer import Place

if TYPE_CHECKING:
    from incidex.geo.resolver import Resolved

# An unknown name (a street, a building) is placed at the nearest place the article names,
# nearness in characters plus this cost by kind: a city a paragraph away beats a country
# in the same sentence. Calibrated on GeoWebNews (streets and venues of a city story).
FALLBACK_KIND_COST: dict[str, float] = {
    "city": 0.0,
    "admin2": 2000.0,
    "admin1": 8000.0,
    "country": 20000.0,
    "region": 20000.0,
    "continent": 20000.0,
}
FALLBACK_CONFIDENCE = 0.2
# A town no other place of the article is within this distance of (nor in a region the
# article names) costs this much more as an anchor (lone_anchors).
FALLBACK_CLUSTER_KM = 150.0
FALLBACK_LONE_COST = 2000.0
# What between an unknown name and a place says that the name lies in it.
_IN_NEXT = re.compile(r",? (?:in|at) ")
# The same said of a name read from a place inside it ("University of California, Los
# Angeles", "Loyola University in Los Angeles"), and a town's possessive before a name
# ("London's Heathrow Animal Reception Center").
_IN_TOWN_NEXT = re.compile(r",(?: (?:in|at))? | (?:in|at) ")
_TOWNS_BEFORE = re.compile(r"['’]s ")
# The confidence a place needs to be a fallback anchor (a margin of about 1.4 in the
# score's units). Chosen on GeoWebNews among 0.6-0.9; GeoVirus barely moves.
FALLBACK_MIN_CONFIDENCE = 0.8


def fill_from_context(
    resolved: list[Resolved], unplaced: set[int] | None = None, text: str | None = None
) -> list[Resolved]:
    """Place still-unplaced toponyms at the nearest specific place named in the article.

    Only places resolved with confidence serve, when there are any: a street named after
    a small town elsewhere ("Bourbon", "Republic") must not carry the streets around it
    there.
    """
    placed = [(r.toponym.start, r.place, r.score) for r in resolved if r.place is not None]
    if not placed or all(r.place is not None for r in resolved):
        return resolved
    confident = [(pos, p) for pos, p, score in placed if score >= FALLBACK_MIN_CONFIDENCE]
    anchors = confident or [(pos, p) for pos, p, _ in placed]
    lone = lone_anchors([p for _, p in anchors])
    out = []
    for k, r in enumerate(resolved):
        if r.place is not None or (unplaced and k in unplaced):
            out.append(r)
            continue
        best: tuple[float, Place] | None = None
        end = r.toponym.end
        for pos, place in anchors:
            if text and pos > end and _IN_NEXT.fullmatch(text, end, pos):
                best = (-1.0, place)  # "the Palais des Nations in Geneva": said outright
                break
            cost = abs(pos - r.toponym.start) + FALLBACK_KIND_COST.get(place.kind, 10**9)
            if place.geonameid in lone:
                cost += FALLBACK_LONE_COST
            if best is None or cost < best[0]:
                best = (cost, place)
        assert best is not None
        out.append(replace(r, place=best[1], score=FALLBACK_CONFIDENCE))
    return out


def lone_anchors(places: list[Place]) -> set[int]:
    """Ids of the towns no other place of the article is near or contains, when some are.

    A story's places cluster (New Orleans and its suburbs, Damascus and Douma); a town
    far from all of them ("Moscow" in a Syrian story, a wrong namesake "Washington Square")
    is a poor anchor for the streets and buildings around it.
    """
    towns = [p for p in places if p.kind in ("city", "admin2")]
    lone = set()
    for town in towns:
        if not any(
            other.geonameid != town.geonameid
            and (contains(other, town) or distance_km(other, town) <= FALLBACK_CLUSTER_KM)
            for other in places
            if other.kind != "country"
        ):
            lone.add(town.geonameid)
    return lone if len(lone) < len(towns) else set()


def place_inner_in_town(resolved: list[Resolved], inner: set[int], text: str | None) -> list[Resolved]:
    """Put a name read from a place inside it in the town the text says it lies in.

    "University of California" is in California only by its name; written "University of
    California, Los Angeles" it is in Los Angeles. ``inner``: indices of such names.
    """
    if not text or not inner:
        return resolved
    towns = {(r.toponym.start, r.toponym.end): r.place for k, r in enumerate(resolved)
             if k not in inner and r.place is not None and r.place.kind == "city"}
    if not towns:
        return resolved
    by_start = {start: place for (start, _), place in towns.items()}
    by_end = {end: place for (_, end), place in towns.items()}
    out = list(resolved)
    for k in inner:
        r = resolved[k]
        if r.place is None:
            continue
        town = None
        after = _IN_TOWN_NEXT.match(text, r.toponym.end)
        if after is not None:
            town = by_start.get(after.end())
        before = r.toponym.start - 3
        if town is None and before >= 0 and _TOWNS_BEFORE.fullmatch(text, before, r.toponym.start):
            town = by_end.get(before)
        if town is not None and town.geonameid != r.place.geonameid:
            out[k] = replace(r, place=town)
    return out
