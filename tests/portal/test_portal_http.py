"""The HTTP API against the app, on SQLite and (when available) a real PostgreSQL server.

Sample data (portal.dev.seed): Alice sold ``sold_vin`` to Bob at ``transfer_at`` and drives
``alice_vin`` since; Chen and Dana co-own ``shared_vin``. Camera footage exists raw and anonymised.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from portal.api import MAX_PAGE_SIZE
from portal.dev import DevKey

if TYPE_CHECKING:  # not importable under plain `pytest`; mypy names tests/portal/* `portal.*` (pyproject)
    from portal.conftest import PortalEnv

RECORDS = "/v1/vehicles/{vin}/data-classes/{dc}/records"
UNKNOWN_VIN = "JH4KA7561PC008269"


def q(start: datetime, end: datetime, **extra: Any) -> dict[str, Any]:
    return {"from": start.isoformat(), "until": end.isoformat(), **extra}


def all_records(env: PortalEnv, owner: str, vin: str, dc: str, start: datetime, end: datetime) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params = q(start, end, limit=5)
    while True:
        r = env.client.get(RECORDS.format(vin=vin, dc=dc), params=params, headers=env.auth(owner))
        assert r.status_code == 200, r.text
        body = r.json()
        items.extend(body["items"])
        if body["next_cursor"] is None:
            return items
        params = {**params, "cursor": body["next_cursor"]}


def full_range(env: PortalEnv) -> tuple[datetime, datetime]:
    return env.sample.start - timedelta(days=1), env.sample.start + timedelta(days=env.sample.days + 1)


def test_owners_list_only_their_vehicles_and_periods(portal_env: PortalEnv) -> None:
    s = portal_env.sample

    def vins(owner: str) -> dict[str, list[dict[str, Any]]]:
        r = portal_env.client.get("/v1/vehicles", headers=portal_env.auth(owner))
        assert r.status_code == 200
        return {v["vin"]: v["periods"] for v in r.json()["items"]}

    alice, bob = vins("owner-alice"), vins("owner-bob")
    assert set(alice) == {s.sold_vin, s.alice_vin} and set(bob) == {s.sold_vin}
    assert datetime.fromisoformat(alice[s.sold_vin][0]["end"]) == s.transfer_at
    assert datetime.fromisoformat(bob[s.sold_vin][0]["start"]) == s.transfer_at and bob[s.sold_vin][0]["end"] is None
    assert set(vins("owner-chen")) == set(vins("owner-dana")) == {s.shared_vin}


def test_transfer_previous_and_new_owner_never_see_each_others_data(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    alice = all_records(portal_env, "owner-alice", s.sold_vin, "vehicle_telemetry", start, end)
    bob = all_records(portal_env, "owner-bob", s.sold_vin, "vehicle_telemetry", start, end)
    assert alice and bob
    assert all(datetime.fromisoformat(r["recorded_at"]) < s.transfer_at for r in alice)
    assert all(datetime.fromisoformat(r["recorded_at"]) >= s.transfer_at for r in bob)
    assert not {r["id"] for r in alice} & {r["id"] for r in bob}
    # Bob cannot fetch Alice's record by id either, and the answer is the unknown-VIN answer.
    r = portal_env.client.get(
        RECORDS.format(vin=s.sold_vin, dc="vehicle_telemetry") + f"/{alice[0]['id']}",
        headers=portal_env.auth("owner-bob"),
    )
    unknown = portal_env.client.get(
        RECORDS.format(vin=UNKNOWN_VIN, dc="vehicle_telemetry") + f"/{alice[0]['id']}",
        headers=portal_env.auth("owner-bob"),
    )
    assert r.status_code == unknown.status_code == 404
    assert r.json() == unknown.json()


def test_co_owners_see_the_same_records(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    chen = all_records(portal_env, "owner-chen", s.shared_vin, "vehicle_diagnostics", start, end)
    dana = all_records(portal_env, "owner-dana", s.shared_vin, "vehicle_diagnostics", start, end)
    assert chen and chen == dana


@pytest.mark.parametrize("path", [RECORDS, RECORDS + "/0123456789abcdef0123456789abcdef"])
def test_another_owners_vin_answers_exactly_like_an_unknown_vin(portal_env: PortalEnv, path: str) -> None:
    s = portal_env.sample
    start, _end = full_range(portal_env)
    params = q(start, start + timedelta(days=5))
    foreign = portal_env.client.get(
        path.format(vin=s.shared_vin, dc="vehicle_telemetry"), params=params, headers=portal_env.auth("owner-alice")
    )
    unknown = portal_env.client.get(
        path.format(vin=UNKNOWN_VIN, dc="vehicle_telemetry"), params=params, headers=portal_env.auth("owner-alice")
    )
    assert foreign.status_code == unknown.status_code == 404
    assert foreign.content == unknown.content
    assert foreign.headers["content-type"] == unknown.headers["content-type"] == "application/problem+json"
    assert set(foreign.headers) == set(unknown.headers)


def test_camera_footage_is_served_only_anonymised(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    items = all_records(portal_env, "owner-bob", s.sold_vin, "camera_footage", start, end)
    assert items and {r["form"] for r in items} == {"anonymised"}
    one = portal_env.client.get(
        RECORDS.format(vin=s.sold_vin, dc="camera_footage") + f"/{items[0]['id']}", headers=portal_env.auth("owner-bob")
    )
    assert one.status_code == 200
    assert base64.b64decode(one.json()["content_base64"]).startswith(b"ANONYMISED ")
    # The raw clip's id (in the index) answers like a record that does not exist.
    from sqlalchemy.orm import Session

    from portal.db import Record

    with Session(portal_env.engine) as session:
        raw_id = session.query(Record.id).filter_by(vin=s.sold_vin, data_class="camera_footage", form="raw").first()
    assert raw_id is not None
    r = portal_env.client.get(
        RECORDS.format(vin=s.sold_vin, dc="camera_footage") + f"/{raw_id[0]}", headers=portal_env.auth("owner-bob")
    )
    assert r.status_code == 404 and b"RAW" not in r.content


def test_record_detail_has_content_and_integrity(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    first = all_records(portal_env, "owner-alice", s.alice_vin, "vehicle_telemetry", start, end)[0]
    r = portal_env.client.get(
        RECORDS.format(vin=s.alice_vin, dc="vehicle_telemetry") + f"/{first['id']}",
        headers=portal_env.auth("owner-alice"),
    )
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == first["id"] and "speed_kmh" in body["content"] and body["content_base64"] is None


def test_pagination_walks_every_record_once_in_order(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    items = all_records(portal_env, "owner-chen", s.shared_vin, "vehicle_telemetry", start, end)
    one_page = portal_env.client.get(
        RECORDS.format(vin=s.shared_vin, dc="vehicle_telemetry"),
        params=q(start, end, limit=MAX_PAGE_SIZE),
        headers=portal_env.auth("owner-chen"),
    ).json()
    assert one_page["next_cursor"] is None
    assert [r["id"] for r in items] == [r["id"] for r in one_page["items"]]
    assert len({r["id"] for r in items}) == len(items) == s.days * 3
    times = [r["recorded_at"] for r in items]
    assert times == sorted(times)


def test_a_cursor_only_works_for_its_own_query(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    page = portal_env.client.get(
        RECORDS.format(vin=s.shared_vin, dc="vehicle_telemetry"),
        params=q(start, end, limit=1),
        headers=portal_env.auth("owner-chen"),
    ).json()
    r = portal_env.client.get(
        RECORDS.format(vin=s.shared_vin, dc="vehicle_diagnostics"),
        params=q(start, end, limit=1, cursor=page["next_cursor"]),
        headers=portal_env.auth("owner-chen"),
    )
    assert r.status_code == 422 and r.json()["type"].endswith("/invalid-cursor")
    garbage = portal_env.client.get(
        RECORDS.format(vin=s.shared_vin, dc="vehicle_telemetry"),
        params=q(start, end, cursor="%%%not-base64"),
        headers=portal_env.auth("owner-chen"),
    )
    assert garbage.status_code == 422 and garbage.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("vin", "dc", "params", "status", "kind", "text"),
    [
        ("LSVAU2180N218329", "vehicle_telemetry", {}, 422, "invalid-request", "17 characters"),
        ("LSVAU2180N218329O", "vehicle_telemetry", {}, 422, "invalid-request", "except I, O and Q"),
        ("lsvau2180n2183294", "vehicle_telemetry", {}, 422, "invalid-request", "capital letters"),
        (None, "cabin_audio", {}, 422, "invalid-request", "data_class"),
        (None, "vehicle_telemetry", {"limit": MAX_PAGE_SIZE + 1}, 422, "invalid-request", "query.limit"),
        (None, "vehicle_telemetry", {"limit": 0}, 422, "invalid-request", "query.limit"),
        (
            None,
            "vehicle_telemetry",
            {"from": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
            422,
            "invalid-time-range",
            "earlier than",
        ),
        (
            None,
            "vehicle_telemetry",
            {"from": "2025-01-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
            422,
            "time-range-too-long",
            "at most 31 days",
        ),
        (None, "vehicle_telemetry", {"from": "2026-01-01T00:00:00"}, 422, "invalid-request", "timezone"),
        (None, "vehicle_telemetry", {"from": "yesterday"}, 422, "invalid-request", "query.from"),
        (None, "vehicle_telemetry", {"until": "0001-01-01T00:00:00Z"}, 422, "invalid-time-range", "earlier than"),
        (
            None,
            "vehicle_telemetry",
            {"until": "0001-01-01T00:00:00+05:00"},
            422,
            "invalid-time-range",
            "'until' must lie",
        ),
    ],
)
def test_bad_input_gets_a_problem_description(
    portal_env: PortalEnv, vin: str | None, dc: str, params: dict[str, Any], status: int, kind: str, text: str
) -> None:
    r = portal_env.client.get(
        RECORDS.format(vin=vin or portal_env.sample.sold_vin, dc=dc),
        params=params,
        headers=portal_env.auth("owner-bob"),
    )
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["type"].endswith("/" + kind) and body["status"] == status and text in body["detail"]
    assert "Traceback" not in r.text


def test_authentication_problems_are_401_before_any_input_check(portal_env: PortalEnv) -> None:
    path = RECORDS.format(vin="not-a-vin", dc="vehicle_telemetry")
    r = portal_env.client.get(path)
    assert r.status_code == 401 and r.headers["www-authenticate"] == 'Bearer realm="portal"'
    assert r.json()["type"].endswith("/unauthenticated")
    expired = portal_env.key.token("owner-bob", lifetime=timedelta(hours=-1))
    r = portal_env.client.get("/v1/vehicles", headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401 and "expired" in r.json()["detail"]
    assert 'error="invalid_token"' in r.headers["www-authenticate"]
    stranger = DevKey.generate()
    stranger.kid = portal_env.key.kid  # same kid, different key: a forgery
    r = portal_env.client.get("/v1/vehicles", headers={"Authorization": f"Bearer {stranger.token('owner-bob')}"})
    assert r.status_code == 401 and "signature" in r.json()["detail"]


def test_request_id_is_honoured_echoed_and_logged_before_the_data(portal_env: PortalEnv) -> None:
    s = portal_env.sample
    start, end = full_range(portal_env)
    rid = "trace-4f1c2b.7:abc"
    r = portal_env.client.get(
        RECORDS.format(vin=s.shared_vin, dc="vehicle_telemetry"),
        params=q(start, end, limit=2),
        headers={**portal_env.auth("owner-chen"), "X-Request-ID": rid},
    )
    assert r.status_code == 200 and r.headers["x-request-id"] == rid
    # Chen read shared data: the access shows in Chen's log and in co-owner Dana's log.
    for owner in ("owner-chen", "owner-dana"):
        log = portal_env.client.get("/v1/access-log", params={"limit": 50}, headers=portal_env.auth(owner)).json()
        hits = [e for e in log["items"] if e["request_id"] == rid]
        assert len(hits) == 1, owner
        assert (
            hits[0]["actor"] == "owner-chen" and hits[0]["action"] == "records.list" and hits[0]["vin"] == s.shared_vin
        )
    alice_log = portal_env.client.get("/v1/access-log", params={"limit": 100}, headers=portal_env.auth("owner-alice"))
    assert rid not in alice_log.text
    bad = portal_env.client.get("/v1/vehicles", headers={**portal_env.auth("owner-chen"), "X-Request-ID": "a b\x01"})
    assert bad.headers["x-request-id"] != "a b\x01" and len(bad.headers["x-request-id"]) == 32


def test_access_log_pages_newest_first(portal_env: PortalEnv) -> None:
    for _ in range(3):
        portal_env.client.get("/v1/vehicles", headers=portal_env.auth("owner-dana"))
    first = portal_env.client.get("/v1/access-log", params={"limit": 2}, headers=portal_env.auth("owner-dana")).json()
    second = portal_env.client.get(
        "/v1/access-log", params={"limit": 2, "cursor": first["next_cursor"]}, headers=portal_env.auth("owner-dana")
    ).json()
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 4


def test_log_tables_are_append_only_in_the_database(portal_env: PortalEnv) -> None:
    portal_env.client.get("/v1/vehicles", headers=portal_env.auth("owner-bob"))
    consent = {"category": "remote_diagnostics", "decision": "granted", "notice_version": "1"}
    assert portal_env.client.post("/v1/consents", json=consent, headers=portal_env.auth("owner-bob")).status_code == 201
    for statement in (
        "UPDATE access_log SET outcome = 'forged'",
        "DELETE FROM access_log",
        "DELETE FROM consent_ledger",
    ):
        with pytest.raises((DBAPIError, OperationalError), match="append-only"), portal_env.engine.begin() as conn:
            conn.execute(text(statement))


def test_consents_ledger_and_separate_consent_for_sensitive_categories(portal_env: PortalEnv) -> None:
    me = portal_env.auth("owner-dana")
    state = portal_env.client.get("/v1/consents", headers=me).json()
    by_name = {c["category"]: c for c in state["categories"]}
    assert by_name["precise_location_history"]["sensitive"] and not by_name["usage_analytics"]["sensitive"]
    before = len(state["ledger"])

    r = portal_env.client.post(
        "/v1/consents",
        json={"category": "usage_analytics", "decision": "granted", "notice_version": "2026-01"},
        headers=me,
    )
    assert r.status_code == 201
    refused = portal_env.client.post(
        "/v1/consents",
        json={"category": "precise_location_history", "decision": "granted", "notice_version": "2026-01"},
        headers=me,
    )
    assert refused.status_code == 422 and refused.json()["type"].endswith("/separate-consent-required")
    assert "PIPL art. 29" in refused.json()["detail"]
    ok = portal_env.client.post(
        "/v1/consents",
        json={
            "category": "precise_location_history",
            "decision": "granted",
            "notice_version": "2026-01",
            "separate_consent": True,
        },
        headers=me,
    )
    assert ok.status_code == 201
    withdrawn = portal_env.client.post(
        "/v1/consents",
        json={"category": "usage_analytics", "decision": "withdrawn", "notice_version": "2026-01"},
        headers=me,
    ).json()
    now = {c["category"]: c["granted"] for c in withdrawn["categories"]}
    assert now["precise_location_history"] and not now["usage_analytics"]
    ledger = withdrawn["ledger"][before:]
    assert [(e["category"], e["decision"]) for e in ledger] == [
        ("usage_analytics", "granted"),
        ("precise_location_history", "granted"),
        ("usage_analytics", "withdrawn"),
    ]
    unknown = portal_env.client.post(
        "/v1/consents", json={"category": "selling_my_data", "decision": "granted", "notice_version": "1"}, headers=me
    )
    assert unknown.status_code == 422 and "selling_my_data" in unknown.json()["detail"]
    # Chen (co-owner) has a ledger of his own.
    assert portal_env.client.get("/v1/consents", headers=portal_env.auth("owner-chen")).json()["ledger"] == []


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_is_complete_and_limited_to_my_periods(portal_env: PortalEnv, fmt: str) -> None:
    s = portal_env.sample
    me = portal_env.auth("owner-bob")
    created = portal_env.client.post("/v1/exports", json={"format": fmt}, headers=me)
    assert created.status_code == 202
    job = portal_env.client.get(created.headers["location"], headers=me).json()
    assert job["status"] == "ready" and job["download_url"]
    assert portal_env.client.get(created.headers["location"], headers=portal_env.auth("owner-alice")).status_code == 404
    download = portal_env.client.get(job["download_url"], headers=me)
    assert download.status_code == 200
    if fmt == "json":
        doc = download.json()
        meta, records = doc["metadata"], doc["records"]
    else:
        zf = zipfile.ZipFile(io.BytesIO(download.content))
        assert set(zf.namelist()) == {"metadata.json", "records.csv", "consents.csv", "access_log.csv"}
        meta = json.loads(zf.read("metadata.json"))
        import csv

        records = list(csv.DictReader(io.StringIO(zf.read("records.csv").decode())))
    assert meta["format_version"] == "1.0" and meta["generated_at"] and meta["owner_id"] == "owner-bob"
    # Every data class is described, the ones never served as records (audit_logs) with why not.
    assert {d["name"] for d in meta["data_classes"]} == {
        "vehicle_telemetry",
        "camera_footage",
        "owner_personal_data",
        "vehicle_diagnostics",
        "audit_logs",
    }
    assert {d["name"] for d in meta["data_classes"] if d["served_form"] is None} == {"audit_logs"}
    # Categories are the data-protection catalogue's for the service's jurisdiction (default CN).
    assert {d["name"]: d["category"] for d in meta["data_classes"]}["vehicle_telemetry"] == "important"
    assert [v["vin"] for v in meta["vehicles"]] == [s.sold_vin]
    assert records and int(meta["record_count"]) == len(records)
    assert all(datetime.fromisoformat(r["recorded_at"]) >= s.transfer_at for r in records)
    assert {r["form"] for r in records if r["data_class"] == "camera_footage"} == {"anonymised"}
    assert {r["data_class"] for r in records} == {
        "vehicle_telemetry",
        "camera_footage",
        "vehicle_diagnostics",
        "owner_personal_data",
    }


def test_unknown_routes_and_methods_are_problems(portal_env: PortalEnv) -> None:
    r = portal_env.client.get("/v1/nothing-here")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    r = portal_env.client.delete("/v1/vehicles", headers=portal_env.auth("owner-bob"))
    assert r.status_code == 405 and r.headers["content-type"] == "application/problem+json"


def test_openapi_is_served_and_describes_problems(portal_env: PortalEnv) -> None:
    doc = portal_env.client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert "Problem" in doc["components"]["schemas"]
    assert "/v1/vehicles/{vin}/data-classes/{data_class}/records" in doc["paths"]
    assert "DEVELOPMENT MODE" in doc["info"]["title"]


# --- failure paths (private SQLite app) --------------------------------------------------------


def test_no_data_is_returned_when_the_access_log_cannot_be_written(sqlite_env: PortalEnv) -> None:
    s = sqlite_env.sample
    start, end = full_range(sqlite_env)

    def refuse_log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ACCESS_LOG"):
            raise OperationalError(statement, None, Exception("disk full"))

    event.listen(sqlite_env.engine, "before_cursor_execute", refuse_log)
    try:
        r = sqlite_env.client.get(
            RECORDS.format(vin=s.sold_vin, dc="vehicle_telemetry"),
            params=q(start, end),
            headers=sqlite_env.auth("owner-bob"),
        )
    finally:
        event.remove(sqlite_env.engine, "before_cursor_execute", refuse_log)
    assert r.status_code == 503 and r.json()["type"].endswith("/access-log-unavailable")
    assert "speed" not in r.text and s.sold_vin not in r.text and "disk full" not in r.text


def test_server_errors_do_not_leak_internals(sqlite_env: PortalEnv) -> None:
    s = sqlite_env.sample

    class BrokenStore:
        def get(self, key: Any) -> bytes:
            raise RuntimeError("secret bucket cn-telemetry-prod credentials AKIA...")

        def put(self, key: Any, data: bytes, content_type: str) -> None:
            raise RuntimeError("unused")

    from fastapi.testclient import TestClient

    from portal.api import create_app

    app = create_app(sqlite_env.settings, engine=sqlite_env.engine, store=BrokenStore())
    client = TestClient(app, raise_server_exceptions=False)
    start, end = full_range(sqlite_env)
    rec = all_records(sqlite_env, "owner-bob", s.sold_vin, "vehicle_telemetry", start, end)[0]
    r = client.get(
        RECORDS.format(vin=s.sold_vin, dc="vehicle_telemetry") + f"/{rec['id']}",
        headers={**sqlite_env.auth("owner-bob"), "X-Request-ID": "req-500"},
    )
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["request_id"] == "req-500" and r.headers["x-request-id"] == "req-500"
    assert "secret" not in r.text and "RuntimeError" not in r.text and "Traceback" not in r.text


@pytest.mark.parametrize(("body", "status"), [(b"<xml/>", 422), (b"<\xefL", 400)])
def test_a_body_that_is_not_json_is_a_problem(portal_env: PortalEnv, body: bytes, status: int) -> None:
    r = portal_env.client.post(
        "/v1/consents", content=body, headers={**portal_env.auth("owner-bob"), "Content-Type": "application/json"}
    )
    assert r.status_code == status and r.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in r.text
