"""Field-by-field scoring of coded incidents against a coded database (GTD, RAND).

A database row and the incident incidex read from the same text are compared one field at a
time. A field is scored only on the rows where the gold side has a value (GTD's blanks and its
placeholders -9 / -99 / "Unknown" are "no value"); a missing prediction on such a row is wrong.
Counts also get a mean absolute error.

What counts as the same value is decided in :mod:`incidex.evaluate.field_matching`; reading
the database's CSV file and its cells in :mod:`incidex.evaluate.field_values`. This module
keeps the scores, the loop that fills them and the report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from incidex.evaluate.field_values import cell_text, parse_count

__all__ = [
    "Comparison",
    "FieldScore",
    "FieldScores",
    "format_field_report",
    "score_rows",
]


@dataclass
class FieldScore:
    """One field: how many gold values, how many right, and the absolute errors of counts."""

    name: str
    n: int = 0
    correct: int = 0
    abs_errors: list[float] = field(default_factory=list)
    target: float | None = None

    def add(self, right: bool, abs_error: float | None = None) -> None:
        self.n += 1
        self.correct += int(right)
        if abs_error is not None:
            self.abs_errors.append(abs_error)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def mae(self) -> float | None:
        return sum(self.abs_errors) / len(self.abs_errors) if self.abs_errors else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "mae": self.mae,
            "target": self.target,
        }


@dataclass
class FieldScores:
    """Per-field scores of one run over a dataset."""

    dataset: str
    rows: int = 0
    no_incident: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def field(self, name: str, target: float | None = None) -> FieldScore:
        if name not in self.fields:
            self.fields[name] = FieldScore(name, target=target)
        return self.fields[name]

    def __iter__(self) -> Iterator[FieldScore]:
        return iter(self.fields.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "rows": self.rows,
            "no_incident": self.no_incident,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "notes": list(self.notes),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), indent=indent)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def format_field_report(scores: FieldScores) -> str:
    """One plain-text table: field, n, accuracy (%), MAE, and the target where one is set."""
    share = scores.no_incident / scores.rows if scores.rows else 0.0
    lines = [
        f"{scores.dataset}: {scores.rows} rows, {scores.no_incident} without an incident "
        f"({100 * share:.1f} %)",
        "",
        f"{'field':<22} {'n':>6} {'acc %':>7} {'MAE':>8} {'target %':>9}",
    ]
    for score in scores:
        mae = "" if score.mae is None else f"{score.mae:.2f}"
        target = "" if score.target is None else f"{100 * score.target:.0f}"
        lines.append(
            f"{score.name:<22} {score.n:>6} {_pct(score.accuracy):>7} {mae:>8} {target:>9}"
        )
    lines.extend(f"note: {note}" for note in scores.notes)
    return "\n".join(lines)


#: (gold value, predicted value, right?) for one field of one row.
Comparison = tuple[Any, Any, bool]



def score_rows(
    gold_rows: Iterable[Mapping[str, str]],
    predicted: Mapping[str, Mapping[str, Any]],
    *,
    key: str,
    compare: Callable[[Mapping[str, str], Mapping[str, Any]], Mapping[str, Comparison]],
    field_order: Iterable[str],
    targets: Mapping[str, float],
    count_fields: Iterable[str],
    dataset: str,
) -> FieldScores:
    """Per-field scores of predictions (row key -> predicted row) against gold rows: the one
    loop behind the GTD and RAND scorers. Counts also add their absolute error, coordinates
    their distance in km (the predicted value ``compare`` gives for them)."""
    counts = frozenset(count_fields)
    scores = FieldScores(dataset=dataset)
    for name in field_order:
        scores.field(name, targets.get(name))
    for gold in gold_rows:
        scores.rows += 1
        pred = predicted.get(gold[key], {})
        if not pred or not parse_count(cell_text(pred, "n_incidents")):
            scores.no_incident += 1
        for name, (gold_value, predicted_value, right) in compare(gold, pred).items():
            error: float | None = None
            if name in counts:
                error = abs(float(gold_value) - float(predicted_value))
            elif name == "coordinates" and predicted_value is not None:
                error = float(predicted_value)
            scores.field(name).add(right, error)
    scores.fields = {k: v for k, v in scores.fields.items() if v.n}
    return scores
