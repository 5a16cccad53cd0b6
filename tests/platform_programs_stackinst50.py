"""Pulumi StackSet instances joined to the StackSet they name (stop 50, issue 9: stackinst50).

Stop 49 (stackset49) read a StackSet written in a template with its instance groups' overrides, and left the Pulumi
resources unjoined: an ``aws.cloudformation.StackSetInstance``'s (and ``StackInstances``') and an
``alicloud.ros.StackInstance``'s ``parameter_overrides`` were classified by parameter name and form only. Reproduced on
the unchanged engine (main 25d38a3, this table's programs through every door): a neutral-named override ``Where`` that
the StackSet's template uses as a global table's replica Region (a stack group's: a VPC peering's accepting region)
passed every door abroad, while the same value in the StackSet's own ``parameters`` was RES-009; and a StackSet whose
foreign Default every instance of the program overrides with an in-country Region was RES-009 at the StackSet (a false
alarm). Now the StackSet's template is read once per instance of the program naming it (its ``name`` / ``id`` output,
or its literal name), with the instance's overrides over the StackSet's own ``parameters``.

``shape`` (AWS, EU / DE / US / JP / CN, aws-cn in CN; ROS, CN / JP / DE):
``override-abroad`` an instance (``stack_set_name=stack_set.name``) overrides the in-country Default abroad: RES-009
(passed before); ``default-abroad-overridden`` a foreign Default both instances override at home: passes (RES-009
before); ``default-abroad-one-left`` a foreign Default one instance leaves: RES-009 (before too); ``literal-abroad``
(AWS) the instance names the StackSet by its literal name: RES-009 (passed before); ``instances-abroad`` (AWS) a
``StackInstances`` resource overrides it abroad: RES-009 (passed before); ``external-abroad`` (AWS) an instance of a
StackSet the program does not make, with the neutral override abroad: passed at stop 50 (its template is not in view,
its overrides were judged by name and form only); RES-009 at the instance since stop 51 (stackjoin51: an override of a
Region's form is judged as a Region).

tests/test_realistic_programs.py runs them as CASES (``stackinst50-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, OWN_ACCOUNT, OWN_UID, Build, Row, partition, shape_rows
from platform_programs_stackset49 import (
    ALI_PEER_ABROAD,
    ALI_PEER_HOME,
    AWS_REPLICA_ABROAD,
    AWS_REPLICA_HOME,
    peering_body,
    trips_body,
)

AWS_SHAPES: dict[str, set[str]] = {
    "override-abroad": {"RES-009"},
    "default-abroad-overridden": set(),
    "default-abroad-one-left": {"RES-009"},
    "literal-abroad": {"RES-009"},
    "instances-abroad": {"RES-009"},
    # (stackjoin51, stop 51) The override abroad is a foreign Region sent into a template not in view: RES-009 at the
    # instance (catalogue typed_region_fields; passed at every door at stop 50).
    "external-abroad": {"RES-009"},
}
"""Each AWS program shape and the rules it is refused by."""
ROS_SHAPES: dict[str, set[str]] = {
    "override-abroad": {"RES-009"},
    "default-abroad-overridden": set(),
    "default-abroad-one-left": {"RES-009"},
}
"""Each ROS program shape and the rules it is refused by."""


def _aws_plan(code: str, shape: str) -> tuple[str, list[str | None]]:
    """The template's Default of `Where` and each instance's override of it (None: the instance overrides nothing)."""
    home, abroad = AWS_REPLICA_HOME[code], AWS_REPLICA_ABROAD[code]
    if shape == "default-abroad-overridden":
        return abroad, [home, home]
    if shape == "default-abroad-one-left":
        return abroad, [home, None]
    return AWS_HOME[code], [abroad]


def pulumi_stack_set(code: str, shape: str) -> Build:
    # docs: aws cloudformation/stackset (name, template_body, SELF_MANAGED), cloudformation/stacksetinstance
    # (stack_set_name, account_id, stack_set_instance_region, parameter_overrides "Key-value map of input parameters to
    # override from the StackSet for this Instance") and cloudformation/stackinstances (stack_set_name, accounts,
    # regions, parameter_overrides).
    def build(c: Any) -> object:
        p = partition(code)
        default, overrides = _aws_plan(code, shape)
        stack_set = aws.cloudformation.StackSet(
            "trips", name="trips", template_body=trips_body(default), permission_model="SELF_MANAGED",
            administration_role_arn=f"arn:{p}:iam::{OWN_ACCOUNT}:role/AWSCloudFormationStackSetAdministrationRole",
            execution_role_name="AWSCloudFormationStackSetExecutionRole", opts=c.aws,
        )  # fmt: skip
        if shape == "instances-abroad":
            return aws.cloudformation.StackInstances(
                "trips-home", stack_set_name=stack_set.name, accounts=[OWN_ACCOUNT], regions=[AWS_HOME[code]],
                parameter_overrides={"Where": AWS_REPLICA_ABROAD[code]}, opts=c.aws,
            )  # fmt: skip
        name: Any = {"literal-abroad": "trips", "external-abroad": "partner-trips"}.get(shape, stack_set.name)
        made = []
        for i, override in enumerate(overrides):
            made.append(aws.cloudformation.StackSetInstance(
                f"trips-home-{i}", stack_set_name=name, account_id=OWN_ACCOUNT,
                stack_set_instance_region=AWS_HOME[code],
                parameter_overrides={"Where": override} if override else None, opts=c.aws,
            ))  # fmt: skip
        return made

    return build


def pulumi_stack_group(code: str, shape: str) -> Build:
    # docs: alicloud ros/stackgroup (stack_group_name, template_body, parameters) and ros/stackinstance
    # (stack_group_name, stack_instance_account_id, stack_instance_region_id, parameter_overrides
    # [{parameter_key, parameter_value}]).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        home, abroad = ALI_PEER_HOME[code], ALI_PEER_ABROAD[code]
        plans: dict[str, tuple[str, list[str | None]]] = {
            "override-abroad": (home, [abroad]),
            "default-abroad-overridden": (abroad, [home, home]),
            "default-abroad-one-left": (abroad, [home, None]),
        }
        default, overrides = plans[shape]
        group = alicloud.ros.StackGroup(
            "peering", stack_group_name="peering", template_body=json.dumps(peering_body(default)), opts=c.ali
        )
        made = []
        for i, override in enumerate(overrides):
            given: list[alicloud.ros.StackInstanceParameterOverrideArgsDict] | None = (
                [{"parameter_key": "Where", "parameter_value": override}] if override else None
            )
            made.append(alicloud.ros.StackInstance(
                f"peering-home-{i}", stack_group_name=group.stack_group_name, stack_instance_account_id=OWN_UID,
                stack_instance_region_id=ALI_HOME[code], parameter_overrides=given, opts=c.ali,
            ))  # fmt: skip
        return made

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        *shape_rows("stackinst50", "stackset", pulumi_stack_set, AWS_SHAPES, ("EU", "DE", "US", "JP", "CN")),
        *shape_rows("stackinst50", "stackgroup", pulumi_stack_group, ROS_SHAPES, ("CN", "JP", "DE")),
    ]
