"""Alibaba Cloud red team, round 9 (stop 51): endpoint overrides, hosts holding "oss-", the aliyun CLI's zone.

Reproduced on the unchanged engine (main 54b9529, docs/residency.md "Alibaba Cloud red team, round 9 (stop 51)"):
an ``alicloud.Provider`` whose ``endpoints`` block (or deprecated ``fc``) sends a product's API calls to a partner's
proxy passed every door (the block's keys are product codes, no host key; another Region's aliyuncs.com host there was
RES-006 by the scan); a host whose text holds ``oss-`` (``oss-gateway.partner-analytics.com``) under a host key
(``OSS_ENDPOINT``, ``DB_HOST``, ROS ``EnvironmentVariables``) or after a script's ``psql -h`` passed, where
``gateway.partner-analytics.com`` was RES-015 (the "oss-" marker of an OSS location made it a candidate for a scan that
then found nothing), on AWS too; ``ALIBABA_CLOUD_ENDPOINT_<PRODUCT>`` (terraform-provider-alicloud's first source of a
product's endpoint) with a partner's host passed; the aliyun CLI's ``--ZoneId`` / ``--zone-id`` and
``--DestinationRegionId`` abroad passed in scripts.

Now: each is judged as the host or place it names (RES-015 for a partner's host unless declared, RES-008 for a zone
abroad, RES-009 for a Region abroad); the stack's own Region's endpoints and zones pass.

tests/test_realistic_programs.py runs them as CASES (``alired51-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    OWN_UID,
    WHO,
    Build,
    Row,
    ali_boot,
    home_abroad_rows,
    ros_stack,
    trust_policy,
)

HOME = {**ALI_HOME, "EU": "eu-central-1", "US": "us-east-1"}
"""Each stack's Alibaba Cloud Region (the table's ``ali`` provider: the EU stack's is Frankfurt, the US stack's
Virginia)."""
ABROAD = {"CN": "cn-hongkong", "JP": "us-west-1", "DE": "ap-southeast-1", "EU": "us-west-1", "US": "ap-southeast-1"}
"""A Region outside each jurisdiction (for CN, Hong Kong: not mainland China)."""
PARTNER_OBJECTS = "objects.partner-analytics.com"
"""A partner's API proxy a provider's ``oss`` endpoint override sends the stack's OSS calls (and objects) to."""
PARTNER_FUNCTIONS = "functions.partner-analytics.com"
"""A partner's API proxy a provider's deprecated ``fc`` endpoint sends the stack's Function Compute calls to."""
PARTNER_OSS_GATEWAY = "oss-gateway.partner-analytics.com"
"""A partner's OSS-compatible gateway: its name holds ``oss-``, which hid it (a function's ``OSS_ENDPOINT``)."""
PARTNER_SLS_RELAY = "sls-relay.partner-analytics.com"
"""A partner's relay a function's ``ALIBABA_CLOUD_ENDPOINT_SLS`` sends its Log Service calls to."""
PARTNER_ARCHIVE_DB = "oss-archive.partner-analytics.com"
"""A partner's database a boot script's ``psql -h`` writes to: its name holds ``oss-``."""
PARTNER_SYNC = "oss-sync.partner-analytics.com"
"""A partner's sync service an AWS Lambda's ``DB_HOST`` names: its name holds ``oss-`` (the AWS twin)."""


def _declared(host: str) -> dict[str, Any]:
    return {"id": "partner-gateway", "kind": "resident", "match": host,
            "evidence": "the partner's gateway runs in the stack's country (processing contract annex 3)"}  # fmt: skip


def _oss_host(code: str) -> str:
    """The stack's own Region's OSS endpoint from its VPC (OSS "Regions and endpoints": oss-<region>-internal)."""
    return f"oss-{HOME[code]}-internal.aliyuncs.com"


def oss_override(code: str, who: str) -> Build:
    """A provider whose ``endpoints`` block overrides OSS (``own``: the stack's Region's internal endpoint; otherwise
    a partner's proxy), through which the program writes an object: every OSS call, with the object, goes there."""
    host = _oss_host(code) if who == "own" else PARTNER_OBJECTS

    # docs: alicloud Provider `endpoints` ("Use this to override the default endpoint URL constructed from the
    # `region`"), ProviderEndpointArgs `oss`; oss/bucket, oss/bucketObject (`content`).
    def build(c: Any) -> object:
        provider = alicloud.Provider(
            "ali-objects", region=HOME[code], endpoints=[alicloud.ProviderEndpointArgs(oss=host)],
            assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci"),
        )  # fmt: skip
        opts = pulumi.ResourceOptions(provider=provider)
        bucket = alicloud.oss.Bucket("reports", bucket=f"fleet-reports-{code.lower()}", opts=opts)
        return alicloud.oss.BucketObject(
            "daily", bucket=bucket.bucket, key="daily/summary.csv", content="vin,km\n", opts=opts
        )

    return build


def fc_override(code: str, who: str) -> Build:
    """A provider whose deprecated ``fc`` endpoint (``own``: the account's Function Compute endpoint in the stack's
    Region; otherwise a partner's proxy) deploys a function: its code and variables go there."""
    host = f"{OWN_UID}.{HOME[code]}.fc.aliyuncs.com" if who == "own" else PARTNER_FUNCTIONS

    # docs: alicloud Provider `fc` (deprecated since 1.28.0 for `endpoints.fc`); fc/v3Function.
    def build(c: Any) -> object:
        provider = alicloud.Provider(
            "ali-functions", region=HOME[code], fc=host,
            assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci"),
        )  # fmt: skip
        return alicloud.fc.V3Function(
            "ingest", function_name="ingest", handler="index.handler", runtime="python3.10",
            code={"zip_file": base64.b64encode(b"def handler(e, c):\n    return e\n").decode()},
            opts=pulumi.ResourceOptions(provider=provider),
        )  # fmt: skip

    return build


def function_variable(variable: str, own: str, partner: str) -> Any:
    """A Function Compute function whose ``variable`` names the endpoint its SDK calls: ``own`` (a function of the
    jurisdiction giving the stack's endpoint) or ``partner``."""

    def make(code: str, who: str) -> Build:
        value = own.format(region=HOME[code]) if who == "own" else partner

        # docs: fc/v3Function `environment_variables`; terraform-provider-alicloud connectivity/endpoint.go
        # loadEndpoint (ALIBABA_CLOUD_ENDPOINT_<PRODUCT>, then <PRODUCT>_ENDPOINT).
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            return alicloud.fc.V3Function(
                "exporter", function_name="exporter", handler="index.handler", runtime="python3.10",
                code={"zip_file": base64.b64encode(b"def handler(e, c):\n    return e\n").decode()},
                environment_variables={variable: value}, opts=c.ali,
            )  # fmt: skip

        return build

    return make


def ros_function_variable(variable: str, own: str, partner: str) -> Any:
    """The same function written in a ROS template (``ALIYUN::FC3::Function`` ``EnvironmentVariables``)."""

    def make(code: str, who: str) -> Build:
        value = own.format(region=HOME[code]) if who == "own" else partner
        # docs: ROS ALIYUN::FC3::Function — FunctionName, Handler, Runtime, Code, EnvironmentVariables.
        fn = {"Type": "ALIYUN::FC3::Function", "Properties": {
            "FunctionName": "exporter", "Handler": "index.handler", "Runtime": "python3.10",
            "Code": {"ZipFile": "ZGVmIGhhbmRsZXIoZSwgYyk6IHJldHVybiBl"},
            "EnvironmentVariables": {variable: value}}}  # fmt: skip
        return ros_stack("exporter", {"Exporter": fn})

    return make


def archive_script(code: str, who: str) -> Build:
    """An ECS instance whose boot script loads the day's rows into a database by ``psql -h``: the stack's own (a private
    address) or a partner's whose name holds ``oss-``."""
    host = "10.20.1.15" if who == "own" else PARTNER_ARCHIVE_DB

    # docs: ecs/instance `user_data`; psql -h ("the host name of the machine on which the server is running").
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return ali_boot(c, f"#!/bin/bash\npsql -h {host} -U loader -f /opt/daily.sql fleet\n")

    return build


def lambda_sync(code: str, who: str) -> Build:
    """The AWS twin: a Lambda function whose ``DB_HOST`` is the stack's S3 endpoint or a partner's host holding
    ``oss-``."""
    host = f"s3.{AWS_HOME[code]}.amazonaws.com" if who == "own" else PARTNER_SYNC

    # docs: lambda/function `environment.variables`.
    def build(c: Any) -> object:
        role = aws.iam.Role("sync-role", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        return aws.lambda_.Function(
            "sync", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            environment={"variables": {"DB_HOST": host}}, opts=c.aws,
        )  # fmt: skip

    return build


def aliyun_script(line: str) -> Any:
    """An ECS instance whose boot script runs the aliyun CLI ``line`` with ``{zone}`` / ``{region}`` filled with the
    stack's Region (``home``) or one abroad (``abroad``)."""

    def make(code: str, where: str) -> Build:
        region = HOME[code] if where == "home" else ABROAD[code]

        # docs: Alibaba Cloud CLI "Understand command parameters" (business parameters; plugin commands in kebab-case);
        # ECS CopyImage DestinationRegionId; VPC CreateVSwitch ZoneId.
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            return ali_boot(c, "#!/bin/bash\n" + line.format(zone=f"{region}-b", region=region) + "\n")

        return build

    return make


def ros_aliyun_script(line: str) -> Any:
    """The same boot script in a ROS template's ``ALIYUN::ECS::Instance`` ``UserData``."""

    def make(code: str, where: str) -> Build:
        region = HOME[code] if where == "home" else ABROAD[code]
        script = "#!/bin/bash\n" + line.format(zone=f"{region}-b", region=region) + "\n"
        # docs: ROS ALIYUN::ECS::Instance — ImageId, InstanceType, VpcId, VSwitchId, SecurityGroupId, UserData.
        vm = {"Type": "ALIYUN::ECS::Instance", "Properties": {
            "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large", "VpcId": "vpc-fleet01",
            "VSwitchId": "vsw-fleet01", "SecurityGroupId": "sg-fleet01", "UserData": script}}  # fmt: skip
        return ros_stack("fleet-tools", {"Tools": vm})

    return make


CREATE_VSWITCH = (
    "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun vpc CreateVSwitch --RegionId $R --VpcId vpc-fleet01 \\\n  --ZoneId {zone} --CidrBlock 10.20.8.0/24"
)
"""An RPC-style call creating a vSwitch in ``--ZoneId`` (the Region read from the instance metadata; the command
continued on a second line)."""
CREATE_VSWITCH_PLUGIN = "aliyun vpc create-vswitch --vpc-id vpc-fleet01 --zone-id {zone} --cidr-block 10.20.9.0/24"
"""The plugin (kebab-case) form of the same call."""
COPY_IMAGE = "aliyun ecs CopyImage --ImageId m-fleet01 --DestinationRegionId {region} --DestinationImageName fleet-dr"
"""An image copy (the disk's data) into ``--DestinationRegionId``."""


def _who_rows(prefix: str, kinds: dict[str, tuple[Any, str, set[str], tuple[str, ...]]]) -> list[Row]:
    """Each kind ``(make, partner host, rules, jurisdictions)`` as ``-own`` (passes), ``-partner`` (refused under
    ``rules``) and ``-partner-declared`` (the host declared: passes)."""
    return [
        (f"{prefix}-{code.lower()}-{kind}-{who}", code, make(code, who), rules if who == "partner" else set(),
         [_declared(host)] if who == "partner-declared" else [])
        for kind, (make, host, rules, codes) in kinds.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip


ALI_CODES = ("CN", "JP", "DE", "EU", "US")


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    refused = {"RES-015"}
    out = _who_rows("alired51", {
        "provider-oss-endpoint": (oss_override, PARTNER_OBJECTS, refused, ALI_CODES),
        "provider-fc-endpoint": (fc_override, PARTNER_FUNCTIONS, refused, ("CN", "JP", "DE")),
        "fc-oss-endpoint-variable": (
            function_variable("OSS_ENDPOINT", "oss-{region}-internal.aliyuncs.com", PARTNER_OSS_GATEWAY),
            PARTNER_OSS_GATEWAY, refused, ALI_CODES),
        "fc-sls-endpoint-override": (
            function_variable("ALIBABA_CLOUD_ENDPOINT_SLS", "{region}-intranet.log.aliyuncs.com", PARTNER_SLS_RELAY),
            PARTNER_SLS_RELAY, refused, ("CN", "JP", "DE")),
        "ros-fc-oss-endpoint-variable": (
            ros_function_variable("OSS_ENDPOINT", "oss-{region}-internal.aliyuncs.com", PARTNER_OSS_GATEWAY),
            PARTNER_OSS_GATEWAY, refused, ("CN", "JP", "DE")),
        "ros-fc-sls-endpoint-override": (
            ros_function_variable("ALIBABA_CLOUD_ENDPOINT_SLS", "{region}-intranet.log.aliyuncs.com",
                                  PARTNER_SLS_RELAY),
            PARTNER_SLS_RELAY, refused, ("CN", "JP")),
        "ecs-psql-archive": (archive_script, PARTNER_ARCHIVE_DB, refused, ("CN", "JP", "DE")),
        "aws-lambda-db-host": (lambda_sync, PARTNER_SYNC, refused, ("EU", "US", "JP")),
    })  # fmt: skip
    out += home_abroad_rows("alired51", {
        "aliyun-zoneid": (aliyun_script(CREATE_VSWITCH), {"RES-008"}, ALI_CODES),
        "aliyun-zone-id-plugin": (aliyun_script(CREATE_VSWITCH_PLUGIN), {"RES-008"}, ("CN", "JP", "DE")),
        "aliyun-copy-image": (aliyun_script(COPY_IMAGE), {"RES-009"}, ALI_CODES),
        "ros-aliyun-zoneid": (ros_aliyun_script(CREATE_VSWITCH), {"RES-008"}, ("CN", "JP")),
        "ros-aliyun-copy-image": (ros_aliyun_script(COPY_IMAGE), {"RES-009"}, ("CN", "DE")),
    })  # fmt: skip
    # A provider's OSS override to Hong Kong's endpoint on a CN stack: RES-006 (before too; Hong Kong is not mainland).
    out.append(("alired51-cn-provider-oss-endpoint-hongkong", "CN", _hong_kong_override(), {"RES-006"}, []))
    return out


def _hong_kong_override() -> Build:
    def build(c: Any) -> object:
        provider = alicloud.Provider(
            "ali-objects", region="cn-shanghai",
            endpoints=[alicloud.ProviderEndpointArgs(oss="oss-cn-hongkong.aliyuncs.com")],
            assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci"),
        )  # fmt: skip
        return alicloud.oss.Bucket("reports", bucket="fleet-reports-cn", opts=pulumi.ResourceOptions(provider=provider))

    return build
