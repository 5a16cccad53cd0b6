"""Picking a region's zones for subnets, with a config error (not a crash) when there are too few.

Which zones a region offers (for an instance type, a disk category) is known only when the cloud
answers (``get_availability_zones`` / ``get_instance_type_offerings`` / ``get_zones``); the
catalogue does not record zone counts. A ``zones:`` setting larger than that is the stack file's
mistake, so it is reported as a ``ConfigError`` naming the file and key, the same way the plan
and ``pulumi up`` report every other bad setting.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi

from components.config.stack_file import stack_file_path
from components.errors import ConfigError
from components.residency.catalogue import Cloud

__all__ = ["ZoneConfigError", "enough_zones", "nth_zone"]


def _stack_file() -> str:
    try:
        return stack_file_path(pulumi.get_stack())
    except Exception:  # outside a Pulumi program (unit use): the key alone still says where
        return "stacks/Pulumi.<stack>.yaml"


class ZoneConfigError(pulumi.RunError, ConfigError):
    """A ``zones`` setting the region cannot satisfy: a ``ConfigError`` that is also a ``RunError``.

    It is raised inside an apply, after ``__main__``'s own handler: as a RunError, ``pulumi up``
    prints just the message (no traceback); as a ConfigError, the plan reports it as a config error.
    """

    def __init__(self, cloud: Cloud, problem: str, fix: str) -> None:
        ConfigError.__init__(self, _stack_file(), f"sovereign-dc:datacenter.compute.{cloud}.zones", problem, fix)


def enough_zones(cloud: Cloud, wanted: int, zones: Sequence[str], offered: str, how_to_check: str) -> list[str]:
    """``zones`` when there are at least ``wanted``; a config error naming ``zones`` otherwise.

    ``offered`` says what the zones offer (e.g. ``m6i.large``), ``how_to_check`` how an operator
    lists the zones that offer it.
    """
    if len(zones) >= wanted:
        return list(zones)
    raise ZoneConfigError(
        cloud,
        f"{offered} is offered in {len(zones)} zone(s) of this region ({', '.join(zones) or 'none'}) "
        f"but `zones` asks for {wanted}",
        f"set `zones` to at most {len(zones)}, or choose an instance type offered in more zones ({how_to_check})"
        if len(zones) >= 2
        else f"choose an instance type offered in at least two zones of this region ({how_to_check})",
    )


def nth_zone(cloud: Cloud, wanted: int, index: int, zones: Sequence[str]) -> str:
    """The ``index``-th of ``zones``; a config error when the region offers fewer than ``wanted``."""
    if index < len(zones):
        return zones[index]
    raise ZoneConfigError(
        cloud,
        f"the region offers {len(zones)} zone(s) for these resources but `zones` asks for {wanted}",
        f"set `zones` to at most {len(zones)}" if len(zones) >= 2 else "choose a region with at least two zones",
    )
