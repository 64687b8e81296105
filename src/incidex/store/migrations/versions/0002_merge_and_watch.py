"""Merge on ingest (dedup blocks, aliases of merged ids) and ``incidex watch`` state.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_blocks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("cell", sa.String(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_incident_blocks_cell_day", "incident_blocks", ["cell", "day"])
    op.create_index("ix_incident_blocks_incident_id", "incident_blocks", ["incident_id"])
    op.create_table(
        "incident_aliases",
        sa.Column("alias_id", sa.String(), nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("alias_id"),
    )
    op.create_index("ix_incident_aliases_incident_id", "incident_aliases", ["incident_id"])
    op.create_table(
        "watch_seen",
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("item_key", sa.String(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", "item_key"),
    )
    op.create_table(
        "saved_filters",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    # Records stored before this revision are filed under their dedup blocks here.
    from incidex.store.migrate import backfill_blocks

    backfill_blocks(op.get_bind())


def downgrade() -> None:
    op.drop_table("saved_filters")
    op.drop_table("watch_seen")
    op.drop_table("incident_aliases")
    op.drop_table("incident_blocks")
