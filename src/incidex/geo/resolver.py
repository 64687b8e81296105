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
from collections import Counter
from dataclasses import dataclass

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.normalize import normalize, strip_admin_affix
from incidex.geo.toponyms import Toponym, span_key, toponym_at

# Score bonuses, in the prior's units (log10 of population). Set by coordinate search on
# GeoWebNews and GeoVirus (accuracy within 161 km plus half the exact-id rate); the
# held-out corpora measure them.
COUNTRY_CONTEXT = 4.0  # times the share of the article's mentions in that country
IN_MENTIONED_COUNTRY = 1.5
IN_MENTIONED_ADMIN1 = 1.0
CONTAINS_MENTIONED = 1.0  # a first-level region whose towns the article names (0.5-3 tried)
NEAR_KM, NEAR_BONUS = 75.0, 1.5
# A toponym is "unambiguous" context when its best prior beats the runner-up by this much.
UNAMBIGUOUS_MARGIN = 1.5
KIND_HINT_BONUS = 3.0
# A place matched only by one of its alternate names, not its own, is a weaker reading.
ALTERNATE_NAME_PENALTY = 2.0
# A city lifted above its same-named province ("Baghdad") must be at least this big.
NAMESAKE_CITY_POPULATION = 100_000  # "Usulutan Department" is the department, not the town
_HINTED_KINDS: dict[str, tuple[str, ...]] = {"admin": ("admin1", "admin2"), "city": ("city",)}
# An unknown name (a street, a building) is placed at the nearest place the article names,
# nearness in characters plus this cost by kind: a city a paragraph away beats a country
# in the same sentence. Calibrated on GeoWebNews (streets and venues of a city story).
FALLBACK_KIND_COST: dict[str, float] = {
    "city": 0.0,
    "admin2": 2000.0,
    "admin1": 8000.0,
    "country": 20000.0,
    "region": 20000.0,
    "continent": 20000.0,
}
FALLBACK_CONFIDENCE = 0.2
# The confidence a place needs to be a fallback anchor (a margin of about 1.4 in the
# score's units). Chosen on GeoWebNews among 0.6-0.9; GeoVirus barely moves.
FALLBACK_MIN_CONFIDENCE = 0.8
# A city named inside an unknown name needs only its country in the article when it is
# this big ("Robinson College Cambridge" in a British story).
INNER_CITY_POPULATION = 100_000
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


def haversine_km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Great-circle distance between two points in degrees."""
    lat1, lat2 = math.radians(lat_a), math.radians(lat_b)
    dlat, dlon = lat2 - lat1, math.radians(lon_b - lon_a)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _contains(region: Place, place: Place) -> bool:
    """Whether ``region`` is the first-level region or country ``place`` lies in."""
    if region.country_code != place.country_code or region.geonameid == place.geonameid:
        return False
    return region.kind == "country" or (
        region.kind == "admin1" and region.admin1_code == place.admin1_code
    )


_MAIN_KEYS: dict[int, str] = {}
_WATER_SUFFIX = re.compile(r" (?:ocean|sea)$")


def _main_key(place: Place) -> str:
    """The place's own name as a lookup key ("atlantic" for the Atlantic Ocean)."""
    key = _MAIN_KEYS.get(place.geonameid)
    if key is None:
        key = _WATER_SUFFIX.sub("", strip_admin_affix(normalize(place.name)))
        _MAIN_KEYS[place.geonameid] = key
    return key


def _own_city_beats_region(cands: tuple[Place, ...]) -> dict[int, float]:
    """Lift a city above the same-named region that contains it ("Baghdad", "Cuneo").

    A first-level region gives way only to a big city (a small namesake town is rarely what
    a bare region name means); a second-level one, usually named after its seat, to any.
    """
    lifted: dict[int, float] = {}
    regions = [p for p in cands if p.kind in ("admin1", "admin2")]
    if not regions:
        return lifted
    for city in cands:
        if city.kind != "city":
            continue
        for region in regions:
            if region.kind == "admin1" and city.population < NAMESAKE_CITY_POPULATION:
                continue
            if (region.country_code, region.admin1_code) == (city.country_code, city.admin1_code) and (
                _main_key(region) == _main_key(city)
            ):
                lifted[city.geonameid] = max(lifted.get(city.geonameid, 0.0), region.prior + 0.01)
    return lifted


_MentionKey = tuple[int, ...]


class _Context:
    """Places named elsewhere in the article, each with the key of the mention naming it.

    A mention never supports itself ("Mexico" the country must not lift Mexico City), so
    every tally is kept with the keys that contributed to it and a candidate is scored
    against all mentions but those of its own key: one pass over the mentions per context,
    rather than one per distinct name.
    """

    def __init__(self, mentions: list[tuple[_MentionKey, Place]]) -> None:
        self.mentions = mentions
        self._country_codes = frozenset(p.country_code for _, p in mentions)
        self._regions = frozenset(
            (p.country_code, p.admin1_code) for _, p in mentions if p.kind in ("admin1", "admin2", "city")
        )
        # Towns and districts named, by their first-level region: "Washington" in a story
        # that names Seattle is the state.
        self._towns_in: dict[tuple[str | None, str | None], set[_MentionKey]] = {}
        for key, p in mentions:
            if p.kind in ("city", "admin2"):
                self._towns_in.setdefault((p.country_code, p.admin1_code), set()).add(key)
        self._counts: Counter[str] = Counter()
        self._own_counts: dict[_MentionKey, Counter[str]] = {}
        self._country_keys: dict[str, set[_MentionKey]] = {}  # country mentions by code
        self._admin1s: dict[tuple[str | None, str | None], list[tuple[_MentionKey, str]]] = {}
        # Cities and districts, both flat and by 1-degree cell (lat, lon floors).
        self._nearby: list[tuple[_MentionKey, int, int, Place]] = []
        self._cells: dict[tuple[int, int], list[tuple[_MentionKey, Place]]] = {}
        for key, p in mentions:
            if p.country_code:
                self._counts[p.country_code] += 1
                self._own_counts.setdefault(key, Counter())[p.country_code] += 1
            if p.kind == "admin1":
                self._admin1s.setdefault((p.country_code, p.admin1_code), []).append((key, p.name))
            elif p.kind in ("city", "admin2"):
                i, j = math.floor(p.lat), math.floor(p.lon)
                self._nearby.append((key, i, j, p))
                self._cells.setdefault((i, j), []).append((key, p))
            elif p.kind == "country":
                self._country_keys.setdefault(p.country_code or "", set()).add(key)
        self._total = sum(self._counts.values())

    def supports(self, place: Place) -> bool:
        """Whether the article names a place in the country of ``place``."""
        return place.country_code in self._country_codes

    def supports_closely(self, place: Place) -> bool:
        """Whether the article names the first-level region of a town, or a town near it.

        The test for a place read from a word inside an unknown name: "Elysian Fields" in
        a story about New Orleans is not Elysian, Minnesota, though both are American.
        """
        if place.kind in ("country", "continent"):
            return True  # "Bank of Japan", "European Commission": the name says where
        if place.kind == "region":
            return False  # "Atlantic Avenue", "Pacific Heights"
        if place.kind == "admin1":
            return self.supports(place)
        if place.population >= INNER_CITY_POPULATION and self.supports(place):
            return True
        return (place.country_code, place.admin1_code) in self._regions or self._near_any(place, ())

    def bonus(self, place: Place, own_key: _MentionKey) -> float:
        cc = place.country_code
        if not cc:  # continents and seas: neither helped nor hurt
            return COUNTRY_CONTEXT / 2
        own = self._own_counts.get(own_key)
        count, total = self._counts[cc], self._total
        if own:
            count, total = count - own[cc], total - sum(own.values())
        score = COUNTRY_CONTEXT * count / total if total else 0.0
        if place.kind == "country":
            return score
        if place.kind == "admin1":
            towns = self._towns_in.get((cc, place.admin1_code))
            if towns and (len(towns) > 1 or own_key not in towns):
                score += CONTAINS_MENTIONED
        keys = self._country_keys.get(cc)
        if keys and (len(keys) > 1 or own_key not in keys):
            score += IN_MENTIONED_COUNTRY
        named = self._admin1s.get((cc, place.admin1_code))
        # "Mexico City" the region says little of the city of that name.
        if place.kind != "admin1" and named:
            names = {name for key, name in named if key != own_key}
            if names and names != {place.name}:
                score += IN_MENTIONED_ADMIN1
        if place.kind in ("city", "admin2") and self._nearby and self._near_any(place, own_key):
            score += NEAR_BONUS
        return score

    def _near_any(self, place: Place, own_key: _MentionKey) -> bool:
        """Whether a city or district named elsewhere lies within ``NEAR_KM`` of ``place``.

        Only the 1-degree cells around ``place`` are searched; when the article names fewer
        cities than there are such cells, a scan of them with the same cell bounds is quicker.
        """
        lat0, lon0 = math.floor(place.lat), math.floor(place.lon)
        dlat = math.ceil(NEAR_KM / 111.0)
        dlon = math.ceil(NEAR_KM / (111.0 * max(0.1, math.cos(math.radians(place.lat)))))
        gid = place.geonameid
        if len(self._nearby) <= (2 * dlat + 1) * (2 * dlon + 1):
            return any(
                key != own_key
                and abs(i - lat0) <= dlat
                and abs(j - lon0) <= dlon
                and other.geonameid != gid
                and _near(other, place)
                for key, i, j, other in self._nearby
            )
        for i in range(lat0 - dlat, lat0 + dlat + 1):
            for j in range(lon0 - dlon, lon0 + dlon + 1):
                for key, other in self._cells.get((i, j), ()):
                    if key != own_key and other.geonameid != gid and _near(other, place):
                        return True
        return False


def _near(a: Place, b: Place) -> bool:
    if abs(a.lat - b.lat) > NEAR_KM / 100:  # cheap test first: a degree of latitude ~111 km
        return False
    return distance_km(a, b) < NEAR_KM


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
    lifted = _own_city_beats_region(top.candidates)
    hinted = _HINTED_KINDS.get(top.kind_hint or "", ())
    out = []
    for place in top.candidates:
        score = max(place.prior, lifted.get(place.geonameid, 0.0))
        if not top.is_demonym and place.kind not in ("country", "continent") and _main_key(place) != key:
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
    toponyms: list[Toponym], text: str | None = None, gazetteer: Gazetteer | None = None
) -> list[Resolved]:
    """The most likely place for every toponym.

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
    # Two passes: the unambiguous mentions choose a first reading of every mention, and
    # those readings are the context of the second. Repeated names are scored once a pass.
    ctx = _Context(anchors)
    first: dict[_BaseKey, _Scored] = {}
    chosen: list[tuple[tuple[int, ...], Place]] = []
    for bkey, top in zip(base_keys, tops, strict=True):
        if bkey not in first:
            first[bkey] = _with_context(bases[bkey], bkey[0], ctx)
        if first[bkey] and not top.loose:
            chosen.append((bkey[0], first[bkey][0][1]))
    ctx = _Context(chosen)
    final: dict[_BaseKey, _Scored] = {}
    out: list[Resolved] = []
    for bkey, top, given in zip(base_keys, tops, toponyms, strict=True):
        if bkey not in final:
            final[bkey] = _with_context(bases[bkey], bkey[0], ctx)
        scored = final[bkey]
        if not scored:
            out.append(Resolved(given, None, 0.0))
            continue
        best = scored[0][1]
        rivals = [s for s, p in scored[1:] if not _contains(p, best)]
        margin = scored[0][0] - rivals[0] if rivals else 4.0
        if top.loose and not (ctx.supports_closely(best) if top.inner else ctx.supports(best)):
            out.append(Resolved(given, None, 0.0))  # a folded spelling far from the story
            continue
        out.append(Resolved(given, best, 1.0 / (1.0 + math.exp(-margin))))
    return _fill_from_context(out)


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


def _fill_from_context(resolved: list[Resolved]) -> list[Resolved]:
    """Place still-unplaced toponyms at the nearest specific place named in the article.

    Only places resolved with confidence serve, when there are any: a street named after
    a small town elsewhere ("Bourbon", "Republic") must not carry the streets around it
    there.
    """
    placed = [(r.toponym.start, r.place, r.score) for r in resolved if r.place is not None]
    if not placed or all(r.place is not None for r in resolved):
        return resolved
    confident = [(pos, p) for pos, p, score in placed if score >= FALLBACK_MIN_CONFIDENCE]
    anchors = confident or [(pos, p) for pos, p, _ in placed]
    out = []
    for r in resolved:
        if r.place is not None:
            out.append(r)
            continue
        best: tuple[float, Place] | None = None
        for pos, place in anchors:
            cost = abs(pos - r.toponym.start) + FALLBACK_KIND_COST.get(place.kind, 10**9)
            if best is None or cost < best[0]:
                best = (cost, place)
        assert best is not None
        out.append(Resolved(r.toponym, best[1], FALLBACK_CONFIDENCE))
    return out


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
    return resolve([toponym_at(text, s, e, gaz) for s, e in spans], text, gaz)
