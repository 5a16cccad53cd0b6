"""Fixtures shared by several test files (one definition each; a file's own fixtures stay in the file).

* The Pulumi mock runtime for one test is the toolkit's own ``pulumi_mocks`` fixture
  (``components.testing.fixtures``, a pytest plugin registered in pyproject.toml); no copy here.
* ``stack_config`` / ``cn``: the stack config the Pulumi engine hands a policy pack (``PULUMI_CONFIG``),
  and the residency pack driven for a CN stack (see ``test_policy_support.py`` for the driver).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pulumi.runtime.config
import pytest

POLICY_DIR = Path(__file__).resolve().parents[1] / "policy"
# `python -m pulumi.policy <engine> .` runs the pack with runpy, which puts the pack directory first on
# sys.path; every test file imports the pack's modules (`residency_pack`) the same way.
if str(POLICY_DIR) not in sys.path:
    sys.path.insert(0, str(POLICY_DIR))

if TYPE_CHECKING:
    from test_policy_support import Pack

SetConfig = Callable[[Mapping[str, Any] | None], None]


@pytest.fixture
def stack_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[SetConfig]:
    """Set the stack config the engine would pass in PULUMI_CONFIG; restores pulumi's global config."""
    for var in ("PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_DRY_RUN", "PULUMI_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    saved = dict(pulumi.runtime.config.CONFIG.get())

    def set_config(values: Mapping[str, Any] | None) -> None:
        if values is None:
            monkeypatch.delenv("PULUMI_CONFIG", raising=False)
        else:
            monkeypatch.setenv("PULUMI_CONFIG", json.dumps(dict(values)))

    yield set_config
    # pulumi-policy's servicer copies PULUMI_CONFIG into pulumi's process-wide config on every call.
    live = pulumi.runtime.config.CONFIG.get()
    live.clear()
    live.update(saved)


@pytest.fixture
def cn(stack_config: SetConfig) -> Pack:
    """The pack for a stack whose config says ``sovereign-dc:jurisdiction: CN``."""
    from test_policy_support import Pack

    stack_config({"sovereign-dc:jurisdiction": "CN", "aws:region": "cn-north-1"})
    return Pack()
