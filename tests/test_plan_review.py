"""``python -m components.plan --preview/--state``: real engine documents judged by the one rule engine.

The fixtures in tests/fixtures/ follow pulumi's own types field for field: ``PreviewDigest`` /
``PreviewStep`` with ``apitype.ResourceV3`` states (``pulumi preview --json --show-sames``),
``EngineEvent`` JSON lines with ``StepEventMetadata`` (``--event-log``) and an ``UntypedDeployment``
of version 3 (``pulumi stack export``), with default and explicit providers, unknowns (the engine's
sentinel) and secrets (blinded, ciphertext and plaintext).
"""

from __future__ import annotations

import copy
import io
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.plan.cli import main
from components.plan.documents import UNKNOWN, DocumentError
from components.plan.preview import parse_preview
from components.plan.render_markdown import render_markdown
from components.plan.review import review_document, review_files
from components.plan.state import parse_state

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASS = FIXTURES / "preview-cn-pass.json"
FAIL = FIXTURES / "preview-cn-fail.json"
EVENTS = FIXTURES / "events-cn.jsonl"
STATE = FIXTURES / "state-cn.json"
SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "components/plan/schema.json").read_text())
SIG = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}
STACK_URN = "urn:pulumi:cn::sovereign-dc::"
DC = "pulumi:pulumi:Stack$sovereign:datacenter:CountryDataCenter$"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _write(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document, indent=4), encoding="utf-8")
    return path


# -- previews ---------------------------------------------------------------------------------


def test_a_resident_preview_passes_with_every_op_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--preview", str(PASS), "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    (stack,) = document["stacks"]
    assert (stack["stack"], stack["source"], stack["jurisdiction"]["code"], stack["verdict"]) == (
        "cn",
        "preview",
        "CN",
        "pass",
    )
    ops = {r["name"]: r["operation"] for r in stack["resources"]}
    assert ops["dc-data"] == "update"
    assert ops["dc-replica"] == "replace"
    assert ops["dc-key"] == "same"
    assert ops["legacy-logs"] == "read"
    assert ops["dc-key-alias"] == "import"
    assert ops["dc-data-policy"] == "create"
    # A delete is shown as a change, never judged and never listed as a resource of the stack.
    assert "old-queue" not in ops
    assert {c["name"]: c["op"] for c in stack["changes"]}["old-queue"] == "delete"
    assert {(r["cloud"], r["region"]) for r in stack["resources"] if r["cloud"] != "-"} == {
        ("aws", "cn-north-1"),
        ("aws", "cn-northwest-1"),
        ("alicloud", "cn-shanghai"),
    }


def test_a_failing_preview_names_every_rule_and_urn(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--preview", str(FAIL), "--format", "json")
    assert code == 1
    (stack,) = json.loads(out)["stacks"]
    found = {(v["rule"], v["urn"]) for v in stack["violations"]}
    assert found == {
        ("RES-001", f"{STACK_URN}pulumi:providers:aws::unpinned"),
        ("RES-001", f"{STACK_URN}pulumi:providers:aws::us-mirror"),
        ("RES-002", f"{STACK_URN}aws:s3/bucket:Bucket::defaulted"),
        ("RES-003", f"{STACK_URN}aws:s3/bucket:Bucket::override"),
        ("RES-003", f"{STACK_URN}aws:s3/bucket:Bucket::moved"),
        ("RES-012", f"{STACK_URN}aws:s3/bucket:Bucket::unlisted"),
        ("RES-014", f"{STACK_URN}aws:s3/bucketPolicy:BucketPolicy::leak"),
    }
    # The engine's own default provider is never judged itself: the resources using it are refused.
    assert not any("default_7_51_1" in v["urn"] for v in stack["violations"])
    # Deleting a resource outside the jurisdiction is not a violation.
    assert not any("old-queue" in v["urn"] for v in stack["violations"])


def test_provider_references_resolve_to_their_own_step(tmp_path: Path) -> None:
    document = _json(PASS)
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    assert plan.verdict == "pass"
    # Point the OSS bucket at the engine's default alicloud provider instead: refused (RES-002).
    default = f"{STACK_URN}pulumi:providers:alicloud::default_4_0_0::{UNKNOWN}"
    for step in document["steps"]:
        if step["urn"].endswith("::dc-oss"):
            step["provider"] = step["newState"]["provider"] = default
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == {("RES-002", "dc-oss", "provider")}


def test_a_provider_whose_region_is_unknown_or_missing_fails_closed() -> None:
    document = _json(PASS)
    for step in document["steps"]:
        if step["urn"].endswith("::dc-ali-primary"):
            step["newState"]["inputs"]["region"] = UNKNOWN
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    # The provider's own region cannot be traced, and neither can the bucket computed from it.
    assert {(v.rule, v.resource_name) for v in plan.violations} == {
        ("RES-014", "dc-ali-primary"),
        ("RES-014", "dc-oss"),
    }
    assert (
        "has a provider region that is itself unknown"
        in next(v for v in plan.violations if v.resource_name == "dc-oss").message
    )
    for step in document["steps"]:
        if step["urn"].endswith("::dc-ali-primary"):
            del step["newState"]["inputs"]["region"]
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == {
        ("RES-001", "dc-ali-primary", "region"),
        ("RES-014", "dc-oss", "serverSideEncryptionRule"),  # computed from the unpinned provider
    }


def test_unknowns_pass_only_when_every_source_is_resident() -> None:
    document = _json(PASS)
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    assert plan.verdict == "pass"  # dc-data-policy's policy is computed from dc-data, in CN
    for step in document["steps"]:
        if step["urn"].endswith("::dc-data-policy"):
            gone = f"{STACK_URN}aws:s3/bucket:Bucket::elsewhere"
            step["newState"]["propertyDependencies"]["policy"] = [gone]
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    (violation,) = plan.violations
    assert (violation.rule, violation.resource_name, violation.path) == ("RES-014", "dc-data-policy", "policy")
    assert "elsewhere is not in this document" in violation.message


def test_an_event_log_is_judged_like_the_digest_but_cannot_trace_unknowns(capsys: pytest.CaptureFixture[str]) -> None:
    digest = review_files([str(PASS)])
    events = review_files([str(EVENTS)])
    assert [r.urn for r in events.stacks[0].resources] == [r.urn for r in digest.stacks[0].resources]
    assert events.stacks[0].source == "event-log"
    # StepEventMetadata carries no dependencies: every unknown input fails closed.
    assert {(v.rule, v.resource_name, v.path) for v in events.stacks[0].violations} == {
        ("RES-014", "dc-data-policy", "policy"),
        ("RES-014", "dc-oss", "serverSideEncryptionRule"),
    }


def test_stdin_is_read_for_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(FAIL.read_text(encoding="utf-8")))
    code, out, _ = _run(capsys, "--preview", "-")
    assert code == 1
    assert "<stdin>" in out


def test_the_preview_config_and_jurisdiction_flag_must_agree(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--preview", str(PASS), "--jurisdiction", "EU")
    assert code == 2
    assert "says `sovereign-dc:jurisdiction` is 'CN' but --jurisdiction is 'EU'" in err
    assert _run(capsys, "--preview", str(PASS), "--jurisdiction", "cn")[0] == 0


def test_a_preview_without_a_jurisdiction_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = _json(PASS)
    del document["config"]["sovereign-dc:jurisdiction"]
    path = _write(tmp_path, "preview.json", document)
    code, _, err = _run(capsys, "--preview", str(path))
    assert code == 2
    assert f"{path}: no jurisdiction to judge against (its config has no `sovereign-dc:jurisdiction`)" in err
    assert "Fix: pass --jurisdiction CODE" in err
    assert _run(capsys, "--preview", str(path), "--jurisdiction", "CN")[0] == 0


# -- secrets ------------------------------------------------------------------------------------


def test_secrets_stay_secret_and_are_still_judged_when_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _json(STATE)
    foreign = "arn:aws:s3:::offshore-copy/*"
    for resource in export["deployment"]["resources"]:
        if resource["urn"].endswith("::dc-breakglass"):
            # `pulumi stack export --show-secrets`: the plaintext, JSON-encoded, beside the signature.
            resource["inputs"]["value"] = {**SIG, "plaintext": json.dumps(foreign)}
    path = _write(tmp_path, "state.json", export)
    for fmt in ("text", "json", "markdown"):
        code, out, _ = _run(capsys, "--state", str(path), "--jurisdiction", "CN", "--format", fmt)
        assert code == 1
        assert "offshore-copy" not in out
        assert "[secret]" in out
    plan = review_files(states=[str(path)], jurisdiction="CN")
    assert {(v.rule, v.resource_name, v.path, v.value) for v in plan.stacks[0].violations} == {
        ("RES-004", "dc-breakglass", "value", "[secret]")
    }


def test_blinded_secrets_are_reported_as_not_judged_here(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--preview", str(PASS))
    assert code == 0
    assert "1 secret value(s) are blinded in this document" in out
    code, out, _ = _run(capsys, "--state", str(STATE), "--jurisdiction", "CN", "--format", "json")
    assert "v1:Q9w8E7r6T5y4U3i2" not in out  # ciphertext never reaches a report


# -- state --------------------------------------------------------------------------------------


def test_a_state_review_judges_outputs_where_the_data_actually_is(tmp_path: Path) -> None:
    export = _json(STATE)
    assert review_files(states=[str(STATE)], jurisdiction="CN").verdict == "pass"
    for resource in export["deployment"]["resources"]:
        if resource["urn"].endswith("::dc-data"):
            resource["outputs"]["replicationConfiguration"] = {
                "role": "arn:aws-cn:iam::111122223333:role/replication",
                "rules": [{"destination": {"bucket": "arn:aws:s3:::dc-data-copy-us"}, "status": "Enabled"}],
            }
    path = _write(tmp_path, "state.json", export)
    plan = review_files(states=[str(path)], jurisdiction="CN")
    assert {(v.rule, v.resource_name, v.path) for v in plan.stacks[0].violations} == {
        ("RES-004", "dc-data", "outputs.replicationConfiguration.rules[0].destination.bucket")
    }
    assert plan.stacks[0].violations[0].urn == f"{STACK_URN}{DC}aws:s3/bucket:Bucket::dc-data"


def test_a_state_needs_a_jurisdiction(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--state", str(STATE))
    assert (code, out) == (2, "")
    assert f"{STATE}: no jurisdiction to judge against (a stack export carries no config)" in err
    code, _, err = _run(capsys, "--state", str(STATE), "--jurisdiction", "XX")
    assert code == 2
    assert "XX" in err
    assert "Traceback" not in err


def test_resources_pending_deletion_in_a_state_are_not_judged(tmp_path: Path) -> None:
    export = _json(STATE)
    foreign = copy.deepcopy(export["deployment"]["resources"][5])
    foreign["urn"] = foreign["urn"].replace("dc-data", "old-data")
    foreign["outputs"]["region"] = "us-east-1"
    foreign["delete"] = True
    export["deployment"]["resources"].append(foreign)
    assert review_files(states=[str(_write(tmp_path, "s.json", export))], jurisdiction="CN").verdict == "pass"
    del foreign["delete"]
    plan = review_files(states=[str(_write(tmp_path, "s.json", export))], jurisdiction="CN")
    assert {(v.rule, v.resource_name, v.path) for v in plan.stacks[0].violations} == {
        ("RES-003", "old-data", "outputs.region")
    }


def _cen_preview(cen_id: str) -> dict[str, Any]:
    """A preview that attaches a transit router to CEN ``cen_id``; the stack's own CEN is an unchanged resource
    (``same``, listed with --show-sames) whose physical id the document gives beside its outputs, not in them."""
    provider = f"{STACK_URN}pulumi:providers:alicloud::cn"
    cen = f"{STACK_URN}pulumi:pulumi:Stack$alicloud:cen/instance:Instance::wan"
    router = f"{STACK_URN}pulumi:pulumi:Stack$alicloud:cen/transitRouter:TransitRouter::hub"
    states = [
        {"urn": provider, "custom": True, "type": "pulumi:providers:alicloud", "id": "p1",
         "inputs": {"region": "cn-shanghai"}, "outputs": {"region": "cn-shanghai"}},
        {"urn": cen, "custom": True, "type": "alicloud:cen/instance:Instance", "id": "cen-7qthudw0ll6jmc",
         "provider": f"{provider}::p1", "inputs": {"cenInstanceName": "fleet-wan"},
         "outputs": {"cenInstanceName": "fleet-wan", "status": "Active"}},
        {"urn": router, "custom": True, "type": "alicloud:cen/transitRouter:TransitRouter",
         "provider": f"{provider}::p1", "inputs": {"cenId": cen_id}, "dependencies": [cen],
         "propertyDependencies": {"cenId": [cen]}},
    ]  # fmt: skip
    steps = [
        {"op": "same" if s.get("id") else "create", "urn": s["urn"], "provider": s.get("provider", ""), "newState": s}
        for s in states
    ]
    return {"config": {"sovereign-dc:jurisdiction": "CN"}, "steps": steps}


def test_a_group_named_by_the_id_of_a_resource_it_depends_on_is_proven() -> None:
    # The guard reads the dependency's `id` Output and the policy pack its final state (the bridge writes `id` into
    # the outputs); a document may give the id only beside the outputs: it proves the CEN as well.
    own = review_document(parse_preview(json.dumps(_cen_preview("cen-7qthudw0ll6jmc")), "p.json"))
    assert (own.verdict, own.violations) == ("pass", ())
    other = review_document(parse_preview(json.dumps(_cen_preview("cen-partner0abroad")), "p.json"))
    assert {(v.rule, v.resource_name, v.path) for v in other.violations} == {("RES-017", "hub", "cenId")}


def test_a_resource_refused_for_its_region_is_not_refused_again_for_its_outputs(tmp_path: Path) -> None:
    export = _json(STATE)
    bucket = next(r for r in export["deployment"]["resources"] if r["urn"].endswith("::dc-data"))
    bucket["inputs"]["region"] = bucket["outputs"]["region"] = "us-east-1"
    bucket["outputs"]["arn"] = "arn:aws:s3:::dc-data"
    bucket["outputs"]["bucketRegionalDomainName"] = "dc-data.s3.us-east-1.amazonaws.com"
    plan = review_files(states=[str(_write(tmp_path, "s.json", export))], jurisdiction="CN")
    # One finding, for where it is; its ARN and endpoint are there because it is (no RES-004 / RES-006 beside it).
    assert {(v.rule, v.resource_name, v.path) for v in plan.stacks[0].violations} == {("RES-003", "dc-data", "region")}


# -- the PR comment -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_every_format_names_the_urn_of_each_finding(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = _run(capsys, "--preview", str(FAIL), "--format", fmt)
    assert code == 1
    for v in review_files([str(FAIL)]).stacks[0].violations:
        assert v.urn in out


def test_markdown_shows_what_changes_before_the_resource_list() -> None:
    text = render_markdown(review_files([str(PASS)]))
    assert text.startswith("## sovereign-dc residency review of the real preview: ✅ pass")
    assert text.index("**What changes**") < text.index("All 13 resources")
    assert "| aws · cn-northwest-1 | CN |  |  | 1 |  | same 1 |" in text
    assert "| aws · us-east-1 | US |  |  |  | 1 |  |" in text  # a delete abroad: counted, no alarm
    assert "| `aws:s3/bucket:Bucket` dc-replica | replace | `region` | `cn-north-1` | `cn-northwest-1` |" in text
    assert "`tags`" not in text  # free text is not residency-relevant
    failing = render_markdown(review_files([str(FAIL)]))
    assert "| aws · ap-east-1 | HK ❗ |  |  | 1 |  |  |" in failing
    assert "| `aws:s3/bucket:Bucket` moved | replace | `region` | `cn-north-1` | `ap-east-1` |" in failing


# -- bad files ----------------------------------------------------------------------------------

BAD = [
    ("empty.json", "", "is empty, not the output of `pulumi preview --json`"),
    ("text.json", "Previewing update (cn):\n", "is not valid JSON (Expecting value at line 1 column 1)"),
    ("truncated.json", PASS.read_text(encoding="utf-8")[:2000], "is not valid JSON (it ends early (truncated?))"),
    ("list.json", "[]", "is a JSON list, not the output of `pulumi preview --json`"),
    ("other.json", '{"name": "x"}', "has neither `steps` nor `changeSummary`"),
    ("export.json", STATE.read_text(encoding="utf-8"), "is a `pulumi stack export` document, not a preview"),
    ("step.json", '{"steps": [{"urn": "x"}]}', "steps[0]: is not a preview step (it needs a string `op` and `urn`)"),
    (
        "urn.json",
        '{"steps": [{"op": "create", "urn": "bucket", "newState": {}}]}',
        "`urn` is 'bucket', not a Pulumi URN",
    ),
    ("events.jsonl", EVENTS.read_text(encoding="utf-8")[:-300], "is not a JSON engine event"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_preview_files_exit_2_with_one_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    code, out, err = _run(capsys, "--preview", str(path))
    assert (code, out) == (2, "")
    assert message in err
    assert str(path) in err
    assert "Fix:" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


BAD_STATES = [
    (
        "v2.json",
        json.dumps({"version": 2, "deployment": {"manifest": {}}}),
        "has deployment version 2; this review reads version 3",
    ),
    ("none.json", json.dumps({"deployment": {"manifest": {}}}), "has deployment version None"),
    (
        "preview.json",
        PASS.read_text(encoding="utf-8"),
        "is a preview, not a stack export. Fix: review it with --preview",
    ),
    ("nomanifest.json", json.dumps({"version": 3, "deployment": {}}), "`deployment` has no `manifest`"),
    ("truncated.json", STATE.read_text(encoding="utf-8")[:-40], "it ends early (truncated?)"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_STATES, ids=[b[0] for b in BAD_STATES])
def test_bad_state_files_exit_2_with_one_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    code, out, err = _run(capsys, "--state", str(path), "--jurisdiction", "CN")
    assert (code, out) == (2, "")
    assert message in err
    assert "Fix:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--preview", str(PASS), "--stack", "cn"], "--stack/--stacks-dir plan the program under mocks"),
        (["--jurisdiction", "CN"], "--jurisdiction and --stack-file apply to --preview/--state documents only"),
    ],
)
def test_program_and_document_options_do_not_mix(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (2, "")
    assert message in err


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--preview", "no/such/preview.json")
    assert code == 2
    assert "no/such/preview.json: no such file. Fix:" in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(FAIL.read_text(encoding="utf-8"))), which=st.sampled_from(["p", "s"]))
def test_any_prefix_of_a_document_is_judged_or_refused_never_crashes(cut: int, which: str) -> None:
    source = FAIL if which == "p" else STATE
    text = source.read_text(encoding="utf-8")[: cut if which == "p" else cut % (len(STATE.read_text()) + 1)]
    try:
        document = parse_preview(text, "d.json") if which == "p" else parse_state(text, "d.json")
    except DocumentError as exc:
        assert "Fix:" in str(exc)
        return
    review_document(document, "CN")


def test_the_readme_sample_comment_is_generated_from_the_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- sample-pr-comment:start -->\n````markdown\n", 1)[1].split(
        "````\n<!-- sample-pr-comment:end", 1
    )[0]
    expected = render_markdown(review_files(["tests/fixtures/preview-cn-fail.json"]))
    assert block == expected, (
        "README sample is stale: regenerate it with "
        "`python -m components.plan --preview tests/fixtures/preview-cn-fail.json --format markdown`"
    )


def test_a_state_review_takes_jurisdiction_and_register_from_the_stack_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from components.plan.cli import main

    # A stack export carries no config: --stack-file supplies the jurisdiction (and the register).
    cn = Path(__file__).resolve().parents[1] / "stacks" / "Pulumi.cn.yaml"
    assert main(["--state", str(STATE), "--stack-file", str(cn), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["stacks"][0]["jurisdiction"]["code"] == "CN"
    broken = tmp_path / "Pulumi.cn.yaml"
    broken.write_bytes(b"config: {sovereign-dc:jurisdiction: CN\n")
    assert main(["--state", str(STATE), "--stack-file", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "Fix:" in err and "Traceback" not in err
