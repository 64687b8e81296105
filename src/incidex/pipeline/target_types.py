"""GTD target/victim type of an incident, from its targets and what its attack verbs act on.

Kept apart from :mod:`incidex.pipeline.coding` so that the target lexicon and the choice of the
primary target can grow without crowding the attack and weapon rules.
"""

from __future__ import annotations

import re

from incidex.codebook import TargetType
from incidex.pipeline.doc import Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import target_type_of

__all__ = ["target_types"]

#: Where the object of an attack verb ends: a place, a time, a following clause.
_OBJECT_END = re.compile(r"\s(?:in|near|outside|on\s+(?:the\s+)?\w+day|at\s+\d|killing|wounding|"
                         r"injuring|before|after|when|while)\b|[,.;]")
_PERSON_NAMED = re.compile(r"\s+(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+\b")


def target_types(frame: Frame) -> tuple[list[TargetType], list[Span]]:
    targets = sorted(
        frame.roles.get("human_target", []) + frame.roles.get("physical_target", []),
        key=lambda s: (s.label != "human_target", s.start),
    )
    types: list[TargetType] = []
    evidence: list[Span] = []
    for span in targets:
        target = target_type_of(span.text)
        if target is not None and target not in types:
            types.append(target)
            evidence.append(span)
    if not types:
        # No target the roles stage named: what the attack verb acts on ("set fire to the
        # Islamic Center", "opened fire on a Planned Parenthood clinic").
        for trigger in frame.triggers:
            clause = next((c for c in frame.clauses if c.start <= trigger.start < c.end), None)
            if clause is None or not trigger.attrs.get("concrete"):
                continue
            rest = clause.text[trigger.end - clause.start:]
            rest = _OBJECT_END.split(rest, maxsplit=1)[0][:120]
            target = target_type_of(rest)
            if target is None and _PERSON_NAMED.match(rest):
                target = TargetType.PRIVATE  # "shot and killed Bruce Cofield, 59"
            if target is not None:
                start = trigger.end
                return [target], [Span(start, start + len(rest), rest, "physical_target")]
    return (types or [TargetType.UNKNOWN]), evidence
