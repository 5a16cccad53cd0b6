"""Speed never loosens a check (issue 13): every fast path gives the same plan, byte for byte.

The reference is the plain path: stacks planned one after another, the collector untouched, source
positions captured, as the bare SDK runs. The fast path is the default: stacks in forked workers,
collector paused, no source positions. No timing here: speed is measured in benchmarks/.
"""

from __future__ import annotations

import compileall
import gc
import importlib.util
import json
import os
import re
import subprocess
import sys
import sysconfig
import textwrap
import types
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

from components import precompile
from components.plan.parallel import default_jobs
from components.simulate import run_pulumi_program, tuning

if TYPE_CHECKING:  # tests/conftest.py, which pytest loads itself
    from conftest import OncePerRun

ROOT = Path(__file__).resolve().parents[1]

# Plans every shipped stack the plain way in a fresh interpreter, then lists the provider service
# modules the plan really executed (a lazily imported module that was never touched does not count).
PLAIN_PLAN = textwrap.dedent(
    """
    import json, sys, sysconfig, types
    from components.simulate import tuning
    tuning.TUNED = False
    from components.plan.cli import main
    code = main(["--jobs", "1", "--format", "json", "--output", sys.argv[1]])
    modules = sorted(sys.modules)
    loaded = sorted(
        name for name, module in sys.modules.items()
        if name.startswith(("pulumi_aws.", "pulumi_alicloud.")) and name.count(".") == 1
        and type(module) is types.ModuleType and hasattr(module, "__path__")
        and not name.split(".")[1].startswith("_")
    )
    # Every source file the plan executed outside Python's own library (a lazy module that was never
    # touched is of another type and was not executed).
    stdlib = sysconfig.get_paths()["stdlib"]  # (a venv's "platstdlib" is the venv itself)
    executed = sorted(
        module.__file__ for module in list(sys.modules.values())
        if type(module) is types.ModuleType and isinstance(getattr(module, "__file__", None), str)
        and module.__file__.endswith(".py") and not module.__file__.startswith(stdlib)
    )
    print(json.dumps({"code": code, "loaded": loaded, "executed": executed, "modules": modules}))
    """
)


class PlainPlan(NamedTuple):
    """The plain plan of every shipped stack, made in a fresh interpreter."""

    json: bytes
    loaded: list[str]
    """The provider service packages it executed."""
    executed: list[str]
    """Every source file it executed outside Python's own library."""
    modules: list[str]
    """Every module it loaded (``sys.modules`` after the plan)."""


def _plain_plan(folder: Path) -> PlainPlan:
    out = folder / "plan.json"
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_PLAN, str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    return PlainPlan(out.read_bytes(), report["loaded"], report["executed"], report["modules"])


@pytest.fixture(scope="module")
def plain_plan(once_per_run: OncePerRun[PlainPlan]) -> PlainPlan:
    # Made once per test run: the two tests reading it may land on different xdist workers.
    return once_per_run("plain-plan", _plain_plan)


@pytest.mark.early
def test_parallel_tuned_plan_of_every_stack_equals_the_plain_plan(
    plain_plan: PlainPlan, shipped_cli_run: subprocess.CompletedProcess[str]
) -> None:
    # The plan command as a reviewer runs it (tuned, two forked jobs; tests/conftest.py), shared
    # with the tests of the command line.
    assert shipped_cli_run.returncode == 0, shipped_cli_run.stderr[-3000:]
    assert "[1/" in shipped_cli_run.stderr
    assert re.search(r"^planning \d+ stacks, 2 at a time \.\.\.$", shipped_cli_run.stderr, re.MULTILINE)
    assert shipped_cli_run.stdout.encode("utf-8") == plain_plan.json
    assert json.loads(plain_plan.json)["verdict"] == "pass"


def test_precompile_lists_every_provider_module_the_plan_executes(plain_plan: PlainPlan) -> None:
    listed = {name for names in precompile.PROVIDER_MODULES.values() for name in names}
    missing = sorted(set(plain_plan.loaded) - listed)
    assert not missing, f"add {missing} to PROVIDER_MODULES in components/precompile.py"
    assert set(plain_plan.loaded) == listed, "PROVIDER_MODULES lists a module the plan no longer uses"


def test_precompile_compiles_every_file_the_plan_executes(plain_plan: PlainPlan) -> None:
    compiled = {str(path) for path in precompile.files()}
    purelib = sysconfig.get_paths()["purelib"]
    ours = [f for f in plain_plan.executed if f.startswith((purelib, str(ROOT / "components")))]
    assert len(ours) > 1000, "the plan executes the provider SDKs: the list cannot be this short"
    missing = sorted(set(ours) - compiled)
    assert not missing, f"add the packages of {missing[:5]} to RUNTIME_PACKAGES in components/precompile.py"


def test_the_warm_server_preloads_every_library_the_plan_imports(plain_plan: PlainPlan) -> None:
    """Each fork of the warm plan server imports this project's code afresh, and must find every other
    module the plan uses loaded already (SERVER_MODULES): one it imports again costs every warm plan.
    Private modules (a name part starting with ``_``) are their packages' own lazy details."""
    code = "import json, sys; from components.plan import server; server._preload(); print(json.dumps([*sys.modules]))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    preloaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "components.config" not in preloaded
    missing = sorted(
        name
        for name in set(plain_plan.modules) - preloaded
        if name.split(".")[0] != "components" and not any(part.startswith("_") for part in name.split("."))
    )
    assert not missing, f"add {missing} to SERVER_MODULES in components/precompile.py"


def _plan_bench() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("plan_bench", ROOT / "benchmarks" / "plan_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tuned_plan_of_an_estate_equals_the_plain_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _plan_bench()
    monkeypatch.setattr(tuning, "TUNED", False)
    plain, count = bench.estate_plan_json(3 * bench.UNIT)
    monkeypatch.setattr(tuning, "TUNED", True)
    tuned, _ = bench.estate_plan_json(3 * bench.UNIT)
    assert count >= 3 * bench.UNIT - 10
    assert tuned == plain
    assert json.loads(tuned)["verdict"] == "pass"


def test_the_estate_benchmark_workers_import_this_checkouts_components() -> None:
    # A worker runs plan_bench.py as a script (its path starts at benchmarks/): before stop 52 its components
    # came from the environment's editable install, i.e. another checkout in a worktree sharing the .venv.
    bench = _plan_bench()
    where = subprocess.run(
        [sys.executable, "-c", "import components; print(components.__file__)"],
        cwd=ROOT / "benchmarks",
        env=bench.worker_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()) == ROOT / "components" / "__init__.py"


def test_a_tuned_run_leaves_the_collector_as_it_found_it() -> None:
    assert gc.isenabled() and gc.get_freeze_count() == 0
    run_pulumi_program(lambda: None, project="p", stack="s")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        run_pulumi_program(lambda: None, project="p", stack="s")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_precompile_writes_bytecode_that_imports_read_even_when_the_environment_forbids_writing(tmp_path: Path) -> None:
    package = tmp_path / "speedprobe"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    (package / "part.py").write_text("PART = 2\n", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONDONTWRITEBYTECODE": "1",
        "SOURCE_DATE_EPOCH": "0",  # would make py_compile write hash-checked files by default
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    subprocess.run([sys.executable, "-m", "components.precompile", "speedprobe"], env=env, check=True, timeout=120)
    assert len(list((package / "__pycache__").glob("*.pyc"))) == 2
    loaded = subprocess.run(
        [sys.executable, "-v", "-c", "import speedprobe.part"], env=env, capture_output=True, text=True, check=True
    )
    for name in ("__init__", "part"):
        assert f"code object from '{package / '__pycache__' / name}." in loaded.stderr, "the bytecode was not used"


def test_a_new_checkout_writes_the_bytecode_another_compiled_and_imports_load_it_as_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    text = "def where():\n    return where.__code__.co_filename\n"
    first, second = tmp_path / "one" / "probe_a.py", tmp_path / "two" / "probe_a.py"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    os.utime(second, (1_700_000_000, 1_700_000_000))  # another clone: same text, another time
    assert precompile._compile(first)
    compiled: list[Path] = []

    def compile_file(path: Path, **_: object) -> bool:
        compiled.append(path)
        return False

    monkeypatch.setattr(compileall, "compile_file", compile_file)
    assert precompile._compile(second) and compiled == []  # written from the kept bytecode, not compiled
    pyc = Path(importlib.util.cache_from_source(str(second)))
    assert precompile._fresh(pyc, second.stat())  # its own header: an import takes it as current
    loaded = subprocess.run(
        [sys.executable, "-v", "-c", "import probe_a; print(probe_a.where())"],
        cwd=second.parent, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    assert f"code object from '{pyc}'" in loaded.stderr, "the written bytecode was not used"
    assert loaded.stdout.strip() == str(second), "a traceback would name the other checkout's file"
    # A kept file that is not what was written (a torn or altered file) is never used: the source is compiled.
    kept = precompile._shared_file(second.read_bytes())
    kept.write_bytes(kept.read_bytes()[:-3] + b"xyz")
    pyc.unlink()
    assert not precompile._compile(second) and compiled == [second]


def test_a_file_that_does_not_compile_fails_the_step_naming_it(tmp_path: Path) -> None:
    package = tmp_path / "brokenprobe"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = (\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]), "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "components.precompile", "brokenprobe"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert str(package / "__init__.py") in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("loadavg", "busy"),
    [
        ("0.00 0.01 0.05 1/84 8972", 0),  # only this process runs
        ("1.90 1.70 1.50 1/84 8972", 0),  # a high average of finished runs is not work now
        ("0.10 0.20 0.30 2/90 9000", 1),
        ("3.00 3.00 3.00 9/120 9000", 8),
    ],
)
def test_jobs_follow_the_runnable_tasks_of_this_instant(loadavg: str, busy: int) -> None:
    cores = len(os.sched_getaffinity(0))
    assert default_jobs(loadavg) == max(1, cores - busy)


def test_jobs_fall_back_to_the_load_average_without_proc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 1.0, 1.0))
    cores = len(os.sched_getaffinity(0))
    assert default_jobs("not a loadavg line") == max(1, cores - 1)


def test_the_end_of_session_keeps_pytests_first_collection_and_skips_only_the_second(
    pytestconfig: pytest.Config,
) -> None:
    """tests/conftest.py's ``pytest_unconfigure`` sets pytest's count of end-of-session collections to 0 (suitecost46):
    it must run after pytest's own ``pytest_unconfigure``, whose collection reports finalisers that raise in cyclic
    garbage, so that only the second collection (pytest's cleanup, which found nothing) is skipped. A pytest that
    renames the count or orders the hooks otherwise fails here rather than silently losing the first collection."""
    from _pytest import unraisableexception

    # tests/conftest.py as pytest registered it: `import conftest` may give tests/portal/conftest.py (the module name
    # both share), whichever was imported first in this worker.
    here = Path(__file__).with_name("conftest.py")
    (conftest,) = (p for p in pytestconfig.pluginmanager.get_plugins() if getattr(p, "__file__", None) == str(here))

    assert vars(conftest)["gc_collect_iterations_key"] is unraisableexception.gc_collect_iterations_key
    ours = getattr(conftest.pytest_unconfigure, "pytest_impl", {})
    theirs = getattr(unraisableexception.pytest_unconfigure, "pytest_impl", {})
    assert ours.get("trylast") and not theirs.get("trylast") and not theirs.get("tryfirst")
    source = importlib.util.find_spec("_pytest.unraisableexception")
    assert source is not None and source.origin is not None
    text = Path(source.origin).read_text()
    # pytest's own: one collection in pytest_unconfigure, then the cleanup's, both counted by the same stash key.
    assert text.count("gc_collect_harder(gc_collect_iterations)") == 2


# perf55 (stop 55): every cached property of the engine is computed once per jurisdiction on the template engine and
# shared by every engine of it (engine._DERIVED_PROPERTIES), so none may read what is each engine's own (its register,
# its date, its counts): one that did would judge with the first engine's register.
def _names_read(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _names_read(const)
    return names


def test_perf55_the_engines_derived_tables_read_the_catalogues_only_and_are_shared() -> None:
    from destination_entries import PARTNER_TRANSFER

    from components.residency import RuleEngine
    from components.residency.destinations import parse_destinations
    from components.residency.engine import _DERIVED_PROPERTIES, _PER_ENGINE

    assert "joined_public_types" in _DERIVED_PROPERTIES and "_public_types" in _DERIVED_PROPERTIES
    per_engine = _PER_ENGINE - {"catalogue", "jurisdiction"} | {"judging_date"}
    for name in _DERIVED_PROPERTIES:
        assert not _names_read(vars(RuleEngine)[name].func.__code__) & per_engine, name
    first, second = (
        RuleEngine("CN"),
        RuleEngine("CN", destinations=parse_destinations([{**PARTNER_TRANSFER, "expires": "2030-12-31"}])),
    )
    for name in _DERIVED_PROPERTIES:
        assert name in vars(second) and getattr(second, name) is getattr(first, name), name
