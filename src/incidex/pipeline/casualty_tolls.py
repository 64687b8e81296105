"""Casualty figures read across an incident's sentences rather than within one clause.

GTD summaries and news reports tell a toll apart from the attack ("Three suicide bombers
detonated vehicles at a base. In addition to the assailants, at least 15 soldiers were
killed"), leave the attackers who died uncounted ("a suicide bomber detonated ..., killing 12
people": thirteen dead in GTD's nkill, which includes attackers), or count them only as "the
bombers". These helpers join such figures to their incident; :mod:`casualties` combines them.
"""

from __future__ import annotations

import re

from incidex.pipeline.casualties import clause_statements
from incidex.pipeline.casualty_patterns import BESIDES, CLAIMED_TOLL, Statement
from incidex.pipeline.casualty_series import series_share
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.quantities import QUANTITY, quantity_from_match

__all__ = ["counted_attackers", "suicide_attackers_died", "told_elsewhere"]

#: Words of a claim, a threat or an intention: a toll told there is not the incident's.
_UNREAL = re.compile(r"(?i)\b(?:claim\w*|stated|said|says|accus\w+|threat\w*|plot\w*|want\w*|"
                     r"plann\w+|intend\w*|vow\w*|warn\w*|demand\w*|would|will|could|might)\b")
#: A toll summed over several attacks: "across both blasts", "in the four attacks combined".
_ACROSS = re.compile(
    r"(?i)\b(?:across|combined|cumulative\w*|collectively|in\s+total|altogether|overall|"
    r"(?:both|all|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\s+(?:\w+\s+)?"
    r"(?:attacks|blasts|bombings|explosions|incidents|assaults|raids))\b"
)
#: "All of the assailants were killed": as many as the report said attacked.
_ALL_OF_THEM = re.compile(r"(?i)all\b")
#: How many attackers the report names: "Three suicide bombers detonated", "Six assailants".
_ATTACKERS_NAMED = re.compile(
    rf"(?i)\b(?P<n>{QUANTITY.pattern})\s+(?:[\w-]+\s+){{0,2}}?(?:suicide\s+)?"
    r"(?:bombers|assailants|attackers|gunmen|militants|perpetrators|hijackers|shooters)\b"
)
#: Words of background and commentary: "Attacks on police are frequent in Iraq", "a recent
#: spate of attacks that have killed fourteen this year".
_COMMENTARY = re.compile(
    r"(?i)\b(?:frequent\w*|common\w*|often|continue[sd]?|recent\w*|this\s+year|so\s+far|"
    r"since|previous\w*|earlier|last\s+(?:week|month|year)|spate|trend|campaign|are|is|have|has)\b"
)


def counted_attackers(statement: Statement, clauses: list[Span]) -> Statement:
    """"In addition to the bombers, ..." after "Four suicide bombers detonated": four."""
    if not (statement.category == "perpetrators_killed" and statement.max is None
            and statement.min == 2 and (BESIDES.search(statement.evidence.text)
                                        or _ALL_OF_THEM.match(statement.phrase))):
        return statement
    for clause in clauses:
        match = _ATTACKERS_NAMED.search(clause.text)
        if match:
            quantity = QUANTITY.fullmatch(match.group("n"))
            counted = quantity_from_match(quantity) if quantity else None
            if counted is not None and counted.exact and counted.min and counted.min >= 2:
                return Statement(statement.category, counted.min, counted.min, True,
                                 statement.evidence, statement.phrase)
            break
    return statement


#: A suicide attacker who set off his charge: "a suicide bomber detonated", "Four suicide
#: bombers attacked ... detonated", "the first of five suicide car-bombs detonated".
_SUICIDE_ATTACKER = re.compile(
    r"(?i)\b(?:(?P<n>[\w-]+)\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:(?:female|male|unidentified|"
    r"unknown|suspected|teenage|young|other|lone|would-be)\s+)?)?suicide[-\s]+(?:[\w-]+[-\s]+){0,2}?(?:bomb(?:er|ers|s)?|attackers?|assailants?)\b|"
    # "a suicide attack", "a suicide car bombing", "a suicide vehicle-borne improvised explosive
    # device": one attacker who died with the charge.
    r"\b(?:an?|the)\s+(?:(?![\w-]*ed\b)[\w-]+\s+){0,4}?suicide[-\s]+(?:(?:car|truck|vehicle|motorcycle)[-\s]+)?"
    r"(?P<act>attack|bombing|vehicle[-\s]borne\s+improvised\s+explosive\s+device|s?vbied)\b"
)
_WENT_OFF = re.compile(r"(?i)\b(?:detonat\w*|explod\w*|blew|blast|explosion|bombing|rammed)\b")
#: The attacker lived: caught, fled, stopped before the blast, or hurt only.
_ATTACKER_LIVED = re.compile(
    r"(?i)\b(?:survived|arrested|detained|captured|fled|escaped|failed|apprehended|subdued|"
    r"before\s+(?:he|she|they)\s+could|attempt\w*\s+an?\s+suicide|(?:following|after)\s+(?:an?|the)\s+suicide|"
    r"(?:bomber|attacker|assailant)s?\s+(?:was|were)\s+(?:\w+\s+)?(?:injured|wounded|hurt))\b"
)


def suicide_attackers_died(clauses: list[Span], statements: list[Statement]) -> Statement | None:
    """The suicide attackers a report does not count among its dead, though they died.

    GTD's nkill includes the attackers (codebook); a summary says "a suicide bomber detonated
    ... killing 12 people" and means thirteen dead. None when the report counts attackers
    itself, says they lived, or does not say how many set off their charges.
    """
    if any(s.category == "perpetrators_killed" for s in statements):
        return None
    text = " ".join(c.text for c in clauses)
    match = _SUICIDE_ATTACKER.search(text)
    if match is None or _ATTACKER_LIVED.search(text) or not (match.group("act") or _WENT_OFF.search(text)):
        return None
    head = match.group().lower()
    word = (match.group("n") or "").lower()
    plural = head.endswith(("ers", "ants", "bombs")) and " of " not in head
    count = 1
    if plural:
        quantity = QUANTITY.fullmatch(word)
        counted = quantity_from_match(quantity) if quantity else None
        if counted is None or not counted.exact or not counted.min:
            return None
        count = counted.min
    clause = next(c for c in clauses if match.group() in c.text or c is clauses[-1])
    span = Span(clause.start, clause.end, clause.text, "casualty")
    return Statement("perpetrators_killed", count, count, True, span, match.group())


def told_elsewhere(doc: Doc) -> dict[int, list[Span]]:
    """Clauses in no incident that tell casualties, by the index of the incident they belong to.

    "Three suicide bombers detonated vehicles at a base. In addition to the assailants, at
    least 15 soldiers were killed": the toll is often a sentence of its own that names no
    attack, so the frames stage leaves it out. It belongs to the incident told last before it
    (the first, when it comes before them all), unless it speaks of a series or of background.
    """
    if not doc.frames:
        return {}
    share = series_share(doc.clauses)  # a total the report lets us share out is told too
    framed = {(c.start, c.end) for frame in doc.frames for c in frame.clauses}
    starts = [frame.start for frame in doc.frames]
    out: dict[int, list[Span]] = {}
    for clause in doc.clauses:
        kind = clause.attrs.get("kind")
        if (clause.start, clause.end) in framed or kind == "background":
            continue
        if kind == "series" and (len(doc.frames) > 1 or (
                _ACROSS.search(clause.text) and not share.get(int(clause.attrs.get("sentence", -1))))):
            continue  # "16 people were killed in the attacks": the series' toll, not shared out
        if CLAIMED_TOLL.search(clause.text) or _UNREAL.search(clause.text) or _COMMENTARY.search(
                clause.text):
            continue
        if not clause_statements(clause):
            continue
        owner = max((i for i, start in enumerate(starts) if start <= clause.start), default=0)
        out.setdefault(owner, []).append(clause)
    return out
