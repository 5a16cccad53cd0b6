"""A faithful, CLI-free driver for the residency policy pack, and tests that it is faithful.

The pack is driven through pulumi-policy's own gRPC servicer (``_PolicyAnalyzerServicer``, what
``PolicyPack`` serves) with the protobuf requests the engine sends: properties as a ``Struct``
marshalled with unknowns as the engine's sentinel strings, the provider as an
``AnalyzerProviderResource``, stack resources with dependencies and property dependencies as URNs,
policy config through ``Configure``, the stack config in ``PULUMI_CONFIG``. So deserialisation,
unknown-checking proxies, ``report_violation`` and the UnknownValueError-to-advisory fallback are
the library's, not ours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from google.protobuf import struct_pb2
from pulumi.runtime import proto
from pulumi_policy import EnforcementLevel, Policy, ResourceValidationPolicy, proxy
from pulumi_policy.policy import _PolicyAnalyzerServicer
from residency_pack import PACK_NAME, build_policies  # policy/ is on sys.path (tests/conftest.py)

REPO = Path(__file__).resolve().parents[1]
POLICY_DIR = REPO / "policy"

STACK, PROJECT = "cn", "sovereign-dc"
UNKNOWN = proxy.UNKNOWN_STRING_VALUE
"""What the engine marshals for a string input that is unknown during preview."""
LEVELS = {
    proto.ADVISORY: "advisory",
    proto.MANDATORY: "mandatory",
    proto.REMEDIATE: "remediate",
    proto.DISABLED: "disabled",
}


def urn(type_: str, name: str) -> str:
    """The URN the engine gives a top-level resource of the test stack."""
    return f"urn:pulumi:{STACK}::{PROJECT}::{type_}::{name}"


def _struct(values: Mapping[str, Any]) -> struct_pb2.Struct:
    result = struct_pb2.Struct()
    result.update(dict(values))
    return result


@dataclass
class Res:
    """A resource as the engine describes it to an analyzer."""

    type: str
    name: str
    props: dict[str, Any] = field(default_factory=dict)
    provider: Res | None = None
    dependencies: list[str] = field(default_factory=list)
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)

    @property
    def urn(self) -> str:
        return urn(self.type, self.name)

    def provider_message(self) -> proto.AnalyzerProviderResource | None:
        if self.provider is None:
            return None
        p = self.provider
        return proto.AnalyzerProviderResource(type=p.type, properties=_struct(p.props), urn=p.urn, name=p.name)

    def analyze_request(self) -> proto.AnalyzeRequest:
        return proto.AnalyzeRequest(
            type=self.type,
            properties=_struct(self.props),
            urn=self.urn,
            name=self.name,
            options=proto.AnalyzerResourceOptions(),
            provider=self.provider_message(),
        )

    def stack_message(self) -> proto.AnalyzerResource:
        return proto.AnalyzerResource(
            type=self.type,
            properties=_struct(self.props),
            urn=self.urn,
            name=self.name,
            options=proto.AnalyzerResourceOptions(),
            provider=self.provider_message(),
            dependencies=self.dependencies,
            propertyDependencies={
                k: proto.AnalyzerPropertyDependencies(urns=v) for k, v in self.property_dependencies.items()
            },
        )


@dataclass(frozen=True)
class Diag:
    """One diagnostic as the engine receives it."""

    policy: str
    message: str
    urn: str
    level: str


def aws_provider(region: Any = "cn-north-1", name: str = "cn") -> Res:
    return Res("pulumi:providers:aws", name, {"region": region, "version": "7.51.1"} if region is not None else {})


def ali_provider(region: Any = "cn-shanghai", name: str = "ali") -> Res:
    return Res("pulumi:providers:alicloud", name, {"region": region, "version": "4.0.0"})


class Servicer(Protocol):
    """The gRPC methods of pulumi-policy's servicer the driver calls, typed as the engine calls them
    (pulumi-policy leaves them unannotated; the context argument is unused, the driver passes None)."""

    def Configure(self, request: proto.ConfigureAnalyzerRequest, context: None, /) -> object: ...
    def Analyze(self, request: proto.AnalyzeRequest, context: None, /) -> proto.AnalyzeResponse: ...
    def AnalyzeStack(self, request: proto.AnalyzeStackRequest, context: None, /) -> proto.AnalyzeResponse: ...
    def GetAnalyzerInfo(self, request: Any, context: None, /) -> proto.AnalyzerInfo: ...


def servicer(name: str, version: str, policies: list[Policy], level: EnforcementLevel) -> Servicer:
    """pulumi-policy's own servicer, what ``PolicyPack`` serves."""
    return _PolicyAnalyzerServicer(name, version, policies, level)


class Pack:
    """The pack behind pulumi-policy's servicer, configured the way the engine configures it."""

    def __init__(
        self, policy_config: Mapping[str, Mapping[str, Any]] | None = None, policies: list[Policy] | None = None
    ) -> None:
        self.policies = build_policies() if policies is None else policies
        self.servicer = servicer(PACK_NAME, "0.1.0", self.policies, EnforcementLevel.MANDATORY)
        if policy_config is not None:
            # The engine sends every policy's effective enforcement level with its properties.
            self.servicer.Configure(
                proto.ConfigureAnalyzerRequest(
                    policyConfig={
                        name: proto.PolicyConfig(enforcementLevel=proto.MANDATORY, properties=_struct(props))
                        for name, props in policy_config.items()
                    }
                ),
                None,
            )

    @staticmethod
    def _diags(response: proto.AnalyzeResponse) -> list[Diag]:
        return [Diag(d.policyName, d.message, d.urn, LEVELS[d.enforcementLevel]) for d in response.diagnostics]

    def analyze(self, res: Res) -> list[Diag]:
        return self._diags(self.servicer.Analyze(res.analyze_request(), None))

    def analyze_stack(self, resources: Sequence[Res]) -> list[Diag]:
        request = proto.AnalyzeStackRequest(resources=[r.stack_message() for r in resources])
        return self._diags(self.servicer.AnalyzeStack(request, None))


def pin_all(code: str) -> dict[str, dict[str, str]]:
    """A policy config pinning ``code`` for every policy (what --policy-pack-config would carry)."""
    return {p.name: {"jurisdiction": code} for p in build_policies()}


# -- the driver is faithful -------------------------------------------------------------------------


def _naive_policy(args: Any, report_violation: Any) -> None:
    if args.props["policy"].startswith("arn:aws:"):
        report_violation("foreign", None)


def test_the_driver_reproduces_pulumi_policys_fail_open_on_unknowns(stack_config: Any) -> None:
    """A policy that reads an unknown through the proxy only gets an advisory note: what the pack must avoid."""
    naive = ResourceValidationPolicy("naive", "reads props directly", _naive_policy, EnforcementLevel.MANDATORY)
    naive_servicer = servicer("t", "0.0.1", [naive], EnforcementLevel.MANDATORY)
    bucket = Res("aws:s3/bucketPolicy:BucketPolicy", "p", {"policy": UNKNOWN}, provider=aws_provider())
    response = naive_servicer.Analyze(bucket.analyze_request(), None)
    assert [(d.policyName, LEVELS[d.enforcementLevel]) for d in response.diagnostics] == [("naive", "advisory")]
    assert "can't be known during preview" in response.diagnostics[0].message


def test_the_driver_resolves_dependencies_like_the_servicer(cn: Pack) -> None:
    """URNs that are not resources of the stack are dropped by pulumi-policy, leaving an empty list."""
    seen: dict[str, Any] = {}

    def capture(args: Any, _report: Any) -> None:
        seen.update({r.name: r for r in args.resources})

    from pulumi_policy import StackValidationPolicy

    capturing = servicer("t", "0.0.1", [StackValidationPolicy("capture", "d", capture)], EnforcementLevel.MANDATORY)
    a = Res("aws:s3/bucket:Bucket", "a", provider=aws_provider())
    b = Res(
        "aws:s3/bucketPolicy:BucketPolicy",
        "b",
        {"policy": UNKNOWN},
        provider=aws_provider(),
        dependencies=[a.urn, urn("aws:s3/bucket:Bucket", "gone")],
        property_dependencies={"policy": [urn("aws:s3/bucket:Bucket", "gone")], "bucket": [a.urn]},
    )
    capturing.AnalyzeStack(proto.AnalyzeStackRequest(resources=[a.stack_message(), b.stack_message()]), None)
    assert [d.name for d in seen["b"].dependencies] == ["a"]
    assert seen["b"].property_dependencies["policy"] == []
    assert [d.name for d in seen["b"].property_dependencies["bucket"]] == ["a"]
    assert seen["b"].provider.props["region"] == "cn-north-1"
