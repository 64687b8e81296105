"""Choose which place each toponym means, using the other places in the article.

Each candidate's score starts from its prior (log population plus a bonus for countries
and first-level regions, so "Georgia" and "Jordan" never become villages) and gains from
the article's context: the countries that unambiguous mentions point to (by share),
containment in a mentioned country or first-level region, and nearness to other places
named in the text ("Shali" next to "Grozny" is Shali, Chechnya). Two passes: the second
uses the places the first pass chose as context.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.normalize import normalize
from incidex.geo.toponyms import Toponym

# Score bonuses, in the prior's units (log10 of population). Set by hand on GeoWebNews
# and the test sentences; the held-out corpora measure them.
COUNTRY_CONTEXT = 3.0  # times the share of the article's mentions in that country
IN_MENTIONED_COUNTRY = 1.5
IN_MENTIONED_ADMIN1 = 2.5
NEAR_KM, NEAR_BONUS = 150.0, 1.5
# A toponym is "unambiguous" context when its best prior beats the runner-up by this much.
UNAMBIGUOUS_MARGIN = 1.5
KIND_HINT_BONUS = 3.0  # "Usulutan Department" is the department, not the town
_HINTED_KINDS: dict[str, tuple[str, ...]] = {"admin": ("admin1", "admin2"), "city": ("city",)}


@dataclass(frozen=True)
class Resolved:
    toponym: Toponym
    place: Place | None
    score: float


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _contains(region: Place, place: Place) -> bool:
    """Whether ``region`` is the first-level region or country ``place`` lies in."""
    if region.country_code != place.country_code or region.geonameid == place.geonameid:
        return False
    return region.kind == "country" or (
        region.kind == "admin1" and region.admin1_code == place.admin1_code
    )


def _own_city_beats_admin1(cands: tuple[Place, ...]) -> dict[int, float]:
    """Lift a city above a same-named first-level region that contains it ("Baghdad")."""
    lifted: dict[int, float] = {}
    admin1s = [p for p in cands if p.kind == "admin1"]
    for city in cands:
        if city.kind != "city":
            continue
        for a1 in admin1s:
            if (a1.country_code, a1.admin1_code) == (city.country_code, city.admin1_code):
                lifted[city.geonameid] = max(lifted.get(city.geonameid, 0.0), a1.prior + 0.01)
    return lifted


@dataclass
class _Context:
    """Places named elsewhere in the article, each with the normalised name that named it."""

    mentions: list[tuple[str, Place]]

    def bonus(self, place: Place, own_name: str) -> float:
        # A mention never supports itself: "Mexico" (the country) must not lift Mexico City.
        others = [p for name, p in self.mentions if name != own_name]
        counts = Counter(p.country_code for p in others if p.country_code)
        total = sum(counts.values())
        if not place.country_code:  # continents and seas: neither helped nor hurt
            return COUNTRY_CONTEXT / 2
        score = COUNTRY_CONTEXT * counts[place.country_code] / total if total else 0.0
        if place.kind == "country":
            return score
        if any(p.kind == "country" and p.country_code == place.country_code for p in others):
            score += IN_MENTIONED_COUNTRY
        if place.kind != "admin1" and any(
            p.kind == "admin1"
            and (p.country_code, p.admin1_code) == (place.country_code, place.admin1_code)
            and p.name != place.name  # "Mexico City" the region says little of the city
            for p in others
        ):
            score += IN_MENTIONED_ADMIN1
        if place.kind in ("city", "admin2") and any(
            p.kind in ("city", "admin2") and p.geonameid != place.geonameid and _near(p, place)
            for p in others
        ):
            score += NEAR_BONUS
        return score


def _near(a: Place, b: Place) -> bool:
    if abs(a.lat - b.lat) > NEAR_KM / 100:  # cheap test first: a degree of latitude ~111 km
        return False
    return distance_km(a, b) < NEAR_KM


def _scores(top: Toponym, ctx: _Context | None) -> list[tuple[float, Place]]:
    lifted = _own_city_beats_admin1(top.candidates)
    own_name = normalize(top.text)
    out = []
    for place in top.candidates:
        score = max(place.prior, lifted.get(place.geonameid, 0.0))
        if place.kind in _HINTED_KINDS.get(top.kind_hint or "", ()):
            score += KIND_HINT_BONUS
        if ctx is not None:
            score += ctx.bonus(place, own_name)
        out.append((score, place))
    out.sort(key=lambda sp: -sp[0])
    return out


def _unambiguous(top: Toponym) -> Place | None:
    scored = _scores(top, None)
    if not scored:
        return None
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= UNAMBIGUOUS_MARGIN:
        return scored[0][1]
    return None


def resolve(toponyms: list[Toponym], text: str | None = None) -> list[Resolved]:
    """The most likely place for every toponym (None when it has no candidates)."""
    del text  # reserved for learned resolvers that read the words around a mention
    names = [normalize(top.text) for top in toponyms]
    anchors = [(n, p) for n, p in zip(names, map(_unambiguous, toponyms), strict=True) if p]
    ctx = _Context(anchors)
    chosen: list[tuple[str, Place]] = []
    for name, top in zip(names, toponyms, strict=True):
        scored = _scores(top, ctx)
        if scored:
            chosen.append((name, scored[0][1]))
    ctx = _Context(chosen)
    out = []
    for top in toponyms:
        scored = _scores(top, ctx)
        if not scored:
            out.append(Resolved(top, None, 0.0))
            continue
        best = scored[0][1]
        rivals = [s for s, p in scored[1:] if not _contains(p, best)]
        margin = scored[0][0] - rivals[0] if rivals else 4.0
        out.append(Resolved(top, scored[0][1], 1.0 / (1.0 + math.exp(-margin))))
    return out


def resolve_name(
    name: str, context_country: str | None = None, gazetteer: Gazetteer | None = None
) -> Place | None:
    """The most likely place called ``name``, preferring ``context_country`` (ISO2 code)."""
    gaz = gazetteer or Gazetteer.default()
    cands = tuple(gaz.candidates(name))
    if not cands:
        return gaz.demonym(name)
    ctx = None
    if context_country:
        country = gaz.country(context_country)
        ctx = _Context([("", country)] if country else [])
    top = Toponym(0, len(name), name, cands, False)
    return _scores(top, ctx)[0][1]


def specificity(place: Place | None) -> int:
    """GTD geocoding specificity of a place used as an incident location.

    1 city/town/village; 3 second-level region centroid; 4 first-level region or
    country centroid; 5 unknown (continents and wider regions have no usable point).
    """
    if place is None:
        return 5
    return {"city": 1, "admin2": 3, "admin1": 4, "country": 4}.get(place.kind, 5)
