"""Where record objects are read from: one small interface, a local folder or the data-class buckets.

Object layout (written by the ``VehicleIngest`` pipeline, documented in docs/portal.md)::

    <data_class>/<VIN>/<YYYY-MM-DD>/<object>

with one bucket per data class in production, and the same keys under a root folder locally.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from components.config.models import DATA_CLASSES

__all__ = ["LocalFolderStore", "ObjectKey", "ObjectNotFound", "ObjectStore", "S3Store", "make_store"]

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

    def _bucket(self, key: ObjectKey) -> str:
        try:
            return self.buckets[key.data_class]
        except KeyError:
            raise ObjectNotFound(f"no bucket configured for data class {key.data_class}") from None

    def get(self, key: ObjectKey) -> bytes:
        from botocore.exceptions import ClientError

        try:
            response = self.client.get_object(Bucket=self._bucket(key), Key=str(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                raise ObjectNotFound(str(key)) from exc
            raise
        body: bytes = response["Body"].read()
        return body

    def put(self, key: ObjectKey, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self._bucket(key), Key=str(key), Body=data, ContentType=content_type)


def make_store(
    backend: str, root: Path, buckets: Mapping[str, str], region: str | None, endpoint_url: str | None = None
) -> ObjectStore:
    """The store the settings ask for (``endpoint_url``: an S3-compatible endpoint such as OSS's)."""
    if backend == "s3":
        import boto3

        return S3Store(boto3.client("s3", region_name=region, endpoint_url=endpoint_url), buckets)
    return LocalFolderStore(root)
