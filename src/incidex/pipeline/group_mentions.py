"""Group names the alias table does not know, found by how reports name groups.

A report names an organisation as such ("a group calling itself X", "the leftwing group Dev
Sol", "WNBF rebels", "Students For Insurrection claimed responsibility"), writes a capitalised
name headed by an organisation word ("the Popular Resistance Committees"), or names one of
GTD's generic actor categories by its stance ("an anti-police extremist"). Each finder returns
:class:`~incidex.groups.GroupMention` objects; :mod:`incidex.pipeline.perpetrators` decides
which of them acted, claimed or were blamed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from incidex.groups import Group, GroupLexicon, GroupMention

__all__ = [
    "acronym_named", "apposed_names", "category_groups", "free_group", "names_over_kinds",
    "self_named_groups", "unnamed_organisations",
]

# A word of a name, with the Arabic article written on ("al-Islami", "ash-Sham"), and the small
# words Arabic names join with ("Al-Bara bin Malek", "Takfir wa Hijra", "Jihad fi Bilad").
_NAME_WORD = r"(?:(?:al|el|ad|as|an|ar|ash|az)-)?[A-Z][\w'’-]*"
_ARABIC_JOIN = r"bin|ibn|wa|wal|fi"

_SELF_NAMED = re.compile(
    r"\b(?:group|organi[sz]ation|faction|movement|cell|front|outfit),?\s+(?:calling\s+(?:itself|themselves)|"
    r"known\s+as|that\s+calls\s+itself|named|called)\s+(?:the\s+)?[\"“]?"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_ARABIC_JOIN}|of|for|the|de|del|la|al))*\b)"
)
# "the leftwing group Dev Sol", "an opposition group, Movement for Democracy": a name after a group word.
_APPOSED_NAME = re.compile(
    r"\b(?:group|organi[sz]ation|movement|faction|outfit)\s*,?\s+(?:the\s+)?"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_ARABIC_JOIN}|of|for|the|de|del|la|al|and|\d+))*\b)"
)
# "WNBF rebels attacked": an acronym the table does not know, heading a word for fighters.
_ACRONYM_FIGHTERS = re.compile(
    r"\b(?P<name>[A-Z][A-Z0-9]{2,6})\s+(?:rebels|militants|guerrill?as|fighters|insurgents|militiamen|cadres)\b"
)
# Claimants named right before the claim: "Students For Insurrection claimed responsibility".
_CLAIMANT_NAME = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_ARABIC_JOIN}|of|for|the|de|del|la|al|and|\d+))+)"
    r"\s+(?:\([^)]{1,40}\)\s+)?(?:has\s+|have\s+|later\s+)?(?:claimed|took|accepted)\s+(?:\w+\s+)?"
    r"(?:responsibility|credit)"
)
_CONNECTOR = re.compile(r"\s(?:of|for|the|de|del|la|al|and)\s|\d", re.IGNORECASE)
# -- organisations the table does not know --------------------------------------------------
_ORG_HEAD = (r"(?:Brigades?|Front|Army|Movement|Committees?|Organi[sz]ation|Cells?|Group|Commandos?|"
             r"Faction|Alliance|League|Resistance|Vanguard|Forces|Command|Squads?|Unit|Militia|"
             r"Battalions?|Legion|Nuclei|Federation|Coalition|Council|Tigers|Guerrillas|Empire|Brotherhood|"
             r"Network|Hawks|Avengers|Defenders|Soldiers|Warriors|Martyrs|Force|Action|Volunteers|"
             r"Youth|Struggle|Sabotage)")
_CAPITALISED = rf"(?:{_NAME_WORD}|\d+(?:st|nd|rd|th))"
_UNNAMED_ORG = re.compile(
    rf"(?P<name>{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|{_ARABIC_JOIN}|of|for|the|de|del|la|al|and))*?\s+{_ORG_HEAD}"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|\d+))*)*)\b"
)
# "Peronist Armed Forces (FAP)", "the FAP (Peronist Armed Forces)": GTD writes the acronym too.
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z0-9-]{1,9})\)")
_ACRONYM_BEFORE = re.compile(r"\b(?P<acronym>[A-Z][A-Z0-9-]{1,9})\s*\($")
# A date before the name: "On 23 December the National Resistance Brigades claimed ...", but
# "May 98 claimed responsibility" is a group named after a month and year.
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words that open a capitalised run without being part of a name ("Members of the ...").
_NOT_NAME_START = frozenset(
    "the a an members member militants fighters guerrillas rebels gunmen suspected alleged leftist "
    "rightist armed unknown previously on in at after when while both two three four five several "
    "some of for and it its their his her this that these those".split()
) | _DATE_WORDS
# Names of states and institutions: not perpetrator organisations in GTD's sense.
_INSTITUTION = re.compile(
    r"\b(?:Police|Ministry|Department|Embassy|Consulate|Government|University|Company|Corporation|"
    r"Bank|Church|Court|Hospital|School|Station|Airport|Headquarters|Office|Center|Centre|Institute|"
    r"Agency|Service|Services|Guard|Navy|Air|Nations|Union|Party|Congress|Parliament|Senate|Red\s+Cross|"
    r"U\.?S|United\s+States|Special|Security|Defen[cs]e|Border|Federal|State|Republic|Royal|Marine\w*)\b"
)

_STATE_FORCES = frozenset({"Army", "Forces", "Force", "Command", "Militia", "Council"})

# A nationality's adjective: Peruvian, Iraqi, Lebanese, Turkish, French.
_DEMONYM = re.compile(r"(?:an|ian|ese|i|ish|ch|ean)$")

# A capitalised name and, in brackets, its initials: "Islam Chhatra Shibir (ICS)", "People's
# National Congress (PNC)", "Communist Party of Nepal-Maoists (CPN-M)".
_NAME_WITH_ACRONYM = re.compile(
    r"(?P<name>(?:(?:al|el)-)?[A-Z][\w'’-]*(?:\s+(?:of|for|the|de|del|la|al|and|[A-Z][\w'’-]*)){1,7})"
    r"\s*\((?P<acronym>[A-Z][A-Za-z]?(?:[A-Z0-9-]|[a-z](?=[A-Z)])){1,8})\)"
)

_STANCE = re.compile(
    r"\b(?P<stance>anti|pro)-(?P<cause>[A-Za-z]+(?:\s+(?:rights|control))?)\s+"
    r"(?:extremists?|militants?|activists?|militias?)\b",
    re.IGNORECASE,
)


def _name_start(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """Where a capitalised run's name begins once words that open a run without being part of
    a name ("Members of the", "On 23 December the") are passed, and the name's words."""
    words = text[start:end].split()
    while words and (words[0].lower() in _NOT_NAME_START or words[0].isdigit()) and not (
        words[0].lower() in _DATE_WORDS and len(words) > 1 and words[1][:1].isdigit()
    ):
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
        words = words[1:]
    return start, words


def self_named_groups(text: str) -> list[GroupMention]:
    """Groups the alias table does not know, named as such: "an organization calling itself
    Black Lebanon", "a group known as the Heroes of Palestine"."""
    found = []
    for match in _SELF_NAMED.finditer(text):
        name = match.group("name").strip()
        found.append(GroupMention(match.start("name"), match.end("name"), name, free_group(name)))
    return found


def apposed_names(text: str) -> list[GroupMention]:
    """Names the text gives a group without the alias table knowing them: "the leftwing group
    Dev Sol", "WNBF rebels", "Students For Insurrection claimed responsibility"."""
    found = []
    for pattern in (_APPOSED_NAME, _ACRONYM_FIGHTERS, _CLAIMANT_NAME):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            start, words = _name_start(text, start, end)
            name = text[start:end]
            if not words or _INSTITUTION.search(name):
                continue
            if pattern is _CLAIMANT_NAME and not (_CONNECTOR.search(name) or _UNNAMED_ORG.search(name)):
                continue  # "Mark Sands claimed responsibility": a person
            found.append(GroupMention(start, end, name, free_group(name)))
    return found


def _initials(words: list[str]) -> str:
    """The capital letters that open each capitalised word or hyphenated part."""
    return "".join(part[0] for word in words if word[:1].isupper()
                   for part in word.split("-") if part[:1].isupper())


def acronym_named(text: str) -> list[GroupMention]:
    """Names the report spells out with their initials, the way it introduces an organisation:
    "suspected members of Islam Chhatra Shibir (ICS)". The initials must be the name's own (an
    acronym from another language, "Basque Homeland and Freedom (ETA)", is the table's job), and
    institutions ("Rajshahi University (RU)") are left out; like the other unknown names, the
    stage keeps them only where they act, claim or are blamed."""
    found = []
    for match in _NAME_WITH_ACRONYM.finditer(text):
        start, end = match.span("name")
        start, words = _name_start(text, start, end)
        acronym = match.group("acronym").replace("-", "").upper()
        if len(words) < 2 or _initials(words).upper() != acronym:
            continue
        name = text[start:end]
        if _INSTITUTION.search(name.replace("Party", "").replace("Congress", "")):
            continue  # a party's name may be a perpetrator's; a ministry's or a bank's is not
        found.append(GroupMention(start, end, name, free_group(f"{name} ({match.group('acronym')})")))
    return found


# More capitalised words ending in an organisation word, right after one: "Apo's Youth" is
# the start of "Apo's Youth Revenge Brigades".
_MORE_HEAD = re.compile(rf"(?:\s+{_CAPITALISED})*?\s+{_ORG_HEAD}\b")


def _extend_to_last_head(text: str, end: int) -> int:
    while (more := _MORE_HEAD.match(text, end)) is not None:
        end = more.end()
    return end


def unnamed_organisations(text: str) -> list[GroupMention]:
    """Capitalised names headed by an organisation word ("the Popular Resistance Committees",
    "the X Brigades"), which the stage keeps only where they act, claim or are blamed."""
    found: list[GroupMention] = []
    for match in _UNNAMED_ORG.finditer(text):
        if found and match.start() < found[-1].end:
            continue  # the rest of a name already extended over
        end = _extend_to_last_head(text, match.end("name"))
        start, words = _name_start(text, match.start("name"), end)
        if len(words) < 2 or _INSTITUTION.search(" ".join(words)):
            continue
        if len(words) == 2 and words[1] in _STATE_FORCES and _DEMONYM.search(words[0]):
            continue  # "the Peruvian Army": a state's forces ("the Revolutionary Army" is not)
        name = text[start:end]
        acronym = _ACRONYM_AFTER.match(text, end) or _ACRONYM_BEFORE.search(text, 0, start)
        if acronym:
            name = f"{name} ({acronym.group('acronym')})"
        found.append(GroupMention(start, end, text[start:end], free_group(name)))
    return found


def category_groups(text: str, lexicon: GroupLexicon) -> list[GroupMention]:
    """GTD's generic actor categories written as a stance: "an anti-police extremist" ->
    "Anti-Police extremists", "Pro-LGBT Rights extremists"."""
    found = []
    for match in _STANCE.finditer(text):
        cause = " ".join(w if w.isupper() else w.capitalize() for w in match.group("cause").split())
        name = f"{match.group('stance').capitalize()}-{cause} extremists"
        group = lexicon.canonical(name) or free_group(name)
        found.append(GroupMention(match.start(), match.end(), match.group(), group))
    return found


# "the anarchist group the Conspiracy of Fire Cells", "the anarchist group, Black Star": what
# may stand between a kind of group and the name it describes.
_KIND_THEN_NAME = re.compile(r"\s*,?\s*(?:the\s+|called\s+|named\s+)?", re.IGNORECASE)
# "the Black Star anarchist group": two or more capitalised words right before the kind (one
# would as often be a nationality: "the Greek anarchist group").
_NAME_BEFORE_KIND = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\s+$")


def names_over_kinds(text: str, lexicon_mentions: list[GroupMention], extras: list[GroupMention],
                     is_kind: Callable[[Group], bool]) -> list[GroupMention]:
    """The table's mentions with a kind of group (GTD's "Anarchists") that only describes a
    name beside it replaced by that name: "the anarchist Group of Nighttime Sabotage", "the
    anarchist group the Conspiracy of Fire Cells", "the Black Star anarchist group"."""
    named = [m for m in lexicon_mentions + extras if not is_kind(m.group)]
    out: list[GroupMention] = []
    for m in lexicon_mentions:
        if not is_kind(m.group):
            out.append(m)
            continue
        over = next((k for k in extras if k.start < m.end and m.start < k.end and k.end > m.end), None)
        after = next((k for k in named if k.start >= m.end
                      and _KIND_THEN_NAME.fullmatch(text, m.end, k.start)), None)
        before = _NAME_BEFORE_KIND.search(text, max(0, m.start - 60), m.start)
        if over is not None:
            out.append(over)
        elif after is not None:
            continue  # the name is a mention of its own
        elif before is not None and len((start_words := _name_start(text, *before.span("name")))[1]) >= 2:
            start, end = start_words[0], before.end("name")
            out.append(GroupMention(start, end, text[start:end], free_group(text[start:end])))
        else:
            out.append(m)
    return out


def free_group(name: str) -> Group:
    return Group(canonical=name, gtd=name, aliases=(name,), parent=None)
