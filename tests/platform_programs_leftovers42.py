"""Open items of stop 42 (leftovers42, issue 9): one leak in a parameter list, one false alarm in templates, account
fields with a short UID, and Fluentd configurations.

- **EBS solution instance parameters** (``EBS_SHAPES``, Alibaba Cloud in JP, CN and DE):
  ``alicloud.ebs.SolutionInstance`` takes its creation parameters as ``{parameter_key, parameter_value}`` items (the
  registry's example: ``zoneId`` ``cn-shanghai-l``, ``regionId`` ``cn-shanghai`` for the ``mysql`` solution). They
  were not read by name, so a mainland zone in a JP program and a foreign Region in a CN one passed; since leftovers42
  the list is read as a ROS stack's parameters are (``user_keyed_fields``): ``-own-zone`` passes, ``-foreign-zone``
  RES-008, ``-foreign-region`` RES-009.
- **Match fields in a template's API Body** (``TEMPLATE_SHAPES``, AWS in EU, US, JP, CN): an ``AWS::ApiGatewayV2::Api``
  Body's ``x-amazon-apigateway-cors`` ``allowOrigins`` and an ``AWS::ApiGateway::RestApi`` Body's integration
  ``requestParameters`` are the Pulumi types' ``match_fields`` (patterns compared with requests); in the template they
  were RES-015. Since leftovers42 the template's resource is read with them as with ``text_fields`` (bodies42):
  ``-cfn-http-cors`` and ``-cfn-rest-request-parameters`` pass; ``-cfn-http-cors-partner-uri`` (the same Body also
  sending its requests to a partner's host) stays RES-015.
- **A Cloud Connect grant's CEN account** (``GRANT_SHAPES``, CN and JP): ``cen_uid`` "The ID of the account to which the
  CEN instance belongs". Only 16-digit values were read as accounts; the registry's ``123456789`` passed. Since
  leftovers42 a bare UID of any length there is an account: ``-cen-grant-short-uid`` RES-023;
  ``-cen-grant-own`` (the deploying account, its role assumed by the provider) passes.
- **Fluentd configurations** (``FLUENTD_SHAPES``, AWS in EU, US, JP, CN; ``ALI_FLUENTD_SHAPES``, Alibaba Cloud in CN):
  a ``fluentd.conf`` written by cloud-init, held in an SSM parameter, an SAE ConfigMap or an OSS object. They were free
  text: ``@type datadog`` with only ``api_key`` and a partner's ``hosts`` passed. Since leftovers42 the configuration is
  read as a document: a datadog output without ``host`` is refused by the Fluent Bit entry
  ``firelens-datadog-default-host`` (RES-016; fluent-plugin-datadog's default is the same US1 intake), with ``host`` a
  private address it passes; out_elasticsearch's ``hosts`` of a partner is RES-015.

docs: pulumi-alicloud ebs/solutioninstance (``parameters``), cloudconnect/networkgrant (``cen_uid``); CloudFormation
``AWS::ApiGatewayV2::Api`` / ``AWS::ApiGateway::RestApi`` (``Body``), API Gateway "x-amazon-apigateway-cors object"
and "x-amazon-apigateway-integration.requestParameters"; Fluentd "Config File Syntax"; fluent-plugin-datadog
(out_datadog.rb ``host`` default), fluent-plugin-elasticsearch README (``hosts``); pulumi-aws v7 cloudformation/stack,
ec2/instance, ssm/parameter; pulumi-alicloud sae/configmap, oss/bucketobject.

tests/test_realistic_programs.py runs them as CASES (``leftovers42-*``); docs/residency.md, "EBS solution parameters,
template match fields, short UIDs and Fluentd (stop 42)".
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
import yaml
from platform_parts import OWN_UID, Build
from platform_programs import assuming_role

ALI_REGIONS = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
ALI_ABROAD = {"CN": "ap-northeast-1", "JP": "cn-shanghai", "DE": "cn-shanghai"}
AWS_CODES = ("EU", "US", "JP", "CN")
SUBNET = "subnet-0a1b2c3d4e5f60718"
PARTNER_HOST = "orders.partner.example.com"

EBS_SHAPES = ("ebs-solution-own-zone", "ebs-solution-foreign-zone", "ebs-solution-foreign-region")
TEMPLATE_SHAPES = ("cfn-http-cors", "cfn-rest-request-parameters", "cfn-http-cors-partner-uri")
GRANT_SHAPES = ("cen-grant-own", "cen-grant-short-uid")
FLUENTD_SHAPES = ("ec2-fluentd-datadog-default", "ec2-fluentd-datadog-private-host", "ssm-fluentd-es-partner-hosts")
ALI_FLUENTD_SHAPES = ("sae-fluentd-datadog-default", "oss-fluentd-forward-private")

EXPECTED = {
    "ebs-solution-foreign-zone": {"RES-008"},
    "ebs-solution-foreign-region": {"RES-009"},
    "cfn-http-cors-partner-uri": {"RES-015"},
    "cen-grant-short-uid": {"RES-023"},
    "ec2-fluentd-datadog-default": {"RES-016"},
    "ssm-fluentd-es-partner-hosts": {"RES-015"},
    "sae-fluentd-datadog-default": {"RES-016"},
}


def _zone(region: str) -> str:
    return f"{region}-l" if region.startswith("cn-") else f"{region}a"


def ebs_program(code: str, shape: str) -> Build:
    # docs: ebs/solutioninstance — "Solution Instance Creation Parameters" (parameter_key, parameter_value); the
    # registry's example for the `mysql` solution, with this stack's zone and Region (or another country's).
    region = ALI_REGIONS[code]
    zone = _zone(ALI_ABROAD[code] if shape.endswith("-foreign-zone") else region)
    where = ALI_ABROAD[code] if shape.endswith("-foreign-region") else region

    def build(c: Any) -> object:
        params = {"zoneId": zone, "regionId": where, "ecsType": "ecs.c6.large", "ecsImageId": "CentOS_7",
                  "internetMaxBandwidthOut": "100", "sysDiskType": "cloud_essd", "sysDiskSize": "40",
                  "mysqlVersion": "MySQL80", "mysqlUser": "root"}  # fmt: skip
        return alicloud.ebs.SolutionInstance(
            "fleet-db", solution_instance_name="fleet-db", description="fleet database", solution_id="mysql",
            parameters=[{"parameter_key": k, "parameter_value": v} for k, v in params.items()], opts=c.ali,
        )  # fmt: skip

    return build


def _integration(uri: str) -> dict[str, Any]:
    return {"/orders": {"get": {"responses": {"200": {"description": "orders"}}, "x-amazon-apigateway-integration": {
        "type": "http_proxy", "httpMethod": "GET", "uri": uri, "payloadFormatVersion": "1.0"}}}}  # fmt: skip


def template_program(code: str, shape: str) -> Build:
    # docs: cloudformation/stack (template_body); AWS::ApiGatewayV2::Api Body with x-amazon-apigateway-cors
    # (allowOrigins: the browser origins allowed), AWS::ApiGateway::RestApi Body with an integration's requestParameters
    # (a header of the integration request filled from the method request's).
    info = {"title": "orders", "version": "2026-12-04"}
    if shape.startswith("cfn-rest"):
        mapped = {"integration.request.header.x-forwarded-host": "method.request.header.Host",
                  "integration.request.header.x-origin": "method.request.header.Origin"}  # fmt: skip
        integration = {"type": "mock", "requestTemplates": {"application/json": '{"statusCode": 200}'},
                       "requestParameters": mapped}  # fmt: skip
        operation = {"responses": {"200": {"description": "orders"}}, "x-amazon-apigateway-integration": integration}
        body = {"openapi": "3.0.1", "info": info, "paths": {"/orders": {"get": operation}}}
        resource = {"Type": "AWS::ApiGateway::RestApi", "Properties": {
            "Name": "orders", "EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": body}}  # fmt: skip
    else:
        paths = _integration(f"https://{PARTNER_HOST}/orders") if shape.endswith("-partner-uri") else {}
        body = {"openapi": "3.0.1", "info": info, "paths": paths, "x-amazon-apigateway-cors": {
            "allowOrigins": ["https://app.fleet.example.com", "https://*.fleet.example.com"],
            "allowMethods": ["GET", "OPTIONS"], "allowHeaders": ["authorization"], "maxAge": 3600}}  # fmt: skip
        resource = {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": body}}
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"OrdersApi": resource}})

    def build(c: Any) -> object:
        return aws.cloudformation.Stack("orders-api", template_body=document, opts=c.aws)

    return build


def grant_program(shape: str) -> Build:
    # docs: cloudconnect/networkgrant — the stack's CCN granted to a CEN instance of `cen_uid`'s account; the
    # registry's example writes `cen_uid = str(123456789)`. The provider assumes the team's deployment role, so the own
    # account is proven (RES-023 on Alibaba Cloud).
    uid = OWN_UID if shape == "cen-grant-own" else "123456789"

    def build(c: Any) -> object:
        ccn = alicloud.cloudconnect.Network("dealers", name="dealers", cidr_block="192.168.0.0/24", is_default=True,
                                            opts=c.ali)  # fmt: skip
        return alicloud.cloudconnect.NetworkGrant("dealers-grant", ccn_id=ccn.id, cen_id="cen-fleet0000000001",
                                                  cen_uid=uid, opts=c.ali)  # fmt: skip

    return assuming_role(build)


def fluentd(output: str) -> str:
    """A fluentd.conf tailing the application's log into one output (Fluentd "Config File Syntax")."""
    body = "".join(f"  {line}\n" for line in output.splitlines())
    return (
        "# /etc/fluent/fluentd.conf\n<source>\n  @type tail\n  path /var/log/app/*.log\n"
        "  pos_file /var/lib/fluent/app.pos\n  tag app.*\n  <parse>\n    @type json\n  </parse>\n</source>\n\n"
        f"<match app.**>\n{body}  <buffer>\n    @type file\n    path /var/lib/fluent/buffer\n  </buffer>\n</match>\n"
    )


OUTPUTS = {
    # fluent-plugin-datadog: `host` left at its default (http-intake.logs.datadoghq.com).
    "datadog-default": "@type datadog\napi_key \"#{ENV['DD_API_KEY']}\"\ndd_source app\nservice fleet-api",
    # The same through the team's in-VPC Datadog agent / proxy at a private address.
    "datadog-private-host": "@type datadog\napi_key \"#{ENV['DD_API_KEY']}\"\nhost 10.0.3.7\nuse_ssl false\nport 8080",
    # fluent-plugin-elasticsearch to a partner's cluster (hosts: host1:port1,host2:port2).
    "es-partner-hosts": "@type elasticsearch\nhosts es1.partner.example.com:9200,es2.partner.example.com:9200\n"
                        "scheme https\nindex_name fleet-app",
    # out_forward to the team's aggregator at a private address.
    "forward-private": "@type forward\n<server>\n  host 192.168.10.20\n  port 24224\n</server>",
}  # fmt: skip


def _cloud_config(content: str) -> str:
    return "#cloud-config\n" + yaml.safe_dump({
        "packages": ["fluentd"],
        "write_files": [{"path": "/etc/fluent/fluentd.conf", "permissions": "0644", "content": content}],
        "runcmd": ["systemctl enable --now fluentd"],
    }, sort_keys=False)  # fmt: skip


def fluentd_program(shape: str) -> Build:
    carrier, _, output = shape.partition("-fluentd-")
    text = fluentd(OUTPUTS[output])

    def build(c: Any) -> object:
        if carrier == "ec2":
            return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNET,
                                    user_data=_cloud_config(text), opts=c.aws)  # fmt: skip
        if carrier == "ssm":
            return aws.ssm.Parameter("fluentd-conf", name="/fleet/fluentd/conf", type="String", tier="Advanced",
                                     value=text, opts=c.aws)  # fmt: skip
        if carrier == "sae":
            return alicloud.sae.ConfigMap("fluentd", name="fluentd", namespace_id="cn-shanghai:fleet",
                                          data=json.dumps({"fluentd.conf": text}), opts=c.ali)  # fmt: skip
        bucket = alicloud.oss.Bucket("fluentd-config", opts=c.ali)
        return alicloud.oss.BucketObject("fluentd-conf", bucket=bucket.id, key="fluentd.conf", content=text,
                                         opts=c.ali)  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        *[(f"leftovers42-{code.lower()}-{shape}", code, ebs_program(code, shape), EXPECTED.get(shape, set()), [])
          for shape in EBS_SHAPES for code in ALI_REGIONS],
        *[(f"leftovers42-{code.lower()}-{shape}", code, template_program(code, shape), EXPECTED.get(shape, set()), [])
          for shape in TEMPLATE_SHAPES for code in AWS_CODES],
        *[(f"leftovers42-{code.lower()}-{shape}", code, grant_program(shape), EXPECTED.get(shape, set()), [])
          for shape in GRANT_SHAPES for code in ("CN", "JP")],
        *[(f"leftovers42-{code.lower()}-{shape}", code, fluentd_program(shape), EXPECTED.get(shape, set()), [])
          for shape in FLUENTD_SHAPES for code in AWS_CODES],
        *[(f"leftovers42-cn-ali-{shape}", "CN", fluentd_program(shape), EXPECTED.get(shape, set()), [])
          for shape in ALI_FLUENTD_SHAPES],
    ]  # fmt: skip
