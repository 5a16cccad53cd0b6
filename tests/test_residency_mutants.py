"""The mutation search (tests/residency_mutants.py) over a fixed sample of compliant programs: every resident value
swapped for a foreign one is refused, except in the fields listed below, which carry no destination.

A future change that stops judging a field (a host path dropped from the catalogue, a script no longer read) makes a
mutant survive outside the allow-list, and this test fails naming it. Bounded (a dozen mutants per program, nine
programs) and derandomised (the mutants are made in the programs' own order).
"""

from __future__ import annotations

import residency_mutants as search

SAMPLE = [
    "cn-vod-default-scope",  # a VOD origin (sources[].source_content)
    "eu-platform-ssm-command-association-frankfurt",  # an SSM Command document's runCommand (--region)
    "cn-lambda-regional-sqs-url",  # a queue URL in an environment map
    "cn-ecs-user-data-internal-oss",  # base64 user data with an OSS host
    "cn-sls-pipeline",  # SLS projects named after their region
    "eu-lambda-proxy-bypass-list",  # NO_PROXY
    "cn-iam-deny-outside-china",  # a Deny statement's region list
    "cn-lambda-declared-transfer",  # a declared destination's host
    "eu-cname-to-own-alb",  # a record's name and its target
]

# (type, property path) pairs where a swapped value is rightly accepted: it names or matches, never sends.
BENIGN = {
    # Names of the stack's own SLS projects, which embed their region as text; where logs go is the project's region
    # (the provider's, judged) and a sink's endpoint or region field (judged).
    ("alicloud:log/etl:Etl", "etlSinks.[*].project"),
    ("alicloud:log/etl:Etl", "project"),
    ("alicloud:log/logTailConfig:LogTailConfig", "project"),
    ("alicloud:log/machineGroup:MachineGroup", "project"),
    ("alicloud:log/ossShipper:OssShipper", "projectName"),
    ("alicloud:log/project:Project", "projectName"),
    ("alicloud:log/store:Store", "projectName"),
    # The accelerated domain VOD serves (a name viewers use), not its origin.
    ("alicloud:vod/domain:Domain", "domainName"),
    # A Deny statement narrows what is allowed; its foreign regions send nothing anywhere.
    ("aws:iam/policy:Policy", "policy"),
    # NO_PROXY lists the hosts a client reaches without its proxy: compared with, never sent to.
    ("aws:lambda/function:Function", "environment.variables.NO_PROXY"),
    # A record's own name (what clients look up), not its target.
    ("aws:route53/record:Record", "name"),
}


def test_no_resident_value_can_be_swapped_for_a_foreign_one_unnoticed() -> None:
    cases = [c for c in search.realistic.CASES if c.id in SAMPLE]
    assert sorted(c.id for c in cases) == sorted(SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8)
    # Every mutant was applied to the program and ran: a survivor is a verdict, not a mutant that never happened.
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    kinds = {o.mutant.kind for o in report.outcomes if o.guard}
    assert {"region", "host", "region-b64"} <= kinds, kinds
    unexpected = {
        (group[0].mutant.case, type_, path, kind, group[0].mutant.after[:120])
        for (type_, path, kind), group in report.groups().items()
        if (type_, path) not in BENIGN
    }
    assert unexpected == set()
