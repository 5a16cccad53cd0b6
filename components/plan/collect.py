"""Run each stack's real program under the recording mocks and turn what it registered into a plan.

For every stack file: read it as the Pulumi CLI would (``secure:`` values stay placeholders), run
the project's ``__main__.py`` with ``components.simulate.run_pulumi_program`` inside
:func:`~components.residency.audit_session`, so the program's own ``enforce()`` guard runs in audit
mode and collects every violation, then describe every recorded resource (region, jurisdiction,
component, key) next to the guard's findings.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from components.config import NAMESPACE, check_stack_file
from components.config.stack_file import read_stack_file, stack_name_of
from components.errors import CatalogueError, ConfigError, ConfigProblems, ResidencyViolation, SovereignError
from components.plan.encryption import DATA_STORES, encryption_of
from components.plan.model import (
    NO_REGION,
    AuditTrailPlan,
    ComponentInfo,
    DataClassPlan,
    DeclarationUse,
    PlannedResource,
    StackError,
    StackPlan,
    Violation,
)
from components.project import Project
from components.residency import Finding, Guard, RuleEngine, Subject, audit_session, enforce, load_catalogue
from components.residency.catalogue import Catalogue, Jurisdiction, as_cloud
from components.residency.destinations import Destination, DestinationProblem, parse_destinations
from components.residency.engine import provider_site
from components.residency.rules import json_value, rule
from components.simulate import ProgramFile, ProgramRun, ResourceRecord, run_pulumi_program

__all__ = ["PlanInputError", "Project", "find_project", "find_stack_files", "plan_stack"]

STACK_GLOB = "Pulumi.*.yaml"


class PlanInputError(SovereignError):
    """The command line names something that does not exist (no project, no such stack)."""


def find_project(stacks_dir: Path) -> Project:
    """The project owning ``stacks_dir`` (:meth:`Project.above`), with the program the plan runs."""
    try:
        project = Project.above(stacks_dir)
    except ConfigError as exc:
        raise PlanInputError(str(exc)) from None
    if not project.program.is_file():
        raise PlanInputError(f"{project.program}: the project's program is missing. Fix: restore __main__.py.")
    return project


def find_stack_files(stacks_dir: Path, names: Sequence[str] = ()) -> list[Path]:
    """The stack files to plan: the named ones (in the order given) or every one, sorted by name."""
    if not stacks_dir.is_dir():
        problem = "is a file, not a directory" if stacks_dir.exists() else "no such directory"
        raise PlanInputError(f"{stacks_dir}: {problem}. Fix: pass --stacks-dir pointing at the stack files.")
    available = sorted(stacks_dir.glob(STACK_GLOB), key=stack_name_of)
    if not names:
        if not available:
            raise PlanInputError(f"{stacks_dir}: no {STACK_GLOB} stack files. Fix: add one per market.")
        return available
    by_name = {stack_name_of(f): f for f in available}
    chosen: list[Path] = []
    for name in dict.fromkeys(names):
        if name not in by_name:
            known = ", ".join(by_name) or "none"
            # A file name or path (`--stack stacks/Pulumi.cn.yaml`) or another case (`--stack CN`) names a stack
            # the user can see: say which, instead of a path with the name inside it.
            bare = Path(name).name.removeprefix("Pulumi.").removesuffix(".yaml").removesuffix(".yml")
            meant = next((s for s in by_name if s.lower() == bare.lower()), None)
            if meant is None:
                raise PlanInputError(
                    f"{stacks_dir / f'Pulumi.{name}.yaml'}: no such stack file (--stack {name}). "
                    f"Fix: use one of the stacks in {stacks_dir}: {known}."
                )
            problem = "names a file, not a stack" if bare != name else "no such stack (names are case-sensitive)"
            raise PlanInputError(f"--stack {name}: {problem}. Fix: --stack takes the stack's name: --stack {meant}.")
        chosen.append(by_name[name])
    return chosen


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _config_error(kind: Literal["input", "config"], exc: ConfigError, shown: str, real: str) -> StackError:
    """Every problem of ``exc`` as one paragraph each, naming the file as the report shows it."""
    paragraphs = tuple(_one_paragraph(str(p).replace(real, shown, 1)) for p in exc.problems)
    more = len(paragraphs) - 1
    message = paragraphs[0] + (f" (and {more} more problem{'s' if more > 1 else ''} in this file)" if more else "")
    return StackError(kind, shown, exc.key, message, paragraphs)


def _error(exc: BaseException, file: str, stack: str) -> tuple[StackError, Violation | None]:
    """Classify what a program raised (the program wraps toolkit errors in ``pulumi.RunError``)."""
    for cause in _causes(exc):
        if isinstance(cause, ConfigError):
            return _config_error("config", cause, cause.file or file, cause.file or file), None
        if isinstance(cause, CatalogueError):
            return StackError("catalogue", file, "", _one_paragraph(f"{file}: {cause}")), None
        if isinstance(cause, ResidencyViolation):
            broken = rule(cause.rule_id)  # every ResidencyViolation cites a rule of the table
            violation = Violation(
                cause.rule_id,
                broken.name,
                cause.resource_type,
                cause.resource_name,
                "",
                cause.path,
                json_value(cause.value),
                # The same wording as a finding's message: the rule's sentence, then the detail.
                f"{broken.message} {cause.detail}",
                cause.fix,
            )
            message = f"{file}: the program stopped at a residency violation, so the plan is incomplete: {cause}"
            return StackError("program", file, "", _one_paragraph(message)), violation
        if isinstance(cause, SovereignError):
            return StackError("program", file, "", _one_paragraph(f"{file}: {cause}")), None
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    message = (
        f"{file}: the program failed while planning stack {stack}: {type(exc).__name__}: {first}. "
        f"Fix: this is a bug in the program or its components, not in the stack file; reproduce it with "
        f"`python -m components.plan --stack {stack}` and fix the code it points at."
    )
    return StackError("program", file, "", _one_paragraph(message)), None


def _jurisdiction_label(catalogue: Catalogue, home: Jurisdiction | None, cloud_name: str, region: str) -> str:
    cloud = as_cloud(cloud_name)
    if cloud is None:
        return NO_REGION
    if home is not None and home.allows_region(cloud, region):
        return home.code
    if region not in catalogue.known_regions(cloud):
        return "UNKNOWN"
    codes = catalogue.jurisdictions_of(cloud, region)
    return "+".join(codes) if codes else "OUTSIDE"


def _components(records: Sequence[ResourceRecord]) -> tuple[dict[str, str], tuple[ComponentInfo, ...]]:
    """Nearest enclosing component of every record, and every component (URN order)."""
    by_urn = {r.urn: r for r in records}
    nearest: dict[str, str] = {}

    def enclosing(urn: str) -> str:
        if urn in nearest:
            return nearest[urn]
        found = ""
        parent = by_urn.get(by_urn[urn].parent) if urn in by_urn else None
        # Walk up through custom parents (rare) to the first component; the stack itself is "".
        while parent is not None:
            if not parent.custom:
                found = parent.urn
                break
            parent = by_urn.get(parent.parent)
        nearest[urn] = found
        return found

    for record in records:
        enclosing(record.urn)
    components = tuple(
        ComponentInfo(r.urn, r.type, r.name, nearest[r.urn])
        for r in sorted(records, key=lambda r: r.urn)
        if not r.custom
    )
    return nearest, components


def build_stack_plan(
    stack: str,
    file: str,
    records: Sequence[ResourceRecord],
    jurisdiction: Jurisdiction | None,
    findings: Sequence[Finding],
    *,
    secret_keys: Sequence[str] = (),
    guarded: bool = True,
    catalogue: Catalogue | None = None,
    declarations: Sequence[DeclarationUse] = (),
) -> StackPlan:
    """Describe recorded resources next to the guard's findings (split out for benchmarks and tests)."""
    catalogue = catalogue or load_catalogue()
    records = sorted(records, key=lambda r: r.urn)
    nearest, components = _components(records)
    region_of = {r.urn: r.region or NO_REGION for r in records if r.custom}
    encryption = encryption_of((r for r in records if r.custom), region_of)
    resources = tuple(
        PlannedResource(
            urn=r.urn,
            type=r.type,
            name=r.name,
            cloud=r.cloud or NO_REGION,
            region=(r.region or NO_REGION) if r.cloud else NO_REGION,
            jurisdiction=_jurisdiction_label(catalogue, jurisdiction, r.cloud or "", r.region or ""),
            component=nearest[r.urn],
            protect=r.protect,
            retain_on_delete=r.retain_on_delete,
            operation="read" if r.read_id else "import" if r.import_id else "create",
            data_store=r.type in DATA_STORES,
            encryption=encryption.get(r.urn),
        )
        for r in records
        if r.custom
    )
    urn_of = {(r.type, r.name): r.urn for r in reversed(records)}
    violations = sorted(
        (Violation.of(f, urn_of.get((f.resource_type, f.resource_name), "")) for f in findings),
        key=lambda v: (v.rule, v.urn, v.path, str(v.value)),
    )
    declared = tuple(dict.fromkeys(v for v in violations if v.declared_by))
    violations = [v for v in violations if not v.declared_by]
    return StackPlan(
        notes=account_site_notes(records),
        stack=stack,
        file=file,
        jurisdiction_code=jurisdiction.code if jurisdiction else "",
        jurisdiction_name=jurisdiction.name if jurisdiction else "",
        resources=resources,
        components=components,
        violations=tuple(dict.fromkeys(violations)),
        secret_keys=tuple(sorted(secret_keys)),
        guarded=guarded,
        declared=declared,
        declarations=tuple(declarations),
    )


def account_site_notes(records: Sequence[ResourceRecord]) -> tuple[str, ...]:
    """(alired54b) The Alibaba Cloud account site each explicit ``alicloud`` provider of the stack was judged with
    (``engine.provider_site``: its ``account_type`` input), one note per provider, for the reviewer to see: an
    International account sends Cloud Firewall, ESA and Cloud Config calls to Singapore whatever the Region."""
    notes = []
    for r in records:
        if r.type != ALICLOUD_PROVIDER:
            continue
        region = r.inputs.get("region")
        where = f" ({region})" if isinstance(region, str) and region else ""
        site = provider_site(r.inputs)
        notes.append(
            f"Alibaba Cloud provider {r.name!r}{where} judged with account site {site!r} (its account_type input)."
            if site is not None
            else f"Alibaba Cloud provider {r.name!r}{where} names no account site (account_type), so none was "
            "judged: at deploy time the provider reads ALIBABA_CLOUD_ACCOUNT_TYPE or asks BSS, which no door sees."
        )
    return tuple(notes)


def default_site_notes(records: Sequence[ResourceRecord], config: Mapping[str, str]) -> tuple[str, ...]:
    """(alired55) The account site the default Alibaba Cloud provider would use, for a stack with resources on it:
    the offline plan records no default provider (the preview review lists it with its inputs, account_site_notes),
    so the reviewer did not see which site the stack file (``alicloud:accountType``) or, naming none, the runner
    (``ALIBABA_CLOUD_ACCOUNT_TYPE``, the provider's DefaultFunc) gives it. No door judges a site there: every resource
    on a default provider is refused already (RES-002)."""
    count = sum(1 for r in records if r.custom and r.type.startswith("alicloud:") and not r.provider)
    if not count:
        return ()
    named = config.get("alicloud:accountType")
    runner = os.environ.get("ALIBABA_CLOUD_ACCOUNT_TYPE")
    head = f"{count} Alibaba Cloud resource(s) use the default provider (refused: RES-002)"
    if named or runner:
        whence = "the stack file's alicloud:accountType" if named else "the runner's ALIBABA_CLOUD_ACCOUNT_TYPE"
        return (f"{head}; it would use account site {named or runner!r} ({whence}).",)
    return (
        f"{head}; neither the stack file (alicloud:accountType) nor the runner (ALIBABA_CLOUD_ACCOUNT_TYPE) names its "
        "account site, so the provider would ask BSS at deploy time.",
    )


ALICLOUD_PROVIDER = "pulumi:providers:alicloud"
"""The type token of an explicit Alibaba Cloud provider (its account site noted in the plan)."""


def declaration_uses(guards: Sequence[Guard]) -> tuple[DeclarationUse, ...]:
    """Every declaration of the guards' registers, with how often it was used and whether it expires soon."""
    uses: list[DeclarationUse] = []
    for guard in guards:
        engine = guard.engine
        today = engine.judging_date()
        for d in engine.destinations:
            uses.append(
                DeclarationUse(
                    d.id,
                    d.kind,
                    d.match,
                    engine.used.get(d.id, 0),
                    d.expires.isoformat() if d.expires else None,
                    d.expiring(today),
                )
            )
    return tuple(uses)


def _display_path(file: Path, project: Project) -> str:
    try:
        return str(file.resolve().relative_to(project.directory))
    except ValueError:
        return str(file)


def plan_stack(file: Path, project: Project) -> StackPlan:
    """Plan one stack file: never raises for bad input or a failing program (see ``StackPlan.error``)."""
    stack = stack_name_of(file)
    shown = _display_path(file, project)
    try:
        return _plan_stack(file, project, stack, shown)
    except Exception as exc:  # a bug of the toolkit itself must not stop the other stacks
        first = _one_paragraph(str(exc))[:300]
        message = (
            f"{shown}: the plan itself failed on this stack: {type(exc).__name__}: {first}. Fix: this is a bug "
            "in sovereign-dc, not in the stack file; report it with the stack file attached."
        )
        return StackPlan(stack, shown, error=StackError("program", shown, "", message))


def _validate(file: Path, shown: str) -> tuple[dict[str, str], list[str]] | StackError:
    """The stack file's config, or a ``StackError`` listing every problem of the file.

    A sovereign-dc stack file (one with ``sovereign-dc:datacenter``) is validated in full before
    its program runs, so the reviewer sees every problem at once rather than the program's first.
    """
    try:
        contents = read_stack_file(file, shown)
    except ConfigError as exc:
        return _config_error("input", exc, shown, str(file))
    if f"{NAMESPACE}:datacenter" in contents.config:
        try:
            check_stack_file(file, shown)
        except ConfigError as exc:
            return _config_error("input" if contents.problems else "config", exc, shown, str(file))
    if contents.problems:
        return _config_error("input", ConfigProblems(contents.problems), shown, str(file))
    return contents.config, contents.secret_keys


def _plan_stack(file: Path, project: Project, stack: str, shown: str) -> StackPlan:
    validated = _validate(file, shown)
    if isinstance(validated, StackError):
        return StackPlan(stack, shown, error=validated)
    config, secret_keys = validated
    catalogue = load_catalogue()
    # The one program runner (components.simulate): it forgets the program's local modules after each
    # stack, so the next stack executes them afresh (a stale module would register nothing).
    program = ProgramFile(project.program)
    guards, run = _run_audited(program, project, stack, config, secret_keys)
    guarded = bool(guards)
    if run.error is None and not guarded:
        # The program never called enforce(): judge it anyway against the configured jurisdiction,
        # so the reviewer sees what would break; the stack still fails for being unguarded.
        try:
            code = catalogue.get(config.get(f"{NAMESPACE}:jurisdiction", "")).code
        except CatalogueError:
            code = ""
        if code:
            declared = _declared(config.get(f"{NAMESPACE}:destinations"))
            guards, run = _run_audited(
                ProgramFile(project.program, prelude=lambda: enforce(code, destinations=declared)),
                project,
                stack,
                config,
                secret_keys,
            )
    if run.error is not None:
        error, violation = _error(run.error, shown, stack)
        return StackPlan(
            stack, shown, violations=(violation,) if violation else (), secret_keys=tuple(secret_keys), error=error
        )
    planned = build_stack_plan(
        stack,
        shown,
        run.resources,
        guards[0].engine.jurisdiction if guards else None,
        [f for guard in guards for f in guard.findings]
        + (remote_component_findings(guards[0].engine, run.resources) if guards else []),
        secret_keys=secret_keys,
        guarded=guarded,
        catalogue=catalogue,
        declarations=declaration_uses(guards),
    )
    protection, trails = data_protection_of(run.outputs)
    notes = planned.notes + default_site_notes(run.resources, config)
    return dataclasses.replace(planned, data_protection=protection, audit_trails=trails, notes=notes)


def data_protection_of(outputs: Mapping[str, Any]) -> tuple[tuple[DataClassPlan, ...], tuple[AuditTrailPlan, ...]]:
    """The ``dataProtection`` and ``auditTrail`` outputs of each cloud, as plan data (sorted)."""
    classes: list[DataClassPlan] = []
    trails: list[AuditTrailPlan] = []
    for cloud in sorted(k for k, v in outputs.items() if isinstance(v, Mapping)):
        entry = outputs[cloud]
        for data_class, spec in sorted((entry.get("dataProtection") or {}).items()):
            classes.append(
                DataClassPlan(
                    cloud=cloud,
                    data_class=data_class,
                    category=str(spec["category"]),
                    retention_days=int(spec["retentionDays"]),
                    max_age_days=int(spec["maxAgeDays"]),
                    lock_mode=str(spec["lockMode"]),
                    access_logging=bool(spec["accessLogging"]),
                    backup_regions=tuple(spec["backupRegions"]),
                )
            )
        trail = entry.get("auditTrail")
        if isinstance(trail, Mapping):
            trails.append(
                AuditTrailPlan(
                    cloud=cloud,
                    service=str(trail["service"]),
                    regions=tuple(trail["regions"]),
                    trail_bucket=str(trail["trailBucket"]),
                    flow_logs=bool(trail["flowLogs"]),
                )
            )
    return tuple(classes), tuple(trails)


def _declared(raw: str | None) -> list[Destination]:
    """The stack file's register for a program that never called enforce() (best effort: the program's
    own config loader is what reports a bad register)."""
    try:
        return parse_destinations(json.loads(raw)) if raw else []
    except (ValueError, DestinationProblem):
        return []


def remote_component_findings(engine: RuleEngine, records: Sequence[ResourceRecord]) -> list[Finding]:
    """Remote components judged as the engine-time front doors judge them.

    A remote (multi-language) component's children are built by its provider plugin, out of reach
    of the in-process guard and of the mocks, and the SDK marks a component remote only after the
    guard's transformation has run. At engine time the component arrives with its provider, so the
    policy pack and the preview review judge it as a resource of its package: refused (RES-013)
    unless that package is covered. The plan does the same, so all front doors agree.
    """
    findings: list[Finding] = []
    for record in records:
        if record.remote:
            subject = Subject(record.type, record.name, record.inputs, custom=True)
            findings.extend(engine.check(subject, defer=lambda _value: False)[0])
    return findings


def _run_audited(
    program: Callable[[], object], project: Project, stack: str, config: dict[str, str], secret_keys: list[str]
) -> tuple[list[Guard], ProgramRun]:
    with audit_session() as guards:
        run = run_pulumi_program(
            program, project=project.name, stack=stack, config=config, secret_keys=secret_keys, raise_on_error=False
        )
    return guards, run
