"""Second looks at a mention's chosen reading, against what the rest of the article says.

The resolver (``resolver.py``) scores readings by prior and context; these checks catch
readings that the scores cannot: initials of the story's own region ("SA", "WA") read as a
town abroad, and a common word ("Congress", "Valley") read as a village the story never
goes near.
"""

from __future__ import annotations

from incidex.geo.acronyms import read_initials
from incidex.geo.context import _Context
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.toponyms import Toponym

# A town named by a common word ("Congress", "Valley") smaller than this needs the story
# near it (word_reading).
WORD_TOWN_POPULATION = 20_000


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
