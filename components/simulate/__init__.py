"""The mock runtime: run Pulumi programs with no engine, no CLI and no provider plugin.

Jurisdiction-aware mocks (:class:`SovereignMocks`), a recording monitor and a program runner. The
offline reviewer plan (``components.plan``) runs every stack on it, and the ``pulumi_mocks`` test
fixture (:mod:`components.testing`) is built on it.

    from components.simulate import run_pulumi_program
    run = run_pulumi_program(my_program, project="sovereign-dc", stack="cn", config={"aws:region": "cn-north-1"})
    assert run.find("data").outputs["arn"].startswith("arn:aws-cn:s3:::")
"""

from components.simulate.mocks import Location, SovereignMocks
from components.simulate.program import UNKNOWN, MockSession, ProgramFile, ProgramRun, run_pulumi_program
from components.simulate.recorder import InvokeRecord, RecordingMonitor, ResourceRecord, Secret

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
