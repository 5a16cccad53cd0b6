"""False-alarm hunt 27 over the registry's example programs of modules no earlier hunt scanned (stop 43,
``falsealarm27``; issue 9).

``tests/registry_scan.py`` ran every ``## Example Usage`` program of 52 modules of the pulumi-aws 7.51.1 and
pulumi-alicloud 4.0.0 docstrings (the registry's API pages) that no fixture of hunts 18-26 held and no hunt scanned,
each in CN and in EU (AWS) or JP (Alibaba Cloud), through the guard and the plan, and re-ran the 370 examples of hunt 26
that could not run (its tool now gives a required configuration value a placeholder, stands in for ``pulumi_tls`` /
``pulumi_time`` and answers provider functions the mocks do not know); docs/residency.md, "False-alarm hunt 27 (stop
43)", has the figures and the triage of every refusal. The examples here, verbatim in
``tests/fixtures/registry_examples_falsealarm27.yaml``, each in CN and in one other stack of its cloud, in turn, are:

- **The false alarms found, fixed** (each refused on ``main`` before this branch, RES-017 outside CN): an IAM Access
  Analyzer's internal access rule naming the bucket ARNs it analyses (``inclusions.resource_arns``, a filter: now a
  match field), and a Lightsail bucket's access key and resource access, which name the Lightsail bucket the stack
  makes in the provider's Region (``bucket_name``: now a same-Region bucket field).
- **Compliant programs** of the new modules (all pass): AppStream fleets, Chime voice connector streaming and logging,
  CodeArtifact, CodeCommit, Detective, Device Farm uploads, Directory Service, Elastic Beanstalk application versions,
  Evidently data delivery to CloudWatch Logs, Lex V2 bots, Lightsail databases, CloudWatch observability centralisation
  and S3 Tables integration, Oracle Database@AWS VM clusters, Rekognition stream processors, Cloud Map instances,
  WorkMail; Alibaba Cloud WUYING (EDS) NAS file systems and office sites,
  Lingjun (EFLO) VPDs and nodes, Cloud Phone policies and instance groups, EAIS, Service Catalog provisioned products,
  the private CA's certificates, Brain industrial PID projects and ACK One clusters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import platform_programs_falsealarm23 as fa23
import platform_programs_falsealarm25 as fa25

Build = Callable[[Any], object]

EXAMPLES: dict[str, dict[str, Any]] = fa25.load_examples("falsealarm27")
"""Example key -> ``docs`` (the registry page) and ``source`` (the example as the registry prints it)."""


def example(key: str, code: str) -> Build:
    """The example ``key`` of the fixture as a program of a ``code`` stack, ported as hunt 25 ports
    (:func:`platform_programs_falsealarm25.port`: the stack's provider, regions, zones, zone ids, account ids)."""
    return fa25.example_of(EXAMPLES, key, code)


DECLARED: dict[tuple[str, str], list[dict[str, Any]]] = {
    # alired48 (stop 48): pulumi-alicloud issues a private CA's certificates through cas.aliyuncs.com (Hangzhou) or
    # cas.ap-southeast-1 (Singapore) whatever the provider's region (RES-016 outside CN since then): the US program
    # declares the service, as a team whose private CA names only machines would.
    ("alicloud.sslcertificatesservicepca.Certificate", "US"): [{
        "id": "certificate-service", "kind": "resident", "match": "alicloud-cas-hub-region",
        "evidence": "the private CA issues machine identities only, no personal data; accepted by the DPO, PKI-48"}],
}  # fmt: skip
"""(example, stack) -> the destinations the program declares (none for the others)."""


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for key, code in fa23.stacks(EXAMPLES):
        declared = DECLARED.get((key, code), [])
        yield f"falsealarm27-{fa23.slug(key)}-{code.lower()}", code, example(key, code), set(), declared
