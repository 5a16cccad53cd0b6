"""The owner data service as an AWS Lambda package: ``make portal-package`` -> ``build/portal-lambda.zip``.

The zip holds the ``portal`` package, the parts of ``components`` it imports at run time (the data-class
list and the data-protection catalogue, which import the Pulumi SDK), and every runtime dependency
exactly as ``uv.lock`` pins it, as wheels for the function's runtime: CPython 3.12 on x86_64 Linux
(manylinux2014 wheels only, nothing built from source). The lock is exported for the ``portal`` extra
without the provider SDKs the service never imports (``pulumi-aws``, ``pulumi-alicloud``) nor
``debugpy`` (a debugger the Pulumi SDK declares but never imports), then installed by uv with hash
checking. Tests, dev tools (pytest, ruff, mypy, the ``make portal`` dev server, the Pulumi test
fixtures), console scripts and bytecode are left out.

The archive is reproducible: entries sorted, one fixed timestamp, normalised permissions, so its hash
changes only when its content does (and ``pulumi preview`` shows a code change only then).

Lambda quotas (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): 250 MB
unzipped; a zip uploaded directly (as ``AwsOwnerDataPortal`` does) at most 50 MB. The build refuses a
package over the first and reports both sizes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pulumi

from components import _compat
from components.errors import ConfigError, SovereignError

__all__ = [
    "DEFAULT_PACKAGE",
    "LAMBDA_PLATFORM",
    "LAMBDA_PYTHON",
    "ALIBABA_ONLY",
    "PRUNED",
    "PackageError",
    "Built",
    "build",
    "lambda_code",
    "main",
]

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PACKAGE = "build/portal-lambda.zip"
"""Where ``make portal-package`` writes the package, relative to the project (``portal.code_path``'s default)."""
LAMBDA_PYTHON = "3.12"
"""The function's runtime (``python3.12`` in components/aws/portal.py)."""
LAMBDA_PLATFORM = "x86_64-manylinux2014"
"""uv's name for manylinux2014 x86_64 wheels; the function's default architecture is x86_64."""
PRUNED = ("pulumi-aws", "pulumi-alicloud", "debugpy")
"""Locked packages left out of the function and of the container image (with whatever only they need)."""
ALIBABA_ONLY = ("aliyun-python-sdk-core", "aliyun-python-sdk-kms", "alibabacloud-oss-v2")
"""Left out of the Lambda package too: the same service on Function Compute imports them (KMS secret, OSS
objects; lazily, portal/alicloud.py and portal/storage.py), on AWS Lambda nothing does."""
UV_VERSION = "0.13.8"
_FIRST_PARTY = ("portal", "components")
_LEFT_OUT = (
    "portal/dev.py",  # `make portal`: signs development tokens; never in a deployment
    "components/testing/",  # the pytest plugin
)
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_UNZIPPED_LIMIT = 250 * 1024 * 1024
_DIRECT_UPLOAD_LIMIT = 50 * 1024 * 1024


class PackageError(SovereignError):
    """The Lambda package cannot be built; the message names the cause and the fix."""


@dataclass(frozen=True)
class Built:
    """A package that was built."""

    path: Path
    entries: int
    unzipped_bytes: int
    zipped_bytes: int

    def describe(self) -> str:
        mib = 1024 * 1024
        line = (
            f"{self.path}: {self.entries} files, {self.zipped_bytes / mib:.1f} MiB zipped, "
            f"{self.unzipped_bytes / mib:.1f} MiB unzipped (Lambda: at most 250 MiB unzipped)"
        )
        if self.zipped_bytes > _DIRECT_UPLOAD_LIMIT:
            line += "; over the 50 MiB direct-upload quota: deploy it through an S3 object instead"
        return line


def lambda_code(path: str) -> pulumi.Archive:
    """The function code for ``pulumi.FileArchive``: the package (or folder) at ``path``, relative to the project.

    A real ``pulumi preview``/``up`` needs the file, so a missing one is refused here with the command
    that builds it; mocked runs (tests, ``make plan``) never read it and go on without it.
    """
    if not Path(path).exists() and not _compat.under_mocks():
        raise ConfigError(
            path,
            "",
            "the owner data service's Lambda package (portal.code_path) does not exist",
            f"run `make portal-package` in the project (it writes {DEFAULT_PACKAGE} from uv.lock), "
            "or set portal.code_path in the stack file to the package you built",
        )
    return pulumi.FileArchive(path)


def _uv() -> str:
    """The project's pinned uv (``make`` installs it into .tools), else ``$UV``, else uv on PATH."""
    pinned = ROOT / ".tools" / f"uv-{UV_VERSION}" / "bin" / "uv"
    found = os.environ.get("UV") or (str(pinned) if pinned.exists() else shutil.which("uv"))
    if not found:
        raise PackageError(
            f"uv {UV_VERSION} is not installed. Fix: run `make portal-package` (make installs it into .tools/)"
        )
    return found


def _run(command: Sequence[str], what: str) -> None:
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise PackageError(
            f"cannot run {command[0]} ({exc.strerror}). Fix: run `make portal-package` (make installs uv "
            f"{UV_VERSION} into .tools/), or point UV at a uv {UV_VERSION} binary"
        ) from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        raise PackageError(
            f"{what} failed (exit {done.returncode}):\n{detail}\nFix: if uv.lock is out of date run `make lock`; "
            "if a wheel is missing, that package has no manylinux2014 x86_64 wheel for CPython 3.12: pin another"
        )


def install_dependencies(site: Path) -> None:
    """The locked runtime dependencies of the ``portal`` extra, as Lambda wheels, into ``site``."""
    uv = _uv()
    requirements = site.parent / "requirements.txt"
    prune = [arg for name in (*PRUNED, *ALIBABA_ONLY) for arg in ("--prune", name)]
    _run(
        [uv, "export", "--locked", "--quiet", "--no-dev", "--extra", "portal", "--no-emit-project", *prune,
         "--format", "requirements.txt", "--output-file", str(requirements)],
        "uv export (the portal extra from uv.lock)",
    )  # fmt: skip
    _run(
        [uv, "pip", "install", "--quiet", "--target", str(site), "--python", sys.executable,
         "--python-platform", LAMBDA_PLATFORM, "--python-version", LAMBDA_PYTHON, "--only-binary", ":all:",
         "--no-deps", "--require-hashes", "--no-compile", "-r", str(requirements)],
        "uv pip install (Lambda wheels)",
    )  # fmt: skip


def _first_party() -> Iterator[tuple[str, Path]]:
    for top in _FIRST_PARTY:
        for path in sorted((ROOT / top).rglob("*")):
            name = path.relative_to(ROOT).as_posix()
            if path.is_file() and _shipped(name) and not name.startswith(_LEFT_OUT):
                yield name, path


def _installed(site: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        # Console scripts carry this machine's interpreter path and are never run by Lambda; .lock is uv's.
        if path.is_file() and _shipped(name) and not name.startswith("bin/") and name != ".lock":
            yield name, path


def _shipped(name: str) -> bool:
    return "__pycache__" not in name.split("/") and not name.endswith((".pyc", ".pyo"))


def write_zip(target: Path, files: dict[str, Path]) -> Built:
    """A reproducible zip of ``files`` (archive name -> file): sorted, fixed times, normalised modes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    unzipped = 0
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(files):
            source = files[name]
            executable = source.stat().st_mode & stat.S_IXUSR
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.create_system = 3  # Unix, so Lambda honours the modes below
            info.external_attr = (stat.S_IFREG | (0o755 if executable else 0o644)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            data = source.read_bytes()
            unzipped += len(data)
            archive.writestr(info, data)
    partial.replace(target)  # never a half-written package at the path the stack deploys
    return Built(target, len(files), unzipped, target.stat().st_size)


def build(target: Path | None = None) -> Built:
    """Build the package at ``target`` (default ``build/portal-lambda.zip`` in the project)."""
    target = target or ROOT / DEFAULT_PACKAGE
    with tempfile.TemporaryDirectory(prefix="portal-package-") as tmp:
        site = Path(tmp) / "site"
        install_dependencies(site)
        files = dict(_installed(site))
        for name, path in _first_party():
            if name in files:
                raise PackageError(f"{name} is both ours and in a dependency. Fix: rename our module")
            files[name] = path
        built = write_zip(target, files)
    if built.unzipped_bytes > _UNZIPPED_LIMIT:
        raise PackageError(f"{built.describe()}. Fix: drop dependencies; Lambda refuses more than 250 MiB unzipped")
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.aws.portal_package",
        description="Build the owner data service's AWS Lambda package (CPython 3.12, x86_64) from uv.lock.",
    )
    parser.add_argument("--output", type=Path, default=None, help=f"zip to write (default: {DEFAULT_PACKAGE})")
    args = parser.parse_args(argv)
    try:
        built = build(args.output)
    except PackageError as exc:
        print(f"portal-package: {exc}", file=sys.stderr)
        return 2
    print(f"portal-package: {built.describe()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
