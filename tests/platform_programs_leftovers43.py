"""Programs of stop 43's leftovers (leftovers43): what the first wave of stop 43 left open, reproduced and judged.

1. **The stack's own Lambda alias and version ARNs** (madearn43 left them out): an ``aws.lambda_.Alias``'s ``arn`` and a
   function's ``qualified_arn`` (the version ARN ``<function arn>:<version>``), passed as an S3 notification's
   ``lambda_function_arn``, an EventBridge target's ``arn`` or an SNS subscription's ``endpoint`` under a provider
   pinning no account (no ``allowed_account_ids``), were refused RES-023 on the unchanged engine although they name the
   stack's own function, made with the same credentials. Both are outputs and no inputs of their SDK classes
   (pulumi-aws v7 lambda/alias ``arn`` "ARN identifying your Lambda function alias"; lambda/function ``qualified_arn``
   "ARN identifying your Lambda Function Version"), so they join ``made_account_arns``: ``own-*`` pass. Twins (RES-023):
   the own alias ARN written out by hand beside ``depends_on`` (``alias-literal``), an alias made by a second provider
   of the stack (``alias-second-provider``), a partner's alias (``alias-partner-literal``).

   AWS in EU, US and JP (aws-cn accounts are China's by partition, so CN proves nothing here).
2. **A log-router file written line by line, or by a here-document split across a script list** (fluentd43 left them):
   an SSM Command document whose ``runCommand`` items are the lines of ``cat > /etc/fluent-bit/fluent-bit.conf
   <<'EOF'`` ... ``EOF`` (the agent runs the items as one script), EC2 user data writing the file with ``echo ... >>``
   lines, and a ``runCommand`` item writing ``/etc/td-agent/td-agent.conf`` with one ``printf``: on the unchanged engine
   each passed whatever its outputs (the file was never assembled). ``*-default`` (Fluent Bit datadog without Host,
   Fluentd honeycomb without api_host) is RES-016 now; ``*-private`` (an http output to a private address, the stack's
   Region's CloudWatch Logs) passes. EU, US, JP, CN.
3. **Iceberg settings naming an account by an ARN** (glue43 left them): an EMR Serverless application's Iceberg REST
   catalog on the S3 Tables endpoint whose warehouse is a table bucket ARN, and a Glue job's ``--conf`` with Iceberg's
   ``AssumeRoleAwsClientFactory`` and ``client.assume-role.arn``: another account's (``-other-account``) passed before,
   RES-023 now outside CN (aws-cn's accounts are in China); ``-own-account`` and ``-other-account-declared`` pass.
   Under a provider pinning no account, the stack's own table bucket by its ``arn`` output passes
   (``s3tables-own-bucket``; a table bucket's ``arn`` joined ``made_account_arns``), the same ARN written out is
   RES-023 (``s3tables-own-literal``).
tests/test_realistic_programs.py runs them as CASES (``leftovers43-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN_ACCOUNT = "123456789012"
"""The mocks' AWS account: what every ARN of a resource made by any provider carries."""
PARTNER_ACCOUNT = "444455556666"
AWS_HOME = {"EU": "eu-central-1", "US": "us-east-1", "JP": "ap-northeast-1"}
ALIAS_SHAPES = ("own-alias-notification", "own-alias-target", "own-alias-sns", "own-version-notification",
                "own-version-target", "alias-literal", "alias-second-provider", "alias-partner-literal")  # fmt: skip

LAMBDA_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def alias_expected(shape: str) -> set[str]:
    return set() if shape.startswith("own-") else {"RES-023"}


def alias_program(code: str, shape: str) -> Build:
    # The provider pins no account (no allowed_account_ids, no assume_roles): access keys of the team's account.
    region = AWS_HOME[code]

    def build(c: Any) -> object:
        team = aws.Provider("team", region=region)
        opts = pulumi.ResourceOptions(provider=team)
        maker = opts
        if shape == "alias-second-provider":
            maker = pulumi.ResourceOptions(provider=aws.Provider("ops", region=region, profile="ops"))
        # docs: lambda/function (publish: "Whether to publish creation/change as new Lambda Function Version"; output
        # qualified_arn), lambda/alias (function_name, function_version; output arn)
        role = aws.iam.Role("thumbnail-exec", assume_role_policy=LAMBDA_TRUST, opts=maker)
        fn = aws.lambda_.Function(
            "thumbnail", role=role.arn, runtime="python3.12", handler="index.handler", publish=True,
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(event, context):\n    pass\n")}),
            opts=maker,
        )  # fmt: skip
        alias = aws.lambda_.Alias("live", name="live", function_name=fn.name, function_version=fn.version, opts=maker)
        target: Any = fn.qualified_arn if shape.startswith("own-version") else alias.arn
        if shape == "alias-literal":
            target = f"arn:aws:lambda:{region}:{OWN_ACCOUNT}:function:thumbnail:live"
            opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[alias]))
        elif shape == "alias-partner-literal":
            target = f"arn:aws:lambda:{region}:{PARTNER_ACCOUNT}:function:thumbnail:live"
        if shape.endswith("-target"):
            # docs: cloudwatch/eventrule, cloudwatch/eventtarget (arn: a Lambda function, alias or version)
            rule = aws.cloudwatch.EventRule(
                "uploads", event_pattern=json.dumps({"source": ["fleet.uploads"]}), opts=opts
            )
            return aws.cloudwatch.EventTarget("uploads-to-thumbnail", rule=rule.name, arn=target, opts=opts)
        if shape.endswith("-sns"):
            # docs: sns/topicsubscription (protocol lambda, endpoint: the function's ARN)
            topic = aws.sns.Topic("uploads", opts=opts)
            return aws.sns.TopicSubscription(
                "uploads-to-thumbnail", topic=topic.arn, protocol="lambda", endpoint=target, opts=opts
            )
        # docs: s3/bucketnotification (lambda_functions[].lambda_function_arn, events)
        bucket = aws.s3.Bucket("uploads", opts=opts)
        return aws.s3.BucketNotification(
            "uploads", bucket=bucket.id,
            lambda_functions=[{"lambda_function_arn": target, "events": ["s3:ObjectCreated:*"]}], opts=opts,
        )  # fmt: skip

    return build


REGIONS = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's stack Regions (tests/test_realistic_programs.py REGION): ``c.aws`` deploys there, pinned."""
OTHER_ACCOUNT = "210987654321"
SUBNET = "subnet-0a1b2c3d4e5f60718"
LOG_SHAPES = ("ssm-split-heredoc", "user-data-echo", "ssm-printf")


def _fluent_bit(output: str) -> list[str]:
    """A Fluent Bit classic file's lines: tail the app's log, send it to ``output`` (``default``: datadog without Host,
    its default intake is Datadog's US1 site; ``private``: http to a private address in the stack's VPC)."""
    sink = (["    Name datadog", "    apikey ${DD_API_KEY}"] if output == "default"
            else ["    Name http", "    Host 10.0.3.7", "    Port 8080", "    Format json"])  # fmt: skip
    return ["[SERVICE]", "    Flush 5", "[INPUT]", "    Name tail", "    Path /var/log/app/*.log",
            "[OUTPUT]", *sink, "    Match *"]  # fmt: skip


def log_program(code: str, shape: str, output: str) -> Build:
    # docs: ssm/document (document_type Command, content: aws:runShellScript `runCommand`, "The commands to run ...
    # one line each"), ec2/instance (user_data); Fluent Bit classic format, Fluentd honeycomb / cloudwatch_logs.
    region = REGIONS[code]

    def build(c: Any) -> object:
        if shape == "user-data-echo":
            target = "/etc/fluent-bit/fluent-bit.conf"
            lines = _fluent_bit(output)
            script = "\n".join([
                "#!/bin/bash", "set -euo pipefail", "mkdir -p /etc/fluent-bit",
                f"echo '{lines[0]}' > {target}", *(f"echo '{line}' >> {target}" for line in lines[1:]),
                "systemctl enable --now fluent-bit",
            ]) + "\n"  # fmt: skip
            return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNET,
                                    user_data=script, opts=c.aws)  # fmt: skip
        if shape == "ssm-split-heredoc":
            commands = ["mkdir -p /etc/fluent-bit", "cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'",
                        *_fluent_bit(output), "EOF", "systemctl restart fluent-bit"]  # fmt: skip
        else:
            sink = (["  @type honeycomb", "  writekey ${HONEYCOMB_KEY}", "  dataset app"] if output == "default"
                    else ["  @type cloudwatch_logs", f"  region {region}", "  log_group_name /fleet/app",
                          "  log_stream_name app", "  auto_create_stream true"])  # fmt: skip
            # One printf whose format holds the file, each line ended by the two characters backslash and n.
            text = "".join(line + "\\n" for line in ["<match app.**>", *sink, "</match>"])
            commands = ["mkdir -p /etc/td-agent", f"printf '{text}' > /etc/td-agent/td-agent.conf",
                        "systemctl restart td-agent"]  # fmt: skip
        document = {"schemaVersion": "2.2", "description": "Configure the fleet's log router",
                    "mainSteps": [{"action": "aws:runShellScript", "name": "configureLogRouter",
                                   "inputs": {"runCommand": commands}}]}  # fmt: skip
        return aws.ssm.Document("log-router", name="configure-log-router", document_type="Command",
                                document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip

    return build


def log_expected(output: str) -> set[str]:
    return {"RES-016"} if output == "default" else set()


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def declared_account(code: str) -> list[dict[str, Any]]:
    """The central lake account whose table bucket / role the stack's jobs use, declared resident."""
    return [{"id": "central-lake-account", "kind": "resident", "match": OTHER_ACCOUNT,
             "evidence": f"the {code} data platform account, kept in-country by an SCP"}]  # fmt: skip


def iceberg_program(code: str, shape: str, account: str) -> Build:
    region = REGIONS[code]

    def build(c: Any) -> object:
        if shape in ("s3tables-own-bucket", "s3tables-own-literal"):
            # docs: s3tables/tablebucket (output arn "ARN of the table bucket"). The provider pins no account: the
            # stack's own table bucket by its `arn` output proves the account (made_account_arns); the own account's
            # ARN written out does not (RES-023, as every literal account under an unpinned provider).
            team = pulumi.ResourceOptions(provider=aws.Provider("team", region=region))
            bucket = aws.s3tables.TableBucket("lake", name="lake", opts=team)
            arn: Any = bucket.arn
            if shape == "s3tables-own-literal":
                arn = f"arn:{_partition(code)}:s3tables:{region}:{OWN_ACCOUNT}:bucket/lake"
            properties = {
                "spark.sql.catalog.s3t": "org.apache.iceberg.spark.SparkCatalog",
                "spark.sql.catalog.s3t.type": "rest",
                "spark.sql.catalog.s3t.uri": f"https://s3tables.{region}.{_suffix(code)}/iceberg",
                "spark.sql.catalog.s3t.warehouse": arn,
                "spark.sql.catalog.s3t.rest.sigv4-enabled": "true",
                "spark.sql.catalog.s3t.rest.signing-name": "s3tables",
            }
            return aws.emrserverless.Application(
                "tables", name="tables", release_label="emr-7.5.0", type="spark",
                runtime_configurations=[{"classification": "spark-defaults", "properties": properties}], opts=team,
            )  # fmt: skip
        if shape == "s3tables-rest":
            # docs: emrserverless/application (runtime_configurations spark-defaults); Amazon S3, "Accessing tables
            # using the Amazon S3 Tables Iceberg REST endpoint" (uri, warehouse = the table bucket ARN, signing name
            # s3tables).
            logs = aws.s3.Bucket("spark-logs", opts=c.aws)
            properties = {
                "spark.sql.catalog.s3t": "org.apache.iceberg.spark.SparkCatalog",
                "spark.sql.catalog.s3t.type": "rest",
                "spark.sql.catalog.s3t.uri": f"https://s3tables.{region}.{_suffix(code)}/iceberg",
                "spark.sql.catalog.s3t.warehouse": f"arn:{_partition(code)}:s3tables:{region}:{account}:bucket/lake",
                "spark.sql.catalog.s3t.rest.sigv4-enabled": "true",
                "spark.sql.catalog.s3t.rest.signing-name": "s3tables",
                "spark.sql.defaultCatalog": "s3t",
            }
            return aws.emrserverless.Application(
                "tables", name="tables", release_label="emr-7.5.0", type="spark",
                runtime_configurations=[{"classification": "spark-defaults", "properties": properties}],
                monitoring_configuration={"s3_monitoring_configuration": {
                    "log_uri": logs.bucket.apply(lambda b: f"s3://{b}/emr-serverless/")}},
                opts=c.aws,
            )  # fmt: skip
        # docs: glue/job (default_arguments `--conf`); Iceberg AWS integrations, "Cross-Account and Cross-Region
        # Access" (client.factory AssumeRoleAwsClientFactory, client.assume-role.arn / .region).
        scripts = aws.s3.Bucket("etl-scripts", opts=c.aws)
        role = aws.iam.Role("glue-etl", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "glue.amazonaws.com"}}]}),
            opts=c.aws)  # fmt: skip
        conf = (
            "spark.sql.catalog.lake=org.apache.iceberg.spark.SparkCatalog"
            " --conf spark.sql.catalog.lake.type=glue"
            " --conf spark.sql.catalog.lake.client.factory=org.apache.iceberg.aws.AssumeRoleAwsClientFactory"
            " --conf spark.sql.catalog.lake.client.assume-role.arn="
            f"arn:{_partition(code)}:iam::{account}:role/lake-writer"
            f" --conf spark.sql.catalog.lake.client.assume-role.region={region}"
            " --conf spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
        )
        return aws.glue.Job(
            "orders-etl", name="orders-etl", role_arn=role.arn, glue_version="5.0", worker_type="G.1X",
            number_of_workers=2,
            command={"name": "glueetl", "python_version": "3",
                     "script_location": scripts.bucket.apply(lambda b: f"s3://{b}/jobs/orders.py")},
            default_arguments={"--datalake-formats": "iceberg", "--conf": conf},
            opts=c.aws,
        )  # fmt: skip

    return build


Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    out: list[Row] = [
        (f"leftovers43-{code.lower()}-{shape}", code, alias_program(code, shape), alias_expected(shape), [])
        for code in AWS_HOME
        for shape in ALIAS_SHAPES
    ]
    out += [
        (f"leftovers43-{code.lower()}-{shape}-{output}", code, log_program(code, shape, output), log_expected(output),
         [])
        for code in REGIONS
        for shape in LOG_SHAPES
        for output in ("default", "private")
    ]  # fmt: skip
    for code in REGIONS:
        for shape in ("s3tables-rest", "assume-role"):
            prefix = f"leftovers43-{code.lower()}-{shape}"
            out.append((f"{prefix}-own-account", code, iceberg_program(code, shape, OWN_ACCOUNT), set(), []))
            out.append((f"{prefix}-other-account", code, iceberg_program(code, shape, OTHER_ACCOUNT),
                        set() if code == "CN" else {"RES-023"}, []))  # fmt: skip
            if code != "CN":
                out.append((f"{prefix}-other-account-declared", code, iceberg_program(code, shape, OTHER_ACCOUNT),
                            set(), declared_account(code)))  # fmt: skip
    for code in ("EU", "JP"):
        for shape in ("s3tables-own-bucket", "s3tables-own-literal"):
            out.append((f"leftovers43-{code.lower()}-{shape}", code, iceberg_program(code, shape, OWN_ACCOUNT),
                        set() if shape.endswith("-bucket") else {"RES-023"}, []))  # fmt: skip
    return out
