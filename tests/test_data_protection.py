"""The data-protection catalogue: categories per data class and jurisdiction, transfer bases."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.config.models import DATA_CLASSES
from components.errors import CatalogueError
from components.residency import load_catalogue
from components.residency.data_protection import CATEGORIES, load_data_protection

PROTECTION = load_data_protection()


def test_every_shipped_data_class_has_a_default_category() -> None:
    for data_class in DATA_CLASSES:
        assert PROTECTION.category_of("US", data_class).id in CATEGORIES


@pytest.mark.parametrize(
    ("jurisdiction", "data_class", "expected"),
    [
        # Automotive provisions art. 3: exterior footage with faces/plates, large-scale location data.
        ("CN", "camera_footage", "important"),
        ("CN", "vehicle_telemetry", "important"),
        ("EU", "vehicle_telemetry", "sensitive_personal"),
        ("cn", "owner_personal_data", "personal"),
        ("JP", "vehicle_diagnostics", "personal"),
    ],
)
def test_default_category_per_jurisdiction(jurisdiction: str, data_class: str, expected: str) -> None:
    assert PROTECTION.category_of(jurisdiction, data_class).id == expected


def test_stack_file_override_wins() -> None:
    assert PROTECTION.category_of("CN", "camera_footage", "anonymised").id == "anonymised"


def test_unknown_data_class_names_the_fix() -> None:
    with pytest.raises(CatalogueError, match=r"'cabin_audio' has no default category.*Fix: set data_classes"):
        PROTECTION.category_of("CN", "cabin_audio")


def test_only_a_cac_security_assessment_covers_important_data_in_cn() -> None:
    bases = PROTECTION.transfer_bases("CN")
    assert [b for b in bases if PROTECTION.basis_covers("CN", b, "important")] == ["cac-security-assessment"]
    assert PROTECTION.basis_covers("CN", "standard-contract", "personal")


def test_eu_member_states_share_the_gdpr_bases() -> None:
    assert (
        set(PROTECTION.transfer_bases("DE"))
        == set(PROTECTION.transfer_bases("EU"))
        == {"adequacy", "scc", "bcr", "art49"}
    )
    assert not PROTECTION.basis_covers("EU", "cac-security-assessment", "personal")


def test_bases_are_listed_only_for_catalogued_jurisdictions() -> None:
    codes = set(load_catalogue().jurisdictions)
    assert set(PROTECTION.bases) - {"default"} <= codes


def test_every_category_and_basis_cites_a_source() -> None:
    assert all(spec.sources for spec in PROTECTION.categories.values())
    assert all(b.sources for bases in PROTECTION.bases.values() for b in bases.values())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list\n", r"expected a mapping"),
        ("version: '1'\ncategories: {}\ndata_classes: {}\ntransfer_bases: {default: {}}\n", r"categories missing"),
        ("version: '1'\ncategories: [: bad\n", r"not valid YAML"),
    ],
)
def test_a_broken_catalogue_is_one_line_with_a_fix(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "data_protection.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=message) as info:
        load_data_protection(path)
    assert "\n" not in str(info.value) and "Fix:" in str(info.value)
