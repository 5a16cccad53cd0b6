"""Where record objects are read from: one small interface, a local folder or the data-class buckets.

Object layout (written by the ``VehicleIngest`` pipeline, documented in docs/portal.md)::

    <data_class>/<VIN>/<YYYY-MM-DD>/<object>

with one bucket per data class in production (S3 on AWS, OSS on Alibaba Cloud), and the same keys
under a root folder locally.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from components.config.models import DATA_CLASSES

__all__ = ["LocalFolderStore", "ObjectKey", "ObjectNotFound", "ObjectStore", "OssStore", "S3Store", "make_store"]

VIN_PATTERN = r"[A-HJ-NPR-Z0-9]{17}"
_KEY = re.compile(
    rf"^(?P<dc>[a-z_]+)/(?P<vin>{VIN_PATTERN})/(?P<day>\d{{4}}-\d{{2}}-\d{{2}})/(?P<obj>[A-Za-z0-9._-]+)$"
)


class ObjectNotFound(LookupError):
    """The index names an object the store does not hold."""


@dataclass(frozen=True)
class ObjectKey:
    """A parsed object key ``<data_class>/<VIN>/<YYYY-MM-DD>/<object>``."""

    data_class: str
    vin: str
    day: date
    name: str

    @classmethod
    def parse(cls, key: str) -> ObjectKey:
        m = _KEY.match(key)
        problem = f"object key {key!r} does not follow <data_class>/<VIN>/<YYYY-MM-DD>/<object>"
        if m is None or m["dc"] not in DATA_CLASSES or m["obj"] in {".", ".."}:
            raise ValueError(problem)
        try:
            day = date.fromisoformat(m["day"])
        except ValueError:
            raise ValueError(f"{problem} (no such day)") from None
        return cls(m["dc"], m["vin"], day, m["obj"])

    def __str__(self) -> str:
        return f"{self.data_class}/{self.vin}/{self.day.isoformat()}/{self.name}"


class ObjectStore(Protocol):
    """Reads and writes record objects by key. Keys are validated :class:`ObjectKey` strings."""

    def get(self, key: ObjectKey) -> bytes: ...

    def put(self, key: ObjectKey, data: bytes, content_type: str) -> None: ...


class LocalFolderStore:
    """Objects as files under a root folder (the embedded default and ``make portal``)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, key: ObjectKey) -> Path:
        # ObjectKey.parse already refuses separators and dot segments; resolve() is the second lock.
        path = (self.root / str(key)).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(f"object key {key} escapes the storage root")
        return path

    def get(self, key: ObjectKey) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise ObjectNotFound(str(key)) from exc

    def put(self, key: ObjectKey, data: bytes, content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)


class S3Store:
    """Objects in the per-data-class S3 buckets (AWS China regions), read with boto3.

    ``client`` is a boto3 S3 client; the deployment gives the function a role that can read only the
    data-class buckets (see the OwnerDataPortal component).
    """

    def __init__(self, client: Any, buckets: Mapping[str, str]) -> None:
        self.client = client
        self.buckets = dict(buckets)

    def get(self, key: ObjectKey) -> bytes:
        from botocore.exceptions import ClientError

        try:
            response = self.client.get_object(Bucket=_bucket(self.buckets, key), Key=str(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                raise ObjectNotFound(str(key)) from exc
            raise
        body: bytes = response["Body"].read()
        return body

    def put(self, key: ObjectKey, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=_bucket(self.buckets, key), Key=str(key), Body=data, ContentType=content_type)


def _bucket(buckets: Mapping[str, str], key: ObjectKey) -> str:
    try:
        return buckets[key.data_class]
    except KeyError:
        raise ObjectNotFound(f"no bucket configured for data class {key.data_class}") from None


class OssStore:
    """Objects in the per-data-class OSS buckets (Alibaba Cloud), read with ``alibabacloud-oss-v2``.

    ``client`` is an ``alibabacloud_oss_v2.Client`` (see :func:`oss_client`); the deployment gives the
    function a RAM role that may only ``oss:GetObject`` the data-class objects it serves (anonymised
    objects only for the classes served only anonymised; see the OwnerDataPortal component). A missing
    object is :class:`ObjectNotFound`, as on S3; any other answer (e.g. ``AccessDenied``) is an error.
    """

    def __init__(self, client: Any, buckets: Mapping[str, str]) -> None:
        self.client = client
        self.buckets = dict(buckets)

    def get(self, key: ObjectKey) -> bytes:
        import alibabacloud_oss_v2 as oss

        try:
            result = self.client.get_object(oss.GetObjectRequest(bucket=_bucket(self.buckets, key), key=str(key)))
        except oss.exceptions.OperationError as exc:
            cause = exc.unwrap()
            # OSS answers a missing object with 404 NoSuchKey (OSS API reference, "GetObject", error codes).
            if isinstance(cause, oss.exceptions.ServiceError) and cause.code == "NoSuchKey":
                raise ObjectNotFound(str(key)) from exc
            raise
        with result.body as body:
            data: bytes = body.read()
        return data

    def put(self, key: ObjectKey, data: bytes, content_type: str) -> None:
        import alibabacloud_oss_v2 as oss

        self.client.put_object(
            oss.PutObjectRequest(bucket=_bucket(self.buckets, key), key=str(key), body=data, content_type=content_type)
        )


def oss_client(region: str, endpoint: str, http_client: Any = None) -> Any:
    """An OSS client for ``region`` through ``endpoint`` (the region's internal endpoint on Function
    Compute), signing with the function role's STS credentials.

    The credentials are read from the environment at each request (``ALIBABA_CLOUD_ACCESS_KEY_ID``,
    ``ALIBABA_CLOUD_ACCESS_KEY_SECRET``, ``ALIBABA_CLOUD_SECURITY_TOKEN``: what Function Compute sets
    for a function with a role). ``http_client`` is the SDK's transport (``Config.http_client``); the
    default is the SDK's own requests-based client.
    """
    import os

    import alibabacloud_oss_v2 as oss

    def role_credentials() -> Any:
        return oss.Credentials(
            os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_ID", ""),
            os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ""),
            os.environ.get("ALIBABA_CLOUD_SECURITY_TOKEN") or None,
        )

    config = oss.config.load_default()
    config.region = region
    config.endpoint = endpoint
    config.credentials_provider = oss.credentials.CredentialsProviderFunc(role_credentials)
    if http_client is not None:
        config.http_client = http_client
    return oss.Client(config)


def make_store(
    backend: str,
    root: Path,
    buckets: Mapping[str, str],
    region: str | None,
    endpoint_url: str | None = None,
    *,
    alicloud_region: str | None = None,
    oss_endpoint: str | None = None,
) -> ObjectStore:
    """The store the settings ask for (``endpoint_url``: an S3-compatible endpoint; ``oss_endpoint``: the
    OSS endpoint for the ``oss`` backend)."""
    if backend == "s3":
        import boto3

        return S3Store(boto3.client("s3", region_name=region, endpoint_url=endpoint_url), buckets)
    if backend == "oss":
        if not alicloud_region or not oss_endpoint:
            raise ValueError("the oss backend needs the Alibaba Cloud region and the OSS endpoint")
        return OssStore(oss_client(alicloud_region, oss_endpoint), buckets)
    return LocalFolderStore(root)
