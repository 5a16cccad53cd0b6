"""Alembic migrations of the owner data service's database (see ``portal.migrate``)."""
