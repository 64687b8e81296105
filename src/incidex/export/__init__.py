"""Writers that turn incidents into files other tools read: JSONL, GTD-style and ACLED-style
CSV, GeoJSON, Parquet.

Every writer takes an iterable and writes as it goes, so ``write_export(store.iter_incidents(),
"csv", out)`` exports any size of store. The text formats write to a text stream; Parquet, a
binary columnar file, to a path (:func:`export_to_path` takes either kind).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from incidex.errors import InputError
from incidex.export.acled_csv import ACLED_COLUMNS, acled_fields, write_acled_csv
from incidex.export.geojson import GeoJSONResult, incident_feature, write_geojson
from incidex.export.gtd_csv import GTD_COLUMNS, gtd_fields, write_gtd_csv
from incidex.export.jsonl import write_jsonl
from incidex.export.parquet import PARQUET_COLUMNS, read_parquet, write_parquet
from incidex.record import Incident

log = logging.getLogger(__name__)

#: The formats :func:`write_export` writes to a text stream.
EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled", "geojson")
#: Formats that need a file of their own (:func:`export_to_path`).
FILE_FORMATS: tuple[str, ...] = ("parquet",)


def write_export(incidents: Iterable[Incident], fmt: str, out: TextIO) -> int:
    """Write ``incidents`` to ``out`` in format ``fmt``; returns how many were written.

    For GeoJSON, incidents without coordinates are skipped and a warning says how many.
    """
    name = fmt.strip().lower()
    if name == "jsonl":
        return write_jsonl(incidents, out)
    if name == "csv":
        return write_gtd_csv(incidents, out)
    if name == "acled":
        return write_acled_csv(incidents, out)
    if name == "geojson":
        result = write_geojson(incidents, out)
        if result.skipped:
            log.warning(
                "GeoJSON export left out %d incident(s) without coordinates", result.skipped
            )
        return result.written
    if name in FILE_FORMATS:
        raise InputError(f"{name} is a binary format: give a file to write it to (--output)")
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(_ALL_FORMATS)}")


def export_to_path(incidents: Iterable[Incident], fmt: str, path: Path) -> int:
    """Write ``incidents`` to the file ``path`` in any format; returns how many were written."""
    name = fmt.strip().lower()
    if name == "parquet":
        return write_parquet(incidents, path)
    if name not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(_ALL_FORMATS)}")
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_export(incidents, fmt, out)


_ALL_FORMATS = (*EXPORT_FORMATS, *FILE_FORMATS)


__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_FORMATS",
    "FILE_FORMATS",
    "GTD_COLUMNS",
    "PARQUET_COLUMNS",
    "GeoJSONResult",
    "acled_fields",
    "export_to_path",
    "gtd_fields",
    "incident_feature",
    "read_parquet",
    "write_acled_csv",
    "write_export",
    "write_geojson",
    "write_gtd_csv",
    "write_jsonl",
    "write_parquet",
]
