"""Shards of a Dask job: article files in, one Parquet file of incidents out per shard.

A shard is one input file (JSONL or Parquet, one article per record). Its output is written
under a temporary name and renamed into place when complete, so an output file that exists is
a finished shard: a re-run skips it, and a worker that dies half-way leaves only a temporary
file, which the next run removes. The output of a shard is the same whichever worker, and
however many attempts, wrote it.

Rows carry the GTD-style fields of :func:`incidex.export.gtd_csv.gtd_fields`, the article
and shard they came from, and the whole record as JSON (``record``), so nothing is lost in
the flattening: ``Incident.model_validate_json(row["record"])`` gives the incident back.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from incidex.article import Article
from incidex.errors import IncidexError, InputError, MalformedRecordError
from incidex.export.gtd_csv import GTD_COLUMNS, gtd_fields
from incidex.export.parquet import parquet_schema
from incidex.pipeline.runner import Pipeline, default_pipeline
from incidex.record import Incident
from incidex.sources import ReadOptions, read_articles
from incidex.sources._records import article_from_record

#: Input files a shard may be, by extension.
SHARD_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".json", ".parquet")
#: Extension of an output shard; the temporary name before the rename ends in ``.partial``.
OUTPUT_SUFFIX = ".incidents.parquet"
PARTIAL_SUFFIX = ".partial"

EXTRA = "pip install 'incidex[dask]'"

#: Columns of an output shard, in order: the GTD fields, then where the row came from.
COLUMNS: tuple[str, ...] = (*GTD_COLUMNS, "article_id", "shard", "record")


def require(module: str) -> ModuleType:
    """Import an optional dependency of the ``[dask]`` extra, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise IncidexError(f"the Dask engine needs {module.split('.')[0]}: {EXTRA}") from exc


def _schema() -> Any:
    require("pyarrow")
    return parquet_schema(extra=("article_id", "shard"))


def incident_row(incident: Incident, article_id: str, shard: str) -> dict[str, Any]:
    """One output row: GTD fields, provenance, and the full record as JSON."""
    row: dict[str, Any] = dict(gtd_fields(incident))
    row["article_id"] = article_id
    row["shard"] = shard
    row["record"] = incident.model_dump_json()
    return row


def extract_records(
    records: Iterable[dict[str, Any]],
    options: ReadOptions | None = None,
    *,
    shard: str = "",
    pipeline: Pipeline | None = None,
) -> Iterator[dict[str, Any]]:
    """Incident rows of article records (dicts with the fields ``options`` names).

    A record without usable text, or an article the pipeline refuses, gives no rows; the
    default pipeline is built once per process, so a Dask worker builds it once."""
    options = options or ReadOptions()
    pipe = pipeline or default_pipeline()
    for number, record in enumerate(records, start=1):
        try:
            article = article_from_record(record, options, f"{shard}#{number}")
        except MalformedRecordError:
            continue
        yield from _article_rows(pipe, article, shard)


def _article_rows(pipeline: Pipeline, article: Article, shard: str) -> Iterator[dict[str, Any]]:
    try:
        incidents = pipeline.extract(article)
    except InputError:
        return
    for incident in incidents:
        yield incident_row(incident, article.id, shard)


def read_shard(path: Path, options: ReadOptions) -> Iterator[Article]:
    """The articles of one shard file; broken records are skipped (and logged)."""
    if path.suffix.lower() == ".parquet":
        table = require("pyarrow.parquet").read_table(str(path))
        for number, record in enumerate(table.to_pylist(), start=1):
            try:
                yield article_from_record(record, options, f"{path}#{number}")
            except MalformedRecordError:
                continue
        return
    yield from read_articles(path, dataclasses.replace(options, kind="jsonl"))


def output_path(shard: Path, output_dir: Path) -> Path:
    """Where a shard's incidents go: its file name, less its extension, in ``output_dir``."""
    return output_dir / (shard.name.removesuffix(shard.suffix) + OUTPUT_SUFFIX)


def write_rows(rows: list[dict[str, Any]], path: Path) -> None:
    """Write rows as one Parquet file, atomically: a temporary name first, then a rename."""
    pa = require("pyarrow")
    pq = require("pyarrow.parquet")
    table = pa.Table.from_pylist(rows, schema=_schema())
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}{PARTIAL_SUFFIX}")
    try:
        pq.write_table(table, str(partial))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of an output shard, in order."""
    rows: list[dict[str, Any]] = require("pyarrow.parquet").read_table(str(path)).to_pylist()
    return rows


@dataclass(frozen=True)
class ShardResult:
    """What one shard gave: its input, output, and how many articles and incidents."""

    shard: str
    output: str
    articles: int
    incidents: int


def extract_shard(
    shard: str | Path, output_dir: str | Path, options: ReadOptions | None = None
) -> ShardResult:
    """Extract one shard file and write its incidents; the unit of work of a Dask task."""
    source = Path(shard)
    target = output_path(source, Path(output_dir))
    pipeline = default_pipeline()
    rows: list[dict[str, Any]] = []
    articles = 0
    for article in read_shard(source, options or ReadOptions()):
        articles += 1
        rows.extend(_article_rows(pipeline, article, source.name))
    write_rows(rows, target)
    return ShardResult(str(source), str(target), articles, len(rows))


def remove_partials(output_dir: Path) -> int:
    """Delete the temporary files of interrupted runs; how many there were."""
    removed = 0
    for partial in output_dir.glob(f".*{PARTIAL_SUFFIX}"):
        partial.unlink(missing_ok=True)
        removed += 1
    return removed


def list_shards(inputs: Iterable[str | Path]) -> list[Path]:
    """The shard files of ``inputs`` (files, or folders of them), each output name once."""
    shards: list[Path] = []
    for entry in inputs:
        path = Path(entry)
        if path.is_dir():
            shards.extend(sorted(p for p in path.iterdir()
                                 if p.suffix.lower() in SHARD_SUFFIXES and not p.name.startswith(".")))
        elif path.is_file():
            shards.append(path)
        else:
            raise InputError("no such file or folder", source=str(path))
    seen: dict[str, Path] = {}
    for shard in shards:
        if shard.suffix.lower() not in SHARD_SUFFIXES:
            raise InputError(f"a shard is a {', '.join(SHARD_SUFFIXES)} file", source=str(shard))
        name = output_path(shard, Path()).name
        if name in seen:
            raise InputError(f"shards {seen[name]} and {shard} would both write {name}; "
                             "rename one", source=str(shard))
        seen[name] = shard
    return shards
