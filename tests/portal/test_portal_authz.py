"""Authorisation as pure functions: ownership periods, transfer, co-owners."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.authz import Period, covers, owner_periods, subjects_of, windows
from portal.db import Record, make_engine
from portal.dev import seed
from portal.problems import ProblemError
from portal.service import NOT_FOUND_VEHICLE, get_record, list_records
from portal.storage import LocalFolderStore

T0 = datetime(2026, 1, 1, tzinfo=UTC)
VIN = "LSVAU2180N2183294"


@dataclass(frozen=True)
class B:
    vin: str
    owner_id: str
    valid_from: datetime
    valid_until: datetime | None


def d(days: float) -> datetime:
    return T0 + timedelta(days=days)


def test_transfer_splits_time_between_old_and_new_owner() -> None:
    bindings = [B(VIN, "alice", d(0), d(10)), B(VIN, "bob", d(10), None)]
    alice = owner_periods(bindings, "alice", VIN)
    bob = owner_periods(bindings, "bob", VIN)
    assert alice == [Period(d(0), d(10))]
    assert bob == [Period(d(10), None)]
    # The transfer instant belongs to the new owner only (half-open periods).
    assert not covers(alice, d(10)) and covers(bob, d(10))
    assert covers(alice, d(10) - timedelta(microseconds=1)) and not covers(bob, d(10) - timedelta(microseconds=1))
    assert windows(alice, d(5), d(15)) == [(d(5), d(10))]
    assert windows(bob, d(5), d(15)) == [(d(10), d(15))]


def test_owner_without_binding_has_no_periods() -> None:
    bindings = [B(VIN, "alice", d(0), None)]
    assert owner_periods(bindings, "mallory", VIN) == []
    assert owner_periods(bindings, "alice", "WVWZZZ1JZXW000001") == []


def test_co_owners_both_see_the_shared_period_and_are_both_subjects() -> None:
    bindings = [B(VIN, "chen", d(0), None), B(VIN, "dana", d(3), d(8))]
    assert windows(owner_periods(bindings, "chen", VIN), d(1), d(9)) == [(d(1), d(9))]
    assert windows(owner_periods(bindings, "dana", VIN), d(1), d(9)) == [(d(3), d(8))]
    assert subjects_of(bindings, VIN, d(4), d(5)) == {"chen", "dana"}
    assert subjects_of(bindings, VIN, d(1), d(2)) == {"chen"}


def test_selling_and_buying_back_gives_two_periods_and_hides_the_gap() -> None:
    bindings = [B(VIN, "alice", d(0), d(5)), B(VIN, "bob", d(5), d(9)), B(VIN, "alice", d(9), None)]
    alice = owner_periods(bindings, "alice", VIN)
    assert alice == [Period(d(0), d(5)), Period(d(9), None)]
    assert windows(alice, d(0), d(12)) == [(d(0), d(5)), (d(9), d(12))]
    assert not covers(alice, d(7))


def test_touching_and_overlapping_periods_merge() -> None:
    bindings = [B(VIN, "a", d(0), d(5)), B(VIN, "a", d(5), d(7)), B(VIN, "a", d(6), d(9)), B(VIN, "a", d(20), None)]
    assert owner_periods(bindings, "a", VIN) == [Period(d(0), d(9)), Period(d(20), None)]


def test_empty_or_inverted_binding_grants_nothing() -> None:
    assert owner_periods([B(VIN, "a", d(5), d(5)), B(VIN, "a", d(6), d(2))], "a", VIN) == []


@pytest.mark.parametrize(("start", "end"), [(d(-5), d(0)), (d(10), d(20))])
def test_query_outside_ownership_yields_no_window(start: datetime, end: datetime) -> None:
    assert windows([Period(d(0), d(10))], start, end) == []


_day = st.integers(min_value=0, max_value=60)


@given(
    spans=st.lists(st.tuples(_day, st.one_of(st.none(), _day)), min_size=0, max_size=6),
    query=st.tuples(_day, _day),
    probe=_day,
)
def test_windows_are_exactly_the_owned_part_of_the_query(
    spans: list[tuple[int, int | None]], query: tuple[int, int], probe: int
) -> None:
    bindings = [B(VIN, "o", d(a), None if b is None else d(b)) for a, b in spans]
    bindings.append(B(VIN, "other", d(0), None))
    periods = owner_periods(bindings, "o", VIN)
    start, end = d(min(query)), d(max(query))
    wins = windows(periods, start, end)
    t = d(probe) + timedelta(hours=1)
    in_windows = any(lo <= t < hi for lo, hi in wins)
    owned = any(b.owner_id == "o" and Period(b.valid_from, b.valid_until).contains(t) for b in bindings)
    assert in_windows == (owned and start <= t < end)
    # Merged periods never overlap or touch, so an instant is never counted twice.
    assert all(p.end is not None and p.end < q.start for p, q in pairwise(periods))


# --- the same rules through the service layer, on a seeded store ----------------------------------


def test_service_gives_foreign_and_unknown_vins_the_same_answer(tmp_path: Path) -> None:
    engine = make_engine("sqlite://")
    sample = seed(engine, LocalFolderStore(tmp_path), days=2, per_day=1)
    span: dict[str, Any] = {
        "start": sample.start - timedelta(days=1),
        "end": sample.start + timedelta(days=3),
        "limit": 10,
    }
    with Session(engine) as session:
        answers = []
        for vin in (sample.shared_vin, "JH4KA7561PC008269"):
            with pytest.raises(ProblemError) as info:
                list_records(
                    session, owner_id="owner-alice", vin=vin, data_class="vehicle_telemetry", cursor=None, **span
                )
            answers.append(info.value)
        assert answers[0] is answers[1] is NOT_FOUND_VEHICLE


def test_a_record_at_the_transfer_instant_belongs_to_the_new_owner(tmp_path: Path) -> None:
    engine = make_engine("sqlite://")
    sample = seed(engine, LocalFolderStore(tmp_path), days=2, per_day=1)
    with Session(engine) as session:
        at_transfer = session.scalars(
            select(Record).where(
                Record.vin == sample.sold_vin,
                Record.data_class == "vehicle_telemetry",
                Record.recorded_at == sample.transfer_at,
            )
        ).one()
        args = {"vin": sample.sold_vin, "data_class": "vehicle_telemetry", "record_id": at_transfer.id}
        record, subjects = get_record(session, owner_id="owner-bob", **args)
        assert record.id == at_transfer.id and subjects == {"owner-bob"}
        with pytest.raises(ProblemError) as info:
            get_record(session, owner_id="owner-alice", **args)
        assert info.value is NOT_FOUND_VEHICLE


def test_catalogue_covers_exactly_the_configured_data_classes() -> None:
    from components.config.models import DATA_CLASSES
    from portal.catalogue import CONSENT_CATEGORIES, DATA_CLASS_POLICIES

    assert set(DATA_CLASS_POLICIES) == set(DATA_CLASSES)
    # Data with other people's information is never served raw.
    assert all(p.served_form != "raw" for p in DATA_CLASS_POLICIES.values() if p.third_party_data)
    assert DATA_CLASS_POLICIES["camera_footage"].served_form == "anonymised"
    assert {c.name for c in CONSENT_CATEGORIES.values() if c.sensitive} == {
        "precise_location_history",
        "camera_footage_for_training",
    }


@pytest.mark.parametrize(
    ("jurisdiction", "data_class", "category"),
    [
        ("CN", "camera_footage", "important"),
        ("CN", "vehicle_telemetry", "important"),  # a fleet's telemetry is important data in CN
        ("DE", "vehicle_telemetry", "sensitive_personal"),
        ("CN", "owner_personal_data", "personal"),
    ],
)
def test_the_portals_category_is_the_data_protection_catalogues(
    jurisdiction: str, data_class: str, category: str
) -> None:
    from components.residency.data_protection import load_data_protection
    from portal.catalogue import category_of

    assert category_of(jurisdiction, data_class) == category
    assert category == load_data_protection().category_of(jurisdiction, data_class).id
