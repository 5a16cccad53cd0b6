"""The one reader of the JSON and YAML documents the residency engine finds inside inputs (templates, OpenAPI bodies,
task definitions, cloud-config), shared by the engine and the stage-variables join (``stages.py``, which the engine
imports and so cannot import it back; stop 41).

How a document is read (the engine's reading before stop 41, unchanged):

- JSON by :func:`json.loads`; a text that is no JSON is no JSON document (None), never an error.
- YAML by a ``yaml.SafeLoader`` subclass (:class:`TemplateLoader`): it constructs plain data only (maps, lists,
  strings, numbers, dates), never a Python object, and reads the short-form intrinsic functions of CloudFormation and
  ROS templates (``!Ref Bucket``, ``!Sub 'https://...'``) as their long forms. A text PyYAML refuses is no document
  (None).
- No size, nesting or alias bound is applied here (``components.yamlfile``'s bounds are for the files people write
  and end in a configuration error; an input's document is judged, not refused): what the engine walked before stop
  41 it walks now. A document of nested aliases ("billion laughs") is as costly to walk as before; see
  docs/residency.md, "HTTP API bodies and the VPC-link catalogue (stop 41)", what is left.

Since stop 42 it also reads Fluent Bit's classic configuration format (:func:`fluent_bit_classic`) into the YAML
format's shape, and finds the outputs of either (:func:`fluent_bit_outputs`), which the engine judges by the catalogue's
Fluent Bit output entries; a text that is no Fluent Bit configuration is None, never an error.

Before stop 41 the join read an OpenAPI body with ``yaml.safe_load``, which refuses a ``!`` tag the engine reads: a
YAML body with one (``description: !Sub ...``) was a document to the engine and none to the join, so the join read no
integration in it while the engine asked the join about the body's stage-variable host.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

__all__ = [
    "TemplateLoader",
    "fluent_bit_classic",
    "fluent_bit_outputs",
    "input_document",
    "json_or_none",
    "load_document",
    "looks_like_yaml",
    "yaml_or_none",
]


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


def json_or_none(text: str) -> Any:
    """``text`` as JSON; None when it is none."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def yaml_or_none(text: str) -> Any:
    """``text`` as YAML (:class:`TemplateLoader`: plain data only); None when PyYAML refuses it."""
    try:
        return yaml.load(text, Loader=TemplateLoader)  # a SafeLoader subclass: constructs plain data only
    except yaml.YAMLError:
        return None


_YAML_HINT = re.compile(r"^(?:#cloud-config|[A-Za-z_][\w.-]*\s*:(?:\s|$))", re.MULTILINE)


def looks_like_yaml(stripped: str) -> bool:
    """Whether an input's text (blanks stripped on the left) is read as a YAML document: several lines, one of them a
    ``key:`` (or ``#cloud-config``). A one-line text is a value, not a document (``host: port`` is no map)."""
    return "\n" in stripped and _YAML_HINT.search(stripped) is not None


def input_document(text: str) -> Any:
    """An input's text as the engine walks it as a document (``RuleEngine._judged_as_payload``): JSON when it begins
    with ``{`` or ``[`` (leading blanks ignored), else YAML when it :func:`looks_like_yaml`; None when it is read as
    a plain value. The stage-variables join reads an OpenAPI body so, where the engine asks it about the body."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        return json_or_none(text)
    if looks_like_yaml(stripped):
        return yaml_or_none(stripped)
    return None


def load_document(text: str) -> Any:
    """A document property's text (a stack's template body, an OpenAPI body): JSON when it begins with ``{`` (leading
    blanks ignored), else YAML (JSON's other shapes are YAML too); None when it is neither."""
    text = text.lstrip()
    return json_or_none(text) if text[:1] == "{" else yaml_or_none(text)


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


def fluent_bit_classic(text: str) -> dict[str, Any] | None:
    """A Fluent Bit classic configuration as the YAML configuration's shape: ``{"service": {...}, "pipeline":
    {"inputs": [...], "filters": [...], "outputs": [...]}}`` (the other sections, ``[PARSER]``, ``[UPSTREAM]`` ..., as
    lists under their lower-cased name), each section a map of its lower-cased keys to the rest of the line.
    ``@INCLUDE`` (a file not in the text: what it holds is not judged here) and ``@SET`` lines, comments and blank lines
    are skipped.

    None when the text is not what Fluent Bit reads, which then stays free text to the engine: no Fluent Bit section
    header; a header of another format (a systemd unit's ``[Unit]``, an ini file's ``[PHP]``); a line before the first
    section; a ``key=value`` or ``key = value`` line (systemd and ini files: Fluent Bit's entries are ``Key Value``, and
    a systemd unit's ``[Service]`` section is otherwise a Fluent Bit header); an input, filter or output that names no
    plugin (Fluent Bit requires ``Name``)."""
    if "[" not in text or _FLUENT_BIT_SECTION.search(text) is None:
        return None
    document: dict[str, Any] = {}
    section: dict[str, str] | None = None
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
        section[entry.group(1).lower()] = entry.group(2) or ""
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
