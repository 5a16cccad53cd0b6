"""Library hygiene that an upgrade or a packaging change could silently break."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import components


def test_the_package_ships_its_type_information() -> None:
    assert (Path(components.__file__).parent / "py.typed").is_file()


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
