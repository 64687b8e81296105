"""Which incidents a query wants, as SQL that SQLite and PostgreSQL share (the order is
:mod:`incidex.store.paging`'s)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select

from incidex.errors import InputError
from incidex.store.paging import SORT_COLUMNS, order_by
from incidex.store.search import text_clause
from incidex.store.tables import IncidentCategoryRow, IncidentRow


@dataclass
class IncidentFilter:
    """Conditions an incident must all meet. ``None`` (or an empty string) means any.

    Text conditions ignore case. ``country`` matches the country name or its ISO code.
    ``attack_type``, ``weapon_type``, ``target_type`` and ``perpetrator`` match any of the
    incident's values, not only the primary one. ``bbox`` is (min_lon, min_lat, max_lon,
    max_lat); a box with min_lon > max_lon crosses the antimeridian. ``text`` is a substring
    of the summary; ``query`` is full text: every word, as a prefix, anywhere in the record or
    in an article that reported it (see :mod:`incidex.store.search`).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    perpetrator: str | None = None
    attack_type: str | None = None
    weapon_type: str | None = None
    target_type: str | None = None
    min_killed: int | None = None
    text: str | None = None
    query: str | None = None
    bbox: tuple[float, float, float, float] | None = None


def filter_clauses(
    filters: IncidentFilter | None, *, fts: bool = False, dialect: str = "sqlite"
) -> list[ColumnElement[bool]]:
    """WHERE clauses for ``filters``; ``fts`` says the database (of ``dialect``) has the
    full-text index."""
    if filters is None:
        return []
    f = filters
    row = IncidentRow
    clauses: list[ColumnElement[bool]] = []
    if f.date_from is not None:
        clauses.append(row.date_start >= f.date_from)
    if f.date_to is not None:
        clauses.append(row.date_start <= f.date_to)
    if f.country:
        wanted = f.country.strip().lower()
        clauses.append(
            or_(func.lower(row.country) == wanted, func.lower(row.country_code) == wanted)
        )
    if f.admin1:
        clauses.append(func.lower(row.admin1) == f.admin1.strip().lower())
    for kind, value in (
        ("perpetrator", f.perpetrator),
        ("attack", f.attack_type),
        ("weapon", f.weapon_type),
        ("target", f.target_type),
    ):
        if value:
            clauses.append(_has_category(kind, value))
    if f.min_killed is not None:
        clauses.append(row.killed >= f.min_killed)
    if f.text:
        clauses.append(row.summary.icontains(f.text, autoescape=True))
    if f.query:
        clauses.append(text_clause(f.query, fts, dialect))
    if f.bbox is not None:
        clauses.append(_in_bbox(f.bbox))
    return clauses


def _has_category(kind: str, value: str) -> ColumnElement[bool]:
    matching = select(IncidentCategoryRow.incident_id).where(
        IncidentCategoryRow.kind == kind,
        IncidentCategoryRow.value == value.strip().lower(),
    )
    return IncidentRow.id.in_(matching)


def _in_bbox(bbox: tuple[float, float, float, float]) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    if min_lat > max_lat:
        raise InputError(f"bbox {bbox}: min_lat is above max_lat")
    in_lat = IncidentRow.lat.between(min_lat, max_lat)
    in_lon: ColumnElement[bool]
    if min_lon <= max_lon:
        in_lon = IncidentRow.lon.between(min_lon, max_lon)
    else:
        in_lon = or_(IncidentRow.lon >= min_lon, IncidentRow.lon <= max_lon)
    return and_(in_lat, in_lon)


__all__ = ["SORT_COLUMNS", "IncidentFilter", "filter_clauses", "order_by"]
