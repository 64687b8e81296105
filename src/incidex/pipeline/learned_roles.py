"""Learned role fillers: a CRF tags PerpInd, PerpOrg, Target, Victim and Weapon mentions in the
whole article, and each filler goes to the incident (frame) whose clauses hold it, or the
nearest one.

The rule stage ``roles`` finds fillers by patterns inside an incident's own clauses ("two men",
"a policeman"); news names victims and targets anywhere in the story ("the victim, jose
rodriguez, ..."), which a tagger trained on MUC-4's gold fillers learns to read. Both stages
fill the same ``frame.roles`` keys, so either can be swapped in by name (``roles`` or
``roles.learned``) and measured side by side. Organisations the tagger finds are added to the
frame's groups, which the ``perpetrators`` stage then completes with claims.

The models are trained by ``training/train_muc4.py`` and ship in ``incidex/models/``. Their
features are case-blind (``role_features``), so lower-case MUC-4 and cased news read alike.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from incidex.errors import DataError
from incidex.groups import GroupLexicon
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import WEAPON_WORDS
from incidex.pipeline.registry import register_stage
from incidex.pipeline.role_features import bio_spans, doc_sentences

ROLES_FILE = "muc4_roles.crfsuite"

#: MUC-4 slot -> the ``frame.roles`` key the rule stage fills.
ROLE_KEYS = {
    "PerpInd": "perp_individual", "Target": "physical_target", "Victim": "human_target",
    "Weapon": "weapon",
}
#: Decoding. A token the best path leaves outside every filler is taken in when the model's
#: marginal probability that it is outside is below ``RECALL_O``; each filler then scores the
#: lowest marginal of its role over its tokens, an entity (its mentions in the whole article)
#: the chance that one of its fillers is right (``confident_entities``), and an entity is kept
#: when that reaches its role's cutoff.
#: The best path alone is the tagger's precision-heavy reading; MUC-4's gold keeps more
#: fillers than the path finds, so recall is bought back where the model half-believes.
#: Chosen on MUC-4 dev for the model with the ``role_context`` features, by coordinate search
#: from the previous model's 0.95 and PerpInd 0.3, PerpOrg 0.5, Target 0.4, Victim 0.1,
#: Weapon 0.4 (Template F1 / CEAF-REE 43.8 / 44.9 for the previous model, a local optimum of
#: the same search; 43.9 / 46.3 here). On 2026-12-04, with ``RECALL_IN``, the noisy-or entity
#: confidence and the trailing prepositions and articles trimmed, 0.85 (dev 44.9 / 47.8;
#: 44.7 / 47.4 at 0.9, 44.3 / 46.9 at 0.8); the cutoffs stayed a local optimum.
RECALL_O = 0.85
#: A token left outside is also taken into a role whose own marginal (B- and I- together)
#: reaches that role's bar here, however sure the model is that the token is outside. The
#: tagger is most timid with the descriptions MUC-4 gives as individual perpetrators
#: ("urban guerrillas", "gunmen"): dev PerpInd CEAF-REE 35.0 -> 36.4 at 0.02 (35.6 at 0.05,
#: none at 0.1), Victim 50.8 -> 51.4 at 0.05; the other roles gain nothing.
RECALL_IN: dict[str, float] = {"PerpInd": 0.02, "Victim": 0.05}
CUTOFFS: dict[str, float] = {
    "PerpInd": 0.3, "PerpOrg": 0.4, "Target": 0.3, "Victim": 0.2, "Weapon": 0.3,
}
#: The higher bar of an organisation the alias table does not know (see ``add_unknown_groups``).
UNKNOWN_GROUP_CUTOFF = 0.8
_WORD = re.compile(r"[a-z0-9]+")


@contextmanager
def _model_path(name: str) -> Iterator[Path]:
    resource = resources.files("incidex") / "models" / name
    if not resource.is_file():
        raise DataError(f"model {name} is missing; rebuild it with training/train_muc4.py",
                        source=str(resource))
    with resources.as_file(resource) as path:
        yield path


def _open(name: str) -> Any:
    try:
        import pycrfsuite  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - an install without the dependency
        raise DataError("the learned stages need python-crfsuite: pip install python-crfsuite") from exc
    tagger = pycrfsuite.Tagger()
    with _model_path(name) as path:
        tagger.open(str(path))
    return tagger


@functools.cache
def role_tagger() -> Any:
    """The shipped role-filler tagger (a ``pycrfsuite.Tagger``), loaded once per process."""
    return _open(ROLES_FILE)


def tag_document(doc: Doc, lexicon: GroupLexicon, recall_o: float | None = RECALL_O,
                 cutoffs: dict[str, float] | None = None) -> list[Span]:
    """Every role filler of a segmented Doc, as spans labelled with MUC-4 slot names, each
    with its confidence in ``attrs["confidence"]``.

    With ``recall_o`` (None: the best path only), a token the best path leaves outside
    every filler is taken in when the model's marginal probability that it is outside is
    below it; ``cutoffs`` (default ``CUTOFFS``) then drop the entities the model is least
    sure of (see ``CUTOFFS``)."""
    tagger = role_tagger()
    found: list[Span] = []
    names = [label for label in tagger.labels() if label != "O"]
    for sentence in doc_sentences(doc, lexicon):
        labels = tagger.tag(sentence.features)
        if recall_o is not None:
            _recall(tagger, labels, names, recall_o)
        index = 0
        for start, end, role in bio_spans(sentence.tokens, labels):
            while sentence.tokens[index].start < start:
                index += 1
            confidence = 1.0
            last = index
            while last < len(sentence.tokens) and sentence.tokens[last].start < end:
                confidence = min(confidence, tagger.marginal("B-" + role, last)
                                 + tagger.marginal("I-" + role, last))
                last += 1
            bounds = trimmed(doc.text, start, end)
            if bounds is not None:
                found.append(Span(*bounds, doc.text[bounds[0]:bounds[1]], role,
                                  {"confidence": confidence}))
    if recall_o is None:
        return found
    return confident_entities(found, CUTOFFS if cutoffs is None else cutoffs)


def _recall(tagger: Any, labels: list[str], names: list[str], recall_o: float) -> None:
    """Relabel in place the outside tokens the model half-believes are in a filler (see
    ``RECALL_O`` and ``RECALL_IN``), each with its likeliest B- or I- label."""
    for index, label in enumerate(labels):
        if label != "O":
            continue
        if tagger.marginal("O", index) < recall_o:
            labels[index] = max(names, key=lambda n: tagger.marginal(n, index))
            continue
        for role, bar in RECALL_IN.items():
            begin, inside = tagger.marginal("B-" + role, index), tagger.marginal("I-" + role, index)
            if begin + inside >= bar:
                labels[index] = ("B-" if begin >= inside else "I-") + role
                break


#: Words a noun phrase does not end with: the tagger sometimes runs on into the relative
#: clause, the next conjunct or a prepositional phrase ("carlos marcelo who", "the mayor and",
#: "the nelson mandela cell of the").
_TRAILING = frozenset("who whom whose which that and or but when where while as "
                      "of in at on for with from by to a an the".split())
#: Fillers that name nobody in particular, however sure the tagger is ("two", "others").
_GENERIC = frozenset(
    "one two three four five six seven eight nine ten several some many few all both others "
    "other another each it its he him his she her they them their we us i you this these those "
    "there here a an the".split())
_PART_OF = re.compile(
    r"(?:the\s+)?(?:\w+\s+)?(?:floors?|roofs?|part|parts|sides?|front|doors?|entrance|walls?|"
    r"windows?|facade|rest|remains)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_LAST_WORD = re.compile(r"[\s,;:]*\b(\w+)\W*$")
_POSSESSIVE = re.compile(r"['’]s?$")


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A filler's bounds without a possessive ending ("ossa's" -> "ossa": MUC-4 names the
    person, not the genitive), a trailing relative pronoun, conjunction, preposition or article,
    or a leading part of the thing ("the roof of the armored vehicle": the vehicle was hit);
    None for a filler that names nobody in particular ("two", "others")."""
    while end > start:
        piece = text[start:end]
        possessive = _POSSESSIVE.search(piece.lower())
        if possessive and possessive.start() > 0:
            end = start + possessive.start()
            continue
        last = _LAST_WORD.search(piece)
        if last and last.start() > 0 and last.group(1).lower() in _TRAILING:
            end = start + last.start()
            continue
        break
    part = _PART_OF.match(text, start, end)
    if part and part.end() < end:
        start = part.end()
    words = _WORD.findall(text[start:end].lower())
    if not words or all(w in _GENERIC or w.isdigit() for w in words):
        return None
    return start, end


def confident_entities(fillers: list[Span], cutoffs: dict[str, float]) -> list[Span]:
    """The fillers of the entities whose confidence reaches its role's cutoff. An entity's
    confidence is the chance that at least one of its mentions is a filler, the mentions taken
    as independent: a name the tagger half-believes at each of three mentions is surer than
    one it half-believes once (MUC-4 dev CEAF-REE 47.4 -> 47.8 against the most confident
    mention alone)."""
    kept: list[Span] = []
    for role in {s.label for s in fillers}:
        mine = [s for s in fillers if s.label == role]
        for entity in dedupe_entities(mine):
            mentions: list[Span] = entity.attrs["mentions"]
            doubt = math.prod(1.0 - m.attrs.get("confidence", 1.0) for m in mentions)
            if 1.0 - doubt >= cutoffs.get(role, 0.0):
                kept.extend(mentions)
    return sorted(kept, key=lambda s: s.start)


def nearest_frame(frames: list[Frame], span: Span) -> Frame:
    """The frame one of whose clauses holds ``span``, else the one with the clause nearest."""
    best: tuple[int, int] | None = None
    chosen = frames[0]
    for index, frame in enumerate(frames):
        for clause in frame.clauses:
            if clause.start <= span.start and span.end <= clause.end:
                return frame
            distance = clause.start - span.end if clause.start >= span.end else span.start - clause.end
            if best is None or (distance, index) < best:
                best = (distance, index)
                chosen = frame
    return chosen


def _normal(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.lower()) if w not in ("a", "an", "the"))


def dedupe_entities(spans: list[Span]) -> list[Span]:
    """One span per entity: mentions with the same words are one entity, and a mention whose
    words all appear, in order, at the end of a longer one ("rodriguez", "jose rodriguez") is
    the same entity. The first-told mention stands for it; ``attrs["mentions"]`` lists all."""
    entities: list[Span] = []
    keys: list[str] = []
    for span in sorted(spans, key=lambda s: s.start):
        key = _normal(span.text)
        if not key:
            continue
        match = next((i for i, k in enumerate(keys) if k == key or _same_name(k, key)), None)
        if match is None:
            entity = Span(span.start, span.end, span.text, span.label, dict(span.attrs))
            entity.attrs["mentions"] = [span]
            entities.append(entity)
            keys.append(key)
        else:
            entities[match].attrs["mentions"].append(span)
    return entities


def _same_name(one: str, other: str) -> bool:
    short, long = sorted((one.split(), other.split()), key=len)
    if len(short) == 1 and _is_acronym(short[0], long):
        return True
    return len(short) < len(long) and long[-len(short):] == short and len(short[-1]) > 3


#: Words an acronym skips ("farabundo marti national liberation front" -> "fmln").
_ACRONYM_SKIPS = frozenset("of the and for de del la las los el y e".split())


def _is_acronym(short: str, long: list[str]) -> bool:
    """Whether ``short`` abbreviates the words ``long``: its letters are their initials, in
    any order, since Spanish names abbreviate in their own word order ("fmln" for the
    "farabundo marti national liberation front")."""
    initials = [w[0] for w in long if w not in _ACRONYM_SKIPS]
    if not 3 <= len(short) <= len(initials) or not short.isalpha():
        return False
    return set(short) == set(initials)


def surest_mention(entity: Span) -> Span:
    """The entity as told by the mention the tagger is surest of (``dedupe_entities`` keeps
    the first-told): the first mention is often the vaguest or the most run-on ("the group of
    ten paid assassins in two cars", then "the assassins"). MUC-4 dev Template F1 / CEAF-REE
    45.0 / 48.0 -> 45.3 / 48.3 (45.2 / 48.4 for the longest mention, 44.5 / 47.3 the shortest)."""
    mentions: list[Span] = entity.attrs["mentions"]
    best = max(mentions, key=lambda m: m.attrs.get("confidence", 1.0))
    return Span(best.start, best.end, best.text, entity.label, dict(entity.attrs))


def _weapon_span(span: Span) -> Span:
    for pattern, weapon in WEAPON_WORDS:
        if pattern.search(span.text):
            span.attrs["weapon_type"] = weapon
            break
    return span


def assign_fillers(doc: Doc, fillers: list[Span], lexicon: GroupLexicon) -> None:
    """Fill each frame's roles (and groups) with the tagged fillers nearest it."""
    per_frame: dict[int, list[Span]] = {id(f): [] for f in doc.frames}
    for span in fillers:
        per_frame[id(nearest_frame(doc.frames, span))].append(span)
    for frame in doc.frames:
        mine = per_frame[id(frame)]
        roles: dict[str, list[Span]] = {key: [] for key in ROLE_KEYS.values()}
        for role, key in ROLE_KEYS.items():
            spans = [Span(s.start, s.end, s.text, key, {"confidence": s.attrs.get("confidence", 1.0)})
                     for s in mine if s.label == role]
            roles[key] = [surest_mention(e) for e in dedupe_entities(spans)]
        roles["weapon"] = [_weapon_span(s) for s in roles["weapon"]]
        roles["perp_org"] = dedupe_entities([
            Span(s.start, s.end, s.text, "perp_org", {"confidence": s.attrs.get("confidence", 1.0)})
            for s in mine if s.label == "PerpOrg"])
        frame.roles = roles
        for org in roles["perp_org"]:
            group = lexicon.canonical(org.text)
            if group is not None:
                _add_group(frame, org, group.canonical, group.gtd)


def _add_group(frame: Frame, org: Span, canonical: str, gtd: str, role: int | None = None) -> None:
    span = Span(org.start, org.end, org.text, "group", {"canonical": canonical, "gtd": gtd})
    if any(g.get("canonical") == canonical for g in frame.groups):
        return
    entry: dict[str, object] = {"canonical": canonical, "gtd": gtd, "mention": span,
                                "claimed": False, "evidence": [span]}
    if role is not None:
        entry["role"] = role
    frame.groups.append(entry)


def add_unknown_groups(doc: Doc, lexicon: GroupLexicon) -> None:
    """Organisations the tagger found that the alias table does not know ("the armed forces",
    "the treasury police") join their frame's groups after the ``perpetrators`` stage, which
    keeps only the names it can vouch for; they come last, as merely mentioned, so a group the
    rules credit stays first."""
    for frame in doc.frames:
        for org in frame.roles.get("perp_org", []):
            confidence = max(m.attrs.get("confidence", 1.0) for m in org.attrs.get("mentions", [org]))
            if confidence >= UNKNOWN_GROUP_CUTOFF and lexicon.canonical(org.text) is None and not any(
                isinstance(g.get("mention"), Span) and g["mention"].overlaps(org) for g in frame.groups
            ):
                name = " ".join(org.text.split())
                _add_group(frame, org, name, name, role=0)


@register_stage("roles.learned")
class LearnedRoleFinder:
    name = "roles.learned"
    requires: tuple[str, ...] = ("frames", "toponyms")
    assigns: tuple[str, ...] = ("roles",)

    def __init__(self) -> None:
        self.lexicon = GroupLexicon.default()
        role_tagger()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.frames:
            return doc
        fillers = tag_document(doc, self.lexicon)
        assign_fillers(doc, fillers, self.lexicon)
        return doc


@register_stage("roles.learned.groups")
class LearnedGroups:
    """Runs after ``perpetrators``: see ``add_unknown_groups``."""

    name = "roles.learned.groups"
    requires: tuple[str, ...] = ("roles", "groups")
    assigns: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.lexicon = GroupLexicon.default()

    def __call__(self, doc: Doc) -> Doc:
        add_unknown_groups(doc, self.lexicon)
        return doc

