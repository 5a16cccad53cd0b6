"""What a change changes: this plan compared with a baseline plan (``--baseline FILE``).

The baseline is the JSON plan of the target branch (``python -m components.plan --format json``,
e.g. produced by CI on main). Both sides are compared in their JSON form, so the delta sees every
field the JSON carries, including sections added later: when stacks carry a ``declarations`` list
(the destinations register), declarations are diffed too; when either side lacks it, that part is
skipped rather than guessed.

Resources are matched by URN, findings by rule, resource, input path and value, declarations by
their ``id`` (or, without one, their whole content).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from components.errors import SovereignError
from components.plan.model import ReviewPlan
from components.plan.render_json import plan_to_dict

__all__ = [
    "BaselineError",
    "DeclarationDelta",
    "Delta",
    "PlaceDelta",
    "StackDelta",
    "compare",
    "compare_documents",
    "finding_text",
    "load_baseline",
]

MAX_BASELINE_BYTES = 50_000_000
"""A JSON plan of every stack is a few megabytes; anything far larger is not a plan."""

_RESOURCE_FIELDS = ("type", "cloud", "region", "jurisdiction", "protect", "retain_on_delete", "operation")
"""Resource attributes whose change is reported (besides encryption)."""
_EXPIRING_STATUSES = frozenset({"expiring", "expired", "stale"})
"""Declaration ``status`` values a reviewer must see even when the declaration did not change."""


class BaselineError(SovereignError):
    """The baseline file cannot be used: missing, not JSON, or not a plan."""


def load_baseline(path: Path) -> dict[str, Any]:
    """Read and shape-check a JSON plan; ``BaselineError`` (one paragraph with the fix) otherwise."""
    fix = "Fix: pass a file written by `python -m components.plan --format json` on the target branch."
    try:
        size = path.stat().st_size
        if size > MAX_BASELINE_BYTES:
            raise BaselineError(f"{path}: {size:,} bytes is too large for a plan. {fix}")
        document: object = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc}). {fix}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: the baseline is not UTF-8 text. {fix}") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise BaselineError(f"{path}: the baseline is not JSON{where}. {fix}") from None
    problem = _shape_problem(document)
    if problem or not isinstance(document, dict):
        raise BaselineError(f"{path}: not a sovereign-dc JSON plan: {problem}. {fix}")
    return document


def _shape_problem(document: object) -> str:
    if not isinstance(document, dict):
        return "the top level is not an object"
    if document.get("generator") != "sovereign-dc plan":
        return "`generator` is not `sovereign-dc plan`"
    version = document.get("schema_version")
    if not isinstance(version, str) or version.split(".")[0] != "1":
        return f"schema_version {str(version)[:20]!r} is not 1.x"
    stacks = document.get("stacks")
    if not isinstance(stacks, list):
        return "`stacks` is not a list"
    for index, stack in enumerate(stacks):
        if not isinstance(stack, dict) or not isinstance(stack.get("stack"), str):
            return f"stacks[{index}] has no `stack` name"
        for part in ("resources", "violations"):
            items = stack.get(part)
            if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
                return f"stacks[{index}].{part} is not a list of objects"
        if not all(isinstance(r.get("urn"), str) for r in stack["resources"]):
            return f"stacks[{index}].resources has an entry without a `urn`"
    return ""


@dataclass(frozen=True)
class PlaceDelta:
    """Resource changes in one country and cloud region of one stack."""

    jurisdiction: str
    cloud: str
    region: str
    added: tuple[str, ...] = ()
    """``type name`` of each resource added, sorted."""
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    """``type name: what changed`` of each resource whose reported attributes changed."""


@dataclass(frozen=True)
class DeclarationDelta:
    """Declarations (destinations register) added, removed and needing attention in one stack."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    attention: tuple[str, ...] = ()
    """Declarations whose ``status`` is expiring, expired or stale (changed or not)."""


@dataclass(frozen=True)
class StackDelta:
    """How one stack differs from the baseline."""

    stack: str
    status: str
    """``added`` (no such stack in the baseline), ``removed`` (only in the baseline) or ``changed``/``same``."""
    verdict: str
    baseline_verdict: str
    places: tuple[PlaceDelta, ...] = ()
    findings_added: tuple[Mapping[str, Any], ...] = ()
    findings_resolved: tuple[Mapping[str, Any], ...] = ()
    declarations: DeclarationDelta | None = None
    """None when either side has no ``declarations`` list."""

    @property
    def counts(self) -> tuple[int, int, int]:
        """Resources (added, removed, changed)."""
        return (
            sum(len(p.added) for p in self.places),
            sum(len(p.removed) for p in self.places),
            sum(len(p.changed) for p in self.places),
        )

    @property
    def unchanged(self) -> bool:
        """Nothing reported differs."""
        decl = self.declarations
        return (
            self.status == "same"
            and not self.places
            and not self.findings_added
            and not self.findings_resolved
            and (decl is None or not (decl.added or decl.removed or decl.changed or decl.attention))
        )


@dataclass(frozen=True)
class Delta:
    """The whole comparison."""

    baseline: str
    """How the baseline is named in reports (the file name)."""
    baseline_catalogue: str
    stacks: tuple[StackDelta, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the plan's optional ``delta`` section)."""
        return {
            "baseline": self.baseline,
            "baseline_catalogue_version": self.baseline_catalogue,
            "stacks": [
                {
                    "stack": s.stack,
                    "status": s.status,
                    "verdict": s.verdict,
                    "baseline_verdict": s.baseline_verdict,
                    "places": [
                        {
                            "jurisdiction": p.jurisdiction,
                            "cloud": p.cloud,
                            "region": p.region,
                            "added": list(p.added),
                            "removed": list(p.removed),
                            "changed": list(p.changed),
                        }
                        for p in s.places
                    ],
                    "findings_added": [dict(f) for f in s.findings_added],
                    "findings_resolved": [dict(f) for f in s.findings_resolved],
                    "declarations": None
                    if s.declarations is None
                    else {
                        "added": list(s.declarations.added),
                        "removed": list(s.declarations.removed),
                        "changed": list(s.declarations.changed),
                        "attention": list(s.declarations.attention),
                    },
                }
                for s in self.stacks
            ],
        }


def finding_text(finding: Mapping[str, Any]) -> str:
    """One line for a finding of the JSON plan: rule, resource, input and value."""
    at = f" at {finding.get('path')}" if finding.get("path") else ""
    value = json.dumps(finding.get("value"), default=str)
    if len(value) > 80:
        value = value[:79] + "…"
    return (
        f"{finding.get('rule', '?')} {finding.get('resource_type', '?')} '{finding.get('resource_name', '?')}'"
        f"{at} = {value}"
    )


def compare(plan: ReviewPlan, baseline: Mapping[str, Any], baseline_name: str) -> Delta:
    """The delta of ``plan`` against the baseline JSON plan (as returned by :func:`load_baseline`)."""
    return compare_documents(plan_to_dict(plan), baseline, baseline_name)


def compare_documents(current: Mapping[str, Any], baseline: Mapping[str, Any], baseline_name: str) -> Delta:
    """The delta between two JSON plans (``current`` as ``plan_to_dict`` returns it)."""
    before = {s["stack"]: s for s in baseline.get("stacks", [])}
    now = {s["stack"]: s for s in current["stacks"]}
    names = list(now) + [name for name in before if name not in now]
    return Delta(
        baseline_name,
        str(baseline.get("catalogue_version", "")),
        tuple(_stack_delta(name, now.get(name), before.get(name)) for name in names),
    )


def _stack_delta(name: str, now: Mapping[str, Any] | None, before: Mapping[str, Any] | None) -> StackDelta:
    status = "added" if before is None else "removed" if now is None else "same"
    old_resources = _by_urn((before or {}).get("resources", []))
    new_resources = _by_urn((now or {}).get("resources", []))
    places = _places(old_resources, new_resources)
    old_findings = _findings((before or {}).get("violations", []))
    new_findings = _findings((now or {}).get("violations", []))
    declarations = None
    if now is not None and before is not None:
        declarations = _declarations(before.get("declarations"), now.get("declarations"))
    delta = StackDelta(
        stack=name,
        status=status,
        verdict=str((now or {}).get("verdict", "-")),
        baseline_verdict=str((before or {}).get("verdict", "-")),
        places=places,
        findings_added=tuple(new_findings[k] for k in sorted(new_findings.keys() - old_findings.keys())),
        findings_resolved=tuple(old_findings[k] for k in sorted(old_findings.keys() - new_findings.keys())),
        declarations=declarations,
    )
    if status == "same" and (not delta.unchanged or delta.verdict != delta.baseline_verdict):
        return dataclasses.replace(delta, status="changed")
    return delta


def _by_urn(resources: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {str(r["urn"]): r for r in resources if isinstance(r, Mapping) and "urn" in r}


def _label(resource: Mapping[str, Any]) -> str:
    return f"{resource.get('type', '?')} {resource.get('name', '?')}"


def _encryption(resource: Mapping[str, Any]) -> str:
    enc = resource.get("encryption")
    if not isinstance(enc, Mapping):
        return "-"
    key = enc.get("key_name") or enc.get("reference") or ""
    return f"{enc.get('status', '?')}{' ' + str(key) if key else ''}"


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    parts = [f"{f} {old.get(f)!s} -> {new.get(f)!s}" for f in _RESOURCE_FIELDS if old.get(f) != new.get(f)]
    if _encryption(old) != _encryption(new):
        parts.append(f"encryption {_encryption(old)} -> {_encryption(new)}")
    return ", ".join(parts)


def _place(resource: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(resource.get("jurisdiction", "-")), str(resource.get("cloud", "-")), str(resource.get("region", "-")))


def _places(old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]]) -> tuple[PlaceDelta, ...]:
    found: dict[tuple[str, str, str], dict[str, list[str]]] = {}

    def add(place: tuple[str, str, str], kind: str, text: str) -> None:
        found.setdefault(place, {"added": [], "removed": [], "changed": []})[kind].append(text)

    for urn in new.keys() - old.keys():
        add(_place(new[urn]), "added", _label(new[urn]))
    for urn in old.keys() - new.keys():
        # Removing a protected resource (a data store or key) is what a reviewer must not miss.
        add(_place(old[urn]), "removed", _label(old[urn]) + (" [protected]" if old[urn].get("protect") else ""))
    for urn in new.keys() & old.keys():
        what = _changes(old[urn], new[urn])
        if what:
            # A resource that moved region is shown where it is now.
            add(_place(new[urn]), "changed", f"{_label(new[urn])}: {what}")
    return tuple(
        PlaceDelta(j, c, r, tuple(sorted(k["added"])), tuple(sorted(k["removed"])), tuple(sorted(k["changed"])))
        for (j, c, r), k in sorted(found.items())
    )


def _findings(violations: Iterable[Mapping[str, Any]]) -> dict[tuple[str, ...], Mapping[str, Any]]:
    return {
        (
            str(v.get("rule", "")),
            str(v.get("resource_type", "")),
            str(v.get("resource_name", "")),
            str(v.get("path", "")),
            json.dumps(v.get("value"), sort_keys=True, default=str),
        ): v
        for v in violations
        if isinstance(v, Mapping)
    }


def _declaration_key(declaration: object) -> str:
    if isinstance(declaration, Mapping) and isinstance(key := declaration.get("id"), str):
        return key
    return json.dumps(declaration, sort_keys=True, default=str)


def _declaration_label(declaration: object) -> str:
    if isinstance(declaration, Mapping):
        ident = declaration.get("id") or declaration.get("name") or declaration.get("destination")
        status = declaration.get("status")
        expires = declaration.get("expires")
        extra = ", ".join(str(x) for x in (status, f"expires {expires}" if expires else None) if x)
        if ident:
            return f"{ident}" + (f" ({extra})" if extra else "")
    return json.dumps(declaration, sort_keys=True, default=str)[:120]


def _declarations(before: object, now: object) -> DeclarationDelta | None:
    if not isinstance(before, list) or not isinstance(now, list):
        return None
    old = {_declaration_key(d): d for d in before}
    new = {_declaration_key(d): d for d in now}
    changed = [
        _declaration_label(new[k])
        for k in sorted(new.keys() & old.keys())
        if json.dumps(new[k], sort_keys=True, default=str) != json.dumps(old[k], sort_keys=True, default=str)
    ]
    attention = [
        _declaration_label(d)
        for _, d in sorted(new.items())
        if isinstance(d, Mapping) and str(d.get("status", "")).lower() in _EXPIRING_STATUSES
    ]
    return DeclarationDelta(
        added=tuple(_declaration_label(new[k]) for k in sorted(new.keys() - old.keys())),
        removed=tuple(_declaration_label(old[k]) for k in sorted(old.keys() - new.keys())),
        changed=tuple(changed),
        attention=tuple(attention),
    )
