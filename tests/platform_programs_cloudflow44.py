"""Programs of stop 44's CloudFlow work (cloudflow44): the account of what an Alibaba Cloud CloudFlow flow writes to.

A CloudFlow (Serverless Workflow, ``alicloud.fnf.Flow``) flow's task names the resource it sends the execution's data to
by ``resourceArn``: in the v1 flow FDL (``version: v1``, ``type: flow``) a task step's own key (a Function Compute
function, "Create a flow"; an MNS queue, "MNS queues" integration page), nested steps of a ``parallel`` step's branches
alike; in the state-machine FDL (``Type: StateMachine``, ``SpecVersion: v1``) a Task state's ``Parameters.resourceArn``
(``FC:InvokeFunction``, "Integrate CloudFlow with Function Compute"). Before stop 44 another account's function or queue
passed every door (only the ARN's Region was judged): reproduced on the unchanged engine with one-value checks (CN, JP,
DE) and with this table (every ``*-partner`` shape passed the guard).

``shape``: ``<integration>-own`` names the stack's own resource (the UID of the role the provider assumes,
``platform_parts.DEPLOYER``): passes. ``<integration>-partner`` names a partner's (``PARTNER``): RES-023 in
every jurisdiction (no Alibaba Cloud site keeps its accounts in one country, CN included). ``fc-partner-declared``: the
partner account declared resident (``acs:ram::<uid>:``): passes. ``fc-abroad``: the own function in a Region abroad:
RES-005 (refused before, unchanged). ``http-foreign`` / ``http-home``: an HTTP task to a partner's host (RES-015,
refused before) and to the stack's own Function Compute endpoint in the home Region (passes).
tests/test_realistic_programs.py runs them as CASES (``cloudflow44-*``) under a provider assuming the deployment role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import platform_programs as pp
import pulumi_alicloud as alicloud

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "1234567890123456"
"""The UID of the deployment role the table's provider assumes (``platform_parts.DEPLOYER``)."""
PARTNER = "5555666677778888"
HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
ABROAD = "us-west-1"
OWN_SHAPES = ("fc-own", "parallel-own", "mns-own", "statemachine-own", "http-home")
PARTNER_SHAPES = ("fc-partner", "parallel-partner", "mns-partner", "statemachine-partner")
DECLARED_SHAPES = ("fc-partner-declared",)
ALREADY_REFUSED = {"fc-abroad": {"RES-005"}, "http-foreign": {"RES-015"}}
SHAPES = OWN_SHAPES + PARTNER_SHAPES + DECLARED_SHAPES + tuple(ALREADY_REFUSED)

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-fulfilment-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's fulfilment account; its resources are in the same jurisdiction's Regions",
}  # fmt: skip


def expected(shape: str) -> set[str]:
    if shape in PARTNER_SHAPES:
        return {"RES-023"}
    return ALREADY_REFUSED.get(shape, set())


def _v1_task(arn: str, nested: bool = False, mns: bool = False) -> str:
    # docs: "Create a flow" (version: v1, type: flow, a task step's resourceArn); "MNS queues" (resourceArn, pattern,
    # serviceParams MessageBody / Priority).
    step = f"- type: task\n  name: {'send' if mns else 'process'}\n  resourceArn: {arn}\n"
    if mns:
        step += "  pattern: requestResponse\n  serviceParams:\n    MessageBody: $\n    Priority: 1\n"
    if nested:
        inner = "".join(f"            {line}\n" for line in step.splitlines())
        body = "  - type: parallel\n    name: fan-out\n    branches:\n      - steps:\n" + inner
    else:
        body = "".join(f"  {line}\n" for line in step.splitlines())
    return "version: v1\ntype: flow\nsteps:\n" + body


def _state_machine(action: str, parameters: str) -> str:
    # docs: "Integrate CloudFlow with Function Compute" (Type: StateMachine, SpecVersion: v1, a Task's Action
    # FC:InvokeFunction and Parameters resourceArn / invocationType / body); "Task state" (HTTP:Request).
    return (
        "Type: StateMachine\nName: orders\nSpecVersion: v1\nStartAt: process\nStates:\n"
        f"  - Name: process\n    Type: Task\n    TaskMode: RequestComplete\n    Action: {action}\n"
        f"    Parameters:\n{parameters}    End: true\n"
    )


def definition(code: str, shape: str) -> str:
    region = HOME[code]
    uid = PARTNER if "partner" in shape else OWN
    function = f"acs:fc:{ABROAD if shape == 'fc-abroad' else region}:{uid}:services/orders/functions/process"
    if shape.startswith(("fc-", "parallel-")):
        return _v1_task(function, nested=shape.startswith("parallel-"))
    if shape.startswith("mns-"):
        return _v1_task(f"acs:mns:{region}:{uid}:/queues/fulfilment/messages", mns=True)
    if shape.startswith("statemachine-"):
        arn = f"acs:fc:{region}:{uid}:functions/process-order"
        return _state_machine(
            "FC:InvokeFunction", f"      resourceArn: {arn}\n      invocationType: Sync\n      body: $Input\n"
        )
    url = (
        f"https://{OWN}.{region}.fc.aliyuncs.com/2016-08-15/proxy/orders/process/"
        if shape == "http-home"
        else "https://hooks.partner-logistics.example.com/orders"
    )
    return _state_machine("HTTP:Request", f"      method: POST\n      url: {url}\n      body: $Input\n")


def program(code: str, shape: str) -> Build:
    text = definition(code, shape)

    def build(c: Any) -> object:
        # docs: fnf/flow (name, type "FDL", definition, role_arn: the RAM role the flow assumes)
        return alicloud.fnf.Flow(
            "orders-flow", name="orders-flow", description="order fulfilment", type="FDL", definition=text,
            role_arn=f"acs:ram::{OWN}:role/fnf-orders", opts=c.ali,
        )  # fmt: skip

    return pp.assuming_role(build)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"cloudflow44-{code.lower()}-{shape}", code, program(code, shape), expected(shape),
         [PARTNER_DECLARED] if shape in DECLARED_SHAPES else [])
        for code in HOME
        for shape in SHAPES
    ]  # fmt: skip
