"""False alarms, round 30 (stop 63, issue 9: falsealarm63).

Ordinary in-country boot scripts a platform team writes (EC2 user data in EU / US / JP / CN, aws-cn cn-north-1; ECS
user data in CN / JP / DE), with emphasis on what stop 62 added readers for, each compliant program with a twin that
must stay refused. The hunt (one-value probes of Kubernetes / Helm user data with the Datadog Agent's home site
declared, ECS / Batch containers with the Agent and FireLens, OpenTelemetry Collector / Telegraf / Alloy / CloudWatch
agent / Fluent Bit files with in-country exporters, loops and wrappers over home Regions, jq over a plan, Mappings /
StackSets / Step Functions PutEvents to the stack's own bus, ROS databases by their address attributes) found the
stop-62 readers right on compliant programs; what it did refuse was **the account a script builds a registry's host
from**:

- the Amazon ECR user guide's own push commands (``aws ecr get-login-password --region R | docker login --username
  AWS --password-stdin <aws_account_id>.dkr.ecr.<region>.amazonaws.com``,
  https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-push-ecr-image.html) with the account taken from STS
  (``aws sts get-caller-identity --query Account --output text``; the AWS CLI reference "get-caller-identity": "Account
  -> (string) The Amazon Web Services account ID number of the account that owns or contains the calling entity") or
  from the instance identity document (``curl <IMDS>/dynamic/instance-identity/document | jq -r .accountId``; EC2 User
  Guide "Instance identity documents": accountId, region, ...): RES-015 at ``docker login``, the host unknown;
- the identity document held in a variable and read field by field (``DOC=$(curl .../document)``, ``REGION=$(echo
  "$DOC" | jq -r .region)``, ``jq -r .region <<< "$DOC"``): the placeholder of the machine's own value was read as
  JSON text, its ``.region`` empty: ``https://ssm.$REGION.amazonaws.com`` was RES-015 outside China.

And two leaks beside them (the metadata read as the machine's own whatever it held): the instance's **tags** and its
**user data** through the metadata service (``curl <IMDS>/meta-data/tags/instance/dr-region``, ``curl
<IMDS>/user-data | jq -r .region``) are texts the team writes, not facts of the machine; at ``--region`` each passed
every door whatever it held (now RES-011: unknown, declare or write the Region).

Reproduced on the unchanged engine (main 86a0559b): see docs/residency.md, *False alarms, round 30 (stop 63)*.

Ids: ``falsealarm63-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from platform_parts import Row
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")

# -- the ECR user guide's push, the account from STS and the Region from the metadata --------------------------------
ECR_PUSH_STS = r"""ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
REGION=$(curl -s @M@/meta-data/placement/region)
REGISTRY="${ACCOUNT_ID}.dkr.ecr.${REGION}.@S@"
aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY"
docker build -t fleet/app /opt/fleet/app
docker tag fleet/app:latest "$REGISTRY/fleet/app:latest"
docker push "$REGISTRY/fleet/app:latest"
"""
# its twin: the image pushed on to a replica registry in a Region abroad as well (RES-006: its host)
ECR_PUSH_STS_ABROAD = (
    ECR_PUSH_STS
    + r"""DR_REGISTRY="${ACCOUNT_ID}.dkr.ecr.@X@.amazonaws.com"
aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$DR_REGISTRY"
docker tag fleet/app:latest "$DR_REGISTRY/fleet/app:latest"
docker push "$DR_REGISTRY/fleet/app:latest"
"""
)
# the caller's identity as JSON, its Account field (get-caller-identity's output: UserId, Account, Arn)
ECR_STS_JQ = r"""ACCOUNT_ID=$(aws sts get-caller-identity | jq -r .Account)
aws ecr get-login-password --region @R@ | docker login --username AWS --password-stdin "$ACCOUNT_ID.dkr.ecr.@R@.@S@"
docker pull "$ACCOUNT_ID.dkr.ecr.@R@.@S@/fleet/app:1.4.2"
"""
# the account from a parameter the script reads at run time: no reader computes it (stays RES-015, pinned)
ECR_SSM_ACCOUNT = ECR_STS_JQ.replace(
    "$(aws sts get-caller-identity | jq -r .Account)",
    "$(aws ssm get-parameter --name /fleet/registry-account --query Parameter.Value --output text --region @R@)",
)

# -- the instance identity document: the account and the Region of the machine itself --------------------------------
ECR_IMDS_ACCOUNT = r"""ACCOUNT=$(curl -s @M@/dynamic/instance-identity/document | jq -r '.accountId')
aws ecr get-login-password --region @R@ | docker login --username AWS --password-stdin "$ACCOUNT.dkr.ecr.@R@.@S@"
"""
IMDS_DOC_ECHO = r"""DOC=$(curl -s @M@/dynamic/instance-identity/document)
ACCOUNT=$(echo "$DOC" | jq -r .accountId)
REGION=$(echo "$DOC" | jq -r .region)
REGISTRY="$ACCOUNT.dkr.ecr.$REGION.@S@"
aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY"
"""
IMDS_DOC_HERE_STRING = r"""DOC=$(curl -s @M@/dynamic/instance-identity/document)
REGION=$(jq -r .region <<< "$DOC")
curl -sf "https://ssm.$REGION.@S@/" -o /dev/null && logger -t fleet "ssm reachable in $REGION"
aws ssm put-parameter --name "/fleet/boot/$(hostname -s)" --value ready --type String --overwrite --region "$REGION"
"""

# -- the metadata's user-written texts: an instance tag, the user data (EC2 "Instance metadata categories":
# tags/instance/<key> is "the value of the instance tag"; user-data the text the instance was launched with) ---------
TAG_REGION = r"""DR=$(curl -s @M@/meta-data/tags/instance/dr-region)
aws s3 sync /var/backups "s3://fleet-logs-@c@/dr/" --region "$DR"
"""
USER_DATA_FIELD = r"""DR=$(curl -s @M@/user-data | jq -r .dr_region)
aws sqs list-queues --region "$DR"
"""

# -- a retry wrapper called in a loop over an array of home Regions (bash(1) "Arrays": "${name[@]} expands each element
# of name to a separate word"; the hunt: its twin abroad passed every door, the call's words written out where the
# loop's variable held nothing) -------------------------------------------------------------------------------------
LOOP_WRAPPER_ARRAY = r"""retry() {
  local n=0
  until "$@"; do
    n=$((n + 1))
    [ "$n" -ge 5 ] && return 1
    sleep $((n * 2))
  done
}
REGIONS=(@R@ @R2@)
for r in "${REGIONS[@]}"; do
  retry aws ssm get-parameter --name /fleet/boot/ready --region "$r"
done
"""
LOOP_WRAPPER_ARRAY_ABROAD = LOOP_WRAPPER_ARRAY.replace("REGIONS=(@R@ @R2@)", "REGIONS=(@R@ @X@)")

AWS_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ecr-push-sts-home": (ECR_PUSH_STS, set()),
    "ecr-push-sts-abroad": (ECR_PUSH_STS_ABROAD, {"RES-006"}),
    "ecr-sts-jq-home": (ECR_STS_JQ, set()),
    "ecr-ssm-account-unproven": (ECR_SSM_ACCOUNT, {"RES-015"}),
    "ecr-imds-account-home": (ECR_IMDS_ACCOUNT, set()),
    "imds-doc-echo-home": (IMDS_DOC_ECHO, set()),
    "imds-doc-here-string-home": (IMDS_DOC_HERE_STRING, set()),
    "tag-region-unproven": (TAG_REGION, {"RES-011"}),
    "user-data-field-unproven": (USER_DATA_FIELD, {"RES-011"}),
    "loop-wrapper-array-home": (LOOP_WRAPPER_ARRAY, set()),
    "loop-wrapper-array-abroad": (LOOP_WRAPPER_ARRAY_ABROAD, {"RES-009"}),
}  # fmt: skip
"""Each AWS shape (EC2 instance user data) and its verdict in every jurisdiction."""

# Alibaba Cloud ECS user data: the metadata's own items (ECS "Instance metadata": region-id, owner-account-id) beside
# the user data and a tag read through the same service
ALI_OWNER_QUEUE = r"""REGION=$(curl -s @M@/meta-data/region-id)
OWNER=$(curl -s @M@/meta-data/owner-account-id)
curl -s "https://$OWNER.mns.$REGION-internal.aliyuncs.com/queues/fleet-boot/messages"
aliyun ecs DescribeInstances --RegionId "$REGION"
"""
ALI_USER_DATA_FIELD = r"""DR=$(curl -s @M@/user-data | jq -r .dr_region)
aliyun ecs DescribeImages --RegionId "$DR"
"""
ALI_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ali-owner-queue-home": (ALI_OWNER_QUEUE, set()),
    "ali-user-data-field-unproven": (ALI_USER_DATA_FIELD, {"RES-011"}),
}  # fmt: skip
"""Each Alibaba Cloud shape (ECS instance user data) and its verdict in every jurisdiction."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"falsealarm63-{code.lower()}-"
        out += [
            (p + shape, code, _boot(body)(code), set(expected), []) for shape, (body, expected) in AWS_SHAPES.items()
        ]
    for code in ALI_CODES:
        p = f"falsealarm63-{code.lower()}-"
        out += [
            (p + shape, code, _ali(body)(code), set(expected), []) for shape, (body, expected) in ALI_SHAPES.items()
        ]
    return out
