"""The Alibaba owner portal's front door (issue 12): ICP-filed custom domain on the API group, WAF 3.0 in front.

Whole-stack assertions on the shipped ``cn`` stack as ``pulumi up`` would run it (guard in raise mode); the
component alone under the guard with the Chinese mainland WAF (passes) and the international one (refused);
the WAF origin judged as a destination; the config refusals with their pinned messages, and the plan's exit 2
for an Alibaba portal without a domain.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from shipped import run_stack

from components.alicloud.portal_waf import RATE_LIMIT, AlicloudPortalFrontDoor, AlicloudPortalFrontDoorArgs
from components.config import build_stack_config, load_stack_file, stack_file_to_pulumi_config
from components.config.models import AlicloudPortalDomain
from components.errors import ConfigError
from components.plan.cli import main as plan_main
from components.residency import enforce
from components.testing import MockSession, ProgramRun, ResourceRecord, SovereignMocks

ROOT = Path(__file__).resolve().parent.parent
CN = ROOT / "stacks" / "Pulumi.cn.yaml"
FRONT = "dc-alicloud-portal-front-door"
DOMAIN = "sovereign-dc:datacenter.portal.alicloud_domain"


@pytest.fixture(scope="module")
def cn() -> ProgramRun:
    run = run_stack("cn")  # the shipped program on the shipped stack, made once per test process
    assert run.ok, run.error
    return run


@pytest.fixture(scope="module")
def settings() -> Any:
    portal = load_stack_file(CN).datacenter.portal
    assert portal is not None, "the shipped cn stack enables the portal"
    domain = portal.alicloud_domain
    assert domain is not None, "the shipped cn stack must give its Alibaba portal a domain"
    return domain


def _front(run: ProgramRun, role: str) -> ResourceRecord:
    return run.find(f"{FRONT}-{role}")


# -- the shipped cn stack -------------------------------------------------------------------------------


def test_the_custom_domain_is_bound_to_the_portal_api_group(cn: ProgramRun, settings: Any) -> None:
    binding = _front(cn, "domain-binding")
    assert binding.type == "alicloud:ros/stack:Stack"
    group = cn.find("dc-alicloud-portal-api-group")
    template = json.loads(binding.inputs["templateBody"])
    assert template["Resources"] == {
        "CustomDomain": {
            "Type": "ALIYUN::ApiGateway::CustomDomain",
            "Properties": {"GroupId": group.id, "DomainName": settings.name},
        }
    }
    # Created in the API group's region, on the stack's pinned primary provider.
    assert binding.region == group.region == "cn-shanghai" and binding.provider == group.provider


def test_the_waf_is_in_front_of_the_api_group_on_https_only(cn: ProgramRun, settings: Any) -> None:
    waf_domain = _front(cn, "waf-domain")
    group = cn.find("dc-alicloud-portal-api-group")
    (instance,) = cn.by_type("alicloud:wafv3/instance:Instance")
    assert waf_domain.inputs["domain"] == settings.name and waf_domain.inputs["accessType"] == "share"
    # The created instance's id, known only after creation (unknown under the mocks, as in a preview).
    assert instance.region == "cn-hangzhou" and "instanceId" not in waf_domain.inputs
    listen, redirect = waf_domain.inputs["listen"], waf_domain.inputs["redirect"]
    # HTTPS only (no HTTP listener), TLS 1.2 at least, the domain's certificate in the WAF's region.
    assert listen["httpsPorts"] == [443] and not listen.get("httpPorts")
    assert listen["tlsVersion"] == "tlsv1.2" and listen["enableTlsv3"] is True and listen["cipherSuite"] == 2
    assert listen["certId"] == f"{settings.certificate_id}-cn-hangzhou"
    # The origin is the API group's second-level domain, over HTTPS as well.
    assert redirect["backends"] == [group.outputs["subDomain"]] and redirect["focusHttpBackend"] is False
    assert redirect["sniEnabled"] is True and redirect["sniHost"] == group.outputs["subDomain"]
    assert waf_domain.inputs["tags"]["icp-filing"] == settings.icp_filing
    # The Chinese mainland WAF, on its own pinned provider.
    for record in (waf_domain, instance):
        assert record.region == "cn-hangzhou" and record.provider.startswith(cn.find(f"{FRONT}-waf-provider").urn)
    assert cn.outputs["alicloud"]["portal"]["url"] == f"https://{settings.name}"
    assert "wafCname" in cn.outputs["alicloud"]["portal"]


def test_the_waf_protection_matches_the_aws_portal(cn: ProgramRun, settings: Any) -> None:
    templates = {t.inputs["defenseScene"]: t for t in cn.by_type("alicloud:wafv3/defenseTemplate:DefenseTemplate")}
    assert set(templates) == {"waf_group", "antiscan", "custom_acl"}
    for template in templates.values():
        assert template.inputs["resources"] == [f"{settings.name}-waf"]
        assert template.inputs["status"] == "1" and template.region == "cn-hangzhou"
    (rule,) = cn.by_type("alicloud:wafv3/defenseRule:DefenseRule")
    assert "templateId" not in rule.inputs  # the custom_acl template's id, known after creation
    assert rule.inputs["defenseScene"] == "custom_acl" and rule.inputs["ruleStatus"] == 1
    config = rule.inputs["config"]
    assert config["ruleAction"] == "block" and config["ccStatus"] == 1
    assert config["rateLimit"] == {
        "target": "remote_addr",
        "threshold": RATE_LIMIT.threshold,
        "interval": RATE_LIMIT.interval,
        "ttl": RATE_LIMIT.ttl,
    }
    # Same limit as the AWS portal's rate-based rule (1,000 requests per IP per 5 minutes).
    (acl,) = cn.by_type("aws:wafv2/webAcl:WebAcl")
    (rate,) = [r for r in acl.inputs["rules"] if r["name"] == "per-ip-rate-limit"]
    assert rate["statement"]["rateBasedStatement"]["limit"] == RATE_LIMIT.threshold and RATE_LIMIT.interval == 300


def test_the_api_access_logs_stay_on(cn: ProgramRun) -> None:
    (log_config,) = cn.by_type("alicloud:apigateway/logConfig:LogConfig")
    project = cn.find("dc-alicloud-portal-logs")
    assert log_config.inputs["slsProject"] == project.inputs["projectName"]
    assert log_config.inputs["slsLogStore"] == cn.find("dc-alicloud-portal-access-logs").inputs["logstoreName"]


# -- the component alone, under the guard -----------------------------------------------------------------


def _front_door(waf_region: str, origin: str | None = None, instance: str | None = None) -> None:
    primary = alicloud.Provider("primary", region="cn-shanghai")
    group = alicloud.apigateway.Group(
        "group", name="portal", description="portal", opts=pulumi.ResourceOptions(provider=primary)
    )
    AlicloudPortalFrontDoor(
        "front",
        AlicloudPortalFrontDoorArgs(
            jurisdiction="CN",
            provider=primary,
            group_id=group.id,
            group_domain=origin if origin is not None else group.sub_domain,
            domain="owners.example.cn",
            certificate_id=10000000,
            waf_provider=alicloud.Provider("waf", region=waf_region),
            waf_region=waf_region,
            icp_filing="沪ICP备00000000号-1",
            waf_instance_id=instance,
        ),
    )


@pytest.fixture
def session() -> Iterator[MockSession]:
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        yield session


def test_the_mainland_waf_passes_the_cn_guard(session: MockSession) -> None:
    guard = enforce("CN", mode="audit")
    run = session.run(lambda: _front_door("cn-hangzhou"))
    assert run.ok, run.error
    assert guard.findings == []
    assert run.find("front-waf-domain").region == "cn-hangzhou"


def test_the_international_waf_is_refused_for_a_cn_stack(session: MockSession) -> None:
    guard = enforce("CN", mode="audit")
    session.run(lambda: _front_door("ap-southeast-1"))
    # The provider of every WAF resource is refused (raise mode stops the program there); the domain
    # binding, in the API group's region, is not.
    assert {(f.rule.id, f.resource_name) for f in guard.findings} == {("RES-001", "waf")}


@pytest.mark.parametrize(
    ("origin", "refused"),
    [
        ("0123456789abcdef-cn-shanghai.alicloudapi.com", False),
        ("0123456789abcdef-ap-southeast-1.alicloudapi.com", True),
    ],
    ids=["origin-in-country", "origin-abroad"],
)
def test_the_waf_origin_is_judged_as_a_destination(session: MockSession, origin: str, refused: bool) -> None:
    guard = enforce("CN", mode="audit")
    run = session.run(lambda: _front_door("cn-hangzhou", origin=origin))
    assert run.ok, run.error
    paths = {(f.rule.id, f.resource_name, f.path) for f in guard.findings}
    # The origin WAF connects to. The SNI it presents there (`redirect.sni_host`, the same host) names the site to that
    # origin and sends nothing elsewhere (a match field since stop 34), so only the backend is refused.
    expected = {("RES-006", "front-waf-domain", "redirect.backends[0]")}
    assert paths == (expected if refused else set())


def test_an_existing_waf_instance_is_used_instead_of_a_new_one(session: MockSession) -> None:
    run = session.run(lambda: _front_door("cn-hangzhou", instance="waf_v3prepaid_public_cn-0000000000"))
    assert run.ok, run.error
    assert run.by_type("alicloud:wafv3/instance:Instance") == ()
    assert run.find("front-waf-domain").inputs["instanceId"] == "waf_v3prepaid_public_cn-0000000000"


# -- config refusals ------------------------------------------------------------------------------------


def _cn_with(mutate: Callable[[dict[str, Any]], None]) -> None:
    config, _ = stack_file_to_pulumi_config(CN)
    datacenter = json.loads(config["sovereign-dc:datacenter"])
    mutate(datacenter)
    build_stack_config("cn", "stacks/Pulumi.cn.yaml", "CN", json.dumps(datacenter))


def _domain(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        domain = document["portal"]["alicloud_domain"]
        for key, value in changes.items():
            if value is None:
                domain.pop(key, None)
            else:
                domain[key] = value

    return mutate


def _no_domain(document: dict[str, Any]) -> None:
    del document["portal"]["alicloud_domain"]


REFUSALS = [
    (
        "alibaba-portal-without-domain",
        _no_domain,
        r"^stacks/Pulumi\.cn\.yaml: sovereign-dc:datacenter\.portal\.alicloud_domain: the portal on alicloud must be "
        r"behind a WAF, and WAF 3\.0 protects only a custom domain \(the API group's own second-level domain is for "
        r"testing: 1,000 calls a day in mainland regions\)\. Fix: set `alicloud_domain: \{name: <your ICP-filed "
        r"domain>, icp_filing: <its ICP number>, certificate_id: <its certificate id in Certificate Management "
        r"Service>\}`, or remove `alicloud` from portal\.clouds",
    ),
    (
        "mainland-waf-without-icp-filing",
        _domain(icp_filing=None),
        r"portal\.alicloud_domain\.icp_filing: owners\.example\.cn is served through the Chinese mainland WAF and a "
        r"mainland API group, which require an ICP filing\. Fix: set `icp_filing`",
    ),
    ("malformed-icp-filing", _domain(icp_filing="ICP 12345678"), r"portal\.alicloud_domain\.icp_filing"),
    (
        "waf-region-without-waf",
        _domain(waf_region="cn-shanghai"),
        r"portal\.alicloud_domain\.waf_region: Alibaba Cloud WAF 3\.0 has no instances in cn-shanghai according to "
        r"https://.*\. Fix: use one of ap-southeast-1, cn-hangzhou",
    ),
    ("wildcard-domain", _domain(name="*.example.cn"), r"portal\.alicloud_domain\.name"),
    ("upper-case-domain", _domain(name="Owners.Example.cn"), r"portal\.alicloud_domain\.name"),
    ("quoted-certificate-id", _domain(certificate_id="10000000"), r"portal\.alicloud_domain\.certificate_id"),
    ("no-certificate", _domain(certificate_id=None), r"portal\.alicloud_domain\.certificate_id"),
    ("unknown-key", _domain(certificate_pem="-----BEGIN"), r"portal\.alicloud_domain\.certificate_pem"),
]


@pytest.mark.parametrize(("case", "mutate", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_alibaba_domain_config_is_refused_with_the_key_and_the_fix(
    case: str, mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        _cn_with(mutate)


PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新"


@given(
    province=st.sampled_from(PROVINCES),
    number=st.integers(min_value=0, max_value=10**12 - 1),
    site=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
)
def test_every_miit_shaped_icp_filing_is_accepted(province: str, number: int, site: int | None) -> None:
    filing = f"{province}ICP备{number:08d}号" + (f"-{site}" if site is not None else "")
    domain = AlicloudPortalDomain.model_validate(
        {"name": "owners.example.cn", "icp_filing": filing, "certificate_id": 1}
    )
    assert domain.icp_filing == filing


@given(text=st.text(max_size=30))
def test_text_without_the_icp_shape_is_refused(text: str) -> None:
    shaped = len(text) > 4 and text[0] in PROVINCES and text[1:5] == "ICP备" and "号" in text
    if shaped:
        return
    with pytest.raises(ValidationError, match=r"icp_filing"):
        AlicloudPortalDomain.model_validate({"name": "owners.example.cn", "icp_filing": text, "certificate_id": 1})


def test_the_international_waf_region_passes_the_config_and_is_left_to_the_guard() -> None:
    # A WAF 3.0 region, so the config accepts it; whether it is in CN is the residency engine's call (below).
    _cn_with(_domain(waf_region="ap-southeast-1"))


# -- the plan: exit 2 for a missing domain, exit 1 for the international WAF ------------------------------


def _plan_of(tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Callable[[str], str]) -> tuple[int, Any]:
    shutil.copy(ROOT / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    shutil.copy(ROOT / "__main__.py", tmp_path / "__main__.py")
    (tmp_path / "stacks").mkdir()
    text = CN.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text
    (tmp_path / "stacks" / "Pulumi.cn.yaml").write_text(edited, encoding="utf-8")
    code = plan_main(["--stacks-dir", str(tmp_path / "stacks"), "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, json.loads(out)["stacks"][0]


def _drop_domain(text: str) -> str:
    head, rest = text.split("      alicloud_domain:\n", 1)
    return head + rest.split("\n", 4)[4]


def test_the_plan_exits_2_for_an_alibaba_portal_without_a_domain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stack = _plan_of(tmp_path, capsys, _drop_domain)
    assert code == 2
    error = stack["error"]
    assert error["kind"] == "config" and error["key"] == DOMAIN
    assert "Pulumi.cn.yaml" in error["message"] and "Fix: set `alicloud_domain:" in error["message"]


def test_the_plan_refuses_the_international_waf_for_the_cn_stack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stack = _plan_of(
        tmp_path,
        capsys,
        lambda t: t.replace(
            "certificate_id: 10000000\n", "certificate_id: 10000000\n        waf_region: ap-southeast-1\n"
        ),
    )
    assert code == 1
    assert [(v["rule"], v["resource_name"], v["value"]) for v in stack["violations"]] == [
        ("RES-001", f"{FRONT}-waf-provider", "ap-southeast-1")
    ]
