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
from pulumi.output import Unknown
from pulumi.runtime.mocks import MockCallArgs, MockResourceArgs, Mocks

from components.plan.documents import UNKNOWN
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
        if r.property_dependencies:
            # As the engine writes a state's and a preview step's resource (apitype.ResourceV3 propertyDependencies).
            state["propertyDependencies"] = {k: list(v) for k, v in r.property_dependencies.items()}
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


class FirstPreviewMocks(Mocks):
    """A first ``pulumi preview`` of a new stack, over ``inner`` mocks (run the program with ``preview=True``).

    During a preview the engine creates nothing: a provider's Check and Diff give back the inputs, and every
    output the provider would compute (an ARN, an endpoint, an id) is unknown, so every value a program derives
    from one is unknown too. Providers keep the inner mocks' answer (their region is an input), and so do the
    resources the program reads by id (a read runs during a preview too).
    """

    def __init__(self, inner: Mocks) -> None:
        self.inner = inner

    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        if args.typ.startswith("pulumi:providers:"):
            return self.inner.new_resource(args)
        if args.resource_id == UNKNOWN:
            # stackref53: a read whose id is unknown at the preview (a `pulumi.StackReference` whose stack name is
            # computed from a resource the program makes): "The only time we can't run is if the ID we are given is
            # unknown" (step.go ReadStep.Apply), and the engine leaves its outputs empty; the SDK resolves each output
            # the response does not give as unknown during a preview (pulumi runtime/rpc.py resolve_properties).
            return None, {}
        if args.resource_id:
            # A read (`Bucket.get`) or an import with a known id: "Unlike most steps, Read steps run during previews"
            # (pulumi pkg/resource/deploy/step.go ReadStep.Apply): the provider reads it, its outputs are known.
            return self.inner.new_resource(args)
        return None, dict(args.inputs)

    def call(self, args: MockCallArgs) -> Any:
        return self.inner.call(args)  # invokes run during a preview as well


def _unknowns_written(value: Any) -> Any:
    if isinstance(value, Unknown):
        return UNKNOWN
    if isinstance(value, Mapping):
        return {k: _unknowns_written(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_unknowns_written(v) for v in value]
    return value


def first_preview_document(records: Iterable[Any], config: Mapping[str, str]) -> str:
    """The preview digest of a first preview (records of a program run on :class:`FirstPreviewMocks`): every step a
    create but the reads, unknown values as the engine's unknown sentinel, each input's sources in
    ``propertyDependencies``. A read (``Bucket.get``, a ``pulumi.StackReference``) is a read step with the outputs
    read, as the engine writes it (a read runs during a preview: pulumi pkg/resource/deploy/step.go ``ReadStep.Apply``;
    stackref52)."""
    steps = []
    for r in records:
        inputs = _unknowns_written(_plain(dict(r.inputs), show_secrets=False))
        state: dict[str, Any] = {"urn": r.urn, "custom": r.custom, "type": r.type, "inputs": inputs, "parent": r.parent}
        if r.read_id:
            state |= {"id": r.id, "outputs": _unknowns_written(_plain(dict(r.outputs), show_secrets=False))}
        if r.provider:
            state["provider"] = r.provider
        if r.dependencies:
            state["dependencies"] = list(r.dependencies)
        if r.property_dependencies:
            state["propertyDependencies"] = {k: list(v) for k, v in r.property_dependencies.items()}
        op = "read" if r.read_id else "create"
        steps.append({"op": op, "urn": r.urn, "provider": state.get("provider", ""), "newState": state})
    return json.dumps({"config": dict(config), "steps": steps})
