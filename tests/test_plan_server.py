"""The warm plan server (``make plan`` outside CI): same report, exit code and files as a plan in a
fresh interpreter; it never serves code that changed under it; it falls back, never fails, when it
cannot run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.plan import server

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the warm plan server needs fork (not on Windows)")


def _run(module: str, env: dict[str, str], *argv: str, cwd: Path, umask: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *argv],
        cwd=cwd,
        env=env,
        umask=umask,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _plan(env: dict[str, str], *argv: str, cwd: Path = ROOT, umask: int = -1) -> subprocess.CompletedProcess[str]:
    return _run("components.plan", env, *argv, cwd=cwd, umask=umask)


def _server(env: dict[str, str], command: str) -> subprocess.CompletedProcess[str]:
    return _run("components.plan.server", env, command, cwd=ROOT, umask=-1)


# What the tests of the server's mechanics plan (fallbacks, staleness): a project whose one stack's
# program only calls enforce(), about 0.8 s against 3 s for a shipped stack on the 2-core machine. The
# shipped stacks are what the byte-for-byte test plans.
TINY_PROGRAM = """
import pulumi

from components.residency import enforce

enforce(pulumi.Config("sovereign-dc").require("jurisdiction"))
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder with the real Pulumi.yaml, :data:`TINY_PROGRAM` and one stack, ``tiny`` (CN)."""
    project = tmp_path_factory.mktemp("tiny-project")
    (project / "Pulumi.yaml").write_bytes((ROOT / "Pulumi.yaml").read_bytes())
    (project / "__main__.py").write_text(TINY_PROGRAM, encoding="utf-8")
    (project / "stacks").mkdir()
    (project / "stacks" / "Pulumi.tiny.yaml").write_text("config:\n  sovereign-dc:jurisdiction: CN\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan-server") / "run"
    path.mkdir(mode=0o700)
    return path


@pytest.fixture(scope="module")
def env_on(folder: Path) -> Iterator[dict[str, str]]:
    """The caller's environment with the server on, in a private folder of this test module; the
    server is stopped (and must stop) at the end."""
    env = {**os.environ, server.ENV: "on", "SOVEREIGN_PLAN_SERVER_DIR": str(folder)}
    yield env
    stopped = _server(env, "stop")
    assert stopped.returncode == 0, stopped.stderr
    assert not list(folder.glob("*.sock")), "the server left its socket behind"


@pytest.fixture(scope="module")
def env_off() -> dict[str, str]:
    return {**os.environ, server.ENV: "off"}


def _pid(env: dict[str, str]) -> str:
    status = _server(env, "status")
    assert status.returncode == 0, status.stdout + status.stderr
    return status.stdout.split()[4]


def _ended(pid: int, timeout: float = 10.0) -> bool:
    """Whether ``pid`` exits within ``timeout`` (a zombie not yet reaped by its new parent counts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def _served(folder: Path) -> list[str]:
    """How the server handed each request so far: its log's template lines, in order."""
    (log,) = folder.glob("*.log")
    lines = log.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.startswith(("served by the template", "template discarded"))]


def test_a_warm_plan_is_the_fresh_plan_byte_for_byte(
    env_on: dict[str, str], env_off: dict[str, str], folder: Path
) -> None:
    argv = ("--stack", "de", "--stack", "jp", "--format", "json")
    fresh = _plan(env_off, *argv)
    cold = _plan(env_on, *argv)  # starts the server
    pid = _pid(env_on)
    warm = _plan(env_on, *argv)
    assert fresh.returncode == cold.returncode == warm.returncode == 0, warm.stderr
    assert cold.stdout == fresh.stdout
    assert warm.stdout == fresh.stdout
    assert json.loads(warm.stdout)["stacks"], "an empty plan proves nothing"
    assert "planning in this process" not in cold.stderr + warm.stderr
    assert "[2/2] planning jp ..." in warm.stderr  # the fork writes to the caller's own stderr
    assert _pid(env_on) == pid, "the second run must reuse the warm server"
    # Both ran in workers of the template (the plan code imported once, stop 43).
    assert _served(folder)[:2] == ["served by the template"] * 2


def test_a_plan_in_another_environment_is_the_fresh_plan_and_the_template_follows(
    env_on: dict[str, str], env_off: dict[str, str], folder: Path
) -> None:
    """A caller whose environment differs from the template's is served by a fork of the server (the
    import from disk), byte for byte as a fresh interpreter; the next such call finds a template made
    in its environment."""
    argv = ("--stack", "de", "--format", "json")
    other_on = {**env_on, "WARMPLAN43_OTHER": "1"}
    fresh = _plan({**env_off, "WARMPLAN43_OTHER": "1"}, *argv)
    _plan(env_on, *argv)  # the server exists and its template is in env_on's environment
    before = len(_served(folder))
    fallback = _plan(other_on, *argv)
    templated = _plan(other_on, *argv)
    assert fresh.returncode == fallback.returncode == templated.returncode == 0, templated.stderr
    assert fallback.stdout == templated.stdout == fresh.stdout
    assert _served(folder)[before:] == [
        "template discarded: the caller's environment, folder or umask differs from the template's",
        "served by the template",
    ]


# The copy of the project that test_the_template_is_discarded_when_what_it_imported_changes edits: its
# text renderer reads an environment variable at import and ends the report with it.
_MARKED = """

import os as _os

_MARK = _os.environ.get("WARMPLAN43_MARK", "{mark}")
_render_text = render_text


def render_text(*args, **kwargs):  # type: ignore[no-redef]
    return _render_text(*args, **kwargs) + f"mark {{_MARK}}\\n"
"""


@pytest.mark.early
def test_the_template_is_discarded_when_what_it_imported_changes(tmp_path: Path, tiny: Path) -> None:
    """End to end, in a copy of the project: an edited module, a new file that shadows a module and a
    changed environment variable each reach the next plan, byte for byte as in a fresh interpreter; the
    server's log says the template was discarded for each, and that the next plan used a new one."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "components", project / "components")
    for name in ("Pulumi.yaml", "__main__.py", "stacks"):
        source = tiny / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    renderer = project / "components" / "plan" / "render_text.py"
    original = renderer.read_text(encoding="utf-8")

    def mark(target: Path, text: str, stamp: int) -> None:
        target.write_text(original + _MARKED.format(mark=text), encoding="utf-8")
        os.utime(target, ns=(stamp, stamp))  # a distinct mtime even where the clock is coarse

    mark(renderer, "v1", 1_000_000_000_000_000_000)
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    env_on = {**os.environ, server.ENV: "on", "SOVEREIGN_PLAN_SERVER_DIR": str(run)}
    env_off = {**os.environ, server.ENV: "off"}

    def both(expected: str, extra: dict[str, str] | None = None) -> None:
        warm = _plan({**env_on, **(extra or {})}, "--stack", "tiny", cwd=project)
        fresh = _plan({**env_off, **(extra or {})}, "--stack", "tiny", cwd=project)
        assert warm.returncode == fresh.returncode == 0, warm.stderr + fresh.stderr
        assert "planning in this process" not in warm.stderr
        assert warm.stdout == fresh.stdout
        assert warm.stdout.endswith(f"mark {expected}\n")

    try:
        both("v1")
        both("v1")
        mark(renderer, "v2", 1_100_000_000_000_000_000)  # an edited module
        both("v2")
        both("v2")
        package = renderer.with_suffix("")  # components/plan/render_text/: a package shadows the module
        package.mkdir()
        mark(package / "__init__.py", "v3", 1_200_000_000_000_000_000)
        both("v3")
        both("v3")
        both("v4", {"WARMPLAN43_MARK": "v4"})  # a variable read at import
        assert _served(run) == [
            "served by the template",
            "served by the template",
            f"template discarded: {renderer} changed",
            "served by the template",
            f"template discarded: {renderer.parent} changed",
            "served by the template",
            "template discarded: the caller's environment, folder or umask differs from the template's",
        ]
    finally:
        _run("components.plan.server", env_on, "stop", cwd=project, umask=-1)


def test_a_changed_file_or_a_new_file_in_a_watched_folder_is_a_change(tmp_path: Path) -> None:
    module = tmp_path / "mod.py"
    module.write_text("A = 1\n", encoding="utf-8")
    os.utime(tmp_path, ns=(1_000_000_000, 1_000_000_000))
    watched = {str(path): server._fingerprint(str(path)) for path in (module, tmp_path, tmp_path / "gone.py")}
    assert server._changed(watched) is None
    (tmp_path / "new.py").write_text("", encoding="utf-8")
    assert server._changed(watched) == f"{tmp_path} changed"
    os.utime(tmp_path, ns=(1_000_000_000, 1_000_000_000))
    watched[str(tmp_path)] = server._fingerprint(str(tmp_path))
    assert server._changed(watched) is None
    module.write_text("A = 22\n", encoding="utf-8")
    assert server._changed(watched) == f"{module} changed"


def test_a_template_is_used_only_by_a_caller_in_its_own_state() -> None:
    request = {**server._own_basis(), "argv": ["--stack", "de"], "encoding": {}}
    assert server._basis(request) == server._own_basis()
    for key, value in (("env", {}), ("cwd", "/"), ("path0", "/elsewhere"), ("umask", 0o777)):
        assert server._basis({**request, key: value}) != server._own_basis()


# Runs _template_import in a fresh interpreter (it imports the plan code, redirects descriptors and freezes the heap)
# with sys.addaudithook spied on: a hook the recording child adds is appended in the child's memory only.
_TEMPLATE_IMPORT = """
import json, os, sys
from components.plan import server
added = []
real = sys.addaudithook
def spy(hook):
    added.append(os.getpid())
    real(hook)
sys.addaudithook = spy
problem, watched = server._template_import(server._own_basis())
print(json.dumps({"problem": problem, "added": added, "watched": sorted(watched)}))
"""


def test_the_template_records_its_import_without_an_audit_hook_of_its_own() -> None:
    """perf43: the audit hook that records what the import reads is added in a child that does the import once and
    exits, never in the template (a hook cannot be removed; in the template it costs every worker one Python call
    per audited event). What is watched still comes from the hook: the data files the import opens (pydantic reads
    every installed distribution's ``entry_points.txt``), as well as the module files and folders."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", _TEMPLATE_IMPORT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["problem"] is None
    assert result["added"] == []
    watched = set(result["watched"])
    assert str(ROOT / "components" / "plan" / "cli.py") in watched
    assert str(ROOT / "components" / "plan") in watched
    assert str(ROOT / "components" / "datacenter.py") in watched  # the components a stack imports (plancost50)
    assert any(path.endswith("entry_points.txt") for path in watched)


# A template made by _template_import, then a worker forked from it that plans two stacks one after the other (the
# path a warm plan takes when the other core is busy) with an audit hook counting every module of this checkout it
# executes (a module's code is run through ``exec``, an audited event).
_WORKER_IMPORTS = """
import collections, json, os, sys
from components.plan import server
output = sys.argv[1]  # the template's import empties sys.argv, as a fresh interpreter's would be at import
problem, _ = server._template_import(server._own_basis())
root = os.getcwd() + os.sep
executed = collections.Counter()
def count(event, args):
    if event == "exec" and args and getattr(args[0], "co_name", "") == "<module>":
        name = args[0].co_filename
        if name.startswith(root) and os.sep + ".venv" + os.sep not in name:
            executed[name[len(root):]] += 1
reader, writer = os.pipe()
if os.fork() == 0:
    sys.addaudithook(count)
    from components.plan.cli import main
    code = main(["--stack", "de", "--stack", "us", "--jobs", "1", "--format", "json", "--output", output])
    os.write(writer, json.dumps({"code": code, "executed": executed}).encode())
    os._exit(0)
os.close(writer)
with os.fdopen(reader) as answer:
    print(json.dumps({"problem": problem, **json.loads(answer.read())}))
"""


def test_a_worker_of_the_template_executes_no_module_of_the_project_but_the_program(tmp_path: Path) -> None:
    """plancost50: the template imports the components the stacks' program imports (precompile.GROUPS) as well as the
    plan code, so a warm plan's worker executes only the program itself, once per stack. Before, it executed 38
    modules of this checkout again for every stack it planned one after the other (the runner forgets what a program
    imported from beside itself after each stack) and 34 before forking its plan processes."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_IMPORTS, str(tmp_path / "plan.json")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["problem"] is None
    assert result["code"] == 0
    assert result["executed"] == {"__main__.py": 2}


def test_errors_and_exit_codes_pass_through(env_on: dict[str, str], env_off: dict[str, str]) -> None:
    fresh = _plan(env_off, "--stack", "atlantis")
    warm = _plan(env_on, "--stack", "atlantis")
    assert fresh.returncode == warm.returncode == 2
    assert warm.stderr == fresh.stderr
    assert "atlantis" in warm.stderr and "Fix:" in warm.stderr


def test_relative_paths_are_the_callers(env_on: dict[str, str], env_off: dict[str, str], tmp_path: Path) -> None:
    """The fork works in the caller's folder (the default stacks/ and --output resolve there) and
    writes with the caller's umask, not the server's."""
    (tmp_path / "stacks").mkdir()
    (tmp_path / "stacks" / "Pulumi.de.yaml").write_bytes((ROOT / "stacks" / "Pulumi.de.yaml").read_bytes())
    (tmp_path / "Pulumi.yaml").write_bytes((ROOT / "Pulumi.yaml").read_bytes())
    (tmp_path / "__main__.py").write_bytes((ROOT / "__main__.py").read_bytes())
    warm = _plan(env_on, "--format", "json", "--output", "plan.json", cwd=tmp_path, umask=0o077)
    assert warm.returncode == 0, warm.stderr
    assert "wrote json plan to plan.json" in warm.stderr
    assert "planning in this process" not in warm.stderr
    assert (tmp_path / "plan.json").stat().st_mode & 0o777 == 0o600
    fresh = _plan(env_off, "--format", "json", cwd=tmp_path)
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == fresh.stdout


def test_a_folder_others_can_enter_is_refused_and_the_plan_runs_here(tmp_path: Path, tiny: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    env = {**os.environ, server.ENV: "on", "SOVEREIGN_PLAN_SERVER_DIR": str(shared)}
    result = _plan(env, "--stack", "tiny", cwd=tiny)
    assert result.returncode == 0, result.stderr
    assert "Stack tiny · CN" in result.stdout
    assert "note: planning in this process:" in result.stderr
    assert "is not a private folder of this user" in result.stderr
    assert not list(shared.iterdir()), "nothing may be written to a folder that is not private"


def test_a_bad_switch_names_the_variable_and_the_fix() -> None:
    result = _plan({**os.environ, server.ENV: "sometimes"}, "--stack", "de")
    assert result.returncode == 2
    assert result.stderr.startswith("error: environment variable SOVEREIGN_PLAN_SERVER='sometimes'")
    assert "Fix: set SOVEREIGN_PLAN_SERVER=on" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [("on", True), ("ON", True), ("1", True), ("off", False), ("0", False), ("", False), (None, False)],
)
def test_the_switch(value: str | None, expected: bool) -> None:
    assert server.wanted({} if value is None else {server.ENV: value}) is expected


def test_the_switch_refuses_anything_else() -> None:
    with pytest.raises(ValueError, match=r"SOVEREIGN_PLAN_SERVER='maybe' is neither 'on' nor 'off'\. Fix:"):
        server.wanted({server.ENV: "maybe"})


def test_a_changed_or_missing_module_file_makes_the_server_stale(tmp_path: Path) -> None:
    module = tmp_path / "mod.py"
    module.write_text("A = 1\n", encoding="utf-8")
    info = module.stat()
    snapshot = {str(module): (info.st_mtime_ns, info.st_size)}
    identity = server._identity()
    assert server._stale(snapshot, identity) is None
    module.write_text("A = 22\n", encoding="utf-8")
    assert server._stale(snapshot, identity) == f"{module} changed"
    module.unlink()
    assert server._stale(snapshot, identity) == f"{module} is gone"


def test_another_interpreter_or_import_path_is_stale() -> None:
    identity = server._identity()
    assert server._stale({}, {**identity, "path": [*identity["path"], "/elsewhere"]}) is not None
    assert server._stale({}, {**identity, "executable": "/usr/bin/python0"}) is not None


def test_the_server_process_holds_no_engine_code() -> None:
    """What the server may hold: the lazy package, this module and the module list. A server that
    had imported the engine, the catalogue or a component would serve a stale copy after an edit."""
    code = (
        "import sys; from components.plan import server; server._preload(); "
        "print(server._project_modules()); print(sorted(m for m in sys.modules if m.startswith('components')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    leaked, loaded = result.stdout.splitlines()
    assert leaked == "[]"
    assert "components.residency" not in loaded and "components.plan.cli" not in loaded
    assert "pulumi_aws" not in loaded  # sanity: the list is of project modules only


@pytest.mark.parametrize(("value", "seconds"), [(None, 900.0), ("", 900.0), ("60", 60.0), (" 0.5 ", 0.5)])
def test_the_idle_time(value: str | None, seconds: float) -> None:
    environ = {} if value is None else {"SOVEREIGN_PLAN_SERVER_IDLE": value}
    assert server.idle_seconds(environ) == seconds


@pytest.mark.parametrize("value", ["soon", "0", "-5", "inf", "nan"])
def test_the_idle_time_refuses_anything_but_positive_seconds(value: str) -> None:
    with pytest.raises(ValueError, match=r"SOVEREIGN_PLAN_SERVER_IDLE=.* is not a positive number of seconds\. Fix:"):
        server.idle_seconds({"SOVEREIGN_PLAN_SERVER_IDLE": value})


def test_a_bad_idle_time_is_the_callers_error_not_a_server_that_fails(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    env = {
        **os.environ,
        server.ENV: "on",
        "SOVEREIGN_PLAN_SERVER_DIR": str(folder),
        "SOVEREIGN_PLAN_SERVER_IDLE": "soon",
    }
    result = _plan(env, "--stack", "de")
    assert result.returncode == 2
    assert result.stderr.startswith("error: environment variable SOVEREIGN_PLAN_SERVER_IDLE='soon'")
    assert "Traceback" not in result.stderr
    assert not list(folder.iterdir()), "no server may have been started"


def test_a_folder_that_cannot_be_made_falls_back_with_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SOVEREIGN_PLAN_SERVER_DIR", str(blocker / "run"))
    with pytest.raises(server.ServerUnavailable, match=r"cannot use .*a-file/run for the server's socket .*Fix: set"):
        server.address()


@pytest.mark.early
def test_a_server_whose_files_changed_exits_and_the_next_one_answers(tmp_path: Path, tiny: Path) -> None:
    """End to end: the server watches every file it loaded a module from (here a sitecustomize.py on
    PYTHONPATH, which every interpreter of this environment imports at start-up); after an edit to it
    the next request finds the server stale, the server exits and the caller starts a new one."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    watched = tmp_path / "site"
    watched.mkdir()
    (watched / "sitecustomize.py").write_text("# version 1\n", encoding="utf-8")
    env = {
        **os.environ,
        server.ENV: "on",
        "SOVEREIGN_PLAN_SERVER_DIR": str(folder),
        "PYTHONPATH": str(watched),
    }
    try:
        first = _plan(env, "--stack", "tiny", "--format", "json", cwd=tiny)
        assert first.returncode == 0, first.stderr
        assert "planning in this process" not in first.stderr
        before = _pid(env)
        (watched / "sitecustomize.py").write_text("# version 2, longer\n", encoding="utf-8")
        second = _plan(env, "--stack", "tiny", "--format", "json", cwd=tiny)
        assert second.returncode == 0, second.stderr
        assert "planning in this process" not in second.stderr
        assert second.stdout == first.stdout
        after = _pid(env)
        assert after != before, "a server that loaded a changed file must not serve again"
        assert _ended(int(before)), "the stale server must exit"
    finally:
        _server(env, "stop")
    assert _ended(int(after)), "stop must end the server"
    assert not list(folder.glob("*.sock"))


def test_a_closed_standard_stream_plans_in_this_process(tmp_path: Path, tiny: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    env = {**os.environ, server.ENV: "on", "SOVEREIGN_PLAN_SERVER_DIR": str(folder)}
    result = subprocess.run(
        ["/bin/sh", "-c", f"exec 0<&- {sys.executable} -m components.plan --stack tiny"],
        cwd=tiny,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "note: planning in this process: a standard stream of this process is closed" in result.stderr
    assert "Traceback" not in result.stderr
