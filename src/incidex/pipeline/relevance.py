"""How likely each incident (frame) is a report of a terrorist attack, read by a learned model.

The frames stage finds every passage that tells violence: an ambush of a patrol by guerrillas,
a battle between the army and rebels, a bombing of a bank, an old massacre recalled in a
speech. Whether a passage reports an attack on civilians or property that a terrorism database
would record is a judgement of the whole context, which a linear model over the frame's words,
its triggers and roles, and the article's lead learns from MUC-4's training templates better
than rules do (``training/train_muc4_templates.py``). The stage writes the probability to
``frame.relevance`` and drops nothing: consumers choose their threshold (the MUC-4 adapter keeps
the frames MUC-4 would keep; incidex's own records keep every frame).

Every feature is lower case, so cased news and the lower-case MUC-4 text read alike.
"""

from __future__ import annotations

import functools
import itertools
import re

from incidex.models.linear import LinearModel, load_model
from incidex.pipeline.doc import Doc
from incidex.pipeline.frames import Frame
from incidex.pipeline.registry import register_stage

RELEVANCE_FILE = "muc4_relevance.json.gz"
#: The same question asked of a whole article: does it report such an attack at all?
DOCUMENT_RELEVANCE_FILE = "muc4_document_relevance.json.gz"
_WORD = re.compile(r"[a-z0-9]+")
#: "two fmln rebels were killed during clashes", "the air force bombed the outskirts",
#: "two subversives were killed in a shoot-out with a police patrol",
#: "helicopter gunships opened fire on rebel columns": combat between armed forces, or the
#: state's forces attacking, which a terrorism database does not record (MUC-4 and the GTD
#: codebook both leave out acts of war and of the state).
_COMBAT = re.compile(
    r"\b(?:clash(?:es|ed)?|skirmish\w*|harassment|confrontations?|shoot-?outs?|firefights?|"
    r"gun\s?battles?|exchanges?\s+of\s+fire|"
    r"(?:air\s+force|gunships?|helicopters?|planes?|troops|army)\s+(?:\w+\s+){0,3}?"
    r"(?:attacked|bombed|bombing|opened\s+fire|strafed)|"
    r"(?:while|when)\s+fighting|in\s+combat|"
    r"(?:ambush\w*|attack\w*)\s+(?:\w+\s+){0,3}?(?:against|on)\s+(?:\w+\s+){0,3}?"
    r"(?:troops|battalions?|convoys?|patrols?|soldiers|garrisons?|barracks))\b",
    re.IGNORECASE,
)
#: A civilian among the harmed makes it more than combat.
_CIVILIANS = re.compile(
    r"\b(?:civilians?|peasants?|minors?|child(?:ren)?|wom[ae]n|students?|residents?|"
    r"officials?|ministers?|bodyguards?|journalists?|priests?|neighbou?rhoods?|homes?|houses?|"
    r"residences?|passers?-?by)\b",
    re.IGNORECASE,
)
#: How much of combat's relevance is kept: a tenth, so that a shoot-out the model scores 0.9
#: falls under the MUC-4 adapter's threshold. MUC-4 dev Template F1 / CEAF-REE 44.81 / 46.48
#: keeping all of it, 45.39 / 47.19 at 0.2, 45.49 / 47.29 at 0.1 (with shoot-outs).
COMBAT_FACTOR = 0.1


@functools.cache
def relevance_model() -> LinearModel:
    return load_model(RELEVANCE_FILE)


@functools.cache
def document_relevance_model() -> LinearModel:
    return load_model(DOCUMENT_RELEVANCE_FILE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def frame_features(doc: Doc, frame: Frame, index: int) -> list[str]:
    """What the model reads about one frame: its words, the first sentence's words, triggers,
    coded types, which roles it has, where it stands in the article, and the article's lead."""
    sentences = frame.sentences
    features: set[str] = {"bias"}
    text = " ".join(doc.sentences[s].text for s in sentences)
    words = _words(text)
    features.update("w=" + w for w in words)
    features.update("b=" + a + "_" + b for a, b in itertools.pairwise(words))
    features.update("f=" + w for w in _words(doc.sentences[sentences[0]].text))
    features.update("lead=" + w for w in _words(doc.sentences[0].text))
    for trigger in frame.triggers:
        features.add("trg=" + " ".join(_words(trigger.text)))
        attack = trigger.attrs.get("attack_type")
        features.add(f"trgtype={attack.name if attack is not None else 'none'}"
                     f"/{'c' if trigger.attrs.get('concrete') else 'v'}")
    features.update("at=" + t.name for t in frame.attack_types[:1])
    features.update("tt=" + t.name for t in frame.target_types)
    for role, spans in frame.roles.items():
        features.add(f"role={role}:{_bucket(len(spans), (0, 1, 2))}")
    features.add(f"groups={_bucket(len(frame.groups), (0, 1))}")
    features.update("cas=" + c for c in frame.casualties)
    features.update("kind=" + str(c.attrs.get("kind")) for c in frame.clauses)
    features.add("first_sentence=" + _bucket(sentences[0], (0, 1, 3, 6, 10)))
    features.add("index=" + _bucket(index, (0, 1, 2)))
    features.add("frames=" + _bucket(len(doc.frames), (1, 2, 3, 5)))
    features.add("length=" + _bucket(len(sentences), (1, 2, 4)))
    return sorted(features)


def document_features(doc: Doc) -> list[str]:
    """What the document model reads: the article's words and word pairs, its lead's words,
    how many frames the pipeline found and their attack types."""
    words = _words(doc.text)
    features = {"bias", "frames=" + _bucket(len(doc.frames), (0, 1, 2, 3))}
    features.update("w=" + w for w in words)
    features.update("b=" + a + "_" + b for a, b in itertools.pairwise(words))
    if doc.sentences:
        features.update("lead=" + w for w in _words(doc.sentences[0].text))
    features.update("at=" + t.name for frame in doc.frames for t in frame.attack_types[:1])
    return sorted(features)


def score_document(doc: Doc, model: LinearModel | None = None) -> float:
    """P(the article reports an attack a terrorism database records), MUC-4's notion."""
    return (model or document_relevance_model()).probability(document_features(doc))


def is_combat(doc: Doc, frame: Frame) -> bool:
    """True when the frame tells combat between armed forces and no civilian among its
    sentences: MUC-4's templates, like the GTD, record terrorism, not war."""
    text = " ".join(doc.sentences[s].text for s in frame.sentences)
    return _COMBAT.search(text) is not None and _CIVILIANS.search(text) is None


def score_frames(doc: Doc, model: LinearModel | None = None) -> list[float]:
    chosen = model or relevance_model()
    return [chosen.probability(frame_features(doc, frame, i)) for i, frame in enumerate(doc.frames)]


@register_stage("relevance")
class FrameRelevance:
    name = "relevance"
    requires: tuple[str, ...] = ("frames", "roles")
    assigns: tuple[str, ...] = ("relevance",)

    def __init__(self) -> None:
        relevance_model()

    def __call__(self, doc: Doc) -> Doc:
        for frame, p in zip(doc.frames, score_frames(doc), strict=True):
            frame.relevance = p * COMBAT_FACTOR if is_combat(doc, frame) else p
        return doc
