"""The one rule engine: judges a resource's inputs against a jurisdiction.

Every front door builds a :class:`Subject` (a resource as it is about to be registered) and asks
:meth:`RuleEngine.check`; the guard, the offline plan and the policy pack differ only in how they
obtain the subject and what they do with the findings.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi import _types as pulumi_types

from components.residency.catalogue import Catalogue, Cloud, Jurisdiction, load_catalogue
from components.residency.references import Reference, ReferenceParser
from components.residency.rules import SECRET_PLACEHOLDER, Finding, rule

__all__ = [
    "CLOUD_PACKAGES",
    "REGIONLESS_PACKAGES",
    "Pending",
    "ProviderRef",
    "RuleEngine",
    "Subject",
    "is_free_text",
    "package_of",
]

CLOUD_PACKAGES: frozenset[str] = frozenset({"aws", "alicloud"})
# Packages whose resources live only in the Pulumi state (random ids, generated keys, timers):
# they create nothing in any cloud region, so residency has nothing to judge.
REGIONLESS_PACKAGES: frozenset[str] = frozenset({"pulumi", "random", "tls", "time"})
# Inputs that are free text for humans. Judging them would refuse compliant programs
# (a tag "replicates to us-east-1 later" moves no data).
FREE_TEXT_KEYS: frozenset[str] = frozenset({"tags", "tags_all", "default_tags", "description", "labels"})
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@functools.lru_cache(maxsize=4096)
def _snake(key: str) -> str:
    # Engine props (policy pack, mocks) are camelCase and SDK props snake_case; classify them alike.
    return _CAMEL_BOUNDARY.sub("_", key).lower()


def is_free_text(key: str) -> bool:
    """True for inputs that are free text for humans (tags, descriptions), never judged."""
    return _snake(key) in FREE_TEXT_KEYS


def _is_region_key(key: str) -> bool:
    return key in ("region", "regions", "region_id", "region_ids", "region_name") or key.endswith(
        ("_region", "_regions", "_region_id", "_region_ids", "_region_name", ":requested_region")
    )


def _is_zone_key(key: str) -> bool:
    return key in ("zone", "zones", "zone_id", "zone_ids", "zone_name", "availability_zone_id") or key.endswith(
        ("availability_zone", "availability_zones", "_zone_id", "_zone_ids", "_zone", "_zones")
    )


def package_of(type_token: str) -> tuple[str, bool]:
    """The package a type token belongs to, and whether it is a provider.

    ``aws:s3/bucket:Bucket`` -> ("aws", False); ``pulumi:providers:alicloud`` -> ("alicloud", True).
    """
    if type_token.startswith("pulumi:providers:"):
        return type_token[len("pulumi:providers:") :], True
    return type_token.split(":", 1)[0], False


@dataclass(frozen=True, slots=True)
class ProviderRef:
    """What a front door knows about the provider a resource will use."""

    package: str
    """Provider package, e.g. ``aws``."""
    name: str
    """Logical name of the provider resource (empty for a default provider)."""
    region: str | None = None
    """The provider's pinned region when known as a plain value."""
    verified: bool = True
    """False when the front door never saw the provider's own inputs (RES-012)."""
    default: bool = False
    """True for the engine's default provider (RES-002)."""


@dataclass(frozen=True, slots=True)
class Subject:
    """A resource as it is about to be registered, in a form every front door can produce."""

    type: str
    """Pulumi type token."""
    name: str
    """Logical name."""
    props: Mapping[str, Any]
    """Inputs; keys snake_case or camelCase (normalised while walking)."""
    provider: ProviderRef | None = None
    """The resource's provider; None only for providers themselves and non-cloud resources."""
    read_id: Any = None
    """The physical id for ``Resource.get`` reads."""
    import_id: Any = None
    """The physical id for ``import_`` adoptions."""
    custom: bool = True
    """False for component resources, which the engine does not judge (their children are judged)."""


@dataclass(slots=True)
class Pending:
    """A value that cannot be judged now (an unresolved Output, a preview unknown)."""

    path: str
    """Where it sits, e.g. ``rules[0].destination.bucket``."""
    value: Any
    """The deferred value itself."""
    top_key: str | None
    """The top-level input key holding it; None for read/import ids."""


@dataclass(slots=True)
class _Walk:
    """One judging pass over one subject: where findings and deferred values go."""

    subject: Subject
    cloud: Cloud
    defer: Callable[[Any], bool] | None = None
    existing: bool = False
    findings: list[Finding] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)

    def add(self, rule_id: str, path: str, value: Any, detail: str) -> None:
        self.findings.append(Finding(rule(rule_id), self.subject.type, self.subject.name, path, value, detail))


class RuleEngine:
    """Judges subjects against one jurisdiction. Build one per jurisdiction and reuse it."""

    def __init__(self, jurisdiction: Jurisdiction | str, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or load_catalogue()
        self.jurisdiction = self.catalogue.get(jurisdiction) if isinstance(jurisdiction, str) else jurisdiction
        self.parser = ReferenceParser(self.catalogue)

    # -- public API -----------------------------------------------------------------------------

    def check(
        self, subject: Subject, *, defer: Callable[[Any], bool] | None = None
    ) -> tuple[list[Finding], list[Pending]]:
        """Judge everything judgeable now; return findings and the values deferred by ``defer``."""
        package, is_provider = package_of(subject.type)
        walk = _Walk(subject, "aws" if package == "aws" else "alicloud", defer)
        if not subject.custom:
            return walk.findings, walk.pending
        if package not in CLOUD_PACKAGES:
            if package not in REGIONLESS_PACKAGES:
                walk.add("RES-013", "", package, f"package {package!r} is not covered.")
            return walk.findings, walk.pending
        if is_provider:
            self._check_provider_region(walk)
        else:
            self._check_provider_of(walk)
        for key, value in subject.props.items():
            skey = _snake(key)
            if value is None or skey in FREE_TEXT_KEYS or (is_provider and skey == "region"):
                continue  # a provider's region is judged by RES-001 above
            self._walk(walk, value, key, skey, 0, key)
        walk.existing = True
        for label, value in (("id", subject.read_id), ("import", subject.import_id)):
            if value is not None:
                self._walk(walk, value, label, label, 0, None)
        return walk.findings, walk.pending

    def check_value(self, subject: Subject, path: str, value: Any, *, secret: bool = False) -> list[Finding]:
        """Judge a value that was pending (now resolved) at ``path``, as :meth:`check` would have."""
        package, is_provider = package_of(subject.type)
        walk = _Walk(subject, "aws" if package == "aws" else "alicloud", existing=path in ("id", "import"))
        if is_provider and path == "region":
            self._judge_provider_region(walk, value)
        else:
            names = _KEY_NAMES.findall(path)
            depth = path.count(".") + path.count("[")
            self._walk(walk, value, path, _snake(names[-1]) if names else "", depth, None)
        if secret:
            return [
                Finding(f.rule, f.resource_type, f.resource_name, f.path, SECRET_PLACEHOLDER, f.detail)
                for f in walk.findings
            ]
        return walk.findings

    # -- providers ----------------------------------------------------------------------------

    def _check_provider_region(self, walk: _Walk) -> None:
        region = walk.subject.props.get("region")
        if walk.defer is not None and region is not None and walk.defer(region):
            walk.pending.append(Pending("region", region, "region"))
            return
        self._judge_provider_region(walk, region)

    def _judge_provider_region(self, walk: _Walk, region: Any) -> None:
        cloud = walk.cloud
        allowed = sorted(self.jurisdiction.regions(cloud))
        if not isinstance(region, str) or not region:
            walk.add("RES-001", "region", region, "The region is not pinned.")
            return
        if region in self.jurisdiction.regions(cloud):
            return
        ref = self.parser.region_field(cloud, region)
        if ref is not None and not ref.known_region:
            walk.add("RES-011", "region", region, f"{region!r} is not a known {_CLOUD_NAMES[cloud]} region.")
            return
        none = f"none: {self.jurisdiction.code} has no {_CLOUD_NAMES[cloud]} region"
        where = f"one of {', '.join(allowed)}" if allowed else none
        walk.add("RES-001", "region", region, f"{region!r} is outside {self._j()}; allowed: {where}.")

    @staticmethod
    def _check_provider_of(walk: _Walk) -> None:
        provider = walk.subject.provider
        if provider is None or provider.default:
            walk.add("RES-002", "provider", "default", "It would use the default provider.")
        elif not provider.verified:
            detail = f"Provider {provider.name!r} was created before enforce() and its region is unverified."
            walk.add("RES-012", "provider", provider.name, detail)

    # -- walking inputs -----------------------------------------------------------------------

    def _walk(self, walk: _Walk, value: Any, path: str, key: str, depth: int, top_key: str | None) -> None:
        if value is None:
            return
        if walk.defer is not None and walk.defer(value):
            walk.pending.append(Pending(path, value, top_key))
            return
        if isinstance(value, str):
            self._judge_string(walk, value, path, key, depth)
        elif isinstance(value, Mapping):
            for k, v in value.items():
                sk = _snake(str(k))
                if v is not None and sk not in FREE_TEXT_KEYS:
                    self._walk(walk, v, f"{path}.{k}", sk, depth + 1, top_key)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                self._walk(walk, v, f"{path}[{i}]", key, depth + 1, top_key)
        elif pulumi_types.is_input_type(type(value)):
            self._walk(walk, vars(value), path, key, depth, top_key)
        # Numbers, booleans, resources, assets: nothing to judge.

    def _judge_string(self, walk: _Walk, value: str, path: str, key: str, depth: int) -> None:
        parser = self.parser
        if not walk.existing and _is_region_key(key):
            ref = parser.region_field(walk.cloud, value)
            if ref is not None:
                override = depth == 0 and key in ("region", "region_id")
                self._judge(walk, ref, path, "RES-003" if override else "RES-009")
            return
        if not walk.existing and _is_zone_key(key):
            ref = parser.zone_field(walk.cloud, value)
            if ref is not None:
                self._judge(walk, ref, path, "RES-008")
            return
        if not parser.has_candidates(value):
            return
        if value.lstrip()[:1] in ("{", "["):
            try:
                document = json.loads(value)
            except ValueError:
                document = None
            if isinstance(document, (dict, list)):
                self._walk(walk, document, f"{path}(json)", key, depth + 1, None)
                return
        for ref in parser.scan(value):
            if ref.kind == "endpoint" and ref.region is None and not ref.in_url and "endpoint" not in key:
                # A bare regionless host is a service principal (s3.amazonaws.com), not a place data goes.
                continue
            self._judge(walk, ref, path, "RES-010" if walk.existing else _RULE_FOR_KIND[ref.kind])

    # -- verdicts -----------------------------------------------------------------------------

    def _judge(self, walk: _Walk, ref: Reference, path: str, rule_id: str) -> None:
        for problem in self._problems(ref):
            rid = "RES-011" if problem.startswith("Unknown") else rule_id
            walk.add(rid, path, ref.text, problem)

    def _problems(self, ref: Reference) -> Iterator[str]:
        j = self.jurisdiction
        if ref.cloud == "aws":
            if ref.partition is not None and ref.partition not in j.aws.partitions:
                allowed = ", ".join(sorted(j.aws.partitions)) or "none"
                yield f"Partition {ref.partition} is outside {self._j()} (allowed partitions: {allowed})."
                return
        elif not j.alicloud.regions:
            yield f"{self._j()} has no Alibaba Cloud region; nothing on Alibaba Cloud is resident."
            return
        if ref.dns_suffix is not None and ref.dns_suffix not in j.dns_suffixes:
            yield f"DNS suffix {ref.dns_suffix} is not one of {', '.join(sorted(j.dns_suffixes)) or 'none'}."
            return
        if ref.region is None:
            return
        if not ref.known_region:
            yield f"Unknown region {ref.region!r}: the catalogue does not list it for {_CLOUD_NAMES[ref.cloud]}."
        elif ref.region not in j.regions(ref.cloud):
            yield f"{_CLOUD_NAMES[ref.cloud]} region {ref.region} is outside {self._j()}."

    def _j(self) -> str:
        return f"{self.jurisdiction.code} ({self.jurisdiction.name})"


_CLOUD_NAMES = {"aws": "AWS", "alicloud": "Alibaba Cloud"}
_KEY_NAMES = re.compile(r"[A-Za-z_][A-Za-z0-9_:]*")
_RULE_FOR_KIND = {
    "aws-arn": "RES-004",
    "acs-arn": "RES-005",
    "endpoint": "RES-006",
    "oss-location": "RES-007",
    "zone": "RES-008",
    "region": "RES-009",
}
