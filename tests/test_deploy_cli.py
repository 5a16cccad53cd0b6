"""``python -m components.deploy``: dry-run output, confirmations, exit codes and the CI matrix."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from deploy_recording import RecordingOperations

from components.deploy.__main__ import main
from components.deploy.runner import StackOperations

REPO = Path(__file__).resolve().parents[1]
PACK = REPO / "policy"
CN_BACKEND = "s3://state-cn?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn"
MAP = {
    "version": 1,
    "jurisdictions": {
        "CN": {"backend": CN_BACKEND, "secrets_provider": "awskms://alias/dc-cn?region=cn-north-1"},
        "JP": {
            "backend": "s3://state-jp?region=ap-northeast-1",
            "secrets_provider": "awskms://alias/dc-jp?region=ap-northeast-1",
            "runner_label": "tokyo-dc",
        },
        "US": {"backend": "https://api.pulumi.com", "secrets_provider": "default"},
    },
    "rollout": {"concurrency": 2, "waves": [{"name": "canary", "stacks": ["jp"]}, {"name": "rest", "stacks": ["*"]}]},
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "Pulumi.yaml").write_text("name: sovereign-dc\nruntime: python\nstackConfigDir: stacks\n")
    (tmp_path / "stacks").mkdir()
    for name, code in {"cn": "CN", "jp": "JP", "us": "US"}.items():
        (tmp_path / "stacks" / f"Pulumi.{name}.yaml").write_text(f"config:\n  sovereign-dc:jurisdiction: {code}\n")
    (tmp_path / "stacks" / "deployments.yaml").write_text(yaml.safe_dump(MAP, sort_keys=False))
    return tmp_path


def cli(project: Path, *args: str, ops: RecordingOperations | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()

    def operations() -> StackOperations:
        if ops is None:
            raise AssertionError("the CLI boundary must not be reached")
        return ops

    code = main([*args, "--project-dir", str(project)], operations=operations, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_dry_run_prints_exactly_what_would_run_and_touches_nothing(project: Path) -> None:
    code, out, err = cli(project, "preview", "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "dry run: preview of 3 stack(s) in 2 wave(s); nothing is executed",
        f"work dir: {project}",
        "wave 1/2 canary (concurrency 2)",
        "  stack jp (JP)",
        "    backend:          s3://state-jp?region=ap-northeast-1",
        "    secrets provider: awskms://alias/dc-jp?region=ap-northeast-1",
        "    config file:      stacks/Pulumi.jp.yaml",
        "    command:          preview",
        f"    policy pack:      {PACK} (config pins JP)",
        "    runs:",
        "      export PULUMI_BACKEND_URL='s3://state-jp?region=ap-northeast-1'",
        "      pulumi stack select --stack jp || pulumi stack init jp --secrets-provider "
        "'awskms://alias/dc-jp?region=ap-northeast-1'",
        f"      pulumi preview --stack jp --config-file stacks/Pulumi.jp.yaml --policy-pack {PACK} "
        "--policy-pack-config reports/jp.policy-config.json --json > reports/jp.preview.json",
        "wave 2/2 rest (concurrency 2)",
        "  stack cn (CN)",
        f"    backend:          {CN_BACKEND}",
        "    secrets provider: awskms://alias/dc-cn?region=cn-north-1",
        "    config file:      stacks/Pulumi.cn.yaml",
        "    command:          preview",
        f"    policy pack:      {PACK} (config pins CN)",
        "    runs:",
        f"      export PULUMI_BACKEND_URL='{CN_BACKEND}'",
        "      pulumi stack select --stack cn || pulumi stack init cn --secrets-provider "
        "'awskms://alias/dc-cn?region=cn-north-1'",
        f"      pulumi preview --stack cn --config-file stacks/Pulumi.cn.yaml --policy-pack {PACK} "
        "--policy-pack-config reports/cn.policy-config.json --json > reports/cn.preview.json",
        "  stack us (US)",
        "    backend:          https://api.pulumi.com",
        "    secrets provider: default",
        "    config file:      stacks/Pulumi.us.yaml",
        "    command:          preview",
        f"    policy pack:      {PACK} (config pins US)",
        "    runs:",
        "      export PULUMI_BACKEND_URL=https://api.pulumi.com",
        "      pulumi stack select --stack us || pulumi stack init us",
        f"      pulumi preview --stack us --config-file stacks/Pulumi.us.yaml --policy-pack {PACK} "
        "--policy-pack-config reports/us.policy-config.json --json > reports/us.preview.json",
        "a failure stops starting stacks in its wave; later waves do not run",
    ]


def test_dry_run_needs_no_confirmation_and_no_cli(project: Path) -> None:
    code, out, _ = cli(project, "destroy", "--dry-run", "--stack", "cn")
    assert code == 0
    assert "      pulumi destroy --stack cn --config-file stacks/Pulumi.cn.yaml --yes --skip-preview" in out


def test_preview_runs_every_wave_and_prints_the_summary(project: Path) -> None:
    ops = RecordingOperations()
    code, out, err = cli(project, "preview", "--quiet", ops=ops)
    assert (code, err) == (0, "")
    # The canary wave first; the two stacks of the second wave may interleave (concurrency 2).
    assert ops.operations()[:2] == [("open", "jp"), ("preview", "jp")]
    assert sorted(ops.operations()[2:]) == [("open", "cn"), ("open", "us"), ("preview", "cn"), ("preview", "us")]
    summary = out.splitlines()[-4:]
    assert summary[0].startswith("STACK")
    assert [line.split()[0] for line in summary[1:]] == ["jp", "cn", "us"]
    assert all(" succeeded " in line for line in summary[1:])


def test_a_failed_stack_exits_1(project: Path) -> None:
    code, out, _ = cli(project, "preview", "--quiet", ops=RecordingOperations(failures={"jp": "error: denied"}))
    assert code == 1
    assert "wave canary failed: stopping the rollout" in out


def test_up_is_refused_without_yes(project: Path) -> None:
    code, out, err = cli(project, "up", ops=RecordingOperations())
    assert (code, out) == (2, "")
    assert err == (
        "error: refusing to run `up` on jp, cn, us without --yes: it changes real infrastructure. "
        "Fix: add --yes, or --dry-run to see what would run\n"
    )


def test_up_with_yes_runs(project: Path) -> None:
    ops = RecordingOperations()
    code, _, _ = cli(project, "up", "--yes", "--stack", "cn", ops=ops)
    assert code == 0
    assert ops.operations() == [("open", "cn"), ("up", "cn")]


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["destroy", "--yes"], r"refusing to destroy jp, cn, us: every destroyed stack must be named"),
        (["destroy", "--stack", "cn", "--stack", "jp", "--yes-destroy", "cn"], r"Fix: add --yes-destroy jp "),
        (["destroy", "--stack", "cn", "--yes-destroy", "cn", "--yes-destroy", "jp"], r"names jp, which this run does"),
        (["preview", "--yes-destroy", "cn"], r"--yes-destroy confirms `destroy` only"),
    ],
)
def test_destroy_needs_every_stack_named(project: Path, args: list[str], match: str) -> None:
    ops = RecordingOperations()
    code, _, err = cli(project, *args, ops=ops)
    assert code == 2
    assert err.startswith("error: ")
    assert re.search(match, err)
    assert ops.calls == []


def test_destroy_with_every_stack_named_runs(project: Path) -> None:
    ops = RecordingOperations()
    code, _, _ = cli(project, "destroy", "--stack", "cn", "--yes-destroy", "cn", ops=ops)
    assert code == 0
    assert ops.operations() == [("open", "cn"), ("destroy", "cn")]


def test_bad_input_is_one_paragraph_and_exit_2(project: Path) -> None:
    path = project / "stacks" / "deployments.yaml"
    path.write_text(path.read_text().replace(CN_BACKEND, "https://api.pulumi.com"))
    code, out, err = cli(project, "preview", "--dry-run")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(
        f"error: {project / 'stacks' / 'deployments.yaml'}: jurisdictions.CN.backend: [RES-032] Pulumi Cloud"
    )
    assert "Fix: use an S3 bucket in Mainland China (CN)" in err


def test_a_missing_map_is_a_clean_error(project: Path) -> None:
    (project / "stacks" / "deployments.yaml").unlink()
    code, _, err = cli(project, "preview", "--dry-run")
    assert code == 2
    assert "cannot read the deployment map" in err


def test_without_the_pulumi_cli_a_real_run_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(project))
    out, err = io.StringIO(), io.StringIO()
    code = main(["preview", "--project-dir", str(project)], stdout=out, stderr=err)
    assert code == 2
    assert "the Pulumi CLI is not on PATH" in err.getvalue()


def test_the_module_runs_as_a_program_without_a_traceback(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    good = subprocess.run(
        [sys.executable, "-m", "components.deploy", "preview", "--dry-run", "--project-dir", str(project)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert good.returncode == 0, good.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "components.deploy", "up", "--project-dir", str(project / "nowhere")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error: ")


def matrix(project: Path, *args: str) -> Any:
    code, out, err = cli(project, "matrix", *args)
    assert (code, err) == (0, "")
    assert out.startswith("# Generated by `python -m components.deploy matrix`")
    return yaml.safe_load(out)


def test_matrix_has_one_job_per_stack_on_in_country_runners(project: Path) -> None:
    workflow = matrix(project)
    jobs = workflow["jobs"]
    assert list(jobs) == ["wave-1-canary", "wave-2-rest"]
    canary, rest = jobs["wave-1-canary"], jobs["wave-2-rest"]
    assert "needs" not in canary
    assert rest["needs"] == ["wave-1-canary"]
    assert canary["runs-on"] == ["self-hosted", "${{ matrix.runner }}"]
    assert canary["env"]["PULUMI_BACKEND_URL"] == "${{ matrix.backend }}"
    assert canary["strategy"] == {
        "fail-fast": False,
        "max-parallel": 2,
        "matrix": {
            "include": [
                {
                    "stack": "jp",
                    "jurisdiction": "JP",
                    "runner": "tokyo-dc",
                    "backend": "s3://state-jp?region=ap-northeast-1",
                }
            ]
        },
    }
    legs = rest["strategy"]["matrix"]["include"]
    assert [(leg["stack"], leg["runner"], leg["backend"]) for leg in legs] == [
        ("cn", "jurisdiction-cn", CN_BACKEND),
        ("us", "jurisdiction-us", "https://api.pulumi.com"),
    ]
    deploy = rest["steps"][-1]
    assert deploy["run"] == '.venv/bin/python -m components.deploy up --stack "$STACK" --yes --report-dir reports'
    assert deploy["env"] == {"STACK": "${{ matrix.stack }}"}
    assert workflow["on"]["workflow_dispatch"]["inputs"]["command"]["options"] == ["preview", "up"]


def test_matrix_output_is_deterministic_and_can_be_written(project: Path, tmp_path: Path) -> None:
    first = cli(project, "matrix")[1]
    assert first == cli(project, "matrix")[1]
    target = tmp_path / "out" / ".github" / "workflows" / "deploy.yml"
    code, out, _ = cli(project, "matrix", "--output", str(target))
    assert code == 0
    assert out == f"wrote {target}\n"
    assert target.read_text() == first


def test_matrix_output_that_is_a_folder_names_it_without_errno(project: Path, tmp_path: Path) -> None:
    code, out, err = cli(project, "matrix", "--output", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"error: {tmp_path}: Is a directory. Fix: check the path and permissions\n"
