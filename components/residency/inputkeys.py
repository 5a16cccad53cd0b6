"""How an input is named at each front door: snake_case in the Python SDK's inputs, camelCase in the engine's documents
(the policy pack, a preview, a state export, the mocks), and which names hold a Region or a zone.

A leaf module (the standard library only): the engine and the modules it imports (:mod:`~components.residency.stages`)
read an input by its snake_case name through the one :func:`prop_of`, with no camel-casing of their own (stackjoin51;
before, ``prop_of`` lived in the engine, which ``stages`` cannot import back). The script reader classifies a cloud
CLI's parameter names with the same :func:`is_region_key` / :func:`is_zone_key` as the engine's inputs (alired52).
"""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["CAMEL_BOUNDARY", "is_region_key", "is_zone_key", "key_tokens", "prop_of", "snake_key"]

CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
"""Where a camelCase name takes an underscore in snake_case (``stageVariables`` -> ``stage_variables``)."""

_KEYWORD_ESCAPES = frozenset(f"{k}_" for k in keyword.kwlist)
"""Input names the Python SDK escapes with a trailing underscore because they are Python keywords (an IoT rule error
action's ``lambda_``, which the engine and the pack see as ``lambda``)."""


@functools.lru_cache(maxsize=8192)  # key names and type tokens repeat across every resource
def snake_key(key: str) -> str:
    """``key`` in snake_case. Engine props (policy pack, mocks) are camelCase and SDK props snake_case; classify them
    alike. The guard sees the SDK's own names, a keyword escaped (``lambda_``); the engine's documents carry the schema
    name (``lambda``)."""
    snake = CAMEL_BOUNDARY.sub("_", key).lower()
    return snake[:-1] if snake in _KEYWORD_ESCAPES else snake


def prop_of(props: Mapping[str, Any], key: str) -> Any:
    """The input named ``key`` (snake_case) in ``props``, whose keys may be snake_case (SDK inputs) or
    camelCase (engine properties); None when absent."""
    if key in props:
        return props[key]
    return next((v for k, v in props.items() if snake_key(str(k)) == key), None)


def key_tokens(key: str) -> str:
    """A snake-case key with dashes and dots as underscores: ``fluentd-address`` (Docker log options),
    ``bootstrap.servers`` / ``s3.bucket.name`` (Kafka Connect, Hadoop configuration maps) are classified
    like ``fluentd_address``, ``bootstrap_servers`` and ``s3_bucket_name``."""
    return key.replace("-", "_").replace(".", "_")


@functools.lru_cache(maxsize=8192)  # key names repeat across every resource
def is_region_key(key: str) -> bool:
    """Whether an input (or a command option) of this snake_case name holds a Region."""
    # Normalised: camelCase, dashes and dots become snake tokens; any token "region(s)" marks a region field
    # (source_region, replica_regions, region_list, destination_region_ids, aws:requested_region, and the
    # dotted keys of Kafka Connect / Hadoop configuration maps: s3.region, fs.s3a.endpoint.region).
    # CEN's geographic_region_* hold areas (China, Europe), judged as a global service instead.
    k = key_tokens(key).replace(":", "_")
    if k.startswith("geographic_region"):
        return False
    tokens = k.split("_")
    if tokens[-1] in ("name", "description") and tokens[-2:-1] != ["region"]:
        # It names or describes something else (CEN inter_region_traffic_qos_policy_name "sh-bj-qos",
        # MemoryDB multi_region_cluster_name); only region_name holds a region.
        return False
    return any(t in ("region", "regions", "regionid", "regionids", "regionname") for t in tokens)


@functools.lru_cache(maxsize=8192)  # key names and type tokens repeat across every resource
def is_zone_key(key: str) -> bool:
    """Whether an input (or a command option) of this name, in snake tokens (:func:`key_tokens`), holds a zone."""
    # availability_zone_name: an EFS One Zone file system's zone, and where an EFS replication puts its One Zone
    # replica ("If specified, the replica will be created with One Zone storage"): the zone alone names the region.
    # "az" is the zone's common abbreviation (a setting an application reads, CACHE_AZ=eun1-az1: the zone id of an S3
    # Express directory bucket, whose zone names its Region; mutation search round 6, stop 34). Keys are lower-cased
    # here, so MULTI_AZ / multi_az ("true") end like one too: a value of no zone shape is judged as any other value.
    return key.lower() in (
        "zone",
        "zones",
        "zone_id",
        "zone_ids",
        "zone_name",
        "availability_zone_id",
        "availability_zone_name",
        "az",
        "azs",
        "az_id",
        "az_ids",
    ) or key.lower().endswith(
        ("availability_zone", "availability_zones", "_zone_id", "_zone_ids", "_zone", "_zones", "_az", "_azs",
         "_az_id", "_az_ids")
    )  # fmt: skip
