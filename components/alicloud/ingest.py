"""``AlicloudVehicleIngest``: vehicles publish to the region's Alibaba Cloud IoT Platform (public instance);
one rule per message type hands messages to an in-region Function Compute forwarder that files them in
the data-class OSS bucket as ``<data_class>/<VIN>/<YYYY-MM-DD>/<uuid>.json``.

pulumi-alicloud has no IoT product, topic or rule resource (only ``iot.DeviceGroup``), so the IoT
Platform part is an ROS stack in the same region using the documented ``ALIYUN::IOT::*`` types;
IoT rules cannot target OSS, hence the forwarder (docs/ingest.md, "Alibaba Cloud").
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.ram import invoke_functions_policy, service_role
from components.naming import slug
from portal.alicloud import oss_internal_endpoint

__all__ = ["ERROR_PREFIX", "AlicloudVehicleIngest", "AlicloudVehicleIngestArgs", "forwarder_zip", "ros_template"]

ERROR_PREFIX = "_ingest_errors"
"""Key prefix, inside the route's own bucket, of messages the rule could not deliver."""
_FORWARDER = Path(__file__).with_name("ingest_forwarder") / "index.py"
_FC_PRINCIPAL = "fc.aliyuncs.com"
_IOT_PRINCIPAL = "iot.aliyuncs.com"


def forwarder_zip() -> str:
    """The forwarder package as Function Compute takes it inline: a base64 zip, byte-for-byte reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("index.py", date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        archive.writestr(info, _FORWARDER.read_bytes())
    return base64.b64encode(buffer.getvalue()).decode()


@dataclass
class AlicloudVehicleIngestArgs:
    """Inputs of ``AlicloudVehicleIngest``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    region: str
    """Region id of ``provider`` (the IoT and OSS endpoints are named after it)."""
    routes: Mapping[str, str]
    """Message type -> data class."""
    buckets: Mapping[str, alicloud.oss.Bucket]
    """Data class -> its primary bucket (from ``AlicloudCountryStorage``)."""
    keys: Mapping[str, alicloud.kms.Key]
    """Data class -> the key of its bucket (the forwarder encrypts through OSS with it)."""
    provider: alicloud.Provider
    """Pinned provider of the primary region."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AlicloudVehicleIngest(pulumi.ComponentResource):
    """X.509 product with one PUB topic per message type, rules to per-class forwarders, least-privilege roles."""

    endpoint: pulumi.Output[str]
    """MQTT domain of the public instance (``iot-as-mqtt.<region>.aliyuncs.com``); devices connect to
    ``<ProductKey>.<domain>``."""
    stack: alicloud.ros.Stack
    """The ROS stack holding the IoT product, topics and rules."""
    forwarders: dict[str, alicloud.fc.V3Function]
    """``<message type>`` and ``<message type>-errors`` -> forwarder function."""

    def __init__(self, name: str, args: AlicloudVehicleIngestArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:alicloud:VehicleIngest", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        code = args.jurisdiction.lower()
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=args.provider)).id
        classes = sorted(set(args.routes.values()))
        forwarder_role = service_role(
            f"{name}-forwarder",
            f"sovereign-{code}-ingest-forwarder",
            _FC_PRINCIPAL,
            "Vehicle ingest forwarders: write routed prefixes of the data-class buckets",
            pulumi.Output.all(
                account, [args.buckets[c].bucket for c in classes], [args.keys[c].arn for c in classes]
            ).apply(lambda v: _forwarder_policy(v[0], dict(zip(classes, v[1], strict=True)), v[2])),
            tags,
            child,
        )
        package = forwarder_zip()
        self.forwarders = {}
        for message_type, data_class in args.routes.items():
            for suffix, prefix in (("", data_class), ("-errors", f"{ERROR_PREFIX}/{data_class}")):
                function_name = f"sovereign-{code}-ingest-{slug(message_type)}{suffix}"
                self.forwarders[f"{message_type}{suffix}"] = alicloud.fc.V3Function(
                    f"{name}-{slug(message_type)}{suffix}-forwarder",
                    function_name=function_name,
                    description=f"{message_type} messages -> {data_class} bucket ({prefix}/<VIN>/<day>/)",
                    runtime="python3.10",
                    handler="index.handler",
                    code={"zip_file": package},
                    memory_size=256,
                    timeout=30,
                    role=forwarder_role.arn,
                    # The forwarder reaches OSS only over the region's internal endpoint.
                    # https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints
                    internet_access=False,
                    environment_variables={
                        "BUCKET": args.buckets[data_class].bucket,
                        "KEY_PREFIX": prefix,
                        "OSS_ENDPOINT": oss_internal_endpoint(args.region),
                    },
                    tags=tags,
                    opts=child,
                )
        invoke_role = service_role(
            f"{name}-rules",
            f"sovereign-{code}-ingest-rules",
            _IOT_PRINCIPAL,
            "IoT Platform rules: invoke the ingest forwarders",
            invoke_functions_policy(args.region, account, [f.function_name for f in self.forwarders.values()]),
            tags,
            child,
        )
        self.stack = alicloud.ros.Stack(
            f"{name}-iot",
            stack_name=f"sovereign-{code}-vehicle-ingest",
            template_body=invoke_role.arn.apply(
                lambda role_arn: ros_template(code, args.region, role_arn, dict(args.routes))
            ),
            # The product holds every vehicle's registration: deleting the stack must not delete it.
            deletion_protection="Enabled",
            retain_all_resources=True,
            timeout_in_minutes=30,
            tags=tags,
            opts=child,
        )
        # Public-instance MQTT domain; devices connect to <ProductKey>.<this>. The provider exposes no ROS
        # stack outputs, so the ProductKey is read with `aliyun ros GetStack` (docs/ingest.md).
        # https://www.alibabacloud.com/help/en/iot/user-guide/view-the-endpoint-of-an-instance
        self.endpoint = pulumi.Output.from_input(f"iot-as-mqtt.{args.region}.aliyuncs.com")
        self.register_outputs({"endpoint": self.endpoint, "stackId": self.stack.id})


def ros_template(code: str, region: str, role_arn: str, routes: Mapping[str, str]) -> str:
    """ROS template: an X.509 product, a PUB topic per message type and a rule per type with an FC action and
    an FC error action. Types and properties: https://www.alibabacloud.com/help/en/ros/developer-reference/iot"""
    resources: dict[str, object] = {
        "Product": {
            "Type": "ALIYUN::IOT::Product",
            "Properties": {
                "ProductName": f"sovereign_{code}_vehicle",
                # One certificate per vehicle; X.509 is offered on the public instance in Shanghai.
                # https://www.alibabacloud.com/help/en/iot/user-guide/use-x-509-certificates-to-authenticate-devices
                "AuthType": "x509",
                "NodeType": 0,
                "AliyunCommodityCode": "iothub",
                "Description": "Vehicles; the device name is the VIN",
            },
        }
    }
    product_key = {"Fn::GetAtt": ["Product", "ProductKey"]}
    for message_type, data_class in routes.items():
        logical = "".join(part.capitalize() for part in message_type.split("_"))
        resources[f"Topic{logical}"] = {
            "Type": "ALIYUN::IOT::ProductTopic",
            "Properties": {
                "ProductKey": product_key,
                # Devices may publish only to /<ProductKey>/<their own DeviceName>/user/<type>.
                "TopicShortName": message_type,
                "Operation": "PUB",
                "Desc": f"{message_type} messages, stored as {data_class}",
            },
        }
        resources[f"Rule{logical}"] = {
            "Type": "ALIYUN::IOT::Rule",
            "DependsOn": [f"Topic{logical}"],
            "Properties": {
                "Name": f"sovereign_{code}_{message_type}"[:30],
                "ProductKey": product_key,
                "ShortTopic": f"+/user/{message_type}",
                "TopicType": 1,
                "DataType": "JSON",
                "Select": "*, deviceName() as __vin",
                "StartRule": True,
                "RuleDesc": f"{message_type} -> {data_class}",
                "RuleAction": [
                    _fc_action(region, role_arn, f"sovereign-{code}-ingest-{slug(message_type)}", error=False),
                    _fc_action(region, role_arn, f"sovereign-{code}-ingest-{slug(message_type)}-errors", error=True),
                ],
            },
        }
    return json.dumps(
        {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Description": f"sovereign-dc {code.upper()} vehicle ingest (IoT Platform)",
            "Resources": resources,
            "Outputs": {"ProductKey": {"Value": product_key}},
        },
        sort_keys=True,
    )


def _fc_action(region: str, role_arn: str, function_name: str, *, error: bool) -> dict[str, object]:
    # FC action configuration as in the CreateRuleAction reference (field names: docs/ingest.md, unconfirmed).
    return {
        "Type": "FC",
        "ErrorActionFlag": error,
        "Configuration": json.dumps(
            {"fcRegion": region, "functionName": function_name, "role": role_arn}, sort_keys=True
        ),
    }


def _forwarder_policy(account: str, buckets: Mapping[str, str], key_arns: list[str]) -> str:
    """PutObject under each routed class's prefixes only; the class keys for OSS server-side encryption."""
    resources = sorted(
        f"acs:oss:*:{account}:{bucket}/{prefix}/*"
        for data_class, bucket in buckets.items()
        for prefix in (data_class, f"{ERROR_PREFIX}/{data_class}")
    )
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {"Effect": "Allow", "Action": ["oss:PutObject"], "Resource": resources},
                {"Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:DescribeKey"], "Resource": sorted(key_arns)},
            ],
        }
    )
