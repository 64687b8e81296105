"""Assassination: an attack whose objective is to kill a specific, prominent person.

The codebook puts assassination first in its hierarchy: a bombing or a shooting aimed at a
named official is an assassination, whether or not the target died (success then says whether
he did). News marks the aim in three ways: "targeting Naseer Zabit, an ALP commander" or
"targeting the convoy of Brigadier Khalid Javed"; an attack verb whose object is a named person
who is a figure of note ("opened fire on George Muchai ... Muchai, a member of parliament");
or the vehicle or home of an official ("near the vehicle of deputy superintendent of police").
"""

from __future__ import annotations

import re

from incidex.pipeline.doc import Span

_TITLE = (
    r"(?i:mayor|governor|judge|minister|commander|colonel|brigadier|general|leader|president|"
    r"official|candidate|politician|senator|congressman|congresswoman|lawmaker|"
    r"member\s+of\s+(?:parliament|the\s+\w+\s+assembly)|parliamentarian|mp|prosecutor|chief|"
    r"ambassador|councill?or|legislator|magistrate|chairman|chairperson|chairwoman|head|"
    r"superintendent|sheikh|elder|secretary|director|activist|editor|deputy|governor|"
    r"vice[-\s]president|premier|diplomat|consul|warlord|emir|spokes(?:man|woman|person))s?"
)
_NAME = r"(?:[A-Z][\w'’.-]+(?:\s+(?:al|el|bin|ibn|de|da|van|von|[A-Z][\w'’.-]+))*)"
_ATTACK_VERB = (
    r"(?i:opened\s+fire\s+(?:on|at)|fired\s+(?:at|on|upon)|shot(?:\s+and\s+(?:killed|injured|wounded))?|"
    r"stabbed(?:\s+and\s+(?:killed|injured|wounded))?|ambushed|attacked|assassinated|"
    r"gunned\s+down|killed|targeting|targeted|(?:convoy|residence|home|house|vehicle|car|"
    r"motorcade|office)\s+of|was\s+fired\s+at|were\s+fired\s+at)"
)
_TARGETED_TITLE = re.compile(
    rf"\b{_ATTACK_VERB}\s+(?:(?i:the|a|an|former)\s+)?(?:(?i:(?:convoy|residence|home|house|vehicle|"
    rf"car|motorcade|office)\s+of)\s+(?:(?i:the|a|an|former)\s+)?)?(?:[\w()'’-]+\s+){{0,4}}?{_TITLE}\b"
)
_TARGETED_NAME = re.compile(rf"\b{_ATTACK_VERB}\s+(?P<name>{_NAME})")
#: ", a member of parliament" after a name.
_DESCRIBED_AS = re.compile(rf",\s+(?i:a|an|the|who\s+(?:was|is))\s+(?:[\w()'’-]+\s+){{0,7}}?{_TITLE}\b")


def assassination_target(sentences: list[Span], text: str) -> Span | None:
    """The words that show a prominent person was the target, if any."""
    for sentence in sentences:
        for pattern in (_TARGETED_TITLE,):
            match = pattern.search(sentence.text)
            if match:
                return Span(sentence.start + match.start(), sentence.start + match.end(), match.group())
        for match in _TARGETED_NAME.finditer(sentence.text):
            name = match.group("name")
            surname = name.split()[-1].rstrip("'’s.")
            if len(surname) < 3:
                continue
            if _described(text, surname):
                return Span(sentence.start + match.start(), sentence.start + match.end(), match.group())
    return None


def _described(text: str, surname: str) -> bool:
    """Whether the text says who the person is: "Muchai, a member of parliament"."""
    position = text.find(surname + ",")
    while position >= 0:
        if _DESCRIBED_AS.match(text, position + len(surname)):
            return True
        position = text.find(surname + ",", position + 1)
    return False
