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


Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"leftovers43-{code.lower()}-{shape}", code, alias_program(code, shape), alias_expected(shape), [])
        for code in AWS_HOME
        for shape in ALIAS_SHAPES
    ]
