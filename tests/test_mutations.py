"""Property: however a shipped stack file or the deployment map is broken, the tools end cleanly.

Hypothesis mutates the real files - their structure (values replaced by other types, keys
dropped, renamed or duplicated), their YAML syntax, their encoding, their size, and anchors and
aliases with a bounded expansion - and runs the real command lines in-process. Whatever the
mutation, the plan must exit 0, 1 or 2 with no traceback, and every problem it reports must be one
paragraph naming the file and the fix, with long values shortened. The deploy CLI must do the same
for ``stacks/deployments.yaml`` (exit 0 or 2).

Examples are bounded and derandomised so the suite stays fast and stable; mutations that leave
the file valid run the whole program under mocks, which is the expensive part.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from components.deploy.__main__ import main as deploy_main
from components.plan.cli import main as plan_main

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.name for p in (ROOT / "stacks").glob("Pulumi.*.yaml"))
MAX_PARAGRAPH = 1200
"""No reported problem may be longer than this (values are shortened, never echoed whole)."""

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# -- mutations -----------------------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", "secure", "us-east-1", "cn-hongkong", "aws:x", "@", "10.0.0.0/8", "x" * 300_000]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=12), st.integers()), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


@st.composite
def structural(draw: st.DrawFn, text: str) -> bytes:
    """Parse, change one node (replace, drop, rename, nest deeply, add a key), dump again."""
    doc = yaml.safe_load(text)
    paths = [p for p in _paths(doc) if p]
    path = draw(st.sampled_from(paths))
    parent, last = _parent(doc, path), path[-1]
    action = draw(st.sampled_from(["replace", "drop", "rename", "deep", "add"]))
    if action == "replace":
        parent[last] = draw(_VALUES)
    elif action == "drop":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        parent[str(last)[:-1] + draw(st.sampled_from(["z", "_", "s", ""]))] = parent.pop(last)
    elif action == "deep":
        value: Any = "leaf"
        for _ in range(draw(st.integers(min_value=20, max_value=200))):
            value = [value]
        parent[last] = value
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=20))] = draw(_VALUES)
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True).encode("utf-8")


@st.composite
def textual(draw: st.DrawFn, text: str) -> bytes:
    """Change the text: YAML syntax, duplicate lines, encodings, truncation, size, aliases."""
    lines = text.splitlines(keepends=True)
    action = draw(
        st.sampled_from(["insert", "duplicate", "delete", "indent", "truncate", "encode", "bytes", "bomb", "huge"])
    )
    if action == "insert":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.text(alphabet=":[]{}&*!|>'\"#%@`-? \t\n\\", min_size=1, max_size=4)) + text[at:]
    elif action == "duplicate":  # a second key at the same level (e.g. a second jurisdiction)
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        lines.insert(index, lines[index])
        text = "".join(lines)
    elif action == "delete":
        del lines[draw(st.integers(min_value=0, max_value=len(lines) - 1))]
        text = "".join(lines)
    elif action == "indent":
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        lines[index] = draw(st.sampled_from(["", " ", "  ", "\t"])) + lines[index].lstrip(" ")
        text = "".join(lines)
    elif action == "truncate":
        text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
    elif action == "encode":
        encoding = draw(st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252", "gb18030"]))
        return (text + "# Jürgen 数据\n").encode(encoding, errors="replace")
    elif action == "bytes":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(min_value=1, max_value=5))):
            data.insert(draw(st.integers(min_value=0, max_value=len(data))), draw(st.integers(0, 255)))
        return bytes(data)
    elif action == "bomb":
        width = draw(st.integers(min_value=2, max_value=12))
        levels = draw(st.integers(min_value=2, max_value=9))
        bomb = [f"b0: &b0 [{', '.join(['x'] * width)}]"]
        bomb += [f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * width)}]" for i in range(1, levels)]
        where = draw(st.sampled_from(["top", "config"]))
        indent = "  " if where == "config" else ""
        text = text.replace("config:\n", "config:\n" + "".join(f"{indent}{line}\n" for line in bomb), 1)
        if where == "top":
            text = "".join(f"{line}\n" for line in bomb) + text
    else:
        text = text.replace("cn-platform", "x" * draw(st.sampled_from([200, 5_000, 2_000_000])), 1)
        text = text.replace("us-platform", "y" * 5_000, 1)
    return text.encode("utf-8")


def _mutant(text: str) -> st.SearchStrategy[bytes]:
    return st.one_of(structural(text), textual(text))


# -- the property ----------------------------------------------------------------------------------


def _check_paragraphs(paragraphs: list[str], file: str) -> None:
    assert paragraphs
    for paragraph in paragraphs:
        assert "\n" not in paragraph and "Traceback" not in paragraph
        assert len(paragraph) <= MAX_PARAGRAPH, paragraph[:300]
        assert paragraph.startswith(file) or paragraph.startswith("error: "), paragraph[:300]
        assert "Fix: " in paragraph, paragraph[:300]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mutations")
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(ROOT / name, root / name)
    (root / "stacks").mkdir()
    return root


@SETTINGS
@given(data=st.data())
def test_a_mutated_stack_file_never_crashes_the_plan(project: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(SHIPPED), label="stack")
    mutant = data.draw(_mutant((ROOT / "stacks" / name).read_text(encoding="utf-8")), label="file")
    stacks = project / "stacks"
    for old in stacks.glob("Pulumi.*.yaml"):
        old.unlink()
    (stacks / name).write_bytes(mutant)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = plan_main(["--stacks-dir", str(stacks), "--format", "json"])
    event(f"plan exit {code}")
    assert code in (0, 1, 2)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    if code == 2 and not out.getvalue():  # refused before planning: one line on stderr
        _check_paragraphs(err.getvalue().splitlines(), "error: ")
        return
    document = json.loads(out.getvalue())
    assert document["exit_code"] == code
    (stack,) = document["stacks"]
    if stack["error"] is not None:
        assert code == 2
        _check_paragraphs(stack["error"]["problems"], f"stacks/{name}")


@pytest.fixture(scope="module")
def deploy_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deploy-mutations")
    shutil.copy(ROOT / "Pulumi.yaml", root / "Pulumi.yaml")
    shutil.copytree(ROOT / "stacks", root / "stacks")
    return root


@SETTINGS
@given(data=st.data())
def test_a_mutated_deployment_map_never_crashes_the_deploy_cli(deploy_project: Path, data: st.DataObject) -> None:
    mutant = data.draw(_mutant((ROOT / "stacks" / "deployments.yaml").read_text(encoding="utf-8")), label="file")
    (deploy_project / "stacks" / "deployments.yaml").write_bytes(mutant)
    out, err = io.StringIO(), io.StringIO()

    def no_cloud() -> Any:
        raise AssertionError("a dry run never reaches the Pulumi CLI")

    code = deploy_main(
        ["preview", "--dry-run", "--project-dir", str(deploy_project)], operations=no_cloud, stdout=out, stderr=err
    )
    event(f"deploy exit {code}")
    assert code in (0, 2), err.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    if code == 2:
        lines = err.getvalue().splitlines()
        _check_paragraphs([line.removeprefix("error: ") for line in lines], str(deploy_project))
