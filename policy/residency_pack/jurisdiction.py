"""Which jurisdiction a policy judges against: policy config first, else the stack's own config.

The engine starts a Python policy pack with the stack's config in the ``PULUMI_CONFIG`` environment
variable (a JSON object keyed ``<namespace>:<key>``; see ``constructEnv`` in the engine's
``analyzer_plugin.go``), the same variable a Python program reads. Policy config (per policy, from
``--policy-pack-config`` or a Pulumi Cloud policy group) comes through ``args.get_config()``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from components.config.stack_file import NAMESPACE
from components.errors import CatalogueError
from components.residency.catalogue import load_catalogue
from components.residency.destinations import DestinationProblem, check_destinations, parse_destinations
from components.residency.engine import RuleEngine
from components.residency.rules import Rule
from residency_pack import messages

Report = Callable[[str, "str | None"], None]
"""How a policy reports a violation: its message, and the URN of the resource (None for the stack as a whole)."""

__all__ = ["CONFIG_PROPERTY", "STACK_KEY", "ConfigProblem", "Engines", "Report", "Resolved"]

CONFIG_PROPERTY = "jurisdiction"
"""The policy config property naming the jurisdiction (declared in every policy's config schema)."""
STACK_KEY = f"{NAMESPACE}:jurisdiction"
"""The stack config key the program itself reads."""
DESTINATIONS_KEY = f"{NAMESPACE}:destinations"
"""The stack's transfer register (a JSON list, as the CLI passes structured config)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A jurisdiction was found: the engine for it and where it came from (for messages)."""

    engine: RuleEngine
    source: str


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """No usable jurisdiction: the policy must fail closed with this message."""

    message: str


_EMPTY: Mapping[str, Any] = MappingProxyType({})
_parsed: list[tuple[str, Mapping[str, Any]]] = [("", _EMPTY)]  # the last text read and what it says


def _stack_config() -> Mapping[str, Any]:
    raw = os.environ.get("PULUMI_CONFIG") or ""
    # Every policy asks, for every resource (15 per resource, twice each): read the variable each time, as
    # the engine may restart the pack with another stack's config, but parse a text only once.
    last_raw, last = _parsed[0]
    if raw == last_raw:
        return last
    try:
        config = json.loads(raw) if raw else {}
    except ValueError:
        config = {}
    parsed = MappingProxyType(config) if isinstance(config, dict) else _EMPTY
    _parsed[0] = (raw, parsed)
    return parsed


def _fix(policy_name: str) -> str:
    known = ", ".join(sorted(load_catalogue().jurisdictions))
    return (
        f"set the stack's `{STACK_KEY}` (pulumi config set jurisdiction <CODE> --stack <stack>) or give the "
        f'policy pack a config file with {{"{policy_name}": {{"{CONFIG_PROPERTY}": "<CODE>"}}, ...}} '
        f"through --policy-pack-config; known codes: {known}"
    )


@dataclass(slots=True)
class Engines:
    """Resolves jurisdictions and keeps one rule engine per code (engines are immutable, reusable)."""

    _by_code: dict[str, RuleEngine] = field(default_factory=dict)

    def resolve_or_report(
        self, the_rule: Rule, policy_config: Mapping[str, Any], report_violation: Report
    ) -> Resolved | None:
        """:meth:`resolve` for a policy's validation: a :class:`ConfigProblem` is reported as the policy's violation
        (on no resource) and None returned, so the policy judges nothing without a jurisdiction."""
        resolved = self.resolve(the_rule.name, policy_config)
        if isinstance(resolved, ConfigProblem):
            report_violation(messages.config_problem(the_rule, resolved.message), None)
            return None
        return resolved

    def resolve(self, policy_name: str, policy_config: Mapping[str, Any]) -> Resolved | ConfigProblem:
        """The jurisdiction for ``policy_name``; a :class:`ConfigProblem` instead of ever raising."""
        pinned = policy_config.get(CONFIG_PROPERTY)
        stack_value = _stack_config().get(STACK_KEY)
        if pinned is not None and (not isinstance(pinned, str) or not pinned.strip()):
            return ConfigProblem(
                f"policy config `{policy_name}.{CONFIG_PROPERTY}` is {pinned!r}, not a jurisdiction code. "
                f"Fix: {_fix(policy_name)}."
            )
        if isinstance(pinned, str):
            if isinstance(stack_value, str) and stack_value.strip().upper() != pinned.strip().upper():
                # Two sources that disagree mean the program's guard and this pack would enforce
                # different borders; refusing is the only answer that cannot let data out.
                return ConfigProblem(
                    f"policy config pins jurisdiction {pinned!r} but the stack's `{STACK_KEY}` is "
                    f"{stack_value!r}. Fix: make them the same, or remove one of them."
                )
            return self._engine(pinned.strip(), f"policy config `{policy_name}.{CONFIG_PROPERTY}`")
        if isinstance(stack_value, str) and stack_value.strip():
            return self._engine(stack_value.strip(), f"stack config `{STACK_KEY}`")
        return ConfigProblem(
            f"no jurisdiction is set, so residency cannot be judged and everything is refused. "
            f"Fix: {_fix(policy_name)}."
        )

    def _engine(self, code: str, source: str) -> Resolved | ConfigProblem:
        raw = _stack_config().get(DESTINATIONS_KEY)
        key = f"{code.upper()}|{raw or ''}"
        engine = self._by_code.get(key)
        if engine is None:
            try:
                destinations = parse_destinations(json.loads(raw)) if isinstance(raw, str) and raw else []
                engine = RuleEngine(code.upper(), destinations=destinations)
                check_destinations(engine.jurisdiction.code, engine.destinations)
            except CatalogueError as exc:
                return ConfigProblem(f"{source}: {exc}.")
            except (DestinationProblem, ValueError) as exc:
                # The same check the program's config loader makes: a bad register refuses everything.
                return ConfigProblem(f"stack config `{DESTINATIONS_KEY}`{exc}")
            self._by_code[key] = engine
        return Resolved(engine, f"{engine.jurisdiction.code} from {source}")
