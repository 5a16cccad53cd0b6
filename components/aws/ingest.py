"""``AwsVehicleIngest``: vehicles publish to the region's AWS IoT Core endpoint; topic rules file each
message type into its data-class bucket as ``<data_class>/<VIN>/<YYYY-MM-DD>/<uuid>.json``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import pulumi
import pulumi_aws as aws

from components.naming import slug

__all__ = ["ERROR_PREFIX", "AwsVehicleIngest", "AwsVehicleIngestArgs", "object_key", "topic_filter"]

ERROR_PREFIX = "_ingest_errors"
"""Key prefix, inside the route's own bucket, of messages a rule could not deliver."""
# The thing name is the VIN: the policy lets a vehicle connect and publish only as itself.
# https://docs.amazonaws.cn/en_us/iot/latest/developerguide/thing-policy-variables.html
_THING = "${iot:Connection.Thing.ThingName}"
# Date-partitioned, collision-free keys from the rule's substitution templates:
# https://docs.amazonaws.cn/en_us/iot/latest/developerguide/iot-substitution-templates.html
_DAY = '${parse_time("yyyy-MM-dd", timestamp(), "UTC")}'
_UUID = "${newuuid()}"
# AWS China's own IoT guide uses the global service principal in the trust policy:
# https://docs.amazonaws.cn/en_us/iot/latest/developerguide/iot-create-role.html
_IOT_PRINCIPAL = "iot.amazonaws.com"


def topic_filter(topic_root: str, message_type: str) -> str:
    """MQTT topic filter of one message type: ``<root>/<type>/+`` (the last level is the VIN)."""
    return f"{topic_root}/{message_type}/+"


def object_key(prefix: str) -> str:
    """S3 key template of a rule: ``<prefix>/<VIN = topic(3)>/<UTC day>/<uuid>.json``."""
    return f"{prefix}/${{topic(3)}}/{_DAY}/{_UUID}.json"


@dataclass
class AwsVehicleIngestArgs:
    """Inputs of ``AwsVehicleIngest``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    topic_root: str
    """First topic level; vehicles publish to ``<topic_root>/<message type>/<VIN>``."""
    routes: Mapping[str, str]
    """Message type -> data class."""
    buckets: Mapping[str, aws.s3.Bucket]
    """Data class -> its primary bucket (from ``AwsCountryStorage``)."""
    keys: Mapping[str, aws.kms.Key]
    """Data class -> the key that encrypts its bucket (from ``AwsCountryKeys``)."""
    provider: aws.Provider
    """Pinned provider of the primary region; the IoT endpoint is this region's."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AwsVehicleIngest(pulumi.ComponentResource):
    """Thing type, per-vehicle X.509 policy, one topic rule per message type and a least-privilege rule role."""

    endpoint: pulumi.Output[str]
    """The account's ATS data endpoint in the primary region (``xxxx-ats.iot.<region>.<dns suffix>``)."""
    thing_type: aws.iot.ThingType
    """Type every vehicle thing is registered with (thing name = VIN)."""
    policy: aws.iot.Policy
    """IoT policy to attach to each vehicle's certificate."""
    role: aws.iam.Role
    """Role the topic rules assume to write to the buckets."""
    rules: dict[str, aws.iot.TopicRule]
    """Message type -> its topic rule."""

    def __init__(self, name: str, args: AwsVehicleIngestArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:VehicleIngest", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        invoke = pulumi.InvokeOutputOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        code = args.jurisdiction.lower()
        partition = aws.get_partition_output(opts=invoke).partition
        region = aws.get_region_output(opts=invoke).region
        account = aws.get_caller_identity_output(opts=invoke).account_id
        # ATS endpoint (Amazon Trust Services CA): the one AWS recommends for devices.
        # https://docs.amazonaws.cn/en_us/iot/latest/developerguide/iot-connect-devices.html
        self.endpoint = aws.iot.get_endpoint_output(endpoint_type="iot:Data-ATS", opts=invoke).endpoint_address
        type_name = f"sovereign-{code}-vehicle"
        self.thing_type = aws.iot.ThingType(
            f"{name}-vehicle-type",
            name=type_name,
            properties={"description": "A vehicle; the thing name is its VIN", "searchable_attributes": ["model"]},
            tags=tags,
            opts=child,
        )
        topics = [f"{args.topic_root}/{message_type}" for message_type in args.routes]
        self.policy = aws.iot.Policy(
            f"{name}-vehicle-policy",
            name=type_name,
            policy=pulumi.Output.all(partition, region, account).apply(
                lambda pra: _vehicle_policy(pra[0], pra[1], pra[2], type_name, topics)
            ),
            tags=tags,
            opts=child,
        )
        rule_prefix = f"sovereign_{code}_"
        self.role = aws.iam.Role(
            f"{name}-rules-role",
            description="AWS IoT topic rules of sovereign-dc: write vehicle messages to their data-class buckets",
            assume_role_policy=pulumi.Output.all(partition, region, account).apply(
                lambda pra: _trust_policy(pra[0], pra[1], pra[2], rule_prefix)
            ),
            tags=tags,
            opts=child,
        )
        classes = sorted(set(args.routes.values()))
        grants = pulumi.Output.all(
            region,
            aws.get_partition_output(opts=invoke).dns_suffix,
            [args.buckets[c].arn for c in classes],
            [args.keys[c].arn for c in classes],
        ).apply(lambda v: _rules_policy(v[0], v[1], dict(zip(classes, v[2], strict=True)), v[3]))
        role_policy = aws.iam.RolePolicy(f"{name}-rules-policy", role=self.role.id, policy=grants, opts=child)
        self.rules = {}
        for message_type, data_class in args.routes.items():
            bucket = args.buckets[data_class].bucket
            self.rules[message_type] = aws.iot.TopicRule(
                f"{name}-{slug(message_type)}-rule",
                name=f"{rule_prefix}{message_type}",
                description=f"{args.topic_root}/{message_type}/<VIN> -> {data_class} bucket",
                enabled=True,
                sql=f"SELECT * FROM '{topic_filter(args.topic_root, message_type)}'",
                sql_version="2016-03-23",
                # S3 action: objects are encrypted by the bucket's default SSE-KMS with the class key.
                # https://docs.amazonaws.cn/en_us/iot/latest/developerguide/s3-rule-action.html
                s3=[{"bucket_name": bucket, "key": object_key(data_class), "role_arn": self.role.arn}],
                # Undeliverable messages stay in-country, in the same bucket, under their own prefix.
                # https://docs.amazonaws.cn/en_us/iot/latest/developerguide/rule-error-handling.html
                error_action={
                    "s3": {
                        "bucket_name": bucket,
                        "key": object_key(f"{ERROR_PREFIX}/{data_class}"),
                        "role_arn": self.role.arn,
                    }
                },
                tags=tags,
                opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[role_policy])),
            )
        self.register_outputs(
            {
                "endpoint": self.endpoint,
                "thingType": self.thing_type.name,
                "policy": self.policy.name,
                "rules": {t: r.name for t, r in self.rules.items()},
            }
        )


def _vehicle_policy(partition: str, region: str, account: str, thing_type: str, topics: list[str]) -> str:
    """Connect only as a registered thing of the vehicle type, with client id = thing name; publish only
    to the vehicle's own topics. https://docs.amazonaws.cn/en_us/iot/latest/developerguide/example-iot-policies.html"""
    arn = f"arn:{partition}:iot:{region}:{account}"
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "ConnectAsItself",
                    "Effect": "Allow",
                    "Action": "iot:Connect",
                    "Resource": f"{arn}:client/{_THING}",
                    "Condition": {
                        "Bool": {"iot:Connection.Thing.IsAttached": "true"},
                        "StringEquals": {"iot:Connection.Thing.ThingTypeName": thing_type},
                    },
                },
                {
                    "Sid": "PublishOwnTopics",
                    "Effect": "Allow",
                    "Action": "iot:Publish",
                    "Resource": [f"{arn}:topic/{topic}/{_THING}" for topic in topics],
                },
            ],
        }
    )


def _trust_policy(partition: str, region: str, account: str, rule_prefix: str) -> str:
    """Only this account's sovereign topic rules in this region may assume the role (confused deputy)."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": _IOT_PRINCIPAL},
                    "Action": "sts:AssumeRole",
                    "Condition": {
                        "StringEquals": {"aws:SourceAccount": account},
                        "ArnLike": {"aws:SourceArn": f"arn:{partition}:iot:{region}:{account}:rule/{rule_prefix}*"},
                    },
                }
            ],
        }
    )


def _rules_policy(region: str, dns_suffix: str, buckets: Mapping[str, str], key_arns: list[str]) -> str:
    """PutObject only under each routed class's own prefix (and its error prefix); the class keys only
    through S3 in this region. https://docs.amazonaws.cn/en_us/kms/latest/developerguide/conditions-kms.html"""
    resources = sorted(
        f"{arn}/{prefix}/*"
        for data_class, arn in buckets.items()
        for prefix in (data_class, f"{ERROR_PREFIX}/{data_class}")
    )
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "WriteRoutedPrefixes", "Effect": "Allow", "Action": "s3:PutObject", "Resource": resources},
                {
                    "Sid": "EncryptWithClassKeysViaS3",
                    "Effect": "Allow",
                    "Action": ["kms:GenerateDataKey", "kms:Encrypt"],
                    "Resource": sorted(key_arns),
                    "Condition": {"StringEquals": {"kms:ViaService": f"s3.{region}.{dns_suffix}"}},
                },
            ],
        }
    )
