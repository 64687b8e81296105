"""Perpetrator groups, and who claimed or was blamed for each incident.

A group named in an incident's own clauses is its perpetrator. A group the article says
claimed, carried out, or is blamed or suspected for "the attacks" is the perpetrator of every
incident of the series; for a singular "the attack" it is the perpetrator of the incident
nearest the statement. The claim mode (website, video, call, letter, ...) is read from the
claim sentence and the two after it, where reports say how the claim was made.
"""

from __future__ import annotations

import re

from incidex.codebook import ClaimMode
from incidex.groups import Group, GroupLexicon, GroupMention
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.registry import register_stage

_CLAIM = re.compile(
    r"\bclaim(?:ed|ing|s)?\s+(?:\w+\s+){0,2}?(?:responsibility|credit)|"
    r"\b(?:took|take|takes|taking|assumed?|accepted|accepts)\s+responsibility|"
    r"\bresponsibility\s+(?:was|has\s+been)\s+claimed|\bclaimed\s+(?:the|an?|that)\s+"
    r"(?:attack|bombing|killing|assassination|kidnapping|explosion|blast)|"
    r"\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind)|"
    r"\bsaid\s+(?:on\s+\w+\s+)?(?:in\s+a\s+statement\s+)?that\s+(?:its|their)\s+(?:fighters|militants|"
    r"members|men|units?|commandos?)\s+(?:had\s+)?(?:carried\s+out|attacked|bombed|killed|kidnapped|"
    r"ambushed|blew\s+up|set\s+fire)",
    re.IGNORECASE,
)
_BLAME = re.compile(
    r"\b(?:blamed|suspected|suspect|attributed|accused|believed\s+to\s+be|"
    r"carried\s+out\s+by|has\s+carried\s+out|have\s+carried\s+out|carried\s+out|"
    r"was\s+behind|were\s+behind|responsible\s+for|linked\s+to|members\s+of|militants\s+from|"
    r"fighters\s+from|loyal\s+to|recruit\w*)\b",
    re.IGNORECASE,
)
_MODES: tuple[tuple[re.Pattern[str], ClaimMode], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), mode)
    for words, mode in (
        (r"video\w*|footage", ClaimMode.VIDEO),
        (r"websites?|online|internet|blog|amaq|telegram|social\s+media|twitter|facebook|"
         r"posted|web\s+site|forum", ClaimMode.WEBSITE),
        (r"e-?mail\w*", ClaimMode.EMAIL),
        (r"(?:tele)?phone(?:d)?|call(?:ed|er)?\s+(?:to|a|the)|anonymous\s+call", ClaimMode.CALL_POST),
        (r"letters?|communiqu[eé]s?|fax\w*", ClaimMode.LETTER),
        (r"note\s+left|left\s+a\s+note|leaflets?|graffiti", ClaimMode.NOTE),
    )
)
_ACTOR_AFTER = re.compile(
    r"^(?:[’']s)?\s*(?:\([^)]{1,20}\)\s*)?(?:\w+\s+){0,2}?(?:fighters|militants|gunmen|members|insurgents|"
    r"rebels|guerrill?as?|group|suicide\s+bombers?|bombers?|attackers|assailants|cells?|commandos?|"
    r"operatives|(?:have\s+|had\s+|has\s+)?(?:attacked|killed|stormed|opened\s+fire|detonated|"
    r"bombed|ambushed|kidnapped|abducted|seized|shot|set\s+fire|raided|carried\s+out|"
    r"launched|struck|blew\s+up|torched|fired))\b",
    re.IGNORECASE,
)
_ACTOR_BEFORE = re.compile(r"\b(?:by|suspected|alleged|presumed)\s+(?:the\s+)?$", re.IGNORECASE)
_SELF_NAMED = re.compile(
    r"\b(?:group|organi[sz]ation|faction|movement|cell|front|outfit)\s+(?:calling\s+(?:itself|themselves)|"
    r"known\s+as|that\s+calls\s+itself|named|called)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|for|the|de|del|la|al|[A-Z][\w'’-]*))*\b)"
)
_PLURAL_SCOPE = re.compile(r"\b(?:the|these|those|all|both)\s+(?:\w+\s+)?"
                           r"(?:attacks|bombings|assaults|incidents|blasts|explosions|raids)\b",
                           re.IGNORECASE)


def self_named_groups(text: str) -> list[GroupMention]:
    """Groups the alias table does not know, named as such: "an organization calling itself
    Black Lebanon", "a group known as the Heroes of Palestine"."""
    found = []
    for match in _SELF_NAMED.finditer(text):
        name = match.group("name").strip()
        group = Group(canonical=name, gtd=name, aliases=(name,), parent=None)
        found.append(GroupMention(match.start("name"), match.end("name"), name, group))
    return found


def claim_mode(doc: Doc, sentence_index: int) -> tuple[ClaimMode, Span | None]:
    for index in range(sentence_index, min(sentence_index + 3, len(doc.sentences))):
        sentence = doc.sentences[index]
        for pattern, mode in _MODES:
            match = pattern.search(sentence.text)
            if match:
                start = sentence.start + match.start()
                return mode, Span(start, sentence.start + match.end(), match.group())
    return ClaimMode.UNKNOWN, None


def _group_span(mention: GroupMention) -> Span:
    return Span(mention.start, mention.end, mention.text, "group",
                {"canonical": mention.group.canonical, "gtd": mention.group.gtd})


def _claimed_frame(frames: list[Frame], offset: int) -> Frame:
    """The incident a claim with no scope of its own refers to: the one told last before it
    (else the first one told after it)."""
    before = [(c.end, f) for f in frames for c in f.clauses if c.end <= offset]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(frames, key=lambda f: f.start)


def _acts(text: str, mention: GroupMention) -> bool:
    """Whether the text makes the group an actor of the incident: "Boko Haram fighters killed",
    "suspected Taliban militants", "an attack by al-Shabaab" - not "the Taliban are active in
    the area" or "talks with the Taliban"."""
    after = text[mention.end:mention.end + 60]
    before = text[max(0, mention.start - 30):mention.start]
    return bool(_ACTOR_AFTER.match(after) or _ACTOR_BEFORE.search(before))


def _add(frame: Frame, entry: dict[str, object]) -> None:
    for existing in frame.groups:
        if existing["canonical"] == entry["canonical"]:
            evidence = [*existing.get("evidence", []), *entry.get("evidence", [])]  # type: ignore[misc]
            if entry.get("claimed") and not existing.get("claimed"):
                existing.update({k: v for k, v in entry.items() if k != "mention"})
            existing["evidence"] = list({(s.start, s.end): s for s in evidence}.values())
            return
    frame.groups.append(entry)


@register_stage("perpetrators")
class PerpetratorFinder:
    name = "perpetrators"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("groups",)

    def __init__(self) -> None:
        self.lexicon = GroupLexicon.default()

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.lexicon.find(doc.text)
        mentions += [m for m in self_named_groups(doc.text)
                     if not any(m.start < k.end and k.start < m.end for k in mentions)]
        mentions.sort(key=lambda m: m.start)
        doc.mentions["group"] = [_group_span(m) for m in mentions]
        if not doc.frames:
            return doc
        for mention in mentions:
            span = _group_span(mention)
            if not _acts(doc.text, mention):
                continue
            for frame in doc.frames:
                if any(span.within(c.start, c.end) for c in frame.clauses):
                    _add(frame, {"canonical": mention.group.canonical, "gtd": mention.group.gtd,
                                 "mention": span, "claimed": False, "evidence": [span]})
        for index, sentence in enumerate(doc.sentences):
            here = [m for m in mentions if sentence.start <= m.start < sentence.end]
            if not here:
                continue
            claim = _CLAIM.search(sentence.text)
            blame = _BLAME.search(sentence.text)
            if not claim and not blame:
                continue
            cue = claim or blame
            assert cue is not None
            cue_at = sentence.start + cue.start()
            mention = min(here, key=lambda m: abs(m.start - cue_at))
            plural = _PLURAL_SCOPE.search(sentence.text) is not None
            entry: dict[str, object] = {
                "canonical": mention.group.canonical, "gtd": mention.group.gtd,
                "mention": _group_span(mention), "claimed": bool(claim),
                "sentence": index,
                "evidence": [Span(sentence.start, sentence.end, sentence.text, "claim")],
            }
            if claim:
                mode, mode_span = claim_mode(doc, index)
                entry["claim_mode"] = mode.value
                if mode_span is not None:
                    entry["evidence"] = [*entry["evidence"], mode_span]  # type: ignore[misc]
            if plural or len(doc.frames) == 1 or any(f.multiple for f in doc.frames):
                targets = doc.frames
            else:
                targets = [_claimed_frame(doc.frames, sentence.start)]
            for frame in targets:
                _add(frame, dict(entry))
        return doc
