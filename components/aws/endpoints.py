"""VPC endpoint service names: ``<prefix>.<region>.<service>``, the prefix from the partition.

Not every service in a partition uses the partition's reverse-DNS prefix. In the China regions
``describe-vpc-endpoint-services`` lists some interface services as ``cn.com.amazonaws.<region>.<service>``
(the partition's ``reverse_dns_prefix``) and the rest, and the S3 gateway, as ``com.amazonaws.<region>.<service>``.
The table below is data with its source; the name is then confirmed by ``aws.ec2.get_vpc_endpoint_service``
against the live region, so a wrong entry fails the preview instead of creating a broken endpoint.

Source: AWS CDK ``InterfaceVpcEndpointAwsService.getDefaultEndpointPrefix`` (maintained from
``aws ec2 describe-vpc-endpoint-services`` in cn-north-1 / cn-northwest-1); only the services this
toolkit uses are listed. kms, ssm, ssmmessages, ec2messages and logs are not in that list, so they keep
``com.amazonaws`` in China too (unconfirmed against a live China account: see docs/datacenter.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pulumi
import pulumi_aws as aws

__all__ = ["PARTITION_PREFIXED_INTERFACE_SERVICES", "endpoint_service_name"]

_DEFAULT_PREFIX = "com.amazonaws"

PARTITION_PREFIXED_INTERFACE_SERVICES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "cn-north-1": frozenset({"s3", "sts", "ec2", "ebs", "monitoring"}),
        "cn-northwest-1": frozenset({"s3", "sts", "ec2", "ebs", "monitoring"}),
    }
)
"""Region -> interface services (of those the toolkit may use) named with the partition's reverse-DNS prefix."""


def _name(prefix: str, region: str, service: str, kind: str) -> str:
    uses_partition_prefix = kind == "Interface" and service in PARTITION_PREFIXED_INTERFACE_SERVICES.get(
        region, frozenset()
    )
    return f"{prefix if uses_partition_prefix else _DEFAULT_PREFIX}.{region}.{service}"


def endpoint_service_name(service: str, kind: str, opts: pulumi.InvokeOutputOptions) -> pulumi.Output[str]:
    """The confirmed endpoint service name of ``service`` (``Gateway`` or ``Interface``) in the provider's region."""
    region = aws.get_region_output(opts=opts).region
    prefix = aws.get_partition_output(opts=opts).reverse_dns_prefix
    candidate = pulumi.Output.all(prefix, region).apply(lambda pr: _name(pr[0], pr[1], service, kind))
    return aws.ec2.get_vpc_endpoint_service_output(service_name=candidate, service_type=kind, opts=opts).service_name
