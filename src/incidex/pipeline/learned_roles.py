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
#: Marginal probability of "outside" below which a token the best path leaves out is tagged
#: anyway. None (the best path only) on MUC-4 dev: 0.7 gains a point of CEAF-REE (39.4 against
#: 38.8) but loses one of Template F1 (34.6 against 35.6) and a quarter of the speed.
RECALL_THRESHOLD: float | None = None
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


def tag_document(doc: Doc, lexicon: GroupLexicon, recall_threshold: float | None = None) -> list[Span]:
    """Every role filler of a segmented Doc, as spans labelled with MUC-4 slot names.

    With ``recall_threshold``, a token the best path leaves outside every filler is taken in
    when the model's marginal probability that it is outside is below the threshold."""
    tagger = role_tagger()
    found: list[Span] = []
    names = [label for label in tagger.labels() if label != "O"] if recall_threshold is not None else []
    for sentence in doc_sentences(doc, lexicon):
        labels = tagger.tag(sentence.features)
        if recall_threshold is not None:
            for index, label in enumerate(labels):
                if label == "O" and tagger.marginal("O", index) < recall_threshold:
                    labels[index] = max(names, key=lambda n: tagger.marginal(n, index))
        for start, end, role in bio_spans(sentence.tokens, labels):
            found.append(Span(start, end, doc.text[start:end], role))
    return found


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
    return len(short) < len(long) and long[-len(short):] == short and len(short[-1]) > 3


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
            spans = [Span(s.start, s.end, s.text, key) for s in mine if s.label == role]
            roles[key] = dedupe_entities(spans)
        roles["weapon"] = [_weapon_span(s) for s in roles["weapon"]]
        frame.roles = roles
        for org in dedupe_entities([s for s in mine if s.label == "PerpOrg"]):
            group = lexicon.canonical(org.text)
            canonical = group.canonical if group is not None else " ".join(org.text.split())
            span = Span(org.start, org.end, org.text, "group",
                        {"canonical": canonical, "gtd": group.gtd if group else canonical})
            if not any(g.get("canonical") == canonical for g in frame.groups):
                frame.groups.append({"canonical": canonical, "gtd": span.attrs["gtd"],
                                     "mention": span, "claimed": False, "evidence": [span]})


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
        fillers = tag_document(doc, self.lexicon, RECALL_THRESHOLD)
        assign_fillers(doc, fillers, self.lexicon)
        return doc

