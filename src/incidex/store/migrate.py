"""Schema migrations (Alembic): every database is brought to the newest schema when opened.

:func:`upgrade_schema` runs in one transaction and handles three kinds of database:

- an empty one: the tables are created from :mod:`incidex.store.tables` and stamped at the
  newest revision (faster than replaying every migration; a test checks both give one schema);
- one made by an incidex older than migrations (tables, no ``alembic_version``): stamped at
  ``0001``, the schema of that time, then upgraded;
- one at an older revision: upgraded.

``open_store`` calls it, so a new version of incidex migrates a database the first time it
opens it; ``incidex db upgrade --db URL`` does the same explicitly (for a PostgreSQL server
that many processes share, run it once before starting them), and ``incidex db current``
says where a database stands. The migrations live in ``incidex/store/migrations/versions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, insert, inspect, select
from sqlalchemy.schema import CreateIndex

from incidex.record import Incident
from incidex.store.tables import Base, IncidentRow

#: The revision that describes the tables of databases made before migrations.
BASELINE = "0001"
_BASELINE_TABLES = ("articles", "incidents", "incident_articles", "incident_categories")


@dataclass(frozen=True)
class SchemaState:
    """Where a database stood before :func:`upgrade_schema` and where it stands after."""

    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", "incidex.store:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "incidex ships at least one migration"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> SchemaState:
    """Bring the database to the newest schema (see the module docstring)."""
    head = head_revision()
    with engine.begin() as connection:
        before = current_revision(connection)
        if before == head:
            return SchemaState(before, head)
        config = alembic_config(connection)
        if before is None:
            tables = set(inspect(connection).get_table_names())
            if "incidents" not in tables:
                Base.metadata.create_all(connection)
                command.stamp(config, "head")
                return SchemaState(None, head)
            _create_missing_baseline_indexes(connection)
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")
    return SchemaState(before, head)


def _create_missing_baseline_indexes(connection: Connection) -> None:
    """Indexes that incidex versions before migrations added to existing databases on open
    (``IF NOT EXISTS``), so an old database matches revision 0001 before it is upgraded."""
    for name in _BASELINE_TABLES:
        for index in Base.metadata.tables[name].indexes:
            connection.execute(CreateIndex(index, if_not_exists=True))


def backfill_blocks(connection: Connection, batch: int = 1000) -> None:
    """File every stored incident under its dedup blocks (migration 0002)."""
    from incidex.store.merging import block_rows
    from incidex.store.tables import IncidentBlockRow

    rows = connection.execute(select(IncidentRow.record).execution_options(yield_per=batch))
    pending: list[dict[str, object]] = []
    for (record,) in rows:
        pending.extend(block_rows([Incident.model_validate(record)]))
        if len(pending) >= batch:
            connection.execute(insert(IncidentBlockRow), pending)
            pending = []
    if pending:
        connection.execute(insert(IncidentBlockRow), pending)


__all__ = ["BASELINE", "SchemaState", "current_revision", "head_revision", "upgrade_schema"]
