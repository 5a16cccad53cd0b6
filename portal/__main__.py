"""``python -m portal``: serve the owner data service with settings from the environment.

Production runs behind the regional API endpoint and WAF that ``OwnerDataPortal`` provisions; this
entry point binds ``PORTAL_HOST`` (default 127.0.0.1) and ``PORTAL_PORT`` (default 8080).
Bad settings exit with status 2 and one message per problem, never a traceback.
"""

from __future__ import annotations

import os
import sys

from portal.settings import PortalConfigError, Settings


def app_from_env() -> object:
    """ASGI factory (``uvicorn --factory portal.__main__:app_from_env``)."""
    from portal.api import create_app

    return create_app(Settings.from_env())


def main() -> int:
    import uvicorn

    try:
        settings = Settings.from_env()
    except PortalConfigError as exc:
        print(f"portal: {exc}", file=sys.stderr)
        return 2
    from portal.api import create_app

    port = os.environ.get("PORTAL_PORT", "8080")
    if not port.isdigit():
        print(f"portal: PORTAL_PORT={port!r} is not a port number. Fix: set it to 1-65535.", file=sys.stderr)
        return 2
    uvicorn.run(
        create_app(settings), host=os.environ.get("PORTAL_HOST", "127.0.0.1"), port=int(port), proxy_headers=True
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
