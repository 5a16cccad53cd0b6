"""What the portal may serve of each data class, and which optional processing owners consent to.

Catalogue data, not code branches: the record endpoints look up a data class's ``served_form`` and
never special-case a name. Sources are in /work/shared/regulation-notes.md (summarised in docs/portal.md):

* CAC *Several Provisions on Automotive Data Security Management (Trial)* (2021): vehicle location
  tracks, audio, video and images are *sensitive personal information*; video and images of the
  outside of the car containing faces or licence plates are *important data*; desensitise
  (anonymise) where possible.
* GB/T 41871-2022: anonymise faces outside the car.
* PIPL art. 29 (separate consent for sensitive personal information) and art. 45 (consult and copy).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from components.config.models import DATA_CLASSES
from components.residency.data_protection import Category, load_data_protection

__all__ = [
    "CONSENT_CATEGORIES",
    "DATA_CLASS_POLICIES",
    "ConsentCategory",
    "DataClassPolicy",
    "RecordForm",
    "category_of",
]

RecordForm = Literal["raw", "anonymised"]
"""How an object was stored: as the vehicle produced it, or after the anonymisation pipeline."""


@dataclass(frozen=True)
class DataClassPolicy:
    """How the portal treats one data class."""

    name: str
    served_form: RecordForm | None
    """Only records of this form are served; ``None`` means the class is never served."""
    third_party_data: bool
    """Whether records may contain other people's information (faces, licence plates)."""
    reason: str
    """Why, with its source; shown in the export metadata and docs."""


DATA_CLASS_POLICIES: dict[str, DataClassPolicy] = {
    p.name: p
    for p in (
        DataClassPolicy(
            "vehicle_telemetry",
            "raw",
            False,
            "Location tracks are sensitive personal information of the owner (CAC automotive provisions 2021); "
            "the owner has the right to consult and copy it (PIPL art. 45; Data Act art. 4).",
        ),
        DataClassPolicy(
            "camera_footage",
            "anonymised",
            True,
            "Exterior video contains faces and licence plates of other people: important data under the CAC "
            "automotive provisions 2021, anonymised per GB/T 41871-2022; only the anonymised form is served.",
        ),
        DataClassPolicy(
            "owner_personal_data",
            "raw",
            False,
            "The owner's own account and profile data (PIPL art. 45).",
        ),
        DataClassPolicy(
            "vehicle_diagnostics",
            "raw",
            False,
            "Diagnostic data linked to the VIN is personal information of the owner and product data under "
            "the Data Act art. 4.",
        ),
        DataClassPolicy(
            "audit_logs",
            None,
            True,
            "The account trail and bucket access logs record staff and every owner at once; an owner sees who "
            "accessed their own data through the access-log endpoint instead (PIPL art. 45).",
        ),
    )
}


def category_of(jurisdiction: str, data_class: str) -> Category:
    """The legal category of ``data_class`` in ``jurisdiction``: the data-protection catalogue's, the same
    one the storage defaults (object lock, access logging) follow, never a second list kept here."""
    return load_data_protection().category_of(jurisdiction, data_class).id


if set(DATA_CLASS_POLICIES) != set(DATA_CLASSES):  # not an assert: must hold under python -O too
    raise RuntimeError("portal/catalogue.py must describe exactly components.config.models.DataClassName")


@dataclass(frozen=True)
class ConsentCategory:
    """An optional processing purpose the owner may grant or withdraw at any time."""

    name: str
    sensitive: bool
    """Sensitive personal information needs its own, separate consent (PIPL art. 29)."""
    description: str


CONSENT_CATEGORIES: dict[str, ConsentCategory] = {
    c.name: c
    for c in (
        ConsentCategory("usage_analytics", False, "Aggregated use of vehicle features to improve the product."),
        ConsentCategory("remote_diagnostics", False, "Diagnostic data sent to the dealer for proactive service."),
        ConsentCategory(
            "precise_location_history",
            True,
            "Keeping the vehicle's location track beyond trip completion (sensitive personal information).",
        ),
        ConsentCategory(
            "camera_footage_for_training",
            True,
            "Using anonymised exterior footage to train driver-assistance models (images; sensitive).",
        ),
    )
}
