"""The plan for a terminal.

Order: with ``--baseline``, what the change changes; then the summary table, the violations and the
stacks that could not be planned; then one short block per stack. The per-resource inventory (hundreds
of lines per stack) is shown only with ``--verbose``.
"""

from __future__ import annotations

from components.plan.delta import Delta, StackDelta, finding_text
from components.plan.model import NO_REGION, Encryption, PlannedResource, ReviewPlan, StackPlan, Violation
from components.residency.rules import SECRET_PLACEHOLDER
from components.tables import table

__all__ = ["changes_lines", "delta_lines", "encryption_text", "render_text", "summary_rows", "table"]

_LIST_LIMIT = 15
"""Resources listed per place in the delta before "... N more" (all of them with --verbose)."""


def summary_rows(plan: ReviewPlan) -> list[list[str]]:
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


def _violation_lines(stack: str, v: Violation, *, show_urn: bool = False) -> list[str]:
    return [
        f"  x {stack}  {v.rule} {v.rule_name}".rstrip(),
        f"      resource  {v.resource_type} '{v.resource_name}'",
        *([f"      urn       {v.urn}"] if show_urn and v.urn else []),
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


def changes_lines(s: StackPlan) -> list[str]:
    """What a real preview changes: step counts per region, then residency-relevant input changes."""
    if not s.changes:
        return []
    lines = ["  what changes (steps of the preview, by region):"]
    for cloud, region, jurisdiction, ops in s.change_counts():
        counts = ", ".join(f"{op} {n}" for op, n in sorted(ops.items()))
        lines.append(f"    {cloud} {region} ({jurisdiction})  {counts}")
    for c in s.changes:
        for f in c.fields:
            lines.append(f"    {c.op} {c.type} {c.name}: {f.key}  {f.old} -> {f.new}")
    return lines


def _stack_lines(s: StackPlan, verbose: bool) -> list[str]:
    where = f"{s.jurisdiction_code} {s.jurisdiction_name}" if s.jurisdiction_code else "jurisdiction unknown"
    lines = [f"Stack {s.stack} · {where} · {s.file} · {s.verdict.upper()}"]
    if s.error is not None:
        lines.append("  could not be planned (the problems are listed above)")
        return lines
    lines.append(
        f"  {len(s.resources)} resources · {len(s.components)} components · {s.protected} protected · "
        f"{len(s.data_stores)} data stores · {len(s.violations)} violations"
    )
    if not s.guarded:
        lines.append("  WARNING: the program never called enforce(); `pulumi up` would run unguarded.")
    for key in s.secret_keys:
        lines.append(f"  secret config {key} = {SECRET_PLACEHOLDER} (never decrypted)")
    lines.extend(f"  note: {note}" for note in s.notes)
    lines.extend(changes_lines(s))
    # Retention, backups and the audit trail are what a data-protection reviewer reads first: always shown.
    lines.extend(data_protection_lines(s))
    lines.extend(declaration_lines(s))  # the transfer register is always shown: reviewers sign it off
    if not verbose:
        return lines
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
    stores = s.data_stores
    if stores:
        lines.append("  data stores and their keys:")
        for r in stores:
            lines.append(f"    {r.type}  {r.name}  ->  {encryption_text(r.encryption)}")
    return lines


def data_protection_lines(s: StackPlan) -> list[str]:
    """Category, effective retention, write-once backups and audit trail per cloud and data class."""
    lines: list[str] = []
    if s.data_protection:
        lines.append("  data classes (category · retention · max age of any byte · write-once backup · access log):")
        for d in s.data_protection:
            where = ", ".join(d.backup_regions)
            single = " (single region: backups stay in it)" if len(d.backup_regions) == 1 else ""
            lines.append(
                f"    {d.cloud}  {d.data_class}  {d.category} · {d.retention_days}d · max {d.max_age_days}d · "
                f"{d.lock_mode} lock in {where}{single} · {'logged' if d.access_logging else 'not logged'}"
            )
    for t in s.audit_trails:
        flow = ", VPC flow logs" if t.flow_logs else ""
        lines.append(f"  audit trail ({t.cloud}): {t.service}{flow} for {', '.join(t.regions)} -> {t.trail_bucket}")
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


def _listed(items: tuple[str, ...], mark: str, verbose: bool) -> list[str]:
    shown = items if verbose else items[:_LIST_LIMIT]
    lines = [f"        {mark} {item}" for item in shown]
    if len(items) > len(shown):
        lines.append(f"        … {len(items) - len(shown)} more (--verbose lists all)")
    return lines


def _stack_delta_lines(d: StackDelta, verbose: bool) -> list[str]:
    added, removed, changed = d.counts
    verdict = (
        d.verdict.upper()
        if d.verdict == d.baseline_verdict
        else f"{d.verdict.upper()} (was {d.baseline_verdict.upper()})"
    )
    status = {"added": "new stack", "removed": "stack removed", "changed": "changed"}.get(d.status, d.status)
    lines = [
        f"  {d.stack} · {status} · verdict {verdict} · resources +{added} -{removed} ~{changed} · "
        f"findings +{len(d.findings_added)} -{len(d.findings_resolved)}"
    ]
    for p in d.places:
        place = f"{p.jurisdiction} {p.cloud} {p.region}" if p.cloud != NO_REGION else "not in a cloud region"
        lines.append(f"    {place}: +{len(p.added)} -{len(p.removed)} ~{len(p.changed)}")
        lines.extend(_listed(p.added, "+", verbose))
        lines.extend(_listed(p.removed, "-", verbose))
        lines.extend(_listed(p.changed, "~", verbose))
    if d.findings_added:
        lines.append(f"    new findings ({len(d.findings_added)}):")
        lines.extend(f"      + {finding_text(f)}" for f in d.findings_added)
    if d.findings_resolved:
        lines.append(f"    resolved findings ({len(d.findings_resolved)}):")
        lines.extend(f"      - {finding_text(f)}" for f in d.findings_resolved)
    decl = d.declarations
    if decl is not None and (decl.added or decl.removed or decl.changed or decl.attention):
        lines.append("    declarations:")
        lines.extend(f"      + {x}" for x in decl.added)
        lines.extend(f"      - {x}" for x in decl.removed)
        lines.extend(f"      ~ {x}" for x in decl.changed)
        lines.extend(f"      ! {x} (needs renewal or review)" for x in decl.attention)
    return lines


def delta_lines(delta: Delta, verbose: bool = False) -> list[str]:
    """The "what this change changes" section."""
    catalogue = f", catalogue {delta.baseline_catalogue}" if delta.baseline_catalogue else ""
    changed = [d for d in delta.stacks if d.status != "same"]
    lines = [f"CHANGES AGAINST THE BASELINE ({delta.baseline}{catalogue}): {len(changed)} stack(s) changed"]
    for d in changed:
        lines.extend(_stack_delta_lines(d, verbose))
    same = [d.stack for d in delta.stacks if d.status == "same"]
    if same:
        lines.append(f"  unchanged: {', '.join(same)}")
    return lines


def render_text(plan: ReviewPlan, *, delta: Delta | None = None, verbose: bool = False) -> str:
    """The whole report as plain text (ends with a newline)."""
    summary = plan.summary()
    lines = [
        f"sovereign-dc plan · {summary['stacks']} stack(s) · {summary['resources']} resources · "
        f"catalogue {plan.catalogue_version} · verdict {plan.verdict.upper()}",
        "",
    ]
    if delta is not None:
        lines.extend([*delta_lines(delta, verbose), ""])
    lines.extend(["SUMMARY", *("  " + row for row in table(summary_rows(plan))), ""])
    violations = plan.violations
    if violations:
        lines.append(f"RESIDENCY VIOLATIONS ({len(violations)})")
        for stack, v in violations:
            # A real document's findings name the URN: that is how the engine's own output names a resource.
            lines.extend(_violation_lines(stack.stack, v, show_urn=stack.source != "program"))
        lines.append("")
    errors = [s for s in plan.stacks if s.error is not None]
    if errors:
        lines.append(f"STACKS THAT COULD NOT BE PLANNED ({len(errors)})")
        lines.extend(f"  ! {s.stack}  {paragraph}" for s in errors if s.error for paragraph in s.error.paragraphs)
        lines.append("")
    for s in plan.stacks:
        lines.extend(_stack_lines(s, verbose))
        lines.append("")
    if not verbose and summary["resources"]:
        lines.append(f"The per-resource inventory ({summary['resources']} resources) is shown with --verbose.")
    return "\n".join(lines).rstrip("\n") + "\n"
