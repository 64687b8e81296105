"""Extraction at scale: every core of one machine, or a Dask cluster of many.

    WorkerPool, extract_parallel    a pool of processes, results in input order
                                    (``incidex extract|ingest --workers N``)
    extract_bag, extract_shards     Dask: a bag of article records, or a resumable job over
                                    shard files writing Parquet (``incidex extract --engine
                                    dask``); needs the ``[dask]`` extra

See docs/scaling.md for running the Dask job on a cluster of several machines.
"""

from incidex.scale.cluster import (
    ShardReport,
    extract_bag,
    extract_shards,
    open_client,
    pending_shards,
)
from incidex.scale.shards import COLUMNS, ShardResult, extract_records, extract_shard, read_rows
from incidex.scale.workers import Extraction, WorkerPool, extract_parallel

__all__ = [
    "COLUMNS",
    "Extraction",
    "ShardReport",
    "ShardResult",
    "WorkerPool",
    "extract_bag",
    "extract_parallel",
    "extract_records",
    "extract_shard",
    "extract_shards",
    "open_client",
    "pending_shards",
    "read_rows",
]
