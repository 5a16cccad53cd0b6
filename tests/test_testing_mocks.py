"""components.testing: jurisdiction-aware mocks, the recorder, the runner and the pytest fixture."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pytest
from pulumi.runtime import settings as pulumi_settings
from pulumi.runtime.config import get_config
from pulumi.runtime.mocks import MockResourceArgs

from components.errors import ResidencyViolation
from components.testing import MockSession, Secret, SovereignMocks, run_pulumi_program


def _aws_program(region: str) -> Callable[[], None]:
    def program() -> None:
        provider = aws.Provider("regional", region=region)
        opts = pulumi.ResourceOptions(provider=provider)
        aws.s3.Bucket("data", opts=opts)
        aws.kms.Key("key", opts=opts)
        aws.iam.Role("role", assume_role_policy="{}", opts=opts)
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=opts)
        aws.ec2.Subnet("subnet", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone=f"{region}b", opts=opts)
        aws.ec2.Instance("vm", ami="ami-1", instance_type="t3.micro", opts=opts)
        aws.sqs.Queue("q", opts=opts)  # no specific builder needed: still gets the region's ARN
        aws.lb.LoadBalancer("alb", internal=True, subnets=["subnet-1"], opts=opts)
        aws.lb.LoadBalancer("nlb", load_balancer_type="network", subnets=["subnet-1"], opts=opts)
        partition = aws.get_partition(opts=pulumi.InvokeOptions(provider=provider))
        pulumi.export("partition", partition.partition)
        pulumi.export("dns", partition.dns_suffix)

    return program


@pytest.mark.parametrize(
    ("region", "partition", "dns"),
    [
        ("cn-north-1", "aws-cn", "amazonaws.com.cn"),
        ("eu-central-1", "aws", "amazonaws.com"),
        ("us-gov-west-1", "aws-us-gov", "amazonaws.com"),
        ("eusc-de-east-1", "aws-eusc", "amazonaws.eu"),
    ],
)
def test_aws_outputs_follow_provider_partition_and_region(region: str, partition: str, dns: str) -> None:
    run = run_pulumi_program(_aws_program(region), project="sovereign-dc", stack="t")

    bucket = run.find("data").outputs
    name = bucket["bucket"]
    assert bucket["arn"] == f"arn:{partition}:s3:::{name}"
    assert bucket["bucketRegionalDomainName"] == f"{name}.s3.{region}.{dns}"
    assert bucket["region"] == region
    key = run.find("key").outputs
    assert key["arn"] == f"arn:{partition}:kms:{region}:123456789012:key/{key['keyId']}"
    assert run.find("role").outputs["arn"].startswith(f"arn:{partition}:iam::123456789012:role/role-")
    vpc = run.find("vpc")
    assert vpc.id.startswith("vpc-") and vpc.outputs["arn"] == f"arn:{partition}:ec2:{region}:123456789012:vpc/{vpc.id}"
    subnet = run.find("subnet").outputs
    assert subnet["availabilityZone"] == f"{region}b" and subnet["vpcId"] == vpc.id
    assert run.find("vm").outputs["privateIp"].startswith("10.")
    assert run.find("q").outputs["arn"].startswith(f"arn:{partition}:sqs:{region}:")
    alb, nlb = run.find("alb").outputs, run.find("nlb").outputs
    assert alb["dnsName"].startswith("internal-alb-") and alb["dnsName"].endswith(f".{region}.elb.{dns}")
    assert nlb["dnsName"].startswith("nlb-") and nlb["dnsName"].endswith(f".elb.{region}.{dns}")
    assert alb["arn"].startswith(f"arn:{partition}:elasticloadbalancing:{region}:123456789012:loadbalancer/app/")
    assert run.outputs == {"partition": partition, "dns": dns}
    assert {r.region for r in run.resources} == {region}


def test_alicloud_outputs_follow_provider_region() -> None:
    def program() -> None:
        provider = alicloud.Provider("sh", region="cn-shanghai")
        opts = pulumi.ResourceOptions(provider=provider)
        alicloud.oss.Bucket("logs", opts=opts)
        alicloud.kms.Key("key", opts=opts)
        zones = alicloud.get_zones(opts=pulumi.InvokeOptions(provider=provider))
        pulumi.export("zones", zones.ids)
        pulumi.export("account", alicloud.get_account(opts=pulumi.InvokeOptions(provider=provider)).id)

    run = run_pulumi_program(program, project="sovereign-dc", stack="cn")
    oss = run.find("logs").outputs
    assert oss["location"] == "oss-cn-shanghai"
    assert oss["extranetEndpoint"] == "oss-cn-shanghai.aliyuncs.com"
    assert oss["intranetEndpoint"] == "oss-cn-shanghai-internal.aliyuncs.com"
    key = run.find("key")
    assert key.outputs["arn"] == f"acs:kms:cn-shanghai:1234567890123456:key/{key.id}"
    assert key.cloud == "alicloud" and key.region == "cn-shanghai"
    assert run.outputs["zones"] == ["cn-shanghai-a", "cn-shanghai-b", "cn-shanghai-c"]
    assert run.outputs["account"] == "1234567890123456"


def test_alicloud_listings_the_registry_examples_read_follow_the_provider_region() -> None:
    """The data sources the registry's Alibaba examples read (tests/fixtures/registry_examples36.yaml) answer in the
    provider's region, with the names the examples index (`ids[0]`, `zones[0].zone_id`, `vswitches[0].zone_id`)."""

    def program() -> None:
        invoke = pulumi.InvokeOptions(provider=alicloud.Provider("jp", region="ap-northeast-1"))
        pulumi.export("vpc", alicloud.vpc.get_networks(opts=invoke).ids)
        pulumi.export("vsw", [s.zone_id for s in alicloud.vpc.get_switches(opts=invoke).vswitches])
        pulumi.export("nas", alicloud.nas.get_zones(opts=invoke).zones[0].zone_id)
        pulumi.export("nat", alicloud.vpc.get_enhanced_nat_available_zones(opts=invoke).zones[0].zone_id)
        pulumi.export("key", alicloud.kms.get_keys(opts=invoke).keys[0].arn)
        pulumi.export("region", alicloud.get_regions(current=True, opts=invoke).regions[0].id)
        pulumi.export("role", alicloud.ram.get_roles(opts=invoke).roles[0].arn)

    out = run_pulumi_program(program, project="sovereign-dc", stack="jp").outputs
    assert out["vpc"][0].startswith("vpc-")
    assert out["vsw"] == ["ap-northeast-1-a", "ap-northeast-1-b"]
    assert out["nas"] == out["nat"] == "ap-northeast-1-a"
    assert out["key"].startswith("acs:kms:ap-northeast-1:1234567890123456:key/")
    assert out["region"] == "ap-northeast-1"
    assert out["role"].startswith("acs:ram::1234567890123456:role/")


def test_resource_region_input_overrides_provider_region() -> None:
    def program() -> None:
        provider = aws.Provider("cn", region="cn-north-1")
        aws.s3.Bucket("moved", region="eu-central-1", opts=pulumi.ResourceOptions(provider=provider))
        aws.kms.Key("stays", opts=pulumi.ResourceOptions(provider=provider))

    run = run_pulumi_program(program, project="sovereign-dc", stack="t")
    moved = run.find("moved")
    assert moved.region == "eu-central-1"
    assert moved.outputs["bucketRegionalDomainName"].endswith(".s3.eu-central-1.amazonaws.com")
    assert moved.outputs["arn"].startswith("arn:aws:s3:::")
    assert run.find("stays").outputs["arn"].startswith("arn:aws-cn:kms:cn-north-1:")


def test_default_provider_records_empty_provider_and_config_region() -> None:
    def program() -> None:
        aws.s3.Bucket("plain")

    run = run_pulumi_program(program, project="sovereign-dc", stack="t", config={"aws:region": "cn-northwest-1"})
    plain = run.find("plain")
    assert plain.provider == ""
    assert plain.region == "cn-northwest-1"
    assert plain.outputs["arn"].startswith("arn:aws-cn:s3:::")


def test_invokes_answer_in_the_provider_partition() -> None:
    def program() -> None:
        opts = pulumi.InvokeOptions(provider=aws.Provider("gov", region="us-gov-west-1"))
        ident = aws.get_caller_identity(opts=opts)
        region = aws.get_region(opts=opts)
        zones = aws.get_availability_zones(opts=opts)
        doc = aws.iam.get_policy_document(
            statements=[
                {
                    "sid": "Read",
                    "actions": ["s3:GetObject", "s3:ListBucket"],
                    "resources": ["*"],
                    "principals": [{"type": "AWS", "identifiers": ["arn:aws-us-gov:iam::123456789012:root"]}],
                    "conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["true"]}],
                }
            ]
        )
        pulumi.export("arn", ident.arn)
        pulumi.export("account", ident.account_id)
        pulumi.export("endpoint", region.endpoint)
        pulumi.export("region", region.region)
        pulumi.export("zones", zones.names)
        pulumi.export("policy", doc.json)

    run = run_pulumi_program(program, project="sovereign-dc", stack="t")
    out = run.outputs
    assert out["arn"].startswith("arn:aws-us-gov:iam::123456789012:")
    assert out["account"] == "123456789012"
    assert out["endpoint"] == "ec2.us-gov-west-1.amazonaws.com"
    assert out["region"] == "us-gov-west-1"
    assert out["zones"] == ["us-gov-west-1a", "us-gov-west-1b", "us-gov-west-1c"]
    statement = json.loads(out["policy"])["Statement"][0]
    assert statement == {
        "Sid": "Read",
        "Effect": "Allow",
        "Action": ["s3:GetObject", "s3:ListBucket"],
        "Principal": {"AWS": "arn:aws-us-gov:iam::123456789012:root"},
        "Resource": "*",
        "Condition": {"Bool": {"aws:SecureTransport": "true"}},
    }
    tokens = [i.token for i in run.invokes]
    assert "aws:index/getCallerIdentity:getCallerIdentity" in tokens
    assert {i.region for i in run.invokes if i.token.startswith("aws:index/")} == {"us-gov-west-1"}


class _Box(pulumi.ComponentResource):
    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:test:Box", name, None, opts)
        provider = aws.Provider(f"{name}-provider", region="eu-central-1", opts=pulumi.ResourceOptions(parent=self))
        self.bucket = aws.s3.Bucket(
            f"{name}-bucket",
            opts=pulumi.ResourceOptions(parent=self, provider=provider, protect=True, retain_on_delete=True),
        )
        self.register_outputs({})


def test_recorder_captures_parent_protect_provider_import_and_read() -> None:
    def program() -> None:
        _Box("box")
        aws.kms.Key("imported", opts=pulumi.ResourceOptions(import_="1234abcd-12ab-34cd-56ef-1234567890ab"))
        aws.s3.Bucket.get("existing", "legacy-bucket")

    run = run_pulumi_program(program, project="sovereign-dc", stack="t")
    box = run.find("box")
    bucket = run.find("box-bucket")
    provider = run.find("box-provider")
    assert not box.custom and bucket.custom
    assert bucket.parent == box.urn
    assert bucket.protect and bucket.retain_on_delete
    assert bucket.provider == f"{provider.urn}::{provider.id}"
    assert bucket.region == "eu-central-1"
    imported = run.find("imported")
    assert imported.import_id == "1234abcd-12ab-34cd-56ef-1234567890ab"
    assert imported.id == "1234abcd-12ab-34cd-56ef-1234567890ab"
    existing = run.find("existing")
    assert existing.is_read and existing.read_id == "legacy-bucket"
    assert existing.outputs["bucket"] == "legacy-bucket"
    assert [r.name for r in run.by_type("aws:s3/bucket:Bucket")].count("box-bucket") == 1
    with pytest.raises(LookupError, match="known:"):
        run.find("nope")


def test_secrets_stay_marked_and_never_print() -> None:
    def program() -> None:
        aws.ssm.Parameter("p", type="SecureString", value=pulumi.Output.secret("hunter2"))
        pulumi.export("token", pulumi.Output.secret("s3cr3t"))

    run = run_pulumi_program(program, project="sovereign-dc", stack="t")
    param = run.find("p")
    assert isinstance(param.inputs["value"], Secret)
    assert param.inputs["value"].value == "hunter2"
    assert isinstance(param.outputs["value"], Secret)
    assert "hunter2" not in repr(param)
    assert isinstance(run.outputs["token"], Secret) and "s3cr3t" not in repr(run.outputs)
    assert param.inputs["type"] == "SecureString"


def _violation() -> ResidencyViolation:
    return ResidencyViolation(
        "R1", "aws:s3/bucket:Bucket", "data", "region", "us-east-1", "outside CN", "use cn-north-1"
    )


def test_exception_inside_apply_surfaces_as_original_class() -> None:
    def raise_violation(_: str) -> str:
        raise _violation()

    def program() -> None:
        aws.s3.Bucket("data", bucket=pulumi.Output.from_input("x").apply(raise_violation))

    run = run_pulumi_program(program, project="sovereign-dc", stack="t", raise_on_error=False)
    assert isinstance(run.error, ResidencyViolation)
    assert run.error.rule_id == "R1"
    assert not run.ok and run.outputs == {}
    with pytest.raises(ResidencyViolation, match=r"\[R1\]"):
        run_pulumi_program(program, project="sovereign-dc", stack="t")


def test_exception_raised_directly_by_the_program_surfaces() -> None:
    def program() -> None:
        aws.s3.Bucket("fine")
        raise _violation()

    run = run_pulumi_program(program, project="sovereign-dc", stack="t", raise_on_error=False)
    assert isinstance(run.error, ResidencyViolation)


def test_settings_are_restored_between_runs() -> None:
    monitor_before = pulumi_settings.SETTINGS.monitor
    root_before = pulumi_settings.get_root_resource()

    def program() -> None:
        aws.s3.Bucket("only")
        pulumi.export("region", get_config("aws:region"))

    first = run_pulumi_program(program, project="sovereign-dc", stack="one", config={"aws:region": "cn-north-1"})
    failed = run_pulumi_program(
        lambda: aws.s3.Bucket("x", bucket=pulumi.Output.from_input("x").apply(lambda _: str(1 / 0))),
        project="sovereign-dc",
        stack="broken",
        raise_on_error=False,
    )
    second = run_pulumi_program(program, project="sovereign-dc", stack="two", config={"aws:region": "eu-central-1"})

    assert isinstance(failed.error, ZeroDivisionError)
    assert [r.name for r in second.resources] == ["only"]
    assert first.outputs["region"] == "cn-north-1" and second.outputs["region"] == "eu-central-1"
    assert second.find("only").urn == "urn:pulumi:two::sovereign-dc::pulumi:pulumi:Stack$aws:s3/bucket:Bucket::only"
    assert pulumi_settings.SETTINGS.monitor is monitor_before
    assert pulumi_settings.get_root_resource() is root_before
    assert get_config("aws:region") is None


def test_path_program_runs_per_stack_with_its_own_modules(tmp_path: Path) -> None:
    (tmp_path / "infra_helpers.py").write_text(
        textwrap.dedent(
            """
            import pulumi
            import pulumi_aws as aws
            REGION = pulumi.Config("aws").require("region")
            def build():
                return aws.s3.Bucket("data")
            """
        )
    )
    (tmp_path / "__main__.py").write_text(
        textwrap.dedent(
            """
            import pathlib
            import pulumi
            import infra_helpers
            bucket = infra_helpers.build()
            pulumi.export("arn", bucket.arn)
            pulumi.export("region", infra_helpers.REGION)
            pulumi.export("cwd", pathlib.Path.cwd().name)
            """
        )
    )
    runs = {
        region: run_pulumi_program(tmp_path, project="sovereign-dc", stack=region, config={"aws:region": region})
        for region in ("cn-north-1", "eu-central-1")
    }
    assert runs["cn-north-1"].outputs["arn"].startswith("arn:aws-cn:s3:::")
    assert runs["eu-central-1"].outputs["region"] == "eu-central-1"
    assert runs["eu-central-1"].outputs["cwd"] == tmp_path.name


def test_unknown_types_get_a_generic_answer() -> None:
    mocks = SovereignMocks()
    rid, outputs = mocks.new_resource(
        MockResourceArgs("aws:bedrock/agent:Agent", "agent", {"agentName": "a"}, provider="")
    )
    assert rid and outputs["agentName"] == "a"
    assert outputs["arn"].startswith("arn:aws:bedrock:us-east-1:123456789012:") and outputs["region"] == "us-east-1"
    other_id, other = mocks.new_resource(MockResourceArgs("random:index/randomId:RandomId", "r", {"byteLength": 4}))
    assert other_id and other == {"byteLength": 4}
    again, _ = mocks.new_resource(MockResourceArgs("aws:bedrock/agent:Agent", "agent", {}, provider=""))
    assert again == rid  # deterministic


def test_fixture_records_resources_created_in_the_test(pulumi_mocks: MockSession) -> None:
    pulumi_mocks.configure({"aws:region": "cn-north-1"})
    bucket = aws.s3.Bucket("in-test")

    run = pulumi_mocks.run(lambda: bucket.arn)

    assert run.value.startswith("arn:aws-cn:s3:::in-test-")
    assert run.find("in-test").provider == ""
    assert pulumi.get_stack() == "test" and pulumi.get_project() == "sovereign-dc"


def test_fixture_does_not_leak_into_the_next_test(pulumi_mocks: MockSession) -> None:
    assert pulumi_mocks.resources == ()
    assert get_config("aws:region") is None


def test_closing_a_session_cancels_only_the_tasks_made_while_it_was_open() -> None:
    from components._compat import ensure_event_loop

    loop = ensure_event_loop()
    before = loop.create_task(asyncio.sleep(3600))  # pending on the same loop before the session opens
    session = MockSession()
    left: list[asyncio.Task[None]] = []
    session.run(lambda: left.append(asyncio.ensure_future(asyncio.sleep(3600))))  # never awaited
    assert not left[0].done()
    session.close()
    assert left[0].cancelled()
    assert not before.done() and loop.get_task_factory() is None  # the loop is as it was
    before.cancel()
    loop.run_until_complete(asyncio.gather(before, return_exceptions=True))


def test_data_store_endpoints_are_hosts_in_the_provider_region() -> None:
    # A program builds URLs and connection strings from these outputs: they must be hosts, never None.
    def program() -> None:
        aws_opts = pulumi.ResourceOptions(provider=aws.Provider("cn", region="cn-north-1"))
        ali_opts = pulumi.ResourceOptions(provider=alicloud.Provider("sh", region="cn-shanghai"))
        aws.elasticache.ReplicationGroup("sessions", description="s", node_type="cache.t4g.micro", opts=aws_opts)
        aws.rds.Cluster("orders", engine="aurora-postgresql", master_username="app", opts=aws_opts)
        aws.docdb.Cluster("docs", master_username="app", master_password="password1234", opts=aws_opts)
        aws.rds.Proxy("proxy", engine_family="POSTGRESQL", role_arn="r", vpc_subnet_ids=["s"],
                      auths=[{"auth_scheme": "SECRETS", "secret_arn": "s"}], opts=aws_opts)  # fmt: skip
        aws.opensearch.Domain("search", vpc_options={"subnet_ids": ["s"]}, opts=aws_opts)
        aws.efs.FileSystem("shared", opts=aws_opts)
        aws.cognito.UserPool("owners", opts=aws_opts)  # a JWT authorizer's issuer is https://<endpoint>
        aws.msk.Cluster("events", cluster_name="events", kafka_version="3.6.0", number_of_broker_nodes=2,
                        broker_node_group_info={"instance_type": "kafka.m5.large", "client_subnets": ["a", "b"],
                                                "security_groups": ["sg"]}, opts=aws_opts)  # fmt: skip
        # Firehose's `cluster_jdbcurl` is jdbc:redshift://<endpoint>/<db>, a Glue Kafka connection the serverless
        # cluster's bootstrap host.
        aws.redshift.Cluster("warehouse", cluster_identifier="warehouse", node_type="ra3.xlplus",
                             master_username="admin", manage_master_password=True, opts=aws_opts)  # fmt: skip
        iam: Any = {"sasl": {"iam": {"enabled": True}}}
        aws.msk.ServerlessCluster("stream", cluster_name="stream", vpc_configs=[{"subnet_ids": ["a"]}],
                                  client_authentication=iam, opts=aws_opts)  # fmt: skip
        alicloud.kvstore.Instance("tair", db_instance_name="tair", vswitch_id="v", opts=ali_opts)
        alicloud.polardb.Cluster("polar", db_type="MySQL", db_version="8.0", db_node_class="c", pay_type="PostPaid",
                                 opts=ali_opts)  # fmt: skip
        alicloud.alb.LoadBalancer("alb", vpc_id="v", address_type="Intranet", load_balancer_edition="Standard",
                                  load_balancer_billing_config={"pay_type": "PayAsYouGo"},
                                  zone_mappings=[{"vswitch_id": "v", "zone_id": "z"}], opts=ali_opts)  # fmt: skip
        alicloud.nas.MountTarget("mount", file_system_id="0a1b2c3d4e", vswitch_id="v", opts=ali_opts)
        alicloud.elasticsearch.Instance("es", version="7.10_with_X-Pack", data_node_amount=2, data_node_spec="s",
                                        vswitch_id="v", opts=ali_opts)  # fmt: skip
        alicloud.mongodb.Instance("mongo", engine_version="4.4", db_instance_class="c", db_instance_storage=20,
                                  opts=ali_opts)  # fmt: skip

    run = run_pulumi_program(program, project="sovereign-dc", stack="t")
    out = {r.name: r.outputs for r in run.resources}
    assert out["sessions"]["primaryEndpointAddress"].endswith(".cnn1.cache.amazonaws.com.cn")
    assert ".cluster-ro-" in out["orders"]["readerEndpoint"]
    assert out["orders"]["endpoint"].endswith(".cn-north-1.rds.amazonaws.com.cn")
    assert out["docs"]["endpoint"].endswith(".cn-north-1.docdb.amazonaws.com.cn")
    assert out["proxy"]["endpoint"].endswith(".cn-north-1.rds.amazonaws.com.cn")
    assert out["search"]["endpoint"].startswith("vpc-")
    assert out["search"]["endpoint"].endswith(".cn-north-1.es.amazonaws.com.cn")
    assert out["shared"]["dnsName"].endswith(".efs.cn-north-1.amazonaws.com.cn")
    pool = next(r for r in run.resources if r.name == "owners")
    assert (
        pool.id.startswith("cn-north-1_")
        and out["owners"]["endpoint"] == f"cognito-idp.cn-north-1.amazonaws.com.cn/{pool.id}"
    )
    brokers = out["events"]["bootstrapBrokersTls"].split(",")
    assert len(brokers) == 2 and all(b.endswith(".kafka.cn-north-1.amazonaws.com.cn:9094") for b in brokers)
    assert out["warehouse"]["endpoint"].startswith("warehouse.")
    assert out["warehouse"]["endpoint"].endswith(".cn-north-1.redshift.amazonaws.com.cn:5439")
    assert (
        out["warehouse"]["masterPasswordSecretArn"].startswith("arn:aws-cn:secretsmanager:cn-north-1:")
        and ":secret:redshift!warehouse-admin-" in out["warehouse"]["masterPasswordSecretArn"]
    )
    assert out["stream"]["bootstrapBrokersSaslIam"].endswith(".kafka-serverless.cn-north-1.amazonaws.com.cn:9098")
    assert out["tair"]["connectionDomain"].endswith(".redis.rds.aliyuncs.com")
    assert out["polar"]["connectionString"].endswith(".rwlb.rds.aliyuncs.com")
    assert out["alb"]["dnsName"].endswith(".cn-shanghai.alb.aliyuncs.com")
    assert out["mount"]["mountTargetDomain"].startswith("0a1b2c3d4e-")
    assert out["mount"]["mountTargetDomain"].endswith(".cn-shanghai.nas.aliyuncs.com")
    assert out["es"]["domain"].startswith("es-cn-") and out["es"]["domain"].endswith(".elasticsearch.aliyuncs.com")
    nodes = [r["connectionDomain"] for r in out["mongo"]["replicaSets"]]
    assert nodes and all(n.startswith("dds-") and n.endswith(".mongodb.rds.aliyuncs.com") for n in nodes)


# -- docs/testing.md -------------------------------------------------------------------------------------

DOCS_TESTING = Path(__file__).resolve().parents[1] / "docs" / "testing.md"


def test_every_example_of_docs_testing_md_runs_as_written(tmp_path: Path) -> None:
    """A test author copies the examples: each one runs as written (one used to call an undefined
    `build_datacenter`, another a folder `examples/cn` that does not exist)."""
    examples = re.findall(r"```python\n(.*?)```", DOCS_TESTING.read_text(encoding="utf-8"), re.S)
    assert len(examples) >= 3
    for i, code in enumerate(examples):
        (tmp_path / f"test_example_{i}.py").write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning", "."],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(DOCS_TESTING.parents[1])},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "error" not in result.stdout.lower()


def test_a_stack_reference_reads_the_outputs_the_test_gives() -> None:
    """(falsealarm51) ``SovereignMocks(stack_outputs=...)`` answers ``pulumi.StackReference`` as the engine does: the
    referenced stack's outputs, a :class:`Secret` one given as a secret, and none for a stack the test does not name
    (``get_output`` is None, as for a stack without that output)."""
    given = {"acme/network/eu": {"vpcId": "vpc-0a1b2c3d", "dbHost": Secret("db.eu-west-1.rds.amazonaws.com")}}

    def program() -> Any:
        net = pulumi.StackReference("network", stack_name="acme/network/eu")
        other = pulumi.StackReference("acme/other/eu")
        host = net.get_output("dbHost")
        return pulumi.Output.all(net.require_output("vpcId"), host, other.get_output("vpcId"))

    mocks = SovereignMocks(stack_outputs=given)
    run = run_pulumi_program(program, project="sovereign-dc", stack="eu", mocks=mocks)
    assert isinstance(run.value, Secret)  # the secret output makes what is computed from it secret
    assert run.value.value == ["vpc-0a1b2c3d", "db.eu-west-1.rds.amazonaws.com", None]
    (read,) = [r for r in run.resources if r.name == "network"]
    assert read.read_id == "acme/network/eu"
