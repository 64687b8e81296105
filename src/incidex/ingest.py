"""Bulk ingest: read articles, extract their incidents, store both.

Bad files and bad records are reported through ``on_error`` and skipped; an article whose
text is already stored is not extracted again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from incidex.article import Article
from incidex.errors import IncidexError, InputError
from incidex.pipeline.runner import Pipeline, default_pipeline
from incidex.record import Incident
from incidex.sources import ReadOptions, iter_articles
from incidex.store import open_store

ErrorHandler = Callable[[IncidexError], None]


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
) -> IngestReport:
    report = IngestReport()
    pipe = pipeline or default_pipeline()

    def skip(error: IncidexError) -> None:
        report.skipped += 1
        on_error(error)

    store = open_store(db)
    try:
        articles = iter_articles(paths, options, on_error=skip)
        if wrap is not None:
            articles = wrap(articles)

        def extracted() -> Iterator[tuple[Article, list[Incident]]]:
            for article in articles:
                report.articles_seen += 1
                if store.has_article(article.hash):
                    continue
                try:
                    incidents = pipe.extract(article)
                except InputError as exc:
                    skip(exc)
                    continue
                report.incidents += len(incidents)
                yield article, incidents

        summary = store.ingest_many(extracted())
        report.articles_new = summary.articles_new
    finally:
        store.close()
    return report
