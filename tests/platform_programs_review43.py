"""Programs of the false-alarm review of stop 43's changes (task review43, issue 9).

Stop 43 refused more in five places (fluentd43, glue43, madearn43, sqsvpc43, falsealarm27). Each program here is a
compliant shape a team writes near one of those changes, from the provider documentation, or its offending twin:

- ``settings-env`` (glue43's ``key=value`` scan of every AWS string holding ``=`` and ``catalog`` / ``metastore`` /
  ``warehouse``): a Lambda function's variables holding settings that are no Spark account setting: a Hive JDBC URL
  (``jdbc:hive2://...;catalog=...``: Apache Hive, "HiveServer2 Clients", JDBC connection URL's ``sess_var_list``), a
  Trino Hive catalog file (``hive.metastore.uri=thrift://...``: Trino, "Hive connector"), a Snowflake connection string
  (``warehouse=``: Snowflake, "Snowflake Connector for Python", connection parameters), ``CATALOG_ID`` naming the
  pinned own account, an Athena query's ``catalog`` in SQL. Passes.
- ``glue-job-own-conf``: a Glue 5.0 job's ``--conf`` with Iceberg's Glue catalog in the own pinned account (``glue.id``)
  and its ``warehouse`` in the stack's bucket, whose name starts with the account id (``s3://123456789012-lake-eu/``,
  the naming AWS's own examples use for account-unique buckets): only a value that begins with twelve digits is read
  as an account, ``s3://`` never is. Passes. Twin ``glue-job-partner-conf``:
  ``spark.hadoop.hive.metastore.glue.catalogid`` of a partner's account, RES-023 outside CN (an aws-cn account is
  China's by partition).
- ``fd-cloudwatch-ruby-region`` (fluentd43 refuses a Fluentd ``cloudwatch_logs`` / ``kinesis_*`` output without
  ``region``: the AWS SDK for Ruby then reads AWS_REGION): the same output written with Fluentd's embedded Ruby,
  ``region "#{ENV['AWS_REGION']}"`` (Fluentd, "Config File Syntax": "Embedded Ruby Code", double-quoted strings are
  evaluated when the configuration is read), names the same environment variable: RES-016 like the omitted region,
  every jurisdiction. It passed every door on stop 43's main (the leak this review closes). ``-declared``: declared by
  the entry id, passes.
- ``fd-firehose-heredocs``: shell user data writing several files by heredoc: ``td-agent.conf`` including
  ``conf.d/*.conf``, a Kinesis Data Firehose output with the stack's Region written out (embedded Ruby only in the
  record's hostname), a systemd drop-in setting AWS_REGION (not a log-router file). Passes.
- ``fb-include-heredocs``: a Fluent Bit ``fluent-bit.conf`` with ``@INCLUDE`` and ``Parsers_File``, its included
  inputs file, a parsers file (regular expressions) and a Lua filter, each written by heredoc under
  ``/etc/fluent-bit/``; output ``cloudwatch_logs`` in the stack's Region. Passes.
- ``sfn-own-literal`` (madearn43 judges a state machine's ``log_destination`` account): the own log group's ARN
  written out under the pinned provider. ``sfn-own-concat`` / ``sfn-own-format``: under a provider pinning no account,
  the own log group's ``arn`` output followed by ``:*``, built with ``pulumi.Output.concat`` / ``pulumi.Output.format``
  (Step Functions: "The ARN must end with ``:*``"). All pass.
- ``search-endpoint-own-unpinned`` (sqsvpc43 judges an OpenSearch VPC endpoint's ``domain_arn`` account): the
  registry's own example, ``domain_arn=domain.arn`` of the domain the stack makes, under a provider pinning no
  account. It was RES-023 on stop 43's main (the domain's ``arn`` proved nothing); passes now (``made_account_arns``).
  Twin ``search-endpoint-second-provider``: the domain made by a second provider (another profile): RES-023 outside CN.
- ``search-policy-output``: a separate ``opensearch.DomainPolicy`` naming the VPC domain by its ``domain_name`` output
  (sqsvpc43 ran the literal name and the Elasticsearch type). Passes.
- ``function-two-pinned``: an S3 notification under the pinned provider to a Lambda function made by a second
  provider pinned to the same account (a second Region-scoped provider for the application). Passes.

tests/test_realistic_programs.py runs them as CASES (``review43-*``); docs/residency.md, "False-alarm review of stop
43's changes (stop 43)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it; the mocks' ARNs carry it)."""
PARTNER = "444455556666"
CODES = ("EU", "US", "JP", "CN")
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
SHAPES = (
    "settings-env", "glue-job-own-conf", "glue-job-partner-conf", "fd-cloudwatch-ruby-region",
    "fd-cloudwatch-ruby-region-declared", "fd-firehose-heredocs", "fb-include-heredocs", "sfn-own-literal",
    "sfn-own-concat", "sfn-own-format", "search-endpoint-own-unpinned", "search-endpoint-second-provider",
    "search-policy-output", "function-two-pinned",
)  # fmt: skip


def _trust(service: str) -> str:
    statement = {"Effect": "Allow", "Principal": {"Service": f"{service}.amazonaws.com"}, "Action": "sts:AssumeRole"}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def expected(code: str, shape: str) -> set[str]:
    if shape == "fd-cloudwatch-ruby-region":
        return {"RES-016"}
    if shape in ("glue-job-partner-conf", "search-endpoint-second-provider") and code != "CN":
        return {"RES-023"}
    return set()


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape != "fd-cloudwatch-ruby-region-declared":
        return []
    return [{"id": "fluentd-env-region", "kind": "resident", "match": "fluentd-aws-output-region-from-environment",
             "evidence": f"AWS_REGION={REGION[code]} set by the fleet's launch template (CHG-2026-131)"}]  # fmt: skip


def _function(name: str, opts: pulumi.ResourceOptions, variables: dict[str, Any] | None = None) -> Any:
    role = aws.iam.Role(f"{name}-exec", assume_role_policy=_trust("lambda"), opts=opts)
    return aws.lambda_.Function(
        name, role=role.arn, runtime="python3.12", handler="index.handler",
        code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(event, context):\n    return None\n")}),
        environment={"variables": variables} if variables else None, opts=opts,
    )  # fmt: skip


def settings_env(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: lambda/function (environment.variables); each value a connection setting the application reads.
        return _function("reporting", c.aws, {
            # Apache Hive, HiveServer2 Clients: jdbc:hive2://<host>:<port>/<db>;<sess_var_list>?<hive_conf_list>
            "HIVE_JDBC_URL": "jdbc:hive2://10.20.1.15:10000/default;catalog=hive;transportMode=http;httpPath=cliservice",
            # Trino, Hive connector: etc/catalog/<name>.properties
            "TRINO_CATALOG": "connector.name=hive\nhive.metastore.uri=thrift://10.20.1.16:9083\nhive.metastore-timeout=10s",
            # Snowflake Connector for Python: account, warehouse, database, schema, role (no host written)
            "SNOWFLAKE_DSN": "account=xy12345;warehouse=REPORTING_WH;database=SALES;schema=PUBLIC;role=REPORTER",
            "CATALOG_ID": OWN,
            "ATHENA_QUERY": "SELECT * FROM information_schema.tables WHERE table_catalog = 'awsdatacatalog'",
        })  # fmt: skip

    return build


def glue_job(code: str, account: str) -> Build:
    def build(c: Any) -> object:
        # An account-unique bucket name (account id first), made by the stack: the Iceberg warehouse.
        lake = aws.s3.Bucket("lake", bucket=f"{OWN}-lake-{code.lower()}", opts=c.aws)
        role = aws.iam.Role("glue-etl", assume_role_policy=_trust("glue"), opts=c.aws)
        # docs: Iceberg, "AWS Glue catalog" (spark.sql.catalog.<n>.glue.id, .warehouse); AWS Glue, "Using the Iceberg
        # framework in AWS Glue" (--datalake-formats iceberg, --conf); EMR, Glue Data Catalog as the Hive metastore.
        conf = lake.bucket.apply(lambda b: (
            "spark.sql.catalog.lake=org.apache.iceberg.spark.SparkCatalog"
            " --conf spark.sql.catalog.lake.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog"
            f" --conf spark.sql.catalog.lake.glue.id={OWN}"
            f" --conf spark.sql.catalog.lake.warehouse=s3://{b}/warehouse/"
            " --conf spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
            + ("" if account == OWN else f" --conf spark.hadoop.hive.metastore.glue.catalogid={account}")
        ))  # fmt: skip
        return aws.glue.Job(
            "orders-etl", name="orders-etl", role_arn=role.arn, glue_version="5.0", worker_type="G.1X",
            number_of_workers=2,
            command={"name": "glueetl", "python_version": "3",
                     "script_location": lake.bucket.apply(lambda b: f"s3://{b}/jobs/orders.py")},
            default_arguments={"--datalake-formats": "iceberg", "--conf": conf, "--enable-glue-datacatalog": "true"},
            opts=c.aws,
        )  # fmt: skip

    return build


def _script(files: list[tuple[str, str]], service: str) -> str:
    writes = "".join(f"mkdir -p $(dirname {f})\ncat > {f} <<'EOF'\n{t}EOF\n" for f, t in files)
    return f"#!/bin/bash\nset -euo pipefail\nyum install -y {service}\n{writes}systemctl enable --now {service}\n"


def _instance(user_data: str, opts: pulumi.ResourceOptions) -> object:
    # docs: ec2/instance (user_data: a shell script cloud-init runs once).
    return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                            user_data=user_data, opts=opts)  # fmt: skip


_SOURCE = ("<source>\n  @type tail\n  path /var/log/fleet/*.log\n  pos_file /var/log/td-agent/app.pos\n  tag app.*\n"
           "  <parse>\n    @type json\n  </parse>\n</source>\n")  # fmt: skip


def fluentd_ruby_region(code: str) -> Build:
    def build(c: Any) -> object:
        # fluent-plugin-cloudwatch-logs README: region, log_group_name, log_stream_name, auto_create_stream; the region
        # taken from the environment with embedded Ruby, as Fluentd's "Config File Syntax" shows for ENV values.
        conf = (_SOURCE + "<match app.**>\n  @type cloudwatch_logs\n  region \"#{ENV['AWS_REGION']}\"\n"
                "  log_group_name /fleet/app\n  log_stream_name \"#{Socket.gethostname}\"\n  auto_create_stream true\n"
                "</match>\n")  # fmt: skip
        return _instance(_script([("/etc/td-agent/td-agent.conf", conf)], "td-agent"), c.aws)

    return build


def fluentd_heredocs(code: str) -> Build:
    def build(c: Any) -> object:
        main = "@include conf.d/*.conf\n<system>\n  log_level info\n</system>\n" + _SOURCE
        # fluent-plugin-kinesis README: kinesis_firehose (region, delivery_stream_name), <inject> hostname.
        firehose = (f"<match app.**>\n  @type kinesis_firehose\n  region {REGION[code]}\n"
                    "  delivery_stream_name fleet-app\n  <inject>\n    hostname_key host\n"
                    "    hostname \"#{Socket.gethostname}\"\n  </inject>\n  <buffer>\n    flush_interval 5s\n"
                    "  </buffer>\n</match>\n")  # fmt: skip
        dropin = f"[Service]\nEnvironment=AWS_REGION={REGION[code]}\nEnvironment=FLUENTD_OPT=-v\n"
        files = [("/etc/td-agent/td-agent.conf", main), ("/etc/td-agent/conf.d/firehose.conf", firehose),
                 ("/etc/systemd/system/td-agent.service.d/override.conf", dropin)]  # fmt: skip
        return _instance(_script(files, "td-agent"), c.aws)

    return build


def fluent_bit_heredocs(code: str) -> Build:
    def build(c: Any) -> object:
        # Fluent Bit manual: classic format (@INCLUDE, Parsers_File), parsers (Regex), filter lua, cloudwatch_logs.
        main = ("[SERVICE]\n    Flush        5\n    Parsers_File parsers.conf\n\n@INCLUDE inputs.conf\n\n"
                "[FILTER]\n    Name   lua\n    Match  app.*\n    script /etc/fluent-bit/scripts/add_host.lua\n"
                "    call   add_host\n\n"
                f"[OUTPUT]\n    Name              cloudwatch_logs\n    Match             app.*\n"
                f"    region            {REGION[code]}\n    log_group_name    /fleet/app\n"
                "    log_stream_prefix web-\n    auto_create_group On\n")  # fmt: skip
        inputs = ("[INPUT]\n    Name   tail\n    Tag    app.nginx\n    Path   /var/log/nginx/access.log\n"
                  "    Parser nginx\n")  # fmt: skip
        parsers = ("[PARSER]\n    Name        nginx\n    Format      regex\n"
                   "    Regex       ^(?<remote>[^ ]*) (?<host>[^ ]*) (?<user>[^ ]*) \\[(?<time>[^\\]]*)\\] "
                   "\"(?<method>\\S+)(?: +(?<path>[^\\\"]*?)(?: +\\S*)?)?\" (?<code>[^ ]*) (?<size>[^ ]*)$\n"
                   "    Time_Key    time\n    Time_Format %d/%b/%Y:%H:%M:%S %z\n")  # fmt: skip
        lua = ('function add_host(tag, ts, record)\n  record["host"] = os.getenv("HOSTNAME")\n'
               "  return 1, ts, record\nend\n")  # fmt: skip
        files = [("/etc/fluent-bit/fluent-bit.conf", main), ("/etc/fluent-bit/inputs.conf", inputs),
                 ("/etc/fluent-bit/parsers.conf", parsers), ("/etc/fluent-bit/scripts/add_host.lua", lua)]  # fmt: skip
        return _instance(_script(files, "fluent-bit"), c.aws)

    return build


def state_machine(code: str, form: str) -> Build:
    def build(c: Any) -> object:
        # literal: the table's pinned provider; concat / format: a provider pinning no account.
        opts = c.aws
        if form != "literal":
            opts = pulumi.ResourceOptions(provider=aws.Provider("team", region=REGION[code]))
        group = aws.cloudwatch.LogGroup("orders-flow", name="/aws/vendedlogs/states/orders", opts=opts)
        role = aws.iam.Role("orders-flow", assume_role_policy=_trust("states"), opts=opts)
        # docs: sfn/statemachine logging_configuration.log_destination: "The ARN must end with `:*`".
        destination: Any = {
            "literal": f"arn:{PARTITION[code]}:logs:{REGION[code]}:{OWN}:log-group:/aws/vendedlogs/states/orders:*",
            "concat": pulumi.Output.concat(group.arn, ":*"),
            "format": pulumi.Output.format("{0}:*", group.arn),
        }[form]
        if form == "literal":
            opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[group]))
        return aws.sfn.StateMachine(
            "orders-flow", role_arn=role.arn,
            definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}),
            logging_configuration={"log_destination": destination, "include_execution_data": True, "level": "ERROR"},
            opts=opts,
        )  # fmt: skip

    return build


def _vpc_domain(opts: pulumi.ResourceOptions, network: pulumi.ResourceOptions, tag: str) -> tuple[Any, Any, Any]:
    vpc = aws.ec2.Vpc("search", cidr_block="10.50.0.0/16", opts=network)
    subnet = aws.ec2.Subnet("search-1", vpc_id=vpc.id, cidr_block="10.50.1.0/24", opts=network)
    group = aws.ec2.SecurityGroup("search", vpc_id=vpc.id, description="search clients", opts=network)
    # docs: opensearch/domain (domain_name, engine_version, cluster_config, ebs_options, vpc_options).
    domain = aws.opensearch.Domain(
        "fleet-logs", domain_name=f"fleet-logs-{tag}", engine_version="OpenSearch_2.13",
        cluster_config={"instance_type": "r6g.large.search"}, ebs_options={"ebs_enabled": True, "volume_size": 20},
        vpc_options={"subnet_ids": [subnet.id], "security_group_ids": [group.id]}, opts=opts,
    )  # fmt: skip
    return domain, subnet, group


def search_endpoint(code: str, maker: str) -> Build:
    def build(c: Any) -> object:
        team = pulumi.ResourceOptions(provider=aws.Provider("team", region=REGION[code]))
        made = team
        if maker == "second":
            made = pulumi.ResourceOptions(provider=aws.Provider("ops", region=REGION[code], profile="ops"))
        domain, subnet, group = _vpc_domain(made, team, code.lower())
        # docs: opensearch/vpcendpoint, the registry example: domain_arn = the domain's arn output.
        return aws.opensearch.VpcEndpoint(
            "search", domain_arn=domain.arn,
            vpc_options={"subnet_ids": [subnet.id], "security_group_ids": [group.id]}, opts=team,
        )  # fmt: skip

    return build


def search_policy_output(code: str) -> Build:
    def build(c: Any) -> object:
        domain, _, _ = _vpc_domain(c.aws, c.aws, code.lower())
        # OpenSearch developer guide, fine-grained access control: the open domain access policy it recommends.
        policy = domain.arn.apply(lambda arn: json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*", "Resource": f"{arn}/*"}
        ]}))  # fmt: skip
        # docs: opensearch/domainpolicy (domain_name, access_policies).
        return aws.opensearch.DomainPolicy("search-policy", domain_name=domain.domain_name, access_policies=policy,
                                           opts=c.aws)  # fmt: skip

    return build


def function_two_pinned(code: str) -> Build:
    def build(c: Any) -> object:
        app = aws.Provider("app", region=REGION[code], allowed_account_ids=[OWN])
        fn = _function("thumbnail", pulumi.ResourceOptions(provider=app))
        bucket = aws.s3.Bucket("uploads", opts=c.aws)
        # docs: s3/bucketnotification (lambda_functions[].lambda_function_arn, events).
        return aws.s3.BucketNotification(
            "uploads", bucket=bucket.id,
            lambda_functions=[{"lambda_function_arn": fn.arn, "events": ["s3:ObjectCreated:*"]}], opts=c.aws,
        )  # fmt: skip

    return build


def program(code: str, shape: str) -> Build:
    return {
        "settings-env": lambda: settings_env(code),
        "glue-job-own-conf": lambda: glue_job(code, OWN),
        "glue-job-partner-conf": lambda: glue_job(code, PARTNER),
        "fd-cloudwatch-ruby-region": lambda: fluentd_ruby_region(code),
        "fd-cloudwatch-ruby-region-declared": lambda: fluentd_ruby_region(code),
        "fd-firehose-heredocs": lambda: fluentd_heredocs(code),
        "fb-include-heredocs": lambda: fluent_bit_heredocs(code),
        "sfn-own-literal": lambda: state_machine(code, "literal"),
        "sfn-own-concat": lambda: state_machine(code, "concat"),
        "sfn-own-format": lambda: state_machine(code, "format"),
        "search-endpoint-own-unpinned": lambda: search_endpoint(code, "team"),
        "search-endpoint-second-provider": lambda: search_endpoint(code, "second"),
        "search-policy-output": lambda: search_policy_output(code),
        "function-two-pinned": lambda: function_two_pinned(code),
    }[shape]()


Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"review43-{code.lower()}-{shape}", code, program(code, shape), expected(code, shape), declared(code, shape))
        for code in CODES
        for shape in SHAPES
    ]
