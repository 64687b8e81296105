"""MUC-4 scorers: template F1 (Du et al. 2021, "GTT") and CEAF-REE (Du et al. 2021, "GRIT").

Written from the definitions in ``shared/data/README.md``; the decisions the definitions
leave open are stated here.

Strings are compared after ``normalise`` (lower case, punctuation deleted, the articles
a/an/the dropped, spaces collapsed). A predicted entity *fits* a gold entity when the set of
its normalised mentions is a subset of the gold entity's normalised mentions ("all its
mentions belong to one gold entity"). Entities are paired one-to-one (maximum bipartite
matching), so each predicted and each gold entity is counted at most once and precision and
recall share one numerator, ``correct``.

Template F1. Per document, predicted and gold templates are mapped one-to-one (templates may
stay unmatched). A pair is allowed only when the predicted incident type (trimmed, lower
case, non-empty) is a substring of the gold type, so "attack" matches "attack / bombing". An
allowed pair scores 1 for the incident-type slot plus, per role, the size of the maximum
matching of fitting entities. Every template contributes 1 + its entities to the denominator
(predicted templates to precision, gold templates to recall) whether matched or not, so the
denominators do not depend on the mapping and the mapping with the best F1 is the one that
maximises the document's correct count: that is what is maximised (Hungarian algorithm).
Per-role numbers (with ``incident_type`` as a sixth slot) come from that mapping.

CEAF-REE. Per document and role, the entities of all templates are pooled and exact
duplicates (same set of normalised mentions) removed, for gold and prediction alike; then
predicted and gold entities are aligned one-to-one maximising the number of fitting pairs.
Precision = matched / predicted entities, recall = matched / gold entities, micro-averaged
over documents and the five roles.

Both are micro-averages over all gold documents: a gold document without a prediction line
counts as predicted empty; prediction docids absent from gold are ignored (logged, and listed
in ``Muc4Scores.ignored_docids``). When a count has nothing predicted and nothing gold, P, R
and F1 are 1.0 (nothing to find, nothing wrong); otherwise a zero denominator gives 0.0.
Predicted entities without any (non-blank) mention are dropped when reading.
"""

from __future__ import annotations

import json
import logging
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from incidex.errors import EmptyInputError, MalformedRecordError
from incidex.evaluate.jsonl import jsonl_objects
from incidex.evaluate.matching import max_bipartite_matching, max_weight_matching

__all__ = [
    "PRF",
    "ROLES",
    "TYPE_SLOT",
    "Entity",
    "MetricScores",
    "Muc4Document",
    "Muc4Scores",
    "Template",
    "format_report",
    "load_documents",
    "load_gold",
    "load_predictions",
    "normalise",
    "score",
    "score_ceaf_ree",
    "score_template_f1",
    "template_to_json",
]

log = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
TYPE_SLOT = "incident_type"

Entity = tuple[str, ...]
"""An entity: its mention strings (gold character offsets are not kept)."""


@dataclass(frozen=True)
class Template:
    """One incident: its type and, per role in ``ROLES``, a tuple of entities."""

    incident_type: str
    roles: Mapping[str, tuple[Entity, ...]] = field(default_factory=dict)

    def entities(self, role: str) -> tuple[Entity, ...]:
        return self.roles.get(role, ())


@dataclass(frozen=True)
class Muc4Document:
    docid: str
    text: str
    templates: tuple[Template, ...]


# --------------------------------------------------------------------------- normalising

_ARTICLES = frozenset({"a", "an", "the"})


def _is_punct(ch: str) -> bool:
    return ch in string.punctuation or unicodedata.category(ch).startswith("P")


def normalise(s: str) -> str:
    """Lower case, delete punctuation, drop the words a/an/the, collapse whitespace."""
    s = "".join(ch for ch in s.lower() if not _is_punct(ch))
    return " ".join(w for w in s.split() if w not in _ARTICLES)


def _norm_type(t: str) -> str:
    return " ".join(t.lower().split())


def _type_allowed(predicted: str, gold: str) -> bool:
    p = _norm_type(predicted)
    return bool(p) and p in _norm_type(gold)


# --------------------------------------------------------------------------- reading


def _mention(value: Any, where: str) -> str:
    if isinstance(value, list | tuple) and value and isinstance(value[0], str):
        return value[0]  # gold style [string, offset]
    if isinstance(value, str):
        return value
    raise MalformedRecordError(
        f"a mention must be a string or [string, offset], got {value!r}", source=where
    )


def _entity(value: Any, where: str) -> Entity:
    if isinstance(value, str):  # a bare string is an entity with one mention
        value = [value]
    if not isinstance(value, list | tuple):
        raise MalformedRecordError(
            f"an entity must be a list of mentions, got {value!r}", source=where
        )
    if len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], int):
        value = [value]  # one [string, offset] mention given without its enclosing list
    return tuple(m for m in (_mention(v, where) for v in value) if m.strip())


def _template(obj: Any, where: str) -> Template:
    if not isinstance(obj, dict):
        raise MalformedRecordError("a template must be a JSON object", source=where)
    itype = obj.get("incident_type", "")
    if not isinstance(itype, str):
        raise MalformedRecordError("incident_type must be a string", source=where)
    roles: dict[str, tuple[Entity, ...]] = {}
    for role in ROLES:
        raw = obj.get(role)
        raw = [] if raw is None else raw
        if not isinstance(raw, list):
            raise MalformedRecordError(f"{role} must be a list of entities", source=where)
        roles[role] = tuple(e for e in (_entity(v, where) for v in raw) if e)
    return Template(itype, roles)


def _read(path: str | Path, *, gold: bool) -> list[Muc4Document]:
    docs: list[Muc4Document] = []
    seen: set[str] = set()
    for where, obj in jsonl_objects(path, "docid", (str, int)):
        docid = str(obj["docid"])
        if docid in seen:
            raise MalformedRecordError(f"docid {docid} appears twice", source=where)
        seen.add(docid)
        raw = obj.get("templates")
        raw = [] if raw is None else raw
        if not isinstance(raw, list):
            raise MalformedRecordError("templates must be a list", source=where)
        text = obj.get("doctext", "")
        docs.append(
            Muc4Document(
                docid,
                text if isinstance(text, str) else "",
                tuple(_template(t, where) for t in raw),
            )
        )
    if gold and not docs:
        raise EmptyInputError("no MUC-4 documents", source=str(path))
    return docs


def load_documents(path: str | Path) -> list[Muc4Document]:
    """The gold file as documents (docid, text, templates), in file order."""
    return _read(path, gold=True)


def load_gold(path: str | Path) -> dict[str, list[Template]]:
    """Gold templates by docid (documents with no template map to an empty list)."""
    return {d.docid: list(d.templates) for d in load_documents(path)}


def load_predictions(path: str | Path) -> dict[str, list[Template]]:
    """Predicted templates by docid; an empty file is no predictions at all."""
    return {d.docid: list(d.templates) for d in _read(path, gold=False)}


def template_to_json(t: Template) -> dict[str, Any]:
    """A template in the prediction format (each role a list of entities of mention strings)."""
    out: dict[str, Any] = {"incident_type": t.incident_type}
    for role in ROLES:
        out[role] = [list(e) for e in t.entities(role)]
    return out


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class PRF:
    """Counts and the precision, recall and F1 they give (fractions 0..1)."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold
        )

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.correct / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.correct / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        prf = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return prf | asdict(self)


@dataclass(frozen=True)
class MetricScores:
    """One metric: the micro-averaged total and the same per role."""

    total: PRF
    per_role: dict[str, PRF]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.total.to_dict(),
            "per_role": {r: p.to_dict() for r, p in self.per_role.items()},
        }


@dataclass(frozen=True)
class Muc4Scores:
    template_f1: MetricScores
    ceaf_ree: MetricScores
    n_documents: int
    ignored_docids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "template_f1": self.template_f1.to_dict(),
            "ceaf_ree": self.ceaf_ree.to_dict(),
            "n_documents": self.n_documents,
            "ignored_docids": list(self.ignored_docids),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), indent=indent)


# --------------------------------------------------------------------------- matching

_NormEntity = frozenset[str]


def _norm_entity(e: Entity) -> _NormEntity:
    return frozenset(normalise(m) for m in e)


def _matched(pred: Sequence[_NormEntity], gold: Sequence[_NormEntity]) -> int:
    """Largest number of one-to-one pairs in which the predicted entity fits the gold one."""
    if not pred or not gold:
        return 0
    return len(max_bipartite_matching([[p <= g for g in gold] for p in pred]))


def _norm_roles(t: Template) -> dict[str, list[_NormEntity]]:
    return {r: [_norm_entity(e) for e in t.entities(r)] for r in ROLES}


def _doc_template_f1(pred: Sequence[Template], gold: Sequence[Template]) -> dict[str, PRF]:
    """Per slot (TYPE_SLOT and the roles) counts for one document under the best mapping."""
    counts = {s: PRF() for s in (TYPE_SLOT, *ROLES)}
    for t in pred:
        counts[TYPE_SLOT] += PRF(predicted=1)
        for r in ROLES:
            counts[r] += PRF(predicted=len(t.entities(r)))
    for t in gold:
        counts[TYPE_SLOT] += PRF(gold=1)
        for r in ROLES:
            counts[r] += PRF(gold=len(t.entities(r)))
    if not pred or not gold:
        return counts
    pn, gn = [_norm_roles(t) for t in pred], [_norm_roles(t) for t in gold]
    pair: dict[tuple[int, int], dict[str, int]] = {}
    weights = [[0] * len(gold) for _ in pred]
    for i, pt in enumerate(pred):
        for j, gt in enumerate(gold):
            if not _type_allowed(pt.incident_type, gt.incident_type):
                continue
            slots = {TYPE_SLOT: 1} | {r: _matched(pn[i][r], gn[j][r]) for r in ROLES}
            pair[i, j] = slots
            weights[i][j] = sum(slots.values())
    for i, j in max_weight_matching(weights):
        for s, c in pair[i, j].items():
            counts[s] += PRF(correct=c)
    return counts


def _dedup(entities: Iterable[_NormEntity]) -> list[_NormEntity]:
    return list(dict.fromkeys(entities))


def _doc_ceaf_ree(pred: Sequence[Template], gold: Sequence[Template]) -> dict[str, PRF]:
    counts: dict[str, PRF] = {}
    for r in ROLES:
        p = _dedup(_norm_entity(e) for t in pred for e in t.entities(r))
        g = _dedup(_norm_entity(e) for t in gold for e in t.entities(r))
        counts[r] = PRF(_matched(p, g), len(p), len(g))
    return counts


def _total(per_doc: Iterable[dict[str, PRF]], slots: Sequence[str]) -> MetricScores:
    per_role = {s: PRF() for s in slots}
    for counts in per_doc:
        for s in slots:
            per_role[s] += counts[s]
    return MetricScores(sum(per_role.values(), PRF()), per_role)


def score_template_f1(
    gold: Mapping[str, Sequence[Template]], predictions: Mapping[str, Sequence[Template]]
) -> MetricScores:
    """Template F1; ``per_role`` has ``incident_type`` followed by the five roles."""
    return _total(
        (_doc_template_f1(predictions.get(d, ()), g) for d, g in gold.items()), (TYPE_SLOT, *ROLES)
    )


def score_ceaf_ree(
    gold: Mapping[str, Sequence[Template]], predictions: Mapping[str, Sequence[Template]]
) -> MetricScores:
    """CEAF-REE over the five roles."""
    return _total((_doc_ceaf_ree(predictions.get(d, ()), g) for d, g in gold.items()), ROLES)


def score(
    gold: Mapping[str, Sequence[Template]], predictions: Mapping[str, Sequence[Template]]
) -> Muc4Scores:
    """Both metrics over all gold documents."""
    ignored = tuple(d for d in predictions if d not in gold)
    if ignored:
        more = " ..." if len(ignored) > 10 else ""
        log.warning(
            "%d prediction docid(s) not in gold ignored: %s",
            len(ignored),
            ", ".join(ignored[:10]) + more,
        )
    return Muc4Scores(
        score_template_f1(gold, predictions), score_ceaf_ree(gold, predictions), len(gold), ignored
    )


# --------------------------------------------------------------------------- report


def _table(title: str, m: MetricScores) -> list[str]:
    lines = [title, f"  {'slot':<14}{'P':>7}{'R':>7}{'F1':>7}{'correct':>9}{'pred':>7}{'gold':>7}"]
    rows = [*m.per_role.items(), ("all", m.total)]
    for name, p in rows:
        lines.append(
            f"  {name:<14}{100 * p.precision:7.2f}{100 * p.recall:7.2f}"
            f"{100 * p.f1:7.2f}{p.correct:9d}{p.predicted:7d}{p.gold:7d}"
        )
    return lines


def format_report(scores: Muc4Scores) -> str:
    """A plain-text table of both metrics (percentages)."""
    head = f"MUC-4: {scores.n_documents} gold documents"
    if scores.ignored_docids:
        head += f"; {len(scores.ignored_docids)} prediction docid(s) not in gold ignored"
    lines = [head, ""]
    lines += _table("Template F1 (Du et al. 2021, GTT)", scores.template_f1)
    lines.append("")
    lines += _table("CEAF-REE (Du et al. 2021, GRIT)", scores.ceaf_ree)
    return "\n".join(lines)
