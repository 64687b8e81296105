"""IncidentStore: the one way into the database for the CLI, the web app and dedup.

Ingest is idempotent by content hash: an article whose text is already stored is not stored
again, and neither are its incidents. Incidents are upserted by id, so running the pipeline
twice over a corpus leaves one row per incident. Every SQLAlchemy error leaves this module as
a :class:`~incidex.errors.StoreError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from incidex.article import Article
from incidex.dedup import ClusterExplanation
from incidex.dedup import explain as explain_merge
from incidex.errors import IncidexError, InputError, NotFoundError, StoreError
from incidex.record import Incident
from incidex.store.aggregates import IncidentPoint, IncidentStats, incident_points, incident_stats
from incidex.store.filters import IncidentFilter, filter_clauses
from incidex.store.merging import Merger, alias_target
from incidex.store.paging import page_ids, sorted_parts
from incidex.store.rows import article_from_row
from incidex.store.search import enable_text_search, has_text_search
from incidex.store.tables import ArticleRow, IncidentArticleRow, IncidentRow, utcnow
from incidex.store.writes import IngestResult, IngestSummary, chunks, ingest_batch, write_merged


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
            return ingest_batch(session, [(article, incidents)], self._merging(merge))[0]

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
                results = ingest_batch(session, batch, self._merging(merge))
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
            write_merged(session, merger, utcnow())
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
            for chunk in chunks(ids):
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


__all__ = ["IncidentFilter", "IncidentStore", "IngestResult", "IngestSummary"]
