"""A per-stack Mermaid diagram: the country boundary, its regions, the components in each, and keys.

Node ids are derived from names (cloud, region, component), never from counters over the input
order, and every list is sorted, so the same plan always gives the same text and a change to one
component changes only its lines in a diff. Regions with many components collapse them by type to
keep the diagram readable and bounded.
"""

from __future__ import annotations

import re
from collections import defaultdict

from components.plan.model import NO_REGION, ComponentGroup, StackPlan

__all__ = ["MAX_NODES_PER_REGION", "diagram"]

MAX_NODES_PER_REGION = 12
"""Above this many components in one region, components are shown per type instead."""

_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


def _ident(*parts: str) -> str:
    return _UNSAFE.sub("_", "_".join(p for p in parts if p)).strip("_") or "x"


def _label(text: str) -> str:
    return text.replace('"', "#quot;")


def _short_type(token: str) -> str:
    return token.rsplit(":", 1)[-1]


def _jurisdiction_title(plan: StackPlan, code: str) -> str:
    if code == plan.jurisdiction_code:
        return f"{code} · {plan.jurisdiction_name} (in jurisdiction)"
    if code == NO_REGION:
        return "no cloud region"
    return f"{code} · outside {plan.jurisdiction_code or 'the jurisdiction'}"


def _node(plan: StackPlan, cloud: str, region: str, comp_urn: str, collapse: bool) -> tuple[str, str]:
    """``(node id, label)`` of a component in a region; ``{count}`` in the label is filled later."""
    info = plan.component(comp_urn)
    kind = _short_type(info.type) if info else ""
    if collapse:
        return _ident("n", cloud, region, "all", kind or "top"), f"{kind or 'top-level'} x {{count}}"
    name = f"{kind} {info.name}" if info else "stack top level"
    return _ident("n", cloud, region, kind, info.name if info else "top"), name


def _region_lines(
    plan: StackPlan,
    cloud: str,
    region: str,
    components: list[ComponentGroup],
    node_of: dict[tuple[str, str], str],
    bad_urns: set[str],
) -> tuple[list[str], list[str]]:
    """The nodes of one region subgraph, and the ids of those holding a violation."""
    collapse = len(components) > MAX_NODES_PER_REGION
    urns: dict[str, list[str]] = defaultdict(list)
    members: dict[str, int] = defaultdict(int)
    labels: dict[str, str] = {}
    for comp_urn, resources in components:
        n_id, labels[n_id] = _node(plan, cloud, region, comp_urn, collapse)
        urns[n_id].extend(r.urn for r in resources)
        members[n_id] += 1
        node_of[(comp_urn, f"{cloud}/{region}")] = n_id
    lines, bad = [], []
    for n_id in sorted(urns):
        text = labels[n_id].replace("{count}", str(members[n_id]))
        noun = "resource" if len(urns[n_id]) == 1 else "resources"
        lines.append(f'      {n_id}["{_label(text)}<br/>{len(urns[n_id])} {noun}"]')
        if bad_urns.intersection(urns[n_id]):
            bad.append(n_id)
    return lines, bad


def _edges(plan: StackPlan, node_of: dict[tuple[str, str], str]) -> list[str]:
    """One ``encrypts`` edge from each key's node to each node of data stores it encrypts."""
    edges: set[tuple[str, str]] = set()
    by_urn = {r.urn: r for r in plan.resources}
    for store in plan.data_stores:
        enc = store.encryption
        if enc is None or enc.status != "customer-key" or enc.key_urn not in by_urn:
            continue
        key = by_urn[enc.key_urn]
        src = node_of.get((key.component, f"{key.cloud}/{key.region}"))
        dst = node_of.get((store.component, f"{store.cloud}/{store.region}"))
        if src and dst and src != dst:
            edges.add((src, dst))
    return [f"  {src} -- encrypts --> {dst}" for src, dst in sorted(edges)]


def diagram(plan: StackPlan) -> str:
    """Mermaid ``flowchart`` source for one stack (no surrounding code fence)."""
    bad_urns = {v.urn for v in plan.violations}
    lines = ["flowchart LR"]
    # (component URN, "cloud/region") -> node id, so key edges can find both ends.
    node_of: dict[tuple[str, str], str] = {}
    bad_nodes: list[str] = []
    outside: list[str] = []
    for code, clouds in plan.groups():
        j_id = _ident("j", code if code != NO_REGION else "none")
        lines.append(f'  subgraph {j_id}["{_label(_jurisdiction_title(plan, code))}"]')
        if code not in (plan.jurisdiction_code, NO_REGION):
            outside.append(j_id)
        for cloud, regions in clouds:
            for region, components in regions:
                r_id = _ident("r", cloud, region) if cloud != NO_REGION else "r_none"
                title = f"{cloud} · {region}" if cloud != NO_REGION else "not in a region"
                lines.append(f'    subgraph {r_id}["{_label(title)}"]')
                nodes, bad = _region_lines(plan, cloud, region, components, node_of, bad_urns)
                lines.extend(nodes)
                bad_nodes.extend(bad)
                lines.append("    end")
        lines.append("  end")
    lines.extend(_edges(plan, node_of))
    lines.append("  classDef outside fill:#fde8e8,stroke:#c00,color:#600")
    lines.append("  classDef violation stroke:#c00,stroke-width:3px")
    if outside:
        lines.append(f"  class {','.join(sorted(outside))} outside")
    if bad_nodes:
        lines.append(f"  class {','.join(sorted(set(bad_nodes)))} violation")
    return "\n".join(lines)
