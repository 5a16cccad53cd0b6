"""False-alarm hunt 28 over the registry's example programs of modules no earlier hunt scanned (stop 43,
``falsealarm28``; issue 9).

``tests/registry_scan.py`` ran every ``## Example Usage`` program of the 75 modules of the pulumi-aws and
pulumi-alicloud docstrings (the registry's API pages) that no fixture of hunts 18-27 held and no hunt scanned (67 of
them have examples), each in CN and in EU (AWS) or JP (Alibaba Cloud), through the guard and the plan;
docs/residency.md, "False-alarm hunt 28 (stop 43)", has the figures and the triage of every refusal. The examples
here, verbatim in ``tests/fixtures/registry_examples_falsealarm28.yaml``, each in CN and in one other stack of its
cloud, in turn, are:

- **The false alarm found, fixed**: an AgentCore Registry's custom JWT authorizer lists its accepted audiences as URLs
  (``allowed_audiences = ["https://api.example.com"]``), which were judged as hosts (RES-015). An audience is compared
  with the token's ``aud`` claim, never contacted: now a match field (with API Gateway's JWT ``audiences`` and the
  AgentCore gateway, runtime, harness and registry audiences). The example itself stays refused (its
  ``discovery_url`` is ``example.com``, a third party's identity provider the service fetches keys from: RES-015);
  the twins ``-own-idp`` give the stack's own Cognito user pool as the discovery URL and pass (refused before, on the
  audience alone).
- **Compliant programs** of the new modules (all pass): AgentCore Registry, ARC Region switch plans, Bedrock model
  invocation logging, ALB listeners and target groups, CodeGuru Profiler and Reviewer, CloudWatch Network Monitor and
  Network Flow Monitor, Resource Explorer, Route 53 ARC clusters and readiness cells, a Serverless Application
  Repository stack, Signer profiles, VPC Route Server, Payment Cryptography keys, DevOps agent spaces, Firewall Manager
  policies, Lambda MicroVM images; Alibaba Cloud DNS GTM address pools, ID Verification face configs, Cloud Control
  resources, Intelligent Media Production app templates, Quota Center alarms, certificates, tag policies, Database
  Audit instances and Compute Nest service instances.
- **A twin the port would hide** (judged already, no change): the Region switch plan failing over to a US Region
  (``-regions-abroad``, RES-009); to a second EU Region it passes (``-regions-eu``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import platform_programs_falsealarm23 as fa23
import platform_programs_falsealarm25 as fa25

Build = Callable[[Any], object]

EXAMPLES: dict[str, dict[str, Any]] = fa25.load_examples("falsealarm28")
"""Example key -> ``docs`` (the registry page) and ``source`` (the example as the registry prints it)."""


def example(key: str, code: str, replacements: tuple[tuple[str, str], ...] = ()) -> Build:
    """The example ``key`` of the fixture (with ``replacements``) as a program of a ``code`` stack, ported as hunt 25
    ports (:func:`platform_programs_falsealarm25.port`: the stack's provider, regions, zones, zone ids, account ids)."""
    return fa25.example_of(EXAMPLES, key, code, replacements)


REFUSED: dict[str, set[str]] = {
    # The JWT discovery URL `https://example.com/.well-known/openid-configuration`: the registry fetches the identity
    # provider's metadata and signing keys from a host no catalogue places (RES-015, genuine). Its audiences no longer
    # add a finding (the false alarm).
    "aws.agentregistry.Registry#4": {"RES-015"},
}
"""Examples kept refused, verbatim, in every stack they run in (the rest pass)."""
DECLARED: dict[tuple[str, str], list[dict[str, Any]]] = {
    # alired49 (stop 49): pulumi-alicloud runs Compute Nest from computenest.cn-hangzhou (or Singapore) whatever the
    # provider's region (RES-016 outside CN since then): the US program declares the service, as a team whose service
    # instance's parameters hold no personal data would.
    ("alicloud.compute.NestServiceInstance", "US"): [{
        "id": "compute-nest", "kind": "resident", "match": "alicloud-compute-nest-hub-region",
        "evidence": "the service instance's parameters hold no personal data; accepted by the DPO, CN-49"}],
}  # fmt: skip
"""(example, stack) -> the destinations the program declares (none for the others)."""

_OWN_IDP = (
    ('"https://example.com/.well-known/openid-configuration"',
     '"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration"'),
)  # fmt: skip
"""The stack's own Cognito user pool as the discovery URL (the port writes the stack's Region over ``us-east-1``)."""
TWINS: list[tuple[str, str, str, tuple[tuple[str, str], ...], set[str]]] = [
    # The false alarm: the registry's example with an in-Region identity provider, audiences as written
    # (`https://api.example.com`): refused on the audience alone before (RES-015), passes now.
    ("own-idp", "aws.agentregistry.Registry#4", "EU", _OWN_IDP, set()),
    ("own-idp", "aws.agentregistry.Registry#4", "US", _OWN_IDP, set()),
    ("own-idp", "aws.agentregistry.Registry#4", "JP", _OWN_IDP, set()),
    # The port writes every Region literal as the stack's, so the Region switch plan's two Regions land in one. A plan
    # failing over to a US Region keeps the stack's data there once activated (its `regions`, the workflow's target
    # Region): RES-009, judged already (no change); a second EU Region passes.
    ("regions-abroad", "aws.arcregionswitch.Plan", "EU", (('"us-west-2"', '"us-west-" + "2"'),), {"RES-009"}),
    ("regions-eu", "aws.arcregionswitch.Plan", "EU", (('"us-west-2"', '"eu-west-" + "1"'),), set()),
]  # fmt: skip
"""(suffix, example, stack, literal replacements, expected rule ids)."""


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for key, code in fa23.stacks(EXAMPLES):
        declared = DECLARED.get((key, code), [])
        yield (
            f"falsealarm28-{fa23.slug(key)}-{code.lower()}",
            code,
            example(key, code),
            REFUSED.get(key, set()),
            declared,
        )
    for suffix, key, code, replacements, expected in TWINS:
        name = f"falsealarm28-{fa23.slug(key)}-{code.lower()}-{suffix}"
        yield name, code, example(key, code, replacements), expected, []
