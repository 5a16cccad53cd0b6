"""Who may see what: pure functions over ownership bindings (no I/O, unit-tested on their own).

An owner sees a vehicle's records only inside their own ownership periods. A VIN that changed hands
is split in time: the previous owner's periods end where the new owner's begin, so neither sees the
other's data. Co-owners hold overlapping periods and each sees the overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

__all__ = ["BindingLike", "Period", "covers", "owner_periods", "subjects_of", "windows"]


class BindingLike(Protocol):
    @property
    def vin(self) -> str: ...
    @property
    def owner_id(self) -> str: ...
    @property
    def valid_from(self) -> datetime: ...
    @property
    def valid_until(self) -> datetime | None: ...


@dataclass(frozen=True)
class Period:
    """A half-open interval ``[start, end)``; ``end`` is ``None`` while ownership continues."""

    start: datetime
    end: datetime | None

    def contains(self, t: datetime) -> bool:
        return self.start <= t and (self.end is None or t < self.end)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return self.start < end and (self.end is None or start < self.end)


def owner_periods(bindings: Iterable[BindingLike], owner_id: str, vin: str) -> list[Period]:
    """The owner's periods for ``vin``, sorted and merged where they touch or overlap."""
    raw = sorted(
        (
            Period(b.valid_from, b.valid_until)
            for b in bindings
            if b.owner_id == owner_id and b.vin == vin and (b.valid_until is None or b.valid_from < b.valid_until)
        ),
        key=lambda p: p.start,  # ends may be None (open), which do not compare with datetimes
    )
    merged: list[Period] = []
    for p in raw:
        last = merged[-1] if merged else None
        if last is not None and (last.end is None or p.start <= last.end):
            end = None if last.end is None or p.end is None else max(last.end, p.end)
            merged[-1] = Period(last.start, end)
        else:
            merged.append(p)
    return merged


def covers(periods: Iterable[Period], t: datetime) -> bool:
    """Whether an instant falls inside one of the periods."""
    return any(p.contains(t) for p in periods)


def windows(periods: Iterable[Period], start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """The parts of ``[start, end)`` inside the periods: the only time the owner may query."""
    out: list[tuple[datetime, datetime]] = []
    for p in periods:
        lo = max(p.start, start)
        hi = end if p.end is None else min(p.end, end)
        if lo < hi:
            out.append((lo, hi))
    return out


def subjects_of(bindings: Iterable[BindingLike], vin: str, start: datetime, end: datetime) -> set[str]:
    """Every owner whose period of ``vin`` overlaps ``[start, end)``: whose data an access touched."""
    return {b.owner_id for b in bindings if b.vin == vin and Period(b.valid_from, b.valid_until).overlaps(start, end)}
