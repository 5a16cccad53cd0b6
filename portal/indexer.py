"""Adds stored objects to the record index the service queries.

The ingest pipeline (``VehicleIngest``) writes objects to the data-class buckets under
``<data_class>/<VIN>/<YYYY-MM-DD>/<object>``; the service answers from the ``records`` table. This
module bridges the two: index one object, scan a local folder, or handle a bucket notification: an
S3 ``s3:ObjectCreated:*`` event (``handle_s3_event``; the deployed entry point is
``portal.aws_lambda.index_handler``) or a Function Compute OSS trigger event (``handle_oss_event``;
entry point ``portal.fc_indexer``). The ``RecordIndexer`` components subscribe those functions to the
data-class buckets.

``recorded_at`` is when the object arrived (the event time, or the file's modification time): the
ingest rule files each message under its arrival day, so the two agree. Objects named
``*.anonymised.*`` are the anonymisation pipeline's output (form ``anonymised``); everything else is
``raw``. Indexing is idempotent (the record id is derived from the key).
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from portal.catalogue import DATA_CLASS_POLICIES
from portal.db import Record, create_schema, make_engine, make_sessionmaker
from portal.storage import ObjectKey, ObjectNotFound, ObjectStore, make_store

if TYPE_CHECKING:
    from portal.settings import Settings

__all__ = [
    "CreatedObject",
    "EventIndexer",
    "form_of",
    "handle_oss_event",
    "handle_s3_event",
    "index_created",
    "index_object",
    "scan_local",
    "servable",
]

log = logging.getLogger("portal.indexer")


def form_of(name: str) -> str:
    return "anonymised" if ".anonymised." in name else "raw"


def record_id(key: ObjectKey) -> str:
    return hashlib.sha256(str(key).encode()).hexdigest()[:32]


def index_object(session: Session, key: ObjectKey, data: bytes, recorded_at: datetime) -> Record | None:
    """Add one object to the index (not committed); ``None`` if it is indexed already."""
    rid = record_id(key)
    if session.get(Record, rid) is not None:
        return None
    content_type = mimetypes.guess_type(key.name)[0] or "application/octet-stream"
    rec = Record(
        id=rid,
        vin=key.vin,
        data_class=key.data_class,
        recorded_at=recorded_at.astimezone(UTC),
        form=form_of(key.name),
        object_key=str(key),
        content_type=content_type,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    session.add(rec)
    return rec


def scan_local(session: Session, root: Path) -> tuple[int, list[str]]:
    """Index every layout object under ``root``; returns how many were new and the keys skipped."""
    added, skipped = 0, []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        try:
            key = ObjectKey.parse(rel)
        except ValueError:
            skipped.append(rel)  # e.g. _ingest_errors/..., temporary files
            continue
        mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        if index_object(session, key, path.read_bytes(), mtime) is not None:
            added += 1
    session.commit()
    return added, skipped


def servable(key: ObjectKey) -> bool:
    """Whether the service would ever serve this object: its class is served at all, in this form.

    The deployed functions may read only the served forms (the ``OwnerDataPortal`` roles restrict
    ``camera_footage`` to ``*.anonymised.*``), so the event handlers never try to index anything else."""
    policy = DATA_CLASS_POLICIES.get(key.data_class)
    return policy is not None and policy.served_form == form_of(key.name)


@dataclass(frozen=True)
class CreatedObject:
    """One ``ObjectCreated`` notification, whichever cloud sent it."""

    bucket: str
    """Bucket name the event names (``""`` when the event carries none)."""
    key: str
    """The object key, decoded."""
    event_time: str
    """ISO 8601 time of the event (``eventTime``)."""


def index_created(
    session: Session,
    store: ObjectStore,
    created: Iterable[CreatedObject],
    buckets: Mapping[str, str] | None = None,
) -> tuple[int, list[str]]:
    """Index created objects; returns the new count and the keys skipped (each logged with its reason).

    ``buckets`` (data class -> bucket, the service's ``PORTAL_BUCKETS``): when given, a key is indexed
    only if its class is one the service reads and the event came from that class's bucket. Skipped,
    never failing the batch: keys outside the layout (e.g. ``_ingest_errors/...``), classes the service
    does not serve or does not know, forms it never serves, objects deleted before they were read. Any
    other error (the store or the database unreachable) propagates, so the platform retries the event;
    each record is committed on its own, and indexing is idempotent, so a retry adds only what is missing.
    """
    added, skipped = 0, []
    for item in created:
        reason = None
        try:
            key = ObjectKey.parse(item.key)
            when = _instant(item.event_time)
        except ValueError as exc:
            reason = str(exc)
        else:
            if buckets is not None and key.data_class not in buckets:
                reason = f"the service reads no bucket for data class {key.data_class}"
            elif buckets is not None and item.bucket != buckets[key.data_class]:
                reason = f"bucket {item.bucket!r} is not the {key.data_class} bucket {buckets[key.data_class]!r}"
            elif not servable(key):
                reason = f"{key.data_class} objects in the {form_of(key.name)} form are never served"
        if reason is None:
            try:
                data = store.get(key)
            except ObjectNotFound:
                reason = "the object no longer exists"
        if reason is not None:
            log.warning("indexer: skipped %s/%s: %s", item.bucket, item.key, reason)
            skipped.append(item.key)
            continue
        try:
            if index_object(session, key, data, when) is not None:
                session.commit()
                added += 1
        except IntegrityError:
            # A concurrent delivery of the same event indexed it first (S3 and OSS deliver at least once).
            session.rollback()
    return added, skipped


def _instant(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise ValueError(f"event time {text!r} is not ISO 8601") from None
    if when.tzinfo is None:
        raise ValueError(f"event time {text!r} has no offset")
    return when


def _field(item: Any, *path: str) -> str:
    for name in path:
        item = item.get(name) if isinstance(item, Mapping) else None
    return item if isinstance(item, str) else ""


def _created(items: Any, bucket_path: tuple[str, ...], key_path: tuple[str, ...], decode: bool) -> list[CreatedObject]:
    if not isinstance(items, list):
        return []
    found = []
    for item in items:
        if not isinstance(item, Mapping) or not _field(item, "eventName").startswith("ObjectCreated"):
            continue
        key = _field(item, *key_path)
        found.append(
            CreatedObject(
                bucket=_field(item, *bucket_path),
                key=unquote_plus(key) if decode else key,
                event_time=_field(item, "eventTime"),
            )
        )
    return found


def handle_s3_event(
    session: Session, store: ObjectStore, event: Mapping[str, Any], buckets: Mapping[str, str] | None = None
) -> tuple[int, list[str]]:
    """Index the objects an S3 ``ObjectCreated`` notification names; returns new count and skipped keys.

    Shape: ``{"Records": [{"eventName": "ObjectCreated:Put", "eventTime": ..., "s3": {"bucket": {"name"},
    "object": {"key"}}}]}``, keys URL-encoded (Amazon S3 User Guide, "Event message structure")."""
    records = _created(event.get("Records"), ("s3", "bucket", "name"), ("s3", "object", "key"), decode=True)
    return index_created(session, store, records, buckets)


def handle_oss_event(
    session: Session, store: ObjectStore, event: Mapping[str, Any], buckets: Mapping[str, str] | None = None
) -> tuple[int, list[str]]:
    """Index the objects a Function Compute OSS trigger event names; returns new count and skipped keys.

    Shape (Function Compute, "Trigger event format", OSS triggers): ``{"events": [{"eventName":
    "ObjectCreated:PutObject", "eventSource": "acs:oss", "eventTime": "2022-08-13T06:45:43.000Z",
    "oss": {"bucket": {"name"}, "object": {"key", "size", "eTag"}}, "region": ...}]}``. The documented
    sample does not say whether keys are URL-encoded, so they are taken as they are: a layout key holds
    only characters URL-encoding leaves unchanged, and anything else is outside the layout either way."""
    events = _created(event.get("events"), ("oss", "bucket", "name"), ("oss", "object", "key"), decode=False)
    return index_created(session, store, events, buckets)


@dataclass
class EventIndexer:
    """What a deployed indexing function keeps between invocations: the database sessions, the object
    store and the service's buckets (``PORTAL_BUCKETS``), built once from the service's settings."""

    sessions: sessionmaker[Session]
    store: ObjectStore
    buckets: Mapping[str, str] | None

    @classmethod
    def from_env(cls) -> EventIndexer:
        """Built from the function's environment: the service's, without the identity provider settings."""
        from portal.settings import Settings

        return cls.from_settings(Settings.from_env(verify_tokens=False))

    @classmethod
    def from_settings(cls, settings: Settings) -> EventIndexer:
        engine = make_engine(settings.database_url)
        create_schema(engine)
        store = make_store(
            settings.storage_backend,
            settings.storage_root,
            settings.buckets,
            settings.s3_region,
            settings.s3_endpoint_url,
        )
        return cls(make_sessionmaker(engine), store, dict(settings.buckets) if settings.buckets else None)

    def s3(self, event: Mapping[str, Any]) -> tuple[int, list[str]]:
        with self.sessions() as session:
            return handle_s3_event(session, self.store, event, self.buckets)

    def oss(self, event: Mapping[str, Any]) -> tuple[int, list[str]]:
        with self.sessions() as session:
            return handle_oss_event(session, self.store, event, self.buckets)


def main(argv: list[str] | None = None) -> int:
    """``python -m portal.indexer``: index the local storage root named by the settings."""
    from portal.settings import PortalConfigError, Settings

    try:
        settings = Settings.from_env()
    except PortalConfigError as exc:
        print(f"portal.indexer: {exc}", file=sys.stderr)
        return 2
    if settings.storage_backend != "local":
        print(
            "portal.indexer: scanning is for the local backend; S3 objects are indexed from bucket events "
            "(handle_s3_event). Fix: set PORTAL_STORAGE_BACKEND=local or wire the bucket notification.",
            file=sys.stderr,
        )
        return 2
    engine = make_engine(settings.database_url)
    create_schema(engine)
    with make_sessionmaker(engine)() as session:
        added, skipped = scan_local(session, settings.storage_root)
    print(f"indexed {added} new objects; skipped {len(skipped)} keys outside the layout")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
