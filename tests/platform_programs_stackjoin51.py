"""Stack instances the guard did not join, and instances of a StackSet made elsewhere (stop 51, issue 9: stackjoin51).

Stop 50 (stackinst50) joined a Pulumi StackSet / stack group to the instances of the program naming it, and left open
an instance naming it through an ``apply`` of its name (the reviews and the pack join it by its property dependencies,
the guard joined none), an instance of a StackSet another program or the console made (its overrides judged by name
and form only), and overrides given as Outputs of other resources. Reproduced on the unchanged engine (main 54b9529,
this table's programs through every door): an ``apply``-named instance overriding a foreign Default at home was RES-009
at the guard alone (it read the StackSet's Default: a false alarm the other doors did not raise); an instance of an
external StackSet sending ``{"Where": <a foreign Region>}`` into a template nobody here can read passed every door.
Now the guard joins an instance named by an Output it cannot tell to the StackSet it may name (fail closed), and every
override of a Region's form is judged as a Region at the instance (catalogue ``typed_region_fields``).

``shape`` (AWS, EU / DE / US / JP / CN, aws-cn in CN; ROS ``ros.StackInstance``, CN / JP / DE):
``apply-abroad`` the instance names the StackSet by ``stack_set.name.apply(...)`` and overrides its in-country Default
abroad: RES-009 (before too: the reviews and the pack joined it, the guard read the override by name); ``apply-default-
abroad-overridden`` a foreign Default both ``apply``-named instances override at home: passes (RES-009 at the guard
before); ``apply-default-abroad-one-left`` a foreign Default one of them leaves: RES-009 (before too);
``external-home`` an instance of a StackSet the program does not make, overriding a Parameter with an in-country
Region and a Parameter with a value of no Region's form: passes (before too); ``external-abroad`` the same, its Region
abroad: RES-009 (passed before); ``output-home`` / ``output-abroad`` (AWS: ``StackInstances``; ROS: an instance) whose
override is another resource's output (an SSM / OOS parameter the program makes holding the Region): passes / RES-009
(before too: the guard waits for the Output, the reviews and the pack read the resolved value or defer it).

tests/test_realistic_programs.py runs them as CASES (``stackjoin51-*``).
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

SHAPES: dict[str, set[str]] = {
    "apply-abroad": {"RES-009"},
    "apply-default-abroad-overridden": set(),
    "apply-default-abroad-one-left": {"RES-009"},
    "external-home": set(),
    "external-abroad": {"RES-009"},
    "output-home": set(),
    "output-abroad": {"RES-009"},
}
"""Each program shape (AWS and ROS alike) and the rules it is refused by."""
EXTERNAL = "partner-trips"
"""The name of a StackSet / stack group another program made (none of this program's)."""


def _plan(home: str, abroad: str, shape: str) -> tuple[str, list[str | None]]:
    """The template's Default of `Where` and each instance's override of it (None: the instance overrides nothing)."""
    if shape == "apply-default-abroad-overridden":
        return abroad, [home, home]
    if shape == "apply-default-abroad-one-left":
        return abroad, [home, None]
    return home, [home if shape.endswith("-home") else abroad]


def _applied(name: Any) -> Any:
    """A StackSet's name as an instance computes it from the StackSet (``name.apply``: the same text)."""
    return name.apply(lambda text: text)


def pulumi_stack_set(code: str, shape: str) -> Build:
    # docs: aws cloudformation/stackset (name, template_body, SELF_MANAGED), cloudformation/stacksetinstance
    # (stack_set_name, parameter_overrides "Key-value map of input parameters to override from the StackSet for this
    # Instance"), cloudformation/stackinstances (parameter_overrides), ssm/parameter (insecure_value).
    def build(c: Any) -> object:
        p = partition(code)
        default, overrides = _plan(AWS_REPLICA_HOME[code], AWS_REPLICA_ABROAD[code], shape)
        stack_set = aws.cloudformation.StackSet(
            "trips", name="trips", template_body=trips_body(default), permission_model="SELF_MANAGED",
            administration_role_arn=f"arn:{p}:iam::{OWN_ACCOUNT}:role/AWSCloudFormationStackSetAdministrationRole",
            execution_role_name="AWSCloudFormationStackSetExecutionRole", opts=c.aws,
        )  # fmt: skip
        if shape.startswith("output-"):
            where = aws.ssm.Parameter("trips-where", name="/trips/where", type="String",
                                      insecure_value=overrides[0], opts=c.aws)  # fmt: skip
            return aws.cloudformation.StackInstances(
                "trips-home", stack_set_name=stack_set.name, accounts=[OWN_ACCOUNT], regions=[AWS_HOME[code]],
                parameter_overrides={"Where": where.insecure_value}, opts=c.aws,
            )  # fmt: skip
        external = shape.startswith("external-")
        name: Any = EXTERNAL if external else _applied(stack_set.name)
        made = []
        for i, override in enumerate(overrides):
            given = (
                ({"Where": override, "Environment": "prod"} if external else {"Where": override}) if override else None
            )
            made.append(aws.cloudformation.StackSetInstance(
                f"trips-home-{i}", stack_set_name=name, account_id=OWN_ACCOUNT,
                stack_set_instance_region=AWS_HOME[code], parameter_overrides=given, opts=c.aws,
            ))  # fmt: skip
        return made

    return build


def _pairs(values: dict[str, Any]) -> list[alicloud.ros.StackInstanceParameterOverrideArgsDict]:
    return [{"parameter_key": k, "parameter_value": v} for k, v in values.items()]


def pulumi_stack_group(code: str, shape: str) -> Build:
    # docs: alicloud ros/stackgroup (stack_group_name, template_body), ros/stackinstance (stack_group_name,
    # stack_instance_account_id, stack_instance_region_id, parameter_overrides [{parameter_key, parameter_value}]),
    # oos/parameter (parameter_name, type, value).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        default, planned = _plan(ALI_PEER_HOME[code], ALI_PEER_ABROAD[code], shape)
        overrides: list[Any] = list(planned)
        group = alicloud.ros.StackGroup(
            "peering", stack_group_name="peering", template_body=json.dumps(peering_body(default)), opts=c.ali
        )
        external = shape.startswith("external-")
        name: Any = EXTERNAL if external else _applied(group.stack_group_name)
        if shape.startswith("output-"):
            name = group.stack_group_name
            where = alicloud.oos.Parameter("peering-where", parameter_name="peering-where", type="String",
                                           value=overrides[0], opts=c.ali)  # fmt: skip
            overrides = [where.value]
        made = []
        for i, override in enumerate(overrides):
            values = {"Where": override, "Environment": "prod"} if external else {"Where": override}
            made.append(alicloud.ros.StackInstance(
                f"peering-home-{i}", stack_group_name=name, stack_instance_account_id=OWN_UID,
                stack_instance_region_id=ALI_HOME[code], parameter_overrides=_pairs(values) if override else None,
                opts=c.ali,
            ))  # fmt: skip
        return made

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        *shape_rows("stackjoin51", "stackset", pulumi_stack_set, SHAPES, ("EU", "DE", "US", "JP", "CN")),
        *shape_rows("stackjoin51", "stackgroup", pulumi_stack_group, SHAPES, ("CN", "JP", "DE")),
    ]
