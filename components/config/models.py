"""The shape of a stack file's ``sovereign-dc:datacenter`` value.

Structure only: every model forbids unknown keys and is strict about types, so a typo or a quoted
number is reported instead of being silently ignored or coerced. Rules that need the jurisdiction
catalogue or compare several fields live in ``checks.py``, where they can name the exact key.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from components.residency.catalogue import Cloud
from components.residency.data_protection import Category

__all__ = [
    "DATA_CLASSES",
    "AlicloudCompute",
    "AwsCompute",
    "CloudRegions",
    "Clouds",
    "Compute",
    "DataClass",
    "DataClassName",
    "DataCenterConfig",
    "AccountHardening",
    "AlicloudKmsInstance",
    "AlicloudPortalDomain",
    "Ingest",
    "Keys",
    "Portal",
    "PortalDatabase",
]

DataClassName = Literal[
    "vehicle_telemetry", "camera_footage", "owner_personal_data", "vehicle_diagnostics", "audit_logs"
]
"""Data classes a country data center can hold; each gets its own key and bucket. ``audit_logs`` is the
audit trail's own class (CloudTrail / ActionTrail and access logs); it is added with its default retention
when a stack file does not list it."""

DATA_CLASSES: tuple[str, ...] = get_args(DataClassName)

Region = Annotated[str, StringConstraints(min_length=1, pattern=r"^[a-z0-9-]+$")]
TagText = Annotated[str, StringConstraints(min_length=1, max_length=256)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CloudRegions(_Strict):
    """Where one cloud's resources live inside the jurisdiction."""

    primary: Region
    """Region holding the buckets, keys and compute."""
    secondary: Region | None = None
    """Optional second in-country region: buckets replicate there, with a replica key there."""

    @property
    def used(self) -> list[Region]:
        """The regions in use: ``primary``, then ``secondary`` when there is one."""
        return [r for r in (self.primary, self.secondary) if r]


class Clouds(_Strict):
    """The clouds a market uses; at least one."""

    aws: CloudRegions | None = None
    """AWS regions (the partition follows from the regions, e.g. aws-cn for cn-north-1)."""
    alicloud: CloudRegions | None = None
    """Alibaba Cloud regions."""


class DataClass(_Strict):
    """How long one class of data is kept."""

    retention_days: int = Field(ge=1, le=3650)
    """Objects (and their old versions) expire this many days after creation."""
    category: Category | None = None
    """Regulatory category (important, sensitive_personal, personal, anonymised); when omitted the
    data-protection catalogue's default for this class and jurisdiction applies."""
    object_lock_mode: Literal["governance", "compliance"] | None = None
    """S3 Object Lock / OSS retention mode of this class's buckets; when omitted the category's default."""


class _ComputeBase(_Strict):
    cidr: str
    """Private IPv4 range of the VPC, /16 to /24, not overlapping any other cloud's range."""
    instance_type: str = Field(min_length=1)
    """Instance size, e.g. ``m6i.large`` (AWS) or ``ecs.g7.large`` (Alibaba Cloud)."""
    count: int = Field(ge=0, le=50)
    """How many instances; 0 builds the network only."""
    zones: int = Field(default=2, ge=2, le=4)
    """Zones to spread private subnets (and instances) over; at least two for zone failure."""
    disk_gb: int = Field(default=40, ge=20, le=16384)
    """System disk size in GiB."""
    image: str | None = None
    """Machine image id; when omitted the cloud's current stock Linux image of the region is used."""
    snapshot_retention_days: int = Field(default=7, ge=1, le=365)
    """Daily snapshots of every instance disk are kept this many days, in the primary region."""


class AwsCompute(_ComputeBase):
    """EC2 sizing in the primary AWS region."""


class AlicloudCompute(_ComputeBase):
    """ECS sizing in the primary Alibaba Cloud region."""


class Compute(_Strict):
    """Compute per cloud; a cloud listed here must also be listed under ``clouds``."""

    aws: AwsCompute | None = None
    """EC2 fleet in the primary AWS region."""
    alicloud: AlicloudCompute | None = None
    """ECS fleet in the primary Alibaba Cloud region."""


class AlicloudKmsInstance(_Strict):
    """Size of the dedicated Alibaba Cloud KMS instance created in each Alibaba region (KMS 3.0, software keys).

    Valid values follow ``alicloud.kms.Instance`` (spec 1000/2000/4000 need ``product_version`` 3) and
    ALIYUN::KMS::Instance (key_num 100-100000, secret_num 0-100000).
    """

    spec: Literal[1000, 2000, 4000] = 1000
    """Computation performance (QPS) of the instance."""
    key_num: int = Field(default=1000, ge=100, le=100000)
    """Keys the instance can hold; must cover every data class key plus the disk key."""
    secret_num: int = Field(default=0, ge=0, le=100000)
    """Secrets the instance can hold (the owner data portal on Alibaba Cloud keeps one: its database credentials)."""
    vpc_num: int = Field(default=1, ge=1, le=1000)
    """VPCs that may reach the instance."""
    cidr: str = "10.254.0.0/24"
    """IPv4 range of the small VPC the instance is attached to (two vSwitches are carved from it)."""


class Keys(_Strict):
    """Customer-managed key settings shared by every data class."""

    rotation_days: int = Field(default=365, ge=90, le=365)
    """Automatic rotation period (AWS allows 90-2560, Alibaba Cloud 7-365: the overlap is accepted)."""
    deletion_window_days: int = Field(default=30, ge=7, le=30)
    """Waiting period before a scheduled key deletion takes effect (AWS allows 7-30)."""
    alicloud_instance: AlicloudKmsInstance = AlicloudKmsInstance()
    """The Alibaba Cloud KMS instance every Alibaba key is bound to (one per Alibaba region)."""


class AccountHardening(_Strict):
    """Opt-in settings that change the whole account in a region, not only this stack's resources."""

    s3_public_access_block: bool = False
    """AWS: block public access for every bucket of the account (``aws.s3.AccountPublicAccessBlock``)."""
    ebs_encryption_by_default: bool = False
    """AWS: encrypt every new EBS volume in the primary region with the disk key."""
    ecs_disk_encryption_by_default: bool = False
    """Alibaba Cloud: encrypt every new ECS disk in the primary region (``alicloud.ecs.DiskEncryptionByDefault``)."""


MessageType = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
"""A vehicle message type, the second level of an ingest topic (``<topic_root>/<message type>/<VIN>``)."""
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[a-z0-9.-]+(:[0-9]{1,5})?(/[^\s]*)?$", max_length=2048)]
# CloudWatch Logs accepts only these retention periods (PutRetentionPolicy API reference).
LogRetentionDays = Literal[30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]


class Ingest(_Strict):
    """Vehicle ingest: vehicles publish to an in-country IoT endpoint; rules file messages by data class."""

    clouds: list[Cloud] = Field(min_length=1, max_length=2)
    """Clouds that run an ingest endpoint; each must be under ``clouds`` (see docs/ingest.md)."""
    topic_root: str = Field(default="vehicles", pattern=r"^[a-z][a-z0-9-]{0,31}$")
    """First topic level; vehicles publish to ``<topic_root>/<message type>/<VIN>``."""
    routes: dict[MessageType, DataClassName] = Field(min_length=1, max_length=16)
    """Message type -> the data class (and so the bucket and key) its messages are stored in."""


class PortalDatabase(_Strict):
    """The owner data service's PostgreSQL (bindings, consents, access log, export jobs)."""

    aws_instance_class: str = Field(default="db.t4g.medium", min_length=1)
    """RDS instance class."""
    alicloud_instance_type: str = Field(default="pg.n2.2c.2m", min_length=1)
    """ApsaraDB RDS instance type."""
    storage_gb: int = Field(default=50, ge=20, le=4096)
    """Allocated storage in GiB."""
    backup_retention_days: int = Field(default=7, ge=7, le=35)
    """Days automated backups are kept (RDS allows up to 35)."""


HostName = Annotated[
    str, StringConstraints(max_length=253, pattern=r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
]
"""A fully qualified, lower-case DNS name (no wildcard, no trailing dot)."""
# ICP filing (备案) number as MIIT issues it: province abbreviation, `ICP备`, digits, `号`, an optional site
# suffix (e.g. 沪ICP备12345678号-1). https://beian.miit.gov.cn/
IcpFiling = Annotated[
    str,
    StringConstraints(
        pattern=r"^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新]ICP备[0-9]{4,12}号(-[0-9]{1,4})?$"
    ),
]


class AlicloudPortalDomain(_Strict):
    """The Alibaba portal's custom domain: bound to the API group and put behind WAF 3.0 (CNAME access).

    WAF 3.0 protects CNAME-connected domains, not an API group's second-level domain, and that domain is
    for testing only (1,000 calls a day in Chinese mainland regions), so the Alibaba portal needs one.
    """

    name: HostName
    """The domain owners call (e.g. ``owners.example.cn``); its DNS CNAME points at the WAF's CNAME."""
    icp_filing: IcpFiling | None = None
    """ICP filing number of the domain (e.g. ``沪ICP备12345678号-1``); required when the WAF is the Chinese
    mainland one: a domain bound to an API group in a mainland region must be ICP-filed."""
    certificate_id: int = Field(ge=1)
    """ID of the domain's SSL certificate in Alibaba Cloud Certificate Management Service (the WAF's HTTPS
    listener uses it as ``<id>-<waf_region>``)."""
    waf_region: Region = "cn-hangzhou"
    """Region of the WAF 3.0 instance: ``cn-hangzhou`` is the Chinese mainland WAF (for every mainland origin),
    ``ap-southeast-1`` the one outside the mainland. The residency guard judges it like any region."""
    waf_instance_id: str | None = Field(default=None, min_length=1, max_length=128)
    """An existing WAF 3.0 instance of the account in ``waf_region`` (one per account and region); a
    pay-as-you-go instance is created when omitted."""


class Portal(_Strict):
    """The owner data service: a function behind a regional API with a WAF, PostgreSQL, secrets, access logs."""

    clouds: list[Cloud] = Field(min_length=1, max_length=2)
    """Clouds that run the service; each needs ``clouds.<cloud>`` and ``compute.<cloud>`` (its private network)."""
    issuer: HttpsUrl
    """OIDC issuer of the carmaker's in-country identity provider (tokens' ``iss``)."""
    jwks_url: HttpsUrl
    """JWKS URL of that identity provider; the service verifies owners' tokens against it."""
    audience: str = Field(min_length=1, max_length=256)
    """This service's client id at the identity provider (tokens' ``aud``)."""
    handler: str = Field(default="portal.aws_lambda.handler", pattern=r"^[A-Za-z_][A-Za-z0-9_.]*$")
    """AWS: Lambda entry point inside the code package (an ASGI adapter around the FastAPI app)."""
    code_path: str = Field(default="build/portal-lambda.zip", min_length=1)
    """AWS: the Lambda code, relative to the project: the zip ``make portal-package`` builds (the service and its
    locked dependencies), or another package or folder; a real preview refuses a path that does not exist."""
    alicloud_image: str | None = Field(default=None, max_length=512)
    """Alibaba Cloud: the service's container image in the primary region's Container Registry, e.g.
    ``registry-vpc.cn-shanghai.aliyuncs.com/<namespace>/portal:<tag>``; required when alicloud is in clouds."""
    anonymised_only: list[DataClassName] = Field(default=["camera_footage"])
    """Classes whose records hold other people's information: the service may read only their anonymised
    objects (``*.anonymised.*``), enforced by the function's IAM / RAM policy, not only by the service."""
    key_class: DataClassName = "owner_personal_data"
    """Data class whose key encrypts the database, its secret and the function environment."""
    database: PortalDatabase = PortalDatabase()
    """PostgreSQL sizing."""
    access_log_retention_days: LogRetentionDays = 1096
    """Days API access logs are kept (PIPL art. 55-56: processing records kept at least 3 years)."""
    alicloud_domain: AlicloudPortalDomain | None = None
    """Alibaba Cloud: the ICP-filed custom domain and its WAF 3.0 protection; required when alicloud is in
    clouds (the issue requires a WAF, and WAF 3.0 protects only a custom domain)."""


class DataCenterConfig(_Strict):
    """The whole ``sovereign-dc:datacenter`` value."""

    clouds: Clouds
    """Clouds in use and their regions."""
    data_classes: dict[DataClassName, DataClass] = Field(min_length=1)
    """Data classes stored in this market and their retention."""
    compute: Compute = Compute()
    """Compute sizing per cloud."""
    keys: Keys = Keys()
    """Key rotation and deletion window."""
    tags: dict[str, TagText] = Field(default_factory=dict)
    """Tags on every taggable resource (besides the toolkit's own)."""
    owners: list[Annotated[str, StringConstraints(min_length=3)]] = Field(min_length=1)
    """Teams or people accountable for this market's data (emails or team handles)."""
    account_hardening: AccountHardening = AccountHardening()
    """Opt-in account-level controls (they affect resources outside this stack: see docs/datacenter.md)."""
    ingest: Ingest | None = None
    """Vehicle ingest (docs/ingest.md); off when omitted."""
    portal: Portal | None = None
    """Owner data service deployment (docs/ingest.md#owner-data-portal); off when omitted."""
