"""AWS red team, round 36 (stop 59): a RAM resource share and a Lake Formation grant judged alike in a template and in
Pulumi; a stage variable's version number.

Reproduced on the unchanged engine (main 8801eb8a), each program one resource (and what it names) in a
``cloudformation.Stack`` (provider pinned to the team's account) beside its Pulumi twin, EU / DE / US / JP / CN:

- A RAM share of the stack's own subnet with a partner's account (VPC sharing: the partner launches its instances into
  the subnet, in the stack's Region) was RES-023 in a template (``AWS::RAM::ResourceShare`` ``Principals`` read by its
  key as a policy's grant) while the Pulumi ``ram.ResourceShare`` + ``ResourceAssociation`` + ``PrincipalAssociation``
  passed (awsred8's decision: a share is judged by what it shares): **4 false alarms** (EU / DE / US / JP). A share of
  the stack's Glue database was RES-023 in a template, RES-016 (``aws-ram-data-share``) in Pulumi: the template's
  ``partner-declared`` program, declaring the catalogue id as the Pulumi twin's does, was refused (4 more).
- A Lake Formation grant to a partner account's IAM role passed in Pulumi (``lakeformation.Permissions`` ``principal``)
  and in an ``AWS::LakeFormation::Permissions`` while the ``AWS::LakeFormation::PrincipalPermissions`` twin was
  RES-023: **8 leaks** (the Pulumi and older-template ``partner`` programs, EU / DE / US / JP). A grant to the partner
  account itself (bare id) was RES-023 in a ``PrincipalPermissions`` and RES-016 (``aws-lakeformation-cross-account-
  grant``) in the other two: that template's ``partner-declared`` program (the catalogue id) was refused (4).
- An ``AWS::AmazonMQ::Configuration``'s ``Data`` given as the base64 literal the property documents ("The
  base64-encoded XML configuration") was not decoded: a network connector to a partner's broker in it **passed every
  door** (5 leaks, EU / DE / US / JP / CN) while ``Fn::Base64`` of the same XML and the Pulumi ``data`` were RES-015.
- An API Gateway stage variable holding a version (``version: 2.3.1``) or a size (``pageSize: 20000000``) was RES-015 as
  the IP address inet_aton(3) reads (2.3.0.1, 1.49.45.0), in REST and HTTP API stages, Pulumi and template: **20 false
  alarms** (every jurisdiction).

Pinned alike (no change): a CloudFront custom origin at a partner's API (RES-015, the distribution declared outside CN,
where it is RES-016 by itself; the Region's ALB passes).

Now: ``AWS::RAM::ResourceShare`` is its Pulumi twins (``ResourceArns`` each a ``resource_arn``, ``Principals`` each a
``principal``), ``AWS::LakeFormation::PrincipalPermissions`` the Pulumi grant, the grant's ``principal`` a
``granted_account_fields`` entry (a value ``aws-lakeformation-cross-account-grant`` refuses stays that entry's alone);
an MQ configuration's base64 ``Data`` is judged decoded as the Pulumi ``data`` (``stack_templates`` ``resources``
``base64``); a stage variable's number that no integration reads as a host is no address (a dotted quad still is).

Ids ``awsred59-<code>-<kind>-<who>``: ``own`` (the template's own role / the pinned account's: passes), ``partner`` (a
partner's account or role: RES-023 outside CN; a data share or a bare account: RES-016 outside CN; a partner's host as a
stage variable or in a broker's network connector: RES-015), ``partner-declared`` (declared: passes), ``home`` (the
Region's own broker: passes), ``version`` (a version and a size as stage variables: passes). ``cfn-*`` kinds are a
resource in a template, ``pulumi-*`` the Pulumi resources of the same API calls. tests/test_realistic_programs.py runs
them as CASES (``awsred59-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, WHO, Build, Program, Row, account_rows, dns_suffix, partition

# The same accounts and template helpers as rounds 23 to 35 (one fact, one place).
from platform_programs_awsred51 import CODES, _stack
from platform_programs_awsred54b import LAKE_GRANT_DECLARED
from platform_programs_awsred55 import _one
from platform_programs_awsred58 import ACCOUNT_DECLARED, NO_CN, PARTNER_ACCOUNT
from platform_programs_awsred58b import BROKER_DECLARED, _broker_xml

_SHARE_ARN = "arn:aws:ram:eu-west-1:123456789012:resource-share/0a1b2c3d"

# -- a RAM resource share: judged by what it shares -------------------------------------------------------------------


def _shared(kind: str) -> dict[str, Any]:
    """The template's own subnet or Glue database (``Fn::Sub`` of its pseudo parameters)."""
    resource = "subnet/${Subnet}" if kind == "subnet" else "database/claims"
    service = "ec2" if kind == "subnet" else "glue"
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}


def _cfn_ram_share(kind: str) -> Build:
    # docs: AWS::RAM::ResourceShare Name, AllowExternalPrincipals, ResourceArns ("Specifies a list of one or more ARNs
    # of the resources to associate with the resource share"), Principals ("Specifies a list of one or more principals
    # to associate with the resource share": an account id, an organization / OU ARN, a role or user ARN).
    owned: dict[str, Any] = (
        {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.40.0.0/16"}},
         "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.40.1.0/24"}}}
        if kind == "subnet"
        else {"Claims": {"Type": "AWS::Glue::Database", "Properties": {
            "CatalogId": {"Ref": "AWS::AccountId"}, "DatabaseInput": {"Name": "claims"}}}}
    )  # fmt: skip
    return _stack(f"claims-{kind}-share", {**owned, "Share": {"Type": "AWS::RAM::ResourceShare", "Properties": {
        "Name": f"claims-{kind}", "AllowExternalPrincipals": True, "ResourceArns": [_shared(kind)],
        "Principals": [PARTNER_ACCOUNT]}}})  # fmt: skip


def _pulumi_ram_share(kind: str) -> Build:
    # docs: ram/resourceshare (name, allow_external_principals), ram/resourceassociation (resource_arn,
    # resource_share_arn), ram/principalassociation (principal, resource_share_arn).
    def build(c: Any) -> object:
        share = aws.ram.ResourceShare(f"claims-{kind}", name=f"claims-{kind}", allow_external_principals=True,
                                      opts=c.aws)  # fmt: skip
        if kind == "subnet":
            vpc = aws.ec2.Vpc("claims", cidr_block="10.40.0.0/16", opts=c.aws)
            owned: Any = aws.ec2.Subnet("claims-a", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=c.aws).arn
        else:
            owned = aws.glue.CatalogDatabase("claims", name="claims", opts=c.aws).arn
        aws.ram.ResourceAssociation(f"claims-{kind}", resource_arn=owned, resource_share_arn=share.arn, opts=c.aws)
        return aws.ram.PrincipalAssociation(f"claims-{kind}-partner", principal=PARTNER_ACCOUNT,
                                            resource_share_arn=share.arn, opts=c.aws)  # fmt: skip

    return build


RAM_DECLARED: dict[str, Any] = {
    "id": "claims-lake-share", "kind": "resident", "match": "aws-ram-data-share",
    "evidence": "the group's analytics account; its SCP keeps every resource link in the market's Regions (DPA-59)",
}  # fmt: skip
"""A RAM share of data, declared by its catalogue id (as the Pulumi association is)."""

# -- a Lake Formation grant to another account's role ------------------------------------------------------------------


def _role_arn(code: str, who: str) -> str:
    account = OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT
    return f"arn:{partition(code)}:iam::{account}:role/claims-analysts"


def _lake_principal(code: str, who: str) -> Any:
    """The template's own analysts role (``Fn::Sub``), a partner's role, or (``account``) the partner's account."""
    if who == "own":
        return {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-analysts"}
    return PARTNER_ACCOUNT if who.startswith("account") else _role_arn(code, who)


def cfn_lake_principal_permissions(code: str, who: str) -> Build:
    # docs: AWS::LakeFormation::PrincipalPermissions Principal {DataLakePrincipalIdentifier ("An identifier for the
    # Lake Formation principal")}, Resource {Database {CatalogId, Name}}, Permissions, PermissionsWithGrantOption.
    return _one("claims-lake-grant", "AWS::LakeFormation::PrincipalPermissions", {
        "Principal": {"DataLakePrincipalIdentifier": _lake_principal(code, who)},
        "Resource": {"Database": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": "claims"}},
        "Permissions": ["DESCRIBE"], "PermissionsWithGrantOption": []})  # fmt: skip


def cfn_lake_permissions(code: str, who: str) -> Build:
    # docs: AWS::LakeFormation::Permissions DataLakePrincipal {DataLakePrincipalIdentifier}, Resource
    # {DatabaseResource {CatalogId, Name}}, Permissions: the older type of the same GrantPermissions call.
    return _one("claims-lake-grant", "AWS::LakeFormation::Permissions", {
        "DataLakePrincipal": {"DataLakePrincipalIdentifier": _lake_principal(code, who)},
        "Resource": {"DatabaseResource": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": "claims"}},
        "Permissions": ["DESCRIBE"]})  # fmt: skip


def pulumi_lake_permissions(code: str, who: str) -> Build:
    # docs: lakeformation/permissions (principal: "Principal to be granted the permissions on the resource. Supported
    # principals include ... IAM roles, users, groups ... as well as AWS account IDs for cross-account permissions";
    # permissions; database {name, catalog_id}).
    def build(c: Any) -> object:
        principal = PARTNER_ACCOUNT if who.startswith("account") else _role_arn(code, who)
        return aws.lakeformation.Permissions("claims-lake-grant", principal=principal, permissions=["DESCRIBE"],
                                             database={"name": "claims"}, opts=c.aws)  # fmt: skip

    return build


LAKE: dict[str, Program] = {
    "cfn-lake-principal-permissions": cfn_lake_principal_permissions,
    "cfn-lake-permissions": cfn_lake_permissions,
    "pulumi-lake-permissions": pulumi_lake_permissions,
}

# -- API Gateway stage variables: a version is no address ------------------------------------------------------------

PARTNER_BACKEND = "api.partner-analytics.com"
STAGE_DECLARED: dict[str, Any] = {
    "id": "claims-partner-backend", "kind": "resident", "match": PARTNER_BACKEND,
    "evidence": "the partner's API in the home market (DPA-59)",
}  # fmt: skip


def _variables(variant: str) -> dict[str, str]:
    # docs: API Gateway "Use stage variables": a Lambda alias (`${stageVariables.lambdaAlias}`), a backend host
    # (`http://${stageVariables.url}`), or any configuration value a mapping template or the function reads.
    if variant == "version":
        return {"lambdaAlias": "live", "version": "2.3.1", "pageSize": "20000000"}
    return {"lambdaAlias": "live", "backend": PARTNER_BACKEND}


def cfn_rest_stage(code: str, variant: str) -> Build:
    # docs: AWS::ApiGateway::RestApi EndpointConfiguration {Types: [REGIONAL]} (an edge-optimized API is RES-016),
    # AWS::ApiGateway::Stage RestApiId, DeploymentId, StageName, Variables ("A map ... that defines the stage
    # variables").
    return _stack("claims-api", {
        "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {
            "Name": "claims", "EndpointConfiguration": {"Types": ["REGIONAL"]}}},
        "Deployment": {"Type": "AWS::ApiGateway::Deployment", "Properties": {"RestApiId": {"Ref": "Api"}}},
        "Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {
            "RestApiId": {"Ref": "Api"}, "DeploymentId": {"Ref": "Deployment"}, "StageName": "prod",
            "Variables": _variables(variant)}}})  # fmt: skip


def pulumi_rest_stage(code: str, variant: str) -> Build:
    # docs: apigateway/restapi (endpoint_configuration.types REGIONAL: an edge-optimized API is RES-016),
    # apigateway/stage (rest_api, deployment, stage_name, variables).
    def build(c: Any) -> object:
        api = aws.apigateway.RestApi("claims", name="claims", endpoint_configuration={"types": "REGIONAL"},
                                     opts=c.aws)  # fmt: skip
        deployment = aws.apigateway.Deployment("claims", rest_api=api.id, opts=c.aws)
        return aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                                    variables=_variables(variant), opts=c.aws)  # fmt: skip

    return build


def cfn_http_stage(code: str, variant: str) -> Build:
    # docs: AWS::ApiGatewayV2::Stage ApiId, StageName, AutoDeploy, StageVariables.
    return _stack("claims-http-api", {
        "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "claims", "ProtocolType": "HTTP"}},
        "Prod": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {
            "ApiId": {"Ref": "Api"}, "StageName": "prod", "AutoDeploy": True,
            "StageVariables": _variables(variant)}}})  # fmt: skip


def pulumi_http_stage(code: str, variant: str) -> Build:
    # docs: apigatewayv2/stage (api_id, name, auto_deploy, stage_variables).
    def build(c: Any) -> object:
        api = aws.apigatewayv2.Api("claims", name="claims", protocol_type="HTTP", opts=c.aws)
        return aws.apigatewayv2.Stage("prod", api_id=api.id, name="prod", auto_deploy=True,
                                      stage_variables=_variables(variant), opts=c.aws)  # fmt: skip

    return build


STAGES: dict[str, Program] = {
    "cfn-rest-stage": cfn_rest_stage,
    "pulumi-rest-stage": pulumi_rest_stage,
    "cfn-http-stage": cfn_http_stage,
    "pulumi-http-stage": pulumi_http_stage,
}


# -- an Amazon MQ configuration's Data as the base64 literal the property documents ------------------------------------


def cfn_mq_network_base64(code: str, variant: str) -> Build:
    # docs: AWS::AmazonMQ::Configuration Name, EngineType ACTIVEMQ, EngineVersion, Data ("The base64-encoded XML
    # configuration"): the XML of awsred58b's network of brokers, encoded as a deployment script writes it
    # (`base64 -w0 activemq.xml`).
    data = base64.b64encode(_broker_xml(code, variant).encode()).decode()
    return _one("claims-broker-config", "AWS::AmazonMQ::Configuration", {
        "Name": "claims-broker", "EngineType": "ACTIVEMQ", "EngineVersion": "5.18", "Data": data})  # fmt: skip


# -- a CloudFront custom origin: where every viewer request is forwarded ---------------------------------------------

CDN_DECLARED: dict[str, Any] = {
    "id": "claims-cdn", "kind": "resident", "match": "aws-cloudfront",
    "evidence": "PriceClass_100 with a geographic restriction to the market; the portal's public pages only (DPA-59)",
}  # fmt: skip
"""The distribution itself (RES-016 outside CN), declared in every program of the kind: the origin is what is judged."""


def _origin(code: str, variant: str) -> str:
    """The stack's public ALB in the Region, or the partner's API abroad."""
    return f"claims-alb-1234567890.{HOME[code]}.elb.{dns_suffix(code)}" if variant == "home" else PARTNER_BACKEND


def cfn_cloudfront_origin(code: str, variant: str) -> Build:
    # docs: AWS::CloudFront::Distribution DistributionConfig {Enabled, Origins [{Id, DomainName ("The domain name for
    # the origin"), CustomOriginConfig {OriginProtocolPolicy}}], DefaultCacheBehavior {TargetOriginId,
    # ViewerProtocolPolicy, CachePolicyId}}: CloudFront forwards each viewer request it cannot answer to the origin.
    return _one("claims-portal-cdn", "AWS::CloudFront::Distribution", {"DistributionConfig": {
        "Enabled": True, "PriceClass": "PriceClass_100",
        "Origins": [{"Id": "api", "DomainName": _origin(code, variant),
                     "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}],
        "DefaultCacheBehavior": {"TargetOriginId": "api", "ViewerProtocolPolicy": "redirect-to-https",
                                 "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}}})  # fmt: skip


def pulumi_cloudfront_origin(code: str, variant: str) -> Build:
    # docs: cloudfront/distribution (origins [{domain_name, origin_id, custom_origin_config}],
    # default_cache_behavior, restrictions, viewer_certificate).
    def build(c: Any) -> object:
        return aws.cloudfront.Distribution("claims-portal-cdn", enabled=True, price_class="PriceClass_100",
            origins=[{"domain_name": _origin(code, variant), "origin_id": "api", "custom_origin_config": {
                "http_port": 80, "https_port": 443, "origin_protocol_policy": "https-only",
                "origin_ssl_protocols": ["TLSv1.2"]}}],
            default_cache_behavior={"target_origin_id": "api", "viewer_protocol_policy": "redirect-to-https",
                                    "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                    "cache_policy_id": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"},
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"cloudfront_default_certificate": True}, opts=c.aws)  # fmt: skip

    return build


ORIGINS: dict[str, Program] = {
    "cfn-cloudfront-custom-origin": cfn_cloudfront_origin,
    "pulumi-cloudfront-custom-origin": pulumi_cloudfront_origin,
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in CODES:
        abroad = code != "CN"  # aws-cn lies wholly in CN: every account there is China's
        # A subnet shared with a partner's account is used in place: passes (both doors).
        out += [(f"awsred59-{code.lower()}-{how}-ram-subnet-share-partner", code, make("subnet"), set(), [])
                for how, make in (("cfn", _cfn_ram_share), ("pulumi", _pulumi_ram_share))]  # fmt: skip
        # The stack's Glue database shared: RES-016 (aws-ram-data-share) outside CN, declared by the catalogue id.
        out += [
            (f"awsred59-{code.lower()}-{how}-ram-glue-share-{who}", code, make("glue"),
             {"RES-016"} if who == "partner" and abroad else set(), [RAM_DECLARED] if who == "partner-declared" else [])
            for how, make in (("cfn", _cfn_ram_share), ("pulumi", _pulumi_ram_share))
            for who in ("partner", "partner-declared")
        ]  # fmt: skip
        # A grant to the partner account itself: RES-016 (aws-lakeformation-cross-account-grant) outside CN.
        out += [
            (f"awsred59-{code.lower()}-{kind}-{who}", code, make(code, who),
             {"RES-016"} if who == "account" and abroad else set(),
             [LAKE_GRANT_DECLARED] if who == "account-declared" else [])
            for kind, make in LAKE.items()
            for who in ("account", "account-declared")
        ]  # fmt: skip
        out += [
            (f"awsred59-{code.lower()}-{kind}-{variant}", code, make(code, variant),
             {"RES-015"} if variant == "partner" else set(), [STAGE_DECLARED] if variant == "partner-declared" else [])
            for kind, make in STAGES.items()
            for variant in ("version", "partner", "partner-declared")
        ]  # fmt: skip
        # A partner's broker in the base64 XML: RES-015 (in CN too: a host nothing places).
        out += [
            (f"awsred59-{code.lower()}-cfn-mq-network-of-brokers-base64-{variant}", code,
             cfn_mq_network_base64(code, variant), {"RES-015"} if variant == "partner" else set(),
             [BROKER_DECLARED] if variant == "partner-declared" else [])
            for variant in ("home", "partner", "partner-declared")
        ]  # fmt: skip
        # A partner's API as the origin: RES-015 (the distribution declared outside CN, where it is RES-016).
        cdn = [CDN_DECLARED] if abroad else []
        out += [
            (f"awsred59-{code.lower()}-{kind}-{variant}", code, make(code, variant),
             {"RES-015"} if variant == "partner" else set(),
             [*cdn, STAGE_DECLARED] if variant == "partner-declared" else cdn)
            for kind, make in ORIGINS.items()
            for variant in ("home", "partner", "partner-declared")
        ]  # fmt: skip
    # A grant to the partner's role: RES-023 outside CN (its account is China's in aws-cn).
    out += account_rows("awsred59", LAKE, NO_CN, ACCOUNT_DECLARED)
    out += [(f"awsred59-cn-{kind}-{who}", "CN", make("CN", who), set(),
             [ACCOUNT_DECLARED] if who == "partner-declared" else [])
            for kind, make in LAKE.items() for who in WHO]  # fmt: skip
    return out
