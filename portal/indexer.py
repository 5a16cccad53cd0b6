"""Adds stored objects to the record index the service queries.

The ingest pipeline (``VehicleIngest``) writes objects to the data-class buckets under
``<data_class>/<VIN>/<YYYY-MM-DD>/<object>``; the service answers from the ``records`` table. This
module bridges the two: index one object, scan a local folder, or handle an S3 event notification
(``s3:ObjectCreated:*``; message structure per the Amazon S3 User Guide, "Event message structure":
keys arrive URL-encoded, ``eventTime`` is ISO 8601).

``recorded_at`` is when the object arrived (the event time, or the file's modification time): the
ingest rule files each message under its arrival day, so the two agree. Objects named
``*.anonymised.*`` are the anonymisation pipeline's output (form ``anonymised``); everything else is
``raw``. Indexing is idempotent (the record id is derived from the key).
"""

from __future__ import annotations

import hashlib
import mimetypes
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from sqlalchemy.orm import Session

from portal.db import Record, create_schema, make_engine, make_sessionmaker
from portal.storage import ObjectKey, ObjectStore

__all__ = ["form_of", "handle_s3_event", "index_object", "scan_local"]


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


def handle_s3_event(session: Session, store: ObjectStore, event: Mapping[str, Any]) -> tuple[int, list[str]]:
    """Index the objects an S3 ``ObjectCreated`` notification names; returns new count and skipped keys."""
    added, skipped = 0, []
    for item in event.get("Records", []):
        if not str(item.get("eventName", "")).startswith("ObjectCreated"):
            continue
        raw_key = unquote_plus(item["s3"]["object"]["key"])
        try:
            key = ObjectKey.parse(raw_key)
        except ValueError:
            skipped.append(raw_key)
            continue
        when = datetime.fromisoformat(item["eventTime"].replace("Z", "+00:00"))
        if index_object(session, key, store.get(key), when) is not None:
            added += 1
    session.commit()
    return added, skipped


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
