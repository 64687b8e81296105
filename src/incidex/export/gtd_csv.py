"""GTD-style CSV: one row per incident under the column names of the GTD release.

Unknown values are blank, never GTD's placeholder codes (0, -9, -99, "Unknown"), so a reader
can tell "not found in the text" from a value. Columns after ``summary`` are incidex's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from incidex.codebook import gtd_weapon_label
from incidex.export.gtd_countries import gtd_country, gtd_province
from incidex.record import Count, Flag, Incident

#: Column order of the CSV, and the keys of :func:`gtd_fields`.
GTD_COLUMNS: tuple[str, ...] = (
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "specificity",
    "attacktype1_txt",
    "attacktype2_txt",
    "weaptype1_txt",
    "targtype1_txt",
    "gname",
    "claimed",
    "claimmode_txt",
    "suicide",
    "success",
    "multiple",
    "nkill",
    "nwound",
    "nkillter",
    "nwoundte",
    "summary",
    # incidex extras
    "article_ids",
    "confidence",
)

#: Separator of several article ids in one cell.
ARTICLE_ID_SEPARATOR = ";"

FieldValue = str | int | float | None


def gtd_fields(incident: Incident) -> dict[str, FieldValue]:
    """The incident as flat GTD fields; ``None`` where the text does not say."""
    start = incident.date.start
    precision = incident.date.precision
    location = incident.location
    casualties = incident.casualties
    claimant = next((p for p in incident.perpetrators if p.claimed), None)
    return {
        "eventid": incident.id,
        "iyear": start.year if start else None,
        "imonth": start.month if start and precision != "year" else None,
        "iday": start.day if start and precision == "day" else None,
        # The country as it was on the day: "West Germany (FRG)" in 1989 (codebook).
        "country_txt": gtd_country(location.country, location.country_code, location.admin1,
                                   location.lat, start),
        "provstate": gtd_province(location.country_code, location.admin1),
        "city": _city(incident),
        "latitude": location.lat,
        "longitude": location.lon,
        "specificity": location.specificity,
        "attacktype1_txt": _nth(incident.attack_types, 0),
        "attacktype2_txt": _nth(incident.attack_types, 1),
        "weaptype1_txt": (
            gtd_weapon_label(incident.weapon_types[0]) if incident.weapon_types else None
        ),
        "targtype1_txt": _nth(incident.target_types, 0),
        # GTD names a group or writes Unknown; "armed bandits" are individuals, not a group.
        "gname": _group_name(incident),
        "claimed": (1 if claimant else 0) if incident.perpetrators else None,
        "claimmode_txt": claimant.claim_mode if claimant else None,
        "suicide": _flag(incident.suicide),
        "success": _flag(incident.success),
        "multiple": int(incident.multiple),
        # The codebook's nkill and nwound count everyone, attackers included; nkillter and
        # nwoundte are the attackers' share.
        "nkill": _total(casualties.killed, casualties.perpetrators_killed),
        "nwound": _total(casualties.wounded, casualties.perpetrators_wounded),
        "nkillter": _count(casualties.perpetrators_killed),
        "nwoundte": _count(casualties.perpetrators_wounded),
        "summary": incident.summary or None,
        "article_ids": ARTICLE_ID_SEPARATOR.join(incident.article_ids) or None,
        "confidence": incident.confidence,
    }


def write_gtd_csv(incidents: Iterable[Incident], out: TextIO) -> int:
    """Write a header and one row per incident; returns the number of rows.

    Open ``out`` with ``newline=""``: rows end in CRLF as RFC 4180 asks, and summaries that
    hold commas, quotes or line breaks are quoted.
    """
    writer = csv.DictWriter(out, fieldnames=GTD_COLUMNS)
    writer.writeheader()
    written = 0
    for incident in incidents:
        fields = gtd_fields(incident)
        writer.writerow({k: "" if v is None else v for k, v in fields.items()})
        written += 1
    return written


def _city(incident: Incident) -> str | None:
    """The place name when the incident was placed in a city (GTD writes "Baghdad" both as
    city and province)."""
    location = incident.location
    if not location.name or location.name == location.country:
        return None
    return location.name


def _group_name(incident: Incident) -> str | None:
    group = next((p.canonical for p in incident.perpetrators if p.canonical), None)
    if group is None and incident.perpetrators:
        return "Unknown"
    return group


def _nth(values: list[str], n: int) -> str | None:
    return values[n] if len(values) > n else None


def _flag(flag: Flag) -> int | None:
    return None if flag.value is None else int(flag.value)


def _count(count: Count | None) -> int | None:
    return count.best if count else None


def _total(victims: Count | None, perpetrators: Count | None) -> int | None:
    if victims is None and perpetrators is None:
        return None
    return (_count(victims) or 0) + (_count(perpetrators) or 0)
