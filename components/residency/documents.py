"""The one reader of the JSON and YAML documents the residency engine finds inside inputs (templates, OpenAPI bodies,
task definitions, cloud-config), shared by the engine and the stage-variables join (``stages.py``, which the engine
imports and so cannot import it back; stop 41).

How a document is read (the engine's reading before stop 41, unchanged):

- JSON by :func:`json.loads`; a text that is no JSON is no JSON document (None), never an error.
- YAML by a ``yaml.SafeLoader`` subclass (:class:`TemplateLoader`): it constructs plain data only (maps, lists,
  strings, numbers, dates), never a Python object, and reads the short-form intrinsic functions of CloudFormation and
  ROS templates (``!Ref Bucket``, ``!Sub 'https://...'``) as their long forms. A text PyYAML refuses is no document
  (None).
- Within bounds (stop 42): a document deeper than :data:`MAX_DEPTH` levels (counted from the top of the input that
  holds it), of more than :data:`MAX_NODES` nodes once its YAML aliases and merge keys are expanded (the engine walks
  every alias as if written out), holding a cycle (``&a [*a]``), or a gzip payload decompressing to more than
  :data:`MAX_DECODED` bytes, raises :class:`DocumentBeyondBounds`: the engine refuses the input (RES-025,
  ``document-within-bounds``), fail closed, and still scans its text. Before stop 42 a deep JSON text raised
  RecursionError out of every front door, and a YAML "billion laughs" of 8 levels x 6 aliases did not end in 300 s.
  The bounds are far beyond what any program of the realistic table or shipped stack holds (docs/residency.md,
  "Documents within bounds (stop 42)": measured there); a few anchors (``<<: *defaults``) are read as before.

Since stop 42 it also reads Fluent Bit's classic configuration format (:func:`fluent_bit_classic`) into the YAML
format's shape, and finds the outputs of either (:func:`fluent_bit_outputs`), which the engine judges by the catalogue's
Fluent Bit output entries; a text that is no Fluent Bit configuration is None, never an error. Since leftovers42 it
reads Fluentd's configuration format the same way (:func:`fluentd_config`, :func:`fluentd_outputs`).

Before stop 41 the join read an OpenAPI body with ``yaml.safe_load``, which refuses a ``!`` tag the engine reads: a
YAML body with one (``description: !Sub ...``) was a document to the engine and none to the join, so the join read no
integration in it while the engine asked the join about the body's stage-variable host.
"""

from __future__ import annotations

import json
import re
import tomllib
import zlib
from typing import Any

import yaml

__all__ = [
    "MAX_DECODED",
    "MAX_DEPTH",
    "MAX_NODES",
    "DocumentBeyondBounds",
    "TemplateLoader",
    "flow_yaml_or_none",
    "fluent_bit_classic",
    "fluent_bit_sets",
    "fluent_bit_outputs",
    "fluentd_config",
    "fluentd_outputs",
    "gunzip",
    "input_document",
    "json_or_none",
    "load_document",
    "looks_like_yaml",
    "yaml_or_none",
]

MAX_DEPTH = 100
"""Levels of nesting of an input, its documents' levels included (a JSON text inside a YAML template adds its own to
the template's). The engine walks a document recursively, a few Python frames a level, under Python's recursion limit
of 1000; the deepest document of the realistic table is far shallower (docs/residency.md, stop 42)."""
MAX_NODES = 200_000
"""Nodes of one document (maps, lists, keys, scalars) once every YAML alias and merge key is expanded: the engine
judges every node, an alias as if written out. A CloudFormation template body is at most 51,200 bytes (CloudFormation
API reference, CreateStack / ValidateTemplate ``TemplateBody``), an SSM parameter's value 8 KB (Advanced tier), EC2
user data 16 KB: written out without aliases, none can hold more than about 26,000 nodes (two characters a node)."""
MAX_DECODED = 1 << 20
"""Bytes a gzip payload may decompress to (1 MiB). EC2 user data "is limited to 16 KB, in raw form, before it is
base64-encoded" (Amazon EC2 User Guide, "Work with instance user data"); Alibaba Cloud ECS user data "cannot exceed
16 KB before it is encoded" (ECS, "Prepare user data", doc-detail/52012). Neither bounds what a gzip of that size
decompresses to (cloud-init decompresses it on the instance), so the bound is 64 times the raw limit: text a 16 KB gzip
of a script could hold; a gzip bomb (kilobytes to gigabytes) is never decompressed further."""


class DocumentBeyondBounds(Exception):
    """A document (or a gzip payload) the engine cannot read within its bounds; ``bound`` says which, in words."""

    def __init__(self, bound: str) -> None:
        super().__init__(bound)
        self.bound = bound


class TemplateLoader(yaml.SafeLoader):
    """A safe loader that also reads the short-form intrinsic functions of CloudFormation and ROS YAML templates
    (``!Ref Bucket``, ``!Sub 'https://...'``, ``!GetAtt Db.Endpoint.Address``) as their long forms (``{"Ref":
    "Bucket"}``, ``{"Fn::Sub": ...}``): a safe loader refuses unknown tags, and such a template was then read as
    free text, its region fields unjudged."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return {suffix if suffix == "Ref" else f"Fn::{suffix}": value}


TemplateLoader.add_multi_constructor("!", _intrinsic)


class _BoundedLoader(TemplateLoader):
    """:class:`TemplateLoader` that stops composing beyond ``depth_limit`` levels (PyYAML's composer recurses a few
    frames a level: an unbounded ``[[[[...`` raises RecursionError) and flattening merge keys beyond :data:`MAX_NODES`
    entries (``<<: [*a, *a, ...]`` chains copy entries exponentially before any alias is walked)."""

    depth_limit = MAX_DEPTH
    _level = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._level += 1
        try:
            if self._level > self.depth_limit + 1:  # + 1: a scalar in the deepest map or list (counted as JSON's)
                raise DocumentBeyondBounds(f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._level -= 1

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        super().flatten_mapping(node)
        if len(node.value) > MAX_NODES:
            raise DocumentBeyondBounds(f"more than {MAX_NODES} nodes once its merge keys are expanded")


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _json_too_deep(text: str, limit: int) -> bool:
    """Whether a JSON text nests more than ``limit`` levels, read before :func:`json.loads` (whose decoder recurses
    and raises RecursionError at a depth that depends on the caller's stack, so the doors could differ)."""
    if text.count("[") + text.count("{") <= limit:
        return False  # most documents: too few brackets to be that deep
    level = 0
    for bracket in _BRACKETS.finditer(_JSON_STRING.sub('""', text)):
        if bracket.group() in "[{":
            level += 1
            if level > limit:
                return True
        else:
            level -= 1
    return False


def _check_extent(document: Any, limit: int) -> None:
    """Raise :class:`DocumentBeyondBounds` when ``document`` expanded (each alias as written out: PyYAML gives one
    object for an anchor and its aliases) is deeper than ``limit``, holds more than :data:`MAX_NODES` nodes, or holds
    itself (a cycle). Iterative and memoized by object, so a billion laughs is measured in a few steps."""
    if not isinstance(document, (dict, list, tuple)):
        return
    extent: dict[int, tuple[int, int]] = {}  # object id -> (expanded nodes, levels)
    active: set[int] = set()  # ids started and not finished: the ancestors of what is being read
    stack: list[tuple[Any, bool]] = [(document, False)]
    while stack:
        value, finished = stack.pop()
        ident = id(value)
        children = list(value.values()) if isinstance(value, dict) else value
        if finished:
            active.discard(ident)
            nodes, levels = 1 + (len(value) if isinstance(value, dict) else 0), 0
            for child in children:
                if isinstance(child, (dict, list, tuple)):
                    child_nodes, child_levels = extent[id(child)]
                    nodes, levels = nodes + child_nodes, max(levels, child_levels)
                else:
                    nodes += 1
            if nodes > MAX_NODES:
                raise DocumentBeyondBounds(f"more than {MAX_NODES} nodes once its aliases are expanded")
            if levels + 1 > limit:
                raise DocumentBeyondBounds(f"nested deeper than {MAX_DEPTH} levels once its aliases are expanded")
            extent[ident] = (nodes, levels + 1)
            continue
        if ident in extent:
            continue
        active.add(ident)
        stack.append((value, True))
        for child in children:
            if isinstance(child, (dict, list, tuple)) and id(child) not in extent:
                if id(child) in active:
                    raise DocumentBeyondBounds("an alias that holds itself (endless once expanded)")
                stack.append((child, False))


def gunzip(raw: bytes) -> bytes | None:
    """A gzip stream's content (every member, as :func:`gzip.decompress`), at most :data:`MAX_DECODED` bytes; None when
    it is no complete gzip stream. Raises :class:`DocumentBeyondBounds` beyond the bound (a gzip bomb is never
    decompressed whole)."""
    out = bytearray()
    while raw:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(raw, MAX_DECODED + 1 - len(out))
        except zlib.error:
            return None
        if len(out) > MAX_DECODED or inflater.unconsumed_tail:
            raise DocumentBeyondBounds(f"a gzip payload of more than {MAX_DECODED} bytes decompressed")
        if not inflater.eof:
            return None  # truncated
        raw = inflater.unused_data.lstrip(b"\0")  # gzip.decompress also ignores trailing zero padding
    return bytes(out)


def json_or_none(text: str, depth: int = 0) -> Any:
    """``text`` as JSON; None when it is none. ``depth``: the levels of the input above the text (see
    :data:`MAX_DEPTH`). Raises :class:`DocumentBeyondBounds` beyond the bounds."""
    limit = MAX_DEPTH - depth
    if _json_too_deep(text, limit):
        raise DocumentBeyondBounds(f"nested deeper than {MAX_DEPTH} levels")
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if len(text) > MAX_NODES:
        # Below that length _check_extent cannot refuse a JSON document (perf42, stop 42; it walked every document of
        # every input, about 1% of a realistic program's CPU): json.loads makes a new list or dict for every bracket
        # and shares none (its memo shares key strings only), so nothing is an alias and nothing holds itself; the
        # depth is the bracket nesting _json_too_deep has just bounded by `limit` (it counts every bracket outside a
        # string, the nesting exactly); and every node has a character of its own (a container its opening bracket, a
        # key its opening quote, a value its first character), so a text of n characters holds at most n nodes.
        _check_extent(document, limit)
    return document


def yaml_or_none(text: str, depth: int = 0) -> Any:
    """``text`` as YAML (:class:`TemplateLoader`: plain data only); None when PyYAML refuses it. ``depth``: as for
    :func:`json_or_none`. Raises :class:`DocumentBeyondBounds` beyond the bounds."""
    try:
        # PyYAML's reader refuses a non-printable character (`[\x08`) while the loader is built (ReaderError, a
        # YAMLError): built inside the try, so such a text is no YAML document rather than an error out of the engine
        # (found by test_random_nested_documents_never_raise_out_of_the_engine at stop 57's CI).
        loader = _BoundedLoader(text)  # a SafeLoader subclass: constructs plain data only
    except yaml.YAMLError:
        return None
    loader.depth_limit = MAX_DEPTH - depth
    try:
        document = loader.get_single_data()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    _check_extent(document, MAX_DEPTH - depth)
    return document


def toml_or_none(text: str, depth: int = 0) -> Any:
    """``text`` as TOML (Python's tomllib, TOML 1.0: plain data only); None when it is no TOML document. ``depth``: as
    for :func:`json_or_none`. Raises :class:`DocumentBeyondBounds` beyond the bounds (tomllib reads nested arrays and
    inline tables recursively: a nesting Python cannot follow is beyond them too)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    except RecursionError as e:
        raise DocumentBeyondBounds(f"nested deeper than {MAX_DEPTH} levels") from e
    _check_extent(document, MAX_DEPTH - depth)
    return document


_YAML_HINT = re.compile(r"^(?:#cloud-config|[A-Za-z_][\w.-]*\s*:(?:\s|$))", re.MULTILINE)


def looks_like_yaml(stripped: str) -> bool:
    """Whether an input's text (blanks stripped on the left) is read as a YAML document: several lines, one of them a
    ``key:`` (or ``#cloud-config``). A one-line text is a value, not a document (``host: port`` is no map)."""
    return "\n" in stripped and _YAML_HINT.search(stripped) is not None


def flow_yaml_or_none(text: str, depth: int = 0) -> Any:
    """A text beginning with ``{`` or ``[`` that is no JSON, as YAML's flow style (mutation55:
    ``{AWSTemplateFormatVersion: '2010-09-09', Resources: {...}}``, ``[eu-west-1, eu-central-1]``): the document when
    it is a list or a mapping with at least one value; None for a mapping of bare names only (the lead, stop 55:
    ``{regionId}`` is YAML's ``{regionId: null}``, but a placeholder, as a Config remediation's ``"regionId":
    "{regionId}"``, stays a plain value). Raises :class:`DocumentBeyondBounds` beyond the bounds."""
    document = yaml_or_none(text, depth)
    if isinstance(document, list) or (isinstance(document, dict) and any(v is not None for v in document.values())):
        return document
    return None


# mutation56: YAML 1.2 lets a document begin with comment lines ("#" to the line's end), directives (`%YAML 1.2`) and
# the document start marker `---` before its content; a flow-style template so written (`# orders table` or `---`
# then `{AWSTemplateFormatVersion: ..., Resources: {...}}`) was read as no document (it did not begin with a brace):
# a replica abroad passed every door. A `#!` line is a script's, never this.
_FLOW_PREAMBLE = re.compile(r"(?:(?:#(?!!)[^\n]*|%[A-Za-z]+[^\n]*|---[ \t]*|[ \t]*)\r?\n|---[ \t]+)+[ \t]*(?=[{\[])")


def flow_after_preamble(stripped: str) -> bool:
    """Whether a text (blanks stripped on the left) is YAML's comment lines, directives or ``---`` and then a flow
    collection (mutation56); a substring test first: most texts begin with neither."""
    return stripped[:1] in ("#", "%", "-") and _FLOW_PREAMBLE.match(stripped) is not None


def input_document(text: str) -> Any:
    """An input's text as the engine walks it as a document (``RuleEngine._judged_as_payload``): JSON when it begins
    with ``{`` or ``[`` (leading blanks ignored; YAML when that is no JSON: YAML's flow style, mutation55), else YAML
    when it :func:`looks_like_yaml`; None when it is read as a plain value. The stage-variables join reads an OpenAPI
    body so, where the engine asks it about the body; a body beyond the bounds is None here (the engine refuses it,
    RES-025)."""
    stripped = text.lstrip()
    try:
        if stripped[:1] in ("{", "[") or flow_after_preamble(stripped):
            # mutation55: YAML's flow style (`{region: us-west-2}`) begins with a brace too: YAML when no JSON.
            document = json_or_none(text)
            return document if document is not None else flow_yaml_or_none(stripped)
        if looks_like_yaml(stripped):
            return yaml_or_none(stripped)
    except DocumentBeyondBounds:
        return None
    return None


def load_document(text: str) -> Any:
    """A document property's text (a stack's template body, an OpenAPI body): JSON when it begins with ``{`` (leading
    blanks ignored) and is JSON, else YAML (JSON's other shapes are YAML too, and so is YAML's flow style); None when
    it is neither, or beyond the bounds (the engine then meets the text as a string and refuses it, RES-025)."""
    text = text.lstrip()
    try:
        document = json_or_none(text) if text[:1] == "{" else None
        # mutation55: a template in YAML's flow style begins with a brace and is no JSON: YAML (JSON is YAML too).
        return document if document is not None else yaml_or_none(text)
    except DocumentBeyondBounds:
        return None


# Fluent Bit's classic configuration (stop 42): sections in brackets, each followed by indented `key value` lines
# (https://docs.fluentbit.io/manual/administration/configuring-fluent-bit/classic-mode/configuration-file: "a section
# is defined by a name or title inside brackets", entries "Key Value", comments "#", the `@INCLUDE` and `@SET`
# commands). A text is read as one only when a line is one of Fluent Bit's own section headers: an ini file with other
# sections is not. Property names are case-insensitive in Fluent Bit (`Name`, `name`): read lower-cased.
_FLUENT_BIT_SECTION = re.compile(
    r"^[ \t]*\[(SERVICE|INPUT|FILTER|OUTPUT|PARSER|MULTILINE_PARSER|PLUGINS|UPSTREAM|NODE|CUSTOM)\][ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_FLUENT_BIT_ENTRY = re.compile(r"^([^\s\[\]]+)(?:[ \t]+(.*?))?[ \t]*$")
_FLUENT_BIT_PIPELINE = {"input": "inputs", "filter": "filters", "output": "outputs"}
# falsealarm58b (stop 58): Fluent Bit's classic `@SET NAME=VALUE` command ("Configuration Variables":
# "@SET my_input=cpu" ... "[INPUT] Name ${my_input}"): a variable the configuration sets itself, filled in where
# `${NAME}` is written.
_FLUENT_BIT_SET = re.compile(r"^[ \t]*@SET[ \t]+([A-Za-z_][A-Za-z0-9_]*)=(.*?)[ \t]*\r?$", re.MULTILINE | re.IGNORECASE)
_FLUENT_BIT_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fluent_bit_sets(text: str) -> dict[str, set[str]]:
    """Each variable a Fluent Bit classic configuration's ``@SET NAME=VALUE`` lines set, with every value it is set
    to (``{}`` for a text with no ``@SET``: one substring test)."""
    sets: dict[str, set[str]] = {}
    if "@set" in text.lower():
        for m in _FLUENT_BIT_SET.finditer(text):
            sets.setdefault(m.group(1), set()).add(m.group(2))
    return sets


def fluent_bit_env(text: str) -> dict[str, set[str]]:
    """(config61, stop 61) Each variable a Fluent Bit YAML configuration's ``env`` section sets (Fluent Bit "YAML
    Configuration File": "The env section allows the definition of configuration variables that will be used later in
    the configuration file", ``env: {flush_interval: 1}`` then ``flush: ${flush_interval}``; "Environment variables":
    "Variables set in the env section can't be overridden by system environment variables", https://docs.fluentbit.io/
    manual/administration/configuring-fluent-bit/yaml/environment-variables-section), the YAML form of the classic
    ``@SET``, with its value (a scalar, as text): the map form, and the extended list form's items with a ``value``
    (an item's ``uri``, a file read at run time, gives none); ``{}`` for a text with no ``env`` key (one substring
    test) or no such section."""
    if "env" not in text:
        return {}
    document = yaml_or_none(text)
    env = document.get("env") if isinstance(document, dict) else None
    if isinstance(env, list):
        env = {i.get("name"): i.get("value") for i in env if isinstance(i, dict) and "value" in i}
    if not isinstance(env, dict):
        return {}
    return {
        str(k): {str(v).lower() if isinstance(v, bool) else str(v)}
        for k, v in env.items()
        if isinstance(v, (str, int, float)) and _FLUENT_BIT_VARIABLE.fullmatch(f"${{{k}}}")
    }


def fluent_bit_filled(value: str, sets: dict[str, set[str]]) -> str:
    """``value`` with each ``${NAME}`` a ``@SET`` line (config61: or a YAML ``env`` section, :func:`fluent_bit_env`)
    sets to one value filled in; a name set to several values (which one Fluent Bit reads depends on the files'
    order) or not set (the environment's, filled when the agent starts) stays as written."""

    def fill(m: re.Match[str]) -> str:
        values = sets.get(m.group(1), set())
        return next(iter(values)) if len(values) == 1 else m.group(0)

    return _FLUENT_BIT_VARIABLE.sub(fill, value) if "${" in value else value


def fluent_bit_classic(text: str) -> dict[str, Any] | None:
    """A Fluent Bit classic configuration as the YAML configuration's shape: ``{"service": {...}, "pipeline":
    {"inputs": [...], "filters": [...], "outputs": [...]}}`` (the other sections, ``[PARSER]``, ``[UPSTREAM]`` ..., as
    lists under their lower-cased name), each section a map of its lower-cased keys to the rest of the line.
    ``@INCLUDE`` (a file not in the text: what it holds is not judged here) and ``@SET`` lines, comments and blank lines
    are skipped; a ``${NAME}`` an ``@SET`` line sets to one value is filled in (falsealarm58b).

    None when the text is not what Fluent Bit reads, which then stays free text to the engine: no Fluent Bit section
    header; a header of another format (a systemd unit's ``[Unit]``, an ini file's ``[PHP]``); a line before the first
    section; a ``key=value`` or ``key = value`` line (systemd and ini files: Fluent Bit's entries are ``Key Value``, and
    a systemd unit's ``[Service]`` section is otherwise a Fluent Bit header); an input, filter or output that names no
    plugin (Fluent Bit requires ``Name``)."""
    if "[" not in text or _FLUENT_BIT_SECTION.search(text) is None:
        return None
    document: dict[str, Any] = {}
    section: dict[str, str] | None = None
    sets = fluent_bit_sets(text)
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line[:1] == "@":
            continue
        header = _FLUENT_BIT_SECTION.match(line)
        if header is not None:
            name = header.group(1).lower()
            section = {}
            if name == "service":
                section = document.setdefault("service", {})
            elif name in _FLUENT_BIT_PIPELINE:
                document.setdefault("pipeline", {}).setdefault(_FLUENT_BIT_PIPELINE[name], []).append(section)
            else:
                document.setdefault(name, []).append(section)
            continue
        entry = _FLUENT_BIT_ENTRY.match(line)
        if section is None or entry is None or "=" in entry.group(1) or (entry.group(2) or "").startswith("="):
            return None
        value = entry.group(2) or ""
        section[entry.group(1).lower()] = fluent_bit_filled(value, sets) if sets else value
    pipeline = document.get("pipeline", {})
    if any("name" not in s for part in pipeline.values() for s in part):
        return None
    return document


def fluent_bit_outputs(document: Any) -> list[Any] | None:
    """The outputs of a Fluent Bit configuration read as a document (YAML ``pipeline.outputs``, or
    :func:`fluent_bit_classic`'s): a list of maps each naming its plugin (``name``); None when the document is no
    Fluent Bit configuration."""
    pipeline = document.get("pipeline") if isinstance(document, dict) else None
    outputs = pipeline.get("outputs") if isinstance(pipeline, dict) else None
    if not isinstance(outputs, list) or not any(
        isinstance(o, dict) and any(str(k).lower() == "name" for k in o) for o in outputs
    ):
        return None
    return outputs


# Fluentd's configuration format (leftovers42; https://docs.fluentd.org/configuration/config-file: "The configuration
# file consists of the following directives: source ... match ... filter ... system ... label ... @include", each a
# `<directive [argument]>` ... `</directive>` block of `name value` parameters, with nested sections such as
# `<buffer>`, `<store>` (out_copy), `<server>` (out_forward) or `<secondary>`; "#" starts a comment line; a value may
# be quoted). A text is read as one only when one of its lines opens a top-level directive and every line is a
# section's opening or closing tag, a comment, `@include` or a `name value` parameter, with every section closed and
# every source, match and filter naming its plugin (`@type`, or v0.12's `type`): else it stays free text (a line
# Fluentd would not read, a multi-line array or hash value, an XML file).
_FLUENTD_DIRECTIVE = re.compile(r"^<(source|match|filter|system|label|worker)(?:\s[^>]*)?>$")
_FLUENTD_OPEN = re.compile(r"^<([A-Za-z_][A-Za-z0-9_]*)(?:\s+([^>]*?))?\s*>$")
_FLUENTD_CLOSE = re.compile(r"^</([A-Za-z_][A-Za-z0-9_]*)>$")
_FLUENTD_PARAMETER = re.compile(r"^(@?[A-Za-z_][A-Za-z0-9_.-]*)(?:\s+(.*?))?\s*$")
_FLUENTD_PLUGGED = frozenset({"source", "match", "filter"})


def fluentd_config(text: str) -> dict[str, Any] | None:
    """A Fluentd configuration as a document: each top-level directive a list under its name (``{"source": [...],
    "match": [...]}``), each section a map of its parameters (quotes removed) and of its nested sections, lists under
    their names (``buffer``, ``store``, ``server``). A directive's argument (a ``<match **>`` tag pattern, a
    ``<label @NAME>``) is left out: it names events, no place. ``@include`` (a file not in the text) and comments are
    skipped. None when the text is not what Fluentd reads (see above)."""
    if "<" not in text or not any(_FLUENTD_DIRECTIVE.match(line.strip()) for line in text.splitlines()):
        return None
    document: dict[str, Any] = {}
    stack: list[tuple[str, dict[str, Any]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("@include "):
            continue
        close = _FLUENTD_CLOSE.match(line)
        if close is not None:
            if not stack or stack[-1][0] != close.group(1):
                return None
            name, section = stack.pop()
            if name in _FLUENTD_PLUGGED and not stack and not ({"@type", "type"} & set(section)):
                return None
            continue
        opening = _FLUENTD_OPEN.match(line)
        if opening is not None:
            name, section = opening.group(1), {}
            if not stack and _FLUENTD_DIRECTIVE.match(line) is None:
                return None  # a top-level block that is no directive: not Fluentd's
            parent = stack[-1][1] if stack else document
            existing = parent.setdefault(name, [])
            if not isinstance(existing, list):
                return None
            existing.append(section)
            stack.append((name, section))
            continue
        parameter = _FLUENTD_PARAMETER.match(line)
        if not stack or parameter is None:
            return None
        value = parameter.group(2) or ""
        if value[:1] in ("[", "{") and value[-1:] not in ("]", "}"):
            return None  # a multi-line array or hash value: not read here
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        stack[-1][1][parameter.group(1)] = value
    return document if not stack and document else None


def fluentd_outputs(document: Any) -> list[tuple[str, dict[str, Any]]]:
    """The outputs of a Fluentd configuration read by :func:`fluentd_config`, each with its path in the document
    (``match[0]``, ``label[0].match[1]``, ``match[0].store[1]``): every ``<match>`` section (at the top or in a
    ``<label>``) and, inside one, every ``<store>`` (out_copy's copies) and ``<secondary>`` (the fallback output),
    each naming its plugin by ``@type`` (or ``type``)."""
    found: list[tuple[str, dict[str, Any]]] = []

    def visit(section: dict[str, Any], path: str, inside: bool) -> None:
        for name, children in section.items():
            if not isinstance(children, list):
                continue
            for i, child in enumerate(children):
                here = f"{path}.{name}[{i}]" if path else f"{name}[{i}]"
                is_output = name == "match" or (inside and name in ("store", "secondary"))
                if is_output and isinstance(child, dict) and ({"@type", "type"} & set(child)):
                    found.append((here, child))
                if isinstance(child, dict) and (name in ("label", "match") or (inside and name == "store")):
                    visit(child, here, inside or name == "match")

    if isinstance(document, dict):
        visit(document, "", False)
    return found
