"""The database schema: articles, incidents, and which article reported which incident.

The whole :class:`~incidex.record.Incident` is kept as JSON in ``incidents.record`` so the
record can grow without a migration; the other incident columns are copies of the fields
people filter and sort on, indexed, and rewritten from the record on every upsert. Nothing
here is specific to one database: the same tables serve SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IncidentRow(Base):
    __tablename__ = "incidents"

    # Column order matters to SQLite: a row is stored in this order, and a large value (the
    # record, several kilobytes) spills into overflow pages that must be walked to reach any
    # column after it. The small columns that filters and sorts read come first.
    id: Mapped[str] = mapped_column(String, primary_key=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String)
    country_code: Mapped[str | None] = mapped_column(String)
    admin1: Mapped[str | None] = mapped_column(String)
    city: Mapped[str | None] = mapped_column(String)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    attack_type: Mapped[str | None] = mapped_column(String)
    weapon_type: Mapped[str | None] = mapped_column(String)
    target_type: Mapped[str | None] = mapped_column(String)
    perpetrator: Mapped[str | None] = mapped_column(String)
    killed: Mapped[int | None] = mapped_column(Integer)
    wounded: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="")
    record: Mapped[dict[str, Any]] = mapped_column(JSON)

    # Text columns have no length: ids and names come from outside (URLs as ids, long group
    # names), and PostgreSQL would reject what SQLite silently accepts.
    # Filters compare lower-cased values, so the indexes are on lower(column); both SQLite
    # (3.9+) and PostgreSQL use an expression index when the query repeats the expression.
    # Each sort key is indexed with the id after it, the order of a page (see
    # incidex.store.paging), so a page is read from the index without sorting the table.
    __table_args__ = (
        Index("ix_incidents_country_lower", func.lower(country)),
        Index("ix_incidents_country_code_lower", func.lower(country_code)),
        Index("ix_incidents_admin1_lower", func.lower(admin1)),
        Index("ix_incidents_attack_type_lower", func.lower(attack_type)),
        Index("ix_incidents_weapon_type_lower", func.lower(weapon_type)),
        Index("ix_incidents_target_type_lower", func.lower(target_type)),
        Index("ix_incidents_perpetrator_lower", func.lower(perpetrator)),
        Index("ix_incidents_lon_lat", lon, lat),
        Index("ix_incidents_date_start_id", date_start, id),
        Index("ix_incidents_killed_id", killed, id),
        Index("ix_incidents_wounded_id", wounded, id),
        Index("ix_incidents_created_at_id", created_at, id),
        Index("ix_incidents_country_id", country, id),
    )


class IncidentArticleRow(Base):
    """Which articles reported an incident: several, once dedup merges reports."""

    __tablename__ = "incident_articles"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class IncidentCategoryRow(Base):
    """Every category value of an incident, lower-cased, one row each.

    The filter columns on ``incidents`` hold only the primary attack / weapon / target type
    and the first perpetrator; this table lets a filter for "Firearms" also find the
    incident whose primary weapon is Explosives but whose gunmen fired too.
    """

    __tablename__ = "incident_categories"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String, primary_key=True)

    __table_args__ = (Index("ix_incident_categories_kind_value", kind, value),)


class IncidentBlockRow(Base):
    """The dedup blocks an incident is filed under (:func:`incidex.dedup.home_keys`).

    ``cell`` is the key without its day ("place|AF|kabul", "perp|islamic state") and ``day``
    the date's ordinal (None when undated), so the candidates of a new report are one indexed
    ``cell = ? AND day BETWEEN ? AND ?`` lookup per cell, whatever the size of the store.
    """

    __tablename__ = "incident_blocks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    cell: Mapped[str] = mapped_column(String)
    day: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_incident_blocks_cell_day", cell, day),)


class IncidentAliasRow(Base):
    """Ids that now live inside another record: the members of a merge, and merges that a
    later report grew into a new one. ``get_incident`` follows them, so no link goes stale.

    No foreign key: the target is rewritten in the same transaction as the rows it names.
    """

    __tablename__ = "incident_aliases"

    alias_id: Mapped[str] = mapped_column(String, primary_key=True)
    incident_id: Mapped[str] = mapped_column(String, index=True)


class WatchSeenRow(Base):
    """Items ``incidex watch`` has ingested, per source, so a restart ingests nothing twice."""

    __tablename__ = "watch_seen"

    source: Mapped[str] = mapped_column(String, primary_key=True)
    item_key: Mapped[str] = mapped_column(String, primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SavedFilterRow(Base):
    """Filters ``incidex watch`` reports against when none is given on the command line."""

    __tablename__ = "saved_filters"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    spec: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
