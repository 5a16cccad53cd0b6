"""The AWS Lambda entry points of the owner data service.

* ``portal.aws_lambda.handler``: ``components/aws/portal.py`` deploys the service as a function behind
  a regional REST API; API Gateway invokes it with proxy events, which Mangum turns into ASGI requests
  for the FastAPI app.
* ``portal.aws_lambda.index_handler``: ``components/aws/record_indexer.py`` subscribes it to the
  data-class buckets' ``s3:ObjectCreated:*`` notifications; it adds the new objects to the record index
  (``portal.indexer.handle_s3_event``).

Both build what they need once per execution environment, at the first invocation, from the function's
environment (``Settings.from_env``: the database credentials come from the RDS-managed secret,
``portal/deployed.py``).
"""

from __future__ import annotations

import logging
from typing import Any

from mangum import Mangum

__all__ = ["handler", "index_handler"]

_adapter: Mangum | None = None
_indexer: Any = None
log = logging.getLogger("portal.indexer")


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


def index_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    """Lambda handler: an S3 event notification in, the record index updated.

    Keys outside the layout, classes the service does not read and forms it never serves are logged and
    skipped; an unreachable store or database raises, so Lambda retries the (asynchronous) invocation,
    which is safe because indexing is idempotent."""
    global _indexer  # noqa: PLW0603 - one indexer per execution environment, reused across invocations
    if _indexer is None:
        from portal.indexer import EventIndexer

        _indexer = EventIndexer.from_env()
    added, skipped = _indexer.s3(event)
    log.info("indexer: %d new records, %d keys skipped", added, len(skipped))
    return {"indexed": added, "skipped": len(skipped)}
