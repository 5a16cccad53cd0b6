"""The service on Alibaba Cloud Function Compute: the KMS RDS secret and the OSS object store.

Both SDKs run for real (signing, endpoint choice, response and error parsing); only the socket is
replaced, at the seam each SDK offers: a requests *transport adapter* mounted on the session the SDK
sends with (``AcsClient.session`` for aliyun-python-sdk-core; ``RequestsHttpClient(adapter=...)``
passed as ``Config.http_client`` for alibabacloud-oss-v2). Each adapter answers from a list of canned
HTTP responses in the services' documented formats and records what the SDK sent.
"""

from __future__ import annotations

import io
import json
import re
import string
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import alibabacloud_oss_v2 as oss
import pytest
import requests
import requests.adapters
from aliyunsdkcore.vendored.requests import adapters as acs_adapters
from aliyunsdkcore.vendored.requests import exceptions as acs_exceptions
from aliyunsdkcore.vendored.requests import models as acs_models
from aliyunsdkcore.vendored.requests.structures import CaseInsensitiveDict as AcsHeaders
from fastapi.testclient import TestClient
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from portal import storage
from portal.alicloud import RoleCredentials, acs_client, describe_sdk_error
from portal.api import create_app
from portal.db import VehicleBinding, create_schema, make_engine
from portal.deployed import database_url_from_secret
from portal.dev import DevKey, dev_settings_env
from portal.indexer import index_object
from portal.settings import PortalConfigError, Settings
from portal.storage import ObjectKey, ObjectNotFound, OssStore, oss_client

REGION = "cn-shanghai"
HOST = "pgm-uf6abcdef123.pg.rds.aliyuncs.com"
SECRET = "sovereign-cn-portal-db"
ROLE = {
    "ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.NUexampleKeyId",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "exampleKeySecret",
    "ALIBABA_CLOUD_SECURITY_TOKEN": "CAIS-example-security-token",
}
ENV = {
    "PORTAL_DATABASE_HOST": HOST,
    "PORTAL_DATABASE_NAME": "portal",
    "PORTAL_DATABASE_SECRET_NAME": SECRET,
    "PORTAL_ALICLOUD_REGION": REGION,
    **ROLE,
}
VIN = "LSVAU2180N2183294"
Answer = tuple[int, bytes] | Exception


# -- KMS: GetSecretValue through aliyun-python-sdk-core -------------------------------------------------


class AcsTransport(acs_adapters.BaseAdapter):  # type: ignore[misc]
    """The vendored requests' transport adapter API: answers in order, records each prepared request."""

    def __init__(self, *answers: Answer) -> None:
        super().__init__()
        self.answers = list(answers)
        self.sent: list[Any] = []

    def send(self, request: Any, **kwargs: Any) -> Any:
        self.sent.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        response = acs_models.Response()
        response.status_code, response.raw = answer[0], io.BytesIO(answer[1])
        response.headers = AcsHeaders({"Content-Type": "application/json;charset=utf-8"})
        response.request, response.url = request, request.url
        return response

    def close(self) -> None:
        pass


def _kms(transport: AcsTransport, made: list[tuple[str, RoleCredentials]]) -> Callable[[str, RoleCredentials], Any]:
    def make(region: str, credentials: RoleCredentials) -> Any:
        client = acs_client(region, credentials)  # the production factory: the real AcsClient
        client.session.mount("https://", transport)
        client.session.mount("http://", transport)
        made.append((region, credentials))
        return client

    return make


def _secret_value(data: dict[str, str] | str, secret_type: str = "Rds") -> tuple[int, bytes]:
    # GetSecretValue's response (KMS API reference, GetSecretValue: SecretName, SecretType, SecretData, ...).
    body = {
        "RequestId": "6a3e9c36-1150-4881-84d3-eb8672fcafad",
        "SecretName": SECRET,
        "SecretType": secret_type,
        "SecretData": data if isinstance(data, str) else json.dumps(data),
        "SecretDataType": "text",
        "VersionId": "00000000000000000000000000000001",
        "VersionStages": {"VersionStage": ["ACSCurrent"]},
        "CreateTime": "2026-03-01T08:00:00Z",
    }
    return 200, json.dumps(body).encode()


def _kms_error(status: int, code: str, message: str) -> tuple[int, bytes]:
    body = {"RequestId": "0f1e2d3c-0000-4000-8000-000000000000", "Code": code, "Message": message}
    return status, json.dumps(body).encode()


def _params(request: Any) -> dict[str, str]:
    query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
    body = request.body.decode() if isinstance(request.body, bytes) else (request.body or "")
    return {**query, **{k: v[0] for k, v in parse_qs(body).items()}}


def test_the_database_url_comes_from_the_kms_rds_secret_over_the_vpc_endpoint() -> None:
    transport = AcsTransport(_secret_value({"AccountName": "portal_admin", "AccountPassword": "p@ss/w:rd"}))
    made: list[tuple[str, RoleCredentials]] = []
    problems: list[str] = []
    url = database_url_from_secret(ENV, problems, kms_client=_kms(transport, made))
    assert problems == []
    assert url == f"postgresql+psycopg://portal_admin:p%40ss%2Fw%3Ard@{HOST}:5432/portal?sslmode=require"
    (request,) = transport.sent
    assert urlsplit(request.url).scheme == "https"
    assert urlsplit(request.url).hostname == f"kms-vpc.{REGION}.aliyuncs.com"
    params = _params(request)
    assert params["Action"] == "GetSecretValue" and params["Version"] == "2016-01-20"
    assert params["SecretName"] == SECRET
    # Signed with the role's STS credentials: the key id and the token travel, the key secret never does.
    assert params["AccessKeyId"] == ROLE["ALIBABA_CLOUD_ACCESS_KEY_ID"]
    assert params["SecurityToken"] == ROLE["ALIBABA_CLOUD_SECURITY_TOKEN"]
    assert params["Signature"] and ROLE["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] not in request.url + str(request.body)
    assert [(region, c.access_key_id) for region, c in made] == [(REGION, ROLE["ALIBABA_CLOUD_ACCESS_KEY_ID"])]


def test_an_explicit_kms_endpoint_is_the_one_called() -> None:
    transport = AcsTransport(_secret_value({"AccountName": "a", "AccountPassword": "b"}))
    env = {**ENV, "PORTAL_KMS_ENDPOINT": "kms-vpc.cn-shanghai.aliyuncs.com", "PORTAL_DATABASE_PORT": "3433"}
    url = database_url_from_secret(env, [], kms_client=_kms(transport, []))
    assert url is not None and url.endswith(f"@{HOST}:3433/portal?sslmode=require")
    assert urlsplit(transport.sent[0].url).hostname == "kms-vpc.cn-shanghai.aliyuncs.com"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            [_kms_error(403, "Forbidden.NoPermission", "This operation is forbidden by permission system.")],
            r"cannot read the KMS secret 'sovereign-cn-portal-db' in cn-shanghai through "
            r"kms-vpc\.cn-shanghai\.aliyuncs\.com \(ServerException: .*Forbidden\.NoPermission.*\)\. "
            r"Fix: grant the function's RAM role kms:GetSecretValue on the secret",
        ),
        (
            [_kms_error(404, "Forbidden.ResourceNotFound", "Resource not found.")],
            r"Forbidden\.ResourceNotFound.*Fix: grant the function's RAM role kms:GetSecretValue",
        ),
        (
            [acs_exceptions.ConnectionError("connection refused")] * 3,
            r"\(ClientException: .*connection refused.*\)\. Fix: .*allow HTTPS from the function's security group "
            r"to kms-vpc\.cn-shanghai\.aliyuncs\.com",
        ),
        ([_secret_value("not json")], r"is not an RDS secret \(its value is not JSON with AccountName"),
        ([_secret_value({"AccountName": "portal_admin"})], r"is not an RDS secret \(its value is not JSON"),
        ([_secret_value({"AccountName": "a", "AccountPassword": ""})], r"AccountName or AccountPassword is empty"),
        (
            [_secret_value({"AccountName": "a", "AccountPassword": "b"}, secret_type="Generic")],
            r"its type is 'Generic', not 'Rds'\)\. Fix: pass the KMS RDS secret \(secret type Rds\)",
        ),
    ],
    ids=["access-denied", "no-such-secret", "no-route", "not-json", "no-password", "empty", "generic-secret"],
)
def test_a_kms_secret_that_cannot_give_credentials_is_one_clear_problem(answers: list[Answer], message: str) -> None:
    problems: list[str] = []
    assert database_url_from_secret(ENV, problems, kms_client=_kms(AcsTransport(*answers), [])) is None
    assert len(problems) == 1, problems
    assert re.search(message, problems[0]), problems[0]


@pytest.mark.parametrize(
    "answer",
    [
        # KMS quotes its string-to-sign in a signature error; that string carries the key id and the token.
        _kms_error(
            400,
            "IncompleteSignature",
            "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&"
            f"AccessKeyId%3D{ROLE['ALIBABA_CLOUD_ACCESS_KEY_ID']}%26Action%3DGetSecretValue%26"
            f"SecurityToken%3D{ROLE['ALIBABA_CLOUD_SECURITY_TOKEN']}%26SignatureMethod%3DHMAC-SHA1",
        ),
        # A connection error quotes the signed URL.
        acs_exceptions.ConnectionError(
            f"HTTPSConnectionPool(host='kms-vpc.{REGION}.aliyuncs.com', port=443): Max retries exceeded with url: "
            f"/?AccessKeyId={ROLE['ALIBABA_CLOUD_ACCESS_KEY_ID']}&Action=GetSecretValue&Signature=abc%2Bdef%3D&"
            f"SecurityToken={ROLE['ALIBABA_CLOUD_SECURITY_TOKEN']}&Version=2016-01-20 (Caused by "
            "NameResolutionError: Failed to resolve 'kms-vpc.cn-shanghai.aliyuncs.com')"
        ),
    ],
    ids=["string-to-sign", "signed-url"],
)
def test_an_sdk_error_never_puts_the_role_credentials_in_the_problem(answer: Answer) -> None:
    problems: list[str] = []
    transport = AcsTransport(*[answer] * 3)
    assert database_url_from_secret(ENV, problems, kms_client=_kms(transport, [])) is None
    (problem,) = problems
    assert "AccessKeyId" in problem and "<redacted>" in problem, problem
    assert ROLE["ALIBABA_CLOUD_SECURITY_TOKEN"] not in problem
    assert ROLE["ALIBABA_CLOUD_ACCESS_KEY_ID"] not in problem and "abc%2Bdef" not in problem
    assert re.search(r"IncompleteSignature|Failed to resolve", problem)


# STS tokens and signatures are base64, URL-encoded in a query (%2B, %2F, %3D) or raw in a header.
_TOKEN = st.text(alphabet=string.ascii_letters + string.digits + "+/=%-_.", min_size=8, max_size=64)


@given(token=_TOKEN, key_id=_TOKEN, signature=_TOKEN)
def test_redaction_removes_every_signed_credential_however_encoded(token: str, key_id: str, signature: str) -> None:
    assume("%26" not in token + key_id + signature)  # an encoded "&" ends a value in a string-to-sign
    url = f"/?AccessKeyId={key_id}&Signature={signature}&SecurityToken={token} (Caused by x)"
    to_sign = f"POST&%2F&AccessKeyId%3D{key_id}%26SecurityToken%3D{token}%26Signature%3D{signature}"
    frame = "RuntimeError: /?AccessKeyId=&Signature=&SecurityToken= (Caused by x) POST&%2F&AccessKeyId%3D%26"
    assume(not any(secret in frame + "<redacted>" for secret in (token, key_id, signature)))
    for text in (url, to_sign):
        described = describe_sdk_error(RuntimeError(text))
        assert all(secret not in described for secret in (token, key_id, signature)), described
        assert described.count("<redacted>") == 3


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {k: v for k, v in ENV.items() if k != "PORTAL_ALICLOUD_REGION"},
            r"PORTAL_ALICLOUD_REGION is not set, but reading the KMS secret PORTAL_DATABASE_SECRET_NAME needs it\. "
            r"Fix: set it to the Alibaba Cloud region id",
        ),
        ({**ENV, "PORTAL_ALICLOUD_REGION": "Shanghai"}, r"'Shanghai' is not an Alibaba Cloud region id\. Fix:"),
        (
            {k: v for k, v in ENV.items() if not k.startswith("ALIBABA_CLOUD_")},
            r"ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set.*Fix: give the function "
            r"a RAM role",
        ),
        (
            {**ENV, "PORTAL_KMS_ENDPOINT": "https://kms-vpc.cn-shanghai.aliyuncs.com/"},
            r"PORTAL_KMS_ENDPOINT='https://kms-vpc\.cn-shanghai\.aliyuncs\.com/' is not a host name\. Fix: give the "
            r"bare host, e\.g\. kms-vpc\.cn-shanghai\.aliyuncs\.com",
        ),
        (
            {**ENV, "PORTAL_DATABASE_SECRET_ARN": "arn:aws-cn:secretsmanager:cn-north-1:1:secret:x"},
            r"both PORTAL_DATABASE_SECRET_ARN \(AWS\) and PORTAL_DATABASE_SECRET_NAME \(Alibaba Cloud\) are set\. Fix",
        ),
        (
            {"PORTAL_DATABASE_HOST": HOST},
            r"PORTAL_DATABASE_HOST is set but no secret names its credentials\. Fix: set PORTAL_DATABASE_SECRET_ARN",
        ),
    ],
    ids=["no-region", "bad-region", "no-role", "endpoint-with-scheme", "two-secrets", "no-secret"],
)
def test_an_incomplete_alibaba_environment_is_refused_before_any_call(env: dict[str, str], message: str) -> None:
    transport = AcsTransport()  # no answer: any call fails the test
    problems: list[str] = []
    assert database_url_from_secret(env, problems, kms_client=_kms(transport, [])) is None
    assert transport.sent == []
    assert any(re.search(message, p) for p in problems), problems


def test_settings_report_an_unreadable_kms_secret_with_every_other_problem() -> None:
    # Through Settings.from_env: no role credentials, so nothing is called and start-up lists the fix.
    env = {k: v for k, v in ENV.items() if not k.startswith("ALIBABA_CLOUD_")}
    with pytest.raises(PortalConfigError, match=r"(?s)PORTAL_OIDC_ISSUER is not set.*ALIBABA_CLOUD_ACCESS_KEY_ID"):
        Settings.from_env(env)


# -- OSS: the object store through alibabacloud-oss-v2 ---------------------------------------------------


class OssTransport(requests.adapters.BaseAdapter):
    """requests' transport adapter API, under the OSS SDK's own ``RequestsHttpClient``."""

    def __init__(self, *answers: tuple[int, dict[str, str], bytes]) -> None:
        super().__init__()
        self.answers = list(answers)
        self.sent: list[requests.PreparedRequest] = []
        self.bodies: list[bytes] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        self.sent.append(request)
        body: Any = request.body  # bytes, or the chunks of the SDK's checksumming upload reader
        self.bodies.append(body if isinstance(body, bytes) else b"".join(body or []))
        status, headers, body = self.answers.pop(0)
        response = requests.Response()
        response.status_code, response.raw = status, io.BytesIO(body)
        response.headers = requests.structures.CaseInsensitiveDict(
            {"x-oss-request-id": "5C3D9175B6FC201293AD4890", "Date": "Sun, 01 Mar 2026 08:00:00 GMT", **headers}
        )
        response.request, response.url = request, str(request.url)
        return response

    def close(self) -> None:
        pass


def _oss_error(status: int, code: str, message: str, key: str) -> tuple[int, dict[str, str], bytes]:
    # OSS error responses are XML with Code, Message, RequestId, HostId (OSS API reference, "Error responses").
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n'
        f"  <Code>{code}</Code>\n  <Message>{message}</Message>\n"
        "  <RequestId>5C3D9175B6FC201293AD4890</RequestId>\n"
        f"  <HostId>cn-shanghai-telemetry.oss-{REGION}-internal.aliyuncs.com</HostId>\n"
        f"  <Key>{key}</Key>\n  <EC>0026-00000001</EC>\n</Error>\n"
    )
    return status, {"Content-Type": "application/xml"}, body.encode()


BUCKETS = {"vehicle_telemetry": "sovereign-cn-telemetry", "camera_footage": "sovereign-cn-camera"}


@pytest.fixture
def role(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ROLE.items():
        monkeypatch.setenv(name, value)


def _oss(*answers: tuple[int, dict[str, str], bytes]) -> tuple[OssStore, OssTransport]:
    transport = OssTransport(*answers)
    client = oss_client(
        REGION, f"oss-{REGION}-internal.aliyuncs.com", oss.transport.RequestsHttpClient(adapter=transport)
    )
    return OssStore(client, BUCKETS), transport


def _ok(body: bytes, content_type: str = "application/json") -> tuple[int, dict[str, str], bytes]:
    return (
        200,
        {"Content-Type": content_type, "Content-Length": str(len(body)), "ETag": '"5B3C1A2E0563E1B002CC607C6689"'},
        body,
    )


@pytest.mark.usefixtures("role")
def test_oss_store_reads_the_class_bucket_over_the_internal_endpoint_with_the_role() -> None:
    store, transport = _oss(_ok(b'{"speed": 42}'))
    key = ObjectKey.parse(f"vehicle_telemetry/{VIN}/2026-03-01/t1.json")
    assert store.get(key) == b'{"speed": 42}'
    (request,) = transport.sent
    assert request.method == "GET"
    assert request.url == f"https://sovereign-cn-telemetry.oss-{REGION}-internal.aliyuncs.com/{key}"
    assert request.headers["x-oss-security-token"] == ROLE["ALIBABA_CLOUD_SECURITY_TOKEN"]
    # V4 signature: credential scope <key id>/<date>/<region>/oss/aliyun_v4_request
    scope = rf"{re.escape(ROLE['ALIBABA_CLOUD_ACCESS_KEY_ID'])}/\d{{8}}/{REGION}/oss/aliyun_v4_request"
    assert re.match(rf"OSS4-HMAC-SHA256 Credential={scope}", str(request.headers["Authorization"]))


@pytest.mark.usefixtures("role")
def test_a_missing_oss_object_is_not_found_as_on_s3_and_other_errors_stay_errors() -> None:
    missing = f"vehicle_telemetry/{VIN}/2026-03-01/gone.json"
    raw_camera = f"camera_footage/{VIN}/2026-03-01/c00001.mp4"
    store, transport = _oss(
        _oss_error(404, "NoSuchKey", "The specified key does not exist.", missing),
        _oss_error(403, "AccessDenied", "You have no right to access this object because of bucket acl.", raw_camera),
    )
    with pytest.raises(ObjectNotFound, match=re.escape(missing)):
        store.get(ObjectKey.parse(missing))
    # The role may read camera footage only as *.anonymised.* objects: OSS refuses a raw one, and that
    # is an error (a bug upstream), never "not found".
    with pytest.raises(oss.exceptions.OperationError) as refused:
        store.get(ObjectKey.parse(raw_camera))
    assert isinstance(refused.value.unwrap(), oss.exceptions.ServiceError)
    assert refused.value.unwrap().code == "AccessDenied" and not isinstance(refused.value, ObjectNotFound)
    assert [urlsplit(str(r.url)).hostname for r in transport.sent] == [
        f"sovereign-cn-telemetry.oss-{REGION}-internal.aliyuncs.com",
        f"sovereign-cn-camera.oss-{REGION}-internal.aliyuncs.com",
    ]


@pytest.mark.usefixtures("role")
def test_oss_store_serves_anonymised_camera_footage_and_writes_with_the_media_type() -> None:
    clip = b"\x00\x00\x00\x18ftypmp42"
    store, transport = _oss(_ok(clip, "video/mp4"), (200, {"ETag": '"D41D8CD98F00B204E9800998ECF8427E"'}, b""))
    key = ObjectKey.parse(f"camera_footage/{VIN}/2026-03-01/c00001.anonymised.mp4")
    assert store.get(key) == clip
    store.put(key, clip, "video/mp4")
    put = transport.sent[1]
    assert put.method == "PUT" and put.headers["Content-Type"] == "video/mp4" and transport.bodies[1] == clip
    assert str(put.url).endswith(f"/camera_footage/{VIN}/2026-03-01/c00001.anonymised.mp4")


def test_oss_store_without_a_bucket_for_the_class_makes_no_call() -> None:
    store, transport = _oss()
    with pytest.raises(ObjectNotFound, match="no bucket configured for data class owner_personal_data"):
        store.get(ObjectKey.parse(f"owner_personal_data/{VIN}/2026-03-01/p.json"))
    assert transport.sent == []


# -- settings: the oss backend -------------------------------------------------------------------------

BASE = {
    "PORTAL_OIDC_ISSUER": "https://id.example-carmaker.cn",
    "PORTAL_OIDC_AUDIENCE": "portal",
    "PORTAL_OIDC_JWKS_URL": "https://id.example-carmaker.cn/jwks.json",
}


def test_the_oss_backend_defaults_to_the_regions_internal_endpoint() -> None:
    settings = Settings.from_env(
        {
            **BASE,
            **ROLE,
            "PORTAL_STORAGE_BACKEND": "oss",
            "PORTAL_BUCKETS": json.dumps(BUCKETS),
            "PORTAL_ALICLOUD_REGION": REGION,
        }
    )
    assert (settings.storage_backend, settings.alicloud_region) == ("oss", REGION)
    assert settings.oss_endpoint == "oss-cn-shanghai-internal.aliyuncs.com"
    assert settings.buckets == BUCKETS


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"PORTAL_BUCKETS": json.dumps(BUCKETS), **ROLE},
            r"PORTAL_ALICLOUD_REGION is not set, but PORTAL_STORAGE_BACKEND=oss",
        ),
        (
            {"PORTAL_BUCKETS": json.dumps(BUCKETS), "PORTAL_ALICLOUD_REGION": REGION},
            r"ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set, "
            r"but PORTAL_STORAGE_BACKEND=oss",
        ),
        ({"PORTAL_BUCKETS": "{", "PORTAL_ALICLOUD_REGION": REGION, **ROLE}, r"PORTAL_BUCKETS is not JSON"),
        (
            {"PORTAL_BUCKETS": "{}", "PORTAL_ALICLOUD_REGION": REGION, "PORTAL_OSS_ENDPOINT": "oss internal", **ROLE},
            r"PORTAL_OSS_ENDPOINT='oss internal' is not a host name",
        ),
    ],
    ids=["no-region", "no-role", "bad-buckets", "bad-endpoint"],
)
def test_an_incomplete_oss_configuration_is_refused_with_the_fix(env: dict[str, str], message: str) -> None:
    with pytest.raises(PortalConfigError, match=message):
        Settings.from_env({**BASE, "PORTAL_STORAGE_BACKEND": "oss", **env})


# -- the app as Function Compute runs it: settings -> make_store -> OSS ------------------------------------


def test_the_app_serves_records_from_oss_and_never_asks_for_a_raw_anonymised_only_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in ROLE.items():
        monkeypatch.setenv(name, value)
    key = DevKey.generate()
    (tmp_path / "jwks.json").write_text(json.dumps(key.jwks()))
    env = dev_settings_env(tmp_path) | {
        "PORTAL_STORAGE_BACKEND": "oss",
        "PORTAL_BUCKETS": json.dumps(BUCKETS),
        "PORTAL_ALICLOUD_REGION": REGION,
        **ROLE,
    }
    settings = Settings.from_env(env)
    telemetry = b'{"speed_kmh": 42}'
    clip = b"\x00\x00\x00\x18ftypmp42"
    transport = OssTransport(_ok(telemetry), _ok(clip, "video/mp4"))
    made: list[tuple[str, str]] = []

    def client_through_the_stub(region: str, endpoint: str, http_client: Any = None) -> Any:
        made.append((region, endpoint))
        return oss_client(region, endpoint, oss.transport.RequestsHttpClient(adapter=transport))

    monkeypatch.setattr(storage, "oss_client", client_through_the_stub)
    engine = make_engine(settings.database_url)
    create_schema(engine)
    day = datetime(2026, 3, 1, 8, tzinfo=UTC)
    keys = {
        "telemetry": ObjectKey.parse(f"vehicle_telemetry/{VIN}/2026-03-01/t1.json"),
        "raw": ObjectKey.parse(f"camera_footage/{VIN}/2026-03-01/c1.mp4"),
        "anonymised": ObjectKey.parse(f"camera_footage/{VIN}/2026-03-01/c1.anonymised.mp4"),
    }
    with Session(engine) as session:
        session.add(
            VehicleBinding(vin=VIN, owner_id="owner-alice", valid_from=day.replace(year=2025), valid_until=None)
        )
        ids = {
            name: index_object(session, k, clip if "camera" in str(k) else telemetry, day) for name, k in keys.items()
        }
        session.commit()
        ids_by_name = {name: rec.id for name, rec in ids.items() if rec is not None}
    client = TestClient(create_app(settings, engine=engine), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {key.token('owner-alice')}"}
    base = f"/v1/vehicles/{VIN}/data-classes"

    got = client.get(f"{base}/vehicle_telemetry/records/{ids_by_name['telemetry']}", headers=auth)
    assert got.status_code == 200, got.text
    assert got.json()["content"] == {"speed_kmh": 42}
    raw = client.get(f"{base}/camera_footage/records/{ids_by_name['raw']}", headers=auth)
    assert raw.status_code == 404  # the raw form is never served: OSS is not even asked
    anonymised = client.get(f"{base}/camera_footage/records/{ids_by_name['anonymised']}", headers=auth)
    assert anonymised.status_code == 200 and anonymised.json()["content_base64"]
    assert made == [(REGION, f"oss-{REGION}-internal.aliyuncs.com")]
    assert [str(r.url) for r in transport.sent] == [
        f"https://sovereign-cn-telemetry.oss-{REGION}-internal.aliyuncs.com/{keys['telemetry']}",
        f"https://sovereign-cn-camera.oss-{REGION}-internal.aliyuncs.com/{keys['anonymised']}",
    ]
