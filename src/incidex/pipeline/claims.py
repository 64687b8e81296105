"""Claims of responsibility that name no group: a person's claim, a confession, writing left at
the scene.

The codebook's ``claimed`` asks whether "a group or person(s) claimed responsibility". Reports
of lone attackers tell it without a group: "A lone individual, Eric Frein, claimed
responsibility", "Jones was arrested and confessed to carrying out the attacks", "he admitted
setting the fire"; and a claim in a sentence that repeats no name ("The group claimed the
attack on its website.") is still a claim of the incident's group. GTD codes the first two
"Personal claim" and, for writing at the scene ("the letters "ALF" were spray-painted"),
"Note left at scene". This reads such sentences after the group stage, so the claim goes to the
incident's first perpetrator when it has one, and otherwise marks the incident as claimed by
someone the report does not name as a group (``frame.flags["claimed"]``).
"""

from __future__ import annotations

import re

from incidex.codebook import ClaimMode
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame

# The claims of the group stage's own pattern, whoever makes them.
_CLAIM_WORDS = (
    r"claim(?:ed|ing|s)?\s+(?:\w+\s+){0,2}?(?:responsibility|credit)|"
    r"(?:took|takes|taking|assumed|accepted)\s+(?:\w+\s+)?(?:responsibility|credit)|"
    r"responsibility\s+(?:was|has\s+been)\s+claimed"
)
# A confession or an admission of the deed: "confessed to the bombing", "admitted setting the
# fire", "admitted that he had planted"; a guilty plea is a court's finding, not a claim.
_CONFESSION = (
    r"confess(?:ed|es|ing|ion)|"
    r"admit(?:ted|s)?\s+(?:to\s+)?(?:that\s+)?(?:(?:he|she|they)\s+(?:had\s+)?)?"
    r"(?:carrying\s+out|committing|setting|starting|planting|placing|throwing|detonating|"
    r"(?:his|her|their)\s+(?:role|involvement|part)|responsibility|"
    r"(?:set|started|planted|placed|threw|detonated|carried\s+out|committed)\b)"
)
_PERSONAL = re.compile(rf"\b(?:{_CLAIM_WORDS}|{_CONFESSION})", re.IGNORECASE)
# "No one claimed responsibility", "did not confess", "denied"; "claimed responsibility for
# previous attacks" is about other incidents, which the group stage already weighs.
_NEGATED = re.compile(r"\b(?:no|not|never|nobody|none|neither|nor|without|denied|deny|denies)\b"
                      r"[^.;]{0,30}$|n['’]t\s+(?:\w+\s+)?$", re.IGNORECASE)
# Who claims: a person ("he", "the assailant", "Frein") makes a personal claim; "the group",
# "they" or "militants" a claim of the incident's group, whose mode the report may give.
_PERSON_SUBJECT = re.compile(
    r"\b(?:he|she|individual|man|woman|teen\w*|boy|girl|assailant|attacker|gunman|shooter|"
    r"perpetrator|suspect|bomber|arsonist|[A-Z][a-z]+\s+[A-Z][a-z]+|[A-Z][a-z]+)\b[^.;]{0,60}$"
)
_PLURAL_SCOPE = re.compile(r"\b(?:the|these|those|all|both|several|\w+)\s+(?:\w+\s+)?"
                           r"(?:attacks|bombings|arsons|fires|incidents|shootings|killings)\b",
                           re.IGNORECASE)
_MODES: tuple[tuple[re.Pattern[str], ClaimMode], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), mode)
    for words, mode in (
        (r"video\w*|footage", ClaimMode.VIDEO),
        (r"websites?|online|internet|blog|amaq|telegram|social\s+media|twitter|facebook|"
         r"posted|web\s+site|forum", ClaimMode.WEBSITE),
        (r"e-?mail\w*", ClaimMode.EMAIL),
        (r"(?:tele)?phone(?:d)?|call(?:ed|er)?\s+(?:to|a|the)|anonymous\s+call", ClaimMode.CALL_POST),
        (r"note\s+left|left\s+a\s+note|leaflets?|graffiti|spray[- ]?paint\w*|sprayed|scrawled",
         ClaimMode.NOTE),
        (r"letters?|communiqu[eé]s?|fax\w*", ClaimMode.LETTER),
    )
)
# Writing a group's name at the scene: a note left there, in GTD's terms.
_WRITING = re.compile(r"\b(?:spray[- ]?paint\w*|sprayed|graffiti|scrawled|painted|note\s+left|"
                      r"left\s+a\s+note)\b", re.IGNORECASE)


def _claim_in(sentence: Span) -> tuple[re.Match[str], bool] | None:
    """The sentence's claim not negated before it, and whether a person makes it."""
    for match in _PERSONAL.finditer(sentence.text):
        lead = sentence.text[:match.start()]
        if _NEGATED.search(lead[-45:]):
            continue
        confession = match.group().lower().startswith(("confess", "admit"))
        return match, confession or _PERSON_SUBJECT.search(lead) is not None
    return None


def _frames_of(doc: Doc, sentence_index: int, sentence: Span) -> list[Frame]:
    """The incidents a claim is about: all of them for "the attacks" or when the report tells
    one; else the one told last before the claim, else the first."""
    if len(doc.frames) == 1 or _PLURAL_SCOPE.search(sentence.text) or any(f.multiple for f in doc.frames):
        return doc.frames
    before = [f for f in doc.frames if min(f.sentences) <= sentence_index]
    return [max(before, key=lambda f: f.start) if before else min(doc.frames, key=lambda f: f.start)]


def claim_mode(doc: Doc, sentence_index: int) -> tuple[ClaimMode, Span | None]:
    """How a claim was made, from the claim's sentence and the two after it."""
    for index in range(sentence_index, min(sentence_index + 3, len(doc.sentences))):
        sentence = doc.sentences[index]
        for pattern, mode in _MODES:
            match = pattern.search(sentence.text)
            if match:
                start = sentence.start + match.start()
                return mode, Span(start, sentence.start + match.end(), match.group())
    return ClaimMode.UNKNOWN, None


def writing_at_scene(sentence: Span) -> bool:
    """Whether the sentence tells of writing left at the scene: GTD's "Note left at scene"."""
    return _WRITING.search(sentence.text) is not None


def _claim(frame: Frame, span: Span, mode: ClaimMode, mode_span: Span | None) -> None:
    evidence = [span, *([mode_span] if mode_span is not None else [])]
    if frame.groups:
        first = frame.groups[0]
        if not first.get("claimed"):
            first.update({"claimed": True, "claim_mode": mode.value,
                          "evidence": [*first.get("evidence", []), *evidence]})  # type: ignore[misc]
        return
    if "claimed" not in frame.flags:
        frame.flags["claimed"] = (True, [Span(span.start, span.end, span.text, "claim",
                                              {"claim_mode": mode.value}), *evidence[1:]])


def add_unnamed_claims(doc: Doc) -> None:
    """Claims no group is credited with: each goes to the incidents it is about (after the
    group stage has credited the groups it finds)."""
    for index, sentence in enumerate(doc.sentences):
        found = _claim_in(sentence)
        if found is None:
            continue
        personal = found[1]
        span = Span(sentence.start, sentence.end, sentence.text, "claim")
        mode, mode_span = claim_mode(doc, index)
        in_sentence = mode_span is not None and sentence.start <= mode_span.start < sentence.end
        if personal and not (in_sentence and mode not in (ClaimMode.LETTER, ClaimMode.NOTE)):
            mode, mode_span = ClaimMode.PERSONAL, None
        for frame in _frames_of(doc, index, sentence):
            _claim(frame, span, mode, mode_span)
