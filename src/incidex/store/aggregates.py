"""What charts and maps want from many incidents: counts per group, and bare map points.

Both read the indexed filter columns only, never the JSON records, so a chart over a
hundred thousand incidents costs a few GROUP BY queries rather than parsing every record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from incidex.store.tables import IncidentRow


@dataclass
class GroupCount:
    """Incidents in one group, with the people the records say were killed and wounded."""

    key: str | None
    incidents: int
    killed: int
    wounded: int


@dataclass
class IncidentStats:
    total: int = 0
    killed: int = 0
    wounded: int = 0
    by_day: list[GroupCount] = field(default_factory=list)
    by_country: list[GroupCount] = field(default_factory=list)
    by_perpetrator: list[GroupCount] = field(default_factory=list)
    by_attack_type: list[GroupCount] = field(default_factory=list)


@dataclass
class IncidentPoint:
    id: str
    lat: float
    lon: float
    date: dt.date | None
    attack_type: str | None
    killed: int | None
    wounded: int | None
    place: str | None
    perpetrator: str | None


def incident_stats(session: Session, clauses: list[ColumnElement[bool]], top: int) -> IncidentStats:
    """Counts by day (every day that has one), and by the ``top`` largest countries,
    perpetrators (primary) and attack types (primary). Unknown values group under None."""
    row = IncidentRow
    killed = func.coalesce(func.sum(row.killed), 0)
    wounded = func.coalesce(func.sum(row.wounded), 0)
    total = session.execute(select(func.count(), killed, wounded).where(*clauses)).one()
    stats = IncidentStats(total=int(total[0] or 0), killed=int(total[1] or 0), wounded=int(total[2] or 0))

    def grouped(column: Any, limit: int | None, by_key: bool) -> list[GroupCount]:
        count = func.count().label("n")
        stmt = select(column, count, killed, wounded).where(*clauses).group_by(column)
        stmt = stmt.order_by(column.asc()) if by_key else stmt.order_by(count.desc(), column.asc())
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            GroupCount(
                key=key.isoformat() if isinstance(key, dt.date) else key,
                incidents=n,
                killed=int(k),
                wounded=int(w),
            )
            for key, n, k, w in session.execute(stmt)
        ]

    stats.by_day = [g for g in grouped(row.date_start, None, by_key=True) if g.key is not None]
    stats.by_country = grouped(row.country, top, by_key=False)
    stats.by_perpetrator = grouped(row.perpetrator, top, by_key=False)
    stats.by_attack_type = grouped(row.attack_type, top, by_key=False)
    return stats


def incident_points(
    session: Session, clauses: list[ColumnElement[bool]], limit: int
) -> list[IncidentPoint]:
    """Incidents with coordinates, worst first, so a cap drops the least severe."""
    row = IncidentRow
    stmt = (
        select(
            row.id, row.lat, row.lon, row.date_start, row.attack_type, row.killed, row.wounded,
            row.city, row.admin1, row.country, row.perpetrator,
        )
        .where(*clauses, row.lat.is_not(None), row.lon.is_not(None))
        .order_by(row.killed.desc().nulls_last(), row.id.asc())
        .limit(limit)
    )
    points: list[IncidentPoint] = []
    for r in session.execute(stmt):
        place = ", ".join(dict.fromkeys(p for p in (r.city, r.admin1, r.country) if p)) or None
        points.append(
            IncidentPoint(
                id=r.id, lat=r.lat, lon=r.lon, date=r.date_start, attack_type=r.attack_type,
                killed=r.killed, wounded=r.wounded, place=place, perpetrator=r.perpetrator,
            )
        )
    return points


__all__ = ["GroupCount", "IncidentPoint", "IncidentStats", "incident_points", "incident_stats"]
