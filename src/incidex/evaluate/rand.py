"""``incidex eval rand``: code each RAND (RDWTI) description and score it field by field.

Only ``Description`` is read for prediction; the article id is the row's position in the file
("rand-0", "rand-1", ...), since RAND has no ids. The first incident is the prediction.

RAND codes one weapon class per incident in its own vocabulary; :data:`RAND_WEAPON_TYPES`
maps it onto GTD weapon types. "Unknown", "Other" (a mix of toy pistols, noise bombs, trucks
and tear gas) and "Unconventional Attack" have no single GTD type, and the three stray values
("Business", "Telecommunication", blank) are data-entry slips: those rows are not scored for
weapon. Fatalities and injuries are compared to incidex's totals (victims plus perpetrators),
as for GTD; a blank prediction reads as 0. Countries go through the equivalences of
:mod:`incidex.evaluate.field_matching` (RAND writes "West Bank/Gaza", "Kashmir", "FRY (Kosovo)", ...);
perpetrators are scored where RAND names one (not "Unknown" or "Other"), and again where the
description itself names it. RAND's file has Mac Roman quotes ("QaÕidat"): they are repaired.

With ``limit``, an evenly spaced sample of that many rows is scored (every k-th row), so a
small run still spans 1968-2009 instead of only the oldest, cable-style reports.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from incidex.article import Article
from incidex.codebook import WeaponType
from incidex.errors import InputError
from incidex.evaluate.field_matching import (
    group_named_in,
    same_city,
    same_country,
    same_group,
    same_weapon,
)
from incidex.evaluate.field_values import is_unknown, parse_count, read_csv_rows
from incidex.evaluate.fields import FieldScores, score_rows
from incidex.evaluate.gtd import incident_city, total_count
from incidex.export.gtd_csv import FieldValue
from incidex.mojibake import repair_mojibake
from incidex.pipeline.runner import Pipeline
from incidex.record import Incident

__all__ = [
    "RAND_COLUMNS",
    "RAND_TARGETS",
    "RAND_WEAPON_TYPES",
    "compare_rand_row",
    "evaluate_rand",
    "load_rand",
    "predict_rand",
    "rand_prediction_row",
    "score_rand",
]

log = logging.getLogger(__name__)

RAND_COLUMNS: tuple[str, ...] = (
    "Date", "City", "Country", "Perpetrator", "Weapon", "Injuries", "Fatalities", "Description",
)

#: Predictions CSV: the row id, RAND's field names (``Weapon`` holds a GTD weapon type) and the
#: number of incidents the description yielded.
PREDICTION_COLUMNS: tuple[str, ...] = (
    "row", "City", "Country", "Perpetrator", "Weapon", "Injuries", "Fatalities", "n_incidents",
)

#: RAND weapon class -> GTD weapon type; None: no single GTD type, not scored.
RAND_WEAPON_TYPES: dict[str, WeaponType | None] = {
    "Explosives": WeaponType.EXPLOSIVES,
    "Remote-detonated explosive": WeaponType.EXPLOSIVES,
    "Bombing": WeaponType.EXPLOSIVES,
    "Firearms": WeaponType.FIREARMS,
    "Fire or Firebomb": WeaponType.INCENDIARY,
    "Knives & sharp objects": WeaponType.MELEE,
    "Chemical Agent": WeaponType.CHEMICAL,
    "Biological Agent": WeaponType.BIOLOGICAL,
    "Unconventional Attack": None,
    "Other": None,
    "Unknown": None,
}

#: Issue #4's targets that apply to RAND's fields.
RAND_TARGETS: dict[str, float] = {
    "weapon type": 0.94,
    "killed": 0.92,
    "wounded": 0.88,
    "country": 0.99,
    "city": 0.92,
    "group (in text)": 0.90,
}

Row = Mapping[str, str]


def _sample(rows: list[dict[str, str]], limit: int | None) -> list[dict[str, str]]:
    if limit is None or limit >= len(rows):
        return rows
    if limit <= 0:
        return []
    return [rows[i * len(rows) // limit] for i in range(limit)]


def load_rand(data: Path, limit: int | None = None) -> list[dict[str, str]]:
    """RAND rows, each with its position in the file as ``row``; an even sample with limit."""
    rows = read_csv_rows(data, required=("Description",))
    for index, row in enumerate(rows):
        row["row"] = f"rand-{index}"
        row["Perpetrator"] = repair_mojibake(row.get("Perpetrator", ""))
        row["Description"] = repair_mojibake(row["Description"])
    return _sample(rows, limit)


def rand_prediction_row(row_id: str, incidents: list[Incident]) -> dict[str, FieldValue]:
    out: dict[str, FieldValue] = dict.fromkeys(PREDICTION_COLUMNS)
    out["row"] = row_id
    out["n_incidents"] = len(incidents)
    if not incidents:
        return out
    incident = incidents[0]
    out["City"] = incident_city(incident)
    out["Country"] = incident.location.country
    out["Perpetrator"] = incident.primary_perpetrator
    out["Weapon"] = incident.weapon_types[0] if incident.weapon_types else None
    casualties = incident.casualties
    out["Fatalities"] = total_count(casualties.killed, casualties.perpetrators_killed)
    out["Injuries"] = total_count(casualties.wounded, casualties.perpetrators_wounded)
    return out


def predict_rand(
    rows: Iterable[Row], predictions: Path, pipeline: Pipeline | None = None
) -> list[dict[str, FieldValue]]:
    pipe = pipeline or Pipeline()
    out_rows: list[dict[str, FieldValue]] = []
    for row in rows:
        text = row["Description"]
        try:
            incidents = pipe.extract(Article(text=text, id=row["row"])) if text.strip() else []
        except InputError as error:
            log.warning("%s: %s", row["row"], error)
            incidents = []
        out_rows.append(rand_prediction_row(row["row"], incidents))
    with predictions.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=PREDICTION_COLUMNS)
        writer.writeheader()
        for out_row in out_rows:
            writer.writerow({k: "" if v is None else v for k, v in out_row.items()})
    return out_rows


def _text(row: Mapping[str, FieldValue], column: str) -> str | None:
    value = row.get(column)
    return None if value is None or value == "" else str(value)


def compare_rand_row(gold: Row, pred: Mapping[str, FieldValue]) -> dict[str, tuple[object, object, bool]]:
    """Every scored field of one row: report field name -> (gold, predicted, right)."""
    out: dict[str, tuple[object, object, bool]] = {}
    weapon = RAND_WEAPON_TYPES.get(gold.get("Weapon", ""))
    if weapon is not None:
        predicted = _text(pred, "Weapon")
        out["weapon type"] = (str(weapon), predicted, same_weapon(predicted, weapon))
    for name, column in (("killed", "Fatalities"), ("wounded", "Injuries")):
        gold_count = parse_count(gold.get(column))
        if gold_count is not None:
            predicted_count = parse_count(_text(pred, column)) or 0
            out[name] = (gold_count, predicted_count, predicted_count == gold_count)
    if not is_unknown(gold.get("Country")):
        predicted = _text(pred, "Country")
        out["country"] = (gold["Country"], predicted, same_country(predicted, gold["Country"]))
    if not is_unknown(gold.get("City")):
        predicted = _text(pred, "City")
        out["city"] = (gold["City"], predicted, same_city(predicted, gold["City"]))
    perpetrator = gold.get("Perpetrator", "")
    if not is_unknown(perpetrator) and perpetrator.lower() != "other":
        predicted = _text(pred, "Perpetrator")
        right = same_group(predicted, perpetrator)
        out["group (named)"] = (perpetrator, predicted, right)
        if group_named_in(gold["Description"], perpetrator):
            out["group (in text)"] = (perpetrator, predicted, right)
    return out


_FIELD_ORDER: tuple[str, ...] = (
    "country", "city", "weapon type", "group (named)", "group (in text)", "killed", "wounded",
)


def score_rand(
    gold_rows: Iterable[Row], predicted: Mapping[str, Mapping[str, FieldValue]], dataset: str = "RAND"
) -> FieldScores:
    return score_rows(gold_rows, predicted, key="row", compare=compare_rand_row,
                      field_order=_FIELD_ORDER, targets=RAND_TARGETS,
                      count_fields=("killed", "wounded"), dataset=dataset)


def evaluate_rand(
    data: Path, predictions: Path, limit: int | None = None, pipeline: Pipeline | None = None
) -> FieldScores:
    """Predict RAND rows (an even sample of ``limit`` of them) into ``predictions``; score."""
    gold = load_rand(data, limit)
    rows = predict_rand(gold, predictions, pipeline)
    by_id = {str(row["row"]): row for row in rows}
    label = f"RAND {data.name}" + (f" (even sample of {len(gold)})" if limit is not None else "")
    return score_rand(gold, by_id, dataset=label)
