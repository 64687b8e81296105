"""The schema as it was before migrations: articles, incidents, their links and categories.

A database created by an older incidex (``create_all``) has exactly these tables; opening it
stamps it at this revision and upgrades it from here.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

_LOWER_INDEXED = ("country", "country_code", "admin1", "attack_type", "weapon_type", "target_type",
                  "perpetrator")
_SORT_INDEXED = ("date_start", "killed", "wounded", "created_at", "country")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("country_code", sa.String(), nullable=True),
        sa.Column("admin1", sa.String(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("attack_type", sa.String(), nullable=True),
        sa.Column("weapon_type", sa.String(), nullable=True),
        sa.Column("target_type", sa.String(), nullable=True),
        sa.Column("perpetrator", sa.String(), nullable=True),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("wounded", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in _LOWER_INDEXED:
        op.create_index(f"ix_incidents_{column}_lower", "incidents", [sa.literal_column(f"lower({column})")])
    op.create_index("ix_incidents_lon_lat", "incidents", ["lon", "lat"])
    for column in _SORT_INDEXED:
        op.create_index(f"ix_incidents_{column}_id", "incidents", [column, "id"])
    op.create_table(
        "incident_articles",
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("incident_id", "article_id"),
    )
    op.create_index("ix_incident_articles_article_id", "incident_articles", ["article_id"])
    op.create_table(
        "incident_categories",
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("incident_id", "kind", "value"),
    )
    op.create_index("ix_incident_categories_kind_value", "incident_categories", ["kind", "value"])


def downgrade() -> None:
    op.drop_table("incident_categories")
    op.drop_table("incident_articles")
    op.drop_table("incidents")
    op.drop_table("articles")
