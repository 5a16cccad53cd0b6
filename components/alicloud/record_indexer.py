"""``AlicloudRecordIndexer``: records the vehicles write into the data-class OSS buckets become visible to
owners.

A Function Compute 3.0 function runs the owner data service's container image with the indexer's own
command (``python -m portal.fc_indexer``), the service's RAM role, vSwitches, security group, log store
and environment; one OSS trigger per bucket the service serves (``oss:ObjectCreated:*`` under the class's
own prefix) invokes it through a RAM role that may invoke this one function only.

Sources (Function Compute 3.0):
* trigger fields (``triggerType: oss``, ``sourceArn: acs:oss:<region>:<account>:<bucket>``,
  ``invocationRole``, ``triggerConfig: {"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix",
  "suffix"}}}``): CreateTriggerInput,
  https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-createtriggerinput
* the invocation role: the event source invokes the function with the trigger's RAM role, which needs
  the invoke permission of ``AliyunOSSEventNotificationRolePolicy`` ("Grant an event source permissions to
  access Function Compute"); here a custom policy grants ``fc:InvokeFunction`` on this function only,
  https://help.aliyun.com/en/functioncompute/fc-2-0/security-and-compliance/grant-an-event-source-permissions-to-access-function-compute
* event delivery to a custom container (``POST /invoke``): ``portal/fc_indexer.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.portal import AlicloudOwnerDataPortal
from components.alicloud.ram import invoke_functions_policy, service_role
from components.aws.record_indexer import indexed_classes, indexer_environment
from components.naming import slug

__all__ = ["INDEX_EVENTS", "AlicloudRecordIndexer", "AlicloudRecordIndexerArgs", "trigger_config"]

INDEX_EVENTS = ["oss:ObjectCreated:*"]
"""Every way an object is created (PutObject, PostObject, CopyObject, CompleteMultipartUpload, ...)."""
_OSS_PRINCIPAL = "oss.aliyuncs.com"
_PORT = 9000  # portal.fc_indexer.DEFAULT_PORT (the components do not import the service's web stack)
_COMMAND = ["python", "-m", "portal.fc_indexer"]


def trigger_config(data_class: str) -> str:
    """The OSS trigger configuration of one data-class bucket: created objects under the class's own prefix
    (so ``_ingest_errors/...`` never invokes the indexer)."""
    return json.dumps({"events": INDEX_EVENTS, "filter": {"key": {"prefix": f"{data_class}/", "suffix": ""}}})


@dataclass
class AlicloudRecordIndexerArgs:
    """Inputs of ``AlicloudRecordIndexer``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    region: str
    """Region id of ``provider`` (the buckets' and the function's)."""
    provider: alicloud.Provider
    """Pinned provider of the primary region."""
    portal: AlicloudOwnerDataPortal
    """The deployed service: its image, RAM role, network, log store and environment are reused."""
    buckets: Mapping[str, alicloud.oss.Bucket]
    """Data class -> primary bucket; the classes the service serves (``indexed_classes``) get a trigger."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AlicloudRecordIndexer(pulumi.ComponentResource):
    """An indexing FC 3.0 function, a RAM role OSS invokes it with, and one OSS trigger per served bucket."""

    function: alicloud.fc.V3Function
    """The indexer."""
    invocation_role: alicloud.ram.Role
    """The role OSS assumes to invoke the indexer (and nothing else)."""
    triggers: dict[str, alicloud.fc.V3Trigger]
    """Data class -> the OSS trigger of its bucket."""

    def __init__(self, name: str, args: AlicloudRecordIndexerArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:alicloud:RecordIndexer", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        base = f"sovereign-{args.jurisdiction.lower()}-portal-indexer"
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=args.provider)).id
        service = args.portal.function
        self.function = alicloud.fc.V3Function(
            f"{name}-function",
            function_name=base,
            description="sovereign-dc owner data service: index new record objects",
            runtime="custom-container",
            handler="index.handler",
            # The service's image and role: the indexer reads exactly what the service reads (servable
            # objects, the database credentials) and nothing else; only the command differs.
            custom_container_config=service.custom_container_config.apply(_container),
            cpu=0.5,
            memory_size=512,
            disk_size=512,
            timeout=120,
            role=service.role,
            internet_access=False,
            vpc_config=service.vpc_config.apply(_vpc),
            log_config=service.log_config.apply(_logs),
            # The service's environment as the portal built it (its values keep their provenance).
            environment_variables=indexer_environment(args.portal.environment),
            tags=tags,
            opts=child,
        )
        self.invocation_role = service_role(
            f"{name}-trigger",
            f"{base}-trigger",
            _OSS_PRINCIPAL,
            "OSS triggers: invoke the record indexer",
            invoke_functions_policy(args.region, account, [self.function.function_name]),
            tags,
            child,
        )
        self.triggers = {}
        for data_class in indexed_classes(args.buckets):
            bucket = args.buckets[data_class]
            self.triggers[data_class] = alicloud.fc.V3Trigger(
                f"{name}-{slug(data_class)}-trigger",
                function_name=self.function.function_name,
                trigger_name=f"{slug(data_class)}-created",
                trigger_type="oss",
                qualifier="LATEST",
                description=f"new {data_class} objects -> record index",
                source_arn=pulumi.Output.all(account, bucket.bucket).apply(
                    lambda v: f"acs:oss:{args.region}:{v[0]}:{v[1]}"
                ),
                invocation_role=self.invocation_role.arn,
                trigger_config=trigger_config(data_class),
                opts=child,
            )
        self.register_outputs(
            {
                "functionName": self.function.function_name,
                "subscribedBuckets": {c: args.buckets[c].bucket for c in self.triggers},
            }
        )


def _get(value: Any, key: str) -> Any:
    """A field of an output object (a dict under mocks, a typed output object in a real run)."""
    return value.get(key) if isinstance(value, Mapping) else getattr(value, key, None)


def _container(config: Any) -> Any:
    # Entry point and arguments both given, so the image's own CMD (the web service) never applies.
    return {"image": _get(config, "image"), "port": _PORT, "entrypoints": _COMMAND[:1], "commands": _COMMAND[1:]}


def _vpc(config: Any) -> Any:
    return {
        "vpc_id": _get(config, "vpc_id"),
        "vswitch_ids": list(_get(config, "vswitch_ids") or []),
        "security_group_id": _get(config, "security_group_id"),
    }


def _logs(config: Any) -> Any:
    return {"project": _get(config, "project"), "logstore": _get(config, "logstore"), "enable_request_metrics": True}
