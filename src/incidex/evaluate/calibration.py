"""``incidex eval calibration``: is an incident's ``confidence`` a probability one can trust?

An incident's confidence says how likely it is a real attack report, the kind of incident a
terrorism database records (DESIGN.md: "0..1, calibrated"). Calibrated means that of the
incidents given about 0.7, about 70 % are such reports. MUC-4 is the one set here whose gold
says which passages of an article report an attack and which do not (combat, speeches,
trials), so it is the yardstick: an incident counts as a real report when one of its sentences
holds a mention of a gold template's filler, the label the relevance model was trained on
(``training/train_muc4_templates.py``; train split only, so dev measures unseen text).

The report is a reliability table (confidence bins, their mean confidence and the share of real
reports in them), the expected calibration error (ECE: the bins' gaps weighted by their size),
the Brier score, and, for scale, the Brier score of a constant guess at the base rate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from incidex.article import Article
from incidex.evaluate.jsonl import jsonl_objects
from incidex.evaluate.muc4 import ROLES
from incidex.pipeline.doc import Doc
from incidex.pipeline.runner import Pipeline

#: Reliability bins: ten of equal width, the usual choice for ECE.
BINS = 10


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    observed: float


@dataclass
class CalibrationScores:
    """Calibration of incident confidence against labelled incidents."""

    incidents: int = 0
    documents: int = 0
    base_rate: float = 0.0
    ece: float = 0.0
    brier: float = 0.0
    brier_base_rate: float = 0.0
    bins: list[Bin] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "incidents": self.incidents, "documents": self.documents,
            "base_rate": round(self.base_rate, 4), "ece": round(self.ece, 4),
            "brier": round(self.brier, 4), "brier_base_rate": round(self.brier_base_rate, 4),
            "bins": [{"low": b.low, "high": b.high, "count": b.count,
                      "mean_confidence": round(b.mean_confidence, 4),
                      "observed": round(b.observed, 4)} for b in self.bins],
        }


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> CalibrationScores:
    """Reliability table, ECE and Brier score of (confidence, was it right) pairs."""
    scores = CalibrationScores(incidents=len(pairs))
    if not pairs:
        return scores
    n = len(pairs)
    scores.base_rate = sum(label for _, label in pairs) / n
    scores.brier = sum((p - label) ** 2 for p, label in pairs) / n
    scores.brier_base_rate = sum((scores.base_rate - label) ** 2 for _, label in pairs) / n
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(p, label) for p, label in pairs
                  if low <= p < high or (b == bins - 1 and p == high)]
        if not inside:
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        observed = sum(label for _, label in inside) / len(inside)
        scores.bins.append(Bin(low, high, len(inside), mean, observed))
        scores.ece += len(inside) / n * abs(mean - observed)
    return scores


def gold_sentences(doc: Doc, document: dict[str, Any]) -> set[int]:
    """The sentences holding a mention of any gold template's filler (MUC-4 offsets): an
    incident among them is a real attack report."""
    return {doc.sentence_index(int(offset)) for template in document.get("templates", [])
            for role in ROLES for entity in template.get(role, []) for _, offset in entity}


def labelled_confidences(documents: Iterable[dict[str, Any]],
                         pipeline: Pipeline | None = None) -> tuple[list[tuple[float, bool]], int]:
    """(confidence, is a real report) for every incident the pipeline finds, and the number
    of documents read."""
    pipe = pipeline or Pipeline()
    pairs: list[tuple[float, bool]] = []
    count = 0
    for document in documents:
        count += 1
        doc = pipe.run(Article(text=str(document["doctext"]), id=str(document["docid"])))
        gold = gold_sentences(doc, document)
        for frame, incident in zip(doc.frames, doc.incidents, strict=True):
            pairs.append((incident.confidence, bool(gold & set(frame.sentences))))
    return pairs, count


def evaluate_calibration(data: Path, pipeline: Pipeline | None = None) -> CalibrationScores:
    """Calibration of the pipeline's incident confidence on a MUC-4 JSONL file (with offsets)."""
    pairs, count = labelled_confidences((o for _, o in jsonl_objects(data, "docid")), pipeline)
    scores = reliability(pairs)
    scores.documents = count
    return scores


def format_calibration_report(scores: CalibrationScores) -> str:
    lines = [
        f"{scores.documents} documents, {scores.incidents} incidents, "
        f"{100 * scores.base_rate:.1f} % of them real attack reports",
        f"expected calibration error {scores.ece:.3f}",
        f"Brier score {scores.brier:.3f} (constant base-rate guess {scores.brier_base_rate:.3f})",
        "",
        "confidence   incidents  mean conf  observed",
    ]
    for b in scores.bins:
        lines.append(f"{b.low:.1f}-{b.high:.1f}   {b.count:9d}  {b.mean_confidence:9.3f}"
                     f"  {b.observed:8.3f}")
    return "\n".join(lines)
