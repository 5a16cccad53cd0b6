"""The runner's calls across the CLI boundary, checked with the recording stand-in."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from deploy_recording import RecordingOperations

from components.deploy.runner import AutomationOperations, StackResult, WaveRunner, render_summary
from components.deploy.waves import Command, Invocation, PlannedWave, RolloutPlan


def invocation(stack: str, command: Command = "preview", code: str | None = None) -> Invocation:
    code = code or stack.upper()[:2]
    return Invocation(
        stack=stack,
        jurisdiction=code,
        command=command,
        backend_url=f"s3://state-{stack}?region=r-{stack}",
        secrets_provider=f"awskms://alias/{stack}?region=r-{stack}",
        project_dir=Path("/project"),
        config_file=Path(f"/project/stacks/Pulumi.{stack}.yaml"),
        development=False,
        runner_label=f"jurisdiction-{code.lower()}",
    )


def rollout(*waves: tuple[str, int, list[str]], command: Command = "preview") -> RolloutPlan:
    planned = tuple(
        PlannedWave(index, name, concurrency, tuple(invocation(s, command) for s in stacks))
        for index, (name, concurrency, stacks) in enumerate(waves, start=1)
    )
    return RolloutPlan(command=command, total_waves=len(planned), waves=planned)


def run(plan: RolloutPlan, ops: RecordingOperations) -> tuple[list[StackResult], list[str]]:
    lines: list[str] = []
    return WaveRunner(ops, lines.append).run(plan), lines


def test_each_stack_is_opened_with_its_own_backend_secrets_and_config_file() -> None:
    ops = RecordingOperations()
    results, _ = run(rollout(("canary", 1, ["jp"]), ("rest", 1, ["cn", "us"]), command="up"), ops)
    assert ops.operations() == [
        ("open", "jp"),
        ("up", "jp"),
        ("open", "cn"),
        ("up", "cn"),
        ("open", "us"),
        ("up", "us"),
    ]
    for call in ops.calls:
        assert call.backend_url == f"s3://state-{call.stack}?region=r-{call.stack}"
        assert call.secrets_provider == f"awskms://alias/{call.stack}?region=r-{call.stack}"
        assert call.config_file == f"/project/stacks/Pulumi.{call.stack}.yaml"
        assert call.work_dir == "/project"
    assert [(r.stack, r.wave, r.status) for r in results] == [
        ("jp", "canary", "succeeded"),
        ("cn", "rest", "succeeded"),
        ("us", "rest", "succeeded"),
    ]


def test_a_wave_starts_only_after_the_previous_wave_finished() -> None:
    ops = RecordingOperations(hook=lambda stack, op: time.sleep(0.02 if stack == "a" else 0))
    run(rollout(("one", 4, ["a", "b"]), ("two", 4, ["c", "d"])), ops)
    order = [stack for op, stack in ops.operations() if op == "preview"]
    assert set(order[:2]) == {"a", "b"}
    assert set(order[2:]) == {"c", "d"}


def test_stacks_of_a_wave_run_concurrently_up_to_the_limit() -> None:
    barrier = threading.Barrier(2, timeout=5)

    def meet(stack: str, op: str) -> None:
        if op == "preview":
            barrier.wait()  # only passes when two stacks are running at once
            time.sleep(0.01)

    ops = RecordingOperations(hook=meet)
    results, _ = run(rollout(("all", 2, ["a", "b", "c", "d"])), ops)
    assert all(r.status == "succeeded" for r in results)
    assert ops.max_active == 2


def test_concurrency_one_runs_stacks_one_at_a_time() -> None:
    ops = RecordingOperations(hook=lambda stack, op: time.sleep(0.01))
    run(rollout(("all", 1, ["a", "b", "c"])), ops)
    assert ops.max_active == 1
    assert ops.operations() == [(op, stack) for stack in "abc" for op in ("open", "preview")]


def test_the_first_failure_stops_the_wave_and_the_rollout() -> None:
    ops = RecordingOperations(failures={"b": "error: the bucket is locked"})
    results, lines = run(rollout(("one", 1, ["a", "b", "c"]), ("two", 2, ["d"])), ops)
    assert [(r.stack, r.status) for r in results] == [
        ("a", "succeeded"),
        ("b", "failed"),
        ("c", "cancelled"),
        ("d", "not run"),
    ]
    assert ("open", "c") not in ops.operations()
    assert ("open", "d") not in ops.operations()
    assert results[1].error == "error: the bucket is locked"
    assert "[1/2 one] b (B): FAILED after" in "\n".join(lines)
    assert "wave one failed: stopping the rollout" in lines


def test_running_stacks_finish_but_no_new_stack_starts_after_a_failure() -> None:
    failed = threading.Event()
    barrier = threading.Barrier(2, timeout=5)

    def hook(stack: str, op: str) -> None:
        if op != "preview":
            return
        barrier.wait()
        if stack == "b":
            failed.wait(5)
            time.sleep(0.2)  # let the runner see a's failure before b completes

    lines: list[str] = []

    def emit(line: str) -> None:
        lines.append(line)
        if "FAILED" in line:
            failed.set()

    ops = RecordingOperations(failures={"a": "boom"}, hook=hook)
    results = WaveRunner(ops, emit).run(rollout(("one", 2, ["a", "b", "c"])))
    assert [(r.stack, r.status) for r in results] == [("a", "failed"), ("b", "succeeded"), ("c", "cancelled")]
    assert ("open", "c") not in ops.operations()


def test_a_failure_to_select_the_stack_is_reported_like_any_other() -> None:
    def hook(stack: str, op: str) -> None:
        if op == "open":
            raise RuntimeError("\n code: 255\n stdout: \n stderr: error: failed to load checkpoint: AccessDenied\n")

    ops = RecordingOperations(hook=hook)
    (result,) = run(rollout(("one", 1, ["cn"])), ops)[0]
    assert result.status == "failed"
    assert result.error == "error: failed to load checkpoint: AccessDenied"


def test_engine_output_is_prefixed_with_the_stack_and_can_be_hidden() -> None:
    lines: list[str] = []
    WaveRunner(RecordingOperations(), lines.append).run(rollout(("one", 1, ["jp"])))
    assert "  jp | preview jp: recorded" in lines
    quiet: list[str] = []
    WaveRunner(RecordingOperations(), quiet.append, show_output=False).run(rollout(("one", 1, ["jp"])))
    assert not any(" | " in line for line in quiet)
    assert any("jp (JP): succeeded in" in line for line in quiet)


def test_summary_has_one_row_per_stack_with_result_duration_and_changes() -> None:
    ops = RecordingOperations(changes={"jp": {"create": 3, "same": 0, "update": 1}}, failures={"cn": "error: denied"})
    results, _ = run(rollout(("one", 1, ["jp"]), ("two", 1, ["cn", "us"])), ops)
    table = render_summary(results).splitlines()
    assert table[0].split() == ["STACK", "JURISDICTION", "WAVE", "COMMAND", "RESULT", "DURATION", "CHANGES"]
    assert table[1].split()[:5] == ["jp", "JP", "one", "preview", "succeeded"]
    assert table[1].endswith("create 3, update 1")
    assert table[2].split()[:5] == ["cn", "CN", "two", "preview", "failed"]
    assert table[2].endswith("error: denied")
    assert table[3].split() == ["us", "US", "two", "preview", "cancelled", "-", "-"]


class _FakeResult:
    def __init__(self, changes: dict[Any, int]) -> None:
        self.change_summary = changes
        self.summary = type("Summary", (), {"resource_changes": changes})()


class _FakeStack:
    def __init__(self, calls: list[tuple[str, dict[str, Any]]]) -> None:
        self.calls = calls

    def preview(self, **kwargs: Any) -> _FakeResult:
        self.calls.append(("preview", kwargs))
        from pulumi.automation import OpType

        return _FakeResult({OpType.CREATE: 2, OpType.SAME: 5})

    def up(self, **kwargs: Any) -> _FakeResult:
        self.calls.append(("up", kwargs))
        return _FakeResult({"update": 1})


def test_automation_operations_bind_backend_secrets_and_the_stack_config_dir_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import pulumi.automation as auto

    calls: list[tuple[str, dict[str, Any]]] = []

    def create_or_select_stack(**kwargs: Any) -> _FakeStack:
        calls.append(("create_or_select_stack", kwargs))
        return _FakeStack(calls)

    monkeypatch.setattr(auto, "create_or_select_stack", create_or_select_stack)
    (tmp_path / "stacks").mkdir()
    inv = Invocation(
        stack="cn",
        jurisdiction="CN",
        command="preview",
        backend_url="s3://state-cn?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn",
        secrets_provider="awskms://alias/dc-cn?region=cn-north-1",
        project_dir=tmp_path,
        config_file=tmp_path / "stacks" / "Pulumi.cn.yaml",
        development=False,
        runner_label="jurisdiction-cn",
    )
    session = AutomationOperations().open(inv)
    assert session.preview(lambda line: None) == {"create": 2, "same": 5}
    assert session.up(lambda line: None) == {"update": 1}

    (_, opened), (_, preview), (_, up) = calls
    assert opened["stack_name"] == "cn"
    assert opened["work_dir"] == str(tmp_path)
    options = opened["opts"]
    assert options.env_vars == {"PULUMI_BACKEND_URL": inv.backend_url}
    assert options.secrets_provider == inv.secrets_provider
    # Nothing that LocalWorkspace would write beside (not into) stackConfigDir.
    assert options.stack_settings is None and options.project_settings is None
    assert preview["config_file"] == str(tmp_path / "stacks" / "Pulumi.cn.yaml")
    assert up["config_file"] == str(tmp_path / "stacks" / "Pulumi.cn.yaml")
    assert up["show_secrets"] is False
    assert not list(tmp_path.glob("Pulumi.*.yaml"))


def test_pulumi_cloud_default_provider_is_not_passed_to_stack_init(monkeypatch: pytest.MonkeyPatch) -> None:
    import pulumi.automation as auto

    seen: dict[str, Any] = {}
    monkeypatch.setattr(auto, "create_or_select_stack", lambda **kwargs: seen.update(kwargs) or _FakeStack([]))
    inv = invocation("us")
    AutomationOperations().open(
        Invocation(**{**inv.__dict__, "backend_url": "https://api.pulumi.com", "secrets_provider": "default"})
    )
    assert seen["opts"].secrets_provider is None
    assert seen["opts"].env_vars == {"PULUMI_BACKEND_URL": "https://api.pulumi.com"}


def test_the_shipped_stack_files_would_reach_the_engine_through_config_file() -> None:
    # LocalWorkspace reads Pulumi.<stack>.yaml from its work dir only; the repo keeps none there.
    root = Path(__file__).resolve().parents[1]
    assert yaml.safe_load((root / "Pulumi.yaml").read_text())["stackConfigDir"] == "stacks"
    assert not list(root.glob("Pulumi.*.yaml"))
