"""The registry examples a first preview refused until stop 50: policies built with
``aws.iam.get_policy_document_output`` over the stack's own outputs. The Python SDK gives a declined invoke's result no
dependencies (pulumi ``runtime/invoke.py``: "The engine declines to service an invoke whose dependencies are pending
creation: the result is wholly unknown", returned without the inputs' resources), so the preview records no source for
the policy; since falsealarm50 the review proves such a value by every step of the document (each vouches here), so
they pass every door, the first preview included (they are in the realistic table as ``falsealarm50-*-rx36-*``)."""

from __future__ import annotations

from typing import Any

import platform_programs_review36 as rx36
import pytest
from engine_documents import FirstPreviewMocks, first_preview_document
from test_realistic_programs import Case, _config, _program, guard_rules, plan_run

from components.plan.preview import parse_preview
from components.plan.review import review_document
from components.residency import audit_session
from components.simulate.mocks import SovereignMocks
from components.testing import run_pulumi_program


@pytest.mark.parametrize("key", rx36.FIRST_PREVIEW_ONLY)
@pytest.mark.parametrize("code", ["EU", "CN"])
def test_a_policy_document_output_passes_the_first_preview(key: str, code: str, stack_config: Any) -> None:
    case = Case(f"falsealarm18-{code.lower()}-{key}", code, rx36.example(key, code))
    assert guard_rules(case) == set()
    assert plan_run(case)[1] == set()
    with audit_session():
        run = run_pulumi_program(
            _program(case, "raise"), project="sovereign-dc", stack=code.lower(), config=_config(case),
            preview=True, mocks=FirstPreviewMocks(SovereignMocks()),
        )  # fmt: skip
    assert run.error is None, run.error
    reviewed = review_document(parse_preview(first_preview_document(run.resources, _config(case)), "first.json"))
    assert [v.message for v in reviewed.violations] == []
