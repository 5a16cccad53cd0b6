"""Rules a stack's data center config must meet beyond its shape: residency, cloud limits, network sanity.

Every rule adds a ``ConfigError`` naming the exact key to the list it returns, so an operator sees
every problem of a file at once; residency refusals carry their rule id (RES-030, RES-031).
"""

from __future__ import annotations

import ipaddress
from typing import get_args

from components.config.limits import (
    CLOUD_TAG_LIMITS,
    CONTACT_RULE,
    TOOLKIT_TAG_KEYS,
    TOOLKIT_TAG_PREFIX,
    TagLimits,
    aws_tag_text_ok,
    is_contact,
)
from components.config.models import CloudRegions, Clouds, DataCenterConfig
from components.config.services import platform_problems
from components.errors import ConfigError, raise_problems
from components.residency.catalogue import Cloud, Jurisdiction, load_catalogue
from components.residency.rules import RuleId
from components.yamlfile import shorten

__all__ = ["check_datacenter", "cloud_region_problems", "datacenter_problems"]

_ROOT = "sovereign-dc:datacenter"
_CLOUDS: tuple[Cloud, ...] = get_args(Cloud)
_MIN_SUBNET_PREFIX = 28


def check_datacenter(config: DataCenterConfig, jurisdiction: Jurisdiction, file: str) -> None:
    """Raise ``ConfigError`` (``ConfigProblems`` for several) for every rule ``config`` breaks."""
    raise_problems(datacenter_problems(config, jurisdiction, file))


def datacenter_problems(config: DataCenterConfig, jurisdiction: Jurisdiction | None, file: str) -> list[ConfigError]:
    """Every residency, cloud-limit and network rule ``config`` breaks (regions only with a jurisdiction)."""
    problems: list[ConfigError] = []
    configured = [cloud for cloud in _CLOUDS if getattr(config.clouds, cloud) is not None]
    if not configured:
        problems.append(ConfigError(file, f"{_ROOT}.clouds", "no cloud is configured", "add `aws:` and/or `alicloud:`"))
    problems.extend(cloud_region_problems(config.clouds, jurisdiction, file))
    problems.extend(_compute_problems(config, configured, file))
    problems.extend(_tag_problems(config, configured or list(_CLOUDS), file))
    problems.extend(_owner_problems(config, file))
    problems.extend(platform_problems(config, file))
    return problems


def cloud_region_problems(clouds: Clouds, jurisdiction: Jurisdiction | None, file: str) -> list[ConfigError]:
    """Region residency (RES-030, RES-031) and partition problems of ``clouds``.

    Also run on its own when another part of the data center settings is malformed, so the region
    problems are reported together with the shape problems.
    """
    problems: list[ConfigError] = []
    for cloud in _CLOUDS:
        regions = getattr(clouds, cloud)
        if regions is None:
            continue
        region_problems = _region_problems(cloud, regions, jurisdiction, file) if jurisdiction is not None else []
        problems.extend(region_problems or _partition_problems(cloud, regions, file))
    return problems


def _region_problems(cloud: Cloud, regions: CloudRegions, jurisdiction: Jurisdiction, file: str) -> list[ConfigError]:
    key = f"{_ROOT}.clouds.{cloud}"
    allowed = sorted(jurisdiction.regions(cloud))
    where = f"{jurisdiction.name} ({jurisdiction.code})"
    if not allowed:
        return [
            ConfigError(
                file,
                key,
                f"{where} has no {cloud} region",
                f"remove `{cloud}` from clouds",
                rule_id=RuleId.CONFIG_REGION_IN_JURISDICTION,
            )
        ]
    problems: list[ConfigError] = []
    for role in ("primary", "secondary"):
        region = getattr(regions, role)
        if region is None or jurisdiction.allows_region(cloud, region):
            continue
        known = region in load_catalogue().known_regions(cloud)
        problem = f"{region} is outside {where}" if known else f"{region} is not a known {cloud} region"
        problems.append(
            ConfigError(
                file,
                f"{key}.{role}",
                problem,
                f"use one of {', '.join(allowed)}",
                rule_id=RuleId.CONFIG_REGION_IN_JURISDICTION if known else RuleId.CONFIG_REGION_KNOWN,
            )
        )
    if regions.secondary is not None and regions.secondary == regions.primary:
        others = [r for r in allowed if r != regions.primary]
        fix = (
            f"use another in-country region ({', '.join(others)}) or remove `secondary`"
            if others
            else f"remove `secondary`: {where} has only one {cloud} region"
        )
        problems.append(
            ConfigError(file, f"{key}.secondary", f"the secondary region equals the primary ({regions.primary})", fix)
        )
    return problems


def _partition_problems(cloud: Cloud, regions: CloudRegions, file: str) -> list[ConfigError]:
    # S3 replication and KMS replica keys work only within one AWS partition (aws, aws-cn, ...):
    # partitions are separate clouds with separate accounts and credentials.
    if cloud != "aws" or regions.secondary is None:
        return []
    catalogue = load_catalogue()
    primary, secondary = catalogue.partition_of(regions.primary), catalogue.partition_of(regions.secondary)
    if primary is None or secondary is None or primary.name == secondary.name:
        return []
    return [
        ConfigError(
            file,
            f"{_ROOT}.clouds.aws.secondary",
            f"{regions.secondary} is in the {secondary.name} partition but the primary {regions.primary} is in "
            f"{primary.name}; buckets and keys cannot replicate across AWS partitions",
            f"choose a secondary region of the {primary.name} partition, or remove `secondary`",
        )
    ]


def _compute_problems(config: DataCenterConfig, configured: list[Cloud], file: str) -> list[ConfigError]:
    problems: list[ConfigError] = []
    seen: dict[str, ipaddress.IPv4Network] = {}
    for cloud in _CLOUDS:
        compute = getattr(config.compute, cloud)
        if compute is None:
            continue
        key = f"{_ROOT}.compute.{cloud}"
        if cloud not in configured:
            problems.append(
                ConfigError(
                    file,
                    key,
                    f"compute is set for {cloud} but {cloud} is not under clouds",
                    f"add `clouds.{cloud}` or remove `compute.{cloud}`",
                )
            )
        network = _parse_cidr(compute.cidr, f"{key}.cidr", file, problems)
        if network is None:
            continue
        if network.prefixlen + (compute.zones - 1).bit_length() > _MIN_SUBNET_PREFIX:
            problems.append(
                ConfigError(
                    file,
                    f"{key}.cidr",
                    f"{compute.cidr} is too small for {compute.zones} zone subnets",
                    "use a larger range, e.g. a /20",
                )
            )
        for other_cloud, other in seen.items():
            if network.overlaps(other):
                problems.append(
                    ConfigError(
                        file,
                        f"{key}.cidr",
                        f"{compute.cidr} overlaps compute.{other_cloud}.cidr ({other})",
                        "give each cloud its own non-overlapping private range so they can be peered",
                    )
                )
        seen[cloud] = network
    return problems


def _parse_cidr(text: str, key: str, file: str, problems: list[ConfigError]) -> ipaddress.IPv4Network | None:
    try:
        network = ipaddress.IPv4Network(text, strict=True)
    except ValueError as exc:
        problems.append(
            ConfigError(
                file, key, f"{shorten(text)} is not an IPv4 network ({shorten(str(exc))})", "write it like 10.20.0.0/16"
            )
        )
        return None
    if not network.is_private:
        problems.append(
            ConfigError(
                file,
                key,
                f"{text} is not a private range",
                "use a range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
            )
        )
        return None
    if not 16 <= network.prefixlen <= 24:
        problems.append(
            ConfigError(file, key, f"/{network.prefixlen} is outside /16 to /24", "use a prefix length from /16 to /24")
        )
        return None
    return network


def _tag_problems(config: DataCenterConfig, clouds: list[Cloud], file: str) -> list[ConfigError]:
    key = f"{_ROOT}.tags"
    limits = {cloud: CLOUD_TAG_LIMITS[cloud] for cloud in clouds}
    names = " and ".join("AWS" if c == "aws" else "Alibaba Cloud" for c in limits)
    problems: list[ConfigError] = []
    most = min(lim.max_tags for lim in limits.values())
    room = most - len(TOOLKIT_TAG_KEYS)
    if len(config.tags) > room:
        problems.append(
            ConfigError(
                file,
                key,
                f"{len(config.tags)} tags, but {names} allow{'s' if len(limits) == 1 else ''} {most} per resource "
                f"and the toolkit adds {len(TOOLKIT_TAG_KEYS)} of its own",
                f"keep at most {room} tags",
            )
        )
    for tag, value in config.tags.items():
        where = f"{key}.{shorten(tag).strip(chr(39)) if len(tag) > 60 else tag}"
        if not tag.strip():
            problems.append(ConfigError(file, where, "a tag key is empty", "give the tag a name or remove it"))
            continue
        if tag.lower().startswith(TOOLKIT_TAG_PREFIX):
            problems.append(
                ConfigError(
                    file,
                    where,
                    f"tag keys starting with `{TOOLKIT_TAG_PREFIX}` are the toolkit's own and would be overwritten",
                    "choose another key",
                )
            )
        for cloud, lim in limits.items():
            problems.extend(_one_tag_problems(cloud, lim, tag, value, where, file))
    return problems


def _one_tag_problems(cloud: str, lim: TagLimits, tag: str, value: str, where: str, file: str) -> list[ConfigError]:
    name = "AWS" if cloud == "aws" else "Alibaba Cloud"
    found: list[str] = []
    if len(tag) > lim.max_key:
        found.append(f"the key is {len(tag)} characters; {name} allows {lim.max_key}")
    if len(value) > lim.max_value:
        found.append(f"the value is {len(value)} characters; {name} allows {lim.max_value}")
    prefix = next((p for p in lim.reserved_key_prefixes if tag.lower().startswith(p)), None)
    if prefix:
        found.append(f"keys starting with `{prefix}` are reserved by {name}")
    prefix = next((p for p in lim.reserved_value_prefixes if value.lower().startswith(p)), None)
    if prefix:
        found.append(f"values starting with `{prefix}` are reserved by {name}")
    bad = next((s for s in lim.forbidden_substrings if s in tag.lower() or s in value.lower()), None)
    if bad:
        found.append(f"{name} refuses tags containing `{bad}`")
    if lim.aws_characters and not (aws_tag_text_ok(tag) and aws_tag_text_ok(value)):
        found.append(f"{name} allows only letters, digits, spaces and _ . : / = + - @ in tags")
    return [
        ConfigError(file, where, problem, "shorten or rename the tag to meet the limit of every configured cloud")
        for problem in found
    ]


def _owner_problems(config: DataCenterConfig, file: str) -> list[ConfigError]:
    key = f"{_ROOT}.owners"
    problems: list[ConfigError] = []
    for index, owner in enumerate(config.owners):
        if not is_contact(owner):
            problems.append(
                ConfigError(file, f"{key}[{index}]", f"{shorten(owner)} is not a contact", f"write {CONTACT_RULE}")
            )
        elif config.owners.index(owner) != index:
            problems.append(ConfigError(file, f"{key}[{index}]", f"{owner} is listed twice", "list each owner once"))
    joined = " ".join(config.owners)
    clouds = [c for c in _CLOUDS if getattr(config.clouds, c) is not None] or list(_CLOUDS)
    limit = min(CLOUD_TAG_LIMITS[c].max_value for c in clouds)
    if len(joined) > limit:
        problems.append(
            ConfigError(
                file,
                key,
                f"the owners are written into the `sovereign:owners` tag, {len(joined)} characters joined by spaces; "
                f"the configured clouds allow tag values of {limit}",
                "list fewer owners, or a team handle or list address instead of several people",
            )
        )
    return problems
