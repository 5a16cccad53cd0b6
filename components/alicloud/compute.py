"""``AlicloudCountryCompute``: a private VPC and an ECS fleet with encrypted disks and no public IPs."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pulumi
import pulumi_alicloud as alicloud

from components.cloud_args import CountryComputeArgs
from components.config.checks import subnet_cidrs
from components.zones import nth_zone

__all__ = ["AlicloudCountryCompute", "AlicloudCountryComputeArgs"]

# Alibaba Cloud Linux 3, the stock image family published by Alibaba Cloud in every region.
_STOCK_IMAGE_REGEX = "^aliyun_3_x64"


@dataclass
class AlicloudCountryComputeArgs(CountryComputeArgs[alicloud.Provider, alicloud.kms.Key]):
    """Inputs of ``AlicloudCountryCompute`` (fields: ``CountryComputeArgs``; one vSwitch per zone)."""


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
        zones = alicloud.get_zones_output(available_resource_creation="VSwitch", opts=invoke).ids
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
                system_disk_category="cloud_essd",
                system_disk_size=args.disk_gb,
                system_disk_encrypted=True,
                system_disk_kms_key_id=args.disk_key.id,
                http_tokens="required",
                http_endpoint="enabled",
                tags=tags,
                # A newly published stock image must not replace running instances on the next `up`.
                opts=pulumi.ResourceOptions.merge(
                    child, pulumi.ResourceOptions(ignore_changes=[] if args.image else ["image_id"])
                ),
            )
            for index in range(args.count)
        ]
        self.register_outputs(
            {
                "vpcId": self.vpc.id,
                "vswitchIds": [s.id for s in self.vswitches],
                "instanceIds": [i.id for i in self.instances],
            }
        )
