"""Fixtures for the owner data service: a seeded app per database backend, dev tokens, a JWKS file.

Tokens are verified through the real path (Settings -> TokenVerifier -> JwksCache -> file:// JWKS),
exactly as ``make portal`` runs it. The ``backend`` parameter runs the HTTP suite on SQLite and, when
``PORTAL_TEST_DATABASE_URL`` names a PostgreSQL server (``.ci/run`` sets one up), on PostgreSQL too.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from portal.api import create_app
from portal.db import Base, make_engine
from portal.dev import SAMPLE_OWNERS, DevKey, SampleData, dev_settings_env, seed
from portal.settings import Settings
from portal.storage import LocalFolderStore

PG_ENV = "PORTAL_TEST_DATABASE_URL"


@dataclass
class PortalEnv:
    client: TestClient
    key: DevKey
    sample: SampleData
    engine: Engine
    settings: Settings
    tokens: dict[str, str]
    root: Path

    def auth(self, owner: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[owner]}"}


def database_url(backend: str, directory: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{directory / 'portal.db'}"
    url = os.environ.get(PG_ENV, "")
    if not url:
        pytest.skip(
            f"PostgreSQL suite skipped: {PG_ENV} is not set. .ci/run installs and starts PostgreSQL and sets it; "
            f"locally: export {PG_ENV}=postgresql://user:pass@127.0.0.1/portal_test"
        )
    database = Settings.from_env(
        {
            "PORTAL_OIDC_ISSUER": "https://idp.example.cn",
            "PORTAL_OIDC_AUDIENCE": "a",
            "PORTAL_OIDC_JWKS_URL": "https://idp.example.cn/jwks",
            "PORTAL_DATABASE_URL": url,
        }
    ).database_url
    return _worker_schema(database)


@functools.cache  # one CREATE SCHEMA per worker process, not one per database the tests build
def _worker_schema(url: str) -> str:
    """``url`` confined to a schema of its own per pytest-xdist worker (``make test`` runs on every
    core): the tests empty and migrate the database, so two workers must never share its tables."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    schema = f"test_{worker}"
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        engine.dispose()
    # libpq's options parameter sets the session's search_path: tables, triggers and Alembic's version
    # table all land in the worker's schema.
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def wipe(engine: Engine) -> None:
    """Drop the service's tables and Alembic's version table (the next start migrates from scratch)."""
    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def build_env(backend: str, directory: Path) -> PortalEnv:
    directory.mkdir(parents=True, exist_ok=True)
    env = dev_settings_env(directory)
    env["PORTAL_DATABASE_URL"] = database_url(backend, directory)
    key = DevKey.generate()
    (directory / "jwks.json").write_text(json.dumps(key.jwks()))
    settings = Settings.from_env(env)
    engine = make_engine(settings.database_url)
    wipe(engine)  # a PostgreSQL database is reused between runs
    store = LocalFolderStore(settings.storage_root)
    sample = seed(engine, store, days=4, per_day=3)
    app = create_app(settings, engine=engine)
    client = TestClient(app, raise_server_exceptions=False)
    return PortalEnv(client, key, sample, engine, settings, {o: key.token(o) for o in SAMPLE_OWNERS}, directory)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of each backend (PostgreSQL: PORTAL_TEST_DATABASE_URL, else skipped with the reason)."""
    engine = make_engine(database_url(request.param, tmp_path))
    wipe(engine)
    yield engine
    wipe(engine)
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def portal_env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalEnv]:
    env = build_env(request.param, tmp_path_factory.mktemp(f"portal-{request.param}"))
    with env.client:
        yield env
    env.engine.dispose()


@pytest.fixture
def sqlite_env(tmp_path: Path) -> Iterator[PortalEnv]:
    """A private SQLite-backed app, for tests that break things on purpose."""
    env = build_env("sqlite", tmp_path)
    with env.client:
        yield env
    env.engine.dispose()


@pytest.fixture(scope="module")
def fuzz_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalEnv]:
    """A SQLite-backed app for the OpenAPI fuzz run."""
    env = build_env("sqlite", tmp_path_factory.mktemp("portal-fuzz"))
    yield env
    env.engine.dispose()
