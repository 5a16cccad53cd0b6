"""Script edits, round 2 (stop 46, issue 9, scripts46).

Reproduced on the unchanged engine (main at 38be454): each offending program passed every front door (EC2 shell user
data in EU, US, JP and CN). A Fluent Bit file (or resolv.conf) written by the commands stop 45 left open:

- ``perl -pe 's/__COLLECTOR__/HOST/g' TEMPLATE > FILE`` (perl without ``-i``, its output redirected; perlrun ``-p``),
  ``perl -0777 -pe ...`` (the whole file one record) and ``perl -ne 's/.../HOST/; print'`` (``-n``): a partner's host
  is RES-015; the stack's internal NLB passes.
- ``tr _ . < TEMPLATE > FILE`` of a template whose Host is written with underscores (``logs_partner-analytics_com``):
  the translated host is a partner's (RES-015); a private address so written (``10_0_3_7``) passes.
- ``dd if=TEMPLATE of=FILE`` of a template with a ``datadog`` output (its default host abroad: RES-016 until
  declared); the ``http`` output to the NLB passes.
- ``echo "nameserver ..." | sudo dd of=/etc/resolv.conf``: a public resolver abroad is RES-015, the VPC's resolver
  (10.0.0.2) passes.
- A variable assigned another's value, three levels (``PRIMARY_DB=HOST``, ``DB_TARGET=$PRIMARY_DB``,
  ``DB="${DB_TARGET}"``, ``export DB_HOST=$DB``; ``COLLECTOR=HOST`` ... ``curl https://$ENDPOINT/ingest``): a
  partner's host is RES-015; a private address and the stack's NLB pass.

tests/test_realistic_programs.py runs them as CASES (``scripts46-*``).
"""

from __future__ import annotations

from typing import Any

from platform_parts import FLUENT_BIT_CONF as FB
from platform_parts import PARTNER_COLLECTOR, Build, Row, collector_instance, fluent_bit_file

CODES = ("EU", "US", "JP", "CN")
TEMPLATE = "/opt/fleet/collector.tpl"  # no log router reads this path: only what lands in FB is its configuration

# (shape, variant) -> expected rule ids (the same in every jurisdiction).
SHAPES: dict[tuple[str, str], set[str]] = {
    ("perl-pe-redirect", "partner"): {"RES-015"},
    ("perl-pe-redirect", "own-nlb"): set(),
    ("perl-slurp", "partner"): {"RES-015"},
    ("perl-slurp", "own-nlb"): set(),
    ("perl-ne-print", "partner"): {"RES-015"},
    ("perl-ne-print", "own-nlb"): set(),
    ("tr-underscores", "partner"): {"RES-015"},
    ("tr-underscores", "private"): set(),
    ("dd-copy", "datadog"): {"RES-016"},
    ("dd-copy", "http"): set(),
    ("dd-resolv", "public-abroad"): {"RES-015"},
    ("dd-resolv", "vpc"): set(),
    ("var-chain-host", "partner"): {"RES-015"},
    ("var-chain-host", "private"): set(),
    ("var-chain-url", "partner"): {"RES-015"},
    ("var-chain-url", "own-nlb"): set(),
}


def script(shape: str, variant: str, nlb: str) -> str:
    """EC2 user data: install Fluent Bit, write its file the shape's way, start it."""
    head = "#!/bin/bash\nset -euo pipefail\nyum install -y fluent-bit\nmkdir -p /etc/fluent-bit /opt/fleet\n"
    tail = "systemctl enable --now fluent-bit\n"
    if shape == "var-chain-host":
        # the app's env file: DB_HOST from a variable set from another, set from the literal (three levels)
        host = "db.partner-analytics.com" if variant == "partner" else "10.0.3.7"
        return (
            f'#!/bin/bash\nset -euo pipefail\nPRIMARY_DB={host}\nDB_TARGET=$PRIMARY_DB\nDB="${{DB_TARGET}}"\n'
            'echo "DB_HOST=$DB" >> /etc/fleet/app.env\nexport DB_HOST=$DB\nsystemctl restart fleet-app\n'
        )
    if shape == "var-chain-url":
        host = PARTNER_COLLECTOR if variant == "partner" else nlb
        return (
            f"#!/bin/bash\nset -euo pipefail\nCOLLECTOR={host}\nTARGET=$COLLECTOR\nENDPOINT=$TARGET\n"
            'curl -fsS -X POST "https://$ENDPOINT/ingest" -d @/var/log/fleet/boot.json\n'
        )
    if shape == "dd-resolv":
        resolver = "8.8.8.8" if variant == "public-abroad" else "10.0.0.2"
        return f"#!/bin/bash\necho 'nameserver {resolver}' | sudo dd of=/etc/resolv.conf status=none\n"
    if shape == "dd-copy":
        params = {"apikey": "${DD_API_KEY}", "dd_service": "fleet"} if variant == "datadog" else {
            "Host": nlb, "Port": "8443", "URI": "/ingest"}  # fmt: skip
        template = fluent_bit_file(variant, params)
        return f"{head}cat > {TEMPLATE} <<'EOF'\n{template}EOF\ndd if={TEMPLATE} of={FB} status=none\n{tail}"
    if shape == "tr-underscores":
        host = PARTNER_COLLECTOR.replace(".", "_") if variant == "partner" else "10_0_3_7"
        template = fluent_bit_file("http", {"Host": host, "Port": "443", "URI": "/ingest"})
        return f"{head}cat > {TEMPLATE} <<'EOF'\n{template}EOF\ntr _ . < {TEMPLATE} > {FB}\n{tail}"
    host = PARTNER_COLLECTOR if variant == "partner" else nlb
    template = fluent_bit_file("http", {"Host": "__COLLECTOR__", "Port": "443", "URI": "/ingest", "tls": "on"})
    write = f"cat > {TEMPLATE} <<'EOF'\n{template}EOF\n"
    if shape == "perl-pe-redirect":
        return f"{head}{write}perl -pe 's/__COLLECTOR__/{host}/g' {TEMPLATE} > {FB}\n{tail}"
    if shape == "perl-slurp":
        return f"{head}{write}perl -0777 -pe 's/__COLLECTOR__/{host}/' {TEMPLATE} > {FB}\n{tail}"
    return f"{head}{write}perl -ne 's/__COLLECTOR__/{host}/; print' < {TEMPLATE} > {FB}\n{tail}"


def program(shape: str, variant: str) -> Build:
    return collector_instance(lambda nlb: script(shape, variant, nlb))


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    none: list[dict[str, Any]] = []  # nothing declared: every refusal stands
    return [
        (f"scripts46-{code.lower()}-{shape}-{variant}", code, program(shape, variant), set(ids), none)
        for code in CODES
        for (shape, variant), ids in SHAPES.items()
    ]
