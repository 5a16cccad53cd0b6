"""``AwsCountryCompute``: a private VPC and an EC2 fleet whose traffic to S3 and KMS stays in-region."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.endpoints import endpoint_service_name
from components.aws.iam import assume_role_policy
from components.cloud_args import CountryComputeArgs
from components.network import subnet_cidrs
from components.zones import enough_zones, nth_zone

__all__ = ["AwsCountryCompute", "AwsCountryComputeArgs"]

# AWS-published public parameter, present in every commercial and China region.
_STOCK_IMAGE_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
_HTTPS = 443
# Systems Manager without public access needs these three interface endpoints (Systems Manager User
# Guide, "Improve the security of EC2 instances by using VPC endpoints for Systems Manager").
_SSM_SERVICES = ("ssm", "ssmmessages", "ec2messages")
_SNAPSHOT_TAG = "sovereign:snapshot"


@dataclass
class AwsCountryComputeArgs(CountryComputeArgs[aws.Provider, aws.kms.Key]):
    """Inputs of ``AwsCountryCompute`` (fields: ``CountryComputeArgs``; ``image`` is an AMI id)."""


class AwsCountryCompute(pulumi.ComponentResource):
    """Private subnets only, no public IPs, no 0.0.0.0/0 ingress, IMDSv2 and encrypted disks."""

    vpc: aws.ec2.Vpc
    """The VPC."""
    subnets: list[aws.ec2.Subnet]
    """Private subnets, one per zone."""
    instances: list[aws.ec2.Instance]
    """The EC2 fleet."""

    def __init__(self, name: str, args: AwsCountryComputeArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:CountryCompute", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        invoke = pulumi.InvokeOutputOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        self.vpc = aws.ec2.Vpc(
            f"{name}-vpc",
            cidr_block=args.cidr,
            enable_dns_support=True,
            enable_dns_hostnames=True,
            tags=tags,
            opts=child,
        )
        zones = _offered_zones(args, invoke)
        route_table = aws.ec2.RouteTable(f"{name}-private-routes", vpc_id=self.vpc.id, tags=tags, opts=child)
        self.subnets = []
        for index, cidr in enumerate(subnet_cidrs(args.cidr, args.zones)):
            subnet = aws.ec2.Subnet(
                f"{name}-private-{index}",
                vpc_id=self.vpc.id,
                cidr_block=cidr,
                availability_zone=zones.apply(functools.partial(nth_zone, "aws", args.zones, index)),
                map_public_ip_on_launch=False,
                tags=tags,
                opts=child,
            )
            aws.ec2.RouteTableAssociation(
                f"{name}-private-{index}-routes", subnet_id=subnet.id, route_table_id=route_table.id, opts=child
            )
            self.subnets.append(subnet)
        account = aws.get_caller_identity_output(opts=invoke).account_id
        partition = aws.get_partition_output(opts=invoke).partition
        region = aws.get_region_output(opts=invoke).region
        identity = pulumi.Output.all(partition, account, region)
        s3_endpoint = aws.ec2.VpcEndpoint(
            f"{name}-s3-endpoint",
            vpc_id=self.vpc.id,
            vpc_endpoint_type="Gateway",
            service_name=endpoint_service_name("s3", "Gateway", invoke),
            route_table_ids=[route_table.id],
            policy=identity.apply(lambda par: _endpoint_policy("s3", f"arn:{par[0]}:s3:::*", par[1])),
            tags=tags,
            opts=child,
        )
        endpoint_sg = self._https_group(
            f"{name}-endpoints-sg", "HTTPS from inside the VPC to interface endpoints", args.cidr, [], tags, child
        )
        aws.ec2.VpcEndpoint(
            f"{name}-kms-endpoint",
            vpc_id=self.vpc.id,
            vpc_endpoint_type="Interface",
            service_name=endpoint_service_name("kms", "Interface", invoke),
            private_dns_enabled=True,
            subnet_ids=[s.id for s in self.subnets],
            security_group_ids=[endpoint_sg.id],
            policy=identity.apply(
                lambda par: _endpoint_policy("kms", f"arn:{par[0]}:kms:{par[2]}:{par[1]}:key/*", par[1])
            ),
            tags=tags,
            opts=child,
        )
        for service in _SSM_SERVICES:
            aws.ec2.VpcEndpoint(
                f"{name}-{service}-endpoint",
                vpc_id=self.vpc.id,
                vpc_endpoint_type="Interface",
                service_name=endpoint_service_name(service, "Interface", invoke),
                private_dns_enabled=True,
                subnet_ids=[s.id for s in self.subnets],
                security_group_ids=[endpoint_sg.id],
                tags=tags,
                opts=child,
            )
        if args.flow_log_bucket is not None:
            # Flow logs straight to the in-country audit bucket (VPC User Guide, "Publish flow logs to Amazon S3").
            aws.ec2.FlowLog(
                f"{name}-flow-log",
                vpc_id=self.vpc.id,
                traffic_type="ALL",
                log_destination_type="s3",
                log_destination=args.flow_log_bucket.arn,
                max_aggregation_interval=600,
                tags=tags,
                opts=child,
            )
        profile = self._instance_profile(name, args, identity, tags, child, invoke)
        instance_sg = self._https_group(
            f"{name}-instances-sg",
            "Instances: HTTPS from the VPC only; out only to the VPC and the S3 endpoint",
            args.cidr,
            [_https(cidr_blocks=[args.cidr]), _https(prefix_list_ids=[s3_endpoint.prefix_list_id])],
            tags,
            child,
        )
        image = args.image or aws.ssm.get_parameter_output(name=_STOCK_IMAGE_PARAMETER, opts=invoke).value
        self.instances = [
            aws.ec2.Instance(
                f"{name}-instance-{index}",
                ami=image,
                instance_type=args.instance_type,
                subnet_id=self.subnets[index % len(self.subnets)].id,
                vpc_security_group_ids=[instance_sg.id],
                iam_instance_profile=profile.name,
                associate_public_ip_address=False,
                metadata_options={
                    "http_tokens": "required",
                    "http_endpoint": "enabled",
                    "http_put_response_hop_limit": 1,
                },
                root_block_device={
                    "encrypted": True,
                    "kms_key_id": args.disk_key.arn,
                    "volume_type": "gp3",
                    "volume_size": args.disk_gb,
                    "delete_on_termination": True,
                    # Picked up by the snapshot policy below.
                    "tags": {**tags, _SNAPSHOT_TAG: name},
                },
                monitoring=True,
                tags={**tags, "Name": f"{name}-instance-{index}"},
                # A newly published stock image must not replace running instances on the next `up`.
                opts=pulumi.ResourceOptions.merge(
                    child, pulumi.ResourceOptions(ignore_changes=[] if args.image else ["ami"])
                ),
            )
            for index in range(args.count)
        ]
        self._snapshots(name, args, identity, tags, child, invoke)
        self.register_outputs(
            {
                "vpcId": self.vpc.id,
                "subnetIds": [s.id for s in self.subnets],
                "instanceIds": [i.id for i in self.instances],
            }
        )

    def _https_group(
        self,
        name: str,
        description: str,
        cidr: str,
        egress: list[Any],
        tags: dict[str, str],
        opts: pulumi.ResourceOptions,
    ) -> aws.ec2.SecurityGroup:
        """A security group admitting only HTTPS from ``cidr`` (the VPC) and letting out only ``egress``."""
        return aws.ec2.SecurityGroup(
            name,
            description=description,
            vpc_id=self.vpc.id,
            ingress=[_https(cidr_blocks=[cidr])],
            egress=egress,
            tags=tags,
            opts=opts,
        )

    def _snapshots(
        self,
        name: str,
        args: AwsCountryComputeArgs,
        identity: pulumi.Output[list[str]],
        tags: dict[str, str],
        child: pulumi.ResourceOptions,
        invoke: pulumi.InvokeOutputOptions,
    ) -> None:
        """Daily EBS snapshots of the tagged root volumes, kept ``snapshot_days`` in this region (Amazon Data
        Lifecycle Manager; snapshots of an encrypted volume stay encrypted with its key; no cross-region copy)."""
        principal = aws.get_service_principal_output(service_name="dlm", opts=invoke).name
        role = aws.iam.Role(
            f"{name}-snapshot-role",
            description="Amazon Data Lifecycle Manager: snapshots of sovereign-dc instance disks",
            assume_role_policy=principal.apply(assume_role_policy),
            tags=tags,
            opts=child,
        )
        attachment = aws.iam.RolePolicyAttachment(
            f"{name}-snapshot-role-policy",
            role=role.name,
            # AWS managed policy for EBS snapshot policies (DLM User Guide, "Default service roles").
            policy_arn=identity.apply(
                lambda par: f"arn:{par[0]}:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole"
            ),
            opts=child,
        )
        aws.dlm.LifecyclePolicy(
            f"{name}-snapshots",
            description=f"sovereign-dc {name}: daily disk snapshots, {args.snapshot_days} days, in-region",
            execution_role_arn=role.arn,
            state="ENABLED",
            policy_details={
                "resource_types": ["VOLUME"],
                "target_tags": {_SNAPSHOT_TAG: name},
                "schedules": [
                    {
                        "name": "daily",
                        "create_rule": {"interval": 24, "interval_unit": "HOURS", "times": "03:00"},
                        "retain_rule": {"interval": args.snapshot_days, "interval_unit": "DAYS"},
                        "copy_tags": True,
                    }
                ],
            },
            tags=tags,
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[attachment])),
        )

    def _instance_profile(
        self,
        name: str,
        args: AwsCountryComputeArgs,
        identity: pulumi.Output[list[str]],
        tags: dict[str, str],
        child: pulumi.ResourceOptions,
        invoke: pulumi.InvokeOutputOptions,
    ) -> aws.iam.InstanceProfile:
        """Instance role: Systems Manager core, and exactly the stack's data-class buckets and keys."""
        # The partition's EC2 principal, not a hard-coded one (aws.get_service_principal).
        principal = aws.get_service_principal_output(service_name="ec2", opts=invoke).name
        role = aws.iam.Role(
            f"{name}-instance-role",
            description="sovereign-dc instances: SSM and the data-class buckets and keys of this stack only",
            assume_role_policy=principal.apply(assume_role_policy),
            tags=tags,
            opts=child,
        )
        aws.iam.RolePolicyAttachment(
            f"{name}-instance-ssm",
            role=role.name,
            # AWS managed policy for Session Manager / Run Command (Systems Manager User Guide).
            policy_arn=identity.apply(lambda par: f"arn:{par[0]}:iam::aws:policy/AmazonSSMManagedInstanceCore"),
            opts=child,
        )
        if args.data_buckets:
            classes = sorted(args.data_buckets)
            aws.iam.RolePolicy(
                f"{name}-instance-data",
                role=role.id,
                policy=pulumi.Output.all(
                    [args.data_buckets[c].arn for c in classes], [args.data_keys[c].arn for c in classes]
                ).apply(lambda bk: _data_policy(bk[0], bk[1])),
                opts=child,
            )
        return aws.iam.InstanceProfile(f"{name}-instance-profile", role=role.name, tags=tags, opts=child)


def _offered_zones(args: AwsCountryComputeArgs, invoke: pulumi.InvokeOutputOptions) -> pulumi.Output[list[str]]:
    """Available zones where ``instance_type`` is offered (EC2 DescribeInstanceTypeOfferings), in zone order;
    fewer than ``zones`` is a configuration error, raised before any subnet is planned."""
    available = aws.get_availability_zones_output(state="available", opts=invoke).names
    offered = aws.ec2.get_instance_type_offerings_output(
        location_type="availability-zone",
        filters=[{"name": "instance-type", "values": [args.instance_type]}],
        opts=invoke,
    ).locations
    return pulumi.Output.all(available, offered).apply(lambda ao: _pick_zones(args, ao[0], ao[1]))


def _pick_zones(args: AwsCountryComputeArgs, available: Sequence[str], offered: Sequence[str]) -> list[str]:
    zones = [zone for zone in available if zone in set(offered)]
    how = "aws ec2 describe-instance-type-offerings --location-type availability-zone"
    return enough_zones("aws", args.zones, zones, args.instance_type, how)


def _endpoint_policy(service: str, resource: str, account: str) -> str:
    """Gateway/interface endpoint policy: only resources of this account, in this partition (VPC User Guide,
    "Control access to VPC endpoints using endpoint policies"; aws:ResourceAccount)."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "OwnAccountOnly",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": f"{service}:*",
                    "Resource": resource,
                    "Condition": {"StringEquals": {"aws:ResourceAccount": account}},
                }
            ],
        }
    )


def _data_policy(bucket_arns: Sequence[str], key_arns: Sequence[str]) -> str:
    """Read and write objects of the data-class buckets, with their keys; nothing else."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "ListDataBuckets", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": list(bucket_arns)},
                {
                    "Sid": "ReadWriteDataObjects",
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:PutObject"],
                    "Resource": [f"{arn}/*" for arn in bucket_arns],
                },
                {
                    "Sid": "UseDataKeys",
                    "Effect": "Allow",
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                    "Resource": list(key_arns),
                },
            ],
        }
    )


def _https(**peer: Any) -> Any:
    """A security-group rule, ingress or egress, for HTTPS with ``peer`` (``cidr_blocks=`` or ``prefix_list_ids=``)."""
    return {"protocol": "tcp", "from_port": _HTTPS, "to_port": _HTTPS, **peer}
