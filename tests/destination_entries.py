"""Destination register entries shared by the tests that declare a partner transfer.

One approved transfer to the partner intake in Germany under a standard contract; each test adds the
``id`` and ``expires`` it needs."""

from __future__ import annotations

PARTNER_TRANSFER: dict[str, object] = {
    "id": "partner-intake",
    "kind": "transfer",
    "match": "https://intake.partner.example.com/",
    "destination": "DE",
    "data_classes": ["vehicle_diagnostics"],
    "basis": "standard-contract",
    "reference": "CAC-SC-2026-001",
    "approved_by": "dpo@example.cn",
}
"""A ``sovereign-dc:destinations`` transfer entry with no ``expires`` (add one where the test needs it)."""
