"""Packages say what they are: the mock runtime, the test kit and the shipped library stay apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import components.simulate
import components.testing

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _library(*exclude: str) -> list[Path]:
    return [
        p
        for p in sorted((ROOT / "components").rglob("*.py"))
        if not any(p.relative_to(ROOT).as_posix().startswith(e) for e in exclude)
    ]


@pytest.mark.parametrize("name", components.testing.__all__)
def test_the_test_kit_re_exports_the_mock_runtime(name: str) -> None:
    assert getattr(components.testing, name) is getattr(components.simulate, name)


def test_the_test_kit_exports_every_public_name_of_the_mock_runtime() -> None:
    assert sorted(components.testing.__all__) == sorted(components.simulate.__all__)


def test_only_the_test_kit_imports_pytest_or_the_test_kit() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {module}"
        for p in _library("components/testing/")
        for module in _imports(p)
        if module.split(".")[0] == "pytest" or module.startswith("components.testing")
    ]
    assert not offenders, "the library runs on components.simulate, not the test kit:\n" + "\n".join(offenders)


def test_components_do_not_import_config_validation() -> None:
    # Components take validated settings (the pydantic models); validation and loading
    # (components/config) may use components, not the other way round. Shared facts live in neutral
    # modules (components/network.py). The front doors that validate input (plan, deploy) may.
    validation = ("components.config.checks", "components.config.loader", "components.config.friendly")
    offenders = [
        f"{p.relative_to(ROOT)}: {module}"
        for p in _library("components/config/", "components/plan/", "components/deploy/")
        for module in _imports(p)
        if module == "components.config" or module.startswith(validation)
    ]
    assert not offenders, "\n".join(offenders)


def test_no_test_double_ships_in_the_library() -> None:
    doubles = [p.relative_to(ROOT).as_posix() for p in _library() if p.stem in ("recording", "fakes", "doubles")]
    assert not doubles, f"test doubles belong in tests/: {doubles}"
