"""AWS red team, round 34 (stop 58): template twins of granted accounts, phone numbers and mailboxes; identity
providers, HTTP backends, brokers and resolvers pinned in a template and in Pulumi.

Reproduced on the unchanged engine (main 38135ba4), one resource in a ``cloudformation.Stack`` each (EU / DE / US /
JP, CN where the service is offered there; provider pinned to the team's account), **passing every door** while its
Pulumi twin is refused: another account (RES-023 outside CN) as an ``AWS::EKS::AccessEntry``'s ``PrincipalArn``, an
``AWS::EC2::VPCEndpointServicePermissions``' ``AllowedPrincipals``, an ``AWS::S3::AccessGrant``'s ``Grantee``, an
``AWS::Redshift::EndpointAuthorization``'s ``Account``, a VPC Lattice service or resource association's service
network, an ``AWS::GuardDuty::Master``'s ``MasterId``, an ``AWS::SecurityHub::DelegatedAdmin`` /
``AWS::Detective::OrganizationAdmin`` account, an ``AWS::Config::AggregationAuthorization``'s ``AuthorizedAccountId``,
an ``AWS::EC2::VPCPeeringConnection``'s ``PeerOwnerId``, an ``AWS::EC2::NetworkInterfacePermission``'s
``AwsAccountId`` and an ``AWS::ImageBuilder::DistributionConfiguration``'s launch-template / SSM parameter accounts
(the Pulumi twins' ``granted_account_fields``: no ``stack_templates`` ``resources`` entry mapped these types, and an
account id under their keys names no grant by itself); a number abroad (RES-022) as an
``AWS::SSMContacts::ContactChannel``'s SMS ``ChannelAddress``, an ``AWS::Connect::QuickConnect``'s
``PhoneConfig.PhoneNumber`` and a TransferParticipantToThirdParty number in an ``AWS::Connect::ContactFlow`` /
``ContactFlowModule``'s ``Content`` (``phone_fields``); a partner's mailbox (RES-015) as an Incident Manager e-mail
channel's ``ChannelAddress`` and an ``AWS::SES::MailManagerRuleSet``'s ``ReplaceRecipient.ReplaceWith`` (Pulumi's
plural ``replace_withs`` is the ``host_paths`` entry; the template's singular key matched none).

On main's catalogue the table's every-door test: 88 failed / 575 passed (all 88 leaks: the ``partner`` / ``abroad``
programs of the 22 template kinds above and below, EU / DE / US / JP; no false alarm). Also another account's
function or log group (RES-023) as an ``AWS::ApiGatewayV2::Integration``'s ``IntegrationUri``, an
``AWS::ApiGateway::Method``'s ``Integration.Uri`` and an ``AWS::APS::Workspace``'s log groups (the catalogue's entry
named the type ``AWS::AMP::Workspace``, which no template has). The first 342 programs (identity providers, HTTP
backends, brokers, resolvers: the brief's list) all passed there: their template and Pulumi twins were already judged
alike (pinned).

Now: ``stack_templates`` ``resources`` maps each property to the Pulumi input of the same API call (one judgement, no
engine change).

Ids ``awsred58-<code>-<kind>-<variant>``: ``home`` / ``own`` (the Region's own Cognito pool, API, RDS cluster, a private
address of the VPC; the template's own account by ``Ref AWS::AccountId`` / ``Fn::Sub``, the pinned account; a number in
the market's country: passes), ``partner`` (a partner's host, address, mailbox: RES-015; a partner's account: RES-023
outside CN, an aws-cn account being China's by partition), ``abroad`` (a number in another country: RES-022),
``partner-declared`` (the partner declared ``kind: resident``: passes). ``cfn-*`` kinds are a resource in a template,
``pulumi-*`` kinds the Pulumi resource of the same API call, judged alike. tests/test_realistic_programs.py runs them
as CASES (``awsred58-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, dns_suffix, lambda_function, partition

# The same accounts and template helpers as rounds 23 to 32 (one fact, one place).
from platform_programs_awsred51 import CODES, _role
from platform_programs_awsred55 import _one

PARTNER = "partner-analytics.com"
"""The partner's domain abroad: its hosts are the offending twins' destinations."""
PARTNER_IP = "203.0.113.25"
"""A public address of the partner's (a resolver, a Kafka broker behind a public address)."""
SUBNET = "subnet-0a1b2c3d4e5f60718"
"""The team's private subnet."""
NO_CN = ("EU", "DE", "US", "JP")
"""Jurisdictions of a service the China Regions do not offer (Cognito user pools' federation, Verified Access)."""


def _pick(variant: str, home: Any, partner: Any) -> Any:
    return home if variant == "home" else partner


def _rds(code: str) -> str:
    """The Region's Aurora cluster (the team's database)."""
    return f"claims.cluster-c1a2b3d4e5f6.{HOME[code]}.rds.{dns_suffix(code)}"


def _api(code: str) -> str:
    """The team's own regional API in the Region (its intake)."""
    return f"https://a1b2c3d4e5.execute-api.{HOME[code]}.{dns_suffix(code)}/prod/intake"


def _issuer(code: str) -> str:
    """The team's own Cognito user pool's issuer in the Region (a second pool federated as an OIDC provider)."""
    return f"https://cognito-idp.{HOME[code]}.{dns_suffix(code)}/{HOME[code]}_AbCdEf123"


# -- identity providers: every sign-in is sent there ------------------------------------------------------------------


def cfn_cognito_oidc(code: str, variant: str) -> Build:
    # docs: AWS::Cognito::UserPoolIdentityProvider UserPoolId, ProviderName, ProviderType OIDC, ProviderDetails
    # (client_id, client_secret, authorize_scopes, attributes_request_method, oidc_issuer: "The OIDC issuer URL").
    issuer = _pick(variant, _issuer(code), f"https://login.{PARTNER}")
    return _one("claims-login", "AWS::Cognito::UserPoolIdentityProvider", {
        "UserPoolId": {"Ref": "Pool"}, "ProviderName": "Partner", "ProviderType": "OIDC",
        "ProviderDetails": {"client_id": "claims", "client_secret": "{{resolve:secretsmanager:oidc:SecretString:s}}",
                            "authorize_scopes": "openid email", "attributes_request_method": "GET",
                            "oidc_issuer": issuer},
        "AttributeMapping": {"email": "email"}},
        Pool={"Type": "AWS::Cognito::UserPool", "Properties": {"UserPoolName": "claimants"}})  # fmt: skip


def pulumi_cognito_oidc(code: str, variant: str) -> Build:
    # docs: cognito/identityprovider (user_pool_id, provider_name, provider_type OIDC, provider_details).
    def build(c: Any) -> object:
        pool = aws.cognito.UserPool("claimants", name="claimants", opts=c.aws)
        return aws.cognito.IdentityProvider("claims-login", user_pool_id=pool.id, provider_name="Partner",
                                            provider_type="OIDC", provider_details={
                                                "client_id": "claims", "client_secret": "s3cr3t",
                                                "authorize_scopes": "openid email", "attributes_request_method": "GET",
                                                "oidc_issuer": _pick(variant, _issuer(code),
                                                                     f"https://login.{PARTNER}")},
                                            attribute_mapping={"email": "email"}, opts=c.aws)  # fmt: skip

    return build


def _metadata(code: str, variant: str) -> str:
    # IAM Identity Center's SAML application metadata in the Region (its portal host), or the partner's IdP.
    home = f"https://portal.sso.{HOME[code]}.{dns_suffix(code)}/saml/metadata/MTIzNDU2Nzg5MDEyX2lucy0xMjM0"
    return home if variant == "home" else f"https://idp.{PARTNER}/saml/metadata"


def cfn_cognito_saml(code: str, variant: str) -> Build:
    # docs: AWS::Cognito::UserPoolIdentityProvider ProviderType SAML, ProviderDetails MetadataURL ("the metadata
    # document URL of your SAML IdP"), IDPSignout.
    return _one("claims-sso", "AWS::Cognito::UserPoolIdentityProvider", {
        "UserPoolId": {"Ref": "Pool"}, "ProviderName": "CorpSSO", "ProviderType": "SAML",
        "ProviderDetails": {"MetadataURL": _metadata(code, variant), "IDPSignout": "true"},
        "AttributeMapping": {"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"}},
        Pool={"Type": "AWS::Cognito::UserPool", "Properties": {"UserPoolName": "claimants"}})  # fmt: skip


def pulumi_cognito_saml(code: str, variant: str) -> Build:
    # docs: cognito/identityprovider (provider_type SAML, provider_details MetadataURL).
    def build(c: Any) -> object:
        pool = aws.cognito.UserPool("claimants", name="claimants", opts=c.aws)
        return aws.cognito.IdentityProvider("claims-sso", user_pool_id=pool.id, provider_name="CorpSSO",
                                            provider_type="SAML",
                                            provider_details={"MetadataURL": _metadata(code, variant),
                                                              "IDPSignout": "true"},
                                            opts=c.aws)  # fmt: skip

    return build


def _oidc(code: str, variant: str) -> dict[str, str]:
    """A Verified Access user trust provider's OIDC options: the team's Cognito pool, or the partner's IdP."""
    if variant == "home":
        domain = f"https://claims.auth.{HOME[code]}.amazoncognito.com/oauth2"
        return {"issuer": _issuer(code), "authorization_endpoint": f"{domain}/authorize",
                "token_endpoint": f"{domain}/token", "user_info_endpoint": f"{domain}/userInfo"}  # fmt: skip
    return {"issuer": f"https://login.{PARTNER}", "authorization_endpoint": f"https://login.{PARTNER}/authorize",
            "token_endpoint": f"https://login.{PARTNER}/token",
            "user_info_endpoint": f"https://login.{PARTNER}/userinfo"}  # fmt: skip


def cfn_verified_access_oidc(code: str, variant: str) -> Build:
    # docs: AWS::EC2::VerifiedAccessTrustProvider TrustProviderType user, UserTrustProviderType oidc,
    # PolicyReferenceName, OidcOptions {Issuer ("The OIDC issuer"), AuthorizationEndpoint, TokenEndpoint,
    # UserInfoEndpoint, ClientId, ClientSecret, Scope}.
    o = _oidc(code, variant)
    return _one("claims-access", "AWS::EC2::VerifiedAccessTrustProvider", {
        "TrustProviderType": "user", "UserTrustProviderType": "oidc", "PolicyReferenceName": "idp",
        "OidcOptions": {"Issuer": o["issuer"], "AuthorizationEndpoint": o["authorization_endpoint"],
                        "TokenEndpoint": o["token_endpoint"], "UserInfoEndpoint": o["user_info_endpoint"],
                        "ClientId": "claims", "ClientSecret": "{{resolve:secretsmanager:va:SecretString:s}}",
                        "Scope": "openid"}})  # fmt: skip


def pulumi_verified_access_oidc(code: str, variant: str) -> Build:
    # docs: verifiedaccess/trustprovider (trust_provider_type user, user_trust_provider_type oidc, oidc_options).
    def build(c: Any) -> object:
        options: Any = {**_oidc(code, variant), "client_id": "claims", "client_secret": "s3cr3t", "scope": "openid"}
        return aws.verifiedaccess.TrustProvider("claims-access", trust_provider_type="user",
                                                user_trust_provider_type="oidc", policy_reference_name="idp",
                                                oidc_options=options, opts=c.aws)  # fmt: skip

    return build


def cfn_transfer_idp(code: str, variant: str) -> Build:
    # docs: AWS::Transfer::Server IdentityProviderType API_GATEWAY, IdentityProviderDetails {Url ("Provides the
    # location of the service endpoint used to authenticate users"), InvocationRole}: each user's name and password is
    # sent there.
    return _one("claims-sftp", "AWS::Transfer::Server", {
        "Protocols": ["SFTP"], "EndpointType": "PUBLIC", "IdentityProviderType": "API_GATEWAY",
        "IdentityProviderDetails": {"Url": _pick(variant, _api(code), f"https://auth.{PARTNER}/sftp"),
                                    "InvocationRole": {"Fn::GetAtt": ["IdpRole", "Arn"]}}},
        IdpRole=_role("transfer.amazonaws.com"))  # fmt: skip


def pulumi_transfer_idp(code: str, variant: str) -> Build:
    # docs: transfer/server (identity_provider_type API_GATEWAY, url, invocation_role).
    def build(c: Any) -> object:
        return aws.transfer.Server("claims-sftp", protocols=["SFTP"], endpoint_type="PUBLIC",
                                   identity_provider_type="API_GATEWAY",
                                   url=_pick(variant, _api(code), f"https://auth.{PARTNER}/sftp"),
                                   invocation_role=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/claims-sftp-idp",
                                   opts=c.aws)  # fmt: skip

    return build


# -- HTTP backends: every request is forwarded there ------------------------------------------------------------------


def cfn_appsync_http(code: str, variant: str) -> Build:
    # docs: AWS::AppSync::DataSource ApiId, Name, Type HTTP, HttpConfig {Endpoint ("The endpoint"),
    # AuthorizationConfig}: a resolver's requests are sent there.
    return _one("claims-graphql", "AWS::AppSync::DataSource", {
        "ApiId": {"Fn::GetAtt": ["Api", "ApiId"]}, "Name": "claims", "Type": "HTTP",
        "HttpConfig": {"Endpoint": _pick(variant, _api(code).rsplit("/", 2)[0], f"https://api.{PARTNER}")}},
        Api={"Type": "AWS::AppSync::GraphQLApi",
             "Properties": {"Name": "claims", "AuthenticationType": "AWS_IAM"}})  # fmt: skip


def pulumi_appsync_http(code: str, variant: str) -> Build:
    # docs: appsync/datasource (api_id, name, type HTTP, http_config.endpoint).
    def build(c: Any) -> object:
        api = aws.appsync.GraphQLApi("claims", name="claims", authentication_type="AWS_IAM", opts=c.aws)
        return aws.appsync.DataSource("claims", api_id=api.id, name="claims", type="HTTP", http_config={
            "endpoint": _pick(variant, _api(code).rsplit("/", 2)[0], f"https://api.{PARTNER}")},
            opts=c.aws)  # fmt: skip

    return build


def cfn_http_api_integration(code: str, variant: str) -> Build:
    # docs: AWS::ApiGatewayV2::Integration ApiId, IntegrationType HTTP_PROXY, IntegrationMethod, IntegrationUri ("For
    # an HTTP integration, specify a fully-qualified URL"), PayloadFormatVersion.
    return _one("claims-http-backend", "AWS::ApiGatewayV2::Integration", {
        "ApiId": {"Ref": "HttpApi"}, "IntegrationType": "HTTP_PROXY", "IntegrationMethod": "ANY",
        "IntegrationUri": _pick(variant, _api(code), f"https://api.{PARTNER}/claims"), "PayloadFormatVersion": "1.0"},
        HttpApi={"Type": "AWS::ApiGatewayV2::Api",
                 "Properties": {"Name": "claims", "ProtocolType": "HTTP"}})  # fmt: skip


def pulumi_http_api_integration(code: str, variant: str) -> Build:
    # docs: apigatewayv2/integration (api_id, integration_type HTTP_PROXY, integration_method, integration_uri).
    def build(c: Any) -> object:
        api = aws.apigatewayv2.Api("claims", protocol_type="HTTP", opts=c.aws)
        return aws.apigatewayv2.Integration("claims-http-backend", api_id=api.id, integration_type="HTTP_PROXY",
                                            integration_method="ANY",
                                            integration_uri=_pick(variant, _api(code),
                                                                  f"https://api.{PARTNER}/claims"),
                                            opts=c.aws)  # fmt: skip

    return build


def cfn_rest_method_integration(code: str, variant: str) -> Build:
    # docs: AWS::ApiGateway::Method RestApiId, ResourceId, HttpMethod, AuthorizationType, Integration {Type HTTP_PROXY,
    # IntegrationHttpMethod, Uri ("Specifies Uniform Resource Identifier (URI) of the integration endpoint")}.
    return _one("claims-rest-backend", "AWS::ApiGateway::Method", {
        "RestApiId": {"Ref": "Api"}, "ResourceId": {"Fn::GetAtt": ["Api", "RootResourceId"]}, "HttpMethod": "ANY",
        "AuthorizationType": "AWS_IAM",
        "Integration": {"Type": "HTTP_PROXY", "IntegrationHttpMethod": "ANY",
                        "Uri": _pick(variant, _api(code), f"https://api.{PARTNER}/claims")}},
        Api={"Type": "AWS::ApiGateway::RestApi", "Properties": {
            "Name": "claims", "EndpointConfiguration": {"Types": ["REGIONAL"]}}})  # fmt: skip


def pulumi_rest_integration(code: str, variant: str) -> Build:
    # docs: apigateway/integration (rest_api, resource_id, http_method, type HTTP_PROXY, integration_http_method, uri).
    def build(c: Any) -> object:
        api = aws.apigateway.RestApi("claims", name="claims", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        method = aws.apigateway.Method(
            "claims",
            rest_api=api.id,
            resource_id=api.root_resource_id,
            http_method="ANY",
            authorization="AWS_IAM",
            opts=c.aws,
        )
        return aws.apigateway.Integration("claims-rest-backend", rest_api=api.id, resource_id=api.root_resource_id,
                                          http_method=method.http_method, type="HTTP_PROXY",
                                          integration_http_method="ANY",
                                          uri=_pick(variant, _api(code), f"https://api.{PARTNER}/claims"),
                                          opts=c.aws)  # fmt: skip

    return build


def _redirect_host(code: str, variant: str) -> str:
    return f"a1b2c3d4e5.execute-api.{HOME[code]}.{dns_suffix(code)}" if variant == "home" else f"www.{PARTNER}"


def cfn_alb_redirect(code: str, variant: str) -> Build:
    # docs: AWS::ElasticLoadBalancingV2::ListenerRule ListenerArn, Priority, Conditions, Actions [{Type redirect,
    # RedirectConfig {Host ("The hostname. This component is not percent-encoded"), Path, Port, Protocol,
    # StatusCode}}]: the browser is sent there with its request's path and query.
    return _one("claims-moved", "AWS::ElasticLoadBalancingV2::ListenerRule", {
        "ListenerArn": {"Ref": "Listener"}, "Priority": 10,
        "Conditions": [{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/claims/*"]}}],
        "Actions": [{"Type": "redirect", "RedirectConfig": {
            "Host": _redirect_host(code, variant), "Path": "/#{path}", "Port": "443", "Protocol": "HTTPS",
            "Query": "#{query}", "StatusCode": "HTTP_301"}}]},
        Listener={"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {
            "LoadBalancerArn": {"Ref": "Alb"}, "Port": 80, "Protocol": "HTTP",
            "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}},
        Alb={"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
            "Type": "application", "Scheme": "internet-facing",
            "Subnets": [SUBNET, "subnet-1a1b2c3d4e5f60718"]}})  # fmt: skip


def pulumi_alb_redirect(code: str, variant: str) -> Build:
    # docs: lb/listenerrule (listener_arn, priority, actions[].redirect {host, path, port, protocol, status_code}).
    def build(c: Any) -> object:
        alb = aws.lb.LoadBalancer(
            "claims", load_balancer_type="application", subnets=[SUBNET, "subnet-1a1b2c3d4e5f60718"], opts=c.aws
        )
        listener = aws.lb.Listener(
            "claims",
            load_balancer_arn=alb.arn,
            port=80,
            protocol="HTTP",
            default_actions=[
                {"type": "fixed-response", "fixed_response": {"content_type": "text/plain", "status_code": "404"}}
            ],
            opts=c.aws,
        )
        return aws.lb.ListenerRule("claims-moved", listener_arn=listener.arn, priority=10,
                                   conditions=[{"path_pattern": {"values": ["/claims/*"]}}],
                                   actions=[{"type": "redirect", "redirect": {
                                       "host": _redirect_host(code, variant), "path": "/#{path}", "port": "443",
                                       "protocol": "HTTPS", "query": "#{query}", "status_code": "HTTP_301"}}],
                                   opts=c.aws)  # fmt: skip

    return build


# -- brokers, databases and resolvers ---------------------------------------------------------------------------------

BROKERS = {"home": "10.20.4.11:9092,10.20.4.12:9092", "partner": f"kafka-1.{PARTNER}:9092,kafka-2.{PARTNER}:9092"}
"""A self-managed Kafka cluster's bootstrap brokers: in the VPC, or the partner's."""


def cfn_esm_kafka(code: str, variant: str) -> Build:
    # docs: AWS::Lambda::EventSourceMapping FunctionName, Topics, StartingPosition, SelfManagedEventSource {Endpoints
    # {KafkaBootstrapServers ("The list of bootstrap servers for your Kafka brokers in the following format:
    # "KafkaBootstrapServers": ["abc.xyz.com:xxxx","abc2.xyz.com:xxxx"]")}}, SourceAccessConfigurations.
    brokers = BROKERS["home" if variant == "home" else "partner"].split(",")
    return _one("telemetry", "AWS::Lambda::EventSourceMapping", {
        "FunctionName": {"Ref": "Fn"}, "Topics": ["telemetry"], "StartingPosition": "TRIM_HORIZON",
        "SelfManagedEventSource": {"Endpoints": {"KafkaBootstrapServers": brokers}},
        "SourceAccessConfigurations": [{"Type": "VPC_SUBNET", "URI": f"subnet:{SUBNET}"},
                                       {"Type": "VPC_SECURITY_GROUP", "URI": "security_group:sg-0a1b2c3d"}]},
        Fn={"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["FnRole", "Arn"]},
            "Code": {"ZipFile": "def handler(event, context):\n    return None\n"}}},
        FnRole=_role("lambda.amazonaws.com"))  # fmt: skip


def pulumi_esm_kafka(code: str, variant: str) -> Build:
    # docs: lambda/eventsourcemapping (self_managed_event_source.endpoints KAFKA_BOOTSTRAP_SERVERS,
    # source_access_configurations).
    def build(c: Any) -> object:
        fn = lambda_function("telemetry", c.aws)
        return aws.lambda_.EventSourceMapping("telemetry", function_name=fn.arn, topics=["telemetry"],
                                              starting_position="TRIM_HORIZON", self_managed_event_source={
                                                  "endpoints": {"KAFKA_BOOTSTRAP_SERVERS": BROKERS[
                                                      "home" if variant == "home" else "partner"]}},
                                              source_access_configurations=[
                                                  {"type": "VPC_SUBNET", "uri": f"subnet:{SUBNET}"},
                                                  {"type": "VPC_SECURITY_GROUP", "uri": "security_group:sg-0a1b2c3d"}],
                                              opts=c.aws)  # fmt: skip

    return build


def cfn_dms_target(code: str, variant: str) -> Build:
    # docs: AWS::DMS::Endpoint EndpointType target, EngineName postgres, ServerName ("The name of the server where
    # the endpoint database resides"), Port, DatabaseName, Username, Password: the migrated rows are written there.
    return _one("claims-target", "AWS::DMS::Endpoint", {
        "EndpointType": "target", "EngineName": "postgres",
        "ServerName": _pick(variant, _rds(code), f"db.{PARTNER}"), "Port": 5432, "DatabaseName": "claims",
        "Username": "dms", "Password": "{{resolve:secretsmanager:dms:SecretString:password}}",
        "SslMode": "require"})  # fmt: skip


def pulumi_dms_target(code: str, variant: str) -> Build:
    # docs: dms/endpoint (endpoint_id, endpoint_type target, engine_name postgres, server_name, port, database_name).
    def build(c: Any) -> object:
        return aws.dms.Endpoint("claims-target", endpoint_id="claims-target", endpoint_type="target",
                                engine_name="postgres", server_name=_pick(variant, _rds(code), f"db.{PARTNER}"),
                                port=5432, database_name="claims", username="dms", password="s3cr3t",
                                ssl_mode="require", opts=c.aws)  # fmt: skip

    return build


def cfn_resolver_rule(code: str, variant: str) -> Build:
    # docs: AWS::Route53Resolver::ResolverRule DomainName, RuleType FORWARD, ResolverEndpointId, TargetIps [{Ip ("One
    # IPv4 address that you want to forward DNS queries to"), Port}]: the VPC's queries for the domain go there.
    return _one("corp-dns", "AWS::Route53Resolver::ResolverRule", {
        "DomainName": "corp.fleet-example.net", "RuleType": "FORWARD", "ResolverEndpointId": "rslvr-out-0a1b2c3d4e5f6",
        "TargetIps": [{"Ip": _pick(variant, "10.20.0.53", PARTNER_IP), "Port": "53"}]})  # fmt: skip


def pulumi_resolver_rule(code: str, variant: str) -> Build:
    # docs: route53/resolverrule (domain_name, rule_type FORWARD, resolver_endpoint_id, target_ips[].ip).
    def build(c: Any) -> object:
        return aws.route53.ResolverRule("corp-dns", domain_name="corp.fleet-example.net", rule_type="FORWARD",
                                        resolver_endpoint_id="rslvr-out-0a1b2c3d4e5f6",
                                        target_ips=[{"ip": _pick(variant, "10.20.0.53", PARTNER_IP), "port": 53}],
                                        opts=c.aws)  # fmt: skip

    return build


def cfn_dhcp_options(code: str, variant: str) -> Build:
    # docs: AWS::EC2::DHCPOptions DomainName, DomainNameServers ("The IPv4 addresses of up to four domain name
    # servers, or AmazonProvidedDNS"), NtpServers: every instance of the VPC sends its DNS queries there.
    return _one("corp-dhcp", "AWS::EC2::DHCPOptions", {
        "DomainName": "corp.fleet-example.net",
        "DomainNameServers": [_pick(variant, "10.20.0.53", PARTNER_IP), "AmazonProvidedDNS"],
        "NtpServers": ["169.254.169.123"]})  # fmt: skip


def pulumi_dhcp_options(code: str, variant: str) -> Build:
    # docs: ec2/vpcdhcpoptions (domain_name, domain_name_servers, ntp_servers).
    def build(c: Any) -> object:
        return aws.ec2.VpcDhcpOptions("corp-dhcp", domain_name="corp.fleet-example.net",
                                      domain_name_servers=[_pick(variant, "10.20.0.53", PARTNER_IP),
                                                           "AmazonProvidedDNS"],
                                      ntp_servers=["169.254.169.123"], opts=c.aws)  # fmt: skip

    return build


Program = Callable[[str, str], Build]
KINDS: dict[str, tuple[Program, tuple[str, ...], str]] = {
    "cfn-cognito-oidc": (cfn_cognito_oidc, NO_CN, f"login.{PARTNER}"),
    "pulumi-cognito-oidc": (pulumi_cognito_oidc, NO_CN, f"login.{PARTNER}"),
    "cfn-cognito-saml": (cfn_cognito_saml, NO_CN, f"idp.{PARTNER}"),
    "pulumi-cognito-saml": (pulumi_cognito_saml, NO_CN, f"idp.{PARTNER}"),
    "cfn-verified-access-oidc": (cfn_verified_access_oidc, NO_CN, f"login.{PARTNER}"),
    "pulumi-verified-access-oidc": (pulumi_verified_access_oidc, NO_CN, f"login.{PARTNER}"),
    "cfn-transfer-idp": (cfn_transfer_idp, CODES, f"auth.{PARTNER}"),
    "pulumi-transfer-idp": (pulumi_transfer_idp, CODES, f"auth.{PARTNER}"),
    "cfn-appsync-http": (cfn_appsync_http, CODES, f"api.{PARTNER}"),
    "pulumi-appsync-http": (pulumi_appsync_http, CODES, f"api.{PARTNER}"),
    "cfn-http-api-integration": (cfn_http_api_integration, CODES, f"api.{PARTNER}"),
    "pulumi-http-api-integration": (pulumi_http_api_integration, CODES, f"api.{PARTNER}"),
    "cfn-rest-method-integration": (cfn_rest_method_integration, CODES, f"api.{PARTNER}"),
    "pulumi-rest-integration": (pulumi_rest_integration, CODES, f"api.{PARTNER}"),
    "cfn-alb-redirect": (cfn_alb_redirect, CODES, f"www.{PARTNER}"),
    "pulumi-alb-redirect": (pulumi_alb_redirect, CODES, f"www.{PARTNER}"),
    "cfn-lambda-kafka-source": (cfn_esm_kafka, CODES, f"*.{PARTNER}"),
    "pulumi-lambda-kafka-source": (pulumi_esm_kafka, CODES, f"*.{PARTNER}"),
    "cfn-dms-target": (cfn_dms_target, CODES, f"db.{PARTNER}"),
    "pulumi-dms-target": (pulumi_dms_target, CODES, f"db.{PARTNER}"),
    "cfn-resolver-rule": (cfn_resolver_rule, CODES, PARTNER_IP),
    "pulumi-resolver-rule": (pulumi_resolver_rule, CODES, PARTNER_IP),
    "cfn-dhcp-name-servers": (cfn_dhcp_options, CODES, PARTNER_IP),
    "pulumi-dhcp-name-servers": (pulumi_dhcp_options, CODES, PARTNER_IP),
}
"""Each kind: (program, its jurisdictions, what the partner is declared by)."""


# -- another account let in: template twins of granted_account_fields (RES-023 outside CN) ----------------------------

PARTNER_ACCOUNT = "444455556666"
"""A partner's AWS account (an MSP's, a group hub's), which the stack's provider does not pin."""
OWN_ARN = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-ops"
"""The template's own account's operations role (``Fn::Sub``)."""


def _account(variant: str) -> Any:
    return {"Ref": "AWS::AccountId"} if variant == "own" else PARTNER_ACCOUNT


def _role_arn(code: str, variant: str) -> Any:
    own = {"Fn::Sub": OWN_ARN}
    return own if variant == "own" else f"arn:{partition(code)}:iam::{PARTNER_ACCOUNT}:role/claims-ops"


def cfn_eks_access_entry(code: str, variant: str) -> Build:
    # docs: AWS::EKS::AccessEntry ClusterName, PrincipalArn ("The ARN of the IAM principal for the AccessEntry"), Type
    # STANDARD, AccessPolicies [{PolicyArn, AccessScope {Type cluster}}]: the principal reaches the Kubernetes API.
    return _one("claims-ops-access", "AWS::EKS::AccessEntry", {
        "ClusterName": "claims", "PrincipalArn": _role_arn(code, variant), "Type": "STANDARD",
        "AccessPolicies": [{"PolicyArn": f"arn:{partition(code)}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
                            "AccessScope": {"Type": "cluster"}}]})  # fmt: skip


def cfn_endpoint_service_permissions(code: str, variant: str) -> Build:
    # docs: AWS::EC2::VPCEndpointServicePermissions ServiceId, AllowedPrincipals ("The Amazon Resource Names (ARN) of
    # one or more principals ... Permissions are granted to the principals in this list"): they may connect an
    # endpoint to the service (the stack's PrivateLink API).
    principal = ({"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"} if variant == "own"
                 else f"arn:{partition(code)}:iam::{PARTNER_ACCOUNT}:root")  # fmt: skip
    return _one("claims-privatelink", "AWS::EC2::VPCEndpointServicePermissions", {
        "ServiceId": {"Ref": "Service"}, "AllowedPrincipals": [principal]},
        Service={"Type": "AWS::EC2::VPCEndpointService", "Properties": {
            "AcceptanceRequired": True, "NetworkLoadBalancerArns": [
                {"Fn::Sub": "arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:"
                            "loadbalancer/net/claims/0a1b2c3d4e5f6071"}]}})  # fmt: skip


def cfn_s3_access_grant(code: str, variant: str) -> Build:
    # docs: AWS::S3::AccessGrant AccessGrantsLocationId, Permission READ, Grantee {GranteeType IAM, GranteeIdentifier}:
    # the grantee reads the location's objects.
    return _one("claims-read-grant", "AWS::S3::AccessGrant", {
        "AccessGrantsLocationId": "default", "Permission": "READ",
        "AccessGrantsLocationConfiguration": {"S3SubPrefix": "claims/*"},
        "Grantee": {"GranteeType": "IAM", "GranteeIdentifier": _role_arn(code, variant)}})  # fmt: skip


def cfn_redshift_endpoint_authorization(code: str, variant: str) -> Build:
    # docs: AWS::Redshift::EndpointAuthorization ClusterIdentifier, Account ("The AWS account ID of either the cluster
    # owner (grantor) or grantee"), VpcIds: the grantee creates a Redshift-managed endpoint to the cluster.
    return _one("claims-dw-access", "AWS::Redshift::EndpointAuthorization", {
        "ClusterIdentifier": "claims-dw", "Account": _account(variant),
        "VpcIds": ["vpc-0a1b2c3d4e5f60718"]})  # fmt: skip


def _network(code: str, variant: str) -> Any:
    own = {"Fn::GetAtt": ["Network", "Arn"]}
    return (
        own
        if variant == "own"
        else (f"arn:{partition(code)}:vpc-lattice:{HOME[code]}:{PARTNER_ACCOUNT}:servicenetwork/sn-0a1b2c3d4e5f60718")
    )


_NETWORK = {"Type": "AWS::VpcLattice::ServiceNetwork", "Properties": {"Name": "claims", "AuthType": "AWS_IAM"}}


def cfn_lattice_service_association(code: str, variant: str) -> Build:
    # docs: AWS::VpcLattice::ServiceNetworkServiceAssociation ServiceIdentifier, ServiceNetworkIdentifier ("The ID or
    # ARN of the service network. You must use an ARN if the resources are in different accounts"): the network's
    # clients reach the service.
    return _one("claims-lattice", "AWS::VpcLattice::ServiceNetworkServiceAssociation", {
        "ServiceIdentifier": "svc-0a1b2c3d4e5f60718", "ServiceNetworkIdentifier": _network(code, variant)},
        Network=_NETWORK)  # fmt: skip


def cfn_lattice_resource_association(code: str, variant: str) -> Build:
    # docs: AWS::VpcLattice::ServiceNetworkResourceAssociation ResourceConfigurationId, ServiceNetworkId: the
    # network's clients reach the resource (the claims database).
    return _one("claims-lattice-db", "AWS::VpcLattice::ServiceNetworkResourceAssociation", {
        "ResourceConfigurationId": "rcfg-0a1b2c3d4e5f60718", "ServiceNetworkId": _network(code, variant)},
        Network=_NETWORK)  # fmt: skip


def cfn_guardduty_master(code: str, variant: str) -> Build:
    # docs: AWS::GuardDuty::Master DetectorId, MasterId ("The AWS account ID of the account designated as the GuardDuty
    # administrator account"), InvitationId: the member accepts; its findings go to that account.
    return _one("claims-guardduty", "AWS::GuardDuty::Master", {
        "DetectorId": "12abc34d567e8fa901bc2d34e56789f0", "MasterId": _account(variant),
        "InvitationId": "84b097800250d17d1872b34c4daadcf5"})  # fmt: skip


def cfn_securityhub_delegated_admin(code: str, variant: str) -> Build:
    # docs: AWS::SecurityHub::DelegatedAdmin AdminAccountId ("The AWS account identifier of the account to designate
    # as the Security Hub administrator account"): every member's findings are aggregated there.
    return _one("claims-securityhub", "AWS::SecurityHub::DelegatedAdmin", {"AdminAccountId": _account(variant)})


def cfn_detective_admin(code: str, variant: str) -> Build:
    # docs: AWS::Detective::OrganizationAdmin AccountId ("The AWS account identifier of the account to designate as
    # the Detective administrator account for the organization").
    return _one("claims-detective", "AWS::Detective::OrganizationAdmin", {"AccountId": _account(variant)})


def cfn_config_authorization(code: str, variant: str) -> Build:
    # docs: AWS::Config::AggregationAuthorization AuthorizedAccountId ("The 12-digit account ID of the account
    # authorized to aggregate data"), AuthorizedAwsRegion ("The region authorized to collect aggregated data").
    return _one("claims-config-share", "AWS::Config::AggregationAuthorization", {
        "AuthorizedAccountId": _account(variant), "AuthorizedAwsRegion": HOME[code]})  # fmt: skip


def cfn_vpc_peering(code: str, variant: str) -> Build:
    # docs: AWS::EC2::VPCPeeringConnection VpcId, PeerVpcId, PeerOwnerId ("The AWS account ID of the owner of the
    # accepter VPC"), PeerRoleArn: the two VPCs route to each other.
    return _one("claims-peering", "AWS::EC2::VPCPeeringConnection", {
        "VpcId": "vpc-0a1b2c3d4e5f60718", "PeerVpcId": "vpc-1a1b2c3d4e5f60718",
        "PeerOwnerId": _account(variant)})  # fmt: skip


def cfn_eni_permission(code: str, variant: str) -> Build:
    # docs: AWS::EC2::NetworkInterfacePermission NetworkInterfaceId, AwsAccountId ("The AWS account ID"), Permission
    # INSTANCE-ATTACH: that account attaches its instance to the stack's network interface (inside the stack's VPC).
    return _one("claims-eni-share", "AWS::EC2::NetworkInterfacePermission", {
        "NetworkInterfaceId": "eni-0a1b2c3d4e5f60718", "AwsAccountId": _account(variant),
        "Permission": "INSTANCE-ATTACH"})  # fmt: skip


def cfn_imagebuilder_distribution(code: str, variant: str) -> Build:
    # docs: AWS::ImageBuilder::DistributionConfiguration Name, Distributions [{Region, LaunchTemplateConfigurations
    # [{LaunchTemplateId, AccountId ("The account ID that this configuration applies to"), SetDefaultVersion}],
    # SsmParameterConfigurations [{AmiAccountId, ParameterName, DataType}]}]: each new AMI is set as that account's
    # launch template version and written into its parameter.
    account = _account(variant)
    return _one("claims-ami-distribution", "AWS::ImageBuilder::DistributionConfiguration", {
        "Name": "claims-ami", "Distributions": [{
            "Region": HOME[code],
            "LaunchTemplateConfigurations": [{"LaunchTemplateId": "lt-0a1b2c3d4e5f60718", "AccountId": account,
                                              "SetDefaultVersion": True}],
            "SsmParameterConfigurations": [{"AmiAccountId": account, "ParameterName": "/claims/ami/latest",
                                            "DataType": "aws:ec2:image"}]}]})  # fmt: skip


def _function_arn(code: str, variant: str) -> Any:
    own = {"Fn::GetAtt": ["Fn", "Arn"]}
    return own if variant == "own" else f"arn:{partition(code)}:lambda:{HOME[code]}:{PARTNER_ACCOUNT}:function:claims"


_FUNCTION = {"Type": "AWS::Lambda::Function", "Properties": {
    "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["FnRole", "Arn"]},
    "Code": {"ZipFile": "def handler(event, context):\n    return {'statusCode': 200}\n"}}}  # fmt: skip


def cfn_http_api_lambda(code: str, variant: str) -> Build:
    # docs: AWS::ApiGatewayV2::Integration ApiId, IntegrationType AWS_PROXY, IntegrationUri ("For a Lambda
    # integration, specify the URI of a Lambda function"), PayloadFormatVersion: every request invokes it.
    return _one("claims-http-lambda", "AWS::ApiGatewayV2::Integration", {
        "ApiId": {"Ref": "HttpApi"}, "IntegrationType": "AWS_PROXY", "IntegrationUri": _function_arn(code, variant),
        "PayloadFormatVersion": "2.0"},
        HttpApi={"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "claims", "ProtocolType": "HTTP"}},
        Fn=_FUNCTION, FnRole=_role("lambda.amazonaws.com"))  # fmt: skip


def cfn_rest_method_lambda(code: str, variant: str) -> Build:
    # docs: AWS::ApiGateway::Method Integration {Type AWS_PROXY, IntegrationHttpMethod POST, Uri
    # (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations)}.
    function = "${Fn.Arn}" if variant == "own" else _function_arn(code, variant)
    uri = {"Fn::Sub": f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/"
                      f"{function}/invocations"}  # fmt: skip
    return _one("claims-rest-lambda", "AWS::ApiGateway::Method", {
        "RestApiId": {"Ref": "Api"}, "ResourceId": {"Fn::GetAtt": ["Api", "RootResourceId"]}, "HttpMethod": "ANY",
        "AuthorizationType": "AWS_IAM",
        "Integration": {"Type": "AWS_PROXY", "IntegrationHttpMethod": "POST", "Uri": uri}},
        Api={"Type": "AWS::ApiGateway::RestApi", "Properties": {
            "Name": "claims", "EndpointConfiguration": {"Types": ["REGIONAL"]}}},
        Fn=_FUNCTION, FnRole=_role("lambda.amazonaws.com"))  # fmt: skip


def cfn_prometheus_logs(code: str, variant: str) -> Build:
    # docs: AWS::APS::Workspace Alias, LoggingConfiguration {LogGroupArn ("The ARN of the CloudWatch log group to which
    # the vended log data will be published")}, QueryLoggingConfiguration {Destinations [{CloudWatchLogs
    # {LogGroupArn}, Filters {QspThreshold}}]}: the rules, alerting and query logs are written there.
    group: Any = {"Fn::GetAtt": ["Logs", "Arn"]}
    if variant != "own":
        group = f"arn:{partition(code)}:logs:{HOME[code]}:{PARTNER_ACCOUNT}:log-group:/aps/claims"
    return _one("claims-metrics", "AWS::APS::Workspace", {
        "Alias": "claims", "LoggingConfiguration": {"LogGroupArn": group},
        "QueryLoggingConfiguration": {"Destinations": [{"CloudWatchLogs": {"LogGroupArn": group},
                                                        "Filters": {"QspThreshold": 100000}}]}},
        Logs={"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/aps/claims"}})  # fmt: skip


def pulumi_config_authorization(code: str, variant: str) -> Build:
    # docs: cfg/aggregateauthorization (account_id, authorized_aws_region).
    def build(c: Any) -> object:
        account = OWN_ACCOUNT if variant == "own" else PARTNER_ACCOUNT
        return aws.cfg.AggregateAuthorization("claims-config-share", account_id=account,
                                              authorized_aws_region=HOME[code], opts=c.aws)  # fmt: skip

    return build


def pulumi_vpc_peering(code: str, variant: str) -> Build:
    # docs: ec2/vpcpeeringconnection (vpc_id, peer_vpc_id, peer_owner_id).
    def build(c: Any) -> object:
        return aws.ec2.VpcPeeringConnection("claims-peering", vpc_id="vpc-0a1b2c3d4e5f60718",
                                            peer_vpc_id="vpc-1a1b2c3d4e5f60718",
                                            peer_owner_id=OWN_ACCOUNT if variant == "own" else PARTNER_ACCOUNT,
                                            opts=c.aws)  # fmt: skip

    return build


def pulumi_eks_access_entry(code: str, variant: str) -> Build:
    # docs: eks/accessentry (cluster_name, principal_arn, type).
    def build(c: Any) -> object:
        owner = OWN_ACCOUNT if variant == "own" else PARTNER_ACCOUNT
        return aws.eks.AccessEntry("claims-ops-access", cluster_name="claims", type="STANDARD",
                                   principal_arn=f"arn:{partition(code)}:iam::{owner}:role/claims-ops",
                                   opts=c.aws)  # fmt: skip

    return build


ACCOUNTS: dict[str, tuple[Program, tuple[str, ...]]] = {
    "cfn-eks-access-entry": (cfn_eks_access_entry, CODES),
    "pulumi-eks-access-entry": (pulumi_eks_access_entry, CODES),
    "cfn-endpoint-service-permissions": (cfn_endpoint_service_permissions, CODES),
    "cfn-s3-access-grant": (cfn_s3_access_grant, NO_CN),
    "cfn-redshift-endpoint-authorization": (cfn_redshift_endpoint_authorization, CODES),
    "cfn-lattice-service-association": (cfn_lattice_service_association, NO_CN),
    "cfn-lattice-resource-association": (cfn_lattice_resource_association, NO_CN),
    "cfn-guardduty-master": (cfn_guardduty_master, CODES),
    "cfn-securityhub-delegated-admin": (cfn_securityhub_delegated_admin, CODES),
    "cfn-detective-admin": (cfn_detective_admin, NO_CN),
    "cfn-config-authorization": (cfn_config_authorization, CODES),
    "pulumi-config-authorization": (pulumi_config_authorization, CODES),
    "cfn-vpc-peering-owner": (cfn_vpc_peering, CODES),
    "pulumi-vpc-peering-owner": (pulumi_vpc_peering, CODES),
    "cfn-eni-permission": (cfn_eni_permission, CODES),
    "cfn-imagebuilder-distribution-accounts": (cfn_imagebuilder_distribution, CODES),
    "cfn-http-api-lambda-integration": (cfn_http_api_lambda, CODES),
    "cfn-rest-method-lambda-integration": (cfn_rest_method_lambda, CODES),
    "cfn-prometheus-workspace-logs": (cfn_prometheus_logs, CODES),
}
"""Another account let in: (program, its jurisdictions); ``own`` passes, ``partner`` RES-023 outside CN (an aws-cn
account is China's by its partition), ``partner-declared`` passes."""
ACCOUNT_DECLARED: dict[str, Any] = {
    "id": "claims-msp", "kind": "resident", "match": f"arn:aws:iam::{PARTNER_ACCOUNT}:",
    "evidence": "the managed-service partner's account; its SCP keeps every resource in the market's Regions (DPA-58)",
}  # fmt: skip


# -- a telephone number called or texted, a mailbox written to: template twins of phone_fields ----------------------

PHONE = {"EU": "+353 1 555 0100", "DE": "+49 30 5550100", "US": "+1 206 555 0100", "JP": "+81 3 5550 0100"}
"""The on-call team's telephone in the market's country."""
PHONE_ABROAD = {"EU": "+1 206 555 0100", "DE": "+1 206 555 0100", "US": "+44 20 7946 0100", "JP": "+1 206 555 0100"}
"""An outsourced service desk's number in another country (the offending twins')."""
_CONTACT = "arn:${AWS::Partition}:ssm-contacts:${AWS::Region}:${AWS::AccountId}:contact/claims-oncall"
_INSTANCE = "arn:${AWS::Partition}:connect:${AWS::Region}:${AWS::AccountId}:instance/0a1b2c3d"


def _phone(code: str, where: str) -> str:
    return PHONE[code] if where == "home" else PHONE_ABROAD[code]


def cfn_contact_channel_sms(code: str, where: str) -> Build:
    # docs: AWS::SSMContacts::ContactChannel ContactId, ChannelName, ChannelType SMS | VOICE | EMAIL, ChannelAddress
    # ("The details that Incident Manager uses when trying to engage the contact channel"): the incident's title and
    # summary are texted there.
    return _one("claims-oncall-sms", "AWS::SSMContacts::ContactChannel", {
        "ContactId": {"Fn::Sub": _CONTACT}, "ChannelName": "oncall-sms", "ChannelType": "SMS",
        "ChannelAddress": _phone(code, where).replace(" ", "")})  # fmt: skip


def cfn_quick_connect(code: str, where: str) -> Build:
    # docs: AWS::Connect::QuickConnect InstanceArn, Name, QuickConnectConfig {QuickConnectType PHONE_NUMBER,
    # PhoneConfig {PhoneNumber ("The phone number in E.164 format")}}: an agent transfers the caller there.
    return _one("claims-escalation", "AWS::Connect::QuickConnect", {
        "InstanceArn": {"Fn::Sub": _INSTANCE}, "Name": "claims-escalation",
        "QuickConnectConfig": {"QuickConnectType": "PHONE_NUMBER",
                               "PhoneConfig": {"PhoneNumber": _phone(code, where).replace(" ", "")}}})  # fmt: skip


def _flow(code: str, where: str) -> str:
    # The flow language: a TransferParticipantToThirdParty action's ThirdPartyPhoneNumber ("A phone number, in e.164
    # format, of the external number to which to transfer the contact").
    return json.dumps({"Version": "2019-10-30", "StartAction": "transfer", "Actions": [
        {"Identifier": "transfer", "Type": "TransferParticipantToThirdParty",
         "Parameters": {"ThirdPartyPhoneNumber": _phone(code, where).replace(" ", ""),
                        "ThirdPartyConnectionTimeLimitSeconds": "30"},
         "Transitions": {"NextAction": "end", "Errors": [{"NextAction": "end", "ErrorType": "NoMatchingError"}]}},
        {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]})  # fmt: skip


def cfn_contact_flow(code: str, where: str) -> Build:
    # docs: AWS::Connect::ContactFlow InstanceArn, Name, Type CONTACT_FLOW, Content ("The content of the flow").
    return _one("claims-after-hours", "AWS::Connect::ContactFlow", {
        "InstanceArn": {"Fn::Sub": _INSTANCE}, "Name": "claims-after-hours", "Type": "CONTACT_FLOW",
        "Content": _flow(code, where)})  # fmt: skip


def cfn_contact_flow_module(code: str, where: str) -> Build:
    # docs: AWS::Connect::ContactFlowModule InstanceArn, Name, Content ("The content of the flow module").
    return _one(
        "claims-transfer-module",
        "AWS::Connect::ContactFlowModule",
        {"InstanceArn": {"Fn::Sub": _INSTANCE}, "Name": "claims-transfer", "Content": _flow(code, where)},
    )


PHONES: dict[str, Program] = {
    "cfn-contact-channel-sms": cfn_contact_channel_sms,
    "cfn-connect-quick-connect": cfn_quick_connect,
    "cfn-connect-contact-flow": cfn_contact_flow,
    "cfn-connect-flow-module": cfn_contact_flow_module,
}
"""A number called or texted: ``home`` (the market's country) passes, ``abroad`` RES-022 (EU, DE, US, JP: Incident
Manager and Amazon Connect are not offered in the China Regions)."""


def cfn_contact_channel_email(code: str, variant: str) -> Build:
    # docs: AWS::SSMContacts::ContactChannel ChannelType EMAIL, ChannelAddress (the mailbox the engagement is sent to).
    return _one("claims-oncall-mail", "AWS::SSMContacts::ContactChannel", {
        "ContactId": {"Fn::Sub": _CONTACT}, "ChannelName": "oncall-mail", "ChannelType": "EMAIL",
        "ChannelAddress": f"oncall@{PARTNER}"})  # fmt: skip


def cfn_mail_replace_recipient(code: str, variant: str) -> Build:
    # docs: AWS::SES::MailManagerRuleSet RuleSetName, Rules [{Name, Conditions, Actions [{ReplaceRecipient
    # {ReplaceWith ("This action replaces the email envelope recipients with the given list of recipients")}}]}]:
    # the stack's inbound mail is delivered there instead.
    return _one(
        "claims-inbound",
        "AWS::SES::MailManagerRuleSet",
        {
            "RuleSetName": "claims-inbound",
            "Rules": [
                {"Name": "forward-claims", "Actions": [{"ReplaceRecipient": {"ReplaceWith": [f"claims@{PARTNER}"]}}]}
            ],
        },
    )


MAILBOXES: dict[str, Program] = {
    "cfn-contact-channel-email": cfn_contact_channel_email,
    "cfn-mail-replace-recipient": cfn_mail_replace_recipient,
}
"""A mailbox written to: ``partner`` RES-015, ``partner-declared`` (its domain) passes (EU, DE, US, JP)."""
MAIL_DECLARED: dict[str, Any] = {
    "id": "claims-partner", "kind": "resident", "match": PARTNER,
    "evidence": "the partner's mail service in the home market (DPA-58)",
}  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = [
        (
            f"awsred58-{code.lower()}-{kind}-{variant}",
            code,
            make(code, variant),
            {"RES-015"} if variant == "partner" else set(),
            [
                {
                    "id": "claims-partner",
                    "kind": "resident",
                    "match": match,
                    "evidence": "the partner's data centre in the home market (DPA-58, site audit 2026-11)",
                }
            ]
            if variant == "partner-declared"
            else [],
        )
        for kind, (make, codes, match) in KINDS.items()
        for code in codes
        for variant in ("home", "partner", "partner-declared")
    ]
    out += [
        (
            f"awsred58-{code.lower()}-{kind}-{who}",
            code,
            make(code, who),
            {"RES-023"} if who == "partner" and code != "CN" else set(),
            [ACCOUNT_DECLARED] if who == "partner-declared" else [],
        )
        for kind, (make, codes) in ACCOUNTS.items()
        for code in codes
        for who in ("own", "partner", "partner-declared")
    ]
    out += [
        (
            f"awsred58-{code.lower()}-{kind}-{where}",
            code,
            make(code, where),
            {"RES-022"} if where == "abroad" else set(),
            [],
        )
        for kind, make in PHONES.items()
        for code in NO_CN
        for where in ("home", "abroad")
    ]
    out += [
        (f"awsred58-{code.lower()}-{kind}-{variant}", code, make(code, variant),
         {"RES-015"} if variant == "partner" else set(),
         [MAIL_DECLARED] if variant == "partner-declared" else [])
        for kind, make in MAILBOXES.items()
        for code in NO_CN
        for variant in ("partner", "partner-declared")
    ]  # fmt: skip
    return out
