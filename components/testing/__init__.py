"""Test kit: the ``pulumi_mocks`` pytest fixture and the names test authors use.

    from components.testing import run_pulumi_program
    run = run_pulumi_program(my_program, project="sovereign-dc", stack="cn", config={"aws:region": "cn-north-1"})
    assert run.find("data").outputs["arn"].startswith("arn:aws-cn:s3:::")

The fixture lives in :mod:`components.testing.fixtures` (a pytest plugin, registered through the
``pytest11`` entry point). The mock runtime itself is :mod:`components.simulate` (the offline plan
runs on it too); its public names are re-exported here so tests need one import.
"""

from components.simulate import (
    UNKNOWN,
    InvokeRecord,
    Location,
    MockSession,
    ProgramFile,
    ProgramRun,
    RecordingMonitor,
    ResourceRecord,
    Secret,
    SovereignMocks,
    run_pulumi_program,
)

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
