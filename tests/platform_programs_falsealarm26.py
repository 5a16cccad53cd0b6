"""False-alarm hunt 26 over the registry's example programs of modules no earlier hunt scanned (stop 42,
``falsealarm26``; issue 9).

``tests/registry_scan.py`` ran every ``## Example Usage`` program of 78 modules of the pulumi-aws 7.51.1 and
pulumi-alicloud 4.0.0 docstrings (the registry's API pages) that no fixture of hunts 18-25 held and hunt 25 did not
scan, each in CN and in EU (AWS) or JP (Alibaba Cloud), through the guard and the plan; docs/residency.md, "False-alarm
hunt 26 (stop 42)", has the figures and the triage of every refusal. The examples here, verbatim in
``tests/fixtures/registry_examples_falsealarm26.yaml``, are:

- **Compliant programs** of the new modules, each in CN and in one other stack of its cloud, in turn: Private CA,
  AppConfig extensions, App Runner, Chime SDK media insights, Connect, DataZone, FinSpace, IVS chat logging, Macie
  classification jobs, Pinpoint event streams, QLDB streams, QuickSight data sources, Security Hub finding
  aggregation, Incident Manager replication sets, WAF rule groups; Alibaba DNS GTM, API Gateway (APIG), ARMS
  Prometheus, Cloud Connect, EBS snapshot policies and replica pair drills, EDAS, E-HPC, Gateway Load Balancer,
  Resource Directory delivery, Smart Access Gateway flow logs. Since stop 45 (Alibaba Cloud red team) the
  multi-account delivery example is refused (RES-023): it delivers into the registry's own account, which the port
  keeps; its ``-pinned`` twin (the team's UID, the provider assuming the team's role) passes.
- **The false alarms found, fixed** (each refused on ``main`` before this branch): a service principal written where
  AWS Organizations enables a service's trusted access (``aws_service_access_principals``: Security Hub's organisation
  example and the Organization's own), the service an IAM service-linked role is made for (``aws_service_name``,
  ``elasticbeanstalk.amazonaws.com``) and the one an Alibaba Cloud service-linked role is made for (``service_name``,
  ``ops.elasticsearch.aliyuncs.com``). The exemption takes only a principal's shape: twins writing a regional endpoint
  abroad there (``-regional-endpoint``) stay refused (RES-006).
- **The leak found, closed**: an EDAS namespace's ``namespace_logical_id`` (``<region>:<name>``, its physical Region
  first) passed every front door with a Region abroad (``-namespace-abroad``, RES-009), as SAE's ``namespace_id`` did
  before stop 41; the default namespace's form, the Region alone (``-default-form-abroad``), too.
- **Twins the port would hide**: the port writes every Region literal as the stack's, so a multi-Region example lands in
  one Region; ``-linked-abroad`` (a Security Hub finding aggregator's linked Region) and ``-replica-abroad`` (an
  Incident Manager replication set's second Region) keep a US Region (RES-009); ``-linked-eu`` an EU one (passes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import platform_programs_falsealarm23 as fa23
import platform_programs_falsealarm25 as fa25

Build = Callable[[Any], object]

EXAMPLES: dict[str, dict[str, Any]] = fa25.load_examples("falsealarm26")
"""Example key -> ``docs`` (the registry page) and ``source`` (the example as the registry prints it)."""


def example(key: str, code: str, replacements: tuple[tuple[str, str], ...] = ()) -> Build:
    """The example ``key`` of the fixture (with ``replacements``) as a program of a ``code`` stack, ported as hunt 25
    ports (:func:`platform_programs_falsealarm25.port`: the stack's provider, regions, zones, zone ids, account ids)."""
    return fa25.example_of(EXAMPLES, key, code, replacements)


def stacks() -> list[tuple[str, str]]:
    """(example, stack): each example in CN and in one other stack of its cloud, in turn (as hunt 23)."""
    return fa23.stacks(EXAMPLES)


_US = ('"us-west-" + "2"',)  # split so the port's localiser (every Region in a string literal) leaves it
TWINS: list[tuple[str, str, str, tuple[tuple[str, str], ...], set[str]]] = [
    # The false alarms' offending twins: the exemption takes only the principal shape (`<service>.<partition
    # suffix>`); a regional endpoint abroad under the same field is judged as anywhere else (RES-006).
    ("regional-endpoint", "aws.securityhub.OrganizationAdminAccount", "EU",
     (('"securityhub.amazonaws.com"', '"securityhub.us-east-" + "1.amazonaws.com"'),), {"RES-006"}),
    ("regional-endpoint", "alicloud.resourcemanager.ServiceLinkedRole", "JP",
     (('"ops.elasticsearch.aliyuncs.com"', '"elasticsearch.cn-" + "hangzhou.aliyuncs.com"'),), {"RES-006"}),
    # EDAS: "The ID of a custom namespace is in the `region ID:namespace identifier` format ... The ID of the default
    # namespace is in the `region ID` format" (edas/namespace); BelongRegion, "The ID of the physical region to which
    # the namespace belongs" (InsertOrUpdateRegion). The example's `cn-hangzhou` kept in JP, Singapore in CN: RES-009.
    ("namespace-abroad", "alicloud.edas.Namespace", "JP", (('"cn-hangzhou"', '"cn-" + "hangzhou"'),), {"RES-009"}),
    ("namespace-abroad", "alicloud.edas.Namespace", "CN", (('"cn-hangzhou"', '"ap-southeast-" + "1"'),), {"RES-009"}),
    ("default-form-abroad", "alicloud.edas.Namespace", "JP",
     (('"cn-hangzhou"', '"cn-" + "hangzhou"'), ('f"{region}:{name}"', "region")), {"RES-009"}),
    ("default-form", "alicloud.edas.Namespace", "JP", (('f"{region}:{name}"', "region"),), set()),
    # A finding aggregator in SPECIFIED_REGIONS mode exchanges findings with each linked Region: a US one is RES-009,
    # a second EU one passes. An Incident Manager replication set keeps the incidents' data in each of its Regions.
    ("linked-abroad", "aws.securityhub.FindingAggregator#3", "EU", (('"eu-west-2"', _US[0]),), {"RES-009"}),
    ("linked-eu", "aws.securityhub.FindingAggregator#3", "EU", (('"eu-west-2"', '"eu-central-" + "1"'),), set()),
    ("replica-abroad", "aws.ssmincidents.ReplicationSet#2", "EU", (('"us-west-2"', _US[0]),), {"RES-009"}),
]  # fmt: skip
"""(suffix, example, stack, literal replacements, expected rule ids)."""


_MULTI_DELIVERY = "alicloud.resourcemanager.MultiAccountDeliveryChannel"
REFUSED: dict[tuple[str, str], set[str]] = {
    # Alibaba Cloud red team, stop 45: a multi-account delivery channel's `target_arn` and oversized-data bucket are
    # judged by account as the single-account channel's are (written_account_fields). The example writes the registry's
    # own account (1511928242963727, which the port keeps) under a provider assuming no role: an account no provider
    # of the stack assumes a role of (stop 40, "Alibaba accounts in written destinations"). With the team's UID under
    # the team's role (`-pinned`) it passes.
    (_MULTI_DELIVERY, "CN"): {"RES-023"},
    (_MULTI_DELIVERY, "DE"): {"RES-023"},
}
"""Examples refused since a later stop, with the rule: (example, stack) -> expected rule ids."""
PINNED: list[tuple[str, str]] = [(_MULTI_DELIVERY, "CN"), (_MULTI_DELIVERY, "DE")]
"""Examples also run with the team's UID for the registry's, under a provider assuming the team's deployment role
(``-pinned``, expected to pass)."""
_REGISTRY_UID = (("1511928242963727", "1234567890123456"),)


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for key, code in stacks():
        yield (
            f"falsealarm26-{fa23.slug(key)}-{code.lower()}",
            code,
            example(key, code),
            REFUSED.get((key, code), set()),
            [],
        )
    for key, code in PINNED:
        pinned = fa25.example_of(EXAMPLES, key, code, _REGISTRY_UID, pinned=True)
        yield f"falsealarm26-{fa23.slug(key)}-{code.lower()}-pinned", code, pinned, set(), []
    for suffix, key, code, replacements, expected in TWINS:
        name = f"falsealarm26-{fa23.slug(key)}-{code.lower()}-{suffix}"
        yield name, code, example(key, code, replacements), expected, []
