"""Scripts and user data, round 16 (stop 60, issue 9, scripts60).

What *Scripts and user data, round 15* (its parts 2 and 3), *Mutation search, round 31* and *The lead's review of stop
59* left open in the one script reader (residency-open.md, "Free text and scripts"): appends, positional parameters
in a loop's words, ``&&`` / ``||`` branch echoes, nested branches, an array's keys outside a loop and variable names
by prefix. Reproduced on the unchanged engine (main at 0183f733: one-value probes, then these programs through every
front door); see docs/residency.md, *Scripts and user data, round 16 (stop 60)*:

1. **Leaks** (each offending program passed every door): a Region or host built by an append (``append-*``: ``DR=us-``
   then ``DR+=west-2``; ``append-quoted-*``: ``DR+="-2"``; ``append-host-*``: ``H+=analytics.com``; ``ali-append-*``),
   an array grown by ``DRS+=(...)`` read by index (``array-append-*``: ``"${DRS[1]}"``), a positional slice in a
   loop's words (``func-slice-loop-*``: ``for R in "${@:2}"`` in a function; ``set-slice-loop-*``: after ``set --``),
   an associative array's keys assigned to an array (``keys-assign-*``: ``TARGETS=("${!ROLE[@]}")``) and variables
   named by a prefix (``prefix-names-*``: ``for v in "${!DR_@}"`` then ``"${!v}"``).
2. **False alarms** (each compliant twin was RES-011 at home): a function or a substitution choosing its echo by an
   and-or list (``andor-function-*``: ``[[ -f F ]] && echo A || echo B``; ``andor-subst-*``; ``ali-andor-*``), an
   ``if`` without ``else`` beside a later echo (``if-noelse-*``, looped over; ``if-return-*``, the branch returning),
   a nested compound (``nested-case-if-*``: an ``if`` inside a ``case`` arm; ``nested-if-*``), a branch of two echoes
   (``two-echo-*``), and the keys echoed (``keys-echo-*``: ``$(echo "${!ROLE[@]}")``). Their offending twins were
   RES-011 (unknown), now RES-009 by the Region they give.

The shapes are a platform engineer's disaster-recovery copies: an EC2 instance's or launch template's user data copying
snapshots and AMIs to a DR Region (``aws ec2 copy-snapshot`` / ``copy-image --region``), an ECS task's entrypoint
(``ecs-``: ``/bin/bash -c``), an Alibaba ECS instance copying its image (``aliyun ecs CopyImage
--DestinationRegionId``). Each refusal has its compliant twin (the home Region and a second Region in the
jurisdiction, or the fleet's private intake), which passes. Ids: ``scripts60-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, OWN_ACCOUNT, PARTNER_COLLECTOR, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia): the other branch or item."""
ALI_SECOND = {"CN": "cn-hangzhou", "JP": "ap-northeast-1", "DE": "eu-central-1"}
"""A second Alibaba Cloud region in each market (the other branch)."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
SNAPSHOT = "snap-0a1b2c3d4e5f60718"
"""The fleet's data volume snapshot."""
PRIVATE_INGEST = "10.0.3.7"
"""The fleet's own log intake, a private address in the VPC (the host shape's compliant twin)."""
REGION_SHAPES = (
    "append", "append-quoted", "array-append", "func-slice-loop", "set-slice-loop", "andor-function", "andor-subst",
    "if-noelse", "if-return", "nested-case-if", "nested-if", "two-echo", "keys-assign", "keys-echo", "prefix-names",
    "ecs-append", "ecs-andor",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with Regions in the jurisdiction."""
HOST_SHAPES = ("append-host",)
"""The AWS shapes refused with a partner's host (RES-015) and passing with the fleet's private intake."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-abroad": {"RES-015"} for shape in HOST_SHAPES},
    **{f"{shape}-home": set() for shape in (*REGION_SHAPES, *HOST_SHAPES)},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-append-abroad": {"RES-009"}, "ali-append-home": set(),
    "ali-andor-abroad": {"RES-009"}, "ali-andor-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("append-quoted-", "set-slice-loop-", "andor-subst-", "nested-case-if-", "keys-echo-")
"""The shapes booted by a launch template (base64 user data); the others by an instance (ECS tasks apart)."""


def _copy(home: str, region: str = '"$R"', what: str = "snapshot") -> str:
    """A DR copy of the fleet's snapshot (or image) from ``home`` to ``region`` (a shell word)."""
    if what == "image":
        return f"aws ec2 copy-image --source-region {home} --source-image-id {IMAGE} --name fleet-dr --region {region}"
    return f"aws ec2 copy-snapshot --source-region {home} --source-snapshot-id {SNAPSHOT} --region {region}"


def _region_script(shape: str, home: str, second: str, region: str) -> str:
    """The lines copying to ``region`` by the shape's reading (bash(1)); ``second`` is another Region in the
    jurisdiction (another item or branch)."""
    prefix, number = region.rsplit("-", 1)
    head, tail = region.split("-", 1)
    loop = f"  {_copy(home)}\ndone\n"
    shapes = {
        # "Shell Parameters": "the += operator can be used to append to or add to the variable's previous value"
        "append-quoted-": f'DR="{prefix}"\nDR+="-{number}"\n{_copy(home, chr(34) + "$DR" + chr(34), "image")}\n',
        "append-": f"DR={head}-\nDR+={tail}\n{_copy(home, chr(34) + '$DR' + chr(34))}\n",
        # "Arrays": "the += operator ... When += is applied to an array variable using compound assignment ... the
        # variable's value is not unset ... new values are appended to the array beginning at one greater than the
        # array's maximum index"
        "array-append-": f"DRS=({second})\nDRS+=({region})\n{_copy(home, chr(34) + '${DRS[1]}' + chr(34), 'image')}\n",
        # "Parameter Expansion": ${@:offset}, the positional parameters from offset on
        "func-slice-loop-": f'copy_to() {{\n  local src="$1"\n  for R in "${{@:2}}"; do\n'
        f"    {_copy('$src')}\n  done\n}}\ncopy_to {home} {second} {region}\n",
        "set-slice-loop-": f'set -- {home} {second} {region}\nfor R in "${{@:2}}"; do\n{loop}',
        # "Lists": "An AND list ... An OR list ...": the output of whichever echo runs
        "andor-function-": f"dr_region() {{ [[ -f /etc/fleet/dr ]] && echo {region} || echo {second}; }}\n"
        f"{_copy(home, chr(34) + '$(dr_region)' + chr(34))}\n",
        "andor-subst-": f"DR=$([ -f /etc/fleet/dr ] && echo {region} || echo {second})\n"
        f"{_copy(home, chr(34) + '$DR' + chr(34), 'image')}\n",
        # "Compound Commands": an if without else, its echo followed by another; return ends the function
        "if-noelse-": f"dr_regions() {{\n  if [ -f /etc/fleet/dr ]; then\n    echo {region}\n  fi\n"
        f"  echo {second}\n}}\nfor R in $(dr_regions); do\n{loop}",
        "if-return-": f"dr_region() {{\n  if [ -f /etc/fleet/dr ]; then\n    echo {region}\n    return 0\n  fi\n"
        f"  echo {second}\n}}\n{_copy(home, chr(34) + '$(dr_region)' + chr(34))}\n",
        # a compound inside a branch
        "nested-case-if-": f'dr_region() {{\n  case "$1" in\n    dr)\n      if [ -f /etc/fleet/alt ]; then\n'
        f"        echo {region}\n      else\n        echo {second}\n      fi\n      ;;\n    *) echo {home} ;;\n"
        f"  esac\n}}\n{_copy(home, chr(34) + '$(dr_region dr)' + chr(34), 'image')}\n",
        "nested-if-": f"dr_region() {{\n  if [ -f /etc/fleet/dr ]; then\n    if [ -f /etc/fleet/alt ]; then\n"
        f"      echo {region}\n    else\n      echo {second}\n    fi\n  else\n    echo {home}\n  fi\n}}\n"
        f"{_copy(home, chr(34) + '$(dr_region)' + chr(34))}\n",
        "two-echo-": f"dr_regions() {{\n  if [ -f /etc/fleet/dr ]; then\n    echo {second}\n    echo {region}\n"
        f"  else\n    echo {home}\n  fi\n}}\nfor R in $(dr_regions); do\n{loop}",
        # "Arrays": ${!name[@]} expands to the keys assigned in name
        "keys-assign-": f'declare -A ROLE=([{second}]=primary [{region}]=dr)\nTARGETS=("${{!ROLE[@]}}")\n'
        f'for R in "${{TARGETS[@]}}"; do\n{loop}',
        "keys-echo-": f"declare -A ROLE=([{second}]=primary [{region}]=dr)\n"
        f'for R in $(echo "${{!ROLE[@]}}"); do\n{loop}',
        # "Parameter Expansion": ${!prefix@}, the names of the variables beginning with prefix; ${!name}, indirection
        "prefix-names-": f'DR_PRIMARY={second}\nDR_SECONDARY={region}\nfor v in "${{!DR_@}}"; do\n'
        f"  {_copy(home, chr(34) + '${!v}' + chr(34))}\ndone\n",
    }
    return next(v for k, v in shapes.items() if shape.startswith(k))


def _host_script(abroad: bool) -> str:
    """Logs posted to an intake built by an append: a partner's host abroad, the fleet's private intake at home."""
    host = PARTNER_COLLECTOR if abroad else PRIVATE_INGEST
    first, rest = host.split(".", 1)
    return f'H={first}.\nH+={rest}\ncurl -s -X POST --data-binary @/var/log/fleet/app.log "https://$H/v1/logs"\n'


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region or host reaches its command through the shape's shell reading."""
    abroad = shape.endswith("-abroad")
    if shape.startswith(HOST_SHAPES):
        return "#!/bin/bash\nset -euo pipefail\n" + _host_script(abroad)
    home = AWS_HOME[code]
    region = AWS_ABROAD[code] if abroad else home
    return "#!/bin/bash\nset -euo pipefail\n" + _region_script(shape, home, AWS_SECOND[code], region)


def _ecs_task(code: str, shape: str, c: Any) -> object:
    """An ECS task whose entrypoint (``/bin/bash -c``) copies the snapshot by the shape's reading."""
    inner = "append-" if shape.startswith("ecs-append-") else "andor-subst-"
    script = _user_data(code, inner + shape.rsplit("-", 1)[1]).split("\n", 2)[2]
    suffix = ".cn" if code == "CN" else ""
    container = {
        "name": "dr-copy", "essential": True,
        "image": f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.amazonaws.com{suffix}/fleet/dr-copy:1",
        "entryPoint": ["/bin/bash", "-c"], "command": [script],
    }  # fmt: skip
    # docs: ecs/taskdefinition (container_definitions: "A list of valid container definitions provided as a single
    # valid JSON document"); ECS ContainerDefinition entryPoint / command
    return aws.ecs.TaskDefinition("dr-copy", family="fleet-dr-copy", requires_compatibilities=["FARGATE"],
                                  network_mode="awsvpc", cpu="256", memory="512",
                                  container_definitions=json.dumps([container]), opts=c.aws)  # fmt: skip


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ecs-"):
            return _ecs_task(code, shape, c)
        if shape.startswith(LAUNCH_TEMPLATES):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """An image copy (``aliyun ecs CopyImage``, ECS API CopyImage: DestinationRegionId) to a region built by an append
    or chosen by an and-or list."""
    home = ALI_HOME[code]
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_SECOND[code]
    call = f"aliyun ecs CopyImage --RegionId {home} --ImageId m-uf6fleet0001 --DestinationImageName fleet-dr"
    if shape.startswith("ali-append-"):
        head, tail = region.split("-", 1)
        return f'#!/bin/bash\nDR={head}-\nDR+={tail}\n{call} --DestinationRegionId "$DR"\n'
    return (
        f"#!/bin/bash\ndr_region() {{ [ -f /etc/fleet/dr ] && echo {region} || echo {home}; }}\n"
        f'{call} --DestinationRegionId "$(dr_region)"\n'
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts60-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts60-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
