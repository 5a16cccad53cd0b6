"""Bearer-token verification against the identity provider's JWKS (PyJWT), with key caching.

The provider rotates its signing keys by publishing the new key in its JWKS before signing with it.
So: keys are cached for ``jwks_cache_seconds``; a token whose ``kid`` is not in the cache triggers
one early refetch (at most once per ``_MIN_REFRESH_SECONDS``, so random ``kid`` values cannot make us
hammer the provider); if the provider is unreachable, the last good key set keeps working until it
is ``_MAX_STALE_FACTOR`` times older than the cache lifetime. Checks follow RFC 8725 (JWT best
current practice): explicit algorithm allow-list, asymmetric keys only, the key type must fit the
algorithm, and ``iss``, ``aud``, ``exp`` and ``sub`` are required.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jwt
from jwt.api_jwk import PyJWK

from portal.settings import Settings

__all__ = ["JwksCache", "Owner", "TokenError", "TokenVerifier", "fetch_jwks"]

_MIN_REFRESH_SECONDS = 30.0
_MAX_STALE_FACTOR = 12
_MAX_JWKS_BYTES = 512 * 1024
_LEEWAY_SECONDS = 30  # clock skew between the provider and us

# Which JWK key type (and curve) each allowed algorithm needs (RFC 7518 section 3, RFC 8037).
_KEY_TYPE = {
    **{a: ("RSA", None) for a in ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")},
    "ES256": ("EC", "P-256"),
    "ES384": ("EC", "P-384"),
    "ES512": ("EC", "P-521"),
    "EdDSA": ("OKP", None),
}


class TokenError(Exception):
    """The bearer token is missing, malformed, expired or not ours; the message is safe to show."""


class JwksUnavailable(Exception):
    """The provider's key set cannot be fetched and no usable cached copy exists."""


@dataclass(frozen=True)
class Owner:
    """The authenticated caller."""

    id: str
    """The token's ``sub``: the owner's stable id at the identity provider."""


def fetch_jwks(url: str, timeout: float = 5.0) -> dict[str, Any]:
    """GET a JWKS document (https in production; file:// only in dev mode, enforced by Settings)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # scheme checked in Settings
        raw = response.read(_MAX_JWKS_BYTES + 1)
    if len(raw) > _MAX_JWKS_BYTES:
        raise ValueError("JWKS document too large")
    doc = json.loads(raw)
    if not isinstance(doc, dict) or not isinstance(doc.get("keys"), list):
        raise ValueError("JWKS document has no 'keys' list")
    return doc


class JwksCache:
    """Thread-safe cache of the provider's public keys, keyed by ``kid``."""

    def __init__(
        self,
        url: str,
        ttl_seconds: float,
        fetch: Callable[[str], dict[str, Any]] = fetch_jwks,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.ttl = ttl_seconds
        self._fetch = fetch
        self._clock = clock
        self._lock = threading.Lock()
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: float | None = None
        self._last_attempt: float | None = None

    def _refresh(self, now: float) -> None:
        self._last_attempt = now
        doc = self._fetch(self.url)
        keys = {
            str(k["kid"]): k
            for k in doc["keys"]
            if isinstance(k, dict) and isinstance(k.get("kid"), str) and k.get("use", "sig") == "sig"
        }
        self._keys = keys
        self._fetched_at = now

    def get(self, kid: str) -> dict[str, Any] | None:
        """The JWK for ``kid``, refetching when stale or when ``kid`` is new (key rotation)."""
        with self._lock:
            now = self._clock()
            fresh = self._fetched_at is not None and now - self._fetched_at < self.ttl
            may_retry = self._last_attempt is None or now - self._last_attempt >= _MIN_REFRESH_SECONDS
            if (not fresh or kid not in self._keys) and (may_retry or self._fetched_at is None):
                try:
                    self._refresh(now)
                except Exception as exc:
                    usable = self._fetched_at is not None and now - self._fetched_at < self.ttl * _MAX_STALE_FACTOR
                    if not usable:
                        raise JwksUnavailable(
                            f"cannot fetch the identity provider's keys: {type(exc).__name__}"
                        ) from exc
            return self._keys.get(kid)


class TokenVerifier:
    """Verifies owners' bearer tokens as :class:`Settings` say."""

    def __init__(self, settings: Settings, cache: JwksCache | None = None) -> None:
        self.settings = settings
        self.cache = cache or JwksCache(settings.jwks_url, settings.jwks_cache_seconds)

    def verify(self, token: str) -> Owner:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise TokenError("the bearer token is not a well-formed JWT") from None
        alg = header.get("alg")
        if alg not in self.settings.algorithms:
            raise TokenError(f"tokens signed with {alg!r} are not accepted")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenError("the token names no signing key (kid)")
        jwk = self.cache.get(kid)
        if jwk is None:
            raise TokenError("the token's signing key is unknown to the identity provider")
        kty, crv = _KEY_TYPE[alg]
        if jwk.get("kty") != kty or (crv is not None and jwk.get("crv") != crv):
            raise TokenError("the token's algorithm does not fit its signing key")
        if "alg" in jwk and jwk["alg"] != alg:
            raise TokenError("the token's algorithm does not match its signing key")
        try:
            key = PyJWK(jwk, algorithm=alg)
            claims = jwt.decode(
                token,
                key=key,
                algorithms=[alg],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=_LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"], "enforce_minimum_key_length": True},
            )
        except jwt.ExpiredSignatureError:
            raise TokenError("the token has expired") from None
        except jwt.InvalidAudienceError:
            raise TokenError("the token is not meant for this service (audience)") from None
        except jwt.InvalidIssuerError:
            raise TokenError("the token was not issued by the expected identity provider") from None
        except jwt.MissingRequiredClaimError as exc:
            raise TokenError(f"the token lacks the {exc.claim!r} claim") from None
        except jwt.ImmatureSignatureError:
            raise TokenError("the token is not valid yet") from None
        except jwt.InvalidSignatureError:
            raise TokenError("the token's signature does not verify") from None
        except (jwt.PyJWTError, ValueError):
            raise TokenError("the token is invalid") from None
        sub = claims.get("sub")
        if not isinstance(sub, str) or not 1 <= len(sub) <= 255:
            raise TokenError("the token's subject is invalid")
        return Owner(sub)
