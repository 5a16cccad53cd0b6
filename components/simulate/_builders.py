"""Per-type computed outputs for the mocks (AWS and Alibaba Cloud).

Each builder receives a :class:`Site` (what the mocks resolved about one resource: where it lives,
its deterministic hash, its inputs) and returns ``(physical id, computed outputs)``. The mocks echo
the inputs first and overlay these. Builders are plain functions looked up in a dict by type token,
so per-resource work is one dict lookup plus a few string formats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from pulumi.runtime.rpc import is_rpc_secret, unwrap_rpc_secret

__all__ = ["ALICLOUD_BUILDERS", "AWS_BUILDERS", "AWS_GLOBAL_SERVICES", "Site", "aws_generic", "alicloud_generic"]

Builder = Callable[["Site"], tuple[str, dict[str, Any]]]

# Services whose ARNs carry no region (and whose resources have no `region` property in v7).
AWS_GLOBAL_SERVICES = frozenset({"iam", "route53", "cloudfront", "organizations", "globalaccelerator", "shield"})

# Pulumi module names that differ from the ARN service namespace.
_AWS_SERVICE_ALIASES = {
    "lb": "elasticloadbalancing",
    "alb": "elasticloadbalancing",
    "elb": "elasticloadbalancing",
    "vpc": "ec2",
    "ebs": "ec2",
    "cognito": "cognito-idp",
    "cfg": "config",
    "ecrpublic": "ecr-public",
}


class Site:
    """Everything a builder may use about one resource. Built once per resource, never copied."""

    __slots__ = ("account", "cloud", "digest", "dns", "inputs", "name", "partition", "region", "resource_id", "token")

    def __init__(
        self,
        *,
        token: str,
        name: str,
        inputs: dict[str, Any],
        cloud: str,
        region: str,
        partition: str,
        dns: str,
        account: str,
        digest: str,
        resource_id: str | None,
    ) -> None:
        self.token = token
        self.name = name
        self.inputs = inputs
        self.cloud = cloud
        self.region = region
        self.partition = partition
        self.dns = dns
        self.account = account
        self.digest = digest
        self.resource_id = resource_id

    def get(self, key: str) -> Any:
        """An input value with any secret wrapper removed (outputs derived from it stay plain)."""
        value = self.inputs.get(key)
        return unwrap_rpc_secret(value) if is_rpc_secret(value) else value

    def hex(self, n: int) -> str:
        """``n`` deterministic hex characters for this resource."""
        return self.digest[:n]

    def uuid(self) -> str:
        """A deterministic UUID-shaped id."""
        d = self.digest
        return f"{d[:8]}-{d[8:12]}-{d[12:16]}-{d[16:20]}-{d[20:32]}"

    def physical_name(self, key: str = "name", max_len: int = 63) -> str:
        """The explicit name input, else the read/import id, else an auto-name like the provider's."""
        explicit = self.get(key)
        if isinstance(explicit, str) and explicit:
            return explicit
        prefix = self.get(f"{key}Prefix")
        if isinstance(prefix, str) and prefix:
            return prefix + self.digest[:26]
        if self.resource_id:
            return self.resource_id
        return f"{self.name}-{self.digest[:7]}"[:max_len]

    def arn(self, service: str, resource: str, *, regional: bool = True) -> str:
        region = self.region if regional else ""
        return f"arn:{self.partition}:{service}:{region}:{self.account}:{resource}"


def _kebab(type_name: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(type_name):
        if ch.isupper() and i:
            out.append("-")
        out.append(ch.lower())
    return "".join(out)


def aws_service(token: str) -> str:
    """The ARN service namespace for a pulumi-aws type token (``aws:s3/bucket:Bucket`` -> ``s3``)."""
    module = token.split(":", 2)[1] if token.count(":") >= 2 else ""
    service = module.split("/", 1)[0]
    return _AWS_SERVICE_ALIASES.get(service, service)


def aws_generic(site: Site) -> tuple[str, dict[str, Any]]:
    """Any AWS type: an id, an ARN in the right partition and the region."""
    type_name = site.token.rsplit(":", 1)[-1]
    service = aws_service(site.token)
    rid = site.resource_id or f"{_kebab(type_name)}-{site.hex(17)}"
    given = site.inputs.get("arn")
    if isinstance(given, str) and given:
        # `arn` is an input of some types (an EventBridge target's `arn`, the resource it writes to): the provider
        # returns it as given, never the target's own ARN (it has none).
        return rid, {"arn": given, "region": site.region}
    if service in AWS_GLOBAL_SERVICES:
        return rid, {"arn": site.arn(service, f"{_kebab(type_name)}/{rid}", regional=False)}
    return rid, {"arn": site.arn(service, f"{_kebab(type_name)}/{rid}"), "region": site.region}


def _regional(site: Site, out: dict[str, Any]) -> dict[str, Any]:
    out["region"] = site.region
    return out


def _s3_bucket(site: Site) -> tuple[str, dict[str, Any]]:
    bucket = site.physical_name("bucket")
    return bucket, _regional(
        site,
        {
            "bucket": bucket,
            "arn": f"arn:{site.partition}:s3:::{bucket}",
            "bucketDomainName": f"{bucket}.s3.{site.dns}",
            "bucketRegionalDomainName": f"{bucket}.s3.{site.region}.{site.dns}",
            "hostedZoneId": f"Z{site.hex(13).upper()}",
        },
    )


def _s3_bucket_child(site: Site) -> tuple[str, dict[str, Any]]:
    # Versioning, encryption, public-access-block, policy...: the id is the bucket name.
    bucket = site.get("bucket")
    rid = site.resource_id or (bucket if isinstance(bucket, str) and bucket else f"{site.name}-{site.hex(7)}")
    return rid, {"region": site.region}


def _kms_key(site: Site) -> tuple[str, dict[str, Any]]:
    key_id = site.resource_id or site.uuid()
    return key_id, _regional(site, {"arn": site.arn("kms", f"key/{key_id}"), "keyId": key_id})


def _kms_alias(site: Site) -> tuple[str, dict[str, Any]]:
    alias = site.get("name") or site.resource_id or f"alias/{site.name}-{site.hex(7)}"
    target = site.get("targetKeyId")
    out: dict[str, Any] = {"name": alias, "arn": site.arn("kms", alias)}
    if isinstance(target, str) and target:
        out["targetKeyArn"] = target if target.startswith("arn:") else site.arn("kms", f"key/{target}")
    return alias, _regional(site, out)


def _iam_role(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=64)
    path = site.get("path") or "/"
    return name, {
        "name": name,
        "arn": site.arn("iam", f"role{path}{name}", regional=False),
        "uniqueId": f"AROA{site.hex(17).upper()}",
        "createDate": "2024-01-01T00:00:00Z",
    }


def _iam_policy(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=128)
    path = site.get("path") or "/"
    arn = site.arn("iam", f"policy{path}{name}", regional=False)
    # The provider uses the ARN as a managed policy's id.
    return arn, {"name": name, "arn": arn, "policyId": f"ANPA{site.hex(17).upper()}"}


def _iam_named(kind: str) -> Callable[[Site], tuple[str, dict[str, Any]]]:
    def build(site: Site) -> tuple[str, dict[str, Any]]:
        name = site.physical_name(max_len=64)
        path = site.get("path") or "/"
        return name, {"name": name, "arn": site.arn("iam", f"{kind}{path}{name}", regional=False)}

    return build


def _ec2(
    prefix: str, arn_kind: str, extra: Callable[[Site, str], dict[str, Any]] | None = None
) -> Callable[[Site], tuple[str, dict[str, Any]]]:
    def build(site: Site) -> tuple[str, dict[str, Any]]:
        rid = site.resource_id or f"{prefix}-{site.hex(17)}"
        out: dict[str, Any] = {"arn": site.arn("ec2", f"{arn_kind}/{rid}"), "ownerId": site.account}
        if extra is not None:
            out.update(extra(site, rid))
        return rid, _regional(site, out)

    return build


def _zone_id(region: str, index: int = 1) -> str:
    # Mirrors AWS zone ids such as euc1-az1 / cnn1-az1 / cnnw1-az1 / apne1-az1 / usgw1-az1
    # (https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html).
    short = {
        "north": "n",
        "south": "s",
        "east": "e",
        "west": "w",
        "central": "c",
        "gov": "g",
        "northeast": "ne",
        "northwest": "nw",
        "southeast": "se",
        "southwest": "sw",
    }
    parts = region.split("-")
    mid = "".join(short.get(p, p[:1]) for p in parts[1:-1])
    return f"{parts[0]}{mid}{parts[-1]}-az{index}"


def _vpc_extra(site: Site, rid: str) -> dict[str, Any]:
    return {
        "defaultSecurityGroupId": f"sg-{site.digest[1:18]}",
        "defaultRouteTableId": f"rtb-{site.digest[2:19]}",
        "mainRouteTableId": f"rtb-{site.digest[2:19]}",
        "defaultNetworkAclId": f"acl-{site.digest[3:20]}",
        "dhcpOptionsId": f"dopt-{site.digest[4:21]}",
    }


def _subnet_extra(site: Site, rid: str) -> dict[str, Any]:
    az = site.get("availabilityZone")
    if not isinstance(az, str) or not az:
        az = site.region + "a"
    return {"availabilityZone": az, "availabilityZoneId": _zone_id(site.region, ord(az[-1]) - ord("a") + 1)}


def _sg_extra(site: Site, rid: str) -> dict[str, Any]:
    return {"name": site.physical_name(max_len=255)}


def _private_ip(site: Site) -> str:
    d = site.digest
    return f"10.{int(d[0:2], 16) % 256}.{int(d[2:4], 16) % 256}.{int(d[4:6], 16) % 250 + 4}"


def _instance_extra(site: Site, rid: str) -> dict[str, Any]:
    ip = site.get("privateIp") or _private_ip(site)
    az = site.get("availabilityZone") or site.region + "a"
    return {
        "privateIp": ip,
        "privateDns": f"ip-{ip.replace('.', '-')}.{site.region}.compute.internal",
        "primaryNetworkInterfaceId": f"eni-{site.digest[5:22]}",
        "instanceState": "running",
        "availabilityZone": az,
    }


def _launch_template_extra(site: Site, rid: str) -> dict[str, Any]:
    return {"name": site.physical_name(max_len=128), "latestVersion": 1, "defaultVersion": 1}


def _vpc_endpoint_extra(site: Site, rid: str) -> dict[str, Any]:
    service = site.get("serviceName") or f"com.amazonaws.{site.region}.s3"
    return {
        "state": "available",
        "prefixListId": f"pl-{site.hex(8)}",
        "dnsEntries": [
            {"dnsName": f"{rid}.{service.rsplit('.', 1)[-1]}.{site.region}.vpce.{site.dns}", "hostedZoneId": ""}
        ],
    }


def _asg(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=255)
    arn = site.arn("autoscaling", f"autoScalingGroup:{site.uuid()}:autoScalingGroupName/{name}")
    return name, _regional(site, {"name": name, "arn": arn})


def _log_group(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=512)
    return name, _regional(site, {"name": name, "arn": site.arn("logs", f"log-group:{name}")})


def _sqs_queue(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=80)
    url = f"https://sqs.{site.region}.{site.dns}/{site.account}/{name}"
    return url, _regional(site, {"name": name, "arn": site.arn("sqs", name), "url": url})


def _arn_id(service: str, kind: str, max_len: int) -> Builder:
    """A Kinesis data stream or Firehose delivery stream: its physical id is its ARN (kinesis/stream `arn` "ARN
    specifying the stream (same as `id`)"; a delivery stream is imported by its ARN), named after its `name`. Its
    `arn` is also an input, returned as given (as ``aws_generic`` does): only the id proves the stream the stack made
    (``made_account_arns``, stop 45)."""

    def build(site: Site) -> tuple[str, dict[str, Any]]:
        arn = site.arn(service, f"{kind}/{site.physical_name(max_len=max_len)}")
        given = site.inputs.get("arn")
        return arn, _regional(site, {"arn": given if isinstance(given, str) and given else arn})

    return build


def _sns_topic(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=256)
    arn = site.arn("sns", name)
    return arn, _regional(site, {"name": name, "arn": arn})


def _route53_zone(site: Site) -> tuple[str, dict[str, Any]]:
    # The four name servers Route 53 assigns a hosted zone (the global partition's shape; the China
    # regions' name server domains are not confirmed, see docs/residency.md).
    zone_id = site.resource_id or f"Z{site.hex(20).upper()}"
    digits = [int(site.hex(8)[i : i + 2], 16) for i in range(0, 8, 2)]
    tlds = ("com", "net", "org", "co.uk")
    servers = [f"ns-{d * 8 + i}.awsdns-{d % 64:02d}.{tld}" for i, (d, tld) in enumerate(zip(digits, tlds, strict=True))]
    return zone_id, {
        "zoneId": zone_id,
        "arn": f"arn:{site.partition}:route53:::hostedzone/{zone_id}",
        "nameServers": servers,
        "primaryNameServer": servers[0],
    }


def _global_group(service: str, kind: str, suffix_key: str, name_key: str) -> Builder:
    """An ElastiCache global datastore / MemoryDB multi-Region cluster: the service puts a prefix of its own
    before the suffix the program gives, and the full name is the group's id (and what members join by)."""

    def build(site: Site) -> tuple[str, dict[str, Any]]:
        suffix = site.get(suffix_key)
        name = site.resource_id or f"{site.hex(5)}-{suffix if isinstance(suffix, str) and suffix else site.name}"
        return name, {name_key: name, "arn": site.arn(service, f"{kind}:{name}", regional=False)}

    return build


def _lambda_function(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=64)
    arn = site.arn("lambda", f"function:{name}")
    invoke = f"arn:{site.partition}:apigateway:{site.region}:lambda:path/2015-03-31/functions/{arn}/invocations"
    return name, _regional(
        site, {"name": name, "arn": arn, "qualifiedArn": f"{arn}:$LATEST", "version": "$LATEST", "invokeArn": invoke}
    )


def _event_endpoint(site: Site) -> tuple[str, dict[str, Any]]:
    # (awsred62) An EventBridge global endpoint: its ARN (`arn:<partition>:events:<region>:<account>:endpoint/<name>`)
    # and its URL, whose first two labels are the endpoint's id (PutEvents EndpointId: "if the URL for Endpoint is
    # https://abcde.veo.endpoints.event.amazonaws.com, then the EndpointId is abcde.veo").
    name = site.physical_name(max_len=64)
    url = f"https://{site.hex(5)}.{site.hex(8)[5:]}.endpoints.event.{site.dns}"
    return name, _regional(site, {"name": name, "arn": site.arn("events", f"endpoint/{name}"), "endpointUrl": url})


def _dynamodb_table(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name(max_len=255)
    return name, _regional(site, {"name": name, "arn": site.arn("dynamodb", f"table/{name}")})


def _load_balancer(site: Site) -> tuple[str, dict[str, Any]]:
    # ELB DNS names: <name>-<id>.<region>.elb.<dns> for an ALB (internal-<name>-... when internal),
    # <name>-<hex>.elb.<region>.<dns> for an NLB. A program that builds a URL from dns_name gets a real host,
    # not "None" (the offline plan would judge http://None/... as an unproven host).
    name = site.physical_name(max_len=32)
    kind = "net" if site.get("loadBalancerType") == "network" else "app"
    prefix = "internal-" if site.get("internal") else ""
    if kind == "net":
        dns_name = f"{prefix}{name}-{site.hex(16)}.elb.{site.region}.{site.dns}"
    else:
        dns_name = f"{prefix}{name}-{int(site.hex(8), 16)}.{site.region}.elb.{site.dns}"
    arn = site.arn("elasticloadbalancing", f"loadbalancer/{kind}/{name}/{site.hex(16)}")
    return arn, _regional(
        site, {"name": name, "arn": arn, "arnSuffix": arn.split(":loadbalancer/", 1)[1], "dnsName": dns_name}
    )


# Data-store endpoints, in the documented shapes, so that a program building a URL or connection string from
# them (f"rediss://{rg.primary_endpoint_address}:6379") gets a real host rather than "None".


def _short_region(region: str) -> str:
    return _zone_id(region).split("-az", 1)[0]  # use1, euc1, cnn1 (ElastiCache host labels)


def _elasticache_group(site: Site) -> tuple[str, dict[str, Any]]:
    # <role>.<id>.<hash>.<short region>.cache.<dns>
    # (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Endpoints.html).
    ident = site.physical_name("replicationGroupId", max_len=40).lower()
    tail = f"{ident}.{site.hex(6)}.{_short_region(site.region)}.cache.{site.dns}"
    return ident, _regional(
        site,
        {
            "arn": site.arn("elasticache", f"replicationgroup:{ident}"),
            "primaryEndpointAddress": f"master.{tail}",
            "readerEndpointAddress": f"replica.{tail}",
            "configurationEndpointAddress": f"clustercfg.{tail}",
        },
    )


def _db_cluster(service: str, id_key: str) -> Callable[[Site], tuple[str, dict[str, Any]]]:
    # <id>.cluster-<hash>.<region>.<rds|docdb>.<dns>, the reader endpoint with cluster-ro-.
    def build(site: Site) -> tuple[str, dict[str, Any]]:
        ident = site.physical_name(id_key).lower()
        digest = site.hex(12)
        return ident, _regional(
            site,
            {
                "clusterIdentifier": ident,
                "arn": site.arn("rds", f"cluster:{ident}"),
                "endpoint": f"{ident}.cluster-{digest}.{site.region}.{service}.{site.dns}",
                "readerEndpoint": f"{ident}.cluster-ro-{digest}.{site.region}.{service}.{site.dns}",
            },
        )

    return build


def _rds_proxy(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name().lower()
    return name, _regional(
        site,
        {
            "arn": site.arn("rds", f"db-proxy:prx-{site.hex(17)}"),
            "endpoint": f"{name}.proxy-{site.hex(12)}.{site.region}.rds.{site.dns}",
        },
    )


def _search_domain(site: Site) -> tuple[str, dict[str, Any]]:
    # vpc-<name>-<hash>.<region>.es.<dns> in a VPC, search-<name>-<hash>... on the public endpoint.
    name = site.physical_name("domainName", max_len=28)
    kind = "vpc" if site.get("vpcOptions") else "search"
    return name, _regional(
        site,
        {
            "domainName": name,
            "arn": site.arn("es", f"domain/{name}"),
            "endpoint": f"{kind}-{name}-{site.hex(26)}.{site.region}.es.{site.dns}",
        },
    )


def _efs(site: Site) -> tuple[str, dict[str, Any]]:
    rid = site.resource_id or f"fs-{site.hex(17)}"
    out = {"arn": site.arn("elasticfilesystem", f"file-system/{rid}"), "dnsName": f"{rid}.efs.{site.region}.{site.dns}"}
    return rid, _regional(site, out)


def _msk_cluster(site: Site) -> tuple[str, dict[str, Any]]:
    # b-<n>.<name>.<hash>.c2.kafka.<region>.<dns>:<port>, one per broker.
    name = site.physical_name("clusterName", max_len=64).lower()
    brokers = site.get("numberOfBrokerNodes") or 2
    host = f"{name}.{site.hex(6)}.c2.kafka.{site.region}.{site.dns}"

    def listing(port: int) -> str:
        return ",".join(f"b-{n}.{host}:{port}" for n in range(1, int(brokers) + 1))

    arn = site.arn("kafka", f"cluster/{name}/{site.uuid()}")
    return arn, _regional(
        site,
        {
            "clusterName": name,
            "arn": arn,
            "bootstrapBrokers": listing(9092),
            "bootstrapBrokersTls": listing(9094),
            "bootstrapBrokersSaslIam": listing(9098),
            "bootstrapBrokersSaslScram": listing(9096),
        },
    )


def _msk_serverless(site: Site) -> tuple[str, dict[str, Any]]:
    # "MSK Serverless": one bootstrap host, boot-<id>.c<n>.kafka-serverless.<region>.<dns>:9098 (IAM only).
    name = site.physical_name("clusterName", max_len=64).lower()
    arn = site.arn("kafka", f"cluster/{name}/{site.uuid()}")
    return arn, _regional(
        site,
        {
            "clusterName": name,
            "arn": arn,
            "clusterUuid": site.uuid(),
            "bootstrapBrokersSaslIam": f"boot-{site.hex(8)}.c1.kafka-serverless.{site.region}.{site.dns}:9098",
        },
    )


def _redshift_cluster(site: Site) -> tuple[str, dict[str, Any]]:
    # "Finding your cluster connection string": <cluster>.<id>.<region>.redshift.<dns>:5439; a managed admin password is
    # a Secrets Manager secret named redshift!<cluster>-<user> (ManageMasterPassword).
    ident = site.physical_name("clusterIdentifier").lower()
    host = f"{ident}.c{site.hex(11)}.{site.region}.redshift.{site.dns}"
    out: dict[str, Any] = {
        "clusterIdentifier": ident,
        "arn": site.arn("redshift", f"cluster:{ident}"),
        "clusterNamespaceArn": site.arn("redshift", f"namespace:{site.uuid()}"),
        "dnsName": host,
        "endpoint": f"{host}:{site.get('port') or 5439}",
    }
    if site.get("manageMasterPassword"):
        user = site.get("masterUsername") or "awsuser"
        out["masterPasswordSecretArn"] = site.arn("secretsmanager", f"secret:redshift!{ident}-{user}-{site.hex(6)}")
    return ident, _regional(site, out)


def _iot_named(kind: str) -> Callable[[Site], tuple[str, dict[str, Any]]]:
    # IoT ARNs: arn:<partition>:iot:<region>:<account>:<rule|policy|thingtype>/<name>.
    def build(site: Site) -> tuple[str, dict[str, Any]]:
        name = site.physical_name(max_len=128)
        return name, _regional(site, {"name": name, "arn": site.arn("iot", f"{kind}/{name}")})

    return build


def _rds_instance(site: Site) -> tuple[str, dict[str, Any]]:
    ident = site.physical_name("identifier")
    address = f"{ident}.c{site.hex(12)}.{site.region}.rds.{site.dns}"
    port = site.get("port") or 5432
    out: dict[str, Any] = {
        "identifier": ident,
        "arn": site.arn("rds", f"db:{ident}"),
        "address": address,
        "endpoint": f"{address}:{port}",
        "port": port,
        "resourceId": f"db-{site.hex(26).upper()}",
    }
    if site.get("manageMasterUserPassword"):
        # RDS names the secret rds!db-<uuid> and encrypts it with master_user_secret_kms_key_id.
        secret = site.arn("secretsmanager", f"secret:rds!db-{site.uuid()}-{site.hex(6)}")
        out["masterUserSecrets"] = [
            {"secretArn": secret, "kmsKeyId": site.get("masterUserSecretKmsKeyId") or "", "secretStatus": "active"}
        ]
    return ident, _regional(site, out)


def _rest_api(site: Site) -> tuple[str, dict[str, Any]]:
    rid = site.resource_id or site.hex(10)
    return rid, _regional(
        site,
        {
            "rootResourceId": site.hex(10)[::-1],
            "arn": f"arn:{site.partition}:apigateway:{site.region}::/restapis/{rid}",
            "executionArn": site.arn("execute-api", rid),
        },
    )


def _api_stage(site: Site) -> tuple[str, dict[str, Any]]:
    api, stage = site.get("restApi") or site.hex(10), site.get("stageName") or "stage"
    return f"ags-{api}-{stage}", _regional(
        site,
        {
            "arn": f"arn:{site.partition}:apigateway:{site.region}::/restapis/{api}/stages/{stage}",
            "executionArn": site.arn("execute-api", f"{api}/{stage}"),
            "invokeUrl": f"https://{api}.execute-api.{site.region}.{site.dns}/{stage}",
        },
    )


def _http_api(site: Site) -> tuple[str, dict[str, Any]]:
    # apigatewayv2 APIs: api_endpoint https://<api id>.execute-api.<region>.<dns suffix> (wss:// for WEBSOCKET).
    rid = site.resource_id or site.hex(10)
    scheme = "wss" if site.get("protocolType") == "WEBSOCKET" else "https"
    return rid, _regional(
        site,
        {
            "apiEndpoint": f"{scheme}://{rid}.execute-api.{site.region}.{site.dns}",
            "arn": f"arn:{site.partition}:apigateway:{site.region}::/apis/{rid}",
            "executionArn": site.arn("execute-api", rid),
        },
    )


def _http_api_stage(site: Site) -> tuple[str, dict[str, Any]]:
    # apigatewayv2/stage: "execution_arn: ARN prefix to be used in an `lambda.Permission`'s `source_arn` attribute ...
    # e.g. `arn:aws:execute-api:us-east-1:123456789012:1234567890/prod`" (awsred48: without it no program showed how
    # the stack's own stage is judged).
    api, stage = site.get("apiId") or site.hex(10), site.get("name") or "stage"
    return site.resource_id or stage, _regional(
        site,
        {
            "arn": f"arn:{site.partition}:apigateway:{site.region}::/apis/{api}/stages/{stage}",
            "executionArn": site.arn("execute-api", f"{api}/{stage}"),
        },
    )


def _bedrock_agent(site: Site) -> tuple[str, dict[str, Any]]:
    # bedrock/agentagent: `agent_id` "Unique identifier of the agent", `agent_arn` "ARN of the agent" (awsred48: the ARN
    # a Lambda permission's `source_arn` names for an action group's function).
    rid = site.resource_id or site.hex(10).upper()
    return rid, _regional(site, {"agentId": rid, "agentArn": site.arn("bedrock", f"agent/{rid}")})


def _cognito_user_pool(site: Site) -> tuple[str, dict[str, Any]]:
    # cognito/userpool: id <region>_<9 characters>; "endpoint: Endpoint name of the user pool. Example format:
    # cognito-idp.REGION.amazonaws.com/xxxx_yyyyy" (https://www.pulumi.com/registry/packages/aws/api-docs/cognito/userpool/),
    # the issuer a JWT authorizer names (https://cognito-idp.<region>.amazonaws.com/<pool id>).
    rid = site.resource_id or f"{site.region}_{site.hex(9)}"
    return rid, _regional(
        site,
        {
            "arn": site.arn("cognito-idp", f"userpool/{rid}"),
            "endpoint": f"cognito-idp.{site.region}.{site.dns}/{rid}",
            "name": site.physical_name(max_len=128),
        },
    )


def _ecr_repository(site: Site) -> tuple[str, dict[str, Any]]:
    # Private repositories: <registry id>.dkr.ecr.<region>.<dns suffix>/<name>.
    name = site.physical_name(max_len=256)
    return name, _regional(
        site,
        {
            "name": name,
            "arn": site.arn("ecr", f"repository/{name}"),
            "registryId": site.account,
            "repositoryUrl": f"{site.account}.dkr.ecr.{site.region}.{site.dns}/{name}",
        },
    )


def _ses_email_identity(site: Site) -> tuple[str, dict[str, Any]]:
    # Easy DKIM: SES returns three tokens, published as <token>._domainkey.<domain> CNAMEs.
    identity = site.get("emailIdentity") or site.name
    tokens = [f"{site.digest[i : i + 8]}{site.digest[::-1][i : i + 24]}" for i in (0, 8, 16)]
    return identity, _regional(
        site,
        {
            "arn": site.arn("ses", f"identity/{identity}"),
            "identityType": "EMAIL_ADDRESS" if "@" in identity else "DOMAIN",
            "dkimSigningAttributes": {
                "tokens": tokens,
                "status": "PENDING",
                "signingAttributesOrigin": "AWS_SES",
                "nextSigningKeyLength": "RSA_2048_BIT",
            },
        },
    )


def _web_acl(site: Site) -> tuple[str, dict[str, Any]]:
    rid = site.uuid()
    scope = "global" if site.get("scope") == "CLOUDFRONT" else "regional"
    name = site.physical_name()
    return rid, _regional(site, {"arn": site.arn("wafv2", f"{scope}/webacl/{name}/{rid}"), "name": name})


AWS_BUILDERS: Mapping[str, Builder] = MappingProxyType(
    {
        "aws:s3/bucket:Bucket": _s3_bucket,
        "aws:s3/bucketV2:BucketV2": _s3_bucket,
        "aws:s3/bucketVersioning:BucketVersioning": _s3_bucket_child,
        "aws:s3/bucketVersioningV2:BucketVersioningV2": _s3_bucket_child,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": _s3_bucket_child,
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": _s3_bucket_child,
        "aws:s3/bucketPolicy:BucketPolicy": _s3_bucket_child,
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls": _s3_bucket_child,
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": _s3_bucket_child,
        "aws:s3/bucketLogging:BucketLogging": _s3_bucket_child,
        # pulumi-aws: the V2 configurations' and the notification's id is the bucket's name ("id: The bucket or bucket
        # and expected_bucket_owner separated by a comma", s3/bucketlifecycleconfigurationv2,
        # s3/bucketserversideencryptionconfigurationv2, s3/bucketloggingv2; s3/bucketnotification is imported by the
        # bucket's name).
        "aws:s3/bucketNotification:BucketNotification": _s3_bucket_child,
        "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2": _s3_bucket_child,
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": _s3_bucket_child,
        "aws:s3/bucketLoggingV2:BucketLoggingV2": _s3_bucket_child,
        "aws:kms/key:Key": _kms_key,
        "aws:kms/alias:Alias": _kms_alias,
        "aws:iam/role:Role": _iam_role,
        "aws:iam/policy:Policy": _iam_policy,
        "aws:iam/user:User": _iam_named("user"),
        "aws:iam/group:Group": _iam_named("group"),
        "aws:iam/instanceProfile:InstanceProfile": _iam_named("instance-profile"),
        "aws:ec2/vpc:Vpc": _ec2("vpc", "vpc", _vpc_extra),
        "aws:ec2/subnet:Subnet": _ec2("subnet", "subnet", _subnet_extra),
        "aws:ec2/securityGroup:SecurityGroup": _ec2("sg", "security-group", _sg_extra),
        "aws:ec2/instance:Instance": _ec2("i", "instance", _instance_extra),
        "aws:ec2/launchTemplate:LaunchTemplate": _ec2("lt", "launch-template", _launch_template_extra),
        "aws:ec2/vpcEndpoint:VpcEndpoint": _ec2("vpce", "vpc-endpoint", _vpc_endpoint_extra),
        "aws:ec2/internetGateway:InternetGateway": _ec2("igw", "internet-gateway"),
        "aws:ec2/natGateway:NatGateway": _ec2("nat", "natgateway"),
        "aws:ec2/routeTable:RouteTable": _ec2("rtb", "route-table"),
        "aws:ec2/eip:Eip": _ec2("eipalloc", "elastic-ip"),
        "aws:ec2/networkInterface:NetworkInterface": _ec2("eni", "network-interface"),
        "aws:ebs/volume:Volume": _ec2("vol", "volume"),
        "aws:autoscaling/group:Group": _asg,
        "aws:cloudwatch/logGroup:LogGroup": _log_group,
        "aws:cloudwatch/eventEndpoint:EventEndpoint": _event_endpoint,
        "aws:sqs/queue:Queue": _sqs_queue,
        "aws:sns/topic:Topic": _sns_topic,
        "aws:kinesis/stream:Stream": _arn_id("kinesis", "stream", 128),
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": _arn_id("firehose", "deliverystream", 64),
        "aws:lambda/function:Function": _lambda_function,
        "aws:route53/zone:Zone": _route53_zone,
        "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": _global_group(
            "elasticache", "globalreplicationgroup", "globalReplicationGroupIdSuffix", "globalReplicationGroupId"
        ),
        "aws:memorydb/multiRegionCluster:MultiRegionCluster": _global_group(
            "memorydb", "multiregioncluster", "multiRegionClusterNameSuffix", "multiRegionClusterName"
        ),
        "aws:dynamodb/table:Table": _dynamodb_table,
        "aws:iot/topicRule:TopicRule": _iot_named("rule"),
        "aws:iot/policy:Policy": _iot_named("policy"),
        "aws:iot/thingType:ThingType": _iot_named("thingtype"),
        "aws:rds/instance:Instance": _rds_instance,
        "aws:lb/loadBalancer:LoadBalancer": _load_balancer,
        "aws:alb/loadBalancer:LoadBalancer": _load_balancer,
        "aws:elasticache/replicationGroup:ReplicationGroup": _elasticache_group,
        "aws:rds/cluster:Cluster": _db_cluster("rds", "clusterIdentifier"),
        "aws:docdb/cluster:Cluster": _db_cluster("docdb", "clusterIdentifier"),
        "aws:rds/proxy:Proxy": _rds_proxy,
        "aws:opensearch/domain:Domain": _search_domain,
        "aws:efs/fileSystem:FileSystem": _efs,
        "aws:msk/cluster:Cluster": _msk_cluster,
        "aws:msk/serverlessCluster:ServerlessCluster": _msk_serverless,
        "aws:redshift/cluster:Cluster": _redshift_cluster,
        "aws:apigateway/restApi:RestApi": _rest_api,
        "aws:apigateway/stage:Stage": _api_stage,
        "aws:apigatewayv2/api:Api": _http_api,
        "aws:apigatewayv2/stage:Stage": _http_api_stage,
        "aws:bedrock/agentAgent:AgentAgent": _bedrock_agent,
        "aws:cognito/userPool:UserPool": _cognito_user_pool,
        "aws:ecr/repository:Repository": _ecr_repository,
        "aws:sesv2/emailIdentity:EmailIdentity": _ses_email_identity,
        "aws:wafv2/webAcl:WebAcl": _web_acl,
    }
)


def alicloud_generic(site: Site) -> tuple[str, dict[str, Any]]:
    """Any Alibaba Cloud type: a deterministic id."""
    return site.resource_id or f"{site.name}-{site.hex(17)}", {}


def _oss_bucket(site: Site) -> tuple[str, dict[str, Any]]:
    bucket = site.physical_name("bucket")
    return bucket, {
        "bucket": bucket,
        "location": f"oss-{site.region}",
        "extranetEndpoint": f"oss-{site.region}.{site.dns}",
        "intranetEndpoint": f"oss-{site.region}-internal.{site.dns}",
        "owner": site.account,
        "creationDate": "2024-01-01",
    }


def _ali_kms_key(site: Site) -> tuple[str, dict[str, Any]]:
    key_id = site.resource_id or site.uuid()
    return key_id, {"arn": f"acs:kms:{site.region}:{site.account}:key/{key_id}", "status": "Enabled"}


def _ali_prefixed(prefix: str) -> Callable[[Site], tuple[str, dict[str, Any]]]:
    def build(site: Site) -> tuple[str, dict[str, Any]]:
        return site.resource_id or f"{prefix}-{site.hex(20)}", {}

    return build


def _ali_vswitch(site: Site) -> tuple[str, dict[str, Any]]:
    zone = site.get("zoneId") or f"{site.region}-a"
    return site.resource_id or f"vsw-{site.hex(20)}", {"zoneId": zone}


def _ali_ram_role(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name("roleName", max_len=64)
    return name, {"roleName": name, "arn": f"acs:ram::{site.account}:role/{name.lower()}", "roleId": site.hex(19)}


def _ali_ram_policy(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name("policyName", max_len=128)
    return name, {"policyName": name, "type": "Custom"}


def _ali_fc_function(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name("functionName", max_len=64)
    return name, {
        "functionName": name,
        "functionArn": f"acs:fc:{site.region}:{site.account}:functions/{name}",
        "functionId": site.uuid(),
    }


def _ali_rds_instance(site: Site) -> tuple[str, dict[str, Any]]:
    # ApsaraDB RDS connection strings carry the instance id, not the region (pgm-<id>.pg.rds.aliyuncs.com).
    rid = site.resource_id or f"pgm-{site.hex(20)}"
    return rid, {"connectionString": f"{rid}.pg.rds.{site.dns}", "port": "5432", "status": "Running"}


def _ali_kvstore(site: Site) -> tuple[str, dict[str, Any]]:
    # Tair / Redis hosts carry the instance id, not the region (r-<id>.redis.rds.aliyuncs.com).
    rid = site.resource_id or f"r-{site.hex(18)}"
    return rid, {"connectionDomain": f"{rid}.redis.rds.{site.dns}", "port": 6379, "status": "Normal"}


def _ali_kafka(site: Site) -> tuple[str, dict[str, Any]]:
    # ApsaraMQ for Kafka: end_point lists the VPC bootstrap servers, alikafka-<id>-<n>-vpc.alikafka.aliyuncs.com:9092.
    rid = site.resource_id or f"alikafka_pre-cn-{site.hex(12)}"
    host = rid.replace("_", "-").lower()
    servers = ",".join(f"{host}-{n}-vpc.alikafka.{site.dns}:9092" for n in (1, 2, 3))
    return rid, {"endPoint": servers, "status": 5}


def _ali_elasticsearch(site: Site) -> tuple[str, dict[str, Any]]:
    # Elasticsearch endpoints carry the instance id, not the region (es-cn-<id>.elasticsearch.aliyuncs.com).
    rid = site.resource_id or f"es-cn-{site.hex(16)}"
    return rid, {
        "domain": f"{rid}.elasticsearch.{site.dns}",
        "port": 9200,
        "kibanaDomain": f"{rid}.kibana.elasticsearch.{site.dns}",
        "kibanaPort": 5601,
        "status": "active",
    }


def _ali_mongodb(site: Site) -> tuple[str, dict[str, Any]]:
    # A replica set's node addresses carry the instance id, not the region (dds-<id>.mongodb.rds.aliyuncs.com).
    rid = site.resource_id or f"dds-{site.hex(14)}"
    replica_sets = [
        {"connectionDomain": f"{rid}{suffix}.mongodb.rds.{site.dns}", "connectionPort": "3717",
         "replicaSetRole": role, "networkType": "VPC"}
        for suffix, role in (("", "Primary"), ("-2", "Secondary"))
    ]  # fmt: skip
    return rid, {"replicaSets": replica_sets, "replicaSetName": "mgset-" + site.hex(8)}


def _ali_mongodb_sharding(site: Site) -> tuple[str, dict[str, Any]]:
    # A sharded cluster's mongos and Config Server node addresses carry the node id, not the region
    # (s-<id>.mongodb.rds.aliyuncs.com, cs-<id>.mongodb.rds.aliyuncs.com), as the instance's outputs.
    rid = site.resource_id or f"dds-{site.hex(14)}"

    def nodes(key: str, prefix: str) -> list[dict[str, Any]]:
        given = site.get(key) or [{}]
        ids = [f"{prefix}-{site.hex(12)}{n}" for n in range(len(given) if isinstance(given, list) else 1)]
        return [
            {**(node if isinstance(node, dict) else {}), "nodeId": i, "connectString": f"{i}.mongodb.rds.{site.dns}",
             "port": 3717}
            for i, node in zip(ids, given if isinstance(given, list) else [{}], strict=True)
        ]  # fmt: skip

    return rid, {"mongoLists": nodes("mongoLists", "s"), "configServerLists": nodes("configServerLists", "cs")}


def _ali_polardb(site: Site) -> tuple[str, dict[str, Any]]:
    # The cluster endpoint carries the cluster id, not the region (pc-<id>.rwlb.rds.aliyuncs.com).
    rid = site.resource_id or f"pc-{site.hex(18)}"
    return rid, {"connectionString": f"{rid}.rwlb.rds.{site.dns}", "port": "3306", "status": "Running"}


def _ali_polardb_address(site: Site) -> tuple[str, dict[str, Any]]:
    # A PolarDB endpoint's Internet address: <connection_prefix>.rwlb.rds.aliyuncs.com (the cluster id when no prefix is
    # given), no region in it (ROS ALIYUN::POLARDB::DBClusterEndpointAddress ConnectionString).
    prefix = site.get("connectionPrefix") or f"pc-{site.hex(18)}"
    return f"{site.get('dbClusterId')}:{site.get('dbEndpointId')}", {
        "connectionString": f"{prefix}.rwlb.rds.{site.dns}",
        "port": "3306",
    }


# (alired63) The other Alibaba Cloud databases' own addresses (self_address_outputs), each carrying an id or the
# program's prefix, no region: an AnalyticDB for MySQL cluster's VPC address am-<id>.ads.aliyuncs.com, an AnalyticDB for
# PostgreSQL instance's gp-<id>-master.gpdb.rds.aliyuncs.com, a public connection or extra endpoint
# <connection_prefix>.<engine>.rds.aliyuncs.com, an RDS database proxy's address (its exact shape not confirmed: any
# host under rds.aliyuncs.com names no region).
def _ali_adb_cluster(site: Site) -> tuple[str, dict[str, Any]]:
    rid = site.resource_id or f"am-{site.hex(17)}"
    return rid, {"connectionString": f"{rid}.ads.{site.dns}", "port": "3306", "status": "Running"}


def _ali_gpdb_instance(site: Site) -> tuple[str, dict[str, Any]]:
    rid = site.resource_id or f"gp-{site.hex(18)}"
    return rid, {"connectionString": f"{rid}-master.gpdb.rds.{site.dns}", "port": "5432", "status": "Running"}


def _ali_db_connection(service: str, parent: str) -> Callable[[Site], tuple[str, dict[str, Any]]]:
    """A public connection of a database: ``<parent id>:<prefix>`` and ``<prefix>.<service>.<suffix>``."""

    def build(site: Site) -> tuple[str, dict[str, Any]]:
        prefix = site.get("connectionPrefix") or site.get("connectionStringPrefix") or f"fleet-{site.hex(8)}"
        host = f"{prefix}.{service}.{site.dns}"
        return f"{site.get(parent)}:{prefix}", {"connectionString": host, "port": site.get("port") or "3306"}

    return build


def _ali_rds_proxy(site: Site) -> tuple[str, dict[str, Any]]:
    rid = f"{site.get('instanceId')}"
    return rid, {"dbProxyConnectionString": f"{rid}.proxy.rds.{site.dns}", "dbProxyConnectStringPort": 3306,
                 "dbProxyEndpointId": f"ta-{site.hex(12)}"}  # fmt: skip


# (alired64) The address types round 23 did not simulate: a Tair (Redis) instance's public connection
# (<prefix>.redis.rds.aliyuncs.com, id the instance's), an RDS read/write splitting address (<prefix>.mysql.rds...), an
# RDS endpoint's public address (<prefix>.mysql.rds..., id <instance>:<endpoint>), a sharded cluster's mongos public
# address (<node id>-pub.mongodb.rds.aliyuncs.com, id <instance>:<node>). None names a region; the shapes follow the
# products' documented endpoints as known, not confirmed page by page (the judgement does not depend on them: any host
# under rds.aliyuncs.com names no region).
def _ali_kvstore_connection(site: Site) -> tuple[str, dict[str, Any]]:
    prefix = site.get("connectionStringPrefix") or f"r-{site.hex(18)}"
    return f"{site.get('instanceId')}", {"connectionString": f"{prefix}.redis.rds.{site.dns}"}


def _ali_rds_splitting(site: Site) -> tuple[str, dict[str, Any]]:
    prefix = site.get("connectionPrefix") or f"{site.get('instanceId')}rw"
    return f"{site.get('instanceId')}", {"connectionString": f"{prefix}.mysql.rds.{site.dns}", "port": 3306}


def _ali_rds_endpoint_address(site: Site) -> tuple[str, dict[str, Any]]:
    rid = f"{site.get('dbInstanceId')}:{site.get('dbInstanceEndpointId')}"
    host = f"{site.get('connectionStringPrefix')}.mysql.rds.{site.dns}"
    return rid, {"connectionString": host, "ipType": "Public"}


def _ali_rds_endpoint(site: Site) -> tuple[str, dict[str, Any]]:
    rid, outputs = _ali_db_connection("mysql.rds", "dbInstanceId")(site)
    return rid, {**outputs, "dbInstanceEndpointId": f"ep-{site.hex(18)}"}


def _ali_mongodb_sharding_public(site: Site) -> tuple[str, dict[str, Any]]:
    node = site.get("nodeId")
    address = {"networkAddress": f"{node}-pub.mongodb.rds.{site.dns}", "networkType": "Public", "nodeId": node,
               "nodeType": "mongos", "port": "3717", "role": "Primary"}  # fmt: skip
    return f"{site.get('dbInstanceId')}:{node}", {"networkAddresses": [address]}


def _ali_mongodb_public(site: Site) -> tuple[str, dict[str, Any]]:
    rid = f"{site.get('dbInstanceId')}"
    replica_sets = [{"connectionDomain": f"{rid}-pub.mongodb.rds.{site.dns}", "connectionPort": "3717",
                     "networkType": "Public", "replicaSetRole": "Primary"}]  # fmt: skip
    return rid, {"replicaSets": replica_sets}


def _ali_mongodb_sharding_private(site: Site) -> tuple[str, dict[str, Any]]:
    node = site.get("nodeId")
    address = {"networkAddress": f"{node}.mongodb.rds.{site.dns}", "networkType": "VPC", "nodeId": node,
               "nodeType": "shard", "port": "3717", "role": "Primary"}  # fmt: skip
    return f"{site.get('dbInstanceId')}:{node}", {"networkAddresses": [address]}


def _ali_selectdb(site: Site) -> tuple[str, dict[str, Any]]:
    # A SelectDB instance's VPC address carries the instance id (selectdb-<id>-fe.selectdbfe.rds.aliyuncs.com; not
    # confirmed page by page).
    rid = site.resource_id or f"selectdb-{site.hex(12)}"
    info = {"connectionString": f"{rid}-fe.selectdbfe.rds.{site.dns}", "netType": "VPC", "vpcId": site.get("vpcId"),
            "vswitchId": site.get("vswitchId")}  # fmt: skip
    return rid, {"instanceNetInfos": [info]}


def _ali_alb(site: Site) -> tuple[str, dict[str, Any]]:
    # ALB instance domains: alb-<id>.<region>.alb.aliyuncs.com.
    rid = site.resource_id or f"alb-{site.hex(18)}"
    return rid, {"dnsName": f"{rid}.{site.region}.alb.{site.dns}", "status": "Active"}


def _ali_nas_mount(site: Site) -> tuple[str, dict[str, Any]]:
    # NAS mount target domains: <file system id>-<id>.<region>.nas.aliyuncs.com.
    fs = site.get("fileSystemId") or site.hex(10)
    domain = f"{fs}-{site.hex(5)}.{site.region}.nas.{site.dns}"
    return f"{fs}:{domain}", {"mountTargetDomain": domain, "status": "Active"}


def _ali_kms_secret(site: Site) -> tuple[str, dict[str, Any]]:
    name = site.physical_name("secretName", max_len=192)
    return name, {"arn": f"acs:kms:{site.region}:{site.account}:secret/{name}", "secretName": name}


def _ali_api_group(site: Site) -> tuple[str, dict[str, Any]]:
    rid = site.resource_id or site.hex(32)
    return rid, {"subDomain": f"{rid}-{site.region}.alicloudapi.com", "instanceId": "api-shared-vpc-001"}


def _ali_instance(site: Site) -> tuple[str, dict[str, Any]]:
    # ECS creates the system disk with the instance and reports its id (``system_disk_id``).
    return site.resource_id or f"i-{site.hex(20)}", {"systemDiskId": f"d-{site.digest[2:22]}"}


def _ali_kms_instance(site: Site) -> tuple[str, dict[str, Any]]:
    return site.resource_id or f"kst-{site.region[:3]}{site.hex(17)}", {"status": "Connected"}


ALICLOUD_BUILDERS: Mapping[str, Builder] = MappingProxyType(
    {
        "alicloud:oss/bucket:Bucket": _oss_bucket,
        "alicloud:kms/key:Key": _ali_kms_key,
        "alicloud:kms/instance:Instance": _ali_kms_instance,
        "alicloud:vpc/network:Network": _ali_prefixed("vpc"),
        "alicloud:vpc/switch:Switch": _ali_vswitch,
        "alicloud:ecs/securityGroup:SecurityGroup": _ali_prefixed("sg"),
        # A regional EIP's id is eip-..., an Anycast EIP's aeip-... (AllocateEipAddress, DescribeAnycastEipAddress):
        # a load balancer zone's allocation_id is judged by that form (alicloud-anycast-eip-load-balancer).
        "alicloud:ecs/eipAddress:EipAddress": _ali_prefixed("eip"),
        "alicloud:eipanycast/anycastEipAddress:AnycastEipAddress": _ali_prefixed("aeip"),
        "alicloud:ecs/instance:Instance": _ali_instance,
        "alicloud:ram/role:Role": _ali_ram_role,
        "alicloud:ram/policy:Policy": _ali_ram_policy,
        "alicloud:fc/v3Function:V3Function": _ali_fc_function,
        "alicloud:rds/instance:Instance": _ali_rds_instance,
        "alicloud:kms/secret:Secret": _ali_kms_secret,
        "alicloud:apigateway/group:Group": _ali_api_group,
        "alicloud:kvstore/instance:Instance": _ali_kvstore,
        "alicloud:polardb/cluster:Cluster": _ali_polardb,
        "alicloud:polardb/endpointAddress:EndpointAddress": _ali_polardb_address,
        "alicloud:alikafka/instance:Instance": _ali_kafka,
        "alicloud:elasticsearch/instance:Instance": _ali_elasticsearch,
        "alicloud:mongodb/instance:Instance": _ali_mongodb,
        "alicloud:mongodb/shardingInstance:ShardingInstance": _ali_mongodb_sharding,
        "alicloud:alb/loadBalancer:LoadBalancer": _ali_alb,
        "alicloud:nas/mountTarget:MountTarget": _ali_nas_mount,
        "alicloud:adb/dBCluster:DBCluster": _ali_adb_cluster,
        "alicloud:adb/connection:Connection": _ali_db_connection("ads", "dbClusterId"),
        "alicloud:gpdb/instance:Instance": _ali_gpdb_instance,
        "alicloud:gpdb/connection:Connection": _ali_db_connection("gpdb.rds", "instanceId"),
        "alicloud:rds/connection:Connection": _ali_db_connection("mysql.rds", "instanceId"),
        "alicloud:rds/dbInstanceEndpoint:DbInstanceEndpoint": _ali_rds_endpoint,
        "alicloud:rds/rdsDbProxy:RdsDbProxy": _ali_rds_proxy,
        "alicloud:kvstore/connection:Connection": _ali_kvstore_connection,
        "alicloud:rds/readWriteSplittingConnection:ReadWriteSplittingConnection": _ali_rds_splitting,
        "alicloud:rds/dbInstanceEndpointAddress:DbInstanceEndpointAddress": _ali_rds_endpoint_address,
        "alicloud:mongodb/shardingNetworkPublicAddress:ShardingNetworkPublicAddress": _ali_mongodb_sharding_public,
        "alicloud:mongodb/publicNetworkAddress:PublicNetworkAddress": _ali_mongodb_public,
        "alicloud:mongodb/shardingNetworkPrivateAddress:ShardingNetworkPrivateAddress": _ali_mongodb_sharding_private,
        "alicloud:selectdb/dbInstance:DbInstance": _ali_selectdb,
    }
)
