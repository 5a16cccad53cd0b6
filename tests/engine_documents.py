"""What the Pulumi engine would write for a program's registrations: its preview digest and its stack export.

Shared by the tests that run a program under mocks and then hand the same resources to the preview and state
review (``components.plan --preview`` / ``--state``), so that front door is judged on the very resources the
guard, the plan and the policy pack saw.

The shapes follow the engine's own writers: ``pulumi preview --json`` steps carry ``newState`` with ``inputs``,
secrets blinded to ``"[secret]"``; ``pulumi stack export`` has ``deployment.resources`` with secrets as
signature objects (``--show-secrets`` adds their ``plaintext``); assets and archives are signature objects too
(signature keys from pulumi/runtime/rpc.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pulumi

from components.testing import Secret

SIG = "4dabf18193072939515e22adb298388d"
_ASSET_SIG, _ARCHIVE_SIG, _SECRET_SIG = (
    "c44067f5952c0a294b673a41bacd8c17",
    "0def7320c3a5731c473e5ecbe6d01bc7",
    "1b47061264138c4ac30d75fd1eb44270",
)


def _plain(value: Any, *, show_secrets: bool) -> Any:
    if isinstance(value, Secret):
        if not show_secrets:
            return "[secret]"  # as `pulumi preview --json` blinds it
        return {SIG: _SECRET_SIG, "plaintext": json.dumps(_plain(value.value, show_secrets=True))}
    if isinstance(value, (pulumi.Asset, pulumi.Archive)):  # e.g. a Lambda's code
        sig = _ASSET_SIG if isinstance(value, pulumi.Asset) else _ARCHIVE_SIG
        return {SIG: sig, **{k: v for k in ("path", "uri", "text") if (v := getattr(value, k, None))}}
    if isinstance(value, Mapping):
        return {k: _plain(v, show_secrets=show_secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, show_secrets=show_secrets) for v in value]
    return value


def _states(records: Iterable[Any], *, show_secrets: bool) -> list[dict[str, Any]]:
    states = []
    for r in records:
        state: dict[str, Any] = {"urn": r.urn, "custom": r.custom, "type": r.type}
        state["inputs"] = _plain(dict(r.inputs), show_secrets=show_secrets)
        state |= {"outputs": _plain(dict(r.outputs), show_secrets=show_secrets), "parent": r.parent}
        if r.id:
            state["id"] = r.id
        if r.provider:
            state["provider"] = r.provider
        if r.dependencies:
            state["dependencies"] = list(r.dependencies)
        if r.read_id:
            state["external"] = True
        states.append(state)
    return states


def engine_documents(
    records: Iterable[Any], config: Mapping[str, str], secret_keys: Iterable[str] = (), *, show_secrets: bool = False
) -> tuple[str, str]:
    """The preview digest (config included, secret config blinded) and the stack export (``show_secrets``: as
    ``pulumi stack export --show-secrets`` writes it) of these registrations."""
    records = list(records)
    steps = [
        {
            "op": "read" if s.get("external") else "create",
            "urn": s["urn"],
            "provider": s.get("provider", ""),
            "newState": s,
        }
        for s in _states(records, show_secrets=False)
    ]
    hidden = set(secret_keys)
    blinded = {k: "[secret]" if k in hidden else v for k, v in config.items()}
    manifest = {"time": "2026-12-01T00:00:00Z", "magic": "0" * 64, "version": "v3.272.0"}
    export = {
        "version": 3,
        "deployment": {"manifest": manifest, "resources": _states(records, show_secrets=show_secrets)},
    }
    return json.dumps({"config": blinded, "steps": steps}), json.dumps(export)
