"""Schema migrations (portal/migrate.py, portal/migrations): head equals the models, on SQLite and PostgreSQL.

The comparison is Alembic's own autogenerate (``compare_metadata``): the diff it would write into a new
revision. It is empty only while portal/db.py and the head revision describe the same schema, so a
model change without a revision fails ``test_head_is_exactly_the_models_schema`` (and
``test_a_model_change_without_a_revision_is_found`` shows the comparison sees such a change).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Engine, MetaData, String, inspect, text
from sqlalchemy.exc import DBAPIError

from portal import migrate
from portal.db import AccessLogEntry, Base, ConsentEntry, VehicleBinding, make_engine, make_sessionmaker
from portal.migrate import INITIAL_REVISION, MigrationError, downgrade, head_revision, main, upgrade

ROOT = Path(__file__).resolve().parents[2]
TABLES = {"access_log", "consent_ledger", "export_jobs", "records", "vehicle_bindings"}


@pytest.fixture
def engine(empty_database: Engine) -> Engine:
    """An empty SQLite database, and an empty PostgreSQL one when PORTAL_TEST_DATABASE_URL names a server."""
    return empty_database


def schema_diff(engine: Engine, metadata: MetaData = Base.metadata) -> list[Any]:
    """What ``alembic revision --autogenerate`` would put into a new revision (types compared too)."""
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata))


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_history_is_one_line_ending_at_the_head() -> None:
    scripts = ScriptDirectory(str(migrate.MIGRATIONS))
    assert scripts.get_heads() == [head_revision()], "two heads: merge them (alembic merge) before shipping"
    assert [s.revision for s in scripts.walk_revisions()][-1] == INITIAL_REVISION


def test_head_is_exactly_the_models_schema(engine: Engine) -> None:
    done = upgrade(engine)
    assert (done.before, done.after, done.adopted) == (None, head_revision(), False)
    assert done.applied[0].startswith(f"{INITIAL_REVISION} ")
    assert schema_diff(engine) == [], (
        "portal/db.py and the head revision differ: add a revision "
        '(python -m portal.migrate revision -m "...") and review it'
    )
    assert tables(engine) == TABLES | {"alembic_version"}


def test_upgrade_at_head_does_nothing(engine: Engine) -> None:
    upgrade(engine)
    again = upgrade(engine)
    assert (again.before, again.after, again.applied, again.adopted) == (head_revision(), head_revision(), (), False)
    assert again.describe() == f"at head {head_revision()}, nothing to apply"


def test_the_ledgers_are_append_only_after_migrating(engine: Engine) -> None:
    upgrade(engine)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with make_sessionmaker(engine)() as session:
        session.add(
            AccessLogEntry(at=now, request_id="r", actor_id="a", subject_id="a", action="list", detail="", outcome="ok")
        )
        session.add(
            ConsentEntry(
                owner_id="a", category="usage_analytics", decision="granted", at=now, request_id="r", notice_version="1"
            )
        )
        session.commit()  # SQLite's row triggers fire only for rows that exist
    for statement in (
        "UPDATE access_log SET outcome = 'x'",
        "DELETE FROM access_log",
        "UPDATE consent_ledger SET decision = 'x'",
        "DELETE FROM consent_ledger",
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))


def test_downgrade_to_base_removes_the_schema_and_upgrade_restores_it(engine: Engine) -> None:
    upgrade(engine)
    assert downgrade(engine, "base") is None
    assert tables(engine) == {"alembic_version"}
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            # In this session's schema (make test gives each pytest-xdist worker its own).
            functions = text(
                "SELECT count(*) FROM pg_proc WHERE proname = 'portal_append_only'"
                " AND pronamespace = current_schema()::regnamespace"
            )
            assert conn.execute(functions).scalar() == 0
    assert upgrade(engine).applied
    assert schema_diff(engine) == []


def test_a_model_change_without_a_revision_is_found(engine: Engine) -> None:
    upgrade(engine)
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["vehicle_bindings"].append_column(Column("colour", String(32), nullable=True))
    diff = schema_diff(engine, changed)
    assert [(op[0], op[2], op[3].name) for op in diff] == [("add_column", "vehicle_bindings", "colour")]


def test_a_database_made_before_migrations_is_adopted_not_recreated(engine: Engine) -> None:
    Base.metadata.create_all(engine)  # what start-up did before migrations existed
    with make_sessionmaker(engine)() as session:
        session.add(VehicleBinding(vin="LSVAU2180N2183294", owner_id="owner-alice", valid_from=datetime.now(UTC)))
        session.commit()
    done = upgrade(engine)
    assert done.adopted and done.before == INITIAL_REVISION and done.after == head_revision()
    assert "adopted a database created before migrations" in done.describe()
    with make_sessionmaker(engine)() as session:
        assert [b.owner_id for b in session.query(VehicleBinding)] == ["owner-alice"]
    assert schema_diff(engine) == []


def test_a_partial_schema_without_a_version_is_refused(engine: Engine) -> None:
    Base.metadata.tables["records"].create(engine)
    with pytest.raises(MigrationError, match=r"some of the service's tables \(records\) but not all.*Fix: restore"):
        upgrade(engine)


def test_instances_starting_together_migrate_once(engine: Engine) -> None:
    """The advisory lock on PostgreSQL; SQLite's file lock serialises the writers (one process here)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("concurrent cold starts matter for the deployed (PostgreSQL) database only")
    engines = [make_engine(engine.url.render_as_string(hide_password=False)) for _ in range(4)]
    results: list[migrate.Upgrade] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(engines))

    def cold_start(e: Engine) -> None:
        start.wait()
        try:
            results.append(upgrade(e))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=cold_start, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for e in engines:
        e.dispose()
    assert errors == []
    assert sorted(bool(r.applied) for r in results) == [False, False, False, True]
    assert schema_diff(engine) == []


# -- python -m portal.migrate -----------------------------------------------------------------------


def test_cli_upgrades_and_says_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    assert main(["--database-url", url]) == 0
    assert capsys.readouterr().out == (
        f"portal.migrate: {url}: upgraded empty database -> {head_revision()}: applied "
        f"{INITIAL_REVISION} Initial schema and the append-only triggers (what `create_all` made before migrations "
        "existed).\n"
    )
    assert main(["--database-url", url]) == 0
    assert capsys.readouterr().out == f"portal.migrate: {url}: at head {head_revision()}, nothing to apply\n"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://portal:s3cret@127.0.0.1:1/portal", r"cannot connect to postgresql\+psycopg://portal:\*\*\*@127"),
        ("sqlite:////nonexistent-dir/x/portal.db", r"cannot connect to sqlite:////nonexistent-dir/.*unable to open"),
        ("mysql://a@b/c", r"--database-url has the unsupported scheme 'mysql'"),
        ("nonsense", r"unsupported scheme 'nonsense'"),
    ],
)
def test_cli_bad_or_unreachable_database_is_a_clear_error(
    url: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", url]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Fix:" in err and "s3cret" not in err
    assert re.search(message, err), err


def test_cli_reads_the_service_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORTAL_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert main([]) == 0
    assert "env.db: upgraded empty database" in capsys.readouterr().out
    monkeypatch.delenv("PORTAL_DATABASE_URL")
    monkeypatch.setenv("PORTAL_DATABASE_HOST", "db.internal")
    monkeypatch.setenv("PORTAL_DATABASE_SECRET_ARN", "not-an-arn")
    assert main([]) == 2
    assert "PORTAL_DATABASE_SECRET_ARN='not-an-arn' is not a Secrets Manager secret ARN" in capsys.readouterr().err


@pytest.mark.early
def test_module_entry_point_runs_without_a_traceback(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "portal.migrate", "--database-url", "postgresql://u:p@127.0.0.1:1/db"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr and "Fix:" in run.stderr, run.stderr


def test_revision_command_writes_the_next_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", copy)
    migrate._scripts.cache_clear()
    try:
        assert main(["revision", "-m", "nothing changed"]) == 0
    finally:
        migrate._scripts.cache_clear()
    written = [p for p in (copy / "versions").glob("*.py") if p.name not in {"__init__.py", "r0001_initial_schema.py"}]
    assert len(written) == 1 and "review it" in capsys.readouterr().out
    source = written[0].read_text()
    assert f"down_revision: str | None = {INITIAL_REVISION!r}" in source and '"""nothing changed' in source
