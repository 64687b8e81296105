"""Incidents in sort order, one page at a time, read from the indexes rather than the table.

A sort key is indexed with the id after it (``ix_incidents_<key>_id``), and a page is asked
for in two parts, both of which such an index answers in order without a sort step:

* the incidents that have a value for the key, ``ORDER BY key, id`` (both ascending or both
  descending, so one index serves either direction by reading it forwards or backwards);
* then the ones that have none, ``ORDER BY id`` in the same direction.

Unknown values therefore come last in either direction, on SQLite (where NULL sorts first)
and PostgreSQL (where it sorts last) alike, without ``NULLS LAST``, which SQLite cannot read
from an index when a tie-breaker follows. A page query selects ids only; the records (JSON,
kilobytes each) are fetched for those ids alone, so no sort ever carries a record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from incidex.errors import InputError
from incidex.store.tables import IncidentRow

#: Names ``sort`` accepts; a leading "-" sorts descending. Unknown values sort last either way.
SORT_COLUMNS = {
    "date": IncidentRow.date_start,
    "killed": IncidentRow.killed,
    "wounded": IncidentRow.wounded,
    "created": IncidentRow.created_at,
    "country": IncidentRow.country,
}


def sort_key(sort: str) -> tuple[Any, bool]:
    """The column a sort name such as ``-date`` sorts on, and whether it sorts descending."""
    descending = sort.startswith("-")
    column = SORT_COLUMNS.get(sort.lstrip("-+").strip())
    if column is None:
        choices = ", ".join(SORT_COLUMNS)
        raise InputError(f"cannot sort by {sort!r}; choose one of {choices} (prefix '-' to reverse)")
    return column, descending


def sorted_parts(
    columns: Sequence[Any], clauses: Sequence[ColumnElement[bool]], sort: str
) -> tuple[Select[Any], Select[Any]]:
    """``columns`` of the matching incidents in ``sort`` order: those with a value for the
    key, then those without. Reading the first to its end and then the second gives the
    whole selection in order."""
    column, descending = sort_key(sort)

    def direction(c: Any) -> Any:
        return c.desc() if descending else c.asc()

    known = (
        select(*columns)
        .where(*clauses, column.is_not(None))
        .order_by(direction(column), direction(IncidentRow.id))
    )
    unknown = select(*columns).where(*clauses, column.is_(None)).order_by(direction(IncidentRow.id))
    return known, unknown


def order_by(sort: str) -> list[ColumnElement[Any]]:
    """ORDER BY for the same order as :func:`sorted_parts`, in one statement.

    Fine for small selections; for a page of a large one use :func:`page_ids`, which the
    indexes answer without sorting.
    """
    column, descending = sort_key(sort)
    if descending:
        return [column.is_(None).asc(), column.desc(), IncidentRow.id.desc()]
    return [column.is_(None).asc(), column.asc(), IncidentRow.id.asc()]


def page_ids(
    session: Session, clauses: Sequence[ColumnElement[bool]], sort: str, limit: int, offset: int
) -> list[str]:
    """The ids of one page of the matching incidents in ``sort`` order."""
    known, unknown = sorted_parts([IncidentRow.id], clauses, sort)
    if limit == 0:
        return []
    ids: list[str] = list(session.scalars(known.limit(limit).offset(offset)))
    if len(ids) == limit:
        return ids
    if ids or offset == 0:
        skip = 0  # the page starts among the known values, or the selection has none
    else:  # the page lies wholly past them: how many there are says where it starts
        counted = select(func.count()).select_from(known.order_by(None).subquery())
        skip = offset - (session.scalar(counted) or 0)
    ids.extend(session.scalars(unknown.limit(limit - len(ids)).offset(max(0, skip))))
    return ids


__all__ = ["SORT_COLUMNS", "order_by", "page_ids", "sort_key", "sorted_parts"]
