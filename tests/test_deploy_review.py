"""The shipped pipeline produces and checks real previews: policy pack on every preview and up,
each stack's ``pulumi preview --json`` saved beside the summary, and a CI workflow that reviews it."""

from __future__ import annotations

import inspect
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from deploy_recording import RecordingOperations
from pulumi.automation import EngineEvent, Stack

from components.deploy.__main__ import main
from components.deploy.policy import PACK_DIR, policy_config, policy_names
from components.deploy.preview_json import preview_document
from components.deploy.runner import _AutomationSession
from components.deploy.waves import Invocation
from components.plan.cli import main as plan_main
from components.plan.preview import parse_preview
from components.plan.review import review_document

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAP = {
    "version": 1,
    "jurisdictions": {
        "CN": {
            "backend": "s3://state-cn?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn",
            "secrets_provider": "awskms://alias/dc-cn?region=cn-north-1",
        },
        "JP": {
            "backend": "s3://state-jp?region=ap-northeast-1",
            "secrets_provider": "awskms://alias/dc-jp?region=ap-northeast-1",
        },
    },
    "rollout": {"concurrency": 2, "waves": [{"name": "all", "stacks": ["*"]}]},
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "Pulumi.yaml").write_text("name: sovereign-dc\nruntime: python\nstackConfigDir: stacks\n")
    (tmp_path / "stacks").mkdir()
    for name, code in {"cn": "CN", "jp": "JP"}.items():
        (tmp_path / "stacks" / f"Pulumi.{name}.yaml").write_text(f"config:\n  sovereign-dc:jurisdiction: {code}\n")
    (tmp_path / "stacks" / "deployments.yaml").write_text(yaml.safe_dump(MAP, sort_keys=False))
    return tmp_path


def cli(project: Path, *args: str, ops: RecordingOperations | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([*args, "--project-dir", str(project)], operations=lambda: ops, stdout=out, stderr=err)  # type: ignore[arg-type,return-value]
    return code, out.getvalue(), err.getvalue()


def test_the_pack_config_names_every_policy_of_the_pack() -> None:
    sys.path.insert(0, str(REPO / "policy"))
    try:
        from residency_pack import GUARD_ONLY, build_policies
    finally:
        sys.path.remove(str(REPO / "policy"))
    assert policy_names() == [p.name for p in build_policies()]
    assert set(GUARD_ONLY) == {"RES-010", "RES-012", "RES-021"}
    assert policy_config("CN") == {name: {"jurisdiction": "CN"} for name in policy_names()}
    assert PACK_DIR == REPO / "policy"


def test_every_preview_runs_the_pack_and_saves_its_json_beside_the_summary(project: Path) -> None:
    document = json.loads((FIXTURES / "preview-cn-pass.json").read_text())
    ops = RecordingOperations(previews={"cn": document})
    code, _, err = cli(project, "preview", "--quiet", ops=ops)
    assert (code, err) == (0, "")
    reports = project / "reports"
    for call in (c for c in ops.calls if c.operation == "preview"):
        assert call.policy_pack == str(PACK_DIR)
        assert call.policy_config == str(reports / f"{call.stack}.policy-config.json")
    assert json.loads((reports / "cn.policy-config.json").read_text()) == policy_config("CN")
    assert json.loads((reports / "jp.policy-config.json").read_text()) == policy_config("JP")
    assert json.loads((reports / "cn.preview.json").read_text()) == document
    assert (reports / "jp.preview.json").is_file()
    summary = (reports / "preview-summary.txt").read_text()
    assert summary.startswith("STACK")
    assert {line.split()[0] for line in summary.splitlines()[1:]} == {"cn", "jp"}
    # The saved preview is exactly what the reviewer (and the CI comment) judges.
    assert plan_main(["--preview", str(reports / "cn.preview.json")]) == 0


def test_up_runs_the_pack_and_destroy_does_not(project: Path) -> None:
    ops = RecordingOperations()
    assert cli(project, "up", "--yes", "--quiet", "--stack", "cn", ops=ops)[0] == 0
    (up,) = [c for c in ops.calls if c.operation == "up"]
    assert (up.policy_pack, up.policy_config) == (str(PACK_DIR), str(project / "reports" / "cn.policy-config.json"))
    ops = RecordingOperations()
    assert cli(project, "destroy", "--yes-destroy", "cn", "--stack", "cn", "--quiet", ops=ops)[0] == 0
    (destroy,) = [c for c in ops.calls if c.operation == "destroy"]
    assert (destroy.policy_pack, destroy.policy_config) == ("", "")


def test_dry_run_prints_the_pack_for_up_but_not_destroy(project: Path) -> None:
    _, out, _ = cli(project, "up", "--dry-run", "--stack", "cn", "--report-dir", str(project / "out"))
    assert (
        f"      pulumi up --stack cn --config-file stacks/Pulumi.cn.yaml --policy-pack {PACK_DIR} "
        "--policy-pack-config out/cn.policy-config.json --yes --skip-preview" in out
    )
    _, out, _ = cli(project, "destroy", "--dry-run", "--stack", "cn")
    assert "--policy-pack" not in out
    assert not (project / "reports").exists()  # a dry run writes nothing


class _FakeStack:
    """Stands in for ``pulumi.automation.Stack``: binds every call to the real method's signature."""

    def __init__(self, stdout: str, events: list[EngineEvent]) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._stdout = stdout
        self._events = events

    def preview(self, **kwargs: Any) -> Any:
        inspect.signature(Stack.preview).bind(self, **kwargs)
        self.calls.append(("preview", kwargs))
        for line in self._stdout.splitlines():
            kwargs["on_output"](line)
        for event in self._events:
            kwargs["on_event"](event)

        return SimpleNamespace(change_summary={"same": 1})

    def up(self, **kwargs: Any) -> Any:
        inspect.signature(Stack.up).bind(self, **kwargs)
        self.calls.append(("up", kwargs))

        return SimpleNamespace(summary=SimpleNamespace(resource_changes={"update": 1}))


def _events() -> list[EngineEvent]:
    lines = (FIXTURES / "events-cn.jsonl").read_text().splitlines()
    return [EngineEvent.from_json(json.loads(line)) for line in lines]


def _invocation(tmp_path: Path) -> Invocation:
    return Invocation(
        stack="cn",
        jurisdiction="CN",
        command="preview",
        backend_url="file:///state",
        secrets_provider="default",
        project_dir=tmp_path,
        config_file=tmp_path / "stacks" / "Pulumi.cn.yaml",
        development=False,
        runner_label="jurisdiction-cn",
        report_dir=tmp_path / "reports",
    )


def test_the_automation_session_passes_the_pack_and_saves_sames_from_the_events(tmp_path: Path) -> None:
    full = json.loads((FIXTURES / "preview-cn-pass.json").read_text())
    # What `pulumi preview --json` prints without --show-sames: no unchanged steps.
    digest = {**full, "steps": [s for s in full["steps"] if s["op"] != "same"]}
    without_sames = review_document(parse_preview(json.dumps(digest), "digest.json"))
    assert "RES-012" in {v.rule for v in without_sames.violations}  # unchanged providers are missing
    stack = _FakeStack(json.dumps(digest, indent=4), _events())
    invocation = _invocation(tmp_path)
    session = _AutomationSession(stack, invocation)
    lines: list[str] = []
    assert session.preview(lines.append, invocation.preview_file) == {"same": 1}
    (_, kwargs), *_ = stack.calls
    assert kwargs["policy_packs"] == [str(PACK_DIR)]
    assert kwargs["policy_pack_configs"] == [str(invocation.policy_config_file)]
    assert kwargs["json"] is True
    saved = json.loads(invocation.preview_file.read_text())
    assert {s["urn"] for s in saved["steps"]} == {s["urn"] for s in full["steps"]}
    review = review_document(parse_preview(json.dumps(saved), "saved.json"))
    assert (review.verdict, review.violations) == ("pass", ())
    session.up(lines.append)
    assert stack.calls[-1][1]["policy_packs"] == [str(PACK_DIR)]


def test_a_failed_preview_still_saves_its_document(tmp_path: Path) -> None:
    class Refused(_FakeStack):
        def preview(self, **kwargs: Any) -> Any:
            super().preview(**kwargs)
            raise RuntimeError("error: preview failed: 1 mandatory policy violation")

    stack = Refused((FIXTURES / "preview-cn-fail.json").read_text(), [])
    invocation = _invocation(tmp_path)
    with pytest.raises(RuntimeError, match="mandatory policy violation"):
        _AutomationSession(stack, invocation).preview(lambda _line: None, invocation.preview_file)
    assert plan_main(["--preview", str(invocation.preview_file)]) == 1


def test_preview_document_keeps_the_digest_and_adds_only_missing_sames() -> None:
    full = json.loads((FIXTURES / "preview-cn-pass.json").read_text())
    merged = preview_document(json.dumps(full), _events())
    assert merged == {**full, "steps": full["steps"]}  # nothing doubled
    with pytest.raises(ValueError, match="did not print a JSON object"):
        preview_document("[]", [])


def test_the_workflow_reviews_the_preview_comments_and_gates_up(project: Path) -> None:
    _, out, _ = cli(project, "matrix")
    workflow = yaml.safe_load(out)
    assert set(workflow["on"]) == {"pull_request", "workflow_dispatch"}
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}
    (job,) = workflow["jobs"].values()
    steps = {s.get("name", s.get("uses")): s for s in job["steps"]}
    names = list(steps)
    assert names.index("Preview with the residency policy pack") < names.index("Residency review of the preview")
    assert names.index("Residency review of the preview") < names.index("Post the review on the pull request")
    assert names.index("The review must pass") < names.index("Deploy")
    review = steps["Residency review of the preview"]
    assert '-m components.plan --preview "reports/$STACK.preview.json" --format markdown' in review["run"]
    assert review["id"] == "review"
    comment = steps["Post the review on the pull request"]
    assert comment["run"] == 'gh pr comment "$PR" --body-file "reports/$STACK.review.md"'
    assert "github.event_name == 'pull_request'" in comment["if"]
    deploy = steps["Deploy"]
    assert deploy["if"] == (
        "github.event_name == 'workflow_dispatch' && inputs.command == 'up' && steps.review.outputs.exit == '0'"
    )
    assert steps["The review must pass"]["run"] == 'test "$REVIEW_EXIT" = 0'
    # Untrusted values reach scripts only through env.
    assert all("${{" not in s.get("run", "") for s in job["steps"])
