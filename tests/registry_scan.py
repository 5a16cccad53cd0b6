"""Scan the Pulumi registry's own example programs through the residency engine (issue 9's false-alarm hunts).

Not a test (no ``test_`` prefix): a tool the hunts run by hand, so that the next one can re-run the scan that found
their cases. Stop 40's scan (hunts 23 and 24) lived in /tmp; this is its rebuild (stop 41, ``falsealarm25``).

What it does, per resource module of the installed SDKs (pulumi-aws, pulumi-alicloud under
``.venv/lib/python3.11/site-packages``):

1. **Extract**: every resource class's ``__init__`` docstring (the registry's API page) is read, and every
   `````python`` block between ``## Example Usage`` and ``## Import`` is one example, keyed
   ``<cloud>.<module>.<Type>`` (``#<n>`` for the type's n-th example), as the fixtures
   ``tests/fixtures/registry_examples*.yaml`` key them.
2. **Port**: as the table's ports do (:func:`platform_programs_review36.program`: the stack's provider on every
   resource and provider function, regions, zones and account ids localised; hunt 23's AWS zone ids), plus the
   localiser fixes of hunt 25 (:func:`platform_programs_falsealarm25.localise`: Alibaba multi-zone ids
   ``cn-hangzhou-MAZ6(i,j,k)``, regional endpoint hosts ``cn-hangzhou-intranet.log.aliyuncs.com``,
   ``amazonaws.com.cn`` in aws-cn, and a ``pulumi_std`` stand-in for the functions the examples call).
3. **Run**: each example in CN and in one other stack of its cloud (EU for AWS, JP for Alibaba Cloud; ``--stacks``
   changes them) under the toolkit's mocks, through the guard (``enforce(mode="raise")``, as ``pulumi up``) and then
   the offline plan (an audit session, every finding with its message). The table
   (``tests/test_realistic_programs.py``) then runs the programs a hunt keeps through every front door.
4. **Report**: one line per run, ``PASS`` / ``REFUSED <rules>`` (with each violation's message) / ``ERROR
   <exception>`` (the example cannot run under the mocks: a module not installed, an output the mocks do not give),
   and a summary (modules, examples, runs, passed, refused, errors). ``--json FILE`` writes the runs for triage.

Usage (from the repository root; the worktree's own ``components`` is put first on ``sys.path``)::

    .venv/bin/python tests/registry_scan.py --list aws.s3 alicloud.oss        # the examples, not run
    .venv/bin/python tests/registry_scan.py aws.dax alicloud.dds --json /tmp/scan.json
    .venv/bin/python tests/registry_scan.py --covered                         # modules earlier hunts scanned
    .venv/bin/python tests/registry_scan.py --only aws.dax.Cluster#2 --stacks CN,EU
    .venv/bin/python tests/registry_scan.py --fixture FILE ...                # examples from a fixture instead

A refusal is then triaged by hand (docs/residency.md, "False-alarm hunt 25 (stop 41)"): a false alarm (fixed in the
catalogue, reproduced as a table case) or genuine (kept, with the reason).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests", ROOT / "policy"):  # the worktree's components, not an editable install's
    if str(path) in sys.path:
        sys.path.remove(str(path))
    sys.path.insert(0, str(path))

SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
PACKAGES = {"aws": "pulumi_aws", "alicloud": "pulumi_alicloud"}
FIXTURES = (
    "registry_examples36.yaml", "registry_examples_falsealarm23.yaml", "registry_examples_falsealarm24.yaml",
    "registry_examples_falsealarm25.yaml", "registry_examples_falsealarm26.yaml",
)  # fmt: skip
COVERED_BY_NAME = ("aws.bedrock", "aws.s3control", "alicloud.dts", "alicloud.redis", "alicloud.ens")
"""Modules hunts 23/24 scanned whose types no fixture holds (docs/residency.md, hunts 23 and 24: Bedrock AgentCore,
S3 multi-Region access points, DTS, Redis, ENS nodes through PolarDB zonal)."""
SCANNED = {
    "falsealarm25": (
    "aws.dax", "aws.keyspaces", "aws.timestreaminfluxdb", "aws.timestreamquery", "aws.neptunegraph", "aws.dsql",
    "aws.s3tables", "aws.fsx", "aws.glacier", "aws.storagegateway", "aws.mskconnect", "aws.emrserverless",
    "aws.emrcontainers", "aws.lakeformation", "aws.dataexchange", "aws.cleanrooms", "aws.appflow", "aws.mwaa",
    "aws.opensearchingest", "aws.elasticsearch", "aws.cloudsearch", "aws.scheduler", "aws.schemas",
    "aws.securitylake", "aws.xray", "aws.synthetics", "aws.oam", "aws.amp", "aws.location", "aws.redshiftdata",
    "aws.dlm", "aws.cur", "aws.bcmdata", "aws.sesv2", "aws.mailmanager", "aws.rbin", "aws.datapipeline",
    "aws.comprehend", "aws.transcribe", "aws.cloudfront", "alicloud.drds", "alicloud.hbase", "alicloud.lindorm",
    "alicloud.clickhouseenterprisedbcluster", "alicloud.selectdb", "alicloud.starrocks", "alicloud.graphdatabase",
    "alicloud.tsdb", "alicloud.cassandra", "alicloud.dataworks", "alicloud.quickbi", "alicloud.realtimecompute",
    "alicloud.pai", "alicloud.opensearch", "alicloud.imm", "alicloud.vod", "alicloud.live", "alicloud.cdn",
    "alicloud.dcdn", "alicloud.scdn", "alicloud.dbs", "alicloud.cloudstoragegateway", "alicloud.databasefilesystem",
    "alicloud.dfs", "alicloud.iot", "alicloud.schedulerx", "alicloud.sddp", "alicloud.directmail", "alicloud.cddc",
    "alicloud.das", "alicloud.hologram", "alicloud.dms", "alicloud.fnf",
    ),
    "falsealarm26": (
    "aws.acmpca", "aws.amplify", "aws.appconfig", "aws.appfabric", "aws.appintegrations", "aws.apprunner",
    "aws.auditmanager", "aws.chatbot", "aws.chimesdkmediapipelines", "aws.cloudformation", "aws.codepipeline",
    "aws.codestarnotifications", "aws.connect", "aws.customerprofiles", "aws.datazone", "aws.directconnect",
    "aws.ec2clientvpn", "aws.elastictranscoder", "aws.fis", "aws.globalaccelerator", "aws.grafana",
    "aws.imagebuilder", "aws.iot", "aws.ivs", "aws.ivschat", "aws.kendra", "aws.macie2", "aws.mediaconvert",
    "aws.medialive", "aws.mediapackage", "aws.mediastore", "aws.networkmanager", "aws.pinpoint", "aws.qldb",
    "aws.quicksight", "aws.rum", "aws.securityhub", "aws.ssmcontacts", "aws.ssmincidents", "aws.verifiedaccess",
    "aws.vpclattice", "aws.wafv2", "aws.budgets", "aws.costexplorer", "aws.finspace", "alicloud.apig",
    "alicloud.arms", "alicloud.cfg", "alicloud.config", "alicloud.cloudfirewall", "alicloud.cloudsso",
    "alicloud.cas", "alicloud.ebs", "alicloud.eipanycast", "alicloud.esa", "alicloud.expressconnect", "alicloud.ga",
    "alicloud.gwlb", "alicloud.resourcemanager", "alicloud.sag", "alicloud.securitycenter",
    "alicloud.threatdetection", "alicloud.sms", "alicloud.sslcertificatesservice", "alicloud.wafv3",
    "alicloud.videosurveillance", "alicloud.databasegateway", "alicloud.edas", "alicloud.ecddesktop", "alicloud.emr",
    "alicloud.aligreen", "alicloud.alidnscloudgtm", "alicloud.cloudconnect", "alicloud.servicemesh",
    "alicloud.simpleapplicationserver", "alicloud.ehpc", "alicloud.chatbot", "alicloud.governance",
    ),
}  # fmt: skip
"""Modules each hunt scanned (every example run), whether or not its fixture keeps one of them: the record the next
hunt starts from (docs/residency.md, "False-alarm hunt 25 (stop 41)" and "False-alarm hunt 26 (stop 42)")."""
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _docstring_examples(text: str) -> list[str]:
    if "## Example Usage" not in text:
        return []
    body = text.split("## Example Usage", 1)[1].split("## Import", 1)[0]
    return [textwrap.dedent(block) for block in _BLOCK.findall(body)]


def examples_of(module: str) -> Iterator[tuple[str, str, str]]:
    """(key, registry page, source) of every example of ``module`` (``aws.dax``, ``alicloud.dds``)."""
    cloud, name = module.split(".", 1)
    folder = SITE / PACKAGES[cloud] / name
    for file in sorted(folder.glob("*.py")):
        if file.name.startswith("_") or file.name in ("outputs.py",) or file.name.startswith("get_"):
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef) or node.name.endswith("Args") or node.name.endswith("State"):
                continue
            inits = [f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"]
            sources = next((s for f in inits if (s := _docstring_examples(ast.get_docstring(f) or ""))), [])
            for n, source in enumerate(sources, 1):
                key = f"{module}.{node.name}" + (f"#{n}" if n > 1 else "")
                docs = (
                    f"https://www.pulumi.com/registry/packages/{cloud}/api-docs/{name.rstrip('_')}/{node.name.lower()}/"
                )
                yield key, docs, source


def covered() -> set[str]:
    """Modules whose examples earlier hunts held (the fixtures) or scanned (:data:`COVERED_BY_NAME`,
    :data:`SCANNED`)."""
    import yaml

    out = set(COVERED_BY_NAME) | {m for modules in SCANNED.values() for m in modules}
    for fixture in FIXTURES:
        data = yaml.safe_load((ROOT / "tests" / "fixtures" / fixture).read_text(encoding="utf-8"))
        out |= {".".join(key.split(".")[:2]) for key in data}
    return out


def run_one(key: str, source: str, code: str, *, old_port: bool = False) -> dict[str, Any]:
    """The example as a ``code`` stack's program, through the guard and the plan (``old_port``: ported as hunts 23
    and 24 did, without hunt 25's localiser fixes and ``pulumi_std`` stand-in)."""
    import platform_programs_falsealarm23 as fa23
    import platform_programs_falsealarm25 as fa25
    import platform_programs_review36 as rx36

    from components.errors import ResidencyViolation
    from components.plan.collect import build_stack_plan
    from components.residency import audit_session, enforce
    from components.residency.destinations import parse_destinations
    from components.testing import run_pulumi_program

    out: dict[str, Any] = {"key": key, "stack": code}
    try:
        if old_port:
            aws_zone = rx36.cloud_of(key) == "aws"
            build = rx36.program(key, fa23._ZONE_ID.sub(fa23._ZONE_IDS[code], source) if aws_zone else source, code)
        else:
            build = fa25.port(key, source, code)
    except Exception as exc:
        return {**out, "verdict": "ERROR", "error": f"port: {type(exc).__name__}: {exc}"}

    def program(mode: str) -> Any:
        def run() -> None:
            enforce(code, mode=mode, destinations=parse_destinations([]))  # type: ignore[arg-type]
            build(None)

        return run

    config = {"sovereign-dc:jurisdiction": code}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        guard = run_pulumi_program(
            program("raise"), project="sovereign-dc", stack=code.lower(), config=config, raise_on_error=False
        )
        out["warnings"] = sorted({str(w.message)[:160] for w in caught if issubclass(w.category, DeprecationWarning)})
    if guard.error is not None and not isinstance(guard.error, ResidencyViolation):
        return {**out, "verdict": "ERROR", "error": f"{type(guard.error).__name__}: {guard.error}"[:400]}
    out["guard"] = sorted({guard.error.rule_id} if guard.error else set())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with audit_session() as guards:
                run = run_pulumi_program(program("raise"), project="sovereign-dc", stack=code.lower(), config=config)
            if run.error is not None:
                raise run.error
            plan = build_stack_plan(
                code.lower(), "scan", run.resources, guards[0].engine.jurisdiction,
                [f for g in guards for f in g.findings],
            )  # fmt: skip
    except Exception as exc:
        return {**out, "verdict": "ERROR", "error": f"plan: {type(exc).__name__}: {exc}"[:400]}
    out["plan"] = sorted({v.rule for v in plan.violations})
    out["messages"] = [f"{v.rule} {v.message}"[:600] for v in plan.violations]
    out["verdict"] = "REFUSED" if out["guard"] or out["plan"] else "PASS"
    return out


def _old_localise(key: str, source: str, code: str) -> str:
    import platform_programs_falsealarm23 as fa23

    return fa23._ZONE_ID.sub(fa23._ZONE_IDS[code], source) if key.startswith("aws.") else source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="See the module docstring.")
    parser.add_argument("modules", nargs="*", help="modules to scan: aws.dax alicloud.dds ...")
    parser.add_argument("--list", action="store_true", help="list the examples, do not run them")
    parser.add_argument("--covered", action="store_true", help="print the modules earlier hunts scanned")
    parser.add_argument("--only", action="append", default=[], help="run only this example key (repeatable)")
    parser.add_argument("--fixture", help="take the examples from this fixture YAML (key -> docs, source)")
    parser.add_argument("--stacks", help="comma-separated stacks (default: CN and EU for AWS, CN and JP for Alibaba)")
    parser.add_argument("--json", help="write the runs to this file")
    parser.add_argument(
        "--touched",
        action="store_true",
        help="only the examples hunt 25's port changes (pulumi_std, or a literal its localiser rewrites)",
    )
    parser.add_argument("--old-port", action="store_true", help="port as hunts 23/24 did (to measure the fixes)")
    args = parser.parse_args(argv)
    if args.covered:
        print("\n".join(sorted(covered())))
        return 0
    found: list[tuple[str, str, str]] = []
    if args.fixture:
        import yaml

        data = yaml.safe_load(Path(args.fixture).read_text(encoding="utf-8"))
        found = [(k, v["docs"], v["source"]) for k, v in data.items()]
    for module in args.modules:
        found += list(examples_of(module))
    if args.only:
        found = [e for e in found if e[0] in args.only]
    if args.touched:
        import platform_programs_falsealarm25 as fa25

        def touched(key: str, source: str) -> bool:
            codes = ["CN", "EU" if key.startswith("aws.") else "JP"]
            return "pulumi_std" in source or any(
                fa25.localise(key, source, c) != _old_localise(key, source, c) for c in codes
            )

        found = [e for e in found if touched(e[0], e[2])]
    if args.list:
        for key, docs, _ in found:
            print(key, docs)
        print(f"{len(found)} examples", file=sys.stderr)
        return 0
    runs: list[dict[str, Any]] = []
    for key, docs, source in found:
        cloud = key.split(".", 1)[0]
        codes = args.stacks.split(",") if args.stacks else ["CN", "EU" if cloud == "aws" else "JP"]
        for code in codes:
            result = {**run_one(key, source, code, old_port=args.old_port), "docs": docs}
            runs.append(result)
            detail = result.get("error") or " ".join(result.get("messages", []))
            rules = ",".join(sorted(set(result.get("guard", [])) | set(result.get("plan", []))))
            print(f"{result['verdict']:8} {code} {key} {rules} {detail}"[:900], flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(runs, indent=1), encoding="utf-8")
    modules = {".".join(r["key"].split(".")[:2]) for r in runs}
    counts = {v: sum(r["verdict"] == v for r in runs) for v in ("PASS", "REFUSED", "ERROR")}
    print(f"modules {len(modules)}, examples {len({r['key'] for r in runs})}, runs {len(runs)}, {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
