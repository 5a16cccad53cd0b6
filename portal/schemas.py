"""Request and response bodies (the OpenAPI description is generated from these)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from components.config.models import DataClassName

__all__ = [
    "AccessLogItem",
    "AccessLogPage",
    "ConsentChange",
    "ConsentLedgerItem",
    "ConsentState",
    "ConsentStatus",
    "ExportJobOut",
    "ExportRequest",
    "PeriodOut",
    "RecordDetail",
    "RecordPage",
    "RecordSummary",
    "Vehicle",
    "VehicleList",
]


class PeriodOut(BaseModel):
    start: datetime = Field(description="Start of your ownership (inclusive).")
    end: datetime | None = Field(description="End of your ownership (exclusive); null while you own the vehicle.")


class Vehicle(BaseModel):
    vin: str
    periods: list[PeriodOut] = Field(description="Your ownership periods: the only time you can see data for.")
    data_classes: list[DataClassName] = Field(description="Data classes you can query for this vehicle.")


class VehicleList(BaseModel):
    items: list[Vehicle]


class RecordSummary(BaseModel):
    id: str
    vin: str
    data_class: DataClassName
    recorded_at: datetime
    form: Literal["raw", "anonymised"] = Field(description="'anonymised' where the data class holds others' data.")
    content_type: str
    size_bytes: int
    sha256: str


class RecordPage(BaseModel):
    items: list[RecordSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last page.")


class RecordDetail(RecordSummary):
    content: Any | None = Field(default=None, description="The record itself when it is JSON.")
    content_base64: str | None = Field(default=None, description="The record's bytes (base64) when it is not JSON.")


class ExportRequest(BaseModel):
    format: Literal["json", "csv"] = Field(description="json: one document; csv: a zip of CSV files and metadata.json.")


class ExportJobOut(BaseModel):
    id: str
    format: Literal["json", "csv"]
    status: Literal["pending", "ready", "failed"]
    created_at: datetime
    completed_at: datetime | None
    download_url: str | None = Field(description="Where to fetch the export once it is ready.")
    failure: str | None = None


class ConsentChange(BaseModel):
    category: str = Field(min_length=1, max_length=64, description="An optional data category (see GET /v1/consents).")
    decision: Literal["granted", "withdrawn"]
    notice_version: str = Field(
        min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$", description="Version of the notice shown."
    )
    separate_consent: bool = Field(
        default=False,
        description="Must be true to grant a sensitive category: the owner agreed to it alone (PIPL art. 29).",
    )


class ConsentLedgerItem(BaseModel):
    id: int
    category: str
    decision: Literal["granted", "withdrawn"]
    at: datetime
    notice_version: str
    request_id: str


class ConsentStatus(BaseModel):
    category: str
    sensitive: bool
    description: str
    granted: bool
    since: datetime | None


class ConsentState(BaseModel):
    categories: list[ConsentStatus]
    ledger: list[ConsentLedgerItem] = Field(description="Every decision you made, oldest first (append-only).")


class AccessLogItem(BaseModel):
    id: int
    at: datetime
    actor: str = Field(description="Who accessed: you, or a co-owner for a shared period.")
    action: str
    vin: str | None
    data_class: str | None
    detail: str
    outcome: str
    request_id: str


class AccessLogPage(BaseModel):
    items: list[AccessLogItem] = Field(description="Newest first.")
    next_cursor: str | None
