"""``AlicloudCountryCompute``: a private VPC and an ECS fleet with encrypted disks and no public IPs."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.ram import assume_role_document
from components.cloud_args import CountryComputeArgs
from components.network import subnet_cidrs
from components.zones import enough_zones, nth_zone

__all__ = ["AlicloudCountryCompute", "AlicloudCountryComputeArgs"]

# Alibaba Cloud Linux 3, the stock image family published by Alibaba Cloud in every region.
_STOCK_IMAGE_REGEX = "^aliyun_3_x64"


@dataclass
class AlicloudCountryComputeArgs(CountryComputeArgs[alicloud.Provider, alicloud.kms.Key]):
    """Inputs of ``AlicloudCountryCompute`` (fields: ``CountryComputeArgs``; one vSwitch per zone)."""

    disk_encryption_role: Any = field(default=None, kw_only=True)
    """The ``AliyunECSDiskEncryptDefaultRole`` authorisation (from ``AlicloudCountryKeys``); instances wait for it."""


# Egress the instances need besides their own VPC: Alibaba Cloud's internal service range, where the
# OSS internal endpoints, the KMS VPC endpoint and Cloud Assistant are reached (ECS User Guide,
# "Cloud Assistant" network requirements; OSS "Access OSS over the internal network"; RFC 6598 range
# 100.64.0.0/10 as used by Alibaba internal services - see docs/datacenter.md, unconfirmed per region),
# and the metadata service for the RAM role credentials (ECS "Instance metadata": 100.100.100.200:80).
SERVICE_RANGE = "100.64.0.0/10"
_METADATA = "100.100.100.200/32"
_ECS_PRINCIPAL = "ecs.aliyuncs.com"


class AlicloudCountryCompute(pulumi.ComponentResource):
    """vSwitches in at least two zones, a closed security group, ECS with encrypted disks and IMDS hardening.

    OSS and KMS are reached through their in-region VPC endpoints (``*-internal`` / ``kms-vpc``), which
    Alibaba Cloud serves to every VPC without an endpoint resource.
    """

    vpc: alicloud.vpc.Network
    """The VPC."""
    vswitches: list[alicloud.vpc.Switch]
    """One vSwitch per zone."""
    instances: list[alicloud.ecs.Instance]
    """The ECS fleet."""

    def __init__(self, name: str, args: AlicloudCountryComputeArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:alicloud:CountryCompute", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        invoke = pulumi.InvokeOutputOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        self.vpc = alicloud.vpc.Network(
            f"{name}-vpc", vpc_name=f"{name}-vpc", cidr_block=args.cidr, tags=tags, opts=child
        )
        zones = alicloud.get_zones_output(
            available_resource_creation="VSwitch",
            available_instance_type=args.instance_type,
            available_disk_category=args.disk_category,
            opts=invoke,
        ).ids.apply(functools.partial(_enough_zones, args))
        self.vswitches = [
            alicloud.vpc.Switch(
                f"{name}-private-{index}",
                vswitch_name=f"{name}-private-{index}",
                vpc_id=self.vpc.id,
                cidr_block=cidr,
                zone_id=zones.apply(functools.partial(nth_zone, "alicloud", args.zones, index)),
                tags=tags,
                opts=child,
            )
            for index, cidr in enumerate(subnet_cidrs(args.cidr, args.zones))
        ]
        group = alicloud.ecs.SecurityGroup(
            f"{name}-instances-sg",
            security_group_name=f"{name}-instances-sg",
            description="Instances: HTTPS from the VPC only",
            vpc_id=self.vpc.id,
            inner_access_policy="Drop",
            tags=tags,
            opts=child,
        )
        alicloud.ecs.SecurityGroupRule(
            f"{name}-https-from-vpc",
            security_group_id=group.id,
            type="ingress",
            ip_protocol="tcp",
            port_range="443/443",
            cidr_ip=args.cidr,
            nic_type="intranet",
            policy="accept",
            description="HTTPS from inside the VPC",
            opts=child,
        )
        # Explicit egress: accept the VPC and the service endpoints, then drop everything else (a rule with
        # a lower priority number wins; ECS "Security group rules": priority 1-100).
        for rule, protocol, ports, cidr, policy, priority in (
            ("egress-https-vpc", "tcp", "443/443", args.cidr, "accept", 1),
            ("egress-https-services", "tcp", "443/443", SERVICE_RANGE, "accept", 1),
            ("egress-metadata", "tcp", "80/80", _METADATA, "accept", 1),
            ("egress-deny-all", "all", "-1/-1", "0.0.0.0/0", "drop", 100),
        ):
            alicloud.ecs.SecurityGroupRule(
                f"{name}-{rule}",
                security_group_id=group.id,
                type="egress",
                ip_protocol=protocol,
                port_range=ports,
                cidr_ip=cidr,
                nic_type="intranet",
                policy=policy,
                priority=priority,
                description=f"sovereign-dc {rule}",
                opts=child,
            )
        role_name = self._instance_role(name, args, tags, child)
        if args.flow_log_retention_days:
            self._flow_logs(name, args, tags, child, invoke)
        image = args.image or alicloud.ecs.get_images_output(
            name_regex=_STOCK_IMAGE_REGEX, owners="system", most_recent=True, opts=invoke
        ).ids.apply(lambda ids: ids[0])
        self.instances = [
            alicloud.ecs.Instance(
                f"{name}-instance-{index}",
                instance_name=f"{name}-instance-{index}",
                instance_type=args.instance_type,
                image_id=image,
                vswitch_id=self.vswitches[index % len(self.vswitches)].id,
                security_groups=[group.id],
                internet_max_bandwidth_out=0,
                system_disk_category=args.disk_category,
                system_disk_size=args.disk_gb,
                system_disk_encrypted=True,
                system_disk_kms_key_id=args.disk_key.id,
                http_tokens="required",
                http_endpoint="enabled",
                role_name=role_name,
                tags=tags,
                # A newly published stock image must not replace running instances on the next `up`; the disk
                # cannot be encrypted with the customer key before ECS holds its authorisation.
                opts=pulumi.ResourceOptions.merge(
                    child,
                    pulumi.ResourceOptions(
                        ignore_changes=[] if args.image else ["image_id"],
                        depends_on=[args.disk_encryption_role] if args.disk_encryption_role is not None else [],
                    ),
                ),
            )
            for index in range(args.count)
        ]
        # Daily snapshots of every system disk, kept snapshot_days in this region (ECS "Automatic snapshot
        # policies"; snapshots of an encrypted disk are encrypted with the same key; no cross-region copy).
        snapshot_policy = alicloud.ecs.AutoSnapshotPolicy(
            f"{name}-snapshots",
            auto_snapshot_policy_name=f"{name}-snapshots",
            repeat_weekdays=[str(day) for day in range(1, 8)],
            time_points=["3"],
            retention_days=args.snapshot_days,
            enable_cross_region_copy=False,
            tags=tags,
            opts=child,
        )
        for index, instance in enumerate(self.instances):
            alicloud.ecs.EcsAutoSnapshotPolicyAttachment(
                f"{name}-snapshots-{index}",
                auto_snapshot_policy_id=snapshot_policy.id,
                disk_id=instance.system_disk_id,
                opts=child,
            )
        self.register_outputs(
            {
                "vpcId": self.vpc.id,
                "vswitchIds": [s.id for s in self.vswitches],
                "instanceIds": [i.id for i in self.instances],
            }
        )

    def _flow_logs(
        self,
        name: str,
        args: AlicloudCountryComputeArgs,
        tags: dict[str, str],
        child: pulumi.ResourceOptions,
        invoke: pulumi.InvokeOutputOptions,
    ) -> None:
        """VPC flow logs into a Simple Log Service logstore of this region, kept for the audit retention
        (VPC User Guide, "Flow logs": Alibaba flow logs are delivered to SLS, not OSS)."""
        account = alicloud.get_account_output(opts=invoke).id
        # SLS project names are unique per region across all accounts: the stack name and account id make it so.
        project = alicloud.log.Project(
            f"{name}-flow-logs",
            project_name=account.apply(lambda a: f"sovereign-{pulumi.get_stack()}-flow-{a}"[:63]),
            description="sovereign-dc VPC flow logs (audit_logs class)",
            tags=tags,
            opts=child,
        )
        store = alicloud.log.Store(
            f"{name}-flow-logs-store",
            project_name=project.project_name,
            logstore_name="vpc-flow-logs",
            # SLS keeps data at most 3650 days; the audit retention is validated to that range.
            retention_period=min(args.flow_log_retention_days, 3650),
            opts=child,
        )
        alicloud.vpc.FlowLog(
            f"{name}-flow-log",
            flow_log_name=f"{name}-flow-log",
            resource_type="VPC",
            resource_id=self.vpc.id,
            traffic_type="All",
            project_name=project.project_name,
            log_store_name=store.logstore_name,
            tags=tags,
            opts=child,
        )

    def _instance_role(
        self, name: str, args: AlicloudCountryComputeArgs, tags: dict[str, str], child: pulumi.ResourceOptions
    ) -> pulumi.Output[str]:
        """RAM role of the instances: exactly the stack's data-class buckets and their keys."""
        role = alicloud.ram.Role(
            f"{name}-instance-role",
            # RAM names are account-wide: the stack name keeps two stacks of one account apart.
            role_name=f"sovereign-{pulumi.get_stack()}-{name}-instance"[:64],
            description="sovereign-dc instances: the data-class buckets and keys of this stack only",
            assume_role_policy_document=assume_role_document(_ECS_PRINCIPAL),
            tags=tags,
            opts=child,
        )
        if not args.data_buckets:
            return role.role_name
        classes = sorted(args.data_buckets)
        policy = alicloud.ram.Policy(
            f"{name}-instance-data",
            policy_name=f"sovereign-{pulumi.get_stack()}-{name}-instance-data"[:128],
            description="Read and write the data-class buckets with their keys",
            policy_document=pulumi.Output.all(
                [args.data_buckets[c].bucket for c in classes], [args.data_keys[c].arn for c in classes]
            ).apply(lambda bk: _data_policy(bk[0], bk[1])),
            opts=child,
        )
        attachment = alicloud.ram.RolePolicyAttachment(
            f"{name}-instance-data-attachment",
            role_name=role.role_name,
            policy_name=policy.policy_name,
            policy_type="Custom",
            opts=child,
        )
        return pulumi.Output.all(role.role_name, attachment.id).apply(lambda ra: ra[0])


def _enough_zones(args: AlicloudCountryComputeArgs, zones: Sequence[str]) -> list[str]:
    """The zones offering the instance type and disk category; fewer than asked is a configuration error."""
    how = "alicloud.get_zones(available_instance_type=..., available_disk_category=...)"
    return enough_zones("alicloud", args.zones, zones, f"{args.instance_type} with {args.disk_category} disks", how)


def _data_policy(buckets: Sequence[str], key_arns: Sequence[str]) -> str:
    """RAM policy: objects of the data-class buckets and their keys; nothing else."""
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["oss:GetObject", "oss:PutObject", "oss:ListObjects"],
                    "Resource": [r for b in buckets for r in (f"acs:oss:*:*:{b}", f"acs:oss:*:*:{b}/*")],
                },
                {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": list(key_arns)},
            ],
        }
    )
