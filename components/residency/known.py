"""The ``known`` predicates the front doors hand the engine, and how their bucket answer survives a wrapper.

A front door proves a regionless name through ``known(text)``; for a bucket it asks :func:`knows_bucket`, which prefers
the predicate's own ``bucket`` answer (the provenance predicate's, for which another kind's names prove no bucket:
``PRODUCED_BY_OTHER``). Every wrapper around such a predicate (the stage-variables join, a union of two proofs) must
keep that answer, or a table's name would prove an S3 bucket behind it.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Either", "knows_bucket"]


def knows_bucket(known: Callable[[str], bool], key: str) -> bool:
    """``known``'s answer for a bucket (a ``bucket_key``): its ``bucket`` predicate where it has one (the provenance
    predicate, :class:`~components.residency.provenance._Known`, for which another kind's names prove no bucket:
    ``PRODUCED_BY_OTHER``), else ``known`` itself (a set of names the stack makes)."""
    bucket = getattr(known, "bucket", None)
    return bool(bucket(key)) if bucket is not None else known(key)


class Either:
    """What either predicate proves (the guard: a judgement's own ``known`` and what a value's producers made), each
    one's bucket answer kept (:func:`knows_bucket`)."""

    __slots__ = ("_first", "_second")

    def __init__(self, first: Callable[[str], bool], second: Callable[[str], bool]) -> None:
        self._first, self._second = first, second

    def __call__(self, text: str) -> bool:
        return self._first(text) or self._second(text)

    def bucket(self, key: str) -> bool:
        return knows_bucket(self._first, key) or knows_bucket(self._second, key)
