"""The plan's data model: what each stack would create, where, under which key, and what breaks residency.

Everything here is plain, frozen data in a deterministic order (sorted by URN, rule and path), so
two runs over the same stacks give byte-identical reports. The renderers only read this model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, TypeAlias

from components.residency.rules import Finding, json_value

__all__ = [
    "NO_REGION",
    "SCHEMA_VERSION",
    "AuditTrailPlan",
    "Change",
    "ComponentGroup",
    "DataClassPlan",
    "ComponentInfo",
    "DeclarationUse",
    "Encryption",
    "EncryptionStatus",
    "FieldChange",
    "Groups",
    "ReviewPlan",
    "PlannedResource",
    "RegionUse",
    "Source",
    "StackError",
    "StackPlan",
    "ReviewVerdict",
    "Violation",
]

SCHEMA_VERSION = "1.1"
"""Version of the JSON report (``schema.json``); bumped on any incompatible change."""

NO_REGION = "-"
"""Jurisdiction, cloud and region of resources that live in no cloud region (components, random ids)."""

ReviewVerdict = Literal["pass", "fail", "error"]
EncryptionStatus = Literal["customer-key", "external-key", "cloud-managed", "not-configured"]
Operation = Literal[
    "create",
    "read",
    "import",
    # Steps of a real preview, and resources of a deployed state ("same"):
    "update",
    "replace",
    "create-replacement",
    "same",
    "refresh",
    "read-replacement",
    "import-replacement",
]
Source = Literal["program", "preview", "event-log", "state"]


ComponentGroup: TypeAlias = tuple[str, list["PlannedResource"]]
"""(component URN, its resources in URN order)."""
Groups: TypeAlias = list[tuple[str, list[tuple[str, list[tuple[str, list[ComponentGroup]]]]]]]
"""[(jurisdiction, [(cloud, [(region, [(component URN, resources)])])])]."""


@dataclass(frozen=True, slots=True)
class Encryption:
    """How one data store is encrypted at rest."""

    status: EncryptionStatus
    """``customer-key``: a key created by this stack; ``external-key``: a key reference not created here;
    ``cloud-managed``: encrypted with the cloud's own key; ``not-configured``: no encryption setting found."""
    key_urn: str = ""
    """URN of the key resource (``customer-key`` only)."""
    key_name: str = ""
    """Logical name of the key resource (``customer-key`` only)."""
    key_region: str | None = None
    """Region of the key resource (``customer-key`` only)."""
    reference: str = ""
    """The key reference as written (ARN or id; ``[secret]`` when secret); empty when none."""


@dataclass(frozen=True, slots=True)
class PlannedResource:
    """One custom resource the stack would create, read or import."""

    urn: str
    type: str
    name: str
    cloud: str
    """``aws``, ``alicloud`` or ``-`` (no cloud)."""
    region: str
    """Cloud region, or ``-``."""
    jurisdiction: str
    """Code of the jurisdiction the region lies in (the stack's own when inside it), ``OUTSIDE``
    for a catalogued region of no jurisdiction, ``UNKNOWN`` for an uncatalogued one, ``-`` for none."""
    component: str
    """URN of the nearest enclosing component, ``""`` when the resource sits at the stack's top level."""
    protect: bool
    retain_on_delete: bool
    operation: Operation
    data_store: bool
    """True for resources that hold data at rest (buckets, disks, databases...)."""
    encryption: Encryption | None = None
    """Set for data stores."""


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    """A component resource (``sovereign:<module>:<Type>`` or any other ComponentResource)."""

    urn: str
    type: str
    name: str
    parent: str
    """URN of the enclosing component, ``""`` at top level."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One residency finding, with the resource it belongs to."""

    rule: str
    rule_name: str
    resource_type: str
    resource_name: str
    urn: str
    """URN of the offending resource, ``""`` if it never reached the engine."""
    path: str
    value: str | int | float | bool | None
    """The offending value (``[secret]`` for secret inputs)."""
    message: str
    fix: str
    declared_by: str = ""
    """Id of the ``sovereign-dc:destinations`` entry covering this finding (declared findings only)."""

    @classmethod
    def of(cls, finding: Finding, urn: str) -> Violation:
        """The engine's finding on the resource ``urn``, as the plan reports it."""
        f = finding
        return cls(
            f.rule.id,
            f.rule.name,
            f.resource_type,
            f.resource_name,
            urn,
            f.path,
            json_value(f.value),
            f.message,
            f.rule.fix,
            f.declared_by or "",
        )


@dataclass(frozen=True, slots=True)
class DeclarationUse:
    """One entry of a stack's transfer register and whether the plan used it."""

    id: str
    kind: str
    """``resident`` or ``transfer``."""
    match: str
    uses: int
    """How many findings it covered; 0 means it is stale (unused)."""
    expires: str | None = None
    """ISO date for transfers."""
    expiring: bool = False
    """True when a transfer expires within 30 days."""

    @property
    def status(self) -> str:
        """``expiring`` (within 30 days), ``unused`` (stale: covered nothing) or ``used``."""
        return "expiring" if self.expiring else "unused" if not self.uses else "used"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A residency-relevant input a preview step changes (secrets ``[secret]``, unknowns ``(unknown)``)."""

    key: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Change:
    """One step of a real preview: what the engine will do to one resource, and where."""

    op: str
    """The engine's step operation (``create``, ``update``, ``replace``, ``delete``, ``same``...)."""
    urn: str
    type: str
    name: str
    cloud: str
    region: str
    jurisdiction: str
    fields: tuple[FieldChange, ...] = ()
    """Residency-relevant inputs it changes (updates and replaces)."""


@dataclass(frozen=True, slots=True)
class StackError:
    """Why a stack could not be planned (bad input, or a program that failed)."""

    kind: Literal["input", "config", "catalogue", "program"]
    file: str
    key: str
    message: str
    """One paragraph naming the file (and the key when there is one) and the fix; with several
    problems, the first and how many more there are."""
    problems: tuple[str, ...] = ()
    """Every problem found, one paragraph each (at least the message's own problem)."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """What to show: every problem, one paragraph each."""
        return self.problems or (self.message,)


@dataclass(frozen=True, slots=True)
class RegionUse:
    """A region a stack uses, and whether it is inside the stack's jurisdiction."""

    cloud: str
    region: str
    jurisdiction: str
    inside: bool
    resources: int


@dataclass(frozen=True, slots=True)
class DataClassPlan:
    """What one data class gets on one cloud: category, exact retention, write-once backup (issue 10)."""

    cloud: str
    data_class: str
    category: str
    """Regulatory category id (data-protection catalogue, or the stack file's override)."""
    retention_days: int
    max_age_days: int
    """The oldest any byte can be: retention plus the documented noncurrent-version grace."""
    lock_mode: str
    """Object Lock / OSS retention mode of the class's buckets."""
    access_logging: bool
    backup_regions: tuple[str, ...]
    """Regions holding write-once copies; one region means backups stay in the primary region."""


@dataclass(frozen=True, slots=True)
class AuditTrailPlan:
    """One cloud's audit trail."""

    cloud: str
    service: str
    regions: tuple[str, ...]
    trail_bucket: str
    flow_logs: bool


@dataclass(frozen=True)
class StackPlan:
    """Everything planned for one stack file."""

    stack: str
    file: str
    jurisdiction_code: str = ""
    jurisdiction_name: str = ""
    resources: tuple[PlannedResource, ...] = ()
    components: tuple[ComponentInfo, ...] = ()
    violations: tuple[Violation, ...] = ()
    secret_keys: tuple[str, ...] = ()
    """Config keys whose values are ``secure:``; shown as ``[secret]``, never decrypted."""
    guarded: bool = True
    """False when the program never called ``enforce()`` (a real run would not be guarded)."""
    error: StackError | None = None
    data_protection: tuple[DataClassPlan, ...] = ()
    """Per cloud and data class, from the program's ``dataProtection`` outputs."""
    audit_trails: tuple[AuditTrailPlan, ...] = ()
    """Per cloud, from the program's ``auditTrail`` outputs."""
    source: Source = "program"
    """What was judged: the program under mocks, a real preview (or its event log), or a deployed state."""
    changes: tuple[Change, ...] = ()
    """Every step of a real preview, in document order (empty for the program and for a state)."""
    notes: tuple[str, ...] = ()
    """What the reviewer must know about the judgment (e.g. secret values the document blinds)."""
    declared: tuple[Violation, ...] = ()
    """Findings a declaration covered: reported, never failing the stack."""
    declarations: tuple[DeclarationUse, ...] = ()
    """The stack's transfer register: used, unused (stale) and expiring entries."""

    @property
    def verdict(self) -> ReviewVerdict:
        """``error`` when it could not be planned, ``fail`` on any violation or a missing guard."""
        if self.error is not None:
            return "error"
        return "fail" if self.violations or not self.guarded else "pass"

    def change_counts(self) -> list[tuple[str, str, str, dict[str, int]]]:
        """(cloud, region, jurisdiction, {op: count}) of the preview's steps on cloud resources, by region."""
        counts: dict[tuple[str, str, str], dict[str, int]] = {}
        for c in self.changes:
            if c.cloud != NO_REGION:
                ops = counts.setdefault((c.cloud, c.region, c.jurisdiction), {})
                ops[c.op] = ops.get(c.op, 0) + 1
        return [(cloud, region, j, ops) for (cloud, region, j), ops in sorted(counts.items())]

    @property
    def protected(self) -> int:
        """How many resources are protected against deletion."""
        return sum(1 for r in self.resources if r.protect)

    @property
    def data_stores(self) -> tuple[PlannedResource, ...]:
        """Resources that hold data at rest, in URN order."""
        return tuple(r for r in self.resources if r.data_store)

    @cached_property
    def regions(self) -> tuple[RegionUse, ...]:
        """Cloud regions used, inside ones first, then by cloud and region."""
        counts: dict[tuple[str, str, str], int] = {}
        for r in self.resources:
            if r.cloud != NO_REGION:
                key = (r.cloud, r.region, r.jurisdiction)
                counts[key] = counts.get(key, 0) + 1
        uses = [RegionUse(cloud, region, j, j == self.jurisdiction_code, n) for (cloud, region, j), n in counts.items()]
        uses.sort(key=lambda u: (not u.inside, u.cloud, u.region))
        return tuple(uses)

    @cached_property
    def _components_by_urn(self) -> Mapping[str, ComponentInfo]:
        return {c.urn: c for c in self.components}

    def component(self, urn: str) -> ComponentInfo | None:
        """The component with this URN (None for the top level)."""
        return self._components_by_urn.get(urn)

    def groups(self) -> Groups:
        """Resources nested jurisdiction -> cloud -> region -> component URN, each level sorted
        (the stack's own jurisdiction first, resources outside any region last)."""
        tree: dict[str, dict[str, dict[str, dict[str, list[PlannedResource]]]]] = {}
        for r in self.resources:
            tree.setdefault(r.jurisdiction, {}).setdefault(r.cloud, {}).setdefault(r.region, {}).setdefault(
                r.component, []
            ).append(r)

        def j_order(code: str) -> tuple[int, str]:
            return (0 if code == self.jurisdiction_code else 2 if code == NO_REGION else 1, code)

        return [
            (
                code,
                [
                    (cloud, [(region, sorted(comps.items())) for region, comps in sorted(regions.items())])
                    for cloud, regions in sorted(clouds.items())
                ],
            )
            for code, clouds in sorted(tree.items(), key=lambda item: j_order(item[0]))
        ]


@dataclass(frozen=True)
class ReviewPlan:
    """The reviewer plan of every selected stack (``make plan``; not the deploy ``RolloutPlan``)."""

    stacks: tuple[StackPlan, ...]
    catalogue_version: str

    @property
    def verdict(self) -> ReviewVerdict:
        """``error`` if any stack could not be planned, else ``fail`` if any failed, else ``pass``."""
        verdicts = {s.verdict for s in self.stacks}
        if "error" in verdicts:
            return "error"
        return "fail" if "fail" in verdicts else "pass"

    @property
    def exit_code(self) -> int:
        """0 clean, 1 residency violations, 2 bad input or a stack that could not be planned."""
        return {"pass": 0, "fail": 1, "error": 2}[self.verdict]

    @property
    def violations(self) -> list[tuple[StackPlan, Violation]]:
        """Every violation of every stack, stack by stack."""
        return [(s, v) for s in self.stacks for v in s.violations]

    def summary(self) -> dict[str, Any]:
        """Totals over all stacks."""
        return {
            "stacks": len(self.stacks),
            "resources": sum(len(s.resources) for s in self.stacks),
            "components": sum(len(s.components) for s in self.stacks),
            "violations": sum(len(s.violations) for s in self.stacks),
            "failed_stacks": sum(1 for s in self.stacks if s.verdict == "fail"),
            "error_stacks": sum(1 for s in self.stacks if s.verdict == "error"),
        }
