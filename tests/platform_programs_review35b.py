"""Ordinary programs next to what stop 35 changed (false-alarm review of this stop's changes, stop 35).

What an EV platform team writes from the provider docs, in the stack's own country, where stop 35 moved the line:

- the guard holds a regionless name until the program's construction is over (order35): a bucket named by its literal
  text before the program makes it, with synchronous invokes (``aws.get_caller_identity()``, ``aws.get_region()``,
  ``aws.get_availability_zones()``, ``alicloud.get_account()``, ``alicloud.get_zones()``) in the middle, inside
  component resources, in loops and helper functions, and one bucket passed by name to several consumers before and
  after it;
- S3 Transfer Acceleration hosts are edge (mutants7): the regional and dual-stack hosts of the stack's bucket, a
  bucket whose name says "accelerate";
- an EMR cluster's DLF catalog settings (falsealarm15);
- nested ROS templates, OOS templates in ROS, a stack Parameter given an Output, Cloud Assistant's
  ``{{ACS::RegionId}}`` and the aws CLI's zone options in scripts (leftovers35).

tests/test_realistic_programs.py runs them as CASES (``falsealarm16-*``), in CN on both clouds, EU, DE, JP and US.
``pulumi.run`` (an async entry point) is not written here: the SDK registers it on the root Stack, which only
``run_in_stack`` (the language host's entry) makes and runs; the project's mock session runs a program function without
it, so ``pulumi.run`` raises there (docs/residency.md, "Left open by the false-alarm review of this stop's changes").
"""

from __future__ import annotations

import base64
import json
from typing import Any, cast

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _trust

Build = Any
ALI_VPC = "vpc-uf6f7l4fg90oxxxxxxxxx"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]


def _dns(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _bucket(name: str, bucket: str, opts: pulumi.ResourceOptions) -> aws.s3.BucketV2:
    made = aws.s3.BucketV2(name, bucket=bucket, opts=opts)
    aws.s3.BucketPublicAccessBlock(
        name, bucket=made.id, block_public_acls=True, block_public_policy=True, ignore_public_acls=True,
        restrict_public_buckets=True, opts=opts,
    )  # fmt: skip
    return made


def _ros(resources: dict[str, Any], parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    template: dict[str, Any] = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources}
    if parameters:
        template["Parameters"] = parameters
    return template


# -- synchronous invokes between a name and the bucket it names (order35) --------------------------------------------


def invoke_between(region: str, invoke: str) -> Build:
    # docs: aws getCallerIdentity (account_id), getRegion (region), getPartition (partition, dns_suffix),
    # getAvailabilityZones (names), lambda/function environment, s3/bucketv2. The exporter's bucket is named after the
    # account (the docs' own naming advice for unique names); the function is declared first, an invoke runs, and the
    # bucket is declared further down.
    def build(c: Any) -> object:
        opts = _aws(region)
        ident = aws.get_caller_identity(opts=pulumi.InvokeOptions(provider=opts.provider))
        name = f"fleet-exports-{ident.account_id}-{region}"
        fn = _function("trip-exporter", opts, {"EXPORT_BUCKET": name, "EXPORT_PREFIX": "trips/"}, timeout=300)
        if invoke == "region":
            here = aws.get_region(opts=pulumi.InvokeOptions(provider=opts.provider))
            aws.ssm.Parameter("export-region", name="/fleet/export/region", type="String", value=here.region, opts=opts)
        elif invoke == "partition":
            part = aws.get_partition(opts=pulumi.InvokeOptions(provider=opts.provider))
            aws.ssm.Parameter("export-arn", name="/fleet/export/bucket-arn", type="String",
                              value=f"arn:{part.partition}:s3:::{name}", opts=opts)  # fmt: skip
        elif invoke == "zones":
            zones = aws.get_availability_zones(state="available", opts=pulumi.InvokeOptions(provider=opts.provider))
            for i, zone in enumerate(zones.names[:2]):
                aws.ec2.Subnet(f"export-{i}", vpc_id="vpc-0a1b2c3d4e5f60718", cidr_block=f"10.40.{i}.0/24",
                               availability_zone=zone, opts=opts)  # fmt: skip
        elif invoke == "twice":
            aws.get_caller_identity(opts=pulumi.InvokeOptions(provider=opts.provider))
            aws.get_region(opts=pulumi.InvokeOptions(provider=opts.provider))
        _bucket("exports", name, opts)
        if invoke == "after":
            aws.get_availability_zones(state="available", opts=pulumi.InvokeOptions(provider=opts.provider))
        return fn

    return build


def ali_invoke_between(region: str, invoke: str) -> Build:
    # docs: alicloud getAccount (id), getZones (available_resource_creation), realtimecompute/vvpinstance
    # (`storage.oss.bucket`), oss/bucket. The Flink workspace is declared first with its zone looked up, its state
    # bucket (named after the account) further down.
    def build(c: Any) -> object:
        opts = _ali(region)
        account = alicloud.get_account(opts=pulumi.InvokeOptions(provider=opts.provider))
        name = f"fleet-flink-{account.id}-{region}"
        zone = f"{region}-h"
        if invoke == "zones":
            zones = alicloud.get_zones(available_resource_creation="VSwitch",
                                       opts=pulumi.InvokeOptions(provider=opts.provider))  # fmt: skip
            zone = zones.zones[0].id if zones.zones else zone
        flink = alicloud.realtimecompute.VvpInstance(
            "soc-jobs", vvp_instance_name="soc-jobs", payment_type="PayAsYouGo", zone_id=zone, vpc_id=ALI_VPC,
            vswitch_ids=["vsw-flink"], storage={"oss": {"bucket": name}}, resource_spec={"cpu": 8, "memory_gb": 32},
            opts=opts,
        )  # fmt: skip
        if invoke == "account-again":
            alicloud.get_account(opts=pulumi.InvokeOptions(provider=opts.provider))
        bucket = alicloud.oss.Bucket("flink-state", bucket=name, opts=opts)
        alicloud.oss.BucketPublicAccessBlock("flink-state", bucket=bucket.bucket, block_public_access=True, opts=opts)
        return flink

    return build


# -- component resources (order35) ------------------------------------------------------------------------------------


class TelemetryArchive(pulumi.ComponentResource):
    """The data team's archive component: a bucket with its public access block and versioning."""

    def __init__(self, name: str, bucket: str, provider: pulumi.ProviderResource, nested: bool = False) -> None:
        super().__init__("fleet:storage:TelemetryArchive", name, None, pulumi.ResourceOptions(provider=provider))
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        self.bucket = aws.s3.BucketV2(f"{name}-bucket", bucket=bucket, opts=child)
        aws.s3.BucketPublicAccessBlock(
            f"{name}-pab", bucket=self.bucket.id, block_public_acls=True, block_public_policy=True,
            ignore_public_acls=True, restrict_public_buckets=True, opts=child,
        )  # fmt: skip
        aws.s3.BucketVersioningV2(f"{name}-versioning", bucket=self.bucket.id,
                                  versioning_configuration={"status": "Enabled"}, opts=child)  # fmt: skip
        self.register_outputs({"bucket": self.bucket.bucket})


class TripService(pulumi.ComponentResource):
    """The trip service component: its function, told the archive bucket's name."""

    def __init__(self, name: str, archive: str, provider: pulumi.ProviderResource) -> None:
        super().__init__("fleet:app:TripService", name, None, pulumi.ResourceOptions(provider=provider))
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        self.function = _function(f"{name}-fn", child, {"ARCHIVE_BUCKET": archive, "ARCHIVE_PREFIX": "trips/"})
        self.register_outputs({})


class Platform(pulumi.ComponentResource):
    """A component of components: the trip service first, its archive after it, both children."""

    def __init__(self, name: str, archive: str, provider: pulumi.ProviderResource) -> None:
        super().__init__("fleet:platform:Platform", name, None, pulumi.ResourceOptions(provider=provider))
        TripService(f"{name}-trips", archive, provider)
        TelemetryArchive(f"{name}-archive", archive, provider)
        self.register_outputs({})


def component_archive(region: str, form: str) -> Build:
    # docs: pulumi ComponentResource (register_outputs, parent), s3/bucketv2, s3/bucketversioningv2,
    # lambda/function. `form`: `service-first` the trip service component before the archive component; `plain-first`
    # a plain Lambda before the component; `nested` one component making both; `invoke` a caller-identity invoke
    # between the service and the archive.
    def build(c: Any) -> object:
        provider = aws.Provider(f"aws-{region}", region=region)
        name = f"fleet-telemetry-archive-{region}"
        if form == "nested":
            return Platform("fleet", name, provider)
        if form == "plain-first":
            used: object = _function("exporter", pulumi.ResourceOptions(provider=provider), {"ARCHIVE_BUCKET": name})
        else:
            used = TripService("trips", name, provider)
        if form == "invoke":
            aws.get_caller_identity(opts=pulumi.InvokeOptions(provider=provider))
        TelemetryArchive("archive", name, provider)
        return used

    return build


class FlinkStateStore(pulumi.ComponentResource):
    """An OSS state bucket with its public access block, as a component."""

    def __init__(self, name: str, bucket: str, provider: pulumi.ProviderResource) -> None:
        super().__init__("fleet:storage:FlinkStateStore", name, None, pulumi.ResourceOptions(provider=provider))
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        made = alicloud.oss.Bucket(f"{name}-bucket", bucket=bucket, opts=child)
        alicloud.oss.BucketPublicAccessBlock(f"{name}-pab", bucket=made.bucket, block_public_access=True, opts=child)
        self.register_outputs({})


def ali_component_state(region: str) -> Build:
    # docs: realtimecompute/vvpinstance (`storage.oss.bucket`), oss/bucket, pulumi ComponentResource. The Flink
    # workspace first, its state store component after it.
    def build(c: Any) -> object:
        provider = alicloud.Provider(f"ali-{region}", region=region)
        name = f"fleet-flink-state-{region}"
        flink = alicloud.realtimecompute.VvpInstance(
            "soc-jobs", vvp_instance_name="soc-jobs", payment_type="PayAsYouGo", zone_id=f"{region}-h",
            vpc_id=ALI_VPC, vswitch_ids=["vsw-flink"], storage={"oss": {"bucket": name}},
            resource_spec={"cpu": 8, "memory_gb": 32}, opts=pulumi.ResourceOptions(provider=provider),
        )  # fmt: skip
        FlinkStateStore("flink-state", name, provider)
        return flink

    return build


# -- loops and helper functions (order35) -----------------------------------------------------------------------------

SITES = ["north", "south", "east"]


def _site_exporter(site: str, bucket: str, opts: pulumi.ResourceOptions) -> object:
    return _function(f"{site}-exporter", opts, {"TILE_BUCKET": bucket, "SITE": site})


def loop_sites(region: str, form: str) -> Build:
    # docs: lambda/function, s3/bucketv2: one exporter per depot site, each writing map tiles to its site's bucket.
    # `form`: `two-loops` the exporters in one loop, the buckets in a later loop; `helper` a helper makes each pair,
    # exporter first; `dict` the buckets made by a dict comprehension after the exporters.
    def build(c: Any) -> object:
        opts = _aws(region)
        names = {s: f"fleet-{s}-tiles-{region}" for s in SITES}
        if form == "helper":

            def site(s: str) -> object:
                fn = _site_exporter(s, names[s], opts)
                _bucket(f"{s}-tiles", names[s], opts)
                return fn

            return [site(s) for s in SITES]
        fns = [_site_exporter(s, names[s], opts) for s in SITES]
        if form == "dict":
            made = {s: _bucket(f"{s}-tiles", n, opts) for s, n in names.items()}
            return fns, made
        for s in SITES:
            _bucket(f"{s}-tiles", names[s], opts)
        return fns

    return build


# -- one bucket, several consumers before and after it (order35) -----------------------------------------------------


def shared_bucket(region: str, where: str) -> Build:
    # docs: athena/workgroup (`result_configuration.output_location`), glue/job (`default_arguments` --TempDir,
    # `command.script_location`), lambda/function environment, cloudtrail/trail (`s3_bucket_name`), s3/bucketv2,
    # s3/bucketpolicy. The analytics bucket, named once, passed by its name to Athena, a Glue job, a Lambda and
    # CloudTrail; `where`: `after` all of them are declared before the bucket, `middle` half before, half after.
    def build(c: Any) -> object:
        opts = _aws(region)
        name = f"fleet-analytics-{region}"
        glue_role = aws.iam.Role("glue", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)

        def first() -> list[object]:
            return [
                aws.athena.Workgroup("fleet", name="fleet", configuration={"result_configuration": {
                    "output_location": f"s3://{name}/athena-results/"}}, opts=opts),
                aws.glue.Job("trip-etl", role_arn=glue_role.arn, glue_version="4.0", command={
                    "script_location": f"s3://{name}/scripts/trip_etl.py", "python_version": "3"},
                    default_arguments={"--TempDir": f"s3://{name}/glue-temp/", "--job-language": "python"},
                    opts=opts),
            ]  # fmt: skip

        def second() -> list[object]:
            return [
                _function("report-writer", opts, {"REPORT_BUCKET": name}),
                aws.cloudtrail.Trail("fleet-audit", s3_bucket_name=name, s3_key_prefix="trail",
                                     include_global_service_events=False, opts=opts),
            ]  # fmt: skip

        used = first()
        if where == "after":
            used += second()
        bucket = _bucket("analytics", name, opts)
        if where == "middle":
            used += second()
        return used, bucket

    return build


# -- S3 hosts of the stack's own bucket next to Transfer Acceleration (mutants7) -------------------------------------


def s3_regional_hosts(region: str, form: str) -> Build:
    # docs: S3 "Virtual hosting of buckets" (<bucket>.s3.<region>.amazonaws.com), "Using dual-stack endpoints"
    # (<bucket>.s3.dualstack.<region>.amazonaws.com), lambda/function environment. The upload service is told its
    # bucket's regional host; `form`: `regional`, `dualstack`, `accelerate-name` a bucket named "...-accelerated-..."
    # on its regional host, `later` the regional host with the bucket made after the function.
    def build(c: Any) -> object:
        opts = _aws(region)
        name = f"fleet-accelerated-uploads-{region}" if form == "accelerate-name" else f"fleet-uploads-{region}"
        if form != "later":
            _bucket("uploads", name, opts)
        host = f"{name}.s3.{region}.{_dns(region)}"
        if form == "dualstack":
            host = f"{name}.s3.dualstack.{region}.{_dns(region)}"
        fn = _function("upload-service", opts, {"UPLOAD_ENDPOINT": f"https://{host}", "UPLOAD_BUCKET": name})
        if form == "later":
            _bucket("uploads", name, opts)
        return fn

    return build


# -- EMR's DLF catalog settings (falsealarm15) -------------------------------------------------------------------------


def emr_dlf(region: str, form: str) -> Build:
    # docs: alicloud emrv2/cluster (`application_configs`: application_name, config_file_name, config_item_key,
    # config_item_value), EMR "Use a Hive connector to read data from DLF tables" (dlf.catalog.region,
    # dlf.catalog.endpoint, dlf.catalog.uid, dlf.catalog.akMode, dlf.catalog.proxyMode). The lake's Hive metastore in
    # DLF of the cluster's own region; `form`: `vpc` the DLF VPC endpoint, `public` the public endpoint, `region-only`
    # only the region, `spark` the same settings on Spark's hive-site as well.
    def build(c: Any) -> object:
        opts = _ali(region)
        endpoint = f"dlf-vpc.{region}.aliyuncs.com" if form != "public" else f"dlf.{region}.aliyuncs.com"
        items = {"hive.metastore.type": "DLF", "dlf.catalog.region": region, "dlf.catalog.uid": "1234567890123456",
                 "dlf.catalog.akMode": "EMR_AUTO", "dlf.catalog.proxyMode": "DLF_ONLY"}  # fmt: skip
        if form != "region-only":
            items["dlf.catalog.endpoint"] = endpoint
        configs: Any = [
            {"application_name": "HIVE", "config_file_name": "hive-site.xml", "config_item_key": k,
             "config_item_value": v, "config_scope": "CLUSTER"} for k, v in items.items()
        ]  # fmt: skip
        if form == "spark":
            configs += [
                {"application_name": "SPARK", "config_file_name": "hive-site.xml", "config_item_key": k,
                 "config_item_value": v, "config_scope": "CLUSTER"} for k, v in items.items()
            ]  # fmt: skip
        group: Any = {"instance_types": ["ecs.g7.xlarge"], "vswitch_ids": ["vsw-emr"],
                 "system_disk": {"category": "cloud_essd", "size": 120},
                 "data_disks": [{"category": "cloud_essd", "size": 200, "count": 1}]}  # fmt: skip
        return alicloud.emrv2.Cluster(
            "lake", cluster_name="fleet-lake", cluster_type="DATALAKE", release_version="EMR-5.14.0",
            payment_type="PayAsYouGo", deploy_mode="NORMAL", security_mode="NORMAL",
            applications=["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"], application_configs=configs,
            node_attributes=[{"vpc_id": ALI_VPC, "zone_id": f"{region}-h", "security_group_id": "sg-emr",
                              "ram_role": "AliyunECSInstanceForEMRRole", "key_pair_name": "emr"}],
            node_groups=cast(Any, [{"node_group_type": "MASTER", "node_group_name": "master", "node_count": 1, **group},
                                   {"node_group_type": "CORE", "node_group_name": "core", "node_count": 3, **group}]),
            opts=opts,
        )  # fmt: skip

    return build


# -- nested ROS templates, OOS in ROS, Parameters given Outputs (leftovers35) ----------------------------------------


def ros_nested(region: str, form: str) -> Build:
    # docs: alicloud ros/stack (template_body, parameters), ROS ALIYUN::ROS::Stack (TemplateBody, Parameters),
    # ALIYUN::OSS::Bucket, ALIYUN::ECS::Instance UserData with Fn::Sub, pseudo parameter ALIYUN::Region. The uploader
    # fleet as a child stack of the platform stack. `form`: `pseudo` the child builds its OSS endpoint from
    # ${ALIYUN::Region}; `given-region-ref` the parent gives `{"Ref": "ALIYUN::Region"}`; `output` the parent's own
    # Parameter is given a Pulumi Output (the region the VPC is in) and passed on (`literal`: the region written out;
    # `output-abroad`: the Output resolves to Singapore, the offending twin); `yaml` the child as YAML text with a
    # literal home region; `two-levels` a child of the child; `bucket-output` the child's bucket name given from the
    # stack's own OSS bucket's Output.
    def build(c: Any) -> object:
        opts = _ali(region)
        endpoint = "https://oss-${UploadSite}-internal.aliyuncs.com"
        child_parameters: dict[str, Any] = {"UploadSite": {"Type": "String", "Default": region}}
        if form == "pseudo":
            endpoint = "https://oss-${ALIYUN::Region}-internal.aliyuncs.com"
            child_parameters = {}
        user_data = {"Fn::Sub": f"#!/bin/sh\necho OSS_ENDPOINT={endpoint} >> /etc/fleet/uploader.env\n"}
        instance = {"Type": "ALIYUN::ECS::Instance", "Properties": {
            "ImageId": "m-fleetbase0001", "InstanceType": "ecs.g7.large", "VpcId": "vpc-fleet0001",
            "VSwitchId": "vsw-fleet0001", "SecurityGroupId": "sg-fleet0001", "UserData": user_data}}  # fmt: skip
        resources: dict[str, Any] = {"Uploader": instance}
        if form == "bucket-output":
            child_parameters["UploadBucket"] = {"Type": "String"}
            resources["UploadPolicy"] = {"Type": "ALIYUN::RAM::ManagedPolicy", "Properties": {
                "PolicyName": "uploader-put", "PolicyDocument": {"Version": "1", "Statement": [{
                    "Effect": "Allow", "Action": ["oss:PutObject"],
                    "Resource": [{"Fn::Sub": "acs:oss:*:*:${UploadBucket}/uploads/*"}]}]}}}  # fmt: skip
        child = _ros(resources, child_parameters)
        given: dict[str, Any] = {}
        parent_parameters: dict[str, Any] = {}
        pairs: Any = None
        if form == "given-region-ref":
            given = {"UploadSite": {"Ref": "ALIYUN::Region"}}
        elif form in ("output", "literal", "output-abroad"):
            parent_parameters = {"FleetSite": {"Type": "String"}}
            given = {"UploadSite": {"Ref": "FleetSite"}}
            vpc = alicloud.vpc.Network("fleet", vpc_name="fleet", cidr_block="10.20.0.0/16", opts=opts)
            there = "ap-southeast-1" if form == "output-abroad" else region
            site: Any = vpc.id.apply(lambda _: there) if form != "literal" else region
            pairs = [{"parameter_key": "FleetSite", "parameter_value": site}]
        elif form == "bucket-output":
            bucket = alicloud.oss.Bucket("uploads", bucket=f"fleet-uploads-{region}", opts=opts)
            parent_parameters = {"UploadBucket": {"Type": "String"}}
            given = {"UploadBucket": {"Ref": "UploadBucket"}}
            pairs = [{"parameter_key": "UploadBucket", "parameter_value": bucket.bucket}]
        body: Any = child
        if form == "yaml":
            body = (
                "ROSTemplateFormatVersion: '2015-09-01'\n"
                f"Parameters:\n  UploadSite:\n    Type: String\n    Default: {region}\n"
                "    AllowedValues: [" + region + "]\n"
                "Resources:\n  Uploader:\n    Type: ALIYUN::ECS::Instance\n    Properties:\n"
                "      ImageId: m-fleetbase0001\n      InstanceType: ecs.g7.large\n      VpcId: vpc-fleet0001\n"
                "      VSwitchId: vsw-fleet0001\n      SecurityGroupId: sg-fleet0001\n"
                "      UserData:\n        Fn::Sub: |\n          #!/bin/sh\n"
                "          echo OSS_ENDPOINT=https://oss-${UploadSite}-internal.aliyuncs.com >> /etc/fleet/up.env\n"
            )
        if form == "two-levels":
            body = _ros({"Uploaders": {"Type": "ALIYUN::ROS::Stack", "Properties": {
                "TemplateBody": child, "Parameters": {"UploadSite": {"Ref": "FleetSite"}}, "TimeoutMins": 30}}},
                {"FleetSite": {"Type": "String", "Default": region}})  # fmt: skip
        properties: dict[str, Any] = {"TemplateBody": body, "TimeoutMins": 30}
        if given:
            properties["Parameters"] = given
        root = _ros({"Uploaders": {"Type": "ALIYUN::ROS::Stack", "Properties": properties}}, parent_parameters)
        extra: dict[str, Any] = {"parameters": pairs} if pairs else {}
        return alicloud.ros.Stack("platform", stack_name="platform", template_body=json.dumps(root), opts=opts,
                                  **extra)  # fmt: skip

    return build


def ros_oos_runbook(region: str, form: str) -> Build:
    # docs: ROS ALIYUN::OOS::Template (TemplateName, Content), OOS template structure (Parameters, Default,
    # {{ name }}), ACS::ECS::RunCommand, ACS::ECS::CreateSnapshot. `form`: `region-id` the runbook runs a command with
    # regionId {{ ACS::RegionId }} only; `snapshot` a snapshot runbook whose Parameter regionId has the OOS default;
    # `default-home` a URL built from a Parameter whose Default is the home region; `yaml` the Content as YAML text.
    def build(c: Any) -> object:
        opts = _ali(region)
        parameters: dict[str, Any] = {"instanceId": {"Type": "String"}}
        if form == "snapshot":
            parameters["regionId"] = {"Type": "String", "Default": "{{ ACS::RegionId }}"}
            tasks: list[Any] = [{"Name": "snapshot", "Action": "ACS::ECS::CreateSnapshot", "Properties": {
                "regionId": "{{ regionId }}", "diskId": "d-fleet0001", "snapshotName": "nightly"}}]  # fmt: skip
        else:
            script = "#!/bin/sh\nsystemctl restart fleet-agent\n"
            if form in ("default-home", "yaml"):
                parameters["logRegion"] = {"Type": "String", "Default": region}
                script += (
                    "curl -sf -T /var/log/fleet.tgz https://fleet-logs.oss-{{ logRegion }}-internal.aliyuncs.com/\n"
                )
            tasks = [{"Name": "restart", "Action": "ACS::ECS::RunCommand", "Properties": {
                "regionId": "{{ ACS::RegionId }}", "instanceId": "{{ instanceId }}",
                "commandType": "RunShellScript", "commandContent": script}}]  # fmt: skip
        runbook = {"FormatVersion": "OOS-2019-06-01", "Parameters": parameters, "Tasks": tasks}
        content: Any = json.dumps(runbook)
        if form == "yaml":
            content = (
                "FormatVersion: OOS-2019-06-01\nParameters:\n  instanceId:\n    Type: String\n"
                f"  logRegion:\n    Type: String\n    Default: {region}\n"
                "Tasks:\n  - Name: ship\n    Action: ACS::ECS::RunCommand\n    Properties:\n"
                "      regionId: '{{ ACS::RegionId }}'\n      instanceId: '{{ instanceId }}'\n"
                "      commandType: RunShellScript\n      commandContent: |\n"
                "        curl -sf -T /var/log/fleet.tgz https://fleet-logs.oss-{{ logRegion }}-internal.aliyuncs.com/\n"
            )
        root = _ros({"Runbook": {"Type": "ALIYUN::OOS::Template", "Properties": {
            "TemplateName": "fleet-runbook", "Content": content}}})  # fmt: skip
        return alicloud.ros.Stack("platform", stack_name="platform", template_body=json.dumps(root), opts=opts)

    return build


def cfn_given_output(region: str, form: str) -> Build:
    # docs: aws cloudformation/stack (parameters: a map of the template's Parameters), AWS::Lambda::Function
    # Environment, AWS::DynamoDB::GlobalTable Replicas. `form`: `bucket` the template's ArchiveBucket Parameter is
    # given the stack's own bucket's name (an Output) and the function is told it; `bucket-literal` the same name
    # written out; `bucket-other` / `bucket-other-output` another bucket's name (literal / an Output resolving to it);
    # `bucket-default` nothing given, the Parameter's Default the stack's own bucket's name;
    # `region` the replica region is given the region an SSM parameter's ARN says (an Output resolving home), over the
    # Default of the home region.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = "aws-cn" if region.startswith("cn-") else "aws"
        if form.startswith("bucket"):
            bucket = _bucket("archive", f"fleet-archive-{region}", opts)
            declared: dict[str, Any] = {"Type": "String"}
            given: dict[str, Any] = {"ArchiveBucket": bucket.bucket}
            if form == "bucket-literal":
                given = {"ArchiveBucket": f"fleet-archive-{region}"}
            elif form == "bucket-other":
                given = {"ArchiveBucket": "partner-archive-drop"}
            elif form == "bucket-other-output":
                given = {"ArchiveBucket": bucket.arn.apply(lambda _: "partner-archive-drop")}
            elif form == "bucket-default":
                declared = {"Type": "String", "Default": f"fleet-archive-{region}"}
                given = {}
            template = {
                "AWSTemplateFormatVersion": "2010-09-09",
                "Parameters": {"ArchiveBucket": declared},
                "Resources": {"Exporter": {"Type": "AWS::Lambda::Function", "Properties": {
                    "Runtime": "python3.12", "Handler": "index.handler",
                    "Role": f"arn:{part}:iam::123456789012:role/exporter",
                    "Code": {"ZipFile": "def handler(e, c):\n    return None\n"},
                    "Environment": {"Variables": {"ARCHIVE_BUCKET": {"Ref": "ArchiveBucket"}}}}}},
            }  # fmt: skip
            return aws.cloudformation.Stack("exporter", template_body=json.dumps(template), parameters=given,
                                            opts=opts)  # fmt: skip
        marker = aws.ssm.Parameter("replica-marker", name="/fleet/replica", type="String", value="set", opts=opts)
        template_text = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            f"Parameters:\n  ReplicaRegion:\n    Type: String\n    Default: {region}\n"
            "Resources:\n  Trips:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n"
            "      TableName: trips\n      BillingMode: PAY_PER_REQUEST\n"
            "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
            "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
            "      Replicas:\n        - Region: !Ref ReplicaRegion\n"
        )
        given = {"ReplicaRegion": marker.arn.apply(lambda arn: arn.split(":")[3])}
        return aws.cloudformation.Stack("trips", template_body=template_text, parameters=given, opts=opts)

    return build


# -- Cloud Assistant {{ACS::RegionId}} (leftovers35) -----------------------------------------------------------------


def ecs_command(region: str, form: str) -> Build:
    # docs: alicloud ecs/command (command_content Base64, enable_parameter), Cloud Assistant built-in environment
    # parameters ({{ACS::RegionId}}, {{ACS::InstanceId}}), ossutil (-e endpoint), aliyun CLI (--region), oss/bucket (the
    # stack's own log bucket). `form`: `ossutil` ossutil with the region's internal endpoint; `aliyun-region` the aliyun
    # CLI's --region given {{ACS::RegionId}}; `instance-id` {{ACS::InstanceId}} in an object path beside it;
    # `custom` a custom parameter {{logPrefix}} beside {{ACS::RegionId}}.
    def build(c: Any) -> object:
        if form == "ossutil":
            script = ("#!/bin/sh\nossutil cp -f /var/log/fleet/agent.log oss://fleet-logs/agent/ "
                      "-e oss-{{ACS::RegionId}}-internal.aliyuncs.com\n")  # fmt: skip
        elif form == "aliyun-region":
            script = (
                "#!/bin/sh\naliyun oss cp /var/log/fleet/agent.log oss://fleet-logs/agent/ --region {{ACS::RegionId}}\n"
            )
        elif form == "instance-id":
            script = ("#!/bin/sh\ncurl -sf -T /var/log/fleet/agent.log "
                      "https://fleet-logs.oss-{{ACS::RegionId}}-internal.aliyuncs.com/agent/"
                      "{{ACS::InstanceId}}.log\n")  # fmt: skip
        else:
            script = ("#!/bin/sh\ncurl -sf -T /var/log/fleet/agent.log "
                      "https://fleet-logs.oss-{{ACS::RegionId}}-internal.aliyuncs.com/"
                      "{{logPrefix}}/agent.log\n")  # fmt: skip
        opts = _ali(region)
        logs = alicloud.oss.Bucket("fleet-logs", bucket="fleet-logs", opts=opts)
        alicloud.oss.BucketPublicAccessBlock("fleet-logs", bucket=logs.bucket, block_public_access=True, opts=opts)
        return alicloud.ecs.Command(
            "ship-agent-log", name="ship-agent-log", type="RunShellScript", timeout=300, enable_parameter=True,
            command_content=base64.b64encode(script.encode()).decode(), opts=opts,
        )  # fmt: skip

    return build


# -- the aws CLI's zone options in scripts (leftovers35) ------------------------------------------------------------


def cli_zone_script(region: str, form: str, zone: str) -> Build:
    # docs: ssm/document (aws:runShellScript), ec2/launchtemplate user_data, AWS CLI ec2 create-subnet / create-volume
    # (--availability-zone, --availability-zone-id), autoscaling create-auto-scaling-group (--availability-zones),
    # ec2 describe-instance-type-offerings (--location-type availability-zone-id), IMDS placement/availability-zone.
    # `form`: `subnet` create-subnet with `zone`; `subnet-id` with --availability-zone-id; `equals` the
    # --availability-zone=<zone> spelling; `volume-imds` create-volume in the zone IMDS gives; `asg` the plural option;
    # `offerings` describe-instance-type-offerings by zone id; `user-data` create-volume in EC2 user data.
    def build(c: Any) -> object:
        opts = _aws(region)
        subnet = "aws ec2 create-subnet --vpc-id vpc-0a1b2c3d4e5f60718 --cidr-block 10.40.9.0/24"
        if form == "subnet":
            line = f"{subnet} --availability-zone {zone} --region {region}"
        elif form == "subnet-id":
            line = f"{subnet} --availability-zone-id {zone}"
        elif form == "equals":
            line = f"aws ec2 create-volume --size 100 --volume-type gp3 --availability-zone={zone} --region {region}"
        elif form == "volume-imds":
            line = ("AZ=$(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone)\n"
                    'aws ec2 create-volume --size 100 --volume-type gp3 --availability-zone "$AZ"')  # fmt: skip
        elif form == "asg":
            line = (f"aws autoscaling create-auto-scaling-group --auto-scaling-group-name batch --launch-template "
                    f"LaunchTemplateName=batch --min-size 0 --max-size 4 --availability-zones {zone}")  # fmt: skip
        elif form == "offerings":
            line = (f"aws ec2 describe-instance-type-offerings --location-type availability-zone-id "
                    f"--filters Name=location,Values={zone} --region {region}")  # fmt: skip
        else:
            line = f"aws ec2 create-volume --size 50 --availability-zone {zone} --region {region}"
        if form == "user-data":
            return aws.ec2.LaunchTemplate(
                "batch", image_id="ami-0a1b2c3d4e5f60718", instance_type="m7g.large",
                user_data=base64.b64encode(f"#!/bin/bash\n{line}\n".encode()).decode(), opts=opts,
            )  # fmt: skip
        content = {"schemaVersion": "2.2", "description": "Batch capacity", "mainSteps": [{
            "action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": line.split("\n")}}]}  # fmt: skip
        return aws.ssm.Document("batch-capacity", document_type="Command", document_format="JSON",
                                content=json.dumps(content), opts=opts)  # fmt: skip

    return build
