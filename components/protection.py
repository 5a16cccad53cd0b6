"""What each data class of a stack gets: regulatory category, exact retention, WORM backup, audit trail.

One place computes it from the stack file and the data-protection catalogue, so the components, the
stack outputs and the plan all say the same thing.

Retention arithmetic (S3 and OSS, versioning on; see ``lifecycle rules`` in docs/datacenter.md):

* a current version gets a delete marker ``retention_days`` after it was written (expiration);
* a noncurrent version is deleted ``NONCURRENT_GRACE_DAYS`` after it became noncurrent, so the
  version that was current until the delete marker lives ``retention_days + NONCURRENT_GRACE_DAYS``;
  a version overwritten earlier is held by the Object Lock / WORM retention until ``retention_days``
  after its creation and removed at the next lifecycle run after that;
* expired delete markers are cleaned and incomplete multipart uploads aborted after
  ``MULTIPART_ABORT_DAYS``.

The grace is the providers' whole-day granularity, not a measured delay: both clouds document that
lifecycle actions run asynchronously after the rule's date, without a published bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from components.config.models import DataCenterConfig, DataClass
from components.residency.data_protection import load_data_protection

__all__ = [
    "AUDIT_DEFAULT_RETENTION_DAYS",
    "AUDIT_LOGS",
    "MULTIPART_ABORT_DAYS",
    "NONCURRENT_GRACE_DAYS",
    "ClassProtection",
    "protection_of",
]

AUDIT_LOGS = "audit_logs"
"""The audit trail's own data class (CloudTrail / ActionTrail, server access logs, flow logs)."""
AUDIT_DEFAULT_RETENTION_DAYS = 365
"""Retention of ``audit_logs`` when the stack file does not list it (a project default, not a legal figure)."""
NONCURRENT_GRACE_DAYS = 1
"""Days a noncurrent version survives: the smallest value S3 (NoncurrentDays) and OSS accept."""
MULTIPART_ABORT_DAYS = 1
"""Days after which parts of an incomplete multipart upload are removed."""

LockMode = Literal["governance", "compliance"]


@dataclass(frozen=True)
class ClassProtection:
    """The protection of one data class, as built and as shown in the plan."""

    data_class: str
    category: str
    """Regulatory category id (``important``, ``sensitive_personal``, ``personal``, ``anonymised``)."""
    retention_days: int
    """Configured retention."""
    lock_mode: LockMode
    """S3 Object Lock mode (OSS retention policies have one mode: compliance-like WORM)."""
    access_logging: bool
    """Server access logging required by the category."""

    @property
    def max_age_days(self) -> int:
        """The oldest any byte of this class can be: retention plus the noncurrent-version grace."""
        return self.retention_days + NONCURRENT_GRACE_DAYS


def protection_of(jurisdiction: str, config: DataCenterConfig) -> dict[str, ClassProtection]:
    """Every data class of ``config`` (``audit_logs`` included, added with its default) and its protection."""
    catalogue = load_data_protection()
    classes: dict[str, DataClass] = {AUDIT_LOGS: DataClass(retention_days=AUDIT_DEFAULT_RETENTION_DAYS)}
    classes.update(config.data_classes.items())
    out: dict[str, ClassProtection] = {}
    for name, settings in classes.items():
        spec = catalogue.category_of(jurisdiction, name, settings.category)
        out[name] = ClassProtection(
            data_class=name,
            category=spec.id,
            retention_days=settings.retention_days,
            lock_mode=settings.object_lock_mode or spec.object_lock_mode,
            # The audit class never logs into itself (a logging loop); every other class follows its category.
            access_logging=name != AUDIT_LOGS and spec.access_logging == "required",
        )
    return out
