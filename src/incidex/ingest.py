"""Bulk ingest: read articles, extract their incidents, store both.

Bad files and bad records are reported through ``on_error`` and skipped; an article whose
text is already stored is not extracted again. With ``workers`` above one, extraction runs in
a pool of processes (:mod:`incidex.scale.workers`) while this process alone writes to the
database, a batch per transaction, in input order: the result is the same as with one worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from incidex.article import Article
from incidex.errors import IncidexError
from incidex.pipeline.runner import DEFAULT_STAGES, Pipeline, default_pipeline
from incidex.record import Incident
from incidex.scale.workers import DEFAULT_CHUNK_SIZE, WorkerPool
from incidex.sources import ReadOptions, iter_articles
from incidex.store import open_store

ErrorHandler = Callable[[IncidexError], None]

#: Articles per write transaction.
INGEST_BATCH_SIZE = 200


@dataclass
class IngestReport:
    articles_seen: int = 0
    articles_new: int = 0
    incidents: int = 0
    skipped: int = 0


def sample_articles_path() -> Path:
    """The bundled sample articles (JSONL), written for the project."""
    return Path(str(resources.files("incidex") / "samples" / "articles.jsonl"))


def ingest_paths(
    paths: Iterable[str],
    options: ReadOptions,
    db: str | None,
    *,
    on_error: ErrorHandler,
    wrap: Callable[[Iterator[Article]], Iterator[Article]] | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    merge: bool = True,
) -> IngestReport:
    """Ingest every article of ``paths`` with ``pipeline`` (default: the default pipeline),
    in this process or in ``workers`` processes. With ``merge`` (the default) each incident
    joins the stored record of the same event when there is one (:mod:`incidex.store.merging`)."""
    report = IngestReport()
    if pipeline is None and workers == 1:
        pipeline = default_pipeline()  # built once per process, shared with later calls

    def skip(error: IncidexError) -> None:
        report.skipped += 1
        on_error(error)

    store = open_store(db)
    try:
        articles = iter_articles(paths, options, on_error=skip)
        if wrap is not None:
            articles = wrap(articles)

        def unseen() -> Iterator[Article]:
            for article in articles:
                report.articles_seen += 1
                if not store.has_article(article.hash):
                    yield article

        with WorkerPool(workers, DEFAULT_STAGES, chunk_size=chunk_size, pipeline=pipeline) as pool:

            def extracted() -> Iterator[tuple[Article, list[Incident]]]:
                for result in pool.extract(unseen()):
                    if result.error is not None:
                        skip(result.error)
                        continue
                    report.incidents += len(result.incidents)
                    yield result.article, result.incidents

            summary = store.ingest_many(extracted(), batch_size=INGEST_BATCH_SIZE, merge=merge)
        report.articles_new = summary.articles_new
    finally:
        store.close()
    return report
