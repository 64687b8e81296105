"""Casualty counts, split between victims and perpetrators.

A casualty statement is a harm word with the people it happened to: "two police officers were
killed" (subject before a passive verb), "injuring several policemen" (object after an active
verb), "five dead" (a bare count), "before being shot dead" (the clause's attackers). Whether
the people are victims or perpetrators is read from the head noun ("attackers", "gunmen",
"the bomber"). Reports that repeat a toll are not added up: the largest figure stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from incidex.pipeline.casualty_lists import (
    COUNTED_TOLL,
    LEFT_DEAD,
    listed_after,
    split_listed,
    without_asides,
)
from incidex.pipeline.casualty_parts import (
    ADJECTIVAL,
    ALONG_WITH,
    PLACE_BEFORE,
    PREVENTED,
    STRUCK_THING,
    WHEN,
    apposition_total,
    attackers_among_dead,
    breakdown,
    combine,
    perp_phrase,
    subject_of_apposition,
)
from incidex.pipeline.casualty_patterns import (
    ACTIVE,
    ATTEMPTED,
    BLEW_UP,
    BODIES,
    BODY_OF,
    CALENDAR,
    CLAIMED_TOLL,
    CONJUNCT,
    DETERMINER,
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
    WOUNDING_VERB,
    YEAR,
    ZERO,
    Statement,
    count_phrase,
    subject_before,
    trim_to_quantity,
)
from incidex.pipeline.casualty_series import series_share, shared_out
from incidex.pipeline.casualty_subjects import (
    clause_opening_subject,
    counted_before,
    counts_people,
    joined_before,
    rejoined_subject,
)
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import PERPETRATOR_NOUNS
from incidex.pipeline.quantities import QUANTITY
from incidex.pipeline.registry import register_stage

#: A second full name after a named victim: "shot and killed Jeremy Himmelman and Andrew
#: Oneschuk" (one more person; not a new subject: "... and John Smith was arrested").
_NAME_CONJUNCT = re.compile(
    r"\s+and\s+(?P<np>(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)(?=\s*(?:[,.;:]|$)|\s+(?:in|at|on|near|"
    r"as|while|when|during|outside|inside|from|after|before)\b)"
)


#: "Five members of the Police Commando force": who the counted are is told before "of".
_COUNTED_OF = re.compile(rf"(?i)((?:{QUANTITY.pattern})\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+(?:s|men))\s+of\s")


def _head_of(phrase: str) -> str:
    """The counted people of a phrase, without what they are "of"."""
    match = _COUNTED_OF.match(phrase)
    return match.group(1) if match else phrase


_EXECUTED_THING = re.compile(
    r"(?i)\b(?:attacks?|plans?|plots?|operations?|bombings?|raids?|orders?|missions?|strikes?|"
    r"assaults?|warrants?|searche?s?|ambush(?:es)?|hijackings?|kidnappings?|abductions?)\b"
)


def clause_statements(clause: Span) -> list[Statement]:
    """Every casualty figure a clause states, read with its parenthetical asides cut out
    ("killing nine Central Reserve Police Force (CRPF) personnel"); evidence points into the
    clause as written."""
    text, offsets = without_asides(clause.text)
    if len(text) == len(clause.text):
        return _read_clause(clause)
    statements = _read_clause(Span(clause.start, clause.start + len(text), text, clause.label))
    out: list[Statement] = []
    for statement in statements:
        start = clause.start + offsets[statement.evidence.start - clause.start]
        end = clause.start + offsets[statement.evidence.end - clause.start]
        span = Span(start, end, clause.text[start - clause.start:end - clause.start], "casualty")
        out.append(replace(statement, evidence=span))
    return out


def _read_clause(clause: Span) -> list[Statement]:
    text = clause.text
    found: list[Statement] = []
    covered: list[tuple[int, int]] = []
    first_perp = PERPETRATOR_NOUNS.search(text)

    def add(kind: str, phrase: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in covered):
            return
        is_perp = bool(PERPETRATOR_NOUNS.search(_head_of(phrase))) or bool(SELF.search(phrase))
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
        if ATTEMPTED.search(text, max(0, match.start() - 40), match.start()) or PREVENTED.search(
                text, max(0, match.start() - 80), match.start()):
            continue  # "attempted to kill two people": an aim, not a toll
        if match.group("verb").lower().endswith("ed") and ADJECTIVAL.search(text, 0, match.start()):
            continue  # "a tribute to murdered Prefect Erignac": a victim of another day
        verb = match.group("verb").lower()
        kind = "wounded" if WOUNDING_VERB.match(verb) or "injur" in verb or "wounding" in verb \
            else "killed"
        obj = match.group("object")
        if SELF.fullmatch(obj):
            # "killing himself and 28 others": the attacker's death, then the victims'.
            add(kind, obj, match.start(), match.end())
            others = CONJUNCT.match(text, match.end())
            if others:
                add(kind, others.group("np"), others.start(), others.end())
            continue
        if NOBODY.match(obj):
            continue  # "injuring no one": nobody to count
        phrase = trim_to_quantity(obj)
        named = obj[:len(obj) - len(phrase)].strip()
        if phrase.isdigit() and named and PROPER.fullmatch(named):
            phrase = "one " + named  # "killed Donald Smart 49": his age, not a count
        if obj.lower() in ("him", "her"):
            phrase = "one person"  # "fired upon the commissioner, wounding him": GTD counts him
        if obj.lower() == "them":
            phrase = counted_before(text, match.start())  # "took six supporters ... killed them"
        if (NAMED.match(obj) or (PROPER.fullmatch(obj) and not CALENDAR.search(obj))) and \
                phrase.split()[0].lower() not in ("a", "an", "the"):
            phrase = "one " + obj  # "killed Lieutenant Colonel Salam Fakhari": one person
        items = listed_after(text, match.end())
        if phrase.startswith("one ") and items and re.match(r"(?i)(?:an?|the)\b", items[0][0]):
            items = items[1:]  # "killed Magomed Khidirov, an imam": who he was, not another victim
        if not phrase or not (QUANTITY.match(phrase) or DETERMINER.match(phrase.split()[0])) or \
                WHEN.search(phrase):
            continue  # "to be killed this year": a time, not a victim
        if (verb in ("hitting", "hit", "struck", "ran over", "run over") and (not re.search(
            r"\b(?:car|truck|vehicle|van|lorry)\b", text, re.IGNORECASE
        ) or STRUCK_THING.search(obj))) or (verb.startswith("assault") and STRUCK_THING.search(obj)):
            continue  # "struck the vehicle of the governor": a thing hit, nobody hurt
        if verb.startswith("execut") and _EXECUTED_THING.search(obj):
            continue  # "executed a coordinated attack": a plan carried out, nobody killed
        end = match.end()
        if items and breakdown(phrase, [item for item, _, _ in items]):
            items = []  # "killing three workers, one Chinese and two Palestinians": who they were
        if items:
            # "killing two civilians, one marine, 15 MILF fighters": one count of all listed.
            add_parts(kind, [phrase, *(item for item, _, _ in items)][::-1], match.start(), items[-1][2])
            continue
        conjunct = CONJUNCT.match(text, end)
        if conjunct is None and phrase.startswith("one ") and NAMED.match(obj):
            conjunct = _NAME_CONJUNCT.match(text, end)  # "killed Jeremy Himmelman and Andrew Oneschuk"
        if conjunct and not PERPETRATOR_NOUNS.search(conjunct.group()):
            # "wounding one policeman and three civilians": one count of four.
            low, high, exact = count_phrase(phrase)
            named_more = not QUANTITY.match(conjunct.group("np"))  # a second name: one more
            more = (1, 1, True) if named_more else count_phrase(conjunct.group("np"))
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
    for match in LEFT_DEAD.finditer(text):
        kind = "killed" if match.group("what").lower() in ("dead", "killed") else "wounded"
        add_parts(kind, split_listed(match.group("np"))[::-1], match.start(), match.end())
    for match in COUNTED_TOLL.finditer(text):
        kind = "wounded" if match.group("what").lower() == "injuries" else "killed"
        add(kind, match.group("n"), match.start(), match.end())
    for match in PASSIVE.finditer(text):
        verb = match.group("verb").lower()
        kind = "wounded" if re.match(WOUNDED, verb, re.IGNORECASE) else "killed"
        if re.search(r"(?i)\b(?:fatally|mortally)\b", match.group()):
            kind = "killed"  # "was fatally wounded": he died
        if match.group() == match.group("verb") and (OBJECT_FOLLOWS.match(text, match.end()) or (
                re.match(r"\s+[A-Z]", text[match.end():]) and not verb.startswith(("dead", "died")))):
            continue  # "fighters killed seven soldiers", "shot and killed Officer X": active
        if re.search(r"(?i)\b(?:injured|hurt|wounded|killed)\s+(?:or|nor)\s+$", text[:match.start()]):
            continue  # "no one was injured or killed": the zero is read below
        if re.search(r"(?i)\b(?:must|should|would|will|could|might|may|can|to)\s+be\s+$",
                     text[:match.start()]):
            continue  # "terrorists must be killed": a threat or an aim, not a toll
        if verb in ("stabbed", "beaten", "assaulted") and not re.match(
                r"(?i)(?:was|were|had|have|has|are|is|being|been|got|left)\b", match.group()):
            continue  # "Assailants stabbed Luke Sarker": the attackers stabbed, not stabbed
        if apposition_total(text, clause, match, kind, found, covered):
            continue
        subject_start, phrase = subject_before(text, match.start())
        phrase = trim_to_quantity(phrase)
        if phrase.lower() in ("be", "to be", "been", "being", "have", "has", "had"):
            continue  # "the second auditor to be killed": no subject of its own
        if NOBODY.match(phrase) or re.search(r"(?i)\b(?:no\s+one|nobody)$", phrase):
            continue  # "Nobody was hurt": a zero, read below
        if not phrase:
            # "Abduvaliyev, a police officer, was killed"; "At least three people, all
            # prisoners, were wounded" (a plural subject only when it is a count).
            start_, subject = subject_of_apposition(text, match.start())
            if SINGULAR_AUX.match(match.group()) or (QUANTITY.match(subject) and not DETERMINER.match(
                    subject.split()[0] if subject else "")):
                subject_start, phrase = start_, subject
        after_preposition = bool(phrase and PLACE_BEFORE.search(text[:subject_start]))
        if phrase and (after_preposition or not (QUANTITY.match(phrase) or DETERMINER.match(
                phrase.split()[0]))):
            # "Two people riding on the motorcycle were killed": the count opens the clause.
            opening = clause_opening_subject(text, match.start())
            if opening is not None:
                subject_start, phrase = 0, opening
            elif SINGULAR_AUX.match(match.group()) and not (QUANTITY.match(phrase) or DETERMINER.match(
                    phrase.split()[0])):
                phrase = "one " + phrase  # "Nathan Graff was wounded": one person
        if not phrase and first_perp and re.match(r"(?i)(?:being|been)\b", match.group()):
            phrase = perp_phrase(text, first_perp)
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
            other_start, untrimmed = subject_before(text, joint)
            other = trim_to_quantity(untrimmed)
            counts = list(QUANTITY.finditer(other))
            if len(other.split()) > 5 and counts and counts[-1].start() > 0:
                # "In a failed rescue attempt six kidnappers and a bystander": the last count
                other = other[counts[-1].start():]
                other_start += len(untrimmed) - len(other)
            if any(s < joint and other_start < e for s, e in covered):
                break  # "Five men died and 15 others were injured": the dead are told already
            if not other or len(other.split()) > 5 or YEAR.fullmatch(other) or not counts_people(
                    text[other_start:]) or (
                NOT_SUBJECT.search(text[:other_start]) and not re.match(r"(?i)least\b", text[other_start:])
            ):
                break
            with_and = "and" in text[joint:first].lower()
            named = bool(with_and and PROPER.fullmatch(other) and not CALENDAR.search(other))
            if not (QUANTITY.match(other) or (with_and and DETERMINER.match(other.split()[0])) or named):
                break
            if not with_and and parts[-1].startswith("one ") and re.match(r"(?i)(?:an?|the)\s", other):
                break  # "A Sunni Imam, Wafiq al-Hamdani, and his bodyguard": the imam is al-Hamdani
            parts.append("one " + other if named else other)
            first = other_start
            joint = joined_before(text, other_start)
        if len(parts) == 1 and SINGULAR_AUX.match(match.group()) and count_phrase(phrase) == (2, None, False):
            parts = ["one " + phrase]  # "a neighbor of the victims, X, was also killed": one
        if len(parts) > 1 and PROPER.fullmatch(parts[0]) and not QUANTITY.match(parts[0]):
            parts[0] = "one " + parts[0]  # "Singh and Kerketta were killed": two people
        end = match.end()
        along_with = ALONG_WITH.match(text, end)
        if along_with:
            # "The mayor was killed along with his secretary": the others count too.
            along = listed_after(text, along_with.start("at"))
            parts = [*(item for item, _, _ in along[::-1]), *parts]
            end = along[-1][2] if along else end
        add_parts(kind, parts, first, end)
    for match in TO_DEATH.finditer(text):
        phrase = trim_to_quantity(match.group("object"))
        if PROPER.fullmatch(match.group("object")):
            phrase = "one " + match.group("object")  # "beat Zada to death"
        if match.group("object").lower() in ("him", "her"):
            phrase = "one person"  # "shot him to death"
        if match.group("object").lower() == "them":
            phrase = counted_before(text, match.start(), attackers=True)  # "... beat them to death"
        if phrase and (QUANTITY.match(phrase) or DETERMINER.match(phrase.split()[0])):
            add("killed", phrase, match.start(), match.end())
    for match in BODY_OF.finditer(text):
        if match.group().lower().startswith(("found", "discovered", "recovered")) or match.group(
                ).rstrip().lower().endswith(("found", "discovered", "recovered", "dumped")):
            add("killed", "one", match.start(), match.end())
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
    attackers_among_dead(text, clause, found)
    survived = SURVIVED.search(text)
    survivor = subject_before(text, survived.start())[1] if survived else ""
    if survived and first_perp and PERPETRATOR_NOUNS.search(survivor):
        span = Span(clause.start + first_perp.start(), clause.start + survived.end(),
                    text[first_perp.start():survived.end()], "casualty")
        found.append(Statement("perpetrators_killed", 0, 0, True, span, first_perp.group()))
        if re.search(r"\bhospital", text, re.IGNORECASE):
            found.append(Statement("perpetrators_wounded", 1, 1, True, span, first_perp.group()))
    return found


def _statements(clause: Span, clauses: list[Span], text: str) -> list[Statement]:
    """The clause's figures, read with the first half of a subject the splitter cut off ("X,
    the village head, | and his wife were killed") when that half tells none of its own."""
    joined = rejoined_subject(clause, clauses, text) if text else None
    if joined is not None:
        first = Span(joined.start, joined.start + len(joined.text) - len(clause.text),
                     joined.text[:len(joined.text) - len(clause.text)], clause.label, clause.attrs)
        if not clause_statements(first):
            return clause_statements(joined)
    return clause_statements(clause)


@register_stage("casualties")
class CasualtyCounter:
    name = "casualties"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("casualties",)

    def __call__(self, doc: Doc) -> Doc:
        from incidex.pipeline.casualty_tolls import told_elsewhere

        told = told_elsewhere(doc)
        for index, frame in enumerate(doc.frames):
            self.count(frame, told.get(index, []), doc.clauses, doc.text)
        return doc

    @staticmethod
    def count(frame: Frame, extra: list[Span] | None = None, context: list[Span] | None = None,
              text: str = "") -> None:
        """Combine the frame's figures (and those told apart, ``extra``); ``context``, the
        article's clauses, tells how many attackers there were ("Fourteen militants ...")."""
        # A perpetrator's own claim ("saying its fighters had killed 20 soldiers") is not a
        # casualty source.
        from incidex.pipeline.casualty_tolls import counted_attackers, suicide_attackers_died

        clauses = sorted([*frame.clauses, *(extra or [])], key=lambda c: c.start)
        # A toll summed over a series ("across the two blasts") counts this incident's share,
        # as GTD divides it; none where the report does not say how many attacks shared it.
        share = series_share(context or frame.clauses)
        own = [s for clause in frame.clauses if not CLAIMED_TOLL.search(clause.text)
               for s in shared_out(_statements(clause, context or frame.clauses, text), clause, share)]
        # A toll told apart adds its figures; its "no casualties" or its dead attackers alone
        # do not make the incident one with no victims (which the success rules read).
        told = [s for clause in extra or []
                for s in shared_out(_statements(clause, context or frame.clauses, text), clause, share)
                if s.min]
        before = [c for c in context or [] if c.start < frame.start and c not in clauses]
        statements = [counted_attackers(s, [*clauses, *before]) for s in [*own, *told]]
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
