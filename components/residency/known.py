"""The ``known`` predicates the front doors hand the engine, and how their bucket answer survives a wrapper.

A front door proves a regionless name through ``known(text)``; for a bucket it asks :func:`knows_bucket`, which prefers
the predicate's own ``bucket`` answer (the provenance predicate's, for which another kind's names prove no bucket:
``PRODUCED_BY_OTHER``). Every wrapper around such a predicate (the stage-variables join, a union of two proofs) must
keep that answer, or a table's name would prove an S3 bucket behind it. So must it keep the stage-variables join's
host templates (:func:`read_as_host`), or a REST Stage's value an Integration reads as its host would go unjudged in the
guard's second look (by the value's producers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Either", "instance_overrides", "knows_bucket", "read_as_host"]


def knows_bucket(known: Callable[[str], bool], key: str) -> bool:
    """``known``'s answer for a bucket (a ``bucket_key``): its ``bucket`` predicate where it has one (the provenance
    predicate, :class:`~components.residency.provenance._Known`, for which another kind's names prove no bucket:
    ``PRODUCED_BY_OTHER``), else ``known`` itself (a set of names the stack makes)."""
    bucket = getattr(known, "bucket", None)
    return bool(bucket(key)) if bucket is not None else known(key)


def read_as_host(known: Callable[[str], bool], name: str) -> frozenset[str]:
    """The URL templates an API Gateway Stage's variable ``name`` is read as a host in (the stage-variables join's
    ``host_templates``, :mod:`components.residency.stages`); empty for a predicate without the join."""
    templates = getattr(known, "host_templates", None)
    return frozenset(templates(name)) if templates is not None else frozenset()


def instance_overrides(known: Callable[[str], bool] | None) -> list[Any] | None:
    """(stackinst50) The ``parameter_overrides`` of the stack instances of the program naming the StackSet being judged
    (:func:`components.residency.stacksets.with_instances`), one entry per instance; None for a predicate without
    them (no instance of the program names the StackSet, or the front door does not join)."""
    found = getattr(known, "stack_instances", None)
    return list(found) if found is not None else None


class Either:
    """What either predicate proves (the guard: a judgement's own ``known`` and what a value's producers made), each
    one's bucket answer (:func:`knows_bucket`) and host templates (:func:`read_as_host`) kept."""

    __slots__ = ("_first", "_second")

    def __init__(self, first: Callable[[str], bool], second: Callable[[str], bool]) -> None:
        self._first, self._second = first, second

    def __call__(self, text: str) -> bool:
        return self._first(text) or self._second(text)

    def bucket(self, key: str) -> bool:
        return knows_bucket(self._first, key) or knows_bucket(self._second, key)

    def host_templates(self, name: str) -> frozenset[str]:
        return read_as_host(self._first, name) | read_as_host(self._second, name)
