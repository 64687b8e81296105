"""ACLED-style CSV: one row per incident under the column names of ACLED's data export.

ACLED (Armed Conflict Location & Event Data) codes events by form and actors rather than by
GTD's attack types; :func:`incidex.codebook.acled_event` is the crosswalk. Where incidex has
no counterpart for an ACLED column (interaction codes, ACLED's regions, its source scale) the
cell is blank rather than guessed. Columns after ``notes`` are incidex's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from incidex.codebook import TargetType, acled_event
from incidex.export.gtd_csv import ARTICLE_ID_SEPARATOR, FieldValue, gtd_fields
from incidex.record import Incident

#: Column order of the CSV, and the keys of :func:`acled_fields`.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    # incidex extras
    "country_code",
    "gtd_attack_type",
    "article_ids",
    "confidence",
)

#: incidex date precision -> ACLED time_precision (1 day, 2 a week or a few days, 3 a month).
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

#: ACLED's wording for a state's forces and for civilians, by GTD target type.
_TARGET_ACTOR = {
    TargetType.MILITARY: "Military Forces of {country}",
    TargetType.POLICE: "Police Forces of {country}",
    TargetType.PRIVATE: "Civilians ({country})",
    TargetType.TOURISTS: "Civilians ({country})",
    TargetType.EDUCATIONAL: "Civilians ({country})",
    TargetType.RELIGIOUS: "Civilians ({country})",
    TargetType.JOURNALISTS: "Civilians ({country})",
    TargetType.TRANSPORTATION: "Civilians ({country})",
    TargetType.BUSINESS: "Civilians ({country})",
    TargetType.NGO: "Civilians ({country})",
    TargetType.GOVERNMENT: "Government of {country}",
    TargetType.DIPLOMATIC: "Government of {country}",
}


def acled_fields(incident: Incident) -> dict[str, FieldValue]:
    """The incident as flat ACLED fields; ``None`` where incidex has nothing to say."""
    gtd = gtd_fields(incident)
    location = incident.location
    target = incident.target_types[0] if incident.target_types else None
    event_type, sub_event_type = acled_event(
        incident.primary_attack_type, incident.weapon_types, target, incident.suicide.value
    )
    country = location.country
    start = incident.date.start
    return {
        "event_id_cnty": incident.id,
        "event_date": start.isoformat() if start else None,
        "year": start.year if start else None,
        "time_precision": _TIME_PRECISION.get(incident.date.precision) if start else None,
        "disorder_type": "Political violence",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": _actor1(gtd, country),
        "assoc_actor_1": None,
        "inter1": None,
        "actor2": _TARGET_ACTOR[TargetType(target)].format(country=country or "International")
        if target in _TARGET_ACTOR else None,
        "assoc_actor_2": None,
        "inter2": None,
        "interaction": None,
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else None,
        "country": country,
        "admin1": location.admin1,
        "location": location.name,
        "latitude": location.lat,
        "longitude": location.lon,
        "geo_precision": _geo_precision(location.specificity, location.vicinity),
        "source": _sources(incident),
        "notes": incident.summary or None,
        # ACLED's fatalities count everyone killed, attackers too, like GTD's nkill.
        "fatalities": gtd["nkill"],
        "country_code": location.country_code,
        "gtd_attack_type": incident.primary_attack_type,
        "article_ids": ARTICLE_ID_SEPARATOR.join(incident.article_ids) or None,
        "confidence": incident.confidence,
    }


def write_acled_csv(incidents: Iterable[Incident], out: TextIO) -> int:
    """Write a header and one row per incident; returns the number of rows (open ``out`` with
    ``newline=""``, as for :func:`incidex.export.write_gtd_csv`)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    written = 0
    for incident in incidents:
        writer.writerow({k: "" if v is None else v for k, v in acled_fields(incident).items()})
        written += 1
    return written


def _actor1(gtd: dict[str, FieldValue], country: str | None) -> str:
    """The perpetrator group, or ACLED's name for an unnamed armed group of the country."""
    group = gtd["gname"]
    if isinstance(group, str) and group != "Unknown":
        return group
    return f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"


def _geo_precision(specificity: int, vicinity: bool) -> int | None:
    """GTD specificity -> ACLED geo_precision (1 the town itself, 2 near it or a part of a
    region, 3 only the province); an unknown place has none."""
    if specificity == 1:
        return 2 if vicinity else 1
    if specificity in (2, 3):
        return 2
    if specificity == 4:
        return 3
    return None


def _sources(incident: Incident) -> str | None:
    """Who the article credits for the figures, in the order the evidence names them."""
    named: list[str] = []
    for count in (incident.casualties.killed, incident.casualties.wounded):
        for evidence in count.evidence if count else []:
            if evidence.attributed_to and evidence.attributed_to not in named:
                named.append(evidence.attributed_to)
    return "; ".join(named) or None
