"""False alarms, round 34 (stop 66, issue 9: falsealarm66).

Ordinary in-country boot scripts a platform team writes (EC2 user data in EU / US / JP and aws-cn CN, ECS user data
in CN / JP / DE), with emphasis on what stop 65's second wave added readers for: xargs with ``-a FILE`` / ``< FILE`` /
``-0`` / ``-d ','`` over home Regions, ``doas`` / ``screen -dmS`` / ``tmux new-session -d`` / ``watch`` / ``script
-qc`` / ``busybox sh -c`` / ``nice`` / ``timeout`` around home commands, ``set -- $RS`` under ``IFS=,``, Fluent Bit's
command line (``-o es -p cloud_id=``, ``-o forward -p host=``), Filebeat's keystore and ``-E=``, manifests and
settings files filled by sed before kubectl or the agent reads them, a written kustomization with local bases only,
``kubectl set env --from=configmap/`` of a written env file. The hunt (one-value probes of the unchanged engine, main
d207e72e, the home Elastic Cloud deployment / Datadog site declared resident) found the second wave's readers right on
compliant programs (pinned: ``boot-wave2-home``, ``ali-boot-wave2-home``, ``k8s-local-home``,
``beats-home-declared``), except:

- **a Fluent Bit ``-p cloud_id=$VAR`` of a variable the script assigns** (Fluent Bit "Elasticsearch": "Cloud_ID | If
  using Elastic's Elasticsearch Service you can specify the cloud_id of the cluster running",
  https://docs.fluentbit.io/manual/pipeline/outputs/elasticsearch; bash(1) "Parameter Expansion"): the command line's
  properties were read as written, so the id held ``$ES_CLOUD_ID``, did not decode, and the ``es`` output was RES-016
  by ``firelens-elastic-cloud-id`` whatever the variable held: the home deployment, declared by its host, was refused
  (``fb-cloudid-var-home-declared``), and one abroad was refused under RES-016 instead of RES-015 by its host
  (``fb-cloudid-var-abroad``: a wrong rule); one read at run time stays RES-016 (``fb-cloudid-var-ssm``, pinned);
- **a template whose placeholder sits inside a host, filled by sed before its reader reads it** (GNU sed "The s
  Command"; kubectl apply: ``cat pod.json | kubectl apply -f -``,
  https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/): the reference scan (and, for a template
  piped or redirected, the here-document's own walk) read the template as written, so
  ``https://sqs.__REGION__.amazonaws.com/...`` was RES-015 as ``sqs.__region__.amazonaws.com`` with the home Region
  filled in (``sed-manifest-host-home``, ``sed-config-host-home``, ``sed-imds-config-home``,
  ``ali-sed-config-host-home``: residency-open's "a placeholder inside a host in the template as written", k8s65b),
  a Region abroad filled in was refused by the placeholder (RES-015, a wrong rule) or, in aws-cn where the placeholder
  host is under a China-only suffix, passed every door (``sed-manifest-host-abroad`` CN: a leak).

- **a cloud-config's Collector file merged on its runcmd line** (OpenTelemetry "Configuration": several ``--config``
  sources merged into one; cloud-init "write_files", "runcmd"): the written file was given the Datadog exporter's US1
  default on its own though the line's ``yaml:`` URI writes the site (``otel-cc-line-site-home-declared``, RES-015
  ``datadoghq.com``; round 16's corner, left open by config65b).

Reproduced on the unchanged engine (main d207e72e; this module and tests/test_realistic_programs.py in a ``git archive``
of it): **40 programs, 25 failed every door's agreement: 15 false alarms, 9 wrong rules, 1 leak**; 15 pinned (passing
before as after). See docs/residency.md, *False alarms, round 34 (stop 66)*.

Ids: ``falsealarm66-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_config63 import cloud_host, cloud_id
from platform_programs_falsealarm58 import _ali, _boot

ELASTIC_HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "DE": "eu-central-1"}
"""An Elastic Cloud on AWS region inside each market (Elastic Cloud "Regions": AWS eu-west-1, us-east-1,
ap-northeast-1, eu-central-1)."""
ELASTIC_ABROAD = {"EU": "us-east-1", "JP": "us-east-1", "DE": "us-east-1"}
"""An Elastic Cloud on AWS region outside each market."""

# -- Fluent Bit's Elasticsearch output on its command line, the deployment's id in a variable ("Command line
# interface": "-o, --output=OUTPUT set an output", "-p, --prop="A=B" set plugin configuration property") --------------
FB = "/opt/fluent-bit/bin/fluent-bit -i tail -p path=/var/log/app/*.log -p tag=app -o es -m '*'"


def fb_cloudid_var(value: str) -> str:
    """The deployment's id kept in a variable and given to ``-p cloud_id=``."""
    return (
        f"ES_CLOUD_ID={value}\n"
        f'nohup {FB} -p cloud_id="$ES_CLOUD_ID" -p "cloud_auth=fleet_writer:${{ES_PWD}}" -p tls=on '
        "> /var/log/fluent-bit.log 2>&1 &\n"
    )


FB_CLOUDID_SSM = fb_cloudid_var(
    "$(aws ssm get-parameter --name /fleet/es/cloud-id --region @R@ --query Parameter.Value --output text)"
)
"""The id read from Parameter Store at boot: no reader computes it (RES-016 by the output's entry, pinned)."""

# -- templates whose placeholder sits inside a host, filled by sed (GNU sed "The s Command") --------------------------
CONFIGMAP = (
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: worker\n  namespace: fleet\ndata:\n"
    "  AWS_REGION: __REGION__\n  QUEUE_URL: https://sqs.__REGION__.@S@/@A@/fleet-jobs\n"
    "  RESULTS_URL: https://fleet-logs-@c@.s3.__REGION__.@S@/results/\n"
)
"""The worker's settings: its queue and its results bucket by the Region's endpoints (SQS "Amazon SQS queue URLs"; S3
"Virtual-hosted-style requests")."""


def sed_manifest_host(region: str) -> str:
    """The ConfigMap template written once, filled by sed on its way into ``kubectl apply -f -``."""
    return (
        f"mkdir -p /opt/k8s\ncat > /opt/k8s/worker-cm.tpl.yaml <<'EOF'\n{CONFIGMAP}EOF\n"
        f"sed 's/__REGION__/{region}/g' /opt/k8s/worker-cm.tpl.yaml | kubectl apply -f -\n"
    )


UPLOADER = (
    "queue_url: https://sqs.REGION_PLACEHOLDER.@S@/@A@/fleet-jobs\n"
    "endpoint: https://s3.REGION_PLACEHOLDER.@S@\nbucket: fleet-logs-@c@\n"
)
"""The uploader's settings file (a YAML template the team bakes into its user data)."""


def sed_config_host(region: str) -> str:
    """The settings file written, then filled in place by ``sed -i``, then the service started."""
    return (
        f"mkdir -p /etc/fleet\ncat > /etc/fleet/uploader.yaml <<'EOF'\n{UPLOADER}EOF\n"
        f"sed -i 's/REGION_PLACEHOLDER/{region}/g' /etc/fleet/uploader.yaml\nsystemctl enable --now fleet-uploader\n"
    )


SED_IMDS_CONFIG = (
    "TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\n"
    'R=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/placement/region)\n'
    f"mkdir -p /etc/fleet\ncat > /etc/fleet/uploader.yaml <<'EOF'\n{UPLOADER}EOF\n"
    'sed -i "s/REGION_PLACEHOLDER/$R/g" /etc/fleet/uploader.yaml\n'
)
"""The same filled with the instance's own Region (EC2 "Instance metadata categories": placement/region, IMDSv2)."""

ALI_UPLOADER = (
    "oss:\n  endpoint: https://oss-REGION_ID-internal.aliyuncs.com\n  bucket: fleet-logs-@c@\n"
    "sls:\n  endpoint: fleet-logs.REGION_ID-intranet.log.aliyuncs.com\n"
)
"""The uploader's settings on ECS: OSS's internal endpoint and Simple Log Service's intranet endpoint (Alibaba Cloud
"Regions and endpoints": ``oss-<region>-internal.aliyuncs.com``; SLS "Endpoints":
``<region>-intranet.log.aliyuncs.com``)."""


def ali_sed_config_host(region: str) -> str:
    return (
        f"mkdir -p /etc/fleet\ncat > /etc/fleet/uploader.yaml <<'EOF'\n{ALI_UPLOADER}EOF\n"
        f"sed -i 's/REGION_ID/{region}/g' /etc/fleet/uploader.yaml\n"
    )


ALI_SED_META = (
    f"mkdir -p /etc/fleet\ncat > /etc/fleet/uploader.yaml <<'EOF'\n{ALI_UPLOADER}EOF\n"
    "REGION_ID=$(curl -s @M@/meta-data/region-id)\n"
    'sed -i "s/REGION_ID/$REGION_ID/g" /etc/fleet/uploader.yaml\n'
)
"""Filled with the instance's own region (ECS "Instance metadata": meta-data/region-id)."""

# -- the second wave's readers over home Regions in one boot script (findutils "Invoking xargs": -a, -0, -d; the
# wrappers' man pages; bash(1) "Word Splitting", "The Set Builtin") ------------------------------------------------
BOOT_WAVE2 = (
    "printf '%s\\n' @R@ @R2@ > /etc/fleet-regions\n"
    "xargs -a /etc/fleet-regions -I{} aws ec2 describe-vpcs --region {} --output json\n"
    "xargs -I{} aws ec2 describe-subnets --region {} < /etc/fleet-regions\n"
    "printf '%s\\0' @R@ @R2@ | xargs -0 -n1 aws ec2 describe-security-groups --region\n"
    "printf '%s' '@R@,@R2@' | xargs -d ',' -I{} aws ec2 describe-route-tables --region {}\n"
    "doas -u ec2-user aws sqs get-queue-url --queue-name fleet-jobs --region @R@\n"
    "screen -dmS sync bash -c 'while true; do aws s3 sync /var/log/app s3://fleet-logs-@c@/app --region @R@; "
    "sleep 300; done'\n"
    "tmux new-session -d -s q 'aws sqs receive-message --queue-url https://sqs.@R@.@S@/@A@/fleet-jobs --region @R@'\n"
    "watch -n 60 aws sqs get-queue-attributes --queue-url https://sqs.@R@.@S@/@A@/fleet-jobs "
    "--attribute-names All --region @R@ > /dev/null &\n"
    "script -qc 'aws s3 cp /var/log/cloud-init.log s3://fleet-logs-@c@/boot/ --region @R@' /dev/null\n"
    "busybox sh -c 'aws s3 ls s3://fleet-logs-@c@ --region @R@'\n"
    "nice -n 19 ionice -c3 timeout 300 aws s3 sync /data s3://fleet-logs-@c@/data --region @R@\n"
    "RS=\"@R@,@R2@\"\nIFS=,\nset -- $RS\nIFS=$' \\t\\n'\n"
    'for r in "$@"; do aws ec2 describe-vpcs --region "$r"; done\n'
)
ALI_BOOT_WAVE2 = (
    "printf '%s\\n' @R@ > /etc/fleet-regions\n"
    "xargs -a /etc/fleet-regions -I{} aliyun vpc DescribeVpcs --RegionId {}\n"
    "printf '%s\\0' @R@ | xargs -0 -n1 aliyun ecs DescribeInstances --RegionId\n"
    "doas -u ecs-user aliyun ecs DescribeInstances --RegionId @R@\n"
    "screen -dmS sync bash -c 'while true; do aliyun oss sync /var/log/app oss://fleet-logs-@c@/app --region @R@; "
    "sleep 300; done'\n"
    "tmux new-session -d -s s 'ossutil sync /var/log/app oss://fleet-logs-@c@/app -e oss-@R@-internal.aliyuncs.com'\n"
    "watch -n 300 aliyun ecs DescribeInstanceStatus --RegionId @R@ > /dev/null &\n"
    "timeout 60 nice -n 10 aliyun oss ls oss://fleet-logs-@c@ --region @R@\n"
    'RS="@R@"\nIFS=,\nset -- $RS\nfor r in "$@"; do aliyun ecs DescribeInstances --RegionId "$r"; done\n'
)

# -- a kustomization of local bases and a ConfigMap from a written env file given to a DaemonSet (kustomize
# "resource"; kubectl set env "--from=configmap/..."; kubectl create configmap "--from-env-file") --------------------
K8S_LOCAL = (
    "mkdir -p /opt/k8s/overlays/prod\ncat > /opt/k8s/overlays/prod/kustomization.yaml <<'EOF'\n"
    "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: fleet\n"
    "resources:\n  - ../../base\n  - worker-cm.yaml\nimages:\n  - name: worker\n"
    '    newName: @A@.dkr.ecr.@R@.@S@/fleet/worker\n    newTag: "1.4"\nEOF\n'
    "kubectl apply -k /opt/k8s/overlays/prod\n"
    "cat > /opt/k8s/worker.env <<'EOF'\nAWS_REGION=@R@\nQUEUE_URL=https://sqs.@R@.@S@/@A@/fleet-jobs\nEOF\n"
    "kubectl -n fleet create configmap worker-env --from-env-file=/opt/k8s/worker.env --dry-run=client -o yaml "
    "| kubectl apply -f -\nkubectl -n fleet set env deployment/worker --from=configmap/worker-env\n"
)

# -- the Beats and Fluent Bit given the home deployment literally (Filebeat "Secrets keystore for secure settings";
# Fluent Bit "forward": the VPC's aggregator) ------------------------------------------------------------------------


def beats_home(region: str) -> str:
    return (
        f"echo '{cloud_id(region)}' | filebeat keystore add CLOUD_ID --stdin --force\n"
        "cat > /etc/filebeat/filebeat.yml <<'EOF'\nfilebeat.inputs:\n  - type: filestream\n    id: app\n"
        '    paths: [/var/log/app/*.log]\ncloud.id: "${CLOUD_ID}"\ncloud.auth: "fleet_writer:${ES_PWD}"\nEOF\n'
        "systemctl enable --now filebeat\n"
        f"metricbeat -e -E=cloud.id={cloud_id(region)} -E 'cloud.auth=fleet_writer:${{ES_PWD}}' &\n"
        "fluent-bit -i systemd -o forward -m '*' -p host=10.20.1.50 -p port=24224 &\n"
    )


# -- the Collector's file written by a cloud-config and merged on its runcmd line with a ``yaml:`` URI (OpenTelemetry
# "Configuration": "--config=file:/path/to/first/file --config=yaml:..." merged into one configuration; cloud-init
# "write_files", "runcmd"), the Datadog exporter's site given on the line (its default: US1, datadog exporter
# README "site ... default: datadoghq.com") --------------------------------------------------------------------------
OTEL_BASE = (
    "#cloud-config\nwrite_files:\n  - path: /etc/otelcol-contrib/base.yaml\n    content: |\n      receivers:\n"
    "        otlp:\n          protocols:\n            grpc:\n              endpoint: 0.0.0.0:4317\n"
    "      processors:\n        batch: {}\n      exporters:\n        datadog:\n          api:\n"
    "            key: ${env:DD_API_KEY}\n      service:\n        pipelines:\n          traces:\n"
    "            receivers: [otlp]\n            processors: [batch]\n            exporters: [datadog]\n"
)


def otel_cloud_config(setting: str) -> str:
    """The base file written by write_files, the line's ``yaml:`` URI setting ``setting`` (quoted: a runcmd string)."""
    line = f"otelcol-contrib --config=/etc/otelcol-contrib/base.yaml --config='yaml:{setting}'"
    return f'{OTEL_BASE}runcmd:\n  - "{line}"\n'


def otel_program(setting: str) -> Any:
    def make(code: str) -> Build:
        def build(c: Any) -> object:
            body = otel_cloud_config(setting.replace("@SITE@", HOME_SITE.get(code, "")))
            # docs: ec2/instance (user_data: a cloud-config)
            return aws.ec2.Instance("collector", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                                    subnet_id=SUBNETS[0], user_data=body, opts=c.aws)  # fmt: skip

        return build

    return make


_FIXED = "@R@"
_ABROAD = "@X@"
HOST = {"RES-015"}

AWS_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "fb-cloudid-var-home-declared": (lambda c: fb_cloudid_var(cloud_id(ELASTIC_HOME[c])), set(), ("EU", "US", "JP")),
    "fb-cloudid-var-abroad": (lambda c: fb_cloudid_var(cloud_id(ELASTIC_ABROAD[c])), HOST, ("EU", "JP")),
    "fb-cloudid-var-ssm": (lambda c: FB_CLOUDID_SSM, {"RES-016"}, ("EU",)),
    "sed-manifest-host-home": (lambda c: sed_manifest_host(_FIXED), set(), ("EU", "US", "CN")),
    "sed-manifest-host-abroad": (lambda c: sed_manifest_host(_ABROAD), {"RES-006"}, ("EU", "US", "CN")),
    "sed-config-host-home": (lambda c: sed_config_host(_FIXED), set(), ("EU", "JP")),
    "sed-config-host-abroad": (lambda c: sed_config_host(_ABROAD), {"RES-006"}, ("EU", "JP")),
    "sed-imds-config-home": (lambda c: SED_IMDS_CONFIG, set(), ("US", "JP")),
    "boot-wave2-home": (lambda c: BOOT_WAVE2, set(), ("EU", "US", "JP", "CN")),
    "k8s-local-home": (lambda c: K8S_LOCAL, set(), ("EU", "CN")),
    "beats-home-declared": (lambda c: beats_home(ELASTIC_HOME[c]), set(), ("EU", "JP")),
}
"""Each AWS shape (EC2 user data): its script for the market, its verdict, the markets it runs in."""

ALI_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "ali-sed-config-host-home": (lambda c: ali_sed_config_host(_FIXED), set(), ("CN", "DE")),
    "ali-sed-config-host-abroad": (lambda c: ali_sed_config_host(_ABROAD), {"RES-006"}, ("CN", "JP")),
    "ali-sed-meta-config-home": (lambda c: ALI_SED_META, set(), ("JP",)),
    "ali-fb-cloudid-var-home-declared": (lambda c: fb_cloudid_var(cloud_id(ELASTIC_HOME[c])), set(), ("DE",)),
    "ali-fb-cloudid-var-abroad": (lambda c: fb_cloudid_var(cloud_id(ELASTIC_ABROAD[c])), HOST, ("DE",)),
    "ali-boot-wave2-home": (lambda c: ALI_BOOT_WAVE2, set(), ("CN", "JP", "DE")),
}
"""Each Alibaba Cloud shape (ECS user data)."""


OTEL_SHAPES: dict[str, tuple[str, set[str], tuple[str, ...]]] = {
    "otel-cc-line-site-home-declared": ("exporters::datadog::api::site: @SITE@", set(), ("EU", "JP")),
    "otel-cc-line-site-abroad": ("exporters::datadog::api::site: us5.datadoghq.com", HOST, ("JP",)),
    "otel-cc-line-no-site": ("processors::batch::timeout: 10s", HOST, ("EU",)),
}
"""Each cloud-config Collector shape: the line's ``yaml:`` setting, its verdict, its markets (US5 is abroad in JP;
with no site anywhere the exporter's US1 default, RES-015)."""


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    if shape.startswith("otel-"):
        return [declared(code, HOME_SITE[code])]
    return [{"id": "elastic-cloud", "kind": "resident", "match": cloud_host(ELASTIC_HOME[code]),
             "evidence": "Elastic Cloud deployment on AWS in the market, the fleet's subscription"}]  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for shape, (script, expected, codes) in AWS_SHAPES.items():
        out += [(f"falsealarm66-{code.lower()}-{shape}", code, _boot(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    for shape, (setting, expected, codes) in OTEL_SHAPES.items():
        out += [(f"falsealarm66-{code.lower()}-{shape}", code, otel_program(setting)(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    for shape, (script, expected, codes) in ALI_SHAPES.items():
        out += [(f"falsealarm66-{code.lower()}-{shape}", code, _ali(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    return out
