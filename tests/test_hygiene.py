"""Library hygiene that an upgrade or a packaging change could silently break."""

from __future__ import annotations

import tomllib
import warnings
from pathlib import Path

import pytest

import components


def test_the_package_ships_its_type_information() -> None:
    assert (Path(components.__file__).parent / "py.typed").is_file()
    # The marker is data, not a module: only package-data puts it in the wheel (PEP 561).
    pyproject = tomllib.loads((Path(components.__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"]["components"]


@pytest.mark.parametrize(
    "message",
    [
        "Field 'name' has been deprecated from provider version 1.2.3.",  # a deprecated argument we pass
        "acl is deprecated. Use the s3.BucketAcl resource instead.",
        "pulumi.runtime.something is deprecated",
    ],
)
def test_deprecations_fail_the_tests(message: str) -> None:
    # pyproject's filterwarnings turns deprecations into errors; only the provider SDKs' import-time
    # announcements of deprecated resource modules (used or not) are let through.
    with pytest.raises(DeprecationWarning, match="deprecated"):
        warnings.warn(message, DeprecationWarning, stacklevel=1)


def test_every_toolkit_error_derives_from_the_root_and_is_in_the_documented_tree() -> None:
    import importlib
    import pkgutil

    import portal
    from components import errors

    found: set[type[BaseException]] = set()
    for package in (components, portal):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, Exception)
                    and value.__module__ == info.name
                    and value.__name__.endswith(("Error", "Problem", "Problems", "Violation"))
                    and not value.__name__.startswith("_")
                ):
                    found.add(value)
    assert found, "the walk must find the toolkit's errors"
    outside = sorted(e.__name__ for e in found if not issubclass(e, errors.SovereignError))
    # The portal's HTTP problems are answers to a client (RFC 9457), not toolkit refusals.
    assert outside == ["ProblemError", "TokenError"]
    tree = errors.__doc__ or ""
    missing = sorted(e.__name__ for e in found if issubclass(e, errors.SovereignError) and e.__name__ not in tree)
    assert missing == [], "add them to the tree in components/errors.py"
