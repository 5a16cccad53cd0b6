"""OpenAPI-driven fuzzing (schemathesis): no input, with or without a valid token, makes a 5xx.

Every operation in /openapi.json is fuzzed with schema-valid (positive) and schema-violating
(negative) requests, also with the path pinned to an owned VIN so the data paths are reached.
Bounded to a few examples per operation and mode so the whole suite stays fast; the Hypothesis
database is off so a failure is reproduced from the printed example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Err, Ok
from schemathesis.generation import GenerationMode

if TYPE_CHECKING:  # not importable under plain `pytest`; mypy names tests/portal/* `portal.*` (pyproject)
    from portal.conftest import PortalEnv


EXAMPLES = 8
# No 5xx, and every answer is one the OpenAPI document declares (status, media type, body schema).
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def operations(env: PortalEnv) -> list[Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", env.client.app)
    results = list(schema.get_all_operations())
    ops = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(ops) == len(results), [result.err() for result in results if isinstance(result, Err)]
    assert len(ops) >= 8, "every endpoint is described in the OpenAPI document"
    return ops


def fuzz(env: PortalEnv, op: Any, strategy: st.SearchStrategy[Any], headers: dict[str, str]) -> None:
    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case[Any]) -> None:
        # Through the module's TestClient: schemathesis's own ASGI call builds a client per request.
        request = case.as_transport_kwargs(headers=headers)
        request.pop("cookies", None)  # the API uses none; per-request cookies are deprecated in the client
        if isinstance(request.get("data"), bytes | str):
            request["content"] = request.pop("data")  # raw bodies go as content= in httpx2
        response = env.client.request(**request)
        case.validate_response(response, checks=CHECKS)
        if response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", (op.label, response.text)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_owner_requests_never_make_a_server_error(fuzz_env: PortalEnv, mode: GenerationMode) -> None:
    for op in operations(fuzz_env):
        fuzz(fuzz_env, op, op.as_strategy(generation_mode=mode), fuzz_env.auth("owner-bob"))
        if mode is GenerationMode.POSITIVE and "{vin}" in op.path:
            pinned = op.as_strategy(generation_mode=mode, path_parameters={"vin": fuzz_env.sample.sold_vin})
            fuzz(fuzz_env, op, pinned, fuzz_env.auth("owner-bob"))


def test_anonymous_requests_never_make_a_server_error(fuzz_env: PortalEnv) -> None:
    for op in operations(fuzz_env):
        fuzz(fuzz_env, op, op.as_strategy(generation_mode=GenerationMode.NEGATIVE), {})
