"""The patterns and noun-phrase helpers a casualty statement is read with.

:mod:`casualties` reads the statements of a clause; this module holds what it reads them
with: the harm verbs (passive "were killed", active "killing five"), the zero and toll
phrasings, and the helpers that find the noun phrase a verb is about and the count it states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidex.pipeline.doc import Span
from incidex.pipeline.quantities import QUANTITY, leading_quantity, quantity_from_match

__all__ = [
    "ACTIVE",
    "ATTEMPTED",
    "BESIDES",
    "BLEW_UP",
    "BODIES",
    "BODY_OF",
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
    "WOUNDING_VERB",
    "YEAR",
    "ZERO",
    "Statement",
    "count_phrase",
    "subject_before",
    "trim_to_quantity",
]

_KILLED = r"(?:(?:shot|stabbed|beaten|burned|burnt|stoned|hacked|bludgeoned|strangled)\s+to\s+death|" \
          r"shot\s+dead|shot\s+and\s+killed|(?:kidnapped|abducted|tortured|captured|beaten|stabbed)\s+" \
          r"and\s+(?:killed|murdered|executed|beheaded)|killed|dead|died|slain|murdered|executed|" \
          r"beheaded|decapitated|assassinated|massacred|hanged|gunned\s+down|lost\s+(?:their|his|her)\s+lives)"
WOUNDED = r"(?:wounded|injured|hurt|maimed|hospitali[sz]ed|shot\s+and\s+wounded|" \
           r"(?:suffered|sustained|received)\s+(?:\w+\s+){0,2}?(?:injuries|wounds|burns)|" \
           r"(?:stabbed|beaten|assaulted)(?!\s+(?:to\s+death|and\s+killed|dead)))"
_AUX = r"(?:(?:was|were|had\s+been|have\s+been|has\s+been|are|is|being|been|got|left)\s+" \
       r"(?:[a-z]+ly\s+)?)?" \
       r"(?:(?:also|reportedly|reported|confirmed|later|seriously|critically|slightly|fatally|badly|"\
       r"all|both|allegedly|then|subsequently|eventually|instantly)\s+)*"

#: "were found dead", "was found stabbed to death": found so, they died; "found beaten" alone
#: says nothing of a death or an injury GTD would count apart from the body.
_FOUND = rf"(?:found\s+(?={_KILLED}))?"
PASSIVE = re.compile(rf"\b{_AUX}{_FOUND}(?P<verb>{_KILLED}|{WOUNDED})\b", re.IGNORECASE)
ACTIVE = re.compile(
    r"\b(?P<verb>(?:shot|stabbed|beat|burned|burnt|stoned|hacked|bludgeoned|strangled|slashed|clubbed)"
    r"\s+to\s+death|"
    r"kill(?:ed|ing|s)?|shot\s+dead|gunned\s+down|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing)?|"
    r"inflicted\s+(?:\w+\s+){0,3}?wounds\s+on|hitting|hit|struck|ran\s+over|run\s+over|"
    r"stabbing|assault(?:ed|ing)|murder(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing|s)?|decapitat(?:ed|ing|es)|hanged|execut(?:ed|ing)|"
    r"assassinat(?:ed|ing|es)|slaughter(?:ed|ing|s)?|slit\s+the\s+throats?\s+of|"
    r"(?:result(?:ed|ing|s)?\s+in|caus(?:ed|ing|es)|(?:led|leading)\s+to)\s+the\s+"
    r"(?:deaths?|injur(?:y|ies)|wounding)\s+of|(?:(?:and\s+)?the\s+)?(?:injur(?:y|ies)|wounding)\s+of|"
    r"(?:caus(?:ed|ing)|inflict(?:ed|ing))\s+injuries\s+to|"
    r"(?:claim(?:ed|ing|s)?|took|taking|cost(?:ing)?)\s+the\s+li(?:ves|fe)\s+of)\s+"
    r"(?!(?:after|before|in|at(?!\s+least)|on|by|with|when|while|as|during|and|or|but|to|for|"
    r"including|along|among|across|throughout|amid|following|"
    r"from|near|outside|inside|since|because)\b)"
    r"(?P<object>(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|all\s+)?"
    r"(?:[\w’'-]+\s+){0,6}?[\w’'-]+?)(?=\s+(?:in|at|on|with|and|but|then|along|before|after|as|who|while|"
    r"killing|injuring|wounding|leaving|"
    r"during|near|inside|outside|when|from|including)\b|[,;.:]|$)",
    re.IGNORECASE,
)
ZERO = re.compile(
    r"\b(?:no\s+(?:one|body)\s+was\s+(?:\w+ly\s+)?(?P<zv1>killed|hurt|injured|wounded)|nobody\s+was\s+"
    r"(?:\w+ly\s+)?"
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
#: A word of a name: capitalised, or an Arabic article joined to one ("al-Fattal"); a
#: lower-case particle may link two ("Osama bin Laden", "Jose de la Cruz").
_NAME_START = r"(?:[A-Z]|(?:al|el|ad|ar|as|an|at|az|ash)-[A-Z])"
_NAME_WORD = rf"{_NAME_START}[\w.'-]*"
_NAME_LINK = r"(?:(?:bin|ibn|de|da|del|della|di|dos|du|van|von|der|den|la|le)\s+){0,2}"
NAMED = re.compile(rf"(?:{_NAME_WORD}\s+{_NAME_LINK}){{1,7}}{_NAME_WORD}[^s\W]$")
_ATTACKER = r"(?P<who>(?:suicide\s+)?(?:bomber|attacker|assailant|gunman|perpetrator|hijacker|shooter)s?)"
BESIDES = re.compile(rf"\b(?:in\s+addition\s+to|besides|apart\s+from|not\s+including|excluding|"
                      rf"not\s+counting)\s+(?:the\s+|all\s+)?"
                      rf"(?:(?P<n>[\w-]+)\s+)??{_ATTACKER}\b", re.IGNORECASE)
INCLUDING = re.compile(rf"(?<!\bnot\s)\bincluding\s+(?:the\s+)?{_ATTACKER}\b", re.IGNORECASE)
NOBODY = re.compile(r"(?i)(?:nobody|no\s+one|none|anyone|anybody|neither|no\s+other)\b|.*\b(?:or$|nor\b)")
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
#: The count before "of the": "six of the assailants", "one of the attackers".
_PARTITIVE = re.compile(rf"(?i)(?:{QUANTITY.pattern}|all)")
#: "a family of six": the count after "of".
_FAMILY_OF = re.compile(rf"(?i)^(?:an?|the)\s+family\s+of\s+(?P<n>{QUANTITY.pattern})")
_HEDGE_BEFORE = re.compile(r"(?i)\b(?:as\s+many\s+as|more\s+than|up\s+to)\s+$")
DETERMINER = re.compile(r"(?i)^(?:a|an|the|one|his|her|their|its|this|that|another)$")
#: "stoned a civilian to death": the victim between the verb and "to death".
TO_DEATH = re.compile(
    r"\b(?:shot|stabbed|beat|burned|burnt|stoned|hacked|bludgeoned|strangled|lynched)\s+"
    r"(?P<object>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+to\s+death\b",
    re.IGNORECASE,
)
#: "Six bodies were found": GTD counts the dead a report finds.
#: "The body of a Palestinian ... was found", "police recovered the decomposed body of a woman".
BODY_OF = re.compile(
    r"(?i)\b(?:(?:found|discovered|recovered)\s+)?(?:the|a)\s+(?:[\w-]+\s+)?body\s+of\s+(?:an?\b|the\b|(?-i:(?=[A-Z])))"
    r"(?:[^.;]{0,100}?\b(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:found|discovered|"
    r"recovered|dumped)\b)?"
)
BODIES = re.compile(
    rf"\b(?P<n>{QUANTITY.pattern})\s+(?:[\w-]+\s+)?bod(?:y|ies)\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:\w+\s+)?(?:found|discovered|recovered|dumped)\b",
    re.IGNORECASE,
)
#: A bare name in a list of the dead: "Roshan and his driver".
PROPER = re.compile(rf"(?:{_NAME_START}[\w'-]+\s+{_NAME_LINK}){{0,3}}{_NAME_START}[\w'-]*[a-z]")
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
#: Active verbs of injury; every other verb ACTIVE reads kills.
WOUNDING_VERB = re.compile(r"(?i)wound|injur|hurt|inflict|hit|struck|ran\s+over|run\s+over|stabb|assault")
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
    family = _FAMILY_OF.match(phrase)
    if family:
        counted = leading_quantity(family.group("n"))
        if counted is not None:
            return counted
    match = QUANTITY.match(re.sub(r"(?i)^all\s+(?:of\s+the\s+)?(?=\S)", "", phrase))
    if match:
        quantity = quantity_from_match(match)
        if quantity is not None:
            return quantity.min, quantity.max, quantity.exact
    if len(words) > 2 and DETERMINER.match(words[0]):
        counted = leading_quantity(" ".join(words[1:]))
        if counted is not None and counted[2] and words[1].lower() not in ("a", "an", "one") and \
                not _AGE.match(" ".join(words[1:])):
            return counted  # "the four assailants": four, not some
    if words and DETERMINER.match(words[0]) and words[-1].lower() == "couple":
        return 2, 2, True  # "the couple was killed"
    if words and DETERMINER.match(words[0]):
        head = words[-1].lower()
        plural = head.endswith("s") or head in ("men", "people", "police", "children", "women")
        return (2, None, False) if plural else (1, 1, True)
    return 2, None, False  # a bare plural: "policemen were injured"


def subject_before(text: str, end: int) -> tuple[int, str]:
    """The noun phrase ending just before ``end`` (a few words, stopped at clause words)."""
    tokens = list(re.finditer(r"\d{1,3}(?:,\d{3})+\b|[\w’'-]+|[,;:()\"“”]", text[:end]))  # "1,902"
    kept: list[re.Match[str]] = []
    window = tokens[-9:]
    for index in range(len(window) - 1, -1, -1):
        token = window[index]
        word = token.group()
        if word.lower() == "of" and kept and index > 0 and _PARTITIVE.fullmatch(window[index - 1].group()):
            kept.append(token)  # "six of the assailants": six, not the assailants
            continue
        if word.lower() == "of" and kept and index > 1 and re.fullmatch(
                r"(?i)[\w'’-]+(?:s|men)", window[index - 1].group()) and _PARTITIVE.fullmatch(
                window[index - 2].group()):
            kept.append(token)  # "Nine relatives of the former officer": nine, not the officer
            continue
        if not word[0].isalnum() or _BOUNDARY.match(word):
            break
        kept.append(token)
    if not kept:
        return end, ""
    kept.reverse()
    start = kept[0].start()
    hedge = _HEDGE_BEFORE.search(text, 0, start)
    if hedge and QUANTITY.match(kept[0].group()):
        start = hedge.start()  # "and as many as 15 perpetrators were killed"
    return start, text[start:kept[-1].end()]


def trim_to_quantity(phrase: str) -> str:
    """'attackers five teenage attackers' -> from the last number or determiner on."""
    if re.match(r"(?i)all\s+(?:of\s+)?the\s", phrase):
        return phrase  # "All of the assailants": as many as attacked, which the report told
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
