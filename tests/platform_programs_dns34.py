"""Ordinary programs giving services private DNS names (false-alarm review, DNS, stop 34).

Each builder is what an EV platform team writes from the provider docs to name its databases, caches, Kafka brokers and
internal APIs: Route 53 private hosted zones (`vpcs`) under `.internal` and `home.arpa`, split-horizon public and
private zones, CNAMEs to records of the same zone, AWS Cloud Map private DNS namespaces, Route 53 Resolver rules
forwarding the company's domain to its resolvers on premises, Alibaba Cloud PrivateZone zones in CN, and a Timestream
for InfluxDB bucket told to its writer under INFLUXDB_BUCKET. Each has an offending twin where one is meaningful (a
private zone under a public domain, a `.local` name, a record the stack never makes, a record or resolver abroad, a
bucket the stack does not make). tests/test_realistic_programs.py runs them as CASES (``falsealarm11-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function

Build = Any

VPC = "vpc-0a1b2c3d4e5f60718"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]


def _suffix(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _cluster(opts: Any) -> Any:
    return aws.rds.Cluster(
        "fleet-db", cluster_identifier="fleet-db", engine="aurora-postgresql", engine_version="16.4",
        master_username="fleet", manage_master_user_password=True, storage_encrypted=True,
        db_subnet_group_name="fleet-db", skip_final_snapshot=True, opts=opts,
    )  # fmt: skip


# -- Route 53 private hosted zones -----------------------------------------------------------------------------------


def private_zone_services(region: str, zone: str = "fleet.internal", how: str = "full") -> Build:
    # docs: route53/zone (`vpcs`: "Configuration block(s) specifying VPC(s) to associate with a private hosted zone"),
    # route53/record (CNAMEs to the Aurora writer and reader endpoints, A records for the Redis and Kafka nodes' private
    # addresses), lambda/function environment. The trip service reaches its database, cache and brokers by the names of
    # the stack's private zone. `how`: `full` records named in full, `relative` named relative to the zone (the
    # provider completes them), `urls` the names inside connection URLs, `unmade` a name of the zone no record gives.
    def build(c: Any) -> object:
        opts = _aws(region)
        cluster = _cluster(opts)
        hosted = aws.route53.Zone("fleet-private", name=zone, vpcs=[{"vpc_id": VPC, "vpc_region": region}], opts=opts)

        def name(label: str) -> str:
            return label if how == "relative" else f"{label}.{zone}"

        aws.route53.Record("db-writer", zone_id=hosted.zone_id, name=name("writer.db"), type="CNAME", ttl=60,
                           records=[cluster.endpoint], opts=opts)  # fmt: skip
        aws.route53.Record("db-reader", zone_id=hosted.zone_id, name=name("reader.db"), type="CNAME", ttl=60,
                           records=[cluster.reader_endpoint], opts=opts)  # fmt: skip
        aws.route53.Record("cache", zone_id=hosted.zone_id, name=name("cache"), type="A", ttl=60,
                           records=["10.40.4.21"], opts=opts)  # fmt: skip
        aws.route53.Record("kafka", zone_id=hosted.zone_id, name=name("kafka"), type="A", ttl=60,
                           records=["10.40.5.11", "10.40.5.12", "10.40.5.13"], opts=opts)  # fmt: skip
        env: dict[str, Any] = {
            "DB_WRITER": f"writer.db.{zone}",
            "DB_READER": f"reader.db.{zone}:5432",
            "REDIS_HOST": f"cache.{zone}",
            "KAFKA_BOOTSTRAP": f"kafka.{zone}:9092",
        }
        if how == "urls":
            env = {
                "DATABASE_URL": f"postgresql://trips@writer.db.{zone}:5432/trips",
                "REDIS_URL": f"rediss://cache.{zone}:6379/0",
                "KAFKA_BOOTSTRAP": f"kafka.{zone}:9092",
            }
        elif how == "unmade":
            env = {"DB_WRITER": f"writer.db.{zone}", "SEARCH_HOST": f"search.{zone}"}
        return _function(
            "trip-service",
            opts,
            env,
            vpc_config={"subnet_ids": SUBNETS, "security_group_ids": ["sg-0a1b2c3d4e5f60718"]},
        )

    return build


def private_zone_cname_abroad(region: str, target: str) -> Build:
    # docs: route53/record — the offending twin: the private zone's name is proven only as far as its record's value,
    # here a partner's database host (or another Region's endpoint).
    def build(c: Any) -> object:
        opts = _aws(region)
        hosted = aws.route53.Zone("fleet-private", name="fleet.internal", vpcs=[{"vpc_id": VPC}], opts=opts)
        aws.route53.Record("analytics", zone_id=hosted.zone_id, name="analytics.fleet.internal", type="CNAME",
                           ttl=60, records=[target], opts=opts)  # fmt: skip
        return _function("reporting", opts, {"ANALYTICS_HOST": "analytics.fleet.internal"})

    return build


def internal_api_alias(region: str, zone: str = "fleet.internal") -> Build:
    # docs: lb/loadbalancer (`internal`), route53/record `aliases` (AliasTarget DNSName of the load balancer): the
    # internal orders API behind an internal ALB, named `orders.<zone>` by an alias record, called by a worker over
    # HTTPS.
    def build(c: Any) -> object:
        opts = _aws(region)
        alb = aws.lb.LoadBalancer("orders-internal", internal=True, load_balancer_type="application",
                                  subnets=SUBNETS, opts=opts)  # fmt: skip
        hosted = aws.route53.Zone("fleet-private", name=zone, vpcs=[{"vpc_id": VPC}], opts=opts)
        aws.route53.Record("orders", zone_id=hosted.zone_id, name=f"orders.{zone}", type="A",
                           aliases=[{"name": alb.dns_name, "zone_id": alb.zone_id, "evaluate_target_health": True}],
                           opts=opts)  # fmt: skip
        return _function("order-worker", opts, {"ORDERS_API_URL": f"https://orders.{zone}/v1/orders",
                                                "ORDERS_HOST": f"orders.{zone}"})  # fmt: skip

    return build


def split_horizon(region: str, zone: str, target: str | None = None, public_url: bool = False) -> Build:
    # docs: route53/zone (a public zone for the portal, a private one for the internal API), route53/record: `www` a
    # CNAME to `portal` of the same public zone ("a CNAME ... to another record"), `portal` a CNAME to the stack's load
    # balancer, the internal API an A record of the private zone. `target`: the offending twin's `www` CNAME target;
    # `public_url`: the backend told the public zone's name too (refused: a public domain resolves wherever its
    # delegation says, which no document of the stack shows).
    def build(c: Any) -> object:
        opts = _aws(region)
        sfx = _suffix(region)
        public = aws.route53.Zone("fleet-public", name=zone, opts=opts)
        private = aws.route53.Zone("fleet-private", name="fleet.internal", vpcs=[{"vpc_id": VPC}], opts=opts)
        aws.route53.Record("portal", zone_id=public.zone_id, name=f"portal.{zone}", type="CNAME", ttl=300,
                           records=[f"dualstack.fleet-portal-1234567890.{region}.elb.{sfx}"], opts=opts)  # fmt: skip
        aws.route53.Record("www", zone_id=public.zone_id, name="www", type="CNAME", ttl=300,
                           records=[target or f"portal.{zone}"], opts=opts)  # fmt: skip
        aws.route53.Record("api-internal", zone_id=private.zone_id, name="api", type="A", ttl=60,
                           records=["10.40.6.10"], opts=opts)  # fmt: skip
        env = {"INTERNAL_API_URL": "https://api.fleet.internal/v2"}
        if public_url:
            env["PUBLIC_URL"] = f"https://www.{zone}/"
        return _function("portal-backend", opts, env)

    return build


def home_arpa(region: str) -> Build:
    # docs: route53/zone, route53/record — a depot's private zone under `home.arpa` (RFC 8375) naming the charger
    # controller's private address, read by the depot sync function.
    def build(c: Any) -> object:
        opts = _aws(region)
        hosted = aws.route53.Zone("depot", name="depot.home.arpa", vpcs=[{"vpc_id": VPC}], opts=opts)
        aws.route53.Record("chargers", zone_id=hosted.zone_id, name="chargers", type="A", ttl=60,
                           records=["10.40.7.5"], opts=opts)  # fmt: skip
        return _function("depot-sync", opts, {"CHARGER_API": "http://chargers.depot.home.arpa:8080/status"})

    return build


# -- AWS Cloud Map ---------------------------------------------------------------------------------------------------


def cloud_map(region: str, namespace: str = "fleet.internal", instance_ip: str | None = None) -> Build:
    # docs: servicediscovery/privatednsnamespace ("Creates a private namespace based on DNS, which is visible only
    # inside a specified Amazon VPC ... if you name your namespace example.com and name your service backend, the
    # resulting DNS name for the service is backend.example.com"), servicediscovery/service (`dns_config`, A records,
    # MULTIVALUE), ecs/service `service_registries` (ECS registers each task's private address), and an instance
    # registered by hand (`instance_ip`: AWS_INSTANCE_IPV4). The order worker calls the orders service by its name.
    def build(c: Any) -> object:
        opts = _aws(region)
        ns = aws.servicediscovery.PrivateDnsNamespace("fleet", name=namespace, vpc=VPC, opts=opts)
        orders = aws.servicediscovery.Service(
            "orders", name="orders",
            dns_config={"namespace_id": ns.id, "routing_policy": "MULTIVALUE",
                        "dns_records": [{"ttl": 10, "type": "A"}]},
            health_check_custom_config={"failure_threshold": 1}, opts=opts,
        )  # fmt: skip
        aws.ecs.Service(
            "orders", cluster="fleet", task_definition="orders:3", desired_count=2, launch_type="FARGATE",
            network_configuration={"subnets": SUBNETS, "assign_public_ip": False},
            service_registries={"registry_arn": orders.arn}, opts=opts,
        )  # fmt: skip
        if instance_ip is not None:
            aws.servicediscovery.Instance("legacy-orders", instance_id="legacy-orders-1", service_id=orders.id,
                                          attributes={"AWS_INSTANCE_IPV4": instance_ip}, opts=opts)  # fmt: skip
        return _function("order-worker", opts, {"ORDERS_HOST": f"orders.{namespace}",
                                                "ORDERS_URL": f"http://orders.{namespace}:8080/"})  # fmt: skip

    return build


def service_connect(region: str) -> Build:
    # docs: servicediscovery/httpnamespace, ecs/service `service_connect_configuration` (`services[].client_alias[]`:
    # "You use these to assign names that can be used by client applications"; ServiceConnectClientAlias dnsName "the
    # name that you use in the applications of client tasks to connect to this service"): the orders service is given
    # the name `orders.fleet.internal` in the fleet namespace.
    def build(c: Any) -> object:
        opts = _aws(region)
        ns = aws.servicediscovery.HttpNamespace("fleet", name="fleet", opts=opts)
        return aws.ecs.Service(
            "orders", cluster="fleet", task_definition="orders:3", desired_count=2, launch_type="FARGATE",
            network_configuration={"subnets": SUBNETS, "assign_public_ip": False},
            service_connect_configuration={"enabled": True, "namespace": ns.arn, "services": [
                {"port_name": "http", "discovery_name": "orders",
                 "client_alias": [{"port": 8080, "dns_name": "orders.fleet.internal"}]}]},
            opts=opts,
        )  # fmt: skip

    return build


# -- Route 53 Resolver rules to the company's resolvers ----------------------------------------------------------------


def resolver_forwarding(region: str, resolvers: list[str]) -> Build:
    # docs: route53/resolverendpoint (OUTBOUND, `ip_addresses`), route53/resolverrule (FORWARD, `domain_name`,
    # `target_ips`), route53/resolverruleassociation: names under the company's domain are resolved by its resolvers
    # on premises (reached over Direct Connect at private addresses); the import job reaches the dealer system by such
    # a name only through them.
    def build(c: Any) -> object:
        opts = _aws(region)
        outbound = aws.route53.ResolverEndpoint(
            "to-corp", direction="OUTBOUND", security_group_ids=["sg-0a1b2c3d4e5f60718"],
            ip_addresses=[{"subnet_id": SUBNETS[0]}, {"subnet_id": SUBNETS[1]}], opts=opts,
        )  # fmt: skip
        rule = aws.route53.ResolverRule(
            "corp", domain_name="corp.internal", rule_type="FORWARD", resolver_endpoint_id=outbound.id,
            target_ips=[{"ip": ip, "port": 53} for ip in resolvers], opts=opts,
        )  # fmt: skip
        return aws.route53.ResolverRuleAssociation("corp", resolver_rule_id=rule.id, vpc_id=VPC, opts=opts)

    return build


# -- Alibaba Cloud PrivateZone ---------------------------------------------------------------------------------------


def ali_private_zone(region: str, zone: str = "fleet.internal", value: str | None = None) -> Build:
    # docs: pvtz/zone (`zone_name`), pvtz/zoneattachment (`vpc_ids`), pvtz/zonerecord (`rr`, `type`, `value`), rds/
    # instance (`connection_string`), fc/v3function `environment_variables`: the trip service reaches the stack's RDS
    # instance and Redis node by names of the stack's PrivateZone zone. `value`: the offending twin's record value.
    def build(c: Any) -> object:
        opts = _ali(region)
        rds = alicloud.rds.Instance(
            "orders", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c", instance_storage=50,
            db_instance_storage_type="cloud_essd", vswitch_id="vsw-0a1b2c3d4e5f", opts=opts,
        )  # fmt: skip
        pz = alicloud.pvtz.Zone("fleet", zone_name=zone, opts=opts)
        alicloud.pvtz.ZoneAttachment("fleet", zone_id=pz.id, vpc_ids=["vpc-uf6f7l4fg90oxxxxxxxxx"], opts=opts)
        alicloud.pvtz.ZoneRecord("db", zone_id=pz.id, rr="db", type="CNAME", ttl=60,
                                 value=value if value is not None else rds.connection_string, opts=opts)  # fmt: skip
        alicloud.pvtz.ZoneRecord("cache", zone_id=pz.id, rr="cache", type="A", ttl=60, value="172.16.3.21",
                                 opts=opts)  # fmt: skip
        return alicloud.fc.V3Function(
            "trip-service", function_name="trip-service", runtime="python3.10", handler="index.handler",
            memory_size=512, code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"DB_HOST": f"db.{zone}", "REDIS_URL": f"redis://cache.{zone}:6379/0"}, opts=opts,
        )  # fmt: skip

    return build


def ali_resolver_forwarding(region: str, resolver: str) -> Build:
    # docs: pvtz/endpoint (the outbound endpoint's vSwitch addresses), pvtz/rule (FORWARD of `corp.internal` to the
    # company's resolvers, `forward_ips`), pvtz/ruleattachment: the dealer system's names resolve on premises.
    def build(c: Any) -> object:
        opts = _ali(region)
        endpoint = alicloud.pvtz.Endpoint(
            "to-corp", endpoint_name="to-corp", security_group_id="sg-uf6f7l4fg90oxxxxxxxx",
            vpc_id="vpc-uf6f7l4fg90oxxxxxxxxx", vpc_region_id=region,
            ip_configs=[{"zone_id": f"{region}-e", "cidr_block": "172.16.0.0/24", "vswitch_id": "vsw-0a1b2c3d4e5f"},
                        {"zone_id": f"{region}-f", "cidr_block": "172.16.1.0/24", "vswitch_id": "vsw-1a1b2c3d4e5f"}],
            opts=opts,
        )  # fmt: skip
        return alicloud.pvtz.Rule("corp", rule_name="corp", type="OUTBOUND", zone_name="corp.internal",
                                  endpoint_id=endpoint.id, forward_ips=[{"ip": resolver, "port": 53}],
                                  opts=opts)  # fmt: skip

    return build


# -- Timestream for InfluxDB buckets under *_BUCKET variables ---------------------------------------------------------


def influxdb_bucket_variable(region: str, how: str) -> Build:
    # docs: timestreaminfluxdb/dbinstance and dbcluster (`bucket`: "the name of the initial InfluxDB bucket"), lambda/
    # function environment: the telemetry writer is told the database's bucket under INFLUXDB_BUCKET (`how`: `output`
    # the instance's output, `literal` its name written out, `cluster` a DbCluster's, `partner` a bucket the stack does
    # not make: judged as an S3 bucket name, the offending twin).
    def build(c: Any) -> object:
        opts = _aws(region)
        common: dict[str, Any] = {
            "allocated_storage": 20, "db_instance_type": "db.influx.medium", "bucket": "vehicle-telemetry",
            "organization": "fleet", "username": "admin", "password": "example-password-1",
            "vpc_subnet_ids": SUBNETS, "vpc_security_group_ids": ["sg-0a1b2c3d4e5f60718"],
        }  # fmt: skip
        influx: Any
        if how == "cluster":
            influx = aws.timestreaminfluxdb.DbCluster("telemetry", name="fleet-telemetry", opts=opts, **common)
        else:
            influx = aws.timestreaminfluxdb.DbInstance("telemetry", name="fleet-telemetry", opts=opts, **common)
        bucket: Any = {"output": influx.bucket, "cluster": influx.bucket, "literal": "vehicle-telemetry"}.get(
            how, "partner-telemetry"
        )
        return _function("telemetry-writer", opts, {"INFLUXDB_BUCKET": bucket, "INFLUXDB_ORG": "fleet"})

    return build
