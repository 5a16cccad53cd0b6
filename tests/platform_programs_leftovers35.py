"""Programs written for the leftovers review of stop 35 (``leftovers35-*`` in tests/test_realistic_programs.py).

Each builder is what an EV platform team writes from the provider docs next to one of the items earlier rounds left
open: a ROS stack whose template nests a stack (``ALIYUN::ROS::Stack`` ``TemplateBody``) or keeps an OOS template
(``ALIYUN::OOS::Template``), a stack Parameter given another resource's output, an SSM runbook creating a subnet in a
zone (``--availability-zone-id``), an EventBridge pipe / rule target sending a ``Host`` header to an API destination,
and a Cloud Assistant command on ``{{ACS::RegionId}}``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws

Build = Any


def _ros(resources: dict[str, Any], parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    template: dict[str, Any] = {"ROSTemplateFormatVersion": "2015-09-01"}
    if parameters:
        template["Parameters"] = parameters
    template["Resources"] = resources
    return template


def ros_nested_stack(region: str, form: str, value: str, *, as_text: bool = False) -> Build:
    # docs: alicloud ros/stack (template_body); ROS ALIYUN::ROS::Stack ("creates a nested stack", TemplateBody: the
    # child template, Parameters: a map of its Parameters' values; no region of its own: the parent stack's),
    # ALIYUN::CDN::Domain (Scope domestic, the default, overseas, global), ALIYUN::ECS::Instance UserData with Fn::Sub.
    # The downloads site and its uploader fleet as a child stack of the platform's root stack. `form`: `cdn` the child's
    # CDN domain has Scope `value`; `default` the child's uploader builds its OSS endpoint from ${UploadSite} whose
    # Default is `value`; `given` the parent gives UploadSite `value` (the child's Default is the home region);
    # `given-ref` the parent passes its own Parameter (Default `value`) on. `as_text`: the child template as a JSON
    # string (TemplateBody is a Map or the template's text).
    def build(c: Any) -> object:
        opts = _ali(region)
        given: dict[str, Any] = {}
        parent_parameters: dict[str, Any] = {}
        if form == "cdn":
            child = _ros({"DownloadsCdn": {"Type": "ALIYUN::CDN::Domain", "Properties": {
                "DomainName": "downloads.fleet.example.cn", "CdnType": "download", "Scope": value,
                "Sources": json.dumps([{"content": f"fleet-downloads.oss-{region}.aliyuncs.com", "type": "oss",
                                        "priority": "20", "port": 443, "weight": "10"}])}}})  # fmt: skip
        else:
            default = value if form == "default" else region
            if form == "given":
                given = {"UploadSite": value}
            elif form == "given-ref":
                parent_parameters = {"FleetUploadSite": {"Type": "String", "Default": value}}
                given = {"UploadSite": {"Ref": "FleetUploadSite"}}
            child = _ros(
                {"Uploader": {"Type": "ALIYUN::ECS::Instance", "Properties": {
                    "ImageId": "m-fleetbase0001", "InstanceType": "ecs.g7.large", "VpcId": "vpc-fleet0001",
                    "VSwitchId": "vsw-fleet0001", "SecurityGroupId": "sg-fleet0001",
                    "UserData": {"Fn::Sub": "#!/bin/sh\ncat >> /etc/fleet/uploader.env <<EOF\n"
                                            "OSS_ENDPOINT=https://oss-${UploadSite}-internal.aliyuncs.com\nEOF\n"},
                }}},
                {"UploadSite": {"Type": "String", "Default": default}},
            )  # fmt: skip
        properties: dict[str, Any] = {"TemplateBody": json.dumps(child) if as_text else child, "TimeoutMins": 30}
        if given:
            properties["Parameters"] = given
        root = _ros({"Downloads": {"Type": "ALIYUN::ROS::Stack", "Properties": properties}}, parent_parameters)
        return alicloud.ros.Stack("platform", stack_name="platform", template_body=json.dumps(root), opts=opts)

    return build


def ros_oos_template(region: str, endpoint_region: str | None) -> Build:
    # docs: alicloud ros/stack; ROS ALIYUN::OOS::Template (TemplateName, Content: the OOS template), OOS template
    # structure (Parameters with Default, {{ name }}), ACS::ECS::RunCommand (regionId defaults to {{ ACS::RegionId }}).
    # The log-shipping runbook kept in the platform's ROS stack: it uploads the day's logs to the region's internal
    # OSS endpoint. `endpoint_region` None: the endpoint is built from {{ ACS::RegionId }}; else from a Parameter
    # `logRegion` whose Default is `endpoint_region`.
    def build(c: Any) -> object:
        opts = _ali(region)
        parameters: dict[str, Any] = {"instanceId": {"Type": "String"}}
        place = "{{ ACS::RegionId }}"
        if endpoint_region is not None:
            parameters["logRegion"] = {"Type": "String", "Default": endpoint_region}
            place = "{{ logRegion }}"
        runbook = {"FormatVersion": "OOS-2019-06-01", "Parameters": parameters, "Tasks": [{
            "Name": "shipLogs", "Action": "ACS::ECS::RunCommand", "Properties": {
                "regionId": "{{ ACS::RegionId }}", "instanceId": "{{ instanceId }}", "commandType": "RunShellScript",
                "commandContent": "#!/bin/sh\ntar czf /tmp/logs.tgz /var/log/fleet\n"
                                  f"curl -sf -T /tmp/logs.tgz https://fleet-logs.oss-{place}-internal.aliyuncs.com/"
                                  "daily/logs.tgz\n"}}]}  # fmt: skip
        root = _ros({"ShipLogs": {"Type": "ALIYUN::OOS::Template", "Properties": {
            "TemplateName": "fleet-ship-logs", "Content": json.dumps(runbook)}}})  # fmt: skip
        return alicloud.ros.Stack("platform", stack_name="platform", template_body=json.dumps(root), opts=opts)

    return build


def stack_replica_from_output(
    cloud: str, region: str, default: str, replica: str, name: str = "ReplicaRegion"
) -> Build:
    # docs: aws cloudformation/stack (parameters: a map), AWS::DynamoDB::GlobalTable Replicas[].Region; alicloud
    # ros/stack (parameters: {parameter_key, parameter_value}), ALIYUN::ECS::CopyImage DestinationRegionId. The
    # replica Region is given from another resource's output (known only at deployment: here an SSM parameter's ARN /
    # the VPC's id, mapped to `replica` inside an apply), over a template Default `default` copied from a sample.
    # `name`: the Parameter's name (one that does not say region is judged only where the template uses it).
    def build(c: Any) -> object:
        if cloud == "aws":
            opts = _aws(region)
            marker = aws.ssm.Parameter("replica-marker", name="/fleet/replica", type="String", value="set", opts=opts)
            template = (
                "AWSTemplateFormatVersion: '2010-09-09'\n"
                f"Parameters:\n  {name}:\n    Type: String\n    Default: {default}\n"
                "Resources:\n  Trips:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n"
                "      TableName: trips\n      BillingMode: PAY_PER_REQUEST\n"
                "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
                "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
                "      Replicas:\n        - Region: !Ref 'AWS::Region'\n"
                f"        - Region: !Ref {name}\n"
            )
            given = {name: marker.arn.apply(lambda _: replica)}
            return aws.cloudformation.Stack("trips", template_body=template, parameters=given, opts=opts)
        opts = _ali(region)
        vpc = alicloud.vpc.Network("fleet", vpc_name="fleet", cidr_block="10.20.0.0/16", opts=opts)
        copy = _ros(
            {"Replica": {"Type": "ALIYUN::ECS::CopyImage", "Properties": {
                "ImageId": "m-fleetbase0001", "DestinationRegionId": {"Ref": name}}}},
            {name: {"Type": "String", "Default": default}},
        )  # fmt: skip
        pairs: Any = [{"parameter_key": name, "parameter_value": vpc.id.apply(lambda _: replica)}]
        return alicloud.ros.Stack(
            "replica", stack_name="replica", template_body=json.dumps(copy), parameters=pairs, opts=opts
        )

    return build


def ssm_create_subnet(region: str, zone_option: str, zone: str) -> Build:
    # docs: ssm/document (Command, schema 2.2, aws:runShellScript); AWS CLI ec2 create-subnet (--availability-zone
    # "The Availability Zone or Local Zone for the subnet", --availability-zone-id "The AZ ID or the Local Zone ID of
    # the subnet"). The network team's runbook adding a spare subnet for the fleet's batch nodes.
    def build(c: Any) -> object:
        opts = _aws(region)
        content = {
            "schemaVersion": "2.2",
            "description": "Add the batch nodes' spare subnet",
            "parameters": {"vpcId": {"type": "String"}},
            "mainSteps": [{"action": "aws:runShellScript", "name": "addSubnet", "inputs": {"runCommand": [
                f"aws ec2 create-subnet --vpc-id {{{{ vpcId }}}} --cidr-block 10.20.40.0/24 {zone_option} {zone} "
                f"--region {region} --tag-specifications 'ResourceType=subnet,Tags=[{{Key=Name,Value=batch-spare}}]'",
            ]}}],
        }  # fmt: skip
        return aws.ssm.Document(
            "add-batch-subnet", document_type="Command", document_format="JSON", content=json.dumps(content), opts=opts
        )

    return build


def _trust(service: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                                "Principal": {"Service": service}}]})  # fmt: skip


def pipe_api_destination_host_header(region: str, endpoint_region: str, *, rule: bool = False) -> Build:
    # docs: pipes/pipe (target_parameters.http_parameters.header_parameters: "The headers that need to be sent as part
    # of request invoking the API Gateway REST API or EventBridge ApiDestination"), cloudwatch/eventconnection,
    # cloudwatch/eventapidestination, cloudwatch/eventtarget (http_target.header_parameters). Telemetry alerts piped
    # from SQS to the fleet's intake API (a Regional API Gateway endpoint in `endpoint_region`) with the Host header of
    # the API's custom domain, which its base path mapping routes by. `rule`: an EventBridge rule target, not a pipe.
    def build(c: Any) -> object:
        opts = _aws(region)
        conn = aws.cloudwatch.EventConnection(
            "alerts-intake", authorization_type="API_KEY",
            auth_parameters={"api_key": {"key": "x-api-key", "value": "placeholder-rotated-by-secrets-manager"}},
            opts=opts,
        )  # fmt: skip
        dest = aws.cloudwatch.EventApiDestination(
            "alerts-intake-api", connection_arn=conn.arn, http_method="POST", invocation_rate_limit_per_second=20,
            invocation_endpoint=f"https://k3x9q2w7ab.execute-api.{endpoint_region}.amazonaws.com/v1/alerts",
            opts=opts,
        )  # fmt: skip
        headers = {"Host": "intake.fleet.example.eu", "X-Fleet-Source": "telemetry-alerts"}
        if rule:
            events = aws.cloudwatch.EventRule(
                "alerts", event_pattern=json.dumps({"source": ["fleet.telemetry"], "detail-type": ["Alert"]}), opts=opts
            )
            role = aws.iam.Role("events-api", assume_role_policy=_trust("events.amazonaws.com"), opts=opts)
            return aws.cloudwatch.EventTarget(
                "alerts-intake", rule=events.name, arn=dest.arn, role_arn=role.arn,
                http_target={"header_parameters": headers}, opts=opts,
            )  # fmt: skip
        queue = aws.sqs.Queue("telemetry-alerts", opts=opts)
        role = aws.iam.Role("alerts-pipe", assume_role_policy=_trust("pipes.amazonaws.com"), opts=opts)
        return aws.pipes.Pipe(
            "alerts-to-intake", role_arn=role.arn, source=queue.arn, target=dest.arn,
            target_parameters={"http_parameters": {"header_parameters": headers}}, opts=opts,
        )  # fmt: skip

    return build


def ecs_command_ship_logs(region: str, endpoint: str, *, enable_parameter: bool = True) -> Build:
    # docs: alicloud ecs/command (command_content: Base64, enable_parameter), Cloud Assistant "Use custom parameters in
    # commands" (built-in environment parameters, replaced with instance-specific values at execution time). The log
    # shipper run on the fleet's instances uploads to the region's internal OSS endpoint; `endpoint` is the region
    # part of its host ({{ACS::RegionId}}, or a region written out).
    def build(c: Any) -> object:
        script = (
            "#!/bin/sh\ntar czf /tmp/logs.tgz /var/log/fleet\n"
            f"curl -sf -T /tmp/logs.tgz https://fleet-logs.oss-{endpoint}-internal.aliyuncs.com/daily/logs.tgz\n"
        )
        return alicloud.ecs.Command(
            "ship-logs", name="ship-logs", type="RunShellScript", timeout=600, enable_parameter=enable_parameter,
            command_content=base64.b64encode(script.encode()).decode(), opts=_ali(region),
        )  # fmt: skip

    return build
