"""Who did it, to whom, to what, with what: role fillers of each incident as text spans.

Roles (the MUC-4 slots): ``perp_individual`` ("two men armed with knives"), ``perp_org`` (a
group of the alias table), ``human_target`` ("a traffic policeman"), ``physical_target``
("the district police department"), ``weapon`` ("a truck loaded with gas canisters").
"""

from __future__ import annotations

import re

from incidex.pipeline.casualties import clause_statements
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import PERPETRATOR_NOUNS, WEAPON_WORDS
from incidex.pipeline.registry import register_stage

_NP_START = (
    r"(?:(?:at\s+least|more\s+than|some|about|nearly)\s+)?(?:a|an|the|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|several|both|his|her|their|its|one|dozens\s+of|many)\s+"
)
_FACILITY = (
    r"(?:building|station|office|offices|headquarters|department|embassy|consulate|church|"
    r"mosque|temple|synagogue|school|university|college|bank|plant|factory|pipeline|tower|"
    r"bridge|bus|train|house|home|residence|farm|facilities|facility|market|hotel|restaurant|"
    r"store|shop|checkpoint|base|barracks|post|airport|camp|compound|courthouse|hall|"
    r"hospital|clinic|substation|pylon|dam|car|vehicle|truck|jeep|plane|aircraft|ship|"
    r"power\s+lines?|offices|exhibit|center|centre|library|ministry|garage|warehouse|"
    r"restaurant|cafe|bar|club|theater|theatre|stadium|shrine|monument|branch|agency)"
)
_PHYSICAL = re.compile(
    rf"\b{_NP_START}(?:[\w’'.-]+\s+){{0,4}}?{_FACILITY}\b(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+"
    rf"(?:\s+[A-Z][\w’'-]+)*)?",
    re.IGNORECASE,
)
_TARGET_OBJECT = re.compile(
    r"\b(?:attack\w*|ambush\w*|target\w*|fired\s+(?:on|at|upon)|opened\s+fire\s+on|shot\s+dead|"
    r"gunned\s+down|"
    r"stormed|raided|kidnapp\w*|abduct\w*|shot|stabb\w*|assassinat\w*|murder\w*|"
    r"(?:attack|assault|bombing)s?\s+(?:on|against))\s+(?P<object>" + _NP_START +
    r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+)(?=\s+(?:in|at|on|with|and|before|after|as|who|while|near|"
    r"outside|inside|when|from)\b|[,;.:]|$)",
    re.IGNORECASE,
)
_PERP_NP = re.compile(
    rf"\b(?:{_NP_START}(?:[\w’'-]+\s+){{0,2}}?)?(?:{PERPETRATOR_NOUNS.pattern})"
    r"(?:\s+(?:knives|guns|rifles|pistols|explosives|machetes|axes|grenades))?",
    re.IGNORECASE,
)


def _dedupe(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return kept


def _spans(pattern: re.Pattern[str], clause: Span, label: str, group: int | str = 0) -> list[Span]:
    out = []
    for match in pattern.finditer(clause.text):
        start, end = match.span(group)
        out.append(Span(clause.start + start, clause.start + end, match.group(group), label))
    return out


def frame_roles(frame: Frame) -> dict[str, list[Span]]:
    weapons: list[Span] = []
    perps: list[Span] = []
    humans: list[Span] = []
    physical: list[Span] = []
    for clause in frame.clauses:
        for pattern, weapon_type in WEAPON_WORDS:
            for span in _spans(pattern, clause, "weapon"):
                span.attrs["weapon_type"] = weapon_type
                weapons.append(span)
        perps.extend(_spans(_PERP_NP, clause, "perp_individual"))
        for statement in clause_statements(clause):
            if statement.category in ("killed", "wounded") and statement.phrase and not (
                statement.min == 0 and statement.exact
            ):
                index = statement.evidence.text.lower().find(statement.phrase.lower())
                if index >= 0:
                    start = statement.evidence.start + index
                    humans.append(Span(start, start + len(statement.phrase), statement.phrase,
                                       "human_target"))
        humans.extend(_spans(_TARGET_OBJECT, clause, "human_target", "object"))
        physical.extend(_spans(_PHYSICAL, clause, "physical_target"))
    weapons = _dedupe(weapons)
    perps = _dedupe(perps)
    humans = [h for h in _dedupe(humans) if not any(h.overlaps(p) for p in perps + weapons)]
    physical = [
        p for p in _dedupe(physical)
        if not any(p.overlaps(o) for o in weapons + perps + humans)
        and not _TAKEN_TO.search(frame_text(frame, p.start))
    ]
    if any(_VEHICLE_HEAD.search(w.text) for w in weapons):
        # "a truck loaded with gas canisters ... the vehicle failed to explode": the vehicle
        # is the weapon, not what was attacked.
        physical = [p for p in physical if not _VEHICLE_HEAD.search(p.text)]
    humans = [h for h in humans if not _is_facility(h.text)] + [
        Span(h.start, h.end, h.text, "physical_target") for h in humans if _is_facility(h.text)
    ]
    return {
        "perp_individual": perps,
        "human_target": [h for h in humans if h.label == "human_target"],
        "physical_target": _dedupe(physical + [h for h in humans if h.label == "physical_target"]),
        "weapon": weapons,
    }


_VEHICLE_HEAD = re.compile(r"\b(?:car|truck|vehicle|van|lorry)\b", re.IGNORECASE)
_TAKEN_TO = re.compile(
    r"\b(?:taken|rushed|brought|admitted|evacuated|transferred|flown|treated)\s+(?:to|at|in)\s+$",
    re.IGNORECASE,
)


def frame_text(frame: Frame, offset: int) -> str:
    """The frame's clause text just before ``offset`` (what precedes a role filler)."""
    for clause in frame.clauses:
        if clause.start <= offset <= clause.end:
            return clause.text[max(0, offset - clause.start - 40):offset - clause.start]
    return ""


def _is_facility(text: str) -> bool:
    return re.search(rf"\b{_FACILITY}$", text, re.IGNORECASE) is not None


@register_stage("roles")
class RoleFinder:
    name = "roles"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("roles",)

    def __call__(self, doc: Doc) -> Doc:
        for frame in doc.frames:
            frame.roles = frame_roles(frame)
        return doc
