"""End-to-end tests of ``python -m components.plan`` on the shipped stacks and on crafted bad stacks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from shipped import review

from components.plan.cli import main
from components.plan.render_markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "components" / "plan" / "schema.json").read_text(encoding="utf-8"))
SHIPPED = sorted(p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in (ROOT / "stacks").glob("Pulumi.*.yaml"))
CIPHERTEXT = "v1:TOPSECRETCIPHERTEXT0000:bm90LWEtcmVhbC1zZWNyZXQ="

LEAKY_PROGRAM = """
import json

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

from components.residency import enforce

# Raise mode, as in the real program: the plan must still collect every violation.
enforce(pulumi.Config("sovereign-dc").require("jurisdiction"))
home = aws.Provider("home", region="cn-north-1")
abroad = aws.Provider("abroad", region="us-east-1")
key = aws.kms.Key("key", opts=pulumi.ResourceOptions(provider=home, protect=True))
data = aws.s3.Bucket("data", opts=pulumi.ResourceOptions(provider=home, protect=True))
aws.s3.BucketServerSideEncryptionConfiguration(
    "data-sse",
    bucket=data.id,
    rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": key.arn}}],
    opts=pulumi.ResourceOptions(provider=home),
)
aws.s3.Bucket("offshore", opts=pulumi.ResourceOptions(provider=abroad))
aws.s3.Bucket("override", region="eu-west-1", opts=pulumi.ResourceOptions(provider=home))
policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
          "Principal": "*", "Resource": "arn:aws:s3:::foreign-bucket/*"}]}
aws.s3.BucketPolicy("leak", bucket=data.id, policy=json.dumps(policy), opts=pulumi.ResourceOptions(provider=home))
aws.s3.BucketPolicy(
    "secret-leak",
    bucket=data.id,
    policy=pulumi.Output.secret(json.dumps(policy)),
    opts=pulumi.ResourceOptions(provider=home),
)
alicloud.Provider("hongkong", region="cn-hongkong")
"""


def _project(tmp_path: Path, program: str | None = None) -> Path:
    """A project in tmp_path: the real Pulumi.yaml, the real or a crafted program, an empty stacks/."""
    shutil.copy(ROOT / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    if program is None:
        shutil.copy(ROOT / "__main__.py", tmp_path / "__main__.py")
    else:
        (tmp_path / "__main__.py").write_text(textwrap.dedent(program), encoding="utf-8")
    (tmp_path / "stacks").mkdir()
    return tmp_path / "stacks"


def _stack(stacks: Path, name: str, text: str) -> Path:
    path = stacks / f"Pulumi.{name}.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _validate(document: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)


# -- the shipped stacks --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_json(shipped_cli_run: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The JSON document of ``shipped_cli_run`` (tests/conftest.py)."""
    result = shipped_cli_run
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]
    for index, name in enumerate(SHIPPED, 1):
        assert f"[{index}/{len(SHIPPED)}] planning {name} ..." in result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.early
def test_shipped_stacks_plan_clean_and_match_the_schema(shipped_json: dict[str, Any]) -> None:
    _validate(shipped_json)
    assert shipped_json["verdict"] == "pass" and shipped_json["exit_code"] == 0
    assert [s["stack"] for s in shipped_json["stacks"]] == SHIPPED
    for stack in shipped_json["stacks"]:
        assert stack["verdict"] == "pass", stack["stack"]
        assert stack["counts"]["resources"] > 10
        assert stack["regions"] and all(r["inside"] for r in stack["regions"])
        assert all(r["jurisdiction"] == stack["jurisdiction"]["code"] for r in stack["resources"] if r["cloud"] != "-")
        stores = [r for r in stack["resources"] if r["data_store"]]
        assert stores, stack["stack"]
        for store in stores:
            # S3 server access logs can only land in an SSE-S3 bucket (S3 User Guide): the one exemption.
            expected = "cloud-managed" if "-audit-access-" in store["name"] else "customer-key"
            assert store["encryption"]["status"] == expected, store["name"]
            if expected != "customer-key":
                continue
            key = next(r for r in stack["resources"] if r["urn"] == store["encryption"]["key_urn"])
            assert key["type"].endswith("kms/key:Key") and key["region"] == store["region"]
        assert stack["counts"]["protected"] >= len([s for s in stores if s["type"].endswith("bucket:Bucket")])
        assert stack["diagram"].startswith("flowchart LR")
        assert f"subgraph j_{stack['jurisdiction']['code']}[" in stack["diagram"]


def test_shipped_secure_values_are_never_printed(shipped_json: dict[str, Any]) -> None:
    cn = next(s for s in shipped_json["stacks"] if s["stack"] == "cn")
    assert cn["secrets"] == ["sovereign-dc:breakglassContact"]
    ciphertext = (ROOT / "stacks" / "Pulumi.cn.yaml").read_text(encoding="utf-8").split("secure:")[1].split()[0]
    assert ciphertext not in json.dumps(shipped_json)


def test_text_report_of_one_stack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--stack", "de", "--stacks-dir", str(ROOT / "stacks"), "--verbose")
    assert code == 0, out + err
    assert "Stack de · DE Germany · stacks/Pulumi.de.yaml · PASS" in out
    assert "data stores and their keys:" in out and "customer key dc-aws-keys-" in out
    assert "[protected, retained on delete]" in out
    count = out.split(" resources · ")[0].rsplit(maxsplit=1)[-1]
    row = out.splitlines()[out.splitlines().index("SUMMARY") + 2].split()
    assert row[:3] == ["de", "DE", count] and row[-2:] == ["0", "PASS"]
    assert "planning" not in err  # one stack: no progress lines


def test_json_output_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for target in (first, second):
        code, _, err = _run(
            capsys, "--stack", "us", "--format", "json", "--output", str(target), "--stacks-dir", str(ROOT / "stacks")
        )
        assert code == 0 and f"wrote json plan to {target}" in err
    assert first.read_bytes() == second.read_bytes()


def test_markdown_of_shipped_stacks_fits_one_comment() -> None:
    # The shared plans as `--format markdown` renders them (the command line's markdown path itself is
    # driven end to end in test_all_violations_are_listed_with_exit_1).
    plan = review(*SHIPPED)
    out = render_markdown(plan)
    assert plan.exit_code == 0
    assert len(out) < 60_000
    assert out.count("<details>") >= len(SHIPPED) and out.count("</details>") == out.count("<details>")
    assert "```mermaid" in out


# -- crafted stacks -------------------------------------------------------------------------------


def test_all_violations_are_listed_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = _project(tmp_path, LEAKY_PROGRAM)
    _stack(
        stacks,
        "leaky",
        f"""
        config:
          sovereign-dc:jurisdiction: CN
          sovereign-dc:token:
            secure: {CIPHERTEXT}
        """,
    )
    code, out, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    assert code == 1
    document = json.loads(out)
    _validate(document)
    stack = document["stacks"][0]
    assert stack["verdict"] == "fail" and stack["secrets"] == ["sovereign-dc:token"]
    found = {(v["rule"], v["resource_name"]) for v in stack["violations"]}
    assert {
        ("RES-001", "abroad"),
        ("RES-001", "hongkong"),
        ("RES-003", "override"),
        ("RES-004", "leak"),
        ("RES-004", "secret-leak"),
        ("RES-024", "leak"),  # the leak's statement allows everyone too (public-access review, stop 36)
    } <= found
    secret = next(v for v in stack["violations"] if v["resource_name"] == "secret-leak" and v["rule"] == "RES-004")
    assert secret["value"] == "[secret]" and secret["path"].startswith("policy(json)")
    leak = next(v for v in stack["violations"] if v["resource_name"] == "leak" and v["rule"] == "RES-004")
    assert leak["value"] == "arn:aws:s3:::foreign-bucket/*" and leak["fix"]
    regions = {(r["region"], r["inside"], r["jurisdiction"]) for r in stack["regions"]}
    assert ("us-east-1", False, "US") in regions and ("cn-hongkong", False, "HK") in regions
    data = next(r for r in stack["resources"] if r["name"] == "data")
    assert data["protect"] and data["encryption"]["key_name"] == "key"
    assert "class j_EU_IE,j_HK,j_US outside" in stack["diagram"]

    code, text, _ = _run(capsys, "--stacks-dir", str(stacks), "--verbose")
    assert code == 1
    head, _, rest = text.partition("Stack leaky")
    assert f"RESIDENCY VIOLATIONS ({len(stack['violations'])})" in head  # violations come first
    for rule, name in found:
        assert f"{rule} " in head and f"'{name}'" in head
    assert "[VIOLATION]" in rest and CIPHERTEXT not in text
    code, markdown, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "markdown")
    assert code == 1 and "❌ Residency violations" in markdown and CIPHERTEXT not in markdown


def test_malformed_yaml_exits_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = _project(tmp_path)
    _stack(
        stacks,
        "broken",
        """
        config:
          sovereign-dc:jurisdiction: CN
            sovereign-dc:datacenter: [unclosed
        """,
    )
    code, out, err = _run(capsys, "--stacks-dir", str(stacks))
    assert code == 2
    line = next(line for line in out.splitlines() if line.startswith("  ! broken"))
    assert "stacks/Pulumi.broken.yaml" in line and "not valid YAML" in line and "line 4" in line
    assert "Traceback" not in out + err
    code, out, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    error = json.loads(out)["stacks"][0]["error"]
    assert code == 2 and error["kind"] == "input" and error["file"] == "stacks/Pulumi.broken.yaml"
    assert "\n" not in error["message"]


def test_config_type_error_exits_2_naming_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = _project(tmp_path)
    _stack(
        stacks,
        "typo",
        """
        config:
          sovereign-dc:jurisdiction: US
          sovereign-dc:datacenter:
            clouds:
              aws: {primary: us-east-1}
            data_classes:
              vehicle_telemetry: {retention_days: "thirty"}
            owners: [us-platform@example.com]
        """,
    )
    code, out, err = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    assert code == 2, out
    _validate(json.loads(out))
    error = json.loads(out)["stacks"][0]["error"]
    assert error["kind"] == "config"
    assert error["key"] == "sovereign-dc:datacenter.data_classes.vehicle_telemetry.retention_days"
    assert "Pulumi.typo.yaml" in error["message"] and "Fix:" in error["message"]
    assert "Traceback" not in out + err


def test_program_crash_is_a_failed_stack_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = _project(tmp_path, "raise KeyError('boom')\n")
    _stack(stacks, "crash", "config:\n  sovereign-dc:jurisdiction: US\n")
    _stack(stacks, "crash2", "config:\n  sovereign-dc:jurisdiction: US\n")
    code, out, err = _run(capsys, "--stacks-dir", str(stacks))
    assert code == 2
    assert "STACKS THAT COULD NOT BE PLANNED (2)" in out
    assert "stacks/Pulumi.crash.yaml: the program failed while planning stack crash: KeyError: 'boom'" in out
    assert "[1/2] planning crash ..." in err and "[2/2] planning crash2 ..." in err
    assert re.search(r"^planning 2 stacks, [12] at a time \.\.\.$", err, re.MULTILINE), err


def test_program_without_enforce_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    program = """
        import pulumi, pulumi_aws as aws
        aws.Provider("home", region="us-east-1")
        """
    stacks = _project(tmp_path, program)
    _stack(stacks, "bare", "config:\n  sovereign-dc:jurisdiction: US\n")
    code, out, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    stack = json.loads(out)["stacks"][0]
    assert code == 1 and not stack["guarded"] and stack["verdict"] == "fail" and not stack["violations"]


def test_a_stacks_dir_that_is_a_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--stacks-dir", str(ROOT / "stacks/Pulumi.cn.yaml"))
    assert (code, out) == (2, "")
    assert f"{ROOT / 'stacks/Pulumi.cn.yaml'}: is a file, not a directory. Fix: pass --stacks-dir" in err


@pytest.mark.parametrize("jobs", ["0", "-1"])
def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--jobs", jobs, "--stack", "us"])
    assert caught.value.code == 2
    _, err = capsys.readouterr()
    assert f"argument --jobs: {jobs} is not a number of stacks to plan at once (use 1 or more" in err


@pytest.mark.parametrize("given", ["stacks/Pulumi.cn.yaml", "Pulumi.cn.yaml", "CN", "cn.yaml"])
def test_a_stack_given_as_a_file_or_in_capitals_names_the_stack_meant(
    capsys: pytest.CaptureFixture[str], given: str
) -> None:
    code, out, err = _run(capsys, "--stack", given, "--stacks-dir", str(ROOT / "stacks"))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: --stack {given}: ") and "Fix: --stack takes the stack's name: --stack cn." in err
    assert "Pulumi.Pulumi" not in err and "yaml.yaml" not in err


def test_unknown_stack_and_missing_dir_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--stack", "mars", "--stacks-dir", str(ROOT / "stacks"))
    assert code == 2 and out == ""
    assert "Pulumi.mars.yaml: no such stack file (--stack mars)" in err and "cn, de" in err
    code, _, err = _run(capsys, "--stacks-dir", str(tmp_path / "nowhere"))
    assert code == 2 and "no such directory" in err
    (tmp_path / "stacks").mkdir()
    _stack(tmp_path / "stacks", "x", "config: {}\n")
    code, _, err = _run(capsys, "--stacks-dir", str(tmp_path / "stacks"))
    assert code == 2 and "no Pulumi.yaml" in err


def test_a_clean_run_leaves_no_event_loop_to_the_garbage_collector(
    shipped_cli_run: subprocess.CompletedProcess[str],
) -> None:
    # Pulumi creates an event loop per thread (the runner's and each mock-RPC worker's) and never
    # closes them; closed by the interpreter's teardown they intermittently printed "Exception
    # ignored in: BaseEventLoop.__del__". ResourceWarning names every loop left open at exit.
    assert shipped_cli_run.returncode == 0, shipped_cli_run.stderr
    assert "unclosed event loop" not in shipped_cli_run.stderr and "Exception ignored" not in shipped_cli_run.stderr


def test_more_zones_than_the_region_offers_is_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stacks = _project(tmp_path)
    text = (ROOT / "stacks" / "Pulumi.us.yaml").read_text(encoding="utf-8").replace("zones: 3}", "zones: 4}")
    _stack(stacks, "us", text)
    code, out, err = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    error = json.loads(out)["stacks"][0]["error"]
    assert code == 2 and error["kind"] == "config" and "Traceback" not in out + err
    assert error["key"] == "sovereign-dc:datacenter.compute.aws.zones"
    assert error["problems"] == [
        "stacks/Pulumi.us.yaml: sovereign-dc:datacenter.compute.aws.zones: m6i.large is offered in 3 zone(s) of "
        "this region (us-east-1a, us-east-1b, us-east-1c) but `zones` asks for 4. Fix: set `zones` to at most 3, or "
        "choose an instance type offered in more zones (aws ec2 describe-instance-type-offerings --location-type "
        "availability-zone)"
    ]
