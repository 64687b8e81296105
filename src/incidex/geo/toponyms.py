"""Find place names in running text by gazetteer lookup of token n-grams.

Longest match first, left to right. Gazetteers are full of places called "Police",
"Man", "Will" or "Victoria", so a match is kept only when the text gives it a chance of
being a place: in normally cased text it must be capitalised and not a common word at the
start of a sentence or next to other capitalised words (a person's or an organisation's
name); in lowercase (or all-caps) text, such as MUC-4, a single token that is a common
English word or a person's name must name a country, a first-level region or a big city.
Common words and person-name words are derived from the UD English treebanks at build time.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.normalize import normalize, strip_admin_affix

MAX_TOKENS = 6
MAX_CANDIDATES = 100
# Words, with inner apostrophes ("N'Djamena") but not a possessive "'s" ("London's").
# A replacement character between letters (a letter lost to a bad encoding: "Ba\ufffdquba",
# "Dou\ufffdra") is part of its word, so no part of a mangled name passes for a place ("Ba",
# Fiji); before a possessive "s" or a space it stood for an apostrophe ("London\ufffds").
_LETTER = r"(?:[^\W\d_]|\ufffd(?![sS]\b)(?=[^\W\d_]))"
_TOKEN = re.compile(_LETTER + r"+(?:['’](?![sS]\b)" + _LETTER + "+)*")
# What may separate the tokens of one name: "San Salvador", "Mesker-Yurt", "St. Louis".
_JOINER = re.compile(r"(?: |-|\. ?|\.-|'|’)")
# Lowercase words allowed inside a capitalised name: "Rio de Janeiro", "Bosnia and Herzegovina".
_CONNECTORS = frozenset(
    "de del la las los el of the and al an on upon da do dos das di du le les y sur am im "
    "bin ben ibn van von der den e i".split()
)
# Never places on their own, whatever the gazetteer says (calendar words, titles).
_NEVER_ALONE = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr sir president "
    "minister general god allah lord jesus christ north south east west northern southern "
    "eastern western central".split()
)
# Words for faiths the gazetteer also knows as places or demonyms ("Jewish" is the Jewish
# Autonomous Oblast): in reports of political violence they describe people, not where things
# happened, so they are no toponym on their own, as a place or as a demonym.
FAITH_WORDS = frozenset(
    "jewish muslim moslem christian shiite shia sunni hindu sikh buddhist catholic protestant "
    "orthodox coptic".split()
)
# Words after a name that make it an administrative unit or a town: "Helmand Province".
_ADMIN_SUFFIX = frozenset(
    "province state region governorate oblast department county district prefecture "
    "municipality republic".split()
)
_TOWN_SUFFIX = frozenset("city town village".split())
_STRONG_KINDS = frozenset({"continent", "region", "country", "admin1"})
# Capitalised words that may follow a place name without making it part of another name.
_DESCRIPTORS = frozenset(
    "police governor mayor officials official government authorities army forces military "
    "president minister ministry council airport border embassy correspondent residents "
    "times international".split()
)
# Cue words before a name that make a weak lowercase match acceptable: "in lima".
_CUES = frozenset("in at near from to outside of into across toward towards".split())
# A city this big is taken even when its name is a common word (cased text).
STRONG_POPULATION = 100_000
# In lowercase text, a single-token city must be at least this big, or follow a cue word.
LOWERCASE_MIN_POPULATION = 5_000


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    is_demonym: bool = False
    kind_hint: str | None = None  # "admin" for "Helmand Province", "city" for "Mexico City"
    loose: bool = False  # candidates found only by the transliteration-folded key
    inner: bool = False  # candidates of a place named inside it ("University of Alberta")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    norm: str


def _case_mode(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    upper = sum(c.isupper() for c in letters) / len(letters)
    return "lower" if upper < 0.01 or upper > 0.7 else "cased"


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in "\"'“‘([«"):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in ".!?:;•|"


def _own_name(key: str, place: Place) -> bool:
    """Whether ``key`` is the place's own name, not one of its aliases (a country's or a
    continent's aliases count as its own: "America", "Holland")."""
    if place.kind in ("country", "continent"):
        return True
    own = normalize(place.name)
    return key in (own, strip_admin_affix(own))


def _strong(place: Place, population: int = STRONG_POPULATION) -> bool:
    return place.kind in _STRONG_KINDS or place.population >= population


class _Finder:
    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gaz = gazetteer
        self.lower = _case_mode(text) == "lower"
        self.tokens = [
            _Token(m.start(), m.end(), m.group(), normalize(m.group()))
            for m in _TOKEN.finditer(text)
        ]

    def capitalised(self, tok: _Token) -> bool:
        return self.lower or tok.text[0].isupper()

    def joined(self, i: int) -> bool:
        """Whether token i+1 continues the name that token i is part of."""
        gap = self.text[self.tokens[i].end : self.tokens[i + 1].start]
        return bool(_JOINER.fullmatch(gap))

    def in_name(self, i: int) -> bool:
        """Whether tokens i and i+1 are words of one name: a full stop between them ends a
        sentence ("in Baghdad. Nobody was hurt") unless it closes an abbreviation ("St. Louis")."""
        if not self.joined(i):
            return False
        gap = self.text[self.tokens[i].end : self.tokens[i + 1].start]
        return "." not in gap or len(self.tokens[i].text) <= 3

    def longest_match(self, i: int) -> tuple[int, str, bool] | None:
        """(index of last token, normalised key, is_demonym) of the longest name at i."""
        toks = self.tokens
        if not self.capitalised(toks[i]) and toks[i].norm not in ("el", "la", "los", "las"):
            return None
        best: tuple[int, str, bool] | None = None
        key = ""
        for j in range(i, min(i + MAX_TOKENS, len(toks))):
            if j > i and not self.joined(j - 1):
                break
            tok = toks[j]
            key = f"{key} {tok.norm}" if key else tok.norm
            if self.capitalised(tok):
                if self.gaz.is_demonym(key):
                    best = (j, key, True)
                elif self.gaz.has_name(key):
                    best = (j, key, False)
            elif tok.norm not in _CONNECTORS:
                break
            if not self.gaz.has_prefix(key) and not self.gaz.is_demonym(key):
                break
        return best

    def weak(self, first: int, last: int, key: str, top: Place) -> bool:
        """Whether a match looks like a common word or part of a person's name."""
        toks = self.tokens
        words = key.split()
        if len(words) == 1 and key in _NEVER_ALONE:
            return True
        text = self.text[toks[first].start : toks[last].end]
        if not self.lower and text.isupper() and len(text) <= 4 and not self._place_acronym(
            first, text, top
        ):
            return True  # acronyms: "NATO", "CIS", "BA"; but "US", "UK", "UAE", "EU"
        common = all(w in self.gaz.common_words for w in words)
        person = len(words) == 1 and key in self.gaz.person_words
        if common and len(words) == 1 and not _own_name(key, top):
            return True  # "Interior" (an English alias of Ad Dakhiliyah) in "Interior Ministry"
        if self.lower:
            if common and len(key) <= 3:  # "us", "is", "me", "or", "oh"
                return True
            if (common or person) and not _strong(top, 1_000_000 if common else STRONG_POPULATION):
                return True
            if len(words) == 1 and top.kind == "city" and top.population < LOWERCASE_MIN_POPULATION:
                return first == 0 or toks[first - 1].norm not in _CUES
            return False
        if common and _sentence_initial(self.text, toks[first].start):
            return top.kind not in ("country", "continent")
        if (common or person) and not _strong(top):
            return True
        # Part of a longer capitalised name ("George Washington", "Washington Post")?
        # A capitalised cue opening the sentence ("In Ondarroa, ...") is no part of a name.
        before = first > 0 and self.in_name(first - 1) and self._name_word(toks[first - 1]) and (
            toks[first - 1].norm not in _CUES)
        after = last + 1 < len(toks) and self.in_name(last) and self._name_word(toks[last + 1])
        # A country, state or continent keeps its reading inside a longer name: "Texas
        # Rangers" still names Texas, as geoparsing corpora annotate it. A state only by its
        # own name: "Molotov" (an old name of Perm Krai) in "Molotov cocktails" does not.
        embedded_ok = top.kind == "country" or (
            top.kind in ("admin1", "continent")
            and key in (normalize(top.name), strip_admin_affix(normalize(top.name)))
        )
        if after and toks[last + 1].norm not in _DESCRIPTORS and not embedded_ok:
            return True
        return before and not _strong(top)

    def _place_acronym(self, first: int, text: str, top: Place) -> bool:
        """Whether an all-capital short match is a place's abbreviation: a country's or a
        continent's ("US", "EU"), a region's of three letters or more ("NSW"), or a
        two-letter one after a town and a comma ("Vancouver, BC")."""
        if top.kind in ("country", "continent"):
            return True
        if top.kind != "admin1":
            return False
        if len(text) >= 3:
            return True
        start = self.tokens[first].start
        return first > 0 and self.text[self.tokens[first - 1].end : start] == ", "

    def _name_word(self, tok: _Token) -> bool:
        return tok.text[0].isupper() and tok.norm not in _ADMIN_SUFFIX | _TOWN_SUFFIX

    def find(self) -> list[Toponym]:
        out: list[Toponym] = []
        toks = self.tokens
        i = 0
        while i < len(toks):
            match = self.longest_match(i)
            if match is None:
                i += 1
                continue
            last, key, is_demonym = match
            if last == i and key in FAITH_WORDS:
                i += 1
                continue
            if is_demonym:
                place = self.gaz.demonym(key)
                if place is not None and (self.lower or toks[i].text[0].isupper()):
                    out.append(self._toponym(i, last, (place,), True))
                i = last + 1
                continue
            ids = self.gaz.candidate_ids(key, loose=False)[:MAX_CANDIDATES]
            places = [self.gaz.place(k) for k in ids]
            if not places or self.weak(i, last, key, places[0]):
                i += 1
                continue
            hint = None if self.lower else context_hint(self.text, toks[i].start, toks[last].end)
            if last + 1 < len(toks) and self.joined(last) and self.capitalised(toks[last + 1]):
                suffix = toks[last + 1].norm
                if suffix in _ADMIN_SUFFIX:
                    hint, last = "admin", last + 1
                elif suffix in _TOWN_SUFFIX:
                    hint, last = "city", last + 1
            out.append(self._toponym(i, last, tuple(places), False, hint))
            i = last + 1
        return out

    def _toponym(
        self, first: int, last: int, places: tuple[Place, ...], dem: bool, hint: str | None = None
    ) -> Toponym:
        start, end = self.tokens[first].start, self.tokens[last].end
        if len(self.tokens[last].text) == 1 and self.text[end : end + 1] == ".":
            end += 1  # the final dot of "U.S." or "D.C." belongs to the name
        return Toponym(start, end, self.text[start:end], places, dem, hint)


def find_toponyms(text: str, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Place names and nationality words in ``text``, with character offsets into it."""
    return _Finder(text, gazetteer or Gazetteer.default()).find()


_LEADING_ARTICLE = ("the ",)
_POSSESSIVE_END = ("'s", "’s", "'", "’")


def toponym_at(text: str, start: int, end: int, gazetteer: Gazetteer | None = None) -> Toponym:
    """The toponym at a given span (a gold or user-marked one), with its candidates.

    Looks the span up as a nationality word ("Mexican" is Mexico, not a sea of that
    alternate name), then as a name or an administrative unit ("Helmand Province"),
    ignoring a leading "the" and a possessive "'s", and last by transliteration-folded key.
    A span the gazetteer does not know gets no candidates; the resolver may still place it
    from the words inside it and the article around it.
    """
    gaz = gazetteer or Gazetteer.default()
    surface = text[start:end]
    memo = _SPAN_READINGS.get(gaz)
    if memo is None:
        memo = _SPAN_READINGS[gaz] = {}
    reading = memo.get(surface)
    if reading is None:
        if len(memo) >= SPAN_MEMO_SIZE:
            memo.clear()
        reading = memo[surface] = _read_span(surface, gaz)
    places, is_demonym, hint, loose = reading
    if hint is None and not is_demonym:
        hint = context_hint(text, start, end)
    return Toponym(start, end, surface, places, is_demonym, hint, loose)


# A generic word next to a name, outside the name itself, that makes it a region:
# "Washington state", "New York State", "the state of Washington", "Ontario province".
_ADMIN_AFTER = re.compile(r"[ \t]+(?:state|province|county|oblast|governorate|prefecture)\b", re.I)
_ADMIN_BEFORE = re.compile(r"\b(?:state|province|county) of[ \t]+$", re.I)


def context_hint(text: str, start: int, end: int) -> str | None:
    """"admin" when the words around a name say it is a region, else None."""
    if _ADMIN_AFTER.match(text, end):
        return "admin"
    before = max(0, start - 20)
    if text.endswith("of ", before, start) and _ADMIN_BEFORE.search(text, before, start):
        return "admin"
    return None


# What a span's text reads as in a gazetteer: (candidates, is_demonym, kind hint, loose).
_Reading = tuple[tuple[Place, ...], bool, str | None, bool]
# Articles repeat their names and news repeats its places, so a span's reading is kept per
# gazetteer; the bound only caps memory in a long-running process.
SPAN_MEMO_SIZE = 100_000
_SPAN_READINGS: weakref.WeakKeyDictionary[Gazetteer, dict[str, _Reading]] = weakref.WeakKeyDictionary()


def _read_span(surface: str, gaz: Gazetteer) -> _Reading:
    norm = span_key(surface)
    place = gaz.demonym(norm)
    if place is not None:
        return (place,), True, None, False
    words = norm.split()
    hint = None
    if len(words) > 1 and words[-1] in _ADMIN_SUFFIX:
        hint = "admin"
    elif len(words) > 1 and words[-1] in _TOWN_SUFFIX:
        hint = "city"
    ids = gaz.candidate_ids(norm, loose=False)[:MAX_CANDIDATES]
    loose = False
    if not ids:
        ids = gaz.candidate_ids(norm)[:MAX_CANDIDATES]
        loose = bool(ids)
    return tuple(gaz.place(k) for k in ids), False, hint, loose


@lru_cache(maxsize=65_536)
def span_key(surface: str) -> str:
    """The normalised name of a marked span, without a leading "the" or a possessive."""
    cleaned = surface.strip()
    for ending in _POSSESSIVE_END:
        if cleaned.endswith(ending) and len(cleaned) > len(ending) + 2:
            cleaned = cleaned[: -len(ending)]
            break
    norm = normalize(cleaned)
    for article in _LEADING_ARTICLE:
        if norm.startswith(article) and len(norm) > len(article) + 2:
            norm = norm[len(article) :]
    return norm
