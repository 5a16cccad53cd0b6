"""The preview document each ``preview`` saves: ``pulumi preview --json``, unchanged resources included.

The Automation API's ``Stack.preview(json=True)`` returns the CLI's ``PreviewDigest`` on stdout, but
offers no ``--show-sames``: unchanged resources (an existing provider, above all) are left out, and
the review would then refuse every resource whose provider it cannot see (RES-012). The engine's
event stream does carry them (``resourcePreEvent`` with ``op: same``), so they are added to the
digest as the ``PreviewStep`` ``--show-sames`` would have printed (``oldState``/``newState`` as
``ResourceV3``; the event metadata has no dependencies, which an unchanged resource does not need).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

__all__ = ["preview_document", "write_preview_document"]


def _value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _state(meta: Any) -> dict[str, Any] | None:
    if meta is None:
        return None
    state: dict[str, Any] = {"urn": meta.urn, "custom": bool(meta.custom)}
    if meta.id:
        state["id"] = meta.id
    state["type"] = meta.type
    for key, value in (("inputs", meta.inputs), ("outputs", meta.outputs)):
        if value:
            state[key] = dict(value)
    for key, value in (("parent", meta.parent), ("provider", meta.provider)):
        if value:
            state[key] = value
    if meta.protect:
        state["protect"] = True
    return state


def preview_document(stdout: str, events: Iterable[Any]) -> dict[str, Any]:
    """The digest printed by ``pulumi preview --json`` plus every unchanged resource from ``events``."""
    digest = json.loads(stdout)
    if not isinstance(digest, Mapping):
        raise ValueError("pulumi preview --json did not print a JSON object")
    document = dict(digest)
    steps = list(document.get("steps") or [])
    seen = {step.get("urn") for step in steps if isinstance(step, Mapping)}
    for event in events:
        pre = getattr(event, "resource_pre_event", None)
        meta = getattr(pre, "metadata", None)
        if meta is None or _value(meta.op) != "same" or meta.urn in seen:
            continue
        step: dict[str, Any] = {"op": "same", "urn": meta.urn}
        if meta.provider:
            step["provider"] = meta.provider
        for key, state in (("oldState", _state(meta.old)), ("newState", _state(meta.new))):
            if state is not None:
                step[key] = state
        step["detailedDiff"] = None
        steps.append(step)
        seen.add(meta.urn)
    document["steps"] = steps
    return document


def write_preview_document(path: Path, stdout: str, events: Iterable[Any]) -> Path:
    """Save :func:`preview_document` to ``path`` (parents created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(preview_document(stdout, events), indent=4) + "\n", encoding="utf-8")
    return path
