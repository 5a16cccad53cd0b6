"""The join of a Pulumi StackSet / stack group to the stack instances the program makes of it (stackinst50, stop 50).

A StackSet's template runs in every stack instance, each with its ``parameter_overrides`` over the StackSet's own
``parameters`` ("Key-value map of input parameters to override from the StackSet for this Instance",
https://www.pulumi.com/registry/packages/aws/api-docs/cloudformation/stacksetinstance/; ROS's stack instances the same,
CreateStackInstances ``ParameterOverrides``). Until stop 50 an instance's overrides were classified by parameter name
only: a neutral-named ``{"Where": "us-east-1"}`` that the template uses as a replica Region passed, and a foreign
Default that every instance overrides at home was refused at the StackSet.

The engine judges the StackSet's template once per instance of the program naming it (at the StackSet, whose template
it is), with the overrides the front door hands it through its ``known`` predicate (:func:`with_instances`; read by
:func:`~components.residency.known.instance_overrides`). Each front door builds one :class:`StackSetJoin` of the whole
stack and keys the StackSets and instances as it can see them, as the stage-variables join keys an API
(:mod:`components.residency.stages`):

- a StackSet by its own keys (the reviews and the pack: its URN; the guard: its resource) and its literal name input
  (``("name", <type>, <name>)``, catalogue ``stack_set_instances`` ``names``);
- an instance by what its name input is computed from (the reviews and the pack: the URN of that property dependency;
  the guard: the StackSet resource whose own Output it is), else its literal name.

A StackSet no instance of the program names is read with its own values and Defaults (fail closed, as before); an
instance naming a StackSet the program does not make is not joined (its overrides stay judged by name and form).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

from components.residency.endpoints import StackSetInstances, load_endpoints
from components.residency.engine import prop_of
from components.residency.known import knows_bucket, read_as_host

_T = TypeVar("_T")

__all__ = [
    "StackSetJoin",
    "instance_entry",
    "instance_types",
    "literal_key",
    "name_dependencies",
    "stack_set_key",
    "stack_set_types",
    "urn_key",
    "with_instances",
]


@functools.cache
def _entries() -> dict[str, StackSetInstances]:
    return {e.type: e for e in load_endpoints().stack_set_instances}


def instance_entry(type_: str) -> StackSetInstances | None:
    """The catalogue entry of an instance type (``stack_set_instances``); None for any other type."""
    return _entries().get(type_)


@functools.cache
def instance_types() -> frozenset[str]:
    """The Pulumi types making stack instances of a StackSet / stack group."""
    return frozenset(_entries())


@functools.cache
def stack_set_types() -> frozenset[str]:
    """The Pulumi StackSet / stack group types whose template the join reads with their instances' overrides."""
    return frozenset(e.stack_set for e in _entries().values())


def literal_key(stack_set_type: str, name: Any) -> Hashable:
    """How a literal name names a StackSet of ``stack_set_type`` (None for a name that is no literal text)."""
    return ("name", stack_set_type, name) if isinstance(name, str) and name else None


def name_dependencies(type_: str, dependencies: Mapping[str, Iterable[_T]] | None) -> list[_T]:
    """What an instance's name input is computed from (its property dependencies under the input's snake_case or
    camelCase key); empty for any other type."""
    entry = instance_entry(type_)
    if entry is None or not dependencies:
        return []
    return list(prop_of(dependencies, entry.name) or ())


def urn_key(urn: str) -> Hashable:
    """How the reviews and the pack key a StackSet of the document (its own key) and an instance computed from it."""
    return ("urn", urn)


def stack_set_key(type_: str, named_by: Iterable[tuple[str | None, str]]) -> Hashable:
    """The StackSet a stack instance of ``type_`` names by what its name input is computed from, as the reviews and the
    pack key it (:func:`urn_key`): the first of ``named_by`` (the type and URN of each resource of the stack it is
    computed from, :func:`name_dependencies`) that is a StackSet of the type its entry names; None when none is (its
    literal name then names it)."""
    entry = instance_entry(type_)
    if entry is None:
        return None
    return next((urn_key(urn) for made, urn in named_by if made == entry.stack_set), None)


class StackSetJoin:
    """The StackSets and stack groups of a stack and the stack instances naming them (see the module)."""

    def __init__(
        self, unknown: Callable[[Any], bool] = lambda _: False, reveal: Callable[[Any], Any] = lambda value: value
    ) -> None:
        """``unknown``: how the front door marks a value decided at deployment (a preview's unknown): an instance's
        literal name so is no literal. ``reveal``: an instance's overrides as their plain value (the reviews' documents
        wrap a secret input: pulumi-alicloud marks a ROS instance's ``parameter_overrides`` secret)."""
        self._unknown, self._reveal = unknown, reveal
        self._instances: dict[Hashable, list[Any]] = {}

    def add_instance(self, type_: str, props: Mapping[str, Any], key: Hashable) -> None:
        """An instance of the program, naming its StackSet by ``key`` (the front door's key of what its name input is
        computed from), else by its literal name; one whose StackSet cannot be told joins none."""
        entry = instance_entry(type_)
        if entry is None:
            return
        if key is None:
            name = prop_of(props, entry.name)
            key = None if self._unknown(name) else literal_key(entry.stack_set, name)
        if key is not None:
            self._instances.setdefault(key, []).append(self._reveal(prop_of(props, entry.overrides)))

    def overrides(self, type_: str, props: Mapping[str, Any], own: Iterable[Hashable]) -> list[Any] | None:
        """The ``parameter_overrides`` (as given; None where an instance overrides nothing) of every instance of the
        program naming the StackSet of ``type_`` whose own keys are ``own`` or whose literal name input it names; None
        when no instance names it (the StackSet is then read with its own values and Defaults)."""
        if type_ not in stack_set_types():
            return None
        keys = set(own)
        for entry in _entries().values():
            if entry.stack_set == type_:
                names = (prop_of(props, n) for n in entry.names)
                keys.update(k for n in names if not self._unknown(n) and (k := literal_key(type_, n)) is not None)
        found = [o for key in keys for o in self._instances.get(key, ())]
        return found or None


def with_instances(known: Callable[[str], bool], overrides: list[Any] | None) -> Callable[[str], bool]:
    """``known`` carrying the overrides of a StackSet's instances (:meth:`StackSetJoin.overrides`); ``known`` itself
    when there are none. Its bucket answer and host templates are ``known``'s."""
    return known if overrides is None else _WithInstances(known, overrides)


class _WithInstances:
    __slots__ = ("_known", "stack_instances")

    def __init__(self, known: Callable[[str], bool], overrides: list[Any]) -> None:
        self._known = known
        self.stack_instances = overrides
        """Read by :func:`~components.residency.known.instance_overrides`."""

    def __call__(self, text: str) -> bool:
        return self._known(text)

    def bucket(self, key: str) -> bool:
        return knows_bucket(self._known, key)

    def host_templates(self, name: str) -> frozenset[str]:
        return read_as_host(self._known, name)
