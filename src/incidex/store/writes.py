"""How a batch of articles and their incidents is written: a fixed number of statements per batch.

Everything here runs inside the caller's transaction (:class:`~incidex.store.IncidentStore`
opens it and translates errors); nothing commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Insert, delete, insert, select, update
from sqlalchemy.orm import Session

from incidex.article import Article
from incidex.record import Incident
from incidex.store.merging import Merger, write_blocks
from incidex.store.rows import article_values, category_values, incident_values, with_article_id
from incidex.store.tables import (
    ArticleRow,
    Base,
    IncidentArticleRow,
    IncidentCategoryRow,
    IncidentRow,
    utcnow,
)

__all__ = ["IngestResult", "IngestSummary", "chunks", "ingest_batch", "write_merged"]

#: Most values bound in one IN (...) list: SQLite builds before 3.32 allow 999 in a statement.
_IN_CHUNK = 500


@dataclass
class IngestResult:
    """What one article's ingest did. ``incident_ids`` is empty when the article was known."""

    article_id: str
    is_new: bool
    incident_ids: list[str] = field(default_factory=list)
    incidents_inserted: int = 0
    incidents_updated: int = 0


@dataclass
class IngestSummary:
    articles_new: int = 0
    articles_existing: int = 0
    incidents_inserted: int = 0
    incidents_updated: int = 0
    batches: int = 0

    def add(self, result: IngestResult) -> None:
        if result.is_new:
            self.articles_new += 1
        else:
            self.articles_existing += 1
        self.incidents_inserted += result.incidents_inserted
        self.incidents_updated += result.incidents_updated


def ingest_batch(
    session: Session, items: Sequence[tuple[Article, list[Incident]]], merge: bool = False
) -> list[IngestResult]:
    """Write a batch inside the caller's transaction, with a fixed number of statements."""
    now = utcnow()
    stored_by_hash = _existing_articles(session, [article.hash for article, _ in items])
    taken_ids = _existing_ids(
        session, ArticleRow.id, [i for article, _ in items for i in _candidate_ids(article)]
    )

    results: list[IngestResult] = []
    new_articles: list[dict[str, Any]] = []
    incidents: dict[str, Incident] = {}
    for article, found in items:
        known = stored_by_hash.get(article.hash)
        if known is not None:
            results.append(IngestResult(article_id=known, is_new=False))
            continue
        stored_id = next(i for i in _candidate_ids(article) if i not in taken_ids)
        taken_ids.add(stored_id)
        stored_by_hash[article.hash] = stored_id
        new_articles.append(article_values(article, stored_id, now))
        result = IngestResult(article_id=stored_id, is_new=True)
        for incident in found:
            incident = with_article_id(incident, article.id, stored_id)
            earlier = incidents.get(incident.id)
            if earlier is not None:  # the last reading wins, but keeps every reporting article
                incident = _with_article_ids(incident, earlier.article_ids)
            incidents[incident.id] = incident
            if incident.id not in result.incident_ids:
                result.incident_ids.append(incident.id)
        results.append(result)

    if new_articles:
        session.execute(_bulk_insert(ArticleRow), new_articles)
    if incidents and merge:
        _merge_batch(session, incidents, results, now)
    elif incidents:
        existed = _upsert_incidents(session, incidents, now)
        for result in results:
            for incident_id in result.incident_ids:
                if incident_id in existed:
                    result.incidents_updated += 1
                else:
                    result.incidents_inserted += 1
                existed.add(incident_id)  # a second article in the batch with it updates it
    return results


def _merge_batch(
    session: Session, incidents: dict[str, Incident], results: list[IngestResult], now: dt.datetime
) -> None:
    """File each incident with the record of its event (:class:`Merger`), then write."""
    merger = Merger(session)
    updated: dict[str, bool] = {}
    for incident in incidents.values():
        _, updated[incident.id] = merger.add(incident)
    write_merged(session, merger, now)
    for result in results:
        for incident_id in result.incident_ids:
            if updated[incident_id]:
                result.incidents_updated += 1
            else:
                result.incidents_inserted += 1
            updated[incident_id] = True  # a second article in the batch with it updates it
        result.incident_ids = list(dict.fromkeys(merger.resolve(i) for i in result.incident_ids))


def write_merged(session: Session, merger: Merger, now: dt.datetime) -> None:
    merger.delete_moved()
    if merger.records:
        _upsert_incidents(session, dict(merger.records), now, merger.created)
    merger.write_aliases()


def _upsert_incidents(
    session: Session,
    incidents: dict[str, Incident],
    now: dt.datetime,
    created: Mapping[str, dt.datetime] | None = None,
) -> set[str]:
    """Insert new incidents, rewrite existing ones; returns the ids that existed before.

    A rewritten record keeps the articles that reported it before, so re-reading an incident
    from a follow-up article never loses where it was first reported.
    """
    existing = _existing_ids(session, IncidentRow.id, list(incidents))
    linked = _linked_articles(session, existing)
    for incident_id, article_ids in linked.items():
        incidents[incident_id] = _with_article_ids(incidents[incident_id], article_ids)
    records = list(incidents.values())

    created = created or {}
    inserts = [
        incident_values(i) | {"created_at": created.get(i.id, now)}
        for i in records
        if i.id not in existing
    ]
    updates = [incident_values(i) for i in records if i.id in existing]
    if inserts:
        session.execute(_bulk_insert(IncidentRow), inserts)
    if updates:
        session.execute(update(IncidentRow), updates)
        for chunk in chunks(sorted(existing)):
            session.execute(
                delete(IncidentCategoryRow).where(IncidentCategoryRow.incident_id.in_(chunk))
            )
    categories = [row for i in records for row in category_values(i)]
    if categories:
        session.execute(_bulk_insert(IncidentCategoryRow), categories)
    _link(session, records, linked)
    write_blocks(session, records)
    return existing


def _link(session: Session, records: list[Incident], linked: dict[str, list[str]]) -> None:
    """Record which articles reported which incident, for articles the store holds.

    An incident may list articles not stored here (merged from elsewhere); those ids stay in
    the record but get no link row, which would break the foreign key.
    """
    pairs = {(i.id, a) for i in records for a in i.article_ids}
    pairs -= {(i, a) for i, ids in linked.items() for a in ids}
    stored = _existing_ids(session, ArticleRow.id, sorted({a for _, a in pairs}))
    rows = [{"incident_id": i, "article_id": a} for i, a in sorted(pairs) if a in stored]
    if rows:
        session.execute(_bulk_insert(IncidentArticleRow), rows)


def _linked_articles(session: Session, incident_ids: set[str]) -> dict[str, list[str]]:
    linked: dict[str, list[str]] = {}
    for chunk in chunks(sorted(incident_ids)):
        stmt = select(IncidentArticleRow.incident_id, IncidentArticleRow.article_id).where(
            IncidentArticleRow.incident_id.in_(chunk)
        )
        for incident_id, article_id in session.execute(stmt):
            linked.setdefault(incident_id, []).append(article_id)
    return linked


def _with_article_ids(incident: Incident, earlier: list[str]) -> Incident:
    merged = list(dict.fromkeys([*earlier, *incident.article_ids]))
    return incident.model_copy(update={"article_ids": merged})


def _bulk_insert(table: type[Base]) -> Insert:
    """An ORM bulk INSERT that sends all rows in one executemany.

    By default the ORM leaves None values out and groups rows by which keys remain, which
    turns a batch of incidents with different unknown fields into one statement per run.
    """
    return insert(table).execution_options(render_nulls=True)


def _candidate_ids(article: Article) -> list[str]:
    """Ids to store an article under, in order of preference: its own, then hash-derived ones
    (an id may already belong to a different text, e.g. two feeds numbering items from 1)."""
    return list(dict.fromkeys([article.id, "art-" + article.hash[:16], "art-" + article.hash]))


def _existing_articles(session: Session, hashes: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(hashes))):
        stmt = select(ArticleRow.content_hash, ArticleRow.id).where(
            ArticleRow.content_hash.in_(chunk)
        )
        for content_hash, article_id in session.execute(stmt):
            found[content_hash] = article_id
    return found


def _existing_ids(session: Session, column: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(set(ids))):
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]
