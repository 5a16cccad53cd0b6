"""Development mode: a local signing key, sample owners and vehicles, and ``make portal``.

The dev key's JWKS is written to a file and the service verifies dev tokens through exactly the
same path as production tokens (JwksCache -> TokenVerifier), only with a ``file://`` JWKS URL,
which :class:`~portal.settings.Settings` accepts solely with ``PORTAL_DEV_MODE=1``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from portal import indexer
from portal.db import Record, VehicleBinding, create_schema, make_engine
from portal.settings import DEV_ISSUER, Settings
from portal.storage import LocalFolderStore, ObjectKey, ObjectStore

__all__ = ["DevKey", "SAMPLE_OWNERS", "SampleData", "dev_settings_env", "index_object", "main", "seed"]

DEV_AUDIENCE = "sovereign-dc-portal-dev"
SAMPLE_OWNERS = ("owner-alice", "owner-bob", "owner-chen", "owner-dana")


@dataclass
class DevKey:
    """An ES256 key pair generated on this machine; never leaves the dev directory."""

    private: ec.EllipticCurvePrivateKey
    kid: str

    @classmethod
    def generate(cls) -> DevKey:
        return cls(ec.generate_private_key(ec.SECP256R1()), f"dev-{uuid.uuid4().hex[:12]}")

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(ECAlgorithm.to_jwk(self.private.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "ES256"})
        return {"keys": [jwk]}

    def token(self, subject: str, *, lifetime: timedelta = timedelta(hours=12), **claims: Any) -> str:
        issued = datetime.now(UTC)
        payload = {
            "iss": DEV_ISSUER,
            "aud": DEV_AUDIENCE,
            "sub": subject,
            "iat": issued,
            "exp": issued + lifetime,
            **claims,
        }
        return jwt.encode(payload, self.private, algorithm="ES256", headers={"kid": self.kid})


def dev_settings_env(directory: Path) -> dict[str, str]:
    """The environment ``make portal`` runs the service with."""
    return {
        "PORTAL_DEV_MODE": "1",
        "PORTAL_OIDC_ISSUER": DEV_ISSUER,
        "PORTAL_OIDC_AUDIENCE": DEV_AUDIENCE,
        "PORTAL_OIDC_JWKS_URL": (directory / "jwks.json").resolve().as_uri(),
        "PORTAL_OIDC_ALGORITHMS": "ES256",
        "PORTAL_DATABASE_URL": f"sqlite:///{(directory / 'portal.db').resolve()}",
        "PORTAL_STORAGE_ROOT": str((directory / "objects").resolve()),
    }


def index_object(
    session: Session, store: ObjectStore, key: str, recorded_at: datetime, data: bytes, content_type: str, form: str
) -> Record:
    """Store one sample object under the bucket layout and index it (the indexer's own path)."""
    parsed = ObjectKey.parse(key)
    store.put(parsed, data, content_type)
    rec = indexer.index_object(session, parsed, data, recorded_at)
    assert rec is not None and rec.form == form and rec.content_type == content_type, key
    return rec


@dataclass(frozen=True)
class SampleData:
    """What :func:`seed` created, for tests and the printed curl example."""

    sold_vin: str
    """Alice owned it until ``transfer_at``; Bob owns it since."""
    shared_vin: str
    """Co-owned by Chen and Dana."""
    alice_vin: str
    """Alice's current car."""
    transfer_at: datetime
    start: datetime
    days: int


def seed(
    engine: Engine, store: ObjectStore, *, days: int = 6, per_day: int = 4, now: datetime | None = None
) -> SampleData:
    """Sample owners, vehicles (a transferred VIN, a co-owned one) and records of every data class."""
    create_schema(engine)
    now = (now or datetime.now(UTC)).replace(minute=0, second=0, microsecond=0)
    start = now - timedelta(days=days)
    transfer_at = start + timedelta(days=days // 2)
    sold, shared, alice_car = "LSVAU2180N2183294", "LFV3A23C5M3012345", "WVWZZZ1JZXW000001"
    with Session(engine) as session:
        session.add_all(
            [
                VehicleBinding(
                    vin=sold, owner_id="owner-alice", valid_from=start - timedelta(days=365), valid_until=transfer_at
                ),
                VehicleBinding(vin=sold, owner_id="owner-bob", valid_from=transfer_at, valid_until=None),
                VehicleBinding(
                    vin=shared, owner_id="owner-chen", valid_from=start - timedelta(days=30), valid_until=None
                ),
                VehicleBinding(
                    vin=shared, owner_id="owner-dana", valid_from=start - timedelta(days=30), valid_until=None
                ),
                VehicleBinding(vin=alice_car, owner_id="owner-alice", valid_from=transfer_at, valid_until=None),
            ]
        )
        step = timedelta(hours=24 // per_day)
        for vin in (sold, shared, alice_car):
            t = start
            n = 0
            while t < now:
                day = t.date().isoformat()
                n += 1
                telemetry = {
                    "speed_kmh": 40 + n % 70,
                    "battery_pct": 90 - n % 60,
                    "lat": 31.23 + n / 1000,
                    "lon": 121.47,
                }
                index_object(
                    session,
                    store,
                    f"vehicle_telemetry/{vin}/{day}/t{n:05d}.json",
                    t,
                    json.dumps(telemetry).encode(),
                    "application/json",
                    "raw",
                )
                diag = {"dtc": [] if n % 5 else ["P0420"], "odometer_km": 12000 + n * 13}
                index_object(
                    session,
                    store,
                    f"vehicle_diagnostics/{vin}/{day}/d{n:05d}.json",
                    t + timedelta(minutes=5),
                    json.dumps(diag).encode(),
                    "application/json",
                    "raw",
                )
                # Exterior footage: the raw clip (faces, plates) and its anonymised derivative. Only the
                # latter may be served; the raw one is in the index to prove it is never returned.
                clip = f"clip-{vin}-{n}".encode()
                index_object(
                    session,
                    store,
                    f"camera_footage/{vin}/{day}/c{n:05d}.raw.mp4",
                    t + timedelta(minutes=10),
                    b"RAW-FACES-AND-PLATES " + clip,
                    "video/mp4",
                    "raw",
                )
                index_object(
                    session,
                    store,
                    f"camera_footage/{vin}/{day}/c{n:05d}.anonymised.mp4",
                    t + timedelta(minutes=10),
                    b"ANONYMISED " + clip,
                    "video/mp4",
                    "anonymised",
                )
                t += step
            profile = {"vin": vin, "preferred_language": "zh-CN", "seat_position": 4}
            index_object(
                session,
                store,
                f"owner_personal_data/{vin}/{now.date().isoformat()}/profile.json",
                now - timedelta(hours=1),
                json.dumps(profile).encode(),
                "application/json",
                "raw",
            )
        session.commit()
    return SampleData(sold, shared, alice_car, transfer_at, start, days)


def prepare(directory: Path) -> tuple[dict[str, str], DevKey, SampleData]:
    """Create the dev key, JWKS, database and objects under ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    env = dev_settings_env(directory)
    key = DevKey.generate()
    (directory / "jwks.json").write_text(json.dumps(key.jwks()))
    db = directory / "portal.db"
    for leftover in (db, db.with_name("portal.db-wal"), db.with_name("portal.db-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(env["PORTAL_DATABASE_URL"])
    sample = seed(engine, LocalFolderStore(Path(env["PORTAL_STORAGE_ROOT"])))
    engine.dispose()
    return env, key, sample


def main() -> int:
    """``make portal``: seed a dev directory and serve on 127.0.0.1:$PORTAL_PORT (default 8765)."""
    raw_port = os.environ.get("PORTAL_PORT", "8765")
    if not raw_port.isdigit() or not 0 <= int(raw_port) <= 65535:
        print(
            f"portal: PORTAL_PORT={raw_port!r} is not a port number. Fix: set it to 1-65535 (0 picks a free one).",
            file=sys.stderr,
        )
        return 2
    given = os.environ.get("PORTAL_DEV_DIR")
    directory = Path(given or tempfile.mkdtemp(prefix="sovereign-dc-portal-"))
    try:
        return _serve(directory, int(raw_port))
    finally:
        if not given:  # a temporary directory we made: sample data and the dev key go with the server
            shutil.rmtree(directory, ignore_errors=True)


def _serve(directory: Path, port: int) -> int:
    import uvicorn

    from portal.api import create_app

    env, key, sample = prepare(directory)
    settings = Settings.from_env(env)
    app = create_app(settings)

    class Server(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets)
            if self.should_exit:
                return
            port = self.servers[0].sockets[0].getsockname()[1]
            base = f"http://127.0.0.1:{port}"
            print("DEVELOPMENT MODE: tokens below are signed by a key generated on this machine.", flush=True)
            print(f"data: {directory}", flush=True)
            print(f"portal: {base}", flush=True)
            for owner in SAMPLE_OWNERS:
                print(f"token {owner} {key.token(owner)}", flush=True)
            # Runnable as printed: owner-bob's token and the car he bought (Alice owned it before him).
            print(
                f'curl -H "Authorization: Bearer {key.token("owner-bob")}" '
                f'"{base}/v1/vehicles/{sample.sold_vin}/data-classes/vehicle_telemetry/records?limit=5"',
                flush=True,
            )
            print(f"OpenAPI: {base}/openapi.json  docs: {base}/docs", flush=True)

    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = Server(config)
    server.run()
    return 0 if server.started else 1


if __name__ == "__main__":
    raise SystemExit(main())
