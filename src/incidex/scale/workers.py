"""Extraction on every core of one machine: a pool of worker processes, one pipeline each.

Articles go to the workers in chunks (one pickling round trip per chunk, not per article) and
the results come back in input order, so ``--workers 4`` prints and stores exactly what
``--workers 1`` does. The pool uses the *spawn* start method: a worker starts from a fresh
interpreter, builds its pipeline once in the pool's initializer, and inherits no open database
connection, thread or lock of the parent. The parent keeps every write to itself.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from incidex.article import Article
from incidex.errors import InputError, PipelineError
from incidex.pipeline.runner import DEFAULT_STAGES, Pipeline, default_pipeline
from incidex.record import Incident

#: Articles per task. A RAND description takes ~8 ms and a MUC-4 document ~25 ms, so 32 of
#: them keep a task at 0.25-1 s: long next to the ~1 ms of pickling a chunk, short enough that
#: the last chunks spread over the workers.
DEFAULT_CHUNK_SIZE = 32
#: Chunks queued per worker ahead of the one it runs: enough that no worker waits for the
#: parent, few enough that memory stays bounded on an endless input.
CHUNKS_AHEAD_PER_WORKER = 2


@dataclass
class Extraction:
    """What one article gave: its incidents, or the input error that stopped it, and the
    seconds each stage took."""

    article: Article
    incidents: list[Incident] = field(default_factory=list)
    error: InputError | None = None
    timings: dict[str, float] = field(default_factory=dict)


# An InputError does not survive pickling with its ``source`` (Exception pickles its args
# only), so a worker sends (class, message, source) and the parent rebuilds it.
_ErrorParts = tuple[type[InputError], str, str | None]
_Outcome = tuple[list[Incident], _ErrorParts | None, dict[str, float]]

_WORKER_PIPELINE: Pipeline | None = None
_READY_PAUSE = 0.2


def _start_worker(stages: tuple[str, ...]) -> None:
    """Pool initializer: build the worker's one pipeline (models and gazetteer load here)."""
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(stages)


def _worker_ready() -> tuple[int, int]:
    """The worker's process id and peak resident memory (as ``getrusage`` counts it)."""
    time.sleep(_READY_PAUSE)  # hold the task, so that each worker answers one
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _run(pipeline: Pipeline, article: Article) -> _Outcome:
    try:
        doc = pipeline.run(article)
    except InputError as exc:
        return [], (type(exc), exc.message, exc.source), {}
    return doc.incidents, None, doc.timings


def _extract_chunk(articles: list[Article]) -> list[_Outcome]:
    if _WORKER_PIPELINE is None:  # pragma: no cover - the initializer always ran
        raise PipelineError("the worker's pipeline was not built")
    return [_run(_WORKER_PIPELINE, article) for article in articles]


def _extraction(article: Article, outcome: _Outcome) -> Extraction:
    incidents, error, timings = outcome
    rebuilt = None if error is None else error[0](error[1], source=error[2])
    return Extraction(article, incidents, rebuilt, timings)


class WorkerPool:
    """``workers`` processes, each with its own pipeline of ``stages``; use it as a context
    manager. ``workers=1`` runs in the calling process, with no pool at all, on ``pipeline``
    when one is given (a built pipeline is not sent to workers: they build their own)."""

    def __init__(
        self,
        workers: int,
        stages: Sequence[str] = DEFAULT_STAGES,
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        pipeline: Pipeline | None = None,
    ) -> None:
        if workers < 1:
            raise InputError(f"--workers must be at least 1, not {workers}")
        if chunk_size < 1:
            raise InputError(f"chunk size must be at least 1, not {chunk_size}")
        self.workers = workers
        self.stages = tuple(pipeline.names) if pipeline is not None else tuple(stages)
        self.chunk_size = chunk_size
        self._pipeline: Pipeline | None = pipeline
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        if self.workers == 1:
            self._pipeline = self._local_pipeline()
        else:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.stages,),
            )
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _local_pipeline(self) -> Pipeline:
        if self._pipeline is None:
            default = self.stages == DEFAULT_STAGES
            self._pipeline = default_pipeline() if default else Pipeline(self.stages)
        return self._pipeline

    def wait_until_ready(self) -> None:
        """Start every worker and let it build its pipeline (for timing the work alone)."""
        self._ask_workers()

    def peak_memory(self) -> int:
        """The largest peak resident memory of a worker, in ``getrusage`` units (kB on Linux);
        this process's own when there is no pool. A spawned worker's own figure, not
        ``RUSAGE_CHILDREN``, which counts the parent's pages copied at fork, before exec."""
        return max(peak for _, peak in self._ask_workers())

    def _ask_workers(self) -> list[tuple[int, int]]:
        if self._executor is None:
            return [(os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)]
        # A spawned process takes a task only once its initializer is done, and each of these
        # tasks holds its worker a moment, so the tasks spread over all the workers.
        asked = [self._executor.submit(_worker_ready) for _ in range(self.workers)]
        return [future.result() for future in asked]

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Each article's extraction, in input order."""
        if self._executor is None:
            pipeline = self._local_pipeline()
            for article in articles:
                yield _extraction(article, _run(pipeline, article))
            return
        pending: deque[tuple[list[Article], Future[list[_Outcome]]]] = deque()
        limit = self.workers * (1 + CHUNKS_AHEAD_PER_WORKER)
        iterator = iter(articles)
        while True:
            while len(pending) < limit and (chunk := list(islice(iterator, self.chunk_size))):
                pending.append((chunk, self._executor.submit(_extract_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            for article, outcome in zip(chunk, future.result(), strict=True):
                yield _extraction(article, outcome)


def extract_parallel(
    articles: Iterable[Article],
    workers: int,
    stages: Sequence[str] = DEFAULT_STAGES,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[Extraction]:
    """Each article's extraction, in input order, from ``workers`` processes."""
    with WorkerPool(workers, stages, chunk_size=chunk_size) as pool:
        yield from pool.extract(articles)
