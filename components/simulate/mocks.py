"""Jurisdiction-aware Pulumi mocks: every output follows the partition and region of its provider.

Under ``pulumi.runtime.set_mocks`` there is no engine and no provider plugin, so whatever a mock
returns is what the program (and our residency guard) sees. Generic mocks that answer ``arn:aws:...``
for a bucket in ``cn-north-1`` would let a residency bug pass a test, so these mocks derive every
ARN, endpoint and zone from the region of the provider that created the resource, using the
jurisdiction catalogue for partitions and DNS suffixes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

import pulumi
from pulumi.runtime.config import get_config
from pulumi.runtime.mocks import MockCallArgs, MockResourceArgs
from pulumi.runtime.rpc import is_rpc_secret, unwrap_rpc_secret

from components.residency.catalogue import Catalogue, load_catalogue
from components.simulate._builders import (
    ALICLOUD_BUILDERS,
    AWS_BUILDERS,
    AWS_GLOBAL_SERVICES,
    Site,
    _zone_id,
    alicloud_generic,
    aws_generic,
    aws_service,
)

__all__ = ["AWS_GLOBAL_SERVICES", "Location", "Secret", "SovereignMocks", "aws_service"]

AWS_PROVIDER = "pulumi:providers:aws"
ALICLOUD_PROVIDER = "pulumi:providers:alicloud"
STACK_REFERENCE = "pulumi:pulumi:StackReference"


class Location(NamedTuple):
    """Where a resource or invoke lives: cloud, region, and (AWS) partition and DNS suffix."""

    cloud: str | None
    region: str | None
    partition: str = ""
    dns: str = ""


_NOWHERE = Location(None, None)


@dataclass(frozen=True, slots=True)
class Secret:
    """A value that Pulumi marks secret. Its repr never shows the value; read ``.value`` on purpose.

    The recorder gives a secret input or output as one; a test gives a referenced stack's secret output as one
    (``SovereignMocks(stack_outputs=...)``)."""

    value: Any

    def __repr__(self) -> str:
        return "Secret([secret])"

    __str__ = __repr__


def _plain(value: Any) -> Any:
    return unwrap_rpc_secret(value) if is_rpc_secret(value) else value


class SovereignMocks(pulumi.runtime.Mocks):
    """Realistic, deterministic mocks for pulumi-aws v7 and pulumi-alicloud.

    * Providers (``pulumi:providers:aws`` / ``pulumi:providers:alicloud``) are remembered by id with
      their ``region`` input; resources created through them get ARNs, endpoints and zones of that
      region and its partition. A resource's own ``region`` (AWS) or ``regionId`` (Alibaba) input wins.
    * Default providers (``provider == ''``) use the ``aws:region`` / ``alicloud:region`` config,
      else ``default_aws_region`` / ``default_alicloud_region``.
    * Inputs are echoed into outputs (as the engine does), then computed outputs are overlaid.
    * Common invokes (caller identity, region, partition, zones, account, IAM policy documents)
      are answered; anything else gets an empty result rather than an error.
    * A ``pulumi.StackReference`` reads the outputs ``stack_outputs`` gives for the stack it names (by its full name,
      ``org/project/stack``), as the engine reads the referenced stack's outputs; a stack not given has none. An
      output given as a :class:`Secret` is one of the stack's secret outputs (``get_output`` gives it as a secret).

    All values derive from a hash of the resource's type, name and provider: no randomness.
    """

    def __init__(
        self,
        *,
        aws_account_id: str = "123456789012",
        alicloud_account_id: str = "1234567890123456",
        default_aws_region: str = "us-east-1",
        default_alicloud_region: str = "cn-hangzhou",
        catalogue: Catalogue | None = None,
        stack_outputs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.aws_account_id = aws_account_id
        self.alicloud_account_id = alicloud_account_id
        self.default_aws_region = default_aws_region
        self.default_alicloud_region = default_alicloud_region
        self._catalogue = catalogue if catalogue is not None else load_catalogue()
        self.stack_outputs: Mapping[str, Mapping[str, Any]] = MappingProxyType(dict(stack_outputs or {}))
        """The outputs of the stacks the program references, by the referenced stack's name."""
        # Provider id -> Location. Ids hash the provider's region, so a collision maps to the same place.
        self._providers: dict[str, Location] = {}
        # (cloud, region) -> Location, so partition lookups happen once per region, not per resource.
        self._locations: dict[tuple[str, str], Location] = {}

    # -- locating ---------------------------------------------------------------------------------

    def location(self, cloud: str, region: str) -> Location:
        """The :class:`Location` of ``region`` in ``cloud`` (unknown AWS regions fall back to ``aws``)."""
        key = (cloud, region)
        loc = self._locations.get(key)
        if loc is None:
            if cloud == "aws":
                partition = self._catalogue.partition_of(region)
                loc = (
                    Location(cloud, region, partition.name, partition.dns_suffix)
                    if partition is not None
                    else Location(cloud, region, "aws", "amazonaws.com")
                )
            else:
                loc = Location(cloud, region, "", self._catalogue.alicloud_dns_suffix)
            self._locations[key] = loc
        return loc

    def default_region(self, cloud: str) -> str:
        """The region a default provider of ``cloud`` would use (stack config, else the fallback)."""
        configured = get_config(f"{cloud}:region")
        if isinstance(configured, str) and configured:
            return configured
        return self.default_aws_region if cloud == "aws" else self.default_alicloud_region

    def locate(self, token: str, inputs: dict[str, Any], provider: str | None) -> Location:
        """Where a resource of type ``token`` with these inputs and provider reference lives."""
        cloud = token.split(":", 1)[0]
        if cloud == "pulumi":
            if token == AWS_PROVIDER:
                cloud = "aws"
            elif token == ALICLOUD_PROVIDER:
                cloud = "alicloud"
            else:
                return _NOWHERE
            region = _plain(inputs.get("region"))
            return self.location(cloud, region if isinstance(region, str) and region else self.default_region(cloud))
        if cloud not in ("aws", "alicloud"):
            return _NOWHERE
        override = _plain(inputs.get("region" if cloud == "aws" else "regionId"))
        if isinstance(override, str) and override:
            return self.location(cloud, override)
        if provider:
            known = self._providers.get(provider.rpartition("::")[2])
            if known is not None and known.cloud == cloud:
                return known
        return self.location(cloud, self.default_region(cloud))

    # -- resources --------------------------------------------------------------------------------

    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        """Pulumi's mock hook: ``(physical id, outputs)`` for one resource."""
        rid, outputs, _ = self.new_resource_located(args)
        return rid, outputs

    def new_resource_located(self, args: MockResourceArgs) -> tuple[str, dict[str, Any], Location]:
        """Like :meth:`new_resource`, also returning the resolved :class:`Location` (for recorders)."""
        token = args.typ
        inputs = args.inputs
        loc = self.locate(token, inputs, args.provider)
        digest = hashlib.blake2b(
            f"{token}\x00{args.name}\x00{args.provider or ''}\x00{loc.region}".encode(), digest_size=16
        ).hexdigest()
        outputs = dict(inputs)
        if token == STACK_REFERENCE:
            # The engine reads the referenced stack's outputs (pulumi `StackReference` registers a read whose id is
            # the stack's name and reads `outputs` / `secretOutputNames` back): without them `get_output` fails.
            given = self.stack_outputs.get(_plain(inputs.get("name")) or args.resource_id or "", {})
            values = {k: v.value if isinstance(v, Secret) else v for k, v in given.items()}
            outputs.update(outputs=values, secretOutputNames=[k for k, v in given.items() if isinstance(v, Secret)])
        if loc.cloud is None:
            return args.resource_id or f"{args.name}-{digest[:12]}", outputs, loc
        if token.startswith("pulumi:providers:"):
            rid = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:]}"
            self._providers[rid] = loc
            return rid, outputs, loc
        site = Site(
            token=token,
            name=args.name,
            inputs=inputs,
            cloud=loc.cloud,
            region=loc.region or "",
            partition=loc.partition,
            dns=loc.dns,
            account=self.aws_account_id if loc.cloud == "aws" else self.alicloud_account_id,
            digest=digest,
            resource_id=args.resource_id or None,
        )
        if loc.cloud == "aws":
            builder = AWS_BUILDERS.get(token, aws_generic)
        else:
            builder = ALICLOUD_BUILDERS.get(token, alicloud_generic)
        try:
            rid, computed = builder(site)
        except (TypeError, ValueError, AttributeError, IndexError):
            # An input of an unexpected shape (e.g. an unknown in preview) must not crash the program.
            rid, computed = (aws_generic if loc.cloud == "aws" else alicloud_generic)(site)
        outputs.update(computed)
        return rid, outputs, loc

    # -- invokes ----------------------------------------------------------------------------------

    def call(self, args: MockCallArgs) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        """Pulumi's mock hook for provider functions (invokes)."""
        result, _ = self.call_located(args)
        # MockMonitor iterates the failures list; None would crash it.
        return result, []

    def call_located(self, args: MockCallArgs) -> tuple[dict[str, Any], Location]:
        """Like :meth:`call`, also returning the resolved :class:`Location` (for recorders)."""
        token = args.token
        call_args = args.args or {}
        loc = self.locate(token, call_args, args.provider)
        if loc.cloud is None:
            return {}, loc
        handler = _INVOKES.get(token)
        if handler is None:
            return {}, loc
        try:
            return handler(self, loc, call_args), loc
        except (TypeError, ValueError, AttributeError, KeyError):
            return {}, loc


def _caller_identity(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    account = m.aws_account_id
    return {
        "accountId": account,
        "arn": f"arn:{loc.partition}:iam::{account}:user/sovereign-dc-mock",
        "userId": "AIDAMOCKSOVEREIGNDC0001",
        "id": account,
    }


def _region(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": loc.region,
        "region": loc.region,
        "id": loc.region,
        "endpoint": f"ec2.{loc.region}.{loc.dns}",
        "description": loc.region,
    }


def _partition(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    dns = loc.dns
    return {
        "partition": loc.partition,
        "dnsSuffix": dns,
        "reverseDnsPrefix": ".".join(reversed(dns.split("."))),
        "id": loc.partition,
    }


def _availability_zones(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    region = loc.region or ""
    names = [f"{region}{suffix}" for suffix in "abc"]
    excluded = set(args.get("excludeNames") or ())
    pairs = [(n, _zone_id(region, i + 1)) for i, n in enumerate(names) if n not in excluded]
    return {
        "id": region,
        "region": region,
        "names": [n for n, _ in pairs],
        "zoneIds": [z for _, z in pairs],
        "groupNames": [region] * len(pairs),
        "state": args.get("state"),
    }


def _ali_zones(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    region = loc.region or ""
    ids = [f"{region}-{suffix}" for suffix in "abc"]
    instance_type = args.get("availableInstanceType")
    disk = args.get("availableDiskCategory")
    # Zones selling the asked instance type and disk category (get_zones: "a sold-out zone is not exported").
    if (instance_type and instance_type.rsplit(".", 1)[0] not in _ALI_FAMILIES) or (disk and disk not in _ALI_DISKS):
        ids = []
    zones = [
        {
            "id": zone,
            "localName": zone,
            "availableInstanceTypes": [],
            "availableResourceCreations": [],
            "availableDiskCategories": [],
            "multiZoneIds": [],
            "slbSlaveZoneIds": [],
        }
        for zone in ids
    ]
    return {"id": region, "ids": ids, "zones": zones}


def _ali_account(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    return {"id": m.alicloud_account_id}


def _one_or_sorted(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else sorted(values)


def _statement(raw: dict[str, Any]) -> dict[str, Any]:
    st: dict[str, Any] = {}
    if raw.get("sid"):
        st["Sid"] = raw["sid"]
    st["Effect"] = raw.get("effect") or "Allow"
    for key, name in (("actions", "Action"), ("notActions", "NotAction")):
        if raw.get(key):
            st[name] = _one_or_sorted(list(raw[key]))
    for key, name in (("principals", "Principal"), ("notPrincipals", "NotPrincipal")):
        entries = raw.get(key) or []
        if entries:
            if len(entries) == 1 and entries[0].get("type") == "*":
                st[name] = "*"
            else:
                grouped: dict[str, list[str]] = {}
                for entry in entries:
                    grouped.setdefault(entry.get("type", "AWS"), []).extend(entry.get("identifiers") or [])
                st[name] = {k: _one_or_sorted(v) for k, v in sorted(grouped.items())}
    for key, name in (("resources", "Resource"), ("notResources", "NotResource")):
        if raw.get(key):
            st[name] = _one_or_sorted(list(raw[key]))
    conditions: dict[str, dict[str, Any]] = {}
    for cond in raw.get("conditions") or []:
        conditions.setdefault(cond["test"], {})[cond["variable"]] = _one_or_sorted(list(cond.get("values") or []))
    if conditions:
        st["Condition"] = conditions
    return st


def _policy_document(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    statements: list[dict[str, Any]] = []
    for source in args.get("sourcePolicyDocuments") or []:
        statements.extend(json.loads(source).get("Statement") or [])
    statements.extend(_statement(raw) for raw in args.get("statements") or [])
    for override in args.get("overridePolicyDocuments") or []:
        for st in json.loads(override).get("Statement") or []:
            sid = st.get("Sid")
            same = [i for i, existing in enumerate(statements) if sid and existing.get("Sid") == sid]
            if same:
                statements[same[0]] = st
            else:
                statements.append(st)
    doc: dict[str, Any] = {"Version": args.get("version") or "2012-10-17"}
    if args.get("policyId"):
        doc["Id"] = args["policyId"]
    doc["Statement"] = statements
    pretty = json.dumps(doc, indent=2)
    return {
        "id": hashlib.blake2b(pretty.encode(), digest_size=4).hexdigest(),
        "json": pretty,
        "minifiedJson": json.dumps(doc, separators=(",", ":")),
        "version": doc["Version"],
        "statements": args.get("statements") or [],
    }


def _short_digest(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=8).hexdigest()


# Interface services the China regions list as cn.com.amazonaws.<region>.<service> (from
# `aws ec2 describe-vpc-endpoint-services` as recorded in the AWS CDK's endpoint table); every other
# service there, and the S3 gateway, is com.amazonaws.<region>.<service>.
_CN_PREFIXED_INTERFACE_SERVICES = frozenset(
    {
        "application-autoscaling", "athena", "autoscaling", "backup", "cloudformation", "ebs", "ec2", "ecr.api",
        "ecr.dkr", "elasticfilesystem", "execute-api", "kinesis-streams", "lambda", "monitoring", "rds", "s3",
        "sqs", "states", "sts", "xray",
    }
)  # fmt: skip


def _endpoint_services(loc: Location) -> set[tuple[str, str]]:
    """(service name, type) of every endpoint service the region offers (a representative subset; S3 is
    offered as a gateway and as an interface service)."""
    region = loc.region or ""
    names = {(f"com.amazonaws.{region}.s3", "Gateway"), (f"com.amazonaws.{region}.dynamodb", "Gateway")}
    for service in (
        *_CN_PREFIXED_INTERFACE_SERVICES,
        "kms",
        "ssm",
        "ssmmessages",
        "ec2messages",
        "logs",
        "secretsmanager",
    ):
        prefix = (
            "cn.com.amazonaws"
            if loc.partition == "aws-cn" and service in _CN_PREFIXED_INTERFACE_SERVICES
            else ("com.amazonaws")
        )
        names.add((f"{prefix}.{region}.{service}", "Interface"))
    return names


def _vpc_endpoint_service(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    kind = args.get("serviceType", "Interface")
    offered = _endpoint_services(loc)
    if args.get("serviceName"):
        # As the provider does: a name the region does not offer (or of another type) is an error.
        name = args["serviceName"]
        if (name, kind) not in offered:
            raise KeyError(name)
        service = name.split(f".{loc.region}.", 1)[1]
    else:
        service = args.get("service", "")
        matches = [n for n, k in offered if k == kind and n.endswith(f".{loc.region}.{service}")]
        if len(matches) != 1:
            raise KeyError(service)
        name = matches[0]
    return {
        "id": name,
        "serviceName": name,
        "service": service,
        "serviceType": kind,
        "serviceId": f"vpce-svc-{_short_digest(name)}",
    }


def _ssm_parameter(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    # The stock-AMI parameters (/aws/service/ami-amazon-linux-latest/...) resolve to a per-region image.
    name = args.get("name", "")
    return {
        "id": name,
        "name": name,
        "type": "String",
        "value": f"ami-{_short_digest(name, loc.region or '')[:17]}",
        "arn": f"arn:{loc.partition}:ssm:{loc.region}:{m.aws_account_id}:parameter{name}",
    }


def _ali_images(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    image = f"aliyun_3_x64_20G_alibase_{_short_digest(loc.region or '')[:8]}.vhd"
    return {"id": loc.region, "ids": [image], "images": [{"id": image, "imageId": image, "osType": "linux"}]}


def _ali_zone_ids(loc: Location) -> list[str]:
    region = loc.region or ""
    return [f"{region}-{suffix}" for suffix in "abc"]


def _ali_service_zones(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    """A service's own zone listing (rds / kvstore / mongodb / alb / nlb / adb / gpdb / elasticsearch / nas `get_zones`,
    `vpc.get_enhanced_nat_available_zones`): the region's zones, under both the `id` and the `zoneId` names."""
    ids = _ali_zone_ids(loc)
    zones = [{"id": z, "zoneId": z, "localName": z, "multiZoneIds": [], "multi": False} for z in ids]
    return {"id": loc.region, "ids": ids, "zones": zones}


def _ali_networks(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    vpc = f"vpc-{_short_digest(loc.region or '', 'vpc')}"
    network = {"id": vpc, "vpcId": vpc, "regionId": loc.region, "cidrBlock": "172.16.0.0/12", "vpcName": "default"}
    return {"id": loc.region, "ids": [vpc], "names": ["default"], "vpcs": [network]}


def _ali_switches(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    vpc = args.get("vpcId") or f"vpc-{_short_digest(loc.region or '', 'vpc')}"
    zones = [args["zoneId"]] * 2 if args.get("zoneId") else _ali_zone_ids(loc)[:2]
    ids = [f"vsw-{_short_digest(str(vpc), zone, str(i))}" for i, zone in enumerate(zones)]
    switches = [
        {"id": sw, "vswitchId": sw, "zoneId": zone, "vpcId": vpc, "cidrBlock": f"172.16.{i}.0/24"}
        for i, (sw, zone) in enumerate(zip(ids, zones, strict=True))
    ]
    return {"id": loc.region, "ids": ids, "vswitches": switches}


def _ali_resource_groups(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    group = f"rg-{_short_digest(m.alicloud_account_id, 'rg')}"
    return {"id": group, "ids": [group], "names": ["default"],
            "groups": [{"id": group, "resourceGroupName": "default", "accountId": m.alicloud_account_id}]}  # fmt: skip


def _ali_kms_keys(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    key = _short_digest(loc.region or "", "kms-key") + _short_digest(m.alicloud_account_id, "kms-key")
    key = f"{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:32]}"
    arn = f"acs:kms:{loc.region}:{m.alicloud_account_id}:key/{key}"
    return {"id": loc.region, "ids": [key], "keys": [{"id": key, "keyId": key, "arn": arn, "status": "Enabled"}]}


def _ali_kms_instances(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    instance = f"kst-{_short_digest(loc.region or '', 'kms-instance')}"
    return {"id": loc.region, "ids": [instance], "instances": [{"id": instance, "instanceId": instance}]}


def _ali_regions(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    # `current = true`: the provider's region (the only answer the mocks give).
    region = loc.region
    return {"id": region, "ids": [region], "regions": [{"id": region, "regionId": region, "localName": region}]}


def _ali_ram_roles(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    name = "AliyunServiceRoleForMock"
    arn = f"acs:ram::{m.alicloud_account_id}:role/{name.lower()}"
    return {"id": name, "ids": [name], "names": [name], "roles": [{"id": name, "name": name, "arn": arn}]}


def _ali_instance_types(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    types = ["ecs.g6.large"]
    return {"id": loc.region, "ids": types, "instanceTypes": [{"id": t, "family": "ecs.g6"} for t in types]}


def _ali_polardb_classes(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    engines = [{"engine": "MySQL", "availableResources": [{"dbNodeClass": "polar.mysql.x4.large"}]}]
    classes = [{"zoneId": zone, "supportedEngines": engines} for zone in _ali_zone_ids(loc)]
    return {"id": loc.region, "ids": [c["zoneId"] for c in classes], "classes": classes}


def _ali_rds_classes(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    zones = [{"id": z, "subZoneIds": [z]} for z in _ali_zone_ids(loc)]
    ranges = [{"min": "20", "max": "2000", "step": "5"}]
    classes = [{"instanceClass": "mysql.n2.small.1", "price": "0", "storageRanges": ranges, "zoneIds": zones}]
    return {"id": loc.region, "ids": ["mysql.n2.small.1"], "instanceClasses": classes}


def _iot_endpoint(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    # Account-specific prefix, then the region's own domain: xxxx-ats.iot.cn-north-1.amazonaws.com.cn.
    kind = args.get("endpointType") or "iot:Data"
    prefix = {"iot:Data-ATS": "-ats.iot", "iot:Data": ".iot", "iot:CredentialProvider": ".credentials.iot"}.get(
        kind, ".iot"
    )
    host = f"{_short_digest(m.aws_account_id, kind)[:14]}{prefix}.{loc.region}.{loc.dns}"
    return {"id": loc.region, "endpointAddress": host, "endpointType": kind, "region": loc.region}


def _prefix_list(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    name = args.get("name") or f"com.amazonaws.{loc.region}.s3"
    pid = f"pl-{_short_digest(name)[:8]}"
    return {"id": pid, "prefixListId": pid, "name": name, "cidrBlocks": ["198.51.100.0/24"], "region": loc.region}


# Instance families offered in every zone of every region the shipped stacks use; any other family is
# offered nowhere, so a typo or an unavailable type gets the program's clear "offered in 0 zones" error.
_AWS_FAMILIES = frozenset({"m5", "m6i", "m7i", "c6i", "r6i", "t3"})
_ALI_FAMILIES = frozenset({"ecs.g6", "ecs.g7", "ecs.c7", "ecs.r7"})
_ALI_DISKS = frozenset({"cloud_essd", "cloud_efficiency", "cloud_ssd"})


def _instance_type_offerings(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    wanted = [v for f in args.get("filters") or [] if f.get("name") == "instance-type" for v in f.get("values") or []]
    zones = _availability_zones(m, loc, {})["names"]
    pairs = [(t, z) for t in wanted if t.split(".", 1)[0] in _AWS_FAMILIES for z in zones]
    return {
        "id": loc.region,
        "instanceTypes": [t for t, _ in pairs],
        "locations": [z for _, z in pairs],
        "locationTypes": [args.get("locationType") or "region"] * len(pairs),
    }


def _service_principal(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    service = args.get("serviceName", "")
    # aws.get_service_principal: <service>.amazonaws.com in every partition for EC2 today; the suffix
    # follows the partition's DNS suffix only for the services AWS lists (none used here).
    return {"id": f"{service}.{loc.region}", "name": f"{service}.amazonaws.com", "suffix": "amazonaws.com"}


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _kebab(key: str) -> str:
    return _CAMEL_HUMP.sub("-", key).lower().replace("_", "-")


def _kebab_keys(value: Any) -> Any:
    """A data source's arguments (camelCase at the top, snake_case in nested blocks) as the kebab-case keys of the
    JSON document it renders."""
    if isinstance(value, Mapping):
        return {_kebab(str(k)): _kebab_keys(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_kebab_keys(v) for v in value]
    return value


def _core_network_policy_document(m: SovereignMocks, loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    # aws.networkmanager.get_core_network_policy_document renders a Cloud WAN core network policy: the same blocks
    # in the policy's kebab-case keys, its one core-network-configuration block as an object, not a list
    # (https://docs.aws.amazon.com/network-manager/latest/cloudwan/cloudwan-policies-json.html).
    doc: dict[str, Any] = {"version": args.get("version") or "2021.12"}
    for key, value in args.items():
        if key == "version" or value is None:
            continue
        if key == "coreNetworkConfigurations":
            doc["core-network-configuration"] = _kebab_keys((value or [{}])[0])
        else:
            doc[_kebab(key)] = _kebab_keys(value)
    pretty = json.dumps(doc, indent=2)
    return {"id": hashlib.blake2b(pretty.encode(), digest_size=4).hexdigest(), "json": pretty}


_INVOKES: Mapping[str, Callable[[SovereignMocks, Location, dict[str, Any]], dict[str, Any]]] = MappingProxyType(
    {
        "aws:index/getCallerIdentity:getCallerIdentity": _caller_identity,
        "aws:index/getRegion:getRegion": _region,
        "aws:index/getPartition:getPartition": _partition,
        "aws:index/getAvailabilityZones:getAvailabilityZones": _availability_zones,
        "aws:iam/getPolicyDocument:getPolicyDocument": _policy_document,
        "alicloud:index/getZones:getZones": _ali_zones,
        "alicloud:index/getAccount:getAccount": _ali_account,
        "aws:ec2/getVpcEndpointService:getVpcEndpointService": _vpc_endpoint_service,
        "aws:ssm/getParameter:getParameter": _ssm_parameter,
        "alicloud:ecs/getImages:getImages": _ali_images,
        "aws:iot/getEndpoint:getEndpoint": _iot_endpoint,
        "aws:ec2/getPrefixList:getPrefixList": _prefix_list,
        "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings": _instance_type_offerings,
        "aws:index/getServicePrincipal:getServicePrincipal": _service_principal,
        "aws:networkmanager/getCoreNetworkPolicyDocument:getCoreNetworkPolicyDocument": _core_network_policy_document,
        # Alibaba Cloud data sources the registry's examples read (tests/fixtures/registry_examples36.yaml).
        **{
            f"alicloud:{service}/getZones:getZones": _ali_service_zones
            for service in ("rds", "kvstore", "mongodb", "alb", "nlb", "adb", "gpdb", "elasticsearch", "nas")
        },
        "alicloud:vpc/getEnhancedNatAvailableZones:getEnhancedNatAvailableZones": _ali_service_zones,
        "alicloud:vpc/getNetworks:getNetworks": _ali_networks,
        "alicloud:vpc/getSwitches:getSwitches": _ali_switches,
        "alicloud:resourcemanager/getResourceGroups:getResourceGroups": _ali_resource_groups,
        "alicloud:kms/getKeys:getKeys": _ali_kms_keys,
        "alicloud:kms/getInstances:getInstances": _ali_kms_instances,
        "alicloud:index/getRegions:getRegions": _ali_regions,
        "alicloud:ram/getRoles:getRoles": _ali_ram_roles,
        "alicloud:ecs/getInstanceTypes:getInstanceTypes": _ali_instance_types,
        "alicloud:polardb/getNodeClasses:getNodeClasses": _ali_polardb_classes,
        "alicloud:rds/getInstanceClasses:getInstanceClasses": _ali_rds_classes,
    }
)
