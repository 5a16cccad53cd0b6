"""Alibaba Cloud red team, round 14 (stop 56): ossutil's lifecycle, CORS, website (mirroring-based back-to-origin),
inventory and bucket-encryption commands; a ROS PolarDB cluster joining a global database network; ECS automatic
snapshot policies copying snapshots to another Region.

Reproduced on the unchanged engine (main 8f0aa679, docs/residency.md "Alibaba Cloud red team, round 14 (stop 56)"):
a CORS configuration given to ossutil (1.x ``cors --method put oss://BUCKET FILE``, 2.0 ``api put-bucket-cors
--cors-configuration`` inline or ``file://``, through ``aliyun ossutil`` too) and ``ossutil cors-options --origin``
were RES-015 in CN, JP and DE: the scan of the whole script read each ``AllowedOrigin`` URL as a host the machine
connects to, where oss.BucketCors's ``allowed_origins`` (a match field: compared with a browser's Origin header, never
contacted) passes (12 false alarms). A ROS ``ALIYUN::POLARDB::DBCluster`` joining a global database network the stack
does not make by ``GDNId`` passed every door, where its Pulumi twin's ``gdn_id`` is RES-017 (3). Pinned as they were:
a lifecycle, an inventory (OSS refuses a destination of another Region or account) and a bucket-encryption command; a
mirroring-based back-to-origin rule given to ossutil / ``aliyun oss`` / oss.BucketWebsite (the stack's bucket at home
passes, another Region's OSS host RES-006, a partner's origin RES-015); ECS automatic snapshot policies copying to a
mainland Region (passes) or abroad (RES-009); a CORS configuration or preflight beside an upload to the same partner,
and an origin an unquoted here-document computes by ``curl`` to a partner (RES-015); CORS rules from a file no line
writes (passes: none is contacted).

Now the CORS commands' configurations are read as CORS rules (``script_commands`` form ``oss-cors``): their origins are
left out of the whole-script scan, as a match field's values are; and ``GDNId`` is mapped to the twin's ``gdn_id``.

Ids: ``alired56-<code>-ossutil-<lifecycle|cors|cors-options|inventory|encryption>``,
``alired56-<code>-<ossutil2-cors|aliyun-ossutil-cors-file|oss-bucket-cors>`` (compliant),
``alired56-<code>-ossutil-cors-unwritten`` (compliant: no origin is contacted),
``alired56-<code>-ossutil-<cors|cors-options>-and-upload``, ``alired56-<code>-ossutil-cors-computed`` (RES-015),
``alired56-<code>-<ossutil|aliyun-oss|oss>-website-mirror-<home|abroad|partner>``,
``alired56-<code>-ros-polardb-gdn-<own|partner|partner-declared>``, ``alired56-<code>-snapshot-copy-abroad``,
``alired56-cn-snapshot-copy-home``. tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, Build, Row, ali_boot, ros_stack

CODES = ("CN", "JP", "DE")
_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "ap-southeast-1"}

LIFECYCLE = (
    "cat > /tmp/lifecycle.xml <<'EOF'\n"
    "<LifecycleConfiguration><Rule><ID>archive-exports</ID><Prefix>exports/</Prefix><Status>Enabled</Status>"
    "<Transition><Days>30</Days><StorageClass>IA</StorageClass></Transition>"
    "<Expiration><Days>365</Days></Expiration></Rule></LifecycleConfiguration>\n"
    "EOF\n"
    "ossutil lifecycle --method put oss://fleet-exports /tmp/lifecycle.xml"
)
"""ossutil 1.x ``lifecycle --method put oss://bucket local_xml_file``: transitions and expiry inside the bucket."""
CORS = (
    "cat > /tmp/cors.xml <<'EOF'\n"
    "<CORSConfiguration><CORSRule><AllowedOrigin>https://portal.fleet-partner.example.com</AllowedOrigin>"
    "<AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds>"
    "</CORSRule></CORSConfiguration>\n"
    "EOF\n"
    "ossutil cors --method put oss://fleet-exports /tmp/cors.xml"
)
"""ossutil 1.x ``cors --method put oss://bucket local_xml_file``: an AllowedOrigin is compared with a browser's Origin
header, never contacted (as oss.BucketCors's ``allowed_origins``, a match field)."""
_ORIGIN = "https://portal.fleet-partner.example.com"
CORS2 = (
    "ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration "
    '\'{"CORSRule":[{"AllowedOrigin":["' + _ORIGIN + '","https://admin.fleet-partner.example.com"],'
    '"AllowedMethod":["GET","HEAD"],"AllowedHeader":"*","MaxAgeSeconds":600}]}\''
)
"""ossutil 2.0 ``api put-bucket-cors --bucket <value> --cors-configuration <value>`` (XML or JSON, inline or
``file://``; help.aliyun.com/en/oss/developer-reference/put-bucket-cors), inline JSON."""
CORS2_FILE = (
    "cat > /tmp/cors.json <<'EOF'\n"
    '{"CORSRule":[{"AllowedOrigin":["' + _ORIGIN + '"],"AllowedMethod":["GET"],"AllowedHeader":"*"}]}\n'
    "EOF\n"
    "aliyun ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration file:///tmp/cors.json"
)
"""The same through the Alibaba Cloud CLI, the JSON in a file the script writes."""
CORS_OPTIONS = "ossutil cors-options oss://fleet-exports/index.html --acr-method GET --origin " + _ORIGIN
"""ossutil 1.x ``cors-options`` sends OSS a preflight OPTIONS request; ``--origin`` is its Origin header ("The origin to
test"), not a host contacted."""
CORS_AND_UPLOAD = CORS + "\ncurl -s -T /var/log/fleet.log " + _ORIGIN + "/upload"
"""A CORS configuration beside an upload to the same partner host: the upload stays refused (RES-015)."""
CORS_OPTIONS_AND_UPLOAD = CORS_OPTIONS + "\ncurl -s -T /var/log/fleet.log " + _ORIGIN
"""A preflight test beside an upload to the very origin URL: the upload stays refused (RES-015)."""
CORS_UNWRITTEN = "ossutil cors --method put oss://fleet-exports /etc/fleet/cors.xml"
"""CORS rules from a file the image holds: whatever origins it lists, none is contacted (passes)."""
CORS_COMPUTED = (
    "cat > /tmp/cors.xml <<EOF\n"
    "<CORSConfiguration><CORSRule><AllowedOrigin>$(curl -s https://config.fleet-partner.example.com/origin)"
    "</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>\n"
    "EOF\n"
    "ossutil cors --method put oss://fleet-exports /tmp/cors.xml"
)
"""An unquoted here-document whose origin is a command substitution: the shell runs the curl to the partner as it
writes the file (RES-015 stays)."""
INVENTORY = (
    "cat > /tmp/inventory.xml <<'EOF'\n"
    "<InventoryConfiguration><Id>weekly</Id><IsEnabled>true</IsEnabled><Destination><OSSBucketDestination>"
    "<Format>CSV</Format><AccountId>1234567890123456</AccountId>"
    "<RoleArn>acs:ram::1234567890123456:role/AliyunOSSRole</RoleArn><Bucket>acs:oss:::fleet-dr</Bucket>"
    "<Prefix>inventory/</Prefix></OSSBucketDestination></Destination><Schedule><Frequency>Weekly</Frequency>"
    "</Schedule><IncludedObjectVersions>Current</IncludedObjectVersions></InventoryConfiguration>\n"
    "EOF\n"
    "ossutil inventory --method put oss://fleet-exports /tmp/inventory.xml"
)
"""ossutil 1.x ``inventory --method put oss://bucket local_xml_file``: PutBucketInventory refuses a destination bucket
in another Region (0020-00000019) or of another account (0020-00000033): resident by construction."""
ENCRYPTION = (
    "ossutil bucket-encryption --method put oss://fleet-exports --sse-algorithm KMS "
    "--kms-masterkey-id 0e9f2a7c-5b3d-4f1a-9c8e-2d6b7a1f4e30"
)
"""ossutil 1.x ``bucket-encryption --method put oss://bucket --sse-algorithm KMS --kms-masterkey-id <key>``: a key of
the bucket's own Region (OSS uses KMS in the bucket's Region)."""

_WEBSITE_XML = (
    "<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument>"
    "<RoutingRules><RoutingRule><RuleNumber>1</RuleNumber><Condition>"
    "<HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition><Redirect>"
    "<RedirectType>Mirror</RedirectType><MirrorURL>{origin}</MirrorURL><PassQueryString>true</PassQueryString>"
    "<MirrorHeaders><PassAll>true</PassAll></MirrorHeaders></Redirect></RoutingRule></RoutingRules>"
    "</WebsiteConfiguration>"
)
"""PutBucketWebsite's mirroring-based back-to-origin rule: an object missing from the bucket is fetched from
``MirrorURL`` with the request's query string and headers (``PassQueryString``, ``MirrorHeaders/PassAll``)."""
_WEBSITE_COMMANDS = {
    "ossutil": "ossutil website --method put oss://fleet-exports /tmp/website.xml",
    "aliyun-oss": "aliyun oss website --method put oss://fleet-exports /tmp/website.xml",
}
"""ossutil 1.x ``website --method put oss://bucket local_xml_file`` ("static website hosting and back-to-origin
configurations", help.aliyun.com/en/oss/developer-reference/website), directly and through the Alibaba Cloud CLI."""


def _origin(code: str, where: str) -> tuple[str, set[str]]:
    """The origin an object missing from the bucket is fetched from, and the rules it must break."""
    if where == "home":
        return f"https://fleet-dr.oss-{_HOME[code]}-internal.aliyuncs.com/", set()
    if where == "abroad":
        return f"https://fleet-dr.oss-{_ABROAD[code]}.aliyuncs.com/", {"RES-006"}
    return "https://legacy-cdn.fleet-partner.example.com/", {"RES-015"}


def _boot(line: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER  # the team's account is the stack's own (its provider assumes a role of it)
        alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
        alicloud.oss.Bucket("dr", bucket="fleet-dr", opts=c.ali)
        return ali_boot(c, "#!/bin/bash\n" + line + "\n")

    return build


def _website_script(command: str, origin: str) -> Build:
    xml = _WEBSITE_XML.format(origin=origin)
    return _boot("cat > /tmp/website.xml <<'EOF'\n" + xml + "\nEOF\n" + _WEBSITE_COMMANDS[command])


def _cors_pulumi(c: Any) -> object:
    c.ali_role = DEPLOYER
    bucket = alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
    # docs: oss/bucketcors (cors_rules.allowed_origins "The origins from which cross-origin requests are allowed")
    return alicloud.oss.BucketCors("exports", bucket=bucket.bucket, cors_rules=[{
        "allowed_methods": ["GET"], "allowed_origins": [_ORIGIN], "allowed_headers": ["*"]}], opts=c.ali)  # fmt: skip


def _website_pulumi(origin: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        alicloud.oss.Bucket("dr", bucket="fleet-dr", opts=c.ali)
        bucket = alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
        # docs: oss/bucketwebsite (routing_rules.routing_rule.redirect: redirect_type "Mirror", mirror_url "The
        # address of the origin of the image. It takes effect only when the RedirectType is set to Mirror")
        return alicloud.oss.BucketWebsite(
            "exports", bucket=bucket.bucket, index_document={"suffix": "index.html"},
            routing_rules={"routing_rules": [{
                "rule_number": 1, "condition": {"http_error_code_returned_equals": "404"},
                "redirect": {"redirect_type": "Mirror", "mirror_url": origin, "pass_query_string": True,
                             "mirror_headers": {"pass_all": True}}}]},
            opts=c.ali)  # fmt: skip

    return build


GDN_ID = "gd-m5ex5wqfqbou12345"
"""A global database network the stack does not make (CreateGlobalDatabaseNetwork returns ``gd-...``)."""
_POLARDB_PROPERTIES: dict[str, Any] = {
    "DBType": "MySQL", "DBVersion": "8.0", "DBNodeClass": "polar.mysql.x4.large", "PayType": "Postpaid",
    "VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "CreationOption": "CreateGdnStandby"}  # fmt: skip
_POLARDB: dict[str, Any] = {"Type": "ALIYUN::POLARDB::DBCluster", "Properties": _POLARDB_PROPERTIES}
"""ROS ALIYUN::POLARDB::DBCluster as a GDN's secondary cluster (CreationOption ``CreateGdnStandby``, GDNId)."""


def _polardb_gdn(code: str, who: str) -> Build:
    secondary: dict[str, Any] = {"Type": _POLARDB["Type"], "Properties": dict(_POLARDB_PROPERTIES)}
    resources: dict[str, Any] = {"Standby": secondary}
    if who == "own":
        # The template's own GDN (ALIYUN::POLARDB::GlobalDatabaseNetwork, primary cluster DbClusterId; GdnId its
        # Fn::GetAtt), its primary the template's own cluster.
        resources["Primary"] = {"Type": _POLARDB["Type"], "Properties": {
            k: v for k, v in _POLARDB_PROPERTIES.items() if k != "CreationOption"}}  # fmt: skip
        resources["Gdn"] = {
            "Type": "ALIYUN::POLARDB::GlobalDatabaseNetwork",
            "Properties": {"DbClusterId": {"Ref": "Primary"}, "GdnDescription": "fleet-gdn"},
        }
        secondary["Properties"]["GDNId"] = {"Fn::GetAtt": ["Gdn", "GdnId"]}
    else:
        secondary["Properties"]["GDNId"] = GDN_ID
    return ros_stack(f"polardb-gdn-{code.lower()}", resources)


GDN_DECLARED: dict[str, Any] = {
    "id": "group-gdn", "kind": "resident", "match": GDN_ID,
    "evidence": "the group's GDN; its primary and every secondary are in the market's regions",
}  # fmt: skip


def _snapshot_copy(code: str, where: str) -> Build:
    target = "cn-beijing" if where == "home" else _ABROAD[code]  # a second mainland Region: CN only

    def build(c: Any) -> object:
        # docs: ecs/autosnapshotpolicy (enable_cross_region_copy "Specifies whether to enable cross-region
        # replication for snapshots", target_copy_regions "The destination region to which to copy the snapshot")
        return alicloud.ecs.AutoSnapshotPolicy("daily", auto_snapshot_policy_name="daily", repeat_weekdays=["1", "4"],
                                               time_points=["2"], retention_days=14, enable_cross_region_copy=True,
                                               target_copy_regions=[target], copied_snapshots_retention_days=7,
                                               opts=c.ali)  # fmt: skip

    return build


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        c = code.lower()
        out += [(f"alired56-{c}-{kind}", code, _boot(line), set(), [])
                for kind, line in (("ossutil-lifecycle", LIFECYCLE), ("ossutil-cors", CORS), ("ossutil2-cors", CORS2),
                                   ("aliyun-ossutil-cors-file", CORS2_FILE), ("ossutil-cors-options", CORS_OPTIONS),
                                   ("ossutil-inventory", INVENTORY), ("ossutil-encryption", ENCRYPTION))]  # fmt: skip
        out += [(f"alired56-{c}-oss-bucket-cors", code, _cors_pulumi, set(), []),
                (f"alired56-{c}-ossutil-cors-and-upload", code, _boot(CORS_AND_UPLOAD), {"RES-015"}, []),
                (f"alired56-{c}-ossutil-cors-options-and-upload", code, _boot(CORS_OPTIONS_AND_UPLOAD), {"RES-015"},
                 []),
                (f"alired56-{c}-ossutil-cors-computed", code, _boot(CORS_COMPUTED), {"RES-015"}, []),
                (f"alired56-{c}-ossutil-cors-unwritten", code, _boot(CORS_UNWRITTEN), set(), [])]  # fmt: skip
        for where in ("home", "abroad", "partner"):
            origin, rules = _origin(code, where)
            out += [(f"alired56-{c}-{command}-website-mirror-{where}", code, _website_script(command, origin),
                     set(rules), []) for command in _WEBSITE_COMMANDS]  # fmt: skip
            out.append((f"alired56-{c}-oss-website-mirror-{where}", code, _website_pulumi(origin), set(rules), []))
        out += [
            (f"alired56-{c}-ros-polardb-gdn-own", code, _polardb_gdn(code, "own"), set(), []),
            (f"alired56-{c}-ros-polardb-gdn-partner", code, _polardb_gdn(code, "partner"), {"RES-017"}, []),
            (f"alired56-{c}-ros-polardb-gdn-partner-declared", code, _polardb_gdn(code, "partner"), set(),
             [GDN_DECLARED]),
        ]  # fmt: skip
        out.append((f"alired56-{c}-snapshot-copy-abroad", code, _snapshot_copy(code, "abroad"), {"RES-009"}, []))
    out.append(("alired56-cn-snapshot-copy-home", "CN", _snapshot_copy("CN", "home"), set(), []))
    return out
