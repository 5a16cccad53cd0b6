"""Programs of the stage-variables review (stop 36): an Observability Access Manager link to a sink in another account,
and an SSM document shared with other accounts (RES-023); API Gateway stage variables an S3 integration reads as its
bucket.

Each builder is an ordinary program of an EV platform team. tests/test_realistic_programs.py runs them as CASES
(``stagevars36-*``); docs/residency.md, "Left open by the stage-variables review (stop 36)".
"""

from __future__ import annotations

import json
from typing import Any, Literal

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
"""The monitoring (and tooling) account: the mocks' caller identity, pinned by ``allowed_account_ids``."""
OBSERVED = "210987654321"
"""The observed workload account, pinned by the role its provider assumes."""
PARTNER = "999999999999"
"""An account no provider of the stack is pinned to (a partner's, or the group's account in another market)."""
REGIONS = {"EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-west-2", "CN": "cn-north-1"}
SINK_ID = "f3b2a1c0-1234-4abc-9def-0123456789ab"


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _providers(code: str) -> tuple[pulumi.ResourceOptions, pulumi.ResourceOptions]:
    """The monitoring account's provider (pinned by ``allowed_account_ids``) and the observed account's (pinned by the
    role it assumes), both in the jurisdiction's Region."""
    region = REGIONS[code]
    monitoring = aws.Provider(f"aws-monitoring-{code.lower()}", region=region, allowed_account_ids=[OWN])
    observed = aws.Provider(
        f"aws-observed-{code.lower()}", region=region,
        assume_roles=[{"role_arn": f"arn:{_part(code)}:iam::{OBSERVED}:role/platform-deployer"}],
    )  # fmt: skip
    return pulumi.ResourceOptions(provider=monitoring), pulumi.ResourceOptions(provider=observed)


# -- 2. an Observability Access Manager link's sink: the account the telemetry is shared with -----------------------


def oam_link(code: str, sink: Literal["made", "literal", "partner"]) -> Build:
    # docs: oam/sink, oam/link (`sinkIdentifier`: "Identifier of the sink to use to create this link"; CreateLink's
    # SinkIdentifier "The ARN of the sink to use to create this link"): the observed account links its metrics and log
    # groups to the monitoring account's sink. ``made``: the sink the stack makes on the monitoring account's provider;
    # ``literal``: the same sink's ARN written out (made by the monitoring stack, whose account this stack's monitoring
    # provider pins); ``partner``: a sink in an account no provider of the stack pins (refused, RES-023).
    region = REGIONS[code]

    def build(c: Any) -> object:
        monitoring, observed = _providers(code)
        if sink == "made":
            arn: Any = aws.oam.Sink("fleet-monitoring", name="fleet-monitoring", opts=monitoring).arn
        else:
            account = OWN if sink == "literal" else PARTNER
            arn = f"arn:{_part(code)}:oam:{region}:{account}:sink/{SINK_ID}"
            aws.cloudwatch.LogGroup("monitoring-inbox", name="/fleet/monitoring/inbox", retention_in_days=30,
                                    opts=monitoring)  # fmt: skip
        return aws.oam.Link(
            "telematics-account", label_template="$AccountName", sink_identifier=arn,
            resource_types=["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup"],
            link_configuration={"log_group_configuration": {"filter": "LogGroupName LIKE 'telematics-%'"}},
            opts=observed,
        )  # fmt: skip

    return build


# -- 3. an SSM document shared with other accounts ------------------------------------------------------------------


def ssm_document_share(code: str, accounts: Literal["own", "partner", "all", "one-partner"]) -> Build:
    # docs: ssm/document (`permissions`: "Additional permissions to attach to the document"; `type` "The permission
    # type for the document. The permission type can be Share", `account_ids` "The AWS user accounts that should have
    # access to the document. The account IDs can either be a group of account IDs or All"): the fleet's diagnostics
    # runbook, shared with the team's accounts (``own``: the monitoring and observed accounts, both pinned), with a
    # partner's account among them (``partner``), a partner's alone (``one-partner``), or publicly (``all``).
    ids = {
        "own": f"{OWN},{OBSERVED}",
        "partner": f"{OWN},{OBSERVED},{PARTNER}",
        "one-partner": PARTNER,
        "all": "All",
    }[accounts]

    def build(c: Any) -> object:
        monitoring, _observed = _providers(code)
        content = {
            "schemaVersion": "2.2",
            "description": "Collect the telematics agent's diagnostics",
            "mainSteps": [{
                "action": "aws:runShellScript", "name": "collect",
                "inputs": {"runCommand": ["systemctl status telematics-agent",
                                          "journalctl -u telematics-agent -n 200"]},
            }],
        }  # fmt: skip
        return aws.ssm.Document(
            "collect-diagnostics", name="fleet-collect-diagnostics", document_type="Command", document_format="JSON",
            content=json.dumps(content), permissions={"type": "Share", "account_ids": ids}, opts=monitoring,
        )  # fmt: skip

    return build


# -- 1. API Gateway `${stageVariables.bucket}`: what the Stages hold (kept refused at the Integration) ---------------


def apigw_stage_variable_bucket(region: str, stages: Literal["partner", "own-and-partner", "none"]) -> Build:
    # docs: aws apigateway/integration (type AWS, uri "arn:aws:apigateway:<region>:s3:path/${stageVariables.bucket}/
    # {key}"), apigateway/deployment, apigateway/stage (`variables`: "Map that defines the stage variables"), API
    # Gateway "Use stage variables for a REST API". The workshop's upload API with a Stage naming a partner's bucket
    # (``partner``), a prod Stage naming the stack's bucket beside a test Stage naming a partner's
    # (``own-and-partner``), or no Stage in the program (``none``: a Stage made elsewhere, by hand or another stack).
    # At stop 36 the Integration was refused (RES-017) whatever the Stages held; since the stage-variables join (stop
    # 37) a Stage's value an Integration reads as its bucket is judged as a bucket, so a partner's bucket is RES-017 at
    # the Stage, and with no Stage in the program the Integration stays RES-017 (docs/residency.md, "Left open by the
    # stage-variables join (stop 37)").
    def build(c: Any) -> object:
        opts = pulumi.ResourceOptions(
            provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN])
        )  # fmt: skip
        bucket = aws.s3.BucketV2("diag-uploads", bucket="fleet-diag-uploads", opts=opts)
        api = aws.apigateway.RestApi("uploads", name="uploads", endpoint_configuration={"types": "REGIONAL"},
                                     opts=opts)  # fmt: skip
        resource = aws.apigateway.Resource("object", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="{key}", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("put-object-method", rest_api=api.id, resource_id=resource.id,
                                       http_method="PUT", authorization="AWS_IAM",
                                       request_parameters={"method.request.path.key": True}, opts=opts)  # fmt: skip
        integration = aws.apigateway.Integration(
            "put-object", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="PUT", type="AWS",
            uri=f"arn:aws:apigateway:{region}:s3:path/${{stageVariables.bucket}}/{{key}}",
            credentials=f"arn:aws:iam::{OWN}:role/apigw-uploads",
            request_parameters={"integration.request.path.key": "method.request.path.key"}, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "uploads", rest_api=api.id, opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                depends_on=[integration])),
        )  # fmt: skip
        choices: dict[str, dict[str, Any]] = {
            "partner": {"prod": "partner-diag-uploads"},
            "own-and-partner": {"prod": bucket.bucket, "test": "partner-diag-uploads"},
            "none": {},
        }
        named = choices[stages]
        for stage, value in named.items():
            aws.apigateway.Stage(stage, rest_api=api.id, deployment=deployment.id, stage_name=stage,
                                 variables={"bucket": value}, opts=opts)  # fmt: skip
        return deployment

    return build
