"""The owner data service's AWS Lambda package (``make portal-package``) and how the AWS portal deploys it.

The package is built for real from uv.lock (wheels from PyPI or uv's cache): once for the content
checks, a second time for the reproducibility check. Its binaries are for CPython 3.12, which this
machine does not have, so what runs here is the package's own code (``portal``, ``components``) from
the zip over this environment's dependencies; the binaries are checked by their wheel tags.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pulumi
import pytest

from components import _compat
from components.aws import portal_package
from components.aws.portal_package import ALIBABA_ONLY, DEFAULT_PACKAGE, PRUNED, Built, PackageError, build, lambda_code
from components.config.models import Portal
from components.errors import ConfigError
from components.testing import MockSession

if TYPE_CHECKING:  # tests/conftest.py, which pytest loads itself
    from conftest import OncePerRun

ROOT = Path(__file__).resolve().parent.parent
LOCKED = {p["name"]: p["version"] for p in tomllib.loads((ROOT / "uv.lock").read_text())["package"]}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def package(once_per_run: OncePerRun[Built]) -> Built:
    # Built once per test run: the tests reading it may land on different xdist workers.
    return once_per_run("portal-package", lambda folder: build(folder / "portal-lambda.zip"))


@pytest.fixture(scope="module")
def names(package: Built) -> list[str]:
    with zipfile.ZipFile(package.path) as archive:
        return archive.namelist()


def _dists(names: list[str]) -> dict[str, str]:
    """Distribution -> version, from the ``*.dist-info`` folders in the package."""
    found = {}
    for name in names:
        top = name.split("/", 1)[0]
        if top.endswith(".dist-info") and name.endswith("/METADATA"):
            dist, version = top.removesuffix(".dist-info").rsplit("-", 1)
            found[_canonical(dist)] = version
    return found


@pytest.mark.early
def test_the_package_holds_the_entry_point_migrations_and_the_locked_runtime(package: Built, names: list[str]) -> None:
    for required in (
        "portal/aws_lambda.py",
        "portal/api.py",
        "portal/migrate.py",
        "portal/migrations/env.py",
        "portal/migrations/versions/r0001_initial_schema.py",
        "components/config/models.py",
        "components/residency/data_protection.yaml",  # the portal's catalogue reads it at start-up
        "fastapi/__init__.py",
        "mangum/__init__.py",
        "alembic/__init__.py",
        "sqlalchemy/__init__.py",
        "psycopg/__init__.py",
        "psycopg_binary/_psycopg.cpython-312-x86_64-linux-gnu.so",
    ):
        assert required in names, required
    dists = _dists(names)
    portal_extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["portal"]
    for requirement in portal_extra:
        dist = _canonical(re.split(r"[\[=<>]", requirement, maxsplit=1)[0])
        if dist in ALIBABA_ONLY:
            continue  # the Function Compute runtime's SDKs (next test)
        assert dist in dists, f"{requirement} missing from the package"
    # Exactly the locked versions, nothing resolved anew.
    assert {d: v for d, v in dists.items() if LOCKED.get(d) != v} == {}
    assert package.entries == len(names) and package.zipped_bytes == package.path.stat().st_size


def test_the_package_leaves_out_tests_dev_tools_and_what_the_service_never_imports(names: list[str]) -> None:
    tops = {n.split("/", 1)[0] for n in names}
    dists = _dists(names)
    for dev in (
        "pytest",
        "hypothesis",
        "ruff",
        "mypy",
        "schemathesis",
        "jsonschema",
        "pulumi-policy",
        *PRUNED,
        *ALIBABA_ONLY,
    ):
        assert dev not in dists, dev
    assert not tops & {"pytest", "_pytest", "hypothesis", "tests", "bin", "pulumi_aws", "pulumi_alicloud", "debugpy"}
    assert "portal/dev.py" not in names and not any(n.startswith("components/testing/") for n in names)
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or n == ".lock"]


def test_every_binary_wheel_is_for_cpython_312_on_manylinux_x86_64(names: list[str], package: Built) -> None:
    with zipfile.ZipFile(package.path) as archive:
        wheel_files = [n for n in names if n.endswith(".dist-info/WHEEL")]
        tags = {n: re.findall(r"^Tag: (\S+)$", archive.read(n).decode(), re.MULTILINE) for n in wheel_files}
    assert len(wheel_files) == len(_dists(names))
    for wheel, wheel_tags in tags.items():
        assert any(_runs_on_lambda(t) for t in wheel_tags), (wheel, wheel_tags)
    psycopg = tags["psycopg_binary-3.3.9.dist-info/WHEEL"]
    assert any(t.startswith("cp312-cp312-manylinux") and t.endswith("x86_64") for t in psycopg), psycopg
    extensions = [n for n in names if n.endswith(".so")]
    assert extensions and all("darwin" not in n and "win" not in n.rsplit("/", 1)[-1] for n in extensions)
    assert all("cpython-312-x86_64-linux-gnu" in n or ".abi3." in n or ".libs/" in n for n in extensions), [
        n for n in extensions if "cpython-312" not in n and ".abi3." not in n and ".libs/" not in n
    ]


_GLIBC = {"manylinux1": 5, "manylinux2010": 12, "manylinux2014": 17}


def _runs_on_lambda(tag: str) -> bool:
    """A wheel tag CPython 3.12 on x86_64 Linux with glibc 2.17 (manylinux2014, what we asked uv for) accepts."""
    python, abi, platform = tag.split("-")
    if platform == "any":
        return python.startswith("py3") and abi == "none"
    if not (python == "cp312" and abi == "cp312") and not (abi == "abi3" and python.startswith("cp3")):
        return False
    match = re.fullmatch(r"(manylinux1|manylinux2010|manylinux2014|manylinux_2_(\d+))_x86_64", platform)
    return match is not None and (int(match[2]) if match[2] else _GLIBC[match[1]]) <= 17


def test_entries_are_sorted_with_one_timestamp_and_normal_modes(package: Built, names: list[str]) -> None:
    assert names == sorted(names)
    with zipfile.ZipFile(package.path) as archive:
        infos = archive.infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} <= {0o100644, 0o100755}
    assert package.unzipped_bytes == sum(i.file_size for i in infos) < 250 * 1024 * 1024


@pytest.mark.early
def test_two_builds_are_byte_identical(package: Built, tmp_path: Path) -> None:
    again = build(tmp_path / "again.zip")
    assert again.path.read_bytes() == package.path.read_bytes()


@pytest.mark.early
def test_the_packaged_service_code_imports_and_migrates(package: Built, tmp_path: Path) -> None:
    """Our code from the zip (over this machine's Python 3.11 dependencies): nothing of ours is missing."""
    with zipfile.ZipFile(package.path) as archive:
        ours = [n for n in archive.namelist() if n.startswith(("portal/", "components/"))]
        archive.extractall(tmp_path, members=ours)
    script = (
        "import importlib, sys\n"
        "import portal, components\n"
        f"assert portal.__file__.startswith({str(tmp_path)!r}), portal.__file__\n"
        "for m in ('portal.aws_lambda', 'portal.api', 'portal.deployed', 'portal.storage', 'portal.indexer'):\n"
        "    importlib.import_module(m)\n"
        "from portal.db import make_engine\n"
        "from portal.migrate import upgrade\n"
        "print(upgrade(make_engine('sqlite://')).describe())\n"
        "for gone in ('portal.dev', 'components.testing'):\n"
        "    try:\n"
        "        importlib.import_module(gone)\n"
        "    except ImportError:\n"
        "        continue\n"
        "    sys.exit(f'{gone} is in the package')\n"
    )
    # -S: no site hooks, so the editable install of this checkout cannot supply a module the zip lacks.
    path = os.pathsep.join([str(tmp_path), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")} | {"PYTHONPATH": path}
    run = subprocess.run(
        [sys.executable, "-S", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("upgraded empty database -> 0001"), run.stdout


def test_a_failing_uv_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UV", str(tmp_path / "no-such-uv"))
    with pytest.raises(PackageError, match=r"cannot run .*no-such-uv.*Fix: run `make portal-package`"):
        build(tmp_path / "x.zip")
    assert portal_package.main(["--output", str(tmp_path / "x.zip")]) == 2
    assert not (tmp_path / "x.zip").exists()


# -- the AWS portal deploys it ----------------------------------------------------------------------


def test_the_stack_setting_defaults_to_the_built_package() -> None:
    assert Portal.model_fields["code_path"].default == DEFAULT_PACKAGE == "build/portal-lambda.zip"


def test_a_real_deployment_refuses_a_missing_package_naming_the_build(tmp_path: Path) -> None:
    assert not _compat.under_mocks()  # no mocks installed: as in `pulumi preview` / `up`
    missing = str(tmp_path / "portal-lambda.zip")
    with pytest.raises(ConfigError, match=r"portal-lambda\.zip: .*does not exist\. Fix: run `make portal-package`"):
        lambda_code(missing)


def test_a_real_deployment_takes_an_existing_package(package: Built) -> None:
    code = lambda_code(str(package.path))
    assert isinstance(code, pulumi.FileArchive) and code.path == str(package.path)


def test_mocked_runs_go_on_without_the_package(pulumi_mocks: MockSession, tmp_path: Path) -> None:
    assert _compat.under_mocks()
    code = lambda_code(str(tmp_path / "never-built.zip"))
    assert isinstance(code, pulumi.FileArchive)


def test_the_cn_stack_deploys_the_built_package_by_default() -> None:
    from shipped import run_stack  # the shipped stack under the realistic mocks (once per test process)

    function = run_stack("cn").find("dc-aws-portal-function", "aws:lambda/function:Function")
    code = function.inputs["code"]
    assert isinstance(code, pulumi.FileArchive) and code.path == DEFAULT_PACKAGE
    assert function.inputs["runtime"] == "python3.12" and function.inputs["handler"] == "portal.aws_lambda.handler"
