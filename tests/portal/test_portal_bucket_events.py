"""Bucket notifications -> record index: the S3 Lambda entry point and the Function Compute OSS trigger
entry point, driven with the clouds' documented sample events.

* S3: Amazon S3 User Guide, "Event message structure" (version 2.1 example),
  https://docs.amazonaws.cn/en_us/AmazonS3/latest/userguide/notification-content-structure.html
* OSS: Function Compute, "Trigger event format", OSS triggers,
  https://www.alibabacloud.com/help/en/functioncompute/fc/formats-of-event-for-different-triggers-1
  delivered to a custom container as ``POST /invoke`` (Function Compute, "Event handlers",
  https://www.alibabacloud.com/help/en/fc/user-guide/event-handlers-1).
"""

from __future__ import annotations

import copy
import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from portal import aws_lambda, fc_indexer, indexer
from portal.db import Base, Record, make_engine, make_sessionmaker
from portal.indexer import EventIndexer, handle_oss_event, handle_s3_event
from portal.storage import LocalFolderStore, ObjectKey, S3Store

VIN = "LSVAU2180N2183294"
DAY = "2026-03-01"
TELEMETRY = f"vehicle_telemetry/{VIN}/{DAY}/7d9f3c2e-4b1a-4c8e-9f00-1b2c3d4e5f60.json"
ANONYMISED = f"camera_footage/{VIN}/{DAY}/c00001.anonymised.mp4"
RAW_CAMERA = f"camera_footage/{VIN}/{DAY}/c00001.mp4"
BUCKETS = {"vehicle_telemetry": "sovereign-cn-telemetry", "camera_footage": "sovereign-cn-camera"}


def s3_record(bucket: str, key: str, event_name: str = "ObjectCreated:Put") -> dict[str, Any]:
    """One record of the documented S3 event (version 2.1), with values in place of the descriptions."""
    return {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "awsRegion": "cn-north-1",
        "eventTime": "2026-03-01T08:30:00.000Z",
        "eventName": event_name,
        "userIdentity": {"principalId": "AWS:AROAEXAMPLEID:sovereign-cn-ingest"},
        "requestParameters": {"sourceIPAddress": "10.40.1.23"},
        "responseElements": {"x-amz-request-id": "C3D13FE58DE4C810", "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG"},
        "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "portal-indexer",
            "bucket": {
                "name": bucket,
                "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                "arn": f"arn:aws-cn:s3:::{bucket}",
            },
            # The same page: the object key in the event is URL-encoded.
            "object": {
                "key": key,
                "size": 7,
                "eTag": "0123456789abcdef0123456789abcdef",
                "sequencer": "0A1B2C3D4E5F678901",
            },
        },
    }


def oss_record(bucket: str, key: str, event_name: str = "ObjectCreated:PutObject") -> dict[str, Any]:
    """One record of the documented FC OSS trigger event, with this deployment's region and names."""
    return {
        "eventName": event_name,
        "eventSource": "acs:oss",
        "eventTime": "2026-03-01T08:30:00.000Z",
        "eventVersion": "1.0",
        "oss": {
            "bucket": {
                "arn": f"acs:oss:cn-shanghai:123456789:{bucket}",
                "name": bucket,
                "ownerIdentity": "164901546557****",
            },
            "object": {"deltaSize": 7, "eTag": "688A7BF4F233DC9C88A80BF985AB****", "key": key, "size": 7},
            "ossSchemaVersion": "1.0",
            "ruleId": "9adac8e253828f4f7c0466d941fa3db81161****",
        },
        "region": "cn-shanghai",
        "requestParameters": {"sourceIPAddress": "140.205.XX.XX"},
        "responseElements": {"requestId": "58F9FF2D3DF792092E12044C"},
        "userIdentity": {"principalId": "164901546557****"},
    }


class ReadOnly(LocalFolderStore):
    """The local store, refusing to read what a deployed function's role may not read (raw footage)."""

    def get(self, key: ObjectKey) -> bytes:
        if key.data_class == "camera_footage" and ".anonymised." not in key.name:
            pytest.fail(f"{key} must never be read: the function's role may read only anonymised footage")
        return super().get(key)


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = make_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def store(tmp_path: Path) -> ReadOnly:
    store = ReadOnly(tmp_path / "objects")
    for key in (TELEMETRY, ANONYMISED, RAW_CAMERA, f"audit_logs/{VIN}/{DAY}/trail.json"):
        store.put(ObjectKey.parse(key), b'{"a":1}', "application/json")
    return store


def _keys(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return {r.object_key for r in session.scalars(select(Record))}


HANDLERS = [
    pytest.param(handle_s3_event, s3_record, "Records", id="s3"),
    pytest.param(handle_oss_event, oss_record, "events", id="oss"),
]


@pytest.mark.parametrize(("handle", "record", "field"), HANDLERS)
def test_a_documented_event_indexes_the_served_objects_once(
    handle: Any, record: Any, field: str, engine: Engine, store: ReadOnly
) -> None:
    event = {field: [record(BUCKETS["vehicle_telemetry"], TELEMETRY), record(BUCKETS["camera_footage"], ANONYMISED)]}
    with Session(engine) as session:
        assert handle(session, store, event, BUCKETS) == (2, [])
        assert handle(session, store, copy.deepcopy(event), BUCKETS) == (0, [])  # redelivered: idempotent
    with Session(engine) as session:
        rows = {r.object_key: r for r in session.scalars(select(Record))}
    assert set(rows) == {TELEMETRY, ANONYMISED}
    assert rows[TELEMETRY].recorded_at == datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    assert rows[ANONYMISED].form == "anonymised" and rows[TELEMETRY].size_bytes == 7


SKIPPED = [
    # (bucket, key, why)
    (BUCKETS["vehicle_telemetry"], f"_ingest_errors/vehicle_telemetry/{VIN}/{DAY}/x.json", "does not follow"),
    (BUCKETS["camera_footage"], RAW_CAMERA, "camera_footage objects in the raw form are never served"),
    (
        "sovereign-cn-audit",
        f"audit_logs/{VIN}/{DAY}/trail.json",
        "the service reads no bucket for data class audit_logs",
    ),
    (BUCKETS["vehicle_telemetry"], f"camera_footage/{VIN}/{DAY}/c2.anonymised.mp4", "is not the camera_footage bucket"),
    (BUCKETS["vehicle_telemetry"], f"vehicle_telemetry/{VIN}/2026-02-30/x.json", "no such day"),
    (BUCKETS["vehicle_telemetry"], f"vehicle_telemetry/{VIN}/{DAY}/deleted-before-read.json", "no longer exists"),
    (BUCKETS["vehicle_telemetry"], f"radar_points/{VIN}/{DAY}/x.json", "does not follow"),
]


@pytest.mark.parametrize(("handle", "record", "field"), HANDLERS)
@pytest.mark.parametrize(("bucket", "key", "why"), SKIPPED, ids=[s[2].split()[-1] for s in SKIPPED])
def test_what_must_not_be_indexed_is_logged_and_skipped_without_failing_the_batch(
    handle: Any,
    record: Any,
    field: str,
    bucket: str,
    key: str,
    why: str,
    engine: Engine,
    store: ReadOnly,
    caplog: pytest.LogCaptureFixture,
) -> None:
    event = {field: [record(bucket, key), record(BUCKETS["vehicle_telemetry"], TELEMETRY)]}
    with caplog.at_level(logging.WARNING, logger="portal.indexer"), Session(engine) as session:
        assert handle(session, store, event, BUCKETS) == (1, [key])
    assert _keys(engine) == {TELEMETRY}
    (message,) = [r.getMessage() for r in caplog.records]
    assert f"skipped {bucket}/{key}" in message and why in message


@pytest.mark.parametrize(("handle", "record", "field"), HANDLERS)
def test_without_the_bucket_map_no_unknown_or_unserved_class_is_indexed(
    handle: Any, record: Any, field: str, engine: Engine, store: ReadOnly
) -> None:
    event = {
        field: [record("b", f"audit_logs/{VIN}/{DAY}/trail.json"), record("b", RAW_CAMERA), record("b", TELEMETRY)]
    }
    with Session(engine) as session:
        added, skipped = handle(session, store, event)
    assert (added, sorted(skipped)) == (1, sorted([f"audit_logs/{VIN}/{DAY}/trail.json", RAW_CAMERA]))


@pytest.mark.parametrize(("handle", "record", "field"), HANDLERS)
def test_other_events_and_malformed_records_are_ignored(
    handle: Any, record: Any, field: str, engine: Engine, store: ReadOnly
) -> None:
    removed = record(BUCKETS["vehicle_telemetry"], TELEMETRY, event_name="ObjectRemoved:Delete")
    no_time = record(BUCKETS["vehicle_telemetry"], TELEMETRY)
    no_time["eventTime"] = "yesterday"
    event = {field: [removed, no_time, "not a record", {"eventName": "ObjectCreated:Put"}]}
    with Session(engine) as session:
        added, skipped = handle(session, store, event, BUCKETS)
    assert added == 0 and skipped == [TELEMETRY, ""]
    with Session(engine) as session:
        assert handle(session, store, {field: "not a list"}, BUCKETS) == (0, [])
        assert handle(session, store, {}, BUCKETS) == (0, [])


def test_s3_keys_are_url_decoded(engine: Engine, store: ReadOnly) -> None:
    encoded = TELEMETRY.replace("/", "%2F")
    with Session(engine) as session:
        assert handle_s3_event(session, store, {"Records": [s3_record(BUCKETS["vehicle_telemetry"], encoded)]}) == (
            1,
            [],
        )


def test_a_concurrent_delivery_that_indexed_first_is_not_an_error(
    engine: Engine, store: ReadOnly, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = indexer.index_object

    def racing(session: Session, key: ObjectKey, data: bytes, when: datetime) -> Record | None:
        rec = real(session, key, data, when)
        with Session(engine) as other:  # the other invocation commits between our check and our commit
            real(other, key, data, when)
            other.commit()
        return rec

    monkeypatch.setattr(indexer, "index_object", racing)
    with Session(engine) as session:
        event = {"Records": [s3_record(BUCKETS["vehicle_telemetry"], TELEMETRY)]}
        assert handle_s3_event(session, store, event, BUCKETS) == (0, [])
    assert _keys(engine) == {TELEMETRY}


def test_a_store_failure_propagates_so_the_platform_retries(engine: Engine) -> None:
    client = boto3.client("s3", region_name="cn-north-1", aws_access_key_id="x", aws_secret_access_key="y")
    stub = Stubber(client)
    stub.add_client_error("get_object", service_error_code="AccessDenied", http_status_code=403)
    event = {"Records": [s3_record(BUCKETS["vehicle_telemetry"], TELEMETRY)]}
    with stub, Session(engine) as session, pytest.raises(Exception, match="AccessDenied"):
        handle_s3_event(session, S3Store(client, BUCKETS), event, BUCKETS)


# -- the deployed entry points ---------------------------------------------------------------------------


def _s3_indexer(engine: Engine) -> tuple[EventIndexer, Stubber]:
    client = boto3.client("s3", region_name="cn-north-1", aws_access_key_id="x", aws_secret_access_key="y")
    stub = Stubber(client)
    stub.add_response(
        "get_object",
        {"Body": StreamingBody(io.BytesIO(b'{"a":1}'), 7), "ContentLength": 7},
        {"Bucket": BUCKETS["vehicle_telemetry"], "Key": TELEMETRY},
    )
    return EventIndexer(make_sessionmaker(engine), S3Store(client, BUCKETS), BUCKETS), stub


def test_the_lambda_index_handler_indexes_an_s3_notification(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    built, stub = _s3_indexer(engine)
    monkeypatch.setattr(aws_lambda, "_indexer", built)
    event = {
        "Records": [
            s3_record(BUCKETS["vehicle_telemetry"], TELEMETRY),
            s3_record(BUCKETS["vehicle_telemetry"], f"_ingest_errors/vehicle_telemetry/{VIN}/{DAY}/x.json"),
        ]
    }
    with stub:
        assert aws_lambda.index_handler(event, None) == {"indexed": 1, "skipped": 1}
    stub.assert_no_pending_responses()
    assert _keys(engine) == {TELEMETRY}


def test_the_lambda_index_handler_builds_its_indexer_from_the_function_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portal.dev import dev_settings_env

    for name, value in dev_settings_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    for name in ("PORTAL_OIDC_ISSUER", "PORTAL_OIDC_AUDIENCE", "PORTAL_OIDC_JWKS_URL"):
        monkeypatch.delenv(name)  # deployed without them (components/aws/record_indexer.py)
    LocalFolderStore(tmp_path / "objects").put(ObjectKey.parse(TELEMETRY), b"{}", "application/json")
    monkeypatch.setattr(aws_lambda, "_indexer", None)
    event = {"Records": [s3_record("local", TELEMETRY)]}
    assert aws_lambda.index_handler(event, None) == {"indexed": 1, "skipped": 0}
    assert aws_lambda.index_handler(event, None) == {"indexed": 0, "skipped": 0}
    assert _keys(make_engine(f"sqlite:///{tmp_path / 'portal.db'}")) == {TELEMETRY}


def _fc(built: EventIndexer | Exception) -> TestClient:
    def factory() -> EventIndexer:
        if isinstance(built, Exception):
            raise built
        return built

    return TestClient(fc_indexer.create_app(factory))


def test_the_fc_entry_point_indexes_an_oss_trigger_event(engine: Engine, store: ReadOnly) -> None:
    built = EventIndexer(make_sessionmaker(engine), store, BUCKETS)
    body = json.dumps({"events": [oss_record(BUCKETS["vehicle_telemetry"], TELEMETRY)]})
    headers = {"content-type": "application/octet-stream", "x-fc-request-id": "rid-1"}
    with _fc(built) as client:
        answer = client.post("/invoke", content=body, headers=headers)
        assert answer.status_code == 200 and answer.headers["x-fc-status"] == "200"
        assert answer.json() == {"indexed": 1, "skipped": 0}
        again = client.post("/invoke", content=body, headers=headers)
        assert again.json() == {"indexed": 0, "skipped": 0}
        assert client.get("/invoke").status_code == 405
        assert client.post("/v1/vehicles").status_code == 404  # nothing but the event endpoint
    assert _keys(engine) == {TELEMETRY}


def test_the_fc_entry_point_reports_a_failure_so_the_event_is_retried(caplog: pytest.LogCaptureFixture) -> None:
    body = json.dumps({"events": [oss_record(BUCKETS["vehicle_telemetry"], TELEMETRY)]})
    with _fc(RuntimeError("database unreachable")) as client:
        answer = client.post("/invoke", content=body, headers={"x-fc-request-id": "rid-2"})
    assert answer.status_code == 404 and answer.headers["x-fc-status"] == "404"
    assert answer.json() == {"error": "indexing failed", "requestId": "rid-2"}
    assert "database unreachable" not in answer.text  # the cause is in the function log only
    assert any("rid-2" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b""])
def test_the_fc_entry_point_drops_what_is_not_an_event(body: bytes) -> None:
    with _fc(RuntimeError("must not be built")) as client:
        answer = client.post("/invoke", content=body)
    assert answer.status_code == 200 and answer.json()["ignored"] is True


def test_the_indexer_needs_no_identity_provider_settings_but_the_service_does(tmp_path: Path) -> None:
    from portal.settings import PortalConfigError, Settings

    env = {"PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}", "PORTAL_STORAGE_ROOT": str(tmp_path)}
    assert Settings.from_env(env, verify_tokens=False).database_url == env["PORTAL_DATABASE_URL"]
    with pytest.raises(PortalConfigError, match=r"PORTAL_OIDC_ISSUER is not set\. Fix: "):
        Settings.from_env(env)
    # Everything else is still checked for the indexer.
    with pytest.raises(PortalConfigError, match=r"PORTAL_STORAGE_BACKEND='ftp' is unknown"):
        Settings.from_env({**env, "PORTAL_STORAGE_BACKEND": "ftp"}, verify_tokens=False)


def test_the_fc_entry_point_builds_its_indexer_from_the_function_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTAL_DATABASE_URL", f"sqlite:///{tmp_path / 'portal.db'}")
    monkeypatch.setenv("PORTAL_STORAGE_ROOT", str(tmp_path / "objects"))
    for name in ("PORTAL_OIDC_ISSUER", "PORTAL_OIDC_AUDIENCE", "PORTAL_OIDC_JWKS_URL"):
        monkeypatch.delenv(name, raising=False)
    LocalFolderStore(tmp_path / "objects").put(ObjectKey.parse(TELEMETRY), b"{}", "application/json")
    body = json.dumps({"events": [oss_record("local", TELEMETRY)]})
    with TestClient(fc_indexer.create_app(EventIndexer.from_env)) as client:
        answer = client.post("/invoke", content=body, headers={"content-type": "application/octet-stream"})
    assert answer.json() == {"indexed": 1, "skipped": 0}
    assert _keys(make_engine(f"sqlite:///{tmp_path / 'portal.db'}")) == {TELEMETRY}
