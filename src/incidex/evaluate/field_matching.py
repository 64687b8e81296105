"""Whether a predicted value is the same as a coded database's (GTD, RAND), field by field.

What counts as the same value (the decisions a scorer has to make, in one place):

- names (cities, groups) are compared after :func:`~incidex.evaluate.field_values.fold`:
  case, diacritics, apostrophes and punctuation ignored, spaces collapsed;
- cities also ignore the words "district" and "city" and GeoNames' transliteration variants
  ("Grozny" = "Groznyy"), and two names are the same city when GeoNames lists both as names
  of one town ("Konduz" = "Kunduz", "Calcutta" = "Kolkata");
- countries go through :data:`COUNTRY_EQUIVALENTS`, which maps the names GTD and RAND use for
  historical or disputed places onto the present-day names incidex's gazetteer gives
  ("West Bank/Gaza" -> "West Bank and Gaza Strip", "Federal Republic of Germany" -> "Germany",
  "Kashmir" -> India or Pakistan);
- weapon types compare GTD's long vehicle label equal to "Vehicle";
- coordinates are right within :data:`COORDINATE_TOLERANCE_KM`;
- groups are the same when incidex's alias table resolves both names to one group, or their
  folded names, or the acronyms in their brackets, agree.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from incidex.evaluate.field_values import fold, is_unknown
from incidex.geo.normalize import loose_key, normalize

if TYPE_CHECKING:
    from incidex.geo.gazetteer import Gazetteer

__all__ = [
    "COORDINATE_TOLERANCE_KM",
    "COUNTRY_EQUIVALENTS",
    "group_named_in",
    "haversine_km",
    "same_city",
    "same_country",
    "same_group",
    "same_label",
    "same_weapon",
]

#: GTD geocodes to the city centroid; 25 km accepts the centroid of the same city or town as
#: read from another gazetteer, and rejects the neighbouring town in most places.
COORDINATE_TOLERANCE_KM = 25.0

# --------------------------------------------------------------------------- places

_CITY_NOISE = frozenset({"district", "city"})


def _city_keys(name: str) -> set[str]:
    words = [w for w in fold(name).split() if w not in _CITY_NOISE]
    key = " ".join(words)
    return {key, loose_key(normalize(key))} if key else set()


def same_city(predicted: str | None, gold: str | None) -> bool:
    """Same spelling (see :func:`fold`), or the gazetteer knows the gold name as another name
    of the predicted place ("Kiev" for "Kyiv", "Mazari Sharif" for "Mazār-e Sharīf")."""
    if not predicted or not gold:
        return False
    predicted_keys = _city_keys(predicted)
    if predicted_keys & _city_keys(gold):
        return True
    from incidex.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    if any(_city_keys(place.name) & predicted_keys for place in gazetteer.candidates(gold)):
        return True
    # Both names are names of one town in GeoNames ("Konduz" and "Kunduz", "Calcutta" and
    # "Kolkata"): exact alternate names only, never the looser transliteration key.
    return bool(_town_ids(gazetteer, gold) & _town_ids(gazetteer, predicted))


def _town_ids(gazetteer: Gazetteer, name: str) -> set[int]:
    ids = gazetteer.candidate_ids(normalize(name), loose=False)
    return {i for i in ids if gazetteer.place(i).kind in ("city", "admin2")}


_SERBIA_ETC = ("Serbia", "Serbia and Montenegro", "Montenegro", "Kosovo")
_YUGOSLAVIA = (*_SERBIA_ETC, "Croatia", "Slovenia", "Bosnia-Herzegovina", "Macedonia")
_USSR = (
    "Russia", "Ukraine", "Belarus", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan",
    "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Moldova", "Estonia", "Latvia",
    "Lithuania",
)

#: A gold country name (GTD's or RAND's spelling) -> the present-day names that are right for
#: it. Names not listed must equal the prediction after :func:`fold`.
COUNTRY_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "West Bank/Gaza": ("West Bank and Gaza Strip",),
    "West Bank and Gaza Strip": ("West Bank and Gaza Strip",),
    "Gaza Strip": ("West Bank and Gaza Strip",),
    "Kashmir": ("India", "Pakistan"),
    "Northern Ireland": ("United Kingdom",),
    "Chechnya": ("Russia",),
    "Federal Republic of Germany": ("Germany",),
    "West Germany (FRG)": ("Germany",),
    "German Democratic Republic": ("Germany",),
    "East Germany (GDR)": ("Germany",),
    "USSR": _USSR,
    "Soviet Union": _USSR,
    "Yugoslavia": _YUGOSLAVIA,
    "FRY": _SERBIA_ETC,
    "FRY (Kosovo)": ("Kosovo", "Serbia"),
    "FRY (Montenegro)": ("Montenegro", "Serbia and Montenegro"),
    "FRY (Serbia)": ("Serbia", "Serbia and Montenegro"),
    "FRY (Southern Serbia)": ("Serbia", "Serbia and Montenegro"),
    "Serbia-Montenegro": _SERBIA_ETC,
    "Serbia": ("Serbia", "Serbia and Montenegro", "Kosovo"),  # Kosovo: part of Serbia until 2008
    "Czechoslovakia": ("Czech Republic", "Slovak Republic"),
    "Slovakia": ("Slovak Republic",),
    "China, People's Republic of": ("China",),
    "China, Republic of (Taiwan)": ("Taiwan",),
    "Korea, South": ("South Korea",),
    "Burma (Myanmar)": ("Myanmar",),
    "Burma": ("Myanmar",),
    "Zaire (Belgian Congo)": ("Democratic Republic of the Congo",),
    "Zaire": ("Democratic Republic of the Congo",),
    "Democratic Republic of Congo": ("Democratic Republic of the Congo",),
    "Congo (Brazzaville)": ("Republic of the Congo",),
    "People's Republic of the Congo": ("Republic of the Congo",),
    "Cote d'Ivoire": ("Ivory Coast",),
    "Papua-New Guinea": ("Papua New Guinea",),
    "Trinidad-Tobago": ("Trinidad and Tobago",),
    "Sri Lanka (Ceylon)": ("Sri Lanka",),
    "Zimbabwe (Rhodesia)": ("Zimbabwe",),
    "Rhodesia": ("Zimbabwe",),
    "Namibia, SWAf": ("Namibia",),
    "Benin, Dahomey": ("Benin",),
    "Azores": ("Portugal",),
    "Canary Islands": ("Spain",),
    "Macao": ("Macau",),
    "South Vietnam": ("Vietnam",),
    "Transkei": ("South Africa",),
    "Trucial Oman States": ("United Arab Emirates",),
    "Croatians": ("Croatia",),
    "South Yemen": ("Yemen",),
    "North Yemen": ("Yemen",),
    "Puerto Rico": ("Puerto Rico", "United States"),
}
_COUNTRY_KEYS: dict[str, frozenset[str]] = {
    fold(gold): frozenset(fold(n) for n in names) for gold, names in COUNTRY_EQUIVALENTS.items()
}


def same_country(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    gold_key, predicted_key = fold(gold), fold(predicted)
    # The same name is right even where today's names are listed for it too (GTD's
    # "West Germany (FRG)" for a 1989 attack).
    return predicted_key == gold_key or predicted_key in _COUNTRY_KEYS.get(gold_key, frozenset())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- categories


def _weapon_key(label: str) -> str:
    key = fold(label)
    return "vehicle" if key.startswith("vehicle") else key


def same_weapon(predicted: str | None, gold: str | None) -> bool:
    """GTD weapon types, the long "Vehicle (not to include ...)" label equal to "Vehicle"."""
    return bool(predicted and gold) and _weapon_key(predicted or "") == _weapon_key(gold or "")


def same_label(predicted: str | None, gold: str | None) -> bool:
    return bool(predicted and gold) and fold(predicted or "") == fold(gold or "")


# --------------------------------------------------------------------------- groups

_BRACKETED = re.compile(r"\(([^()]*)\)")


def _group_keys(name: str) -> set[str]:
    """The folded name, the name without its bracketed acronym, and the acronym."""
    keys = {fold(name), fold(_BRACKETED.sub(" ", name))}
    keys.update(fold(m) for m in _BRACKETED.findall(name))
    return {k for k in keys if k}


def _lexicon_group(name: str) -> str | None:
    from incidex.groups import GroupLexicon

    group = GroupLexicon.default().canonical(name)
    return group.canonical if group else None


def same_group(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold or is_unknown(gold):
        return False
    if _group_keys(predicted) & _group_keys(gold):
        return True
    canonical = _lexicon_group(gold)
    return canonical is not None and canonical == _lexicon_group(predicted)


def group_named_in(text: str, gold: str) -> bool:
    """Whether the text names the gold group: by a spelling of its name or an alias."""
    folded = f" {fold(text)} "
    if any(f" {key} " in folded for key in _group_keys(gold) if len(key) > 2):
        return True
    canonical = _lexicon_group(gold)
    if canonical is None:
        return False
    from incidex.groups import GroupLexicon

    return any(m.group.canonical == canonical for m in GroupLexicon.default().find(text))
