"""The relational store: bindings, record index, consent ledger, access log and export jobs.

PostgreSQL in production (psycopg 3), SQLite as the embedded default; one SQLAlchemy 2 schema for
both. The consent ledger and the access log are append-only *in the database* (a trigger refuses
UPDATE and DELETE on either dialect), so a bug or a compromised code path in the service cannot
rewrite history.

The schema is made by the Alembic revisions in ``portal/migrations`` (``portal/migrate.py``), never by
``create_all``: a change here needs a new revision (a test compares the two).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Dialect,
    Engine,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import DateTime, TypeDecorator

__all__ = [
    "APPEND_ONLY_TABLES",
    "AccessLogEntry",
    "Base",
    "ConsentEntry",
    "ExportJob",
    "Record",
    "VehicleBinding",
    "create_schema",
    "make_engine",
    "make_sessionmaker",
]

log = logging.getLogger("portal.db")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every dialect (SQLite has no timezone type)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the portal store; always pass timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class VehicleBinding(Base):
    """One owner's ownership period of one vehicle. Co-owners have overlapping bindings."""

    __tablename__ = "vehicle_bindings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    vin: Mapped[str] = mapped_column(String(17), index=True)
    owner_id: Mapped[str] = mapped_column(String(255), index=True)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    """End of ownership (exclusive); ``None`` while the owner still owns the vehicle."""


class Record(Base):
    """Index of one stored object: the bucket key and what it is."""

    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    vin: Mapped[str] = mapped_column(String(17))
    data_class: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    form: Mapped[str] = mapped_column(String(16))
    object_key: Mapped[str] = mapped_column(String(1024))
    content_type: Mapped[str] = mapped_column(String(128))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_records_query", "vin", "data_class", "recorded_at", "id"),)


class AccessLogEntry(Base):
    """One access to one owner's data (append-only)."""

    __tablename__ = "access_log"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    request_id: Mapped[str] = mapped_column(String(128), index=True)
    actor_id: Mapped[str] = mapped_column(String(255))
    """Who accessed (the token's subject)."""
    subject_id: Mapped[str] = mapped_column(String(255), index=True)
    """Whose data it was (the actor, or a co-owner of the same period)."""
    action: Mapped[str] = mapped_column(String(64))
    vin: Mapped[str | None] = mapped_column(String(17), nullable=True)
    data_class: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(32))


class ConsentEntry(Base):
    """One consent decision (append-only; the latest entry per category is the current state)."""

    __tablename__ = "consent_ledger"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    owner_id: Mapped[str] = mapped_column(String(255), index=True)
    category: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    request_id: Mapped[str] = mapped_column(String(128))
    notice_version: Mapped[str] = mapped_column(String(64))


class ExportJob(Base):
    """A request for a complete copy of one owner's data."""

    __tablename__ = "export_jobs"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(255), index=True)
    format: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    request_id: Mapped[str] = mapped_column(String(128))
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    content_type: Mapped[str | None] = mapped_column(String(128), nullable=True)
    failure: Mapped[str | None] = mapped_column(String(255), nullable=True)


APPEND_ONLY_TABLES = ("access_log", "consent_ledger")
"""Tables whose rows the database itself refuses to change or delete (triggers made by the migrations)."""


def create_schema(engine: Engine) -> None:
    """Bring the database to the newest schema revision (Alembic, under a PostgreSQL advisory lock).

    Every start of the service calls this; instances starting together are safe (``portal/migrate.py``).
    """
    from portal.migrate import upgrade  # portal.migrate imports this module

    done = upgrade(engine)
    if done.applied or done.adopted:
        log.info("portal database schema: %s", done.describe())


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the settings each dialect needs under a threaded ASGI server."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        memory = parsed.database in (None, "", ":memory:")
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False},
            # One shared connection for an in-memory database, else every connection sees an empty one.
            **({"poolclass": StaticPool} if memory else {}),
            **kwargs,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the access-log writer
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, **kwargs)


def make_sessionmaker(engine: Engine) -> sessionmaker[Any]:
    return sessionmaker(engine, expire_on_commit=False)
