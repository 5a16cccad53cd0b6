"""The endpoint catalogue: which host shapes prove a location, and which services are global.

Data, not code: ``endpoints.yaml`` beside this file lists the DNS suffixes of each cloud (with the
partition they belong to), edge suffixes, short region codes, decorations, the input keys that hold
hosts, buckets and identities, and the global/edge services. The reference parser and the engine
read only this object, so a new suffix or global service is a reviewed data change.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from components.errors import CatalogueError
from components.yamlfile import YamlFileError, load_yaml

__all__ = [
    "AnonymousReadIntegration",
    "BodyIntegration",
    "DeliveryActions",
    "EdgeSuffix",
    "EndpointCatalogue",
    "GlobalService",
    "PrivateIntegration",
    "PublicAccess",
    "Suffix",
    "VpcLinks",
    "load_endpoints",
]

ENDPOINTS_FILE = Path(__file__).with_name("endpoints.yaml")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Suffix(_Frozen):
    """A regional DNS suffix: hosts under it name their region in a label."""

    partition: str | None = None
    """AWS partition of the suffix (None for Alibaba Cloud, and for an AWS suffix every partition uses, whose region
    label alone tells the partition: EC2's private DNS names under ``<region>.compute.internal``)."""
    region: str | None = None
    """The one region every host under the suffix is in, where no label names it (EC2's private DNS names in
    us-east-1, ``ip-10-24-34-0.ec2.internal``); None: the region is read from the labels left of the suffix."""
    sources: tuple[str, ...]
    """Where the suffix is documented."""


class EdgeSuffix(_Frozen):
    """A suffix of hosts served from edge locations rather than from one region."""

    service: str
    """The service, for messages."""
    partition: str | None = None
    """Set when the edge network stays inside this AWS partition's country."""
    sources: tuple[str, ...]
    """Where the suffix is documented."""


class RegionHost(_Frozen):
    """A service endpoint whose host names no region but is documented as the endpoint of exactly one region."""

    region: str
    """The region the provider documents the host in."""
    sources: tuple[str, ...]
    """Where the provider documents it (a table of the service's endpoints by region)."""


class VpcServiceHost(_Frozen):
    """(falsealarm54b) A provider's host that an instance reaches at a service address of its own VPC."""

    service: str
    """The service, for messages and docs."""
    sources: tuple[str, ...]
    """Where the provider documents the host as its VPC endpoint."""


class PropertyUrl(_Frozen):
    """A JDBC URL scheme whose authority is a list of connection properties, not a host (``jdbc:athena://Region=
    eu-central-1;WorkGroup=w``): the driver calls the cloud's endpoint of the Region a property names."""

    scheme: str
    """The scheme after ``jdbc:`` (lower case)."""
    cloud: Literal["aws", "alicloud"]
    region_properties: tuple[str, ...]
    """Property names (lower case) whose value is the Region; without one, the URL is read as before (a host)."""
    host_properties: tuple[str, ...]
    """Tokens (lower case) a property name holding a host contains (``endpoint`` in ``EndpointOverride``): each
    such value is read as a host."""
    sources: tuple[str, ...]
    prefix: str = "jdbc:"
    """The text before the scheme (``jdbc:redshift:`` before ``iam://``)."""
    authority_region: bool = False
    """The authority is ``<name>:<region>`` (``jdbc:redshift:iam://examplecluster:us-west-2/dev``: the driver looks
    the named resource up in that Region), not properties; an authority whose part after ``:`` is no known Region (a
    port) is read as any URL."""


class ShortCodes(_Frozen):
    codes: Mapping[str, str]
    sources: tuple[str, ...]


class CloudEndpoints(_Frozen):
    suffixes: Mapping[str, Suffix]
    edge_suffixes: Mapping[str, EdgeSuffix] = Field(default_factory=dict)
    short_codes: ShortCodes | None = None
    region_hosts: Mapping[str, RegionHost] = Field(default_factory=dict)
    """Exact hosts (lower case) without a region label that the provider documents as one region's endpoint
    (DirectMail's SMTP endpoint ``smtpdm.aliyun.com``, China (Hangzhou)): read as that region's endpoints. A host
    listed for several regions (Alibaba SMS's ``dysmsapi.aliyuncs.com``, the mainland's and Hong Kong's) is not one."""
    vpc_service_hosts: Mapping[str, VpcServiceHost] = Field(default_factory=dict)
    """(falsealarm54b) Exact hosts (lower case) without a region label that the provider documents as its VPC
    endpoints of a service every instance reaches inside its own network (Alibaba Cloud's NTP servers,
    ``ntp.cloud.aliyuncs.com``): from a resource of this cloud the host is the network's own; elsewhere it is judged
    as any regionless host."""
    principal_suffixes: Mapping[str, tuple[str, ...]]
    principal_sources: tuple[str, ...]
    principal_labels: Mapping[str, tuple[str, ...]] = Field(default_factory=dict)
    """Service principals longer than ``<service>.<suffix>`` or ``<sub>.<service>.<suffix>``, by their exact
    label before the suffix (``streams.metrics.cloudwatch``), each with the page documenting it."""


class IdentifierHosts(_Frozen):
    hosts: frozenset[str]
    sources: tuple[str, ...]


class ServerGroups(_Frozen):
    """(falsealarm51) Configuration blocks that define a named group of servers (nginx ``upstream <name> { server
    host:port; }``): in the same text, a URL whose whole authority is such a name sends to the group's servers, each
    judged on its own ``server`` line, not to a host of that name."""

    blocks: tuple[str, ...]
    """The keywords opening such a block (``upstream``)."""
    directives: tuple[str, ...]
    """The directives whose URL may name a group (``proxy_pass``): a URL elsewhere in the text is read as a host."""
    sources: tuple[str, ...]


class ComposeServices(_Frozen):
    """(falsealarm52) A Compose file's services: each service's name is a host on the project's network."""

    key: str
    """The top-level key whose mapping's keys are the service names (``services``)."""
    closed_by: tuple[str, ...]
    """Keys of a service that make a name resolve elsewhere or not at all (``external_links``, ``network_mode``): a
    document holding one defines no name (fail closed)."""
    host_entries: str
    """(falsealarm53) The key of a service's /etc/hosts entries (``extra_hosts``), read entry by entry: one mapping a
    service's name (or not readable) closes the document; one mapping a name to ``host_gateway`` defines that name."""
    host_gateway: str
    """The address an entry gives for the machine the containers run on (``host-gateway``)."""
    host_gateway_set_by: str
    """The daemon setting that may point ``host_gateway`` anywhere (``host-gateway-ip``): a text naming it defines no
    gateway name."""
    host_option: str
    """The docker CLI option writing the same entry (``--add-host NAME:host-gateway``): a script holding it defines
    NAME for its text."""
    automatic_gateway_engine: str | None = None
    """config54: the container engine's command that adds ``automatic_gateway_names`` to every container's /etc/hosts
    for the machine itself (``podman``): a script running it defines them."""
    automatic_gateway_names: tuple[str, ...] = ()
    """config54: those names (Podman: ``host.containers.internal``, ``host.docker.internal``)."""
    automatic_gateway_set_by: tuple[str, ...] = ()
    """config54: the settings that move or drop those names (``host_containers_internal_ip``, ``--no-hosts``): a text
    naming one defines none of them."""
    links: str | None = None
    """config53: a service's key listing ``SERVICE:ALIAS`` links (``links``): ALIAS is that service's name too, where
    the document defines SERVICE."""
    networks: str | None = None
    """config53: a service's key mapping its networks (``networks``), each of which may give the service ``aliases``."""
    aliases: str | None = None
    """config53: a network entry's key listing the service's other names on that network (``aliases``)."""
    network_create: str | None = None
    """falsealarm54b: the docker CLI command making a user-defined network (``network create``, after ``docker`` /
    ``podman``): a ``docker run`` on a network the script makes this way names its containers there."""
    network_options: tuple[str, ...] = ()
    """falsealarm54b: the ``docker run`` options attaching the container to a network (``--network``, ``--net``)."""
    network_names: tuple[str, ...] = ()
    """falsealarm54b: the ``docker run`` options naming the container on its network (``--name``,
    ``--network-alias``, ``--net-alias``), which the network's embedded DNS answers for its other containers."""
    network_connect: str | None = None
    """config55: the docker CLI command joining a running container to a network (``network connect``): ``docker
    network connect [OPTIONS] NETWORK CONTAINER``, the container then on that network under its name."""
    connect_value_options: tuple[str, ...] = ()
    """config55: ``network connect``'s options taking a value (``--alias``, ``--ip``, ``--ip6``, ``--link``,
    ``--link-local-ip``, ``--driver-opt``, ``--gw-priority``; podman's ``--mac-address``), so that no value is read as
    an operand."""
    connect_names: tuple[str, ...] = ()
    """config55: ``network connect``'s options naming the container on the network (``--alias``)."""
    link_option: str | None = None
    """config55: ``docker run``'s legacy link option (``--link NAME[:ALIAS]``), writing NAME and ALIAS into the
    container's /etc/hosts for the linked container."""
    container_name: str | None = None
    """falsealarm54: a service's key naming its container (``container_name``), which Docker's embedded DNS answers
    on the project's networks as it does the service's name."""
    sources: tuple[str, ...]


class KubernetesServices(_Frozen):
    """(falsealarm52) A Kubernetes manifest's Services: the cluster's DNS answers for their names."""

    kind: str
    """The object kind (``Service``)."""
    requires: str
    """The ``spec`` key a Service needs for its endpoints to be the cluster's own pods (``selector``)."""
    closed_by: tuple[str, ...]
    """Keys making a name resolve elsewhere (a Service's ``externalName``, a pod's ``hostNetwork`` / ``dnsPolicy``):
    a manifest holding one anywhere defines no name (fail closed)."""
    not_named_by: tuple[str, ...] = ()
    """(config55) ``spec`` keys making that Service's own name resolve elsewhere (``externalName``: a CNAME to the host
    it names, judged where written, script_commands ``externalName:``): that Service names nothing, the manifest's
    other Services keep their names."""
    domain: str
    """The cluster domain under which ``<name>.<namespace>.svc`` is fully qualified (``cluster.local``)."""
    default_namespace: str
    """The namespace of an object whose manifest names none (``default``)."""
    list_kinds: tuple[str, ...] = ()
    """(config56b) Kinds whose ``items`` are the manifest's objects (``List``: kubectl applies each item)."""
    sources: tuple[str, ...]


class HostAliases(_Frozen):
    """(falsealarm54) A container's hosts-file entries in a resource's document: a list under ``key`` whose items map
    names (``names``: one name or a list) to an address (``address``)."""

    key: str
    """The list's key (ECS ``extraHosts``; a CloudFormation task's ``ExtraHosts``)."""
    names: str
    """An item's key holding its name or names (``hostname``)."""
    address: str
    """An item's key holding the address the names go to (``ipAddress``)."""
    source: str


class ServiceNames(_Frozen):
    """(falsealarm52) Names a YAML text defines as hosts of its own (Compose services, Kubernetes Services): in the same
    text, a URL whose host is one of them sends to that service, not to a host found through DNS search domains."""

    compose: ComposeServices
    kubernetes: KubernetesServices
    host_aliases: tuple[HostAliases, ...] = ()
    """(falsealarm54) Hosts-file entries a structured document gives a container: each name mapped only to private
    addresses is that address for the mapping holding the list (the container's variables and command)."""


class RegionalBucket(_Frozen):
    """A bucket the cloud provider owns in every region, named after the region (``{region}.elasticmapreduce``)."""

    name: str
    """The bucket's name with exactly one ``{region}``."""
    source: str
    """Where the provider documents the name."""

    @model_validator(mode="after")
    def _one_region(self) -> RegionalBucket:
        if self.name.count("{region}") != 1:
            raise ValueError(f"{self.name}: a regional bucket name needs exactly one {{region}}")
        return self

    def region_in(self, bucket: str) -> str | None:
        """What stands for ``{region}`` in ``bucket`` when the rest of the name matches; None otherwise."""
        prefix, suffix = self.name.split("{region}")
        if len(bucket) > len(prefix) + len(suffix) and bucket.startswith(prefix) and bucket.endswith(suffix):
            return bucket[len(prefix) : len(bucket) - len(suffix)]
        return None


class S3BucketHosts(_Frozen):
    """The S3 endpoint labels that carry a bucket's name: before them (virtual-hosted style) or, when nothing stands
    before them, in the URL's first path segment (path style)."""

    labels: tuple[str, ...]
    """Whole service labels (``s3``, ``s3-website``)."""
    region_labels: tuple[str, ...]
    """Label prefixes a region id completes (``s3-`` of ``s3-eu-west-1``)."""
    qualifiers: tuple[str, ...] = ()
    """Labels between the service label and the region (``dualstack``)."""
    interface_labels: tuple[str, ...] = ()
    """Labels that begin an interface endpoint's bucket host, ``<label>.vpce-<id>.s3.<region>.vpce`` (``bucket``): a
    bucket's name stands before it or in the URL's first path segment, as at a REST endpoint."""
    sources: tuple[str, ...]


class RegionField(_Frozen):
    path: str
    source: str


class RegionIdField(_Frozen):
    """An input (by its snake_case key) whose value is an identifier that begins with the Region of what it names:
    ``<region><separator><rest>`` (a Cognito user pool id ``eu-west-1_AbCdEf``, an identity pool id
    ``us-east-1:<guid>``, an SAE namespace id ``cn-shanghai:fleet``). The Region part is judged as a region field's
    value, as is a value that is only a Region (EDAS's and SAE's default namespaces are their Region's id); an id of
    another shape (no region before the separator) is judged as any other string."""

    key: str
    cloud: Literal["aws", "alicloud"]
    separator: str = Field(min_length=1)
    types: frozenset[str] = frozenset()
    """The resource types whose input it is; empty: every resource of ``cloud`` (the key says what it holds)."""
    source: str


class TypedField(_Frozen):
    """An input of one resource type whose value has a documented meaning, by its snake_case key path
    from the top-level input (dots)."""

    type: str
    """Pulumi type token."""
    path: str
    """Key path from the top-level input, list indexes dropped (``filter_criteria.filters.pattern``);
    a leading ``*.`` matches it at any depth (``*.byte_match_statement.search_string``), a later ``*`` any one key
    (``variables.*``: every value of a map whose keys the user chose)."""
    source: str
    """Where the provider documents the field's meaning."""
    catalogued_only: bool = False
    """(``typed_region_fields``) Only a catalogued Region's id is judged as a Region there, any other value as any
    other value: a field that may hold a Region among other values (a stack instance's parameter overrides, whose
    names the template chose), where a name that merely looks like a Region (``fleet-uploads-home``) is none."""


class ReadOnlyWhen(_Frozen):
    """The values of an input beside a written field's map that make the call read from, or empty, what the field names
    rather than send the stack's data into it (``written_account_fields`` ``read_only``: an HTTP API integration's
    ``integration_subtype`` ``SQS-ReceiveMessage`` beside its ``request_parameters.queue_url``; stop 43)."""

    key: str
    """The snake_case input read in the map that holds the field's map (the Integration's top level, an OpenAPI
    ``x-amazon-apigateway-integration`` object)."""
    values: tuple[str, ...]
    """The values (exact text) naming an operation that sends nothing of the stack's; any other value, an absent or an
    unknown one is a write (fail closed)."""
    source: str
    """Where the provider documents what each value does."""


class WrittenWhen(_Frozen):
    """The values of an input beside a written field (in the same map) that make the call write into what the field
    names, where the same field without them only reads from it (``written_account_fields`` ``written_when``: a
    Redshift datashare consumer association's ``allow_writes`` beside its ``data_share_arn``; awsred46, stop 46)."""

    key: str
    """The snake_case input read in the map holding the field (the resource's top level for a top-level field)."""
    values: tuple[str, ...]
    """The values (exact text, a boolean read as ``true`` / ``false``) naming a write. An absent input or another
    known value is a read (the field is not judged); a value of any other kind (not known yet) is a write (fail
    closed)."""
    source: str
    """Where the provider documents what the input does."""


class WrittenAccountField(TypedField):
    """A ``written_account_fields`` entry: the field names the resource the stack writes into, unless ``read_only``
    proves the call only reads from it or empties it (stop 43), or ``written_when`` is given and the input it names
    does not say the call writes (stop 46)."""

    read_only: ReadOnlyWhen | None = None
    written_when: WrittenWhen | None = None
    resources: tuple[str, ...] = ()
    """In a workflow (``runtime_destinations`` types), the task resources (the part of the enclosing state's
    ``Resource`` after ``arn:<partition>:states:::``, ``aws-sdk:sns:publish``) in which the field names what is written
    into; empty: any state. For a parameter name that other actions read with (``ResourceArn``: a tag listing reads the
    resource; ``TargetArn``), so that only the listed writes are judged (sfn44b, stop 44)."""


class MadeArnOutput(_Frozen):
    """An output of one resource type that is the resource's own ARN, naming the account it is made in
    (``made_account_arns``; stop 42)."""

    type: str
    """Pulumi type token."""
    output: str
    """The top-level output (snake_case) holding the ARN; an output only, so no program sets it."""
    source: str
    """Where the provider documents the output."""
    suffixes: tuple[str, ...] = ()
    """Text a consumer's documentation requires after the ARN, which the ARN output leaves out (a log group's ``:*``,
    the log stream wildcard CloudTrail requires: ``log_group.arn.apply(lambda arn: f"{arn}:*")``): the ARN followed by
    one of them proves the same account (madearn43, stop 43)."""


class DeliveryActions(_Frozen):
    """One service's actions that only hand data INTO the resource a policy is attached to (``delivery_actions``): an
    Allow statement whose every action is one of them lets its principals deliver, never read, so it grants no account
    anything of the stack's (RES-023, stop 47). Exact names only: a wildcard or ``NotAction`` is never delivery."""

    cloud: Literal["aws", "alicloud"]
    """Whose policies name these actions (a statement is read with its own cloud's list)."""
    service: str
    """The service prefix of the actions (``sqs``)."""
    actions: tuple[str, ...]
    """Exact action names with their prefix (``sqs:SendMessage``), matched case-insensitively as IAM matches them."""
    why: str
    sources: tuple[str, ...]

    @field_validator("actions")
    @classmethod
    def _exact(cls, actions: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        service = info.data.get("service", "")
        bad = sorted(a for a in actions if not a.startswith(f"{service}:") or any(c in a for c in "*?$"))
        if bad or not actions:
            raise ValueError(f"not exact {service} actions: {bad}")
        return actions


class PublicPrincipalField(TypedField):
    """An input outside any policy document that grants a principal (``principal_fields``): ``*`` there is everyone,
    unless one of ``restricted_by`` is set (a Lambda permission's ``source_arn``, a layer permission's
    ``organization_id``)."""

    restricted_by: tuple[str, ...] = ()
    """Inputs (snake_case) whose value limits who the grant reaches."""
    condition_keys: Mapping[str, str] = {}
    """The policy condition key each restricting input becomes (``source_arn``: ``aws:SourceArn``): a literal value
    restricts only when it is fixed as that key's would be in a statement (no wildcard before the account)."""


class PublicValueField(TypedField):
    """An input whose documented values make the resource readable by everyone (``public_value_fields``: a Container
    Registry repository's ``repo_type`` ``PUBLIC``)."""

    values: tuple[str, ...]
    """The values (case-insensitive) that make it public."""


class AnonymousReadIntegration(TypedField):
    """An API Gateway integration input (``uri``) whose value, for an integration of one of ``kinds`` (its ``type``
    input), calls an AWS service action that returns stored data with no code in between (``anonymous_reads``, stop
    43): public when a method it serves requires no authorization and no API key (RES-024)."""

    kind_input: str
    """The input (snake_case) holding the integration's type (``type``)."""
    kinds: tuple[str, ...]
    """The integration types (upper case) that call an AWS service directly (``AWS``)."""
    reads: tuple[str, ...]
    """The ``<service>:path/`` and ``<service>:action/<Action>`` heads (after ``arn:<partition>:apigateway:<region>:``)
    of a uri that reads stored data (``s3:path/``, ``dynamodb:action/GetItem``)."""
    method_input: str
    """The input (snake_case) holding the HTTP method the integration calls the service with
    (``integration_http_method``): a path-form uri reads only under one of ``read_methods``."""
    read_methods: tuple[str, ...]
    """The HTTP methods (upper case) with which a path-form uri reads (S3's GET object / list, HEAD); a method not
    known is taken as one (fail closed)."""
    operation_security: bool = False
    """The field is in an API's OpenAPI ``body`` (an ``x-amazon-apigateway-integration`` object, stop 44):
    ``kind_input`` and ``method_input`` are keys of that object (as written, compared in snake_case), and who may call
    it is its operation's effective ``security`` (``stages.operation_authorized``), not the join's Methods or Routes."""


class NetworkRestrictedPolicy(TypedField):
    """A policy input whose statements reach only callers inside the resource's own network once ``network`` is set
    (``network_restricted``: an OpenSearch domain's ``access_policies`` with ``vpc_options.subnet_ids``)."""

    network: str
    """Key path (snake_case, dots) of the input that places the resource in a network: set (a non-empty list, or a
    value not yet known), only callers there reach it."""
    name: str | None = None
    """The input (snake_case, top level) naming the resource, by which a separate policy resource joins it
    (``network_joined``: an OpenSearch DomainPolicy's ``domain_name``; stop 43)."""


class NetworkJoinedPolicy(TypedField):
    """A policy resource of its own whose statements configure a ``network_restricted`` resource named by ``joins``
    (``network_joined``: an OpenSearch ``DomainPolicy``'s ``access_policies`` for the domain its ``domain_name`` names;
    stop 43): not public when that name is a resource of type ``of`` the stack makes inside a network."""

    joins: str
    """The input (snake_case, top level) naming the configured resource (``domain_name``)."""
    of: str
    """The type token of the configured resource (a ``network_restricted`` type with a ``name``)."""


class PublicAccess(_Frozen):
    """What grants everyone access (RES-024): AWS's and OSS's own definitions of public, as data."""

    everyone: frozenset[str]
    """Principal values that name everyone (``*``)."""
    open_cidrs: frozenset[str]
    """Source addresses that restrict no one."""
    restricting_conditions: frozenset[str]
    """Condition keys (lower case) whose fixed value restricts who a statement reaches."""
    org_path_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) whose value is an organization path: fixed when the organization id (``o-...``)
    comes before any wildcard."""
    arn_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) whose value is an ARN: fixed when its account field is a 12-digit id."""
    account_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) naming the caller's account (``aws:principalaccount``, ``kms:calleraccount``, an
    IAM ARN's account in ``aws:principalarn``): a statement to everyone restricted by one reaches that account's
    principals only, whose account is judged as a granted one (RES-023)."""
    userid_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) holding a principal's unique id (``aws:userid``): a value that names no account
    (``AIDA...``, ``AROA...:*``) is a grant to a principal whose account nothing proves (RES-023 unless declared)."""
    source_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) naming the account, resource ARN or organization a SERVICE acts for
    (``aws:sourceaccount``, ``aws:sourceowner``, ``aws:sourcearn``, ``aws:sourceorgid``, ``aws:sourceorgpaths``): on a
    statement to everyone, each fixed value's account (or organization) is judged as a granted one (RES-023), as a
    Lambda permission's ``source_account`` is; on a statement to a service principal they only narrow it (not
    judged)."""
    organization_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) naming an organization (``aws:principalorgid``, ``aws:principalorgpaths``,
    ``aws:sourceorgid``, ``aws:sourceorgpaths``): the statement reaches every account of it, which no provider pin
    proves; refused (RES-023) unless declared by the organization id, or its partition lies wholly in the
    jurisdiction."""
    organization_fields: tuple[TypedField, ...] = ()
    """Inputs outside a policy document that grant every account of an organization (a Lambda permission's
    ``principal_org_id``, a layer permission's ``organization_id``): judged as an organization condition's value."""
    endpoint_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) naming where a subscription delivers (``sns:endpoint``): a statement restricted to
    fixed resource ARNs reaches only those resources, whose accounts are judged as a subscription endpoint's."""
    endpoint_protocol_conditions: frozenset[str] = frozenset()
    """Condition keys (lower case) naming a subscription's protocol (``sns:protocol``): they restrict nothing alone, but
    fixed to ``mail_protocols`` they make an address pattern with a wildcard name only addresses."""
    mail_protocols: frozenset[str] = frozenset()
    """Subscription protocols whose endpoint is an e-mail address (``email``, ``email-json``)."""
    url_protocols: tuple[str, ...] = ()
    """Subscription protocols whose endpoint is a URL of that scheme (``http``, ``https``)."""
    public_acls: frozenset[str]
    """Canned ACLs that grant AllUsers / AuthenticatedUsers (or OSS's public ACLs)."""
    public_grantees: frozenset[str]
    """Grantee group URIs of everyone."""
    acl_fields: tuple[TypedField, ...]
    """Canned-ACL inputs by type."""
    principal_fields: tuple[PublicPrincipalField, ...] = ()
    """Principal inputs outside a policy document."""
    public_value_fields: tuple[PublicValueField, ...] = ()
    """Visibility inputs whose value makes the resource public (a repository's ``PUBLIC``)."""
    public_kinds: tuple[TypedField, ...] = ()
    """Resources readable by everyone by kind, whatever their settings (an ECR Public repository, stop 43): judged at
    ``path``, a required input."""
    anonymous_reads: tuple[AnonymousReadIntegration, ...] = ()
    """Integrations that serve stored data directly (an API Gateway ``AWS`` integration to S3, DynamoDB ...): public
    when a method they serve is anonymous (stop 43)."""
    not_grants: tuple[TypedField, ...] = ()
    """Policy inputs whose statements limit and grant nothing (VPC endpoint policies, resource control policies)."""
    network_restricted: tuple[NetworkRestrictedPolicy, ...] = ()
    """Policy inputs whose statements to everyone reach only the resource's own network when it is placed in one (a VPC
    OpenSearch domain's access policy): not public (RES-024), whoever else they name still judged."""
    network_joined: tuple[NetworkJoinedPolicy, ...] = ()
    """Separate policy resources joined by name to a ``network_restricted`` resource of the stack (stop 43)."""
    sources: tuple[str, ...]
    """Where the definitions are documented."""


class BuiltinPlaceholderField(TypedField):
    """A script input whose ``{{ ACS::RegionId }}`` the service fills with the region it runs in when ``enabled_by``
    is true (``builtin_placeholder_fields``: a Cloud Assistant command's ``command_content``)."""

    enabled_by: str
    """The boolean input that turns the placeholders on (``enable_parameter``)."""


class _PatternEntry(_Frozen):
    """A catalogue entry holding a regular expression: refused at load when it does not compile (one check for the
    entries of ``instance_region_commands``, ``cli_config_files``, ``app_config_files``,
    ``instance_region_filters`` and ``one_word_commands``)."""

    pattern: str
    """A regular expression (each entry type says what it matches)."""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:  # not a ValueError: pydantic would let it escape as a traceback
            raise ValueError(f"{value!r} is not a regular expression ({error}): fix the pattern") from error
        return value


class InstanceRegionCommand(_PatternEntry):
    """A command substitution a script an instance runs assigns its own Region with (``instance_region_commands``:
    the EC2 instance metadata's ``placement/region``), for scripts of the listed ``types``."""

    types: tuple[str, ...]
    """Resource types whose script runs on an instance in the resource's own Region."""
    pattern: str
    """A regular expression matching the whole assigned value (``$(curl ... /latest/meta-data/placement/region)``)."""
    source: str
    """Where the platform documents what the command prints."""

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


class SectionDefault(_Frozen):
    """A setting a tool gives a section of its settings file that does not write it (``ConfigFile.section_defaults``,
    config54b)."""

    when: dict[str, str]
    """The section's settings that select it (lower-case names; values compared case-insensitively)."""
    unless: tuple[str, ...] = ()
    """Settings whose presence leaves the default unused (rclone's ``endpoint``: the requests go there)."""
    key: str
    """The setting defaulted (lower case)."""
    value: str
    """Its value when the section does not write it."""


class DocumentDefault(_Frozen):
    """(config58) A setting a tool gives its whole settings document when the document does not write it and the
    script runs the tool (``ConfigFile.document_defaults``: the Datadog Agent's ``site``, datadoghq.com)."""

    key: str
    """The setting defaulted, the document's own name (lower case; read through ``ConfigFile.keys``); agents62: with
    ``block``, its dotted path inside the block (``api.site``)."""
    value: str
    """Its value when the document does not write it."""
    unless: tuple[str, ...] = ()
    """Top-level settings whose presence leaves the default unused (``site`` itself, ``dd_url``: the data goes there,
    each judged as written), lower case; agents62: with ``block``, dotted paths inside the block."""
    block: str = ""
    """agents62: a regular expression matched with the whole dotted path of each block (a mapping of a YAML / JSON
    document; a TOML table or an Alloy block of a ``conf`` file, its label left out) the default is given to, when that
    block does not write ``key`` (the OpenTelemetry Collector's ``exporters.datadog`` / ``exporters.datadog/<name>``,
    Telegraf's ``outputs.datadog`` table, Alloy's ``otelcol.exporter.datadog`` block); empty: the document's top."""
    unless_variables: tuple[str, ...] = ()
    """Environment variables the tool reads in place of the setting (``DD_SITE``, ``DD_DD_URL``): a script naming one
    gives the value there (judged where it is set), not the default."""
    runs: str
    """A regular expression searched in the script: the tool runs with the file (its service started or enabled, its
    package installed, its command run). A file nobody runs sends nothing."""
    images: str = ""
    """(config59) A regular expression of the tool's container images (the Datadog Agent's ``gcr.io/datadoghq/agent``
    ...): a container of one the script runs (a ``run`` / ``create`` on the image's line, a Compose ``image:``) reads
    its settings from its environment, so with none of ``unless_variables`` named in the script it sends to the
    default too, whether or not the script writes the file (a file it writes is then read as run)."""
    when: dict[str, str] = Field(default_factory=dict)
    """(config63) With ``block``: settings of the block (its own keys, lower case) and a regular expression
    each one's value must match whole, case-insensitively, for the block to get the default (a Vector sink's ``type``,
    ``datadog_logs``: only its Datadog sinks default their ``site``); a block not writing one gets none."""


class ConfigFile(_PatternEntry):
    """A file a script may write that a cloud CLI, an SDK or an application reads its settings from
    (``cli_config_files``, scripts48: ``~/.aws/config``'s ``region = ...``; ``app_config_files``, scripts49: a
    ``.json`` / ``.yaml`` / ``.ini`` file): its content is walked as a document, its region and host keys judged."""

    pattern: str
    """A regular expression searched in the written path (``(^|/)\\.aws/config$``)."""
    format: Literal["ini", "conf", "words", "properties", "json", "yaml", "toml", "rsyslog", "syslog-ng"]
    """How the file is read: ``ini`` ``key = value`` lines (sections and comments skipped); ``conf`` (scripts50) only
    its lines holding ``=``, read as ``ini``'s; ``words`` (config53) ``keyword argument ...`` lines (redis.conf,
    ssh_config, msmtprc: a keyword, blanks or one ``=``, its arguments), only the keywords ``keys`` names, each read
    as that name with its first argument; ``properties`` java.util.Properties lines; a JSON, YAML or TOML document;
    config54: ``rsyslog`` (rsyslog.conf: a legacy forwarding action ``@host`` / ``@@host:port``, an ``action(...)``'s
    parameters ``keys`` names) and ``syslog-ng`` (a ``destination`` block's drivers ``keys`` names, their first
    positional argument the host)."""
    source: str
    """Where the tool or the format documents the file and its settings."""
    keys: dict[str, str] = Field(default_factory=dict)
    """scripts51: the file's own names of settings the key catalogue knows by another name (s3cmd's ``host_base`` ->
    ``endpoint``, ``bucket_location`` -> ``region``), lower case; a line format's key is read as its catalogue name
    (a name only this file gives that meaning is never added to the key catalogue, which judges every input).
    For ``words``, the only keywords read (case-insensitive, as the tools read them)."""
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    """config53: a setting's values the tool reads as another value (s3cmd's legacy ``bucket_location = EU``: the
    Region eu-west-1), by the file's name of the setting, lower case, then the value as written, upper case."""
    no_destination: tuple[str, ...] = ()
    """config53: a ``words`` keyword's arguments that name no destination (redis.conf ``replicaof no one``: no
    replication), lower case, compared with the line's arguments joined by one blank."""
    alias_keyword: str | None = None
    """config53: a ``words`` keyword whose arguments are names the file itself defines (ssh_config's ``Host``
    patterns): a value naming one (``ProxyJump bastion`` beside ``Host bastion``) is that entry, whose own ``HostName``
    is judged; a pattern with a wildcard or a negation defines no name."""
    real_name_keyword: str | None = None
    """falsealarm53b: the ``words`` keyword an ``alias_keyword`` entry gives its names' real host with (ssh_config's
    ``HostName``, judged in the file): a script's client command naming such an alias (``ssh ops@bastion.fleet``,
    ``scp f ops@bastion.fleet:/tmp``) connects there, not to the alias."""
    arguments: dict[str, int] = Field(default_factory=dict)
    """config54: a ``words`` keyword's argument that names the destination, by its index after the keyword (0, the
    first, when the keyword is not listed): sentinel.conf ``sentinel monitor <master-name> <ip> <port> <quorum>`` 1,
    HAProxy ``server <name> <address>[:port]`` 1. A keyword of two words (``sentinel monitor``) is a keyword and its
    first argument."""
    command_keywords: tuple[str, ...] = ()
    """config54: ``words`` keywords whose arguments are a command line the tool runs (ssh_config(5) ``ProxyCommand``,
    "the command string extends to the end of the line"), lower case: read as a script's line, its commands'
    destinations judged (``ssh -W %h:%p <jump host>``)."""
    option_files: dict[str, str | tuple[str, ...]] = Field(default_factory=dict)
    """config54: a command and its option naming a file the command reads as this entry's, whatever the file's path
    (ssh(1) ``-F configfile``): a file the script writes and names there is read by this entry. config55b: or its
    options (Filebeat's ``-c`` / ``--c``, Vector's ``-c`` / ``--config``); an entry of a document format (``yaml``,
    ``toml``) reads only a file whose name is not another's format (a ``.toml`` file is TOML, any other YAML)."""
    option_base: dict[str, str] = Field(default_factory=dict)
    """config56: a command and its option naming the directory a relative file name given at ``option_files`` is in
    (Filebeat's ``--path.config``: "-c ... The path is relative to path.config"): ``filebeat --path.config /etc/fleet -c
    shipper.yml`` reads /etc/fleet/shipper.yml as this entry's."""
    option_dirs: dict[str, str | tuple[str, ...]] = Field(default_factory=dict)
    """config56: a command and its options naming a directory every file of which it reads as this entry's (Vector's
    ``--config-dir`` / ``-C``: "Read configuration from files in one or more directories. File format is detected from
    the file name"): a file the script writes right in that directory is read by this entry."""
    option_variables: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """config56: a command and the environment variables its options read (Vector's ``VECTOR_CONFIG``, ``--config``'s
    "env: VECTOR_CONFIG"): a file the script names in one (``VECTOR_CONFIG=FILE vector``, ``export``, a unit's
    ``Environment=``) while it runs the command is read by this entry."""
    option_file_scheme: str | None = None
    """mutation62: the scheme a value of ``option_files`` may begin with, naming the same file (the OpenTelemetry
    Collector's ``--config`` takes a configuration URI, ``--config=file:/path/to/config.yaml``, the ``file:`` provider
    reading that file). None: the value is the file's path alone."""
    option_uris: dict[str, Literal["yaml", "env", "fetched"]] = Field(default_factory=dict)
    """(config63) Other configuration URI schemes a value of ``option_files`` may begin with, and how the text after
    the scheme is read (the OpenTelemetry Collector's providers): ``yaml`` (``--config='yaml:exporters::datadog::api::
    site: datadoghq.com'``) a YAML document whose keys ``::`` nests, walked as this entry's file; ``env``
    (``--config=env:OTEL_CONFIG``) the name of a variable whose values the script gives are such documents (a value
    the script does not give: the configuration is unknown); ``fetched`` (``http:``, ``https:``) a configuration read
    at run time from the URI, unknown (RES-015 until the URI is declared). A URI's settings get no
    ``document_defaults`` (the Collector merges it with the other ``--config`` values, which may write them)."""
    option_separator: str | None = None
    """mutation57: the character a value of ``option_files`` / ``option_dirs`` / ``option_variables`` separates several
    files or directories with (Vector's ``,``: the CLI reference's ``vector -c config1.yaml,config2.yaml``, its options'
    values delimited by commas, ``VECTOR_CONFIG`` too): a file named as one item of such a list is named there. None:
    the value is one file."""
    option_dir_namespaces: tuple[str, ...] = ()
    """config57: subdirectories of a directory given at ``option_dirs`` / ``option_variables`` whose files each hold one
    component, its type the subdirectory's name and its id the file's stem (Vector's "automatic namespacing":
    ``--config-dir /etc/vector`` reads ``/etc/vector/sinks/central.yaml`` as ``sinks.central``): such a file is read by
    this entry as that component's body."""
    unused_settings: dict[str, str] = Field(default_factory=dict)
    """falsealarm54b: settings the tool connects to only when a command that uses them runs (s3cmd's
    ``cloudfront_host``: its ``cf*`` commands and ``--cf-invalidate``), by the file's name of the setting, lower case,
    to a regular expression searched in the script writing the file (the commands, the file's own switches); where it
    matches nothing the setting's value is no destination of the script, neither as the line is read nor in the scan of
    the whole text. An empty expression: a setting the tool never connects to (s3cmd's ``website_endpoint``, a URL
    ``ws-info`` prints)."""
    section_defaults: tuple[SectionDefault, ...] = ()
    """config54b: settings a section of an ``ini`` / ``conf`` file holds when it does not write them (an rclone S3
    remote of ``provider = AWS`` without ``region``: us-east-1), judged as if written."""
    document_defaults: tuple[DocumentDefault, ...] = ()
    """config58: settings a ``yaml`` / ``json`` document holds when it does not write them and the script runs its tool
    (the Datadog Agent's datadog.yaml without ``site``: datadoghq.com, US1), judged as if written; agents62: or a block
    of the document holds (``DocumentDefault.block``), of a ``conf`` file's blocks too (Telegraf, Alloy)."""
    variable_references: str = ""
    """(config64) A regular expression matching a whole setting value the tool fills from its environment, the
    variable's name in group ``name`` (the Collector's ``${env:NAME}`` / ``${NAME}``, Alloy's ``sys.env("NAME")``): a
    block default's setting holding one whose variable the script never sets is read as unset (the tool reads an empty
    value), so the default applies; the references are left out of the search for the variable."""
    encoded_hosts: dict[str, Literal["elastic-cloud-id"]] = Field(default_factory=dict)
    """(config63) Settings of a ``yaml`` / ``json`` / ``toml`` document whose value encodes the host the tool sends to,
    by dotted path (a flat ``cloud.id`` key or ``cloud: {id: ...}``), and the encoding: ``elastic-cloud-id`` (Filebeat's
    ``cloud.id``, references.elastic_cloud_host). The decoded host is judged as a host key's value; a value that does
    not decode (a variable) is judged as a host key holding it."""

    @functools.cached_property
    def block_keys(self) -> dict[tuple[str, ...], str]:
        """(agents62) A ``conf`` file's ``keys`` written as dotted paths (Alloy's
        ``otelcol.exporter.datadog.api.site``), split: each names a setting of one block only (read by the block
        reader), where a plain name is read on any line."""
        if self.format != "conf":
            return {}
        return {tuple(k.split(".")): n for k, n in self.keys.items() if "." in k}

    def block_key(self, path: tuple[str, ...], key: str) -> str | None:
        """(agents62) The catalogue's name of setting ``key`` of the block at ``path`` (``block_keys``; ``*`` any one
        name), None when no dotted key names it."""
        here = (*path, key)
        for parts, name in self.block_keys.items():
            if len(parts) == len(here) and all(p in ("*", k) for p, k in zip(parts, here, strict=True)):
                return name
        return None

    continued_lines: bool = False
    """config54b: a line starting with whitespace continues the line before it (Postfix main.cf, postconf(5): "A
    logical line starts with non-whitespace text. A line that starts with whitespace continues a logical line"): the
    lines are joined before they are read."""


class ContainerField(TypedField):
    """(k8s62) Where one container definition is (``containers``), and the ``container_forms`` entry naming its
    parts; path ``""``: the resource's inputs are its one container (an SAE application)."""

    form: str = "docker"


class ContainerForm(_Frozen):
    """(k8s62) The snake_case keys one API names a container's parts by (``container_forms``), read as the ``docker
    run`` line the container is (:func:`engine._container_run_line`)."""

    image: tuple[str, ...] = ("image",)
    entry_point: tuple[str, ...] = ()
    """Keys replacing the image's ENTRYPOINT (``--entrypoint`` and the words after the image)."""
    command: tuple[str, ...] = ()
    """Keys replacing the image's CMD (the words after the image)."""
    variables: tuple[str, ...] = ()
    """Keys of the environment: a list of {name, value[, value_from]} pairs, or a map of name to value."""
    name: tuple[str, ...] = ("name",)
    value_from: tuple[str, ...] = ("value_from",)
    """A pair's keys setting its variable from elsewhere (a secret, a ConfigMap, a field of the pod)."""
    shell_scripts: bool = False
    """A shell's ``-c`` script among the items is read as a script too."""
    manifest_lists: tuple[str, ...] = ()
    """(kubernetes) The keys under which a manifest's pod spec lists its containers."""
    variable_references: bool = False
    """(mutation63) The API expands ``$(NAME)`` in the entry point's and command's items by the container's variables,
    and in a variable's value by the variables before it (``$$`` an escaped ``$``; a reference no variable resolves is
    left as written): Kubernetes' ``command`` / ``args`` / ``env[].value``."""
    source: str


class HelmChart(_Frozen):
    """(k8s63) A Helm chart whose values name where its workload sends (``helm`` ``charts``)."""

    chart: str
    """A regular expression searched in the chart operand (``datadog/datadog``, ``oci://.../datadog``)."""
    keys: dict[str, Literal["host", "url"]]
    """The dotted values keys naming a destination, and how each is judged (a host, a URL)."""
    default: dict[str, str] = {}
    """Where the chart sends when none of ``keys`` is given (judged as if written)."""
    documents: dict[str, str] = {}
    """(k8s64) Values keys whose value is the chart's tool's own configuration, each with the path of the file that
    tool reads (its ``app_config_files`` entry judges the value as that file, defaults too)."""
    source: str


class Helm(_Frozen):
    """(k8s63) ``helm`` installing a chart (:func:`scripts.helm_releases`): its subcommands, the options giving values
    (``--set``, ``-f``), the options giving values no script shows, the options taking a value, the charts read."""

    commands: tuple[str, ...]
    set_options: tuple[str, ...]
    values_options: tuple[str, ...]
    unknown_options: tuple[str, ...]
    value_options: tuple[str, ...]
    charts: tuple[HelmChart, ...] = ()
    source: str


class JoinedScript(TypedField):
    """A document whose script lists one shell runs in order (``joined_scripts``, scripts51: a CodeBuild buildspec's
    phases): a variable its ``variables`` map sets or an earlier list assigns reaches a later list's commands."""

    variables: tuple[str, ...] = ()
    """Key paths (dots, from the document) of maps of environment variables every command sees."""
    lists: tuple[str, ...]
    """Key paths (dots, from the document) of its script lists, in the order the shell runs them."""

    @property
    def kpath(self) -> tuple[str, ...]:
        """The document's key path, as the engine's walk holds it."""
        return tuple(self.path.split("."))


class InstanceRegionFilter(_PatternEntry):
    """A filter an ``instance_region_commands`` command may be piped through and still give the same Region
    (``instance_region_filters``, scripts48: ``| tr -d '\\n'`` drops no character a Region code holds)."""

    pattern: str
    """A regular expression matching the whole filter command (``tr -d '\\n'``)."""
    source: str
    """Where the tool documents what the filter drops."""


class OneWordCommand(_PatternEntry):
    """A command whose output is one word that never begins with ``-`` (``one_word_commands``, the lead, stop 61:
    ``mktemp``): a value holding its substitution, spliced unquoted among a command's options, adds no option."""

    pattern: str
    """A regular expression matching the whole command (``mktemp -d``)."""
    source: str
    """Where the tool documents what it prints."""


class PhoneField(TypedField):
    """A phone field (``phone_fields``): a number texts or calls carry data to."""

    national_country: str | None = None
    """The ISO 3166-1 alpha-2 country whose numbers alone the service takes in this field (DTS alarm phones: "only
    supports mainland mobile phone numbers"): a number written without ``+<code>`` is read as that country's
    national number, and proven there when it is a valid one. A number with its country code is judged by that
    code as anywhere. None: a number without its country code cannot be attributed."""
    country_code_key: str | None = None
    """The key beside the number (in the same map) holding its country calling code without ``+`` (an SLS alert
    user's ``country_code``, "86"): a number written without ``+`` is read with that code, so ``18888888889`` beside
    ``86`` is ``+8618888888889``. A code that is absent or not digits leaves the number without one (judged as such).
    None: no such key."""


class SwitchedOffRegion(TypedField):
    """A region field of a setting that, while the input ``when`` holds ``value``, names a region the setting turns
    off (``switched_off_regions``): nothing is sent there, so the region is not judged. Any other value of ``when``,
    or one not known yet (an Output), leaves the region judged (fail closed)."""

    when: str
    """The top-level input (snake_case) saying whether the setting turns the region on or off (``enabled``)."""
    value: bool
    """The value of ``when`` that turns the region off (``false``)."""


class RecordTypedField(TypedField):
    """A field of a DNS record resource that counts only while the record's type input (``when``) is one of
    ``values``; for every resource of the type when ``when`` is None."""

    when: str | None = None
    """The top-level input (snake_case) holding the record's type (``type``); None: every such resource (a Cloud Map
    service, whose records are its instances' addresses; a registered domain's name servers)."""
    values: tuple[str, ...] = ()
    """The record types the field counts for (A, AAAA, CNAME for an address; NS for a name server), upper-cased here as
    the type input is compared."""

    @field_validator("values")
    @classmethod
    def _upper_case(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.upper() for v in values)


class CreatedHost(RecordTypedField):
    """A DNS record this stack makes whose name (``path``) other resources may write as a host (``created_hosts``):
    while its type is an address type (``when`` / ``values``; a TXT or CAA record's name proves nothing), the name is
    proven as a bucket this stack makes is by its name, since the record's own value (its records or alias target) is
    judged where it is written."""

    proves: tuple[str, ...] = ()
    """The paths (list indexes dropped) of the type where such a name proves the host (``aliases.name``): only there,
    since elsewhere a name of the stack's zone reaches it only through the domain's delegation (but see
    ``private_use_suffixes``)."""
    proves_in_zone: tuple[str, ...] = ()
    """The paths of the type where such a name proves the host when it is in the same zone as the record holding the
    path (a CNAME's target, ``records``): a resolver that got the record from that zone asks the same authority for
    the target. The zone is the innermost zone this stack makes (``created_zones``) holding the name, by name."""
    completed_by_zone: bool = False
    """A name that does not end in its zone's name is completed with it by the provider (``api`` in the zone
    ``fleet.example.jp`` is ``api.fleet.example.jp``): such a name proves the host it and the name of a zone this stack
    makes (``created_zones``) spell together."""


class CreatedZone(TypedField):
    """A DNS zone this stack makes (``created_zones``), by the input holding its name (``path``)."""

    private: bool = False
    """The zone answers only inside the networks it is attached to (an Alibaba Cloud PrivateZone zone, a Cloud Map
    private DNS namespace's hosted zone)."""
    private_when: str | None = None
    """The top-level input whose non-empty value makes the zone private (a Route 53 zone's ``vpcs``)."""


class PrivateUseSuffix(_Frozen):
    """A DNS suffix reserved for private use, never delegated in the public DNS (``private_use_suffixes``)."""

    suffix: str
    sources: tuple[str, ...]


class ServiceAccounts(_Frozen):
    """An AWS service's own account in each Region (``service_accounts``): a policy granting it lets that service act in
    the Region it belongs to, not another company's account (RES-023)."""

    service: str
    accounts: dict[str, str]
    """Region -> the service's account id there."""
    sources: tuple[str, ...]

    @field_validator("accounts")
    @classmethod
    def _twelve_digits(cls, accounts: dict[str, str]) -> dict[str, str]:
        bad = sorted(a for a in accounts.values() if not (len(a) == 12 and a.isdigit()))
        if bad:
            raise ValueError(f"not 12-digit account ids: {bad}")
        return accounts


class NameServerHosts(_Frozen):
    """A DNS service's name-server host shape (``name_servers``): a host it fully matches is one of the service's
    authoritative name servers, which serve the hosted zones of accounts in ``partition``."""

    service: str
    pattern: str
    """A regular expression the whole host (lower case, no trailing dot) matches."""
    partition: str
    """The AWS partition whose hosted zones these name servers serve: proven where the jurisdiction holds it."""
    sources: tuple[str, ...]

    @model_validator(mode="after")
    def _pattern_compiles(self) -> NameServerHosts:
        re.compile(self.pattern)
        return self


class NameServerField(RecordTypedField):
    """An input naming the name servers a domain is delegated to (``name_servers``; an NS record's value, by ``when``
    / ``values``): a host there matching a ``NameServerHosts`` shape is proven; any other is judged as a destination
    host."""


class NameServers(_Frozen):
    """Name-server host shapes and the inputs where a name server is named (``name_servers``)."""

    hosts: tuple[NameServerHosts, ...] = ()
    fields: tuple[NameServerField, ...] = ()


class DestinationField(TypedField):
    """A ``destination_fields`` entry: the field names a host the resource sends to (judged as a host whatever its key),
    in a workflow only in the listed task actions (``resources``)."""

    resources: tuple[str, ...] = ()
    """In a workflow (``runtime_destinations`` types), the task actions (the part of the enclosing state's ``Resource``
    after ``arn:<partition>:states:::``, without ``.sync`` / ``.waitForTaskToken``) in which the field is a destination;
    empty: any. For a parameter name other actions give another meaning (PutEvents' ``EndpointId``, a global endpoint;
    an S3 on Outposts or Pinpoint call's ``EndpointId`` names no host: awsred61, stop 61)."""


class RuntimeDestination(TypedField):
    """A field of a workflow's state that names where the state writes (``runtime_destinations``): given a run-time
    value (an Amazon States Language ``<Key>.$`` path or intrinsic, a JSONata ``{% ... %}`` expression) it names no
    bucket the program shows, so it is unproven (RES-017) outside a partition wholly in the jurisdiction."""

    resources: tuple[str, ...] = ()
    """The task resources (the part of a state's ``Resource`` after ``arn:<partition>:states:::``) whose field this is
    (``aws-sdk:s3:putObject``: its ``Bucket`` is written to, a ``getObject``'s is read); empty: any state."""


class GroupField(TypedField):
    """An input joining a multi-region group, or naming a resource, by an id that carries no region
    (``global_group_fields``)."""

    unless_set: tuple[str, ...] = ()
    """Inputs beside the field (snake_case, relative to the map holding it) any one of which, when set, says where
    what the id names is, and is judged itself (an EFS replication destination's ``region`` or
    ``availability_zone_name``): the id is then not asked to be this stack's."""


class AclGranteeField(TypedField):
    """(awsred47) An access control list grant's grantee named by an identity that carries no account number (an S3
    canonical user id, an e-mail address): granted access unless it is the ``owner`` the same input names, the one
    identity the ACL gives no access to that it does not already have (``acl_grantee_fields``)."""

    owner: str | None = None
    """Key path from the top-level input of the owner's identity the grantee is compared with
    (``access_control_policy.owner.id``); absent where the input names no owner beside its grants (an object copy's
    or a bucket's legacy ``grants``, a logging target's ``target_grants``; awsred48): no grantee is then proven."""


class TemplateInstances(_Frozen):
    """(stackset49) A template resource type making stack instances of a stack group the same template makes (ROS's
    ``ALIYUN::ROS::StackInstances``), each with its own parameter overrides."""

    type: str
    """The template resource type (``ALIYUN::ROS::StackInstances``)."""
    name: str
    """The property naming the stack group, on it and on the group (``StackGroupName``): an instance is the group's
    when both are the same literal text."""
    overrides: str
    """Its property overriding the group's Parameters (a map of name to value)."""
    source: str


class NestedStack(_Frozen):
    """A template resource type that creates a nested stack from a template written inline (ROS's
    ``ALIYUN::ROS::Stack`` ``TemplateBody``): that template is judged as a template of the same kind, in the parent's
    region (the type has no region of its own), with the Parameters values the resource gives it."""

    type: str
    """The template resource type (``ALIYUN::ROS::Stack``)."""
    body: str
    """Its property holding the child template (a map, or the template's JSON / YAML text)."""
    parameters: str
    """Its property giving the child's Parameters their values (a map of name to value, or a list of ``ParameterKey`` /
    ``ParameterValue`` entries)."""
    source: str
    runs_as: str | None = None
    """(stackset49) The ``stack_templates`` type whose reading the child takes when the resource makes a StackSet or a
    stack group (``AWS::CloudFormation::StackSet``, ``ALIYUN::ROS::StackGroup``): its template runs in each stack
    instance's region, none of its own, as the Pulumi StackSet's does; None: a nested stack in the parent's region."""
    overrides: str | None = None
    """(stackset49) The key path (dots) of the resource's own stack instance groups' parameter overrides
    (``StackInstancesGroup.ParameterOverrides``): the child is read once per group, with that group's overrides over
    ``parameters`` (so a Default every group overrides is not what any of them runs with); None or no group: once,
    with ``parameters`` alone."""
    instances: TemplateInstances | None = None
    """(stackset49) The template resources making this group's stack instances (ROS's ``ALIYUN::ROS::StackInstances``
    naming the group's literal ``StackGroupName``): each is read as an instance group of ``overrides``."""


class StackSetInstances(_Frozen):
    """(stackinst50) A Pulumi type making stack instances of a StackSet / stack group (``stack_set``) that the program
    may make too: the StackSet's template is judged once per instance naming it, with the instance's overrides over the
    StackSet's own ``parameters`` (``stack_set_instances``)."""

    type: str
    """The instance's Pulumi type (``aws:cloudformation/stackSetInstance:StackSetInstance``)."""
    stack_set: str
    """The Pulumi type of the StackSet / stack group it names (``aws:cloudformation/stackSet:StackSet``)."""
    name: str
    """The instance's input naming the StackSet (``stack_set_name``, ``stack_group_name``)."""
    names: tuple[str, ...]
    """The StackSet's inputs whose literal value an instance may name it by (``name``, ``stack_group_name``)."""
    overrides: str
    """The instance's input overriding the template's Parameters (a map, or ``{parameter_key, parameter_value}``
    pairs)."""
    source: str


class TemplateEvent(_Frozen):
    """(samevents46) A SAM resource's event ``Type`` whose ``Properties`` hold a written destination of the resource SAM
    generates for it (a stream event's ``DestinationConfig.OnFailure.Destination``, the generated
    ``AWS::Lambda::EventSourceMapping``'s, the Pulumi ``lambda.EventSourceMapping``'s
    ``destination_config.on_failure.destination_arn``): each listed property path is judged as that Pulumi type's input
    path, by the one judgement of the Pulumi resource, at the template's path."""

    types: frozenset[str]
    """The event ``Type`` values (``Kinesis``, ``DynamoDB``)."""
    resource: str
    """The Pulumi type token the listed properties are judged as
    (``aws:lambda/eventSourceMapping:EventSourceMapping``)."""
    inputs: Mapping[str, str]
    """Event property path under ``Properties`` (snake_case, dots: ``destination_config.on_failure.destination``) -> the
    Pulumi input path it is (dots: ``destination_config.on_failure.destination_arn``); a map is judged whole there."""
    source: str


class TemplateGenerated(_Frozen):
    """(sam48) A resource SAM generates from a template resource, some of whose nested values become that generated
    resource's inputs (a SAM ``AWS::Serverless::Api``'s ``AccessLogSetting.DestinationArn`` is the generated
    ``AWS::ApiGateway::Stage``'s, the Pulumi ``apigateway.Stage``'s ``access_log_settings.destination_arn``): each
    listed path is judged as that Pulumi type's input path, as :attr:`TemplateResource.paths` are for the resource's
    own type."""

    resource: str
    """The Pulumi type token the values are judged as (``aws:apigateway/stage:Stage``)."""
    paths: Mapping[str, str]
    """A property path (snake_case, dots, lists read through) -> the Pulumi input path its value is."""
    source: str


class TemplateResource(_Frozen):
    """A template resource type that is a Pulumi resource type's own API object (``AWS::ApiGateway::RestApi`` and
    ``aws:apigateway/restApi:RestApi`` both call CreateRestApi / PutRestApi with the same OpenAPI ``Body``;
    ``AWS::StepFunctions::StateMachine`` and ``aws:sfn/stateMachine:StateMachine`` CreateStateMachine with the same
    ``definition``): inside the template, each listed property (keys read in snake_case, ``Body`` as ``body``) is
    judged as that Pulumi type's input, by the whole judgement of the Pulumi resource (its ``text_fields`` and
    ``match_fields`` since stop 42; its written destinations' accounts, run-time destinations and OpenAPI
    operations' callers since stop 45), one fact and one rule for both places."""

    type: str
    """The template resource type (``AWS::ApiGateway::RestApi``)."""
    resource: str
    """The Pulumi type token the properties are judged as (``aws:apigateway/restApi:RestApi``)."""
    properties: frozenset[str]
    """The template properties, snake_case, judged as the Pulumi type's input of the same name (``body``), or of the
    name ``inputs`` gives."""
    source: str
    inputs: Mapping[str, str] = Field(default_factory=dict)
    """Template property (snake_case) -> the Pulumi input it is, where the names differ (``definition_string`` ->
    ``definition``)."""
    substitutions: str | None = None
    """The template property (snake_case) mapping ``${Name}`` placeholders of the listed properties to the text the
    service puts there (``definition_substitutions``); None when the type has none."""

    items: Mapping[str, str] = Field(default_factory=dict)
    """Template property (snake_case) -> the Pulumi type each item of its list is, whole: the item's keys (read in
    snake_case) are that type's inputs (cfnmap45: an ``AWS::Events::Rule``'s ``Targets``, each an
    ``aws:cloudwatch/eventTarget:EventTarget``; an ``AWS::SNS::Topic``'s ``Subscription``, each an
    ``aws:sns/topicSubscription:TopicSubscription``). A single map is one item (SAM's ``AWS::Serverless::Function``
    ``EventInvokeConfig``: one ``aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig``)."""
    events: tuple[TemplateEvent, ...] = ()
    """(samevents46) The resource's ``Events`` (a SAM function's) whose properties are a generated resource's written
    destinations, by event ``Type``."""
    held_in_s3: Mapping[str, Literal["accounts", "callers"]] = Field(default_factory=dict)
    """Template property (snake_case) naming an S3 object that holds what the listed property would hold (sam46: a
    state machine's ``DefinitionS3Location``, an API's ``BodyS3Location``, SAM's ``DefinitionUri``). No front door can
    read the object, so what that content decides is unproven (its bucket is judged as a bucket): ``accounts``, the
    accounts a workflow's Tasks write into (RES-023 unless every account of the partition is in the jurisdiction);
    ``callers``, who may call an OpenAPI body's reading operations (RES-024 unless declared)."""

    paths: Mapping[str, str] = Field(default_factory=dict)
    """(samsfn47) A property path (snake_case, dots, a list's items read through: ``logging_configuration.destinations.
    cloud_watch_logs_log_group.log_group_arn``) -> the Pulumi input path its value is (``logging_configuration.
    log_destination``), where the CloudFormation shape nests the value otherwise than the Pulumi input: the value alone
    is judged there, by the one judgement of the Pulumi resource, at the template's path. (awsred54) A path of one
    key is a top-level property the Pulumi input nests (``destination_resource_arn`` ->
    ``delivery_destination_configuration.destination_resource_arn``)."""

    generated: tuple[TemplateGenerated, ...] = ()
    """(sam48) Resources SAM generates from this one whose inputs some of its nested values are (``paths`` of
    another Pulumi type): a SAM Api's or HttpApi's access log destination, its generated stage's."""

    keys: Mapping[str, str] = Field(default_factory=dict)
    """A key (snake_case) at any depth under a listed property or item -> the Pulumi input key it is, where the
    CloudFormation shape names it otherwise (cfntypes46: an ``AWS::Lambda::EventSourceMapping``'s
    ``DestinationConfig.OnFailure.Destination`` is the Pulumi ``destination_config.on_failure.destination_arn``; an
    ``AWS::S3::Bucket``'s ``NotificationConfiguration.QueueConfigurations[].Queue`` a bucket notification's
    ``queues[].queue_arn``). Only the key path judged changes; a finding's path keeps the template's own keys."""

    base64: frozenset[str] = frozenset()
    """(awsred59) Listed template properties whose value is the base64 text of the Pulumi input (an
    ``AWS::AmazonMQ::Configuration``'s ``Data``, "The base64-encoded XML configuration", is the Pulumi ``data`` XML): a
    literal that decodes is judged as the decoded text; ``Fn::Base64`` of the text, or a value that does not decode, is
    judged as written, as before."""

    def input_of(self, prop: str) -> str | None:
        """The Pulumi input the template property ``prop`` (snake_case) is judged as; None when it is not listed."""
        return self.inputs.get(prop, prop) if prop in self.properties else None


class TemplateDocument(_Frozen):
    """A template resource type whose property holds a document with ``{{ name }}`` placeholders (ROS's
    ``ALIYUN::OOS::Template`` ``Content``: an OOS template), judged as ``placeholder_documents`` are."""

    type: str
    """The template resource type (``ALIYUN::OOS::Template``)."""
    property: str
    """Its property holding the document (a map, or its JSON / YAML text)."""
    source: str


class ImplicitResource(_Frozen):
    """(sam46) A resource SAM makes for a template that does not declare it: an ``Api`` event of a function or state
    machine without ``RestApiId`` makes a default ``AWS::Serverless::Api`` (``ServerlessRestApi``), whose properties
    are the template's ``Globals`` for its type. Judged by type as a declared one is (``template_services``)."""

    type: str
    """The type SAM makes (``AWS::Serverless::Api``)."""
    logical_id: str
    """The logical id SAM gives it (``ServerlessRestApi``)."""
    makers: frozenset[str]
    """Resource types whose ``Events`` make it (``AWS::Serverless::Function``)."""
    event: str
    """The event ``Type`` that makes it (``Api``)."""
    unless: str
    """The event property naming a declared resource instead (``RestApiId``): the event makes nothing then."""
    source: str


class StackTemplate(_Frozen):
    """An input holding the template of a stack, whose placeholders the service fills in with that stack's own
    region, partition and DNS suffix, and whose resources the stack creates."""

    type: str
    """Pulumi type token of the resource whose input holds the template."""
    path: str
    """Key path of the template input from the top-level input (dots)."""
    region: str | None = None
    """The text the service replaces with the stack's own region (``${AWS::Region}``); None for a template that
    runs in several regions (a StackSet's), whose placeholders stay unread."""
    partition: str | None = None
    """The text replaced with the partition of the stack's region (``${AWS::Partition}``: ``aws-cn`` in China)."""
    url_suffix: str | None = None
    """The text replaced with the DNS suffix of the stack's partition (``${AWS::URLSuffix}``)."""
    bucket_types: frozenset[str] = frozenset()
    """Template resource types creating a bucket in the stack's own region, whose literal ``BucketName`` (and, with
    ``bucket_ref``, ``${LogicalId}``) names a bucket the stack makes."""
    bucket_ref: bool = True
    """Whether ``${LogicalId}`` (``Ref``) of a bucket type is the bucket's name (``Fn::Sub`` of an
    ``AWS::S3::Bucket``); False where the service does not document it (ROS's ``ALIYUN::OSS::Bucket``: use
    ``Fn::GetAtt`` ``Name``)."""
    source: str
    """Where the service documents the placeholders."""
    bucket_source: str | None = None
    """Where the service documents what ``${LogicalId}`` of a bucket type stands for."""
    group_types: Mapping[str, str] = Field(default_factory=dict)
    """(fnb64_51) Template resource type creating a multi-region group (an ``AWS::RDS::GlobalCluster``, the Pulumi
    ``global_group_types``' twin) -> its property whose literal text names the group: a member of the template joining
    that name joins the stack's own group, as a Pulumi member joining the stack's own ``rds.GlobalCluster`` does."""
    nested: tuple[NestedStack, ...] = ()
    """Template resource types creating a nested stack from an inline template, judged as a template itself."""
    placeholder_documents: tuple[TemplateDocument, ...] = ()
    """Template resource types holding an OOS template, its placeholders filled as ``placeholder_documents``' are."""
    resources: tuple[TemplateResource, ...] = ()
    """Template resource types read with a Pulumi type's ``text_fields`` (:class:`TemplateResource`)."""
    globals: Mapping[str, str] = Field(default_factory=dict)
    """SAM's ``Globals`` section: its key (``Api``) -> the resource type whose properties it gives (``AWS::Serverless::
    Api``). A resource of that type inherits each property it does not set (a map it sets is merged over the global
    one), so a global property is judged where the resource's own would be (sam46)."""
    globals_source: str | None = None
    """Where SAM documents the Globals section."""
    implicit: tuple[ImplicitResource, ...] = ()
    """Resources SAM makes for the template without a declaration (:class:`ImplicitResource`)."""
    children: Mapping[str, frozenset[str]] = Field(default_factory=dict)
    """(ros48) A template resource type -> the types of the resources declared as its own keys, beside ``Type`` and
    ``Properties`` (Alibaba's ``Aliyun::Serverless`` transform: an ``Aliyun::Serverless::Service``'s functions,
    "Function is child node of a service"). Such a child is read as a template resource of its own type (its
    ``paths``), named by its key."""
    children_source: str | None = None
    """Where the transform documents the nesting."""


class TemplateService(_Frozen):
    """The template resource types (CloudFormation, ROS) that are a ``global_services`` entry's service: a stack's
    template creating one is judged as the same resource written in Pulumi (RES-016), by the entry's own rule."""

    service: str
    """The ``global_services`` id."""
    types: frozenset[str]
    """Template resource types (``AWS::CloudFront::Distribution``, ``ALIYUN::CDN::Domain``), or a whole ROS namespace
    (``ALIYUN::ESA::*``: every type of a service run only from its hub, so a type ROS adds later is judged too;
    alired53)."""
    field: str | None = None
    """For an entry judged by a field's value: the template property holding it (dots, as written in the template,
    from ``Properties``: ``EndpointConfiguration.Types``; a list on the way is read item by item). None: the resource
    itself."""
    defaults: Mapping[str, str] = Field(default_factory=dict)
    """Per template type, the value the service applies when the property is omitted (judged as if it were set)."""
    unless_set: tuple[str, ...] = ()
    """(awsred56) The template's names of the entry's ``unless_set`` inputs: properties beside the field (in the map
    holding its last key; case-insensitive, as Fluent Bit reads its option names) any one of which, set, decides where
    the traffic goes instead and is judged itself by the walk (a health check's ``Regions``, a FireLens output's
    ``Host``). Required when the service has ``unless_set``."""
    default_unless: tuple[str, ...] = ()
    """(awsred56) The template's names of the entry's ``default_unless`` inputs, beside the field as ``unless_set``.
    With it, the default applies only to a map holding the field that the template writes (an EFS file system's
    replication destination): a template writing none has nothing the default describes."""
    when_set: tuple[str, ...] = ()
    """(awsred56b) The template's names of the entry's ``when_set`` inputs, beside the field as ``unless_set``: the
    field's value is judged only in a map that may set one of them (a FireLens ``es`` output with ``Cloud_ID``; a
    ``${VAR}`` or one ``Fn::If`` branch counts as set, since the id is then still Elastic Cloud's, from the router's
    environment or the condition). Required when the service has ``when_set``."""
    keys: Mapping[str, str] = Field(default_factory=dict)
    """(awsred56) For a field that is a map of alternatives whose key names the fact (an AgentCore memory strategy's
    ``SemanticMemoryStrategy: {...}``, the Pulumi strategy's ``type = "SEMANTIC"``): each key the template sets there
    -> the Pulumi field's value it stands for, judged as that value; a key not listed (a kind the service adds later)
    is unproven."""
    sources: tuple[str, ...]
    """Where the type names (and the property and its default) are documented."""


class TemplateBucketField(_Frozen):
    """Properties of one template resource type that name a bucket the resource reads or writes (an ROS function's
    ``Code.OssBucketName``): judged as a bucket (RES-017), proven only by the template's own bucket."""

    type: str
    """Template resource type."""
    fields: tuple[str, ...]
    """Property paths from ``Properties`` (dots, as written in the template; lists on the way are read item by
    item)."""
    source: str
    """Where the property is documented."""


class TemplateAttribute(_Frozen):
    """What a stack template's own resource of one type gives by ``Ref`` or ``Fn::GetAtt`` (``${Id}``,
    ``${Id.Attribute}`` in ``Fn::Sub``): an address of that resource, which the stack creates in its own region."""

    type: str
    """Template resource type (``AWS::RDS::DBInstance``, ``ALIYUN::OSS::Bucket``)."""
    attributes: frozenset[str]
    """``Fn::GetAtt`` attribute names (``Endpoint.Address``); ``Ref`` for what ``Ref`` returns."""
    names: tuple[Literal["host", "bucket", "model"], ...] = ("host",)
    """``host``: a host, URL or ARN of the resource; ``bucket``: the bucket's name (an ``oss://`` or ``s3://`` URL's
    bucket) or its ARN where a bucket key takes one (a replication destination's ``Bucket``); both for an S3 bucket's
    ARN. ``model`` (awsred56): a model a ``template_services`` field takes (an application inference profile), whose
    routing is the resource's own property, judged at that resource by its own ``template_services`` entry."""
    service: str | None = None
    """A ``global_services`` id: the address is served by that edge service, judged as it (RES-016)."""
    arn: str | None = None
    """(awsred59b) The ARN the attributes give, as ``Fn::Sub`` text of the pseudo parameters and ``${Id}`` (the
    resource's logical id standing for its name): a mapped template input (``stack_templates`` ``resources``) whose
    whole value is such a reference is judged as this ARN, as the Pulumi input holding the resource's ``arn`` is."""
    source: str
    """Where the service documents the attributes."""


class GlobalService(_Frozen):
    """A resource type (and optionally a field value) that serves data outside any one region."""

    id: str
    """Stable id, cited in findings."""
    types: tuple[str, ...]
    """Type tokens (``*`` for any type of the cloud packages)."""
    why: str
    """Why it is global, for messages."""
    field: str | None = None
    """Snake-case input path (dots; a trailing ``*`` matches key prefixes; a leading ``*.`` matches the rest
    of the path at any depth, ``*.model_id``); None: the resource itself."""
    refused_values: tuple[str, ...] = ()
    """Values that make it global (case-insensitive)."""
    refused_patterns: tuple[str, ...] = ()
    """Regular expressions; a value matching one makes it global."""
    resident_patterns: Mapping[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per jurisdiction code, regular expressions of values the documentation keeps inside that jurisdiction's
    regions (a ``jp.`` Bedrock inference profile routes to Tokyo and Osaka only): such a value is not refused there,
    whatever ``refused_patterns`` say; every other jurisdiction still refuses it."""
    allowed_values: Mapping[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per jurisdiction code, the only values that keep it in-country (all others refused)."""
    allowed_partitions: tuple[str, ...] = ()
    """A jurisdiction holding one of these AWS partitions may use it."""
    defaults: Mapping[str, str] = Field(default_factory=dict)
    """Per type token, the value the cloud applies when the field is omitted (judged as if it were set). A nested
    field (``endpoint_configuration.types``) is omitted when it or any map on its way is absent."""
    default_unless: tuple[str, ...] = ()
    """Inputs that, when set, decide the field's value themselves (an EFS replication's existing destination
    ``file_system_id``): the default is then not applied."""
    unless_set: tuple[str, ...] = ()
    """Inputs beside the field (snake_case paths, dots, relative to the map holding the field; JSON text on the way is
    read as its document) any one of which, when set, decides where the traffic goes instead, and is judged itself:
    a LiteLLM model's ``api_base`` (a URL, judged as one), or its ``additional_params.aws_region_name`` (a region
    field). The entry refuses only while none is set."""
    when_set: tuple[str, ...] = ()
    """Inputs beside the field (read as ``unless_set`` is) one of which must be set for the entry to refuse: the value
    alone keeps the traffic where the rest of the map says, the input sends it to the service the entry names (a
    Fluent Bit ``es`` output's ``Cloud_ID``: Elastic's hosted service, its host encoded in the id; without it the
    output goes to its ``Host``, judged as a host). Empty: the value alone refuses."""
    refused_in: tuple[str, ...] = ()
    """Jurisdiction codes the entry refuses in; empty: every jurisdiction. For a service whose data stays in the
    regions a stack judges elsewhere, except where the service itself is not offered in-country (Cloud WAN in CN)."""
    fluent_bit_output: bool = False
    """The field is a Fluent Bit output's ``Name`` (FireLens ``options``, where ``types`` and ``field`` place it), and
    the entry judges that output however it is written (stop 42): every ``[OUTPUT]`` section of a Fluent Bit classic
    configuration and every ``pipeline.outputs`` item of a YAML one found in any resource's text (a file cloud-init
    writes, a ConfigMap's data, an object's content, a parameter's value), its ``Name`` compared with
    ``refused_values`` and its own keys read as ``unless_set``. One fact, one entry, every way of writing it."""
    platform_variables: dict[str, tuple[str, ...]] = {}
    """Per type token (logplugins45): environment variables the platform sets, for a task of that type, to a value the
    program fixes (ECS sets ``AWS_REGION`` to "the Region where the task runs", the provider's Region the task
    definition is judged by). A Fluent Bit output's ``${VAR}`` in FireLens ``options`` is filled in when Fluent Bit
    reads the configuration FireLens writes from them, as in a file: set, but fixing an ``unless_set`` input only when
    ``VAR`` is one of these. Empty: no variable fixes one."""
    fluentd_unless_set: tuple[str, ...] | None = None
    """Set (leftovers42): the entry also judges a Fluentd output (a ``<match>`` section, or a ``<store>`` /
    ``<secondary>`` in one, of a Fluentd configuration found in any resource's text, as Fluent Bit files are found)
    whose plugin (``@type``) is one of ``refused_values``, unless one of these parameters is set in that section: the
    Fluentd plugin's own name for the setting that decides the destination (``host`` for fluent-plugin-datadog,
    ``base_uri`` for fluent-plugin-newrelic), which may differ from Fluent Bit's (``unless_set``). Only for an output
    whose Fluentd plugin was read to send to the same default as the Fluent Bit output the entry describes (one fact,
    one entry), or, since fluentd43, for a Fluentd plugin with no Fluent Bit twin (``types`` empty, no ``field``: the
    entry judges nothing else); ``[]``: the plugin is refused however its section is written. None: not a Fluentd
    output."""
    resident_in: tuple[str, ...] = ()
    """Jurisdiction codes the entry refuses nothing in; empty: none. For a service run from one hub region per area
    whatever the provider's region (Alibaba's WAF: cn-hangzhou for the Chinese mainland, ap-southeast-1 for the rest of
    the world), resident only where its hub is: listing the exceptions, not the jurisdictions refused, keeps a
    jurisdiction added later refused (fail closed)."""
    site_resident_in: dict[str, tuple[str, ...]] = {}
    """Per Alibaba Cloud account site a provider names (its ``account_type``, ``ProviderRef.site``), the jurisdictions
    resident instead of ``resident_in`` (alired52): a service whose hub is chosen by the account's site, not the
    provider's Region (Cloud Firewall: Hangzhou for a China-site account, Singapore for an ``International`` one), is
    resident in CN only while the provider does not name the international site. A provider naming no site keeps
    ``resident_in``."""
    sources: tuple[str, ...]
    """Where the behaviour is documented."""

    @model_validator(mode="after")
    def _defaults_name_a_top_level_field(self) -> GlobalService:
        # An omitted field is found by its path; a wildcard field has no one path to miss.
        if self.defaults and (self.field is None or "*" in self.field):
            raise ValueError(f"{self.id}: defaults need a field without wildcards")
        if self.default_unless and not self.defaults:
            raise ValueError(f"{self.id}: default_unless needs defaults")
        if set(self.defaults) - set(self.types):
            raise ValueError(f"{self.id}: defaults name types the entry does not list")
        if self.refused_in and self.resident_in:
            raise ValueError(f"{self.id}: give refused_in or resident_in, not both")
        if self.site_resident_in and not self.resident_in:
            raise ValueError(f"{self.id}: site_resident_in replaces resident_in for a site: give resident_in too")
        if self.fluent_bit_output and (self.field is None or not self.field.endswith(".name") or self.defaults):
            raise ValueError(f"{self.id}: a Fluent Bit output entry's field is an output's name, with no defaults")
        if set(self.platform_variables) - set(self.types) or (self.platform_variables and not self.fluent_bit_output):
            raise ValueError(f"{self.id}: platform_variables name types of a Fluent Bit output entry it lists")
        if self.fluentd_unless_set is not None and not self.fluent_bit_output and (self.types or self.field):
            # A Fluentd plugin with no Fluent Bit twin (fluentd43) judges nothing but Fluentd outputs: no types.
            raise ValueError(
                f"{self.id}: a Fluentd output entry is a Fluent Bit output entry (the same default), or has no types"
            )
        return self

    def placed_by(self, beside: Callable[[str], bool], fixed: Callable[[str], bool] | None = None) -> bool:
        """True when the inputs beside the field (``beside(path)``: set there) leave the entry's verdict standing: none
        of ``unless_set`` is set and, when the entry has ``when_set``, one of those is. ``fixed``: whether an
        ``unless_set`` input is set to a value the program fixes (a log-router file's ``${VAR}`` is set but not fixed:
        review43); ``beside`` when None."""
        if any((fixed or beside)(p) for p in self.unless_set):
            return False
        return not self.when_set or any(beside(p) for p in self.when_set)

    def judges_in(self, jurisdiction: str, site: str | None = None) -> bool:
        """True when this entry refuses anything in ``jurisdiction`` (``refused_in``, ``resident_in``, or for a
        provider naming the account ``site``, ``site_resident_in``)."""
        resident = self.resident_in if site is None else self.site_resident_in.get(site, self.resident_in)
        if jurisdiction in resident:
            return False
        return not self.refused_in or jurisdiction in self.refused_in

    def applies_to(self, type_token: str) -> bool:
        """True when this entry judges resources of ``type_token``."""
        return any(t == type_token or (t == "*" and not type_token.startswith("pulumi:")) for t in self.types)

    def refuses(self, value: str, jurisdiction: str) -> bool:
        """True when ``value`` of the field makes the resource serve data outside ``jurisdiction``."""
        v = value.strip().lower()
        if self.allowed_values:
            return v not in {a.lower() for a in self.allowed_values.get(jurisdiction, ())}
        if any(re.search(p, v) for p in self.resident_patterns.get(jurisdiction, ())):
            return False
        if any(v == r.lower() or r == "*" for r in self.refused_values):
            return True
        return any(re.search(p, v) for p in self.refused_patterns)

    def field_matches(self, path: tuple[str, ...]) -> bool:
        """True when a snake-case key path (list indexes dropped) is this entry's field."""
        assert self.field is not None
        wanted = tuple(self.field.split("."))
        if wanted[0] == "*" and len(wanted) > 1:  # any depth: the path ends with the rest
            wanted = wanted[1:]
            path = path[-len(wanted) :]
        return len(path) == len(wanted) and all(fnmatch.fnmatchcase(p, w) for p, w in zip(path, wanted, strict=True))


class AccountSetting(_Frozen):
    """A setting of an application's configuration (an EMR cluster's ``configurations_json`` properties, an EMR
    Serverless application's ``runtime_configurations``, an EMR on EKS job template's ``application_configurations``),
    matched by its key in any resource, whose value is the AWS account whose resource the application then reads and
    writes (``hive.metastore.glue.catalogid``: that account's Glue Data Catalog): judged as an account a grant names
    (RES-023: the stack's own when a provider of the stack is pinned to it, an aws-cn account by its partition in CN,
    else refused unless declared)."""

    key: str
    """The key in snake form, dashes and dots as underscores (``hive_metastore_glue_catalogid``), matched by
    ``fnmatch`` (``*``: any run of characters: the catalog name in ``spark_sql_catalog_*_glue_id``)."""
    what: str
    """What the account's resource is, for the message (``the AWS Glue Data Catalog the job's metastore reads and
    writes``)."""
    source: str
    """Where the setting is documented."""


class AccountField(TypedField):
    """An input of one resource type naming the AWS account whose Data Catalog the resource is written into
    (``account_fields``, glue43: a Glue database's ``catalog_id``, a resource link's ``target_database.catalog_id``,
    an Athena data catalog's ``parameters.catalog-id``): its value is judged as an ``account_settings`` value is
    (RES-023)."""

    what: str
    """What the account's resource is, for the message (``the AWS Glue Data Catalog this database is created in``)."""


class ConfigItem(_Frozen):
    """A setting of a resource configured as ``{config_item_key, config_item_value}`` entries (an EMR cluster's
    ``application_configs``; the older EMR cluster type's ``configs``, ``{config_key, config_value}``), or as
    ``{namespace, name, value}`` option settings (an Elastic Beanstalk environment's ``settings``, ``namespace``
    given), whose value names a host or a region, or is an application's environment variable: the value is judged
    as ``kind``, as a value under that key would be. Only the catalogued settings are read this way: the same entries
    carry every other setting of the resource (a node's one-label host name among them), each judged under its own
    name as any name/value pair is."""

    type: str
    """Pulumi type token of the resource."""
    key: str
    """The setting (``config_item_key``, or an option setting's ``name``): ``dlf.catalog.region``, ``Notification
    Endpoint``; ``*``: every setting of ``namespace``."""
    kind: Literal["host", "region", "variable"]
    """What the value names: a host data is sent to, or a region data is stored in; ``variable``: an environment
    variable of the application, judged under its own name in a map of names the user chose (an ``*_BUCKET``
    variable names a bucket, as in a Lambda function's ``environment``)."""
    namespace: str | None = None
    """The option settings' namespace (``aws:elasticbeanstalk:sns:topics``); None for ``config_item_key`` entries."""
    source: str
    """Where the setting is documented."""


class FeatureArgument(_Frozen):
    """One argument of a feature configured as ``{arg_name, arg_value}`` pairs (an Alibaba CDN domain config's
    ``function_args``, its feature named by ``function_name``): the argument's value is judged as ``kind``, as a
    value under that key would be. Only the catalogued (feature, argument) pairs are read: other arguments of the
    same shape are Host headers, SNI values or a region wildcard, no destination."""

    type: str
    """Pulumi type token of the domain-config resource."""
    function: str
    """The feature (``function_name``): ``origin_dns_host``."""
    arg: str
    """The argument (``arg_name``): ``ali_origin_dns_host``."""
    kind: Literal["host", "region"]
    """What the value names: a host data is sent to, or a region data is stored in."""
    source: str
    """Where the feature's argument is documented."""


class PhoneEndpoints(_Frozen):
    """How a phone field's value may be written besides a bare number."""

    prefixes: tuple[str, ...] = ()
    """Schemes written before the number (lower case): ``sms:directsms:`` of an MNS SMS endpoint."""
    per_message: tuple[str, ...] = ()
    """Values naming no number (lower case): the recipients come with each message, out of the stack's sight."""
    sources: tuple[str, ...]
    """Where the forms are documented."""


class RecordTypeField(_Frozen):
    """The input naming a DNS record resource's type."""

    type: str
    """Pulumi type token."""
    field: str
    """snake_case input holding the record type (``type``, ESA's ``record_type``)."""
    name_field: str | None = None
    """snake_case input holding the record's name (``name``, Alibaba Cloud DNS's ``rr``), read for ``key_names``."""
    source: str
    """Where the provider documents it."""


class KeyName(_Frozen):
    """A DNS name label under which records only publish a key or policy that verifiers look up."""

    label: str
    """The label (lower case), anywhere in the record's name: ``_domainkey``."""
    types: frozenset[str]
    """Record types (upper case) exempt under it besides ``not_destinations``: a CNAME delegating the key."""
    sources: tuple[str, ...]


class DnsRecords(_Frozen):
    """DNS record types whose value is no destination, and where each record resource names its type."""

    not_destinations: frozenset[str]
    """Record types (upper case) whose value is text or names a party that receives nothing (TXT, CAA)."""
    key_names: tuple[KeyName, ...] = ()
    """Names whose records of the listed types name no destination either (a DKIM key delegated by CNAME)."""
    type_fields: tuple[RecordTypeField, ...]
    sources: tuple[str, ...]
    """Where the record types' meanings are documented."""


class SelfAddressOutput(_Frozen):
    """Output-only attributes of a resource type that are the resource's own address."""

    type: str
    """Pulumi type token."""
    keys: frozenset[str] = frozenset()
    """snake_case output keys, or dotted paths through lists and maps (``replica_sets.connection_domain``)."""
    id_hosts: tuple[str, ...] = ()
    """Hosts the cloud documents as the resource's own address, built from its physical id (``{id}``) where no output
    carries them (a KMS instance's dedicated gateway, ``{id}.cryptoservice.kms.aliyuncs.com``)."""
    source: str
    """Where the provider documents them as outputs."""

    @model_validator(mode="after")
    def _names_an_address(self) -> SelfAddressOutput:
        if not self.keys and not self.id_hosts:
            raise ValueError(f"self_address_outputs {self.type}: give keys or id_hosts")
        for host in self.id_hosts:
            # The id must be a whole label of its own, followed by the host's fixed labels.
            if not host.startswith("{id}.") or host.count("{") != 1 or "}" in host[4:]:
                raise ValueError(f"self_address_outputs {self.type}: id_hosts {host!r} must be '{{id}}.<host>'")
        return self


class NamedValue(_Frozen):
    """A resource type that stores one named setting: its value inputs are classified by the setting's
    name, as a ``{name, value}`` pair is (an SSM parameter ``/fleet/export_region`` holds a region)."""

    type: str
    """Pulumi type token."""
    name: str
    """The snake_case input holding the setting's name."""
    values: frozenset[str]
    """The snake_case inputs holding its value."""
    source: str
    """Where the provider documents the inputs."""


HostForm = Literal[
    "host",
    "hosts",
    "replica-set",
    "sqlserver",
    "ssh",
    "remote",
    "image",
    "url",
    "resolve",
    "connect-to",
    "region",
    "log-opt",
    "aws-zone",
    "alicloud-zone",
    "alicloud-account",
    "alicloud-policy",
    "host-port",
    "oss-replication",
    "oss-policy",
    "oss-cors",
    "sls-region",
    "beat-setting",
]
"""How a script command's value names its host(s): ``host`` (``host[:port]``), ``hosts`` (a comma list), ``replica-set``
(mongosh ``rs0/a:27017,b:27017``), ``sqlserver`` (sqlcmd ``tcp:host,1433``, ``host\\instance``), ``ssh``
(``[user@]host``, ``-J`` lists), ``remote`` (scp / rsync ``[user@]host:path``), ``image`` (an image reference's registry
by Docker's rule), ``url`` (curl / wget ``[user[:password]@]host[:port][/path]`` without a scheme, guessed as http; a
word with a scheme is left to the reference scan), ``resolve`` (curl ``[+]host:port:addr[,addr]``: the addresses),
``connect-to`` (curl ``HOST1:PORT1:HOST2:PORT2``: HOST2, when given), ``region`` (a cloud CLI's ``--region``: the
region whose service endpoint the command sends its request to, judged as a region field, not a host),
``log-opt`` (docker's ``--log-opt awslogs-region=R``: the Region R, judged as ``region``; config53: an address key,
``fluentd-address=host:port``, the host as ``url``; another key: nothing), ``aws-zone`` / ``alicloud-zone`` (a cloud
CLI's zone parameter: the zone what the command creates is placed in, judged as a zone field of that cloud),
``alicloud-account`` (an Alibaba Cloud UID the call writes into, joins or grants, judged as an owner or grantee field),
``alicloud-policy`` (alired54: a RAM policy document, walked whole as the resource twin's document input is);
``oss-replication`` (alired54b: an OSS replication configuration, XML or JSON, inline or a file the script writes:
each ``Destination``'s ``Bucket`` and ``Location`` judged as oss.BucketReplication's ``destination``),
``oss-policy`` (alired55: an OSS bucket policy, inline or a file: walked as oss.BucketPolicy's ``policy``; a file no
line writes fails closed), ``oss-cors`` (alired56: an OSS CORS configuration, inline or a file, or ossutil
``cors-options``'s ``--origin``: its origins are compared with a browser's Origin header, never contacted, so they are
left out of the whole-script scan as a match field's values are), ``host-port`` (config54b: redis ``--replicaof
"host port"``, a host and its port in one word or two: the first word) and ``sls-region`` (agents62: the Logtail /
LoongCollector installer's Region argument, ``<region>``, ``<region>-internet``, ``<region>-acceleration``: the Region
of the SLS Project the agent sends to, judged as ``region``; ``auto``, the machine's own Region, names none);
``beat-setting`` (config64: a Beat's ``-E <setting>=<value>``: ``cloud.id``'s decoded Elastic Cloud host, an output's
``hosts`` / ``setup.kibana.host``; any other setting names none)."""


class ScriptCommand(_Frozen):
    """A command whose documented options or operands name the host it connects to (``script_commands``)."""

    options: dict[str, HostForm] = Field(default_factory=dict)
    """Options whose value is a destination host (``-h``, ``--host``), and the form of that value."""
    operands: HostForm | None = None
    """The form of the destination operand (``ssh ops@host``, ``nc host 443``); None: no operand is a host."""
    all_operands: bool = False
    """Every operand may be a destination (scp / rsync sources and targets); else only the first."""
    option_prefix: str | None = None
    """A prefix a long option may be written with, meaning the same option (curl's ``--expand-url``: ``--url`` whose
    value expands ``{{variables}}``)."""
    last_operand: bool = False
    """Only the last operand is the destination (``podman push image [destination]``); else the first."""
    local_prefixes: frozenset[str] = frozenset()
    """Operand prefixes naming a local file or daemon, not a host (podman push's ``dir:``, ``oci-archive:``
    transports): such an operand is not read."""
    value_options: frozenset[str] = frozenset()
    """Options that take a value (the next word), which is then not an operand (``ssh -i key host``)."""
    flags: frozenset[str] = frozenset()
    """(scripts62) Long options that take no value (the AWS CLI's ``--dry-run``, ``--recursive``): a word after one is
    no value of it (a value no reader computes spliced there may set options: ``--no-progress $EXTRA``)."""
    flag_prefixes: tuple[str, ...] = ()
    """(scripts62) Prefixes of long options that take no value (the AWS CLI's ``--no-``: the negative form of a boolean
    parameter, ``--no-cli-pager``, ``--no-dry-run``)."""
    operands_when: dict[str, frozenset[str]] = Field(default_factory=dict)
    """(alired55) The operands are read only when each option listed here is given one of its values (ossutil 1.x's
    ``--method put``: with ``get`` the file operand is where the configuration is saved, no input); matched in any case,
    as ossutil lower-cases it. Options (``options``) are read whatever these are."""
    named_options: dict[Literal["region", "zone"], HostForm] = Field(default_factory=dict)
    """Options ``options`` does not list, read by their name as an input of that name is (alired52): the form of an
    option named as a Region input (``region``: ``--TargetRegionId``, ``--cross-backup-region``, ``--RegionIds.1``) and
    of one named as a zone input (``zone``: ``--DestinationZoneId``). A command whose parameters are an API's inputs
    (the aliyun CLI's business parameters) names its Regions so; a listed option keeps its own form."""
    subcommands: dict[str, ScriptCommand] = Field(default_factory=dict)
    """Subcommands read instead of the command (``docker login``, ``docker push``)."""
    any_case: bool = False
    """config54b: the subcommands are matched in any case (a Redis command name, ``ReplicaOf``, is the server's
    ``replicaof``): a word no subcommand spells is looked up upper-cased."""
    paired: bool = False
    """config55: the operands are ``parameter value`` pairs, each parameter read as a subcommand given its one value
    (Redis 7's ``CONFIG SET parameter value [parameter value ...]``: ``CONFIG SET maxmemory 1gb replicaof "HOST
    6379"``); else only the first operand may name a subcommand, which takes every word after it."""
    line: str | None = None
    """``operands``: the command writes its operands as a line (echo), read as a line of its own when written into a
    file; ``run``: the command runs its operands joined as a line (eval), always read; an option (``-c`` of ``sh``):
    its value is script text."""
    listen_options: frozenset[str] = frozenset()
    """Options that make the command listen (``nc -l``): its operands are then its own address, not a destination."""
    wrapper: bool = False
    """The command runs the command after its options (sudo, env, timeout): that one is read."""
    skip_operands: int = 0
    """For a wrapper: operands before the command (timeout's duration); mutation55: for any other command, operands
    before its destination operand (redis-cli ``SENTINEL MONITOR <name> <ip> ...``: the master's name)."""
    entrypoints: dict[str, str] = Field(default_factory=dict)
    """scripts55: for a subcommand that is a wrapper (``docker run [OPTIONS] IMAGE [COMMAND] [ARG...]``, its image the
    operand ``skip_operands`` skips): images whose entrypoint is a catalogued command, by name without tag or digest
    (``amazon/aws-cli``: ``aws``), so that the words after the image are that command's arguments."""
    command_after: str | None = None
    """scripts55b: for a subcommand that is a wrapper, the word after which its command starts (``kubectl run NAME
    --image=IMAGE [options] -- [COMMAND] [args...]``: ``--``), its options and operands before it; None: the command
    follows the options and ``skip_operands`` (docker run's image)."""
    image_option: str | None = None
    """scripts55b: with ``command_after``, the option naming the image (``--image``) whose ``entrypoints`` entry runs
    the words after it."""
    command_options: frozenset[str] = frozenset()
    """scripts55b: with ``command_after``, flags making the words after it the container's command instead of its
    entrypoint's arguments (kubectl run's ``--command``): no entrypoint is put before them."""
    arguments_options: frozenset[str] = frozenset()
    """config56b: with ``command_after`` and ``image_option``, flags without which the words after it are the
    container's command (kubectl debug's ``--arguments-only``, "everything after -- will be passed to the new container
    as Args instead of Command"): given one, the image's ``entrypoints`` entry runs them; none listed: as
    ``command_options`` says."""
    selector_options: frozenset[str] = frozenset()
    """config56b: for a wrapper, options selecting the container themselves (crictl exec's ``--name``, ``--label``:
    "The CONTAINER-ID is only required if none of the following filter flags are set"): given one, no operand is
    skipped (``skip_operands`` is 0), the command starts right after the options."""
    block: bool = False
    """config53: an nginx block directive (``location ~ \\.php$ {``, ``server {``): where a ``{`` follows its name on
    the line (a word of its own, or glued to the next word or to the last parameter), the directive after the brace is
    read, as a wrapper's command is; without one, the entry is read as its own command (chrony's ``server``)."""
    directive: bool = False
    """mutation54: an nginx directive, which nginx ends at its ``;``, not at the line's end ("A simple directive
    consists of the name and parameters separated by spaces and ends with a semicolon"): where the name ends its line
    (``fastcgi_pass`` alone, its address on the next), its parameters are read from the lines after it up to the
    ``;``."""
    assignment: bool = False
    """The command is written ``Name=command line`` (a systemd unit's ``ExecStart=``): the value runs, after
    ``exec_prefixes``."""
    exec_prefixes: str = ""
    """Characters that may precede an assignment's executable (systemd's ``@-:+!``); with ``@`` the word after the
    executable is its argv[0], not an argument."""
    runs_file: bool = False
    """agents62: a shell that, given neither its ``line`` option nor ``-s``, runs the file its first operand names with
    the words after it as that file's arguments (bash(1) "Invoking Bash": "If arguments remain after option processing,
    and neither the -c nor the -s option has been supplied, the first argument is assumed to be the name of a file
    containing shell commands"; sh(1) the same): ``bash logtail.sh install R`` is read as ``logtail.sh install R``."""
    line_flag: bool = False
    """(mutation64) The ``line`` option is a flag, not an option taking a value: the script text is the first operand
    after the options (bash(1) "OPTIONS": "-c If the -c option is present, then commands are read from the first
    non-option argument command_string"; sh(1p) "-c Read commands from the command_string operand"), so the letter
    may stand anywhere in a group of one-letter flags (``bash -ce '...'``, ``sh -cx '...'``); su's ``-c`` takes a
    value (getopt: only last in a group)."""
    line_aliases: frozenset[str] = frozenset()
    """(scripts65) The ``line`` option's other spellings, alone or with their value after ``=`` (su(1) / runuser(1):
    "-c, --command=command Pass command to the shell with the -c option", "--session-command=command Same as -c");
    a ``line`` that is no flag (``line_flag`` false) also takes a value attached to it (getopt: ``su USER -c'...'``)."""
    wrapper_options: frozenset[str] = frozenset()
    """(scripts65) Options given which the command is a wrapper (the command after its options runs), else it is read
    by its ``line`` option (runuser(1): "runuser [options] -u user [[--] command [argument...]]" / "runuser [options]
    [-] [user [argument...]]": without ``-u`` it "falls back to su-compatible semantics")."""
    cloud: Literal["aws", "alicloud"] | None = None
    """The cloud whose Regions the command's region values name (the aws CLI's are AWS's, the Alibaba Cloud CLI's
    Alibaba Cloud's), whatever cloud the machine running it is in; None: either cloud's (mutation52)."""
    source: str | None = None
    """The command's manual or documentation (required for the catalogue's top-level entries)."""


class VpcLinkMaker(_Frozen):
    """A resource that makes an API Gateway VPC link (``vpc_links.links``)."""

    type: str
    targets: tuple[str, ...]
    """The inputs naming where the link's traffic goes (judged where they are written, as any ARN or id)."""
    source: str


class PrivateIntegration(_Frozen):
    """An API Gateway integration that may be private (``vpc_links.integrations``): through a VPC link when its
    ``connection_type`` input is one of ``values``."""

    type: str
    connection_type: str
    """The input (snake_case) saying whether the integration is private."""
    values: frozenset[str]
    """Its values (upper case) that make the integration private."""
    connection: str
    """The input (snake_case) naming the VPC link."""
    host_header: str | None = None
    """The input that, through a link the program makes, only sets the Host header (names no destination); None when
    the integration has none (an HTTP API's private ``integration_uri`` is where the traffic goes)."""
    targets: tuple[str, ...] = ()
    """The inputs naming the load balancer or service the requests reach (judged where they are written)."""
    source: str

    def private(self, value: Any) -> bool:
        """Whether ``connection_type``'s value makes the integration private."""
        return isinstance(value, str) and value.upper() in self.values


class BodyIntegration(_Frozen):
    """A private integration written in an API's OpenAPI document (``vpc_links.bodies``, since stop 42): an
    ``object`` (``x-amazon-apigateway-integration``) anywhere in the resource's ``input`` (``body``) whose
    ``connection_type`` key is one of ``values`` and whose ``connection`` key is the id of a VPC link the program
    makes (the body computed from that link's id): its ``host_header`` key then only sets the Host header."""

    type: str
    input: str
    """The resource's input holding the OpenAPI document (snake_case)."""
    object: str
    """The OpenAPI extension holding one integration (as written)."""
    connection_type: str
    """Its key saying whether the integration is private (as written: camelCase)."""
    values: frozenset[str]
    connection: str
    """Its key naming the VPC link by id."""
    host_header: str
    """Its key that, through a link the program makes, only sets the Host header."""
    source: str

    def private(self, value: Any) -> bool:
        """Whether ``connection_type``'s value makes the integration private."""
        return isinstance(value, str) and value.upper() in self.values


class VpcLinks(_Frozen):
    """API Gateway private integrations (``vpc_links``; the rule since stop 40, data since stop 41)."""

    links: tuple[VpcLinkMaker, ...] = ()
    integrations: tuple[PrivateIntegration, ...] = ()
    bodies: tuple[BodyIntegration, ...] = ()
    """Private integrations written in an API's OpenAPI body (since stop 42)."""

    @functools.cached_property
    def body_by_type(self) -> Mapping[str, BodyIntegration]:
        """The body private-integration entry of each API type."""
        return {entry.type: entry for entry in self.bodies}

    @functools.cached_property
    def link_types(self) -> frozenset[str]:
        """The types of the resources that make a VPC link."""
        return frozenset(link.type for link in self.links)

    @functools.cached_property
    def by_type(self) -> Mapping[str, PrivateIntegration]:
        """The private-integration entry of each integration type."""
        return {entry.type: entry for entry in self.integrations}


class EndpointCatalogue(_Frozen):
    """The whole endpoint catalogue."""

    version: str
    aws: CloudEndpoints
    alicloud: CloudEndpoints
    host_decorations: tuple[str, ...]
    property_urls: tuple[PropertyUrl, ...] = ()
    """JDBC URL schemes whose authority holds connection properties naming the Region (Athena's drivers)."""
    host_keys: frozenset[str]
    not_host_keys: frozenset[str] = frozenset()
    """Keys (snake_case) that end in a host key but name no destination, matched like host keys (on the key or as
    a ``_<key>`` suffix): a reply-to address ends in ``to_address`` and receives nothing the mail carries."""
    host_key_prefixes: frozenset[str] = frozenset()
    """Keys (snake_case) named by how they start, ``<prefix>_<anything>``, that hold a host as a host key does: the
    Alibaba Cloud provider's ``ALIBABA_CLOUD_ENDPOINT_<PRODUCT>`` variables."""
    encoded_host_keys: dict[str, Literal["elastic-cloud-id"]] = Field(default_factory=dict)
    """(config64) Keys (snake_case, lower case, matched whole) whose value encodes the host the tool sends to, and the
    encoding (``elastic-cloud-id``: Fluent Bit's and Fluentd's ``cloud_id``): a value that decodes is judged as that
    host; a ``when_set`` input of a global-service entry so named counts as set only where it does not decode."""
    host_pattern_keys: frozenset[str] = frozenset()
    """(alired58) Host keys (snake_case, matched like host keys) whose value is an allow-list of host patterns the
    service connects to (Elasticsearch's ``reindex.remote.whitelist``): a ``*`` in a pattern matches any text, so the
    pattern names every host it matches."""
    user_keyed_maps: frozenset[str] = frozenset()
    """Keys (snake_case) whose map holds names the user chose, such as environment variables: a free-text
    name among them (a variable ``DESCRIPTION``) is data like any other, not a field for humans."""
    user_keyed_fields: tuple[TypedField, ...] = ()
    """Inputs of one resource type whose map holds names the user chose although the key is generic
    (CloudFormation stack ``parameters``)."""
    event_built_fields: tuple[TypedField, ...] = ()
    """Where an event service's target parameter (``{form, value, template}``) may build its value from each event at
    run time (a form other than ``CONSTANT``): at a host-named parameter the destination is then unproven."""
    placeholder_documents: tuple[TypedField, ...] = ()
    """Inputs holding an OOS template, whose ``{{ name }}`` placeholders take its declared ``Parameters``: each is
    filled in with the value the execution gives (``parameters``) or the ``Default`` before the template is read."""
    builtin_placeholder_fields: tuple[BuiltinPlaceholderField, ...] = ()
    """Script inputs whose built-in ``{{ ACS::RegionId }}`` is the region they run in (Cloud Assistant)."""
    instance_region_commands: tuple[InstanceRegionCommand, ...] = ()
    """Commands a script an instance runs assigns the instance's own Region with (EC2 instance metadata)."""
    cli_config_files: tuple[ConfigFile, ...] = ()
    """Files a script writes that a cloud CLI or SDK reads its Region and endpoints from (scripts48)."""
    app_config_files: tuple[ConfigFile, ...] = ()
    """Files a script writes whose name says their format (``.json``, ``.yaml``, ``.ini``): an application's settings,
    read by key as resource inputs are (scripts49)."""
    instance_region_filters: tuple[InstanceRegionFilter, ...] = ()
    """Filters those commands may be piped through, the Region unchanged (``tr -d '\\n'``; scripts48)."""
    one_word_commands: tuple[OneWordCommand, ...] = ()
    """Commands whose output is one word never beginning with ``-`` (``mktemp``; the lead, stop 61)."""
    destination_fields: tuple[DestinationField, ...]
    vpc_links: VpcLinks = Field(default_factory=VpcLinks)
    """API Gateway private integrations: which resources make a VPC link, and which integration inputs it changes."""
    dns_records: DnsRecords | None = None
    """DNS record types whose value is no destination (``destination_fields`` and host keys of such a record are
    not judged as destinations)."""
    oss_bucket_fields: tuple[TypedField, ...] = ()
    principal_keys: frozenset[str]
    service_principal_fields: tuple[TypedField, ...] = ()
    """Inputs of one resource type whose value names the service an identity is made or enabled for (an AWS service
    principal Organizations trusts, the service an IAM or Resource Directory service-linked role is made for): a
    principal-shaped host there is exempt as under :attr:`principal_keys`, where the key alone would be too wide."""
    principal_containers: frozenset[str] = frozenset()
    principal_container_sources: tuple[str, ...] = ()
    bucket_keys: frozenset[str]
    variable_bucket_keys: frozenset[str] = frozenset()
    """Endings of an environment variable's name (a key of a user-keyed map) whose value is an S3 bucket name
    (``EXPORT_BUCKET``, ``LOG_BUCKET_NAME``): judged as under a bucket key, on AWS resources."""
    bucket_types: frozenset[str]
    bucket_standin_types: frozenset[str] = frozenset()
    """Types (not buckets) whose provider-made ``id`` stands where a bucket name is written in a path that names a
    bucket or that resource (an EFS file system's ``fs-...`` as the first item of a Transfer Family home directory): the
    id a value's producer of such a type gives proves that first item (``RuleEngine.produced_by``)."""
    region_fields: tuple[RegionField, ...]
    region_id_fields: tuple[RegionIdField, ...] = ()
    """Inputs whose identifier begins with the Region of what it names (``<region>_<id>``): that Region is judged."""
    granted_account_fields: tuple[TypedField, ...] = ()
    """Inputs of one resource type, outside any policy document, that name an AWS account (a 12-digit id or an IAM
    ARN) the resource is granted or copied to (a KMS grant's ``grantee_principal``, a Redshift endpoint authorization's
    ``account``, ECR replication's ``registry_id``, a Lambda permission's ``principal``): judged as a policy's principal
    is (RES-023)."""
    written_account_fields: tuple[WrittenAccountField, ...] = ()
    """Inputs of one resource type naming, by its ARN, the resource the stack writes its data into (an EventBridge
    target, an SNS subscription's endpoint, a log subscription's destination, a dead-letter queue): the ARN's account
    owns what is written and is judged as a granted account (RES-023); the ARN's Region is judged as any ARN's. A value
    that is no ARN with an account (an e-mail address, an SMS number, an S3 bucket's ARN) is judged as before."""
    made_account_arns: tuple[MadeArnOutput, ...] = ()
    """Outputs (``output``, top-level) of one resource type that are the resource's own ARN, naming the account it is
    made in (a RAM role's or an IAM role's ``arn``): a value that IS that output of a resource the stack makes with the
    same provider as the resource naming it is in that provider's account, the deploying one (RES-023; stop 42)."""
    delivery_actions: tuple[DeliveryActions, ...] = ()
    """Per service, the actions that only hand data into the resource (``sqs:SendMessage``, ``events:PutEvents``): a
    statement allowing nothing else grants its accounts nothing of the stack's (RES-023, stop 47)."""
    public_access: PublicAccess | None = None
    """What grants everyone access (RES-024): policy principals, canned ACLs, permissions to ``*``."""
    region_keyed_maps: tuple[TypedField, ...] = ()
    """Maps of one resource type whose keys are regions (a DataZone blueprint's ``regional_parameters``): each key is
    judged as a region field's value."""
    typed_region_fields: tuple[TypedField, ...] = ()
    """Inputs of one resource type that hold a region although no token of their key says so (a VOD editing project's
    ``division``): judged as region fields in that type only, so the same key elsewhere keeps its own meaning."""
    typed_zone_fields: tuple[TypedField, ...] = ()
    """Inputs of one resource type that hold a zone (name or zone id) although their key does not end like a zone
    field (an RDS instance's ``zone_id_slave_a``, a PolarDB cluster's ``standby_az``, an S3 directory bucket's
    ``location.name``): judged as zone fields in that type only."""
    self_address_outputs: tuple[SelfAddressOutput, ...] = ()
    host_paths: tuple[RegionField, ...] = ()
    bucket_paths: tuple[RegionField, ...] = ()
    identifier_hosts: IdentifierHosts | None = None
    server_groups: ServerGroups | None = None
    service_names: ServiceNames | None = None
    match_fields: tuple[TypedField, ...] = ()
    script_fields: tuple[TypedField, ...] = ()
    """(type, key path) pairs whose value is script text a machine runs although no payload key names it (an SSM Command
    document's ``mainSteps[].inputs.runCommand`` lines): read like a script payload (assignments, script_commands)."""
    containers: tuple[ContainerField, ...] = ()
    """(ecs61) (type, key path) of one container definition (an ECS task's ``container_definitions``, a Batch job's
    ``container_properties``): its image, entry point, command and variables read as the ``docker run`` line the
    definition is (:meth:`RuleEngine._judge_container`)."""
    container_forms: dict[str, ContainerForm] = {}
    """(k8s62) Each container API's keys, by the name ``containers`` entries give as their ``form``."""
    helm: Helm | None = None
    """(k8s63) The charts ``helm install`` / ``upgrade`` / ``template`` may install whose values name destinations."""
    joined_scripts: tuple[JoinedScript, ...] = ()
    """Documents whose script lists one shell runs in order (scripts51: a buildspec's phases), each list read on
    its own as a ``script_fields`` entry and joined by :meth:`RuleEngine._judge_joined_script`."""
    match_keys: frozenset[str] = frozenset()
    """Keys (snake_case, in any resource, matched on the key or as a ``_<key>`` suffix) whose value is a list
    compared with requests, never contacted: ``no_proxy``, the hosts an HTTP client reaches without its proxy;
    ``cors_origins``, the origins a server compares a request's Origin header with. An entry with a dot is a
    key as written, ``*`` for any part of it (``projection.*.values``, an Athena partition-projection enum)."""
    match_key_sources: tuple[str, ...] = ()
    payload_keys: frozenset[str] = frozenset()
    """Keys (snake_case, in any resource) whose value may be base64 text that runs or is read on a machine (user
    data, an ECS Cloud Assistant command, a notebook lifecycle script): decoded and judged like the text itself."""
    payload_key_sources: tuple[str, ...] = ()
    payload_scripts: frozenset[str] = frozenset()
    """Key paths (dotted, snake_case) inside a payload's YAML document that are themselves script text: a
    cloud-config's ``runcmd`` and ``bootcmd`` items (shell commands) and ``write_files.content`` (a file the machine
    reads, written or base64): each is read like a script payload, so its host assignments are destinations."""
    payload_script_sources: tuple[str, ...] = ()
    payload_script_files: dict[str, str] = Field(default_factory=dict)
    """A payload script's key path (``list.key``) -> the key beside it naming the file it is written to
    (``write_files.content`` -> ``path``): content written to a file the script reader knows (/etc/hosts) is read as
    that file's lines, as where a script writes the file."""
    sdk_region_variables: frozenset[str] = frozenset()
    """The environment variables the clouds' CLIs and SDKs take their Region from (scripts53b): an assignment of one in
    a script (``export AWS_REGION=$R``) is where every later call goes, so a variable holding a command substitution
    the engine cannot compute fails closed there as at a command's ``--region``; a script's own variable
    (``REGION=$R``) is judged where it is used."""
    sdk_region_variable_sources: tuple[str, ...] = ()
    log_router_files: tuple[str, ...] = ()
    """Regular expressions of the paths a script's heredoc may write that are a log router's configuration file
    (fluentd43: ``/etc/fluent-bit/fluent-bit.conf``, ``/etc/td-agent/td-agent.conf``): such a body is read as the
    Fluent Bit or Fluentd configuration it is, as the same text found in any other input."""
    log_router_files_sources: tuple[str, ...] = ()
    log_router_options: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """config58: a log router's command and its options naming the configuration file it reads (Fluent Bit's ``-c`` /
    ``--config``, Fluentd's): a file a script writes and names there is that router's configuration whatever its path,
    and so is a file such a configuration's ``@INCLUDE`` names (a wildcard pattern, a name relative to its
    directory)."""
    script_commands: dict[str, ScriptCommand] = Field(default_factory=dict)
    """Commands (by name, as a script runs them) whose listed options or operands are destination hosts: read in
    script payloads only (``payload_keys``, ``payload_scripts``) by :mod:`components.residency.scripts`."""
    text_fields: tuple[TypedField, ...] = ()
    """Inputs of one resource type that are text for humans inside a document (OpenAPI contact and license
    URLs, a dashboard's Markdown): shown or published, never fetched or sent to; judged like ``match_fields``."""
    runtime_destinations: tuple[RuntimeDestination, ...] = ()
    """Workflow fields naming where a state writes, refused when their value is chosen at run time."""
    switched_off_regions: tuple[SwitchedOffRegion, ...] = ()
    """Region fields not judged while the setting turns the region off (an account's Region opt-out)."""
    created_hosts: tuple[CreatedHost, ...] = ()
    """DNS records whose name, once this stack makes them, proves that host (an alias target naming a record of the
    same zone): :meth:`~components.residency.engine.RuleEngine.created_name`."""
    created_zones: tuple[CreatedZone, ...] = ()
    """Hosted zones this stack makes, by the input holding the zone's name (``path``): the names that complete a
    ``created_hosts`` record name given relative to its zone (``completed_by_zone``)."""
    private_use_suffixes: tuple[PrivateUseSuffix, ...] = ()
    """DNS suffixes no public resolver answers for (``internal``, ``home.arpa``): a name under one that an address
    record of a private zone this stack makes gives is proven wherever it is written (only that zone, or a resolver
    the network's owner configures, answers for it)."""
    service_accounts: tuple[ServiceAccounts, ...] = ()
    """AWS services' own accounts by Region (the Elastic Load Balancing account an access-log bucket policy lets write):
    a grant to one is judged by its Region (RES-023)."""
    name_servers: NameServers | None = None
    """DNS services' name-server host shapes (Route 53's ``ns-<n>.awsdns-<nn>.<tld>``) and the inputs naming a
    domain's name servers (an NS record's value, a registered domain's ``name_servers[].name``): a matching host there
    is proven where the jurisdiction holds the shape's partition, and only there."""
    created_server_buckets: tuple[TypedField, ...] = ()
    """Inputs naming a bucket inside a database this stack makes (a Timestream for InfluxDB instance's ``bucket``): a
    ``*_BUCKET`` variable (``variable_bucket_keys``) holding that very name names that server bucket, no S3 bucket."""
    same_region_buckets: tuple[TypedField, ...] = ()
    bucket_prefix_fields: tuple[TypedField, ...] = ()
    """Inputs whose value is an S3 bucket name optionally followed by a key prefix (``<bucket>/<prefix>``, CodeBuild's
    S3 log location): the bucket, its first segment, is judged as under a bucket key; a URL or ARN there as usual."""
    server_buckets: tuple[TypedField, ...] = ()
    """Inputs naming a bucket of a self-managed object store whose server another input of the resource names
    (a DataSync object-storage location's ``bucket_name`` on its ``server_hostname``): not an S3 bucket, so the
    name is not judged as one; where the bucket is, is the server's host, judged as a destination."""
    properties_documents: tuple[TypedField, ...] = ()
    """Inputs of one resource type holding a Java ``.properties`` file, written or base64-encoded (an MSK Connect
    worker configuration's ``connect-distributed.properties``): parsed into its keys and values and walked as a
    document, so ``config.providers.secretManager.param.region=us-east-1`` is a region field."""
    ini_documents: tuple[TypedField, ...] = ()
    """Inputs of one resource type holding a PHP ini file (an SAE application's ``php_config``, its php.ini):
    parsed like ``properties_documents`` (``;`` comments, ``[section]`` headers, quoted values), so
    ``xdebug.client_host = debug.partner.example.com`` is a host key's value, a destination."""
    attribute_documents: tuple[TypedField, ...] = ()
    """(awsred60) Inputs of one resource type holding ``name=value`` attributes separated by semicolons (a DMS
    endpoint's ``extra_connection_attributes``): each pair walked as a document's key and value, so
    ``broker=kafka.partner.example.com:9092`` is a host key's value and ``bucketName=...`` a bucket key's."""
    sql_documents: tuple[TypedField, ...] = ()
    """Inputs of one resource type holding a Flink SQL script (a Realtime Compute deployment's ``sql_script``): each
    ``WITH ('key' = 'value', ...)`` clause is walked as a document, so a Kafka sink's
    ``'properties.bootstrap.servers' = 'kafka.partner.example.com:9092'`` is a host key's value, a destination."""
    stack_templates: tuple[StackTemplate, ...] = ()
    """Template inputs whose placeholders (``${AWS::Region}``, ``${AWS::Partition}``) are the resource's own region
    and partition, judged as such, and whose bucket resources are made by the stack."""
    stack_set_instances: tuple[StackSetInstances, ...] = ()
    """(stackinst50) The Pulumi types making stack instances of a StackSet the program may make, and how they name it
    and override its template's Parameters."""
    template_attributes: tuple[TemplateAttribute, ...] = ()
    """What a template's own resources give by Ref / Fn::GetAtt that names them in the stack's own region; any other
    attribute of a template resource is unproven."""
    template_services: tuple[TemplateService, ...] = ()
    """Template resource types that are a global service (``global_services``), judged by its entry."""
    template_bucket_fields: tuple[TemplateBucketField, ...] = ()
    """Template resource properties naming a bucket where no bucket key says so (ROS's ``OssBucketName``)."""
    regional_buckets: tuple[RegionalBucket, ...] = ()
    s3_bucket_hosts: S3BucketHosts | None = None
    """The S3 host shapes that name a bucket: ``<bucket>.s3.<region>.amazonaws.com``, and
    ``s3.<region>.amazonaws.com/<bucket>/`` (path style)."""
    """AWS-owned buckets named after their region (``eu-west-1.elasticmapreduce``): proven by that region."""
    named_values: tuple[NamedValue, ...] = ()
    region_key_clouds: Mapping[str, frozenset[str]] = Field(default_factory=dict)
    """Cloud -> key tokens that make a region field (one that may name either cloud's) name that cloud's."""
    phone_fields: tuple[PhoneField, ...] = ()
    feature_arguments: tuple[FeatureArgument, ...] = ()
    """Arguments of ``{arg_name, arg_value}`` feature settings whose value names a host or a region."""
    config_items: tuple[ConfigItem, ...] = ()
    """Settings given as ``{config_item_key, config_item_value}`` entries whose value names a host or a region."""
    phone_endpoints: PhoneEndpoints | None = None
    """The scheme-prefixed and per-message forms a phone field's value may take (``sms:directsms:...``)."""
    country_fields: tuple[TypedField, ...] = ()
    account_settings: tuple[AccountSetting, ...] = ()
    """Application settings, by key, whose value is the AWS account whose resource the application uses (RES-023)."""
    account_fields: tuple[AccountField, ...] = ()
    """Inputs, by type and key path, whose value is the AWS account whose Data Catalog the resource is written into
    (RES-023, judged as ``account_settings`` values are; glue43)."""
    site_fields: tuple[TypedField, ...] = ()
    """Inputs naming where data goes in free text no catalogue can place (an Express Connect circuit's far end, the
    customer's data centre): any value is an unproven destination (RES-015), declared only by its exact text."""
    acl_grantee_fields: tuple[AclGranteeField, ...] = ()
    """ACL grantees named by an identity that is no account number (an S3 canonical user id, an e-mail address):
    another identity than the ACL's owner is a granted account (RES-023) unless declared."""
    global_group_fields: tuple[GroupField, ...] = ()
    """Inputs that join a multi-region group (a global database or datastore, a Direct Connect gateway, a CEN), or
    name a resource whose region nothing else gives (an EFS replication's existing destination), by its id."""
    global_group_types: Mapping[str, str] = Field(default_factory=dict)
    """Type token -> the input naming the global group a resource of that type creates."""
    global_services: tuple[GlobalService, ...]

    @model_validator(mode="after")
    def _template_services_are_catalogued(self) -> EndpointCatalogue:
        for c in self.containers:  # k8s62: a form no entry of container_forms names would read no container
            if c.form not in self.container_forms:
                raise ValueError(f"containers {c.type} {c.path}: no container form {c.form!r}")
        services = {s.id for s in self.global_services}
        for entry in self.template_attributes:
            if entry.service is not None and entry.service not in services:
                raise ValueError(f"template_attributes {entry.type}: no global service {entry.service!r}")
        by_id = {s.id: s for s in self.global_services}
        for t in self.template_services:
            service = by_id.get(t.service)
            if service is None:
                raise ValueError(f"template_services {t.service!r}: no such global service")
            # A field entry needs the template's field (else every resource of the type would be refused); a
            # whole-resource entry has none to read.
            if (service.field is None) != (t.field is None):
                raise ValueError(
                    f"template_services {t.service!r}: field must be given exactly when the service has one"
                )
            # (awsred56b) when_set is read in templates too, by the template's names: left out, every output of the
            # refused names would be refused (an `es` output to its Host, a false alarm).
            if bool(service.when_set) != bool(t.when_set):
                raise ValueError(f"template_services {t.service!r}: when_set is given exactly when the service's is")
            # (awsred56) The template reads the Pulumi entry's exceptions by its own names: one left out would refuse
            # a compliant template (a health check with its Regions), one given without the entry's would judge none.
            if bool(service.unless_set) != bool(t.unless_set):
                raise ValueError(f"template_services {t.service!r}: unless_set is given exactly when the service's is")
            if bool(service.default_unless and t.defaults) != bool(t.default_unless):
                raise ValueError(f"template_services {t.service!r}: default_unless is given exactly with the defaults")
            if (t.unless_set or t.default_unless or t.keys or t.when_set) and (t.field is None or "*" in t.field):
                raise ValueError(
                    f"template_services {t.service!r}: unless_set / default_unless / keys / when_set need a field"
                )
            if set(t.defaults) - t.types:
                raise ValueError(f"template_services {t.service!r}: defaults name types the entry does not list")
            # (alired53) a wildcard names a whole namespace, nothing narrower: `ALIYUN::ESA::*`.
            for kind in t.types:
                if "*" in kind and (not kind.endswith("::*") or kind.count("*") > 1 or kind.count("::") != 2):
                    raise ValueError(f"template_services {t.service!r}: {kind!r}: a wildcard is a namespace's `::*`")
        return self

    def region_id_separator(self, cloud: str, key: str, type_token: str) -> str:
        """The separator after the Region an identifier under ``key`` (snake_case) of ``type_token`` begins with
        (``region_id_fields``), or ``""``. Asked once per place (the engine's key plan is a memo)."""
        return next(
            (f.separator for f in self._region_id_index.get((cloud, key), ()) if not f.types or type_token in f.types),
            "",
        )

    @functools.cached_property
    def _region_id_index(self) -> Mapping[tuple[str, str], tuple[RegionIdField, ...]]:
        index: dict[tuple[str, str], tuple[RegionIdField, ...]] = {}
        for entry in self.region_id_fields:
            index[(entry.cloud, entry.key)] = (*index.get((entry.cloud, entry.key), ()), entry)
        return index

    @functools.cached_property
    def created_host_types(self) -> Mapping[str, CreatedHost]:
        """Type token -> its ``created_hosts`` entry (one per type)."""
        return {entry.type: entry for entry in self.created_hosts}

    @functools.cached_property
    def created_zone_types(self) -> Mapping[str, CreatedZone]:
        """Type token -> its ``created_zones`` entry (one per type)."""
        return {entry.type: entry for entry in self.created_zones}

    def self_address_keys(self, type_token: str) -> frozenset[str]:
        """The output-only keys of ``type_token`` that hold the resource's own address (snake_case)."""
        return self._self_address_index.get(type_token, frozenset())

    def self_address_hosts(self, type_token: str) -> tuple[str, ...]:
        """The host templates (``{id}.<host>``) of ``type_token``'s own address built from its physical id."""
        return self._self_address_hosts.get(type_token, ())

    @functools.cached_property
    def _self_address_hosts(self) -> Mapping[str, tuple[str, ...]]:
        index: dict[str, tuple[str, ...]] = {}
        for entry in self.self_address_outputs:
            index[entry.type] = (*index.get(entry.type, ()), *entry.id_hosts)
        return {t: hosts for t, hosts in index.items() if hosts}

    @functools.cached_property
    def _self_address_index(self) -> Mapping[str, frozenset[str]]:
        # Asked for every dependency of every value the guard holds: one lookup, not a scan of the entries.
        index: dict[str, set[str]] = {}
        for entry in self.self_address_outputs:
            index.setdefault(entry.type, set()).update(entry.keys)
        return {t: frozenset(keys) for t, keys in index.items()}

    @functools.cached_property
    def vpc_service_host_clouds(self) -> Mapping[str, str]:
        """(falsealarm54b) Each cloud's VPC endpoint hosts (``vpc_service_hosts``) -> the cloud whose resources reach
        them inside their own network."""
        return {
            **{host: "aws" for host in self.aws.vpc_service_hosts},
            **{host: "alicloud" for host in self.alicloud.vpc_service_hosts},
        }

    @functools.cached_property
    def unused_setting_files(self) -> tuple[tuple[ConfigFile, ...], tuple[str, ...]]:
        """(falsealarm54b) The config files with settings a script may leave unused (``ConfigFile.unused_settings``),
        and those settings' names: the substring test before a scan of the whole text drops their lines."""
        files = tuple(c for c in (*self.cli_config_files, *self.app_config_files) if c.unused_settings)
        return files, tuple(sorted({k for c in files for k in c.unused_settings}))

    @staticmethod
    def key_paths(fields: tuple[RegionField, ...]) -> frozenset[tuple[str, ...]]:
        """The key paths of ``fields`` (``region_fields``, ``host_paths``, ``bucket_paths``: any type), as
        the engine's per-place plan matches them (against the last keys of a value's path)."""
        return frozenset(tuple(f.path.split(".")) for f in fields)

    def switched_off_paths(self) -> Mapping[str, tuple[tuple[tuple[str, ...], str, bool], ...]]:
        """Type token -> (key path, switch input, value turning the region off) of its ``switched_off_regions``."""
        paths: dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]] = {}
        for f in self.switched_off_regions:
            paths[f.type] = (*paths.get(f.type, ()), (tuple(f.path.split(".")), f.when, f.value))
        return paths

    def runtime_paths(self) -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
        """Type token -> (key path, task resources) of its fields naming where a workflow's state writes
        (``runtime_destinations``)."""
        paths: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
        for f in self.runtime_destinations:
            paths[f.type] = (*paths.get(f.type, ()), (tuple(f.path.split(".")), f.resources))
        return paths

    def account_field_paths(self) -> Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]:
        """Type token -> (key path, what the account owns) of its ``account_fields`` (glue43)."""
        paths: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
        for f in self.account_fields:
            paths[f.type] = (*paths.get(f.type, ()), (tuple(f.path.split(".")), f.what))
        return paths

    def setting_words(self) -> tuple[str, ...]:
        """The longest word of each ``account_settings`` key (``metastore``, ``catalog``, ``warehouse``): a string
        holding none of them holds no such setting written as ``key=value`` (glue43)."""
        return tuple(sorted({max(re.split(r"[_*]", a.key), key=len) for a in self.account_settings}))

    @staticmethod
    def typed_paths(fields: tuple[TypedField, ...]) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """Type token -> the key paths of its fields, as the engine's per-place plan matches them."""
        paths: dict[str, tuple[tuple[str, ...], ...]] = {}
        for f in fields:
            paths[f.type] = (*paths.get(f.type, ()), tuple(f.path.split(".")))
        return paths


def _parse(raw: Any, source: str) -> EndpointCatalogue:
    try:
        return EndpointCatalogue.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CatalogueError(f"{source}: {where}: {first['msg']}. Fix: correct that entry") from None


@functools.lru_cache(maxsize=2)
def load_endpoints(path: Path = ENDPOINTS_FILE) -> EndpointCatalogue:
    """Load and validate the endpoint catalogue (cached: immutable data)."""
    try:
        raw = load_yaml(
            path, what="endpoint catalogue", missing_fix="restore the file", fix="correct the syntax", cached=True
        )
    except YamlFileError as exc:
        raise CatalogueError(str(exc)) from None
    if not isinstance(raw, dict):
        raise CatalogueError(f"{path}: expected a mapping at the top level. Fix: restore the file from git")
    return _parse(raw, str(path))
