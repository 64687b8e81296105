"""Parquet: the GTD columns typed (integers, floats, text) plus the whole record as JSON.

Written in row groups of :data:`ROW_GROUP` incidents, so a store of any size exports in flat
memory. Needs pyarrow (``pip install 'incidex[parquet]'``); the Dask engine's output shards
have the same columns, so one reader serves both.
"""

from __future__ import annotations

import importlib
import os
import uuid
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from incidex.errors import IncidexError
from incidex.export.gtd_csv import GTD_COLUMNS, gtd_fields
from incidex.record import Incident

#: Incidents per row group: large enough for fast scans, small enough to keep memory flat.
ROW_GROUP = 5000

#: Columns of the file, in order: the GTD fields, then the record as JSON.
PARQUET_COLUMNS: tuple[str, ...] = (*GTD_COLUMNS, "record")

_INTEGER_COLUMNS = frozenset({
    "iyear", "imonth", "iday", "specificity", "claimed", "suicide", "success", "multiple",
    "nkill", "nwound", "nkillter", "nwoundte",
})
_FLOAT_COLUMNS = frozenset({"latitude", "longitude", "confidence"})


def _pyarrow() -> tuple[ModuleType, ModuleType]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise IncidexError("Parquet export needs pyarrow: pip install 'incidex[parquet]'") from exc


def parquet_schema(extra: tuple[str, ...] = ()) -> Any:
    """The Arrow schema of :data:`PARQUET_COLUMNS` (and ``extra`` text columns)."""
    pa, _ = _pyarrow()
    columns = (*GTD_COLUMNS, *extra, "record")
    return pa.schema([
        (name, pa.int64() if name in _INTEGER_COLUMNS else pa.float64() if name in _FLOAT_COLUMNS
         else pa.string())
        for name in columns
    ])


def write_parquet(incidents: Iterable[Incident], path: Path) -> int:
    """Write ``incidents`` to ``path`` (atomically: a temporary name, then a rename); returns
    how many were written."""
    pa, pq = _pyarrow()
    schema = parquet_schema()
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    written = 0
    try:
        with pq.ParquetWriter(str(partial), schema) as writer:
            batch: list[dict[str, Any]] = []
            for incident in incidents:
                batch.append(dict(gtd_fields(incident)) | {"record": incident.model_dump_json()})
                if len(batch) >= ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    written += len(batch)
                    batch = []
            if batch or not written:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written


def read_parquet(path: Path) -> list[Incident]:
    """The incidents of a file :func:`write_parquet` (or the Dask engine) wrote, in order."""
    _, pq = _pyarrow()
    records = pq.read_table(str(path), columns=["record"]).column("record").to_pylist()
    return [Incident.model_validate_json(r) for r in records]
