"""GTD target/victim type of an incident, from its targets and what its attack verbs act on.

The codebook codes the type of the target or victim, and where civilians are harmed in a place
with a type of its own, the place: "any attack on a business or private citizens patronizing a
business such as a restaurant" is Business, civilians shot outside a mosque are a religious
target, while "attacks on individuals, the public in general" are Private Citizens & Property.
So the choice here is: the most specific type among the incident's targets, victims and the
places where they were attacked, read from the sentence that tells the attack first; Private
Citizens & Property when only people, homes or cars are named; Unknown when nothing is.

Phrases are typed with :mod:`incidex.pipeline.target_lexicon` (built from the codebook's
definitions). Kept apart from :mod:`incidex.pipeline.coding` so that the lexicon and the choice
of the primary target can grow without crowding the attack and weapon rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from incidex.codebook import TargetType
from incidex.pipeline.doc import Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.target_lexicon import ROADS_RANK, priority, target_matches

__all__ = ["target_types"]

#: Where the object of an attack verb ends: a place, a time, a following clause. A full stop
#: ends it only when it ends a sentence, not an abbreviation ("St. Ann's Church", "Dr. Hall").
_OBJECT_END = re.compile(
    r"\s(?:in|near|on\s+(?:the\s+)?\w+day|at\s+\d|killing|wounding|injuring|before|after|when|"
    r"while|because)\b|[,;]|(?<!\b(?:St|Dr|Mr|Ms|Co|Mt|Ft|Jr|Sr))(?<!\b(?:Mrs|Inc|Rev))\.(?=\s|$)"
)
_PERSON_NAMED = re.compile(r"\s+(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+\b")
#: Security forces or officials named as those who respond to or report an attack, not as its
#: targets: "police defused the device", "according to officials", "shot by a police officer".
_RESPONDER_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:said|say|says|reported|stated|arrested|apprehended|responded|"
    r"detonated|defused|disarmed|dismantled|found|discovered|investigat\w*|evacuated|"
    r"believed?|suspect\w*|identified|charged|pursued|thwarted|foiled|stopped|prevented|"
    r"engaged|shot\s+(?:and\s+killed\s+)?the|"
    r"killed\s+the|arrived|later)\b",
    re.IGNORECASE,
)
_RESPONDER_BEFORE = re.compile(
    r"(?:according\s+to|by|told|informed|alerted|notified|called|from)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:\w+\s+){0,2}$|(?:responding|local|federal)\s+$",
    re.IGNORECASE,
)
#: The name of an armed group, whose words are not a target ("the Animal Liberation Brigade").
_GROUP_NAME = re.compile(r"(?:[A-Z][\w'-]*\s+){1,5}(?:Front|Brigade|Commandos?)\b")
_SECURITY = {TargetType.POLICE, TargetType.GOVERNMENT, TargetType.MILITARY}


def _responder(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    return bool(_RESPONDER_AFTER.match(text[end:end + 60]) or _RESPONDER_BEFORE.search(before))


def _phrase_type(
    text: str, skip: Sequence[tuple[int, int]] = (), responders: bool = False
) -> tuple[TargetType, int, int, int] | None:
    """The most specific type a phrase names, with the words that name it and the rank of the
    lexicon entry that typed them; None for none.

    Words inside ``skip`` (the perpetrators) or an armed group's name are not targets; with
    ``responders``, neither are the police or officials who report or respond to the attack.
    """
    best: tuple[TargetType, int, int, int] | None = None
    skipped = [*skip, *((m.start(), m.end()) for m in _GROUP_NAME.finditer(text))]
    for target, start, end, rank in target_matches(text):
        if any(s <= start < e for s, e in skipped):
            continue
        if responders and target in _SECURITY and _responder(text, start, end):
            continue
        if best is None or rank < best[3]:
            best = (target, start, end, rank)
    return best


def _objects(frame: Frame) -> list[Span]:
    """What each concrete attack verb acts on: the rest of its clause up to a place or time."""
    out: list[Span] = []
    for trigger in frame.triggers:
        clause = next((c for c in frame.clauses if c.start <= trigger.start < c.end), None)
        if clause is None or not trigger.attrs.get("concrete"):
            continue
        rest = clause.text[trigger.end - clause.start:]
        rest = _OBJECT_END.split(rest, maxsplit=1)[0][:160]
        if rest.strip():
            out.append(Span(trigger.end, trigger.end + len(rest), rest, "physical_target"))
    return out


def target_types(
    frame: Frame, sentences: list[Span] | None = None
) -> tuple[list[TargetType], list[Span]]:
    """The incident's target types, primary first, each with the phrase that names it.

    ``sentences`` are those that speak of the incident (the whole report when it tells one
    incident); the frame's own clauses by default.
    """
    clauses = sorted(sentences if sentences else frame.clauses, key=lambda c: c.start)
    perpetrators = [(s.start, s.end) for s in frame.roles.get("perp_individual", [])
                    + frame.roles.get("perp_organization", [])]
    named = sorted(frame.roles.get("human_target", []) + frame.roles.get("physical_target", [])
                   + _objects(frame), key=lambda s: s.start)
    found: list[tuple[TargetType, Span]] = []
    roads: list[Span] = []  # typed by the roads-and-bridges entry alone
    for span in named:
        typed = _phrase_type(span.text)
        if typed is not None:
            found.append((typed[0], span))
            if typed[3] == ROADS_RANK:
                roads.append(span)
        elif _PERSON_NAMED.match(" " + span.text.strip()):
            found.append((TargetType.PRIVATE, span))  # "shot and killed Bruce Cofield, 59"
    # The sentences that tell the attack, read whole: the place where people were attacked
    # ("opened fire on civilians outside a Jewish community center") is often in no role.
    for clause in clauses[:2]:
        skip = [(s - clause.start, e - clause.start) for s, e in perpetrators]
        typed = _phrase_type(clause.text, skip, responders=True)
        if typed is not None:
            target, start, end, rank = typed
            words = Span(clause.start + start, clause.start + end, clause.text[start:end], "target")
            found.append((target, words))
            if rank == ROADS_RANK:
                roads.append(words)
    if not found:
        return [TargetType.UNKNOWN], []
    # The primary target is told in the first sentence of the attack; there, the most
    # specific type wins, Private Citizens & Property only when no other is named, and a road
    # or bridge only when nothing else is (codebook: "if the highway itself is the target").
    first = clauses[0] if clauses else None
    in_first = [f for f in found if first is None or f[1].start < first.end]
    pool = in_first or found
    ranked = sorted(pool, key=lambda f: (any(f[1] is r for r in roads), f[0] == TargetType.PRIVATE,
                                         priority(f[0]), f[1].start))
    types: list[TargetType] = []
    evidence: list[Span] = []
    for target, span in ranked + [f for f in found if f not in pool]:
        if target not in types:
            types.append(target)
            evidence.append(span)
    return types, evidence
