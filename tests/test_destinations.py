"""The transfer register: declarations, their matching, their validation and how the plan lists them."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from destination_entries import PARTNER_TRANSFER
from hypothesis import given
from hypothesis import strategies as st
from test_plan_cli import _project, _run, _stack, _validate

from components.errors import ConfigError
from components.plan.documents import is_unknown
from components.residency import Destination, RuleEngine, Subject, enforce
from components.residency.destinations import DestinationProblem, check_destinations, parse_destinations
from components.residency.engine import ProviderRef
from components.residency.provenance import Source, untrusted_reason

TODAY = dt.date(2026, 12, 1)
AWS_CN = ProviderRef("aws", "cn", "cn-north-1")

RESIDENT = {"id": "idp", "kind": "resident", "match": "idp.example.cn", "evidence": "Shanghai colocation"}
TRANSFER = {**PARTNER_TRANSFER, "id": "diag-export", "expires": "2027-06-30"}


def env(url: str, name: str = "fn") -> Subject:
    return Subject("aws:lambda/function:Function", name, {"environment": {"variables": {"URL": url}}}, AWS_CN)


# -- what an entry matches: only what it names --------------------------------------------------------


@pytest.mark.parametrize(
    ("match", "value", "expected"),
    [
        ("idp.example.cn", "idp.example.cn", True),
        ("idp.example.cn", "https://idp.example.cn/jwks", True),
        ("idp.example.cn", "evil-idp.example.cn", False),
        ("idp.example.cn", "idp.example.cn.evil.com", False),
        ("*.example.cn", "api.example.cn", True),
        ("*.example.cn", "example.cn", False),
        ("*.example.cn", "api.example.cn.evil.com", False),
        ("https://intake.partner.example.com/v1/", "https://intake.partner.example.com/v1/x", True),
        ("https://intake.partner.example.com/v1/", "https://intake.partner.example.com/v2/x", False),
        ("arn:aws:s3:::partner-drop", "arn:aws:s3:::partner-drop/*", True),
        ("arn:aws:s3:::partner-drop", "arn:aws:s3:::other/*", False),
        # Phone numbers: exact however it is written, or a +<digits>* prefix; nothing broader.
        ("+44 7400 123456", "+447400123456", True),
        ("+447400123456", "+44 7400 123457", False),
        ("+44*", "+447400123456", True),
        ("+44*", "+4915123456789", False),
        ("+447*", "+4474", True),
        ("+44*", "+3544123456", False),  # Iceland (+354) is not a +44 number
    ],
)
def test_an_entry_matches_only_what_it_names(match: str, value: str, expected: bool) -> None:
    entry = Destination.model_validate({**RESIDENT, "match": match})
    assert entry.matches(value) is expected


labels = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True)


@given(labels, labels, labels)
def test_a_suffix_entry_never_matches_a_host_that_merely_contains_it(a: str, b: str, evil: str) -> None:
    entry = Destination.model_validate({**RESIDENT, "match": f"*.{a}.cn"})
    assert entry.matches(f"{b}.{a}.cn")
    assert not entry.matches(f"{b}.{a}.cn.{evil}.com")
    assert not entry.matches(f"{b}{a}.cn")


# -- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "field", "text"),
    [
        ({**RESIDENT, "evidence": None}, "", "needs `evidence`"),
        ({k: v for k, v in TRANSFER.items() if k != "reference"}, "", "needs reference"),
        ({**TRANSFER, "kind": "copy"}, "kind", "'resident' or 'transfer'"),
        ({**TRANSFER, "basis": "adequacy"}, "basis", "unknown basis 'adequacy' for CN"),
        ({**TRANSFER, "data_classes": ["camera_footage"]}, "basis", r"cannot cover camera_footage \(Important data\)"),
        ({**TRANSFER, "expires": "2026-01-01"}, "expires", "expired on 2026-01-01"),
        ({**TRANSFER, "expires": "soon"}, "expires", "valid date"),
        ({**TRANSFER, "data_classes": ["ufo_sightings"]}, "data_classes", "ufo_sightings"),
        ({**RESIDENT, "match": "+*"}, "", r"must be \+<digits> or a prefix"),
        ({**RESIDENT, "match": "+44 74*00"}, "", r"must be \+<digits> or a prefix"),
        # What a new user writes: each names the field and says the fix in the register's own words.
        ({**TRANSFER, "kind": "transferr"}, "kind", r"unknown kind 'transferr' \(it is .*\)\. Fix: use `resident` or"),
        (
            {**TRANSFER, "expiry": "2027-01-01"},
            "expiry",
            r"unknown field `expiry`\. Fix: did you mean `expires`\? remove",
        ),
        ({**TRANSFER, "note": "x"}, "note", r"unknown field `note`\. Fix: remove it or use one of id, kind, match"),
        ({k: v for k, v in TRANSFER.items() if k != "match"}, "match", r"the entry has no `match`\. Fix: add `match:`"),
        ({k: v for k, v in TRANSFER.items() if k != "basis"}, "", r"a transfer needs basis\. Fix: add `basis:` \(the"),
        ({**RESIDENT, "evidence": None}, "", r"needs `evidence`\. Fix: add `evidence:` \(why the destination"),
        ({**RESIDENT, "basis": "scc"}, "", r"takes no transfer fields \(basis\)\. Fix: remove them, or make"),
        (
            {**TRANSFER, "resources": "aws:s3/bucket:Bucket"},
            "resources",
            r"expected a list, got text 'aws:s3/bucket:Bucket'\. Fix: write it as a list, e\.g\. \[",
        ),
        ({**TRANSFER, "resources": 5}, "resources", r"expected a list, got a number 5\. Fix: write it as a list"),
        ({**TRANSFER, "resources": [5]}, "resources[0]", r"valid string"),
        ({**TRANSFER, "data_classes": "vehicle_diagnostics"}, "data_classes", r"expected a list, got text"),
        # A number is not read as seconds since 1970 (1798675200 was silently 2026-12-31; 20270630 an odd error).
        (
            {**TRANSFER, "expires": 20270630},
            "expires",
            r"expected a date, got the number 20270630\. Fix: write the date",
        ),
        ({**TRANSFER, "expires": 1798675200}, "expires", r"expected a date, got the number 1798675200\. Fix: write"),
        # A match covers only what it names: nothing that would silently match nothing, or everything.
        ({**RESIDENT, "match": "*"}, "match", r"`\*` is a wildcard only as the first label of a host"),
        ({**RESIDENT, "match": "idp.*.example.cn"}, "match", r"would match only a literal `\*`\. Fix: write"),
        ({**TRANSFER, "match": "https://*.partner.example.com/"}, "match", r"would match only a literal `\*`"),
        ({**RESIDENT, "match": "*.cn"}, "match", r"'\*\.cn' would cover every host under the top-level domain 'cn'"),
        ({**TRANSFER, "match": "https://"}, "match", r"the URL prefix 'https://' names no host.*Fix: write the prefix"),
    ],
)
def test_bad_entries_name_the_field_and_the_fix(entry: dict[str, Any], field: str, text: str) -> None:
    with pytest.raises(DestinationProblem, match=text) as info:
        check_destinations("CN", parse_destinations([entry]), TODAY)
    assert info.value.field.startswith(field) and "Fix:" in str(info.value)


# A basis belongs to its jurisdiction's register: the GDPR's in DE, the CAC's in CN, a documented assessment where the
# regime was not reviewed one by one (JP, US); a stack citing another jurisdiction's basis is a config error.
@pytest.mark.parametrize(
    ("code", "foreign", "own"),
    [
        ("JP", "scc", "documented-assessment"),
        ("JP", "standard-contract", "documented-assessment"),
        ("US", "adequacy", "documented-assessment"),
        ("DE", "cac-security-assessment", "scc"),
        ("DE", "documented-assessment", "adequacy"),
    ],
)
def test_a_basis_of_another_jurisdiction_is_refused_and_its_own_accepted(code: str, foreign: str, own: str) -> None:
    entry = {**TRANSFER, "data_classes": ["owner_personal_data"], "destination": "SG"}
    with pytest.raises(DestinationProblem, match=f"unknown basis '{foreign}' for {code}. Fix: use one of") as info:
        check_destinations(code, parse_destinations([{**entry, "basis": foreign}]), TODAY)
    assert own in str(info.value)
    check_destinations(code, parse_destinations([{**entry, "basis": own}]), TODAY)


def test_important_data_leaves_cn_only_with_a_cac_security_assessment() -> None:
    entry = {**TRANSFER, "data_classes": ["camera_footage"], "basis": "cac-security-assessment"}
    check_destinations("CN", parse_destinations([entry]), TODAY)


@pytest.mark.parametrize(
    "match",
    [
        "*.example.cn",
        "*.example.com.cn",
        "https://intake.partner.example.com/",
        "https://localhost/",
        "arn:aws:s3:::partner-drop",
        "arn:aws:s3:::partner-drop/*",  # as a policy's Resource writes it: `*` is literal in an ARN
        "acs:oss:*:*:partner-drop/*",
        "+44*",
        "13123456789",
        "fleet-global",
    ],
)
def test_a_match_that_names_something_is_accepted(match: str) -> None:
    entry = {**(RESIDENT if "://" not in match else TRANSFER), "match": match}
    check_destinations("CN", parse_destinations([entry]), TODAY)


@given(labels, labels)
def test_a_wildcard_is_accepted_only_as_the_first_label_of_a_domain(a: str, b: str) -> None:
    assert Destination.model_validate({**RESIDENT, "match": f"*.{a}.{b}"}).matches(f"x.{a}.{b}")
    for bad in (f"*.{a}", f"{a}.*.{b}", f"{a}*.{b}", f"https://*.{a}.{b}/", f"*.{a}.*.{b}"):
        with pytest.raises(DestinationProblem, match=r"\[0\]\.match: .*Fix: "):
            parse_destinations([{**RESIDENT, "match": bad}])


def test_the_stack_file_reports_every_problem_of_the_register_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stacks = _project(tmp_path)
    entries = [
        {**TRANSFER, "kind": "transferr"},
        {**RESIDENT, "evidence": None},
        {**TRANSFER, "id": "b", "basis": "adequacy", "expires": "2026-01-01"},
        {**RESIDENT, "id": "c"},
        {**RESIDENT, "id": "c", "note": "x"},
        TRANSFER,
    ]
    _stack(stacks, "cn", STACK.format(destinations=json.dumps(entries)))
    code, out, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    assert code == 2
    problems = json.loads(out)["stacks"][0]["error"]["problems"]
    keys = [p.split(": ")[1] for p in problems]
    assert keys == [
        "sovereign-dc:destinations[0].kind",
        "sovereign-dc:destinations[1]",
        "sovereign-dc:destinations[2].basis",
        "sovereign-dc:destinations[2].expires",
        "sovereign-dc:destinations[4].note",
    ], problems
    assert all("Fix: " in p for p in problems)


def test_a_register_that_is_not_a_list_is_named_by_its_own_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stacks = _project(tmp_path)
    _stack(stacks, "cn", STACK.format(destinations=json.dumps(RESIDENT)))
    code, out, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    assert code == 2
    problems = json.loads(out)["stacks"][0]["error"]["problems"]
    assert [p.split(": ", 2)[1:] for p in problems] == [
        ["sovereign-dc:destinations", "expected a list of entries, got dict. Fix: write `- id: ...` items"]
    ], problems


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(DestinationProblem, match="used twice"):
        check_destinations("CN", parse_destinations([RESIDENT, RESIDENT]), TODAY)


def test_enforce_refuses_a_bad_register_with_a_config_error() -> None:
    bad = Destination.model_validate({**TRANSFER, "basis": "scc"})
    with pytest.raises(ConfigError, match=r"enforce\(destinations=...\): destinations\[0\].basis: unknown basis"):
        enforce("CN", destinations=[bad], register=lambda guard: None)


# -- declared findings are reported, never raised -----------------------------------------------------


def test_a_declared_finding_is_reported_with_its_declaration() -> None:
    engine = RuleEngine("CN", destinations=parse_destinations([RESIDENT]), today=TODAY)
    findings, _ = engine.check(env("https://idp.example.cn/.well-known/jwks.json"))
    assert [(f.rule.id, f.status, f.declared_by) for f in findings] == [("RES-015", "declared", "idp")]
    assert findings[0].as_dict()["declared_by"] == "idp"
    assert engine.used == {"idp": 1}


def test_a_value_computed_from_a_resource_with_only_declared_findings_is_proven() -> None:
    # At a first preview a channel association's `arn` is unknown, computed from an e-mail contact whose address is
    # declared: the contact is in the jurisdiction (what it sends to is sanctioned), and so is the value.
    mail = {"id": "mail", "kind": "resident", "match": "mail.example.cn", "evidence": "Own mail servers, Shanghai"}
    contact = Subject(
        "aws:notifications/contactsEmailContact:ContactsEmailContact", "oncall",
        {"name": "oncall", "emailAddress": "oncall@mail.example.cn"}, AWS_CN,
    )  # fmt: skip
    source = Source(contact.type, contact.name, contact)
    declared = RuleEngine("CN", destinations=parse_destinations([mail]), today=TODAY)
    assert [f.declared_by for f in declared.check(contact)[0]] == ["mail"]
    assert untrusted_reason(declared, source, is_unknown) is None
    undeclared = untrusted_reason(RuleEngine("CN", today=TODAY), source, is_unknown)
    assert undeclared is not None and "is not in CN: [RES-015] `emailAddress`" in undeclared


def test_the_register_reports_stale_and_expiring_entries() -> None:
    soon = {**TRANSFER, "expires": (TODAY + dt.timedelta(days=10)).isoformat()}
    engine = RuleEngine("CN", destinations=parse_destinations([RESIDENT, soon]), today=TODAY)
    engine.check(env("https://intake.partner.example.com/v1"))
    assert [d.id for d in engine.destinations if engine.used.get(d.id)] == ["diag-export"]
    assert [d.id for d in engine.destinations if not engine.used.get(d.id)] == ["idp"]
    assert [d.id for d in engine.destinations if d.expiring(engine.judging_date())] == ["diag-export"]


# -- the stack file and the plan --------------------------------------------------------------------


STACK = """
config:
  sovereign-dc:jurisdiction: CN
  sovereign-dc:datacenter:
    clouds:
      alicloud: {{primary: cn-shanghai}}
    data_classes:
      vehicle_diagnostics: {{retention_days: 30}}
    owners: [cn-platform@example.com]
  sovereign-dc:destinations: {destinations}
  # The team's deployment role: the platform's provider deploys as it, so the data keys' key policy grants the stack's
  # own account (RES-023 since stop 36).
  alicloud:assumeRole: {{roleArn: "acs:ram::1234567890123456:role/sovereign-deployer"}}
"""


def test_a_bad_declaration_in_the_stack_file_exits_2_naming_file_key_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stacks = _project(tmp_path)
    _stack(stacks, "cn", STACK.format(destinations=json.dumps([{**TRANSFER, "basis": "adequacy"}])))
    code, out, err = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    assert code == 2, out
    _validate(json.loads(out))
    error = json.loads(out)["stacks"][0]["error"]
    assert error["kind"] == "config"
    assert error["key"] == "sovereign-dc:destinations[0].basis"
    assert "Pulumi.cn.yaml" in error["message"] and "Fix: use one of" in error["message"]
    assert "Traceback" not in out + err


# An impossible date left unquoted is a YAML timestamp Python cannot build: it used to end the plan with
# "the plan itself failed on this stack: ValueError ... this is a bug in sovereign-dc".
@pytest.mark.parametrize("option", ["plan", "--stack-file"])
def test_an_impossible_expiry_date_names_the_file_line_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    stacks = _project(tmp_path)
    entry = json.dumps([{**TRANSFER, "expires": "2027-02-30"}]).replace('"2027-02-30"', "2027-02-30")
    path = _stack(stacks, "cn", STACK.format(destinations=entry))
    if option == "plan":
        code, out, err = _run(capsys, "--stacks-dir", str(stacks))
    else:
        state = Path(__file__).resolve().parent / "fixtures/state-cn.json"
        code, out, err = _run(capsys, "--state", str(state), "--stack-file", str(path))
    assert code == 2
    assert "'2027-02-30' is not a date (day is out of range for month) at line 10, " in out + err
    assert "Fix: write a real date as YYYY-MM-DD, or quote the value if it is text" in out + err
    assert "Pulumi.cn.yaml" in out + err
    assert "bug in sovereign-dc" not in out + err and "Traceback" not in out + err


def test_the_plan_lists_every_declaration_with_its_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = _project(tmp_path)
    entries = [RESIDENT, {**TRANSFER, "expires": (dt.date.today() + dt.timedelta(days=5)).isoformat()}]
    _stack(stacks, "cn", STACK.format(destinations=json.dumps(entries)))
    code, out, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "json")
    assert code == 0, out
    document = json.loads(out)
    _validate(document)
    declarations = {d["id"]: d for d in document["stacks"][0]["declarations"]}
    assert declarations["idp"]["status"] == "unused" and not declarations["idp"]["expiring"]
    assert declarations["diag-export"]["expiring"] is True and declarations["diag-export"]["status"] == "expiring"
    code, text, _ = _run(capsys, "--stacks-dir", str(stacks))
    assert "idp [resident] idp.example.cn · UNUSED" in text
    assert "(within 30 days)" in textwrap.dedent(text)


def test_the_markdown_plan_shows_the_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stacks = _project(tmp_path)
    _stack(stacks, "cn", STACK.format(destinations=json.dumps([RESIDENT])))
    code, markdown, _ = _run(capsys, "--stacks-dir", str(stacks), "--format", "markdown")
    assert code == 0
    assert "| `idp` | resident | `idp.example.cn` | ⚠️ unused (stale) |" in markdown


def test_enforce_takes_register_entries_as_written_in_the_stack_file() -> None:
    # The stack file's entries are mappings; enforce(destinations=[{...}]) used to fail with
    # "AttributeError: 'dict' object has no attribute 'id'".
    guard = enforce("CN", destinations=[RESIDENT], register=lambda guard: None)
    assert guard.engine.destinations == (Destination.model_validate(RESIDENT),)
    with pytest.raises(
        ConfigError, match=r"^enforce\(destinations=...\): destinations\[0\]\.kind: unknown kind 'copy'"
    ):
        enforce("CN", destinations=[{**RESIDENT, "kind": "copy"}], register=lambda guard: None)
    with pytest.raises(
        ConfigError, match=r"^enforce\(destinations=...\): destinations: expected a list of entries, got"
    ):
        enforce("CN", destinations="idp.example.cn", register=lambda guard: None)  # type: ignore[arg-type]


def test_a_run_time_expression_holding_a_url_is_declared_exactly() -> None:
    # samevents46 (stop 46): a finding names a workflow's run-time expression as written, and asks for it to be
    # declared; one holding "://" further on was refused as a URL prefix naming no host. It is matched exactly: not as
    # a prefix, nor its start. A URL without a host is still refused (above).
    expr = "States.Format('https://sqs.{}.amazonaws.com/123456789012/q', $.region)"
    (entry,) = parse_destinations([{**RESIDENT, "match": expr}])
    assert entry.matches(expr) and entry.matches(f" {expr} ")  # the value as a finding names it
    assert not entry.matches(expr.replace("/q'", "/q2'")) and not entry.matches(
        "https://sqs.eu-central-1.amazonaws.com/"
    )
    (start,) = parse_destinations([{**RESIDENT, "match": expr[:40]}])
    assert not start.matches(expr)
    (url,) = parse_destinations([{**RESIDENT, "match": "https://sqs.eu-central-1.amazonaws.com/123456789012/"}])
    assert url.matches("https://sqs.eu-central-1.amazonaws.com/123456789012/q")  # a URL is still a prefix
