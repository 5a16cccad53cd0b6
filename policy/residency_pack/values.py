"""Plain values out of pulumi-policy's argument bags, with preview unknowns kept as markers.

pulumi-policy wraps ``props`` in proxies that raise ``UnknownValueError`` when an unknown value is
read, and its server turns that exception into an *advisory* diagnostic: a policy that merely
touches an unknown would pass the deployment. We read the proxies' targets instead, so an unknown
stays a sentinel string that the rule engine is told to defer (and the stack policy judges).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_policy import proxy

from components._compat import policy_proxy_target

__all__ = ["UNKNOWN_SENTINELS", "is_unknown", "plain", "resource_key", "value_key"]

UNKNOWN_SENTINELS: frozenset[str] = frozenset(
    {
        proxy.UNKNOWN_BOOLEAN_VALUE,
        proxy.UNKNOWN_NUMBER_VALUE,
        proxy.UNKNOWN_STRING_VALUE,
        proxy.UNKNOWN_ARRAY_VALUE,
        proxy.UNKNOWN_ASSET_VALUE,
        proxy.UNKNOWN_ARCHIVE_VALUE,
        proxy.UNKNOWN_OBJECT_VALUE,
    }
)
"""The strings the engine sends (``MarshalOptions{KeepUnknowns: true}``) for values unknown at preview."""


_SCALARS = frozenset({str, int, float, bool, type(None)})


def is_unknown(value: Any) -> bool:
    """True for a value the engine could not know during preview."""
    return isinstance(value, str) and value in UNKNOWN_SENTINELS


def plain(value: Any) -> Any:
    """``value`` with every pulumi-policy proxy replaced by a plain dict or list, unknowns untouched."""
    if type(value) in _SCALARS:  # most values: nothing to convert
        return value
    # Read the proxy's target (components/_compat.py): the Mapping/Sequence API would raise on the
    # first unknown.
    value = policy_proxy_target(value)
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def value_key(value: Any) -> str:
    """A text that is equal for equal values, proxies read through (for telling one request's
    deserialized copy from another's). An object without a faithful repr (an asset) reads as its
    address, so it only ever matches itself: keep the value alive as long as its key."""
    return repr(plain(value))


def resource_key(resource_type: str, name: str, urn: str, props: Any, provider: Any) -> tuple[Any, ...]:
    """What a judgement of one resource reads, as a key equal for equal requests (:func:`value_key`): its type, name,
    URN, properties and its provider's (a ``PolicyProviderResource`` or None). Keep the properties alive with the
    key."""
    provider_key = None
    if provider is not None:
        provider_key = (provider.resource_type, provider.name, provider.urn, value_key(provider.props))
    return (resource_type, name, urn, value_key(props), provider_key)
