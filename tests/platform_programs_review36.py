"""False-alarm review (stop 36) written from the provider registry's own examples: the ``## Example Usage`` program of
each resource's API doc (the pulumi-aws 7.51.1 and pulumi-alicloud 4.0.0 docstrings, which are the registry pages),
copied as a user copies it.

The examples are kept verbatim in ``tests/fixtures/registry_examples36.yaml``. :func:`example` runs one as written and
changes only what the brief allows and what the toolkit documents as the setup:

- the stack's explicit provider (RES-002 refuses the default provider): every resource and provider function of the
  example gets ``opts`` naming the stack's provider (AWS pinned to the team's account, ``allowed_account_ids``, the
  documented setup for RES-023 unless ``pinned=False``);
- regions and zones written in string literals become the stack's region (``us-west-2`` -> ``eu-west-1``,
  ``us-west-2a`` -> ``eu-west-1a``; an Alibaba ``cn-hangzhou-h`` -> ``ap-northeast-1a``), ``arn:aws:`` becomes
  ``arn:aws-cn:`` in CN, and twelve-digit account ids become the team's account;
- ``pulumi_random``'s ``Integer`` (a name suffix) is a fixed number.

tests/test_realistic_programs.py runs them as CASES (``falsealarm18-*``).
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import yaml

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the mocks' caller identity)."""
AWS_REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
ALI_REGIONS = {
    "CN": "cn-hangzhou",
    "DE": "eu-central-1",
    "JP": "ap-northeast-1",
    "US": "us-east-1",
    "SG": "ap-southeast-1",
    "KR": "ap-northeast-2",
    "HK": "cn-hongkong",
}
EXAMPLES: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "registry_examples36.yaml").read_text(encoding="utf-8")
)
"""Example key (``aws.s3.Bucket``, ``alicloud.kms.Key#2`` for a resource's second example) -> ``source`` (the
example as the registry prints it) and ``docs`` (the registry page)."""
ALI_OWN = "1234567890123456"
"""The mocks' Alibaba Cloud account (``alicloud.get_account()``'s id)."""
ASSUMES_ROLE = ("alicloud.actiontrail.Trail",)
"""Alibaba Cloud examples that write into a resource of the caller's account by ARN (the trail's SLS project, its UID
from ``get_account()``): run under a provider assuming the team's role of that account, which proves it the stack's
own (RES-023 judges an Alibaba Cloud destination's account whatever the provider since stop 40)."""

_AWS_REGION = re.compile(
    r"\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest"
    r"|southwest)-[0-9](?P<zone>[a-z])?\b"
)
_ALI_ZONE = re.compile(r"\bcn-[a-z]+-(?P<zone>[a-z])\b")
_ALI_REGION = re.compile(r"\bcn-[a-z]+(?![-a-z0-9])")
"""An Alibaba Cloud mainland region (cn-hangzhou, cn-heyuan); a zone (cn-hangzhou-h) is :data:`_ALI_ZONE`."""
_ACCOUNT = re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])")


class _Integer:
    """``pulumi_random.Integer`` as the examples use it (a name suffix)."""

    def __init__(self, name: str, **_: Any) -> None:
        self.result = 10086

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)


_RANDOM = type("pulumi_random", (), {"Integer": _Integer, "index": type("index", (), {"Integer": _Integer})})


def _localise(text: str, cloud: str, code: str) -> str:
    if cloud == "aws":
        region = AWS_REGIONS[code]
        text = _AWS_REGION.sub(lambda m: region + (m.group("zone") or ""), text)
        if code == "CN":
            text = text.replace("arn:aws:", "arn:aws-cn:")
    else:
        region = ALI_REGIONS[code]

        def zone(letter: str | None) -> str:  # cn-hangzhou-h, cn-hongkong-b; ap-northeast-1a, eu-central-1a
            return region if not letter else f"{region}-{letter}" if region.startswith("cn-") else region + letter

        if code != "CN":
            text = _ALI_ZONE.sub(lambda m: zone(m.group("zone")), text)
            text = _ALI_REGION.sub(region, text)
        # A region outside mainland China written in the example (ap-southeast-5 in a PrivateLink service name).
        text = _AWS_REGION.sub(lambda m: zone(m.group("zone")), text)
    return _ACCOUNT.sub(OWN, text)


class _Opts(ast.NodeTransformer):
    """Names the stack's provider on every resource and provider function the example calls, and localises literals."""

    def __init__(self, cloud: str, code: str) -> None:
        self.cloud, self.code = cloud, code

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant(_localise(node.value, self.cloud, self.code)), node)
        return node

    def visit_Import(self, node: ast.Import) -> ast.AST | None:
        return None if any(a.name == "pulumi_random" for a in node.names) else node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        target = _resolve(node.func)
        if target is None:
            return node
        if isinstance(target, type) and issubclass(target, pulumi.Resource):
            mine: ast.expr = ast.Name("__resource_opts", ast.Load())
        elif callable(target) and getattr(target, "__name__", "").startswith("get_"):
            mine = ast.Name("__invoke_opts", ast.Load())
        else:
            return node
        given = [k for k in node.keywords if k.arg == "opts"]
        if given:
            given[0].value = ast.Call(
                ast.Attribute(ast.Attribute(ast.Name("pulumi", ast.Load()), "ResourceOptions", ast.Load()), "merge",
                              ast.Load()),
                [mine, given[0].value], [],
            )  # fmt: skip
        else:
            node.keywords.append(ast.keyword("opts", mine))
        return node


def _resolve(func: ast.expr) -> Any:
    parts: list[str] = []
    while isinstance(func, ast.Attribute):
        parts.insert(0, func.attr)
        func = func.value
    if not isinstance(func, ast.Name) or func.id not in ("aws", "alicloud") or not parts:
        return None
    value: Any = aws if func.id == "aws" else alicloud
    for part in parts:
        value = getattr(value, part, None)
    return value


def cloud_of(key: str) -> str:
    return key.split(".", 1)[0]


def example(key: str, code: str, *, pinned: bool = True) -> Build:
    """The registry's example ``key`` as a program of a ``code`` stack."""
    return program(key, EXAMPLES[key]["source"], code, pinned=pinned)


def program(key: str, source: str, code: str, *, pinned: bool = True, eager: bool = False) -> Build:
    """A registry example's ``source`` (``key`` names its cloud and type) as a program of a ``code`` stack: the
    stack's provider on every resource and provider function, the literals localised (module docstring). Also used by
    tests/platform_programs_falsealarm23.py for the examples of its own fixture."""
    cloud = cloud_of(key)

    def port() -> CodeType:
        tree = _Opts(cloud, code).visit(ast.parse(source))
        return compile(ast.fix_missing_locations(tree), f"<registry example {key}>", "exec")

    compiled = ported(port, eager=eager)

    def build(c: Any) -> object:
        if cloud == "aws":
            provider: pulumi.ProviderResource = aws.Provider(
                "aws", region=AWS_REGIONS[code], allowed_account_ids=[OWN] if pinned else None
            )
        else:
            deployer = f"acs:ram::{ALI_OWN}:role/sovereign-deployer"
            role = alicloud.ProviderAssumeRoleArgs(role_arn=deployer) if key in ASSUMES_ROLE else None
            provider = alicloud.Provider("ali", region=ALI_REGIONS[code], assume_role=role)
        namespace = {
            "__name__": f"registry_example_{key}",
            "random": _RANDOM,
            "__resource_opts": pulumi.ResourceOptions(provider=provider),
            "__invoke_opts": pulumi.InvokeOptions(provider=provider),
        }
        exec(compiled(), namespace)  # the registry's example text, verbatim but for the literals above
        return provider

    return build


def ported(port: Callable[[], CodeType], *, eager: bool = False) -> Callable[[], CodeType]:
    """``port`` (an example's parse, port and compile) made once, when its program first runs, not when the table is
    built: each pytest-xdist worker imports the whole table but runs about half of it, and porting every example at
    import (the parse, the compile and the provider modules ``_resolve`` imports) was about a third of the table's
    collection (issue 13, docs/performance.md stop 44). The same code object either way; ``eager`` ports at once
    (tests/registry_scan.py tells a port that fails from a program that fails)."""
    once = functools.cache(port)
    if eager:
        once()
    return once


def codes_of(key: str) -> tuple[str, ...]:
    """The stacks an example runs in: AWS in EU, DE, JP, US and CN; Alibaba Cloud in CN, DE, JP, US, SG, KR and HK."""
    return tuple(AWS_REGIONS if cloud_of(key) == "aws" else ALI_REGIONS)


KEPT: dict[str, tuple[str, dict[str, Any]]] = {
    # The subscription delivers the topic's messages to https://example.com/endpoint, a third party's webhook: nothing
    # proves where it is (RES-015). The user declares the webhook's host.
    "aws.sns.TopicSubscription#3": (
        "RES-015",
        {
            "id": "webhook",
            "kind": "resident",
            "match": "example.com",
            "evidence": "the subscriber's webhook runs in the market, contract WH-1",
        },
    ),
    # Aurora restores from the Percona XtraBackup files in `mybucket`, a bucket this stack did not make: a bucket name
    # is global in the partition, so nothing places it (RES-017). In aws-cn every region is in China (accepted there).
    # The user makes the bucket in the stack, or declares it.
    "aws.rds.Cluster#10": (
        "RES-017",
        {
            "id": "backup-drop",
            "kind": "resident",
            "match": "mybucket",
            "evidence": "the migration bucket of the market's account, in the stack's region",
        },
    ),
    # The key policy allows `kms:*` to the principal `{"AWS": "*"}` with no condition: every AWS principal of every
    # account may use the key (RES-024 since the public-access review, stop 36; CN too). The example is the registry's
    # as written; a user restricts it (kms:CallerAccount, aws:PrincipalOrgID) or declares the grant.
    "aws.kms.KeyPolicy": (
        "RES-024",
        {
            "id": "public-key",
            "kind": "resident",
            "match": "public:example",
            "evidence": "the registry example's key encrypts no personal data",
        },
    ),
    # As the key policy example: the ECS cluster's key policy allows `kms:*` to `{"AWS": "*"}` unconditioned (RES-024).
    "aws.ecs.Cluster#3": (
        "RES-024",
        {
            "id": "public-key",
            "kind": "resident",
            "match": "public:example",
            "evidence": "the registry example's key encrypts no personal data",
        },
    ),
    # The target bucket's ACL is `public-read`: anyone may list and read it (RES-024).
    "alicloud.oss.Bucket#3": (
        "RES-024",
        {
            "id": "public-logs",
            "kind": "resident",
            "match": "public:bucket-target",
            "evidence": "the registry example's bucket holds no personal data",
        },
    ),
    # The namespace's `default_visibility` is `PUBLIC`: every repository pushed into it is created public, its images
    # pulled by anyone (RES-024 since the public-access red team, stop 36). A user sets `PRIVATE` or declares it.
    "alicloud.cr.Namespace": (
        "RES-024",
        {
            "id": "public-images",
            "kind": "resident",
            "match": "public:example",
            "evidence": "the registry example's namespace holds public images only",
        },
    ),
    # The CNAME points the domain's mail at mail.mxhichin.com, another party's host (RES-015, as any DNS record's
    # value). The user declares the mail host.
    "alicloud.dns.AlidnsRecord": (
        "RES-015",
        {
            "id": "mail-host",
            "kind": "resident",
            "match": "mail.mxhichin.com",
            "evidence": "the domain's mail provider hosts it in the market, contract MX-7",
        },
    ),
}
"""Examples kept refused: key -> (rule, the declaration that lets the stack run them)."""


def kept_codes(key: str) -> tuple[str, ...]:
    """Where a kept example is refused (aws-cn: a bucket name is proven by the partition, every region is in China)."""
    return tuple(c for c in codes_of(key) if not (key == "aws.rds.Cluster#10" and c == "CN"))


PINNED_GRANTS = (
    "aws.s3.BucketPolicy",
    "aws.kms.Key",
    "aws.kms.Key#2",
    "aws.kms.Key#3",
    "aws.kms.Key#4",
    "aws.kms.Key#5",
)
"""The examples whose policies grant the caller's account (`data.aws_caller_identity`, RES-023): accepted on the
documented pinned provider, refused on an unpinned one outside aws-cn (where the partition proves the account)."""


FIRST_PREVIEW_ONLY = tuple(
    k for k, e in EXAMPLES.items() if "skip" not in e and "aws.iam.get_policy_document_output(" in e["source"]
)
"""Runnable examples that build a policy with ``aws.iam.get_policy_document_output`` over the stack's own outputs (12
of them): a first preview refused them until stop 50 (RES-014: the SDK records no source for an invoke's unknown
result); they pass every door since (tests/test_registry_examples36.py) and run in the table as
``falsealarm50-*-rx36-*`` (tests/platform_programs_falsealarm50.py), not in this module's rows."""


def _slug(key: str) -> str:
    return key.replace("_", "").replace("#", "-ex").replace(".", "-").lower()


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """The table: (case id, stack, program, expected rules, declarations).

    Every runnable example runs; the first of each resource type in CN and one other stack of its cloud, the others in
    one stack each, in turn (the table stays small)."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    turn = 0
    for key, entry in EXAMPLES.items():
        if "skip" in entry or key in FIRST_PREVIEW_ONLY:
            continue
        if key in KEPT:
            rule, declaration = KEPT[key]
            for code in codes_of(key):
                refused = code in kept_codes(key)
                out.append((f"falsealarm18-{code.lower()}-{_slug(key)}-kept", code, example(key, code),
                            {rule} if refused else set(), []))  # fmt: skip
                out.append((f"falsealarm18-{code.lower()}-{_slug(key)}-declared", code, example(key, code), set(),
                            [declaration]))  # fmt: skip
            continue
        codes = codes_of(key)
        others = tuple(c for c in codes if c != "CN")
        # The first example of a type in CN (the partition / cloud that proves most by itself) and one other stack, the
        # others in one stack each, in turn: the suite's time is a goal too (issue 13), and every stack still runs
        # examples of every kind.
        codes = (codes[turn % len(codes)],) if "#" in key else ("CN", others[turn % len(others)])
        turn += 1
        out.extend((f"falsealarm18-{code.lower()}-{_slug(key)}", code, example(key, code), set(), []) for code in codes)
    for key in (k for k in PINNED_GRANTS if k not in FIRST_PREVIEW_ONLY):
        for code in AWS_REGIONS:
            out.append((f"falsealarm18-{code.lower()}-{_slug(key)}-unpinned", code, example(key, code, pinned=False),
                        set() if code == "CN" else {"RES-023"}, []))  # fmt: skip
    return out
