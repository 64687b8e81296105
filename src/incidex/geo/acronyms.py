"""Initials of a country's or first-level region's name: "SA", "WA", "NSW".

News writes a place the story is about by its initials once it has named it or its
country ("Rustenburg, North West ... across SA"; "Rockingham, WA"). The gazetteer holds
only the initials that are official codes (US states, Canadian provinces), and bare ones
are ambiguous across the world ("WA" is also Washington, "SA" also Saudi Arabia): so the
resolver reads initials only as a place in a country the article names otherwise.
"""

from __future__ import annotations

import re
from functools import cache

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.normalize import normalize

_LINKS = frozenset("of the and de da del di do des la le".split())
_ACRONYM = re.compile(r"[A-Z]{2,4}")


@cache
def _initials(gaz: Gazetteer) -> dict[str, tuple[Place, ...]]:
    """Initials -> countries and first-level regions whose names of 2+ words make them."""
    out: dict[str, list[Place]] = {}
    codes = [code for code, _, _ in gaz.countries_index()]
    places = [gaz.country(code) for code in codes]
    places += [gaz.admin1(cc, a1) for cc, a1 in gaz.admin1_codes()]
    for place in places:
        if place is None:
            continue
        words = [w for w in re.split(r"[\s\-]+", normalize(place.name)) if w and w not in _LINKS]
        if len(words) >= 2:
            out.setdefault("".join(w[0] for w in words), []).append(place)
    return {key: tuple(ps) for key, ps in out.items()}


def read_initials(span: str, countries: set[str], gaz: Gazetteer) -> Place | None:
    """The one country or region in ``countries`` (ISO2) whose initials ``span`` is."""
    if not _ACRONYM.fullmatch(span):
        return None
    found = [p for p in _initials(gaz).get(span.lower(), ()) if p.country_code in countries]
    return found[0] if len(found) == 1 else None
