"""``incidex eval dedup``: does cross-article resolution merge reports of one event, and only those?

No public corpus labels news reports by the real-world event they describe, so two are built
from ``shared/data`` (``data_dir``), the real pipeline runs on their texts, :func:`incidex.dedup.
resolve` groups the extracted incidents, and the groups are scored against the gold groups.

How the two sets are built is told in :mod:`incidex.evaluate.dedup_gold`.

Scores. Items are extracted incidents. Pairwise P/R/F1 count item pairs put together; B-cubed
P/R/F1 average per item the share of its predicted cluster that is its gold cluster and vice
versa. B-cubed counts every singleton, which most items are, so it is also given on the items of
gold clusters with two or more reports ("multi"). Each corpus is split in two halves by a
hash of its gold components (whole components go one way): ``dev``, on which the threshold
sweep is shown and :data:`incidex.dedup.MATCH_THRESHOLD` was chosen, and ``test``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from incidex.dedup import MATCH_THRESHOLD, cluster, score_candidates
from incidex.evaluate.dedup_gold import RAND_DUPLICATE_JACCARD, GoldItem, build_muc4_items, build_rand_items
from incidex.pipeline.runner import Pipeline

__all__ = [
    "RAND_DUPLICATE_JACCARD",
    "SWEEP",
    "ClusterScores",
    "DedupScores",
    "GoldItem",
    "build_muc4_items",
    "build_rand_items",
    "evaluate_dedup",
    "format_dedup_report",
    "score_clusters",
]

#: Thresholds shown in the sweep on the development half.
SWEEP: tuple[float, ...] = (2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5)


@dataclass
class ClusterScores:
    items: int = 0
    gold_multi_clusters: int = 0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    pairwise_precision: float = 1.0
    pairwise_recall: float = 1.0
    pairwise_f1: float = 1.0
    bcubed_precision: float = 1.0
    bcubed_recall: float = 1.0
    bcubed_f1: float = 1.0
    multi_bcubed_precision: float = 1.0
    multi_bcubed_recall: float = 1.0
    multi_bcubed_f1: float = 1.0


@dataclass
class DedupScores:
    threshold: float
    scores: dict[str, dict[str, ClusterScores]] = field(default_factory=dict)
    sweep: list[dict[str, float]] = field(default_factory=list)
    construction: dict[str, int] = field(default_factory=dict)
    timing: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "threshold": self.threshold,
            "scores": {h: {c: asdict(s) for c, s in by.items()} for h, by in self.scores.items()},
            "sweep": self.sweep,
            "construction": self.construction,
            "timing": self.timing,
        }


# --------------------------------------------------------------------------- scoring


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(labels: Sequence[str]) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    return {(a, b) for members in groups.values() for k, a in enumerate(members) for b in members[k + 1 :]}


def _bcubed(gold: Sequence[str], predicted: Sequence[str], subset: Iterable[int]) -> tuple[float, float, int]:
    gold_of: dict[str, set[int]] = defaultdict(set)
    pred_of: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        gold_of[g].add(i)
        pred_of[p].add(i)
    precision = recall = 0.0
    n = 0
    for i in subset:
        shared = len(gold_of[gold[i]] & pred_of[predicted[i]])
        precision += shared / len(pred_of[predicted[i]])
        recall += shared / len(gold_of[gold[i]])
        n += 1
    return (precision / n, recall / n, n) if n else (1.0, 1.0, 0)


def score_clusters(gold: Sequence[str], predicted: Sequence[str]) -> ClusterScores:
    """Pairwise and B-cubed scores of a predicted clustering (labels per item) against gold."""
    out = ClusterScores(items=len(gold))
    gold_pairs, pred_pairs = _pairs(gold), _pairs(predicted)
    out.gold_pairs, out.predicted_pairs = len(gold_pairs), len(pred_pairs)
    out.correct_pairs = len(gold_pairs & pred_pairs)
    out.pairwise_precision = out.correct_pairs / len(pred_pairs) if pred_pairs else 1.0
    out.pairwise_recall = out.correct_pairs / len(gold_pairs) if gold_pairs else 1.0
    out.pairwise_f1 = _f1(out.pairwise_precision, out.pairwise_recall)
    p, r, _ = _bcubed(gold, predicted, range(len(gold)))
    out.bcubed_precision, out.bcubed_recall, out.bcubed_f1 = p, r, _f1(p, r)
    sizes: dict[str, int] = defaultdict(int)
    for g in gold:
        sizes[g] += 1
    out.gold_multi_clusters = sum(1 for s in sizes.values() if s > 1)
    multi = [i for i, g in enumerate(gold) if sizes[g] > 1]
    p, r, _ = _bcubed(gold, predicted, multi)
    out.multi_bcubed_precision, out.multi_bcubed_recall, out.multi_bcubed_f1 = p, r, _f1(p, r)
    return out


# --------------------------------------------------------------------------- running


def _predict(items: Sequence[GoldItem], thresholds: Sequence[float]) -> tuple[dict[float, list[str]], int]:
    incidents = [item.incident for item in items]
    scored = score_candidates(incidents)
    out: dict[float, list[str]] = {}
    for threshold in thresholds:
        labels = [""] * len(items)
        for k, members in enumerate(cluster(len(items), scored, threshold)):
            for i in members:
                labels[i] = str(k)
        out[threshold] = labels
    return out, len(scored)


def evaluate_dedup(
    data_dir: Path,
    *,
    threshold: float = MATCH_THRESHOLD,
    rand_limit: int = 2000,
    muc4_limit: int | None = None,
    pipeline: Pipeline | None = None,
) -> DedupScores:
    """Build both cross-document sets from ``data_dir``, extract, resolve, score (module docstring)."""
    pipe = pipeline or Pipeline()
    result = DedupScores(threshold=threshold)
    started = time.perf_counter()
    items = build_muc4_items(data_dir, pipe, result.construction, muc4_limit)
    items += build_rand_items(data_dir, pipe, result.construction, rand_limit)
    extracted = time.perf_counter()
    thresholds = sorted({threshold, *SWEEP})
    pairs_scored = 0
    resolve_s = 0.0
    for half in ("dev", "test"):
        for corpus in ("muc4", "rand"):
            subset = [item for item in items if item.half == half and item.corpus == corpus]
            t0 = time.perf_counter()
            predicted, n_pairs = _predict(subset, thresholds)
            resolve_s += time.perf_counter() - t0
            pairs_scored += n_pairs
            gold = [item.gold for item in subset]
            for t, labels in predicted.items():
                prefixed = [f"{corpus}:{label}" for label in labels]
                if t == threshold:
                    result.scores.setdefault(half, {})[corpus] = score_clusters(gold, prefixed)
                if half == "dev":
                    _sweep_add(result.sweep, t, corpus, gold, prefixed)
    for half in ("dev", "test"):
        result.scores[half]["all"] = _pooled(items, half, threshold)
    result.timing = {
        "extract_s": round(extracted - started, 2),
        "resolve_s": round(resolve_s, 3),
        "pairs_scored": float(pairs_scored),
        "items": float(len(items)),
        "items_per_s_resolve": round(len(items) / resolve_s, 1) if resolve_s else 0.0,
    }
    _finish_sweep(result.sweep)
    return result


def _pooled(items: Sequence[GoldItem], half: str, threshold: float) -> ClusterScores:
    gold: list[str] = []
    predicted: list[str] = []
    for corpus in ("muc4", "rand"):
        subset = [item for item in items if item.half == half and item.corpus == corpus]
        labels, _ = _predict(subset, [threshold])
        gold.extend(item.gold for item in subset)
        predicted.extend(f"{corpus}:{label}" for label in labels[threshold])
    return score_clusters(gold, predicted)


_SweepRow = dict[str, float]


def _sweep_add(sweep: list[_SweepRow], t: float, corpus: str, gold: list[str], predicted: list[str]) -> None:
    row = next((r for r in sweep if r["threshold"] == t), None)
    if row is None:
        row = {"threshold": t, "gold_pairs": 0.0, "predicted_pairs": 0.0, "correct_pairs": 0.0}
        sweep.append(row)
    scores = score_clusters(gold, predicted)
    row["gold_pairs"] += scores.gold_pairs
    row["predicted_pairs"] += scores.predicted_pairs
    row["correct_pairs"] += scores.correct_pairs
    row[f"{corpus}_bcubed_f1"] = round(scores.bcubed_f1, 4)
    row[f"{corpus}_pairwise_precision"] = round(scores.pairwise_precision, 4)
    row[f"{corpus}_pairwise_recall"] = round(scores.pairwise_recall, 4)


def _finish_sweep(sweep: list[_SweepRow]) -> None:
    sweep.sort(key=lambda r: r["threshold"])
    for row in sweep:
        p = row["correct_pairs"] / row["predicted_pairs"] if row["predicted_pairs"] else 1.0
        r = row["correct_pairs"] / row["gold_pairs"] if row["gold_pairs"] else 1.0
        row["pairwise_precision"], row["pairwise_recall"] = round(p, 4), round(r, 4)


def format_dedup_report(scores: DedupScores) -> str:
    lines = [f"Cross-article incident resolution (threshold {scores.threshold})", ""]
    header = (
        f"{'half':5} {'corpus':6} {'items':>6} {'multi':>6} {'pair P':>7} {'pair R':>7} {'pair F1':>7} "
        f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'B3m F1':>7}"
    )
    lines.append(header)
    for half, by in scores.scores.items():
        for corpus, s in by.items():
            lines.append(
                f"{half:5} {corpus:6} {s.items:6d} {s.gold_multi_clusters:6d} {s.pairwise_precision:7.3f} "
                f"{s.pairwise_recall:7.3f} {s.pairwise_f1:7.3f} {s.bcubed_precision:6.3f} "
                f"{s.bcubed_recall:6.3f} {s.bcubed_f1:6.3f} {s.multi_bcubed_f1:7.3f}"
            )
    lines += ["", "Threshold sweep (dev, both corpora pooled for pairwise):"]
    for row in scores.sweep:
        lines.append(
            f"  {row['threshold']:4.1f}  pair P {row['pairwise_precision']:.3f}"
            f"  pair R {row['pairwise_recall']:.3f}"
            f"  B3 F1 muc4 {row.get('muc4_bcubed_f1', 0.0):.3f} rand {row.get('rand_bcubed_f1', 0.0):.3f}"
        )
    lines += ["", "Construction: " + ", ".join(f"{k} {v}" for k, v in scores.construction.items())]
    lines.append("Timing: " + ", ".join(f"{k} {v:g}" for k, v in scores.timing.items()))
    return "\n".join(lines)
