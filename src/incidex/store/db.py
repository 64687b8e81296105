"""Opening a store: where the database lives by default, and connecting to it.

One SQLAlchemy URL names the database: a SQLite file by default, PostgreSQL when the user
gives one. Failures to connect or create tables come back as :class:`StoreError`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.schema import CreateIndex

from incidex.errors import StoreError
from incidex.store.migrate import current_revision, head_revision, upgrade_schema
from incidex.store.repository import IncidentStore
from incidex.store.tables import Base

#: The environment variable that overrides the default database URL.
DB_ENV = "INCIDEX_DB"


def default_db_path() -> Path:
    """The SQLite file in the user's data directory (XDG), created on demand."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "incidex" / "incidex.db"


def default_db_url() -> str:
    """``$INCIDEX_DB`` if set, else a SQLite file in the user's data directory.

    The folder of the default file is created here, since SQLite will not create it.
    """
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return from_env
    path = default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {path.parent}: {exc}") from exc
    return f"sqlite:///{path}"


def open_store(url: str | None = None, *, merge: bool = False, upgrade: bool = True) -> IncidentStore:
    """Connect to the database at ``url`` (default: :func:`default_db_url`).

    With ``upgrade`` (the default) the schema is created or migrated to the newest revision
    first (:mod:`incidex.store.migrate`); without it, a database that is not at the newest
    revision is refused with a message naming ``incidex db upgrade``. ``merge`` turns on merge
    on ingest (:class:`IncidentStore`).
    """
    url = url or default_db_url()
    engine = create_store_engine(url)
    try:
        if upgrade:
            upgrade_schema(engine)
            _create_missing_indexes(engine)
        else:
            _require_head(engine, url)
    except (SQLAlchemyError, CommandError) as exc:
        engine.dispose()
        reason = _reason(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
        raise StoreError(f"cannot open database {_safe(url)}: {reason}", source=_safe(url)) from exc
    except StoreError:
        engine.dispose()
        raise
    store = IncidentStore(engine, merge=merge)
    store.enable_text_search()
    return store


def _require_head(engine: Engine, url: str) -> None:
    with engine.connect() as connection:
        current = current_revision(connection)
    if current != head_revision():
        raise StoreError(
            f"database schema is at revision {current or 'none'}, this incidex needs "
            f"{head_revision()}: run `incidex db upgrade --db URL`",
            source=_safe(url),
        )


def _create_missing_indexes(engine: Engine) -> None:
    """Indexes of the schema that the database lacks (dropped by hand, or lost by a tool
    that copied the tables): built again, once, when the database is opened.

    ``IF NOT EXISTS`` (SQLite, PostgreSQL 9.5+) rather than reflection, which does not see
    the expression indexes.
    """
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                connection.execute(CreateIndex(index, if_not_exists=True))


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get WAL journalling and foreign keys."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    try:
        engine = create_engine(parsed)
    except ModuleNotFoundError as exc:
        hint = (
            " (pip install 'incidex[postgres]')"
            if parsed.get_backend_name() == "postgresql"
            else ""
        )
        raise StoreError(
            f"the database driver for {parsed.drivername!r} is not installed{hint}: {exc}"
        ) from exc
    except (ArgumentError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot use database URL {_safe(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets the web server read while an ingest writes; in-memory databases ignore it.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def _safe(url: str) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).splitlines()[0]
