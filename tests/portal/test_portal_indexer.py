"""The record indexer: local folder scans and S3 event notifications (botocore Stubber)."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path

import boto3
from botocore.response import StreamingBody
from botocore.stub import Stubber
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.db import Base, Record, make_engine
from portal.indexer import handle_s3_event, scan_local
from portal.storage import S3Store

VIN = "LSVAU2180N2183294"
UUID = "7d9f3c2e-4b1a-4c8e-9f00-1b2c3d4e5f60"


def test_scan_indexes_layout_objects_once_and_skips_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    day = root / "vehicle_telemetry" / VIN / "2026-03-01"
    day.mkdir(parents=True)
    (day / f"{UUID}.json").write_bytes(b'{"speed_kmh": 50}')
    cam = root / "camera_footage" / VIN / "2026-03-01"
    cam.mkdir(parents=True)
    (cam / "c1.anonymised.mp4").write_bytes(b"anon")
    (cam / "c1.raw.mp4").write_bytes(b"raw")
    errors = root / "_ingest_errors" / "vehicle_telemetry" / VIN / "2026-03-01"
    errors.mkdir(parents=True)
    (errors / "x.json").write_bytes(b"{}")
    arrived = datetime(2026, 3, 1, 8, 30, tzinfo=UTC).timestamp()
    os.utime(day / f"{UUID}.json", (arrived, arrived))

    engine = make_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        added, skipped = scan_local(session, root)
        assert added == 3 and skipped == [f"_ingest_errors/vehicle_telemetry/{VIN}/2026-03-01/x.json"]
        assert scan_local(session, root) == (0, skipped)  # idempotent
        rows = {r.object_key: r for r in session.scalars(select(Record))}
    telemetry = rows[f"vehicle_telemetry/{VIN}/2026-03-01/{UUID}.json"]
    assert telemetry.recorded_at == datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    assert telemetry.content_type == "application/json" and telemetry.form == "raw" and telemetry.size_bytes == 17
    assert rows[f"camera_footage/{VIN}/2026-03-01/c1.anonymised.mp4"].form == "anonymised"
    assert rows[f"camera_footage/{VIN}/2026-03-01/c1.raw.mp4"].form == "raw"


def test_s3_object_created_events_are_indexed() -> None:
    client = boto3.client("s3", region_name="cn-north-1", aws_access_key_id="testing", aws_secret_access_key="testing")
    store = S3Store(client, {"vehicle_telemetry": "cn-telemetry"})
    key = f"vehicle_telemetry/{VIN}/2026-03-01/{UUID}.json"
    event = {
        "Records": [
            {
                "eventName": "ObjectCreated:Put",
                "eventTime": "2026-03-01T08:30:00.000Z",
                "s3": {"bucket": {"name": "cn-telemetry"}, "object": {"key": key}},
            },
            {
                "eventName": "ObjectCreated:Put",
                "eventTime": "2026-03-01T08:31:00.000Z",
                "s3": {"object": {"key": f"_ingest_errors/vehicle_telemetry/{VIN}/2026-03-01/x.json"}},
            },
            {
                "eventName": "ObjectRemoved:Delete",
                "eventTime": "2026-03-01T08:32:00.000Z",
                "s3": {"object": {"key": key}},
            },
        ]
    }
    engine = make_engine("sqlite://")
    Base.metadata.create_all(engine)
    stub = Stubber(client)
    stub.add_response(
        "get_object",
        {"Body": StreamingBody(io.BytesIO(b'{"a":1}'), 7), "ContentLength": 7},
        {"Bucket": "cn-telemetry", "Key": key},
    )
    with stub, Session(engine) as session:
        added, skipped = handle_s3_event(session, store, event)
        assert added == 1 and skipped == [f"_ingest_errors/vehicle_telemetry/{VIN}/2026-03-01/x.json"]
        rec = session.scalars(select(Record)).one()
    stub.assert_no_pending_responses()
    assert rec.recorded_at == datetime(2026, 3, 1, 8, 30, tzinfo=UTC) and rec.size_bytes == 7
