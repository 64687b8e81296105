"""Who says so: the source a sentence attributes its content to.

"according to the regional information minister", "Police further reported",
"Ramzan Kadyrov ... said through his official Telegram social-networking account". The
attribution of a sentence is attached to the evidence of every field read from it.
"""

from __future__ import annotations

import re

from incidex.pipeline.doc import Doc
from incidex.pipeline.registry import register_stage

_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<src>(?:the\s+)?[^,;.“”\"]{2,80}?)"
    r"(?=\s+(?:who|which|that|,|in\s+a|on\s+\w+day)\b|[,;.“”\"]|$)",
    re.IGNORECASE,
)
_VERB = r"(?:said|says|reported|told|confirmed|stated|announced|added|claimed|noted|quoted)"
_ROLE = (
    r"(?:police|officials?|authorities|witnesses|residents|spokes(?:man|woman|person)|"
    r"(?:the\s+)?(?:army|military|ministry|government|governor|mayor|hospital\s+officials|"
    r"doctors|security\s+sources|sources|medics|officers?|commander|minister))"
)
_SUBJECT_VERB = re.compile(
    rf"(?P<src>(?:[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|de|al|bin|el))*)|{_ROLE})\s+"
    rf"(?:\w+ly\s+|also\s+|further\s+|later\s+|had\s+|has\s+)?{_VERB}\b",
)
_ROLE_VERB = re.compile(rf"\b(?P<src>{_ROLE})\s+(?:\w+ly\s+|also\s+|further\s+)?{_VERB}\b",
                        re.IGNORECASE)
_VERB_SUBJECT = re.compile(rf"\b{_VERB}\s+(?P<src>{_ROLE}|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)",)
_CHANNEL = re.compile(
    r"\b(?:through|via|on|in)\s+(?P<channel>(?:his|her|its|their|an?|the)\s+(?:official\s+)?"
    r"[\w\s-]{0,40}?(?:account|website|statement|channel|page|broadcast|interview|video))\b",
    re.IGNORECASE,
)
#: A personal name: two or more capitalised words, stopping before a possessive.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b(?![’'])")
_NOT_SOURCES = frozenset({"The", "It", "He", "She", "They", "This", "That", "There", "A", "An",
                          "Reacting", "While", "Read"})


def sentence_attribution(sentence: str) -> str | None:
    match = _ACCORDING.search(sentence)
    if match:
        return match.group("src").strip()
    source: str | None = None
    for pattern in (_SUBJECT_VERB, _ROLE_VERB, _VERB_SUBJECT):
        for found in pattern.finditer(sentence):
            candidate = found.group("src").strip()
            words = candidate.split()
            while words and words[0] in _NOT_SOURCES:
                words.pop(0)
            if words:
                source = " ".join(words)
                break
        if source:
            break
    if source is None:
        verb = re.search(rf"\b{_VERB}\b", sentence)
        name = _NAME.search(sentence, 0, verb.start()) if verb else None
        while name and name.group().split()[0] in _NOT_SOURCES:
            name = _NAME.search(sentence, name.start() + len(name.group().split()[0]),
                                verb.start() if verb else len(sentence))
        if name is None:
            return None
        source = name.group()
    channel = _CHANNEL.search(sentence)
    if channel:
        return f"{source}, via {channel.group('channel')}"
    return source


@register_stage("attribution")
class Attributor:
    name = "attribution"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("attributions",)

    def __call__(self, doc: Doc) -> Doc:
        doc.attributions = {}
        for index, sentence in enumerate(doc.sentences):
            source = sentence_attribution(sentence.text)
            if source:
                doc.attributions[index] = source
        return doc
