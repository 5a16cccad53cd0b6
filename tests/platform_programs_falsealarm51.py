"""False alarms, round 11 (stop 51, issue 9 item 6: falsealarm51).

Everyday in-country programs in the areas stop 50 changed, in their ordinary own-account use, written from the
pulumi-aws v7 / pulumi-alicloud registry pages and the CloudFormation / ROS references: Transfer Family servers and
workflows, EventBridge global endpoints, Cognito user pools' mail, Glue crawlers and CodeArtifact repositories with
their ARNs and accounts built from the ``get_caller_identity`` / ``get_region`` / ``get_partition`` lookups, templates
using ``Fn::Select`` / ``Fn::Split`` / ``Fn::GetAZs`` and ROS ``Fn::Str`` over the template's own values, StackSets
with their instances overridden at home, OSS replication into the stack's own replica, and scripts (``bash -c``,
``eval``, a buildspec's commands, an application's ``.toml`` / ``.conf`` / ``.properties`` file) over the stack's own
hosts and Region; each in CN (aws-cn cn-north-1; Alibaba cn-shanghai), EU, DE, JP and US.

And ``pulumi.StackReference``: a program reading the network stack's outputs (its VPC and subnets, its Region, a
queue URL, a secret database host, the data lake's bucket), the outputs given through the mocks as a test author gives
them (``SovereignMocks(stack_outputs=...)``, the table's ``Case.references``). The engine reads the referenced stack
during a preview as at ``up`` (a read step), so every door judges the values themselves: an in-country VPC, Region,
queue or host passes, a Region or queue abroad is refused (RES-001 / RES-006), and the lake bucket's ARN, whose owner
and Region no value proves, is refused unless declared (RES-017, fail closed).

Reproduced on the unchanged engine (main 54b9529): an nginx conf whose ``proxy_pass http://api`` names the ``upstream
api`` group it defines (``script-app-files``) was RES-015 at every door ("api is a host under no catalogued cloud
suffix"); it passes now, and the twin whose group's server is a partner's intake stays RES-015. The other everyday
programs passed on main too; the StackReference programs could not run there (no outputs in its mocks). See
docs/residency.md "False alarms, round 11 (stop 51)".
tests/test_realistic_programs.py runs them as CASES (``falsealarm51-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_ABROAD,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    OWN_UID,
    PARTNER_INTAKE,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
    partition,
    ros_stack,
    trust_policy,
)

from components.testing import Secret

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction (Germany has one: its programs stay in Frankfurt)."""
ALI_SECOND = {"CN": "cn-beijing"}
"""A second Alibaba Cloud Region inside the jurisdiction (Japan and Germany have one each)."""
VPC_ID = "vpc-0a1b2c3d4e5f60718"
"""The network stack's VPC."""
ALI_VSWITCH = "vsw-uf6fleet0001"
"""The network stack's Alibaba Cloud vSwitch."""
ALI_SG = "sg-uf6fleet0001"
"""The network stack's Alibaba Cloud security group."""


def _second(code: str) -> str:
    return SECOND.get(code, AWS_HOME[code])


def _lookups(c: Any) -> tuple[Any, Any, Any]:
    """The deploying account, the provider's Region and its partition, as the registry's examples read them."""
    invoke = pulumi.InvokeOptions(provider=c.aws.provider)
    return (
        aws.get_caller_identity_output(opts=invoke).account_id,
        aws.get_region_output(opts=invoke).region,
        aws.get_partition_output(opts=invoke).partition,
    )


def _policy(statements: list[dict[str, Any]]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


# -- Transfer Family ------------------------------------------------------------------------------------------------


def transfer_logs_by_arn(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: transfer/server (structured_log_destinations, logging_role), cloudwatch/loggroup (name); the log
        # group's ARN written with Output.format from the account, Region and partition lookups, as the Transfer
        # Family user guide writes it ("arn:aws:logs:region:account-id:log-group:/aws/transfer/...:*")
        account, region, part = _lookups(c)
        group = aws.cloudwatch.LogGroup("sftp", name="/aws/transfer/claims-drop", retention_in_days=90, opts=c.aws)
        arn = pulumi.Output.format("arn:{0}:logs:{1}:{2}:log-group:{3}:*", part, region, account, group.name)
        return aws.transfer.Server(
            "claims-drop", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED", endpoint_type="PUBLIC",
            structured_log_destinations=[arn], opts=c.aws,
        )  # fmt: skip

    return build


def transfer_copy_and_scan(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: transfer/workflow (steps: COPY copy_step_details.destination_file_location.s3_file_location {bucket,
        # key}, CUSTOM custom_step_details.target, TAG tag_step_details), transfer/server (workflow_details.on_upload);
        # the scanning function's ARN from config (the team's own account and Region), as the registry example passes
        # a function ARN
        account = pulumi.Config("claims").get("account") or OWN_ACCOUNT
        scan = f"arn:{partition(code)}:lambda:{AWS_HOME[code]}:{account}:function:scan-upload"
        archive = aws.s3.Bucket("claims-archive", bucket=f"claims-archive-{code.lower()}", opts=c.aws)
        workflow = aws.transfer.Workflow(
            "claims", description="copy, scan and tag each upload",
            steps=[
                {"type": "COPY", "copy_step_details": {
                    "name": "archive", "source_file_location": "${original.file}",
                    "destination_file_location": {"s3_file_location": {"bucket": archive.bucket,
                                                                       "key": "${transfer:UserName}/"}}}},
                {"type": "CUSTOM", "custom_step_details": {
                    "name": "scan", "source_file_location": "${previous.file}", "target": scan,
                    "timeout_seconds": 60}},
                {"type": "TAG", "tag_step_details": {
                    "name": "tag", "source_file_location": "${previous.file}",
                    "tags": [{"key": "scanned", "value": "true"}]}},
            ],
            opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("claims-workflow", assume_role_policy=trust_policy("transfer.amazonaws.com"), opts=c.aws)
        return aws.transfer.Server(
            "claims", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED",
            workflow_details={"on_upload": {"execution_role": role.arn, "workflow_id": workflow.id}}, opts=c.aws,
        )  # fmt: skip

    return build


# -- EventBridge global endpoint --------------------------------------------------------------------------------------


def event_endpoint_by_arn(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudwatch/eventendpoint (event_buses, routing_config.failover_config, replication_config,
        # role_arn); the buses' ARNs written with Output.format from the lookups, the secondary in the second Region
        account, region, part = _lookups(c)
        aws.cloudwatch.EventBus("orders", name="orders", opts=c.aws)
        aws.cloudwatch.EventBus("orders-secondary", name="orders", region=SECOND[code], opts=c.aws)
        primary = pulumi.Output.format("arn:{0}:events:{1}:{2}:event-bus/orders", part, region, account)
        secondary = pulumi.Output.format("arn:{0}:events:{1}:{2}:event-bus/orders", part, SECOND[code], account)
        # docs: route53/healthcheck (type CLOUDWATCH_METRIC, cloudwatch_alarm_name, cloudwatch_alarm_region): the
        # primary's health from an alarm in its own Region (an endpoint check would be run from checker Regions
        # worldwide, RES-016)
        alarm = aws.cloudwatch.MetricAlarm(
            "orders-primary", name="orders-primary", namespace="AWS/Events", metric_name="FailedInvocations",
            dimensions={"EventBusName": "orders"}, statistic="Sum", period=60, evaluation_periods=3, threshold=1,
            comparison_operator="GreaterThanOrEqualToThreshold", opts=c.aws,
        )  # fmt: skip
        check = aws.route53.HealthCheck(
            "orders-primary", type="CLOUDWATCH_METRIC", cloudwatch_alarm_name=alarm.name,
            cloudwatch_alarm_region=AWS_HOME[code], insufficient_data_health_status="Healthy", opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("orders-replication", assume_role_policy=trust_policy("events.amazonaws.com"), opts=c.aws)
        return aws.cloudwatch.EventEndpoint(
            "orders", name="orders", role_arn=role.arn,
            event_buses=[{"event_bus_arn": primary}, {"event_bus_arn": secondary}],
            routing_config={"failover_config": {"primary": {"health_check": check.arn},
                                                "secondary": {"route": SECOND[code]}}},
            replication_config={"state": "ENABLED"}, opts=c.aws,
        )  # fmt: skip

    return build


# -- Cognito user pools' mail -----------------------------------------------------------------------------------------


def user_pool_mail_by_arn(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cognito/userpool (email_configuration DEVELOPER, source_arn, from_email_address, configuration_set),
        # ses/emailidentity, ses/configurationset; the identity's ARN written from the lookups
        account, region, part = _lookups(c)
        aws.sesv2.EmailIdentity("mail", email_identity="mail.fleet.example", opts=c.aws)
        aws.ses.ConfigurationSet("pool-mail", name="pool-mail", opts=c.aws)
        identity = pulumi.Output.format("arn:{0}:ses:{1}:{2}:identity/mail.fleet.example", part, region, account)
        return aws.cognito.UserPool(
            "drivers", name="drivers", auto_verified_attributes=["email"], username_attributes=["email"],
            email_configuration={"email_sending_account": "DEVELOPER", "source_arn": identity,
                                 "from_email_address": "Fleet <no-reply@mail.fleet.example>",
                                 "configuration_set": "pool-mail"},
            opts=c.aws,
        )  # fmt: skip

    return build


def user_pool_default_mail(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cognito/userpool (email_configuration COGNITO_DEFAULT, verification_message_template), the default
        # Cognito mail of the pool's Region
        return aws.cognito.UserPool(
            "drivers", name="drivers", auto_verified_attributes=["email"],
            email_configuration={"email_sending_account": "COGNITO_DEFAULT"},
            verification_message_template={"default_email_option": "CONFIRM_WITH_CODE"}, opts=c.aws,
        )  # fmt: skip

    return build


# -- CodeArtifact -----------------------------------------------------------------------------------------------------


def codeartifact_own_domain(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: codeartifact/domain (domain, encryption_key), codeartifact/repository (domain, domain_owner,
        # upstreams), codeartifact/domainpermissions; domain_owner from get_caller_identity, as the registry example
        key = aws.kms.Key("packages", description="packages", enable_key_rotation=True, opts=c.aws)
        account, _, _ = _lookups(c)
        domain = aws.codeartifact.Domain("packages", domain="fleet-packages", encryption_key=key.arn, opts=c.aws)
        upstream = aws.codeartifact.Repository(
            "shared-libs", repository="shared-libs", domain=domain.domain, domain_owner=account, opts=c.aws
        )
        return aws.codeartifact.Repository(
            "app-libs", repository="app-libs", domain=domain.domain, domain_owner=account,
            upstreams=[{"repository_name": upstream.repository}], opts=c.aws,
        )  # fmt: skip

    return build


# -- Glue crawlers ----------------------------------------------------------------------------------------------------


def glue_crawler_events_by_arn(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: glue/crawler (s3_targets path, event_queue_arn, dlq_event_queue_arn, exclusions; recrawl_policy),
        # sqs/queue (name); the queues' ARNs written from the lookups and their names
        account, region, part = _lookups(c)
        lake = aws.s3.Bucket("lake", bucket=f"fleet-lake-{code.lower()}", opts=c.aws)
        events = aws.sqs.Queue("lake-events", name="fleet-lake-events", opts=c.aws)
        dlq = aws.sqs.Queue("lake-events-dlq", name="fleet-lake-events-dlq", opts=c.aws)
        role = aws.iam.Role("crawler", assume_role_policy=trust_policy("glue.amazonaws.com"), opts=c.aws)
        database = aws.glue.CatalogDatabase("lake", name="lake", opts=c.aws)

        def arn(queue: Any) -> Any:
            return pulumi.Output.format("arn:{0}:sqs:{1}:{2}:{3}", part, region, account, queue.name)

        return aws.glue.Crawler(
            "lake-raw", database_name=database.name, role=role.arn,
            recrawl_policy={"recrawl_behavior": "CRAWL_EVENT_MODE"},
            s3_targets=[{"path": pulumi.Output.concat("s3://", lake.bucket, "/raw/"), "exclusions": ["**/_tmp/**"],
                         "event_queue_arn": arn(events), "dlq_event_queue_arn": arn(dlq)}],
            opts=c.aws,
        )  # fmt: skip

    return build


# -- CloudFormation templates: Fn::Select, Fn::Split, Fn::GetAZs -------------------------------------------------------


def _cfn(name: str, resources: dict[str, Any], **top: Any) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stack (name, template_body, parameters)
        body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", **top, "Resources": resources})
        return aws.cloudformation.Stack(name, name=name, template_body=body, capabilities=["CAPABILITY_IAM"],
                                        opts=c.aws)  # fmt: skip

    return build


def cfn_subnets_getazs(code: str) -> Build:
    # CloudFormation "Fn::GetAZs" example: two subnets in the first two zones of the stack's Region
    subnets = {
        f"Subnet{i}": {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": VPC_ID, "CidrBlock": f"10.20.{i}.0/24",
            "AvailabilityZone": {"Fn::Select": [i, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]}}}
        for i in (0, 1)
    }  # fmt: skip
    return _cfn("fleet-subnets", subnets)


def cfn_bucket_name_from_arn(code: str) -> Build:
    # CloudFormation "Fn::Split" / "Fn::Select" examples: the last element of the template's own bucket's ARN (its
    # name) given to a function's environment, and the queue's name picked from its ARN
    resources = {
        "Lake": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": f"fleet-lake-{code.lower()}"}},
        "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-jobs"}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": json.loads(trust_policy("lambda.amazonaws.com"))}},
        "Worker": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
            "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
            "Environment": {"Variables": {
                "LAKE": {"Fn::Select": [5, {"Fn::Split": [":", {"Fn::GetAtt": ["Lake", "Arn"]}]}]},
                "QUEUE": {"Fn::Select": [5, {"Fn::Split": [":", {"Fn::GetAtt": ["Jobs", "Arn"]}]}]},
                "REGION": {"Fn::Select": [3, {"Fn::Split": [":", {"Fn::GetAtt": ["Jobs", "Arn"]}]}]}}}}},
    }  # fmt: skip
    return _cfn("fleet-worker", resources)


def cfn_endpoint_from_sub_split(code: str) -> Build:
    # CloudFormation "Fn::Select" over "Fn::Split" of an Fn::Sub: the host of the stack's own SQS endpoint, kept
    # with its Region pseudo parameter
    url = {"Fn::Sub": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/fleet-jobs"}
    resources = {
        "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-jobs"}},
        "Param": {"Type": "AWS::SSM::Parameter", "Properties": {
            "Name": "/fleet/jobs-host", "Type": "String",
            "Value": {"Fn::Select": [2, {"Fn::Split": ["/", url]}]}}},
    }  # fmt: skip
    return _cfn("fleet-jobs-host", resources)


# -- StackSets: instances at home --------------------------------------------------------------------------------------


def _replica_body(default: str) -> str:
    # AWS::DynamoDB::GlobalTable Replicas [{Region}]: one replica in the Region a Parameter names
    return json.dumps({
        "Parameters": {"ReplicaRegion": {"Type": "String", "Default": default}},
        "Resources": {"Trips": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
            "TableName": "trips", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
            "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": {"Ref": "ReplicaRegion"}}]}}},
    })  # fmt: skip


def stack_set_home_instances(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stackset (SELF_MANAGED, administration_role_arn, execution_role_name),
        # cloudformation/stacksetinstance (account_id from get_caller_identity, stack_set_instance_region,
        # parameter_overrides), one instance per Region of the jurisdiction, each overriding the replica at home
        account, _, part = _lookups(c)
        stack_set = aws.cloudformation.StackSet(
            "trips", name="trips", template_body=_replica_body(AWS_HOME[code]), permission_model="SELF_MANAGED",
            administration_role_arn=pulumi.Output.format(
                "arn:{0}:iam::{1}:role/AWSCloudFormationStackSetAdministrationRole", part, account),
            execution_role_name="AWSCloudFormationStackSetExecutionRole", opts=c.aws,
        )  # fmt: skip
        regions = dict.fromkeys((AWS_HOME[code], _second(code)))
        return [
            aws.cloudformation.StackSetInstance(
                f"trips-{region}",
                stack_set_name=stack_set.name,
                account_id=account,
                stack_set_instance_region=region,
                parameter_overrides={"ReplicaRegion": AWS_HOME[code] if region != AWS_HOME[code] else _second(code)},
                opts=c.aws,
            )
            for region in regions
        ]

    return build


def stack_instances_home(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stackinstances (stack_set_name, accounts, regions, parameter_overrides)
        stack_set = aws.cloudformation.StackSet(
            "trips", name="trips", template_body=_replica_body(_second(code)), permission_model="SELF_MANAGED",
            administration_role_arn=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/StackSetAdmin", opts=c.aws,
        )  # fmt: skip
        return aws.cloudformation.StackInstances(
            "trips", stack_set_name=stack_set.name, accounts=[OWN_ACCOUNT], regions=[AWS_HOME[code]],
            parameter_overrides={"ReplicaRegion": _second(code)}, opts=c.aws,
        )  # fmt: skip

    return build


# -- scripts: bash -c, eval, buildspec commands, application config files ----------------------------------------------


def _own_hosts(code: str) -> dict[str, str]:
    suffix, region = dns_suffix(code), AWS_HOME[code]
    return {
        "queue": f"https://sqs.{region}.{suffix}/{OWN_ACCOUNT}/fleet-jobs",
        "registry": f"{OWN_ACCOUNT}.dkr.ecr.{region}.{suffix}",
        "db": f"fleet.cluster-c9akciq32xyz.{region}.rds.{suffix}",
    }


def script_bash_c(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (user_data); the instance's Region from the metadata service, the stack's own queue in
        # bash -c and eval, as boot scripts run a command line built in a variable
        hosts = _own_hosts(code)
        script = (
            "#!/bin/bash\nset -euo pipefail\n"
            f"R=$(curl -s {IMDS}/meta-data/placement/region)\n"
            f'bash -c "aws sqs send-message --region $R --queue-url {hosts["queue"]} --message-body booted"\n'
            f'CMD="aws sqs get-queue-attributes --queue-url {hosts["queue"]} --attribute-names All"\n'
            'eval "$CMD" > /var/log/fleet-queue.json\n'
        )
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


def script_buildspec(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: codebuild/project (source.buildspec, environment.environment_variables); the CodeBuild "Build
        # specification reference" (phases.pre_build / build commands) and "Environment variables in build
        # environments" (AWS_REGION, AWS_DEFAULT_REGION): the ECR push of the registry's example
        registry = _own_hosts(code)["registry"]
        buildspec = (
            "version: 0.2\nphases:\n  pre_build:\n    commands:\n"
            f"      - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS "
            f"--password-stdin {registry}\n"
            "  build:\n    commands:\n"
            f"      - docker build -t {registry}/fleet-api:$CODEBUILD_RESOLVED_SOURCE_VERSION .\n"
            f"      - docker push {registry}/fleet-api:$CODEBUILD_RESOLVED_SOURCE_VERSION\n"
            "      - bash -c 'echo pushed to $AWS_REGION'\n"
        )
        role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
        return aws.codebuild.Project(
            "fleet-api", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
            source={"type": "NO_SOURCE", "buildspec": buildspec},
            environment={"compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                         "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0", "privileged_mode": True,
                         "environment_variables": [{"name": "IMAGE_REPO", "value": f"{registry}/fleet-api"}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def script_app_files(code: str, upstream: str = "10.20.1.15:8080") -> Build:
    def build(c: Any) -> object:
        # docs: ec2/launchtemplate (user_data, base64); the service's TOML settings, its JDBC .properties and its
        # nginx .conf, each naming the stack's own Region, database and private upstream (`upstream`: the group's
        # server; the offending twin's is a partner's intake)
        hosts, region = _own_hosts(code), AWS_HOME[code]
        toml = f'[aws]\nregion = "{region}"\nqueue_url = "{hosts["queue"]}"\n'
        props = f"spring.datasource.url=jdbc:postgresql://{hosts['db']}:5432/fleet\naws.region={region}\n"
        conf = (
            f"upstream api {{\n  server {upstream};\n}}\n"
            "server {\n  listen 80;\n  location / { proxy_pass http://api; }\n}\n"
        )
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /etc/fleet\n"
            f"cat > /etc/fleet/app.toml <<'EOF'\n{toml}EOF\n"
            f"cat > /etc/fleet/application.properties <<'EOF'\n{props}EOF\n"
            f"cat > /etc/nginx/conf.d/fleet.conf <<'EOF'\n{conf}EOF\n"
            "systemctl restart nginx\n"
        )
        encoded = base64.b64encode(script.encode()).decode()
        return aws.ec2.LaunchTemplate("fleet", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.small",
                                      user_data=encoded, opts=c.aws)  # fmt: skip

    return build


AWS_PROGRAMS: dict[str, tuple[Callable[[str], Build], tuple[str, ...]]] = {
    "transfer-logs-by-arn": (transfer_logs_by_arn, AWS_CODES),
    "transfer-copy-and-scan": (transfer_copy_and_scan, AWS_CODES),
    "event-endpoint-by-arn": (event_endpoint_by_arn, ("EU", "US", "JP", "CN")),
    "user-pool-mail-by-arn": (user_pool_mail_by_arn, ("EU", "DE", "US", "JP")),
    "user-pool-default-mail": (user_pool_default_mail, ("EU", "DE", "US", "JP")),
    "codeartifact-own-domain": (codeartifact_own_domain, ("EU", "DE", "US", "JP")),
    "glue-crawler-events-by-arn": (glue_crawler_events_by_arn, AWS_CODES),
    "cfn-subnets-getazs": (cfn_subnets_getazs, AWS_CODES),
    "cfn-bucket-name-from-arn": (cfn_bucket_name_from_arn, AWS_CODES),
    "cfn-endpoint-from-sub-split": (cfn_endpoint_from_sub_split, AWS_CODES),
    "stack-set-home-instances": (stack_set_home_instances, ("EU", "US", "JP", "CN")),
    "stack-instances-home": (stack_instances_home, ("EU", "US", "JP", "CN")),
    "script-bash-c": (script_bash_c, AWS_CODES),
    "script-buildspec": (script_buildspec, AWS_CODES),
    "script-app-files": (script_app_files, AWS_CODES),
}
"""Shape -> (builder, jurisdictions). Global endpoints and the StackSets' replicas need a second Region at home (not
DE); Cognito's SES mail and CodeArtifact are not offered in the China Regions (as awsred50)."""


# -- Alibaba Cloud -----------------------------------------------------------------------------------------------------


def oss_replication_own(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: oss/bucket, oss/bucketreplication (bucket, action, destination {bucket, location}, sync_role,
        # prefix_set, historical_object_replication); the replica in the second Region at home (CN) or in the same
        # Region (Japan and Germany have one Alibaba Cloud Region each)
        c.ali_role = DEPLOYER
        region = ALI_SECOND.get(code, ALI_HOME[code])
        source = alicloud.oss.Bucket("orders", bucket=f"orders-{code.lower()}-primary", opts=c.ali)
        replica_provider = alicloud.Provider(
            "replica", region=region, assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci")
        )
        replica = alicloud.oss.Bucket("replica", bucket=f"orders-{code.lower()}-replica",
                                      opts=pulumi.ResourceOptions(provider=replica_provider))  # fmt: skip
        return alicloud.oss.BucketReplication(
            "orders-replication", bucket=source.bucket, action="PUT,DELETE", sync_role="AliyunOSSRole",
            prefix_set={"prefixes": ["orders/", "invoices/"]}, historical_object_replication="enabled",
            destination={"bucket": replica.bucket, "location": f"oss-{region}"}, opts=c.ali,
        )  # fmt: skip

    return build


def ros_select_str(code: str) -> Build:
    # ROS "Fn::Select", "Fn::GetAZs" and "Fn::Str": a vSwitch in the Region's first zone, a listener port as text
    resources = {
        "VSwitch": {"Type": "ALIYUN::ECS::VSwitch", "Properties": {
            "VpcId": "vpc-uf6fleet0001", "CidrBlock": "10.30.1.0/24",
            "ZoneId": {"Fn::Select": ["0", {"Fn::GetAZs": {"Ref": "ALIYUN::Region"}}]}}},
        "Config": {"Type": "ALIYUN::OOS::Parameter", "Properties": {
            "ParameterName": "fleet-api-port", "Type": "String", "Value": {"Fn::Str": 8443}}},
        "Endpoint": {"Type": "ALIYUN::OOS::Parameter", "Properties": {
            "ParameterName": "fleet-oss-endpoint", "Type": "String",
            "Value": {"Fn::Join": ["", ["oss-", {"Ref": "ALIYUN::Region"}, "-internal.aliyuncs.com"]]}}},
    }  # fmt: skip
    return ros_stack("fleet-network", resources)


def ros_stack_group_home(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ros/stackgroup (stack_group_name, template_body, parameters), ros/stackinstance
        # (stack_instance_account_id, stack_instance_region_id, parameter_overrides)
        c.ali_role = DEPLOYER
        body = {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {"BucketRegion": {"Type": "String", "Default": ALI_HOME[code]}},
            "Resources": {"Logs": {"Type": "ALIYUN::OSS::Bucket", "Properties": {
                "BucketName": f"fleet-logs-{code.lower()}"}}},
        }  # fmt: skip
        group = alicloud.ros.StackGroup("logs", stack_group_name="fleet-logs", template_body=json.dumps(body),
                                        opts=c.ali)  # fmt: skip
        return alicloud.ros.StackInstance(
            "logs-home", stack_group_name=group.stack_group_name, stack_instance_account_id=OWN_UID,
            stack_instance_region_id=ALI_HOME[code],
            parameter_overrides=[{"parameter_key": "BucketRegion", "parameter_value": ALI_HOME[code]}], opts=c.ali,
        )  # fmt: skip

    return build


def ali_script_own(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ecs/instance (user_data); ossutil's config file (endpoint) and the aliyun CLI (--region) over the
        # instance's own Region's internal OSS endpoint, run through bash -c
        c.ali_role = DEPLOYER
        region = ALI_HOME[code]
        alicloud.oss.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.ali)
        script = (
            "#!/bin/bash\nset -e\n"
            "cat > /root/.ossutilconfig <<EOF\n[Credentials]\nlanguage=EN\n"
            f"endpoint=oss-{region}-internal.aliyuncs.com\nEOF\n"
            f'bash -c "ossutil cp /var/log/fleet/boot.json oss://fleet-logs-{code.lower()}/boot/"\n'
            f"aliyun ecs DescribeInstances --region {region} > /var/log/fleet-peers.json\n"
        )
        return ali_boot(c, script)

    return build


ALI_PROGRAMS: dict[str, Callable[[str], Build]] = {
    "oss-replication-own": oss_replication_own,
    "ros-select-str": ros_select_str,
    "ros-stack-group-home": ros_stack_group_home,
    "ali-script-own": ali_script_own,
}


# -- pulumi.StackReference: the network stack's outputs ----------------------------------------------------------------


def network_stack(code: str) -> str:
    """The full name of the network stack of the jurisdiction, as the program references it."""
    return f"fleet/network/{code.lower()}"


ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-east-1"}
"""An Alibaba Cloud Region outside each jurisdiction."""


def network_outputs(code: str) -> dict[str, Any]:
    """The network stack's outputs as ``pulumi stack output`` shows them: its VPC and subnets, its Region, the jobs
    queue, a secret database host, the data lake's bucket, and (the offending twins read them) a disaster-recovery
    Region and a partner's queue abroad."""
    suffix, home, away = dns_suffix(code), AWS_HOME[code], AWS_ABROAD.get(code, "eu-west-1")
    away_suffix = "amazonaws.com"
    return {
        "vpcId": VPC_ID,
        "privateSubnetIds": SUBNETS,
        "region": home,
        "jobsQueueUrl": f"https://sqs.{home}.{suffix}/{OWN_ACCOUNT}/fleet-jobs",
        "dbHost": Secret(f"fleet.cluster-c9akciq32xyz.{home}.rds.{suffix}"),
        "lakeBucketArn": f"arn:{partition(code)}:s3:::fleet-lake-{code.lower()}",
        "drRegion": away,
        "partnerQueueUrl": f"https://sqs.{away}.{away_suffix}/{OWN_ACCOUNT}/fleet-jobs",
        "partnerDbHost": Secret(f"fleet.cluster-c9akciq32xyz.{away}.rds.{away_suffix}"),
        "aliRegion": ALI_HOME.get(code, ""),
        "aliDrRegion": ALI_ABROAD.get(code, ""),
        "vswitchId": ALI_VSWITCH,
        "securityGroupId": ALI_SG,
    }


LAKE_DECLARED: Mapping[str, dict[str, Any]] = {
    code: {"id": "fleet-data-lake", "kind": "resident", "match": f"fleet-lake-{code.lower()}",
           "evidence": "the data stack's lake bucket, made in the stack's home Region (data stack's README)"}
    for code in AWS_CODES
}  # fmt: skip
"""The data lake's bucket declared by name (the ``stackref-lake-policy-declared`` programs)."""


def _network(code: str) -> pulumi.StackReference:
    # docs: pulumi StackReference (name: "<organization>/<project>/<stack>"), get_output / require_output
    return pulumi.StackReference("network", stack_name=network_stack(code))


def stackref_vpc(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/securitygroup (vpc_id), ec2/securitygrouprule, ec2/instance (subnet_id,
        # vpc_security_group_ids); the network stack's VPC and first private subnet
        net = _network(code)
        group = aws.ec2.SecurityGroup("worker", vpc_id=net.require_output("vpcId"), opts=c.aws)
        aws.ec2.SecurityGroupRule("worker-https", type="egress", from_port=443, to_port=443, protocol="tcp",
                                  cidr_blocks=["10.0.0.0/8"], security_group_id=group.id, opts=c.aws)  # fmt: skip
        return aws.ec2.Instance(
            "worker", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small",
            subnet_id=net.require_output("privateSubnetIds").apply(lambda ids: ids[0]),
            vpc_security_group_ids=[group.id], opts=c.aws,
        )  # fmt: skip

    return build


def stackref_vpc_lambda(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: lambda/function (vpc_config: subnet_ids from the network stack, security_group_ids of the group
        # the program makes): one input holding a value read from the referenced stack beside one unknown at a first
        # preview (tests/test_stack_references51.py; not a table row: RES-014 at that preview, left open)
        net = _network(code)
        group = aws.ec2.SecurityGroup("worker", vpc_id=net.require_output("vpcId"), opts=c.aws)
        role = aws.iam.Role("worker", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        return aws.lambda_.Function(
            "worker", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            vpc_config={"subnet_ids": net.require_output("privateSubnetIds"), "security_group_ids": [group.id]},
            opts=c.aws,
        )  # fmt: skip

    return build


def stackref_region(code: str, key: str) -> Build:
    def build(c: Any) -> object:
        # docs: aws Provider (region, allowed_account_ids), the Region the network stack exports
        net = _network(code)
        where = aws.Provider("network-region", region=net.require_output(key), allowed_account_ids=[OWN_ACCOUNT])
        return aws.s3.Bucket("backups", bucket=f"fleet-backups-{code.lower()}",
                             opts=pulumi.ResourceOptions(provider=where))  # fmt: skip

    return build


def stackref_variable(code: str, variable: str, key: str) -> Build:
    def build(c: Any) -> object:
        # docs: lambda/function (environment.variables)
        net = _network(code)
        role = aws.iam.Role("reporter", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        return aws.lambda_.Function(
            "reporter", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            environment={"variables": {variable: net.require_output(key)}}, opts=c.aws,
        )  # fmt: skip

    return build


def stackref_lake_policy(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: iam/rolepolicy (policy), the lake bucket's ARN the data stack exports, in apply
        net = _network(code)
        role = aws.iam.Role("analyst", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        policy = net.require_output("lakeBucketArn").apply(
            lambda arn: _policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                                  "Resource": [arn, f"{arn}/curated/*"]}])
        )  # fmt: skip
        return aws.iam.RolePolicy("analyst-lake", role=role.id, policy=policy, opts=c.aws)

    return build


def stackref_ali_network(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ecs/instance (vswitch_id, security_groups), from the network stack's outputs
        c.ali_role = DEPLOYER
        net = _network(code)
        return alicloud.ecs.Instance(
            "api", image_id="aliyun_3_x64_20G_alibase_20240819.vhd", instance_type="ecs.g7.large",
            vswitch_id=net.require_output("vswitchId"), security_groups=[net.require_output("securityGroupId")],
            opts=c.ali,
        )  # fmt: skip

    return build


def stackref_ali_region(code: str, key: str) -> Build:
    def build(c: Any) -> object:
        # docs: alicloud Provider (region, assume_role)
        net = _network(code)
        where = alicloud.Provider(
            "network-region",
            region=net.require_output(key),
            assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci"),
        )
        return alicloud.oss.Bucket("backups", bucket=f"fleet-backups-{code.lower()}",
                                   opts=pulumi.ResourceOptions(provider=where))  # fmt: skip

    return build


def _reference_rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for code in AWS_CODES:
        p = f"falsealarm51-{code.lower()}-stackref"
        out += [
            (f"{p}-vpc", code, stackref_vpc(code), set(), []),
            (f"{p}-region-home", code, stackref_region(code, "region"), set(), []),
            (f"{p}-region-abroad", code, stackref_region(code, "drRegion"), {"RES-001"}, []),
            (f"{p}-queue-home", code, stackref_variable(code, "JOBS_QUEUE_URL", "jobsQueueUrl"), set(), []),
            (f"{p}-queue-abroad", code, stackref_variable(code, "JOBS_QUEUE_URL", "partnerQueueUrl"), {"RES-006"}, []),
            (f"{p}-db-secret-home", code, stackref_variable(code, "DB_HOST", "dbHost"), set(), []),
            (f"{p}-db-secret-abroad", code, stackref_variable(code, "DB_HOST", "partnerDbHost"), {"RES-006"}, []),
            # aws-cn's partition proves the bucket in China: only outside CN is its name unproven
            (f"{p}-lake-policy", code, stackref_lake_policy(code), set() if code == "CN" else {"RES-017"}, []),
            (f"{p}-lake-policy-declared", code, stackref_lake_policy(code), set(), [LAKE_DECLARED[code]]),
        ]
    for code in ALI_CODES:
        p = f"falsealarm51-{code.lower()}-stackref-ali"
        out += [
            (f"{p}-network", code, stackref_ali_network(code), set(), []),
            (f"{p}-region-home", code, stackref_ali_region(code, "aliRegion"), set(), []),
            (f"{p}-region-abroad", code, stackref_ali_region(code, "aliDrRegion"), {"RES-001"}, []),
        ]
    return out


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (make, codes) in AWS_PROGRAMS.items():
        out += [(f"falsealarm51-{code.lower()}-{shape}", code, make(code), set(), []) for code in codes]
    for shape, make_ali in ALI_PROGRAMS.items():
        out += [(f"falsealarm51-{code.lower()}-{shape}", code, make_ali(code), set(), []) for code in ALI_CODES]
    # The leak twin of the nginx fix: the group's server is a partner's intake (RES-015 at that `server` line).
    partner = f"{PARTNER_INTAKE}:443"
    out += [(f"falsealarm51-{code.lower()}-script-app-files-partner-upstream", code, script_app_files(code, partner),
             {"RES-015"}, []) for code in AWS_CODES]  # fmt: skip
    return out


def reference_rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]], dict[str, Any]]]:
    """The StackReference programs: a row's last item is the outputs of the stacks it references, by stack name."""
    return [
        (id_, code, build, expected, declared, {network_stack(code): network_outputs(code)})
        for id_, code, build, expected, declared in _reference_rows()
    ]
