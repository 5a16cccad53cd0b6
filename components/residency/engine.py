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

__all__ = ["CLOUD_PACKAGES", "REGIONLESS_PACKAGES", "Pending", "ProviderRef", "RuleEngine", "Subject", "package_of"]

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
class _Sink:
    findings: list[Finding] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)


class RuleEngine:
    """Judges subjects against one jurisdiction. Build one per jurisdiction and reuse it."""

    def __init__(self, jurisdiction: Jurisdiction | str, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or load_catalogue()
        self.jurisdiction = (
            self.catalogue.get(jurisdiction) if isinstance(jurisdiction, str) else jurisdiction
        )
        self.parser = ReferenceParser(self.catalogue)

    # -- public API -----------------------------------------------------------------------------

    def check(
        self, subject: Subject, *, defer: Callable[[Any], bool] | None = None
    ) -> tuple[list[Finding], list[Pending]]:
        """Judge everything judgeable now; return findings and the values deferred by ``defer``."""
        sink = _Sink()
        if not subject.custom:
            return sink.findings, sink.pending
        package, is_provider = package_of(subject.type)
        if package not in CLOUD_PACKAGES:
            if package not in REGIONLESS_PACKAGES:
                self._add(sink, subject, "RES-013", "", package, f"package {package!r} is not covered.")
            return sink.findings, sink.pending
        cloud: Cloud = "aws" if package == "aws" else "alicloud"
        if is_provider:
            self._check_provider_region(subject, cloud, sink, defer)
        else:
            self._check_provider_of(subject, sink)
        for key, value in subject.props.items():
            if value is None:
                continue
            skey = _snake(key)
            if skey in FREE_TEXT_KEYS:
                continue
            if is_provider and skey == "region":
                continue  # judged by RES-001 above
            self._walk(subject, cloud, value, key, skey, 0, key, sink, defer, existing=False)
        for label, value in (("id", subject.read_id), ("import", subject.import_id)):
            if value is not None:
                self._walk(subject, cloud, value, label, label, 0, None, sink, defer, existing=True)
        return sink.findings, sink.pending

    def check_value(self, subject: Subject, path: str, value: Any, *, secret: bool = False) -> list[Finding]:
        """Judge a value that was pending (now resolved) at ``path``, as :meth:`check` would have."""
        sink = _Sink()
        package, is_provider = package_of(subject.type)
        cloud: Cloud = "aws" if package == "aws" else "alicloud"
        existing = path in ("id", "import")
        if is_provider and path == "region":
            self._judge_provider_region(subject, cloud, value, sink)
        else:
            key = _snake(re.split(r"[.\[]", path)[-1]) if path else ""
            depth = path.count(".") + path.count("[")
            self._walk(subject, cloud, value, path, key, depth, None, sink, None, existing=existing)
        if secret:
            return [
                Finding(f.rule, f.resource_type, f.resource_name, f.path, SECRET_PLACEHOLDER, f.detail)
                for f in sink.findings
            ]
        return sink.findings

    # -- providers ----------------------------------------------------------------------------

    def _check_provider_region(
        self, subject: Subject, cloud: Cloud, sink: _Sink, defer: Callable[[Any], bool] | None
    ) -> None:
        region = subject.props.get("region")
        if defer is not None and region is not None and defer(region):
            sink.pending.append(Pending("region", region, "region"))
            return
        self._judge_provider_region(subject, cloud, region, sink)

    def _judge_provider_region(self, subject: Subject, cloud: Cloud, region: Any, sink: _Sink) -> None:
        allowed = sorted(self.jurisdiction.regions(cloud))
        if not isinstance(region, str) or not region:
            self._add(sink, subject, "RES-001", "region", region, "The region is not pinned.")
            return
        if region in self.jurisdiction.regions(cloud):
            return
        ref = self.parser.region_field(cloud, region)
        if ref is not None and not ref.known_region:
            self._add(sink, subject, "RES-011", "region", region, f"{region!r} is not a known {cloud} region.")
            return
        where = f"one of {', '.join(allowed)}" if allowed else f"none: {self.jurisdiction.code} has no {cloud} region"
        self._add(sink, subject, "RES-001", "region", region, f"{region!r} is outside {self._j()}; allowed: {where}.")

    def _check_provider_of(self, subject: Subject, sink: _Sink) -> None:
        provider = subject.provider
        if provider is None or provider.default:
            self._add(sink, subject, "RES-002", "provider", "default", "It would use the default provider.")
        elif not provider.verified:
            self._add(
                sink, subject, "RES-012", "provider", provider.name,
                f"Provider {provider.name!r} was created before enforce() and its region is unverified.",
            )

    # -- walking inputs -----------------------------------------------------------------------

    def _walk(
        self,
        subject: Subject,
        cloud: Cloud,
        value: Any,
        path: str,
        key: str,
        depth: int,
        top_key: str | None,
        sink: _Sink,
        defer: Callable[[Any], bool] | None,
        *,
        existing: bool,
    ) -> None:
        if value is None:
            return
        if defer is not None and defer(value):
            sink.pending.append(Pending(path, value, top_key))
            return
        if isinstance(value, str):
            self._judge_string(subject, cloud, value, path, key, depth, sink, existing)
        elif isinstance(value, Mapping):
            for k, v in value.items():
                if v is None:
                    continue
                sk = _snake(str(k))
                if sk in FREE_TEXT_KEYS:
                    continue
                self._walk(subject, cloud, v, f"{path}.{k}", sk, depth + 1, top_key, sink, defer, existing=existing)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                self._walk(subject, cloud, v, f"{path}[{i}]", key, depth + 1, top_key, sink, defer, existing=existing)
        elif pulumi_types.is_input_type(type(value)):
            self._walk(subject, cloud, vars(value), path, key, depth, top_key, sink, defer, existing=existing)
        # Numbers, booleans, resources, assets: nothing to judge.

    def _judge_string(
        self, subject: Subject, cloud: Cloud, value: str, path: str, key: str, depth: int, sink: _Sink, existing: bool
    ) -> None:
        parser = self.parser
        if not existing and _is_region_key(key):
            ref = parser.region_field(cloud, value)
            if ref is not None:
                override = depth == 0 and key in ("region", "region_id")
                self._judge(subject, ref, path, "RES-003" if override else "RES-009", sink)
            return
        if not existing and _is_zone_key(key):
            ref = parser.zone_field(cloud, value)
            if ref is not None:
                self._judge(subject, ref, path, "RES-008", sink)
            return
        if not parser.has_candidates(value):
            return
        stripped = value.lstrip()
        if stripped[:1] in ("{", "["):
            try:
                document = json.loads(value)
            except ValueError:
                document = None
            if isinstance(document, (dict, list)):
                self._walk(subject, cloud, document, f"{path}(json)", key, depth + 1, None, sink, None, existing=existing)
                return
        for ref in parser.scan(value):
            if ref.kind == "endpoint" and ref.region is None and not ref.in_url and "endpoint" not in key:
                # A bare regionless host is a service principal (s3.amazonaws.com), not a place data goes.
                continue
            self._judge(subject, ref, path, "RES-010" if existing else _RULE_FOR_KIND[ref.kind], sink)

    # -- verdicts -----------------------------------------------------------------------------

    def _judge(self, subject: Subject, ref: Reference, path: str, rule_id: str, sink: _Sink) -> None:
        for problem in self._problems(ref):
            rid = "RES-011" if problem.startswith("unknown") else rule_id
            self._add(sink, subject, rid, path, ref.text, problem[0].upper() + problem[1:])

    def _problems(self, ref: Reference) -> Iterator[str]:
        j = self.jurisdiction
        if ref.cloud == "aws":
            if ref.partition is not None and ref.partition not in j.aws.partitions:
                allowed = ", ".join(sorted(j.aws.partitions)) or "none"
                yield f"partition {ref.partition} is outside {self._j()} (allowed partitions: {allowed})."
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
            yield f"unknown region {ref.region!r}: the catalogue does not list it for {ref.cloud}."
        elif ref.region not in j.regions(ref.cloud):
            yield f"{ref.cloud} region {ref.region} is outside {self._j()}."

    def _j(self) -> str:
        return f"{self.jurisdiction.code} ({self.jurisdiction.name})"

    @staticmethod
    def _add(sink: _Sink, subject: Subject, rule_id: str, path: str, value: Any, detail: str) -> None:
        sink.findings.append(Finding(rule(rule_id), subject.type, subject.name, path, value, detail))


_RULE_FOR_KIND = {
    "aws-arn": "RES-004",
    "acs-arn": "RES-005",
    "endpoint": "RES-006",
    "oss-location": "RES-007",
    "zone": "RES-008",
    "region": "RES-009",
}
