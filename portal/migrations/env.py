"""Alembic environment of the owner data service (run by ``portal.migrate``, never by ``alembic`` alone).

``portal.migrate`` hands in the connection it opened (and locked) through ``config.attributes``, as
the Alembic docs recommend for programmatic use ("Sharing a Connection across one or more
programmatic migration commands", https://alembic.sqlalchemy.org/en/latest/cookbook.html#connection-sharing):
the upgrade then runs inside that connection's transaction, so on PostgreSQL (transactional DDL) a
failed migration leaves nothing half done and the advisory lock is held to the end.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from portal.db import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("portal migrations run through `python -m portal.migrate`, which passes the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead (Alembic "batch migrations").
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
