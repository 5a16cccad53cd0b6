"""The storage interface: bucket layout keys, the local folder, and S3 through botocore's Stubber."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber
from hypothesis import given
from hypothesis import strategies as st

from portal.storage import LocalFolderStore, ObjectKey, ObjectNotFound, S3Store

VIN = "LSVAU2180N2183294"


def test_layout_key_round_trips() -> None:
    key = ObjectKey.parse(f"camera_footage/{VIN}/2026-03-01/c00001.anonymised.mp4")
    assert key == ObjectKey("camera_footage", VIN, date(2026, 3, 1), "c00001.anonymised.mp4")
    assert str(key) == f"camera_footage/{VIN}/2026-03-01/c00001.anonymised.mp4"


@pytest.mark.parametrize(
    "key",
    [
        f"cabin_audio/{VIN}/2026-03-01/a.wav",  # not a data class
        f"vehicle_telemetry/{VIN}/2026-3-1/a.json",  # date not zero-padded
        f"vehicle_telemetry/{VIN}/2026-02-30/a.json",  # no such day
        f"vehicle_telemetry/{VIN.lower()}/2026-03-01/a.json",
        f"vehicle_telemetry/{VIN}/2026-03-01/../../etc/passwd",
        f"vehicle_telemetry/{VIN}/2026-03-01/..",
        f"vehicle_telemetry/{VIN}/2026-03-01/",
        f"/vehicle_telemetry/{VIN}/2026-03-01/a.json",
    ],
)
def test_keys_outside_the_layout_are_refused(key: str) -> None:
    with pytest.raises(ValueError, match=r"<data_class>/<VIN>/<YYYY-MM-DD>/<object>"):
        ObjectKey.parse(key)


@given(st.text(max_size=80))
def test_parsed_keys_never_escape_the_root(raw: str) -> None:
    try:
        key = ObjectKey.parse(raw)
    except ValueError:
        return
    assert ".." not in str(key).split("/") and not str(key).startswith("/")


def test_local_folder_store(tmp_path: Path) -> None:
    store = LocalFolderStore(tmp_path)
    key = ObjectKey.parse(f"vehicle_telemetry/{VIN}/2026-03-01/t1.json")
    store.put(key, b'{"a": 1}', "application/json")
    assert store.get(key) == b'{"a": 1}'
    assert (tmp_path / "vehicle_telemetry" / VIN / "2026-03-01" / "t1.json").is_file()
    with pytest.raises(ObjectNotFound):
        store.get(ObjectKey.parse(f"vehicle_telemetry/{VIN}/2026-03-01/missing.json"))


@pytest.fixture
def s3() -> tuple[S3Store, Stubber]:
    client = boto3.client("s3", region_name="cn-north-1", aws_access_key_id="testing", aws_secret_access_key="testing")
    return S3Store(client, {"vehicle_telemetry": "cn-north-1-telemetry"}), Stubber(client)


def test_s3_store_reads_the_data_class_bucket(s3: tuple[S3Store, Stubber]) -> None:
    store, stub = s3
    key = ObjectKey.parse(f"vehicle_telemetry/{VIN}/2026-03-01/t1.json")
    stub.add_response(
        "get_object",
        {"Body": StreamingBody(io.BytesIO(b"{}"), 2), "ContentLength": 2},
        {"Bucket": "cn-north-1-telemetry", "Key": str(key)},
    )
    stub.add_client_error(
        "get_object",
        "NoSuchKey",
        http_status_code=404,
        expected_params={"Bucket": "cn-north-1-telemetry", "Key": str(key)},
    )
    stub.add_client_error("get_object", "AccessDenied", http_status_code=403)
    stub.add_response(
        "put_object",
        {},
        {"Bucket": "cn-north-1-telemetry", "Key": str(key), "Body": b"x", "ContentType": "application/json"},
    )
    with stub:
        assert store.get(key) == b"{}"
        with pytest.raises(ObjectNotFound):
            store.get(key)
        with pytest.raises(Exception, match="AccessDenied"):
            store.get(key)  # permission problems are errors, not "not found"
        store.put(key, b"x", "application/json")
    stub.assert_no_pending_responses()


def test_s3_store_without_a_bucket_for_the_class(s3: tuple[S3Store, Stubber]) -> None:
    store, _ = s3
    with pytest.raises(ObjectNotFound, match="no bucket configured for data class camera_footage"):
        store.get(ObjectKey.parse(f"camera_footage/{VIN}/2026-03-01/c.mp4"))
