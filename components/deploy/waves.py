"""Turn the deployment map and the stack files into an ordered rollout plan.

The plan is pure data: every stack, its jurisdiction's backend and secrets provider, its config
file and the command. The runner executes it; ``--dry-run`` prints it; the CI matrix is built from it.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from components.deploy.models import ALL_OTHER_STACKS, DeploymentMap
from components.deploy.policy import PACK_DIR
from components.deploy.stacks import StackFile
from components.errors import ConfigError
from components.project import Project
from components.residency.rules import RuleId

__all__ = ["COMMANDS", "Command", "Invocation", "PlannedWave", "RolloutPlan", "plan_rollout"]

Command = Literal["preview", "up", "destroy"]
COMMANDS: tuple[Command, ...] = ("preview", "up", "destroy")


@dataclass(frozen=True)
class Invocation:
    """One Pulumi operation on one stack, with everything that decides where its data goes."""

    stack: str
    jurisdiction: str
    command: Command
    backend_url: str
    secrets_provider: str
    project_dir: Path
    config_file: Path
    development: bool
    runner_label: str
    policy_pack: Path = PACK_DIR
    """The residency policy pack run on every ``preview`` and ``up``."""
    report_dir: Path | None = None
    """Where the stack's policy config, preview JSON and the run's summary are saved (default: <project>/reports)."""

    def _shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.project_dir))
        except ValueError:
            return str(path)

    def config_file_arg(self) -> str:
        """``config_file`` relative to the project directory when inside it (stable, readable)."""
        return self._shown(self.config_file)

    @property
    def reports(self) -> Path:
        """The report directory."""
        return self.report_dir if self.report_dir is not None else self.project_dir / "reports"

    @property
    def policy_config_file(self) -> Path:
        """The ``--policy-pack-config`` file pinning the pack to this stack's jurisdiction."""
        return self.reports / f"{self.stack}.policy-config.json"

    @property
    def preview_file(self) -> Path:
        """Where ``preview`` saves the stack's ``pulumi preview --json`` document."""
        return self.reports / f"{self.stack}.preview.json"

    def policy_args(self) -> str:
        """The policy-pack flags of ``preview`` and ``up`` (``destroy`` creates nothing to judge)."""
        pack = shlex.quote(self._shown(self.policy_pack))
        config = shlex.quote(self._shown(self.policy_config_file))
        return f" --policy-pack {pack} --policy-pack-config {config}"

    def shell(self) -> tuple[str, ...]:
        """The CLI commands the Automation API runs for this invocation, in the project directory.

        The Automation API also adds ``--non-interactive`` and its event-log flags to each command.
        """
        stack = shlex.quote(self.stack)
        init = f"pulumi stack init {stack}"
        if self.secrets_provider != "default":
            init += f" --secrets-provider {shlex.quote(self.secrets_provider)}"
        operation = f"pulumi {self.command} --stack {stack} --config-file {shlex.quote(self.config_file_arg())}"
        if self.command in ("preview", "up"):
            operation += self.policy_args()
        if self.command == "preview":
            operation += f" --json > {shlex.quote(self._shown(self.preview_file))}"
        else:
            operation += " --yes --skip-preview"
        return (
            f"export PULUMI_BACKEND_URL={shlex.quote(self.backend_url)}",
            f"pulumi stack select --stack {stack} || {init}",
            operation,
        )


@dataclass(frozen=True)
class PlannedWave:
    """A wave of the plan: its position, name, concurrency and invocations."""

    index: int
    name: str
    concurrency: int
    invocations: tuple[Invocation, ...]


@dataclass(frozen=True)
class RolloutPlan:
    """The whole rollout, waves in order (waves left empty by a ``--stack`` filter are dropped)."""

    command: Command
    total_waves: int
    waves: tuple[PlannedWave, ...]

    def invocations(self) -> tuple[Invocation, ...]:
        """Every invocation in execution order."""
        return tuple(inv for wave in self.waves for inv in wave.invocations)


def plan_rollout(
    dmap: DeploymentMap,
    stacks: Iterable[StackFile],
    project: Project,
    command: Command,
    *,
    map_file: str,
    only: Iterable[str] = (),
    report_dir: Path | None = None,
) -> RolloutPlan:
    """Assign every stack to its wave and its jurisdiction's backend; refuse gaps and mismatches."""
    by_name = {stack.name: stack for stack in stacks}
    for stack in by_name.values():
        _check_stack(dmap, stack, map_file)
    assigned = _assign(dmap, by_name, map_file)
    selected = _select(only, by_name)
    waves: list[PlannedWave] = []
    for index, (wave, names) in enumerate(zip(dmap.rollout.waves, assigned, strict=True), start=1):
        chosen = [name for name in names if selected is None or name in selected]
        if not chosen:
            continue
        invocations = tuple(_invocation(dmap, by_name[name], project, command, report_dir) for name in chosen)
        concurrency = wave.concurrency or dmap.rollout.concurrency
        waves.append(PlannedWave(index=index, name=wave.name, concurrency=concurrency, invocations=invocations))
    return RolloutPlan(command=command, total_waves=len(dmap.rollout.waves), waves=tuple(waves))


def _check_stack(dmap: DeploymentMap, stack: StackFile, map_file: str) -> None:
    entry = dmap.jurisdictions.get(stack.jurisdiction)
    if entry is None:
        raise ConfigError(
            map_file,
            f"jurisdictions.{stack.jurisdiction}",
            f"stack '{stack.name}' ({stack.path.name}) is in {stack.jurisdiction}, which the map does not cover",
            f"add jurisdictions.{stack.jurisdiction} with an in-country backend and secrets_provider",
            rule_id=RuleId.STATE_BACKEND_IN_JURISDICTION,
        )
    recorded = stack.recorded_provider()
    if recorded is not None and recorded != entry.secrets_provider:
        # Pulumi keeps using the provider recorded in the stack file; a different one in the map
        # would mean the map says one country and the secrets are encrypted in another.
        raise ConfigError(
            map_file,
            f"jurisdictions.{stack.jurisdiction}.secrets_provider",
            f"stack '{stack.name}' is encrypted with {recorded!r} ({stack.path.name}), not {entry.secrets_provider!r}",
            f"write the same provider here, or run `pulumi stack change-secrets-provider --stack {stack.name} "
            f"{shlex.quote(entry.secrets_provider)}` with the stack's backend",
            rule_id=RuleId.SECRETS_PROVIDER_IN_JURISDICTION,
        )


def _assign(dmap: DeploymentMap, by_name: dict[str, StackFile], map_file: str) -> list[list[str]]:
    named = {name for wave in dmap.rollout.waves for name in wave.stacks if name != ALL_OTHER_STACKS}
    rest = sorted(set(by_name) - named)
    assigned: list[list[str]] = []
    has_rest = False
    for index, wave in enumerate(dmap.rollout.waves):
        names: list[str] = []
        for name in wave.stacks:
            if name == ALL_OTHER_STACKS:
                names.extend(rest)
                has_rest = True
            elif name in by_name:
                names.append(name)
            else:
                known = ", ".join(sorted(by_name))
                raise ConfigError(
                    map_file,
                    f"rollout.waves.{index}.stacks",
                    f"names stack '{name}', which has no Pulumi.{name}.yaml",
                    f"use one of {known}, or `*` for all other stacks",
                )
        assigned.append(names)
    if rest and not has_rest:
        raise ConfigError(
            map_file,
            "rollout.waves",
            f"stack(s) {', '.join(rest)} are in no wave",
            "name them in a wave, or end the rollout with a wave of `*`",
        )
    return assigned


def _select(only: Iterable[str], by_name: dict[str, StackFile]) -> set[str] | None:
    selected = set(only)
    if not selected:
        return None
    unknown = sorted(selected - set(by_name))
    if unknown:
        raise ConfigError(
            "command line",
            "--stack",
            f"unknown stack(s) {', '.join(unknown)}",
            f"use one of {', '.join(sorted(by_name))}",
        )
    return selected


def _invocation(
    dmap: DeploymentMap, stack: StackFile, project: Project, command: Command, report_dir: Path | None = None
) -> Invocation:
    entry = dmap.jurisdictions[stack.jurisdiction]
    return Invocation(
        stack=stack.name,
        jurisdiction=stack.jurisdiction,
        command=command,
        backend_url=entry.backend,
        secrets_provider=entry.secrets_provider,
        project_dir=project.directory,
        config_file=stack.path,
        development=entry.development,
        runner_label=entry.label(stack.jurisdiction),
        report_dir=report_dir,
    )
