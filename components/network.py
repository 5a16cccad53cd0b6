"""Network layout facts shared by the components and the config validation (neither owns the other)."""

from __future__ import annotations

import ipaddress

__all__ = ["subnet_cidrs"]


def subnet_cidrs(cidr: str, zones: int) -> list[str]:
    """One equal private subnet per zone, carved from the start of ``cidr``."""
    network = ipaddress.IPv4Network(cidr)
    new_prefix = network.prefixlen + max(zones - 1, 1).bit_length()
    return [str(subnet) for subnet in list(network.subnets(new_prefix=new_prefix))[:zones]]
