"""The parts a clause's casualty reading is built from, and how its figures combine.

:mod:`casualties` reads each clause; these are the checks it makes on the way (a thing struck
is no victim, a prevented or earlier killing no toll, a list after a count may only say who the
counted were), the appositions that split a total between victims and attackers ("Nine people,
including four assailants, were killed") and :func:`combine`, which makes one figure per
category of all the statements an incident has.
"""

from __future__ import annotations

import re

from incidex.pipeline.casualty_patterns import (
    BESIDES,
    CATEGORIES,
    INCLUDING,
    Statement,
    count_phrase,
    subject_before,
    trim_to_quantity,
)
from incidex.pipeline.casualty_subjects import apposition_before, attackers_in
from incidex.pipeline.doc import Span
from incidex.pipeline.lexicon import PERPETRATOR_NOUNS
from incidex.pipeline.quantities import QUANTITY, quantity_from_match

__all__ = [
    "ADJECTIVAL",
    "ALONG_WITH",
    "PLACE_BEFORE",
    "PREVENTED",
    "STRUCK_THING",
    "WHEN",
    "apposition_total",
    "attackers_among_dead",
    "breakdown",
    "combine",
    "perp_phrase",
    "subject_of_apposition",
]

#: What a vehicle or a blast strikes that is no person: "struck the vehicle of the governor".
STRUCK_THING = re.compile(
    r"(?i)\b(?:vehicle|car|truck|bus|convoy|building|house|home|checkpoint|wall|gate|target|"
    r"station|post|office|compound|base|mosque|church|market|shop|area)s?\b"
)

#: "stopped a suicide bomber from assassinating the governor": a killing prevented.
PREVENTED = re.compile(r"(?i)\b(?:stop\w*|prevent\w*|foil\w*|thwart\w*|kept)\b[^.;]{0,60}\bfrom\s+$")


#: "was killed along with his secretary", "were killed in the attack, as well as their
#: driver", "were killed, as were two soldiers": the others count too. A short phrase of place
#: or manner may come between (group ``at`` is where the list starts).
ALONG_WITH = re.compile(
    r"(?i)(?:\s+(?:in|at|on|during|near|by|outside|inside)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+?)?"
    r"(?P<at>,?\s+(?:along\s+with|as\s+well\s+as|as\s+(?:were|was))\s)"
)

WHEN = re.compile(
    r"(?i)\b(?:year|week|month|day|morning|night|evening|afternoon|time|weekend)s?$|"
    r"^(?:the|a|this|that|last|next)\s+(?:same\s+)?(?:year|week|month|day|morning|night|evening|"
    r"afternoon|time|weekend)\b|\b(?:earlier|previously|ago)\b|"
    r"\b(?:days?|weeks?|months?|years?|hours?)\s+(?:later|after|afterwards)\b"
)

#: "Two people riding on | the motorcycle were killed": a place, not the subject.
PLACE_BEFORE = re.compile(r"(?i)\b(?:at|in|on|from|with|near|inside|outside|aboard)\s*$")
ADJECTIVAL = re.compile(r"(?i)\b(?:to|for|of|the|a|an|his|her|their|its)\s+$")


def breakdown(first: str, items: list[str]) -> bool:
    """True when the items after a count add up to it and name nationalities or kinds ("one
    Chinese and two Palestinians"): they tell who the counted were."""
    total = count_phrase(first)
    parts = [count_phrase(item) for item in items]
    return total[2] and all(p[2] for p in parts) and sum(p[0] or 0 for p in parts) == total[0] \
        and all(item.split()[-1][:1].isupper() for item in items)


def attackers_among_dead(text: str, clause: Span, found: list[Statement]) -> None:
    """"In addition to the bomber, 27 people were killed" adds the bomber's death; "16 people
    were killed, including the perpetrator" moves one death from the victims to him."""
    killed = [s for s in found if s.category == "killed" and s.min]
    if not killed:
        return
    for match in BESIDES.finditer(text):
        span = Span(clause.start + match.start(), clause.start + match.end(), match.group(), "casualty")
        many = match.group("who").lower().endswith("s")
        number = QUANTITY.fullmatch(match.group("n") or "")
        counted = quantity_from_match(number) if number else None
        if counted is not None and counted.exact and counted.min is not None:
            found.append(Statement("perpetrators_killed", counted.min, counted.min, True, span,
                                   match.group("who")))
            continue
        found.append(Statement("perpetrators_killed", 2 if many else 1, None if many else 1,
                               not many, span, match.group("who")))
    for match in INCLUDING.finditer(text):
        span = Span(clause.start + match.start(), clause.start + match.end(), match.group(), "casualty")
        if any(s.category.startswith("perpetrators_") and s.evidence.overlaps(span) for s in found):
            continue  # an apposition already read: "Nine people, including the bomber, died"
        best = max(killed, key=lambda s: s.min or 0)
        found.remove(best)
        low = None if best.min is None else best.min - 1
        high = None if best.max is None else best.max - 1
        found.append(Statement("killed", low, high, best.exact, best.evidence, best.phrase))
        found.append(Statement("perpetrators_killed", 1, 1, True, span, match.group("who")))
        return


def apposition_total(
    text: str, clause: Span, match: re.Match[str], kind: str, found: list[Statement],
    covered: list[tuple[int, int]],
) -> bool:
    """"Nine people, including three soldiers and four assailants, were killed": the total
    before the apposition, split into the attackers it names and the victims. True if read."""
    apposition = apposition_before(text, match.start())
    if apposition is None:
        return False
    apposition_start, inner = apposition
    start, phrase = subject_before(text, apposition_start)
    phrase = trim_to_quantity(phrase)
    if not phrase or not QUANTITY.match(phrase):
        return False
    if any(s < match.end() and start < e for s, e in covered):
        return True
    low, high, exact = count_phrase(phrase)
    span = Span(clause.start + start, clause.start + match.end(), text[start:match.end()], "casualty")
    covered.append((start, match.end()))
    attackers = attackers_in(inner)
    is_perp = bool(PERPETRATOR_NOUNS.search(phrase))
    if is_perp or not attackers or low is None or low < attackers:
        found.append(Statement(("perpetrators_" if is_perp else "") + kind, low, high, exact, span, phrase))
        return True
    found.append(Statement(kind, low - attackers, None if high is None else high - attackers, exact,
                           span, phrase))
    found.append(Statement("perpetrators_" + kind, attackers, attackers, True, span,
                           inner))
    return True


def subject_of_apposition(text: str, end: int) -> tuple[int, str]:
    """"Abduvaliyev, a police officer, was killed": the subject before a comma-closed
    apposition ("The assailant, identified as X, was killed" -> "The assailant")."""
    before = text[:end].rstrip()
    if not before.endswith(","):
        return end, ""
    comma = before.rfind(",", 0, len(before) - 1)
    if comma <= 0:
        return end, ""
    start, phrase = subject_before(text, comma)
    return start, trim_to_quantity(phrase)


def perp_phrase(text: str, perp: re.Match[str]) -> str:
    _, phrase = subject_before(text, perp.start())
    return trim_to_quantity(f"{phrase} {perp.group()}".strip())


def combine(statements: list[Statement]) -> dict[str, tuple[int | None, int | None, bool, list[Span]]]:
    """One figure per category: the largest stated minimum, with every statement as evidence."""
    result: dict[str, tuple[int | None, int | None, bool, list[Span]]] = {}
    for category in CATEGORIES:
        mine = [s for s in statements if s.category == category]
        if not mine:
            continue
        best = _added_up(mine)
        result[category] = (best.min, best.max, best.exact, [s.evidence for s in mine])
    return result


#: "killed its driver ... killing six more", "another died later": victims besides those told.
_FURTHER = re.compile(r"(?i)\b(?:more|another|additional|further)\b|^the\s+other\b")
#: "His driver was also killed", "were also wounded": the verb itself says these are besides.
_ALSO = re.compile(r"(?i)\b(?:also|too)\b")
#: "was also among those killed": one of the dead told before, not one more.
_AMONG = re.compile(r"(?i)\bamong\b")


def _further(statement: Statement) -> bool:
    """True when a statement counts victims besides those told before it."""
    if _AMONG.search(statement.evidence.text):
        return False
    return bool(_FURTHER.search(statement.phrase) or _ALSO.search(statement.evidence.text))


def _added_up(statements: list[Statement]) -> Statement:
    """The largest figure, or the sum where a later statement counts victims besides the ones
    told before it ("six more", "another", "an additional 40")."""
    ordered = sorted(statements, key=lambda s: s.evidence.start)
    best = max(ordered, key=lambda s: (s.min or 0, s.exact))
    running: Statement | None = None
    for statement in ordered:
        if running is not None and _further(statement) and statement.min and \
                not statement.evidence.overlaps(running.evidence):
            high = None if running.max is None or statement.max is None else running.max + statement.max
            running = Statement(statement.category, (running.min or 0) + statement.min, high,
                                running.exact and statement.exact, statement.evidence, statement.phrase)
        elif running is None or (statement.min or 0) > (running.min or 0):
            running = statement
    assert running is not None
    return running if (running.min or 0) > (best.min or 0) else best
