"""``AwsCountryCompute``: a private VPC and an EC2 fleet whose traffic to S3 and KMS stays in-region."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.cloud_args import CountryComputeArgs
from components.config.checks import subnet_cidrs
from components.zones import nth_zone

__all__ = ["AwsCountryCompute", "AwsCountryComputeArgs"]

# AWS-published public parameter, present in every commercial and China region.
_STOCK_IMAGE_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
_HTTPS = 443


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
        zones = aws.get_availability_zones_output(state="available", opts=invoke).names
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
        s3_endpoint = aws.ec2.VpcEndpoint(
            f"{name}-s3-endpoint",
            vpc_id=self.vpc.id,
            vpc_endpoint_type="Gateway",
            service_name=self._service_name("s3", "Gateway", invoke),
            route_table_ids=[route_table.id],
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
            service_name=self._service_name("kms", "Interface", invoke),
            private_dns_enabled=True,
            subnet_ids=[s.id for s in self.subnets],
            security_group_ids=[endpoint_sg.id],
            tags=tags,
            opts=child,
        )
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

    @staticmethod
    def _service_name(service: str, kind: str, invoke: pulumi.InvokeOutputOptions) -> pulumi.Output[str]:
        # Looked up, not spelled out: China regions name interface endpoints cn.com.amazonaws.<region>.<service>.
        return aws.ec2.get_vpc_endpoint_service_output(service=service, service_type=kind, opts=invoke).service_name


def _https(**peer: Any) -> Any:
    """A security-group rule, ingress or egress, for HTTPS with ``peer`` (``cidr_blocks=`` or ``prefix_list_ids=``)."""
    return {"protocol": "tcp", "from_port": _HTTPS, "to_port": _HTTPS, **peer}
