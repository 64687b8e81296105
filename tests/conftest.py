"""Fixtures every test module may use: a fresh, empty database per test, on SQLite and, when
``INCIDEX_TEST_POSTGRES_URL`` names a PostgreSQL server, on PostgreSQL too.

Each PostgreSQL variant gets a schema of its own (``search_path`` set in the URL), dropped
afterwards, so tests never see each other's rows and need no database of their own. Without
the variable the PostgreSQL variants are skipped, and say why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

#: A PostgreSQL URL (postgresql+psycopg://user:password@host/db) whose user may create schemas.
POSTGRES_ENV = "INCIDEX_TEST_POSTGRES_URL"

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'incidex.db'}"
    else:
        yield from postgres_schema_url()


def postgres_schema_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(base)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
