"""Programs of the document bounds (stop 42, issue 9): documents in inputs the engine reads within bounds.

The engine walks every JSON / YAML document it finds in an input (an SSM parameter's value, a cloud-config in user
data, a CloudFormation template) and every gzip payload it decodes. Until stop 42 it read them without bounds: a JSON
text nested a few thousand levels raised RecursionError out of the guard, the plan and the pack (a traceback, no
verdict), a YAML "billion laughs" (8 levels of 6 aliases) did not end in 300 s, and a gzip bomb in user data was
decompressed whole. Since stop 42 such a document is refused (RES-025, ``document-within-bounds``), fail closed, at
every front door alike; its text is still scanned as text.

Each offending program has a compliant twin of the same shape that stays within the bounds: a nested configuration of
40 levels, a YAML document with a few anchors and merge keys (``<<: *defaults``, as CloudFormation and docker-compose
files use them), an ordinary gzip user data script. ``KINDS`` names each shape; tests/test_realistic_programs.py runs
them as CASES (``docbounds42-*``) in EU and CN.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]

REGION = {"EU": "eu-west-1", "CN": "cn-north-1"}
AMI = "ami-0abcdef1234567890"


def _nested(levels: int) -> dict[str, Any]:
    """A JSON map ``levels`` maps deep, each level a setting of its own (a feature flag tree)."""
    document: dict[str, Any] = {"enabled": True, "name": "fleet-telemetry"}
    for level in range(levels - 1):
        document = {"level": level, "child": document}
    return document


def _laughs(levels: int = 8, width: int = 6) -> str:
    """A YAML "billion laughs": each anchor a list of ``width`` aliases of the one before (6**8 lists expanded)."""
    lines = ["fleet: &l0 [telemetry]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


_ANCHORED = """\
defaults: &defaults
  retries: 3
  timeout: 30
  log_level: info
services:
  ingest:
    <<: *defaults
    queue: fleet-ingest
  export:
    <<: *defaults
    timeout: 120
    queue: fleet-export
tags: &tags [fleet, telemetry]
more_tags: *tags
"""

_CLOUD_CONFIG_ANCHORED = """\
#cloud-config
write_files:
  - &conf
    path: /etc/fleet/agent.conf
    permissions: '0644'
    content: |
      level=info
  - <<: *conf
    path: /etc/fleet/exporter.conf
runcmd:
  - [systemctl, enable, --now, fleet-agent]
"""

_CFN_ANCHORED = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Ingest:
    Type: AWS::SQS::Queue
    Properties: &queue
      MessageRetentionPeriod: 345600
      VisibilityTimeout: 60
      Tags: &tags
        - Key: team
          Value: fleet
  Export:
    Type: AWS::SQS::Queue
    Properties:
      <<: *queue
      VisibilityTimeout: 300
      Tags: *tags
"""

_SCRIPT = b"#!/bin/bash\nset -euo pipefail\nsystemctl enable --now fleet-agent\n"

KINDS: dict[str, bool] = {
    "ssm-deep-json": True,
    "ssm-nested-json": False,
    "ssm-laughs-yaml": True,
    "ssm-anchors-yaml": False,
    "cloudconfig-laughs": True,
    "cloudconfig-anchors": False,
    "cfn-deep": True,
    "cfn-anchors": False,
    "userdata-gzip-bomb": True,
    "userdata-gzip": False,
}
"""Each shape -> whether it is beyond the bounds (RES-025)."""


def _parameter(c: Any, value: str) -> object:
    # docs: ssm/parameter (name, type, value, tier: an Advanced parameter holds up to 8 KB)
    return aws.ssm.Parameter("fleet-config", name="/fleet/config", type="String", tier="Advanced", value=value,
                             opts=c.aws)  # fmt: skip


def _instance(c: Any, user_data: str | None = None, user_data_base64: str | None = None) -> object:
    # docs: ec2/instance (ami, instance_type, user_data or user_data_base64: gzip user data is given base64-encoded)
    return aws.ec2.Instance("fleet-agent", ami=AMI, instance_type="t3.micro", user_data=user_data,
                            user_data_base64=user_data_base64, opts=c.aws)  # fmt: skip


def program(code: str, kind: str) -> Build:
    def build(c: Any) -> object:
        if kind == "ssm-deep-json":  # 3,000 lists deep (6 KB): RecursionError out of every door before stop 42
            return _parameter(c, "[" * 3000 + '"fleet-telemetry"' + "]" * 3000)
        if kind == "ssm-nested-json":
            return _parameter(c, json.dumps(_nested(40)))
        if kind == "ssm-laughs-yaml":
            return _parameter(c, _laughs())
        if kind == "ssm-anchors-yaml":
            return _parameter(c, _ANCHORED)
        if kind == "cloudconfig-laughs":
            return _instance(c, user_data="#cloud-config\n" + _laughs().replace("fleet:", "bootcmd:", 1))
        if kind == "cloudconfig-anchors":
            return _instance(c, user_data=_CLOUD_CONFIG_ANCHORED)
        if kind in ("cfn-deep", "cfn-anchors"):
            # docs: cloudformation/stack (name, template_body: JSON or YAML). 150 levels: judged before stop 42 (under
            # Python's recursion limit), beyond the bound of 100 since.
            queue = {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 60}}
            deep = json.dumps({"Metadata": _nested(150), "Resources": {"Ingest": queue}})
            body = deep if kind == "cfn-deep" else _CFN_ANCHORED
            return aws.cloudformation.Stack("fleet-queues", name="fleet-queues", template_body=body, opts=c.aws)
        # A gzip of 4 MiB of one comment character: about 4 KB compressed, well under EC2's 16 KB user data limit.
        script = _SCRIPT + b"#" * (4 << 20) if kind == "userdata-gzip-bomb" else _SCRIPT
        return _instance(c, user_data_base64=base64.b64encode(gzip.compress(script, mtime=0)).decode())

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"docbounds42-{code.lower()}-{kind}", code, program(code, kind), {"RES-025"} if beyond else set(), [])
        for code in REGION
        for kind, beyond in KINDS.items()
    ]  # fmt: skip
