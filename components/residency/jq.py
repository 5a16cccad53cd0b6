"""The one reading of a jq program (jq manual, https://jqlang.org/manual/): a ROS template's ``Fn::Jq`` filter
(fnros52, fnros53) and a script's ``jq`` command (scripts50, scripts52) are the same language, read here once.

A small, documented subset is evaluated exactly: the identity ``.``, paths ``.key``, ``."key"``, ``.[n]`` (negative
from the end), ``.[]`` (each item or value), a path's optional form ``?`` (``.key?``, ``.[]?``: jq's errors of the
path before it give no output), pipes ``|``, ``first`` / ``last``, ``first(f)`` / ``last(f)``,
``map(f)``, ``select(f)``, ``f == literal`` / ``f != literal``, ``f // g`` (the alternative), literals, a text's
interpolation ``"...\\(f)..."`` of one value each, and ``sub(re; text)`` / ``gsub(re; text)`` with a plain regular
expression; (fnros54) ``a + b`` of one value each, an array built ``[f]`` (then its index or key steps), and
``ascii_downcase``, ``ascii_upcase``, ``tostring``, ``to_entries``, ``keys``. Anything else (``..``, ``,``, an object
built, other builtins, an error jq would raise) is not
read: the caller leaves the value as written, which fails closed where a destination is needed. Every evaluation is
bounded (:data:`MAX_PROGRAM`, :data:`_MAX_OUTPUTS`, a nesting depth of 16): never guessed.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

MAX_PROGRAM = 512
"""The longest jq filter evaluated: a template's filter is a line; past this, left as written (fail
closed)."""
_MAX_OUTPUTS = 256
"""The most values a jq filter's stage may give while it is evaluated: past this, left as written."""
_PLAIN_REGEXP = re.compile(r"(?:\\\.|[^\\()])*")
"""A regular expression with no group and no escape but ``\\.``, which Oniguruma (jq's) and Python read alike."""
_JQ_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>-?[0-9]+(?:\.[0-9]+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)'
    r"|(?P<op>==|!=|//|\?//|[|.()\[\];?+]))"
)


class _JqUnread(Exception):
    """A jq filter (or a value it meets) outside the subset :func:`_jq_outputs` evaluates."""


class _JqError(_JqUnread):
    """An error jq itself raises on a value (a key of a non-object, an index of a non-array, iterating a scalar):
    a path's ``?`` catches it (mutation54); the subset's own limits (:class:`_JqUnread`) are never caught."""


_JqFilter = Callable[[Any], list[Any]]


class Program(NamedTuple):
    """A jq program as read: ``run`` gives its outputs for one input (None where jq would raise or the subset ends),
    or is None when the program is outside the subset; ``texts`` are the texts the program itself may write (its
    string literals and replacements, the whole program when it is not read), which a caller judges when the input is
    unknown."""

    run: Callable[[Any], list[Any] | None] | None
    texts: tuple[str, ...]


def read(program: str) -> Program:
    """The jq ``program`` read into a :class:`Program` (the subset in this module's docstring)."""
    reader = _JqReader([])
    try:
        if len(program) > MAX_PROGRAM:
            raise _JqUnread("too long")
        reader = _JqReader(_jq_tokens(program))
        run = reader.pipe(0)
        if reader.at != len(reader.tokens):
            raise _JqUnread("unread tokens")
    except (_JqUnread, ValueError, RecursionError):
        return Program(None, (*reader.texts, program))
    return Program(functools.partial(_run, run), tuple(reader.texts))


def outputs(program: str, data: Any) -> list[Any] | None:
    """The values jq's ``program`` gives for ``data`` (the jq manual's semantics) where :func:`read` reads it; None
    for anything else."""
    run = read(program).run
    return run(data) if run is not None else None


def _run(run: _JqFilter, data: Any) -> list[Any] | None:
    try:
        return run(data)
    except (_JqUnread, ValueError, RecursionError):
        return None


class _JqReader:
    """A recursive-descent reading of jq's tokens into filters (:func:`_jq_outputs`)."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0
        self.texts: list[str] = []

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, kind: str | None = None) -> str:
        if self.at >= len(self.tokens) or (kind is not None and self.tokens[self.at][0] != kind):
            raise _JqUnread("unexpected end or token")
        self.at += 1
        return self.tokens[self.at - 1][1]

    def pipe(self, depth: int) -> _JqFilter:
        if depth > 16:
            raise _JqUnread("nested too deep")
        stages = [self.alternative(depth)]
        while self.peek() == "|":
            self.take()
            stages.append(self.alternative(depth))
        return lambda value: functools.reduce(
            lambda values, stage: _jq_bounded([out for v in values for out in stage(v)]), stages, [value]
        )

    def alternative(self, depth: int) -> _JqFilter:
        """jq's ``a // b``: the outputs of ``a`` that are neither null nor false, else (none) those of ``b``."""
        left = self.compared(depth)
        while self.peek() == "//":
            self.take()
            first, right = left, self.compared(depth)
            left = _jq_alternative(first, right)
        return left

    def compared(self, depth: int) -> _JqFilter:
        term = self.added(depth)
        if self.peek() not in ("==", "!="):
            return term
        equal = self.take() == "=="
        literal = self.literal()
        return lambda value: [(out == literal) is equal for out in term(value)]

    def added(self, depth: int) -> _JqFilter:
        """(fnros54) jq's ``a + b`` (binding tighter than ``==``, looser than a term): each side's one value added
        (:func:`_jq_add`); a side giving several values or none is not read."""
        left = self.term(depth)
        while self.peek() == "+":
            self.take()
            first, right = left, self.term(depth)
            left = _jq_sum(first, right)
        return left

    def literal(self) -> Any:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        self.take()
        if kind == "string" and "\\(" not in text:
            return json.loads(text)
        if kind == "number":
            return float(text) if "." in text else int(text)
        if kind == "name" and text in _JQ_CONSTANTS:
            return _JQ_CONSTANTS[text]
        raise _JqUnread(text)

    def term(self, depth: int) -> _JqFilter:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        if text == ".":
            return self.path()
        if kind == "op" and text == "[":
            return self.collected(depth)
        if kind == "string":
            self.take()
            self.texts.append(text[1:-1])
            return _jq_text(text, depth)
        if kind in ("number", "name") and (kind == "number" or text in _JQ_CONSTANTS):
            constant = self.literal()
            return lambda value: [constant]
        if kind != "name":
            raise _JqUnread(text)
        self.take()
        if text in ("first", "last") and self.peek() != "(":
            index = 0 if text == "first" else -1
            return lambda value: [_jq_index(value, index)]
        if text in ("sub", "gsub"):
            return self.substitution(text == "sub")
        if text in _JQ_BUILTINS and self.peek() != "(":
            builtin = _JQ_BUILTINS[text]
            return _jq_steps([lambda value: [builtin(value)], *self.steps()])  # `to_entries[]`, `keys[0]`
        if text not in ("first", "last", "map", "select") or self.take() != "(":
            raise _JqUnread(text)
        inner = self.pipe(depth + 1)
        if self.take() != ")":
            raise _JqUnread("unclosed")
        if text == "first":
            return lambda value: inner(value)[:1]
        if text == "last":
            return lambda value: inner(value)[-1:]
        if text == "map":
            return lambda value: [_jq_bounded([out for item in _jq_each(value) for out in inner(item)])]
        return lambda value: [value for out in inner(value) if out is not None and out is not False]  # select

    def substitution(self, once: bool) -> _JqFilter:
        """jq's ``sub(regex; tostring)`` ("Emit the string obtained by replacing the first match of regex in the input
        string with tostring") / ``gsub`` (every match) with string literals, applied where the regular expression is
        plain (no group syntax, no escape but ``\\.``: Oniguruma and Python agree) and the replacement has no
        interpolation; otherwise unread (its replacement kept among the texts)."""
        self.take("op")  # "("
        pattern = self.take("string")
        if self.take() != ";":
            raise _JqUnread("sub")
        replacement = self.take("string")
        if self.take() != ")":
            raise _JqUnread("unclosed")
        self.texts.append(replacement[1:-1])
        regexp = json.loads(pattern)
        if "\\(" in pattern or "\\(" in replacement or _PLAIN_REGEXP.fullmatch(regexp) is None:
            raise _JqUnread("sub")
        try:
            compiled = re.compile(regexp)
        except re.error as error:  # `a**`, an unclosed `[`: jq refuses it too
            raise _JqUnread("regexp") from error
        text = json.loads(replacement).replace("\\", "\\\\")
        count = 1 if once else 0

        def substituted(value: Any) -> list[Any]:
            if not isinstance(value, str):
                raise _JqUnread("sub of a non-string")
            return [compiled.sub(text, value, count=count)]

        return substituted

    def collected(self, depth: int) -> _JqFilter:
        """(fnros54) jq's array construction ``[f]`` ("collects all the results of f into one array"; ``[]`` the
        empty array), then any index or key steps after it (``[.targets[].region][1]``, :meth:`steps`)."""
        self.take()  # "["
        if self.peek() == "]":
            self.take()
            inner: _JqFilter = lambda value: []  # noqa: E731
        else:
            inner = self.pipe(depth + 1)
            if self.take() != "]":
                raise _JqUnread("unclosed")
        built: _JqFilter = lambda value: [_jq_bounded(list(inner(value)))]  # noqa: E731
        steps = self.steps()
        return _jq_steps([built, *steps]) if steps else built

    def path(self) -> _JqFilter:
        self.take()  # the leading "."
        steps: list[Callable[[Any], list[Any]]] = []
        if self.at < len(self.tokens) and self.tokens[self.at][0] in ("name", "string"):
            steps.append(self.key())
        return _jq_steps(self.steps(steps))

    def steps(self, before: list[Callable[[Any], list[Any]]] | None = None) -> list[Callable[[Any], list[Any]]]:
        """The ``.key``, ``[n]``, ``["key"]`` and ``[]`` steps after a term (a path's, or an array built), after
        ``before`` (a path's leading key: a ``?`` covers it too)."""
        steps: list[Callable[[Any], list[Any]]] = list(before or ())
        while self.peek() in (".", "[", "?"):
            if self.peek() == "?":
                # mutation54: jq's "Optional Object Identifier-Index" `.foo?` and `.[]?` ("no errors will be output
                # if . is not an array or object"): the path so far, its errors giving no further output.
                self.take()
                steps = [_jq_optional(steps)]
                continue
            if self.take() == ".":
                steps.append(self.key())
                continue
            if self.peek() == "]":
                self.take()
                steps.append(_jq_each)
                continue
            kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
            self.take()
            if kind == "number" and "." not in text:
                steps.append(_jq_index_step(int(text)))
            elif kind == "string" and "\\(" not in text:
                steps.append(_jq_key_step(json.loads(text)))
            else:
                raise _JqUnread(text)
            if self.take() != "]":
                raise _JqUnread("unclosed")
        return steps

    def key(self) -> Callable[[Any], list[Any]]:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        if kind not in ("name", "string") or "\\(" in text:
            raise _JqUnread(text)
        self.take()
        return _jq_key_step(json.loads(text) if kind == "string" else text)


_JQ_CONSTANTS: Mapping[str, Any] = {"true": True, "false": False, "null": None}


def _jq_case(upper: bool) -> Callable[[Any], Any]:
    """(fnros54) jq's ``ascii_downcase`` / ``ascii_upcase`` ("Emit a copy of the input string with its alphabetic
    characters (a-z and A-Z) converted to the specified case"): ASCII letters only; not a string is jq's error."""
    table = str.maketrans(
        "abcdefghijklmnopqrstuvwxyz" if upper else "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz",
    )

    def cased(value: Any) -> Any:
        if not isinstance(value, str):
            raise _JqUnread("a case of a non-string")
        return value.translate(table)

    return cased


def _jq_tostring(value: Any) -> str:
    """(fnros54) jq's ``tostring`` of a text (itself), a whole number, a boolean or null (their JSON text); a map, a
    list or a fraction (whose JSON text jq and Python may write differently) is not read."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, (bool, int)):
        return json.dumps(value)
    raise _JqUnread("tostring of a map, list or fraction")


def _jq_entries(value: Any) -> list[dict[str, Any]]:
    """(fnros54) jq's ``to_entries`` of an object ("an array of {key, value}", in the object's order); of anything
    else not read."""
    if not isinstance(value, Mapping):
        raise _JqUnread("to_entries of a non-object")
    return _jq_bounded([{"key": k, "value": v} for k, v in value.items()])


def _jq_keys(value: Any) -> list[Any]:
    """(fnros54) jq's ``keys`` ("the keys of an object as an array, sorted by unicode codepoint order"; an array's
    indices); of anything else jq's error."""
    if isinstance(value, Mapping):
        return _jq_bounded(sorted(value, key=lambda k: [ord(c) for c in k]))
    if isinstance(value, list):
        return _jq_bounded(list(range(len(value))))
    raise _JqUnread("keys of a non-object")


_JQ_BUILTINS: Mapping[str, Callable[[Any], Any]] = {
    "ascii_downcase": _jq_case(upper=False),
    "ascii_upcase": _jq_case(upper=True),
    "tostring": _jq_tostring,
    "to_entries": _jq_entries,
    "keys": _jq_keys,
}
"""(fnros54) jq builtins of no argument read (jq manual): each maps its input to one output, or jq's error (unread)."""


def _jq_alternative(first: _JqFilter, second: _JqFilter) -> _JqFilter:
    """jq's ``first // second`` (the manual's "alternative operator")."""

    def read(value: Any) -> list[Any]:
        kept = [out for out in first(value) if out is not None and out is not False]
        return kept or second(value)

    return read


def _jq_optional(steps: list[Callable[[Any], list[Any]]]) -> Callable[[Any], list[Any]]:
    """jq's ``path?`` (``try path``): the outputs ``steps`` give, in jq's order, until the first error jq raises (the
    outputs before it are kept, none after it: jq's backtracking stops at the error)."""

    def outputs(value: Any, at: int, out: list[Any]) -> None:
        if at == len(steps):
            out.append(value)
            _jq_bounded(out)
            return
        for item in steps[at](value):
            outputs(item, at + 1, out)

    def read(value: Any) -> list[Any]:
        out: list[Any] = []
        with contextlib.suppress(_JqError):
            outputs(value, 0, out)
        return out

    return read


def _jq_steps(steps: list[Callable[[Any], list[Any]]]) -> _JqFilter:
    """Steps read one after another, each on every output of the one before (a path's ``.a[0].b``)."""
    return lambda value: functools.reduce(
        lambda values, step: _jq_bounded([out for v in values for out in step(v)]), steps, [value]
    )


def _jq_sum(first: _JqFilter, second: _JqFilter) -> _JqFilter:
    """(fnros54) jq's ``first + second`` where each gives one value (:func:`_jq_add`)."""

    def read(value: Any) -> list[Any]:
        left, right = first(value), second(value)
        if len(left) != 1 or len(right) != 1:
            raise _JqUnread("a sum of several values")
        return [_jq_add(left[0], right[0])]

    return read


def _jq_add(left: Any, right: Any) -> Any:
    """(fnros54) jq's addition (the manual, "Addition: +"): numbers added, strings joined, arrays concatenated,
    objects merged (the right's keys win), null plus anything that thing; any other pair is jq's error (not read)."""
    if left is None:
        return right
    if right is None:
        return left
    if isinstance(left, bool) or isinstance(right, bool):
        raise _JqUnread("a boolean added")
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return left + right
    if isinstance(left, str) and isinstance(right, str):
        if len(left) + len(right) > _MAX_TEXT:
            raise _JqUnread("too long a text")
        return left + right
    if isinstance(left, list) and isinstance(right, list):
        return _jq_bounded(left + right)
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return {**left, **right}
    raise _JqUnread("values of different types added")


_MAX_TEXT = 65536
"""(fnros54) The longest text ``+`` builds: a host or a Region is a line; past this, not read."""


def _jq_key_step(key: str) -> Callable[[Any], list[Any]]:
    return lambda value: [_jq_key(value, key)]


def _jq_index_step(index: int) -> Callable[[Any], list[Any]]:
    return lambda value: [_jq_index(value, index)]


def _jq_key(value: Any, key: str) -> Any:
    """jq's ``.key``: an object's value (null when missing), null of null; an error for anything else."""
    if isinstance(value, Mapping):
        return value.get(key)
    if value is None:
        return None
    raise _JqError("a key of a non-object")


def _jq_index(value: Any, index: int) -> Any:
    """jq's ``.[n]``: an array's item (negative from the end; null out of range), null of null."""
    if isinstance(value, list):
        return value[index] if -len(value) <= index < len(value) else None
    if value is None:
        return None
    raise _JqError("an index of a non-array")


def _jq_each(value: Any) -> list[Any]:
    """jq's ``.[]``: an array's items or an object's values; an error for anything else (null too)."""
    if isinstance(value, list):
        return _jq_bounded(list(value))
    if isinstance(value, Mapping):
        return _jq_bounded(list(value.values()))
    raise _JqError("cannot iterate")


def _jq_bounded(values: list[Any]) -> list[Any]:
    if len(values) > _MAX_OUTPUTS:
        raise _JqUnread("too many values")
    return values


def _jq_text(literal: str, depth: int) -> _JqFilter:
    """A jq string literal, its interpolations ``\\(f)`` each filled with ``f``'s one value (a text as
    itself, a number as JSON); more or fewer values, or a map, list or null, is not read."""
    body = literal[1:-1]
    parts: list[str | _JqFilter] = []
    at = 0
    while (start := body.find("\\(", at)) >= 0:
        parts.append(json.loads(f'"{body[at:start]}"'))
        level, end = 1, start + 2
        while end < len(body) and level:
            level += {"(": 1, ")": -1}.get(body[end], 0)
            end += 1
        if level:
            raise _JqUnread("unclosed interpolation")
        inner = _JqReader(_jq_tokens(body[start + 2 : end - 1]))
        parts.append(inner.pipe(depth + 1))
        if inner.at != len(inner.tokens):
            raise _JqUnread("interpolation")
        at = end
    parts.append(json.loads(f'"{body[at:]}"'))  # a bad escape: ValueError, the filter unread (_jq_outputs)

    def text(value: Any) -> list[Any]:
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            got = part(value)
            if len(got) != 1 or not isinstance(got[0], (str, int, float)) or isinstance(got[0], bool):
                raise _JqUnread("interpolated value")
            out.append(got[0] if isinstance(got[0], str) else json.dumps(got[0]))
        return ["".join(out)]

    return text


def _jq_tokens(script: str) -> list[tuple[str, str]]:
    """jq's tokens of ``script`` (:data:`_JQ_TOKEN`); an error when a character is none."""
    tokens: list[tuple[str, str]] = []
    at = 0
    while at < len(script.rstrip()):
        m = _JQ_TOKEN.match(script, at)
        if m is None or m.lastgroup is None:
            raise _JqUnread("token")
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        at = m.end()
    return tokens
