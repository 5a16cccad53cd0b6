"""The deployment map (shape and residency) and wave planning over temporary stack directories."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import yaml

from components.deploy.models import load_deployment_map
from components.deploy.stacks import discover_stacks
from components.deploy.waves import RolloutPlan, plan_rollout
from components.errors import ConfigError
from components.project import Project
from components.residency.catalogue import load_catalogue

REPO = Path(__file__).resolve().parents[1]
JURISDICTIONS = {
    "CN": {
        "backend": "s3://state-cn?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn",
        "secrets_provider": "awskms://alias/dc-cn?region=cn-north-1",
    },
    "US": {"backend": "s3://state-us?region=us-east-1", "secrets_provider": "awskms://alias/dc-us?region=us-east-1"},
    "EU": {"backend": "s3://state-eu?region=eu-west-1", "secrets_provider": "awskms://alias/dc-eu?region=eu-west-1"},
    "JP": {
        "backend": "s3://state-jp?region=ap-northeast-1",
        "secrets_provider": "awskms://alias/dc-jp?region=ap-northeast-1",
    },
}
WAVES = [{"name": "canary", "stacks": ["jp"]}, {"name": "rest", "stacks": ["*"], "concurrency": 3}]


def make_project(
    root: Path,
    stacks: dict[str, str],
    *,
    jurisdictions: Mapping[str, object] | None = None,
    waves: Sequence[Mapping[str, object]] | None = None,
    extra: Mapping[str, Mapping[str, object]] | None = None,
) -> Path:
    """A project dir with Pulumi.yaml, stacks/Pulumi.<stack>.yaml and stacks/deployments.yaml."""
    (root / "Pulumi.yaml").write_text("name: sovereign-dc\nruntime: python\nstackConfigDir: stacks\n")
    (root / "stacks").mkdir()
    for name, code in stacks.items():
        body: dict[str, object] = {"config": {"sovereign-dc:jurisdiction": code}}
        body.update((extra or {}).get(name, {}))
        (root / "stacks" / f"Pulumi.{name}.yaml").write_text(yaml.safe_dump(body))
    dmap = {
        "version": 1,
        "jurisdictions": JURISDICTIONS if jurisdictions is None else jurisdictions,
        "rollout": {"concurrency": 2, "waves": WAVES if waves is None else waves},
    }
    (root / "stacks" / "deployments.yaml").write_text(yaml.safe_dump(dmap, sort_keys=False))
    return root


def plan(root: Path, command: str = "preview", only: tuple[str, ...] = ()) -> RolloutPlan:
    catalogue = load_catalogue()
    project = Project.load(root)
    map_file = root / "stacks" / "deployments.yaml"
    dmap = load_deployment_map(map_file, catalogue)
    stacks = discover_stacks(project, catalogue)
    return plan_rollout(dmap, stacks, project, command, map_file=str(map_file), only=only)  # type: ignore[arg-type]


FOUR = {"cn": "CN", "us": "US", "eu": "EU", "jp": "JP"}


def test_waves_run_the_canary_first_then_everything_else_sorted(tmp_path: Path) -> None:
    result = plan(make_project(tmp_path, FOUR))
    assert [(w.index, w.name, w.concurrency) for w in result.waves] == [(1, "canary", 2), (2, "rest", 3)]
    assert [[inv.stack for inv in w.invocations] for w in result.waves] == [["jp"], ["cn", "eu", "us"]]
    cn = result.waves[1].invocations[0]
    assert cn.jurisdiction == "CN"
    assert cn.backend_url == JURISDICTIONS["CN"]["backend"]
    assert cn.secrets_provider == JURISDICTIONS["CN"]["secrets_provider"]
    assert cn.config_file == tmp_path / "stacks" / "Pulumi.cn.yaml"
    assert cn.config_file_arg() == "stacks/Pulumi.cn.yaml"
    assert cn.runner_label == "jurisdiction-cn"


def test_the_jurisdiction_comes_from_the_stack_file_not_its_name(tmp_path: Path) -> None:
    result = plan(make_project(tmp_path, {"jp": "JP", "beijing": "cn"}))
    beijing = result.invocations()[-1]
    assert (beijing.stack, beijing.jurisdiction) == ("beijing", "CN")
    assert beijing.backend_url.startswith("s3://state-cn?")


def test_stack_filter_keeps_wave_order_and_drops_empty_waves(tmp_path: Path) -> None:
    result = plan(make_project(tmp_path, FOUR), only=("us",))
    assert [(w.index, w.name) for w in result.waves] == [(2, "rest")]
    assert result.total_waves == 2
    assert [inv.stack for inv in result.invocations()] == ["us"]


def test_explicit_waves_keep_the_listed_order(tmp_path: Path) -> None:
    waves = [{"name": "one", "stacks": ["us", "cn"]}, {"name": "two", "stacks": ["eu", "jp"]}]
    result = plan(make_project(tmp_path, FOUR, waves=waves))
    assert [[inv.stack for inv in w.invocations] for w in result.waves] == [["us", "cn"], ["eu", "jp"]]


def test_a_stack_whose_jurisdiction_has_no_entry_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, {**FOUR, "uk": "UK"})
    with pytest.raises(
        ConfigError,
        match=r"deployments.yaml: jurisdictions.UK: \[RES-032\] stack 'uk' \(Pulumi.uk.yaml\) is in UK, "
        r"which the map does not cover. Fix: add jurisdictions.UK",
    ):
        plan(root)


def test_a_stack_in_no_wave_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"rollout.waves: stack\(s\) cn, eu are in no wave. Fix: .*`\*`"):
        plan(make_project(tmp_path, FOUR, waves=[{"name": "a", "stacks": ["jp", "us"]}]))


def test_a_wave_naming_an_unknown_stack_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"rollout.waves.0.stacks: names stack 'kr', which has no Pulumi.kr.yaml"):
        plan(make_project(tmp_path, FOUR, waves=[{"name": "a", "stacks": ["kr", "*"]}]))


def test_an_unknown_stack_filter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"--stack: unknown stack\(s\) mars. Fix: use one of cn, eu, jp, us"):
        plan(make_project(tmp_path, FOUR), only=("mars",))


def test_a_stack_encrypted_with_another_provider_is_refused(tmp_path: Path) -> None:
    extra = {"cn": {"secretsprovider": "awskms://alias/old?region=cn-northwest-1", "encryptedkey": "AQID"}}
    with pytest.raises(
        ConfigError,
        match=r"jurisdictions.CN.secrets_provider: \[RES-033\] stack 'cn' is encrypted with .*change-secrets-provider",
    ):
        plan(make_project(tmp_path, FOUR, extra=extra))


def test_a_passphrase_stack_against_a_kms_map_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"stack 'jp' is encrypted with 'passphrase'"):
        plan(make_project(tmp_path, FOUR, extra={"jp": {"encryptionsalt": "v1:abc"}}))


def test_a_stack_recorded_with_the_mapped_provider_is_accepted(tmp_path: Path) -> None:
    extra = {"cn": {"secretsprovider": JURISDICTIONS["CN"]["secrets_provider"], "encryptedkey": "AQID"}}
    assert len(plan(make_project(tmp_path, FOUR, extra=extra)).invocations()) == 4


@pytest.mark.parametrize(
    ("jurisdictions", "match"),
    [
        (
            {"CN": {"backend": "https://api.pulumi.com", "secrets_provider": "default"}},
            r"jurisdictions.CN.backend: \[RES-032\] Pulumi Cloud \(api.pulumi.com\) is hosted in the United States",
        ),
        (
            {"CN": {"backend": JURISDICTIONS["CN"]["backend"], "secrets_provider": "awskms://k?region=us-east-1"}},
            r"jurisdictions.CN.secrets_provider: \[RES-033\] the KMS key .* is in us-east-1, outside Mainland China",
        ),
        (
            {"CN": {"backend": "file:///tmp/s", "secrets_provider": "passphrase"}},
            r"jurisdictions.CN.backend: .* cannot be shown to be in Mainland China",
        ),
        ({"XX": JURISDICTIONS["US"]}, r"jurisdictions.XX: 'XX' is not a jurisdiction of the catalogue. Fix: use one"),
        ({"us": JURISDICTIONS["US"]}, r"jurisdictions.us: jurisdiction codes are upper case. Fix: write US"),
        ({"US": {"backend": "s3://b?region=us-east-1"}}, r"jurisdictions.US.secrets_provider: Field required"),
        (
            {"US": {**JURISDICTIONS["US"], "bakend": "x"}},
            r"jurisdictions.US.bakend: unknown key 'bakend'\. Fix: rename it to `backend`",
        ),
    ],
)
def test_map_entries_are_checked_with_their_key_path(
    tmp_path: Path, jurisdictions: dict[str, object], match: str
) -> None:
    make_project(tmp_path, {"us": "US"}, jurisdictions=jurisdictions, waves=[{"name": "all", "stacks": ["*"]}])
    with pytest.raises(ConfigError, match=match) as caught:
        load_deployment_map(tmp_path / "stacks" / "deployments.yaml", load_catalogue())
    assert str(caught.value).startswith(str(tmp_path / "stacks" / "deployments.yaml"))


def test_development_allows_local_state_and_passphrase(tmp_path: Path) -> None:
    dev = {"JP": {"backend": "file://~/.pulumi-dev", "secrets_provider": "passphrase", "development": True}}
    root = make_project(tmp_path, {"jp": "JP"}, jurisdictions=dev)
    (invocation,) = plan(root).invocations()
    assert invocation.development
    assert invocation.backend_url == "file://~/.pulumi-dev"


@pytest.mark.parametrize(
    ("waves", "match"),
    [
        ([{"name": "a", "stacks": ["jp"]}, {"name": "a", "stacks": ["*"]}], r"the wave name 'a' is used twice"),
        ([{"name": "a", "stacks": ["jp"]}, {"name": "b", "stacks": ["jp", "*"]}], r"'jp' is listed in more than one"),
        ([{"name": "a", "stacks": ["*"]}, {"name": "b", "stacks": ["*"]}], r"'\*' is listed in more than one"),
        ([{"name": "a", "stacks": []}], r"rollout.waves.0.stacks: Tuple should have at least 1 item"),
        ([{"name": "A b", "stacks": ["*"]}], r"rollout.waves.0.name: String should match pattern"),
        ([{"name": "a", "stacks": ["*"], "concurrency": 0}], r"rollout.waves.0.concurrency: .*greater than or equal"),
        ([], r"rollout.waves: Tuple should have at least 1 item"),
    ],
)
def test_bad_waves_are_refused(tmp_path: Path, waves: list[dict[str, object]], match: str) -> None:
    make_project(tmp_path, FOUR, waves=waves)
    with pytest.raises(ConfigError, match=match):
        load_deployment_map(tmp_path / "stacks" / "deployments.yaml", load_catalogue())


def test_a_missing_jurisdiction_in_a_stack_file_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, FOUR)
    (root / "stacks" / "Pulumi.kr.yaml").write_text("config:\n  sovereign-dc:region: x\n")
    with pytest.raises(ConfigError, match=r"Pulumi.kr.yaml: config.sovereign-dc:jurisdiction: missing"):
        plan(root)


def test_a_project_wide_backend_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, FOUR)
    (root / "Pulumi.yaml").write_text("name: sovereign-dc\nstackConfigDir: stacks\nbackend:\n  url: s3://one-bucket\n")
    with pytest.raises(ConfigError, match=r"Pulumi.yaml: backend: \[RES-032\] a project-wide backend would put every"):
        plan(root)


def test_the_shipped_map_is_valid_against_the_catalogue() -> None:
    dmap = load_deployment_map(REPO / "stacks" / "deployments.yaml", load_catalogue())
    assert dmap.jurisdictions["CN"].backend.endswith("endpoint=s3.cn-north-1.amazonaws.com.cn")
