"""Judge a real preview or a deployed state with the one rule engine, into the plan's report model.

Every resource of the document becomes a :class:`~components.residency.engine.Subject` for
``RuleEngine.check``; no rule is written here. What this module adds is what only a document can
tell: which provider a reference (``<URN>::<id>``) points to, which resources an unknown input is
computed from (``propertyDependencies``), and which steps remove rather than create.

- Creates, updates, replaces, reads, imports, refreshes and unchanged resources are judged;
  deletes are not (removing a resource moves no data).
- A provider reference is resolved to the provider's own entry. A default provider (``default`` or
  ``default_<version>``) is refused by the engine (RES-002); a provider the document does not hold
  cannot be verified and is refused (RES-012), as is a provider whose region is not pinned (RES-001,
  on the provider itself).
- An input carrying the unknown sentinel passes only when every resource it is computed from is an
  in-jurisdiction resource of this stack (RES-014, :mod:`components.residency.provenance`, shared
  with the policy pack).
- A state review judges outputs as well as inputs: they say where the data actually is.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, cast

from components.config.stack_file import NAMESPACE
from components.errors import CatalogueError
from components.plan.collect import _jurisdiction_label, build_stack_plan
from components.plan.documents import (
    IMPORT_OPS,
    JURISDICTION_KEY,
    REMOVING_OPS,
    DocumentError,
    EngineDocument,
    Entry,
    is_unknown,
    read_source,
    split_urn,
)
from components.plan.model import NO_REGION, Change, FieldChange, Operation, ReviewPlan, StackPlan, Violation
from components.residency import stacksets, stages
from components.residency.catalogue import Catalogue, Jurisdiction, load_catalogue
from components.residency.destinations import Destination, DestinationProblem, check_destinations, parse_destinations
from components.residency.engine import (
    CLOUD_PACKAGES,
    Pending,
    ProviderRef,
    RuleEngine,
    Subject,
    is_default_provider_name,
    is_free_text,
    package_of,
    prop_of,
    provider_accounts,
    provider_site,
    stack_account_keys,
)
from components.residency.provenance import (
    Reasons,
    Source,
    judged_by_its_values,
    own_bucket,
    own_names,
    refused_itself,
    regionless_known,
    remembered_reason,
    unproven_unknowns,
)
from components.residency.rules import SECRET_PLACEHOLDER, Finding, RuleId, rule
from components.simulate import ResourceRecord, Secret

__all__ = ["JUDGED_OPS", "REMOVING_OPS", "review_files", "resolve_jurisdiction", "review_document"]

JUDGED_OPS: frozenset[str] = frozenset(
    {
        "create",
        "update",
        "replace",
        "create-replacement",
        "same",
        "read",
        "read-replacement",
        "import",
        "import-replacement",
        "refresh",
    }
)
"""Steps whose resulting resource is judged. Any other (future) op is judged too: fail closed."""
_READ_OPS = frozenset({"read", "read-replacement"})


def _is_read(entry: Entry) -> bool:
    """The program reads ``entry`` (a `get` or a data source resource), which it does not make."""
    return entry.op in _READ_OPS or bool(entry.external)


# Per-resource rules: judged once from the inputs, not again from the outputs of a state.
_RESOURCE_LEVEL = frozenset(
    {RuleId.PROVIDER_REGION_PINNED, RuleId.EXPLICIT_PROVIDER, RuleId.VERIFIED_PROVIDER, RuleId.COVERED_PACKAGE}
)
# A resource's own placement: every output of a resource refused under one of these is where it is (on the engine's
# default provider, RES-002: wherever its ambient region put it, as the guard reports it once).
_PLACEMENT = frozenset({RuleId.PROVIDER_REGION_PINNED, RuleId.EXPLICIT_PROVIDER, RuleId.RESOURCE_REGION_OVERRIDE})
_SHOWN_CHARS = 80


def _agree_with_stack_file(document: EngineDocument, stack_config: Mapping[str, str], stack_file: str) -> None:
    """A document with its own config is judged by it; a ``--stack-file`` naming another jurisdiction is refused
    rather than ignored (the reviewer believed its jurisdiction and register applied)."""
    own = (document.config or {}).get(JURISDICTION_KEY, "").strip()
    given = stack_config.get(JURISDICTION_KEY, "").strip()
    if own and given and own.upper() != given.upper():
        raise DocumentError(
            f"{document.file}: the document's config says `{JURISDICTION_KEY}` is {own!r} but --stack-file "
            f"{stack_file} says {given!r}. Fix: pass the stack file of the stack this preview was made from, or drop "
            "--stack-file (a preview carries its own config)."
        )


def resolve_jurisdiction(document: EngineDocument, code: str | None, catalogue: Catalogue) -> Jurisdiction:
    """The jurisdiction to judge against: ``--jurisdiction`` and/or the document's own config, which must agree."""
    configured = (document.config or {}).get(JURISDICTION_KEY)
    if configured is not None and not configured.strip():
        configured = None
    if code and configured and code.strip().upper() != configured.strip().upper():
        raise DocumentError(
            f"{document.file}: the document's config says `{JURISDICTION_KEY}` is {configured!r} but "
            f"--jurisdiction is {code!r}. Fix: review it against the stack's own jurisdiction (drop --jurisdiction)."
        )
    chosen = code or configured
    if not chosen:
        where = (
            "a stack export carries no config" if document.config is None else f"its config has no `{JURISDICTION_KEY}`"
        )
        known = ", ".join(sorted(catalogue.jurisdictions))
        raise DocumentError(
            f"{document.file}: no jurisdiction to judge against ({where}). "
            f"Fix: pass --jurisdiction CODE (one of {known})."
        )
    try:
        return catalogue.get(chosen.strip())
    except CatalogueError as exc:
        raise DocumentError(f"{document.file}: {exc}") from None


def _plain_region(value: Any) -> str | None:
    return value if isinstance(value, str) and value and not is_unknown(value) else None


def _revealed(value: Any) -> Any:
    """A secret input as its value (a stack instance's overrides, read by the StackSet join as the engine reads them);
    one the document blinds stays the secret, which the engine defers (noted as blinded, as every blinded input)."""
    return value.value if isinstance(value, Secret) and value.value != SECRET_PLACEHOLDER else value


_PLAIN_LEAVES = (str, int, float, bool, type(None))


def _same_value(a: Any, b: Any) -> bool:
    """Whether two document values are the same, strictly: the same types at every level (``1`` is not ``True``
    nor ``1.0``), maps with the same keys in the same order, secrets holding the same value; any other object only
    itself."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return len(a) == len(b) and all(
            ka == kb and type(ka) is type(kb) and _same_value(a[ka], b[kb]) for ka, kb in zip(a, b, strict=True)
        )
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Secret):
        return _same_value(a.value, b.value)
    return bool(a == b) if isinstance(a, _PLAIN_LEAVES) else a is b


def _same_subject(a: Subject, b: Subject) -> bool:
    """Whether the engine is given the same subject twice (perf63; see :func:`_same_value`)."""
    return (
        (a.type, a.name, a.provider, a.read_id, a.import_id, a.custom)
        == (b.type, b.name, b.provider, b.read_id, b.import_id, b.custom)
        and _same_value(a.read_id, b.read_id)
        and _same_value(a.import_id, b.import_id)
        and _same_value(a.props, b.props)
    )


def _unknown_inputs(pending: Iterable[Pending]) -> list[Pending]:
    """(perf64) Of what the inputs' judgement deferred (``defer``: unknown or secret, ``known``: the entry's), the
    unknowns under an input key: exactly the values ``engine.check(subject, defer=is_unknown)`` (no ``known``) defers
    under an input key, in the same order; the provenance pass reads only their keys (``Pending.top_key``).

    Why they are the same: a deferred value carries an input key only when the walk reached it from
    :meth:`RuleEngine.check`'s loop over the inputs through ``_walk``'s own descent (maps' items, lists' items, an input
    type's fields); every other reader (a document, a template, a script) walks with no key (``top_key`` None), and a
    provider's ``region`` is deferred under "region" by a test of ``defer`` alone. What decides that descent reads no
    ``known``: the value's type, a Deny statement, a free-text key, an event target built at run time (its ``form``,
    the key path, the catalogue), and ``_judged_as_intrinsic``, which answers False outside a template document
    (``template_resources`` is set only while ``_walk_one_document`` walks one, with no key, and restored after).
    ``known`` changes what is found, and inside a document what is walked (a StackSet's template runs once per
    instance's overrides, ``_instance_runs``), never which input keys hold an unknown. A secret deferred here is walked
    there, where ``_walk_other`` reads nothing in it: it holds no keyed unknown on either side. Pinned by
    ``tests/test_plan_review.py`` ``test_perf64_*``."""
    return [p for p in pending if p.top_key is not None and is_unknown(p.value)]


def _input_key(entry: Entry, field: str) -> object:
    """The resource an input (``field``, snake_case) names, as ``stages.api_key`` keys it: the URNs the input is
    computed from, else its literal value."""
    urns = prop_of(entry.property_dependencies or {}, field) or ()
    return stages.api_key(prop_of(entry.inputs, field), urns, is_unknown)


class _Review:
    """One judging pass over one document."""

    def __init__(self, document: EngineDocument, engine: RuleEngine) -> None:
        self.document = document
        self.engine = engine
        self.live = [e for e in document.entries if e.op not in REMOVING_OPS]
        self.by_urn: dict[str, Entry] = {e.urn: e for e in self.live}
        self.findings: list[tuple[Entry, Finding]] = []
        if any(e.view_of for e in self.live):
            self.live = [self._as_viewed(e) if e.view_of else e for e in self.live]
            self.by_urn = {e.urn: e for e in self.live}
        self.blinded: set[str] = set()
        # What one judging pass derives of a resource more than once, made once (everything these read is built here
        # and never changes while the document is judged): its regionless names and hosts (``known_for``: read for its
        # inputs, its outputs, and by every resource computed from it), the resource as a source (``source``) and why
        # it cannot vouch for a value computed from it (``provenance.unproven_unknowns``'s ``reasons``).
        self._known: dict[int, tuple[Entry, Callable[[str], bool]]] = {}
        self._sources: dict[str, Source | str] = {}
        self._reasons: Reasons = {}
        self._steps_vouch: bool | None = None
        self.misplaced: set[str] = set()
        """URNs of the providers and resources refused for their region (RES-001, RES-003), and of the resources
        on such a provider."""
        # Bucket and global-group names this stack creates: regionless references to them are proven (RES-017).
        # A resource the program only reads (`Bucket.get`, op `read`, `external` in a state) makes nothing: its name
        # proves nothing, nor do the names it carries (made-by-this-stack review, stop 35).
        self.created: set[str] = {
            name
            for e in self.live
            if not _is_read(e)
            for name in (engine.created_name(e.type, e.inputs), engine.created_name(e.type, e.outputs))
            if name is not None
        }
        # The accounts every AWS and Alibaba Cloud provider of the stack is pinned to (not the engine's default ones):
        # a grant to one is the stack's own from any of its providers (RES-023), as the guard and the pack read them.
        self.created.update(
            key
            for e in self.live
            if not is_default_provider_name(e.name)
            for key in stack_account_keys(e.type, e.inputs)
        )
        # The REST and HTTP APIs' Stages and Integrations, joined by API (stage-variables join, stops 37 and 39).
        self.stages = stages.StageJoin(is_unknown)
        for e in self.live:
            if e.type in stages.MEMBER_TYPES and not _is_read(e):
                self.stages.add(e.type, e.inputs, self.rest_api_key(e), _input_key(e, stages.member_key_input(e.type)))
            elif stages.makes_vpc_link(e.type) and not _is_read(e):
                self.stages.add_link(stages.own_api_key(e.urn, e.id))
        # (stackinst50) The stack instances the program makes, by the StackSet / stack group they name: its template is
        # judged once per instance with its overrides (``stacksets.StackSetJoin``), as the guard and the pack judge it.
        self.stack_sets = stacksets.StackSetJoin(is_unknown, _revealed)
        for e in self.live:
            if e.type in stacksets.instance_types() and not _is_read(e):
                self.stack_sets.add_instance(e.type, e.inputs, self._stack_set_key(e))

    def rest_api_key(self, entry: Entry) -> object:
        """The API a Stage or Integration belongs to (``stages.api_key``), as the policy pack reads it; a RestApi's own
        (``stages.own_api_key``)."""
        if entry.type in stages.SELF_KEYED_TYPES:  # an API (its body), an Alibaba Cloud Backend (stop 44)
            return stages.own_api_key(entry.urn, entry.id)
        return _input_key(entry, stages.api_input(entry.type))

    def _stack_set_key(self, entry: Entry) -> object:
        """The StackSet a stack instance names by what its name input is computed from (a StackSet of the document),
        as the pack keys it (``stacksets.stack_set_key``); None when it is computed from none."""
        urns = stacksets.name_dependencies(entry.type, entry.property_dependencies)
        return stacksets.stack_set_key(entry.type, ((self.by_urn[u].type, u) for u in urns if u in self.by_urn))

    def connection_key(self, entry: Entry) -> object:
        """An Integration's ``connection_id`` keyed as ``rest_api_key`` keys an API (``stages.VPC_LINK_MADE``); None for
        a type that names no VPC link (``stages.connection_input``)."""
        body = stages.body_private_integration(entry.type)
        if body is not None:
            # An API's OpenAPI body names a link by id: the keys of the resources the body is computed from
            # (``stages.VPC_LINK_ID``; a link among them whose id it writes). A document without property
            # dependencies (a state export) gives the resource's dependencies: still a link whose id the body writes.
            deps = entry.property_dependencies
            urns = entry.dependencies if deps is None else deps.get(body.input) or ()
            return frozenset(("urn", u) for u in urns)
        field = stages.connection_input(entry.type)
        return None if field is None else _input_key(entry, field)

    def known_for(self, entry: Entry) -> Callable[[str], bool]:
        """Regionless names and hosts proven for ``entry``: made by a resource its values come from, its own
        names (``bucketDomainName`` in its outputs), or a bucket this stack creates (as the policy pack)."""
        held = self._known.get(id(entry))
        if held is None or held[0] is not entry:  # the entry is kept with its answer: its id is never another's
            held = self._known[id(entry)] = (entry, self._known_for(entry))
        return held[1]

    def _known_for(self, entry: Entry) -> Callable[[str], bool]:
        urns = set(entry.dependencies)
        for deps in (entry.property_dependencies or {}).values():
            urns.update(deps)
        produced = [
            p
            for u in urns
            if u in self.by_urn and not _is_read(self.by_urn[u])
            for bag in _bags(self.by_urn[u])
            for p in self.engine.produced_by(self.by_urn[u].type, bag)
        ]
        ids = [entry.id] if entry.id else []
        own = [n for bag in _bags(entry) for n in own_names(self.engine, entry.type, bag, ids)]
        # The ARN outputs of the roles made with this resource's provider that its values come from (stop 42), as the
        # guard and the pack read them: the stack's own account. Only what an input is computed from (its property
        # dependencies, as the guard reads an Output's resources): a role ARN written out beside `depends_on=[role]` is
        # judged as the guard judges a plain value. Not its dependencies when the document records none (the engine
        # omits an empty map): fail closed.
        made = self.made_arns(entry, {u for deps in (entry.property_dependencies or {}).values() for u in deps})
        created = self.created | set(made) if made else self.created
        known = regionless_known(created, produced, own, own_bucket(self.engine, entry.type, _props(entry), ids))
        if entry.type in stacksets.stack_set_types() and not _is_read(entry):
            return stacksets.with_instances(
                known, self.stack_sets.overrides(entry.type, entry.inputs, [stacksets.urn_key(entry.urn)])
            )
        if entry.type not in stages.JOIN_TYPES:
            return known
        own_key, resource = (
            stages.own_api_key(entry.urn, entry.id),
            _input_key(entry, stages.member_key_input(entry.type)),
        )
        method = stages.integration_method(entry.type, entry.inputs, own_key, resource, is_unknown)
        return stages.with_stages(
            known, self.stages, entry.type, self.rest_api_key(entry), self.connection_key(entry), method
        )

    def made_arns(self, entry: Entry, urns: Iterable[str]) -> list[str]:
        """The ``made_arn_key`` keys of the role ARNs (``RuleEngine.made_arns``) of the resources ``urns`` that are made
        with ``entry``'s provider (the same provider reference; a default provider is the engine's, never the same)."""
        reference = entry.provider
        if not reference:
            return []
        outputs = self.engine.made_arn_outputs  # only the catalogued types: no other resource is read (perf42)
        roles = [
            d for u in urns if (d := self.by_urn.get(u)) is not None and d.type in outputs and d.provider == reference
        ]
        if not roles:
            return []  # most resources: no role among what they are computed from, nothing to parse
        try:
            name = split_urn(reference.rsplit("::", 1)[0])[3]
        except ValueError:
            return []
        if is_default_provider_name(name):
            return []
        return [
            key
            for d in roles
            for bag in _bags(d)
            for key in self.engine.made_arns(d.type, {k: v for k, v in bag.items() if not is_unknown(v)})
        ]

    def _as_viewed(self, entry: Entry) -> Entry:
        """A view (``viewOf``) as the cloud resource it is: the engine writes it with ``custom`` false and no provider
        (pulumi ``pkg/resource/deploy/resource_status.go``), but its values are what the provider of the resource it
        is a view of reported from the cloud (a Terraform module's resources, say): judged as that provider's."""
        viewed = self.by_urn.get(entry.view_of)
        if viewed is None:
            package, is_provider = package_of(entry.type)
            if not is_provider and package in CLOUD_PACKAGES:
                detail = (
                    f"It is a view of {entry.view_of}, which is not in this document, so the provider that reported it "
                    "cannot be verified (preview with --show-sames so that unchanged resources are listed)."
                )
                finding = Finding(
                    rule(RuleId.VERIFIED_PROVIDER), entry.type, entry.name, "viewOf", entry.view_of, detail
                )
                self.findings.append((entry, finding))
            return entry  # refused above: which provider reported it is unknown
        return dataclasses.replace(entry, custom=True, provider=entry.provider or viewed.provider)

    # -- providers ----------------------------------------------------------------------------

    def provider_entry(self, entry: Entry) -> Entry | None:
        reference = entry.provider
        return self.by_urn.get(reference.rsplit("::", 1)[0]) if reference else None

    def provider_ref(self, entry: Entry) -> tuple[ProviderRef | None, Finding | None]:
        package, is_provider = package_of(entry.type)
        if is_provider or not entry.custom or package not in CLOUD_PACKAGES:
            return None, None
        if not entry.provider:
            return ProviderRef(package, "", default=True), None
        provider_urn = entry.provider.rsplit("::", 1)[0]
        try:
            name = split_urn(provider_urn)[3]
        except ValueError:
            name = provider_urn
        if is_default_provider_name(name):
            return ProviderRef(package, name, default=True), None
        found = self.by_urn.get(provider_urn)
        if found is None:
            detail = (
                f"Provider {name!r} ({provider_urn}) is not in this document, so its region cannot be verified "
                "(preview with --show-sames so that unchanged providers are listed)."
            )
            return ProviderRef(package, name), Finding(
                rule(RuleId.VERIFIED_PROVIDER), entry.type, entry.name, "provider", entry.provider, detail
            )
        region = _plain_region(found.inputs.get("region"))
        site = provider_site(found.inputs)
        return ProviderRef(package, name, region, accounts=provider_accounts(found.inputs), site=site), None

    # -- subjects -----------------------------------------------------------------------------

    def subject(self, entry: Entry, props: Mapping[str, Any] | None = None, ids: bool = True) -> Subject:
        ref, _ = self.provider_ref(entry)
        read = ids and (entry.op in _READ_OPS or entry.external)
        imported = ids and bool(entry.import_id) and (entry.op in IMPORT_OPS or self.document.kind == "state")
        return Subject(
            type=entry.type,
            name=entry.name,
            props=entry.inputs if props is None else props,
            provider=ref,
            read_id=entry.id or None if read else None,
            import_id=entry.import_id if imported else None,
            # A remote (multi-language) component carries its package's provider, as the policy pack
            # sees it: judged as a resource of that package (RES-013 unless covered), everywhere alike.
            custom=entry.custom or bool(entry.provider),
        )

    def source(self, urn: str) -> Source | str:
        found = self._sources.get(urn)
        if found is None:
            found = self._sources[urn] = self._source(urn)
        return found

    def _source(self, urn: str) -> Source | str:
        entry = self.by_urn.get(urn)
        if entry is None:
            return f"{urn} is not in this document (preview with --show-sames to list unchanged resources)"
        provider = self.provider_entry(entry)
        provider_subject = Subject(provider.type, provider.name, provider.inputs) if provider is not None else None
        return Source(
            entry.type,
            entry.name,
            self.subject(entry),
            provider_subject,
            known=lambda: self.known_for(entry),
            read=_is_read(entry),  # stackref53b: judged by its values (provenance.judged_by_its_values), as the pack
        )

    # -- judging ------------------------------------------------------------------------------

    def judge(self, entry: Entry) -> None:
        _package, is_provider = package_of(entry.type)
        if is_provider and is_default_provider_name(entry.name):
            return  # creates nothing itself; every resource using it is refused (RES-002)
        _, missing_provider = self.provider_ref(entry)
        if missing_provider is not None:
            self.findings.append((entry, missing_provider))
        if entry.op in IMPORT_OPS and entry.custom and not entry.import_id:
            # The engine gives every custom import an import id (step.go NewImportStep); a document without it cannot
            # say which existing resource is adopted, nor where it is (RES-010 judges that id).
            detail = (
                "This import's id is not in the document (an event log's StepEventStateMetadata has no importID and "
                "the id is empty until the resource is read), so the resource it adopts cannot be placed. Review the "
                "`pulumi preview --json` digest, whose newState records importID."
            )
            self.findings.append(
                (
                    entry,
                    Finding(
                        rule(RuleId.EXISTING_RESOURCE_IN_JURISDICTION),
                        entry.type,
                        entry.name,
                        "importID",
                        "(not recorded)",
                        detail,
                    ),
                )
            )
        subject = self.subject(entry)
        pending: list[Pending] = []
        judged = self._check(entry, subject, "", pending)
        placement = {f.rule.id for f in judged} & _PLACEMENT
        provider = entry.provider.rsplit("::", 1)[0] if entry.provider else ""
        if placement or provider in self.misplaced:
            # Refused for where it is (its provider's region, its own region override): its outputs are all there
            # too (its ARN, its endpoints), so judging them would repeat that one finding under other rules.
            self.misplaced.add(entry.urn)
        elif entry.outputs:
            # Outputs are what the provider reported: a state's, and in a preview those the engine read during it (a
            # refresh, `--refresh` or `refreshBeforeUpdate`, whose step carries the refreshed state: drift made
            # outside the program is there only) or the provider planned. They say where the data actually is.
            outputs = self.subject(entry, entry.outputs, ids=False)
            if _same_subject(outputs, subject):
                # perf63: the very subject just judged (outputs that add nothing to the inputs, as a provider that
                # computes nothing reports them): the engine's verdict is a function of the subject and the same
                # `defer` / `known`, so its findings are the ones above, under their `outputs.` paths.
                self._add_outputs(entry, judged)
            else:
                self._check(entry, outputs, "outputs.")
        if self.document.kind != "state":
            self._provenance(entry, subject, _unknown_inputs(pending))

    def _check(
        self, entry: Entry, subject: Subject, prefix: str, pending_out: list[Pending] | None = None
    ) -> list[Finding]:
        """Judge ``subject``; add and return the violations found (declared findings are not violations).
        ``pending_out`` receives what the judgement deferred (perf64: the inputs' unknowns, which :meth:`_provenance`
        reads)."""

        def defer(value: Any) -> bool:
            return is_unknown(value) or isinstance(value, Secret)

        known = self.known_for(entry)
        findings, pending = self.engine.check(subject, defer=defer, known=known)
        if pending_out is not None:
            pending_out += pending
        for p in pending:
            if isinstance(p.value, Secret):
                if p.value.value == SECRET_PLACEHOLDER:
                    self.blinded.add(f"{entry.urn} {p.path}")  # an input and its output twin: one value
                else:
                    findings += self.engine.check_value(subject, p.place, p.value.value, secret=True, known=known)
        added = []
        for f in findings:
            if f.declared_by is not None:
                continue  # covered by the stack's transfer register: not a violation
            if prefix and f.rule.id in _RESOURCE_LEVEL:
                continue
            added.append(dataclasses.replace(f, path=prefix + f.path) if prefix else f)
        self.findings += [(entry, f) for f in added]
        return added

    def _add_outputs(self, entry: Entry, judged: list[Finding]) -> None:
        """What :meth:`_check` adds for ``entry``'s outputs when they are the subject whose violations were ``judged``
        (its declared findings already left out)."""
        added = [dataclasses.replace(f, path="outputs." + f.path) for f in judged if f.rule.id not in _RESOURCE_LEVEL]
        self.findings += [(entry, f) for f in added]

    def _every_step_vouches(self) -> bool:
        """Whether every resource the document makes, reads or imports can vouch for a value computed from it.

        (falsealarm50) A value is unknown at a preview only when it is computed from a resource of the stack that the
        preview creates, updates, replaces or reads (an unchanged resource keeps its known outputs; an invoke's result
        is unknown only when an argument is, or when the engine declines it while its dependencies are pending
        creation: pulumi 3.272.0 ``runtime/invoke.py``), and every such resource has its step in the document. The
        SDK records no source for an invoke's unknown result (``invoke_output`` resolves it with no resources), so a
        policy from ``aws.iam.get_policy_document_output`` over the stack's own ARNs names none: it is proven when
        every step of the document vouches, as any source it could come from is one of them.

        stackref54 (stop 54): two kinds of step are left out, as :func:`provenance.unproven_unknowns` leaves them out of
        a recorded source list. A read (a StackReference, a cloud ``get``: ``judged_by_its_values``) is judged by its
        values wherever they are known; a StackReference in the program made every such invoke's result RES-014 at its
        first preview (the registry's bucket-policy example beside a network stack's ``vpcId``: a compliant program
        refused), the pack passing. And a step the engine refuses by a finding of its own (a provider abroad,
        ``provenance.refused_itself``) is reported at every door: the stack is refused whatever is computed from it,
        and the pack, never given an invoke, reports that finding alone (an ``aws.ec2.get_vpc_output`` under a provider
        abroad was RES-001 at both doors and RES-014 beside it at the review only). Once the step is mended or
        declared it vouches, and nothing else changes."""
        if self._steps_vouch is None:
            self._steps_vouch = all(self._step_vouches(e) for e in self.live if e.custom)
        return self._steps_vouch

    def _step_vouches(self, entry: Entry) -> bool:
        """Whether one step of the document leaves an unknown with no recorded source proven (see
        :meth:`_every_step_vouches`)."""
        source = self.source(entry.urn)
        if remembered_reason(self.engine, source, is_unknown, self._reasons) is None:
            return True
        return judged_by_its_values(source) or refused_itself(self.engine, source, is_unknown)

    def _provenance(self, entry: Entry, subject: Subject, pending: list[Pending]) -> None:
        """RES-014 for ``entry``'s unknown inputs: ``pending`` is :func:`_unknown_inputs` of the inputs' judgement
        (``subject``, judged by :meth:`_check`), which is what ``engine.check(subject, defer=is_unknown)`` defers
        under an input key (perf64: see :func:`_unknown_inputs`); only those keys are read here and by
        ``unproven_unknowns``."""
        property_dependencies = (
            {key: [self.source(u) for u in urns] for key, urns in entry.property_dependencies.items()}
            if entry.property_dependencies
            else None
        )
        problems = unproven_unknowns(
            self.engine,
            subject,
            defer=is_unknown,
            property_dependencies=property_dependencies,
            dependencies=[self.source(u) for u in entry.dependencies],
            pending=pending,
            reasons=self._reasons,
        )
        # The document's inputs are the program's inputs: an unknown input always flowed from some
        # resource. One whose source the document does not record (an event log records none) cannot
        # be shown resident, so it fails closed (the policy pack sees outputs, where the resource's own
        # provider computes unknowns, and cannot draw this line).
        for key in dict.fromkeys(p.top_key for p in pending if p.top_key is not None):
            recorded = entry.property_dependencies.get(key) if entry.property_dependencies else entry.dependencies
            if recorded is None or (not entry.property_dependencies and not recorded):
                if self.document.kind != "event-log" and self._every_step_vouches():
                    continue
                where = (
                    "the event log records no dependencies"
                    if self.document.kind == "event-log"
                    else ("the document records no resource it is computed from")
                )
                detail = f"`{key}` is unknown during preview and {where}, so it cannot be traced."
                self.findings.append(
                    (
                        entry,
                        Finding(
                            rule(RuleId.UNKNOWN_VALUE_PROVENANCE), entry.type, entry.name, key, "(unknown)", detail
                        ),
                    )
                )
        for problem in problems:
            reasons = "; ".join(r.rstrip(".") for r in problem.reasons)
            detail = f"`{problem.key}` is unknown during preview and {problem.basis}: {reasons}."
            self.findings.append(
                (
                    entry,
                    Finding(
                        rule(RuleId.UNKNOWN_VALUE_PROVENANCE), entry.type, entry.name, problem.key, "(unknown)", detail
                    ),
                )
            )

    # -- description --------------------------------------------------------------------------

    def region(self, entry: Entry) -> str | None:
        for bag in (entry.inputs, entry.outputs):
            for key in ("region", "regionId"):
                found = _plain_region(bag.get(key))
                if found:
                    return found
        provider = self.provider_entry(entry)
        if provider is not None:
            return _plain_region(provider.inputs.get("region"))
        # A resource being deleted may use a provider the document no longer lists: its ARN says where it is.
        for value in (entry.outputs.get("arn"), entry.id):
            refs = self.engine.parser.scan(value) if isinstance(value, str) else []
            if refs and refs[0].region:
                return refs[0].region
        return None

    def record(self, entry: Entry) -> ResourceRecord:
        package, _ = package_of(entry.type)
        cloud = package if package in CLOUD_PACKAGES and entry.custom else None
        return ResourceRecord(
            type=entry.type,
            name=entry.name,
            urn=entry.urn,
            id=entry.id,
            parent=entry.parent,
            provider=entry.provider,
            custom=entry.custom,
            protect=entry.protect,
            retain_on_delete=entry.retain_on_delete,
            import_id=entry.import_id,
            read_id=entry.id if entry.op in _READ_OPS or entry.external else "",
            inputs=MappingProxyType(dict(entry.inputs)),
            outputs=MappingProxyType(dict(entry.outputs)),
            cloud=cloud,
            region=self.region(entry) if cloud else None,
            dependencies=entry.dependencies,
        )


def _shown(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, Secret):
        return SECRET_PLACEHOLDER
    if is_unknown(value):
        return "(unknown)"
    text = repr(_blind(value)) if isinstance(value, (dict, list)) else str(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _blind(value: Any) -> Any:
    if isinstance(value, Secret):
        return SECRET_PLACEHOLDER
    if isinstance(value, dict):
        return {k: _blind(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_blind(v) for v in value]
    return "(unknown)" if is_unknown(value) else value


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _relevant(engine: RuleEngine, key: str, old: Any, new: Any) -> bool:
    """An input whose value can say where data goes: a region or zone, or any text naming a place."""
    if is_free_text(key):
        return False
    lowered = key.lower()
    if "region" in lowered or "zone" in lowered or "endpoint" in lowered:
        return True
    if isinstance(old, Secret) or isinstance(new, Secret):
        return True
    return any(engine.parser.has_candidates(s) for s in (*_strings(old), *_strings(new)))


def _changes(review: _Review, catalogue: Catalogue) -> tuple[Change, ...]:
    home = review.engine.jurisdiction
    changes = []
    for entry in review.document.entries:
        package, _ = package_of(entry.type)
        cloud = package if package in CLOUD_PACKAGES and entry.custom else NO_REGION
        region = (review.region(entry) or NO_REGION) if cloud != NO_REGION else NO_REGION
        fields = []
        if entry.old_inputs is not None:
            keys = entry.diff_keys or tuple(sorted(set(entry.inputs) | set(entry.old_inputs)))
            for key in keys:
                old, new = entry.old_inputs.get(key), entry.inputs.get(key)
                if old != new and _relevant(review.engine, key, old, new):
                    fields.append(FieldChange(key, _shown(old), _shown(new)))
        changes.append(
            Change(
                op=entry.op,
                urn=entry.urn,
                type=entry.type,
                name=entry.name,
                cloud=cloud,
                region=region,
                jurisdiction=_jurisdiction_label(catalogue, home, cloud, region if region != NO_REGION else ""),
                fields=tuple(fields),
            )
        )
    return tuple(changes)


def _bags(entry: Entry) -> tuple[Mapping[str, Any], ...]:
    """Where a resource's own names are read: its outputs with its physical id (see :func:`_props`), and its inputs.
    Read apart, not merged: an input the program gave (a sharded cluster's ``mongoLists`` node classes) would hide
    the output of the same name the provider filled in (each node's ``connectString``)."""
    if not entry.outputs:
        return (_props(entry),)
    return ({**_own_id(entry), **entry.outputs}, entry.inputs)


def _props(entry: Entry) -> dict[str, Any]:
    """A resource's values (inputs over outputs) with its physical id, as the guard reads a dependency's ``id``
    Output and the policy pack its final state (where the Terraform bridge writes ``id`` into the outputs): a
    document may carry the id beside the outputs only, and a resource's id is what it produced (a CEN's ``cen-...``,
    which its attachments name)."""
    return {**_own_id(entry), **entry.outputs, **entry.inputs}


def _own_id(entry: Entry) -> dict[str, str]:
    return {"id": entry.id} if entry.id and not is_unknown(entry.id) else {}


def _register(document: EngineDocument, code: str) -> list[Destination]:
    """The transfer register from the document's config (previews carry it), checked as the loader does."""
    raw = (document.config or {}).get(f"{NAMESPACE}:destinations")
    if not raw:
        return []
    key = f"{NAMESPACE}:destinations"
    try:
        entries = parse_destinations(json.loads(raw))
        check_destinations(code, entries)
    except DestinationProblem as exc:
        # The program's guard refuses the same register (a stack-config error); a reviewer is told which entry and
        # why, rather than seeing every finding it would have declared refused.
        raise DocumentError(
            f"{document.file}: the stack config's {exc.key(key)}: {exc.problem}, so no declaration of it can be "
            f"applied. Fix: {exc.fix} in the stack file, then run the preview again."
        ) from None
    except ValueError:
        raise DocumentError(
            f"{document.file}: the stack config's {key} is not the JSON list the engine writes for it. Fix: pass the "
            "engine's document unedited."
        ) from None
    return entries


def review_document(
    document: EngineDocument, jurisdiction: str | None = None, *, catalogue: Catalogue | None = None
) -> StackPlan:
    """Judge ``document`` against ``jurisdiction`` (or the one its config names) with the one rule engine."""
    catalogue = catalogue or load_catalogue()
    home = resolve_jurisdiction(document, jurisdiction, catalogue)
    review = _Review(document, RuleEngine(home, catalogue, destinations=_register(document, home.code)))
    for entry in review.live:
        review.judge(entry)
    # The root stack is the report's "top level", not a component of it (as in the offline plan).
    # Each resource is listed once, though every step of it is judged: its last step (a replacement's `replace` after
    # its `create-replacement` with --show-replacement-steps, the program's step after a refresh's), and the engine's
    # own record of a resource rather than its pending update.
    shown: dict[str, Entry] = {}
    for e in review.live:
        if not (e.pending and e.urn in shown and not shown[e.urn].pending):
            shown[e.urn] = e
    records = [review.record(e) for e in shown.values() if not e.type.startswith("pulumi:pulumi:")]
    plan = build_stack_plan(document.stack, document.file, records, home, [], catalogue=catalogue)
    op_of = {urn: e.op for urn, e in shown.items()}
    resources = tuple(
        dataclasses.replace(r, operation=cast(Operation, op_of.get(r.urn, r.operation))) for r in plan.resources
    )
    violations = sorted(
        {Violation.of(f, entry.urn) for entry, f in review.findings},
        key=lambda v: (v.rule, v.urn, v.path, str(v.value)),
    )
    notes = []
    pending = [e for e in review.live if e.pending]
    if pending:
        notes.append(
            f"{len(pending)} resource(s) of operations an interrupted update left pending (pending_operations: "
            f"{', '.join(sorted({e.pending for e in pending}))}) are judged as well: the engine may have made them."
        )
    if review.blinded:
        notes.append(
            f"{len(review.blinded)} secret value(s) are blinded in this document and could not be judged here; "
            "the residency policy pack judged them in plaintext during the same preview/up."
        )
    plan = dataclasses.replace(
        plan, resources=resources, violations=tuple(violations), source=document.kind, notes=plan.notes + tuple(notes)
    )
    if document.kind != "state":
        plan = dataclasses.replace(plan, changes=_changes(review, catalogue))
    return plan


def review_files(
    previews: Iterable[str] = (),
    states: Iterable[str] = (),
    jurisdiction: str | None = None,
    stack_config: Mapping[str, str] | None = None,
    stack_file: str = "--stack-file",
) -> ReviewPlan:
    """Review every named preview and state file (``-`` = stdin); :class:`DocumentError` on the first bad one.

    ``stack_config`` (the stack file's config, ``--stack-file``) stands in for the config a document
    does not carry (a stack export has none): its jurisdiction and transfer register then apply.
    """
    from components.plan.preview import parse_preview
    from components.plan.state import parse_state

    catalogue = load_catalogue()
    stacks = []
    for parse, paths, command in (
        (parse_preview, previews, "pulumi preview --json"),
        (parse_state, states, "pulumi stack export"),
    ):
        for path in paths:
            text, shown = read_source(path, command)
            document = parse(text, shown)
            if document.config is None and stack_config is not None:
                document = dataclasses.replace(document, config=stack_config)
            elif stack_config is not None:
                _agree_with_stack_file(document, stack_config, stack_file)
            stacks.append(review_document(document, jurisdiction, catalogue=catalogue))
    return ReviewPlan(tuple(stacks), catalogue.version)
