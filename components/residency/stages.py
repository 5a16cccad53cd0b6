"""The join of an API Gateway integration to the Stages of its API (stage-variables join, stop 37; hosts, stop 39).

An S3 integration's ``uri`` may take its bucket from a stage variable (``arn:aws:apigateway:<region>:s3:path/
${stageVariables.bucket}/{key}``, or a path placeholder mapped to ``stageVariables.bucket``): which bucket is called
depends on the Stage the request came through ("Use stage variables for a REST API in API Gateway",
https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html; "AWS integration URIs: A stage
variable can be used as part of AWS URI action or path components" and "Parameter mapping expressions:
stageVariables.<variable_name>",
https://docs.aws.amazon.com/apigateway/latest/developerguide/aws-api-gateway-stage-variables-reference.html, the same
page in the China Regions' guide on docs.amazonaws.cn; a Stage's ``variables``, "Map that defines the stage variables",
https://www.pulumi.com/registry/packages/aws/api-docs/apigateway/stage/). It is proven
when every Stage of the same RestApi the program makes sets that variable, and each Stage's value is itself judged as
a bucket (RES-017: the stack's own bucket or a declared one). The engine asks two questions through its ``known``
predicate (:func:`with_stages` answers them for a resource from the :class:`StageJoin` of the whole stack):

- an Integration: ``SET_BY_EVERY_STAGE + <name>``: at least one Stage of its API is in the program and every one sets
  ``<name>`` (a Stage the console, the CLI or another stack adds is outside the program: without a Stage it stays
  refused);
- a Stage: ``READ_AS_BUCKET + <name>``: an Integration of its API reads ``${stageVariables.<name>}`` as its bucket, so
  the Stage's value of ``<name>`` is judged as a bucket there (as a host elsewhere, ``destination_fields``).

Since stop 39 the same join proves a HOST taken from a stage variable: an HTTP / HTTP_PROXY integration whose ``uri``
(an HTTP API's ``integration_uri``) has ``${stageVariables.<name>}`` in its authority (``https://${stageVariables.backend}
/orders``, ``http://${stageVariables.host}``, ``http://${stageVariables.alb}.example.com``; "HTTP integration URIs",
same reference page; a REST path placeholder mapped to ``stageVariables.<name>`` too). A stage variable's value may hold
``/``, ``?``, ``#`` and ``:`` ("the values must match [A-Za-z0-9-._~:/?#&=,]+", CreateDeployment / CreateStage
``variables``, https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html), so a fixed domain after the
variable proves nothing: ``partner.example.com/`` there sends every request to the partner. The Integration asks
``SET_BY_EVERY_STAGE`` as for a bucket; a Stage asks :func:`~components.residency.known.read_as_host` for the URL
templates its API's Integrations read ``<name>`` in (:meth:`StageJoin.host_templates`), and the engine judges each
template with the Stage's value written in. HTTP APIs (``aws:apigatewayv2``) join their Stages' ``stage_variables`` by
``api_id`` ("Use stage variables for HTTP APIs",
https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.stage-variables.html); a REST Stage's
canary (``canary_settings.stage_variable_overrides``, "Map of overridden stage variables (including new variables) for
the canary deployment", https://www.pulumi.com/registry/packages/aws/api-docs/apigateway/stage/) serves its requests
with its own variables: a second set of variables that must set the name too, its values judged as the Stage's.

Since stop 40 a RestApi's OpenAPI ``body`` is a member too: each ``x-amazon-apigateway-integration`` object in it
(``uri``, ``requestParameters``; "x-amazon-apigateway-integration object",
https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html) reads
stage variables as an Integration resource's ``uri`` does, and asks the same question at the RestApi
(:data:`READER_TYPES`); the RestApi is keyed as its own API (:func:`own_api_key`). A Deployment's ``variables`` are no
member: pulumi-aws v7 creates no Stage with a Deployment (the Terraform provider's ``aws_api_gateway_deployment`` calls
CreateDeployment without ``stageName`` since v6), and CreateDeployment applies ``variables`` only to "the Stage resource
that is associated with the new deployment" (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html):
none, so no request sees them.

Since stop 41 an HTTP API's (``aws:apigatewayv2/api:Api``) OpenAPI ``body`` is a member too (:data:`API_TYPES`): its
``x-amazon-apigateway-integration`` objects (``type: http_proxy``, ``payloadFormatVersion``) are read as an HTTP API
Integration's ``integration_uri`` (no bucket; an HTTP API's parameter mapping does not change the host) and joined with
the Api's Stages' ``stage_variables`` by ``api_id`` ("Use stage variables for HTTP APIs", above). The body is read with
the engine's own parser (``components/residency/documents.py``), so the join reads exactly the integrations the engine
asks it about.

Each front door keys an API as it can see it (one function, :func:`api_key`, for the documents of the policy pack and
the reviews: the URN the API input, :func:`api_input`, is computed from, else its literal id; the guard: the resources
of that Output, else its literal id). A member whose API cannot be told (an unknown id without a dependency) is
taken as one of every API: a Stage so must set every variable any Integration reads, and its values are judged as
buckets wherever any Integration reads them (fail closed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from components.residency.documents import input_document
from components.residency.endpoints import BodyIntegration, PrivateIntegration, VpcLinks, load_endpoints
from components.residency.inputkeys import CAMEL_BOUNDARY, prop_of
from components.residency.known import knows_bucket, read_as_host
from components.residency.references import integration_bucket_template, integration_placeholders

__all__ = [
    "BODY_INTEGRATION_KEY",
    "ApiKeys",
    "API_TYPES",
    "ALI_API_TYPE",
    "BACKEND_TYPE",
    "NO_BACKEND",
    "SELF_KEYED_TYPES",
    "HTTP_API_TYPE",
    "ID_NOT_KNOWN",
    "JUDGED_AT_ROUTE",
    "HTTP_INTEGRATION_TYPE",
    "HTTP_STAGE_TYPE",
    "INTEGRATION_TYPE",
    "INTEGRATION_TYPES",
    "JOINED_PUBLIC_TYPES",
    "JOIN_TYPES",
    "MEMBER_TYPES",
    "METHOD_AUTHORIZED",
    "METHOD_TYPE",
    "READER_TYPES",
    "READ_AS_BUCKET",
    "REST_API_TYPE",
    "ROUTE_TYPE",
    "SET_BY_EVERY_STAGE",
    "VARIABLE_MAPS",
    "VPC_LINK_MADE",
    "VPC_LINK_ID",
    "VARIABLE_PREFIX",
    "STAGE_KEYS",
    "STAGE_TYPE",
    "STAGE_TYPES",
    "StageJoin",
    "api_input",
    "api_key",
    "body_integrations",
    "body_private_integration",
    "bucket_variables",
    "connection_input",
    "fill_stage_variable",
    "host_templates",
    "integration_key",
    "join_inputs",
    "join_member_types",
    "joining_types",
    "makes_vpc_link",
    "integration_method",
    "member_key_input",
    "method_of",
    "operation_authorized",
    "own_api_key",
    "private_integration",
    "url_authority",
    "variable_name",
    "variable_path",
    "with_stages",
]

STAGE_TYPE = "aws:apigateway/stage:Stage"
INTEGRATION_TYPE = "aws:apigateway/integration:Integration"
HTTP_STAGE_TYPE = "aws:apigatewayv2/stage:Stage"
HTTP_INTEGRATION_TYPE = "aws:apigatewayv2/integration:Integration"
REST_API_TYPE = "aws:apigateway/restApi:RestApi"
HTTP_API_TYPE = "aws:apigatewayv2/api:Api"
API_TYPES = frozenset({REST_API_TYPE, HTTP_API_TYPE})
"""The APIs whose OpenAPI ``body`` is a member of the join: a RestApi's (stop 40) and an HTTP API's (stop 41)."""
STAGE_TYPES = frozenset({STAGE_TYPE, HTTP_STAGE_TYPE})
INTEGRATION_TYPES = frozenset({INTEGRATION_TYPE, HTTP_INTEGRATION_TYPE})
READER_TYPES = INTEGRATION_TYPES | API_TYPES
"""The members that read stage variables: the Integrations, and an API through the integrations of its OpenAPI
``body`` (a RestApi since stop 40, an HTTP API since stop 41)."""
ALI_API_TYPE = "alicloud:apigateway/api:Api"
BACKEND_TYPE = "alicloud:apigateway/backend:Backend"
JOIN_TYPES = STAGE_TYPES | READER_TYPES | {ALI_API_TYPE}
"""The members that ask the join: since stop 44 (ossbackend44) an Alibaba Cloud API Gateway Api too, whose backend
(``backend_id``) is a Backend of the program or not (``METHOD_AUTHORIZED``)."""
METHOD_TYPE = "aws:apigateway/method:Method"
ROUTE_TYPE = "aws:apigatewayv2/route:Route"
MEMBER_TYPES = JOIN_TYPES | {METHOD_TYPE, ROUTE_TYPE, BACKEND_TYPE}
"""Every member of the join: its readers and Stages, and since stop 43 a REST API's Methods and an HTTP API's Routes
(which ask nothing); since stop 44 an Alibaba Cloud API Gateway Backend (asks nothing: its ``backend_type`` is read)."""
SELF_KEYED_TYPES = API_TYPES | {BACKEND_TYPE}
"""The members keyed by their own URN and id (:func:`own_api_key`) rather than by an API input: an API (its body), and
an Alibaba Cloud Backend, which an Api names by ``backend_id`` (stop 44) as a Route names an Integration by target."""
JOINED_PUBLIC_TYPES = frozenset({INTEGRATION_TYPE, HTTP_INTEGRATION_TYPE, ALI_API_TYPE})
"""The types whose grant to everyone (RES-024) is the join's answer (an Integration serving stored data through an
anonymous Method, or an HTTP API Integration through an anonymous Route, stop 43; an Alibaba Cloud ANONYMOUS Api by its
Backend, stop 44): judged with the whole stack in view (the policy pack's stack policy, the guard once construction is
over), never by a door that sees one resource alone."""
NO_BACKEND: Hashable = ("no-backend",)
"""An Alibaba Cloud Api's backend key when it names none (no ``backend_id``): it serves its own ``http_service_config``
/ ``fc_service_config`` ... (HTTP, VPC, FunctionCompute, MOCK: no OSS service type), not judged."""
ID_NOT_KNOWN: Hashable = ("id", None)
"""A Backend's id key when the guard could not learn its id (stop 45): it matches no literal ``backend_id`` (fail
closed), where a Backend keyed by no id at all (a preview's document, before it is made) may be the one a literal
names."""
JUDGED_AT_ROUTE: Hashable = ("judged-at-route",)
"""A Route's target key at the guard while its ``target`` is an Output not resolved yet (stop 45, apijoin45): computed
from an Integration's id, it resolves only once that Integration registers, which waits on the very judgement asking
about its Routes. Such a Route that requires authorization may target any Integration of its API (it counts as one,
restricted); an open one is not counted here: the guard judges it at the Route once its target resolves
(``Guard._judge_route``), the Integration it names with that Route known, as the plan, the pack and the reviews key it
by its property dependency."""
_OSS_BACKEND = "OSS"
_TARGET_PREFIX = "integrations/"
"""How a Route's ``target`` names its integration: "The target for the route, of the form integrations/IntegrationID"
(https://www.pulumi.com/registry/packages/aws/api-docs/apigatewayv2/route/)."""
METHOD_AUTHORIZED = "method-authorized"
"""Asked by a REST Integration that serves stored data (``endpoints.yaml`` ``public_access.anonymous_reads``, stop 43):
every Method of the program on its API, resource and HTTP method (at least one) requires authorization
(``authorization`` other than NONE) or an API key (``api_key_required``). Asked by an HTTP API Integration of a reading
subtype (anonymous43): every Route of the program that targets it, or may (a target not told), at least one, has an
``authorization_type`` other than NONE (AWS_IAM, JWT, CUSTOM)."""
VPC_LINK_MADE = "vpc-link-made"
"""Asked by a private integration with a Host-header input (``endpoints.yaml`` ``vpc_links.integrations``: a REST
Integration whose ``connection_type`` is VPC_LINK): its ``connection_id`` is a VPC link the program makes (computed
from one, or the id of one), so its requests go to that link's load balancer, judged there."""
VPC_LINK_ID = "vpc-link-id:"
"""Asked by an API whose OpenAPI body holds a private integration (``endpoints.yaml`` ``vpc_links.bodies``, since stop
42): the id after it (the integration's ``connectionId``) is that of a VPC link the program makes, and the body is
computed from that link (a link it depends on): its requests go to that link's load balancer, judged there."""
BODY_INTEGRATION_KEY = "x-amazon-apigateway-integration"
"""The OpenAPI extension of a method's integration (its ``uri`` and ``requestParameters`` as an Integration's)."""
SET_BY_EVERY_STAGE = "stage-variable-set:"
"""Asked by an Integration: every Stage of its API in the program (at least one) sets the variable named after it."""
READ_AS_BUCKET = "stage-variable-bucket:"
"""Asked by a Stage: an Integration of its API reads the variable named after it as its S3 bucket."""
STAGE_KEYS = (SET_BY_EVERY_STAGE, READ_AS_BUCKET)
VARIABLE_PREFIX = "stageVariables."
"""How an integration names a stage variable (``${stageVariables.<name>}``, ``stageVariables.<name>`` in a mapping)."""
_VARIABLE = VARIABLE_PREFIX
VARIABLE_MAPS: tuple[tuple[str, ...], ...] = (
    ("variables",),
    ("stage_variables",),
    ("canary_settings", "stage_variable_overrides"),
)
"""The maps of a Stage that hold its stage variables (snake_case keys): a REST Stage's ``variables`` and its canary's
overrides, an HTTP API Stage's ``stage_variables``."""
_ANY_API: Hashable = None
# Where a URL's authority ends (RFC 3986 section 3.2): a stage variable in the path or query names no host.
_AUTHORITY_END = re.compile(r"[/?#]")
_JOIN_INPUTS = {
    STAGE_TYPE: ("variables", "canary_settings.stage_variable_overrides"),
    HTTP_STAGE_TYPE: ("stage_variables",),
    INTEGRATION_TYPE: ("uri", "request_parameters", "http_method"),
    METHOD_TYPE: ("http_method", "authorization", "api_key_required"),
    # Not its ``target``: each door keys it (``member_key_input``); the guard cannot wait for it
    # (``guard._target_key``).
    ROUTE_TYPE: ("authorization_type", "api_key_required"),
    HTTP_INTEGRATION_TYPE: ("integration_uri",),
    REST_API_TYPE: ("body",),
    HTTP_API_TYPE: ("body",),
    # Not the Api's ``backend_id``: each door keys it (``member_key_input``), as a Route's target.
    BACKEND_TYPE: ("backend_type",),
}


def api_input(type_: str) -> str:
    """The input a member of ``type_`` names its API by (snake_case, read with ``prop_of``): a REST API's ``rest_api``,
    an HTTP API's ``api_id``."""
    return "api_id" if type_.startswith("aws:apigatewayv2/") else "rest_api"


def _vpc_links() -> VpcLinks:
    return load_endpoints().vpc_links


def makes_vpc_link(type_: str) -> bool:
    """Whether a ``type_`` resource makes an API Gateway VPC link (``endpoints.yaml`` ``vpc_links.links``; since stop 41
    catalogue data, before a ``VPC_LINK_TYPES`` constant here)."""
    return type_ in load_endpoints().vpc_links.link_types  # _vpc_links() inline: every door asks it per resource


def join_member_types() -> frozenset[str]:
    """The types the guard keeps for the stage-variables join: :data:`MEMBER_TYPES` and every type
    :func:`makes_vpc_link` is True for (read once per guard: every other type skips the guard's bookkeeping call)."""
    return MEMBER_TYPES | load_endpoints().vpc_links.link_types


def joining_types() -> frozenset[str]:
    """The types whose held values may be judged with the join in view: :data:`JOIN_TYPES` and every type
    :func:`body_private_integration` answers for (every other type is judged against what the program made alone)."""
    return JOIN_TYPES | frozenset(load_endpoints().vpc_links.body_by_type)


def private_integration(type_: str) -> PrivateIntegration | None:
    """The ``vpc_links.integrations`` entry of a ``type_`` integration that may be private (None for any other)."""
    return _vpc_links().by_type.get(type_)


def body_private_integration(type_: str) -> BodyIntegration | None:
    """The ``vpc_links.bodies`` entry of an API type whose OpenAPI body may hold a private integration (None for any
    other type)."""
    return load_endpoints().vpc_links.body_by_type.get(type_)  # _vpc_links() inline: asked per resource


def connection_input(type_: str) -> str | None:
    """The input a ``type_`` integration names its VPC link by (snake_case, read with ``prop_of``), keyed as
    :func:`api_input`'s is; None for a type that names none (``vpc_links.integrations``' ``connection``)."""
    entry = private_integration(type_)
    return None if entry is None else entry.connection


class ApiKeys(frozenset[Hashable]):
    """The keys a RestApi is known by in the join (:func:`own_api_key`): its URN, and its id, as a Stage or Integration
    of it keys it (:func:`api_key`: a document without property dependencies, a state export, names it by id)."""


def own_api_key(urn: str, id_: Any = None) -> Hashable:
    """How a RestApi or an HTTP API (:data:`API_TYPES`) keys itself in the join (its body's integrations): as a Stage
    or Integration computed from it keys it (:func:`api_key`: the URN of its API input, else its literal id)."""
    keys: set[Hashable] = {("urn", urn)}
    if isinstance(id_, str) and id_:
        keys.add(("id", id_))
    return ApiKeys(keys)


def body_integrations(body: Any) -> list[tuple[Any, Any]] | None:
    """The ``(uri, requestParameters)`` of every ``x-amazon-apigateway-integration`` object in a RestApi's or an HTTP
    API's OpenAPI ``body`` (JSON or YAML; "OpenAPI specification that defines the set of routes and integrations",
    https://www.pulumi.com/registry/packages/aws/api-docs/apigateway/restapi/, and "... to create as part of the HTTP
    APIs", https://www.pulumi.com/registry/packages/aws/api-docs/apigatewayv2/api/), wherever it is (a method's, or
    ``x-amazon-apigateway-any-method``'s); empty for no body or a text that is no document; None for a value that is
    no string (not known)."""
    if body is None:
        return []
    if not isinstance(body, str):
        return None
    # Read as the engine walks it (documents.input_document, stop 41): the engine asks the join about a body's uri
    # only where it read the body as a document, and a Stage's value is judged as the host a body makes only where
    # the join read one.
    document = input_document(body)
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            integration = node.get(BODY_INTEGRATION_KEY)
            if isinstance(integration, Mapping):
                found.append((integration.get("uri"), integration.get("requestParameters")))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


# Who may call an operation of an API's OpenAPI body (stop 44, openapi44): its ``security`` (the operation's when it has
# the key, else the document's top-level one: "A declaration of which security mechanisms can be used across the API
# ... Individual operations can override this definition", and "To make security optional, an empty security
# requirement ({}) can be included in the array", OpenAPI 3.0.3 "OpenAPI Object" / "Security Requirement Object"),
# each requirement naming schemes of ``components.securitySchemes`` (OpenAPI 3) or ``securityDefinitions`` (OpenAPI 2).
# API Gateway enforces a scheme only in the shapes its extensions document; any other scheme (an OpenAPI ``http``
# bearer scheme with no authorizer) proves nothing (fail closed):
# - ``x-amazon-apigateway-authorizer``: a Lambda, Cognito user pool (REST) or JWT (HTTP API) authorizer
#   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html);
# - ``x-amazon-apigateway-authtype: awsSigv4``: IAM authorization, "in HTTP APIs and REST APIs ... a way to define IAM
#   authorization across several operations that share the same security scheme"
#   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authtype.html);
# - a REST API's API key: "For each method, create a security requirement object to require an API key ... define
#   api_key in the security definition" (``type: apiKey``, ``name: x-api-key``, ``in: header``;
#   https://docs.aws.amazon.com/apigateway/latest/developerguide/api-key-usage-plan-oas.html). An API key counts as
#   restricted, as a Method's ``api_key_required`` does (the lead's decision, stop 43). HTTP APIs have no API keys.
#   ``x-amazon-apigateway-api-key-source`` only says where a required key is read ("to throttle API methods that
#   require a key", api-gateway-swagger-extensions-api-key-source.html): it requires none.
_AUTHORIZER_KEY = "x-amazon-apigateway-authorizer"
_AUTHTYPE_KEY = "x-amazon-apigateway-authtype"
_SIGV4 = "awssigv4"
_API_KEY_HEADER = "x-api-key"


def _schemes(document: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """The security schemes an OpenAPI document defines (OpenAPI 3's ``components.securitySchemes``, OpenAPI 2's
    ``securityDefinitions``)."""
    components = document.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, Mapping) else None
    if not isinstance(schemes, Mapping):
        schemes = document.get("securityDefinitions")
    return schemes if isinstance(schemes, Mapping) else {}


def _enforced(scheme: Any, rest: bool) -> bool:
    """Whether API Gateway makes the caller authenticate for a security scheme (see above)."""
    if not isinstance(scheme, Mapping):
        return False
    if isinstance(scheme.get(_AUTHORIZER_KEY), Mapping):
        return True
    authtype = scheme.get(_AUTHTYPE_KEY)
    if isinstance(authtype, str) and authtype.strip().lower() == _SIGV4:
        return True
    return (
        rest
        and str(scheme.get("type", "")).lower() == "apikey"
        and str(scheme.get("in", "")).lower() == "header"
        and str(scheme.get("name", "")).lower() == _API_KEY_HEADER
    )


def operation_authorized(document: Any, operation: Any, rest: bool) -> bool:
    """Whether every caller of an OpenAPI ``operation`` of ``document`` (a RestApi's body when ``rest``, else an HTTP
    API's) must authenticate: its effective ``security`` (its own, else the document's) is a non-empty list and every
    requirement in it names at least one scheme API Gateway enforces (:func:`_enforced`). No ``security``,
    ``security: []``, an empty requirement ``{}`` (optional security) or a scheme API Gateway does not enforce leaves
    the operation open (fail closed)."""
    if not isinstance(document, Mapping) or not isinstance(operation, Mapping):
        return False
    security = operation["security"] if "security" in operation else document.get("security")
    if not isinstance(security, list) or not security:
        return False
    schemes = _schemes(document)
    return all(
        isinstance(requirement, Mapping) and any(_enforced(schemes.get(name), rest) for name in requirement)
        for requirement in security
    )


def variable_path(path: str) -> bool:
    """Whether a finding's ``path`` is at a Stage's variable (its own, an HTTP API Stage's, or its canary's)."""
    return path.startswith(_VARIABLE_PATHS)


_VARIABLE_PATHS = tuple(".".join(keys) + "." for keys in VARIABLE_MAPS)


def url_authority(after_scheme: str) -> str:
    """The authority of a URL given without its ``scheme://``: up to the first ``/``, ``?`` or ``#`` (RFC 3986 section
    3.2; a placeholder in the path or query names no host)."""
    return _AUTHORITY_END.split(after_scheme, 1)[0]


def join_inputs(type_: str) -> tuple[str, ...]:
    """The inputs (dotted snake_case paths) of a member of ``type_`` that the join reads: what a front door must know of
    it (a canary's overrides, not its ``deployment_id``, which may wait on the very Integration judged)."""
    return _JOIN_INPUTS.get(type_, ())


def variable_name(name: str) -> str:
    """A stage variable's name as the engine's key paths spell it (snake_case: ``uploadBucket`` is
    ``upload_bucket``), so a Stage's map key and an Integration's ``${stageVariables.uploadBucket}`` meet; two names
    that differ only so are taken as one (their values are judged alike)."""
    return CAMEL_BOUNDARY.sub("_", name).lower()


def bucket_variables(uri: Any, request_parameters: Any) -> frozenset[str] | None:
    """The stage variables an S3 integration ``uri`` takes its bucket from: ``${stageVariables.<name>}`` written in the
    bucket part, or a ``{name}`` placeholder there that ``request_parameters`` maps
    (``integration.request.path.<name>``) to ``stageVariables.<name>``. Empty for another service or a bucket written
    out; None while the uri or the mapping is not known (a value that is no string or map)."""
    if not isinstance(uri, str):
        return None
    template = integration_bucket_template(uri)
    if not template:
        return frozenset()
    names: set[str] = set()
    for _, name, variable in integration_placeholders(template):
        source: Any = name
        if not variable:
            if not isinstance(request_parameters, Mapping):
                return None if request_parameters is not None else frozenset(names)
            source = request_parameters.get(f"integration.request.path.{name}")
            if source is None:
                continue  # unmapped: the engine leaves it (nothing names a bucket)
            if not isinstance(source, str):
                return None  # a mapping value not known yet
            source = source.strip()
        if source.startswith(_VARIABLE):
            names.add(variable_name(source[len(_VARIABLE) :]))
    return frozenset(names)


def host_templates(uri: Any, request_parameters: Any) -> frozenset[str] | None:
    """The stage-variable host an HTTP integration URL reads: ``{scheme://authority/}`` when its authority holds
    ``${stageVariables.<name>}`` (a REST path placeholder there that ``request_parameters`` maps to
    ``stageVariables.<name>`` written so; one mapped to a quoted static value written in), else empty; None while the
    URL or the mapping is not known (a value that is no string or map). Another placeholder (the caller's) is kept."""
    if not isinstance(uri, str):
        return None
    scheme, sep, after = uri.partition("://")
    if not sep or "{" not in after:
        return frozenset()
    authority = url_authority(after)
    text = authority
    for whole, name, variable in integration_placeholders(authority):
        if variable:
            continue
        if not isinstance(request_parameters, Mapping):
            if request_parameters is None:
                continue  # unmapped (an HTTP API's path variable): the caller's
            return None
        source = request_parameters.get(f"integration.request.path.{name}")
        if source is None:
            continue
        if not isinstance(source, str):
            return None
        source = source.strip()
        if source.startswith(_VARIABLE):
            text = text.replace(whole, f"${{{source}}}")
        elif len(source) >= 2 and source[0] == source[-1] == "'":
            text = text.replace(whole, source[1:-1])
    return frozenset({f"{scheme}://{text}/"}) if "${" + _VARIABLE in text else frozenset()


def _template_variables(template: str) -> frozenset[str]:
    return frozenset(
        variable_name(name[len(_VARIABLE) :])
        for _, name, variable in integration_placeholders(template)
        if variable and name.startswith(_VARIABLE)
    )


def fill_stage_variable(template: str, name: str, value: str) -> str:
    """``template`` (:func:`host_templates`) with each ``${stageVariables.<name>}`` written as ``value`` (names compared
    as :func:`variable_name` spells them); the other variables stay placeholders (one label each), judged where their
    own values are."""
    wanted = variable_name(name)
    for whole, placeholder, variable in integration_placeholders(template):
        if variable and placeholder.startswith(_VARIABLE) and variable_name(placeholder[len(_VARIABLE) :]) == wanted:
            template = template.replace(whole, value)
    return template


def _set_names(variables: Any, unknown: Callable[[Any], bool]) -> frozenset[str] | None:
    """The variables a map sets (a value neither None nor blank); empty for no map; ``_EVERY`` for a map decided at
    deployment (a preview's unknown: the guard judges it then); None for a map not known (fail closed)."""
    if isinstance(variables, Mapping):
        return frozenset(variable_name(str(k)) for k, v in variables.items() if v is not None and v != "")
    if variables is None:
        return frozenset()
    return _EVERY if unknown(variables) else None


_EVERY = frozenset({"*"})  # no variable is named "*" (names are alphanumeric and "_")


def _stage_sets(type_: str, props: Mapping[str, Any], unknown: Callable[[Any], bool]) -> list[frozenset[str] | None]:
    """The variables each deployment a Stage serves sees: the Stage's own, and a REST Stage's canary's (its overrides
    over the Stage's: a blank override leaves the variable unset there)."""
    if type_ == HTTP_STAGE_TYPE:
        return [_set_names(prop_of(props, "stage_variables"), unknown)]
    own = _set_names(props.get("variables"), unknown)
    canary = prop_of(props, "canary_settings")
    if isinstance(canary, (list, tuple)):  # a state's one-item list of the block
        canary = canary[0] if len(canary) == 1 else None if not canary else object()
    if canary is None:
        return [own]
    if not isinstance(canary, Mapping):
        return [own, _EVERY if unknown(canary) else None]
    overrides = prop_of(canary, "stage_variable_overrides")
    if overrides is None:
        return [own, own]
    if unknown(overrides):
        return [own, _EVERY]
    if own is None or not isinstance(overrides, Mapping):
        return [own, None]
    blank = {variable_name(str(k)) for k, v in overrides.items() if v is None or v == ""}
    set_here = _set_names(overrides, unknown) or frozenset()
    return [own, (own - blank) | set_here]


def method_of(
    props: Mapping[str, Any], resource: Hashable, unknown: Callable[[Any], bool]
) -> tuple[Hashable, str | None]:
    """A REST Integration's method as the join keys it (``METHOD_AUTHORIZED``): its ``resource_id`` keyed by the front
    door as :func:`api_key` keys an API, and its ``http_method`` (upper case; None when not known)."""
    value = prop_of(props, "http_method")
    http = value.strip().upper() if isinstance(value, str) and value.strip() and not unknown(value) else None
    return resource, http


def integration_method(
    type_: str, props: Mapping[str, Any], own: Hashable, resource: Hashable, unknown: Callable[[Any], bool]
) -> tuple[Hashable, str | None]:
    """What an Integration asks the join about its callers (``METHOD_AUTHORIZED``), at every front door alike: an HTTP
    API Integration is named by its Routes' ``target``, so by its own key ``own`` (:func:`own_api_key`, anonymous43);
    a REST Integration by its ``resource`` (the front door's key of its ``resource_id``, :func:`member_key_input`) and
    its HTTP method (:func:`method_of`, publicauth43); an Alibaba Cloud Api by its ``backend_id`` (``resource``, keyed
    as a Route's target: the Backend's URN it is computed from, else the literal id), or :data:`NO_BACKEND` when it
    names none (stop 44)."""
    if type_ == ALI_API_TYPE:
        return (NO_BACKEND if prop_of(props, "backend_id") is None else resource), None
    return (own, None) if type_ == HTTP_INTEGRATION_TYPE else method_of(props, resource, unknown)


def member_key_input(type_: str) -> str:
    """The input (snake_case, read with ``prop_of``) a Method, Route or Integration is keyed by besides its API, as
    :func:`api_key` keys an API: a Route's ``target`` (the Integration it sends to, anonymous43), an Alibaba Cloud Api's
    ``backend_id`` (the Backend it sends to, stop 44), else a REST ``resource_id`` (publicauth43)."""
    if type_ == ALI_API_TYPE:
        return "backend_id"
    return "target" if type_ == ROUTE_TYPE else "resource_id"


def integration_key(key: Hashable) -> Hashable:
    """A Route's ``target`` key (:func:`api_key` of it) as an Integration keys itself (:func:`own_api_key`): a literal
    ``integrations/<id>`` names the id."""
    if isinstance(key, tuple) and len(key) == 2 and key[0] == "id" and isinstance(key[1], str):
        head, _, rest = key[1].partition("/")
        if head.lower() + "/" == _TARGET_PREFIX and rest:
            return ("id", rest)
    return key


def api_key(value: Any, dependencies: Iterable[str], unknown: Callable[[Any], bool]) -> Hashable:
    """How a document's Stage or Integration names its API: the URN its API input (:func:`api_input`) is computed from
    (the same API in every member, known at a first preview too), else the literal id; None when neither is known."""
    deps = sorted(dependencies)
    if deps:
        return ("urn", deps[0])
    if isinstance(value, str) and value and not unknown(value):
        return ("id", value)
    return _ANY_API


class StageJoin:
    """The Stages and Integrations of a stack's REST and HTTP APIs, by API (see the module)."""

    def __init__(self, unknown: Callable[[Any], bool] = lambda _: False) -> None:
        """``unknown``: how the front door marks a value decided at deployment (a preview's unknown), which the guard
        judges then: a Stage's map so is taken to set every variable, an Integration's uri so to read none. Any other
        value that is no string or map is not known: its API stays unproven (fail closed)."""
        self._unknown = unknown
        self._stages: dict[Hashable, list[frozenset[str] | None]] = {}
        self._reads: dict[Hashable, set[str]] = {}
        self._hosts: dict[Hashable, dict[str, set[str]]] = {}
        self._unread: set[Hashable] = set()
        self._links: set[Hashable] = set()
        self._link_ids: dict[Hashable, str] = {}
        self._methods: list[tuple[Hashable, Hashable, str | None, bool]] = []
        self._routes: list[tuple[Hashable, Hashable, bool]] = []
        self._backends: list[tuple[tuple[Hashable, ...], bool]] = []

    def add_link(self, key: Hashable) -> None:
        """A VPC link the program makes (a :func:`makes_vpc_link` resource), keyed as an Integration's ``connection_id``
        names it (:func:`api_key`; :func:`own_api_key` for its URN and id). Its id, when known, is kept with its other
        keys: an OpenAPI body names a link by id (``VPC_LINK_ID``)."""
        keys = tuple(key) if isinstance(key, ApiKeys) else (key,)
        self._links.update(keys)
        ids = [k for k in keys if isinstance(k, tuple) and len(k) == 2 and k[0] == "id" and isinstance(k[1], str)]
        for k in keys:
            if ids and k not in ids:
                self._link_ids[k] = ids[0][1]

    def names_made_link(self, sources: Iterable[Hashable], link_id: str) -> bool:
        """Whether ``link_id`` is the id of a VPC link the program makes among ``sources`` (the keys of the resources
        an API's body is computed from): a literal id, or one a body merely writes, proves no link."""
        return bool(link_id) and any(self._link_ids.get(source) == link_id for source in sources)

    def made_link(self, key: Hashable) -> bool:
        """Whether an Integration's ``connection_id`` (keyed by :func:`api_key`) is a VPC link the program makes; an id
        nothing tells (None) is not."""
        return key is not None and key in self._links

    def add(self, type_: str, props: Mapping[str, Any], api: Hashable, resource: Hashable = None) -> None:
        """A member of the join: a Stage (the variables each deployment it serves sets; None when a map is not known)
        or an Integration (the variables it reads as its bucket or in its host; its API is left unproven when its uri
        or mapping is not known), or a REST Method (stop 43: whether it requires authorization; ``resource``: its
        ``resource_id`` keyed as :func:`api_key` keys an API)."""
        if type_ == METHOD_TYPE:
            self._methods.append((api, resource, self._http_method(props), self._authorized(props)))
        elif type_ == ROUTE_TYPE:
            # ``resource``: its ``target`` keyed as :func:`api_key` keys an API; one that cannot be told (None: an
            # Output the guard does not wait for, or no target) may target every Integration of its API.
            self._routes.append((api, integration_key(resource), self._authorized(props, "authorization_type")))
        elif type_ == BACKEND_TYPE:
            # ``api``: the Backend's own keys (URN and id, :data:`SELF_KEYED_TYPES`), as an Api's ``backend_id`` names
            # it. Whether it serves an OSS bucket: "The type of the Backend. Valid values: HTTP, VPC, FC_EVENT,
            # FC_EVENT_V3, FC_HTTP, FC_HTTP_V3, OSS, MOCK" (pulumi-alicloud ``apigateway.Backend``). One decided at
            # deployment is the guard's to judge then; any other value that is no string proves nothing.
            kind = prop_of(props, "backend_type")
            code = self._unknown(kind) or (isinstance(kind, str) and kind.strip().upper() not in ("", _OSS_BACKEND))
            self._backends.append((tuple(api) if isinstance(api, ApiKeys) else (api,), code))
        elif type_ in STAGE_TYPES:
            self._stages.setdefault(api, []).extend(_stage_sets(type_, props, self._unknown))
        elif type_ in INTEGRATION_TYPES:
            rest = type_ == INTEGRATION_TYPE
            uri = props.get("uri") if rest else prop_of(props, "integration_uri")
            mapping = prop_of(props, "request_parameters") if rest else None
            self._read(api, uri, mapping, rest)
        elif type_ in API_TYPES:
            body = props.get("body")
            if self._unknown(body):
                return  # decided at deployment, where the guard judges it
            integrations = body_integrations(body)
            rest = type_ == REST_API_TYPE
            for key in api if isinstance(api, ApiKeys) else (api,):
                if integrations is None:
                    self._unread.add(key)
                for uri, mapping in integrations or ():
                    # An HTTP API's parameter mapping changes headers, the query and the path, never the host
                    # ("Transform API requests and responses for HTTP APIs": overwrite:path, append:header ...),
                    # and it has no S3 path integration: its body's uri is read as an Integration's integration_uri.
                    self._read(key, uri, mapping if rest else None, rest)

    def _read(self, api: Hashable, uri: Any, mapping: Any, rest: bool) -> None:
        """What one integration (a resource's, or an OpenAPI body's) reads: its bucket and host variables; its API is
        left unproven when its uri or mapping is not known."""
        if self._unknown(uri) or self._unknown(mapping):
            return  # decided at deployment, where the guard judges it
        read = bucket_variables(uri, mapping) if rest else frozenset()
        hosts = host_templates(uri, mapping)
        if read is None or hosts is None:
            self._unread.add(api)
            return
        self._reads.setdefault(api, set()).update(read)
        for template in hosts:
            for name in _template_variables(template):
                self._hosts.setdefault(api, {}).setdefault(name, set()).add(template)

    def _http_method(self, props: Mapping[str, Any]) -> str | None:
        """A Method's or Integration's ``http_method`` (upper case); None when not known (it matches every method)."""
        value = prop_of(props, "http_method")
        return value.strip().upper() if isinstance(value, str) and value.strip() and not self._unknown(value) else None

    def _authorized(self, props: Mapping[str, Any], field: str = "authorization") -> bool:
        """Whether a Method requires the caller to authenticate: an ``authorization`` other than NONE (AWS_IAM, CUSTOM,
        COGNITO_USER_POOLS; "Type of authorization used for the method", https://www.pulumi.com/registry/packages/aws/
        api-docs/apigateway/method/) or ``api_key_required`` (a secret the caller must hold: the lead's decision, stop
        43). A value decided at deployment is the guard's to judge then; any other value that is no string proves
        nothing (fail closed). A Route's ``field`` is ``authorization_type``: "Valid values: NONE (open access),
        AWS_IAM, CUSTOM, JWT. Defaults to NONE" (https://www.pulumi.com/registry/packages/aws/api-docs/apigatewayv2/
        route/; its ``api_key_required`` is "Supported only for WebSocket APIs", counted as a Method's)."""
        authorization = prop_of(props, field)
        if self._unknown(authorization):
            return True
        key = prop_of(props, "api_key_required")
        if key is True or self._unknown(key):
            return True
        return isinstance(authorization, str) and authorization.strip().upper() not in ("", "NONE")

    def methods_authorized(self, api: Hashable, resource: Hashable, http_method: str | None) -> bool:
        """Whether at least one Method of the program is on ``api`` / ``resource`` / ``http_method`` and every one that
        may be (a Method whose API, resource or HTTP method cannot be told may be any) requires authorization; False for
        an Integration whose API or resource cannot be told (fail closed)."""
        if api is _ANY_API or resource is None:
            return False
        mine = [
            authorized
            for m_api, m_resource, m_method, authorized in self._methods
            if m_api in (api, _ANY_API)
            and m_resource in (resource, None)
            and (m_method is None or http_method is None or m_method == http_method)
        ]
        return bool(mine) and all(mine)

    def routes_authorized(self, api: Hashable, own: Hashable) -> bool:
        """Whether at least one Route of the program targets the HTTP API Integration keyed ``own`` (its
        :func:`own_api_key`, or the guard's resource key) on ``api``, and every Route that may (a Route whose API or
        target cannot be told may be any) requires authorization; False for an Integration whose API cannot be told
        (fail closed)."""
        if api is _ANY_API:
            return False
        keys = tuple(own) if isinstance(own, ApiKeys) else (own,)
        mine = [
            authorized
            for r_api, target, authorized in self._routes
            if r_api in (api, _ANY_API)
            and (target is None or target in keys or (target == JUDGED_AT_ROUTE and authorized))
        ]
        return bool(mine) and all(mine)

    def route_open(self, props: Mapping[str, Any]) -> bool:
        """Whether a Route lets every caller through (``authorization_type`` NONE or unset, no API key): the Routes the
        guard judges at the Route (:data:`JUDGED_AT_ROUTE`)."""
        return not self._authorized(props, "authorization_type")

    def backend_not_oss(self, backend: Hashable) -> bool:
        """Whether an Alibaba Cloud Api's backend (``backend``: its ``backend_id`` keyed by the front door, or
        :data:`NO_BACKEND`) is no OSS bucket: it names none, or a Backend of the program (at least one matches) whose
        ``backend_type`` is known and not OSS. An id the program does not make, or one that cannot be told (None),
        proves nothing (fail closed, stop 44)."""
        if backend == NO_BACKEND:
            return True
        if backend is None:
            return False
        literal = isinstance(backend, tuple) and len(backend) == 2 and backend[0] == "id"
        mine = [code for keys, code in self._backends if backend in keys or (literal and _id_decided_later(keys))]
        return bool(mine) and all(mine)

    def host_templates(self, type_: str, api: Hashable, name: str) -> frozenset[str]:
        """The URL templates (:func:`host_templates`) the Integrations of ``api`` read ``name`` in as a host, asked by a
        Stage (every API's for a Stage whose API cannot be told; an Integration whose API cannot be told counts for
        every API)."""
        if type_ not in STAGE_TYPES:
            return frozenset()
        name = variable_name(name)
        apis = self._hosts.values() if api is _ANY_API else (self._hosts.get(api, {}), self._hosts.get(_ANY_API, {}))
        return frozenset(t for reads in apis for t in reads.get(name, ()))

    def answer(self, type_: str, api: Hashable, text: str) -> bool:
        """The join's answer to ``text`` (a ``STAGE_KEYS`` question) asked by a member of ``type_`` of ``api``."""
        if text.startswith(SET_BY_EVERY_STAGE):
            keys = tuple(api) if isinstance(api, ApiKeys) else (api,)
            if type_ not in READER_TYPES or api is _ANY_API or _ANY_API in self._unread:
                return False
            if any(key in self._unread for key in keys):
                return False
            name = variable_name(text[len(SET_BY_EVERY_STAGE) :])
            own = [s for key in keys for s in self._stages.get(key, ())]
            stages = [*own, *self._stages.get(_ANY_API, ())]
            return bool(own) and all(s is not None and (name in s or "*" in s) for s in stages)
        if text.startswith(READ_AS_BUCKET):
            if type_ not in STAGE_TYPES:
                return False
            name = variable_name(text[len(READ_AS_BUCKET) :])
            if api is _ANY_API:
                return any(name in read for read in self._reads.values())
            return name in self._reads.get(api, ()) or name in self._reads.get(_ANY_API, ())
        return False


def _id_decided_later(keys: tuple[Hashable, ...]) -> bool:
    """Whether a Backend's keys hold no id (stop 45, apijoin45): a document of a preview before it is made (its URN
    only, :func:`own_api_key` with no id), whose id is decided at deployment. A literal ``backend_id`` may name it
    there: its type decides, and the guard, which learns every Backend's id (or keys it :data:`ID_NOT_KNOWN`), judges
    the literal at deployment. The guard's keys (its resource) always hold one."""
    return not any(isinstance(k, tuple) and len(k) == 2 and k[0] in ("id", "resources") for k in keys)


def with_stages(
    known: Callable[[str], bool],
    join: StageJoin | None,
    type_: str,
    api: Hashable,
    link: Hashable = None,
    method: tuple[Hashable, str | None] | None = None,
) -> Callable[[str], bool]:
    """``known`` with the join's questions answered for a ``type_`` member of ``api`` (``known`` itself for any other
    resource, or without a join); its bucket answer is ``known``'s (:func:`~components.residency.known.knows_bucket`:
    another kind's name proves no bucket at a Stage either), its host templates the join's (and ``known``'s). ``link``:
    an Integration's ``connection_id`` keyed as :func:`api_key` keys an API (``VPC_LINK_MADE``). ``method``: a REST
    Integration's ``resource_id`` (keyed so) and ``http_method`` (``METHOD_AUTHORIZED``, stop 43); an HTTP API
    Integration's own key (:func:`own_api_key`, the guard's resource key) and None, which its Routes' ``target`` names
    (anonymous43)."""
    if join is None or type_ not in JOIN_TYPES:
        return known
    return _WithStages(known, join, type_, api, link, method)


class _WithStages:
    __slots__ = ("_api", "_join", "_known", "_link", "_method", "_type")

    def __init__(
        self,
        known: Callable[[str], bool],
        join: StageJoin,
        type_: str,
        api: Hashable,
        link: Hashable = None,
        method: tuple[Hashable, str | None] | None = None,
    ) -> None:
        self._known, self._join, self._type, self._api, self._link = known, join, type_, api, link
        self._method = method

    def __call__(self, text: str) -> bool:
        if text == METHOD_AUTHORIZED:
            if self._method is None:
                return False
            if self._type == HTTP_INTEGRATION_TYPE:
                return self._join.routes_authorized(self._api, self._method[0])
            if self._type == ALI_API_TYPE:
                return self._join.backend_not_oss(self._method[0])
            return self._type == INTEGRATION_TYPE and self._join.methods_authorized(self._api, *self._method)
        if text.startswith(STAGE_KEYS):
            return self._join.answer(self._type, self._api, text)
        if text == VPC_LINK_MADE:
            entry = private_integration(self._type)
            return entry is not None and entry.host_header is not None and self._join.made_link(self._link)
        if text.startswith(VPC_LINK_ID):
            # An API's body: ``link`` is the set of keys of the resources its body is computed from.
            sources = self._link if isinstance(self._link, frozenset) else ()
            return body_private_integration(self._type) is not None and self._join.names_made_link(
                sources, text[len(VPC_LINK_ID) :]
            )
        return self._known(text)

    def bucket(self, key: str) -> bool:
        return knows_bucket(self._known, key)

    def host_templates(self, name: str) -> frozenset[str]:
        return self._join.host_templates(self._type, self._api, name) | read_as_host(self._known, name)
