"""Token verification (RFC 8725 checks, JWKS caching and key rotation) and settings validation."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from portal.auth import JwksCache, JwksUnavailable, TokenError, TokenVerifier
from portal.dev import DEV_AUDIENCE, DevKey, dev_settings_env
from portal.settings import DEV_ISSUER, PortalConfigError, Settings

ISSUER = "https://idp.example.com.cn/realms/owners"
AUDIENCE = "owner-portal"
JWKS_URL = "https://idp.example.com.cn/realms/owners/jwks"


def settings(**env: str) -> Settings:
    base = {"PORTAL_OIDC_ISSUER": ISSUER, "PORTAL_OIDC_AUDIENCE": AUDIENCE, "PORTAL_OIDC_JWKS_URL": JWKS_URL}
    return Settings.from_env({**base, **env})


class Provider:
    """The identity provider's JWKS endpoint, as the fetch function the cache calls."""

    def __init__(self) -> None:
        self.keys: list[dict[str, Any]] = []
        self.fail = False
        self.calls = 0

    def __call__(self, url: str) -> dict[str, Any]:
        assert url == JWKS_URL
        self.calls += 1
        if self.fail:
            raise OSError("provider down")
        return {"keys": list(self.keys)}


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def rsa_key(kid: str) -> tuple[rsa.RSAPrivateKey, dict[str, Any]]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
    jwk.update({"kid": kid, "use": "sig", "alg": "RS256"})
    return private, jwk


@pytest.fixture(scope="module")
def rsa_pair() -> tuple[rsa.RSAPrivateKey, dict[str, Any]]:
    return rsa_key("k1")


@pytest.fixture
def provider(rsa_pair: tuple[rsa.RSAPrivateKey, dict[str, Any]]) -> Provider:
    p = Provider()
    p.keys = [rsa_pair[1]]
    return p


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def verifier(provider: Provider, clock: Clock) -> TokenVerifier:
    s = settings()
    return TokenVerifier(s, JwksCache(s.jwks_url, s.jwks_cache_seconds, fetch=provider, clock=clock))


def token(private: Any, kid: str = "k1", alg: str = "RS256", **claims: Any) -> str:
    now = datetime.now(UTC)
    payload = {"iss": ISSUER, "aud": AUDIENCE, "sub": "owner-1", "iat": now, "exp": now + timedelta(minutes=5)}
    payload.update(claims)
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode(payload, private, algorithm=alg, headers={"kid": kid})


def test_valid_token_names_the_owner(verifier: TokenVerifier, rsa_pair: Any) -> None:
    assert verifier.verify(token(rsa_pair[0])).id == "owner-1"


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({"exp": datetime(2020, 1, 1, tzinfo=UTC)}, "expired"),
        ({"aud": "someone-else"}, "audience"),
        ({"iss": "https://idp.example.com/evil"}, "identity provider"),
        ({"sub": None}, "'sub' claim"),
        ({"exp": None}, "'exp' claim"),
        ({"sub": ""}, "subject"),
    ],
)
def test_bad_claims_are_refused(verifier: TokenVerifier, rsa_pair: Any, claims: dict[str, Any], message: str) -> None:
    with pytest.raises(TokenError, match=message):
        verifier.verify(token(rsa_pair[0], **claims))


def test_unsigned_token_is_refused(verifier: TokenVerifier) -> None:
    unsigned = jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": 4102444800}, "", algorithm="none")
    with pytest.raises(TokenError, match="'none' are not accepted"):
        verifier.verify(unsigned)


def test_hmac_signed_with_the_public_key_is_refused(verifier: TokenVerifier, rsa_pair: Any) -> None:
    # The classic algorithm-confusion attack: HS256 keyed with the provider's published public key.
    public_pem = (
        rsa_pair[0]
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "kid": "k1"}).encode()).rstrip(b"=")
    body = base64.urlsafe_b64encode(json.dumps({"iss": ISSUER, "aud": AUDIENCE, "sub": "x"}).encode()).rstrip(b"=")
    sig = base64.urlsafe_b64encode(hmac.new(public_pem, header + b"." + body, hashlib.sha256).digest()).rstrip(b"=")
    with pytest.raises(TokenError, match="'HS256' are not accepted"):
        verifier.verify((header + b"." + body + b"." + sig).decode())


def test_tampered_payload_fails_the_signature(verifier: TokenVerifier, rsa_pair: Any) -> None:
    head, _body, sig = token(rsa_pair[0]).split(".")
    forged = base64.urlsafe_b64encode(
        json.dumps({"iss": ISSUER, "aud": AUDIENCE, "sub": "someone-else", "exp": 4102444800, "iat": 1}).encode()
    ).rstrip(b"=")
    with pytest.raises(TokenError, match="signature does not verify"):
        verifier.verify(f"{head}.{forged.decode()}.{sig}")


def test_algorithm_must_fit_the_key_type(provider: Provider, clock: Clock) -> None:
    s = settings(PORTAL_OIDC_ALGORITHMS="RS256,ES256")
    dev = DevKey.generate()
    ec_jwk = dev.jwks()["keys"][0]
    del ec_jwk["alg"]
    provider.keys = [{**ec_jwk, "kid": "ec1"}]
    v = TokenVerifier(s, JwksCache(s.jwks_url, 300, fetch=provider, clock=clock))
    rsa_private, _ = rsa_key("ec1")
    with pytest.raises(TokenError, match="does not fit its signing key"):
        v.verify(token(rsa_private, kid="ec1"))


def test_malformed_and_kidless_tokens(verifier: TokenVerifier, rsa_pair: Any) -> None:
    with pytest.raises(TokenError, match="not a well-formed JWT"):
        verifier.verify("not-a-jwt")
    no_kid = jwt.encode({"sub": "x"}, rsa_pair[0], algorithm="RS256")
    with pytest.raises(TokenError, match="no signing key"):
        verifier.verify(no_kid)


def test_keys_are_cached_and_rotation_is_picked_up(verifier: TokenVerifier, provider: Provider, clock: Clock) -> None:
    first, _ = rsa_key("k1")
    provider.keys = [json.loads(RSAAlgorithm.to_jwk(first.public_key())) | {"kid": "k1"}]
    for _ in range(3):
        verifier.verify(token(first))
    assert provider.calls == 1  # cached
    # The provider publishes a new key and starts signing with it: one early refetch finds it.
    second, second_jwk = rsa_key("k2")
    provider.keys.append(second_jwk)
    clock.t += 40
    assert verifier.verify(token(second, kid="k2")).id == "owner-1"
    assert provider.calls == 2


def test_unknown_kid_floods_do_not_hammer_the_provider(
    verifier: TokenVerifier, provider: Provider, clock: Clock
) -> None:
    stranger, _ = rsa_key("nope")
    for i in range(5):
        with pytest.raises(TokenError, match="signing key is unknown"):
            verifier.verify(token(stranger, kid=f"random-{i}"))
    assert provider.calls == 1  # first fetch only: refetches are rate limited


def test_provider_outage_serves_cached_keys_then_fails_closed(
    verifier: TokenVerifier, provider: Provider, clock: Clock, rsa_pair: Any
) -> None:
    verifier.verify(token(rsa_pair[0]))
    provider.fail = True
    clock.t += 400  # past the cache lifetime: refetch fails, stale keys still serve
    assert verifier.verify(token(rsa_pair[0])).id == "owner-1"
    clock.t += 300 * 12
    with pytest.raises(JwksUnavailable):
        verifier.verify(token(rsa_pair[0]))


def test_dev_tokens_verify_through_the_file_jwks(tmp_path: Path) -> None:
    key = DevKey.generate()
    (tmp_path / "jwks.json").write_text(json.dumps(key.jwks()))
    s = Settings.from_env(dev_settings_env(tmp_path))
    assert s.dev_mode and s.issuer == DEV_ISSUER and s.audience == DEV_AUDIENCE
    assert TokenVerifier(s).verify(key.token("owner-x")).id == "owner-x"
    other = DevKey.generate()
    other.kid = key.kid
    with pytest.raises(TokenError, match="signature does not verify"):
        TokenVerifier(s).verify(other.token("owner-x"))


# --- settings --------------------------------------------------------------------------------


def test_missing_settings_are_all_reported_with_fixes() -> None:
    with pytest.raises(PortalConfigError) as info:
        Settings.from_env({})
    text = str(info.value)
    for name in ("PORTAL_OIDC_ISSUER", "PORTAL_OIDC_AUDIENCE", "PORTAL_OIDC_JWKS_URL"):
        assert f"{name} is not set. Fix:" in text


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PORTAL_OIDC_ALGORITHMS": "RS256,HS256"}, r"'HS256' is not allowed .* Fix: use only"),
        ({"PORTAL_OIDC_ALGORITHMS": "none"}, r"'none' is not allowed"),
        ({"PORTAL_OIDC_JWKS_URL": "http://idp.example.cn/jwks"}, r"is not an https URL"),
        ({"PORTAL_OIDC_JWKS_URL": "file:///tmp/jwks.json"}, r"local development key set but dev mode is off"),
        ({"PORTAL_OIDC_JWKS_URL": "http://127.0.0.1:9/jwks"}, r"dev mode is off"),
        ({"PORTAL_OIDC_ISSUER": DEV_ISSUER}, r"development issuer .* dev mode is off"),
        ({"PORTAL_DATABASE_URL": "mysql://x@y/z"}, r"unsupported scheme 'mysql'"),
        ({"PORTAL_DEV_MODE": "yes please"}, r"not a boolean"),
        ({"PORTAL_MAX_RANGE_DAYS": "0"}, r"PORTAL_MAX_RANGE_DAYS=0 is out of range"),
        ({"PORTAL_JWKS_CACHE_SECONDS": "soon"}, r"not a whole number"),
        ({"PORTAL_STORAGE_BACKEND": "ftp"}, r"'ftp' is unknown"),
        (
            {"PORTAL_JURISDICTION": "XX"},
            r"PORTAL_JURISDICTION='XX' is not in the catalogue\. Fix: set it to one of .*CN",
        ),
        ({"PORTAL_STORAGE_BACKEND": "s3", "PORTAL_BUCKETS": "{"}, r"PORTAL_BUCKETS is not JSON"),
        (
            {
                "PORTAL_STORAGE_BACKEND": "s3",
                "PORTAL_BUCKETS": '{"cabin_audio": "b-1"}',
                "PORTAL_S3_REGION": "cn-north-1",
            },
            r"unknown data classes \['cabin_audio'\]",
        ),
        ({"PORTAL_STORAGE_BACKEND": "s3", "PORTAL_BUCKETS": '{"camera_footage": "Bad_Bucket"}'}, r"PORTAL_S3_REGION"),
    ],
)
def test_bad_settings_are_refused_with_the_fix(env: dict[str, str], message: str) -> None:
    with pytest.raises(PortalConfigError, match=message):
        settings(**env)


def test_postgres_urls_use_psycopg3_and_defaults_are_safe() -> None:
    s = settings(PORTAL_DATABASE_URL="postgresql://u:p@db.internal/portal")
    assert s.database_url == "postgresql+psycopg://u:p@db.internal/portal"
    assert not s.dev_mode and s.algorithms == ("RS256", "ES256") and s.database_url.startswith("postgresql+psycopg")
    assert settings().database_url.startswith("sqlite:///")
