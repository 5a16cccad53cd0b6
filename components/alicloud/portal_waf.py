"""``AlicloudPortalFrontDoor``: the Alibaba owner portal's ICP-filed custom domain, bound to its API group and
put behind a WAF 3.0 instance in CNAME access mode, with the AWS portal's protection defaults.

Why a custom domain: WAF 3.0 protects CNAME-connected domains (and some cloud products), not an API group's
second-level domain, and that domain is for testing only (API Gateway limits: 1,000 calls a day in Chinese
mainland regions, https://www.alibabacloud.com/help/doc-detail/29484.html).

Traffic: owner -> ``<domain>`` (DNS CNAME to the WAF's CNAME, set by the operator) -> WAF 3.0 (HTTPS 443 only,
TLS 1.2+, the domain's certificate from Certificate Management Service) -> HTTPS to the API group's
second-level domain with ``Host: <domain>`` -> API Gateway routes by the bound custom domain -> the function.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import pulumi
import pulumi_alicloud as alicloud

__all__ = [
    "RATE_LIMIT",
    "RateLimit",
    "AlicloudPortalFrontDoor",
    "AlicloudPortalFrontDoorArgs",
    "custom_domain_template",
]


class RateLimit(NamedTuple):
    """A per-client-IP rate limit of a WAF 3.0 custom rule."""

    threshold: int
    interval: int
    ttl: int


RATE_LIMIT = RateLimit(threshold=1000, interval=300, ttl=1800)
"""Per client IP: at most ``threshold`` requests in ``interval`` seconds, else blocked for ``ttl`` seconds.
The AWS portal's rate-based rule allows 1,000 requests per IP in AWS WAF's default 5-minute window."""


@dataclass
class AlicloudPortalFrontDoorArgs:
    """Inputs of ``AlicloudPortalFrontDoor``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    provider: alicloud.Provider
    """Pinned provider of the API group's region (the domain binding is created there)."""
    group_id: pulumi.Input[str]
    """The portal's API group."""
    group_domain: pulumi.Input[str]
    """That group's second-level domain (``<id>-<region>.alicloudapi.com``): the WAF's origin."""
    domain: str
    """The custom domain owners call."""
    certificate_id: int
    """The domain's certificate in Certificate Management Service."""
    waf_provider: alicloud.Provider
    """Provider pinned to the WAF 3.0 region (``cn-hangzhou``: the Chinese mainland WAF, for every mainland
    origin); judged by the residency guard like every provider."""
    waf_region: str
    """That provider's region (part of the certificate id WAF expects: ``<id>-<region>``)."""
    icp_filing: str | None = None
    """The domain's ICP filing number (recorded as a tag; WAF and API Gateway check the filing themselves)."""
    waf_instance_id: str | None = None
    """An existing WAF 3.0 instance in ``waf_region``; one is created when None."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AlicloudPortalFrontDoor(pulumi.ComponentResource):
    """Custom domain on the API group, WAF 3.0 in front of it, core web protection, scan protection, rate limit."""

    binding: alicloud.ros.Stack
    """ROS stack binding the custom domain to the API group (pulumi-alicloud has no resource for it)."""
    waf_domain: alicloud.wafv3.Domain
    """The domain in WAF 3.0 (CNAME access)."""
    cname: pulumi.Output[str]
    """The WAF's CNAME: the target of the domain's DNS CNAME record."""
    url: pulumi.Output[str]
    """``https://<domain>``."""

    def __init__(
        self, name: str, args: AlicloudPortalFrontDoorArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("sovereign:alicloud:PortalFrontDoor", name, {}, opts)
        code = args.jurisdiction.lower()
        tags = dict(args.tags)
        if args.icp_filing:
            tags["icp-filing"] = args.icp_filing

        # -- the domain on the API group ---------------------------------------------------------------
        # pulumi-alicloud 4.0.0 has no API Gateway custom-domain resource; ROS's ALIYUN::ApiGateway::CustomDomain
        # binds one (https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-apigateway-customdomain).
        # API Gateway routes a request to the group by its Host header, so the WAF's origin requests (Host: the
        # domain) reach this group. The certificate stays at the WAF: ROS accepts it only as PEM text.
        self.binding = alicloud.ros.Stack(
            f"{name}-domain-binding",
            stack_name=f"sovereign-{code}-portal-domain",
            template_body=pulumi.Output.from_input(args.group_id).apply(
                lambda group: custom_domain_template(group, args.domain)
            ),
            timeout_in_minutes=10,
            tags=tags,
            opts=pulumi.ResourceOptions(parent=self, provider=args.provider),
        )

        # -- WAF 3.0, in its own region (the Chinese mainland WAF is cn-hangzhou for every mainland origin) --
        waf = pulumi.ResourceOptions(parent=self, provider=args.waf_provider)
        instance_id: pulumi.Input[str]
        if args.waf_instance_id is not None:
            instance_id = args.waf_instance_id
        else:
            # Takes no arguments: the edition and billing method it creates are not documented (docs/ingest.md).
            instance_id = alicloud.wafv3.Instance(f"{name}-waf", opts=waf).instance_id
        # CNAME access, HTTPS only: no HTTP listener, TLS 1.2 and 1.3, strong cipher suites (`cipher_suite: 2`
        # requires tlsv1.2). Values: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/wafv3_domain
        # and https://www.alibabacloud.com/help/en/waf/web-application-firewall-3-0/developer-reference/api-waf-openapi-2021-10-01-modifydomaincert
        self.waf_domain = alicloud.wafv3.Domain(
            f"{name}-waf-domain",
            instance_id=instance_id,
            domain=args.domain,
            access_type="share",
            listen={
                "https_ports": [443],
                "http_ports": [],
                "cert_id": f"{args.certificate_id}-{args.waf_region}",
                "tls_version": "tlsv1.2",
                "enable_tlsv3": True,
                "cipher_suite": 2,
                "http2_enabled": True,
                "protection_resource": "share",
                "ipv6_enabled": False,
            },
            redirect={
                "backends": [args.group_domain],
                "loadbalance": "roundRobin",
                # Back to the origin over HTTPS too; SNI names the group's second-level domain, whose
                # certificate API Gateway holds (the Host header stays the custom domain).
                "focus_http_backend": False,
                "sni_enabled": True,
                "sni_host": args.group_domain,
                "connect_timeout": 5,
                "read_timeout": 30,
                "write_timeout": 30,
                "xff_proto": True,
            },
            tags=tags,
            opts=pulumi.ResourceOptions.merge(waf, pulumi.ResourceOptions(depends_on=[self.binding])),
        )
        self.cname = self.waf_domain.cname
        self.url = pulumi.Output.from_input(f"https://{args.domain}")
        self._protection(name, code, instance_id, args.domain, waf)
        self.register_outputs({"url": self.url, "cname": self.cname, "bindingStackId": self.binding.id})

    def _protection(
        self, name: str, code: str, instance_id: pulumi.Input[str], domain: str, opts: pulumi.ResourceOptions
    ) -> None:
        """The AWS portal's defaults in WAF 3.0 terms, bound to this domain's protected object only.

        AWS managed common rules + known bad inputs -> core web protection (``waf_group``, WAF's managed rule
        set) and scan protection (``antiscan``: scanners, high-frequency attackers, directory traversal);
        AWS's per-IP rate-based rule -> a custom rule with rate limiting on the client IP. Templates:
        https://www.alibabacloud.com/help/en/web-application-firewall/latest/api-waf-openapi-2021-10-01-createdefensetemplate
        """
        # WAF 3.0 names a CNAME-connected domain's protected object `<domain>-waf`.
        protected = f"{domain}-waf"
        templates = {}
        for scene, what in (
            ("waf_group", "core web protection (managed rules)"),
            ("antiscan", "scan protection"),
            ("custom_acl", "per-IP rate limit"),
        ):
            templates[scene] = alicloud.wafv3.DefenseTemplate(
                f"{name}-waf-{scene.replace('_', '-')}",
                instance_id=instance_id,
                defense_template_name=f"sovereign-{code}-portal-{scene}",
                description=f"sovereign-dc owner data service: {what}",
                defense_scene=scene,
                template_type="user_custom",
                template_origin="custom",
                status="1",
                resources=[protected],
                opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[self.waf_domain])),
            )
        # https://www.alibabacloud.com/help/en/web-application-firewall/latest/api-waf-openapi-2021-10-01-createdefenserule
        alicloud.wafv3.DefenseRule(
            f"{name}-waf-rate-limit",
            instance_id=instance_id,
            template_id=templates["custom_acl"].defense_template_id,
            defense_type="template",
            defense_scene="custom_acl",
            defense_origin="custom",
            rule_name="per-ip-rate-limit",
            rule_status=1,
            config=alicloud.wafv3.DefenseRuleConfigArgs(
                conditions=[
                    alicloud.wafv3.DefenseRuleConfigConditionArgs(key="URLPath", op_value="prefix-match", values="/")
                ],
                rule_action="block",
                cc_status=1,
                cc_effect="rule",
                rate_limit=alicloud.wafv3.DefenseRuleConfigRateLimitArgs(
                    target="remote_addr",
                    threshold=RATE_LIMIT.threshold,
                    interval=RATE_LIMIT.interval,
                    ttl=RATE_LIMIT.ttl,
                ),
            ),
            opts=opts,
        )


def custom_domain_template(group_id: str, domain: str) -> str:
    """ROS template: ``domain`` bound to API group ``group_id`` (no certificate: TLS ends at the WAF)."""
    return json.dumps(
        {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Description": "sovereign-dc owner data service: custom domain of the API group",
            "Resources": {
                "CustomDomain": {
                    "Type": "ALIYUN::ApiGateway::CustomDomain",
                    "Properties": {"GroupId": group_id, "DomainName": domain},
                }
            },
        },
        sort_keys=True,
    )
