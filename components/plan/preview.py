"""Read ``pulumi preview --json`` (a ``PreviewDigest``) or the JSON lines of ``--event-log``.

A ``PreviewDigest`` is one JSON object: ``config`` (the stack config, secrets blinded), ``steps``
(``op``, ``urn``, ``provider``, ``oldState``, ``newState``, ``diffReasons``, ``replaceReasons``,
``detailedDiff``), ``diagnostics``, ``changeSummary``. Unchanged resources appear only with
``--show-sames``; replacements are one ``replace`` step unless ``--show-replacement-steps`` splits
them into ``create-replacement`` and ``delete-replaced``.

An event log is one ``EngineEvent`` per line; ``preludeEvent.config`` carries the config and each
``resourcePreEvent.metadata`` (a ``StepEventMetadata``: ``op``, ``urn``, ``provider``, ``old``/``new``
with ``inputs`` and ``outputs``) one step. Event-log states carry no dependencies, so an unknown input
there cannot be traced and fails closed.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from components.plan.documents import (
    IMPORT_OPS,
    REMOVING_OPS,
    DocumentError,
    EngineDocument,
    Entry,
    UnreadableValue,
    entry_from_state,
    json_type,
    parse_json,
    plain,
    stack_of,
)

__all__ = ["parse_preview"]

_WHAT = "the output of `pulumi preview --json`"
_FIX = "save the preview with `pulumi preview --json --show-sames --stack <stack> > preview.json` and pass that file"


def _diff_keys(step: Mapping[str, Any]) -> tuple[str, ...]:
    keys: list[str] = []
    for field in ("diffReasons", "replaceReasons", "diffs", "keys"):
        value = step.get(field)
        if isinstance(value, list):
            keys.extend(str(k) for k in value)
    detailed = step.get("detailedDiff")
    if isinstance(detailed, Mapping):
        keys.extend(str(k) for k in detailed)
    # detailedDiff paths are property paths (``rules[0].destination``): the top-level key is what changed.
    tops = [k.split(".", 1)[0].split("[", 1)[0] for k in keys]
    return tuple(dict.fromkeys(k for k in tops if k))


def _step_entry(step: Any, where: str, old_key: str, new_key: str) -> Entry:
    if not isinstance(step, Mapping) or not isinstance(step.get("op"), str) or not isinstance(step.get("urn"), str):
        raise DocumentError(f"{where}: is not a preview step (it needs a string `op` and `urn`). Fix: {_FIX}.")
    old, new = step.get(old_key), step.get(new_key)
    op = step["op"]
    if op == "refresh" and not isinstance(new, Mapping) and isinstance(old, Mapping):
        # A refresh that found the resource gone: a view's step as its provider published it (ViewStep with no new
        # state, pkg/resource/deploy/resource_status.go); ordinary refreshes start with new = old (NewRefreshStep).
        op = "delete"
    if not isinstance(new, Mapping) and op not in REMOVING_OPS:
        # Only a step that removes a resource has no new state (pulumi pkg/resource/deploy/step.go: New() is nil for
        # DeleteStep and RemovePendingReplaceStep alone); the digest drops one it failed to serialise
        # (pkg/backend/display/json.go). The old state is not what the step makes, so it cannot stand in for it.
        raise DocumentError(
            f"{where}: step {step['op']} of {step['urn']} has no `{new_key}`, so what it makes cannot be judged. "
            f"Fix: {_FIX}."
        )
    state = new if isinstance(new, Mapping) else old
    if not isinstance(state, Mapping):
        # A step without any state cannot be judged; refuse the document rather than skip it.
        raise DocumentError(
            f"{where}: step {step['op']} of {step['urn']} has no `{new_key}` or `{old_key}`. Fix: {_FIX}."
        )
    state = {"urn": step["urn"], **state}
    entry = entry_from_state(state, op, str(step.get("provider") or ""), where)
    old_inputs = old.get("inputs") if isinstance(old, Mapping) and isinstance(new, Mapping) else None
    if isinstance(old_inputs, Mapping):
        # The old inputs only show what changed; the new state, judged, was read whole.
        with contextlib.suppress(UnreadableValue):
            entry = replace(entry, old_inputs=plain(old_inputs))
    return replace(entry, diff_keys=_diff_keys(step))


_DISPLAYED_BYTES = re.compile(r'b"([A-Za-z0-9+/]*={0,2})"')


def _displayed_bytes(value: Any) -> Any:
    """``value`` with the digest's display form of a non-UTF-8 string (``b"<base64>"``, ``byteStringDisplay`` in
    pkg/backend/display/json.go) turned back into the text it holds, so what it names is judged. Only bytes that are
    not UTF-8 are displayed so: a literal string of that form whose bytes are UTF-8 was the program's, and stays."""
    if isinstance(value, str):
        match = _DISPLAYED_BYTES.fullmatch(value) if value.startswith('b"') else None
        if match is None:
            return value
        try:
            raw = base64.b64decode(match.group(1), validate=True)
            raw.decode("utf-8")
        except binascii.Error:
            return value
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace")
        return value
    if isinstance(value, Mapping):
        return {k: _displayed_bytes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_displayed_bytes(v) for v in value]
    return value


def _config(value: Any) -> dict[str, str]:
    return {str(k): v for k, v in value.items() if isinstance(v, str)} if isinstance(value, Mapping) else {}


def _digest(document: Mapping[str, Any], file: str) -> EngineDocument:
    diagnostics = document.get("diagnostics")
    for index, diagnostic in enumerate(diagnostics if isinstance(diagnostics, list) else []):
        # A PreviewDiagnostic of severity error (pkg/display/json.go) is a failed preview: the engine logs the error,
        # stops, and still prints the digest of the steps it had reached.
        if isinstance(diagnostic, Mapping) and diagnostic.get("severity") == "error":
            raise _failed(diagnostic.get("message"), f"{file}: diagnostics[{index}]", "the preview failed")
    steps = document.get("steps", [])
    if not isinstance(steps, list):
        raise DocumentError(f"{file}: `steps` is JSON {json_type(steps)}, not a list. Fix: {_FIX}.")
    entries = tuple(
        replace(e, inputs=_displayed_bytes(e.inputs), outputs=_displayed_bytes(e.outputs))
        for e in (_step_entry(s, f"{file}: steps[{i}]", "oldState", "newState") for i, s in enumerate(steps))
    )
    stack, project = stack_of(entries, file)
    return EngineDocument("preview", file, stack, project, _config(document.get("config")), entries)


def _event_log(text: str, file: str) -> EngineDocument:
    config: dict[str, str] = {}
    entries: list[Entry] = []
    at: dict[str, int] = {}  # URN -> index in entries of its step
    summarised = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{file}: line {number}"
        try:
            event = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentError(
                f"{where}: is not a JSON engine event ({exc.msg}); the log may be truncated. Fix: {_FIX}."
            ) from None
        if not isinstance(event, Mapping):
            raise DocumentError(f"{where}: is not an engine event object. Fix: {_FIX}.")
        if isinstance(event.get("preludeEvent"), Mapping):
            config = _config(event["preludeEvent"].get("config"))
        _refuse_unfinished(event, where)
        pre = event.get("resourcePreEvent")
        if isinstance(pre, Mapping) and isinstance(pre.get("metadata"), Mapping):
            entry = _step_entry(pre["metadata"], where, "old", "new")
            if entry.op in IMPORT_OPS and not entry.import_id and entry.id:
                # StepEventStateMetadata (apitype/events.go) has no importID; an import's id, once the engine has read
                # the resource, is the id of the resource it adopts (ImportStep in pkg/resource/deploy/step.go).
                entry = replace(entry, import_id=entry.id)
            at[entry.urn] = len(entries)
            entries.append(entry)
        summarised = summarised or isinstance(event.get("summaryEvent"), Mapping)
        done = event.get("resOutputsEvent")
        if isinstance(done, Mapping) and isinstance(done.get("metadata"), Mapping):
            # The step's resulting state: a refresh's is what the provider read (drift made outside the program is
            # only there; its op becomes update, same or delete), an up's holds the outputs the provider returned.
            # The digest keeps refreshed states the same way (ShowPreviewDigest in pkg/backend/display/json.go).
            entry = _step_entry(done["metadata"], where, "old", "new")
            index = at.get(entry.urn)
            if index is None:
                at[entry.urn] = len(entries)
                entries.append(entry)
            else:
                earlier = entries[index]
                op = entry.op if earlier.op == "refresh" else earlier.op
                entries[index] = replace(entry, op=op, diff_keys=earlier.diff_keys or entry.diff_keys)
    if not entries and not config:
        raise DocumentError(f"{file}: holds no engine events (no preludeEvent, no resourcePreEvent). Fix: {_FIX}.")
    if not summarised:
        # The engine ends every run's events with a summaryEvent, failed or not (pkg/engine): without it the log was
        # cut short (or the run is still going), and the resources it did not reach are not in it.
        raise DocumentError(
            f"{file}: ends before the engine's summaryEvent, so the run it logs did not finish and resources may be "
            f"missing. Fix: {_FIX}."
        )
    found = tuple(entries)
    stack, project = stack_of(found, file)
    return EngineDocument("event-log", file, stack, project, config, found)


def _failed(message: Any, where: str, what: str) -> DocumentError:
    first = str(message or "").strip().splitlines()
    said = f": {first[0][:200]}" if first else ""
    return DocumentError(
        f"{where}: {what}{said}. A run that failed stops registering resources, so the document may lack some and "
        f"cannot show the stack resident. Fix: correct the error, then {_FIX}."
    )


def _refuse_unfinished(event: Mapping[str, Any], where: str) -> None:
    """An event saying the run failed or was cancelled (apitype/events.go): what it logged is not the whole stack."""
    diagnostic = event.get("diagnosticEvent")
    if isinstance(diagnostic, Mapping) and diagnostic.get("severity") == "error":
        raise _failed(diagnostic.get("message"), where, "the engine reported an error")
    summary = event.get("summaryEvent")
    if isinstance(summary, Mapping) and summary.get("result") in ("failed", "canceled"):
        raise _failed("", where, f"the run's summaryEvent says it {summary['result']}")
    if "cancelEvent" in event:
        raise _failed("", where, "the run was cancelled (cancelEvent)")


def _looks_like_event_log(text: str) -> bool:
    # An event log is one compact EngineEvent per line; its first line is a whole JSON object.
    first, _, rest = text.lstrip().partition("\n")
    if not rest.strip():
        return False
    try:
        event = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(event, Mapping) and ("sequence" in event or any(k.endswith("Event") for k in event))


def parse_preview(text: str, file: str) -> EngineDocument:
    """The preview document (digest or event log) in ``text``; :class:`DocumentError` when it is not one."""
    if _looks_like_event_log(text):
        return _event_log(text, file)
    document = parse_json(text, file, _WHAT, _FIX)
    if not isinstance(document, Mapping):
        raise DocumentError(f"{file}: is a JSON {json_type(document)}, not {_WHAT}. Fix: {_FIX}.")
    if "deployment" in document and "steps" not in document:
        raise DocumentError(
            f"{file}: is a `pulumi stack export` document, not a preview. Fix: review it with --state {file}."
        )
    if "steps" not in document and "changeSummary" not in document:
        raise DocumentError(f"{file}: has neither `steps` nor `changeSummary`, so it is not {_WHAT}. Fix: {_FIX}.")
    return _digest(document, file)
