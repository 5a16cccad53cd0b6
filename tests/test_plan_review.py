"""``python -m components.plan --preview/--state``: real engine documents judged by the one rule engine.

The fixtures in tests/fixtures/ follow pulumi's own types field for field: ``PreviewDigest`` /
``PreviewStep`` with ``apitype.ResourceV3`` states (``pulumi preview --json --show-sames``),
``EngineEvent`` JSON lines with ``StepEventMetadata`` (``--event-log``) and an ``UntypedDeployment``
of version 3 (``pulumi stack export``), with default and explicit providers, unknowns (the engine's
sentinel) and secrets (blinded, ciphertext and plaintext).
"""

from __future__ import annotations

import base64
import copy
import io
import json
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.plan.cli import main
from components.plan.collect import default_site_notes
from components.plan.documents import UNKNOWN, DocumentError
from components.plan.model import ReviewPlan
from components.plan.preview import parse_preview
from components.plan.render_json import render_json
from components.plan.render_markdown import render_markdown
from components.plan.render_text import render_text
from components.plan.review import review_document, review_files
from components.plan.state import parse_state
from components.residency import provenance
from components.residency.engine import ProviderRef, RuleEngine, Subject
from components.simulate import ResourceRecord

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


def test_the_plan_names_the_account_site_judged_for_each_alibaba_provider() -> None:
    # alired54b (stop 54): a reviewer sees which account site (account_type) each Alibaba Cloud provider was judged
    # with, in the text and the JSON (the plan's notes; the offline plan builds them the same way, build_stack_plan).
    document = _json(PASS)
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    unnamed = [n for n in plan.notes if "'dc-ali-primary'" in n]
    assert len(unnamed) == 1 and "names no account site" in unnamed[0]
    for step in document["steps"]:
        if step["urn"].endswith("::dc-ali-primary"):
            step["newState"]["inputs"]["accountType"] = "International"
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    named = [n for n in plan.notes if "'dc-ali-primary'" in n]
    assert named == [
        "Alibaba Cloud provider 'dc-ali-primary' (cn-shanghai) judged with account site 'International' (its "
        "account_type input)."
    ]
    review = ReviewPlan((plan,), "test")
    assert f"  note: {named[0]}" in render_text(review)
    assert named[0] in json.loads(render_json(review))["stacks"][0]["notes"]


def _record55(type_: str, provider: str) -> ResourceRecord:
    return ResourceRecord(type_, "r", f"urn:pulumi:cn::p::{type_}::r", "id", "", provider, True, False, False, "", "",
                          MappingProxyType({}), MappingProxyType({}), "alicloud", "cn-shanghai")  # fmt: skip


@pytest.mark.parametrize(
    ("provider", "config", "runner", "note"),
    [
        ("", {"alicloud:accountType": "International"}, None, "account site 'International' (the stack file's"),
        ("", {}, "International", "account site 'International' (the runner's ALIBABA_CLOUD_ACCOUNT_TYPE)"),
        ("", {"alicloud:accountType": "Domestic"}, "International", "account site 'Domestic' (the stack file's"),
        ("", {}, None, "neither the stack file (alicloud:accountType) nor the runner"),
        ("urn:pulumi:cn::p::pulumi:providers:alicloud::dc::id", {"alicloud:accountType": "International"}, None, None),
    ],
)
def test_the_offline_plan_names_the_default_alibaba_providers_site(
    provider: str, config: dict[str, str], runner: str | None, note: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # alired55 (stop 55): resources on the default Alibaba Cloud provider (refused, RES-002) show which account site
    # that provider would use, from the stack file or the runner; an explicit provider is noted by
    # account_site_notes (alired54b) and adds nothing here.
    if runner is None:
        monkeypatch.delenv("ALIBABA_CLOUD_ACCOUNT_TYPE", raising=False)
    else:
        monkeypatch.setenv("ALIBABA_CLOUD_ACCOUNT_TYPE", runner)
    notes = default_site_notes([_record55("alicloud:oss/bucket:Bucket", provider)], config)
    assert (notes == ()) if note is None else (len(notes) == 1 and note in notes[0] and "RES-002" in notes[0])


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


@pytest.mark.parametrize("beside", [None, "stack-reference", "foreign-bucket", "uncovered-package"])
def test_an_unknown_with_no_recorded_source_is_proven_by_every_step(beside: str | None) -> None:
    """(falsealarm50) A value unknown at a preview comes from a resource the preview creates, updates, replaces or
    reads; an invoke's unknown result names none (`aws.iam.get_policy_document_output` over the stack's own ARNs).
    When every step of the document vouches, the unrecorded source is one of them: the value passes (RES-014 before).
    A step that cannot vouch beside it and is not refused itself (a resource of no covered package) leaves it
    untraced: RES-014, as before.

    stackref54 (stop 54): moved. A StackReference beside it is a read, judged by its values (as a recorded list leaves
    it out since stackref53): passes (RES-014 before; the pack, never given the read nor the invoke, passed). A bucket
    on a provider abroad is refused by its own finding at every door: the document is refused by it, with no RES-014
    beside (RES-014 and RES-001 before; the pack said RES-001 alone)."""
    document = _json(PASS)
    for step in document["steps"]:
        if step["urn"].endswith("::dc-data-policy"):
            step["newState"].pop("propertyDependencies")
            step["newState"].pop("dependencies")
    if beside == "stack-reference":
        urn = f"{STACK_URN}pulumi:pulumi:StackReference::network"
        state = {"urn": urn, "custom": True, "type": "pulumi:pulumi:StackReference", "id": "org/network/cn",
                 "external": True, "inputs": {"name": "org/network/cn"}}  # fmt: skip
        document["steps"].append({"op": "read", "urn": urn, "newState": state})
    elif beside == "foreign-bucket":
        provider = f"{STACK_URN}pulumi:providers:aws::abroad"
        document["steps"].append(
            {
                "op": "create",
                "urn": provider,
                "newState": {
                    "urn": provider,
                    "custom": True,
                    "type": "pulumi:providers:aws",
                    "inputs": {"region": "us-east-1"},
                },
            }
        )
        urn = f"{STACK_URN}aws:s3/bucket:Bucket::us-logs"
        document["steps"].append({"op": "create", "urn": urn, "provider": f"{provider}::{UNKNOWN}", "newState": {
            "urn": urn, "custom": True, "type": "aws:s3/bucket:Bucket", "inputs": {"bucket": "fleet-us-logs"},
            "provider": f"{provider}::{UNKNOWN}"}})  # fmt: skip
    elif beside == "uncovered-package":
        urn = f"{STACK_URN}kubernetes:core/v1:ConfigMap::settings"
        state = {"urn": urn, "custom": True, "type": "kubernetes:core/v1:ConfigMap", "inputs": {"data": {"a": "b"}}}
        document["steps"].append({"op": "create", "urn": urn, "newState": state})
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    untraced = [v for v in plan.violations if v.rule == "RES-014"]
    if beside in (None, "stack-reference"):
        assert plan.verdict == "pass", [v.message for v in plan.violations]
        return
    if beside == "foreign-bucket":
        assert untraced == [] and plan.violations, [v.message for v in plan.violations]
        assert {v.rule for v in plan.violations} == {"RES-001"}
        return
    assert [(v.resource_name, v.path) for v in untraced] == [("dc-data-policy", "policy")]
    assert "the document records no resource it is computed from" in untraced[0].message


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


def _shared_sources_preview() -> dict[str, Any]:
    """Two bucket policies, each with two inputs unknown at preview computed from the same two buckets: one in CN, one
    on a provider in us-east-1."""
    home, abroad = f"{STACK_URN}pulumi:providers:aws::cn", f"{STACK_URN}pulumi:providers:aws::us"
    good, bad = f"{STACK_URN}aws:s3/bucket:Bucket::good", f"{STACK_URN}aws:s3/bucket:Bucket::us-logs"
    states = [
        {"urn": home, "custom": True, "type": "pulumi:providers:aws", "inputs": {"region": "cn-north-1"}},
        {"urn": abroad, "custom": True, "type": "pulumi:providers:aws", "inputs": {"region": "us-east-1"}},
        {"urn": good, "custom": True, "type": "aws:s3/bucket:Bucket", "provider": f"{home}::p1",
         "inputs": {"bucket": "good"}},
        {"urn": bad, "custom": True, "type": "aws:s3/bucket:Bucket", "provider": f"{abroad}::p2",
         "inputs": {"bucket": "us-logs"}},
        *[
            {"urn": f"{STACK_URN}aws:s3/bucketPolicy:BucketPolicy::{name}", "custom": True,
             "type": "aws:s3/bucketPolicy:BucketPolicy", "provider": f"{home}::p1",
             "inputs": {"bucket": UNKNOWN, "policy": UNKNOWN}, "dependencies": [good, bad],
             "propertyDependencies": {"bucket": [good, bad], "policy": [good, bad]}}
            for name in ("a", "b")
        ],
    ]  # fmt: skip
    steps = [{"op": "create", "urn": s["urn"], "provider": s.get("provider", ""), "newState": s} for s in states]
    return {"config": {"sovereign-dc:jurisdiction": "CN"}, "steps": steps}


def test_a_review_judges_each_source_and_each_resources_unknowns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop 41: each source of unknown values is judged once per document (the unchanged review judged it for every
    input of every resource computed from it: 8 judgements here), and what a resource leaves unknown once (the
    unchanged review judged it twice); every unknown input is still refused for the foreign source alone. perf64 (stop
    64): the provenance pass reads the inputs' judgement (with `known`) and judges nothing itself."""
    judged: list[str] = []
    deferred: list[str] = []
    reason, check = provenance.untrusted_reason, RuleEngine.check

    def counted(engine: Any, source: Any, defer: Any) -> Any:
        judged.append(source.name)
        return reason(engine, source, defer)

    def counted_check(self: RuleEngine, subject: Subject, **kwargs: Any) -> Any:
        if subject.type.endswith("BucketPolicy"):  # perf64: with or without `known`, each judged once in all
            deferred.append(subject.name)
        return check(self, subject, **kwargs)

    monkeypatch.setattr(provenance, "untrusted_reason", counted)
    monkeypatch.setattr(RuleEngine, "check", counted_check)
    plan = review_document(parse_preview(json.dumps(_shared_sources_preview()), "p.json"))
    assert sorted(judged) == ["good", "us-logs"]
    assert sorted(deferred) == ["a", "b"]
    assert sorted((v.rule, v.resource_name, v.path) for v in plan.violations) == [
        ("RES-001", "us", "region"),
        *[("RES-014", name, key) for name in ("a", "b") for key in ("bucket", "policy")],
    ]
    for v in plan.violations[1:]:
        assert "is computed from 2 resource(s): aws:s3/bucket:Bucket 'us-logs' is not in CN: [RES-001]" in v.message
        assert "'good'" not in v.message


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
        "has deployment version 2; this review reads versions 3 and 4",
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


# Windows PowerShell's `pulumi preview --json > preview.json` writes UTF-16 with a byte-order mark, and
# PowerShell 7 / Notepad may write UTF-8 with one: the same document, so it is judged the same.
@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")]
)
@pytest.mark.parametrize("option", ["--preview", "--state"])
def test_a_document_saved_with_a_byte_order_mark_is_judged_as_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes, option: str
) -> None:
    source = PASS if option == "--preview" else STATE
    extra = [] if option == "--preview" else ["--jurisdiction", "CN"]
    expected = _run(capsys, option, str(source), *extra, "--format", "json")
    marked = tmp_path / source.name
    marked.write_bytes(bom + source.read_text(encoding="utf-8").encode(encoding))
    code, out, err = _run(capsys, option, str(marked), *extra, "--format", "json")
    assert (code, out.replace(str(marked), str(source)), err) == expected


def test_a_document_that_is_not_utf8_names_the_byte_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "preview.json"
    path.write_bytes(b'{"steps": [], "config": {"x": "caf\xe9"}}')
    code, out, err = _run(capsys, "--preview", str(path))
    assert (code, out) == (2, "")
    assert f"{path}: is not UTF-8 text (byte 0xe9 at offset 34, line 1)" in err
    assert "Fix: save the output of `pulumi preview --json` as UTF-8" in err
    assert "codec" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "shown"), [("null", "JSON null"), ("42", "JSON number"), ('"x"', "JSON string"), ("true", "JSON boolean")]
)
def test_a_document_that_is_not_an_object_names_its_json_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, shown: str
) -> None:
    path = _write(tmp_path, "preview.json", text)
    code, _, err = _run(capsys, "--preview", str(path))
    assert code == 2
    assert f"{path}: is a {shown}, not the output of `pulumi preview --json`" in err
    code, _, err = _run(capsys, "--state", str(path), "--jurisdiction", "CN")
    assert code == 2
    assert f"{path}: is a {shown}, not the output of `pulumi stack export`" in err
    steps = _write(tmp_path, "steps.json", '{"steps": null}')
    _, _, err = _run(capsys, "--preview", str(steps))
    assert "`steps` is JSON null, not a list" in err


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


@pytest.mark.parametrize("option", ["--preview", "--state", "--baseline", "--stack-file"])
def test_output_never_overwrites_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str) -> None:
    # `--preview preview.json --output preview.json` used to replace the engine's document with the report.
    stacks = Path(__file__).resolve().parents[1] / "stacks"
    baseline = tmp_path / "main-plan.json"
    assert main(["--preview", str(PASS), "--format", "json", "--output", str(baseline)]) == 0
    files = {"--preview": PASS, "--state": STATE, "--baseline": baseline, "--stack-file": stacks / "Pulumi.cn.yaml"}
    copy_of = tmp_path / f"input-{files[option].name}"
    copy_of.write_bytes(files[option].read_bytes())
    argv = {
        "--preview": ["--preview", str(copy_of)],
        "--state": ["--state", str(copy_of), "--jurisdiction", "CN"],
        "--baseline": ["--preview", str(PASS), "--baseline", str(copy_of)],
        "--stack-file": ["--state", str(STATE), "--stack-file", str(copy_of)],
    }[option]
    capsys.readouterr()
    code, out, err = _run(capsys, *argv, "--output", str(copy_of))
    assert (code, out) == (2, "")
    assert f"{copy_of}: --output is the same file as {option} {copy_of}, so writing the report would destroy it" in err
    assert copy_of.read_bytes() == files[option].read_bytes()


def test_the_plan_never_writes_its_report_over_a_stack_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = tmp_path / "stacks"
    stacks.mkdir()
    (tmp_path / "Pulumi.yaml").write_text("name: x\nruntime: python\n", encoding="utf-8")
    (tmp_path / "__main__.py").write_text("", encoding="utf-8")
    stack = stacks / "Pulumi.cn.yaml"
    stack.write_text("config: {}\n", encoding="utf-8")
    code, _, err = _run(capsys, "--stacks-dir", str(stacks), "--output", str(stack))
    assert code == 2 and "--output is the same file as (the stack file)" in err
    assert stack.read_text(encoding="utf-8") == "config: {}\n"


def test_a_stack_file_that_disagrees_with_the_preview_is_refused_not_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A preview carries its own config, so --stack-file used to be ignored without a word: a reviewer who passed
    # another stack's file believed its jurisdiction and register applied.
    stacks = Path(__file__).resolve().parents[1] / "stacks"
    code, out, err = _run(capsys, "--preview", str(PASS), "--stack-file", str(stacks / "Pulumi.us.yaml"))
    assert (code, out) == (2, "")
    assert (
        f"{PASS}: the document's config says `sovereign-dc:jurisdiction` is 'CN' but --stack-file "
        f"{stacks / 'Pulumi.us.yaml'} says 'US'. Fix: pass the stack file of the stack this preview was made from, "
        "or drop --stack-file (a preview carries its own config)."
    ) in err
    assert _run(capsys, "--preview", str(PASS), "--stack-file", str(stacks / "Pulumi.cn.yaml"))[0] == 0


# -- the engine's shapes the review must read (pulumi sources cited per shape) ------------------------

AWS_PROVIDER = f"{STACK_URN}pulumi:providers:aws::home"
AWS_PROVIDER_REF = f"{AWS_PROVIDER}::4b6e2a2f-6a55-4d8e-9b1f-0f3c1d2e9a11"
VAULT = f"{STACK_URN}aws:s3/bucket:Bucket::vault"
FOREIGN_COPY = "arn:aws:s3:::vault-copy-us"
HOME_COPY = "arn:aws-cn:s3:::vault-copy-cn"


def _replication(destination: Any) -> dict[str, Any]:
    return {
        "role": "arn:aws-cn:iam::111122223333:role/replication",
        "rules": [{"destination": {"bucket": destination}, "status": "Enabled"}],
    }


def _provider_state() -> dict[str, Any]:
    """An explicit aws provider as ResourceV3 (sdk/go/common/apitype/core.go)."""
    return {
        "urn": AWS_PROVIDER,
        "custom": True,
        "id": AWS_PROVIDER_REF.rsplit("::", 1)[1],
        "type": "pulumi:providers:aws",
        "inputs": {"region": "cn-north-1", "version": "7.11.0"},
        "outputs": {"region": "cn-north-1", "version": "7.11.0"},
    }


def _vault_state(**outputs: Any) -> dict[str, Any]:
    """A bucket as ResourceV3, its outputs as the provider reported them."""
    return {
        "urn": VAULT,
        "custom": True,
        "id": "vault-1a2b3c",
        "type": "aws:s3/bucket:Bucket",
        "inputs": {"bucket": "vault-1a2b3c"},
        "outputs": {"arn": "arn:aws-cn:s3:::vault-1a2b3c", "bucket": "vault-1a2b3c", "region": "cn-north-1", **outputs},
        "provider": AWS_PROVIDER_REF,
        "created": "2026-11-20T09:14:03.118223Z",
        "modified": "2026-11-28T16:41:55.902114Z",
    }


def _export(*resources: dict[str, Any], version: int = 3, features: list[str] | None = None, **more: Any) -> str:
    """`pulumi stack export`: an UntypedDeployment (core.go) as SerializeDeploymentWithMetadata writes it
    (pkg/resource/stack/deployment.go: version 4 and the features used when a resource needs one)."""
    manifest = {"time": "2026-12-01T00:00:00Z", "magic": "0" * 64, "version": "v3.272.0"}
    document: dict[str, Any] = {"version": version}
    if features:
        document["features"] = features
    document["deployment"] = {"manifest": manifest, "resources": list(resources), **more}
    return json.dumps(document)


def _state_findings(text: str) -> set[tuple[str, str, str]]:
    plan = review_document(parse_state(text, "state.json"), "CN")
    return {(v.rule, v.resource_name, v.path) for v in plan.violations}


def test_a_version_4_export_with_the_engines_features_is_read_and_judged() -> None:
    # deployment.go ApplyFeatures: a resource with refreshBeforeUpdate / taint / replaceWith / hooks makes the engine
    # write version 4 with `features`; every current CLI writes it. The review refused it as "too old".
    vault = _vault_state()
    vault |= {"refreshBeforeUpdate": True, "taint": True, "replaceWith": [AWS_PROVIDER],
              "resourceHooks": {"before_create": ["audit"]}}  # fmt: skip
    features = ["hooks", "refreshBeforeUpdate", "replaceWith", "taint"]
    assert _state_findings(_export(_provider_state(), vault, version=4, features=features)) == set()
    # Read, not waved through: the same version-4 export with a foreign destination is refused.
    leaky = vault | {"outputs": {**vault["outputs"], "replicationConfiguration": _replication(FOREIGN_COPY)}}
    assert _state_findings(_export(_provider_state(), leaky, version=4, features=features)) == {
        ("RES-004", "vault", "outputs.replicationConfiguration.rules[0].destination.bucket")
    }


def test_an_export_using_a_feature_the_review_does_not_know_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "state.json", _export(_provider_state(), version=4, features=["taint", "teleport"]))
    code, out, err = _run(capsys, "--state", str(path), "--jurisdiction", "CN")
    assert (code, out) == (2, "")
    assert f"{path}: uses deployment feature(s) teleport that this review does not know" in err
    assert "Fix:" in err and "Traceback" not in err
    # Version 3 never carries features the engine reads (UntypedDeployment: "only looked at when Version is 4").
    assert _state_findings(_export(_provider_state(), version=3, features=["teleport"])) == set()


def _byte_string(raw: bytes) -> dict[str, str]:
    # sig.ByteString (sdk/go/common/resource/sig/sig.go), as SerializePropertyValue writes a non-UTF-8 string.
    return {"4dabf18193072939515e22adb298388d": "803fd3297a5875dc03ca845dda5d2a98",
            "value": base64.b64encode(raw).decode()}  # fmt: skip


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        (FOREIGN_COPY, {("RES-004", "vault", "outputs.replicationConfiguration.rules[0].destination.bucket")}),
        (HOME_COPY, set()),
    ],
)
def test_a_byte_string_is_judged_as_the_text_it_holds(destination: str, expected: set[Any]) -> None:
    vault = _vault_state(replicationConfiguration=_replication(_byte_string(destination.encode() + b"\xff")))
    assert _state_findings(_export(_provider_state(), vault, version=4, features=["byteString"])) == expected


def test_special_numbers_and_unreadable_byte_strings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # floatSignature (deployment.go) for NaN and infinities: read as the number.
    nan = {"4dabf18193072939515e22adb298388d": "8ad145fe-0d11-4827-bfd7-1abcbf086f5c", "value": "7ff8000000000000"}
    assert _state_findings(_export(_provider_state(), _vault_state(score=nan))) == set()
    unreadable = {"4dabf18193072939515e22adb298388d": "803fd3297a5875dc03ca845dda5d2a98", "value": "not base64!"}
    broken = _vault_state(replicationConfiguration=_replication(unreadable))
    path = _write(tmp_path, "state.json", _export(_provider_state(), broken, version=4, features=["byteString"]))
    code, out, err = _run(capsys, "--state", str(path), "--jurisdiction", "CN")
    assert (code, out) == (2, "")
    assert f"{path}: deployment.resources[1]: {VAULT} holds a byte string whose `value` is not base64" in err
    assert "Fix:" in err and "Traceback" not in err


@settings(max_examples=50, deadline=None)
@given(text=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1), junk=st.binary(max_size=4))
def test_a_byte_string_keeps_every_readable_character(text: str, junk: bytes) -> None:
    from components.plan.documents import plain

    assert text in plain(_byte_string(junk + b"\xff" + text.encode() + b"\xfe" + junk))


def _pending(kind: str, destination: str) -> dict[str, Any]:
    # apitype.OperationV2 (core.go): the state the engine used to start the operation, and its OperationType.
    archive = _vault_state() | {"urn": VAULT.replace("::vault", "::archive"), "outputs": {}}
    del archive["id"]
    archive["inputs"] = {"bucket": "archive-1a2b3c", "replicationConfiguration": _replication(destination)}
    return {"resource": archive, "type": kind}


@pytest.mark.parametrize(
    ("kind", "destination", "expected"),
    [
        ("creating", FOREIGN_COPY, {("RES-004", "archive", "replicationConfiguration.rules[0].destination.bucket")}),
        ("updating", FOREIGN_COPY, {("RES-004", "archive", "replicationConfiguration.rules[0].destination.bucket")}),
        ("creating", HOME_COPY, set()),
        ("deleting", FOREIGN_COPY, set()),  # removing a resource moves no data
    ],
)
def test_resources_of_pending_operations_are_judged(kind: str, destination: str, expected: set[Any]) -> None:
    # An interrupted `up` leaves `pending_operations` (DeploymentV3): the resource may exist in the cloud.
    text = _export(_provider_state(), _vault_state(), pending_operations=[_pending(kind, destination)])
    assert _state_findings(text) == expected
    plan = review_document(parse_state(text, "state.json"), "CN")
    if kind != "deleting":
        assert any("pending_operations: " + kind in n for n in plan.notes)
        assert sum(r.name == "archive" for r in plan.resources) == 1


def test_a_malformed_pending_operation_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "state.json", _export(_provider_state(), pending_operations=[{"type": "creating"}]))
    code, out, err = _run(capsys, "--state", str(path), "--jurisdiction", "CN")
    assert (code, out) == (2, "")
    assert f"{path}: deployment.pending_operations[0]: is not a pending operation" in err
    assert "Fix:" in err and "Traceback" not in err


def _digest(*steps: dict[str, Any]) -> str:
    """`pulumi preview --json`: a PreviewDigest of PreviewSteps (pkg/display/json.go)."""
    return json.dumps({"config": {"sovereign-dc:jurisdiction": "CN"}, "steps": list(steps)})


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        (FOREIGN_COPY, {("RES-004", "vault", "outputs.replicationConfiguration.rules[0].destination.bucket")}),
        (HOME_COPY, set()),
    ],
)
def test_a_refreshed_state_in_a_preview_is_judged_on_its_outputs(destination: str, expected: set[Any]) -> None:
    # `pulumi preview --refresh --json`: ShowPreviewDigest (pkg/backend/display/json.go) swaps a refresh step for the
    # outputs event's step (op update, the refreshed state): replication added outside the program shows only there.
    provider = {"op": "same", "urn": AWS_PROVIDER, "oldState": _provider_state(), "newState": _provider_state()}
    refreshed = _vault_state(replicationConfiguration=_replication(destination))
    step = {"op": "update", "urn": VAULT, "provider": AWS_PROVIDER_REF, "oldState": _vault_state(),
            "newState": refreshed, "diffReasons": ["replicationConfiguration"],
            "detailedDiff": {"replicationConfiguration": {"kind": "add", "inputDiff": False}}}  # fmt: skip
    plan = review_document(parse_preview(_digest(provider, step), "preview.json"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == expected


def _events(*metadata: tuple[str, dict[str, Any]]) -> str:
    """`--event-log`: one EngineEvent per line (sdk/go/common/apitype/events.go)."""
    lines = [{"sequence": 0, "timestamp": 1764590400, "preludeEvent": {"config": {"sovereign-dc:jurisdiction": "CN"}}}]
    lines += [
        {"sequence": i, "timestamp": 1764590400 + i, kind: {"metadata": m}} for i, (kind, m) in enumerate(metadata, 1)
    ]
    # Every run's log ends with its summaryEvent, failed or not.
    summary = {"maybeCorrupt": False, "durationSeconds": 4, "resourceChanges": {}, "PolicyPacks": {},
               "isPreview": True, "result": "succeeded"}  # fmt: skip
    lines.append({"sequence": len(lines), "timestamp": 1764590499, "summaryEvent": summary})
    return "\n".join(json.dumps(line) for line in lines) + "\n"


def _step_metadata(op: str, urn: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any]:
    # StepEventMetadata with StepEventStateMetadata (events.go): no dependencies, no importID.
    def state(s: dict[str, Any] | None) -> dict[str, Any] | None:
        keys = ("type", "urn", "custom", "id", "parent", "inputs", "outputs", "provider")
        return None if s is None else {k: s.get(k, "") for k in keys}

    provider = (new or old or {}).get("provider", "")
    return {"op": op, "urn": urn, "type": (new or old or {})["type"], "old": state(old), "new": state(new),
            "detailedDiff": None, "provider": provider}  # fmt: skip


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        (FOREIGN_COPY, {("RES-004", "vault", "outputs.replicationConfiguration.rules[0].destination.bucket")}),
        (HOME_COPY, set()),
    ],
)
def test_an_event_logs_refreshed_state_is_judged(destination: str, expected: set[Any]) -> None:
    # A refresh's resourcePreEvent carries the state before it (NewRefreshStep: new = old); the refreshed state is in
    # its resOutputsEvent, whose op is the refresh's result (RefreshStep.ResultOp: update, same or delete).
    vault, refreshed = _vault_state(), _vault_state(replicationConfiguration=_replication(destination))
    text = _events(
        ("resourcePreEvent", _step_metadata("same", AWS_PROVIDER, _provider_state(), _provider_state())),
        ("resourcePreEvent", _step_metadata("refresh", VAULT, vault, vault)),
        ("resOutputsEvent", _step_metadata("update", VAULT, vault, refreshed)),
    )
    plan = review_document(parse_preview(text, "events.jsonl"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == expected
    assert {r.name: r.operation for r in plan.resources}["vault"] == "update"


def test_a_judged_step_without_its_new_state_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Only steps that remove a resource have no new state (step.go); the digest drops one it cannot serialise
    # (json.go getPreviewMetadataStep). The old state is not what an update makes: judging it would pass unseen values.
    update = {"op": "update", "urn": VAULT, "provider": AWS_PROVIDER_REF, "oldState": _vault_state()}
    path = _write(tmp_path, "preview.json", _digest(update))
    code, out, err = _run(capsys, "--preview", str(path))
    assert (code, out) == (2, "")
    assert f"{path}: steps[0]: step update of {VAULT} has no `newState`" in err
    assert "Fix:" in err and "Traceback" not in err
    # A delete has only its old state, and is read (never judged: removing moves no data).
    delete = {"op": "delete", "urn": VAULT, "provider": AWS_PROVIDER_REF,
              "oldState": _vault_state(replicationConfiguration=_replication(FOREIGN_COPY))}  # fmt: skip
    assert review_document(parse_preview(_digest(delete), "preview.json")).violations == ()


VIEW = f"{STACK_URN}aws:s3/bucket:Bucket$aws:s3/bucketReplication:BucketReplication::vault-repl"


def _view(destination: str) -> dict[str, Any]:
    # A view (resource_status.go): custom false, no provider, its parent and viewOf the resource its provider reported
    # it for; the engine writes version 4 with the `views` feature (deployment.go ApplyFeatures).
    rules = [{"destination": {"bucket": destination}, "status": "Enabled"}]
    return {"urn": VIEW, "custom": False, "type": "aws:s3/bucketReplication:BucketReplication", "viewOf": VAULT,
            "parent": VAULT, "outputs": {"rules": rules}}  # fmt: skip


@pytest.mark.parametrize(
    ("destination", "expected"),
    [(FOREIGN_COPY, {("RES-004", "vault-repl", "outputs.rules[0].destination.bucket")}), (HOME_COPY, set())],
)
def test_a_view_is_judged_as_a_resource_of_its_viewed_resources_provider(destination: str, expected: set[Any]) -> None:
    text = _export(_provider_state(), _vault_state(), _view(destination), version=4, features=["views"])
    assert _state_findings(text) == expected
    (view,) = [r for r in review_document(parse_state(text, "state.json"), "CN").resources if r.name == "vault-repl"]
    assert (view.cloud, view.region) == ("aws", "cn-north-1")


def test_a_view_of_a_resource_the_document_does_not_hold_is_refused() -> None:
    # A preview without --show-sames leaves out the unchanged resource a view belongs to: its provider is unknown.
    step = {"op": "create", "urn": VIEW, "newState": _view(HOME_COPY)}
    plan = review_document(parse_preview(_digest(step), "preview.json"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == {("RES-012", "vault-repl", "viewOf")}


ALIAS = f"{STACK_URN}aws:kms/alias:Alias::vault-key"


def _alias_state(alias_id: str) -> dict[str, Any]:
    return {"urn": ALIAS, "custom": True, "id": alias_id, "type": "aws:kms/alias:Alias", "provider": AWS_PROVIDER_REF,
            "inputs": {"name": "alias/vault-key"}, "outputs": {}}  # fmt: skip


@pytest.mark.parametrize(
    ("alias_id", "expected"),
    [
        # StepEventStateMetadata (events.go) has no importID; the id is empty until the engine has read the resource.
        ("", {("RES-010", "vault-key", "importID")}),
        ("arn:aws:kms:us-east-1:111122223333:alias/vault-key", {("RES-010", "vault-key", "import")}),
        ("arn:aws-cn:kms:cn-north-1:111122223333:alias/vault-key", set()),
    ],
)
def test_an_event_log_import_is_judged_on_the_id_it_records_or_refused(alias_id: str, expected: set[Any]) -> None:
    text = _events(
        ("resourcePreEvent", _step_metadata("same", AWS_PROVIDER, _provider_state(), _provider_state())),
        ("resourcePreEvent", _step_metadata("import", ALIAS, None, _alias_state(alias_id))),
    )
    plan = review_document(parse_preview(text, "events.jsonl"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == expected
    # The digest's newState is a ResourceV3, which records importID (core.go): judged from it.
    adopted = _alias_state("") | {"importID": "arn:aws-cn:kms:cn-north-1:111122223333:alias/vault-key"}
    step = {"op": "import", "urn": ALIAS, "provider": AWS_PROVIDER_REF, "newState": adopted}
    provider = {"op": "same", "urn": AWS_PROVIDER, "oldState": _provider_state(), "newState": _provider_state()}
    assert review_document(parse_preview(_digest(provider, step), "preview.json")).violations == ()


def _one_bucket_log() -> list[str]:
    vault = _vault_state()
    return _events(
        ("resourcePreEvent", _step_metadata("same", AWS_PROVIDER, _provider_state(), _provider_state())),
        ("resourcePreEvent", _step_metadata("create", VAULT, None, vault)),
    ).splitlines()


def _diagnostic(severity: str) -> str:
    event = {"urn": "", "message": "Program failed with an unhandled exception:\n  KeyError: 'archive'\n",
             "color": "never", "severity": severity}  # fmt: skip
    return json.dumps({"sequence": 90, "timestamp": 1764590450, "diagnosticEvent": event})


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda lines: lines[:-1], "ends before the engine's summaryEvent"),  # cut at a line boundary
        (lambda lines: [*lines[:-1], _diagnostic("error"), lines[-1]], "the engine reported an error: Program failed"),
        (lambda lines: [*lines[:-1], lines[-1].replace('"succeeded"', '"failed"')], "summaryEvent says it failed"),
        (lambda lines: [*lines[:-1], '{"sequence": 91, "timestamp": 1, "cancelEvent": {}}', lines[-1]], "cancelled"),
    ],
    ids=["cut", "error", "failed", "cancelled"],
)
def test_an_event_log_of_an_unfinished_run_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Any, message: str
) -> None:
    # A program that fails half-way registers only some resources: the log of what it reached is not the stack.
    path = _write(tmp_path, "events.jsonl", "\n".join(edit(_one_bucket_log())) + "\n")
    code, out, err = _run(capsys, "--preview", str(path))
    assert (code, out) == (2, "")
    assert message in err and str(path) in err
    assert "Fix:" in err and "Traceback" not in err


def test_an_event_log_of_a_finished_run_with_warnings_is_judged() -> None:
    lines = _one_bucket_log()
    text = "\n".join([*lines[:-1], _diagnostic("warning"), lines[-1]]) + "\n"
    assert review_document(parse_preview(text, "events.jsonl")).verdict == "pass"


@pytest.mark.parametrize(("severity", "refused"), [("error", True), ("warning", False)])
def test_a_failed_preview_digest_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], severity: str, refused: bool
) -> None:
    # ShowPreviewDigest (pkg/backend/display/json.go) prints the steps reached and the error as a PreviewDiagnostic.
    document = json.loads(_digest({"op": "same", "urn": AWS_PROVIDER, "newState": _provider_state()}))
    message = "Program failed with an unhandled exception:\n  KeyError: 'archive'\n"
    document["diagnostics"] = [{"urn": f"{STACK_URN}pulumi:pulumi:Stack::sovereign-dc-cn", "severity": severity,
                                "message": message}]  # fmt: skip
    path = _write(tmp_path, "preview.json", document)
    code, out, err = _run(capsys, "--preview", str(path))
    if refused:
        assert (code, out) == (2, "")
        assert f"{path}: diagnostics[0]: the preview failed: Program failed with an unhandled exception" in err
        assert "Fix:" in err and "Traceback" not in err
    else:
        assert code == 0, err


def test_a_refresh_that_found_a_view_gone_is_a_removal() -> None:
    # A provider publishes a view's refresh with no new state when the view is gone (resource_status.go ViewStep):
    # nothing is made, so it is read as a removal, not refused for lacking a new state, and not judged.
    provider = {"op": "same", "urn": AWS_PROVIDER, "oldState": _provider_state(), "newState": _provider_state()}
    vault = {"op": "same", "urn": VAULT, "provider": AWS_PROVIDER_REF, "oldState": _vault_state(),
             "newState": _vault_state()}  # fmt: skip
    gone = {"op": "refresh", "urn": VIEW, "oldState": _view(FOREIGN_COPY)}
    plan = review_document(parse_preview(_digest(provider, vault, gone), "preview.json"))
    assert (plan.verdict, {c.name: c.op for c in plan.changes}["vault-repl"]) == ("pass", "delete")


def test_replacement_steps_are_judged_and_the_resource_listed_once() -> None:
    # `--show-replacement-steps` splits a replace into create-replacement, replace and delete-replaced steps of one URN
    # (display.go shouldShow); each is read, the resource is listed once, with its last judged step's op.
    provider = {"op": "same", "urn": AWS_PROVIDER, "oldState": _provider_state(), "newState": _provider_state()}
    old, new = _vault_state(), _vault_state(replicationConfiguration=_replication(HOME_COPY))
    steps = [
        {"op": op, "urn": VAULT, "provider": AWS_PROVIDER_REF, "oldState": old, "newState": new}
        for op in ("create-replacement", "replace")
    ]
    steps.append({"op": "delete-replaced", "urn": VAULT, "provider": AWS_PROVIDER_REF, "oldState": old})
    plan = review_document(parse_preview(_digest(provider, *steps), "preview.json"))
    assert plan.verdict == "pass"
    assert [(r.name, r.operation) for r in plan.resources if r.name == "vault"] == [("vault", "replace")]
    foreign = _vault_state(replicationConfiguration=_replication(FOREIGN_COPY))
    steps[0]["newState"] = steps[1]["newState"] = foreign
    plan = review_document(parse_preview(_digest(provider, *steps), "preview.json"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == {
        ("RES-004", "vault", "outputs.replicationConfiguration.rules[0].destination.bucket")
    }


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        (FOREIGN_COPY, {("RES-004", "vault", "outputs.replicationConfiguration.rules[0].destination.bucket")}),
        (HOME_COPY, set()),
    ],
)
def test_a_digests_displayed_byte_string_is_judged_as_its_text(destination: str, expected: set[Any]) -> None:
    # `pulumi preview --json` writes a non-UTF-8 string as b"<base64>" (byteStringDisplay, pkg/backend/display/json.go).
    shown = 'b"' + base64.b64encode(destination.encode() + b"\xff").decode() + '"'
    provider = {"op": "same", "urn": AWS_PROVIDER, "oldState": _provider_state(), "newState": _provider_state()}
    step = {"op": "same", "urn": VAULT, "provider": AWS_PROVIDER_REF, "oldState": _vault_state(),
            "newState": _vault_state(replicationConfiguration=_replication(shown))}  # fmt: skip
    plan = review_document(parse_preview(_digest(provider, step), "preview.json"))
    assert {(v.rule, v.resource_name, v.path) for v in plan.violations} == expected


def test_a_literal_string_shaped_like_displayed_bytes_stays_as_written() -> None:
    from components.plan.preview import _displayed_bytes

    # Only bytes that are not UTF-8 are displayed as b"...": a program's own such string (UTF-8 inside) is its text.
    assert _displayed_bytes({"note": 'b"aGVsbG8="', "x": ['b"/w=="']}) == {"note": 'b"aGVsbG8="', "x": ["\ufffd"]}
    assert _displayed_bytes('b"not base64!"') == 'b"not base64!"'


def _eu_read_bucket_export(external: bool) -> str:
    provider = _provider_state() | {"inputs": {"region": "eu-central-1"}, "outputs": {"region": "eu-central-1"}}
    bucket_urn = f"{STACK_URN}aws:s3/bucketV2:BucketV2::partner-archive"
    name = "partner-trip-archive"
    bucket = {
        "urn": bucket_urn, "custom": True, "id": name, "type": "aws:s3/bucketV2:BucketV2",
        "inputs": {} if external else {"bucket": name},
        "outputs": {"arn": f"arn:aws:s3:::{name}", "bucket": name, "id": name, "region": "eu-central-1"},
        "provider": AWS_PROVIDER_REF, **({"external": True} if external else {}),
    }  # fmt: skip
    env = {"variables": {"EXPORT_BUCKET": name}}
    function = {
        "urn": f"{STACK_URN}aws:lambda/function:Function::exporter", "custom": True, "id": "exporter",
        "type": "aws:lambda/function:Function",
        "inputs": {"environment": env, "role": "arn:aws:iam::111122223333:role/exporter"},
        "outputs": {"environment": env, "arn": "arn:aws:lambda:eu-central-1:111122223333:function:exporter"},
        "provider": AWS_PROVIDER_REF, "dependencies": [bucket_urn],
        "propertyDependencies": {"environment": [bucket_urn]},
    }  # fmt: skip
    return _export(provider, bucket, function)


def test_a_bucket_the_program_only_reads_proves_nothing_in_a_state() -> None:
    # made-by-this-stack review (stop 35): `BucketV2.get("partner-archive", name)` is `external` in a state; its name
    # and outputs are no bucket this stack made (the partner's, in any region), so a function given its name is refused.
    def findings(external: bool) -> set[tuple[str, str]]:
        plan = review_document(parse_state(_eu_read_bucket_export(external), "state.json"), "EU")
        return {(v.rule, v.resource_name) for v in plan.violations}

    assert ("RES-017", "exporter") in findings(True)
    assert findings(False) == set()


# -- perf63: outputs that are the inputs are judged once -----------------------------------------------------------


def _replica_state(tmp_path: Path, *, reordered: bool) -> Path:
    """The CN state with the replica bucket replicating to a US bucket, its outputs the very inputs (a provider that
    computes nothing reports them so, as every provider resource of a state does), or the same map in another key
    order (``reordered``: not the same subject, strictly; judged again)."""
    export = _json(STATE)
    replica = next(r for r in export["deployment"]["resources"] if r["urn"].endswith("::dc-replica"))
    replica["inputs"] = {
        "bucket": "dc-replica",
        "replicationConfiguration": {
            "role": "arn:aws-cn:iam::111122223333:role/replication",
            "rules": [{"destination": {"bucket": "arn:aws:s3:::dc-replica-us"}, "status": "Enabled"}],
        },
    }
    outputs = copy.deepcopy(replica["inputs"])
    replica["outputs"] = dict(reversed(list(outputs.items()))) if reordered else outputs
    return _write(tmp_path, "state.json", export)


@pytest.mark.parametrize("reordered", [False, True], ids=["same", "reordered"])
def test_perf63_outputs_that_are_the_inputs_are_judged_once_with_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reordered: bool
) -> None:
    path = _replica_state(tmp_path, reordered=reordered)
    judged: list[str] = []
    check = RuleEngine.check

    def counted_check(self: RuleEngine, subject: Subject, **kwargs: Any) -> Any:
        judged.append(subject.name)
        return check(self, subject, **kwargs)

    monkeypatch.setattr(RuleEngine, "check", counted_check)
    plan = review_files(states=[str(path)], jurisdiction="CN")
    where = "replicationConfiguration.rules[0].destination.bucket"
    assert sorted((v.rule, v.resource_name, v.path) for v in plan.stacks[0].violations) == [
        ("RES-004", "dc-replica", f"outputs.{where}"),
        ("RES-004", "dc-replica", where),
    ]
    # The state review judges each resource's inputs, then its outputs unless they are the subject just judged.
    assert judged.count("dc-replica") == (2 if reordered else 1)
    assert judged.count("dc-aws-primary") == 1  # a provider's outputs are its inputs


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-3, 3, allow_nan=False) | st.text("ab", max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text("ab", max_size=2), inner, max_size=3),
    max_leaves=8,
)


@given(a=_JSON, b=_JSON)
def test_perf63_the_same_value_is_the_same_json_text_with_the_same_types(a: Any, b: Any) -> None:
    from components.plan.review import _same_value

    assert _same_value(a, copy.deepcopy(a))
    if _same_value(a, b):  # strict: equal as typed JSON text, keys in the same order
        assert json.dumps(a) == json.dumps(b)
        assert repr(a) == repr(b)


def test_perf63_the_same_value_tells_apart_what_plain_equality_does_not() -> None:
    from components.plan.review import _same_value
    from components.simulate import Secret

    assert _same_value({"a": [1, "x"], "b": Secret("s")}, {"a": [1, "x"], "b": Secret("s")})
    for a, b in [
        (1, True),
        (1, 1.0),
        (0, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
        ([1], (1,)),
        (Secret("s"), "s"),
        (Secret(1), Secret(True)),
        (float("nan"), float("nan")),
        (object(), object()),
    ]:
        assert not _same_value(a, b)


# perf64 (stop 64): the preview review's RES-014 pass reads the unknowns its inputs' judgement deferred (the review's
# `defer`: unknown or secret, and the resource's `known`) instead of judging the resource again with `defer=is_unknown`
# and no `known`; it reads only their input keys (`Pending.top_key`), which `known` never changes
# (components/plan/review.py `_unknown_inputs`).

_TRIPS = json.dumps({
    "AWSTemplateFormatVersion": "2010-09-09",
    "Parameters": {"Where": {"Type": "String", "Default": "eu-north-1"}},
    "Resources": {"Trips": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "TableName": "trips", "BillingMode": "PAY_PER_REQUEST",
        "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": {"Ref": "Where"}}]}}},
})  # fmt: skip
"""A StackSet's template (AWS::DynamoDB::GlobalTable Replicas[].Region): a global table replicated to `Where`."""


def _keyed_pending(subject: Subject, known: Any) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """The review's inputs' judgement's pending and what ``_unknown_inputs`` keeps of it; the provenance check's own
    pending (``defer=is_unknown``, no ``known``) and its keyed part."""
    from components.plan.documents import is_unknown
    from components.plan.review import _unknown_inputs
    from components.simulate import Secret

    engine = _ENGINE64
    _, judged = engine.check(subject, defer=lambda v: is_unknown(v) or isinstance(v, Secret), known=known)
    _, own = engine.check(subject, defer=is_unknown)
    return judged, _unknown_inputs(judged), own, [p for p in own if p.top_key is not None]


_ENGINE64 = RuleEngine("EU")
_EU = ProviderRef("aws", "eu", "eu-central-1")


def test_perf64_known_changes_what_a_template_defers_never_which_inputs_hold_an_unknown() -> None:
    from components.residency import stacksets

    # One instance of the program names the StackSet with overrides the preview does not know: its template runs
    # with `Where` that unknown (deferred inside the template, no input key); without `known` it runs with its
    # Default. The whole pending lists differ; the unknowns under an input key (`parameters`) are the same.
    props = {"name": "trips", "template_body": _TRIPS, "parameters": {"Tag": UNKNOWN}}
    subject = Subject("aws:cloudformation/stackSet:StackSet", "trips", props, _EU)
    known = stacksets.with_instances(lambda _: False, [UNKNOWN])
    judged, kept, own, keyed = _keyed_pending(subject, known)
    where = "template_body(json).Resources.Trips.Properties.Replicas[1].Region"
    assert [(p.top_key, p.path) for p in judged] == [(None, where), ("parameters", "parameters.Tag")]
    assert [(p.top_key, p.path) for p in own] == [("parameters", "parameters.Tag")]
    assert kept == keyed and [p.path for p in kept] == ["parameters.Tag"]


_VALUES = st.sampled_from([
    UNKNOWN, "eu-west-1", "us-east-1", "db.partner.example.com", "https://s3.eu-west-1.amazonaws.com/b",
    "arn:aws:s3:::foreign", "CONSTANT", "JSONPATH", "Deny", "Allow",
])  # fmt: skip
_KEYS = st.sampled_from(
    ["region", "host", "endpoint", "Value", "Name", "description", "Effect", "form", "template", "bucket", "Region"]
)


def _secret(value: Any) -> Any:
    from components.simulate import Secret

    return Secret(value)


_PROPS = st.dictionaries(
    st.sampled_from(["region", "endpoint", "environment", "tags", "description", "policy", "parameters", "targets"]),
    st.recursive(
        _VALUES | _VALUES.map(_secret),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3) | inner.map(_secret),
        max_leaves=8,
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    type_token=st.sampled_from([
        "aws:s3/bucket:Bucket", "aws:cloudformation/stackSet:StackSet", "aws:ecs/taskDefinition:TaskDefinition",
        "aws:cloudwatch/eventTarget:EventTarget", "pulumi:providers:aws",
    ]),
    props=_PROPS,
    template=st.booleans(),
    answer=st.booleans(),
    overrides=st.sampled_from([None, [UNKNOWN], [{"Where": "us-east-1"}], [{"Where": UNKNOWN}, None]]),
)  # fmt: skip
def test_perf64_the_provenance_keys_are_the_inputs_judgements_whatever_known_says(
    type_token: str, props: dict[str, Any], template: bool, answer: bool, overrides: list[Any] | None
) -> None:
    from components.residency import stacksets

    if template:
        props = {**props, "template_body": _TRIPS}
    subject = Subject(type_token, "x", props, _EU)
    known = stacksets.with_instances(lambda _: answer, overrides)
    _, kept, _, keyed = _keyed_pending(subject, known)
    assert kept == keyed


def test_perf64_the_provenance_pass_makes_no_judgement_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # As test_unknowns_pass_only_when_every_source_is_resident: the same RES-014, with dc-data-policy judged only
    # with its `known` (on 644efda6 once more without it, by the provenance pass).
    document = _json(PASS)
    for step in document["steps"]:
        if step["urn"].endswith("::dc-data-policy"):
            step["newState"]["propertyDependencies"]["policy"] = [f"{STACK_URN}aws:s3/bucket:Bucket::elsewhere"]
    calls: list[tuple[str, bool]] = []
    check = RuleEngine.check

    def counted_check(self: RuleEngine, subject: Subject, **kwargs: Any) -> Any:
        calls.append((subject.name, kwargs.get("known") is not None))
        return check(self, subject, **kwargs)

    monkeypatch.setattr(RuleEngine, "check", counted_check)
    plan = review_document(parse_preview(json.dumps(document), "p.json"))
    (violation,) = plan.violations
    assert (violation.rule, violation.resource_name, violation.path) == ("RES-014", "dc-data-policy", "policy")
    assert calls.count(("dc-data-policy", False)) == 0
    assert calls.count(("dc-data-policy", True)) >= 1


def _stack_set_preview66(default: str, override: str) -> dict[str, Any]:
    """(perf66) A StackSet whose template replicates a global table to `Where` (Default ``default``), one instance of it
    overriding `Where` with ``override``, and an IAM policy whose document (unknown at preview) is computed from the
    StackSet's ARN, in EU."""
    provider = f"{STACK_URN}pulumi:providers:aws::eu"
    stack_set = f"{STACK_URN}aws:cloudformation/stackSet:StackSet::trips"
    body = json.loads(_TRIPS)
    body["Parameters"]["Where"]["Default"] = default
    states = [
        {"urn": provider, "custom": True, "type": "pulumi:providers:aws", "inputs": {"region": "eu-central-1"}},
        {"urn": stack_set, "custom": True, "type": "aws:cloudformation/stackSet:StackSet",
         "provider": f"{provider}::p1", "inputs": {"name": "trips", "templateBody": json.dumps(body)}},
        {"urn": f"{STACK_URN}aws:cloudformation/stackSetInstance:StackSetInstance::trips-home", "custom": True,
         "type": "aws:cloudformation/stackSetInstance:StackSetInstance", "provider": f"{provider}::p1",
         "inputs": {"stackSetName": "trips", "accountId": "123456789012", "parameterOverrides": {"Where": override}},
         "dependencies": [stack_set], "propertyDependencies": {"stackSetName": [stack_set]}},
        {"urn": f"{STACK_URN}aws:iam/policy:Policy::trips-operate", "custom": True, "type": "aws:iam/policy:Policy",
         "provider": f"{provider}::p1", "inputs": {"policy": UNKNOWN}, "dependencies": [stack_set],
         "propertyDependencies": {"policy": [stack_set]}},
    ]  # fmt: skip
    steps = [{"op": "create", "urn": s["urn"], "provider": s.get("provider", ""), "newState": s} for s in states]
    return {"config": {"sovereign-dc:jurisdiction": "EU"}, "steps": steps}


@pytest.mark.parametrize(
    ("default", "override", "refused"),
    [
        ("us-east-1", "eu-north-1", []),  # a foreign Default every instance overrides home: compliant
        (
            "eu-north-1",
            "us-east-1",
            [("RES-009", "trips"), ("RES-009", "trips-home"), ("RES-014", "trips-operate")],
        ),  # the instance's override is a Region abroad itself (stackjoin51)
        ("eu-north-1", "eu-north-1", []),
    ],
    ids=["default-abroad-overridden", "override-abroad", "home"],
)
def test_perf66_a_stack_set_vouches_for_a_value_computed_from_it_as_its_instances_run_it(
    default: str, override: str, refused: list[tuple[str, str]]
) -> None:
    """The review's twin of the pack's test (tests/test_policy_stack.py): the StackSet judged as a source with its
    ``known`` (its instances' overrides), as its own step is judged. Before perf66 the foreign Default refused the
    policy (RES-014, a false alarm of a first preview) and the home Default vouched for it while its instance ran the
    template abroad."""
    plan = review_document(parse_preview(json.dumps(_stack_set_preview66(default, override)), "p.json"))
    assert sorted((v.rule, v.resource_name) for v in plan.violations) == refused
    for v in plan.violations:
        if v.rule == "RES-014":
            assert "aws:cloudformation/stackSet:StackSet 'trips' is not in EU: [RES-009]" in v.message, v.message
