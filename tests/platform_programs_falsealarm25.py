"""False-alarm hunt 25 over the registry's example programs of data-carrying modules no earlier hunt scanned (stop 41,
``falsealarm25``; issue 9).

``tests/registry_scan.py`` ran every ``## Example Usage`` program of 73 modules of the pulumi-aws 7.51.1 and
pulumi-alicloud 4.0.0 docstrings (the registry's API pages) that ``tests/fixtures/registry_examples36.yaml`` (stop 36)
and hunts 23 / 24 (stop 40) did not hold, each in CN and in EU (AWS) or JP (Alibaba Cloud), through the guard and the
plan; docs/residency.md, "False-alarm hunt 25 (stop 41)", has the figures and the triage of every refusal. None was a
false alarm. The examples here, verbatim in ``tests/fixtures/registry_examples_falsealarm25.yaml``, are:

- **Compliant programs** of the new modules, each in CN and in one other stack of its cloud, in turn: Keyspaces,
  Timestream for InfluxDB, Neptune Analytics, Aurora DSQL peering, S3 Tables bucket policies, EMR Serverless, Lake
  Formation permissions, Clean Rooms tables, AppFlow (S3 to S3), Elasticsearch domains, Managed Prometheus with its
  log group, SES event destinations, Transcribe language models, OpenSearch Ingestion; PolarDB-X, Lindorm, ClickHouse
  Enterprise backups, SelectDB, StarRocks, Graph Database, Cassandra data centres, Realtime Compute (Flink), PAI
  datasets, IMM projects, DBFS, DFS mount points, Hologres, Serverless Workflow (FnF).
- **Genuine refusals**, with the declaration that fixes them where that is the fix (``-declared``): an OpenSearch
  Ingestion S3 sink into a bucket the stack does not make (RES-017, EU), an EMR Serverless Prometheus remote write to
  ``example.com`` (RES-015), PAI models under a masked bucket host ``eas-***`` (RES-015; ``-unmasked`` passes), and
  Function Compute's asynchronous failures to the caller's own MNS queue under a provider assuming no role (RES-023;
  ``-pinned`` passes).
- **Twins the port would hide**: the port writes every Region literal as the stack's, so a multi-Region example lands in
  one Region; ``-witness-abroad`` (an Aurora DSQL peering's witness Region) and ``-alternate-abroad`` (an SES
  multi-Region endpoint's secondary Region) keep a US Region (RES-009), ``-alternate-eu`` an EU one (passes).
- **Stop 40's localiser gaps** (docs/residency.md, "False-alarm hunt 24"), run by this port (:func:`localise`): an API
  Gateway dedicated instance's multi-zone id and an SLS Logtail pipeline's intranet endpoint in JP, and an example
  that calls ``pulumi_std`` (the stand-in :class:`_Std`), each passing.

Examples whose policy is built with ``aws.iam.get_policy_document_output`` over the stack's outputs are left out (a
first preview refuses them, RES-014: the open item pinned by tests/test_registry_examples36.py), as hunt 23 did
(``glacier.VaultLock``).
"""

from __future__ import annotations

import ast
import base64
import hashlib
import ipaddress
import json
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import platform_programs_falsealarm23 as fa23
import platform_programs_review36 as rx36
import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import yaml

Build = Callable[[Any], object]

FIXTURE = Path(__file__).parent / "fixtures" / "registry_examples_falsealarm25.yaml"
EXAMPLES: dict[str, dict[str, Any]] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8")) if FIXTURE.exists() else {}
"""Example key -> ``docs`` (the registry page) and ``source`` (the example as the registry prints it)."""

# -- the port: hunt 23's, plus the localiser gaps hunt 24 found -----------------------------------------------------

_ALI_MAZ = re.compile(r"\bcn-[a-z]+-MAZ[0-9]+\([a-z,]+\)")
"""An Alibaba Cloud multi-zone id (``cn-hangzhou-MAZ6(i,j,k)``: API Gateway's dedicated instances)."""
_ALI_REGION_SUFFIXED = re.compile(r"\bcn-(?!hongkong)[a-z]+-(?P<net>intranet|internal|vpc)\b")
"""A mainland region inside an endpoint label (``cn-hangzhou-intranet.log.aliyuncs.com``, ``oss-cn-hangzhou-internal
.aliyuncs.com``), which review36's localiser leaves (it localises a region only where no ``-`` follows)."""
_AWS_HOST_CN = re.compile(r"(\bcn-(?:north|northwest)-1(?:\.[a-z0-9-]+)?\.amazonaws\.com)(?!\.cn)\b")
"""An AWS regional host in a China Region (``search-x.cn-north-1.es.amazonaws.com``, ``<account>.dkr.ecr.cn-north-1
.amazonaws.com``, once the Region is localised); in aws-cn its suffix is ``amazonaws.com.cn``
("Amazon Web Services in China" endpoints, https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html)."""
_MAZ = {"DE": "eu-central-1-MAZ1(a,b)", "JP": "ap-northeast-1-MAZ1(a,b)", "US": "us-east-1-MAZ1(a,b)"}


def localise(key: str, source: str, code: str) -> str:
    """The literals review36's port leaves as the registry wrote them, written as a user of the ``code`` stack does."""
    if rx36.cloud_of(key) == "aws":
        source = fa23._ZONE_ID.sub(fa23._ZONE_IDS[code], source)
        if code == "CN":
            region = rx36.AWS_REGIONS["CN"]
            source = _AWS_HOST_CN.sub(lambda m: m.group(1) + ".cn", rx36._AWS_REGION.sub(region, source))
        return source
    if code != "CN":
        region = rx36.ALI_REGIONS[code]
        source = _ALI_MAZ.sub(_MAZ.get(code, region), source)
        source = _ALI_REGION_SUFFIXED.sub(lambda m: f"{region}-{m.group('net')}", source)
    return source


class _Result:
    def __init__(self, result: Any) -> None:
        self.result = result


def _cidrsubnet(input: str, newbits: int, netnum: int) -> str:
    net = ipaddress.ip_network(input, strict=False)
    return str(list(net.subnets(prefixlen_diff=int(newbits)))[int(netnum)])


def _file(input: str) -> str:
    return f"contents of {input}"


_STD: dict[str, Callable[..., Any]] = {
    "format": lambda input, args=(): input % tuple(args),
    "file": _file,
    "filebase64": lambda input: base64.b64encode(_file(input).encode()).decode(),
    "filebase64sha256": lambda input: base64.b64encode(hashlib.sha256(_file(input).encode()).digest()).decode(),
    "filemd5": lambda input: hashlib.md5(_file(input).encode()).hexdigest(),
    "cidrsubnet": _cidrsubnet,
    "cidrhost": lambda input, host: str(ipaddress.ip_network(input, strict=False)[int(host)]),
    "join": lambda separator, input: separator.join(str(i) for i in input),
    "split": lambda separator, text: text.split(separator),
    "replace": lambda text, search, replace: text.replace(search, replace),
    "substr": lambda input, offset, length: input[int(offset) : int(offset) + int(length)],
    "lookup": lambda map, key, default=None: map.get(key, default),
    "concat": lambda input: [x for part in input for x in part],
    "base64encode": lambda input: base64.b64encode(input.encode()).decode(),
    "jsondecode": json.loads,
    "toset": lambda input: sorted(set(input)),
    "distinct": lambda input: list(dict.fromkeys(input)),
    "flatten": lambda input: [x for part in input for x in (part if isinstance(part, list) else [part])],
    "trimspace": lambda input: input.strip(),
    "sha256": lambda input: hashlib.sha256(input.encode()).hexdigest(),
}


class _Std:
    """A stand-in for ``pulumi_std`` (not installed): its functions as the examples call them, computed locally
    (``std.format(input=..., args=[...]).result``; ``std.join_output(...)`` an Output of the same result)."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        base = name.removesuffix("_output")
        if base not in _STD:
            raise AttributeError(f"pulumi_std.{name} has no stand-in")
        fn = _STD[base]
        if name.endswith("_output"):
            return lambda **kw: pulumi.Output.from_input(kw).apply(lambda given: _Result(fn(**given)))
        return lambda **kw: _Result(_computed(fn, kw))


def _computed(fn: Callable[..., Any], given: dict[str, Any]) -> Any:
    """``fn`` over arguments of which some may be Outputs (``std.format(args=[example.domain_name])``): the invoke
    resolves its inputs first, so the result is then an Output too."""
    if any(isinstance(v, pulumi.Output) or (isinstance(v, list) and any(isinstance(i, pulumi.Output) for i in v))
           for v in given.values()):  # fmt: skip
        return pulumi.Output.from_input(given).apply(lambda resolved: fn(**resolved))
    return fn(**given)


class _DropStd(ast.NodeTransformer):
    def visit_Import(self, node: ast.Import) -> ast.AST | None:
        return None if any(a.name == "pulumi_std" for a in node.names) else node


def port(key: str, source: str, code: str, *, assume_role: bool = False, eager: bool = False) -> Build:
    """The registry example ``source`` as a program of a ``code`` stack: :func:`platform_programs_review36.program`'s
    port (the stack's provider, regions, zones and account ids) after :func:`localise`, with ``std`` the stand-in.
    Ported when the program first runs (:func:`platform_programs_review36.ported`; ``eager``: at once)."""
    cloud = rx36.cloud_of(key)

    def ported() -> CodeType:
        tree = rx36._Opts(cloud, code).visit(_DropStd().visit(ast.parse(localise(key, source, code))))
        return compile(ast.fix_missing_locations(tree), f"<registry example {key}>", "exec")

    compiled = rx36.ported(ported, eager=eager)

    def build(c: Any) -> object:
        if cloud == "aws":
            provider: pulumi.ProviderResource = aws.Provider(
                "aws", region=rx36.AWS_REGIONS[code], allowed_account_ids=[rx36.OWN]
            )
        else:
            deployer = f"acs:ram::{rx36.ALI_OWN}:role/deployer"
            role = alicloud.ProviderAssumeRoleArgs(role_arn=deployer, session_name="ci") if assume_role else None
            provider = alicloud.Provider("ali", region=rx36.ALI_REGIONS[code], assume_role=role)
        namespace = {
            "__name__": f"registry_example_{key}",
            "random": rx36._RANDOM,
            "std": _Std(),
            "__resource_opts": pulumi.ResourceOptions(provider=provider),
            "__invoke_opts": pulumi.InvokeOptions(provider=provider),
        }
        with warnings.catch_warnings():
            # A field the example itself sets that the provider deprecates (IMM's `name`): the example's own warning.
            warnings.filterwarnings("ignore", r"Field '\w+' has been deprecated", UserWarning)
            exec(compiled(), namespace)  # the registry's example text, verbatim but for the literals above
        return provider

    return build


def _resident(id_: str, match: str, evidence: str) -> dict[str, Any]:
    return {"id": id_, "kind": "resident", "match": match, "evidence": evidence}


REFUSED: dict[tuple[str, str], tuple[str, list[dict[str, Any]]]] = {
    # The OpenSearch Ingestion pipeline's S3 sink writes into bucket `example`, which the stack does not make (bucket
    # names are global in the partition; aws-cn's are China's, so CN passes). Its `region` names the Region the sink's
    # client signs for, not where a bucket of that name is.
    ("aws.opensearchingest.Pipeline", "EU"): ("RES-017", [
        _resident("sink-bucket", "example", "the ingestion account's bucket in eu-west-1")]),
    # EMR Serverless remote-writes the application's Prometheus metrics to a host of the example's own
    # (`prometheus-remote-write-endpoint.example.com`): a third party's endpoint nothing places.
    ("aws.emrserverless.Application#4", "CN"): ("RES-015", [
        _resident("prometheus", "prometheus-remote-write-endpoint.example.com", "the team's Prometheus in Beijing")]),
    ("aws.emrserverless.Application#4", "EU"): ("RES-015", [
        _resident("prometheus", "prometheus-remote-write-endpoint.example.com", "the team's Prometheus in Ireland")]),
    # A PAI model's documentation and a model version's URI under a masked bucket name (`eas-***.oss-cn-hangzhou
    # .aliyuncs.com`, as the registry prints it): `***` ends the host, so `eas-` is what remains, a host nothing
    # places. Written with a bucket name (`-unmasked`), both pass.
    ("alicloud.pai.WorkspaceModelVersion", "CN"): ("RES-015", []),
    ("alicloud.pai.WorkspaceModelVersion", "JP"): ("RES-015", []),
    # Function Compute's asynchronous invocation sends failures to an MNS queue by ARN with the caller's UID
    # (`alicloud.get_account().id`), under a provider assuming no role: the own UID is unproven (stop 40, "Alibaba
    # accounts in written destinations"); under the team's role (`-pinned`) it passes.
    ("alicloud.fc.V3AsyncInvokeConfig", "CN"): ("RES-023", []),
}  # fmt: skip
"""Genuine refusals, kept: (example, stack) -> (rule, the declarations that let the stack run it, if any)."""

ONLY: dict[str, tuple[str, ...]] = {
    # The stop-40 scan's localiser gaps, run where they were refused (JP): an API Gateway dedicated instance's
    # multi-zone id, an SLS Logtail pipeline's intranet endpoint; both pass localised.
    "alicloud.apigateway.Instance": ("JP",),
    "alicloud.sls.LogtailPipelineConfig": ("JP",),
    "alicloud.fc.V3AsyncInvokeConfig": ("CN",),
    "alicloud.pai.WorkspaceModelVersion": ("CN", "JP"),
    "aws.opensearchingest.Pipeline": ("CN", "EU"),
    "aws.emrserverless.Application#4": ("CN", "EU"),
}
"""Examples run in given stacks (the others: CN and one other stack of the cloud, in turn)."""

_ABROAD = ("us-east-" + "1", "us-west-" + "2")
TWINS: list[tuple[str, str, str, tuple[tuple[str, str], ...], bool, set[str]]] = [
    # The port writes every Region literal as the stack's, so a peering or a route the registry points at another
    # Region lands in the stack's own: these twins keep the other Region (written so the localiser, which rewrites
    # whole string literals, leaves it) to show the engine judges it. An Aurora DSQL multi-Region peering's witness
    # Region holds the clusters' encrypted transaction log ("witness Region", DSQL user guide): abroad, RES-009.
    ("witness-abroad", "aws.dsql.ClusterPeering", "EU", (('"us-west-2"', '"us-west-" + "2"'),), False, {"RES-009"}),
    # An SES multi-Region endpoint sends from the primary and the secondary Region (`routes_details.region`): the
    # registry's placeholder `example-alternate-region` is no Region (SES refuses it); abroad RES-009, in the EU passes.
    ("alternate-abroad", "aws.sesv2.MultiRegionEndpoint", "EU",
     (('"example-alternate-region"', '"us-east-" + "1"'),), False, {"RES-009"}),
    ("alternate-eu", "aws.sesv2.MultiRegionEndpoint", "EU",
     (('"example-alternate-region"', '"eu-central-" + "1"'),), False, set()),
    ("unmasked", "alicloud.pai.WorkspaceModelVersion", "CN",
     (("eas-***.oss", "eas-models.oss"), ("s**.safetensors", "sd15.safetensors")), False, set()),
    ("unmasked", "alicloud.pai.WorkspaceModelVersion", "JP",
     (("eas-***.oss", "eas-models.oss"), ("s**.safetensors", "sd15.safetensors")), False, set()),
    ("pinned", "alicloud.fc.V3AsyncInvokeConfig", "CN", (), True, set()),
]  # fmt: skip
"""(suffix, example, stack, literal replacements, provider assumes the team's role, expected rule ids)."""


def load_examples(hunt: str) -> dict[str, dict[str, Any]]:
    """The registry examples of hunt ``hunt``'s fixture (``fixtures/registry_examples_<hunt>.yaml``): example key ->
    ``docs`` (the registry page) and ``source`` (the example as the registry prints it)."""
    fixture = Path(__file__).parent / "fixtures" / f"registry_examples_{hunt}.yaml"
    examples: dict[str, dict[str, Any]] = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    return examples


def example_of(
    examples: dict[str, dict[str, Any]],
    key: str,
    code: str,
    replacements: tuple[tuple[str, str], ...] = (),
    *,
    pinned: bool = False,
) -> Build:
    """The example ``key`` of ``examples`` (with the literal ``replacements``, each of which must occur) as a program
    of a ``code`` stack, ported by :func:`port` (the stack's provider, regions, zones, zone ids, account ids)."""
    source = str(examples[key]["source"])
    for old, new in replacements:
        assert source.count(old) >= 1, (key, old)
        source = source.replace(old, new)
    return port(key, source, code, assume_role=pinned)


def example(key: str, code: str, replacements: tuple[tuple[str, str], ...] = (), *, pinned: bool = False) -> Build:
    """The example ``key`` of the fixture (with ``replacements``) as a program of a ``code`` stack."""
    return example_of(EXAMPLES, key, code, replacements, pinned=pinned)


def stacks() -> list[tuple[str, str]]:
    """(example, stack): each example in CN and in one other stack of its cloud, in turn (:data:`ONLY` aside)."""
    others = {"aws": ("EU", "DE", "JP", "US"), "alicloud": ("DE", "JP", "US")}
    turn = {"aws": 0, "alicloud": 0}
    out: list[tuple[str, str]] = []
    for key in EXAMPLES:
        if key in ONLY:
            out += [(key, code) for code in ONLY[key]]
            continue
        cloud = rx36.cloud_of(key)
        out += [(key, "CN"), (key, others[cloud][turn[cloud] % len(others[cloud])])]
        turn[cloud] += 1
    return out


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for key, code in stacks():
        name = f"falsealarm25-{fa23.slug(key)}-{code.lower()}"
        rule, declared = REFUSED.get((key, code), ("", []))
        yield name, code, example(key, code), {rule} if rule else set(), []
        if declared:
            yield f"{name}-declared", code, example(key, code), set(), declared
    for suffix, key, code, replacements, pinned, expected in TWINS:
        name = f"falsealarm25-{fa23.slug(key)}-{code.lower()}-{suffix}"
        yield name, code, example(key, code, replacements, pinned=pinned), expected, []
