"""SovereignMocks plus the three lookups the data center components make that the shared mocks do
not answer yet (VPC endpoint service names, the SSM stock-AMI parameter, Alibaba stock images).

Temporary bridge: once ``components/testing/mocks.py`` answers these invokes, use SovereignMocks
directly and delete this file.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pulumi.runtime.mocks import MockCallArgs

from components.testing import Location, SovereignMocks

__all__ = ["DataCenterMocks"]


class DataCenterMocks(SovereignMocks):
    """Region-faithful answers for the extra invokes; everything else is SovereignMocks'."""

    def call_located(self, args: MockCallArgs) -> tuple[dict[str, Any], Location]:
        result, loc = super().call_located(args)
        handler = _EXTRA.get(args.token)
        if handler is not None and loc.cloud is not None:
            result = handler(loc, args.args or {})
        return result, loc


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=8).hexdigest()


def _endpoint_service(loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    service, kind = args.get("service", ""), args.get("serviceType", "Interface")
    # China regions prefix interface endpoint services with the partition's reverse DNS (cn.com.amazonaws).
    prefix = "cn.com.amazonaws" if loc.partition == "aws-cn" and kind == "Interface" else "com.amazonaws"
    name = f"{prefix}.{loc.region}.{service}"
    return {
        "id": name,
        "serviceName": name,
        "service": service,
        "serviceType": kind,
        "serviceId": f"vpce-svc-{_digest(name)}",
    }


def _ssm_parameter(loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    name = args.get("name", "")
    return {
        "id": name,
        "name": name,
        "type": "String",
        "value": f"ami-{_digest(name, loc.region or '')[:17]}",
        "arn": f"arn:{loc.partition}:ssm:{loc.region}::parameter{name}",
    }


def _ali_images(loc: Location, args: dict[str, Any]) -> dict[str, Any]:
    image = f"aliyun_3_x64_20G_alibase_{_digest(loc.region or '')[:8]}.vhd"
    return {"id": loc.region, "ids": [image], "images": []}


_EXTRA = {
    "aws:ec2/getVpcEndpointService:getVpcEndpointService": _endpoint_service,
    "aws:ssm/getParameter:getParameter": _ssm_parameter,
    "alicloud:ecs/getImages:getImages": _ali_images,
}
