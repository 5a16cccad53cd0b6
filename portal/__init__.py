"""The owner data service: car owners see, export and control the data their vehicles produced.

An ASGI application (FastAPI) that ships with the toolkit and is deployed in-country by the
``OwnerDataPortal`` component. Owners authenticate with OIDC bearer tokens from the carmaker's
in-country identity provider; they see only the vehicles bound to them and only for their ownership
periods; every access is written to an append-only log before any data leaves the service.
See docs/portal.md.
"""

from __future__ import annotations

__all__ = ["FORMAT_VERSION", "create_app"]

FORMAT_VERSION = "1.0"
"""Version of the export and record formats; bumped on any incompatible change."""


def create_app(*args: object, **kwargs: object) -> object:
    """Build the ASGI application (imported lazily so ``import portal`` stays cheap)."""
    from portal.api import create_app as _create_app

    return _create_app(*args, **kwargs)  # type: ignore[arg-type]
