"""pytest plugin: the ``pulumi_mocks`` fixture.

Registered through the ``pytest11`` entry point, so any project that installs sovereign-dc can use
it without a conftest. Each test gets its own :class:`~components.simulate.program.MockSession`
(project ``sovereign-dc``, stack ``test``); Pulumi's global state is restored after the test, so
tests never see each other's resources, config or root stack.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from components.simulate import MockSession

__all__ = ["pulumi_mocks"]


@pytest.fixture
def pulumi_mocks() -> Iterator[MockSession]:
    """Sovereign mocks + recorder for one test.

    Create resources in the test (or in a function passed to ``run``), then call
    ``pulumi_mocks.run(fn)`` to run ``fn`` and wait for every registration and apply; it returns a
    :class:`~components.simulate.program.ProgramRun` with ``.resources``, ``.find(name)``,
    ``.by_type(token)``, ``.invokes``, ``.outputs``, ``.error`` and ``.value`` (``fn``'s resolved
    return value). Configure a test with ``pulumi_mocks.configure(...)`` before creating resources.
    """
    session = MockSession(project="sovereign-dc", stack="test")
    try:
        yield session
    finally:
        session.close()
