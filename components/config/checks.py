"""Rules a stack's data center config must meet beyond its shape: residency and network sanity.

Each failed rule raises one ``ConfigError`` naming the exact key, so the order of the checks is the
order an operator will meet them in.
"""

from __future__ import annotations

import ipaddress
from typing import get_args

from components.config.models import CloudRegions, DataCenterConfig
from components.config.services import check_platform
from components.errors import ConfigError
from components.residency.catalogue import Cloud, Jurisdiction, load_catalogue

__all__ = ["check_datacenter", "subnet_cidrs"]

_ROOT = "sovereign-dc:datacenter"
_CLOUDS: tuple[Cloud, ...] = get_args(Cloud)
_MIN_SUBNET_PREFIX = 28


def check_datacenter(config: DataCenterConfig, jurisdiction: Jurisdiction, file: str) -> None:
    """Raise ``ConfigError`` for the first residency or network rule ``config`` breaks."""
    configured = [cloud for cloud in _CLOUDS if getattr(config.clouds, cloud) is not None]
    if not configured:
        raise ConfigError(file, f"{_ROOT}.clouds", "no cloud is configured", "add `aws:` and/or `alicloud:`")
    for cloud in configured:
        _check_regions(cloud, getattr(config.clouds, cloud), jurisdiction, file)
    _check_compute(config, configured, file)
    check_platform(config, file)


def _check_regions(cloud: Cloud, regions: CloudRegions, jurisdiction: Jurisdiction, file: str) -> None:
    key = f"{_ROOT}.clouds.{cloud}"
    allowed = sorted(jurisdiction.regions(cloud))
    where = f"{jurisdiction.name} ({jurisdiction.code})"
    if not allowed:
        raise ConfigError(file, key, f"{where} has no {cloud} region", f"remove `{cloud}` from clouds")
    for role in ("primary", "secondary"):
        region = getattr(regions, role)
        if region is None or jurisdiction.allows_region(cloud, region):
            continue
        known = region in load_catalogue().known_regions(cloud)
        problem = f"{region} is outside {where}" if known else f"{region} is not a known {cloud} region"
        raise ConfigError(file, f"{key}.{role}", problem, f"use one of {', '.join(allowed)}")
    if regions.secondary is not None and regions.secondary == regions.primary:
        others = [r for r in allowed if r != regions.primary]
        fix = (
            f"use another in-country region ({', '.join(others)}) or remove `secondary`"
            if others
            else f"remove `secondary`: {where} has only one {cloud} region"
        )
        raise ConfigError(file, f"{key}.secondary", f"the secondary region equals the primary ({regions.primary})", fix)


def _check_compute(config: DataCenterConfig, configured: list[Cloud], file: str) -> None:
    seen: dict[str, ipaddress.IPv4Network] = {}
    for cloud in _CLOUDS:
        compute = getattr(config.compute, cloud)
        if compute is None:
            continue
        key = f"{_ROOT}.compute.{cloud}"
        if cloud not in configured:
            raise ConfigError(
                file,
                key,
                f"compute is set for {cloud} but {cloud} is not under clouds",
                f"add `clouds.{cloud}` or remove `compute.{cloud}`",
            )
        network = _parse_cidr(compute.cidr, f"{key}.cidr", file)
        if network.prefixlen + (compute.zones - 1).bit_length() > _MIN_SUBNET_PREFIX:
            raise ConfigError(
                file,
                f"{key}.cidr",
                f"{compute.cidr} is too small for {compute.zones} zone subnets",
                "use a larger range, e.g. a /20",
            )
        for other_cloud, other in seen.items():
            if network.overlaps(other):
                raise ConfigError(
                    file,
                    f"{key}.cidr",
                    f"{compute.cidr} overlaps compute.{other_cloud}.cidr ({other})",
                    "give each cloud its own non-overlapping private range so they can be peered",
                )
        seen[cloud] = network


def _parse_cidr(text: str, key: str, file: str) -> ipaddress.IPv4Network:
    try:
        network = ipaddress.IPv4Network(text, strict=True)
    except ValueError as exc:
        raise ConfigError(file, key, f"{text!r} is not an IPv4 network ({exc})", "write it like 10.20.0.0/16") from None
    if not network.is_private:
        raise ConfigError(
            file,
            key,
            f"{text} is not a private range",
            "use a range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
        )
    if not 16 <= network.prefixlen <= 24:
        raise ConfigError(
            file, key, f"/{network.prefixlen} is outside /16 to /24", "use a prefix length from /16 to /24"
        )
    return network


def subnet_cidrs(cidr: str, zones: int) -> list[str]:
    """One equal private subnet per zone, carved from the start of ``cidr``."""
    network = ipaddress.IPv4Network(cidr)
    new_prefix = network.prefixlen + max(zones - 1, 1).bit_length()
    return [str(subnet) for subnet in list(network.subnets(new_prefix=new_prefix))[:zones]]
