"""Guard overhead: the same >= 1,000-resource program with and without ``enforce``, in one process.

Prints the median wall time of each variant and their ratio (goal: <= 1.10). Runs alternate
between the variants so machine noise hits both alike. Run with ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

from components.residency import enforce
from components.testing import run_pulumi_program

GOAL = 1.10
RESOURCES_PER_GROUP = 7


def estate(groups: int, guarded: bool) -> Callable[[], None]:
    """A CN estate mixing plain inputs, nested Outputs and JSON policies: the guard's real workload."""

    def program() -> None:
        if guarded:
            enforce("CN")
        aws_p = aws.Provider("aws-cn", region="cn-north-1")
        ali_p = alicloud.Provider("ali-cn", region="cn-shanghai")
        on_aws = pulumi.ResourceOptions(provider=aws_p)
        on_ali = pulumi.ResourceOptions(provider=ali_p)
        for i in range(groups):
            key = aws.kms.Key(f"key-{i}", enable_key_rotation=True, deletion_window_in_days=30, opts=on_aws)
            bucket = aws.s3.Bucket(
                f"bucket-{i}", tags={"class": "telemetry", "note": "stays in cn-north-1"}, opts=on_aws
            )
            aws.s3.BucketServerSideEncryptionConfiguration(
                f"sse-{i}",
                bucket=bucket.id,
                rules=[
                    aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                        apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                            sse_algorithm="aws:kms", kms_master_key_id=key.arn
                        ),
                        bucket_key_enabled=True,
                    )
                ],
                opts=on_aws,
            )
            aws.s3.BucketPolicy(
                f"tls-{i}",
                bucket=bucket.id,
                policy=bucket.arn.apply(
                    lambda arn: json.dumps(
                        {
                            "Version": "2012-10-17",
                            "Statement": [
                                {
                                    "Effect": "Deny",
                                    "Principal": "*",
                                    "Action": "s3:*",
                                    "Resource": [arn, f"{arn}/*"],
                                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                                }
                            ],
                        }
                    )
                ),
                opts=on_aws,
            )
            aws.ec2.Subnet(
                f"subnet-{i}",
                vpc_id="vpc-0123",
                cidr_block=f"10.{i // 256}.{i % 256}.0/24",
                availability_zone="cn-north-1a" if i % 2 else "cn-north-1b",
                opts=on_aws,
            )
            aws.ec2.SecurityGroup(
                f"sg-{i}",
                vpc_id="vpc-0123",
                ingress=[
                    aws.ec2.SecurityGroupIngressArgs(
                        protocol="tcp", from_port=443, to_port=443, cidr_blocks=["10.0.0.0/8"]
                    )
                ],
                opts=on_aws,
            )
            alicloud.oss.Bucket(f"oss-{i}", bucket=f"oss-{i}", opts=on_ali)

    return program


def timed(program: Callable[[], None]) -> float:
    start = time.perf_counter()
    result = run_pulumi_program(program, project="sovereign-dc", stack="bench", raise_on_error=True)
    elapsed = time.perf_counter() - start
    assert result.error is None
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=150, help=f"groups of {RESOURCES_PER_GROUP} resources")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    resources = args.groups * RESOURCES_PER_GROUP + 2
    timed(estate(5, guarded=True))  # warm imports and caches outside the measurement
    plain: list[float] = []
    guarded: list[float] = []
    for _ in range(args.repeats):
        plain.append(timed(estate(args.groups, guarded=False)))
        guarded.append(timed(estate(args.groups, guarded=True)))
    ratio = statistics.median(guarded) / statistics.median(plain)
    print(f"guard overhead, {resources} resources, median of {args.repeats} runs each")
    print(f"  without enforce: {statistics.median(plain):.2f} s")
    print(f"  with enforce:    {statistics.median(guarded):.2f} s")
    print(f"  ratio:           {ratio:.3f}  (goal <= {GOAL:.2f}: {'met' if ratio <= GOAL else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
