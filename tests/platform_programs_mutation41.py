"""Programs of the mutation search's round 10 (stop 41): what the search found over the programs stops 37-40 added.

An SAE (Serverless App Engine) ConfigMap is kept in the namespace its ``namespace_id`` names, "The NamespaceId of
ConfigMap ... The value is in format `{RegionId}:{namespace}`" (pulumi-alicloud sae/configmap); its ``data`` is the
configuration the applications mount or read as their environment (connection strings, endpoints, keys), stored in
that namespace's Region. An SAE Ingress routes the applications' requests in the namespace its ``namespace_id`` names
(same format, sae/ingress). Round 2 (stop 32) judged an Application's and a Namespace's ``namespace_id``
(``region_id_fields``); a ConfigMap's was not: the search's region mutant of ``redteam38-cn-ali-sae-config-map-home``
(``cn-shanghai:fleet`` -> ``us-east-1:fleet``) passed every front door, and so did the same programs written with
``cn-hongkong:fleet`` or ``ap-southeast-1:fleet`` below, and an Ingress in such a namespace.

``where`` is the namespace's Region: ``home`` (the provider's, written as the platform team's namespace id),
``made`` (the namespace the stack makes, by its output), ``hongkong`` / ``singapore`` (a namespace in cn-hongkong or
ap-southeast-1, outside the mainland: refused, RES-009). tests/test_realistic_programs.py runs them as CASES
(``mutation41-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud

Build = Callable[[Any], object]

HOME = {"CN": "cn-shanghai"}
"""The table's Alibaba Cloud provider Region of each jurisdiction these programs run in (test_realistic_programs
``REGION``). SAE is written for CN only, as round 14's red team program (``redteam38-cn-ali-sae-config-map-*``)."""
ABROAD = {"hongkong": "cn-hongkong", "singapore": "ap-southeast-1"}
WHERE = ("home", "made", *ABROAD)


def _namespace_id(c: Any, code: str, where: str) -> Any:
    if where == "made":
        ns = alicloud.sae.Namespace("ns", namespace_id=f"{HOME[code]}:fleet", namespace_name="fleet", opts=c.ali)
        return ns.namespace_id
    return f"{ABROAD.get(where, HOME[code])}:fleet"


def sae_config_map(code: str, where: str) -> Build:
    # docs: sae/configmap — `data`: "ConfigMap instance data" (the JSON the applications mount or read as their
    # environment); `namespace_id`: the namespace (and Region, `{RegionId}:{namespace}`) the ConfigMap is kept in.
    def build(c: Any) -> object:
        return alicloud.sae.ConfigMap(
            "settings", name="fleet-settings", namespace_id=_namespace_id(c, code, where),
            data=json.dumps({"DB_USER": "fleet", "LOG_LEVEL": "info", "FEATURE_FLAGS": "eta,trips"}), opts=c.ali,
        )  # fmt: skip

    return build


def sae_ingress(code: str, where: str) -> Build:
    # docs: sae/ingress — `namespace_id`: "The ID of Namespace ... The value is in format `{RegionId}:{namespace}`";
    # `rules`: "Forward traffic to the specified application according to the domain name and path".
    def build(c: Any) -> object:
        return alicloud.sae.Ingress(
            "portal", namespace_id=_namespace_id(c, code, where), slb_id="lb-uf6xc7wybefehnv45prmr",
            listener_port=80, description="owner-portal",
            rules=[{"app_id": "a1b2c3d4-5e6f-7a8b-9c0d-ef1234567890", "app_name": "owner-portal", "container_port": 8080,
                    "domain": "portal.fleet.example.cn", "path": "/"}],
            opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"mutation41-{code.lower()}-ali-sae-{kind}-{where}", code, make(code, where),
         {"RES-009"} if where in ABROAD else set(), [])
        for code in HOME
        for kind, make in (("config-map", sae_config_map), ("ingress", sae_ingress))
        for where in WHERE
    ]  # fmt: skip
