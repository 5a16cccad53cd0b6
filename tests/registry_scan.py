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
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests", ROOT / "policy"):  # the worktree's components, not an editable install's
    if str(path) in sys.path:
        sys.path.remove(str(path))
    sys.path.insert(0, str(path))

SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
PACKAGES = {"aws": "pulumi_aws", "alicloud": "pulumi_alicloud"}
FIXTURES = (
    "registry_examples36.yaml", "registry_examples_falsealarm23.yaml", "registry_examples_falsealarm24.yaml",
    "registry_examples_falsealarm25.yaml", "registry_examples_falsealarm26.yaml", "registry_examples_falsealarm27.yaml",
    "registry_examples_falsealarm28.yaml",
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
    "falsealarm27": (
    "aws.appstream", "aws.chime", "aws.cloud9", "aws.cloudhsmv2", "aws.codeartifact", "aws.codecommit",
    "aws.codeconnections", "aws.codedeploy", "aws.codestarconnections", "aws.detective", "aws.devicefarm",
    "aws.directoryservice", "aws.elasticbeanstalk", "aws.evidently", "aws.gamelift", "aws.inspector2", "aws.lex",
    "aws.lightsail", "aws.m2", "aws.mediapackagev2", "aws.notifications", "aws.observabilityadmin", "aws.odb",
    "aws.rekognition", "aws.resiliencehub", "aws.servicecatalog", "aws.servicediscovery", "aws.shield",
    "aws.ssoadmin", "aws.workmail", "aws.workspaces", "aws.workspacesweb", "aws.accessanalyzer",
    "aws.cloudwatchomni", "aws.devopsguru", "aws.rolesanywhere", "aws.verifiedpermissions", "aws.appmesh",
    "alicloud.eds", "alicloud.eflo", "alicloud.cloudphone", "alicloud.cloudphoneinstance", "alicloud.eais",
    "alicloud.ecp", "alicloud.servicecatalog", "alicloud.sslcertificatesservicecertificate",
    "alicloud.sslcertificatesservicepca", "alicloud.sslcertificatesservicepcacert", "alicloud.brain",
    "alicloud.ackone", "alicloud.kvcachestorekvcache", "alicloud.mhub",
    ),
    "falsealarm28": (
    "alicloud.alidnscloudgtmaddress", "alicloud.bp", "alicloud.bss", "alicloud.cloudauth", "alicloud.cloudcontrol",
    "alicloud.compute", "alicloud.configaggregate", "alicloud.dds", "alicloud.imp", "alicloud.marketplace",
    "alicloud.ocean", "alicloud.quotas", "alicloud.rdc", "alicloud.sslcertificatesserviceinstance", "alicloud.tag",
    "alicloud.yundun", "aws.account", "aws.accountaccess", "aws.agentregistry", "aws.alb", "aws.appautoscaling",
    "aws.applicationinsights", "aws.applicationloadbalancing", "aws.arcregionswitch", "aws.arczonalshift",
    "aws.autoscaling", "aws.autoscalingplans", "aws.bedrockfoundation", "aws.bedrockmodel", "aws.billing",
    "aws.cloudcontrol", "aws.codecatalyst", "aws.codeguruprofiler", "aws.codegurureviewer", "aws.computeoptimizer",
    "aws.config", "aws.controltower", "aws.costoptimizationhub", "aws.devopsagent", "aws.directoryservicedata",
    "aws.drs", "aws.ecrpublic", "aws.elb", "aws.fms", "aws.identitystore", "aws.inspector", "aws.invoicing",
    "aws.lambdamicrovms", "aws.licensemanager", "aws.macie", "aws.networkflowmonitor", "aws.networkmonitor",
    "aws.outposts", "aws.paymentcryptography", "aws.polly", "aws.pricing", "aws.pricingplanmanager",
    "aws.qbusiness", "aws.resourceexplorer", "aws.resourcegroups", "aws.resourcegroupstaggingapi",
    "aws.route53domains", "aws.route53recoverycontrol", "aws.route53recoveryreadiness", "aws.s3outposts",
    "aws.savingsplans", "aws.serverlessrepository", "aws.servicequotas", "aws.signer", "aws.swf", "aws.uxc",
    "aws.vpc", "aws.vpn", "aws.waf", "aws.wafregional",
    ),
}  # fmt: skip
"""Modules each hunt scanned (every example run), whether or not its fixture keeps one of them: the record the next
hunt starts from (docs/residency.md, "False-alarm hunt 25 (stop 41)", "False-alarm hunt 26 (stop 42)" and
"False-alarm hunt 27 (stop 43)", "False-alarm hunt 28 (stop 43)": every module of the installed SDKs with a
package directory is now in one of them or in a fixture)."""
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


# -- hunt 27: the cheap reasons an example could not run (docs/residency.md, "False-alarm hunt 27 (stop 43)") -------

_PEM = "-----BEGIN CERTIFICATE-----\nTU9DSw==\n-----END CERTIFICATE-----\n"


class _Standin:
    """A resource of a provider the venv does not install (``pulumi_tls``, ``pulumi_time``): every output the
    examples read (``key.private_key_pem``, ``example["rfc3339"]``) is a fixed local value, as ``random.Integer``'s."""

    _VALUES: ClassVar[dict[str, Any]] = {"rfc3339": "2026-01-01T00:00:00Z", "unix": 1767225600, "id": "standin"}

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.name = name

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        return self._VALUES.get(key, _PEM if "pem" in key else f"standin-{key}")

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)


def _standin_module(name: str) -> Any:
    import types

    module = types.ModuleType(name)
    module.__getattr__ = lambda attr: _Standin  # type: ignore[method-assign]
    return module


STANDIN_MODULES = ("pulumi_tls", "pulumi_time")
"""Providers whose resources the examples only read outputs of (a key, a certificate request, a timestamp): a
stand-in per :class:`_Standin`. ``pulumi_github`` and ``pulumi_awscc`` are not stood in: their resources are the
example's subject (a GitHub webhook's repository, a Cloud Control core network), not a helper."""


def _filled(cls: Any, loc: Any, mocks: Any, depth: int = 0) -> dict[str, Any]:
    """A wire-form answer for a provider function's result type ``cls``: two items in every list, each
    string field a placeholder (``mock-<field>``), zone / region / account fields the stack's own, so that
    ``get_sites().sites[0].instance_id`` reads a value where the mocks answered nothing."""
    out: dict[str, Any] = {}
    for name, prop in vars(cls).items():
        if not isinstance(prop, property) or prop.fget is None:
            continue
        wire = getattr(prop.fget, "_pulumi_name", name)
        hint = prop.fget.__annotations__.get("return")
        value = _value_of(name, hint, loc, mocks, cls, depth)
        if value is not None:
            out[wire] = value
    return out


def _value_of(name: str, hint: Any, loc: Any, mocks: Any, owner: Any, depth: int) -> Any:
    import sys as _sys
    import typing

    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return _value_of(name, inner[0], loc, mocks, owner, depth) if inner else None
    if isinstance(hint, (typing.ForwardRef, str)):
        text = hint.__forward_arg__ if isinstance(hint, typing.ForwardRef) else hint
        module = _sys.modules[owner.__module__]
        package = _sys.modules[owner.__module__.rsplit(".", 1)[0]]
        target: Any = package if text.startswith("outputs.") else module
        for part in text.split("."):
            target = getattr(target, part, None)
            if target is None and part == "outputs":
                target = getattr(package, "outputs", None)
        hint = target
        if hint is None:
            return None
    if getattr(origin, "__name__", "") in ("Sequence", "list"):
        item = _value_of(name, args[0] if args else str, loc, mocks, owner, depth)
        return [] if item is None else [item, item]  # two: some examples read `ids[1]`
    if getattr(origin, "__name__", "") == "Mapping":
        return {}
    if isinstance(hint, type) and any(isinstance(p, property) for p in vars(hint).values()):
        return _filled(hint, loc, mocks, depth + 1) if depth < 4 else None
    if hint is int:
        return 1
    if hint is str:
        region = loc.region or ""
        lowered = name.lower()
        if "zone" in lowered:
            return region + "a" if loc.cloud == "aws" or not region.startswith("cn-") else f"{region}-a"
        if "region" in lowered:
            return region
        if lowered in ("account_id", "owner_account_id", "uid", "owner_id", "account_uid", "master_account_id"):
            return mocks.aws_account_id if loc.cloud == "aws" else mocks.alicloud_account_id
        return "mock-" + name.replace("_", "-")
    return None


def filling_mocks() -> Any:
    """:class:`SovereignMocks` answering a provider function it does not know (an empty answer, so
    ``get_sites().sites[0]`` is ``None[0]``) with :func:`_filled` of the function's result type. The scan's own:
    the table's programs run under the toolkit's mocks unchanged."""
    import importlib
    import re as _re

    from components.simulate.mocks import SovereignMocks

    class FillingMocks(SovereignMocks):
        def call_located(self, args: Any) -> Any:
            result, loc = super().call_located(args)
            if result or loc.cloud is None:
                return result, loc
            package_name, rest = args.token.split(":", 1)
            module_name, function = rest.split(":", 1)[0].split("/")
            snake = _re.sub(r"(?<!^)(?=[A-Z])", "_", function).lower()
            package = PACKAGES.get(package_name)
            if package is None:
                return result, loc
            try:
                module = importlib.import_module(f"{package}.{module_name}.{snake}")
            except ImportError:
                return result, loc
            classes = [c for n, c in vars(module).items()
                       if n.endswith("Result") and not n.startswith("Awaitable") and isinstance(c, type)]  # fmt: skip
            if not classes:
                return result, loc
            filled = {**_filled(classes[0], loc, self), **{k: v for k, v in (args.args or {}).items() if v}}
            # A listing of zones or Regions (`slb.get_zones().zones[0].id`, `get_regions().regions[0].id`): its
            # items' ids are the stack's zone or Region, not a placeholder a zone or Region field would refuse.
            region = loc.region or ""
            own = {"zones": region + "a" if loc.cloud == "aws" or not region.startswith("cn-") else f"{region}-a",
                   "regions": region}  # fmt: skip
            for kind, value in own.items():
                if kind in function.lower():
                    text = json.dumps(filled).replace('"mock-id"', json.dumps(value))
                    filled = json.loads(text.replace('"mock-ids"', json.dumps(value)))
            return filled, loc

    return FillingMocks()


def run_one(key: str, source: str, code: str, *, old_port: bool = False, plain: bool = False) -> dict[str, Any]:
    """The example as a ``code`` stack's program, through the guard and the plan (``old_port``: ported as hunts 23
    and 24 did, without hunt 25's localiser fixes and ``pulumi_std`` stand-in; ``plain``: run as hunt 26 did, under
    the toolkit's mocks with no stack configuration and no stand-in providers). Otherwise (hunt 27) a configuration
    value the example requires (``config.require("gatewayId")``) is given a placeholder (``mock-<key>``, reported
    under ``config``), ``pulumi_tls`` / ``pulumi_time`` are :class:`_Standin` s and provider functions the mocks do
    not know answer :func:`filling_mocks`' two items."""
    import platform_programs_falsealarm23 as fa23
    import platform_programs_falsealarm25 as fa25
    import platform_programs_review36 as rx36
    from pulumi.config import ConfigMissingError

    from components.errors import ResidencyViolation
    from components.plan.collect import build_stack_plan
    from components.residency import audit_session, enforce
    from components.residency.destinations import parse_destinations
    from components.testing import run_pulumi_program

    out: dict[str, Any] = {"key": key, "stack": code}
    try:
        if old_port:
            aws_zone = rx36.cloud_of(key) == "aws"
            zoned = fa23._ZONE_ID.sub(fa23._ZONE_IDS[code], source) if aws_zone else source
            build = rx36.program(key, zoned, code, eager=True)
        else:
            build = fa25.port(key, source, code, eager=True)
    except Exception as exc:
        return {**out, "verdict": "ERROR", "error": f"port: {type(exc).__name__}: {exc}"}

    def program(mode: str) -> Any:
        def run() -> None:
            enforce(code, mode=mode, destinations=parse_destinations([]))  # type: ignore[arg-type]
            build(None)

        return run

    config: dict[str, Any] = {"sovereign-dc:jurisdiction": code}
    mocks = None if plain else filling_mocks
    if not plain:
        for module in STANDIN_MODULES:
            sys.modules.setdefault(module, _standin_module(module))
    for _ in range(8):  # one placeholder per missing configuration value, in the order the example reads them
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            guard = run_pulumi_program(
                program("raise"), project="sovereign-dc", stack=code.lower(), config=config, raise_on_error=False,
                mocks=mocks() if mocks else None,
            )  # fmt: skip
        if plain or not isinstance(guard.error, ConfigMissingError):
            break
        missing = str(guard.error).split("'")[1]
        config[missing] = f"mock-{missing.split(':', 1)[1]}"
        out.setdefault("config", []).append(missing)
    out["warnings"] = sorted({str(w.message)[:160] for w in caught if issubclass(w.category, DeprecationWarning)})
    if guard.error is not None and not isinstance(guard.error, ResidencyViolation):
        return {**out, "verdict": "ERROR", "error": f"{type(guard.error).__name__}: {guard.error}"[:400]}
    out["guard"] = sorted({guard.error.rule_id} if guard.error else set())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with audit_session() as guards:
                run = run_pulumi_program(
                    program("raise"), project="sovereign-dc", stack=code.lower(), config=config,
                    mocks=mocks() if mocks else None,
                )  # fmt: skip
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
    parser.add_argument(
        "--plain", action="store_true", help="run as hunt 26 did: no config placeholders, stand-ins or filled answers"
    )
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
            result = {**run_one(key, source, code, old_port=args.old_port, plain=args.plain), "docs": docs}
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
