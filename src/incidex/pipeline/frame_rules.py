"""Wording rules the frames stage reads: violence that is only wished, ordered or threatened,
and toll sentences that go on telling the incident before.

Kept apart from :mod:`incidex.pipeline.frames` so that the grouping logic there stays short.
"""

from __future__ import annotations

import re

from incidex.pipeline.dates import find_dates
from incidex.pipeline.doc import Doc, Span

#: "terrorists must be killed", "vowed to bomb the embassy", "an invitation to kill foreigners",
#: "a plot to assassinate the writer", "stop bombing civilian targets": a violent word under a
#: modal, a verb of intent or a demand tells what is wanted or feared, not what happened.
#: "May" is left out (the month: "On May 5 gunmen killed ..."). "Notorious for kidnapping"
#: tells a habit, which no incident is either.
_IRREALIS = re.compile(
    r"\b(?:must|should|shall|will|would|could|might|ought\s+to|"
    r"(?:threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|plan(?:s|ned|ning)?|promis(?:e|es|ed|ing)|"
    r"intend(?:s|ed|ing)?|wants?|wanted|urg(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|swore|swear|"
    r"invitation|call(?:s|ed|ing)?\s+for\s+\w+|plot(?:s|ted|ting)?|conspir(?:e|ed|es|ing|acy)|"
    r"prepar(?:e|es|ed|ing)|about)\s+to|"
    r"\b(?:stop|cease|halt)(?:\s+all)?)"
    r"\s+(?:[\w'’-]+\s+){0,2}$|"
    # "stop using land mines and booby traps", "ban the use of car bombs"
    r"\b(?:stop|cease|halt|end|ban)\s+(?:using|planting|laying|the\s+use\s+of)\s+"
    r"(?:[\w'’-]+\s+){0,4}$|"
    # "the Abu Sayyaf is notorious for kidnapping foreigners": a habit, not a deed told
    r"\b(?:notorious|known|infamous|feared)\s+for\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def is_irrealis(clause: Span, trigger_start: int) -> bool:
    """True when the trigger at ``trigger_start`` (an offset in the document) comes right
    after a modal or a verb of intent in its clause, a few words at most between."""
    before = clause.text[max(0, trigger_start - clause.start - 60):trigger_start - clause.start]
    return _IRREALIS.search(before) is not None


#: "a social time bomb", "this explosion of freedom", "an explosion of popular anger": a
#: violent word said of a society or a feeling, a figure of speech.
_FIGURATIVE = re.compile(
    r"\b(?:social|political|economic|demographic|ecological|ticking)\s+time[-\s]bombs?\b|"
    r"\bexplosions?\s+of\s+(?:\w+\s+)?(?:freedom|joy|anger|rage|fury|hope|democracy|enthusiasm|"
    r"discontent|protests?|support|creativity|growth|demands?|prices|indignation|jubilation|"
    r"happiness|emotions?|popular)\b",
    re.IGNORECASE,
)
#: "the report that ... was wounded by gunfire is absolutely unfounded", "the army denied
#: reports that ...": violence told only to be denied.
_DENIED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:unfounded|false|untrue|baseless|groundless)\b|"
    r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing))\s+(?:the\s+|all\s+)?"
    r"(?:reports?|rumou?rs|claims?|allegations?)\b",
    re.IGNORECASE,
)


def is_not_told(doc: Doc, clause: Span, start: int) -> bool:
    """True when the trigger at ``start`` (an offset in the document) tells no deed: a figure
    of speech, or a report denied in its sentence."""
    sentence = next((s for s in doc.sentences if s.start <= start < s.end), clause)
    if any(m.start() <= start - sentence.start < m.end()
           for m in _FIGURATIVE.finditer(sentence.text)):
        return True
    return _DENIED.search(sentence.text) is not None


def is_harm(word: str) -> bool:
    """A word that tells someone was hurt or killed, not how."""
    return bool(re.match(r"(?i)(?:killed|killing|died|wounded|injured|injuring|wounding|murder|"
                         r"bod(?:y|ies)\s|massacr|slain|executed|hurt)", word))


#: "were killed", "had been wounded", "died": a toll told of the victims, not of a killer
#: ("the traffickers had killed Jaramillo" names a deed, maybe another one).
#: "and another five injured", "and 16 others hurt": the same toll, its verb left out.
_PASSIVE_HARM = re.compile(r"\b(?:(?:was|were|been|being|are|is)\s+(?:\w+ly\s+|also\s+|later\s+)?|"
                           r"(?:another|others?)\s+(?:[\w-]+\s+){0,2})$", re.IGNORECASE)
#: "In all, 90 people were killed", "two were killed on this day alone": the total of a day or
#: of a campaign, not the toll of the one before. ("across both attacks" is left to the
#: casualties stage, which divides such a total among the attacks, as GTD does.)
_TOTAL = re.compile(r"\b(?:in\s+all|in\s+total|altogether|overall|so\s+far|"
                    r"to\s+date|(?:this|that|the)\s+(?:day|week|month|year))\b", re.IGNORECASE)
#: How far back (in sentences) a toll may reach for the incident it counts.
TOLL_REACH = 5


def is_toll(doc: Doc, clause: Span, triggers: list[Span]) -> bool:
    """True for a clause that only counts who was hurt ("Sixteen police officers were killed
    and 16 others were injured"): passive harm words, a count of victims, and no attack word,
    no place and no date in its sentence. Such a sentence goes on telling the incident before
    even a few sentences back (summaries put the toll last, after the perpetrators and the
    claim)."""
    from incidex.pipeline.casualties import clause_statements

    concrete = [t for t in triggers if t.attrs["concrete"]]
    if not concrete or any(t.attrs["attack_type"] is not None or not is_harm(t.text)
                           for t in concrete):
        return False
    if not all(t.text.lower().startswith("died") or _PASSIVE_HARM.search(
            doc.text[clause.start:t.start]) for t in concrete):
        return False
    statements = clause_statements(clause)
    if not any((s.min or 0) >= 1 and not s.category.startswith("perpetrators_")
               for s in statements):
        return False
    sentence = doc.sentences[int(clause.attrs["sentence"])]
    if _TOTAL.search(sentence.text) or find_dates(sentence.text, doc.article.published):
        return False
    return not doc.mentions_in("toponym", sentence.start, sentence.end)


def who_was_hurt(clause: Span) -> str:
    """'perpetrators' for "five teenage attackers were killed" (the attackers' deaths, not an
    attack), 'nobody' for "Nobody was hurt" (a detail of the incident before), else ''."""
    from incidex.pipeline.casualties import clause_statements

    statements = clause_statements(clause)
    if not statements:
        return ""
    if all(s.category.startswith("perpetrators_") for s in statements):
        return "perpetrators"
    if all(s.min == 0 and s.max == 0 for s in statements):
        return "nobody"
    return ""


def toll_after_aside(doc: Doc, clause: Span, triggers: list[Span], last_sentence: int) -> bool:
    """A toll told after a word on the attacks in general ("... under construction at the time
    of the blasts. Two workers were killed") still counts the incident told before it, whose
    last sentence is ``last_sentence``."""
    gap = int(clause.attrs["sentence"]) - last_sentence
    return gap <= TOLL_REACH and is_toll(doc, clause, triggers)


#: "The bombing was followed by a second explosion", "a second explosion targeting rescuers
#: occurred at the same place": a follow-on blast of the same attack, at the same place and time,
#: which the GTD codebook counts as one incident ("a second attack" is still another one).
_FOLLOW_ON = re.compile(
    r"\b(?:(?:was|were)\s+followed\s+by\s+(?:a|another)\s+(?:second\s+|third\s+)?|"
    r"(?:a|the)\s+(?:second|third|fourth|subsequent)\s+)(?:[\w-]+\s+)?"
    r"(?:explosions?|blasts?|detonations?)\b", re.IGNORECASE)


def follow_on_blasts(text: str) -> list[tuple[int, int]]:
    """Where ``text`` tells a follow-on blast of the attack before (offsets in ``text``)."""
    return [m.span() for m in _FOLLOW_ON.finditer(text)]
