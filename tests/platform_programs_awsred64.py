"""AWS red team, round 41 (stop 64): a sweep of pulumi-aws v7 resources no round had probed, by what they move:
DataZone environments and environment profiles made in another account, OpenSearch Ingestion pipeline endpoints into
another account's pipeline, CloudWatch RUM metric destinations, and a RUM app monitor's page filters.

Found by listing pulumi-aws 7.51.1's resource types no table module or catalogue entry named (about 890 of 1,747), then
probing through ``RuleEngine`` (one-value subjects, Pulumi and CloudFormation, EU / US / CN) each input of the types
that replicate, export, deliver, subscribe, peer, share or stream; then written here as the programs a platform team
writes, each beside its ``cloudformation.Stack`` twin. Reproduced on the unchanged engine (main 644efda6); the counts
are in docs/residency.md, *AWS red team, round 41 (stop 64)*:

- A DataZone environment made in a partner's account (``account_identifier``; CreateEnvironment
  ``environmentAccountIdentifier`` "The ID of the account in which the environment is being created") and an
  environment profile naming one (``aws_account_id``) **passed every door**, Pulumi and template
  (``EnvironmentAccountIdentifier`` / ``AwsAccountId``): the environment's data lake resources, holding what the
  project publishes and subscribes to, are made in that account. The Region beside it was judged already (RES-009).
- An OpenSearch Ingestion pipeline endpoint into a partner's pipeline (``pipeline_arn``: "Pipeline endpoints allow you
  to ingest data from your VPC into pipelines that you have access to") **passed every door**, Pulumi and template.
- A CloudWatch RUM metrics destination in a partner's Evidently experiment (``destination_arn``) **passed every door**,
  Pulumi and template (``AppMonitorConfiguration.MetricDestinations[].DestinationArn``).
- A RUM app monitor listing the team's own pages (``included_pages`` / ``excluded_pages`` / ``favorite_pages``: pages
  of the web application the RUM client runs in, whose data goes to the monitor's Region) was RES-015 (a **false
  alarm**), Pulumi and template; the monitor's ``domain`` passed.

Pinned alike (already right): a RUM app monitor's Cognito identity pool in a Region abroad (RES-009). DataZone,
OpenSearch Ingestion and CloudWatch RUM in the China Regions were not confirmed from a page: no CN program (the shapes
are the same; an aws-cn account passes in CN by partition). CloudWatch Evidently's end of support (announced for
October 2025) was not confirmed here: the RUM destination is written as the provider and CloudFormation still take it.

Ids ``awsred64-<code>-<kind>-<variant>``: ``own`` / ``home`` (compliant), ``partner`` (refused, RES-023),
``partner-declared`` (the partner's account declared: passes), ``abroad`` (refused). tests/test_realistic_programs.py
runs them as CASES (``awsred64-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD as ABROAD
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, SUBNETS, Build, Program, Row, account_rows, partition, trust_policy
from platform_programs_awsred51 import _stack
from platform_programs_awsred58 import ACCOUNT_DECLARED, PARTNER_ACCOUNT

DOMAIN = "dzd_4p9n6sw4qt9xgn"
"""The team's DataZone domain (made by the data platform's stack), as the template programs name it."""
PROJECT = "prj_5w7kbk0qx4u9lj"
"""The analytics project of that domain."""
DATA_LAKE_BLUEPRINT = "d6y5smpdi8x9lz"
"""The id of DataZone's managed ``DefaultDataLake`` blueprint in the domain (an id the service gives; illustrative)."""
WEB = {"EU": "claims.example.eu", "US": "claims.example.com"}
"""The team's claims web application, whose browsers run the RUM web client."""


def _account(who: str) -> str:
    return OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT


def _cfn_account(who: str) -> Any:
    """The account as a template writes it: the stack's own by ``AWS::AccountId``, a partner's written out."""
    return {"Ref": "AWS::AccountId"} if who == "own" else PARTNER_ACCOUNT


def _arn(code: str, who: str, service: str, resource: str) -> str:
    return f"arn:{partition(code)}:{service}:{HOME[code]}:{_account(who)}:{resource}"


def _cfn_arn(code: str, who: str, service: str, resource: str) -> Any:
    if who == "own":
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}
    return _arn(code, who, service, resource)


# -- DataZone environments and environment profiles in an account ------------------------------------------------------


def _datazone_project(c: Any) -> tuple[aws.datazone.Domain, aws.datazone.Project]:
    # docs: datazone/domain (name, domain_execution_role: a role DataZone assumes, trusted by datazone.amazonaws.com),
    # datazone/project (domain_identifier, name).
    role = aws.iam.Role("claims-datazone-exec", assume_role_policy=trust_policy("datazone.amazonaws.com"), opts=c.aws)
    domain = aws.datazone.Domain("claims-data", name="claims-data", domain_execution_role=role.arn, opts=c.aws)
    project = aws.datazone.Project("claims-analytics", domain_identifier=domain.id, name="claims-analytics",
                                   opts=c.aws)  # fmt: skip
    return domain, project


def pulumi_datazone_environment(code: str, who: str) -> Build:
    # docs: datazone/environment (account_identifier "The ID of the Amazon Web Services account where the environment
    # exists", account_region, profile_identifier, project_identifier, domain_identifier); DataZone API
    # CreateEnvironment `environmentAccountIdentifier` "The ID of the account in which the environment is being
    # created". ``partner``: an analytics partner's account.
    def build(c: Any) -> object:
        domain, project = _datazone_project(c)
        profile = aws.datazone.EnvironmentProfile("claims-lake", name="claims-lake", domain_identifier=domain.id,
            project_identifier=project.id, environment_blueprint_identifier=DATA_LAKE_BLUEPRINT,
            aws_account_id=OWN_ACCOUNT, aws_account_region=HOME[code], opts=c.aws)  # fmt: skip
        return aws.datazone.Environment("claims-lake-env", name="claims-lake-env", domain_identifier=domain.id,
            project_identifier=project.id, profile_identifier=profile.id, account_identifier=_account(who),
            account_region=HOME[code], opts=c.aws)  # fmt: skip

    return build


def cfn_datazone_environment(code: str, who: str) -> Build:
    # docs: AWS::DataZone::Environment DomainIdentifier, ProjectIdentifier, EnvironmentProfileIdentifier,
    # EnvironmentAccountIdentifier ("The identifier of the AWS account in which an environment exists"),
    # EnvironmentAccountRegion.
    return _stack("claims-lake-env", {"Environment": {"Type": "AWS::DataZone::Environment", "Properties": {
        "DomainIdentifier": DOMAIN, "ProjectIdentifier": PROJECT, "Name": "claims-lake-env",
        "EnvironmentProfileIdentifier": "ep_8a1b2c3d4e5f6g", "EnvironmentAccountIdentifier": _cfn_account(who),
        "EnvironmentAccountRegion": {"Ref": "AWS::Region"}}}})  # fmt: skip


def pulumi_datazone_profile(code: str, who: str) -> Build:
    # docs: datazone/environmentprofile (aws_account_id, aws_account_region, environment_blueprint_identifier,
    # project_identifier); CreateEnvironmentProfile `awsAccountId` "The Amazon Web Services account in which the Amazon
    # DataZone environment is created".
    def build(c: Any) -> object:
        domain, project = _datazone_project(c)
        return aws.datazone.EnvironmentProfile("claims-lake", name="claims-lake", domain_identifier=domain.id,
            project_identifier=project.id, environment_blueprint_identifier=DATA_LAKE_BLUEPRINT,
            aws_account_id=_account(who), aws_account_region=HOME[code], opts=c.aws)  # fmt: skip

    return build


def cfn_datazone_profile(code: str, who: str) -> Build:
    # docs: AWS::DataZone::EnvironmentProfile AwsAccountId, AwsAccountRegion, DomainIdentifier,
    # EnvironmentBlueprintIdentifier, ProjectIdentifier, Name.
    return _stack("claims-lake-profile", {"Profile": {"Type": "AWS::DataZone::EnvironmentProfile", "Properties": {
        "Name": "claims-lake", "DomainIdentifier": DOMAIN, "ProjectIdentifier": PROJECT,
        "EnvironmentBlueprintIdentifier": DATA_LAKE_BLUEPRINT, "AwsAccountId": _cfn_account(who),
        "AwsAccountRegion": {"Ref": "AWS::Region"}}}})  # fmt: skip


# -- OpenSearch Ingestion pipeline endpoints ---------------------------------------------------------------------------


def pulumi_osis_endpoint(code: str, who: str) -> Build:
    # docs: opensearchingest/pipelineendpoint (pipeline_arn, vpc_options.subnet_ids / security_group_ids); OpenSearch
    # Service API CreatePipelineEndpoint ("Pipeline endpoints allow you to ingest data from your VPC into pipelines that
    # you have access to"). The application's Fluent Bit in the VPC sends its logs through the endpoint.
    def build(c: Any) -> object:
        sg = aws.ec2.SecurityGroup("claims-ingest", vpc_id="vpc-0a1b2c3d4e5f60718", opts=c.aws)
        return aws.opensearchingest.PipelineEndpoint("claims-ingest",
            pipeline_arn=_arn(code, who, "osis", "pipeline/claims-logs"),
            vpc_options={"subnet_ids": SUBNETS, "security_group_ids": [sg.id]}, opts=c.aws)  # fmt: skip

    return build


def cfn_osis_endpoint(code: str, who: str) -> Build:
    # docs: AWS::OSIS::PipelineEndpoint PipelineArn, VpcOptions (SubnetIds, SecurityGroupIds).
    return _stack("claims-ingest", {"Endpoint": {"Type": "AWS::OSIS::PipelineEndpoint", "Properties": {
        "PipelineArn": _cfn_arn(code, who, "osis", "pipeline/claims-logs"),
        "VpcOptions": {"SubnetIds": SUBNETS, "SecurityGroupIds": ["sg-0a1b2c3d4e5f60718"]}}}})  # fmt: skip


# -- CloudWatch RUM: metric destinations and page filters --------------------------------------------------------------


def _monitor_configuration(code: str) -> aws.rum.AppMonitorAppMonitorConfigurationArgsDict:
    # docs: rum/appmonitor app_monitor_configuration (allow_cookies, session_sample_rate, telemetries,
    # included_pages "If this app monitor is to collect data from only certain pages in your application, this
    # structure lists those pages"; "You can't include both ExcludedPages and IncludedPages in the same operation"),
    # favorite_pages (shown with a "favorite" icon in the console).
    return {"allow_cookies": True, "session_sample_rate": 0.1, "telemetries": ["errors", "performance", "http"],
            "included_pages": [f"https://{WEB[code]}/claims/*"],
            "favorite_pages": [f"https://{WEB[code]}/claims/new"]}  # fmt: skip


def pulumi_rum_pages(code: str, where: str) -> Build:
    # ``abroad``: the RUM web client's Cognito identity pool in another Region (its users' credentials there).
    def build(c: Any) -> object:
        config = _monitor_configuration(code)
        if where == "abroad":
            config["identity_pool_id"] = f"{ABROAD[code]}:0a1b2c3d-1111-2222-3333-444455556666"
        return aws.rum.AppMonitor("claims-web", name="claims-web", domain=WEB[code], cw_log_enabled=True,
                                  app_monitor_configuration=config, opts=c.aws)  # fmt: skip

    return build


def cfn_rum_pages(code: str, where: str) -> Build:
    # docs: AWS::RUM::AppMonitor Name, Domain, CwLogEnabled, AppMonitorConfiguration (ExcludedPages "A list of URLs in
    # your website or application to exclude from RUM data collection", FavoritePages).
    config = {"AllowCookies": True, "SessionSampleRate": 0.1, "Telemetries": ["errors", "performance", "http"],
              "ExcludedPages": [f"https://{WEB[code]}/claims/admin", f"https://{WEB[code]}/claims/admin/*"],
              "FavoritePages": [f"https://{WEB[code]}/claims/new"]}  # fmt: skip
    return _stack("claims-web", {"Monitor": {"Type": "AWS::RUM::AppMonitor", "Properties": {
        "Name": "claims-web", "Domain": WEB[code], "CwLogEnabled": True,
        "AppMonitorConfiguration": config}}})  # fmt: skip


def pulumi_rum_destination(code: str, who: str) -> Build:
    # docs: rum/metricsdestination (app_monitor_name, destination "CloudWatch" / "Evidently", destination_arn "the ARN
    # of the Evidently experiment that will receive the extended metrics", iam_role_arn); RUM API
    # PutRumMetricsDestination.
    def build(c: Any) -> object:
        monitor = aws.rum.AppMonitor("claims-web", name="claims-web", domain=WEB[code],
                                     app_monitor_configuration=_monitor_configuration(code), opts=c.aws)  # fmt: skip
        role = aws.iam.Role("claims-rum-evidently", assume_role_policy=trust_policy("rum.amazonaws.com"), opts=c.aws)
        return aws.rum.MetricsDestination("claims-web-metrics", app_monitor_name=monitor.name, destination="Evidently",
            destination_arn=_arn(code, who, "evidently", "project/claims-web/experiment/new-claim-form"),
            iam_role_arn=role.arn, opts=c.aws)  # fmt: skip

    return build


def cfn_rum_destination(code: str, who: str) -> Build:
    # docs: AWS::RUM::AppMonitor AppMonitorConfiguration.MetricDestinations[] (Destination, DestinationArn, IamRoleArn,
    # MetricDefinitions).
    destination = {"Destination": "Evidently", "IamRoleArn": {"Fn::GetAtt": ["EvidentlyRole", "Arn"]},
                   "DestinationArn": _cfn_arn(code, who, "evidently", "project/claims-web/experiment/new-claim-form"),
                   "MetricDefinitions": [{"Name": "PerformanceNavigationDuration"}]}  # fmt: skip
    return _stack("claims-web", {
        "EvidentlyRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "rum.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
        "Monitor": {"Type": "AWS::RUM::AppMonitor", "Properties": {
            "Name": "claims-web", "Domain": WEB[code],
            "AppMonitorConfiguration": {"SessionSampleRate": 0.1, "Telemetries": ["errors"],
                                        "MetricDestinations": [destination]}}},
    })  # fmt: skip


ACCOUNTS: dict[str, tuple[Program, tuple[str, ...]]] = {
    "pulumi-datazone-environment": (pulumi_datazone_environment, ("EU", "US")),
    "cfn-datazone-environment": (cfn_datazone_environment, ("EU", "US")),
    "pulumi-datazone-profile": (pulumi_datazone_profile, ("EU", "US")),
    "cfn-datazone-profile": (cfn_datazone_profile, ("EU",)),
    "pulumi-osis-endpoint": (pulumi_osis_endpoint, ("EU", "US")),
    "cfn-osis-endpoint": (cfn_osis_endpoint, ("EU",)),
    "pulumi-rum-metrics-destination": (pulumi_rum_destination, ("EU",)),
    "cfn-rum-metrics-destination": (cfn_rum_destination, ("EU",)),
}
"""``own`` (passes) / ``partner`` (RES-023) / ``partner-declared`` (passes)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind, (make, codes) in ACCOUNTS.items():
        out += account_rows("awsred64", {kind: make}, codes, ACCOUNT_DECLARED)
    out += [(f"awsred64-{code.lower()}-{kind}-home", code, make(code, "home"), set(), [])
            for kind, make in (("pulumi-rum-app-monitor-pages", pulumi_rum_pages),
                               ("cfn-rum-app-monitor-pages", cfn_rum_pages))
            for code in ("EU", "US")]  # fmt: skip
    abroad = pulumi_rum_pages("EU", "abroad")
    out += [("awsred64-eu-pulumi-rum-app-monitor-pages-abroad", "EU", abroad, {"RES-009"}, [])]
    return out
