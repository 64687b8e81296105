"""Merge on ingest: a new report joins the stored record of the event it describes.

For each incident an ingest brings, :class:`Merger` looks for the records it could belong to
through the ``incident_blocks`` table (the :mod:`incidex.dedup.blocking` keys, one indexed
``cell = ? AND day BETWEEN ? AND ?`` lookup per cell), scores it against every report each
candidate already holds (:func:`incidex.dedup.score_pair`) and joins the best candidate when
no pair is vetoed and the mean score reaches :data:`incidex.dedup.MATCH_THRESHOLD`, the
same rule as :func:`incidex.dedup.cluster` (so a chain A~B~C never drags in a C unlike A).
A report joins one record at most: two stored records are never fused by a third report,
since a wrong merge hides an incident and a missed one only shows it twice.

The merged record (:func:`incidex.dedup.merge`) replaces the rows it grew from under a new
id; the old ids (its members, and earlier merges) become rows of ``incident_aliases``, which
:meth:`IncidentStore.get_incident` follows, so no link to an incident ever goes stale.
:meth:`Merger.split` undoes a merge the same way. Nothing is written until the repository
asks: the merger only decides, inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from incidex.dedup import MATCH_THRESHOLD, home_keys, merge, probe_keys, score_pair
from incidex.dedup import split as split_merge
from incidex.errors import InputError, NotFoundError
from incidex.record import Incident
from incidex.store.tables import (
    ArticleRow,
    IncidentAliasRow,
    IncidentBlockRow,
    IncidentRow,
)

#: At most this many stored records are scored against one new report (the most recent
#: first); a wire-service flood on one day in one province costs no more than that.
MAX_CANDIDATES = 200

Cell = tuple[str, int | None]


@dataclass(frozen=True)
class ArticleInfo:
    """What :func:`incidex.dedup.merge` reads about an article (an ``ArticleMeta``)."""

    published: dt.date | None
    source: str | None


def _cell(key: tuple[Hashable, ...]) -> Cell:
    *parts, day = key
    return "|".join(str(p) for p in parts), day if isinstance(day, int) else None


def block_cells(incident: Incident) -> set[Cell]:
    """The (cell, day) rows a record is filed under: the home keys of each of its reports."""
    return {_cell(key) for member in incident.members() for key in home_keys(member)}


def block_rows(records: Iterable[Incident]) -> list[dict[str, object]]:
    return [
        {"incident_id": record.id, "cell": cell, "day": day}
        for record in records
        for cell, day in sorted(block_cells(record), key=lambda c: (c[0], c[1] or 0))
    ]


def _probe_clause(probes: set[Cell]) -> ColumnElement[bool]:
    days: dict[str, set[int]] = defaultdict(set)
    undated: set[str] = set()
    for cell, day in probes:
        if day is None:
            undated.add(cell)
        else:
            days[cell].add(day)
    block = IncidentBlockRow
    clauses = [and_(block.cell == c, block.day.between(min(d), max(d))) for c, d in days.items()]
    clauses += [and_(block.cell == c, block.day.is_(None)) for c in sorted(undated)]
    return or_(*clauses)


class Merger:
    """Decides, inside one write transaction, which records to write, replace and alias."""

    def __init__(self, session: Session, threshold: float = MATCH_THRESHOLD) -> None:
        self.session = session
        self.threshold = threshold
        #: records to insert or rewrite, by id
        self.records: dict[str, Incident] = {}
        #: ``created_at`` a new record inherits from the stored row(s) it replaces
        self.created: dict[str, dt.datetime] = {}
        #: stored rows to delete, each -> the id of the record that now holds it (or None)
        self.moved: dict[str, str | None] = {}
        #: alias id -> record id, to write
        self.aliases: dict[str, str] = {}
        self._stored: dict[str, tuple[Incident, dt.datetime] | None] = {}
        self._pending_index: dict[Cell, set[str]] = defaultdict(set)
        self._articles: dict[str, ArticleInfo] = {}

    # -- deciding ----------------------------------------------------------------------------

    def add(self, incident: Incident) -> tuple[str, bool]:
        """File one single-article incident: (id of the record now holding it, whether that
        record existed before: a re-reading or a merge, not a new incident)."""
        holder = self.holder(incident.id)
        if holder is not None:
            return self._reread(holder, incident), True
        best: tuple[float, str] | None = None
        for candidate_id, record in self._candidates(incident):
            score = self._match(incident, record)
            if score is not None and (best is None or (score, candidate_id) > best):
                best = (score, candidate_id)
        if best is None:
            self._put(incident)
            return incident.id, False
        merged = merge([self.current(best[1]), incident], self._infos([best[1]], incident))
        self._replace(best[1], merged)
        return merged.id, True

    def split(self, incident_id: str, detach: Collection[str] | None) -> list[Incident]:
        """Undo the merge ``incident_id`` (or take the reports of ``detach`` out of it)."""
        holder = self.holder(incident_id)
        if holder is None:
            raise NotFoundError(f"no incident with id {incident_id!r}")
        record = self.current(holder)
        if not record.merged_from:
            raise InputError(f"{holder} holds a single report: there is nothing to split")
        parts = split_merge(record, detach, self._infos([holder]))
        if parts == [record]:
            raise InputError(f"no report of {holder} is {', '.join(sorted(detach or []))}")
        created = self._created_of(holder)
        self._drop(holder)
        wanted = set(detach or [])
        remaining = parts[0] if detach is not None and not (
            parts[0].id in wanted or wanted & set(parts[0].article_ids)
        ) else None
        for part in parts:
            self._put(part)
            if created is not None:
                self.created[part.id] = created
        self._retarget(holder, remaining.id if remaining else None)
        return parts

    def holder(self, incident_id: str) -> str | None:
        """The id of the record that holds ``incident_id`` now (itself, or via an alias)."""
        if incident_id in self.records:
            return incident_id
        if incident_id in self.aliases:
            return self.aliases[incident_id]
        if incident_id in self.moved:
            return self.moved[incident_id]
        if self._load(incident_id) is not None:
            return incident_id
        target = self.session.scalar(
            select(IncidentAliasRow.incident_id).where(IncidentAliasRow.alias_id == incident_id)
        )
        if target is None:
            return None
        if target in self.moved:
            return self.moved[target]
        return target if target in self.records or self._load(target) is not None else None

    def current(self, record_id: str) -> Incident:
        if record_id in self.records:
            return self.records[record_id]
        stored = self._load(record_id)
        if stored is None:
            raise NotFoundError(f"no incident with id {record_id!r}")
        return stored[0]

    def _reread(self, holder: str, incident: Incident) -> str:
        """The same incident read again (a corrected article): it replaces its earlier
        reading and keeps every article that reported it."""
        record = self.current(holder)
        if not record.merged_from:
            ids = list(dict.fromkeys([*record.article_ids, *incident.article_ids]))
            self._replace(holder, incident.model_copy(update={"article_ids": ids}))
            return incident.id
        members = [
            incident.model_copy(
                update={"article_ids": list(dict.fromkeys([*m.article_ids, *incident.article_ids]))}
            )
            if m.id == incident.id
            else m
            for m in record.members()
        ]
        merged = merge(members, self._infos([holder], incident))
        self._replace(holder, merged)
        return merged.id

    def _match(self, incident: Incident, record: Incident) -> float | None:
        """The mean score of ``incident`` against the record's reports, if it may join it."""
        total, n = 0.0, 0
        for member in record.members():
            explanation = score_pair(incident, member, self.threshold)
            if explanation.vetoed:
                return None
            total += explanation.score
            n += 1
        mean = total / n
        return mean if mean >= self.threshold else None

    def _candidates(self, incident: Incident) -> list[tuple[str, Incident]]:
        probes = {_cell(key) for key in probe_keys(incident)}
        found: set[str] = set()
        for probe in probes:
            found.update(i for i in self._pending_index.get(probe, ()) if i in self.records)
        stmt = (
            select(IncidentBlockRow.incident_id, IncidentBlockRow.cell, IncidentBlockRow.day)
            .where(_probe_clause(probes))
            .order_by(IncidentBlockRow.incident_id.desc())
        )
        for record_id, cell, day in self.session.execute(stmt):
            if (cell, day) not in probes:
                continue
            holder = self.moved.get(record_id, record_id)
            if holder is not None:
                found.add(holder)
            if len(found) >= MAX_CANDIDATES:
                break
        found.discard(incident.id)
        self._load_many(sorted(i for i in found if i not in self.records))
        return [(i, self.current(i)) for i in sorted(found) if self._exists(i)]

    # -- bookkeeping -------------------------------------------------------------------------

    def _put(self, record: Incident) -> None:
        self.records[record.id] = record
        self.aliases.pop(record.id, None)
        for cell in block_cells(record):
            self._pending_index[cell].add(record.id)

    def _replace(self, old_id: str, record: Incident) -> None:
        """``record`` takes the place of the record ``old_id``."""
        if old_id == record.id:
            self._put(record)
            return
        created = self._created_of(old_id)
        self._drop(old_id)
        self._put(record)
        if created is not None:
            self.created[record.id] = min(created, self.created.get(record.id, created))
        for member in record.members():
            if member.id != record.id:
                self.aliases[member.id] = record.id
        self._retarget(old_id, record.id)

    def _drop(self, record_id: str) -> None:
        self.records.pop(record_id, None)
        if self._load(record_id) is not None:
            self.moved[record_id] = None

    def _retarget(self, old_id: str, new_id: str | None) -> None:
        """Everything that pointed at ``old_id`` now points at ``new_id`` (None: nothing)."""
        for alias, target in list(self.aliases.items()):
            if target == old_id:
                if new_id is None:
                    del self.aliases[alias]
                else:
                    self.aliases[alias] = new_id
        for stored, holder in list(self.moved.items()):
            if holder == old_id or stored == old_id:
                self.moved[stored] = new_id
        if new_id is not None:
            self.aliases[old_id] = new_id

    def _exists(self, record_id: str) -> bool:
        return record_id in self.records or (
            record_id not in self.moved and self._load(record_id) is not None
        )

    def _created_of(self, record_id: str) -> dt.datetime | None:
        if record_id in self.created:
            return self.created[record_id]
        stored = self._load(record_id)
        return stored[1] if stored is not None else None

    def _load(self, record_id: str) -> tuple[Incident, dt.datetime] | None:
        if record_id not in self._stored:
            self._load_many([record_id])
        return self._stored[record_id]

    def _load_many(self, ids: list[str]) -> None:
        wanted = [i for i in ids if i not in self._stored]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stmt = select(IncidentRow.id, IncidentRow.record, IncidentRow.created_at).where(
                IncidentRow.id.in_(chunk)
            )
            for row in self.session.execute(stmt):
                self._stored[row.id] = (Incident.model_validate(row.record), row.created_at)
            for i in chunk:
                self._stored.setdefault(i, None)

    def _infos(self, record_ids: list[str], *more: Incident) -> dict[str, ArticleInfo]:
        """Publication date and outlet of every article behind these records."""
        records = [self.current(i) for i in record_ids] + list(more)
        ids = {a for r in records for m in r.members() for a in m.article_ids}
        wanted = sorted(ids - set(self._articles))
        for start in range(0, len(wanted), 500):
            stmt = select(ArticleRow.id, ArticleRow.published, ArticleRow.source).where(
                ArticleRow.id.in_(wanted[start : start + 500])
            )
            for row in self.session.execute(stmt):
                self._articles[row.id] = ArticleInfo(row.published, row.source)
        return self._articles

    # -- writing -----------------------------------------------------------------------------

    def delete_moved(self) -> None:
        """Delete the stored rows that other records replaced (their links, categories and
        blocks go with them), and point their aliases at what replaced them."""
        moved = sorted(self.moved)
        for start in range(0, len(moved), 500):
            chunk = moved[start : start + 500]
            self.session.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
        for old, new in self.moved.items():
            alias = IncidentAliasRow
            if new is None:
                self.session.execute(delete(alias).where(alias.incident_id == old))
            else:
                self.session.execute(update(alias).where(alias.incident_id == old).values(incident_id=new))

    def write_aliases(self) -> None:
        """Aliases after the records are written: no id is both a record and an alias."""
        alias = IncidentAliasRow
        ids = sorted(set(self.records) | set(self.aliases))
        for start in range(0, len(ids), 500):
            self.session.execute(delete(alias).where(alias.alias_id.in_(ids[start : start + 500])))
        rows = [
            {"alias_id": a, "incident_id": t}
            for a, t in sorted(self.aliases.items())
            if a not in self.records
        ]
        if rows:
            self.session.execute(insert(alias), rows)

    def resolve(self, incident_id: str) -> str:
        """The id of the record that holds ``incident_id`` once this merger is written."""
        return self.holder(incident_id) or incident_id


def write_blocks(session: Session, records: Collection[Incident]) -> None:
    """File ``records`` under their blocks again (their old block rows are replaced)."""
    ids = sorted(r.id for r in records)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(IncidentBlockRow).where(IncidentBlockRow.incident_id.in_(chunk)))
    rows = block_rows(records)
    if rows:
        session.execute(insert(IncidentBlockRow), rows)


def alias_target(session: Session, incident_id: str) -> str | None:
    return session.scalar(
        select(IncidentAliasRow.incident_id).where(IncidentAliasRow.alias_id == incident_id)
    )


__all__ = ["MAX_CANDIDATES", "ArticleInfo", "Merger", "alias_target", "block_cells", "write_blocks"]
