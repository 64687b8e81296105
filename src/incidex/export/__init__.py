"""Writers that turn incidents into files other tools read: JSONL, GTD-style CSV, GeoJSON.

Every writer takes an iterable and a text stream and writes as it goes, so
``write_export(store.iter_incidents(), "csv", out)`` exports any size of store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TextIO

from incidex.errors import InputError
from incidex.export.geojson import GeoJSONResult, incident_feature, write_geojson
from incidex.export.gtd_csv import GTD_COLUMNS, gtd_fields, write_gtd_csv
from incidex.export.jsonl import write_jsonl
from incidex.record import Incident

log = logging.getLogger(__name__)

#: The formats :func:`write_export` accepts (the CLI's choices for ``--format``).
EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")


def write_export(incidents: Iterable[Incident], fmt: str, out: TextIO) -> int:
    """Write ``incidents`` to ``out`` in format ``fmt``; returns how many were written.

    For GeoJSON, incidents without coordinates are skipped and a warning says how many.
    """
    name = fmt.strip().lower()
    if name == "jsonl":
        return write_jsonl(incidents, out)
    if name == "csv":
        return write_gtd_csv(incidents, out)
    if name == "geojson":
        result = write_geojson(incidents, out)
        if result.skipped:
            log.warning(
                "GeoJSON export left out %d incident(s) without coordinates", result.skipped
            )
        return result.written
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


__all__ = [
    "EXPORT_FORMATS",
    "GTD_COLUMNS",
    "GeoJSONResult",
    "gtd_fields",
    "incident_feature",
    "write_export",
    "write_geojson",
    "write_gtd_csv",
    "write_jsonl",
]
