"""The engine's own documents, read into one shape the review judges.

``pulumi preview --json`` (a ``PreviewDigest``: ``config``, ``steps`` of ``PreviewStep`` with
``oldState``/``newState`` as ``apitype.ResourceV3``), the JSON lines of ``--event-log`` (``EngineEvent``
objects whose ``resourcePreEvent.metadata`` is a ``StepEventMetadata``) and ``pulumi stack export``
(an ``UntypedDeployment`` of version 3 holding a ``DeploymentV3``) all describe resources the same
way: URN, type, custom flag, provider reference ``<provider URN>::<id>``, inputs, outputs and
dependencies. See pulumi's ``sdk/go/common/apitype/core.go`` and ``pkg/display`` JSON types.

Values keep the engine's markers: an input unknown during preview is the string
:data:`UNKNOWN`; a secret is either blinded (``"[secret]"`` in previews, a ciphertext object in
exports) or, in ``stack export --show-secrets``, a plaintext object. Secrets become
:class:`~components.simulate.Secret`, so reports show ``[secret]`` and never the value.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import json
import struct
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pulumi.runtime import rpc

from components._compat import SECRET_SIG, SECRET_SIG_KEY
from components.errors import SovereignError
from components.residency.rules import SECRET_PLACEHOLDER
from components.simulate import Secret

__all__ = [
    "IMPORT_OPS",
    "JURISDICTION_KEY",
    "REMOVING_OPS",
    "UNKNOWN",
    "DocumentError",
    "EngineDocument",
    "Entry",
    "UnreadableValue",
    "is_unknown",
    "json_type",
    "parse_json",
    "read_source",
    "split_urn",
]

REMOVING_OPS: frozenset[str] = frozenset(
    {"delete", "delete-replaced", "discard", "discard-replaced", "read-discard", "remove-pending-replace"}
)
"""Steps that take a resource out of the stack: not violations, shown as changes only. Their state is the old one:
pulumi's ``pkg/resource/deploy/step.go`` gives no new state to ``DeleteStep`` and ``RemovePendingReplaceStep``."""
IMPORT_OPS: frozenset[str] = frozenset({"import", "import-replacement"})
"""Steps that adopt an existing resource (``importID``, ``pulumi import`` or the ``import`` resource option)."""
UNKNOWN: str = rpc.UNKNOWN
"""The string the engine writes for a value unknown during preview (``04da6b54-...``)."""
JURISDICTION_KEY = "sovereign-dc:jurisdiction"
"""The stack config key naming the jurisdiction (the same one the program and the pack read)."""

DocumentKind = Literal["preview", "event-log", "state"]


class DocumentError(SovereignError):
    """A document that cannot be reviewed (not JSON, truncated, wrong version or shape)."""


def is_unknown(value: Any) -> bool:
    """True for a value the engine could not know during preview."""
    return isinstance(value, str) and value == UNKNOWN


def split_urn(urn: str) -> tuple[str, str, str, str]:
    """``urn:pulumi:<stack>::<project>::<parent$type>::<name>`` -> (stack, project, type, name)."""
    parts = urn.split("::", 3)
    if len(parts) != 4 or not parts[0].startswith("urn:pulumi:"):
        raise ValueError(urn)
    return parts[0].removeprefix("urn:pulumi:"), parts[1], parts[2].rsplit("$", 1)[-1], parts[3]


@dataclass(frozen=True, slots=True)
class Entry:
    """One resource of a document: a preview step, or a resource of the deployed state."""

    urn: str
    type: str
    name: str
    op: str
    """The step's operation (``create``, ``update``, ``replace``, ``delete``, ``same``, ``read``, ``import``...);
    ``same`` for every resource of a deployed state."""
    custom: bool
    provider: str
    """Provider reference ``<URN>::<id>``; empty for components and providers."""
    parent: str = ""
    id: str = ""
    import_id: str = ""
    external: bool = False
    """True for a resource read with ``.get()`` (its lifecycle is not managed by this stack)."""
    protect: bool = False
    retain_on_delete: bool = False
    inputs: Mapping[str, Any] = field(default_factory=dict)
    outputs: Mapping[str, Any] = field(default_factory=dict)
    old_inputs: Mapping[str, Any] | None = None
    """Inputs before the step (updates and replaces), for the change summary."""
    dependencies: tuple[str, ...] = ()
    property_dependencies: Mapping[str, tuple[str, ...]] | None = None
    diff_keys: tuple[str, ...] = ()
    """Input keys the step changes (``diffReasons``, ``replaceReasons``, ``detailedDiff``)."""
    view_of: str = ""
    """URN of the resource this one is a view of (``viewOf``): a cloud resource its provider reported as part of it."""
    pending: str = ""
    """For a state's ``pending_operations`` entry, the operation the engine had started (``creating``...)."""


@dataclass(frozen=True)
class EngineDocument:
    """A parsed document: which stack, its config when the document carries it, its resources."""

    kind: DocumentKind
    file: str
    stack: str
    project: str
    config: Mapping[str, str] | None
    """The stack config (secrets blinded) for previews and event logs; None for a state export."""
    entries: tuple[Entry, ...]


def read_source(path: str, command: str = "pulumi preview --json") -> tuple[str, str]:
    """The text of ``path`` (``-`` = standard input) and the name to show for it.

    ``command`` is what writes such a document, for the fix of a file that is not text.
    """
    shown = "<stdin>" if path == "-" else path
    if path == "-" and not hasattr(sys.stdin, "buffer"):  # a text stream put in place of stdin (tests)
        return sys.stdin.read(), shown
    try:
        # Bytes, decoded below: stdin's own decoding follows the locale and would end in a traceback.
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentError(
            f"{path}: no such file. Fix: pass the path of the saved document, or - for stdin."
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DocumentError(f"{path}: cannot be read ({reason}). Fix: pass a readable UTF-8 JSON file.") from None
    return decode_text(data, shown, f"save the output of `{command}` as UTF-8 and pass that file"), shown


# Windows PowerShell's `>` writes UTF-16 with a byte-order mark, PowerShell 7 and Notepad may write UTF-8
# with one: the same JSON, so it is read as the mark says instead of being refused (JSON itself is UTF-8).
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_text(data: bytes, file: str, fix: str) -> str:
    """``data`` as text: UTF-8, or the encoding its byte-order mark names; :class:`DocumentError` otherwise."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentError(
            f"{file}: is not {'UTF-8' if encoding == 'utf-8' else encoding.upper()} text "
            f"(byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line}). Fix: {fix}."
        ) from None


def json_type(value: object) -> str:
    """How JSON names the type of a parsed value (``null``, ``number`` ...), for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "list" if isinstance(value, list) else "object"


def parse_json(text: str, file: str, what: str, fix: str) -> Any:
    """``text`` as JSON, or a :class:`DocumentError` that says where it broke and how to fix it."""
    if not text.strip():
        raise DocumentError(f"{file}: is empty, not {what}. Fix: {fix}.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # An unterminated string reports where it started, not where the text stopped.
        ends_early = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
        problem = "it ends early (truncated?)" if ends_early else f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise DocumentError(f"{file}: is not valid JSON ({problem}), so it is not {what}. Fix: {fix}.") from None


BYTE_STRING_SIG = "803fd3297a5875dc03ca845dda5d2a98"
"""``sig.ByteString`` (pulumi ``sdk/go/common/resource/sig/sig.go``): a string holding bytes that are not UTF-8,
written by ``SerializePropertyValue`` (``pkg/resource/stack/deployment.go``) as ``{sig: ..., "value": <base64>}``."""
FLOAT_SIG = "8ad145fe-0d11-4827-bfd7-1abcbf086f5c"
"""``floatSignature`` (same file): a NaN or infinite number, written as ``{sig: ..., "value": <16 hex digits>}``."""


class UnreadableValue(ValueError):
    """A signature object whose payload does not decode: the value cannot be read, so it cannot be judged."""


def plain(value: Any) -> Any:
    """A property value with serialised secrets turned into :class:`Secret` (blinded ones hold ``[secret]``), and
    byte strings decoded to the text they hold, so that what they name is judged like any other string."""
    if isinstance(value, Mapping):
        sig = value.get(SECRET_SIG_KEY)
        if sig == BYTE_STRING_SIG:
            try:
                raw = base64.b64decode(value.get("value", ""), validate=True)
            except (binascii.Error, TypeError, ValueError):
                raise UnreadableValue("a byte string whose `value` is not base64") from None
            # The bytes are not UTF-8 (else the engine writes a plain string): undecodable bytes become U+FFFD and
            # every readable character stays, so a host or ARN inside is still seen.
            return raw.decode("utf-8", errors="replace")
        if sig == FLOAT_SIG:
            try:
                return struct.unpack(">d", bytes.fromhex(str(value.get("value", ""))))[0]
            except (struct.error, ValueError):
                raise UnreadableValue("a special number whose `value` is not 16 hex digits") from None
        if sig == SECRET_SIG:
            if "plaintext" in value and isinstance(value["plaintext"], str):
                try:
                    return Secret(plain(json.loads(value["plaintext"])))
                except ValueError:
                    return Secret(value["plaintext"])
            return Secret(SECRET_PLACEHOLDER)
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if value == SECRET_PLACEHOLDER:
        return Secret(SECRET_PLACEHOLDER)  # preview JSON blinds secrets to this string
    return value


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def entry_from_state(state: Mapping[str, Any], op: str, provider: str = "", where: str = "") -> Entry:
    """An :class:`Entry` from a ``ResourceV3`` (or a ``StepEventStateMetadata``)."""
    urn = state.get("urn")
    try:
        _, _, type_from_urn, name = split_urn(urn if isinstance(urn, str) else "")
    except ValueError:
        raise DocumentError(
            f"{where}: `urn` is {urn!r}, not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>). "
            "Fix: pass the engine's document unedited."
        ) from None
    type_ = state.get("type") if isinstance(state.get("type"), str) else type_from_urn
    raw_deps = state.get("propertyDependencies")
    property_dependencies = (
        {str(k): _strings(v) for k, v in raw_deps.items()} if isinstance(raw_deps, Mapping) else None
    )
    try:
        inputs = plain(state.get("inputs")) if isinstance(state.get("inputs"), Mapping) else {}
        outputs = plain(state.get("outputs")) if isinstance(state.get("outputs"), Mapping) else {}
    except UnreadableValue as exc:
        raise DocumentError(
            f"{where}: {urn} holds {exc}, so its values cannot be judged. Fix: pass the engine's document unedited."
        ) from None
    return Entry(
        urn=urn,  # type: ignore[arg-type]
        type=str(type_),
        name=name,
        op=op,
        custom=bool(state.get("custom", False)),
        provider=provider or str(state.get("provider") or ""),
        parent=str(state.get("parent") or ""),
        id=str(state.get("id") or ""),
        import_id=str(state.get("importID") or ""),
        external=bool(state.get("external", False)),
        protect=bool(state.get("protect", False)),
        retain_on_delete=bool(state.get("retainOnDelete", False)),
        view_of=str(state.get("viewOf") or ""),
        inputs=inputs,
        outputs=outputs,
        dependencies=_strings(state.get("dependencies")),
        property_dependencies=property_dependencies,
    )


def stack_of(entries: tuple[Entry, ...], file: str) -> tuple[str, str]:
    """(stack, project) from the documents' URNs; a document mixing stacks is refused."""
    found = {split_urn(e.urn)[:2] for e in entries}
    if len(found) > 1:
        names = ", ".join(sorted(f"{p}/{s}" for s, p in found))
        raise DocumentError(
            f"{file}: holds resources of several stacks ({names}). Fix: review one stack's document at a time."
        )
    return next(iter(found)) if found else ("", "")
