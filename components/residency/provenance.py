"""Provenance: what the resources a value comes from prove about it, for the whole-stack front doors.

RES-014: a value unknown at preview is judged by the resources it is computed from.

A front door that sees the whole stack with each input's dependencies (the policy pack's stack
policy, the review of a ``pulumi preview --json`` document) asks :func:`unproven_unknowns`: an
unknown input passes only when every resource it is computed from is an in-jurisdiction resource
of this stack or a read (judged by its values: stackref53b). Anything else (an uncovered package,
a default, foreign or unpinned provider, a dependency that cannot be found) fails closed. The rule
engine decides what "in the jurisdiction" means; this module only walks the dependency edges.

RES-015/RES-017: a regionless name or host (a bucket, an RDS host) is proven when this stack made it:
:func:`regionless_known` is the one predicate the policy pack and the preview/state review give
the engine; :func:`own_names` says which of a resource's properties name the resource itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from components.residency.engine import (
    CLOUD_PACKAGES,
    CREATED_ONLY_KEYS,
    GROUP_KEY,
    OSS_BUCKET_KEY,
    PRODUCED_BY_OTHER,
    PRODUCED_BY_S3,
    REGIONLESS_PACKAGES,
    Pending,
    RuleEngine,
    Subject,
    package_of,
    snake_case,
    strings_at,
    strings_of,
)
from components.residency.rules import Finding, RuleId

__all__ = [
    "OwnBucket",
    "Reasons",
    "remembered_reason",
    "Source",
    "UnprovenValue",
    "own_bucket",
    "own_names",
    "regionless_known",
    "untrusted_reason",
    "unproven_unknowns",
    "holds_unknown",
    "judged_by_its_values",
    "refused_itself",
    "STACK_REFERENCE",
]

Defer = Callable[[Any], bool]
STACK_REFERENCE = "pulumi:pulumi:StackReference"
"""A read of another stack's outputs (pulumi ``StackReference``): a resource the program reads, never one it makes."""
_REGIONLESS = frozenset({RuleId.DESTINATION_HOST_PROVEN, RuleId.REGIONLESS_REFERENCE_PROVEN})
_PROVEN_BY_STACK = _REGIONLESS | {RuleId.GRANTED_ACCOUNT_PROVEN}
"""The rules a source's own review judges with what the stack proves for it (``Source.known``): regionless names and
hosts, and (review46, stop 46) the accounts the stack's other providers are pinned to and the role ARNs it makes
(RES-023): a VPC peering connection requested under one provider and accepted under the peer account's pinned provider
(the registry's cross-account example) passes its own review, so a value computed from it must not be refused at the
first preview (RES-014) for what that review accepts."""


@dataclass(frozen=True, slots=True)
class Source:
    """A resource of the stack a value can be computed from, as a front door sees it."""

    type: str
    """Pulumi type token."""
    name: str
    """Logical name."""
    subject: Subject
    """The resource itself (with its provider reference), as the rule engine judges it."""
    provider: Subject | None = None
    """Its provider's own inputs as a subject, when the front door has them."""
    known: Callable[[], Callable[[str], bool]] | None = None
    """Builds the predicate of the regionless names and hosts the front door proves for this resource (a bucket the
    stack makes, a host a resource it depends on produces), as it judges the resource itself; built only when the
    resource is refused without it under a regionless rule (RES-015 / RES-017)."""
    read: bool = False
    """The program reads this resource (a cloud ``get`` by id, a data source), never makes it (stackref53b): a front
    door that sees the read step says so; the policy pack is never given a read."""

    @property
    def label(self) -> str:
        """``type 'name'``, as messages show a resource."""
        return f"{self.type} {self.name!r}"


@dataclass(frozen=True, slots=True)
class UnprovenValue:
    """An input unknown at preview whose provenance is not entirely in the jurisdiction."""

    key: str
    """The top-level input key."""
    basis: str
    """What the verdict rests on, e.g. ``is computed from 2 resource(s)``."""
    reasons: tuple[str, ...]
    """Why each untrusted source cannot vouch for the value."""


def untrusted_reason(engine: RuleEngine, source: Source | str, defer: Defer) -> str | None:
    """Why ``source`` cannot vouch for a value computed from it, or None when it is in the jurisdiction.

    A plain string names a dependency the front door could not find among the stack's resources.
    """
    if isinstance(source, str):
        return f"{source}: where its values come from cannot be proven"
    package, _ = package_of(source.type)
    if source.type.startswith("pulumi:pulumi:"):
        return f"{source.label} brings values from outside this stack's resources"
    if package in REGIONLESS_PACKAGES:
        return None  # generated by Pulumi itself (random ids, keys, timers): read from no region
    if package not in CLOUD_PACKAGES:
        return f"{source.label} is not an AWS or Alibaba Cloud resource, so where it reads from cannot be proven"
    refused, region_unknown = _own_verdict(engine, source, defer)
    if refused is not None:
        where = f"[{refused.rule.id}] `{refused.path}` {refused.detail}"
        return f"{source.label} is not in {engine.jurisdiction.code}: {where}"
    if region_unknown is not None:
        return f"{region_unknown.label} has a provider region that is itself unknown"
    return None


def refused_itself(engine: RuleEngine, source: Source | str, defer: Defer) -> bool:
    """Whether ``source`` (a cloud resource of the stack) cannot vouch because the engine refuses it, or its provider,
    by a finding of its own that the stack does not declare: every front door that judges the resource reports that
    finding (stackref54), so the stack is refused whatever is computed from it."""
    if not isinstance(source, Source) or package_of(source.type)[0] not in CLOUD_PACKAGES:
        return False
    return _own_verdict(engine, source, defer)[0] is not None


def _own_verdict(engine: RuleEngine, source: Source, defer: Defer) -> tuple[Finding | None, Source | None]:
    """(The first undeclared finding on a cloud ``source``'s provider or the resource itself, judged as its own review
    judges it; ``source`` when its provider's region is itself unknown and nothing is refused), for
    :func:`untrusted_reason` and :func:`refused_itself`."""
    is_provider = package_of(source.type)[1]
    # A default or missing provider needs no branch of its own: the engine refuses it (RES-002).
    provider = source.provider if not is_provider else None
    for subject in (provider, source.subject):
        if subject is None:
            continue
        findings, pending = engine.check(subject, defer=defer)
        # A finding the stack's transfer register covers is sanctioned, not a reason to distrust the resource (an
        # e-mail contact whose declared address is abroad is itself in the jurisdiction, and so is its ARN).
        undeclared = [f for f in findings if f.declared_by is None]
        joined = subject.type in engine.joined_public_types  # its RES-024 is the stack's answer (stop 43)
        if (
            source.known is not None
            and subject is source.subject
            and any(
                f.rule.id in _PROVEN_BY_STACK or (joined and f.rule.id == RuleId.PUBLIC_ACCESS_DECLARED)
                for f in undeclared
            )
        ):
            # A bucket or host the stack proves for this resource (its own bucket named in a launch template's user
            # data) is proven here too: the source is judged as its own review judges it, or a value computed from a
            # compliant resource would be refused at the first preview (RES-014) for what its review accepts. So is
            # the grant to everyone of a resource joined to others (an HTTP API Integration's Routes, anonymous43: a
            # Route's target is computed from the Integration it sends to).
            findings, pending = engine.check(subject, defer=defer, known=source.known())
            undeclared = [f for f in findings if f.declared_by is None]
        if undeclared:
            return undeclared[0], None
        if subject.type.startswith("pulumi:providers:") and any(p.path == "region" for p in pending):
            return None, source
    return None, None


def holds_unknown(value: Any, unknown: Defer) -> bool:
    """Whether ``value`` (a mapping, a list, a leaf) holds a value ``unknown`` says is unknown, at any depth."""
    if unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(holds_unknown(v, unknown) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(holds_unknown(v, unknown) for v in value)
    return False


def judged_by_its_values(source: Source | str) -> bool:
    """Whether ``source`` is left out of an unknown's sources: a ``pulumi.StackReference``, read at the preview or not
    (stackref52; stackref53).

    Read (its stack name known: "Unlike most steps, Read steps run during previews", pulumi pkg/resource/deploy/step.go
    ``ReadStep.Apply``), the referenced stack's outputs are known there, and every value the program takes from them
    is known too, judged where it stands at every door: no unknown comes from it. Not read (its stack name computed
    from a resource the program makes, unknown at the preview: "The only time we can't run is if the ID we are given is
    unknown", the engine leaves its outputs empty), every value taken from it is unknown at the preview and known at
    ``up``, where the guard and the pack's resource policies judge it before the resource registers, as a value combined
    with an unknown inside an ``apply`` is (RES-014 traces resources, never values). Either way another stack's outputs
    are judged as values, never vouched for by provenance: the unknown is judged by the input's other sources, and an
    input with none left passes the preview (stackref53b; RES-014 before). The policy pack is never given the read
    (AnalyzeStack's resources are those with a goal, and pulumi-policy drops a dependency URN it was not given) and
    cannot tell a read from a skipped one, so this is the judgement it makes too: both doors of a preview agree.

    stackref53b (stop 53): so is a cloud resource the program reads (``aws.ec2.Vpc.get``, ``Source.read``), for the
    same reasons: read by a known id its outputs are known at the preview; by an id computed from a resource the
    program makes, the engine skips the read and its outputs are unknown there, known at ``up``. The pack was never
    given it (an input computed only from it was RES-014 at the pack and passed the review, whose read step's provider
    is in the jurisdiction: the doors disagreed). The read's provider is a resource of the stack, judged at every door.
    """
    return isinstance(source, Source) and (source.type == STACK_REFERENCE or source.read)


Reasons = dict[int, tuple[Source | str, str | None]]
"""What :func:`untrusted_reason` said of each source object, by the object's identity (the object is kept with its
answer, so no other object can be given its id while the memo lives)."""


def remembered_reason(engine: RuleEngine, source: Source | str, defer: Defer, memo: Reasons) -> str | None:
    """:func:`untrusted_reason` of ``source``, judged once per source object in ``memo`` (see :func:`unproven_unknowns`
    ``reasons``)."""
    held = memo.get(id(source))
    if held is None or held[0] is not source:
        held = memo[id(source)] = (source, untrusted_reason(engine, source, defer))
    return held[1]


def unproven_unknowns(
    engine: RuleEngine,
    subject: Subject,
    *,
    defer: Defer,
    property_dependencies: Mapping[str, Sequence[Source | str]] | None,
    dependencies: Sequence[Source | str],
    pending: Sequence[Pending] | None = None,
    reasons: Reasons | None = None,
) -> list[UnprovenValue]:
    """Every unknown input of ``subject`` whose sources cannot all vouch for it.

    ``property_dependencies`` maps input keys to their sources (the engine records only non-empty
    lists; an empty list means every source lay outside the resources the door was given: reads, stackref53b);
    without it, every input is taken to depend on all of ``dependencies``. A source judged by its values only
    (:func:`judged_by_its_values`: a read) is left out of both, as the policy pack never sees it; an input whose every
    source is left out passes (its value is known at ``up``, where it is judged).

    ``pending``: what ``engine.check(subject, defer=defer)`` deferred, when the caller has judged that already (the
    review needs it too): the same call is not made twice. ``reasons``: a memo of :func:`untrusted_reason` by source
    object, for a caller that judges every resource of one stack with the same ``Source`` object per resource and the
    same ``defer`` (a source's reason depends on nothing else: the engine, the source, ``defer``); each source is then
    judged once per stack, not once per input and per resource that depends on it. Neither changes an answer.
    """
    if not subject.custom:
        return []
    if pending is None:
        _, pending = engine.check(subject, defer=defer)
    memo: Reasons = {} if reasons is None else reasons

    def reason(source: Source | str) -> str | None:
        return remembered_reason(engine, source, defer, memo)

    keys = list(dict.fromkeys(p.top_key for p in pending if p.top_key is not None))
    problems: list[UnprovenValue] = []
    for key in keys:
        if property_dependencies:
            given = property_dependencies.get(key)
            if given is None:
                # No input flowed into this property: it is computed by the resource's own provider,
                # whose region the resource-level rules judge.
                continue
            deps = [d for d in given if not judged_by_its_values(d)]
            basis = f"is computed from {len(deps)} resource(s)"
        else:
            # No per-property record at all: fall back to every dependency of the resource.
            deps = [d for d in dependencies if not judged_by_its_values(d)]
            if not deps:
                continue
            basis = "the resource depends on resources that cannot vouch for it"
        if not deps:
            # stackref53b (stop 53): every source of the input is a read (a StackReference, a cloud `get`), left out
            # above, or one the door was not given (the pack is given no read: pulumi-policy keeps only the dependency
            # URNs of the resources it was given, so an input computed only from reads has an emptied list there). Its
            # value is unknown only where the read was skipped (its id unknown at a preview) and is known at `up`,
            # where the guard and the pack's resource policies judge it; the read's provider is a resource of the
            # stack, judged at every door. Refusing it refused a compliant program's first preview (and so its `up`).
            continue
        # Sorted: the SDK records a property's dependencies as a set, so their order (and a message listing them in
        # it) would change from run to run; every door reports the same text.
        found = sorted(r for r in (reason(d) for d in deps) if r is not None)
        if found:
            problems.append(UnprovenValue(key, basis, tuple(found)))
    return problems


def own_names(engine: RuleEngine, type_token: str, props: Mapping[str, Any], ids: Iterable[str] = ()) -> list[str]:
    """The values among a resource's (final-state) properties that name the resource itself, lower-cased: any
    name or host that contains one of them describes the resource.

    Its id and ARN, ``ids`` the front door knows (a state's physical id), and the output-only attributes the
    catalogue lists as the resource's own address (``self_address_outputs``: an ApsaraDB RDS host names no region,
    its pinned provider places it). A bucket type's own names are not among them: a bucket's name is chosen by the
    program and proves only its own hosts (:func:`own_bucket`).
    """
    given: set[str] = set()
    if type_token in engine.endpoints.bucket_types:
        named: list[Any] = []
    else:
        # An id that is the resource's name or the bucket it configures was chosen by the program, not made by the
        # provider: a bucket's sub-resource (its logging, policy, CORS, versioning ...) takes the configured bucket's
        # name for its id, a bucket the resource does not make; a function's id is its name ("ingest"), which may be a
        # label of any host ("ingest.partner.example.com"). Such an id proves nothing. A provider-made id (nlb-<id>,
        # found inside the resource's own address) does.
        given = {
            n.lower()
            for k, v in props.items()
            if (key := snake_case(k)) != "id" and (key.endswith("name") or key in engine.endpoints.bucket_keys)
            for n in strings_of(v)
        }
        named = [
            n
            for k, v in props.items()
            if k in ("id", "arn")
            for n in strings_of(v)
            if k != "id" or n.lower() not in given
        ]
        named += [i for i in ids if not (isinstance(i, str) and i.lower() in given)]
    # A self address may list several host:port items (a Kafka instance's bootstrap servers): each host is
    # the resource's own, as the judge sees it (one host, no port). One the program chose (a Route 53 record's `name`,
    # also its `fqdn` when written in full) describes nothing the provider made: the apex record `example.eu` would
    # otherwise prove every `<label>.example.eu` its alias names, another stack's record too.
    # (awsred62) One written as a URL (an EventBridge global endpoint's `endpoint_url`) is its host, as judged.
    self_keys = engine.endpoints.self_address_keys(type_token)
    named += [
        _PORT.sub("", _URL_AUTHORITY.sub(r"\1", item.strip()))
        for path in self_keys
        for n in strings_at(props, path)
        if n.lower() not in given
        for item in n.split(",")
    ]
    return [v.lower() for v in named if isinstance(v, str) and len(v) >= 4]


@dataclass(frozen=True, slots=True)
class OwnBucket:
    """A bucket type's own names: its name (``names``) and ARN (``arns``), lower-cased, and the catalogued regional DNS
    suffixes (``suffixes``, each with its leading dot).

    A bucket's name is the program's choice and may be any label of any host (a bucket ``ingest`` and the partner's
    ``ingest.partner.example.com``): it proves only itself and the bucket's own hosts, the name followed by labels
    under a catalogued suffix (``ingest.s3.amazonaws.com``, its ``bucketDomainName``; regional shapes are proven by
    their region anyway). Its ARN proves itself and its objects (``arn:aws:s3:::ingest/*``), not another bucket whose
    name starts with it (``arn:aws:s3:::ingest-partner``)."""

    names: tuple[str, ...] = ()
    arns: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()

    def proves(self, text: str) -> bool:
        """True when lower-cased ``text`` is the bucket's name, one of its hosts, its ARN or an object ARN in it."""
        for name in self.names:
            if text == name:
                return True
            if text.startswith(name + "."):
                rest = text[len(name) :]  # ".s3.amazonaws.com": a label of the bucket's host, then the suffix
                if any(rest.endswith(s) and len(rest) > len(s) for s in self.suffixes):
                    return True
        return any(text == arn or text.startswith(arn + "/") for arn in self.arns)


def own_bucket(engine: RuleEngine, type_token: str, props: Mapping[str, Any], ids: Iterable[str] = ()) -> OwnBucket:
    """A bucket type's own name and ARN among its (final-state) properties and ``ids`` (a state's physical id, the
    bucket's name), for :func:`regionless_known`; empty for any other type (a bucket's sub-resource configures a
    bucket it does not make)."""
    if type_token not in engine.endpoints.bucket_types:
        return OwnBucket()
    names = [n for k, v in props.items() if k in ("id", "bucket") for n in strings_of(v)]
    names += [i for i in ids if isinstance(i, str)]
    arns = [n for k, v in props.items() if k == "arn" for n in strings_of(v)]
    suffixes = [*engine.endpoints.aws.suffixes, *engine.endpoints.alicloud.suffixes]
    return OwnBucket(
        tuple(dict.fromkeys(n.lower() for n in names if len(n) >= 3)),
        tuple(dict.fromkeys(a.lower() for a in arns if a)),
        tuple(f".{s}" for s in suffixes),
    )


_PORT = re.compile(r":\d+$")
_URL_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*).*$", re.DOTALL)
"""(awsred62) A URL, its authority (host and port) kept: ``https://abcde.veo.endpoints.event.amazonaws.com/``."""


_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_"
"""What a bucket name, group id or host label is made of: a name found inside a produced value counts only where no such
character touches it on either side."""


def _names_whole(name: str, produced: str) -> bool:
    """``name`` occurs in ``produced`` as a whole name: in an ARN, a URL, a host or a list, between separators (``:``,
    ``/``, ``.``, ``@``, ``,`` ...), never as part of a longer name. A made bucket ``fleet-exports-eu`` (or a Glue
    database's ARN ``...:database/fleet-exports-eu``) says nothing of the bucket ``fleet-exports``, anyone's (made-by-
    this-stack review, stop 35)."""
    start = produced.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or produced[start - 1] not in _NAME_CHARS) and (
            end == len(produced) or produced[end] not in _NAME_CHARS
        ):
            return True
        start = produced.find(name, start + 1)
    return False


_BUCKET_TAGS = (OSS_BUCKET_KEY, PRODUCED_BY_S3)


def _of_kind(produced: Sequence[str], oss: bool, bucket: bool) -> Iterable[str]:
    """The produced names an OSS bucket (``oss``), an S3 bucket (``bucket``) or any other name may be proven by: an OSS
    bucket's for an OSS bucket only, an S3 bucket's for anything but an OSS bucket, another kind's names and addresses
    (``PRODUCED_BY_OTHER``) for anything but a bucket, what another kind holds at a bucket field (untagged) for any
    (tags dropped)."""
    for p in produced:
        if p.startswith(OSS_BUCKET_KEY):
            if oss:
                yield p[len(OSS_BUCKET_KEY) :]
        elif p.startswith(PRODUCED_BY_S3):
            if not oss:
                yield p[len(PRODUCED_BY_S3) :]
        elif p.startswith(PRODUCED_BY_OTHER):
            if not (oss or bucket):
                yield p[len(PRODUCED_BY_OTHER) :]
        else:
            yield p


class _Known:
    """The engine's ``known`` predicate: a bucket or global group this stack creates, a name or host made
    by a resource the value is computed from (``produced``, lower-cased), or one naming the resource
    itself (``own``: its provider-made id inside its address, ``nlb-<id>.<region>.nlb.aliyuncsslb.com``; ``bucket``:
    a bucket's own name, ARN and hosts, ``<bucket>.s3.amazonaws.com``). A global group is asked for
    by its group key (``GROUP_KEY``) and proven only by what made it, never by self-naming: a group is what
    a resource joins, not what describes it."""

    def __init__(
        self, created: Collection[str], produced: Sequence[str], own: Sequence[str], bucket: OwnBucket
    ) -> None:
        self._created, self._produced, self._own, self._bucket = created, produced, own, bucket

    def bucket(self, key: str) -> bool:
        """An S3 bucket (plain name) or an OSS bucket (``OSS_BUCKET_KEY``) of that name (``bucket_key``): as
        ``__call__``, but another kind's names (``PRODUCED_BY_OTHER``) prove none (:func:`knows_bucket`)."""
        return self._ask(key, bucket=True)

    def __call__(self, text: str) -> bool:
        return self._ask(text, bucket=False)

    def _ask(self, text: str, bucket: bool) -> bool:
        if text in self._created:
            return True
        if text.startswith(CREATED_ONLY_KEYS):
            # a DNS record, a hosted zone or a database bucket this stack makes: only by what made it (created), never
            # by a name's text
            return False
        if text.startswith(GROUP_KEY):
            group = text[len(GROUP_KEY) :].lower()
            return any(
                _names_whole(group, p.removeprefix(PRODUCED_BY_OTHER))
                for p in self._produced
                if not p.startswith(_BUCKET_TAGS)
            )
        # An OSS bucket this stack makes is in ``created`` under its key; a name its value's producers give (or its own
        # bucket's) is read as the plain name, of a producer of the same cloud's bucket where the producer is a bucket.
        oss = text.startswith(OSS_BUCKET_KEY)
        lowered = text.removeprefix(OSS_BUCKET_KEY).lower()
        return (
            any(_names_whole(lowered, p) for p in _of_kind(self._produced, oss, bucket or oss))
            or any(o in lowered for o in self._own)
            or self._bucket.proves(lowered)
        )


def regionless_known(
    created: Collection[str], produced: Sequence[str], own: Sequence[str], bucket: OwnBucket | None = None
) -> Callable[[str], bool]:
    """The engine's ``known`` predicate (see :class:`_Known`); ``bucket``: the resource's own bucket names, for a
    bucket type (:func:`own_bucket`)."""
    return _Known(created, produced, own, bucket or OwnBucket())
