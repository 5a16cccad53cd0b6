"""deploy/portal.Dockerfile, the Function Compute 3.0 custom container of the owner data service.

No Docker here, so the image is not built: these tests hold the Dockerfile to what the rest of the
project says (the function's port, the service's entry point, the lock, the Lambda package's choices),
and run the entry point it starts with the environment it sets.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from components.alicloud import portal as alicloud_portal
from components.aws.portal_package import LAMBDA_PYTHON, PRUNED

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "deploy" / "portal.Dockerfile"
DOCKERIGNORE = ROOT / "deploy" / "portal.Dockerfile.dockerignore"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            word, _, rest = stripped.partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
    return out


def _final_stage() -> list[tuple[str, str]]:
    instructions = _instructions()
    last_from = max(i for i, (word, _) in enumerate(instructions) if word == "FROM")
    return instructions[last_from:]


def _env(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in stage:
        if word == "ENV":
            env.update(dict(pair.split("=", 1) for pair in shlex.split(rest)))
    return env


def test_the_container_listens_on_the_functions_port() -> None:
    stage = _final_stage()
    env = _env(stage)
    assert env["PORTAL_PORT"] == str(alicloud_portal._CONTAINER_PORT)
    assert env["PORTAL_HOST"] == "0.0.0.0"  # FC reaches the server from outside the container
    assert ("EXPOSE", str(alicloud_portal._CONTAINER_PORT)) in stage


def test_the_cn_stack_function_uses_that_port_and_the_configured_image() -> None:
    from shipped import run_stack  # the shipped stack under the realistic mocks (once per test process)

    function = run_stack("cn").find("dc-alicloud-portal-function", "alicloud:fc/v3Function:V3Function")
    assert function.inputs["runtime"] == "custom-container"
    assert function.inputs["customContainerConfig"]["port"] == int(_env(_final_stage())["PORTAL_PORT"])


def test_the_container_runs_the_service_entry_point_as_a_non_root_user() -> None:
    stage = _final_stage()
    cmd = [rest for word, rest in stage if word == "CMD"]
    assert cmd == ['["python", "-m", "portal"]']
    assert (ROOT / "portal" / "__main__.py").is_file()
    users = [rest for word, rest in stage if word == "USER"]
    assert len(users) == 1 and users[0].split(":")[0] not in {"0", "root"}
    assert re.search(r"useradd --system --uid " + re.escape(users[0].split(":")[0]), DOCKERFILE.read_text())


def test_the_entry_point_serves_the_app_on_the_containers_host_and_port(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``python -m portal`` with the image's environment binds what FC calls (uvicorn.run captured)."""
    import uvicorn
    from fastapi import FastAPI

    from portal.__main__ import main

    for name, value in _env(_final_stage()).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PORTAL_OIDC_ISSUER", "https://idp.example.cn")
    monkeypatch.setenv("PORTAL_OIDC_AUDIENCE", "owner-data-portal")
    monkeypatch.setenv("PORTAL_OIDC_JWKS_URL", "https://idp.example.cn/jwks.json")
    monkeypatch.setenv("PORTAL_DATABASE_URL", f"sqlite:///{tmp_path / 'portal.db'}")
    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.update(app=app, **kwargs))
    assert main() == 0
    assert isinstance(served["app"], FastAPI)
    assert (served["host"], served["port"]) == ("0.0.0.0", alicloud_portal._CONTAINER_PORT)


def test_the_base_image_is_an_exact_cpython_tag_matching_the_lambda_runtime() -> None:
    args = [rest for word, rest in _instructions() if word == "ARG" and rest.startswith("PYTHON_IMAGE=")]
    assert len(args) == 1
    image = args[0].removeprefix("PYTHON_IMAGE=")
    match = re.fullmatch(r"python:(\d+\.\d+)\.\d+-slim-[a-z]+", image)
    assert match and match[1] == LAMBDA_PYTHON, image
    assert all(
        rest == "${PYTHON_IMAGE}" or rest.startswith("${PYTHON_IMAGE} AS ")
        for w, rest in _instructions()
        if w == "FROM"
    )


def test_dependencies_come_from_the_lock_as_the_lambda_package_takes_them() -> None:
    runs = " ".join(rest for word, rest in _instructions() if word == "RUN")
    assert "uv==0.13.8" in runs and "uv export --locked" in runs and "--extra portal" in runs
    assert set(re.findall(r"--prune (\S+)", runs)) == set(PRUNED)
    for flag in ("--only-binary :all:", "--require-hashes", "--no-deps"):
        assert flag in runs
    assert 'required-version = "==0.13.8"' in (ROOT / "pyproject.toml").read_text()


def test_what_the_dockerfile_copies_and_removes_exists_and_is_in_the_build_context() -> None:
    copies = [rest.split()[:-1] for word, rest in _instructions() if word == "COPY" and not rest.startswith("--from")]
    sources = [s.rstrip("/") for group in copies for s in group]
    assert sources == ["pyproject.toml", "uv.lock", "portal", "components"]
    for source in sources:
        assert (ROOT / source).exists(), source
    allowed = {
        line.removeprefix("!").rstrip("/") for line in DOCKERIGNORE.read_text().splitlines() if line.startswith("!")
    }
    assert set(sources) <= allowed
    removed = re.findall(r"/app/(portal/dev\.py|components/testing)", DOCKERFILE.read_text())
    assert set(removed) == {"portal/dev.py", "components/testing"}
    assert (ROOT / "portal" / "dev.py").is_file() and (ROOT / "components" / "testing").is_dir()
