"""Turn a pydantic ``ValidationError`` into ``ConfigError``s an operator can act on, one per problem."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from components.errors import ConfigError
from components.yamlfile import described, shorten

__all__ = ["to_config_error", "to_config_errors"]

_SCHEMA_DOC = "docs/datacenter.md"


def to_config_error(exc: ValidationError, model: type[BaseModel], file: str, root_key: str) -> ConfigError:
    """The first error of ``exc`` as a ``ConfigError`` naming ``file`` and ``root_key.<path>``."""
    return to_config_errors(exc, model, file, root_key)[0]


def to_config_errors(exc: ValidationError, model: type[BaseModel], file: str, root_key: str) -> list[ConfigError]:
    """Every error of ``exc``, each a ``ConfigError`` naming ``file`` and ``root_key.<path>``.

    A misspelt key gives two: the unknown key (with the nearest valid name) and the missing one.
    """
    found: list[ConfigError] = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if part != "[key]")
        key = ".".join([root_key, *(_part(part) for part in loc)])
        problem, fix = _explain(error, model, loc)
        found.append(ConfigError(file, key, problem, fix))
    return found


def _part(part: object, *, quoted: bool = False) -> str:
    """A key path part as written, or shortened when it is long (a key can be any text)."""
    text = str(part)
    if len(text) > 60:
        return shorten(text)
    return f"`{text}`" if quoted else text


def _explain(error: ErrorDetails, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        fix = f"rename it to `{close[0]}`" if close else f"remove it or use one of: {', '.join(allowed) or '(none)'}"
        return f"unknown key {_part(name, quoted=True)}" + (f" (did you mean `{close[0]}`?)" if close else ""), fix
    if kind == "missing":
        return "required key is missing", f"add it (the stack file schema is in {_SCHEMA_DOC})"
    if kind == "literal_error":
        return f"{shorten(given)} is not allowed ({error['msg']})", "use one of the listed values"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        expected = _EXPECTED.get(kind.split("_", 1)[0])
        if expected is None:
            return (
                f"wrong type: got {described(given)} ({error['msg']})",
                "write a value of the expected type (quote text, leave numbers unquoted)",
            )
        wanted, fix = expected
        name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else "the key"
        return f"wrong type: expected {wanted}, got {described(given)}", fix.format(key=name, schema=_SCHEMA_DOC)
    return f"{error['msg']} (got {shorten(given)})", "change the value to satisfy that rule"


# pydantic's error type (its first word: dict_type, model_type, list_type, int_parsing ...) -> what the stack file
# should hold there, in YAML's words, and how to write it.
_EXPECTED: dict[str, tuple[str, str]] = {
    "dict": ("a mapping (indented `key: value` lines)", "write `{key}:` with its keys indented below it ({schema})"),
    "model": ("a mapping (indented `key: value` lines)", "write `{key}:` with its keys indented below it ({schema})"),
    "list": ("a list", "write it as a list, e.g. `[a, b]` or one `- item` line per entry"),
    "tuple": ("a list", "write it as a list, e.g. `[a, b]` or one `- item` line per entry"),
    "set": ("a list", "write it as a list, e.g. `[a, b]` or one `- item` line per entry"),
    "int": ("a whole number", "write the number without quotes, e.g. 30"),
    "float": ("a number", "write the number without quotes, e.g. 0.5"),
    "bool": ("true or false", "write true or false, without quotes"),
    "string": ("text", "write the text, in quotes if it could be read as a number or a date"),
}


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found by walking ``loc`` from ``model`` (dict keys are skipped)."""
    current: Any = model
    parts = list(loc)
    while parts:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(parts.pop(0)))
            if field is None:
                return []
            current = field.annotation
        elif typing.get_origin(current) is dict:
            parts.pop(0)
            current = typing.get_args(current)[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> ``X``; anything else unchanged."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation
