"""Schema migrations: the Alembic history builds the schema the code declares, databases made
before migrations are adopted, and a database behind the code is upgraded when opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from factories import all_reports
from incidex.errors import StoreError
from incidex.store import open_store
from incidex.store.migrate import BASELINE, alembic_config, current_revision, head_revision
from incidex.store.rows import incident_values
from incidex.store.tables import Base, IncidentRow

#: Tables and indexes that live outside the declared metadata: the full-text indexes
#: (incidex.store.search) and Alembic's own bookkeeping.
_OUTSIDE_METADATA = ("alembic_version", "incident_search", "article_search", "ix_incidents_fulltext",
                     "ix_articles_fulltext")


def _declared(name: str | None, type_: str, _parent: object) -> bool:
    return not (name or "").startswith(_OUTSIDE_METADATA)


@pytest.mark.filterwarnings("ignore::UserWarning", "ignore::sqlalchemy.exc.SAWarning")
def test_the_migrations_build_the_declared_schema(store_url: str) -> None:
    """(SQLite cannot reflect expression indexes, so there they go unchecked; PostgreSQL
    checks them.)"""
    engine = create_engine(store_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _declared,
                                                                "compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_a_new_database_is_created_at_the_newest_revision(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_a_database_made_before_migrations_is_adopted_and_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    baseline = [Base.metadata.tables[n] for n in ("articles", "incidents", "incident_articles",
                                                  "incident_categories")]
    Base.metadata.create_all(engine, tables=baseline)  # what incidex made before migrations
    engine.dispose()

    with open_store(url, merge=True) as store:
        for article, incidents in all_reports():
            store.ingest(article, incidents)
        with store.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            assert "incident_blocks" in inspect(connection).get_table_names()


def test_upgrading_from_the_baseline_files_stored_incidents_under_their_blocks(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v1.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
        incidents = [i for _, found in all_reports() for i in found]
        now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        connection.execute(IncidentRow.__table__.insert(),
                           [incident_values(i) | {"created_at": now} for i in incidents])
    engine.dispose()

    with open_store(url) as store, store.engine.connect() as connection:
        filed = connection.execute(text("SELECT DISTINCT incident_id FROM incident_blocks")).scalars()
        assert set(filed) == {i.id for i in incidents}


def test_a_store_opened_without_upgrade_refuses_an_old_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v1.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
    engine.dispose()
    with pytest.raises(StoreError, match="incidex db upgrade"):
        open_store(url, upgrade=False)
    with open_store(url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.execute(text("SELECT count(*) FROM incident_blocks")).scalar() == 0
