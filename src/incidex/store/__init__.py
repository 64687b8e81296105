"""The incident database: SQLite by default, PostgreSQL by URL, idempotent by content hash."""

from __future__ import annotations

from incidex.store.db import DB_ENV, default_db_path, default_db_url, open_store
from incidex.store.filters import SORT_COLUMNS, IncidentFilter
from incidex.store.repository import IncidentStore, IngestResult, IngestSummary

__all__ = [
    "DB_ENV",
    "SORT_COLUMNS",
    "IncidentFilter",
    "IncidentStore",
    "IngestResult",
    "IngestSummary",
    "default_db_path",
    "default_db_url",
    "open_store",
]
