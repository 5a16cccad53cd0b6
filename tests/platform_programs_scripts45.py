"""Scripts and settings left open (stop 45, issue 9, scripts45).

Reproduced on the unchanged engine (main at 28fdd30) with the programs below: each offending program passed every
front door (EC2 shell user data in EU, US, JP and CN; a Lambda function and a ``.pyiceberg.yaml`` object in EU, US, JP).

- **An unappliable delete** (``sed -i '/\\<Retry_Limit\\>/d'``: GNU's word boundary ``\\<`` is a construct the engine
  does not translate) on a fluent-bit.conf the script wrote with a ``datadog`` output: any line may be gone, its
  ``Host`` among them, and the plugin then sends to its default (Datadog's US1 intake). Now RES-016 until declared
  (fail closed). Twins: the same edit on an ``http`` output (its default is 127.0.0.1: passes), and the appliable
  ``sed -i '/Retry_Limit/d'`` on the datadog output (computed: the Host stays, passes).
- **Files written by other commands**: ``sed 's/__COLLECTOR__/HOST/' TEMPLATE > FILE`` (sed without ``-i``, its
  output redirected), ``perl -pi -e 's/__COLLECTOR__/HOST/g' FILE``, ``awk '{gsub(/__COLLECTOR__/, "HOST")}1' TEMPLATE >
  FILE`` and ``envsubst < TEMPLATE > FILE`` (the template's ``Name ${LOG_OUTPUT}`` filled with the value the script
  exports). Offending: a partner's host (RES-015), ``LOG_OUTPUT=datadog`` with no Host (RES-016). Twins: the stack's
  internal NLB, ``LOG_OUTPUT=cloudwatch_logs`` with the home Region.
- **An assignment nested two levels deep**: a systemd unit's ``Environment="JAVA_OPTS=-Daws.region=REGION -Xmx1g"``
  (the property first: after another option it was read one level deep already): a
  Region abroad is RES-009, the home Region passes.
- **PyIceberg's assumed roles**: ``PYICEBERG_CATALOG__DEFAULT__CLIENT__ROLE_ARN`` in a Lambda function's environment
  and ``glue.role-arn`` in a ``.pyiceberg.yaml``, naming another account's role: RES-023 (the own account, which the
  table's provider pins, passes). Not in CN: an ``arn:aws-cn:`` account is judged by its partition there.

tests/test_realistic_programs.py runs them as CASES (``scripts45-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import (
    AWS_HOME,
    OWN_ACCOUNT,
    PARTNER_COLLECTOR,
    Build,
    Row,
    collector_instance,
    fluent_bit_file,
    partition,
)
from platform_parts import (
    FLUENT_BIT_CONF as FB,
)

CODES = ("EU", "US", "JP", "CN")
TEMPLATE = "/opt/fleet/collector.tpl"  # no log router reads this path: only what lands in FB is its configuration
OTHER = "444455556666"
ABROAD = {"EU": "us-east-1", "US": "eu-west-1", "JP": "us-west-2", "CN": "ap-east-1"}

# (shape, variant) -> expected rule ids (the same in every jurisdiction).
SCRIPT_SHAPES: dict[tuple[str, str], set[str]] = {
    ("delete-unapplied", "datadog"): {"RES-016"},
    ("delete-unapplied", "http"): set(),
    ("delete-applied", "datadog"): set(),
    ("sed-redirect", "partner"): {"RES-015"},
    ("sed-redirect", "own-nlb"): set(),
    ("perl-pi", "partner"): {"RES-015"},
    ("perl-pi", "own-nlb"): set(),
    ("awk-redirect", "partner"): {"RES-015"},
    ("awk-redirect", "own-nlb"): set(),
    ("envsubst", "datadog"): {"RES-016"},
    ("envsubst", "cloudwatch"): set(),
    ("systemd-java-opts", "abroad"): {"RES-009"},
    ("systemd-java-opts", "home"): set(),
}
ICEBERG_SHAPES: dict[tuple[str, str], set[str]] = {
    ("pyiceberg-role-env", "other-account"): {"RES-023"},
    ("pyiceberg-role-env", "own-account"): set(),
    ("pyiceberg-role-yaml", "other-account"): {"RES-023"},
    ("pyiceberg-role-yaml", "own-account"): set(),
}


def script(code: str, shape: str, variant: str, nlb: str) -> str:
    """EC2 user data: install Fluent Bit (or the app), write its file the shape's way, start it."""
    head = "#!/bin/bash\nset -euo pipefail\nyum install -y fluent-bit\nmkdir -p /etc/fluent-bit /opt/fleet\n"
    tail = "systemctl enable --now fluent-bit\n"
    if shape.startswith("delete-"):
        params = {"Host": nlb, "Port": "443", "apikey": "${DD_API_KEY}", "Retry_Limit": "5"}
        if variant == "http":
            params = {"Host": nlb, "Port": "8443", "URI": "/ingest", "Retry_Limit": "5"}
        # GNU sed's `\<` (start of a word) is no construct the engine translates: the delete is not applied.
        pattern = "\\<Retry_Limit\\>" if shape == "delete-unapplied" else "Retry_Limit"
        return f"{head}cat > {FB} <<'EOF'\n{fluent_bit_file(variant, params)}EOF\nsed -i '/{pattern}/d' {FB}\n{tail}"
    host = PARTNER_COLLECTOR if variant == "partner" else nlb
    template = fluent_bit_file("http", {"Host": "__COLLECTOR__", "Port": "443", "URI": "/ingest", "tls": "on"})
    write = f"cat > {TEMPLATE} <<'EOF'\n{template}EOF\n"
    if shape == "sed-redirect":
        return f"{head}{write}sed 's/__COLLECTOR__/{host}/' {TEMPLATE} > {FB}\n{tail}"
    if shape == "perl-pi":
        return f"{head}{write}cp {TEMPLATE} {FB}\nperl -pi -e 's/__COLLECTOR__/{host}/g' {FB}\n{tail}"
    if shape == "awk-redirect":
        return f"{head}{write}awk '{{gsub(/__COLLECTOR__/, \"{host}\")}}1' {TEMPLATE} > {FB}\n{tail}"
    if shape == "envsubst":
        output = "datadog" if variant == "datadog" else "cloudwatch_logs"
        params = {"region": AWS_HOME[code], "log_group_name": "/fleet/app", "log_stream_prefix": "app-",
                  "auto_create_group": "On", "apikey": "${DD_API_KEY}"}  # fmt: skip
        template = fluent_bit_file("${LOG_OUTPUT}", params)
        return (f"{head}export LOG_OUTPUT={output}\ncat > {TEMPLATE} <<'EOF'\n{template}EOF\n"
                f"envsubst '$LOG_OUTPUT' < {TEMPLATE} > {FB}\n{tail}")  # fmt: skip
    # systemd-java-opts: a Java service whose unit sets JAVA_OPTS, which sets the SDK's Region property.
    region = ABROAD[code] if variant == "abroad" else AWS_HOME[code]
    unit = (
        f'[Unit]\nDescription=Fleet ingest\n\n[Service]\nEnvironment="JAVA_OPTS=-Daws.region={region} -Xmx1g"\n'
        "ExecStart=/usr/bin/java $JAVA_OPTS -jar /opt/fleet/ingest.jar\n\n[Install]\nWantedBy=multi-user.target\n"
    )
    return (f"#!/bin/bash\nset -euo pipefail\ncat > /etc/systemd/system/ingest.service <<'EOF'\n{unit}EOF\n"
            "systemctl daemon-reload\nsystemctl enable --now ingest\n")  # fmt: skip


def script_program(code: str, shape: str, variant: str) -> Build:
    return collector_instance(lambda nlb: script(code, shape, variant, nlb))


def iceberg_program(code: str, shape: str, variant: str) -> Build:
    """A PyIceberg job on Lambda whose catalog assumes a role (PyIceberg "Configuration": ``client.role-arn``,
    "Unified AWS Credentials"; ``glue.role-arn``, PR 4132): in its environment or in a ``.pyiceberg.yaml`` the stack
    uploads beside the code."""
    part = partition(code)
    account = OTHER if variant == "other-account" else OWN_ACCOUNT

    def build(c: Any) -> object:
        role = f"arn:{part}:iam::{OWN_ACCOUNT}:role/lake-writer"
        assumed = f"arn:{part}:iam::{account}:role/lake-catalog-access"
        variables: dict[str, Any] = {"PYICEBERG_CATALOG__DEFAULT__TYPE": "glue",
                                     "PYICEBERG_CATALOG__DEFAULT__GLUE__REGION": AWS_HOME[code]}  # fmt: skip
        if shape == "pyiceberg-role-env":
            variables["PYICEBERG_CATALOG__DEFAULT__CLIENT__ROLE_ARN"] = assumed
        else:
            bucket = aws.s3.Bucket("lake-config", opts=c.aws)
            text = (f"catalog:\n  default:\n    type: glue\n    glue.region: {AWS_HOME[code]}\n"
                    f"    glue.role-arn: {assumed}\n    glue.role-session-name: lake-writer\n")  # fmt: skip
            aws.s3.BucketObjectv2("pyiceberg-yaml", bucket=bucket.id, key="config/.pyiceberg.yaml", content=text,
                                  opts=c.aws)  # fmt: skip
            variables["PYICEBERG_HOME"] = "/tmp/pyiceberg"
        code_asset = pulumi.AssetArchive({"index.py": pulumi.StringAsset(
            "from pyiceberg.catalog import load_catalog\n\ndef handler(event, context):\n"
            "    return load_catalog('default').list_namespaces()\n")})  # fmt: skip
        return aws.lambda_.Function("lake-writer", role=role, runtime="python3.12", handler="index.handler",
                                    code=code_asset, environment={"variables": variables}, opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    none: list[dict[str, Any]] = []  # nothing declared: every refusal stands
    return [
        (f"scripts45-{code.lower()}-{shape}-{variant}", code, script_program(code, shape, variant), set(ids), none)
        for code in CODES
        for (shape, variant), ids in SCRIPT_SHAPES.items()
    ] + [
        (f"scripts45-{code.lower()}-{shape}-{variant}", code, iceberg_program(code, shape, variant), set(ids), none)
        for code in CODES[:3]
        for (shape, variant), ids in ICEBERG_SHAPES.items()
    ]  # fmt: skip
