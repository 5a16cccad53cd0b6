"""Inputs shared by the AWS and Alibaba Cloud components; each cloud subclasses them with its own types.

Field order is part of the API (the Args are dataclasses and may be built positionally): append only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import pulumi

from components.naming import DISK_KEY

__all__ = ["CountryComputeArgs", "CountryKeysArgs", "CountryStorageArgs"]

ProviderT = TypeVar("ProviderT", bound=pulumi.ProviderResource)
"""The cloud's provider class, e.g. ``aws.Provider``."""
KeyT = TypeVar("KeyT", bound=pulumi.CustomResource)
"""The cloud's KMS key class, e.g. ``aws.kms.Key``."""


@dataclass
class CountryKeysArgs(Generic[ProviderT]):
    """Inputs of a cloud's ``CountryKeys`` component."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every alias."""
    data_classes: Sequence[str]
    """Data classes that each get their own key."""
    rotation_days: int
    """Automatic rotation period in days (Alibaba Cloud allows 7-365)."""
    deletion_window_days: int
    """Days a scheduled deletion waits before the key is gone (Alibaba Cloud: ``pending_window_in_days``)."""
    primary: ProviderT
    """Pinned provider of the primary region."""
    secondary: ProviderT | None = None
    """Pinned provider of the in-country secondary region; when set, each class also gets a replica key there."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every key."""
    disk_key: bool = True
    """Create ``DISK_KEY`` too; only stacks with compute in this cloud need it."""

    def build_keys(self, make: Callable[[str, ProviderT, str], KeyT]) -> tuple[dict[str, KeyT], dict[str, KeyT]]:
        """``(keys, replica_keys)`` from ``make(data_class, provider, suffix)``, called in this order: each data
        class and ``DISK_KEY`` with ``primary`` and suffix ``""``, then, when ``secondary`` is set, each data class
        with it and suffix ``"-replica"`` (instance disks live in the primary region only: no replica key)."""
        classes = [*self.data_classes, DISK_KEY] if self.disk_key else list(self.data_classes)
        keys = {data_class: make(data_class, self.primary, "") for data_class in classes}
        replica_keys: dict[str, KeyT] = {}
        secondary = self.secondary
        if secondary is not None:
            replica_keys = {data_class: make(data_class, secondary, "-replica") for data_class in self.data_classes}
        return keys, replica_keys


@dataclass
class CountryStorageArgs(Generic[ProviderT, KeyT]):
    """Inputs of a cloud's ``CountryStorage`` component."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``."""
    retention_days: Mapping[str, int]
    """Data class -> days objects are kept."""
    keys: Mapping[str, KeyT]
    """Data class -> its primary-region key (from the same cloud's ``CountryKeys``)."""
    primary: ProviderT
    """Pinned provider of the primary region."""
    secondary: ProviderT | None = None
    """Pinned provider of the in-country secondary region; when set every bucket replicates there."""
    replica_keys: Mapping[str, KeyT] = field(default_factory=dict)
    """Data class -> its secondary-region key; required for every class when ``secondary`` is set."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every bucket."""
    lock_modes: Mapping[str, str] = field(default_factory=dict)
    """Data class -> ``governance`` or ``compliance``: every version is write-once for ``retention_days``
    (S3 Object Lock default retention; OSS retention policy). A class missing here gets no lock."""
    access_log_bucket: Any = None
    """Bucket (same cloud, primary region) receiving the server access logs of every primary bucket."""
    replica_access_log_bucket: Any = None
    """Bucket in the secondary region receiving the server access logs of every replica bucket."""
    access_logged: frozenset[str] = frozenset()
    """Data classes whose buckets log every request into the access-log bucket of their region."""


@dataclass
class CountryComputeArgs(Generic[ProviderT, KeyT]):
    """Inputs of a cloud's ``CountryCompute`` component."""

    cidr: str
    """VPC IPv4 range; one private subnet (vSwitch on Alibaba Cloud) per zone is carved from it."""
    zones: int
    """Number of zones (and private subnets), at least two."""
    instance_type: str
    """Instance type, e.g. ``m6i.large`` (EC2) or ``ecs.g7.large`` (ECS)."""
    count: int
    """Instances, spread round-robin over the private subnets."""
    disk_gb: int
    """Root (system) disk size in GiB."""
    disk_key: KeyT
    """Country key that encrypts every root disk."""
    provider: ProviderT
    """Pinned provider of the primary region."""
    image: str | None = None
    """Image id; the region's current stock Linux image (Amazon Linux 2023, Alibaba Cloud Linux 3) when None."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every network resource and instance."""
    flow_log_bucket: Any = None
    """Bucket of the audit class receiving the VPC's flow logs (AWS: S3 delivery); None: no flow logs."""
    data_buckets: Mapping[str, Any] = field(default_factory=dict)
    """Data class -> bucket the instances may read and write (their role is scoped to exactly these)."""
    data_keys: Mapping[str, Any] = field(default_factory=dict)
    """Data class -> key of that bucket (the role may use exactly these keys)."""
    snapshot_days: int = 7
    """Daily snapshots of every instance disk are kept this many days (same region, same key)."""
    flow_log_retention_days: int = 0
    """Alibaba Cloud: VPC flow logs go to an in-country Simple Log Service logstore kept this many days
    (0: no flow logs). AWS delivers flow logs to ``flow_log_bucket`` instead."""
    disk_category: str = "cloud_essd"
    """Alibaba Cloud system disk category (zones are chosen where it and the instance type are offered)."""
