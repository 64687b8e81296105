"""Alembic migrations of the store's schema (see :mod:`incidex.store.migrate`)."""
