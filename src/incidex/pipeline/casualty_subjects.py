"""Who a passive casualty verb is about, when the subject is more than a short noun phrase.

News and GTD summaries put totals first and details after: "Nine people, including three
soldiers and four assailants, were killed" (an apposition naming who the dead were, attackers
among them), "six soldiers and four attackers were killed" (coordinated subjects, each its own
count), "Fourteen customs officials traveling to a seminar in Ouargla were killed" (a long
subject that opens the clause). These helpers find those subjects; :mod:`casualties` counts
them.
"""

from __future__ import annotations

import re

from incidex.pipeline.doc import Span
from incidex.pipeline.lexicon import PERPETRATOR_NOUNS
from incidex.pipeline.quantities import QUANTITY, quantity_from_match

#: ", including the bomber and two police officers," just before the verb.
#: Also without its comma, lower-case ("eight people including four policemen"), so that a
#: sentence the splitter missed ("... 2 p.m. Including the perpetrator, 16") is none.
_APPOSITION = re.compile(r"(?:,\s*[Ii]|\s+i)ncluding\s+")
#: Attackers named inside an apposition: "the assailant", "four assailants", "three of the
#: attackers", "the two bombers".
_ATTACKERS_INSIDE = re.compile(
    r"(?:(?P<n>\b[\w-]+)\s+(?:of\s+the\s+)?|(?P<det>\bthe|\ban?)\s+(?:(?P<m>[\w-]+)\s+)?)?"
    r"(?:suicide\s+)?(?P<head>assailants?|attackers?|bombers?|perpetrators?|gunm[ae]n|hijackers?|"
    r"shooters?|militants?|insurgents?|terrorists?)\b",
    re.IGNORECASE,
)
#: A coordinating joint just before a noun phrase: "six soldiers and | four attackers".
_JOINT = re.compile(r"(?:(?<!\d),\s*(?:and\s+)?|,\s+(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)
#: Words that show the stretch before a passive verb holds a verb of its own (so a number at
#: the start of the clause is not its subject).
_OTHER_VERB = re.compile(
    r"\b(?:killed|killing|died|wounded|injured|injuring|wounding|dead|was|were|had|has|have|"
    r"attacked|opened|detonated|exploded|said|reported|claimed)\b|[,;:]",
    re.IGNORECASE,
)

#: A number that counts no people: "30 a.m.", "12:30", "50 percent", "220 pounds".
_NOT_PEOPLE = re.compile(
    r"(?i)\s*(?:[ap]\.?m\b|:|%|percent|hours?|kilo\w*|kg|km|miles?|pounds?|meters?|minutes?)"
)
_TIME_BEFORE = re.compile(r"(?i)\b(?:after|before|since|ago|days?|weeks?|months?|years?)\b")


def apposition_before(text: str, end: int) -> tuple[int, str] | None:
    """The ", including ...," apposition that ends just before ``end``: where it starts and
    what it lists; None if there is none or what follows "including" holds a verb."""
    matches = list(_APPOSITION.finditer(text, max(0, end - 200), end))
    if not matches:
        return None
    last = matches[-1]
    inner = text[last.end():end].strip().rstrip(",").strip()
    # The closing comma is often left out: "At least seven people, including six soldiers and
    # one assailant were killed".
    if not inner or _OTHER_VERB.search(inner.replace(",", " ")):
        return None
    return last.start(), inner


_NO_COUNT = frozenset({"the", "a", "an", "and", "his", "her", "their", "its"})


def attackers_in(inner: str) -> int | None:
    """How many attackers an apposition names: 'two soldiers and four assailants' -> 4,
    'the bomber' -> 1; 0 when it names none; None when it names some but not how many."""
    total = 0
    for match in _ATTACKERS_INSIDE.finditer(inner):
        head = match.group("head").lower()
        plural = head.endswith("s") or head.endswith("men")
        number = match.group("m") or match.group("n")
        if number and number.lower() in _NO_COUNT:
            number = None  # "the leader and the bomber": "the" is no count of bombers
        quantity = QUANTITY.fullmatch(number) if number else None
        parsed = quantity_from_match(quantity) if quantity else None
        if parsed is not None and parsed.min is not None and parsed.exact:
            total += parsed.min
        elif not plural and (match.group("det") or not number):
            total += 1
        else:
            return None
    return total


def joined_before(text: str, start: int) -> int | None:
    """Where a coordinating joint ends just before ``start`` ("X and | Y were killed")."""
    match = _JOINT.search(text, max(0, start - 8), start)
    return match.start() if match and match.end() == start else None


def counts_people(phrase: str) -> bool:
    """False for a phrase whose number is a time, a share or a measure: "30 a.m", "50 percent"."""
    match = QUANTITY.match(phrase)
    return match is None or not _NOT_PEOPLE.match(phrase, match.end())


def clause_opening_subject(text: str, verb_start: int) -> str | None:
    """'Fourteen Algerian customs officials traveling to a seminar in Ouargla' when the clause
    opens with a count and nothing between it and the passive verb is a verb or a comma."""
    match = QUANTITY.match(text)
    if match is None or _NOT_PEOPLE.match(text, match.end()) or match.group().lower() in ("a", "an"):
        return None
    stretch = text[match.end():verb_start]
    if len(stretch.split()) > 12 or _OTHER_VERB.search(stretch) or _TIME_BEFORE.search(stretch):
        return None  # "Three days after Judge X was assassinated": a time, no count of victims
    return text[:verb_start].strip()


#: A clause that opens with a single person and a plural verb: "his wife were killed", "a
#: bystander were killed". The clause splitter cut a coordinated subject in two ("Awae Lunae,
#: the village head, | and his wife were killed").
_SINGLE_WERE = re.compile(
    r"(?i)^(?:his|her|their|its|the|a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?P<head>[\w'’-]+)\s+were\b"
)
_PLURAL_HEADS = frozenset({"people", "police", "men", "women", "children", "personnel", "staff",
                           "troops", "family", "couple", "crew", "others"})
_AND_BETWEEN = re.compile(r"(?i),?\s*and\s+")


def rejoined_subject(clause: Span, clauses: list[Span], text: str) -> Span | None:
    """The clause read with the first half of its subject, when the splitter cut a coordinated
    subject at "and" ("X, the village head, | and his wife were killed"); None otherwise.

    Only a singular subject with "were" shows the cut: "and two soldiers were wounded" after
    "the blast destroyed three houses" is a clause of its own.
    """
    match = _SINGLE_WERE.match(clause.text)
    if match is None:
        return None
    head = match.group("head").lower()
    if head.endswith("s") or head in _PLURAL_HEADS:
        return None
    before = [c for c in clauses if c.end <= clause.start
              and c.attrs.get("sentence") == clause.attrs.get("sentence")]
    if not before:
        return None
    first = max(before, key=lambda c: c.end)
    if not _AND_BETWEEN.fullmatch(text[first.end:clause.start]):
        return None
    return Span(first.start, clause.end, text[first.start:clause.end], clause.label,
                dict(clause.attrs))


#: The last counted people told before a verb: "dragged six supporters out of their homes".
_COUNTED_PEOPLE = re.compile(rf"(?i)\b(?:{QUANTITY.pattern})\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+(?:s|men)\b")


def counted_before(text: str, end: int, attackers: bool = False) -> str:
    """Who "them" are: the last count of people before ``end`` (not attackers, unless
    ``attackers``: "jumped the two gunmen and beat them to death"), or ''."""
    found = [m for m in _COUNTED_PEOPLE.finditer(text, 0, end)
             if (attackers or not PERPETRATOR_NOUNS.search(m.group())) and counts_people(m.group())]
    return found[-1].group() if found else ""
