"""Which passages describe an attack, and how many distinct incidents an article reports.

Each clause is classed as describing an incident, referring to a series of attacks ("the
attacks", "a series of coordinated attacks"), background ("two separatist wars in the 1990s"),
or nothing. Incident clauses are grouped into :class:`Frame` objects: a clause continues the
current incident unless it says it is another one ("another attack", "a separate incident"),
happens in another city, or is a complete event of another kind with its own casualties
("an attacker was killed after hitting a policeman with his car and a police officer was
killed in a shoot-out" is two incidents). A toll with no place or date of its own ("Sixteen
police officers were killed") counts the incident before, even a few sentences back; violence
only wished or threatened ("terrorists must be killed") is no incident (see
:mod:`incidex.pipeline.frame_rules`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from incidex.codebook import AttackType, TargetType, WeaponType
from incidex.pipeline import frame_rules as rules
from incidex.pipeline.dates import find_dates
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.lexicon import TRIGGERS
from incidex.pipeline.registry import register_stage

_SERIES = re.compile(
    r"\b(?:series|wave|spate|string|number|campaign)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:attacks|assaults|bombings|incidents|killings|raids|explosions|blasts)\b|"
    r"\b(?:the|these|those|their|such|recent|several|multiple|coordinated|other|similar|all)\s+"
    r"(?:\w+\s+){0,2}?(?:attacks|assaults|bombings|incidents|raids|explosions|blasts)\b",
    re.IGNORECASE,
)
_SPECIFIC = re.compile(
    r"\b(?:one|each)\s+of\s+the\s+(?:attacks|assaults|bombings|incidents|blasts|explosions)\b|"
    r"\b(?:another|a\s+(?:separate|second|third|fourth|new|similar|further|related)|"
    r"in\s+a\s+(?:separate|related|similar|second|third)|in\s+another)\s+(?:\w+\s+)?"
    r"(?:attack|assault|bombing|incident|explosion|blast|shooting|ambush|raid|attempt)\b",
    re.IGNORECASE,
)
_NEW_INCIDENT = re.compile(
    r"\b(?:(?<!killed\s)(?<!wounded\s)(?<!injured\s)(?<!killing\s)(?<!wounding\s)(?<!injuring\s)"
    r"another(?!\s+(?:[\w-]+\s+)?(?:was|were|is|died|person|people|one|civilian|victim|"
    r"soldier|officer|policeman|man|woman|child|hostage|assailant|attacker)s?\b)"
    r"(?!\s+(?:before|after|and|while|who|when)\b|\s*[.;!?])|separate|elsewhere|"
    r"meanwhile|"
    r"in\s+a\s+(?:separate|related|similar|different)|in\s+another|the\s+same\s+day)\b",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:in|during|since|throughout)\s+the\s+(?:19|20)\d0s\b|\bwars\b|\bhave\s+accused\b|"
    r"\baccused\s+\w+\s+of\b|\bin\s+recent\s+(?:years|months|weeks)\b|\bhas\s+relied\b|"
    r"\bsince\s+(?:19|20)\d\d\b|\bfounded\s+in\s+(?:19|20)\d\d\b|\bhistory\s+of\b|\bover\s+the\s+(?:past|last)\s+\w+\s+"
    r"(?:years|months|decades)\b|\bsworn\s+(?:alliance|allegiance)\b|\bthreaten\w*\s+to\b|"
    r"\b(?:would|could|might)\s+(?:have\s+)?(?:\w+\s+)?(?:attack|bomb|kill|die)|"
    r"\b(?:regularly|often|frequently|routinely|repeatedly|usually)\s+(?:\w+\s+)?(?:carries|carry|"
    r"stages|launches|attacks|targets|uses|kills|gives)\b|"
    r"\b(?:has|have)\s+(?:long\s+|often\s+|repeatedly\s+|frequently\s+|since\s+)?"
    r"(?:used|waged|staged|focused|targeted)\b|\bbegan\s+in\s+(?:19|20)\d\d\b|"
    r"\b(?:has|have)\s+killed\s+(?:more\s+than\s+|over\s+|tens\s+of\s+|hundreds\s+of\s+|"
    r"thousands|about\s+|nearly\s+|some\s+|at\s+least\s+)?(?:[\d,]{5,}|thousands)",
    re.IGNORECASE,
)
#: A relative clause about a name just told ("the ALF, a group that has ..."): an aside.
_ASIDE = re.compile(r",\s+(?:a|an|the)\b(?:\s+[\w'’-]+){0,4}?\s+(?:that|which|who)\b|"
                    r"\b(?:which|who)\b", re.IGNORECASE)
#: A killing by the security forces is a response to an attack, not an attack of its own.
_RESPONSE = re.compile(
    r"\b(?:shot|killed|gunned\s+down|neutrali[sz]ed|arrested)\s+(?:dead\s+)?by\s+(?:the\s+)?"
    r"(?:police|security|troops|soldiers|army|officers|authorities|guards|forces|military)\b|"
    r"\b(?:being|been)\s+(?:shot|killed)\b|"
    r"\b(?:police|troops|soldiers|forces|authorities|army)\s+(?:\w+ly\s+|also\s+|later\s+)?"
    r"(?:killed|shot\s+dead|shot|claiming\s+to\s+have\s+killed)\b",
    re.IGNORECASE,
)


#: "There were no reported casualties": a detail of the incident told before.
_NO_CASUALTIES = re.compile(
    r"\bno\s+(?:reported\s+|reports\s+of\s+)?(?:casualties|injuries|deaths|fatalities)\b|"
    r"\b(?:nobody|no\s+one)\s+was\s+(?:killed|hurt|injured|wounded|harmed)\b", re.IGNORECASE)
_TOLL = re.compile(r"\b(?:death\s+toll|toll\s+(?:rose|climbed|stood|stands|reached))\b",
                   re.IGNORECASE)


_INDEFINITE_EVENT = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:bombs?|bomber|explosion|blast|attack|grenade|device|"
    r"i\.?e\.?d|gunm[ae]n|shooting|ambush|raid|assault|kidnapping|fire|rocket|mortar|mine)\b",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(r"(?i)(?:killing|attack|bombing|explosion|blast|assault|ambush|raid|shooting|"
                         r"incident|murder|massacre|assassination|kidnapping|abduction|arson)s?$")
#: "They also took 15 journalists hostage": the attackers just told, doing more.
_SAME_ATTACKERS = re.compile(
    r"^\W*(?:they|the\s+(?:same\s+)?(?:[\w-]+\s+)?(?:assailants|attackers|gunmen|militants|rebels|"
    r"insurgents|perpetrators|kidnappers|guerrill?as|terrorists|extremists))\b(?!\s+(?:was|were)\b)",
    re.IGNORECASE)
_LATER = re.compile(r"\b(?:(?:hours|minutes|days|a\s+day|weeks)\s+later|the\s+(?:next|following)\s+"
                    r"(?:day|morning|night)|later\s+(?:that|the\s+same)\s+(?:day|night))\b",
                    re.IGNORECASE)
_DEFINITE_EVENT = re.compile(r"\b(?:the|this|that|its|their)\s+$", re.IGNORECASE)


@dataclass
class Frame:
    """One incident as the text describes it: its clauses, and what later stages read there."""

    clauses: list[Span]
    triggers: list[Span] = field(default_factory=list)
    attack_types: list[AttackType] = field(default_factory=list)
    weapon_types: list[WeaponType] = field(default_factory=list)
    target_types: list[TargetType] = field(default_factory=list)
    #: evidence of coded fields with no structure of their own (attack_types, target_types)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    #: role name -> spans; filled by the roles stage
    roles: dict[str, list[Span]] = field(default_factory=dict)
    #: casualty category -> (min, max, exact, evidence spans); filled by casualties stage
    casualties: dict[str, tuple[int | None, int | None, bool, list[Span]]] = field(
        default_factory=dict
    )
    flags: dict[str, tuple[bool, list[Span]]] = field(default_factory=dict)
    #: perpetrator groups: (canonical, mention span, claimed, claim mode, claim evidence)
    groups: list[dict[str, object]] = field(default_factory=list)
    location: dict[str, object] = field(default_factory=dict)
    date: dict[str, object] = field(default_factory=dict)
    multiple: bool = False
    #: probability that the frame reports an attack a terrorism database records (the
    #: ``relevance`` stage); None until scored
    relevance: float | None = None

    @property
    def start(self) -> int:
        return self.clauses[0].start

    @property
    def end(self) -> int:
        return self.clauses[-1].end

    @property
    def sentences(self) -> list[int]:
        return sorted({int(c.attrs["sentence"]) for c in self.clauses})

    def setup_sentence(self, doc: Doc) -> int | None:
        """The sentence just before the incident's first, when it belongs to no other part of
        the story: "Early on Sunday, vigilantes stopped a girl at the market in Konduga." sets
        the scene (time, place) of the incident told next."""
        index = self.sentences[0] - 1
        if index < 0:
            return None
        kinds = {c.attrs.get("kind") for c in doc.clauses if c.attrs.get("sentence") == index}
        return index if kinds <= {"none"} else None

    def concrete_types(self) -> set[AttackType]:
        return {t.attrs["attack_type"] for t in self.triggers if t.attrs.get("concrete")
                and t.attrs.get("attack_type") is not None}


def find_triggers(doc: Doc, clause: Span) -> list[Span]:
    found: list[Span] = []
    responses = [(m.start(), m.end()) for m in _RESPONSE.finditer(clause.text)]
    for trigger in TRIGGERS:
        for match in trigger.pattern.finditer(clause.text):
            start, end = clause.start + match.start(), clause.start + match.end()
            if any(s.overlaps(Span(start, end, "")) for s in found):
                continue
            response = any(s <= match.start() < e for s, e in responses)
            irrealis = rules.is_irrealis(clause, start) or rules.is_not_told(doc, clause, start)
            found.append(Span(start, end, match.group(), "trigger", {
                "attack_type": trigger.attack_type,
                "weapon": trigger.weapon,
                "concrete": trigger.concrete and not response and not irrealis,
                "response": response,
            }))
    found.sort(key=lambda s: s.start)
    return found


def classify_clause(clause: Span, triggers: list[Span]) -> str:
    """'incident', 'series', 'background', 'response' or 'none'."""
    text = clause.text
    specific = _SPECIFIC.search(text) is not None
    concrete = [t for t in triggers if t.attrs["concrete"]]
    harm = [t for t in concrete if t.attrs["attack_type"] is not None or rules.is_harm(t.text)]
    if _BACKGROUND.search(text) and not specific and not _background_aside(text, clause, concrete):
        return "background"
    series = _SERIES.search(text)
    if series and not specific and not any(
        t.attrs["concrete"] and t.attrs["attack_type"] is not None
        and not (series.start() <= t.start - clause.start < series.end())
        for t in triggers
    ):
        return "series"
    if harm and not any(t.attrs["attack_type"] for t in harm):
        hurt = rules.who_was_hurt(clause)
        if hurt == "perpetrators":
            return "response"
        if hurt == "nobody":
            return "casualty"
    if harm and all(_EVENT_NOUN.match(t.text) and _DEFINITE_EVENT.search(text[:t.start - clause.start])
                    for t in harm) and not (
        rules.who_was_hurt(clause)
    ):
        return "reference"  # "The Taliban claimed the killing": the incident told before
    if harm or (specific and triggers):
        return "incident"
    if any(t.attrs["response"] for t in triggers):
        return "response"
    if not harm and (_NO_CASUALTIES.search(text) or (not triggers and _TOLL.search(text))):
        return "casualty"
    return "none"


def _background_aside(text: str, clause: Span, concrete: list[Span]) -> bool:
    """True when the background is only told in an aside about someone the incident names:
    "... was torched by the ALF, a group that has frequently targeted the corporation"."""
    aside = _ASIDE.search(text)
    if aside is None or any(m.start() < aside.start() for m in _BACKGROUND.finditer(text)):
        return False
    return any(t.attrs["attack_type"] is not None and t.start - clause.start < aside.start()
               for t in concrete)


def _city_names(doc: Doc, clause: Span) -> set[str]:
    names: set[str] = set()
    for toponym in doc.mentions_in("toponym", clause.start, clause.end):
        if toponym.attrs.get("kind") == "city" and toponym.attrs.get("locative"):
            names.add(str(toponym.attrs.get("place_name", toponym.text)).lower())
    return names


def _explicitly_new(clause: Span, toll: bool = False) -> bool:
    """True when the clause says it tells another incident. In a toll ("two were killed and
    another five injured") a bare "another" counts more victims, not another incident; a
    follow-on blast (:func:`rules.follow_on_blasts`) is not another incident either."""
    follow_on = rules.follow_on_blasts(clause.text)

    def told(match: re.Match[str]) -> bool:
        return not any(s <= match.start() < e or match.start() <= s < match.end()
                       for s, e in follow_on)

    if any(told(m) for m in _SPECIFIC.finditer(clause.text)):
        return True
    return any(not (toll and m.group().lower() == "another") and told(m)
               for m in _NEW_INCIDENT.finditer(clause.text))


def _own_types(triggers: list[Span]) -> set[AttackType]:
    return {t.attrs["attack_type"] for t in triggers if t.attrs["concrete"]
            and t.attrs["attack_type"] is not None}


def _sentence_cities(doc: Doc, clause: Span) -> set[str]:
    return _city_names(doc, doc.sentences[int(clause.attrs["sentence"])])


def _decide(doc: Doc, clause: Span, triggers: list[Span], frame: Frame) -> str:
    """'continue' the current incident, 'switch' back to an earlier one if one fits, or
    'new' (an earlier one if it fits, else a new incident)."""
    toll = rules.is_toll(doc, clause, triggers)
    if _explicitly_new(clause, toll):
        return "new"
    last_sentence = int(frame.clauses[-1].attrs["sentence"])
    sentence = int(clause.attrs["sentence"])
    if sentence - last_sentence > (rules.TOLL_REACH if toll else 2):
        return "new"
    frame_cities = set().union(*(_city_names(doc, c) for c in frame.clauses))
    clause_cities = _city_names(doc, clause)
    if frame_cities and clause_cities and not (frame_cities & clause_cities):
        return "new"
    own = _own_types(triggers)
    theirs = frame.concrete_types()
    if not (own and theirs) or own & theirs:
        return "continue"
    # A different kind of attack: a new incident when it is told as a complete event of its
    # own (with its own harm), or in a sentence of its own that introduces it ("a roadside
    # bomb", a date, a place); otherwise the same attackers doing more ("the attackers set
    # fire to two armoured vehicles"), unless an earlier incident of that kind is resumed.
    if _SAME_ATTACKERS.search(clause.text):
        return "continue"
    if sentence == last_sentence:
        own_harm = any(t.attrs["concrete"] and rules.is_harm(t.text) for t in triggers)
        return "new" if own_harm else "continue"
    introduced = bool(
        _INDEFINITE_EVENT.search(clause.text) or _LATER.search(clause.text)
        or find_dates(clause.text, doc.article.published)
        or any(t.attrs.get("locative") for t in doc.mentions_in("toponym", clause.start, clause.end))
    )
    return "new" if introduced else "switch"


def _earlier_match(
    doc: Doc, clause: Span, triggers: list[Span], frames: list[Frame], current: Frame | None
) -> Frame | None:
    """An earlier incident the clause goes on describing: news tells an attack in the lead,
    another in the next sentence, then returns to the first with details ("two men opened
    fire on him with pistols"). Same kind of attack, no other city, not far back."""
    if _explicitly_new(clause):
        return None
    own = _own_types(triggers)
    if not own:
        return None
    cities = _sentence_cities(doc, clause)
    sentence = int(clause.attrs["sentence"])
    dates = {m.date for m in find_dates(clause.text, doc.article.published)}
    for frame in reversed(frames):
        if frame is current or sentence - int(frame.clauses[-1].attrs["sentence"]) > 8:
            continue
        their_dates = {m.date for c in frame.clauses for m in find_dates(c.text, doc.article.published)}
        if dates and their_dates and not dates & their_dates:
            continue  # "Late on Thursday, ..." opens an incident of another day
        theirs = frame.concrete_types()
        their_cities = set().union(*(_city_names(doc, c) for c in frame.clauses))
        if own & theirs and (not cities or not their_cities or cities & their_cities):
            return frame
    return None


def group_frames(doc: Doc) -> list[Frame]:
    frames: list[Frame] = []
    current: Frame | None = None
    after_series = False  # the last clause told of the attacks in general
    for clause in doc.clauses:
        triggers = find_triggers(doc, clause)
        kind = classify_clause(clause, triggers)
        clause.attrs["kind"] = kind
        near = current is not None and (
            int(clause.attrs["sentence"]) - int(current.clauses[-1].attrs["sentence"]) <= 1
        )
        if kind == "incident":
            if current is None and after_series and rules.toll_after_aside(
                    doc, clause, triggers, int(frames[-1].clauses[-1].attrs["sentence"])):
                current = frames[-1]
            decision = "new" if current is None else _decide(doc, clause, triggers, current)
            if decision != "continue":
                earlier = _earlier_match(doc, clause, triggers, frames, current)
                if earlier is not None:
                    current = earlier
                elif decision == "new" or current is None:
                    current = Frame(clauses=[])
                    frames.append(current)
            assert current is not None
            current.clauses.append(clause)
            current.triggers.extend(triggers)
        elif kind in ("casualty", "reference") and current is not None and near:
            current.clauses.append(clause)
        elif kind == "response" and current is not None and near:
            # "The assailant was killed": GTD's totals count the attackers who died.
            current.clauses.append(clause)
            current.triggers.extend(triggers)
        elif kind in ("series", "background"):
            current = None
        if kind != "none":
            after_series = kind == "series" and bool(frames)
    if not frames:
        fallback = _fallback_frame(doc)
        if fallback is not None:
            frames.append(fallback)
    frames.sort(key=lambda f: f.start)
    for frame in frames:
        frame.clauses.sort(key=lambda c: c.start)
    return frames


def _fallback_frame(doc: Doc) -> Frame | None:
    """A report of one attack told in generic words ("guerrillas attacked the farm"), only
    named in passing ("arrested in connection with the arson") or told by what its attackers
    did ("Thirty assailants destroyed Sufi mausoleums") still describes an incident when
    nothing in the article is more concrete."""
    told = [c for c in doc.clauses if c.attrs.get("kind") not in ("series", "background")]
    for clause in told:
        triggers = find_triggers(doc, clause)
        if any(t.text.lower().startswith(("attack", "assault", "raid", "storm"))
               or (t.attrs["concrete"] and t.attrs["attack_type"] is not None) for t in triggers):
            return Frame(clauses=[clause], triggers=triggers)  # also "involved in the arson"
    for clause in told:
        if _ATTACKERS_ACT.search(clause.text):
            return Frame(clauses=[clause], triggers=find_triggers(doc, clause))
    return None


#: "Thirty assailants destroyed Sufi mausoleums", "An assailant armed with a rifle threatened
#: a patrol": attackers as the subject of a deed in the past, told with no attack word.
_ATTACKERS_ACT = re.compile(
    r"^(?:[\d/]+:\s*)?(?:(?:an?|the|some|several|unknown|unidentified|\w+)\s+){0,3}?"
    r"(?:assailants?|attackers?|perpetrators?|gunm[ae]n|militants?|terrorists?|insurgents?|"
    r"rebels?|guerrill?as?|extremists?|raiders?)"
    r"(?:\s+(?:armed\s+with|dressed\s+in|wearing)(?:\s+[\w'’-]+){1,6}?)?"
    r"\s+(?!(?:were|was|are|is|have|has|had|arrested|accused|suspected|believed|alleged|said|"
    r"reported|claimed|identified|killed|captured|detained)\b)(?:\w+ed|threw|broke|stole|took|"
    r"set|blew|hit|struck|fought|held|led|seized|tore|overran)\b",
    re.IGNORECASE,
)


@register_stage("frames")
class FrameFinder:
    name = "frames"
    requires: tuple[str, ...] = ("clauses", "toponyms")
    assigns: tuple[str, ...] = ("frames",)

    def __call__(self, doc: Doc) -> Doc:
        doc.frames = group_frames(doc)
        series = any(c.attrs.get("kind") == "series" for c in doc.clauses)
        for frame in doc.frames:
            frame.multiple = series and len(doc.frames) > 1
        return doc
