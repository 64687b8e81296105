"""Perpetrator groups, and who claimed or was blamed for each incident.

Reports credit a perpetrator in a few recurring ways, and each way is a *role* of a group
mention, strongest first: it claimed the attack ("X claimed responsibility"); it acted ("X
militants stormed", "torched by X", "members of X", "ETA machine-gunned"); it was blamed or
suspected ("sources attributed the attack to X", "X is suspected"); or it left a trace at the
scene ("the letters "ELF" were spray-painted"). A group with a role in an incident's own
clauses is its perpetrator. A group the article says claimed, carried out, or is blamed for
"the attacks" is the perpetrator of every incident of the series; for a singular "the attack"
it is the perpetrator of the incident nearest the statement. An incident that is left with no
group takes the article's strongest credited group, since a report usually names its
perpetrator once, often in a sentence of its own ("FARC claimed responsibility."). The claim
mode (website, video, call, letter, ...) is read from the claim sentence and the two after it.

Groups come from the alias table, from names a report gives as such ("a group calling itself
X"), from organisation names the table does not know but that read as one and act ("the
Popular Revolutionary Vanguard machine-gunned"), and from the generic actor categories GTD
codes when no organisation is named ("anti-police extremist" -> "Anti-Police extremists";
"inspired by the Islamic State" -> "Jihadi-inspired extremists").
"""

from __future__ import annotations

import re

from incidex.codebook import ClaimMode
from incidex.groups import Group, GroupLexicon, GroupMention
from incidex.pipeline.claims import add_unnamed_claims, claim_mode, writing_at_scene
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.group_mentions import (
    acronym_named,
    apposed_names,
    category_groups,
    names_over_kinds,
    self_named_groups,
    unnamed_organisations,
)
from incidex.pipeline.registry import register_stage

# Roles of a group mention, strongest first when several groups compete for one incident.
CLAIMED, ACTED, BLAMED, TRACED, MENTIONED = 4, 3, 2, 1, 0

_CLAIM = re.compile(
    r"\bclaim(?:ed|ing|s)?\s+(?:\w+\s+){0,2}?(?:responsibility|credit)|"
    r"\b(?:took|take|takes|taking|assumed?|accepted|accepts)\s+(?:\w+\s+)?(?:responsibility|credit)|"
    r"\bresponsibility\s+(?:was|has\s+been)\s+claimed|\bclaimed\s+(?:by|in\s+the\s+name\s+of)\b|"
    r"\bclaimed\s+(?:the\s+|an?\s+|that\s+(?:the\s+)?)?(?:\w+\s+){0,2}?"
    r"(?:attacks?|bombings?|killings?|assassinations?|kidnappings?|explosions?|blasts?|arsons?|incidents?|"
    r"shooting)\b|"
    r"\bclaim(?:ed|s)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+)?(?:[a-z]+ed|shot|hit|set|blew|threw|struck)\b|"
    r"\bclaim(?:ed|s)\s+to\s+have\b|"
    r"\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind)|"
    r"\bsaid\s+(?:on\s+\w+\s+)?(?:in\s+a\s+statement\s+)?that\s+(?:its|their)\s+(?:fighters|militants|"
    r"members|men|units?|commandos?)\s+(?:had\s+)?(?:carried\s+out|attacked|bombed|killed|kidnapped|"
    r"ambushed|blew\s+up|set\s+fire)|"
    r"\b(?:indicated|admitted|announced)\s+(?:that\s+)?(?:it|they)\s+(?:was|were)\s+responsible",
    re.IGNORECASE,
)
# "No group claimed responsibility", "has not claimed", "denied responsibility".
_NEGATED_CLAIM = re.compile(r"\b(?:no|not|never|nobody|none|neither|nor)\b[^.;]{0,25}$|n['’]t\s+$",
                            re.IGNORECASE)
_DENIAL = re.compile(r"\bden(?:ied|ies|y|ying)\b", re.IGNORECASE)
_BLAME = re.compile(
    r"\b(?:blamed|blaming|blame|suspected|suspect|suspects|attributed|accused|believed\s+to\s+be|"
    r"carried\s+out\s+by|has\s+carried\s+out|have\s+carried\s+out|carried\s+out|"
    r"(?:was|were|is|are)\s+behind|responsible|linked\s+to|members\s+of|militants\s+from|"
    r"fighters\s+from|loyal\s+to|recruit\w*|implicat\w+|affiliated|associated\s+with|investigat\w+|"
    r"(?:ties|links?|connections?)\s+(?:to|with))\b",
    re.IGNORECASE,
)
# Writing left at the scene names its authors: slogans, initials, notes, graffiti.
_TRACE = re.compile(
    r"\b(?:slogans?|initials|letters|graffiti|banners?|signs?|notes?|messages?|leaflets?|"
    r"spray[- ]?paint\w*|painted|sprayed|scrawled|written|inscri\w+)\b",
    re.IGNORECASE,
)
_ACTOR_AFTER = re.compile(
    r"^(?:[’']s)?\s*(?:\([^)]{1,40}\)\s*)?(?:\w+\s+){0,2}?(?:fighters|militants|gunmen|members?|insurgents|"
    r"rebels|guerrill?as?|group|suicide\s+bombers?|bombers?|attackers|assailants|perpetrators|cells?|"
    r"commandos?|operatives|cadres?|terrorists|activists|militia\w*|(?:letter\s+|car\s+)?bombs?|"
    r"(?:have\s+|had\s+|has\s+)?(?:attacked|killed|stormed|opened\s+fire|detonated|"
    r"bombed|ambushed|kidnapped|abducted|seized|shot|set\s+fire|set\s+off|raided|carried\s+out|"
    r"launched|struck|blew\s+up|torched|fired|hit|planted|threw|hurled|burned|destroyed|"
    r"assassinated|murdered|executed|hijacked|captured|(?:is|was|were|are)\s+responsible))\b",
    re.IGNORECASE,
)
# "ETA machine-gunned a truck": the group as the subject of a past-tense verb of its own.
_SUBJECT_VERB = re.compile(
    r"^(?:[’']s)?\s*(?:\([^)]{1,40}\)\s*)?(?:(?:has|have|had|also|then|reportedly|allegedly)\s+)?"
    r"(?!(?:said|denied|condemned|welcomed|praised|accused|blamed|warned|announced|rejected|agreed|"
    r"called|demanded|urged|vowed|stated|declared|controlled|based|backed|linked|listed|designated|"
    r"named|elected|formed|founded|banned|expelled|lost|suffered|signed|negotiated|denounced|"
    r"mourned|threatened|claimed)\b)[a-z]+(?:-[a-z]+)?ed\b"
)
_ACTOR_BEFORE = re.compile(
    r"\b(?:by|suspected|suspectedly|alleged|presumed|(?:members?|militants?|fighters|guerrill\w+|cadres?|"
    r"activists?|supporters?|operatives?|units?|cells?|part|rebels|insurgents)\s+of|affiliated\s+with|associated\s+with|"
    r"(?:acting\s+)?on\s+behalf\s+of|belong(?:s|ed|ing)?\s+to|in\s+the\s+name\s+of|blamed\s+on|"
    r"attributed\s+to|implicated)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:group|organi[sz]ation|movement|faction)\s*,?\s+(?:the\s+)?)?[\"“]?$",
    re.IGNORECASE,
)
# Words before a subject that put it in another role: "an attack on Hamas", "talks with the Taliban".
_NOT_SUBJECT = re.compile(r"\b(?:against|on|with|at|to|targeting|targeted|between|from|of|for|about)\b",
                          re.IGNORECASE)
_MAX_SUBJECT_WORDS = 8
# A group mentioned as the target or opponent of someone else.
_OTHER_ROLE = re.compile(
    r"\b(?:against|with|on|targeting|combat\w*|fight\w*|oppos\w+|oppose[sd]?|critic\w*\s+of|talks|"
    r"ceasefire|truce|victims?\s+of|former)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_PLURAL_SCOPE = re.compile(r"\b(?:the|these|those|all|both)\s+(?:\w+\s+)?"
                           r"(?:attacks|bombings|assaults|incidents|blasts|explosions|raids)\b",
                           re.IGNORECASE)
# "claimed responsibility for the killing": a claim about one incident of the report. A claim
# with no such noun ("FARC claimed responsibility.") is about all of it.
_SINGULAR_SCOPE = re.compile(
    r"\b(?:the|this|that|an?|its)\s+(?:\w+\s+)?(?:attack|bombing|killing|shooting|assault|blast|explosion|"
    r"raid|ambush|kidnapping|abduction|assassination|murder|arson|fire|incident|operation|strike)\b",
    re.IGNORECASE,
)

# -- generic actor categories ----------------------------------------------------------------
_JIHADI_INSPIRED = "Jihadi-inspired extremists"
_JIHADIST_ROOTS = frozenset({"Islamic State", "al-Qaeda"})
_INSPIRED_BY = re.compile(
    r"\b(?:inspired\s+by|allegiance\s+to|sympathi[sz]\w*\s+(?:with|to|for)|supporters?\s+of|support\s+for|"
    r"loyal(?:ty)?\s+to|radicali[sz]ed\s+by|propaganda\s+(?:of|from)|in\s+support\s+of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_INSPIRED_SUFFIX = re.compile(r"^[-‐‑ ]?(?:inspired|sympathi[sz]\w*)\b", re.IGNORECASE)
# "Fatah-linked Al-Aqsa Martyrs Brigade": the first group only qualifies the second.
_MODIFIER_SUFFIX = re.compile(
    r"^[-‐‑](?:linked|backed|affiliated|allied|aligned|led|sponsored|supported|funded|controlled|run)\b",
    re.IGNORECASE,
)
_MODIFIED_WITHIN = 40


def _group_span(mention: GroupMention) -> Span:
    return Span(mention.start, mention.end, mention.text, "group",
                {"canonical": mention.group.canonical, "gtd": mention.group.gtd})


def _claimed_frame(frames: list[Frame], offset: int) -> Frame:
    """The incident a claim with no scope of its own refers to: the one told last before it
    (else the first one told after it)."""
    before = [(c.end, f) for f in frames for c in f.clauses if c.end <= offset]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(frames, key=lambda f: f.start)


def _acts(text: str, mention: GroupMention, sentence: Span | None = None) -> bool:
    """Whether the text makes the group an actor of the incident: "Boko Haram fighters killed",
    "suspected Taliban militants", "an attack by al-Shabaab", "ETA machine-gunned" - not "the
    Taliban are active in the area" or "talks with the Taliban"."""
    after = text[mention.end:mention.end + 60]
    before = text[max(0, mention.start - 60):mention.start]
    if _ACTOR_AFTER.match(after) or _ACTOR_BEFORE.search(before):
        return True
    if sentence is None or not _SUBJECT_VERB.match(after):
        return False
    lead = text[sentence.start:mention.start]
    return len(lead.split()) <= _MAX_SUBJECT_WORDS and not _NOT_SUBJECT.search(lead)


def _add(frame: Frame, entry: dict[str, object]) -> None:
    for existing in frame.groups:
        if existing["canonical"] == entry["canonical"]:
            evidence = [*existing.get("evidence", []), *entry.get("evidence", [])]  # type: ignore[misc]
            if entry.get("claimed") and not existing.get("claimed"):
                existing.update({k: v for k, v in entry.items() if k != "mention"})
            existing["role"] = max(_rank(existing), _rank(entry))
            existing["evidence"] = list({(s.start, s.end): s for s in evidence}.values())
            return
    frame.groups.append(entry)


# GTD's names for kinds of perpetrator rather than organisations. Where a report also names
# the organisation ("Maoists, assumed to be from the Communist Party of Nepal-Maoists";
# "Naxalites of the outlawed People's War Group are suspected"), the organisation is the
# perpetrator, whichever word the report puts first.
_GENERIC_GROUPS = frozenset({"Maoists", "Anarchists", "Chechen Rebels", "Environmentalists",
                             "Sovereign citizens"})


def _is_category_name(canonical: str) -> bool:
    """GTD's generic actor categories ("White extremists"): descriptions of perpetrators."""
    return canonical.endswith(("extremists", "Extremists"))


def _is_kind_name(canonical: str) -> bool:
    """A category, or one of GTD's other names for a kind of perpetrator ("Maoists")."""
    return canonical in _GENERIC_GROUPS or _is_category_name(canonical)


def _generic(entry: dict[str, object]) -> bool:
    return _is_kind_name(str(entry.get("canonical", "")))


def _rank(entry: dict[str, object]) -> int:
    role = entry.get("role", BLAMED)
    return role if isinstance(role, int) else BLAMED


def _sentence_of(doc: Doc, offset: int) -> Span | None:
    return next((s for s in doc.sentences if s.start <= offset < s.end), None)


class _Credit:
    """A group mention with its role in the article, and the sentence that gives it."""

    def __init__(self, mention: GroupMention, role: int, sentence: int | None) -> None:
        self.mention, self.role, self.sentence = mention, role, sentence


@register_stage("perpetrators")
class PerpetratorFinder:
    name = "perpetrators"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("groups",)

    def __init__(self) -> None:
        self.lexicon = GroupLexicon.default()

    def mentions(self, text: str) -> tuple[list[GroupMention], set[int]]:
        """Every group mention, and the starts of those that count only with a role (names the
        table does not know)."""
        extras = ((category_groups(text, self.lexicon), False), (self_named_groups(text), False),
                  (unnamed_organisations(text), True), (apposed_names(text), True),
                  (acronym_named(text), True))
        mentions = names_over_kinds(text, self._inspired(text, self.lexicon.find(text)),
                                    [m for found, _ in extras for m in found],
                                    lambda g: _is_kind_name(g.canonical))
        tentative: set[int] = set()
        for extra, must_act in extras:
            for m in extra:
                if not any(m.start < k.end and k.start < m.end for k in mentions):
                    mentions.append(m)
                    if must_act:
                        tentative.add(m.start)
        mentions.sort(key=lambda m: m.start)
        kept = [m for m in mentions if not self._modifier(text, m, mentions)]
        return kept, tentative

    def _inspired(self, text: str, mentions: list[GroupMention]) -> list[GroupMention]:
        """A jihadist group that inspired someone, rather than acted: GTD's "Jihadi-inspired
        extremists"."""
        category = self.lexicon.get(_JIHADI_INSPIRED)
        if category is None:
            return mentions
        out = []
        for m in mentions:
            root = m.group
            while root.parent is not None:
                root = self.lexicon.parent_of(root) or root
                if root.parent is None:
                    break
            before = text[max(0, m.start - 60):m.start]
            if root.canonical in _JIHADIST_ROOTS and (
                _INSPIRED_BY.search(before) or _INSPIRED_SUFFIX.match(text[m.end:m.end + 15])
            ):
                m = GroupMention(m.start, m.end, m.text, category)
            out.append(m)
        return out

    @staticmethod
    def _modifier(text: str, mention: GroupMention, mentions: list[GroupMention]) -> bool:
        if not _MODIFIER_SUFFIX.match(text[mention.end:mention.end + 15]):
            return False
        return any(mention.end < k.start <= mention.end + _MODIFIED_WITHIN for k in mentions)

    def credits(self, doc: Doc, mentions: list[GroupMention], tentative: set[int]) -> list[_Credit]:
        """Each mention's role: claimant, actor, blamed, traced at the scene or only mentioned."""
        credits = []
        for index, sentence in enumerate(doc.sentences):
            here = [m for m in mentions if sentence.start <= m.start < sentence.end]
            if not here:
                continue
            text = sentence.text
            claim = next((c for c in _CLAIM.finditer(text)
                          if not _NEGATED_CLAIM.search(text[max(0, c.start() - 40):c.start()])), None)
            blame = _BLAME.search(text)
            trace = _TRACE.search(text)
            cued: dict[int, int] = {}
            for cue, role in ((blame, BLAMED), (claim, CLAIMED)):
                if cue is not None:
                    cue_at = sentence.start + cue.start()
                    credited = min(here, key=lambda m: abs(m.start - cue_at))
                    subjects = [m for m in here if m.end <= cue_at]
                    if role == CLAIMED and subjects:
                        # "X and Y claimed responsibility", "X, the armed wing of Y, claimed": GTD's
                        # first perpetrator is the first claimant named.
                        credited = subjects[0]
                    cued[credited.start] = max(role, cued.get(credited.start, MENTIONED))
            for m in here:
                role = cued.get(m.start, MENTIONED)
                if role < ACTED and _acts(doc.text, m, sentence):
                    role = ACTED
                if role == MENTIONED and trace is not None:
                    role = TRACED
                if _DENIAL.search(doc.text[m.end:m.end + 40]):
                    role = MENTIONED
                if m.start in tentative and role < BLAMED:
                    continue
                credits.append(_Credit(m, role, index))
        return credits

    def __call__(self, doc: Doc) -> Doc:
        mentions, tentative = self.mentions(doc.text)
        doc.mentions["group"] = [_group_span(m) for m in mentions]
        if not doc.frames:
            return doc
        self._keep_named_fillers(doc)
        credits = self.credits(doc, mentions, tentative)
        scoped: set[int] = set()  # claims and blames for one incident of several
        for credit in credits:
            span = _group_span(credit.mention)
            if credit.role >= ACTED:
                for frame in doc.frames:
                    if any(span.within(c.start, c.end) for c in frame.clauses):
                        _add(frame, self._entry(doc, credit, ACTED, with_claim=False))
            if credit.role in (CLAIMED, BLAMED) and credit.sentence is not None:
                sentence = doc.sentences[credit.sentence]
                plural = _PLURAL_SCOPE.search(sentence.text) is not None
                unscoped = _SINGULAR_SCOPE.search(sentence.text) is None
                if plural or unscoped or len(doc.frames) == 1 or any(f.multiple for f in doc.frames):
                    targets = doc.frames
                else:
                    targets = [_claimed_frame(doc.frames, sentence.start)]
                    scoped.add(credit.mention.start)
                for frame in targets:
                    _add(frame, self._entry(doc, credit, credit.role, with_claim=True))
        self._credit_the_rest(doc, credits, scoped)
        for frame in doc.frames:
            frame.groups.sort(key=lambda g: (not g.get("claimed"), _generic(g), -_rank(g)))
        add_unnamed_claims(doc)
        return doc

    def _credit_the_rest(self, doc: Doc, credits: list[_Credit], scoped: set[int]) -> None:
        """Incidents with no group yet take the article's strongest credited group."""
        if any(c.role in (CLAIMED, BLAMED) for c in credits if c.mention.start in scoped):
            # The article says whom it credits for which attack; the others stay unattributed.
            credits = [c for c in credits if c.role not in (CLAIMED, BLAMED)]
            named: set[str] = set()
        else:
            named = {c.mention.group.canonical for c in credits}
        usable = [c for c in credits if c.role >= TRACED or self._is_category(c.mention.group)]
        if not usable and len(named) == 1:
            # The only group an article about an attack names, in no other role: GTD's coders
            # credit it ("ETA has targeted telecommunication masts before").
            usable = [c for c in credits if not _OTHER_ROLE.search(doc.text[max(0, c.mention.start - 30):
                                                                             c.mention.start])]
        if not usable:
            return
        best = max(usable, key=lambda c: (c.role, not self._is_category(c.mention.group), -c.mention.start))
        for frame in doc.frames:
            if not frame.groups:
                _add(frame, self._entry(doc, best, best.role, with_claim=True))

    def _is_category(self, group: Group) -> bool:
        return _is_category_name(group.canonical)

    def _entry(self, doc: Doc, credit: _Credit, role: int, *, with_claim: bool) -> dict[str, object]:
        mention = credit.mention
        span = _group_span(mention)
        # Writing left at the scene that names the group is its claim (GTD: "Note left at scene").
        traced_note = (with_claim and role == TRACED and credit.sentence is not None
                       and writing_at_scene(doc.sentences[credit.sentence]))
        claimed = (with_claim and role == CLAIMED) or traced_note
        entry: dict[str, object] = {
            "canonical": mention.group.canonical, "gtd": mention.group.gtd,
            "mention": span, "claimed": claimed, "role": role, "evidence": [span],
        }
        if with_claim and role in (CLAIMED, BLAMED) and credit.sentence is not None:
            sentence = doc.sentences[credit.sentence]
            entry["sentence"] = credit.sentence
            entry["evidence"] = [Span(sentence.start, sentence.end, sentence.text, "claim")]
        if claimed and credit.sentence is not None:
            mode, mode_span = claim_mode(doc, credit.sentence)
            if traced_note:
                mode = ClaimMode.NOTE
            entry["claim_mode"] = mode.value
            if mode_span is not None:
                entry["evidence"] = [*entry["evidence"], mode_span]  # type: ignore[misc]
        return entry

    def _keep_named_fillers(self, doc: Doc) -> None:
        """Organisations an earlier stage filled in stay only when the table knows them: "Gunmen"
        or "the kidnappers" are people, GTD writes "Unknown" for them, and names this stage finds
        itself come with their role."""
        for frame in doc.frames:
            kept = []
            for entry in frame.groups:
                canonical = str(entry.get("canonical", ""))
                known = self.lexicon.get(canonical) is not None
                if known:
                    entry.setdefault("role", BLAMED)
                    kept.append(entry)
            frame.groups = kept
