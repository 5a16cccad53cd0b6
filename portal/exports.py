"""A complete, machine-readable copy of one owner's data (PIPL art. 45 copy; Data Act art. 4).

JSON: one document ``{metadata, vehicles, records, consents, access_log}``. CSV: a zip holding
``metadata.json`` and one CSV per table. Records carry their content inline (JSON as text, other
media as base64) so the export is complete without further requests.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import zipfile
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

import portal
from portal.authz import subjects_of
from portal.catalogue import DATA_CLASS_POLICIES, category_of
from portal.db import AccessLogEntry, ConsentEntry, Record, VehicleBinding
from portal.service import now, owner_vehicles
from portal.storage import ObjectKey, ObjectStore

__all__ = ["build_export"]

_RECORD_FIELDS = ("id", "vin", "data_class", "recorded_at", "form", "content_type", "size_bytes", "sha256", "content")


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat()


def collect(session: Session, store: ObjectStore, owner_id: str, jurisdiction: str) -> tuple[dict[str, Any], set[str]]:
    """Everything the owner may see, and whose data it touches (for the access log).

    ``jurisdiction`` decides each data class's category in the metadata (the data-protection catalogue).
    """
    vehicles = owner_vehicles(session, owner_id)
    records: list[dict[str, Any]] = []
    subjects: set[str] = set()
    for vin, periods in vehicles.items():
        bindings = list(session.scalars(select(VehicleBinding).where(VehicleBinding.vin == vin)))
        for p in periods:
            end = p.end or now()
            subjects |= subjects_of(bindings, vin, p.start, end)
        conds = [
            and_(Record.recorded_at >= p.start, Record.recorded_at < p.end)
            if p.end is not None
            else Record.recorded_at >= p.start
            for p in periods
        ]
        for name, policy in DATA_CLASS_POLICIES.items():
            if policy.served_form is None:
                continue
            stmt = (
                select(Record)
                .where(Record.vin == vin, Record.data_class == name, Record.form == policy.served_form, or_(*conds))
                .order_by(Record.recorded_at, Record.id)
            )
            for rec in session.scalars(stmt):
                data = store.get(ObjectKey.parse(rec.object_key))
                content = data.decode() if rec.content_type == "application/json" else base64.b64encode(data).decode()
                records.append(
                    {
                        "id": rec.id,
                        "vin": rec.vin,
                        "data_class": rec.data_class,
                        "recorded_at": _iso(rec.recorded_at),
                        "form": rec.form,
                        "content_type": rec.content_type,
                        "size_bytes": rec.size_bytes,
                        "sha256": rec.sha256,
                        "content_encoding": "utf-8" if rec.content_type == "application/json" else "base64",
                        "content": content,
                    }
                )
    consents = [
        {"category": c.category, "decision": c.decision, "at": _iso(c.at), "notice_version": c.notice_version}
        for c in session.scalars(
            select(ConsentEntry).where(ConsentEntry.owner_id == owner_id).order_by(ConsentEntry.id)
        )
    ]
    access = [
        {
            "at": _iso(a.at),
            "actor": a.actor_id,
            "action": a.action,
            "vin": a.vin,
            "data_class": a.data_class,
            "outcome": a.outcome,
            "request_id": a.request_id,
        }
        for a in session.scalars(
            select(AccessLogEntry).where(AccessLogEntry.subject_id == owner_id).order_by(AccessLogEntry.id)
        )
    ]
    doc = {
        "metadata": {
            "format_version": portal.FORMAT_VERSION,
            "generated_at": now().isoformat(),
            "owner_id": owner_id,
            "data_classes": [
                {
                    "name": p.name,
                    "category": category_of(jurisdiction, p.name),
                    "served_form": p.served_form,
                    "note": p.reason,
                }
                for p in DATA_CLASS_POLICIES.values()
            ],
            "vehicles": [
                {"vin": vin, "periods": [{"start": _iso(p.start), "end": _iso(p.end)} for p in ps]}
                for vin, ps in vehicles.items()
            ],
            "record_count": len(records),
            "legal_basis": "PIPL art. 45 (consult and copy); EU Data Act art. 4 (access by the user)",
        },
        "records": records,
        "consents": consents,
        "access_log": access,
    }
    return doc, subjects


def _csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode()


def render(doc: dict[str, Any], fmt: str) -> tuple[bytes, str]:
    """Serialise a collected export; returns the bytes and their media type."""
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=1).encode(), "application/json"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("metadata.json", json.dumps(doc["metadata"], ensure_ascii=False, indent=1))
        zf.writestr("records.csv", _csv(doc["records"], (*_RECORD_FIELDS[:-1], "content_encoding", "content")))
        zf.writestr("consents.csv", _csv(doc["consents"], ("category", "decision", "at", "notice_version")))
        zf.writestr(
            "access_log.csv",
            _csv(doc["access_log"], ("at", "actor", "action", "vin", "data_class", "outcome", "request_id")),
        )
    return out.getvalue(), "application/zip"


def build_export(
    session: Session, store: ObjectStore, owner_id: str, fmt: str, jurisdiction: str
) -> tuple[bytes, str, set[str], int]:
    doc, subjects = collect(session, store, owner_id, jurisdiction)
    data, media = render(doc, fmt)
    return data, media, subjects, len(doc["records"])
