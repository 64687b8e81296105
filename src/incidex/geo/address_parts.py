"""The parts of an address chain: the unit words written with them, what lies inside
what, and which part of a chain is the town GTD codes (see :mod:`incidex.geo.address`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from incidex.geo.gazetteer import Place
from incidex.geo.resolver import Resolved, distance_km

# Words written after a name that say what kind of unit it is ("Qamishli city").
SETTLEMENT_UNITS = frozenset(
    "city town village hamlet municipality township settlement kibbutz moshav".split()
)
# Parts of a city: GTD codes the city they belong to.
SUB_CITY_UNITS = frozenset(
    "neighborhood neighbourhood suburb quarter area sector district locality subdistrict "
    "sub-district ward colony camp".split()
)
# Units above a town: a part written so is a region, never the incident's town.
REGION_UNITS = frozenset(
    "province governorate state region county department prefecture oblast division "
    "emirate parish zone".split()
)
# The last word of a building's, a street's or an organisation's name: "Mitchell International
# Airport, Milwaukee" is an airport of Milwaukee, "Kent State University" no town.
FACILITY_WORDS = frozenset(
    "university college school academy hospital clinic mosque church temple synagogue cathedral "
    "monastery shrine hotel market bazaar mall plaza street streets road roads avenue drive lane "
    "boulevard highway square bridge airport airfield station stadium park prison jail base "
    "embassy consulate ministry office building center centre house palace hall tower towers "
    "museum library theater theatre factory plant refinery club bank company corporation party "
    "parliament congress assembly council court army police brigade brigades organization "
    "organisation committee union association institute agency".split()
)
UNIT_WORDS = SETTLEMENT_UNITS | SUB_CITY_UNITS | REGION_UNITS
# A city part lies this close to the city it is said to be in (a neighbourhood's point).
CITY_RADIUS_KM = 40.0
ADMIN2_RADIUS_KM = 120.0
# A bare name before a city this big is a quarter of it; GTD codes the city.
METROPOLIS_POPULATION = 1_000_000
# A city this big keeps its own reading when the region written after it has none holding it.
TRUSTED_CITY_POPULATION = 100_000
# A bare name before a city this big, written inside its province, is a quarter of it.
CITY_IN_REGION_POPULATION = 100_000
# A first-level region named like its capital, written bare, is the city when it is a town
# ("in Lahij, Yemen", "in Ohrid, Macedonia": GTD codes the city).
NAMESAKE_CITY_POPULATION = 10_000
# ... and when the city lies in that region or this close to its point: GeoNames files some
# capitals under a region of their own ("Kyiv City" beside Kiev oblast).
NAMESAKE_RADIUS_KM = 100.0


@dataclass
class Part:
    """One part of an address chain, with what it resolved to once read inside the others."""

    start: int
    end: int  # end of the name, without the unit word
    name: str
    unit: str | None
    resolved: Resolved | None
    place: Place | None = None


def inside(place: Place, container: Place) -> bool:
    """Whether ``place`` lies in ``container``: by its codes, or near a town's point."""
    if container.kind in ("continent", "region"):
        return True
    if place.country_code != container.country_code:
        return False
    if container.kind == "country":
        return True
    if container.kind == "admin1":
        return place.admin1_code == container.admin1_code or place.kind == "country"
    if place.kind in ("admin1", "country"):
        return True  # "Dhaka Division" may follow "Dhaka city"
    radius = ADMIN2_RADIUS_KM if container.kind == "admin2" else CITY_RADIUS_KM
    return distance_km(place, container) <= radius


def namesake_city(region: Place, candidates: Iterable[Place]) -> Place | None:
    """The city a first-level region written bare is named after, among the candidates of
    the name as written ("Irbil", "Kiev"); None when none is."""
    return next((c for c in candidates if c.kind == "city" and c.country_code == region.country_code
                 and c.population >= NAMESAKE_CITY_POPULATION
                 and (c.admin1_code == region.admin1_code
                      or distance_km(c, region) <= NAMESAKE_RADIUS_KM)), None)


def unit_kinds(unit: str | None) -> tuple[str, ...]:
    if unit in SETTLEMENT_UNITS:
        return ("city",)
    if unit in REGION_UNITS or unit == "district":
        return ("admin1", "admin2")
    return ()

def same_area(a: Place, b: Place) -> bool:
    return a.country_code == b.country_code and a.admin1_code == b.admin1_code

def town_index(parts: list[Part]) -> int:
    """Which part of a chain is the town GTD codes: the innermost, unless it is a part of a
    town written after it.

    A part the text itself calls a city wins over the village, area or neighbourhood before
    it ("Nuaymiyah area, Fallujah city": Fallujah; a village stays itself); so does a town after one or more
    quarters ("Nasteho area, Wadajir neighborhood, Mogadishu city") or a big city after a
    bare name ("Qibbah, Tripoli, Lebanon").
    """
    for index in range(1, len(parts)):
        if parts[index].unit == "city" and all(
                p.unit not in REGION_UNITS | SETTLEMENT_UNITS for p in parts[:index]):
            return index
    index = 0
    while index + 1 < len(parts) and parts[index].unit in SUB_CITY_UNITS - {"district"} and (
            parts[index + 1].unit in SUB_CITY_UNITS - {"district"}):
        index += 1
    if index + 1 < len(parts) and _city_level(parts[index + 1]) and (
            parts[index].unit in SUB_CITY_UNITS or _within_big_city(parts[index], parts[index + 1])
            or _city_in_region(parts[index], parts[index + 1], parts[index + 2:])):
        index += 1
    return index


def inside_region(outer: list[Part]) -> bool:
    """Whether the next part of a chain is a first-level region (by its unit or its place)."""
    if not outer:
        return False
    nxt = outer[0]
    if nxt.place is not None:
        return nxt.place.kind in ("admin1", "admin2")
    return nxt.unit in REGION_UNITS


def _within_big_city(part: Part, city: Part) -> bool:
    """A name written before a metropolis is one of its quarters ("Babu Bazar, Dhaka")."""
    if part.unit is not None or city.place is None or city.place.population < METROPOLIS_POPULATION:
        return False
    return part.place is None or (part.place.kind == "city" and inside(part.place, city.place))


def _city_in_region(part: Part, city: Part, outer: list[Part]) -> bool:
    """A bare name before a city that is written inside its province is a quarter of that
    city ("Albu Eitha, Ramadi, Al Anbar, Iraq"): the city is what the writer placed in the
    province."""
    if part.unit is not None or city.unit is not None or city.place is None or not outer:
        return False
    if city.place.population < CITY_IN_REGION_POPULATION or not inside_region(outer):
        return False
    return part.place is None or (part.place.kind == "city" and inside(part.place, city.place))


def _city_level(part: Part) -> bool:
    if part.unit in SETTLEMENT_UNITS:
        return True
    if part.unit is not None:
        return False
    return part.place is not None and part.place.kind == "city"
