"""Polling: read every source, ingest the items not seen before, report what changed.

One poll reads each source (a feed URL, a feed or article file, a folder of them), keeps the
items whose content hash the source has not produced before (:mod:`incidex.watch.state`),
extracts and ingests each (merging with the stored record of the same event), marks it seen,
and sends a notification for every incident the article created or updated that a filter
matches (every one when there are no filters). :func:`watch` repeats polls until stopped.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from incidex.article import Article
from incidex.errors import IncidexError, InputError
from incidex.record import Incident
from incidex.sources import ReadOptions, iter_articles, read_articles
from incidex.sources.feeds import parse_feed
from incidex.store import IncidentStore
from incidex.watch.fetch import FetchPolicy, fetch, is_url
from incidex.watch.filters import WatchFilter
from incidex.watch.notify import Notifier
from incidex.watch.state import WatchState

Extractor = Callable[[Article], list[Incident]]
ErrorHandler = Callable[[IncidexError], None]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """Seconds in a duration such as ``90``, ``30s``, ``10m``, ``2h`` or ``1d``."""
    match = _DURATION.match(value)
    if match is None or float(match.group(1)) <= 0:
        raise InputError(f"--every {value!r} is not a duration such as 30s, 10m or 1h")
    return float(match.group(1)) * _SECONDS[match.group(2).lower()]


@dataclass
class WatchOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    merge: bool = True


@dataclass
class PollReport:
    sources: int = 0
    items: int = 0
    new_items: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    notified: int = 0
    failed_sources: int = 0

    def summary(self) -> str:
        return (f"{self.sources} sources, {self.items} items ({self.new_items} new), "
                f"{self.incidents_new} new and {self.incidents_updated} updated incidents, "
                f"{self.notified} notifications, {self.failed_sources} sources failed")


def source_key(source: str) -> str:
    """The name a source's state is kept under: the URL as given, or the absolute path."""
    return source if is_url(source) else str(Path(source).resolve())


def read_source(source: str, options: WatchOptions, on_error: ErrorHandler) -> list[Article]:
    if is_url(source):
        return list(parse_feed(fetch(source, options.policy), source, options.read, on_error))
    path = Path(source)
    if path.is_dir():
        return list(iter_articles([path], options.read, on_error=on_error))
    if not path.exists():
        raise InputError("no such file or folder", source=source)
    return list(read_articles(path, options.read, on_error=on_error))


def poll_once(
    store: IncidentStore,
    sources: Sequence[str],
    extract: Extractor,
    notifier: Notifier,
    filters: Sequence[WatchFilter] = (),
    options: WatchOptions | None = None,
    on_error: ErrorHandler | None = None,
) -> PollReport:
    options = options or WatchOptions()
    if options.read.published is None:  # an undated item is taken as published the day it is seen
        options = replace(options, read=replace(options.read, published=dt.date.today()))
    handle: ErrorHandler = on_error or (lambda _e: None)
    state = WatchState(store)
    report = PollReport()
    for source in sources:
        report.sources += 1
        try:
            articles = _unique(read_source(source, options, handle))
        except IncidexError as exc:
            report.failed_sources += 1
            handle(exc)
            continue
        key = source_key(source)
        seen = state.seen(key, (a.hash for a in articles))
        report.items += len(articles)
        for article in articles:
            if article.hash in seen:
                continue
            report.new_items += 1
            try:
                incidents = extract(article)
            except InputError as exc:
                handle(exc)
                state.mark_seen(key, [article.hash])  # an item the pipeline cannot read is not retried
                continue
            result = store.ingest(article, incidents, merge=options.merge)
            state.mark_seen(key, [article.hash])
            if result.is_new:
                _report_changes(store, source, result.article_id, result.incident_ids, filters,
                                notifier, report)
    return report


def _unique(articles: Iterable[Article]) -> list[Article]:
    return list({a.hash: a for a in articles}.values())


def _report_changes(
    store: IncidentStore,
    source: str,
    article_id: str,
    incident_ids: list[str],
    filters: Sequence[WatchFilter],
    notifier: Notifier,
    report: PollReport,
) -> None:
    for incident_id in incident_ids:
        incident = store.get_incident(incident_id)
        event = "new" if incident.article_ids == [article_id] else "updated"
        if event == "new":
            report.incidents_new += 1
        else:
            report.incidents_updated += 1
        matching: list[WatchFilter | None] = (
            [f for f in filters if f.matches(incident)] if filters else [None]
        )
        for watch_filter in matching:
            notifier.send({
                "event": event,
                "filter": watch_filter.name if watch_filter else None,
                "source": source,
                "article_id": article_id,
                "incident": incident.model_dump(mode="json"),
            })
            report.notified += 1


def watch(
    store: IncidentStore,
    sources: Sequence[str],
    extract: Extractor,
    notifier: Notifier,
    filters: Sequence[WatchFilter] = (),
    options: WatchOptions | None = None,
    *,
    every: float = 600.0,
    once: bool = False,
    on_error: ErrorHandler | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PollReport:
    """Poll every ``every`` seconds until interrupted (or once); returns the last report."""
    while True:
        started = time.monotonic()
        report = poll_once(store, sources, extract, notifier, filters, options, on_error)
        if on_poll is not None:
            on_poll(report)
        if once:
            return report
        sleep(max(0.0, every - (time.monotonic() - started)))


__all__ = ["PollReport", "WatchOptions", "parse_every", "poll_once", "read_source", "source_key", "watch"]
