"""The plan for a terminal: violations first, then each stack's resources, then the summary table."""

from __future__ import annotations

from collections.abc import Sequence

from components.plan.model import NO_REGION, Encryption, Plan, PlannedResource, StackPlan, Violation

__all__ = ["encryption_text", "render_text", "summary_rows", "table"]


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns, two spaces apart; the first row is the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]


def summary_rows(plan: Plan) -> list[list[str]]:
    """Header plus one row per stack: stack, jurisdiction, resources, regions, violations, verdict."""
    rows = [["STACK", "JURISDICTION", "RESOURCES", "REGIONS", "VIOLATIONS", "VERDICT"]]
    for s in plan.stacks:
        regions = " ".join(f"{u.cloud}:{u.region}{'' if u.inside else '(OUTSIDE)'}" for u in s.regions) or "-"
        rows.append(
            [
                s.stack,
                s.jurisdiction_code or "-",
                str(len(s.resources)),
                regions,
                str(len(s.violations)),
                s.verdict.upper(),
            ]
        )
    return rows


def encryption_text(enc: Encryption | None) -> str:
    """One phrase saying which key encrypts a data store."""
    if enc is None or enc.status == "not-configured":
        return "NO ENCRYPTION SETTING FOUND"
    if enc.status == "customer-key":
        return f"customer key {enc.key_name} ({enc.key_region})"
    if enc.status == "external-key":
        return f"key NOT created by this stack: {enc.reference}"
    return "cloud-managed key (no customer key)"


def _violation_lines(stack: str, v: Violation) -> list[str]:
    return [
        f"  x {stack}  {v.rule} {v.rule_name}".rstrip(),
        f"      resource  {v.resource_type} '{v.resource_name}'",
        f"      input     {v.path or '-'}",
        f"      value     {v.value!r}",
        f"      problem   {v.message}",
        f"      fix       {v.fix}",
    ]


def _flags(r: PlannedResource, bad: set[str]) -> str:
    flags = [
        flag
        for flag, on in (
            ("VIOLATION", r.urn in bad),
            ("protected", r.protect),
            ("retained on delete", r.retain_on_delete),
            (r.operation, r.operation != "create"),
        )
        if on
    ]
    return f"  [{', '.join(flags)}]" if flags else ""


def _stack_lines(s: StackPlan) -> list[str]:
    where = f"{s.jurisdiction_code} {s.jurisdiction_name}" if s.jurisdiction_code else "jurisdiction unknown"
    lines = [f"Stack {s.stack} · {where} · {s.file} · {s.verdict.upper()}"]
    if s.error is not None:
        lines.append(f"  could not be planned: {s.error.message}")
        return lines
    lines.append(
        f"  {len(s.resources)} resources · {len(s.components)} components · {s.protected} protected · "
        f"{len(s.data_stores)} data stores · {len(s.violations)} violations"
    )
    if not s.guarded:
        lines.append("  WARNING: the program never called enforce(); `pulumi up` would run unguarded.")
    for key in s.secret_keys:
        lines.append(f"  secret config {key} = [secret] (never decrypted)")
    bad = {v.urn for v in s.violations}
    for code, clouds in s.groups():
        title = "not in a cloud region" if code == NO_REGION else code
        if code == s.jurisdiction_code:
            title = f"{code} {s.jurisdiction_name} (inside)"
        elif code != NO_REGION:
            title = f"{code} (OUTSIDE {s.jurisdiction_code or 'the jurisdiction'})"
        lines.append(f"  {title}")
        for cloud, regions in clouds:
            for region, components in regions:
                count = sum(len(rs) for _, rs in components)
                place = f"{cloud} {region}" if cloud != NO_REGION else "-"
                lines.append(f"    {place}  ({count} resource{'' if count == 1 else 's'})")
                for comp_urn, resources in components:
                    info = s.component(comp_urn)
                    label = f"{info.type} {info.name}" if info else "(stack top level)"
                    lines.append(f"      {label}  ({len(resources)})")
                    lines.extend(f"        {r.type}  {r.name}{_flags(r, bad)}" for r in resources)
    lines.extend(declaration_lines(s))
    stores = s.data_stores
    if stores:
        lines.append("  data stores and their keys:")
        for r in stores:
            lines.append(f"    {r.type}  {r.name}  ->  {encryption_text(r.encryption)}")
    return lines


def declaration_lines(s: StackPlan) -> list[str]:
    """The stack's transfer register: declared findings, then every entry used / unused / expiring."""
    if not s.declarations and not s.declared:
        return []
    lines = [f"  declared destinations ({len(s.declarations)} entries, {len(s.declared)} declared findings):"]
    for d in s.declarations:
        soon = (
            f" · EXPIRES {d.expires} (within 30 days)"
            if d.expiring
            else (f" · expires {d.expires}" if d.expires else "")
        )
        stale = " · UNUSED (stale: remove it or check its match)" if not d.uses else f" · covers {d.uses} finding(s)"
        lines.append(f"    {d.id} [{d.kind}] {d.match}{stale}{soon}")
    for v in s.declared:
        lines.append(
            f"    declared by {v.declared_by}: [{v.rule}] {v.resource_type} {v.resource_name} `{v.path}` = {v.value!r}"
        )
    return lines


def render_text(plan: Plan) -> str:
    """The whole report as plain text (ends with a newline)."""
    summary = plan.summary()
    lines = [
        f"sovereign-dc plan · {summary['stacks']} stack(s) · {summary['resources']} resources · "
        f"catalogue {plan.catalogue_version} · verdict {plan.verdict.upper()}",
        "",
    ]
    violations = plan.violations
    if violations:
        lines.append(f"RESIDENCY VIOLATIONS ({len(violations)})")
        for stack, v in violations:
            lines.extend(_violation_lines(stack.stack, v))
        lines.append("")
    errors = [s for s in plan.stacks if s.error is not None]
    if errors:
        lines.append(f"STACKS THAT COULD NOT BE PLANNED ({len(errors)})")
        lines.extend(f"  ! {s.stack}  {s.error.message}" for s in errors if s.error)
        lines.append("")
    for s in plan.stacks:
        lines.extend(_stack_lines(s))
        lines.append("")
    lines.extend(["SUMMARY", *("  " + row for row in table(summary_rows(plan)))])
    return "\n".join(lines) + "\n"
