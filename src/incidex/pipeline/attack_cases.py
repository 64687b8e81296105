"""Attack types the GTD codebook decides by the target and the outcome, not by the weapon.

The rule stage ``coding`` reads the attack type off the weapon words ("opened fire" is an armed
assault, "firebombed" a facility attack). The codebook's definitions turn on the primary
objective and on what happened, and three cases come up often enough to state as rules:

- gunfire at a structure when nobody was there ("shots were fired overnight at a recruiting
  station", "no one was in the building"), or at energy or telecommunication plant ("opened
  fire on the transmission substation"), with nobody hurt: the objective was to damage a
  non-human target, a Facility/Infrastructure Attack ("an act, excluding the use of an
  explosive, whose primary objective is to cause damage to a non-human target");
- an incendiary device that went off with a blast and hurt nobody ("an incendiary device
  exploded", "the seventh firebomb exploded"): a Bombing/Explosion, whose primary effects are
  those of the explosion; an incendiary that only burns is a facility attack. One that hurt
  people is left to the learned coder: GTD's coders most often make it an armed assault ("a
  petrol bomb exploded at a restaurant, injuring 12": harm to people by an incendiary).

An incendiary thrown into a home or a bar is not a case here: GTD codes it an armed assault
(harm to the people inside) as often as a facility attack (an arson) on our dev data.

These are the codebook's definitions applied, so the learned coder (``coding.learned``), which
learned GTD's habits from weapon words, keeps them (``codebook_case``).
"""

from __future__ import annotations

import re

from incidex.codebook import AttackType, TargetType
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame

__all__ = ["case_sentences", "codebook_case"]

_GUNFIRE = re.compile(
    r"(?i)\b(?:shots?|bullets?|rounds|gunfire)\s+(?:were\s+|was\s+)?(?:fired|shot)\b|"
    r"\b(?:fired|shot|opened\s+fire)\b")
#: The report says nobody was at the place that was shot at.
_NOBODY_THERE = re.compile(
    r"(?i)\b(?:no\s+one|nobody|no\s+(?:people|employees|staff|workers))\s+(?:was|were)\s+"
    r"(?:in|inside|at|present|there)\b|\b(?:unoccupied|vacant|empty|deserted)\b|"
    r"\b(?:was|were)\s+closed\s+at\s+the\s+time\b|\bovernight\b|\bafter\s+(?:business\s+)?hours\b")
#: Energy and communication plant: shooting at it damages it and harms nobody by design.
_PLANT = {TargetType.UTILITIES, TargetType.TELECOM}
_INCENDIARY = (r"(?:incendiary\s+(?:devices?|bombs?)|fire\s?bombs?|molotov\s+cocktails?|"
               r"petrol\s+bombs?|gasoline\s+bombs?)")
#: "an incendiary device exploded", "the seventh firebomb exploded", "firebombs were detonated"
_INCENDIARY_BLAST = re.compile(
    rf"(?i)\b{_INCENDIARY}\s+(?:[\w'’-]+\s+){{0,3}}?(?:exploded|detonated|went\s+off|blew\s+up)\b")
_HARM = ("killed", "wounded")
#: A report of at most this many words is a summary of one or a few incidents (GTD's run to
#: 200; ``learned_coding.MAX_WORDS``), whose every sentence tells of them.
SHORT_REPORT = 250
_WORD = re.compile(r"\w+")


def _nobody_hurt(frame: Frame) -> bool:
    return not any((frame.casualties.get(c) or (None,))[0] for c in _HARM)


def _shot_at_structure(frame: Frame, sentences: list[Span], targets: list[TargetType]) -> bool:
    """Gunfire, and nothing else, at a place nobody was at, or at energy or telecom plant."""
    found = {t.attrs.get("attack_type") for t in frame.triggers if t.attrs.get("concrete")}
    if found != {AttackType.ARMED_ASSAULT} or frame.roles.get("human_target") or not sentences:
        return False
    if not _GUNFIRE.search(sentences[0].text) or not _nobody_hurt(frame):
        return False
    if targets and targets[0] in _PLANT:
        return True
    text = " ".join(s.text for s in sentences[:3])
    return bool(_NOBODY_THERE.search(text))


def case_sentences(doc: Doc, frame: Frame) -> list[Span]:
    """The sentences that speak of ``frame``'s incident: the whole report when it tells one;
    else the frame's clauses and the sentences no other frame holds ("Shots were fired at the
    museum. No one was in the building at the time. Melaku was charged for the shootings ...":
    the second sentence tells of the first incident, though the frames stage holds it in
    neither). Only in a short report: in a long article (MUC-4's run to a thousand words), a
    sentence no frame holds is as often about something else, and the frame's clauses alone
    speak of its incident."""
    if len(doc.frames) == 1:
        return doc.sentences
    if len(_WORD.findall(doc.text)) > SHORT_REPORT:
        return frame.clauses
    others = [c for f in doc.frames if f is not frame for c in f.clauses]
    own = [s for s in doc.sentences if any(c.start < s.end and s.start < c.end for c in frame.clauses)
           or not any(c.start < s.end and s.start < c.end for c in others)]
    return own or frame.clauses


def codebook_case(frame: Frame, sentences: list[Span], targets: list[TargetType]
                  ) -> tuple[AttackType, Span] | None:
    """The attack type one of the codebook's cases above decides, with the words that show it;
    None where none applies. ``targets`` are the incident's target types, primary first."""
    for sentence in sentences[:3]:
        blast = _INCENDIARY_BLAST.search(sentence.text)
        if blast and _nobody_hurt(frame):
            return AttackType.BOMBING, _span(sentence, blast)
    if _shot_at_structure(frame, sentences, targets):
        first = sentences[0]
        return AttackType.FACILITY, Span(first.start, first.end, first.text)
    return None


def _span(sentence: Span, match: re.Match[str]) -> Span:
    return Span(sentence.start + match.start(), sentence.start + match.end(), match.group())
