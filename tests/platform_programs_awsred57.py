"""AWS red team, round 32 (stop 57): template twins of destination fields, a DataSync bucket, a budget's e-mail.

Reproduced on the unchanged engine (main 44bcf26a), one resource in a ``cloudformation.Stack`` each (EU / DE / US /
JP / CN, provider pinned to the team's account), **passing every door** while its Pulumi twin is RES-015 (a
``destination_fields`` entry: a host, address or mailbox the resource sends to, proven only when something places
it, else declared): an ``AWS::VpcLattice::ResourceConfiguration``'s ``DnsResource.DomainName`` and ``IpResource``, an
``AWS::EC2::CustomerGateway``'s ``IpAddress``, an ``AWS::EC2::TransitGatewayConnectPeer``'s
``ConnectPeerConfiguration.PeerAddress`` and an ``AWS::NetworkManager::ConnectPeer``'s ``PeerAddress`` (a public
address), an ``AWS::Route53Resolver::FirewallRuleGroup`` rule's ``BlockOverrideDomain``, API Gateway stage variables
(``AWS::ApiGateway::Stage`` ``Variables``, an ``AWS::ApiGateway::Deployment``'s ``StageDescription.Variables``,
``AWS::ApiGatewayV2::Stage`` ``StageVariables``), an ``AWS::S3::Bucket``'s website redirect ``HostName``, an
``AWS::AmazonMQ::Broker``'s ``LdapServerMetadata.Hosts``, an ``AWS::QuickSight::VPCConnection``'s ``DnsResolvers``, an
``AWS::ServiceDiscovery::Instance``'s ``InstanceAttributes``, an ``AWS::MSK::Replicator``'s Apache Kafka cluster's
``BootstrapBrokerString``, and the mailboxes of an ``AWS::Organizations::Account`` (``Email``), an
``AWS::NotificationsContacts::EmailContact``, an ``AWS::Shield::ProactiveEngagement`` emergency contact, an
``AWS::Connect::User`` (``IdentityInfo.Email``) and an ``AWS::Budgets::Budget`` e-mail subscriber (the template's
budget subscribers were read as SNS topics only). **Refused, a false alarm**: an
``AWS::DataSync::LocationObjectStorage`` on a MinIO server at a private address (``BucketName`` judged as an S3
bucket, RES-017; the Pulumi twin passes: ``server_buckets``).

On main's catalogue the table's every-door test: 107 failed / 243 passed (95 leaks: every ``partner`` program of the
19 template kinds; 12 false alarms: the DataSync kind's three variants outside CN).

Now: ``stack_templates`` ``resources`` maps each property to the Pulumi input of the same API call (one judgement);
a budget's subscriber is the budget action's ``subscribers[].address`` (an SNS topic's account as before, an e-mail
address's domain as the Pulumi budget's ``subscriber_email_addresses``).

Ids ``awsred57-<code>-<kind>-<variant>``: ``home`` (a private address of the VPC, the Region's RDS / internal ELB
host, the template's own API or bucket: passes), ``partner`` (a partner's host, public address or mailbox: RES-015),
``partner-declared`` (the partner declared ``kind: resident``: passes). Mailbox kinds have no ``home`` (an address
names no place: every mailbox is refused until its domain is declared). ``pulumi-*`` kinds are the Pulumi twins of
the first five kinds, judged alike. tests/test_realistic_programs.py runs them as CASES (``awsred57-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, dns_suffix, partition

# The same accounts and template helpers as rounds 23 to 31 (one fact, one place).
from platform_programs_awsred51 import CODES, _role
from platform_programs_awsred55 import _one

PARTNER = "partner-analytics.com"
"""The partner's domain abroad: its hosts and mailboxes are the offending twins' destinations."""
PARTNER_IP = "203.0.113.25"
"""A public address of the partner's (a VPN device, an SD-WAN appliance, a database behind a public address)."""
PRIVATE_IP = {"server": "10.20.1.15", "gateway": "10.30.0.1", "peer": "10.20.9.10", "ldap": "10.20.3.10",
              "resolver": "10.20.0.2"}  # fmt: skip
"""Addresses inside the VPC's private ranges (or reached over Direct Connect): the compliant twins'."""
PHONE = {"EU": "+353 1 555 0100", "DE": "+49 30 5550100", "US": "+1 206 555 0100", "JP": "+81 3 5550 0100",
         "CN": "+86 10 5550 0100"}  # fmt: skip
"""The security team's telephone in the market's country (so only the mailbox is judged)."""


def _host(code: str, kind: str) -> str:
    """A host of the jurisdiction's Region: an Aurora cluster's or an internal load balancer's DNS name."""
    region, suffix = HOME[code], dns_suffix(code)
    if kind == "rds":
        return f"claims.cluster-c1a2b3d4e5f6.{region}.rds.{suffix}"
    return f"internal-claims-api-1234567890.{region}.elb.{suffix}"


def _pick(variant: str, home: Any, partner: Any) -> Any:
    return home if variant == "home" else partner


def _agent(code: str) -> str:
    return f"arn:{partition(code)}:datasync:{HOME[code]}:{OWN_ACCOUNT}:agent/agent-0b0addbeef44baca3"


# -- template kinds: a host, address or mailbox the resource sends to -----------------------------------------------


def lattice_dns(code: str, variant: str) -> Build:
    # docs: AWS::VpcLattice::ResourceConfiguration ResourceConfigurationDefinition {ArnResource, DnsResource
    # {DomainName, IpAddressType}, IpResource}: "Domain name - Any domain name that is publicly resolvable"; the
    # resource gateway sends the consumers' traffic there.
    domain = _pick(variant, _host(code, "rds"), f"db.{PARTNER}")
    return _one("claims-db-share", "AWS::VpcLattice::ResourceConfiguration", {
        "Name": "claims-db", "ResourceConfigurationType": "SINGLE", "ProtocolType": "TCP", "PortRanges": ["5432"],
        "ResourceGatewayId": "rgw-0a1b2c3d4e5f60718",
        "ResourceConfigurationDefinition": {"DnsResource": {"DomainName": domain,
                                                            "IpAddressType": "IPV4"}}})  # fmt: skip


def lattice_ip(code: str, variant: str) -> Build:
    # docs: ResourceConfigurationDefinition IpResource ("The IP address of the resource configuration"; "IP address -
    # For IPv4 and IPv6, only IP addresses in the VPC are supported").
    return _one("claims-db-share", "AWS::VpcLattice::ResourceConfiguration", {
        "Name": "claims-db", "ResourceConfigurationType": "SINGLE", "ProtocolType": "TCP", "PortRanges": ["5432"],
        "ResourceGatewayId": "rgw-0a1b2c3d4e5f60718",
        "ResourceConfigurationDefinition": {
            "IpResource": _pick(variant, PRIVATE_IP["server"], PARTNER_IP)}})  # fmt: skip


def datasync_object_storage(code: str, variant: str) -> Build:
    # docs: AWS::DataSync::LocationObjectStorage AgentArns, ServerHostname ("the domain name or IP address of the
    # object storage server"), ServerProtocol, ServerPort, BucketName ("the name of the object storage bucket involved
    # in the transfer"), Subdirectory: a MinIO server on premises, not S3.
    server = _pick(variant, PRIVATE_IP["server"], f"objects.{PARTNER}")
    return _one("claims-archive-source", "AWS::DataSync::LocationObjectStorage", {
        "AgentArns": [_agent(code)], "ServerHostname": server, "ServerProtocol": "HTTPS", "ServerPort": 443,
        "BucketName": "claims-archive", "Subdirectory": "/2026/"})  # fmt: skip


def customer_gateway(code: str, variant: str) -> Build:
    # docs: AWS::EC2::CustomerGateway BgpAsn, IpAddress ("The IP address for the customer gateway device's outside
    # interface"; a private address for a private IP VPN over Direct Connect), Type ipsec.1.
    return _one("plant-vpn", "AWS::EC2::CustomerGateway", {
        "BgpAsn": 65010, "IpAddress": _pick(variant, PRIVATE_IP["gateway"], PARTNER_IP), "Type": "ipsec.1",
        "DeviceName": "plant-edge-01"})  # fmt: skip


def tgw_connect_peer(code: str, variant: str) -> Build:
    # docs: AWS::EC2::TransitGatewayConnectPeer TransitGatewayAttachmentId, ConnectPeerConfiguration {PeerAddress ("The
    # peer IP address (GRE outer IP address) on the appliance side"), InsideCidrBlocks, BgpConfigurations}.
    return _one("sdwan-peer", "AWS::EC2::TransitGatewayConnectPeer", {
        "TransitGatewayAttachmentId": "tgw-attach-0a1b2c3d4e5f60718",
        "ConnectPeerConfiguration": {"PeerAddress": _pick(variant, PRIVATE_IP["peer"], PARTNER_IP),
                                     "InsideCidrBlocks": ["169.254.6.0/29"],
                                     "BgpConfigurations": [{"PeerAsn": 64512}]}})  # fmt: skip


def network_manager_connect_peer(code: str, variant: str) -> Build:
    # docs: AWS::NetworkManager::ConnectPeer ConnectAttachmentId, PeerAddress ("The IP address of the Connect peer"),
    # InsideCidrBlocks, BgpOptions {PeerAsn}: the Cloud WAN twin of a Transit Gateway Connect peer.
    return _one("sdwan-peer", "AWS::NetworkManager::ConnectPeer", {
        "ConnectAttachmentId": "attachment-0a1b2c3d4e5f60718",
        "PeerAddress": _pick(variant, PRIVATE_IP["peer"], PARTNER_IP), "InsideCidrBlocks": ["169.254.10.0/29"],
        "BgpOptions": {"PeerAsn": 64512}})  # fmt: skip


def firewall_override(code: str, variant: str) -> Build:
    # docs: AWS::Route53Resolver::FirewallRuleGroup FirewallRules [{FirewallDomainListId, Priority, Action BLOCK,
    # BlockResponse OVERRIDE, BlockOverrideDomain ("The custom DNS record to send back in response to the query"),
    # BlockOverrideDnsType CNAME, BlockOverrideTtl}]: the VPC's clients are sent there instead.
    domain = _pick(variant, _host(code, "elb"), f"blocked.{PARTNER}")
    return _one("dns-firewall", "AWS::Route53Resolver::FirewallRuleGroup", {"Name": "block-malware", "FirewallRules": [{
        "FirewallDomainListId": "rslvr-fdl-0a1b2c3d4e5f6071", "Priority": 100, "Action": "BLOCK",
        "BlockResponse": "OVERRIDE", "BlockOverrideDomain": domain, "BlockOverrideDnsType": "CNAME",
        "BlockOverrideTtl": 60}]})  # fmt: skip


def _api() -> dict[str, Any]:
    return {"Type": "AWS::ApiGateway::RestApi", "Properties": {
        "Name": "claims", "EndpointConfiguration": {"Types": ["REGIONAL"]}}}  # fmt: skip


def stage_variables(code: str, variant: str) -> Build:
    # docs: AWS::ApiGateway::Stage RestApiId, DeploymentId, StageName, Variables ("A map (string-to-string map) that
    # defines the stage variables ... Variable values can include alphanumeric characters ... and URL characters");
    # an HTTP integration's uri `http://${stageVariables.backend}/claims` takes its backend from it.
    backend = _pick(variant, _host(code, "elb"), f"api.{PARTNER}")
    return _one("claims-api-stage", "AWS::ApiGateway::Stage", {
        "RestApiId": {"Ref": "Api"}, "DeploymentId": "d1a2b3", "StageName": "prod",
        "Variables": {"backend": backend, "lambdaAlias": "live"}}, Api=_api())  # fmt: skip


def deployment_variables(code: str, variant: str) -> Build:
    # docs: AWS::ApiGateway::Deployment RestApiId, StageName, StageDescription ("The description of the Stage resource
    # for the Deployment resource to create": Variables, CanarySetting {PercentTraffic, StageVariableOverrides}).
    backend = _pick(variant, _host(code, "elb"), f"api.{PARTNER}")
    return _one("claims-api-deployment", "AWS::ApiGateway::Deployment", {
        "RestApiId": {"Ref": "Api"}, "StageName": "prod",
        "StageDescription": {"Variables": {"backend": _host(code, "elb")},
                             "CanarySetting": {"PercentTraffic": 10, "StageVariableOverrides": {"backend": backend}}}},
        Api=_api())  # fmt: skip


def http_stage_variables(code: str, variant: str) -> Build:
    # docs: AWS::ApiGatewayV2::Stage ApiId, StageName, StageVariables ("A map that defines the stage variables for a
    # Stage"), AutoDeploy.
    backend = _pick(variant, _host(code, "elb"), f"api.{PARTNER}")
    return _one("claims-http-stage", "AWS::ApiGatewayV2::Stage", {
        "ApiId": {"Ref": "HttpApi"}, "StageName": "prod", "AutoDeploy": True, "StageVariables": {"backend": backend}},
        HttpApi={"Type": "AWS::ApiGatewayV2::Api",
                 "Properties": {"Name": "claims", "ProtocolType": "HTTP"}})  # fmt: skip


def website_redirect(code: str, variant: str) -> Build:
    # docs: AWS::S3::Bucket WebsiteConfiguration {IndexDocument, RoutingRules [{RedirectRule {HostName ("The host
    # name to use in the redirect request"), Protocol}, RoutingRuleCondition {KeyPrefixEquals}}]}: visitors of the
    # old docs path are sent there.
    host = _pick(variant, {"Fn::GetAtt": ["NewDocs", "RegionalDomainName"]}, f"docs.{PARTNER}")
    return _one("claims-docs", "AWS::S3::Bucket", {"WebsiteConfiguration": {
        "IndexDocument": "index.html", "RoutingRules": [{
            "RedirectRule": {"HostName": host, "Protocol": "https"},
            "RoutingRuleCondition": {"KeyPrefixEquals": "docs/"}}]}},
        NewDocs={"Type": "AWS::S3::Bucket", "Properties": {}})  # fmt: skip


def mq_ldap(code: str, variant: str) -> Build:
    # docs: AWS::AmazonMQ::Broker AuthenticationStrategy LDAP, LdapServerMetadata {Hosts ("Specifies the location of
    # the LDAP server such as AWS Directory Service for Microsoft Active Directory"), RoleBase, UserBase,
    # ServiceAccountUsername, ServiceAccountPassword}: each user's name and password is checked there.
    host = _pick(variant, PRIVATE_IP["ldap"], f"ldap.{PARTNER}")
    return _one("claims-broker", "AWS::AmazonMQ::Broker", {
        "BrokerName": "claims", "EngineType": "ACTIVEMQ", "EngineVersion": "5.18", "HostInstanceType": "mq.m5.large",
        "DeploymentMode": "SINGLE_INSTANCE", "PubliclyAccessible": False, "AuthenticationStrategy": "LDAP",
        "Users": [], "SubnetIds": ["subnet-0a1b2c3d4e5f60718"],
        "LdapServerMetadata": {"Hosts": [host], "RoleBase": "ou=groups,dc=fleet", "RoleSearchMatching": "(member={0})",
                               "ServiceAccountUsername": "cn=mq,ou=svc,dc=fleet",
                               "ServiceAccountPassword": "{{resolve:secretsmanager:mq-ldap:SecretString:password}}",
                               "UserBase": "ou=users,dc=fleet", "UserSearchMatching": "(uid={0})"}})  # fmt: skip


def quicksight_resolvers(code: str, variant: str) -> Build:
    # docs: AWS::QuickSight::VPCConnection AwsAccountId, VPCConnectionId, Name, SubnetIds, SecurityGroupIds, RoleArn,
    # DnsResolvers ("A list of IP addresses of DNS resolver endpoints for the VPC connection").
    return _one("bi-vpc", "AWS::QuickSight::VPCConnection", {
        "AwsAccountId": {"Ref": "AWS::AccountId"}, "VPCConnectionId": "claims-vpc", "Name": "claims-vpc",
        "SubnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"], "SecurityGroupIds": ["sg-0a1b2c3d"],
        "RoleArn": {"Fn::GetAtt": ["BiRole", "Arn"]},
        "DnsResolvers": [_pick(variant, PRIVATE_IP["resolver"], PARTNER_IP)]},
        BiRole=_role("quicksight.amazonaws.com"))  # fmt: skip


def cloud_map_instance(code: str, variant: str) -> Build:
    # docs: AWS::ServiceDiscovery::Instance ServiceId, InstanceId, InstanceAttributes (AWS_INSTANCE_IPV4,
    # AWS_INSTANCE_PORT, AWS_INSTANCE_CNAME: the values the service's DNS records answer with).
    attributes = ({"AWS_INSTANCE_IPV4": PRIVATE_IP["server"], "AWS_INSTANCE_PORT": "5432"} if variant == "home"
                  else {"AWS_INSTANCE_CNAME": f"db.{PARTNER}"})  # fmt: skip
    return _one("claims-db-instance", "AWS::ServiceDiscovery::Instance", {
        "ServiceId": "srv-0a1b2c3d4e5f6071", "InstanceId": "claims-db", "InstanceAttributes": attributes})  # fmt: skip


def msk_replicator(code: str, variant: str) -> Build:
    # docs: AWS::MSK::Replicator KafkaClusters [KafkaCluster {AmazonMskCluster {MskClusterArn} | ApacheKafkaCluster
    # {ApacheKafkaClusterId, BootstrapBrokerString ("The bootstrap broker string of the Apache Kafka cluster")},
    # VpcConfig}] (two), ReplicationInfoList, ServiceExecutionRoleArn: the topics are copied between the two.
    brokers = _pick(variant, "10.20.4.11:9092,10.20.4.12:9092", f"kafka-1.{PARTNER}:9092,kafka-2.{PARTNER}:9092")
    cluster = {"Fn::Sub": "arn:${AWS::Partition}:kafka:${AWS::Region}:${AWS::AccountId}:cluster/claims/0a1b2c3d-1"}
    return _one("claims-replicator", "AWS::MSK::Replicator", {
        "ReplicatorName": "claims-to-plant", "ServiceExecutionRoleArn": {"Fn::GetAtt": ["ReplicatorRole", "Arn"]},
        "KafkaClusters": [
            {"AmazonMskCluster": {"MskClusterArn": cluster}, "VpcConfig": {"SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}},
            {"ApacheKafkaCluster": {"ApacheKafkaClusterId": "plant-kafka-01", "BootstrapBrokerString": brokers},
             "VpcConfig": {"SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}}],
        "ReplicationInfoList": [{"SourceKafkaClusterArn": cluster, "TargetKafkaClusterArn": cluster,
                                 "TargetCompressionType": "NONE",
                                 "TopicReplication": {"TopicsToReplicate": ["claims"]},
                                 "ConsumerGroupReplication": {"ConsumerGroupsToReplicate": [".*"]}}]},
        ReplicatorRole=_role("kafka.amazonaws.com"))  # fmt: skip


def lightsail_domain(code: str, variant: str) -> Build:
    # docs: AWS::Lightsail::Domain DomainName, DomainEntries [DomainEntry {Name, Type, Target ("The target IP address
    # (192.0.2.0), or AWS name server"), IsAlias}]: where the name's visitors are sent.
    target = _pick(variant, PRIVATE_IP["server"], f"shop.{PARTNER}")
    return _one("claims-domain", "AWS::Lightsail::Domain", {"DomainName": "claims.fleet-example.net", "DomainEntries": [
        {"Name": "portal.claims.fleet-example.net", "Type": "A" if variant == "home" else "CNAME",
         "Target": target}]})  # fmt: skip


def route53_alias(code: str, variant: str) -> Build:
    # docs: AWS::Route53::RecordSet HostedZoneId, Name, Type, AliasTarget {DNSName ("The value that you specify
    # depends on where you want to route queries"), HostedZoneId, EvaluateTargetHealth}: the template's own load
    # balancer by Fn::GetAtt, or a name written out.
    dns: Any = {"Fn::GetAtt": ["Portal", "DNSName"]} if variant == "home" else f"portal.{PARTNER}"
    zone: Any = {"Fn::GetAtt": ["Portal", "CanonicalHostedZoneID"]} if variant == "home" else "Z2FDTNDATAQYW2"
    return _one("claims-portal-name", "AWS::Route53::RecordSet", {
        "HostedZoneId": "Z0123456789ABCDEFGHIJ", "Name": "portal.claims.fleet-example.net", "Type": "A",
        "AliasTarget": {"DNSName": dns, "HostedZoneId": zone, "EvaluateTargetHealth": False}},
        Portal={"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
            "Type": "application", "Scheme": "internal",
            "Subnets": ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]}})  # fmt: skip


# -- mailboxes: refused until the domain is declared ------------------------------------------------------------------

MAILBOX = f"cloud-ops@{PARTNER}"
"""The managed-service partner's operations mailbox abroad."""


def organizations_account(code: str, variant: str) -> Build:
    # docs: AWS::Organizations::Account AccountName, Email ("The email address of the owner to assign to the new member
    # account"), ParentIds: the root user's mail (password resets, billing) goes there.
    return _one("claims-account", "AWS::Organizations::Account", {
        "AccountName": "claims-prod", "Email": MAILBOX, "ParentIds": ["ou-ab12-34cd56ef"]})  # fmt: skip


def email_contact(code: str, variant: str) -> Build:
    # docs: AWS::NotificationsContacts::EmailContact Name, EmailAddress: a User Notifications delivery channel.
    return _one("ops-contact", "AWS::NotificationsContacts::EmailContact", {
        "Name": "cloud-ops", "EmailAddress": MAILBOX})  # fmt: skip


def shield_engagement(code: str, variant: str) -> Build:
    # docs: AWS::Shield::ProactiveEngagement ProactiveEngagementStatus, EmergencyContactList [{EmailAddress,
    # PhoneNumber, ContactNotes}] ("The list of email addresses and phone numbers that the Shield Response Team (SRT)
    # can use to contact you ... during a suspected attack").
    return _one("ddos-contacts", "AWS::Shield::ProactiveEngagement", {
        "ProactiveEngagementStatus": "ENABLED",
        "EmergencyContactList": [{"EmailAddress": MAILBOX, "PhoneNumber": PHONE[code],
                                  "ContactNotes": "24x7 security operations"}]})  # fmt: skip


def connect_user(code: str, variant: str) -> Build:
    # docs: AWS::Connect::User InstanceArn, Username, IdentityInfo {FirstName, LastName, Email, SecondaryEmail},
    # PhoneConfig, RoutingProfileArn, SecurityProfileArns: Connect mails the agent there.
    instance = {"Fn::Sub": "arn:${AWS::Partition}:connect:${AWS::Region}:${AWS::AccountId}:instance/0a1b2c3d"}
    placeholder = "${Instance}"
    return _one("claims-agent", "AWS::Connect::User", {
        "InstanceArn": instance, "Username": "claims.agent", "PhoneConfig": {"PhoneType": "SOFT_PHONE"},
        "RoutingProfileArn": {"Fn::Sub": [f"{placeholder}/routing-profile/basic", {"Instance": instance}]},
        "SecurityProfileArns": [{"Fn::Sub": [f"{placeholder}/security-profile/agent", {"Instance": instance}]}],
        "IdentityInfo": {"FirstName": "Claims", "LastName": "Agent", "Email": MAILBOX}})  # fmt: skip


def exadata_contact(code: str, variant: str) -> Build:
    # docs: AWS::ODB::CloudExadataInfrastructure DisplayName, Shape, AvailabilityZone, ComputeCount, StorageCount,
    # CustomerContactsToSendToOCI [CustomerContact {Email}] ("A contact to receive notification from Oracle about
    # maintenance updates for a specific Exadata infrastructure").
    return _one("claims-exadata", "AWS::ODB::CloudExadataInfrastructure", {
        "DisplayName": "claims-exadata", "Shape": "Exadata.X11M", "AvailabilityZone": f"{HOME[code]}a",
        "ComputeCount": 2, "StorageCount": 3, "CustomerContactsToSendToOCI": [{"Email": MAILBOX}]})  # fmt: skip


def budget_email(code: str, variant: str) -> Build:
    # docs: AWS::Budgets::Budget Budget, NotificationsWithSubscribers [{Notification, Subscribers [{SubscriptionType
    # SNS | EMAIL, Address ("The address that AWS sends budget notifications to, either an SNS topic or an email")}]}].
    return _one("monthly-budget", "AWS::Budgets::Budget", {
        "Budget": {"BudgetType": "COST", "TimeUnit": "MONTHLY", "BudgetLimit": {"Amount": 5000, "Unit": "USD"}},
        "NotificationsWithSubscribers": [{
            "Notification": {"NotificationType": "ACTUAL", "ComparisonOperator": "GREATER_THAN", "Threshold": 80},
            "Subscribers": [{"SubscriptionType": "SNS", "Address": {"Ref": "CostAlerts"}},
                            {"SubscriptionType": "EMAIL", "Address": MAILBOX}]}]},
        CostAlerts={"Type": "AWS::SNS::Topic", "Properties": {}})  # fmt: skip


# -- pinned: the brief's new resources, each already refused with a partner's host on main (RES-015) ----------------


def _role_of(service: str) -> dict[str, Any]:
    return {"Role": _role(service)}


def _api_url(code: str) -> str:
    """The team's own regional API in the Region (an intake endpoint it runs)."""
    return f"https://a1b2c3d4e5.execute-api.{HOME[code]}.{dns_suffix(code)}/prod/intake"


def transfer_connector(code: str, variant: str) -> Build:
    # docs: AWS::Transfer::Connector Url ("The URL of the partner's AS2 or SFTP endpoint"), AccessRole, SftpConfig
    # {UserSecretId, TrustedHostKeys}: files are sent there.
    url = _pick(variant, f"sftp://s-0a1b2c3d4e5f60718.server.transfer.{HOME[code]}.{dns_suffix(code)}",
                f"sftp://sftp.{PARTNER}")  # fmt: skip
    return _one("claims-sftp-out", "AWS::Transfer::Connector", {
        "Url": url, "AccessRole": {"Fn::GetAtt": ["Role", "Arn"]},
        "SftpConfig": {"UserSecretId": "claims-sftp", "TrustedHostKeys": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA"]}},
        **_role_of("transfer.amazonaws.com"))  # fmt: skip


def api_destination(code: str, variant: str) -> Build:
    # docs: AWS::Events::ApiDestination InvocationEndpoint ("The URL to the HTTP invocation endpoint for the API
    # destination"), HttpMethod, ConnectionArn; AWS::Events::Connection AuthorizationType API_KEY.
    return _one("claims-events-out", "AWS::Events::ApiDestination", {
        "InvocationEndpoint": _pick(variant, _api_url(code), f"https://intake.{PARTNER}/events"), "HttpMethod": "POST",
        "ConnectionArn": {"Fn::GetAtt": ["Conn", "Arn"]}},
        Conn={"Type": "AWS::Events::Connection", "Properties": {"AuthorizationType": "API_KEY", "AuthParameters": {
            "ApiKeyAuthParameters": {"ApiKeyName": "x-api-key",
                                     "ApiKeyValue": "{{resolve:secretsmanager:k}}"}}}})  # fmt: skip


def firehose_http(code: str, variant: str) -> Build:
    # docs: AWS::KinesisFirehose::DeliveryStream HttpEndpointDestinationConfiguration {EndpointConfiguration {Url,
    # Name, AccessKey}, RoleARN, S3BackupMode, S3Configuration}: every record is delivered there.
    url = _pick(variant, _api_url(code), f"https://intake.{PARTNER}/v1/firehose")
    role = {"Fn::GetAtt": ["Role", "Arn"]}
    return _one("claims-stream-out", "AWS::KinesisFirehose::DeliveryStream", {
        "DeliveryStreamType": "DirectPut", "HttpEndpointDestinationConfiguration": {
            "EndpointConfiguration": {"Url": url, "Name": "claims-intake"}, "RoleARN": role,
            "S3BackupMode": "FailedDataOnly",
            "S3Configuration": {"BucketARN": {"Fn::GetAtt": ["Backup", "Arn"]}, "RoleARN": role}}},
        Backup={"Type": "AWS::S3::Bucket", "Properties": {}}, **_role_of("firehose.amazonaws.com"))  # fmt: skip


def bedrock_confluence(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::DataSource DataSourceConfiguration {Type CONFLUENCE, ConfluenceConfiguration
    # {SourceConfiguration {HostUrl ("The Confluence host URL or instance URL"), HostType, AuthType,
    # CredentialsSecretArn}}}: the knowledge base crawls it (and sends the credentials there).
    host = _pick(variant, "https://10.20.5.20", f"https://wiki.{PARTNER}")
    return _one("claims-wiki-source", "AWS::Bedrock::DataSource", {
        "KnowledgeBaseId": "KB12345678", "Name": "claims-wiki", "DataSourceConfiguration": {
            "Type": "CONFLUENCE", "ConfluenceConfiguration": {"SourceConfiguration": {
                "HostUrl": host, "HostType": "SAAS", "AuthType": "BASIC",
                "CredentialsSecretArn": {"Ref": "Secret"}}}}},
        Secret={"Type": "AWS::SecretsManager::Secret", "Properties": {}})  # fmt: skip


def glue_jdbc(code: str, variant: str) -> Build:
    # docs: AWS::Glue::Connection ConnectionInput {ConnectionType JDBC, ConnectionProperties {JDBC_CONNECTION_URL,
    # SECRET_ID}}: Glue jobs read and write the database there.
    host = _pick(variant, _host(code, "rds"), f"db.{PARTNER}")
    return _one("claims-jdbc", "AWS::Glue::Connection", {"CatalogId": {"Ref": "AWS::AccountId"}, "ConnectionInput": {
        "Name": "claims-db", "ConnectionType": "JDBC", "ConnectionProperties": {
            "JDBC_CONNECTION_URL": f"jdbc:postgresql://{host}:5432/claims", "SECRET_ID": "claims-db"}}})  # fmt: skip


def iot_http(code: str, variant: str) -> Build:
    # docs: AWS::IoT::TopicRule TopicRulePayload {Sql, Actions [{Http {Url ("The endpoint URL"), Headers}}]}: each
    # device message is posted there.
    return _one("fleet-telemetry-out", "AWS::IoT::TopicRule", {"TopicRulePayload": {
        "Sql": "SELECT * FROM 'fleet/+/telemetry'", "AwsIotSqlVersion": "2016-03-23",
        "Actions": [{"Http": {"Url": _pick(variant, _api_url(code), f"https://intake.{PARTNER}/iot")}}]}})  # fmt: skip


def msk_connect_jdbc(code: str, variant: str) -> Build:
    # docs: AWS::KafkaConnect::Connector KafkaCluster {ApacheKafkaCluster {BootstrapServers, Vpc}},
    # ConnectorConfiguration (the connector's properties: a JDBC sink's `connection.url`), Plugins, Capacity.
    db = _pick(variant, _host(code, "rds"), f"db.{PARTNER}")
    brokers = f"b-1.claims.abc123.c2.kafka.{HOME[code]}.{dns_suffix(code)}:9098"
    plugin = {"Fn::Sub": "arn:${AWS::Partition}:kafkaconnect:${AWS::Region}:${AWS::AccountId}:custom-plugin/jdbc/1"}
    return _one("claims-sink", "AWS::KafkaConnect::Connector", {
        "ConnectorName": "claims-sink", "KafkaConnectVersion": "2.7.1",
        "Capacity": {"ProvisionedCapacity": {"WorkerCount": 1, "McuCount": 1}},
        "KafkaCluster": {"ApacheKafkaCluster": {"BootstrapServers": brokers, "Vpc": {
            "SecurityGroups": ["sg-0a1b2c3d"], "Subnets": ["subnet-0a1b2c3d4e5f60718"]}}},
        "KafkaClusterClientAuthentication": {"AuthenticationType": "IAM"},
        "KafkaClusterEncryptionInTransit": {"EncryptionType": "TLS"},
        "Plugins": [{"CustomPlugin": {"CustomPluginArn": plugin, "Revision": 1}}],
        "ServiceExecutionRoleArn": {"Fn::GetAtt": ["Role", "Arn"]},
        "ConnectorConfiguration": {"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "topics": "claims",
                                   "connection.url": f"jdbc:postgresql://{db}:5432/claims"}},
        **_role_of("kafkaconnect.amazonaws.com"))  # fmt: skip


def incident_pagerduty(code: str, variant: str) -> Build:
    # docs: AWS::SSMIncidents::ResponsePlan Name, IncidentTemplate {Title, Impact}, Integrations
    # [{PagerDutyConfiguration {Name, SecretId, PagerDutyIncidentConfiguration {ServiceId}}}]: each incident is created
    # in that PagerDuty service too (aws-incident-manager-pagerduty); without an integration the plan stays in the
    # Region.
    props: dict[str, Any] = {"Name": "claims-outage", "IncidentTemplate": {"Title": "Claims API outage", "Impact": 2}}
    if variant != "home":
        props["Integrations"] = [{"PagerDutyConfiguration": {
            "Name": "claims-oncall", "SecretId": "pagerduty-claims",
            "PagerDutyIncidentConfiguration": {"ServiceId": "PCLAIMS1"}}}]  # fmt: skip
    return _one("claims-response-plan", "AWS::SSMIncidents::ResponsePlan", props)


PAGERDUTY = "aws-incident-manager-pagerduty"
"""The global_services entry a response plan's PagerDuty integration is judged by (RES-016 until declared)."""


PINNED = {
    "cfn-transfer-connector": transfer_connector,
    "cfn-events-api-destination": api_destination,
    "cfn-firehose-http-endpoint": firehose_http,
    "cfn-bedrock-confluence-source": bedrock_confluence,
    "cfn-glue-jdbc-connection": glue_jdbc,
    "cfn-iot-rule-http": iot_http,
    "cfn-msk-connect-jdbc-sink": msk_connect_jdbc,
}
"""Kinds pinned (``home`` passes, ``partner`` RES-015), each already refused on main: the probes of this round."""


# -- the Pulumi twins of the first five template kinds ----------------------------------------------------------------


def pulumi_lattice(code: str, variant: str, *, by: str) -> Build:
    # docs: vpclattice/resourceconfiguration (resource_configuration_definition.dns_resource.domain_name,
    # .ip_resource.ip_address).
    dns = {"domain_name": _pick(variant, _host(code, "rds"), f"db.{PARTNER}"), "ip_address_type": "IPV4"}
    address = {"ip_address": _pick(variant, PRIVATE_IP["server"], PARTNER_IP)}
    definition: Any = {"dns_resource": dns} if by == "dns" else {"ip_resource": address}

    def build(c: Any) -> object:
        return aws.vpclattice.ResourceConfiguration("claims-db", name="claims-db", protocol="TCP", port_ranges=["5432"],
                                                    resource_gateway_identifier="rgw-0a1b2c3d4e5f60718",
                                                    resource_configuration_definition=definition,
                                                    opts=c.aws)  # fmt: skip

    return build


def pulumi_datasync(code: str, variant: str) -> Build:
    # docs: datasync/locationobjectstorage (agent_arns, server_hostname, bucket_name, server_protocol).
    def build(c: Any) -> object:
        return aws.datasync.LocationObjectStorage(
            "claims-archive-source", agent_arns=[_agent(code)], server_protocol="HTTPS", server_port=443,
            server_hostname=_pick(variant, PRIVATE_IP["server"], f"objects.{PARTNER}"), bucket_name="claims-archive",
            subdirectory="/2026/", opts=c.aws)  # fmt: skip

    return build


def pulumi_customer_gateway(code: str, variant: str) -> Build:
    # docs: ec2/customergateway (bgp_asn, ip_address, type).
    def build(c: Any) -> object:
        return aws.ec2.CustomerGateway("plant-vpn", bgp_asn="65010", type="ipsec.1", device_name="plant-edge-01",
                                       ip_address=_pick(variant, PRIVATE_IP["gateway"], PARTNER_IP),
                                       opts=c.aws)  # fmt: skip

    return build


def pulumi_connect_peer(code: str, variant: str) -> Build:
    # docs: ec2transitgateway/connectpeer (transit_gateway_attachment_id, peer_address, inside_cidr_blocks, bgp_asn).
    def build(c: Any) -> object:
        return aws.ec2transitgateway.ConnectPeer(
            "sdwan-peer", transit_gateway_attachment_id="tgw-attach-0a1b2c3d4e5f60718",
            peer_address=_pick(variant, PRIVATE_IP["peer"], PARTNER_IP), inside_cidr_blocks=["169.254.6.0/29"],
            bgp_asn="64512", opts=c.aws)  # fmt: skip

    return build


PLACES = {
    "cfn-lattice-dns": lattice_dns,
    "cfn-lattice-ip": lattice_ip,
    "cfn-datasync-object-storage": datasync_object_storage,
    "cfn-customer-gateway": customer_gateway,
    "cfn-tgw-connect-peer": tgw_connect_peer,
    "cfn-cloudwan-connect-peer": network_manager_connect_peer,
    "cfn-dns-firewall-override": firewall_override,
    "cfn-apigw-stage-variables": stage_variables,
    "cfn-apigw-deployment-canary-variables": deployment_variables,
    "cfn-http-api-stage-variables": http_stage_variables,
    "cfn-s3-website-redirect": website_redirect,
    "cfn-mq-ldap": mq_ldap,
    "cfn-quicksight-resolvers": quicksight_resolvers,
    "cfn-cloud-map-instance": cloud_map_instance,
    "cfn-msk-replicator-apache": msk_replicator,
    "cfn-lightsail-domain-entry": lightsail_domain,
    "cfn-route53-alias": route53_alias,
    "pulumi-lattice-dns": lambda code, variant: pulumi_lattice(code, variant, by="dns"),
    "pulumi-lattice-ip": lambda code, variant: pulumi_lattice(code, variant, by="ip"),
    "pulumi-datasync-object-storage": pulumi_datasync,
    "pulumi-customer-gateway": pulumi_customer_gateway,
    "pulumi-tgw-connect-peer": pulumi_connect_peer,
}
"""Kinds naming a place (``home`` passes, ``partner`` RES-015, ``partner-declared`` passes)."""
MAILBOXES = {
    "cfn-organizations-account-email": organizations_account,
    "cfn-notifications-email-contact": email_contact,
    "cfn-shield-emergency-contact": shield_engagement,
    "cfn-connect-user-email": connect_user,
    "cfn-budget-email-subscriber": budget_email,
    "cfn-exadata-customer-contact": exadata_contact,
}
"""Kinds naming a mailbox (``partner`` RES-015, ``partner-declared`` passes)."""


def _declared(kind: str) -> dict[str, Any]:
    """The partner declared by what the kind names: its address, or its domain (a host under it, a mailbox)."""
    match = PARTNER_IP if kind.endswith(("-ip", "-gateway", "-peer", "-resolvers")) else PARTNER
    if kind in ("cfn-lattice-dns", "pulumi-lattice-dns", "cfn-cloud-map-instance"):
        match = f"db.{PARTNER}"
    elif kind.endswith("object-storage"):
        match = f"objects.{PARTNER}"
    elif kind.endswith("-variables"):
        match = f"api.{PARTNER}"
    elif kind == "cfn-dns-firewall-override":
        match = f"blocked.{PARTNER}"
    elif kind == "cfn-s3-website-redirect":
        match = f"docs.{PARTNER}"
    elif kind == "cfn-mq-ldap":
        match = f"ldap.{PARTNER}"
    elif kind == "cfn-lightsail-domain-entry":
        match = f"shop.{PARTNER}"
    elif kind == "cfn-route53-alias":
        match = f"portal.{PARTNER}"
    elif kind == "cfn-msk-replicator-apache":
        match = f"*.{PARTNER}"
    return {"id": "claims-partner", "kind": "resident", "match": match,
            "evidence": "the partner's data centre in the home market (DPA-57, site audit 2026-10)"}  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    kinds: list[tuple[str, Callable[[str, str], Build], tuple[str, ...]]] = [
        (kind, make, ("home", "partner", "partner-declared")) for kind, make in PLACES.items()
    ]
    kinds += [(kind, make, ("partner", "partner-declared")) for kind, make in MAILBOXES.items()]
    kinds += [(kind, make, ("home", "partner")) for kind, make in PINNED.items()]
    places = [
        (f"awsred57-{code.lower()}-{kind}-{variant}", code, make(code, variant),
         {"RES-015"} if variant == "partner" else set(),
         [_declared(kind)] if variant == "partner-declared" else [])
        for kind, make, variants in kinds
        for code in CODES
        for variant in variants
    ]  # fmt: skip
    declared = {"id": "claims-oncall", "kind": "resident", "match": PAGERDUTY,
                "evidence": "PagerDuty EU service region, DPA-57 (incident titles only, no personal data)"}  # fmt: skip
    pagerduty: list[Row] = [
        (f"awsred57-{code.lower()}-cfn-incident-pagerduty-{variant}", code, incident_pagerduty(code, variant),
         {"RES-016"} if variant == "global" else set(), [declared] if variant == "global-declared" else [])
        for code in CODES
        for variant in ("home", "global", "global-declared")
    ]  # fmt: skip
    return places + pagerduty
