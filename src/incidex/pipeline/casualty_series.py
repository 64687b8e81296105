"""A toll summed over a series of attacks, shared out among them as the GTD codebook does.

"At least 47 people were killed ... across the two blasts", "100 people were killed ... in both
attacks": when linked incidents are told with one cumulative total, GTD divides the total among
them ("Preservation of Statistical Accuracy", codebook, Total Number of Fatalities). A clause
that gives such a total gives each incident its share when the report says how many attacks
there were; otherwise ("collectively causing seven injuries") it gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from incidex.pipeline.casualty_patterns import Statement
from incidex.pipeline.doc import Span
from incidex.pipeline.quantities import parse_number

__all__ = ["series_share", "shared_out"]

_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
_EVENTS = r"(?:attacks|blasts|bombings|explosions|incidents|assaults|raids|bombs|clashes|locations|sites)"
#: A toll summed over several attacks, with how many when it says: "across the two blasts",
#: "in both attacks", "collectively causing", "across all of the attacks".
_TOTAL = re.compile(
    rf"(?i)\b(?:(?P<vague>collectively|cumulative\w*|combined)|(?:in|from|during|between|across)\s+"
    rf"(?:(?P<both>both)|all(?:\s+of\s+the)?|the\s+(?P<n>{_COUNT}))\s+(?:\w+\s+)?{_EVENTS}|"
    rf"across\s+the\s+(?:\w+\s+)?{_EVENTS})"
)
#: How many linked attacks the report tells of: "one of two coordinated attacks", "a series
#: of three related bombings", "three coordinated attacks".
_HOW_MANY = re.compile(
    rf"(?i)\b(?:one\s+of\s+|series\s+of\s+)?(?P<n>{_COUNT})\s+(?:\w+\s+)?(?:related|coordinated|"
    rf"linked|simultaneous|similar)\s+(?:\w+\s+){{0,2}}?{_EVENTS}"
)
#: A clause that speaks of the incident itself: "Fourteen people died in this attack".
_THIS_ONE = re.compile(r"(?i)\bthis\s+(?:attack|incident|bombing|blast|explosion)\b")


def series_share(clauses: list[Span]) -> dict[int, int]:
    """Sentence index -> into how many incidents its toll is shared (0: not at all), for the
    sentences that give a series' total."""
    text = " ".join(c.text for c in clauses)
    told = _HOW_MANY.search(text)
    linked = parse_number(told.group("n")) if told else None
    out: dict[int, int] = {}
    for clause in clauses:
        match = _TOTAL.search(clause.text)
        if match is None:
            continue
        if match.group("both"):
            count: int | None = 2
        elif match.group("n"):
            count = parse_number(match.group("n"))
        else:
            count = linked
        out[int(clause.attrs.get("sentence", -1))] = count if count and count > 1 else 0
    return out


def shared_out(statements: list[Statement], clause: Span, share: dict[int, int]) -> list[Statement]:
    """The clause's statements as this incident's share of a series total (none if the share
    is unknown); unchanged when the clause gives no series total or speaks of this incident."""
    sentence = int(clause.attrs.get("sentence", -1))
    if sentence not in share or (_THIS_ONE.search(clause.text) and not _TOTAL.search(clause.text)):
        return statements
    parts = share[sentence]
    if not parts:
        return []
    return [replace(s, min=None if s.min is None else s.min // parts,
                    max=None if s.max is None else s.max // parts, exact=False) for s in statements]
