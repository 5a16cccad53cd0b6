"""How an input is named at each front door: snake_case in the Python SDK's inputs, camelCase in the engine's documents
(the policy pack, a preview, a state export, the mocks).

A leaf module (the standard library only): the engine and the modules it imports (:mod:`~components.residency.stages`)
read an input by its snake_case name through the one :func:`prop_of`, with no camel-casing of their own (stackjoin51;
before, ``prop_of`` lived in the engine, which ``stages`` cannot import back).
"""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["CAMEL_BOUNDARY", "prop_of", "snake_key"]

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
