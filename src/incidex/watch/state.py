"""What a watcher remembers between runs, in the database it ingests into: the items it has
ingested from each source (``watch_seen``) and its saved filters (``saved_filters``).

Keeping the state next to the incidents means one backup, one URL, and no state file to lose
between restarts; an item is marked seen only after its article is stored, and ingest is
idempotent by content hash, so a crash in between ingests nothing twice either.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from incidex.errors import StoreError
from incidex.store import IncidentStore
from incidex.store.tables import SavedFilterRow, WatchSeenRow, utcnow
from incidex.watch.filters import WatchFilter


class WatchState:
    def __init__(self, store: IncidentStore) -> None:
        self.engine = store.engine

    def seen(self, source: str, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` were ingested from ``source`` before."""
        wanted = sorted(set(keys))
        found: set[str] = set()
        with self._translate("read the watch state"), self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                stmt = select(WatchSeenRow.item_key).where(
                    WatchSeenRow.source == source, WatchSeenRow.item_key.in_(wanted[start : start + 500])
                )
                found.update(connection.execute(stmt).scalars())
        return found

    def mark_seen(self, source: str, keys: Iterable[str]) -> None:
        fresh = sorted(set(keys) - self.seen(source, keys))
        if not fresh:
            return
        now = utcnow()
        with self._translate("write the watch state"), self.engine.begin() as connection:
            connection.execute(
                insert(WatchSeenRow), [{"source": source, "item_key": k, "seen_at": now} for k in fresh]
            )

    def saved_filters(self) -> list[WatchFilter]:
        with self._translate("read the saved filters"), self.engine.connect() as connection:
            rows = connection.execute(select(SavedFilterRow.name, SavedFilterRow.spec)
                                      .order_by(SavedFilterRow.name)).all()
        return [WatchFilter.parse(spec, name) for name, spec in rows]

    def save_filter(self, watch_filter: WatchFilter, spec: str) -> None:
        with self._translate("save a filter"), self.engine.begin() as connection:
            connection.execute(delete(SavedFilterRow).where(SavedFilterRow.name == watch_filter.name))
            connection.execute(insert(SavedFilterRow), [{"name": watch_filter.name, "spec": spec,
                                                         "created_at": utcnow()}])

    def _translate(self, action: str) -> _Translate:
        return _Translate(action)


class _Translate:
    def __init__(self, action: str) -> None:
        self.action = action

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, _tb: object) -> None:
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(f"could not {self.action}: {str(exc).splitlines()[0]}") from exc


__all__ = ["WatchState"]
