"""The patterns and noun-phrase helpers a casualty statement is read with.

:mod:`casualties` reads the statements of a clause; this module holds what it reads them
with: the harm verbs (passive "were killed", active "killing five"), the zero and toll
phrasings, and the helpers that find the noun phrase a verb is about and the count it states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidex.pipeline.doc import Span
from incidex.pipeline.quantities import QUANTITY, quantity_from_match

__all__ = [
    "ACTIVE",
    "ATTEMPTED",
    "BESIDES",
    "BLEW_UP",
    "BODIES",
    "CALENDAR",
    "CATEGORIES",
    "CLAIMED_TOLL",
    "CONJUNCT",
    "DETERMINER",
    "INCLUDING",
    "NAMED",
    "NOBODY",
    "NOT_SUBJECT",
    "OBJECT_FOLLOWS",
    "PASSIVE",
    "PROPER",
    "SELF",
    "SINGULAR_AUX",
    "SURVIVED",
    "TOLL",
    "TO_DEATH",
    "WOUNDED",
    "YEAR",
    "ZERO",
    "Statement",
    "count_phrase",
    "subject_before",
    "trim_to_quantity",
]

_KILLED = r"(?:(?:shot|stabbed|beaten|burned|burnt|stoned|hacked|bludgeoned|strangled)\s+to\s+death|" \
          r"shot\s+dead|shot\s+and\s+killed|killed|dead|died|slain|murdered|executed|" \
          r"beheaded|massacred|gunned\s+down|lost\s+(?:their|his|her)\s+lives)"
WOUNDED = r"(?:wounded|injured|hurt|maimed|hospitali[sz]ed|shot\s+and\s+wounded|" \
           r"(?:suffered|sustained)\s+(?:\w+\s+){0,2}?(?:injuries|wounds))"
_AUX = r"(?:(?:was|were|had\s+been|have\s+been|has\s+been|are|is|being|been|got|left)\s+)?" \
       r"(?:(?:also|reportedly|later|seriously|critically|slightly|fatally|badly|all|both|"\
       r"allegedly|then|subsequently|eventually|instantly)\s+)*"

PASSIVE = re.compile(rf"\b{_AUX}(?P<verb>{_KILLED}|{WOUNDED})\b", re.IGNORECASE)
ACTIVE = re.compile(
    r"\b(?P<verb>(?:shot|stabbed|beat|burned|burnt|stoned|hacked|bludgeoned|strangled)\s+to\s+death|"
    r"kill(?:ed|ing|s)?|shot\s+dead|gunned\s+down|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing)?|"
    r"inflicted\s+(?:\w+\s+){0,3}?wounds\s+on|hitting|hit|struck|ran\s+over|run\s+over)\s+"
    r"(?!(?:after|before|in|at(?!\s+least)|on|by|with|when|while|as|during|and|or|but|to|for|"
    r"from|near|outside|inside|since|because)\b)"
    r"(?P<object>(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?[\w’'-]+?)(?=\s+(?:in|at|on|with|and|before|after|as|who|while|"
    r"during|near|inside|outside|when|from|including)\b|[,;.:]|$)",
    re.IGNORECASE,
)
ZERO = re.compile(
    r"\b(?:no\s+(?:one|body)\s+was\s+(?P<zv1>killed|hurt|injured|wounded)|nobody\s+was\s+"
    r"(?P<zv2>killed|hurt|injured|wounded)|no\s+(?:reported\s+|reports\s+of\s+)?"
    r"(?P<zv3>casualties|injuries|deaths|fatalities)|"
    r"without\s+(?P<zv4>casualties|injuries|loss\s+of\s+life)|there\s+were\s+no\s+"
    r"(?:reported\s+)?(?P<zv5>casualties|injuries|deaths|fatalities))\b",
    re.IGNORECASE,
)
CONJUNCT = re.compile(
    r"\s+and\s+(?P<np>(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|dozens|a|an)\s+(?:other\s+)?[\w-]+)\b(?!\s+(?:were|was|had|have|are)\b)",
    re.IGNORECASE,
)
NAMED = re.compile(r"(?:[A-Z][\w.'-]*\s+){1,5}[A-Z][\w'-]*[^s\W]$")
_ATTACKER = r"(?P<who>(?:suicide\s+)?(?:bomber|attacker|assailant|gunman|perpetrator|hijacker|shooter)s?)"
BESIDES = re.compile(rf"\b(?:in\s+addition\s+to|besides|apart\s+from)\s+(?:the\s+|all\s+)?"
                      rf"(?:(?P<n>[\w-]+)\s+)??{_ATTACKER}\b", re.IGNORECASE)
INCLUDING = re.compile(rf"\bincluding\s+(?:the\s+)?{_ATTACKER}\b", re.IGNORECASE)
NOBODY = re.compile(r"(?i)(?:nobody|no\s+one|none)\b")
CLAIMED_TOLL = re.compile(
    r"\bclaim\w*\s+(?:\w+\s+){0,2}?(?:responsibility|credit)\b.*\b(?:its|their)\s+"
    r"(?:fighters|militants|men|members|mujahideen|soldiers)\b",
    re.IGNORECASE,
)
OBJECT_FOLLOWS = re.compile(
    r"\s+(?:at\s+least\s+|more\s+than\s+)?(?:a|an|the|his|her|their|\d+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|dozens|scores|hundreds|many|some)\b",
    re.IGNORECASE,
)
SURVIVED = re.compile(r"\bsurvived\b", re.IGNORECASE)
TOLL = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths))\s+(?:at|of|"
    r"(?:[\w'’-]+\s+){0,12}?(?:rose|risen|climbed|increased|jumped|reached|stood|stands|was|is|"
    r"now)(?:\s+(?:to|at))?)\s+(?P<n>(?:at\s+least\s+)?[\w,-]+)",
    re.IGNORECASE,
)
BLEW_UP = re.compile(r"\bblew\s+(?P<who>himself|herself|themselves)\s+up\b", re.IGNORECASE)
_BOUNDARY = re.compile(
    r"(?i)^(?:that|which|who|when|where|while|after|before|and|but|as|said|says|including|"
    r"then|with|by|in|on|at|from|of|to|had|has|have|was|were|after|claimed|reported)$"
)
DETERMINER = re.compile(r"(?i)^(?:a|an|the|one|his|her|their|its|this|that|another)$")
#: "stoned a civilian to death": the victim between the verb and "to death".
TO_DEATH = re.compile(
    r"\b(?:shot|stabbed|beat|burned|burnt|stoned|hacked|bludgeoned|strangled|lynched)\s+"
    r"(?P<object>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+to\s+death\b",
    re.IGNORECASE,
)
#: "Six bodies were found": GTD counts the dead a report finds.
BODIES = re.compile(
    rf"\b(?P<n>{QUANTITY.pattern})\s+(?:[\w-]+\s+)?bod(?:y|ies)\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:\w+\s+)?(?:found|discovered|recovered|dumped)\b",
    re.IGNORECASE,
)
#: A bare name in a list of the dead: "Roshan and his driver".
PROPER = re.compile(r"(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]*[a-z]")
CALENDAR = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|"
                       r"april|may|june|july|august|september|october|november|december\b")
#: A noun phrase after these is no subject of its own: "In addition to the five assailants,".
NOT_SUBJECT = re.compile(r"(?i)\b(?:to|of|at|in|on|from|with|by|including|besides|than|near)\s*$")
ATTEMPTED = re.compile(
    r"(?i)\b(?:attempt\w*|tr(?:y|ied|ying)|plot\w*|plann?\w*|intend\w*|want\w*|threat\w*|vow\w*|"
    r"aim\w*|sought|seeking|order\w*|meant|going|failed)\s+to\s+$"
)
#: "An additional 40 people", "another six students": the number after the determiner.
_MORE = re.compile(r"(?i)^(?P<mod>(?:(?:at\s+)?least|more\s+than|nearly|about|some)\s+)?"
                   r"(?:an?|another|the|its|their)\s+(?:(?:additional|further|other|more|"
                   r"remaining)\s+)?(?=(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                   r"twelve|dozen|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b))")
#: "a 32-year-old man": an age, not a count.
_AGE = re.compile(r"(?i)[\w,]+(?:[\s-]+\w+)?[\s-]+years?[\s-]+old")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
SINGULAR_AUX = re.compile(r"(?i)(?:was|has\s+been|is)\b")
SELF = re.compile(r"\b(?:himself|herself|themselves)\b", re.IGNORECASE)

CATEGORIES = ("killed", "wounded", "perpetrators_killed", "perpetrators_wounded")


@dataclass(frozen=True)
class Statement:
    category: str
    min: int | None
    max: int | None
    exact: bool
    evidence: Span
    phrase: str


def count_phrase(phrase: str) -> tuple[int | None, int | None, bool]:
    words = phrase.split()
    if phrase.lower() in ("himself", "herself"):
        return 1, 1, True
    match = QUANTITY.match(phrase)
    if match:
        quantity = quantity_from_match(match)
        if quantity is not None:
            return quantity.min, quantity.max, quantity.exact
    if words and DETERMINER.match(words[0]):
        head = words[-1].lower()
        plural = head.endswith("s") or head in ("men", "people", "police", "children", "women")
        return (2, None, False) if plural else (1, 1, True)
    return 2, None, False  # a bare plural: "policemen were injured"


def subject_before(text: str, end: int) -> tuple[int, str]:
    """The noun phrase ending just before ``end`` (a few words, stopped at clause words)."""
    tokens = list(re.finditer(r"[\w’'-]+|[,;:()\"“”]", text[:end]))
    kept: list[re.Match[str]] = []
    for token in reversed(tokens[-7:]):
        word = token.group()
        if not word[0].isalnum() or _BOUNDARY.match(word):
            break
        kept.append(token)
    if not kept:
        return end, ""
    kept.reverse()
    start = kept[0].start()
    return start, text[start:kept[-1].end()]


def trim_to_quantity(phrase: str) -> str:
    """'attackers five teenage attackers' -> from the last number or determiner on."""
    more = _MORE.match(phrase)
    if more and not _AGE.match(phrase[more.end():]):
        mod = re.sub(r"(?i)^least", "at least", more.group("mod") or "")
        return mod + phrase[more.end():]  # "an additional 40 people": 40, not "an"
    words = phrase.split()
    for i, word in enumerate(words):
        rest = " ".join(words[i:])
        if YEAR.fullmatch(word.rstrip(",")) and i + 1 < len(words):
            continue  # "On July 20, 2008 a suicide bomber": a date, not a count
        if DETERMINER.match(word) or QUANTITY.match(rest):
            return rest
    return phrase
