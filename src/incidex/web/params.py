"""The query string of an incident selection, shared by the API, exports, stats and pages.

One dependency reads it, so ``/api/incidents``, ``?format=csv``, ``/api/stats`` and the map
all mean the same incidents by the same URL.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from incidex.errors import InputError
from incidex.store import SORT_COLUMNS, IncidentFilter

#: Most incidents one page of the API returns; exports are not paged.
MAX_PAGE = 1000
_SORT_PATTERN = "^[-+]?(" + "|".join(SORT_COLUMNS) + ")$"
_TEXT = 200  # longest value a text filter takes


def incident_filter(
    date_from: Annotated[dt.date | None, Query(description="First incident date (YYYY-MM-DD).")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last incident date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, Query(max_length=_TEXT, description="Country name or ISO code.")]
    = None,
    admin1: Annotated[str | None, Query(max_length=_TEXT, description="First-level region.")] = None,
    perpetrator: Annotated[str | None, Query(max_length=_TEXT, description="Group (any alias).")]
    = None,
    attack_type: Annotated[str | None, Query(max_length=_TEXT, description="GTD attack type.")] = None,
    weapon_type: Annotated[str | None, Query(max_length=_TEXT, description="GTD weapon type.")] = None,
    target_type: Annotated[str | None, Query(max_length=_TEXT, description="GTD target type.")] = None,
    min_killed: Annotated[int | None, Query(ge=0, description="At least this many killed.")] = None,
    q: Annotated[
        str | None,
        Query(max_length=_TEXT, description="Full text: every word, as a prefix, in the record or "
              "in an article that reported it."),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(description="min_lon,min_lat,max_lon,max_lat (min_lon > max_lon crosses 180°).",
              examples=["40,-5,52,12"]),
    ] = None,
) -> IncidentFilter:
    if date_from and date_to and date_from > date_to:
        raise InputError(f"date_from {date_from} is after date_to {date_to}")
    return IncidentFilter(
        date_from=date_from,
        date_to=date_to,
        country=_blank_is_none(country),
        admin1=_blank_is_none(admin1),
        perpetrator=_blank_is_none(perpetrator),
        attack_type=_blank_is_none(attack_type),
        weapon_type=_blank_is_none(weapon_type),
        target_type=_blank_is_none(target_type),
        min_killed=min_killed,
        query=_blank_is_none(q),
        bbox=parse_bbox(bbox) if bbox else None,
    )


def paging(
    sort: Annotated[str, Query(pattern=_SORT_PATTERN, description="date, killed, wounded, created or "
                               "country; '-' first for descending.")] = "-date",
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> tuple[str, int, int]:
    return sort, limit, offset


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise InputError(f"bbox {value!r} must be four numbers: min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not all(-180 <= x <= 180 for x in (min_lon, max_lon)) or not all(
        -90 <= y <= 90 for y in (min_lat, max_lat)
    ):
        raise InputError(f"bbox {value!r}: longitudes must lie in -180..180, latitudes in -90..90")
    if min_lat > max_lat:
        raise InputError(f"bbox {value!r}: min_lat is above max_lat")
    return min_lon, min_lat, max_lon, max_lat


def _blank_is_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


__all__ = ["MAX_PAGE", "incident_filter", "paging", "parse_bbox"]
