"""The service's data access: ownership checks, record queries, the access log, consents, exports.

Handlers call these with an open session; nothing here knows about HTTP except the
:class:`~portal.problems.ProblemError` it raises for answers the owner must see.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from portal.authz import Period, covers, owner_periods, subjects_of, windows
from portal.catalogue import DATA_CLASS_POLICIES, DataClassPolicy
from portal.db import AccessLogEntry, Record, VehicleBinding
from portal.problems import ProblemError

__all__ = ["NOT_FOUND_VEHICLE", "AccessLogFailed", "decode_cursor", "encode_cursor", "log_access", "now"]

log = logging.getLogger("portal")

_SQLITE_WRITER = threading.Lock()

NOT_FOUND_VEHICLE = ProblemError(
    404, "not-found", "Not found", "No vehicle with this VIN is bound to you, or it has no such record."
)
"""The one answer for an unknown VIN, another owner's VIN and a record outside your periods."""


class AccessLogFailed(ProblemError):
    def __init__(self) -> None:
        super().__init__(
            503,
            "access-log-unavailable",
            "Access log unavailable",
            "Every access must be logged before data is returned, and the log could not be written; "
            "no data was returned. Retry later.",
        )


def now() -> datetime:
    return datetime.now(UTC)


def vin_bindings(session: Session, vin: str) -> list[VehicleBinding]:
    return list(session.scalars(select(VehicleBinding).where(VehicleBinding.vin == vin)))


def periods_or_404(bindings: Iterable[VehicleBinding], owner_id: str, vin: str) -> list[Period]:
    periods = owner_periods(bindings, owner_id, vin)
    if not periods:
        raise NOT_FOUND_VEHICLE
    return periods


def served_policy(data_class: str) -> DataClassPolicy:
    policy = DATA_CLASS_POLICIES[data_class]
    if policy.served_form is None:
        raise ProblemError(403, "data-class-withheld", "Data class withheld", policy.reason)
    return policy


def log_access(
    session: Session,
    *,
    request_id: str,
    actor: str,
    subjects: Iterable[str],
    action: str,
    outcome: str,
    vin: str | None = None,
    data_class: str | None = None,
    detail: str = "",
) -> None:
    """Append one row per data subject and commit, before the caller returns any data.

    Raises :class:`AccessLogFailed` (503) when the row cannot be written: no log, no data.
    """
    at = now()
    # SQLite has one writer at a time and makes waiting writers sleep in growing steps (its busy
    # handler); queueing them on a lock in this process wakes each as soon as the previous commits.
    lock = _SQLITE_WRITER if session.get_bind().dialect.name == "sqlite" else contextlib.nullcontext()
    try:
        with lock:
            _append(session, at, request_id, actor, subjects, action, outcome, vin, data_class, detail)
    except SQLAlchemyError:
        session.rollback()
        log.exception("access log write failed (request id %s)", request_id)
        raise AccessLogFailed() from None


def _append(
    session: Session,
    at: datetime,
    request_id: str,
    actor: str,
    subjects: Iterable[str],
    action: str,
    outcome: str,
    vin: str | None,
    data_class: str | None,
    detail: str,
) -> None:
    for subject in sorted(set(subjects) | {actor}):
        session.add(
            AccessLogEntry(
                at=at,
                request_id=request_id,
                actor_id=actor,
                subject_id=subject,
                action=action,
                vin=vin,
                data_class=data_class,
                detail=detail[:1000],
                outcome=outcome,
            )
        )
    session.commit()


def encode_cursor(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        value = None
    if not isinstance(value, dict):
        raise ProblemError(422, "invalid-cursor", "Invalid cursor", "The cursor is not one this service issued.")
    return value


def query_fingerprint(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def list_records(
    session: Session,
    *,
    owner_id: str,
    vin: str,
    data_class: str,
    start: datetime,
    end: datetime,
    limit: int,
    cursor: str | None,
) -> tuple[list[Record], str | None, set[str]]:
    """One page of records the owner may see; also returns whose data the page touches."""
    policy = served_policy(data_class)
    bindings = vin_bindings(session, vin)
    periods = periods_or_404(bindings, owner_id, vin)
    fingerprint = query_fingerprint(vin, data_class, start.isoformat(), end.isoformat())
    allowed = windows(periods, start, end)
    subjects: set[str] = set()
    for lo, hi in allowed:
        subjects |= subjects_of(bindings, vin, lo, hi)
    if not allowed:
        return [], None, subjects
    stmt = select(Record).where(
        Record.vin == vin,
        Record.data_class == data_class,
        Record.form == policy.served_form,
        or_(*(and_(Record.recorded_at >= lo, Record.recorded_at < hi) for lo, hi in allowed)),
    )
    if cursor is not None:
        c = decode_cursor(cursor)
        try:
            if c["q"] != fingerprint:
                raise ValueError("cursor of another query")
            after_t = datetime.fromisoformat(c["t"])
            after_id = str(c["i"])
            if after_t.tzinfo is None:
                raise ValueError("naive")
        except (KeyError, TypeError, ValueError):
            raise ProblemError(
                422, "invalid-cursor", "Invalid cursor", "The cursor belongs to another query or was altered."
            ) from None
        stmt = stmt.where(or_(Record.recorded_at > after_t, and_(Record.recorded_at == after_t, Record.id > after_id)))
    rows = list(session.scalars(stmt.order_by(Record.recorded_at, Record.id).limit(limit + 1)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor({"t": last.recorded_at.isoformat(), "i": last.id, "q": fingerprint})
    return rows, next_cursor, subjects


def get_record(
    session: Session, *, owner_id: str, vin: str, data_class: str, record_id: str
) -> tuple[Record, set[str]]:
    """The record, if it is the owner's to see; else exactly the unknown-VIN answer."""
    policy = served_policy(data_class)
    bindings = vin_bindings(session, vin)
    periods = periods_or_404(bindings, owner_id, vin)
    rec = session.get(Record, record_id)
    if (
        rec is None
        or rec.vin != vin
        or rec.data_class != data_class
        or rec.form != policy.served_form
        or not covers(periods, rec.recorded_at)
    ):
        raise NOT_FOUND_VEHICLE
    return rec, {b.owner_id for b in bindings if Period(b.valid_from, b.valid_until).contains(rec.recorded_at)}


def owner_vehicles(session: Session, owner_id: str) -> dict[str, list[Period]]:
    bindings = list(session.scalars(select(VehicleBinding).where(VehicleBinding.owner_id == owner_id)))
    return {vin: owner_periods(bindings, owner_id, vin) for vin in sorted({b.vin for b in bindings})}
