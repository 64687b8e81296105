"""``incidex eval gtd``: code each GTD summary with the pipeline and score it field by field.

Only ``summary`` (the text) and ``eventid`` (the article id) are read from a row for
prediction; there is no publication date, the date comes from the text ("MM/DD/YYYY:" opens
every summary). The first incident of each summary is its prediction; a summary that yields
none is predicted blank and counted in ``FieldScores.no_incident``.

The predictions CSV has GTD's column names and GTD's meanings, which differ from incidex's
record in two places, so the row is built from :func:`incidex.export.gtd_csv.gtd_fields` and
then put in GTD's terms:

- ``nkill`` / ``nwound`` are totals, victims plus perpetrators (codebook, "Total Number of
  Fatalities": "includes all victims and attackers"); incidex keeps them apart;
- ``city`` is the place name whenever the place was resolved to a city (GTD writes "Baghdad"
  in ``city`` although it is also the province).

Scoring follows :mod:`incidex.evaluate.fields` and :mod:`incidex.evaluate.field_matching`,
plus these GTD decisions:

- the two files differ: the sample has 20 columns (``year`` for ``iyear``, no ``provstate``,
  coordinates, target type, ``gname``, ``claimed``, ``nkillter``), the North America file all
  135; a field is scored only where the file has its column;
- "Unknown" is a value for attack, weapon and target type (the codebook's own category), but
  means "no gold value" for ``city`` and ``gname``;
- counts: a blank prediction reads as 0 (nothing reported), for the exact accuracy and the MAE,
  which are over the rows whose gold count is known; ``suicide`` and ``claimed`` blank read as 0;
  a blank ``success`` is wrong;
- the full date is scored on rows whose gold month and day are known (GTD writes 0 otherwise);
- perpetrator group: over rows whose ``gname`` is not "Unknown", and again over the rows whose
  summary names the group (:func:`incidex.evaluate.field_matching.group_named_in`).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from incidex.article import Article
from incidex.errors import InputError
from incidex.evaluate.field_matching import (
    COORDINATE_TOLERANCE_KM,
    group_named_in,
    haversine_km,
    same_city,
    same_country,
    same_group,
    same_label,
    same_weapon,
)
from incidex.evaluate.field_values import (
    cell_text,
    is_unknown,
    parse_count,
    parse_float,
    read_csv_rows,
)
from incidex.evaluate.fields import FieldScores, score_rows
from incidex.export.gtd_csv import FieldValue, gtd_fields
from incidex.geo.normalize import normalize, strip_admin_affix
from incidex.pipeline.learned_coding import trained_on
from incidex.pipeline.runner import Pipeline
from incidex.record import Count, Incident

__all__ = [
    "GTD_TARGETS",
    "PREDICTION_COLUMNS",
    "compare_row",
    "evaluate_gtd",
    "incident_city",
    "load_gtd",
    "predict_gtd",
    "prediction_row",
    "score_gtd",
    "total_count",
]

log = logging.getLogger(__name__)

#: Columns of the predictions CSV; ``n_incidents`` (how many the summary yielded) is incidex's.
PREDICTION_COLUMNS: tuple[str, ...] = (
    "eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "city", "latitude",
    "longitude", "attacktype1_txt", "weaptype1_txt", "targtype1_txt", "gname", "claimed",
    "suicide", "success", "nkill", "nwound", "nkillter", "n_incidents",
)

#: Issue #4's targets on the dev data, by field name of the report.
GTD_TARGETS: dict[str, float] = {
    "attack type": 0.92,
    "weapon type": 0.94,
    "target type": 0.88,
    "success": 0.92,
    "suicide": 0.99,
    "killed": 0.92,
    "wounded": 0.88,
    "country": 0.99,
    "city": 0.92,
    "group (in text)": 0.90,
}

Row = Mapping[str, str]


# --------------------------------------------------------------------------- predicting


def total_count(victims: Count | None, perpetrators: Count | None) -> int | None:
    """GTD's total (nkill, nwound): victims plus perpetrators, None when neither is known."""
    values = [c.best for c in (victims, perpetrators) if c is not None and c.best is not None]
    return sum(values) if values else None


def incident_city(incident: Incident) -> str | None:
    """GTD's city: the export's, or the place name whenever it was resolved to a city."""
    city = gtd_fields(incident)["city"]
    location = incident.location
    if city is None and location.specificity == 1 and location.name != location.country:
        return location.name
    return None if city is None else str(city)


def prediction_row(eventid: str, incidents: list[Incident]) -> dict[str, FieldValue]:
    """The predictions CSV row of one summary: its first incident in GTD's terms."""
    row: dict[str, FieldValue] = dict.fromkeys(PREDICTION_COLUMNS)
    row["eventid"] = eventid
    row["n_incidents"] = len(incidents)
    if not incidents:
        return row
    incident = incidents[0]
    fields = gtd_fields(incident)
    for column in PREDICTION_COLUMNS[1:-1]:
        row[column] = fields.get(column)
    casualties = incident.casualties
    row["nkill"] = total_count(casualties.killed, casualties.perpetrators_killed)
    row["nwound"] = total_count(casualties.wounded, casualties.perpetrators_wounded)
    row["city"] = incident_city(incident)
    return row


def load_gtd(data: Path, limit: int | None = None) -> list[dict[str, str]]:
    """The rows of a GTD release CSV (any column subset that has eventid and summary)."""
    rows = read_csv_rows(data, required=("eventid", "summary"))
    return rows[:limit] if limit is not None else rows


def predict_gtd(
    rows: Iterable[Row], predictions: Path, pipeline: Pipeline | None = None
) -> list[dict[str, FieldValue]]:
    """Run the pipeline on each summary, write the predictions CSV and return its rows."""
    pipe = pipeline or Pipeline()
    out_rows: list[dict[str, FieldValue]] = []
    for row in rows:
        eventid, summary = row["eventid"], row["summary"]
        try:
            incidents = pipe.extract(Article(text=summary, id=eventid)) if summary.strip() else []
        except InputError as error:
            log.warning("eventid %s: %s", eventid, error)
            incidents = []
        out_rows.append(prediction_row(eventid, incidents))
    _write_csv(predictions, out_rows)
    return out_rows


def _write_csv(path: Path, rows: list[dict[str, FieldValue]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=PREDICTION_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})


# --------------------------------------------------------------------------- scoring

#: One compared field: (gold value, predicted value, right). Gold is None where not scored.
Comparison = tuple[object, object, bool]


_text = cell_text


def _count_or_zero(row: Mapping[str, FieldValue], column: str) -> int:
    value = row.get(column)
    parsed = parse_count(value if not isinstance(value, float) else int(value))
    return parsed or 0


def _same_province(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    return strip_admin_affix(normalize(predicted)) == strip_admin_affix(normalize(gold))


def _compare_category(
    gold: Row, pred: Mapping[str, FieldValue], column: str, same: Callable[[str | None, str | None], bool]
) -> Comparison | None:
    if column not in gold or not gold[column]:
        return None
    predicted = _text(pred, column)
    return gold[column], predicted, same(predicted, gold[column])


def compare_row(gold: Row, pred: Mapping[str, FieldValue]) -> dict[str, Comparison]:
    """Every scored field of one row: report field name -> (gold, predicted, right)."""
    out: dict[str, Comparison] = {}
    year = gold.get("iyear") or gold.get("year")
    if year:
        out["year"] = (year, _text(pred, "iyear"), _text(pred, "iyear") == year)
    if year and gold.get("imonth", "0") not in ("", "0") and gold.get("iday", "0") not in ("", "0"):
        g = (int(year), int(gold["imonth"]), int(gold["iday"]))
        p = tuple(parse_count(_text(pred, c)) for c in ("iyear", "imonth", "iday"))
        out["date"] = (g, p, p == g)
    for name, column, same in (
        ("country", "country_txt", same_country),
        ("province", "provstate", _same_province),
        ("city", "city", same_city),
        ("attack type", "attacktype1_txt", same_label),
        ("weapon type", "weaptype1_txt", same_weapon),
        ("target type", "targtype1_txt", same_label),
    ):
        if name in ("city", "province") and is_unknown(gold.get(column)):
            continue
        compared = _compare_category(gold, pred, column, same)
        if compared is not None:
            out[name] = compared
    lat, lon = parse_float(gold.get("latitude")), parse_float(gold.get("longitude"))
    if lat is not None and lon is not None:
        plat, plon = parse_float(_text(pred, "latitude")), parse_float(_text(pred, "longitude"))
        km = haversine_km(lat, lon, plat, plon) if plat is not None and plon is not None else None
        out["coordinates"] = ((lat, lon), km, km is not None and km <= COORDINATE_TOLERANCE_KM)
    gname = gold.get("gname")
    if gname and not is_unknown(gname):
        predicted_group = _text(pred, "gname")
        right = same_group(predicted_group, gname)
        out["group (named)"] = (gname, predicted_group, right)
        if group_named_in(gold.get("summary", ""), gname):
            out["group (in text)"] = (gname, predicted_group, right)
    for name, column in (("claimed", "claimed"), ("suicide", "suicide"), ("success", "success")):
        gold_flag = parse_count(gold.get(column))
        if gold_flag is None:
            continue
        predicted_flag = parse_count(_text(pred, column))
        if predicted_flag is None and name != "success":
            predicted_flag = 0
        out[name] = (gold_flag, predicted_flag, predicted_flag == gold_flag)
    for name, column in (("killed", "nkill"), ("wounded", "nwound"), ("perpetrators killed", "nkillter")):
        gold_count = parse_count(gold.get(column))
        if gold_count is None:
            continue
        predicted_count = _count_or_zero(pred, column)
        out[name] = (gold_count, predicted_count, predicted_count == gold_count)
    return out


_FIELD_ORDER: tuple[str, ...] = (
    "year", "date", "country", "province", "city", "coordinates", "attack type", "weapon type",
    "target type", "group (named)", "group (in text)", "claimed", "suicide", "success",
    "killed", "wounded", "perpetrators killed",
)
_COUNT_FIELDS = frozenset({"killed", "wounded", "perpetrators killed"})


def score_gtd(
    gold_rows: Iterable[Row], predicted: Mapping[str, Mapping[str, FieldValue]], dataset: str = "GTD"
) -> FieldScores:
    """Per-field scores of predictions (eventid -> row) against gold rows."""
    scores = score_rows(gold_rows, predicted, key="eventid", compare=compare_row,
                        field_order=_FIELD_ORDER, targets=GTD_TARGETS, count_fields=_COUNT_FIELDS,
                        dataset=dataset)
    if "coordinates" in scores.fields:
        scores.notes.append(
            f"coordinates: right within {COORDINATE_TOLERANCE_KM:.0f} km; MAE is the mean error "
            "in km over the rows with predicted coordinates"
        )
    return scores


def evaluate_gtd(
    data: Path, predictions: Path, limit: int | None = None, pipeline: Pipeline | None = None
) -> FieldScores:
    """Predict every row of a GTD release CSV into ``predictions`` and score it."""
    gold = load_gtd(data, limit)
    rows = predict_gtd(gold, predictions, pipeline)
    by_id = {str(row["eventid"]): row for row in rows}
    scores = score_gtd(gold, by_id, dataset=f"GTD {data.name}")
    uses_coder = pipeline is None or "coding.learned" in pipeline.names
    if uses_coder and data.name in trained_on():
        scores.notes.append(
            f"attack type, weapon type, success, suicide: the learned coder was fitted on {data.name}, "
            "so these are in-sample figures; `make train-gtd-coding` prints the 5-fold estimates"
        )
    return scores
