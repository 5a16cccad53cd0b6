"""Schema migrations of the owner data service (Alembic): ``python -m portal.migrate`` upgrades to head.

The revisions live in ``portal/migrations/versions``; the models (``portal/db.py``) must equal the
head revision (``tests/portal/test_portal_migrations.py`` fails otherwise: add a revision with
``python -m portal.migrate revision -m "what changed"`` and review it).

How the deployed service runs them: every start of the service (``create_app``, i.e. each Lambda or
Function Compute cold start, ``make portal``, ``python -m portal``) calls :func:`upgrade`, which on
PostgreSQL first takes a transaction-scoped advisory lock (``pg_advisory_xact_lock``) and then runs
``upgrade head`` on the same connection and transaction, as the Alembic docs recommend for
programmatic use (https://alembic.sqlalchemy.org/en/latest/api/commands.html, connection sharing:
https://alembic.sqlalchemy.org/en/latest/cookbook.html#connection-sharing). Instances starting
together queue on the lock; the first applies the revisions, the others find the database at head
and go on. PostgreSQL's DDL is transactional, so a failed migration is rolled back whole and the lock
is released with it; the instance fails to start with the cause in its log. A database already at
head costs one lock and one ``SELECT`` of ``alembic_version``.

A database created before migrations existed (``create_all`` at start-up) holds exactly the initial
revision: :func:`upgrade` stamps it (Alembic cookbook, "Building an Up to Date Database from Scratch")
instead of creating its tables again.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from components.errors import SovereignError
from portal.db import make_engine

__all__ = [
    "INITIAL_REVISION",
    "MIGRATIONS",
    "SCHEMA_LOCK_KEY",
    "MigrationError",
    "Upgrade",
    "alembic_config",
    "current_revision",
    "downgrade",
    "head_revision",
    "main",
    "upgrade",
]

MIGRATIONS = Path(__file__).with_name("migrations")
"""Alembic's script directory (``env.py``, ``versions/``)."""
INITIAL_REVISION = "0001"
"""The schema ``create_all`` made before migrations existed."""
_INITIAL_TABLES = frozenset({"access_log", "consent_ledger", "export_jobs", "records", "vehicle_bindings"})
SCHEMA_LOCK_KEY = 0x736F7672
"""PostgreSQL advisory lock key every instance of the service takes before migrating (any constant they share)."""
_CONNECT_TIMEOUT_SECONDS = 10


class MigrationError(SovereignError):
    """The database cannot be brought to the service's schema; the message says why and the fix."""


@dataclass(frozen=True)
class Upgrade:
    """What :func:`upgrade` did."""

    before: str | None
    """Revision the database was at (None: empty database)."""
    after: str
    """Revision it is at now (the head)."""
    applied: tuple[str, ...]
    """Revisions applied, oldest first, each ``<id> <first line of its message>``."""
    adopted: bool
    """True when a database created before migrations was stamped at the initial revision."""

    def describe(self) -> str:
        if not self.applied:
            stamped = f"adopted a database created before migrations (stamped {self.after}); " if self.adopted else ""
            return f"{stamped}at head {self.after}, nothing to apply"
        start = "empty database" if self.before is None else self.before
        adopted = " (adopted a database created before migrations: stamped first)" if self.adopted else ""
        return f"upgraded {start} -> {self.after}{adopted}: applied " + "; ".join(self.applied)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configuration without an ini file; ``env.py`` runs on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision (the models' schema); a branched history is a bug the tests catch."""
    head = _scripts().get_current_head()
    if head is None:  # pragma: no cover - the package ships revisions
        raise MigrationError(f"no revisions in {MIGRATIONS / 'versions'}. Fix: reinstall the portal package.")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at (None when it has no ``alembic_version`` row)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> Upgrade:
    """Bring the database to ``target`` under the schema lock; safe when many instances start at once."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Held to the end of this transaction: cold starts running together apply each revision once.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        before = current_revision(conn)
        adopted = before is None and _adopt_pre_migration_schema(conn)
        if adopted:
            before = INITIAL_REVISION
        goal = head_revision() if target == "head" else target
        if before != goal:
            command.upgrade(alembic_config(conn), target)
        after = current_revision(conn)
    if after is None:  # pragma: no cover - upgrade always leaves a version row
        raise MigrationError("the upgrade left no alembic_version row. Fix: report this as a bug.")
    applied = [] if after == before else list(_scripts().iterate_revisions(after, before or "base"))
    return Upgrade(
        before=before,
        after=after,
        applied=tuple(
            f"{s.revision} {(s.doc or '').strip().splitlines()[0] if s.doc else ''}".strip() for s in reversed(applied)
        ),
        adopted=adopted,
    )


def downgrade(engine: Engine, target: str) -> str | None:
    """Take the database back to ``target`` (``base`` drops everything); returns the revision it is at."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        command.downgrade(alembic_config(conn), target)
        return current_revision(conn)


def _adopt_pre_migration_schema(conn: Connection) -> bool:
    """Stamp a database whose tables ``create_all`` made (before migrations); False for an empty one."""
    present = _INITIAL_TABLES & set(inspect(conn).get_table_names())
    if not present:
        return False
    if present != _INITIAL_TABLES:
        raise MigrationError(
            f"the database has some of the service's tables ({', '.join(sorted(present))}) but not all, and no "
            "alembic_version table, so its schema is unknown. Fix: restore it from a backup, or drop those tables "
            "if they hold nothing, then start the service again"
        )
    command.stamp(alembic_config(conn), INITIAL_REVISION)
    return True


# -- command line -------------------------------------------------------------------------------------


def _database_url(explicit: str | None) -> tuple[str | None, list[str]]:
    """The URL the service itself would use: --database-url, PORTAL_DATABASE_URL, the deployed secret, SQLite."""
    from portal.deployed import database_url_from_secret
    from portal.settings import _normalise_database_url

    problems: list[str] = []
    url = (
        (explicit or "").strip()
        or os.environ.get("PORTAL_DATABASE_URL", "").strip()
        or database_url_from_secret(os.environ, problems)
        or ("" if problems else "sqlite:///portal.db")
    )
    if problems:
        return None, problems
    url, problem = _normalise_database_url(url)
    if problem and explicit:
        problem = problem.replace("PORTAL_DATABASE_URL", "--database-url")
    return (None, [problem]) if problem else (url, [])


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def _reason(exc: BaseException) -> str:
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__


def _revision(message: str) -> int:
    """``revision -m``: autogenerate a revision against a scratch SQLite database at head."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="portal-revision-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'head.db'}")
        try:
            upgrade(engine)
            with engine.begin() as conn:
                script = command.revision(alembic_config(conn), message=message, autogenerate=True)
        finally:
            engine.dispose()
    paths = [s.path for s in (script if isinstance(script, list) else [script]) if s is not None]
    print(f"portal.migrate: wrote {', '.join(paths)}; review it (autogenerate misses triggers and renames)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m portal.migrate",
        description="Upgrade the owner data service's database to the newest schema revision (Alembic).",
    )
    parser.add_argument(
        "--database-url",
        help="postgresql://user:password@host/db or sqlite:///path.db (default: PORTAL_DATABASE_URL, else the "
        "deployed database named by PORTAL_DATABASE_HOST and its secret, else sqlite:///portal.db)",
    )
    sub = parser.add_subparsers(dest="command")
    revision = sub.add_parser("revision", help="developers: write a new revision for a change to portal/db.py")
    revision.add_argument("-m", "--message", required=True, help="what the revision changes")
    args = parser.parse_args(argv)
    if args.command == "revision":
        return _revision(args.message)

    url, problems = _database_url(args.database_url)
    if url is None:
        for problem in problems:
            print(f"portal.migrate: {problem}", file=sys.stderr)
        return 2
    shown = _shown(url)
    try:
        extra = {"connect_args": {"connect_timeout": _CONNECT_TIMEOUT_SECONDS}} if url.startswith("postgresql") else {}
        engine = make_engine(url, **extra)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        print(
            f"portal.migrate: {shown} is not a usable database URL ({exc}). "
            "Fix: use postgresql://user:password@host/db or sqlite:///path.db.",
            file=sys.stderr,
        )
        return 2
    try:
        try:
            with engine.connect():
                pass
        except SQLAlchemyError as exc:
            print(
                f"portal.migrate: cannot connect to {shown} ({_reason(exc)}). Fix: check the host, port, database "
                "name and credentials, and that this machine can reach the database (the deployed one accepts only "
                "the service's own network: run the migration from there, or let the service run it at start-up).",
                file=sys.stderr,
            )
            return 2
        done = upgrade(engine)
    except MigrationError as exc:
        print(f"portal.migrate: {shown}: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(
            f"portal.migrate: {shown}: the migration failed and was rolled back where the database allows "
            f"({_reason(exc)}). Fix: correct the revision or the data it trips on, then run it again.",
            file=sys.stderr,
        )
        return 1
    finally:
        engine.dispose()
    print(f"portal.migrate: {shown}: {done.describe()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
