"""Facts and builder shapes the table's program modules share (tests/platform_programs_*.py).

The realistic table (tests/test_realistic_programs.py) runs each module's ``rows()``. From stop 45 on, each round's
module repeated its predecessor's accounts, Regions, type aliases, trust policies and row loops; each of those facts
lives here once. A module still writes out every resource its programs make (a reader sees what a program builds);
only what is the same fact in every round (an account, a Region, the shape of a row) is imported from here.

What a new table module should take from here: ``Build`` / ``Row``; the accounts (``OWN_ACCOUNT``, ``OWN_UID``,
``PARTNER_UID``, ``UNPINNED_PARTNER``) and Regions (``AWS_HOME``, ``ALI_HOME``) rather than new literals;
``trust_policy`` for an IAM role's service trust; the row builders where its programs come in the same pairs
(``unpinned_rows``: own / partner ARN under an unpinned provider; ``account_rows``: own / partner / partner-declared;
``home_abroad_rows``: a Region at home / abroad).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]
"""A program: called with the table's ``Ctx`` (its providers), it registers the program's resources."""
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]
"""(id, jurisdiction, build, expected rule ids, declared destinations): one program of the table."""

# -- AWS ------------------------------------------------------------------------------------------------------------

OWN_ACCOUNT = "123456789012"
"""The team's AWS account: the mocks' caller identity, which the table's AWS provider pins (``allowed_account_ids``)."""
AWS_HOME = {"EU": "eu-west-1", "DE": "eu-central-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""Each jurisdiction's AWS Region, the table's AWS provider Region (test_realistic_programs ``REGION``)."""


def partition(code: str) -> str:
    """The AWS partition of the jurisdiction's Region (the China Regions are ``aws-cn``)."""
    return "aws-cn" if code == "CN" else "aws"


def dns_suffix(code: str) -> str:
    """The DNS suffix of the jurisdiction's AWS service endpoints (the China Regions' is ``amazonaws.com.cn``)."""
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def trust_policy(service: str) -> str:
    """An IAM role's trust policy letting ``service`` (e.g. ``lambda.amazonaws.com``) assume it."""
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    })  # fmt: skip


def lambda_function(name: str, opts: pulumi.ResourceOptions) -> aws.lambda_.Function:
    """A minimal Python Lambda function and its execution role (docs: lambda/function)."""
    role = aws.iam.Role(f"{name}-role", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=opts)
    return aws.lambda_.Function(
        name, role=role.arn, runtime="python3.12", handler="index.handler",
        code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(event, context):\n    return None\n")}),
        opts=opts,
    )  # fmt: skip


def scheduled_target(opts: pulumi.ResourceOptions, name: str, target: Any, **kwargs: Any) -> aws.cloudwatch.EventTarget:
    """A nightly EventBridge rule whose target is ``target`` (an ARN), invoked through its own role (docs:
    cloudwatch/eventtarget ``arn``, ``role_arn``)."""
    rule = aws.cloudwatch.EventRule(name, schedule_expression="cron(0 3 * * ? *)", opts=opts)
    role = aws.iam.Role(f"{name}-events", assume_role_policy=trust_policy("events.amazonaws.com"), opts=opts)
    return aws.cloudwatch.EventTarget(name, rule=rule.name, arn=target, role_arn=role.arn, opts=opts, **kwargs)


# -- The stack's own resources by ARN under a provider pinning no account (madearns45-47) ----------------------------

UNPINNED_PARTNER = "444455556666"
"""Another account (a partner's), written out in the offending twins of the unpinned-provider programs."""


def unpinned(code: str) -> pulumi.ResourceOptions:
    """Options with the team's AWS provider as the registry's examples write it: a Region, no account pinned."""
    # docs: aws Provider — region only; no allowed_account_ids (the credentials' account, whichever it is)
    return pulumi.ResourceOptions(provider=aws.Provider("team", region=AWS_HOME[code]))


def partner_arn(code: str, service: str, resource: str, *, sep: str = ":", region: bool = True) -> str:
    """An ARN of ``UNPINNED_PARTNER``'s (in the jurisdiction's Region unless ``region`` is false)."""
    return f"arn:{partition(code)}:{service}:{AWS_HOME[code] if region else ''}:{UNPINNED_PARTNER}{sep}{resource}"


def unpinned_expected(code: str, shape: str) -> set[str]:
    """RES-023 for a partner's ARN outside CN; an aws-cn account is China's by partition, so CN programs pass."""
    return {"RES-023"} if code != "CN" and "-partner-" in shape else set()


def unpinned_rows(
    prefix: str, shapes: Mapping[str, Sequence[str]], builders: Mapping[str, Callable[[str, str], Build]]
) -> list[Row]:
    """Each shape family in each of its jurisdictions as ``-own-unpinned`` and ``-partner-unpinned``."""
    return [
        (f"{prefix}-{code.lower()}-{shape}", code, builders[family](code, shape), unpinned_expected(code, shape), [])
        for family, codes in shapes.items()
        for code in codes
        for shape in (f"{family}-own-unpinned", f"{family}-partner-unpinned")
    ]


# -- Log routers configured by an instance's user data beside the team's collector (scripts45-47) -------------------

SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
"""The team's private subnets: the collector's internal NLB spans both, the instance runs in the first."""
FLUENT_BIT_CONF = "/etc/fluent-bit/fluent-bit.conf"
"""The file Fluent Bit reads its configuration from (the only path whose contents the log router sends by)."""
PARTNER_COLLECTOR = "logs.partner-analytics.com"
"""A log analytics vendor's intake abroad, written into the offending twins."""


def fluent_bit_file(output: str, params: dict[str, str]) -> str:
    """A Fluent Bit classic configuration tailing the app's logs to one ``[OUTPUT]`` plugin with ``params``."""
    lines = ["[SERVICE]", "    Flush        5", "    Log_Level    info", "", "[INPUT]", "    Name tail",
             "    Tag  app.*", "    Path /var/log/fleet/*.log", "", "[OUTPUT]", f"    Name         {output}",
             "    Match        *"]  # fmt: skip
    return "\n".join(lines + [f"    {k:<12} {v}" for k, v in params.items()]) + "\n"


IMDS = "http://169.254.169.254/latest"
"""The EC2 instance metadata service's base URL (EC2 User Guide, "Access instance metadata"): scripts47-49 read the
instance's own Region from it."""
ALI_METADATA = "http://100.100.100.200/latest"
"""The Alibaba Cloud ECS metadata service's base URL (ECS "Instance metadata"): its ``meta-data/region-id``."""
REGION_FROM_METADATA = f"R=$(curl -s {IMDS}/meta-data/placement/region)\n"
"""A script line setting R to the instance's own Region (EC2 "Instance metadata categories": placement/region)."""
PARTNER_DB = "db.partner-analytics.com"
"""A partner's database abroad, named in the offending scripts of scripts49-50."""
PARTNER_INTAKE = "intake.partner-analytics.com"
"""A partner's HTTPS intake abroad, the offending scripts' destination (scripts49-50)."""
AWS_ABROAD = {"EU": "us-west-2", "US": "eu-west-1", "JP": "us-west-2", "CN": "us-west-2"}
"""An AWS Region outside each jurisdiction (scripts48-49: the offending twins' Region)."""


def collector_instance(script: Callable[[str], str]) -> Build:
    """An instance whose user data is ``script(<the collector NLB's DNS name>)``, beside the team's internal NLB
    (docs: lb/loadbalancer ``dns_name``; ec2/instance ``user_data``)."""

    def build(c: Any) -> object:
        nlb = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                  opts=c.aws).dns_name  # fmt: skip
        user_data = nlb.apply(script)
        return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


# -- Alibaba Cloud ---------------------------------------------------------------------------------------------------

OWN_UID = "1234567890123456"
"""The team's Alibaba Cloud account (the mocks' account, whose deployment role the provider assumes)."""
PARTNER_UID = "5555666677778888"
"""A partner's Alibaba Cloud account (a group hub, a supplier), which no provider of the stack assumes a role of."""
DEPLOYER = f"acs:ram::{OWN_UID}:role/sovereign-deployer"
"""The team's deployment role: a program sets ``c.ali_role = DEPLOYER`` to prove its account the stack's own."""
ALI_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
"""Each market's Alibaba Cloud region (the table's Alibaba provider region for the jurisdiction)."""


def ali_boot(c: Any, user_data: Any, *, launch_template: bool = False) -> pulumi.CustomResource:
    """The scripts rounds' Alibaba Cloud machine booting ``user_data`` (text or base64, as ECS takes either): an ECS
    instance, or a launch template with ``launch_template``; the image, type, vSwitch and security group are the
    stack's own."""
    if launch_template:
        # docs: ecs/ecslaunchtemplate (user_data: "The User Data")
        return alicloud.ecs.EcsLaunchTemplate("fleet", launch_template_name="fleet",
                                              image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
                                              instance_type="ecs.g7.large", security_group_id="sg-uf6fleet0001",
                                              vswitch_id="vsw-uf6fleet0001", user_data=user_data,
                                              opts=c.ali)  # fmt: skip
    # docs: ecs/instance (user_data: "User-defined data to customize the startup behaviors of an ECS instance"; a
    # base64-encoded value or plain text)
    return alicloud.ecs.Instance("fleet", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
                                 instance_type="ecs.g7.large", vswitch_id="vsw-uf6fleet0001",
                                 security_groups=["sg-uf6fleet0001"], user_data=user_data,
                                 opts=c.ali)  # fmt: skip


def ros_template(resources: dict[str, Any]) -> str:
    """An ROS template body holding ``resources`` (ROS template ``ROSTemplateFormatVersion`` 2015-09-01)."""
    return json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources})


def ros_stack(name: str, resources: dict[str, Any]) -> Build:
    """An ROS stack of ``resources`` deployed with the team's role (docs: ros/stack ``template_body``)."""

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.ros.Stack(name, stack_name=name, template_body=ros_template(resources), opts=c.ali)

    return build


# -- Red-team rounds: whose account a program names, which Region it sends to (awsred44-47, alired45-47) ------------

WHO = ("own", "partner", "partner-declared")
"""Whose resource a program names: the team's (passes), a partner's (refused), the partner's once declared (passes)."""
Program = Callable[[str, str], Build]
"""A program family: (jurisdiction, ``who`` or ``where``) -> the program."""


def account_rows(
    prefix: str,
    kinds: Mapping[str, Program],
    codes: Sequence[str],
    declared: dict[str, Any],
    rules: frozenset[str] = frozenset({"RES-023"}),
) -> list[Row]:
    """Each kind in each jurisdiction as ``-own``, ``-partner`` (refused under ``rules``) and ``-partner-declared``
    (``declared`` in the stack's destinations: passes)."""
    return [
        (f"{prefix}-{code.lower()}-{kind}-{who}", code, make(code, who), set(rules) if who == "partner" else set(),
         [declared] if who == "partner-declared" else [])
        for kind, make in kinds.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip


def shape_rows(
    prefix: str, kind: str, make: Program, shapes: Mapping[str, set[str]], codes: Sequence[str]
) -> list[Row]:
    """Each shape of a program family (``shapes``: shape -> the rules refusing it) in each of ``codes``, as
    ``<prefix>-<code>-<kind>-<shape>`` (stackinst50, stackjoin51)."""
    return [(f"{prefix}-{code.lower()}-{kind}-{shape}", code, make(code, shape), set(rules), [])
            for code in codes for shape, rules in shapes.items()]  # fmt: skip


def home_abroad_rows(
    prefix: str,
    kinds: Mapping[str, tuple[Program, set[str]] | tuple[Program, set[str], Sequence[str]]],
    codes: Sequence[str] = (),
) -> list[Row]:
    """Each kind ``(make, rules[, its jurisdictions])`` in its jurisdictions (else ``codes``) as ``-home`` (passes)
    and ``-abroad`` (refused under ``rules``)."""
    out: list[Row] = []
    for kind, (make, rules, *own_codes) in kinds.items():
        for code in own_codes[0] if own_codes else codes:
            out += [(f"{prefix}-{code.lower()}-{kind}-{where}", code, make(code, where),
                     rules if where == "abroad" else set(), []) for where in ("home", "abroad")]  # fmt: skip
    return out
