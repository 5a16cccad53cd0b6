"""The plan as one pull-request comment: verdict and summary on top, details collapsed, size bounded.

GitHub refuses comments over 65,536 characters. The summary table and the violations come first
and always fit (violations are cut with a note past their share); each stack's details then get an
equal share of what is left and are rendered at the most detailed level that fits: everything,
then without the per-resource list, then counts only.
"""

from __future__ import annotations

from collections import Counter

from components.plan.delta import Delta, StackDelta, finding_text
from components.plan.mermaid import diagram
from components.plan.model import NO_REGION, ReviewPlan, ReviewVerdict, StackPlan
from components.plan.render_text import encryption_text
from components.residency.rules import SECRET_PLACEHOLDER

__all__ = ["MAX_CHARS", "render_markdown"]

MAX_CHARS = 60_000
"""Hard ceiling for the whole comment, leaving room under GitHub's 65,536 for a bot's own framing."""
_VIOLATION_SHARE = 0.35
_DELTA_SHARE = 0.3
_DELTA_ITEMS = 10
"""Resources named per place in the delta table; the rest are counted."""
_JSON_HINT = 'run `make plan PLAN_ARGS="--format json"` for the complete plan'
_ICON: dict[ReviewVerdict, str] = {"pass": "✅ pass", "fail": "❌ fail", "error": "⚠️ error"}
_VERDICT_TEXT: dict[str, str] = {str(k): v for k, v in _ICON.items()}
"""The same, keyed by plain text (verdicts read back from a baseline file)."""


def _cell(value: object) -> str:
    # Raw < > would be read as HTML by GitHub and silently dropped (e.g. "region=<an in-country region>").
    text = str(value).replace("|", "\\|").replace("\n", " ").replace("`", "'")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _code(value: object) -> str:
    # Inside a code span HTML is inert, and entities would show literally.
    return "`" + str(value).replace("|", "\\|").replace("\n", " ").replace("`", "'") + "`"


def _from_documents(plan: ReviewPlan) -> bool:
    return bool(plan.stacks) and all(s.source != "program" for s in plan.stacks)


def _head(plan: ReviewPlan) -> list[str]:
    summary = plan.summary()
    verdict = _ICON[plan.verdict]
    title = "residency review of the real preview" if _from_documents(plan) else "plan"
    lines = [
        f"## sovereign-dc {title}: {verdict}",
        "",
        f"{summary['stacks']} stack(s), {summary['resources']} resources, {summary['violations']} residency "
        f"violation(s), catalogue `{plan.catalogue_version}`.",
        "",
        "| Stack | Jurisdiction | Resources | Regions | Violations | Verdict |",
        "|---|---|---:|---|---:|---|",
    ]
    for s in plan.stacks:
        regions = ", ".join(f"{u.cloud} {u.region}" + ("" if u.inside else " ❗") for u in s.regions) or "-"
        where = f"{s.jurisdiction_code} {s.jurisdiction_name}".strip() or "-"
        lines.append(
            f"| `{s.stack}` | {_cell(where)} | {len(s.resources)} | {_cell(regions)} | {len(s.violations)} | "
            f"{_ICON[s.verdict]} |"
        )
    return lines


def _violations(plan: ReviewPlan, budget: int) -> list[str]:
    found = plan.violations
    if not found:
        return []
    lines = [
        "",
        f"### ❌ Residency violations ({len(found)})",
        "",
        "| Stack | Rule | Resource | Input | Value | Problem and fix |",
        "|---|---|---|---|---|---|",
    ]
    used = sum(len(line) + 1 for line in lines)
    for shown, (stack, v) in enumerate(found):
        # A real document's findings name the URN: that is how the engine's own output names a resource.
        urn = f"<br>{_code(v.urn)}" if stack.source != "program" and v.urn else ""
        resource = f"{_code(v.resource_type)} {_code(v.resource_name)}{urn}"
        row = (
            f"| `{stack.stack}` | {v.rule} {_cell(v.rule_name)} | {resource} | "
            f"{_code(v.path or '-')} | {_code(v.value)} | {_cell(v.message)} **Fix:** {_cell(v.fix)} |"
        )
        if used + len(row) + 1 > budget:
            lines.append(f"\n_… {len(found) - shown} more violation(s) not shown; {_JSON_HINT}._")
            break
        lines.append(row)
        used += len(row) + 1
    return lines


def _errors(plan: ReviewPlan) -> list[str]:
    failed = [s for s in plan.stacks if s.error is not None]
    if not failed:
        return []
    lines = ["", f"### ⚠️ Stacks that could not be planned ({len(failed)})", ""]
    for s in failed:
        if s.error is not None:
            lines.extend(f"- **{s.stack}**: {_cell(paragraph)}" for paragraph in s.error.paragraphs)
    return lines


def _groups_table(s: StackPlan) -> list[str]:
    lines = ["| Jurisdiction | Cloud · region | Component | Resources | Protected |", "|---|---|---|---:|---:|"]
    for code, clouds in s.groups():
        where = code if code in (s.jurisdiction_code, NO_REGION) else f"{code} ❗ outside"
        for cloud, regions in clouds:
            for region, components in regions:
                for urn, resources in components:
                    info = s.component(urn)
                    label = f"{_code(info.type)} {_cell(info.name)}" if info else "_(stack top level)_"
                    protected = sum(1 for r in resources if r.protect)
                    lines.append(f"| {where} | {cloud} · {region} | {label} | {len(resources)} | {protected} |")
    return lines


def _stores_table(s: StackPlan) -> list[str]:
    if not s.data_stores:
        return []
    lines = ["", "**Data stores and their keys**", "", "| Data store | Region | Key | Protected |", "|---|---|---|---|"]
    for r in s.data_stores:
        lines.append(
            f"| {_code(r.type)} {_cell(r.name)} | {r.region} | {_cell(encryption_text(r.encryption))} | "
            f"{'🔒' if r.protect else ''} |"
        )
    return lines


def _resources_list(s: StackPlan) -> list[str]:
    bad = {v.urn for v in s.violations}
    lines = [
        "",
        f"<details><summary>All {len(s.resources)} resources</summary>",
        "",
        "| | Type | Name | Region |",
        "|---|---|---|---|",
    ]
    for r in s.resources:
        flags = (
            ("🔒" if r.protect else "")
            + ("❗" if r.urn in bad else "")
            + ("" if r.operation == "create" else f" {r.operation}")
        )
        lines.append(f"| {flags} | {_code(r.type)} | {_cell(r.name)} | {r.cloud} {r.region} |")
    lines.extend(["", "</details>"])
    return lines


_OPS_SHOWN = ("create", "update", "replace", "delete")


def _changes(s: StackPlan, detailed: bool) -> list[str]:
    """What a real preview changes, per region, then the residency-relevant input changes."""
    if not s.changes:
        return []
    lines = [
        "",
        "**What changes**",
        "",
        "| Cloud · region | Jurisdiction | " + " | ".join(_OPS_SHOWN) + " | other |",
        "|---|---|" + "---:|" * (len(_OPS_SHOWN) + 1),
    ]
    for cloud, region, jurisdiction, ops in s.change_counts():
        removing = set(ops) <= {"delete", "delete-replaced", "discard", "discard-replaced", "read-discard"}
        # Removing a resource outside the jurisdiction moves no data: no alarm for it.
        where = jurisdiction if jurisdiction in (s.jurisdiction_code, NO_REGION) or removing else f"{jurisdiction} ❗"
        # Replacement steps shown separately (--show-replacement-steps) count as replaces and deletes.
        merged = dict(ops)
        merged["replace"] = merged.get("replace", 0) + merged.pop("create-replacement", 0)
        merged["delete"] = merged.get("delete", 0) + merged.pop("delete-replaced", 0)
        shown = [str(merged.pop(op, 0) or "") for op in _OPS_SHOWN]
        other = ", ".join(f"{op} {n}" for op, n in sorted(merged.items()))
        lines.append(f"| {cloud} · {region} | {_cell(where)} | " + " | ".join(shown) + f" | {_cell(other)} |")
    fields = [(c, f) for c in s.changes for f in c.fields]
    if fields and detailed:
        lines.extend(["", "| Resource | Step | Input | Before | After |", "|---|---|---|---|---|"])
        for c, f in fields:
            lines.append(
                f"| {_code(c.type)} {_cell(c.name)} | {c.op} | {_code(f.key)} | {_code(f.old)} | {_code(f.new)} |"
            )
    elif fields:
        lines.extend(["", f"{len(fields)} residency-relevant input change(s); {_JSON_HINT}."])
    return lines


def _stack_summary(s: StackPlan) -> str:
    where = f"{s.jurisdiction_code} {s.jurisdiction_name}".strip() or "jurisdiction unknown"
    return (
        f"<details><summary><b>{s.stack}</b> · {_cell(where)} · {len(s.resources)} resources · "
        f"{len(s.violations)} violation(s) · {_ICON[s.verdict]}</summary>"
    )


def _protection_table(s: StackPlan) -> list[str]:
    """Category, effective retention, write-once backup and audit trail per cloud and data class."""
    if not s.data_protection:
        return []
    lines = [
        "",
        "| cloud | data class | category | retention | max age | write-once backup | access log |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in s.data_protection:
        single = " (single region)" if len(d.backup_regions) == 1 else ""
        lines.append(
            f"| {d.cloud} | `{d.data_class}` | {d.category} | {d.retention_days}d | {d.max_age_days}d | "
            f"{d.lock_mode} in {_cell(', '.join(d.backup_regions))}{single} | {'yes' if d.access_logging else 'no'} |"
        )
    lines.extend(
        f"\nAudit trail ({t.cloud}): {_cell(t.service)}{', VPC flow logs' if t.flow_logs else ''} · "
        f"{_cell(', '.join(t.regions))} → `{t.trail_bucket}`"
        for t in s.audit_trails
    )
    return lines


def _stack_block(s: StackPlan, level: int) -> str:
    """Level 0: everything; 1: no per-resource list; 2: no diagram or tables; 3: one line."""
    lines = [_stack_summary(s), ""]
    if s.error is not None:
        lines.extend(["Could not be planned: the problems are listed above.", "", "</details>"])
        return "\n".join(lines)
    lines.append(
        f"`{s.file}` · {len(s.components)} components · {s.protected} protected · {len(s.data_stores)} data stores"
        + ("" if s.guarded else " · ⚠️ the program never calls `enforce()`")
        + "".join(f" · `{k}` = `{SECRET_PLACEHOLDER}`" for k in s.secret_keys)
    )
    if s.declarations and level <= 2:
        lines.extend(["", "| Declaration | Kind | Match | Status | Expires |", "|---|---|---|---|---|"])
        for d in s.declarations:
            status = f"used ({d.uses})" if d.uses else "⚠️ unused (stale)"
            expires = (f"⚠️ {d.expires}" if d.expiring else d.expires) or ""
            lines.append(f"| `{_cell(d.id)}` | {d.kind} | `{_cell(d.match)}` | {status} | {expires} |")
    lines.extend(f"\n_Note: {_cell(note)}_" for note in s.notes)
    lines.extend(_changes(s, detailed=level <= 1))
    if level <= 1:
        lines.extend(["", "```mermaid", diagram(s), "```", "", *_groups_table(s), *_stores_table(s)])
        lines.extend(_protection_table(s))
        if level == 0:
            lines.extend(_resources_list(s))
    elif level == 2:
        regions = ", ".join(f"{u.cloud} {u.region} ({u.resources})" for u in s.regions)
        lines.extend(["", f"Regions: {_cell(regions)}", "", f"_Details omitted to fit one comment; {_JSON_HINT}._"])
    lines.extend(["", "</details>"])
    return "\n".join(lines)


def _fit(stack: StackPlan, budget: int) -> str:
    """The most detailed block of ``stack`` that fits ``budget`` characters."""
    for level in range(4):
        text = _stack_block(stack, level)
        if len(text) + 1 <= budget:
            return text
    return f"- `{stack.stack}`: details omitted"[: max(budget - 1, 0)]


def _by_type(items: tuple[str, ...], mark: str) -> str:
    """``+2 `aws:kms/key:Key`, +1 ...``: counts per resource type (names are in the JSON and --verbose text)."""
    counts = Counter(item.split(" ", 1)[0] for item in items)
    return ", ".join(f"{mark}{n} {_code(kind)}" for kind, n in sorted(counts.items()))


def _names(items: tuple[str, ...], mark: str) -> str:
    shown = ", ".join(_code(f"{mark}{item}") for item in items[:_DELTA_ITEMS])
    more = len(items) - _DELTA_ITEMS
    return shown + (f" … {more} more" if more > 0 else "")


def _stack_delta_rows(d: StackDelta) -> list[str]:
    rows = []
    for p in d.places:
        place = f"{p.jurisdiction} · {p.cloud} {p.region}" if p.cloud != NO_REGION else "not in a cloud region"
        # Removed protected resources (data stores, keys) and every change are named; the rest is counted.
        protected = tuple(item for item in p.removed if item.endswith("[protected]"))
        what = "<br>".join(
            text
            for text in (
                _by_type(p.added, "+"),
                _by_type(p.removed, "-"),
                _names(protected, "- "),
                _names(p.changed, "~ "),
            )
            if text
        )
        rows.append(f"| `{d.stack}` | {_cell(place)} | {len(p.added)} | {len(p.removed)} | {len(p.changed)} | {what} |")
    return rows


def _delta(delta: Delta, budget: int) -> list[str]:
    changed = [d for d in delta.stacks if d.status != "same"]
    same = [d.stack for d in delta.stacks if d.status == "same"]
    catalogue = f", catalogue `{delta.baseline_catalogue}`" if delta.baseline_catalogue else ""
    lines = ["", f"### What this change does (against `{_cell(delta.baseline)}`{catalogue})", ""]
    if not changed:
        lines.append("No stack changes: same resources, findings and verdicts as the baseline.")
        return lines
    lines.extend(
        ["| Stack | Change | Verdict | Resources + / - / ~ | Findings new / resolved |", "|---|---|---|---|---|"]
    )
    for d in changed:
        added, removed, modified = d.counts
        verdict = _VERDICT_TEXT.get(d.verdict, d.verdict)
        if d.verdict != d.baseline_verdict:
            verdict += f" (was {_VERDICT_TEXT.get(d.baseline_verdict, d.baseline_verdict)})"
        status = {"added": "new stack", "removed": "stack removed"}.get(d.status, "changed")
        lines.append(
            f"| `{d.stack}` | {status} | {verdict} | +{added} / -{removed} / ~{modified} | "
            f"{len(d.findings_added)} / {len(d.findings_resolved)} |"
        )
    if same:
        lines.extend(["", f"Unchanged: {', '.join(f'`{name}`' for name in same)}."])
    rows = [row for d in changed for row in _stack_delta_rows(d)]
    if rows:
        lines.extend(
            [
                "",
                "**Resources by country and region**",
                "",
                "| Stack | Where | + | - | ~ | Which |",
                "|---|---|---:|---:|---:|---|",
            ]
        )
        lines.extend(rows)
    found = [("🆕", d.stack, f) for d in changed for f in d.findings_added]
    found += [("✔️ resolved", d.stack, f) for d in changed for f in d.findings_resolved]
    if found:
        lines.extend(["", "**Findings added and resolved**", "", "| | Stack | Finding |", "|---|---|---|"])
        lines.extend(f"| {mark} | `{stack}` | {_code(finding_text(f))} |" for mark, stack, f in found)
    declared = [(d.stack, d.declarations) for d in changed if d.declarations is not None]
    decl_rows = [
        f"| `{stack}` | {kind} | {_cell(item)} |"
        for stack, decl in declared
        if decl is not None
        for kind, items in (
            ("added", decl.added),
            ("removed", decl.removed),
            ("changed", decl.changed),
            ("⚠️ expiring or stale", decl.attention),
        )
        for item in items
    ]
    if decl_rows:
        lines.extend(["", "**Declarations**", "", "| Stack | | Declaration |", "|---|---|---|"])
        lines.extend(decl_rows)
    text_len = 0
    for index, line in enumerate(lines):
        text_len += len(line) + 1
        if text_len > budget:
            return [*lines[:index], "", f"_… the rest of the delta does not fit; {_JSON_HINT} and `--baseline`._"]
    return lines


def render_markdown(plan: ReviewPlan, max_chars: int = MAX_CHARS, *, delta: Delta | None = None) -> str:
    """The report as GitHub-flavoured Markdown, never longer than ``max_chars``.

    With ``delta`` the comment leads with what the change does; the verdict, the violations and
    the stacks that could not be planned follow; the inventory is collapsed per stack.
    """
    head_lines = _head(plan)
    title, rest_of_head = head_lines[0], "\n".join(head_lines[1:])
    delta_text = "\n".join(_delta(delta, int(max_chars * _DELTA_SHARE))) if delta is not None else ""
    head = (
        title
        + ("\n" + delta_text if delta_text else "")
        + ("\n\n### Verdict\n" if delta is not None else "")
        + rest_of_head
    )
    if _from_documents(plan):
        trailer = (
            "\n\n<sub>Judged from the engine's own documents (`pulumi preview --json`, `pulumi stack export`) by "
            "the same rule engine as the guard and the policy pack. Run `python -m components.plan --preview FILE "
            "--format json` for the complete review.</sub>\n"
        )
    else:
        trailer = (
            f"\n\n<sub>Offline plan under Pulumi mocks: no cloud credentials used. {_JSON_HINT.capitalize()}.</sub>\n"
        )
    errors = "\n".join(_errors(plan))
    fixed = len(head) + len(errors) + len(trailer) + 40
    violations = "\n".join(_violations(plan, int((max_chars - fixed) * _VIOLATION_SHARE)))
    parts = [p for p in (head, violations, errors) if p] + ["", "### Stacks (inventory)", ""]
    remaining = max_chars - sum(len(p) + 1 for p in parts) - len(trailer)
    stacks = list(plan.stacks)
    for index, stack in enumerate(stacks):
        share = remaining // (len(stacks) - index)
        block = _fit(stack, share)
        parts.append(block)
        remaining -= len(block) + 1
    text = "\n".join(parts) + trailer
    return text if len(text) <= max_chars else text[: max_chars - 40] + "\n\n_… truncated to fit one comment._\n"
