"""The transfer register: destinations a stack declares resident, or declares as approved transfers.

Residency fails closed: a host, bucket or global service the catalogue cannot prove in-country is
refused. A :class:`Destination` is the sanctioned way through, and it stays visible: every finding
it covers is still reported, as ``declared`` with the declaration's id.

- ``kind: resident``: a non-cloud host or service inside the country (``evidence`` says why).
- ``kind: transfer``: an approved cross-border transfer (``basis`` from ``data_protection.yaml``,
  ``reference``, ``approved_by``, ``expires``), optionally limited to some resources.

``match`` is an exact host (``idp.example.cn``), a ``*.suffix`` (``*.example.cn``), a URL prefix
(``https://intake.example.com/v1/``), an ARN prefix (``arn:aws:s3:::partner-drop``), or a phone number
in international form, exact (``+44 7700 900123``) or a prefix (``+44*``); anything else must equal the
refused value exactly (a region id, a global-service id, a country code, a national phone number).
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import functools
import re
from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from components.errors import SovereignError
from components.residency.data_protection import load_data_protection
from components.residency.phones import normalise
from components.residency.references import idna_form
from components.yamlfile import described, shorten

__all__ = [
    "Destination",
    "DestinationProblem",
    "check_destinations",
    "host_of",
    "parse_destinations",
    "read_register",
]

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
EXPIRY_WARNING_DAYS = 30
"""The plan lists declarations expiring within this many days."""

_PHONE_MATCH = re.compile(r"^\+[0-9]+\*?$")
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?\[?([^/:?#\]]+)", re.IGNORECASE)
# A match that is a URL (a prefix of the URLs it covers) starts with its scheme. One holding "://" further on is a
# workflow's run-time expression (`States.Format('https://sqs.{}.amazonaws.com/<account>/q', $.region)`, the value a
# finding names; samevents46): matched exactly, never as a prefix. Before stop 46 it was refused as a URL prefix
# naming no host, so the declaration the run-time finding asks for could not be written.
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class DestinationProblem(SovereignError, ValueError):
    """A declaration that cannot be accepted: ``index`` and ``field`` say where, ``fix`` what to do."""

    def __init__(self, index: int, field: str, problem: str, fix: str, *, whole: bool = False) -> None:
        super().__init__(f"[{index}].{field}: {problem}. Fix: {fix}")
        self.index, self.field, self.problem, self.fix = index, field, problem, fix
        self.whole = whole
        """The register itself is wrong (not a list), not one of its entries."""

    def key(self, root: str) -> str:
        """Where the problem is, under the register's key ``root``: ``root[2].basis``, ``root[0].resources[1]``, or
        ``root`` itself for the whole register."""
        if self.whole:
            return root
        field = self.field if not self.field or self.field.startswith("[") else f".{self.field}"
        return f"{root}[{self.index}]{field}"


class Destination(BaseModel):
    """One entry of the transfer register (``sovereign-dc:destinations`` or ``enforce(destinations=...)``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Text
    """Stable id cited by every finding the entry covers, e.g. ``cn-idp``."""
    kind: Literal["resident", "transfer"]
    """``resident``: inside the country; ``transfer``: an approved cross-border transfer."""
    match: Text
    """Exact host, ``*.suffix``, URL prefix, ARN prefix, or an exact value."""
    evidence: Text | None = None
    """Resident only: why the destination is inside the country (contract, hosting, audit)."""
    destination: Text | None = None
    """Transfer only: jurisdiction code or country the data goes to."""
    data_classes: tuple[Text, ...] = ()
    """Transfer only: the data classes the transfer carries."""
    basis: Text | None = None
    """Transfer only: legal basis id (per jurisdiction, from data_protection.yaml)."""
    reference: Text | None = None
    """Transfer only: approval or filing reference."""
    approved_by: Text | None = None
    """Transfer only: who approved it."""
    expires: dt.date | None = None
    """Transfer only: last day the approval is valid."""
    resources: tuple[Text, ...] = ()
    """Transfer only, optional: type tokens or logical-name patterns it is limited to."""

    @field_validator("expires", mode="before")
    @classmethod
    def _expires_is_a_date(cls, value: object) -> object:
        # pydantic reads a number as seconds since 1970: `expires: 1798675200` would silently be 2026-12-31.
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError(f"expected a date, got the number {value}. Fix: write the date as YYYY-MM-DD")
        return value

    @field_validator("match")
    @classmethod
    def _match_names_something(cls, match: str) -> str:
        # A match never covers more than it names (see `matches`): `*` is a wildcard only as a host's first
        # label or a phone prefix's end, so anywhere else it would silently match nothing; a suffix of one
        # label or a URL prefix without a host would cover a whole top-level domain or every URL.
        if match.startswith("+"):
            return match
        if match.startswith("*.") and "*" not in match[2:]:
            if "." not in match[2:].strip("."):
                raise ValueError(
                    f"{match!r} would cover every host under the top-level domain {match[2:]!r}. "
                    f"Fix: name your own domain, e.g. *.example{match[1:]}"
                )
        elif "*" in match and not match.startswith(("arn:", "acs:")):  # a policy's ARN holds `*` literally
            raise ValueError(
                f"{match!r}: `*` is a wildcard only as the first label of a host (*.example.cn) or at the end "
                "of a phone number (+44*); here it would match only a literal `*`. Fix: write the exact host, "
                "a *.suffix, or the URL prefix without `*`"
            )
        elif "://" in match and _URL_SCHEME.match(match) and not _URL_HOST.match(match):
            raise ValueError(
                f"the URL prefix {match!r} names no host, so it would cover every such URL. "
                "Fix: write the prefix with its host, e.g. https://intake.example.com/v1/"
            )
        return match

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Destination:
        if self.match.startswith("+") and not _PHONE_MATCH.match(normalise(self.match)):
            raise ValueError(f"phone number match {self.match!r} must be +<digits> or a prefix +<digits>*")
        if self.kind == "resident":
            if self.evidence is None:
                raise ValueError("a resident destination needs `evidence`")
            extra = [f for f in ("destination", "basis", "reference", "approved_by", "expires") if getattr(self, f)]
            if extra or self.data_classes or self.resources:
                raise ValueError(f"a resident destination takes no transfer fields ({', '.join(extra) or 'resources'})")
        else:
            missing = [
                f for f in ("destination", "basis", "reference", "approved_by", "expires") if getattr(self, f) is None
            ]
            if not self.data_classes:
                missing.append("data_classes")
            if missing:
                raise ValueError(f"a transfer needs {', '.join(missing)}")
        return self

    # -- matching -----------------------------------------------------------------------------

    def matches(self, value: str) -> bool:
        """True when this entry names ``value`` (a host, URL, ARN or exact value); nothing broader. A host match written
        in Unicode names the host in either spelling: the engine reports a host under a host key in its IDNA form and
        one inside a URL as written."""
        match = self.match.lower()
        ascii_match = _ascii_form(match)
        return _matches(match, value) or (ascii_match != match and _matches(ascii_match, value))

    def covers_resource(self, type_token: str, name: str) -> bool:
        """True when the entry is not limited, or limited to this resource's type or name."""
        if not self.resources:
            return True
        return any(r == type_token or (":" not in r and fnmatch.fnmatchcase(name, r)) for r in self.resources)

    def expired(self, today: dt.date) -> bool:
        """True for a transfer whose approval ended before ``today``."""
        return self.expires is not None and self.expires < today

    def expiring(self, today: dt.date) -> bool:
        """True for a transfer ending within :data:`EXPIRY_WARNING_DAYS` of ``today``."""
        return (
            self.expires is not None and not self.expired(today) and (self.expires - today).days <= EXPIRY_WARNING_DAYS
        )


def _matches(match: str, value: str) -> bool:
    """True when ``match`` (lower case) names ``value``; see :meth:`Destination.matches`."""
    text = value.strip().lower()
    if match.startswith("+"):  # a phone number (findings name numbers without separators)
        wanted, number = normalise(match), normalise(text)
        return number.startswith(wanted[:-1]) if wanted.endswith("*") else number == wanted
    if match.startswith("*."):
        host = host_of(text)
        return host is not None and host.endswith(match[1:]) and host != match[2:]
    if ("://" in match and _URL_SCHEME.match(match)) or match.startswith(("arn:", "acs:")):
        return text.startswith(match)
    host = host_of(text)
    return text == match or (host is not None and host == match)


@functools.lru_cache(maxsize=256)
def _ascii_form(match: str) -> str:
    """A host match written in Unicode (``例子.中国``, ``*.例子.中国``) in the ASCII (IDNA) form the engine judges
    such a host in; any other match as written (a name the codec refuses too: it then matches only itself)."""
    if match.isascii() or "://" in match or match.startswith(("+", "arn:", "acs:")):
        return match
    wildcard = match.startswith("*.")
    host = idna_form(match[2:] if wildcard else match)
    if host is None:
        return match
    return f"*.{host}" if wildcard else host


def host_of(text: str) -> str | None:
    """The host of a URL or connection string, or ``text`` itself when it is a bare host."""
    m = _URL_HOST.match(text.strip())
    if m:
        return m.group(1).lower()
    bare = text.strip().lower().rstrip(".")
    return bare if re.fullmatch(r"[a-z0-9*-]+(?:\.[a-z0-9-]+)+", bare) else None


def parse_destinations(raw: object) -> list[Destination]:
    """Validate raw entries (from YAML/JSON) into destinations; :class:`DestinationProblem` on error."""
    entries, problems = _parse(raw)
    if problems:
        raise problems[0]
    return entries


def read_register(
    raw: object, code: str | None, today: dt.date | None = None
) -> tuple[list[Destination], list[DestinationProblem]]:
    """A raw register's valid entries and every problem at once, in entry order (a stack file reports all its problems
    together); the entries stand only when there is no problem.

    ``code`` is the stack's jurisdiction (``None`` when it is itself unknown: the entries are then only parsed).
    """
    entries, problems = _parse(raw)
    if code is not None:
        placed = enumerate(_indexed(raw, entries, {p.index for p in problems}))
        problems.extend(_check(code, [(i, d) for i, d in placed if d is not None], today))
        problems.sort(key=lambda p: p.index)  # stable: an entry's own problems stay in their order
    return entries, problems


def _indexed(raw: object, entries: list[Destination], bad: set[int]) -> list[Destination | None]:
    """``entries`` (the valid ones, in order) placed back at their index in ``raw``; ``None`` for a bad one."""
    count = len(raw) if isinstance(raw, list) else 0
    valid = iter(entries)
    return [None if i in bad else next(valid) for i in range(count)]


def _parse(raw: object) -> tuple[list[Destination], list[DestinationProblem]]:
    if not isinstance(raw, list):
        problem = DestinationProblem(
            0, "", f"expected a list of entries, got {type(raw).__name__}", "write `- id: ...` items", whole=True
        )
        return [], [problem]
    out: list[Destination] = []
    problems: list[DestinationProblem] = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            problems.append(
                DestinationProblem(
                    i, "", "an entry is not a mapping", "write each entry as `- id: ...` with its fields"
                )
            )
            continue
        try:
            out.append(Destination.model_validate(entry))
        except ValidationError as exc:
            problems.extend(_worded(i, error) for error in exc.errors())
    return out, problems


_FIELDS = tuple(Destination.model_fields)
_LIST_EXAMPLE = {"resources": "[aws:s3/bucket:Bucket, diag-*]", "data_classes": "[vehicle_diagnostics]"}


def _worded(index: int, error: ErrorDetails) -> DestinationProblem:
    """One of pydantic's errors as a :class:`DestinationProblem` in the register's own words."""
    loc = error["loc"]
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    name = str(loc[0]) if loc else ""
    kind, given = error["type"], error.get("input")
    problem = error["msg"].removeprefix("Value error, ")
    if ". Fix: " in problem:  # a validator of ours says its own fix
        problem, fix = problem.split(". Fix: ", 1)
        return DestinationProblem(index, field, problem, fix)
    if kind == "missing":
        return DestinationProblem(index, field, f"the entry has no `{name}`", f"add `{name}:` ({_FIX_OF_FIELD[name]})")
    if kind == "literal_error" and name == "kind":
        problem = f"unknown kind {shorten(given)} (it is 'resident' or 'transfer')"
        return DestinationProblem(index, field, problem, _FIX["kind"])
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(name, _FIELDS, n=1)
        hint = f"did you mean `{near[0]}`? " if near else ""
        return DestinationProblem(
            index, field, f"unknown field `{name}`", f"{hint}remove it or use one of {', '.join(_FIELDS)}"
        )
    if kind in ("tuple_type", "list_type") and name in _LIST_EXAMPLE:
        return DestinationProblem(
            index,
            field,
            f"expected a list, got {described(given)}",
            f"write it as a list, e.g. {_LIST_EXAMPLE[name]}",
        )
    if not loc and problem.startswith("a transfer needs "):
        missing = problem.removeprefix("a transfer needs ").split(", ")
        return DestinationProblem(
            index, field, problem, "add " + ", ".join(f"`{m}:` ({_FIX_OF_FIELD[m]})" for m in missing)
        )
    if not loc and problem.startswith("a resident destination needs `evidence`"):
        return DestinationProblem(index, field, problem, f"add `evidence:` ({_FIX_OF_FIELD['evidence']})")
    if not loc and problem.startswith("a resident destination takes no transfer fields"):
        return DestinationProblem(index, field, problem, "remove them, or make the entry `kind: transfer`")
    return DestinationProblem(index, field, problem, _FIX.get(name, "see docs/residency.md#declared-destinations"))


_FIX = {
    "kind": "use `resident` or `transfer`",
    "expires": "write the date as YYYY-MM-DD",
    "match": "name an exact host, *.suffix, URL prefix, ARN prefix or phone number (+<digits>, or +<digits>*)",
}
_FIX_OF_FIELD = {
    "id": "a stable id the findings it covers cite, e.g. cn-owner-idp",
    "kind": "`resident` or `transfer`",
    "match": "an exact host, *.suffix, URL prefix, ARN prefix or phone number",
    "evidence": "why the destination is inside the country: contract, hosting, audit",
    "destination": "the jurisdiction code or country the data goes to",
    "data_classes": "a list of the data classes the transfer carries",
    "basis": "the legal basis id, from components/residency/data_protection.yaml",
    "reference": "the approval or filing reference",
    "approved_by": "who approved the transfer",
    "expires": "the last day the approval is valid, YYYY-MM-DD",
    "resources": "type tokens or logical-name patterns",
}


def check_destinations(code: str, entries: Sequence[Destination], today: dt.date | None = None) -> None:
    """Check entries against the jurisdiction: unique ids, known basis, basis covers the data, not expired."""
    problems = _check(code, list(enumerate(entries)), today)
    if problems:
        raise problems[0]


def _check(
    code: str, entries: Sequence[tuple[int, Destination]], today: dt.date | None = None
) -> list[DestinationProblem]:
    """Every problem of ``entries`` (each with its index in the register), in order."""
    if not entries:
        return []
    today = today or dt.date.today()
    protection = load_data_protection()
    bases = protection.transfer_bases(code)
    seen: set[str] = set()
    problems: list[DestinationProblem] = []
    for i, d in entries:
        if d.id in seen:
            problems.append(DestinationProblem(i, "id", f"id {d.id!r} is used twice", "give every entry its own id"))
        seen.add(d.id)
        if d.kind != "transfer":
            continue
        assert d.basis is not None and d.expires is not None
        if d.basis not in bases:
            known = ", ".join(sorted(bases))
            problems.append(
                DestinationProblem(i, "basis", f"unknown basis {d.basis!r} for {code.upper()}", f"use one of {known}")
            )
        for data_class in d.data_classes if d.basis in bases else ():
            try:
                category = protection.category_of(code, data_class)
            except Exception as exc:  # CatalogueError: unknown class
                problems.append(
                    DestinationProblem(i, "data_classes", str(exc).split(". Fix:")[0], "name a known data class")
                )
                continue
            if not protection.basis_covers(code, d.basis, category.id):
                allowed = sorted(b for b in bases if protection.basis_covers(code, b, category.id))
                problems.append(
                    DestinationProblem(
                        i,
                        "basis",
                        f"basis {d.basis!r} cannot cover {data_class} ({category.name}) in {code.upper()}",
                        f"use {' or '.join(allowed)}, or leave {data_class} out of this transfer",
                    )
                )
        if d.expired(today):
            problems.append(
                DestinationProblem(
                    i,
                    "expires",
                    f"the approval expired on {d.expires.isoformat()}",
                    "renew the approval and update `expires`, or remove the entry",
                )
            )
    return problems
