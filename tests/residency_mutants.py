"""Mutation search over the realistic table: swap a resident value for a foreign one, expect a refusal.

Every compliant program of ``tests/test_realistic_programs.py`` (``CASES``) is run once under the guard (audit mode)
and every string leaf of every registered resource's inputs is read. Each leaf holding a resident value gives mutants:

- ``region``: an in-jurisdiction region (the exact names of jurisdictions.yaml) replaced by a foreign region of the same
  cloud, also inside zone names within longer text, hosts (``oss-cn-shanghai.aliyuncs.com``) and ARNs; inside base64
  text too (user data, command content), decoded, swapped and encoded again (each kind below too, as ``<kind>-b64``;
  base64 of gzip-compressed text, as ``user_data_base64`` takes, is decompressed, swapped and compressed again:
  ``<kind>-b64gz``);
- ``host``: the host of a URL (and a multi-host URL's further hosts, ``postgres://a:5432,b:5432/db``), a whole-leaf
  host name (with or without a port) or list of them (a Kafka bootstrap list ``b-1...:9094,b-2...:9094``), or a declared
  destination's match replaced by ``collector.example.com`` (a host nothing proves resident): each of a value's first
  three hosts in its own mutant;
- ``partition``: ``arn:aws-cn:`` -> ``arn:aws:`` in CN programs;
- ``zone``: a whole leaf that is a zone of an in-jurisdiction region replaced by a zone of a foreign region of the same
  cloud, spelt as that cloud spells that region's zones (``cn-shanghai-b`` -> ``cn-hongkong-b`` or
  ``ap-southeast-1b``, ``cn-north-1a`` -> ``ap-east-1a``); a zone inside longer text stays a ``region`` mutant;
- ``zone-id``: an AWS zone id of an in-jurisdiction region (``cnn1-az1``, ``euc1-az2``, ``use1-mia1-az1``: the region's
  code from the catalogue's ``short_codes``) given a foreign region's code (``ape1-az1``, ``euw2-az2``);
- ``email``: the domain of an e-mail address (``ops@fleet.example.cn``) replaced by ``collector.example.com``;
- ``ip``: a private IPv4 address written as one address (``10.20.0.53``, not a ``10.0.0.0/16`` range) replaced by
  ``203.0.113.10`` (an address outside every private range: nothing proves where it is);
- ``account`` (round 9): an account a value names as an account (an AWS IAM / STS ARN's ``arn:<partition>:iam::<id>:``,
  an Alibaba Cloud RAM / STS ARN's ``acs:ram::<uid>:``, a whole-leaf 12-digit AWS id or 16-digit Alibaba UID, a quoted
  id in a JSON document) replaced, wherever that id stands in the leaf, by an account no provider pins
  (``STRANGER_ACCOUNT`` / ``STRANGER_UID``): a grant to it must be refused (RES-023); a resource ARN naming the id
  elsewhere in the same leaf is swapped with it; an SQS queue URL's owner account too (round 11). Providers' own pins
  are not swapped, nor, in a CN program, an AWS account other than one of an ``arn:aws:`` ARN (round 13: an aws-cn
  account is China's whatever its id; the ``partition`` kind asks that question).

Each mutant is the same program with a stack transformation registered *before* ``enforce()`` that rewrites that one
leaf (through ``apply`` where the input is an Output), so the guard, kept last, judges the mutated inputs exactly as it
judges a program that wrote them. A mutant the guard accepts is a SURVIVOR: either the field carries no destination (a
name, a description, a Deny statement's region list) or it is a leak. ``--plan`` also runs each mutant through the
offline plan and reports where the two front doors disagree.

    .venv/bin/python tests/residency_mutants.py [--cases REGEX] [--limit N] [--per-case M] [--plan] [--kinds K,...]

Not a test module (no ``test_`` prefix); tests/test_residency_mutants.py runs it over a fixed sample.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import copy
import functools
import gzip
import inspect
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _extra in (ROOT / "policy", ROOT / "tests", ROOT):
    if str(_extra) not in sys.path:
        sys.path.insert(0, str(_extra))

import pulumi  # noqa: E402
import test_realistic_programs as realistic  # noqa: E402
import yaml  # noqa: E402

from components import _compat  # noqa: E402
from components.errors import ResidencyViolation  # noqa: E402
from components.plan.collect import build_stack_plan  # noqa: E402
from components.residency import audit_session, enforce  # noqa: E402
from components.residency.catalogue import load_catalogue  # noqa: E402
from components.residency.destinations import parse_destinations  # noqa: E402
from components.residency.documents import load_document, looks_like_yaml  # noqa: E402
from components.residency.endpoints import load_endpoints  # noqa: E402
from components.residency.engine import _at_any as engine_at_any  # noqa: E402
from components.simulate.recorder import Secret  # noqa: E402
from components.testing import run_pulumi_program  # noqa: E402

__all__ = [
    "OPT_IN_KINDS", "STRANGER_ACCOUNT", "STRANGER_UID", "Mutant", "Outcome", "Report", "judge", "main", "mutants_of",
    "realistic", "search",
]  # fmt: skip

COLLECTOR = "collector.example.com"
"""The foreign host of a host swap: nothing (no catalogue suffix, no declaration, no resource) proves it resident."""

# Foreign regions per (jurisdiction, cloud), tried in turn across a program's mutants. Each is a real region of that
# cloud outside the jurisdiction; the first of each is the subtle one (a `cn-` region outside the mainland, London and
# Zurich beside the EU, Seoul beside Tokyo, Canada beside the US, Ireland beside Germany).
FOREIGN: dict[tuple[str, str], tuple[str, ...]] = {
    ("CN", "alicloud"): ("cn-hongkong", "ap-southeast-1", "us-east-1"),
    ("CN", "aws"): ("ap-east-1", "ap-southeast-1", "us-east-1"),
    ("EU", "alicloud"): ("eu-west-1", "us-east-1"),  # Alibaba eu-west-1 is London
    ("EU", "aws"): ("eu-west-2", "eu-central-2", "us-east-1"),
    ("DE", "alicloud"): ("eu-west-1", "us-east-1"),
    ("DE", "aws"): ("eu-west-1", "eu-west-2", "us-east-1"),
    ("JP", "alicloud"): ("ap-northeast-2", "ap-southeast-1"),
    ("JP", "aws"): ("ap-northeast-2", "ap-southeast-1"),
    ("US", "alicloud"): ("ap-southeast-1", "eu-central-1"),
    ("US", "aws"): ("ca-central-1", "eu-west-1"),
    # Round 9 (stop 36): the jurisdictions the table's stop-36 programs added (Singapore beside Jakarta and Hong Kong,
    # Hong Kong beside the mainland's Shenzhen and Singapore, Seoul beside Tokyo).
    ("SG", "alicloud"): ("ap-southeast-5", "cn-hongkong", "us-east-1"),
    ("SG", "aws"): ("ap-southeast-3", "ap-east-1", "us-east-1"),
    ("HK", "alicloud"): ("cn-shenzhen", "ap-southeast-1", "us-east-1"),
    ("HK", "aws"): ("ap-southeast-1", "ap-northeast-1", "us-east-1"),
    ("KR", "alicloud"): ("ap-northeast-1", "ap-southeast-1"),
    ("KR", "aws"): ("ap-northeast-1", "ap-northeast-3", "us-east-1"),
}

_URL_HOST = re.compile(
    r"\b[a-z][a-z0-9+.-]*://(?:[^/@\s\"']*@)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+)", re.IGNORECASE
)
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\.?$", re.I)
# The last label of a whole-leaf host name: common top-level domains only, so that an instance type (ecs.g7.large) or a
# handler (index.handler) is not taken for a host.
_TLDS = frozenset(
    {"com", "cn", "net", "org", "io", "eu", "de", "jp", "us", "uk", "fr", "it", "es", "nl", "se", "ie", "kr", "sg",
     "hk", "tw", "co", "dev", "app", "cloud", "info", "biz"}
)  # fmt: skip
_BASE64 = re.compile(r"^[A-Za-z0-9+/]{16,}={0,2}$")
# An AWS zone id (euc1-az2) or Local / Wavelength Zone id (use1-mia1-az1, use1-wl1-bos-wlz1): the region's code first.
_ZONE_ID = re.compile(r"(?<![a-z0-9-])([a-z]{3,9}\d+)(-(?:[a-z]+\d+-)?az\d+|-wl\d+-[a-z]+-wlz\d+)(?![a-z0-9])")
# A private IPv4 address, not a range (no /prefix after it) nor part of a longer dotted name or version.
_PRIVATE_IP = re.compile(
    r"(?<![\w.])(10(?:\.\d{1,3}){3}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|192\.168(?:\.\d{1,3}){2})(?![\w/]|\.\d)"
)
PUBLIC_IP = "203.0.113.10"
"""The foreign address of an ip swap: outside the private ranges the engine proves (TEST-NET-3, never routed)."""
# An e-mail address; its domain is group 1 (userinfo of a URL, `user@host`, is the host swap's).
_EMAIL = re.compile(r"(?<![/:\w.%+-])[\w.%+-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w-])", re.I)


def _norm(key: object) -> str:
    """A key as both the serialised inputs (camelCase) and the transformation's props (snake_case) spell it."""
    return str(key).replace("_", "").replace("-", "").lower()


@dataclass(frozen=True)
class Mutant:
    case: str
    type: str
    name: str
    path: tuple[object, ...]
    kind: str  # region | zone | zone-id | host | partition | email | ip, with "-b64" / "-b64gz" inside base64 (of gzip)
    before: str
    after: str
    base: str | None = None  # a variant's plain swap of the same leaf (host for host-upper, region for region-one)

    @property
    def group(self) -> tuple[str, str, str]:
        return self.type, ".".join("[*]" if isinstance(p, int) else str(p) for p in self.path), self.kind


@dataclass
class Outcome:
    mutant: Mutant
    guard: str | None  # the rule id refused under, None when accepted
    plan: set[str] | None = None  # the plan's rule ids (with --plan)
    applied: bool = True  # the transformation found and rewrote the leaf
    error: str | None = None  # the program failed otherwise
    base_guard: str | None = None  # a surviving variant's plain swap: the rule it was refused under, "" if accepted


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    cases: int = 0
    seconds: float = 0.0

    @property
    def survivors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.applied and o.error is None and o.guard is None]

    @property
    def unexplained(self) -> list[Outcome]:
        """Survivors that are no variant of a surviving plain swap: a plain swap refused where its variant passed
        (`https://COLLECTOR.EXAMPLE.COM` accepted, `https://collector.example.com` refused), or a survivor with no plain
        swap (a plain kind, base64 inside a longer value). A variant whose plain swap survives too is judged as that
        field's plain survivors are (a name, a pattern, an identity: earlier rounds' groups)."""
        return [o for o in self.survivors if o.base_guard != ""]

    @staticmethod
    def survivors_of(outcomes: list[Outcome]) -> list[Outcome]:
        return [o for o in outcomes if o.applied and o.error is None and o.guard is None]

    def groups(self, *, unexplained: bool = False) -> dict[tuple[str, str, str], list[Outcome]]:
        groups: dict[tuple[str, str, str], list[Outcome]] = {}
        for o in self.unexplained if unexplained else self.survivors:
            groups.setdefault(o.mutant.group, []).append(o)
        return dict(sorted(groups.items()))

    def per_kind(self) -> dict[str, tuple[int, int, int]]:
        """kind -> (mutants, refused, survivors)."""
        counts: dict[str, list[int]] = {}
        for o in self.outcomes:
            made = counts.setdefault(o.mutant.kind, [0, 0, 0])
            made[0] += 1
            made[1] += o.guard is not None
            made[2] += o in self.survivors_of([o])
        return {kind: (made, refused, survived) for kind, (made, refused, survived) in sorted(counts.items())}

    @property
    def disagreements(self) -> list[Outcome]:
        """Mutants the guard and the plan judge differently (one refuses, the other accepts, or other rules)."""
        return [
            o for o in self.outcomes
            if o.plan is not None and o.applied and o.error is None
            and ((o.guard is None) != (not o.plan) or (o.guard is not None and o.guard not in o.plan))
        ]  # fmt: skip


# -- reading a program's leaves -----------------------------------------------------------------


def _leaves(value: Any, path: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], str]]:
    if isinstance(value, Secret):
        yield from _leaves(value.value, path)
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))


def _resident_regions(code: str) -> list[str]:
    jurisdiction = load_catalogue().get(code)
    names = set(jurisdiction.regions("aws")) | set(jurisdiction.regions("alicloud"))
    return sorted(names, key=len, reverse=True)  # longest first: cn-shanghai-finance-1 before cn-shanghai


def _region_pattern(code: str) -> re.Pattern[str]:
    # A region inside a zone (cn-shanghai-b, eu-west-1a), a host (oss-cn-shanghai.) or an ARN (:eu-west-1:), never
    # inside a longer region (eu-west-1 in eu-west-10) or word.
    alternatives = "|".join(re.escape(r) for r in _resident_regions(code))
    return re.compile(rf"(?<![a-z0-9])({alternatives})(?![0-9])")


def _zone_pattern(code: str) -> re.Pattern[str]:
    # A whole leaf that is a zone of a resident region: eu-west-1a (AWS, Alibaba outside the mainland), cn-shanghai-b
    # (Alibaba's mainland regions, and cn-shanghai-finance-1z), eu-central-1-mia-1a style names are left to `region`.
    alternatives = "|".join(re.escape(r) for r in _resident_regions(code))
    return re.compile(rf"^({alternatives})(-?)([a-z])$")


def _foreign_zone(region: str, letter: str) -> str:
    """A zone of ``region`` as its cloud spells it: a letter after a Region ending in a digit (``ap-east-1a``,
    Alibaba's ``ap-southeast-1b``), ``-<letter>`` after one that does not (Alibaba's ``cn-hongkong-b``)."""
    return f"{region}{letter}" if region[-1].isdigit() else f"{region}-{letter}"


@functools.cache
def _zone_codes() -> dict[str, str]:
    """AWS region code (the catalogue's ``short_codes``: ``cnn1``) -> region."""
    short = load_endpoints().aws.short_codes
    return dict(short.codes) if short else {}


def _code_of(region: str) -> str | None:
    return next((c for c, r in _zone_codes().items() if r == region), None)


def _foreign_zone_id(found: re.Match[str], codes: Mapping[str, str], resident: set[str], foreign: str) -> str:
    """A resident zone id given the foreign region's code: ``cnn1-az1`` -> ``ape1-az1``; a Local or Wavelength Zone id
    becomes an availability zone id of the foreign region (``use1-mia1-az1`` -> ``cac1-az1``: that region has no such
    group)."""
    if codes.get(found.group(1)) not in resident:
        return found.group(0)
    tail = found.group(2)
    return foreign + (tail if re.fullmatch(r"-az\d+", tail) else "-az1")


def _cloud(type_: str, text: str) -> str:
    if "aliyun" in text or "alibaba" in text:
        return "alicloud"
    if "amazonaws" in text or text.startswith("arn:"):
        return "aws"
    return "alicloud" if type_.startswith(("alicloud:", "pulumi:providers:alicloud")) else "aws"


def _decoded(text: str) -> tuple[str, bool] | None:
    """A base64 leaf's text and whether it was gzip-compressed (``user_data_base64`` takes gzip: ``1f 8b`` after
    decoding); None when the leaf is no base64 text."""
    if len(text) % 4 or not _BASE64.match(text):
        return None
    try:
        raw = base64.b64decode(text, validate=True)
        compressed = raw[:2] == b"\x1f\x8b"
        decoded = (gzip.decompress(raw) if compressed else raw).decode()
    except (binascii.Error, UnicodeDecodeError, OSError, EOFError):
        return None
    return (decoded, compressed) if decoded.isprintable() or "\n" in decoded else None


def _encoded(text: str, compressed: bool) -> str:
    """``text`` encoded as the leaf was: base64, of its gzip compression when the leaf's was compressed."""
    raw = text.encode()
    return base64.b64encode(gzip.compress(raw, mtime=0) if compressed else raw).decode()


def _swaps(code: str, type_: str, text: str, declared: list[str], turn: int) -> Iterator[tuple[str, str]]:
    """(kind, mutated text) for one leaf's text."""
    regions = _region_pattern(code)
    found = regions.search(text)
    zone = _zone_pattern(code).match(text)
    if zone:
        cloud = _cloud(type_, text)
        foreign = FOREIGN[(code, cloud)]
        yield "zone", _foreign_zone(foreign[turn % len(foreign)], zone.group(3))
    elif found:
        foreign = FOREIGN[(code, _cloud(type_, text))]
        yield "region", regions.sub(foreign[turn % len(foreign)], text)
    resident = set(_resident_regions(code))
    codes = _zone_codes()
    if any(codes.get(m.group(1)) in resident for m in _ZONE_ID.finditer(text)):
        foreign_codes = [c for c in map(_code_of, FOREIGN[(code, "aws")]) if c]
        yield (
            "zone-id",
            _ZONE_ID.sub(
                lambda m: _foreign_zone_id(m, codes, resident, foreign_codes[turn % len(foreign_codes)]), text
            ),
        )
    if found:
        # Round 5: one region of a list swapped, the others kept (`cn-shanghai,cn-beijing` ->
        # `cn-shanghai,cn-hongkong`): a list is judged item by item, not by its first or by a majority.
        every = list(regions.finditer(text))
        if len(every) > 1:
            last = every[-1]
            foreign = FOREIGN[(code, _cloud(type_, text))]
            yield "region-one", text[: last.start(1)] + foreign[turn % len(foreign)] + text[last.end(1) :]
        # An ARN of a resident region given a foreign region and no account (`arn:aws:sns:eu-west-2::topic`).
        arn = _ARN_REGION.search(text)
        if arn and regions.fullmatch(arn.group(2)):
            foreign = FOREIGN[(code, "aws")]
            yield "arn-noacct", text[: arn.start(2)] + foreign[turn % len(foreign)] + "::" + text[arn.end(3) + 1 :]
    if code == "CN" and "arn:aws-cn:" in text:
        yield "partition", text.replace("arn:aws-cn:", "arn:aws:")
    hosts = _hosts(text, declared)
    for host in hosts[:MAX_HOSTS]:
        yield "host", _host_at(host).sub(COLLECTOR, text)
    if hosts:
        yield from _host_forms(text, hosts[0])
    ip = _PRIVATE_IP.search(text)
    if ip:
        yield "ip", text[: ip.start()] + PUBLIC_IP + text[ip.end() :]
    # Each address of a leaf in turn (a sender, a recipient and a reply-to address in one document play different
    # parts), at most three.
    mails = [m for m in _EMAIL.finditer(text) if m.group(1).lower() != COLLECTOR]
    for mail in mails[:3]:
        yield "email", text[: mail.start(1)] + COLLECTOR + text[mail.end(1) :]


_ARN_REGION = re.compile(r"\barn:(aws|aws-cn|aws-us-gov|acs):[a-z0-9-]+:([a-z0-9-]+):(\d{12}|\d{16}|\*):")
IPV6 = "2001:db8::1"
"""The foreign address of an IPv6 swap (the documentation prefix: nothing proves where it is)."""


def _host_forms(text: str, host: str) -> Iterator[tuple[str, str]]:
    """Round 5: a value's first host written as the foreign host in other spellings a client accepts: upper case
    (`COLLECTOR.EXAMPLE.COM`), a trailing dot (the absolute name `collector.example.com.`), an IPv6 literal
    (`https://[2001:db8::1]/`, bare `2001:db8::1` under a host key), userinfo and a port in a URL
    (`https://fleet:s3cret@collector.example.com:8443/`) and a port without a scheme for a whole-value host
    (`collector.example.com:8443`)."""
    at = _host_at(host)
    yield "host-upper", at.sub(COLLECTOR.upper(), text)
    yield "host-dot", at.sub(COLLECTOR + ".", text)
    url = re.compile(rf"(://)(?:[^/@\s\"']*@)?{re.escape(host)}(?::\d{{1,5}})?(?![\w-]|\.\w)", re.I)
    if url.search(text):
        yield "host-ipv6", url.sub(lambda m: f"{m.group(1)}[{IPV6}]", text, count=1)
        yield "host-userinfo", url.sub(lambda m: f"{m.group(1)}fleet:s3cret@{COLLECTOR}:8443", text, count=1)
    elif re.fullmatch(rf"\s*{re.escape(host)}\.?\s*", text):  # a whole-value host with no port
        yield "host-ipv6", IPV6
        yield "host-port", f"{COLLECTOR}:8443"


MAX_HOSTS = 3
"""Hosts of one value swapped, each in its own mutant: a list's second broker or a connection string's second host is
another destination, judged apart (a value's first host alone was swapped until round 4)."""


def _hosts(text: str, declared: list[str]) -> list[str]:
    """The hosts of a value, in the order written: URLs' hosts, declared destinations' hosts, and a whole value that is
    a host (with its port: ``pg.example.com:5432``) or a list of them (``b-1.kafka...:9092,b-2.kafka...:9092``, a
    comma-, semicolon- or blank-separated host list: every item a host)."""
    found = [(m.start(1), m.group(1)) for m in _URL_HOST.finditer(text)]
    for url in _URL_HOST.finditer(text):  # a multi-host URL's further hosts: postgres://a:5432,b:5432/db, mongodb://a,b
        more = _MORE_HOSTS.match(text, url.end())
        if more:
            found += [(more.start() + i.start(1), i.group(1)) for i in _MORE_HOST.finditer(more.group(0))]
    found += [(text.find(d), d) for d in declared if d and d in text]
    items = [i for i in _LIST_ITEM.split(text.strip()) if i]
    bare = [re.sub(r":\d{1,5}$", "", i).rstrip(".") for i in items]
    if bare and all(_is_host(b) for b in bare):
        found += [(text.find(b), b) for b in bare]
    hosts: list[str] = []
    for _, host in sorted(found):
        if host != COLLECTOR and host not in hosts:
            hosts.append(host)
    return hosts


_LIST_ITEM = re.compile(r"[,;\s]+")
_MORE_HOSTS = re.compile(r"(?::\d{1,5})?(?:,[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+(?::\d{1,5})?)+", re.I)
_MORE_HOST = re.compile(r",([^,:]+)")


def _host_at(host: str) -> re.Pattern[str]:
    """``host`` where it stands whole: not inside a longer name (``a.example.com`` in ``b.a.example.com``)."""
    return re.compile(rf"(?<![\w.-]){re.escape(host)}(?![\w-]|\.\w)")


def _is_host(text: str) -> bool:
    return bool(_HOST.match(text)) and text.rstrip(".").rsplit(".", 1)[-1].lower() in _TLDS


def _host_of(match: str) -> str:
    """A declared match's host (``https://intake.example.com/v1`` -> ``intake.example.com``)."""
    found = _URL_HOST.search(match)
    return found.group(1) if found else match.split("/", 1)[0]


def mutants_of(case: realistic.Case, resources: list[Any], opt_in: frozenset[str] = frozenset()) -> list[Mutant]:
    """Every mutant of a compliant program's recorded resources; ``opt_in``: kinds made only when asked for by name
    (``OPT_IN_KINDS``), so that a default run's mix of mutants stays what it was."""
    # A declared match that is a host (not a phone number, an ENS region or an ARN prefix).
    declared = [
        host for d in case.destinations if isinstance(d.get("match"), str)
        for host in [_host_of(d["match"])] if _is_host(host)
    ]  # fmt: skip
    made: list[Mutant] = []
    buckets = _made_buckets(resources)
    for record in resources:
        if not record.custom or record.type.startswith("pulumi:pulumi:"):
            continue
        for path, text in _leaves(dict(record.inputs)):
            turn = len(made)
            plain: dict[str, str] = {}
            for kind, after in _swaps(case.code, record.type, text, declared, turn):
                plain.setdefault(kind, after)
                if after != text:
                    base = plain.get(_PLAIN.get(kind, ""))
                    made.append(Mutant(case.id, record.type, record.name, path, kind, text, after, base))
            decoded = _decoded(text)
            if decoded is not None:
                inner, compressed = decoded
                suffix = "-b64gz" if compressed else "-b64"
                for kind, after in _swaps(case.code, record.type, inner, declared, turn):
                    if after != inner:
                        encoded = _encoded(after, compressed)
                        made.append(Mutant(case.id, record.type, record.name, path, kind + suffix, text, encoded))
                for kind, after in _round_7_swaps(case.code, record, path, inner, buckets, turn):
                    if kind != "scope":
                        encoded = _encoded(after, compressed)
                        made.append(Mutant(case.id, record.type, record.name, path, kind + suffix, text, encoded))
            for kind, after, base in _inner_swaps(case.code, record.type, text, declared, turn):
                made.append(Mutant(case.id, record.type, record.name, path, kind, text, after, base))
            for kind, after in _round_7_swaps(case.code, record, path, text, buckets, turn):
                made.append(Mutant(case.id, record.type, record.name, path, kind, text, after))
            for kind, after in (*_account_swaps(record, text, case.code), *_opt_in_swaps(case.code, text, opt_in)):
                made.append(Mutant(case.id, record.type, record.name, path, kind, text, after))
            round_20 = ((kind, after, None) for kind, after in _round_20_swaps(case.code, record, path, text, opt_in))
            round_21 = ((kind, after, None) for kind, after in _round_21_swaps(case.code, record, path, text, opt_in))
            for kind, after, base in (*_round_19_swaps(case.code, record, path, text, buckets, opt_in), *round_20,
                                      *round_21):  # fmt: skip
                made.append(Mutant(case.id, record.type, record.name, path, kind, text, after, base))
    return made


# -- round 15 (stop 45): an in-country cloud host turned into a lookalike of it ------------------------------------

OPT_IN_KINDS = frozenset({
    "lookalike", "template", "template-partition", "template-own",
    "template-fn", "template-param", "held", "arn-account", "deep", "deep-nested",
    "template-select", "override", "written-dest", "replication", "script-filter", "eval-word", "config-file",
    "nginx-pass", "cron-line", "s3cfg", "aliyun-region", "buildspec-env", "write-files",
    "aliyun-named", "written-read", "default-word", "loop-word",
})  # fmt: skip
"""Kinds made only when ``--kinds`` names them (a default run, and the fixed samples of tests/test_residency_mutants.py,
keep the mix of mutants they had)."""

# An in-country regional cloud host: labels, one of them holding a resident Region, before a provider domain.
_PROVIDER_DOMAINS = ("amazonaws.com.cn", "amazonaws.com", "aliyuncs.com")


def _opt_in_swaps(code: str, text: str, opt_in: frozenset[str]) -> Iterator[tuple[str, str]]:
    if "lookalike" in opt_in:
        yield from _lookalike_swaps(code, text)
    if "template" in opt_in:
        yield from _template_swaps(code, text)
    if "template-partition" in opt_in:
        yield from _template_partition_swaps(code, text)
    if "template-own" in opt_in:
        yield from _template_own_swaps(code, text)


def _lookalike_swaps(code: str, text: str) -> Iterator[tuple[str, str]]:
    """Round 15: the first in-country regional cloud host of a leaf (a label names a resident Region:
    ``vpc-logs.eu-west-1.es.amazonaws.com``, ``cn-shanghai-intranet.log.aliyuncs.com``; a service principal such as
    ``states.amazonaws.com`` names none and is left alone) written as a host of another domain that reads like it:
    the dot before the provider domain made a dash (``...es-amazonaws.com``: a name under the registrable
    ``es-amazonaws.com``), and the host as the first labels of a foreign name
    (``...amazonaws.com.collector.example.com``).
    Each must be refused as an unproven host (RES-015)."""
    regions = _region_pattern(code)
    domains = "|".join(re.escape(d) for d in _PROVIDER_DOMAINS)
    for m in re.finditer(rf"(?<![a-z0-9.-])((?:[a-z0-9-]+\.)+)({domains})(?![a-z0-9-]|\.[a-z0-9])", text, re.I):
        if not regions.search(m.group(1)):
            continue
        head, domain = m.group(1), m.group(2)
        yield "lookalike", text[: m.start()] + f"{head[:-1]}-{domain}" + text[m.end() :]
        yield "lookalike", text[: m.end()] + "." + COLLECTOR + text[m.end() :]
        return


# -- round 16 (stop 47): a template's own account or Region written as a foreign one ---------------------------------

# A CloudFormation / SAM / ROS template names the stack's own account and Region by pseudo parameters
# (`${AWS::AccountId}` in an `Fn::Sub`, `{"Ref": "ALIYUN::Region"}`), not by literals, so no other kind reached the
# destinations of a template's resources: a template written with `${AWS::AccountId}` held no account to swap.
_PSEUDO_SUB = re.compile(r"\$\{(AWS|ALIYUN)::(AccountId|Region)\}")
_PSEUDO_REF = re.compile(r"^(AWS|ALIYUN)::(AccountId|Region)$")
MAX_TEMPLATE_SWAPS = 6
"""Pseudo-parameter references of one template swapped, each in its own mutant."""


def _template_swaps(code: str, text: str) -> Iterator[tuple[str, str]]:
    """Round 16: in a template body (a JSON document with ``Resources``), each reference to the stack's own account or
    Region, one at a time, written as a foreign literal: ``${AWS::AccountId}`` -> ``STRANGER_ACCOUNT``,
    ``${ALIYUN::AccountId}`` -> ``STRANGER_UID``, ``${AWS::Region}`` / ``{"Ref": "ALIYUN::Region"}`` -> a foreign Region
    of that cloud (not an AWS account in a CN program: an aws-cn account is China's, round 13). A template naming a
    partner's account or a foreign Region where the stack's own stood must be refused as its Pulumi twin is."""
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    made = 0
    for path, leaf in _leaves(document):
        for start, end, cloud, name in _pseudo_spots(path, leaf):
            if code == "CN" and (cloud, name) == ("AWS", "AccountId"):
                # An aws-cn stack's own account is China's by partition whatever its id (round 13): its swap asks no
                # question (the first run's 7 CN survivors, all `arn:${AWS::Partition}:...:<stranger>:...`).
                continue
            if made >= MAX_TEMPLATE_SWAPS:
                return
            made += 1
            after = _pseudo_value(code, cloud, name, made)
            if path and path[-1] == "Ref":
                yield "template", dump(_set_at(document, path[:-1], after))
            else:
                yield "template", dump(_set_at(document, path, leaf[:start] + after + leaf[end:]))


def _template_of(text: str) -> tuple[dict[str, Any], Callable[[Any], str]] | None:
    """A template body (a document with ``Resources``) and how to write it back: JSON as JSON, and (round 17) YAML as
    YAML, its short-form intrinsics (``!Ref``, ``!Sub``) read as their long forms by the engine's own loader and written
    back long (``Fn::Sub:``), which CloudFormation and ROS read alike."""
    stripped = text.lstrip()
    document: Any
    dump: Callable[[Any], str]
    if stripped[:1] == "{":
        try:
            document = json.loads(text)
        except ValueError:
            return None
        dump = json.dumps
    elif looks_like_yaml(stripped):
        document = load_document(text)
        dump = _yaml_text
    else:
        return None
    if not isinstance(document, dict) or not isinstance(document.get("Resources"), dict):
        return None
    return document, dump


def _yaml_text(document: Any) -> str:
    """A YAML template written back as YAML, its keys in their order."""
    return str(yaml.safe_dump(document, sort_keys=False))


# -- round 17 (stop 48): a template's own partition, and its own resources, written as another's ----------------------

_PARTITION_SUB = re.compile(r"\$\{AWS::Partition\}")


def _template_partition_swaps(code: str, text: str) -> Iterator[tuple[str, str]]:
    """Round 17: each reference to the stack's own AWS partition (``${AWS::Partition}`` in an ``Fn::Sub``, ``{"Ref":
    "AWS::Partition"}``), one per mutant, written as another partition: ``aws`` in a CN program (an ARN outside China),
    ``aws-cn`` elsewhere (an ARN in China). The ``partition`` kind asks this of a literal ``arn:aws-cn:`` only."""
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    foreign = "aws" if code == "CN" else "aws-cn"
    made = 0
    for path, leaf in _leaves(document):
        if path and path[-1] == "Ref":
            if leaf == "AWS::Partition":
                made += 1
                yield "template-partition", dump(_set_at(document, path[:-1], foreign))
        else:
            for m in _PARTITION_SUB.finditer(leaf):
                made += 1
                yield "template-partition", dump(_set_at(document, path, leaf[: m.start()] + foreign + leaf[m.end() :]))
        if made >= MAX_TEMPLATE_SWAPS:
            return


# What a reference to a template's own resource gives (the providers' return values: CloudFormation's `Ref` and
# `Fn::GetAtt` of each type, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-
# resource-type-ref.html; ROS's `ARN.WithSlash` of an MNS queue / topic, "acs:mns:$region:$accountid:/queues/$name", as
# tests/platform_programs_ros47.py cites), written as the same kind of resource of a partner: the stack's own partition
# and Region kept (pseudo parameters in an `Fn::Sub`), another account (`<account>`: STRANGER_ACCOUNT, `<uid>`:
# STRANGER_UID), or a bucket the stack does not make. A role (`AWS::IAM::Role`) is not listed: the role a service runs
# as names no destination (rounds 9 to 16), so its swap asks nothing.
_SQS_ARN = "arn:${AWS::Partition}:sqs:${AWS::Region}:<account>:partner-orders"
_SQS_URL = "https://sqs.${AWS::Region}.amazonaws.com/<account>/partner-orders"
_SNS_ARN = "arn:${AWS::Partition}:sns:${AWS::Region}:<account>:partner-alerts"
_LAMBDA_ARN = "arn:${AWS::Partition}:lambda:${AWS::Region}:<account>:function:partner-fn"
_SFN_ARN = "arn:${AWS::Partition}:states:${AWS::Region}:<account>:stateMachine:partner-flow"
_DYNAMODB_ARN = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:<account>:table/partner-table"
_KMS_ARN = "arn:${AWS::Partition}:kms:${AWS::Region}:<account>:key/1234abcd-12ab-34cd-56ef-1234567890ab"
PARTNER_VALUES: dict[tuple[str, str], str] = {
    ("AWS::SQS::Queue", "Arn"): _SQS_ARN,
    ("AWS::SQS::Queue", "Ref"): _SQS_URL,
    ("AWS::SQS::Queue", "QueueUrl"): _SQS_URL,
    ("AWS::SNS::Topic", "Ref"): _SNS_ARN,
    ("AWS::SNS::Topic", "TopicArn"): _SNS_ARN,
    ("AWS::Lambda::Function", "Arn"): _LAMBDA_ARN,
    ("AWS::Serverless::Function", "Arn"): _LAMBDA_ARN,
    ("AWS::StepFunctions::StateMachine", "Ref"): _SFN_ARN,
    ("AWS::StepFunctions::StateMachine", "Arn"): _SFN_ARN,
    ("AWS::Serverless::StateMachine", "Ref"): _SFN_ARN,
    ("AWS::Serverless::StateMachine", "Arn"): _SFN_ARN,
    ("AWS::Kinesis::Stream", "Arn"): "arn:${AWS::Partition}:kinesis:${AWS::Region}:<account>:stream/partner-stream",
    ("AWS::Events::EventBus", "Arn"): "arn:${AWS::Partition}:events:${AWS::Region}:<account>:event-bus/partner-bus",
    ("AWS::Logs::LogGroup", "Arn"): "arn:${AWS::Partition}:logs:${AWS::Region}:<account>:log-group:partner-logs:*",
    ("AWS::DynamoDB::Table", "Arn"): _DYNAMODB_ARN,
    ("AWS::S3::Bucket", "Ref"): "<bucket>",
    ("AWS::S3::Bucket", "Arn"): "arn:${AWS::Partition}:s3:::<bucket>",
    ("ALIYUN::MNS::Queue", "ARN.WithSlash"): "acs:mns:${ALIYUN::Region}:<uid>:/queues/partner-orders",
    ("ALIYUN::MNS::Topic", "ARN.WithSlash"): "acs:mns:${ALIYUN::Region}:<uid>:/topics/partner-alerts",
    ("ALIYUN::OSS::Bucket", "Name"): "<bucket>",
    # Round 18 (stop 49): the other types the table's templates refer to where a service writes, by the return values
    # their reference pages document. A function's `Ref` is its name ("When you pass the logical ID of this resource
    # to the intrinsic Ref function, Ref returns the resource name", AWS::Lambda::Function), and Lambda takes an ARN
    # wherever it takes a name ("Name formats: Function name, Function ARN, Partial ARN"): another account's function
    # is named by its ARN. A KMS key's `Ref` is its key id and "To specify a KMS key in a different AWS account, you
    # must use the key ARN or alias ARN" (KMS key identifiers). A bucket's `DomainName` / `RegionalDomainName`
    # ("<bucket>.s3.amazonaws.com", "<bucket>.s3.<region>.amazonaws.com"), an OSS bucket's `DomainName` /
    # `InternalDomainName` (its public and internal endpoints) name the bucket by its host. An MNS queue's / topic's
    # `ARN` ("acs:mns:$region:$accountid:queues/$queueName"), an FC function's `ARN` and an FC 3.0 function's
    # `FunctionArn` (acs:fc:<region>:<uid>:...), a ROS KMS key's `Arn` / `KeyId`. Not a host that names no account (an
    # RDS instance's endpoint, a load balancer's DNS name: another account's is the same shape, nothing to prove).
    ("AWS::Lambda::Function", "Ref"): _LAMBDA_ARN,
    ("AWS::Serverless::Function", "Ref"): _LAMBDA_ARN,
    ("AWS::KMS::Key", "Ref"): _KMS_ARN,
    ("AWS::KMS::Key", "Arn"): _KMS_ARN,
    ("AWS::Logs::Destination", "Arn"): "arn:${AWS::Partition}:logs:${AWS::Region}:<account>:destination:partner-dest",
    ("AWS::KinesisFirehose::DeliveryStream", "Arn"): (
        "arn:${AWS::Partition}:firehose:${AWS::Region}:<account>:deliverystream/partner-delivery"
    ),
    ("AWS::DynamoDB::GlobalTable", "Arn"): _DYNAMODB_ARN,
    ("AWS::S3::Bucket", "DomainName"): "<bucket>.s3.amazonaws.com",
    ("AWS::S3::Bucket", "RegionalDomainName"): "<bucket>.s3.${AWS::Region}.amazonaws.com",
    ("ALIYUN::MNS::Queue", "ARN"): "acs:mns:${ALIYUN::Region}:<uid>:queues/partner-orders",
    ("ALIYUN::MNS::Topic", "ARN"): "acs:mns:${ALIYUN::Region}:<uid>:topics/partner-alerts",
    ("ALIYUN::OSS::Bucket", "DomainName"): "<bucket>.oss-${ALIYUN::Region}.aliyuncs.com",
    ("ALIYUN::OSS::Bucket", "InternalDomainName"): "<bucket>.oss-${ALIYUN::Region}-internal.aliyuncs.com",
    ("ALIYUN::FC::Function", "ARN"): "acs:fc:${ALIYUN::Region}:<uid>:services/partner-svc/functions/partner-fn",
    ("ALIYUN::FC3::Function", "FunctionArn"): "acs:fc:${ALIYUN::Region}:<uid>:functions/partner-fn",
    ("ALIYUN::KMS::Key", "Arn"): "acs:kms:${ALIYUN::Region}:<uid>:key/key-partner7",
    ("ALIYUN::KMS::Key", "KeyId"): "acs:kms:${ALIYUN::Region}:<uid>:key/key-partner7",
}
"""(template resource type, ``Ref`` or the ``Fn::GetAtt`` attribute) -> a partner's resource of that type."""


def _template_own_swaps(code: str, text: str) -> Iterator[tuple[str, str]]:
    """Round 17: each ``Ref`` / ``Fn::GetAtt`` of a resource the template makes (a type of ``PARTNER_VALUES``), one per
    mutant, written as a partner's resource of that type: the engine proves a reference to the template's own resource
    as the stack's; a partner's written where it stood must be refused as its Pulumi twin is (RES-023 for another
    account where a service writes, RES-017 / RES-019 for a bucket the stack does not make). Not an AWS account in a
    CN program (an aws-cn account is China's, round 13): only its bucket swaps are made there."""
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    made = 0
    for path, type_, attribute in _own_references(document, document["Resources"]):
        value = PARTNER_VALUES.get((type_, attribute))
        if value is None or (code == "CN" and "<account>" in value):
            continue
        partner = (
            value.replace("<account>", STRANGER_ACCOUNT)
            .replace("<uid>", STRANGER_UID)
            .replace("<bucket>", PARTNER_BUCKET)
        )
        made += 1
        yield "template-own", dump(_set_at(document, path, {"Fn::Sub": partner} if "${" in partner else partner))
        if made >= MAX_TEMPLATE_SWAPS:
            return


def _own_references(
    node: Any, resources: Mapping[str, Any], path: tuple[object, ...] = ()
) -> Iterator[tuple[tuple[object, ...], str, str]]:
    """(path, type, ``Ref`` or attribute) of each ``{"Ref": Id}`` / ``{"Fn::GetAtt": [Id, Attribute]}`` (or
    ``"Id.Attribute"``) naming a resource of the template."""
    if isinstance(node, Mapping):
        if len(node) == 1:
            ((key, value),) = node.items()
            target = _own_target(key, value)
            if target is not None and isinstance(resources.get(target[0]), Mapping):
                type_ = resources[target[0]].get("Type")
                if isinstance(type_, str):
                    yield path, type_, target[1]
                    return
        for key, value in node.items():
            yield from _own_references(value, resources, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _own_references(item, resources, (*path, i))


def _own_target(key: object, value: Any) -> tuple[str, str] | None:
    if key == "Ref" and isinstance(value, str):
        return value, "Ref"
    if key != "Fn::GetAtt":
        return None
    if isinstance(value, str) and "." in value:
        logical_id, _, attribute = value.partition(".")
        return logical_id, attribute
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0], value[1]
    return None


def _pseudo_spots(path: tuple[object, ...], leaf: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, cloud, parameter) of each pseudo parameter a leaf names: a ``Ref`` of one (the whole leaf) or a
    ``${...}`` inside a ``Fn::Sub`` string."""
    whole = _PSEUDO_REF.match(leaf) if path and path[-1] == "Ref" else None
    if whole:
        yield 0, len(leaf), whole.group(1), whole.group(2)
        return
    for m in _PSEUDO_SUB.finditer(leaf):
        yield m.start(), m.end(), m.group(1), m.group(2)


def _pseudo_value(code: str, cloud: str, name: str, turn: int) -> str:
    if name == "AccountId":
        return STRANGER_ACCOUNT if cloud == "AWS" else STRANGER_UID
    foreign = FOREIGN[(code, "aws" if cloud == "AWS" else "alicloud")]
    return foreign[turn % len(foreign)]


# -- round 9 (stop 36): an account no provider of the stack pins ----------------------------------------------------

STRANGER_ACCOUNT = "460922110357"
"""The foreign AWS account of an account swap: twelve digits no program of the table pins, declares or names (and no
``service_accounts`` entry of the catalogue)."""
STRANGER_UID = "5718340092216604"
"""The foreign Alibaba Cloud UID of an account swap (sixteen digits, as an account UID is written)."""

# Where an account stands as one: an IAM / STS / RAM ARN's account field, a quoted id in a JSON document (a policy's
# `"AWS": "123456789012"`, a Condition's `aws:SourceAccount` too: the id is swapped wherever it stands in the leaf),
# an SQS queue URL's owner account (round 11, stop 42: `https://sqs.<region>.amazonaws.com/<account>/<name>`, the
# queue written into by an IoT rule's SQS action or an HTTP API's SQS-SendMessage integration; the search had never
# swapped it where the URL stood alone), and a REST API SQS integration's path (`...:apigateway:<region>:sqs:path/
# <account>/<queue>`).
_ACCOUNT_SPOTS = re.compile(
    r"\barn:aws[a-z-]*:(?:iam|sts)::(\d{12}):|\bacs:(?:ram|sts)::(\d{16}):|\"(\d{12})\"|\"(\d{16})\""
    r"|\bsqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/(\d{12})/|:apigateway:[a-z0-9-]+:sqs:path/(\d{12})/"
)
_WHOLE_ACCOUNT = re.compile(r"^\s*(\d{12}|\d{16})\s*$")
MAX_ACCOUNTS = 2
"""Distinct accounts of one value swapped, each in its own mutant (a policy naming the run account and a second one)."""


# An AWS account named in a global-partition (`aws`) ARN: in a CN program, the only AWS account whose swap asks a
# question (round 13, stop 43).
_GLOBAL_ARN_ACCOUNT = re.compile(r"\barn:aws:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):")


def _account_swaps(record: Any, text: str, code: str = "") -> Iterator[tuple[str, str]]:
    if record.type.startswith("pulumi:providers:"):
        return  # a provider's pin is what proves the account; swapping it is not this kind's question
    whole = _WHOLE_ACCOUNT.match(text)
    found = [whole.group(1)] if whole else []
    for spot in _ACCOUNT_SPOTS.finditer(text):
        found += [g for g in spot.groups() if g]
    # In a CN program an AWS account named by an aws-cn ARN, a bare id or a .amazonaws.com.cn queue URL is an aws-cn
    # account, China's by partition whatever its id (the engine's reading, docs/residency.md round 12): swapping its
    # id for another aws-cn account made only false survivors (rounds 9 to 12, the bulk of their unexplained groups);
    # the `partition` kind (arn:aws-cn: -> arn:aws:) asks the real question there. An account of an `arn:aws:` ARN,
    # and an Alibaba Cloud UID, are still swapped.
    global_accounts = set(_GLOBAL_ARN_ACCOUNT.findall(text))
    accounts: list[str] = []
    for account in found:
        if code == "CN" and len(account) == 12 and account not in global_accounts:
            continue
        if account not in accounts and account not in (STRANGER_ACCOUNT, STRANGER_UID):
            accounts.append(account)
    for account in accounts[:MAX_ACCOUNTS]:
        stranger = STRANGER_ACCOUNT if len(account) == 12 else STRANGER_UID
        yield "account", re.sub(rf"(?<!\d){account}(?!\d)", stranger, text)


# -- round 7 (stop 35): a bucket the stack does not make, an edge form of a regional endpoint, a scope value of
# another area, a global IPv6 address ----------------------------------------------------------------------------

PARTNER_BUCKET = "partner-exports-7"
"""The foreign bucket of a bucket swap: a name this stack makes no bucket of and does not declare (S3 and OSS bucket
names are one namespace per partition / worldwide: nothing proves where another's bucket is)."""

PUBLIC_IPV6 = "2a05:d018::10"
"""The foreign address of an ipv6 swap: a global unicast address (2000::/3, not the 2001:db8::/32 documentation
prefix). Nothing proves where a global address is: the block's registry says who holds it, not where it answers."""

# A unique-local IPv6 address (fd00::/8, RFC 4193: "locally assigned"), one address not a range (no /prefix after it).
_ULA = re.compile(r"(?<![\w:.])(fd[0-9a-f]{2}:(?:[0-9a-f]{0,4}:){0,6}[0-9a-f]{0,4})(?![\w:/.])", re.I)

# The global / acceleration forms of a regional endpoint that endpoints.yaml lists (edge_suffixes, s3_bucket_hosts'
# s3-accelerate label, the legacy global s3.amazonaws.com and sts.amazonaws.com): (pattern of the regional host with
# the bucket label kept as group 1, the edge forms tried in turn).
_EDGE_FORMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    # S3 REST endpoints, path- and virtual-hosted style, dual-stack too: s3.eu-west-1.amazonaws.com,
    # fleet-logs.s3.eu-west-1.amazonaws.com, s3.dualstack.eu-west-1.amazonaws.com, s3-eu-west-1.amazonaws.com.
    (
        re.compile(
            r"(?<![\w-])((?:[a-z0-9][a-z0-9.-]*\.)?)s3(?:[.-]dualstack)?[.-][a-z]{2}(?:-[a-z]+)+-\d+"
            r"\.amazonaws\.com(?:\.cn)?(?![\w-])",
            re.I,
        ),
        ("s3-accelerate.amazonaws.com", "s3.amazonaws.com", "s3-accelerate.dualstack.amazonaws.com"),
    ),
    # STS's regional endpoint -> the global one (us-east-1 behind it).
    (
        re.compile(r"(?<![\w.-])()sts\.[a-z]{2}(?:-[a-z]+)+-\d+\.amazonaws\.com(?:\.cn)?(?![\w-])", re.I),
        ("sts.amazonaws.com",),
    ),
    # OSS regional endpoints (public, internal, VPC): oss-cn-shanghai.aliyuncs.com, b.oss-cn-shanghai-internal....
    (
        re.compile(
            r"(?<![\w-])((?:[a-z0-9][a-z0-9.-]*\.)?)oss-(?!accelerate)[a-z]{2}(?:-[a-z0-9]+)+\.aliyuncs\.com(?![\w-])",
            re.I,
        ),
        ("oss-accelerate.aliyuncs.com", "oss-accelerate-overseas.aliyuncs.com"),
    ),
)  # fmt: skip

# Round 7 `scope`: per global_services entry judging a field by `allowed_values`, the values the provider documents for
# that field (pulumi-alicloud's and the API references' valid values, as the entry's comments cite them). A leaf equal
# to a value the entry allows in the jurisdiction is replaced by each other listed value in turn.
SCOPE_VALUES: dict[str, tuple[str, ...]] = {
    "alicloud-cdn-scope": ("domestic", "overseas", "global"),
    "alicloud-esa-coverage": ("domestic", "overseas", "global"),
    "alicloud-esa-delivery-data-center": ("cn", "oversea"),
    "alicloud-cen-bandwidth-package": ("China", "North-America", "Asia-Pacific", "Europe"),
    "alicloud-waf2-package-region": (
        "version_3", "version_4", "version_5", "version_pro_china", "version_business_china",
        "version_enterprise_china", "version_pro", "version_business", "version_enterprise", "version_pro_asia",
        "version_business_asia", "version_enterprise_asia",
    ),
}  # fmt: skip
# Entries judging a field by refused values where the field has one in-area value and its global one: API Gateway's
# endpoint type (REGIONAL / PRIVATE vs EDGE), S3 Transfer Acceleration's status, CloudSSO's accelerated URL.
SCOPE_TOGGLES: dict[str, dict[str, str]] = {
    "aws-apigateway-edge": {"regional": "EDGE", "private": "EDGE"},
    "aws-s3-transfer-acceleration": {"suspended": "Enabled"},
    "alicloud-cloudsso-global-access": {"disabled": "Enabled"},
}


def _snake(key: object) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", str(key)).lower()


def _scope_swaps(code: str, type_: str, path: tuple[object, ...], text: str) -> Iterator[str]:
    """Each other documented value of a scope / geography field whose leaf holds a value allowed in ``code``."""
    snake = tuple(_snake(p) for p in path if not isinstance(p, int))
    for entry in load_endpoints().global_services:
        if entry.field is None or not entry.applies_to(type_) or not entry.field_matches(snake):
            continue
        values = SCOPE_VALUES.get(entry.id)
        if values and not entry.refuses(text, code):
            yield from (v for v in values if v.lower() != text.strip().lower() and entry.refuses(v, code))
        toggle = SCOPE_TOGGLES.get(entry.id, {}).get(text.strip().lower())
        if toggle and entry.judges_in(code) and not entry.refuses(text, code):
            yield toggle


def _made_buckets(resources: list[Any]) -> list[str]:
    """The literal names of the buckets the program makes (the catalogue's bucket_types, their ``bucket`` input)."""
    types = load_endpoints().bucket_types
    names = {
        str(r.inputs.get("bucket")) for r in resources
        if r.custom and r.type in types and isinstance(r.inputs.get("bucket"), str) and len(r.inputs["bucket"]) >= 3
    }  # fmt: skip
    return sorted(names, key=len, reverse=True)


def _bucket_at(name: str) -> re.Pattern[str]:
    """``name`` where it stands as a bucket: whole (not inside a longer name), possibly before its S3 or OSS host
    (``name.s3.<region>.amazonaws.com``, ``name.oss-<region>.aliyuncs.com``)."""
    return re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w-]|\.(?!s3[.-]|oss-)\w)")


# Round 14 (stop 44): the keys whose whole value names the resource itself (or the role it is attached to), never a
# bucket, though the program gave it the same text as a bucket (`example`, the registry examples' every name).
_OWN_NAME_KEYS = frozenset({"name", "nameprefix", "role", "rolename"})


def _may_name_a_bucket(path: tuple[object, ...], text: str, name: str) -> bool:
    """Whether a leaf holding a made bucket's name can name that bucket (round 14: false survivors of falsealarm28's
    examples, which call a role, a role policy and an image ``example`` as they call the bucket): not a whole value
    under a name or role key, nor inside an ARN of another service than S3 (``arn:aws-cn:iam::<id>:role/example``)."""
    last = path[-1] if path else None
    if isinstance(last, str) and _norm(last) in _OWN_NAME_KEYS and text.strip() == name:
        return False
    return not (text.startswith("arn:") and text.split(":", 3)[2:3] != ["s3"])


def _round_7_swaps(
    code: str, record: Any, path: tuple[object, ...], text: str, buckets: list[str], turn: int
) -> Iterator[tuple[str, str]]:
    own_name = record.type in load_endpoints().bucket_types and [_norm(p) for p in path] == ["bucket"]
    for name in buckets:
        at = _bucket_at(name)
        if not own_name and at.search(text) and _may_name_a_bucket(path, text, name):
            yield "bucket", at.sub(PARTNER_BUCKET, text)
            break  # one bucket per leaf (the longest name first: fleet-logs-replica before fleet-logs)
    for host, forms in _EDGE_FORMS:
        found = host.search(text)
        if found:
            yield "edge", text[: found.start()] + found.group(1) + forms[turn % len(forms)] + text[found.end() :]
            break
    for value in _scope_swaps(code, record.type, path, text):
        yield "scope", value
    ula = _ULA.search(text)
    if ula:
        yield "ipv6", text[: ula.start()] + PUBLIC_IPV6 + text[ula.end() :]


# A variant's plain swap of the same leaf.
_PLAIN = {
    "host-upper": "host", "host-dot": "host", "host-ipv6": "host", "host-userinfo": "host", "host-port": "host",
    "region-one": "region", "arn-noacct": "region",
}  # fmt: skip


# A base64 run inside a longer value (a cloud-config `write_files` item's `content` with `encoding: b64` or `gz+b64`
# in plain user data), bounded by characters base64 does not use.
_INNER_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
_BASIC_KINDS = ("region", "host", "zone-id", "partition", "email", "ip")


def _inner_swaps(
    code: str, type_: str, text: str, declared: list[str], turn: int
) -> Iterator[tuple[str, str, str | None]]:
    """Round 5: swaps inside text nested in the value rather than the value itself: a base64 (or base64 of gzip) run
    inside a longer text (kind ``<kind>-inb64`` / ``<kind>-ingz``), and a JSON document's string given as a JSON
    document nested in that string (``"url": "https://..."`` -> ``"url": "{\\"url\\": \\"https://...\\"}"``, kind
    ``<kind>-nested``: a document inside a string inside a document, as Step Functions' ``Payload`` or an
    ``Input`` carries)."""
    if _decoded(text) is None:
        for run in _INNER_BASE64.finditer(text):
            if run.group(0) == text.strip():
                continue
            decoded = _decoded(run.group(0))
            if decoded is None:
                continue
            inner, compressed = decoded
            suffix = "-ingz" if compressed else "-inb64"
            seen: set[str] = set()
            for kind, after in _swaps(code, type_, inner, declared, turn):
                if after != inner and kind not in seen:
                    seen.add(kind)
                    yield kind + suffix, text[: run.start()] + _encoded(after, compressed) + text[run.end() :], None
    stripped = text.lstrip()
    if stripped[:1] not in ("{", "["):
        return
    try:
        document = json.loads(text)
    except ValueError:
        return
    seen_kinds: set[str] = set()
    for path, leaf in _leaves(document):
        if not path or not isinstance(path[-1], str):
            continue
        for kind, after in _swaps(code, type_, leaf, declared, turn):
            if after == leaf or kind not in _BASIC_KINDS or kind in seen_kinds:
                continue
            seen_kinds.add(kind)
            nested = _set_at(document, path, json.dumps({_inner_key(document, path): after}))
            yield kind + "-nested", json.dumps(nested), json.dumps(_set_at(document, path, after))
        if len(seen_kinds) >= 2:
            return


def _inner_key(document: Any, path: tuple[object, ...]) -> str:
    """The key a nested document gives the swapped value: a name/value pair's name (an environment entry
    ``{"name": "NAS_HOST", "value": ...}`` -> ``{"NAS_HOST": ...}``), else the value's own key."""
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    name = parent.get("name") if isinstance(parent, dict) and path[-1] == "value" else None
    return name if isinstance(name, str) and name else str(path[-1])


def _set_at(document: Any, path: tuple[object, ...], value: Any) -> Any:
    if not path:
        return value
    clone = copy.copy(document)
    clone[path[0]] = _set_at(document[path[0]], path[1:], value)
    return clone


def _spread(made: list[Mutant], limit: int) -> list[Mutant]:
    """At most ``limit`` mutants, taken in turn from each (kind, resource type) so no kind crowds the others out."""
    if len(made) <= limit:
        return made
    buckets: dict[tuple[str, str], list[Mutant]] = {}
    for m in made:
        buckets.setdefault((m.kind, m.type), []).append(m)
    chosen: list[Mutant] = []
    queues = list(buckets.values())
    while len(chosen) < limit:
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen


# -- round 19 (stop 50): values inside template functions, StackSet parameters, held documents, written ARNs, and
# lookalikes at depth -------------------------------------------------------------------------------------------

_FUNCTION_KEYS = frozenset({"Fn::Sub", "Fn::Join", "Fn::FindInMap", "Fn::Replace"})
_PARAMETER_KEYS = frozenset({"Parameters", "ParameterOverrides"})
_NO_FUNCTION_ARGUMENT = frozenset({"Ref", "Fn::GetAtt", "Condition"})
_ANY_ACCOUNT = re.compile(r"(?<![\w.-])(\d{12}|\d{16})(?![\w-])")


def _round_19_swaps(
    code: str, record: Any, path: tuple[object, ...], text: str, buckets: list[str], opt_in: frozenset[str]
) -> Iterator[tuple[str, str, str | None]]:
    """(kind, mutated text, its plain swap: the same lookalike at the surface for ``deep-nested``, else None)."""
    if record.type.startswith("pulumi:providers:"):
        return  # a provider's pin (its Region, its assumed role) is what proves; not these kinds' question
    made: list[tuple[str, str]] = []
    if "template-fn" in opt_in:
        made += _template_literal_swaps(code, text, "template-fn", _in_function)
    if "template-param" in opt_in:
        made += _template_literal_swaps(code, text, "template-param", _in_parameters)
        made += _pulumi_parameter_swaps(code, record, path, text)
    if "held" in opt_in:
        made += _held_swaps(code, record, path, text)
    if "arn-account" in opt_in:
        made += _written_arn_swaps(code, record, path, text)
    yield from ((kind, after, None) for kind, after in made)
    if opt_in & {"deep", "deep-nested"}:
        yield from ((k, a, b) for k, a, b in _deep_swaps(code, text, buckets) if k in opt_in)


def _in_function(path: tuple[object, ...]) -> bool:
    """A template leaf that is a template function's written argument: a literal of an ``Fn::Sub`` text or variable
    map, an ``Fn::Join`` / ROS ``Fn::Replace`` part, an ``Fn::FindInMap`` key, or a row of the template's ``Mappings``
    (what an ``Fn::FindInMap`` reads); not a ``Ref`` / ``Fn::GetAtt`` inside one (the ``template`` kinds' question)."""
    if path[:1] == ("Mappings",):
        return True
    return any(p in _FUNCTION_KEYS for p in path) and not (path and path[-1] in _NO_FUNCTION_ARGUMENT)


def _in_parameters(path: tuple[object, ...]) -> bool:
    """A template leaf that is a value a template is given: a StackSet's / stack group's ``Parameters`` (list of
    ``ParameterKey`` / ``ParameterValue`` or a map), a stack instance group's ``ParameterOverrides``, a Parameter's
    ``Default`` (what a ``Ref`` to it reads when none is given)."""
    if any(p in _PARAMETER_KEYS for p in path[1:]):
        return path[-1] != "ParameterKey" and path[-1] not in _NO_FUNCTION_ARGUMENT
    return len(path) == 3 and path[0] == "Parameters" and path[2] in ("Default", "AllowedValues")


def _value_swaps(code: str, leaf: str, turn: int) -> Iterator[tuple[str, str]]:
    """A literal's foreign forms: its resident Region (each spelling ``_swaps`` makes), its hosts, a partition, and
    an account it names (not an AWS account in a CN program: aws-cn is China's, round 13)."""
    for kind, after in _swaps(code, "", leaf, [], turn):
        if kind in ("region", "host", "partition") and after != leaf:
            yield kind, after
    for found in _ANY_ACCOUNT.finditer(leaf):
        account = found.group(1)
        if code == "CN" and len(account) == 12:
            continue
        stranger = STRANGER_ACCOUNT if len(account) == 12 else STRANGER_UID
        if account != stranger:
            yield "account", leaf[: found.start(1)] + stranger + leaf[found.end(1) :]
            return


def _template_literal_swaps(
    code: str, text: str, kind: str, where: Callable[[tuple[object, ...]], bool]
) -> Iterator[tuple[str, str]]:
    """Round 19: each literal a template holds at ``where`` (a function's argument, a value the template is given),
    one leaf and one foreign form at a time, written back as the template was. The ``template`` kinds swap the
    pseudo parameters; these swap what the program wrote: a Region in a ``Mappings`` row, an account in a join's
    part, a host in a variable map, a StackSet instance's override."""
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    made = 0
    for path, leaf in _leaves(document):
        # A template written as a string inside this one (a StackSet's or nested stack's `TemplateBody`): its own
        # literals, each written back into its string.
        inner = [(k, dump(_set_at(document, path, a))) for k, a in _template_literal_swaps(code, leaf, kind, where)]
        if not (path and where(path)):
            inner_swaps: list[tuple[str, str]] = inner
        else:
            inner_swaps = [(kind, dump(_set_at(document, path, a))) for _, a in _value_swaps(code, leaf, made)][:1]
        for swap in inner_swaps:
            made += 1
            yield swap
            if made >= MAX_TEMPLATE_SWAPS:
                return


# The Pulumi inputs giving a StackSet / stack group / stack instance its parameters (tests/platform_programs_
# stackset49.py): a map `parameters` / `parameter_overrides`, or ROS's list of {parameter_key, parameter_value}.
_PARAMETER_TYPES = frozenset({
    "aws:cloudformation/stackSet:StackSet", "aws:cloudformation/stackSetInstance:StackSetInstance",
    "aws:cloudformation/stack:Stack", "alicloud:ros/stackGroup:StackGroup", "alicloud:ros/stackInstance:StackInstance",
    "alicloud:ros/stack:Stack",
})  # fmt: skip


def _pulumi_parameter_swaps(code: str, record: Any, path: tuple[object, ...], text: str) -> Iterator[tuple[str, str]]:
    """Round 19: a Pulumi StackSet's, stack group's or stack instance's parameter value in each foreign form."""
    if record.type not in _PARAMETER_TYPES or not path or _norm(path[0]) not in ("parameters", "parameteroverrides"):
        return
    if _norm(path[-1]) == "parameterkey":
        return
    for _, after in _value_swaps(code, text, len(path)):
        yield "template-param", after
        return


# Where a document the stack runs is held in a bucket (docs/residency-open.md "A definition or body held in S3"):
# CloudFormation's `AWS::Include` `Location`, an API's `BodyS3Location`, a state machine's `DefinitionS3Location`,
# SAM's `DefinitionUri` / `DefinitionBody` location, a nested stack's / StackSet's `TemplateURL`; the Pulumi
# `template_url` of a stack, StackSet and ROS stack / stack group.
_HELD_KEYS = frozenset({"location", "bodys3location", "definitions3location", "definitionuri", "templateurl"})
_S3_URL_BUCKET = re.compile(r"^(s3://|oss://)([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/|$)")
_HTTPS_BUCKET = re.compile(r"^(https://)([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\.(?:s3|oss)[.-])")


def _held_swaps(code: str, record: Any, path: tuple[object, ...], text: str) -> Iterator[tuple[str, str]]:
    """Round 19: the bucket a held document is read from written as a partner's (``partner-exports-7``), in a
    template's held-location property (one per mutant) or a Pulumi ``template_url``."""
    if path and _norm(path[-1]) == "templateurl":
        swapped = _held_location(text)
        if swapped:
            yield "held", swapped
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    made = 0
    for leaf_path, leaf in _leaves(document):
        held = [_norm(p) for p in leaf_path if isinstance(p, str) and _norm(p) in _HELD_KEYS]
        if not held:
            continue
        swapped = PARTNER_BUCKET if _norm(leaf_path[-1]) == "bucket" else _held_location(leaf)
        if swapped and swapped != leaf:
            made += 1
            yield "held", dump(_set_at(document, leaf_path, swapped))
        if made >= MAX_TEMPLATE_SWAPS:
            return


def _held_location(text: str) -> str | None:
    for pattern in (_S3_URL_BUCKET, _HTTPS_BUCKET):
        found = pattern.match(text)
        if found and found.group(2) != PARTNER_BUCKET:
            return text[: found.start(2)] + PARTNER_BUCKET + text[found.end(2) :]
    return None


@functools.cache
def _written_paths() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    endpoints = load_endpoints()
    return endpoints.typed_paths(endpoints.written_account_fields)


# An ARN's account field (any service; IAM / STS ARNs are the `account` kind's), and an MNS / FC / EventBridge `acs:`
# ARN's UID.
_ARN_ACCOUNT = re.compile(r"\b(?:arn:aws[a-z-]*|acs):[a-z0-9-]+:[a-z0-9-]*:(\d{12}|\d{16}):")


def _written_arn_swaps(code: str, record: Any, path: tuple[object, ...], text: str) -> Iterator[tuple[str, str]]:
    """Round 19: at a field naming the resource the stack writes into (``written_account_fields``, the 320 paths of
    the catalogue, awsred49's 34 among them), the written ARN's account replaced by one no provider pins. Not an
    aws-cn account (China's by partition, round 13)."""
    paths = _written_paths().get(record.type)
    if not paths:
        return
    kpath = tuple(_snake(p) for p in path if not isinstance(p, int))
    if not engine_at_any(kpath, paths):
        return
    for found in _ARN_ACCOUNT.finditer(text):
        account = found.group(1)
        if len(account) == 12 and (code == "CN" and not found.group(0).startswith("arn:aws:")):
            continue
        stranger = STRANGER_ACCOUNT if len(account) == 12 else STRANGER_UID
        if account != stranger:
            yield "arn-account", text[: found.start(1)] + stranger + text[found.end(1) :]
            return


# Round 19's lookalike values: a foreign value that reads like an own one. The Region beside each resident Region
# (Zurich beside Frankfurt, London beside Ireland and Paris, Hong Kong beside the mainland, us-east-1 in a JP stack).
LOOKALIKE_REGIONS: dict[str, dict[str, str]] = {
    "EU": {"eu-central-1": "eu-central-2", "eu-west-1": "eu-west-2", "eu-west-3": "eu-west-2",
           "eu-north-1": "eu-central-2", "eu-south-1": "eu-central-2"},
    "DE": {"eu-central-1": "eu-central-2"},
    "CN": {"cn-north-1": "cn-hongkong", "cn-northwest-1": "cn-hongkong", "cn-shanghai": "cn-hongkong",
           "cn-beijing": "cn-hongkong", "cn-hangzhou": "cn-hongkong", "cn-shenzhen": "cn-hongkong"},
    "JP": {"ap-northeast-1": "us-east-1", "ap-northeast-3": "us-east-1"},
    "US": {"us-east-1": "ca-central-1", "us-east-2": "ca-central-1", "us-west-1": "ca-west-1",
           "us-west-2": "ca-west-1"},
}  # fmt: skip
OWN_LOOKALIKE = "123456789013"
"""The table's own AWS account (platform_parts.OWN_ACCOUNT, 123456789012) as the ``deep`` kinds write it."""
LOOKALIKE_SUFFIX = "-archive"
"""What an own bucket's name is given to make a lookalike of it (a bucket the stack does not make)."""
MAX_DEEP = 4
"""Deep lookalike mutants of one leaf."""


def _deep_swaps(code: str, text: str, buckets: list[str]) -> Iterator[tuple[str, str, str | None]]:
    """Round 19: a lookalike value (``_lookalikes``) put in place of an own one at depth two or more: inside a layer
    inside a layer of the leaf (a JSON string in a JSON string, base64 in a template, a document in a template in a
    script), every layer written back as it was. Each must be refused as the same value at the surface is."""
    made: set[str] = set()
    for kind, mutated, plain in _deep_candidates(code, text, buckets):
        if mutated in made:
            continue  # the same spot reached through two layers (a script's document and its string)
        made.add(mutated)
        yield kind, mutated, plain
        if len(made) >= MAX_DEEP:
            return


def _deep_candidates(code: str, text: str, buckets: list[str]) -> Iterator[tuple[str, str, str | None]]:
    """``deep``: a lookalike where the value already stands two layers deep or more; ``deep-nested``: a value of a
    document (a policy, a definition, a template, a script's config file) one layer or more deep given as a document
    of its own inside that string (``"Resource": "{\"Resource\": \"arn:...:123456789013:...\"}"``), so that the
    lookalike stands a layer deeper than the value did (round 5's ``nested`` wrapping, with a lookalike inside)."""
    for depth, inner, rebuild in _layers(text, 0):
        if depth >= 2:
            for after in _lookalikes(code, inner, buckets):
                yield "deep", rebuild(after), None
        document = _document_of(inner)
        if document is None:
            continue
        value, dump = document
        for path, leaf in _leaves(value):
            if not path or not isinstance(path[-1], str):
                continue
            for after in _lookalikes(code, leaf, buckets):
                wrapped = json.dumps({_inner_key(value, path): after})
                plain = rebuild(dump(_set_at(value, path, after)))
                yield "deep-nested", rebuild(dump(_set_at(value, path, wrapped))), plain
                break


def _document_of(text: str) -> tuple[Any, Callable[[Any], str]] | None:
    """A JSON document or template (YAML too) a text is, and how to write it back."""
    template = _template_of(text)
    if template is not None:
        return template
    if text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        document = json.loads(text)
    except ValueError:
        return None
    return (document, json.dumps) if isinstance(document, (dict, list)) and document else None


def _lookalikes(code: str, text: str, buckets: list[str]) -> Iterator[str]:
    """A text's own values, one at a time, each written as its lookalike: a resident Region as the foreign one beside
    it, an account with its last digit changed (not an AWS account in CN), a made bucket with a suffix."""
    near = LOOKALIKE_REGIONS.get(code, {})
    for region, foreign in near.items():
        found = re.search(rf"(?<![a-z0-9-]){re.escape(region)}(?![0-9])", text)
        if found:
            yield text[: found.start()] + foreign + text[found.end() :]
            break
    for found in _ANY_ACCOUNT.finditer(text):
        account = found.group(1)
        if (code == "CN" and len(account) == 12) or account in (STRANGER_ACCOUNT, STRANGER_UID):
            continue
        yield text[: found.end(1) - 1] + str((int(account[-1]) + 1) % 10) + text[found.end(1) :]
        break
    for name in buckets:
        at = _bucket_at(name)
        found = at.search(text)
        if found:
            yield text[: found.end()] + LOOKALIKE_SUFFIX + text[found.end() :]
            break


MAX_DEPTH = 4
"""Layers the deep kind descends through."""


def _layers(text: str, depth: int) -> Iterator[tuple[int, str, Callable[[str], str]]]:
    """(depth, text, how to write a changed text back into the leaf) of ``text`` and of every text nested in it: a
    base64 value (of gzip too) or a base64 run in a longer text, a JSON document's (or a template's) strings, a JSON
    document written inside a longer text (a script's heredoc, an app's config file)."""
    yield depth, text, lambda after: after
    if depth >= MAX_DEPTH:
        return
    for inner, outer in _nested_texts(text):
        for inner_depth, deeper, rebuild in _layers(inner, depth + 1):
            yield inner_depth, deeper, _compose(outer, rebuild)


def _compose(outer: Callable[[str], str], inner: Callable[[str], str]) -> Callable[[str], str]:
    return lambda after: outer(inner(after))


def _nested_texts(text: str) -> Iterator[tuple[str, Callable[[str], str]]]:
    decoded = _decoded(text)
    if decoded is not None:
        inner, compressed = decoded
        yield inner, functools.partial(_encoded, compressed=compressed)
        return
    template = _template_of(text)
    document: Any = template[0] if template else None
    dump: Callable[[Any], str] = template[1] if template else json.dumps
    if document is None and text.lstrip()[:1] in ("{", "["):
        try:
            document = json.loads(text)
        except ValueError:
            document = None
    if isinstance(document, (dict, list)):
        for path, leaf in _leaves(document):
            yield leaf, functools.partial(_set_dumped, document, path, dump)
        return
    for run in _INNER_BASE64.finditer(text):
        inner_run = _decoded(run.group(0))
        if inner_run is not None:
            yield inner_run[0], functools.partial(_spliced, text, run.start(), run.end(), inner_run[1])
    for start, end, embedded in _embedded_documents(text):
        yield embedded, functools.partial(_replaced, text, start, end)


def _spliced(text: str, start: int, end: int, compressed: bool, after: str) -> str:
    return text[:start] + _encoded(after, compressed) + text[end:]


def _set_dumped(document: Any, path: tuple[object, ...], dump: Callable[[Any], str], after: str) -> str:
    return dump(_set_at(document, path, after))


def _replaced(text: str, start: int, end: int, after: str) -> str:
    return text[:start] + after + text[end:]


def _embedded_documents(text: str) -> Iterator[tuple[int, int, str]]:
    """JSON objects written inside a longer text (a script's heredoc, an ``echo '{...}' > app.json``): each object
    at the start of a line or after a quote, parsed whole."""
    decoder = json.JSONDecoder()
    at = 0
    while True:
        start = text.find("{", at)
        if start < 0:
            return
        try:
            document, end = decoder.raw_decode(text, start)
        except ValueError:
            at = start + 1
            continue
        if isinstance(document, dict) and document:
            yield start, end, text[start:end]
        at = end


# -- round 20 (stop 51): where the engine grew in stop 50 -----------------------------------------------------------

# The template functions fnsel50 taught the engine to evaluate: `Fn::Select` over a literal list, `Fn::Split` of a
# literal text, ROS `Fn::Str` of a literal.
_SELECT_KEYS = frozenset({"Fn::Select", "Fn::Split", "Fn::Str"})
# The Pulumi instances whose `parameter_overrides` stackinst50 joined to their StackSet's / stack group's template.
_INSTANCE_TYPES = frozenset({
    "aws:cloudformation/stackSetInstance:StackSetInstance", "aws:cloudformation/stackInstances:StackInstances",
    "alicloud:ros/stackInstance:StackInstance",
})  # fmt: skip
# OSS / S3 replication destinations (alired50: the OSS destination bucket is an oss_bucket_fields entry; its location a
# region field): the Pulumi input paths, snake_case, and the ROS template twin.
_REPLICATION_BUCKETS = {
    "alicloud:oss/bucketReplication:BucketReplication": ("destination", "bucket"),
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": ("rules", "destination", "bucket"),
}
_REPLICATION_LOCATION = ("destination", "location")
# A shell script: a leaf with a line break whose first line is a shebang or cloud-init's header, or that runs a
# command scripts are written with.
_SCRIPT = re.compile(r"\A(?:#!|#cloud-config|#ps1)|^\s*(?:export|curl|echo|cat|aws|aliyun|set -e)\b", re.M)
# A URL's host holding a resident Region (the first one a script names).
_SCRIPT_HOST = re.compile(r"(?<=://)[a-z0-9.-]+")
# A heredoc's body: a file's content (`cat > app.json <<'EOF'`), where a command substitution is not run when the
# delimiter is quoted and a line is no command either way; the script kinds take a Region outside one.
_HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1[^\n]*\n(.*?)^\s*\2\s*$", re.S | re.M)
_CONFIG_FORMATS = {
    "cfg": ("/etc/fleet/sink.cfg", "[sink]\nregion = {region}\nendpoint = {host}\n"),
    "toml": ("/etc/fleet/sink.toml", '[sink]\nregion = "{region}"\nendpoint = "{host}"\n'),
    "properties": ("/etc/fleet/sink.properties", "sink.region={region}\nsink.endpoint={host}\n"),
    "conf": ("/etc/fleet/sink.conf", "region {region}\nendpoint {host}\n"),
}
"""Round 20's config files (path, body): the stack's Region and host written as their lookalikes, a bare host (no
scheme: no URL for a plain host scan to find)."""


def _round_20_swaps(
    code: str, record: Any, path: tuple[object, ...], text: str, opt_in: frozenset[str]
) -> Iterator[tuple[str, str]]:
    """(kind, mutated text) of round 20's kinds for one leaf; a script's kinds inside base64 (of gzip) too, written
    back encoded as the leaf was."""
    if record.type.startswith("pulumi:providers:"):
        return  # a provider's pin is what proves
    if "template-select" in opt_in:
        yield from _template_literal_swaps(code, text, "template-select", _in_select)
    if "override" in opt_in:
        yield from _override_swaps(code, record, path, text)
    if "written-dest" in opt_in:
        yield from _written_dest_swaps(code, record, path, text)
    if "replication" in opt_in:
        yield from _replication_swaps(code, record, path, text)
    scripts = opt_in & {"script-filter", "eval-word", "config-file"}
    if not scripts:
        return
    decoded = _decoded(text)
    if decoded is None:
        yield from _scripts_in(code, path, text, scripts)
        return
    inner, compressed = decoded
    yield from ((kind, _encoded(after, compressed)) for kind, after in _scripts_in(code, path, inner, scripts))


def _scripts_in(
    code: str, path: tuple[object, ...], text: str, kinds: frozenset[str], depth: int = 0
) -> Iterator[tuple[str, str]]:
    """The script kinds of a text: a script, a command line where the key says so (``commands[0]``,
    ``commandContent``), and the same inside a document (a buildspec's ``commands``, an SSM document's
    ``runCommand``), written back into it."""
    if _is_script(path, text):
        yield from _script_swaps(code, text, kinds)
        return
    document = _document_of(text) or _yaml_document(text) if depth == 0 else None
    if document is None:
        return
    value, dump = document
    for leaf_path, leaf in _leaves(value):
        for kind, after in _scripts_in(code, leaf_path, leaf, kinds, depth + 1):
            yield kind, dump(_set_at(value, leaf_path, after))


def _yaml_document(text: str) -> tuple[Any, Callable[[Any], str]] | None:
    """A YAML document (a buildspec, an OOS template) and how to write it back."""
    if "\n" not in text or not looks_like_yaml(text):
        return None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return (document, _yaml_text) if isinstance(document, dict) and document else None


def _is_script(path: tuple[object, ...], text: str) -> bool:
    if "\n" in text and _SCRIPT.search(text):
        return True
    # `(?<!de)`: a description is free text, not a script (round 21: its mutants were no question of the engine's).
    # Round 22: the leaf's own key decides (a Glue job's `command.pythonVersion` / `command.scriptLocation` is a
    # version and an S3 path, not a script: their mutants were appended to "3" and to a key).
    keys = [_norm(p) for p in path if isinstance(p, str)]
    return (
        bool(keys)
        and not any("sql" in k for k in keys)  # a Flink / SLS SQL script is no shell
        and bool(re.search(r"command|(?<!de)(?<!sub)script|userdata", keys[-1]))  # a subscription is no script
        and not _NOT_A_SCRIPT.search(keys[-1])
    )


_NOT_A_SCRIPT = re.compile(
    r"(location|version|type|name|arn|id|role|language|runtime|timeout|uri|url|path|key|args|arguments)$"
)
"""The end of a key naming something about a script, not its text (``scriptLocation``, ``commandType``)."""


def _in_select(path: tuple[object, ...]) -> bool:
    """A template leaf that is an ``Fn::Select`` / ``Fn::Split`` / ROS ``Fn::Str`` operand (not a ``Ref`` in one)."""
    return any(p in _SELECT_KEYS for p in path) and not (path and path[-1] in _NO_FUNCTION_ARGUMENT)


def _override_swaps(code: str, record: Any, path: tuple[object, ...], text: str) -> Iterator[tuple[str, str]]:
    """A Pulumi instance's override in every foreign form (its Region, host, partition, account) and as its lookalike,
    one mutant each (round 19's ``template-param`` made the first form only)."""
    if record.type not in _INSTANCE_TYPES or not path or _norm(path[0]) != "parameteroverrides":
        return
    if _norm(path[-1]) == "parameterkey":
        return
    made = {after for _, after in _value_swaps(code, text, len(path))} | set(_lookalikes(code, text, []))
    for after in sorted(made):
        if after != text:
            yield "override", after


@functools.cache
def _account_paths() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    endpoints = load_endpoints()
    return endpoints.typed_paths(endpoints.account_fields)


def _written_dest_swaps(code: str, record: Any, path: tuple[object, ...], text: str) -> Iterator[tuple[str, str]]:
    """awsred50's written destinations: an ``account_fields`` value (a CodeArtifact repository's ``domain_owner``)
    given an account no provider pins; and in a template, each literal ARN's account (one at a time, any type: the
    template twins of the ``written_account_fields`` entries among them). Not an aws-cn account (round 13)."""
    paths = _account_paths().get(record.type)
    kpath = tuple(_snake(p) for p in path if not isinstance(p, int))
    written = paths and engine_at_any(kpath, paths) and re.fullmatch(r"\d{12}", text)
    if written and code != "CN" and text != STRANGER_ACCOUNT:
        yield "written-dest", STRANGER_ACCOUNT
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    made = 0
    for leaf_path, leaf in _leaves(document):
        for found in _ARN_ACCOUNT.finditer(leaf):
            account = found.group(1)
            if len(account) == 12 and code == "CN" and not found.group(0).startswith("arn:aws:"):
                continue
            stranger = STRANGER_ACCOUNT if len(account) == 12 else STRANGER_UID
            service = found.group(0).split(":")[1 if found.group(0).startswith("acs:") else 2]
            if account == stranger or service in ("iam", "sts", "ram"):
                continue  # a principal's account is the `account` kind's (a role a service runs as: rounds 9-18)
            made += 1
            after = leaf[: found.start(1)] + stranger + leaf[found.end(1) :]
            yield "written-dest", dump(_set_at(document, leaf_path, after))
            break
        if made >= MAX_TEMPLATE_SWAPS:
            return


def _replication_swaps(code: str, record: Any, path: tuple[object, ...], text: str) -> Iterator[tuple[str, str]]:
    """A replication's destination: the bucket as a partner's (an S3 bucket ARN keeps its form), an OSS
    ``destination.location`` as its lookalike Region (``oss-cn-hongkong``); in a ROS template, the
    ``ALIYUN::OSS::BucketReplication`` rule's ``Destination`` the same way."""
    kpath = tuple(_snake(p) for p in path if not isinstance(p, int))
    if kpath == _REPLICATION_BUCKETS.get(record.type):
        after = re.sub(r"(?<=^arn:aws:s3:::)[^/]+|^(?!arn:)[^/]+", PARTNER_BUCKET, text, count=1)
        if after != text:
            yield "replication", after
    if record.type == "alicloud:oss/bucketReplication:BucketReplication" and kpath == _REPLICATION_LOCATION:
        yield from (("replication", after) for after in _location_lookalikes(code, text))
    template = _template_of(text)
    if template is None:
        return
    document, dump = template
    for leaf_path, leaf in _leaves(document):
        if "Destination" not in leaf_path or not isinstance(leaf_path[-1], str):
            continue
        if leaf_path[-1] == "Bucket" and leaf != PARTNER_BUCKET:
            yield "replication", dump(_set_at(document, leaf_path, PARTNER_BUCKET))
        elif leaf_path[-1] == "Location":
            yield from (
                ("replication", dump(_set_at(document, leaf_path, a))) for a in _location_lookalikes(code, leaf)
            )


def _location_lookalikes(code: str, text: str) -> Iterator[str]:
    """An OSS location (``oss-cn-shanghai``) in the Region beside the stack's (``oss-cn-hongkong``)."""
    for region, foreign in LOOKALIKE_REGIONS.get(code, {}).items():
        found = re.search(rf"(?<![a-z0-9]){re.escape(region)}(?![0-9])", text)
        if found:
            yield text[: found.start()] + foreign + text[found.end() :]
            return


def _script_swaps(code: str, script: str, kinds: set[str] | frozenset[str]) -> Iterator[tuple[str, str]]:
    """A script's first resident Region (``LOOKALIKE_REGIONS``), in a URL's host or as a word (``--region
    eu-west-1``), made the lookalike beside it in ways only a reader of the script's words and filters sees:

    - ``script-filter``: the resident value (the host, or the Region word) written through a filter that makes it the
      lookalike (``sed``, ``awk``, ``tr`` where one character differs, ``cut`` of a longer word, ``jq``'s ``sub``):
      the literal stays resident;
    - ``eval-word``: the line holding it run as ``eval "..."`` / ``bash -c '...'`` with the lookalike written in, and
      once split across two quoted words (``'...eu-west-''2...'``, which the shell joins);
    - ``config-file``: a config file written by the script (``.cfg``, ``.toml``, ``.properties``, ``.conf``) naming
      the lookalike Region and its host bare (no scheme)."""
    near = LOOKALIKE_REGIONS.get(code, {})
    bodies = [h.span(3) for h in _HEREDOC.finditer(script)]
    found = next((
        m for m in re.finditer(rf"(?<![a-z0-9-])({'|'.join(map(re.escape, near))})(?![0-9])", script)
        if not any(a <= m.start() < b for a, b in bodies)
    ), None) if near else None  # fmt: skip
    if found is None:
        return
    region, foreign = found.group(1), near[found.group(1)]
    start, end = found.span()
    host = next((h for h in _SCRIPT_HOST.finditer(script) if h.start() <= start and end <= h.end()), None)
    if host is not None:
        start, end = host.span()
    value = script[start:end]
    lookalike = value.replace(region, foreign, 1)
    if "script-filter" in kinds:
        for piped in _filtered(value, region, foreign, lookalike):
            yield "script-filter", script[:start] + piped + script[end:]
    line_start = script.rfind("\n", 0, start) + 1
    line_end = script.find("\n", end)
    line_end = len(script) if line_end < 0 else line_end
    line = script[line_start:start] + lookalike + script[end:line_end]
    if "eval-word" in kinds and not line.lstrip().startswith("#"):
        for wrapped in _wrapped(line, lookalike, foreign):
            yield "eval-word", script[:line_start] + wrapped + script[line_end:]
    if "config-file" in kinds:
        bare = lookalike if host is not None else f"logs.{foreign}.amazonaws.com"
        for where, body in _CONFIG_FORMATS.values():
            written = f"cat > {where} <<'EOF'\n{body.format(region=foreign, host=bare)}EOF\n"
            yield "config-file", script.rstrip("\n") + "\n" + written


def _filtered(host: str, region: str, foreign: str, lookalike: str) -> Iterator[str]:
    """``host`` written as a command substitution whose output is ``lookalike``."""
    yield f"$(echo {host} | sed 's/{region}/{foreign}/')"
    yield f"$(echo {host} | awk '{{sub(/{region}/, \"{foreign}\"); print}}')"
    differ = [(a, b) for a, b in zip(region, foreign, strict=False) if a != b]
    if len(region) == len(foreign) and len(differ) == 1:
        before, after = differ[0]
        if host.translate(str.maketrans(before, after)) == lookalike:
            yield f"$(echo {host} | tr '{before}' '{after}')"
    cut = host.index(region) + len(foreign)  # the lookalike up to its Region's end, then a character cut off
    yield f"$(echo {lookalike[:cut] + '9'} | cut -c1-{cut}){lookalike[cut:]}"
    yield f'$(echo \'{{"h": "{host}"}}\' | jq -r \'.h | sub("{region}"; "{foreign}")\')'


def _wrapped(line: str, lookalike: str, foreign: str) -> Iterator[str]:
    indent = line[: len(line) - len(line.lstrip())]
    body = line.strip()
    if '"' not in body:
        yield f'{indent}eval "{body}"'
    if "'" not in body:
        yield f"{indent}bash -c '{body}'"
        split = body.replace(lookalike, lookalike.replace(foreign, foreign[:-1] + "''" + foreign[-1], 1), 1)
        yield f"{indent}bash -c '{split}'"


# -- round 21 (stop 52): what a script writes where the engine grew in stop 51 -------------------------------------

_NGINX_BODIES = (
    "upstream fleet {{\n  server 10.0.0.5:80;\n  server {host}:443 backup;\n}}\nserver {{\n  listen 80;\n"
    "  location / {{ proxy_pass https://fleet; }}\n}}",
    "upstream fleet {{ server {host}:443; }}\nserver {{\n  listen 80;\n  location / {{ proxy_pass https://fleet; }}}}",
    "server {{\n  listen 80;\n  location / {{ fastcgi_pass {host}:9000; }}\n}}",
    "server {{\n  listen 80;\n  location / {{\n    uwsgi_pass {host}:3031;\n  }}\n}}",
    "server {{\n  listen 80;\n  location /rpc {{ grpc_pass {host}:50051; }}\n}}",
    "# upstream fleet {{\nserver {{\n  listen 80;\n  location / {{ proxy_pass http://fleet; }}\n}}",
    "server {{\n  listen 80;\n  location / {{ proxy_pass http://fleet; }}\n}}",
    "stream {{\n  server {{ listen 5432; proxy_pass {host}:5432; }}\n}}",
)
"""nginx files (falsealarm51's server groups; mutation52's other ``*_pass`` directives and one-line blocks): a
group's server abroad, a group written on one line, bare addresses, a group only a comment names, no group at all."""
ROUND_21_SNIPPETS: dict[str, tuple[str, ...]] = {
    "nginx-pass": tuple(f"cat > /etc/nginx/conf.d/fleet.conf <<'EOF'\n{body}\nEOF" for body in _NGINX_BODIES),
    # cron lines (scripts51): the schedule's command naming the foreign Region, or a partner's database.
    "cron-line": (
        "echo '*/5 * * * * root aws s3 ls --region {region}' > /etc/cron.d/fleet",
        "echo '@reboot root aws s3 ls --region {region}' > /etc/cron.d/fleet",
        "(crontab -l 2>/dev/null; echo '0 3 * * * psql -h {host} -U app -c \"select 1\"') | crontab -",
        "cat > /etc/cron.d/fleet <<'EOF'\nSHELL=/bin/bash\n0 1-5 * * 1-5 root aws s3 ls --region {region}\nEOF",
        "printf '%s\\n' '*/5 * * * * root aws s3 ls --region {region}' > /etc/cron.d/fleet",
    ),
    # s3cmd's own keys (scripts51): the service it talks to and the Region it creates buckets in.
    "s3cfg": (
        "cat > /root/.s3cfg <<'EOF'\n[default]\nhost_base = {host}\nEOF",
        "cat > /root/.s3cfg <<'EOF'\n[default]\nhost_bucket = %(bucket)s.{host}\nEOF",
        "cat > /root/.s3cfg <<'EOF'\n[default]\nbucket_location = {region}\nEOF",
        "echo 'host_base = {host}' >> ~/.s3cfg",
        "echo 'host_base = {host}' | tee -a /root/.s3cfg",
    ),
    # the Alibaba Cloud CLI (alired51): the copy's destination Region, the zone, an OSS call's Region, the endpoint
    # variable terraform-provider-alicloud reads.
    "aliyun-region": (
        "aliyun ecs CopyImage --RegionId {ali_own} --ImageId m-fleet --DestinationRegionId {ali_region}",
        "aliyun ecs copy-image --biz-region-id {ali_own} --image-id m-fleet --destination-region-id {ali_region}",
        "aliyun vpc CreateVSwitch --RegionId {ali_own} --ZoneId {ali_region}-b --VpcId vpc-1 --CidrBlock 10.0.9.0/24",
        "aliyun oss cp /var/log/fleet.log oss://fleet-logs/fleet.log --region {ali_region}",
        "export ALIBABA_CLOUD_ENDPOINT_OSS={host}",
    ),
}
"""Round 21's script lines, each appended to a script (a cloud-config's ``runcmd``): ``{host}`` a host nothing proves
(``COLLECTOR``), ``{region}`` the jurisdiction's first foreign AWS Region (``FOREIGN``), ``{ali_region}`` its first
foreign Alibaba Cloud Region, ``{ali_own}`` a resident Alibaba Cloud Region."""
ROUND_22_SNIPPETS: dict[str, tuple[str, ...]] = {
    # the aliyun CLI's business parameters read by name (alired52's named_options): a Region or zone abroad.
    "aliyun-named": (
        "aliyun rds ModifyInstanceCrossBackupPolicy --DBInstanceId rm-fleet --CrossBackupRegion {ali_region}",
        "aliyun rds ModifyInstanceCrossBackupPolicy --DBInstanceId rm-fleet --CrossBackupRegion={ali_region}",
        "aliyun cbn CreateTransitRouterPeerAttachment --PeerTransitRouterRegionId {ali_region} --CenId cen-1",
        "aliyun ebs CreateDiskReplicaPair --SourceZoneId {ali_own}-b --DestinationZoneId {ali_region}-b",
        "aliyun ecs DescribeInstances --RegionIds.1 {ali_own} --RegionIds.2 {ali_region}",
    ),
    # scripts52's command substitutions and files written then read back: the value abroad computed or read.
    "written-read": (
        'echo {region} > /etc/fleet/dr-region\naws ec2 describe-instances --region "$(cat /etc/fleet/dr-region)"',
        "echo {region} > /etc/fleet/dr-region\nread -r DR < /etc/fleet/dr-region\n"
        "aws ec2 describe-instances --region $DR",
        "printf '%s' {host} > /etc/fleet/db-host\npsql -h \"$(cat /etc/fleet/db-host)\" -U app -c 'select 1'",
        "aws ec2 describe-instances --region $(echo {own} | sed 's/{own}/{region}/')",
        "DR=`echo {region}`\naws ec2 describe-instances --region $DR",
    ),
    # round 22: a variable's default word (bash(1) `${parameter:-word}`), used where the script sets no value.
    "default-word": (
        'aws ec2 describe-instances --region "${{DR_REGION:-{region}}}"',
        'DR_REGION="${{DR_REGION:-{region}}}"\naws ec2 describe-instances --region "$DR_REGION"',
        "export AWS_DEFAULT_REGION=${{AWS_DEFAULT_REGION:-{region}}}",
        'curl -fsS "https://${{INTAKE_HOST:-{host}}}/v1/events" -d @/var/log/fleet/events.json',
        'psql -h "${{PGHOST:-{host}}}" -U app -c "select 1"',
        'aliyun oss cp /var/log/fleet.log oss://fleet-logs/fleet.log --region "${{OSS_REGION:-{ali_region}}}"',
    ),
    # round 22: a for loop's words (bash(1) "name is set to each element of this list in turn").
    "loop-word": (
        'for r in {own} {region}; do aws ec2 describe-instances --region "$r"; done',
        "for r in {own} {region}\ndo\n  aws ec2 describe-instances --region ${{r}}\ndone",
        "for h in 10.20.1.15 {host}; do\n  curl -fsS https://$h/v1/events -d @/var/log/fleet/events.json\ndone",
        "for h in {host}; do psql -h \"$h\" -U app -c 'select 1'; done",
        "for r in {ali_own} {ali_region}; do\n  aliyun ecs CopyImage --RegionId {ali_own} --ImageId m-fleet "
        "--DestinationRegionId $r\ndone",
    ),
}
"""Round 22's script lines (as ``ROUND_21_SNIPPETS``; ``{own}`` a resident AWS Region): the stop-52 readers (named
aliyun options, command substitutions, files written and read) and the two shapes round 22 taught the engine."""
SCRIPT_SNIPPETS: dict[str, tuple[str, ...]] = {**ROUND_21_SNIPPETS, **ROUND_22_SNIPPETS}
"""Every round's appended script lines by kind (the opt-in kinds ``_round_21_swaps`` makes)."""
ROUND_21_WRITTEN_FILES: tuple[tuple[str, str], ...] = (
    ("/etc/fleet/app.conf", "[aws]\nregion = {region}\n"),
    ("/etc/fleet/app.toml", 'region = "{region}"\n'),
    ("/root/.s3cfg", "[default]\nhost_base = {host}\n"),
    ("/etc/cron.d/fleet", "*/5 * * * * root aws s3 ls --region {region}\n"),
    ("/etc/nginx/conf.d/fleet.conf", "upstream fleet {{ server {host}:443; }}\n"),
)
"""Round 21's cloud-config ``write_files`` entries (path, content), each added to a cloud-config alone."""


def _round_21_values(code: str) -> dict[str, str] | None:
    aws = FOREIGN.get((code, "aws"))
    ali = FOREIGN.get((code, "alicloud"))
    if aws is None or ali is None:
        return None
    own = sorted(load_catalogue().jurisdictions[code].regions("alicloud"))
    aws_own = sorted(load_catalogue().jurisdictions[code].regions("aws"))
    return {"host": COLLECTOR, "region": aws[0], "ali_region": ali[0], "ali_own": own[0] if own else ali[0],
            "own": aws_own[0] if aws_own else aws[0]}  # fmt: skip


def _round_21_swaps(
    code: str, record: Any, path: tuple[object, ...], text: str, opt_in: frozenset[str]
) -> Iterator[tuple[str, str]]:
    """(kind, mutated text) of round 21's kinds for one leaf: a script (base64 of gzip too) given a line that sends
    abroad in a shape the engine learnt in stop 51 (``ROUND_21_SNIPPETS``), a cloud-config a ``write_files`` entry
    (``ROUND_21_WRITTEN_FILES``), a buildspec a foreign Region through ``env.variables``, an earlier phase or
    ``finally``."""
    kinds = opt_in & {*SCRIPT_SNIPPETS, "buildspec-env", "write-files"}
    values = _round_21_values(code) if kinds else None
    if values is None or record.type.startswith("pulumi:providers:"):
        return
    decoded = _decoded(text)
    inner, compressed = decoded if decoded is not None else (text, False)
    for kind, after in _round_21_texts(path, inner, kinds, values):
        yield kind, after if decoded is None else _encoded(after, compressed)


def _round_21_texts(
    path: tuple[object, ...], text: str, kinds: frozenset[str], values: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    if text.startswith("#cloud-config"):
        yield from _cloud_config_swaps(text, kinds, values)
        return
    if _is_script(path, text):
        for kind in sorted(kinds & SCRIPT_SNIPPETS.keys()):
            for snippet in SCRIPT_SNIPPETS[kind]:
                yield kind, text.rstrip("\n") + "\n" + snippet.format(**values) + "\n"
        return
    document = _yaml_document(text) or _document_of(text)
    if document is None or "buildspec-env" not in kinds:
        return
    spec, dump = document
    if isinstance(spec, dict) and isinstance(spec.get("phases"), dict):  # a YAML list is no buildspec
        yield from (("buildspec-env", after) for after in _buildspec_swaps(spec, dump, values))


def _cloud_config_swaps(text: str, kinds: frozenset[str], values: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """A cloud-config given each round-21 line as a ``runcmd`` entry, and each ``ROUND_21_WRITTEN_FILES`` entry."""
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    if not isinstance(config, dict):
        return
    for kind in sorted(kinds & SCRIPT_SNIPPETS.keys()):
        for snippet in SCRIPT_SNIPPETS[kind]:
            changed = {**config, "runcmd": [*(config.get("runcmd") or []), snippet.format(**values)]}
            yield kind, "#cloud-config\n" + yaml.safe_dump(changed, sort_keys=False)
    if "write-files" in kinds:
        for where, content in ROUND_21_WRITTEN_FILES:
            entry = {"path": where, "content": content.format(**values)}
            changed = {**config, "write_files": [*(config.get("write_files") or []), entry]}
            yield "write-files", "#cloud-config\n" + yaml.safe_dump(changed, sort_keys=False)


def _buildspec_swaps(spec: dict[str, Any], dump: Callable[[Any], str], values: Mapping[str, str]) -> Iterator[str]:
    """A buildspec's build phase told the foreign Region through ``env.variables``, through an assignment in an
    earlier phase, and named in ``finally`` (buildspec 0.2 runs its phases in one shell, scripts51)."""
    region = values["region"]
    use = "aws s3 ls --region $FLEET_REGION"
    phases = spec["phases"]
    build = phases.get("build") if isinstance(phases.get("build"), dict) else {}
    commands = [*(build.get("commands") or [])]
    env: dict[str, Any] = spec["env"] if isinstance(spec.get("env"), dict) else {}
    variables = {**(env.get("variables") or {}), "FLEET_REGION": region}
    built = {**build, "commands": [*commands, use]}
    yield dump({**spec, "env": {**env, "variables": variables}, "phases": {**phases, "build": built}})
    install = phases.get("install") if isinstance(phases.get("install"), dict) else {}
    earlier = {**install, "commands": [*(install.get("commands") or []), f"FLEET_REGION={region}"]}
    yield dump({**spec, "phases": {**phases, "install": earlier, "build": built}})
    last = {**build, "finally": [*(build.get("finally") or []), f"aws s3 ls --region {region}"]}
    yield dump({**spec, "phases": {**phases, "build": last}})


# -- running a mutant -----------------------------------------------------------------------------


def _rewrite(value: Any, path: tuple[object, ...], change: Callable[[str], str], hit: list[bool]) -> Any:
    """``value`` with the string at ``path`` changed (keys as camelCase or snake_case), Outputs through apply."""
    if isinstance(value, pulumi.Output) or inspect.isawaitable(value):
        return pulumi.Output.from_input(value).apply(lambda resolved: _rewrite(resolved, path, change, hit))
    if not path:
        if isinstance(value, str):
            changed = change(value)
            if changed != value:
                hit.append(True)  # applied only where the leaf held the mutant's value: else the mutant never ran
            return changed
        return value
    head, rest = path[0], path[1:]
    if isinstance(value, Mapping):
        # A key spelt two ways (an input and its deprecated alias, `user_data` and `userdata`): the one holding a value.
        for key in sorted((k for k in value if _norm(k) == _norm(head)), key=lambda k: value[k] is None):
            return {**value, key: _rewrite(value[key], rest, change, hit)}
        return value
    if isinstance(value, (list, tuple)) and isinstance(head, int) and head < len(value):
        items = list(value)
        items[head] = _rewrite(items[head], rest, change, hit)
        return type(value)(items)
    if _compat.is_input_type(type(value)):
        fields = vars(value)
        for key in fields:
            if _norm(key) == _norm(head):
                clone = copy.copy(value)
                vars(clone)[key] = _rewrite(fields[key], rest, change, hit)
                return clone
    return value


def _mutated_program(case: realistic.Case, mutant: Mutant, mode: str, hit: list[bool]) -> Callable[[], None]:
    def change(text: str) -> str:
        # A gzip member records when it was made (MTIME): a program compressing its user data at run time writes
        # other bytes each run, holding the same text.
        same = text == mutant.before or (
            mutant.kind.endswith("-b64gz") and _decoded(text) is not None and _decoded(text) == _decoded(mutant.before)
        )
        return mutant.after if same else text

    def transformation(args: pulumi.ResourceTransformationArgs) -> pulumi.ResourceTransformationResult | None:
        if args.type_ != mutant.type or args.name != mutant.name:
            return None
        props = _rewrite(dict(args.props), mutant.path, change, hit)
        return pulumi.ResourceTransformationResult(props, args.opts)

    def program() -> None:
        pulumi.runtime.register_stack_transformation(transformation)  # before enforce(): the guard judges its result
        enforce(case.code, mode=mode, destinations=parse_destinations(case.destinations))  # type: ignore[arg-type]
        case.build(realistic.Ctx(case.code))

    return program


def _run(case: realistic.Case, program: Callable[[], None]) -> Any:
    return run_pulumi_program(
        program, project="sovereign-dc", stack=case.code.lower(), config=realistic._config(case), raise_on_error=False
    )


def judge(case: realistic.Case, mutant: Mutant, *, plan: bool = False) -> Outcome:
    hit: list[bool] = []
    run = _run(case, _mutated_program(case, mutant, "raise", hit))
    outcome = Outcome(mutant, None)
    if isinstance(run.error, ResidencyViolation):
        outcome.guard = run.error.rule_id
    elif run.error is not None:
        outcome.error = f"{type(run.error).__name__}: {str(run.error)[:200]}"
    outcome.applied = bool(hit)
    if plan:
        hit_plan: list[bool] = []
        with audit_session() as guards:
            recorded = _run(case, _mutated_program(case, mutant, "raise", hit_plan))
        if recorded.error is None:
            stack_plan = build_stack_plan(
                case.code.lower(), "test", recorded.resources, guards[0].engine.jurisdiction,
                [f for g in guards for f in g.findings],
            )  # fmt: skip
            outcome.plan = {v.rule for v in stack_plan.violations}
    return outcome


def search(
    pattern: str | None = None, limit: int | None = None, per_case: int = 12, plan: bool = False,
    cases: list[realistic.Case] | None = None, kinds: set[str] | None = None, seed: int | None = None,
    journal: Path | None = None, templates_only: bool = False, written_only: bool = False, source: str | None = None,
) -> Report:  # fmt: skip
    """``seed`` (round 18): the chosen programs in a seeded random order (``limit`` then takes a seeded sample);
    ``journal``: a JSON-lines file each program's outcomes are appended to once judged, and the programs already in it
    are read back instead of judged again, so a long run stopped part way resumes where it stopped;
    ``templates_only``: only the programs ``_may_make_a_template`` keeps (the template kinds make no mutant elsewhere,
    and recording a program costs as much as a mutant); ``written_only`` (round 19): only the programs
    ``_may_make_a_written_type`` keeps (the ``arn-account`` kind's); ``source`` (round 20): only the programs whose
    source (``_program_source``) matches this regular expression (a kind's own pre-filter: ``Replication``)."""
    started = time.perf_counter()
    chosen = cases if cases is not None else [c for c in realistic.CASES if not c.expected]
    if pattern:
        chosen = [c for c in chosen if re.search(pattern, c.id)]
    if templates_only:
        chosen = [c for c in chosen if _may_make_a_template(c)]
    if written_only:
        chosen = [c for c in chosen if _may_make_a_written_type(c)]
    if source:
        chosen = [c for c in chosen if re.search(source, _program_source(c))]
    if seed is not None:
        chosen = random.Random(seed).sample(chosen, len(chosen))
    if limit is not None:
        chosen = chosen[:limit]
    report = Report(cases=len(chosen))
    done = _read_journal(journal) if journal is not None else {}
    for case in chosen:
        if case.id in done:
            report.outcomes.extend(done[case.id])
            continue
        judged = len(report.outcomes)
        _judge_case(case, report, per_case, plan, kinds)
        if journal is not None:
            _write_journal(journal, case.id, report.outcomes[judged:])
    report.seconds = time.perf_counter() - started
    return report


# What a program that passes a template body (CloudFormation, SAM, ROS) names in its source: the cheap pre-filter of
# a template-kinds run (round 18). A heuristic over the build function's source and the values it closes over, wider
# than needed (a launch template matches too); a program it leaves out is only one the run does not reach.
_TEMPLATE_WORDS = re.compile(r"template|Resources|cloudformation|ros\.|Transform|StackSet", re.I)


def _may_make_a_template(case: realistic.Case) -> bool:
    build = case.build
    try:
        texts = [inspect.getsource(build)]
    except (OSError, TypeError):
        return True
    for cell in getattr(build, "__closure__", None) or ():
        value = cell.cell_contents
        texts.append(inspect.getsource(value) if inspect.isfunction(value) else repr(value))
    return any(_TEMPLATE_WORDS.search(text) for text in texts)


def _may_make_a_written_type(case: realistic.Case) -> bool:
    """Round 19's pre-filter of an ``arn-account`` run: the program's source (as ``_may_make_a_template`` reads it)
    names a class of a type ``written_account_fields`` lists (``EventTarget(``, ``FunctionEventInvokeConfig(``)."""
    return bool(_written_classes().search(_program_source(case)))


@functools.cache
def _written_classes() -> re.Pattern[str]:
    names = {token.rsplit(":", 1)[-1] for token in _written_paths()}
    return re.compile(rf"\b(?:{'|'.join(sorted(names))})\(")


def _program_source(case: realistic.Case) -> str:
    """The build function's source and the values it closes over; since round 20 also the module's texts and
    functions it names (a template or a script held in a module constant: ``template_body=TEMPLATE``)."""
    build = case.build
    try:
        texts = [inspect.getsource(build)]
    except (OSError, TypeError):
        return ""
    for cell in getattr(build, "__closure__", None) or ():
        value = cell.cell_contents
        texts.append(inspect.getsource(value) if inspect.isfunction(value) else repr(value))
    code = getattr(build, "__code__", None)
    for name in code.co_names if code is not None else ():
        value = build.__globals__.get(name)
        if isinstance(value, (str, dict, list, tuple)):
            texts.append(repr(value))
        elif inspect.isfunction(value):
            texts.append(inspect.getsource(value))
    return "\n".join(texts)


def _judge_case(case: realistic.Case, report: Report, per_case: int, plan: bool, kinds: set[str] | None) -> None:
    """Every chosen mutant of one compliant program judged, its outcomes added to ``report``."""
    recorded = _run(case, realistic._program(case, "audit"))
    if recorded.error is not None:
        return
    # `all` (round 17): every kind, the opt-in ones too, unfiltered.
    every = kinds is not None and "all" in kinds
    opt_in = OPT_IN_KINDS if every else OPT_IN_KINDS & kinds if kinds else frozenset()
    made = [
        m for m in mutants_of(case, recorded.resources, opt_in)
        if kinds is None or every or m.kind in kinds or _family(m.kind) & kinds
    ]  # fmt: skip
    for mutant in _spread(made, per_case):
        outcome = judge(case, mutant, plan=plan)
        if outcome in report.survivors_of([outcome]) and mutant.base is not None and mutant.base != mutant.before:
            plain = judge(case, Mutant(**{**vars(mutant), "after": mutant.base, "base": None}))
            outcome.base_guard = plain.guard or ""
        report.outcomes.append(outcome)


def _read_journal(journal: Path) -> dict[str, list[Outcome]]:
    """The outcomes a journal holds, by program (a program judged twice: its last line)."""
    done: dict[str, list[Outcome]] = {}
    if not journal.exists():
        return done
    for line in journal.read_text().splitlines():
        entry = json.loads(line)
        done[entry["case"]] = [
            Outcome(
                Mutant(**{**o["mutant"], "path": tuple(o["mutant"]["path"])}), o["guard"],
                None if o["plan"] is None else set(o["plan"]), o["applied"], o["error"], o["base_guard"],
            )
            for o in entry["outcomes"]
        ]  # fmt: skip
    return done


def _write_journal(journal: Path, case_id: str, outcomes: list[Outcome]) -> None:
    entries = [
        {**vars(o), "mutant": vars(o.mutant), "plan": None if o.plan is None else sorted(o.plan)} for o in outcomes
    ]
    with journal.open("a") as out:
        out.write(json.dumps({"case": case_id, "outcomes": entries}) + "\n")


_WRAPPINGS = ("-b64gz", "-b64", "-inb64", "-ingz", "-nested")


def _family(kind: str) -> set[str]:
    """What ``--kinds`` may name a mutant by: its swap (``host`` of ``host-b64gz``) and its wrapping (``b64gz``); a
    round-5 wrapping (``inb64``, ``ingz``, ``nested``) by its wrapping or its whole kind only, so that a run of round
    4's kinds stays what it was."""
    for wrapping in _WRAPPINGS:
        if kind.endswith(wrapping):
            swap = kind[: -len(wrapping)]
            return {wrapping[1:]} if wrapping in _ROUND_5_WRAPPINGS else {swap, wrapping[1:]}
    return {kind}


_ROUND_5_WRAPPINGS = ("-inb64", "-ingz", "-nested")


def _short(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", help="regular expression over the compliant cases' ids")
    parser.add_argument("--limit", type=int, help="at most this many cases")
    parser.add_argument("--per-case", type=int, default=12, help="at most this many mutants per case (default 12)")
    parser.add_argument("--plan", action="store_true", help="also run each mutant through the offline plan")
    parser.add_argument(
        "--all", action="store_true", help="list every survivor group, also variants whose plain swap survives too"
    )
    parser.add_argument(
        "--kinds",
        help="only these kinds, comma-separated (region,zone,zone-id,host,partition,email,ip,account,region-one,"
        "arn-noacct,host-upper,host-dot,host-ipv6,host-userinfo,host-port; lookalike, template, ... "
        "(OPT_IN_KINDS): made only when named; "
        "host-b64gz: only those made inside "
        "gzip-compressed base64; a wrapping, b64, b64gz, inb64, ingz, nested: every swap made so; all: every kind, "
        "the opt-in ones too)",
    )
    parser.add_argument("--seed", type=int, help="take the programs in this seed's random order (--limit: a sample)")
    parser.add_argument("--journal", type=Path, help="a JSON-lines file of judged programs: written, and resumed from")
    parser.add_argument(
        "--templates-only", action="store_true", help="only programs whose source names a template (the template kinds)"
    )
    parser.add_argument(
        "--written-only", action="store_true", help="only programs whose source names a written_account_fields type"
    )
    parser.add_argument("--source", help="only programs whose source matches this regular expression")
    args = parser.parse_args(argv)
    kinds = set(args.kinds.split(",")) if args.kinds else None
    report = search(
        args.cases, args.limit, args.per_case, args.plan, kinds=kinds, seed=args.seed, journal=args.journal,
        templates_only=args.templates_only, written_only=args.written_only, source=args.source,
    )  # fmt: skip
    outcomes = report.outcomes
    killed = sum(1 for o in outcomes if o.guard)
    print(f"{report.cases} cases, {len(outcomes)} mutants, {killed} refused, {len(report.survivors)} survived "
          f"({len(report.unexplained)} not explained by a surviving plain swap, in "
          f"{len(report.groups(unexplained=True))} groups), {sum(1 for o in outcomes if not o.applied)} not applied, "
          f"{sum(1 for o in outcomes if o.error)} errors, {report.seconds:.1f} s")  # fmt: skip
    for kind, (made, kind_refused, kind_survived) in report.per_kind().items():
        print(f"KIND {kind}: {made} mutants, {kind_refused} refused, {kind_survived} survived")
    explained = report.groups().keys() - report.groups(unexplained=True).keys()
    print(f"{len(report.groups())} groups; {len(explained)} only of variants whose plain swap survives too")
    for (type_, path, kind), group in report.groups(unexplained=not args.all).items():
        example = group[0].mutant
        refused = {o.base_guard for o in group if o.base_guard}
        plain = f" (plain swap refused: {', '.join(sorted(refused))})" if refused else ""
        print(f"SURVIVOR {type_} {path} [{kind}] x{len(group)}{plain}: {example.case}: "
              f"{_short(example.before)!r} -> {_short(example.after)!r}")  # fmt: skip
    for o in outcomes:
        if not o.applied:
            print(f"NOT APPLIED {o.mutant.case} {o.mutant.type} {'.'.join(map(str, o.mutant.path))} [{o.mutant.kind}]")
        if o.error:
            print(f"ERROR {o.mutant.case} {o.mutant.type} {'.'.join(map(str, o.mutant.path))}: {o.error}")
    for o in report.disagreements:
        print(f"DISAGREE {o.mutant.case} {o.mutant.type} {'.'.join(map(str, o.mutant.path))} [{o.mutant.kind}] "
              f"guard={o.guard} plan={sorted(o.plan or ())}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
