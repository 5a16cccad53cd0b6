"""Testing support: jurisdiction-aware Pulumi mocks, a recording monitor and a program runner.

    from components.testing import run_pulumi_program
    run = run_pulumi_program(my_program, project="sovereign-dc", stack="cn", config={"aws:region": "cn-north-1"})
    assert run.find("data").outputs["arn"].startswith("arn:aws-cn:s3:::")

The ``pulumi_mocks`` pytest fixture lives in :mod:`components.testing.fixtures` (a pytest plugin).
"""

from components.testing.mocks import Location, SovereignMocks
from components.testing.recorder import InvokeRecord, RecordingMonitor, ResourceRecord, Secret
from components.testing.runner import UNKNOWN, MockSession, ProgramFile, ProgramRun, run_pulumi_program

__all__ = [
    "UNKNOWN",
    "InvokeRecord",
    "Location",
    "MockSession",
    "ProgramFile",
    "ProgramRun",
    "RecordingMonitor",
    "ResourceRecord",
    "Secret",
    "SovereignMocks",
    "run_pulumi_program",
]
