"""The jurisdiction catalogue: exact, complete against the providers, and safe around the known traps."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pulumi_aws
import pytest

from components.errors import CatalogueError
from components.residency.catalogue import Catalogue, Cloud, load_catalogue
from components.residency.catalogue_docs import catalogue_blocks, sync_markers

CATALOGUE = load_catalogue()
AWS_ENUM_REGIONS = frozenset(r.value for r in pulumi_aws.Region)
CATALOGUE_AWS_REGIONS = CATALOGUE.known_regions("aws")
CODES = sorted(CATALOGUE.jurisdictions)


# --- completeness against pulumi-aws ---------------------------------------------------------


@pytest.mark.parametrize("region", sorted(CATALOGUE_AWS_REGIONS))
def test_catalogue_aws_region_exists_in_pulumi_aws_enum(region: str) -> None:
    assert region in AWS_ENUM_REGIONS, f"{region} is not a pulumi-aws Region; typo or retired region?"


@pytest.mark.parametrize("region", sorted(AWS_ENUM_REGIONS))
def test_every_pulumi_aws_region_is_known_to_the_catalogue(region: str) -> None:
    # A new AWS region that the catalogue misses would be reported as "unknown" instead of
    # "outside the jurisdiction"; this fails on the pulumi-aws upgrade that introduces it.
    assert CATALOGUE.partition_of(region) is not None, f"{region} missing from aws_partitions in the catalogue"


# --- the traps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "cloud", "region", "reason"),
    [
        ("CN", "alicloud", "cn-hongkong", "Hong Kong SAR is not mainland China"),
        ("CN", "aws", "ap-east-1", "AWS Hong Kong is not mainland China"),
        ("EU", "aws", "eu-west-2", "London is not in the EU"),
        ("EU", "aws", "eu-central-2", "Zurich is not in the EU"),
        ("EU", "alicloud", "eu-west-1", "Alibaba eu-west-1 is London"),
        ("DE", "alicloud", "eu-west-1", "Alibaba eu-west-1 is London"),
        ("UK", "aws", "eu-west-1", "AWS eu-west-1 is Ireland"),
        ("HK", "alicloud", "cn-beijing", "Beijing is not Hong Kong"),
        ("US", "aws", "us-iso-east-1", "isolated partitions are not assigned to any jurisdiction"),
    ],
)
def test_trap_region_is_outside_jurisdiction(code: str, cloud: Cloud, region: str, reason: str) -> None:
    jurisdiction = CATALOGUE.get(code)
    assert not jurisdiction.allows_region(cloud, region), reason
    # The trap region must still be *recognised*, or the engine would call it unknown instead.
    assert region in CATALOGUE.known_regions(cloud)


@pytest.mark.parametrize(
    ("code", "cloud", "region"),
    [
        ("CN", "aws", "cn-north-1"),
        ("CN", "aws", "cn-northwest-1"),
        ("CN", "alicloud", "cn-shanghai"),
        ("HK", "alicloud", "cn-hongkong"),
        ("HK", "aws", "ap-east-1"),
        ("US", "aws", "us-gov-west-1"),
        ("EU", "aws", "eusc-de-east-1"),
        ("EU", "aws", "eu-west-1"),
        ("EU", "alicloud", "eu-central-1"),
        ("UK", "aws", "eu-west-2"),
        ("UK", "alicloud", "eu-west-1"),
        ("CH", "aws", "eu-central-2"),
    ],
)
def test_expected_region_is_inside_jurisdiction(code: str, cloud: Cloud, region: str) -> None:
    assert CATALOGUE.get(code).allows_region(cloud, region)


def test_cn_uses_only_the_china_partition() -> None:
    assert CATALOGUE.get("CN").aws.partitions == {"aws-cn"}


def test_a_region_can_belong_to_eu_and_a_member_state() -> None:
    assert CATALOGUE.jurisdictions_of("aws", "eu-central-1") == ("DE", "EU")
    assert CATALOGUE.jurisdictions_of("alicloud", "eu-west-1") == ("UK",)


@pytest.mark.parametrize("region", sorted(CATALOGUE.get("EU").regions("aws")))
def test_eu_aws_regions_are_all_in_a_member_state_jurisdiction_or_eusc(region: str) -> None:
    member_states = {"DE", "FR", "IE", "IT", "ES", "SE"}
    assert set(CATALOGUE.jurisdictions_of("aws", region)) & member_states, f"{region} in EU but in no member state"


# --- structure -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("cloud", ["aws", "alicloud"])
def test_jurisdiction_regions_are_known_regions(code: str, cloud: Cloud) -> None:
    regions = CATALOGUE.get(code).regions(cloud)
    assert regions <= CATALOGUE.known_regions(cloud)


@pytest.mark.parametrize("code", CODES)
def test_jurisdiction_is_complete_and_sourced(code: str) -> None:
    jurisdiction = CATALOGUE.get(code)
    assert jurisdiction.name and jurisdiction.legal_basis
    assert jurisdiction.regions("aws") or jurisdiction.regions("alicloud"), f"{code} has no region at all"
    assert jurisdiction.sources, f"{code} cites no source"
    assert all(s.startswith("https://") for s in jurisdiction.sources), jurisdiction.sources


@pytest.mark.parametrize("code", CODES)
def test_aws_partitions_are_used_by_the_jurisdiction_regions(code: str) -> None:
    # A listed partition without a region would allow ARNs/endpoints of that partition for nothing.
    aws = CATALOGUE.get(code).aws
    used = {CATALOGUE.aws_region_partition[r] for r in aws.regions}
    assert used == set(aws.partitions)


def test_required_markets_are_present() -> None:
    assert {"CN", "HK", "US", "EU", "UK", "DE", "JP", "KR", "SG", "IN", "AU", "CA"} <= set(CODES)


# --- DNS suffixes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("CN", {"amazonaws.com.cn", "aliyuncs.com"}),
        ("EU", {"amazonaws.com", "amazonaws.eu", "aliyuncs.com"}),
        ("HK", {"amazonaws.com", "aliyuncs.com"}),
        ("CA", {"amazonaws.com"}),
        ("PH", {"aliyuncs.com"}),
    ],
)
def test_dns_suffixes(code: str, expected: set[str]) -> None:
    assert CATALOGUE.get(code).dns_suffixes == expected


# --- lookup errors ---------------------------------------------------------------------------


def test_get_is_case_insensitive() -> None:
    assert CATALOGUE.get("cn").code == "CN"


@pytest.mark.parametrize("code", ["XX", "", "EUR", "china"])
def test_unknown_code_names_the_known_codes(code: str) -> None:
    with pytest.raises(CatalogueError, match=rf"unknown jurisdiction '{code}'\. Fix: use one of .*\bCN\b.*\bEU\b"):
        CATALOGUE.get(code)


# --- loader errors ---------------------------------------------------------------------------

_VALID = """\
version: "test"
aws_partitions:
  aws: {dns_suffix: amazonaws.com, regions: [us-east-1]}
  aws-cn: {dns_suffix: amazonaws.com.cn, regions: [cn-north-1]}
alicloud_regions: [cn-beijing, cn-hongkong]
jurisdictions:
  CN:
    name: Mainland China
    legal_basis: PIPL
    aws: {partitions: [aws-cn], regions: [cn-north-1]}
    alicloud: {regions: [cn-beijing]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    # A fresh path per test: load_catalogue is lru_cached by path.
    path = tmp_path / "jurisdictions.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_minimal_valid_file_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(_write(tmp_path, _VALID))
    assert isinstance(catalogue, Catalogue)
    assert catalogue.get("CN").dns_suffixes == {"amazonaws.com.cn", "aliyuncs.com"}


def test_malformed_yaml_is_a_catalogue_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "version: '1'\njurisdictions: [unclosed\n")
    with pytest.raises(
        CatalogueError, match=r"not valid YAML \(expected .*\) at line 3, column 1\. Fix: correct the syntax$"
    ):
        load_catalogue(path)


def test_non_mapping_top_level_is_a_catalogue_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"expected a mapping at the top level"):
        load_catalogue(_write(tmp_path, "- just\n- a list\n"))


def test_missing_file_is_a_catalogue_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"cannot read the catalogue"):
        load_catalogue(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # A region of a partition the jurisdiction does not list.
        (
            "partitions: [aws-cn], regions: [cn-north-1]",
            "partitions: [aws-cn], regions: [cn-north-1, us-east-1]",
            r": CN: AWS region us-east-1 is not in any of its partitions \['aws-cn'\]\. Fix: correct that entry$",
        ),
        (
            "partitions: [aws-cn], regions: [cn-north-1]",
            "partitions: [aws-cn, aws-xx], regions: [cn-north-1]",
            r"CN: unknown AWS partitions \['aws-xx'\]",
        ),
        (
            "alicloud: {regions: [cn-beijing]}",
            "alicloud: {regions: [cn-beijing, cn-atlantis]}",
            r"CN: unknown Alibaba Cloud regions \['cn-atlantis'\]",
        ),
        (
            "aws-cn: {dns_suffix: amazonaws.com.cn, regions: [cn-north-1]}",
            "aws-cn: {dns_suffix: amazonaws.com.cn, regions: [cn-north-1, us-east-1]}",
            r"AWS region us-east-1 is listed in two partitions",
        ),
        (
            "    name: Mainland China\n",
            "",
            r"jurisdictions\.CN\.name: Field required",
        ),
        (
            "    legal_basis: PIPL\n",
            "    legal_basis: PIPL\n    regions: [cn-beijing]\n",
            r"jurisdictions\.CN\.regions: Extra inputs are not permitted",
        ),
        # A Local Zone group is named after its parent region and placed by an ISO country.
        (
            "alicloud_regions:",
            "aws_local_zones: {groups: {eu-west-9-xyz-1: {country: IE}}}\nalicloud_regions:",
            r"aws_local_zones: eu-west-9-xyz-1 does not start with a known AWS region",
        ),
        (
            "alicloud_regions:",
            "aws_local_zones: {groups: {us-east-1-qro-1: {country: Mexico}}}\nalicloud_regions:",
            r"aws_local_zones: us-east-1-qro-1: country must be an ISO 3166-1 alpha-2 code",
        ),
    ],
)
def test_inconsistent_entry_is_a_catalogue_error(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in _VALID, "test setup: the text to replace must exist"
    path = _write(tmp_path, _VALID.replace(old, new))
    with pytest.raises(CatalogueError, match=message) as caught:
        load_catalogue(path)
    assert str(caught.value).startswith(f"{path}: "), "the message must name the file"
    assert "Value error" not in str(caught.value)


# --- docs stay in step with the data ---------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "catalogue.md"


def test_docs_cite_the_current_catalogue_version() -> None:
    assert f"**{CATALOGUE.version}**" in DOCS.read_text(encoding="utf-8"), "update docs/catalogue.md"


@pytest.mark.parametrize("code", CODES)
def test_docs_list_every_jurisdiction_with_its_regions(code: str) -> None:
    jurisdiction = CATALOGUE.get(code)
    row = next((line for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith(f"| {code} |")), "")
    assert row, f"docs/catalogue.md has no row for {code}"
    for region in jurisdiction.regions("aws") | jurisdiction.regions("alicloud"):
        assert f"`{region}`" in row, f"docs/catalogue.md row {code} lacks {region}"


def test_docs_catalogue_tables_are_generated_from_the_data() -> None:
    # The tables between the catalogue markers are generated (`make docs`); data edited without
    # regenerating them fails here.
    page = DOCS.read_text(encoding="utf-8")
    assert sync_markers(page, catalogue_blocks()) == page, "run `make docs` to refresh docs/catalogue.md"


def _sdk_resources() -> dict[str, Path]:
    """Every resource type token the provider SDKs register (their ``resource_modules`` tables), with the source file
    of its class: read as text, so no SDK module is imported (pulumi_aws's are many and slow to load)."""
    import importlib.util
    import json
    import re

    files: dict[str, Path] = {}
    for package in ("pulumi_aws", "pulumi_alicloud"):
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.origin is not None
        root = Path(spec.origin).parent
        match = re.search(r'resource_modules="""(.*?)"""', root.joinpath("__init__.py").read_text("utf-8"), re.S)
        assert match is not None, package
        for module in json.loads(match.group(1)):
            # The module's folder is its fqn's (pulumi_aws.lambda_: a keyword gets an underscore), the file its
            # name in snake case (ossExportSink -> oss_export_sink.py).
            folder = root.parent.joinpath(*module["fqn"].split("."))
            snake = re.sub(r"(?<!^)(?=[A-Z])", "_", module["mod"].rpartition("/")[2]).lower()
            files.update({token: _class_file(folder, f"{snake}.py", name) for token, name in module["classes"].items()})
    return files


def _class_file(folder: Path, guess: str, name: str) -> Path:
    """The file of class ``name`` in ``folder``: ``guess`` (the module name in snake case), else the one file that
    defines the class (awsred48: a run of capitals is one word in the SDK's file names, appsync/graphQLApi is
    graph_ql_api.py, guardduty/iPSet ip_set.py; the guess graph_q_l_api.py does not exist)."""
    if (folder / guess).exists():
        return folder / guess
    found = [f for f in sorted(folder.glob("*.py")) if f"class {name}(pulumi.CustomResource)" in f.read_text("utf-8")]
    assert len(found) == 1, (folder, name, found)
    return found[0]


def _catalogue_text(*names: str) -> str:
    here = Path(__file__).resolve().parents[1] / "components" / "residency"
    return "\n".join((here / name).read_text(encoding="utf-8") for name in names)


def test_every_type_token_in_the_catalogue_is_a_resource_of_its_provider() -> None:
    # A token no SDK registers matches no resource, so its entry judges nothing while looking like coverage
    # (alicloud:alidns/record:Record was listed for Alibaba Cloud DNS records; the resource is
    # alicloud:dns/alidnsRecord:AlidnsRecord, whose records then passed unjudged).
    import re

    token = re.compile(r'"((?:aws|alicloud):[A-Za-z0-9]+/[A-Za-z0-9]+:[A-Za-z0-9]+)"')
    named = set(token.findall(_catalogue_text("endpoints.yaml", "data_protection.yaml")))
    assert len(named) > 100
    assert sorted(named - set(_sdk_resources())) == []


def _typed_entries(node: object) -> list[tuple[str, str]]:
    """(type token, key path) of every catalogue entry that names one resource type and an input path."""
    if isinstance(node, list):
        return [pair for item in node for pair in _typed_entries(item)]
    if not isinstance(node, dict):
        return []
    found = [pair for value in node.values() for pair in _typed_entries(value)]
    path = node.get("path", node.get("field"))
    if isinstance(node.get("type"), str) and isinstance(path, str):
        found.append((node["type"], path))
    return found


def test_every_typed_path_in_the_catalogue_starts_at_an_input_of_its_resource() -> None:
    # An entry whose first key is no input of the resource judges nothing (sls.OssExportSink's bucket is
    # configuration.sink.bucket; the entry said `bucket`, and a partner bucket there passed unjudged).
    import re

    import yaml

    files = _sdk_resources()
    entries = _typed_entries(yaml.safe_load(_catalogue_text("endpoints.yaml")))
    assert len(entries) > 100
    unknown = []
    for token, path in entries:
        first = path.split(".", 1)[0]
        if first.startswith("*") or token not in files:  # a wildcard; an unknown token fails the test above
            continue
        if not path:  # k8s62: a `containers` entry whose container is the resource's inputs themselves (SAE)
            continue
        # The class's _internal_init lists every input, one per line, up to __props__.
        header = re.search(r"def _internal_init\(__self__,(.*?)__props__=None\)", files[token].read_text("utf-8"), re.S)
        assert header is not None, token
        if first not in re.findall(r"^\s+(\w+):", header.group(1), re.M):
            unknown.append(f"{token} {path}")
    assert unknown == []


def test_every_made_arn_output_is_an_output_of_its_resource() -> None:
    # ownrole42 (stop 42): an output no SDK class has would prove nothing; one that is also an input could be set by the
    # program to anyone's ARN.
    import re

    from components.residency.endpoints import load_endpoints

    files = _sdk_resources()
    entries = load_endpoints().made_account_arns
    assert entries
    for entry in entries:
        text = files[entry.type].read_text("utf-8")
        # awsred45 (stop 45): `id` is every custom resource's physical id (pulumi.CustomResource.id, assigned by the
        # provider, never an input); a Kinesis or Firehose stream's is its ARN, while its `arn` is an input too.
        assert entry.output == "id" or re.search(rf"def {entry.output}\(self\) -> pulumi\.Output\[", text), entry
        header = re.search(r"def _internal_init\(__self__,(.*?)__props__=None\)", text, re.S)
        assert header is not None and entry.output not in re.findall(r"^\s+(\w+):", header.group(1), re.M), entry


def test_every_input_the_vpc_link_entries_name_is_an_input_of_its_resource() -> None:
    # httpapi41 (stop 41): the VPC-link rule is data (endpoints.yaml `vpc_links`); an input name no SDK has would make
    # the rule judge nothing (a link never seen, a Host header never recognised).
    import re

    from components.residency.endpoints import load_endpoints

    files = _sdk_resources()
    links = load_endpoints().vpc_links
    named = [(link.type, name) for link in links.links for name in link.targets]
    for entry in links.integrations:
        inputs = (entry.connection_type, entry.connection, *entry.targets, *filter(None, [entry.host_header]))
        named += [(entry.type, name) for name in inputs]
    # bodies42 (stop 42): a body entry's input holding the OpenAPI document; a template resource's Pulumi type and
    # the inputs its properties are read as (stack_templates `resources`; cfnsfn45: `inputs` renames a property, a
    # state machine's DefinitionString is the Pulumi `definition`).
    named += [(entry.type, entry.input) for entry in links.bodies]
    named += [
        (resource.resource, str(resource.input_of(name)))
        for template in load_endpoints().stack_templates
        for resource in template.resources
        for name in resource.properties
    ]
    # cfnmap45 (stop 45): a list property's items are each a whole Pulumi resource's inputs (an AWS::Events::Rule's
    # Targets, each an EventTarget): the item's type must be an SDK type, and its CloudFormation keys (read in
    # snake_case) the inputs the judgement reads (`arn`, `dead_letter_config`, `endpoint`, `protocol`).
    items = {(r.type, p): t for s in load_endpoints().stack_templates for r in s.resources for p, t in r.items.items()}
    assert items[("AWS::Events::Rule", "targets")] == "aws:cloudwatch/eventTarget:EventTarget"
    named += [("aws:cloudwatch/eventTarget:EventTarget", name) for name in ("arn", "dead_letter_config", "role_arn")]
    named += [("aws:sns/topicSubscription:TopicSubscription", name) for name in ("endpoint", "protocol")]
    # cfntypes46 (stop 46): a bucket's NotificationConfiguration is one BucketNotification whose renamed keys
    # (`keys`: queue_configurations -> queues ...) are its inputs; an event source mapping's `destination` is the
    # Pulumi `destination_arn` under destination_config.on_failure (a nested key, checked against the SDK's args).
    assert items[("AWS::S3::Bucket", "notification_configuration")] == "aws:s3/bucketNotification:BucketNotification"
    keys = {r.type: r.keys for s in load_endpoints().stack_templates for r in s.resources}
    named += [("aws:s3/bucketNotification:BucketNotification", keys["AWS::S3::Bucket"][name])
              for name in ("queue_configurations", "topic_configurations", "lambda_configurations")]  # fmt: skip
    nested = [("aws:lambda/eventSourceMapping:EventSourceMapping", "EventSourceMappingDestinationConfigOnFailure",
               keys["AWS::Lambda::EventSourceMapping"]["destination"])]  # fmt: skip
    bucket = keys["AWS::S3::Bucket"]
    nested += [("aws:s3/bucketNotification:BucketNotification", f"BucketNotification{kind}", bucket[key])
               for kind, key in (("Queue", "queue"), ("Topic", "topic"), ("LambdaFunction", "function"))]  # fmt: skip
    # awsred59 (stop 59): an AWS::RAM::ResourceShare's Principals are scalar items, each the PrincipalAssociation input
    # its `keys` names (`principal`); its ResourceArns the ResourceAssociation's `resource_arn` (a property, above).
    assert items[("AWS::RAM::ResourceShare", "principals")] == "aws:ram/principalAssociation:PrincipalAssociation"
    assert keys["AWS::RAM::ResourceShare"] == {"principals": "principal"}
    named += [("aws:ram/principalAssociation:PrincipalAssociation", "principal")]
    # ros47 (stop 47): a ROS EventBridge target's Id / ParamList are the Pulumi target's `target_id` / `param_lists`.
    rule = keys["ALIYUN::EventBridge::Rule"]
    nested += [("alicloud:eventbridge/rule:Rule", "RuleTarget", rule[key]) for key in ("id", "param_list")]
    for token, args, name in nested:
        sdk_inputs = (files[token].parent / "_inputs.py").read_text("utf-8")
        init = re.search(rf"class {args}Args:\s+def __init__\(__self__, \*,(.*?)\):", sdk_inputs, re.S)
        assert init is not None and re.search(rf"^\s+{name}:", init.group(1), re.M), (args, name)
    assert all(token in files for token in items.values())
    # samevents46 (stop 46): a SAM event's listed properties are the generated Pulumi type's input paths, each one
    # leading to that type's written_account_fields (the judgement the mapping exists for).
    events = {
        (e.resource, target)
        for s in load_endpoints().stack_templates
        for r in s.resources
        for e in r.events
        for target in e.inputs.values()
    }
    written = [(f.type, f.path) for f in load_endpoints().written_account_fields]
    assert len(events) == 6  # sam48: EventBridgeRule / CloudWatchEvent `event_bus_name` (the generated rule's bus)
    assert all(any(t == token and f"{p}.".startswith(f"{target}.") for t, p in written) for token, target in events)
    named += [(token, target.split(".")[0]) for token, target in events]
    # samsfn47 (stop 47): a template resource's nested value (`paths`) is its Pulumi type's input path, leading to that
    # type's written_account_fields.
    nested_paths = {(r.resource, target) for s in load_endpoints().stack_templates for r in s.resources
                    for target in r.paths.values()}  # fmt: skip
    # ros48 (stop 48): a ROS / Aliyun::Serverless function's AsyncConfiguration.Destination.{OnSuccess, OnFailure}.
    fc_async = "alicloud:fc/functionAsyncInvokeConfig:FunctionAsyncInvokeConfig"
    # awsred51 (stop 51): CloudFormation twins nesting a written destination otherwise than the Pulumi inputs (a backup
    # plan's copy action, a vault's notifications, a crawler's dead-letter queues, a Config organization rule's
    # function, a topic rule's and a receipt rule's actions, a Connect instance's streams, an ECS service's lifecycle
    # hooks, a Firehose stream's domains, a DynamoDB table's Kinesis stream).
    topic_rule, receipt = "aws:iot/topicRule:TopicRule", "aws:ses/receiptRule:ReceiptRule"
    red51 = {
        ("aws:backup/plan:Plan", "rules.copy_actions.destination_vault_arn"),
        ("aws:backup/vaultNotifications:VaultNotifications", "sns_topic_arn"),
        ("aws:glue/crawler:Crawler", "s3_targets.dlq_event_queue_arn"),
        ("aws:glue/crawler:Crawler", "catalog_targets.dlq_event_queue_arn"),
        ("aws:cfg/organizationCustomRule:OrganizationCustomRule", "lambda_function_arn"),
        *((topic_rule, path) for path in (
            "sns.target_arn", "sqs.queue_url", "kafkas.destination_arn", "lambdas.function_arn")),
        *((topic_rule, f"error_action.{a}") for a in (
            "sns.target_arn", "sqs.queue_url", "kafka.destination_arn", "lambda.function_arn")),
        *((receipt, f"{kind}_actions.topic_arn") for kind in ("lambda", "sns", "s3", "bounce", "stop", "workmail")),
        (receipt, "lambda_actions.function_arn"),
        (receipt, "workmail_actions.organization_arn"),
        ("aws:connect/instanceStorageConfig:InstanceStorageConfig", "storage_config.kinesis_stream_config.stream_arn"),
        ("aws:connect/instanceStorageConfig:InstanceStorageConfig",
         "storage_config.kinesis_firehose_config.firehose_arn"),
        ("aws:ecs/service:Service", "deployment_configuration.lifecycle_hooks.hook_target_arn"),
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "opensearch_configuration.domain_arn"),
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "elasticsearch_configuration.domain_arn"),
        ("aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination", "stream_arn"),
    }  # fmt: skip
    # awsred52 (stop 52): a budget's subscribers, a domain's log map (both services), a VPN connection's tunnel list, a
    # table bucket's replication rules, a stream processor's channel and result stream, a QLDB stream, a scheduled
    # query's topic, a Lex V2 alias's log settings (the Lex bot alias's input) and IoT Events' actions (the topic
    # rule's, already listed above).
    vpn_logs, table_bucket = "tunnel1_log_options.cloudwatch_log_options", "destination_table_bucket_arn"
    red52 = {
        # awsred57 (stop 57): a budget's subscribers are the budget action's `subscribers.address` (an SNS topic's
        # account, and an e-mail address's domain as the Pulumi budget's recipients), no longer the SNS topic ARNs only.
        ("aws:budgets/budgetAction:BudgetAction", "subscribers.address"),
        ("aws:opensearch/domain:Domain", "log_publishing_options.cloudwatch_log_group_arn"),
        ("aws:elasticsearch/domain:Domain", "log_publishing_options.cloudwatch_log_group_arn"),
        ("aws:ec2/vpnConnection:VpnConnection", f"{vpn_logs}.log_group_arn"),
        ("aws:ec2/vpnConnection:VpnConnection", f"{vpn_logs}.bgp_log_group_arn"),
        ("aws:s3tables/tableBucketReplication:TableBucketReplication", f"rule.destinations.{table_bucket}"),
        ("aws:rekognition/streamProcessor:StreamProcessor", "notification_channel.sns_topic_arn"),
        ("aws:rekognition/streamProcessor:StreamProcessor", "output.kinesis_data_stream.arn"),
        ("aws:qldb/stream:Stream", "kinesis_configuration.stream_arn"),
        ("aws:timestreamquery/scheduledQuery:ScheduledQuery", "notification_configuration.sns_configuration.topic_arn"),
        ("aws:lex/botAlias:BotAlias", "conversation_logs.log_settings.resource_arn"),
    }
    # awsred53 (stop 53): the template twins nesting a written destination (a notification channel's topic, an
    # experiment's log group, an endpoint's async topics, a maintenance task's topic, an SES event destination's three
    # kinds, anomaly / budget action subscribers, a workspace's log group, a provisioning hook, a Client VPN connect
    # handler, AppSync conflict handlers, an Object Lambda transformation, Kendra enrichment hooks, a function's and a
    # bus's dead-letter targets, a global table's Kinesis stream, a flow's and an agent's functions, a Mail Manager
    # rule's actions, an AppConfig extension's actions, Kinesis Data Analytics outputs and log streams, a Lex V2 bot's
    # test alias logs).
    red53 = {
        ("aws:devopsguru/notificationChannel:NotificationChannel", "sns.topic_arn"),
        ("aws:fis/experimentTemplate:ExperimentTemplate",
         "log_configuration.cloudwatch_logs_configuration.log_group_arn"),
        *(("aws:sagemaker/endpointConfiguration:EndpointConfiguration",
           f"async_inference_config.output_config.notification_config.{topic}")
          for topic in ("success_topic", "error_topic")),
        ("aws:ssm/maintenanceWindowTask:MaintenanceWindowTask",
         "task_invocation_parameters.run_command_parameters.notification_config.notification_arn"),
        *(("aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination", f"event_destination.{kind}")
          for kind in ("sns_destination.topic_arn", "kinesis_firehose_destination.delivery_stream_arn",
                       "event_bridge_destination.event_bus_arn")),
        ("aws:costexplorer/anomalySubscription:AnomalySubscription", "subscribers.address"),
        ("aws:budgets/budgetAction:BudgetAction", "subscribers.address"),
        ("aws:amp/workspace:Workspace", "logging_configuration.log_group_arn"),
        ("aws:iot/provisioningTemplate:ProvisioningTemplate", "pre_provisioning_hook.target_arn"),
        ("aws:ec2clientvpn/endpoint:Endpoint", "client_connect_options.lambda_function_arn"),
        *((f"aws:appsync/{kind}", "sync_config.lambda_conflict_handler_config.lambda_conflict_handler_arn")
          for kind in ("resolver:Resolver", "function:Function")),
        ("aws:s3control/objectLambdaAccessPoint:ObjectLambdaAccessPoint",
         "configuration.transformation_configurations.content_transformation.aws_lambda.function_arn"),
        *(("aws:kendra/dataSource:DataSource",
           f"custom_document_enrichment_configuration.{hook}_hook_configuration.lambda_arn")
          for hook in ("pre_extraction", "post_extraction")),
        ("aws:lambda/function:Function", "dead_letter_config.target_arn"),
        ("aws:cloudwatch/eventBus:EventBus", "dead_letter_config.arn"),
        ("aws:appconfig/extension:Extension", "action_points.actions.uri"),
        ("aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination", "stream_arn"),
        ("aws:bedrock/agentFlow:AgentFlow", "definition.nodes.configuration.lambda_function.lambda_arn"),
        ("aws:bedrock/agentAgentActionGroup:AgentAgentActionGroup", "action_group_executor.lambda"),
        *(("aws:mailmanager/ruleSet:RuleSet", f"rules.actions.{action}") for action in (
            "invoke_lambda.function_arn", "publish_to_sns.topic_arn", "deliver_to_mailbox.mailbox_arn")),
        *(("aws:kinesisanalyticsv2/application:Application",
           f"application_configuration.sql_application_configuration.outputs.{kind}.resource_arn")
          for kind in ("kinesis_streams_output", "kinesis_firehose_output", "lambda_output")),
        ("aws:kinesisanalyticsv2/application:Application", "cloudwatch_logging_options.log_stream_arn"),
        *(("aws:kinesis/analyticsApplication:AnalyticsApplication", f"outputs.{kind}.resource_arn")
          for kind in ("kinesis_stream", "kinesis_firehose", "lambda")),
    }  # fmt: skip
    # awsred54 (stop 54): an SMS configuration set's three event destinations, a phone number's and a pool's two-way
    # channel, a logs delivery destination's resource (a top-level template property, a one-key path), an AgentCore
    # gateway's Lambda target and a media insights pipeline's four sinks.
    sms, insights = "aws:pinpoint/smsvoicev2", "aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration"
    red54 = {
        *((f"{sms}EventDestination:Smsvoicev2EventDestination", path) for path in (
            "cloudwatch_logs_destination.log_group_arn", "kinesis_firehose_destination.delivery_stream_arn",
            "sns_destination.topic_arn")),
        (f"{sms}PhoneNumber:Smsvoicev2PhoneNumber", "two_way_channel_arn"),
        (f"{sms}Pool:Smsvoicev2Pool", "two_way_channel_arn"),
        ("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
         "delivery_destination_configuration.destination_resource_arn"),
        ("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", "target_configuration.mcp.lambda.lambda_arn"),
        *((f"{insights}:MediaInsightsPipelineConfiguration", f"elements.{sink}_sink_configuration.insights_target")
          for sink in ("kinesis_data_stream", "sns_topic", "sqs_queue", "lambda_function")),
    }  # fmt: skip
    # awsred54b (stop 54): an AppSync source API association's source API (written) and merged API (granted), a Lake
    # Formation grant's principal (a global_services field), an AgentCore memory's stream, a SIP media application's
    # function and a Connect integration association's function (a one-key path to lambdaFunctionAssociation's
    # `function_arn`).
    red54b = {
        ("aws:appsync/sourceApiAssociation:SourceApiAssociation", "source_api_arn"),
        ("aws:appsync/sourceApiAssociation:SourceApiAssociation", "merged_api_arn"),
        ("aws:bedrock/agentcoreMemory:AgentcoreMemory", "stream_delivery_resources.resource.kinesis.data_stream_arn"),
        ("aws:chime/sdkvoiceSipMediaApplication:SdkvoiceSipMediaApplication", "endpoints.lambda_arn"),
        ("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation", "function_arn"),
        # an AWS::LakeFormation::Permissions' DataLakePrincipal: the Pulumi permissions' `principal`, judged by the
        # global_services entry aws-lakeformation-cross-account-grant (RES-016), not by an account field.
        ("aws:lakeformation/permissions:Permissions", "principal"),
    }
    # awsred55 (stop 55): an IoT FleetWise campaign's Timestream table / MQTT topic as a pipe's `target`, a MediaConnect
    # entitlement's subscribers as an SSM document's shared accounts (granted), and a MediaConnect output's address as
    # a MediaLive channel destination's `url`, judged as a host by its key (not an account field). An IoT Wireless
    # destination's SNS topic is the topic rule's `sns.target_arn` (already listed, red51).
    red55 = {
        ("aws:pipes/pipe:Pipe", "target"),
        ("aws:ssm/document:Document", "permissions.account_ids"),
        ("aws:medialive/channel:Channel", "destinations.settings.url"),
    }
    red55_hosts = {("aws:medialive/channel:Channel", "destinations.settings.url")}
    assert all(path.rsplit(".", 1)[-1] in load_endpoints().host_keys for _, path in red55_hosts)
    # awsred56b (stop 56): an EFS file system's replication destination's FileSystemId, the Pulumi
    # `destination.file_system_id`: a global_group_fields entry (an id placed by a Region beside it, or the stack's
    # own), neither a written nor a granted account field.
    red56b = {("aws:efs/replicationConfiguration:ReplicationConfiguration", "destination.file_system_id")}
    groups = {(f.type, f.path) for f in load_endpoints().global_group_fields}
    assert red56b <= groups
    # alired56b (stop 56): a ROS DTS synchronisation job's DestinationEndpoint.IP as the Pulumi job's
    # `destination_endpoint_ip`, judged as a host by its key's tokens (`endpoint_ip`), not by an account field.
    red56b_hosts = {("alicloud:dts/synchronizationJob:SynchronizationJob", "destination_endpoint_ip")}
    # alired57 (stop 57): the source's (both ROS job types) and SynchronizationJob2's destination host, the same host
    # input as above, MigrationJob2's two hosts as the migration job's, and SynchronizationJob2's
    # DestinationEndpoint.OwnerId as the job's written account field.
    # alired57b (stop 57): MigrationJob2 is read as the synchronisation job (its DestinationEndpoint.OwnerId is that
    # job's written account field; the migration job has no such input), so its two hosts are the job's above.
    red57_hosts = {("alicloud:dts/synchronizationJob:SynchronizationJob", "source_endpoint_ip")}
    red57 = {("alicloud:dts/synchronizationJob:SynchronizationJob", "destination_endpoint_owner_id")}
    host_keys = load_endpoints().host_keys
    assert all(any(path == k or path.endswith(f"_{k}") for k in host_keys) for _, path in red56b_hosts | red57_hosts)
    # awsred57 (stop 57): template twins of destination_fields (a host, address or mailbox the resource sends to),
    # each a destination field's path or the map holding it (stage variables: `variables.*`).
    destinations57 = {
        (
            "aws:vpclattice/resourceConfiguration:ResourceConfiguration",
            "resource_configuration_definition.dns_resource.domain_name",
        ),
        (
            "aws:vpclattice/resourceConfiguration:ResourceConfiguration",
            "resource_configuration_definition.ip_resource.ip_address",
        ),
        ("aws:apigateway/stage:Stage", "variables"),
        ("aws:apigateway/stage:Stage", "canary_settings.stage_variable_overrides"),
        ("aws:s3/bucket:Bucket", "website.redirect_all_requests_to"),
        ("aws:s3/bucket:Bucket", "website.routing_rules.redirect.host_name"),
        ("aws:ec2transitgateway/connectPeer:ConnectPeer", "peer_address"),
        ("aws:route53/resolverFirewallRule:ResolverFirewallRule", "block_override_domain"),
        ("aws:mq/broker:Broker", "ldap_server_metadata.hosts"),
        *(
            ("aws:servicediscovery/instance:Instance", f"attributes.aws_instance_{a}")
            for a in ("ipv4", "ipv6", "cname")
        ),
        ("aws:msk/replicator:Replicator", "kafka_clusters.apache_kafka_cluster.bootstrap_broker_string"),
        ("aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure", "customer_contacts_to_send_to_ocis.email"),
        ("aws:lightsail/domainEntry:DomainEntry", "target"),
        ("aws:route53/record:Record", "aliases.name"),
    }
    # awsred57b (stop 57): the Alibaba Cloud destination fields' ROS twins' nested properties (a CloudMonitor contact's
    # Channels.Mail), each a destination field's path.
    destinations57b = {("alicloud:cms/alarmContact:AlarmContact", "channels_mail")}
    # alired58 (stop 58): a ROS GTM address pool's `Addr[].Addr` and an OSS website routing rule's Redirect.HostName,
    # each a destination field's path.
    destinations58 = {
        ("alicloud:dns/addressPool:AddressPool", "addresses.address"),
        ("alicloud:oss/bucketWebsite:BucketWebsite", "routing_rules.routing_rules.redirect.host_name"),
    }
    fields = {(f.type, f.path) for f in load_endpoints().destination_fields}
    assert all(
        any(t == token and f"{p}.".startswith(f"{target}.") for t, p in fields)
        for token, target in destinations57 | destinations57b | destinations58
    )
    # awsred58 (stop 58): template twins of granted_account_fields nesting the account otherwise (an Image Builder
    # distribution's accounts), of phone_fields (an Incident Manager channel's address, a Connect quick connect's
    # number) and a Mail Manager ReplaceRecipient's addresses (a host_paths entry), each the Pulumi input's path.
    image = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration"
    red58 = {
        (image, "distributions.launch_template_configurations.account_id"),
        (image, "distributions.fast_launch_configurations.account_id"),
        (image, "distributions.ssm_parameter_configurations.ami_account_id"),
        # a REST method's Lambda integration URI, a Prometheus workspace's query-log group (written accounts)
        ("aws:apigateway/integration:Integration", "uri"),
        ("aws:amp/queryLoggingConfiguration:QueryLoggingConfiguration", "destinations.cloudwatch_logs.log_group_arn"),
    }
    red58_otherwise = {
        ("aws:ssmcontacts/contactChannel:ContactChannel", "delivery_address.simple_address"),
        ("aws:connect/quickConnect:QuickConnect", "quick_connect_config.phone_configs.phone_number"),
        ("aws:mailmanager/ruleSet:RuleSet", "rules.actions.replace_recipient.replace_withs"),
    }
    # awsred60 (stop 60): a backup rule's logically air-gapped target vault (a written account field).
    written60 = {("aws:backup/plan:Plan", "rules.target_logically_air_gapped_backup_vault_arn")}
    phones = {(f.type, f.path) for f in load_endpoints().phone_fields}
    host_paths = {h.path for h in load_endpoints().host_paths}
    assert all(p in phones or any(p[1].endswith(f".{h}") for h in host_paths) for p in red58_otherwise)
    # alired60 (stop 60): a ROS SLS alert's NotificationList MobileList / EmailList, the Pulumi log/alert's
    # `notification_lists` phone field and recipient list (a host_paths entry).
    red60 = {("alicloud:log/alert:Alert", "notification_lists.mobile_lists"),
             ("alicloud:log/alert:Alert", "notification_lists.email_lists")}  # fmt: skip
    assert all(p in phones or p[1] in host_paths for p in red60)
    # awsred64 (stop 64): a template RUM app monitor's page filters, the Pulumi app monitor's text_fields.
    pages64 = ("included", "excluded", "favorite")
    text64 = {("aws:rum/appMonitor:AppMonitor", f"app_monitor_configuration.{k}_pages") for k in pages64}
    assert text64 <= {(f.type, f.path) for f in load_endpoints().text_fields}
    # awsred65 (stop 65): a template response plan's ChatChannel.ChatbotSns, the Pulumi plan's `chat_channels` (a
    # written account field).
    written65 = {("aws:ssmincidents/responsePlan:ResponsePlan", "chat_channels")}
    # awsred66 (stop 66): a template knowledge base's vector store ARNs, a data source's transformation Lambda, a chat
    # room's review handler and an Automation document's steps' written parameters (written account fields).
    kb66 = "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase"
    stores66 = ("rds_configuration.resource_arn", "opensearch_serverless_configuration.collection_arn",
                "opensearch_managed_cluster_configuration.domain_arn", "neptune_analytics_configuration.graph_arn",
                "s3_vectors_configuration.index_arn", "s3_vectors_configuration.vector_bucket_arn")  # fmt: skip
    steps66 = ("queue_url", "topic_arn", "table_name", "function_name", "entries.event_bus_name", "state_machine_arn",
               "stream_arn")  # fmt: skip
    written66 = {
        *((kb66, f"storage_configuration.{p}") for p in stores66),
        ("aws:bedrock/agentDataSource:AgentDataSource", "vector_ingestion_configuration.custom_transformation_"
         "configuration.transformation.transformation_function.transformation_lambda_configuration.lambda_arn"),
        ("aws:ivschat/room:Room", "message_review_handler.uri"),
    }  # fmt: skip
    # ... the document's steps' parameters are written account fields at any depth (`*.inputs.<parameter>`)
    steps66_written = {("aws:ssm/document:Document", f"content.main_steps.inputs.{p}") for p in steps66}
    written_any = {(f.type, f.path[2:]) for f in load_endpoints().written_account_fields if f.path.startswith("*.")}
    assert all(any(t == token and p.endswith(f".{w}") for t, w in written_any) for token, p in steps66_written)
    granted = [(f.type, f.path) for f in load_endpoints().granted_account_fields]
    granted += [(t, g.field) for g in load_endpoints().global_services if g.field for t in g.types]
    assert nested_paths == {
        ("aws:sfn/stateMachine:StateMachine", "logging_configuration.log_destination"),
        (fc_async, "destination_config.on_success.destination"),
        (fc_async, "destination_config.on_failure.destination"),
        *red51,  # a crawler's dead-letter queues: awsred51 and fnb64_51 both closed it (one catalogue entry)
        *red52,
        *red53,
        *red54,
        *red54b,
        *red55,
        *red56b,
        *red56b_hosts,
        *red57,
        *red57_hosts,
        *destinations57,
        *destinations57b,
        *destinations58,
        *red58,
        *red58_otherwise,
        *red60,
        *written60,
        *text64,
        *written65,
        *written66,
        *steps66_written,
    }
    # host paths, group fields and destination fields, no account field
    judged_otherwise = (
        red60
        | red55_hosts
        | red56b
        | red56b_hosts
        | red57_hosts
        | destinations57
        | destinations57b
        | destinations58
        | red58_otherwise
        | text64
        | steps66_written  # written at any depth (asserted above)
    )
    assert all(
        (token, target) in written or (token, target) in granted or (token, target) in judged_otherwise
        for token, target in nested_paths
    )
    named += [(token, target.split(".")[0]) for token, target in nested_paths]
    # sam48 (stop 48): the paths of a resource SAM generates (an Api's / HttpApi's stage: its access log group) lead
    # to the generated Pulumi type's written_account_fields too.
    generated = {(g.resource, target) for s in load_endpoints().stack_templates for r in s.resources
                 for g in r.generated for target in g.paths.values()}  # fmt: skip
    # awsred53 (stop 53): a Lex V2 alias's (and a Lex V2 bot's test alias's) code-hook function, the Lex intent's.
    # awsred54 (stop 54): a Bedrock agent's collaborator alias, the agent collaborator's.
    assert generated == {("aws:apigateway/stage:Stage", "access_log_settings.destination_arn"),
                         ("aws:apigatewayv2/stage:Stage", "access_log_settings.destination_arn"),
                         ("aws:lex/intent:Intent", "fulfillment_activity.code_hook.uri"),
                         ("aws:bedrock/agentAgentCollaborator:AgentAgentCollaborator",
                          "agent_descriptor.alias_arn"),
                         # awsred64 (stop 64): a RUM app monitor's metric destinations, each a metrics destination.
                         ("aws:rum/metricsDestination:MetricsDestination", "destination_arn")}  # fmt: skip
    assert all((token, target) in written for token, target in generated)
    named += [(token, target.split(".")[0]) for token, target in generated]
    assert len(named) >= 11
    missing = []
    for token, name in named:
        header = re.search(r"def _internal_init\(__self__,(.*?)__props__=None\)", files[token].read_text("utf-8"), re.S)
        assert header is not None, token
        if name not in re.findall(r"^\s+(\w+):", header.group(1), re.M):
            missing.append(f"{token} {name}")
    assert missing == []


def test_an_openapi_body_reads_what_the_same_integration_resource_reads() -> None:
    # openapi44 (stop 44): an OpenAPI body's integration is refused for the same stored-data reads as the resource of
    # its kind (a RestApi's body as a REST Integration, an HTTP API's body as an HTTP API Integration): the lists are
    # kept in step, so a read added to one is added to the other.
    from components.residency.endpoints import load_endpoints

    public = load_endpoints().public_access
    assert public is not None
    by_type = {e.type: e for e in public.anonymous_reads}
    pairs = {
        "aws:apigateway/restApi:RestApi": "aws:apigateway/integration:Integration",
        "aws:apigatewayv2/api:Api": "aws:apigatewayv2/integration:Integration",
    }
    assert {t for t, e in by_type.items() if e.operation_security} == set(pairs)
    for body, resource in pairs.items():
        assert by_type[body].path.startswith("body.paths.*.*.x-amazon-apigateway-integration.")
        assert (by_type[body].reads, by_type[body].kinds, by_type[body].read_methods) == (
            by_type[resource].reads,
            by_type[resource].kinds,
            by_type[resource].read_methods,
        )


def test_a_template_stack_set_reads_its_body_as_a_catalogued_stack_set_template() -> None:
    # stackset49 (stop 49): an AWS::CloudFormation::StackSet / ALIYUN::ROS::StackGroup written in a template is read as
    # the Pulumi StackSet's / stack group's template (`runs_as`): that type must be a stack_templates entry which runs
    # in several regions (no region of its own), and the Pulumi type's own template input must be the one named.
    from components.residency.endpoints import load_endpoints

    templates = {t.type: t for t in load_endpoints().stack_templates}
    runs_as = {n.type: n.runs_as for t in templates.values() for n in t.nested if n.runs_as is not None}
    assert runs_as == {
        "AWS::CloudFormation::StackSet": "aws:cloudformation/stackSet:StackSet",
        "ALIYUN::ROS::StackGroup": "alicloud:ros/stackGroup:StackGroup",
    }
    for token in runs_as.values():
        assert templates[token].region is None and templates[token].path == "template_body", token


def test_every_input_the_stack_set_instance_entries_name_is_an_input_of_its_resource() -> None:
    # stackinst50 (stop 50): the join of a Pulumi StackSet to its stack instances is data (endpoints.yaml
    # `stack_set_instances`); an input name no SDK has would join nothing (every override unread, every Default read),
    # and a StackSet type without a multi-region template entry would have no template to run the overrides in.
    import re

    from components.residency.endpoints import load_endpoints

    files = _sdk_resources()
    endpoints = load_endpoints()
    templates = {t.type: t for t in endpoints.stack_templates}
    named = []
    for entry in endpoints.stack_set_instances:
        named += [(entry.type, entry.name), (entry.type, entry.overrides)]
        named += [(entry.stack_set, name) for name in entry.names]
        assert templates[entry.stack_set].region is None, entry.stack_set
    assert len(named) == 12  # alired65 (stop 65): ros/stackInstances beside ros/stackInstance
    unknown = []
    for token, name in named:
        header = re.search(r"def _internal_init\(__self__,(.*?)__props__=None\)", files[token].read_text("utf-8"), re.S)
        assert header is not None, token
        if name not in re.findall(r"^\s+(\w+):", header.group(1), re.M):
            unknown.append(f"{token} {name}")
    assert unknown == []


def test_alired62_each_new_ros_twin_reaches_a_phone_field() -> None:
    """alired62 (stop 62): each ROS property mapped this round is read as a Pulumi input whose phone_fields entry
    judges it (so the mapping is what refuses an alarm number abroad), and each database type's address attributes are
    catalogued as its own hosts, ids and ports left out."""
    from components.residency.endpoints import load_endpoints

    endpoints = load_endpoints()
    kinds = {"ALIYUN::SchedulerX::AppGroup", "ALIYUN::DTS::SubscriptionJob2", "ALIYUN::DTS::SynchronizationJob2",
             "ALIYUN::DTS::MigrationJob2"}  # fmt: skip
    twins = {(r.type, r.resource, str(r.input_of(p))) for s in endpoints.stack_templates for r in s.resources
             if r.type in kinds for p in r.properties if "phone" in p or "contacts" in p}  # fmt: skip
    phones = {(f.type, f.path) for f in endpoints.phone_fields}
    assert {t[0] for t in twins} == kinds
    assert all(any(t == token and f"{p}.".startswith(f"{name}.") for t, p in phones) for _, token, name in twins)
    addresses = {a.type: sorted(a.attributes) for a in endpoints.template_attributes if "host" in a.names}
    assert addresses["ALIYUN::RDS::ReadOnlyDBInstance"] == ["ConnectionString"]
    assert addresses["ALIYUN::POLARDB::DBCluster"] == ["ClusterConnectionString", "PrimaryConnectionString"]
    assert addresses["ALIYUN::REDIS::Instance"] == ["ConnectionDomain"]
    for kind in ("ALIYUN::RDS::PrepayDBInstance", "ALIYUN::RDS::DBInstanceClone"):
        assert addresses[kind] == addresses["ALIYUN::RDS::DBInstance"]
    ours = [a for kind, attributes in addresses.items() if kind.split("::")[1] in {"RDS", "POLARDB", "REDIS", "MONGODB"}
            for a in attributes]  # fmt: skip
    assert ours and not any(a.endswith(("Id", "Ids", "Port")) for a in ours)


def test_alired61_each_new_ros_twin_reaches_an_account_or_group_field() -> None:
    """alired61 (stop 61): each ROS type mapped this round is read as a Pulumi type whose catalogue entries judge the
    mapped input (a written account or a network group), so the mapping is what refuses its partner's value; and the
    template's own ApsaraDB RDS instance's addresses are catalogued as its own hosts."""
    from components.residency.endpoints import load_endpoints

    endpoints = load_endpoints()
    kinds = {"ALIYUN::ResourceManager::MultiAccountDeliveryChannel", "ALIYUN::VPC::RouterInterface",
             "ALIYUN::VPC::PeeringRouterInterfaceBinding", "ALIYUN::VPC::GrantInstanceToCen"}  # fmt: skip
    twins = {(r.type, r.resource, str(r.input_of(p))) for s in endpoints.stack_templates for r in s.resources
             for p in r.properties if r.type in kinds}  # fmt: skip
    judged = {(f.type, f.path) for f in endpoints.written_account_fields}
    judged |= {(f.type, f.path) for f in endpoints.global_group_fields}
    assert {t[0] for t in twins} == kinds
    assert all(any(t == token and f"{p}.".startswith(f"{name}.") for t, p in judged) for _, token, name in twins)
    rds = [a for a in endpoints.template_attributes if a.type == "ALIYUN::RDS::DBInstance"]
    assert [(sorted(a.attributes), a.names) for a in rds] == [
        (["InnerConnectionString", "InnerIPAddress", "PublicConnectionString", "PublicIPAddress"], ("host",))
    ]
