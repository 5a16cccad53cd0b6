"""The join of an API Gateway REST integration to the Stages of its API (stage-variables join, stop 37).

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

Each front door keys an API as it can see it (one function, :func:`api_key`, for the documents of the policy pack and
the reviews: the URN the ``rest_api`` input is computed from, else its literal id; the guard: the resources of the
``rest_api`` Output, else its literal id). A member whose API cannot be told (an unknown id without a dependency) is
taken as one of every API: a Stage so must set every variable any Integration reads, and its values are judged as
buckets wherever any Integration reads them (fail closed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from components.residency.known import knows_bucket
from components.residency.references import integration_bucket_template, integration_placeholders

__all__ = [
    "INTEGRATION_TYPE",
    "JOIN_TYPES",
    "READ_AS_BUCKET",
    "SET_BY_EVERY_STAGE",
    "STAGE_KEYS",
    "STAGE_TYPE",
    "StageJoin",
    "api_key",
    "bucket_variables",
    "variable_name",
    "with_stages",
]

STAGE_TYPE = "aws:apigateway/stage:Stage"
INTEGRATION_TYPE = "aws:apigateway/integration:Integration"
JOIN_TYPES = frozenset({STAGE_TYPE, INTEGRATION_TYPE})
SET_BY_EVERY_STAGE = "stage-variable-set:"
"""Asked by an Integration: every Stage of its API in the program (at least one) sets the variable named after it."""
READ_AS_BUCKET = "stage-variable-bucket:"
"""Asked by a Stage: an Integration of its API reads the variable named after it as its S3 bucket."""
STAGE_KEYS = (SET_BY_EVERY_STAGE, READ_AS_BUCKET)
_VARIABLE = "stageVariables."
_ANY_API: Hashable = None
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def variable_name(name: str) -> str:
    """A stage variable's name as the engine's key paths spell it (snake_case: ``uploadBucket`` is
    ``upload_bucket``), so a Stage's map key and an Integration's ``${stageVariables.uploadBucket}`` meet; two names
    that differ only so are taken as one (their values are judged alike)."""
    return _CAMEL_BOUNDARY.sub("_", name).lower()


def _prop(props: Mapping[str, Any], snake: str, camel: str) -> Any:
    return props.get(snake, props.get(camel))


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


def api_key(value: Any, dependencies: Iterable[str], unknown: Callable[[Any], bool]) -> Hashable:
    """How a document's Stage or Integration names its RestApi: the URN its ``rest_api`` input is computed from (the
    same RestApi in every member, known at a first preview too), else the literal id; None when neither is known."""
    deps = sorted(dependencies)
    if deps:
        return ("urn", deps[0])
    if isinstance(value, str) and value and not unknown(value):
        return ("id", value)
    return _ANY_API


class StageJoin:
    """The Stages and S3 Integrations of a stack's REST APIs, by API (see the module)."""

    def __init__(self) -> None:
        self._stages: dict[Hashable, list[frozenset[str] | None]] = {}
        self._reads: dict[Hashable, set[str]] = {}
        self._unread: set[Hashable] = set()

    def add(self, type_: str, props: Mapping[str, Any], api: Hashable) -> None:
        """A member of the join: a Stage (the variables it sets; None when its map is not known) or an Integration
        (the variables it reads as its bucket; its API is left unproven when its uri or mapping is not known)."""
        if type_ == STAGE_TYPE:
            variables = props.get("variables")
            names = (
                frozenset(variable_name(str(k)) for k, v in variables.items() if v is not None and v != "")
                if isinstance(variables, Mapping)
                else frozenset()
                if variables is None
                else None
            )
            self._stages.setdefault(api, []).append(names)
        elif type_ == INTEGRATION_TYPE:
            read = bucket_variables(props.get("uri"), _prop(props, "request_parameters", "requestParameters"))
            if read is None:
                self._unread.add(api)
            else:
                self._reads.setdefault(api, set()).update(read)

    def answer(self, type_: str, api: Hashable, text: str) -> bool:
        """The join's answer to ``text`` (a ``STAGE_KEYS`` question) asked by a member of ``type_`` of ``api``."""
        if text.startswith(SET_BY_EVERY_STAGE):
            if type_ != INTEGRATION_TYPE or api is _ANY_API or api in self._unread or _ANY_API in self._unread:
                return False
            name = variable_name(text[len(SET_BY_EVERY_STAGE) :])
            stages = [*self._stages.get(api, ()), *self._stages.get(_ANY_API, ())]
            return bool(self._stages.get(api)) and all(s is not None and name in s for s in stages)
        if text.startswith(READ_AS_BUCKET):
            if type_ != STAGE_TYPE:
                return False
            name = variable_name(text[len(READ_AS_BUCKET) :])
            if api is _ANY_API:
                return any(name in read for read in self._reads.values())
            return name in self._reads.get(api, ()) or name in self._reads.get(_ANY_API, ())
        return False


def with_stages(
    known: Callable[[str], bool], join: StageJoin | None, type_: str, api: Hashable
) -> Callable[[str], bool]:
    """``known`` with the join's questions answered for a ``type_`` member of ``api`` (``known`` itself for any other
    resource, or without a join); its bucket answer is ``known``'s (:func:`~components.residency.known.knows_bucket`:
    another kind's name proves no bucket at a Stage either)."""
    if join is None or type_ not in JOIN_TYPES:
        return known
    return _WithStages(known, join, type_, api)


class _WithStages:
    __slots__ = ("_api", "_join", "_known", "_type")

    def __init__(self, known: Callable[[str], bool], join: StageJoin, type_: str, api: Hashable) -> None:
        self._known, self._join, self._type, self._api = known, join, type_, api

    def __call__(self, text: str) -> bool:
        if text.startswith(STAGE_KEYS):
            return self._join.answer(self._type, self._api, text)
        return self._known(text)

    def bucket(self, key: str) -> bool:
        return knows_bucket(self._known, key)
