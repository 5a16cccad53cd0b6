"""Violation texts: always the rule id, the resource, the input path and value, and the rule's fix."""

from __future__ import annotations

from typing import Any

from pulumi_policy import EnforcementLevel

from components.residency.rules import Finding, Rule, json_value

__all__ = ["config_problem", "crash", "finding", "policy_wording", "unknown_provenance"]


def policy_wording(rule: Rule, name: str | None = None) -> dict[str, Any]:
    """A policy's name, titles, level and remediation, all from the rules table (``name``: when one rule
    has several policies)."""
    return {
        "name": name or rule.name,
        "display_name": f"{rule.id} {name or rule.name}",
        "description": f"{rule.id}: {rule.message}",
        "enforcement_level": EnforcementLevel(rule.level),
        "remediation_steps": rule.fix,
    }


def _value(value: Any) -> str:
    return repr(json_value(value))  # the value the JSON reports show, quoted


def finding(f: Finding, source: str, *, via: str | None = None) -> str:
    """One engine finding; ``via`` names the provider when the finding is about the resource's provider."""
    where = f"{f.resource_type} {f.resource_name!r}"
    if via is not None:
        where = f"{via} (its provider {where})"
    path = f"`{f.path}`" if f.path else "its type"
    return f"[{f.rule.id}] {where}: {path} = {_value(f.value)}. {f.detail} Fix: {f.rule.fix} (jurisdiction {source})"


def unknown_provenance(rule: Rule, resource: str, key: str, basis: str, reasons: list[str], source: str) -> str:
    """A value unknown at preview whose provenance is not entirely in-jurisdiction (RES-014)."""
    why = "; ".join(reasons)
    return (
        f"[{rule.id}] {resource}: `{key}` is unknown during preview and {basis}: {why}. "
        f"Fix: {rule.fix} (jurisdiction {source})"
    )


def config_problem(rule: Rule, problem: str) -> str:
    """The jurisdiction could not be resolved: the policy refuses (fail closed)."""
    return f"[{rule.id}] {problem}"


def crash(rule: Rule, what: str, exc: BaseException) -> str:
    """The pack itself failed on a resource: refuse rather than let it through."""
    return (
        f"[{rule.id}] the residency policy pack could not judge {what} ({type(exc).__name__}: {exc}), "
        f"so it is refused. Fix: report this to the platform team with the resource above."
    )
