"""Geoparsing scorer behind ``incidex eval geo`` (GeoWebNews, GeoVirus and their format).

Contract (``DESIGN.md``, "Evaluation contracts"): the data is JSON lines
``{"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon", "geonameid"?}]}``.
Every given gold span is resolved from the text and the span offsets alone (no other gold
field is read to predict); predictions are written as
``{"id", "toponyms": [{"start", "end", "lat", "lon", "geonameid"}]}`` (``null`` where
nothing was found) and then read back and scored, so a predictions file written by any
other system is scored the same way (``score_geo``).

Measures (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation"):

- accuracy within 161 km (100 miles) over all scored gold toponyms; an unresolved toponym
  (or one missing from the predictions) is wrong;
- mean and median error in km, an unresolved toponym counting as ``MAX_ERROR_KM`` (half
  the Earth's circumference, the largest possible error);
- AUC: the area under the sorted curve of ``log(1 + error km) / log(MAX_ERROR_KM)``,
  normalised to [0, 1] (0 = every toponym exact, 1 = every one unresolved); lower is better;
- exact GeoNames id accuracy over gold toponyms that carry an id.

Gold spans whose text does not slice to their ``name`` (two in GeoWebNews article 123, a
flaw of the release) and spans without coordinates are skipped and counted in ``skipped``.

With ``recognise=True`` the toponym finder is also run on the text and its spans are scored
against all gold spans: exactly (same offsets) and by overlap (a one-to-one pairing of
overlapping spans, greedy left to right).
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from incidex.errors import EmptyInputError, InputError, MalformedRecordError
from incidex.evaluate.jsonl import jsonl_objects
from incidex.geo.gazetteer import Gazetteer
from incidex.geo.resolver import haversine_km, resolve_spans
from incidex.geo.toponyms import find_toponyms

__all__ = [
    "ACCURACY_KM",
    "MAX_ERROR_KM",
    "GeoDocument",
    "GeoScores",
    "GoldToponym",
    "SpanScores",
    "auc_of_errors",
    "evaluate_geo",
    "format_geo_report",
    "load_geo_documents",
    "predict_geo",
    "score_geo",
]

ACCURACY_KM = 161.0  # 100 miles, the field's customary threshold
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(frozen=True)
class GeoDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]

    def scored(self) -> list[GoldToponym]:
        """The gold toponyms that are scored: they slice to their name and have a point."""
        return [t for t in self.toponyms if _sliceable(self.text, t) and t.lat is not None]


def _sliceable(text: str, t: GoldToponym) -> bool:
    return 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.name


def _number(value: Any, where: str, what: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise MalformedRecordError(f"{what} must be a number", source=where)
    try:
        return float(value)
    except ValueError as exc:
        raise MalformedRecordError(f"{what} must be a number", source=where) from exc


def _geonameid(value: Any, where: str) -> int | None:
    number = _number(value, where, "geonameid")
    return None if number is None else int(number)


def _spans(obj: dict[str, Any], where: str) -> list[dict[str, Any]]:
    spans = obj.get("toponyms", [])
    if not isinstance(spans, list) or not all(isinstance(s, dict) for s in spans):
        raise MalformedRecordError("toponyms must be a list of objects", source=where)
    for s in spans:
        if not isinstance(s.get("start"), int) or not isinstance(s.get("end"), int):
            raise MalformedRecordError("a toponym needs integer start and end", source=where)
    return spans


def load_geo_documents(path: Path) -> list[GeoDocument]:
    """Gold documents from a JSON-lines file in the GeoWebNews/GeoVirus format."""
    docs: list[GeoDocument] = []
    seen: set[str] = set()
    for where, obj in jsonl_objects(path, "id"):
        doc_id = str(obj["id"])
        if doc_id in seen:
            raise MalformedRecordError(f"id {doc_id} appears twice", source=where)
        seen.add(doc_id)
        text = obj.get("text")
        if not isinstance(text, str):
            raise MalformedRecordError("a document needs a text", source=where)
        tops = tuple(
            GoldToponym(
                s["start"],
                s["end"],
                str(s.get("name", text[s["start"] : s["end"]])),
                _number(s.get("lat"), where, "lat"),
                _number(s.get("lon"), where, "lon"),
                _geonameid(s.get("geonameid"), where),
            )
            for s in _spans(obj, where)
        )
        docs.append(GeoDocument(doc_id, text, tops))
    if not docs:
        raise EmptyInputError("no geoparsing documents", source=str(path))
    return docs


def predict_geo(docs: Iterable[GeoDocument], gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """One prediction record per document: every given gold span resolved from the text."""
    gaz = gazetteer or Gazetteer.default()
    out: list[dict[str, Any]] = []
    for doc in docs:
        spans = [(t.start, t.end) for t in doc.toponyms if 0 <= t.start < t.end <= len(doc.text)]
        records = []
        for r in resolve_spans(doc.text, spans, gaz):
            place = r.place
            records.append(
                {
                    "start": r.toponym.start,
                    "end": r.toponym.end,
                    "lat": place.lat if place else None,
                    "lon": place.lon if place else None,
                    # Places without a GeoNames id (Natural Earth groupings) carry negative ids.
                    "geonameid": place.geonameid if place and place.geonameid > 0 else None,
                }
            )
        out.append({"id": doc.id, "toponyms": records})
    return out


Point = tuple[float | None, float | None, int | None]


def _load_predictions(path: Path) -> dict[str, dict[tuple[int, int], Point]]:
    out: dict[str, dict[tuple[int, int], Point]] = {}
    for where, obj in jsonl_objects(path, "id"):
        spans = out.setdefault(str(obj["id"]), {})
        for s in _spans(obj, where):
            point = (
                _number(s.get("lat"), where, "lat"),
                _number(s.get("lon"), where, "lon"),
                _geonameid(s.get("geonameid"), where),
            )
            spans[(s["start"], s["end"])] = point
    return out


def auc_of_errors(errors_km: list[float]) -> float:
    """Area under the sorted ``log(1 + km) / log(MAX_ERROR_KM)`` curve, in [0, 1].

    Trapezoids over the sorted errors at unit spacing, divided by the width (n - 1), as in
    Gritta et al.'s scorer; a single error is its own scaled value.
    """
    if not errors_km:
        return 0.0
    scaled = sorted(min(1.0, math.log1p(max(0.0, e)) / math.log(MAX_ERROR_KM)) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in pairwise(scaled))
    return area / (len(scaled) - 1)


@dataclass(frozen=True)
class SpanScores:
    """Precision, recall and F1 of predicted toponym spans against gold spans."""

    predicted: int
    gold: int
    exact: int
    overlap: int

    @staticmethod
    def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
        p = correct / predicted if predicted else (1.0 if not gold else 0.0)
        r = correct / gold if gold else 1.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

    def exact_prf(self) -> dict[str, float]:
        return self._prf(self.exact, self.predicted, self.gold)

    def overlap_prf(self) -> dict[str, float]:
        return self._prf(self.overlap, self.predicted, self.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "exact": {"correct": self.exact, **self.exact_prf()},
            "overlap": {"correct": self.overlap, **self.overlap_prf()},
        }


@dataclass(frozen=True)
class GeoScores:
    documents: int
    toponyms: int  # gold toponyms scored
    resolved: int  # of those, how many got a point
    within_161km: int
    errors_km: tuple[float, ...] = field(repr=False)
    with_geonameid: int = 0
    exact_geonameid: int = 0
    skipped: int = 0  # gold spans that do not slice to their name or have no point
    recognition: SpanScores | None = None

    @property
    def accuracy(self) -> float:
        return self.within_161km / self.toponyms if self.toponyms else 0.0

    @property
    def mean_km(self) -> float:
        return statistics.fmean(self.errors_km) if self.errors_km else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    @property
    def auc(self) -> float:
        return auc_of_errors(list(self.errors_km))

    @property
    def geonameid_accuracy(self) -> float:
        return self.exact_geonameid / self.with_geonameid if self.with_geonameid else 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": self.documents,
            "toponyms": self.toponyms,
            "resolved": self.resolved,
            "skipped": self.skipped,
            "accuracy_161km": self.accuracy,
            "within_161km": self.within_161km,
            "mean_error_km": self.mean_km,
            "median_error_km": self.median_km,
            "auc": self.auc,
            "with_geonameid": self.with_geonameid,
            "exact_geonameid": self.exact_geonameid,
            "geonameid_accuracy": self.geonameid_accuracy,
        }
        if self.recognition is not None:
            out["recognition"] = self.recognition.to_dict()
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), indent=indent)


def _distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km(lat1, lon1, lat2, lon2)


def score_geo(docs: list[GeoDocument], predictions: Path) -> GeoScores:
    """Score a predictions file against gold documents (resolution of the given spans)."""
    predicted = _load_predictions(predictions)
    errors: list[float] = []
    resolved = within = with_id = exact_id = skipped = 0
    for doc in docs:
        spans = predicted.get(doc.id, {})
        scored = doc.scored()
        skipped += len(doc.toponyms) - len(scored)
        for t in scored:
            lat, lon, gid = spans.get((t.start, t.end), (None, None, None))
            assert t.lat is not None and t.lon is not None
            if lat is None or lon is None:
                err = MAX_ERROR_KM
            else:
                resolved += 1
                err = _distance(t.lat, t.lon, lat, lon)
            errors.append(err)
            within += err <= ACCURACY_KM
            if t.geonameid is not None:
                with_id += 1
                exact_id += gid == t.geonameid
    return GeoScores(
        documents=len(docs),
        toponyms=len(errors),
        resolved=resolved,
        within_161km=within,
        errors_km=tuple(errors),
        with_geonameid=with_id,
        exact_geonameid=exact_id,
        skipped=skipped,
    )


def _recognition(docs: list[GeoDocument], gazetteer: Gazetteer) -> SpanScores:
    n_pred = n_gold = exact = overlap = 0
    for doc in docs:
        gold = sorted({(t.start, t.end) for t in doc.toponyms if _sliceable(doc.text, t)})
        pred = sorted({(t.start, t.end) for t in find_toponyms(doc.text, gazetteer)})
        n_pred += len(pred)
        n_gold += len(gold)
        exact += len(set(gold) & set(pred))
        used: set[int] = set()
        for ps, pe in pred:
            for k, (gs, ge) in enumerate(gold):
                if k not in used and ps < ge and gs < pe:
                    used.add(k)
                    overlap += 1
                    break
    return SpanScores(n_pred, n_gold, exact, overlap)


def evaluate_geo(data: Path, predictions: Path, recognise: bool = False) -> GeoScores:
    """Resolve every gold span in ``data``, write ``predictions`` and score them."""
    docs = load_geo_documents(data)
    gaz = Gazetteer.default()
    records = predict_geo(docs, gaz)
    try:
        with predictions.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"cannot write predictions: {exc}", source=str(predictions)) from exc
    scores = score_geo(docs, predictions)
    if recognise:
        scores = GeoScores(**{**scores.__dict__, "recognition": _recognition(docs, gaz)})
    return scores


def format_geo_report(scores: GeoScores) -> str:
    """A short human-readable report of ``GeoScores``."""
    lines = [
        f"documents {scores.documents}, toponyms {scores.toponyms} "
        f"(resolved {scores.resolved}, skipped {scores.skipped})",
        f"accuracy within {ACCURACY_KM:.0f} km  {100 * scores.accuracy:6.2f} %"
        f"  ({scores.within_161km}/{scores.toponyms})",
        f"mean error            {scores.mean_km:9.1f} km",
        f"median error          {scores.median_km:9.1f} km",
        f"AUC (lower is better) {scores.auc:9.4f}",
    ]
    if scores.with_geonameid:
        lines.append(
            f"exact GeoNames id     {100 * scores.geonameid_accuracy:6.2f} %"
            f"  ({scores.exact_geonameid}/{scores.with_geonameid})"
        )
    if scores.recognition is not None:
        rec = scores.recognition
        for label, prf in (("exact", rec.exact_prf()), ("overlap", rec.overlap_prf())):
            lines.append(
                f"recognition ({label:7s}) P {100 * prf['precision']:5.1f}  "
                f"R {100 * prf['recall']:5.1f}  F1 {100 * prf['f1']:5.1f}"
            )
    return "\n".join(lines)
