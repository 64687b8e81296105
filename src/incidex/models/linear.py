"""Sparse linear classifiers in plain Python: a dictionary of feature weights, read from a small
JSON file shipped in the package, scored by summing the weights of the features present.

Why not a library: inference is a few hundred dictionary look-ups per document, which plain
Python does in microseconds, and the package then needs no numerical dependency at run time.
The weights are fitted by :func:`fit_logistic` (logistic regression with AdaGrad and an L2
penalty, also in plain Python: the problems are a few thousand examples over tens of thousands
of features and fit in seconds), called by ``training/train_muc4_templates.py``.
"""

from __future__ import annotations

import gzip
import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from incidex.errors import DataError


@dataclass(frozen=True)
class LinearModel:
    """A binary (``classes`` of length 2) or multi-class logistic model.

    ``weights[c]`` maps feature name to weight for class ``c``; ``bias[c]`` is its intercept.
    A binary model keeps one weight table (for ``classes[1]``)."""

    classes: tuple[str, ...]
    weights: tuple[dict[str, float], ...]
    bias: tuple[float, ...]

    def scores(self, features: Iterable[str]) -> list[float]:
        """The raw score of each weight table (one for a binary model)."""
        present = set(features)
        return [b + sum(w.get(f, 0.0) for f in present) for w, b in zip(self.weights, self.bias, strict=True)]

    def probability(self, features: Iterable[str]) -> float:
        """P(classes[1]) of a binary model."""
        return _sigmoid(self.scores(features)[0])

    def distribution(self, features: Iterable[str]) -> dict[str, float]:
        """P(class) for each class: the sigmoid of a binary model, the softmax of a
        multi-class one."""
        raw = self.scores(features)
        if len(self.classes) == 2 and len(raw) == 1:
            p = _sigmoid(raw[0])
            return {self.classes[0]: 1 - p, self.classes[1]: p}
        top = max(raw)
        exp = [math.exp(s - top) for s in raw]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def predict(self, features: Iterable[str]) -> str:
        """The most probable class."""
        distribution = self.distribution(features)
        return max(self.classes, key=distribution.__getitem__)

    def to_json(self) -> dict[str, object]:
        return {"classes": list(self.classes), "bias": list(self.bias),
                "weights": [{f: round(v, 5) for f, v in w.items()} for w in self.weights]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        classes = data["classes"]
        bias = data["bias"]
        weights = data["weights"]
        if not (isinstance(classes, list) and isinstance(bias, list) and isinstance(weights, list)):
            raise DataError("a linear model needs classes, bias and weights lists")
        return cls(tuple(str(c) for c in classes), tuple(dict(w) for w in weights),
                   tuple(float(b) for b in bias))


    @classmethod
    def from_feature_rows(cls, data: dict[str, object]) -> LinearModel:
        """A model stored feature by feature, as ``training/train_gtd_coding.py`` writes it:
        ``{"labels": [...], "bias": [...], "weights": {feature: [one weight per label]}}``."""
        labels, bias, rows = data.get("labels"), data.get("bias"), data.get("weights")
        if not (isinstance(labels, list) and isinstance(bias, list) and isinstance(rows, dict)):
            raise DataError("a linear model needs labels and bias lists and a weights table")
        if len(bias) != len(labels) or any(not isinstance(r, list) or len(r) != len(labels)
                                           for r in rows.values()):
            raise DataError("a linear model's weights do not match its labels")
        tables: tuple[dict[str, float], ...] = tuple({} for _ in labels)
        for feature, row in rows.items():
            for table, weight in zip(tables, row, strict=True):
                if weight:
                    table[str(feature)] = float(weight)
        return cls(tuple(str(label) for label in labels), tables, tuple(float(b) for b in bias))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def load_model(name: str) -> LinearModel:
    """A shipped model of ``incidex/models/`` (gzipped JSON)."""
    resource = resources.files("incidex") / "models" / name
    if not resource.is_file():
        raise DataError(f"model {name} is missing; rebuild it with `make train-muc4-templates`",
                        source=str(resource))
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return LinearModel.from_json(json.load(handle))


def read_model(path: str | Path) -> LinearModel:
    """A model file written by :func:`save_model`."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return LinearModel.from_json(json.load(handle))


def save_model(model: LinearModel, path: str | Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(model.to_json(), handle, separators=(",", ":"), sort_keys=True)


def fit_logistic(
    examples: Sequence[tuple[Sequence[str], str]],
    classes: Sequence[str],
    *,
    epochs: int = 15,
    l2: float = 1e-4,
    rate: float = 0.3,
    min_count: int = 2,
    seed: int = 13,
    class_weight: dict[str, float] | None = None,
) -> LinearModel:
    """Fit on (features, label) pairs; features seen in fewer than ``min_count`` examples are
    dropped. Two classes give one weight table (for ``classes[1]``), more give one per class."""
    counts = Counter(f for features, _ in examples for f in set(features))
    keep = {f for f, n in counts.items() if n >= min_count}
    data = [([f for f in set(fs) if f in keep], classes.index(label)) for fs, label in examples]
    tables = 1 if len(classes) == 2 else len(classes)
    weights: list[dict[str, float]] = [{} for _ in range(tables)]
    squares: list[dict[str, float]] = [{} for _ in range(tables)]
    bias = [0.0] * tables
    bias_sq = [1e-8] * tables
    order = list(range(len(data)))
    rng = random.Random(seed)
    cw = class_weight or {}
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            features, label = data[index]
            grads = _gradients([bias[t] + sum(weights[t].get(f, 0.0) for f in features)
                                for t in range(tables)], label, tables)
            scale = cw.get(classes[label], 1.0)
            for t in range(tables):
                g = grads[t] * scale
                bias_sq[t] += g * g
                bias[t] -= rate * g / math.sqrt(bias_sq[t])
                w, sq = weights[t], squares[t]
                for f in features:
                    gf = g + l2 * w.get(f, 0.0)
                    sq[f] = sq.get(f, 1e-8) + gf * gf
                    w[f] = w.get(f, 0.0) - rate * gf / math.sqrt(sq[f])
    pruned = tuple({f: v for f, v in w.items() if abs(v) >= 1e-3} for w in weights)
    return LinearModel(tuple(classes), pruned, tuple(bias))


def _gradients(scores: list[float], label: int, tables: int) -> list[float]:
    if tables == 1:
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, scores[0]))))
        return [p - (1.0 if label == 1 else 0.0)]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total - (1.0 if t == label else 0.0) for t, e in enumerate(exp)]
