"""Initial schema and the append-only triggers (what `create_all` made before migrations existed).

Revision ID: 0001
Revises:
Created: 2026-12-01

A migration is history: it spells out its DDL instead of importing the models (``portal/db.py``), so
that changing the models later cannot change what this revision did. Databases made by ``create_all``
before Alembic are adopted by ``portal.migrate`` (stamped at this revision): they hold exactly this.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = ("access_log", "consent_ledger")
_AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite autoincrements INTEGER keys only
_INSTANT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", _AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("at", _INSTANT, nullable=False),
        sa.Column("request_id", sa.String(128), nullable=False),
        sa.Column("actor_id", sa.String(255), nullable=False),
        sa.Column("subject_id", sa.String(255), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("vin", sa.String(17), nullable=True),
        sa.Column("data_class", sa.String(64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_access_log_request_id", "access_log", ["request_id"])
    op.create_index("ix_access_log_subject_id", "access_log", ["subject_id"])
    op.create_table(
        "consent_ledger",
        sa.Column("id", _AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("owner_id", sa.String(255), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("at", _INSTANT, nullable=False),
        sa.Column("request_id", sa.String(128), nullable=False),
        sa.Column("notice_version", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consent_ledger_owner_id", "consent_ledger", ["owner_id"])
    op.create_table(
        "export_jobs",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("owner_id", sa.String(255), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", _INSTANT, nullable=False),
        sa.Column("completed_at", _INSTANT, nullable=True),
        sa.Column("request_id", sa.String(128), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("content_type", sa.String(128), nullable=True),
        sa.Column("failure", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_export_jobs_owner_id", "export_jobs", ["owner_id"])
    op.create_table(
        "records",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("vin", sa.String(17), nullable=False),
        sa.Column("data_class", sa.String(64), nullable=False),
        sa.Column("recorded_at", _INSTANT, nullable=False),
        sa.Column("form", sa.String(16), nullable=False),
        sa.Column("object_key", sa.String(1024), nullable=False),
        sa.Column("content_type", sa.String(128), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_records_query", "records", ["vin", "data_class", "recorded_at", "id"])
    op.create_table(
        "vehicle_bindings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("vin", sa.String(17), nullable=False),
        sa.Column("owner_id", sa.String(255), nullable=False),
        sa.Column("valid_from", _INSTANT, nullable=False),
        sa.Column("valid_until", _INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_vehicle_bindings_owner_id", "vehicle_bindings", ["owner_id"])
    op.create_index("ix_vehicle_bindings_vin", "vehicle_bindings", ["vin"])
    _append_only_triggers()


def _append_only_triggers() -> None:
    """UPDATE and DELETE (and TRUNCATE on PostgreSQL) on the ledgers fail in the database itself."""
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION portal_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        for table in _APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION portal_append_only()"
            )
        return
    # SQLite triggers fire for one statement kind each: one for UPDATE, one for DELETE.
    for table in _APPEND_ONLY:
        for suffix, statement in (("u", "UPDATE"), ("d", "DELETE")):
            op.execute(
                f"CREATE TRIGGER {table}_append_only_{suffix} BEFORE {statement} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    # Dropping a table drops its triggers and indexes on both dialects.
    for table in ("vehicle_bindings", "records", "export_jobs", "consent_ledger", "access_log"):
        op.drop_table(table)
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS portal_append_only()")
