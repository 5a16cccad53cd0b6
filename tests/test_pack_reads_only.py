"""The policy pack's policies only read what pulumi-policy hands them (issue 13, stop 40).

Since stop 40 every policy of one request receives the same ``props`` proxy, provider and options
(``share_policy_arguments`` in components/_compat.py): a policy that wrote into them would change what the next
policy judges. These tests run the pack with read-only arguments (every dict and list behind the proxies, the
proxies themselves, the provider and the options refuse any write, and the attempt is recorded even where the
pack's own ``except Exception`` turns it into a refusal), over a spread sample of the realistic table's programs
(the final state and a first preview, as ``test_realistic_programs.py`` feeds the pack), so a policy that starts
writing fails here, naming what it wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import pytest
import test_realistic_programs as table
from engine_documents import FirstPreviewMocks
from pulumi_policy import EnforcementLevel, ResourceValidationPolicy, proxy
from pulumi_policy import policy as pulumi_policy_module
from test_policy_support import Pack, Res, aws_provider, servicer

from components import _compat
from components.residency import audit_session
from components.testing import run_pulumi_program


class WriteRefused(AssertionError):
    """A policy tried to change an argument every policy of the request shares."""


_WRITES: list[str] = []


def _refuse(what: str) -> NoReturn:
    _WRITES.append(what)
    raise WriteRefused(f"a policy wrote into its arguments: {what}")


class _FrozenDict(dict[str, Any]):
    """A dict (``plain()``, ``repr`` and ``isinstance`` see a dict) that refuses every write."""

    def _write(self, *_args: Any, **_kwargs: Any) -> NoReturn:
        _refuse(f"dict {sorted(self)!r}")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _write


class _FrozenList(list[Any]):
    """A list that refuses every write."""

    def _write(self, *_args: Any, **_kwargs: Any) -> NoReturn:
        _refuse(f"list of {len(self)}")

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _write
    append = extend = insert = pop = remove = clear = sort = reverse = _write


def _frozen_proxy_helper(to_proxy: Any, props_acc: list[str]) -> Any:
    """pulumi-policy's ``_proxy_helper`` (pulumi_policy/proxy.py, 1.21.0), building read-only targets."""
    if isinstance(to_proxy, list):
        items = [_frozen_proxy_helper(e, [*props_acc, str(i)]) for i, e in enumerate(to_proxy)]
        return proxy._ListProxy(_FrozenList(items), props_acc)
    if isinstance(to_proxy, dict):
        values = {k: _frozen_proxy_helper(v, [*props_acc, str(k)]) for k, v in to_proxy.items()}
        return proxy._DictProxy(_FrozenDict(values), props_acc)
    return to_proxy


def _frozen(cls: Any) -> type:
    """``cls`` whose instances refuse attribute writes once built."""
    built = cls.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        object.__setattr__(self, "_built", False)
        built(self, *args, **kwargs)
        object.__setattr__(self, "_built", True)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if self._built:
            _refuse(f"{cls.__name__}.{name}")
        object.__setattr__(self, name, value)

    def __delattr__(self: Any, name: str) -> None:
        _refuse(f"del {cls.__name__}.{name}")

    return type(cls.__name__, (cls,), {"__init__": __init__, "__setattr__": __setattr__, "__delattr__": __delattr__})


def _proxy_write(self: Any, key: Any, _value: Any) -> NoReturn:
    _refuse(f"props[{key!r}]")


@contextmanager
def read_only_arguments(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """While the block runs, every argument pulumi-policy's servicer builds refuses writes; yields the attempts.

    The servicer builds each proxy with ``unknown_checking_proxy`` (pulumi_policy/proxy.py), which calls the module's
    ``_proxy_helper`` by name, and the provider and options with the classes pulumi_policy.policy names.
    """
    monkeypatch.setattr(proxy, "_proxy_helper", _frozen_proxy_helper)
    monkeypatch.setattr(proxy._DictProxy, "__setitem__", _proxy_write)
    for name in ("PolicyProviderResource", "PolicyResourceOptions"):
        monkeypatch.setattr(pulumi_policy_module, name, _frozen(getattr(pulumi_policy_module, name)))
    _WRITES.clear()
    try:
        yield _WRITES
    finally:
        _WRITES.clear()


# -- the read-only arguments catch a write ------------------------------------------------------------------------


def _writing(write: Any) -> list[str]:
    def validate(args: Any, _report: Any) -> None:
        write(args)

    policies: list[Any] = [ResourceValidationPolicy("w", "d", validate, EnforcementLevel.MANDATORY)]
    bucket = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b", "tags": {"a": ["x"]}}, provider=aws_provider())
    with pytest.raises(WriteRefused, match="a policy wrote into its arguments"):  # pulumi-policy lets it through
        servicer("t", "0.0.1", policies, EnforcementLevel.MANDATORY).Analyze(bucket.analyze_request(), None)
    return list(_WRITES)


def _set_nested(args: Any) -> None:
    _compat.policy_proxy_target(_compat.policy_proxy_target(args.props)["tags"])["a"] = []


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (lambda a: a.props.__setitem__("bucket", "x"), "props['bucket']"),
        (lambda a: _compat.policy_proxy_target(a.props).pop("bucket"), "dict ['bucket', 'tags']"),
        (_set_nested, "dict ['a']"),
        (lambda a: _compat.policy_proxy_target(a.props["tags"]["a"]).append("y"), "list of 1"),
        (lambda a: setattr(a.provider, "urn", "x"), "PolicyProviderResource.urn"),
        (lambda a: setattr(a.opts, "protect", True), "PolicyResourceOptions.protect"),
    ],
)
def test_read_only_arguments_catch_a_write(monkeypatch: pytest.MonkeyPatch, write: Any, expected: str) -> None:
    with read_only_arguments(monkeypatch):
        assert _writing(write) == [expected]


def test_read_only_arguments_read_as_the_servicers_own(monkeypatch: pytest.MonkeyPatch, stack_config: Any) -> None:
    """Same verdicts with and without them: the read-only copies change nothing a policy reads."""
    stack_config({"aws:region": "eu-west-1", "sovereign-dc:jurisdiction": "EU"})
    foreign = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b"}, provider=aws_provider("us-east-1", "us"))
    plain_diags = Pack().analyze(foreign)
    with read_only_arguments(monkeypatch) as writes:
        assert Pack().analyze(foreign) == plain_diags and plain_diags
        assert writes == []


# -- the pack writes nothing, over a spread sample of the realistic table -------------------------------------------

SAMPLE = list(table.CASES)[5::97]
"""Every 97th program of the table from the 6th (68 of 6,579 at stop 40): each stop's authors and both clouds."""


@pytest.mark.parametrize("case", SAMPLE, ids=[c.id for c in SAMPLE])
def test_no_policy_of_the_pack_writes_into_its_arguments(
    case: Any, monkeypatch: pytest.MonkeyPatch, stack_config: Any
) -> None:
    run, _ = table.plan_run(case)
    with audit_session():  # the first preview, as test_a_first_preview_refuses_no_compliant_program runs it
        first = run_pulumi_program(
            table._program(case, "raise"), project="sovereign-dc", stack=case.code.lower(), config=table._config(case),
            preview=True, mocks=FirstPreviewMocks(table._mocks(case)),
        )  # fmt: skip
    assert first.error is None, first.error
    with read_only_arguments(monkeypatch) as writes:
        assert table.pack_rules(case, run, stack_config) == case.expected
        table.pack_rules(case, first, stack_config, preview=True)
        assert writes == []
