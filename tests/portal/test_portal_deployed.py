"""The deployed service: settings from the infrastructure's secret, and the AWS Lambda entry point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from portal import aws_lambda
from portal.db import make_engine
from portal.deployed import database_url_from_secret
from portal.dev import SAMPLE_OWNERS, DevKey, dev_settings_env, seed
from portal.settings import Settings
from portal.storage import LocalFolderStore

ARN = "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf"
HOST = "dc-aws-portal-db.c1a2b3c4d5e6.cn-north-1.rds.amazonaws.com.cn"


def _client_answering(secret: dict[str, Any] | str | Exception) -> Any:
    # botocore's own Stubber: the real client, with a canned GetSecretValue answer.
    client = boto3.client("secretsmanager", region_name="cn-north-1", aws_access_key_id="x", aws_secret_access_key="y")
    stubber = Stubber(client)
    if isinstance(secret, Exception):
        stubber.add_client_error("get_secret_value", service_error_code="AccessDeniedException", http_status_code=400)
    else:
        text = secret if isinstance(secret, str) else json.dumps(secret)
        stubber.add_response("get_secret_value", {"SecretString": text, "ARN": ARN}, {"SecretId": ARN})
    stubber.activate()
    return lambda region: client if region == "cn-north-1" else pytest.fail(f"wrong region {region}")


def test_the_database_url_comes_from_the_rds_managed_secret() -> None:
    env = {"PORTAL_DATABASE_HOST": HOST, "PORTAL_DATABASE_NAME": "portal", "PORTAL_DATABASE_SECRET_ARN": ARN}
    problems: list[str] = []
    url = database_url_from_secret(env, problems, _client_answering({"username": "portal", "password": "p@ss/w:rd"}))
    assert problems == []
    assert url == f"postgresql+psycopg://portal:p%40ss%2Fw%3Ard@{HOST}:5432/portal?sslmode=require"


@pytest.mark.parametrize(
    ("env", "answer", "message"),
    [
        ({"PORTAL_DATABASE_SECRET_ARN": "not-an-arn"}, None, r"is not a Secrets Manager secret ARN. Fix: pass"),
        ({"PORTAL_DATABASE_SECRET_ARN": ARN}, "not json", r"not an RDS credentials document.*Fix:"),
        ({"PORTAL_DATABASE_SECRET_ARN": ARN}, {"user": "x"}, r"not an RDS credentials document.*Fix:"),
        ({"PORTAL_DATABASE_SECRET_ARN": ARN}, RuntimeError(), r"cannot read the secret .*Fix: grant the function"),
        (
            # The Alibaba Cloud path (tests/portal/test_portal_alicloud.py) needs its region first.
            {
                "PORTAL_DATABASE_SECRET_NAME": "rds/portal",
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "k",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s",
            },
            None,
            r"PORTAL_ALICLOUD_REGION is not set.*Fix: set it to the Alibaba Cloud region id",
        ),
    ],
)
def test_a_secret_that_cannot_give_credentials_is_a_clear_problem(
    env: dict[str, str], answer: Any, message: str
) -> None:
    problems: list[str] = []
    client = _client_answering(answer) if answer is not None else (lambda region: pytest.fail("no call expected"))
    assert database_url_from_secret({"PORTAL_DATABASE_HOST": HOST, **env}, problems, client) is None
    assert len(problems) == 1
    assert __import__("re").search(message, problems[0])


def test_without_a_host_the_url_or_the_embedded_default_applies() -> None:
    assert database_url_from_secret({}, [], lambda region: pytest.fail("no call expected")) is None


def _proxy_event(path: str, token: str) -> dict[str, Any]:
    # An API Gateway REST API (v1) proxy event, as documented in the Lambda developer guide
    # ("Using AWS Lambda with Amazon API Gateway", REST API event example).
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": "GET",
        "headers": {"Authorization": f"Bearer {token}", "Host": "api.example.cn", "X-Request-ID": "req-lambda-1"},
        "multiValueHeaders": {"Authorization": [f"Bearer {token}"], "Host": ["api.example.cn"]},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "resourcePath": "/{proxy+}",
            "httpMethod": "GET",
            "path": f"/prod{path}",
            "stage": "prod",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "identity": {"sourceIp": "203.0.113.7"},
        },
        "body": None,
        "isBase64Encoded": False,
    }


def test_the_lambda_handler_serves_the_app_from_the_function_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = dev_settings_env(tmp_path)
    env["PORTAL_DATABASE_URL"] = f"sqlite:///{tmp_path / 'portal.db'}"
    key = DevKey.generate()
    (tmp_path / "jwks.json").write_text(json.dumps(key.jwks()))
    settings = Settings.from_env(env)
    seed(make_engine(settings.database_url), LocalFolderStore(settings.storage_root), days=1, per_day=1)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(aws_lambda, "_adapter", None)
    owner = SAMPLE_OWNERS[0]
    response = aws_lambda.handler(_proxy_event("/v1/vehicles", key.token(owner)), None)
    assert response["statusCode"] == 200, response
    assert json.loads(response["body"])["items"], "the sample owner's vehicles"
    assert response["headers"]["x-request-id"] == "req-lambda-1", "the access log and the answer share the id"
    refused = aws_lambda.handler(_proxy_event("/v1/vehicles", "not-a-token"), None)
    assert refused["statusCode"] == 401
    assert refused["headers"]["content-type"].startswith("application/problem+json")
