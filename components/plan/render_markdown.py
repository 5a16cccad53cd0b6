"""The plan as one pull-request comment: verdict and summary on top, details collapsed, size bounded.

GitHub refuses comments over 65,536 characters. The summary table and the violations come first
and always fit (violations are cut with a note past their share); each stack's details then get an
equal share of what is left and are rendered at the most detailed level that fits: everything,
then without the per-resource list, then counts only.
"""

from __future__ import annotations

from components.plan.mermaid import diagram
from components.plan.model import NO_REGION, Plan, StackPlan, Verdict
from components.plan.render_text import encryption_text

__all__ = ["MAX_CHARS", "render_markdown"]

MAX_CHARS = 60_000
"""Hard ceiling for the whole comment, leaving room under GitHub's 65,536 for a bot's own framing."""
_VIOLATION_SHARE = 0.35
_JSON_HINT = 'run `make plan PLAN_ARGS="--format json"` for the complete plan'
_ICON: dict[Verdict, str] = {"pass": "✅ pass", "fail": "❌ fail", "error": "⚠️ error"}


def _cell(value: object) -> str:
    # Raw < > would be read as HTML by GitHub and silently dropped (e.g. "region=<an in-country region>").
    text = str(value).replace("|", "\\|").replace("\n", " ").replace("`", "'")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _code(value: object) -> str:
    # Inside a code span HTML is inert, and entities would show literally.
    return "`" + str(value).replace("|", "\\|").replace("\n", " ").replace("`", "'") + "`"


def _head(plan: Plan) -> list[str]:
    summary = plan.summary()
    verdict = _ICON[plan.verdict]
    lines = [
        f"## sovereign-dc plan: {verdict}",
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


def _violations(plan: Plan, budget: int) -> list[str]:
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
        row = (
            f"| `{stack.stack}` | {v.rule} {_cell(v.rule_name)} | {_code(v.resource_type)} {_code(v.resource_name)} | "
            f"{_code(v.path or '-')} | {_code(v.value)} | {_cell(v.message)} **Fix:** {_cell(v.fix)} |"
        )
        if used + len(row) + 1 > budget:
            lines.append(f"\n_… {len(found) - shown} more violation(s) not shown; {_JSON_HINT}._")
            break
        lines.append(row)
        used += len(row) + 1
    return lines


def _errors(plan: Plan) -> list[str]:
    failed = [s for s in plan.stacks if s.error is not None]
    if not failed:
        return []
    lines = ["", f"### ⚠️ Stacks that could not be planned ({len(failed)})", ""]
    lines.extend(f"- **{s.stack}**: {_cell(s.error.message)}" for s in failed if s.error)
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


def _stack_summary(s: StackPlan) -> str:
    where = f"{s.jurisdiction_code} {s.jurisdiction_name}".strip() or "jurisdiction unknown"
    return (
        f"<details><summary><b>{s.stack}</b> · {_cell(where)} · {len(s.resources)} resources · "
        f"{len(s.violations)} violation(s) · {_ICON[s.verdict]}</summary>"
    )


def _stack_block(s: StackPlan, level: int) -> str:
    """Level 0: everything; 1: no per-resource list; 2: no diagram or tables; 3: one line."""
    lines = [_stack_summary(s), ""]
    if s.error is not None:
        lines.extend([_cell(s.error.message), "", "</details>"])
        return "\n".join(lines)
    lines.append(
        f"`{s.file}` · {len(s.components)} components · {s.protected} protected · {len(s.data_stores)} data stores"
        + ("" if s.guarded else " · ⚠️ the program never calls `enforce()`")
        + "".join(f" · `{k}` = `[secret]`" for k in s.secret_keys)
    )
    if s.declarations and level <= 2:
        lines.extend(["", "| Declaration | Kind | Match | Status | Expires |", "|---|---|---|---|---|"])
        for d in s.declarations:
            status = f"used ({d.uses})" if d.uses else "⚠️ unused (stale)"
            expires = (f"⚠️ {d.expires}" if d.expiring else d.expires) or ""
            lines.append(f"| `{_cell(d.id)}` | {d.kind} | `{_cell(d.match)}` | {status} | {expires} |")
    if level <= 1:
        lines.extend(["", "```mermaid", diagram(s), "```", "", *_groups_table(s), *_stores_table(s)])
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


def render_markdown(plan: Plan, max_chars: int = MAX_CHARS) -> str:
    """The report as GitHub-flavoured Markdown, never longer than ``max_chars``."""
    head = "\n".join(_head(plan))
    trailer = f"\n\n<sub>Offline plan under Pulumi mocks: no cloud credentials used. {_JSON_HINT.capitalize()}.</sub>\n"
    errors = "\n".join(_errors(plan))
    fixed = len(head) + len(errors) + len(trailer) + 40
    violations = "\n".join(_violations(plan, int((max_chars - fixed) * _VIOLATION_SHARE)))
    parts = [p for p in (head, violations, errors) if p] + ["", "### Stacks", ""]
    remaining = max_chars - sum(len(p) + 1 for p in parts) - len(trailer)
    stacks = list(plan.stacks)
    for index, stack in enumerate(stacks):
        share = remaining // (len(stacks) - index)
        block = _fit(stack, share)
        parts.append(block)
        remaining -= len(block) + 1
    text = "\n".join(parts) + trailer
    return text if len(text) <= max_chars else text[: max_chars - 40] + "\n\n_… truncated to fit one comment._\n"
