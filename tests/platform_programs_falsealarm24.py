"""Triage of the rest of the registry-example scan's refusals (stop 40, ``falsealarm24``; issue 9).

The stop-40 scan (``falsealarm23``) ran 561 registry examples of 68 data-carrying modules, each in CN and in EU (AWS) or
JP (Alibaba Cloud); re-run on this stop's engine it refused 122 runs (docs/residency.md, "False-alarm hunt 24 (stop
40)", has the triage table). None was a false alarm the engine can fix as catalogue data; the examples here pin the
refusals whose cause no table case held, and show that the port's localiser gaps hide no false alarm:

- **The port's gaps, localised by hand** (``-localised``: passes; as the port left it: refused). The scan's localiser
  rewrites a region but not the endpoint forms around it: an SLS intranet endpoint ``cn-hangzhou-intranet.log
  .aliyuncs.com`` (a Logtail configuration's output, an SLS ETL sink) stays Hangzhou's in a JP stack (RES-006, genuine
  as written: the logs go to Hangzhou), and in aws-cn an OpenSearch domain endpoint (``search-<domain>.<region>.es
  .amazonaws.com``, a Glue OPENSEARCH connection) or an ECR image (``<account>.dkr.ecr.<region>.amazonaws.com``, a
  SageMaker tuning job) keeps the ``amazonaws.com`` suffix, which no China Region uses (RES-006). Written as a user in
  that stack writes them (``ap-northeast-1-intranet.log.aliyuncs.com``; ``amazonaws.com.cn``, "Amazon Web Services in
  China" endpoints, https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html), each passes.
- **CloudMonitor hybrid double write to the caller's own account** (``alicloud.get_account().id`` in ``user_id``):
  refused RES-023 under the port's provider, which assumes no role (the own UID is unproven then: ``user_id`` is a
  granted account, docs/residency-open.md "cross-account writes"); under a provider assuming the team's role
  (``-pinned``) it passes, and the same provider writing to a partner's UID (``-pinned-partner``) stays refused.
- **PolarDB on ENS** (``polardb.ZonalDbCluster``): ``ens_region_id`` names an Edge Node Service node, not a region.
  The example's ``tr-Istanbul-1`` is refused RES-011 (genuine in every stack: Istanbul), as every ENS node id is
  until declared (docs/residency.md, "Alibaba ENS (edge node) ids"). Found on the way, a leak: the node-id form the
  registry's ENS examples use most, ``cn-chenzhou-telecom_unicom_cmcc`` (carriers joined by underscores), was not
  region-shaped to the parser, so it passed unjudged in any stack, an abroad node of that form too (``-abroad-node``,
  constructed); now refused RES-011 (``-mainland-node``), and passes declared by its exact id
  (``-mainland-node-declared``).

Sources, each the registry page in ``tests/fixtures/registry_examples_falsealarm24.yaml`` (``docs``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import platform_programs_falsealarm23 as fa23
import platform_programs_review36 as rx36
import pulumi
import pulumi_alicloud as alicloud
import yaml

Build = Callable[[Any], object]

EXAMPLES: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "registry_examples_falsealarm24.yaml").read_text(encoding="utf-8")
)
"""Example key -> ``docs`` (the registry page) and ``source`` (the example as the registry prints it)."""

ALI_OWN = "1234567890123456"
"""The team's Alibaba Cloud UID: the mocks' account (``alicloud.get_account``), the one its deployment role is in."""
ALI_PARTNER = "5678901234567890"


def _source(key: str, code: str, replacements: tuple[tuple[str, str], ...]) -> str:
    source = str(EXAMPLES[key]["source"])
    for old, new in replacements:
        assert source.count(old) >= 1, (key, old)
        source = source.replace(old, new)
    if rx36.cloud_of(key) == "aws":
        source = fa23._ZONE_ID.sub(fa23._ZONE_IDS[code], source)
    return source


def _pinned(key: str, source: str, code: str) -> Build:
    """As :func:`platform_programs_review36.program`, under an Alibaba Cloud provider that assumes the team's role
    (ported when it first runs, :func:`platform_programs_review36.ported`)."""

    def port() -> CodeType:
        tree = rx36._Opts("alicloud", code).visit(ast.parse(source))
        return compile(ast.fix_missing_locations(tree), f"<registry example {key}>", "exec")

    compiled = rx36.ported(port)

    def build(c: Any) -> object:
        provider = alicloud.Provider(
            "ali",
            region=rx36.ALI_REGIONS[code],
            assume_role={"role_arn": f"acs:ram::{ALI_OWN}:role/deployer", "session_name": "ci"},
        )
        namespace = {
            "__name__": f"registry_example_{key}",
            "random": rx36._RANDOM,
            "__resource_opts": pulumi.ResourceOptions(provider=provider),
            "__invoke_opts": pulumi.InvokeOptions(provider=provider),
        }
        exec(compiled(), namespace)  # the registry's example text, verbatim but for the literals above
        return provider

    return build


_INTRANET = ("cn-hangzhou-intranet.log.aliyuncs.com", "ap-northeast-1-intranet.log.aliyuncs.com")
_OPENSEARCH = (".us-east-1.es.amazonaws.com", ".cn-north-1.es.amazonaws.com.cn")
_ECR = ("us-west-2.amazonaws.com", "cn-north-1.amazonaws.com.cn")
_PARTNER_UID = ("    user_id=default.id)", f'    user_id="{ALI_PARTNER}")')
_MAINLAND_NODE = ("tr-Istanbul-1", "cn-chenzhou-telecom_unicom_cmcc")
_ABROAD_NODE = ("tr-Istanbul-1", "tr-istanbul-telecom_unicom_cmcc")  # constructed: the carrier form, abroad

# (case suffix, example, stack, literal replacements, pinned provider, expected rule ids)
SHAPES: list[tuple[str, str, str, tuple[tuple[str, str], ...], bool, set[str]]] = [
    # The port's gaps: as the port left them (a real transfer as written) and localised by hand (passes).
    ("", "alicloud.sls.LogtailConfig", "JP", (), False, {"RES-006"}),
    ("localised", "alicloud.sls.LogtailConfig", "JP", (_INTRANET,), False, set()),
    ("", "alicloud.sls.LogtailConfig", "CN", (), False, set()),
    ("", "alicloud.sls.Etl", "JP", (), False, {"RES-006"}),
    ("localised", "alicloud.sls.Etl", "JP", (_INTRANET,), False, set()),
    ("", "aws.glue.Connection#8", "CN", (), False, {"RES-006"}),
    ("localised", "aws.glue.Connection#8", "CN", (_OPENSEARCH,), False, set()),
    ("", "aws.glue.Connection#8", "EU", (), False, set()),
    ("", "aws.sagemaker.HyperParameterTuningJob", "CN", (), False, {"RES-006"}),
    ("localised", "aws.sagemaker.HyperParameterTuningJob", "CN", (_ECR,), False, set()),
    # The double write into the caller's account: unproven under a provider assuming no role; proven when it assumes
    # the team's role; a partner's UID under that provider stays refused.
    ("", "alicloud.cloudmonitor.ServiceHybridDoubleWrite", "CN", (), False, {"RES-023"}),
    ("", "alicloud.cloudmonitor.ServiceHybridDoubleWrite", "JP", (), False, {"RES-023"}),
    ("pinned", "alicloud.cloudmonitor.ServiceHybridDoubleWrite", "CN", (), True, set()),
    ("pinned", "alicloud.cloudmonitor.ServiceHybridDoubleWrite", "JP", (), True, set()),
    ("pinned-partner", "alicloud.cloudmonitor.ServiceHybridDoubleWrite", "CN", (_PARTNER_UID,), True, {"RES-023"}),
    ("pinned-partner", "alicloud.cloudmonitor.ServiceHybridDoubleWrite", "JP", (_PARTNER_UID,), True, {"RES-023"}),
    # PolarDB on an ENS node: Istanbul (genuine) and a mainland node (open: ENS nodes are in no catalogue).
    ("", "alicloud.polardb.ZonalDbCluster", "CN", (), False, {"RES-011"}),
    ("", "alicloud.polardb.ZonalDbCluster", "JP", (), False, {"RES-011"}),
    ("mainland-node", "alicloud.polardb.ZonalDbCluster", "CN", (_MAINLAND_NODE,), False, {"RES-011"}),
    ("abroad-node", "alicloud.polardb.ZonalDbCluster", "CN", (_ABROAD_NODE,), False, {"RES-011"}),
]
"""The table's programs (``falsealarm24-<module>-<type>[-ex<n>]-<stack>[-<suffix>]``)."""


def _declared(key: str, code: str) -> list[dict[str, Any]]:
    """The genuine refusals' one-line fix, where it is a declaration (the double write: the own UID, resident)."""
    if key == "alicloud.cloudmonitor.ServiceHybridDoubleWrite":
        return [{"id": "own-account", "kind": "resident", "match": f"acs:ram::{ALI_OWN}:",
                 "evidence": "the team's own Alibaba Cloud account (CloudMonitor double write)"}]  # fmt: skip
    if key == "alicloud.polardb.ZonalDbCluster":
        return [{"id": "ens-node", "kind": "resident", "match": _MAINLAND_NODE[1],
                 "evidence": "DescribeEnsRegions: the node is in Chenzhou, Hunan (CN)"}]  # fmt: skip
    return []


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for suffix, key, code, replacements, pinned, expected in SHAPES:
        source = _source(key, code, replacements)
        build = _pinned(key, source, code) if pinned else rx36.program(key, source, code)
        name = f"falsealarm24-{fa23.slug(key)}-{code.lower()}" + (f"-{suffix}" if suffix else "")
        yield name, code, build, expected, []
        if (expected == {"RES-023"} and not pinned) or suffix == "mainland-node":
            yield f"{name}-declared", code, rx36.program(key, source, code), set(), _declared(key, code)
