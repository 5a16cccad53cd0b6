"""Which key encrypts each data store, read from recorded inputs and matched to the stack's keys.

A data store names its key either in its own inputs (an EBS volume's ``kmsKeyId``, an OSS bucket's
``serverSideEncryptionRule.kmsMasterKeyId``) or through a separate encryption resource that points
at it (``BucketServerSideEncryptionConfiguration.bucket``). The reference is an ARN, a key id or an
alias; the mocks give every key a deterministic ARN and id, so each reference resolves to the key
resource of this stack that it names, or is reported as an external key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pulumi.runtime import rpc

from components.plan.model import Encryption
from components.residency.rules import SECRET_PLACEHOLDER
from components.simulate import ResourceRecord, Secret

__all__ = ["DATA_STORES", "KeyIndex", "encryption_of"]


@dataclass(frozen=True, slots=True)
class StoreSpec:
    """Where a data store type keeps its encryption settings (dotted paths, ``[]`` = every item)."""

    keys: tuple[str, ...] = ()
    """Paths of key references (ARN, id or alias)."""
    enabled: tuple[str, ...] = ()
    """Paths of settings that, when truthy, mean "encrypted" even without a customer key."""


_S3_RULES = "rules[].applyServerSideEncryptionByDefault"

DATA_STORES: Mapping[str, StoreSpec] = {
    "aws:s3/bucket:Bucket": StoreSpec(
        ("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId",),
        ("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm",),
    ),
    "aws:s3/bucketV2:BucketV2": StoreSpec(
        ("serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[].kmsMasterKeyId",),
        ("serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[].sseAlgorithm",),
    ),
    "aws:ebs/volume:Volume": StoreSpec(("kmsKeyId",), ("encrypted",)),
    "aws:ec2/instance:Instance": StoreSpec(
        ("rootBlockDevice.kmsKeyId", "ebsBlockDevices[].kmsKeyId"), ("rootBlockDevice.encrypted",)
    ),
    "aws:rds/instance:Instance": StoreSpec(("kmsKeyId",), ("storageEncrypted",)),
    "aws:rds/cluster:Cluster": StoreSpec(("kmsKeyId",), ("storageEncrypted",)),
    "aws:dynamodb/table:Table": StoreSpec(("serverSideEncryption.kmsKeyArn",), ("serverSideEncryption.enabled",)),
    "aws:efs/fileSystem:FileSystem": StoreSpec(("kmsKeyId",), ("encrypted",)),
    "aws:sqs/queue:Queue": StoreSpec(("kmsMasterKeyId",), ("sqsManagedSseEnabled",)),
    "aws:logs/logGroup:LogGroup": StoreSpec(("kmsKeyId",)),
    "aws:secretsmanager/secret:Secret": StoreSpec(("kmsKeyId",)),
    "alicloud:oss/bucket:Bucket": StoreSpec(
        ("serverSideEncryptionRule.kmsMasterKeyId",),
        ("serverSideEncryptionRule.sseAlgorithm", "serverSideEncryptionRule.kmsDataEncryption"),
    ),
    "alicloud:ecs/instance:Instance": StoreSpec(
        ("systemDiskKmsKeyId", "dataDisks[].kmsKeyId"), ("systemDiskEncrypted", "dataDisks[].encrypted")
    ),
    "alicloud:ecs/ecsDisk:EcsDisk": StoreSpec(("kmsKeyId",), ("encrypted",)),
    "alicloud:ecs/disk:Disk": StoreSpec(("kmsKeyId",), ("encrypted",)),
    "alicloud:rds/rdsInstance:RdsInstance": StoreSpec(("encryptionKey",), ("tdeStatus",)),
    # pulumi-alicloud's ApsaraDB RDS instance token (cloud-disk encryption key), KMS secrets, CloudWatch logs.
    "alicloud:rds/instance:Instance": StoreSpec(("encryptionKey",), ("tdeStatus",)),
    "alicloud:kms/secret:Secret": StoreSpec(("encryptionKeyId",)),
    "aws:cloudwatch/logGroup:LogGroup": StoreSpec(("kmsKeyId",)),
}
"""Resource types that hold data at rest, and where each keeps its key."""

_ATTACHMENTS: Mapping[str, tuple[str, StoreSpec]] = {
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": (
        "bucket",
        StoreSpec((f"{_S3_RULES}.kmsMasterKeyId",), (f"{_S3_RULES}.sseAlgorithm",)),
    ),
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": (
        "bucket",
        StoreSpec((f"{_S3_RULES}.kmsMasterKeyId",), (f"{_S3_RULES}.sseAlgorithm",)),
    ),
}
"""Resources that set the encryption of another resource: type -> (input naming the store, spec)."""

_KEY_TYPES = frozenset(
    {
        "aws:kms/key:Key",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:kms/externalKey:ExternalKey",
        "aws:kms/replicaExternalKey:ReplicaExternalKey",
        "alicloud:kms/key:Key",
    }
)
_ALIAS_TARGETS = {"aws:kms/alias:Alias": "targetKeyId", "alicloud:kms/alias:Alias": "keyId"}


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Secret) else value


def _values(value: Any, parts: list[str]) -> Iterator[Any]:
    """Every value at a dotted path in a recorded input; ``name[]`` descends into each list item."""
    value = _plain(value)
    if not parts:
        if value is not None:
            yield value
        return
    head, rest = parts[0], parts[1:]
    each = head.endswith("[]")
    head = head.removesuffix("[]")
    if not isinstance(value, Mapping):
        return
    child = _plain(value.get(head))
    if each:
        # Pulumi flattens single nested blocks inconsistently across providers; accept both shapes.
        items = child if isinstance(child, list | tuple) else [child] if child is not None else []
        for item in items:
            yield from _values(item, rest)
    else:
        yield from _values(child, rest)


def _find(inputs: Mapping[str, Any], paths: Iterable[str]) -> Iterator[tuple[Any, bool]]:
    """``(value, secret)`` for each value found at ``paths``; secretness is per top-level input."""
    for path in paths:
        parts = path.split(".")
        top = parts[0].removesuffix("[]")
        secret = isinstance(inputs.get(top), Secret)
        for found in _values(inputs, parts):
            yield found, secret


class KeyIndex:
    """Every key resource of a run, reachable by id, ARN, key id or alias (name or ARN)."""

    def __init__(self, records: Iterable[ResourceRecord]) -> None:
        self._by_ref: dict[str, ResourceRecord] = {}
        aliases: list[ResourceRecord] = []
        for record in records:
            if record.type in _KEY_TYPES:
                for ref in (record.id, _plain(record.outputs.get("arn")), _plain(record.outputs.get("keyId"))):
                    if isinstance(ref, str) and ref:
                        self._by_ref[ref] = record
            elif record.type in _ALIAS_TARGETS:
                aliases.append(record)
        for alias in aliases:
            target = self._by_ref.get(str(_plain(alias.inputs.get(_ALIAS_TARGETS[alias.type])) or ""))
            if target is None:
                continue
            for ref in (alias.id, _plain(alias.outputs.get("arn")), _plain(alias.outputs.get("name"))):
                # A key may be referenced by several aliases; the first (URN order) wins for stability.
                if isinstance(ref, str) and ref and ref not in self._by_ref:
                    self._by_ref[ref] = target

    def get(self, reference: str) -> ResourceRecord | None:
        """The key resource a reference names, or None when it is not one of this stack's keys."""
        return self._by_ref.get(reference)


def _judge(
    found_keys: list[tuple[Any, bool]], enabled: list[Any], index: KeyIndex, region_of: Mapping[str, str]
) -> Encryption:
    for value, secret in found_keys:
        if not isinstance(value, str) or not value:
            continue
        key = index.get(value)
        # A real preview marks a key not yet created with the engine's unknown sentinel.
        shown = SECRET_PLACEHOLDER if secret else "(unknown until apply)" if value == rpc.UNKNOWN else value
        if key is not None:
            return Encryption("customer-key", key.urn, key.name, region_of.get(key.urn), shown)
        return Encryption("external-key", reference=shown)
    if any(v not in (False, "", "Disabled", "disabled", None) for v in enabled):
        return Encryption("cloud-managed")
    return Encryption("not-configured")


def encryption_of(records: Iterable[ResourceRecord], region_of: Mapping[str, str]) -> dict[str, Encryption]:
    """URN -> :class:`Encryption` for every data store among ``records``."""
    records = list(records)
    index = KeyIndex(records)
    stores: dict[str, ResourceRecord] = {}
    by_physical: dict[str, str] = {}
    for record in records:
        if record.type in DATA_STORES:
            stores[record.urn] = record
            for ref in (record.id, _plain(record.outputs.get("bucket")), _plain(record.outputs.get("arn"))):
                if isinstance(ref, str) and ref:
                    by_physical.setdefault(ref, record.urn)
    attached: dict[str, tuple[list[tuple[Any, bool]], list[Any]]] = {}
    for record in sorted(records, key=lambda r: r.urn):
        spec_for = _ATTACHMENTS.get(record.type)
        if spec_for is None:
            continue
        target_key, spec = spec_for
        target = by_physical.get(str(_plain(record.inputs.get(target_key)) or ""))
        if target is None:
            continue
        keys, enabled = attached.setdefault(target, ([], []))
        keys.extend(_find(record.inputs, spec.keys))
        enabled.extend(v for v, _ in _find(record.inputs, spec.enabled))
    result: dict[str, Encryption] = {}
    for urn, record in stores.items():
        spec = DATA_STORES[record.type]
        keys, enabled = attached.get(urn, ([], []))
        own_keys = list(_find(record.inputs, spec.keys))
        own_enabled = [v for v, _ in _find(record.inputs, spec.enabled)]
        result[urn] = _judge(keys + own_keys, enabled + own_enabled, index, region_of)
    return result
