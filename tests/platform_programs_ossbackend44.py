"""Alibaba Cloud ANONYMOUS APIs with OSS backends (stop 44, issue 9, RES-024): the last form stop 43 left open.

An ``alicloud.apigateway.Api`` with ``auth_type: ANONYMOUS``, ``backend_enabled: true`` and ``backend_id`` naming an
``alicloud.apigateway.Backend`` of ``backend_type: OSS`` serves the bucket's objects to anyone with no code in between.
It passed every front door before stop 44 (reproduced on the unchanged engine with these programs). Since stop 44 it is
RES-024 unless declared (``public:<api's logical name>``): the Api is joined to its Backend by ``backend_id`` as an
HTTP API Route is joined to its Integration by ``target`` (``stages.StageJoin.backend_not_oss``); an id the program
does not make proves nothing (fail closed).

Compliant twins: ``APP`` authentication, a Function Compute (``FC_EVENT``) or ``HTTP`` Backend, the OSS form declared;
not judged: no ``backend_id`` (the Api's own FunctionCompute service). Offending forms: the OSS Backend made before the
Api (``backend_id=backend.id``), made AFTER the Api (the Api's ``backend_id`` an Output resolved from the Backend
constructed later), and a literal id the program does not make. CN, and Alibaba stacks in JP and EU
(``eu-central-1``, Frankfurt). Builders follow pulumi-alicloud's ``apigateway.Api`` / ``apigateway.Backend`` registry
examples (tests/fixtures/registry_examples36.yaml: ``backend_id=example_backend.id``, ``backend_enabled=True``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud

Build = Callable[[Any], object]

CODES = ("CN", "JP", "EU")
ALI_REGIONS = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "EU": "eu-central-1"}
FORMS = {
    # form: (auth_type, backend_type or None for no Backend, order, expected)
    "anonymous-oss": ("ANONYMOUS", "OSS", "before", {"RES-024"}),
    "anonymous-oss-after": ("ANONYMOUS", "OSS", "after", {"RES-024"}),
    "anonymous-oss-other-id": ("ANONYMOUS", None, "literal", {"RES-024"}),
    "anonymous-oss-declared": ("ANONYMOUS", "OSS", "before", set()),
    "app-oss": ("APP", "OSS", "before", set()),
    "anonymous-fc": ("ANONYMOUS", "FC_EVENT", "before", set()),
    "anonymous-http": ("ANONYMOUS", "HTTP", "before", set()),
    "anonymous-http-after": ("ANONYMOUS", "HTTP", "after", set()),
    "anonymous-no-backend": ("ANONYMOUS", None, "none", set()),
}
DECLARED = [{"id": "catalogue-public", "kind": "resident", "match": "public:catalogue",
             "evidence": "public product images, no personal data"}]  # fmt: skip


def api_with_backend(code: str, form: str) -> Build:
    """The dealer catalogue's image API: an API Gateway group and Api whose backend is an API Gateway Backend."""
    auth, backend_type, order, _ = FORMS[form]

    def build(c: Any) -> object:
        alicloud.oss.Bucket("catalogue-images", bucket=f"catalogue-images-{code.lower()}", opts=c.ali)
        group = alicloud.apigateway.Group("catalogue", name="catalogue", description="catalogue", opts=c.ali)

        def backend() -> alicloud.apigateway.Backend:
            return alicloud.apigateway.Backend(
                "images", backend_name="images", backend_type=backend_type or "OSS", description="images", opts=c.ali
            )

        made: dict[str, alicloud.apigateway.Backend] = {}
        backend_id: Any = None
        if order == "before":
            made["b"] = backend()
            backend_id = made["b"].id
        elif order == "after":
            # The Backend is constructed after the Api; the Api's backend_id resolves to its id.
            later: pulumi.Output[Any] = pulumi.Output.from_input("").apply(lambda _: made["b"].id)
            backend_id = later
        elif order == "literal":
            backend_id = "a0b1c2d3e4f5"  # an id nothing in the program makes
        fc: Any = {"region": ALI_REGIONS[code], "function_name": "catalogue", "timeout": 10000,
                   "function_type": "FCEvent", "service_name": "catalogue"}  # fmt: skip
        api = alicloud.apigateway.Api(
            "catalogue", group_id=group.id, name="catalogue", description="catalogue images", auth_type=auth,
            request_config={"protocol": "HTTPS", "method": "GET", "path": "/images/[key]", "mode": "MAPPING"},
            service_type="FunctionCompute",
            fc_service_config=fc,
            stage_names=["RELEASE"], backend_id=backend_id, backend_enabled=None if backend_id is None else True,
            opts=c.ali,
        )  # fmt: skip
        if order == "after":
            made["b"] = backend()
        return api

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"ossbackend44-{code.lower()}-{form}", code, api_with_backend(code, form), expected,
         DECLARED if form.endswith("-declared") else [])
        for code in CODES
        for form, (_, _, _, expected) in FORMS.items()
    ]  # fmt: skip
