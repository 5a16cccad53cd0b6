"""``python -m components.precompile``: write bytecode for what the plan imports, two processes at once.

The installer (uv) does not byte-compile, on purpose: the provider SDKs ship about 8,000 modules and
compiling all of them is most of a ``pip install`` (issue 13). The plan imports about 1,300 of them,
and compiling those on first import costs about 2.7 s of one core. This step, run once by the
Makefile after every install, imports them in two processes split by cloud, so the compile runs on
two cores and every later run (the plan, the tests, a ``pulumi preview``) loads bytecode.

It writes bytecode even where ``PYTHONDONTWRITEBYTECODE`` is set (CI images often set it): Python
still *reads* bytecode there, so without this step such an environment would compile the same
1,300 modules again on every run.

The same lists let the parallel plan (:mod:`components.plan.parallel`) import everything once
before it forks its workers.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterable, Sequence

__all__ = ["GROUPS", "PROVIDER_MODULES", "load", "main"]

# The provider SDKs import their service modules lazily (on first attribute access), so importing
# the components does not load them; these are the ones the country components use. A test
# (tests/test_speed.py) plans every stack and fails, naming the module, if one is missing here.
PROVIDER_MODULES: dict[str, tuple[str, ...]] = {
    "aws": (
        "pulumi_aws.apigateway",
        "pulumi_aws.cloudtrail",
        "pulumi_aws.cloudwatch",
        "pulumi_aws.dlm",
        "pulumi_aws.ebs",
        "pulumi_aws.ec2",
        "pulumi_aws.iam",
        "pulumi_aws.iot",
        "pulumi_aws.kms",
        "pulumi_aws.lambda_",
        "pulumi_aws.rds",
        "pulumi_aws.s3",
        "pulumi_aws.ssm",
        "pulumi_aws.wafv2",
    ),
    "alicloud": (
        "pulumi_alicloud.actiontrail",
        "pulumi_alicloud.apigateway",
        "pulumi_alicloud.ecs",
        "pulumi_alicloud.fc",
        "pulumi_alicloud.kms",
        "pulumi_alicloud.log",
        "pulumi_alicloud.oss",
        "pulumi_alicloud.ram",
        "pulumi_alicloud.rds",
        "pulumi_alicloud.ros",
        "pulumi_alicloud.vpc",
        "pulumi_alicloud.wafv3",
    ),
}

# One process per group, split by cloud: the two provider SDKs are most of the bytes. Whatever a
# group forgets is compiled on first import later (slower, never wrong).
GROUPS: tuple[tuple[str, ...], ...] = (
    ("components.aws", *PROVIDER_MODULES["aws"]),
    ("components.alicloud", *PROVIDER_MODULES["alicloud"], "components.datacenter", "components.plan.cli"),
)


def load(modules: Iterable[str]) -> None:
    """Import ``modules`` and run the ones a provider SDK left lazy."""
    for name in modules:
        module = importlib.import_module(name)
        # Any attribute lookup on a lazily imported module executes it; the attribute need not exist.
        getattr(module, "__all__", None)


def main(groups: Sequence[Sequence[str]] = GROUPS) -> int:
    """Import every group at once, one process each; non-zero if any import failed."""
    code = "import sys; sys.dont_write_bytecode = False; from components.precompile import load; load(sys.argv[1:])"
    processes = [subprocess.Popen([sys.executable, "-c", code, *group]) for group in groups]
    return max(process.wait() for process in processes)


if __name__ == "__main__":
    raise SystemExit(main())
