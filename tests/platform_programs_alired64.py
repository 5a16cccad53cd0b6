"""Alibaba Cloud red team, round 24 (stop 64): what round 23 left open and a sweep of pulumi-alicloud types no round had
probed. Three findings, each written where a platform team writes it:

- the program's own database address from the address types no round had catalogued: a Tair (Redis) instance's public
  connection (``kvstore.Connection``), an RDS read/write splitting address (``rds.ReadWriteSplittingConnection``), an
  RDS endpoint's public address (``rds.DbInstanceEndpointAddress``) and a MongoDB sharded cluster's mongos public
  address (``mongodb.ShardingNetworkPublicAddress`` ``network_addresses[].network_address``), each written into an FC 3
  function's environment; a partner's server typed in is pinned beside them; and the ROS twin of the first, the
  template's own ``ALIYUN::REDIS::Connection`` by its ``ConnectionString``;
- a shared Express Connect port (``expressconnect.VirtualPhysicalConnection``): ``vpconn_ali_uid``, "the ID of the
  Alibaba Cloud account (primary account) of the owner of the shared port", hands the stack's physical line to another
  account, as the grant and association types of written_account_fields do;
- an E-HPC job template's ``command_line`` (``ehpc.JobTemplate``), the command the cluster's scheduler runs: an
  ``aliyun oss cp ... --region <abroad>`` after the simulation was not read as a command.

Reproduced on the unchanged engine (644efda6, docs/residency.md "Alibaba Cloud red team, round 24 (stop 64)"): 21 of
33 programs failed, 15 false alarms, 6 leaks, no wrong rule: the four own addresses (12, RES-015 after the guard) and
the ROS twin (3, RES-015 at every door); the partner's shared port (3) and the E-HPC command line abroad (3) passed
every door. Now each address is the resource's own (``self_address_outputs``, ``template_attributes``),
``vpconn_ali_uid`` a written account (RES-023) and ``command_line`` a script (RES-009).

Examined and found judged already (no row): an HBR policy's ``replication_region_id``, a replication vault's source
Region, a GA access log's SLS Region, ActionTrail's global events storage Region (RES-009 abroad); a GPDB streaming
data source's or job's Kafka brokers and a message center webhook's ``server_url`` (RES-015).

Ids: ``alired64-<code>-<redis-connection|rds-rw-splitting|rds-endpoint-address|mongodb-sharding-public>-own``,
``alired64-<code>-redis-partner``, ``alired64-<code>-ros-redis-connection-own``,
``alired64-<code>-shared-port-<own|partner|partner-declared>``,
``alired64-<code>-ehpc-command-<home|abroad>``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, account_rows, ros_stack

CODES = ("CN", "JP", "DE")
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "cn-hangzhou", "DE": "ap-southeast-1"}
"""A Region outside each market (Singapore; Hangzhou for Japan)."""
PARTNER_CACHE = "cache.partner-analytics.com"
"""A partner's cache server, reached over the Internet."""
DEPOT_LINE = "pc-uf6fleetdepot0001"
"""The team's Express Connect dedicated line (made by its network stack, not this program)."""


# -- Pulumi: the program's own database addresses ---------------------------------------------------------------------


def _function(c: Any, name: str, env: dict[str, Any]) -> object:
    # docs: fc/v3function (function_name, runtime, handler, memory_size, code, environment_variables)
    return alicloud.fc.V3Function(
        name, function_name=f"fleet-{name}", runtime="python3.10", handler="index.handler", memory_size=512,
        timeout=60, code={"zip_file": "UEsDBAoAAAAAAA=="}, environment_variables=env, opts=c.ali)  # fmt: skip


def _rds(c: Any) -> alicloud.rds.Instance:
    # docs: rds/instance (engine, engine_version, instance_type, instance_storage, vswitch_id, security_ips)
    return alicloud.rds.Instance("trips", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.1",
                                 instance_storage=50, instance_charge_type="Postpaid", vswitch_id="vsw-fleet0001",
                                 security_ips=["10.20.0.0/16"], db_instance_storage_type="cloud_essd",
                                 opts=c.ali)  # fmt: skip


def _address(c: Any, code: str, kind: str) -> tuple[pulumi.Output[str], str, int]:
    """The program's own database's address output, its URL scheme and port."""
    if kind == "redis-connection":
        # docs: kvstore/instance (db_instance_name, instance_class, engine_version, vswitch_id, zone_id),
        # kvstore/connection ("Operate the public network ip of the specified resource": instance_id,
        # connection_string_prefix, port; output connection_string "The connection string of the instance")
        cache = alicloud.kvstore.Instance(
            "positions", db_instance_name="fleet-positions", instance_class="redis.master.small.default",
            instance_type="Redis", engine_version="7.0", vswitch_id="vsw-fleet0001", zone_id=f"{ALI_HOME[code]}-a",
            security_ips=["10.20.0.0/16"], payment_type="PostPaid", opts=c.ali)  # fmt: skip
        public = alicloud.kvstore.Connection("positions", instance_id=cache.id, port="6379",
                                             connection_string_prefix="fleet-positions", opts=c.ali)  # fmt: skip
        return public.connection_string, "redis", 6379
    if kind == "mongodb-sharding-public":
        # docs: mongodb/shardinginstance (engine_version, mongo_lists, shard_lists, vswitch_id, zone_id; output
        # mongo_lists[].node_id), mongodb/shardingnetworkpublicaddress ("Provides a MongoDB Sharding Network Public
        # Address": db_instance_id, node_id; output network_addresses[].network_address "The endpoint of the instance")
        cluster = alicloud.mongodb.ShardingInstance(
            "telemetry", engine_version="6.0", vswitch_id="vsw-fleet0001", zone_id=f"{ALI_HOME[code]}-a",
            mongo_lists=[{"node_class": "dds.mongos.mid"}, {"node_class": "dds.mongos.mid"}],
            shard_lists=[{"node_class": "dds.shard.mid", "node_storage": 20},
                         {"node_class": "dds.shard.mid", "node_storage": 20}],
            name="fleet-telemetry", opts=c.ali)  # fmt: skip
        mongos = cluster.mongo_lists.apply(lambda nodes: str(nodes[0].node_id))
        pub = alicloud.mongodb.ShardingNetworkPublicAddress("telemetry", db_instance_id=cluster.id, node_id=mongos,
                                                            opts=c.ali)  # fmt: skip
        return pub.network_addresses.apply(lambda a: str(a[0].network_address)), "mongodb", 3717
    db = _rds(c)
    if kind == "rds-rw-splitting":
        # docs: rds/readwritesplittingconnection (instance_id, connection_prefix, distribution_type; output
        # connection_string "Connection string of the read write splitting")
        split = alicloud.rds.ReadWriteSplittingConnection(
            "trips", instance_id=db.id, connection_prefix="fleet-trips-rw", distribution_type="Standard",
            opts=c.ali)  # fmt: skip
        return split.connection_string, "mysql", 3306
    # docs: rds/dbinstanceendpoint (an extra endpoint), rds/dbinstanceendpointaddress ("Provides a RDS Db Instance
    # Endpoint Public Address": db_instance_id, db_instance_endpoint_id, connection_string_prefix, port; output
    # connection_string "The endpoint of the instance")
    endpoint = alicloud.rds.DbInstanceEndpoint(
        "trips-read", db_instance_id=db.id, vpc_id="vpc-fleet0001", vswitch_id="vsw-fleet0001",
        connection_string_prefix="fleet-trips-read", port="3306", db_instance_endpoint_description="reports",
        node_items=[{"node_id": "rn-fleet0001", "weight": 25}], opts=c.ali)  # fmt: skip
    address = alicloud.rds.DbInstanceEndpointAddress(
        "trips-read", db_instance_id=db.id, db_instance_endpoint_id=endpoint.db_instance_endpoint_id,
        connection_string_prefix="fleet-trips-read-pub", port="3306", opts=c.ali)  # fmt: skip
    return address.connection_string, "mysql", 3306


def _database_reader(code: str, kind: str, who: str = "own") -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        if who == "partner":
            return _function(c, "positions", {"CACHE_URL": f"redis://{PARTNER_CACHE}:6379/0"})
        host, scheme, port = _address(c, code, kind)
        return _function(c, "reports", {"DATABASE_URL": host.apply(lambda h: f"{scheme}://{h}:{port}/fleet")})

    return build


def _ros_cache_reader(code: str) -> Build:
    """The ROS twin of the Tair public connection: the template's own cache's public endpoint by its
    ``ConnectionString``, a function's ``REDIS_HOST``."""
    # docs: ROS ALIYUN::REDIS::Instance (InstanceClass, EngineVersion, VpcId, VSwitchId, ZoneId),
    # ALIYUN::REDIS::Connection ("used to apply for a public endpoint for an ApsaraDB for Redis instance": InstanceId,
    # ConnectionStringPrefix, Port; Fn::GetAtt ConnectionString "The allocated connection string"),
    # ALIYUN::FC3::Function (EnvironmentVariables)
    return ros_stack(f"positions-{code.lower()}", {
        "Cache": {"Type": "ALIYUN::REDIS::Instance", "Properties": {
            "InstanceClass": "redis.master.small.default", "EngineVersion": "7.0", "VpcId": "vpc-fleet0001",
            "VSwitchId": "vsw-fleet0001", "ZoneId": f"{ALI_HOME[code]}-a"}},
        "CachePublic": {"Type": "ALIYUN::REDIS::Connection", "Properties": {
            "InstanceId": {"Ref": "Cache"}, "ConnectionStringPrefix": "fleetpositions", "Port": 6379}},
        "Positions": {"Type": "ALIYUN::FC3::Function", "Properties": {
            "FunctionName": "fleet-positions", "Runtime": "python3.10", "Handler": "index.handler", "MemorySize": 512,
            "Code": {"ZipFile": "def handler(event, context):\n    return 'ok'\n"},
            "EnvironmentVariables": {"REDIS_HOST": {"Fn::GetAtt": ["CachePublic", "ConnectionString"]},
                                     "REDIS_PORT": "6379"}}},
    })  # fmt: skip


# -- A shared Express Connect port ------------------------------------------------------------------------------------


def _shared_port(code: str, who: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: expressconnect/virtualphysicalconnection (parent_physical_connection_id, vlan_id, spec, order_mode,
        # vpconn_ali_uid "The ID of the Alibaba Cloud account (primary account) of the owner of the shared port"): the
        # team's dedicated line to its depot data center (made by the network stack, its site judged there) shared
        # with the account whose VBR will use the port
        return alicloud.expressconnect.VirtualPhysicalConnection(
            "depot-share", parent_physical_connection_id=DEPOT_LINE, vlan_id=120, spec="50M",
            order_mode="PayByPhysicalConnectionOwner",
            vpconn_ali_uid=OWN_UID if who == "own" else PARTNER_UID, virtual_physical_connection_name="fleet-depot",
            description="the depot's second VBR", opts=c.ali)  # fmt: skip

    return build


# -- An E-HPC job template's command line -----------------------------------------------------------------------------


def _hpc_job(code: str, where: str) -> Build:
    region = ALI_HOME[code] if where == "home" else ALI_ABROAD[code]

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: oss/bucket (the results bucket the stack makes in its Region)
        alicloud.oss.Bucket("results", bucket="fleet-sim-results", opts=c.ali)
        # docs: ehpc/jobtemplate (job_template_name, command_line "Job Commands", queue, node, task, priority,
        # stdout_redirect_path): the scheduler runs the command line on the cluster's compute nodes
        return alicloud.ehpc.JobTemplate(
            "route-sim", job_template_name="fleet-route-sim", queue="workq", node=4, task=4, priority=0,
            command_line=("/opt/fleet/bin/route-sim --in /home/fleet/trips --out /home/fleet/out && "
                          f"aliyun oss cp -r /home/fleet/out oss://fleet-sim-results/runs/ --region {region}"),
            stdout_redirect_path="/home/fleet/logs", opts=c.ali)  # fmt: skip

    return build


DATABASE_KINDS = ("redis-connection", "rds-rw-splitting", "rds-endpoint-address", "mongodb-sharding-public")
SHARED_PORT_DECLARED: dict[str, Any] = {
    "id": "depot-partner-account", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the depot operator's account; its contract keeps its VBRs and networks in the market's regions",
}  # fmt: skip


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        p = f"alired64-{code.lower()}"
        out += [(f"{p}-{kind}-own", code, _database_reader(code, kind), set(), []) for kind in DATABASE_KINDS]
        out += [(f"{p}-redis-partner", code, _database_reader(code, "redis-connection", "partner"), {"RES-015"}, []),
                (f"{p}-ros-redis-connection-own", code, _ros_cache_reader(code), set(), [])]  # fmt: skip
        out += [(f"{p}-ehpc-command-{where}", code, _hpc_job(code, where), {"RES-009"} if where == "abroad" else set(),
                 []) for where in ("home", "abroad")]  # fmt: skip
    out += account_rows("alired64", {"shared-port": _shared_port}, CODES, SHARED_PORT_DECLARED)
    return out
