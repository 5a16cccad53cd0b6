"""Picking a region's zones for subnets, with a config error (not a crash) when there are too few.

How many zones a region offers is known only when the cloud answers (``get_availability_zones`` /
``get_zones``); the catalogue does not record zone counts. A ``zones:`` setting larger than that
is the stack file's mistake, so it is reported as a ``ConfigError`` naming the key, the same way
the plan and ``pulumi up`` report every other bad setting.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi

from components.errors import ConfigError

__all__ = ["nth_zone"]


def nth_zone(cloud: str, wanted: int, index: int, zones: Sequence[str]) -> str:
    """The ``index``-th of ``zones``; ``ConfigError`` when the region offers fewer than ``wanted``."""
    if index < len(zones):
        return zones[index]
    try:
        stack = pulumi.get_stack()
    except Exception:  # outside a Pulumi program (unit use): name the key only
        stack = "<stack>"
    raise ConfigError(
        f"stacks/Pulumi.{stack}.yaml",
        f"sovereign-dc:datacenter.compute.{cloud}.zones",
        f"the region offers {len(zones)} zone(s) for these resources but `zones` asks for {wanted}",
        f"set `zones` to at most {len(zones)}" if len(zones) >= 2 else "choose a region with at least two zones",
    )
