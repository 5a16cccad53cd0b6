"""Read ``pulumi stack export``: an ``UntypedDeployment`` (``version`` 3 or 4) holding a ``DeploymentV3``.

The deployment's ``resources`` are ``apitype.ResourceV3`` objects with the real outputs (ARNs,
regions, endpoints), which is where data actually is. An export carries no stack config, so the
jurisdiction comes from ``--jurisdiction``. Secrets are ciphertext objects (plaintext ones with
``--show-secrets``); resources marked ``delete`` (pending deletion after a replacement) are no
longer part of the stack and are not judged.

The engine writes version 3 unless a resource uses a feature older CLIs cannot read; it then writes
version 4 and lists the ``features`` (``SerializeDeploymentWithMetadata`` and ``ApplyFeatures`` in
pulumi's ``pkg/resource/stack/deployment.go``). Each feature this review knows is read below; an
unknown one fails closed, as the CLI itself refuses it.

``pending_operations`` (``apitype.OperationV2``: a ``ResourceV3`` and the operation the engine had
started when the update was interrupted) hold resources the engine may have created or changed in the
cloud without recording them in ``resources``: they are judged too, except pending deletions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from components.plan.documents import (
    DocumentError,
    EngineDocument,
    Entry,
    entry_from_state,
    json_type,
    parse_json,
    stack_of,
)

__all__ = ["DEPLOYMENT_VERSIONS", "FEATURES", "parse_state"]

DEPLOYMENT_VERSIONS = (3, 4)
"""The deployment schemas this review reads (``apitype.DeploymentSchemaVersionCurrent`` and ``...Latest``)."""
FEATURES: Mapping[str, str] = {
    # pulumi pkg/resource/stack/deployment.go `supportedFeatures`, with what each one changes in the document.
    "refreshBeforeUpdate": "a resource flag (`refreshBeforeUpdate`); its values are the usual inputs and outputs",
    "views": "view resources (`viewOf`), listed in `resources` with their own inputs and outputs, judged as any",
    "hooks": "resource hook names (`resourceHooks`); hooks run in the program, not in the cloud",
    "taint": "a resource flag (`taint`) forcing a replacement at the next update",
    "replaceWith": "URNs whose replacement replaces this resource (`replaceWith`)",
    "snippets-prototype": "resources registered by snippets (`snippetID`), listed in `resources` and judged as any",
    "extensionParameterization": "a provider's parameterization blob (`extensionRef`, `extensions`)",
    "byteString": "strings that are not UTF-8, written as byte-string objects: decoded and judged as text",
}
"""Deployment features (version 4) this review reads, and why each needs nothing else from it."""
PENDING_OPS: Mapping[str, str] = {"creating": "create", "updating": "update", "reading": "read"}
"""``apitype.OperationType`` of a pending operation -> the step it was; ``deleting`` removes and is not judged."""
_WHAT = "the output of `pulumi stack export`"
_FIX = "save the state with `pulumi stack export --stack <stack> > state.json` and pass that file"


def parse_state(text: str, file: str) -> EngineDocument:
    """The deployed state in ``text``; :class:`DocumentError` when it is not a version-3 export."""
    document = parse_json(text, file, _WHAT, _FIX)
    if not isinstance(document, Mapping):
        raise DocumentError(f"{file}: is a JSON {json_type(document)}, not {_WHAT}. Fix: {_FIX}.")
    if "steps" in document or "changeSummary" in document:
        raise DocumentError(f"{file}: is a preview, not a stack export. Fix: review it with --preview {file}.")
    version = document.get("version")
    if version not in DEPLOYMENT_VERSIONS or isinstance(version, bool):
        raise DocumentError(
            f"{file}: has deployment version {version!r}; this review reads versions 3 and 4 "
            f"(`pulumi stack export` of Pulumi 3). Fix: export the stack again with a current Pulumi CLI "
            f"(it upgrades older states), then pass that file."
        )
    features = document.get("features") or []
    if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
        raise DocumentError(f"{file}: `features` is not a list of names. Fix: {_FIX}.")
    unknown = sorted(set(features) - set(FEATURES))
    if unknown and version >= 4:  # the engine reads `features` from version 4 only (apitype.UntypedDeployment)
        raise DocumentError(
            f"{file}: uses deployment feature(s) {', '.join(unknown)} that this review does not know, so it cannot "
            f"tell what they hold (it reads {', '.join(sorted(FEATURES))}). Fix: review the stack's preview instead "
            f"(--preview), or a sovereign-dc release that reads these features."
        )
    deployment = document.get("deployment")
    if not isinstance(deployment, Mapping) or not isinstance(deployment.get("manifest"), Mapping):
        raise DocumentError(f"{file}: `deployment` has no `manifest`, so it is not {_WHAT}. Fix: {_FIX}.")
    resources = deployment.get("resources", [])
    if not isinstance(resources, list):
        raise DocumentError(f"{file}: `deployment.resources` is not a list. Fix: {_FIX}.")
    entries: list[Entry] = []
    for index, resource in enumerate(resources):
        where = f"{file}: deployment.resources[{index}]"
        if not isinstance(resource, Mapping):
            raise DocumentError(f"{where}: is not a resource object. Fix: {_FIX}.")
        entry = entry_from_state(resource, "same", where=where)
        if resource.get("delete") or resource.get("pendingReplacement"):
            entry = replace(entry, op="delete")
        elif entry.external:
            entry = replace(entry, op="read")
        entries.append(entry)
    entries += _pending(deployment.get("pending_operations"), file)
    found = tuple(entries)
    stack, project = stack_of(found, file)
    return EngineDocument("state", file, stack, project, None, found)


def _pending(operations: object, file: str) -> list[Entry]:
    """The resources of ``pending_operations`` the engine may have created or changed (all but pending deletions)."""
    if operations is None:
        return []
    if not isinstance(operations, list):
        raise DocumentError(f"{file}: `deployment.pending_operations` is not a list. Fix: {_FIX}.")
    entries = []
    for index, operation in enumerate(operations):
        where = f"{file}: deployment.pending_operations[{index}]"
        resource = operation.get("resource") if isinstance(operation, Mapping) else None
        kind = operation.get("type") if isinstance(operation, Mapping) else None
        if not isinstance(resource, Mapping) or not isinstance(kind, str):
            raise DocumentError(f"{where}: is not a pending operation (a `resource` and a `type`). Fix: {_FIX}.")
        if kind == "deleting":
            continue  # removing a resource moves no data
        # An operation type this review does not know is judged as a create: it may have made the resource.
        entries.append(replace(entry_from_state(resource, PENDING_OPS.get(kind, "create"), where=where), pending=kind))
    return entries
