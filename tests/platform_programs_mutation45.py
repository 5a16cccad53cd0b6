"""Programs of the mutation search's round 15 (stop 45): what the search found over the programs stop 44 added (sfn44,
sfn44b, cloudflow44, awsred44, openapi44, ossbackend44, logplugins44, leftovers44, review44).

One leak, found by a lookalike mutant (an in-country provider host of a compliant program turned into a host of another
domain that reads like it) and reproduced here: **a bare host whose last labels only look like a cloud suffix**. A host
ending ``-amazonaws.com`` (``internal-collector-....elb.eu-west-1-amazonaws.com``, ``...es-amazonaws.com``) or
``-aliyuncs.com`` is a name under the registrable domain ``eu-west-1-amazonaws.com`` / ``log-aliyuncs.com``, which
anyone may hold: nothing proves it in the jurisdiction. Written as a URL it was refused (RES-015); written as a bare
host, under a host key (a Fluent Bit output's ``Host``, an environment variable ``SEARCH_HOST`` / ``SLS_HOST``), it
passed every front door: the reference prefilter saw ``amazonaws.com`` inside it, so the value was left to the scan,
which reads a cloud host only after a dot and found none. (``logplugins44-*-own-nlb``: the stack's NLB host in a
Fluent Bit / Fluentd file, ``.elb.<region>.amazonaws.com`` -> ``.elb.<region>-amazonaws.com``, passed.)

Shapes, each ``-home`` (the real host: passes) and ``-lookalike`` (RES-015):

- ``fluentbit-nlb``: a Fluent Bit configuration kept in Parameter Store whose ``http`` output sends to the stack's
  internal NLB (its ``dns_name``), or to a lookalike of such a host. EU, US, JP, CN (``amazonaws.com.cn``).
- ``opensearch-env``: a Lambda function's ``SEARCH_HOST``, an OpenSearch VPC domain endpoint
  (``vpc-<name>-<id>.<region>.es.amazonaws.com``, OpenSearch Service developer guide, "Creating and managing domains":
  the domain endpoint), or the same with ``es-amazonaws.com``. EU, US, JP, CN.
- ``sls-env``: a Function Compute function's ``SLS_HOST``, Simple Log Service's internal endpoint
  (``<region>-intranet.log.aliyuncs.com``, SLS "Endpoints"), or the same with ``log-aliyuncs.com``. CN, JP.

tests/test_realistic_programs.py runs them as CASES (``mutation45-*``); docs/residency.md, "Mutation search, round 15
(stop 45)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
ALI_REGION = {"CN": "cn-shanghai", "JP": "ap-northeast-1"}
"""The table's Alibaba Cloud provider Region of each jurisdiction."""
SUFFIX = {"EU": "amazonaws.com", "US": "amazonaws.com", "JP": "amazonaws.com", "CN": "amazonaws.com.cn"}
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
LAMBDA_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}]})  # fmt: skip
FC_TRUST = json.dumps({"Version": "1", "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["fc.aliyuncs.com"]}}]})  # fmt: skip
HANDLER = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {}\n")})


def _lookalike(host: str) -> str:
    """``host`` with the dot before its provider domain made a dash: a name under another registrable domain."""
    for domain in ("amazonaws.com", "aliyuncs.com"):
        at = host.rfind("." + domain)
        if at >= 0:
            return f"{host[:at]}-{host[at + 1 :]}"
    raise ValueError(host)


def _nlb_host(code: str) -> str:
    # An NLB's Regional DNS name is `<name>-<id>.elb.<region>.amazonaws.com` ("my-load-balancer.elb.us-west-2.
    # amazonaws.com", AWS re:Post on NLB DNS names); an internal one's starts `internal-` (ELB user guide, "Internal
    # Classic Load Balancers": internal-name-123456789.region.elb.amazonaws.com).
    return f"internal-collector-0a1b2c3d4e5f6071.elb.{REGION[code]}.{SUFFIX[code]}"


def fluent_bit(host: str) -> str:
    # Fluent Bit manual, "HTTP" output: Host, Port, URI, Format.
    return (
        "[SERVICE]\n    Flush        5\n\n[INPUT]\n    Name         tail\n    Path         /var/log/app/*.log\n\n"
        f"[OUTPUT]\n    Name         http\n    Match        *\n    Host         {host}\n    Port         8443\n"
        "    URI          /ingest\n    Format       json\n    tls          On\n"
    )


def fluentbit_nlb(code: str, where: str) -> Build:
    def build(c: Any) -> object:
        # docs: lb/loadbalancer (internal network load balancer, `dns_name`); ssm/parameter (Advanced tier).
        lb = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS, opts=c.aws)
        # The lookalike: the NLB's host as a typo or a squatter writes it, `.elb.<region>-amazonaws.com`.
        host = lb.dns_name if where == "home" else pulumi.Output.from_input(_lookalike(_nlb_host(code)))
        return aws.ssm.Parameter(
            "fluent-bit-conf", name="/fleet/fluent-bit/conf", type="String", tier="Advanced",
            value=host.apply(fluent_bit), opts=c.aws,
        )  # fmt: skip

    return build


def opensearch_env(code: str, where: str) -> Build:
    host = f"vpc-logs-3kx7q2m4pn5a.{REGION[code]}.es.{SUFFIX[code]}"

    def build(c: Any) -> object:
        # docs: lambda/function (environment.variables); the domain's VPC endpoint as the OpenSearch client's host.
        role = aws.iam.Role("search-fn-role", assume_role_policy=LAMBDA_TRUST, opts=c.aws)
        return aws.lambda_.Function(
            "search-fn", role=role.arn, runtime="python3.12", handler="index.handler", code=HANDLER,
            environment={"variables": {"SEARCH_HOST": host if where == "home" else _lookalike(host)}}, opts=c.aws,
        )  # fmt: skip

    return build


def sls_env(code: str, where: str) -> Build:
    host = f"{ALI_REGION[code]}-intranet.log.aliyuncs.com"

    def build(c: Any) -> object:
        # docs: fc/v3function (environment_variables); SLS "Endpoints" (https://alibabacloud.com/help/en/sls/endpoints:
        # VPC access address `cn-shanghai-intranet.log.aliyuncs.com`).
        role = alicloud.ram.Role("logs-fn-role", role_name="logs-fn-role", assume_role_policy_document=FC_TRUST,
                                 opts=c.ali)  # fmt: skip
        return alicloud.fc.V3Function(
            "logs-fn", function_name="logs-fn", runtime="python3.10", handler="index.handler", memory_size=512,
            role=role.arn, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables={"SLS_HOST": host if where == "home" else _lookalike(host), "SLS_PROJECT": "fleet"},
            opts=c.ali,
        )  # fmt: skip

    return build


SHAPES: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "fluentbit-nlb": (fluentbit_nlb, ("EU", "US", "JP", "CN")),
    "opensearch-env": (opensearch_env, ("EU", "US", "JP", "CN")),
    "sls-env": (sls_env, ("CN", "JP")),
}


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"mutation45-{code.lower()}-{shape}-{where}", code, builder(code, where),
         set() if where == "home" else {"RES-015"}, [])
        for shape, (builder, codes) in SHAPES.items()
        for code in codes
        for where in ("home", "lookalike")
    ]  # fmt: skip
