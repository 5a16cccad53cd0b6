"""Service settings, read from the environment and validated before the service starts.

Every problem is reported at once, each naming the variable and the fix, so that a misconfigured
deployment fails at start-up with one readable message instead of at the first request.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from components.config.models import DATA_CLASSES
from components.errors import SovereignError
from components.residency.catalogue import load_catalogue
from portal.alicloud import RoleCredentials, endpoint_from_env, oss_internal_endpoint, region_from_env
from portal.deployed import database_url_from_secret

__all__ = ["DEV_ISSUER", "PortalConfigError", "Settings"]

DEV_ISSUER = "urn:sovereign-dc:portal:dev"
"""Issuer of development tokens (``make portal``); accepted only when dev mode is enabled."""

# Asymmetric algorithms only: "none" would accept unsigned tokens, and HS* would let anyone holding
# the provider's *public* key (published in its JWKS) forge tokens (RFC 8725 section 2.1 and 3.1).
SUPPORTED_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
DEFAULT_ALGORITHMS = ("RS256", "ES256")
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class PortalConfigError(SovereignError):
    """The service's environment is invalid; the message lists every problem with its fix."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid owner data service settings:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class Settings:
    """Validated settings. Build with :meth:`from_env`; the constructor does no checking."""

    issuer: str
    """Expected ``iss`` claim: the carmaker's in-country OIDC provider (``PORTAL_OIDC_ISSUER``)."""
    audience: str
    """Expected ``aud`` claim: this service's client id at the provider (``PORTAL_OIDC_AUDIENCE``)."""
    jwks_url: str
    """Where the provider publishes its signing keys (``PORTAL_OIDC_JWKS_URL``); https only outside dev mode."""
    database_url: str = "sqlite:///portal.db"
    """SQLAlchemy URL of the relational store (``PORTAL_DATABASE_URL``); PostgreSQL in production."""
    storage_backend: str = "local"
    """Where record objects are read from: ``local`` (a folder), ``s3`` or ``oss`` (``PORTAL_STORAGE_BACKEND``)."""
    storage_root: Path = Path("portal-objects")
    """Folder of record objects for the ``local`` backend (``PORTAL_STORAGE_ROOT``)."""
    buckets: Mapping[str, str] = field(default_factory=dict)
    """Data class -> bucket name for the ``s3`` and ``oss`` backends (``PORTAL_BUCKETS``, a JSON object)."""
    s3_region: str | None = None
    """Region of the data-class buckets for the ``s3`` backend (``PORTAL_S3_REGION``)."""
    s3_endpoint_url: str | None = None
    """S3-compatible endpoint for the ``s3`` backend (``PORTAL_S3_ENDPOINT_URL``): Alibaba Cloud OSS's
    internal S3-compatible endpoint; AWS needs none (the region's endpoint is used)."""
    alicloud_region: str | None = None
    """Alibaba Cloud region of the buckets and the database secret (``PORTAL_ALICLOUD_REGION``), for the
    ``oss`` backend and ``PORTAL_DATABASE_SECRET_NAME``."""
    oss_endpoint: str | None = None
    """OSS endpoint of the ``oss`` backend (``PORTAL_OSS_ENDPOINT``); default the region's internal endpoint
    ``oss-<region>-internal.aliyuncs.com``."""
    algorithms: tuple[str, ...] = DEFAULT_ALGORITHMS
    """Signature algorithms accepted on tokens (``PORTAL_OIDC_ALGORITHMS``, comma separated)."""
    jwks_cache_seconds: int = 300
    """How long fetched signing keys are reused before the JWKS is fetched again (``PORTAL_JWKS_CACHE_SECONDS``)."""
    max_range_days: int = 31
    """Longest time range one record query may ask for (``PORTAL_MAX_RANGE_DAYS``)."""
    jurisdiction: str = "CN"
    """Catalogue code of the country the service runs in (``PORTAL_JURISDICTION``); it decides each data
    class's legal category through the data-protection catalogue. Default CN: the only shipped stack with a portal."""
    dev_mode: bool = False
    """Development mode (``PORTAL_DEV_MODE=1``): accepts the local dev issuer and a file/loopback JWKS."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, verify_tokens: bool = True) -> Settings:
        """Read and validate ``PORTAL_*`` variables; raise :class:`PortalConfigError` listing every problem.

        ``verify_tokens=False`` is for the record indexer, which answers no owner: the ``PORTAL_OIDC_*``
        variables are then optional (its function is deployed without them)."""
        env = os.environ if environ is None else environ
        problems: list[str] = []

        def need(name: str, what: str) -> str:
            value = env.get(name, "").strip()
            if not value and (verify_tokens or not name.startswith("PORTAL_OIDC_")):
                problems.append(f"{name} is not set. Fix: set it to {what}.")
            return value

        dev_raw = env.get("PORTAL_DEV_MODE", "0").strip().lower()
        if dev_raw not in {"0", "1", "false", "true", ""}:
            problems.append(f"PORTAL_DEV_MODE={dev_raw!r} is not a boolean. Fix: set it to 1 or 0.")
        dev_mode = dev_raw in {"1", "true"}

        issuer = need("PORTAL_OIDC_ISSUER", "the issuer URL of the carmaker's in-country OIDC provider")
        audience = need("PORTAL_OIDC_AUDIENCE", "this service's client id at the identity provider")
        jwks_url = need("PORTAL_OIDC_JWKS_URL", "the provider's JWKS URL (https://.../jwks.json)")
        if issuer == DEV_ISSUER and not dev_mode:
            problems.append(
                f"PORTAL_OIDC_ISSUER is the development issuer {DEV_ISSUER!r} but dev mode is off. "
                "Fix: use the real provider's issuer, or set PORTAL_DEV_MODE=1 on a developer machine only."
            )
        if jwks_url:
            problems.extend(_check_jwks_url(jwks_url, dev_mode))

        algorithms = tuple(a.strip() for a in env.get("PORTAL_OIDC_ALGORITHMS", "").split(",") if a.strip())
        algorithms = algorithms or DEFAULT_ALGORITHMS
        for alg in algorithms:
            if alg not in SUPPORTED_ALGORITHMS:
                problems.append(
                    f"PORTAL_OIDC_ALGORITHMS: {alg!r} is not allowed (symmetric and 'none' algorithms "
                    f"let tokens be forged). Fix: use only {', '.join(sorted(SUPPORTED_ALGORITHMS))}."
                )

        database_url = (
            env.get("PORTAL_DATABASE_URL", "").strip()
            or database_url_from_secret(env, problems)
            or "sqlite:///portal.db"
        )
        database_url, db_problem = _normalise_database_url(database_url)
        if db_problem:
            problems.append(db_problem)

        backend, buckets, alicloud_region, oss_endpoint = _storage(env, problems)

        cache_seconds = _int(env, "PORTAL_JWKS_CACHE_SECONDS", 300, 10, 86_400, problems)
        max_range = _int(env, "PORTAL_MAX_RANGE_DAYS", 31, 1, 366, problems)

        jurisdiction = env.get("PORTAL_JURISDICTION", "").strip().upper() or "CN"
        known = sorted(load_catalogue().jurisdictions)
        if jurisdiction not in known:
            problems.append(
                f"PORTAL_JURISDICTION={jurisdiction!r} is not in the catalogue. "
                f"Fix: set it to one of {', '.join(known)}."
            )

        if problems:
            raise PortalConfigError(problems)
        return cls(
            issuer=issuer,
            audience=audience,
            jwks_url=jwks_url,
            database_url=database_url,
            storage_backend=backend,
            storage_root=Path(env.get("PORTAL_STORAGE_ROOT", "").strip() or "portal-objects"),
            buckets=buckets,
            s3_region=env.get("PORTAL_S3_REGION", "").strip() or None,
            s3_endpoint_url=env.get("PORTAL_S3_ENDPOINT_URL", "").strip() or None,
            alicloud_region=alicloud_region,
            oss_endpoint=oss_endpoint,
            algorithms=algorithms,
            jwks_cache_seconds=cache_seconds,
            max_range_days=max_range,
            jurisdiction=jurisdiction,
            dev_mode=dev_mode,
        )


def _storage(env: Mapping[str, str], problems: list[str]) -> tuple[str, dict[str, str], str | None, str | None]:
    """The object store's backend, buckets, and for ``oss`` the Alibaba Cloud region and OSS endpoint."""
    backend = env.get("PORTAL_STORAGE_BACKEND", "local").strip() or "local"
    buckets: dict[str, str] = {}
    alicloud_region = oss_endpoint = None
    if backend not in {"local", "s3", "oss"}:
        problems.append(f"PORTAL_STORAGE_BACKEND={backend!r} is unknown. Fix: set it to 'local', 's3' or 'oss'.")
    if backend in {"s3", "oss"}:
        buckets = _parse_buckets(env.get("PORTAL_BUCKETS", ""), problems)
    if backend == "s3" and not env.get("PORTAL_S3_REGION", "").strip():
        problems.append("PORTAL_S3_REGION is not set. Fix: set it to the region of the data-class buckets.")
    if backend == "oss":
        needed_for = "PORTAL_STORAGE_BACKEND=oss"
        alicloud_region = region_from_env(env, problems, needed_for)
        RoleCredentials.from_env(env, problems, needed_for)
        if alicloud_region:
            oss_endpoint = endpoint_from_env(
                env, "PORTAL_OSS_ENDPOINT", oss_internal_endpoint(alicloud_region), problems
            )
    return backend, buckets, alicloud_region, oss_endpoint


def _check_jwks_url(url: str, dev_mode: bool) -> list[str]:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return []
    local = parts.scheme == "file" or (parts.scheme == "http" and parts.hostname in _LOOPBACK)
    if local and dev_mode:
        return []
    if local:
        return [
            f"PORTAL_OIDC_JWKS_URL={url!r} is a local development key set but dev mode is off. "
            "Fix: use the provider's https JWKS URL, or set PORTAL_DEV_MODE=1 on a developer machine only."
        ]
    return [f"PORTAL_OIDC_JWKS_URL={url!r} is not an https URL. Fix: use the provider's https JWKS URL."]


def _normalise_database_url(url: str) -> tuple[str, str | None]:
    scheme = url.split(":", 1)[0]
    # psycopg 3 is the PostgreSQL driver we ship; plain postgresql:// would pick psycopg2.
    if scheme in {"postgresql", "postgres"}:
        return "postgresql+psycopg:" + url.split(":", 1)[1], None
    if scheme in {"postgresql+psycopg", "sqlite"}:
        return url, None
    return url, (
        f"PORTAL_DATABASE_URL has the unsupported scheme {scheme!r}. "
        "Fix: use postgresql://user:password@host/db (production) or sqlite:///path.db (embedded)."
    )


def _parse_buckets(raw: str, problems: list[str]) -> dict[str, str]:
    try:
        value = json.loads(raw) if raw.strip() else None
    except json.JSONDecodeError as exc:
        problems.append(f"PORTAL_BUCKETS is not JSON ({exc.msg}). Fix: set it to a JSON object data class -> bucket.")
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) and v for v in value.values()):
        problems.append(
            'PORTAL_BUCKETS is not a JSON object of bucket names. Fix: e.g. {"vehicle_telemetry": "cn-telemetry"}.'
        )
        return {}
    unknown = sorted(set(value) - set(DATA_CLASSES))
    if unknown:
        problems.append(f"PORTAL_BUCKETS names unknown data classes {unknown}. Fix: use only {list(DATA_CLASSES)}.")
    for name, bucket in value.items():
        if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", bucket):
            problems.append(f"PORTAL_BUCKETS[{name!r}]={bucket!r} is not a valid bucket name. Fix: correct the name.")
    return {str(k): str(v) for k, v in value.items()}


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int, problems: list[str]) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        problems.append(f"{name}={raw!r} is not a whole number. Fix: set it between {low} and {high}.")
        return default
    if not low <= value <= high:
        problems.append(f"{name}={value} is out of range. Fix: set it between {low} and {high}.")
    return value
