"""Suicide and success, as the GTD codebook defines them.

Suicide (codebook, "Suicide Attack"): the perpetrator did not intend to escape alive. News says
so with "suicide" before the weapon ("a suicide truck bomber", "suicide vehicle-borne IED"),
with an explosive vest or belt, with a bomber who died in his own blast ("in addition to the
bomber", "killing himself"), or with a person who "detonated" without an object (GTD's phrasing
for a bomber who blew himself up). A suicide bomber who set off his device is among the dead:
GTD's nkill counts him.

Success (codebook, "Success of a Terrorist Strike") depends on the attack type: a bombing
succeeds when the device goes off, whether or not it hurts anyone; an assassination only when
the target is killed; an armed or unarmed assault when a target (people or property) is hit;
a facility attack when the facility is damaged. Attackers arrested or intercepted on their way,
or killed before they could act, fail.
"""

from __future__ import annotations

import re

from incidex.codebook import AttackType
from incidex.pipeline.doc import Span
from incidex.pipeline.frames import Frame

_SUICIDE = re.compile(
    r"\bsuicide[-\s]+(?:[\w-]+\s+){0,3}?(?:bomb\w*|attack\w*|mission|vests?|belts?|car|truck|"
    r"operation|squad|assault|device|explosives?|i\.?e\.?d|vbied|vehicle|attempt)|"
    r"\bblew\s+(?:him|her|them)sel(?:f|ves)\s+up\b|\bdetonated\s+(?:him|her|them)sel(?:f|ves)\b|"
    r"\bdetonated\s+(?:his|her|their)\s+(?:explosive|suicide|vests?|belts?)|\bself-immolat\w*|"
    r"\bstrapped\s+(?:to|with)\s+(?:his|her|their)\s+bod(?:y|ies)|\bstrapped\s+with\s+explosives|"
    r"\bexplosives?(?:-laden|-packed|-filled)?\s+(?:vests?|belts?)|"
    r"\b(?:vests?|belts?)\s+(?:rigged|packed|laden|filled)\s+with\s+explosives|"
    r"\b(?:in\s+addition\s+to|aside\s+from|besides|including)\s+(?:the\s+)?(?:deaths?\s+of\s+the\s+)?"
    r"(?:\w+\s+)?bombers?\b|"
    r"\b(?:bomber|assailant|attacker)s?\s+(?:also\s+)?detonated(?=\s*(?:[,.;]|$|\s+(?:in|at|near|"
    r"outside|inside|among|as|when|after|on|amid)\b))|"
    r"\bkilling\s+(?:him|her|them)sel(?:f|ves)\b",
    re.IGNORECASE,
)
_NOT_SUICIDE = re.compile(r"\b(?:not\s+(?:supposed\s+to\s+be\s+)?a\s+suicide|non-suicide)\b", re.IGNORECASE)
_FAILED = re.compile(
    r"\bfail(?:ed|s)?\s+to\s+(?:explode|detonate|go\s+off|ignite)|\bdid\s+not\s+(?:explode|detonate|"
    r"go\s+off|ignite)|\b(?:was|were)\s+(?:later\s+|safely\s+)?(?:defused|deactivated|dismantled|"
    r"discovered|found\s+and\s+defused|intercepted|foiled|thwarted|disarmed|defuse)|\bfoiled\b|"
    r"\bthwarted\b|\bunexploded\b|\bwithout\s+exploding\b|"
    r"\bbefore\s+(?:it|they|he|she)\s+could\s+(?:\w+\s+)?(?:explode|go\s+off|detonate|reach|throw|"
    r"carry|attack|open\s+fire|enter|ignite|set|plant|trigger|stab|kill)|"
    r"\b(?:bomb|device|explosives?)\s+(?:was|were)\s+found\b|\bprevented\s+(?:the|an?)\s+attack|"
    r"\b(?:arrested|detained|apprehended|intercepted|caught|stopped)\s+(?:\w+\s+){0,3}?"
    r"(?:before|while\s+(?:planting|trying|attempting|carrying)|as\s+(?:he|she|they)\s+(?:was|were)\s+"
    r"(?:planting|trying|attempting))|"
    r"\b(?:identified|intercepted|arrested|detained|apprehended|stopped)\s+(?:and\s+(?:arrested|"
    r"killed|detained|shot)\s+)?(?:an?|two|three|four|the|several)\s+(?:\w+\s+){0,3}?(?:suicide\s+)?"
    r"bombers?\b|"
    r"\b(?:discovered|found|located|spotted)\s+and\s+(?:safely\s+)?(?:defused|dismantled|disarmed|"
    r"removed|neutrali[sz]ed)|\b(?:arrested|detained|apprehended|caught)\s+(?:an?|the|two|three|four|"
    r"several)\s+(?:[\w-]+\s+){0,3}?(?:carrying|transporting|with|while|planting)\b|"
    r"\bno\s+shots\s+were\s+fired\b|\bwere\s+arrested\s+(?:\w+\s+){0,6}?with\s+(?:a|an|the)\b|"
    # "None of these bombs detonated", "the timers failed to trigger the bombs", "they were
    # unsuccessful in their attempt", "caught and arrested during their attempt", "the devices
    # missed", "before he was able to enter"; a bomb squad's controlled detonation is no attack.
    r"\bnone\s+of\s+(?:the|these|those)\s+(?:\w+\s+)?(?:bombs?|devices?|explosives|incendiar\w+)\s+"
    r"(?:detonated|exploded|ignited|went\s+off)|\bfail(?:ed|s)?\s+to\s+trigger|\bunsuccessful\b|"
    r"\b(?:caught|arrested|apprehended|stopped)\s+(?:and\s+\w+\s+)?(?:during|in)\s+(?:their|his|her|the)\s+"
    r"attempt|\b(?:devices?|bombs?|grenades?|cocktails?|projectiles?)\s+missed\b|"
    r"\bbefore\s+(?:he|she|they)\s+(?:was|were)\s+able\s+to\b|"
    r"\b(?:safely|successfully)\s+(?:detonated|disposed|exploded)|\bcontrolled\s+(?:detonation|explosion)",
    re.IGNORECASE,
)
#: "One of the grenades detonated and the other was defused": part of the attack worked.
_PARTIAL = re.compile(
    r"\b(?:(?:the\s+)?other|another|one\s+of|\w+\s+of\s+the|remaining|second|third|fourth|fifth|"
    r"additional|further|more)\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)
_WENT_OFF = re.compile(r"\b(?:detonated|exploded|went\s+off|blew\s+up)\b", re.IGNORECASE)
_ATTEMPT = re.compile(r"\b(?:attempted|tried|trying|attempting)\s+to\b|\battempted\s+\w+",
                      re.IGNORECASE)
_UNHARMED = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?:unharmed|unhurt|not\s+(?:harmed|hurt|injured|killed))|"
    r"\b(?:escaped|survived)\b|\bwas\s+(?:only\s+)?(?:injured|wounded)\b", re.IGNORECASE)
_DAMAGE = re.compile(
    r"\b(?:damag\w+|destroy\w*|burn(?:ed|t)|torched|"
    r"gutted|razed|looted|smashed|shattered|vandali[sz]\w*|blew\s+up|blown\s+up)\b", re.IGNORECASE)
_NO_DAMAGE = re.compile(r"\bno\s+(?:\w+\s+){0,4}?damage\b|\bwithout\s+(?:causing\s+)?"
                        r"(?:any\s+)?damage\b", re.IGNORECASE)
_FIRED_AT_PROPERTY = re.compile(
    r"\b(?:opened\s+fire\s+(?:on|at)|fired\s+(?:shots\s+)?(?:on|at|into)|shot\s+(?:at|into))\s+"
    r"(?:[\w()'’-]+\s+){0,8}?(?:office|headquarters|building|station|house|home|residence|embassy|"
    r"consulate|clinic|store|shop|restaurant|hotel|vehicle|car|bus|windows?)s?\b", re.IGNORECASE)
_ASSAULTS = (AttackType.ARMED_ASSAULT, AttackType.UNARMED_ASSAULT)
_SEIZURES = (AttackType.KIDNAPPING, AttackType.BARRICADE, AttackType.HIJACKING)


def spans_in(sentences: list[Span], pattern: re.Pattern[str]) -> list[Span]:
    found = []
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            found.append(Span(sentence.start + match.start(), sentence.start + match.end(),
                              match.group()))
    return found


def suicide(sentences: list[Span]) -> list[Span]:
    if any(_NOT_SUICIDE.search(s.text) for s in sentences):
        return []
    return spans_in(sentences, _SUICIDE)


def _victims(frame: Frame, category: str) -> int | None:
    value = frame.casualties.get(category)
    return None if value is None else value[0]


def success(frame: Frame, sentences: list[Span]) -> tuple[bool, list[Span]]:
    """The codebook's success for the frame's primary attack type, with the spans that say so."""
    attack = frame.attack_types[0]
    failed = spans_in(sentences, _FAILED)
    went_off = [s for s in spans_in(sentences, _WENT_OFF) if not any(s.overlaps(f) for f in failed)]
    if failed and went_off and (
        attack == AttackType.BOMBING or all(_partial(sentences, s) for s in failed)
    ):
        # "one of the devices failed to detonate": the others did; a bombing succeeds when
        # a device goes off, whatever else was stopped.
        failed = []
    if failed:
        return False, failed
    killed, wounded = _victims(frame, "killed"), _victims(frame, "wounded")
    harmed = bool(killed or wounded)
    stated = killed is not None or wounded is not None  # casualties given, perhaps none
    if attack == AttackType.ASSASSINATION:
        unharmed = spans_in(sentences, _UNHARMED)
        if killed == 0 or (not killed and unharmed):
            return False, unharmed
        return True, []
    damaged = spans_in(sentences, _DAMAGE)
    no_damage = spans_in(sentences, _NO_DAMAGE)
    if attack == AttackType.FACILITY and no_damage and not harmed:
        return False, no_damage
    fired_at_property = spans_in(sentences, _FIRED_AT_PROPERTY)
    if attack in _ASSAULTS and not harmed and stated and not damaged and not fired_at_property:
        # Nobody hurt and nothing hit; shots into a building hit property (codebook: "a target
        # is hit (including people and/or property)").
        return False, no_damage
    if not harmed and attack in (*_ASSAULTS, *_SEIZURES, AttackType.BOMBING, AttackType.FACILITY):
        # "attempted to stab officers", "attempted to kidnap": tried, nobody hurt.
        attempts = spans_in(sentences, _ATTEMPT)
        if attempts and not (attack == AttackType.BOMBING and went_off) and not (
            attack == AttackType.FACILITY and damaged
        ):
            return False, attempts
    return True, []


def _partial(sentences: list[Span], span: Span) -> bool:
    for sentence in sentences:
        if sentence.start <= span.start < sentence.end:
            return bool(_PARTIAL.search(sentence.text[: span.start - sentence.start]))
    return False


_BOMBERS = re.compile(
    r"\b(?P<n>an?|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+)?"
    r"(?:suicide\s+)?(?:bombers?|assailants?|attackers?)\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
            "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_ALIVE = re.compile(r"\b(?:survived|arrested|detained|captured|fled|escaped|failed|prematurely)\b",
                    re.IGNORECASE)


def suicide_bombers_killed(frame: Frame, sentences: list[Span]) -> tuple[int, Span] | None:
    """How many suicide bombers died in their own blast, when the text does not count them:
    the number before the first "bomber(s)"/"assailant(s)" of the frame, else one."""
    if "perpetrators_killed" in frame.casualties or any(_ALIVE.search(s.text) for s in sentences):
        return None
    for sentence in sentences:
        match = _BOMBERS.search(sentence.text)
        if match:
            word = match.group("n").lower()
            plural = match.group().lower().rstrip().endswith("s")
            count = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
            if plural and word in ("the", "a", "an"):
                return None
            span = Span(sentence.start + match.start(), sentence.start + match.end(), match.group())
            return count, span
    return None
