"""Towns the gazetteer does not know, read from how the text writes them.

News and GTD alike name the hamlet, camp or quarter where an attack happened ("the
commander of the force in Kharnabat was shot", "a bomb exploded near Orito"), and GTD codes
that name as the city however small the place (codebook: "the name of the city, village, or
town in which the incident occurred"). A capitalised name right after a locative
preposition is such a town when nothing else claims it: it is no known place, group or
nationality, no calendar word, no common English word, and no organisation or building
("in Parliament", "at Kabul University").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from incidex.geo.address import FACILITY_WORDS
from incidex.geo.gazetteer import Gazetteer

# Prepositions that put an event in a place. "at" mostly introduces buildings and times.
_BEFORE = re.compile(r"\b(?:in|near|outside|inside|around|into|in\s+the\s+village\s+of|"
                     r"in\s+the\s+town\s+of|settlement\s+of|kibbutz(?:\s+of)?|moshav)\s+$")
# After a name, a word that makes it a settlement: "shots were fired at the Homesh settlement".
_SETTLED = re.compile(r"\s+(?:settlement|village|hamlet|kibbutz|moshav)\b")
_PARTICLE = r"(?:al|el|ad|ed|as|es|ash|at|az|ez|an|en|ul|de|del|da|do|dos|di|du|la|le|bin|ibn)"
_WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z'’]+)*"
_NAME = re.compile(rf"(?:{_PARTICLE}[- ])?{_WORD}(?:[ -](?:{_PARTICLE}[- ])?{_WORD}){{0,2}}")
# Words that make a capitalised name a building, an organisation or a region.
_NOT_TOWN_WORDS = FACILITY_WORDS | frozenset(
    "camp port force forces front movement group province governorate state region county "
    "district department valley river lake mountain mountains mount island islands sea ocean "
    "gulf desert forest coast border strip zone intersection junction crossing roundabout "
    "checkpoint gate estate estates gardens terrace crescent".split()
)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday ramadan christmas easter".split()
)


@dataclass(frozen=True)
class WrittenTown:
    start: int
    end: int
    name: str


def written_towns(text: str, taken: Iterable[tuple[int, int]], gazetteer: Gazetteer | None = None
                  ) -> list[WrittenTown]:
    """Names after a locative preposition that nothing else in the text accounts for.

    ``taken`` holds the spans already read as something (places, groups, nationalities). In
    lowercase text nothing is found: without capitals a name cannot be told from a word.
    """
    if text.islower() or sum(c.isupper() for c in text) > 0.5 * sum(c.isalpha() for c in text):
        return []
    gaz = gazetteer or Gazetteer.default()
    spans = sorted(taken)
    out: list[WrittenTown] = []
    for match in _NAME.finditer(text):
        start, end = match.span()
        if not (_BEFORE.search(text, max(0, start - 25), start) or _SETTLED.match(text, end)):
            continue
        if any(s < end and start < e for s, e in spans):
            continue
        words = [w.lower() for w in re.split(r"[ -]", match.group()) if w]
        if any(w in _NOT_TOWN_WORDS or w in _CALENDAR for w in words):
            continue
        if all(w in gaz.common_words for w in words if len(w) > 2):
            continue
        rest = text[end:end + 30]
        if re.match(r"['’]s?\b|\s+(?:[A-Z]|of\b)", rest):
            continue  # "in Kharnabat's market", "in Baghdad Central", "in Bank of ..."
        if re.match(r"\s+(?:\w+\s+){0,1}(?:" + "|".join(sorted(_NOT_TOWN_WORDS)) + r")\b", rest,
                    re.IGNORECASE):
            continue  # "in Chechen police custody"
        out.append(WrittenTown(start, end, match.group()))
    return out
