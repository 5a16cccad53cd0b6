"""``python -m components.precompile``: write bytecode for what the plan imports, on every core.

The installer (uv) does not byte-compile, on purpose: the provider SDKs ship about 8,000 modules and
compiling all of them is most of a ``pip install`` (issue 13). The plan executes about 1,400 source
files outside Python's own library (about 49 MB, 44 MB of it provider code); this step, run once by
the Makefile after every install, compiles those files with the rest of their packages
(:func:`files`, about 1,950), largest first, one worker per core, so every later run (the plan, the
tests, a ``pulumi preview``) loads bytecode. It compiles without importing: until stop 22 it imported
the modules in two processes, which also executed them, CPU that bought nothing (from cold on the
2-core machine, alternated: 4.8-5.5 s now against 6.4-8.6 s).

It writes bytecode even where ``PYTHONDONTWRITEBYTECODE`` is set (CI images often set it): Python
still *reads* bytecode there, so without this step such an environment would compile the same
1,400 modules again on every run. A file it misses is compiled on first import (slower, never wrong);
tests/test_speed.py plans every stack in a fresh interpreter and fails, naming the module, if the
plan executed one that :func:`files` does not list.

Each file's bytecode is also kept once per user (beside uv's package cache, see ``_from_shared``), so a
new clone of the same lock writes it instead of compiling it again. It also keeps the parsed values of
the toolkit's YAML catalogues beside them (:func:`catalogues`; the endpoint catalogue alone took about
0.2 s to parse in every process that judges residency).

The same provider lists let the parallel plan (:mod:`components.plan.parallel`) import everything
once before it forks its workers.
"""

from __future__ import annotations

import compileall
import contextlib
import hashlib
import importlib
import importlib.util
import os
import py_compile
import sys
import sysconfig
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

__all__ = [
    "GROUPS",
    "PROVIDER_MODULES",
    "PROVIDER_ROOTS",
    "RUNTIME_PACKAGES",
    "SERVER_MODULES",
    "catalogues",
    "files",
    "load",
    "main",
]

# The provider SDKs import their service modules lazily (on first attribute access), so importing
# the components does not load them; these are the ones the country components use. A test
# (tests/test_speed.py) plans every stack and fails, naming the module, if one is missing here.
PROVIDER_MODULES: dict[str, tuple[str, ...]] = {
    "aws": (
        "pulumi_aws.apigateway",
        "pulumi_aws.cloudtrail",
        "pulumi_aws.cloudwatch",
        "pulumi_aws.dlm",
        "pulumi_aws.ebs",
        "pulumi_aws.ec2",
        "pulumi_aws.iam",
        "pulumi_aws.iot",
        "pulumi_aws.kms",
        "pulumi_aws.lambda_",
        "pulumi_aws.rds",
        "pulumi_aws.s3",
        "pulumi_aws.ssm",
        "pulumi_aws.wafv2",
    ),
    "alicloud": (
        "pulumi_alicloud.actiontrail",
        "pulumi_alicloud.apigateway",
        "pulumi_alicloud.ecs",
        "pulumi_alicloud.fc",
        "pulumi_alicloud.kms",
        "pulumi_alicloud.log",
        "pulumi_alicloud.oss",
        "pulumi_alicloud.ram",
        "pulumi_alicloud.rds",
        "pulumi_alicloud.ros",
        "pulumi_alicloud.vpc",
        "pulumi_alicloud.wafv3",
    ),
}

# Of each provider SDK only the top-level modules (not its subpackages) are compiled, plus its
# configuration (RUNTIME_PACKAGES) and the service packages PROVIDER_MODULES lists.
PROVIDER_ROOTS: tuple[str, ...] = ("pulumi_aws", "pulumi_alicloud")

# Packages the plan executes besides the provider SDKs' services, compiled whole (the runtime
# dependencies of pyproject.toml and theirs). Python's own standard library ships compiled.
RUNTIME_PACKAGES: tuple[str, ...] = (
    "components",
    "pulumi_aws.config",
    "pulumi_alicloud.config",
    "pulumi",
    "pydantic",
    "pydantic_core",
    "annotated_types",
    "typing_inspection",
    "typing_extensions",
    "google.protobuf",
    "grpc",
    "opentelemetry",
    "yaml",
    "dill",
    "semver",
    "packaging",
    "_distutils_hack",  # setuptools' start-up hook (distutils-precedence.pth), when installed
)

# What the plan's own code imports beyond the provider SDKs, the Pulumi runtime and the packages'
# roots, which the warm plan server (components/plan/server.py) loads before it forks: pydantic's
# model machinery (``import pydantic`` loads it lazily, at the first model class) and the standard
# library modules the components import. Each fork imported them again, about 50 ms of CPU per warm
# plan (stop 42, docs/performance.md). None is this project's code, so none can be served stale. A
# test (tests/test_speed.py) plans every stack and fails, naming the module, if one is missing here.
SERVER_MODULES: tuple[str, ...] = (
    "pydantic.main",
    "pydantic.fields",
    "pydantic.types",
    "pydantic.functional_validators",
    "pydantic.json_schema",
    "annotated_types",
    "difflib",
    "fnmatch",
    "gzip",
    "hmac",
    "posixpath",
    "runpy",
    "secrets",
    "shlex",
    "tomllib",
    "unicodedata",
    "zoneinfo",
)

# What the parallel plan imports before it forks, and the warm plan server's template before its workers fork, one
# group per cloud: every module of this project a shipped stack's program imports (the audit components are imported
# inside functions of components.audit: without them here, each stack imported them again, plancost50).
GROUPS: tuple[tuple[str, ...], ...] = (
    ("components.aws", *PROVIDER_MODULES["aws"], "components.aws.audit_logs", "components.aws.audit_trail"),
    (
        "components.alicloud",
        *PROVIDER_MODULES["alicloud"],
        "components.alicloud.audit_logs",
        "components.alicloud.audit_trail",
        "components.datacenter",
        "components.plan.cli",
    ),
)


def load(modules: Iterable[str]) -> None:
    """Import ``modules`` and run the ones a provider SDK left lazy."""
    for name in modules:
        module = importlib.import_module(name)
        # Any attribute lookup on a lazily imported module executes it; the attribute need not exist.
        getattr(module, "__all__", None)


def _location(name: str) -> Path | None:
    """Where module or package ``name`` lives, found without executing it (None if not installed).

    Only the top-level name is looked up (finding ``pulumi_aws.ec2`` through the import system would
    execute ``pulumi_aws/__init__.py``); the rest of a dotted name is a path below it.
    """
    top, _, rest = name.partition(".")
    spec = importlib.util.find_spec(top)
    if spec is None:
        return None
    if spec.submodule_search_locations:  # a package (a namespace package may span several folders)
        for folder in spec.submodule_search_locations:
            below = Path(folder, *rest.split(".")) if rest else Path(folder)
            for candidate in (below, below.with_suffix(".py")):
                if candidate.exists():
                    return candidate
        return None
    return Path(spec.origin) if spec.origin and not rest and spec.origin.endswith(".py") else None


def _sources(path: Path, *, whole: bool = True) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(path.rglob("*.py") if whole else path.glob("*.py"))


def _whole(names: Iterable[str]) -> list[Path]:
    """Every source file of the packages or modules ``names`` (the ones installed)."""
    return [path for name in names if (where := _location(name)) is not None for path in _sources(where)]


def _plan_sources() -> list[Path]:
    found = _whole((*RUNTIME_PACKAGES, *(m for modules in PROVIDER_MODULES.values() for m in modules)))
    for root in PROVIDER_ROOTS:
        where = _location(root)
        found += _sources(where, whole=False) if where is not None else []
    # The modules directly in site-packages: the start-up hooks of .pth files that every interpreter of
    # the environment runs (the editable install's finder, ...).
    return found + sorted(Path(sysconfig.get_paths()["purelib"]).glob("*.py"))


def files(packages: Sequence[str] | None = None) -> list[Path]:
    """The source files to compile, largest first: ``packages`` whole, or by default everything the
    plan executes."""
    found = _plan_sources() if packages is None else _whole(packages)
    return sorted(set(found), key=lambda path: (-path.stat().st_size, str(path)))  # largest first: an even split


def _compile(path: Path) -> bool:
    target = Path(importlib.util.cache_from_source(str(path)))
    try:
        stat = path.stat()
        if _fresh(target, stat):  # before reading the source: a second install reads only headers
            return True
        source = path.read_bytes()
    except OSError:
        source, stat = b"", None
    if stat is not None and _from_shared(source, stat, target):
        return True
    # Timestamp-checked bytecode, the kind an import writes (SOURCE_DATE_EPOCH would otherwise switch
    # py_compile's default to hash-checked files that every import re-verifies); fresh files are kept.
    compiled = bool(compileall.compile_file(path, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP))
    if compiled and stat is not None:
        _to_shared(source, target)
    return compiled


# -- bytecode shared by every checkout of this user (issue 13) -----------------------------------------------------
# Compiling the ~1,950 files took 6.4 s of a first `make plan` on a fresh clone (12 s of CPU on two cores), the same
# work for every clone: uv links the same provider sources into every environment from its package cache. The code a
# file compiles to depends only on its text and the interpreter, so each is kept once per user beside uv's cache,
# named by the SHA-256 of the interpreter's magic number and the source, and written into a new clone's
# __pycache__ with that clone's own header (the source's modification time and size, what an import checks). The
# file name a code object carries is the compiling clone's, which the import system replaces with the loading one's
# (importlib's _bootstrap_external._compile_bytecode calls _imp._fix_co_filename). A kept file is used only when its
# own SHA-256 is right; anything unreadable is compiled as before. It has the trust of uv's package cache beside it:
# whoever may write there may already change the sources every clone installs.

_MAGIC = importlib.util.MAGIC_NUMBER
_HEADER = 16  # magic, flags (0: timestamp-checked), source mtime, source size (PEP 552)


def _shared_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "sovereign-dc", "bytecode", sys.implementation.cache_tag or "python")


def _shared_file(source: bytes) -> Path:
    return _shared_dir() / hashlib.sha256(_MAGIC + source).hexdigest()


def _header(stat: os.stat_result) -> bytes:
    return _MAGIC + (0).to_bytes(4, "little") + _u32(int(stat.st_mtime)) + _u32(stat.st_size)


def _u32(value: int) -> bytes:
    return (value & 0xFFFFFFFF).to_bytes(4, "little")


def _fresh(target: Path, stat: os.stat_result) -> bool:
    try:
        with target.open("rb") as file:
            return file.read(_HEADER) == _header(stat)
    except OSError:
        return False


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)  # a reader sees the old file or the whole new one, never half


def _from_shared(source: bytes, stat: os.stat_result, target: Path) -> bool:
    try:
        kept = _shared_file(source).read_bytes()
        digest, code = kept[:32], kept[32:]
        if hashlib.sha256(code).digest() != digest:
            return False
        _write(target, _header(stat) + code)
    except OSError:
        return False
    return True


def _to_shared(source: bytes, target: Path) -> None:
    with contextlib.suppress(OSError):
        code = target.read_bytes()[_HEADER:]
        shared = _shared_file(source)
        if not shared.exists():
            _write(shared, hashlib.sha256(code).digest() + code)


def catalogues() -> list[Path]:
    """The toolkit's YAML catalogues (regions, endpoints, data protection, services), whose parsed values
    :func:`components.yamlfile.keep_yaml` keeps beside them as bytecode is kept beside a module."""
    return sorted(Path(__file__).resolve().parent.glob("*/*.yaml"))


def _keep_catalogues() -> bool:
    from components.yamlfile import keep_yaml  # here: the compile workers never need PyYAML

    for path in catalogues():
        keep_yaml(path)  # one that cannot be kept is parsed by each process instead (slower, never wrong)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Compile :func:`files` (of the packages named in ``argv``, if any), and with the default files keep the
    parsed catalogues; non-zero if a file failed to compile."""
    packages = list(argv if argv is not None else sys.argv[1:]) or None
    sources = files(packages)
    workers = min(os.cpu_count() or 1, len(sources))
    if workers <= 1:
        kept = packages is not None or _keep_catalogues()
        return 0 if all(_compile(path) for path in sources) and kept else 1
    with ProcessPoolExecutor(workers) as pool:
        keeping = pool.submit(_keep_catalogues) if packages is None else None
        compiled = all(pool.map(_compile, sources, chunksize=8))
        return 0 if compiled and (keeping is None or keeping.result()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
