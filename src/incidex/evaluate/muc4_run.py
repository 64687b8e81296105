"""``incidex eval muc4``: run the pipeline on MUC-4 documents and score its templates.

Incidents map to MUC-4 templates through the codebook crosswalk: incident type from the
primary attack type (and incendiary facility attacks as arson); PerpInd from the individual
perpetrators, PerpOrg from the groups, Target from the physical targets, Victim from the human
targets, Weapon from the weapons. Only ``doctext`` is read from the data for prediction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from incidex.article import Article
from incidex.codebook import muc4_incident_type
from incidex.evaluate.muc4 import Muc4Scores, load_documents, load_gold, score
from incidex.pipeline.runner import Pipeline
from incidex.record import Entity, Incident


def _entities(entities: list[Entity]) -> list[list[str]]:
    return [list(dict.fromkeys(e.mentions)) for e in entities if e.mentions]


def incident_template(incident: Incident) -> dict[str, Any]:
    groups: list[list[str]] = []
    individuals: list[list[str]] = []
    for perp in incident.perpetrators:
        if perp.canonical:
            groups.append([perp.name])
        for person in perp.individuals:
            if [person] not in individuals:
                individuals.append([person])
    return {
        "incident_type": muc4_incident_type(incident.primary_attack_type, incident.weapon_types),
        "PerpInd": individuals,
        "PerpOrg": groups,
        "Target": _entities(incident.physical_targets),
        "Victim": _entities(incident.human_targets),
        "Weapon": _entities(incident.weapons),
    }


def predict(data: Path, predictions: Path, pipeline: Pipeline | None = None) -> None:
    pipe = pipeline or Pipeline()
    with predictions.open("w", encoding="utf-8") as out:
        for document in load_documents(data):
            incidents = pipe.extract(Article(text=document.text, id=document.docid))
            line = {"docid": document.docid,
                    "templates": [incident_template(i) for i in incidents]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def evaluate_muc4(data: Path, predictions: Path) -> Muc4Scores:
    from incidex.evaluate.muc4 import load_predictions

    predict(data, predictions)
    return score(load_gold(data), load_predictions(predictions))
