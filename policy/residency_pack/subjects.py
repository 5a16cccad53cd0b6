"""Rule-engine subjects built from what the Pulumi engine hands a policy pack.

The engine-time view differs from the guard's: there is no ``custom`` flag (a resource without a
provider and outside the cloud packages is a component), the provider arrives as its own inputs
(so its region is always visible: RES-012 cannot occur), and reads/imports carry no id (RES-010
stays with the guard).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_policy import PolicyProviderResource, PolicyResource

from components.residency.engine import (
    CLOUD_PACKAGES,
    ProviderRef,
    Subject,
    is_default_provider_name,
    package_of,
    provider_accounts,
    provider_site,
)
from residency_pack.values import is_unknown, plain

__all__ = ["Target", "is_default_provider", "provider_subject", "target"]


def is_default_provider(provider: PolicyProviderResource | PolicyResource) -> bool:
    """True for a provider the engine created itself (``default`` or ``default_<version>``): a resource's provider, or a
    provider resource listed among the stack's resources."""
    return is_default_provider_name(provider.name)


def provider_subject(provider: PolicyProviderResource) -> Subject:
    """The provider itself as a subject, so its region and endpoints are judged."""
    return Subject(type=provider.resource_type, name=provider.name, props=plain(provider.props))


@dataclass(frozen=True, slots=True)
class Target:
    """One resource as the policies see it."""

    subject: Subject
    """What the rule engine judges."""
    provider: PolicyProviderResource | None
    """The provider resource, for cloud resources that have one."""

    @property
    def is_cloud_resource(self) -> bool:
        """An AWS or Alibaba Cloud custom resource (not a provider)."""
        package, is_provider = package_of(self.subject.type)
        return self.subject.custom and package in CLOUD_PACKAGES and not is_provider


def target(resource_type: str, name: str, props: Mapping[str, Any], provider: PolicyProviderResource | None) -> Target:
    """A :class:`Target` for a resource of either a resource-level or a stack-level policy."""
    package, is_provider = package_of(resource_type)
    # The engine sends a provider for every custom resource (the default one if none was given);
    # only components and the stack itself arrive without one.
    custom = is_provider or provider is not None or package in CLOUD_PACKAGES
    ref: ProviderRef | None = None
    if provider is not None and not is_provider:
        inputs = plain(provider.props)
        region = inputs.get("region")
        ref = ProviderRef(
            package,
            provider.name,
            region if isinstance(region, str) and not is_unknown(region) else None,
            verified=True,
            default=is_default_provider(provider),
            accounts=provider_accounts(inputs),
            site=provider_site(inputs),
        )
    subject = Subject(type=resource_type, name=name, props=plain(props), provider=ref, custom=custom)
    return Target(subject, provider if not is_provider else None)
