"""The one rule engine: judges a resource's inputs against a jurisdiction.

Every front door builds a :class:`Subject` (a resource as it is about to be registered) and asks
:meth:`RuleEngine.check`; the guard, the offline plan and the policy pack differ only in how they
obtain the subject and what they do with the findings.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import contextlib
import datetime as dt
import fnmatch
import functools
import ipaddress
import itertools
import json
import math
import posixpath
import re
import shlex
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, TypeVar, overload

from components._compat import is_input_type
from components.residency import jq
from components.residency.catalogue import Catalogue, Cloud, Jurisdiction, as_cloud, load_catalogue
from components.residency.destinations import Destination
from components.residency.documents import (
    DocumentBeyondBounds,
    flow_after_preamble,
    flow_yaml_or_none,
    fluent_bit_classic,
    fluent_bit_env,
    fluent_bit_filled,
    fluent_bit_outputs,
    fluent_bit_sets,
    fluentd_config,
    fluentd_outputs,
    gunzip,
    input_document,
    json_or_none,
    load_document,
    looks_like_yaml,
    toml_or_none,
    yaml_or_none,
)
from components.residency.endpoints import (
    AnonymousReadIntegration,
    BodyIntegration,
    BuiltinPlaceholderField,
    ConfigFile,
    ConfigItem,
    ContainerForm,
    DestinationField,
    DocumentDefault,
    EndpointCatalogue,
    FeatureArgument,
    GlobalService,
    GroupField,
    HelmChart,
    InstanceRegionCommand,
    JoinedScript,
    NameServerField,
    NestedStack,
    PhoneField,
    PrivateIntegration,
    PublicAccess,
    RecordTypedField,
    StackTemplate,
    TemplateAttribute,
    TemplateResource,
    TemplateService,
    WrittenAccountField,
    load_endpoints,
)
from components.residency.inputkeys import is_region_key as _is_region_key
from components.residency.inputkeys import is_zone_key as _is_zone_key
from components.residency.inputkeys import key_tokens as _key_tokens
from components.residency.inputkeys import prop_of
from components.residency.inputkeys import snake_key as _snake
from components.residency.known import instance_overrides, knows_bucket, read_as_host
from components.residency.phones import country_of, is_phone_shaped, normalise
from components.residency.references import (
    BUCKET_SCHEMES,
    PLACEHOLDER_LABEL,
    PLACEHOLDER_PATTERN,
    S3_BUCKET_NAME,
    Reference,
    ReferenceParser,
    compact_placeholders,
    elastic_cloud_host,
    fill_placeholders,
    followed_name,
    idna_form,
    integration_bucket_template,
    integration_placeholders,
    is_host_shaped,
    is_ip,
    is_private_address,
    numeric_ipv4,
    placeholder_domain,
    placeholder_host,
    unshaped_host,
)
from components.residency.rules import SECRET_PLACEHOLDER, Finding, RuleId, rule
from components.residency.scripts import (
    ARRAY_SLICE,
    DEFAULT_WORD,
    EDIT_COMMAND,
    KUBECTL_STDIN,
    OWN_MACHINE,
    PARAMETER_OPERATION,
    PAST_THE_FILLING,
    SHELL_DEFAULT,
    SHELL_PARAMETER,
    ComposeRun,
    Edit,
    HelmRelease,
    ScriptHost,
    ScriptReader,
    StandardInput,
    all_positional_expanded,
    alternates_written,
    ansi_c_quoted_written,
    array_elements,
    array_input_elements,
    array_inputs,
    array_names,
    cat_heredoc_value,
    cat_heredocs_written,
    compose_commands,
    compose_runs,
    container_env_options_written,
    echoed_files,
    edited_files,
    eval_arrays_written,
    exported_names,
    fetched_manifests,
    filled_texts,
    fluent_bit_lines,
    for_loop_words,
    function_outputs_written,
    has_array_element,
    has_for_loop,
    has_positional,
    has_while_read,
    helm_releases,
    heredoc_expanded_names,
    heredoc_files,
    hosts_file_names,
    is_line_option,
    jq_environment_written,
    jq_interpolating_programs,
    jq_patterns_blanked,
    kubectl_env_unset,
    locale_quoted_written,
    loop_bound_names,
    loop_literal_values,
    machine_or_private,
    may_write_files,
    multiline_assignments_written,
    names_and_keys_written,
    own_document,
    piped_manifests,
    plain_assigned_name,
    plain_assignment,
    plain_literal_values,
    positional_expanded,
    positional_words,
    printf_as_assignments,
    quoted_parts_joined,
    reads_as_assignments,
    shell_blocks,
    shell_matches,
    sourced_unknowns,
    split_array_elements,
    split_function_outputs_written,
    split_words_written,
    standard_inputs,
    subscript_indexes,
    substitution_at,
    substitution_filled,
    substitution_values,
    substitutions_joined,
    tab_stripped_heredocs,
    templates_filled,
    under_defaults,
    while_read_words,
    with_defaults,
    without_single_quoted,
    written_files,
    xargs_expanded,
)
from components.residency.service_names import manifest_containers, network_alias_names, privately_mapped
from components.residency.stages import (
    ALI_API_TYPE,
    API_TYPES,
    BODY_INTEGRATION_KEY,
    INTEGRATION_TYPE,
    INTEGRATION_TYPES,
    JOINED_PUBLIC_TYPES,
    METHOD_AUTHORIZED,
    READ_AS_BUCKET,
    REST_API_TYPE,
    SET_BY_EVERY_STAGE,
    STAGE_TYPES,
    VARIABLE_MAPS,
    VARIABLE_PREFIX,
    VPC_LINK_ID,
    VPC_LINK_MADE,
    fill_stage_variable,
    operation_authorized,
    url_authority,
)

__all__ = [
    "ACCOUNT_KEY",
    "ACCOUNT_ID",
    "MADE_ARN_KEY",
    "CLOUD_PACKAGES",
    "CREATOR_ATTRS",
    "produced_names",
    "REGIONLESS_PACKAGES",
    "PINNING_INPUTS",
    "Pending",
    "Place",
    "ProviderRef",
    "RuleEngine",
    "Subject",
    "held_in_bucket",
    "is_default_provider_name",
    "is_free_text",
    "made_arn_key",
    "package_of",
    "prop_of",
    "provider_accounts",
    "provider_site",
    "snake_case",
    "stack_account_keys",
    "strings_at",
    "strings_of",
]

_T = TypeVar("_T")
CLOUD_PACKAGES: frozenset[str] = frozenset({"aws", "alicloud"})
CREATOR_ATTRS: tuple[str, ...] = (
    "id",
    "arn",
    "bucket",
    "url",
    "host",
    "address",
    "endpoint",
    "connection_string",
    "connection_domain",  # a Tair (Redis) instance's host, r-<id>.redis.rds.aliyuncs.com: no region in it
    "end_point",  # an ApsaraMQ for Kafka instance's bootstrap servers (output only), no region in their hosts
    "dns_name",
    "domain_name",
    "public_ip",
    "private_ip",
    "name_server",  # a hosted zone's name servers, which Route 53 assigns (NS records delegating to it)
)
"""Attributes (substrings of snake-case names) carrying a resource's own physical names and addresses:
a regionless name or host found in one of them was created by this stack (guard and policy pack alike)."""
# Packages whose resources live only in the Pulumi state (random ids, generated keys, timers):
# they create nothing in any cloud region, so residency has nothing to judge.
REGIONLESS_PACKAGES: frozenset[str] = frozenset({"pulumi", "random", "tls", "time"})
# Inputs that are free text for humans. Judging them would refuse compliant programs
# (a tag "replicates to us-east-1 later" moves no data).
FREE_TEXT_KEYS: frozenset[str] = frozenset({"tags", "tags_all", "default_tags", "description", "labels"})


def produced_names(props: Mapping[str, Any], own: Collection[str] = (), id_hosts: Collection[str] = ()) -> list[str]:
    """A resource's own physical names and addresses among its properties (lower-cased): by CREATOR_ATTRS, and at
    ``own``, the output paths its type's catalogue entry lists as its own address (``self_address_outputs``, through
    :meth:`~components.residency.endpoints.EndpointCatalogue.self_address_keys`: an Elasticsearch instance's
    ``domain``, a MongoDB instance's ``replica_sets.connection_domain``). A generic name such as ``domain`` proves a
    host only for the types listed (an SES domain identity's ``domain`` is an input naming anyone's domain).

    A regionless name or host found inside one of them was created by this stack: the guard applies
    this to an Output's dependencies, the policy pack and the preview review to a value's dependencies.
    """
    names = [
        name.lower()
        for k, v in props.items()
        if any(c in _snake(str(k)) for c in CREATOR_ATTRS)
        for name in strings_of(v)
        if name
    ]
    for path in own:
        names += [name.lower() for name in strings_at(props, path) if name]
    if id_hosts:
        # Hosts the cloud builds from the resource's own id (``self_address_outputs`` ``id_hosts``), for an id that is
        # one DNS label (an id of another shape, or none yet, builds nothing).
        names += [
            host.replace("{id}", rid.lower())
            for rid in strings_of(prop_of(props, "id"))
            if _DNS_LABEL.fullmatch(rid)
            for host in id_hosts
        ]
    return names


_DNS_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def strings_at(value: Any, path: str) -> tuple[str, ...]:
    """The strings at a dotted snake-case ``path`` below ``value``, through maps (snake or camelCase keys, output
    objects) and every item of a list on the way: ``replica_sets.connection_domain`` of each replica set."""
    return _strings_at(value, tuple(path.split(".")))


def _strings_at(value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
    if not keys:
        return strings_of(value)
    if isinstance(value, (list, tuple)):
        return tuple(s for item in value for s in _strings_at(item, keys))
    if value is not None and is_input_type(type(value)):
        value = vars(value)
    if isinstance(value, Mapping):
        return _strings_at(prop_of(value, keys[0]), keys[1:])
    return ()


def strings_of(value: Any) -> tuple[str, ...]:
    """The strings one property holds: itself, or the items of a list of names (a zone's name_servers)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def snake_case(key: str) -> str:
    """An input key as the engine classifies it: ``connectionString`` and ``connection_string`` alike."""
    return _snake(key)


def is_free_text(key: str) -> bool:
    """True for inputs that are free text for humans (tags, descriptions), never judged."""
    return _snake(key) in FREE_TEXT_KEYS


@functools.lru_cache(maxsize=8192)  # key names and type tokens repeat across every resource
def package_of(type_token: str) -> tuple[str, bool]:
    """The package a type token belongs to, and whether it is a provider.

    ``aws:s3/bucket:Bucket`` -> ("aws", False); ``pulumi:providers:alicloud`` -> ("alicloud", True).
    """
    if type_token.startswith("pulumi:providers:"):
        return type_token[len("pulumi:providers:") :], True
    return type_token.split(":", 1)[0], False


@dataclass(frozen=True, slots=True)
class ProviderRef:
    """What a front door knows about the provider a resource will use."""

    package: str
    """Provider package, e.g. ``aws``."""
    name: str
    """Logical name of the provider resource (empty for a default provider)."""
    region: str | None = None
    """The provider's pinned region when known as a plain value."""
    verified: bool = True
    """False when the front door never saw the provider's own inputs (RES-012)."""
    default: bool = False
    """True for the engine's default provider (RES-002)."""
    accounts: frozenset[str] = frozenset()
    """The accounts the provider is pinned to (:func:`provider_accounts`; AWS account ids, or Alibaba Cloud account
    UIDs): a grant to one of them is the stack's own (RES-023)."""
    site: str | None = None
    """The Alibaba Cloud account site the provider's inputs name (:func:`provider_site`: ``International``), which
    decides where pulumi-alicloud sends some services' calls (``GlobalService.site_resident_in``); None when not given
    (the provider then asks which site the credentials' account is: no front door sees it)."""


def is_default_provider_name(name: str) -> bool:
    """True for the logical name of a provider the Pulumi engine created itself: ``default``, or ``default_<version>``
    for a provider of a pinned plugin version (the reviews and the policy pack read provider names so)."""
    return name == "default" or name.startswith("default_")


ACCOUNT_ID = re.compile(r"^[0-9]{12}$")
"""An AWS account id: twelve digits, leading zeros kept (a stack file's `aws:allowedAccountIds` is checked by it)."""
_SETTING_PAIR = re.compile(r"(?<![\w.\-])([A-Za-z][\w.\-]*)=([^\s\"',;]+)")
"""A ``key=value`` pair written in a string (a Spark ``--conf`` argument): the key, then the value up to a blank,
quote, comma or semicolon (glue43)."""
# logplugins44: a log-router file of Fluent Bit's packages (else Fluentd's: log_router_files names both), and a
# `key value` (or YAML `key: value`) line of a text a sed edit writes into one.
_LOG_ROUTER_FLUENT_BIT = re.compile(r"fluent-bit|td-agent-bit")
# config58: Fluent Bit's `@INCLUDE FILE` and Fluentd's `@include FILE` (a file, a wildcard pattern), one a line.
_LOG_ROUTER_INCLUDE = re.compile(r"^[ \t]*@include[ \t]+(\S+)", re.MULTILINE | re.IGNORECASE)
_EDIT_ENTRY = re.compile(r"^(@?[A-Za-z_][A-Za-z0-9_.-]*):?[ \t]+(\S.*?)$")


def _edit_key(edit: Edit) -> tuple[str, str]:
    """An edit not applied, as the ``skip`` key of :meth:`RuleEngine._judge_heredocs` (its texts)."""
    return edit.file, "\0".join(("sed", *edit.texts))


def _fluent_bit_line_filled(document: dict[str, Any], reaching: Mapping[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """(falsealarm66, stop 66) A Fluent Bit command line's configuration (:func:`scripts.fluent_bit_lines`) with each
    plugin property that is a whole variable (``-p cloud_id="$ES_CLOUD_ID"``) given each value the one evaluator says
    reaches the line (:func:`_referenced`; bash(1) "Parameter Expansion": the shell expands it before Fluent Bit reads
    the word), one document per combination (at most :data:`_MAX_ASSIGNED_URLS`). A value no reader computes stays its
    text (a command substitution: not decoded, RES-016 by the output's entry as before), one nothing assigns stays as
    written. Before, the property was read as written: ``$ES_CLOUD_ID`` did not decode, so the ``es`` output was RES-016
    whatever the variable held (the home deployment, declared by its host, was refused)."""
    pipeline = document.get("pipeline", {})
    slots: list[tuple[str, int, str, tuple[str, ...]]] = []
    for kind, plugins in pipeline.items():
        for i, plugin in enumerate(plugins):
            for key, value in plugin.items():
                given = _referenced(value, reaching) if isinstance(value, str) and value[:1] == "$" else (value,)
                if given != (value,):
                    slots.append((kind, i, key, tuple(v[1:] if v[:1] == _OPAQUE else v for v in given)))
    if not slots:
        return [document]
    out: list[dict[str, Any]] = []
    for choice in itertools.islice(itertools.product(*(s[3] for s in slots)), _MAX_ASSIGNED_URLS):
        filled = {kind: [dict(p) for p in plugins] for kind, plugins in pipeline.items()}
        for (kind, i, key, _), value in zip(slots, choice, strict=True):
            filled[kind][i][key] = value
        out.append({**document, "pipeline": filled})
    return out


_FILE_RUNTIME_VALUE = re.compile(r"\s*(?:#\{.*\}|\$\{[A-Za-z_][A-Za-z0-9_]*\})\s*", re.S)
"""A log-router file's value that is wholly filled in when the agent starts (review43, stop 43): Fluentd's embedded
Ruby, ``"#{ENV['AWS_REGION']}"`` (Fluentd, "Config File Syntax", "Embedded Ruby Code": evaluated when the file is
read), or a Fluent Bit environment variable, ``${DD_HOST}`` (Fluent Bit, "Variables": "the configuration reader will
detect any request for ${MY_VARIABLE} and will try to resolve its value"). Set, but to nothing the program fixes: a
plugin default it stands in for (``fluentd_unless_set``, ``unless_set``) is not overridden by it."""
_MEMO_LIMIT = 8192
"""How many ``key=value`` keys the engine remembers the verdict of (as the key-plan cache, 8192 places)."""
_ACCOUNT_ARN = re.compile(r"^arn:(aws[a-z-]*):(?:iam|sts)::([0-9]{12}):(.*)$")
_RAM_ARN = re.compile(r"^acs:(?:ram|sts)::([0-9]{5,20}):(.*)$")
"""An Alibaba Cloud RAM ARN (``acs:ram::<uid>:root``, ``:role/<name>``, ``:user/<name>``, ``:*``) or an STS assumed
role's (``acs:sts::<uid>:assumed-role/<role>/<session>``): the account UID it belongs to, and the rest."""
_RAM_UID = re.compile(r"^[0-9]{5,20}$")
"""A bare Alibaba Cloud UID under a policy's ``Principal`` (an account's, or a RAM user's of some account: an OSS bucket
policy names both so) or a Resource Sharing target."""
# Another service's resource ARN with its owner account: `arn:aws:oam:eu-west-1:999999999999:sink/<id>`.
_RESOURCE_ARN = re.compile(r"^arn:(aws[a-z-]*):[a-z0-9-]+:[a-z0-9-]*:([0-9]{12}):")
_ACS_RESOURCE_ARN = re.compile(r"^acs:(?!ram:|sts:)[a-z0-9-]+:([a-z0-9-]*):([0-9]{5,20}):")
"""An Alibaba Cloud resource ARN with its owner UID (``acs:mns:cn-shanghai:<uid>:/queues/<name>``, an SLS project's
``acs:log:<region>:<uid>:project/<name>``); RAM and STS ARNs name accounts themselves (``_RAM_ARN``). Its Region."""
_ALI_OWNER_UID = re.compile(r"[0-9]{5,20}")
"""A bare UID in a field naming the account that owns what the stack writes into or is joined to (written_account
fields: Cloud Connect's ``cen_uid``, "The ID of the account to which the CEN instance belongs"): any digits, as an ACS
ARN's owner (``_ACS_RESOURCE_ARN``). No document read says every UID has 16 digits, and the registry's example grants
``cen_uid = "123456789"``, so a shorter value there is an account the engine cannot prove the stack's own, not
nothing (it passed before leftovers42)."""
_QUEUE_URL = re.compile(r"^https://sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([0-9]{12})/[A-Za-z0-9_-]+(?:\.fifo)?/?$")
"""An SQS queue URL (``QueueUrl``, as GetQueueUrl returns it): its Region, then the owner account as the path's first
segment."""
_PARTIAL_FUNCTION_ARN = re.compile(r"^([0-9]{12}):function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$")
"""A Lambda function's partial ARN (``<account>:function:<name>[:<qualifier>]``, Lambda Invoke ``FunctionName`` "Name
formats"): its owner account, no partition or Region (sfn44, stop 44)."""
_QUEUE_PATH_URI = re.compile(
    r"^arn:(aws[a-z-]*):apigateway:([a-z0-9-]+):sqs:path/([0-9]{12})/[A-Za-z0-9_-]+(?:\.fifo)?/?$"
)
"""A REST API's AWS integration to SQS by path (``arn:<partition>:apigateway:<region>:sqs:path/<account>/<queue>``, the
queue's URL path after the service's endpoint): its partition, Region, then the owner account."""
_FUNCTION_PATH_URI = re.compile(
    r"^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/[0-9-]+/functions/(arn:aws[a-z-]*:lambda:[^/]+)/invocations$"
)
"""(awsred47) An API Gateway Lambda invocation URI (``arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/
functions/<function ARN>/invocations``, a REST integration's ``uri``, an authorizer's ``authorizer_uri``, a function's
``invoke_arn``): the function ARN it invokes."""


def _invoked_function(text: str) -> str:
    """The function ARN an API Gateway Lambda invocation URI invokes, else ``text`` itself."""
    m = _FUNCTION_PATH_URI.match(text) if ":lambda:path/" in text else None
    return m.group(1) if m is not None else text


PINNING_INPUTS: tuple[str, ...] = (
    "allowed_account_ids",
    "allowedAccountIds",
    "assume_roles",
    "assumeRoles",
    "assume_role",
    "assumeRole",
    "assume_role_with_oidc",
    "assumeRoleWithOidc",
)


def _positive_conditions(condition: Any) -> Iterator[tuple[Any, Any, str, Any]]:
    """A policy statement's Condition entries under a positive operator, as ``(operator, key, lowercased key, value)``:
    ``Not...``, ``...IfExists``, ``Null`` / ``Bool`` and ``ForAllValues:`` are skipped, since each holds when the key
    is absent or says who is not meant, so none of them limits who a statement reaches."""
    if not isinstance(condition, Mapping):
        return
    for op, body in condition.items():
        o = str(op).strip().lower()
        if "not" in o or o.endswith("ifexists") or o in ("null", "bool") or o.startswith("forallvalues:"):
            continue
        if isinstance(body, Mapping):
            for k, v in body.items():
                yield op, k, str(k).strip().lower(), v


def _decoded(value: Any) -> Any:
    """A provider input as the engine hands it to a policy pack or a document: a list or object input of a provider
    is sent JSON-encoded (pulumi-aws ``Provider.__init__``: ``.apply(pulumi.runtime.to_json)``)."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _role_account(arn: str) -> str | None:
    """The account a role a provider assumes belongs to: an AWS IAM role ARN's account id, or an Alibaba Cloud RAM
    role ARN's (``acs:ram::<uid>:role/<name>``) UID."""
    m = _ACCOUNT_ARN.match(arn)
    if m is not None:
        return m.group(2)
    m = _RAM_ARN.match(arn)
    return m.group(1) if m is not None and m.group(2).startswith("role/") else None


def provider_accounts(props: Mapping[str, Any]) -> frozenset[str]:
    """The accounts a provider's inputs pin it to. AWS: ``allowed_account_ids`` (the provider refuses to run with
    credentials of any other account) and the account of each ``assume_roles[].role_arn`` (v7; ``assume_role`` before)
    it works in. Alibaba Cloud: the account of ``assume_role.role_arn`` / ``assume_role_with_oidc.role_arn``
    (``acs:ram::<uid>:role/<name>``: every call then runs as that role, in that account); not ``account_id``, which the
    provider takes as given for some API calls and never checks against the credentials, so it pins nothing. Every
    front door reads a provider's accounts here; a value it cannot read (an unknown, a ``forbidden_account_ids`` list,
    which pins nothing) adds no account."""
    accounts: set[str] = set()
    for key in PINNING_INPUTS:
        given = props.get(key)
        if given is None:
            continue  # most providers set none of these: _decoded(None) is None, which pins nothing
        value = _decoded(given)
        items = value if isinstance(value, list | tuple) else [value] if value is not None else []
        for raw in items:
            item = _decoded(raw)
            if key.startswith("allowed"):
                text = str(int(item)) if isinstance(item, int | float) and not isinstance(item, bool) else item
                if isinstance(text, str) and ACCOUNT_ID.match(text.strip()):
                    accounts.add(text.strip())
            elif isinstance(item, Mapping):
                arn = item.get("role_arn", item.get("roleArn"))
                account = _role_account(arn.strip()) if isinstance(arn, str) else None
                if account is not None:
                    accounts.add(account)
    return frozenset(accounts)


def provider_site(props: Mapping[str, Any]) -> str | None:
    """The Alibaba Cloud account site a provider's inputs name: ``account_type`` ("Domestic" or "International";
    pulumi-alicloud Provider), as written. pulumi-alicloud sends Cloud Firewall, ESA and Cloud Config calls (with
    what they keep) to Singapore for an ``International`` account whatever the provider's Region
    (terraform-provider-alicloud connectivity/endpoint.go ``irregularProductEndpointForIntlAccount``,
    ``regularProductEndpointForIntlAccount``; client.go ``IsInternationalAccount``: the value compared exactly). None
    when not given as a plain string: the provider then asks BSS OpenAPI which site the credentials' account is
    (client.go ``getAccountType``) or reads ``ALIBABA_CLOUD_ACCOUNT_TYPE``, which no front door sees. Every front
    door reads a provider's site here (alired52)."""
    value = prop_of(props, "account_type")
    return value.strip() if isinstance(value, str) and value.strip() else None


ACCOUNT_KEY = "account:"
"""What an account a provider of the stack is pinned to is known by (:func:`stack_account_keys`, the ``known``
predicates): a grant to it is the stack's own whichever of the stack's providers the granting resource uses (RES-023).
No bucket name or host holds a colon, and the key is proven only by a provider that pins it (``CREATED_ONLY_KEYS``)."""


def stack_account_keys(type_token: str, props: Mapping[str, Any]) -> frozenset[str]:
    """The ``ACCOUNT_KEY`` keys of the accounts an AWS or Alibaba Cloud provider resource of the stack
    (``pulumi:providers:aws`` / ``alicloud``, not a default provider: the front doors leave those out) is pinned to
    (:func:`provider_accounts`); empty for every other type. Every front door adds them to what the stack made, so a
    grant to the team's other account, which another provider of the same stack deploys to, is the stack's own: all
    providers of one stack are its owner's, and each provider's region is judged in the jurisdiction already (grants
    review, stop 36)."""
    if type_token not in _ACCOUNT_PROVIDERS:
        return frozenset()
    return frozenset(ACCOUNT_KEY + account for account in provider_accounts(props))


MADE_ARN_KEY = "made-arn:"
"""What the ARN output of a role the stack makes (``made_account_arns``) is known by, for the resources made with the
same provider (:meth:`RuleEngine.made_arns`; each front door adds it only for those): a grant to that very ARN, or a
role field naming it, is in the account that provider deploys to, the stack's own (RES-023; stop 42). Exact text, proven
only by what made it (``CREATED_ONLY_KEYS``), never by a name's text."""


def made_arn_key(arn: str) -> str:
    """The key the ARN output of a role the stack makes is added and asked for under (``MADE_ARN_KEY``)."""
    return MADE_ARN_KEY + arn


# The provider resources whose pins prove accounts (RES-023), one per cloud the engine judges: an AWS account has 12
# digits, an Alibaba Cloud UID 16, so both share ACCOUNT_KEY without meeting.
_ACCOUNT_PROVIDERS = frozenset(f"pulumi:providers:{package}" for package in CLOUD_PACKAGES)


# Subject, Place, Pending (and references.Reference) are NamedTuples, not frozen dataclasses: as
# immutable, but the guard builds several per registration, and a frozen dataclass costs about 0.6 µs
# more to build (each field set through object.__setattr__; 0.88 against 0.26 µs for a Reference).


class Subject(NamedTuple):
    """A resource as it is about to be registered, in a form every front door can produce."""

    type: str
    """Pulumi type token."""
    name: str
    """Logical name."""
    props: Mapping[str, Any]
    """Inputs; keys snake_case or camelCase (normalised while walking)."""
    provider: ProviderRef | None = None
    """The resource's provider; None only for providers themselves and non-cloud resources."""
    read_id: Any = None
    """The physical id for ``Resource.get`` reads."""
    import_id: Any = None
    """The physical id for ``import_`` adoptions."""
    custom: bool = True
    """False for component resources, which the engine does not judge (their children are judged)."""


class Place(NamedTuple):
    """Where a value sits inside a resource's inputs, spelled once for every front door.

    Built key by key while walking (never re-parsed from the display path, whose key names may hold
    dots or brackets of their own).
    """

    path: str
    """The display path, e.g. ``rules[0].destination.bucket``."""
    keys: tuple[str, ...]
    """The snake_case key names from the top-level input down to the value (list indexes omitted)."""
    depth: int
    """How many containers (maps and lists) lie between the top-level input and the value."""

    @classmethod
    def top(cls, key: str) -> Place:
        """A top-level input (or ``id`` / ``import`` for reads and adoptions)."""
        return cls(key, (_snake(key),), 0)

    def child(self, key: object) -> Place:
        """The value under ``key`` of the map at this place."""
        return Place(f"{self.path}.{key}", (*self.keys, _snake(str(key))), self.depth + 1)

    def item(self, index: int) -> Place:
        """The ``index``-th element of the list at this place."""
        return Place(f"{self.path}[{index}]", self.keys, self.depth + 1)


class Pending(NamedTuple):
    """A value that cannot be judged now (an unresolved Output, a preview unknown)."""

    place: Place
    """Where it sits; hand it back to :meth:`RuleEngine.check_value` once the value is known."""
    value: Any
    """The deferred value itself."""
    top_key: str | None
    """The top-level input key holding it; None for read/import ids."""

    @property
    def path(self) -> str:
        """The display path, e.g. ``rules[0].destination.bucket``."""
        return self.place.path


_NO_RENAMES: Mapping[str, str] = {}  # never written: a read-only view would cost each lookup more
"""No template key renamed (``_Walk.renames`` outside a template resource judged as a Pulumi type with ``keys``)."""


_NO_CNAMES: Mapping[str, str] = {}
"""(config56b) No ExternalName Service around a value (:attr:`_Walk.cnames`; never written to)."""


class _Walk:
    """One judging pass over one subject: where findings and deferred values go.

    A plain class with slots: built twice per guarded registration, and a dataclass's generated
    ``__init__`` (keyword defaults, default factories) costs about twice as much.
    """

    __slots__ = (
        "cloud",
        "cnames",
        "defer",
        "defined",
        "document",
        "document_parameters",
        "existing",
        "findings",
        "known",
        "kpath",
        "no_destination",
        "origin",
        "outer",
        "parent",
        "pending",
        "renames",
        "runtime_text",
        "script_files",
        "ssh_names",
        "stack_parameters",
        "subject",
        "task",
        "template",
        "template_resources",
        "written",
        "written_by",
    )

    def __init__(
        self,
        subject: Subject,
        cloud: Cloud,
        defer: Callable[[Any], bool] | None,
        existing: bool,
        known: Callable[[str], bool] | None,
        no_destination: bool = False,
    ) -> None:
        self.subject = subject
        self.origin = subject
        """The resource being judged, whose findings these are. ``subject`` is another only while a template's
        resource is judged as the Pulumi type it is (``stack_templates`` ``resources``, :meth:`RuleEngine._walk`)."""
        self.cloud = cloud
        self.defer = defer
        """Says which values to defer (Outputs); None when every value is judged now."""
        self.existing = existing
        """True while judging the id of a resource that is read or imported, not created."""
        self.findings: list[Finding] = []
        self.pending: list[Pending] = []
        self.known = known
        """Whether a regionless name or host was created by this stack (see RuleEngine.check)."""
        self.kpath: tuple[str, ...] = ()
        """The snake_case keys from the top-level input to the value being judged."""
        self.no_destination = no_destination
        """A DNS record of a type whose value is no destination (TXT, CAA: ``endpoints.yaml`` ``dns_records``): its
        destination fields and host keys are not judged as destinations."""
        self.parent: Any = subject.props
        """The map (or input object) holding the value being judged: a global-service field's ``unless_set`` inputs
        are read beside it."""
        self.outer: Any = None
        """The map holding ``parent`` (None at the top level): a written field's ``read_only`` input is read there (an
        HTTP API integration's ``integration_subtype`` beside its ``request_parameters``; stop 43)."""
        self.script_files: Mapping[str, str] = {}
        """The files the script lists around the value write (scripts52: a cloud-config's ``runcmd``, a buildspec's
        phases, one shell in order): a command substitution reading one (``$(cat FILE)``) in another item has its
        content."""
        self.template_resources: Mapping[str, str] | None = None
        """Inside a stack's template (``stack_templates``): logical id -> type of what its Resources create (less any
        name a Parameter or an ``Fn::Sub`` variable map also gives); None elsewhere."""
        self.template: tuple[StackTemplate, Mapping[Any, Any]] | None = None
        """Inside a stack's template: the template input (its placeholders) and the template document, whose
        Parameters and Mappings an ``Fn::Join`` / ``Fn::FindInMap`` is evaluated with; None elsewhere."""
        self.task: str | None = None
        """Inside a workflow whose fields name run-time destinations (``runtime_destinations``): the ``Resource`` of the
        state being walked (``arn:aws:states:::aws-sdk:s3:putObject``), or an Automation runbook step's action
        (``aws:runCommand``; an ``aws:executeAwsApi`` step's call as ``aws-sdk:s3:putObject``); None elsewhere."""
        self.document: Any = None
        """The innermost document (JSON / YAML text read as one) being walked, whole: an OpenAPI body's top-level
        ``security`` is read there for the operation being walked (stop 44); None outside any document."""
        self.document_parameters: Mapping[Any, Any] | None = None
        """Inside an Automation runbook (``runtime_destinations`` types with ``mainSteps``): its ``parameters``, whose
        ``allowedValues`` fix what a ``{{ Parameter }}`` can be; None elsewhere."""
        self.stack_parameters: Mapping[Any, Any] | None = None
        """Inside a nested stack's template (``stack_templates`` ``nested``): the values its parent gives its Parameters
        (the nested stack resource's ``Parameters``, a Parameter of the parent's read as its value); None elsewhere,
        where the stack resource's own ``parameters`` give them."""
        self.renames: Mapping[str, str] = _NO_RENAMES
        """While a template's resource is judged as a Pulumi type whose keys the template names otherwise
        (``stack_templates`` ``resources`` ``keys``): template key (snake_case) -> the Pulumi key; empty elsewhere."""
        self.written: Mapping[str, str] | None = None
        """Inside a payload's YAML document (a cloud-config): the path of each written script
        (``write_files[0].content``) -> the file it is written to (``payload_script_files``); None elsewhere."""
        self.written_by = ""
        """(config57) Inside a payload's YAML document: its text, whose commands (a cloud-config's ``runcmd``: ``vector
        -C DIR``, ``filebeat -c NAME``) may name a written file as a tool's (:meth:`RuleEngine._config_entry`)."""
        self.ssh_names: frozenset[str] = frozenset()
        """Inside a script that writes an OpenSSH client configuration (falsealarm53b): the ``Host`` names of its
        entries that set a ``HostName`` (judged in the file), lower case: an ssh client's destination naming one
        (``ssh ops@bastion.fleet``, ``scp f ops@bastion.fleet:/tmp``) connects to that entry's ``HostName``."""
        self.defined: frozenset[str] = frozenset()
        """Inside a YAML document that defines service names (a Compose file's services, a manifest's Kubernetes
        Services: ``service_names``, falsealarm52): those names, which a URL of the document sends to, not a host."""
        self.cnames: Mapping[str, str] = _NO_CNAMES
        """(config56b) Inside a YAML document holding Kubernetes ExternalName Services: each Service's DNS names -> the
        host it is a CNAME to (:meth:`ReferenceParser.external_targets`): a host read there naming one reaches that
        host, which is judged instead (a URL's host, a host key's value)."""
        self.runtime_text = False
        """True while a workflow's run-time value (``<Key>.$``, JSONata) is judged as the text its fixed parts give
        (:meth:`RuleEngine._runtime_value`, each run-time part the placeholder ``${v}``): a Region that is the
        placeholder is chosen at run time, not a Region the catalogue does not know (falsealarm46)."""

    def add(self, rule_id: RuleId, path: str, value: Any, detail: str, declared_by: str | None = None) -> None:
        self.findings.append(
            Finding(rule(rule_id), self.origin.type, self.origin.name, path, value, detail, declared_by)
        )


class _KeyPlan(NamedTuple):
    """What a string's place (resource type, key path, key) says about how to judge it."""

    services: tuple[GlobalService, ...]
    """Global/edge services whose field this place is."""
    region: bool
    """A region field (by its key or its documented path)."""
    zone: bool
    """A zone field."""
    bucket: str
    """What regionless name the key holds: ``""`` none, ``"bucket"`` an S3 (or catalogued OSS) bucket,
    ``"group"`` a multi-region group joined by name (``endpoints.yaml`` ``global_group_fields``), ``"prefixed"`` an S3
    bucket name optionally followed by ``/<prefix>`` (``bucket_prefix_fields``). One field, so that an ordinary string
    pays one test for all."""
    host: bool
    """A key that holds a bare host (host keys, DNS record values, catalogued host paths)."""
    payload: bool
    """A key whose value may be a base64 payload (user data)."""
    own_region: bool
    """The service requires any S3 bucket named here in the resource's own region (``same_region_buckets``)."""
    match: bool
    """A match expression or allow-list (event pattern, log filter pattern, CORS origin): compared with
    events or requests, never a destination (``endpoints.yaml`` ``match_fields``; ``match_keys`` such as
    ``no_proxy``, ``cors_origins`` or ``projection.*.values`` in any resource); or text for humans inside a
    document (``text_fields``)."""
    region_cloud: Cloud | None
    """The cloud a region field's key names (``oss_region``: Alibaba's; ``endpoints.yaml``
    ``region_key_clouds``); None: the resource's own cloud."""
    phone: str | None
    """``number``: a phone number texts or calls go to (``phone_fields``); ``country``: the country a phone
    number is claimed in or calls go to (``country_fields``); None elsewhere (nearly every place)."""
    properties: str
    """``properties``: a Java ``.properties`` file (``properties_documents``), written or base64; ``ini``: a PHP ini
    file (``ini_documents``); ``attributes``: ``name=value`` pairs separated by semicolons (``attribute_documents``, a
    DMS endpoint's extra connection attributes); walked as its keys and values. ``""`` elsewhere (nearly every
    place)."""
    template: StackTemplate | None
    """The stack template this place holds (``stack_templates``): its placeholders (``${AWS::Region}``,
    ``${AWS::Partition}``) are read as the resource's own region and partition, and its own buckets are made by the
    stack; None elsewhere (nearly every place)."""
    region_id: str = ""
    """The separator after the Region an identifier here begins with (``region_id_fields``: ``_`` in a Cognito user
    pool id ``eu-west-1_AbCdEf``); ``""`` elsewhere (nearly every place)."""
    site: bool = False
    """A site written in free text (``site_fields``: an Express Connect circuit's ``peer_location``): any value is an
    unproven destination, declared by its exact text; False elsewhere (nearly every place)."""
    account: str = ""
    """What the AWS account a setting here names owns (``account_settings``: an EMR metastore's
    ``hive.metastore.glue.catalogid``, "the AWS Glue Data Catalog ..."), its value judged as a granted account
    (RES-023); ``""`` elsewhere (nearly every place)."""
    encoded: str = ""
    """(config64) The encoding of a host the key's value holds (``encoded_host_keys``: an Elastic Cloud id under
    ``cloud_id``), judged as the host it decodes to; ``""`` elsewhere (nearly every place)."""


_PER_ENGINE = frozenset({"catalogue", "jurisdiction", "destinations", "today", "used"})
"""The attributes each engine has of its own; every other one is shared through :func:`_shared_tables`."""

_TABLES: dict[tuple[int, int, int], tuple[Catalogue, Jurisdiction, EndpointCatalogue, Mapping[str, Any]]] = {}
"""(catalogue, jurisdiction, endpoint catalogue) by identity -> those three (kept alive, so no identity is reused)
and the attributes their engines share."""


def _shared_tables(catalogue: Catalogue, jurisdiction: Jurisdiction, endpoints: EndpointCatalogue) -> Mapping[str, Any]:
    """The attributes every engine of ``jurisdiction`` shares: derived once, by a template engine with no register."""
    key = (id(catalogue), id(jurisdiction), id(endpoints))
    held = _TABLES.get(key)
    if held is None:
        template = RuleEngine.__new__(RuleEngine)
        template.catalogue, template.jurisdiction = catalogue, jurisdiction
        template.destinations, template.today, template.used = (), None, {}
        template._derive(endpoints)
        for name in _DERIVED_PROPERTIES:
            # perf55: each is a table derived from the catalogues alone (never the register), computed once here and
            # shared like the rest, not again by every engine (a test session builds thousands: about 0.3 ms each).
            getattr(template, name)
        if len(_TABLES) >= 16:  # catalogues built by tests; a program has one per jurisdiction
            _TABLES.clear()
        shared = {name: value for name, value in vars(template).items() if name not in _PER_ENGINE}
        held = _TABLES[key] = (catalogue, jurisdiction, endpoints, shared)
    return held[3]


class RuleEngine:
    """Judges subjects against one jurisdiction. Build one per jurisdiction and reuse it."""

    def __init__(
        self,
        jurisdiction: Jurisdiction | str,
        catalogue: Catalogue | None = None,
        *,
        destinations: Sequence[Destination] = (),
        today: dt.date | None = None,
    ) -> None:
        self.catalogue = catalogue or load_catalogue()
        self.jurisdiction = self.catalogue.get(jurisdiction) if isinstance(jurisdiction, str) else jurisdiction
        self.destinations: tuple[Destination, ...] = tuple(destinations)
        """The stack's transfer register; findings they cover are reported as declared."""
        self.today = today
        """Fixed date for expiry checks (tests); None means the current date at each check."""
        self.used: dict[str, int] = {}
        """How many findings each declaration covered (for the plan's register report)."""
        # Everything else comes from the catalogues and the jurisdiction alone: derived once per jurisdiction and
        # shared by every engine of it, with the memos of what each place decides (every front door builds its own
        # engine: the plan one per stack, a test session thousands).
        self.__dict__.update(_shared_tables(self.catalogue, self.jurisdiction, load_endpoints()))

    def _derive(self, endpoints: EndpointCatalogue) -> None:
        """The tables and memos :func:`_shared_tables` shares (run on a template engine with no register)."""
        # falsealarm57b: and the Compose file's keys, whose services' dotted network aliases are judged by service
        self.parser, self._compose = (
            ReferenceParser(self.catalogue, endpoints),
            endpoints.service_names.compose if endpoints.service_names else None,
        )
        self.endpoints = endpoints
        self._scripts, self._host_headers, self._body_host_headers, self._log_router_file, self._host_aliases = (
            ScriptReader(endpoints.script_commands),
            _host_header_inputs(endpoints),
            endpoints.vpc_links.body_by_type,
            re.compile("|".join(endpoints.log_router_files) or r"(?!)").search,
            # falsealarm54: the hosts-file lists a container's document may hold (ECS extraHosts)
            {a.key: a for a in (endpoints.service_names.host_aliases if endpoints.service_names else ())},
        )
        # Memos of what a place (type, key path, key) decides before its value is read: programs repeat the same
        # few places. They are bound to the template engine, so they may read the tables, never the register.
        self._key_plan = functools.lru_cache(maxsize=8192)(self._decide_key_plan)
        self._services_at = functools.lru_cache(maxsize=8192)(self._find_services_at)
        self._field_services = functools.lru_cache(maxsize=1024)(self._find_field_services)
        self._resource_services = functools.lru_cache(maxsize=1024)(self._find_resource_services)
        self._host_key = functools.lru_cache(maxsize=2048)(self._is_host_key)
        self._user_keyed = functools.lru_cache(maxsize=2048)(self._is_user_keyed)
        j = self.jurisdiction
        # A partition is closed when every one of its regions lies inside the jurisdiction (aws-cn for
        # CN): a reference that names no region is then still provably in-country.
        self._closed_partitions = frozenset(
            name for name in j.aws.partitions if self.catalogue.aws_partitions[name].regions <= j.aws.regions
        )
        self._principal_suffixes, self._principal_labels = self._principals()
        # Region fields by key path (any type); maps keyed by region by type (a dict lookup per map walked); region
        # inputs of one type whose key names no region (a VOD editing project's `division`) and zone inputs of one
        # type whose key does not end like a zone field (an RDS secondary's `zone_id_slave_a`, a directory bucket's
        # `location.name`), read once per place by the cached key plan, so a value pays nothing; AWS accounts a type
        # grants or copies to outside a policy document (RES-023: a KMS grant's grantee), and the inputs naming by its
        # ARN the resource the stack writes into (RES-023: the ARN's account receives the data), by key path.
        (
            self._region_paths,
            self._region_keyed_maps,
            self._typed_region_fields,
            self._typed_zone_fields,
            self._granted_account_paths,
            self._written_account_paths,
            self._catalogued_region_fields,
        ) = (
            self.endpoints.key_paths(self.endpoints.region_fields),
            self.endpoints.typed_paths(self.endpoints.region_keyed_maps),
            self.endpoints.typed_paths(self.endpoints.typed_region_fields),
            self.endpoints.typed_paths(self.endpoints.typed_zone_fields),
            self.endpoints.typed_paths(self.endpoints.granted_account_fields),
            self.endpoints.typed_paths(self.endpoints.written_account_fields),
            self.endpoints.typed_paths(tuple(f for f in self.endpoints.typed_region_fields if f.catalogued_only)),
        )
        self._host_paths = self.endpoints.key_paths(self.endpoints.host_paths)
        self._bucket_paths = self.endpoints.key_paths(self.endpoints.bucket_paths)
        ids = self.endpoints.identifier_hosts
        self._identifier_hosts = ids.hosts if ids is not None else frozenset()
        # DNS suffixes whose hosts may be in the jurisdiction at all (the region label decides the rest).
        # A suffix of no partition (compute.internal) is every partition's: its region label tells which.
        suffixes = {
            s for s, e in self.endpoints.aws.suffixes.items() if e.partition is None or e.partition in j.aws.partitions
        }
        for name in j.aws.partitions:
            suffixes.add(self.catalogue.aws_partitions[name].dns_suffix)
        if j.alicloud.regions:
            suffixes |= set(self.endpoints.alicloud.suffixes)
        self._suffixes = frozenset(suffixes)
        self._all_suffixes = frozenset(
            (*self.endpoints.aws.suffixes, *self.endpoints.aws.edge_suffixes, *self.endpoints.alicloud.suffixes,
             *self.endpoints.alicloud.edge_suffixes)
        )  # fmt: skip
        self._destination_fields = self.endpoints.typed_paths(self.endpoints.destination_fields)
        self._init_dns_records()
        # ecs61: `_containers`, where one container definition is (containers); k8s62: each container place's form,
        # the types whose inputs are one container (SAE), the form of a manifest's containers
        (
            self._oss_bucket_fields,
            self._script_fields,
            self._service_principal_fields,
            self._joined_scripts,
            (
                self._containers,
                self._container_forms,
                self._resource_containers,
                self._manifest_form,
                self._template_containers,
            ),
        ) = (
            self.endpoints.typed_paths(self.endpoints.oss_bucket_fields),
            self.endpoints.typed_paths(self.endpoints.script_fields),
            self.endpoints.typed_paths(self.endpoints.service_principal_fields),
            _by_type(self.endpoints.joined_scripts),  # scripts51
            _container_tables(self.endpoints),
        )
        # Text for humans (text_fields) is never a destination either: one lookup for both. A stack template's resource
        # of a catalogued type (stack_templates `resources`: a CloudFormation RestApi's Body, a state machine's
        # DefinitionString) is judged as the Pulumi type's input (stop 42: its text and match fields; stop 45: the whole
        # judgement): (template input's type, template resource type) -> the entry.
        # (samsfn47) `paths`: (template input's type, template resource type, property path) -> (Pulumi type, input
        # path), and those paths' last keys: a template resource's key deeper than its property pays one set test.
        (
            self._match_fields,
            self._template_inputs,
            self._template_events,
            (self._template_paths, self._template_path_leaves),
        ) = (
            self.endpoints.typed_paths((*self.endpoints.match_fields, *self.endpoints.text_fields)),
            _template_input_index(self.endpoints),
            _template_event_index(self.endpoints),
            _template_path_tables(self.endpoints),
        )
        # Type token -> (key path, input, value) of the region fields a setting turns off (switched_off_regions): a
        # region field pays one dict lookup, None for every type but the few listed.
        # The fields naming where a workflow's state writes, by type and by action (runtime_destinations).
        self._switched_off, (self._runtime_destinations, self._runtime_actions, self._runtime_host_actions) = (
            self.endpoints.switched_off_paths(),
            self._runtime_tables(),
        )
        (
            self._same_region_buckets,
            self._server_buckets,
            self._bucket_prefix_fields,
            self._properties_documents,
            self._ini_documents,
            self._sql_documents,
            self._attribute_documents,
        ) = (
            self.endpoints.typed_paths(fields)
            for fields in (
                self.endpoints.same_region_buckets,
                self.endpoints.server_buckets,
                self.endpoints.bucket_prefix_fields,
                self.endpoints.properties_documents,
                self.endpoints.ini_documents,
                self.endpoints.sql_documents,
                self.endpoints.attribute_documents,
            )
        )
        self.setting_inputs: Mapping[str, tuple[str, frozenset[str]]] = {
            n.type: (n.name, n.values) for n in self.endpoints.named_values
        }
        """Type token of a resource storing one named setting (``named_values``) -> the input naming the
        setting and the inputs holding its value (snake_case). A mapping, not a method: the guard looks every
        registration up in it."""
        # Phone fields, and those of them that say more about how a number is written there (``national_country``,
        # ``country_code_key``).
        self._phone_fields, self._phone_entries = (
            self.endpoints.typed_paths(self.endpoints.phone_fields),
            _phone_entries(self.endpoints),
        )
        self._init_feature_arguments()
        phones = self.endpoints.phone_endpoints
        self._phone_prefixes = tuple(p.lower() for p in phones.prefixes) if phones is not None else ()
        self._per_message_phones = frozenset(v.lower() for v in phones.per_message) if phones is not None else _NO_KEYS
        # Type token -> (key path, what the account owns) of its inputs naming the account whose Glue Data Catalog the
        # resource is written into (account_fields, glue43); the words a `key=value` pair written in a string (a
        # `--conf` argument) must hold one of to be read as an account setting.
        self._country_fields, self._site_fields, self._account_fields, self._setting_words, self._setting_whats = (
            self.endpoints.typed_paths(self.endpoints.country_fields),
            self.endpoints.typed_paths(self.endpoints.site_fields),
            self.endpoints.account_field_paths(),
            re.compile("|".join(map(re.escape, self.endpoints.setting_words()))),
            dict[str, str](),  # a `key=value` pair's key -> what its account owns ("" for no account setting): a memo
        )
        self._global_group_fields = self.endpoints.typed_paths(self.endpoints.global_group_fields)
        # Type token -> (key path, ``unless_set``) of its group fields whose id an input beside it may place; type
        # token -> the input naming the database bucket it makes (``created_server_buckets``); the private-use DNS
        # suffixes, each with its leading dot (``private_use_suffixes``); the name-server shapes and fields
        # (``name_servers``).
        (
            self._group_placed_by,
            self._created_server_buckets,
            self._private_use,
            (self._name_server_hosts, self._name_server_fields),
        ) = (
            _group_placed_by(self.endpoints.global_group_fields),
            {f.type: f.path for f in self.endpoints.created_server_buckets},
            tuple("." + s.suffix.lower() for s in self.endpoints.private_use_suffixes),
            _name_server_tables(self.endpoints, self.jurisdiction.aws.partitions),
        )
        self.naming_types: frozenset[str] = (
            self.endpoints.bucket_types
            | frozenset(self.endpoints.global_group_types)
            | frozenset(self.endpoints.created_host_types)
            | frozenset(self.endpoints.created_zone_types)
            | frozenset(self._created_server_buckets)
            | frozenset(self._named_networks)
        )
        """The types :meth:`created_name` can answer for (it answers None for every other): a front door that
        must convert a resource's properties to ask it checks the type first."""
        # Then: type -> the command that gives the Region its instance runs in (instance_region_commands). The last
        # (stackinst50): the StackSet types (:func:`_stack_set_tables`).
        (
            self._user_keyed_fields,
            self._placeholder_documents,
            self._builtin_placeholders,
            self._event_built,
            (self._instance_region_commands, self._one_word_substitution),
            (self._stack_set_types, self.stack_set_templates),
        ) = (
            self.endpoints.typed_paths(self.endpoints.user_keyed_fields),
            self.endpoints.typed_paths(self.endpoints.placeholder_documents),
            {f.type: f for f in self.endpoints.builtin_placeholder_fields},
            self.endpoints.typed_paths(self.endpoints.event_built_fields),
            # the lead (stop 61): and a variable's value that is a one_word_commands substitution
            (_instance_region_commands(self.endpoints), _one_word_substitution(self.endpoints)),
            _stack_set_tables(self.endpoints),
        )
        self._template_attributes: Mapping[tuple[str, str], TemplateAttribute] = {
            (a.type, attribute): a for a in self.endpoints.template_attributes for attribute in a.attributes
        }
        """(template resource type, attribute or ``Ref``) -> what it names (``template_attributes``)."""
        self._template_bucket_types = frozenset().union(*(t.bucket_types for t in self.endpoints.stack_templates))
        self._template_services = _template_service_index(self.endpoints, self.jurisdiction.code)
        """Template resource type -> the global services it is (``template_services``), with the entry's template
        field."""
        self._template_bucket_fields: Mapping[str, tuple[str, ...]] = {
            f.type: f.fields for f in self.endpoints.template_bucket_fields
        }
        """Template resource type -> its properties naming a bucket (``template_bucket_fields``)."""

    def judged_with_instances(self, finding: Finding) -> bool:
        """(stackinst50) Whether ``finding`` is one of a StackSet's / stack group's template (``stack_set_templates``),
        which depends on the stack instances of the program naming it: the policy pack reports it only from its stack
        policy (``stack-set-instances-joined``), judged with the instances in view, never from a resource policy."""
        path = self.stack_set_templates.get(finding.resource_type)
        return path is not None and _snake(_PATH_HEAD.split(finding.path, 1)[0]) == path

    def _principals(self) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
        """The service-principal suffixes of the jurisdiction's partitions (and Alibaba's where it has Alibaba
        regions), and the catalogued long principals as (label, suffix): one counts only under its own cloud's
        principal suffixes."""
        j = self.jurisdiction
        suffixes = frozenset(
            suffix for part in j.aws.partitions for suffix in self.endpoints.aws.principal_suffixes.get(part, ())
        ) | (
            frozenset(self.endpoints.alicloud.principal_suffixes.get("alicloud", ()))
            if j.alicloud.regions
            else frozenset()
        )
        labels = frozenset(
            (label, suffix)
            for cloud in (self.endpoints.aws, self.endpoints.alicloud)
            for label in cloud.principal_labels
            for suffixes_of_partition in cloud.principal_suffixes.values()
            for suffix in suffixes_of_partition
        )
        return suffixes, labels

    # -- public API -----------------------------------------------------------------------------

    def check(
        self,
        subject: Subject,
        *,
        defer: Callable[[Any], bool] | None = None,
        known: Callable[[str], bool] | None = None,
    ) -> tuple[list[Finding], list[Pending]]:
        """Judge everything judgeable now; return findings and the values deferred by ``defer``.

        ``known(text)`` says whether a regionless name or host (a bucket, an RDS host) was created by
        this stack; the front door decides how it knows (the guard from what it registered and from an
        Output's dependencies, the policy pack from the stack's resources).
        """
        package, is_provider = package_of(subject.type)
        # Only a catalogued DNS record type can hold a value that is no destination (as in check_value).
        no_destination = subject.type in self._record_type_fields and self._no_destination(subject)
        walk = _Walk(subject, "aws" if package == "aws" else "alicloud", defer, False, known, no_destination)
        if not subject.custom:
            return walk.findings, walk.pending
        if package not in CLOUD_PACKAGES:
            if package not in REGIONLESS_PACKAGES:
                walk.add(RuleId.COVERED_PACKAGE, "", package, f"package {package!r} is not covered.")
            return walk.findings, walk.pending
        if is_provider:
            self._check_provider_region(walk)
        else:
            self._check_provider_of(walk)
            site = subject.provider.site if subject.provider is not None else None
            services = self._resource_services(subject.type, site)
            if services:  # most types have none: the cached lookup answers without a frame of its own
                self._check_global_resource(walk, services)
        bucket_creator = subject.type in self.endpoints.bucket_types
        named = self.setting_inputs.get(subject.type)
        setting, setting_values = (
            (None, _NO_KEYS) if named is None else (_setting_name(subject.props, named[0], subject.name), named[1])
        )
        builtin = self._builtin_placeholders.get(subject.type)
        for key, given in subject.props.items():
            if given is None:
                continue  # most inputs of most resources are unset
            skey = _snake(key)
            if skey in FREE_TEXT_KEYS or (is_provider and skey == "region"):
                continue  # a provider's region is judged by RES-001 above
            if bucket_creator and skey in ("bucket", "bucket_prefix"):
                continue  # the name of the bucket being created, not a reference to another one
            if setting is not None and skey in setting_values:
                skey = setting  # a stored setting's value, classified by the setting's name
            value = given
            if builtin is not None and skey == builtin.path and isinstance(given, str):
                value = self._with_builtin_region(walk, builtin, given)
            walk.kpath = (skey,)
            self._walk(walk, value, key, skey, 0, key)
        if subject.type in self._resource_containers:  # k8s62: the inputs are one container (an SAE application)
            walk.kpath = ()
            self._judge_container(walk, subject.props, "", 0, self._resource_containers[subject.type])
        if subject.read_id is not None or subject.import_id is not None:
            self._check_existing(walk, bucket_creator)  # a read or an adoption (rare: a new resource skips it)
        return walk.findings, walk.pending

    def _check_existing(self, walk: _Walk, bucket_creator: bool) -> None:
        """The id a resource is read by (``get``) or adopted by (``import``), judged as :meth:`check` judges an input
        (moved out of :meth:`check` unchanged, stop 48: room under ruff's complexity limit for its services gate)."""
        subject = walk.subject
        walk.existing = True
        for label, value in (("id", subject.read_id), ("import", subject.import_id)):
            if value is not None:
                walk.kpath = (label,)
                plain_name = isinstance(value, str) and ":" not in value
                if bucket_creator and plain_name and not (walk.defer is not None and walk.defer(value)):
                    self._judge_bucket_name(walk, value, label)  # S3 reads by bucket name: regionless
                    continue
                self._walk(walk, value, label, label, 0, None)

    def check_value(
        self,
        subject: Subject,
        place: Place,
        value: Any,
        *,
        secret: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> list[Finding]:
        """Judge a value that was pending (now resolved) at ``place``, as :meth:`check` would have."""
        package, is_provider = package_of(subject.type)
        existing = place.depth == 0 and place.path in ("id", "import")
        # Only a catalogued DNS record type can hold a value that is no destination: every other type skips the call.
        no_destination = subject.type in self._record_type_fields and self._no_destination(subject)
        walk = _Walk(subject, "aws" if package == "aws" else "alicloud", None, existing, known, no_destination)
        if is_provider and place.path == "region":
            self._judge_provider_region(walk, value)
        elif walk.existing and subject.type in self.endpoints.bucket_types and isinstance(value, str):
            self._judge_bucket_name(walk, value, place.path)
        else:
            walk.kpath = place.keys
            if len(place.keys) > 1:  # else the top-level map and None, as _Walk set them (_value_at of no keys)
                walk.parent = _value_at(subject.props, place.keys[:-1])  # what held the value that was pending
                walk.outer = _value_at(subject.props, place.keys[:-2])
            self._walk(walk, value, place.path, place.keys[-1] if place.keys else "", place.depth, None)
        if secret:
            return [
                Finding(f.rule, f.resource_type, f.resource_name, f.path, SECRET_PLACEHOLDER, f.detail, f.declared_by)
                for f in walk.findings
            ]
        return walk.findings

    def _init_feature_arguments(self) -> None:
        # Type token -> (feature, argument) -> the key its {arg_name, arg_value} pair's value is walked under.
        self._feature_arguments = _feature_arguments(self.endpoints.feature_arguments)
        # Type token -> setting -> the key its {config_item_key, config_item_value} entry's value is walked under.
        self._config_items = _config_items(self.endpoints.config_items)
        self.context_inputs.update({t: _FEATURE_CONTEXT for t in self._feature_arguments})
        self.context_inputs.update(_INTEGRATION_CONTEXT)
        # An anonymous read's kind input decides whether its value serves stored data (an Alibaba Cloud Api's
        # `backend_enabled`, an Integration's `type`; stop 45, apijoin45): while it is an Output, the guard holds the
        # judged inputs and judges them once it resolves, as the plan and the pack judge the value deployed (the plain
        # `auth_type` beside an Output `backend_enabled` passed the guard alone before).
        for read in self._public.anonymous_reads if self._public is not None else ():
            if not read.operation_security and read.kind_input:
                self.context_inputs[read.type] = self.context_inputs.get(read.type, frozenset()) | {read.kind_input}
        # A DomainPolicy's `domain_name` decides whether its statements to everyone are public (network_joined, stop
        # 43): while it is an Output, the guard holds the policy and judges it once the name resolves.
        public = self.endpoints.public_access
        self.context_inputs.update({f.type: frozenset({f.joins}) for f in public.network_joined} if public else {})
        # A stack's given Parameters decide how its template reads (a Parameter in an Fn::Sub host, a Ref under a
        # bucket key): while one is an Output, the guard holds the template and judges it once they resolve, as the
        # policy pack and the reviews judge the stack (falsealarm16-*-ros-nested-output). Only a template that runs as
        # this one stack (``region`` set): a StackSet's or stack group's Parameters are not read.
        self.context_inputs.update({t.type: _STACK_CONTEXT for t in self.endpoints.stack_templates if t.region})

    def _init_dns_records(self) -> None:
        records = self.endpoints.dns_records
        self._record_type_fields: Mapping[str, str] = (
            {f.type: f.field for f in records.type_fields} if records is not None else {}
        )
        self._not_destination_records = records.not_destinations if records is not None else _NO_KEYS
        self._record_name_fields: Mapping[str, str] = (
            {f.type: f.name_field for f in records.type_fields if f.name_field} if records is not None else {}
        )
        self._key_names: Mapping[str, frozenset[str]] = (
            {k.label: k.types for k in records.key_names} if records is not None else {}
        )
        self.context_inputs: dict[str, frozenset[str]] = {
            t: frozenset({f, self._record_name_fields[t]}) for t, f in self._record_type_fields.items()
            if t in self._record_name_fields
        }  # fmt: skip
        """Type token -> the inputs whose values decide how its other inputs are judged: a DNS record's type and name
        (``dns_records``: whether its value is a destination), a feature config's ``function_name``
        (``feature_arguments``: which arguments name a host or region). While one of them is an Output, the guard holds
        the other inputs and judges them once it resolves."""

    def _no_destination(self, subject: Subject) -> bool:
        """A DNS record whose type says its value is no destination (TXT, SPF, CAA: ``dns_records``). A type not
        known yet (an Output) is not such a type: the value is judged (fail closed)."""
        field = self._record_type_fields.get(subject.type)
        if field is None:
            return False
        record_type = prop_of(subject.props, field)
        if not isinstance(record_type, str):
            return False
        kind = record_type.strip().upper()
        return kind in self._not_destination_records or self._key_record(subject, kind)

    def _key_record(self, subject: Subject, kind: str) -> bool:
        """A record of a type ``key_names`` lists under a key label of its name (``<selector>._domainkey.<domain>``
        CNAME ``<token>.dkim.amazonses.com``): verifiers look a public key up there, no client sends data. A name not
        known yet (an Output) or without such a label is judged (fail closed)."""
        field = self._record_name_fields.get(subject.type)
        name = prop_of(subject.props, field) if field is not None else None
        if not isinstance(name, str):
            return False
        labels = name.strip().lower().split(".")
        return any(kind in self._key_names.get(label, _NO_KEYS) for label in labels)

    # -- providers ----------------------------------------------------------------------------

    def _check_provider_region(self, walk: _Walk) -> None:
        region = walk.subject.props.get("region")
        if walk.defer is not None and region is not None and walk.defer(region):
            walk.pending.append(Pending(Place.top("region"), region, "region"))
            return
        self._judge_provider_region(walk, region)

    def _judge_provider_region(self, walk: _Walk, region: Any) -> None:
        cloud = walk.cloud
        allowed = sorted(self.jurisdiction.regions(cloud))
        if not isinstance(region, str) or not region:
            walk.add(RuleId.PROVIDER_REGION_PINNED, "region", region, "The region is not pinned.")
            return
        if region in self.jurisdiction.regions(cloud):
            return
        ref = self.parser.region_field(cloud, region)
        if ref is not None and not ref.known_region:
            walk.add(RuleId.KNOWN_REGION, "region", region, f"{region!r} is not a known {_CLOUD_NAMES[cloud]} region.")
            return
        none = f"none: {self.jurisdiction.code} has no {_CLOUD_NAMES[cloud]} region"
        where = f"one of {', '.join(allowed)}" if allowed else none
        walk.add(
            RuleId.PROVIDER_REGION_PINNED, "region", region, f"{region!r} is outside {self._j()}; allowed: {where}."
        )

    @staticmethod
    def _check_provider_of(walk: _Walk) -> None:
        provider = walk.subject.provider
        if provider is None or provider.default:
            walk.add(RuleId.EXPLICIT_PROVIDER, "provider", "default", "It would use the default provider.")
        elif not provider.verified:
            detail = f"Provider {provider.name!r} was created before enforce() and its region is unverified."
            walk.add(RuleId.VERIFIED_PROVIDER, "provider", provider.name, detail)

    # -- global and edge services -------------------------------------------------------------

    def _check_global_resource(self, walk: _Walk, services: tuple[GlobalService, ...]) -> None:
        """The services judged once per resource (``_resource_services`` of its type, given by :meth:`check`)."""
        for service in services:
            if service.field is not None:
                self._check_omitted_field(walk, service)
            elif not self._partition_allows(walk, service):
                self._global_finding(walk, service, "", walk.subject.type)

    def _check_omitted_field(self, walk: _Walk, service: GlobalService) -> None:
        """A global-service field left out is judged as the cloud's documented default for the type."""
        assert service.field is not None
        props = walk.subject.props
        keys = service.field.split(".")
        top = prop_of(props, keys[0])
        # (alired59) An empty list is no value: the provider sends none, and the service applies its default (a site
        # monitor's `isp_cities=[]` is "not specified": three random detection points). Before, it passed every door.
        if isinstance(top, (list, tuple)) and not top:
            top = None
        if top is not None and (len(keys) == 1 or not (isinstance(top, Mapping) or is_input_type(type(top)))):
            if len(keys) == 2 and isinstance(top, (list, tuple)):
                self._check_items_without_field(walk, service, keys, top)
            return  # set, or a block still pending: judged where it is (a pending value once it resolves)
        if _value_at(props, keys) is not None or any(_set_at(props, k) for k in service.default_unless):
            return
        default = service.defaults[walk.subject.type]
        if service.refuses(default, self.jurisdiction.code) and not self._partition_allows(walk, service):
            self._global_finding(walk, service, service.field, default, omitted=True)

    def _check_items_without_field(
        self, walk: _Walk, service: GlobalService, keys: list[str], items: list[Any] | tuple[Any, ...]
    ) -> None:
        """(alired60) An item of a global service's list field that names no value at the field's last key (a site
        monitor's ``isp_cities`` item ``{isp}`` without ``city``) gives no value: judged as the omitted field, the
        service's default, as the same item of the ROS twin is (``_template_field_values`` gives it as omitted). What
        CloudMonitor does with a carrier and no city was not found documented: fail closed. Before, the Pulumi item
        passed every door while the ROS item was RES-016. Only the services with ``defaults`` whose field runs through
        a list pay (the site monitor's); an item still pending (an Output) is judged once it resolves."""
        default = service.defaults[walk.subject.type]
        if not service.refuses(default, self.jurisdiction.code) or self._partition_allows(walk, service):
            return
        for i, item in enumerate(items):
            # An empty text is a value, judged where it is (the walk); only an absent one is the default.
            if (isinstance(item, Mapping) or is_input_type(type(item))) and _value_at(item, keys[1:]) is None:
                self._global_finding(walk, service, f"{keys[0]}[{i}].{keys[1]}", default, omitted=True)

    def _partition_allows(self, walk: _Walk, service: GlobalService) -> bool:
        if not service.allowed_partitions:
            return False
        provider = walk.subject.provider
        region = provider.region if provider is not None else None
        partition = self.catalogue.aws_region_partition.get(region or "")
        return partition in service.allowed_partitions and partition in self.jurisdiction.aws.partitions

    def _check_global_field(
        self, walk: _Walk, value: str, path: str, services: tuple[GlobalService, ...] | None = None
    ) -> None:
        """``value`` in every global-service field this place is (``services``: the place's, when known)."""
        for service in self._services_at(walk.subject.type, walk.kpath) if services is None else services:
            if (
                service.refuses(value, self.jurisdiction.code)
                and not self._partition_allows(walk, service)
                and (
                    not (service.unless_set or service.when_set)
                    or service.placed_by(
                        functools.partial(self._set_undecoded, walk.parent), self._options_fixed(walk, service)
                    )
                )
            ):
                self._global_finding(walk, service, path, value)

    @staticmethod
    def _options_fixed(walk: _Walk, service: GlobalService) -> Callable[[str], bool] | None:
        """For a Fluent Bit output entry judging FireLens ``options`` (logplugins45): whether an ``unless_set`` input
        there is fixed by the program. FireLens writes the options into the configuration Fluent Bit reads ("Amazon
        ECS converts the log configuration and generates the Fluentd or Fluent Bit output configuration"), whose
        ``${VAR}`` Fluent Bit fills in from the container's environment when it starts: as in a file, such a value
        does not override the plugin's default (``Host ${DD_HOST}`` of a datadog output), unless the platform fixes
        ``VAR`` for the task (``platform_variables``: ECS's ``AWS_REGION``, the task's Region). None for any other
        entry (set is set)."""
        if not service.fluent_bit_output:
            return None
        fixed = service.platform_variables.get(walk.subject.type, ())
        return functools.partial(_fixed_in_file, walk.parent, platform=fixed)

    def _global_finding(
        self,
        walk: _Walk,
        service: GlobalService,
        path: str,
        value: str,
        *,
        omitted: bool = False,
        field: str | None = None,
    ) -> None:
        field = field or service.field  # a template's property (EndpointConfiguration.Types), else the input
        where = f" ({field} = {value!r}{', the default when omitted' if omitted else ''})" if field else ""
        detail = f"{service.why}{where}; not proven to stay in {self._j()} [{service.id}].{_declare_service(service)}"
        self._add_coverable(
            walk, RuleId.GLOBAL_SERVICE_IN_JURISDICTION, path, value, detail, (value, service.id, walk.subject.type)
        )

    # -- walking inputs -----------------------------------------------------------------------

    def _walk(self, walk: _Walk, value: Any, path: str, key: str, depth: int, top_key: str | None) -> None:
        if value is None:
            return
        if walk.defer is not None and walk.defer(value):
            walk.pending.append(Pending(Place(path, walk.kpath, depth), value, top_key))
            return
        if isinstance(value, str):
            # A workflow's string may be a run-time value (runtime_destinations); every other type's pays one lookup.
            runtime = walk.subject.type in self._runtime_destinations
            (self._judge_workflow_string if runtime else self._judge_text)(walk, value, path, key, depth)
        elif isinstance(value, Mapping):
            if (
                _is_deny_statement(value)
                or self._judged_as_intrinsic(walk, value, path, key, depth)
                or (walk.subject.type in self._event_built and self._event_built_host(walk, value, path, key))
            ):
                # A Deny statement naming foreign places restricts access; it moves no data. A template function
                # under a host key is judged as what it gives. An event service's target parameter built from each
                # event (event_built_fields; only the few catalogued types pay for more than the dict lookup).
                return
            self._judge_public_statement(walk, value, path)
            value = _expanded_container(value)
            parent = walk.kpath
            files = walk.script_files
            defined = walk.defined
            # falsealarm54: a container's hosts-file entries; falsealarm57b: a Compose service's networks' aliases
            walk.defined = self._service_network_names(walk, path, self._with_aliased_names(defined, value))
            walk.script_files = {**files, **self._judge_scripts_of_document(walk, value, path, depth)}
            # A name/value pair (ECS and Batch container environment, CodeBuild environment variables,
            # Elastic Beanstalk settings, Alibaba EventBridge target parameters): the value is classified by
            # its name (a region, a host ...). A pair's value is never free text for humans, whatever its
            # name (a variable DESCRIPTION).
            # In a map of names the user chose (environment variables), a free-text name is a variable; not in
            # the entries of a list under such a key, whose fields are the service's (a CodePipeline variable's
            # description), where only a {key, value} entry's key is such a name.
            user_keyed = self._user_keyed(key) or (
                walk.subject.type in self._user_keyed_fields
                and _at_any(parent, self._user_keyed_fields[walk.subject.type])
            )
            # A CDN domain config's {arg_name, arg_value} pair: only a catalogued argument of the resource's feature is
            # read (as a host or a region); only the few catalogued types pay for more than the dict lookup.
            # A catalogued setting ({config_item_key, config_item_value}, or an option setting {namespace, name,
            # value}: config_items) is judged as what the catalogue says it names; `inserted`: the key path a
            # `variable` setting's value is walked under (the variables map its name belongs to).
            item = self._config_item(walk, value) if walk.subject.type in self._config_items else None
            inserted, named = item if item is not None else ((), None)
            if named is None:
                named = (
                    _pair_name(value, user_keyed)
                    if "value" in value or "Value" in value or (user_keyed and not _PARAMETER_VALUE.isdisjoint(value))
                    else self._feature_argument(walk, value)
                    if walk.subject.type in self._feature_arguments
                    else None
                )
            variables = user_keyed and path[-1:] != "]"
            if walk.subject.type in self._region_keyed_maps and not walk.existing:
                self._judge_region_keys(walk, value, path, parent)
            held, outer, walk.parent, task = walk.outer, walk.parent, value, walk.task
            walk.outer = outer
            # A workflow's state names what it calls (runtime_destinations); every other type pays one lookup.
            walk.task = (
                self._state_resource(walk, value, path) if walk.subject.type in self._runtime_destinations else task
            )
            renames = walk.renames  # a template's keys the Pulumi type names otherwise (cfntypes46); mostly empty
            for k, v in value.items():
                sk = _snake(str(k))
                sk = renames.get(sk, sk)
                if v is None or (sk in FREE_TEXT_KEYS and not variables):
                    continue
                if named is not None and sk in _PAIR_VALUES:
                    sk = named
                    walk.kpath = (*parent, *inserted, sk)
                else:
                    walk.kpath = (*parent, sk)
                if walk.template is not None and self._judged_as_template_input(walk, value, v, f"{path}.{k}", depth):
                    continue
                self._walk(walk, v, f"{path}.{k}", sk, depth + 1, top_key)
            walk.kpath, walk.outer, walk.parent, walk.task = parent, held, outer, task
            walk.script_files, walk.defined = files, defined
        elif isinstance(value, (list, tuple)):
            self._walk_list(walk, value, path, key, depth, top_key)
        elif isinstance(value, bool):
            self._check_global_field(walk, str(value).lower(), path)
        elif isinstance(value, (int, float)):
            self._judge_number(walk, value, path, key)
        else:
            self._walk_other(walk, value, path, key, depth, top_key)

    def _walk_list(
        self, walk: _Walk, value: Sequence[Any], path: str, key: str, depth: int, top_key: str | None
    ) -> None:
        services = self._split_service_names(walk, value, key) if len(value) > 1 else {}
        if len(value) > 1 and any(isinstance(v, str) and "$(" in v for v in value):
            # scripts59b (stop 59): a function defined over several items, called by a later item (`R="$(dr_region)"`)
            value = _with_split_function_outputs(value)
        outer = walk.defined
        writes = len(value) > 1 and any(isinstance(v, str) and ("<<" in v or may_write_files(v)) for v in value)
        files = walk.script_files
        if writes:  # scripts52: an item may read (`$(cat FILE)`) a file another item writes
            walk.script_files = {**files, **written_files("\n".join(v for v in value if isinstance(v, str)))}
        for i, v in enumerate(value):
            walk.defined = outer | services[i] if i in services else outer
            self._walk(walk, v, f"{path}[{i}]", key, depth + 1, top_key)
        walk.defined = outer
        walk.script_files = files
        if writes:
            self._judge_split_heredocs(walk, value, path, key, depth)
        if len(value) > 1 and any(isinstance(v, str) and "$" in v for v in value):
            self._judge_split_variables(walk, value, path, key)

    def _service_network_names(self, walk: _Walk, path: str, defined: frozenset[str]) -> frozenset[str]:
        """(falsealarm57b) ``defined`` with the dotted network aliases a Compose service's own values (``path``:
        ``...services.app``, walked under its services map, ``walk.parent``) may name: those of the networks it joins
        (:func:`service_names.network_alias_names`; none for a map that is no Compose file's services). Gate: the key
        path's parent is the services key (a tuple slice: every other mapping pays that)."""
        compose = self._compose
        if compose is None or walk.kpath[-2:-1] != (compose.key,) or not isinstance(walk.parent, Mapping):
            return defined
        return defined | network_alias_names(walk.parent, path.rpartition(".")[2], compose)

    def _with_aliased_names(self, defined: frozenset[str], value: Mapping[Any, Any]) -> frozenset[str]:
        """(falsealarm54) ``defined`` with the names a container's hosts-file list in ``value``
        (``service_names.host_aliases``: ECS ``extraHosts``, CloudFormation ``ExtraHosts``) maps only to private
        addresses, lower case: for the values under ``value`` (the container's environment, its command), each is that
        address, as a name the script's /etc/hosts line maps is (:func:`scripts.hosts_file_names`). A public address,
        or an entry not read, defines nothing for its names (fail closed: the name stays a host)."""
        for key in self._host_aliases:  # two dict lookups (a view's isdisjoint walks the map): most hold no such list
            if key in value:
                break
        else:
            return defined
        mapped: list[tuple[str, str]] = []
        for key, spec in self._host_aliases.items():
            entries = value.get(key)
            for entry in entries if isinstance(entries, list) else ():
                if not isinstance(entry, Mapping):
                    continue
                names, address = entry.get(spec.names), entry.get(spec.address)
                given = address if isinstance(address, str) else ""
                for name in [names] if isinstance(names, str) else names if isinstance(names, list) else []:
                    if isinstance(name, str):
                        mapped.append((name.lower().rstrip("."), given))
        return defined | privately_mapped(mapped, is_private_address)

    def _split_service_names(self, walk: _Walk, lines: Sequence[Any], key: str) -> dict[int, frozenset[str]]:
        """(falsealarm52) A script list's items (an SSM Command document's ``runCommand``, a cloud-config's ``runcmd``:
        lines of one script, :meth:`_judge_split_heredocs`) inside a YAML text their lines join into that defines
        service names (a Compose file a here-document writes, one line an item): item index -> those names.
        config55b: and the docker names one item's ``docker network create`` / ``network connect`` / ``--link`` gives
        another item's run line (:meth:`ReferenceParser.network_spans`: the items are one script on the machine)."""
        yaml = any(isinstance(v, str) and ("services:" in v or "kind:" in v) for v in lines)
        docker = self._docker_markers and any(
            isinstance(v, str) and any(m in v for m in self._docker_markers) for v in lines
        )
        if not (yaml or docker) or not self._key_plan(walk.subject.type, walk.kpath, key).payload:
            return {}
        texts = [v if isinstance(v, str) else "" for v in lines]
        joined = "\n".join(texts)
        spans = self.parser.defined_spans(joined) if yaml else ()
        if docker:
            spans += self.parser.network_spans(joined)
        found: dict[int, frozenset[str]] = {}
        start = 0
        for i, text in enumerate(texts):
            names = frozenset().union(*(n for a, b, n in spans if a <= start < b))
            if names:
                found[i] = names
            start += len(text) + 1
        return found

    @functools.cached_property
    def _docker_markers(self) -> tuple[str, ...]:
        """(config55b) The substrings without which a text defines no docker name (``service_names.compose``'s
        ``network_create`` and ``link_option``)."""
        compose = self.endpoints.service_names.compose if self.endpoints.service_names is not None else None
        return tuple(m for m in (compose.network_create, compose.link_option) if m) if compose is not None else ()

    def _judge_number(self, walk: _Walk, value: float, path: str, key: str) -> None:
        """A phone field given a number (the provider takes 8613800138000 for "8613800138000"), or an account field
        typed as a number (a CEN attachment's `child_instance_owner_id`, an integer UID; RES-023): judged as the digits
        it stands for; engine documents carry every number as a float. Other numbers (ports, sizes) name no place."""
        if not (isinstance(value, int) or value.is_integer()):
            return
        kind = walk.subject.type
        if self._key_plan(kind, walk.kpath, key).phone == _PHONE_NUMBER:
            self._judged_as_phone(walk, str(int(value)), path, _PHONE_NUMBER)
        elif kind in self._granted_account_paths and _at_any(walk.kpath, self._granted_account_paths[kind]):
            self._judged_as_account(walk, str(int(value)), path)
        elif kind in self._written_account_paths and _at_any(walk.kpath, self._written_account_paths[kind]):
            # an integer UID of a written field (a VPC peering's `accepting_ali_uid`): as its digits, below
            owner = self._written_owner(walk, str(int(value)))
            if owner is not None:
                self._judged_as_account(walk, owner, path, written=str(int(value)))

    def _event_built_host(self, walk: _Walk, param: Mapping[Any, Any], path: str, key: str) -> bool:
        """An event target's parameter (``event_built_fields``: ``{form, value, template}``) at a host-named key (an
        Alibaba EventBridge rule target's ``url`` resource key, an event stream sink's ``URL``) whose form is not
        ``CONSTANT``: the URL is taken from each event (``JSONPATH``: the value at a path of the event; ``TEMPLATE``:
        the template filled with the event's values), so where the event is sent is chosen by whoever writes the
        event. Refused as a run-time destination (RES-015, declared by the template or value as written), and True
        (judged) returned; a template whose host is fixed (``https://<id>.cn-shanghai.fc.aliyuncs.com/${path}``) or
        under a fixed domain is left to be judged as written (False), as is every constant value."""
        form = param.get("form", param.get("Form"))
        if not isinstance(form, str) or form.strip().upper() == "CONSTANT":
            return False
        if not _at_any(walk.kpath, self._event_built[walk.subject.type]):
            return False
        name = _pair_name(param, False) or key
        if not self._host_key(_key_tokens(name)):
            return self._event_built_phone(walk, param, path, name, form.strip())
        template = param.get("template", param.get("Template"))
        text = template if isinstance(template, str) and form.strip().upper() == "TEMPLATE" else None
        if text is not None:
            authority = text.split("://", 1)[-1].split("/", 1)[0]
            if re.search(PLACEHOLDER_PATTERN, authority, re.IGNORECASE) is None or placeholder_host(authority):
                return False  # a host fixed by the template: judged as written
        written = text if text is not None else str(param.get("value", param.get("Value", "")))
        detail = (
            f"The host this target sends each event to is built from the event at run time (form {form.strip()}: "
            f"{written.strip()!r}), so whoever writes the event chooses it; it cannot be proven in {self._j()}. Fix: "
            "give the URL as a CONSTANT (an in-country host) and take only its path from the event, or declare the "
            "template as written."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, written, detail, (written.strip(),))
        return True

    def _event_built_phone(self, walk: _Walk, param: Mapping[Any, Any], path: str, name: str, form: str) -> bool:
        """An event target's parameter at a phone field (``phone_fields``: an Alibaba EventBridge ``acs.sms`` target's
        ``PhoneNumbers``) whose form is not ``CONSTANT``: the numbers are taken from each event (``JSONPATH``,
        ``TEMPLATE``), so whoever writes the event chooses the country the texts go to. Refused (RES-022, declared by
        the expression as written), True returned; False for any other parameter (judged as written). Before stop 40
        such a number passed unjudged, while a URL built from the event was refused (stop 36)."""
        if not _at_any((*walk.kpath, name), self._phone_fields.get(walk.subject.type, ())):
            return False
        template = param.get("template", param.get("Template"))
        # (ros47) A ROS template writes the pair's keys capitalised (``Value``), as the URL case above reads them: the
        # number's expression was read as '' there (named and declared by nothing).
        value = param.get("value", param.get("Value", ""))
        written = str(template if isinstance(template, str) and form.upper() == "TEMPLATE" else value)
        detail = (
            f"The numbers this target texts each event to are taken from the event at run time (form {form}: "
            f"{written.strip()!r}), so whoever writes the event chooses them; they cannot be proven in {self._j()}. "
            "Fix: give the numbers as a CONSTANT (with their country code), or declare the expression as written."
        )
        self._add_coverable(walk, RuleId.DESTINATION_PHONE_PROVEN, path, written, detail, (written.strip(),))
        return True

    def _feature_argument(self, walk: _Walk, pair: Mapping[Any, Any]) -> str | None:
        """The key a feature setting's ``arg_value`` is judged under (``feature_arguments``): ``host`` for a CDN
        conditional origin's ``ali_origin_dns_host`` (an origin group's ``<address>_<priority>_<weight>_<port>`` items
        are read by the host judge like any host with ``_<number>`` fields); None for an argument that names no
        destination."""
        if "arg_value" not in pair and "argValue" not in pair:
            return None
        arg = pair.get("arg_name", pair.get("argName"))
        function = prop_of(walk.subject.props, "function_name")
        if not isinstance(arg, str) or not isinstance(function, str):
            return None
        return self._feature_arguments[walk.subject.type].get((function, arg))

    def _config_item(self, walk: _Walk, pair: Mapping[Any, Any]) -> tuple[tuple[str, ...], str] | None:
        """The key path a catalogued setting's value is judged under (``config_items``): no key inserted and the key
        ``region`` for an EMR cluster's ``dlf.catalog.region``, ``host`` for an Elastic Beanstalk environment's
        ``Notification Endpoint``; for a ``variable`` setting (an Elastic Beanstalk environment property), the
        setting's own name under ``environment``, a map of names the user chose. None for any other setting, whose
        value is judged as any value (or name/value pair) is."""
        # An emrv2 cluster's {config_item_key, config_item_value}; the older emr.Cluster's `configs` entries are
        # {config_key, config_value} (pulumi-alicloud ClusterConfig), the same settings under the older names.
        setting = pair.get("config_item_key", pair.get("configItemKey", pair.get("config_key", pair.get("configKey"))))
        namespace = None
        if not isinstance(setting, str):
            # (awsred54b) A CloudFormation OptionSetting names its option `OptionName` (Pulumi's `settings` `name`).
            name = pair.get("name", pair.get("Name", pair.get("OptionName")))
            namespace, setting = pair.get("namespace", pair.get("Namespace")), name
            if not isinstance(namespace, str) or not isinstance(setting, str):
                return None
            namespace = namespace.strip()
        settings = self._config_items[walk.subject.type]
        kind = settings.get((namespace, setting.strip()), settings.get((namespace, "*")))
        if kind is None:
            return None
        if kind == "variable":
            return ("environment",), _snake(setting.strip())
        return (), kind

    def _judge_region_keys(self, walk: _Walk, value: Mapping[Any, Any], path: str, kpath: tuple[str, ...]) -> None:
        """The keys of a map whose keys are regions (``region_keyed_maps``): each judged as a region field's value. A
        key that is no region shape is left to the service, which refuses it."""
        if not _at_any(kpath, self._region_keyed_maps[walk.subject.type]):
            return
        for k in value:
            ref = self.parser.region_field(walk.cloud, str(k), any_cloud=False)
            if ref is not None:
                self._judge(walk, ref, f"{path}.{k}", RuleId.REGION_FIELD_IN_JURISDICTION)

    def _walk_other(self, walk: _Walk, value: Any, path: str, key: str, depth: int, top_key: str | None) -> None:
        """An input type's fields, or the text of binary data (YAML's !!binary: a cloud-config's write_files content
        with ``encoding: gzip``); resources and assets hold nothing to judge."""
        if is_input_type(type(value)):
            self._walk(walk, vars(value), path, key, depth, top_key)
        elif isinstance(value, bytes):
            try:
                text = _binary_text(value)
            except DocumentBeyondBounds as beyond:
                detail = f"This binary value is {beyond.bound}, beyond the engine's bounds, so it cannot be judged."
                walk.add(RuleId.DOCUMENT_WITHIN_BOUNDS, f"{path}(binary)", f"({len(value)} bytes)", detail)
                return
            if text is not None:
                self._judge_string(walk, text, f"{path}(binary)", key, depth)

    @functools.cached_property
    def _service_accounts(self) -> dict[str, tuple[str, str]]:
        """An AWS service's own account id -> (service, Region) (``service_accounts``)."""
        return {
            account: (entry.service, region)
            for entry in self.endpoints.service_accounts
            for region, account in entry.accounts.items()
        }

    def _judged_as_account(
        self,
        walk: _Walk,
        value: str,
        path: str,
        written: str | None = None,
        used: str | None = None,
        source: str | None = None,
        inbound: bool = False,
    ) -> bool:
        """An account a policy's principal, a Lambda permission or a resource share grants (RES-023): the stack's own
        (an account its provider is pinned to), one of a partition wholly in the jurisdiction (aws-cn in CN), or
        declared; else refused. AWS: a 12-digit id or an IAM / STS ARN. Alibaba Cloud: a RAM / STS ARN
        (``acs:ram::<uid>:root``) or a bare UID; no Alibaba Cloud site keeps its accounts in one country, so none is
        proven by where it is. False for anything that is no account (a service or federated principal, ``*``): judged
        as before. ``written``: the ARN of the other account's resource the stack writes into
        (``written_account_fields``), whose account ``value`` names; a declaration may name that ARN too. ``used``: what
        the account owns that a setting makes the application use (``account_settings``), for the message. ``source``:
        the ARN of the resource a service acts for (``aws:SourceArn``), whose account ``value`` names: proven as
        ``written`` is when it is the ARN output of a resource the stack makes with this provider (made_arns).
        ``inbound``: the statement granting it allows only ``delivery_actions`` (stop 47): the account can hand data in
        and read nothing, so any account of the jurisdiction's partitions passes (another partition's is still refused
        as its ARN is, RES-004)."""
        text = value.strip()
        parsed = _granted_account(walk.cloud, text)
        if parsed is None:
            return False
        partition, account = parsed
        if walk.cloud != "alicloud":
            j = self.jurisdiction
            partitions = {partition} if partition else set(j.aws.partitions)
            if not partitions <= set(j.aws.partitions):
                return False  # another partition's account: refused as its ARN is (RES-004)
            if partitions <= self._closed_partitions:
                return True  # e.g. an aws-cn account in CN: the whole partition is in-country
        if inbound:
            return True  # it may only deliver into the stack's resource (delivery_actions, inbound47)
        provider = walk.subject.provider
        if provider is not None and account in provider.accounts:
            return True
        if walk.known is not None and walk.known(ACCOUNT_KEY + account):
            return True  # another provider of the stack is pinned to it (stack_account_keys)
        if walk.known is not None and walk.known(made_arn_key(source or written or text)):
            # The ARN output of a role the stack makes with this resource's provider (made_arns; stop 42): in the
            # account those credentials deploy to, as this resource is.
            return True
        service = self._service_accounts.get(account) if walk.cloud == "aws" else None
        if service is not None and service[1] in self.jurisdiction.aws.regions:
            return True  # AWS's own service account of an in-country Region (ELB writing access logs)
        pinned = ", ".join(sorted(provider.accounts)) if provider is not None and provider.accounts else "none"
        detail = (
            f"Account {account} is {service[0]}'s account of region {service[1]}, outside {self._j()}."
            if service is not None
            else f"Account {account} owns {used}, but neither the provider (its accounts: {pinned}) nor any other "
            "provider of the stack is pinned to it; that account holds what the application writes there and can move "
            f"it anywhere, so it cannot be proven in {self._j()}. Pin it (a provider with allowed_account_ids) or "
            "declare it."
            if used is not None
            else f"{written} belongs to account {account}, which receives what the stack writes there, but neither "
            f"the provider (its accounts: {pinned}) nor any other provider of the stack is pinned to it; that account "
            f"owns the copy and can move it anywhere, so it cannot be proven in {self._j()}. "
            + (
                "If it is the stack's own, have the provider assume a role of it (assume_role={'role_arn': "
                f"'acs:ram::{account}:role/<deployer>'}}, or alicloud:assumeRole in the stack file); else declare it."
                if walk.cloud == "alicloud"
                else "Pin it (a second provider with allowed_account_ids, as for the organisation's central logging "
                "account) or declare it."
            )
            if written is not None
            else f"Account {account} is granted access, but neither the provider (its accounts: {pinned}) nor any "
            "other provider of the stack is pinned to it; "
            f"another account can read the data and move it anywhere, so it cannot be proven in {self._j()}."
        )
        aws_root = f"arn:{partition or 'aws'}:iam::{account}:root"
        root = f"acs:ram::{account}:root" if walk.cloud == "alicloud" else aws_root
        names = (text, account, root) if written is None else (written, text, account, root)
        self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, written or value, detail, names)
        return True

    def _judged_as_setting_account(self, walk: _Walk, value: str, path: str, what: str) -> bool:
        """An application setting naming the AWS account whose resource the application uses (``account_settings``:
        ``hive.metastore.glue.catalogid``, an Iceberg catalog's ``glue.id``): the account, a bare id, the part before
        ``:`` of a catalog id (``<account>:s3tablescatalog/<bucket>``) or an ARN's account field (a table bucket's, a
        role's), judged as a granted account (RES-023). False
        for a value that names no account (a placeholder, an empty string): judged as any value."""
        text = value.strip()
        if text.startswith("arn:"):
            # An ARN (leftovers43): an S3 Tables table bucket's as a REST warehouse, a role's as an Iceberg client's
            # assume-role ARN; its account field names the owner. Another partition's ARN is judged as any ARN.
            fields = text.split(":", 5)
            if len(fields) < 6 or fields[1] not in self.jurisdiction.aws.partitions:
                return False
            account = fields[4]
        else:
            account = text.split(":", 1)[0]
        if not ACCOUNT_ID.match(account):
            return False
        # An ARN is also what proves a resource the stack makes with the same provider (made_arns: a table bucket's or
        # a role's `arn` output), and what a declaration may name.
        return self._judged_as_account(walk, account, path, used=what, written=text if text != account else None)

    def _judge_written_settings(self, walk: _Walk, value: str, path: str, plan: _KeyPlan) -> None:
        """The ``account_settings`` written as ``key=value`` in a string (glue43, stop 43): a Spark ``--conf`` argument
        (a Glue job's ``default_arguments`` ``--conf``, an EMR on EKS job template's ``spark_submit_parameters``, an EMR
        step's ``args`` item, a ``spark-submit`` line of a script). The same settings, by the same key list, as in an
        EMR configuration: the account is judged as there (RES-023). Only a string holding ``=`` and one of the words
        every catalogued key holds (``metastore``, ``catalog``, ``warehouse``) is read; every other pair is left to
        the rest of the string's judging, as before; a value under a setting's own key was judged as that setting."""
        if "=" not in value or walk.cloud != "aws" or plan.account:
            return
        # The settings' keys are lower case, as Spark and Hive read them.
        accounts = self._setting_words.search(value) is not None
        regions = "region=" in value
        if not accounts and not regions:
            return
        for m in _SETTING_PAIR.finditer(value):
            key = m.group(1)
            if regions and "." in key and _is_region_key(_snake(key)):
                # A dotted setting naming a Region (Iceberg's `spark.sql.catalog.<n>.client.region`, "all AWS clients
                # except STS client will use the given region"; Hadoop's `fs.s3a.endpoint.region`): judged as the same
                # key is in a Spark properties map (mutation search round 14: in a `--conf` string it passed). A dotted
                # key only: a URL's query (`?region=`) or a shell variable (judged as the script's) is no such setting.
                ref = self.parser.region_field(walk.cloud, m.group(2), any_cloud=True)
                if ref is not None:
                    self._judge(walk, ref, path, RuleId.REGION_FIELD_IN_JURISDICTION)
                continue
            if not accounts:
                continue
            what = self._setting_whats.get(key)
            if what is None:
                tokens = _key_tokens(_snake(key))
                what = next((a.what for a in self.endpoints.account_settings if fnmatch.fnmatchcase(tokens, a.key)), "")
                if len(self._setting_whats) < _MEMO_LIMIT:
                    self._setting_whats[key] = what
            if what:
                self._judged_as_setting_account(walk, m.group(2), path, what)

    def _grants_account(self, walk: _Walk) -> bool:
        """Whether the string being walked is where an account is granted: under a statement's ``Principal``
        (``AWS``, ``RAM``, a list, a bare value) or a policy document's ``principals[].identifiers``, never under a
        ``Condition`` (which restricts), or a catalogued ``granted_account_fields`` input (a Lambda permission's
        ``principal`` / ``source_account``, a KMS grant's ``grantee_principal``, ECR replication's ``registry_id``, an
        Alibaba Cloud resource share's target)."""
        kpath = walk.kpath
        if walk.cloud not in CLOUD_PACKAGES:
            return False
        paths = self._granted_account_paths.get(walk.subject.type)
        if paths is not None and _at_any(kpath, paths):  # most types have none: no call, no generator
            return True  # granted_account_fields: a Lambda permission's principal, a KMS grant's grantee, ...
        if _GRANT_KEYS.isdisjoint(kpath) or not _NOT_GRANT_KEYS.isdisjoint(kpath) or len(kpath) == 1:
            # A top-level `principal` elsewhere (a Lake Formation permission, a RAM principal association): the share
            # is judged by what it shares, as before (RES-016).
            return False
        # A provider function's arguments (a policy document built by an invoke) are judged where the document is used,
        # under the resource's provider: an invoke's token names a function (camelCase), a resource's a class.
        return not _PRINCIPAL_KEYS.isdisjoint(kpath) and walk.subject.type.rsplit(":", 1)[-1][:1].isupper()

    def _refused_by_field_service(self, walk: _Walk, value: str) -> bool:
        """(awsred59) Whether a ``global_services`` entry of the granted place being walked refuses ``value`` itself (a
        Lake Formation grant's bare account or organization: aws-lakeformation-cross-account-grant, RES-016). That
        entry judges it, with the place's string, declared by its catalogue id: one rule for one value; the grant
        reading judges the place's other values (another account's IAM role, RES-023). Asked only at a granted place
        (few strings)."""
        code = self.jurisdiction.code
        return any(
            s.field is not None and s.refuses(value, code) for s in self._services_at(walk.subject.type, walk.kpath)
        )

    def _granted_field(self, walk: _Walk) -> bool:
        """Whether the string being walked is a catalogued ``granted_account_fields`` input of its type."""
        paths = self._granted_account_paths.get(walk.subject.type)
        return walk.cloud == "aws" and paths is not None and _at_any(walk.kpath, paths)

    @functools.cached_property
    def _delivery_actions(self) -> Mapping[str, frozenset[str]]:
        """Cloud -> the catalogued actions that only hand data into the resource (``delivery_actions``), lower-cased:
        IAM compares action names case-insensitively."""
        actions: dict[str, frozenset[str]] = {}
        for entry in self.endpoints.delivery_actions:
            actions[entry.cloud] = actions.get(entry.cloud, frozenset()) | {a.lower() for a in entry.actions}
        return actions

    def _delivers_only(self, walk: _Walk, statement: Any) -> bool:
        """Whether a policy statement allows nothing but catalogued delivery actions of its cloud (``delivery_actions``,
        inbound47, stop 47): its ``Action`` (``action`` / ``actions`` in a typed document) names at least one action and
        every one exactly. ``NotAction`` (every action but those), a wildcard (``sqs:*``, ``sqs:Send*``: IAM may add
        actions it matches), a policy variable or a value not known yet is no delivery."""
        delivery = self._delivery_actions.get(walk.cloud)
        if not delivery or not isinstance(statement, Mapping):
            return False
        actions: Any = None
        for k, v in statement.items():
            key = _snake(str(k))
            if key in _NOT_ACTION_KEYS:
                return False
            if key in _ACTION_KEYS:
                actions = v
        items = [actions] if isinstance(actions, str) else actions
        if not isinstance(items, (list, tuple)) or not items:
            return False
        return all(isinstance(a, str) and a.strip().lower() in delivery for a in items)

    def _principal_delivers_only(self, walk: _Walk) -> bool:
        """Whether the principal being walked is granted by a statement allowing only delivery actions
        (:meth:`_delivers_only`): the statement is the map holding a bare ``Principal`` (OSS's list, a bare id), else
        the one holding the ``Principal`` map (``{"AWS": ...}``) or a ``principals[]`` entry. A catalogued grant field
        (``granted_account_fields``: a Lambda permission, a KMS grant) has no statement: never."""
        paths = self._granted_account_paths.get(walk.subject.type)
        if paths is not None and _at_any(walk.kpath, paths):
            return False
        for held in (walk.parent, walk.outer):
            if isinstance(held, Mapping) and any(_snake(str(k)) in _PRINCIPAL_KEYS for k in held):
                return self._delivers_only(walk, held)
        return False

    def _judged_as_account_list(self, walk: _Walk, value: str, path: str) -> bool:
        """A catalogued grant field holding its accounts in one string, or every account: an SSM document's
        ``permissions.account_ids`` ("111122223333,444455556666", or ``All``: ModifyDocumentPermission's "The account
        IDs can either be a group of account IDs or All"). Each item is judged as a granted account (split as the
        engine splits any list in one string); ``All`` shares with every AWS account of the partition: refused unless
        declared, or the partition lies wholly in the jurisdiction (aws-cn in CN). False when an item is neither
        (judged as before)."""
        if not self._granted_field(walk):
            return False
        parts = [p for p in _LIST_SPLIT.split(value.strip()) if p]
        if not parts or not all(ACCOUNT_ID.match(p) or p.lower() == "all" for p in parts):
            return False
        closed = set(self.jurisdiction.aws.partitions) <= self._closed_partitions
        for part in parts:
            if part.lower() == "all" and closed:
                continue  # every account of a partition wholly in the jurisdiction (aws-cn in CN)
            if part.lower() == "all":
                detail = (
                    f"{value.strip()!r} shares it with every AWS account, whose data and Regions are anywhere; "
                    f"it cannot be proven in {self._j()}."
                )
                names = (value.strip(), part, "*")
                self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, value, detail, names)
            else:
                self._judged_as_account(walk, part, path)
        return True

    @functools.cached_property
    def _public(self) -> PublicAccess | None:
        """What grants everyone access (RES-024): ``public_access`` of the catalogue."""
        return self.endpoints.public_access

    @functools.cached_property
    def _acl_paths(self) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """Canned-ACL inputs by type (RES-024)."""
        return self.endpoints.typed_paths(self._public.acl_fields) if self._public is not None else {}

    @functools.cached_property
    def _organization_paths(self) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """Inputs granting every account of an organization, by type (``organization_fields``, RES-023)."""
        return self.endpoints.typed_paths(self._public.organization_fields) if self._public is not None else {}

    @functools.cached_property
    def _not_grant_paths(self) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """Policies whose statements grant nothing, by type (RES-024: a VPC endpoint's)."""
        return self.endpoints.typed_paths(self._public.not_grants) if self._public is not None else {}

    @functools.cached_property
    def _network_restricted(self) -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
        """Policy inputs by type, each with the input that places the resource in a network (RES-024)."""
        fields: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
        for f in self._public.network_restricted if self._public is not None else ():
            fields[f.type] = (*fields.get(f.type, ()), (tuple(f.path.split(".")), tuple(f.network.split("."))))
        return fields

    def _in_own_network(self, walk: _Walk) -> bool:
        """Whether the policy being walked is a catalogued ``network_restricted`` input of a resource the same inputs
        place in a network (an OpenSearch domain's ``access_policies`` beside ``vpc_options.subnet_ids``): only callers
        there reach it, so a statement to ``*`` is not public. The network input must be set in the same resource: a
        non-empty list with an item that is not blank, or a value not known yet (an Output: a subnet id is still one);
        absent, empty or blank, the domain has a public endpoint (CreateDomain ``VPCOptions``)."""
        for policy, network in self._network_restricted.get(walk.subject.type, ()):
            if walk.kpath[: len(policy)] == policy and _placed_in_network(walk.subject.props, network):
                return True
        for policy, joins, of in self._network_joined.get(walk.subject.type, ()):
            # A separate policy resource (a DomainPolicy) naming a domain the stack makes inside a VPC (stop 43): the
            # front doors' ``known`` holds that domain's key (``created_name``); a name not known yet, or one no door
            # proves, stays public (fail closed).
            if walk.kpath[: len(policy)] != policy or walk.known is None:
                continue
            name = prop_of(walk.subject.props, joins)
            if isinstance(name, str) and name.strip() and walk.known(in_network_key(of, name.strip())):
                return True
        return False

    @functools.cached_property
    def _network_joined(self) -> Mapping[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
        """Separate policy inputs by type, each with the input naming the resource it configures and that type."""
        fields: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = {}
        for f in self._public.network_joined if self._public is not None else ():
            fields[f.type] = (*fields.get(f.type, ()), (tuple(f.path.split(".")), f.joins, f.of))
        return fields

    @functools.cached_property
    def _named_networks(self) -> Mapping[str, tuple[str, tuple[str, ...]]]:
        """``network_restricted`` types with a ``name`` input -> that input and the network input's key path: what
        :meth:`created_name` reads to key a resource made inside a network (stop 43)."""
        return {
            f.type: (f.name, tuple(f.network.split(".")))
            for f in (self._public.network_restricted if self._public is not None else ())
            if f.name is not None
        }

    @functools.cached_property
    def joined_public_types(self) -> frozenset[str]:
        """The types whose RES-024 depends on another resource of the stack (``network_joined``; an API Gateway
        Integration, by its Methods: ``stages.JOINED_PUBLIC_TYPES``; falsealarm47: a stack whose template holds an API
        body in S3, whose callers are proven by the bucket being one the stack makes, ``held_in_s3`` ``callers``): the
        policy pack judges them with the whole stack in view, not one resource at a time (stop 43)."""
        joined = frozenset(f.type for f in self._public.network_joined) if self._public is not None else frozenset()
        held = frozenset(t for (t, _), r in self._template_inputs.items() if "callers" in r.held_in_s3.values())
        return joined | held | JOINED_PUBLIC_TYPES  # an Integration's RES-024 is its Methods' answer (publicauth43)

    @functools.cached_property
    def _public_principal_fields(self) -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
        """Principal inputs outside a policy document by type, each with the inputs that restrict it (RES-024)."""
        fields: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
        for f in self._public.principal_fields if self._public is not None else ():
            fields[f.type] = (*fields.get(f.type, ()), (tuple(f.path.split(".")), f.restricted_by))
        return fields

    @functools.cached_property
    def _public_value_paths(self) -> Mapping[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
        """Visibility inputs by type, each with the values that make the resource public (RES-024)."""
        fields: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = {}
        for f in self._public.public_value_fields if self._public is not None else ():
            values = frozenset(v.lower() for v in f.values)
            fields[f.type] = (*fields.get(f.type, ()), (tuple(f.path.split(".")), values))
        return fields

    @functools.cached_property
    def _public_kind_paths(self) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """Resources public by kind, by type, each with the input a finding is placed at (``public_kinds``, stop 43)."""
        return self.endpoints.typed_paths(self._public.public_kinds) if self._public is not None else {}

    @functools.cached_property
    def _anonymous_reads(self) -> Mapping[str, tuple[AnonymousReadIntegration, ...]]:
        """Integration inputs that serve stored data directly, by type (``anonymous_reads``, stop 43)."""
        entries: dict[str, tuple[AnonymousReadIntegration, ...]] = {}
        for e in self._public.anonymous_reads if self._public is not None else ():
            entries[e.type] = (*entries.get(e.type, ()), e)
        return entries

    def _judge_anonymous_read(self, walk: _Walk, value: str, path: str) -> None:
        """An integration that serves stored data with no code in between (``anonymous_reads``: an ``AWS`` integration
        whose uri reads S3, DynamoDB ...) through a Method that requires no authorization and no API key: a grant to
        everyone (RES-024, stop 43). Whether every Method it serves is restricted is the stage-variables join's answer
        (``stages.METHOD_AUTHORIZED``, through ``known``): a door without the join, or no Method of the program on its
        resource and HTTP method, proves none (fail closed). Since stop 44 the same integration written in an API's
        OpenAPI ``body`` (``operation_security`` entries) is judged alike, its type and method read in its
        ``x-amazon-apigateway-integration`` object and its callers by its operation's ``security``
        (``stages.operation_authorized``): the body holds both, no other resource is joined."""
        for entry in self._anonymous_reads[walk.subject.type]:
            if not _path_is(walk.kpath, tuple(entry.path.split("."))):
                continue
            body = entry.operation_security
            inputs = walk.parent if body and isinstance(walk.parent, Mapping) else walk.subject.props
            kind = prop_of(inputs, entry.kind_input)
            if isinstance(kind, bool):
                kind = str(kind)  # an Alibaba Cloud Api's ``backend_enabled`` (kinds ``[TRUE]``, stop 44)
            if kind is not None and walk.defer is not None and walk.defer(kind):
                # Decided at deployment (a preview's unknown; stop 45, apijoin45): it may be any kind the entry names,
                # so the read is judged as if it were (fail closed). The guard holds the judged input until the kind
                # resolves (``context_inputs``), so it judges the value the deployment sends.
                kind = entry.kinds[0]
            if not (isinstance(kind, str) and kind.strip().upper() in {k.upper() for k in entry.kinds}):
                continue
            # An HTTP API integration names its action by subtype (``SQS-ReceiveMessage``), compared as written.
            head = _service_read_head(value) or value.strip().lower()
            if head not in {r.lower() for r in entry.reads}:
                continue
            http = prop_of(inputs, entry.method_input)
            if (
                head.endswith(":path/")
                and isinstance(http, str)
                and http.strip().upper() not in {m.upper() for m in entry.read_methods}
            ):
                continue  # a path-form uri called to upload or delete serves no stored data
            if body:
                # The whole OpenAPI document is the one being walked (its top-level ``security``); at the guard the
                # body was an Output, judged once resolved (``check_value``), so the input itself is no text.
                if operation_authorized(walk.document, walk.outer, walk.subject.type == REST_API_TYPE):
                    return
            elif walk.known is not None and walk.known(METHOD_AUTHORIZED):
                return
            if walk.subject.type == ALI_API_TYPE:
                self._add_public(
                    walk,
                    path,
                    value,
                    "The ANONYMOUS API sends every caller to the Backend its `backend_id` names (`backend_enabled`) "
                    "with no authentication, and that Backend is an OSS bucket (`backend_type` OSS), or one the "
                    "program does not make: the bucket's objects are served to anyone with no code in between",
                )
                return
            through = (
                "path of the API's OpenAPI body whose operation has no security requirement API Gateway enforces "
                "(no `security`, `security: []`, an empty requirement, or a scheme with no authorizer, IAM or API key)"
                if body
                else "method that requires no authorization and no API key (authorization NONE), or whose method the "
                "program does not make"
                if walk.subject.type == INTEGRATION_TYPE
                else "route that requires no authorization (authorization_type NONE, the default), or whose route the "
                "program does not make"
            )
            self._add_public(
                walk,
                path,
                value,
                f"The {kind.strip().upper()} integration serves stored data ({head}) with no code in between through a "
                + through,
            )
            return

    def _judge_public_statement(self, walk: _Walk, statement: Mapping[Any, Any], path: str) -> None:
        """A policy statement that allows everyone (RES-024): a ``Principal`` of ``*`` (``{"AWS": "*"}``, OSS's
        ``["*"]``) or any ``NotPrincipal``, in an Allow (a Deny never gets here), without a Condition that restricts who
        by a fixed value of a catalogued key (``public_access.restricting_conditions``: AWS's and OSS's definitions of
        a non-public policy). A provider function's arguments and the policies that grant nothing (a VPC endpoint's,
        ``not_grants``) are skipped; so is a key path without a ``statement`` (no policy document)."""
        if self._public is None or ("Principal" not in statement and "NotPrincipal" not in statement):
            return
        kpath = walk.kpath
        if "statement" not in kpath or not walk.subject.type.rsplit(":", 1)[-1][:1].isupper():
            return
        if any(kpath[: len(p)] == p for p in self._not_grant_paths.get(walk.subject.type, ())):
            return
        negated = "NotPrincipal" in statement
        principal = statement.get("NotPrincipal") if negated else statement.get("Principal")
        if not negated and not self._names_everyone(principal):
            # A statement to a service principal is not judged by its source keys (stop 42 review): aws:SourceAccount /
            # aws:SourceArn / aws:SourceOrgID narrow which account's resources the service acts for, and the same
            # statement without them (the service acting for every account) is accepted, so the narrower one is too.
            return
        if self._restricts_who(statement.get("Condition")) or self._denied_unless_restricted(walk.parent, statement):
            if not negated:
                inbound = self._delivers_only(walk, statement)  # the accounts named may only deliver (inbound47)
                self._judge_caller_accounts(walk, statement.get("Condition"), path, inbound)
                self._judge_deny_accounts(walk, walk.parent, statement, path, inbound)
            return
        if not negated and self._restricted_to_endpoints(walk, statement.get("Condition"), path):
            return
        if self._in_own_network(walk):
            return  # a VPC OpenSearch domain's own access policy: only callers in its VPC reach it (public42)
        key = "NotPrincipal" if negated else "Principal"
        shown = json.dumps(principal, sort_keys=True) if not isinstance(principal, str) else principal
        what = f"allows everyone except {shown}" if negated else "allows everyone (`*`)"
        self._add_public(
            walk,
            f"{path}.{key}",
            principal,
            f"The policy statement {what} with no condition that "
            "restricts who (a fixed aws:SourceAccount, aws:SourceArn, aws:SourceVpce, aws:PrincipalOrgID, "
            "aws:SourceIp ...)",
        )

    def _denied_unless_restricted(self, document: Any, allow: Mapping[Any, Any]) -> bool:
        """Whether the Deny statements of the same document refuse everyone every request ``allow`` allows unless a
        restricting key has a fixed value (API Gateway's private API example: ``Deny`` ``*`` ``execute-api:Invoke``
        when ``StringNotEquals aws:SourceVpce``, beside an ``Allow`` to ``*``). An explicit deny overrides any allow
        (IAM policy evaluation logic), so the Allow then reaches only who the Denies' conditions let through, as if
        they were its own. Only Denies to ``*`` whose whole Condition is one negated operator on one restricting key
        with fixed values count (a second key would be ANDed: the deny would apply to fewer requests), and no
        ``NotAction`` / ``NotResource`` on the Allow (a Deny's are read exactly since public42, stop 42). Since stop
        41 several such Denies may cover the Allow together: every pair of one of its Action patterns and one of its
        Resource patterns must be covered by one Deny's ``Action`` and ``Resource`` (a request the Allow allows matches
        some such pair, so that Deny refuses it unless its key is fixed); one Deny covering them all is the case
        before."""
        if any(k in allow for k in ("NotAction", "NotResource")):
            return False
        statements = _statements(document)
        if statements is None or not any(s is allow for s in statements):
            return False
        denies = [d for _, d in self._restricting_denies(statements)]
        if not denies:
            return False
        pairs = _allowed_pairs(allow)
        return bool(pairs) and all(any(_deny_covers(d, allow, a, r) for d in denies) for a, r in pairs)

    def _restricting_denies(self, statements: Sequence[Any]) -> list[tuple[int, Mapping[Any, Any]]]:
        """The Deny statements of a document's ``statements`` that restrict who (:meth:`_deny_restricts`), with their
        indices: what both an Allow's restriction and the accounts it then reaches are read from."""
        return [
            (i, d)
            for i, d in enumerate(statements)
            if isinstance(d, Mapping) and _is_deny_statement(d) and self._deny_restricts(d)
        ]

    def _deny_restricts(self, deny: Mapping[Any, Any]) -> bool:
        """A Deny to ``*`` whose whole Condition is one negated operator on one restricting key with fixed values: it
        refuses every request it names unless that key has one of them. Since public42 (stop 42) its actions and
        resources may be named by ``NotAction`` / ``NotResource`` (read exactly by :func:`_deny_covers`)."""
        assert self._public is not None
        if "NotPrincipal" in deny or not self._names_everyone(deny.get("Principal")):
            return False
        condition = deny.get("Condition")
        if not isinstance(condition, Mapping) or len(condition) != 1:
            return False
        ((op, body),) = condition.items()
        o = str(op).strip().lower().removesuffix("ifexists")
        if o not in _NEGATED_OPERATORS or not isinstance(body, Mapping) or len(body) != 1:
            return False
        ((k, v),) = body.items()
        name = str(k).strip().lower()
        return name in self._public.restricting_conditions and self._fixed(v, name)

    def _names_everyone(self, principal: Any) -> bool:
        assert self._public is not None
        if isinstance(principal, str):
            return principal.strip() in self._public.everyone
        if isinstance(principal, Mapping):
            return any(self._names_everyone(v) for v in principal.values())
        if isinstance(principal, (list, tuple)):
            return any(self._names_everyone(v) for v in principal)
        return False

    def _restricts_who(self, condition: Any) -> bool:
        """Whether a statement's Condition limits who it reaches: a positive operator (no ``Not``, no ``IfExists``, no
        ``Null`` / ``Bool``, no ``ForAllValues:``, which holds when the key is absent) on a restricting key whose
        values are all fixed (no wildcard, no policy variable, no CIDR of everyone)."""
        assert self._public is not None
        restricting = self._public.restricting_conditions
        return any(name in restricting and self._fixed(v, name) for _, _, name, v in _positive_conditions(condition))

    def _judge_caller_accounts(self, walk: _Walk, condition: Any, path: str, inbound: bool = False) -> None:
        """A statement to everyone that its Condition limits to callers of fixed accounts
        (``public_access.account_conditions``: aws:PrincipalAccount, kms:CallerAccount, aws:PrincipalArn, and since
        the false-alarm review of stop 41 an aws:userid naming an account, under a positive operator) grants those
        accounts, as a ``Principal`` naming them does: each value's account is judged
        as a granted account (RES-023: the stack's own when a provider is pinned to it, aws-cn in CN, else refused
        unless declared). Found by the mutation search, round 10: ``"Principal": "*"`` with ``aws:PrincipalAccount``
        another account's id passed, where ``{"AWS": "<id>"}`` was refused. Since orgkeys42 (stop 42) also the keys
        naming the account, resource or organization a service acts for (``source_conditions``) and an organization
        (``organization_conditions``, judged by :meth:`_judged_as_organization`), on a statement to everyone only
        (a service principal's source keys narrow it: not judged). ``inbound``: the statement allows only
        ``delivery_actions`` (stop 47), so its accounts and (since stop 48, the lead's decision) its organizations are
        not judged as grants: they may only hand data in."""
        assert self._public is not None
        for op, k, name, v in _positive_conditions(condition):
            if name not in self._grant_conditions or not self._fixed(v, name):
                continue
            self._judge_account_values(walk, v, f"{path}.Condition.{op}.{k}", name, inbound)

    @functools.cached_property
    def _grant_conditions(self) -> frozenset[str]:
        """Every condition key whose fixed values name whom a statement reaches (accounts, principals, resources a
        service acts for, organizations): each value judged as a grant (RES-023)."""
        assert self._public is not None
        p = self._public
        return p.account_conditions | p.source_conditions | p.organization_conditions

    def _judge_account_values(self, walk: _Walk, v: Any, at: str, name: str, inbound: bool = False) -> None:
        """Each value of a ``_grant_conditions`` key ``name`` judged as a granted account (RES-023): an organization's
        id or path as an organization (:meth:`_judged_as_organization`), a resource ARN (aws:SourceArn) by its account
        field, an aws:userid unique id as a principal of an unknown account (:meth:`_judged_as_unique_id`)."""
        assert self._public is not None
        items = list(v) if isinstance(v, (list, tuple)) else [v]
        for i, item in enumerate(items):
            where = f"{at}[{i}]" if isinstance(v, (list, tuple)) else at
            text = str(item).strip()
            if inbound:
                continue  # a delivery-only statement's account, organization, unique id or source: it hands data in
            if name in self._public.organization_conditions:
                self._judged_as_organization(walk, text, where)
                continue
            # An aws:userid of the root user (the account id) or a federated user (`<account id>:<name>`).
            account = _USERID_ACCOUNT.match(text)
            value = account.group(1) if account is not None else text
            if self._judged_as_account(walk, value, where):
                continue
            resource = _RESOURCE_ARN.match(text)
            if resource is not None and _IAM_ARN.match(text) is None:
                # aws:SourceArn: the account field of the resource the service acts for.
                root = f"arn:{resource.group(1)}:iam::{resource.group(2)}:root"
                self._judged_as_account(walk, root, where, source=text)
            elif name in self._public.userid_conditions and _UNIQUE_ID.match(text) is not None:
                self._judged_as_unique_id(walk, text, where)

    def _partition_closed(self) -> bool:
        """Whether every AWS partition of the jurisdiction lies wholly in it (aws-cn in CN)."""
        return set(self.jurisdiction.aws.partitions) <= self._closed_partitions

    def _judged_as_organization(self, walk: _Walk, text: str, path: str) -> None:
        """An organization a statement or permission reaches (``organization_conditions`` / ``organization_fields``):
        every account of it is granted, and no provider pin or catalogue places an organization's accounts, so it is
        refused (RES-023) unless declared by its id (``o-...``; a path value may also be declared as written), or the
        jurisdiction's partitions lie wholly in it (aws-cn in CN, judged as an aws-cn account is). A value that is no
        organization id or path is left as before (the service refuses it)."""
        org = _ORG_ID.match(text)
        if org is None or self._partition_closed():
            return
        detail = (
            f"Organization {org.group(0)} is granted access: every account of it is, and an organization's accounts "
            f"are not kept in one country (no provider pin or catalogue lists them), so it cannot be proven in "
            f"{self._j()}. Limit it to the stack's pinned accounts (aws:PrincipalAccount), or declare the "
            f"organization (match: '{org.group(0)}')."
        )
        self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, text, detail, (text, org.group(0)))

    def _judged_as_unique_id(self, walk: _Walk, text: str, path: str) -> None:
        """An aws:userid naming one IAM user or role by its unique id (``AIDA...``, ``AROA...:*``): the id carries no
        account, so the principal's account is not proven (RES-023) unless declared by the id, or the jurisdiction's
        partitions lie wholly in it (aws-cn in CN: a principal of aws-cn)."""
        if self._partition_closed():
            return
        unique = text.split(":", 1)[0]
        detail = (
            f"The principal with unique id {unique} is granted access, but a unique id names no account the engine can "
            f"read (nor does any front door see a role's unique_id output), so its account cannot be proven in "
            f"{self._j()}. Name the principal by its ARN (aws:PrincipalArn) under a pinned account, or declare the id "
            f"(match: '{unique}')."
        )
        self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, text, detail, (text, unique))

    def _judge_deny_accounts(
        self, walk: _Walk, document: Any, allow: Mapping[Any, Any], path: str, inbound: bool = False
    ) -> None:
        """The accounts a restricting Deny of the same document lets through (``StringNotEquals aws:PrincipalAccount
        <account>`` beside an Allow to ``*``, a Deny whose Action and Resource cover a pair of the Allow's): the Allow
        then reaches only that account's principals there, a grant as if its own Condition named the account (false-
        alarm review of stop 41: round 10's open item, the partner's account passed)."""
        assert self._public is not None
        statements = _statements(document)
        if statements is None or not path.endswith("]"):
            return
        pairs = _allowed_pairs(allow)
        stem = path.rsplit("[", 1)[0]
        for index, deny in self._restricting_denies(statements):
            ((op, body),) = deny["Condition"].items()
            ((k, v),) = body.items()
            name = str(k).strip().lower()
            if name not in self._grant_conditions:
                continue
            if not any(_deny_covers(deny, allow, a, r) for a, r in pairs):
                continue
            self._judge_account_values(walk, v, f"{stem}[{index}].Condition.{op}.{k}", name, inbound)

    def _restricted_to_endpoints(self, walk: _Walk, condition: Any, path: str) -> bool:
        """Whether a statement's Condition limits it to subscriptions delivering to fixed destinations
        (``public_access.endpoint_conditions``: ``sns:Endpoint`` under a positive operator, every value one of
        :meth:`_endpoint_target`'s: a resource ARN with a 12-digit account, a URL with a fixed host, an e-mail
        address or address pattern with a fixed domain). Each value is then judged as the destination it names: an
        ARN's account as a subscription endpoint's (RES-023 unless pinned or declared), its Region as any ARN's where
        the walk reads it; a URL's host where the walk reads the URL (RES-015 unless proven or declared, RES-006 for a
        foreign cloud host); an address's domain as an SNS e-mail subscription's (RES-015 unless declared). One value
        that restricts nothing (``*``, ``https://*``, ``*@*``) keeps the statement public (False)."""
        assert self._public is not None
        if not self._public.endpoint_conditions:
            return False
        mail_only = self._mail_protocols_only(condition)
        for op, k, name, v in _positive_conditions(condition):
            if name not in self._public.endpoint_conditions:
                continue
            items = list(v) if isinstance(v, (list, tuple)) else [v]
            targets = [self._endpoint_target(i, mail_only) for i in items]
            if not items or any(t is None for t in targets):
                continue
            at = f"{path}.Condition.{op}.{k}"
            for i, (value, target) in enumerate(zip(items, targets, strict=True)):
                where = f"{at}[{i}]" if isinstance(v, (list, tuple)) else at
                if isinstance(target, re.Match):
                    root = f"arn:{target.group(1)}:iam::{target.group(2)}:root"
                    self._judged_as_account(walk, root, where, written=value.strip())
                elif target is not None and target[0] == "mail":
                    self._judged_as_bare_host(walk, target[1], where)
                # A URL's host is judged where the walk reads the URL (the reference scan), once.
            return True
        return False

    def _mail_protocols_only(self, condition: Any) -> bool:
        """Whether a statement's Condition fixes the subscription protocol (``endpoint_protocol_conditions``) to
        e-mail protocols only (``mail_protocols``), under a positive operator: its endpoints are then addresses."""
        assert self._public is not None
        keys, mail = self._public.endpoint_protocol_conditions, self._public.mail_protocols
        return any(
            name in keys
            and (items := list(v) if isinstance(v, (list, tuple)) else [v])
            and all(isinstance(i, str) and i.strip().lower() in mail for i in items)
            for _, _, name, v in _positive_conditions(condition)
        )

    def _endpoint_target(self, value: Any, mail_only: bool) -> re.Match[str] | tuple[str, str] | None:
        """What one ``sns:Endpoint`` value restricts subscriptions to, or None when it restricts no one (a wildcard or
        a policy variable where the destination is named, a value of no endpoint form):

        - a resource ARN with a 12-digit account and no wildcard: its ARN match;
        - a URL of a catalogued scheme (``url_protocols``) whose scheme and authority are fixed and end at a fixed
          ``/`` or ``#`` (or the value's end): ``("url", host)``, when the reference scan reads that host in the value
          (so the walk judges it). ``https://*.fleet.example.com/*`` is no suffix pattern: its ``*`` matches
          ``partner.example/x`` too;
        - an e-mail address or pattern whose domain (after the last ``@``) is fixed and host-shaped: ``("mail",
          domain)``, when nothing before the ``@`` can make the value a URL: no wildcard there, or the statement fixes
          the protocol to e-mail (``mail_only``), or the fixed text before the wildcard begins no URL scheme."""
        assert self._public is not None
        if not isinstance(value, str):
            return None
        text = value.strip()
        wild = ("*", "?", "${")
        arn = _RESOURCE_ARN.match(text)
        if arn is not None:
            return arn if not any(w in text for w in wild) else None
        lowered = text.lower()
        schemes = tuple(f"{p}://" for p in self._public.url_protocols)
        scheme = next((s for s in schemes if lowered.startswith(s)), None)
        if scheme is not None:
            rest = text[len(scheme) :]
            end = min((i for i in (rest.find("/"), rest.find("#")) if i >= 0), default=len(rest))
            authority = rest[:end]
            if not authority or any(w in authority for w in wild):
                return None
            hostport = authority.rpartition("@")[2]  # after any user information
            host, colon, port = hostport.rpartition(":")
            if not colon:
                host = hostport
            elif not port.isdigit():
                return None  # a port that is no number (a bracketed IPv6 literal too): left public
            host = host.lower().rstrip(".")
            judged = self.parser.has_candidates(text) and any(
                r.text.lower().rstrip(".") == host for r in self.parser.scan(text, screened=True)
            )
            return ("url", host) if host and judged else None
        local, at, domain = text.rpartition("@")
        domain = domain.lower().rstrip(".")
        if not at or not local or not domain or any(w in domain for w in wild) or not is_host_shaped(domain):
            return None
        first = min((i for i in (local.find(w) for w in wild) if i >= 0), default=-1)
        if first >= 0 and not mail_only:
            start = local[:first].lower()
            if any(s.startswith(start) for s in schemes):
                return None  # `*@fleet.example.com` also matches `https://partner.example/?to=x@fleet.example.com`
        return ("mail", domain)

    def _fixed(self, value: Any, key: str) -> bool:
        """Every value names someone fixed: no wildcard (an organization path's after its ``o-...`` id), no policy
        variable, no CIDR of everyone."""
        assert self._public is not None
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        prefix = (
            _ORG_PATH
            if key in self._public.org_path_conditions
            else _ACCOUNT_FIXED_ARN
            if key in self._public.arn_conditions
            else _UNIQUE_ID_SESSIONS
            if key in self._public.userid_conditions
            else None
        )
        return (
            bool(items)
            and all(
                isinstance(v, str)
                and v.strip() != ""
                and "${" not in v
                and (
                    (prefix is not None and prefix.match(v.strip()) is not None)
                    or (not any(c in v for c in ("*", "?")) and v.strip() not in self._public.open_cidrs)
                )
                for v in items
            )
            and not _covers_every_address(items)
        )

    @functools.cached_property
    def _public_types(self) -> frozenset[str]:
        """Every type a branch of :meth:`_judged_as_public` tests by its table (the keys of each): for any other type
        only its grantee test (``public_grantees``, AWS) can hold, so :meth:`_judge_text` calls it for these types or
        such a grantee only. A branch keyed by a new table adds that table here."""
        # Built once per engine (every door makes one per program): the union in C, no generator per key.
        tables = (self._public_kind_paths, self._public_value_paths, self._public_principal_fields)
        return frozenset(self._acl_paths).union(*tables)

    def _judged_as_public(self, walk: _Walk, value: str, path: str) -> bool:
        """A canned ACL that grants everyone, a grant to the AllUsers / AuthenticatedUsers group, or a permission's
        principal ``*`` none of whose restricting inputs is set (RES-024); False for anything else (judged as
        before)."""
        public = self._public
        assert public is not None
        text = value.strip()
        kind = walk.subject.type
        if (
            kind in self._acl_paths
            and text.lower() in public.public_acls
            and _at_any(walk.kpath, self._acl_paths[kind])
        ):
            self._add_public(
                walk,
                path,
                value,
                f"The canned ACL {text!r} grants every user (AllUsers or "
                "AuthenticatedUsers: anyone with an account anywhere) access",
            )
            return True
        if walk.cloud == "aws" and text in public.public_grantees:
            self._add_public(walk, path, value, f"The ACL grant to {text} grants everyone in that group access")
            return True
        if kind in self._public_kind_paths and _at_any(walk.kpath, self._public_kind_paths[kind]):
            self._add_public(
                walk, path, value, "It is readable by everyone by kind (anonymous pulls; no setting limits it)"
            )
            return True
        if kind in self._public_value_paths and any(
            _path_is(walk.kpath, field) and text.lower() in values for field, values in self._public_value_paths[kind]
        ):
            self._add_public(
                walk, path, value, f"The setting {text!r} makes it readable by everyone (anonymous pulls, any account)"
            )
            return True
        if text in public.everyone and kind in self._public_principal_fields:
            for field, restricted_by in self._public_principal_fields[kind]:
                if _path_is(walk.kpath, field) and not any(
                    self._permission_restricted(kind, r, prop_of(walk.subject.props, r)) for r in restricted_by
                ):
                    limits = " or ".join(restricted_by)
                    self._add_public(
                        walk, path, value, f"The permission grants `*` (every account, anyone) with no {limits}"
                    )
                    return True
        return False

    def _permission_restricted(self, kind: str, name: str, value: Any) -> bool:
        """Whether a permission's restricting input limits who it reaches: set, and, when it is a literal the catalogue
        maps to a condition key (``source_arn``: ``aws:SourceArn``), fixed as that key's value would be (RES-024). A
        value not yet known (an Output) counts as set: what it will be is judged when it is known."""
        if value is None:
            return False
        assert self._public is not None
        keys = {k: v for f in self._public.principal_fields if f.type == kind for k, v in f.condition_keys.items()}
        if not isinstance(value, str) or name not in keys:
            return True
        return self._fixed(value, keys[name].lower())

    @functools.cached_property
    def _acl_grantees(self) -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
        """ACL grantee fields by type (``acl_grantee_fields``), each with the key path of the owner's identity (empty
        where the input names no owner)."""
        fields: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
        for f in self.endpoints.acl_grantee_fields:
            entry = (tuple(f.path.split(".")), tuple(f.owner.split(".")) if f.owner else ())
            fields[f.type] = (*fields.get(f.type, ()), entry)
        return fields

    def _judge_acl_grantee(self, walk: _Walk, value: str, path: str) -> None:
        """An ACL grant to a canonical user id or an e-mail address (``acl_grantee_fields``; awsred47): neither names
        an account number, so the only grantee proven is the ACL's own owner (the bucket owner's canonical id, which
        the grant gives nothing new); any other identity is another account granted access (RES-023) unless declared
        by its exact id or address. An owner not known yet (an Output) proves nothing (fail closed), nor does an input
        that names no owner beside its grants (awsred48: an object copy's or a bucket's legacy ``grants``, a logging
        target's ``target_grants``). In a partition wholly inside the jurisdiction (aws-cn in CN) every account is."""
        grantee = value.strip()
        j = self.jurisdiction
        if not grantee or (j.aws.partitions and set(j.aws.partitions) <= self._closed_partitions):
            return
        for field, owner_path in self._acl_grantees[walk.subject.type]:
            if not _path_is(walk.kpath, field):
                continue
            owner = _value_at(walk.subject.props, owner_path) if owner_path else None
            if isinstance(owner, str) and owner.strip() == grantee:
                return
            named = f"the owner the ACL names ({owner!r})" if owner_path else "an owner (the input names none)"
            detail = (
                f"The ACL grants {grantee!r}, an identity other than {named}, access: a "
                "canonical user id or an e-mail address belongs to an account no provider of the stack is pinned to, "
                f"which can read the data and move it anywhere, so it cannot be proven in {self._j()}. Grant only the "
                "owner (a bucket policy naming a pinned account grants another account of the stack), or declare the "
                "grantee."
            )
            self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, value, detail, (grantee,))
            return

    def _add_public(self, walk: _Walk, path: str, value: Any, what: str) -> None:
        name = f"public:{walk.subject.name}"
        detail = (
            f"{what}: anyone in any country can reach the data, so it cannot be proven in {self._j()}. Restrict it, or "
            f'declare it public in sovereign-dc:destinations: {{"id": "...", "kind": "resident", "match": "{name}", '
            '"evidence": "public website content, no personal data"}.'
        )
        self._add_coverable(walk, RuleId.PUBLIC_ACCESS_DECLARED, path, value, detail, (name,))

    def _judge_text(self, walk: _Walk, value: str, path: str, key: str, depth: int) -> None:
        """A string of a resource that is no workflow: an AWS account a policy grants (RES-023), else every other place
        a string may name; a grant to everyone (RES-024). A catalogued grant field may name the other account's resource
        by its ARN (an Observability Access Manager link's sink): its account is judged as a grant, its Region as any
        ARN's."""
        public = self._public
        if (
            public is not None
            # Its branches by type (_public_types), else its one test for any type: most strings skip the call.
            and (
                walk.subject.type in self._public_types
                or (walk.cloud == "aws" and value.strip() in public.public_grantees)
            )
            and self._judged_as_public(walk, value, path)
        ):
            return
        if walk.subject.type in self._anonymous_reads:
            self._judge_anonymous_read(walk, value, path)  # the uri's region and bucket are judged below as before
        # The catalogued paths of the few types that have them: every other type skips the call (any() of no paths is
        # False).
        kind = walk.subject.type
        if kind in self._organization_paths and _at_any(walk.kpath, self._organization_paths[kind]):
            self._judged_as_organization(walk, value.strip(), path)  # a permission to every account of an organization
        if kind in self._acl_grantees:
            self._judge_acl_grantee(walk, value, path)  # a canonical user or e-mail grantee (awsred47)
        # _grants_account is False for a type with no granted_account_fields at a place under no grant key (its first
        # two tests): most strings skip the call.
        if (
            (kind in self._granted_account_paths or not _GRANT_KEYS.isdisjoint(walk.kpath))
            and self._grants_account(walk)
            and not self._refused_by_field_service(walk, value)
        ):
            inbound = self._principal_delivers_only(walk)
            if self._judged_as_account(walk, value, path, inbound=inbound) or self._judged_as_account_list(
                walk, value, path
            ):
                return
            m = _RESOURCE_ARN.match(value.strip())
            if m is not None and self._granted_field(walk):
                # A resource's ARN in a grant field (a Lattice association's service network, awsred44): its account
                # is granted; the stack's own resource by its ARN output is proven as a written one is (made_arns,
                # review44: the own service network's `arn` under a provider pinning no account).
                self._judged_as_account(walk, f"arn:{m.group(1)}:iam::{m.group(2)}:root", path, source=value.strip())
        elif kind in self._written_account_paths and _at_any(_property_kpath(walk), self._written_account_paths[kind]):
            # written_account_fields: the resource the stack writes into (a target, a dead-letter queue, a log
            # destination) names its owner account in its ARN (or an SQS queue URL's path), judged as a grant's; its
            # Region is judged below. An API Gateway Lambda invocation URI is judged as the function it invokes
            # (awsred47), so the stack's own function's `invoke_arn` is proven as its `arn` is (made_arns).
            written = _invoked_function(value.strip())
            owner = self._written_owner(walk, written)
            if owner is not None and not self._reads_only(walk):
                self._judged_as_account(walk, owner, path, written=written)
        self._judge_string(walk, value, path, key, depth)

    @functools.cached_property
    def _read_only_writes(self) -> Mapping[str, tuple[tuple[tuple[str, ...], str, frozenset[str]], ...]]:
        """Written fields by type, each with the input beside its map and the values that make the call read only."""
        fields: dict[str, tuple[tuple[tuple[str, ...], str, frozenset[str]], ...]] = {}
        for f in self.endpoints.written_account_fields:
            if f.read_only is not None:
                entry = (tuple(f.path.split(".")), f.read_only.key, frozenset(f.read_only.values))
                fields[f.type] = (*fields.get(f.type, ()), entry)
        return fields

    @functools.cached_property
    def _conditional_writes(self) -> Mapping[str, tuple[tuple[tuple[str, ...], str, frozenset[str]], ...]]:
        """Written fields by type that are writes only when an input beside them says so (``written_when``), each with
        that input's key and the values naming a write."""
        fields: dict[str, tuple[tuple[tuple[str, ...], str, frozenset[str]], ...]] = {}
        for f in self.endpoints.written_account_fields:
            if f.written_when is not None:
                entry = (tuple(f.path.split(".")), f.written_when.key, frozenset(f.written_when.values))
                fields[f.type] = (*fields.get(f.type, ()), entry)
        return fields

    @functools.cached_property
    def _action_writes(self) -> Mapping[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
        """Written fields of workflows by type that are written only in the listed task actions (``resources``)."""
        return _fields_by_action(self.endpoints.written_account_fields)

    @functools.cached_property
    def _action_hosts(self) -> Mapping[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
        """Destination fields of workflows by type that are hosts only in the listed task actions (``resources``)."""
        return _fields_by_action(self.endpoints.destination_fields)

    def _host_outside_actions(self, walk: _Walk, kpath: tuple[str, ...] | None = None) -> bool:
        """(awsred61) Whether the field being walked (``kpath``, else the walk's) is a workflow's destination field
        (``destination_fields`` ``resources``: PutEvents' ``EndpointId``) in a state calling another action, where the
        name means something else (an S3 on Outposts endpoint's id), or outside any task (a Pass state's data): judged
        as any text there, not as a host. A host key is a host in every action. One dict lookup for every other type."""
        entries = self._action_hosts.get(walk.subject.type)
        kpath = walk.kpath if kpath is None else kpath
        if not entries or self._host_key(_key_tokens(kpath[-1])):
            return False
        action = _task_action(walk.task)
        return any(_at_any(kpath, (field,)) and action not in actions for field, actions in entries)

    def _runtime_host_field(self, walk: _Walk, kpath: tuple[str, ...]) -> bool:
        """(awsred62) Whether ``kpath`` (a run-time value's field, without ``.$``) is one of the workflow type's
        ``destination_fields`` in the state's own action (PutEvents' ``EndpointId``: :meth:`_host_outside_actions`):
        a host the state sends to, chosen at run time (``EndpointId.$``, a JSONata ``EndpointId``) as a literal one is
        written. One dict lookup for every other type."""
        fields = self._destination_fields.get(walk.subject.type)
        return fields is not None and _at_any(kpath, fields) and not self._host_outside_actions(walk, kpath)

    def _reads_only(self, walk: _Walk) -> bool:
        """Whether the written field being walked is one whose call, by the catalogued ``read_only`` input in the map
        holding the field's map, only reads from or empties what it names (an HTTP API integration of subtype
        ``SQS-ReceiveMessage`` / ``-DeleteMessage`` / ``-PurgeQueue``: the queue receives nothing of the stack's, so
        its account is no transfer's; stop 43). Only an exact catalogued value counts: an absent, unknown (an Output,
        a preview's unknown) or other value is a write (fail closed). In a workflow (``runtime_destinations`` types)
        the input is the enclosing state's ``Resource`` (``walk.task``, through nested maps and lists such as
        PutEvents' ``Entries``), compared by its action after ``arn:<partition>:states:::``
        (``aws-sdk:sqs:receiveMessage``) whatever the partition (sfn44, stop 44)."""
        for field, actions in self._action_writes.get(walk.subject.type, ()):
            # A parameter name that only the listed actions write into (``TargetArn`` of SNS Publish): in any other
            # action it is not judged as a destination (a tag listing's ``ResourceArn`` reads; sfn44b, stop 44).
            action = _task_action(walk.task)
            if _at_any(walk.kpath, (field,)) and action not in actions:
                return True
        for field, key, values in self._conditional_writes.get(walk.subject.type, ()):
            # written_when (awsred46): a field that is a write only when the input beside it (in the same map) says so,
            # a datashare association's `allow_writes`. Absent or another known value: a read, not judged; a value of
            # another kind (an Output not known yet) is judged (fail closed).
            if _at_any(walk.kpath, (field,)) and isinstance(walk.parent, Mapping):
                beside = prop_of(walk.parent, key)
                if beside is None:
                    return True
                if isinstance(beside, bool):
                    beside = "true" if beside else "false"
                if isinstance(beside, str) and beside.strip().lower() not in values:
                    return True
        for field, key, values in self._read_only_writes.get(walk.subject.type, ()):
            if not _at_any(walk.kpath, (field,)):
                continue
            if walk.subject.type in self._runtime_destinations:
                value: Any = (walk.task or "").rpartition(":::")[2]
            elif isinstance(walk.outer, Mapping):
                value = prop_of(walk.outer, key)
            else:
                continue
            if isinstance(value, str) and value.strip() in values:
                return True
        return False

    def _written_owner(self, walk: _Walk, text: str) -> str | None:
        """The account, as a grant names it, owning the resource a written field names, when it is judged: AWS by the
        ARN (``arn:<partition>:<service>:<region>:<12 digits>:...``) or an SQS queue URL, whose path's first segment is
        the owner account (``https://sqs.<region>.amazonaws.com/<account>/<name>``, an IoT rule's SQS action; the
        partition is its Region's); Alibaba Cloud by the ARN's UID (``acs:<service>:<region>:<uid>:...``) or a bare UID,
        whatever the provider: on the same terms as an Alibaba Cloud grant (stop 36), only a role a provider of the
        stack assumes proves an account the stack's own, so under a provider that assumes none the own queue is refused
        too (RES-023, fixed by ``assume_role`` / ``alicloud:assumeRole``; stop 40, where judging by Region alone let a
        partner's in-country account receive the data); a RAM role ARN (``acs:ram::<uid>:role/<name>``) by its UID, for
        the role fields whose role the receiving account makes (stop 41). None for anything else (an e-mail address, a
        bucket ARN with no account, a URL of a Region the catalogue does not know: its host is judged as any host is),
        and for a Region outside the jurisdiction, refused by the ARN's Region already (one finding, not two)."""
        if walk.cloud == "alicloud":
            a = _ACS_RESOURCE_ARN.match(text)
            r = _RAM_ARN.match(text) if a is None else None
            # A field naming the owner by its bare UID (a DTS destination's `destination_endpoint_owner_id`, a transit
            # router attachment's `vpc_owner_id`) is judged as that UID, on the same terms as an ARN's; a role field
            # whose role belongs to the account receiving the data (ActionTrail's `sls_write_role_arn`, an SLS OSS
            # export's `role_arn`: the destination account makes the role the service assumes to write there; stop 41)
            # by the role ARN's UID.
            uid = a.group(2) if a is not None else r.group(1) if r is not None else None
            uid = uid if uid is not None or not _ALI_OWNER_UID.fullmatch(text) else text
            if uid is None or (a and a.group(1) and a.group(1) not in self.jurisdiction.alicloud.regions):
                return None
            return f"acs:ram::{uid}:root"
        m = _RESOURCE_ARN.match(text)
        q = _QUEUE_URL.match(text) if m is None else None
        u = _QUEUE_PATH_URI.match(text) if m is None and q is None else None
        f = _PARTIAL_FUNCTION_ARN.match(text) if m is None and q is None and u is None else None
        if f is not None:
            # Lambda's partial ARN (`<account>:function:<name>`, Invoke "Name formats"; a Step Functions lambda:invoke
            # `FunctionName`): no partition or Region in it, the function is in the caller's Region; its account is
            # judged as a bare account id is (any partition of the jurisdiction; aws-cn's in CN, sfn44).
            return f.group(1)
        if m is not None:
            partition, account, region = m.group(1), m.group(2), text.split(":", 4)[3]
        elif q is not None and (known := self.catalogue.partition_of(q.group(1))) is not None:
            partition, account, region = known.name, q.group(2), q.group(1)
        elif u is not None:
            partition, account, region = u.group(1), u.group(3), u.group(2)
        else:
            return None
        if region and region not in self.jurisdiction.aws.regions:
            return None
        return f"arn:{partition}:iam::{account}:root"

    def _judge_string(self, walk: _Walk, value: str, path: str, key: str, depth: int) -> None:
        # Every string of every resource comes here: each test below is skipped when the place (``plan``,
        # cached per place) or a substring test says it cannot apply, so a plain name costs a few lookups.
        plan = self._key_plan(walk.subject.type, walk.kpath, key)
        if plan.match:
            return  # what a pattern or allow-list names is compared with, never sent to; text for humans
        if plan.payload:
            # falsealarm53: a script's `docker run --add-host host.docker.internal:host-gateway` makes that name the
            # machine itself for the script's text (a Compose file's `extra_hosts` entry, read by its YAML walk).
            names = self.parser.gateway_names(value)  # a substring test first: most scripts name no gateway
            # falsealarm54: and the names its `docker run --add-host NAME:<private address>` maps into the network
            names |= self.parser.added_host_names(value)  # a substring test first: most scripts add no host
            # the lead (stop 53): so do the names the script maps in /etc/hosts (each address judged where written)
            names |= hosts_file_names(value)  # a substring test first: most scripts write no /etc/hosts
            # falsealarm53b: the Host aliases an ssh client configuration the script writes resolves (ssh_config(5)
            # HostName, "nicknames or abbreviations for hosts") are those hosts for the ssh clients of the script.
            aliases = self._ssh_config_names(value)  # substring tests first: most scripts write no ssh config
            if not names <= walk.defined or not aliases <= walk.ssh_names:
                defined, ssh_names = walk.defined, walk.ssh_names
                walk.defined, walk.ssh_names = defined | names, ssh_names | aliases
                try:
                    self._judge_string(walk, value, path, key, depth)  # judged once, with the names the text defines
                finally:
                    walk.defined, walk.ssh_names = defined, ssh_names
                return
        if walk.template_resources is not None and ("://${" in value or "@${" in value):
            self._judge_template_urls(walk, value, path)  # (alired62) `@${`: a URL's userinfo before its host
        if (
            "{{resolve:" in value
            and walk.template_resources is not None
            and self._judged_dynamic(walk, value, path, plan)
        ):
            return  # fnros59: a dynamic reference at a destination (a substring test first: most strings hold none)
        if (
            # config64: an encoded host (an Elastic Cloud id) judged as the host it names
            (plan.encoded and self._judged_as_encoded_host(walk, value, path, key, depth, plan))
            or (plan.phone is not None and self._judged_as_phone(walk, value, path, plan.phone))
            or (plan.site and self._judged_as_site(walk, value, path))
            or (walk.subject.type in STAGE_TYPES and self._judged_as_stage_variable(walk, value, path, key))
            or (
                plan.account
                and self._judged_as_setting_account(walk, value, path, plan.account)
                # An ARN naming its Region (an S3 Tables warehouse's table bucket) places what it names there: judged
                # by that Region too, below, as in a `--conf` string (mutation search round 14: a Region abroad passed).
                and not _arn_names_region(value)
            )
        ):
            return
        if plan.services:
            self._check_global_field(walk, value, path, plan.services)
        if (
            (plan.region or plan.zone or plan.region_id)
            and not walk.existing
            and not self._switched_off_region(walk)
            and self._judged_as_place(walk, value, path, key, depth, plan)
        ):
            return
        # Only a document (its first character, or a line break for YAML), a payload or a key=value file can be one:
        # most strings (names, ARNs) skip the call.
        first = value[:1]
        if (
            plan.properties or plan.payload or first in _DOCUMENT_START or first.isspace() or "\n" in value
        ) and self._judged_as_payload(walk, value, path, key, depth, plan):
            return
        if "=" in value:  # _judge_written_settings reads only `key=value` text: most strings skip the call
            self._judge_written_settings(walk, value, path, plan)
        if plan.payload:  # script text (user data, a Cloud Assistant command): no other place pays for these reads
            value = self._judge_script(walk, value, path, depth)
        if plan.bucket and not walk.existing and self._judged_as_bucket_field(walk, value, path, plan):
            return
        candidates = self.parser.has_candidates(value)
        if (
            plan.host
            and not walk.no_destination
            and not self._host_outside_actions(walk)
            and self._judged_as_host(walk, value, path, key, depth, candidates)
        ):
            return
        if candidates and not (plan.host and walk.no_destination):
            # A TXT / SPF / CAA record's value (or a DKIM key's CNAME) is text no client is sent to: the hosts an SPF
            # policy names ("include:spfdm-cn-hangzhou.aliyun.com") are looked up by receivers, not sent data.
            self._judge_references(walk, value, path, key, plan.own_region)

    def _judged_as_encoded_host(self, walk: _Walk, value: str, path: str, key: str, depth: int, plan: _KeyPlan) -> bool:
        """(config64) A value under a key holding an encoded host (``encoded_host_keys``: Fluent Bit's / Fluentd's
        ``cloud_id``, FireLens options' ``Cloud_ID``) judged as the host it decodes to (:data:`_HOST_DECODERS`, the one
        decoder Filebeat's ``cloud.id`` is read by), as a host key's value is; True when it decoded. A value that does
        not decode (a ``${CLOUD_ID}``) is walked as before (the global-service entry refusing the output by
        ``when_set`` still does: :meth:`_set_undecoded`)."""
        host = _HOST_DECODERS[plan.encoded](value)
        if host is None:
            return False
        if walk.no_destination:
            return True
        candidates = self.parser.has_candidates(host)
        if not self._judged_as_host(walk, host, path, key, depth, candidates) and candidates:
            self._judge_references(walk, host, path, key, plan.own_region)
        return True

    def _decodes_host(self, name: str, value: Any) -> bool:
        """(config64) Whether ``value`` of a setting ``name`` is a text encoding a host its name says it encodes
        (``encoded_host_keys``), one the decoder reads."""
        form = self.endpoints.encoded_host_keys.get(_key_tokens(name).lower())
        return form is not None and isinstance(value, str) and _HOST_DECODERS[form](value) is not None

    def _set_undecoded(self, container: Any, path: str) -> bool:
        """(config64) Whether the input at dotted ``path`` below ``container`` is set (:func:`_set_at`) to a value that
        is no encoded host its key names (``encoded_host_keys``): a ``when_set`` input of a global-service entry
        (firelens-elastic-cloud-id's ``cloud_id``) set to an Elastic Cloud id that decodes leaves the output to the
        judgement of the decoded host (:meth:`_judged_as_encoded_host`), so a declared home deployment passes."""
        return _set_at(container, path) and not self._decodes_host(
            path.rpartition(".")[2], _value_at(container, path.split("."))
        )

    def _judged_dynamic(self, walk: _Walk, value: str, path: str, plan: _KeyPlan) -> bool:
        """(fnros59) A CloudFormation dynamic reference (``{{resolve:ssm:/orders/db-host}}``, ``ssm-secure``,
        ``secretsmanager``: the CloudFormation user guide, "Get values stored in other services using dynamic
        references": "CloudFormation retrieves the value of the specified reference when necessary during stack and
        change set operations") in a template's host, bucket or region field: the value is fetched at deployment, so
        nothing proves it is in the jurisdiction (RES-015 / RES-017 / RES-011), as a Parameter Store typed Parameter is
        (:func:`_fetched_parameter`); it passed every door as text before. True when so judged; any other place (a
        password, a name) is walked as before."""
        if not (plan.host or plan.bucket or plan.region) or plan.match or _DYNAMIC_REFERENCE.search(value) is None:
            return False
        what = "host" if plan.host else "bucket" if plan.bucket else "region"
        detail = (
            f"{value} is a dynamic reference: CloudFormation fetches its {what} from Parameter Store or Secrets "
            f"Manager at deployment, so nothing proves it is in {self._j()}. Write the {what} in the template (or a "
            "Parameter's value), or declare the destination."
        )
        if what == "region":
            walk.add(RuleId.KNOWN_REGION, path, value, detail)
        else:
            rule_id = RuleId.DESTINATION_HOST_PROVEN if plan.host else RuleId.REGIONLESS_REFERENCE_PROVEN
            self._add_coverable(walk, rule_id, path, value, detail, (value,))
        return True

    def _judged_as_bucket_field(self, walk: _Walk, value: str, path: str, plan: _KeyPlan) -> bool:
        """A string at a place naming a regionless bucket or group by name (``plan.bucket``, not a read's id), judged
        as that name: True when it was (a name), False for text read below as any string is (an ARN naming its
        region, a URL, what is no bucket name)."""
        if plan.bucket == _GROUP:
            if _arn_names_region(value):
                return False  # an ARN naming its region is judged by that region below
            # A blank id names no group.
            if value.strip() and not self._group_placed(walk) and not _template_own_variable(walk, value):
                self._judge_bucket_name(walk, value, path, group=True)
            return True
        # `<bucket>/<prefix>` (bucket_prefix_fields: CodeBuild's S3 log, cache and source locations) names the bucket by
        # its first segment, as does Transfer Family's absolute `/<bucket>/<prefix>` (a user's home directory); a URL or
        # an ARN there is read as one below. S3 CopySource is URL-encoded ("The value must be URL-encoded"): its slash
        # may be written `%2F`, which no bucket name holds.
        name = (
            _ENCODED_SLASH.sub("/", value).removeprefix("/").split("/", 1)[0]
            if plan.bucket == _PREFIXED and "://" not in value
            else value
        )
        if walk.template is not None and "${" in name and not plan.own_region and not self._names_itself(walk, path):
            # (fnsub49) A template's bucket name a variable is only part of (`partner-${Env}-exports`, an Fn::Sub text
            # judged at its property since stop 49): judged as the same name in an `s3://` URL is, each variable one
            # label, proven only by a bucket the template makes under that very name. A whole `${Name}` is judged as
            # the reference it is (_judged_as_intrinsic); text that is no bucket name is read below.
            filled = fill_placeholders(name).lower()
            if S3_BUCKET_NAME.match(filled) and filled.strip(PLACEHOLDER_LABEL + ".-"):
                self._judge_placeholder_bucket(walk, name, path)
                return True
        name = _bucket_name_form(name)
        if S3_BUCKET_NAME.match(name) and not self._s3_bucket_host(name):
            if not plan.own_region:  # else the bucket is where the resource is, and its region is judged
                self._judge_bucket_name(walk, name, path, text=value, variable=plan.bucket == _VARIABLE)
            return True
        return False

    def _runtime_tables(
        self,
    ) -> tuple[Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]], frozenset[str], frozenset[str]]:
        """Type token -> (key path, task resources) of its fields naming where a state writes (``runtime_destinations``:
        a string pays one dict lookup, None for every type but the workflows listed); the task actions whose destination
        such a field names (``aws-sdk:s3:putObject``); and those whose field is a host (``http:invoke``'s
        ``ApiEndpoint``), read as :meth:`_runtime_value` reads the field: by its host key."""
        fields = self.endpoints.runtime_destinations
        return (
            self.endpoints.runtime_paths(),
            frozenset(r for f in fields for r in f.resources),
            frozenset(r for f in fields if self._host_key(_key_tokens(f.path.rpartition(".")[2])) for r in f.resources),
        )

    def _state_resource(self, walk: _Walk, state: Mapping[Any, Any], path: str) -> str | None:
        """Inside a workflow (``runtime_destinations`` types), the ``Resource`` of the map being walked when it has one
        (a state, a Map's ItemReader or ResultWriter: what it calls), else the enclosing state's. A state calling an
        action whose destination a field names (S3 PutObject, CopyObject, an HTTP Task) with no request map of its own
        (no ``Parameters`` / ``Arguments`` object: the state's input is the request, or one JSONata expression gives it)
        writes where the execution input says: unproven, as a run-time value of that field is."""
        resource = state.get("Resource")
        if not isinstance(resource, str):
            return self._runbook_step(walk, state)
        action = resource.rpartition(":::")[2]
        if action in self._runtime_actions and not any(
            isinstance(state.get(k), Mapping) for k in ("Parameters", "Arguments")
        ):
            source = f"the whole request of {action} is the state's input"
            self._runtime_finding(walk, f"{path}.Resource", resource, action in self._runtime_host_actions, source)
        return resource

    @staticmethod
    def _runbook_step(walk: _Walk, step: Mapping[Any, Any]) -> str | None:
        """Inside an Automation runbook: its ``parameters`` kept at the document's root (``mainSteps``), and a step's
        action as its task (an ``aws:executeAwsApi`` step's ``Service`` / ``Api`` as ``aws-sdk:s3:putObject``, the
        name a Step Functions task gives the same call); else the enclosing step's."""
        if isinstance(step.get("mainSteps"), list):
            parameters = step.get("parameters")
            walk.document_parameters = parameters if isinstance(parameters, Mapping) else {}
        action, inputs = step.get("action"), step.get("inputs")
        if not isinstance(action, str) or not isinstance(inputs, Mapping):
            return walk.task
        service, api = inputs.get("Service"), inputs.get("Api")
        if action == "aws:executeAwsApi" and isinstance(service, str) and isinstance(api, str) and api:
            return f"aws-sdk:{service.lower()}:{api[0].lower()}{api[1:]}"
        return action

    def _judge_workflow_string(self, walk: _Walk, value: str, path: str, key: str, depth: int) -> None:
        """A string of a workflow: a run-time value (``<Key>.$``, JSONata) is judged by :meth:`_runtime_value` first,
        a runbook's ``{{ Parameter }}`` by :meth:`_parameter_values`."""
        if "{{" in value and walk.document_parameters is not None:
            for each in self._parameter_values(walk, value, path):
                self._judge_string(walk, each, path, key, depth)
            return
        if "$" in key or "{%" in value:
            runtime = self._runtime_value(walk, value, path, key)
            if runtime is None:
                return
            value = runtime
            if _PLACEHOLDER_TEXT in value:
                walk.runtime_text = True
                try:
                    self._judge_workflow_text(walk, value, path, key, depth)
                finally:
                    walk.runtime_text = False
                return
        self._judge_workflow_text(walk, value, path, key, depth)

    def _judge_workflow_text(self, walk: _Walk, value: str, path: str, key: str, depth: int) -> None:
        """A workflow's string (or the text a run-time value's fixed parts give) judged at its field."""
        # A catalogued grant field of a workflow type (an SSM document's `permissions.account_ids`) is read as any
        # resource's is; so is a written field (a state machine's `logging_configuration.log_destination`, whose
        # account was never judged: another account's log group passed, madearn43, stop 43).
        written = _at_any(walk.kpath, self._written_account_paths.get(walk.subject.type, ()))
        judge = self._judge_text if written or self._granted_field(walk) else self._judge_string
        judge(walk, value, path, key, depth)

    def _runtime_value(self, walk: _Walk, value: str, path: str, key: str) -> str | None:
        """A workflow's run-time value (``runtime_destinations`` types): an ASL ``<Key>.$`` path or intrinsic, or a
        JSONata ``{% ... %}`` expression. At a field naming where a state writes or sends it is unproven (RES-017 for a
        bucket, RES-015 for a host) unless the partition lies wholly in the jurisdiction or the expression is declared,
        and None is returned (judged). Elsewhere, and where a JSONata expression's string literals fix what it names
        (``{% 'exports' %}``, ``{% 'https://api.example.eu/' & $states.input.path %}``), the text to judge instead: its
        literals, each other part a placeholder (one label whatever fills it; nothing fixed after it names no host).
        An ASL ``States.Format('<template>', ...)`` is read the same way (:func:`_format_text`): the template with its
        string-literal arguments filled in and each other argument a placeholder, so the HTTP Task AWS CDK's HttpInvoke
        writes, ``"ApiEndpoint.$": "States.Format('{}/{}', 'https://api.example.eu', $.path)"``, is judged by its fixed
        host, while ``States.Format('{}', $.url)`` or a bucket ``States.Format('exports-{}', $.env)`` stays run-time."""
        runtime_key = key.endswith(".$")
        formatted = _format_text(value) if runtime_key else None
        text = _jsonata_text(value) if not runtime_key and value.lstrip().startswith("{%") else formatted or value
        if not runtime_key and text is value:
            return value  # a literal, judged as usual
        kpath = (*walk.kpath[:-1], key[:-2]) if runtime_key else walk.kpath
        # (awsred62) A destination field of the type (PutEvents' `EndpointId.$`: the global endpoint, a host) is one.
        destination = self._runtime_host_field(walk, kpath)
        if not destination and not self._runtime_field(walk, kpath):
            if _at_any(kpath, self._written_account_paths.get(walk.subject.type, ())):
                # A written destination's account (written_account_fields: `TopicArn.$`, `Credentials.RoleArn.$`).
                self._runtime_account(walk, value, text, path, kpath, runtime_key and formatted is None)
            return text  # not a destination (a source's `Bucket.$`, a job name): left to what fills it
        host = destination or self._host_key(_key_tokens(kpath[-1]))
        authority = text.split("://", 1)[-1].split("/", 1)[0] if host else text
        # A host under a fixed domain is judged by it; an endpoint id's fixed labels (`States.Format('{}.veo', $.e)`)
        # choose no endpoint: any whose id ends so (awsred62).
        fixed = _PLACEHOLDER_TEXT not in authority or (
            host and not destination and placeholder_host(authority) is not None
        )
        if (not runtime_key or formatted is not None) and fixed:
            return text  # a literal, or a host fixed or under a fixed domain (also by States.Format): judged as written
        self._runtime_finding(walk, path, value, host)
        return None

    def _runtime_account(
        self, walk: _Walk, value: str, text: str, path: str, kpath: tuple[str, ...], opaque: bool
    ) -> None:
        """A workflow's run-time value (``TopicArn.$``, ``Credentials.RoleArn.$``, a JSONata expression; ``text`` as
        :meth:`_runtime_value` reads it, ``opaque`` when nothing of it is fixed: a path or an intrinsic other than
        States.Format) at a field naming the resource a state writes into (``written_account_fields``; sfnrt45, stop
        45). Its account is judged as a written destination's (RES-023) when the fixed parts name it (``States.Format(
        'arn:aws:sns:eu-central-1:<account>:{}', $.topic)``, a queue URL's account before a run-time name), and passes
        when they fix a bare name (``States.Format('worker-{}', $.env)``: a name is the caller's account's); else
        whoever starts the execution chooses the account: unproven, refused unless the partition lies wholly in the
        jurisdiction (aws-cn in CN) or the exact expression is declared. A read-only action (``read_only``, or an
        action outside the field's ``resources``) sends nothing there and passes, as a literal does."""
        held = walk.kpath
        walk.kpath = kpath  # the field as written without `.$`, which read_only / resources are matched on
        try:
            if self._reads_only(walk):
                return
        finally:
            walk.kpath = held
        expression = value.strip()
        filled = text.strip().replace(_PLACEHOLDER_TEXT, "x")  # one name-safe label, never an account or a Region
        owner = None if opaque else self._written_owner(walk, filled)
        if owner is not None:
            # The fixed parts name the owner. A JSONata text that names it as written is judged by _judge_text already.
            if kpath != walk.kpath or self._written_owner(walk, text.strip()) is None:
                self._judged_as_account(walk, owner, path, written=expression)
            return
        m = None if opaque else _RESOURCE_ARN.match(filled) or _QUEUE_URL.match(filled)
        region = (filled.split(":", 4)[3] if m.re is _RESOURCE_ARN else m.group(1)) if m is not None else ""
        if region not in ("", "x") and region not in self.jurisdiction.aws.regions:
            return  # a fixed Region abroad: refused by that Region already (one finding, not two)
        if not opaque and _names_no_account(text.strip()):
            return
        if set(self.jurisdiction.aws.partitions) <= self._closed_partitions:
            return  # every account of the partition is in-country (aws-cn in CN), as for a run-time bucket
        detail = (
            f"The resource this state writes to is named at run time ({expression!r}: from the execution input, the "
            "context or a previous state), so whoever starts the execution chooses its account, which receives what "
            f"the state sends and can move it anywhere; it cannot be proven in {self._j()}. Fix: write the resource's "
            "ARN (the stack's own output) in the definition, or fix its account and Region in a States.Format "
            "template and take only the name from the input, or declare the expression."
        )
        self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, value, detail, (expression,))

    def _runtime_field(self, walk: _Walk, kpath: tuple[str, ...]) -> bool:
        """Whether ``kpath`` of the step or state being walked names where it writes or sends
        (``runtime_destinations``)."""
        task = (walk.task or "").rpartition(":::")[2]
        return any(
            _at_any(kpath, (fpath,)) and (not resources or task in resources)
            for fpath, resources in self._runtime_destinations[walk.subject.type]
        )

    def _parameter_values(self, walk: _Walk, value: str, path: str) -> tuple[str, ...]:
        """An Automation runbook's text holding ``{{ ... }}`` placeholders, as the texts to judge. Outside a field
        naming where a step writes, the text as written (its placeholders left alone). At such a field each placeholder
        is filled by whoever starts the execution (StartAutomationExecution's ``Parameters`` override a ``default``), a
        previous step's output or a ``global:`` / ``automation:`` variable: unproven (RES-017 / RES-015, as a
        workflow's run-time value) unless every placeholder is a parameter with ``allowedValues``, which Systems
        Manager holds the execution to: then each value it can take is judged."""
        if not self._runtime_field(walk, walk.kpath):
            return (value,)
        names = _RUNBOOK_PLACEHOLDER.findall(value)
        params = walk.document_parameters or {}
        choices: list[list[str]] = []
        for name in names:
            spec = params.get(name)
            allowed = spec.get("allowedValues") if isinstance(spec, Mapping) else None
            if not isinstance(allowed, list) or not allowed or not all(isinstance(a, str) for a in allowed):
                self._runtime_finding(walk, path, value, self._host_key(_key_tokens(walk.kpath[-1])))
                return ()
            choices.append(allowed)
        texts = [value]
        for name, allowed in zip(names, choices, strict=True):
            pattern = re.compile(r"\{\{\s*" + re.escape(name) + r"\s*\}\}")
            texts = [pattern.sub(a.replace("\\", "\\\\"), t) for t in texts for a in allowed][:_MAX_ALLOWED_VALUES]
        return tuple(dict.fromkeys(texts))

    def _runtime_finding(self, walk: _Walk, path: str, value: str, host: bool, source: str = "") -> None:
        """A destination chosen at run time (RES-015 for a host, RES-017 for a bucket), covered by a declaration of the
        exact text; no finding for a bucket in a partition wholly in the jurisdiction (aws-cn in CN)."""
        if set(self.jurisdiction.aws.partitions) <= self._closed_partitions and not host:
            return  # whatever bucket it names is in the partition, in-country
        what = "host this state sends to" if host else "bucket this state writes to"
        fix = "the endpoint (an in-country host)" if host else "the bucket (the stack's own bucket)"
        detail = (
            f"The {what} is chosen at run time ({source or repr(value.strip())}: from the execution input, the "
            f"context or a previous state), so it cannot be proven in {self._j()}. Fix: write {fix} in the definition "
            "and take only the rest from the input, or declare the expression."
        )
        rule_id = RuleId.DESTINATION_HOST_PROVEN if host else RuleId.REGIONLESS_REFERENCE_PROVEN
        self._add_coverable(walk, rule_id, path, value, detail, (value.strip(),))

    def _group_placed(self, walk: _Walk) -> bool:
        """True when an input beside this group field (its ``unless_set``) says where what the id names is: that input
        is judged itself. Only the few types listed pay for the lookup."""
        placed_by = self._group_placed_by.get(walk.subject.type)
        return placed_by is not None and any(
            _at_any(walk.kpath, (path,)) and any(_set_at(walk.parent, p) for p in unless) for path, unless in placed_by
        )

    def _in_own_stack(self, subject: Subject, text: str, template: StackTemplate) -> str:
        """``text`` with the template's placeholders replaced by the resource's own region (its region override, else
        its provider's), which RES-001/003 judge, and that region's partition and DNS suffix. The region placeholder
        stays while the region is unknown (an Output): what it is in stays unproven. The partition is then the
        jurisdiction's (the stack is refused in any other), one not wholly in-country first, so that the guess proves
        nothing by itself (``arn:${AWS::Partition}:s3:::b`` stays a bucket to prove)."""
        if template.region is None:
            return text  # a template run in several regions (a StackSet's): no one region to read
        region = prop_of(subject.props, "region")
        if region is None and subject.provider is not None:
            region = subject.provider.region
        known = isinstance(region, str) and bool(region)
        if known:
            text = text.replace(template.region, region)
        if template.partition is None and template.url_suffix is None:
            return text
        partition = self.catalogue.aws_region_partition.get(region) if known else None
        if partition is None:
            allowed = self.jurisdiction.aws.partitions
            partition = min(allowed - self._closed_partitions or allowed or {"aws"})
        if template.partition is not None:
            text = text.replace(template.partition, partition)
        if template.url_suffix is not None and partition in self.catalogue.aws_partitions:
            text = text.replace(template.url_suffix, self.catalogue.aws_partitions[partition].dns_suffix)
        return text

    def _judge_template_urls(self, walk: _Walk, value: str, path: str) -> None:
        """URLs of a stack's template whose whole host or bucket is a template variable (``https://${Endpoint}/``,
        ``s3://${Bucket}/``, ``https://${Db.Endpoint.Address}:5432/``), which no reference scan reads, and buckets a
        variable is part of. A host a variable is part of (``https://${Tenant}.partner.example.com/``) is read by the
        reference scan, as any URL's placeholders are (each one label, references.placeholder_host)."""
        whole = set()
        for m in _TEMPLATE_URL_VARIABLE.finditer(value):
            whole.add(m.start())
            name, _, attribute = m.group(2).partition(".")
            bucket = m.group(1).lower() in BUCKET_SCHEMES
            # The URL as scheme and host (a userinfo's password never in a finding; one declaration covers both).
            text = f"{m.group(1)}://${{{m.group(2)}}}"
            self._judge_template_reference(walk, name, attribute or "Ref", path, text, bucket)
        for m in _TEMPLATE_URL_PART_VARIABLE.finditer(value):
            if m.start() in whole:
                continue
            # A bucket a variable is only part of ("s3://${Env}-exports/"): the variable stands for one label, and what
            # the rest names is judged.
            if m.group(1).lower() in BUCKET_SCHEMES:
                self._judge_placeholder_bucket(walk, _TEMPLATE_PORT.sub("", m.group(2)), path)

    def _judge_placeholder_bucket(self, walk: _Walk, authority: str, path: str) -> None:
        """A bucket a placeholder is only part of (``${Env}-exports``): each placeholder one label, the name judged as
        the rest leaves it, proven only by a bucket made under that very name (a template's own ``${Env}-exports``)."""
        name = fill_placeholders(authority).lower()
        if S3_BUCKET_NAME.match(name) and not (walk.known is not None and walk.known(authority)):
            self._judge_bucket_name(walk, name, path, text=authority)

    def _judge_placeholder_buckets(self, walk: _Walk, value: str, path: str) -> None:
        """Outside a stack template, a bucket URL whose name holds a placeholder beside fixed text
        (``s3://${Env}-exports/``, ``oss://{{ stage }}-telemetry/``), which the reference scan does not read (found by
        the stop-33 hostshape4 review: accepted, while a template's ``s3://${Env}-exports/`` was refused). Whatever
        fills the placeholder, the name is one nobody proved: bucket names are global in a partition (S3) or across
        Alibaba Cloud (OSS), and a bucket the stack makes under a concrete name (``prod-exports``) does not prove what
        the placeholder becomes. Judged as the template's are (RES-017, accepted in a partition wholly in the
        jurisdiction; declared by the name as written). A placeholder alone (``s3://${BUCKET}/``) is left to what fills
        it, as a host is. Asked only of a value holding "://"; one without a bucket scheme's (any case) pays a
        lower-casing and five substring tests."""
        lowered = value.lower()
        if not any(mark in lowered for mark in _BUCKET_URL_MARKS):
            return
        for m in _PLACEHOLDER_BUCKET_URL.finditer(value):
            authority = _TEMPLATE_PORT.sub("", m.group("authority"))
            if fill_placeholders(authority).strip(PLACEHOLDER_LABEL + ".-"):
                self._judge_placeholder_bucket(walk, authority, path)

    def _judge_template_reference(
        self, walk: _Walk, name: str | None, attribute: str, path: str, value: str, bucket: bool = False
    ) -> None:
        """What a template's ``Ref`` / ``Fn::GetAtt`` (``${Name}`` / ``${Name.Attribute}``) gives, where it is a
        whole host, URL or bucket: proven only by a resource the template creates whose type and attribute are
        catalogued (``endpoints.yaml`` ``template_attributes``) as naming it in the stack's own region; an edge
        service's address is judged as that service. A Parameter or an import (``name`` None) is whatever the deployer
        or another stack passes; an unknown name, another type or attribute (a nested stack's ``Outputs.*``) proves
        nothing."""
        assert walk.template_resources is not None
        if bucket and attribute == "Ref" and walk.known is not None and walk.known(f"${{{name}}}"):
            return  # ${LogicalId} of the template's own bucket (stack_templates bucket_types)
        kind = walk.template_resources.get(name) if name is not None else None
        entry = self._template_attributes.get((kind, attribute)) if kind is not None else None
        what = "bucket" if bucket else "host"
        if entry is not None and what in entry.names:
            if entry.service is None:
                return  # an address of the template's own resource in the stack's region
            service = next(s for s in self.endpoints.global_services if s.id == entry.service)
            if self._partition_allows(walk, service):
                return
            detail = f"{value} is the {attribute} of the template's {kind} {name}: {service.why}"
            detail += f"; not proven to stay in {self._j()} [{service.id}]. Use a regional address."
            detail += _declare_service(service)
            self._add_coverable(walk, RuleId.GLOBAL_SERVICE_IN_JURISDICTION, path, value, detail, (value, service.id))
            return
        if name is None:
            given = "an import from another stack"
        else:
            given = name if attribute == "Ref" else f"{name}.{attribute}"
            given += f" of the template's {kind}" if kind else ", not a resource the template creates"
        detail = (
            f"{value} takes its {what} from {given}, which endpoints.yaml template_attributes does not list as naming "
            f"a {what} in the stack's own region: a Parameter or another stack's output is whatever the deployer "
            f"passes, so nothing proves it is in {self._j()}. Reference the template's own resource (its catalogued "
            "attribute) or declare the destination."
        )
        rule_id = RuleId.REGIONLESS_REFERENCE_PROVEN if bucket else RuleId.DESTINATION_HOST_PROVEN
        self._add_coverable(walk, rule_id, path, value, detail, (value, f"${{{name}}}" if name else value))

    def _judged_as_intrinsic(self, walk: _Walk, value: Mapping[Any, Any], path: str, key: str, depth: int) -> bool:
        """A template function that is the whole value under a host or bucket key (``Endpoint: !GetAtt
        Dist.DomainName``, ``DB_HOST: !Ref DbHost``, ``S3Bucket: !ImportValue ArtifactBucket``): judged as what it
        gives (:meth:`_judge_template_reference`); an ``Fn::If`` / ``Fn::Select`` / ``Fn::Split`` as each value it
        may give, under the same key; anywhere, an ``Fn::Sub`` text as itself under its property's key. True when it
        was one."""
        if walk.template_resources is None or len(value) != 1:
            return False  # outside a stack's template, or not one function
        function, argument = next(iter(value.items()))
        if function in _ENCODINGS:
            # (fnb64_51) Base64 changes how a text travels, not what it names: the text is the property's value
            # (UserData's script, run on the machine), judged under the property's key as the same text written
            # there is (a literal user_data's script rules), at the function the template wrote. One the evaluation
            # could not read (a join with an import, a Parameter with no value) is judged as each of its parts is.
            self._walk(walk, argument, f"{path}.{function}", key, depth + 1, None)
            return True
        reference = _template_reference(value)
        choices = _template_choices(value) if reference is None else None
        evaluated = reference is None and choices is None and next(iter(value)) in _EVALUATED
        if reference is None and choices is None and not evaluated:
            if function in _UNREAD_WHOLE and self._judged_unread_function(walk, value, path, key, depth):
                return True
            return self._judged_as_sub_text(walk, value, path, key, depth)
        plan = self._key_plan(walk.subject.type, walk.kpath, key)
        if plan.region and not plan.match and self._judged_region_function(walk, value, path, key, depth, reference):
            return True
        if plan.match or self._names_itself(walk, path):
            return False
        if plan.bucket == _GROUP and self._judged_group_function(walk, value, path, key, depth, reference, choices):
            return True
        if not (plan.host or plan.bucket in (_BUCKET, _PREFIXED, _VARIABLE)):
            # An Fn::Join / Fn::FindInMap left here is one _evaluated_functions could not read (a part from an import,
            # a Parameter's list): walked part by part (fnsel50: mutation49's second reading of a join here, through
            # _template_texts, found nothing the evaluation had not, tests/test_template_functions.py).
            # alired66: a Parameter at an account field (under no host key: an MNS subscription's Endpoint is a host)
            return reference is not None and self._judged_account_parameter(walk, reference, path, key, depth)
        if evaluated:
            self._judge_template_text(walk, value, path, key, depth, bucket=not plan.host)
            return True
        if choices is not None:
            function = next(iter(value))
            for i, choice in enumerate(choices):
                self._walk(walk, choice, f"{path}.{function}[{i}]", key, depth + 1, None)
            return True
        assert reference is not None
        name, attribute = reference
        given = self._given_or_default(walk, name, attribute)
        if given is not None:
            # A Parameter the stack resource itself gives a value (`parameters`: a literal, or an Output such as its
            # own bucket's name, deferred): the template receives exactly that value, judged as itself under the same
            # key (falsealarm16-*-cfn-given-output-bucket). fnros59 (stop 59): given none, its Default, as the same
            # Parameter inside an Fn::Sub text is (before, `DB_HOST: !Ref DbHost` of a private address Default was
            # RES-015 while `!Sub ${DbHost}` passed).
            self._walk(walk, given, path, key, depth + 1, None)
            return True
        text = json.dumps(value, sort_keys=True, default=str)
        self._judge_template_reference(walk, name, attribute, path, text, bucket=not plan.host)
        return True

    def _judged_account_parameter(
        self, walk: _Walk, reference: tuple[str | None, str], path: str, key: str, depth: int
    ) -> bool:
        """(alired66) A template's ``Ref`` of a Parameter as a whole account field (``granted_account_fields`` /
        ``written_account_fields`` of the resource's Pulumi twin: a ROS SharedTarget's ``TargetId``, a
        DelegatedAdministrator's ``AccountId``): the value the stack gives it, else its Default, judged as that account
        is written there; with no value to read, RES-023 (whatever the deployer passes is the account that receives
        or joins what the resource shares), declared by the reference as written. Each passed unjudged before (the
        reference is no text, so no account reading saw it), even given a partner's UID. A resource's ``Ref`` /
        ``Fn::GetAtt`` (the template's own member account) or a pseudo parameter is no Parameter: False, as before."""
        name, attribute = reference
        kind, kpath = walk.subject.type, _property_kpath(walk)
        granted = _at_any(kpath, self._granted_account_paths.get(kind, ()))
        if not granted and not _at_any(kpath, self._written_account_paths.get(kind, ())):
            return False
        assert walk.template is not None
        parameters = walk.template[1].get("Parameters")
        if attribute != "Ref" or name is None or not isinstance(parameters, Mapping) or name not in parameters:
            return False
        given = self._given_or_default(walk, name, attribute)
        if given is not None:
            self._walk(walk, given, path, key, depth + 1, None)
            return True
        values = _stack_values(walk)
        if name in values and values[name] is None:
            return True  # given an output no preview knows yet: judged once it is known
        text = json.dumps({"Ref": name})
        detail = (
            f"{text} is the template's Parameter {name} with no value or Default: the account it names, which "
            f"{'is granted' if granted else 'receives or joins'} what the resource shares, is whatever the deployer "
            f"passes, so nothing proves it is the stack's own or stays in {self._j()}. Give the Parameter the "
            "account's UID (the stack's own passes), or declare it in sovereign-dc:destinations by this exact text."
        )
        self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, text, detail, (text, f"${{{name}}}"))
        return True

    def _judged_group_function(
        self,
        walk: _Walk,
        value: Mapping[Any, Any],
        path: str,
        key: str,
        depth: int,
        reference: tuple[str | None, str] | None,
        choices: list[Any] | None,
    ) -> bool:
        """(alired50) A template function as a whole global group field (a ROS CEN attachment's ``CenId`` /
        ``TransitRouterId``): a Parameter's ``Ref`` is the value the stack gives it, else its Default, judged as that id
        (a literal the template does not make is RES-017, as the Pulumi id from config; an Output of the stack's own CEN
        is deferred and judged by where it comes from); with no value to read, RES-017 (whatever the deployer passes is
        the group joined); an ``Fn::If`` / ``Fn::Select`` / ``Fn::Split`` each value it may give. Each passed unjudged
        before. True when judged; a resource's ``Ref`` / ``Fn::GetAtt`` (the template's own network) or a pseudo
        parameter is no Parameter: False, walked as before."""
        if choices is not None:
            function = next(iter(value))
            for i, choice in enumerate(choices):
                self._walk(walk, choice, f"{path}.{function}[{i}]", key, depth + 1, None)
            return True
        assert walk.template is not None
        parameters = walk.template[1].get("Parameters")
        if reference is None or reference[1] != "Ref" or not isinstance(parameters, Mapping):
            return False
        name = reference[0]
        if name is None or name not in parameters:
            return False
        given = self._template_parameter_value(walk, name, "Ref")
        if given is not None:
            self._walk(walk, given, path, key, depth + 1, None)
            return True
        values = _stack_values(walk)
        if name in values and values[name] is None:
            # Given an output no preview knows yet (a transit router's `transit_router_id` before it exists): nothing
            # to judge, as the same unknown at the Pulumi attachment's `transit_router_id`.
            return True
        if self._group_placed(walk):
            # (awsred56b) An input beside the field places what the id names (an EFS destination's `Region`), judged
            # itself, as beside a literal id: the Parameter's value needs no proof of its own (RES-017 before, while
            # the Pulumi twin with the same `region` passes).
            return True
        detail = (
            f"The group id comes from the template's Parameter {name}, which has no Default and is given no value the "
            "engine can read (none, or another template function): whatever the deployer passes is the group joined "
            "(a CEN, a transit router, a file system replicated into), so nothing proves it is one this stack makes or "
            f"one routed only in {self._j()}. Give the Parameter the id (the stack's `parameters`, e.g. the stack's "
            "own CEN's id output), reference the template's own resource, place it where the type has a Region "
            "beside the id (an EFS destination's `Region`), or declare the id."
        )
        self._add_coverable(walk, RuleId.REGIONLESS_REFERENCE_PROVEN, path, f"Ref {name}", detail, (f"${{{name}}}",))
        return True

    def _judged_unread_function(self, walk: _Walk, value: Mapping[Any, Any], path: str, key: str, depth: int) -> bool:
        """(fnros52) A function computing a value from data (:data:`_UNREAD_WHOLE`: ROS ``Fn::Jq``, ``Fn::ListMerge``
        ...) that :func:`_evaluated_functions` could not read, as a whole region field: refused as a Region nothing
        proves (RES-011); as a whole host or bucket: unproven (RES-015 / RES-017, :meth:`_judge_template_text`). Each
        was walked as written before, so a Region or host only the computed value names passed. True when judged."""
        plan = self._key_plan(walk.subject.type, walk.kpath, key)
        if plan.match or self._names_itself(walk, path):
            return False
        function = next(iter(value))
        if plan.region:
            text = json.dumps(value, sort_keys=True, default=str)
            walk.add(
                RuleId.KNOWN_REGION,
                f"{path}.{function}",
                text,
                f"The region is computed by {function} from values the engine cannot read (a filter or shape it does "
                "not evaluate, a Parameter with no value, an import), so nothing proves it is in "
                f"{self._j()}. Write the region (or Ref AWS::Region / ALIYUN::Region), or compute it from values "
                "written in the template.",
            )
            return True
        if plan.host or plan.bucket in (_BUCKET, _PREFIXED, _VARIABLE):
            self._judge_template_text(walk, value, path, key, depth, bucket=not plan.host)
            return True
        return False

    def _judged_as_sub_text(self, walk: _Walk, value: Mapping[Any, Any], path: str, key: str, depth: int) -> bool:
        """(fnsub49) An ``Fn::Sub`` text still holding a variable is the value of the property it is written at, judged
        under that key (a host, bucket, region or account field) as the same text with no variable left is; under its
        own key ``Fn::Sub`` no field test matched it, and a partner's host or bucket beside a variable
        (``${Env}.intake.saas.example`` under SINK_HOST) passed. (fnsel50) The same for one whose variable map keeps a
        variable no one can read (an ``Fn::ImportValue``: ``[${H}.intake.saas.example, {H: ...}]`` passed), its map
        walked as before; at a region field, a text only partly a variable is read by :meth:`_judged_region_sub`. A
        finding is reported at the function the template wrote (:func:`_written_as`). True when it was one."""
        argument: Any = value.get("Fn::Sub")
        variables = argument[1] if isinstance(argument, list) and len(argument) == 2 else None
        text = argument[0] if isinstance(variables, Mapping) else argument
        if not isinstance(text, str):
            return False
        where = f"{path}.Fn::Sub[0]" if isinstance(variables, Mapping) else f"{path}.{_written_as(text)}"
        if "${!" in text and _written_as(text) == "Fn::Sub":
            # (lead, stop 62) the template's escape, text as the function gives it: "To write a dollar sign and curly
            # braces (${}) literally, add an exclamation point (!) after the open curly brace, such as ${!Literal}.
            # CloudFormation resolves this text as ${Literal}" (AWS "Fn::Sub"; ROS "Fn::Sub" the same). A script's
            # `psql -h ${!H}` after `H=10.0.3.7` was read as bash's indirect `${!H}` (RES-015, a false alarm).
            text = text.replace("${!", "${")
        plan = self._key_plan(walk.subject.type, walk.kpath, key)
        if not (plan.region and not plan.match and self._judged_region_sub(walk, text, where, key, depth)):
            self._walk(walk, text, where, key, depth + 1, None)
        if isinstance(variables, Mapping):
            self._walk(walk, variables, f"{path}.Fn::Sub[1]", "Fn::Sub", depth + 1, None)
        return True

    def _judged_region_sub(self, walk: _Walk, text: str, path: str, key: str, depth: int) -> bool:
        """(fnsel50) A region field's ``Fn::Sub`` text only partly a variable (``${Prefix}-1``; a whole ``${Name}`` is
        a reference, :meth:`_judged_region_function`): each Parameter in it read as at a whole region field (the value
        the stack gives it, else its Default), the text then judged as the region written out; a variable left (a
        Parameter with no value, a variable map's import) is a region nothing proves, RES-011, as a whole ``Ref`` to
        such a Parameter is (:meth:`_unreadable_region_parameter`). It passed unjudged before. True when so judged."""
        if "${" not in text:
            return False
        filled = _SUB_VARIABLE.sub(lambda m: self._region_sub_part(walk, m), text)
        if "${" not in filled:
            self._walk(walk, filled, path, key, depth + 1, None)
            return True
        walk.add(
            RuleId.KNOWN_REGION,
            path,
            text,
            f"The region {text} is partly a template variable with no value the engine can read (a Parameter with no "
            "Default and none given, or a value from another function): whatever the deployer passes completes the "
            f"region, so nothing proves it is in {self._j()}. Give the Parameter a value (the stack's `parameters`, a "
            "Default), or write the region (or ${AWS::Region} / ${ALIYUN::Region}) in the template.",
        )
        return True

    def _region_sub_part(self, walk: _Walk, match: re.Match[str]) -> str:
        """A variable of a region field's ``Fn::Sub`` text: a Parameter's literal value, else as written."""
        given = self._template_parameter_value(walk, match.group(1), "Ref")
        return given if isinstance(given, str) else match.group(0)

    def _given_parameter(self, walk: _Walk, name: str | None, attribute: str) -> Any:
        """The value the stack being read gives its template's Parameter ``name`` (a ``Ref``): literal text, or a value
        not known yet (deferred where it is walked); None when ``name`` is no declared Parameter, the template's own
        resource, or is given nothing the stack wrote (its Default, another function), or the template is one that runs
        as several stacks (a StackSet's, a stack group's, a stored template: ``region`` None) read with no run's values.

        stackref54 (stop 54): such a template read once per run (``walk.stack_parameters``: a Pulumi StackSet's
        instance's overrides over the StackSet's own ``parameters``, :meth:`_instance_runs`; a template StackSet's
        instance group's, :meth:`_nested_templates`) receives that run's value, as a stack's template receives the
        stack's. A StackSet whose template reads a host from a Parameter (``DB_HOST: {"Ref": "Target"}``) was RES-015
        at every door whatever its instance gave, the Region's own service host too (a false alarm), while the same
        template in a ``cloudformation.Stack`` given that host passed. With no run (no instance of the program names
        it: instances made elsewhere may give anything) it still proves nothing."""
        if name is None or attribute != "Ref" or walk.template is None:
            return None
        if walk.template[0].region is None and walk.stack_parameters is None:
            return None  # a StackSet's / stack group's / stored template: each stack instance may override it
        if walk.template_resources is not None and name in walk.template_resources:
            return None
        parameters = walk.template[1].get("Parameters")
        if not isinstance(parameters, Mapping) or not isinstance(parameters.get(name), Mapping):
            return None
        if _fetched_parameter(parameters[name]):
            return None  # fnros59: the value given is a Parameter Store name, not the value the template reads
        values = _stack_values(walk)
        # `in` and `[]`, not `.get` (dict.get skips `__getitem__`): a run whose overrides are one value not known here
        # (_AnyParameter) gives it to every Parameter, deferred where it is used.
        return _literal_or_deferred(walk, values[name] if name in values else None)  # noqa: SIM401

    def _given_or_default(self, walk: _Walk, name: str | None, attribute: str) -> Any:
        """The value a template's Parameter ``name`` (a ``Ref``) takes in the stack being read: the one the stack gives
        it (:meth:`_given_parameter`), else its Default (:meth:`_parameter_default`); None when neither is known. Read
        at a host or bucket field (fnros59) and at an account field (alired66) alike."""
        given = self._given_parameter(walk, name, attribute)
        return given if given is not None else self._parameter_default(walk, name, attribute)

    def _parameter_default(self, walk: _Walk, name: str | None, attribute: str) -> str | None:
        """(fnros59) The Default a stack template's Parameter ``name`` (a ``Ref``) takes where the stack gives it no
        value, exactly where an ``Fn::Sub`` text's ``${name}`` is filled with it (one stack of a known Region,
        :meth:`_walk_one_document`): the ROS and CloudFormation Parameters pages, "Default": the value used when none
        is specified at stack creation. None elsewhere (a StackSet's template, the template's own resource, a given
        value, no literal Default, a Parameter Store type: :func:`_fetched_parameter`)."""
        if name is None or attribute != "Ref" or walk.template is None or walk.template[0].region is None:
            return None
        if walk.template_resources is not None and name in walk.template_resources:
            return None
        if name in _stack_values(walk):
            return None
        default = self._parameter_value(walk, walk.template[1], name)
        return default if isinstance(default, str) else None

    def _placeholder_values(self, walk: _Walk, document: Mapping[Any, Any], given: Any) -> dict[str, str]:
        """An OOS template's declared parameters (``Parameters``) -> the value each ``{{ name }}`` takes: the one the
        execution gives it (the resource's own ``parameters``, a JSON map), else its ``Default``. A parameter with
        neither (or a value that is not text) is left out: its placeholder stays as written. ``{{ ACS::RegionId }}``
        (in a Default too) is the execution's own region when its provider proves it. ``given``: the execution's
        parameters (:func:`_given_parameters`), None for a template no execution runs here."""
        declared = document.get("Parameters")
        if not isinstance(declared, Mapping):
            declared = {}
        given = given if isinstance(given, Mapping) else {}
        values: dict[str, str] = {}
        for name, spec in declared.items():
            value = given.get(name, spec.get("Default") if isinstance(spec, Mapping) else None)
            if isinstance(value, str):
                values[str(name)] = value
        region = self._execution_region(walk)
        if region is not None:
            # OOS templates and executions are regional (acs:oos:<region>:<account>:template/<name>, .../execution/<id>)
            # and run in the region they are made in; ``{{ ACS::RegionId }}`` is that region (Cloud Assistant's
            # built-in parameter of the same name: "the region ID", filled in from where the command runs). Only the
            # provider's own pinned, in-jurisdiction region is used; otherwise the placeholder stays as written.
            own = {_OOS_REGION: region}
            values = {k: _fill_placeholders(v, own) for k, v in values.items()}
            values[_OOS_REGION] = region
        return values

    def _with_builtin_region(self, walk: _Walk, field: BuiltinPlaceholderField, value: str) -> str:
        """A Cloud Assistant command's script (``builtin_placeholder_fields``) with each ``{{ ACS::RegionId }}``
        replaced by the region it runs in, when its ``enabled_by`` input is true and the provider's pinned region is
        in the jurisdiction (:meth:`_execution_region`); Base64 stays Base64. Otherwise as written."""
        if prop_of(walk.subject.props, field.enabled_by) is not True:
            return value
        region = self._execution_region(walk)
        if region is None:
            return value
        try:
            decoded = _decode_payload(value)
        except DocumentBeyondBounds:
            return value  # refused where the walk meets it (RES-025)
        text = decoded[1] if decoded is not None and decoded[0] == "base64" else value
        filled = _BUILTIN_REGION.sub(region, text)
        if filled == text:
            return value
        return base64.b64encode(filled.encode()).decode() if decoded is not None else filled

    def _execution_region(self, walk: _Walk) -> str | None:
        """The region an OOS template or execution runs in: its provider's pinned region, when it is a plain value
        inside the jurisdiction (false-alarm review of stop 34's second round)."""
        provider = walk.subject.provider
        region = provider.region if provider is not None and provider.verified and not provider.default else None
        return region if isinstance(region, str) and region in self.jurisdiction.regions(walk.cloud) else None

    def _judged_region_function(
        self,
        walk: _Walk,
        value: Mapping[Any, Any],
        path: str,
        key: str,
        depth: int,
        reference: tuple[str | None, str] | None,
    ) -> bool:
        """A template function as a whole region field (since stop 34; each passed unjudged before): a Parameter's
        ``Ref`` (`DestinationRegionId: {Ref: ReplicaRegion}`) is the value the stack gives it, else its Default; an
        ``Fn::If`` / ``Fn::Select`` / ``Fn::Split`` each value it may give; an ``Fn::FindInMap`` each value of the rows
        it can reach (since stop 49: keyed by the stack's own known Region it is that row's value, read before the walk
        by :func:`_evaluated_functions`). True when it was judged."""
        variables = value.get("Fn::Sub", [None, None])[1] if isinstance(value.get("Fn::Sub"), list) else None
        if reference is not None and isinstance(variables, Mapping) and reference[0] in variables:
            # (fnros52) `!Sub ["${R}", {R: value}]` whose value the evaluation could not read (a loop's item from a
            # Parameter's list): the Region is that value, judged as written at this field (it passed unjudged).
            self._walk(walk, variables[reference[0]], f"{path}.Fn::Sub[1].{reference[0]}", key, depth + 1, None)
            return True
        if reference is not None and reference[0] is not None:
            given = self._template_parameter_value(walk, reference[0], reference[1])
            if given is None:
                return self._unreadable_region_parameter(walk, reference, path)
            self._walk(walk, given, path, key, depth + 1, None)
            return True
        choices = _template_choices(value) if reference is None else None
        if choices is None and reference is None and walk.template is not None and "Fn::FindInMap" in value:
            # (fnsub49) A lookup whose key the stack's own Region does not fix (a StackSet's template, a Region not
            # known): every row it can reach is a Region the stack may be given, each judged.
            choices = _find_in_map(walk.template[1], value["Fn::FindInMap"], 0, lists=True)
            if choices is None:
                return self._unreadable_region_lookup(walk, value, path)
        if choices is None:
            return False
        function = next(iter(value))
        for i, choice in enumerate(choices):
            self._walk(walk, choice, f"{path}.{function}[{i}]", key, depth + 1, None)
        return True

    def _unreadable_region_parameter(self, walk: _Walk, reference: tuple[str | None, str], path: str) -> bool:
        """A whole region field that is a ``Ref`` to one of the template's Parameters with no value to read (no Default
        and none given, or given by a function such as ``Fn::GetAtt`` / ``Fn::ImportValue`` in a parent template or a
        StackSet's override): refused as a Region nothing proves (RES-011), since whatever the deployer passes is the
        Region (the lead, stop 49; it passed unjudged before, stackset49's probe). True when so. A pseudo parameter
        (``AWS::Region``, ``ALIYUN::Region``, ``AWS::NoValue``) or a resource's ``Ref`` / ``Fn::GetAtt`` is no
        Parameter: False, judged as before."""
        assert walk.template is not None
        name, attribute = reference
        parameters = walk.template[1].get("Parameters")
        if attribute != "Ref" or not isinstance(parameters, Mapping) or name not in parameters:
            return False
        walk.add(
            RuleId.KNOWN_REGION,
            path,
            f"Ref {name}",
            f"The region comes from the template's Parameter {name}, which has no Default and is given no value the "
            "engine can read (none, or another template function): whatever the deployer passes is the region, so "
            f"nothing proves it is in {self._j()}. Give the Parameter a value (the stack's `parameters`, a Default), "
            "or write the region (or Ref AWS::Region / ALIYUN::Region) in the template.",
        )
        return True

    def _unreadable_region_lookup(self, walk: _Walk, value: Mapping[Any, Any], path: str) -> bool:
        """(fnsel50) A whole region field that is an ``Fn::FindInMap`` giving no value the engine can read: a key the
        map lacks (for the stack's own Region, or written out), no such map, or a value that is no text. CloudFormation
        fails to create the stack on a key the map lacks, so no compliant deployable program holds one; what else it
        is, nothing proves resident: RES-011, as a Parameter with no value is (:meth:`_unreadable_region_parameter`).
        It passed unjudged before (fnsub49 left it open)."""
        lookup = json.dumps(value["Fn::FindInMap"], sort_keys=True, default=str)
        walk.add(
            RuleId.KNOWN_REGION,
            f"{path}.Fn::FindInMap",
            lookup,
            f"The region is looked up in the template's Mappings ({lookup}), and the lookup gives no region the engine "
            "can read (the map lacks the key, for this stack's own Region or as written, or its value is no text): "
            f"nothing proves it is in {self._j()}. Give the map a row for the key (the stack's Region), or write the "
            "region.",
        )
        return True

    def _template_parameter_value(self, walk: _Walk, name: str, attribute: str) -> Any:
        """The value a stack template's Parameter ``name`` (``Ref``) takes: the one the stack resource's own
        ``parameters`` give it (a CloudFormation map, a ROS ``{parameter_key, parameter_value}`` list), else its
        ``Default``; a given value not known yet as it is (deferred where it is walked). None when ``name`` is no
        Parameter or neither gives a literal value."""
        assert walk.template is not None
        return self._parameter_value(walk, walk.template[1], name, attribute)

    def _parameter_value(self, walk: _Walk, document: Mapping[Any, Any], name: str, attribute: str = "Ref") -> Any:
        """:meth:`_template_parameter_value` in ``document``, the template being read."""
        parameters = document.get("Parameters")
        declared = parameters.get(name) if attribute == "Ref" and isinstance(parameters, Mapping) else None
        if not isinstance(declared, Mapping) or _fetched_parameter(declared):
            return None
        values = _stack_values(walk)
        if name in values:
            # A value not known yet (an Output, a preview's unknown) is not the Default, on either cloud: it is handed
            # back as it is, deferred where it is used like every other unknown (judged by where it comes from at a
            # first preview, as itself once known at `up`). Before stop 35 a CloudFormation map's fell back to the
            # Default and a ROS pair's was not judged at all (leftovers35-*-given-output-*).
            return _literal_or_deferred(walk, values[name])
        default = declared.get("Default")
        return default if isinstance(default, (str, list)) else None

    def _judge_template_text(
        self, walk: _Walk, value: Mapping[Any, Any], path: str, key: str, depth: int, *, bucket: bool
    ) -> None:
        """An ``Fn::Join`` or ``Fn::FindInMap`` that is a whole host, URL or bucket: judged as each text it may give,
        written as the ``Fn::Sub`` text it equals (a ``Ref`` / ``Fn::GetAtt`` part as ``${Name}`` /
        ``${Name.Attribute}``, judged by :meth:`_judge_template_reference`; a map's value as itself). A part this
        cannot evaluate (an import, a Parameter's list, a map key that no map holds) leaves the destination
        unproven (fail closed)."""
        assert walk.template is not None
        template, document = walk.template
        texts = _template_texts(document, value)
        function = next(iter(value))
        if texts is None:
            what = "bucket" if bucket else "host"
            text = json.dumps(value, sort_keys=True, default=str)
            detail = (
                f"{function} gives the {what} from parts this check cannot evaluate (an import from another stack, a "
                "Parameter's list, a map or key the template's Mappings do not hold), so nothing proves it is in "
                f"{self._j()}. Write the {what} literally or from the template's own resource (its catalogued "
                "attribute), or declare the destination."
            )
            rule_id = RuleId.REGIONLESS_REFERENCE_PROVEN if bucket else RuleId.DESTINATION_HOST_PROVEN
            self._add_coverable(walk, rule_id, path, text, detail, (text,))
            return
        for i, written in enumerate(texts):
            text = self._in_own_stack(walk.subject, written, template)  # a Ref of AWS::Region / AWS::URLSuffix
            where = f"{path}.{function}" if len(texts) == 1 else f"{path}.{function}[{i}]"
            whole = _WHOLE_SUB_HOST.match(text)
            if whole is not None and "::" not in whole.group(1):
                name, _, attribute = whole.group(1).partition(".")
                self._judge_template_reference(walk, name, attribute or "Ref", where, text, bucket=bucket)
            else:
                # (mutation49) Walked as the text written there is (its written account and grants too, not only its
                # host): a ROS target's `Endpoint` joined with another UID passed where the text written out was
                # RES-023.
                self._walk(walk, text, where, key, depth + 1, None)

    def _judged_as_template_input(
        self, walk: _Walk, props: Mapping[Any, Any], value: Any, path: str, depth: int
    ) -> bool:
        """A property of a stack template's resource (``walk.kpath`` ``<template input>.resources.<id>.properties.
        <property>``, ``props`` its Properties) whose type is a Pulumi type's own object (``stack_templates``
        ``resources``: an ``AWS::StepFunctions::StateMachine``'s ``DefinitionString``, an ``AWS::ApiGateway::RestApi``'s
        ``Body``): judged as that Pulumi type's input, by the one judgement of the Pulumi resource (its written
        destinations' accounts, run-time destinations, OpenAPI operations' callers, text and match fields), its
        findings the stack resource's, at the template's path. The resource is named by its logical id (a ``public:``
        declaration names it so, as it names a Pulumi API by its name). An ``Fn::Sub`` / ``Fn::Join`` of literals is the
        text it gives; the type's ``substitutions`` map's literal values fill their ``${Name}`` first. True when so
        judged; False (one length test) for every other place (since stop 45; before, only the text and match fields
        were read there, and another account's topic or an open S3 read passed)."""
        assert walk.template is not None
        template, document = walk.template
        kpath, start = walk.kpath, template.path.count(".") + 1
        if walk.subject is not walk.origin or not isinstance(walk.outer, Mapping):
            return False  # already judged as a Pulumi type's input, or no template resource holds ``props``
        if kpath[-1] == "fn::transform":
            self._judge_template_include(walk, value, path)
            return False  # its Location is judged as a bucket too, as before
        if len(kpath) == start + 4 and kpath[start] == "resources" and kpath[start + 2] == "properties":
            kind, logical_id = walk.outer.get("Type"), path.rsplit(".", 3)[-3]  # {Type, Properties} holds ``props``
        elif len(kpath) == start + 3 and kpath[start] == "globals" and template.globals:
            # (sam46) SAM's Globals.<section>.<property>: the property every resource of the section's type inherits.
            section = path.rsplit(".", 2)[-2]
            kind, logical_id = template.globals.get(section), f"Globals.{section}"
        elif (
            len(kpath) > start + 6
            and kpath[start + 3] == "events"
            and kpath[start + 5] == "properties"
            and kpath[start] == "resources"
            and self._template_events
        ):
            return self._judged_as_event_input(walk, value, path, depth)  # (samevents46) a SAM event's property
        elif kpath[-1] in self._template_path_leaves and (
            (
                len(kpath) > start + 4
                and kpath[start] == "resources"
                and "properties" in (kpath[start + 2], kpath[start + 3])
            )
            or (len(kpath) > start + 3 and kpath[start] == "globals" and template.globals)
        ):
            # (samsfn47) a property's nested value; (ros48) also a child resource's (an Aliyun::Serverless::Service's
            # function, its Properties one level deeper).
            return self._judged_as_nested_input(walk, value, path, depth)
        else:
            return False
        entry = self._template_inputs.get((template.type, kind)) if isinstance(kind, str) else None
        if entry is None:
            return False
        if kpath[-1] in entry.held_in_s3:
            self._judge_held_in_s3(walk, entry.held_in_s3[kpath[-1]], value, path, logical_id)
            return False  # its bucket is judged as a bucket, as before
        name, item_type = entry.input_of(kpath[-1]), entry.items.get(kpath[-1])
        subject = walk.subject
        if item_type is not None:
            self._judge_template_items(walk, entry.keys, item_type, value, path, logical_id, depth)
            return True
        if name is None:
            # (awsred54) A top-level property the Pulumi type nests (an AWS::Logs::DeliveryDestination's
            # DestinationResourceArn is `delivery_destination_configuration.destination_resource_arn`): its one-key
            # `paths` entry, judged as a nested value's is. Before, such a property passed as template text.
            found = self._template_paths.get((template.type, str(kind), kpath[-1]))
            if found is None:
                return False
            self._judge_at_input_path(walk, value, path, depth, logical_id, found)
            return True
        value = self._with_template_arns(walk, value, template)
        texts: list[Any] = [value]
        if isinstance(value, Mapping) and len(value) == 1 and next(iter(value)) in _GIVES_TEXT:
            texts = _template_texts(document, value) or texts  # one that cannot be evaluated is walked as written
            # (ros46) A ``Ref`` of the Region pseudo parameter in an ``Fn::Join`` gives ``${AWS::Region}`` /
            # ``${ALIYUN::Region}`` only now, after the template text's own were replaced: the stack's own Region, as
            # in an ``Fn::Sub`` (RES-011 "Unknown region" before, a false alarm on a compliant template).
            texts = [self._in_own_stack(walk.subject, t, template) if isinstance(t, str) else t for t in texts]
        if kpath[-1] in entry.base64:
            texts, path = _decoded_template_text(value, texts, path)
        substitutions = next((v for k, v in props.items() if _snake(str(k)) == entry.substitutions), None)
        if isinstance(substitutions, Mapping):
            texts = [_substituted(t, substitutions) for t in texts]
        # The resource's other listed properties are the Pulumi resource's other inputs (cfnmap45: a permission's
        # `*` principal is restricted by its source_arn / source_account / principal_org_id, as in Pulumi).
        inputs = {n: v for k, v in props.items() if (n := entry.input_of(_snake(str(k)))) is not None}
        twin = Subject(entry.resource, logical_id, {**subject.props, **inputs, name: value}, subject.provider)
        self._walk_as_template_input(walk, twin, entry.keys, texts, path, name, depth)
        return True

    def _with_template_arns(self, walk: _Walk, value: Any, template: StackTemplate) -> Any:
        """(awsred59b) A mapped template input's value (or each item of its list) that is a whole ``Ref`` /
        ``Fn::GetAtt`` (or an ``Fn::Sub`` of one ``${Id.Attribute}``) of the template's own resource whose attribute
        ``template_attributes`` lists with an ``arn`` (an ``AWS::RAM::ResourceShare``'s ``ResourceArns: [!GetAtt
        Vault.VaultArn]``): that ARN as ``Fn::Sub`` text in the stack's own Region and partition, judged as the Pulumi
        input holding the resource's ``arn`` output is. Before, the reference was walked as it stands and named
        nothing (the share of the stack's Backup vault with another account passed every door, RES-016 in Pulumi).
        Any other value is returned as it is (issue 13: a type test, or one key test and a dictionary lookup for a
        one-key map)."""
        if isinstance(value, list):
            items = [self._with_template_arns(walk, v, template) if isinstance(v, Mapping) else v for v in value]
            return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if not isinstance(value, Mapping) or len(value) != 1 or walk.template_resources is None:
            return value
        ((function, argument),) = value.items()
        if function not in ("Ref", "Fn::GetAtt", "Fn::Sub"):
            return value
        text = _template_variable_text(function, argument)  # an Fn::Sub: one whole ``${Id.Attribute}`` only
        if text is None or text[:2] != "${" or text.find("}") != len(text) - 1:
            return value
        name, _, attribute = text[2:-1].partition(".")
        entry = self._template_attributes.get((walk.template_resources.get(name, ""), attribute or "Ref"))
        if entry is None or entry.arn is None:
            return value
        # The stack's own Region and partition, as the template's text already has them (_in_own_stack).
        return {"Fn::Sub": self._in_own_stack(walk.subject, entry.arn.replace("${Id}", name), template)}

    def _walk_as_template_input(
        self,
        walk: _Walk,
        twin: Subject,
        renames: Mapping[str, str],
        texts: list[Any],
        path: str,
        name: str,
        depth: int,
    ) -> None:
        """A template property's texts walked as the Pulumi ``twin``'s input ``name`` (split from
        ``_judged_as_template_input`` at awsred57b for its length). (awsred57b) A DNS record's twin
        (``ALIYUN::DNS::DomainRecord``) is no destination when its own Type says so (TXT, CAA: ``dns_records``), as
        the Pulumi record is: one dict test; every other type keeps the template's reading."""
        subject, outer_document, no_destination = walk.subject, walk.document, walk.no_destination
        walk.subject = twin
        if twin.type in self._record_type_fields:
            walk.no_destination = self._no_destination(twin)
        try:
            walk.renames = renames
            for i, text in enumerate(texts):
                walk.kpath = (name,)
                walk.document = text if isinstance(text, Mapping) else outer_document
                self._walk(walk, text, path if len(texts) == 1 else f"{path}[{i}]", name, depth + 1, None)
        finally:
            walk.subject, walk.document, walk.renames = subject, outer_document, _NO_RENAMES
            walk.no_destination = no_destination

    def _judge_template_items(
        self,
        walk: _Walk,
        renames: Mapping[str, str],
        item_type: str,
        value: Any,
        path: str,
        logical_id: str,
        depth: int,
    ) -> None:
        """(cfnmap45) A template property whose items are each one Pulumi resource's inputs, whole (a rule's target, a
        topic's subscription), judged as ``item_type``: its siblings (a permission's source_arn, a subscription's
        protocol) are that resource's props. (Split from ``_judged_as_template_input`` at stop 46 for its length.)"""
        subject, outer_document, key = walk.subject, walk.document, walk.kpath[-1]
        items = value if isinstance(value, list) else [value]
        try:
            walk.renames = renames
            for i, item in enumerate(items):
                where = path if not isinstance(value, list) else f"{path}[{i}]"
                if not isinstance(item, Mapping):
                    # (awsred59) A scalar item is the item type's one input ``keys`` names for the property (an
                    # AWS::RAM::ResourceShare's Principals, each a PrincipalAssociation's `principal`), judged at that
                    # input's place; a property with no such name skips it, as before.
                    name = renames.get(key)
                    if name is not None and item is not None:
                        walk.subject = Subject(item_type, logical_id, {**subject.props, name: item}, subject.provider)
                        walk.kpath, walk.document = (name,), outer_document
                        self._walk(walk, item, where, name, depth + 1, None)
                    continue
                inputs = {renames.get(sk := _snake(str(k)), sk): v for k, v in item.items()}
                walk.subject = Subject(item_type, logical_id, {**subject.props, **inputs}, subject.provider)
                walk.kpath, walk.document = (), item
                self._walk(walk, item, where, key, depth + 1, None)
        finally:
            walk.subject, walk.document, walk.renames = subject, outer_document, _NO_RENAMES

    def _judged_as_event_input(self, walk: _Walk, value: Any, path: str, depth: int) -> bool:
        """(samevents46) A property of a SAM resource's event (``walk.kpath`` ``<template input>.resources.<id>.
        properties.events.<name>.properties.<property path>``) listed in its type's ``events`` for the event's
        ``Type``: judged as the input path of the Pulumi type SAM generates for the event (a Kinesis event's
        ``DestinationConfig.OnFailure.Destination`` as a ``lambda.EventSourceMapping``'s
        ``destination_config.on_failure.destination_arn``), by the one judgement of the Pulumi resource, at the
        template's path. True when so judged; False (the property is walked as before) otherwise."""
        at = _template_resource_at(walk, path)
        if at is None:
            return False
        template, start, parts, resource = at
        kpath, logical_id, name = walk.kpath, parts[start + 1], parts[start + 4]
        props = resource.get("Properties") if isinstance(resource, Mapping) else None
        events = props.get("Events") if isinstance(props, Mapping) else None
        event = events.get(name) if isinstance(events, Mapping) else None
        if not isinstance(event, Mapping) or not isinstance(kind := resource.get("Type"), str):
            return False
        found = self._template_events.get((template.type, kind, str(event.get("Type")), ".".join(kpath[start + 6 :])))
        if found is None:
            return False
        self._judge_at_input_path(walk, value, path, depth, logical_id, found)
        return True

    def _judged_as_nested_input(self, walk: _Walk, value: Any, path: str, depth: int) -> bool:
        """(samsfn47) A value nested in a template resource's property (``walk.kpath`` ``<template input>.resources.
        <id>.properties.<property path>``) whose path its type's ``paths`` lists (an ``AWS::StepFunctions::
        StateMachine``'s ``LoggingConfiguration.Destinations[].CloudWatchLogsLogGroup.LogGroupArn``): judged as that
        Pulumi type's input path (``logging_configuration.log_destination``), by the one judgement of the Pulumi
        resource, at the template's path; (sam48) or under SAM's ``globals.<section>.<property path>``, read as the
        section's type's. True when so judged; False (walked as before) otherwise."""
        at = _template_resource_at(walk, path)
        if at is None:
            return False
        template, start, parts, resource = at
        kpath, logical_id = walk.kpath, parts[start + 1]
        if kpath[start] == "globals":
            # (sam48) SAM's Globals.<section>.<property path>: the value every resource of the section's type inherits.
            kind, logical_id, tail = template.globals.get(parts[start + 1]), f"Globals.{parts[start + 1]}", start + 2
        else:
            kind, tail = resource.get("Type") if isinstance(resource, Mapping) else None, start + 3
        found = self._template_paths.get((template.type, str(kind), ".".join(kpath[tail:])))
        if found is None:
            return False
        self._judge_at_input_path(walk, value, path, depth, logical_id, found)
        return True

    def _judge_at_input_path(
        self, walk: _Walk, value: Any, path: str, depth: int, logical_id: str, found: tuple[str, str]
    ) -> None:
        """A template's value judged as the Pulumi type ``found[0]``'s input at the path ``found[1]`` (dots), its
        finding at the template's ``path``: the resource SAM or CloudFormation makes, by its one judgement."""
        token, target = found
        keys = tuple(target.split("."))
        inputs: Any = value
        for k in reversed(keys[1:]):
            inputs = {k: inputs}
        subject, kpath = walk.subject, walk.kpath
        walk.subject = Subject(token, logical_id, {**subject.props, keys[0]: inputs}, subject.provider)
        walk.kpath = keys
        try:
            self._walk(walk, value, path, keys[-1], depth + 1, None)
        finally:
            walk.subject, walk.kpath = subject, kpath

    def _judge_held_in_s3(
        self, walk: _Walk, decides: Literal["accounts", "callers"], value: Any, path: str, logical_id: str
    ) -> None:
        """(sam46) A template property naming the S3 object that holds a definition or body (``held_in_s3``: a state
        machine's ``DefinitionS3Location``, an API's ``BodyS3Location``, SAM's ``DefinitionUri``): no front door reads
        the object, so what it decides is unproven. ``accounts``: the accounts its Tasks write into, refused as a
        Task's run-time destination is (RES-023) unless every account of the partition is in the jurisdiction (aws-cn
        in CN); ``callers``: whether its reading operations enforce a caller's identity (RES-024). Declared by the
        location as written (``s3://bucket/key``), or an API by ``public:<logical id>``. Before stop 46 only the
        bucket was judged. (falsealarm47) An object in the stack's own bucket passes: see :meth:`_in_own_bucket`."""
        if self._in_own_bucket(walk, value):
            return
        location = _s3_location_text(value)
        if decides == "accounts":
            if set(self.jurisdiction.aws.partitions) <= self._closed_partitions:
                return
            detail = (
                f"The state machine's definition is held in S3 ({location}), which this check cannot read, so the "
                "accounts its Tasks write into (which receive what it sends and can move it anywhere) cannot be "
                f"proven in {self._j()}. Fix: write the definition in the template (Definition / DefinitionString), "
                f'or declare the location after reviewing it: {{"id": "...", "kind": "resident", "match": '
                f'"{location}", "evidence": "<who reviewed the definition, its accounts>"}}.'
            )
            self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, location, detail, (location,))
            return
        name = f"public:{logical_id}"
        detail = (
            f"The API's OpenAPI definition is held in S3 ({location}), which this check cannot read, so whether its "
            "operations that read data enforce a caller's identity (security) cannot be proven: anyone in any country "
            f"may reach the data, which cannot be proven in {self._j()}. Fix: write the definition in the template "
            f"(Body / DefinitionBody), or declare the location after reviewing it (match {location!r}), or declare "
            f'the API public: {{"id": "...", "kind": "resident", "match": "{name}", "evidence": "public website '
            'content, no personal data"}.'
        )
        self._add_coverable(walk, RuleId.PUBLIC_ACCESS_DECLARED, path, location, detail, (location, name))

    def _judge_template_include(self, walk: _Walk, value: Any, path: str) -> None:
        """(sam48) ``Fn::Transform`` ``AWS::Include``: CloudFormation replaces it with the template snippet held at
        its ``Location`` (an ``s3://`` URI) when it processes the template, so the resources, properties or outputs
        the snippet adds cannot be read by any front door (none reads S3): what they send where is unproven
        (RES-025, a document the engine cannot read, declared by the location as written). A snippet in the stack's
        own bucket passes, as a definition held there does (falsealarm47, :meth:`_in_own_bucket`: the stack's
        account owns the bucket and decides by its judged policy who writes the object); a bucket proven only by its
        partition or by a declaration of the bucket proves nothing about the snippet. Other transforms (the SAM
        macro, an account's own macros) are not this one: a macro's code is refused where it is made."""
        if not isinstance(value, Mapping) or value.get("Name") != "AWS::Include":
            return
        parameters = value.get("Parameters")
        location = parameters.get("Location") if isinstance(parameters, Mapping) else None
        assert walk.template is not None
        template, document = walk.template
        texts = _template_texts(document, location) if location is not None else None
        texts = [self._in_own_stack(walk.subject, t, template) for t in texts or ()]
        if texts and all(self._in_own_bucket(walk, t) for t in texts):
            return
        shown = texts[0] if len(texts) == 1 else _s3_location_text(location)
        detail = (
            f"The template includes a snippet held in S3 ({shown}, Fn::Transform AWS::Include), which this check "
            "cannot read, so where the resources and properties it adds send data cannot be proven in "
            f"{self._j()}. Fix: write the snippet into the template, or keep it in a bucket this stack makes, or "
            f'declare the location after reviewing it: {{"id": "...", "kind": "resident", "match": "{shown}", '
            '"evidence": "<who reviewed the snippet>"}.'
        )
        self._add_coverable(walk, RuleId.DOCUMENT_WITHIN_BOUNDS, f"{path}.Parameters.Location", shown, detail, (shown,))

    def _in_own_bucket(self, walk: _Walk, value: Any) -> bool:
        """(falsealarm47) Whether an S3 location (``{Bucket, Key}`` or ``s3://bucket/key``) is in a bucket the stack
        makes, by the provenance RES-017 proves a bucket with: the template's own bucket by ``Ref`` (``${LogicalId}``,
        ``stack_templates`` ``bucket_types``) or by its literal BucketName, a Parameter the stack gives such a name,
        or a name the program's own bucket gives (its ``bucket`` / ``id`` output, the front door's ``known``). The
        stack's account owns that bucket and its policy, so only the stack's own principals (or those its policy
        grants, judged there) write the object: what the object holds is the stack's as an inline definition would
        be. A bucket proven only by a declaration or by its partition (aws-cn in CN) proves nothing about who writes
        the object, so it is not one."""
        known = walk.known
        if known is None:
            return False
        bucket: Any = value.get("Bucket") if isinstance(value, Mapping) else None
        if isinstance(value, str) and value.startswith("s3://"):
            bucket = value[len("s3://") :].split("/", 1)[0]
        if isinstance(bucket, Mapping) and len(bucket) == 1:
            reference = _template_reference(bucket)
            if reference is None or reference[0] is None or reference[1] != "Ref":
                return False
            if known(f"${{{reference[0]}}}"):
                return True  # the template's own bucket
            bucket = self._given_parameter(walk, reference[0], "Ref")
        return isinstance(bucket, str) and bool(bucket) and knows_bucket(known, bucket_key("aws", bucket))

    def _judge_template_resources(self, walk: _Walk, document: Mapping[Any, Any], path: str) -> None:
        """A template's Resources by type: one that is a global service (``template_services``) is judged by that
        service's entry, as the same resource in Pulumi is (RES-016); a property naming a bucket
        (``template_bucket_fields``) is judged as a bucket (RES-017)."""
        resources = document.get("Resources")
        if not isinstance(resources, Mapping):
            return
        assert walk.template is not None
        template = walk.template[0]
        inherited = _sam_globals(template, document)
        site = walk.subject.provider.site if walk.subject.provider is not None else None
        declared = [(f"{path}.Resources.{i}", r) for i, r in resources.items()]
        for where, resource in [*declared, *_implicit_resources(template, resources, f"{path}.Resources")]:
            kind = resource.get("Type") if isinstance(resource, Mapping) else None
            if not isinstance(kind, str):
                continue
            services = self._template_services.get(kind, ())
            if kind.count("::") == 2:  # (alired53) and its namespace's (``ALIYUN::ESA::*``)
                services = (*services, *self._template_services.get(f"{kind.rpartition('::')[0]}::*", ()))
            fields = self._template_bucket_fields.get(kind, ())
            form = self._template_containers.get((template.type, kind))
            if not services and not fields and form is None:
                continue  # nearly every resource
            props = resource.get("Properties")
            props = props if isinstance(props, Mapping) else {}
            if form is not None:  # k8s63: a resource that is one container, read as its Pulumi twin's (an SAE app)
                self._judge_container(walk, props, f"{where}.Properties", 0, form)
            if kind in inherited:
                props = _with_globals(inherited[kind], props)  # (sam46) SAM's Globals the resource inherits
            for service, entry in services:
                if not service.judges_in(self.jurisdiction.code, site):
                    continue  # (alired53) resident for the account site the stack's provider names
                if entry.field is None:
                    if not self._partition_allows(walk, service):
                        self._global_finding(walk, service, where, kind)
                    continue
                for vpath, value in _template_field_values(props, entry, f"{where}.Properties", self._decodes_host):
                    self._judge_template_service_value(walk, document, service, entry, kind, vpath, value)
            for field in fields:
                for vpath, value in _template_values(props, field.split("."), f"{where}.Properties"):
                    self._judge_template_bucket(walk, document, vpath, value)

    def _judge_template_service_value(
        self,
        walk: _Walk,
        document: Mapping[Any, Any],
        service: GlobalService,
        entry: TemplateService,
        kind: str,
        path: str,
        value: Any,
    ) -> None:
        """One value a template gives a global service's property (``template_services`` field), judged by the
        service's entry: omitted as its documented default; a function as each value it may give; one it cannot
        evaluate stays unproven."""
        assert entry.field is not None
        if self._partition_allows(walk, service):
            return
        code = self.jurisdiction.code
        if value is _OMITTED:
            default = entry.defaults.get(kind)
            if default is not None and service.refuses(default, code):
                self._global_finding(walk, service, path, default, omitted=True, field=entry.field)
            return
        literals = _template_literals(document, value)
        if literals is None:
            literals = self._parameter_literal(walk, document, value)
        if literals is None and self._names_template_model(walk, value):
            return
        if literals is None:
            text = json.dumps(value, sort_keys=True, default=str)
            detail = (
                f"{service.why} ({entry.field} = {text}: a value this check cannot evaluate, such as a Parameter "
                f"without AllowedValues); not proven to stay in {self._j()} [{service.id}]. Write the value literally."
            ) + _declare_service(service)
            self._add_coverable(
                walk, RuleId.GLOBAL_SERVICE_IN_JURISDICTION, path, text, detail, (text, service.id, walk.subject.type)
            )
            return
        for literal in literals:
            text = str(literal).lower() if isinstance(literal, bool) else str(literal)
            if service.refuses(text, code):
                self._global_finding(walk, service, path, text, field=entry.field)

    def _parameter_literal(self, walk: _Walk, document: Mapping[Any, Any], value: Any) -> list[Any] | None:
        """(mutation57) A ``Ref`` of one of the template's Parameters as the one text the stack gives it, else its
        ``Default`` (:meth:`_parameter_value`, the reading a Region field's ``Ref`` has): an EFS replica's ``Region``
        by a Parameter whose Default is the home Region was RES-016 (aws-efs-replica-region-unstated's value not
        evaluated) while the same Region field was judged by its Default (RES-009 abroad, passing at home). None for
        anything else, a value not known yet, or a template each of whose stacks may give another value (a StackSet's,
        a stack group's: as :meth:`_given_parameter`)."""
        name = value.get("Ref") if isinstance(value, Mapping) and len(value) == 1 else None
        if not isinstance(name, str) or walk.template is None:
            return None
        if walk.template[0].region is None and walk.stack_parameters is None:
            return None
        given = self._parameter_value(walk, document, name)
        return [given] if isinstance(given, str) else None

    def _names_template_model(self, walk: _Walk, value: Any) -> bool:
        """(awsred56) Whether ``value`` is a ``Ref`` / ``Fn::GetAtt`` of the template's own resource catalogued as a
        model (``template_attributes`` ``names: [model]``: an application inference profile), whose routing (its
        ``ModelSource``) is judged at that resource by its own ``template_services`` entry: the reference adds no
        destination. A Parameter, an import or another resource's attribute stays unproven."""
        if not isinstance(value, Mapping) or len(value) != 1 or walk.template_resources is None:
            return False
        reference = _template_reference(value)
        if reference is None or reference[0] is None:
            return False
        kind = walk.template_resources.get(reference[0])
        entry = self._template_attributes.get((kind, reference[1])) if kind is not None else None
        return entry is not None and "model" in entry.names

    def _judge_template_bucket(self, walk: _Walk, document: Mapping[Any, Any], path: str, value: Any) -> None:
        """A template property naming a bucket (``template_bucket_fields``): a literal name is proven only as a bucket
        the template creates (or one the stack knows), a reference only by the template's own bucket's catalogued
        attribute (``Fn::GetAtt`` ``Name``); anything else is unproven (RES-017)."""
        if value is _OMITTED:
            return
        if isinstance(value, str):
            if value.strip():
                self._judge_bucket_name(walk, value, path)
            return
        if isinstance(value, Mapping) and len(value) == 1:
            reference = _template_reference(value)
            if reference is not None:
                text = json.dumps(value, sort_keys=True, default=str)
                self._judge_template_reference(walk, reference[0], reference[1], path, text, bucket=True)
                return
            choices = _template_choices(value)
            if choices is not None and next(iter(value)) == "Fn::If":
                for i, choice in enumerate(choices):
                    self._judge_template_bucket(walk, document, f"{path}.Fn::If[{i}]", choice)
                return
            texts = _template_texts(document, value)
            if texts is not None and all("${" not in t for t in texts):
                for t in texts:
                    self._judge_template_bucket(walk, document, path, t)
                return
        text = json.dumps(value, sort_keys=True, default=str)
        detail = (
            f"{text} gives a bucket name this check cannot evaluate, so nothing proves the bucket is one the template "
            f"creates in {self._j()}. Name the template's own bucket (its literal BucketName, or Fn::GetAtt Name) or "
            "declare the destination."
        )
        self._add_coverable(walk, RuleId.REGIONLESS_REFERENCE_PROVEN, path, text, detail, (text,))

    def _names_itself(self, walk: _Walk, path: str) -> bool:
        """Whether ``path`` is the ``BucketName`` of a template resource of a bucket type: the name of the bucket it
        creates (a Parameter may choose it), not a bucket it sends data to; an ``Fn::Sub`` text there too (fnsub49)."""
        assert walk.template_resources is not None
        parts = path.removesuffix(".Fn::Sub").rsplit(".", 4)  # logical ids are alphanumeric: no dot
        return (
            len(parts) == 5
            and parts[1] == "Resources"
            and parts[3:] == ["Properties", _BUCKET_NAME_PROPERTY]
            and walk.template_resources.get(parts[2]) in self._template_bucket_types
        )

    def _judged_as_host(self, walk: _Walk, value: str, path: str, key: str, depth: int, candidates: bool) -> bool:
        """A value under a host key: a bare host, an e-mail address or a list of hosts, each judged as a
        destination; True when nothing else is left to judge."""
        stripped = value.strip()
        # `{{ tenant }}.partner.example.com` is one host, not three items of a list (judged as written when alone).
        listed = compact_placeholders(stripped) if "{{" in stripped else stripped
        if stripped[:1] == "+" and self._judged_as_phone(walk, stripped, path, _PHONE_NUMBER):
            # Phone numbers where a host may be (an SNS sms endpoint, an Incident Manager SMS channel, a list
            # "+86 138 ...,+1 415 ..."): no host starts with "+". Before the list split below, which would cut
            # "+49 151 ..." at its spaces.
            return True
        if "." not in stripped and "-" in stripped and self._judged_as_endpoint_region(walk, stripped, path):
            return True
        if _LIST_SPLIT.search(listed):
            if "://" not in listed:
                # Several hosts in one string (Kafka bootstrap servers "b-1:9092,b-2:9092", an MX or SRV record
                # "10 mx.example.com"): each part is judged on its own, so a proven host cannot hide another.
                for part in _LIST_SPLIT.split(listed):
                    if part:
                        self._judge_string(walk, part, path, key, depth)
                return True
            # URLs among other items: the reference scan judges each URL (every host of a multi-host
            # connection string too) and any cloud host; a bare host beside them is judged here.
            for item in _bare_items(listed):
                if not self.parser.has_candidates(item):
                    self._judged_as_bare_host(walk, item, path)
            return False
        if "*" in stripped and _named_by(_key_tokens(_snake(key)), self.endpoints.host_pattern_keys):
            # (alired58) One pattern of an allow-list of hosts (a reindex whitelist's `*.partner.example.com:9200`):
            # the substring test first, so a value without a wildcard pays nothing more.
            return self._judged_as_host_pattern(walk, stripped, path)
        if (
            candidates
            and stripped.lower().rstrip(".") not in self._all_suffixes
            and not self._suffix_after_placeholders(stripped)
            and not self._placeholder_beside_user(stripped)
        ):
            return False
        # A catalogued suffix alone (an MX "10 amazonses.com", a CNAME to aliyuncs.com) has no region label to read
        # and no host pattern matches it: judged as the bare host it is (unproven).
        return self._judged_as_bare_host(walk, stripped, path)

    def _judged_as_endpoint_region(self, walk: _Walk, value: str, path: str) -> bool:
        """A catalogued region id alone under a host key (an SLS ETL sink's ``endpoint``, "Delivery target logstore
        region"): it names that region's endpoint, so it is judged as a region field (RES-009). One label, never a host
        (a resolver completes it with its search list), it passed unjudged. Only a region the catalogue knows: another
        one-label value stays what it was. A value with a dot or without a dash pays nothing."""
        ref = self.parser.region_field(walk.cloud, value, any_cloud=True)
        if ref is None or not ref.known_region:
            return False
        self._judge(walk, ref, path, RuleId.REGION_FIELD_IN_JURISDICTION)
        return True

    def _suffix_after_placeholders(self, value: str) -> bool:
        """A catalogued suffix alone after placeholders (``${name}.amazonaws.com``), which the reference scan, reading a
        cloud host by its labels, does not see: judged as the bare host it is, as ``name.amazonaws.com`` is. A value
        without a placeholder's first character pays seven substring tests."""
        if not any(c in value for c in "{$<%@[_"):
            return False
        host = placeholder_host(value)
        return host is not None and placeholder_domain(host) in self._all_suffixes

    def _placeholder_beside_user(self, value: str) -> bool:
        """A user and placeholders before a fixed domain with a port or path after it
        (``${user}@partner.example.com:22``, ``ops@${HOST}.partner.example.com:/data``, ``@HOST@.example.com:443``):
        the reference scan, which reads ``user@host:path`` only when both are written out, finds no host there, so the
        value is judged here as the host the placeholders leave (found by the stop-33 host-shape review: accepted
        before). A catalogued cloud host there is left to the scan, which reads it by its labels. A value without "@"
        pays one substring test."""
        if "@" not in value or "://" in value:
            return False
        host = placeholder_host(value)
        return host is not None and self.parser.host(host, in_url=False).kind == "host"

    def _judge_assignments(
        self, walk: _Walk, script: str, path: str, nested: int = 0, whole: str = "", at: int = 0
    ) -> None:
        """A script's shell or dotenv assignments (``export DB_HOST=db.partner.example.com``, ``PGHOST=...``):
        a value under a host key is a destination, as the same variable in an environment map is. What holds a
        reference the scan of the whole script finds (a URL, a cloud host) is left to that scan, once. An assignment
        whose value holds assignments sets those too (a systemd unit's ``Environment=AWS_REGION=us-east-1`` or
        ``Environment="A=1 B=2"``, systemd.exec: "Takes a space-separated list of variable assignments";
        ``JAVA_OPTS="-Daws.region=..."``): read once more (mutation search round 14: the unit's AWS_REGION passed, read
        as a value of ``Environment``), and once more again (scripts45: ``Environment="JAVA_OPTS=-Daws.region=..."``,
        a unit setting a variable whose value sets a JVM property). Two levels at most: no tested shape nests deeper.
        A whole reference (``DB_HOST=$B``) is judged as the values B may hold on that line (scripts47: ``at``, the
        outermost assignment's offset, for a nested one); the instance's own Region command fills them for the types
        ``instance_region_commands`` lists."""
        values = _assigned_values(script if nested == 0 else whole, self._instance_region(walk))
        networks: tuple[tuple[int, int, frozenset[str]], ...] | None = None  # falsealarm54b: read at a host's value
        # quoting59: a word quoted in parts (`export AWS_REGION="us-"west-2`) judged whole, the same offsets
        text = quoted_parts_joined(script) if nested == 0 else script
        if nested == 0 and "%" in text and "printf" in text:
            # scripts66: the further passes of a printf format reused for more arguments (an environment file's later
            # lines, written after the script's end by :func:`scripts.printf_as_assignments`), judged as written ones;
            # the first pass is the one the values at a use read, as before (the rewriting keeps its length)
            printed = printf_as_assignments(text)
            text = text + printed[len(text) :] if len(printed) > len(text) else text
        for m in _ASSIGNMENT.finditer(text):
            offset = m.start() if nested == 0 else at
            if nested < _NESTED_ASSIGNMENTS:
                inner = next(v for v in m.group("double", "single", "bare") if v is not None)
                if "=" in inner:
                    self._judge_assignments(walk, inner, path, nested + 1, script if nested == 0 else whole, offset)
            if not self._host_key(_key_tokens(_snake(m.group("name")))):
                if _is_region_key(_snake(m.group("name"))):
                    # export AWS_REGION=us-east-1 / ALIBABA_CLOUD_REGION_ID=...: where the script's SDK and CLI calls
                    # go, judged like the same variable in an environment map (found by the mutation search).
                    value = next(v for v in m.group("double", "single", "bare") if v is not None)
                    # scripts53b: the Region the SDKs and CLIs read from the environment is where every later call
                    # goes: a variable holding a substitution the evaluator cannot compute (`R=$(aws configure get
                    # region)`, then `export AWS_REGION=$R`) fails closed there, as at `--region $R`. A script's own
                    # variable (`REGION=$R`) is judged where it is used.
                    sdk = m.group("name") in self.endpoints.sdk_region_variables
                    inline = sdk and _inline_substitution(m, nested)
                    word = _substituted_word(script, m.start("bare")) if inline else None
                    if word is not None:
                        # scripts54: `export AWS_REGION=$(cat FILE)` written in the assignment: the bare value ends at
                        # the substitution's first blank (`$(cat`), so the substitution is read whole, with its word's
                        # text after it, and judged as `export AWS_REGION=$R` of it is (computed, or an unknown Region)
                        where = f"{path}.{m.group('name')}"
                        self._judge_substituted_region(walk, "".join(word), values, offset, where)
                        continue
                    given = _referenced(value, values.at_destination(offset) if sdk else values.at(offset))
                    self._judge_assigned_regions(walk, given, values, offset, f"{path}.{m.group('name')}")
                continue
            value = next(v for v in m.group("double", "single", "bare") if v is not None)
            if m.group("name").lower() == "host" and self._in_ssh_entry_line(whole or script, m.group(0)):
                continue  # falsealarm54b: ssh_config(5)'s `Host=name` (the `=` spelling) names the file's own entry
            for item in _LIST_SPLIT.split(value.strip()):
                for host in _referenced(item, values.at(offset)):
                    if host and not self.parser.has_candidates(host):
                        if networks is None:
                            networks = self.parser.network_spans(whole or script)
                        if any(a <= offset < b and host.lower() in names for a, b, names in networks):
                            continue  # falsealarm54b: `docker run --network NET -e DB_HOST=db`: NET's container db
                        self._judged_as_bare_host(walk, host, f"{path}.{m.group('name')}")
        self._judge_appends(walk, text, path, values, nested)

    def _judge_appends(self, walk: _Walk, script: str, path: str, values: _ScriptValues, nested: int) -> None:
        """(scripts60) Each append ``NAME+=WORD`` of a Region or host key judged by name as an assignment of it is
        (:meth:`_judge_assignments`, at its outermost level), by the values NAME holds on its line
        (:func:`_appended`): `AWS_REGION=us-` then `export AWS_REGION+=west-2` passed every door (the append unread),
        the SDK then calling us-west-2."""
        for m in _APPEND_ASSIGNMENT.finditer(script) if nested == 0 and "+=" in script else ():
            name = m.group("name")
            where = f"{path}.{name}"
            if self._host_key(_key_tokens(_snake(name))):
                for host in values.at(m.start()).get(name, ()):
                    if host and not self.parser.has_candidates(host):
                        self._judged_as_bare_host(walk, host, where)
            elif _is_region_key(_snake(name)):
                sdk = name in self.endpoints.sdk_region_variables
                given = (values.at_destination(m.start()) if sdk else values.at(m.start())).get(name, ())
                self._judge_assigned_regions(walk, given, values, m.start(), where)

    def _judge_assigned_regions(
        self, walk: _Walk, regions: Iterable[str], values: _ScriptValues, offset: int, where: str
    ) -> None:
        """The Regions a Region-named variable is assigned (an assignment's or, scripts60, an append's values): one
        holding a substitution as the evaluator computes it (:meth:`_judge_substituted_region`), else as written."""
        for region in regions:
            if "$(" in region or "`" in region:
                self._judge_substituted_region(walk, region, values, offset, where)
            else:
                self._judge_script_region(walk, region, where)

    @functools.cached_property
    def _run_value_options(self) -> frozenset[str]:
        """(k8s65) The options of a container's run taking a value (docker / podman ``run``'s catalogued
        ``value_options``): :func:`scripts.container_env_options_written` skips their values to find the image."""
        commands = [self.endpoints.script_commands.get(c) for c in ("docker", "podman")]
        runs = [c.subcommands.get("run") for c in commands if c is not None]
        return frozenset(o for r in runs if r is not None for o in r.value_options)

    @functools.cached_property
    def _parallel_value_options(self) -> frozenset[str]:
        """(scripts66) GNU parallel's catalogued options taking a value: :func:`scripts.xargs_expanded` skips their
        values to find the command it runs per ``:::`` argument."""
        command = self.endpoints.script_commands.get("parallel")
        return frozenset(command.value_options) if command is not None else frozenset()

    @functools.cached_property
    def _fetch_value_options(self) -> Mapping[str, frozenset[str]]:
        """(the lead, stop 65) The options of curl and wget taking a value (their catalogued ``value_options`` and
        destination ``options``): :func:`scripts.fetched_manifests` reads no fetched source there."""
        commands = self.endpoints.script_commands
        return {
            name: frozenset(command.value_options) | frozenset(command.options)
            for name in ("curl", "wget")
            if (command := commands.get(name)) is not None
        }

    def _judge_script(self, walk: _Walk, script: str, path: str, depth: int) -> str:
        """A script payload's host assignments (``export DB_HOST=...``), its commands' hosts (``psql -h ...``) and the
        log-router configurations its here-documents write (:meth:`_judge_heredocs`).
        Returns the text whose references are to be judged: the script with the variables its URLs' hosts hold filled
        in where the script assigns them (:func:`_assigned_urls`). scripts49: a command ``xargs`` runs on the words an
        ``echo`` pipes into it is read as written out (:func:`scripts.xargs_expanded`)."""
        script = ansi_c_quoted_written(script)  # scripts59: `$'eu-west-1'` as the single-quoted word it expands to
        script = locale_quoted_written(script)  # scripts61: `$"us-west-2"` as the double-quoted word it is
        script = container_env_options_written(script, self._run_value_options)  # k8s65: `-eNAME=V` as `-e NAME=V`
        script = eval_arrays_written(script)  # scripts61: `eval "RS=(a b)"` as the assignment it runs
        script = multiline_assignments_written(script)  # lead, stop 60: `L="a<newline>b"` as the printf of its lines
        script = names_and_keys_written(script)  # scripts60: `${!M[@]}`, `${!DR_@}`, `${!v}` as what they give
        # scripts54b: `${DR:+--region us-west-2}` is its word; scripts66: parallel's `:::` runs written out too
        script = alternates_written(xargs_expanded(script, self._parallel_value_options))
        script = function_outputs_written(script)  # falsealarm57b: `$(last_arg a "$R")` as `$(echo "${R}")`
        script = jq_environment_written(script)  # scripts59b: `export R=...; jq -n 'env.R'`
        script = cat_heredocs_written(script)  # scripts56: `--region "$(cat <<EOF` over a line naming the Region
        # scripts55b: `retain() { aws ... "$@"; }; retain --region R`; scripts56: `${!#}`, `${@: -1}` as `${N}` first
        script = positional_expanded(script)  # perf59: all_positional_expanded(last_positional_written(script))
        script = substitutions_joined(script)  # mutation56: `R=$(` over several lines, read as one substitution
        if "=" in script:
            self._judge_assignments(walk, script, path)
        # The file a cloud-config writes this content to (its decodings, "(base64)", "(gzip)", after the key path).
        file = walk.written.get(_DECODINGS.sub("", path)) if walk.written else None
        # alired57: the commands' hosts read once, for the written files' CORS test and for their own judging
        hosts = self._scripts.hosts(script, file)
        cors = self._cors_configurations(walk, hosts, script)
        if (
            "<<" in script
            or (may_write_files(script) and ("echo" in script or "printf" in script))
            or EDIT_COMMAND.search(script) is not None
        ):
            self._judge_heredocs(walk, script, path, depth, cors=cors)
        if "--config" in script:
            self._judge_config_uris(walk, script, path, depth)  # config63: the Collector's `yaml:` / `env:` / `http:`
        if "-bit" in script:
            self._judge_log_router_lines(walk, script, path, depth)  # config65b: Fluent Bit's `-o NAME -p KEY=VALUE`
        if "agent" in script:  # config59: a tool's container configured by its environment (the Datadog Agent's)
            self._judge_image_defaults(
                walk, script, [*written_files(script), *(walk.written or {}).values()], path, depth
            )
        self._judge_manifest_containers(walk, script, path, depth)  # k8s62: a Kubernetes manifest's containers
        if "helm" in script:  # k8s63: a chart's values naming where its workload sends
            self._judge_helm_releases(walk, script, path, depth)
        entry = (
            self._config_entry(file, walk.written_by) if file is not None and not self._log_router_file(file) else None
        )
        if file is not None and entry is not None and entry.format in _TEXT_FORMATS:
            # scripts51: a cloud-config's write_files content is the file its path names, read by key as a script's
            # here-document into that path is (its JSON / YAML content is walked as a document already).
            self._judge_config_file(walk, script, (file, script), path, depth, cors)
        documents = self._judge_script_hosts(walk, script, path, file, hosts)
        for document in documents:
            # alired54: a policy document the walk above judged as one (its Service principal is no host) is not
            # scanned again as text.
            script = script.replace(document, "")
        # scripts54: `https://ingest.$D/` too (was `://$` only); a variable holds an uncomputed substitution only
        # through an assignment or a `read`
        if (
            "://$" in script
            or "://`" in script
            or ("://" in script and "$" in script and ("=" in script or "read" in script))
        ):
            self._judge_substituted_url_hosts(walk, script, path)
        # scripts52: a URL's host computed by a command; mutation53: a variable's default word (`${HOST:-...}`), a
        # loop's variable (`for h in ...`; scripts54: `while read h; do ... done <<EOF`)
        loop = "$" in script and (has_for_loop(script) or has_while_read(script))
        # scripts55b: a function's positional parameter in a URL (`notify() { curl "http://$1:8080/x"; }`, no `=`);
        # falsealarm60: `printf -v NAME` assigns with no `=`
        assigns = "=" in script or "${" in script or "printf" in script
        if "sed" in script and "<<" in script:
            # falsealarm66: a template sed fills before anything reads it, judged as the lines the edits make
            # (``https://sqs.__REGION__.amazonaws.com/...`` filled with the home Region was RES-015 as written)
            script, filled, _ = templates_filled(script, self._instance_region(walk))
            script = "\n".join([script, *filled]) if filled else script
        if ("$" in script and assigns) or loop or _url_substitution_in(script) or has_positional(script):
            return jq_patterns_blanked(_assigned_urls(script, self._instance_region(walk)))
        # falsealarm56b: a jq program's regular expression (`capture("^arn:aws:sqs:(?<r>[a-z0-9-]+):")`) is compared
        # with the input, no reference: blanked in the text the scan reads (was RES-011 at home: read as an ARN), also
        # where a variable's value is written in above (`R=$(... | jq '... capture(...)')`, then `"$R"`); the readers
        # and the one evaluator (which runs the program) see it as written
        return jq_patterns_blanked(script)

    def _judge_substituted_url_hosts(self, walk: _Walk, script: str, path: str) -> None:
        """(scripts53b) A URL whose host is a command substitution the one evaluator cannot compute, written there
        (``curl https://$(aws ssm get-parameter ...)/ingest``) or through a variable holding one (``H=$(aws ssm ...)``,
        then ``curl https://$H/ingest``: :meth:`_ScriptValues.at_destination`): the host the script connects to is not
        proven (RES-015, declared by the substitution's text), as at ``psql -h``. One it computes is left to the
        reference scan (:func:`_assigned_urls`, :func:`_substituted_urls`); an unset variable stays a placeholder."""
        own = self._instance_region(walk)
        values = _assigned_values(script, own)
        files = {**walk.script_files, **values.files} if values.files else walk.script_files
        hosts: list[tuple[str, int]] = []
        # Only an http(s) host whose last label is the variable (scripts54: fixed text before it too, `ingest.$D`:
        # the domain is the value's): one before a fixed domain (`sqs.$R.amazonaws.com.cn`, `$H.example.net`) is
        # read as a placeholder under that domain by the reference scan, which proves or refuses it as before; an
        # `s3://$BUCKET/` names a bucket, not a host (left as since stop 33).
        if values.opaque:
            for m in _URL_VARIABLES.finditer(script):
                if m.group("scheme").lower() in _HOST_SCHEMES and _HOST_ENDS_IN_VARIABLE.search(m.group("authority")):
                    hosts += [
                        (h, m.start()) for h in filled_texts(m.group("authority"), values.at_destination(m.start()))
                    ]
        if _url_substitution_in(script):
            for m in _URL_SUBSTITUTION.finditer(script):
                substitution = substitution_at(script, m.end())
                tail = _URL_HOST_TAIL.match(script, m.end() + len(substitution)) if substitution else None
                whole = m.group(0).lower() in _HOST_SCHEMES and not (tail and tail.group(0))
                if substitution is not None and whole:
                    hosts.append((substitution, m.start()))
        for host, at in dict.fromkeys(hosts):
            if _UNDER_FIXED_DOMAIN.search(host):
                # (lead, stop 54) filled, the value stands before a fixed domain (`https://${TENANT}.$DOMAIN/` with
                # `DOMAIN=execute-api.ap-northeast-1.amazonaws.com`, TENANT read at run time): the domain decides, as
                # the rule above says, and the reference scan proves or refuses it (hostshape4's own API passed
                # since stop 33; a partner's domain stays RES-015 there).
                continue
            if ("$(" in host or "`" in host) and _script_substituted(host, values.at(at), files, own) is None:
                self._judge_unknown_host(walk, host, f"{path}(url)")

    def _judge_heredocs(
        self,
        walk: _Walk,
        script: str,
        path: str,
        depth: int,
        skip: Collection[tuple[str, str]] = (),
        cors: frozenset[str] | None = None,
    ) -> None:
        """A Fluent Bit or Fluentd configuration a script writes with a here-document (``cat >
        /etc/fluent-bit/fluent-bit.conf <<EOF``; fluentd43) or line by line with ``echo`` / ``printf`` redirections
        (leftovers43): the content of a file ``log_router_files`` names is read by the same readers as the
        configuration found in any other input (classic or YAML Fluent Bit, Fluentd), its outputs judged by the same
        entries. The script's own scan still reads the body's URLs and cloud hosts as text. A body that is no such
        configuration is left to that scan; ``skip``: the (file, content) pairs already read (a split script's
        items); ``cors``: the CORS configurations the script gives ossutil (:meth:`_cors_configurations` of the hosts
        the caller read), None when the caller has not read them."""
        written = [("heredoc", f, b) for f, b in heredoc_files(script)] if "<<" in script else []
        if may_write_files(script) and ("echo" in script or "printf" in script):  # scripts53: `echo ... | tee FILE` too
            written += [("echo", f, b) for f, b in echoed_files(script)]
        # logplugins44: a file the script then copies or moves (`cp`, `mv`, `install SRC DST`) is read where it lands,
        # and one it edits with `sed -i` is read as the edit leaves it, in place of what it held before (the agent
        # reads the last version); an edit not applied has its texts judged as values (_judge_edit_texts).
        edits = edited_files(script, self._instance_region(walk))
        applied = [e for e in edits if e.content is not None]
        # scripts45: perl -pi, and sed / envsubst redirected into a file, replace its content as sed -i does.
        last = {e.file: i for i, e in enumerate(applied) if e.how not in ("cp", "mv", "install")}
        gone = {e.source for e in applied} | set(last)
        if applied and "<<" in script:  # falsealarm66: a template only sed reads is judged as the texts it fills
            gone |= templates_filled(script, self._instance_region(walk))[2]
        written = [w for w in written if w[1] not in gone]
        written += [(e.how, e.file, e.content or "") for i, e in enumerate(applied) if last.get(e.file, i) == i]
        routers = self._log_router_files_of(script, [(f, b) for _, f, b in written])  # config58: named at `-c` too
        sets = _router_sets(script, [b for _, f, b in written if f in routers])
        env = _router_env([b for _, f, b in written if f in routers and f.endswith(("yml", "yaml"))])
        for how, file, body in written:
            if file not in routers or (file, body) in skip:
                continue
            # falsealarm58b: an `@INCLUDE`d file is read with the variables the other router files set
            text = sets + body if sets and "${" in body and fluent_bit_classic(body) is not None else body
            if env and "${" in body and file.endswith(("yml", "yaml")):
                text = fluent_bit_filled(body, env)  # config61: a YAML file's `${NAME}` by the YAML files' `env`
            for filled in self._router_texts(walk, script, body, text):
                self._judge_log_router_file(
                    walk, filled, f"{path}({how}:{file})", file.endswith(("yml", "yaml")), depth
                )
        if cors is None:
            # a split script's items joined (_judge_split_heredocs): no caller read their hosts; read once here
            cors = frozenset()
            if written and "cors" in script:
                cors = self._cors_configurations(walk, self._scripts.hosts(script), script)
        for how, file, body in written:
            if (file, body) not in skip and file not in routers:
                self._judge_config_file(walk, script, (file, body), f"{path}({how}:{file})", depth, cors)
        for edit in edits:
            if edit.content is None and edit.texts and not self._log_router_file(edit.file):
                self._judge_edited_config_lines(walk, script, edit, f"{path}({edit.how}:{edit.file})", depth)
            if edit.content is None and self._log_router_file(edit.file) and _edit_key(edit) not in skip:
                self._judge_edit_texts(walk, edit, f"{path}({edit.how}:{edit.file})", depth)
                if edit.deletes and edit.before is not None:
                    self._judge_deleted_defaults(walk, edit, f"{path}({edit.how}:{edit.file})")

    def _judge_image_defaults(self, walk: _Walk, script: str, files: Sequence[str], path: str, depth: int) -> None:
        """(config59, stop 59) A tool's container the script runs given no settings file of the tool it writes
        (``docker run -d -e DD_API_KEY=... gcr.io/datadoghq/agent:7``: the Datadog Agent reads its settings from the
        container's environment): each ``document_defaults`` setting whose ``images`` the script runs, none of its
        ``unless_variables`` named (``DD_SITE``, judged where it is set), is judged as the default of an empty file
        (the Agent's US1 site). A run mounting a written file of the entry (its directory on the run's line) reads that
        file, which decides instead (:meth:`_judge_config_file`)."""
        for entry in self.endpoints.app_config_files:
            if not any(d.images for d in entry.document_defaults):
                continue
            mounted = [f.rpartition("/")[0] for f in files if self._config_entry(f, script) is entry]
            # the defaults an empty document gets where the script names none of their variables (one reading of
            # `unless_variables`, _document_defaults's)
            unset = set(_document_defaults({}, entry, script))
            for d in entry.document_defaults:
                if (d.key, d.value) not in unset:
                    continue
                # a run mounting a written file's directory (`-v /etc/datadog-agent/datadog.yaml:...`) reads that file
                if any(not any(m and m in run for m in mounted) for run in _image_runs(d, script)):
                    self._judge_tool_default(walk, entry, d, f"{path}(image)(default)", depth)
            for d in entry.document_defaults:
                if d.images and d.unless_variables:
                    self._judge_run_variables(walk, script, (entry, d, mounted), path, depth)

    def _judge_tool_default(
        self, walk: _Walk, entry: ConfigFile, default: DocumentDefault, where: str, depth: int
    ) -> None:
        """A tool's own default setting (``document_defaults``: the Datadog Agent's US1 site) judged as the document an
        empty settings file of ``entry`` is given (as :meth:`_judge_config_file`'s, the key in the catalogue's names),
        where a run of its image (scripts58, scripts63), a Compose service (k8s65) or ``kubectl set env NAME-`` (k8s66)
        gives the tool none: one reading for the four (k8s66 had written it a fourth time)."""
        setting = _renamed_keys(_nested_setting(default.key, default.value), entry.keys)
        self._walk_document(walk, setting, where, "content", depth, None)

    def _judge_run_variables(
        self,
        walk: _Walk,
        script: str,
        of: tuple[ConfigFile, DocumentDefault, Sequence[str]],
        path: str,
        depth: int,
    ) -> None:
        """(scripts63, stop 63) A destination variable of a tool's container (``unless_variables``: the Datadog
        Agent's ``DD_SITE`` / ``DD_DD_URL``) given on the ``docker run`` line of its image
        (:func:`_image_run_variables`) by a value the script does not write: ``-e DD_SITE=$S`` where S holds a
        substitution no evaluator computes (``S=$(cat /etc/dd_site)``), or ``-e DD_SITE=$(...)``, is unproven
        (RES-015, declared by the substitution's text, as k8s62's secret is). ``-e DD_SITE`` with no value passes the
        shell's own (Docker, "Set environment variables": "The value of the DEBUG variable in the container is taken
        from the value for the same variable in the shell"; docker/cli#1780: one the shell does not export reaches the
        container empty): where the script exports no value of it, and for ``-e DD_SITE=$S`` where the script sets S
        no value, the Agent is given nothing (an empty value is unset to it) and its default site (US1) is judged, as
        for a run naming no such variable (:meth:`_judge_image_defaults`), unless the run mounts a written settings
        file of the tool. Each passed every door: naming the variable dropped the default, and only a literal value
        was judged where it is set."""
        if path.endswith("(docker run)"):
            # a container definition's own run line (_container_run_line): `-e NAME` there is set, judged at its field
            return
        entry, default, mounted = of
        own = self._instance_region(walk)
        values = _assigned_values(script, own)
        files = {**walk.script_files, **values.files} if values.files else walk.script_files
        for start, run, name, value in _image_run_variables(default, script):
            if name not in default.unless_variables:
                continue
            where = f"{path}(docker run).{name}"
            reaching = values.at_destination(start)
            if value is None:  # passed from the shell: the shell's own value of the name, where it is exported
                # scripts64: the one reader of exported names (scripts.exported_names; None: `set -a`, every name)
                listed = exported_names(script[:start])
                exported = listed is None or name in listed
                given: tuple[str, ...] = reaching.get(name, ()) if exported else ()
            elif "$(" in value or "`" in value:
                computed = _script_substituted(value, values.at(start), files, own)
                # falsealarm64: a value the evaluator computes (`"$(cat FILE)"` of a file the script writes) is judged
                # as the tool's setting below (it passed unjudged whatever the file held)
                given = (value,) if computed is None else tuple(v for v in computed if v != OWN_MACHINE) or ("-",)
            else:
                names = [a or b for a, b in _SHELL_REFERENCE.findall(value)]
                given = tuple(v for n in names for v in reaching.get(n, ())) if names else ("-",)
            unknown = [v for v in given if "$(" in v or "`" in v]
            for v in dict.fromkeys(unknown):
                self._judge_unknown_host(walk, v, where)
            self._judge_run_values(walk, entry, default, given, unknown, where, depth)
            if not given and not any(m and m in run for m in mounted):
                self._judge_tool_default(walk, entry, default, f"{path}(image)(default)", depth)

    def _judge_run_values(
        self,
        walk: _Walk,
        entry: ConfigFile,
        default: DocumentDefault,
        given: Sequence[str],
        unknown: Sequence[str],
        where: str,
        depth: int,
    ) -> None:
        """(falsealarm64, stop 64) Each literal value a run line's destination variable is given (computed by the one
        evaluator, or read into the variable: ``read -r DD_SITE < FILE`` of a file the script writes), judged as the
        tool's setting (``DD_SITE`` as the Agent's ``site``). A value an assignment gives was judged where it is set
        (a site key's name); these were judged nowhere: a file's site abroad passed every door."""
        for v in dict.fromkeys(given):
            if v != "-" and v not in unknown and v.strip():
                setting = _renamed_keys(_nested_setting(default.key, v.strip()), entry.keys)
                self._walk_document(walk, setting, where, "content", depth, None)

    def _router_texts(self, walk: _Walk, script: str, body: str, text: str) -> tuple[str, ...]:
        """(config59, stop 59) A log router's file ``text`` (``body`` as written, perhaps after the other files'
        ``@SET`` lines) with the script's values filled in as :meth:`_judge_config_file` fills a settings file's: one
        text per value reaching the here-document (a loop's words, a branch's assignments: ``Host ${H}`` in an
        unquoted here-document holds each), and in a quoted one (``<<'EOF'``) the variables the script exports, which
        Fluent Bit's ``${NAME}`` reads from its environment ("Configuration Variables"), or a systemd unit's
        ``Environment=`` the script writes gives the service. A variable nobody gives stays as written (Fluent Bit's
        own ``@SET`` still fills it). Gate: a ``$`` in the body."""
        at = script.find(body) if "$" in body else -1
        if at < 0:
            return (text,)
        names = heredoc_expanded_names(script, at)
        reaching = _only(_assigned_values(script, self._instance_region(walk)).at(at), names)
        if names is not None and "Environment" in script:  # mutation59b: `EnvironmentFile=` too
            reaching = {**_unit_environment(script), **reaching}
        return filled_texts(text, reaching)

    def _log_router_files_of(self, script: str, written: Sequence[tuple[str, str]]) -> frozenset[str]:
        """The files among ``written`` (path, body) that are a log router's configuration: a path
        ``log_router_files`` names, and (config58) a file named at a router's option (``fluent-bit -c FILE``:
        ``log_router_options``, a wildcard pattern too) or included by such a file's ``@INCLUDE`` / ``@include`` (a
        name relative to its directory, a wildcard pattern). Gate: an option's spelling in the script."""
        routers = {f for f, _ in written if self._log_router_file(f)}
        options = self.endpoints.log_router_options
        if options and (" -c" in script or "--config" in script):
            for file, _ in written:
                named = "|".join((re.escape(file), *_globs_matching(script, file)))
                if file not in routers and _runs_with_option(script, options, f"(?:{named})"):
                    routers.add(file)
        # config60 (stop 60): the includes of a router file at its package's path too (`/etc/fluent-bit/fluent-bit.conf`
        # started by its service, `@INCLUDE /opt/fleet/outputs/*.conf`: a partner's output there passed every door,
        # the includes were followed only where the script named a router's option)
        if not routers or ("@include" not in script.lower() and "includes" not in script):
            return frozenset(routers)
        bodies = dict(written)
        found = True
        while found:  # an included file may include another
            found = False
            including = [
                r for r in routers if "@include" in bodies.get(r, "").lower() or "includes" in bodies.get(r, "")
            ]
            for router in including:
                base = router.rpartition("/")[0]
                names = [m.group(1).strip("\"'") for m in _LOG_ROUTER_INCLUDE.finditer(bodies[router])]
                for name in names + _router_yaml_includes(router, bodies[router]):
                    # config59 (stop 59): the one include resolver of every log router (syslog-ng's, rsyslog's)
                    for file in _include_matches(name, [base], bodies):
                        if file not in routers:
                            routers.add(file)
                            found = True
        return frozenset(routers)

    def _judge_edited_config_lines(self, walk: _Walk, script: str, edit: Edit, where: str, depth: int) -> None:
        """(config54b) An edit not applied (``sed -i '$a replicaof HOST 6379' /etc/redis/redis.conf`` on the package's
        own file: its content is not known) of a file an entry reads line by line (``_LINE_FORMATS``: redis.conf's
        ``words``, main.cf's ``conf``, rsyslog's): the lines the edit writes (sed's ``a`` / ``i`` / ``c`` text, a
        replacement) are read as lines of that file, by the same entry. A document format (JSON, YAML) is left as
        before: a fragment is no document."""
        entry = self._config_entry(edit.file, script)
        if entry is not None and entry.format in _LINE_FORMATS:
            self._judge_config_lines(walk, script, "\n".join(edit.texts), entry, f"{where}(edit)", depth)
        elif entry is not None and entry.format == "yaml" and entry.keys:
            # mutation58 (stop 58): a key the entry names (datadog.yaml's `site`) set by the edit's one line (`sed -i
            # 's/^# site:.*/site: datadoghq.com/'` on the package's file, Datadog's documented way of choosing the
            # site) is judged as the file written with it is; other keys stay unread (a fragment is no document)
            for text in edit.texts:
                document = yaml_or_none(text.strip(), depth) if ":" in text and "\n" not in text.strip() else None
                named = {k: v for k, v in document.items() if k in entry.keys} if isinstance(document, dict) else {}
                if not named:
                    continue
                if "$" not in text:
                    self._walk_document(
                        walk, _renamed_keys(named, entry.keys), f"{where}(edit)(yaml)", "content", depth, None
                    )
                    continue
                # config59 (stop 59): the line holds the script's variable (`sed -i "s/^# site:.*/site: ${SITE}/"`,
                # double quotes: the shell fills it): each value reaching the sed is judged, as a here-document's line
                # is (the one filling); a variable holding a substitution the evaluator cannot compute fails closed
                at = script.find(text) if text in script else script.find(edit.file)
                self._judge_document_substitutions(walk, script, named, entry, at, f"{where}(edit)(yaml)", None)
                reaching = _assigned_values(script, self._instance_region(walk)).at(at)
                for filled in filled_texts(text.strip(), reaching):
                    document = yaml_or_none(filled, depth)
                    if isinstance(document, dict):
                        renamed = _renamed_keys({k: v for k, v in document.items() if k in entry.keys}, entry.keys)
                        self._walk_document(walk, renamed, f"{where}(edit)(yaml)", "content", depth, None)

    def _judge_config_file(
        self, walk: _Walk, script: str, written: tuple[str, str], where: str, depth: int, cors: frozenset[str]
    ) -> None:
        """A file a script writes that a cloud CLI, an SDK or an application reads its settings from
        (``cli_config_files``, scripts48: ``~/.aws/config``; scripts49: ``~/.aliyun/config.json``, and
        ``app_config_files``: an application's ``.json`` / ``.yaml`` / ``.ini`` file), walked as a document so that a
        region key is judged as a region and a host key as a destination, by the same key catalogue as resource inputs.
        An INI file is walked a ``key = value`` line at a time (two profiles may both set ``region``: a mapping would
        keep only the last). A variable in the body (``region = $R``, an unquoted here-document) holds the values that
        reach the place the script holds it (the one resolver); one found nowhere in the script stays as written."""
        file, body = written
        entry = self._config_entry(file, script)
        if entry is None:
            return
        if body in cors:
            return  # alired56: the CORS rules the script gives ossutil, no settings file (_cors_origins)
        kind = entry.format
        if kind == "syslog-ng" and ("`" in body or _SYSLOG_NG_INCLUDE_WORD in body):
            body = _syslog_ng_text(file, body, entry, written_files(script), self._config_entry)  # config55
        if kind == "rsyslog" and "include" in body.lower():
            body = _rsyslog_text(file, body, entry, written_files(script), self._config_entry)  # config58
        if kind in _LINE_FORMATS:
            self._judge_config_lines(walk, script, body, entry, where, depth)
            return
        at = script.find(body) if "$" in body else -1
        # mutation65: a reference's own default (the Collector's `${env:DD_SITE:-<site>}`) where the script never sets
        # its variable: the value the tool reads (found in the script by the body as written, above)
        body = _reference_defaults(body, entry, script)
        # scripts54b: a quoted here-document (`<<'EOF'`) holds `$R` as written: only the exported variables may be
        # filled in later (by a program expanding the file from its environment), never the script's others
        names = heredoc_expanded_names(script, at) if at >= 0 else None
        # config59 (stop 59): the body read once (the substitutions, the walk of the body as written, the defaults)
        parsed = _CONFIG_READERS[kind](body, depth)
        if names is not None and kind in ("yaml", "json") and isinstance(parsed, dict):
            names = names | self._compose_dotenv_names(script, file, parsed)  # falsealarm65: Compose's `.env`
        if at >= 0:
            # scripts54b: a Region or host field holding a variable assigned a substitution the evaluator cannot
            # compute (`"region_id": "$R"` after `R=$(cat FILE)`) fails closed as the `key = value` line does
            # config65: a setting the entry names by a dotted path (the Collector's `exporters.*.api.site`) by its
            # catalogue name, as the `env:` document's are (_judge_assigned_document): `site: $SITE` after
            # `SITE=$(curl ...)` passed every door in EU (the key `site` alone is no host key)
            fields = _substitution_fields(parsed, entry)
            self._judge_document_substitutions(walk, script, fields, entry, at, f"{where}({kind})", names)
        reaching = _only(_assigned_values(script, self._instance_region(walk)).at(at), names) if at >= 0 else {}
        for text in filled_texts(body, reaching) if at >= 0 else (body,):
            document = parsed if text == body else _CONFIG_READERS[kind](text, depth)
            if entry.option_dir_namespaces:
                document = _namespaced_component(entry, file, document)  # config57: Vector's `sinks/central.yaml`
            # config54: Filebeat's `hosts`, Vector's sink `address`; config63: Filebeat's `cloud.id` decoded
            document = _catalogue_named(document, entry)
            if kind in ("yaml", "json") and "=" in text and isinstance(document, (dict, list)):
                document = _listed_variables(document, self._user_keyed)  # config55b: `environment: [DB_HOST=...]`
            if isinstance(document, (dict, list)):
                defined = walk.defined
                # falsealarm54b: a Compose file written as JSON by its `.json` name (`compose.json`, which YAML reads:
                # mutation54) names its services as the YAML spelling does
                walk.defined = defined | self.parser.defined_names(text) if kind in ("yaml", "json") else defined
                cnames = walk.cnames
                # config56b: and its ExternalName Services' names, each a CNAME to its target (two substring tests)
                targets = self.parser.external_targets(text) if kind in ("yaml", "json") else None
                walk.cnames = {**cnames, **targets} if targets else cnames
                try:
                    self._walk_document(walk, document, f"{where}({kind})", "content", depth, None)
                    if kind in ("yaml", "json") and isinstance(document, dict):
                        # scripts56: with the names the file defines (its services: `psql -h db` is its own)
                        self._judge_compose_commands(walk, text, document, f"{where}({kind})")
                finally:
                    walk.defined, walk.cnames = defined, cnames
        if kind in ("yaml", "json") and isinstance(parsed, dict) and "environment" in body:
            self._judge_compose_unset_variables(walk, script, (body, parsed), f"{where}({kind})", depth, file)
        # config58: a setting the tool gives a document that does not write it (the Datadog Agent's US1 site);
        # agents62: or a block of it (the Collector's Datadog exporter's `api.site`), renamed as written; config65: a
        # file a line merges with other sources is given its line's (_judge_line_defaults)
        if file not in self._line_merged_files(script, entry):
            self._judge_document_defaults(walk, script, (parsed, entry), f"{where}({kind})(default)", depth)

    def _judge_document_defaults(
        self, walk: _Walk, script: str, of: tuple[Any, ConfigFile], where: str, depth: int, running: bool = False
    ) -> None:
        """The settings ``entry``'s tool gives ``document`` (``of``) where it writes none (:func:`_document_defaults`;
        ``running``: the tool known to run), each walked at ``where`` renamed as the entry's keys are: the one judging
        of a default, for a written file, an ``env:`` document (falsealarm64) and a chart's document (k8s64)."""
        document, entry = of
        if not entry.document_defaults:
            return
        for key, value in _document_defaults(document, entry, script, running=running):
            default = _renamed_keys(_nested_setting(key, value), entry.keys)
            self._walk_document(walk, default, where, "content", depth, None)

    def _judge_config_uris(self, walk: _Walk, script: str, path: str, depth: int) -> None:
        """(config63) The configuration URIs ``script`` gives a tool at its file options (``ConfigFile.option_uris``:
        the OpenTelemetry Collector's ``--config='yaml:...'``, ``--config=env:NAME``, ``--config=https://...``): a
        ``yaml`` URI's document and each value the script gives an ``env`` URI's variable are walked as the entry's
        file is (its keys renamed, no defaults); a variable the script gives no literal value, and a ``fetched`` URI,
        leave the configuration unknown: RES-015, declared by the URI as written."""
        values: _ScriptValues | None = None
        files: Mapping[str, str] | None = None
        for entry in self.endpoints.app_config_files:
            if not entry.option_uris:
                continue
            for at, scheme, rest in _option_uri_values(script, entry, self._image_entrypoints()):
                how = entry.option_uris[scheme]
                where = f"{path}({scheme}{rest[:40]})"
                if how == "fetched":
                    self._judge_fetched_config(walk, f"{scheme}{rest}", where)
                    continue
                if how == "yaml":
                    texts: tuple[str, ...] = (rest,)
                else:
                    values = values or _assigned_values(script, self._instance_region(walk))
                    files = written_files(script) if files is None else files
                    whole, found = _env_uri_texts(script, rest, at, values, files)
                    texts = tuple(found)
                    if not texts:
                        self._judge_fetched_config(walk, f"{scheme}{rest}", where)
                    if whole is not None:
                        self._judge_assigned_document(walk, script, whole, entry, at, where, depth)
                for text in texts:
                    document = _confmap_nested(yaml_or_none(text, depth))
                    if isinstance(document, dict):
                        document = _renamed_keys(document, entry.keys) if entry.keys else document
                        self._walk_document(walk, document, f"{where}(yaml)", "content", depth, None)
            self._judge_line_defaults(walk, script, entry, path, depth)

    def _image_entrypoints(self) -> Mapping[str, str]:
        """(config65) docker run's catalogued ``entrypoints`` (image: the command it runs), empty where none is."""
        docker = self.endpoints.script_commands.get("docker")
        run = docker.subcommands.get("run") if docker is not None else None
        return run.entrypoints if run is not None else {}

    def _fluent_bit_commands(self) -> frozenset[str]:
        """(config66) Fluent Bit's commands: the catalogue's log routers (``log_router_options``: ``fluent-bit``,
        ``td-agent-bit``) that the one test of a Fluent Bit name (:data:`_LOG_ROUTER_FLUENT_BIT`, which tells its files
        from Fluentd's) names; scripts.py kept a list of its own (``_FLUENT_BIT_COMMANDS``, config65b)."""
        return frozenset(c for c in self.endpoints.log_router_options if _LOG_ROUTER_FLUENT_BIT.search(c))

    def _judge_log_router_lines(self, walk: _Walk, script: str, path: str, depth: int) -> None:
        """(config65b, stop 65) The outputs a Fluent Bit command line sets (:func:`fluent_bit_lines`: ``fluent-bit -i
        cpu -o es -p cloud_id=<id>``, ``-o datadog -p apikey=...``), judged as the same outputs of a classic file are
        (:meth:`_judged_as_log_config`'s walk and :meth:`_judge_log_outputs`): a cloud id by the one decoder, a host by
        its key, an output's default by its catalogue entry (``fluent_bit_output``), declared as there."""
        values: _ScriptValues | None = None
        for at, document in fluent_bit_lines(script, self._fluent_bit_commands(), self._image_entrypoints()):
            where = f"{path}(fluent-bit@{at})"
            documents: Sequence[dict[str, Any]] = (document,)
            if "$" in json.dumps(document):
                values = values or _assigned_values(script, self._instance_region(walk))
                documents = _fluent_bit_line_filled(document, values.at_destination(at))
            for filled in documents:
                self._walk_document(walk, filled, where, "user_data", depth, None)
                self._judge_log_outputs(walk, filled, where, "-o NAME")

    def _judge_line_defaults(self, walk: _Walk, script: str, entry: ConfigFile, path: str, depth: int) -> None:
        """(config65, stop 65) The settings a tool gives the configuration it merges from every source of its line
        (:func:`_merged_line_configs`: the Collector's "--config=file:/path/to/first/file
        --config=file:/path/to/second/file", "the Collector merges them into a single configuration", OpenTelemetry
        "Configuration"), judged once over the merge (``running``: the line runs the tool), not per source. Before, an
        ``env:`` document was given the Datadog exporter's US1 ``api.site`` where it wrote none, though the file before
        it on the line wrote the site (a false alarm), and a ``yaml:`` URI got no default at all (``--config='yaml:
        exporters::datadog::api::key: ...'`` alone passed every door in EU)."""
        if not entry.document_defaults:
            return
        for at, merged in _merged_line_configs(self, walk, script, entry, depth):
            where = f"{path}(--config@{at})(default)"
            self._judge_document_defaults(walk, script, (merged, entry), where, depth, running=True)

    def _line_merged_files(
        self, script: str, entry: ConfigFile, written: Collection[str] | None = None
    ) -> frozenset[str]:
        """(config65) The files ``script`` writes that a line of ``entry``'s command merges with another source (a
        second ``--config``, a URI): their defaults are the line's (:meth:`_judge_line_defaults`), not their own.
        config66: ``written``, the files a cloud-config's ``write_files`` writes (``script`` its text), else the
        files the script writes."""
        if "--config" not in script or not entry.option_uris:
            return frozenset()
        files = written_files(script) if written is None else written
        merged: set[str] = set()
        for _, sources in _config_line_sources(script, entry, self._image_entrypoints()):
            if len(sources) > 1 or any(s.startswith(tuple(entry.option_uris)) for s in sources):
                merged |= {p for p in (_line_file(entry, s) for s in sources) if p is not None and p in files}
        return frozenset(merged)

    def _judge_assigned_document(
        self, walk: _Walk, script: str, text: str, entry: ConfigFile, at: int, where: str, depth: int
    ) -> None:
        """(falsealarm64) A whole document an ``env`` URI's variable holds (:func:`_document_assigned`), judged as a
        settings file the script writes is beside its filled walk: a host or Region field holding a variable whose
        value no reader computes fails closed (:meth:`_judge_document_substitutions`), and a setting the tool gives a
        block that does not write it (``document_defaults``: the Collector's Datadog exporter's US1 ``api.site``) is
        judged as the tool's default. Before, such a variable was no known value at all: RES-015 by ``env:NAME``
        whatever the document held (a false alarm for a home site), or, from a file, each line apart (a site abroad
        passed)."""
        parsed = yaml_or_none(text, depth)
        if not isinstance(parsed, dict):
            return
        renamed = _renamed_keys(parsed, entry.keys) if entry.keys else parsed
        self._judge_document_substitutions(walk, script, renamed, entry, at, f"{where}(yaml)", None)
        # config65: its defaults are its line's, over the merge of every source (_judge_line_defaults)

    def _judge_fetched_config(self, walk: _Walk, uri: str, where: str) -> None:
        """(config63) A tool's configuration the engine cannot read (fetched from ``uri`` at run time, or held by a
        variable the script gives no literal value): where it sends is unknown, RES-015 until declared by the URI."""
        detail = (
            f"{uri!r} gives the tool its configuration at run time (a URI fetched, or a variable the script gives no "
            f"literal value): nothing proves the destinations it names are in {self._j()}. Write the configuration "
            "into a file the script writes, or declare it in sovereign-dc:destinations by this exact text."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, where, uri, detail, (uri.strip(),))

    def _compose_dotenv_names(self, script: str, file: str, document: dict[Any, Any]) -> frozenset[str]:
        """(falsealarm65, stop 65) The variables Compose interpolates into ``document`` (a Compose file ``script``
        writes by a quoted here-document: its services under ``service_names.compose``'s key) from an environment file
        the script writes: a ``.env`` file (Compose "Set, use, and manage variables in a Compose file with
        interpolation": "the .env file" of the project directory, read for interpolation beside the shell's
        environment) or one a ``docker compose`` line names by ``--env-file`` ("docker compose --env-file
        ./config/.env.dev up"); each ``NAME=`` line of it. A service's own ``env_file`` is the container's environment,
        not interpolation's (docker/docs#20735): not read. Their values are the script's (:func:`_assigned_values`
        reads those lines), judged where the file holds the reference. Empty when the document is no Compose file or
        the script writes no such file. The files are those of the ``docker compose`` runs reading ``document``
        (:func:`_compose_env_files`: the run's ``--env-file``, else its project directory's ``.env``); where no run
        names it (a unit starts it), a ``.env`` written anywhere or any run's ``--env-file`` counts (it can only fill
        the reference with a value the script writes, judged as such; an empty one names no host)."""
        names = self.endpoints.service_names
        if names is None or not isinstance(document.get(names.compose.key), Mapping):
            return frozenset()
        if ".env" not in script and "--env-file" not in script:
            return frozenset()
        files = written_files(script)
        # the lead (stop 65): the env files Compose reads for the file's runs (k8s65's reading of Compose's own
        # options, _compose_env_files); where no run names it, a `.env` or an `--env-file` of any run
        runs = _compose_runs_of(script, file)
        if runs:
            envs = [e for run in runs for e in _compose_env_files(run, file)]
            chosen = [body for f, body in files.items() if f != file and any(_same_path(e, f) for e in envs)]
        else:
            given = [e for run in compose_runs(script) for e in run.env_files]
            chosen = [
                body
                for f, body in files.items()
                if f != file and (f.rpartition("/")[2] == ".env" or any(_same_path(e, f) for e in given))
            ]
        return frozenset(m.group(1) for body in chosen for m in _DOTENV_NAME.finditer(body))

    def _judge_compose_unset_variables(
        self, walk: _Walk, script: str, written: tuple[str, dict[Any, Any]], where: str, depth: int, file: str = ""
    ) -> None:
        """(k8s64, stop 64) A Compose service running a tool's image (``document_defaults`` ``images``: the Datadog
        Agent's) whose ``environment`` gives each of the tool's destination variables (``unless_variables``: ``DD_SITE``
        / ``DD_DD_URL``) only a value Compose interpolates from a variable nothing sets (:func:`_compose_unset_value`):
        Compose "Interpolation": "If Compose can't resolve a substituted variable and no default value is defined, it
        displays a warning and substitutes the variable with an empty string" (and ``${VAR:+r}`` is "otherwise empty");
        an empty value is unset to the Agent, which sends to its default site (US1), judged as for a run naming no
        such variable (:meth:`_judge_image_defaults`). "Nothing sets" is :func:`_sets_variable` over the script
        without the file's text (an ``export``, a ``.env`` file the script writes, a value on ``docker compose``'s line
        name it: the readers of those judge the value). ``environment: {DD_SITE: ${DD_SITE}}`` or ``- DD_SITE`` with
        nothing setting it passed every door (the variable was named, so the default was dropped).
        (k8s65, stop 65) Where the script runs the file (``file``) with ``docker compose``, "sets" is what reaches that
        command (:func:`_compose_sets`: exported before it, assigned on its line, or in the ``.env`` of its project
        directory / its ``--env-file``), no longer any naming of the variable in the script."""
        names = self.endpoints.service_names
        body, document = written
        services = document.get(names.compose.key) if names is not None else None
        if not isinstance(services, Mapping):
            return
        rest = script.replace(body, "")
        sets = _compose_sets(rest, file)
        for service in services.values():
            image = service.get("image") if isinstance(service, Mapping) else None
            if not isinstance(image, str):
                continue
            given = _compose_environment(service.get("environment"))
            for entry in self.endpoints.app_config_files:
                for d in entry.document_defaults:
                    if not d.images or not d.unless_variables or not re.search(d.images, image):
                        continue
                    named = [v for v in d.unless_variables if v in given]
                    unset = [_compose_unset_value(v, given[v], rest, "env_file" in service, sets) for v in named]
                    if named and all(unset):
                        self._judge_tool_default(walk, entry, d, f"{where}(image)(default)", depth)

    def _judge_compose_commands(self, walk: _Walk, text: str, document: dict[Any, Any], where: str) -> None:
        """(scripts56) The command each service of a Compose file a script writes runs (``entrypoint`` / ``command``,
        string or list: :func:`scripts.compose_commands`), read as a script's command line by the one script reader,
        so that ``command: ["logs", "put-retention-policy", ..., "--region", R]`` under the AWS CLI image is judged as
        ``aws logs ... --region R``. Gate: the catalogue's services key and one of the two keys in the text."""
        names = self.endpoints.service_names
        docker = self.endpoints.script_commands.get("docker")
        run = docker.subcommands.get("run") if docker is not None else None
        if names is None or run is None or names.compose.key not in text:
            return
        if "command" not in text and "entrypoint" not in text:
            return
        defined = walk.defined
        try:
            for service, line in compose_commands(document, names.compose.key, run):
                # falsealarm57b: with the dotted aliases of the networks that service joins
                walk.defined = defined | network_alias_names(document.get(names.compose.key), service, names.compose)
                self._judge_script_hosts(walk, line, f"{where}({names.compose.key}.{service})")
        finally:
            walk.defined = defined

    def _judge_document_substitutions(
        self,
        walk: _Walk,
        script: str,
        document: Any,
        entry: ConfigFile,
        at: int,
        where: str,
        names: frozenset[str] | None,
    ) -> None:
        """(scripts54b) Each string field of a JSON / YAML settings file ``script`` writes at ``at`` that holds a
        variable (``"region_id": "$R"``, ``host: $DB``), judged as :meth:`_judge_config_substitution` judges an INI
        line's: a Region or host key whose variable holds a substitution the evaluator cannot compute fails closed, the
        metadata's own Region passes (the document is still walked with the literal values as before)."""
        for key, value in _string_fields(document):
            if "$" in value:
                self._judge_config_substitution(walk, script, key, value, entry, at, where, names)

    def _config_entry(self, file: str, script: str = "") -> ConfigFile | None:
        """The entry of a settings file by its path (``cli_config_files``, ``app_config_files``); None for a file
        neither lists. config54: a file ``script`` names at a command's option that reads it as an entry's file
        (``ConfigFile.option_files``: ``ssh -F /opt/backup/ssh.conf``) is that entry's whatever its path."""
        entries = (*self.endpoints.cli_config_files, *self.endpoints.app_config_files)
        # config55b: Filebeat's / Vector's `-c` too; each entry's command name is a substring test before its regex
        # config56: Vector's `-C DIR` and its environment variables (`VECTOR_CONFIG=FILE`) too
        if " -F" in script or " -c" in script or " --c" in script or " -C" in script or "_CONFIG" in script:
            named = next((c for c in entries if c.option_files and _names_option_file(script, c, file)), None)
            if named is not None:
                return named  # the command reads it as its own file, whatever other entry its name matches (`.conf`)
        # config64: a file a container reads at the path it is bind-mounted at (a substring test first)
        inside = _mounted_path(script, file) if "-v" in script or "--mount" in script else None
        found = next((c for c in entries if re.search(c.pattern, inside)), None) if inside else None
        return found or next((c for c in entries if re.search(c.pattern, file)), None)

    def _ssh_config_names(self, script: str) -> frozenset[str]:
        """(falsealarm53b) The ``Host`` names of the OpenSSH client configuration files ``script`` writes whose entry
        sets the real host name (``_config_real_names``), lower case; empty for a script writing none (substring
        tests first)."""
        if "ssh" not in script or not may_write_files(script) or "hostname" not in script.lower():
            return frozenset()
        names: set[str] = set()
        for file, body in written_files(script).items():
            entry = self._config_entry(file, script)
            if entry is not None and entry.alias_keyword is not None and entry.real_name_keyword is not None:
                names |= _config_real_names(body, entry)
        return frozenset(names)

    def _in_ssh_entry_line(self, script: str, text: str) -> bool:
        """(falsealarm54b) Whether ``text`` (an assignment's or the scan's ``Host = name``) is on an entry line of an
        ssh client configuration ``script`` writes (the ``alias_keyword`` line, ssh_config(5) ``Host``, in either
        spelling the manual allows: "whitespace or optional whitespace and exactly one '='"): its names are the file's
        own patterns, no host it connects to (a command naming one is judged where it is, :meth:`_ssh_config_names`).
        Read only for a value under a ``host`` name (rare): the caller's test comes first."""
        if "ssh" not in script or not may_write_files(script):
            return False
        for file, body in written_files(script).items():
            entry = self._config_entry(file, script)
            if entry is None or entry.alias_keyword is None:
                continue
            for line in body.splitlines():
                m = _CONFIG_WORDS.match(line)
                if m is not None and m.group(1).lower() == entry.alias_keyword and text.strip() in line:
                    return True
        return False

    def _judge_config_lines(
        self, walk: _Walk, script: str, body: str, entry: ConfigFile, where: str, depth: int
    ) -> None:
        """A config file read a line at a time (:meth:`_judge_config_file`): ``ini`` (``key = value``, sections and
        comments skipped), ``conf`` (scripts50: only a line with ``=``: a ``.conf`` file's ``key = value`` lines, as
        rclone's, s3cmd's or an INI-like application's; a line of another syntax, nginx's ``server_name x;``, is left to
        the URL scan and the command readers) and ``properties`` (java.util.Properties: ``key=value``, ``key: value``,
        ``key value``). Each pair is walked alone (two sections may both set ``region``: a mapping would keep only the
        last). scripts51: a key the file names a setting by (``entry.keys``: s3cmd's ``host_base``) is walked as the
        key catalogue's name for that setting (``endpoint``)."""
        own = self._instance_region(walk)
        kind = entry.format
        aliases = _config_aliases(body, entry) if kind == "words" and entry.alias_keyword else frozenset()
        for line, pairs in _config_pairs(body, entry, aliases):
            for key, value in pairs:
                if entry.unused_settings and _unused_setting(entry, key, script):
                    continue  # falsealarm54b: s3cmd's `website_endpoint`, `cloudfront_host` without a `cf*` command
                if kind == "syslog-ng" and "`" in value:
                    # config55: a backtick name no `@define` of the configuration gives: syslog-ng reads it from its
                    # environment ("If the variable is not defined, syslog-ng tries to read it from the environment"),
                    # which no door sees
                    self._judge_undefined_config_value(walk, value, f"{where}({kind}).{key}")
                    continue
                if key in entry.command_keywords:
                    # config54: ssh_config ProxyCommand, a command line ssh runs to reach the host: its commands'
                    # destinations are judged as a script's (`ssh -W %h:%p ops@<jump host>`).
                    self._judge_script_hosts(walk, value, f"{where}({kind}).{key}")
                    continue
                at = script.find(line) if "$" in value else -1
                names = heredoc_expanded_names(script, at) if at >= 0 else None  # scripts54b: `<<'EOF'`
                values = _only(_assigned_values(script, own).at(at), names) if at >= 0 else {}
                if at >= 0:
                    self._judge_config_substitution(walk, script, key, value, entry, at, f"{where}({kind})", names)
                for filled in filled_texts(value, values):
                    named = entry.keys.get(key.strip().lower(), key)
                    # config53: a value the tool reads as another (s3cmd's legacy `EU`: eu-west-1) is judged as that.
                    given = entry.values.get(key.strip().lower(), {}).get(filled.strip().upper(), filled)
                    self._walk_document(walk, {named: given}, f"{where}({kind})", "content", depth, None)
        for key, value in _section_defaults(body, entry) if entry.section_defaults else ():
            # config54b: a setting the tool gives a section that does not write it (rclone's AWS remote: us-east-1)
            self._walk_document(walk, {key: value}, f"{where}({kind})(default)", "content", depth, None)
        if kind == "conf" and (entry.document_defaults or entry.block_keys):
            self._judge_conf_blocks(walk, script, body, entry, f"{where}({kind})", depth)

    def _judge_conf_blocks(
        self, walk: _Walk, script: str, body: str, entry: ConfigFile, where: str, depth: int
    ) -> None:
        """(agents62) A ``conf`` file's settings read by their block (:func:`_conf_blocks`): a setting a dotted path of
        ``entry.keys`` names (Alloy's ``otelcol.exporter.datadog.api.site``: a host there, no host in another block),
        and the defaults ``entry.document_defaults`` gives a block that does not write them (Telegraf's
        ``outputs.datadog`` ``url``, Alloy's Datadog exporter's ``api.site``), each walked as the document writing it.
        Gate (the caller's): an entry with block keys or defaults (Telegraf's, Alloy's)."""
        blocks = _conf_blocks(body)
        for path, settings in blocks if entry.block_keys else ():
            for key, value in settings.items():
                if isinstance(value, str) and (name := entry.block_key(path, key)) is not None:
                    self._walk_document(walk, {name: value}, where, "content", depth, None)
        for key, value in _document_defaults({}, entry, script, blocks) if entry.document_defaults else ():
            default = _renamed_keys(_nested_setting(key, value), entry.keys)
            self._walk_document(walk, default, f"{where}(default)", "content", depth, None)

    def _judge_config_substitution(
        self,
        walk: _Walk,
        script: str,
        key: str,
        value: str,
        entry: ConfigFile,
        at: int,
        where: str,
        names: frozenset[str] | None = None,
    ) -> None:
        """(scripts53b) A settings file's Region or host line holding a command substitution, written or through a
        variable (``region = $R`` after ``R=$(cat /etc/fleet/region)``; :meth:`_ScriptValues.at_destination`): a Region
        is judged as each value the one evaluator computes (the metadata's own passes), and one it cannot compute fails
        closed (RES-011 / RES-015), as at a command's ``--region`` / ``-h``. The line is still walked as before (a
        substitution's text there names nothing). scripts54b: ``names``, the only variables that may be filled in (a
        quoted here-document's: :func:`scripts.heredoc_expanded_names`), None for every one."""
        name = _snake(entry.keys.get(key.strip().lower(), key))
        region = _is_region_key(name)
        if not region and not self._host_key(_key_tokens(name)):
            return
        values = _assigned_values(script, self._instance_region(walk))
        files = {**walk.script_files, **values.files} if values.files else walk.script_files
        for text in filled_texts(value.strip(), _only(values.at_destination(at), names)):
            if "$(" not in text and "`" not in text:
                continue
            if region:
                self._judge_substituted_region(walk, text, values, at, f"{where}.{key.strip()}")
            elif not _substitution_in_host(text):
                continue  # the lead (stop 53): a token in a URL's user part (`https://aws:$(...)@host/`) is no host
            elif _script_substituted(text, values.at(at), files, self._instance_region(walk)) is None:
                self._judge_unknown_host(walk, text, f"{where}.{key.strip()}")

    def _instance_region(self, walk: _Walk) -> tuple[re.Pattern[str], str] | None:
        """For a script an instance runs (``instance_region_commands`` types): the command substitution that gives the
        instance's own Region, and that Region: the resource's ``region`` (pulumi-aws v7's per-resource Region, RES-003
        judges it; a state holds it as an output) when set, else the provider's pinned Region
        (:meth:`_execution_region`), only when inside the jurisdiction; None otherwise (falsealarm46)."""
        command = self._instance_region_commands.get(walk.subject.type)
        if command is None:
            return None
        override = prop_of(walk.subject.props, "region")
        if override is None:
            region = self._execution_region(walk)
        else:
            inside = isinstance(override, str) and override in self.jurisdiction.regions(walk.cloud)
            region = override if inside else None
        return (command, region) if region is not None else None

    def _judge_log_router_file(self, walk: _Walk, body: str, where: str, yaml_file: bool, depth: int) -> None:
        """The content of a file ``log_router_files`` names, read as the log router's configuration."""
        stripped = body.strip()
        if self._judged_as_log_config(walk, stripped, where, "content", depth) or not yaml_file:
            return
        document = yaml_or_none(stripped, depth)
        if isinstance(document, dict) and fluent_bit_outputs(document) is not None:
            self._walk_document(walk, document, f"{where}(yaml)", "content", depth, None)
            self._judge_log_outputs(walk, document, f"{where}(yaml)", "pipeline.outputs[].name")

    def _judge_edit_texts(self, walk: _Walk, edit: Edit, where: str, depth: int) -> None:
        """A ``sed -i`` on a log-router file whose result is not known (logplugins44): a file the script did not write
        (the package's own), or a sed script not applied (an address range, another command). What the edit can send
        elsewhere is in the texts it writes: each is judged as values of an output in the file's format, ``key value``
        lines (``Host logs.example.com``, ``@type datadog``) as that output's parameters, a single word both as an
        output's plugin name and as its host (``s/127.0.0.1/logs.example.com/``, ``s/stdout/datadog/``). A text naming
        nothing (``debug``, ``$LOG_HOST``) passes, as the same value written in the file would."""
        fluentd = _LOG_ROUTER_FLUENT_BIT.search(edit.file) is None
        name = "@type" if fluentd else "name"
        outputs: list[dict[str, str]] = []
        for text in edit.texts:
            pairs: dict[str, str] = {}
            for line in text.splitlines():
                entry = _EDIT_ENTRY.match(line.strip())
                if entry is not None:
                    pairs[entry.group(1).lower()] = entry.group(2).strip("\"'")
                elif line.strip() and " " not in line.strip():
                    outputs += [{name: line.strip()}, {name: "(edited)", "host": line.strip()}]
            if pairs:
                plugin = pairs.pop("@type", None) or pairs.pop("type", None) or pairs.pop("name", None)
                outputs.append({name: plugin or "(edited)", **pairs})
        if not outputs:
            return
        if fluentd:
            document: dict[str, Any] = {"match": outputs}
            self._walk_document(walk, document, f"{where}(edit)", "content", depth, None)
            self._judge_fluentd_outputs(walk, document, f"{where}(edit)")
        else:
            document = {"pipeline": {"outputs": outputs}}
            self._walk_document(walk, document, f"{where}(edit)", "content", depth, None)
            self._judge_log_outputs(walk, document, f"{where}(edit)", "[OUTPUT] Name")

    def _judge_deleted_defaults(self, walk: _Walk, edit: Edit, where: str) -> None:
        """An edit not applied that may drop lines (a sed ``/RE/d`` or ``c`` the engine cannot apply, an address
        range's ``d``, ``sed -n``, awk; scripts45) of a log-router file the script wrote: any of the output's lines may
        be gone, its ``Host`` / ``endpoint`` / ``url`` among them, and the plugin then sends to its default. Each output
        of the content the edit read is judged as its plugin named alone (``Name datadog``, ``@type tdlog``), by the
        same entries that judge a file written so: a plugin whose default is abroad is RES-016 until declared (fail
        closed: the edit's result is unknown); one whose default is local (``http``, ``forward``: 127.0.0.1) passes."""
        fluentd = _LOG_ROUTER_FLUENT_BIT.search(edit.file) is None
        before = (edit.before or "").strip()
        if fluentd:
            config = fluentd_config(before)
            names = [o.get("@type", o.get("type")) for _, o in fluentd_outputs(config)] if config is not None else []
            document: dict[str, Any] = {"match": [{"@type": n} for n in names if isinstance(n, str)]}
            self._judge_fluentd_outputs(walk, document, f"{where}(delete)")
            return
        config = fluent_bit_classic(before) if not edit.file.endswith(("yml", "yaml")) else yaml_or_none(before, 0)
        outputs = fluent_bit_outputs(config) or []
        named = [prop_of(o, "name") for o in outputs if isinstance(o, Mapping)]
        document = {"pipeline": {"outputs": [{"name": n} for n in named if isinstance(n, str)]}}
        self._judge_log_outputs(walk, document, f"{where}(delete)", "[OUTPUT] Name")

    def _judge_split_heredocs(self, walk: _Walk, lines: Sequence[Any], path: str, key: str, depth: int) -> None:
        """A here-document split across the items of a script list (leftovers43): an SSM Command document's
        ``runCommand`` ("The commands to run ... one line each", written by the agent into one script file) or a
        cloud-config's ``runcmd`` (each string item a line of one shell script, cloud-init's runcmd module): the lines
        joined are the script the machine runs, so a ``cat > /etc/fluent-bit/fluent-bit.conf <<EOF`` item followed by
        the body's items and the delimiter's writes that file. Read as :meth:`_judge_heredocs` reads a script's; a
        here-document one item holds whole was read with that item. Only a script place pays (``payload``)."""
        if not self._key_plan(walk.subject.type, walk.kpath, key).payload:
            return
        texts = [line for line in lines if isinstance(line, str)]
        whole: set[tuple[str, str]] = {found for text in texts for found in (*heredoc_files(text), *echoed_files(text))}
        own = self._instance_region(walk)
        whole |= {
            _edit_key(e) if e.content is None else (e.file, e.content) for t in texts for e in edited_files(t, own)
        }
        self._judge_heredocs(walk, "\n".join(texts), path, depth, skip=whole)

    def _judge_split_variables(self, walk: _Walk, lines: Sequence[Any], path: str, key: str) -> None:
        """A variable a script list's item assigns and a later item uses (scripts50: an SSM Command document's
        ``runCommand``, a buildspec's ``commands``, a cloud-config's ``runcmd``: one script the machine runs, each item
        a line): each item was judged alone, so ``R=us-west-2`` then ``aws ... --region $R`` (or ``HOST=...`` then
        ``curl https://$HOST/``) passed, the use's value unknown. Read by :meth:`_judge_joined_items`. Only a script
        place pays."""
        plan = self._key_plan(walk.subject.type, walk.kpath, key)
        if not plan.payload:
            return
        items = [(f"{path}[{i}]", item, 0) for i, item in enumerate(lines) if isinstance(item, str)]
        given = len(items)
        if any(p in item for _, item, _ in items for p in ("$@", "$*", "${@}", "${*}")):
            # scripts55b: a function an item defines with `"$@"` among a command's words, called by a later item
            # (`retain() {`, `  aws ... "$@"`, `}`, `retain --region R`): each call written out, judged as an item
            joined = "\n".join(item for _, item, _ in items)
            extra = all_positional_expanded(joined)[len(joined) + 1 :]
            items += [(path, line, 0) for line in extra.split("\n")] if extra else []
        self._judge_joined_items(walk, items, key, plan.own_region, across=False, given=given)

    def _judge_scripts_of_document(
        self, walk: _Walk, document: Mapping[Any, Any], path: str, depth: int
    ) -> Mapping[str, str]:
        """The scripts a document at the walk's place is (one dict lookup each for other types): its ``joined_scripts``
        lists (returns the files they write) and (ecs61) the ``docker run`` line of a container definition."""
        if walk.subject.type in self._containers and _at_any(walk.kpath, self._containers[walk.subject.type]):
            self._judge_container(walk, document, path, depth, self._container_form(walk))
        return self._judge_joined_scripts(walk, document, path)

    def _container_form(self, walk: _Walk) -> ContainerForm:
        """(k8s62) The form of the container place the walk is at (the first entry whose path matches)."""
        for (kind, place), form in self._container_forms.items():
            if kind == walk.subject.type and _at_any(walk.kpath, (place,)):
                return form
        raise AssertionError(walk.kpath)  # pragma: no cover - only called at a catalogued place

    def _judge_container(
        self,
        walk: _Walk,
        container: Mapping[Any, Any],
        path: str,
        depth: int,
        form: ContainerForm,
        values: bool = False,
    ) -> None:
        """(ecs61, stop 61) A container definition (``containers``: an ECS task's container, a Batch job's) read as the
        ``docker run`` line it is (:func:`_container_run_line`), by the one reading of a script's ``docker run``: the
        command after the image as a command line (exec form: each item one word, ``["ec2", "copy-snapshot", ...,
        "--region", R]`` on the AWS CLI images, whose entrypoint is ``aws``; ``["psql", "-h", H]``), and a tool's image
        configured by its environment (``document_defaults`` ``images``: the Datadog Agent's with no ``DD_SITE`` /
        ``DD_DD_URL`` among the container's variables sends to its default site). Each item alone was read before
        (``script_fields``: a shell's ``-c`` script, read so still); the variables' values are judged where they are
        set (the environment's own fields).
        (k8s62, stop 62) Each API by its ``container_forms`` entry (a Kubernetes container's ``command`` / ``args``, an
        ECI container's ``commands`` / ``args``, a Lightsail container's ``commands``, an SAE application's ``command``
        / ``command_args``); with ``shell_scripts``, a shell's ``-c`` script of several lines among the items is read as
        the script it is; and a destination variable of the image's tool (``document_defaults`` ``unless_variables``:
        the Agent's ``DD_SITE``) given by a secret or a reference is a value no input shows (:meth:`_judge_secret_set`).
        (mutation63) ``values``: the variables' values are written on the line (``-e NAME=VALUE``), for a container
        whose fields the walk does not judge (a manifest in a script's text)."""
        fields = {_snake(str(k)): v for k, v in container.items()}
        line = _container_run_line(container, form, values=values)
        if line is None:
            return
        self._judge_script(walk, line, f"{path}(docker run)", depth)
        if form.shell_scripts:
            # the first word a program whose `line` option takes script text (script_commands: sh / bash -c)
            words = [*_container_items(fields, form.entry_point), *_container_items(fields, form.command)]
            spec = self.endpoints.script_commands.get(str(words[0]).rpartition("/")[2]) if words else None
            # scripts63: the line option in a group of flags too (`["sh", "-ec", "..."]`)
            at = next((k for k, w in enumerate(words[1:-1], 1) if spec and is_line_option(str(w), spec)), None)
            if spec is not None and at is not None:
                script = words[at + 1]
                if isinstance(script, str) and "\n" in script:  # a one-line script is read on the docker run line
                    self._judge_script(walk, script, f"{path}({words[0]} {spec.line})", depth)
        self._judge_secret_set(walk, fields, form, path)

    def _judge_manifest_containers(self, walk: _Walk, script: str, path: str, depth: int, walked: bool = False) -> None:
        """(k8s62, stop 62) The containers of a Kubernetes manifest a script holds (``kubectl apply -f - <<'EOF'``, a
        here-document into a file ``kubectl apply -f`` reads, a k3s auto-deploy manifest), each read as the ``docker
        run`` line it is (:meth:`_judge_container`, the ``kubernetes`` form: ``command`` the entry point, ``args`` its
        arguments, ``env`` the variables), the manifest found by the one reader of a script's manifests
        (:func:`service_names.manifest_containers`, whose runs of YAML lines give the Services and host aliases too).
        Each item of an exec-form ``command`` / ``args`` was a YAML line read alone: ``--region`` and its value, or
        ``pg_dump``, ``--host`` and the host, were never one command (each passed every door). A manifest beyond the
        bounds is refused (RES-025: nothing it runs can be read). Gate: the word ``image`` (then the reader's own).
        (mutation63, stop 63) ``walked``: the text is also walked as a document (a cloud-config's k3s manifest), whose
        walk judges each variable's value at its own field; else (a manifest in a script's here-document or a file it
        writes) the values are written on the container's line and judged there: `env: [{name: AWS_REGION, value:
        <abroad>}]` on the AWS CLI's image, or the Agent's `DD_SITE` of another site, passed every door."""
        # k8s64 (stop 64): a manifest applied from a URL decides what runs and where it sends (its containers, an
        # Agent's DD_SITE), read at run time: unknown, RES-015 by the URL until declared, as the Collector's fetched
        # configuration (config63's `--config=https://...`); its host is judged by the scan as before
        fetched = fetched_manifests(script, self._fetch_value_options) if not walked else []
        if fetched:
            self._judge_fetched_manifests(walk, script, fetched, path)
        if not walked and "set" in script:
            self._judge_env_unset(walk, script, path, depth)
        if not walked and "kubectl" in script and "$" in script:
            self._judge_piped_expansions(walk, script, path)
        form = self._manifest_form
        if "image" not in script or form is None:
            return
        containers, beyond = manifest_containers(tab_stripped_heredocs(script), form.manifest_lists)
        for where, bound in beyond:
            detail = f"This Kubernetes manifest is {bound}, beyond the engine's bounds: its containers are unread."
            walk.add(RuleId.DOCUMENT_WITHIN_BOUNDS, f"{path}{where}", where, detail)
        for where, container in containers:
            self._judge_container(walk, container, f"{path}{where}", depth + 1, form, values=not walked)
        if not walked and "kubectl" in script:
            self._judge_edited_manifests(walk, script, path, depth)
        # k8s64 (stop 64): a manifest echoed or printed into `kubectl apply -f -`, or given by a here-string
        for offset, text in piped_manifests(script) if not walked else ():
            if _WHOLE_EXPANSION.fullmatch(text.strip()):  # k8s65b: judged above
                continue
            containers, beyond = manifest_containers(text, form.manifest_lists)
            for where, bound in beyond:
                detail = f"This Kubernetes manifest is {bound}, beyond the engine's bounds: its containers are unread."
                walk.add(RuleId.DOCUMENT_WITHIN_BOUNDS, f"{path}(stdin@{offset}){where}", where, detail)
            for where, container in containers:
                self._judge_container(walk, container, f"{path}(stdin@{offset}){where}", depth + 1, form, values=True)

    def _judge_env_unset(self, walk: _Walk, script: str, path: str, depth: int) -> None:
        """(k8s66, stop 66) A variable ``kubectl set env`` removes (``DD_SITE-``) or empties (``DD_SITE=``) from a
        workload (:func:`scripts.kubectl_env_unset`) where it is a destination variable of a tool's container
        (``document_defaults`` ``unless_variables`` of an entry with ``images``: the Datadog Agent's ``DD_SITE`` /
        ``DD_DD_URL``): the tool falls back to its default (the Agent's US1 site), judged as a run naming no such
        variable is (:meth:`_judge_image_defaults`). Which workload is changed is not known from the command, but
        every reader of the name the catalogue knows has that default. Each passed every door."""
        for offset, name in kubectl_env_unset(script):
            for entry in self.endpoints.app_config_files:
                for d in entry.document_defaults:
                    if d.images and name in d.unless_variables:
                        where = f"{path}(kubectl@{offset}:set env {name})(default)"
                        self._judge_tool_default(walk, entry, d, where, depth)

    def _judge_piped_expansions(self, walk: _Walk, script: str, path: str) -> None:
        """(k8s65b, stop 65) A manifest given to ``kubectl apply -f -`` by one expansion (``echo "$M" |``, ``<<<
        "$M"``, ``echo "$(...)" |``; :func:`scripts.piped_manifests`), filled with the values reaching the line (the one
        evaluator): a command substitution no reader computes (``M=$(aws ssm get-parameter ...)``) is the manifest's
        source, RES-015 by its text until declared (:meth:`_judge_fetched_config`, as ``-f "$URL"`` of one is); a
        literal text is read where the script writes it (a here-document, a written file); a variable nothing assigns
        is left, as a local file the script does not write is. ``echo "$M" | kubectl apply -f -`` of a manifest read
        from Parameter Store passed every door."""
        values: _ScriptValues | None = None
        for offset, text in piped_manifests(script):
            if not _WHOLE_EXPANSION.fullmatch(text.strip()):
                continue
            values = values or _assigned_values(script, self._instance_region(walk))
            for filled in dict.fromkeys(filled_texts(text.strip(), values.at_destination(offset))):
                if _WHOLE_EXPANSION.fullmatch(filled) and ("$(" in filled or "`" in filled):
                    self._judge_fetched_config(walk, filled, f"{path}(kubectl@{offset})")

    def _judge_edited_manifests(self, walk: _Walk, script: str, path: str, depth: int) -> None:
        """(k8s65b, stop 65) The containers of a manifest the script computes by an edit (:func:`scripts.edited_files`,
        the one reader of sed / envsubst / perl edits): a template filled by ``sed "s/__REGION__/$R/g" FILE`` or
        ``envsubst < FILE`` piped into ``kubectl apply -f -`` (:data:`scripts.KUBECTL_STDIN`) or written into a file
        (``> OUT``, ``sed -i``), read as the edit leaves it, as a here-document's manifest is. The template as written
        is read too (its placeholders decide nothing). Each passed every door with a Region abroad filled in."""
        form = self._manifest_form
        if form is None or EDIT_COMMAND.search(script) is None:
            return
        values: _ScriptValues | None = None
        for edit in edited_files(script, self._instance_region(walk)):
            if edit.content is None or edit.how in ("cp", "mv", "install") or "image" not in edit.content:
                continue
            where = f"{path}({edit.how}:{'stdin' if edit.file == KUBECTL_STDIN else edit.file})"
            if "$" in edit.content:
                # k8s66: a `$DR` the edit left (a sed replacement or envsubst variable whose value no reader computes,
                # `DR=$(aws ssm get-parameter ...)`) holds what the shell gives it: filled with the values reaching the
                # script's end (the one evaluator), a substitution no reader computes judged where it lands (an
                # exec-form `--region $DR` was literal text: it passed every door)
                values = values or _assigned_values(script, self._instance_region(walk))
                reaching = values.at_destination(len(script) - 1)
                for filled in filled_texts(edit.content, reaching):
                    if filled != edit.content and ("$(" in filled or "`" in filled):
                        for at, container in manifest_containers(filled, form.manifest_lists)[0]:
                            where_run = f"{where}(run time){at}"
                            self._judge_container(walk, container, where_run, depth + 1, form, values=True)
            # k8s66: the filled text walked as a document too, as a here-document's manifest is (a host a sed fills,
            # `--queue-url https://sqs.REGION.amazonaws.com/...`, is judged by the walk, not on the container's line)
            for k, part in enumerate(re.split(r"(?m)^---[ \t]*$", edit.content)):
                document = yaml_or_none(part, depth) if part.strip() else None
                if isinstance(document, dict):
                    self._walk_document(walk, document, f"{where}[{k}](yaml)", "content", depth, None)
            containers, beyond = manifest_containers(edit.content, form.manifest_lists)
            for at, bound in beyond:
                detail = f"This Kubernetes manifest is {bound}, beyond the engine's bounds: its containers are unread."
                walk.add(RuleId.DOCUMENT_WITHIN_BOUNDS, f"{where}{at}", at, detail)
            for at, container in containers:
                self._judge_container(walk, container, f"{where}{at}", depth + 1, form, values=True)

    def _judge_fetched_manifests(self, walk: _Walk, script: str, fetched: Sequence[tuple[int, str]], path: str) -> None:
        """(k8s64, stop 64) Each manifest kubectl reads from a URL (:func:`scripts.fetched_manifests`): RES-015 by the
        URL until declared (:meth:`_judge_fetched_config`). (k8s65, stop 65) A value holding an expansion (``kubectl
        apply -f "$URL"``) is filled with the values reaching the line (the one evaluator): each URL it may hold is
        judged so, and a substitution no reader computes (``URL=$(aws ssm get-parameter ...)``) by its text; a
        variable nothing assigns (a local file's path from the environment) is left, as a local file the script does
        not write is. ``kubectl apply -f "$URL"`` of a URL assigned earlier, or read at run time, passed every door."""
        values: _ScriptValues | None = None
        for offset, url in fetched:
            texts: tuple[str, ...] = (url,)
            if "$" in url or "`" in url:
                values = values or _assigned_values(script, self._instance_region(walk))
                texts = filled_texts(url, values.at_destination(offset))
            for text in dict.fromkeys(texts):
                unknown = "$(" in text or "`" in text
                if unknown or "$" not in text:  # a URL, a remote target, or a run-time value
                    self._judge_fetched_config(walk, text, f"{path}(kubectl@{offset})")

    def _judge_helm_releases(self, walk: _Walk, script: str, path: str, depth: int) -> None:
        """(k8s63, stop 63) A catalogued chart a script installs (``helm`` ``charts``: the Datadog chart's
        ``datadog.site`` / ``datadog.dd_url``), read from its values as Helm merges them (the values files the script
        writes, in order, then ``--set`` / ``--set-string``, the last winning): each given key is judged as a host or a
        URL (a variable by the values the script gives it; one no reader computes, a values file the script does not
        write and a value from ``--set-json`` / ``--set-file`` / ``--reuse-values`` are RES-015 by their text until
        declared); a chart given none of its keys is judged as sending to its ``default`` (the Agent's US1 site).
        ``helm install datadog datadog/datadog --set datadog.site=datadoghq.com``, or with the API key alone, passed
        every door."""
        helm = self.endpoints.helm
        if helm is None:
            return
        files: Mapping[str, str] | None = None
        values: _ScriptValues | None = None
        inputs: list[StandardInput] | None = None
        for release in helm_releases(script, helm):
            chart = next((c for c in helm.charts if re.search(c.chart, release.chart)), None)
            if release.sets or release.unknown:  # k8s65: any chart's `--set` values, as its values file's
                if files is None and any(o == "--set-file" for o, _ in release.unknown):
                    files = written_files(script)
                self._judge_helm_set_values(walk, script, (release, chart, files or {}), path, depth)
            if chart is None:
                continue
            files = written_files(script) if files is None else files
            if "-" in release.files and inputs is None:  # k8s66: the one reader of a command's standard input
                inputs = standard_inputs(script, _reads_helm_stdin, files)
            stdin = _helm_stdin(script, release.offset, inputs, files) if "-" in release.files and inputs else None
            # falsealarm64: `-f -` reads the here-document the line gives (was RES-015 by `-`, a false alarm)
            given_files = files if stdin is None else {**files, "-": stdin}
            given, unknown = _helm_values(chart.keys, release, given_files, chart.documents)
            where = f"{path}(helm:{release.chart})"
            for key, file in chart.documents.items():  # k8s64: a values key holding the tool's configuration
                self._judge_chart_document(walk, script, (key, file, release, given_files), f"{where}.{key}", depth)
            for text in unknown:
                detail = (
                    f"The chart {release.chart!r} is given values by {text!r}, which no input shows: nothing proves "
                    f"where it sends is in {self._j()}. Give {', '.join(chart.keys)} with --set or in a values file "
                    "the script writes, or declare it in sovereign-dc:destinations by this exact text."
                )
                self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, where, text, detail, (text,))
            if values is None and any("$" in v or "`" in v for v in given.values()):
                values = _assigned_values(script, self._instance_region(walk))
            for key, value in given.items():
                reaching = values.at_destination(release.offset) if values is not None else {}
                for text in filled_texts(value, reaching) if values is not None else (value,):
                    self._judge_helm_value(walk, chart.keys[key], text, f"{where}.{key}", depth)
            if not given and not unknown:
                for key, value in chart.default.items():
                    self._walk_document(walk, {chart.keys[key]: value}, f"{where}(default).{key}", "content", depth)

    def _judge_helm_set_values(
        self,
        walk: _Walk,
        script: str,
        of: tuple[HelmRelease, HelmChart | None, Mapping[str, str]],
        path: str,
        depth: int,
    ) -> None:
        """(k8s65, stop 65) A release's ``--set`` / ``--set-string`` paths (and ``--set-file`` of a file the script
        writes: the file's text is the value), for any chart, merged into one values tree as Helm merges them
        (:func:`_set_values_path`: ``destinations[0].url`` a list's item) and walked as the values file the script
        writes is (by the same key catalogue: a ``url`` / ``host`` / ``endpoint`` key a destination, a Region key a
        Region, a Fluent Bit text read as one). A catalogued chart's ``keys`` and ``documents`` are judged by their own
        readers and left out here. A value is filled with the values reaching the line; one holding a substitution no
        reader computes under a host key is RES-015 by its text (:meth:`_judge_helm_value`); a variable nothing assigns
        is Helm's empty value (the chart's default): not judged. Grafana's k8s-monitoring chart given ``--set
        'destinations[0].url=<host>/api/prom/push'`` (no scheme: the scan of URLs does not see it) or an OTLP
        destination's gRPC ``host:port`` passed every door, as did a URL from ``$(aws ssm ...)``."""
        release, chart, files = of
        skip = (*chart.keys, *chart.documents) if chart is not None else ()
        pairs = [(k, v) for k, v in release.sets if v.strip() and not _below(k, skip)]
        for option, value in release.unknown:
            name, eq, file = value.partition("=")
            if option == "--set-file" and eq and file in files and not _below(name, skip):
                pairs.append((name, files[file]))
        values: _ScriptValues | None = None
        tree: dict[str, Any] = {}
        more: list[dict[str, Any]] = []
        where = f"{path}(helm:{release.chart})(set)"
        for dotted, value in pairs:
            texts: tuple[str, ...] = (value,)
            if "$" in value or "`" in value:
                values = values or _assigned_values(script, self._instance_region(walk))
                texts = filled_texts(value, values.at_destination(release.offset))
            leaf = _HELM_INDEX.sub(r"\g<name>", dotted.rpartition(".")[2])
            kept = []
            for text in dict.fromkeys(texts):
                if ("$(" in text or "`" in text) and self._host_key(_key_tokens(_snake(leaf))):
                    self._judge_helm_value(walk, "url", text, f"{where}.{dotted}", depth)
                elif _SHELL_REFERENCE.fullmatch(text.strip()) is None:  # k8s65: nothing assigned it: Helm gets ""
                    kept.append(text)
            for k, text in enumerate(kept):
                if k == 0:
                    _set_values_path(tree, dotted.split("."), text)
                else:  # another value the line may give the path: walked on its own
                    more.append({})
                    _set_values_path(more[-1], dotted.split("."), text)
        for document in (tree, *more) if tree or more else ():
            self._walk_document(walk, document, where, "content", depth, None)

    def _judge_chart_document(
        self, walk: _Walk, script: str, of: tuple[str, str, HelmRelease, Mapping[str, str]], path: str, depth: int
    ) -> None:
        """(k8s64, stop 64) A chart's values key holding its tool's configuration (``HelmChart.documents``: the
        OpenTelemetry Collector chart's ``config``, Vector's ``customConfig``), merged as Helm merges values
        (:func:`_helm_tree`), judged as the file the tool reads would be (that file's ``app_config_files`` entry: its
        keys renamed, and its ``document_defaults``, the tool known to run: the chart runs it). ``--set
        config.exporters.datadog.api.key=...`` with no ``api.site`` (the exporter's default, US1) passed every door."""
        key, file, release, files = of
        entry = self._config_entry(file, script)
        document = _helm_tree(key, release, files)
        if entry is None or not isinstance(document, dict):
            return
        self._walk_document(walk, _catalogue_named(document, entry), path, "content", depth, None)
        self._judge_document_defaults(walk, script, (document, entry), f"{path}(default)", depth, running=True)

    def _judge_helm_value(self, walk: _Walk, form: str, text: str, path: str, depth: int) -> None:
        """(k8s63) One chart value naming a destination (a host or a URL), judged as a document's such key is; one still
        holding an expansion (a substitution, a variable the script gives no literal) is RES-015 by its text."""
        if "$" in text or "`" in text:
            detail = (
                f"This chart value is {text!r}, made at run time: nothing proves it is in {self._j()}. Write the "
                "value, or declare it in sovereign-dc:destinations by this exact text."
            )
            self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, text, detail, (text,))
            return
        self._walk_document(walk, {form: text}, path, "content", depth)

    def _judge_secret_set(self, walk: _Walk, fields: Mapping[str, Any], form: ContainerForm, path: str) -> None:
        """(k8s62, stop 62) A variable naming where the container's tool sends (``document_defaults``
        ``unless_variables`` of an entry whose ``images`` the container runs: the Datadog Agent's ``DD_SITE`` /
        ``DD_DD_URL``) given by a secret or a reference (an ECS ``secrets`` entry's ``valueFrom``, a Kubernetes
        ``valueFrom`` ``secretKeyRef`` / ``configMapKeyRef``): its value is in no input, so nothing proves the site is
        in the jurisdiction (RES-015), declared by the reference's text. ecs61 counted such a variable set and passed
        it: a site abroad so given passed every door."""
        image = next((v for k in form.image if isinstance(v := fields.get(k), str)), None)
        if image is None:
            return
        watched: set[str] = set()
        for entry in self.endpoints.app_config_files:
            for d in entry.document_defaults:
                if d.images and re.search(d.images, image):
                    watched.update(d.unless_variables)
        for i, (name, _value, reference) in enumerate(_container_variables(fields, form)):
            if name in watched and reference is not None:
                text = _reference_text(reference)
                detail = (
                    f"{name} is given by {text!r}, a value no input shows: nothing proves the site the container's "
                    f"tool sends to is in {self._j()}. Write the variable's value in the container's environment, or "
                    "declare it in sovereign-dc:destinations by this exact text."
                )
                where = f"{path}(variables)[{i}].{name}"
                self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, where, text, detail, (text,))

    def _judge_joined_scripts(self, walk: _Walk, document: Mapping[Any, Any], path: str) -> Mapping[str, str]:
        """The ``joined_scripts`` entries whose document is at the walk's place (one lookup for other types); the
        files their lists write (scripts52: a later phase's ``$(cat FILE)`` reads them)."""
        files: dict[str, str] = {}
        for entry in self._joined_scripts.get(walk.subject.type, ()):
            if _path_is(walk.kpath, entry.kpath):
                files |= self._judge_joined_script(walk, document, path, entry)
        return files

    def _judge_joined_script(
        self, walk: _Walk, document: Mapping[Any, Any], path: str, entry: JoinedScript
    ) -> Mapping[str, str]:
        """A document whose script lists one shell runs in order (``joined_scripts``, scripts51: a buildspec's phases,
        ``finally`` after ``commands``, ``env.variables`` set for every command): a variable the map sets or an earlier
        list assigns reaches a later list's commands, each of which was read with its own list only. The lists are
        joined in the entry's order, each variable of the map an assignment line before them (``NAME='value'``), and
        an item using a variable set outside its own list is judged again (:meth:`_judge_joined_items`)."""
        items: list[tuple[str, str, int]] = []
        for place in entry.variables:
            env = _value_at(document, place.split("."))
            if not isinstance(env, Mapping):
                continue
            items += [
                (f"{path}.{place}.{name}", f"{name}={shlex.quote(str(value))}", -1)
                for name, value in env.items()
                if isinstance(name, str) and _SHELL_NAME.fullmatch(name) and isinstance(value, (str, int, float))
            ]
        for group, place in enumerate(entry.lists):
            lines = _value_at(document, place.split("."))
            if isinstance(lines, list):
                items += [(f"{path}.{place}[{i}]", t, group) for i, t in enumerate(lines) if isinstance(t, str)]
        if len({group for _, _, group in items}) < 2:  # one list alone was read as a script list already
            return {}
        joined = "\n".join(item for _, item, _ in items)
        parent = walk.kpath
        # Judged as an item of a script list of the document (the place its plan makes a payload).
        walk.kpath = (*parent, *entry.lists[0].split("."))
        plan = self._key_plan(walk.subject.type, walk.kpath, walk.kpath[-1])
        if plan.payload:
            self._judge_joined_items(walk, items, walk.kpath[-1], plan.own_region, across=True)
        walk.kpath = parent
        return written_files(joined) if may_write_files(joined) else {}

    def _judge_joined_items(
        self,
        walk: _Walk,
        items: Sequence[tuple[str, str, int]],
        key: str,
        own_region: bool,
        *,
        across: bool,
        given: int | None = None,
    ) -> None:
        """Script lines (where, text, list) one shell runs in order: an item using a variable an earlier item
        assigns on its own (:func:`plain_assignment`; ``across``: one of another list) is judged again with the values
        that reach it in the items joined (the one resolver): its assignments, its commands' hosts, its URLs filled;
        the earlier items are not judged again. The joined text is read once (a list of thousands of items costs one
        pass). scripts55b: the items from ``given`` on (commands written out with a function's calls' words) are
        judged whatever they use."""
        needed: list[tuple[str, str, int]] = []
        names: dict[str, int] = {}
        start = 0
        for k, (where, item, group) in enumerate(items):
            used = {m.group(1) or m.group(2) for m in _SHELL_REFERENCE.finditer(item)} if "$" in item else set()
            # scripts56b: an array an item fills (`RS=(...)`, `read -a RS <<< ...`) and a later item's `${RS[1]}`
            arrays, elements = array_names(eval_arrays_written(item))  # scripts61: `eval "RS=(...)"` too
            if (given is not None and k >= given) or any(
                name in names and not (across and names[name] == group) for name in used | elements
            ):
                needed.append((where, item, start))
            # scripts57: `read [-d ''] R < FILE`, `printf -v R ...` read as the assignments they make
            assigned = plain_assigned_name(item)
            if assigned is None and ("read" in item or "printf" in item):
                assigned = plain_assigned_name(reads_as_assignments(item))
            if assigned is not None:
                names.setdefault(assigned, group)
            for name in arrays:
                names.setdefault(name, group)
            # scripts59 (stop 59): a loop an item opens (`for R in <home> <abroad>; do`), whose body is a later item
            # (`aws ... --region "$R"`): the body was judged alone, R unset, and a Region abroad passed every door
            for name in loop_bound_names(item):
                names.setdefault(name, group)
            start += len(item) + 1
        if not needed:
            return
        whole = "\n".join(item for _, item, _ in items)
        values = _assigned_values(whole, self._instance_region(walk))
        hosts = self._scripts.hosts(whole)
        if "$" in whole:  # scripts60b: an item's unquoted variable split into options, its value an earlier item's
            self._judge_split_words(walk, whole, hosts, [(where, at, at + len(item)) for where, item, at in needed])
        for where, item, at in needed:
            if "=" in item:
                self._judge_assignments(walk, item, where, 1, whole, at)
            self._judge_found_hosts(walk, whole, [h for h in hosts if at <= h.offset <= at + len(item)], where)
            if "$" in item and EDIT_COMMAND.search(item) is not None:
                self._judge_joined_edit(walk, item, whole, where)
            for text in filled_texts(item, values.at(at)):
                if text != item and self.parser.has_candidates(text):
                    self._judge_references(walk, text, where, key, own_region)

    def _judge_joined_edit(self, walk: _Walk, item: str, whole: str, where: str) -> None:
        """(scripts59b, stop 59) An edit of a settings file (``sed -i "s/^# site:.*/site: ${SITE}/"`` on datadog.yaml)
        in a script list's item whose variable an earlier item assigns (``SITE=datadoghq.com``, an SSM Command
        document's ``runCommand``): the item alone left ``${SITE}`` unset and a site abroad passed every door (config59
        left it open). Its line is judged with the values reaching it in the items joined, as
        :meth:`_judge_edited_config_lines` judges a whole script's edit (the one filling; a substitution it cannot
        compute fails closed). Gate (the caller's): a ``$`` and an edit command in the item."""
        for edit in edited_files(item, self._instance_region(walk)):
            if edit.content is None and any("$" in t for t in edit.texts) and not self._log_router_file(edit.file):
                self._judge_edited_config_lines(walk, whole, edit, f"{where}({edit.how}:{edit.file})", 0)

    def _by_written_names(self, written: Mapping[str, str] | None, document: Any, path: str, script: str = "") -> Any:
        """(config54b) A cloud-config's ``write_files`` content that is a YAML document, with the settings named by the
        file's own names read as the key catalogue's (``ConfigFile.keys`` of the entry its path matches: filebeat.yml's
        ``hosts``, a Vector sink's ``address``, a Compose file's ``dns``), as a script's here-document into that path is
        read; ``document`` itself for any other text (most payloads write no file: one dictionary test). config57:
        ``script`` is the payload's text, whose commands (``runcmd``: ``vector -C DIR``, ``filebeat -c NAME``) may name
        the file as a tool's, whatever its name (:meth:`_config_entry`), and a Vector namespaced body is its
        component's (:func:`_namespaced_component`)."""
        file = written.get(_DECODINGS.sub("", path)) if written else None
        entry = self._config_entry(file, script) if file is not None and not self._log_router_file(file) else None
        if file is None or entry is None or not entry.keys or entry.format not in ("yaml", "json"):
            return document
        if entry.option_dir_namespaces:
            document = _namespaced_component(entry, file, document)  # config57: Vector's `sinks/central.yaml`
        # config66: a file a line of the payload merges with another source (`--config=<file> --config='yaml:...'`)
        # is given its line's defaults (_judge_line_defaults, the file read there by _payload_written_files): its own
        # US1 site was a false alarm beside a `yaml:` URI writing the market's site (config65's open corner)
        merged = False
        if script and written is not None:
            merged = file in self._line_merged_files(script, entry, frozenset(written.values()))
        if entry.document_defaults and isinstance(document, dict) and not merged:
            # config58: a setting the tool gives the file when it does not write it (the Datadog Agent's US1 site),
            # where the payload (its runcmd, its packages) runs the tool
            for key, value in _document_defaults(document, entry, script):
                document = _merged_settings(document, _nested_setting(key, value))  # agents62: a block's too
        return _renamed_keys(document, entry.keys)

    def _write_files_entries(self, document: Mapping[Any, Any]) -> Iterator[tuple[str, str, Any]]:
        """Each file a cloud-config's ``write_files`` writes (``payload_script_files``: ``write_files[i].content``
        under ``path``) as (the content's walk path under the document, ``write_files[i].content``; the file named;
        its content key), the entries naming a file by text: the one walk of the catalogue's shape for
        :meth:`_written_files` and :meth:`_payload_written_files`."""
        for script, file_key in self.endpoints.payload_script_files.items():
            entries, _, content = script.partition(".")
            items = document.get(entries)
            for i, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, dict) and isinstance(item.get(file_key), str):
                    yield f"{entries}[{i}].{content}", item[file_key], item.get(content)

    def _written_files(self, document: Mapping[Any, Any], path: str) -> dict[str, str]:
        """A cloud-config's written scripts (``payload_script_files``: ``write_files[i].content``) -> their files."""
        return {f"{path}.{at}": file.strip() for at, file, _ in self._write_files_entries(document)}

    def _payload_written_files(self, walk: _Walk) -> dict[str, str]:
        """(config66) The files the cloud-config being walked writes (``payload_script_files``: ``write_files``' path
        -> its content, as written), read from its text (``walk.written_by``); empty outside one. Read where a line of
        its ``runcmd`` merges one of them with another source (:func:`_merged_line_configs`)."""
        document = yaml_or_none(walk.written_by) if walk.written and walk.written_by else None
        if not isinstance(document, dict):
            return {}
        return {file: body for _, file, body in self._write_files_entries(document) if isinstance(body, str)}

    def _written_ssh_names(self, document: Mapping[Any, Any]) -> frozenset[str]:
        """(config54) The ``Host`` names of the OpenSSH client configurations a cloud-config's ``write_files`` writes
        whose entry sets the real host name (as :meth:`_ssh_config_names` reads a script's): the names its ``runcmd``
        and scripts' ssh clients connect to through that entry's ``HostName`` (judged in the file)."""
        names: set[str] = set()
        for script, file_key in self.endpoints.payload_script_files.items():
            entries, _, content = script.partition(".")
            items = document.get(entries)
            for item in items if isinstance(items, list) else ():
                file = item.get(file_key) if isinstance(item, dict) else None
                body = item.get(content) if isinstance(item, dict) else None
                entry = self._config_entry(file) if isinstance(file, str) and isinstance(body, str) else None
                if entry is not None and entry.alias_keyword is not None and entry.real_name_keyword is not None:
                    names |= _config_real_names(str(body), entry)
        return frozenset(names)

    def _judge_script_hosts(
        self, walk: _Walk, script: str, path: str, file: str | None = None, hosts: Sequence[ScriptHost] | None = None
    ) -> tuple[str, ...]:
        """The hosts a script's commands connect to by a catalogued option or operand (``psql -h host``, ``ssh
        ops@host``, ``echo "nameserver 8.8.8.8" >> /etc/resolv.conf``: ``endpoints.yaml`` ``script_commands``), each
        judged as a destination, as under a host key. A script naming no listed command costs a few substring tests.
        What the scan of the whole script reads (a cloud host, ``user@host:/path``) is left to it, so it is judged
        once. Returns the policy documents walked as documents (alired54, form ``alicloud-policy``), as written, for
        the scan to leave out. ``hosts``: the ones the caller read already (alired57: read once)."""
        hosts = self._scripts.hosts(script, file) if hosts is None else hosts
        self._judge_found_hosts(walk, script, hosts, path)
        if "$" in script or "`" in script:  # scripts63: a backquoted splice too
            self._judge_split_words(walk, script, hosts, [(path, 0, len(script))])
        documents = tuple(
            found.word for found in hosts if (found.policy or found.bucket_policy) and found.word.lstrip()[:1] == "{"
        )
        cors = [found for found in hosts if found.cors]
        return documents + self._cors_origins(walk, cors, script) if cors else documents

    def _opaque_spliced(self, values: _ScriptValues) -> Callable[[int], Mapping[str, tuple[str, ...]]]:
        """(the lead, stop 61) ``values``' command substitutions no reader computes, by offset, without those of a
        ``one_word_commands`` command (``TMP=$(mktemp)``: one word, never an option, whatever it prints)."""
        one_word = self._one_word_substitution
        if one_word is None:
            return values.opaque_at

        def opaque_at(offset: int) -> Mapping[str, tuple[str, ...]]:
            held = values.opaque_at(offset)
            kept = {name: tuple(v for v in vs if one_word.fullmatch(v) is None) for name, vs in held.items()}
            return {name: vs for name, vs in kept.items() if vs}

        return opaque_at

    def _uncomputed_word(self, script: str, values: _ScriptValues) -> Callable[[str], bool] | None:
        """(scripts63) Whether a command substitution written as a word of ``script`` is one no reader computes (the
        one evaluator, :func:`substitution_values`, with the files the script writes) and no ``one_word_commands``
        command (``$(mktemp)``: one word, never an option); None where the script writes no substitution."""
        if "$(" not in script and "`" not in script:
            return None
        one_word = self._one_word_substitution
        files = values.files

        def uncomputed(word: str) -> bool:
            if one_word is not None and one_word.fullmatch(word) is not None:
                return False
            return substitution_values(word, {}, files) is None

        return uncomputed

    def _judge_split_words(
        self, walk: _Walk, script: str, hosts: Sequence[ScriptHost], places: Sequence[tuple[str, int, int]]
    ) -> None:
        """(scripts60b, stop 60) An unquoted variable whose value holds blanks is split into words, options among them
        (bash(1) "Word Splitting": `psql -h 10.0.2.15 $DB_OPTS` with `DB_OPTS="-p 5432 -h <partner>"` passed every
        door): each such line read again with the value in its place (:func:`scripts.split_words_written`), the hosts
        it adds judged at the path of the place (``places``: path, start, end offsets in ``script``, in order and
        apart; a script list's items) holding the line. ``hosts``: what the script's own reading found (not judged
        again); a finding the reference's own reading made already (`--region $R` filled with `A --region B`) is kept
        once."""
        values = _assigned_values(script, self._instance_region(walk))
        read = {(h.command, h.host) for h in hosts}
        written = split_words_written(
            script, values.at, self._opaque_spliced(values), self._uncomputed_word(script, values)
        )
        if not written:
            return
        # perf61 (stop 61): the findings already made, keyed once and kept up to date (every finding the loop makes is
        # appended; a duplicate removed keeps its key in the list), not keyed again for each line read: 1,200 split
        # lines with a finding each keyed 720,000 findings
        seen = {(f.rule.id, f.path, str(f.value)) for f in walk.findings}
        starts = [start for _, start, _ in places]
        for at, line in written:
            # the place holding the line: ``places`` are in order and apart (a script list's items; one whole script)
            k = bisect.bisect_right(starts, at) - 1
            path = places[k][0] if k >= 0 and at <= places[k][2] else None
            if path is None:
                continue
            split = [h._replace(offset=at) for h in self._scripts.hosts(line) if (h.command, h.host) not in read]
            before = len(walk.findings)
            self._judge_found_hosts(walk, script, split, path)
            for f in walk.findings[before:]:
                key = (f.rule.id, f.path, str(f.value))
                if key in seen:
                    walk.findings.remove(f)
                seen.add(key)

    def _cors_configurations(self, walk: _Walk, hosts: Sequence[ScriptHost], script: str) -> frozenset[str]:
        """(alired56) The texts of the CORS configurations ``script`` gives ossutil (form ``oss-cors``), as
        :meth:`_oss_configurations` reads them: a file the script writes and gives a CORS command holds CORS rules, not
        an application's settings, and is not walked by key (its ``AllowedOrigin`` was RES-015 as a URL in a JSON
        document); the whole-script scan still reads any other text of it. ``hosts``: the script's commands' hosts as
        the caller read them (alired57, the lead's review of stop 56: the script was read a second time here, once per
        written file); a script naming no CORS command pays one ``cors`` test per host."""
        return frozenset(
            text
            for found in hosts
            if found.cors
            for _, text, _ in self._oss_configurations(walk, found, script)
            if text
        )

    def _cors_origins(self, walk: _Walk, given: Sequence[ScriptHost], script: str) -> tuple[str, ...]:
        """(alired56) The origins the script's CORS commands are given (``script_commands`` form ``oss-cors``), as the
        texts the script writes them in, for the whole-script scan to leave out: each ``AllowedOrigin`` element or JSON
        member of a configuration given inline, in a file the script writes or read back by ``"$(cat FILE)"`` (read as
        :meth:`_oss_configurations` reads a replication's), and ``cors-options``'s ``--origin`` with its option. OSS
        compares an origin with a browser's Origin header and never connects to it (PutBucketCors), as oss.BucketCors's
        ``allowed_origins`` is a match field; the scan read each as a host the machine connects to (RES-015). Only that
        text is left out: the same host in another command (``curl ... https://origin/upload``) stays judged, and so
        does an origin the shell computes (``$``, a backquote: a substitution in a here-document runs as it is
        written)."""
        out: list[str] = []
        for found in given:
            value = found.host.strip()
            if value.lower().startswith(("http://", "https://")):
                # `ossutil cors-options --origin URL`: the option and its value as written on the command's line (a
                # 1.x operand `oss://BUCKET` is no origin: the scan keeps reading it as the bucket it names)
                m = re.search(_OPTION_WITH.format(re.escape(value)), script[found.offset :])
                out += [m.group(0)] if m and "$" not in value and "`" not in value else []
                continue
            # falsealarm56b: a quoted document over several lines (`--cors-configuration '{` then the rules on the lines
            # after it) is the whole quoted word, not its first line (its origins were RES-015: a false alarm)
            whole = _quoted_over_lines(found.host, script, found.offset)
            for _, text, _ in self._oss_configurations(walk, found._replace(host=whole) if whole else found, script):
                for origin in _CORS_ORIGINS.finditer(text or ""):
                    if not _COMPUTED.search(origin.group(0)):
                        # as written: JSON in a double-quoted word has its quotes escaped there (`\"AllowedOrigin\"`)
                        out += [origin.group(0), origin.group(0).replace('"', '\\"')]
        return tuple(dict.fromkeys(out))

    def _judged_sub_variable_host(
        self, walk: _Walk, host: str, path: str, reaching: Mapping[str, Sequence[str]]
    ) -> bool:
        """(lead, stop 62) A script's host option holding a whole template variable of the one-text ``Fn::Sub`` the
        script is (``path``; ``mysql -h ${DbHost}``; a shell's own variable is written ``${!H}`` there, read as ``${H}``
        with the value the script gives it): what the template gives, judged as its URLs' hosts are
        (:meth:`_judge_template_urls`). Read as a shell variable no line sets, it passed every door (alired62's open
        finding). True when judged so."""
        variable = _SUB_VARIABLE.fullmatch(host) if path.endswith(".Fn::Sub") else None
        if variable is None or walk.template_resources is None or reaching.get(variable.group(1)):
            return False
        name, _, attribute = variable.group(1).partition(".")
        self._judge_template_reference(walk, name, attribute or "Ref", path, host)
        return True

    def _judged_sub_assigned(
        self, walk: _Walk, found: ScriptHost, script: str, path: str, reaching: Mapping[str, Sequence[str]]
    ) -> bool:
        """(fnros63) A script's host or region option holding a whole shell variable (``--region $R``, ``-h "$H"``) of
        the one-text ``Fn::Sub`` the script is, assigned a text holding a template variable the script never sets
        (``R=${TargetRegion}``, ``H=${DbHost}.internal``): the template fills that text before the machine runs it (AWS
        "Fn::Sub": "the variables ... are substituted"; ROS "Fn::Sub" the same), so the option holds what the template
        gives. The shell reader read ``${TargetRegion}`` as a variable no line sets (empty: bash's value) and the option
        passed every door whatever the deployer passed. Each such assigned text is judged as if written at the option
        (:meth:`_judged_sub_variable_host` for a whole variable, else as the option's value: a text partly a variable
        with no value is not proven). A Parameter with a Default or a given value was filled in before (judged as
        written). True when so judged."""
        shell = _SHELL_WHOLE_VARIABLE.fullmatch(found.host.strip("\"'"))
        if shell is None or not path.endswith(".Fn::Sub") or walk.template_resources is None:
            return False
        name = shell.group(1)
        if reaching.get(name):
            return False
        assigned = set(_assignments(script))
        set_names = {m.group("name") for m in assigned}
        texts = [
            text
            for m in assigned
            if m.group("name") == name
            and (text := m.group("double") or m.group("single") or m.group("bare") or "")
            and any(v.group(1).partition(".")[0] not in set_names for v in _SUB_VARIABLE.finditer(text))
        ]
        for text in dict.fromkeys(texts):
            if not self._judged_sub_variable_host(walk, text, path, reaching):
                self._judge_script_host(walk, found, text, path)
        return bool(texts)

    def _judge_found_hosts(self, walk: _Walk, script: str, hosts: Sequence[ScriptHost], path: str) -> None:
        """Each host :meth:`_judge_script_hosts` found in ``script``, a variable in it filled with the values that
        reach its line."""
        spans: tuple[tuple[int, int, frozenset[str]], ...] | None = None
        # alired56: a CORS origin (form oss-cors) is compared, never contacted: nothing to judge (_cors_origins)
        for found in filter(_contacted, hosts):
            if walk.ssh_names and found.command in _SSH_CLIENTS and _ssh_name(found.host) in walk.ssh_names:
                continue  # falsealarm53b: an alias of the ssh configuration the script writes (its HostName judged)
            if found.command.endswith(":"):
                # config55: a command that is a YAML key (script_commands `externalName:`, a manifest's line):
                # `externalName: api.backend.svc.cluster.local` naming a Service the same
                # manifest defines (service_names) is that Service, as a URL to it is (the reference scan's spans)
                spans = self.parser.defined_spans(script) if spans is None else spans
                host = found.host.lower().rstrip(".")
                if any(start <= found.offset < end and host in names for start, end, names in spans):
                    continue
            if found.replication:
                self._judge_script_replication(walk, found, script, path)
                continue
            if found.bucket_policy:
                self._judge_script_bucket_policy(walk, found, script, path)
                continue
            if "$" not in found.host:
                self._judge_script_host(walk, found, found.host, path)
                continue
            # scripts48: a variable in the value (`--region $REGION`, `-h db.$DOMAIN`) holds the values that reach the
            # line (the one resolver, as for assignments and URLs); one the script gives no literal stays as written.
            own = self._instance_region(walk)
            values = _assigned_values(script, own)
            reaching = values.at(found.offset)
            if (
                (found.account and machine_or_private(found.host, script, {**walk.script_files, **values.files}))
                or self._judged_sub_variable_host(walk, found.host, path, reaching)
                or self._judged_sub_assigned(walk, found, script, path, reaching)
            ):
                # (lead, stop 54) an owner account set only from the instance metadata (`OWNER=$(curl -s
                # http://100.100.100.200/latest/meta-data/owner-account-id)`): the instance's own account, computed
                # on the machine (falsealarm54's `ali-cli-own`), not a variable the script never sets (alired54);
                # (lead, stop 62) a template variable of the Fn::Sub the script is, judged as the template's
                continue
            files = {**walk.script_files, **values.files} if values.files else walk.script_files
            # falsealarm55: a RAM principal built from the owner account the metadata gives (`acs:ram::$OWNER:root`,
            # OWNER as above) is the instance's own account, in a policy document as at an owner parameter.
            own_ram = _machine_ram_accounts(found.host, script, files) if found.policy else frozenset()
            # scripts53: a variable holding a substitution the evaluator cannot compute (`R=$(aws configure get
            # region)`, then `--region $R`) is filled with it, and fails closed below as the substitution written there
            for filled in substitution_filled(found.host, values.at_destination(found.offset)):
                value = _decoded_script_value(found, filled)
                if "$(" not in value and "`" not in value:
                    self._judge_script_host(walk, found, value, path, own_ram)
                    continue
                # scripts52: a command substitution's value (`--region $(echo eu-west-1 | sed ...)`, `-h $(cat FILE)`
                # of a file the script wrote) is computed by the one evaluator; one it cannot compute fails closed.
                given = _script_substituted(value, values.for_evaluation(found.offset, files, own), files, own)
                if given is None:
                    self._judge_unknown_script_value(walk, found, value, path)
                for text in given or ():
                    if found.policy and "$" in text:
                        # alired54b: a document read back from a here-document the script writes keeps its variables
                        # as written (`acs:ram::$UID:root`, heredoc_files); the shell expands them from the values
                        # that reach the call, so they are filled with those before the document is walked.
                        own_text = _machine_ram_accounts(text, script, files)
                        for document in filled_texts(text, values.at_destination(found.offset)):
                            self._judge_script_host(walk, found, document, path, own_text)
                        continue
                    self._judge_script_host(walk, found, _decoded_script_value(found, text), path)

    def _judge_script_replication(self, walk: _Walk, found: ScriptHost, script: str, path: str) -> None:
        """(alired54b) An OSS replication configuration a script gives ossutil (``script_commands`` form
        ``oss-replication``: ``ossutil api put-bucket-replication --replication-configuration`` inline XML / JSON or
        ``file://FILE``, ``ossutil replication --method put oss://BUCKET FILE``): each ``Destination``'s ``Location``
        judged as a Region and its ``Bucket`` as a bucket the stack writes into, as oss.BucketReplication's
        ``destination.location`` / ``destination.bucket`` (RES-009 / RES-017 unless at home, made by the stack or
        declared). A configuration file the script does not write cannot be read: the Region the copies go to is
        unknown (RES-011, declared by the text as written). Another operand (the source ``oss://BUCKET``) is none."""
        where = f"{path}.{found.command}"
        machine = walk.cloud
        walk.cloud = "alicloud"  # OSS's on any machine (an EC2 instance may run ossutil)
        try:
            for value, text, _ in self._oss_configurations(walk, found, script):
                if text is None:
                    self._judge_unknown_region(walk, value, where)
                    continue
                for bucket, location in _replication_destinations(text):
                    if location:
                        self._judge_script_region(walk, location.removeprefix("oss-"), where, "alicloud")
                    if bucket:
                        self._judge_bucket_name(walk, bucket, f"{where}.Destination.Bucket")
        finally:
            walk.cloud = machine

    def _judge_script_bucket_policy(self, walk: _Walk, found: ScriptHost, script: str, path: str) -> None:
        """(alired55) An OSS bucket policy a script gives ossutil (``script_commands`` form ``oss-policy``: 2.0's ``api
        put-bucket-policy --body``, 1.x's ``bucket-policy --method put oss://BUCKET FILE``): one given inline is walked
        as oss.BucketPolicy's ``policy`` (:meth:`_judge_script_policy`: another account's principal is RES-023 unless
        the stack's own or declared). A file the script writes is judged where it is written (the written files'
        reading), once; on a machine of another cloud (an EC2 instance) here too, as Alibaba Cloud's. One no line
        writes, or a substitution the engine cannot compute, grants accounts no literal shows: RES-023, declared by the
        text as written."""
        where = f"{path}.{found.command}"
        machine = walk.cloud
        walk.cloud = "alicloud"  # OSS's on any machine
        try:
            for value, text, from_file in self._oss_configurations(walk, found, script):
                if text is None:
                    detail = (
                        f"{value!r} is a bucket policy in a file no line of the script writes (or a command "
                        f"substitution the engine cannot compute): nothing proves the accounts it grants the bucket to "
                        f"are the stack's own or stay in {self._j()}. Write the policy in the script, or declare it in "
                        "sovereign-dc:destinations by this exact text."
                    )
                    self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, where, value, detail, (value.strip(),))
                elif not from_file or machine != "alicloud":
                    # a written file is judged where it is written, as the machine's cloud's: on an AWS machine that
                    # walk reads no bare Alibaba UID principal, so the policy is walked here as Alibaba Cloud's
                    self._judge_script_policy(walk, text, where)
        finally:
            walk.cloud = machine

    def _oss_configurations(
        self, walk: _Walk, found: ScriptHost, script: str
    ) -> Iterator[tuple[str, str | None, bool]]:
        """(alired55) The configuration an ossutil command is given (forms ``oss-replication``, ``oss-policy``), as
        ``(value as written, its text, read from a file)``: inline XML / JSON; the file the script writes, named by
        ``file://FILE``, an operand ``FILE`` (``.xml`` / ``.json``) or read by ``"$(cat FILE)"`` (the one evaluator);
        text None where no line writes the file or the substitution cannot be computed. A variable holds the values
        that reach the line. Another value (the source ``oss://BUCKET``, a rule id) gives nothing."""
        given = found.host.strip()
        values: Sequence[str] = (given,)
        assigned: _ScriptValues | None = None
        if "$" in given:
            assigned = _assigned_values(script, self._instance_region(walk))
            values = filled_texts(given, assigned.at_destination(found.offset))
        files: Mapping[str, str] | None = None
        for value in values:
            if value[:1] in ("<", "{"):
                yield value, value, False
                continue
            if files is None:
                files = {**walk.script_files, **written_files(script)}
            if "$(" in value or "`" in value:
                # alired55: `--replication-configuration "$(cat /tmp/r.xml)"` of the file the script wrote passed
                if assigned is None:
                    assigned = _assigned_values(script, self._instance_region(walk))
                texts = _script_substituted(value, assigned.at(found.offset), files, self._instance_region(walk))
                yield from ((value, text, True) for text in texts) if texts is not None else [(value, None, True)]
                continue
            name = value.removeprefix("file://")
            if not value.startswith("file://") and not name.lower().endswith((".xml", ".json")):
                continue
            # the file as the script names it where it writes it too (`cat > $F <<EOF`, written as `$F`)
            yield value, files.get(name) or files.get(given.removeprefix("file://")), True

    def _judge_unknown_script_value(self, walk: _Walk, found: ScriptHost, value: str, path: str) -> None:
        """A destination argument holding a command substitution the engine cannot compute (scripts52: ``--region
        $(curl https://...)``, ``psql -h $(cat FILE)`` of a file the script did not write): residency is proven, not
        assumed, so a Region there is an unknown Region (RES-011) and a host an unproven one (RES-015), declared by
        the text as written. A zone is left as an unset variable's (judged where it is set). (alired53b) An owner
        account (``--CenUid $(...)``, ``P=$(cat FILE)`` then ``--DestinationEndpointOwnerID $P``) is an unproven
        account (RES-023), declared by the text as written: each of these parameters defaults to the caller's account
        (or is needed only across accounts), so one given at all names another account unless a literal proves it
        is the stack's own."""
        where = f"{path}.{found.command}"
        if found.region:
            self._judge_unknown_region(walk, value, where)
            return
        if found.account or found.policy:
            # alired54: a policy document read from a file the script does not write (`--Policy "$(cat p.json)"`)
            # grants accounts no literal shows, as an owner account's substitution does.
            detail = (
                f"{value!r} is a command substitution whose output the engine cannot compute: nothing proves the "
                f"account it names, which receives or joins what the call shares, is the stack's own or stays in "
                f"{self._j()}. Write the account's UID (the stack's own passes when its provider assumes a role of "
                "it), or declare it in sovereign-dc:destinations by this exact text."
            )
            self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, where, value, detail, (value.strip(),))
            return
        if found.zone is not None:
            return
        self._judge_unknown_host(walk, value, where)

    def _judge_unknown_host(self, walk: _Walk, value: str, where: str) -> None:
        """A host a script gives as a command substitution the engine cannot compute (a command's host argument,
        scripts52; a URL's host or a settings file's host key holding one through a variable, scripts53b): unproven
        (RES-015), declared by the text as written."""
        detail = (
            f"{value!r} is a command substitution whose output the engine cannot compute (not a literal, a filter of "
            f"one, a file the script writes, nor the machine's own name or metadata): nothing proves the host it "
            f"connects to is in {self._j()}. Write the host, or declare it in sovereign-dc:destinations by this exact "
            "text."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, where, value, detail, (value.strip(),))

    def _judge_undefined_config_value(self, walk: _Walk, value: str, where: str) -> None:
        """(config55) A destination a configuration file gives through a name the file's own definitions do not give
        (syslog-ng's `` `name` `` without an ``@define``: the daemon's environment at run time): unproven (RES-015),
        declared by the text as written."""
        detail = (
            f"{value!r} names its host through a variable the configuration does not define (syslog-ng reads an "
            f"undefined `name` from its environment): nothing proves the host it sends to is in {self._j()}. Define "
            "the name with @define, write the host, or declare it in sovereign-dc:destinations by this exact text."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, where, value, detail, (value.strip(),))

    def _judge_unknown_region(self, walk: _Walk, value: str, where: str) -> None:
        """A Region a script gives as a command substitution the engine cannot compute (a command's Region argument,
        scripts52; a Region variable or a settings file's ``region``, scripts53b): an unknown Region (RES-011), declared
        by the text as written."""
        ref = Reference("region", walk.cloud, value, value.strip(), known_region=False)
        self._judge(walk, ref, where, RuleId.REGION_FIELD_IN_JURISDICTION)

    def _judge_substituted_region(
        self, walk: _Walk, value: str, values: _ScriptValues, offset: int, where: str, cloud: Cloud | None = None
    ) -> None:
        """(scripts53b) A Region holding a command substitution, set where the script's later calls read it (``export
        AWS_REGION=$(...)`` or ``$R`` holding one, a settings file's ``region = $R``): each value the one evaluator
        computes judged as a Region (the metadata's own Region passes), one it cannot compute an unknown Region."""
        own = self._instance_region(walk)
        files = {**walk.script_files, **values.files} if values.files else walk.script_files
        given = _script_substituted(value, values.for_evaluation(offset, files, own), files, own)
        if given is None:
            self._judge_unknown_region(walk, value, where)
            return
        for text in given:
            self._judge_script_region(walk, text, where, cloud)

    def _judge_script_host(
        self, walk: _Walk, found: ScriptHost, value: str, path: str, own_ram: frozenset[str] = frozenset()
    ) -> None:
        """One value a script's command connects to (:meth:`_judge_script_hosts`): a region, a zone, an account or a
        host. ``own_ram``: a policy document's RAM principals built from the machine's own account (falsealarm55)."""
        if found.region:
            self._judge_script_region(walk, value, f"{path}.{found.command}", self._command_cloud(found.command))
            return
        if found.account or found.policy:
            # alired54b: an account or policy document of the aliyun CLI is Alibaba Cloud's on any machine (an EC2
            # instance may run `aliyun ram CreateRole`): read as the command's cloud's, not the machine's (an AWS walk
            # parses no `acs:ram::` principal and no RAM document, so each passed on an AWS machine).
            machine = walk.cloud
            walk.cloud = self._command_cloud(found.command) or machine
            try:
                if found.account:
                    self._judge_script_account(walk, value, f"{path}.{found.command}")
                else:
                    self._judge_script_policy(walk, value, f"{path}.{found.command}", own_ram)
            finally:
                walk.cloud = machine
            return
        zone_cloud = as_cloud(found.zone)
        if zone_cloud is not None:
            self._judge_script_zone(walk, zone_cloud, value, f"{path}.{found.command}")
            return
        parser = self.parser
        word = found.word if value == found.host else value
        if parser.has_candidates(value) or (parser.has_candidates(word) and parser.scan(word, screened=True)):
            return
        self._judged_as_bare_host(walk, value, f"{path}.{found.command}")

    def _judge_script_account(self, walk: _Walk, value: str, path: str) -> None:
        """(alired53) The Alibaba Cloud account a script's aliyun command writes into or joins (``script_commands``
        form ``alicloud-account``: a DTS job's ``--DestinationEndpointOwnerID``, a peering's ``--AcceptingAliUid``),
        judged as the same input of the resource (``written_account_fields``: RES-023 unless a provider of the stack
        assumes a role of it, or declared). A variable left as written is judged where it is set."""
        text = value.strip()
        if _ALI_OWNER_UID.fullmatch(text):
            self._judged_as_account(walk, f"acs:ram::{text}:root", path, written=text)
        elif "$" in text:
            self._judge_unset_script_value(walk, text, path)

    def _judge_unset_script_value(self, walk: _Walk, value: str, path: str) -> None:
        """An owner account or a policy document a script's aliyun command is given as a variable still unfilled
        (:meth:`_judge_script_account`, :meth:`_judge_script_policy`): RES-023, declared by the text as written."""
        # alired54: a variable no line of the script sets (the values that reach the line were filled in before:
        # one left is unset there, or set only by an environment no door sees). Each of these parameters is given
        # only to name another account, so nothing proves it the stack's own: RES-023, declared by the text.
        # alired54b: a policy document so (`--AssumeRolePolicyDocument "$POLICY"`, POLICY assigned a here-document
        # by `$(cat <<EOF` over several lines, which the evaluator does not read) grants accounts no literal shows.
        text = value.strip()
        detail = (
            f"{text!r} is a variable the script never sets before this call: nothing proves the account it names, "
            f"which receives or joins what the call shares, is the stack's own or stays in {self._j()}. Write the "
            "account's UID (the stack's own passes when its provider assumes a role of it), or declare it in "
            "sovereign-dc:destinations by this exact text."
        )
        self._add_coverable(walk, RuleId.GRANTED_ACCOUNT_PROVEN, path, text, detail, (text,))

    def _judge_script_policy(self, walk: _Walk, value: str, path: str, own_ram: frozenset[str] = frozenset()) -> None:
        """(alired54) A RAM policy document a script's aliyun command attaches (``script_commands`` form
        ``alicloud-policy``: a role's ``--AssumeRolePolicyDocument``, a key's ``--Policy``), walked as the document
        input of the resource twin is (ram.Role ``assume_role_policy_document``, kms.Key ``policy``): an Allow
        statement's ``RAM`` principal is a granted account (RES-023 unless the stack's own or declared), a ``Service``
        principal grants none. Text that is no JSON object (another API's ``--Policy``) is nothing here."""
        if value.lstrip()[:1] != "{":
            if value.lstrip()[:1] == "$":
                self._judge_unset_script_value(walk, value, path)
            return
        try:
            document = json_or_none(value)
        except DocumentBeyondBounds as beyond:
            detail = f"This policy document is {beyond.bound}, beyond the engine's bounds, so it cannot be judged."
            walk.add(RuleId.DOCUMENT_WITHIN_BOUNDS, path, value[:_SHOWN_DOCUMENT], detail)
            return
        if isinstance(document, dict):
            self._walk_document(walk, document, f"{path}(json)", walk.kpath[-1] if walk.kpath else "policy", 0)
            if "acs:ram::$" in value:
                # alired54b: a principal built from a variable the script never sets (`acs:ram::$UID:root` in a
                # here-document or a double-quoted document, UID unset): no account the walk can read, so it failed
                # open; it names an account nothing proves, as an unset owner parameter does (declared by its text).
                for unset in sorted(set(_UNSET_RAM_ACCOUNT.findall(value)) - own_ram):
                    self._judge_unset_script_value(walk, unset, path)

    def _command_cloud(self, command: str) -> Cloud | None:
        """The cloud whose Regions a script command's region values name (``script_commands`` ``cloud``: ``aws``'s
        are AWS's, ``aliyun``'s Alibaba Cloud's), by its name (``aws s3``: ``aws``); None: either cloud's."""
        spec = self.endpoints.script_commands.get(command.split(" ", 1)[0])
        return spec.cloud if spec is not None else None

    def _judge_script_region(self, walk: _Walk, value: str, path: str, cloud: Cloud | None = None) -> None:
        """A region a script's command or assignment sends its requests to (``--region us-east-1``,
        ``AWS_REGION=us-east-1``), of either cloud (an ECS instance may run the aws CLI): judged as a region field. A
        variable (``$REGION``, ``{{ region }}``) is no region-shaped value and is left alone. ``cloud``: the command's
        cloud, whose Region a name both clouds use is (mutation52: `aliyun ... --RegionId eu-west-1` is Alibaba Cloud's
        London on an AWS machine too, and `aws ... --region eu-west-1` AWS's Ireland on an Alibaba Cloud machine; each
        was judged as the machine's cloud); a name only the other cloud has stays that cloud's, as before."""
        for part in _list_items(value):
            ref = self.parser.region_field(cloud or walk.cloud, part, any_cloud=True) if part else None
            if ref is None:
                continue
            if ref.kind != "region":
                self._judge(walk, ref, path, RuleId.REGION_FIELD_IN_JURISDICTION)
                continue
            # The rule's fix speaks of replication and copies; a script's region needs its own (found by the stop-31
            # false-alarm review): where the calls go, and the region id as the register match that accepts it.
            for rid, problem in self._problems(ref, RuleId.REGION_FIELD_IN_JURISDICTION):
                detail = (
                    f"{problem} The script's --region or region variable sends its calls there: use the stack's region "
                    f"(or read it from the instance metadata), or declare the transfer in sovereign-dc:destinations "
                    f"with match {ref.text!r}."
                )
                self._add_coverable(walk, rid, path, ref.text, detail, _names(ref))

    def _judge_script_zone(self, walk: _Walk, cloud: Cloud, value: str, path: str) -> None:
        """A zone a script's cloud CLI command places what it creates in (``aws ec2 create-subnet
        --availability-zone-id euw2-az1``: form ``aws-zone``), judged as a zone field of that cloud (RES-008), each
        item of a list too. A variable (``$AZ``) is no zone-shaped value and is left alone."""
        for part in _list_items(value):
            zone = self.parser.zone_field(cloud, part) if part else None
            if zone is None:
                continue
            self._judge(walk, zone, path, RuleId.ZONE_IN_JURISDICTION)
            if zone.zone_group is not None and zone.region in self.jurisdiction.regions(cloud):
                self._judge_zone_group(walk, zone, path)

    def _judged_as_bare_host(self, walk: _Walk, value: str, path: str) -> bool:
        """A bare host or an e-mail address under a host key, judged as a destination; False when it is neither."""
        target = value.lower()
        if "@" in target:  # an e-mail address (SNS email subscriptions): the mail goes to its domain
            email = _EMAIL.match(target)
            target = email.group(1) if email else target
        if is_host_shaped(target):
            host = target.rsplit(":", 1)[0] if target.count(":") == 1 else target
        else:
            # Residency is proven, not assumed: a host written another way (a path or `_<number>` fields after it,
            # a bracketed IPv6 literal with a port, a numeric IPv4 form) is judged as the host it names. Only values
            # under a host key that failed the shape test pay for this.
            unshaped = unshaped_host(target)
            if unshaped is None:
                # Placeholders before a fixed domain (`#{host}.partner.example.com`, `${SVC}.ns.svc.cluster.local`):
                # whatever fills them, the host is under that domain, judged as the stack template's URLs are (each
                # placeholder one label). Declared by the domain's wildcard (`*.partner.example.com`) or the value as
                # written, which the reference keeps beside the host.
                # Read as written, not lower-cased: printf's `%s` is no strftime `%S`.
                filled = placeholder_host(target if target != value.lower() else value)
                if filled is None:
                    return False
                ref = self.parser.host(idna_form(filled) or filled, in_url=False)._replace(url=value.strip())
                self._judge(walk, ref, path, RuleId.DESTINATION_HOST_PROVEN)
                return True
            host = unshaped
        # An internationalised name is looked up as its ASCII (IDNA) form, which is what is judged: a unicode spelling
        # of a catalogued cloud host is that host, anything else an unproven one. (A name the codec refuses is judged
        # as written: a host under no catalogued suffix, unproven.)
        host = idna_form(host) or host
        self._judge(walk, self.parser.host(host, in_url=False), path, RuleId.DESTINATION_HOST_PROVEN)
        return True

    def _judged_as_host_pattern(self, walk: _Walk, value: str, path: str) -> bool:
        """(alired58) One pattern of an allow-list of hosts the service connects to (``host_pattern_keys``: a reindex
        whitelist's ``*.partner.example.com:9200``), a ``*`` matching any text: judged as every host it matches.
        Wildcards in the leading labels only: a host under the fixed domain after them, judged as a placeholder's
        host (declared by the domain's ``*.`` match); an IPv4 pattern whose addresses are all inside one private range
        passes, as each address would; any other pattern (``*:*``, ``47.100.*.*``, a wildcard after a fixed label)
        matches hosts anywhere: unproven, and no declaration names it (the register takes ``*`` only as a host's first
        label), so the hosts are listed instead. mutation58b: a fixed host with any port (``localhost:*``) is judged as
        that host, a bare host; False for any other fixed host (judged as written)."""
        host = _PATTERN_PORT.sub("", value).lower().rstrip(".")
        if "*" not in host:
            # mutation58b (stop 58): a fixed host with any port (`es.partner.example.com:*`, `[2001:db8::5]:*`) is
            # that host (Elastic: "localhost:*", the host and any port); as written (`host:*`) it was no host shape
            # and passed every door, while `host:9200` was RES-015
            return self._judged_as_bare_host(walk, host, path) if value.endswith(":*") and host else False
        octets = _IPV4_PATTERN.fullmatch(host)
        if octets is not None:
            fixed = [int(o) for o in octets.group(1).split(".") if o]
            if fixed and all(o < 256 for o in fixed):
                first = ".".join(str(o) for o in fixed + [0] * (4 - len(fixed)))
                last = ".".join(str(o) for o in fixed + [255] * (4 - len(fixed)))
                # The block the wildcards span is aligned (a /8, /16 or /24): both its ends inside the network's
                # ranges means the whole block is (10.20.*.*, 127.0.10.*).
                if is_private_address(first) and is_private_address(last):
                    return True
        else:
            labels = host.split(".")
            wild = [i for i, label in enumerate(labels) if "*" in label]
            if wild == list(range(len(wild))) and len(labels) > len(wild):
                filled = ".".join([PLACEHOLDER_LABEL] * len(wild) + labels[len(wild) :])
                ref = self.parser.host(idna_form(filled) or filled, in_url=False)._replace(url=value)
                self._judge(walk, ref, path, RuleId.DESTINATION_HOST_PROVEN)
                return True
        detail = (
            f"{value!r} is a pattern of the hosts the service may connect to that matches hosts anywhere: nothing "
            f"proves they are in {self._j()}. List the hosts instead (or a domain's `*.` pattern), each inside "
            f"{self._j()} or declared."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, value, detail, (value,))
        return True

    def _judged_as_site(self, walk: _Walk, value: str, path: str) -> bool:
        """A site written in free text (``site_fields``): no suffix, region or country code in it proves where it is, so
        any value is unproven (RES-015) unless the stack declares it by this exact text. A blank names no site. Always
        True: nothing else is read from the text."""
        text = value.strip()
        if not text:
            return True
        detail = (
            f"{text!r} is a site written in free text (where the circuit or link ends, the customer's data centre): "
            f"nothing in it proves the site is in {self._j()}, and a circuit from a site abroad carries the traffic "
            "across the border. Declare the site by this exact text (kind: resident with the site's evidence, or "
            "kind: transfer with its legal basis)."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, value, detail, (text,))
        return True

    def _judged_as_phone(self, walk: _Walk, value: str, path: str, kind: str) -> bool:
        """A phone field's number(s), or a country field's country; True when nothing else is left to judge
        (a URL, ARN or e-mail address in a field that also takes numbers is judged as usual)."""
        stripped = value.strip()
        if kind == _COUNTRY:
            code = stripped.upper()
            if code not in self.jurisdiction.countries:
                detail = (
                    f"{code} is not one of {self._j()}'s countries: texts and calls of a number there, or calls "
                    "allowed to it, go through that country's carriers."
                )
                self._add_coverable(walk, RuleId.DESTINATION_PHONE_PROVEN, path, value, detail, (code,))
            return True
        lowered = stripped.lower()
        if lowered in self._per_message_phones:
            detail = (
                f"{stripped} names no phone number: the numbers texts go to come with each message when it is "
                f"published, so nothing here proves they are in one of {self._j()}'s countries. Subscribe the "
                "numbers themselves (with their country code), or declare this endpoint."
            )
            self._add_coverable(walk, RuleId.DESTINATION_PHONE_PROVEN, path, value, detail, (stripped,))
            return True
        prefix = next((p for p in self._phone_prefixes if lowered.startswith(p)), None)
        if prefix is not None:  # an MNS SMS endpoint sms:directsms:{Phone}: the number after the scheme
            stripped = stripped[len(prefix) :].strip()
        parts = [p for p in _ITEM_SPLIT.split(stripped) if p.strip()]
        if not parts or not all(is_phone_shaped(p) for p in parts):
            return False
        for part in parts:  # DTS alarm phones: "13800138000,13900139000"
            self._judge_phone(walk, part.strip(), path)
        return True

    def _judge_phone(self, walk: _Walk, value: str, path: str) -> None:
        number = normalise(value)
        entry = next((f for p, f in self._phone_entries.get(walk.subject.type, ()) if _at_any(walk.kpath, (p,))), None)
        # A field whose service takes only one country's numbers (``national_country``): a number without its
        # country code is that country's national number, proven there when valid there.
        national = entry.national_country if entry is not None else None
        code = _country_code_beside(walk.parent, entry.country_code_key) if entry is not None else None
        shown = value
        if code is not None and not number.startswith("+"):  # an SLS alert user's phone beside its country_code
            number, shown = f"+{code}{number}", f"{value} (country code {code} beside it)"
        country = country_of(number, national)
        if country is not None and country in self.jurisdiction.countries:
            return
        if country is not None and national is not None and not number.startswith("+"):
            where = (
                f"is a number in {country} (the field takes only {national} numbers), not in one of "
                f"{self._j()}'s countries"
            )
        elif country is not None:
            where = f"is a number in {country}, not in one of {self._j()}'s countries"
        elif national is not None and not number.startswith("+"):
            where = (
                f"is not a valid {national} number, the only numbers the field takes, so nothing proves where texts "
                "and calls to it go"
            )
        elif number.startswith("+"):
            where = "is not a valid number of any country, so nothing proves where texts and calls to it go"
        else:
            where = "has no country code (+<code>), so nothing proves which country texts and calls to it go to"
        detail = f"Phone number {shown} {where}."
        self._add_coverable(walk, RuleId.DESTINATION_PHONE_PROVEN, path, value, detail, (number,))

    def _switched_off_region(self, walk: _Walk) -> bool:
        """This region field names a region its setting turns off (``switched_off_regions``: an account's Region with
        ``enabled = false``), where nothing is sent. A switch not known yet (an Output) is no proof: judged."""
        entries = self._switched_off.get(walk.subject.type)
        if entries is None:
            return False
        for path, when, value in entries:
            if walk.kpath == path:
                switch = prop_of(walk.subject.props, when)
                if isinstance(switch, str):
                    switch = {"true": True, "false": False}.get(switch.strip().lower())
                if isinstance(switch, bool) and switch is value:
                    return True
        return False

    def _judged_as_place(self, walk: _Walk, value: str, path: str, key: str, depth: int, plan: _KeyPlan) -> bool:
        """A region or zone field of a new resource, or an identifier beginning with its Region: judged as a place; True
        when nothing else is left to judge."""
        parser = self.parser
        if plan.region_id and self._judged_as_region_id(walk, value, path, plan.region_id):
            return True
        if plan.region:
            # A region field may hold a list in one string: "cn-north-1,cn-northwest-1".
            parts = _LIST_SPLIT.split(value.strip()) if _LIST_SPLIT.search(value.strip()) else [value]
            # The input's own key (``path`` at the top), not a stored setting's name (``/app/region``).
            override = depth == 0 and _snake(path) in ("region", "region_id")
            # The resource's own region is one of its cloud's; any other region field may name the other
            # cloud's (a setting an application reads: an FC function's AWS_REGION = cn-north-1).
            cloud = walk.cloud if override or plan.region_cloud is None else plan.region_cloud
            document = input_document(value)
            if isinstance(document, list) and all(isinstance(item, str) for item in document):
                # A JSON list of Regions in one string (["eu-west-1", "eu-central-1"]): each item judged, as a comma
                # list's (the lead's review of mutation48, stop 48: an in-country list was RES-011).
                parts, document = document, None
            if isinstance(document, (dict, list)):
                refs = [_document_as_region(cloud, value)]  # a map, or a list of maps: not split into words
            else:
                refs = [r for r in (parser.region_field(cloud, p, any_cloud=not override) for p in parts) if r]
                if refs and _at_any(walk.kpath, self._catalogued_region_fields.get(walk.subject.type, ())):
                    refs = [r for r in refs if r.known_region]  # a name that only looks like a Region is none there
            for ref in refs:
                self._judge(
                    walk,
                    ref,
                    path,
                    RuleId.RESOURCE_REGION_OVERRIDE if override else RuleId.REGION_FIELD_IN_JURISDICTION,
                )
            if refs or not (parser.has_candidates(value) or self._typed_region_place(walk)):
                return True  # otherwise (a URL under a region-ish key) it is judged as any other value
        if plan.zone:
            # A list of zones in one string (an application's CACHE_AZS=use1-az4,use1-az6) is judged zone by zone,
            # as a region list is: each item that is zone-shaped.
            parts = _LIST_SPLIT.split(value.strip()) if _LIST_SPLIT.search(value.strip()) else [value]
            zones = [z for z in (parser.zone_field(walk.cloud, p) for p in parts) if z is not None]
            for zone in zones:
                self._judge(walk, zone, path, RuleId.ZONE_IN_JURISDICTION)
                if zone.zone_group is not None and zone.region in self.jurisdiction.regions(walk.cloud):
                    self._judge_zone_group(walk, zone, path)
            if zones:
                return True
        return False

    def _typed_region_place(self, walk: _Walk) -> bool:
        """Whether the place is a region field by its type's catalogue entry only (``typed_region_fields``), not by its
        key: a value of no Region's form there is judged as any other value (stackjoin51: a stack instance's override
        named `ExportHost` holding a partner's host stays RES-015 by its Parameter's name)."""
        return _at_any(walk.kpath, self._typed_region_fields.get(walk.subject.type, ()))

    def _judged_as_region_id(self, walk: _Walk, value: str, path: str, separator: str) -> bool:
        """An identifier that begins with the Region of what it names (``region_id_fields``: a Cognito user pool id
        ``us-east-1_AbCdEf``): that Region is judged as a region field's value; True when the value had one."""
        head, found, rest = value.partition(separator)
        if found and not rest:
            return False
        # No separator: the Region alone (EDAS's default namespace is "in the `region ID` format", as SAE's is).
        ref = self.parser.region_field(walk.cloud, head)
        if ref is None:
            return False
        self._judge(walk, ref, path, RuleId.REGION_FIELD_IN_JURISDICTION)
        return True

    def _judge_zone_group(self, walk: _Walk, zone: Reference, path: str) -> None:
        """A Local Zone or Wavelength Zone of an in-country region: proven only by its group's catalogued country
        (Querétaro, Mexico, is a Local Zone of us-east-1)."""
        assert zone.zone_group is not None
        if self.catalogue.aws_region_partition.get(zone.region or "") in self._closed_partitions:
            return  # every zone of the partition is in the jurisdiction (aws-cn in CN), as for hosts and buckets
        country = self.catalogue.local_zone_country(zone.zone_group)
        if country is not None and country in self.jurisdiction.countries:
            return
        where = (
            f"is in {country}, not in one of {self._j()}'s countries"
            if country is not None
            else "is not catalogued (jurisdictions.yaml aws_local_zones), so nothing proves it is in "
            f"{self._j()}: a zone of such a group may be in another country than its parent region {zone.region}"
        )
        detail = (
            f"AWS zone {zone.text} belongs to the Local Zone or Wavelength Zone group {zone.zone_group}, which {where}."
        )
        self._add_coverable(walk, RuleId.ZONE_IN_JURISDICTION, path, zone.text, detail, (zone.text, zone.zone_group))

    def _judged_as_payload(self, walk: _Walk, value: str, path: str, key: str, depth: int, plan: _KeyPlan) -> bool:
        """A JSON or YAML document, or a base64 payload: its content is walked; True when it was one."""
        try:
            return self._judged_as_document(walk, value, path, key, depth, plan)
        except DocumentBeyondBounds as beyond:
            # Fail closed (stop 42): what cannot be read within the bounds cannot be judged. False: the text is still
            # scanned as the engine scans text that is no document (no finding lost).
            shown = (
                value if len(value) <= _SHOWN_DOCUMENT else f"{value[:_SHOWN_DOCUMENT]}... ({len(value)} characters)"
            )
            detail = (
                f"This input's document is {beyond.bound}, beyond the bounds within which the engine reads a document "
                "(docs/residency.md, 'Documents within bounds (stop 42)'), so nothing in it can be proven inside "
                f"{self._j()}."
            )
            walk.add(RuleId.DOCUMENT_WITHIN_BOUNDS, path, shown, detail)
            return False

    def _judged_as_document(self, walk: _Walk, value: str, path: str, key: str, depth: int, plan: _KeyPlan) -> bool:
        """:meth:`_judged_as_payload`, raising :class:`DocumentBeyondBounds` for a document beyond the bounds."""
        stripped = value.lstrip()
        if plan.properties == _SQL:
            return self._judged_as_sql(walk, value, path, key, depth, plan)
        if plan.properties:
            decoded = _decode_payload(value)
            ini = plan.properties == _INI
            text = decoded[1] if decoded is not None else value
            properties = parse_properties(text, ini=ini, attributes=plan.properties == _ATTRIBUTES)
            if properties:
                label = f"{decoded[0]}," if decoded is not None else ""
                self._walk_document(walk, properties, f"{path}({label}{plan.properties})", key, depth, None)
                return True
        if self._judged_as_log_config(walk, stripped, path, key, depth):
            return True
        flow = False
        if stripped[:1] in ("{", "[") or flow_after_preamble(stripped):  # mutation56: `# note` / `---` then `{...}`
            # A document is judged whether or not it contains an ARN (templates, task definitions).
            if plan.template is not None:  # a stack's template (tested here: only documents have one)
                value = self._in_own_stack(walk.subject, value, plan.template)
            # The same reading as documents.input_document (the stage-variables join's), after the stack's own names.
            document = json_or_none(value, depth)
            if isinstance(document, (dict, list)):
                # config56: a cloud-config's write_files content in JSON is read by its file's names too, as YAML is
                document = (
                    self._by_written_names(walk.written, document, path, walk.written_by) if walk.written else document
                )
                self._walk_json_document(walk, document, value, f"{path}(json)", key, depth, plan.template)
                return True
            # mutation55: YAML's flow style begins with a brace too and is no JSON (`{AWSTemplateFormatVersion:
            # '2010-09-09', Resources: {...}}`, a template CloudFormation reads as YAML): read as YAML below, the
            # stack's own names already filled in. Only a text JSON refused pays the YAML parse.
            flow, stripped = True, value.lstrip()
        if flow or looks_like_yaml(stripped):
            if plan.template is not None and not flow:
                stripped = self._in_own_stack(walk.subject, stripped, plan.template)
            document = flow_yaml_or_none(stripped, depth) if flow else yaml_or_none(stripped, depth)
            if isinstance(document, (dict, list)):
                written, defined, ssh_names, written_by = walk.written, walk.defined, walk.ssh_names, walk.written_by
                document = self._by_written_names(written, document, path, written_by)
                if plan.payload and isinstance(document, dict):
                    # k8s62: a manifest a cloud-config writes (a k3s auto-deploy manifest), walked as a document
                    # below, is read by its containers as a script's manifest is
                    self._judge_manifest_containers(walk, stripped, path, depth, walked=True)
                    walk.written = self._written_files(document, f"{path}(yaml)") or written
                    walk.written_by = stripped  # config57: its runcmd may name a written file at a tool's option
                    if "hostname" in stripped.lower():  # config54: a substring test first (most write no ssh config)
                        walk.ssh_names = ssh_names | self._written_ssh_names(document)
                walk.defined = defined | self.parser.defined_names(stripped)
                cnames = walk.cnames
                targets = self.parser.external_targets(stripped)  # config56b: as for a written file's document
                walk.cnames = {**cnames, **targets} if targets else cnames
                try:
                    self._walk_document(walk, document, f"{path}(yaml)", key, depth, plan.template)
                finally:
                    walk.written, walk.defined, walk.ssh_names, walk.cnames = written, defined, ssh_names, cnames
                    walk.written_by = written_by
                self._judge_log_outputs(walk, document, f"{path}(yaml)", "pipeline.outputs[].name")
                return True
        if plan.payload:
            decoded = _decode_payload(value)
            if decoded is not None:
                self._judge_string(walk, decoded[1], f"{path}({decoded[0]})", "user_data", depth + 1)
                return True
        return False

    def _walk_json_document(
        self, walk: _Walk, document: Any, text: str, path: str, key: str, depth: int, template: StackTemplate | None
    ) -> None:
        """(config56b) A JSON document ``text`` walked with the service names it defines: a Kubernetes manifest in JSON
        (a ``List`` in k3s's manifests directory) names its Services as the YAML spelling does, and a host naming one of
        its ExternalName Services is that Service's target (two substring tests first in each reader)."""
        defined, cnames = walk.defined, walk.cnames
        walk.defined = defined | self.parser.defined_names(text)
        targets = self.parser.external_targets(text)
        walk.cnames = {**cnames, **targets} if targets else cnames
        try:
            self._walk_document(walk, document, path, key, depth, template)
        finally:
            walk.defined, walk.cnames = defined, cnames

    def _judged_as_log_config(self, walk: _Walk, stripped: str, path: str, key: str, depth: int) -> bool:
        """A log router's configuration file in its own format: True when the text was one, walked and judged."""
        if stripped[:1] != "{" and "[" in stripped:
            config = fluent_bit_classic(stripped)
            if config is not None:
                # A Fluent Bit classic configuration (stop 42): walked as its sections' keys and values (a bare host
                # under `Host`, a `region`, a `bucket`, judged as in FireLens options), each output judged by name.
                self._walk_document(walk, config, f"{path}(fluent-bit)", key, depth, None)
                self._judge_log_outputs(walk, config, f"{path}(fluent-bit)", "[OUTPUT] Name")
                return True
        if "</" in stripped:
            fluentd = fluentd_config(stripped)
            if fluentd is not None:
                # A Fluentd configuration (leftovers42): walked as its sections' parameters (a bare `host` of
                # out_elasticsearch or out_forward's <server>, a `region`, an `s3_bucket` judged by key, as in Fluent
                # Bit files), each output judged by name (fluentd_unless_set entries).
                self._walk_document(walk, fluentd, f"{path}(fluentd)", key, depth, None)
                self._judge_fluentd_outputs(walk, fluentd, f"{path}(fluentd)")
                return True
        return False

    def _judge_log_outputs(self, walk: _Walk, document: Any, path: str, field: str) -> None:
        """Each output of a Fluent Bit configuration read as a document (YAML, or classic by
        :func:`fluent_bit_classic`) judged by the global-service entries of Fluent Bit outputs (``fluent_bit_output``:
        the same entries as FireLens options, so a default is catalogued once): an output whose ``Name`` an entry
        refuses, none of the entry's ``unless_set`` keys set in that output, is RES-016 unless declared. The output's
        hosts, regions and buckets are judged by the walk of the document, as in FireLens options."""
        outputs = fluent_bit_outputs(document)
        if not outputs:
            return  # most documents (every YAML one is asked): one dict lookup
        code = self.jurisdiction.code
        services = [s for s in self.endpoints.global_services if s.fluent_bit_output and s.judges_in(code)]
        for i, output in enumerate(outputs):
            name = prop_of(output, "name") if isinstance(output, Mapping) else None
            if not isinstance(name, str):
                continue
            for service in services:
                beside = functools.partial(self._set_undecoded, output)  # config64: a decoding cloud_id is a host
                if service.refuses(name, code) and service.placed_by(beside, functools.partial(_fixed_in_file, output)):
                    self._global_finding(walk, service, f"{path}.pipeline.outputs[{i}].name", name, field=field)

    def _judge_fluentd_outputs(self, walk: _Walk, document: dict[str, Any], path: str) -> None:
        """Each output of a Fluentd configuration (:func:`fluentd_outputs`) judged by the global-service entries
        that describe its plugin's default (``fluentd_unless_set``: the Fluent Bit output entries whose Fluentd plugin
        sends to the same default): an output whose ``@type`` an entry refuses, none of the entry's Fluentd
        parameters set in that section, is RES-016 unless declared (by the same entry id as the Fluent Bit output)."""
        code = self.jurisdiction.code
        services = [s for s in self.endpoints.global_services if s.fluentd_unless_set is not None and s.judges_in(code)]
        for where, output in fluentd_outputs(document):
            key = "@type" if "@type" in output else "type"
            name = output[key]
            if not isinstance(name, str):
                continue
            for service in services:
                unless = service.fluentd_unless_set or ()
                if (
                    service.refuses(name, code)
                    and not any(_fixed_in_file(output, p) for p in unless)
                    # logplugins44: an entry that refuses only with an input set (Elastic Cloud's `cloud_id`) reads it
                    # in the section too, under the same name (fluent-plugin-elasticsearch's `cloud_id`).
                    and (not service.when_set or any(self._set_undecoded(output, p) for p in service.when_set))
                ):
                    self._global_finding(walk, service, f"{path}.{where}.{key}", name, field=f"<match> {key}")

    def _judged_as_sql(self, walk: _Walk, value: str, path: str, key: str, depth: int, plan: _KeyPlan) -> bool:
        """A Flink SQL script (``sql_documents``): each WITH clause's ``'key' = 'value'`` options walked as a document
        (a Kafka sink's ``properties.bootstrap.servers`` is a host key's value), the rest of the text scanned as free
        text; True when it had options."""
        options, rest = parse_sql_options(value)
        if not options:
            return False
        self._walk_document(walk, options, f"{path}(sql)", key, depth, None)
        if self.parser.has_candidates(rest):
            self._judge_references(walk, rest, path, key, plan.own_region)
        return True

    def _judge_references(self, walk: _Walk, value: str, path: str, key: str, own_region: bool = False) -> None:
        """Every cloud reference in free text (ARNs, endpoints, OSS locations), each under its rule.

        ``own_region``: a regionless S3 or OSS bucket named here is in the resource's own region (the service
        requires it), so it is not judged as a regionless reference."""
        private = self._host_headers.get(walk.subject.type)
        if private is not None and walk.kpath == private[0] and _through_made_link(walk, private[1]):
            return  # the Host header and TLS name of a private integration: its requests go to the link's NLB
        body = self._body_host_headers.get(walk.subject.type)
        if body is not None and walk.kpath[:1] == (body.input,) and _body_through_made_link(walk, body):
            return  # the same, written in the API's OpenAPI body (vpc_links.bodies)
        parser = self.parser
        if walk.template_resources is None and "://" in value:
            self._judge_placeholder_buckets(walk, value, path)
        location = (
            parser.oss_location(value.strip(), location_key=key == "location" or key.endswith("_location"))
            if "oss-" in value  # a location starts with it (``oss_location``'s first test): most values skip the call
            else None
        )
        if location is not None:
            self._judge(
                walk,
                location,
                path,
                RuleId.EXISTING_RESOURCE_IN_JURISDICTION if walk.existing else RuleId.OSS_LOCATION_IN_JURISDICTION,
            )
        if (
            _STAGE_VARIABLE_TEXT in value
            and walk.kpath[-1:] in _INTEGRATION_URI_KEYS
            and "://" in value
            and self._judge_mapped_host(walk, value, path, key)
        ):
            return  # a host from stage variables: judged there (the Stages' values), not as the fixed part reads
        setting_files, setting_names = self.endpoints.unused_setting_files
        if any(name in value for name in setting_names) and may_write_files(value):
            value = _without_unused_settings(value, setting_files, self._config_entry)
        for ref in parser.scan(value, screened=True, defined=walk.defined):
            if walk.ssh_names and _names_ssh_alias(ref, walk.ssh_names, value):
                continue  # falsealarm53b: `user@alias:path` (scp, rsync, ProxyJump) is the alias's HostName, judged
            if ref.url is not None and _HOST_SETTING.match(ref.url) and self._in_ssh_entry_line(value, ref.url):
                continue  # falsealarm54b: `Host = name` in an ssh_config the script writes: the entry's own name
            bare_regionless = ref.kind == "endpoint" and ref.region is None and not ref.in_url and ref.edge is None
            if bare_regionless and self._principal(walk, key, ref):
                continue
            if bare_regionless and "Service" in value and self._in_policy_principal(value, ref):
                continue  # falsealarm55: a policy document's `"Principal": {"Service": ...}` written in free text
            if own_region and ref.kind == "bucket":
                self._judge_bucket(walk, ref, path, own_region=True)  # an ARN's partition only
                continue
            rule_id = RuleId.EXISTING_RESOURCE_IN_JURISDICTION if walk.existing else _RULE_FOR_KIND[ref.kind]
            self._judge(walk, ref, path, rule_id)
            if ref.kind == "aws-arn" and "apigateway:" in ref.text.lower():
                self._judge_mapped_bucket(walk, ref, path)
        if "://{" in value and walk.kpath[-1:] in _INTEGRATION_URI_KEYS and _STAGE_VARIABLE_TEXT not in value:
            self._judge_mapped_host(walk, value, path, key)

    def _judge_mapped_host(self, walk: _Walk, value: str, path: str, key: str) -> bool:
        """An API Gateway integration URL whose host is a path parameter (``https://{host}/orders``) or a stage variable
        (``https://${stageVariables.backend}/orders``), which the reference scan leaves to what fills it (or reads as a
        host under the fixed domain after it, which a stage variable's ``/`` or ``?`` escapes). In a REST API the
        integration request parameter ``integration.request.path.<name>`` beside the URL fills a path parameter: a
        quoted static value is the host, judged in the URL as written; any other source (the caller's
        ``method.request.*``, ``stageVariables.*``, ``context.*``) is a host chosen when the API runs, unproven
        (RES-015) unless the exact expression is declared. A host from stage variables only is proven when every Stage
        of the Integration's API in the program sets them (``stages.StageJoin``; each Stage's value is judged as the
        host it makes there, ``_judged_as_stage_host``). An HTTP API (``integration_uri``) fills a path parameter from
        the route's path variable ("You can reference path variables in the integration URI", HTTP API HTTP proxy
        integrations): the caller's. Whether API Gateway accepts a parameter in the host at all is not documented in
        the pages read: either way no program it deploys is refused for it. A placeholder not mapped, or a mapping not
        known yet, is left (nothing names a host here). True when a stage-variable host was judged here (the scan must
        not read it again)."""
        after = value.split("://", 1)[1]
        authority = url_authority(after)
        placeholders = [p for p in integration_placeholders(authority) if not p[2] or p[1].startswith(_STAGE_VARIABLE)]
        if not placeholders:
            return False
        if walk.kpath[-1] == "integration_uri":  # an HTTP API route's path variables: the caller's
            filled = value
            runtime = [name if variable else f"{{{name}}}" for _, name, variable in placeholders]
        else:
            mapped = self._mapped_placeholders(walk, placeholders, value)
            if mapped is None:
                return False
            filled, runtime = mapped
        staged = any(s.startswith(_STAGE_VARIABLE) for s in runtime)
        if staged and self._set_by_every_stage(walk, runtime):
            # Every Stage of the API sets each variable; each Stage's value is judged where it writes the host. The
            # rest of the URL (its path and query) is judged as any text.
            rest = after[len(authority) :]
            if self.parser.has_candidates(rest):
                self._judge_references(walk, rest, path, key)
            return True
        if runtime:
            unset = " that not every Stage of its API in this program sets" if staged else ""
            detail = (
                f"The host this API Gateway integration sends requests to is chosen when the API runs "
                f"({', '.join(runtime)} fills the host of {value!r}: the caller's request, a stage variable{unset} or "
                f"the request context), so it cannot be proven in {self._j()}. Fix: write the in-country host in the "
                "URL and take only the path from the request, set the stage variable to an in-country host on every "
                "Stage of the API in this program, or declare the expression."
            )
            self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, value, detail, (*runtime, value))
            return staged
        self._judge_references(walk, filled, path, key)
        return False

    def _mapped_placeholders(
        self, walk: _Walk, placeholders: Iterable[tuple[str, str, bool]], text: str
    ) -> tuple[str, list[str]] | None:
        """What fills an API Gateway integration URI's placeholders: ``text`` with each one that the REST integration
        request parameter ``integration.request.path.<name>`` beside the URI maps to a quoted static value ("static
        values should be enclosed in single quotes") filled in, and the sources of the others, chosen when the API runs
        (the caller's ``method.request.*``, ``stageVariables.*``, ``context.*``; a ``${...}`` variable written in the
        URI is its own source). None when a placeholder is unmapped or its mapping not known yet (a preview's
        unknown): nothing names a destination here."""
        parameters = prop_of(walk.parent, "request_parameters") if isinstance(walk.parent, Mapping) else None
        runtime: list[str] = []
        for whole, name, variable in placeholders:
            source = name if variable else None
            if source is None:
                mapped = parameters.get(f"integration.request.path.{name}") if isinstance(parameters, Mapping) else None
                if not isinstance(mapped, str):
                    return None
                source = mapped.strip()
                if len(source) >= 2 and source[0] == source[-1] == "'":
                    text = text.replace(whole, source[1:-1])
                    continue
            runtime.append(source.lstrip("$"))
        return text, runtime

    def _judge_mapped_bucket(self, walk: _Walk, ref: Reference, path: str) -> None:
        """An API Gateway integration URI calling S3 whose bucket is a placeholder (``s3:path/{bucket}/{key}``,
        ``s3:action/PutObject&Bucket={bucket}``, ``{bucket}.s3:path/{key}``): each ``{name}`` is filled from the request
        parameter ``integration.request.path.<name>`` beside the URI (the Integration's ``request_parameters``, an
        OpenAPI ``x-amazon-apigateway-integration``'s ``requestParameters``). A quoted static value (``'drop'``:
        "static values should be enclosed in single quotes", x-amazon-apigateway-integration.requestParameters) is the
        bucket, judged as any bucket name; any other source (``method.request.path.folder``, ``...querystring.x``,
        ``...header.x``, the body, ``context.*``, ``stageVariables.*``, also written in the URI as ``${...}``) is chosen
        when the API runs: unproven, as a workflow's run-time destination, unless the exact expression is declared or
        the partition lies wholly in the jurisdiction (aws-cn in CN). A placeholder no parameter maps, or a mapping not
        known yet (a preview's unknown), names nothing to judge here."""
        template = integration_bucket_template(ref.text)
        if not template or not any(c in template for c in "{}$"):
            return  # another service, or a bucket written out (the parser's bucket reference)
        if ref.partition is not None and ref.partition not in self.jurisdiction.aws.partitions:
            return  # the URI's partition is refused already
        mapped = self._mapped_placeholders(walk, integration_placeholders(template), template)
        if mapped is None:
            return  # unmapped, or not known yet
        name, runtime = mapped
        if runtime:
            if set(self.jurisdiction.aws.partitions) <= self._closed_partitions:
                return  # whatever bucket it names is in the partition, in-country
            if self._set_by_every_stage(walk, runtime):
                return  # every Stage of the API sets it, and each Stage's value is judged as a bucket there
            detail = (
                f"The bucket this API Gateway integration calls S3 on is chosen when the API runs "
                f"({', '.join(runtime)} fills {template!r} in {ref.text!r}: the caller's request, a stage variable or "
                f"the request context), so it cannot be proven in {self._j()}. Fix: write the stack's bucket in the "
                "uri or map a quoted static value ('<bucket>'), take only the key from the request, or declare the "
                "expression."
            )
            names = (*runtime, ref.text)
            self._add_coverable(walk, RuleId.REGIONLESS_REFERENCE_PROVEN, path, ref.text, detail, names)
            return
        if name and not any(c in name for c in "{}$"):
            self._bucket_verdict(walk, name, ref.partition, "aws", path, ref.text)

    @staticmethod
    def _set_by_every_stage(walk: _Walk, runtime: Sequence[str]) -> bool:
        """Whether each run-time source of an integration's S3 bucket or host is a stage variable that every Stage of
        the integration's API in the program sets (``stages.StageJoin``, asked through ``known``; at least one Stage):
        each Stage's value is then judged as a bucket or host at the Stage (``_judged_as_stage_variable``), so the
        bucket or host is proven when every Stage is. A source from the request or its context, or an API with no Stage
        in the program (one the console or another stack adds names any bucket or host), is not."""
        known = walk.known
        if known is None or not _integration_uri_at(walk.subject.type, walk.kpath):
            return False
        names = [s.removeprefix("stageVariables.") for s in runtime]
        return all(s.startswith("stageVariables.") for s in runtime) and all(
            known(SET_BY_EVERY_STAGE + n) for n in names
        )

    def _judged_as_stage_variable(self, walk: _Walk, value: str, path: str, key: str) -> bool:
        """A Stage's variable (``variables.<name>``, an HTTP API's ``stage_variables.<name>``, a REST canary's
        ``canary_settings.stage_variable_overrides.<name>``) that an Integration of its API reads as its S3 bucket or
        in its host (``stages.StageJoin``, asked through ``known``): judged so there, not as a bare host; True when so
        judged."""
        known = walk.known
        if walk.kpath[:-1] not in _STAGE_VARIABLE_MAPS or walk.existing:
            return False
        if known is not None:
            bucket = self._judged_as_stage_bucket(walk, known, value, path, key)
            if self._judged_as_stage_host(walk, known, value, path, key) or bucket:
                return True
        # (awsred59) A number no Integration of the program reads in its host (`version: 2.3.1`, `pageSize: 20000000`)
        # is no address: only inet_aton(3) reads 2.3.1 as 2.3.0.1, and a stage variable is a host only where a URL
        # holds it (read above, the URL judged with the value written in). A dotted quad stays judged as an address.
        text = value.strip()
        return text[:1].isdigit() and not is_ip(text) and numeric_ipv4(text) is not None

    def _judged_as_stage_host(self, walk: _Walk, known: Callable[[str], bool], value: str, path: str, key: str) -> bool:
        """A Stage's variable an Integration of its API reads in its host (``https://${stageVariables.<name>}/``,
        ``known``'s ``host_templates``): each such URL judged with the Stage's value written in (RES-015 at the Stage
        unless the host is proven or declared), the other variables left as placeholders (each judged where its value
        is). A blank value is the Integration's to refuse (the variable is unset)."""
        text = value.strip()
        templates = read_as_host(known, key) if text else frozenset()
        for template in sorted(templates):
            self._judge_references(walk, fill_stage_variable(template, key, text), path, key)
        return bool(templates)

    def _judged_as_stage_bucket(
        self, walk: _Walk, known: Callable[[str], bool], value: str, path: str, key: str
    ) -> bool:
        """A Stage's variable that an Integration of its API reads as its S3 bucket (``${stageVariables.<name>}``,
        ``stages.StageJoin``, asked through ``known``): judged as a bucket name (RES-017 unless the stack makes it or it
        is declared; aws-cn by partition), not as a host; True when so judged."""
        if not known(READ_AS_BUCKET + key):
            return False
        name = _bucket_name_form(value.strip())
        if not name:
            return False
        self._judge_bucket_name(walk, name, path, text=value)
        return True

    def _walk_document(
        self, walk: _Walk, document: Any, path: str, key: str, depth: int, template: StackTemplate | None = None
    ) -> None:
        runs = self._instance_runs(walk, template)
        if runs is None:
            self._walk_one_document(walk, document, path, key, depth, template)
            return
        outer = walk.stack_parameters
        try:
            for values in runs:
                walk.stack_parameters = values
                self._walk_one_document(walk, document, path, key, depth, template)
        finally:
            walk.stack_parameters = outer

    def _instance_runs(self, walk: _Walk, template: StackTemplate | None) -> list[dict[Any, Any]] | None:
        """(stackinst50) The Parameter values a Pulumi StackSet's / stack group's own template runs with when stack
        instances of the program name it (``stack_set_instances``, handed through ``known``:
        :func:`~components.residency.known.instance_overrides`): each instance's overrides over the StackSet's own
        ``parameters``, each distinct set once (:func:`_instance_values`, as a template StackSet's instance groups).
        None (read once, with the StackSet's own values and Defaults) for any other template, a nested one, or a
        StackSet no instance of the program names."""
        if template is None or template.region is not None or walk.stack_parameters is not None:
            return None
        if walk.template is not None or walk.subject.type not in self._stack_set_types:
            return None
        found = instance_overrides(walk.known)
        if found is None:
            return None
        given = _given_values(_given_parameters(walk.subject.props))
        defer = walk.defer
        hidden = [o for o in found if defer is not None and defer(o)]
        shown = [_given_values(o) for o in found if o not in hidden]
        runs: list[dict[Any, Any]] = _instance_values(given, shown) if shown else []
        # Overrides not known here (a preview's unknown; a secret the document blinds: pulumi-alicloud marks a ROS
        # instance's overrides secret) may give any Parameter: each is that value, deferred where it is used, as a
        # stack's given value not known yet is. Read with the Defaults instead, a compliant preview was refused.
        return [*runs, *(_AnyParameter(o) for o in hidden[:1])] if hidden else runs

    def _walk_one_document(
        self, walk: _Walk, document: Any, path: str, key: str, depth: int, template: StackTemplate | None = None
    ) -> None:
        parent, known, resources = walk.kpath, walk.known, walk.template_resources
        nested: list[tuple[str, Any, dict[Any, Any], StackTemplate]] = []
        if template is not None and isinstance(document, dict):
            # First: a nested stack's body or an OOS template's Content built by a text function is then its text.
            stack = self._own_stack(walk, template)
            rows = _region_keyed_maps(document, stack) if "Mappings" in document else None
            document = _evaluated_functions(document, document, stack)
            if rows:
                document = _without_unread_rows(document, rows, stack)
        if template is not None and template.nested and isinstance(document, dict):
            document, nested = self._nested_templates(walk, document, template)
        if template is not None and template.placeholder_documents and isinstance(document, dict):
            document = self._template_placeholder_documents(walk, document, template)
        if template is not None and isinstance(document, dict):
            if template.region is not None:
                # A Parameter inside an Fn::Sub text (`https://oss-${OssRegion}-internal.aliyuncs.com`) is the value the
                # stack gives it, else its Default, as at a whole region field (false-alarm review of stop 34's second
                # round); one with neither stays a variable, unproven. Not in a StackSet's or stack group's template
                # (no region of its own): each instance may override a Parameter, and overrides are not joined here.
                declared = document.get("Parameters")
                pairs = _stack_values(walk)
                deferred = {
                    str(n): v for n, v in pairs.items() if walk.defer is not None and v is not None and walk.defer(v)
                }  # fmt: skip
                unknown = {str(n) for n, v in pairs.items() if not isinstance(v, str)} | set(deferred)
                values = {
                    str(n): v
                    for n in (declared if isinstance(declared, Mapping) else ())
                    if str(n) not in unknown
                    for v in [self._parameter_value(walk, document, str(n))]
                    if isinstance(v, str)
                }
                document = _fill_sub_parameters(document, values)
                if deferred:
                    # A Parameter given a value not known yet (an Output; a preview's unknown): an Fn::Sub using it is
                    # that value, deferred like every other unknown (judged by where it comes from at a first preview;
                    # at `up` the guard judges the template once the given values resolve). It was RES-015 at a host
                    # whatever it resolved to (falsealarm16-*-ros-nested-output at a first preview).
                    document = _defer_sub_parameters(document, deferred)
            given = _given_names(document)  # walks the whole template once, for both below
            walk.template_resources = _template_resources(document, given)
            own = (
                _template_buckets(document, template.bucket_types, given, by_ref=template.bucket_ref)
                if template.bucket_types
                else frozenset()
            )
            if template.group_types:
                own |= _template_groups(document, template.group_types)
            if own:
                # The template's own buckets are made by the stack (in its region), as if the front door knew them.
                walk.known = _WithTemplateBuckets(own, known)
        outer, outer_document = walk.template, walk.document
        walk.document = document
        try:
            if template is not None and isinstance(document, dict):
                walk.template = (template, document)
                self._judge_template_resources(walk, document, path)
            if isinstance(document, dict) and _at_any(parent, self._placeholder_documents.get(walk.subject.type, ())):
                # An OOS template (placeholder_documents): each {{ name }} of a declared parameter is what it runs with.
                given = _given_parameters(walk.subject.props)
                document = _fill_placeholders(document, self._placeholder_values(walk, document, given))
            self._walk(walk, document, path, key, depth + 1, None)
        finally:
            walk.kpath, walk.known, walk.template_resources, walk.template = parent, known, resources, outer
            walk.document = outer_document
        for where, body, values, child in nested:
            # A nested stack's template, in its parent's region (a StackSet's or stack group's, in its instances'
            # regions: ``child``), with the Parameter values its parent gives it.
            outer_given = walk.stack_parameters
            walk.stack_parameters = values
            try:
                self._walk_document(walk, body, f"{path}.{where}", key, depth + 1, child)
            finally:
                walk.stack_parameters = outer_given

    def _own_stack(self, walk: _Walk, template: StackTemplate) -> _OwnStack:
        """(fnsub49) The stack reading ``template`` (:class:`_OwnStack`): its Region when known (:meth:`_in_own_stack`:
        its override, else its provider's); none for a template run in several Regions (a StackSet's)."""
        fill = functools.partial(self._in_own_stack, walk.subject, template=template)
        if template.region is None:
            return _OwnStack(None, None, fill)
        region = fill(template.region)
        given = {str(k): v for k, v in _stack_values(walk).items()}
        return _OwnStack(template.region[2:-1], None if region == template.region else region, fill, given)

    def _nested_templates(
        self, walk: _Walk, document: dict[Any, Any], template: StackTemplate
    ) -> tuple[dict[Any, Any], list[tuple[str, Any, dict[Any, Any], StackTemplate]]]:
        """A template's nested stacks written inline (``stack_templates`` ``nested``: ROS's ``ALIYUN::ROS::Stack``
        ``TemplateBody``, a map or the template's JSON / YAML text; since stop 49 a StackSet's or a stack group's,
        ``AWS::CloudFormation::StackSet`` and ``ALIYUN::ROS::StackGroup``): ``document`` without them, and each as (its
        path, its template, the values it gives the child's Parameters, the ``stack_templates`` entry it is read as). A
        given value that is a ``Ref`` to one of this template's Parameters is that Parameter's value
        (:meth:`_parameter_value`); any other function is not known here, so that Parameter is not filled in from its
        Default. A StackSet's child is read once per distinct set of values its instance groups run with
        (:func:`_instance_values`). A body that is no template stays in ``document`` (walked as before)."""
        kinds = {n.type: n for n in template.nested}
        nested: list[tuple[str, Any, dict[Any, Any], StackTemplate]] = []
        replaced: dict[Any, Any] = {}
        bodies = {kind: n.body for kind, n in kinds.items()}
        for logical_id, resource, props, name, body in _resource_documents(document, bodies):
            kind = kinds[resource["Type"]]
            child = template if kind.runs_as is None else self._stack_template_of(kind.runs_as)
            given = {
                parameter: self._nested_parameter(walk, document, template, value)
                for parameter, value in _given_values(props.get(kind.parameters)).items()
            }
            replaced[logical_id] = {**resource, "Properties": {k: v for k, v in props.items() if k != name}}
            overrides = [
                {p: self._nested_parameter(walk, document, template, v) for p, v in group.items()}
                for group in _instance_overrides(document, props, kind)
            ]
            for values in _instance_values(given, overrides):
                nested.append((f"Resources.{logical_id}.Properties.{name}", body, values, child))
        if not nested:
            return document, []
        return {**document, "Resources": {**document["Resources"], **replaced}}, nested

    def _stack_template_of(self, type_: str) -> StackTemplate:
        """The ``stack_templates`` entry of the Pulumi type ``type_`` (a ``nested`` entry's ``runs_as``, checked to
        name one by ``tests/test_catalogue.py``)."""
        return next(t for t in self.endpoints.stack_templates if t.type == type_)

    def _template_placeholder_documents(
        self, walk: _Walk, document: dict[Any, Any], template: StackTemplate
    ) -> dict[Any, Any]:
        """``document`` with each OOS template its Resources make (``stack_templates`` ``placeholder_documents``:
        ROS's ``ALIYUN::OOS::Template`` ``Content``) read and its placeholders filled (:meth:`_placeholder_values`,
        no execution's parameters), as the same template made in Pulumi is; one that is no document stays as
        written."""
        kinds = {d.type: d.property for d in template.placeholder_documents}
        changed = {
            logical_id: {
                **resource,
                "Properties": {**props, name: _fill_placeholders(body, self._placeholder_values(walk, body, None))},
            }
            for logical_id, resource, props, name, body in _resource_documents(document, kinds)
        }
        if not changed:
            return document
        return {**document, "Resources": {**document["Resources"], **changed}}

    def _nested_parameter(self, walk: _Walk, document: Mapping[Any, Any], template: StackTemplate, value: Any) -> Any:
        """The text a parent template gives a nested stack's Parameter (:meth:`_nested_templates`): literal text as
        written, the parent's own region (``Ref ALIYUN::Region``) when the resource's region is known, a ``Ref`` to one
        of the parent's Parameters as its value (one not known yet as it is, deferred where it is used); None (not
        known here) for anything else."""
        if isinstance(value, Mapping) and len(value) == 1 and template.region is not None:
            if value.get("Ref") == template.region[2:-1]:  # ${ALIYUN::Region} -> ALIYUN::Region
                value = self._in_own_stack(walk.subject, template.region, template)
                return None if "${" in value else value
            reference = _template_reference(value)
            if reference is not None and reference[0] is not None:
                value = self._parameter_value(walk, document, reference[0], reference[1])
        return _literal_or_deferred(walk, value)

    def _s3_bucket_host(self, name: str) -> bool:
        """``name`` is an S3 host naming a bucket (``<bucket>.s3.<region>.amazonaws.com``, a bucket's
        ``bucket_domain_name`` or ``bucket_regional_domain_name``), which a bucket name may spell since bucket names
        hold dots: under a bucket key it is read as the host, its bucket and region judged (the whole text was judged as
        33). So is an edge host (S3 Transfer Acceleration's ``<bucket>.s3-accelerate.amazonaws.com``), judged as its
        edge service: read as a bucket name it passed in aws-cn, where every bucket name is the partition's (mutation
        search round 7, stop 35). One substring test for any other name."""
        if ".amazonaws.com" not in name:
            return False
        ref = self.parser.host(name, in_url=False)
        return bool(ref.bucket) or ref.edge is not None

    def _decide_key_plan(self, type_token: str, kpath: tuple[str, ...], key: str) -> _KeyPlan:
        """What the place of a string decides before its value is read, once per (type, key path, key):
        programs repeat the same few places, so each string pays only for the tests of its value."""
        tokens = _key_tokens(key)
        return _KeyPlan(
            services=self._services_at(type_token, kpath),
            region=_is_region_key(key)
            or kpath[-2:] in self._region_paths
            or _at_any(kpath, self._typed_region_fields.get(type_token, ())),
            zone=_is_zone_key(tokens) or _at_any(kpath, self._typed_zone_fields.get(type_token, ())),
            # S3 bucket names by key or path (aws); OSS bucket names only in the catalogued fields of their types.
            # A bucket of a self-managed object store (server_buckets) is no S3 bucket: its server's host is judged.
            bucket=_GROUP
            if _at_any(kpath, self._global_group_fields.get(type_token, ()))
            else _PREFIXED
            if _at_any(kpath, self._bucket_prefix_fields.get(type_token, ()))
            else _VARIABLE
            if package_of(type_token)[0] == "aws"
            and tokens not in self.endpoints.bucket_keys
            and kpath[-2:] not in self._bucket_paths
            and len(kpath) > 1
            and self._variable_bucket(kpath[-2], tokens)
            and not _at_any(kpath, self._server_buckets.get(type_token, ()))
            and not _at_any(kpath, self._destination_fields.get(type_token, ()))
            else _BUCKET
            if (
                tokens in self.endpoints.bucket_keys or kpath[-2:] in self._bucket_paths
                if package_of(type_token)[0] == "aws"
                else _at_any(kpath, self._oss_bucket_fields.get(type_token, ()))
            )
            and not _at_any(kpath, self._server_buckets.get(type_token, ()))
            # A destination field under a bucket key holds a bucket's host (CloudFront's logging bucket,
            # `<bucket>.s3.amazonaws.com`), judged as a host below: read as a bucket name, a foreign partition's or
            # an unplaced host passed in aws-cn, where every bucket name is the partition's.
            and not _at_any(kpath, self._destination_fields.get(type_token, ()))
            else "",
            host=_at_any(kpath, self._destination_fields.get(type_token, ()))
            or self._host_key(tokens)
            or kpath[-2:] in self._host_paths,
            payload=self._payload_key(key)
            or self._in_payload_script(kpath)
            or _at_any(kpath, self._script_fields.get(type_token, ())),
            own_region=_at_any(kpath, self._same_region_buckets.get(type_token, ())),
            match=_at_any(kpath, self._match_fields.get(type_token, ()))
            or _match_key(key, tokens, self.endpoints.match_keys),
            region_cloud=next(
                (
                    as_cloud(c)
                    for c, named in self.endpoints.region_key_clouds.items()
                    if named & set(tokens.split("_"))
                ),
                None,
            ),
            phone=_PHONE_NUMBER
            if _at_any(kpath, self._phone_fields.get(type_token, ()))
            else _COUNTRY
            if _at_any(kpath, self._country_fields.get(type_token, ()))
            else None,
            properties=_PROPERTIES
            if _at_any(kpath, self._properties_documents.get(type_token, ()))
            else _INI
            if _at_any(kpath, self._ini_documents.get(type_token, ()))
            else _SQL
            if _at_any(kpath, self._sql_documents.get(type_token, ()))
            else _ATTRIBUTES
            if _at_any(kpath, self._attribute_documents.get(type_token, ()))
            else "",
            template=next(
                (
                    t
                    for t in self.endpoints.stack_templates
                    if t.type == type_token and kpath == tuple(t.path.split("."))
                ),
                None,
            ),
            region_id=self.endpoints.region_id_separator(package_of(type_token)[0], _snake(key), type_token),
            site=_at_any(kpath, self._site_fields.get(type_token, ())),
            account=next((w for p, w in self._account_fields.get(type_token, ()) if _path_is(kpath, p)), "")
            or next((a.what for a in self.endpoints.account_settings if fnmatch.fnmatchcase(tokens, a.key)), "")
            if package_of(type_token)[0] == "aws"
            else "",
            encoded=self.endpoints.encoded_host_keys.get(tokens.lower(), ""),
        )

    def _payload_key(self, key: str) -> bool:
        return key in self.endpoints.payload_keys or key.endswith("_base64")

    def _in_payload_script(self, kpath: tuple[str, ...]) -> bool:
        """A cloud-config's script text (``payload_scripts``: runcmd, bootcmd, write_files content) right under a
        payload key: read like a script payload. Asked once per place (``_key_plan`` is a memo)."""
        return any(
            len(kpath) > len(script) and kpath[-len(script) :] == script and self._payload_key(kpath[-len(script) - 1])
            for script in (tuple(p.split(".")) for p in self.endpoints.payload_scripts)
        )

    def _is_host_key(self, key: str) -> bool:
        named = _named_by(key, self.endpoints.host_keys) or any(
            key.startswith(prefix + "_") for prefix in self.endpoints.host_key_prefixes
        )
        return named and not _named_by(key, self.endpoints.not_host_keys)

    def _variable_bucket(self, parent: str, tokens: str) -> bool:
        """An environment variable (a key of a user-keyed map, ``parent``) whose name ends in a bucket name's ending
        (``variable_bucket_keys``: ``EXPORT_BUCKET``, ``LOG_BUCKET_NAME``)."""
        return _named_by(tokens, self.endpoints.variable_bucket_keys) and self._user_keyed(parent)

    def _is_user_keyed(self, key: str) -> bool:
        return _named_by(_key_tokens(key), self.endpoints.user_keyed_maps)

    def _find_resource_services(self, type_token: str, site: str | None = None) -> tuple[GlobalService, ...]:
        """Services judged once per resource: global in themselves, or with a default for an omitted field. Cached per
        type (and the provider's account site, ``site_resident_in``) like the field services: every registration asks,
        and most types have none (a cache lookup, not a scan of every entry)."""
        code = self.jurisdiction.code
        return tuple(
            s
            for s in self.endpoints.global_services
            if (s.field is None or type_token in s.defaults) and s.applies_to(type_token) and s.judges_in(code, site)
        )

    def _find_field_services(self, type_token: str) -> tuple[GlobalService, ...]:
        code = self.jurisdiction.code
        return tuple(
            s
            for s in self.endpoints.global_services
            if s.field is not None and s.applies_to(type_token) and s.judges_in(code)
        )

    def _find_services_at(self, type_token: str, kpath: tuple[str, ...]) -> tuple[GlobalService, ...]:
        # Programs repeat the same few key paths per type: matching the field patterns once per
        # (type, path) leaves only the value test for each string.
        return tuple(s for s in self._field_services(type_token) if s.field_matches(kpath))

    def _principal(self, walk: _Walk, key: str, ref: Reference) -> bool:
        """True for an exact ``<service>.<suffix>`` under a principal key or container with an allowed suffix."""
        endpoints = self.endpoints
        if (
            key not in endpoints.principal_keys
            and endpoints.principal_containers.isdisjoint(walk.kpath)
            and not _at_any(walk.kpath, self._service_principal_fields.get(walk.subject.type, ()))
        ):
            return False
        return self._principal_shape(ref) and ref.dns_suffix in self._principal_suffixes

    def _in_policy_principal(self, text: str, ref: Reference) -> bool:
        """(falsealarm55) Whether ``ref`` is a service principal of a JSON policy document written in free text (a trust
        policy a script writes to a file or gives the CLI inline: ``"Principal": {"Service": ["ec2.amazonaws.com"]}``,
        quotes escaped or not): the identity the role trusts, never contacted, as the same value under a document
        input's ``Principal`` key is (:meth:`_principal`). Only the exact principal shape with a principal suffix of the
        stack's partition; the same host under any other key (an app's ``"Service": ...``, a Condition) is judged."""
        if not (self._principal_shape(ref) and ref.dns_suffix in self._principal_suffixes):
            return False
        return ref.text.lower() in _policy_service_principals(text)

    def _principal_shape(self, ref: Reference) -> bool:
        if ref.dns_suffix is None:
            return False
        label = ref.text[: -len(ref.dns_suffix) - 1]
        # One or two labels in general; a longer one only when catalogued exactly: the general shape
        # must not take in a virtual-hosted bucket (exports.eu.s3.amazonaws.com).
        return bool(_PRINCIPAL_LABEL.match(label)) or (label, ref.dns_suffix) in self._principal_labels

    # -- verdicts -----------------------------------------------------------------------------

    def _judge(self, walk: _Walk, ref: Reference, path: str, rule_id: RuleId) -> None:
        if walk.cnames and ref.kind == "host" and ref.text in walk.cnames:
            # config56b: an ExternalName Service of the value's own document (a manifest walked as one document, a
            # host key's `ANALYTICS_HOST: analytics-db`): the name is a CNAME to its target, judged instead
            ref = self.parser.host(followed_name(ref.text, walk.cnames), in_url=ref.in_url)._replace(url=ref.url)
        if ref.kind == "bucket":
            self._judge_bucket(walk, ref, path)
            return
        runtime_region = walk.runtime_text and (ref.region == _PLACEHOLDER_TEXT or self._runtime_region_host(walk, ref))
        if not runtime_region and (
            ref.kind == "host" or (ref.kind == "endpoint" and (ref.edge is not None or ref.region is None))
        ):
            self._judge_host(walk, ref, path, rule_id)
            return
        if runtime_region:
            # A workflow's run-time value whose fixed parts leave the Region to the execution
            # (`States.Format('arn:aws:sns:{}:<account>:alerts', $.region)`): the Region is not an unknown one (RES-011,
            # which no declaration of the expression covered) but chosen at run time. At a field naming where the
            # state writes it is judged there (RES-023 by _runtime_account, RES-017 / RES-015 by _runtime_finding,
            # both declarable by the expression); elsewhere (a Lambda payload, a message) it is data, left to what
            # fills it as a run-time path (`$.arn`) is. The partition is fixed and judged (falsealarm46).
            problems = [(rule_id, p) for p in self._partition_problems(ref)]
        else:
            problems = self._problems(ref, rule_id)
        for rid, problem in problems:
            self._add_coverable(walk, rid, path, ref.text, problem, _names(ref))
        if ref.bucket and not problems:
            # An S3 host naming a bucket (<bucket>.s3.<region>.amazonaws.com, s3.<region>.amazonaws.com/<bucket>/):
            # the endpoint's region is not the bucket's (S3 redirects a request to the bucket's region, and the SDKs
            # follow), so the bucket is judged as its name or s3:// URI is. A foreign region is refused above alone.
            self._bucket_verdict(walk, ref.bucket, ref.partition, "aws", path, ref.text)

    def _runtime_region_host(self, walk: _Walk, ref: Reference) -> bool:
        """(samevents46) Inside a workflow's run-time value, an AWS endpoint whose Region label is the run-time
        placeholder (``States.Format('https://sqs.{}.amazonaws.com/<account>/q', $.region)``: ``sqs.v0.amazonaws.com``)
        at a written destination's field (``written_account_fields``: a queue URL), where sfnrt45's RES-023 judges
        the run-time destination, declarable by the expression. True when the host with an in-partition Region in
        place of its one placeholder label reads as that Region's endpoint: the Region is then chosen at run time, as
        the ARN form's is (falsealarm46), not an unknown host (RES-015, which no declaration of the expression
        covered). scripts47 / falsealarm47 (the same change, made by both): at a field naming where a state writes or
        sends (``runtime_destinations``: an HTTP Task's ``ApiEndpoint``) that is no written destination's, the host is
        judged as before; in data (a Lambda payload, a message) the Region is run-time too, as the ARN form there is
        (falsealarm46): its partition judged, what fills it left to what reads it."""
        if ref.kind != "endpoint" or ref.region is not None or ref.edge is not None or ref.cloud != "aws":
            return False
        labels = ref.text.split(".")
        if labels.count(PLACEHOLDER_LABEL) != 1:
            return False
        kpath = walk.kpath
        if kpath and kpath[-1].endswith(".$"):
            kpath = (*kpath[:-1], kpath[-1][:-2])
        written = _at_any(kpath, self._written_account_paths.get(walk.subject.type, ()))
        if not written and self._runtime_field(walk, kpath):
            # (falsealarm47) Where the state sends (an HTTP Task's ApiEndpoint) no RES-023 stands for the Region: the
            # host is judged as written (RES-015). Elsewhere (a Lambda payload, a message) the URL is data, as the ARN
            # form with the same run-time Region is (falsealarm46): only its partition is judged.
            return False
        region = next((r for r, p in self.catalogue.aws_region_partition.items() if p == ref.partition), None)
        if region is None:
            return False
        probe = ".".join(region if label == PLACEHOLDER_LABEL else label for label in labels)
        return [(r.kind, r.region) for r in self.parser.scan(f"https://{probe}/")] == [("endpoint", region)]

    def _names_own_record(self, subject: Subject, path: str, host: str, known: Callable[[str], bool]) -> bool:
        """``host`` at ``path`` names a DNS record this stack made (``created_hosts``) where the catalogue says such a
        name proves the host (``proves``: a Route 53 alias target, resolved inside the record's own hosted zone;
        ``proves_in_zone``: a CNAME's target in the same zone as the CNAME). One dict lookup for any other type."""
        record = self.endpoints.created_host_types.get(subject.type)
        if record is None:
            return False
        place = _INDEX.sub("", path)
        if place in record.proves:
            if known(record_key(host)):
                return True
            # A record named relative to its zone (`portal` in fleet.example.de, completed by the provider): the host
            # is that name and the name of a zone this stack makes, at some dot.
            labels = host.split(".") if record.completed_by_zone else []
            return any(
                known(record_key(".".join(labels[:i]))) and _zone_known(known, ".".join(labels[i:]))
                for i in range(1, len(labels))
            )
        if place not in record.proves_in_zone:
            return False
        # The target's zone: the innermost zone this stack makes holding it. The record's own name must be in that
        # same zone (written in full under it, or relative: completed with its zone's name, taken by name to be it).
        zone = _innermost_zone(host, known)
        own = prop_of(subject.props, record.path)
        if zone is None or not isinstance(own, str) or not own.strip(". "):
            return False
        own = own.strip().lower().rstrip(".")
        own_zone = _innermost_zone(own, known)
        if own_zone is None and record.completed_by_zone and own != "@":
            own_zone = zone  # relative to its zone
        if own_zone is None or own_zone[0] != zone[0]:
            return False
        return _record_in_zone(host, zone[0], known)

    def _private_use_record(self, host: str, known: Callable[[str], bool]) -> bool:
        """``host`` is under a private-use suffix (``private_use_suffixes``), the innermost zone this stack makes
        holding it is private, and an address record this stack makes gives it (in full or relative to that zone):
        inside the zone's VPCs it resolves to that record, whose value is judged, and no public resolver answers."""
        if not host.endswith(self._private_use):
            return False
        zone = _innermost_zone(host, known)
        return zone is not None and zone[1] and _record_in_zone(host, zone[0], known)

    def _names_name_server(self, subject: Subject, kpath: tuple[str, ...], host: str) -> bool:
        """``host`` at ``path`` is where a domain is delegated (``name_servers`` fields: an NS record's value, a
        registered domain's name server) and has the shape of the name servers of a partition the jurisdiction holds
        (Route 53's ``ns-<n>.awsdns-<nn>.<tld>``). A record whose type is not known yet (an Output) proves nothing."""
        fields = self._name_server_fields.get(subject.type)
        if fields is None or not self._name_server_hosts:
            return False
        place = ".".join(kpath)  # snake_case keys, whatever case the front door's inputs are written in
        name = host.strip().lower().rstrip(".")
        if any(f.path == place and _of_record_type(f, subject.props) for f in fields):
            return any(shape.fullmatch(name) for shape in self._name_server_hosts)
        return False

    def _judge_host(self, walk: _Walk, ref: Reference, path: str, rule_id: RuleId) -> None:
        host = ref.text
        if walk.defined and host in walk.defined:
            # falsealarm53: a name the value's own YAML document defines, written whole at a host key (`STATSD_HOST:
            # host.docker.internal` beside its `host-gateway` entry, `DB_HOST: db` beside the `db` service), as the
            # reference scan leaves such a name in a URL (falsealarm52).
            return
        if ref.in_url and host in self._identifier_hosts:
            # A namespace / schema identifier inside a document, never contacted; one may be under a cloud suffix (S3's
            # predefined ACL groups, http://acs.amazonaws.com/groups/s3/LogDelivery), so before the endpoint checks.
            return
        if ref.kind == "host":
            if is_private_address(host):
                return  # inside the network the resource is attached to
            if self._names_name_server(walk.subject, walk.kpath, host):
                return  # a name server of the DNS service whose zones the stack may make (``name_servers``)
            if walk.known is not None and walk.known(host):
                return
            if walk.known is not None and (
                self._names_own_record(walk.subject, path, host, walk.known)
                or self._private_use_record(host, walk.known)
            ):
                return
            numeric = numeric_ipv4(host) if host[:1].isdigit() and not is_ip(host) else None
            what = (
                "an IP address"
                if is_ip(host)
                else f"the IP address {numeric}"
                if numeric is not None
                else "a host under no catalogued cloud suffix"
            )
            detail = f"{host} is {what}; nothing proves it is in {self._j()}."
            # A host written with placeholders (`#{host}.example.com`, `https://{{ tenant }}.example.com/`): its label
            # for them is in the host, not in the value as written.
            if ref.url is not None and (
                not ref.in_url or (PLACEHOLDER_LABEL in host and PLACEHOLDER_LABEL not in ref.url)
            ):
                domain = placeholder_domain(host)
                # A one-label domain (`${SVC}.internal`) cannot be declared by its wildcard (a top-level domain's):
                # the value as written can.
                match = f"*.{domain}" if domain != host and "." in domain else ref.url
                detail = (
                    f"{ref.url} names a host under {domain} whatever fills its placeholders (each taken for one label: "
                    f"{host}), {what}; nothing proves it is in {self._j()}. Use a resident host, or declare the domain "
                    f"in sovereign-dc:destinations (match {match!r})."
                )
                host = ref.url
            self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, host, detail, _names(ref))
            return
        problems = self._partition_problems(ref)
        if problems:
            for problem in problems:
                rid = rule_id if rule_id != RuleId.DESTINATION_HOST_PROVEN else RuleId.ENDPOINT_IN_JURISDICTION
                self._add_coverable(walk, rid, path, host, problem, _names(ref))
            return
        if ref.edge is not None:
            if ref.partition is not None and ref.partition in self.jurisdiction.aws.partitions:
                return  # an edge network that stays inside an allowed partition's country
            detail = f"{host} is served by {ref.edge} edge locations, not from one region in {self._j()}."
            self._add_coverable(walk, RuleId.GLOBAL_SERVICE_IN_JURISDICTION, path, host, detail, _names(ref))
            return
        if ref.partition is not None and ref.partition in self._closed_partitions:
            return  # every region of the partition is in the jurisdiction
        if (walk.known is not None and (walk.known(host) or _global_bucket_host_known(ref, walk.known))) or (
            self.endpoints.vpc_service_host_clouds.get(host) == walk.cloud
        ):
            return  # falsealarm54b: or the cloud's VPC endpoint of a service (Alibaba Cloud's NTP servers), in-network
        detail = (
            f"{host} names no region, and {ref.dns_suffix} is shared with regions outside {self._j()}; "
            "it cannot be proven resident."
        )
        self._add_coverable(walk, RuleId.DESTINATION_HOST_PROVEN, path, host, detail, _names(ref))

    def _judge_bucket(self, walk: _Walk, ref: Reference, path: str, *, own_region: bool = False) -> None:
        """A bucket ARN or URL: its partition, then (unless ``own_region``: the service keeps the bucket in the
        resource's own region, which is judged) where the bucket is."""
        assert ref.bucket is not None
        if ref.cloud == "aws" and ref.partition is not None and ref.partition not in self.jurisdiction.aws.partitions:
            allowed = ", ".join(sorted(self.jurisdiction.aws.partitions)) or "none"
            detail = f"Partition {ref.partition} is outside {self._j()} (allowed partitions: {allowed})."
            self._add_coverable(
                walk,
                RuleId.EXISTING_RESOURCE_IN_JURISDICTION if walk.existing else RuleId.AWS_ARN_IN_JURISDICTION,
                path,
                ref.text,
                detail,
                (ref.text,),
            )
            return
        if not own_region:
            self._bucket_verdict(walk, ref.bucket, ref.partition, ref.cloud or "aws", path, ref.text)

    def _judge_bucket_name(
        self, walk: _Walk, name: str, path: str, *, group: bool = False, text: str | None = None, variable: bool = False
    ) -> None:
        """``text``: the whole value when it holds more than the name (``<bucket>/<prefix>``); ``variable``: under a
        ``*_BUCKET`` variable, where the bucket of a database this stack makes (``created_server_buckets``) is that
        database's, where the database is (its region judged), no S3 bucket."""
        if walk.defer is not None and walk.defer(name):
            return
        if (
            variable
            and walk.known is not None
            and any(walk.known(server_bucket_key(n)) for n in {name, (text or name).strip()})
        ):
            # Compared as written too: an InfluxDB bucket name may hold capitals (`ChargingSessions`), which the S3
            # name fold (_bucket_name_form) lowers before this (false-alarm review of stop 34's refusals).
            return
        self._bucket_verdict(walk, name, None, walk.cloud, path, text or name, group=group)

    def _bucket_verdict(
        self, walk: _Walk, name: str, partition: str | None, cloud: str, path: str, text: str, *, group: bool = False
    ) -> None:
        """A regionless name: a bucket, or (``group``) a multi-region group joined by name."""
        j = self.jurisdiction
        if cloud == "aws":
            partitions = {partition} if partition else set(j.aws.partitions)
            if partitions and partitions <= self._closed_partitions:
                return  # e.g. aws-cn in CN: the whole partition is in-country
        # A group is asked for by its group key: only a group this stack made, or one a dependency produced,
        # proves it; not a bucket of the same name, nor the resource's own name inside the id ("fleet-eu-1" in
        # "fleet-eu-1-global"), which describes nothing the resource joins.
        known = walk.known
        # A bucket is asked for under its cloud's key (``bucket_key``): an OSS bucket the stack makes is no S3 bucket of
        # the same name, nor the reverse (each cloud's names are a namespace of their own).
        if known is not None and (
            known(group_key(name))
            if group
            else knows_bucket(known, bucket_key(cloud, name)) or (text != name and known(text))
        ):
            return
        owned_in = None if group or cloud != "aws" else self._regional_bucket_region(name)
        if owned_in is not None and owned_in in j.aws.regions:
            return  # an AWS-owned bucket of an in-country region (EMR's <region>.elasticmapreduce)
        if group:
            detail = (
                f"{name!r} names a multi-region group (a global database or datastore, a Direct Connect gateway, a "
                "CEN), or a resource whose region nothing beside it gives (an EFS replication's destination file "
                "system), that this stack did not create; where data is replicated or routed to cannot be proven in "
                f"{self._j()}. Fix: use the one this stack creates, give its region or ARN where the input allows, or "
                "declare it."
            )
            self._add_coverable(walk, RuleId.REGIONLESS_REFERENCE_PROVEN, path, text, detail, (text,))
            return
        detail = (
            f"Bucket {name!r} is AWS's bucket of region {owned_in}, outside {self._j()}; use the bucket of an "
            "in-country region."
            if owned_in is not None
            else f"Bucket {name!r} names no region and was not created by this stack; bucket names are global "
            f"in {partition or ('the provider partition' if cloud == 'aws' else 'Alibaba Cloud')}, so it "
            f"cannot be proven in {self._j()}."
        )
        arn = f"arn:{partition or 'aws'}:s3:::{name}" if cloud == "aws" else f"oss://{name}"
        self._add_coverable(walk, RuleId.REGIONLESS_REFERENCE_PROVEN, path, text, detail, (text, arn, name))

    def _regional_bucket_region(self, name: str) -> str | None:
        """The region of an AWS-owned regional bucket (``{region}.elasticmapreduce``, endpoints.yaml
        ``regional_buckets``): what stands for ``{region}`` must be a known AWS region."""
        for owned in self.endpoints.regional_buckets:
            region = owned.region_in(name)
            if region is not None and region in self.catalogue.aws_region_partition:
                return region
        return None

    # Lists, not generators: these run for every reference found, and most find nothing.
    def _partition_problems(self, ref: Reference) -> list[str]:
        j = self.jurisdiction
        if ref.cloud == "aws":
            if ref.partition is not None and ref.partition not in j.aws.partitions:
                allowed = ", ".join(sorted(j.aws.partitions)) or "none"
                return [f"Partition {ref.partition} is outside {self._j()} (allowed partitions: {allowed})."]
        elif ref.cloud == "alicloud" and not j.alicloud.regions:
            return [f"{self._j()} has no Alibaba Cloud region; nothing on Alibaba Cloud is resident."]
        if (
            ref.kind == "endpoint"
            and ref.edge is None
            and ref.dns_suffix is not None
            and ref.dns_suffix not in self._suffixes
        ):
            return [f"DNS suffix {ref.dns_suffix} is not one of {', '.join(sorted(self._suffixes)) or 'none'}."]
        return []

    def _problems(self, ref: Reference, rule_id: RuleId) -> list[tuple[RuleId, str]]:
        """Why ``ref`` is not proven resident, each with the rule it breaks: ``rule_id`` (the rule of
        the place it was found), or RES-011 for a region the catalogue does not know."""
        partition = self._partition_problems(ref)
        if partition:
            return [(rule_id, p) for p in partition]
        if ref.region is None:
            return []  # (an endpoint without a DNS suffix names no region either)
        cloud = ref.cloud or "aws"
        if not ref.known_region:
            return [
                (
                    RuleId.KNOWN_REGION,
                    f"Unknown region {ref.region!r}: the catalogue does not list it for {_CLOUD_NAMES[cloud]}.",
                )
            ]
        if ref.region not in self.jurisdiction.regions(cloud):
            return [(rule_id, f"{_CLOUD_NAMES[cloud]} region {ref.region} is outside {self._j()}.")]
        return []

    def _add_coverable(
        self, walk: _Walk, rule_id: RuleId, path: str, value: Any, detail: str, names: tuple[str, ...]
    ) -> None:
        """Add a finding, unless a declaration covers it (then it is added as declared, or refused for
        being expired / out of scope)."""
        declaration = next((d for d in self.destinations if any(d.matches(n) for n in names if n)), None)
        if declaration is None:
            walk.add(rule_id, path, value, detail)
            return
        if declaration.kind == "transfer":
            today = self.judging_date()
            if declaration.expired(today):
                assert declaration.expires is not None
                expired = f"{detail} Declared transfer {declaration.id!r} expired on {declaration.expires.isoformat()}."
                walk.add(RuleId.DECLARED_TRANSFER_CURRENT, path, value, expired)
                return
            if not declaration.covers_resource(walk.origin.type, walk.origin.name):
                scope = ", ".join(declaration.resources)
                outside = f"{detail} Declared transfer {declaration.id!r} is limited to {scope}."
                walk.add(RuleId.DECLARED_TRANSFER_IN_SCOPE, path, value, outside)
                return
        self.used[declaration.id] = self.used.get(declaration.id, 0) + 1
        walk.add(rule_id, path, value, detail, declared_by=declaration.id)

    def setting_place(self, subject: Subject, place: Place) -> Place:
        """Where a stored setting's value, held until the setting's name resolved (``subject.props`` then
        holds the name), is judged: under the name, as :meth:`check` judges it when the name is known."""
        named = self.setting_inputs.get(subject.type)
        if named is None or place.depth or not place.keys or place.keys[-1] not in named[1]:
            return place
        setting = _setting_name(subject.props, named[0], subject.name)
        return place if setting is None else place._replace(keys=(setting,))

    def created_name(self, type_token: str, props: Mapping[str, Any]) -> str | None:
        """The name a resource of ``type_token`` gives what it creates, when other resources may reference it by
        that name alone (a bucket's ``bucket``, a global cluster's identifier: ``global_group_types``, as its
        ``group_key``); None for other types. ``props`` may be snake_case (SDK inputs) or camelCase (engine
        properties)."""
        endpoints = self.endpoints
        network = self._named_networks.get(type_token)
        if network is not None:
            # A search domain made inside a VPC, by its name (network_restricted `name`; stop 43): what a separate
            # DomainPolicy naming it joins (``_in_own_network``).
            name_key, network_path = network
            name = prop_of(props, name_key)
            placed = isinstance(name, str) and name.strip() and _placed_in_network(props, network_path)
            return in_network_key(type_token, name.strip()) if placed and isinstance(name, str) else None
        group = type_token not in endpoints.bucket_types
        key = "bucket" if not group else endpoints.global_group_types.get(type_token)
        if key is None:
            # A DNS record of an address type (created_hosts): its full name, as a host is read (lower case, no
            # trailing dot). Other types pay this one dict lookup.
            record = endpoints.created_host_types.get(type_token)
            if record is None:
                server = self._created_server_buckets.get(type_token)
                if server is not None:
                    bucket = prop_of(props, server)
                    return server_bucket_key(bucket) if isinstance(bucket, str) and bucket else None
                # A hosted zone (created_zones): its name, which completes a record named relative to it.
                zone = endpoints.created_zone_types.get(type_token)
                zone_name = prop_of(props, zone.path) if zone is not None else None
                if zone is None or not isinstance(zone_name, str) or not zone_name.strip(". "):
                    return None
                name = zone_name.strip().lower().rstrip(".")
                private = zone.private or (zone.private_when is not None and bool(prop_of(props, zone.private_when)))
                return private_zone_key(name) if private else zone_key(name)
            host = prop_of(props, record.path)
            if not _of_record_type(record, props) or not isinstance(host, str):
                return None
            name = host.lower().rstrip(".")
            return record_key(name) if name else None
        name = prop_of(props, key)
        if not isinstance(name, str) or not name:
            return None
        return group_key(name) if group else bucket_key("aws" if type_token.startswith("aws:") else "alicloud", name)

    def made_arns(self, type_token: str, props: Mapping[str, Any]) -> list[str]:
        """The ``made_arn_key`` keys of a resource's own ARN outputs (``made_account_arns``: a RAM or IAM role's
        ``arn``), read from its known properties (snake_case or camelCase); empty for other types. A front door adds
        them for the resources made with the same provider as the one being judged, from the resources its values are
        computed from (the guard: an Output's resources; the pack and the reviews: the property dependencies)."""
        outputs = self.made_arn_outputs.get(type_token)
        if not outputs:
            return []
        suffixes = self.made_arn_suffixes
        return [
            made_arn_key(value.strip() + suffix)
            for output in outputs
            for value in [prop_of(props, output)]
            if isinstance(value, str) and value.strip()
            for suffix in ("", *suffixes.get((type_token, output), ()))
        ]

    @functools.cached_property
    def made_arn_outputs(self) -> Mapping[str, tuple[str, ...]]:
        """Type token -> its outputs that are its own ARN (``made_account_arns``)."""
        outputs: dict[str, tuple[str, ...]] = {}
        for entry in self.endpoints.made_account_arns:
            outputs[entry.type] = (*outputs.get(entry.type, ()), entry.output)
        return outputs

    @functools.cached_property
    def made_arn_suffixes(self) -> Mapping[tuple[str, str], tuple[str, ...]]:
        """(type token, output) -> the text a consumer may require after that ARN output (``made_account_arns``
        ``suffixes``: a log group's ``:*``)."""
        return {(e.type, e.output): e.suffixes for e in self.endpoints.made_account_arns if e.suffixes}

    def produced_by(self, type_token: str, props: Mapping[str, Any]) -> list[str]:
        """:func:`produced_names` of a resource of ``type_token``: its CREATOR_ATTRS values, its catalogued own-address
        outputs and the hosts the cloud builds from its id (``self_address_outputs``), read alike by every front door
        (the guard from a dependency's Outputs, the policy pack and the review from properties)."""
        endpoints = self.endpoints
        own, id_hosts = endpoints.self_address_keys(type_token), endpoints.self_address_hosts(type_token)
        if type_token in endpoints.bucket_types:
            # A bucket's names are its cloud's (PRODUCED_BY_S3 / OSS_BUCKET_KEY): an OSS bucket's name or id given to a
            # value proves no S3 bucket of that name, nor an S3 bucket's an OSS one (made-by-this-stack review, 35).
            tag = PRODUCED_BY_S3 if type_token.startswith("aws:") else OSS_BUCKET_KEY
            return [tag + n for n in produced_names(props, own, id_hosts)]
        # Another kind's names and addresses (a Glue database's or DynamoDB table's name in its id or ARN) prove no
        # bucket of either cloud (PRODUCED_BY_OTHER): a table named `fleet-lake-raw` says nothing of the S3 bucket
        # `fleet-lake-raw`, anyone's (leftovers review, stop 36). Only what the resource holds at a bucket field
        # (bucket_keys, its oss_bucket_fields: a bucket object's `bucket`, a trail's `s3_bucket_name`), a name the
        # engine judged as a bucket where it was written, is passed on as a bucket name.
        oss_fields = self._oss_bucket_fields.get(type_token, ())
        standin = type_token in endpoints.bucket_standin_types  # an EFS file system's id in a Transfer home directory
        at_bucket = {
            k
            for k in props
            if (key := _snake(str(k))) in endpoints.bucket_keys
            or (oss_fields and _at_any((key,), oss_fields))
            or (standin and key == "id")
        }
        others = {k: v for k, v in props.items() if k not in at_bucket} if at_bucket else props
        names = [PRODUCED_BY_OTHER + n for n in produced_names(others, own, id_hosts)]
        if at_bucket:
            names += produced_names({k: props[k] for k in at_bucket})
        # The same below the top level: a name or ARN held at a nested bucket field (a Firehose stream's
        # `extended_s3_configuration.bucket_arn`), judged as a bucket where it was written by the same key plan
        # (false-alarm review of stop 36's changes, falsealarm19).
        names += self._nested_bucket_names(type_token, props)
        return names

    def _nested_bucket_names(self, type_token: str, props: Mapping[str, Any]) -> list[str]:
        """The strings a resource holds at a bucket field below its top level (lower-cased): the fields the judge reads
        as a bucket (``_KeyPlan.bucket`` is ``_BUCKET``: bucket_keys, bucket paths, an OSS type's bucket fields), so a
        name found there was judged as a bucket where it was written."""
        found: list[str] = []

        def visit(value: Any, kpath: tuple[str, ...]) -> None:
            if value is not None and is_input_type(type(value)):
                value = vars(value)
            if isinstance(value, Mapping):
                for k, v in value.items():
                    sk = _snake(str(k))
                    if v is None or sk in FREE_TEXT_KEYS:
                        continue
                    visit(v, (*kpath, sk))
            elif isinstance(value, (list, tuple)):
                for v in value:
                    visit(v, kpath)
            elif (
                isinstance(value, str)
                and value
                and len(kpath) > 1
                and self._key_plan(type_token, kpath, kpath[-1]).bucket == _BUCKET
            ):
                found.append(value.lower())

        for k, v in props.items():
            if (sk := _snake(str(k))) not in FREE_TEXT_KEYS and (
                isinstance(v, (Mapping, list, tuple)) or (v is not None and is_input_type(type(v)))
            ):
                visit(v, (sk,))
        return found

    def judging_date(self) -> dt.date:
        """The date declarations are judged against: ``today`` when given (tests, reproducible plans), else now."""
        return self.today or dt.date.today()

    def _j(self) -> str:
        return f"{self.jurisdiction.code} ({self.jurisdiction.name})"


_DERIVED_PROPERTIES = tuple(name for name, v in vars(RuleEngine).items() if isinstance(v, functools.cached_property))
"""(perf55) Every cached property of :class:`RuleEngine`: each is a table derived from the catalogues and the
jurisdiction alone (a per-engine register, date or count is never read by one), so :func:`_shared_tables` computes it
once on its template engine and every engine of the jurisdiction shares it."""


GROUP_KEY = "group:"
"""What a global group's id is known by (``created_name``, the ``known`` predicates): no bucket name or host
holds a colon, so a bucket named like a foreign group never proves the group, nor a group the bucket."""


def group_key(name: str) -> str:
    """The key a global group's id is created and asked for under (``GROUP_KEY``)."""
    return GROUP_KEY + name


OSS_BUCKET_KEY = "oss-bucket:"
"""What an OSS bucket is known by (``created_name``, the ``known`` predicates); an S3 bucket by its plain name. S3 and
OSS names are separate global namespaces (an OSS bucket ``exports`` made by the stack says nothing of the S3 bucket
``exports``, anyone's, in any region), and no bucket name holds a colon: an OSS bucket proves no S3 bucket, nor the
reverse. The predicates read the name behind the key as any bucket name where a value's own producers prove it."""


PRODUCED_BY_S3 = "s3-bucket:"
"""What a name or host an S3 bucket produced (:meth:`RuleEngine.produced_by`) is tagged with; an OSS bucket's carry
``OSS_BUCKET_KEY``. The provenance predicate reads an OSS bucket's only for an OSS bucket, an S3 bucket's for anything
else (an S3 bucket's name or host), the names of every other type for any name."""


PRODUCED_BY_OTHER = "named:"
"""What a name or host a resource of a kind other than a bucket produced is tagged with, outside its bucket fields
(:meth:`RuleEngine.produced_by`): it proves a host, a group id or any other name, never a bucket (``S3_BUCKET_KEY``,
``OSS_BUCKET_KEY``)."""


def _task_action(task: str | None) -> str:
    """The action a workflow state calls, from its ``Resource`` (``arn:<partition>:states:::sns:publish.sync`` ->
    ``sns:publish``), whatever the partition; empty outside a task."""
    return (task or "").rpartition(":::")[2].partition(".")[0].strip()


def _global_bucket_host_known(ref: Reference, known: Callable[[str], bool]) -> bool:
    """The legacy global virtual host of a bucket the stack makes or a value's producers prove
    (``<bucket>.s3.amazonaws.com``, as the bucket's ``bucket_domain_name`` output and a template bucket's
    ``DomainName`` give it): proven as that bucket, written out or given by the output alike (leftovers review, stop
    36). S3 routes a virtual-hosted request on the global endpoint by DNS to the bucket's Region ("Amazon S3 updates the
    DNS record to reroute the request to the correct location", VirtualHosting.html, "Virtual-hosted-style requests for
    other Regions"); a path-style request on it (``s3.amazonaws.com/<bucket>``) names the bucket in no DNS label and is
    not read so."""
    bucket = ref.bucket
    return (
        bucket is not None
        and ref.cloud == "aws"
        and ref.region is None
        and ref.text == f"{bucket}.s3.{ref.dns_suffix}"
        and knows_bucket(known, bucket_key("aws", bucket))
    )


class _WithTemplateBuckets:
    """A front door's ``known`` with a stack template's own buckets (made by the stack, in its region) added, its
    ``bucket`` predicate kept (:func:`knows_bucket`)."""

    def __init__(self, own: frozenset[str], known: Callable[[str], bool] | None) -> None:
        self._own, self._known = own, known

    def _own_bucket(self, name: str) -> bool:
        return bucket_name(name) in self._own or bucket_name(name).lower() in self._own

    def __call__(self, name: str) -> bool:
        return self._own_bucket(name) or (self._known is not None and self._known(name))

    def bucket(self, key: str) -> bool:
        return self._own_bucket(key) or (self._known is not None and knows_bucket(self._known, key))


def bucket_key(cloud: str, name: str) -> str:
    """The key a bucket of ``cloud`` (``aws``: S3, else OSS) is created and asked for under (``OSS_BUCKET_KEY``)."""
    return name if cloud == "aws" else OSS_BUCKET_KEY + name


def bucket_name(key: str) -> str:
    """The bucket name a ``bucket_key`` stands for."""
    return key[len(OSS_BUCKET_KEY) :] if key.startswith(OSS_BUCKET_KEY) else key


RECORD_KEY = "record:"
"""What a DNS record this stack makes is known by (``created_hosts``): asked for only where its name proves a host (an
alias target or a CNAME target of the same zone, or a name under a private-use suffix in a private zone of the stack),
never as a host elsewhere: a name of the stack's public zone is proven to others only by the domain's delegation, which
no document of the stack shows."""


def record_key(host: str) -> str:
    """The key a DNS record's full name is created and asked for under (``RECORD_KEY``)."""
    return RECORD_KEY + host


ZONE_KEY = "zone:"
"""What a hosted zone this stack makes is known by (``created_zones``): asked for only beside a record named relative
to its zone, never as a host."""


def zone_key(name: str) -> str:
    """The key a hosted zone's name is created and asked for under (``ZONE_KEY``)."""
    return ZONE_KEY + name


PRIVATE_ZONE_KEY = "private-zone:"
"""What a private zone this stack makes is known by (``created_zones`` with ``private`` / ``private_when``): as
``ZONE_KEY``, and besides beside a name under a private-use suffix (``private_use_suffixes``)."""


def private_zone_key(name: str) -> str:
    """The key a private zone's name is created and asked for under (``PRIVATE_ZONE_KEY``)."""
    return PRIVATE_ZONE_KEY + name


SERVER_BUCKET_KEY = "server-bucket:"
"""What a database bucket this stack makes is known by (``created_server_buckets``): asked for only under a
``*_BUCKET`` variable, never as an S3 bucket name."""


def server_bucket_key(name: str) -> str:
    """The key a database bucket's name is created and asked for under (``SERVER_BUCKET_KEY``)."""
    return SERVER_BUCKET_KEY + name


IN_NETWORK_KEY = "in-network:"
"""What a ``network_restricted`` resource the stack makes inside a network is known by, with its type and name (a VPC
OpenSearch domain: ``in-network:aws:opensearch/domain:Domain/fleet-logs``): a separate policy naming it
(``network_joined``: a DomainPolicy's ``domain_name``) reaches only callers in that network (stop 43)."""


def in_network_key(type_token: str, name: str) -> str:
    """The key a resource made inside a network is created and asked for under (``IN_NETWORK_KEY``)."""
    return f"{IN_NETWORK_KEY}{type_token}/{name}"


CREATED_ONLY_KEYS = (
    RECORD_KEY, ZONE_KEY, PRIVATE_ZONE_KEY, SERVER_BUCKET_KEY, ACCOUNT_KEY, MADE_ARN_KEY, IN_NETWORK_KEY,
)  # fmt: skip
"""Keys proven only by the resource that made them (``created``), never by a name's text."""


def _zone_known(known: Callable[[str], bool], name: str) -> bool:
    return known(zone_key(name)) or known(private_zone_key(name))


def _innermost_zone(name: str, known: Callable[[str], bool]) -> tuple[str, bool] | None:
    """The innermost zone this stack makes holding ``name`` (the name itself or a parent), with whether it is private;
    None when there is none. Asked only of hosts nothing else proved."""
    labels = name.split(".")
    for i in range(len(labels)):
        candidate = ".".join(labels[i:])
        if known(private_zone_key(candidate)):
            return candidate, True
        if known(zone_key(candidate)):
            return candidate, False
    return None


def _record_in_zone(host: str, zone: str, known: Callable[[str], bool]) -> bool:
    """An address record this stack makes gives ``host`` in ``zone``: written in full, or relative to the zone (the
    zone's own name as ``@``, Alibaba Cloud's apex)."""
    if known(record_key(host)):
        return True
    return known(record_key(host[: -len(zone) - 1] if host != zone else "@"))


_INDEX = re.compile(r"\[\d+\]")


def _names(ref: Reference) -> tuple[str, ...]:
    """What a declaration may name for a reference: its text, and the whole URL it was found in."""
    return (ref.text, ref.url) if ref.url else (ref.text,)


def _group_placed_by(
    fields: Iterable[GroupField],
) -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    placed: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
    for g in fields:
        if g.unless_set:
            placed[g.type] = (*placed.get(g.type, ()), (tuple(g.path.split(".")), g.unless_set))
    return placed


def _template_own_variable(walk: _Walk, value: str) -> bool:
    """True for an ``Fn::Sub`` text that is one variable naming a resource the template being read creates
    (``${Cen}``, ``${TransitRouter.TransitRouterId}``): the id of a network the stack makes there, as its ``Ref`` /
    ``Fn::GetAtt`` form is (alired49: a ROS CEN attachment's ``CenId`` written ``!Sub "${Cen}"`` was RES-017). A
    Parameter (``${CenId}``) or an import is whatever the deployer passes: not the template's own."""
    m = _WHOLE_SUB_VARIABLE.match(value)
    own = walk.template_resources
    return m is not None and own is not None and m.group(1).split(".", 1)[0] in own


def _arn_names_region(value: str) -> bool:
    """True for an ARN whose region field is set (``arn:aws:elasticfilesystem:eu-west-1:...``): it places what it names.
    A global group's ARN leaves the field empty (``arn:aws:rds::123456789012:global-cluster:...``)."""
    if not value.startswith("arn:"):
        return False
    parts = value.split(":", 4)
    return len(parts) == 5 and bool(parts[3])


def _phone_entries(endpoints: EndpointCatalogue) -> dict[str, tuple[tuple[tuple[str, ...], PhoneField], ...]]:
    """Type token -> (key path, entry) of its phone fields that say how a number is written there: only one country's
    numbers (``national_country``), or its country code in a key beside it (``country_code_key``)."""
    table: dict[str, tuple[tuple[tuple[str, ...], PhoneField], ...]] = {}
    for f in endpoints.phone_fields:
        if f.national_country is not None or f.country_code_key is not None:
            table[f.type] = (*table.get(f.type, ()), (tuple(f.path.split(".")), f))
    return table


def _country_code_beside(parent: Any, key: str | None) -> str | None:
    """The country calling code (digits, no ``+``) held at ``key`` of the map holding a phone number; None when there
    is no such key, or its value is no code (absent, not known yet, not digits)."""
    if key is None or not isinstance(parent, Mapping):
        return None
    code = prop_of(parent, key)
    text = str(code).strip().lstrip("+") if isinstance(code, (str, int)) and not isinstance(code, bool) else ""
    return text if text.isdigit() and 1 <= len(text) <= 3 else None


def _granted_account(cloud: str, text: str) -> tuple[str | None, str] | None:
    """(partition, account) of the account ``text`` names under a grant: an IAM / STS ARN or a 12-digit id on AWS, a
    RAM / STS ARN or a bare UID on Alibaba Cloud (no partition there); None for anything else and for an account's
    OIDC / SAML identity provider (the stack's own, trusted for web or SAML identities: no account is granted)."""
    arn, bare = (_RAM_ARN, _RAM_UID) if cloud == "alicloud" else (_ACCOUNT_ARN, ACCOUNT_ID)
    m = arn.match(text)
    if m is None:
        return (None, text) if bare.match(text) else None
    *partition, account, resource = m.groups()
    if resource.startswith(_FEDERATED):
        return None
    return (partition[0] if partition else None, account)


def _property_kpath(walk: _Walk) -> tuple[str, ...]:
    """The key path of the template property a value is written at: an ``Fn::Sub`` text still holding a variable after
    the pseudo parameters and given Parameters are filled in (``arn:aws:sqs:eu-west-1:460922110357:${Dlq.QueueName}``)
    is walked under its ``Fn::Sub`` key, but it is the property's value, as the same text with no variable left is
    (mutation48: such a dead-letter queue in another account passed while its literal twin was RES-023)."""
    kpath = walk.kpath
    return kpath[:-1] if walk.template is not None and kpath[-1:] == ("fn::sub",) else kpath


def _at_any(kpath: tuple[str, ...], paths: tuple[tuple[str, ...], ...]) -> bool:
    """True when the key path is one of ``paths``; a path starting with ``*`` matches at any depth (the
    statements of a WAF rule nest inside and/or/not and rate-based statements), a later ``*`` any one key (the
    values of a map whose keys the user chose: API Gateway stage variables)."""
    return any(_path_is(kpath[1 - len(p) :], p[1:]) if p[0] == "*" else _path_is(kpath, p) for p in paths)


def _placed_in_network(props: Mapping[str, Any], network: tuple[str, ...]) -> bool:
    """Whether the input at ``network`` (``vpc_options.subnet_ids``) places the resource in a network: a non-empty list
    with an item that is not blank, or a value not known yet (an Output, a preview's unknown: a subnet's id is still a
    subnet); absent, empty or blank, it does not (CreateDomain ``VPCOptions``: a public endpoint)."""
    value: Any = props
    for key in network:
        if isinstance(value, (list, tuple)) and len(value) == 1:
            value = value[0]  # a one-item block written as a list
        value = prop_of(value, key) if isinstance(value, Mapping) else None
    if isinstance(value, (list, tuple)):
        return any(not isinstance(v, str) or v.strip() for v in value)
    return value is not None and not isinstance(value, str)


def _covers_every_address(values: Sequence[Any]) -> bool:
    """True when the values, read as address ranges, together hold every IPv4 or every IPv6 address: ``0.0.0.0/0``
    however written (``0::/0``, ``0.0.0.0/00``) or split (``0.0.0.0/1`` with ``128.0.0.0/1``) restricts no one
    (RES-024). A value that is no address range takes no part."""
    nets: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for v in values:
        try:
            nets.append(ipaddress.ip_network(str(v).strip(), strict=False))
        except ValueError:
            continue
    for version in (4, 6):
        same = [n for n in nets if n.version == version]
        if same and any(n.prefixlen == 0 for n in ipaddress.collapse_addresses(same)):  # type: ignore[type-var]
            return True
    return False


_SERVICE_URI = re.compile(r"^arn:aws(?:-[a-z-]+)?:apigateway:[^:]*:([^:/]+):(path|action)/([^/?&]*)", re.IGNORECASE)
"""An API Gateway AWS-integration uri, "arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/
{service_api}" (API Gateway API Reference, Integration ``uri``): its service (after any subdomain), form and action."""


def _service_read_head(uri: str) -> str | None:
    """The ``<service>:path/`` or ``<service>:action/<Action>`` head of an AWS-integration uri (lower case), compared
    with ``anonymous_reads.reads``; None for any other value."""
    m = _SERVICE_URI.match(uri.strip())
    if m is None:
        return None
    service = m.group(1).rsplit(".", 1)[-1].lower()
    if m.group(2).lower() == "path":
        return f"{service}:path/"
    return f"{service}:action/{m.group(3).lower()}"


def _path_is(kpath: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return len(kpath) == len(wanted) and all(w in ("*", k) for k, w in zip(kpath, wanted, strict=True))


_NEGATED_OPERATORS = frozenset(
    ("stringnotequals", "stringnotequalsignorecase", "stringnotlike", "arnnotequals", "arnnotlike", "notipaddress")
)
"""Condition operators that are true when the request's value is not one of the listed (and when the key is absent):
a Deny under one of them refuses everyone else (IAM JSON policy elements: Condition operators)."""


def _statements(document: Any) -> list[Any] | tuple[Any, ...] | None:
    """A policy document's ``Statement`` list (the key in any case), or None when it has none."""
    if not isinstance(document, Mapping):
        return None
    statements = next((v for k, v in document.items() if str(k).lower() == "statement"), None)
    return statements if isinstance(statements, (list, tuple)) else None


def _allowed_pairs(allow: Mapping[Any, Any]) -> list[tuple[Any, Any]]:
    """Each (Action pattern, Resource pattern) pair an Allow statement names: every request it allows matches one."""
    actions, resources = allow.get("Action"), allow.get("Resource", "*")
    action_items = [actions] if isinstance(actions, str) else list(actions) if isinstance(actions, list) else []
    resource_items = (
        [resources] if isinstance(resources, str) else list(resources) if isinstance(resources, list) else []
    )
    return [(a, r) for a in action_items for r in resource_items]


def _deny_covers(deny: Mapping[Any, Any], allow: Mapping[Any, Any], action: Any, resource: Any) -> bool:
    """Whether a Deny statement's Action and Resource cover one (Action, Resource) pair of an Allow (a statement with
    no Resource, as in a resource policy, beside another without one covers any). Since public42 (stop 42) a Deny's
    ``NotAction`` / ``NotResource`` is read as IAM reads it: the Deny applies to every action (resource) its list does
    not match ("NotAction ... explicitly matches everything except the specified list of actions ... such unlisted
    actions or services are denied if you use the Deny effect", IAM JSON policy elements: NotAction; NotResource
    alike), so it covers an Allow pattern none of whose values any listed pattern matches (:func:`_patterns_exclude`).
    A statement with both an element and its ``Not`` form is invalid: it covers nothing."""
    if ("Action" in deny and "NotAction" in deny) or ("Resource" in deny and "NotResource" in deny):
        return False
    if "NotAction" in deny:
        actions = _patterns_exclude(deny["NotAction"], action, fold=True)
    else:
        actions = _patterns_cover(deny.get("Action"), action, fold=True)
    if not actions:
        return False
    if "NotResource" in deny:
        return _patterns_exclude(deny["NotResource"], resource, fold=False)
    return ("Resource" not in allow and "Resource" not in deny) or _patterns_cover(
        deny.get("Resource", "*"), resource, fold=False
    )


def _patterns_exclude(listed: Any, allow: Any, *, fold: bool) -> bool:
    """Whether no value an ``allow`` pattern (a string or a list) matches is matched by any ``listed`` pattern of a
    ``NotAction`` / ``NotResource``: then a Deny with that element applies to every value of the Allow's pattern. Exact
    for IAM's ``*`` (any run of characters) and ``?`` (any one) on both sides (:func:`_globs_meet`); a policy variable
    on either side, an empty list or a value that is no string proves nothing (False)."""
    listed_items = [listed] if isinstance(listed, str) else list(listed) if isinstance(listed, (list, tuple)) else []
    allows = [allow] if isinstance(allow, str) else list(allow) if isinstance(allow, (list, tuple)) else []
    if not listed_items or not allows:
        return False
    if not all(isinstance(p, str) and p.strip() and "${" not in p for p in (*listed_items, *allows)):
        return False
    return not any(_globs_meet(a.strip(), n.strip(), fold=fold) for a in allows for n in listed_items)


def _globs_meet(p: str, q: str, *, fold: bool) -> bool:
    """Whether some string matches both IAM patterns ``p`` and ``q`` (``*`` any run of characters, ``?`` any one,
    every other character itself; case-insensitively when ``fold``). Two ``*`` facing each other: one of them may end
    there (whatever both absorb, the longer one alone can), so the search stays finite and exact."""
    if fold:
        p, q = p.lower(), q.lower()

    @functools.cache
    def meet(i: int, j: int) -> bool:
        if i == len(p) or j == len(q):
            rest = p[i:] if j == len(q) else q[j:]
            return all(c == "*" for c in rest)
        if p[i] == "*" or q[j] == "*":
            # A `*` ends here, or takes the other side's next character (a literal, a `?`, or what its `*` makes).
            ends = meet(i + 1, j) if p[i] == "*" else meet(i, j + 1)
            return ends or (meet(i, j + 1) if p[i] == "*" else meet(i + 1, j))
        return (p[i] == q[j] or "?" in (p[i], q[j])) and meet(i + 1, j + 1)

    return meet(0, 0)


def _patterns_cover(deny: Any, allow: Any, *, fold: bool) -> bool:
    """Whether every pattern of ``allow`` (an Action or Resource, a string or a list) names only what some pattern of
    ``deny`` matches: a deny pattern of literal text and ``*`` that matches an allow pattern read literally matches
    every value the allow pattern does (each ``*`` of the allow lies within what a ``*`` of the deny matched). A deny
    pattern with ``?`` or ``$`` covers nothing, an allow pattern with a policy variable is never covered; actions
    compare case-insensitively (``fold``)."""
    denies = [deny] if isinstance(deny, str) else list(deny) if isinstance(deny, (list, tuple)) else []
    allows = [allow] if isinstance(allow, str) else list(allow) if isinstance(allow, (list, tuple)) else []
    flags = re.IGNORECASE if fold else 0
    regexes = [
        re.compile(".*".join(re.escape(part) for part in d.strip().split("*")), flags)
        for d in denies
        if isinstance(d, str) and d.strip() and "?" not in d and "$" not in d
    ]
    return bool(allows) and all(
        isinstance(a, str) and "${" not in a and any(r.fullmatch(a.strip()) for r in regexes) for a in allows
    )


def _is_deny_statement(value: Mapping[Any, Any]) -> bool:
    effect = value.get("Effect", value.get("effect"))
    return isinstance(effect, str) and effect.strip().lower() == "deny"


def _bare_items(text: str) -> Iterator[str]:
    """The items of a list in one string (separated by whitespace, ``,`` or ``;``) that are not part of a
    URL: a URL's authority runs on across ``,`` and ``;`` (``mongodb://a:27017,b:27017/db``, JDBC
    ``;property=value``) until its path, query or fragment starts, and so does its query or fragment
    (``?fields=vehicle.vin,vehicle.model``: commas are query characters, and a query's values are the
    URL's, sent to its host, as a value without commas is); no URL spans whitespace."""
    for chunk in text.split():
        in_url = False  # inside a URL's authority, query or fragment
        for item in _ITEM_SPLIT.split(chunk):
            if "://" in item:
                in_url = _runs_on(item.split("://", 1)[1])
            elif in_url:
                in_url = _runs_on(item)
            elif item:
                yield item


def _runs_on(rest: str) -> bool:
    """Whether a URL whose text so far ends with ``rest`` continues across a following ``,`` or ``;``: in its
    authority (no path yet), or once its query or fragment has started; not in its path."""
    start = _PATH_START.search(rest)
    return start is None or _QUERY_START.search(rest, start.start()) is not None


def _helm_values(
    keys: Mapping[str, str], release: HelmRelease, files: Mapping[str, str], documents: Iterable[str] = ()
) -> tuple[dict[str, str], list[str]]:
    """(k8s63) The values of ``keys`` a release is given (the written values files in order, then its ``--set``
    pairs: the last wins; an empty value is no value, as the chart's empty default), and the texts of the values it
    is given from elsewhere (a values file the script does not write, ``--set-json datadog={...}`` naming a key or its
    parent, ``--reuse-values``)."""
    given: dict[str, str] = {}
    unknown: list[str] = []
    for file in release.files:
        body = files.get(file)
        document = yaml_or_none(body) if body is not None else None
        if body is None or (document is not None and not isinstance(document, Mapping)):
            unknown.append(file)
            continue
        for key in keys:
            value: Any = document
            for part in key.split("."):
                value = value.get(part) if isinstance(value, Mapping) else None
            if value is not None and str(value).strip():
                given[key] = str(value)
    for key, value in release.sets:
        if key in keys and value.strip():
            given[key] = value
    for option, value in release.unknown:
        name = value.partition("=")[0]
        # k8s64: or a chart's configuration key (`documents`), or a path below it (`--set-json config.exporters={...}`)
        if not value or any(k == name or k.startswith(f"{name}.") for k in keys) or _below(name, documents):
            unknown.append(f"{option} {value}".strip())
    return given, unknown


def _below(name: str, keys: Iterable[str]) -> bool:
    """(k8s64) Whether values path ``name`` is one of ``keys`` or below one (``config.exporters`` below ``config``)."""
    return any(name == k or name.startswith((f"{k}.", f"{k}[")) for k in keys)


_HELM_INDEX = re.compile(r"^(?P<name>[^\[\]]*)\[(?P<index>\d+)\]$")


def _helm_tree(key: str, release: HelmRelease, files: Mapping[str, str]) -> Any:
    """(k8s64) The value of top-level values ``key`` a release gives (the written values files' in order, each merged
    into the one before as Helm merges maps, then each ``--set`` path below it: "the rightmost (last) one takes
    precedence"), None where none gives it (the chart's own then). A ``--set`` path's ``name[N]`` is the list item N
    (Helm, "The Format and Limitations of --set": "servers[0].port=80")."""
    tree: dict[str, Any] = {}
    for file in release.files:
        body = files.get(file)
        document = yaml_or_none(body) if body is not None else None
        if isinstance(document, dict) and key in document:
            tree = _merged_values(tree, {key: document[key]})
    for dotted, value in release.sets:
        if dotted.split(".", 1)[0].split("[", 1)[0] == key:
            _set_values_path(tree, dotted.split("."), value)
    return tree.get(key)


def _merged_values(base: Any, over: Any) -> Any:
    """(k8s64) ``over`` merged into ``base`` as Helm merges values: maps key by key, any other value replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: _merged_values(base.get(k), v) for k, v in over.items()}}
    return over


def _set_values_path(tree: Any, parts: list[str], value: str) -> None:
    """(k8s64) ``--set`` of ``parts`` (a dotted path's names, ``name[N]`` a list's item) to ``value`` in ``tree``."""
    node = tree
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        m = _HELM_INDEX.match(part)
        name, index = (m.group("name"), int(m.group("index"))) if m else (part, None)
        if not isinstance(node, dict) or (index is not None and index > _HELM_MAX_INDEX):
            return
        if index is None:
            if last:
                node[name] = value
                return
            child = node.get(name)
            if not isinstance(child, dict):
                child = node[name] = {}
            node = child
            continue
        items = node.get(name)
        if not isinstance(items, list):
            items = node[name] = []
        items.extend([None] * (index + 1 - len(items)))
        if last:
            items[index] = value
            return
        if not isinstance(items[index], dict):
            items[index] = {}
        node = items[index]


# k8s65b (stop 65): a text that is one shell expansion, a variable's or a command substitution's (one level of
# parentheses inside)
_WHOLE_EXPANSION = re.compile(r"\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\}|\((?:[^()]|\([^()]*\))*\))|`[^`]*`")
_HELM_MAX_INDEX = 64
"""(k8s64) The largest ``--set`` list index read (a larger one leaves the path unread)."""


def _named_by(key: str, keys: frozenset[str]) -> bool:
    """``key`` is one of ``keys`` or ends with ``_<one of them>``: ``webhook_url``, ``default_arguments``."""
    return key in keys or any(key.endswith("_" + k) for k in keys)


def _match_key(key: str, tokens: str, match_keys: frozenset[str]) -> bool:
    """``key`` is one of ``match_keys``: a plain name matched on the key's tokens like a host key (``no_proxy``,
    ``app_cors_origins``), or a dotted pattern matched on the key as written (``projection.*.values``)."""
    names = frozenset(k for k in match_keys if "." not in k)
    return _named_by(tokens, names) or any(fnmatch.fnmatchcase(key, k) for k in match_keys - names)


def _container_run_line(
    container: Mapping[Any, Any], form: ContainerForm | None = None, values: bool = False
) -> str | None:
    """(ecs61, stop 61) The ``docker run`` line a container definition is (ECS ContainerDefinition, Batch
    ContainerProperties: "entryPoint ... maps to Entrypoint ... and the --entrypoint option to docker run", "command
    ... maps to Cmd ... and the COMMAND parameter to docker run", "environment ... the --env option"), its keys in any
    case (a template's ``Image``, the API's ``entryPoint``): ``docker run -e NAME ...
    [--entrypoint EP0] IMAGE EP1... ARG...``, every item one quoted word (exec form: no shell splits or expands it). A
    variable is written ``-e NAME`` (set: its value is judged at its own field), or ``-e NAME=`` when its value is
    empty (unset to the tool, as an empty ``export``); a secret's variable is set; an environment file
    (``environmentFiles``, S3) sets what no input shows, so none of its variables is proven set (the defaults stay
    judged: fail closed). None without a literal image (nothing known runs); an argument vector holding an item that
    is no text (a template function, walked as its own field) is left out, the image read alone.
    (k8s62) Each API's keys by its ``form`` (``container_forms``: a Kubernetes container's ``command`` is the entry
    point and ``args`` the command); the ``docker`` form (ECS, Batch) when none is given.
    (mutation63) ``values``: a variable's literal value is written (``-e NAME=VALUE``: its value is judged on the line,
    where no walk judges its field); a form with ``variable_references`` has its items' ``$(NAME)`` expanded
    (:func:`_references_expanded`)."""
    fields = {_snake(str(k)): v for k, v in container.items()}
    form = form if form is not None else load_endpoints().container_forms["docker"]
    image = next((v for k in form.image if (v := fields.get(k)) is not None), None)
    if not isinstance(image, str) or not image.strip():
        return None
    words = ["docker", "run"]
    variables = _container_variables(fields, form)
    for name, value, reference in variables:
        given = (value is not None and str(value).strip() != "") or reference is not None
        literal = values and reference is None and isinstance(value, (str, int, float)) and given
        words += ["-e", f"{name}={value}" if literal else name if given else f"{name}="]
    entry_point, command = _container_items(fields, form.entry_point), _container_items(fields, form.command)
    if not all(isinstance(w, (str, int, float)) for w in (*entry_point, *command)):
        entry_point, command = [], []  # the image alone: each item is walked as its own field
    elif form.variable_references:
        known = {n: (v, r) for n, v, r in variables}
        entry_point = [_references_expanded(str(w), known)[0] for w in entry_point]
        command = [_references_expanded(str(w), known)[0] for w in command]
    if entry_point:
        words += ["--entrypoint", str(entry_point[0])]
    words += [image, *(str(w) for w in entry_point[1:]), *(str(w) for w in command)]
    return shlex.join(words)


def _container_tables(
    endpoints: EndpointCatalogue,
) -> tuple[
    Mapping[str, tuple[tuple[str, ...], ...]],
    dict[tuple[str, tuple[str, ...]], ContainerForm],
    dict[str, ContainerForm],
    ContainerForm | None,
    dict[tuple[str, str], ContainerForm],
]:
    """(ecs61) Type -> the key paths of its containers (``containers``); (k8s62) (type, key path) -> the form of the
    container there (``container_forms``); type -> the form of a type whose inputs are one container (path ``""``: an
    SAE application); the form reading a Kubernetes manifest's containers (the one with ``manifest_lists``), if any;
    (k8s63) (template input's type, template resource type) -> the form of a template resource whose Pulumi twin
    (``stack_templates`` ``resources``) is one container (an ROS ``ALIYUN::SAE::Application``)."""
    forms = endpoints.container_forms
    placed = endpoints.typed_paths(tuple(c for c in endpoints.containers if c.path))
    at = {(c.type, tuple(c.path.split("."))): forms[c.form] for c in endpoints.containers}
    whole = {c.type: forms[c.form] for c in endpoints.containers if not c.path}
    twins = {(t.type, r.type): whole[r.resource] for t in endpoints.stack_templates for r in t.resources
             if r.resource in whole}  # fmt: skip
    return placed, at, whole, next((f for f in forms.values() if f.manifest_lists), None), twins


def _container_items(fields: Mapping[str, Any], keys: Sequence[str]) -> list[Any]:
    """(k8s62) The items of the first of ``keys`` ``fields`` holds: a list, one value alone as its one item, or the
    JSON text of a list (SAE's ``command_args``: ``["a","b"]``); none when absent."""
    value = next((v for k in keys if (v := fields.get(k)) is not None), None)
    if isinstance(value, str) and value.lstrip()[:1] == "[":
        with contextlib.suppress(ValueError):  # not JSON: the text as one item
            value = json.loads(value)
    return _as_items(value)


def _container_variables(fields: Mapping[str, Any], form: ContainerForm) -> list[tuple[str, Any, Any]]:
    """(k8s62) (name, value, reference) of the container's variables (``form.variables``: {name, value[,
    value_from]} pairs, a map of name to value (Lightsail), or the JSON text of a list of pairs (SAE's ``envs``)); the
    reference is what a pair's ``value_from`` key gives (a secret's ARN, a Kubernetes ``secretKeyRef``), None when
    absent. Names that are no shell variable's are left out."""
    out: list[tuple[str, Any, Any]] = []
    for key in form.variables:
        given = fields.get(key)
        if isinstance(given, str) and given.lstrip()[:1] in "[{":
            try:
                given = json.loads(given)
            except ValueError:
                continue
        if isinstance(given, Mapping):
            out += [(str(n), v, None) for n, v in given.items() if _SHELL_NAME.fullmatch(str(n))]
            continue
        for variable in _as_items(given):
            if not isinstance(variable, Mapping):
                continue
            name = next((n for k in form.name if (n := prop_of(variable, k)) is not None), None)
            if isinstance(name, str) and _SHELL_NAME.fullmatch(name):
                reference = next((r for k in form.value_from if (r := prop_of(variable, k)) is not None), None)
                out.append((name, prop_of(variable, "value"), reference or None))
    return _variables_expanded(out) if form.variable_references else out


_KUBERNETES_REFERENCE = re.compile(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")
"""(mutation63) Kubernetes' ``$(NAME)`` variable reference, and ``$$`` (an escaped ``$``); a name as an EnvVar's may be
written (letters, digits, ``_``, ``-``, ``.``, not a digit first: Kubernetes' ``IsEnvVarName``). The one pattern of the
reference: hostshape4's ``_expanded_container`` kept a copy (``_KUBE_REFERENCE``) until stop 66."""


def _references_expanded(text: str, known: Mapping[str, tuple[Any, Any]]) -> tuple[str, Any]:
    """(mutation63, stop 63) ``text`` with each ``$(NAME)`` of a variable ``known`` gives a literal value replaced by
    it and ``$$`` by ``$`` (Kubernetes Container: "Variable references $(VAR_NAME) are expanded using the container's
    environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are
    reduced to a single $"), and the reference (a secret's, a ConfigMap's) of the first variable named that gives none
    (its ``$(NAME)`` left as written: a value no input shows), else None. ``known``: name -> (value, reference)."""
    if "$" not in text:
        return text, None
    given: list[Any] = []

    def one(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return "$"
        value, reference = known.get(m.group(1), (None, None))
        if reference is not None:
            given.append(reference)
        elif isinstance(value, (str, int, float)) and m.group(1) in known:
            return str(value)
        return m.group(0)

    expanded = _KUBERNETES_REFERENCE.sub(one, text)
    return expanded, (given[0] if given else None)


def _variables_expanded(variables: list[tuple[str, Any, Any]]) -> list[tuple[str, Any, Any]]:
    """(mutation63) Each variable's value with ``$(NAME)`` of a variable defined before it expanded (Kubernetes
    EnvVar: "Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the
    container"); a value naming a variable given by a reference is given by that reference (``DD_SITE: "$(SITE)"``,
    SITE from a ConfigMap: the site is that ConfigMap's value)."""
    out: list[tuple[str, Any, Any]] = []
    known: dict[str, tuple[Any, Any]] = {}
    for name, written, given in variables:
        value, reference = (
            _references_expanded(written, known) if given is None and isinstance(written, str) else (written, given)
        )
        out.append((name, value, reference))
        known[name] = (value, reference)
    return out


def _reference_text(reference: Any) -> str:
    """(k8s62) A variable's reference as one text a declaration matches: an ARN as written; a Kubernetes
    ``{secretKeyRef: {name, key}}`` / ``{configMapKeyRef: ...}`` as ``secretKeyRef:NAME/KEY``; anything else as its
    JSON."""
    if isinstance(reference, Mapping) and len(reference) == 1:
        ((kind, target),) = reference.items()
        if isinstance(target, Mapping) and isinstance(target.get("name"), str) and isinstance(target.get("key"), str):
            return f"{kind}:{target['name']}/{target['key']}"
    if isinstance(reference, str):
        return reference
    return json.dumps(reference, sort_keys=True, default=str)


def _as_items(value: Any) -> list[Any]:
    """A list input's items (one value alone as its one item; none when absent)."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _by_type(entries: Sequence[JoinedScript]) -> dict[str, list[JoinedScript]]:
    """Type token -> its entries, in the catalogue's order."""
    table: dict[str, list[JoinedScript]] = {}
    for entry in entries:
        table.setdefault(entry.type, []).append(entry)
    return table


def _value_at(container: Any, keys: Sequence[str]) -> Any:
    """The value at snake-case ``keys`` below ``container`` (maps, generated input objects, JSON text); None when a
    key is absent or something else (a list, an Output still unresolved) is in the way."""
    value = container
    for key in keys:
        if isinstance(value, str) and value.lstrip()[:1] == "{":
            try:
                value = json.loads(value)
            except ValueError:
                return None
        elif value is not None and is_input_type(type(value)):
            value = vars(value)
        if not isinstance(value, Mapping):
            return None
        value = prop_of(value, key)
    return value


def _fixed_in_file(container: Any, path: str, platform: tuple[str, ...] = ()) -> bool:
    """True when the input at dotted ``path`` of a log-router file's section is set to a value the file fixes: not
    empty, and not wholly embedded Ruby or an environment variable (``_FILE_RUNTIME_VALUE``; review43: a Fluentd AWS
    output's ``region "#{ENV['AWS_REGION']}"`` names the same environment as an omitted ``region``, and passed) other
    than a ``${VAR}`` the platform fixes (``platform``: FireLens options, ``GlobalService.platform_variables``)."""
    value = _value_at(container, path.split("."))
    if not _set_at(container, path):
        return False
    if not (isinstance(value, str) and _FILE_RUNTIME_VALUE.fullmatch(value)):
        return True
    return value.strip() in {f"${{{v}}}" for v in platform}


def _set_at(container: Any, path: str) -> bool:
    """True when the input at dotted ``path`` below ``container`` is set (an Output counts: it will be judged)."""
    value = _value_at(container, path.split("."))
    empty = isinstance(value, (str, Mapping, list, tuple)) and not value
    return value is not None and not empty


def _setting_name(props: Mapping[str, Any], name_key: str, logical_name: str) -> str | None:
    """The snake-case name of the setting a resource stores (the last segment of a hierarchical name,
    ``/fleet/prod/EXPORT_REGION``); None while it is unknown (an Output). Without a name the provider
    names it after the resource (``export-region`` -> ``export-region-3f9a1c2``, as the engine then shows
    it): both are read without Pulumi's random suffix, so every front door reads the same name."""
    name = prop_of(props, name_key)
    if name is None:
        name = logical_name
    if not isinstance(name, str):
        return None
    return _snake(_AUTONAME_SUFFIX.sub("", name.rstrip("/").rsplit("/", 1)[-1])) or None


_FEATURE_CONTEXT = frozenset({"function_name"})
# An API Gateway integration's `request_parameters` fill its `uri`'s placeholders (the bucket of an S3 integration:
# engine `_judge_mapped_bucket`): while they are an Output, the guard holds the uri and judges it once they resolve.
_INTEGRATION_URI_KEYS = frozenset({("uri",), ("integration_uri",)})
_BODY_INTEGRATION_URI = (BODY_INTEGRATION_KEY, "uri")


def _host_header_inputs(endpoints: EndpointCatalogue) -> dict[str, tuple[tuple[str, ...], PrivateIntegration]]:
    """The private integrations whose Host-header input names no destination through a link the program makes
    (``endpoints.yaml`` ``vpc_links.integrations``, ``host_header``): type -> (that input's key path, the entry)."""
    return {
        entry.type: ((entry.host_header,), entry)
        for entry in endpoints.vpc_links.integrations
        if entry.host_header is not None
    }


def _through_made_link(walk: _Walk, private: PrivateIntegration) -> bool:
    """Whether an integration is a private integration through a VPC link the program makes (``private``, an
    ``endpoints.yaml`` ``vpc_links.integrations`` entry since stop 41: a REST Integration's ``connection_type``
    VPC_LINK, its ``connection_id`` that link: ``stages.VPC_LINK_MADE``, asked through ``known``). Its Host-header
    input (``uri``) then names no destination: "For private integrations, the URI parameter is not used for routing
    requests to your endpoint, but is used for setting the Host header and for certificate validation" (pulumi-aws v7
    apigateway/integration ``uri``;
    API Gateway "Set up a private integration": requests go to the VPC link's Network Load Balancer, or with VPC link
    v2 to the ``integration_target``). Where they go is judged there: the link's ``target_arn`` and the
    ``integration_target`` ARN by their Region, and the load balancer is a resource of the stack's. A literal
    ``connection_id`` proves no link (anyone's, in any Region the account reaches): the uri is judged as any URL."""
    known = walk.known
    if not private.private(prop_of(walk.subject.props, private.connection_type)):
        return False
    return known is not None and known(VPC_LINK_MADE)


def _body_through_made_link(walk: _Walk, entry: BodyIntegration) -> bool:
    """Whether the value being walked is the Host-header key (``uri``) of a private integration written in an API's
    OpenAPI body (``entry``, ``endpoints.yaml`` ``vpc_links.bodies``, since stop 42) through a VPC link the program
    makes: the map holding it is an ``x-amazon-apigateway-integration`` whose ``connectionType`` is VPC_LINK and whose
    ``connectionId`` is the id of a link the body is computed from (``stages.VPC_LINK_ID``, asked through ``known``),
    as :func:`_through_made_link` reads an Integration resource. A literal id, or ``${stageVariables.vpcLinkId}``,
    proves no link: the uri is judged as any URL."""
    kpath, integration, known = walk.kpath, walk.parent, walk.known
    if len(kpath) < 2 or kpath[-2] != entry.object or kpath[-1] != _snake(entry.host_header):
        return False
    if not isinstance(integration, Mapping) or not entry.private(integration.get(entry.connection_type)):
        return False
    link = integration.get(entry.connection)
    return isinstance(link, str) and known is not None and known(VPC_LINK_ID + link.strip())


def _integration_uri_at(type_: str, kpath: tuple[str, ...]) -> bool:
    """Whether ``kpath`` of a ``type_`` resource is an integration's uri the stage-variables join reads: an Integration
    resource's ``uri`` / ``integration_uri``, or an ``x-amazon-apigateway-integration``'s ``uri`` in a RestApi's (stop
    40) or an HTTP API's (stop 41) OpenAPI ``body``."""
    if type_ in INTEGRATION_TYPES:
        return kpath in _INTEGRATION_URI_KEYS
    return type_ in API_TYPES and kpath[:1] == ("body",) and kpath[-2:] == _BODY_INTEGRATION_URI


_STAGE_VARIABLE = VARIABLE_PREFIX
_STAGE_VARIABLE_TEXT = "${" + VARIABLE_PREFIX
_STAGE_VARIABLE_MAPS = frozenset(VARIABLE_MAPS)
_STACK_CONTEXT = frozenset({"parameters"})
_INTEGRATION_CONTEXT = {"aws:apigateway/integration:Integration": frozenset({"request_parameters"})}


def _feature_arguments(arguments: tuple[FeatureArgument, ...]) -> dict[str, dict[tuple[str, str], str]]:
    """Type token -> (feature, argument) -> the kind (``host``, ``region``) its pair's value is walked under."""
    by_type: dict[str, dict[tuple[str, str], str]] = {}
    for fa in arguments:
        by_type.setdefault(fa.type, {})[(fa.function, fa.arg)] = fa.kind
    return by_type


def _config_items(items: tuple[ConfigItem, ...]) -> dict[str, dict[tuple[str | None, str], str]]:
    """Type token -> (namespace or None, setting) -> the kind (``host``, ``region``, ``variable``) its entry's value
    is walked under."""
    by_type: dict[str, dict[tuple[str | None, str], str]] = {}
    for item in items:
        by_type.setdefault(item.type, {})[(item.namespace, item.key)] = item.kind
    return by_type


def _pair_name(pair: Mapping[Any, Any], user_keyed: bool) -> str | None:
    """The snake-case name of a ``{"name": ..., "value": ...}`` entry (or an Alibaba EventBridge target
    parameter ``{"resource_key": "RegionId", "value": ...}``); None when it has no string name.

    ``{"key": ..., "value": ...}`` entries (ECI container environment) and ``{"parameter_key": ...,
    "parameter_value": ...}`` entries (ROS stack parameters) count only in a list of names the user chose
    (``user_keyed``): elsewhere that shape is a tag matcher (a Backup selection's ``key``)."""
    name = pair.get("name", pair.get("Name"))
    if name is None:
        name = pair.get("resource_key", pair.get("resourceKey", pair.get("ResourceKey")))
    if name is None and user_keyed:
        name = pair.get("key", pair.get("Key"))
    if name is None and user_keyed:
        # A ROS stack's template parameter (``{"parameter_key": ..., "parameter_value": ...}``, parameterKey in engine
        # documents), in a catalogued user_keyed_fields list only.
        name = pair.get("parameter_key", pair.get("parameterKey"))
    return _snake(name) if isinstance(name, str) and name else None


def _fill_placeholders(node: Any, values: Mapping[str, str]) -> Any:
    """``node`` with every ``{{ name }}`` of ``values`` in its texts replaced by the value (an OOS template's
    parameters, and ``{{ ACS::RegionId }}`` when the execution's region is proven); a task's output and any other
    placeholder stay as written. The
    ``Parameters`` declarations themselves are kept as written (a Default is judged where it is used)."""
    if not values:
        return node
    if isinstance(node, str):
        return _RUNBOOK_PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), node) if "{{" in node else node
    if isinstance(node, Mapping):
        return {k: v if k == "Parameters" and _declares(v) else _fill_placeholders(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill_placeholders(v, values) for v in node]
    return node


def _fill_sub_parameters(node: Any, values: Mapping[str, str]) -> Any:
    """A template with each ``${Name}`` of a Parameter in ``values`` inside an ``Fn::Sub`` text replaced by its value
    (not a name the Fn::Sub's own variable map gives, nor an escaped ``${!Name}``); the rest as written. An ``Fn::Sub``
    left with no variable is its text, and is judged as a plain value (`DB_HOST: !Sub db.partner.example.com` passed
    unjudged under a host key, where the same text written plainly is RES-015)."""
    if isinstance(node, Mapping):
        parts = _sub_parts(node)
        if parts is not None:
            written, shadowed = parts
            if shadowed is None:
                text = _sub_text(written, values)
                return text if "${" not in text else {"Fn::Sub": _WrittenAs.of(text, _written_as(written))}
            text = _sub_text(written, {k: v for k, v in values.items() if k not in shadowed})
            if "${" not in text and not shadowed:
                return text
            return {"Fn::Sub": [text, _fill_sub_parameters(node["Fn::Sub"][1], values)]}
        return {k: _fill_sub_parameters(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill_sub_parameters(v, values) for v in node]
    return node


def _sub_parts(node: Mapping[Any, Any]) -> tuple[str, Mapping[Any, Any] | None] | None:
    """An ``Fn::Sub`` node's text and its own variable map (``{}`` for a map that is not one; None for the one-text
    form); None for any other node."""
    if len(node) != 1 or "Fn::Sub" not in node:
        return None
    argument = node["Fn::Sub"]
    if isinstance(argument, str):
        return argument, None
    if isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str):
        return argument[0], argument[1] if isinstance(argument[1], Mapping) else {}
    return None


def _defer_sub_parameters(node: Any, deferred: Mapping[str, Any]) -> Any:
    """A template with each ``Fn::Sub`` whose text uses a Parameter of ``deferred`` (given a value not known yet, not
    shadowed by the Fn::Sub's own variable map) replaced by that value, so the walk defers it."""
    if isinstance(node, Mapping):
        parts = _sub_parts(node)
        if parts is not None:
            text, shadowed = parts
            for name, value in deferred.items():
                if (shadowed is None or name not in shadowed) and "${" + name + "}" in text:
                    return value
        return {k: _defer_sub_parameters(v, deferred) for k, v in node.items()}
    if isinstance(node, list):
        return [_defer_sub_parameters(v, deferred) for v in node]
    return node


def _stack_given(walk: _Walk) -> Any:
    """The values the stack being read gives its template's Parameters: a nested stack's from its parent
    (``_Walk.stack_parameters``), else the stack resource's own ``parameters`` (:func:`_given_parameters`)."""
    return walk.stack_parameters if walk.stack_parameters is not None else _given_parameters(walk.subject.props)


def _stack_values(walk: _Walk) -> Mapping[Any, Any]:
    """:func:`_stack_given` as name -> value, whichever form the stack writes (a CloudFormation map, ROS pairs)."""
    given = _stack_given(walk)
    return given if isinstance(given, Mapping) else _parameter_pairs(given)


def _literal_or_deferred(walk: _Walk, value: Any) -> Any:
    """A given Parameter value the template reads: literal text, or a value not known yet that the walk defers (judged
    where it is used, like every other unknown); None for anything else (another function, nothing given)."""
    return value if isinstance(value, str) or (walk.defer is not None and walk.defer(value)) else None


def _given_parameters(props: Mapping[str, Any]) -> Any:
    """A stack's or an execution's own ``parameters`` input as given: a CloudFormation map, a ROS ``{parameter_key,
    parameter_value}`` list, an OOS execution's JSON map (parsed here); None when it has none or the JSON is bad."""
    given = next((v for k, v in props.items() if _snake(str(k)) == "parameters"), None)
    if isinstance(given, str):
        try:
            return json.loads(given)
        except ValueError:
            return None
    return given


def _parameter_pairs(given: Any) -> dict[Any, Any]:
    """A ROS ``{parameter_key, parameter_value}`` list (``parameterKey`` in engine documents; ``ParameterKey`` in a
    CloudFormation template) as name -> value (the first pair of a name); empty for anything else."""
    pairs: dict[Any, Any] = {}
    if isinstance(given, (list, tuple)):
        for item in given:
            # (alired50, stackinst50) The guard sees a program's own input types (`ros.StackParameterArgs(...)`,
            # `ros.StackInstanceParameterOverrideArgs`), not maps: their values were not read, so a Parameter given
            # abroad by one took its Default at the guard.
            pair = vars(item) if item is not None and is_input_type(type(item)) else item
            if isinstance(pair, Mapping):
                # ParameterKey / ParameterValue: a CloudFormation template's Parameter entries (an
                # AWS::CloudFormation::StackSet's Parameters and ParameterOverrides, stop 49).
                name = pair.get("parameter_key", pair.get("parameterKey", pair.get("ParameterKey")))
                value = pair.get("parameter_value", pair.get("parameterValue", pair.get("ParameterValue")))
                pairs.setdefault(name, value)
    return pairs


def _given_values(given: Any) -> dict[Any, Any]:
    """A template resource's Parameter values as name -> value: a map as written (ROS's ``ALIYUN::ROS::Stack`` and
    ``ALIYUN::ROS::StackGroup`` ``Parameters``), or a list of ``ParameterKey`` / ``ParameterValue`` entries (an
    ``AWS::CloudFormation::StackSet``'s ``Parameters`` and ``ParameterOverrides``, :func:`_parameter_pairs`)."""
    return dict(given) if isinstance(given, Mapping) else _parameter_pairs(given)


def _instance_overrides(
    document: Mapping[Any, Any], props: Mapping[Any, Any], kind: NestedStack
) -> list[dict[Any, Any]]:
    """The parameter overrides of each stack instance group of a StackSet or stack group a template makes, one map per
    group (empty for a group that overrides nothing): its own groups (``kind.overrides``:
    ``StackInstancesGroup.ParameterOverrides``), and the template's instance resources naming it by its literal name
    (``kind.instances``: ROS's ``ALIYUN::ROS::StackInstances``). None of either: an empty list."""
    found: list[dict[Any, Any]] = []
    if kind.overrides is not None:
        head, _, rest = kind.overrides.partition(".")
        groups = props.get(head)
        found += (
            [_given_values(g.get(rest)) for g in groups if isinstance(g, Mapping)] if isinstance(groups, list) else []
        )
    instances = kind.instances
    name = props.get(instances.name) if instances is not None else None
    if instances is None or not isinstance(name, str):
        return found  # a group named by a function: no instance is told to be its (each is judged as written)
    resources = document.get("Resources")
    for resource in resources.values() if isinstance(resources, Mapping) else ():
        if not isinstance(resource, Mapping) or resource.get("Type") != instances.type:
            continue
        own = resource.get("Properties")
        if isinstance(own, Mapping) and own.get(instances.name) == name:
            found.append(_given_values(own.get(instances.overrides)))
    return found


def _stack_set_tables(endpoints: EndpointCatalogue) -> tuple[frozenset[str], Mapping[str, str]]:
    """(stackinst50) The Pulumi StackSet / stack group types whose template is read once per stack instance of the
    program naming it (``stack_set_instances``, :meth:`RuleEngine._instance_runs`), and each one's template input
    (``template_body``): the findings under it are judged with the stack's instances in view
    (:meth:`RuleEngine.judged_with_instances`)."""
    types = frozenset(e.stack_set for e in endpoints.stack_set_instances)
    return types, {t.type: t.path for t in endpoints.stack_templates if t.type in types}


class _AnyParameter(dict[Any, Any]):
    """(stackinst50) A stack instance's overrides that are one value not known here (:meth:`RuleEngine._instance_runs`):
    every Parameter is given that value (``name in values`` is True, ``values[name]`` the value); it lists none."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: Any) -> Any:
        return self.value


def _instance_values(given: dict[Any, Any], overrides: list[dict[Any, Any]]) -> list[dict[Any, Any]]:
    """The Parameter values a StackSet's template runs with: for each instance group, its overrides over the StackSet's
    own values ("A list of StackSet parameters whose values you want to override in the selected stack instances",
    AWS::CloudFormation::StackSet StackInstances); each distinct set once. With no group, the StackSet's own values
    alone (its instances, made elsewhere, may override nothing: the Defaults they leave are read)."""
    if not overrides:
        return [given]
    distinct: list[dict[Any, Any]] = []
    for group in overrides:
        values = {**given, **group}
        if values not in distinct:
            distinct.append(values)
    return distinct


def _sub_text(text: str, values: Mapping[str, str]) -> str:
    return _SUB_VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), text) if "${" in text else text


def _declares(parameters: Any) -> bool:
    """Whether a ``Parameters`` value is a template's declarations (each a map with a ``Type``), not a task's request
    (``ACS::ExecuteApi`` ``Parameters: {RegionId: ...}``), whose placeholders are filled in."""
    return (
        isinstance(parameters, Mapping)
        and bool(parameters)
        and all(isinstance(v, Mapping) and "Type" in v for v in parameters.values())
    )


def _given_names(document: Mapping[Any, Any]) -> set[str]:
    """The names a template's Parameters or the variable map of any ``Fn::Sub`` in it give
    (``["arn:aws:s3:::${Logs}", {"Logs": ...}]`` shadows a resource ``Logs`` inside that ``Fn::Sub``): the
    deployer or the map decides what they stand for, so the template proves nothing by them."""
    parameters = document.get("Parameters")
    given = {str(k) for k in parameters} if isinstance(parameters, Mapping) else set()
    given |= {str(k) for k in _sub_variables(document)}
    return given


_TEMPLATE_PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")
_OWN_NAME_PSEUDO = frozenset({"AWS::AccountId", "AWS::StackName", "ALIYUN::AccountId", "ALIYUN::StackName"})
"""(falsealarm47) The pseudo parameters a template's own bucket name may hold and still be matched as written: none is
filled in where the template is read (the Region, Partition and URLSuffix are, ``_in_own_stack``), so a reference
writing the same ``Fn::Sub`` text names the same bucket."""


def _template_buckets(
    document: Mapping[Any, Any], bucket_types: frozenset[str], given: set[str], *, by_ref: bool = True
) -> frozenset[str]:
    """What names the buckets a template's Resources create (``bucket_types``): ``${LogicalId}`` (``Fn::Sub``
    reads it as the bucket's name; only ``by_ref``), lower-cased too (an ``s3://`` URL's name is read lower-case), a
    literal ``BucketName``, and an ``Fn::Sub`` one of the stack's own pseudo parameters and Parameters. A name that
    ``given`` (:func:`_given_names`) or another resource also gives, compared lower-cased, is left out: the template
    does not prove what it stands for."""
    resources = document.get("Resources")
    if not isinstance(resources, Mapping):
        return frozenset()
    others = {g.lower() for g in given}
    declared = document.get("Parameters")
    parameters = {str(p) for p in declared} if isinstance(declared, Mapping) else set()
    parameters -= set(_sub_variables(resources))  # a name a variable map also gives: not one value in the stack
    own: set[str] = set()
    for logical_id, resource in resources.items():
        if not isinstance(resource, Mapping) or resource.get("Type") not in bucket_types:
            others.add(str(logical_id).lower())
            continue
        if by_ref:
            own.add(f"${{{logical_id}}}")
        props = resource.get("Properties")
        name = props.get(_BUCKET_NAME_PROPERTY) if isinstance(props, Mapping) else None
        if isinstance(name, Mapping) and len(name) == 1 and isinstance(name.get("Fn::Sub"), str):
            # (falsealarm47) `!Sub 'fleet-uploads-${AWS::AccountId}'`: a name of the stack's own account (or stack),
            # which the template's other references write the same way and no front door fills in.
            text = name["Fn::Sub"]
            if _TEMPLATE_PLACEHOLDER.sub("", text) and set(_TEMPLATE_PLACEHOLDER.findall(text)) <= _OWN_NAME_PSEUDO | (
                parameters
            ):
                # (fnsub49) A Parameter left a variable (no value given, no Default) is one value in the whole stack:
                # `fleet-${Env}-exports` written elsewhere in the template is this bucket's very name.
                own.add(text)
        if isinstance(name, str) and name and "${" not in name:
            own.add(name)
    shadowed = {f"${{{o}}}" for o in others}
    return frozenset(n for n in own | {n.lower() for n in own} if n.lower() not in shadowed)


def _template_groups(document: Mapping[Any, Any], group_types: Mapping[str, str]) -> frozenset[str]:
    """(fnb64_51) The group keys (:func:`group_key`) of the multi-region groups a template's Resources create by a
    literal name (``group_types``: an ``AWS::RDS::GlobalCluster``'s ``GlobalClusterIdentifier``), as written and
    lower-cased (Aurora stores identifiers lower-cased); a name from a function is left out (its members' ``Ref``
    passes as a function)."""
    resources = document.get("Resources")
    own: set[str] = set()
    for resource in resources.values() if isinstance(resources, Mapping) else ():
        kind = resource.get("Type") if isinstance(resource, Mapping) else None
        props = resource.get("Properties") if isinstance(kind, str) and kind in group_types else None
        name = props.get(group_types[kind]) if isinstance(props, Mapping) and isinstance(kind, str) else None
        if isinstance(name, str) and name.strip() and "${" not in name:
            own |= {group_key(name), group_key(name.lower())}
    return frozenset(own)


def _template_resources(document: Mapping[Any, Any], given: set[str]) -> Mapping[str, str]:
    """Logical id -> type of what a template's Resources create, less any name ``given`` (:func:`_given_names`) also
    gives."""
    resources = document.get("Resources")
    if not isinstance(resources, Mapping):
        return {}
    return {
        str(k): str(r.get("Type"))
        for k, r in resources.items()
        if str(k) not in given and isinstance(r, Mapping) and isinstance(r.get("Type"), str)
    }


def _template_reference(value: Mapping[Any, Any]) -> tuple[str | None, str] | None:
    """(logical id, attribute or ``Ref``) a one-key template function gives as a whole value: ``Ref``,
    ``Fn::GetAtt`` (list or dotted string), an ``Fn::Sub`` that is one ``${Name}`` or ``${Name.Attribute}`` (with a
    port), or (None, ``Ref``) for an import from another stack (``Fn::ImportValue``, ROS ``Fn::GetStackOutput``).
    None for anything else, and for a pseudo parameter (``AWS::Region``), which is judged where it is read."""
    ((function, argument),) = value.items()
    if function in _IMPORTS:
        return None, "Ref"
    if function == "Ref" and isinstance(argument, str):
        name, attribute = argument, "Ref"
    elif function == "Fn::GetAtt" and isinstance(argument, str) and "." in argument:
        name, attribute = argument.split(".", 1)
    elif function == "Fn::GetAtt" and isinstance(argument, list) and len(argument) == 2:
        name, attribute = (str(a) for a in argument)
    elif function == "Fn::Sub" and isinstance(argument, (str, list)):
        text = argument if isinstance(argument, str) else argument[0] if argument else None
        m = _WHOLE_SUB_HOST.match(text) if isinstance(text, str) else None
        if m is None:
            return None
        name, _, attribute = m.group(1).partition(".")
        attribute = attribute or "Ref"
    else:
        return None
    return None if "::" in name else (name, attribute)


def _template_choices(value: Mapping[Any, Any]) -> list[Any] | None:
    """The values a one-key ``Fn::If`` (``[condition, if true, if false]``), ``Fn::Select`` (``[index, list]``, the
    list written out, or one function giving it) or ``Fn::Split`` (``[delimiter, text]``: the text, judged as a list
    of hosts) may give; None for anything else. (fnb64_51) A ROS ``Fn::Select`` may also pick a key of a map written
    out (each of its values) and end with a default value (given when the index or key is not there): each too."""
    ((function, argument),) = value.items()
    if not isinstance(argument, list) or function not in ("Fn::If", "Fn::Select", "Fn::Split"):
        return None
    if function == "Fn::If":
        return argument[1:3] if len(argument) == 3 else None
    if function == "Fn::Select" and len(argument) == 3:
        items = _select_items(argument[1])
        return None if items is None else [*items, argument[2]]
    if len(argument) != 2:
        return None
    items = _select_items(argument[1]) if function == "Fn::Select" else None
    return items if items is not None else [argument[1]]


def _select_items(items: Any) -> list[Any] | None:
    """(fnb64_51) The values an ``Fn::Select`` may pick from what it selects in: a list written out, or (ROS) a map
    written out ("Query the value of a key from a dictionary or mapping table"), not a function giving one; None
    otherwise (one function, judged as its value)."""
    if isinstance(items, list):
        return items
    if isinstance(items, Mapping) and not _is_function(items):
        return list(items.values())
    return None


def _is_function(node: Mapping[Any, Any]) -> bool:
    """A one-key map that is a template function (``Ref``, ``Fn::...``), not a map written out."""
    return len(node) == 1 and any(k == "Ref" or str(k).startswith("Fn::") for k in node)


def _template_service_index(
    endpoints: EndpointCatalogue, code: str
) -> Mapping[str, tuple[tuple[GlobalService, TemplateService], ...]]:
    """Template resource type -> the global services (judging in ``code``) it is, with each ``template_services``
    entry naming it."""
    by_id = {s.id: s for s in endpoints.global_services}
    services: dict[str, list[tuple[GlobalService, TemplateService]]] = {}
    for t in endpoints.template_services:
        service = by_id[t.service]
        # (alired53) an entry resident here for one account site only is kept: the stack's provider names the site
        # (judged per resource in _judge_template_resources).
        if service.judges_in(code) or any(service.judges_in(code, site) for site in service.site_resident_in):
            for kind in t.types:
                services.setdefault(kind, []).append((service, t))
    return {k: tuple(v) for k, v in services.items()}


_OMITTED: Any = object()
"""A template property left out (or ``Ref AWS::NoValue`` in one branch of an ``Fn::If``): its default applies."""
_EVALUATED = frozenset({"Fn::Join", "Fn::FindInMap"})
_ENCODINGS = frozenset({"Fn::Base64", "Fn::Base64Encode", "Fn::Base64Decode"})
"""(fnb64_51) Template functions that encode or decode a text (CloudFormation ``Fn::Base64``, ROS ``Fn::Base64Encode``
and ``Fn::Base64Decode``): what they give names what their text names, judged under the property's key
(:meth:`RuleEngine._judged_as_intrinsic`; a decoded literal is its text, :func:`_evaluated_functions`)."""
"""Template functions evaluated under a host or bucket key (:meth:`RuleEngine._judge_template_text`)."""
_UNREAD_WHOLE = frozenset(
    {"Fn::Jq", "Fn::GetJsonValue", "Fn::ListMerge", "Fn::MergeMapToList", "Fn::SelectMapList", "Fn::Indent",
     "Fn::Replace", "Fn::Add"}
)  # fmt: skip
"""(fnros52) ROS functions computing a value from data that :func:`_evaluated_functions` evaluates when it can read
every part: one left as written names no Region or host by its parts, so as a whole region field, host or bucket it is
refused as unproven (:meth:`RuleEngine._judged_unread_function`). (fnros53) ``Fn::Add`` of lists too (an
``Fn::Select`` from one with a Parameter's list passed at a region field)."""
_MAX_TEXTS = 32  # texts an Fn::Join of Fn::If parts may give: past this, unproven rather than slow


def _sam_globals(template: StackTemplate, document: Mapping[Any, Any]) -> dict[str, Mapping[Any, Any]]:
    """(sam46) SAM's Globals sections of a template, by the resource type that inherits each (``globals``); empty for a
    template without them (nearly every one)."""
    sections = document.get("Globals") if template.globals else None
    if not isinstance(sections, Mapping):
        return {}
    return {
        kind: section
        for name, section in sections.items()
        if isinstance(section, Mapping) and (kind := template.globals.get(str(name))) is not None
    }


def _implicit_resources(
    template: StackTemplate, resources: Mapping[Any, Any], path: str
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(sam46) Each resource SAM makes for the template without a declaration (``implicit``: the ``ServerlessRestApi``
    of an ``Api`` event without ``RestApiId``), once, as (the path of the first event making it, ``{Type}``); none when
    the template declares that logical id itself (nearly every template has no SAM event at all)."""
    for made in template.implicit:
        if made.logical_id in resources:
            continue
        for logical_id, resource in resources.items():
            if not isinstance(resource, Mapping) or resource.get("Type") not in made.makers:
                continue
            props = resource.get("Properties")
            events = props.get("Events") if isinstance(props, Mapping) else None
            found = (
                next(
                    (
                        name
                        for name, event in events.items()
                        if isinstance(event, Mapping)
                        and event.get("Type") == made.event
                        and not (isinstance(event.get("Properties"), Mapping) and made.unless in event["Properties"])
                    ),
                    None,
                )
                if isinstance(events, Mapping)
                else None
            )
            if found is not None:
                yield f"{path}.{logical_id}.Properties.Events.{found}.{made.logical_id}", {"Type": made.type}
                break


def _with_globals(inherited: Mapping[Any, Any], props: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """A SAM resource's properties with the Globals it inherits: its own value overrides a global one, a map it sets
    is merged over the global map ("Maps are merged", sam-specification-template-anatomy-globals)."""
    merged = {**inherited, **props}
    for k, v in inherited.items():
        own = props.get(k)
        if isinstance(own, Mapping) and isinstance(v, Mapping):
            merged[k] = {**v, **own}
    return merged


_HELD_IN_BUCKET_RULES = frozenset(
    {RuleId.GRANTED_ACCOUNT_PROVEN, RuleId.PUBLIC_ACCESS_DECLARED, RuleId.DOCUMENT_WITHIN_BOUNDS}
)
"""The rules an object held in S3 is refused under (``RuleEngine._judge_held_in_s3``: a definition's accounts, an API
body's callers; ``_judge_template_include``: a snippet), unless its bucket is the stack's own (``_in_own_bucket``)."""


_PATH_HEAD = re.compile(r"[.(\[]")
"""Where a finding's path leaves its top-level input (``templateBody(json).Resources...``)."""


def held_in_bucket(finding: Finding) -> bool:
    """(falsealarm49) Whether ``finding`` refuses an object held in S3 (a definition, an API body, an included snippet:
    its value the ``s3://bucket/key`` location), which a bucket the stack makes proves (:meth:`RuleEngine.
    _in_own_bucket`): a name the provider assigns to one of the stack's buckets, learned later, may prove it wrong, as
    it may a regionless name (the guard judges both again once it learns the names). Outside CN a bucket the stack
    does not make is also RES-017, which alone made the guard judge again; in CN (aws-cn buckets are proven by their
    partition) nothing did, so an auto-named bucket of the program holding a snippet or an API body was refused."""
    return (
        finding.rule.id in _HELD_IN_BUCKET_RULES
        and isinstance(finding.value, str)
        and finding.value.startswith("s3://")
    )


def _s3_location_text(value: Any) -> str:
    """An S3 location as a declaration names it: ``s3://bucket/key`` (a URI as written, or a {Bucket, Key} map of
    literals); anything else (a function) as its JSON text."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        bucket, key = value.get("Bucket"), value.get("Key")
        if isinstance(bucket, str) and isinstance(key, str):
            return f"s3://{bucket}/{key}"
    return json.dumps(value, sort_keys=True, default=str)


def _template_values(node: Any, keys: list[str], path: str) -> Iterator[tuple[str, Any]]:
    """(path, value) for each value a template property path (``EndpointConfiguration.Types``) holds: a list on the
    way is read item by item, an ``Fn::If`` as each branch, a ``*`` as each value of a map (none for an empty one);
    ``_OMITTED`` where the property is left out. A function elsewhere on the way (a whole map from a Parameter) is
    yielded as the value, unevaluated."""
    if isinstance(node, Mapping) and len(node) == 1 and "Fn::If" in node:
        branches = _template_choices(node)
        if branches is not None:
            for i, branch in enumerate(branches):
                yield from _template_values(branch, keys, f"{path}.Fn::If[{i}]")
            return
    if node is None or node == {"Ref": "AWS::NoValue"}:
        yield path, _OMITTED
    elif isinstance(node, list):
        if not node:
            yield path, _OMITTED
        for i, item in enumerate(node):
            yield from _template_values(item, keys, f"{path}[{i}]")
    elif not keys:
        yield path, node
    elif isinstance(node, Mapping) and not any(str(k).startswith("Fn::") or k == "Ref" for k in node):
        if keys[0] == "*":  # (awsred55b) each value of a map keyed by the user (an identity pool's providers)
            for key, item in node.items():
                yield from _template_values(item, keys[1:], f"{path}.{key}")
            return
        yield from _template_values(node.get(keys[0]), keys[1:], f"{path}.{keys[0]}")
    else:
        yield path, node  # a function giving a whole map or list: unevaluated


def _template_field_values(
    props: Mapping[Any, Any],
    entry: TemplateService,
    path: str,
    decodes: Callable[[str, Any], bool] = lambda _name, _value: False,
) -> Iterator[tuple[str, Any]]:
    """(path, value) of a ``template_services`` entry's field in a resource's Properties (:func:`_template_values`);
    for an entry with ``unless_set`` / ``default_unless`` (awsred56) / ``when_set`` (awsred56b), read in each map
    holding the field's last key: none from a map where one of ``unless_set`` is set (what it names is judged by the
    walk) or none of ``when_set`` may be set, no default where the map is not written or one of ``default_unless`` is
    set. For an entry with ``keys``, each key set in the field's map
    gives the value it stands for (a key not listed: the ``{key: ...}`` map itself, which no reader evaluates, so
    unproven). Other entries (nearly all) pay three tests."""
    assert entry.field is not None
    keys = entry.field.split(".")
    if entry.keys:  # (awsred56) a map of alternatives: each key set there stands for a value
        for map_path, alternatives in _template_values(props, keys, path):
            if alternatives is _OMITTED or not isinstance(alternatives, Mapping) or _is_function(alternatives):
                yield map_path, alternatives  # omitted, or a function: judged as such
                continue
            for key in alternatives:
                if _sets_any(alternatives, (str(key),)):
                    named = entry.keys.get(str(key))
                    yield f"{map_path}.{key}", {str(key): alternatives[key]} if named is None else named
        return
    if not entry.unless_set and not entry.default_unless and not entry.when_set:
        yield from _template_values(props, keys, path)
        return
    for holder_path, holder in _template_values(props, keys[:-1], path):
        if holder is _OMITTED:
            continue  # no map holding the field: no output, no destination written
        if isinstance(holder, Mapping) and not _is_function(holder) and _sets_any(holder, entry.unless_set):
            continue
        # (awsred56b) judged only where one of ``when_set`` may be set (a FireLens es output's Cloud_ID); a map that is
        # a function giving the whole options is judged as before (unevaluated: unproven).
        if (
            entry.when_set
            and isinstance(holder, Mapping)
            and not _is_function(holder)
            # config64: a when_set input holding an encoded host that decodes (an Elastic Cloud id) on every way is
            # judged as that host by the walk (RuleEngine._judged_as_encoded_host), not by the entry
            and not any(_may_set_key(holder, name, decodes) for name in entry.when_set)
        ):
            continue
        for value_path, value in _template_values(holder, keys[-1:], holder_path):
            if value is _OMITTED and isinstance(holder, Mapping) and _sets_any(holder, entry.default_unless):
                continue
            yield value_path, value


def _sets_any(holder: Mapping[Any, Any], names: tuple[str, ...]) -> bool:
    """(awsred56) Whether ``holder`` sets one of ``names`` (case-insensitive; dots: nested maps): a value that is
    neither absent, null, ``Ref AWS::NoValue`` nor an ``Fn::If`` one of whose branches is none of these (a condition
    may leave it out), nor a text with a ``${VAR}`` that CloudFormation leaves as written (Fluent Bit fills it from the
    log router's environment, which proves nothing: as the Pulumi entry's ``fixed``)."""
    if not names:
        return False
    for name in names:
        *way, last = name.split(".")
        # A dotted name runs through nested maps (an AgentCore provider's IncludedOauth2ProviderConfig.Issuer): set
        # only when every map the way may give (each branch of an Fn::If on it) sets it.
        maps = [m for _, m in _template_values(holder, way, "")] if way else [holder]
        if maps and all(isinstance(m, Mapping) and not _is_function(m) and _sets_key(m, last) for m in maps):
            return True
    return False


def _may_set_key(
    holder: Mapping[Any, Any], name: str, decodes: Callable[[str, Any], bool] = lambda _name, _value: False
) -> bool:
    """(awsred56b) Whether ``holder`` may set ``name`` (case-insensitive): a value one of whose ways (an ``Fn::If``
    branch) is neither absent, null nor ``Ref AWS::NoValue``; a ``${VAR}`` counts (filled from the router's
    environment, it is still set). The fail-closed reading of a ``when_set`` input, as :func:`_sets_key` is of an
    ``unless_set`` one. config64: nor a text written there encoding a host (``decodes``: an Elastic Cloud id, judged as
    its host by the walk; an ``Fn::If`` of one is still the entry's, failing closed)."""
    wanted = name.lower()
    return any(
        str(key).lower() == wanted
        and any(v is not _OMITTED for _, v in _template_values(value, [], ""))
        # config64: a written id the walk judges as its host (not one behind a condition: judged by the entry)
        and not (isinstance(value, str) and decodes(name, value))
        for key, value in holder.items()
    )


def _sets_key(holder: Mapping[Any, Any], name: str) -> bool:
    """(awsred56) Whether ``holder`` sets ``name`` (case-insensitive), as :func:`_sets_any` reads it."""
    wanted = name.lower()
    for key, value in holder.items():
        if str(key).lower() == wanted and all(
            v is not _OMITTED and not (isinstance(v, str) and "${" in v) for _, v in _template_values(value, [], "")
        ):
            return True
    return False


def _declare_service(service: GlobalService) -> str:
    """How a stack accepts a global service's finding: the entry's id is a name every such finding is matched by
    (``_add_coverable``), so the message gives it as the register's ``match`` (the generic RES-016 fix cannot)."""
    return (
        f" To accept it, declare it in sovereign-dc:destinations with match {service.id!r}, e.g. "
        f'{{"id": "...", "kind": "transfer", "match": "{service.id}", "destination": "<country>", "data_classes": '
        '[...], "basis": "...", "reference": "...", "approved_by": "...", "expires": "YYYY-MM-DD"} (or kind: resident '
        "with evidence that the data stays in the country)."
    )


def _template_literals(document: Mapping[Any, Any], value: Any, depth: int = 0) -> list[Any] | None:
    """Every literal value a template expression may give: a literal; each branch of an ``Fn::If``; each of a
    Parameter's ``AllowedValues``; an ``Fn::FindInMap`` of the template's Mappings (a key it cannot evaluate: every
    entry at that level); each item an ``Fn::Select`` may pick; the joins of an ``Fn::Join``. None when it cannot
    tell (an import, a Parameter without AllowedValues, a pseudo parameter)."""
    if isinstance(value, (str, int, float, bool)):
        return [value]
    if depth > 8 or not isinstance(value, Mapping) or len(value) != 1:
        return None
    ((function, argument),) = value.items()
    if function == "Ref" and isinstance(argument, str):
        parameters = document.get("Parameters")
        parameter = parameters.get(argument) if isinstance(parameters, Mapping) else None
        allowed = parameter.get("AllowedValues") if isinstance(parameter, Mapping) else None
        return list(allowed) if isinstance(allowed, list) and allowed else None
    if function == "Fn::If":
        branches = _template_choices(value)
        return None if branches is None else _each(branches, lambda b: _template_literals(document, b, depth + 1))
    if function == "Fn::FindInMap":
        return _find_in_map(document, argument, depth)
    if function == "Fn::Select" and isinstance(argument, list) and len(argument) == 2 and isinstance(argument[1], list):
        return _each(argument[1], lambda item: _template_literals(document, item, depth + 1))
    if function == "Fn::Join":
        texts = _template_texts(document, value, depth + 1)
        return texts if texts is not None and all("${" not in t for t in texts) else None
    return None


def _each(items: Iterable[Any], evaluate: Callable[[Any], list[_T] | None]) -> list[_T] | None:
    """Every value the items may give, each evaluated by ``evaluate``; None when one of them cannot be."""
    out: list[_T] = []
    for item in items:
        got = evaluate(item)
        if got is None:
            return None
        out += got
    return out


def _find_in_map(document: Mapping[Any, Any], argument: Any, depth: int, lists: bool = False) -> list[Any] | None:
    """The values an ``Fn::FindInMap`` ``[map, top key, second key]`` may give from the template's Mappings: a key
    given by a function it cannot evaluate (``Ref AWS::Region``) stands for every key at that level. With ``lists``, a
    value that is a list of texts (a map may hold one: "the value can be a string or a list") gives each item (a list
    field such as a StackSet group's ``Regions``); without, such a value is not read (None)."""
    default = _lookup_default(argument)
    if default is _NO_DEFAULT and (not isinstance(argument, list) or len(argument) != 3):
        return None
    levels: list[Any] = [document.get("Mappings")]
    fallback = False
    for key in argument[:3]:
        names = _template_literals(document, key, depth + 1)
        following: list[Any] = []
        for level in levels:
            if not isinstance(level, Mapping):
                return None
            if names is None:
                following += list(level.values())
                fallback |= default is not _NO_DEFAULT  # (fnros52) a key not known may be one the map lacks
            else:
                for name in names:
                    if str(name) in level:
                        following.append(level[str(name)])
                    elif default is _NO_DEFAULT:
                        return None  # a key the map does not hold: the stack fails, or the value is unknown
                    else:
                        fallback = True
        levels = following
    if fallback:
        # The default as the text it gives (`DefaultValue: !Ref AWS::Region` is `${AWS::Region}`, filled in as the
        # stack's own Region where the evaluation reads it); a list as written (a list field's value).
        given = [default] if isinstance(default, list) else _template_texts(document, default, depth + 1)
        if given is None:
            return None
        levels += given
    if lists:
        levels = [item for v in levels for item in (v if isinstance(v, list) else [v])]
    if not levels or not all(isinstance(v, (str, int, float, bool)) for v in levels):
        return None
    return levels


_NO_DEFAULT: Any = object()
"""(fnros52) An ``Fn::FindInMap`` written without a ``DefaultValue``."""


def _region_keyed_maps(document: Mapping[Any, Any], stack: _OwnStack) -> frozenset[str] | None:
    """(awsred62) The maps of a template's ``Mappings`` that every ``Fn::FindInMap`` of the template reads by the
    Region pseudo parameter alone (``!FindInMap [M, !Ref AWS::Region, K]``), when the stack's own Region is known (a
    stack's template; a StackSet's runs in every instance's Region, ``stack.region`` None: every row is read). Such a
    map's rows for other Regions are never read by this stack ("Fn::FindInMap: Returns the value corresponding to keys
    in a two-level map that's declared in the Mappings section"; the section holds data only, read by no other
    function). None when a lookup names its map by a function, or a macro (``Transform`` other than the language
    extensions and SAM, ``Fn::Transform``) may rewrite the template: every row may then be read, as before. One walk
    of the template."""
    if stack.region is None or stack.region_name is None:
        return None
    transform = document.get("Transform")
    transforms = transform if isinstance(transform, list) else [transform] if transform is not None else []
    if any(t not in _DATA_ONLY_TRANSFORMS for t in transforms):
        return None
    by_region: set[str] = set()
    other: set[str] = set()
    region = {"Ref": stack.region_name}
    stack_nodes: list[Any] = [document]
    while stack_nodes:
        node = stack_nodes.pop()
        if isinstance(node, list):
            stack_nodes += node
        elif isinstance(node, Mapping):
            if "Fn::Transform" in node:
                return None
            lookup = node.get("Fn::FindInMap") if len(node) == 1 else None
            if lookup is not None:
                name = lookup[0] if isinstance(lookup, list) and lookup else None
                if not isinstance(name, str):
                    return None  # a map named by a function: any map may be read
                (by_region if len(lookup) > 1 and lookup[1] == region else other).add(name)
            stack_nodes += [v for k, v in node.items() if k != "Mappings" or node is not document]
    return frozenset(by_region - other)


_DATA_ONLY_TRANSFORMS = frozenset({"AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"})
"""(awsred62) Transforms whose expansion the engine reads itself (``Fn::ForEach``, ``Fn::FindInMap``'s
``DefaultValue``; SAM's resources): they read no map row the template does not name."""


def _without_unread_rows(document: dict[Any, Any], maps: frozenset[str], stack: _OwnStack) -> dict[Any, Any]:
    """(awsred62) ``document`` with only the stack's own Region's row of each map ``maps`` names
    (:func:`_region_keyed_maps`): the rows no lookup of this stack can reach are no destinations."""
    mappings = document.get("Mappings")
    if not isinstance(mappings, Mapping):
        return document
    kept = {
        name: {k: v for k, v in rows.items() if k == stack.region}
        if name in maps and isinstance(rows, Mapping)
        else rows
        for name, rows in mappings.items()
    }
    return {**document, "Mappings": kept}


def _lookup_default(argument: Any) -> Any:
    """(fnros52) The ``DefaultValue`` of an ``Fn::FindInMap`` ``[map, top key, second key, {DefaultValue: value}]``
    ("The value that Fn::FindInMap will resolve to if the TopLevelKey and/or SecondLevelKey can not be found from the
    MapName map", CloudFormation's Fn::FindInMap enhancements), else :data:`_NO_DEFAULT`."""
    if not isinstance(argument, list) or len(argument) != 4 or not isinstance(argument[3], Mapping):
        return _NO_DEFAULT
    return argument[3].get("DefaultValue", _NO_DEFAULT) if len(argument[3]) == 1 else _NO_DEFAULT


def _template_texts(document: Mapping[Any, Any], value: Any, depth: int = 0) -> list[str] | None:
    """The texts a template expression may give, written as ``Fn::Sub`` text: a ``Ref`` as ``${Name}``, an
    ``Fn::GetAtt`` as ``${Name.Attribute}``, an ``Fn::Sub`` without a variable map as its text, an ``Fn::Join`` as
    each join of its parts' texts, an ``Fn::If`` / ``Fn::Select`` as each text it may give, an ``Fn::FindInMap`` as
    its values. None when a part cannot be evaluated (an import, a list from a Parameter) or there are too many."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if depth > 8 or not isinstance(value, Mapping) or len(value) != 1:
        return None
    ((function, argument),) = value.items()
    if function in ("Ref", "Fn::GetAtt", "Fn::Sub"):
        text = _template_variable_text(function, argument)
        return None if text is None else [text]
    if function == "Fn::FindInMap":
        found = _find_in_map(document, argument, depth)
        return None if found is None else [str(v).lower() if isinstance(v, bool) else str(v) for v in found]
    if function in ("Fn::If", "Fn::Select"):
        choices = _template_choices(value)
        if choices is None or (function == "Fn::Select" and not isinstance(argument[1], list)):
            return None
        return _each(choices, lambda choice: _template_texts(document, choice, depth + 1))
    if function == "Fn::Join" and isinstance(argument, list) and len(argument) == 2:
        return _joined_texts(document, argument[0], argument[1], depth)
    return None


def _decoded_template_text(value: Any, texts: list[Any], path: str) -> tuple[list[Any], str]:
    """(awsred59) A template property that is the base64 text of its Pulumi input (``base64``: an Amazon MQ
    configuration's ``Data``): a literal that decodes is that input's text, at the template's path marked as decoded;
    anything else (``Fn::Base64`` of the text, a value that does not decode) is ``texts`` as before. A base64 literal
    passed every door where ``Fn::Base64`` of the same XML and the Pulumi ``data`` were RES-015."""
    decoded = _decode_payload(value) if isinstance(value, str) else None
    return (texts, path) if decoded is None else ([decoded[1]], f"{path}({decoded[0]})")


def _template_input_index(endpoints: EndpointCatalogue) -> Mapping[tuple[str, str], TemplateResource]:
    """(template input's type, template resource type) -> its ``stack_templates`` ``resources`` entry."""
    return {(t.type, r.type): r for t in endpoints.stack_templates for r in t.resources}


def _template_event_index(endpoints: EndpointCatalogue) -> Mapping[tuple[str, str, str, str], tuple[str, str]]:
    """(samevents46) (template input's type, template resource type, event Type, event property path) -> (the Pulumi
    type, its input path) the property is judged as (``stack_templates`` ``resources`` ``events``)."""
    return {
        (t.type, r.type, kind, prop): (e.resource, target)
        for t in endpoints.stack_templates
        for r in t.resources
        for e in r.events
        for kind in e.types
        for prop, target in e.inputs.items()
    }


def _template_resource_at(walk: _Walk, path: str) -> tuple[StackTemplate, int, list[str], Any] | None:
    """For a key under a template resource (``walk.kpath`` ``<template input>.resources.<id>...``): the template's
    catalogue entry, the index of ``resources`` in ``walk.kpath``, the finding path ``path`` split into one part per
    ``walk.kpath`` key (the template input's own path may read as one part, ``template_body(json)``: the parts before
    it are dropped) and the template's resource at the walked logical id (anything: the callers test its shape). For a
    child resource (``children``, ros48) the index is one more and the resource the child: ``parts[index + 1]`` is its
    key either way. None when the path is shorter than the key path or the template has no ``Resources`` map. (One
    reading for the SAM event and nested-property mappings, samevents46 / samsfn47.)"""
    assert walk.template is not None
    template, document = walk.template
    parts = path.split(".")
    offset = len(parts) - len(walk.kpath)
    resources = document.get("Resources")
    if offset < 0 or not isinstance(resources, Mapping):
        return None
    parts, start = parts[offset:], template.path.count(".") + 1
    resource = resources.get(parts[start + 1])
    if template.children and walk.kpath[start + 2] != "properties" and isinstance(resource, Mapping):
        # (ros48) A child resource declared as a key of its parent (an Aliyun::Serverless::Service's function): read as
        # a resource of its own, one level deeper (its key is parts[start + 2], its Properties at kpath[start + 3]).
        child = resource.get(parts[start + 2])
        kinds = template.children.get(str(resource.get("Type")), frozenset())
        if isinstance(child, Mapping) and child.get("Type") in kinds:
            return template, start + 1, parts, child
    return template, start, parts, resource


def _template_path_tables(
    endpoints: EndpointCatalogue,
) -> tuple[Mapping[tuple[str, str, str], tuple[str, str]], frozenset[str]]:
    """(samsfn47) (template input's type, template resource type, property path) -> (the Pulumi type, its input path)
    the nested value is judged as (``stack_templates`` ``resources`` ``paths``, and sam48's ``generated`` paths of the
    resources SAM generates), and the paths' last keys."""
    index = {
        (t.type, r.type, prop): (token, target)
        for t in endpoints.stack_templates
        for r in t.resources
        for token, paths in ((r.resource, r.paths), *((g.resource, g.paths) for g in r.generated))
        for prop, target in paths.items()
    }
    return index, frozenset(prop.rsplit(".", 1)[-1] for _, _, prop in index)


_GIVES_TEXT = frozenset({"Fn::Sub", "Fn::Join"})
"""Template functions giving a whole text (a state machine's ``DefinitionString``) :func:`_template_texts` evaluates."""


def _substituted(text: Any, substitutions: Mapping[Any, Any]) -> Any:
    """``text`` (a definition's text, or its map written as JSON) with each ``${Name}`` of a literal value in
    ``substitutions`` (a state machine's ``DefinitionSubstitutions``) replaced by that value; any other value (a
    ``Ref``, an ``Fn::GetAtt``) leaves its placeholder, which names nothing (open: docs/residency.md)."""
    literal = {str(k): str(v) for k, v in substitutions.items() if isinstance(v, (str, int, float))}
    if not literal:
        return text
    written = text if isinstance(text, str) else json.dumps(text)
    for name, given in literal.items():
        written = written.replace("${" + name + "}", given)
    return written


def _template_variable_text(function: str, argument: Any) -> str | None:
    """The ``Fn::Sub`` text a ``Ref`` (``${Name}``), ``Fn::GetAtt`` (``${Name.Attribute}``) or ``Fn::Sub`` without a
    variable map (its text) equals; None for any other shape."""
    if function == "Ref":
        return f"${{{argument}}}" if isinstance(argument, str) else None
    if function == "Fn::GetAtt":
        if isinstance(argument, str) and "." in argument:
            return f"${{{argument}}}"
        if isinstance(argument, list) and len(argument) == 2 and all(isinstance(a, str) for a in argument):
            return f"${{{argument[0]}.{argument[1]}}}"
        return None
    text = argument if isinstance(argument, str) else argument[0] if isinstance(argument, list) and argument else None
    has_map = isinstance(argument, list) and len(argument) == 2 and bool(argument[1])
    return text if isinstance(text, str) and not has_map else None


def _joined_texts(document: Mapping[Any, Any], delimiter: Any, parts: Any, depth: int) -> list[str] | None:
    """Each text an ``Fn::Join`` of ``parts`` may give (the product of its parts' texts, at most ``_MAX_TEXTS``)."""
    if not isinstance(delimiter, str) or not isinstance(parts, list):
        return None  # parts from a Parameter's list or another function: unknown
    joined = [""]
    for i, part in enumerate(parts):
        got = _template_texts(document, part, depth + 1)
        if got is None or len(joined) * len(got) > _MAX_TEXTS:
            return None
        joined = [f"{j}{delimiter if i else ''}{g}" for j in joined for g in got]
    return joined


def _evaluated_functions(node: Any, document: Mapping[Any, Any], stack: _OwnStack) -> Any:
    """(fnsub49) A template with each text function evaluated where what it gives is known, so that every door reads
    the text the service makes, wherever it is written (a region field, a host key, a key no host key names, a
    variable map, an OOS template's ``Content``), not its parts one by one: an ``Fn::Sub`` variable map's values fill
    the variables they name (:func:`_sub_with_map`), one with no variable is its text; an ``Fn::Join`` is the
    ``Fn::Sub`` text it equals (a ``Ref`` part ``${Name}``, read as the ``Fn::Sub`` variable is: a Parameter's value,
    the stack's own Region); ROS's ``Fn::Replace`` is its text with each old substring replaced; an ``Fn::FindInMap``
    keyed by the Region pseudo parameter reads the stack's own Region's row only, when that Region is known
    (``stack``), which is the only row the stack reads, and a lookup giving one text is that text. Each text given has
    the stack's own Region, partition and DNS suffix in its pseudo parameters, as the template's own text has
    (``stack.fill``). Bottom-up, children first. A function whose parts cannot be evaluated (an import, a Parameter's
    list, more than ``_MAX_TEXTS`` texts) stays as written (judged as before: unproven at a host or bucket key)."""
    if isinstance(node, list):
        return [_evaluated_functions(v, document, stack) for v in node]
    if not isinstance(node, Mapping):
        return node
    node, stack = _before_children(node, document, stack)
    node = {k: _evaluated_functions(v, document, stack) for k, v in node.items()}
    if len(node) != 1:
        return node
    ((function, argument),) = node.items()
    texts: list[str] | None = None
    if function == "Fn::Sub" and isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str):
        if isinstance(argument[1], Mapping) and argument[1]:
            return _sub_with_map(argument[0], argument[1], document, stack.fill)
    elif function == "Fn::Sub" and isinstance(argument, str) and "${" not in stack.fill(argument):
        texts = [argument]  # no variable (the Region's and partition's filled in): the text itself
    elif function == "Fn::Join" and isinstance(argument, list) and len(argument) == 2:
        texts = _joined_texts(document, argument[0], argument[1], 0)
    elif function == "Fn::Replace":
        texts = _replaced_texts(document, argument)
    elif function == "Fn::FindInMap" and isinstance(argument, list) and len(argument) in (3, 4):
        if stack.region is not None and argument[1] == {"Ref": stack.region_name}:
            node = {function: [argument[0], stack.region, *argument[2:]]}
        found = _find_in_map(document, node[function], 0)
        texts = found if found is not None and len(found) == 1 and isinstance(found[0], str) else None
    elif function == "Fn::Select":
        return _selected(document, argument, stack, node)
    elif function == "Fn::Str" and isinstance(argument, (int, float)) and not isinstance(argument, bool):
        texts = [str(argument)]  # (fnsel50) ROS: "converts a number into a string"
    elif function in _READERS:
        return _READERS[function](document, argument, stack, node)
    return node if texts is None else _as_texts([stack.fill(t) for t in texts], function)


def _before_children(
    node: Mapping[Any, Any], document: Mapping[Any, Any], stack: _OwnStack
) -> tuple[Mapping[Any, Any], _OwnStack]:
    """(fnros52) A map before :func:`_evaluated_functions` reads its children: its ``Fn::ForEach`` loops expanded
    (:func:`_expanded_loops`; the copies are then evaluated as written ones), and for a nested template's body no
    condition evaluated (its Conditions and the values its parent gives it are its own, read when it is evaluated on
    its own by ``RuleEngine._walk_one_document``, not the parent's of the same name)."""
    if any(isinstance(k, str) and k.startswith(_FOR_EACH) for k in node):
        node = _expanded_loops(node)
    if node is not document and "Resources" in node and stack.given is not None:
        stack = stack._replace(given=None)
    return node, stack


class _OwnStack(NamedTuple):
    """(fnsub49) What :func:`_evaluated_functions` knows of the stack reading a template."""

    region_name: str | None
    """The Region pseudo parameter's name (``AWS::Region``, ``ALIYUN::Region``); None for a template run in several
    Regions (a StackSet's)."""
    region: str | None
    """The stack's own Region (its override, else its provider's) when known: RES-001/003 judge it."""
    fill: Callable[[str], str]
    """A text with the stack's own Region, partition and DNS suffix in place of their pseudo parameters
    (:meth:`RuleEngine._in_own_stack`)."""
    given: Mapping[str, Any] | None = None
    """(fnros52) The values the stack gives its template's Parameters (the stack resource's own ``parameters``), when
    the template runs as one stack; None for a template each instance may give other values (a StackSet's): its
    Conditions are then not evaluated."""


def _as_texts(texts: list[str], written: str = "Fn::Sub") -> Any:
    """The template value giving one of ``texts`` (each written as ``Fn::Sub`` text): a text with no variable left as
    itself, one with a variable as its ``Fn::Sub`` (a :class:`_WrittenAs` text naming ``written``, the function the
    template wrote); several as an ``Fn::Select`` of them at :data:`_EACH`, which every reading of a template value
    takes as each value it may give (:func:`_template_choices`, :func:`_template_texts`)."""
    values = [t if "${" not in t else {"Fn::Sub": _WrittenAs.of(t, written)} for t in texts]
    return values[0] if len(values) == 1 else {"Fn::Select": [_EACH, values]}


_EACH = "*"
"""(fnsel50) The index of an ``Fn::Select`` :func:`_as_texts` makes of several texts: no index a template can write
(CloudFormation's is 0 to N-1, ROS's -N to N-1 or ``start:stop:step``), so :func:`_selected` never picks one of them
when the template is evaluated again (a nested stack's body, evaluated with its parent and then on its own)."""


class _WrittenAs(str):
    """(fnsel50) An ``Fn::Sub`` text :func:`_evaluated_functions` made from another function the template wrote (an
    ``Fn::Join``, ROS ``Fn::Replace``): ``written`` names it, so that a finding in the text is reported at the
    template's own function (``...SINK.Fn::Join``), not at an ``Fn::Sub`` the template does not hold."""

    written: str

    @classmethod
    def of(cls, text: str, written: str) -> str:
        """``text`` marked as made from ``written``; a user's own ``Fn::Sub`` text stays a plain text."""
        if written == "Fn::Sub":
            return str(text)
        made = cls(text)
        made.written = written
        return made


def _written_as(value: Any) -> str:
    """The function a template wrote for an ``Fn::Sub`` text :func:`_evaluated_functions` made (:class:`_WrittenAs`),
    else ``Fn::Sub``: the last key of a finding's path in it."""
    return value.written if isinstance(value, _WrittenAs) else "Fn::Sub"


def _selected(document: Mapping[Any, Any], argument: Any, stack: _OwnStack, node: Any) -> Any:
    """(fnsel50) The item an ``Fn::Select`` ``[index, list]`` picks ("returns a single object from a list of objects by
    index"; ROS also counts -N to -1 from the end) when the index is a whole number written out and the list is written
    out or an ``Fn::Split`` of one known text (:func:`_split_text`); else ``node`` as written, whose every item is
    judged (:func:`_template_choices`). An index out of range leaves it as written too: the stack fails to create
    (CloudFormation), or ROS gives its default value or an empty text, so every item stays judged. (fnb64_51) ROS
    also selects a map's value by its key (written, or the Region pseudo parameter where the stack's own Region is
    known), a slice ``start:stop:step`` of a list, and gives ``[index, list, default]``'s default value where the
    index or key is not there."""
    if not isinstance(argument, list) or len(argument) not in (2, 3):
        return node
    index, items = argument[:2]
    fallback = argument[2:]  # (fnb64_51) ROS: "If the index is out of range, the default value is returned if given"
    if index == {"Ref": stack.region_name} and stack.region is not None:
        index = stack.region  # the only key the stack reads, as an Fn::FindInMap by the Region
    if isinstance(items, Mapping) and not _is_function(items):
        # (fnb64_51) ROS, a map's key: its value, else the default value; a key no text gives (a Parameter) as written.
        if not isinstance(index, (str, int)) or isinstance(index, bool):
            return node
        return items[str(index)] if str(index) in items else fallback[0] if fallback else node
    if isinstance(index, str) and re.fullmatch(r"-?[0-9]+", index.strip()):
        index = int(index)
    if isinstance(items, Mapping) and len(items) == 1 and "Fn::Split" in items:
        items = _split_text(document, items["Fn::Split"], stack.fill)
    if isinstance(index, str) and isinstance(items, list) and _SLICE.fullmatch(index.strip()):
        # (fnb64_51) ROS `start:stop:step`: "returns a list" of the items from start to stop, every step-th.
        start, stop, step = (int(p) if p.strip() else None for p in [*index.strip().split(":"), ""][:3])
        return items[start:stop:step] if step != 0 else node
    if isinstance(index, bool) or not isinstance(index, int) or not isinstance(items, list):
        return node
    return items[index] if -len(items) <= index < len(items) else fallback[0] if fallback else node


_SLICE = re.compile(r"-?[0-9]*:-?[0-9]*(:-?[0-9]*)?")
"""(fnb64_51) A ROS ``Fn::Select`` slice index, ``start:stop`` or ``start:stop:step`` (each part may be left out)."""


def _base64_decoded(document: Mapping[Any, Any], argument: Any, fill: Callable[[str], str], node: Any) -> Any:
    """(fnb64_51) What a ROS ``Fn::Base64Decode`` gives ("Decodes a Base64-encoded string and returns the original
    string"): the decoded text of one known text with no variable left (a literal, a join the evaluation read), as
    written text (ROS substitutes nothing in it); else ``node`` as written, its text judged under the property's key
    (:meth:`RuleEngine._judged_as_intrinsic`; a gzip payload there is decoded as user data is)."""
    text = _one_known_text(document, argument, fill)
    decoded = _decode_payload(text) if text is not None else None
    return decoded[1] if decoded is not None and decoded[0] == "base64" else node


def _one_known_text(document: Mapping[Any, Any], value: Any, fill: Callable[[str], str]) -> str | None:
    """The one text ``value`` gives (a literal, a join the evaluation read) with the stack's own Region, partition and
    suffix filled in and no variable left; None otherwise (several texts, a variable nobody gives)."""
    texts = _template_texts(document, value)
    text = fill(texts[0]) if texts is not None and len(texts) == 1 else None
    return None if text is None or "${" in text else text


def _known_json(document: Mapping[Any, Any], value: Any, stack: _OwnStack) -> Any:
    """The JSON data of the one known text ``value`` gives (:func:`_one_known_text`; None for a text that is no JSON);
    :data:`_NO_TEXT` when there is none or it is beyond the documents' bounds (then walked as written: the walk's own
    reading refuses it, RES-025). (fnros54) A ``Ref`` to one of the template's Parameters is the value the stack gives
    it, else its Default (:func:`_parameter_value`; a ``Json`` Parameter's Default may be the data written out), as
    the same ``Ref`` at a region field is: ``!GetJsonValue [region, !Ref Settings]`` was RES-011 at home, though the
    walk judges the given JSON text itself (RES-009 abroad). A value not known yet, or a StackSet's, stays unread."""
    reference = value.get("Ref") if isinstance(value, Mapping) and len(value) == 1 else None
    given = _parameter_value(document, reference, stack) if reference is not None else _NO_VALUE
    if isinstance(given, (Mapping, list)):
        return given
    text = given if isinstance(given, str) else _one_known_text(document, value, stack.fill)
    if text is None or "${" in text:
        return _NO_TEXT
    try:
        return json_or_none(text, 0)
    except DocumentBeyondBounds:
        return _NO_TEXT


_NO_TEXT: Any = object()
"""No one known text to read (:func:`_known_json`)."""


def _json_value(document: Mapping[Any, Any], argument: Any, stack: _OwnStack, node: Any) -> Any:
    """(fnb64_51) What a ROS ``Fn::GetJsonValue`` ``[key, json_string]`` gives (it parses the JSON text and gives the
    value of one of its first-level keys): the value of a key written out in one known JSON text (a literal, a join
    the evaluation read, with no variable left) when it is a text or a number; else ``node`` as written, each literal
    inside judged as before."""
    if not isinstance(argument, list) or len(argument) != 2 or not isinstance(argument[0], str):
        return node
    parsed = _known_json(document, argument[1], stack)
    value = parsed.get(argument[0]) if isinstance(parsed, dict) else None
    # A text or number only: a map or list there is data ROS does not evaluate, which a template function would be.
    return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else node


def _condition_holds(document: Mapping[Any, Any], expression: Any, stack: _OwnStack, depth: int) -> bool | None:
    """(fnros52) Whether a template condition holds for this stack: ``{Condition: name}`` (the template's Conditions),
    ``Fn::Equals`` of two values (:func:`_condition_operand`), ``Fn::Not``, ``Fn::And``, ``Fn::Or`` (CloudFormation's
    condition functions; ROS has the same four). None when it cannot be told (a value not known, another function, a
    StackSet's template, whose instances may give other values): an ``Fn::If`` is then each branch, as before."""
    if depth > 8 or stack.given is None or not isinstance(expression, Mapping) or len(expression) != 1:
        return None
    ((function, argument),) = expression.items()
    if function == "Condition":
        conditions = document.get("Conditions")
        named = conditions.get(argument) if isinstance(conditions, Mapping) and isinstance(argument, str) else None
        return _condition_holds(document, named, stack, depth + 1)
    if function == "Fn::Equals" and isinstance(argument, list) and len(argument) == 2:
        left, right = (_condition_operand(document, a, stack) for a in argument)
        return None if left is None or right is None else left == right
    parts = [_condition_holds(document, a, stack, depth + 1) for a in argument] if isinstance(argument, list) else []
    if function == "Fn::Not" and len(parts) == 1:
        return None if parts[0] is None else not parts[0]
    if function == "Fn::And" and parts:
        return False if False in parts else None if None in parts else True
    if function == "Fn::Or" and parts:
        return True if True in parts else None if None in parts else False
    return None


def _condition_operand(document: Mapping[Any, Any], value: Any, stack: _OwnStack) -> str | None:
    """(fnros52) A value an ``Fn::Equals`` compares, as text: a literal; the stack's own Region (``Ref AWS::Region`` /
    ``ALIYUN::Region`` where known); a Parameter's value, the one the stack gives it (literal text only: a value not
    known yet is not its Default), else its Default; a nested condition (``{Condition: name}``) as ``true`` /
    ``false``. None otherwise."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (str, int, float)):
        return str(value)
    reference = value.get("Ref") if isinstance(value, Mapping) and len(value) == 1 else None
    if reference is not None and reference == stack.region_name:
        return stack.region
    given = _parameter_value(document, reference, stack)
    if given is not _NO_VALUE:
        return str(given).lower() if isinstance(given, bool) else str(given) if isinstance(given, (str, int)) else None
    if isinstance(value, Mapping) and "Condition" in value:
        holds = _condition_holds(document, value, stack, 1)
        return None if holds is None else str(holds).lower()
    return None


def _parameter_value(document: Mapping[Any, Any], name: Any, stack: _OwnStack) -> Any:
    """(fnros54) The value one of the template's Parameters has for this stack: the one the stack gives it, else its
    Default (None when neither); :data:`_NO_VALUE` for a name no Parameter declares, or a template each instance may
    give other values (a StackSet's, ``stack.given`` None). fnros52's reading in :func:`_condition_operand`, shared
    with ``Fn::GetJsonValue`` and ``Fn::Jq`` over a Parameter (:func:`_known_json`)."""
    parameters = document.get("Parameters")
    declared = parameters.get(name) if isinstance(parameters, Mapping) and isinstance(name, str) else None
    if not isinstance(declared, Mapping) or stack.given is None:
        return _NO_VALUE
    if _fetched_parameter(declared):
        return None  # fnros59: a Parameter Store name, given or Default, is not the value
    return stack.given.get(str(name), declared.get("Default"))


_DYNAMIC_REFERENCE = re.compile(r"\{\{resolve:(?:ssm|ssm-secure|secretsmanager):[^}]*\}\}")
"""(fnros59) A CloudFormation dynamic reference ("`{{resolve:service-name:reference-key}}`", service ssm, ssm-secure,
secretsmanager)."""


def _fetched_parameter(declared: Mapping[Any, Any]) -> bool:
    """(fnros59) A template Parameter whose value the service fetches from a parameter store at deployment, so that
    neither its Default nor a given value is the text the template reads, only the stored parameter's name: a
    CloudFormation ``AWS::SSM::Parameter::Value<...>`` type (the CloudFormation user guide, "Specify existing resources
    at runtime with CloudFormation-supplied parameter types": "CloudFormation fetches values stored in Parameter
    Store") and ROS's ``ALIYUN::OOS::Parameter::Value`` / ``ALIYUN::OOS::SecretParameter::Value`` ("a common parameter
    that is stored in Parameter Store of CloudOps Orchestration Service (OOS)", ROS "Parameters"). An ``Fn::Sub`` of
    one read its name as the value (a host from Parameter Store passed at a host field; before stop 59)."""
    kind = declared.get("Type")
    return isinstance(kind, str) and kind.startswith(("AWS::SSM::Parameter::Value<", "ALIYUN::OOS::"))


_NO_VALUE: Any = object()
"""(fnros54) No Parameter of that name for this stack (:func:`_parameter_value`)."""


_FOR_EACH = "Fn::ForEach::"
"""(fnros52) The key prefix of a CloudFormation ``Fn::ForEach`` loop (the ``AWS::LanguageExtensions`` transform)."""


def _expanded_loops(node: Mapping[Any, Any], depth: int = 0) -> dict[Any, Any]:
    """(fnros52) ``node`` with each ``Fn::ForEach::<name>: [identifier, collection, {key: value}]`` replaced by the
    copies the transform makes ("replicates a template snippet for each item in the collection": ``${identifier}`` and
    ``&{identifier}`` (its alphanumeric form) in the keys and texts, ``Ref: identifier``, are the item). A collection
    not written out (a Parameter's list, an import) is one copy whose identifier is each item the collection may give
    (an ``Fn::Select`` at :data:`_EACH`, judged as the collection: unproven where nothing gives it), so a Region or
    host written through the loop is never left as an identifier no reading knows. (fnros54) A loop in a copy's
    snippet at the same level ("Fn::ForEach can contain other intrinsic functions, including Fn::ForEach itself") is
    expanded in that copy, before the next copy is merged: each outer item's copy of the inner loop had the same key,
    so only the last outer item's resources were read (a replica abroad in the first passed every door), and those
    unexpanded. Nested at most :data:`_MAX_LOOP_NESTING` deep (the transform's own limit is five)."""
    out: dict[Any, Any] = {}
    for key, value in node.items():
        loop = value if isinstance(key, str) and key.startswith(_FOR_EACH) else None
        if not (isinstance(loop, list) and len(loop) == 3 and isinstance(loop[0], str)):
            out[key] = value
            continue
        identifier, collection, snippet = loop
        if not isinstance(snippet, Mapping):
            out[key] = value
            continue
        items = collection if isinstance(collection, list) and all(isinstance(c, str) for c in collection) else None
        for item in items if items is not None else [{"Fn::Select": [_EACH, collection]}]:
            copy = _with_item(snippet, identifier, item)
            if depth < _MAX_LOOP_NESTING and any(isinstance(k, str) and k.startswith(_FOR_EACH) for k in copy):
                copy = _expanded_loops(copy, depth + 1)  # (fnros54) a nested loop, in this copy
            out.update(copy)
    return out


_MAX_LOOP_NESTING = 8
"""(fnros54) The deepest ``Fn::ForEach`` nesting expanded (CloudFormation allows five); a loop deeper stays as written,
its snippet walked as written (unexpanded, as every loop was before stop 52)."""


def _with_item(node: Any, identifier: str, item: Any) -> Any:
    """(fnros52) A loop's snippet with ``item`` for its identifier (:func:`_expanded_loops`)."""
    if isinstance(node, str):
        if not isinstance(item, str):
            return node  # a collection not written out: its texts keep the identifier, a variable nothing gives
        alphanumeric = re.sub(r"[^A-Za-z0-9]", "", item)
        return node.replace(f"${{{identifier}}}", item).replace(f"&{{{identifier}}}", alphanumeric)
    if isinstance(node, list):
        return [_with_item(v, identifier, item) for v in node]
    if not isinstance(node, Mapping):
        return node
    if len(node) == 1 and node.get("Ref") == identifier:
        return item
    sub = node.get("Fn::Sub") if len(node) == 1 and not isinstance(item, str) else None
    if isinstance(sub, str) and f"${{{identifier}}}" in sub:
        return {"Fn::Sub": [sub, {identifier: item}]}  # the item as the text's variable, read as a variable map's is
    if isinstance(sub, list) and len(sub) == 2 and isinstance(sub[1], Mapping):
        return {"Fn::Sub": [sub[0], {**_with_item(sub[1], identifier, item), identifier: item}]}
    return {_with_item(k, identifier, item): _with_item(v, identifier, item) for k, v in node.items()}


def _merged_lists(argument: Any, node: Any) -> Any:
    """(fnros52) What a ROS ``Fn::ListMerge`` ``[[...], [...], ...]`` gives ("concatenates two or more lists into a
    single list") when every list is written out (or made so by the evaluation); else ``node`` as written."""
    if not isinstance(argument, list) or not argument or not all(isinstance(a, list) for a in argument):
        return node
    return [item for items in argument for item in items]


def _merged_maps(argument: Any, node: Any) -> Any:
    """(fnros52) What a ROS ``Fn::MergeMapToList`` ``[{key_1: [...]}, {key_2: [...]}, ...]`` gives: a list of maps, the
    i-th holding each key with its i-th value ("The key and the first value in each source mapping are merged into the
    first mapping in the list ... The resulting list length equals the largest value count among all source mappings.
    If source mappings have different numbers of values, the last value of a shorter mapping is repeated"), when each
    source is a map written out whose values are lists written out; else ``node`` as written."""
    if not isinstance(argument, list) or not argument:
        return node
    columns: dict[Any, list[Any]] = {}
    for source in argument:
        if not isinstance(source, Mapping) or _is_function(source) or not source:
            return node
        for key, values in source.items():
            if not isinstance(values, list) or not values:
                return node
            columns[key] = values
    size = max(len(v) for v in columns.values())
    return [{k: v[min(i, len(v) - 1)] for k, v in columns.items()} for i in range(size)]


def _selected_map_values(argument: Any, node: Any) -> Any:
    """(fnros52) What a ROS ``Fn::SelectMapList`` ``[key, [map, ...]]`` gives ("returns a value from a list of maps by
    using a key": the value of that key in each map holding it) when the maps are written out (or made so by the
    evaluation, an ``Fn::MergeMapToList``); else ``node`` as written."""
    if not isinstance(argument, list) or len(argument) != 2 or not isinstance(argument[0], str):
        return node
    maps = argument[1]
    if not isinstance(maps, list) or not all(isinstance(m, Mapping) and not _is_function(m) for m in maps):
        return node
    return [m[argument[0]] for m in maps if argument[0] in m]


_LIST_FUNCTIONS: Mapping[str, Callable[[Any, Any], Any]] = {
    "Fn::ListMerge": _merged_lists,
    "Fn::MergeMapToList": _merged_maps,
    "Fn::SelectMapList": _selected_map_values,
}
"""(fnros52) ROS functions building a list from lists or maps written out, evaluated by :func:`_evaluated_functions`
(each gives its node as written when a part is not written out)."""


def _number(value: Any) -> int | float | None:
    """(fnros53) A number written out (a text of one too: ROS's Fn::Avg takes "a string that can be converted to a
    number"); None otherwise (a boolean, a function, anything else)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
        value = float(value) if "." in value else int(value)
    if isinstance(value, (int, float)) and math.isfinite(value) and abs(value) <= _MAX_MAGNITUDE:
        return value
    return None


_NUMBER_TEXT = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?")
"""(fnros53) A number written as text."""
_MAX_MAGNITUDE = 10**15
"""(fnros53) The largest number a ROS number function is evaluated with: a template's numbers are counts and indexes;
a larger one is left as written, so that no ``Fn::Calculate`` multiplies numbers of thousands of digits."""


def _numbers(values: Any) -> list[int | float] | None:
    """(fnros53) The numbers of a list written out, each :func:`_number`; None when one is not."""
    if not isinstance(values, list) or not values or len(values) > _MAX_NUMBERS:
        return None
    numbers = [_number(v) for v in values]
    return None if any(n is None for n in numbers) else [n for n in numbers if n is not None]


_MAX_NUMBERS = 1024
"""(fnros53) The most numbers a ROS number function is evaluated over: past this, left as written (fail closed)."""


def _found_index(argument: Any, node: Any) -> Any:
    """(fnros53) What a ROS ``Fn::Index`` ``[item, [item1, item2, ...]]`` gives ("queries the index of an element in a
    list"): the item's index when the item and the list are written out and it is there; else ``node`` as written (ROS
    gives an empty text for an item not there, which as an ``Fn::Select`` index picks nothing: every item stays
    judged)."""
    if not isinstance(argument, list) or len(argument) != 2 or not isinstance(argument[1], list):
        return node
    item, items = argument
    if isinstance(item, (Mapping, list, bool)) or any(isinstance(i, Mapping) and _is_function(i) for i in items):
        return node
    return items.index(item) if item in items else node


def _length(argument: Any, node: Any) -> Any:
    """(fnros53) What ``Fn::Length`` gives (ROS: "the number of characters in a string, elements in a list, or
    key-value pairs in a dictionary"; CloudFormation's, AWS::LanguageExtensions: "the number of elements within an
    array") for a text, list or map written out (or made so by the evaluation); else ``node`` as written. A text the
    evaluation made with a variable left, or several texts (an ``Fn::Select`` at :data:`_EACH`), is a function: not
    counted."""
    if isinstance(argument, str) and "${" not in argument:
        return len(argument)
    if isinstance(argument, list) and not any(_drops_itself(item) for item in argument):
        return len(argument)
    if isinstance(argument, Mapping) and not _is_function(argument):
        return len(argument)
    return node


def _drops_itself(item: Any) -> bool:
    """(fnros53) A list item that may not be there once the template runs: ``Ref AWS::NoValue`` (CloudFormation
    removes it) or an ``Fn::If`` not told (one branch may be it)."""
    return isinstance(item, Mapping) and (item.get("Ref") == "AWS::NoValue" or "Fn::If" in item)


def _added(argument: Any, node: Any) -> Any:
    """(fnros53) What a ROS ``Fn::Add`` ``[a, b, ...]`` gives ("All parameters in a list must be of the same type:
    Number, List, or Dictionary. A list must contain at least two parameters"; numbers: "the sum of all values", lists:
    "a single combined list", dictionaries: "a merged dictionary. If dictionaries share the same key, the latter value
    overwrites the former") when every part is written out; else ``node`` as written."""
    if not isinstance(argument, list) or len(argument) < 2:
        return node
    if all(isinstance(a, list) for a in argument):
        return [item for items in argument for item in items]
    if all(isinstance(a, Mapping) and not _is_function(a) for a in argument):
        return {k: v for part in argument for k, v in part.items()}
    numbers = [None if isinstance(a, str) else _number(a) for a in argument]  # numbers written as numbers only
    return node if any(n is None for n in numbers) else sum(n for n in numbers if n is not None)


def _extreme(pick: Callable[[list[int | float]], int | float]) -> Callable[[Any, Any], Any]:
    """(fnros53) A ROS ``Fn::Max`` / ``Fn::Min`` ``[number1, number2, ...]`` ("returns the largest number from a list
    of numbers"; the smallest): ``pick`` of the numbers written out, else ``node`` as written."""

    def read(argument: Any, node: Any) -> Any:
        numbers = _numbers(argument)
        return node if numbers is None else pick(numbers)

    return read


def _average(argument: Any, node: Any) -> Any:
    """(fnros53) What a ROS ``Fn::Avg`` ``[ndigits, [number1, ...]]`` gives ("The average of the input values, rounded
    to ndigits decimal places"; ``!Avg [1, [1, 2, 6]]`` is 3.0): a number that is never a whole one (an
    ``Fn::Select`` index it gives is left as written, every item judged); ``node`` as written when a part is not
    written out."""
    if not isinstance(argument, list) or len(argument) != 2:
        return node
    digits, numbers = _whole_number(argument[0]), _numbers(argument[1])
    if digits is None or numbers is None or digits > 16:
        return node
    return round(float(sum(numbers)) / len(numbers), digits)


def _calculated(argument: Any, node: Any) -> Any:
    """(fnros53) What a ROS ``Fn::Calculate`` ``[expression, ndigits, [number0, ...]]`` gives ("returns the
    calculation result of an expression of the String type"; ``{n}`` in the expression is the n-th number; "Integer
    division truncates decimal places. For example, 5/2 = 2"; ndigits "takes effect only when the expression contains
    floating-point numbers"): the expression's ``+ - * / %`` and parentheses over numbers (:func:`_arithmetic`), at
    most :data:`_MAX_EXPRESSION` characters; anything else (a function, a name, ``**``, a division by zero) leaves
    ``node`` as written."""
    if not isinstance(argument, list) or not 2 <= len(argument) <= 3 or not isinstance(argument[0], str):
        return node
    digits = _whole_number(argument[1])
    numbers = _numbers(argument[2]) if len(argument) == 3 else []
    if digits is None or numbers is None or len(argument[0]) > _MAX_EXPRESSION:
        return node
    expression = re.sub(
        r"\{([0-9]+)\}", lambda m: f"({numbers[int(m.group(1))]})" if int(m.group(1)) < len(numbers) else "?",
        argument[0],
    )  # fmt: skip
    value = _arithmetic(expression)
    if value is None:
        return node
    return round(value, digits) if isinstance(value, float) and digits <= 16 else value


_MAX_EXPRESSION = 256
"""(fnros53) The longest ``Fn::Calculate`` expression evaluated (its numbers filled in): a template's arithmetic is a
few operations; past this, left as written (fail closed) rather than parsed at any length."""
_ARITHMETIC_TOKEN = re.compile(r"\s*(?:([0-9]+(?:\.[0-9]+)?)|([-+*/%()]))")


def _arithmetic(expression: str) -> int | float | None:
    """(fnros53) The value of ``expression`` (numbers, ``+ - * / %``, parentheses, unary minus; ``*`` ``/`` ``%`` bind
    tighter; a division of whole numbers truncates, as ROS's), None for anything else. Bounded by the expression's
    length (:data:`_MAX_EXPRESSION`): nesting at most that deep, no power, so no number grows past the digits written.
    """
    if len(expression) > 2 * _MAX_EXPRESSION + 64:
        return None
    tokens: list[str] = []
    at = 0
    while at < len(expression.rstrip()):
        m = _ARITHMETIC_TOKEN.match(expression, at)
        if m is None:
            return None
        tokens.append(m.group(1) or m.group(2))
        at = m.end()
    reader = _Arithmetic(tokens)
    try:
        value = reader.total(0)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    if reader.at != len(tokens) or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return value


class _Arithmetic:
    """(fnros53) A recursive-descent reading of an ``Fn::Calculate`` expression's tokens (:func:`_arithmetic`)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        if self.at >= len(self.tokens):
            raise ValueError("unexpected end")
        self.at += 1
        return self.tokens[self.at - 1]

    def operand(self, depth: int) -> int | float:
        if depth > _MAX_EXPRESSION:
            raise ValueError("nested too deep")
        token = self.take()
        if token in ("-", "+"):
            value = self.operand(depth + 1)
            return -value if token == "-" else value
        if token == "(":
            value = self.total(depth + 1)
            if self.take() != ")":
                raise ValueError("unclosed")
            return value
        if token[0].isdigit():
            return float(token) if "." in token else int(token)
        raise ValueError(token)

    def product(self, depth: int) -> int | float:
        value = self.operand(depth)
        while self.peek() in ("*", "/", "%"):
            op, right = self.take(), self.operand(depth)
            if op == "*":
                value = value * right
            elif op == "%":
                value = value % right
            elif isinstance(value, int) and isinstance(right, int):
                quotient = abs(value) // abs(right)  # ROS: "Integer division truncates decimal places"
                value = quotient if (value < 0) == (right < 0) else -quotient
            else:
                value = value / right
        return value

    def total(self, depth: int) -> int | float:
        value = self.product(depth)
        while self.peek() in ("+", "-"):
            op, right = self.take(), self.product(depth)
            value = value + right if op == "+" else value - right
        return value


_NUMBER_FUNCTIONS: Mapping[str, Callable[[Any, Any], Any]] = {
    "Fn::Index": _found_index,
    "Fn::Length": _length,
    "Fn::Add": _added,
    "Fn::Calculate": _calculated,
    "Fn::Avg": _average,
    "Fn::Max": _extreme(max),
    "Fn::Min": _extreme(min),
}
"""(fnros53) ROS's number functions (and ``Fn::Add`` of lists and maps, CloudFormation's ``Fn::Length``), evaluated by
:func:`_evaluated_functions` over values written out, so that an ``Fn::Select`` they give the index of picks its item
(each item was judged before, a home item in a list holding a Region abroad refused); each gives its node as written
when a part is not written out."""


def _branch_taken(document: Mapping[Any, Any], argument: Any, stack: _OwnStack, node: Any) -> Any:
    """(fnros52) The branch an ``Fn::If`` ``[condition, if true, if false]`` gives when its condition can be told for
    this stack (:func:`_condition_holds`); else ``node`` as written, each branch judged."""
    if not isinstance(argument, list) or len(argument) != 3:
        return node
    holds = _condition_holds(document, {"Condition": argument[0]}, stack, 0)
    return node if holds is None else argument[1] if holds else argument[2]


def _indented(document: Mapping[Any, Any], argument: Any, stack: _OwnStack, node: Any) -> Any:
    """(fnros52) The text a ROS ``Fn::Indent`` gives (:func:`_indented_texts`), else ``node`` as written. (fnros53) A
    one-line text that is one whole variable (``!Indent [!Ref SinkHost, 1]``) is that variable's value as written:
    the indentation is blanks around it, not part of the host or Region it names, so it is read as the same ``Ref``
    written alone is (the value the stack gives the Parameter; unproven else), not refused as a text nobody reads."""
    texts = _indented_texts(document, argument, stack.fill)
    line = _indented_line(document, argument, stack.fill) if texts is None else None
    if line is not None and _WHOLE_VARIABLE.fullmatch(line):
        return argument[0]
    if line is not None:
        # (fnros54) One line partly a variable (`!Indent [!Sub "https://${SinkHost}/ingest", 1]`): the blanks before
        # it name nothing, so it is the text itself, its variable read as the Fn::Sub's is (RES-015 before: unproven).
        return _as_texts([line], "Fn::Indent")
    return node if texts is None else _as_texts(texts, "Fn::Indent")


def _indented_line(document: Mapping[Any, Any], argument: Any, fill: Callable[[str], str]) -> str | None:
    """(fnros53) The one line a ROS ``Fn::Indent`` ``[string, level, ...]`` indents, once the stack's pseudo
    parameters are filled in, its numbers read and within :data:`_MAX_INDENT`; None for anything else (several texts,
    several lines: their indentation is inside the text). (fnros54) Any one line, not only one whole variable."""
    if not isinstance(argument, list) or not 2 <= len(argument) <= 4:
        return None
    level = _whole_number(argument[1])
    size = _whole_number(argument[2]) if len(argument) > 2 else 2
    texts = _template_texts(document, argument[0])
    if level is None or size is None or level * size > _MAX_INDENT or texts is None or len(texts) != 1:
        return None
    line = fill(texts[0])
    return line if "\n" not in line else None


_WHOLE_VARIABLE = re.compile(r"\$\{[A-Za-z0-9_:.]+\}")
"""(fnros53) A text that is one ``Fn::Sub`` variable and nothing else."""


def _jq_value(document: Mapping[Any, Any], argument: Any, stack: _OwnStack, node: Any) -> Any:
    """(fnros52) What a ROS ``Fn::Jq`` ``[method, script, object]`` gives ("First: the first value that is sorted by the
    filter; All: all values"; ``object`` a JSON string) over one known JSON text (or a map or list written out): with
    ``First`` the first text or number the filter gives, with ``All`` the list of them. (fnros53) The filter is read by
    the one jq reader (:func:`components.residency.jq.outputs`); a filter outside its subset, no output, or an output
    that is jq's null, a map or a list: ``node`` as written, refused at a region field or host key as a value nobody
    can read (:meth:`RuleEngine._judged_unread_function`)."""
    if not isinstance(argument, list) or len(argument) != 3 or argument[0] not in ("First", "All"):
        return node
    method, script, data = argument
    if not isinstance(script, str) or len(script) > jq.MAX_PROGRAM:
        return node
    if not isinstance(data, (Mapping, list)) or (isinstance(data, Mapping) and _is_function(data)):
        data = _known_json(document, data, stack)
        if data is _NO_TEXT:
            return node
    outputs = jq.outputs(script, data)
    if not outputs or any(not isinstance(v, (str, int, float)) or isinstance(v, bool) for v in outputs):
        return node  # nothing, or a map, list or null there: JSON data ROS does not evaluate, left as written
    return outputs[0] if method == "First" else outputs


_Reader = Callable[[Mapping[Any, Any], Any, _OwnStack, Any], Any]
"""A function's reader: (the template, the argument evaluated, the stack, the node as written) -> what it gives."""


def _list_reader(read: Callable[[Any, Any], Any]) -> _Reader:
    """(fnros52) A list function's reader (:data:`_LIST_FUNCTIONS`: its argument and node only)."""
    return lambda document, argument, stack, node: read(argument, node)


_READERS: Mapping[str, _Reader] = {
    "Fn::Base64Decode": lambda d, a, s, n: _base64_decoded(d, a, s.fill, n),
    "Fn::GetJsonValue": _json_value,
    # fnros52 (stop 52):
    **{name: _list_reader(read) for name, read in _LIST_FUNCTIONS.items()},
    "Fn::Jq": _jq_value,
    "Fn::Indent": _indented,
    "Fn::If": _branch_taken,
    # fnros53 (stop 53):
    **{name: _list_reader(read) for name, read in _NUMBER_FUNCTIONS.items()},
}
"""The functions :func:`_evaluated_functions` reads by a reader of their own (the template, the argument evaluated,
the stack, the node as written) -> what it gives, or the node as written when a part cannot be read: ROS
``Fn::Base64Decode`` and ``Fn::GetJsonValue`` (fnb64_51), the list functions, ``Fn::Jq``, ``Fn::Indent`` and an
``Fn::If`` whose condition can be told (fnros52), the number functions (:data:`_NUMBER_FUNCTIONS`, fnros53)."""


def _indented_texts(document: Mapping[Any, Any], argument: Any, fill: Callable[[str], str]) -> list[str] | None:
    """(fnros52) Each text a ROS ``Fn::Indent`` ``[string, level, size, indent first line]`` gives ("adjusts the
    indentation format of a string": each line indented by level x size spaces, size 2 by default, the first line too
    unless told not to); None when the string or the numbers cannot be read, or a variable is left once the stack's
    own Region, partition and suffix are filled in (indented, a whole-host variable would no longer read as one:
    left as written, it is refused as unproven at a host key, :meth:`RuleEngine._judged_unread_function`)."""
    if not isinstance(argument, list) or not 2 <= len(argument) <= 4:
        return None
    level = _whole_number(argument[1])
    size = _whole_number(argument[2]) if len(argument) > 2 else 2
    first = argument[3] if len(argument) > 3 else True
    texts = _template_texts(document, argument[0])
    texts = None if texts is None else [fill(t) for t in texts]
    if texts is None or any("${" in t for t in texts) or level is None or size is None:
        return None
    if level * size > _MAX_INDENT:
        return None  # a width no template needs: left unread (fail closed) rather than a text of that many spaces
    pad = " " * level * size
    keep_first = str(first).lower() == "false"
    return [
        "\n".join(line if i == 0 and keep_first else f"{pad}{line}" for i, line in enumerate(t.split("\n")))
        for t in texts
    ]


_MAX_INDENT = 1024
"""The widest indentation (level x size spaces) a ROS ``Fn::Indent`` is evaluated with: a template's numbers are its
author's, and ``level: 100000000`` would otherwise build that many spaces per line in every door."""


def _whole_number(value: Any) -> int | None:
    """A whole number written as a number or a text of digits; None otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.strip().isdigit() else None


def _split_text(document: Mapping[Any, Any], argument: Any, fill: Callable[[str], str]) -> list[str] | None:
    """(fnsel50) The texts an ``Fn::Split`` ``[delimiter, text]`` gives ("splits a string into a list of string
    values") when the text is one known text with no variable left once the stack's own Region, partition and suffix
    are filled in (a variable's value may hold the delimiter); None otherwise."""
    if not isinstance(argument, list) or len(argument) != 2 or not isinstance(argument[0], str) or not argument[0]:
        return None
    texts = _template_texts(document, argument[1])
    if texts is None or len(texts) != 1 or "${" in fill(texts[0]):
        return None
    return fill(texts[0]).split(argument[0])


def _sub_with_map(
    text: str, variables: Mapping[Any, Any], document: Mapping[Any, Any], fill: Callable[[str], str]
) -> Any:
    """(fnsub49) An ``Fn::Sub`` ``[text, {Var: value}]`` with each variable whose value's texts are known
    (:func:`_template_texts`: a literal, a ``Ref`` as ``${Name}``, an ``Fn::GetAtt`` as ``${Name.Attribute}``, an
    ``Fn::Join`` ...) filled in, as the service fills it ("VarValue: the value that CloudFormation substitutes for the
    associated variable name"); a variable whose value is not known (an import, a literal that itself reads as a
    variable) stays in the map, so it still shadows a resource or Parameter of its name (:func:`_given_names`).
    Several texts (a value's ``Fn::If``) give each (:func:`_as_texts`); past ``_MAX_TEXTS``, as written."""
    known: dict[str, list[str]] = {}
    left: dict[Any, Any] = {}
    for name, value in variables.items():
        texts = None if isinstance(value, str) and "${" in value else _template_texts(document, value)
        if texts is None:
            left[name] = value
        else:
            known[str(name)] = texts
    if math.prod(len(t) for t in known.values()) > _MAX_TEXTS:
        return {"Fn::Sub": [text, dict(variables)]}
    filled = [fill(_sub_text(text, dict(zip(known, combination, strict=True)))) for combination in
              itertools.product(*known.values())]  # fmt: skip
    if not left:
        return _as_texts(filled)
    values = [{"Fn::Sub": [t, left]} for t in filled]
    return values[0] if len(values) == 1 else {"Fn::Select": [_EACH, values]}


def _replaced_texts(document: Mapping[Any, Any], argument: Any) -> list[str] | None:
    """(fnsub49) Each text a ROS ``Fn::Replace`` ``[{old: new}, text]`` gives ("replaces all occurrences of a
    substring in a string with a new string"), written as ``Fn::Sub`` text (a new value's ``Ref`` as ``${Name}``);
    None when the text or a new value cannot be evaluated, or past ``_MAX_TEXTS``."""
    if not isinstance(argument, list) or len(argument) != 2 or not isinstance(argument[0], Mapping):
        return None
    texts = _template_texts(document, argument[1])
    for old, new in argument[0].items():
        news = _template_texts(document, new)
        if texts is None or news is None or len(texts) * len(news) > _MAX_TEXTS:
            return None
        texts = [t.replace(str(old), n) for t in texts for n in news]
    return texts


def _sub_variables(value: Any) -> Iterator[Any]:
    """The variable names of every ``Fn::Sub`` variable map inside a template (``{"Fn::Sub": [text, {name: ...}]}``)."""
    if isinstance(value, Mapping):
        for k, v in value.items():
            if k == "Fn::Sub" and isinstance(v, list) and len(v) == 2 and isinstance(v[1], Mapping):
                yield from v[1]
            yield from _sub_variables(v)
    elif isinstance(value, list):
        for v in value:
            yield from _sub_variables(v)


def _resource_documents(
    document: Mapping[Any, Any], properties: Mapping[str, str]
) -> Iterator[tuple[Any, Mapping[Any, Any], Mapping[Any, Any], str, dict[Any, Any]]]:
    """Each resource of a template whose type ``properties`` names, with that property's document (a map, or its JSON /
    YAML text parsed): (logical id, resource, its Properties, the property's name, the document). A resource whose
    property holds no document is not given (it is walked as written)."""
    resources = document.get("Resources")
    if not isinstance(resources, Mapping):
        return
    for logical_id, resource in resources.items():
        kind = resource.get("Type") if isinstance(resource, Mapping) else None
        name = properties.get(kind) if isinstance(kind, str) else None
        props = resource.get("Properties") if name is not None else None
        if name is None or not isinstance(props, Mapping):
            continue
        body = props.get(name)
        if isinstance(body, str):
            body = load_document(body)
        if isinstance(body, dict):
            yield logical_id, resource, props, name, body


_CONFIG_WORDS = re.compile(r"\s*([A-Za-z][\w.-]*)(?:\s*=\s*|\s+)(\S.*)")
"""A ``keyword argument ...`` line (config53): ssh_config(5) "Configuration options may be separated by whitespace or
optional whitespace and exactly one '='"; redis.conf and msmtprc by blanks."""


def _substitution_in_host(text: str) -> bool:
    """Whether a command substitution in a host key's ``text`` is (part of) the host it names: anywhere in a bare
    value, only in the authority's host of a URL (RFC 3986: ``userinfo@host:port``; a token in the user part, as pip's
    ``index-url = https://aws:${TOKEN}@DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/...`` after ``TOKEN=$(aws
    codeartifact get-authorization-token ...)``, or in the path, names no host). The lead, stop 53: scripts53b's
    settings-file reading refused that CodeArtifact line, a false alarm (falsealarm53's table)."""
    blanked, i = [], 0
    while i < len(text):
        if text.startswith("$(", i) or text[i] == "`":
            found = substitution_at(text, i)
            if found is not None:
                blanked.append("\x00")
                i += len(found)
                continue
        blanked.append(text[i])
        i += 1
    flat = "".join(blanked)
    url = re.match(r"\s*[A-Za-z][A-Za-z0-9+.-]*://", flat)
    if url is None:
        return "\x00" in flat
    authority = re.split(r"[/?#]", flat[url.end() :], maxsplit=1)[0]
    return "\x00" in authority.rpartition("@")[2]


def _config_words(line: str, entry: ConfigFile, aliases: frozenset[str] = frozenset()) -> dict[str, str]:
    """The one setting a ``words`` config file's line gives (config53: redis.conf ``replicaof <masterip>
    <masterport>``, ssh_config ``HostName <host>`` / ``ProxyJump [user@]host[:port]``, msmtprc ``host <server>``): its
    keyword, when ``entry.keys`` names it, and its first argument (quotes dropped); {} for a comment, another keyword,
    arguments naming no destination (``replicaof no one``, ``ProxyJump none``) or one of the file's own ``aliases``."""
    m = _CONFIG_WORDS.match(line)
    if m is None:
        return {}
    keyword = m.group(1).lower()
    if keyword in entry.command_keywords:
        return {keyword: m.group(2).strip()}  # config54: a command line to the end of the line (ProxyCommand)
    arguments = m.group(2).split("#", 1)[0].split()
    if keyword not in entry.keys and arguments and f"{keyword} {arguments[0].lower()}" in entry.keys:
        # config54: a keyword of two words (sentinel.conf `sentinel monitor <name> <ip> <port> <quorum>`)
        keyword, arguments = f"{keyword} {arguments[0].lower()}", arguments[1:]
    if keyword not in entry.keys:
        return {}
    if not arguments or " ".join(arguments).lower() in entry.no_destination:
        return {}
    index = entry.arguments.get(keyword, 0)  # config54: the destination's argument (HAProxy `server <name> <addr>`)
    if index >= len(arguments):
        return {}
    value = arguments[index].strip("\"'")
    if aliases and value.lower().rsplit("@", 1)[-1].split(":", 1)[0] in aliases:
        return {}
    return {keyword: value}


def _config_pairs(
    body: str, entry: ConfigFile, aliases: frozenset[str] = frozenset()
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """The settings a line-read config file gives (:meth:`RuleEngine._judge_config_lines`), each with the text it is
    read from: a line at a time for ``ini``, ``conf`` (a line with ``=``), ``properties`` and ``words``; config54: the
    forwarding actions of an rsyslog file (:func:`_rsyslog_pairs`) and the destination drivers of a syslog-ng file
    (:func:`_syslog_ng_pairs`), whose statements may span lines."""
    kind = entry.format
    if kind == "rsyslog":
        yield from _rsyslog_pairs(body, entry)
        return
    if kind == "syslog-ng":
        yield from _syslog_ng_pairs(body, entry)
        return
    for line in _logical_lines(body) if entry.continued_lines else body.splitlines():
        if kind == "conf" and "=" not in line:
            continue
        if kind == "words":
            pairs = _config_words(line, entry, aliases)
        else:
            pairs = parse_properties(line, ini=kind != "properties")
        yield line, list(pairs.items())


# falsealarm55 (stop 55): IAM JSON policy reference "Principal" ("Specify a service principal ... "Principal": {
# "Service": [ "ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com" ] }") and RAM's trust policy (`"Principal":
# {"Service": ["ecs.aliyuncs.com"]}`): the Service key of a Principal object, its value a string or a list of strings;
# a quote may be escaped (a document inside a double-quoted shell word). An object nested in the Principal ends it.
_POLICY_SERVICE = re.compile(r'\\?"Principal\\?"\s*:\s*\{[^{}]*?\\?"Service\\?"\s*:\s*(\[[^\[\]{}]*\]|\\?"[^"\\]*\\?")')


def _policy_service_principals(text: str) -> frozenset[str]:
    """(falsealarm55) The service principals (lower case) of every JSON policy document's ``"Principal": {"Service":
    ...}`` in ``text``; (falsealarm55b) and of every YAML one (:func:`_yaml_service_values`)."""
    values = [m.group(1) for m in _POLICY_SERVICE.finditer(text)]
    if "Principal" in text and _YAML_PRINCIPAL.search(text):
        values += _yaml_service_values(text)
    return frozenset(
        name.lower() for value in values for name in re.findall(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", value)
    )


# falsealarm55b (stop 55): the same Principal object written as YAML (a policy document a script writes to a .yaml
# file, as the IAM policy grammar's JSON in YAML's two styles): block style, `Principal:` alone on its line and its
# more-indented keys below, `Service:` holding a scalar, a flow list or block list items; flow style, `Principal:
# {Service: x}` or `{Service: [x, y]}`. A key of the line's own column or less ends the object.
_YAML_PRINCIPAL = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)?)[\"']?Principal[\"']?[ \t]*:(?P<rest>[^\n]*)$", re.MULTILINE
)
_YAML_FLOW_SERVICE = re.compile(r"\{[^{}]*?[\"']?\bService[\"']?[ \t]*:[ \t]*(\[[^\[\]{}]*\]|[^,}\s]+)")
_YAML_SERVICE = re.compile(r"[\"']?Service[\"']?[ \t]*:(?P<value>.*)")


def _yaml_service_values(text: str) -> list[str]:
    """(falsealarm55b) The texts of the ``Service`` key of every YAML ``Principal`` mapping in ``text`` (a scalar, a
    flow list, a block list's items), read by indentation; nothing else of the text."""
    lines = text.splitlines()
    values: list[str] = []
    for m in _YAML_PRINCIPAL.finditer(text):
        rest = m.group("rest").split(" #", 1)[0].strip()
        if rest:
            flow = _YAML_FLOW_SERVICE.match(rest)
            values += [flow.group(1)] if flow is not None else []
            continue
        column, child, in_service = len(m.group("lead")), -1, False
        for line in lines[text.count("\n", 0, m.start()) + 1 :]:
            item = line.strip()
            if not item or item.startswith("#"):
                continue
            indent = len(line) - len(line.lstrip())
            if indent <= column:
                break
            child = indent if child < 0 else child
            if in_service and item.startswith("- ") and indent >= child:
                values.append(item[2:])
                continue
            in_service = False
            key = _YAML_SERVICE.fullmatch(item) if indent == child else None
            if key is not None:
                value = key.group("value").split(" #", 1)[0].strip()
                values += [value] if value else []
                in_service = not value
    return values


_HOST_SETTING = re.compile(r"host[ \t]*=", re.IGNORECASE)
"""(falsealarm54b) The scan's ``Host = name`` reference form (a setting's text, not a bare host or URL)."""


def _unused_setting(entry: ConfigFile, key: str, script: str) -> bool:
    """(falsealarm54b) Whether the config file's setting ``key`` names no destination of ``script``
    (``ConfigFile.unused_settings``): the tool never connects to it, or no command of the script that would is there."""
    pattern = entry.unused_settings.get(key.strip().lower())
    return pattern is not None and not (pattern and re.search(pattern, script))


def _without_unused_settings(
    script: str, entries: tuple[ConfigFile, ...], config_entry: Callable[[str, str], ConfigFile | None]
) -> str:
    """(falsealarm54b) ``script`` without the lines of the config files it writes whose setting names no destination
    of it (:func:`_unused_setting`), for the scan of the whole text: s3cmd's generated ``website_endpoint`` /
    ``cloudfront_host`` lines are read nowhere else either. ``config_entry`` gives a written file's entry."""
    for file, body in (*heredoc_files(script), *echoed_files(script)):  # every write: a later `>>` keeps the rest
        entry = config_entry(file, script)
        if entry is None or entry not in entries:
            continue
        for line in body.splitlines():
            pairs = parse_properties(line, ini=True)
            if pairs and all(_unused_setting(entry, key, script) for key in pairs):
                script = script.replace(line, "")
    return script


def _section_defaults(body: str, entry: ConfigFile) -> list[tuple[str, str]]:
    """(config54b) The settings ``entry.section_defaults`` gives the ``[section]``s of an INI-like ``body`` that do not
    write them (an rclone remote of ``type = s3`` / ``provider = AWS`` with neither ``region`` nor ``endpoint``: the
    Region us-east-1), each ``(key, value)``."""
    sections: list[dict[str, str]] = []
    for line in body.splitlines():
        text = line.strip()
        if text.startswith("[") and text.endswith("]"):
            sections.append({})
        elif sections and "=" in text and text[:1] not in "#;":
            key, _, value = text.partition("=")
            sections[-1][key.strip().lower()] = value.strip()
    out: list[tuple[str, str]] = []
    for section in sections:
        for default in entry.section_defaults:
            if (
                all(section.get(k, "").lower() == v.lower() for k, v in default.when.items())
                and not any(section.get(k) for k in default.unless)
                and not section.get(default.key)
            ):
                out.append((default.key, default.value))
    return out


def _document_defaults(
    document: Any,
    entry: ConfigFile,
    script: str,
    blocks: list[tuple[tuple[str, ...], dict[str, Any]]] | None = None,
    running: bool = False,
) -> list[tuple[str, str]]:
    """(config58) The settings ``entry.document_defaults`` gives a settings ``document`` that writes none of their
    ``unless`` keys at its top (an empty document too), where ``script`` sets none of their ``unless_variables`` and
    runs the tool (``runs``: the Datadog Agent started, installed or run), each ``(key, value)``. A document that is no
    mapping (the tool would refuse it) gives none. agents62 (stop 62): a default with a ``block`` is given to each of
    the document's blocks (:func:`_settings_blocks`; a line-read file's are ``blocks``, :func:`_conf_blocks`, and then
    no top-level default is) whose dotted path the expression matches and which writes neither its ``key`` nor an
    ``unless`` setting (dotted paths inside the block), its key the block's path and the setting's, dotted."""
    if document is None:
        document = {}
    if not isinstance(document, dict):
        return []
    if any(d.block for d in entry.document_defaults):
        nested = _block_defaults(document, entry, script, blocks, running)
        if blocks is not None:
            return nested
    else:
        nested = []
    # mutation59 (stop 59): a setting written empty (`site: ""`, `site:`, `site: ~`, `dd_url: ""`) is not set: the
    # Agent sends to its default then (datadog-agent pkg/config/utils/endpoints.go GetMainEndpoint: `else if
    # c.GetString("site") != "" { ... } return prefix + DefaultSite`); each passed every door in EU. So is a
    # variable given only empty values (`Environment=DD_SITE=`, `export DD_SITE=`: an empty environment value is unset
    # to the Agent's configuration).
    written = {str(k).lower() for k, v in document.items() if v is not None and str(v).strip() != ""}
    return [
        (d.key, d.value)
        for d in entry.document_defaults
        if not d.block and not written & {d.key, *d.unless} and _default_used(d, script, running)
    ] + nested


def _default_used(default: DocumentDefault, script: str, running: bool = False) -> bool:
    """(config58) Whether ``script`` runs ``default``'s tool (``runs``, or a container of its ``images``) and names none
    of the variables the tool reads in its place (``unless_variables``) other than empty (agents62: one test for a
    document's defaults and a block's)."""
    return not any(v in script and _sets_variable(script, v) for v in default.unless_variables) and (
        running or re.search(default.runs, script) is not None or bool(_image_runs(default, script))
    )


def _block_defaults(
    document: dict[Any, Any],
    entry: ConfigFile,
    script: str,
    blocks: list[tuple[tuple[str, ...], dict[str, Any]]] | None,
    running: bool = False,
) -> list[tuple[str, str]]:
    """(agents62) The block defaults of :func:`_document_defaults`: for each ``DocumentDefault.block`` whose tool the
    script runs and sets none of its variables, each matching block (``blocks``, else the document's) that writes
    neither its key nor an ``unless`` setting gives ``("<block path>.<key>", value)``."""
    wanted = [d for d in entry.document_defaults if d.block and _default_used(d, script, running)]
    out: list[tuple[str, str]] = []
    unset = _unset_reference(entry, script)
    for path, settings in (blocks if blocks is not None else _settings_blocks(document)) if wanted else ():
        dotted = ".".join(path)
        for d in wanted:
            if (
                re.fullmatch(d.block, dotted)
                and not any(_setting_written(settings, k, unset) for k in (d.key, *d.unless))
                and _block_selected(settings, d.when)
            ):
                out.append((f"{dotted}.{d.key}", d.value))
    return out


def _block_selected(settings: Mapping[Any, Any], when: Mapping[str, str]) -> bool:
    """(config63) Whether a block's ``settings`` write each ``DocumentDefault.when`` setting with a value its expression
    matches whole, case-insensitively (a Vector sink of ``type: datadog_logs``)."""
    lowered = {str(k).lower(): v for k, v in settings.items()}
    return all(
        isinstance(lowered.get(key), str) and re.fullmatch(pattern, lowered[key].strip(), re.IGNORECASE) is not None
        for key, pattern in when.items()
    )


_SETTINGS_DEPTH = 12
"""(agents62) How deep :func:`_settings_blocks` reads a document's mappings (a tool's block sits a few levels down)."""


def _settings_blocks(node: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """(agents62) Each mapping of a parsed settings document below its top, with its path of keys (lower case),
    through mappings only (a block a list holds is not given a default: none of the catalogued ones is in a list)."""
    out: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    if not isinstance(node, dict) or len(path) >= _SETTINGS_DEPTH:
        return out
    for key, value in node.items():
        if isinstance(value, dict):
            here = (*path, str(key).lower())
            out.append((here, value))
            out += _settings_blocks(value, here)
    return out


def _unset_reference(entry: ConfigFile, script: str) -> Callable[[Any], bool] | None:
    """(config64) For a file whose tool fills a setting from its environment (``ConfigFile.variable_references``: the
    Collector's ``${env:DD_SITE}`` / ``${DD_SITE}``, Alloy's ``sys.env("DD_SITE")``), whether a setting's value is
    wholly such a reference to a variable ``script`` never sets (:func:`_sets_variable`, the references themselves
    left out of the search: naming the variable there sets nothing): the tool reads it empty, as unset, so the
    setting's default applies. None for every other file."""
    if not entry.variable_references:
        return None
    pattern = re.compile(entry.variable_references)
    rest = pattern.sub("", script)

    def unset(value: Any) -> bool:
        m = pattern.fullmatch(value.strip()) if isinstance(value, str) else None
        return m is not None and not _sets_variable(rest, m.group("name"))

    return unset


def _reference_defaults(body: str, entry: ConfigFile, script: str) -> str:
    """(mutation65, stop 65) ``body`` with each reference of ``entry.variable_references`` holding a default of its own
    (group ``default``: the Collector's ``${env:NAME:-default}``, "A default value for unset variable can be provided
    after :- suffix", opentelemetry-collector PR 10907) written as that default where ``script`` never sets NAME (the
    one test of :func:`_unset_reference`, the references left out of the search): the value the tool reads. ``site:
    ${env:DD_SITE:-}`` is then empty (the exporter's default site applies) and ``${env:DD_SITE:-datadoghq.com}`` that
    site (judged as written); both passed every door, read as written settings. A variable the script sets keeps the
    reference (judged where it is set)."""
    if not entry.variable_references or ":-" not in body:
        return body
    pattern = re.compile(entry.variable_references)
    rest = pattern.sub("", script)

    def value(m: re.Match[str]) -> str:
        default = m.groupdict().get("default")
        return m.group(0) if default is None or _sets_variable(rest, m.group("name")) else default

    return pattern.sub(value, body)


def _setting_written(settings: Mapping[Any, Any], dotted: str, unset: Callable[[Any], bool] | None = None) -> bool:
    """(agents62) Whether a block's ``settings`` write the dotted setting (``api.site``: ``api``'s ``site``, or a
    ``api.site`` key as TOML's dotted keys write it) with a value that is not empty (an empty one is unset, as
    config58's ``site: ""``); config64: nor a reference to a variable the script never sets (``unset``,
    :func:`_unset_reference`)."""
    node: Any = {str(k).lower(): v for k, v in settings.items()}
    if dotted in node:
        node = node[dotted]
    else:
        for part in dotted.split("."):
            if not isinstance(node, dict):
                return False
            node = {str(k).lower(): v for k, v in node.items()}.get(part)
    return node is not None and str(node).strip() != "" and not (unset is not None and unset(node))


def _nested_setting(dotted: str, value: str) -> dict[str, Any]:
    """(agents62) A dotted setting and its value as the document that writes it (``a.b.c`` -> ``{a: {b: {c: v}}}``),
    walked as a written one is (its keys renamed by ``ConfigFile.keys``' dotted paths)."""
    parts = dotted.split(".")
    node: dict[str, Any] = {parts[-1]: value}
    for part in reversed(parts[:-1]):
        node = {part: node}
    return node


def _merged_settings(document: dict[Any, Any], added: Mapping[str, Any]) -> dict[Any, Any]:
    """(agents62) ``document`` with the mappings of ``added`` merged in, key by key (a default given a block)."""
    merged = dict(document)
    for key, value in added.items():
        here = merged.get(key)
        merged[key] = _merged_settings(here, value) if isinstance(here, dict) and isinstance(value, dict) else value
    return merged


# agents62 (stop 62): the blocks of a `conf` file read line by line: a TOML table header (`[agent]`, `[[outputs.
# datadog]]`, TOML v1.0.0 "Table", "Array of Tables"), Grafana Alloy's block (`otelcol.exporter.datadog "dd" {`, Alloy
# "Configuration syntax": "BLOCK_NAME "BLOCK_LABEL" { ... }", a block inside a block `api {`) or an attribute holding
# an object (`external_labels = {`), and the `}` closing one.
_CONF_TABLE = re.compile(r"\[\[?\s*([\w.-]+)\s*\]\]?\s*(?:#.*)?")
_CONF_BLOCK = re.compile(r'([A-Za-z_][\w.]*)\s*(?:"[^"\n]*"\s*)?(?:=\s*)?\{\s*(?://.*)?')
# (lead, stop 62) a block opened and closed on one line with one setting (`api { site = "datadoghq.eu" }`, a TOML
# inline table `tags = { env = "prod" }`): that setting is the block's
_CONF_ONE_LINE_BLOCK = re.compile(
    r'([A-Za-z_][\w.]*)\s*(?:"[^"\n]*"\s*)?(?:=\s*)?\{\s*([^{}=\n]+=[^{}=\n,]*?)\s*\}\s*(?://.*)?'
)


def _conf_blocks(body: str) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """(agents62) The blocks of a ``conf`` file (:data:`_CONF_TABLE`, :data:`_CONF_BLOCK`), each with its dotted path
    (a table's name split at its dots, a block's name and the names of the blocks around it; a label left out) and its
    settings (each line's ``key = value`` read by the one line reader, :func:`parse_properties`; an inner block a
    mapping under its name); the lines before any table or block are the top's (path ``()``). A block opened and
    closed on one line with one setting holds it (the lead, stop 62: ``api { site = "datadoghq.eu" }`` was read as a
    line, the block given the default site: a false alarm); with more, it is read as its line."""
    top: dict[str, Any] = {}
    blocks: list[tuple[tuple[str, ...], dict[str, Any]]] = [((), top)]
    table: tuple[tuple[str, ...], dict[str, Any]] = blocks[0]
    stack: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    for line in body.splitlines():
        text = line.strip()
        if not text or text.startswith(("#", "//")):
            continue
        if not stack and (m := _CONF_TABLE.fullmatch(text)) is not None:
            table = (tuple(m.group(1).lower().split(".")), {})
            blocks.append(table)
            continue
        if (m := _CONF_BLOCK.fullmatch(text) or _CONF_ONE_LINE_BLOCK.fullmatch(text)) is not None:
            parent = stack[-1] if stack else table
            name = m.group(1).lower()
            block: dict[str, Any] = {}
            parent[1][name] = block
            blocks.append(((*parent[0], *name.split(".")), block))
            if m.re is _CONF_BLOCK:
                stack.append(blocks[-1])
                continue
            block.update((k.strip().lower(), v) for k, v in parse_properties(m.group(2), ini=True).items())
            continue
        if text.startswith("}") and stack:
            stack.pop()
            continue
        if "=" in text:
            settings = (stack[-1] if stack else table)[1]
            settings.update((k.strip().lower(), v) for k, v in parse_properties(text, ini=True).items())
    return blocks


# falsealarm65 (stop 65): a `NAME=` line of an environment file Compose reads (Compose's dotenv syntax: `VAR=VAL`, an
# optional `export `).
_DOTENV_NAME = re.compile(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=", re.MULTILINE)


def _compose_environment(environment: Any) -> dict[str, str | None]:
    """(k8s64) A Compose service's ``environment`` (Compose "environment": a map, or a list of ``NAME=VALUE`` /
    ``NAME`` items) as name -> value as written (None where no value is given)."""
    if isinstance(environment, Mapping):
        return {str(k): None if v is None else str(v) for k, v in environment.items()}
    if isinstance(environment, list):
        pairs = [str(item).partition("=") for item in environment if isinstance(item, (str, int, float))]
        return {name.strip(): value if eq else None for name, eq, value in pairs}
    return {}


# k8s64: a value that is one Compose interpolation whose variable unset gives an empty value (Compose "Interpolation":
# `${VAR}` / `$VAR` "value of VAR", `${VAR:-}` / `${VAR-}` an empty default, `${VAR:+r}` / `${VAR+r}` "otherwise
# empty"); `${VAR:-d}` gives d (judged as written elsewhere), `${VAR:?e}` / `${VAR?e}` exit with an error (nothing
# runs), `$$` is a literal dollar sign (no interpolation).
_COMPOSE_EMPTY_WHEN_UNSET = re.compile(
    r"(?<!\$)\$(?:(?P<bare>[A-Za-z_][A-Za-z0-9_]*)|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::?-|:?\+[^}]*)?\})"
)


def _compose_unset_value(
    name: str, value: str | None, script: str, env_file: bool, sets: Callable[[str], bool] | None = None
) -> bool:
    """(k8s64) Whether a Compose ``environment`` value (None: the name alone) gives its variable nothing where
    ``script`` (without the Compose file's text) sets no variable it names: one interpolation
    (:data:`_COMPOSE_EMPTY_WHEN_UNSET`) of an unset variable is an empty string; the name alone passes the shell's own
    value ("If the value is not resolved, the variable is unset and is removed from the service container
    environment"), so a service's ``env_file`` may give it (not judged then). (k8s65) ``sets``: whether a name
    reaches the Compose command (:func:`_compose_sets`); None: any naming of it in ``script`` counts
    (:func:`_sets_variable`)."""
    given = sets if sets is not None else functools.partial(_sets_variable, script)
    if value is None:
        return not env_file and not given(name)
    m = _COMPOSE_EMPTY_WHEN_UNSET.fullmatch(value.strip())
    return m is not None and not given(m.group("bare") or m.group("name"))


def _compose_sets(script: str, file: str) -> Callable[[str], bool] | None:
    """(k8s65, stop 65) Whether a variable reaches the interpolation of Compose file ``file`` (absolute, as the script
    writes it) where ``script`` (without the file's text) runs it with ``docker compose`` (:func:`scripts.compose_runs`:
    a run naming the file at ``-f``, or naming none: the file is then the current directory's): exported before the
    run (:func:`scripts.exported_names`: ``export``, ``declare -x``, ``set -a``) and named there other than empty
    (:func:`_sets_variable`), assigned before the command on its line, or named in the env file the run reads, a file
    the script writes: its ``--env-file``, else the ``.env`` of its project directory (``--project-directory``, else the
    first ``-f`` file's directory; Compose "Set, use, and manage variables in a Compose file with interpolation",
    https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/: "the .env file in the project
    directory", ``--env-file`` "to override the default .env"). None where no run names the file (a unit or a later
    step runs it): the caller's reading then, any naming of the variable in the script. A ``.env`` written beside
    another directory, a ``DD_SITE=...`` given to another command or assigned without ``export`` gave the Agent
    nothing (its default US1 site), and passed every door."""
    runs = _compose_runs_of(script, file)
    if not runs:
        return None
    written = written_files(script)

    def sets(name: str) -> bool:
        for run in runs:
            before = script[: run.offset]
            exported = exported_names(before)
            if name in run.assigned or ((exported is None or name in exported) and _sets_variable(before, name)):
                return True
            envs = _compose_env_files(run, file)
            if any(_sets_variable(body, name) for path, body in written.items() for e in envs if _same_path(e, path)):
                return True
        return False

    return sets


def _compose_runs_of(script: str, file: str) -> list[ComposeRun]:
    """(k8s65) The ``docker compose`` runs of ``script`` (:func:`scripts.compose_runs`) that read Compose file ``file``
    (absolute, as the script writes it): naming it at ``-f``, or naming none (the current directory's); none for a
    relative ``file``."""
    if not file.startswith("/"):
        return []
    return [r for r in compose_runs(script) if not r.files or any(_same_path(f, file) for f in r.files)]


def _compose_env_files(run: ComposeRun, file: str) -> list[str]:
    """(k8s65) The environment files ``run`` interpolates ``file`` from: its ``--env-file`` values, else the ``.env``
    of its project directory (``--project-directory``, else the first ``-f`` file's directory, else ``file``'s)."""
    first = run.files[0] if run.files and run.files[0].startswith("/") else file
    project = run.project_directory or posixpath.dirname(first)
    return run.env_files or [posixpath.join(project, ".env")]


def _same_path(given: str, path: str) -> bool:
    """(k8s65) Whether a path a command is given (absolute, or relative to a directory the script is in: ``./x.env``,
    ``x.env``) names the absolute ``path``."""
    if given.startswith("/"):
        return posixpath.normpath(given) == posixpath.normpath(path)
    tail = posixpath.normpath(given)
    return path == tail or path.endswith(f"/{tail}")


# config64 (stop 64): a bind mount on a container's line, `-v HOST:CONTAINER[:opts]` / `--volume=HOST:CONTAINER` ("-v,
# --volume: Bind mount a volume", docker container run; "The first field is the path to the file or directory on the
# host machine. The second field is the path where the file or directory is mounted in the container", Docker "Bind
# mounts") or `--mount type=bind,source=HOST,target=CONTAINER` (`src` / `dst` / `destination` too), both paths
# absolute.
_BIND_VOLUME = re.compile(r"""(?:^|\s)(?:-v|--volume)(?:\s+|=)["']?(/[^\s:"']*):(/[^\s:"']*)""")
_BIND_MOUNT = re.compile(r"""--mount(?:\s+|=)["']?([^\s"']*)""")


def _mounted_path(script: str, file: str) -> str | None:
    """(config64) The path a container of ``script`` reads written ``file`` at, through a bind mount of the file or of a
    directory holding it (``-v /etc/otel:/etc/otelcol-contrib``: ``/etc/otel/config.yaml`` is the container's
    ``/etc/otelcol-contrib/config.yaml``, the Collector image's file); None when no mount holds it. The Collector run
    in Docker with its file bind-mounted passed every door (the host path matched no entry's pattern)."""
    mounts = [(m.group(1), m.group(2)) for m in _BIND_VOLUME.finditer(script)]
    for m in _BIND_MOUNT.finditer(script):
        fields = dict(f.partition("=")[::2] for f in m.group(1).split(","))
        source = fields.get("source") or fields.get("src")
        target = fields.get("target") or fields.get("dst") or fields.get("destination")
        if source and target and fields.get("type", "bind") == "bind":
            mounts.append((source, target))
    for source, target in mounts:
        host = source.rstrip("/")
        if file == host:
            return target
        if host and file.startswith(host + "/"):
            return target.rstrip("/") + file[len(host) :]
    return None


def _sets_variable(script: str, name: str) -> bool:
    """(mutation59) Whether ``script`` names environment variable ``name`` other than as an empty assignment
    (``NAME=``, ``NAME=""``, ``NAME=''``, ``"NAME="``, ``NAME=\\n`` in a printf format): a value, a reference or any
    other use counts (fail closed: the default is then judged where the variable is set)."""
    for m in re.finditer(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", script):
        if re.match(r"=(?:\"\"|''|(?=[\"']?(?:\s|$|\\n)))", script[m.end() :]) is None:  # `\n`: printf's
            return True
    return False


# config59: a container run or created on the image's line (`docker run ... IMAGE`, `podman create`, `nerdctl run`),
# or an image a Compose service names (`image: IMAGE`); a `docker pull IMAGE` alone runs nothing.
_RUNS_CONTAINER = re.compile(r"\b(?:run|create)\b|\bimage\s*:")


def _image_runs(default: DocumentDefault, script: str) -> list[str]:
    """(config59, stop 59) The lines of ``script`` running a container of one of ``default.images`` (the Datadog
    Agent's images, Datadog "Docker Agent": ``docker run -d ... -e DD_API_KEY=... gcr.io/datadoghq/agent:7``), each a
    line :data:`_RUNS_CONTAINER` reads as running it (a continued ``docker run \\`` joined first), whole."""
    return [line for _, _, line in _image_run_lines(default, script)]


def _image_run_lines(default: DocumentDefault, script: str) -> list[tuple[int, str, str]]:
    """The one finder of the lines of ``script`` running a container of ``default.images`` (:func:`_image_runs`,
    :func:`_image_run_variables`): ``(the image's offset in script, the logical line's text before the image, the
    whole logical line)``, continued lines (``\\`` at a line's end) joined with a blank, for each image that
    :data:`_RUNS_CONTAINER` reads the text before it as running. Gate: the entry's images and the word ``agent`` in
    the script (the images' last name)."""
    if not default.images or "agent" not in script:
        return []
    found = []
    for m in re.finditer(default.images, script):
        start = script.rfind("\n", 0, m.start()) + 1
        while start > 1 and script[start - 2] == "\\":
            start = script.rfind("\n", 0, start - 1) + 1
        run = script[start : m.start()].replace("\\\n", " ")
        if _RUNS_CONTAINER.search(run) is None:
            continue
        end = script.find("\n", m.end())
        while end > 0 and script[end - 1] == "\\":
            end = script.find("\n", end + 1)
        found.append((m.start(), run, script[start : end if end >= 0 else len(script)].replace("\\\n", " ")))
    return found


# scripts63 (stop 63): a variable given on a container's run line (docker run: "-e, --env: Set environment
# variables"; `--env NAME=VALUE`, `-e NAME` passes the local environment's value), quoted or not.
_RUN_VARIABLE = re.compile(r"""(?<!\S)(?:-e|--env)(?:[ \t]+|=)(["']?)([A-Za-z_][A-Za-z0-9_]*)(=|(?=\1(?:\s|$)))""")


def _image_run_variables(default: DocumentDefault, script: str) -> Iterator[tuple[int, str, str, str | None]]:
    """(scripts63) Each variable given on a line of ``script`` running a container of ``default.images``
    (:data:`_RUNS_CONTAINER`, a continued line joined), as ``(the image's offset in script, the run's text, name,
    value as written or None where no ``=`` gives one)``: a value's substitution whole (:func:`substitution_at`), else
    the word up to a blank or the closing quote."""
    for image, run, _ in _image_run_lines(default, script):
        for v in _RUN_VARIABLE.finditer(run):
            if v.group(3) != "=":
                yield image, run, v.group(2), None
                continue
            at, quote = v.end(), v.group(1)
            if not quote and run[at : at + 1] in ("'", '"'):  # `-e DD_SITE="$S"`: the value quoted
                at, quote = at + 1, run[at]
            sub = substitution_at(run, at) if run.startswith(("$(", "`"), at) else None
            if sub is not None:
                yield image, run, v.group(2), sub
                continue
            word = re.match(r"[^\s\"']*" if not quote else f"[^{quote}]*", run[at:])
            yield image, run, v.group(2), word.group(0) if word else ""


def _logical_lines(body: str) -> list[str]:
    """(config54b) ``body``'s logical lines where a line starting with whitespace continues the one before it
    (``ConfigFile.continued_lines``: Postfix main.cf, ``relayhost =`` then ``    [host]:587``); a comment line
    (``#`` first) neither continues nor is continued."""
    lines: list[str] = []
    for line in body.splitlines():
        if lines and line[:1] in (" ", "\t") and line.strip() and not lines[-1].lstrip().startswith("#"):
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
        else:
            lines.append(line)
    return lines


# config54: rsyslog's legacy forwarding action (rsyslog "Legacy Configuration": `*.* @host` UDP, `@@host:port` TCP,
# `@(o)host` with options, `@[2001:db8::1]:514`, a `;template` after it), after a selector at the start of a line.
_RSYSLOG_LEGACY = re.compile(
    r"^[ \t]*[^\s#$:(][^\s]*[ \t]+-?@@?(?:\([^)]*\))?(?P<host>\[[^\]\s]+\](?::\d+)?|[^\s:;#\[]+(?::\d+)?)",
    re.MULTILINE,
)
# config54b: omrelp's legacy action, `*.* :omrelp:host:port;TEMPLATE` (rsyslog omrelp, "Legacy Configuration Format":
# "*.* :omrelp:centralserv:2514;RSYSLOG_ForwardFormat"): the host after the selector, an IPv6 address in brackets.
_RSYSLOG_OMRELP = re.compile(
    r"^[ \t]*[^\s#$:(][^\s]*[ \t]+:omrelp:(?P<host>\[[^\]\s]+\]|[^\s:;#\[]+)", re.MULTILINE | re.IGNORECASE
)
_RSYSLOG_ACTION = re.compile(r"\baction\s*\(", re.IGNORECASE)
# An rsyslog parameter (RainerScript: `name="value"`, `name=["a", "b"]`, `name=word`; names case-insensitive).
_RSYSLOG_PARAMETER = re.compile(r"""([A-Za-z][\w.]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|\[[^\]]*\]|[^\s)]+)""")
_QUOTED = re.compile(r""""((?:[^"\\]|\\.)*)"|'([^']*)'""")


def _rsyslog_pairs(body: str, entry: ConfigFile) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(config54) Where an rsyslog configuration forwards messages: a legacy action's host (``*.* @@host:514``, read
    as ``entry.keys``' ``@``) and an ``action(...)``'s parameters ``entry.keys`` names (omfwd / omrelp ``target``, a
    string or an array of them, omelasticsearch / omhttp ``server``), an action across lines too. A comment line is
    none; a file, pipe or user action names no host."""
    text = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("#"))
    if "@" in text and "@" in entry.keys:
        for m in _RSYSLOG_LEGACY.finditer(text):
            yield m.group(0), [("@", m.group("host"))]
    if ":omrelp:" in text.lower() and "target" in entry.keys:
        for m in _RSYSLOG_OMRELP.finditer(text):
            yield m.group(0), [("target", m.group("host"))]
    if "action" not in text.lower():
        return
    for m in _RSYSLOG_ACTION.finditer(text):
        arguments = _parenthesised(text, m.end() - 1)
        pairs: list[tuple[str, str]] = []
        for p in _RSYSLOG_PARAMETER.finditer(arguments):
            name, value = p.group(1).lower(), p.group(2)
            if name not in entry.keys:
                continue
            items = [q.group(1) if q.group(1) is not None else q.group(2) for q in _QUOTED.finditer(value)]
            pairs += [(name, item) for item in (items if value[:1] in "[\"'" else [value]) if item.strip()]
        if pairs:
            yield arguments, pairs


def _parenthesised(text: str, start: int) -> str:
    """The text between the ``(`` at ``start`` and the ``)`` closing it (quotes hold no parenthesis), or to the end
    of ``text`` when none closes it."""
    depth, quote = 0, ""
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            quote = "" if c == quote and text[i - 1] != "\\" else quote
        elif c in "\"'":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i]
    return text[start + 1 :]


_SYSLOG_NG_DESTINATION = re.compile(r"\bdestination\s+[\w.-]+\s*\{")
# A driver's first positional argument (syslog-ng: `network("10.1.2.3" port(514))`, quoted or a bare word); a driver
# whose first argument is an option (`network(ip(0.0.0.0) ...)`, a source's listen address) gives none.
_SYSLOG_NG_DRIVER = re.compile(
    r"""(?<![\w-])(?P<driver>[A-Za-z][\w-]*)\s*\(\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s()"';]+)(?![\w.:-]*\s*\())"""
)


def _syslog_ng_pairs(body: str, entry: ConfigFile) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(config54) Where a syslog-ng configuration sends messages: in each ``destination NAME { ... };`` block, the
    first positional argument of a driver ``entry.keys`` names (``network("host" port(514))``, ``tcp``, ``udp``,
    ``syslog``: the host). A source block's drivers (``network(ip(0.0.0.0))``: where it listens) are not read."""
    if "destination" not in body:
        return
    text = "\n".join(line.split("#", 1)[0] for line in body.splitlines())
    for m in _SYSLOG_NG_DESTINATION.finditer(text):
        block = _braced(text, m.end() - 1)
        pairs = [
            (d.group("driver").lower(), _first_group(d, "dq", "sq", "bare")) for d in _SYSLOG_NG_DRIVER.finditer(block)
        ]
        if "servers" in entry.keys and "servers" in block:
            pairs = [p for p in pairs if p[0] != "servers"] + _syslog_ng_failover(block)
        if pairs := [(k, v) for k, v in pairs if k in entry.keys and v.strip()]:
            yield block, pairs


_SYSLOG_NG_SERVERS = re.compile(r"(?<![\w-])servers\s*\(")
# config55: syslog-ng's configuration-wide definitions and inclusions (syslog-ng OSE Administration Guide, "Global and
# environmental variables": "@define <name-of-the-variable> "<value-of-the-variable>"", used as `name`; "Managing
# complex syslog-ng configurations": "@include "<filename>"", a file, a directory or a wildcard pattern, relative names
# under the configuration's directory).
_SYSLOG_NG_DEFINE = re.compile(
    r"""^[ \t]*@define[ \t]+([A-Za-z_][\w-]*)[ \t]+(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))""", re.MULTILINE
)
_SYSLOG_NG_INCLUDE_WORD = "@include"
_SYSLOG_NG_INCLUDE = re.compile(r"""^[ \t]*@include[ \t]+(?:"([^"]*)"|'([^']*)'|(\S+))""", re.MULTILINE)
_SYSLOG_NG_USE = re.compile(r"`([A-Za-z_][\w-]*)`")


def _syslog_ng_text(
    file: str,
    body: str,
    entry: ConfigFile,
    written: Mapping[str, str],
    config_entry: Callable[[str, str], ConfigFile | None],
) -> str:
    """(config55) A syslog-ng configuration ``file`` as the daemon reads it: each ``@include`` of a file the script
    writes (``written``) that this entry does not read itself (``/etc/fleet/dest.inc``; a ``conf.d/*.conf`` file is
    read on its own) put in its place, and each `` `name` `` replaced by the value an ``@define`` of the configuration
    gives it (the definitions of every syslog-ng file the script writes: they are one configuration). A name no
    definition gives is left as written (judged unproven where it names a host)."""
    base = file.rsplit("/", 1)[0] if "/" in file else ""
    # config57: a relative name is also looked for in the directories of the configuration's `include-path`
    # (`@define include-path "DIR[:DIR...]"`, as the package's scl.conf sets it), any syslog-ng file the script writes
    bases = [base, *_syslog_ng_include_path(body, written, entry, config_entry)]

    text = (
        _includes_inlined(_SYSLOG_NG_INCLUDE, body, bases, written, entry, config_entry)
        if _SYSLOG_NG_INCLUDE_WORD in body
        else body
    )
    if "`" not in text:
        return text
    sources = [t for f, t in written.items() if config_entry(f, "") is entry] + [text]
    defines = {
        m.group(1): next(g for g in m.groups()[1:] if g is not None)
        for source in sources
        if "@define" in source
        for m in _SYSLOG_NG_DEFINE.finditer(source)
    }
    return _SYSLOG_NG_USE.sub(lambda m: defines.get(m.group(1), m.group(0)), text)


def _includes_inlined(
    include: re.Pattern[str],
    body: str,
    bases: Sequence[str],
    written: Mapping[str, str],
    entry: ConfigFile,
    config_entry: Callable[[str, str], ConfigFile | None],
) -> str:
    """``body`` with the bodies :func:`_included_files` gives after each ``include`` line (its first group that
    matched the name): one inlining for syslog-ng's and rsyslog's includes (the lead, stop 58). mutation59 (stop 59):
    an included file's own includes too, each file once (rsyslog "$IncludeConfig": "IncludeConfigs can be nested";
    "include()": it "copies the text from that include file at the exact position where the include is specified",
    an include there too; syslog-ng's `@include` alike): `include(file="a.conf")` whose a.conf holds `$IncludeConfig
    b.conf`, b.conf forwarding to a partner's host, passed every door (one level was read)."""
    seen: set[str] = set()

    def included(m: re.Match[str]) -> str:
        name = next(g for g in m.groups() if g is not None)
        bodies = []
        for text in _included_files(name, bases, written, entry, config_entry):
            if text not in seen:
                seen.add(text)
                bodies.append(include.sub(included, text))
        return "\n".join([m.group(0), *bodies])

    return include.sub(included, body)


def _router_sets(script: str, bodies: Sequence[str]) -> str:
    """Every Fluent Bit ``@SET NAME=VALUE`` line of the log-router files a script writes, one a line (falsealarm58b,
    stop 58): Fluent Bit reads an ``@INCLUDE``d file in place ("Configuration Variables", "@INCLUDE"), so a variable
    the main file sets is filled in an included output. Set in several files to several values, the variable stays
    unfilled (:func:`fluent_bit_sets`). Gate: ``@SET`` in the script."""
    if "@" not in script or "@set" not in script.lower():
        return ""
    return "".join(
        f"@SET {name}={value}\n" for b in bodies for name, values in fluent_bit_sets(b).items() for value in values
    )


def _router_yaml_includes(file: str, body: str) -> list[str]:
    """(config61, stop 61) The files a Fluent Bit YAML configuration ``file`` includes by its ``includes`` list (Fluent
    Bit "YAML Configuration File", https://docs.fluentbit.io/manual/administration/configuring-fluent-bit/yaml: "The
    includes section allows the files to be merged into the YAML configuration to be identified as a list of
    filenames. If no path is provided, then the file is assumed to be in a folder relative to the file referencing
    it"), each as written; none for a classic file or a text with no such list (one substring test first). An included
    output was read only as any YAML file: the router's reading (the main file's ``env`` variables) never reached it."""
    if "includes" not in body or not file.endswith(("yml", "yaml")):
        return []
    document = yaml_or_none(body)
    listed = document.get("includes") if isinstance(document, dict) else None
    return [i for i in listed if isinstance(i, str) and i.strip()] if isinstance(listed, list) else []


def _router_env(bodies: Sequence[str]) -> dict[str, set[str]]:
    """(config61, stop 61) Every variable the ``env`` sections of the Fluent Bit YAML files a script writes set
    (:func:`documents.fluent_bit_env`), with each value it is set to: Fluent Bit reads an ``includes`` file as part of
    the one configuration, so a variable the main file sets is filled in an included output (as ``@SET`` is,
    :func:`_router_sets`). A variable set to several values stays unfilled (:func:`documents.fluent_bit_filled`). Gate:
    ``env`` and ``${`` in the bodies (the caller's files only)."""
    if not any("${" in b for b in bodies):
        return {}
    env: dict[str, set[str]] = {}
    for body in bodies:
        for name, values in fluent_bit_env(body).items():
            env.setdefault(name, set()).update(values)
    return env


def _included_files(
    name: str,
    bases: Sequence[str],
    written: Mapping[str, str],
    entry: ConfigFile,
    config_entry: Callable[[str, str], ConfigFile | None],
) -> list[str]:
    """(config55; config58 shared by rsyslog's includes) The bodies of the files the script writes (``written``) that
    an include of ``name`` reads: the file, every file of a directory, or every file a wildcard pattern matches
    (syslog-ng "@include": "a file, a directory or a wildcard pattern"; rsyslog ``$IncludeConfig`` / ``include(file=)``:
    "We use the glob() C library function"), a relative name under each of ``bases``; a file this entry reads on its
    own (``conf.d/*.conf`` of the package's path) is left to that reading."""
    return [written[f] for f in _include_matches(name, bases, written) if config_entry(f, "") is not entry]


# config59 (stop 59): a systemd unit's (or drop-in's) `Environment=` line (systemd.exec(5): "Sets environment variables
# for executed processes. Takes a space-separated list of variable assignments", `Environment="VAR1=word1 word2"
# VAR2=word3`), its assignments read by _ASSIGNMENT.
_UNIT_ENVIRONMENT = re.compile(r"^[ \t]*Environment[ \t]*=(.*)$", re.MULTILINE)


def _unit_environment(script: str) -> dict[str, tuple[str, ...]]:
    """(config59, stop 59) Each variable the ``Environment=`` lines ``script`` writes (a unit or a drop-in for the
    service it starts) give a service, with every literal value given (a value holding ``$`` is systemd's own
    specifier text, left out). Gate: the caller's ``Environment=`` test."""
    given: dict[str, tuple[str, ...]] = {}
    lines = [line.group(1) for line in _UNIT_ENVIRONMENT.finditer(script)] if "Environment=" in script else []
    if "EnvironmentFile" in script:  # mutation59b: and the assignments of each written file `EnvironmentFile=` names
        files = written_files(script)
        lines += [a for f in _UNIT_ENVIRONMENT_FILE.findall(script) for a in files.get(f, "").splitlines()]
    for line in lines:
        for m in _ASSIGNMENT.finditer(line):
            value = next(v for v in m.group("double", "single", "bare") if v is not None)
            if value and "$" not in value:
                given[m.group("name")] = (*given.get(m.group("name"), ()), value)
    return given


# mutation59b (stop 59): systemd.exec(5) "EnvironmentFile=": "Similar to Environment=, but reads the environment
# variables from a text file. The text file should contain newline-separated variable assignments"; "The argument
# passed should be an absolute filename or wildcard expression, optionally prefixed with "-", which indicates that if
# the file does not exist, it will not be read". A drop-in's `EnvironmentFile=/etc/fleet/sink.env` the script writes
# with `LOG_SINK=<partner>` left Fluent Bit's `Host ${LOG_SINK}` as written: the partner passed every door.
_UNIT_ENVIRONMENT_FILE = re.compile(r"^[ \t]*EnvironmentFile[ \t]*=[ \t]*-?(/[^\s]+)[ \t]*$", re.MULTILINE)


def _include_matches(name: str, bases: Sequence[str], files: Iterable[str]) -> list[str]:
    """(config59, stop 59) The one include resolver of every log router (syslog-ng's and rsyslog's includes,
    :func:`_included_files`; Fluent Bit's ``@INCLUDE`` and Fluentd's ``@include``, ``_log_router_files_of``): the
    ``files`` an include of ``name`` reads, the file itself, every file of a directory, or every file a wildcard
    pattern matches (:func:`scripts.shell_pattern`, whose ``*`` also crosses a ``/``: wider than glob(3), failing
    closed), a relative name
    under each of ``bases`` (the including file's directory, syslog-ng's include-path; ``..`` resolved)."""
    # config59: a name climbing out of its base (`@INCLUDE ../outputs/*.conf`) is read from the directory it names
    paths = [posixpath.normpath(p) for p in ([name] if name.startswith("/") else [f"{b}/{name}" for b in bases])]
    # config60 (stop 60): matched by the shell's pattern rules, as the tools' glob(3) / Dir.glob read them
    # (scripts.shell_pattern: `[^_]*.conf`, `[[:digit:]]*.conf`, `{a,b}`; fnmatch read neither)
    return [f for f in files if any(shell_matches(f, path, tools=True) or f.startswith(path.rstrip("/") + "/")
                                    for path in paths)]  # fmt: skip


# config58: rsyslog's includes (rsyslog "$IncludeConfig": "This parameter allows to include other files into the main
# configuration file ... We use the glob() C library function for obtaining the sorted list"; "The rsyslog include()
# object": "whenever rsyslog finds an include object, in copies the text from that include file at the exact position",
# its `file` parameter a file name or a wildcard pattern), one a line.
_RSYSLOG_INCLUDE = re.compile(
    r"""^[ \t]*(?:\$IncludeConfig[ \t]+(?:"([^"]*)"|(\S+))"""
    r"""|include[ \t]*\((?:[^)]*?\s)?file[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'))""",
    re.MULTILINE | re.IGNORECASE,
)


def _rsyslog_text(
    file: str,
    body: str,
    entry: ConfigFile,
    written: Mapping[str, str],
    config_entry: Callable[[str, str], ConfigFile | None],
) -> str:
    """(config58) An rsyslog configuration ``file`` as the daemon reads it: after each ``$IncludeConfig PATH`` /
    ``include(file="PATH")`` line the bodies of the files the script writes that it includes (a wildcard pattern, a
    directory; a relative name under the including file's directory, failing closed), unless this entry reads them on
    their own (``/etc/rsyslog.d/*.conf``). Gate: the word ``include`` (the caller's)."""
    base = file.rsplit("/", 1)[0] if "/" in file else ""
    return _includes_inlined(_RSYSLOG_INCLUDE, body, [base], written, entry, config_entry)


def _syslog_ng_include_path(
    body: str,
    written: Mapping[str, str],
    entry: ConfigFile,
    config_entry: Callable[[str, str], ConfigFile | None],
) -> list[str]:
    """(config57) The directories an ``@include`` of a relative name is also looked for in: the ``include-path`` the
    configuration defines (syslog-ng OSE Administration Guide, "Including configuration files": "The default path
    where syslog-ng OSE looks for the file depends on where syslog-ng OSE is installed. The syslog-ng --version command
    displays this path as Include-Path"; the package's scl.conf "sets up 'scl-root' and `include-path`" with ``@define
    include-path "...:`scl-root`"``), read in ``body`` and every syslog-ng file the script writes (one configuration);
    a part naming a definition (`` `scl-root` ``: the package's) is left out. Gate: the word ``include-path``."""
    sources = [body, *(t for f, t in written.items() if "include-path" in t and config_entry(f, "") is entry)]
    dirs: list[str] = []
    for source in sources:
        if "include-path" not in source:
            continue
        for m in _SYSLOG_NG_DEFINE.finditer(source):
            if m.group(1) == "include-path":
                value = next(g for g in m.groups()[1:] if g is not None)
                dirs += [d.rstrip("/") for d in value.split(":") if d.startswith("/") and d not in dirs]
    return dirs


def _syslog_ng_failover(block: str) -> list[tuple[str, str]]:
    """(config54b) A network destination's ``failover(servers("a", "b"))``: every server it lists (syslog-ng OSE
    guide, "Client-side failover": "servers(): Specifies a secondary destination server where log messages are sent
    if the primary server becomes inaccessible"), each a host messages go to."""
    pairs = []
    for m in _SYSLOG_NG_SERVERS.finditer(block):
        inside = _parenthesised(block, m.end() - 1)
        items = [q.group(1) if q.group(1) is not None else q.group(2) for q in _QUOTED.finditer(inside)]
        pairs += [("servers", item) for item in (items or inside.replace(",", " ").split())]
    return pairs


def _first_group(m: re.Match[str], *names: str) -> str:
    """The first of ``m``'s named groups that matched (an empty quoted string is one), or ``""``."""
    return next((g for g in m.group(*names) if g is not None), "")


def _braced(text: str, start: int) -> str:
    """The text between the ``{`` at ``start`` and the ``}`` closing it, or to the end of ``text``."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i]
    return text[start + 1 :]


def _renamed_keys(node: Any, keys: Mapping[str, str], path: tuple[str, ...] = ()) -> Any:
    """(config54) A config document with the file's own names of settings read as the key catalogue's
    (``ConfigFile.keys``): a plain name at any depth (Filebeat's ``hosts``: ``host``), a dotted path from the document's
    top, ``*`` one key of any name (Vector's ``sinks.*.address``: a sink's, never a source's listen ``address``).
    Names compare in lower case; a renamed key keeps its value."""
    if isinstance(node, list):
        return [_renamed_keys(item, keys, path) for item in node]
    if not isinstance(node, dict):
        return node
    renamed: dict[Any, Any] = {}
    for key, value in node.items():
        here = (*path, str(key).lower())
        name = keys.get(here[-1]) or next((n for p, n in keys.items() if "." in p and _key_path_is(p, here)), None)
        renamed[name or key] = _renamed_keys(value, keys, here)
    return renamed


_LISTED_VARIABLE = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)=(.*)", re.DOTALL)
"""A ``NAME=value`` item of a list of variables (Compose's environment "array syntax")."""


def _listed_variables(node: Any, user_keyed: Callable[[str], bool]) -> Any:
    """(config55b) A settings document with each list of ``NAME=value`` strings under a key naming a map of the user's
    variables (``user_keyed_maps``: Compose's ``environment``) read as that map: the Compose file reference gives a
    service's environment "either an array or a map" ("Array syntax: environment: - RACK_ENV=development"), so
    ``environment: [DATABASE_HOST=<host>, LOG_LEVEL=info]`` (a YAML flow sequence, which the script text's assignment
    scan does not read: no blank before the name) is ``{DATABASE_HOST: <host>, LOG_LEVEL: info}``, each value judged
    by its name as the map's are. A list holding any other item (a bare ``NAME``, which Compose takes from the shell, or
    a mapping) is left as it is; so is every other list."""
    if isinstance(node, list):
        return [_listed_variables(item, user_keyed) for item in node]
    if not isinstance(node, dict):
        return node
    read: dict[Any, Any] = {}
    for key, value in node.items():
        pairs = (
            [_LISTED_VARIABLE.fullmatch(v) if isinstance(v, str) else None for v in value]
            if isinstance(value, list) and value and user_keyed(str(key))
            else None
        )
        if pairs and all(pairs):
            read[key] = {m.group(1): m.group(2) for m in pairs if m is not None}
        else:
            read[key] = _listed_variables(value, user_keyed)
    return read


def _substitution_fields(parsed: Any, entry: ConfigFile) -> Any:
    """The fields of a settings file the substitution reading judges (:meth:`RuleEngine._judge_config_file`): config65,
    a setting the entry names by a dotted path by its catalogue name; config66 (stop 66), a setting encoding a host (a
    Beat's ``cloud.id``, ``ConfigFile.encoded_hosts``) read as that host, as the filled walk reads it
    (:func:`_catalogue_named`): ``cloud.id: "${CLOUD_ID}"`` after ``export CLOUD_ID=$(curl ...)`` passed every door in
    EU (``cloud.id`` is no host key)."""
    dotted = isinstance(parsed, dict) and any("." in k for k in entry.keys)
    fields = _renamed_keys(parsed, entry.keys) if dotted else parsed
    if entry.encoded_hosts and isinstance(fields, (dict, list)):
        fields = _decoded_hosts(fields, entry.encoded_hosts)
    return fields


def _catalogue_named(document: Any, entry: ConfigFile) -> Any:
    """A settings document with its own names read as the key catalogue's (``ConfigFile.keys``, config54) and each
    setting whose value encodes a host read as that host (``ConfigFile.encoded_hosts``, config63)."""
    if not isinstance(document, (dict, list)):
        return document
    if entry.keys:
        document = _renamed_keys(document, entry.keys)
    return _decoded_hosts(document, entry.encoded_hosts) if entry.encoded_hosts else document


_HOST_DECODERS: dict[str, Callable[[str], str | None]] = {"elastic-cloud-id": elastic_cloud_host}
"""(config63) The readers of ``ConfigFile.encoded_hosts``' encodings."""


def _decoded_script_value(found: ScriptHost, value: str) -> str:
    """(the lead, stop 64) A variable's value that reaches a script's host word, decoded where the word's setting is
    encoded (``found.encoded``: a Beat's ``-E cloud.id=$CID``, the Elastic Cloud host the id names); as it is
    otherwise, and where it does not decode (judged as written: unproven)."""
    return (_HOST_DECODERS[found.encoded](value) or value) if found.encoded else value


def _decoded_hosts(node: Any, encoded: Mapping[str, str], path: tuple[str, ...] = ()) -> Any:
    """(config63) A config document with each setting ``encoded`` names (a dotted path from the top, written flat,
    ``cloud.id``, or nested) read as the ``host`` its value encodes (Filebeat's ``cloud.id``: the Elastic Cloud
    cluster's host), so the one host reading judges it; a value that does not decode stays, under ``host``."""
    if isinstance(node, list):
        return [_decoded_hosts(item, encoded, path) for item in node]
    if not isinstance(node, dict):
        return node
    read: dict[Any, Any] = {}
    for key, value in node.items():
        here = (*path, *str(key).lower().split("."))
        form = next((f for p, f in encoded.items() if _key_path_is(p, here)), None)
        if form is not None and isinstance(value, str):
            read["host"] = _HOST_DECODERS[form](value) or value
        else:
            read[key] = _decoded_hosts(value, encoded, here)
    return read


def _key_path_is(pattern: str, path: tuple[str, ...]) -> bool:
    """Whether a document's key ``path`` is the dotted ``pattern`` (``*``: any one key)."""
    parts = pattern.split(".")
    return len(parts) == len(path) and all(p in ("*", k) for p, k in zip(parts, path, strict=True))


def _names_option_file(script: str, entry: ConfigFile, file: str) -> bool:
    """(config54) Whether ``script`` runs one of ``entry.option_files``' commands with its option naming ``file``
    (``ssh -F /opt/backup/ssh.conf host``, ``rsync -e 'ssh -F FILE'``, ``-FFILE``), quoted or not."""
    if entry.format in ("yaml", "toml") and file.endswith(".toml") != (entry.format == "toml"):
        return False  # config55b: Vector reads a `.toml` file as TOML, any other named one as YAML / JSON
    # config58: or a wildcard pattern matching it (`filebeat -c '/etc/filebeat/conf.d/*.yml'`)
    named = "|".join((re.escape(file), *_globs_matching(script, file)))
    if _runs_with_option(script, entry.option_files, f"(?:{named})", entry.option_separator, entry.option_file_scheme):
        return True
    return (
        _names_option_dir(script, entry, file)
        or _names_option_variable(script, entry, file)
        or _names_relative_option_file(script, entry, file)
    )


# config58: a word of a script holding a wildcard (`*`, `?`), a path pattern up to a blank, quote, `=`, `,` or operator;
# config60 (stop 60): or a bracket expression (`shipper-[ab].yml`, bash(1) "Pattern Matching": "[...] Matches any one
# of the enclosed characters"), one with no blank or `/` inside. Anchored at a word's start (a blank, quote, `=`, `,` or
# operator before it, or none): unanchored, each position of a long word was tried again, quadratic in its length (a
# 40 KB base64 word took 222 s in finditer on main 0183f733; 8 ms anchored). config61 (stop 61): or a brace list
# (`--config=/etc/fleet/pipeline/{base,central}.yaml`, bash(1) "Brace Expansion": "Patterns to be brace expanded take
# the form of an optional preamble, followed by ... a series of comma-separated strings ... between a pair of braces";
# each word of the expansion names a file; a `${` is a parameter, no list), its `,` inside the braces part of the word
# (a `,` elsewhere still ends it: Vector's `-c a.yaml,b.yaml` list). Still anchored at a word's start; read by its own
# pattern only in a script holding a brace list (_GLOB_OR_BRACE_WORD).
_GLOB_WORD = re.compile(r"""(?<![^\s'"=,;|&<>()])[^\s'"=,;|&<>()]*(?:[*?]|\[[^\]\s/]+\])[^\s'"=,;|&<>()]*""")
_BRACE_LIST = re.compile(r"""(?<!\$)\{[^\s'"{}=;|&<>()]*,[^\s'"{}=;|&<>()]*\}""")
_GLOB_PART = rf"""(?:{_BRACE_LIST.pattern}|[^\s'"=,;|&<>()])"""
_GLOB_OR_BRACE_WORD = re.compile(
    rf"""(?<![^\s'"=,;|&<>()]){_GLOB_PART}*?(?:[*?]|\[[^\]\s/]+\]|{_BRACE_LIST.pattern}){_GLOB_PART}*"""
)
"""_GLOB_WORD with a brace list too, read only in a script holding one (:data:`_BRACE_LIST`, a `${` is no list): about
three times _GLOB_WORD's time on a 2,000-line script (14 ms against 5.4 ms a finditer, this branch's measure)."""


def _globs_matching(script: str, file: str) -> tuple[str, ...]:
    """(config58) The wildcard patterns ``script`` writes that match the absolute path ``file`` (bash(1) "Pathname
    Expansion": an unquoted pattern is replaced by the matching file names, so `-c /etc/fleet/*.yml` names each; a
    quoted one is the tool's own wildcard: Vector's `--config` "Read configuration from one or more files. Wildcard
    paths are supported", the vector CLI reference; a quoted pattern at another tool's option is read the same, failing
    closed), each escaped as a regular expression of the word. A ``*`` matches within one path segment (as glob(3));
    ``?`` one character; config61: a brace list, each of its words. Gate: a ``*``, ``?`` or ``]`` in the script, or
    a brace list (:data:`_BRACE_LIST`, one search)."""
    braced = "{" in script and _BRACE_LIST.search(script) is not None
    if ("*" not in script and "?" not in script and "]" not in script and not braced) or not file.startswith("/"):
        return ()
    words = _GLOB_OR_BRACE_WORD if braced else _GLOB_WORD
    found = {
        m.group(0)
        for m in words.finditer(script)
        if m.group(0).startswith("/") and m.group(0).count("/") == file.count("/")
    }
    # config59 (stop 59): a relative pattern (`cd /etc/fleet && filebeat -c 'beats/*.yml'`, `fluent-bit -c *.conf`) is
    # matched against the file's last segments: the working directory it is relative to (a `cd`, the unit's) is not
    # proven by the text, so a written file whose path ends with a match is named (failing closed, as config57 reads a
    # relative name at `-c`)
    relative = {
        m.group(0): m.group(0).removeprefix("./")
        for m in words.finditer(script)
        if not m.group(0).startswith(("/", "$", "~")) and m.group(0).removeprefix("./").count("/") < file.count("/")
    }
    tails = {g: ("/".join(file.split("/")[-(p.count("/") + 1) :]), p) for g, p in relative.items()}
    return tuple(
        re.escape(g)
        for g in sorted(found | set(relative))
        if shell_matches(file, g, tools=True) or (g in tails and shell_matches(*tails[g], tools=True))
    )


def _names_relative_option_file(script: str, entry: ConfigFile, file: str) -> bool:
    """(config56) Whether ``script`` runs one of ``entry.option_base``' commands with its base option naming a directory
    and an ``option_files`` option naming ``file`` relative to it, on the same command line (``filebeat --path.config
    /etc/fleet -c shipper.yml``: "The path is relative to path.config"). config57: with no base option on the line,
    whether ``file`` ends with the relative name (``cd /opt/filebeat && ./filebeat -c shipper.yml``)."""
    for command, base in entry.option_base.items():
        if command not in script:
            continue
        options = entry.option_files.get(command, ())
        for option in (options,) if isinstance(options, str) else options:
            # config57: the command run by its path too (a tarball's `./filebeat`, `/usr/share/filebeat/bin/filebeat`)
            for m in re.finditer(rf"(?<![\w.-]){re.escape(command)}\s([^\n;|&]*)", script):
                line = m.group(1)
                directory = re.search(rf"(?<!\S){re.escape(base)}(?:=|\s+)['\"]?([^'\"\s]+)", line)
                name = re.search(rf"(?<!\S){re.escape(option)}(?:=|\s+)['\"]?([^'\"\s/-][^'\"\s]*)", line)
                if directory and name and f"{directory.group(1).rstrip('/')}/{name.group(1)}" == file:
                    return True
                # config57: no base option on the line: the name is relative to the default path.config (path.home:
                # the working directory of a tarball install, /etc/filebeat for the packages), which the script's
                # text does not prove; a file it writes whose path ends with the name is read (failing closed: the
                # written file judged whichever directory the tool resolves the name against)
                if not directory and name and file.endswith(f"/{name.group(1).removeprefix('./')}"):
                    return True
    return False


def _names_option_dir(script: str, entry: ConfigFile, file: str) -> bool:
    """(config56) Whether ``script`` runs one of ``entry.option_dirs``' commands with its option naming the directory
    ``file`` is right in (``vector --config-dir /etc/fleet/pipeline``, ``-C DIR``, ``--config-dir=DIR``), quoted or
    not, with or without a trailing slash."""
    places = "|".join(_option_dir_places(script, entry, file))
    return bool(places) and _runs_with_option(script, entry.option_dirs, f"(?:{places})/?", entry.option_separator)


def _option_dir_places(script: str, entry: ConfigFile, file: str) -> tuple[str, ...]:
    """The regular expressions of the words naming a directory of ``file`` at a directory option or variable
    (:func:`_option_dirs_of`), each escaped: the directory as written, and (config61, stop 61) each wildcard, bracket or
    brace pattern ``script`` writes that matches it (``vector --config-dir /etc/fleet/*/pipeline``: bash expands an
    unquoted pattern to the directories it matches before Vector starts; a quoted one is read the same, failing
    closed). Only a directory named as written was read: a partner's sink there passed every door."""
    dirs = _option_dirs_of(entry, file)
    # a pattern ending with a `/` (`-C /etc/fleet/logs/pipe*/`) names the same directory
    patterns = dict.fromkeys(g for d in dirs for g in (*_globs_matching(script, d), *_globs_matching(script, f"{d}/")))
    return (*(re.escape(d) for d in dirs), *patterns)


def _option_dirs_of(entry: ConfigFile, file: str) -> tuple[str, ...]:
    """The directories whose naming at one of ``entry``'s directory options (or variables) makes ``file`` that entry's
    file: the one it is right in, and (config57) for a file in a namespace subdirectory
    (``ConfigFile.option_dir_namespaces``: Vector's ``sinks/central.yaml``) the directory above it."""
    directory = file.rpartition("/")[0]
    parent, _, namespace = directory.rpartition("/")
    if parent and namespace in entry.option_dir_namespaces:
        return (directory, parent)
    return (directory,) if directory else ()


def _with_split_function_outputs(value: Sequence[Any]) -> Sequence[Any]:
    """(scripts59b) A list's string items with the calls of functions earlier items define written out
    (:func:`scripts.split_function_outputs_written`); other items as they are; ``value`` itself where nothing
    changed."""
    texts = [(i, v) for i, v in enumerate(value) if isinstance(v, str)]
    written = split_function_outputs_written([v for _, v in texts])
    if all(w == v for (_, v), w in zip(texts, written, strict=True)):
        return value
    out = list(value)
    for (i, _), w in zip(texts, written, strict=True):
        out[i] = w
    return out


def _namespaced_component(entry: ConfigFile, file: str, document: Any) -> Any:
    """(config57) ``document``, a file's body in a namespace subdirectory of ``entry`` (Vector's "automatic
    namespacing": ``sinks/central.yaml`` holds the component ``sinks.central`` itself, no ``sinks:`` key), as the
    document the entry's key paths read (``{"sinks": {"central": body}}``); any other document as it is. A body that
    already has the namespace's key (a whole configuration kept there) is left as written."""
    directory, _, name = file.rpartition("/")
    namespace = directory.rpartition("/")[2]
    if namespace not in entry.option_dir_namespaces or not isinstance(document, dict) or namespace in document:
        return document
    return {namespace: {name.rpartition(".")[0] or name: document}}


def _option_uri_values(
    script: str, entry: ConfigFile, images: Mapping[str, str] | None = None
) -> list[tuple[int, str, str]]:
    """(config63) Each value of one of ``entry.option_files``' options that begins with a scheme of
    ``entry.option_uris``, on a line naming the option's command (run by name or path, or the package's options file
    or variable naming it: ``OTELCOL_OPTIONS="--config=..."`` in ``/etc/otelcol-contrib/otelcol-contrib.conf``;
    config65: or an image whose catalogued entrypoint it is, ``images``), as ``(offset of the line, scheme, text after
    it)`` (:func:`_config_line_sources`)."""
    out: list[tuple[int, str, str]] = []
    for at, values in _config_line_sources(script, entry, images or {}):
        for text in values:
            scheme = next((s for s in entry.option_uris if text.startswith(s)), None)
            if scheme is not None:
                out.append((at, scheme, text[len(scheme) :]))
    return out


def _config_line_sources(script: str, entry: ConfigFile, images: Mapping[str, str]) -> list[tuple[int, list[str]]]:
    """(config65, stop 65) Each line running one of ``entry.option_files``' commands with every value of the command's
    option on it, in the line's order, ``(offset of the line, values)``. The line names the command by name or path
    (config63's reading), or runs a container image whose catalogued entrypoint is the command (``images``: docker
    run's ``entrypoints``, ``otel/opentelemetry-collector-contrib``: ``otelcol-contrib``; OpenTelemetry "Install the
    Collector with Docker": ``docker run ... otel/opentelemetry-collector-contrib:<v> --config=...``), whose values are
    read after the image only (docker's own options stop there). A value runs to the quote it opens with, or to the
    quote the option's word opens with (``"--config=yaml:a::b: c"``), else to a blank. config63 read the first value
    with a scheme of a line only (its pattern ran to the line's end): ``--config='yaml:a' --config='yaml:b'`` read
    ``a``."""
    out: list[tuple[int, list[str]]] = []
    for command, options in entry.option_files.items():
        named = [command, *(image for image, runs in images.items() if runs == command)]
        if not any(n in script for n in named):
            continue
        opts = "|".join(re.escape(o) for o in ((options,) if isinstance(options, str) else options))
        value = re.compile(rf"(?<![\w-])(?:{opts})(?:=|\s+)(['\"]?)(?=\S)")
        names = "|".join(re.escape(n) for n in named)
        run = "|".join(re.escape(n) for n in named[1:])
        image = re.compile(rf"(?<![\w.-])(?:{run})(?![\w.-])") if run else None
        for line in re.finditer(rf"^.*(?<![\w.-])(?:{names})(?![\w.-]).*$", script, re.MULTILINE):
            text = line.group(0)
            ran = image.search(text) if image is not None else None
            pos = ran.end() if ran is not None else 0
            found: list[str] = []
            while (m := value.search(text, pos)) is not None:
                rest = text[m.end() :]
                # the quote the option's word opens with ends a URI only (a file's path ends at a blank too:
                # `OTELCOL_OPTIONS="--config=/etc/a.yaml --config='yaml:...'"`)
                uri = rest.startswith(tuple(entry.option_uris))
                quote = m.group(1) or (text[m.start() - 1 : m.start()] if m.start() and uri else "")
                end = rest.find(quote) if quote in ("'", '"') else -1
                word = rest[:end] if end >= 0 else re.split(r"[\s'\"]", rest, maxsplit=1)[0]
                found.append(word)
                pos = m.end() + len(word)
            if found:
                out.append((line.start(), found))
    return out


def _line_file(entry: ConfigFile, value: str) -> str | None:
    """(config65) The file a value of ``entry``'s file option names (a bare path or one after
    ``option_file_scheme``, ``file:``); None for another URI."""
    scheme = entry.option_file_scheme
    if scheme and value.startswith(scheme):
        return value[len(scheme) :]
    return None if value.startswith(tuple(entry.option_uris)) else value


_MERGED_LINE_CONFIGS = 8
"""(config65) How many merges of a line's sources' alternative values (an ``env:`` variable given several) are judged;
past it, the sources' every alternative is merged in order into one configuration."""


def _env_uri_texts(
    script: str, name: str, at: int, values: _ScriptValues, files: Mapping[str, str]
) -> tuple[str | None, Sequence[str]]:
    """(config63, falsealarm64) The documents an ``env:`` URI's variable ``name`` holds at ``at``: the whole document
    its last assignment gives (``"$(cat <<EOF`` over lines, ``"$(cat FILE)"``: :func:`_document_assigned`, filled by
    the values reaching it) and those texts, else None and the values the evaluator gives the variable."""
    whole = _document_assigned(script, name, at, files)
    if whole is not None:
        return whole, filled_texts(whole, values.at_destination(at))
    return None, values.at(at).get(name, ())


def _merged_line_configs(
    engine: RuleEngine, walk: _Walk, script: str, entry: ConfigFile, depth: int
) -> list[tuple[int, dict[Any, Any]]]:
    """(config65) For each line of ``entry``'s command with more than one source or a URI
    (:func:`_config_line_sources`), the configuration the tool merges from them in the line's order (a later source's
    setting over an earlier one's, mappings merged key by key: :func:`_merged_settings`): a file the script writes, a
    ``yaml:`` URI's document, an ``env:`` variable's document. A source the engine cannot read (a file the script does
    not write, a fetched URI, a variable no reader computes: judged apart, the last two RES-015) adds nothing, so the
    defaults are judged over what is read (failing closed). A variable given several documents gives one merge per
    choice, up to :data:`_MERGED_LINE_CONFIGS`."""
    out: list[tuple[int, dict[Any, Any]]] = []
    files: Mapping[str, str] | None = None
    values: _ScriptValues | None = None
    for at, sources in _config_line_sources(script, entry, engine._image_entrypoints()):
        if len(sources) < 2 and not any(s.startswith(tuple(entry.option_uris)) for s in sources):
            continue  # one file alone: its own defaults (_judge_config_file)
        # config66: and the files the cloud-config whose runcmd the line is writes (write_files)
        files = {**engine._payload_written_files(walk), **written_files(script)} if files is None else files
        choices: list[list[dict[Any, Any]]] = []
        for source in sources:
            file = _line_file(entry, source)
            how = entry.option_uris.get(next((u for u in entry.option_uris if source.startswith(u)), ""))
            if file is not None:
                texts: Sequence[str] = (files[file],) if file in files else ()
            elif how == "yaml":
                texts = (source.partition(":")[2],)
            elif how == "env":
                values = values or _assigned_values(script, engine._instance_region(walk))
                texts = _env_uri_texts(script, source.partition(":")[2], at, values, files)[1]
            else:
                texts = ()
            # the lead (stop 65): a reference's own default read as the file's own judgement reads it (mutation65's
            # _reference_defaults), or `site: ${env:DD_SITE:-datadoghq.eu}` on a merged line got the US1 default too
            texts = [_reference_defaults(t, entry, script) for t in texts]
            documents = [d for d in (_confmap_nested(yaml_or_none(t, depth)) for t in texts) if isinstance(d, dict)]
            if documents:
                choices.append(documents)
        if math.prod(len(c) for c in choices) > _MERGED_LINE_CONFIGS:
            choices = [[functools.reduce(_merged_settings, c, {})] for c in choices]
        for combination in itertools.product(*choices):
            out.append((at, functools.reduce(_merged_settings, combination, {})))
    return out


def _confmap_nested(node: Any) -> Any:
    """(config63) A Collector configuration whose keys may hold ``::``, its key delimiter ("yaml:processors::batch::
    timeout: 2s", the Collector's "Configuration" page, "--config=yaml:..."), nested: ``{a::b: v}`` -> ``{a: {b: v}}``,
    merged key by key."""
    if not isinstance(node, dict):
        return node
    out: dict[Any, Any] = {}
    for key, value in node.items():
        *parts, last = str(key).split("::") if isinstance(key, str) else [key]
        nested: dict[Any, Any] = {last: _confmap_nested(value)}
        for part in reversed(parts):
            nested = {part: nested}
        out = _merged_settings(out, nested)
    return out


def _runs_with_option(
    script: str,
    commands: Mapping[str, str | tuple[str, ...]],
    value: str,
    separator: str | None = None,
    scheme: str | None = None,
) -> bool:
    """Whether ``script`` runs one of ``commands`` (command -> its option or options) with the option followed by a
    word matching the pattern ``value``, quoted or not (config54's ``-F FILE`` / ``-FFILE``; config56: ``-c=FILE`` /
    ``--config=FILE`` too, Go's flag package "-flag=x", clap's ``--config=FILE``). mutation57: with ``separator``
    (``ConfigFile.option_separator``) also as one item of a list (``vector -c a.toml,b.yaml``). config57: the command
    run by its path too (``./filebeat``, ``/usr/share/filebeat/bin/filebeat``: a slash before its name). mutation62:
    with ``scheme`` (``ConfigFile.option_file_scheme``) the value may begin with it (``--config=file:FILE``)."""
    before, after = _list_item_around(separator)
    before += f"(?:{re.escape(scheme)})?" if scheme else ""
    for command, options in commands.items():
        if command not in script:
            continue
        for option in (options,) if isinstance(options, str) else options:
            pattern = (
                rf"(?<![\w.-]){re.escape(command)}\s(?:[^\n;|&]*?\s)?{re.escape(option)}(?:=|\s*)['\"]?{before}"
                rf"""{value}(?=['"\s;|&){after}]|$)"""
            )
            if re.search(pattern, script, re.MULTILINE):
                return True
    return False


def _names_option_variable(script: str, entry: ConfigFile, file: str) -> bool:
    """(config56) Whether ``script`` runs one of ``entry.option_variables``' commands and sets one of its variables to
    ``file`` or to the directory it is right in (``VECTOR_CONFIG=/etc/fleet/pipeline.yaml vector``, ``export
    VECTOR_CONFIG_DIR=/etc/fleet/pipeline``, a unit's ``Environment=VECTOR_CONFIG=...``), quoted or not."""
    # config58: a wildcard pattern matching the file too (`VECTOR_CONFIG=/etc/vector/*.yaml`); config61: or its
    # directory (`VECTOR_CONFIG_DIR=/etc/fleet/*/pipeline`)
    places = "|".join((re.escape(file), *_globs_matching(script, file), *_option_dir_places(script, entry, file)))
    for command, variables in entry.option_variables.items():
        if command not in script or not any(v in script for v in variables):
            continue
        names = "|".join(re.escape(v) for v in variables)
        before, after = _list_item_around(entry.option_separator)
        pattern = rf"(?<![\w$])(?:{names})=['\"]?{before}(?:{places})/?(?=['\"\s;|&){after}]|$)"
        if re.search(pattern, script, re.MULTILINE):
            return True
    return False


def _list_item_around(separator: str | None) -> tuple[str, str]:
    """(mutation57) The patterns around an option's value that make it one item of a ``separator`` list: the items
    before it (any number, none a blank, quote or the separator), and the separator as a character ending it. Empty
    for an option whose value is one file."""
    if separator is None:
        return "", ""
    escaped = re.escape(separator)
    return rf"""(?:[^\s'"{escaped};|&]*{escaped})*""", escaped


def _config_aliases(body: str, entry: ConfigFile) -> frozenset[str]:
    """The names a ``words`` config file defines for its own entries (config53: ssh_config's ``Host`` patterns without
    a wildcard or negation, ``ssh_config(5)`` PATTERNS), lower case."""
    names: set[str] = set()
    for line in body.splitlines():
        m = _CONFIG_WORDS.match(line)
        if m is not None and m.group(1).lower() == entry.alias_keyword:
            names |= _entry_names(m.group(2))
    return frozenset(names)


def _entry_names(arguments: str) -> set[str]:
    """The names an entry line's arguments give its entry (ssh_config(5) ``Host`` PATTERNS without a wildcard or a
    negation, which name no one host), lower case; a comment left out."""
    return {w.lower() for w in arguments.split("#", 1)[0].split() if not set(w) & set("*?!")}


def _config_real_names(body: str, entry: ConfigFile) -> frozenset[str]:
    """(falsealarm53b) The names of ``body``'s own entries (``entry.alias_keyword`` lines, as :func:`_config_aliases`
    reads them) whose lines set ``entry.real_name_keyword`` (ssh_config(5) ``HostName``), lower case. An entry ends
    at the next ``Host`` or ``Match`` line; a name whose entry sets no real name is none (ssh looks it up itself)."""
    names: set[str] = set()
    current: set[str] = set()
    for line in body.splitlines():
        m = _CONFIG_WORDS.match(line)
        if m is None:
            continue
        keyword = m.group(1).lower()
        if keyword in (entry.alias_keyword, "match"):
            current = _entry_names(m.group(2)) if keyword == entry.alias_keyword else set()
        elif keyword == entry.real_name_keyword and m.group(2).split("#", 1)[0].strip():
            names |= current
    return frozenset(names)


_SSH_CLIENTS = frozenset({"ssh", "scp", "sftp", "rsync"})
"""(falsealarm53b) The ``script_commands`` that reach their destination through OpenSSH, which reads the client
configuration (ssh(1) ``-F``: "the default for the per-user configuration file is ~/.ssh/config"; scp(1), sftp(1) and
rsync(1)'s remote shell run ssh)."""


def _ssh_name(host: str) -> str:
    """The host name an ssh client destination gives (``[user@]host[:port or path]``), lower case."""
    return host.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")


def _names_ssh_alias(ref: Reference, names: frozenset[str], value: str = "") -> bool:
    """Whether ``ref`` is a ``user@host:path`` remote path (the scan's scp form) whose host is one of ``names``; or
    (falsealarm54) a ``host:/path`` one (the scan's NFS export form) on lines of ``value`` that only an ssh client's
    command starts (``scp /tmp/a app.fleet:/tmp/a``, ``rsync -az /opt/ app.fleet:/opt/``: ssh(1) reads the alias)."""
    if ref.url is None or _ssh_name(ref.text) not in names:
        return False
    if "@" in ref.url:
        return True
    lines = [line for line in value.splitlines() if ref.url in line]
    return bool(lines) and all(_SSH_CLIENT_LINE.match(line) for line in lines)


# falsealarm54 (stop 54): a line an ssh client's command starts, after `sudo [-u USER]` (scp(1) / rsync(1) name a
# remote path `[user@]host:path`; the same `host:/path` is an NFS export to `mount`, which reads no ssh_config).
_SSH_CLIENT_LINE = re.compile(r"[ \t]*(?:sudo(?:[ \t]+-u[ \t]+\S+)?[ \t]+)?(?:\S*/)?(?:scp|rsync|sftp)[ \t]")


def parse_properties(text: str, *, ini: bool = False, attributes: bool = False) -> dict[str, str]:
    """The keys and values of a Java ``.properties`` file: ``key=value``, ``key: value`` or ``key value`` lines,
    ``#`` and ``!`` comments, a trailing backslash continuing the line (java.util.Properties.load). Escapes other
    than a continuation are kept as written: keys and values are only judged, never used.

    ``ini``: a PHP ini file instead (php.ini: ``key = value``, ``;`` comments, ``[section]`` headers, a value in
    quotes, https://www.php.net/manual/en/function.parse-ini-string.php): the same lines, the value without its quotes
    and without a comment after it; no continuation (a Windows path ends with a backslash).

    ``attributes`` (awsred60): ``name=value`` pairs separated by semicolons instead of lines (a DMS endpoint's extra
    connection attributes, "Multiple attributes are separated by a semicolon (;)"), each read as a line."""
    properties: dict[str, str] = {}
    logical = ""
    for raw in text.split(";") if attributes else text.splitlines():
        line = raw.lstrip()
        if not logical and (not line or line[0] in ("#;[" if ini else "#!")):
            continue
        if not ini and line.endswith("\\") and not line.endswith("\\\\"):
            logical += line[:-1]
            continue
        logical += line
        m = _PROPERTY.match(logical)
        logical = ""
        if m is not None:
            value = m.group("value").strip()
            if ini:
                quoted = _INI_QUOTED.match(value)
                value = quoted.group(2) if quoted else value.split(";", 1)[0].rstrip()
            properties[m.group("key")] = value
    return properties


_NameServerFields = Mapping[str, tuple[NameServerField, ...]]


def _of_record_type(field: RecordTypedField, props: Mapping[str, Any]) -> bool:
    """``field`` counts for a resource with these ``props``: its record type input (``when``) is one of the field's
    ``values``, or it names none. A type not known yet (an Output) is none of them."""
    if field.when is None:
        return True
    kind = prop_of(props, field.when)
    return isinstance(kind, str) and kind.upper() in field.values


def _name_server_tables(
    endpoints: EndpointCatalogue, partitions: frozenset[str]
) -> tuple[tuple[re.Pattern[str], ...], _NameServerFields]:
    """The name-server host shapes of the partitions a jurisdiction holds, and type token -> the inputs naming one
    (``name_servers``)."""
    name_servers = endpoints.name_servers
    if name_servers is None:
        return (), {}
    hosts = tuple(re.compile(h.pattern) for h in name_servers.hosts if h.partition in partitions)
    fields: dict[str, tuple[NameServerField, ...]] = {}
    for field in name_servers.fields:
        fields[field.type] = (*fields.get(field.type, ()), field)
    return hosts, fields


def parse_sql_options(text: str) -> tuple[list[dict[str, str]], str]:
    """The options of a SQL script's ``WITH ('key' = 'value', ...)`` clauses (Flink SQL's connector options: "WITH
    (key1=val1, ...)", keys and values string literals, a quote inside one doubled), one map per clause in order, then
    one map per ``SET 'key' = 'value'`` statement (the job's configuration: where its checkpoints go, the S3 file
    system's ``s3.endpoint``), and the script's text without those clauses and statements. Only the options are read:
    they name where a table, or the job, reads and writes."""
    options: list[dict[str, str]] = []
    settings: list[dict[str, str]] = []

    def take(m: re.Match[str]) -> str:
        pairs = {_sql_literal(k): _sql_literal(v) for k, v in _SQL_OPTION.findall(m.group("body"))}
        options.append(pairs)
        return " "

    def take_set(m: re.Match[str]) -> str:
        settings.append({_sql_literal(m.group("key")): _sql_literal(m.group("value"))})
        return m.group("start")

    rest = _SQL_WITH.sub(take, text)
    rest = _SQL_SET.sub(take_set, rest)
    return options + settings, rest


def _sql_literal(quoted: str) -> str:
    if len(quoted) < 2 or quoted[0] != "'" or quoted[-1] != "'":
        return quoted  # an unquoted key or value (`SET table.exec.state.ttl = 3h`)
    return quoted[1:-1].replace("''", "'")


def _binary_text(raw: bytes) -> str | None:
    """Binary data (optionally gzip-compressed) as the text it holds; None when it holds none. Raises
    :class:`DocumentBeyondBounds` for a gzip stream decompressing beyond ``documents.MAX_DECODED`` (stop 42)."""
    if raw[:2] == b"\x1f\x8b":
        unzipped = gunzip(raw)
        if unzipped is None:
            return None
        raw = unzipped
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _bucket_name_form(name: str) -> str:
    """A name in capitals (a legacy us-east-1 bucket name, or a host: DNS names are case-insensitive) or with an
    absolute name's trailing dot, as the lower-case, relative name of the same bucket or host; other names as written
    (mutation search round 5: `COLLECTOR.EXAMPLE.COM` under LOG_BUCKET passed where the lower-case name was refused)."""
    if S3_BUCKET_NAME.match(name):
        return name
    folded = name.lower().rstrip(".")
    return folded if S3_BUCKET_NAME.match(folded) else name


def _decode_payload(value: str) -> tuple[str, str] | None:
    """Base64 (optionally gzip-compressed) user data, decoded to text; None when it is not."""
    compact = "".join(value.split())
    if len(compact) < 8 or len(compact) % 4 or not _BASE64.match(compact):
        return None
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    text = _binary_text(raw)
    return None if text is None else ("base64+gzip" if raw[:2] == b"\x1f\x8b" else "base64", text)


_CLOUD_NAMES = {"aws": "AWS", "alicloud": "Alibaba Cloud"}
_SHOWN_DOCUMENT = 80  # characters of a document beyond the bounds shown in its finding
_NO_KEYS: frozenset[str] = frozenset()
_AUTONAME_SUFFIX = re.compile(r"-[0-9a-f]{7}$")  # Pulumi's default auto-name: <logical name>-<7 hex digits>
_LIST_SPLIT = re.compile(r"[,;\s]+")
# (alired58) A host pattern's port (`:9200`, `:*`) and an IPv4 pattern's fixed octets before its wildcards
# (`10.20.*.*`, `127.0.10.*`): _judged_as_host_pattern.
_PATTERN_PORT = re.compile(r":(?:\d+|\*)$")
_IPV4_PATTERN = re.compile(r"((?:\d{1,3}\.){0,3})\*(?:\.\*)*")


def _list_items(value: str) -> list[str]:
    """The items of a script's Region or zone argument: a list written with commas, semicolons or blanks, or as one
    JSON array (scripts53b: the aliyun CLI takes an array parameter as a JSON string, ``--RegionIds
    '["cn-hangzhou","cn-beijing"]'``, Alibaba Cloud CLI "Understand command parameters"; the brackets and quotes were
    read as part of the first and last items, so no item was a Region)."""
    text = value.strip()
    if text[:1] == "[":
        text = text.translate(_JSON_LIST_MARKS)
    return _LIST_SPLIT.split(text.strip())


_JSON_LIST_MARKS = str.maketrans("[]\"'", "    ")


def _document_as_region(cloud: Cloud, value: str) -> Reference:
    """(mutation48) A region field's value that is a document's text (a JSON object or list, a YAML map): an unknown
    Region (RES-011), as an unknown Region name is. No API documents such a value as a Region (an Aliyun Green OSS stock
    task's ``buckets[].Region`` and a Cloud Control resource's ``RegionId`` take a Region id), so nothing proves where
    a request holding it goes; before mutation48 it passed while the foreign Region it held, written as the value, was
    RES-009 (round 16's two ``region-nested`` survivors). A value that is no document and not region-shaped (``*``,
    empty, a flag) is still left alone."""
    return Reference("region", cloud, value, value.strip(), known_region=False)


# A shell or dotenv assignment where a command, line, quoted word or option value starts: NAME=value,
# export NAME="value", NAME='value', echo "NAME=value" >> /etc/app.env, docker run -e 'NAME=value' / --env=NAME=value;
# a dotted name is a properties file's line (db.host=...) or a Java system property (java -Ddb.host=...,
# https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html: -Dproperty=value).
# mutation57b: a value holding an array's element by a double-quoted subscript (`R="${M["$k"]}"`, `R=${M["dr"]}`;
# bash(1) "Arrays": the quotes inside `${...}` are the subscript's own) is read whole: it ended at the inner quote (R
# held nothing and a Region abroad in M passed every door). Possessive: each character is taken once, as before.
_QUOTED_ELEMENT = r"\$\{[A-Za-z_][A-Za-z0-9_]*\[\"[^\"\n\]]*\"\]\}"
# falsealarm65 (stop 65): a line break written as `\n` in a printf format or an `echo -e` word ends the line's value and
# starts the next line's name (printf(1) / bash(1) "Bash Builtins", printf: "\n new line" among the format's escapes;
# echo -e "enable interpretation of backslash escapes"): `printf 'AWS_REGION=eu-west-1\nLOG_LEVEL=info\n' > FILE`
# writes two lines. The value ran on over `\n` (`eu-west-1\nLOG_LEVEL=info\n`): a home Region was no Region (a
# Compose file filled from the file was refused as `sqs.eu-west-1nlog_level`), a Region abroad no Region either (passed
# every door after `. FILE`). A bare `\n` in a real assignment is bash's `n` (quote removal): no value holds one.
_ASSIGNMENT = re.compile(
    r"(?:^|(?<=[;&|(\s\"'=])|(?<=\\n))(?:export\s+|-D)?(?P<name>[A-Za-z_][A-Za-z0-9_.]*)="
    rf"(?:\"(?P<double>(?:[^\"\n$]++|{_QUOTED_ELEMENT}|\$)*+)\"|'(?P<single>[^'\n]*)'"
    rf"|(?P<bare>(?:[^\s;&|)\"'$\\]++|\\(?!n)|{_QUOTED_ELEMENT}|\$)*+))",
    re.MULTILINE,
)
# A shell variable (`$DOMAIN`, `${TENANT}`), and a URL whose authority holds one, whole or in part (`s3://$BUCKET/`,
# `https://api.$DOMAIN/`, `https://${TENANT}.$PARTNER_DOMAIN/`), with the rest of its word after it.
_NESTED_ASSIGNMENTS = 2  # assignments inside an assignment's value, read this deep (scripts45)
# Atomic (bash takes the longest name: `$Aa` is the variable `Aa`): without it the host and URL patterns below could
# split a name between the variable and the host characters after it in every way, exponentially many on a failing
# word (`echo a.$Aa.$Aa...`, 25 repeats: 29 s in one search; the lead's review, stop 48). The matches are the same.
# mutation53: a braced one with a default word too (`${HOST:-intake.example.com}`: with_defaults reads the word).
# scripts55b: or a positional parameter (`$1`, `${1}`; bash(1) "Positional Parameters": "When a positional parameter
# consisting of more than a single digit is expanded, it must be enclosed in braces", so `$10` is `$1` then `0`): a
# function's `curl "http://$1:8080/hooks"` is filled with its calls' words (:func:`scripts.positional_words`), as a
# Region option's `"$1"` is since scripts54b; a URL whose `$1` no call gives stays a placeholder, as an unset variable.
_SHELL_VARIABLE = (
    rf"(?>\$(?:\{{[A-Za-z_][A-Za-z0-9_]*(?::?[-=]{DEFAULT_WORD})?\}}|\{{[1-9]\}}|[A-Za-z_][A-Za-z0-9_]*|[1-9]))"
)
# The same variable with its name captured (braced, or bare): group 1 or group 2.
_SHELL_REFERENCE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_SHELL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
"""A shell variable's name (bash(1) "name": letters, digits and underscores, not starting with a digit)."""
# (lead, stop 59) and a port holding a variable, after a literal host or a host of variables (`http://10.0.0.1:$P/`):
# bash fills the whole word, so a value `88@partner.example.com` makes the authority `10.0.0.1:88@partner.example.com`,
# whose host is the partner's (RFC 3986 3.2: userinfo "@" host); the port was never filled and the literal private
# host passed every door. A port without a variable stays in `rest` as before (`https://api.${D}:8443/`).
_URL_VARIABLES = re.compile(
    rf"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<authority>(?:[A-Za-z0-9.-]|{_SHELL_VARIABLE})*{_SHELL_VARIABLE}"
    rf"(?:[A-Za-z0-9.-]|{_SHELL_VARIABLE})*|[A-Za-z0-9.-]+(?=:[0-9]*\$))"
    rf"(?P<port>:(?:[0-9]|{_SHELL_VARIABLE})*{_SHELL_VARIABLE}(?:[0-9]|{_SHELL_VARIABLE})*)?(?P<rest>[^\s\"';|&)]*)",
    re.IGNORECASE,
)
_MAX_ASSIGNED_URLS = 8  # the values of a URL's variables tried, at most (a script assigning one several times)
# scripts48: a host written without a scheme whose labels hold shell variables, a literal domain after the last one
# (`oss-$REGION-internal.aliyuncs.com`, `logs.${R}.amazonaws.com`): not inside a path, a URL or another word.
_HOST_VARIABLES = re.compile(
    rf"(?<![A-Za-z0-9.$/:@_{{}}-])(?P<scheme>)(?P<authority>(?:[A-Za-z0-9.-]|{_SHELL_VARIABLE})*{_SHELL_VARIABLE}"
    rf"(?:[A-Za-z0-9-]|{_SHELL_VARIABLE})*(?:\.[A-Za-z0-9-]+)+)(?![A-Za-z0-9_$-])(?P<rest>)"
)


class _ScriptValues(NamedTuple):
    """The literal values a script's variables may hold, line by line (:func:`_assigned_values`)."""

    starts: tuple[int, ...]
    """Each line's offset in the script."""
    lines: Sequence[Mapping[str, tuple[str, ...]]]
    """Each line's values: those that may reach a use on it (perf62: :class:`_LazyLines`, or a tuple)."""
    files: Mapping[str, str] = _NO_RENAMES
    """The files the script writes whole (:func:`scripts.written_files`; scripts53: read once per script, here, for
    its assignments, its commands' arguments and its URLs alike)."""
    opaque: Sequence[Mapping[str, tuple[str, ...]]] = ()
    """Each line's command substitutions the evaluator cannot compute that a variable may hold there (scripts53:
    ``R=$(aws configure get region)``), by variable; empty when the script assigns none."""

    def at(self, offset: int) -> Mapping[str, tuple[str, ...]]:
        """The values that may reach a use at ``offset`` of the script."""
        return self.lines[bisect.bisect_right(self.starts, offset) - 1] if self.lines else {}

    def at_destination(self, offset: int) -> Mapping[str, tuple[str, ...]]:
        """The values that may reach a destination argument at ``offset``: :meth:`at`'s, and each command substitution
        the evaluator cannot compute (scripts53: residency is proven, so a Region or host argument holding one fails
        closed, as the substitution written there does)."""
        values = self.at(offset)
        if not self.opaque:
            return values
        opaque = self.opaque_at(offset)
        return {**values, **{n: (*values.get(n, ()), *s) for n, s in opaque.items()}} if opaque else values

    def for_evaluation(
        self, offset: int, files: Mapping[str, str], own: tuple[re.Pattern[str], str] | None
    ) -> Mapping[str, tuple[str, ...]]:
        """(scripts66, stop 66) The values at ``offset`` (:meth:`at`) a substitution there is computed with, each array
        element's items held apart too (``REGIONS=($(cat FILE) <home>)``), as the one evaluator computes them
        (``files``, ``own``), else as written: the evaluator of ``$(printf '%s\\n' "${REGIONS[@]}")`` (a function
        printing the array, ``$(regions)``, or inline) leaves the whole unknown where an item is not known, but it saw
        the literal items alone and the file's Region passed every door."""
        values = self.at(offset)
        if not self.opaque:
            return values
        held = {n: v for n, v in self.opaque_at(offset).items() if n[-1:] == "]"}
        if not held:
            return values
        out = dict(values)
        for name, items in held.items():
            computed: list[str] = []
            for item in items:
                given = substitution_values(item, values, files, own) if item[:2] == "$(" else None
                computed += [item] if given is None else [w for v in given if v != OWN_MACHINE for w in v.split()]
            out[name] = tuple(dict.fromkeys([*values.get(name, ()), *computed]))
        return out

    def opaque_at(self, offset: int) -> Mapping[str, tuple[str, ...]]:
        """(scripts61) The command substitutions the evaluator cannot compute that may reach ``offset``, by
        variable."""
        return self.opaque[bisect.bisect_right(self.starts, offset) - 1] if self.opaque else {}


_NO_VALUES = _ScriptValues((), ())
_NO_FILES: Mapping[str, str] = _NO_RENAMES  # never written


_CAT_WRITTEN_FILE = re.compile(r"\$\([ \t]*cat[ \t]+(['\"]?)(/[^\s'\"`$();&|<>]+)\1[ \t]*\)")
"""(falsealarm64) ``$(cat FILE)`` of one absolute path, the whole value of an assignment."""


def _document_assigned(script: str, name: str, at: int, files: Mapping[str, str]) -> str | None:
    """(falsealarm64, stop 64) The one document the last assignment of ``name`` before ``at`` gives, where it is a
    ``cat`` of a here-document (``X="$(cat <<EOF`` over the lines after it: its body, ``scripts.cat_heredoc_value``) or
    of a file the script writes (``X="$(cat /etc/otel/dd.yaml)"``: its whole text). bash(1) "Shell Parameters": an
    assignment's value undergoes command substitution, but "Word splitting and filename expansion are not performed",
    so the variable holds the whole output, lines and all (the evaluator reads a file's lines apart, as a loop's
    words: right for ``R=$(cat /etc/region)``, not for a configuration the variable carries). An expanded body keeps
    its ``$NAME`` as written (filled by the caller, as a here-document a script writes is). None for any other value
    (and where nothing assigns ``name`` before ``at``)."""
    last = None
    for m in _assignments(script):
        if m.start() >= at:
            break
        if m.group("name") == name:
            last = m
    if last is None or last.group("single") is not None:
        return None
    start = last.start("double") if last.group("double") is not None else last.start("bare")
    start += script.startswith('"', start)
    heredoc = cat_heredoc_value(script, start) if script.startswith(("$(cat", "`cat"), start) else None
    if heredoc is not None:
        return heredoc[0]
    value = last.group("double") if last.group("double") is not None else last.group("bare").strip('"')
    cat = _CAT_WRITTEN_FILE.fullmatch(value or "")
    body = files.get(cat.group(2)) if cat is not None else None
    return body.rstrip("\n") if body is not None else None


def _helm_stdin(script: str, offset: int, inputs: Sequence[StandardInput], files: Mapping[str, str]) -> str | None:
    """(falsealarm64 / falsealarm65; k8s66, stop 66) The values file ``-`` the ``helm`` command on the line at
    ``offset`` reads from its standard input (:func:`scripts.standard_inputs`, the one reader kubectl's ``-f -`` reads
    by too; helm/helm PR 2809): a here-document's body, a file the script writes (``cat FILE |``, ``< FILE``), a
    printed or here-string document written out, or a variable given whole (``<<< "$VALUES"``, ``echo "$V" |``) that
    is assigned one whole document (:func:`_document_assigned`: ``VALUES=$(cat <<'EOF'`` over lines, or ``"$(cat
    FILE)"`` of a file the script writes). None for anything else (a value no reader computes stays RES-015 by
    ``-``)."""
    given = next((i for i in inputs if i.offset == offset), None)
    if given is None:
        return None
    if given.variable is not None:
        return _document_assigned(script, given.variable, script.rfind("\n", 0, offset) + 1, files)
    if given.text is None or (given.source in ("printed", "here-string") and ("$" in given.text or "`" in given.text)):
        return None  # an unquoted or partial expansion: split and joined by blanks, or unknown
    return given.text


def _reads_helm_stdin(words: list[str]) -> bool:
    """(k8s66) Whether ``words`` (one simple command; ``sudo`` before it) run ``helm``."""
    stage = words[1:] if words[:1] == ["sudo"] else words
    return bool(stage) and stage[0].rpartition("/")[2] == "helm"


def _assignments(script: str) -> list[re.Match[str]]:
    """``script``'s assignments in its order: ``NAME=value`` (:data:`_ASSIGNMENT`) and, mutation54, each
    ``${NAME:=word}`` expansion (:data:`_DEFAULT_ASSIGNMENT`: ``: "${R:=eu-west-2}"``); scripts60, each append
    ``NAME+=value`` (:data:`_APPEND_ASSIGNMENT`)."""
    matches = list(_ASSIGNMENT.finditer(script))
    if "${" in script and (defaulted := list(_DEFAULT_ASSIGNMENT.finditer(script))):
        matches = sorted([*matches, *defaulted], key=lambda m: m.start())
    if "+=" in script and (appended := list(_APPEND_ASSIGNMENT.finditer(script))):
        matches = sorted([*matches, *appended], key=lambda m: m.start())
    return matches


# scripts60 (stop 60): bash(1) "Shell Parameters": "When += is applied to a variable for which the integer attribute
# has not been set, value is expanded and appended to the variable's value". `DR=us-` then `DR+=west-2` held `us-`
# alone (the append unread: no `NAME=` there), so the Region abroad passed every door. The groups are _ASSIGNMENT's;
# an array's append (`NAME+=(...)`) is the array readers' (scripts.array_elements).
_APPEND_ASSIGNMENT = re.compile(_ASSIGNMENT.pattern.replace(")=", r")\+=(?!\()", 1), re.MULTILINE)


_LOOP_BODY_ON_LINE = re.compile(r"(?<![\w-])do(?![\w-])")


def _appended(before: Sequence[str], word: Sequence[str]) -> list[str]:
    """(scripts60) The values of an append ``NAME+=WORD``: each value NAME held before (none: unset, the empty
    string) with each value of WORD after it; held apart (:data:`_OPAQUE`) where either part is, unknown
    (:data:`_PAST_THE_CAP`) past :data:`_MAX_BUILT_VALUE` characters or where either part is. None known for WORD:
    none (unknown, as an assignment of it)."""
    out: list[str] = []
    for head in before or ("",):
        for tail in word:
            if _PAST_THE_CAP in (head, tail):
                out.append(_PAST_THE_CAP)
                continue
            text = head.removeprefix(_OPAQUE) + tail.removeprefix(_OPAQUE)
            opaque = head[:1] == _OPAQUE or tail[:1] == _OPAQUE
            out.append(_PAST_THE_CAP if len(text) > _MAX_BUILT_VALUE else _OPAQUE + text if opaque else text)
    return list(dict.fromkeys(out))


def _with_loop_words(
    script: str, anywhere: Mapping[str, tuple[str, ...]], files: Mapping[str, str], loops: bool, reads: bool
) -> Mapping[str, tuple[str, ...]]:
    """``anywhere`` (the values each variable of ``script`` is assigned anywhere) with the words its loops give their
    variables in the loop's body, a repeated block (:func:`_assigned_values`): mutation53, each word of a ``for``
    loop; scripts54, each line of a ``while read`` loop's input (a file nobody writes fails closed); a substitution
    the evaluator cannot compute held apart (:data:`_OPAQUE`: lead, stop 54, a ``for`` loop's; a read's)."""
    found: dict[str, tuple[str, ...]] = {}
    if loops:
        found.update(for_loop_words(script, anywhere, files))
    if reads:
        for name, words in while_read_words(script, files, anywhere).items():
            found[name] = tuple(dict.fromkeys([*found.get(name, ()), *words]))
    marked = {n: tuple(_OPAQUE + w if w[:2] == "$(" or w[:1] == "`" else w for w in ws) for n, ws in found.items()}
    return {**anywhere, **{n: tuple(dict.fromkeys([*anywhere.get(n, ()), *w])) for n, w in marked.items()}}


@functools.lru_cache(maxsize=256)  # the same script is read by the assignment judging and the URL filling
def _assigned_values(script: str, own: tuple[re.Pattern[str], str] | None = None) -> _ScriptValues:
    """:func:`_assigned_values_read`; scripts64 (stop 64): after an ``eval`` / ``.`` / ``source`` of text no reader
    reads (:func:`scripts.sourced_unknowns`), each name it may set that no line of the script assigns holds it as a
    command substitution the evaluator cannot compute, from its line on (the opaque values: a destination argument
    fails closed, RES-011 / RES-015 until declared; elsewhere nothing). ``eval "$(cat /etc/fleet/env)"`` then
    ``--region "$DR_REGION"`` passed every door (the variable read as unset)."""
    values = _assigned_values_read(script, own)
    sourced = sourced_unknowns(script, values.files)
    if not sourced:
        return values
    starts = values.starts or tuple(
        itertools.accumulate((len(line) + 1 for line in script.split("\n")[:-1]), initial=0)
    )
    lines: list[Mapping[str, tuple[str, ...]]] = []
    opaque: list[Mapping[str, tuple[str, ...]]] = []
    for i, start in enumerate(starts):
        lines.append(values.lines[i] if values.lines else {})
        held = dict(values.opaque[i]) if values.opaque else {}
        for at, text, names in sourced:
            if at < start:  # from the line after it on
                held.update({n: tuple(dict.fromkeys([*held.get(n, ()), text])) for n in names})
        opaque.append(held)
    return _ScriptValues(starts, tuple(lines), values.files, tuple(opaque))


def _assigned_values_read(script: str, own: tuple[re.Pattern[str], str] | None = None) -> _ScriptValues:
    """The literal values ``script``'s variables may hold at each line (scripts47: the value at the point of use).
    A literal (``DOMAIN=partner.example.com``) is that value; another variable's whole (``A=$B``, ``A="${B}"``) the
    values B may hold there, however deep the chain (scripts46 followed three levels, in any order); the instance's
    own Region command (``own``, ``instance_region_commands``: ``R=$(curl .../placement/region)``) that Region; any
    other value made at run time (``$(...)``, a backquote, text around a reference) is not known. The order is the
    script's: a value reaches a use on its line and on the lines after it, until a line that only assigns the
    variable outside every compound command (:func:`scripts.shell_blocks`) replaces it; an assignment in an ``if`` or
    ``case`` branch, after ``&&`` or beside other commands adds a value (it may not run). Inside a loop's or a
    function's body the order is not the text's (a later line runs before the next pass; a function runs when called),
    so a use there gets every value the script assigns the variable anywhere, and a value a function body assigns is
    never replaced after it (the call may come later). A here-document's body is data, never an assignment that
    replaces."""
    files = written_files(script) if may_write_files(script) else _NO_FILES  # scripts53: read once, here
    # quoting59: `R="us-"west-2` as `R='us-west-2'`, the same offsets; mutation60: first, so that a here-string's word
    # quoted in parts (`read -r R <<< us-"west"-2`) is one word for the read below
    script = quoted_parts_joined(eval_arrays_written(script))  # scripts61: `eval "RS=(...)"` too (same offsets)
    script = reads_as_assignments(script)  # scripts52: `read X < FILE` as `X=$(< FILE)`, the same offsets
    matches = _assignments(script)
    # codehealth53: the loop reader's own test, in scripts.py; scripts54: `while read NAME; do ... done <<EOF`;
    # scripts54b: positional parameters (`copy() { ... "$1"; }; copy eu-west-2`, `set -- a b`), array elements
    loops, reads = has_for_loop(script), has_while_read(script)
    parameters = has_positional(script) or has_array_element(script)
    if not matches and not loops and not reads and not parameters:
        return _ScriptValues((), (), files) if files else _NO_VALUES
    lines = script.split("\n")
    starts = tuple(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    blocks = shell_blocks(lines)
    # falsealarm59b: the default assignments in a function's or loop's body (read with their variable unset)
    unordered = frozenset(
        m.start()
        for m in matches
        if m.re is _DEFAULT_ASSIGNMENT and blocks[bisect.bisect_right(starts, m.start()) - 1].repeated
    )
    anywhere = _values_anywhere(script, matches, own, files, unordered=unordered)
    if loops or reads:
        anywhere = _bound_by_loops(script, anywhere, matches, own, files, (loops, reads), unordered)
    env: dict[str, list[str]] = {}
    kept: dict[str, list[str]] = {}  # assigned in a function body: never replaced
    # perf62: each variable's values recorded on the lines that assign it (:class:`_Histories`), not a dictionary of
    # every variable per line (quadratic in variables x lines: 1.2 s of a 2,000-line script, 18 s of 8,000)
    history = _Histories()
    repeated: list[bool] = []
    opaque_seen = False  # scripts53: an assignment gave a substitution the evaluator cannot compute
    k = 0
    for i, block in enumerate(blocks):
        end = starts[i] + len(lines[i])
        on_line = []
        while k < len(matches) and matches[k].start() <= end:
            on_line.append(matches[k])
            k += 1
        plain = block.top and len(on_line) == 1 and plain_assignment(lines[i])
        prior = {name: tuple(env.get(name, ())) for name in (m.group("name") for m in on_line)}
        for m in on_line:
            name, values = m.group("name"), _match_values(script, m, own, anywhere if block.repeated else env, files)
            if m.re is _APPEND_ASSIGNMENT and not block.repeated and _LOOP_BODY_ON_LINE.search(lines[i]):
                # scripts60: an append in a loop written on one line (`for r in ...; do L+=" $r"; done`) runs on
                # each pass: the values it gives anywhere (its loop's words) too
                values = list(dict.fromkeys([*values, *anywhere.get(name, ())]))
            opaque_seen = opaque_seen or any(v[:1] == _OPAQUE for v in values)
            if plain:
                env[name] = [*values, *(v for v in kept.get(name, ()) if v not in values)]
                continue
            known = env.setdefault(name, [])
            known += [v for v in values if v not in known]
            if block.repeated and not block.top:
                kept.setdefault(name, []).extend(v for v in values if v not in kept[name])
        repeated.append(block.repeated)
        history.plain.append(bool(plain))
        for name, held in prior.items():
            after = tuple(env[name])
            # a plain line uses nothing after its assignment; elsewhere a use may come before or after them
            history.record(name, i, after if plain else tuple(dict.fromkeys([*held, *after])), after)
    if parameters:
        # scripts54b-57: positional parameters and arrays rewrite line ranges in place (each line's whole dictionary)
        per_line: list[Mapping[str, tuple[str, ...]]] = [
            anywhere if repeated[i] else dict(_LineValues(history, i, "raw")) for i in range(len(repeated))
        ]
        held_apart = _with_parameters(script, per_line, starts, matches, anywhere, own, files)
        if not held_apart and not opaque_seen and not _holds_opaque(anywhere):
            return _ScriptValues(starts, tuple({n: v for n, v in line.items() if v} for line in per_line), files)
        # scripts53: a substitution the evaluator cannot compute is held apart (only a destination argument reads it)
        literal = tuple(
            {n: sure for n, v in line.items() if (sure := tuple(x for x in v if x[:1] != _OPAQUE))} for line in per_line
        )
        opaque = tuple(
            {n: unsure for n, v in line.items() if (unsure := tuple(x[1:] for x in v if x[:1] == _OPAQUE))}
            for line in per_line
        )
        return _ScriptValues(starts, literal, files, opaque)
    if not opaque_seen and not _holds_opaque(anywhere):
        return _ScriptValues(starts, _LazyLines(history, repeated, anywhere, "all"), files)
    return _ScriptValues(
        starts,
        _LazyLines(history, repeated, anywhere, "literal"),
        files,
        _LazyLines(history, repeated, anywhere, "opaque"),
    )


_Part = Literal["raw", "all", "literal", "opaque"]
"""(perf62) What a line's values give: every value, empty ones too (``raw``, :func:`_with_parameters` rewrites them);
the non-empty ones (``all``); scripts53, those the evaluator computed (``literal``) or the substitutions it cannot
compute, their mark removed (``opaque``), each variable holding none left out."""


def _part_of(values: tuple[str, ...], part: _Part) -> tuple[str, ...]:
    """(perf62) ``values`` as ``part`` gives them (:data:`_Part`)."""
    if part == "literal":
        return tuple(x for x in values if x[:1] != _OPAQUE)
    if part == "opaque":
        return tuple(x[1:] for x in values if x[:1] == _OPAQUE)
    return values


class _Histories:
    """(perf62) Each variable's values along a script's lines (:func:`_assigned_values`), recorded on the lines that
    assign it: on such a line its values there and those it holds after it; on a later line the values after its last
    assignment (deduplicated unless the line is a plain assignment, as the dictionary per line made them). Recording is
    linear in the assignments; a variable's values at a line are found by bisecting its lines."""

    __slots__ = ("after", "at_line", "deduped", "firsts", "lines", "order", "plain")

    def __init__(self) -> None:
        self.order: list[str] = []  # each variable, in the order first assigned (the dictionary's order)
        self.firsts: list[int] = []  # the line each of them is first assigned on
        self.lines: dict[str, list[int]] = {}
        self.at_line: dict[str, list[tuple[str, ...]]] = {}
        self.after: dict[str, list[tuple[str, ...]]] = {}
        self.deduped: dict[str, list[tuple[str, ...]]] = {}
        self.plain: list[bool] = []  # each line: a plain assignment (:func:`scripts.plain_assignment`) at the top

    def record(self, name: str, line: int, there: tuple[str, ...], after: tuple[str, ...]) -> None:
        """``name``'s values on ``line``, which assigns it, and after it."""
        if name not in self.lines:
            self.order.append(name)
            self.firsts.append(line)
            self.lines[name], self.at_line[name], self.after[name], self.deduped[name] = [], [], [], []
        self.lines[name].append(line)
        self.at_line[name].append(there)
        self.after[name].append(after)
        self.deduped[name].append(tuple(dict.fromkeys(after)))

    def value(self, name: str, line: int) -> tuple[str, ...] | None:
        """``name``'s values at ``line`` (not a repeated one); None before its first assignment."""
        lines = self.lines.get(name)
        if lines is None:
            return None
        k = bisect.bisect_right(lines, line) - 1
        if k < 0:
            return None
        if lines[k] == line:
            return self.at_line[name][k]
        return self.after[name][k] if self.plain[line] else self.deduped[name][k]

    def names(self, line: int) -> list[str]:
        """The variables assigned on ``line`` or before it, in the order first assigned."""
        return self.order[: bisect.bisect_right(self.firsts, line)]


class _LineValues(Mapping[str, tuple[str, ...]]):
    """(perf62) The values that may reach a use on one line (not a repeated one) of :func:`_assigned_values`: a
    variable's looked up in :class:`_Histories` alone; the whole dictionary made once, when it is iterated."""

    __slots__ = ("_history", "_line", "_part", "_whole")

    def __init__(self, history: _Histories, line: int, part: _Part) -> None:
        self._history, self._line, self._part = history, line, part
        self._whole: dict[str, tuple[str, ...]] | None = None

    def __getitem__(self, name: str) -> tuple[str, ...]:
        if self._whole is not None:
            return self._whole[name]
        values = self._history.value(name, self._line)
        if values is None:
            raise KeyError(name)
        values = _part_of(values, self._part)
        if not values and self._part != "raw":
            raise KeyError(name)
        return values

    def _dict(self) -> dict[str, tuple[str, ...]]:
        if self._whole is None:
            history, line, part = self._history, self._line, self._part
            whole = {n: _part_of(v, part) for n in history.names(line) if (v := history.value(n, line)) is not None}
            self._whole = whole if part == "raw" else {n: v for n, v in whole.items() if v}
        return self._whole

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())


_Line = Mapping[str, tuple[str, ...]]


class _LazyLines(Sequence[_Line]):
    """(perf62) :attr:`_ScriptValues.lines` (or ``opaque``) without a dictionary per line: a repeated line's values are
    every value the script assigns anywhere (one dictionary for them all), another line's a :class:`_LineValues`
    (made when first asked for, then kept)."""

    __slots__ = ("_anywhere", "_history", "_part", "_repeated", "_views")

    def __init__(
        self, history: _Histories, repeated: list[bool], anywhere: Mapping[str, tuple[str, ...]], part: _Part
    ) -> None:
        self._history, self._repeated, self._part = history, repeated, part
        self._anywhere = {n: p for n, v in anywhere.items() if (p := _part_of(v, part))}
        self._views: dict[int, _LineValues] = {}

    def __len__(self) -> int:
        return len(self._repeated)

    @overload
    def __getitem__(self, index: int) -> _Line: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[_Line]: ...

    def __getitem__(self, index: int | slice) -> _Line | Sequence[_Line]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError(index)
        if self._repeated[i]:
            return self._anywhere
        view = self._views.get(i)
        if view is None:
            view = self._views[i] = _LineValues(self._history, i, self._part)
        return view


def _bound_by_loops(
    script: str,
    anywhere: Mapping[str, tuple[str, ...]],
    matches: list[re.Match[str]],
    own: tuple[re.Pattern[str], str] | None,
    files: Mapping[str, str],
    kinds: tuple[bool, bool],
    unordered: frozenset[int],
) -> Mapping[str, tuple[str, ...]]:
    """``anywhere`` with the words ``script``'s loops bind (:func:`_with_loop_words`; ``kinds``: whether it has ``for``
    loops, ``while read`` loops) and the assignments built from them."""
    loops, reads = kinds
    bound = _with_loop_words(script, anywhere, files, loops, reads)
    # scripts58 (stop 58): an assignment built from a loop's variable (`for R in ...; do X="$R"` or `H="$N.0.5"`)
    # held nothing (the values anywhere were read before the loop's words): read again with them
    if matches and any(held != anywhere.get(name) for name, held in bound.items()):
        bound = _values_anywhere(script, matches, own, files, seed=bound, unordered=unordered)
        if "+=" in script:
            # scripts60: a list a loop appends to (`for r in ...; do L+=" $r"; done`) looped over after it (`for x
            # in $L`): that loop's words read again with the list's values (L held nothing when first read)
            again = _with_loop_words(script, bound, files, loops, reads)
            if again != bound:
                bound = _values_anywhere(script, matches, own, files, seed=again, unordered=unordered)
    return bound


_POSITIONAL_VALUE = re.compile(r"=[\"']?\$\{?[1-9]")  # an assignment's value starting with a positional parameter


def _with_parameters(
    script: str,
    per_line: list[Mapping[str, tuple[str, ...]]],
    starts: tuple[int, ...],
    matches: list[re.Match[str]],
    anywhere: Mapping[str, tuple[str, ...]],
    own: tuple[re.Pattern[str], str] | None,
    files: Mapping[str, str],
) -> bool:
    """(scripts54b) ``per_line`` with the values positional parameters hold in each line range
    :func:`scripts.positional_words` gives (a function's body: its calls' words; after ``set --``: its words), and
    those of an assignment there from one (``local region="$1"``), from that line to the range's end. A literal word
    is itself, a whole variable the values it holds anywhere, a command substitution held apart as one the evaluator
    may not compute (a destination computes it, or fails closed: :meth:`_ScriptValues.at_destination`). Whether a
    value so held apart was added. An array's elements (``${REGIONS[1]}``: :func:`scripts.array_elements`) hold their
    literal items on every line."""
    opaque = False
    if has_array_element(script) and (elements := array_elements(script, references=True)):
        # scripts56b: an item holding a variable (`RS=(eu-central-1 "$DR")`, `read -a RS <<< "eu-central-1 $DR"`)
        # holds what the variable holds, as a positional parameter's word does
        # scripts57: `${M[$k]}` where k is known (mutation57b: `${M["$k"]}`); scripts61: `${RS[i+1]}`
        if "[$" in script or '["$' in script or any(_ARITHMETIC_SUBSCRIPT.fullmatch(k) for k in elements):
            elements = _keyed_by_variable(script, elements)
        if "=(" in script:  # scripts66: `ARR=($RS)`, RS's fields at the IFS in effect, by index
            elements = {**elements, **split_array_elements(script, anywhere)}
        filled = {
            k: tuple(dict.fromkeys(v for item in items for v in _word_values(item, anywhere)))
            for k, items in elements.items()
        }
        elements = {k: items for k, items in filled.items() if items}
        opaque = _holds_opaque(elements)
        per_line[:] = [{**elements, **line} for line in per_line]
    opaque = (has_array_element(script) and _with_array_inputs(script, per_line, anywhere, own, files)) or opaque
    if has_array_element(script):  # scripts57: `R="${RS[1]}"`, an assignment of an element's value
        opaque = _with_element_assignments(script, per_line, starts, matches, own, files) or opaque
    for first, last, given in positional_words(script, anywhere):  # scripts66: `set -- $RS` split into positions
        held: dict[str, tuple[str, ...]] = {}
        for k, words in given.items():
            values = [v for word in words for v in _word_values(word, anywhere)]
            if values:
                held[k] = tuple(dict.fromkeys(values))
        if not held:
            continue
        opaque = opaque or _holds_opaque(held)
        for i in range(first, min(last, len(per_line) - 1) + 1):
            per_line[i] = {**per_line[i], **held}
        for m in matches:
            line = bisect.bisect_right(starts, m.start()) - 1
            if first <= line <= last and _POSITIONAL_VALUE.search(m.group(0)):
                assigned = tuple(dict.fromkeys(_match_values(script, m, own, per_line[line], files)))
                opaque = opaque or _holds_opaque({"": assigned})
                for i in range(line, min(last, len(per_line) - 1) + 1):
                    per_line[i] = {**per_line[i], m.group("name"): assigned} if assigned else per_line[i]
    return opaque


# scripts57: an element whose subscript is a whole variable (`M[$k]`, `R[${i}]`), its name and the variable's.
# mutation57b: double-quoted too (`M["$k"]`: bash(1) "Arrays": the subscript is expanded; quotes removed).
_VARIABLE_SUBSCRIPT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\[(\"?)\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?\2\]")


# scripts61: an element whose subscript is arithmetic holding a variable (`RS[i+1]`, `RS[$((n-1))]`).
_ARITHMETIC_SUBSCRIPT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\[((?=[^\]]*[A-Za-z_])[^\]@*]*[-+*][^\]@*]*)\]")


def _keyed_by_variable(script: str, elements: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """(scripts57, stop 57) ``elements`` (:func:`scripts.array_elements`) with an element whose subscript is a variable
    the script only ever assigns literal words (:func:`scripts.plain_literal_values`: ``k=dr``) holding the items of
    those keys alone (bash(1) "Arrays": the subscript is expanded; ``${M[$k]}`` is ``${M[dr]}``), not every item (a
    ``${M[home]}`` beside a key abroad was refused through ``k=home``); mutation58: so too a variable only loops of
    literal words bind (:func:`scripts.loop_literal_values`); every item, as before, when the variable is bound
    otherwise (``read``, arithmetic, a loop over an expansion) or a value names no item the reader knows."""
    out = dict(elements)
    for key in elements:
        m = _VARIABLE_SUBSCRIPT.fullmatch(key)
        if m is None and (arithmetic := _ARITHMETIC_SUBSCRIPT.fullmatch(key)) is not None:
            # scripts61: `${RS[i+1]}`, `${RS[$((n-1))]}` with i, n assigned literal numbers: those indexes' items
            indexes = subscript_indexes(arithmetic.group(2), lambda name: plain_literal_values(script, name))
            given = [elements.get(f"{arithmetic.group(1)}[{i}]") for i in indexes or ()]
            if given and all(given):
                out[key] = tuple(dict.fromkeys(item for items in given for item in items or ()))
            continue
        values = plain_literal_values(script, m.group(3)) if m is not None else None
        if m is not None and values is None:
            # mutation58: k bound by loops of literal words alone (`for k in home; do ... "${M[$k]}"`): those keys'
            # items (every item was refused at home: a key abroad the loop never takes)
            values = loop_literal_values(script, m.group(3))
        if m is None or values is None:
            continue
        items = [elements.get(f"{m.group(1)}[{value}]") for value in values]
        if all(items):
            out[key] = tuple(dict.fromkeys(item for given in items for item in given or ()))
    return out


# scripts57: an assignment whose value holds an array's element (`R="${RS[1]}"`, `R=${M[dr]}-x`).
_ELEMENT_VALUE = re.compile(r"=[^\s;&|]*\$\{[A-Za-z_][A-Za-z0-9_]*\[")


def _with_element_assignments(
    script: str,
    per_line: list[Mapping[str, tuple[str, ...]]],
    starts: tuple[int, ...],
    matches: list[re.Match[str]],
    own: tuple[re.Pattern[str], str] | None,
    files: Mapping[str, str],
) -> bool:
    """(scripts57, stop 57) ``per_line`` with the values of each assignment whose value holds an array's element
    (``R="${RS[1]}"``; bash(1) "Arrays": "Any element of an array may be referenced using ${name[subscript]}"): the
    elements are known only once :func:`_with_parameters` has put them on every line, so such an assignment held
    nothing (its variable read as unset: a Region abroad in ``RS[1]`` passed every door through ``R``). Its values are
    added from its line until the next assignment of the same variable (which gives that line's values itself).
    Whether a value held apart (:data:`_OPAQUE`) was added."""
    opaque = False
    for k, m in enumerate(matches):
        if "[" not in m.group(0) or not _ELEMENT_VALUE.search(m.group(0)):
            continue
        line = bisect.bisect_right(starts, m.start()) - 1
        assigned = tuple(dict.fromkeys(_match_values(script, m, own, per_line[line], files)))
        if not assigned:
            continue
        opaque = opaque or _holds_opaque({"": assigned})
        name = m.group("name")
        later = (bisect.bisect_right(starts, n.start()) - 1 for n in matches[k + 1 :] if n.group("name") == name)
        for i in range(line, next(later, len(per_line))):
            per_line[i] = {**per_line[i], name: tuple(dict.fromkeys([*per_line[i].get(name, ()), *assigned]))}
    return opaque


def _word_values(word: str, anywhere: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The values a word given to a positional parameter or an array item holds: a literal word itself, a whole
    variable the values it holds anywhere, a command substitution held apart (:data:`_OPAQUE`: a destination computes
    it, or fails closed); none for text around an expansion (not known, as an assignment's)."""
    whole = _SHELL_REFERENCE.fullmatch(word) if word[:1] == "$" else None
    if whole is not None:
        return list(anywhere.get(whole.group(1) or whole.group(2), ()))
    if word[:2] == "$(" or word[:1] == "`":
        return [_OPAQUE + word]
    return [] if any(c in word for c in "$`") else [word]


def _with_array_inputs(
    script: str,
    per_line: list[Mapping[str, tuple[str, ...]]],
    anywhere: Mapping[str, tuple[str, ...]],
    own: tuple[re.Pattern[str], str] | None,
    files: Mapping[str, str],
) -> bool:
    """(scripts55b) ``per_line`` with the items ``mapfile -t R < FILE`` / ``< <(cmd)`` and ``read -a R <<< "$(cmd)"``
    give the elements of R the script uses (:func:`scripts.array_inputs`): the one evaluator's output (a file the
    script writes, a literal echoed ...), else the input held apart as its text (a destination fails closed: RES-011
    / RES-015, as the substitution written there does); the machine's own (the metadata) gives nothing. Whether a
    value so held apart was added."""
    opaque = False
    for name, split, substitution in array_inputs(script):
        # a file the script writes is read whole (its lines are the items; the evaluator gives them one by one)
        file = substitution[4:-1].strip().strip("\"'") if substitution.startswith("$(< ") else None
        given = (
            [files[file]]
            if file is not None and file in files
            else substitution_values(substitution, anywhere, files, own)
        )
        held: dict[str, tuple[str, ...]] = {}
        for output in [o for o in given if o != OWN_MACHINE] if given is not None else [_OPAQUE + substitution]:
            found = array_input_elements(
                name, split, output, script, unknown=output[:1] == _OPAQUE, whole=file is not None and file in files
            )  # scripts60b: a file the script writes is its whole text, which a slice reads by index
            held.update({k: tuple(dict.fromkeys([*held.get(k, ()), *v])) for k, v in found.items()})
        opaque = opaque or _holds_opaque(held)
        per_line[:] = [{**line, **{k: (*line.get(k, ()), *v) for k, v in held.items()}} for line in per_line]
    return opaque


def _match_values(
    script: str,
    m: re.Match[str],
    own: tuple[re.Pattern[str], str] | None,
    env: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
) -> list[str]:
    """The literal values an assignment ``m`` of ``script`` gives, with ``env`` the values its references hold and
    ``files`` the files the script writes; scripts60: an append's (``NAME+=WORD``), NAME's values in ``env`` with
    WORD's after each (:func:`_appended`)."""
    if m.re is _APPEND_ASSIGNMENT:
        return _appended(env.get(m.group("name"), ()), _word_values_assigned(script, m, own, env, files))
    return _word_values_assigned(script, m, own, env, files)


def _word_values_assigned(
    script: str,
    m: re.Match[str],
    own: tuple[re.Pattern[str], str] | None,
    env: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
) -> list[str]:
    """:func:`_match_values` of the assignment's word alone."""
    value = next(v for v in m.group("double", "single", "bare") if v is not None)
    start = m.start("double") if m.group("double") is not None else m.start("bare")
    if (
        script.startswith(("$(cat", '"$(cat', "`cat", '"`cat'), start)  # scripts57: a backquoted one too
        and (heredoc := cat_heredoc_value(script, start + (script[start] == '"'))) is not None
    ):
        # scripts55: `R=$(cat <<EOF` over the lines after it (it does not close on its line): the body; one the shell
        # expands is a variable's values when it is that variable whole, else not known (as text around a reference)
        body, expanded = heredoc
        whole = SHELL_PARAMETER.fullmatch(body.strip()) if expanded else None
        if expanded:
            return list(env.get(whole.group(1) or whole.group(2), ())) if whole is not None else []
        return [body]
    if m.group("single") is None and script.startswith(("$(", "`"), start):
        word = _substituted_word(script, start)
        if word is None:
            return []
        substitution, after = word
        rest = value[len(substitution) :] if m.group("double") is not None else after
        if rest != after and not any(c in rest for c in "$`\\"):
            # scripts64: inside double quotes the word goes on to the closing quote, blanks too (bash(1) "Double
            # Quotes"): `T="$(echo eu-west-1) us-east-1"` held eu-west-1 alone (the text after the blank dropped), so
            # `for r in $T` never gave us-east-1 and it passed every door
            after = rest
        elif rest != after and "$(" in rest and (parts := _quoted_parts(rest)) is not None:
            # scripts65: further substitutions in the double-quoted word, each computed (`T="$(echo A) $(echo B)"`)
            return _quoted_substitutions_values(substitution, parts, env, files, own)
        # scripts49: `$(echo $X | sed 's/a/b/')` is X's values edited; an unknown input's result the host sed writes;
        # scripts50: so through perl -pe, awk, tr, cut and jq; scripts52: `$(echo X)`, `$(cat FILE)` of a file the
        # script writes (the one evaluator). One naming the machine itself holds no literal.
        given = _substitution_computed(substitution, env, files, own)
        if given is None:
            return _opaque_value(substitution + after, env)
        if not after and own_document(substitution):
            # falsealarm63: the instance identity document, held to be read field by field (`echo "$DOC" | jq -r
            # .accountId`: the machine's own; `.region` its Region), where any other own value is held as unset
            return [OWN_MACHINE]
        return [v + after for v in given if v != OWN_MACHINE or after]
    if value and not any(c in value for c in "$`("):
        # scripts61: an unquoted word's backslashes are removed (bash(1) "Escape Character": "A non-quoted backslash
        # (\) ... preserves the literal value of the next character that follows"; "Quote Removal"): `R=us-\west-2`
        # is us-west-2 (it was held with its backslash, no Region, and a Region abroad passed every door)
        return [_UNQUOTED_ESCAPE.sub(r"\1", value) if m.group("bare") is not None and "\\" in value else value]
    if m.group("single") is None and (default := _DEFAULT_SUBSTITUTION.fullmatch(value)) is not None:
        # scripts61: `: "${R:=$(cmd)}"`, R's values there (then it is not assigned) and the substitution's
        given = _substitution_computed(default.group(2), env, files, own)
        computed = _opaque_value(default.group(2), env) if given is None else [v for v in given if v != OWN_MACHINE]
        return list(dict.fromkeys([*env.get(default.group(1), ()), *computed]))
    if m.group("single") is None:  # mutation53: `REGION=${REGION:-eu-west-2}` holds the word where REGION is unset
        value, defaults = with_defaults(value)
        env = under_defaults(defaults, env)
        if value and not any(c in value for c in "$`("):  # scripts54: `${A:+word}`'s word
            return [value]
    whole = SHELL_PARAMETER.fullmatch(value) if value and m.group("single") is None else None
    # mutation59b (stop 59): a slice's parenthesised offset (`X="${RS[@]:(-1)}"`) is no substitution
    bare = ARRAY_SLICE.sub("", value) if "]:" in value else value
    if whole is None and value and m.group("single") is None and not any(c in bare for c in "`("):
        return _text_around_values(value, m.group("name"), env)
    return list(env.get(whole.group(1) or whole.group(2), ())) if whole is not None else []


_MAX_QUOTED_VALUES = 16
"""(scripts65) At most this many values of a double-quoted word holding several substitutions; past it, unknown."""


def _quoted_parts(rest: str) -> list[str] | None:
    """(scripts65) The double-quoted text after an assignment's first substitution cut into literal text and further
    whole substitutions (``" $(echo B)-x"``: ``" "``, ``"$(echo B)"``, ``"-x"``); None where it holds another
    expansion (a ``$NAME``, a backquote, a backslash) or a substitution not closed."""
    parts: list[str] = []
    k = start = 0
    while k < len(rest):
        if rest.startswith("$(", k):
            found = substitution_at(rest, k)
            if found is None:
                return None
            parts += [rest[start:k], found]
            k = start = k + len(found)
        elif rest[k] in "$`\\":
            return None
        else:
            k += 1
    return [*parts, rest[start:]]


def _quoted_substitutions_values(
    first: str,
    parts: Sequence[str],
    env: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
    own: tuple[re.Pattern[str], str] | None,
) -> list[str]:
    """(scripts65, stop 65) The values of a double-quoted assignment word holding several command substitutions
    (bash(1) "Double Quotes": "The characters '$' and '`' retain their special meaning within double quotes"; each
    substitution's output replaces it inside the one word): every combination of the values the one evaluator gives
    each, with the text between. `T="$(echo <home>) $(echo <abroad>)"` held the first alone, so `for r in $T` never
    met the Region abroad. Where one is not computed the word is unknown (:func:`_opaque_value`, fail closed at a
    destination argument)."""
    combined = [""]
    for part in [first, *parts]:
        if part[:2] != "$(":
            combined = [c + part for c in combined]
            continue
        given = _substitution_computed(part, env, files, own)
        if given is None or OWN_MACHINE in given or len(combined) * len(given) > _MAX_QUOTED_VALUES:
            return _opaque_value(first + "".join(parts), env)
        combined = [c + v for c in combined for v in given]
    return list(dict.fromkeys(combined))


_UNQUOTED_ESCAPE = re.compile(r"\\(.)", re.S)
"""(scripts61) A backslash and the character it preserves in an unquoted word."""
_DEFAULT_SUBSTITUTION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):?=(\$\(.*\))\}", re.S)
"""(scripts61) A default assignment whose word is a command substitution (:data:`_DEFAULT_ASSIGNMENT`): its name and
the substitution."""


def _text_around_values(value: str, name: str, env: Mapping[str, Sequence[str]]) -> list[str]:
    """(scripts57, stop 57) The values of an assignment's word holding text around its variables (``R="${P}-2"``,
    ``H=db.$DOMAIN``; bash(1) "Parameter Expansion": each ``$NAME`` is replaced by its value inside the word): the word
    with each value its variables hold (:func:`scripts.filled_texts`, the one filling); none while a variable holds no
    literal (unknown, as before); the lead (stop 61): a word naming the variable it assigns (``REG=us-east-$REG``,
    ``P="$P-x"``: a value built on itself, bash(1) expanding the word before it assigns) is filled with the values
    the variable holds there, as any other variable's (it gave no value, so `REG=1; REG=us-east-$REG` passed every
    door; :func:`_values_anywhere` keeps such a word from growing on its own values, as an append's); each text held
    apart (:data:`_OPAQUE`) when a variable may hold a substitution the evaluator cannot compute (the
    substitution written in its place: a destination fails it closed); at most :data:`_MAX_BUILT_VALUE` characters."""
    names = {r.group(1) or r.group(2) for r in SHELL_PARAMETER.finditer(value)}
    if "${" in value:  # scripts57b: `R="${DR#xx}"`, `R=${DR/a/b}`: the variable DR (filled_texts computes the change)
        names |= {o.group(1) for o in PARAMETER_OPERATION.finditer(value)}
    if "]:" in value:  # mutation59b (stop 59): `X="${RS[@]:1}"`, an array's slice (filled_texts gives its items)
        names |= {f"{o.group(1)}[@]" for o in ARRAY_SLICE.finditer(value)}
    if not names:
        return []
    if any(v[:1] == _OPAQUE for n in names for v in env.get(n, ())):
        unmarked = {n: tuple(v.removeprefix(_OPAQUE) for v in env.get(n, ())) for n in names}
        texts = filled_texts(value, unmarked)
        return [_OPAQUE + text if len(text) <= _MAX_BUILT_VALUE else _PAST_THE_CAP for text in texts]
    # scripts58: a text past the length bound, and the combinations filled_texts does not write past its bound
    # (PAST_THE_FILLING), are an unknown value (_PAST_THE_CAP), not dropped: `H="${NET}.${OCT}.0.5"` of two
    # variables set in `case` branches giving ten combinations held each value once, so the one pair abroad passed
    texts = filled_texts(value, env)
    return list(
        dict.fromkeys(
            _PAST_THE_CAP if text == PAST_THE_FILLING or len(text) > _MAX_BUILT_VALUE else text
            for text in texts
            if "$" not in text or text == PAST_THE_FILLING
        )
    )


# scripts57: a value built from text around variables is kept up to this length (a host name is at most 253 characters),
# and a variable holds at most this many values anywhere, so that words built on each other in a loop (`A="$B-x"`,
# `B="$A-y"`) give few values and _values_anywhere ends after a few passes (two such words took 18 s without the cap).
_MAX_BUILT_VALUE = 1024
_MAX_VALUES_ANYWHERE = 32


_OPAQUE = "\x00"
"""scripts53: the mark of a command substitution the evaluator cannot compute, among a variable's values (held apart
by :func:`_assigned_values`: only a destination argument reads it, :meth:`_ScriptValues.at_destination`)."""
_PAST_THE_CAP = _OPAQUE + "$(more values than the reader keeps)"
"""The value a variable holds past :data:`_MAX_VALUES_ANYWHERE` (:func:`_values_anywhere`): unknown, held apart as an
uncomputed substitution is, so that a destination fails it closed (RES-011 / RES-015) rather than dropping it."""
# The rest of an assignment's word after its command substitution: text up to a blank, an operator or a quote
# (bash(1) "metacharacter"); a variable or another substitution after it is not followed.
_VALUE_TAIL = re.compile(r"[^\s;&|<>()\"'`$\\]*")


def _substituted_word(script: str, start: int) -> tuple[str, str] | None:
    """The command substitution an assignment's value starts with at ``start`` of ``script`` and its word's text
    after it (scripts53: ``AZ=$(...)a``, ``H=$(echo db).example.com``: the output replaces the substitution inside its
    word); None when the substitution does not close. The one reading of such a value (:func:`_match_values`; scripts54:
    an SDK Region variable's own assignment, :meth:`RuleEngine._judge_assignments`)."""
    substitution = substitution_at(script, start)
    if substitution is None:
        return None
    tail = _VALUE_TAIL.match(script, start + len(substitution))
    return substitution, tail.group(0) if tail is not None else ""


def _inline_substitution(m: re.Match[str], nested: int) -> bool:
    """(scripts54) Whether the assignment ``m`` of a script (not a value nested in another assignment, whose offsets
    are its own) is written unquoted starting with a command substitution (``export AWS_REGION=$(cat FILE)``)."""
    bare = m.group("bare")
    return nested == 0 and bare is not None and bare.startswith(("$(", "`"))


def _substitution_computed(
    substitution: str,
    env: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
    own: tuple[re.Pattern[str], str] | None,
) -> list[str] | None:
    """What the one evaluator (:func:`scripts.substitution_values`) computes ``substitution`` to print, with
    ``env``'s values but those no reader computes (:data:`_OPAQUE`); None where it computes nothing (the lead, stop 61:
    an assignment's substitution and scripts61's ``:=`` default's had each written these lines)."""
    known = {n: [v for v in vs if v[:1] != _OPAQUE] for n, vs in env.items()} if _holds_opaque(env) else env
    return substitution_values(substitution, known, files, own)


def _holds_opaque(env: Mapping[str, Sequence[str]]) -> bool:
    """Whether a variable of ``env`` may hold a substitution the evaluator cannot compute."""
    return any(v[:1] == _OPAQUE for values in env.values() for v in values)


def _opaque_value(text: str, env: Mapping[str, Sequence[str]]) -> list[str]:
    """The value of an assignment whose command substitution the evaluator cannot compute (scripts53): the text as
    written, marked (:data:`_OPAQUE`), when its command reads no variable (``$(aws configure get region)``, ``$(cat
    FILE)`` of a file the script does not write, ``$(curl https://...)``) or reads one that may hold such a text
    (``$(echo $AZ | sed ...)`` of an ``AZ=$(aws ...)``); none when it reads only variables the script gives no such
    text (the metadata's zone, ``$(echo $AZ | sed 's/[a-z]$//')``, is the machine's own, as an unset variable's).
    (fnros55) A substitution reading a variable the script gives a literal (``$(echo "$PLAN" | jq -r 'env.R // .r')``)
    had its input and still could not be computed: its output is unknown, not the machine's own (it passed every
    door). (The lead, stop 55) So for any command, not only text filters: ``N=prod; R=$(aws ssm get-parameter --name
    /dr/$N/region ...)`` is as unknown as the same command naming no variable (it passed every door)."""
    # fnros55: a `$x` inside single quotes (a jq program's variable) is no reference of the shell's; fnros57: nor is an
    # escaped `\$x` (bash(1) "Quoting": "A non-quoted backslash ... preserves the literal value of the next
    # character", in double quotes before `$` too): `jq -r ".t[] | select(.n == \$n) | .r | ascii"` read as a
    # reference to an unset `$n`, the machine's own, passed every door abroad
    shell = without_single_quoted(text).replace("\\$", "")
    names = {r.group(1) or r.group(2) for r in _SHELL_REFERENCE.finditer(shell)}
    if (
        names
        and not any(v[:1] == _OPAQUE for n in names for v in env.get(n, ()))
        and not any(env.get(n) for n in names)
    ):
        return []
    return [_OPAQUE + text]


def _values_anywhere(
    script: str,
    matches: list[re.Match[str]],
    own: tuple[re.Pattern[str], str] | None,
    files: Mapping[str, str],
    seed: Mapping[str, tuple[str, ...]] | None = None,
    unordered: frozenset[int] = frozenset(),
) -> Mapping[str, tuple[str, ...]]:
    """Every literal value each variable of ``script`` is assigned anywhere, whole references followed to their end
    (the values a use in a loop's or function's body may see); scripts57: at most :data:`_MAX_VALUES_ANYWHERE` a
    variable (values built from text around others, :func:`_text_around_values`, may grow on each other in a loop).
    scripts58: from ``seed``'s values (the words loops bind, :func:`_with_loop_words`), kept."""
    values: dict[str, list[str]] = {name: list(held) for name, held in (seed or {}).items()}
    # falsealarm58 (stop 58): the cap is at least the most assignments the script writes of one variable, so that a
    # variable assigned by each of 40 lines (a function run for each of 40 in-country hosts) holds all 40 values, and
    # a word built on it one value for each (its 33rd was unknown: RES-015, a false alarm); words built on each other
    # in a loop still stop at 32 values unless one variable is assigned more often (the cost grows with that count)
    assignments: dict[str, int] = {}
    for m in matches:
        assignments[m.group("name")] = assignments.get(m.group("name"), 0) + 1
    # the lead (stop 58): and at least the most words a loop binds (scripts58's seed), or a loop over 40 in-country
    # hosts assigned in a function would fall back into the same false alarm
    cap = max([_MAX_VALUES_ANYWHERE, *assignments.values(), *(len(v) for v in values.values())])
    # falsealarm59b (stop 59): and, for each variable, at least the values its assignments give in the first pass
    # (from the literals and loop words the script writes, each assignment once: bounded by the one filling's bound,
    # scripts.filled_texts), so that `A="$h:$p"` over 40 private hosts and two ports (41 values: the port judged
    # apart) holds all 41, not 40 and an unknown (RES-015, a false alarm); values built on each other in later passes
    # still stop at the cap. Keeping a value is judging it: no value is dropped either way.
    caps: dict[str, int] = {}
    appended: dict[str, set[str]] = {}  # scripts60: the values each variable's appends gave
    first = True
    while True:
        grown = False
        for m in matches:
            known = values.setdefault(m.group("name"), [])
            # falsealarm59b (stop 59): a default assignment (`: "${A:=word}"`) in a function's or loop's body
            # (``unordered``: the offsets of those) gives its word whatever A holds elsewhere: it runs when called or
            # on a later pass, where A may be unset or emptied (`A=`, `unset A`). `R=<home>` before `f() { : "${R:=
            # <abroad>}"; ...; }` hid the word (read after R's value), so `R=` or `unset R` before the call passed
            # every door. One at the top level keeps the text's order (`R=<home>` then `: "${R:=<abroad>}"` passes).
            env = {**values, m.group("name"): []} if unordered and m.start() in unordered else values
            built_on_itself = m.re is _APPEND_ASSIGNMENT or _names_itself(m)
            if built_on_itself:
                # scripts60: an append in a function's or loop's body adds its word to the values the variable's
                # other assignments give (not to its own: a loop's appends would grow on themselves without end);
                # the lead (stop 61): so does a word naming its own variable (`P="$P-x"`), an append written out
                env = {**values, m.group("name"): [v for v in known if v not in appended.get(m.group("name"), ())]}
            for value in _match_values(script, m, own, env, files):
                if built_on_itself:
                    appended.setdefault(m.group("name"), set()).add(value)
                # the lead's review of stop 57: a value past the cap was dropped, so that a 33rd host or Region (a
                # partner's, one abroad) passed every door; the variable holds an unknown value instead (a
                # destination fails it closed, as an uncomputed substitution), once
                kept = (
                    value if first or value in known or len(known) < caps.get(m.group("name"), cap) else _PAST_THE_CAP
                )
                if kept not in known:
                    known.append(kept)
                    grown = True
        if first:
            caps = {name: len(known) for name, known in values.items() if len(known) > cap}
            first = False
        if not grown:
            return {name: tuple(known) for name, known in values.items() if known}


def _names_itself(m: re.Match[str]) -> bool:
    """Whether an assignment ``m``'s word (not single-quoted) names the variable it assigns (``P="$P-x"``,
    ``REG=us-east-${REG}``; the lead, stop 61)."""
    word = m.group("double") if m.group("double") is not None else m.group("bare")
    if not word or "$" not in word:
        return False
    name = m.group("name")
    return any((r.group(1) or r.group(2)) == name for r in SHELL_PARAMETER.finditer(word))


# mutation54: `${parameter:=word}` ("Assign Default Values ... the expansion of word is assigned to parameter") assigns
# NAME wherever it is expanded, the usual idiom a line of its own (`: "${DR_REGION:=eu-west-2}"`, the `:` builtin
# only expanding it): read as the assignment `NAME=${NAME:-word}` is (the value NAME holds there, else the word). Its
# groups are _ASSIGNMENT's (the whole expansion the bare value; never double or single) so that _match_values reads it.
# mutation59 (stop 59): and a word that is another variable (`: "${A:=$B}"`, `${A=${B}}`: "the expansion of word";
# scripts58 read it in place, `--region "${A:-$B}"`, not as A's assignment): A held nothing after it, B's Region abroad
# passed every door.
# A word that is itself a default expansion too (`: "${A:=${B:-$C}}"`: B's value, else C's; with_defaults reads it
# from the inside out).
# scripts61 (stop 61): and a command substitution (`: "${R:=$(cat /etc/fleet/region)}"`, the word's expansion: R held
# nothing after it, so a value no reader computes passed every door; the machine's own Region there passes).
_DEFAULT_ASSIGNED_WORD = (
    rf"{DEFAULT_WORD}|\$\{{[A-Za-z_][A-Za-z0-9_]*\}}|\$[A-Za-z_][A-Za-z0-9_]*"
    r"|\$\([^()\n\"'`]*(?:\([^()\n]*\)[^()\n\"'`]*)*\)"
)
_DEFAULT_ASSIGNMENT = re.compile(
    rf"(?P<bare>\$\{{(?P<name>[A-Za-z_][A-Za-z0-9_]*):?=(?:{_DEFAULT_ASSIGNED_WORD}"
    rf"|\$\{{[A-Za-z_][A-Za-z0-9_]*:?[-=](?:{_DEFAULT_ASSIGNED_WORD})\}})\}})(?P<double>(?!))?(?P<single>(?!))?"
)


def _referenced(value: str, values: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """``value``, or when it is a whole reference to a variable (``$C``, ``${C}``; scripts46) the values it may hold
    there (``values``: :meth:`_ScriptValues.at`), each judged as the value written there would be; a default word's
    too (``${C:-word}``: :func:`with_defaults`)."""
    value, defaults = with_defaults(value)
    held = under_defaults(defaults, values)
    if value[:1] != "$" or (whole := SHELL_PARAMETER.fullmatch(value)) is None:
        return (value,)
    return tuple(held.get(whole.group(1) or whole.group(2)) or (value,))


def _assigned_urls(script: str, own: tuple[re.Pattern[str], str] | None = None) -> str:
    """``script`` with each URL whose host holds shell variables the script assigns a literal value written out
    (``DOMAIN=partner.example.com`` ... ``curl "https://api.$DOMAIN/v1"`` is ``https://api.partner.example.com/v1``),
    so the reference scan judges the host the script connects to (found by the stop-33 host-shape reviews: a whole
    variable (`s3://$BUCKET/`) was accepted, so was a variable in part of the host, and `https://sqs.$REGION.
    amazonaws.com/` was refused as naming no region where the script sets `REGION=eu-central-1`). A variable assigned
    several values gives the URL once for each (each further one on a line of its own, at most
    :data:`_MAX_ASSIGNED_URLS`); one the script does not assign a literal (read from the environment, SSM, IMDS:
    ``DOMAIN=$(aws ssm get-parameter ...)``) stays as written, a placeholder (references.placeholder_host: before a
    fixed domain a host under it, else filled elsewhere). scripts47: each URL with the values that may reach its line
    (:func:`_assigned_values`; the instance's own Region for ``own``'s command: ``R=$(curl .../placement/region)``,
    ``https://sqs.$R.amazonaws.com/``)."""
    # falsealarm60: a URL printf prints into a variable (`printf -v url 'http://%s/x' HOST`, `url=$(printf ...)`) is
    # judged where it is assigned, as a written one is (its host was in no text the scan read: a partner's passed)
    values = _assigned_values(script, own)  # the same offsets in the rewritten text below
    script = printf_as_assignments(script) if "printf" in script else script
    computed = _substituted_urls(script, values, own) if _url_substitution_in(script) else []
    if computed and _MID_HOST_SUBSTITUTION.search(script) is not None:
        script = _mid_host_urls_blanked(script, values, own)
    if "$(printf" in script:
        script, printed = _printed_urls(script, values, own)
        computed += printed
    if "\\(" in script:  # falsealarm57b: a jq program's interpolated string judged as the text it prints
        script, printed = _jq_interpolations_computed(script, values, own)
        computed += printed
    if not values.lines and not ("${" in script and SHELL_DEFAULT.search(script)):
        return "\n".join([script, *computed]) if computed else script
    extra: list[str] = computed

    def written(m: re.Match[str]) -> str:
        scheme = m.group("scheme")
        hosts = filled_texts(m.group("authority") + (m.groupdict().get("port") or ""), values.at(m.start()))
        urls = [f"{scheme}{host}{m.group('rest')}" for host in hosts]
        extra.extend(urls[1:])
        return urls[0]

    # scripts48: a host without a scheme (`ossutil -e oss-$REGION-internal.aliyuncs.com`) is filled the same way. Both
    # are found in the script as written (the values are looked up by offset); they never overlap (a host without a
    # scheme starts after no "/" or ":").
    found = sorted([*_URL_VARIABLES.finditer(script), *_HOST_VARIABLES.finditer(script)], key=lambda m: m.start())
    parts: list[str] = []
    end = 0
    for m in found:
        if m.start() >= end:
            parts += [script[end : m.start()], written(m)]
            end = m.end()
    resolved = "".join([*parts, script[end:]])
    return "\n".join([resolved, *extra]) if extra else resolved


# A URL whose host holds a command substitution (`https://$(cat /etc/fleet/target)/x`), up to the `$(`.
# mutation62 (stop 62): or a backquoted one (bash(1) "Command Substitution": "$(command) or `command`", the same
# substitution): `curl https://`cat /etc/fleet/collector`/v1` and `https://`echo <partner>`/x` passed every door in EU,
# the `$(...)` twins RES-015 (the URL readers looked for `://$(` only)
_URL_SUBSTITUTION = re.compile(r"[a-z][a-z0-9+.-]*://[A-Za-z0-9.-]*(?=\$\(|`)", re.IGNORECASE)


def _url_substitution_in(script: str) -> bool:
    """Whether ``script`` may hold a URL whose host begins with a command substitution (:data:`_URL_SUBSTITUTION`);
    (mutation64) or holds one after a literal label (:data:`_MID_HOST_SUBSTITUTION`)."""
    if "://$(" in script or "://`" in script:
        return True
    return ("$(" in script or "`" in script) and _MID_HOST_SUBSTITUTION.search(script) is not None


_URL_AFTER_HOST = re.compile(r"[A-Za-z0-9.:-]*[^\s\"';|&)]*")
_HOST_SCHEMES = ("http://", "https://")  # scripts53b: the URLs whose authority is a network host the script connects to
_URL_HOST_TAIL = re.compile(r"[A-Za-z0-9.-]*")  # scripts53b: the host's text after its substitution
# scripts54: a URL's host whose last label is a variable (`https://$H/`, `https://ingest.$D/`, `https://api.${D}:8443/`):
# no fixed domain follows it, so the variable's value is where the connection goes (one before a fixed domain,
# `https://$H.example.net/`, is a host under that domain: the placeholder reading proves or refuses it).
_HOST_ENDS_IN_VARIABLE = re.compile(rf"{_SHELL_VARIABLE}\Z")
# (lead, stop 54) A URL host whose last substitution is followed by fixed labels (`:port` allowed:
# `$(cat f).execute-api.<Region>.amazonaws.com`): the value is a placeholder under a domain the reference scan judges.
_UNDER_FIXED_DOMAIN = re.compile(r"[)`]\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?$")


# falsealarm60: a printf substitution left in the text (a command's argument: `curl "$(printf 'http://%s/x' "$h")"`)
_PRINTF_SUBSTITUTION = re.compile(r"\$\(printf[ \t]")


def _printed_urls(script: str, values: _ScriptValues, own: tuple[re.Pattern[str], str] | None) -> tuple[str, list[str]]:
    """(falsealarm60) ``script`` with each printf substitution the one evaluator computes blanked (the same length),
    and each URL they print (the arguments filled with the values that reach them, :func:`scripts.substitution_filled`),
    for the reference scan: the format alone holds no host (``curl "$(printf 'http://%s/x' <partner>)"`` passed every
    door: the command's reader leaves a URL to the scan), and read as a URL it was a placeholder host
    (``https://sqs.%s.amazonaws.com/...``: RES-015 with the home Region). One it cannot compute stays as written."""
    urls: list[str] = []
    for m in _PRINTF_SUBSTITUTION.finditer(script):
        substitution = substitution_at(script, m.start())
        if substitution is None:
            continue
        printed: list[str] = []
        for text in substitution_filled(substitution, values.at_destination(m.start())):
            given = _script_substituted(text, values.at(m.start()), values.files, own)
            if given is None:
                break
            printed += given
        else:
            urls += [t for t in printed if "://" in t and OWN_MACHINE not in t]
            script = script[: m.start()] + " " * len(substitution) + script[m.start() + len(substitution) :]
    return script, urls[:_MAX_ASSIGNED_URLS]


def _substituted_urls(script: str, values: _ScriptValues, own: tuple[re.Pattern[str], str] | None) -> list[str]:
    """Each URL of ``script`` whose host holds a command substitution the one evaluator computes (scripts52: a file
    the script wrote, ``$(echo HOST | sed ...)``), written with each value it gives, for the reference scan; one it
    cannot compute stays a placeholder (as an unset variable's URL does). scripts63 (stop 63): before a fixed domain
    (``https://$(cat /etc/tenant).partner.example.com/``) such a URL is written with a placeholder in the
    substitution's place (:data:`_SUBSTITUTION_PLACEHOLDER`), a host under that domain as the variable's twin
    (``T=$(cat ...)``, ``https://$T.partner.example.com/``) is: the substitution's blanks hid the URL from the scan,
    which passed a partner's domain every door."""
    files = values.files
    urls: list[str] = []
    for m in _URL_SUBSTITUTION.finditer(script):
        substitution = substitution_at(script, m.end())
        if substitution is None:
            continue
        after = _URL_AFTER_HOST.match(script, m.end() + len(substitution))
        rest = after.group(0) if after is not None else ""
        if _host_tail(rest).endswith(".") and rest.startswith(("$(", "`"), len(_host_tail(rest))):
            urls += _host_substitutions_filled(script, m, values, own)  # mutation64: a second substitution
            continue
        given = _script_substituted(f"{substitution}{rest}", values.at(m.start()), files, own)
        if given is None and _UNDER_FIXED_DOMAIN.search(substitution + _host_tail(rest)):
            urls.append(f"{m.group(0)}{_SUBSTITUTION_PLACEHOLDER}{rest}")
        urls += [f"{m.group(0)}{text}" for text in given or () if OWN_MACHINE not in text]
    return urls[:_MAX_ASSIGNED_URLS]


def _host_substitutions_filled(
    script: str, m: re.Match[str], values: _ScriptValues, own: tuple[re.Pattern[str], str] | None
) -> list[str]:
    """(mutation64, stop 64) A URL of ``script`` (``m``: :data:`_URL_SUBSTITUTION`) whose host holds several command
    substitutions (``https://$(cat /etc/fleet/api_id).execute-api.$(echo <Region>).amazonaws.com/prod``), written
    with each value the one evaluator gives each substitution (:func:`scripts.substitution_values`), one it cannot
    compute a placeholder (:data:`_SUBSTITUTION_PLACEHOLDER`, as :func:`_substituted_urls` writes a lone one): the
    reader took the host's text up to the second substitution's first blank (``.execute-api.$(echo``), which no
    reading computes or places under a domain, so a Region abroad (or unknown) in the second passed every door."""
    parts, _ = _url_host_parts(script, m, values, own)
    filled = ("".join(p) for p in itertools.product(*[p or [_SUBSTITUTION_PLACEHOLDER] for p in parts]))
    return [u for u in itertools.islice(filled, _MAX_ASSIGNED_URLS) if OWN_MACHINE not in u]


def _url_host_parts(
    script: str, m: re.Match[str], values: _ScriptValues, own: tuple[re.Pattern[str], str] | None
) -> tuple[list[list[str]], int]:
    """(mutation64) The parts of the URL ``m`` starts (:data:`_URL_SUBSTITUTION`: its scheme and the labels before its
    first substitution): each of its host's substitutions as the values the one evaluator gives it ([] where it gives
    none), the labels between them, the URL's text after its host; and where that text ends in ``script``."""
    parts: list[list[str]] = [[m.group(0)]]
    at = m.end()
    while at < len(script):
        substitution = substitution_at(script, at) if script.startswith(("$(", "`"), at) else None
        if substitution is not None:
            parts.append(list(substitution_values(substitution, values.at(m.start()), values.files, own) or ()))
            at += len(substitution)
            continue
        label = _URL_HOST_TAIL.match(script, at)
        if label is None or not label.group(0):
            break
        parts.append([label.group(0)])
        at = label.end()
    rest = _URL_AFTER_HOST.match(script, at)
    parts.append([rest.group(0) if rest is not None else ""])
    return parts, rest.end() if rest is not None else at


# (mutation64) A URL whose host holds a command substitution after a literal label (`https://sqs.$(curl -s <IMDS>/
# placement/region).amazonaws.com/`, `https://api.$(echo <Region>).example.com/`)
_MID_HOST_SUBSTITUTION = re.compile(r"[a-z][a-z0-9+.-]*://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?=\$\(|`)", re.IGNORECASE)


def _mid_host_urls_blanked(script: str, values: _ScriptValues, own: tuple[re.Pattern[str], str] | None) -> str:
    """(mutation64, stop 64) ``script`` with each URL whose host holds a command substitution after a literal label
    blanked (the same length: offsets do not move) where the one evaluator computes every substitution of its host:
    :func:`_substituted_urls` gives the scan the URL as computed; as written, the scan read the labels before the
    ``$(`` as the host (``https://sqs.$(curl -s <IMDS>/latest/meta-data/placement/region).amazonaws.com/``, the
    instance's own Region, was RES-015 at ``sqs``, as was a home Region echoed there). One it cannot compute stays
    (RES-015 at the labels, and the placeholder URL :func:`_substituted_urls` writes: fail closed)."""
    for m in reversed(list(_MID_HOST_SUBSTITUTION.finditer(script))):
        parts, end = _url_host_parts(script, m, values, own)
        if all(parts):
            script = script[: m.start()] + " " * (end - m.start()) + script[end:]
    return script


_SUBSTITUTION_PLACEHOLDER = "${SUBSTITUTED}"
"""(scripts63) What a command substitution no reader computes is written as in a URL's host before a fixed domain: a
placeholder (references.placeholder_host), one label under the domain."""


def _host_tail(rest: str) -> str:
    """(scripts63) The host's text of ``rest`` (a URL after its host's substitution): up to a path, query or port."""
    tail = _URL_HOST_TAIL.match(rest)
    return tail.group(0) if tail is not None else ""


def _jq_interpolations_computed(
    script: str, values: _ScriptValues, own: tuple[re.Pattern[str], str] | None
) -> tuple[str, list[str]]:
    """(falsealarm57b) ``script`` with each single-quoted ``jq`` program holding a string interpolation
    (:func:`scripts.jq_interpolating_programs`) blanked (same length: offsets do not move) where the command
    substitution around it is computed by the one evaluator (``Q=$(jq -rn --arg r "$R" '"https://sqs.\\($r).
    amazonaws.com/\\($a)/q"')``, ``R`` the home Region), and the texts it gives, for the reference scan: the URL
    the program prints is judged, not its template (was RES-015 at home: ``sqs.\\($r).amazonaws.com`` read as a
    host). A substitution the evaluator cannot compute (an argument read at run time, a program the jq reader does
    not apply) keeps its program as written (refused as before: fail closed)."""
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    at = _next_substitution(script, 0)
    while at >= 0:
        substitution = substitution_at(script, at)
        if substitution is None:
            at = _next_substitution(script, at + 1)
            continue
        programs = jq_interpolating_programs(substitution)
        given = _script_substituted(substitution, values.at(at), values.files, own) if programs else None
        # every value judged or none: a list the cap may have cut keeps the template (fail closed)
        if given is not None and len(texts) + len(given) < _MAX_ASSIGNED_URLS:
            spans += [(at + start, at + end) for start, end in programs]
            texts += [text for text in given if OWN_MACHINE not in text]
        at = _next_substitution(script, at + len(substitution))
    if not spans:
        return script, []
    chars = list(script)
    for start, end in spans:
        chars[start:end] = [" "] * (end - start)
    return "".join(chars), texts


_XML_DESTINATION = re.compile(r"<Destination>(.*?)</Destination>", re.DOTALL)
_XML_BUCKET = re.compile(r"<Bucket>\s*([^<\s]+)\s*</Bucket>")
_XML_LOCATION = re.compile(r"<Location>\s*([^<\s]+)\s*</Location>")
# (alired56) A CORS rule's origins as OSS PutBucketCors takes them: XML `<AllowedOrigin>...</AllowedOrigin>` elements
# and ossutil 2.0's JSON `"AllowedOrigin": [...]` (or one string) member; _COMPUTED: text the shell computes.
_CORS_ORIGINS = re.compile(r'<AllowedOrigin>[^<]*</AllowedOrigin>|"AllowedOrigin"\s*:\s*(?:"[^"]*"|\[[^\]]*\])')
_COMPUTED = re.compile(r"[$`]")


def _quoted_over_lines(word: str, script: str, offset: int) -> str | None:
    """(falsealarm56b) The whole of a quoted word a command's line holds only the start of (the script reader reads a
    line, with its continuations: ``--cors-configuration '{`` whose JSON goes on over the lines after it), without its
    quotes, as the shell gives it (bash(1) "Quoting": nothing is special inside single quotes; inside double quotes a
    backslash before ``"``, ``\\``, `` ` `` or ``$`` is removed); None for a word that is not such a start, a word
    whose quote never closes, or a double-quoted word holding an expansion (left as read)."""
    quote = word[:1]
    if quote not in ("'", '"') or (len(word) > 1 and word.endswith(quote) and not word.endswith("\\" + quote)):
        return None
    start = script.find(word, offset)
    if start < 0:
        return None
    if quote == "'":
        close = script.find("'", start + 1)
        return script[start + 1 : close] if close > 0 else None
    m = _DOUBLE_QUOTED.match(script, start)
    if m is None or _COMPUTED.search(re.sub(r"\\[$`]", "", m.group(1))):
        return None
    return re.sub(r'\\([$`"\\\n])', r"\1", m.group(1))


_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
# An option (`--origin`, `--origin=`) followed by the value `{}` (escaped) as one shell word, quoted or not.
_OPTION_WITH = r"(?<![\w-])--?[\w-]+(?:=|[ \t]+)(['\"]?){}\1(?=[\s;&|)]|$)"


def _contacted(found: ScriptHost) -> bool:
    """(alired56) Whether a command's value names what the command contacts or writes into: not a CORS origin."""
    return not found.cors


def _replication_destinations(text: str) -> list[tuple[str | None, str | None]]:
    """(alired54b) Each ``Destination``'s ``(Bucket, Location)`` of an OSS replication configuration, XML
    (``<ReplicationConfiguration><Rule><Destination><Bucket>b</Bucket><Location>oss-cn-beijing</Location>``, OSS
    PutBucketReplication) or the JSON ossutil 2.0 takes (``{"Rule": {"Destination": {"Bucket": ..., "Location":
    ...}}}``, put-bucket-replication); empty for text that is neither."""
    if text.lstrip()[:1] == "<":
        found = []
        for block in _XML_DESTINATION.findall(text):
            bucket, location = _XML_BUCKET.search(block), _XML_LOCATION.search(block)
            found.append((bucket.group(1) if bucket else None, location.group(1) if location else None))
        return found
    try:
        document = json_or_none(text)
    except DocumentBeyondBounds:
        return []
    out: list[tuple[str | None, str | None]] = []
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key == "Destination" and isinstance(value, dict):
                    bucket, location = value.get("Bucket"), value.get("Location")
                    out.append((bucket if isinstance(bucket, str) else None,
                                location if isinstance(location, str) else None))  # fmt: skip
                else:
                    stack.append(value)
    return out


_UNSET_RAM_ACCOUNT = re.compile(r"acs:ram::\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")
"""(alired54b) A RAM principal whose account is a shell variable left unfilled (``acs:ram::$UID``,
``acs:ram::${UID}``)."""


def _machine_ram_accounts(document: str, script: str, files: Mapping[str, str]) -> frozenset[str]:
    """(falsealarm55) The ``acs:ram::$NAME`` principals of ``document`` whose variable holds the machine's own owner
    account (:func:`scripts.machine_or_private`: every assignment the instance metadata's ``owner-account-id``); the
    lead's stop-54 reading of an owner parameter, applied to a policy document's principal. A text without such a
    principal pays one substring test."""
    if "acs:ram::$" not in document:
        return frozenset()
    return frozenset(
        u for u in _UNSET_RAM_ACCOUNT.findall(document) if machine_or_private(u[len("acs:ram::") :], script, files)
    )


def _script_substituted(
    text: str,
    reaching: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
    own: tuple[re.Pattern[str], str] | None,
) -> list[str] | None:
    """``text`` with each command substitution in it written as each value it gives (scripts.substitution_values,
    the one evaluator; at most :data:`_MAX_ASSIGNED_URLS` texts); None when one of them cannot be computed."""
    parts: list[list[str]] = []
    end = 0
    at = _next_substitution(text, 0)
    while at >= 0:
        substitution = substitution_at(text, at)
        if substitution is None:
            break
        given = substitution_values(substitution, reaching, files, own)
        if given is None:
            return None
        parts += [[text[end:at]], given]
        end = at + len(substitution)
        at = _next_substitution(text, end)
    parts.append([text[end:]])
    return ["".join(p) for p in itertools.islice(itertools.product(*parts), _MAX_ASSIGNED_URLS)]


def _next_substitution(text: str, start: int) -> int:
    """Where the next ``$(`` or backquote of ``text`` starts from ``start`` (-1: none)."""
    found = [i for i in (text.find("$(", start), text.find("`", start)) if i >= 0]
    return min(found, default=-1)


_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh"})


def _expanded_container(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """A container whose command names its own environment's variables, with their values written in, so that the
    host it connects to is judged (found by the stop-33 hostshape4 review: `https://$(TENANT).$(INGEST_DOMAIN)/` with
    `INGEST_DOMAIN` in the container's `env` passed). Kubernetes expands `$(VAR)` in a container's `command`, `args`
    and `env` values from the container's environment ("Variable references $(VAR_NAME) are expanded using the
    previously defined environment variables in the container"; `$$(VAR)` escapes one; an unresolved reference is left
    unchanged: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#entrypoint). ECS does not
    (a ContainerDefinition's `command` is handed to the container as is), but a shell the task runs (`entryPoint` or
    `command` starting `sh -c`) expands `$VAR` / `${VAR}` from the container's `environment`. A variable the container
    does not give a literal stays a placeholder. ``value`` itself when there is nothing to write in."""
    if "env" not in value and "environment" not in value:
        return value  # most maps: two lookups
    kube = isinstance(value.get("env"), list) and any(k in value for k in ("command", "args"))
    pairs = value.get("env") if kube else value.get("environment")
    if not isinstance(pairs, list):
        return value
    given: dict[str, str] = {}

    def kube_expand(text: str) -> str:
        return _KUBERNETES_REFERENCE.sub(
            lambda m: "$" if m.group(1) is None else given.get(m.group(1), m.group(0)), text
        )

    def shell_expand(text: str) -> str:
        return _SHELL_REFERENCE.sub(lambda m: given.get(m.group(1) or m.group(2), m.group(0)), text)

    for item in pairs:
        if isinstance(item, Mapping) and isinstance(item.get("name"), str) and isinstance(item.get("value"), str):
            given[item["name"]] = kube_expand(item["value"]) if kube else item["value"]
    if not given:
        return value
    if kube:
        fields, expand = ("command", "args"), kube_expand
    else:
        words = [w for f in ("entryPoint", "command") for w in value.get(f) or () if isinstance(w, str)]
        if not any(w.rsplit("/", 1)[-1] in _SHELLS for w in words):
            return value
        fields, expand = ("entryPoint", "command"), shell_expand
    changed = dict(value)
    for f in fields:
        if isinstance(value.get(f), list):
            changed[f] = [expand(w) if isinstance(w, str) else w for w in value[f]]
    if kube:
        changed["env"] = [
            {**item, "value": given[item["name"]]}
            if isinstance(item, Mapping) and isinstance(item.get("value"), str) and item.get("name") in given
            else item
            for item in pairs
        ]
    return changed if changed != value else value


# What every bucket URL holds (`s3://`, `s3ssl://`, `oss://` ...): a value without one of them holds none.
_BUCKET_URL_MARKS = tuple(f"{scheme}://" for scheme in sorted(BUCKET_SCHEMES))
# A bucket URL whose name holds a placeholder (`s3://${Env}-exports/`, `oss://{{ stage }}-telemetry/`), up to its path.
_PLACEHOLDER_BUCKET_URL = re.compile(
    rf"(?<![a-z0-9+.-])(?:{'|'.join(sorted(BUCKET_SCHEMES))})://(?P<authority>(?:[a-z0-9.:-]|{PLACEHOLDER_PATTERN})*"
    rf"(?:{PLACEHOLDER_PATTERN})(?:[a-z0-9.:-]|{PLACEHOLDER_PATTERN})*)",
    re.IGNORECASE,
)
# A .properties line: the key runs to the first unescaped '=', ':' or whitespace; the separator may have blanks.
# How a config file a script writes is read (ConfigFile.format, _judge_config_file): a line at a time, or as a document.
_LINE_FORMATS = frozenset({"ini", "conf", "words", "properties", "rsyslog", "syslog-ng"})
_TEXT_FORMATS = _LINE_FORMATS | {"toml"}
"""The config formats a payload's generic reading does not walk as a document (JSON and YAML text it does)."""


def _only(values: Mapping[str, tuple[str, ...]], names: frozenset[str] | None) -> Mapping[str, tuple[str, ...]]:
    """(scripts54b) ``values`` of ``names`` only (None: all of them)."""
    return values if names is None else {n: v for n, v in values.items() if n in names}


def _string_fields(document: Any, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(scripts54b) Each ``(key, string value)`` of a parsed settings document, at any depth (a list's items under
    the list's key: ``profiles[0].region_id`` is ``region_id``); a document deeper than :data:`_MAX_FIELD_DEPTH` is
    read no further (its literal values are walked as before)."""
    if depth > _MAX_FIELD_DEPTH:
        return
    if isinstance(document, Mapping):
        for key, value in document.items():
            if isinstance(value, str) and isinstance(key, str):
                yield key, value
            else:
                yield from _string_fields(value, depth + 1)
    elif isinstance(document, list):
        for item in document:
            yield from _string_fields(item, depth + 1)


_MAX_FIELD_DEPTH = 16
_CONFIG_READERS: dict[str, Callable[[str, int], Any]] = {
    "json": json_or_none,
    "yaml": yaml_or_none,
    "toml": toml_or_none,
}
_PROPERTY = re.compile(r"^(?P<key>(?:\\.|[^=:\s\\])+)\s*(?:[=:]\s*|\s+|$)(?P<value>.*)$")
# An ini value in double or single quotes, a comment possibly after it: the text inside the quotes.
_INI_QUOTED = re.compile(r"""^(["'])(.*?)\1\s*(?:;.*)?$""")
# A SQL WITH clause of string-literal options ('connector' = 'kafka', ...) and one option of it.
_SQL_WITH = re.compile(
    r"\bWITH\s*\((?P<body>\s*'(?:[^']|'')*'\s*=\s*'(?:[^']|'')*'(?:\s*,\s*'(?:[^']|'')*'\s*=\s*'(?:[^']|'')*')*\s*,?\s*)\)",
    re.IGNORECASE,
)
_SQL_OPTION = re.compile(r"('(?:[^']|'')*')\s*=\s*('(?:[^']|'')*')")
# A SET statement ("SET ('key' = 'value')": the key and value as string literals, or unquoted as SQL clients take them),
# at the start of the script or after a statement's `;` (line comments between), never an UPDATE's SET clause.
_SQL_SET = re.compile(
    r"(?P<start>(?:\A|;)(?:\s|--[^\n]*(?:\n|\Z))*)SET\s*\(?\s*(?P<key>'(?:[^']|'')*'|[A-Za-z0-9_.-]+)\s*=\s*"
    r"(?P<value>'(?:[^']|'')*'|[^;\s)']+)\s*\)?",
    re.IGNORECASE,
)
_PAIR_VALUES = frozenset({"value", "arg_value", "parameter_value", "config_item_value", "config_value"})
"""The value key of a {name, value} / {arg_name, arg_value} / ROS {parameter_key, parameter_value} / EMR
{config_item_key, config_item_value} or {config_key, config_value} pair (snake_case)."""
_PARAMETER_VALUE = frozenset({"parameter_value", "parameterValue"})
_ITEM_SPLIT = re.compile(r"[,;]")  # items of a list; phone numbers themselves hold spaces ("+49 151 ...")
_PATH_START = re.compile(r"[/?#]")
_QUERY_START = re.compile(r"[?#]")
_PHONE_NUMBER = "number"
_COUNTRY = "country"
_DOCUMENT_START = frozenset("{[")  # a JSON document's first character (a set: "" is in no set, unlike in a string)
# The labels a decoded payload's path ends with (``content(base64)``, ``(gzip)``): the key path is before them.
_DECODINGS = re.compile(r"(?:\([^()]*\))+$")
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")
# An e-mail address, optionally behind the scheme-like prefix of a subscription endpoint (MNS
# `mail:directmail:{MailAddress}`, `mailto:`): the mail goes to its domain.
_EMAIL = re.compile(r"^(?:[a-z]+:)*[a-z0-9._%+-]+@([a-z0-9.-]+)$")
# _KeyPlan.bucket: the kinds of regionless names (_PREFIXED: a bucket name, optionally followed by `/<prefix>`)
# _VARIABLE: a bucket name under a `*_BUCKET` variable (variable_bucket_keys), which may name a database bucket this
# stack makes (created_server_buckets).
_BUCKET, _GROUP, _PREFIXED, _VARIABLE = "bucket", "group", "prefixed", "variable"
_JSONATA_PART = re.compile(r"""\s*(?:'([^']*)'|"([^"]*)")\s*""")
"""A JSONata string literal, the whole of one `&`-joined part of an expression."""

_OOS_REGION = "ACS::RegionId"
_BUILTIN_REGION = re.compile(r"\{\{\s*ACS::RegionId\s*\}\}", re.IGNORECASE)
"""OOS's placeholder of the region a template runs in (``{{ ACS::RegionId }}``)."""

_RUNBOOK_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
"""An Automation runbook's ``{{ Name }}`` (a parameter, ``global:REGION``, ``step.Output``): the name inside."""

_MAX_ALLOWED_VALUES = 64
"""At most this many texts a runbook field's ``allowedValues`` are expanded to (each judged)."""

_PLACEHOLDER_TEXT = "${v}"
"""What a run-time part of a JSONata expression is read as: a placeholder, one label whatever fills it."""


def _jsonata_text(value: str) -> str:
    """A JSONata expression ``{% ... %}`` as text: its string literals, each other ``&``-joined part a placeholder
    (``{% 'https://' & $states.input.host & '.example.eu/' %}`` is ``https://${v}.example.eu/``)."""
    expr = value.strip().removeprefix("{%").removesuffix("%}")
    parts, current, quote = [], "", ""
    for ch in expr:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "&":
            parts.append(current)
            current = ""
            continue
        current += ch
    parts.append(current)
    out = []
    for part in parts:
        m = _JSONATA_PART.fullmatch(part)
        out.append(_PLACEHOLDER_TEXT if m is None else m[1] if m[1] is not None else m[2])
    return "".join(out)


_FORMAT_CALL = "States.Format("


def _format_args(text: str) -> tuple[list[str], str] | None:
    """The top-level arguments of an intrinsic call's argument list ``text`` (after its opening parenthesis), and
    what follows its closing parenthesis; None when it does not close. ASL string literals are single-quoted, with
    ``\\`` escapes."""
    args, current, depth, quote, escaped = [], "", 0, False, False
    for i, ch in enumerate(text):
        if escaped:
            current, escaped = current + ch, False
            continue
        if ch == "\\":
            current, escaped = current + ch, True
            continue
        if ch == "'":
            quote = not quote
        elif not quote and ch == "(":
            depth += 1
        elif not quote and ch == ")":
            if depth == 0:
                args.append(current.strip())
                return args, text[i + 1 :]
            depth -= 1
        elif not quote and ch == "," and depth == 0:
            args.append(current.strip())
            current = ""
            continue
        current += ch
    return None


_ACCOUNT_NAMING_STARTS = ("arn:", "acs:", "https://", "http://")
"""How a text naming a written resource may begin when it names the resource's account: an ARN, a queue URL."""

_PARTIAL_ARN_START = re.compile(r"[0-9]*(?::|$)")
"""A prefix that may begin a Lambda partial ARN (``<account>:function:<name>``)."""


def _instance_region_commands(endpoints: EndpointCatalogue) -> dict[str, re.Pattern[str]]:
    """Type -> one pattern matching any ``instance_region_commands`` command of scripts its instance runs (scripts47:
    several commands give the same Region: the metadata path, the identity document, ``ec2-metadata``), piped through
    any ``instance_region_filters`` (scripts48)."""
    by_type: dict[str, list[InstanceRegionCommand]] = {}
    for command in endpoints.instance_region_commands:
        for token in command.types:
            by_type.setdefault(token, []).append(command)
    # scripts48: each command piped through any number of the filters that leave a Region code whole (`| tr -d '\n'`)
    filters = "|".join(f"(?:{f.pattern})" for f in endpoints.instance_region_filters)
    piped = rf"(?:\s*\|\s*(?:{filters}))*" if filters else ""
    return {t: re.compile("(?:" + "|".join(f"(?:{c.pattern})" for c in cs) + f"){piped}") for t, cs in by_type.items()}


def _fields_by_action(
    entries: Iterable[WrittenAccountField | DestinationField],
) -> Mapping[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
    """Type -> (path, the task actions it applies in) of the catalogue ``entries`` limited to listed actions
    (``resources``: a workflow's written or destination field; the lead, stop 61: awsred61's destination fields had
    copied the written fields' loop)."""
    fields: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = {}
    for f in entries:
        if f.resources:
            fields[f.type] = (*fields.get(f.type, ()), (tuple(f.path.split(".")), frozenset(f.resources)))
    return fields


def _one_word_substitution(endpoints: EndpointCatalogue) -> re.Pattern[str] | None:
    """One pattern matching a variable's value that is a ``one_word_commands`` command's substitution, ``$(...)`` or
    backquoted, with the text of its word after it (:func:`_substituted_word`: no blank, quote or expansion); None
    when the catalogue lists none."""
    if not endpoints.one_word_commands:
        return None
    commands = "|".join(f"(?:{c.pattern})" for c in endpoints.one_word_commands)
    return re.compile(rf"(?:\$\(\s*(?:{commands})\s*\)|`\s*(?:{commands})\s*`){_VALUE_TAIL.pattern}")


def _names_no_account(text: str) -> bool:
    """Whether a run-time text (placeholders ``${v}``) is a bare name whatever fills it: wholly literal (no ARN, the
    caller's account's), or its fixed prefix before the first placeholder can begin no ARN, queue URL or partial ARN
    (``worker-${v}``; ``${v}``, ``arn:${v}`` or ``ar${v}`` may become another account's ARN)."""
    prefix, placeholder, _ = text.partition(_PLACEHOLDER_TEXT)
    if not placeholder:
        return True
    return (
        bool(prefix)
        and not any(f.startswith(prefix) or prefix.startswith(f) for f in _ACCOUNT_NAMING_STARTS)
        and _PARTIAL_ARN_START.fullmatch(prefix) is None
        and not re.match(r"[0-9]{12}:", prefix)
    )


def _format_text(value: str) -> str | None:
    """An ASL ``States.Format('<template>', args...)`` intrinsic as text: its template with each ``{}`` filled by its
    argument, a string literal as written, a nested ``States.Format`` read the same way, anything else (a path, another
    intrinsic) a placeholder, one label whatever fills it. None when ``value`` is not one such call (the States Language
    specification, "Intrinsic functions": "States.Format ... The first argument must be a string literal", "the
    characters ' { } \\ must be escaped"; AWS CDK's HttpInvoke writes its ApiEndpoint so: ``States.Format('{}/{}',
    'https://api.example.com', States.Format('resource/{}/details', $.resourceId))``, aws-cdk
    packages/aws-cdk-lib/aws-stepfunctions-tasks/test/http/invoke.test.ts)."""
    stripped = value.strip()
    if not stripped.startswith(_FORMAT_CALL):
        return None
    parsed = _format_args(stripped[len(_FORMAT_CALL) :])
    if parsed is None or parsed[1].strip() or not parsed[0]:
        return None
    template, *args = parsed[0]
    literal = _intrinsic_literal(template)
    if literal is None:
        return None
    fills = []
    for arg in args:
        fill = _intrinsic_literal(arg)
        fills.append(fill if fill is not None else _format_text(arg) or _PLACEHOLDER_TEXT)
    out, i, used = "", 0, 0
    while i < len(literal):
        if literal[i] == "\\" and i + 1 < len(literal):
            out, i = out + literal[i + 1], i + 2
        elif literal.startswith("{}", i):
            out += fills[used] if used < len(fills) else _PLACEHOLDER_TEXT
            used, i = used + 1, i + 2
        else:
            out, i = out + literal[i], i + 1
    return out


def _intrinsic_literal(arg: str) -> str | None:
    """The text of an ASL string literal argument (``'...'``, escapes kept for the caller), else None."""
    if len(arg) >= 2 and arg[0] == arg[-1] == "'":
        return arg[1:-1]
    return None


_ENCODED_SLASH = re.compile("%2f", re.IGNORECASE)  # a URL-encoded `/` in a `<bucket>/<key>` (S3 CopySource)
# _KeyPlan.properties: the kinds of key=value files (_ATTRIBUTES: `name=value` pairs separated by semicolons)
_PROPERTIES, _INI, _SQL, _ATTRIBUTES = "properties", "ini", "sql", "attributes"
_BUCKET_NAME_PROPERTY = "BucketName"  # an AWS::S3::Bucket's name (its Ref), literal or chosen by a Parameter
# A URL in a template whose whole host (or bucket) is one ${variable}: up to the port, path, query or the text's end.
# (alired62) After the userinfo RFC 3986 allows before the host (``mysql://app:${DbPassword}@${DbHost}:3306/``, its
# characters up to `@`, variables included): before, a userinfo hid the variable and the URL passed every door.
# (lead, stop 62) A whole template variable of an Fn::Sub text: `${DbHost}`, `${Db.Endpoint.Address}` (not `${!Name}`).
# An ``Fn::Sub`` variable (``${Name}``, ``${Name.Attribute}``, ``${AWS::Region}``; not the escaped ``${!Name}``): the
# one definition (a second, older one above it was dead since stop 62, found by mutation63)
_SUB_VARIABLE = re.compile(r"\$\{([A-Za-z0-9_:]+(?:\.[A-Za-z0-9_]+)*)\}")
_SHELL_WHOLE_VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
"""(fnros63) A whole shell variable written bare (``$R``): in an ``Fn::Sub`` text ``${R}`` is the template's."""
_TEMPLATE_URL_VARIABLE = re.compile(
    r"([a-z][a-z0-9+.-]*)://(?:(?:[^/?#@\s$\"'{}]|\$\{[^}\s]+\})*@)?\$\{([^}\s]+)\}(?=[/:?#\s\"',;]|$)", re.IGNORECASE
)
# A URL in a template whose host (or bucket) holds a ${variable} beside other text: its authority, up to the path.
_TEMPLATE_URL_PART_VARIABLE = re.compile(
    r"([a-z][a-z0-9+.-]*)://((?:[a-z0-9.:-]|\$\{[^}\s]+\})*\$\{[^}\s]+\}(?:[a-z0-9.:-]|\$\{[^}\s]+\})*)", re.IGNORECASE
)
_TEMPLATE_PORT = re.compile(r":(?:\d+|\$\{[^}\s]+\})$")
# An Fn::Sub whose text is one variable, with a port or not: a whole host ("${Host}", "${Db.Endpoint.Address}:5432").
_WHOLE_SUB_HOST = re.compile(r"^\$\{([^}!\s]+)\}(?::\d+)?$")
# An Fn::Sub whose text is one variable and nothing else: a whole id (``${Cen}``, ``${Router.TransitRouterId}``).
_WHOLE_SUB_VARIABLE = re.compile(r"^\$\{([^}!\s]+)\}$")
# Functions that take a value from another stack: CloudFormation's Fn::ImportValue, ROS's Fn::GetStackOutput.
_IMPORTS = frozenset({"Fn::ImportValue", "Fn::GetStackOutput"})
_ORG_PATH = re.compile(r"^o-[a-z0-9]{10,32}/[^*?]")
"""An organization path that names its organization before any wildcard (``o-a1b2c3d4e5/r-ab12/...``)."""
_ORG_ID = re.compile(r"^o-[a-z0-9]{10,32}(?=$|/)")
"""An AWS Organizations id (``o-`` and 10 to 32 lower-case letters or digits, Organizations API ``Id`` pattern), alone
or at the start of an organization path (``o-a1b2c3d4e5/r-ab12/ou-...``)."""
_UNIQUE_ID = re.compile(r"^A[A-Z0-9]{8,127}(?::|$)")
"""An IAM unique id as aws:userid holds it: an IAM user's (``AIDA...``) alone, or a role's before ``:`` and the
session name or ``*`` (``AROA...:*``; IAM "IAM identifiers": a type prefix, AIDA / AROA ...)."""
_UNIQUE_ID_SESSIONS = re.compile(r"^A[A-Z0-9]{8,127}:")
"""An aws:userid whose unique id is fixed before ``:`` (``AROA...:*``, every session of one role): fixed."""
_IAM_ARN = re.compile(r"^arn:[^:]+:(?:iam|sts):")
_USERID_ACCOUNT = re.compile(r"^([0-9]{12}):")
"""An ``aws:userid`` naming its account before ``:`` (a federated user's ``<account id>:<caller-specified name>``)."""
_ACCOUNT_FIXED_ARN = re.compile(r"^arn:[^:]+:[^:]*:[^:]*:[0-9]{12}:")
"""An ARN whose account field is a fixed id, whatever wildcard follows (``arn:aws:logs:eu-west-1:123456789012:*``)."""
_GRANT_KEYS = frozenset({"principal", "principals"})
_NOT_GRANT_KEYS = frozenset({"condition", "conditions", "federated", "service", "not_principal", "not_principals"})
_FEDERATED = ("oidc-provider/", "saml-provider/")
_PRINCIPAL_KEYS = frozenset({"principal", "principals"})
# A policy statement's action keys, as written in JSON (`Action`) or in a typed document (`actions`), snake_cased.
_ACTION_KEYS = frozenset({"action", "actions"})
_NOT_ACTION_KEYS = frozenset({"not_action", "not_actions"})
_PRINCIPAL_LABEL = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)?$")  # s3, logging.s3, delivery.logs
_RULE_FOR_KIND = {
    "aws-arn": RuleId.AWS_ARN_IN_JURISDICTION,
    "acs-arn": RuleId.ALICLOUD_ARN_IN_JURISDICTION,
    "endpoint": RuleId.ENDPOINT_IN_JURISDICTION,
    "oss-location": RuleId.OSS_LOCATION_IN_JURISDICTION,
    "zone": RuleId.ZONE_IN_JURISDICTION,
    "region": RuleId.REGION_FIELD_IN_JURISDICTION,
    "host": RuleId.DESTINATION_HOST_PROVEN,
    "bucket": RuleId.REGIONLESS_REFERENCE_PROVEN,
}
