"""Casualty counts, split between victims and perpetrators.

A casualty statement is a harm word with the people it happened to: "two police officers were
killed" (subject before a passive verb), "injuring several policemen" (object after an active
verb), "five dead" (a bare count), "before being shot dead" (the clause's attackers). Whether
the people are victims or perpetrators is read from the head noun ("attackers", "gunmen",
"the bomber"). Reports that repeat a toll are not added up: the largest figure stands.
"""

from __future__ import annotations

import re

from incidex.pipeline.casualty_patterns import (
    ACTIVE,
    ATTEMPTED,
    BESIDES,
    BLEW_UP,
    BODIES,
    CALENDAR,
    CATEGORIES,
    CLAIMED_TOLL,
    CONJUNCT,
    DETERMINER,
    INCLUDING,
    NAMED,
    NOBODY,
    NOT_SUBJECT,
    OBJECT_FOLLOWS,
    PASSIVE,
    PROPER,
    SELF,
    SINGULAR_AUX,
    SURVIVED,
    TO_DEATH,
    TOLL,
    WOUNDED,
    YEAR,
    ZERO,
    Statement,
    count_phrase,
    subject_before,
    trim_to_quantity,
)
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


def clause_statements(clause: Span) -> list[Statement]:
    text = clause.text
    found: list[Statement] = []
    covered: list[tuple[int, int]] = []
    first_perp = PERPETRATOR_NOUNS.search(text)

    def add(kind: str, phrase: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in covered):
            return
        is_perp = bool(PERPETRATOR_NOUNS.search(phrase)) or bool(SELF.search(phrase))
        low, high, exact = count_phrase(phrase)
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
            mine = [p for p in parts if bool(PERPETRATOR_NOUNS.search(p) or SELF.search(p)) == perp]
            if not mine:
                continue
            counts = [count_phrase(p) for p in mine]
            low = sum(c[0] or 0 for c in counts)
            high = None if any(c[1] is None for c in counts) else sum(c[1] or 0 for c in counts)
            category = ("perpetrators_" if perp else "") + kind
            span = Span(clause.start + start, clause.start + end, text[start:end], "casualty")
            found.append(Statement(category, low, high, all(c[2] for c in counts), span,
                                   " and ".join(reversed(mine))))
        covered.append((start, end))

    for match in ACTIVE.finditer(text):
        if ATTEMPTED.search(text, max(0, match.start() - 40), match.start()):
            continue  # "attempted to kill two people": an aim, not a toll
        verb = match.group("verb").lower()
        kind = "killed" if verb.startswith(("kill", "shot", "gunned")) or verb.endswith("death") \
            else "wounded"
        obj = match.group("object")
        if SELF.fullmatch(obj):
            # "killing himself and 28 others": the attacker's death, then the victims'.
            add(kind, obj, match.start(), match.end())
            others = CONJUNCT.match(text, match.end())
            if others:
                add(kind, others.group("np"), others.start(), others.end())
            continue
        phrase = trim_to_quantity(obj)
        if NAMED.match(obj) and phrase.split()[0].lower() not in ("a", "an", "the"):
            phrase = "one " + obj  # "killed Lieutenant Colonel Salam Fakhari": one person
        if not phrase or not (QUANTITY.match(phrase) or DETERMINER.match(phrase.split()[0])):
            continue
        if verb in ("hitting", "hit", "struck", "ran over", "run over") and not re.search(
            r"\b(?:car|truck|vehicle|van|lorry)\b", text, re.IGNORECASE
        ):
            continue
        end = match.end()
        conjunct = CONJUNCT.match(text, end)
        if conjunct and not PERPETRATOR_NOUNS.search(conjunct.group()):
            # "wounding one policeman and three civilians": one count of four.
            low, high, exact = count_phrase(phrase)
            more = count_phrase(conjunct.group("np"))
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
    for match in PASSIVE.finditer(text):
        verb = match.group("verb").lower()
        kind = "wounded" if re.match(WOUNDED, verb, re.IGNORECASE) else "killed"
        if match.group() == match.group("verb") and OBJECT_FOLLOWS.match(text, match.end()):
            continue  # "fighters killed seven soldiers": active, read above
        if _apposition_total(text, clause, match, kind, found, covered):
            continue
        subject_start, phrase = subject_before(text, match.start())
        phrase = trim_to_quantity(phrase)
        if NOBODY.match(phrase):
            continue  # "Nobody was hurt": a zero, read below
        if not phrase:
            # "Abduvaliyev, a police officer, was killed"; "At least three people, all
            # prisoners, were wounded" (a plural subject only when it is a count).
            start_, subject = _subject_of_apposition(text, match.start())
            if SINGULAR_AUX.match(match.group()) or (QUANTITY.match(subject) and not DETERMINER.match(
                    subject.split()[0] if subject else "")):
                subject_start, phrase = start_, subject
        if phrase and not (QUANTITY.match(phrase) or DETERMINER.match(phrase.split()[0])):
            opening = clause_opening_subject(text, match.start())
            if opening is not None:
                subject_start, phrase = 0, opening
            elif SINGULAR_AUX.match(match.group()):
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
            other_start, other = subject_before(text, joint)
            other = trim_to_quantity(other)
            if not other or len(other.split()) > 5 or YEAR.fullmatch(other) or (
                NOT_SUBJECT.search(text[:other_start]) and not re.match(r"(?i)least\b", text[other_start:])
            ):
                break
            with_and = "and" in text[joint:first].lower()
            named = bool(with_and and PROPER.fullmatch(other) and not CALENDAR.search(other))
            if not (QUANTITY.match(other) or (with_and and DETERMINER.match(other.split()[0])) or named):
                break
            parts.append("one " + other if named else other)
            first = other_start
            joint = joined_before(text, other_start)
        if len(parts) > 1 and PROPER.fullmatch(parts[0]) and not QUANTITY.match(parts[0]):
            parts[0] = "one " + parts[0]  # "Singh and Kerketta were killed": two people
        add_parts(kind, parts, first, match.end())
    for match in TO_DEATH.finditer(text):
        phrase = trim_to_quantity(match.group("object"))
        if phrase and (QUANTITY.match(phrase) or DETERMINER.match(phrase.split()[0])):
            add("killed", phrase, match.start(), match.end())
    for match in BODIES.finditer(text):
        add("killed", match.group("n"), match.start(), match.end())
    for match in ZERO.finditer(text):
        word = next(g for g in match.groups() if g).lower()
        kinds = ["killed"] if word in ("killed", "deaths", "fatalities") else ["wounded"]
        if word in ("casualties", "loss of life"):
            kinds = ["killed", "wounded"] if word == "casualties" else ["killed"]
        for kind in kinds:
            span = Span(clause.start + match.start(), clause.start + match.end(), match.group())
            found.append(Statement(kind, 0, 0, True, span, match.group()))
    for match in TOLL.finditer(text):
        quantity = QUANTITY.match(match.group("n"))
        if quantity:
            add("killed", match.group("n"), match.start(), match.end())
    for match in BLEW_UP.finditer(text):
        add("killed", match.group("who"), match.start(), match.end())
    _attackers_among_dead(text, clause, found)
    survived = SURVIVED.search(text)
    survivor = subject_before(text, survived.start())[1] if survived else ""
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
    for match in INCLUDING.finditer(text):
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
    start, phrase = subject_before(text, apposition_start)
    phrase = trim_to_quantity(phrase)
    if not phrase or not QUANTITY.match(phrase):
        return False
    if any(s < match.end() and start < e for s, e in covered):
        return True
    low, high, exact = count_phrase(phrase)
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
    start, phrase = subject_before(text, comma)
    return start, trim_to_quantity(phrase)


def _perp_phrase(text: str, perp: re.Match[str]) -> str:
    _, phrase = subject_before(text, perp.start())
    return trim_to_quantity(f"{phrase} {perp.group()}".strip())


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
