"""Casualty counts, split between victims and perpetrators.

A casualty statement is a harm word with the people it happened to: "two police officers were
killed" (subject before a passive verb), "injuring several policemen" (object after an active
verb), "five dead" (a bare count), "before being shot dead" (the clause's attackers). Whether
the people are victims or perpetrators is read from the head noun ("attackers", "gunmen",
"the bomber"). Reports that repeat a toll are not added up: the largest figure stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidex.pipeline.casualty_subjects import (
    apposition_before,
    attackers_in,
    clause_opening_subject,
    joined_before,
)
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import PERPETRATOR_NOUNS
from incidex.pipeline.quantities import QUANTITY, quantity_from_match
from incidex.pipeline.registry import register_stage

_KILLED = r"(?:(?:shot|stabbed|beaten|burned|burnt|stoned|hacked|bludgeoned|strangled)\s+to\s+death|" \
          r"shot\s+dead|shot\s+and\s+killed|killed|dead|died|slain|murdered|executed|" \
          r"beheaded|massacred|gunned\s+down|lost\s+(?:their|his|her)\s+lives)"
_WOUNDED = r"(?:wounded|injured|hurt|maimed|hospitali[sz]ed|shot\s+and\s+wounded|" \
           r"(?:suffered|sustained)\s+(?:\w+\s+){0,2}?(?:injuries|wounds))"
_AUX = r"(?:(?:was|were|had\s+been|have\s+been|has\s+been|are|is|being|been|got|left)\s+)?" \
       r"(?:(?:also|reportedly|later|seriously|critically|slightly|fatally|badly|all|both|"\
       r"allegedly|then|subsequently|eventually|instantly)\s+)*"

_PASSIVE = re.compile(rf"\b{_AUX}(?P<verb>{_KILLED}|{_WOUNDED})\b", re.IGNORECASE)
_ACTIVE = re.compile(
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
_ZERO = re.compile(
    r"\b(?:no\s+(?:one|body)\s+was\s+(?P<zv1>killed|hurt|injured|wounded)|nobody\s+was\s+"
    r"(?P<zv2>killed|hurt|injured|wounded)|no\s+(?:reported\s+|reports\s+of\s+)?"
    r"(?P<zv3>casualties|injuries|deaths|fatalities)|"
    r"without\s+(?P<zv4>casualties|injuries|loss\s+of\s+life)|there\s+were\s+no\s+"
    r"(?:reported\s+)?(?P<zv5>casualties|injuries|deaths|fatalities))\b",
    re.IGNORECASE,
)
_CONJUNCT = re.compile(
    r"\s+and\s+(?P<np>(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|dozens|a|an)\s+(?:other\s+)?[\w-]+)\b(?!\s+(?:were|was|had|have|are)\b)",
    re.IGNORECASE,
)
_NAMED = re.compile(r"(?:[A-Z][\w.'-]*\s+){1,5}[A-Z][\w'-]*[^s\W]$")
_ATTACKER = r"(?P<who>(?:suicide\s+)?(?:bomber|attacker|assailant|gunman|perpetrator|hijacker|shooter)s?)"
BESIDES = re.compile(rf"\b(?:in\s+addition\s+to|besides|apart\s+from)\s+(?:the\s+|all\s+)?"
                      rf"(?:(?P<n>[\w-]+)\s+)??{_ATTACKER}\b", re.IGNORECASE)
_INCLUDING = re.compile(rf"\bincluding\s+(?:the\s+)?{_ATTACKER}\b", re.IGNORECASE)
_NOBODY = re.compile(r"(?i)(?:nobody|no\s+one|none)\b")
CLAIMED_TOLL = re.compile(
    r"\bclaim\w*\s+(?:\w+\s+){0,2}?(?:responsibility|credit)\b.*\b(?:its|their)\s+"
    r"(?:fighters|militants|men|members|mujahideen|soldiers)\b",
    re.IGNORECASE,
)
_OBJECT_FOLLOWS = re.compile(
    r"\s+(?:at\s+least\s+|more\s+than\s+)?(?:a|an|the|his|her|their|\d+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|dozens|scores|hundreds|many|some)\b",
    re.IGNORECASE,
)
_SURVIVED = re.compile(r"\bsurvived\b", re.IGNORECASE)
_TOLL = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths))\s+(?:at|of|"
    r"(?:[\w'’-]+\s+){0,12}?(?:rose|risen|climbed|increased|jumped|reached|stood|stands|was|is|"
    r"now)(?:\s+(?:to|at))?)\s+(?P<n>(?:at\s+least\s+)?[\w,-]+)",
    re.IGNORECASE,
)
_BLEW_UP = re.compile(r"\bblew\s+(?P<who>himself|herself|themselves)\s+up\b", re.IGNORECASE)
_BOUNDARY = re.compile(
    r"(?i)^(?:that|which|who|when|where|while|after|before|and|but|as|said|says|including|"
    r"then|with|by|in|on|at|from|of|to|had|has|have|was|were|after|claimed|reported)$"
)
_DETERMINER = re.compile(r"(?i)^(?:a|an|the|one|his|her|their|its|this|that|another)$")
#: "stoned a civilian to death": the victim between the verb and "to death".
_TO_DEATH = re.compile(
    r"\b(?:shot|stabbed|beat|burned|burnt|stoned|hacked|bludgeoned|strangled|lynched)\s+"
    r"(?P<object>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+to\s+death\b",
    re.IGNORECASE,
)
#: "Six bodies were found": GTD counts the dead a report finds.
_BODIES = re.compile(
    rf"\b(?P<n>{QUANTITY.pattern})\s+(?:[\w-]+\s+)?bod(?:y|ies)\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:\w+\s+)?(?:found|discovered|recovered|dumped)\b",
    re.IGNORECASE,
)
#: A bare name in a list of the dead: "Roshan and his driver".
_PROPER = re.compile(r"(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]*[a-z]")
_CALENDAR = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|"
                       r"april|may|june|july|august|september|october|november|december\b")
#: A noun phrase after these is no subject of its own: "In addition to the five assailants,".
_NOT_SUBJECT = re.compile(r"(?i)\b(?:to|of|at|in|on|from|with|by|including|besides|than|near)\s*$")
_ATTEMPTED = re.compile(
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
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SINGULAR_AUX = re.compile(r"(?i)(?:was|has\s+been|is)\b")
_SELF = re.compile(r"\b(?:himself|herself|themselves)\b", re.IGNORECASE)

CATEGORIES = ("killed", "wounded", "perpetrators_killed", "perpetrators_wounded")


@dataclass(frozen=True)
class Statement:
    category: str
    min: int | None
    max: int | None
    exact: bool
    evidence: Span
    phrase: str


def _count(phrase: str) -> tuple[int | None, int | None, bool]:
    words = phrase.split()
    if phrase.lower() in ("himself", "herself"):
        return 1, 1, True
    match = QUANTITY.match(phrase)
    if match:
        quantity = quantity_from_match(match)
        if quantity is not None:
            return quantity.min, quantity.max, quantity.exact
    if words and _DETERMINER.match(words[0]):
        head = words[-1].lower()
        plural = head.endswith("s") or head in ("men", "people", "police", "children", "women")
        return (2, None, False) if plural else (1, 1, True)
    return 2, None, False  # a bare plural: "policemen were injured"


def _subject_before(text: str, end: int) -> tuple[int, str]:
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


def _trim_to_quantity(phrase: str) -> str:
    """'attackers five teenage attackers' -> from the last number or determiner on."""
    more = _MORE.match(phrase)
    if more and not _AGE.match(phrase[more.end():]):
        mod = re.sub(r"(?i)^least", "at least", more.group("mod") or "")
        return mod + phrase[more.end():]  # "an additional 40 people": 40, not "an"
    words = phrase.split()
    for i, word in enumerate(words):
        rest = " ".join(words[i:])
        if _YEAR.fullmatch(word.rstrip(",")) and i + 1 < len(words):
            continue  # "On July 20, 2008 a suicide bomber": a date, not a count
        if _DETERMINER.match(word) or QUANTITY.match(rest):
            return rest
    return phrase


def clause_statements(clause: Span) -> list[Statement]:
    text = clause.text
    found: list[Statement] = []
    covered: list[tuple[int, int]] = []
    first_perp = PERPETRATOR_NOUNS.search(text)

    def add(kind: str, phrase: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in covered):
            return
        is_perp = bool(PERPETRATOR_NOUNS.search(phrase)) or bool(_SELF.search(phrase))
        low, high, exact = _count(phrase)
        category = ("perpetrators_" if is_perp else "") + kind
        span = Span(clause.start + start, clause.start + end, text[start:end], "casualty")
        found.append(Statement(category, low, high, exact, span, phrase))
        covered.append((start, end))

    def add_parts(kind: str, parts: list[str], start: int, end: int) -> None:
        if len(parts) == 1:
            add(kind, parts[0], start, end)
            return
        if any(s < end and start < e for s, e in covered):
            return
        for perp in (False, True):
            mine = [p for p in parts if bool(PERPETRATOR_NOUNS.search(p) or _SELF.search(p)) == perp]
            if not mine:
                continue
            counts = [_count(p) for p in mine]
            low = sum(c[0] or 0 for c in counts)
            high = None if any(c[1] is None for c in counts) else sum(c[1] or 0 for c in counts)
            category = ("perpetrators_" if perp else "") + kind
            span = Span(clause.start + start, clause.start + end, text[start:end], "casualty")
            found.append(Statement(category, low, high, all(c[2] for c in counts), span,
                                   " and ".join(reversed(mine))))
        covered.append((start, end))

    for match in _ACTIVE.finditer(text):
        if _ATTEMPTED.search(text, max(0, match.start() - 40), match.start()):
            continue  # "attempted to kill two people": an aim, not a toll
        verb = match.group("verb").lower()
        kind = "killed" if verb.startswith(("kill", "shot", "gunned")) or verb.endswith("death") \
            else "wounded"
        obj = match.group("object")
        if _SELF.fullmatch(obj):
            # "killing himself and 28 others": the attacker's death, then the victims'.
            add(kind, obj, match.start(), match.end())
            others = _CONJUNCT.match(text, match.end())
            if others:
                add(kind, others.group("np"), others.start(), others.end())
            continue
        phrase = _trim_to_quantity(obj)
        if _NAMED.match(obj) and phrase.split()[0].lower() not in ("a", "an", "the"):
            phrase = "one " + obj  # "killed Lieutenant Colonel Salam Fakhari": one person
        if not phrase or not (QUANTITY.match(phrase) or _DETERMINER.match(phrase.split()[0])):
            continue
        if verb in ("hitting", "hit", "struck", "ran over", "run over") and not re.search(
            r"\b(?:car|truck|vehicle|van|lorry)\b", text, re.IGNORECASE
        ):
            continue
        end = match.end()
        conjunct = _CONJUNCT.match(text, end)
        if conjunct and not PERPETRATOR_NOUNS.search(conjunct.group()):
            # "wounding one policeman and three civilians": one count of four.
            low, high, exact = _count(phrase)
            more = _count(conjunct.group("np"))
            add_total = (
                (low or 0) + (more[0] or 0),
                None if high is None or more[1] is None else high + more[1],
                exact and more[2],
            )
            span = Span(clause.start + match.start(), clause.start + conjunct.end(),
                        text[match.start():conjunct.end()], "casualty")
            if not any(s < conjunct.end() and match.start() < e for s, e in covered):
                found.append(Statement(kind, *add_total, span, phrase + " and " + conjunct["np"]))
                covered.append((match.start(), conjunct.end()))
            continue
        add(kind, phrase, match.start(), end)
    for match in _PASSIVE.finditer(text):
        verb = match.group("verb").lower()
        kind = "wounded" if re.match(_WOUNDED, verb, re.IGNORECASE) else "killed"
        if match.group() == match.group("verb") and _OBJECT_FOLLOWS.match(text, match.end()):
            continue  # "fighters killed seven soldiers": active, read above
        if _apposition_total(text, clause, match, kind, found, covered):
            continue
        subject_start, phrase = _subject_before(text, match.start())
        phrase = _trim_to_quantity(phrase)
        if _NOBODY.match(phrase):
            continue  # "Nobody was hurt": a zero, read below
        if not phrase:
            # "Abduvaliyev, a police officer, was killed"; "At least three people, all
            # prisoners, were wounded" (a plural subject only when it is a count).
            start_, subject = _subject_of_apposition(text, match.start())
            if _SINGULAR_AUX.match(match.group()) or (QUANTITY.match(subject) and not _DETERMINER.match(
                    subject.split()[0] if subject else "")):
                subject_start, phrase = start_, subject
        if phrase and not (QUANTITY.match(phrase) or _DETERMINER.match(phrase.split()[0])):
            opening = clause_opening_subject(text, match.start())
            if opening is not None:
                subject_start, phrase = 0, opening
            elif _SINGULAR_AUX.match(match.group()):
                phrase = "one " + phrase  # "Nathan Graff was wounded": one person
        if not phrase and first_perp and re.match(r"(?i)(?:being|been)\b", match.group()):
            phrase = _perp_phrase(text, first_perp)
        if not phrase:
            continue
        if verb == "dead" and not QUANTITY.match(phrase) and "shot" not in match.group().lower():
            continue
        # "Seven soldiers and four civilians were killed", "Roshan and his driver were
        # killed": coordinated subjects add up, victims and attackers each on their own.
        parts = [phrase]
        first = min(subject_start, match.start())
        joint = joined_before(text, subject_start)
        while joint is not None:
            other_start, other = _subject_before(text, joint)
            other = _trim_to_quantity(other)
            if not other or len(other.split()) > 5 or _YEAR.fullmatch(other) or (
                _NOT_SUBJECT.search(text[:other_start]) and not re.match(r"(?i)least\b", text[other_start:])
            ):
                break
            with_and = "and" in text[joint:first].lower()
            named = bool(with_and and _PROPER.fullmatch(other) and not _CALENDAR.search(other))
            if not (QUANTITY.match(other) or (with_and and _DETERMINER.match(other.split()[0])) or named):
                break
            parts.append("one " + other if named else other)
            first = other_start
            joint = joined_before(text, other_start)
        if len(parts) > 1 and _PROPER.fullmatch(parts[0]) and not QUANTITY.match(parts[0]):
            parts[0] = "one " + parts[0]  # "Singh and Kerketta were killed": two people
        add_parts(kind, parts, first, match.end())
    for match in _TO_DEATH.finditer(text):
        phrase = _trim_to_quantity(match.group("object"))
        if phrase and (QUANTITY.match(phrase) or _DETERMINER.match(phrase.split()[0])):
            add("killed", phrase, match.start(), match.end())
    for match in _BODIES.finditer(text):
        add("killed", match.group("n"), match.start(), match.end())
    for match in _ZERO.finditer(text):
        word = next(g for g in match.groups() if g).lower()
        kinds = ["killed"] if word in ("killed", "deaths", "fatalities") else ["wounded"]
        if word in ("casualties", "loss of life"):
            kinds = ["killed", "wounded"] if word == "casualties" else ["killed"]
        for kind in kinds:
            span = Span(clause.start + match.start(), clause.start + match.end(), match.group())
            found.append(Statement(kind, 0, 0, True, span, match.group()))
    for match in _TOLL.finditer(text):
        quantity = QUANTITY.match(match.group("n"))
        if quantity:
            add("killed", match.group("n"), match.start(), match.end())
    for match in _BLEW_UP.finditer(text):
        add("killed", match.group("who"), match.start(), match.end())
    _attackers_among_dead(text, clause, found)
    survived = _SURVIVED.search(text)
    survivor = _subject_before(text, survived.start())[1] if survived else ""
    if survived and first_perp and PERPETRATOR_NOUNS.search(survivor):
        span = Span(clause.start + first_perp.start(), clause.start + survived.end(),
                    text[first_perp.start():survived.end()], "casualty")
        found.append(Statement("perpetrators_killed", 0, 0, True, span, first_perp.group()))
        if re.search(r"\bhospital", text, re.IGNORECASE):
            found.append(Statement("perpetrators_wounded", 1, 1, True, span, first_perp.group()))
    return found


def _attackers_among_dead(text: str, clause: Span, found: list[Statement]) -> None:
    """"In addition to the bomber, 27 people were killed" adds the bomber's death; "16 people
    were killed, including the perpetrator" moves one death from the victims to him."""
    killed = [s for s in found if s.category == "killed" and s.min]
    if not killed:
        return
    for match in BESIDES.finditer(text):
        span = Span(clause.start + match.start(), clause.start + match.end(), match.group(), "casualty")
        many = match.group("who").lower().endswith("s")
        number = QUANTITY.fullmatch(match.group("n") or "")
        counted = quantity_from_match(number) if number else None
        if counted is not None and counted.exact and counted.min is not None:
            found.append(Statement("perpetrators_killed", counted.min, counted.min, True, span,
                                   match.group("who")))
            continue
        found.append(Statement("perpetrators_killed", 2 if many else 1, None if many else 1,
                               not many, span, match.group("who")))
    for match in _INCLUDING.finditer(text):
        span = Span(clause.start + match.start(), clause.start + match.end(), match.group(), "casualty")
        if any(s.category.startswith("perpetrators_") and s.evidence.overlaps(span) for s in found):
            continue  # an apposition already read: "Nine people, including the bomber, died"
        best = max(killed, key=lambda s: s.min or 0)
        found.remove(best)
        low = None if best.min is None else best.min - 1
        high = None if best.max is None else best.max - 1
        found.append(Statement("killed", low, high, best.exact, best.evidence, best.phrase))
        found.append(Statement("perpetrators_killed", 1, 1, True, span, match.group("who")))
        return


def _apposition_total(
    text: str, clause: Span, match: re.Match[str], kind: str, found: list[Statement],
    covered: list[tuple[int, int]],
) -> bool:
    """"Nine people, including three soldiers and four assailants, were killed": the total
    before the apposition, split into the attackers it names and the victims. True if read."""
    apposition = apposition_before(text, match.start())
    if apposition is None:
        return False
    apposition_start, inner = apposition
    start, phrase = _subject_before(text, apposition_start)
    phrase = _trim_to_quantity(phrase)
    if not phrase or not QUANTITY.match(phrase):
        return False
    if any(s < match.end() and start < e for s, e in covered):
        return True
    low, high, exact = _count(phrase)
    span = Span(clause.start + start, clause.start + match.end(), text[start:match.end()], "casualty")
    covered.append((start, match.end()))
    attackers = attackers_in(inner)
    is_perp = bool(PERPETRATOR_NOUNS.search(phrase))
    if is_perp or not attackers or low is None or low < attackers:
        found.append(Statement(("perpetrators_" if is_perp else "") + kind, low, high, exact, span, phrase))
        return True
    found.append(Statement(kind, low - attackers, None if high is None else high - attackers, exact,
                           span, phrase))
    found.append(Statement("perpetrators_" + kind, attackers, attackers, True, span,
                           inner))
    return True


def _subject_of_apposition(text: str, end: int) -> tuple[int, str]:
    """"Abduvaliyev, a police officer, was killed": the subject before a comma-closed
    apposition ("The assailant, identified as X, was killed" -> "The assailant")."""
    before = text[:end].rstrip()
    if not before.endswith(","):
        return end, ""
    comma = before.rfind(",", 0, len(before) - 1)
    if comma <= 0:
        return end, ""
    start, phrase = _subject_before(text, comma)
    return start, _trim_to_quantity(phrase)


def _perp_phrase(text: str, perp: re.Match[str]) -> str:
    _, phrase = _subject_before(text, perp.start())
    return _trim_to_quantity(f"{phrase} {perp.group()}".strip())


def combine(statements: list[Statement]) -> dict[str, tuple[int | None, int | None, bool, list[Span]]]:
    """One figure per category: the largest stated minimum, with every statement as evidence."""
    result: dict[str, tuple[int | None, int | None, bool, list[Span]]] = {}
    for category in CATEGORIES:
        mine = [s for s in statements if s.category == category]
        if not mine:
            continue
        best = max(mine, key=lambda s: (s.min or 0, s.exact))
        result[category] = (best.min, best.max, best.exact, [s.evidence for s in mine])
    return result


@register_stage("casualties")
class CasualtyCounter:
    name = "casualties"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("casualties",)

    def __call__(self, doc: Doc) -> Doc:
        from incidex.pipeline.casualty_tolls import told_elsewhere

        told = told_elsewhere(doc)
        for index, frame in enumerate(doc.frames):
            self.count(frame, told.get(index, []))
        return doc

    @staticmethod
    def count(frame: Frame, extra: list[Span] | None = None) -> None:
        # A perpetrator's own claim ("saying its fighters had killed 20 soldiers") is not a
        # casualty source.
        from incidex.pipeline.casualty_tolls import counted_attackers, suicide_attackers_died

        clauses = sorted([*frame.clauses, *(extra or [])], key=lambda c: c.start)
        own = [s for clause in frame.clauses if not CLAIMED_TOLL.search(clause.text)
               for s in clause_statements(clause)]
        # A toll told apart adds its figures; its "no casualties" or its dead attackers alone
        # do not make the incident one with no victims (which the success rules read).
        told = [s for clause in extra or [] for s in clause_statements(clause) if s.min]
        statements = [counted_attackers(s, clauses) for s in [*own, *told]]
        if own or told:
            bombers = suicide_attackers_died(clauses, statements)
            if bombers is not None:
                statements.append(bombers)
        frame.casualties = combine(statements)
        if not own:
            return
        # A report that gives casualties but no deaths (or no injuries) among the victims
        # reports none: GTD codes 0 there, not unknown.
        anchor = own[0].evidence
        for category in ("killed", "wounded"):
            frame.casualties.setdefault(category, (0, 0, True, [anchor]))
