"""Country names as GTD records them: the country as it existed on the day of the attack.

The codebook (country, "Note that the geo-political boundaries of many countries have
changed over time"): "a 1989 attack in Bonn would be recorded as taking place in West
Germany (FRG). An identical attack in 1991 would be recorded as taking place in Germany",
with the change dates it lists for the breakups of the USSR, Yugoslavia and
Czechoslovakia, German unification and Eritrea; Zaire, Rhodesia, the two Yemens and South
Vietnam are countries of its list for the years they existed. The gazetteer knows today's
countries, so the record keeps those and the GTD export names the historic one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

_D = dt.date

# Country code -> the day it became itself, and GTD's name for it before that day.
_BECAME: dict[str, tuple[dt.date, str]] = {
    # Breakup of the USSR (codebook's independence dates).
    "RU": (_D(1991, 8, 24), "Soviet Union"), "AM": (_D(1991, 9, 21), "Soviet Union"),
    "AZ": (_D(1991, 8, 30), "Soviet Union"), "BY": (_D(1991, 8, 25), "Soviet Union"),
    "EE": (_D(1991, 9, 17), "Soviet Union"), "GE": (_D(1991, 4, 9), "Soviet Union"),
    "KZ": (_D(1991, 12, 16), "Soviet Union"), "KG": (_D(1991, 8, 31), "Soviet Union"),
    "LV": (_D(1991, 8, 21), "Soviet Union"), "LT": (_D(1991, 9, 17), "Soviet Union"),
    "MD": (_D(1991, 8, 27), "Soviet Union"), "TJ": (_D(1991, 9, 9), "Soviet Union"),
    "TM": (_D(1991, 10, 27), "Soviet Union"), "UA": (_D(1991, 8, 24), "Soviet Union"),
    "UZ": (_D(1991, 9, 1), "Soviet Union"),
    # Breakup of Yugoslavia.
    "BA": (_D(1992, 4, 11), "Yugoslavia"), "HR": (_D(1991, 6, 25), "Yugoslavia"),
    "MK": (_D(1991, 9, 8), "Yugoslavia"), "SI": (_D(1991, 6, 25), "Yugoslavia"),
    "XK": (_D(1999, 6, 10), "Yugoslavia"),  # UNMIK established
    # Czechoslovakia, Eritrea, Rhodesia, South Sudan.
    "CZ": (_D(1993, 1, 1), "Czechoslovakia"), "SK": (_D(1993, 1, 1), "Czechoslovakia"),
    "ER": (_D(1993, 5, 24), "Ethiopia"), "ZW": (_D(1980, 4, 18), "Rhodesia"),
    "SS": (_D(2011, 7, 9), "Sudan"),
}
# Serbia and Montenegro: Yugoslavia until 4 February 2003, then Serbia-Montenegro until
# 3 June 2006.
_SERBIA_MONTENEGRO = ("RS", "ME")
_YUGOSLAVIA_ENDS = _D(2003, 2, 4)
_SERBIA_MONTENEGRO_ENDS = _D(2006, 6, 3)
_ZAIRE = (_D(1971, 10, 27), _D(1997, 5, 17))
_GERMAN_UNIFICATION = _D(1990, 10, 3)
_YEMENI_UNIFICATION = _D(1990, 5, 22)
_VIETNAMESE_UNIFICATION = _D(1976, 7, 2)
# First-level regions of the former GDR and of the former South Yemen (folded names).
_EAST_GERMAN = ("brandenburg", "mecklenburg", "saxony", "sachsen", "thuringia", "thuringen")
_SOUTH_YEMENI = ("aden", "lahij", "abyan", "shabwah", "hadra", "mahrah", "dali", "soqatra",
                 "socotra")
# South Vietnam lay south of the 17th parallel.
_DEMARCATION_LATITUDE = 17.0


# Territories GTD records inside the United States, with the territory as the first-level
# region: codebook, changes of June 2015, "Puerto Rico has been combined with the United
# States"; the US Virgin Islands are starred in its country list like Puerto Rico, and coded
# "United States" / "U.S. Virgin Islands".
_US_TERRITORIES: dict[str, str] = {"PR": "Puerto Rico", "VI": "U.S. Virgin Islands"}


def gtd_province(code: str | None, admin1: str | None) -> str | None:
    """GTD's first-level region: a US territory's own name, else the place's admin1."""
    return _US_TERRITORIES.get(code or "", admin1)


def gtd_country(country: str | None, code: str | None, admin1: str | None,
                lat: float | None, date: dt.date | None) -> str | None:
    """GTD's name of the country on ``date`` for a place in today's ``country``."""
    if code in _US_TERRITORIES:
        return "United States"
    if country is None or code is None or date is None:
        return country
    region = _fold(admin1)
    if code == "DE" and date < _GERMAN_UNIFICATION:
        return "East Germany (GDR)" if region.startswith(_EAST_GERMAN) else "West Germany (FRG)"
    if code == "YE" and date < _YEMENI_UNIFICATION:
        return "South Yemen" if any(name in region for name in _SOUTH_YEMENI) else "North Yemen"
    if code == "VN" and date < _VIETNAMESE_UNIFICATION and lat is not None and (
            lat < _DEMARCATION_LATITUDE):
        return "South Vietnam"
    if code == "CD" and _ZAIRE[0] <= date < _ZAIRE[1]:
        return "Zaire"
    if code in _SERBIA_MONTENEGRO:
        if date < _YUGOSLAVIA_ENDS:
            return "Yugoslavia"
        if date < _SERBIA_MONTENEGRO_ENDS:
            return "Serbia-Montenegro"
    became = _BECAME.get(code)
    if became is not None and date < became[0]:
        return became[1]
    return country


def _fold(name: str | None) -> str:
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in plain if c.isalpha() or c == " ")
