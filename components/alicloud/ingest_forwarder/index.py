"""Function Compute handler: store one vehicle message forwarded by an IoT Platform rule in OSS.

IoT Platform rule actions cannot write to OSS (their targets are topics, AMQP, DataHub, RocketMQ,
MNS, Function Compute and Tablestore), so the rule hands each message to this function, which
writes it to ``<KEY_PREFIX>/<VIN>/<YYYY-MM-DD>/<uuid>.json`` in the data-class bucket over the
region's internal OSS endpoint. The bucket's default SSE-KMS encrypts it with the class key.
``oss2`` ships with the Function Compute Python runtimes; credentials are the function role's.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import uuid
from typing import Any

# The FC runtime is Python 3.10: datetime.UTC (3.11) does not exist there.
_UTC = datetime.timezone.utc  # noqa: UP017
_VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
VIN_FIELD = "__vin"


def object_key(prefix: str, vin: str, now: datetime.datetime, name: str) -> str:
    """``<prefix>/<VIN>/<UTC day>/<name>.json``; refuses a VIN that is not 17 VIN characters."""
    if not _VIN.fullmatch(vin):
        raise ValueError(f"not a VIN: {vin!r}")
    return f"{prefix}/{vin}/{now.astimezone(_UTC):%Y-%m-%d}/{name}.json"


def handler(event: bytes, context: Any) -> str:
    """Store the forwarded message; returns its object key."""
    import oss2  # present in the FC runtime, not needed to import this module (tests)

    message = json.loads(event)
    vin = str(message.pop(VIN_FIELD, ""))
    key = object_key(os.environ["KEY_PREFIX"], vin, datetime.datetime.now(_UTC), str(uuid.uuid4()))
    creds = context.credentials
    auth = oss2.StsAuth(creds.access_key_id, creds.access_key_secret, creds.security_token)
    bucket = oss2.Bucket(auth, f"https://{os.environ['OSS_ENDPOINT']}", os.environ["BUCKET"])
    bucket.put_object(key, json.dumps(message, separators=(",", ":")).encode())
    return key
