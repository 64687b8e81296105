"""The Dask engine: extraction spread over the worker processes of a Dask cluster.

Two ways in. :func:`extract_bag` maps a ``dask.bag`` of article records (dicts) to a bag of
incident rows, for pipelines that already live in Dask. :func:`extract_shards` runs a
resumable job over files: one task per input shard, each writing one Parquet file of
incidents (:mod:`incidex.scale.shards`). A shard whose output exists is skipped, so a job
that failed half-way is finished by running it again; a task whose worker dies is run again
by the scheduler elsewhere, and the atomic rename keeps its output single.

Every worker process builds the pipeline once, on its first task. Run workers with one thread
each (``--nthreads 1``): the pipeline is pure Python and holds the GIL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from incidex.errors import IncidexError
from incidex.scale.shards import (
    ShardResult,
    extract_records,
    extract_shard,
    list_shards,
    output_path,
    remove_partials,
    require,
)
from incidex.sources import ReadOptions


@dataclass
class ShardReport:
    """What a shard job did: shards written now, shards found done, shards that failed."""

    written: list[ShardResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return sum(result.articles for result in self.written)

    @property
    def incidents(self) -> int:
        return sum(result.incidents for result in self.written)

    def summary(self) -> str:
        return (f"{len(self.written)} shards written ({self.articles} articles, {self.incidents} "
                f"incidents), {len(self.skipped)} already done, {len(self.failed)} failed")


def _records_to_rows(records: Iterable[dict[str, Any]], options: ReadOptions) -> list[dict[str, Any]]:
    return list(extract_records(records, options))


def extract_bag(articles: Any, options: ReadOptions | None = None) -> Any:
    """A ``dask.bag.Bag`` of incident rows from a bag of article records.

    Each record is a dict with the fields ``options`` names (``text`` by default, and
    ``published``, ``id``, ``url``, ...); each row is a dict of the columns of
    :data:`incidex.scale.shards.COLUMNS`, with ``record`` the incident as JSON. Partitions
    keep their order, and rows follow the order of their articles.

        >>> import dask.bag as db
        >>> rows = extract_bag(db.from_sequence(records, npartitions=8)).compute()
    """
    require("dask.bag")
    return articles.map_partitions(_records_to_rows, options or ReadOptions())


def extract_shards(
    inputs: Iterable[str | Path],
    output_dir: str | Path,
    client: Any = None,
    *,
    options: ReadOptions | None = None,
    on_shard: Callable[[str], None] | None = None,
) -> ShardReport:
    """Extract every shard of ``inputs`` that has no output yet in ``output_dir``.

    With a ``distributed.Client`` the shards run as tasks on its cluster, several at once;
    without one they run here, one after the other (the same files either way). A shard that
    fails is reported in ``ShardReport.failed`` and the others go on; run the job again to
    retry it. ``on_shard`` hears a line per shard finished.
    """
    options = options or ReadOptions()
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    remove_partials(out)
    shards = list_shards(inputs)
    todo = pending_shards(shards, out)
    report = ShardReport(skipped=[str(shard) for shard in shards if shard not in todo])
    tell = on_shard or (lambda _line: None)
    for shard, outcome in _run(todo, out, options, client):
        if isinstance(outcome, ShardResult):
            report.written.append(outcome)
            tell(f"{shard}: {outcome.articles} articles, {outcome.incidents} incidents")
        else:
            report.failed[str(shard)] = outcome
            tell(f"{shard}: failed: {outcome}")
    return report


def pending_shards(inputs: Iterable[str | Path], output_dir: str | Path) -> list[Path]:
    """The shards of ``inputs`` whose output is not yet in ``output_dir``."""
    return [shard for shard in list_shards(inputs) if not output_path(shard, Path(output_dir)).exists()]


def _run(
    shards: list[Path], out: Path, options: ReadOptions, client: Any
) -> Iterator[tuple[Path, ShardResult | str]]:
    if client is None:
        for shard in shards:
            try:
                yield shard, extract_shard(shard, out, options)
            except IncidexError as exc:
                yield shard, str(exc)
        return
    distributed = require("distributed")
    # One task per shard, keyed by its output: submitting a shard twice runs it once.
    keys = [f"incidex-shard-{output_path(shard, out).name}" for shard in shards]
    futures = client.map(extract_shard, shards, [out] * len(shards), [options] * len(shards),
                         key=keys, retries=1)
    by_future = dict(zip(futures, shards, strict=True))
    for future in distributed.as_completed(futures):
        shard = by_future[future]
        try:
            yield shard, future.result()
        except Exception as exc:  # a task's failure, shipped back from the worker
            yield shard, f"{type(exc).__name__}: {exc}"


@contextmanager
def open_client(scheduler: str | None = None, *, workers: int = 1) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at ``scheduler`` ("tcp://host:8786"), or of
    a local cluster of ``workers`` single-threaded processes started (and stopped) here."""
    distributed = require("distributed")
    logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines are noise here
    if scheduler is not None:
        with distributed.Client(scheduler) as client:
            yield client
        return
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        yield client
