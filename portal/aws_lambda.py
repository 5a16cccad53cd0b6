"""The AWS Lambda entry point of the owner data service (``portal.aws_lambda.handler``).

``components/aws/portal.py`` deploys the service as a function behind a regional REST API; API
Gateway invokes it with proxy events, which Mangum turns into ASGI requests for the FastAPI app.
The app is built once per execution environment, at the first request, from the function's
environment (``Settings.from_env``: the database credentials come from the RDS-managed secret).
"""

from __future__ import annotations

from typing import Any

from mangum import Mangum

__all__ = ["handler"]

_adapter: Mangum | None = None


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda handler: API Gateway REST proxy event in, proxy response out."""
    global _adapter  # noqa: PLW0603 - one app per execution environment, reused across invocations
    if _adapter is None:
        from portal.api import create_app
        from portal.settings import Settings

        # lifespan "off": the schema is migrated when the app is built (portal/migrate.py); Lambda has no shutdown hook.
        _adapter = Mangum(create_app(Settings.from_env()), lifespan="off")
    response: dict[str, Any] = _adapter(event, context)
    return response
