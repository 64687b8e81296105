"""What the rest of an article says about where a mention is: the context tallies.

The resolver (``resolver.py``) scores each candidate of a mention by its prior plus what
``_Context.bonus`` adds from the other places the article names: the share of mentions in
the candidate's country, a mentioned country or first-level region containing it, towns
it contains, and towns near it.
"""

from __future__ import annotations

import math
from collections import Counter

from incidex.geo.gazetteer import Place

__all__ = ["distance_km", "haversine_km"]

# Score bonuses, in the prior's units (log10 of population). Set by coordinate search on
# GeoWebNews and GeoVirus (accuracy within 161 km plus half the exact-id rate); the
# held-out corpora measure them.
COUNTRY_CONTEXT = 4.0  # times the share of the article's mentions in that country
IN_MENTIONED_COUNTRY = 1.5
IN_MENTIONED_ADMIN1 = 1.0
CONTAINS_MENTIONED = 1.0  # a first-level region whose towns the article names (0.5-3 tried)
NEAR_KM, NEAR_BONUS = 75.0, 1.5
# A city named inside an unknown name needs only its country in the article when it is
# this big ("Robinson College Cambridge" in a British story).
INNER_CITY_POPULATION = 100_000


def haversine_km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Great-circle distance between two points in degrees."""
    lat1, lat2 = math.radians(lat_a), math.radians(lat_b)
    dlat, dlon = lat2 - lat1, math.radians(lon_b - lon_a)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)

_MentionKey = tuple[int, ...]


class _Context:
    """Places named elsewhere in the article, each with the key of the mention naming it.

    A mention never supports itself ("Mexico" the country must not lift Mexico City), so
    every tally is kept with the keys that contributed to it and a candidate is scored
    against all mentions but those of its own key: one pass over the mentions per context,
    rather than one per distinct name.
    """

    def __init__(self, mentions: list[tuple[_MentionKey, Place]]) -> None:
        self.mentions = mentions
        self._country_codes = frozenset(p.country_code for _, p in mentions)
        self._regions = frozenset(
            (p.country_code, p.admin1_code) for _, p in mentions if p.kind in ("admin1", "admin2", "city")
        )
        # Towns and districts named, by their first-level region: "Washington" in a story
        # that names Seattle is the state.
        self._towns_in: dict[tuple[str | None, str | None], set[_MentionKey]] = {}
        for key, p in mentions:
            if p.kind in ("city", "admin2"):
                self._towns_in.setdefault((p.country_code, p.admin1_code), set()).add(key)
        self._counts: Counter[str] = Counter()
        self._own_counts: dict[_MentionKey, Counter[str]] = {}
        self._country_keys: dict[str, set[_MentionKey]] = {}  # country mentions by code
        self._admin1s: dict[tuple[str | None, str | None], list[tuple[_MentionKey, str]]] = {}
        # Cities and districts, both flat and by 1-degree cell (lat, lon floors).
        self._nearby: list[tuple[_MentionKey, int, int, Place]] = []
        self._cells: dict[tuple[int, int], list[tuple[_MentionKey, Place]]] = {}
        for key, p in mentions:
            if p.country_code:
                self._counts[p.country_code] += 1
                self._own_counts.setdefault(key, Counter())[p.country_code] += 1
            if p.kind == "admin1":
                self._admin1s.setdefault((p.country_code, p.admin1_code), []).append((key, p.name))
            elif p.kind in ("city", "admin2"):
                i, j = math.floor(p.lat), math.floor(p.lon)
                self._nearby.append((key, i, j, p))
                self._cells.setdefault((i, j), []).append((key, p))
            elif p.kind == "country":
                self._country_keys.setdefault(p.country_code or "", set()).add(key)
        self._total = sum(self._counts.values())

    def supports(self, place: Place) -> bool:
        """Whether the article names a place in the country of ``place``."""
        return place.country_code in self._country_codes

    def supports_closely(self, place: Place) -> bool:
        """Whether the article names the first-level region of a town, or a town near it.

        The test for a place read from a word inside an unknown name: "Elysian Fields" in
        a story about New Orleans is not Elysian, Minnesota, though both are American.
        """
        if place.kind in ("country", "continent"):
            return True  # "Bank of Japan", "European Commission": the name says where
        if place.kind == "region":
            return False  # "Atlantic Avenue", "Pacific Heights"
        if place.kind == "admin1":
            return self.supports(place)
        if place.population >= INNER_CITY_POPULATION and self.supports(place):
            return True
        return (place.country_code, place.admin1_code) in self._regions or self._near_any(place, ())

    def near(self, place: Place, own_key: _MentionKey) -> bool:
        """Whether a town named by another mention lies within ``NEAR_KM`` of ``place``."""
        return bool(self._nearby) and self._near_any(place, own_key)

    def bonus(self, place: Place, own_key: _MentionKey) -> float:
        cc = place.country_code
        if not cc:  # continents and seas: neither helped nor hurt
            return COUNTRY_CONTEXT / 2
        own = self._own_counts.get(own_key)
        count, total = self._counts[cc], self._total
        if own:
            count, total = count - own[cc], total - sum(own.values())
        score = COUNTRY_CONTEXT * count / total if total else 0.0
        if place.kind == "country":
            return score
        if place.kind == "admin1":
            towns = self._towns_in.get((cc, place.admin1_code))
            if towns and (len(towns) > 1 or own_key not in towns):
                score += CONTAINS_MENTIONED
        keys = self._country_keys.get(cc)
        if keys and (len(keys) > 1 or own_key not in keys):
            score += IN_MENTIONED_COUNTRY
        named = self._admin1s.get((cc, place.admin1_code))
        # "Mexico City" the region says little of the city of that name.
        if place.kind != "admin1" and named:
            names = {name for key, name in named if key != own_key}
            if names and names != {place.name}:
                score += IN_MENTIONED_ADMIN1
        if place.kind in ("city", "admin2") and self._nearby and self._near_any(place, own_key):
            score += NEAR_BONUS
        return score

    def _near_any(self, place: Place, own_key: _MentionKey) -> bool:
        """Whether a city or district named elsewhere lies within ``NEAR_KM`` of ``place``.

        Only the 1-degree cells around ``place`` are searched; when the article names fewer
        cities than there are such cells, a scan of them with the same cell bounds is quicker.
        """
        lat0, lon0 = math.floor(place.lat), math.floor(place.lon)
        dlat = math.ceil(NEAR_KM / 111.0)
        dlon = math.ceil(NEAR_KM / (111.0 * max(0.1, math.cos(math.radians(place.lat)))))
        gid = place.geonameid
        if len(self._nearby) <= (2 * dlat + 1) * (2 * dlon + 1):
            return any(
                key != own_key
                and abs(i - lat0) <= dlat
                and abs(j - lon0) <= dlon
                and other.geonameid != gid
                and _near(other, place)
                for key, i, j, other in self._nearby
            )
        for i in range(lat0 - dlat, lat0 + dlat + 1):
            for j in range(lon0 - dlon, lon0 + dlon + 1):
                for key, other in self._cells.get((i, j), ()):
                    if key != own_key and other.geonameid != gid and _near(other, place):
                        return True
        return False


def _near(a: Place, b: Place) -> bool:
    if abs(a.lat - b.lat) > NEAR_KM / 100:  # cheap test first: a degree of latitude ~111 km
        return False
    return distance_km(a, b) < NEAR_KM
