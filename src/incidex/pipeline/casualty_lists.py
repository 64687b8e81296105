"""Casualties told as lists and as nouns, and the asides cut out before a clause is read.

GTD summaries and news list the dead after one verb ("killing two civilians, one marine, 15
fighters, and wounding ..."), name the toll as a noun ("resulted in the death of 12 police
personnel", "claimed at least 41 lives", "left twelve dead") and put codes and names in
parentheses ("killing nine Central Reserve Police Force (CRPF) personnel"). These helpers find
those figures; :mod:`casualties` counts them like the verbs' own subjects and objects.
"""

from __future__ import annotations

import re

from incidex.pipeline.quantities import QUANTITY

__all__ = ["COUNTED_TOLL", "LEFT_DEAD", "listed_after", "split_listed", "without_asides"]

#: A parenthetical aside: "(CRPF)", "(20 Iraqi; 1 Egyptian)", "(identified as A and B)". One
#: that counts attackers among the dead stays: "(including the bomber)".
_KEPT = r"including|bombers?|assailants?|attackers?|perpetrators?|gunm[ae]n|suicide|militants?"
#: Dashes set off an aside too: "six people - three foreign nationals and three Afghan troops -
#: were killed".
_ASIDE = re.compile(
    rf"\s*\((?![^()]*\b(?:{_KEPT})\b)[^()]{{0,120}}\)|"
    rf"\s+[-–—]\s+(?![^-–—]*\b(?:{_KEPT})\b)[^-–—.;]{{1,120}}?\s+[-–—](?=\s)",
    re.IGNORECASE,
)

#: One more item of a list of victims: ", one marine", ", and three body guards", " and the
#: driver". It starts with a count or a determiner, as the first object did.
_ITEM = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+|,?\s+along\s+with\s+|,?\s+as\s+well\s+as\s+|,?\s+as\s+(?:were|was)\s+)(?P<np>(?:(?:{QUANTITY.pattern}|an?|the|his|her|their|its)\s+"
    r"(?:[\w’'-]+\s+){0,5}?[\w’'-]+?)|himself|herself|themselves)"
    r"(?=\s+(?:in|at|on|with|and|before|after|as|who|while|during|near|inside|outside|when|from|"
    r"including)\b|\s*[,;.:]|\s*$)",
    re.IGNORECASE,
)
#: Words that show an "item" is a clause of its own ("the police said") or a new subject.
_NOT_AN_ITEM = re.compile(
    r"(?i)\b(?:said|says|told|reported|according|claimed|were|was|is|are|had|has|have|did|"
    r"attack|incident|blast|bombing|explosion|area|city|town|village|province|district|"
    r"building|(?<!-)(?:day|year|week|month)(?!-)|time|morning|night|evening|afternoon|process|same|first|"
    r"last|latter|former|rest|kill\w*|death\w*|dead|injur\w*|wound\w*|lives|instantly|"
    r"immediately|later|outright|them|whom)\b"
)
_NEW_SUBJECT = re.compile(
    r"(?i)\s+(?:were|was|had|have|are|is)\b|\s+who\s+(?:were|was)\s+(?:\w+\s+)?(?:wounded|injured|hurt)"
)

#: "the attack left twelve dead", "leaving twenty perpetrators and three police dead", "left
#: the driver and a soldier wounded".
LEFT_DEAD = re.compile(
    rf"\b(?:left|leaving|leaves)\s+(?P<np>(?:{QUANTITY.pattern}|the|his|her|their)(?:\s+[\w’'-]+){{0,8}}?)"
    r"\s+(?P<what>dead|killed|wounded|injured|hurt|beaten)\b",
    re.IGNORECASE,
)
#: "claimed at least 41 lives", "resulting in 11 fatalities and 35 injuries", "four deaths".
COUNTED_TOLL = re.compile(
    rf"(?P<n>{QUANTITY.pattern})\s+(?:(?:more|other|further|additional|confirmed|reported)\s+)?"
    r"(?P<what>lives|deaths|fatalities|injuries)\b",
    re.IGNORECASE,
)
_DETERMINED = re.compile(r"(?i)(?:the|his|her|their|an?)\s")
_JOINT = re.compile(r"\s*,\s+(?:and\s+)?|(?<!\d),(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def without_asides(text: str) -> tuple[str, list[int]]:
    """The text without its parenthetical asides, and for each character kept (and the end)
    its offset in ``text``, so that evidence can point into the original."""
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in _ASIDE.finditer(text):
        pieces.append(text[last:match.start()])
        offsets.extend(range(last, match.start()))
        last = match.end()
    pieces.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return "".join(pieces), offsets


#: A name set off by commas after an item: "the district governor, Abdul Wahid Omarkhail, his
#: two bodyguards": who the item was, not another victim.
_NAME_ASIDE = re.compile(r",\s+(?:[A-Z][\w'’-]+\s+){0,4}[A-Z][\w'’-]+(?=,)")


def listed_after(text: str, end: int) -> list[tuple[str, int, int]]:
    """The further items of a list that starts just before ``end``: (phrase, start, end)."""
    items: list[tuple[str, int, int]] = []
    position = end
    while True:
        match = _ITEM.match(text, position)
        aside = _NAME_ASIDE.match(text, position)
        if aside and (match is None or _NOT_AN_ITEM.search(match.group("np"))):
            after = _ITEM.match(text, aside.end())
            if after is not None and not _NOT_AN_ITEM.search(after.group("np")):
                match = after
        if match is None or _NOT_AN_ITEM.search(match.group("np")) or _NEW_SUBJECT.match(
                text, match.end()):
            return items
        items.append((match.group("np"), match.start("np"), match.end()))
        position = match.end()


def split_listed(phrase: str) -> list[str]:
    """'twenty perpetrators and three Uzbek police' -> each counted noun phrase; a piece that
    is no count of its own stays with the one before ('two men and women')."""
    parts: list[str] = []
    for piece in _JOINT.split(phrase):
        if parts and not QUANTITY.match(piece) and not _DETERMINED.match(piece):
            parts[-1] = f"{parts[-1]} and {piece}"
        elif piece:
            parts.append(piece)
    return parts
