"""The HTTP API (FastAPI). ``create_app(settings)`` builds one application; see docs/portal.md."""

# No `from __future__ import annotations` here: FastAPI resolves the handlers' annotations at
# definition time, and the dependency aliases (Db, Me) are local to each app's route functions.

import base64
import json
import logging
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, FastAPI, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AwareDatetime
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from components.config.models import DataClassName
from portal import FORMAT_VERSION, service
from portal.auth import JwksUnavailable, Owner, TokenError, TokenVerifier
from portal.catalogue import CONSENT_CATEGORIES, DATA_CLASS_POLICIES
from portal.db import AccessLogEntry, ConsentEntry, ExportJob, create_schema, make_engine, make_sessionmaker
from portal.exports import build_export
from portal.problems import (
    Problem,
    ProblemError,
    RequestIdMiddleware,
    install_handlers,
    problem_responses,
    request_id_of,
)
from portal.schemas import (
    AccessLogItem,
    AccessLogPage,
    ConsentChange,
    ConsentLedgerItem,
    ConsentState,
    ConsentStatus,
    ExportJobOut,
    ExportRequest,
    PeriodOut,
    RecordDetail,
    RecordPage,
    RecordSummary,
    Vehicle,
    VehicleList,
)
from portal.settings import Settings
from portal.storage import VIN_PATTERN, ObjectKey, ObjectStore, make_store

__all__ = ["MAX_PAGE_SIZE", "create_app"]

log = logging.getLogger("portal")

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100

_bearer = HTTPBearer(auto_error=False, description="OIDC access token from the carmaker's identity provider.")

Vin = Annotated[
    str,
    Path(
        pattern=f"^{VIN_PATTERN}$",
        description="17 characters, digits and capital letters without I, O and Q (ISO 3779).",
        examples=["LSVAU2180N2183294"],
    ),
]
RecordId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size, at most {MAX_PAGE_SIZE}.")]
Cursor = Annotated[str | None, Query(max_length=512, description="`next_cursor` of the previous page.")]


def create_app(
    settings: Settings,
    *,
    store: ObjectStore | None = None,
    engine: Engine | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    """The ASGI application. Brings the database to the newest schema revision first (portal/migrate.py)."""
    engine = engine or make_engine(settings.database_url)
    create_schema(engine)
    sessions: sessionmaker[Session] = make_sessionmaker(engine)
    store = store or make_store(
        settings.storage_backend,
        settings.storage_root,
        settings.buckets,
        settings.s3_region,
        settings.s3_endpoint_url,
        alicloud_region=settings.alicloud_region,
        oss_endpoint=settings.oss_endpoint,
    )
    verifier = verifier or TokenVerifier(settings)
    title = "sovereign-dc owner data service"
    if settings.dev_mode:
        title += " (DEVELOPMENT MODE: accepts locally signed dev tokens)"
        log.warning("portal running in DEVELOPMENT MODE: tokens signed by the local dev key are accepted")

    app = FastAPI(
        title=title,
        version=FORMAT_VERSION,
        description=(
            "Car owners see, copy and control the data their vehicles produced, in-country. "
            "Every error is an RFC 9457 problem (application/problem+json)."
        ),
        docs_url="/docs",
        redoc_url=None,
    )
    app.add_middleware(RequestIdMiddleware)
    install_handlers(app)
    app.state.settings = settings
    app.state.engine = engine

    def db() -> Iterator[Session]:
        with sessions() as session:
            yield session

    def owner(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Owner:
        challenge = 'Bearer realm="portal"'
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise ProblemError(
                401,
                "unauthenticated",
                "Authentication required",
                "Send an OIDC access token as 'Authorization: Bearer <token>'.",
                {"WWW-Authenticate": challenge},
            )
        try:
            return verifier.verify(credentials.credentials)
        except TokenError as exc:
            raise ProblemError(
                401,
                "invalid-token",
                "Invalid token",
                f"{exc}. Sign in again to get a new token.",
                {"WWW-Authenticate": f'{challenge}, error="invalid_token"'},
            ) from None
        except JwksUnavailable:
            log.exception("identity provider keys unavailable")
            raise ProblemError(
                503, "idp-unavailable", "Identity provider unavailable", "Tokens cannot be verified now; retry later."
            ) from None

    @app.get("/healthz", tags=["service"], summary="Liveness", include_in_schema=False)
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "dev_mode": settings.dev_mode}

    # The routes are closures over this app's settings, store and sessions, registered in this order.
    _add_record_routes(app, settings, store, db, owner)
    _add_export_routes(app, settings, sessions, store, db, owner)
    _add_consent_routes(app, db, owner)
    _document_problems(app)
    return app


SessionDependency = Callable[[], Iterator[Session]]
"""One database session per request (``Depends``); the app's own sessionmaker."""
OwnerDependency = Callable[[HTTPAuthorizationCredentials | None], Owner]
"""The verified caller (``Depends``); the app's own token verifier."""


def _add_record_routes(
    app: FastAPI, settings: Settings, store: ObjectStore, db: SessionDependency, owner: OwnerDependency
) -> None:
    """My vehicles, and the records of one vehicle's data class (listed, or one with its content)."""
    Db = Annotated[Session, Depends(db)]
    Me = Annotated[Owner, Depends(owner)]

    @app.get(
        "/v1/vehicles",
        response_model=VehicleList,
        tags=["vehicles"],
        summary="List my vehicles and my ownership periods",
        responses=problem_responses(401, 503),
    )
    def list_vehicles(request: Request, me: Me, session: Db) -> VehicleList:
        vehicles = service.owner_vehicles(session, me.id)
        served = [n for n, p in DATA_CLASS_POLICIES.items() if p.served_form is not None]
        body = VehicleList(
            items=[
                Vehicle(vin=vin, periods=[PeriodOut(start=p.start, end=p.end) for p in ps], data_classes=served)
                for vin, ps in vehicles.items()
            ]
        )
        service.log_access(
            session, request_id=request_id_of(request), actor=me.id, subjects=(), action="vehicles.list", outcome="ok"
        )
        return body

    @app.get(
        "/v1/vehicles/{vin}/data-classes/{data_class}/records",
        response_model=RecordPage,
        tags=["records"],
        summary="List records of one data class within a time range (cursor-paginated)",
        responses=problem_responses(401, 403, 404, 422, 503),
    )
    def list_records(
        request: Request,
        me: Me,
        session: Db,
        vin: Vin,
        data_class: DataClassName,
        start: Annotated[
            AwareDatetime | None,
            Query(
                alias="from",
                description="Start (inclusive, ISO 8601 with offset). Default: `until` minus the maximum range.",
            ),
        ] = None,
        until: Annotated[AwareDatetime | None, Query(description="End (exclusive). Default: now.")] = None,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> RecordPage:
        end = _instant(until, "until") if until else service.now()
        begin = _instant(start, "from") if start else end - timedelta(days=settings.max_range_days)
        _check_range(begin, end, settings.max_range_days)
        request_id = request_id_of(request)
        try:
            rows, next_cursor, subjects = service.list_records(
                session,
                owner_id=me.id,
                vin=vin,
                data_class=data_class,
                start=begin,
                end=end,
                limit=limit,
                cursor=cursor,
            )
        except ProblemError as exc:
            _log_refusal(session, request_id, me, "records.list", exc, vin, data_class)
            raise
        page = RecordPage(items=[_summary(r) for r in rows], next_cursor=next_cursor)
        service.log_access(
            session,
            request_id=request_id,
            actor=me.id,
            subjects=subjects,
            action="records.list",
            outcome="ok",
            vin=vin,
            data_class=data_class,
            detail=f"{begin.isoformat()}..{end.isoformat()} {len(rows)} records",
        )
        return page

    @app.get(
        "/v1/vehicles/{vin}/data-classes/{data_class}/records/{record_id}",
        response_model=RecordDetail,
        tags=["records"],
        summary="Fetch one record with its content",
        responses=problem_responses(401, 403, 404, 422, 503),
    )
    def get_record(
        request: Request, me: Me, session: Db, vin: Vin, data_class: DataClassName, record_id: RecordId
    ) -> RecordDetail:
        request_id = request_id_of(request)
        try:
            rec, subjects = service.get_record(
                session, owner_id=me.id, vin=vin, data_class=data_class, record_id=record_id
            )
        except ProblemError as exc:
            _log_refusal(session, request_id, me, "records.get", exc, vin, data_class)
            raise
        data = store.get(ObjectKey.parse(rec.object_key))
        detail = RecordDetail(**_summary(rec).model_dump())
        if rec.content_type == "application/json":
            detail.content = json.loads(data)
        else:
            detail.content_base64 = base64.b64encode(data).decode()
        service.log_access(
            session,
            request_id=request_id,
            actor=me.id,
            subjects=subjects,
            action="records.get",
            outcome="ok",
            vin=vin,
            data_class=data_class,
            detail=rec.id,
        )
        return detail


def _add_export_routes(
    app: FastAPI,
    settings: Settings,
    sessions: sessionmaker[Session],
    store: ObjectStore,
    db: SessionDependency,
    owner: OwnerDependency,
) -> None:
    """Exports: requested, built in the background, polled and downloaded by their owner only."""
    Db = Annotated[Session, Depends(db)]
    Me = Annotated[Owner, Depends(owner)]

    def run_export(job_id: str, owner_id: str, fmt: str, request_id: str) -> None:
        with sessions() as session:
            job = session.get(ExportJob, job_id)
            if job is None:
                return
            try:
                data, media, subjects, count = build_export(session, store, owner_id, fmt, settings.jurisdiction)
                service.log_access(
                    session,
                    request_id=request_id,
                    actor=owner_id,
                    subjects=subjects,
                    action="export.generate",
                    outcome="ok",
                    detail=f"{job_id} {fmt} {count} records",
                )
                job.content, job.content_type, job.status = data, media, "ready"
            except Exception:
                session.rollback()
                log.exception("export %s failed (request id %s)", job_id, request_id)
                job = session.get(ExportJob, job_id)
                if job is None:
                    return
                job.status, job.failure = "failed", "The export could not be built; request a new one."
            job.completed_at = service.now()
            session.commit()

    @app.post(
        "/v1/exports",
        response_model=ExportJobOut,
        status_code=202,
        tags=["exports"],
        summary="Request a complete machine-readable copy of my data",
        responses=problem_responses(400, 401, 422, 503),
    )
    def create_export(
        request: Request, response: Response, me: Me, session: Db, body: ExportRequest, tasks: BackgroundTasks
    ) -> ExportJobOut:
        request_id = request_id_of(request)
        job = ExportJob(
            id=uuid.uuid4().hex,
            owner_id=me.id,
            format=body.format,
            status="pending",
            created_at=service.now(),
            request_id=request_id,
        )
        session.add(job)
        session.commit()
        tasks.add_task(run_export, job.id, me.id, body.format, request_id)
        response.headers["Location"] = f"/v1/exports/{job.id}"
        return _job_out(job)

    def my_job(session: Session, me: Owner, job_id: str) -> ExportJob:
        job = session.get(ExportJob, job_id)
        if job is None or job.owner_id != me.id:
            raise ProblemError(404, "not-found", "Not found", "You have no export with this id.")
        return job

    JobId = Annotated[str, Path(min_length=32, max_length=32, pattern=r"^[0-9a-f]{32}$")]

    @app.get(
        "/v1/exports/{job_id}",
        response_model=ExportJobOut,
        tags=["exports"],
        summary="Status of an export",
        responses=problem_responses(401, 404, 422),
    )
    def get_export(me: Me, session: Db, job_id: JobId) -> ExportJobOut:
        return _job_out(my_job(session, me, job_id))

    @app.get(
        "/v1/exports/{job_id}/download",
        tags=["exports"],
        summary="Download a ready export (JSON document, or zip of CSV files)",
        responses={
            200: {"description": "The export", "content": {"application/json": {}, "application/zip": {}}},
            **problem_responses(401, 404, 409, 422, 503),
        },
    )
    def download_export(request: Request, me: Me, session: Db, job_id: JobId) -> Response:
        job = my_job(session, me, job_id)
        if job.status != "ready" or job.content is None:
            raise ProblemError(409, "export-not-ready", "Export not ready", f"The export is {job.status}; retry later.")
        content, media = job.content, job.content_type or "application/octet-stream"
        service.log_access(
            session,
            request_id=request_id_of(request),
            actor=me.id,
            subjects=(),
            action="export.download",
            outcome="ok",
            detail=job.id,
        )
        suffix = "json" if job.format == "json" else "zip"
        return Response(
            content,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="owner-data-{job.id}.{suffix}"'},
        )


def _add_consent_routes(app: FastAPI, db: SessionDependency, owner: OwnerDependency) -> None:
    """Consents (state, and changes appended to the ledger) and the owner's access log."""
    Db = Annotated[Session, Depends(db)]
    Me = Annotated[Owner, Depends(owner)]

    @app.get(
        "/v1/consents",
        response_model=ConsentState,
        tags=["consents"],
        summary="My consents for optional data categories, and the ledger of my decisions",
        responses=problem_responses(401, 503),
    )
    def get_consents(request: Request, me: Me, session: Db) -> ConsentState:
        state = _consent_state(session, me.id)
        service.log_access(
            session, request_id=request_id_of(request), actor=me.id, subjects=(), action="consents.read", outcome="ok"
        )
        return state

    @app.post(
        "/v1/consents",
        response_model=ConsentState,
        status_code=201,
        tags=["consents"],
        summary="Grant or withdraw consent for one category (appended to the ledger)",
        responses=problem_responses(400, 401, 422, 503),
    )
    def change_consent(request: Request, me: Me, session: Db, change: ConsentChange) -> ConsentState:
        category = CONSENT_CATEGORIES.get(change.category)
        if category is None:
            raise ProblemError(
                422,
                "unknown-consent-category",
                "Unknown consent category",
                f"{change.category!r} is not a consent category. Use one of {sorted(CONSENT_CATEGORIES)}.",
            )
        if category.sensitive and change.decision == "granted" and not change.separate_consent:
            raise ProblemError(
                422,
                "separate-consent-required",
                "Separate consent required",
                f"{category.name!r} is sensitive personal information: it needs its own consent (PIPL art. 29). "
                "Show the owner this category's notice alone and send separate_consent=true.",
            )
        request_id = request_id_of(request)
        session.add(
            ConsentEntry(
                owner_id=me.id,
                category=category.name,
                decision=change.decision,
                at=service.now(),
                request_id=request_id,
                notice_version=change.notice_version,
            )
        )
        # The ledger row and the access-log row commit together: both or neither.
        service.log_access(
            session,
            request_id=request_id,
            actor=me.id,
            subjects=(),
            action="consents.change",
            outcome="ok",
            detail=f"{category.name} {change.decision}",
        )
        return _consent_state(session, me.id)

    @app.get(
        "/v1/access-log",
        response_model=AccessLogPage,
        tags=["access log"],
        summary="Who accessed my data and when (newest first)",
        responses=problem_responses(401, 422, 503),
    )
    def access_log(
        request: Request, me: Me, session: Db, limit: Limit = DEFAULT_PAGE_SIZE, cursor: Cursor = None
    ) -> AccessLogPage:
        service.log_access(
            session, request_id=request_id_of(request), actor=me.id, subjects=(), action="access_log.read", outcome="ok"
        )
        stmt = select(AccessLogEntry).where(AccessLogEntry.subject_id == me.id)
        if cursor is not None:
            before = service.decode_cursor(cursor).get("before")
            if not isinstance(before, int):
                raise ProblemError(
                    422, "invalid-cursor", "Invalid cursor", "The cursor is not one this service issued."
                )
            stmt = stmt.where(AccessLogEntry.id < before)
        rows = list(session.scalars(stmt.order_by(AccessLogEntry.id.desc()).limit(limit + 1)))
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = service.encode_cursor({"before": rows[-1].id})
        return AccessLogPage(
            items=[
                AccessLogItem(
                    id=r.id,
                    at=r.at,
                    actor=r.actor_id,
                    action=r.action,
                    vin=r.vin,
                    data_class=r.data_class,
                    detail=r.detail,
                    outcome=r.outcome,
                    request_id=r.request_id,
                )
                for r in rows
            ],
            next_cursor=next_cursor,
        )


def _document_problems(app: FastAPI) -> None:
    """Add the RFC 9457 ``Problem`` schema to the OpenAPI document (every error response names it)."""
    _original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = _original_openapi()
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = Problem.model_json_schema()
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def _instant(value: datetime, name: str) -> datetime:
    """The instant in UTC, within the years any vehicle record can carry (no overflow further on)."""
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not _EARLIEST <= utc <= _LATEST:
        raise ProblemError(
            422,
            "invalid-time-range",
            "Invalid time range",
            f"'{name}' must lie between {_EARLIEST.date()} and {_LATEST.date()}; 'from' must be earlier than 'until'.",
        )
    return utc


def _check_range(begin: datetime, end: datetime, max_days: int) -> None:
    if begin >= end:
        raise ProblemError(
            422, "invalid-time-range", "Invalid time range", "'from' must be earlier than 'until'. Swap them."
        )
    if end - begin > timedelta(days=max_days):
        raise ProblemError(
            422,
            "time-range-too-long",
            "Time range too long",
            f"One query may span at most {max_days} days. Split the range, or request an export for everything.",
        )


def _log_refusal(
    session: Session, request_id: str, me: Owner, action: str, exc: ProblemError, vin: str, data_class: str
) -> None:
    # Probes count as accesses too: the owner's own log shows them (subject = the caller only).
    service.log_access(
        session,
        request_id=request_id,
        actor=me.id,
        subjects=(),
        action=action,
        outcome=f"refused:{exc.status}",
        vin=vin,
        data_class=data_class,
    )


def _summary(rec: Any) -> RecordSummary:
    return RecordSummary(
        id=rec.id,
        vin=rec.vin,
        data_class=rec.data_class,
        recorded_at=rec.recorded_at,
        form=rec.form,
        content_type=rec.content_type,
        size_bytes=rec.size_bytes,
        sha256=rec.sha256,
    )


def _job_out(job: ExportJob) -> ExportJobOut:
    return ExportJobOut(
        id=job.id,
        format=job.format,
        status=job.status,
        created_at=job.created_at,
        completed_at=job.completed_at,
        download_url=f"/v1/exports/{job.id}/download" if job.status == "ready" else None,
        failure=job.failure,
    )


def _consent_state(session: Session, owner_id: str) -> ConsentState:
    ledger = list(
        session.scalars(select(ConsentEntry).where(ConsentEntry.owner_id == owner_id).order_by(ConsentEntry.id))
    )
    latest: dict[str, ConsentEntry] = {}
    for entry in ledger:
        latest[entry.category] = entry
    return ConsentState(
        categories=[
            ConsentStatus(
                category=c.name,
                sensitive=c.sensitive,
                description=c.description,
                granted=c.name in latest and latest[c.name].decision == "granted",
                since=latest[c.name].at if c.name in latest else None,
            )
            for c in CONSENT_CATEGORIES.values()
        ],
        ledger=[
            ConsentLedgerItem(
                id=e.id,
                category=e.category,
                decision=e.decision,
                at=e.at,
                notice_version=e.notice_version,
                request_id=e.request_id,
            )
            for e in ledger
        ],
    )
