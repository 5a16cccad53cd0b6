"""Every front door gives the same verdict and the same rule ids for the rules' paired cases.

One table (``PAIRS`` of tests/test_rules.py: a compliant and an offending subject per rule) runs
through the four front doors, each the way it really receives a resource:

- the guard: a Pulumi program under mocks that calls ``enforce(code)`` (raise mode for the verdict,
  audit mode for every rule id);
- the offline plan: ``plan_stacks`` over a project whose stacks each run one case of that program;
- the policy pack: pulumi-policy's own servicer (resource and stack validation), as the engine calls it;
- the preview review: a ``pulumi preview --json`` document of the same resources, judged by
  ``components.plan --preview``.

The only differences allowed are the pack's documented guard-only rules (``residency_pack.GUARD_ONLY``:
the engine gives a policy no read/import id and no "created before enforce()" provider).
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from engine_documents import engine_documents
from residency_pack import GUARD_ONLY  # policy/ is on sys.path (tests/conftest.py)
from shipped import audited_run, config_of
from test_policy_stack import CN_PROVIDER, FOREIGN_SOURCES, in_country_bucket, policy_from
from test_policy_support import Pack, Res, pin_all
from test_rules import PAIRS

from components.errors import ResidencyViolation
from components.plan import plan_stacks
from components.plan.documents import UNKNOWN
from components.plan.preview import parse_preview
from components.plan.review import review_document, review_files
from components.plan.state import parse_state
from components.residency import Subject, audit_session, enforce
from components.residency.engine import ProviderRef, RuleEngine, package_of
from components.testing import ProgramFile, run_pulumi_program

ROOT = Path(__file__).resolve().parents[1]

RULE_ID = re.compile(r"\[(RES-\d{3})\]")
CASES: list[tuple[str, str, str, Subject]] = [
    (f"{rule_id}-{index}-{kind}", rule_id, code, subject)
    for index, (rule_id, code, good, bad, _path) in enumerate(PAIRS)
    for kind, subject in (("compliant", good), ("offending", bad))
]
"""(case id, rule id, jurisdiction, subject)."""

# A program that builds one case's resources exactly as a program would: a pinned provider (unless
# the case uses the default provider, or one created before enforce()), then the resource itself.
BUILDER = """
import json
from pathlib import Path

import pulumi

from components.residency import enforce


def build(case, guard):
    subject = case["subject"]
    provider = case["provider"]
    early = None
    if provider is not None and not provider["verified"]:
        # Created before enforce(): the guard never saw it (RES-012).
        early = pulumi.ProviderResource(provider["package"], provider["name"], {"region": provider["region"]})
    guard()
    package = subject["type"].split(":", 1)[0]
    if subject["type"].startswith("pulumi:providers:"):
        pulumi.ProviderResource(subject["type"].rsplit(":", 1)[1], subject["name"], subject["props"])
        return
    opts = pulumi.ResourceOptions()
    if early is not None:
        opts = pulumi.ResourceOptions(provider=early)
    elif provider is not None and not provider["default"]:
        inputs = {"region": provider["region"]}
        if provider["accounts"] and provider["package"] == "alicloud":  # the role it deploys as, JSON-encoded
            (account,) = provider["accounts"]
            inputs["assumeRole"] = json.dumps({"roleArn": f"acs:ram::{account}:role/deployer"})
        elif provider["accounts"]:  # as pulumi-aws sends a provider's list input: JSON-encoded
            inputs["allowedAccountIds"] = json.dumps(provider["accounts"])
        if provider["site"]:  # alired52: the account site it names (pulumi-alicloud `account_type`)
            inputs["accountType"] = provider["site"]
        pinned = pulumi.ProviderResource(provider["package"], provider["name"], inputs)
        opts = pulumi.ResourceOptions(provider=pinned)
    if subject["read_id"]:
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=subject["read_id"]))
    if subject["import_id"]:
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(import_=subject["import_id"]))
    pulumi.CustomResource(subject["type"], subject["name"], subject["props"], opts)
"""

MAIN = """
import json
from pathlib import Path

import pulumi

from builder import build
from components.residency import enforce

config = pulumi.Config("sovereign-dc")
case = json.loads(Path("cases.json").read_text())[config.require("case")]
build(case, lambda: enforce(config.require("jurisdiction")))
"""


def _case_data(subject: Subject) -> dict[str, Any]:
    p = subject.provider
    return {
        "subject": {
            "type": subject.type,
            "name": subject.name,
            "props": dict(subject.props),
            "read_id": subject.read_id,
            "import_id": subject.import_id,
        },
        "provider": None
        if p is None
        else {
            "package": p.package,
            "name": p.name or "default",
            "region": p.region,
            "verified": p.verified,
            "default": p.default,
            "accounts": sorted(p.accounts),
            "site": p.site,
        },
    }


def _builder() -> Any:
    namespace: dict[str, Any] = {}
    exec(compile(textwrap.dedent(BUILDER), "builder.py", "exec"), namespace)
    return namespace["build"]


# -- the four front doors ---------------------------------------------------------------------


def guard_verdict(code: str, subject: Subject) -> tuple[bool, set[str]]:
    """(passes in raise mode, rule ids the guard finds in audit mode)."""
    build, case = _builder(), _case_data(subject)
    run = run_pulumi_program(
        lambda: build(case, lambda: enforce(code)), project="sovereign-dc", stack="t", raise_on_error=False
    )
    refused = any(isinstance(c, ResidencyViolation) for c in _causes(run.error))
    assert run.error is None or refused, run.error
    with audit_session() as guards:
        run_pulumi_program(lambda: build(case, lambda: enforce(code)), project="sovereign-dc", stack="t")
    return not refused, {f.rule.id for g in guards for f in g.findings}


def _causes(exc: BaseException | None) -> list[BaseException]:
    found = []
    while exc is not None and exc not in found:
        found.append(exc)
        exc = exc.__cause__ or exc.__context__
    return found


@pytest.fixture(scope="module")
def plan_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, set[str]]]:
    """Every case as one stack of one project, planned in one `plan_stacks` call."""
    project = tmp_path_factory.mktemp("front-doors")
    shutil.copy(ROOT / "Pulumi.yaml", project / "Pulumi.yaml")
    (project / "__main__.py").write_text(textwrap.dedent(MAIN), encoding="utf-8")
    (project / "builder.py").write_text(textwrap.dedent(BUILDER), encoding="utf-8")
    (project / "cases.json").write_text(
        json.dumps({case_id: _case_data(subject) for case_id, _, _, subject in CASES}), encoding="utf-8"
    )
    stacks = project / "stacks"
    stacks.mkdir()
    for case_id, _, code, _ in CASES:
        (stacks / f"Pulumi.{case_id}.yaml").write_text(
            f"config:\n  sovereign-dc:jurisdiction: {code}\n  sovereign-dc:case: {case_id}\n", encoding="utf-8"
        )
    plan = plan_stacks(stacks)
    # Each stack must really have run its own case (a stale program module would record nothing).
    assert all(s.resources for s in plan.stacks), [s.stack for s in plan.stacks if not s.resources]
    return {s.stack: (s.verdict, {v.rule for v in s.violations}) for s in plan.stacks}


def _pinning(p: ProviderRef) -> dict[str, str]:
    """The provider inputs pinning it to ``p.accounts``, JSON-encoded as the providers send list and object inputs:
    pulumi-aws's ``allowedAccountIds``, pulumi-alicloud's ``assumeRole`` (a role of the account)."""
    if not p.accounts:
        return {}
    if p.package == "alicloud":
        (account,) = p.accounts
        return {"assumeRole": json.dumps({"roleArn": f"acs:ram::{account}:role/deployer"})}
    return {"allowedAccountIds": json.dumps(sorted(p.accounts))}


def _site(p: ProviderRef) -> dict[str, str]:
    """The provider input naming its account site (pulumi-alicloud ``accountType``; alired52), when the case has one."""
    return {"accountType": p.site} if p.site else {}


def pack_verdict(code: str, subject: Subject) -> set[str]:
    """Rule ids of every mandatory diagnostic the pack gives for the case's resources."""
    pack = Pack(pin_all(code))
    provider: Res | None = None
    resources: list[Res] = []
    p = subject.provider
    package, is_provider = package_of(subject.type)
    if not is_provider:
        if p is None or p.default:
            # The engine gives every custom resource a provider: its own default one when none was
            # set, configured from the stack config (aws:region), here an in-country region.
            region = sorted(RuleEngine(code).jurisdiction.regions("aws" if package == "aws" else "alicloud"))[:1]
            provider = Res(
                f"pulumi:providers:{package}",
                "default_7_51_1",
                {"version": "7.51.1", "region": region[0] if region else None},
            )
        else:
            provider = Res(f"pulumi:providers:{p.package}", p.name, {"region": p.region, "version": "7.51.1"})
            provider.props.update(_pinning(p) | _site(p))
        resources.append(provider)
    res = Res(subject.type, subject.name, dict(subject.props), provider=provider)
    resources.append(res)
    diags = [d for r in resources for d in pack.analyze(r)] + pack.analyze_stack(resources)
    return {m.group(1) for d in diags if d.level == "mandatory" for m in [RULE_ID.search(d.message)] if m}


def preview_verdict(code: str, subject: Subject) -> tuple[str, set[str]]:
    """Verdict and rule ids of `components.plan --preview` on the case's preview document."""
    stack = "urn:pulumi:t::sovereign-dc::"
    steps: list[dict[str, Any]] = []
    p = subject.provider
    package, is_provider = package_of(subject.type)
    reference = ""
    if not is_provider:
        if p is None or p.default:
            reference = f"{stack}pulumi:providers:{package}::default_7_51_1::{UNKNOWN}"
        else:
            provider_urn = f"{stack}pulumi:providers:{p.package}::{p.name}"
            inputs = {"region": p.region, "version": "7.51.1"} if p.region else {"version": "7.51.1"}
            inputs.update(_pinning(p) | _site(p))
            steps.append(
                {
                    "op": "create",
                    "urn": provider_urn,
                    "newState": {
                        "urn": provider_urn,
                        "custom": True,
                        "type": f"pulumi:providers:{p.package}",
                        "inputs": inputs,
                    },
                }
            )
            reference = f"{provider_urn}::{UNKNOWN}"
    urn = f"{stack}{subject.type}::{subject.name}"
    state: dict[str, Any] = {"urn": urn, "custom": True, "type": subject.type, "inputs": dict(subject.props)}
    op = "create"
    if subject.read_id:
        op, state["id"], state["external"] = "read", subject.read_id, True
    if subject.import_id:
        op, state["id"], state["importID"] = "import", subject.import_id, subject.import_id
    if reference:
        state["provider"] = reference
    steps.append({"op": op, "urn": urn, "provider": reference, "newState": state})
    document = {"config": {"sovereign-dc:jurisdiction": code}, "steps": steps}
    plan = review_document(parse_preview(json.dumps(document), "case.json"))
    return plan.verdict, {v.rule for v in plan.violations}


# -- agreement ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("case_id", "rule_id", "code", "subject"), CASES, ids=[c[0] for c in CASES])
def test_every_front_door_agrees(
    case_id: str, rule_id: str, code: str, subject: Subject, plan_results: dict[str, tuple[str, set[str]]]
) -> None:
    offending = case_id.endswith("offending")
    passes, guard_rules = guard_verdict(code, subject)
    assert passes is not offending, f"guard: {guard_rules}"
    expected = {rule_id} if offending else set()
    assert guard_rules == expected

    plan_verdict, plan_rules = plan_results[case_id]
    assert (plan_verdict, plan_rules) == ("fail" if offending else "pass", expected)

    review, review_rules = preview_verdict(code, subject)
    pack_rules = pack_verdict(code, subject)
    if rule_id == "RES-012" and offending and subject.provider is not None:
        # At engine time a provider made before enforce() is just a provider with its own inputs:
        # the pack and the preview review judge those inputs (here: no region pinned -> RES-001).
        p = subject.provider
        own = Subject(f"pulumi:providers:{p.package}", p.name, {"region": p.region} if p.region else {})
        expected = {f.rule.id for f in RuleEngine(code).check(own)[0]}
        assert expected, "an unverified provider with a resident region would pass at engine time"
        assert pack_rules == expected, GUARD_ONLY[rule_id]
    elif rule_id in GUARD_ONLY and offending:
        # The engine gives a policy no read/import id (RES-010); the preview document does show it.
        assert pack_rules == set(), GUARD_ONLY[rule_id]
    else:
        assert pack_rules == expected
    assert (review, review_rules) == ("fail" if offending else "pass", expected)


def test_the_table_covers_every_rule_the_engine_judges() -> None:
    assert {c[1] for c in CASES} >= {f"RES-{n:03d}" for n in range(1, 14)}


REMOTE_PROGRAM = """
import pulumi

from components.residency import enforce

enforce(pulumi.Config("sovereign-dc").require("jurisdiction"))
home = pulumi.ProviderResource("aws", "home", {"region": "cn-north-1"})
# What a generated multi-language component SDK does: its children are built by its plugin.
opts = pulumi.ResourceOptions(provider=home)
pulumi.ComponentResource("awsx:ec2:Vpc", "vpc", {"cidrBlock": "10.0.0.0/16"}, opts, remote=True)
pulumi.CustomResource("aws:s3/bucket:Bucket", "logs", {}, pulumi.ResourceOptions(provider=home))
"""


def test_remote_components_are_refused_alike_where_the_front_door_can_see_them(tmp_path: Path) -> None:
    """A remote component's children are built outside the program: it is judged as a resource of its
    package (RES-013 for an uncovered one) by the plan, the pack and the preview review alike."""
    shutil.copy(ROOT / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    (tmp_path / "__main__.py").write_text(textwrap.dedent(REMOTE_PROGRAM), encoding="utf-8")
    (tmp_path / "stacks").mkdir()
    (tmp_path / "stacks" / "Pulumi.cn.yaml").write_text("config:\n  sovereign-dc:jurisdiction: CN\n")
    (plan,) = plan_stacks(tmp_path / "stacks").stacks
    assert {(v.rule, v.resource_name) for v in plan.violations} == {("RES-013", "vpc")}
    # The guard too: it reads the constructor's `remote` flag (components/_compat.py), since the SDK marks
    # a component remote only after transformations ran.
    with audit_session() as guards:
        run_pulumi_program(tmp_path, project="sovereign-dc", stack="cn", config={"jurisdiction": "CN"})
    assert [f.rule.id for g in guards for f in g.findings] == ["RES-013"]

    # Preview review: the remote component's state carries its package's provider.
    stack = "urn:pulumi:cn::sovereign-dc::"
    awsx = f"{stack}pulumi:providers:awsx::default_2_21_0"
    vpc = f"{stack}awsx:ec2:Vpc::vpc"
    home = f"{stack}pulumi:providers:aws::home"
    steps: list[dict[str, Any]] = [
        {"op": "create", "urn": awsx, "newState": {"urn": awsx, "custom": True, "type": "pulumi:providers:awsx"}},
        {
            "op": "create",
            "urn": home,
            "newState": {
                "urn": home,
                "custom": True,
                "type": "pulumi:providers:aws",
                "inputs": {"region": "cn-north-1"},
            },
        },
        {
            "op": "create",
            "urn": vpc,
            "provider": f"{awsx}::{UNKNOWN}",
            "newState": {
                "urn": vpc,
                "custom": False,
                "type": "awsx:ec2:Vpc",
                "provider": f"{awsx}::{UNKNOWN}",
                "inputs": {"cidrBlock": "10.0.0.0/16"},
            },
        },
    ]
    document = {"config": {"sovereign-dc:jurisdiction": "CN"}, "steps": steps}
    review = review_document(parse_preview(json.dumps(document), "remote.json"))
    assert {(v.rule, v.resource_name) for v in review.violations} == {("RES-013", "vpc")}
    # A local component (no provider in its state) is not judged itself, in any front door.
    steps[2]["newState"].pop("provider")
    steps[2].pop("provider")
    assert review_document(parse_preview(json.dumps(document), "local.json")).violations == ()

    # Policy pack: the engine sends the remote component with its provider.
    pack = Pack(pin_all("CN"))
    provider = Res("pulumi:providers:awsx", "default_2_21_0", {"version": "2.21.0"})
    component = Res("awsx:ec2:Vpc", "vpc", {"cidrBlock": "10.0.0.0/16"}, provider=provider)
    diags = pack.analyze(component) + pack.analyze_stack([provider, component])
    assert {m.group(1) for d in diags for m in [RULE_ID.search(d.message)] if m} == {"RES-013"}
    assert pack.analyze(Res("awsx:ec2:Vpc", "local")) == []


# -- whole programs: what the guard saw, as the engine's documents would show it ------------------

SHIPPED = sorted(p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in (ROOT / "stacks").glob("Pulumi.*.yaml"))


@pytest.mark.parametrize("stack", SHIPPED)
def test_a_shipped_stack_as_preview_and_state_gets_the_guards_verdict(stack: str, tmp_path: Path) -> None:
    """Every registration of the real program, written as the engine's preview and export: both pass
    like the guard, outputs included (they caught a mock writing AZ ids AWS does not use)."""
    config, secret_keys = config_of(stack)
    # The program run from its file with its guard in audit mode, shared with test_realistic_programs.py.
    run, findings = audited_run(stack)
    # Declared findings (the cn stack's in-country IdP) are reported but are not violations.
    assert [f for f in findings if f.declared_by is None] == []
    preview, export = engine_documents(run.resources, config, secret_keys)
    reviewed = review_document(parse_preview(preview, f"{stack}.preview.json"))
    assert (reviewed.verdict, reviewed.violations) == ("pass", ())
    assert len(reviewed.resources) == sum(1 for r in run.resources if r.custom)
    # A stack export carries no config: the stack file supplies its jurisdiction and transfer register
    # (`--stack-file`), as the program's own config does for the guard.
    saved = tmp_path / f"{stack}.state.json"
    saved.write_text(export, encoding="utf-8")
    state = review_files(states=[str(saved)], stack_config=config).stacks[0]
    assert (state.verdict, state.violations) == ("pass", ())
    if "sovereign-dc:destinations" in config:
        without = review_document(parse_state(export, f"{stack}.state.json"), config["sovereign-dc:jurisdiction"])
        assert {v.rule for v in without.violations} == {"RES-015"}, "undeclared, the in-country IdP is refused"


LEAKY = """
import json

import pulumi
import pulumi_aws as aws

from components.residency import enforce

enforce("CN")
home = aws.Provider("home", region="cn-north-1")
abroad = aws.Provider("abroad", region="us-east-1")
data = aws.s3.Bucket("data", opts=pulumi.ResourceOptions(provider=home))
aws.s3.Bucket("offshore", opts=pulumi.ResourceOptions(provider=abroad))
aws.s3.Bucket("override", region="eu-west-1", opts=pulumi.ResourceOptions(provider=home))
aws.s3.Bucket("defaulted")
policy = json.dumps({"Statement": [{"Effect": "Allow", "Resource": "arn:aws:s3:::foreign-bucket/*"}]})
aws.s3.BucketPolicy("leak", bucket=data.id, policy=policy, opts=pulumi.ResourceOptions(provider=home))
aws.s3.BucketPolicy(
    "secret-leak", bucket=data.id, policy=pulumi.Output.secret(policy), opts=pulumi.ResourceOptions(provider=home)
)
aws.ec2.Subnet("subnet", vpc_id="vpc-1", cidr_block="10.0.0.0/24", availability_zone="ap-east-1a",
               opts=pulumi.ResourceOptions(provider=home))
"""


def test_a_leaky_program_gets_the_same_findings_from_its_preview(tmp_path: Path) -> None:
    (tmp_path / "__main__.py").write_text(textwrap.dedent(LEAKY), encoding="utf-8")
    with audit_session() as guards:
        run = run_pulumi_program(ProgramFile(tmp_path), project="sovereign-dc", stack="cn")
    guard = {(f.rule.id, f.resource_name) for g in guards for f in g.findings}
    assert guard == {
        ("RES-001", "abroad"),
        ("RES-002", "defaulted"),
        ("RES-003", "override"),
        ("RES-004", "leak"),
        ("RES-004", "secret-leak"),
        ("RES-008", "subnet"),
    }
    preview, _ = engine_documents(run.resources, {"sovereign-dc:jurisdiction": "CN"}, [])
    reviewed = review_document(parse_preview(preview, "cn.preview.json"))
    # The one difference: `pulumi preview --json` blinds secret values, so the review says it could
    # not judge one; the policy pack, run by the same preview, judges it in plaintext.
    assert {(v.rule, v.resource_name) for v in reviewed.violations} == guard - {("RES-004", "secret-leak")}
    assert reviewed.notes == (
        "1 secret value(s) are blinded in this document and could not be judged here; the residency policy "
        "pack judged them in plaintext during the same preview/up.",
    )


# -- unknowns: the pack's provenance table, through the preview review ----------------------------


def _preview_of(resources: list[Res]) -> str:
    """The preview digest of the pack driver's resources (create steps; unknowns as the sentinel)."""
    steps, seen = [], set()
    for res in resources:
        for r in ([res.provider] if res.provider is not None else []) + [res]:
            if r.urn in seen:
                continue
            seen.add(r.urn)
            state: dict[str, Any] = {
                "urn": r.urn,
                "custom": r.provider is not None
                or r.type.startswith(("pulumi:providers:", "pulumi:pulumi:StackReference")),
                "type": r.type,
                "inputs": r.props,
            }
            if r.provider is not None:
                state["provider"] = f"{r.provider.urn}::{UNKNOWN}"
            if r.dependencies:
                state["dependencies"] = r.dependencies
            if r.property_dependencies:
                state["propertyDependencies"] = r.property_dependencies
            steps.append({"op": "create", "urn": r.urn, "provider": state.get("provider", ""), "newState": state})
    return json.dumps({"config": {"sovereign-dc:jurisdiction": "CN"}, "steps": steps})


@pytest.mark.parametrize(
    ("source", "reason"),
    [pytest.param(in_country_bucket(), None, id="in-country"), *FOREIGN_SOURCES],
)
def test_unknowns_are_judged_alike_by_the_pack_and_the_preview_review(
    cn: Pack, source: Res, reason: str | None
) -> None:
    resources = [CN_PROVIDER, source, policy_from(source)]
    pack = [d for d in cn.analyze_stack(resources) if d.policy == "unknown-value-provenance"]
    review = review_document(parse_preview(_preview_of(resources), "unknowns.json"))
    if reason is None:
        assert (pack, review.violations) == ([], ())
        return
    assert [d.urn for d in pack] == [policy_from(source).urn]
    # The source's own findings (a foreign provider, a default one...) agree too, rule for rule.
    everything = [d for r in resources for d in cn.analyze(r)] + cn.analyze_stack(resources)
    pack_rules = {m.group(1) for d in everything if d.level == "mandatory" for m in [RULE_ID.search(d.message)] if m}
    assert pack_rules == {v.rule for v in review.violations}
    # (A provider whose own region is unknown with no recorded source is refused itself as well by
    # the review, which judges inputs; the pack, which sees outputs, leaves that to the provider.)
    (violation,) = [v for v in review.violations if v.rule == "RES-014" and v.urn == policy_from(source).urn]
    assert (violation.rule, violation.urn, violation.path) == ("RES-014", policy_from(source).urn, "policy")
    assert reason in pack[0].message
    assert reason in violation.message
