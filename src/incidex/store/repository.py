"""IncidentStore: the one way into the database for the CLI, the web app and dedup.

Ingest is idempotent by content hash: an article whose text is already stored is not stored
again, and neither are its incidents. Incidents are upserted by id, so running the pipeline
twice over a corpus leaves one row per incident. Every SQLAlchemy error leaves this module as
a :class:`~incidex.errors.StoreError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import ColumnElement, Engine, Insert, delete, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from incidex.article import Article
from incidex.dedup import ClusterExplanation
from incidex.dedup import explain as explain_merge
from incidex.errors import IncidexError, InputError, NotFoundError, StoreError
from incidex.record import Incident
from incidex.store.aggregates import IncidentPoint, IncidentStats, incident_points, incident_stats
from incidex.store.filters import IncidentFilter, filter_clauses
from incidex.store.merging import Merger, alias_target, write_blocks
from incidex.store.paging import page_ids, sorted_parts
from incidex.store.rows import (
    article_from_row,
    article_values,
    category_values,
    incident_values,
    with_article_id,
)
from incidex.store.search import enable_text_search, has_text_search
from incidex.store.tables import (
    ArticleRow,
    Base,
    IncidentArticleRow,
    IncidentCategoryRow,
    IncidentRow,
    utcnow,
)

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


class IncidentStore:
    """Articles and incidents in a SQL database. Open one with :func:`incidex.store.open_store`.

    ``merge`` makes ingest merge each new incident into the stored record of the same event
    (:mod:`incidex.store.merging`); each ingest call may override it. It is off by default
    here, where a caller stores exactly the records it hands over; ``incidex ingest`` and
    ``incidex watch`` turn it on.
    """

    def __init__(self, engine: Engine, merge: bool = False) -> None:
        self.engine = engine
        self.merge = merge
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._fts: bool | None = None

    def __enter__(self) -> IncidentStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def add_article(self, article: Article) -> tuple[str, bool]:
        """Store an article unless its text is already stored: (stored id, is_new)."""
        result = self.ingest(article, [])
        return result.article_id, result.is_new

    def ingest(
        self, article: Article, incidents: list[Incident], merge: bool | None = None
    ) -> IngestResult:
        """Store an article and the incidents read from it, in one transaction.

        ``incident_ids`` of the result are the records that now hold the incidents: a merged
        record's id when an incident joined the report of an event already stored.
        """
        with self._write("ingest an article") as session:
            return _ingest_batch(session, [(article, incidents)], self._merging(merge))[0]

    def ingest_many(
        self,
        items: Iterable[tuple[Article, list[Incident]]],
        batch_size: int = 200,
        merge: bool | None = None,
    ) -> IngestSummary:
        """Ingest many articles, one transaction (and a handful of statements) per batch.

        A failing batch is rolled back; the batches before it stay committed.
        """
        if batch_size < 1:
            raise InputError(f"batch_size must be at least 1, not {batch_size}")
        summary = IngestSummary()
        iterator = iter(items)
        while batch := list(islice(iterator, batch_size)):
            action = (
                f"ingest batch {summary.batches + 1} "
                f"({summary.articles_new + summary.articles_existing} articles done before it)"
            )
            with self._write(action) as session:
                results = _ingest_batch(session, batch, self._merging(merge))
            for result in results:
                summary.add(result)
            summary.batches += 1
        return summary

    def split(self, incident_id: str, article_ids: Sequence[str] | None = None) -> list[Incident]:
        """Undo a merge: every report becomes its own incident again, or only those of
        ``article_ids`` (article or incident ids) leave it. Returns the records written."""
        detach = list(article_ids) if article_ids else None
        with self._write("split an incident") as session:
            merger = Merger(session)
            parts = merger.split(incident_id, detach)
            _write_merged(session, merger, utcnow())
        return parts

    def _merging(self, merge: bool | None) -> bool:
        return self.merge if merge is None else merge

    # -- reading -----------------------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        with self._read("look up an article") as session:
            stmt = select(ArticleRow.id).where(ArticleRow.content_hash == content_hash)
            return session.scalar(stmt) is not None

    def get_article(self, id: str) -> Article:
        with self._read("read an article") as session:
            row = session.get(ArticleRow, id)
            if row is None:
                raise NotFoundError(f"no article with id {id!r}")
            return article_from_row(row)

    def get_incident(self, id: str) -> Incident:
        """The incident ``id``, or the merged record that now holds it."""
        with self._read("read an incident") as session:
            record = session.scalar(select(IncidentRow.record).where(IncidentRow.id == id))
            if record is None and (target := alias_target(session, id)) is not None:
                record = session.scalar(select(IncidentRow.record).where(IncidentRow.id == target))
            if record is None:
                raise NotFoundError(f"no incident with id {id!r}")
            return Incident.model_validate(record)

    def explain(self, incident_id: str) -> ClusterExplanation:
        """Why a record holds its reports: every pair of them scored again (``show --why``)."""
        return explain_merge(self.get_incident(incident_id))

    def article_incidents(self, article_id: str) -> list[Incident]:
        """The incidents an article reported, oldest first."""
        stmt = (
            select(IncidentRow.record)
            .join(IncidentArticleRow, IncidentArticleRow.incident_id == IncidentRow.id)
            .where(IncidentArticleRow.article_id == article_id)
            .order_by(IncidentRow.created_at, IncidentRow.id)
        )
        with self._read("read an article's incidents") as session:
            return [Incident.model_validate(r) for r in session.scalars(stmt)]

    def list_incidents(
        self,
        filters: IncidentFilter | None = None,
        limit: int = 100,
        offset: int = 0,
        sort: str = "-date",
    ) -> list[Incident]:
        """One page of incidents; incidents with no value for the sort key come last."""
        if limit < 0 or offset < 0:
            raise InputError(f"limit and offset must not be negative (got {limit}, {offset})")
        clauses = self._clauses(filters)
        with self._read("list incidents") as session:
            ids = page_ids(session, clauses, sort, limit, offset)
            records: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(ids):
                stmt = select(IncidentRow.id, IncidentRow.record).where(IncidentRow.id.in_(chunk))
                records.update((row.id, row.record) for row in session.execute(stmt))
        return [Incident.model_validate(records[i]) for i in ids if i in records]

    def count_incidents(self, filters: IncidentFilter | None = None) -> int:
        stmt = select(func.count()).select_from(IncidentRow).where(*self._clauses(filters))
        with self._read("count incidents") as session:
            return session.scalar(stmt) or 0

    def iter_incidents(
        self, filters: IncidentFilter | None = None, batch: int = 1000, sort: str = "date"
    ) -> Iterator[Incident]:
        """Every matching incident, fetched ``batch`` rows at a time, for exports.

        Holds one read transaction until the iterator is exhausted or closed.
        """
        if batch < 1:
            raise InputError(f"batch must be at least 1, not {batch}")
        parts = sorted_parts([IncidentRow.record], self._clauses(filters), sort)
        with self._read("read incidents") as session:
            for part in parts:
                for record in session.scalars(part.execution_options(yield_per=batch)):
                    yield Incident.model_validate(record)

    def stats(self, filters: IncidentFilter | None = None, top: int = 20) -> IncidentStats:
        """Counts of the matching incidents by day, country, perpetrator and attack type."""
        with self._read("count incidents by group") as session:
            return incident_stats(session, self._clauses(filters), top)

    def points(self, filters: IncidentFilter | None = None, limit: int = 20_000) -> list[IncidentPoint]:
        """Where and how bad each matching incident was, without the records, for a map."""
        with self._read("read incident locations") as session:
            return incident_points(session, self._clauses(filters), limit)

    def enable_text_search(self) -> bool:
        """Build the full-text index if the database can hold one; see :mod:`incidex.store.search`."""
        with self._translate("build the full-text index"):
            self._fts = enable_text_search(self.engine)
        return self._fts

    def _clauses(self, filters: IncidentFilter | None) -> list[ColumnElement[bool]]:
        if filters is not None and filters.query and self._fts is None:
            with self._translate("look for the full-text index"):
                self._fts = has_text_search(self.engine)
        return filter_clauses(filters, fts=bool(self._fts), dialect=self.engine.dialect.name)

    def counts(self) -> dict[str, int]:
        with self._read("count records") as session:
            articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
            incidents = session.scalar(select(func.count()).select_from(IncidentRow)) or 0
        return {"articles": articles, "incidents": incidents}

    def close(self) -> None:
        self.engine.dispose()

    # -- sessions ----------------------------------------------------------------------------

    @contextmanager
    def _write(self, action: str) -> Iterator[Session]:
        with self._translate(action), self._sessions.begin() as session:
            yield session

    @contextmanager
    def _read(self, action: str) -> Iterator[Session]:
        with self._translate(action), self._sessions() as session:
            yield session

    @contextmanager
    def _translate(self, action: str) -> Iterator[None]:
        try:
            yield
        except IncidexError:
            raise
        except SQLAlchemyError as exc:
            url = self.engine.url.render_as_string(hide_password=True)
            orig = getattr(exc, "orig", None)
            reason = str(orig) if orig is not None else str(exc).splitlines()[0]
            raise StoreError(f"could not {action}: {reason}", source=url) from exc


def _ingest_batch(
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
    _write_merged(session, merger, now)
    for result in results:
        for incident_id in result.incident_ids:
            if updated[incident_id]:
                result.incidents_updated += 1
            else:
                result.incidents_inserted += 1
            updated[incident_id] = True  # a second article in the batch with it updates it
        result.incident_ids = list(dict.fromkeys(merger.resolve(i) for i in result.incident_ids))


def _write_merged(session: Session, merger: Merger, now: dt.datetime) -> None:
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
        for chunk in _chunks(sorted(existing)):
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
    for chunk in _chunks(sorted(incident_ids)):
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
    for chunk in _chunks(sorted(set(hashes))):
        stmt = select(ArticleRow.content_hash, ArticleRow.id).where(
            ArticleRow.content_hash.in_(chunk)
        )
        for content_hash, article_id in session.execute(stmt):
            found[content_hash] = article_id
    return found


def _existing_ids(session: Session, column: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


__all__ = ["IncidentFilter", "IncidentStore", "IngestResult", "IngestSummary"]
