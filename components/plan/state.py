"""Read ``pulumi stack export``: an ``UntypedDeployment`` (``version`` 3) holding a ``DeploymentV3``.

The deployment's ``resources`` are ``apitype.ResourceV3`` objects with the real outputs (ARNs,
regions, endpoints), which is where data actually is. An export carries no stack config, so the
jurisdiction comes from ``--jurisdiction``. Secrets are ciphertext objects (plaintext ones with
``--show-secrets``); resources marked ``delete`` (pending deletion after a replacement) are no
longer part of the stack and are not judged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from components.plan.documents import DocumentError, EngineDocument, entry_from_state, parse_json, stack_of

__all__ = ["DEPLOYMENT_VERSION", "parse_state"]

DEPLOYMENT_VERSION = 3
"""The deployment schema this review reads (``apitype.DeploymentSchemaVersionCurrent``)."""
_WHAT = "the output of `pulumi stack export`"
_FIX = "save the state with `pulumi stack export --stack <stack> > state.json` and pass that file"


def parse_state(text: str, file: str) -> EngineDocument:
    """The deployed state in ``text``; :class:`DocumentError` when it is not a version-3 export."""
    document = parse_json(text, file, _WHAT, _FIX)
    if not isinstance(document, Mapping):
        raise DocumentError(f"{file}: is a JSON {type(document).__name__}, not {_WHAT}. Fix: {_FIX}.")
    if "steps" in document or "changeSummary" in document:
        raise DocumentError(f"{file}: is a preview, not a stack export. Fix: review it with --preview {file}.")
    version = document.get("version")
    if version != DEPLOYMENT_VERSION:
        raise DocumentError(
            f"{file}: has deployment version {version!r}; this review reads version {DEPLOYMENT_VERSION} "
            f"(`pulumi stack export` of Pulumi 3). Fix: export the stack again with a current Pulumi CLI "
            f"(it upgrades older states), then pass that file."
        )
    deployment = document.get("deployment")
    if not isinstance(deployment, Mapping) or not isinstance(deployment.get("manifest"), Mapping):
        raise DocumentError(f"{file}: `deployment` has no `manifest`, so it is not {_WHAT}. Fix: {_FIX}.")
    resources = deployment.get("resources", [])
    if not isinstance(resources, list):
        raise DocumentError(f"{file}: `deployment.resources` is not a list. Fix: {_FIX}.")
    entries = []
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
    found = tuple(entries)
    stack, project = stack_of(found, file)
    return EngineDocument("state", file, stack, project, None, found)
