"""The Alibaba Cloud Function Compute 3.0 entry point of the record indexer (``python -m portal.fc_indexer``).

``components/alicloud/record_indexer.py`` runs the service's container image with this module as its
command and attaches an OSS trigger (``oss:ObjectCreated:*``) per data-class bucket. Function Compute
hands a custom container every event invocation as ``POST /invoke`` with the event as the body and
the common headers (``x-fc-request-id``), and reads success or failure from the status code and the
``x-fc-status`` header (200 succeeded, 404 failed): Function Compute, "Event handlers" of Custom
Container runtimes, https://www.alibabacloud.com/help/en/fc/user-guide/event-handlers-1 and "Code
development for Custom Container runtimes",
https://www.alibabacloud.com/help/en/functioncompute/fc/code-development-in-custom-container-runtimes

The event is the OSS trigger event (``portal.indexer.handle_oss_event``). Keys outside the layout,
classes the service does not read and forms it never serves are logged and skipped; an unreachable
store or database fails the invocation (404 + ``x-fc-status: 404``) so that Function Compute retries the
asynchronous invocation, which is safe because indexing is idempotent.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from portal.indexer import EventIndexer

__all__ = ["DEFAULT_PORT", "create_app", "main"]

DEFAULT_PORT = 9000
"""The container port the ``RecordIndexer`` component configures (``custom_container_config.port``)."""
_OK, _FAILED = 200, 404  # Function Compute's documented x-fc-status values
log = logging.getLogger("portal.indexer")


def create_app(indexer: Callable[[], EventIndexer]) -> Starlette:
    """An ASGI app serving only ``POST /invoke``; ``indexer`` is called once, at the first event."""
    built: list[EventIndexer] = []

    async def invoke(request: Request) -> JSONResponse:
        request_id = request.headers.get("x-fc-request-id", "")
        try:
            event = json.loads(await request.body())
        except ValueError:
            event = None
        if not isinstance(event, dict):
            # Not an OSS trigger event: nothing to retry, so it is reported and dropped, not failed.
            log.warning("indexer %s: the event is not a JSON object; ignored", request_id)
            return _answer({"indexed": 0, "skipped": 0, "ignored": True}, _OK)
        try:
            if not built:
                built.append(indexer())
            added, skipped = built[0].oss(event)
        except Exception:
            log.exception("indexer %s: failed; Function Compute retries the event", request_id)
            return _answer({"error": "indexing failed", "requestId": request_id}, _FAILED)
        log.info("indexer %s: %d new records, %d keys skipped", request_id, added, len(skipped))
        return _answer({"indexed": added, "skipped": len(skipped)}, _OK)

    return Starlette(routes=[Route("/invoke", invoke, methods=["POST"])])


def _answer(body: dict[str, object], status: int) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"x-fc-status": str(status)})


def main() -> int:
    """Serve the event endpoint on all interfaces of the function's container, at ``DEFAULT_PORT``."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, stream=sys.stdout)
    # Function Compute forwards events to the container port the function declares (the component's 9000).
    uvicorn.run(create_app(EventIndexer.from_env), host="0.0.0.0", port=DEFAULT_PORT, log_level="info")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
