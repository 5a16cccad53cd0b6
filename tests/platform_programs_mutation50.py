"""Mutation search, round 19: lookalike values two layers deep or more (stop 50, issue 9: mutation50).

Round 19 put a foreign value that reads like an own one (the Region beside the stack's, Zurich beside Frankfurt,
London beside Ireland, Hong Kong beside the mainland, us-east-1 in a JP stack; the stack's own account with one digit
changed) where the program's own value stood two layers deep or more: in an application's JSON config written by a
script inside base64 user data, and in a JSON state machine definition written as a string inside a CloudFormation
template. Each mutant the search made of these shapes was refused (docs/residency.md "Mutation search, round 19
(stop 50)"); these programs keep both verdicts in the table, so a change that stops reading a layer makes the
lookalike pass and a table test fail.

``shape`` and ``who`` (``-own`` passes, ``-lookalike`` is refused):

- ``config-in-b64-script`` (AWS EU / DE / US / JP / CN): an EC2 instance's base64 user data runs a script whose
  heredoc writes ``/etc/fleet/app.json`` naming the stack's SQS queue by its regional URL; ``-lookalike`` the queue URL
  in the Region beside the stack's.
- ``sfn-string-in-template`` (AWS EU / DE / US / JP / CN): a CloudFormation stack's state machine whose
  ``DefinitionString`` (a JSON document written as a string inside the template) publishes to the stack's SNS topic
  by ARN; ``-lookalike`` the topic's account one digit off (outside CN; an aws-cn account is China's whatever its id,
  so the CN twin takes the Region beside the stack's instead).
- ``ali-config-in-b64-script`` (Alibaba Cloud CN / JP / DE): an ECS instance's base64 user data writes
  ``/etc/fleet/app.json`` naming the stack's OSS bucket by its internal endpoint; ``-lookalike`` the endpoint in the
  Region beside the stack's.

Each passed before and after this round's change to the search (the engine is unchanged by this round): these rows
pin the verdicts the search found.

tests/test_realistic_programs.py runs them as CASES (``mutation50-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
    partition,
    trust_policy,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the Alibaba Cloud programs run in (the table's Alibaba provider region, ``ALI_HOME``)."""
AWS_LOOKALIKE = {"EU": "eu-west-2", "DE": "eu-central-2", "US": "ca-central-1", "JP": "us-east-1", "CN": "ap-east-1"}
"""The Region beside each jurisdiction's home (London beside Ireland, Zurich beside Frankfurt, Canada beside Virginia,
us-east-1 in a JP stack, Hong Kong beside Beijing), as the search's ``LOOKALIKE_REGIONS`` gives it."""
ALI_LOOKALIKE = {"CN": "cn-hongkong", "JP": "ap-northeast-2", "DE": "eu-west-1"}
"""The Alibaba Cloud region beside each market's (Hong Kong beside Shanghai, Seoul beside Tokyo, London beside
Frankfurt)."""
LOOKALIKE_ACCOUNT = OWN_ACCOUNT[:-1] + str((int(OWN_ACCOUNT[-1]) + 1) % 10)
"""The team's AWS account with its last digit changed: another account, which no provider pins."""
WHO = ("own", "lookalike")


def _b64(script: str) -> str:
    return base64.b64encode(script.encode()).decode()


def _config_script(settings: dict[str, str]) -> str:
    """A boot script writing an application's JSON config with a heredoc (scripts49: app config files are read)."""
    return (
        "#!/bin/bash\nset -euo pipefail\nmkdir -p /etc/fleet\ncat > /etc/fleet/app.json <<'EOF'\n"
        f"{json.dumps(settings, indent=2)}\nEOF\nsystemctl restart fleet-app\n"
    )


def config_in_b64_script(code: str, who: str) -> Build:
    # docs: ec2/instance (user_data_base64: "Can be used instead of user_data to pass base64-encoded binary data
    # directly"); the SQS queue URL form https://sqs.<region>.amazonaws.com/<account>/<name> (SQS developer guide,
    # "Queue and message identifiers").
    region = AWS_HOME[code] if who == "own" else AWS_LOOKALIKE[code]
    queue = f"https://sqs.{region}.{dns_suffix(code)}/{OWN_ACCOUNT}/fleet-orders"

    def build(c: Any) -> object:
        return aws.ec2.Instance(
            "app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
            user_data_base64=_b64(_config_script({"queue_url": queue, "service": "fleet-orders"})), opts=c.aws,
        )  # fmt: skip

    return build


def sfn_string_in_template(code: str, who: str) -> Build:
    # docs: cloudformation/stack (template_body); AWS::StepFunctions::StateMachine DefinitionString ("The Amazon
    # States Language definition of the state machine ... in JSON"); the SNS Publish task's TopicArn (Step Functions
    # "Call Amazon SNS"). The topic named by its ARN: the stack's own account, or (``lookalike``) one digit off.
    p = partition(code)
    region, account = AWS_HOME[code], OWN_ACCOUNT
    if who == "lookalike":
        # In CN an aws-cn account is China's whatever its id: the CN twin names the Region beside the stack's.
        region, account = (AWS_LOOKALIKE[code], OWN_ACCOUNT) if code == "CN" else (region, LOOKALIKE_ACCOUNT)
    definition = json.dumps({
        "StartAt": "Notify",
        "States": {"Notify": {
            "Type": "Task", "Resource": f"arn:{p}:states:::sns:publish", "End": True,
            "Parameters": {"TopicArn": f"arn:{p}:sns:{region}:{account}:fleet-alerts", "Message.$": "$.detail"},
        }},
    })  # fmt: skip
    template = json.dumps({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            "FlowRole": {"Type": "AWS::IAM::Role", "Properties": {
                "AssumeRolePolicyDocument": json.loads(trust_policy("states.amazonaws.com"))}},
            "Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                "RoleArn": {"Fn::GetAtt": ["FlowRole", "Arn"]}, "DefinitionString": definition}},
        },
    })  # fmt: skip

    def build(c: Any) -> object:
        return aws.cloudformation.Stack("alerts-flow", template_body=template, capabilities=["CAPABILITY_IAM"],
                                        opts=c.aws)  # fmt: skip

    return build


def ali_config_in_b64_script(code: str, who: str) -> Build:
    # docs: ecs/instance (user_data: base64 or plain text); OSS internal endpoints oss-<region>-internal.aliyuncs.com
    # (OSS "Regions and endpoints").
    region = ALI_HOME[code] if who == "own" else ALI_LOOKALIKE[code]
    endpoint = f"https://fleet-exports.oss-{region}-internal.aliyuncs.com"

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return ali_boot(c, _b64(_config_script({"export_endpoint": endpoint, "service": "fleet-exports"})))

    return build


def _sfn_rule(code: str) -> set[str]:
    """The account one digit off is RES-023; the CN twin's Region beside the stack's is RES-004 (an ARN abroad)."""
    return {"RES-004"} if code == "CN" else {"RES-023"}


FAMILIES: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...], Callable[[str], set[str]]]] = {
    "config-in-b64-script": (config_in_b64_script, AWS_CODES, lambda _: {"RES-006"}),
    "sfn-string-in-template": (sfn_string_in_template, AWS_CODES, _sfn_rule),
    "ali-config-in-b64-script": (ali_config_in_b64_script, ALI_CODES, lambda _: {"RES-006"}),
}
"""shape -> (program, its jurisdictions, the lookalike's rule ids in a jurisdiction)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"mutation50-{code.lower()}-{shape}-{who}", code, make(code, who), rule(code) if who == "lookalike" else set(),
         [])
        for shape, (make, codes, rule) in FAMILIES.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
