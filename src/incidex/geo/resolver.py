"""Choose which place each toponym means, using the other places in the article.

Each candidate's score starts from its prior (log population plus a bonus for countries
and first-level regions, so "Georgia" and "Jordan" never become villages) and gains from
the article's context: the countries that unambiguous mentions point to (by share),
containment in a mentioned country or first-level region, and nearness to other places
named in the text ("Shali" next to "Grozny" is Shali, Chechnya). Two passes: the second
uses the places the first pass chose as context.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from incidex.geo.adjacency import contains as _contains
from incidex.geo.adjacency import (
    in_order,
    list_bonuses,
    merged,
    pair_bonuses,
    with_bonuses,
)
from incidex.geo.context import (
    CONTAINS_MENTIONED,
    COUNTRY_CONTEXT,
    IN_MENTIONED_ADMIN1,
    IN_MENTIONED_COUNTRY,
    NEAR_BONUS,
    _Context,
)
from incidex.geo.context import (
    distance_km as distance_km,  # re-exported: address.py and the scorer import them here
)
from incidex.geo.context import (
    haversine_km as haversine_km,
)
from incidex.geo.fallback import fill_from_context, place_inner_in_town
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.normalize import normalize, strip_admin_affix
from incidex.geo.readings import initials_reading, units_named_in_full, word_reading
from incidex.geo.strays import Strays, heads_address
from incidex.geo.toponyms import Toponym, span_key, toponym_at

# Score terms in the prior's units (log10 of population); the context bonuses are in
# context.py. A toponym is "unambiguous" context when its best prior beats the runner-up by this much.
UNAMBIGUOUS_MARGIN = 1.5
KIND_HINT_BONUS = 3.0
# A place matched only by one of its alternate names, not its own, is a weaker reading.
ALTERNATE_NAME_PENALTY = 2.0
# A city lifted above its same-named province ("Baghdad") must be at least this big.
NAMESAKE_CITY_POPULATION = 100_000  # "Usulutan Department" is the department, not the town
_HINTED_KINDS: dict[str, tuple[str, ...]] = {"admin": ("admin1", "admin2"), "city": ("city",)}
MAX_INNER_CANDIDATES = 20
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words that name a kind of thing, never a place on their own inside a longer name.
_GENERIC_WORDS = frozenset(
    "university college school hospital church street road avenue park hall house center "
    "centre airport station bridge river lake mountain valley island beach bay port city "
    "county state national international royal saint st north south east west new old "
    "great upper lower the of and".split()
)


# Last words that make an unknown name an administrative unit of its own.
_ADMIN_UNIT_WORDS = frozenset("township county borough parish municipality district".split())


@dataclass(frozen=True)
class Resolved:
    toponym: Toponym
    place: Place | None
    score: float


_MAIN_KEYS: dict[int, str] = {}
# Generic last words of a territory's own name that its short name drops ("Gaza Strip").
_TERRITORY_WORDS = frozenset("strip territory territories peninsula region".split())
_WATER_SUFFIX = re.compile(r" (?:ocean|sea)$")


def _main_key(place: Place) -> str:
    """The place's own name as a lookup key ("atlantic" for the Atlantic Ocean)."""
    key = _MAIN_KEYS.get(place.geonameid)
    if key is None:
        key = _WATER_SUFFIX.sub("", strip_admin_affix(normalize(place.name)))
        _MAIN_KEYS[place.geonameid] = key
    return key


def _short_form(key: str, main: str) -> bool:
    """Whether ``key`` is a short form of a place's own name, not a mere alias of it.

    "Gaza" for the Gaza Strip (the name less a generic territory word) and "Londonderry"
    for Derry (the own name is the tail of the longer official one) are how news names
    those places, so they are not penalised like "Mexico" for Mexico City.
    """
    words = main.split()
    if len(words) > 1 and words[-1] in _TERRITORY_WORDS and " ".join(words[:-1]) == key:
        return True
    return len(main) >= 4 and len(key) > len(main) and key.endswith(main) and " " not in key


def _own_city_beats_region(cands: tuple[Place, ...], key: str = "") -> dict[int, float]:
    """Lift a city above the same-named region that contains it ("Baghdad", "Cuneo").

    A first-level region gives way only to a big city (a small namesake town is rarely what
    a bare region name means); a second-level one, usually named after its seat, to any.
    So does a first-level region whose own name the mention shortens ("Prešov" for the
    Prešov Region): the bare name is the town's own, the region's only less its unit word.
    """
    lifted: dict[int, float] = {}
    regions = [p for p in cands if p.kind in ("admin1", "admin2")]
    if not regions:
        return lifted
    for city in cands:
        if city.kind != "city":
            continue
        for region in regions:
            if (
                region.kind == "admin1"
                and city.population < NAMESAKE_CITY_POPULATION
                and not (key and normalize(region.name) != key == normalize(city.name))
            ):
                continue
            if (region.country_code, region.admin1_code) == (city.country_code, city.admin1_code) and (
                _main_key(region) == _main_key(city)
            ):
                lifted[city.geonameid] = max(lifted.get(city.geonameid, 0.0), region.prior + 0.01)
    return lifted


def _mention_key(top: Toponym) -> tuple[int, ...]:
    """What makes two mentions "the same name": their candidate lists (first few ids)."""
    return tuple(p.geonameid for p in top.candidates[:3])


# The most context can add to a candidate's score; a candidate further below the best
# prior than this can never win, so it is not scored against the context at all.
_MAX_CONTEXT_BONUS = (
    COUNTRY_CONTEXT + IN_MENTIONED_COUNTRY + IN_MENTIONED_ADMIN1 + NEAR_BONUS + CONTAINS_MENTIONED
)

_Scored = list[tuple[float, Place]]
_BaseKey = tuple[tuple[int, ...], str, str | None, bool]


def _base_key(top: Toponym) -> _BaseKey:
    return (_mention_key(top), span_key(top.text), top.kind_hint, top.is_demonym)


# Context-free scores of candidate lists seen before, by the identity of the list (a span's
# candidates are one shared tuple, ``toponym_at`` keeps them) and what else they depend on.
# The tuple is held with its scores, so its id cannot be reused while the entry lives.
BASE_MEMO_SIZE = 50_000
_BASE_MEMO: dict[tuple[int, str, str | None, bool], tuple[tuple[Place, ...], _Scored]] = {}


def _base_scores(top: Toponym, key: str | None = None) -> _Scored:
    """Context-free scores, best first, without candidates that context cannot lift to win.

    The list returned may be shared: callers must not change it.
    """
    key = span_key(top.text) if key is None else key
    memo_key = (id(top.candidates), key, top.kind_hint, top.is_demonym)
    hit = _BASE_MEMO.get(memo_key)
    if hit is not None and hit[0] is top.candidates:
        return hit[1]
    if len(_BASE_MEMO) >= BASE_MEMO_SIZE:
        _BASE_MEMO.clear()
    scored = _score_candidates(top, key)
    _BASE_MEMO[memo_key] = (top.candidates, scored)
    return scored


def _score_candidates(top: Toponym, key: str) -> _Scored:
    lifted = _own_city_beats_region(top.candidates, key)
    hinted = _HINTED_KINDS.get(top.kind_hint or "", ())
    out = []
    for place in top.candidates:
        score = max(place.prior, lifted.get(place.geonameid, 0.0))
        main = _main_key(place)
        if (
            not top.is_demonym
            and place.kind not in ("country", "continent")
            and main != key
            and not _short_form(key, main)
        ):
            score -= ALTERNATE_NAME_PENALTY  # "Mexico" names Mexico City only as an alias
        if place.kind in hinted:
            score += KIND_HINT_BONUS
        out.append((score, place))
    out.sort(key=lambda sp: -sp[0])
    if out:
        floor = out[0][0] - _MAX_CONTEXT_BONUS - 1.0
        out = [sp for sp in out if sp[0] >= floor]
    return out


def _with_context(base: _Scored, own_key: tuple[int, ...], ctx: _Context) -> _Scored:
    out = [(score + ctx.bonus(place, own_key), place) for score, place in base]
    out.sort(key=lambda sp: -sp[0])
    return out


def _scores(top: Toponym, ctx: _Context | None) -> _Scored:
    base = _base_scores(top)
    return base if ctx is None else _with_context(base, _mention_key(top), ctx)


def _unambiguous(base: _Scored) -> Place | None:
    if not base:
        return None
    if len(base) == 1 or base[0][0] - base[1][0] >= UNAMBIGUOUS_MARGIN:
        return base[0][1]
    return None


def resolve(
    toponyms: list[Toponym],
    text: str | None = None,
    gazetteer: Gazetteer | None = None,
    marked: bool = False,
) -> list[Resolved]:
    """The most likely place for every toponym.

    ``marked``: the spans are known to be places (a user's or an annotator's), so a stray
    reading (``strays.Strays``) is placed from the article like an unknown name; a name the
    finder proposed with only a stray reading ("Masjid", "Terminal") is most likely no
    place at all and stays unresolved.

    A toponym without candidates (a street, a building, a university: "University of
    Alberta", "Royal Street") is placed by a known place named inside it, else by the
    nearest specific place the article names (a street lies in the city the article is
    about); None when the article offers neither.
    """
    gaz = gazetteer or Gazetteer.default()
    tops = [_inner_toponym(top, text, gaz) if not top.candidates and text else top for top in toponyms]
    base_keys = [_base_key(top) for top in tops]
    bases: dict[_BaseKey, _Scored] = {}
    for bkey, top in zip(base_keys, tops, strict=True):
        if bkey not in bases:
            bases[bkey] = _base_scores(top, bkey[1])
    anchors = []
    for bkey, top in zip(base_keys, tops, strict=True):
        place = None if top.loose else _unambiguous(bases[bkey])
        if place is not None:
            anchors.append((bkey[0], place))
    base_list = [bases[bkey] for bkey in base_keys]
    order = in_order(tops)
    pairs = pair_bonuses(text, tops, order, base_list) if text else [{} for _ in tops]
    # Two passes: the unambiguous mentions choose a first reading of every mention, and
    # those readings are the context of the second. Repeated names are scored once a pass.
    ctx = _Context(anchors)
    first: dict[_BaseKey, _Scored] = {}
    chosen: list[tuple[tuple[int, ...], Place]] = []
    readings: list[Place | None] = []
    for bkey, top, extra in zip(base_keys, tops, pairs, strict=True):
        if bkey not in first:
            first[bkey] = _with_context(bases[bkey], bkey[0], ctx)
        scored = with_bonuses(first[bkey], extra)
        readings.append(scored[0][1] if scored and not top.loose else None)
        if scored and not top.loose:
            chosen.append((bkey[0], scored[0][1]))
    lists = list_bonuses(text, tops, order, readings, base_list) if text else [{} for _ in tops]
    ctx = _Context(chosen)
    strays = Strays(chosen)
    unplaced: set[int] = set()  # stray readings of found names: left unresolved
    final: dict[_BaseKey, _Scored] = {}
    out: list[Resolved] = []
    for k, (bkey, top, given) in enumerate(zip(base_keys, tops, toponyms, strict=True)):
        if bkey not in final:
            final[bkey] = _with_context(bases[bkey], bkey[0], ctx)
        scored = with_bonuses(final[bkey], merged(pairs[k], lists[k]))
        initials = (
            initials_reading(top, scored[0][1] if scored else None, bkey[0], ctx, gaz)
            if top.text.isupper()
            else None
        )
        if initials is not None:
            out.append(Resolved(given, initials, 0.5))  # "SA" in a South African story
            continue
        if not scored:
            out.append(Resolved(given, None, 0.0))
            continue
        best = scored[0][1]
        if best.kind == "country" and len(scored) > 1:
            best = strays.home_region(best, [p for _, p in scored[1:]], bkey[0]) or best
        rivals = [s for s, p in scored[1:] if not _contains(p, best)]
        margin = scored[0][0] - rivals[0] if rivals else 4.0
        if top.loose and not (ctx.supports_closely(best) if top.inner else ctx.supports(best)):
            out.append(Resolved(given, None, 0.0))  # a folded spelling far from the story
            continue
        if strays.stray(best, bkey[0]) and not (text and heads_address(text, top.end)):
            if not marked:
                unplaced.add(k)
            out.append(Resolved(given, None, 0.0))  # "Cheshire" (Connecticut) in a British story
            continue
        if (
            marked
            and bkey[1] in gaz.common_words
            and word_reading(best, bkey[1], bkey[0], gaz, ctx)
            and not (text and heads_address(text, top.end))
        ):
            out.append(Resolved(given, None, 0.0))  # "Congress" (Arizona) in a Washington story
            continue
        out.append(Resolved(given, best, 1.0 / (1.0 + math.exp(-margin))))
    inner = {k for k, top in enumerate(tops) if top.inner}
    out = units_named_in_full(place_inner_in_town(out, inner, text))
    return fill_from_context(out, unplaced, text)


def _inner_toponym(top: Toponym, text: str, gaz: Gazetteer) -> Toponym:
    """A known place named inside an unknown name: "University of Alberta" -> Alberta.

    Longest inner name first; an acronym only when it names a country ("US Federal
    Reserve"); failing a name, a nationality word ("Russian Foreign Ministry" -> Russia).
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, top.start, top.end)]
    if words and normalize(text[words[-1][0] : words[-1][1]]) in _ADMIN_UNIT_WORDS:
        return top  # "Washington Township" is a place of its own, not in Washington
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            s, e = words[i][0], words[i + size - 1][1]
            name = normalize(text[s:e])
            acronym = size == 1 and text[s:e].isupper() and len(name) >= 2
            if size == 1 and not acronym and (
                name in gaz.common_words or name in gaz.person_words or len(name) < 4
            ):
                continue
            if name in _GENERIC_WORDS:
                continue
            ids = gaz.candidate_ids(name, loose=False)[:MAX_INNER_CANDIDATES]
            places = tuple(gaz.place(k) for k in ids)
            if acronym:
                places = tuple(p for p in places if p.kind in ("country", "continent"))
            if places:
                return Toponym(top.start, top.end, top.text, places, False, None, True, True)
    for s, e in words:
        place = gaz.demonym(text[s:e])
        if place is not None and len(words) > 1:
            return Toponym(top.start, top.end, top.text, (place,), True, None, True, True)
    return top


def resolve_name(
    name: str, context_country: str | None = None, gazetteer: Gazetteer | None = None
) -> Place | None:
    """The most likely place called ``name``, preferring ``context_country`` (ISO2 code)."""
    gaz = gazetteer or Gazetteer.default()
    cands = tuple(gaz.candidates(name))
    if not cands:
        return gaz.demonym(name)
    ctx = None
    if context_country:
        country = gaz.country(context_country)
        ctx = _Context([((), country)] if country else [])
    top = Toponym(0, len(name), name, cands, False)
    return _scores(top, ctx)[0][1]


def specificity(place: Place | None) -> int:
    """GTD geocoding specificity of a place used as an incident location.

    1 city/town/village; 3 second-level region centroid; 4 first-level region or
    country centroid; 5 unknown (continents and wider regions have no usable point).
    """
    if place is None:
        return 5
    return {"city": 1, "admin2": 3, "admin1": 4, "country": 4}.get(place.kind, 5)


def resolve_spans(
    text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None
) -> list[Resolved]:
    """Resolve given (start, end) spans of ``text``, in their order, as one article."""
    gaz = gazetteer or Gazetteer.default()
    return resolve([toponym_at(text, s, e, gaz) for s, e in spans], text, gaz, marked=True)
