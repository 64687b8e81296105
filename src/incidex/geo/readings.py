"""Second looks at a mention's chosen reading, against what the rest of the article says.

The resolver (``resolver.py``) scores readings by prior and context; these checks catch
readings that the scores cannot: initials of the story's own region ("SA", "WA") read as a
town abroad, and a common word ("Congress", "Valley") read as a village the story never
goes near; and a bare name the article also writes in full as a district ("Suffolk" in a
story that names Suffolk County) read as a town far away.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from incidex.geo.acronyms import read_initials
from incidex.geo.context import NEAR_KM, _Context, distance_km
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.toponyms import Toponym, span_key

if TYPE_CHECKING:
    from incidex.geo.resolver import Resolved

# A town named by a common word ("Congress", "Valley") smaller than this needs the story
# near it (word_reading).
WORD_TOWN_POPULATION = 20_000
# Last words that make a name a district written in full ("Suffolk County").
_UNIT_WORDS = frozenset("county parish district province borough".split())


def initials_reading(
    top: Toponym, best: Place | None, own: tuple[int, ...], ctx: _Context, gaz: Gazetteer
) -> Place | None:
    """The place whose initials a capitalised span is, when its reading is foreign to the story.

    A country read from its own initials stays ("UK" in a Czech story is no Ústecký kraj).
    """
    if not top.text.isupper() or len(top.text) > 4:
        return None
    if best is not None and best.kind not in ("city", "admin2", "admin1"):
        return None
    countries = {p.country_code for k, p in ctx.mentions if k != own and p.country_code}
    if best is not None and best.country_code in countries:
        return None
    return read_initials(top.text, countries, gaz)


def word_reading(
    place: Place, key: str, own: tuple[int, ...], gaz: Gazetteer, ctx: _Context
) -> bool:
    """Whether a place named by a common word is a namesake the story never goes near.

    A marked "Congress" or "Valley" that reads as a village (or a "Western" province of a
    country the story never names) is the thing the word means, placed from the article.
    """
    if key not in gaz.common_words or place.kind not in ("city", "admin2", "admin1"):
        return False
    others = [p for k, p in ctx.mentions if k != own]
    if place.kind == "admin1":
        return all(p.country_code != place.country_code for p in others)
    if place.population >= WORD_TOWN_POPULATION:
        return False
    region = (place.country_code, place.admin1_code)
    return not ctx.near(place, own) and all(
        (p.country_code, p.admin1_code) != region or p.kind == "country" for p in others
    )


def units_named_in_full(resolved: list[Resolved]) -> list[Resolved]:
    """Read a bare name as the district the article also names in full with it.

    "Suffolk" in a story of Suffolk County is the county, not Suffolk, Virginia; a town of
    the name near the district (its seat) keeps its reading.
    """
    units: dict[str, Place] = {}
    for r in resolved:
        if r.place is not None and r.place.kind in ("admin1", "admin2") and " " in r.toponym.text:
            words = span_key(r.toponym.text).split()
            if len(words) >= 2 and words[-1] in _UNIT_WORDS:
                units.setdefault(" ".join(words[:-1]), r.place)
    if not units:
        return resolved
    out = []
    for r in resolved:
        unit = units.get(span_key(r.toponym.text))
        place = r.place
        if unit is not None and place is not None and place.kind == "city" and (
            distance_km(place, unit) > NEAR_KM
        ):
            r = replace(r, place=unit)
        out.append(r)
    return out
