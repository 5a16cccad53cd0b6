"""The one reading of a jq program (jq manual, https://jqlang.org/manual/): a ROS template's ``Fn::Jq`` filter
(fnros52, fnros53) and a script's ``jq`` command (scripts50, scripts52) are the same language, read here once.

A small, documented subset is evaluated exactly: the identity ``.``, paths ``.key``, ``."key"``, ``.[n]`` (negative
from the end), ``.[]`` (each item or value), a step's optional form ``?`` (``.key?``, ``.[]?``: jq's errors of that step
give no output), pipes ``|``, ``first`` / ``last``, ``first(f)`` / ``last(f)``, ``map(f)``, ``select(f)``, ``f // g``
(the alternative), literals, a text's interpolation ``"...\\(f)..."`` of one value each, and ``sub(re; text)`` /
``gsub(re; text)`` with a plain regular expression; (fnros54) ``a + b``, an array built ``[f]``, and
``ascii_downcase``, ``ascii_upcase``, ``tostring``, ``to_entries``, ``keys``; (fnros54b) an object built ``{...}``,
``,``, ``..``, parentheses, ``a == b`` / ``!=`` / ``and`` / ``or`` of any two filters, a sum of several values (jq's
order), slices ``.[a:b]``, steps after any term (``select(f).key``), ``if ... then ... elif ... else ... end``,
``try f`` (``catch`` with a constant), ``term as $x | body``, ``length``, ``not``, ``type``, ``tojson``, ``add``,
``empty``, ``error``, ``ltrimstr`` / ``rtrimstr`` / ``split`` / ``join`` / ``startswith`` / ``endswith`` of one
argument, and ``tostring`` of a map or list; (fnros55, fnros55b, see their methods) ``reduce``, ``limit``, ``def``,
arithmetic, orderings, ``getpath``, ``range``, ``fromjson``; (fnros56) ``match`` / ``capture`` / ``scan`` / ``splits``
/ ``split(re; flags)`` / ``test(re; flags)`` over ASCII text, ``group_by`` / ``min_by`` / ``max_by``,
``keys_unsorted``, ``foreach``, a flat destructuring pattern and a script's ``$ARGS``; (fnros57) ``paths`` /
``paths(f)`` / ``leaf_paths`` / ``tostream``, ``has``, the type selections (``strings``, ``scalars`` ...), a slice's
computed bounds, comments, regular expressions over non-ASCII text (no ``i`` flag or ``\\w``), jq 1.6's ``gsub`` and a
script's ``input`` / ``inputs``; (fnros58) path expressions (``path(f)``, ``del(f)``, assignments ``|=`` / ``=`` /
``+=`` ... ``//=``), ``setpath`` / ``delpaths``, ``walk``, ``any`` / ``all``, ``nth``, ``fromstream``, ``@sh`` /
``@uri`` / ``@csv`` / ``@tsv`` and format strings; (fnros62) ``index`` / ``rindex`` / ``indices``, ``min`` / ``max``,
``reverse``, ``flatten``, ``map_values`` and ``IN`` where jq 1.6 and 1.7 agree. Anything else (other builtins,
a nested destructuring pattern, ``$ENV``, an error jq would raise, an error after some outputs, a value jq may write
otherwise) is not read:
the caller leaves the value as written, which fails closed where a destination is needed. Every evaluation is bounded
(:data:`MAX_PROGRAM`, :data:`_MAX_OUTPUTS`, a nesting depth of 16): never guessed.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

MAX_PROGRAM = 512
"""The longest jq filter evaluated: a template's filter is a line; past this, left as written (fail
closed)."""
_MAX_OUTPUTS = 256
"""The most values a jq filter's stage may give while it is evaluated: past this, left as written."""
_PLAIN_REGEXP = re.compile(r"(?:\\\.|[^\\()])*")
"""A regular expression with no group and no escape but ``\\.``, which Oniguruma (jq's) and Python read alike."""
_JQ_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>[0-9]+(?:\.[0-9]+)?)|(?P<field>\.[A-Za-z_][A-Za-z0-9_]*)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)'
    r"|(?P<variable>\$[A-Za-z_][A-Za-z0-9_]*)|(?P<format>@[A-Za-z0-9_]+)"
    r"|(?P<op>==|!=|<=|>=|\?//|//=|//|\|=|\+=|-=|\*=|/=|%=|\.\.|[|.()\[\];?+,:{}<>*/%=-]))"
)


class _JqUnread(Exception):
    """A jq filter (or a value it meets) outside the subset :func:`_jq_outputs` evaluates."""


class _JqFunction:
    """(fnros55) A function a jq program defines (``def name(params): body;``): where its body's tokens start and end,
    and the variables, functions and parameters in scope where it is defined."""

    def __init__(
        self,
        name: str,
        params: tuple[str, ...],
        start: int,
        scope: dict[str, list[Any]],
        functions: dict[str, _JqFunction],
        arguments: dict[str, Callable[[Any], list[Any]]],
        argument_paths: dict[str, Callable[[], _JqPaths]],
    ) -> None:
        self.name, self.params, self.start = name, params, start
        self.end: int | None = None  # where the body ends, once read where it is defined
        self.scope, self.functions, self.arguments = scope, functions, arguments
        self.argument_paths = argument_paths  # fnros60: the filter parameters in scope read as path expressions


_MAX_CALLS = 64
"""(fnros55) The most function bodies one jq program's reading reads (each call reads its body again): past this
(a recursion, calls nested deep), left as written."""


class _JqError(_JqUnread):
    """An error jq itself raises on a value (a key of a non-object, an index of a non-array, iterating a scalar):
    a path's ``?`` catches it (mutation54); the subset's own limits (:class:`_JqUnread`) are never caught."""


_JqFilter = Callable[[Any], list[Any]]
_JqPaths = Callable[[list[Any], Any], list[tuple[list[Any], Any]]]
_Branch = TypeVar("_Branch", _JqFilter, _JqPaths)  # an `if` branch: a value filter or a path expression
"""(fnros58) A path expression as read: for the path so far and the value there, each path it reaches and the value
there (jq's path tracking)."""


class Program(NamedTuple):
    """A jq program as read: ``run`` gives its outputs for one input (None where jq would raise or the subset ends),
    or is None when the program is outside the subset; ``texts`` are the texts the program itself may write (its
    string literals and replacements, the whole program when it is not read), which a caller judges when the input is
    unknown."""

    run: Callable[[Any], list[Any] | None] | None
    texts: tuple[str, ...]


def read(
    program: str,
    variables: Mapping[str, Any] | None = None,
    positional: Sequence[Any] = (),
    documents: Sequence[Any] | None = None,
    *,
    each: bool = False,
) -> Program:
    """The jq ``program`` read into a :class:`Program` (the subset in this module's docstring); (fnros55b)
    ``variables`` are the program's ``$name`` values a caller gives (jq's ``--arg`` / ``--argjson``), by name;
    (fnros56) where a caller gives them (a script's jq), ``$ARGS`` is ``{"positional": positional, "named":
    variables}`` (the manual, "$ARGS": ``--args`` / ``--jsonargs`` and ``--arg`` / ``--argjson``); a template's
    ``Fn::Jq`` gives none, so ``$ARGS`` stays unread there. (fnros57) ``documents``: the inputs jq's ``input`` ("Outputs
    one new input") and ``inputs`` ("Outputs all remaining inputs, one by one") read, in order, afresh at each run
    (a script's ``jq -n``); without them (a template) both stay unread, and so does a program naming them twice (the
    order jq consumes them in is the order it backtracks, not read). (fnros61) ``each``: jq run without ``-n`` (jq(1):
    the filter runs for each JSON text of its input): each document ``input`` has not consumed is ``.`` for one run,
    ``input`` reading the ones after it (:func:`_jq_each_fed`); the value given to ``run`` is not read then."""
    reader = _JqReader([])
    try:
        if len(program) > MAX_PROGRAM:
            raise _JqUnread("too long")
        reader = _JqReader(_jq_tokens(program))
        reader.scope.update({f"${name}": [value] for name, value in (variables or {}).items()})
        if variables is not None:
            reader.scope["$ARGS"] = [{"positional": list(positional), "named": dict(variables)}]
        if documents is not None and (
            sum(t in (("name", "input"), ("name", "inputs")) for t in reader.tokens) <= 1
            or _jq_inputs_in_order(reader.tokens)
        ):
            reader.documents = []
        run = reader.pipe(0)
        if reader.at != len(reader.tokens):
            raise _JqUnread("unread tokens")
    except (_JqUnread, ValueError, RecursionError):
        return Program(None, (*reader.texts, program))
    if reader.documents is not None and documents is not None:
        run = functools.partial(_jq_each_fed if each else _jq_fed, run, reader.documents, tuple(documents))
    return Program(functools.partial(_run, run), tuple(reader.texts))


def comments_blanked(program: str) -> str:
    """(fnros57) ``program`` with each comment (jq 1.6's lexer: ``#`` outside a string, to the line's end: a newline
    or a carriage return) written as blanks, the same length: a caller that joins the program's lines (a script's
    substitution over several lines, read as one) keeps what jq reads. A string that does not close: as written."""
    if "#" not in program:
        return program
    out = list(program)
    at = 0
    while at < len(program):
        if program[at] == '"':
            try:
                at = _jq_string_end(program, at)
            except _JqUnread:
                return program
            continue
        if program[at] == "#":
            ends = [end for end in (program.find("\n", at), program.find("\r", at)) if end >= 0]
            end = min(ends, default=len(program))
            out[at:end] = " " * (end - at)
            at = end
            continue
        at += 1
    return "".join(out)


def _jq_fed(run: _JqFilter, cell: list[Any], documents: tuple[Any, ...], value: Any) -> list[Any]:
    """(fnros57) ``run`` of ``value`` with ``input`` / ``inputs`` reading ``documents`` from the first."""
    cell[:] = documents
    return run(value)


def _jq_each_fed(run: _JqFilter, cell: list[Any], documents: tuple[Any, ...], _: Any) -> list[Any]:
    """(fnros61) jq's main loop without ``-n`` (jq 1.6's main.c: each value its parser gives is the filter's input;
    ``input`` takes the next value from the same parser): the first document not yet read is ``.`` for a run, the
    ones ``input`` / ``inputs`` take in that run are not run again (``jq '. as $b | input | .r' a.json b.json`` runs
    once, on a.json's text, ``input`` giving b.json's). An error in a run (``input`` with none left) is jq's error:
    no value (the caller leaves the output unknown)."""
    cell[:] = documents
    out: list[Any] = []
    while cell:
        out += run(cell.pop(0))
        _jq_bounded(out)
    return out


def _jq_inputs_in_order(tokens: list[tuple[str, str]]) -> bool:
    """(fnros60) Whether a program naming ``input`` at several call sites consumes its documents in the order the
    reader evaluates it: the program's leading stages each one ``input`` with key or literal index steps, perhaps
    bound (``input | input.region``, ``input as $base | input | .region // $base.region``), and no ``input`` /
    ``inputs`` after them. Each such stage gives one value, so jq's depth-first order (the manual, "input": "Outputs
    one new input") and the reader's stage-by-stage one consume alike; any other program (``(input, input) | (.,
    input)``, whose first stage gives a second value after its first is used) is not read. (fnros61) A leading stage
    may also be a path of such steps without ``input`` (``. | input | input.r``, ``.a | input | input.r``) or an
    array of such terms (``[input, input] | .[1].r``, ``[., input, input]``): each gives one value (or jq's error),
    and the array's terms are read left to right in both orders (the manual, "Array construction": "all of the
    results produced by that expression" in order)."""
    at = 0
    while (end := _jq_one_value_term(tokens, at)) is not None:
        if end + 1 < len(tokens) and tokens[end] == ("name", "as") and tokens[end + 1][0] == "variable":
            end += 2
        if end < len(tokens) and tokens[end][1] != "|":
            break  # not a whole stage (`input.r?`, `.r // $b.r`): the rest of the program starts here
        at = end + 1
    return at > 0 and not any(t in (("name", "input"), ("name", "inputs")) for t in tokens[at:])


def _jq_one_value_term(tokens: list[tuple[str, str]], at: int, *, inner: bool = False) -> int | None:
    """(fnros61) Where a term giving one value ends (:func:`_jq_inputs_in_order`): ``input`` or ``.`` (or a field)
    followed by key or literal index steps, or (not nested) ``[`` such terms separated by ``,`` ``]``; None for any
    other term."""
    if at >= len(tokens):
        return None
    if tokens[at][1] == "[" and not inner:
        at += 1
        while (end := _jq_one_value_term(tokens, at, inner=True)) is not None and end < len(tokens):
            if tokens[end][1] == "]":
                return end + 1
            if tokens[end][1] != ",":
                return None
            at = end + 1
        return None
    if tokens[at] == ("name", "input") or tokens[at] == ("op", "."):
        at += 1
    elif tokens[at][0] != "field":
        return None
    while at < len(tokens):
        kind, text = tokens[at]
        if kind == "field":
            at += 1
        elif text == "." and at + 1 < len(tokens) and tokens[at + 1][0] == "string":
            at += 2
        elif text == "[" and at + 2 < len(tokens) and tokens[at + 1][0] in ("number", "string"):
            if tokens[at + 2][1] != "]" or "\\(" in tokens[at + 1][1]:
                return None
            at += 3
        else:
            break
    return at


def _jq_input(cell: list[Any], *, every: bool) -> list[Any]:
    """(fnros57) jq's ``input`` (the next document; none left is jq's error, "No more inputs") or ``inputs`` (every
    document left)."""
    if every:
        taken = list(cell)
        cell.clear()
        return _jq_bounded(taken)
    if not cell:
        raise _JqError("No more inputs")
    return [cell.pop(0)]


def outputs(program: str, data: Any) -> list[Any] | None:
    """The values jq's ``program`` gives for ``data`` (the jq manual's semantics) where :func:`read` reads it; None
    for anything else."""
    run = read(program).run
    return run(data) if run is not None else None


def json_value(text: str) -> Any:
    """(fnros55b) A JSON text as jq 1.6 reads it (``fromjson``, a script's ``--argjson NAME TEXT``); a ValueError where
    this reading and jq's may differ or the text is no JSON."""
    try:
        return _jq_from_json(text)
    except _JqUnread as error:
        raise ValueError(text) from error


def _run(run: _JqFilter, data: Any) -> list[Any] | None:
    try:
        return run(data)
    except (_JqUnread, ValueError, RecursionError):
        return None


class _JqReader:
    """A recursive-descent reading of jq's tokens into filters (:func:`_jq_outputs`), by jq's precedence (lowest
    first): ``|`` (and ``term as $x | body``), ``,``, ``//``, ``or``, ``and``, ``==`` / ``!=``, ``+``, then a postfix
    term (a primary and its ``.key`` / ``[n]`` / ``[a:b]`` / ``[]`` / ``?`` steps)."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0
        self.texts: list[str] = []
        self.scope: dict[str, list[Any]] = {}  # fnros54b: each `$name` bound by `as`, its one cell
        self.functions: dict[str, _JqFunction] = {}  # fnros55: each `def name: body;` in scope, by name
        self.arguments: dict[str, _JqFilter] = {}  # fnros55: a function's filter parameters, while its body is read
        self.calls = [0]  # fnros55: the function bodies read for this program (shared), at most _MAX_CALLS
        self.documents: list[Any] | None = None  # fnros57: the documents `input` / `inputs` read, where given
        # fnros60: a function's filter parameters, each read as a path expression where the body uses it as one
        self.argument_paths: dict[str, Callable[[], _JqPaths]] = {}
        self.bound: list[tuple[list[Any], _JqFilter]] = []  # fnros60: a body's `$name` parameters: cell, argument

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, kind: str | None = None) -> str:
        if self.at >= len(self.tokens) or (kind is not None and self.tokens[self.at][0] != kind):
            raise _JqUnread("unexpected end or token")
        self.at += 1
        return self.tokens[self.at - 1][1]

    def at_step(self) -> bool:
        """Whether a step follows: ``.key`` (fnros54b: one token, as jq's lexer reads a field, so ``. end`` is the
        identity before ``end``), ``."key"``, ``[``, ``?``."""
        return self.peek() in (".", "[", "?") or (self.at < len(self.tokens) and self.tokens[self.at][0] == "field")

    def expect(self, text: str) -> None:
        if self.take() != text:
            raise _JqUnread(f"expected {text}")

    def pipe(self, depth: int) -> _JqFilter:
        if depth > 16:
            raise _JqUnread("nested too deep")
        functions = self.functions
        try:
            self.definitions(depth)
            stages = [self.comma(depth)]
            while self.peek() == "|":
                self.take()
                self.definitions(depth)
                stages.append(self.comma(depth))
        finally:
            self.functions = functions  # fnros55: a definition is in scope for the rest of its expression only
        return stages[0] if len(stages) == 1 else _jq_steps(stages)

    def definitions(self, depth: int) -> None:
        """(fnros55) jq's ``def name: body;`` / ``def name(f; g): body;`` (the manual, "Defining Functions": "a
        filter that is passed as an argument ... the argument is a filter, not a value"), in scope for the expression
        after it: the body's tokens are kept and read again at each call (:meth:`called`) with the call's arguments.
        A ``$name`` parameter is not read."""
        while self.peek() == "def":
            self.take()
            name = self.take("name")
            params: list[str] = []
            if self.peek() == "(":
                self.take()
                params.append(self.parameter())
                while self.peek() == ";":
                    self.take()
                    params.append(self.parameter())
                self.expect(")")
            self.expect(":")
            function = _JqFunction(
                name, tuple(params), self.at, dict(self.scope), self.functions, self.arguments, self.argument_paths
            )
            self.functions = {**self.functions, name: function}
            # Read once here (where the body ends, its texts; its own calls and parameters left unexpanded).
            reader = self.body(function, (_jq_identity,) * len(params), declaring=True)
            reader.pipe(depth + 1)
            self.at = reader.at
            self.expect(";")
            function.end = reader.at

    def parameter(self) -> str:
        """(fnros60) A function's parameter as written: a filter's ``name``, or a value's ``$name`` (the manual,
        "Defining Functions": ``def addvalue($f): ...`` is ``def addvalue(f): f as $f | ...``; jq 1.6 binds both)."""
        kind = self.tokens[self.at][0] if self.at < len(self.tokens) else ""
        return self.take("variable" if kind == "variable" else "name")

    def body(
        self,
        function: _JqFunction,
        arguments: tuple[_JqFilter, ...],
        *,
        declaring: bool,
        paths: tuple[Callable[[], _JqPaths], ...] | None = None,
    ) -> _JqReader:
        """(fnros55) A reader of ``function``'s body: the variables, functions and parameters where it is defined,
        the function itself (recursion), and its parameters bound to ``arguments``; (fnros60) ``paths``: the same
        arguments read as path expressions (None where one is not), and each ``$name`` parameter a variable of its
        own cell (:meth:`bindings` binds it to its argument's outputs, jq's ``f as $f | body``)."""
        self.calls[0] += 1
        if self.calls[0] > _MAX_CALLS:
            raise _JqUnread("too many function calls")
        reader = _JqReader(self.tokens)
        reader.at, reader.texts, reader.calls = function.start, self.texts, self.calls
        reader.scope = dict(function.scope)
        reader.functions = {**function.functions, function.name: function}
        names = [param.lstrip("$") for param in function.params]
        reader.arguments = {**function.arguments, **dict(zip(names, arguments, strict=True))}
        given = paths if paths is not None else (_jq_no_path,) * len(names)
        reader.argument_paths = {**function.argument_paths, **dict(zip(names, given, strict=True))}
        for param, argument in zip(function.params, arguments, strict=True):
            if param.startswith("$"):
                cell: list[Any] = [None]
                reader.scope[param] = cell
                reader.bound.append((cell, argument))
        reader.declaring = declaring
        reader.expanding = (*self.expanding, function)
        return reader

    def call_arguments(self, function: _JqFunction, depth: int) -> tuple[list[_JqFilter], list[Callable[[], _JqPaths]]]:
        """(fnros55) A call's arguments (filters, each on the input where the body uses it); (fnros60) each also read
        as a path expression where the body uses it as one (``def pick(f): .t[] | select(f); del(pick(...))``; jq:
        "the argument is a filter"), by :meth:`argument_path`."""
        arguments: list[_JqFilter] = []
        paths: list[Callable[[], _JqPaths]] = []
        if function.params:
            self.expect("(")
            while True:
                start = self.at
                arguments.append(self.pipe(depth + 1))
                paths.append(self.argument_path(start, depth))
                if self.peek() != ";":
                    break
                self.take()
            self.expect(")")
        if len(arguments) != len(function.params):
            raise _JqUnread("arguments")
        return arguments, paths

    declaring = False
    """(fnros55) Whether this reader reads a function's body where it is defined (its calls not expanded)."""
    expanding: tuple[_JqFunction, ...] = ()
    """(fnros60) The functions whose bodies this reader reads inside (a call of one of them is a recursion)."""

    def argument_path(self, start: int, depth: int) -> Callable[[], _JqPaths]:
        """(fnros60) The argument read from token ``start`` to here, read again as a path expression when a body uses
        it as one (not before: an argument no body uses as a path costs nothing more), in the scope of the call; jq's
        "Invalid path expression" where it is none (not read)."""
        end = self.at
        reader = _JqReader(self.tokens)
        reader.texts, reader.calls, reader.documents = self.texts, self.calls, self.documents
        reader.scope, reader.functions, reader.arguments = dict(self.scope), self.functions, self.arguments
        reader.argument_paths, reader.declaring, reader.expanding = self.argument_paths, self.declaring, self.expanding

        def paths() -> _JqPaths:
            reader.at = start
            read = reader.path_pipe(depth + 1)
            if reader.at != end:
                raise _JqUnread("an argument not a path expression")
            return read

        return paths

    def called(self, function: _JqFunction, depth: int) -> _JqFilter:
        """(fnros55) A call of a function the program defines: its arguments (:meth:`call_arguments`) and its body
        read again with them (a call inside a body being defined is not expanded); (fnros60) its ``$name``
        parameters bound to their arguments' outputs (:meth:`bindings`)."""
        arguments, paths = self.call_arguments(function, depth)
        if self.declaring or function.end is None:
            return _jq_identity
        if function in self.expanding:
            # fnros60: a recursion (`def after($n): ... after($n - 1) ...`): the body read when the call runs, its
            # parameters' cells its own (bounded: _MAX_CALLS bodies a program, 16 deep)
            def recursed(value: Any) -> list[Any]:
                return self.expanded(function, tuple(arguments), tuple(paths), depth)(value)

            return recursed
        return self.expanded(function, tuple(arguments), tuple(paths), depth)

    def expanded(
        self,
        function: _JqFunction,
        arguments: tuple[_JqFilter, ...],
        paths: tuple[Callable[[], _JqPaths], ...],
        depth: int,
    ) -> _JqFilter:
        """(fnros60) ``function``'s body read again with a call's arguments, its ``$name`` parameters bound (jq's
        ``f as $f | body``, the first parameter outermost: ``def f($a; $b): [$a, $b]; [f(1, 2; 3, 4)]`` is
        ``[[1,3],[1,4],[2,3],[2,4]]``, jq 1.6)."""
        reader = self.body(function, arguments, declaring=False, paths=paths)
        filter_ = reader.pipe(depth + 1)
        if reader.at != function.end:
            raise _JqUnread("function body")
        for cell, argument in reversed(reader.bound):
            filter_ = _jq_bound(argument, cell, filter_)
        return filter_

    def comma(self, depth: int) -> _JqFilter:
        """(fnros54b) jq's ``a, b`` (the manual, "Comma: `,`": "the same input is fed into both and the two filters'
        output value streams are concatenated in order")."""
        filters = [self.alternative(depth)]
        while self.peek() == ",":
            self.take()
            filters.append(self.alternative(depth))
        if len(filters) == 1:
            return filters[0]
        return lambda value: _jq_listed(out for f in filters for out in f(value))

    def alternative(self, depth: int) -> _JqFilter:
        """jq's ``a // b``: the outputs of ``a`` that are neither null nor false, else (none) those of ``b``."""
        left = self.assigned(depth)
        while self.peek() == "//":
            self.take()
            first, right = left, self.assigned(depth)
            left = _jq_alternative(first, right)
        return left

    def assigned(self, depth: int) -> _JqFilter:
        """(fnros58) jq's assignments (the manual, "Assignment"; jq 1.6's parser: ``=``, ``|=``, ``+=`` ... and
        ``//=`` bind tighter than ``//`` and looser than ``or``, neither side another assignment): the left side read
        again as a path expression (:meth:`path_postfix`), the right side on the input (:func:`_jq_assigned`)."""
        start = self.at
        left = self.either(depth)
        if self.peek() not in _JQ_UPDATES:
            return left
        end, operator = self.at, self.take()
        right = self.either(depth)
        after, self.at = self.at, start
        paths = self.path_postfix(depth + 1)
        if self.at != end:
            raise _JqUnread("an assignment's left side not a path expression read")
        self.at = after
        return functools.partial(_jq_assigned, operator, paths, right)

    def either(self, depth: int) -> _JqFilter:
        """(fnros54b) jq's ``a or b`` / ``a and b`` ("and / or / not": a value is true unless false or null; the
        right side is evaluated only where the left does not decide), ``and`` binding tighter."""
        left = self.both(depth)
        while self.peek() == "or":
            self.take()
            left = _jq_logic(left, self.both(depth), decided_by=True)
        return left

    def both(self, depth: int) -> _JqFilter:
        left = self.compared(depth)
        while self.peek() == "and":
            self.take()
            left = _jq_logic(left, self.compared(depth), decided_by=False)
        return left

    def compared(self, depth: int) -> _JqFilter:
        """``a == b`` / ``a != b`` (fnros54b: of any two filters, each pair of their outputs, jq's equality); (fnros55)
        ``<``, ``<=``, ``>``, ``>=`` of scalars (:func:`_jq_less`)."""
        term = self.added(depth)
        if self.peek() in ("<", "<=", ">", ">="):
            operator = self.take()
            return _jq_pairs(term, self.added(depth), _JQ_ORDERS[operator])
        if self.peek() not in ("==", "!="):
            return term
        equal = self.take() == "=="
        right = self.added(depth)
        return _jq_pairs(term, right, lambda a, b: _jq_equal(a, b) is equal)

    def added(self, depth: int) -> _JqFilter:
        """(fnros54) jq's ``a + b`` (binding tighter than ``==``, looser than a term): (fnros54b) every pair of the
        two sides' outputs added (:func:`_jq_add`), in jq's order (the right side's outputs outer); (fnros55) ``a -
        b`` (:func:`_jq_subtract`) alike, both left to right, looser than ``*`` ``/`` ``%``."""
        left = self.multiplied(depth)
        while self.peek() in ("+", "-"):
            combine = _jq_add if self.take() == "+" else _jq_subtract
            left = _jq_pairs(left, self.multiplied(depth), combine)
        return left

    def multiplied(self, depth: int) -> _JqFilter:
        """(fnros55) jq's ``a * b``, ``a / b``, ``a % b`` (the manual, "Multiplication, division, modulo"), left to
        right, binding tighter than ``+`` / ``-``: :data:`_JQ_PRODUCTS`."""
        left = self.postfix(depth)
        while self.peek() in _JQ_PRODUCTS:
            combine = _JQ_PRODUCTS[self.take()]
            left = _jq_pairs(left, self.postfix(depth), combine)
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

    def postfix(self, depth: int) -> _JqFilter:
        """(fnros54b) A term and its steps (``select(f).key``, ``(f)[0]``, ``.[1:]``, ``f?``), then, where ``as``
        follows, jq's variable binding ``term as $name | body`` (the manual, "Variable / Symbolic Binding Operator":
        the body is run once for each value of the term, ``$name`` that value, on the same input)."""
        primary = self.term(depth)
        filter_ = _jq_steps(self.steps([primary])) if self.at_step() else primary
        if self.peek() != "as":
            return filter_
        self.take()
        kind, name = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        if kind != "variable":
            return self.destructured(filter_, depth)  # fnros56
        self.take()
        self.expect("|")
        cell: list[Any] = [None]
        outer = self.scope.get(name)
        self.scope[name] = cell
        try:
            body = self.pipe(depth + 1)
        finally:
            if outer is None:
                del self.scope[name]
            else:
                self.scope[name] = outer
        return _jq_bound(filter_, cell, body)

    def destructured(self, source: _JqFilter, depth: int) -> _JqFilter:
        """(fnros56) jq's destructuring ``term as [$a, $b] | body`` / ``term as {key: $v, $w} | body`` (the manual,
        "Destructuring": "Variables can be bound to the values of ... an array or object pattern"): each variable the
        item at its index or the value at its key of each output (jq's ``.[n]`` / ``.key``: null of null, jq's error
        of another type). A nested pattern, a ``$name:`` key, a computed key or ``?//`` is not read."""
        opening = self.take()
        if opening not in ("[", "{"):
            raise _JqUnread("as")
        pattern: list[tuple[str, Callable[[Any], Any]]] = []
        while self.peek() != ("]" if opening == "[" else "}"):
            if pattern:
                self.expect(",")
            kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
            if opening == "[" or kind == "variable":
                name = self.take("variable")
                key: str | int = len(pattern) if opening == "[" else name[1:]
            elif kind == "name" or (kind == "string" and "\\(" not in text):
                self.take()
                key = text if kind == "name" else json.loads(text)
                self.expect(":")
                name = self.take("variable")
            else:
                raise _JqUnread("a destructuring key")
            get: Callable[[Any], Any] = (
                functools.partial(_jq_index, index=key) if isinstance(key, int) else functools.partial(_jq_key, key=key)
            )
            pattern.append((name, get))
        self.take()
        if self.peek() != "|" or len({name for name, _ in pattern}) != len(pattern):
            raise _JqUnread("as")  # `?//` alternatives, or a name bound twice
        self.take()
        cells = {name: [None] for name, _ in pattern}
        outer = {name: self.scope.get(name) for name in cells}
        self.scope.update(cells)
        try:
            body = self.pipe(depth + 1)
        finally:
            for name, saved in outer.items():
                if saved is None:
                    del self.scope[name]
                else:
                    self.scope[name] = saved
        return _jq_unpacked(source, [(cells[name], get) for name, get in pattern], body)

    def term(self, depth: int) -> _JqFilter:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        if text == "." or kind == "field":
            return self.path()
        if text == "..":
            self.take()
            return _jq_recursed
        if kind == "op" and text == "[":
            return self.collected(depth)
        if kind == "op" and text == "{":
            return self.built(depth)
        if kind == "op" and text == "(":
            self.take()
            inner = self.pipe(depth + 1)
            self.expect(")")
            return inner
        if kind == "op" and text == "-":
            # fnros55: jq's negation of a term (`-.a + 1` is `(-.a) + 1`); of anything but a number, jq's error
            self.take()
            negated = self.postfix(depth + 1)
            return lambda value: _jq_listed(_jq_negated(out) for out in negated(value))
        if kind == "format":
            self.take()
            if text not in _JQ_FORMATS:
                raise _JqUnread(text)  # a format outside the subset
            format_ = _JQ_FORMATS[text]
            if self.at < len(self.tokens) and self.tokens[self.at][0] == "string":
                # fnros58: a format string (the manual, "Format strings and escaping": `@sh "echo \(.)"`: each
                # interpolated value formatted, the text around it as written)
                literal = self.take()
                self.texts.append(literal[1:-1])
                return _jq_text(literal, depth, self.scope, format_)
            return lambda value: [format_(value)]
        if kind == "variable":
            self.take()
            if text not in self.scope:  # `$ENV`, `$__loc__`, a name never bound: not read
                raise _JqUnread(text)
            return _jq_variable(self.scope[text])
        if kind == "string":
            self.take()
            self.texts.append(text[1:-1])
            return _jq_text(text, depth, self.scope)
        if kind in ("number", "name") and (kind == "number" or text in _JQ_CONSTANTS):
            constant = self.literal()
            return lambda value: [constant]
        if kind != "name":
            raise _JqUnread(text)
        self.take()
        return self.named(text, depth)

    def named(self, text: str, depth: int) -> _JqFilter:
        """A term led by a name: a keyword's construct or a builtin (with its arguments); (fnros55) a parameter of the
        function whose body is read, or a function the program defines (before a builtin of that name)."""
        fnros55 = self.defined_or_fnros55(text, depth)
        if fnros55 is not None:
            return fnros55
        fnros55b = self.ordered_or_ranged(text, depth)
        if fnros55b is not None:
            return fnros55b
        if text == "if":
            return self.conditional(depth)
        if text == "try":
            return self.tried(depth)
        if text in ("first", "last") and self.peek() != "(":
            index = 0 if text == "first" else -1
            return lambda value: [_jq_index(value, index)]
        if text in ("sub", "gsub"):
            return self.substitution(text == "sub")
        if text in _JQ_BUILTINS and self.peek() != "(":
            builtin = _JQ_BUILTINS[text]
            return lambda value: [builtin(value)]
        if text in _JQ_STREAMS and self.peek() != "(":
            return _JQ_STREAMS[text]
        if text in _JQ_TEXT_FUNCTIONS and self.peek() == "(":
            self.take()
            argument = self.pipe(depth + 1)
            self.expect(")")
            function = _JQ_TEXT_FUNCTIONS[text]
            return lambda value: _jq_listed(function(value, a) for a in argument(value))
        if text not in ("first", "last", "map", "select", "error") or self.take() != "(":
            raise _JqUnread(text)
        start = self.at
        inner = self.pipe(depth + 1)
        self.expect(")")
        if text == "first":
            self.stopped_early(start)
            return lambda value: inner(value)[:1]
        if text == "last":
            return lambda value: inner(value)[-1:]
        if text == "map":
            return lambda value: [_jq_bounded([out for item in _jq_each(value) for out in inner(item)])]
        if text == "error":
            return lambda value: _jq_raise(inner(value))
        return lambda value: [value for out in inner(value) if out is not None and out is not False]  # select

    def defined_or_fnros55(self, text: str, depth: int) -> _JqFilter | None:
        """(fnros55) A parameter of the function whose body is read, a function the program defines (before a
        builtin of that name), ``reduce``, ``limit(n; f)``, ``with_entries(f)``, (fnros56) the regular expression
        functions (:meth:`matching`); None for any other name."""
        if text in self.arguments and self.peek() != "(":
            return self.arguments[text]
        if text in self.functions:
            return self.called(self.functions[text], depth)
        if text in ("reduce", "foreach"):
            return self.reduced(depth, each=text == "foreach")  # fnros56: foreach
        if text in ("limit", "with_entries") and self.peek() == "(":
            return self.limited(depth) if text == "limit" else self.with_entries(depth)
        return self.matching(text, depth) if text in _JQ_MATCHING else self.paths_or_inputs(text, depth)  # fnros56

    def paths_or_inputs(self, text: str, depth: int) -> _JqFilter | None:
        """(fnros57) jq 1.6's ``paths(node_filter)`` (its builtin.jq: `def paths(node_filter): . as $dot | paths |
        select(. as $p | $dot | getpath($p) | node_filter);`, each path once for each true output), and ``input`` /
        ``inputs`` where a caller gives documents (:func:`read`); None for any other name or form."""
        if text in ("input", "inputs") and self.documents is not None and self.peek() != "(":
            every = text == "inputs"
            cell = self.documents
            return lambda value: _jq_input(cell, every=every)
        if text != "paths" or self.peek() != "(":
            return self.fnros58(text, depth)  # fnros58
        self.take()
        node = self.pipe(depth + 1)
        self.expect(")")
        return lambda value: _jq_bounded(
            [p for p in _jq_paths(value)[1:] for out in node(_jq_getpath(value, p)) if _jq_true(out)]
        )

    def ordered_or_ranged(self, text: str, depth: int) -> _JqFilter | None:
        """(fnros55b) jq's ``sort_by(f)`` / ``unique_by(f)`` (the manual, "sort, sort_by(path_expression)": "sort by
        comparing the result of the path"; "unique, unique_by(path_exp)") and ``range(upto)`` / ``range(from; upto)``
        ("produces a range of numbers"); None for any other name."""
        if text not in ("sort_by", "unique_by", "range", *_JQ_GROUPINGS) or self.peek() != "(":
            return None
        self.take()  # "("
        first = self.pipe(depth + 1)
        if text in _JQ_GROUPINGS:  # fnros56
            self.expect(")")
            return functools.partial(_JQ_GROUPINGS[text], first)
        if text != "range":
            self.expect(")")
            return functools.partial(_jq_sorted_by, first, unique=text == "unique_by")
        second = None
        if self.peek() == ";":
            self.take()
            second = self.pipe(depth + 1)
        self.expect(")")
        if second is None:
            return lambda value: _jq_range(0, _jq_one(first(value)))
        upto = second
        return lambda value: _jq_range(_jq_one(first(value)), _jq_one(upto(value)))

    def matching(self, text: str, depth: int) -> _JqFilter | None:
        """(fnros56) jq 1.6's regular expression functions (the manual, "Regular expressions"): ``test(re; flags)``,
        ``match(re)`` / ``match(re; flags)``, ``capture(re)`` / ``capture(re; flags)``, ``scan(re)``, ``splits(re)`` /
        ``splits(re; flags)`` and ``split(re; flags)``, each argument one string (flags a string of ``g`` and ``i``,
        or null), read by :func:`_jq_matches`; ``test(re)`` stays the plain reading (:func:`_jq_test`); None for any
        other name or form."""
        if text not in _JQ_MATCHING or self.peek() != "(":
            return None
        start = self.at
        self.take()  # "("
        arguments = [self.pipe(depth + 1)]
        if self.peek() == ";":
            self.take()
            arguments.append(self.pipe(depth + 1))
        self.expect(")")
        if len(arguments) not in _JQ_MATCHING[text]:
            if text in ("test", "split") and len(arguments) == 1:  # `test(re)` / `split(str)`: _JQ_TEXT_FUNCTIONS'
                self.at = start
                return None
            raise _JqUnread(f"{text} of {len(arguments)} arguments")
        regexp, flags = arguments[0], arguments[1] if len(arguments) > 1 else _jq_constant(None)
        return lambda value: _jq_matched(text, value, _jq_one(regexp(value)), _jq_one(flags(value)))

    def reduced(self, depth: int, *, each: bool = False) -> _JqFilter:
        """(fnros55) jq's ``reduce SOURCE as $x (INIT; UPDATE)`` (the manual, "reduce": "combine all the results of an
        expression by accumulating them into a single answer"): for each output of INIT, UPDATE run on the answer so
        far for each output of SOURCE (``$x`` that output). An UPDATE giving other than one value is not read (jq 1.6
        and 1.7 differ there); (fnros56) nor an INIT giving other than one (jq 1.6 errs, found by the binary).
        (fnros56) ``each``: jq's ``foreach SOURCE as $x (INIT; UPDATE; EXTRACT)`` ("like reduce, but ... produces
        the output of EXTRACT for each intermediate state"; EXTRACT ``.`` when omitted), INIT and UPDATE one value
        alike."""
        primary = self.term(depth + 1)
        source = _jq_steps(self.steps([primary])) if self.at_step() else primary
        self.expect("as")
        name = self.take("variable")
        self.expect("(")
        initial = self.pipe(depth + 1)
        self.expect(";")
        cell: list[Any] = [None]
        outer = self.scope.get(name)
        self.scope[name] = cell
        extract: _JqFilter | None = None
        try:
            update = self.pipe(depth + 1)
            if each and self.peek() == ";":
                self.take()
                extract = self.pipe(depth + 1)  # $x is bound in EXTRACT too
        finally:
            if outer is None:
                del self.scope[name]
            else:
                self.scope[name] = outer
        self.expect(")")

        def reduce(value: Any) -> list[Any]:
            saved, out = cell[0], []
            starts = initial(value)
            if len(starts) != 1:
                # fnros56: jq 1.6 runs SOURCE on another input after INIT's first value (`reduce .n[] as $x (0, 10;
                # ...)` is its error "Cannot iterate over null"; jq 1.7 gives both answers): not read
                raise _JqUnread("a reduction's start of other than one value")
            try:
                for start in starts:
                    answer = start
                    for item in source(value):
                        cell[0] = item
                        got = update(answer)
                        if len(got) != 1:
                            raise _JqUnread("a reduction's update of other than one value")
                        answer = got[0]
                        if each:
                            out += _jq_bounded(extract(answer) if extract is not None else [answer])
                    if not each:
                        out.append(answer)
            finally:
                cell[0] = saved
            return _jq_bounded(out)

        return reduce

    def limited(self, depth: int) -> _JqFilter:
        """(fnros55) jq's ``limit(n; f)`` ("outputs up to n outputs from exp"), ``n`` a whole number from 1 (jq 1.6
        gives every output for 0 or less, jq 1.7 none: not read). Every output of ``f`` is evaluated: an error after
        the first ``n`` (which jq never reaches) leaves the value unread, never short."""
        self.take()  # "("
        count = self.pipe(depth + 1)
        self.expect(";")
        start = self.at
        inner = self.pipe(depth + 1)
        self.expect(")")
        self.stopped_early(start)

        def limit(value: Any) -> list[Any]:
            out: list[Any] = []
            for n in count(value):
                if not _jq_is_number(n) or n != int(n) or n < 1:
                    raise _JqUnread("a limit not a whole number from 1")
                out += inner(value)[: int(n)]
            return _jq_bounded(out)

        return limit

    def stopped_early(self, start: int) -> None:
        """(fnros55b) Not read where the filter from token ``start`` on, which ``first(f)`` / ``limit(n; f)`` stop
        early, holds a ``try`` or ``?`` (or calls a function, whose body may): jq 1.6 stops them with a ``break`` that
        such a ``try`` catches, giving its handler's value (``[first(try .a catch "c")]`` is ``["x", "c"]``) or the
        outputs after (``[first((1, 2) | .?)]`` is ``[1, 2]``); jq 1.7 does not (found by the binary test)."""
        for kind, text in self.tokens[start : self.at]:
            if text in ("try", "?", "?//") or (kind == "name" and (text in self.functions or text in self.arguments)):
                raise _JqUnread("a try inside first or limit")

    def with_entries(self, depth: int) -> _JqFilter:
        """(fnros55) jq's ``with_entries(f)`` ("a shorthand for ``to_entries | map(f) | from_entries``")."""
        self.take()  # "("
        inner = self.pipe(depth + 1)
        self.expect(")")
        return lambda value: [
            _jq_from_entries(_jq_bounded([out for entry in _jq_entries(value) for out in inner(entry)]))
        ]

    def conditional(self, depth: int) -> _JqFilter:
        """(fnros54b) jq's ``if c then a elif c2 then b else d end`` (the manual, "if-then-else-end": for each output
        of ``c``, ``a`` where it is neither false nor null, else the rest); ``if c then a end`` is ``... else .
        end`` (jq 1.7's manual; jq 1.6 refuses the filter, so a template using it never deploys there)."""
        condition, then, given = self.if_parts(self.pipe, self.conditional, depth)
        otherwise = _jq_identity if given is None else given
        return lambda value: _jq_listed(
            out for c in condition(value) for out in (then if _jq_true(c) else otherwise)(value)
        )

    def if_parts(
        self, branch: Callable[[int], _Branch], rest: Callable[[int], _Branch], depth: int
    ) -> tuple[_JqFilter, _Branch, _Branch | None]:
        """The parts of ``if c then a (elif ... | else b) end`` after its ``if``: the condition (a value filter), the
        ``then`` branch and the ``else`` one (``elif``'s own ``if`` read by ``rest``; None for an ``end`` without
        ``else``), each branch read by ``branch``: a value filter (:meth:`conditional`) or a path expression
        (:meth:`path_conditional`), the one grammar for both."""
        condition = self.pipe(depth + 1)
        self.expect("then")
        then = branch(depth + 1)
        word = self.take()
        if word == "elif":
            return condition, then, rest(depth + 1)
        if word == "else":
            otherwise = branch(depth + 1)
            self.expect("end")
            return condition, then, otherwise
        if word == "end":
            return condition, then, None
        raise _JqUnread("if")

    def tried(self, depth: int) -> _JqFilter:
        """(fnros54b) jq's ``try f`` / ``try f catch g`` (the manual, "try-catch": "Errors can be caught"): ``f``'s
        outputs until jq's first error (:class:`_JqError`), none after it; ``catch`` read only with a constant handler
        (a literal or ``empty``: jq's error messages are not reproduced). Like jq, ``try`` takes a postfix term."""
        body = self.postfix(depth + 1)
        handler: list[Any] | None = None
        if self.peek() == "catch":
            self.take()
            kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
            if text == "empty":
                self.take()
                handler = []
            elif kind in ("string", "number") or (kind == "name" and text in _JQ_CONSTANTS):
                if kind == "string":
                    self.texts.append(text[1:-1])
                handler = [self.literal()]
            else:
                raise _JqUnread("catch")
            if self.at_step() or self.peek() == "as":
                # fnros55b: jq 1.6 reads `catch "c" as $v | f` as the handler `"c" as $v | f` (found by the binary test)
                raise _JqUnread("catch")
        caught = _jq_optional([body])
        if handler is None:
            return caught
        fallback = handler

        def read(value: Any) -> list[Any]:
            out, failed = _jq_until_error([body], value)
            return out + fallback if failed else out

        return read

    def built(self, depth: int) -> _JqFilter:
        """(fnros54b) jq's object construction (the manual, "Object Construction: `{}`"): ``{key: f}`` with a key an
        identifier, a string (interpolated too) or ``(f)``, ``{key}`` / ``{"key"}`` for ``{key: .key}``, ``{$x}`` for
        ``{x: $x}``; each value a term or a pipe of terms, as jq's grammar has it; several outputs give every
        combination (the first key's outer)."""
        self.take()  # "{"
        entries: list[tuple[_JqFilter, _JqFilter]] = []
        while self.peek() != "}":
            if entries:
                self.expect(",")
            kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
            if kind == "variable":
                self.take()
                if text not in self.scope:
                    raise _JqUnread(text)
                entries.append((_jq_constant(text[1:]), _jq_variable(self.scope[text])))
                continue
            if kind == "name" or (kind == "string" and "\\(" not in text):
                self.take()
                name = text if kind == "name" else json.loads(text)
                key = _jq_constant(name)
                if self.peek() != ":":
                    entries.append((key, _jq_key_step(name)))
                    continue
            elif kind == "string":
                self.take()
                self.texts.append(text[1:-1])
                key = _jq_text(text, depth, self.scope)
            elif text == "(":
                self.take()
                key = self.pipe(depth + 1)
                self.expect(")")
            else:
                raise _JqUnread("object key")
            self.expect(":")
            stages = [self.postfix(depth + 1)]
            while self.peek() == "|":
                self.take()
                stages.append(self.postfix(depth + 1))
            entries.append((key, _jq_steps(stages)))
        self.take()  # "}"
        return functools.partial(_jq_object, tuple(entries))

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
        if "\\(" in pattern or "\\(" in replacement:
            raise _JqUnread("sub")
        compiled = _plain_regexp(regexp)  # fnros55: the one reading of a plain regular expression (test too)
        text = json.loads(replacement).replace("\\", "\\\\")
        if not once:
            return functools.partial(_jq_gsub, compiled, text)

        def substituted(value: Any) -> list[Any]:
            if not isinstance(value, str):
                raise _JqUnread("sub of a non-string")
            return [compiled.sub(text, value, count=1)]

        return substituted

    def collected(self, depth: int) -> _JqFilter:
        """(fnros54) jq's array construction ``[f]`` ("collects all the results of f into one array"; ``[]`` the
        empty array); its steps are read by :meth:`postfix`."""
        self.take()  # "["
        if self.peek() == "]":
            self.take()
            return lambda value: [[]]
        inner = self.pipe(depth + 1)
        self.expect("]")
        return lambda value: [_jq_bounded(list(inner(value)))]

    def path(self) -> _JqFilter:
        steps: list[Callable[[Any], list[Any]]] = [_jq_identity]
        if self.tokens[self.at][0] == "field":
            steps.append(_jq_key_step(self.take()[1:]))
        elif self.take() == "." and self.at < len(self.tokens) and self.tokens[self.at][0] == "string":
            steps.append(self.key())
        return _jq_steps(self.steps(steps))

    def steps(self, before: list[Callable[[Any], list[Any]]] | None = None) -> list[Callable[[Any], list[Any]]]:
        """The ``.key``, ``[n]``, ``["key"]``, ``[a:b]`` and ``[]`` steps after a term, after ``before`` (the term
        itself: a ``?`` covers it too)."""
        steps: list[Callable[[Any], list[Any]]] = list(before or ())
        while self.at_step():
            if self.tokens[self.at][0] == "field":
                steps.append(_jq_key_step(self.take()[1:]))
                continue
            if self.peek() == "?":
                # mutation54: jq's "Optional Object Identifier-Index" `.foo?` and `.[]?` ("no errors will be output
                # if . is not an array or object"). fnros54b: the `?` covers the step it follows only (jq 1.6's
                # grammar: `Term FIELD '?'`, `Term '[' ']' '?'`; `[{"r": "a"}, "x", {"r": "b"}] | .[].r?` is "a",
                # "b", where mutation54's reading, the path so far, stopped at "x" and hid "b"); after a term that
                # is not a step (`(f)?`, `select(f)?`) it is `try` of that term ("shorthand for try EXP").
                self.take()
                steps[-1] = _jq_optional(steps[-1:])
                continue
            if self.take() == ".":
                steps.append(self.key())
                continue
            if self.peek() == "]":
                self.take()
                steps.append(_jq_each)
                continue
            ahead = 2 if self.peek() == "-" else 1  # fnros55: `.[-2:]`
            if self.peek() == ":" or (self.at + ahead < len(self.tokens) and self.tokens[self.at + ahead][1] == ":"):
                start = self.at
                try:
                    steps.append(self.slice())
                    continue
                except _JqUnread:
                    self.at = start  # fnros57: a computed bound (`.[$m.offset:]`), read as a computed index is
            if not self.at_literal_index():
                # fnros55b: a computed index `.a[.b]`, `$t[$i]`: the steps so far become one, as jq reads it
                steps = [self.computed_index(_jq_steps(steps))]
                continue
            negative = self.peek() == "-"  # fnros55: `-` is jq's operator; `.[-1]` its negation of 1
            if negative:
                self.take()
            kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
            self.take()
            if kind == "number" and "." not in text:
                steps.append(_jq_index_step(-int(text) if negative else int(text)))
            elif kind == "string" and "\\(" not in text:
                steps.append(_jq_key_step(json.loads(text)))
            else:
                raise _JqUnread(text)
            self.expect("]")
        return steps

    def at_literal_index(self) -> bool:
        """(fnros55b) Whether the index after ``[`` is a literal (``[0]``, ``[-1]``, ``["key"]``) closed by ``]``."""
        ahead = 1 if self.peek() == "-" else 0
        if self.at + ahead + 1 >= len(self.tokens) or self.tokens[self.at + ahead + 1][1] != "]":
            return False
        kind = self.tokens[self.at + ahead][0]
        return kind == "number" or (kind == "string" and not ahead)

    def computed_index(self, term: _JqFilter) -> Callable[[Any], list[Any]]:
        """(fnros55b) jq's ``term[f]`` (the manual, "Generic Object Index: .[<string>]", "Array Index: .[<number>]"):
        ``f`` evaluated on the input the term reads (``.a[.b]`` reads ``.b`` of the same input), each of its outputs
        (outer) indexing each of the term's (jq 1.6's order): a string a key, a whole number an index; a fraction (jq
        1.6 and 1.7 differ) or an array (jq's ``indices``) is not read, null or a boolean is jq's error. A ``?`` after
        it is not read (jq's ``try`` would cover the term too)."""
        index = None if self.peek() == ":" else self.pipe(0)
        if self.peek() == ":":
            self.take()
            end = None if self.peek() == "]" else self.pipe(0)
            self.expect("]")
            return self.computed_slice(term, index, end)
        self.expect("]")
        if self.peek() == "?" or index is None:
            raise _JqUnread("an optional computed index")

        def indexed(value: Any) -> list[Any]:
            return _jq_listed(_jq_lookup(item, key) for key in index(value) for item in term(value))

        return indexed

    def computed_slice(
        self, term: _JqFilter, start: _JqFilter | None, end: _JqFilter | None
    ) -> Callable[[Any], list[Any]]:
        """(fnros57) jq's ``term[f:g]`` with a computed bound (``.[$m.offset + $m.length:]``): each bound evaluated on
        the input the term reads, as a computed index is (:meth:`computed_index`), one value each
        (:func:`_jq_slice_bound`); a ``?`` after it not read."""
        if self.peek() == "?":
            raise _JqUnread("an optional computed slice")

        def sliced(value: Any) -> list[Any]:
            first, last = _jq_slice_bound(start, value), _jq_slice_bound(end, value)
            return _jq_listed(_jq_sliced(item, first, last) for item in term(value))

        return sliced

    def slice(self) -> Callable[[Any], list[Any]]:
        """(fnros54b) jq's ``.[a:b]`` (the manual, "Array/String Slice": either index may be left out, negative from
        the end) with whole-number literal bounds."""
        start, end = self.slice_bounds()
        return lambda value: [_jq_sliced(value, start, end)]

    def at_literal_slice(self) -> bool:
        """(fnros59) Whether the tokens after ``[`` are a slice of literal bounds (``1:``, ``:2``, ``-2:``) closed by
        ``]``."""
        at, colons = self.at, 0
        while at < len(self.tokens) and self.tokens[at][1] != "]":
            kind, text = self.tokens[at]
            if text == ":":
                colons += 1
            elif text != "-" and kind != "number":
                return False
            at += 1
        return colons == 1

    def slice_bounds(self) -> tuple[int | None, int | None]:
        """A literal slice's bounds after ``[``, through its ``]`` (:meth:`slice`, :meth:`path_postfix`)."""
        bounds: list[int | None] = [None, None]
        for at in (0, 1):
            if self.peek() not in (":", "]"):
                negative = self.peek() == "-"  # fnros55: `.[-2:]`
                if negative:
                    self.take()
                kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
                self.take()
                if kind != "number" or "." in text:
                    raise _JqUnread(text)
                bounds[at] = -int(text) if negative else int(text)
            self.expect(":" if at == 0 else "]")
        return bounds[0], bounds[1]

    def key(self) -> Callable[[Any], list[Any]]:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        if kind not in ("name", "string") or "\\(" in text:
            raise _JqUnread(text)
        self.take()
        return _jq_key_step(json.loads(text) if kind == "string" else text)

    # fnros58 (stop 58): jq's path expressions (the manual, "path(path_expression)": "Outputs array representations of
    # the given path expression in `.`"; "Assignment": the left side is one), read apart from values: each gives, for
    # the path so far and the value there, the paths it reaches and their values. Read: `.`, `.key`, `."key"`, `.[n]`,
    # `.["key"]`, `.[]`, a step's `?`, `..`, `|`, `,`, parentheses, `select(f)`, `getpath(f)`, `first` / `last`,
    # `first(f)` / `last(f)`, `empty`; anything else (a slice, `if`, a function, a literal: jq's "Invalid path
    # expression") is not read.

    def path_pipe(self, depth: int) -> _JqPaths:
        if depth > 16:
            raise _JqUnread("nested too deep")
        stages = [self.path_comma(depth)]
        while self.peek() == "|":
            self.take()
            stages.append(self.path_comma(depth))
        return functools.reduce(_jq_path_then, stages)

    def path_comma(self, depth: int) -> _JqPaths:
        filters = [self.path_postfix(depth)]
        while self.peek() == ",":
            self.take()
            filters.append(self.path_postfix(depth))
        if len(filters) == 1:
            return filters[0]
        return lambda path, value: _jq_listed(out for f in filters for out in f(path, value))

    def path_postfix(self, depth: int) -> _JqPaths:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        steps: list[_JqPaths] = []
        if text == "." or kind == "field":
            self.take()
            if kind == "field":
                steps.append(functools.partial(_jq_path_key, text[1:]))
            elif self.peek() is not None and self.tokens[self.at][0] == "string":
                steps.append(self.path_key())
        else:
            steps.append(self.path_term(depth))
        while self.at_step():
            kind, text = self.tokens[self.at]
            self.take()
            if kind == "field":
                steps.append(functools.partial(_jq_path_key, text[1:]))
            elif text == "?":
                # one step's `?` (`.a?`, `.[]?`: nothing before its error); after a term (`select(f)?`), not read
                if not steps or not _jq_path_step(steps[-1]):
                    raise _JqUnread("a path term's ?")
                steps[-1] = functools.partial(_jq_path_optional, steps[-1])
            elif text == ".":
                steps.append(self.path_key())
            elif self.peek() == "]":
                self.take()
                steps.append(_jq_path_each)
            elif self.at_literal_slice():
                # fnros59: `.[a:b]` (jq 1.6's path of a slice is `{"start": a, "end": b}`, either null when left out)
                steps.append(functools.partial(_jq_path_slice, *self.slice_bounds()))
            elif not self.at_literal_index():
                # a computed index (`.[0, 2]`, `.[$i]`): evaluated on the input the term reads, as in a value
                index = self.pipe(depth + 1)
                self.expect("]")
                term = functools.reduce(_jq_path_then, steps) if steps else _jq_path_identity
                steps = [functools.partial(_jq_path_computed, term, index)]
            else:
                negative = self.peek() == "-"
                if negative:
                    self.take()
                kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
                self.take()
                if kind == "number" and "." not in text:
                    steps.append(functools.partial(_jq_path_index, -int(text) if negative else int(text)))
                elif kind == "string" and "\\(" not in text and not negative:
                    steps.append(functools.partial(_jq_path_key, json.loads(text)))
                else:
                    raise _JqUnread("a path step not read")
                self.expect("]")
        return functools.reduce(_jq_path_then, steps) if steps else _jq_path_identity

    def path_key(self) -> _JqPaths:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        if kind != "string" or "\\(" in text:
            raise _JqUnread(text)
        self.take()
        return functools.partial(_jq_path_key, json.loads(text))

    def path_term(self, depth: int) -> _JqPaths:
        kind, text = self.tokens[self.at] if self.at < len(self.tokens) else ("", "")
        self.take()
        if text == "..":
            return _jq_path_recursed
        if text == "(":
            grouped = self.path_pipe(depth + 1)
            self.expect(")")
            return grouped
        if kind == "name" and text == "if":
            return self.path_conditional(depth)
        if kind == "name" and text in self.functions:
            return self.path_called(self.functions[text], depth)
        if kind == "name" and text in self.arguments and self.peek() != "(":
            # fnros60: a filter parameter in a path expression: its argument's paths (identity while the body is read
            # where it is defined, only to find where it ends)
            return _jq_path_identity if self.declaring else self.argument_paths.get(text, _jq_no_path)()
        if kind != "name" or text in self.functions or text in self.arguments:
            raise _JqUnread("a path expression not read")
        if text in ("first", "last") and self.peek() != "(":
            return functools.partial(_jq_path_index, 0 if text == "first" else -1)
        if text == "empty":
            return lambda path, value: []
        if text not in ("select", "getpath", "first", "last"):
            raise _JqUnread("a path expression not read")
        self.expect("(")
        start = self.at
        if text in ("first", "last"):
            paths = self.path_pipe(depth + 1)
            self.expect(")")
            if text == "first":
                self.stopped_early(start)
                return lambda path, value: paths(path, value)[:1]
            return lambda path, value: paths(path, value)[-1:]
        inner = self.pipe(depth + 1)
        self.expect(")")
        if text == "select":
            return lambda path, value: [(path, value) for out in inner(value) if _jq_true(out)]
        return lambda path, value: _jq_listed(
            ([*path, *_jq_path_checked(p)], _jq_getpath(value, p)) for p in inner(value)
        )

    def path_conditional(self, depth: int) -> _JqPaths:
        """(fnros59) ``if c then a elif ... else b end`` as a path expression (jq 1.6: the condition read as a value
        on the input, each branch a path expression from the path so far; ``path(if .a then .b else .c end)`` is
        ``["b"]``); an ``if`` without ``else`` (jq 1.7's) not read."""
        condition, then, otherwise = self.if_parts(self.path_pipe, self.path_conditional, depth)
        if otherwise is None:
            raise _JqUnread("an if in a path expression")
        return lambda path, value: _jq_listed(
            out for c in condition(value) for out in (then if _jq_true(c) else otherwise)(path, value)
        )

    def path_called(self, function: _JqFunction, depth: int) -> _JqPaths:
        """(fnros59) A call of a function the program defines (``def targets: .targets[]; del(targets | select(...))``)
        as a path expression: its body read again as one (jq inlines the body); (fnros60) with parameters: a filter
        parameter used as a path is its argument's path expression (:meth:`call_arguments`), a ``$name`` parameter
        bound to each value of its argument on the input (jq's ``f as $f | body``, a path expression of the body:
        ``def at($i): .t[$i]; path(at(0, 1))`` is ``["t",0]``, ``["t",1]``, jq 1.6). A call inside a body being read
        where it is defined is not expanded."""
        arguments, given = self.call_arguments(function, depth)
        if self.declaring or function.end is None:
            return _jq_path_identity
        if function in self.expanding:  # a recursion: read when the call runs, as in :meth:`called`

            def recursed(path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
                return self.path_expanded(function, tuple(arguments), tuple(given), depth)(path, value)

            return recursed
        return self.path_expanded(function, tuple(arguments), tuple(given), depth)

    def path_expanded(
        self,
        function: _JqFunction,
        arguments: tuple[_JqFilter, ...],
        given: tuple[Callable[[], _JqPaths], ...],
        depth: int,
    ) -> _JqPaths:
        """(fnros60) :meth:`expanded` as a path expression."""
        reader = self.body(function, arguments, declaring=False, paths=given)
        paths = reader.path_pipe(depth + 1)
        if reader.at != function.end:
            raise _JqUnread("function body")
        for cell, argument in reversed(reader.bound):
            paths = functools.partial(_jq_path_bound, argument, cell, paths)
        return paths

    def fnros58(self, text: str, depth: int) -> _JqFilter | None:
        """(fnros58) jq 1.6's ``path(f)``, ``del(f)``, ``setpath(p; v)``, ``delpaths(ps)``, ``walk(f)``, ``any`` /
        ``all`` (of no, one and two arguments), ``nth(n)`` / ``nth(n; f)`` and ``fromstream(f)``, each as jq 1.6's
        builtin.jq or C code defines it (checked against the binary); None for any other name or form."""
        if text in ("any", "all") and self.peek() != "(":
            return functools.partial(_jq_any_all, text == "any", _jq_each, _jq_identity)
        if text not in _JQ_FNROS58 or self.peek() != "(":
            return self.fnros62(text, depth)  # fnros62
        self.take()
        start = self.at
        if text in ("path", "del"):
            paths = self.path_pipe(depth + 1)
            self.expect(")")
            if text == "path":
                return lambda value: _jq_listed(p for p, _ in paths([], value))
            return lambda value: [_jq_delpaths(value, [p for p, _ in paths([], value)])]
        arguments = [self.pipe(depth + 1)]
        while self.peek() == ";":
            self.take()
            arguments.append(self.pipe(depth + 1))
        self.expect(")")
        if len(arguments) not in _JQ_FNROS58[text]:
            raise _JqUnread(f"{text} of {len(arguments)} arguments")
        first = arguments[0]
        if text in ("any", "all"):
            generator, condition = (_jq_each, first) if len(arguments) == 1 else (first, arguments[1])
            return functools.partial(_jq_any_all, text == "any", generator, condition)
        if text == "nth":
            if len(arguments) == 1:
                return lambda value: _jq_listed(_jq_index(value, _jq_whole(n)) for n in first(value))
            self.stopped_early(start)
            return functools.partial(_jq_nth, first, arguments[1])
        if text == "setpath":
            to = arguments[1]
            return lambda value: [_jq_setpath(value, _jq_one(first(value)), _jq_one(to(value)))]
        if text == "delpaths":
            return lambda value: _jq_listed(_jq_delpaths(value, _jq_path_list(ps)) for ps in first(value))
        if text == "fromstream":
            return lambda value: _jq_from_stream(first(value))
        return functools.partial(_jq_walk, first)  # walk

    def fnros62(self, text: str, depth: int) -> _JqFilter | None:
        """(fnros62) jq's ``map_values(f)`` and ``IN(s)`` / ``IN(src; s)``, as jq 1.6's and 1.7's builtin.jq define
        them alike (`def map_values(f): .[] |= f;`, `def IN(s): any(s == .; .);`, `def IN(src; s): any(src == s;
        .);`): the update read by :func:`_jq_assigned` (each value's first output; none where jq 1.6 and 1.7 agree),
        the test by :func:`_jq_any_all` (an error in either stream not read); None for any other name or form."""
        if text not in ("map_values", "IN") or self.peek() != "(":
            return None
        self.take()
        arguments = [self.pipe(depth + 1)]
        while self.peek() == ";":
            self.take()
            arguments.append(self.pipe(depth + 1))
        self.expect(")")
        if text == "map_values":
            if len(arguments) != 1:
                raise _JqUnread("map_values of other than one argument")
            return functools.partial(_jq_assigned, "|=", _jq_path_each, arguments[0])
        if len(arguments) > 2:
            raise _JqUnread("IN of more than two arguments")
        # `s == .` for IN(s), `src == s` for IN(src; s): every pair compared (jq stops at the first true: an error
        # after it, which jq never reaches, leaves the test unread)
        right = arguments[1] if len(arguments) == 2 else _jq_identity
        generator = _jq_pairs(arguments[0], right, _jq_equal)
        return functools.partial(_jq_any_all, True, generator, _jq_identity)


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
            raise _JqError("a case of a non-string")
        return value.translate(table)

    return cased


def _jq_tostring(value: Any) -> str:
    """(fnros54) jq's ``tostring`` of a text (itself), else its JSON text (:func:`_jq_json`; fnros54b: a map or list
    too, where jq and Python write it alike; a fraction still not read)."""
    return value if isinstance(value, str) else _jq_json(value)


def _jq_entries(value: Any) -> list[dict[str, Any]]:
    """(fnros54) jq's ``to_entries`` of an object ("an array of {key, value}", in the object's order); (fnros54b) of an
    array, its indices as keys (jq 1.6 defines it over ``keys_unsorted``); of anything else jq's error."""
    if isinstance(value, list):
        return _jq_bounded([{"key": k, "value": v} for k, v in enumerate(value)])
    if not isinstance(value, Mapping):
        raise _JqError("to_entries of a non-object")
    return _jq_bounded([{"key": k, "value": v} for k, v in value.items()])


def _jq_keys(value: Any) -> list[Any]:
    """(fnros54) jq's ``keys`` ("the keys of an object as an array, sorted by unicode codepoint order"; an array's
    indices); of anything else jq's error."""
    if isinstance(value, Mapping):
        return _jq_bounded(sorted(value, key=lambda k: [ord(c) for c in k]))
    if isinstance(value, list):
        return _jq_bounded(list(range(len(value))))
    raise _JqError("keys of a non-object")


def _jq_keys_unsorted(value: Any) -> list[Any]:
    """(fnros56) jq's ``keys_unsorted`` ("Like keys, but if the input is an object then the keys will not be sorted,
    instead the keys will roughly be in insertion order"): an object's keys as the JSON text wrote them (jq 1.6 and
    Python keep that order), an array's indices; anything else jq's error."""
    if isinstance(value, Mapping):
        return _jq_bounded(list(value))
    return _jq_keys(value)


def _jq_identity(value: Any) -> list[Any]:
    return [value]


def _jq_constant(value: Any) -> _JqFilter:
    return lambda _: [value]


def _jq_variable(cell: list[Any]) -> _JqFilter:
    """(fnros54b) ``$name``: the value its binding (:func:`_jq_bound`) holds while its body runs."""
    return lambda _: [cell[0]]


def _jq_raise(messages: list[Any]) -> list[Any]:
    """jq's ``error(message)``: an error jq raises (a ``try`` or ``?`` catches it); no message, no error."""
    if messages:
        raise _JqError("error")
    return []


def _jq_recursed(value: Any) -> list[Any]:
    """(fnros54b) jq's ``..`` (the manual, "Recursive Descent: `..`": "every value", the input first, then each item
    or value's own, in order)."""
    out: list[Any] = []

    def walk(item: Any) -> None:
        _jq_bounded(out)
        out.append(item)
        if isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, Mapping):
            for child in item.values():
                walk(child)

    walk(value)
    return _jq_bounded(out)


def _jq_bound(source: _JqFilter, cell: list[Any], body: _JqFilter) -> _JqFilter:
    """(fnros54b) ``source as $x | body``: ``body`` on the same input once for each output of ``source``, the
    variable's cell holding that output (its former value put back after, so a binding met again is its own)."""

    def outputs(value: Any) -> Iterable[Any]:
        for bound in source(value):
            cell[0] = bound
            yield from body(value)

    def read(value: Any) -> list[Any]:
        saved = cell[0]
        try:
            return _jq_listed(outputs(value))
        finally:
            cell[0] = saved

    return read


def _jq_unpacked(source: _JqFilter, cells: list[tuple[list[Any], Callable[[Any], Any]]], body: _JqFilter) -> _JqFilter:
    """(fnros56) ``source as PATTERN | body``: for each output of ``source``, each variable's cell holding its part
    (:meth:`_JqReader.destructured`), ``body`` on the same input; the former values put back after."""

    def outputs(value: Any) -> Iterable[Any]:
        for bound in source(value):
            for cell, get in cells:
                cell[0] = get(bound)
            yield from body(value)

    def read(value: Any) -> list[Any]:
        saved = [cell[0] for cell, _ in cells]
        try:
            return _jq_listed(outputs(value))
        finally:
            for (cell, _), old in zip(cells, saved, strict=True):
                cell[0] = old

    return read


def _jq_pairs(first: _JqFilter, second: _JqFilter, combine: Callable[[Any, Any], Any]) -> _JqFilter:
    """(fnros54b) A binary operator over every pair of outputs, as jq 1.6 orders them (``[(1,2) + (10,20)]`` is
    ``[11,12,21,22]``: the right side's outputs outer)."""

    def read(value: Any) -> list[Any]:
        lefts = first(value)
        return _jq_listed(combine(left, right) for right in second(value) for left in lefts)

    return read


def _jq_logic(first: _JqFilter, second: _JqFilter, *, decided_by: bool) -> _JqFilter:
    """(fnros54b) jq's ``or`` (``decided_by`` True) / ``and``: for each left output (outer), that output's truth where
    it decides, else each right output's truth."""

    def outputs(value: Any) -> Iterable[Any]:
        for left in first(value):
            if _jq_true(left) is decided_by:
                yield decided_by
            else:
                yield from (_jq_true(right) for right in second(value))

    def read(value: Any) -> list[Any]:
        return _jq_listed(outputs(value))

    return read


def _jq_true(value: Any) -> bool:
    return value is not None and value is not False


def _jq_equal(left: Any, right: Any) -> bool:
    """(fnros54b) jq's equality: same type and value (``1 == 1.0``; ``true == 1`` is false; arrays item by item,
    objects key by key, whatever their order)."""
    if isinstance(left, bool) or isinstance(right, bool) or left is None or right is None:
        return left is right
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return left == right
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(_jq_equal(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return left.keys() == right.keys() and all(_jq_equal(v, right[k]) for k, v in left.items())
    return type(left) is type(right) and left == right


def _jq_object(entries: tuple[tuple[_JqFilter, _JqFilter], ...], value: Any) -> list[Any]:
    """(fnros54b) The objects ``{k1: v1, ...}`` builds: every combination of each entry's keys (outer) and values, the
    first entry's outer; a key not a string is jq's error."""
    built: list[dict[str, Any]] = [{}]
    for key, item in entries:
        keys, items = key(value), item(value)
        if any(not isinstance(k, str) for k in keys):
            raise _JqError("an object key not a string")
        built = _jq_bounded([{**b, k: v} for b in built for k in keys for v in items])
    return built


def _jq_slice_bound(bound: _JqFilter | None, value: Any) -> int | None:
    """(fnros57) A slice's computed bound: left out or null, none; a whole number, that index; a fraction (jq 1.6
    floors a start and ceils an end) not read; anything else jq's error ("Start and end indices of an array slice must
    be numbers")."""
    if bound is None:
        return None
    got = _jq_one(bound(value))
    if got is None:
        return None
    if not _jq_is_number(got):
        raise _JqError("Start and end indices of a slice must be numbers")
    if got != int(got):
        raise _JqUnread("a fraction of a slice bound")
    return int(got)


def _jq_sliced(value: Any, start: int | None, end: int | None) -> Any:
    """(fnros54b) jq's ``.[start:end]`` of an array or a string (by code point), bounds clamped as Python's; of null,
    null; of anything else jq's error."""
    if value is None:
        return None
    if isinstance(value, (list, str)):
        return value[start:end]
    raise _JqError("a slice of a non-array")


def _jq_length(value: Any) -> Any:
    """(fnros54b) jq's ``length`` (the manual: a string's code points, an array's or object's items, a number's
    absolute value, null's 0); a boolean's is jq's error."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise _JqError("a boolean has no length")
    if isinstance(value, (int, float)):
        return abs(value)
    return len(value)


def _jq_json(value: Any) -> str:
    """(fnros54b) jq's compact JSON text of ``value`` (``tojson``, ``tostring`` of a map or list, an interpolated
    map or list), where jq 1.6 and Python write it alike: whole numbers below 2**53, texts without control characters,
    DEL or a lone surrogate; anything else (a fraction jq writes with 17 digits, ...) not read."""

    def check(item: Any) -> None:
        if isinstance(item, float) or (isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 2**53):
            raise _JqUnread("a number jq may write differently")
        if isinstance(item, str) and _JQ_ESCAPED.search(item):
            raise _JqUnread("a text jq may escape differently")
        if isinstance(item, list):
            for child in item:
                check(child)
        elif isinstance(item, Mapping):
            for key, child in item.items():
                check(key)
                check(child)

    check(value)
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if len(text) > _MAX_TEXT:
        raise _JqUnread("too long a text")
    return text


_JQ_ESCAPED = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
"""Characters jq 1.6 may write otherwise than Python's ``json.dumps``: controls, DEL, a lone surrogate."""


def _jq_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _jq_added(value: Any) -> Any:
    """(fnros54b) jq's ``add`` (the manual: "the elements of the input array added together"; of ``[]``, null)."""
    total = None
    for item in _jq_each(value):
        total = _jq_add(total, item)
    return total


def _jq_trimmed(value: Any, affix: Any, *, left: bool) -> Any:
    """(fnros54b) jq's ``ltrimstr(str)`` / ``rtrimstr(str)``: the input without that prefix / suffix where it starts
    / ends with it; any other input (or a non-string argument) unchanged."""
    if not isinstance(value, str) or not isinstance(affix, str) or not affix:
        return value
    if left:
        return value[len(affix) :] if value.startswith(affix) else value
    return value[: -len(affix)] if value.endswith(affix) else value


def _jq_split(value: Any, separator: Any) -> list[str]:
    """(fnros54b) jq's ``split(str)`` ("Splits an input string on the separator argument"); ``split("")`` gives the
    code points of an ASCII text (of any other, not read); a non-string is jq's error."""
    if not isinstance(value, str) or not isinstance(separator, str):
        raise _JqError("split of a non-string")
    if separator:
        return _jq_bounded(value.split(separator))
    if not value.isascii():
        raise _JqUnread("split of a non-ASCII text into characters")
    return _jq_bounded(list(value))


def _jq_joined(value: Any, separator: Any) -> str:
    """(fnros54b) jq 1.6's ``join(str)``: the items joined by the separator, null as "", a number or boolean as its
    JSON (whole numbers only: a fraction's digits jq may write otherwise); an array or object item is jq's error."""
    if not isinstance(separator, str):
        raise _JqError("join with a non-string")
    parts: list[str] = []
    for item in _jq_each(value):
        if isinstance(item, (list, Mapping)):
            raise _JqError("join of an array or object")
        parts.append("" if item is None else item if isinstance(item, str) else _jq_json(item))
    text = separator.join(parts)
    if len(text) > _MAX_TEXT:
        raise _JqUnread("too long a text")
    return text


def _jq_affixed(value: Any, affix: Any, *, start: bool) -> bool:
    """(fnros54b) jq's ``startswith(str)`` / ``endswith(str)``; not strings: jq's error."""
    if not isinstance(value, str) or not isinstance(affix, str):
        raise _JqError("startswith() requires string inputs")
    return value.startswith(affix) if start else value.endswith(affix)


def _jq_from_entries(value: Any) -> dict[str, Any]:
    """(fnros55) jq's ``from_entries`` of an array of ``{"key": <string>, "value": v}`` objects (later keys win); an
    entry written another way (``k`` / ``name`` / a key not a string, no ``value``) is not read: jq 1.6 and 1.7 read
    those differently."""
    out: dict[str, Any] = {}
    for entry in _jq_each(value):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("key"), str) or "value" not in entry:
            raise _JqUnread("an entry other than key and value")
        out[entry["key"]] = entry["value"]
    return out


def _jq_test(value: Any, regexp: Any) -> bool:
    """(fnros55) jq's ``test(re)`` ("Like match, but does not return match objects, only true or false") of a plain
    regular expression (:func:`_plain_regexp`); an input not a string is jq's error."""
    if not isinstance(regexp, str):
        raise _JqUnread("a regular expression not a string")
    if _PLAIN_REGEXP.fullmatch(regexp) is None and isinstance(value, str):
        return bool(_jq_matched("test", value, regexp, None)[0])  # fnros56: groups, `\\d`, `\\w` over ASCII text
    compiled = _plain_regexp(regexp)
    if not isinstance(value, str):
        raise _JqError("cannot be matched, as it is not a string")
    return compiled.search(value) is not None


_JQ_MATCHING: Mapping[str, tuple[int, ...]] = {
    "test": (2,),
    "match": (1, 2),
    "capture": (1, 2),
    "scan": (1,),  # jq 1.6 has no scan(re; flags) (jq 1.7's)
    "splits": (1, 2),
    "split": (2,),  # split(str) of one argument is a literal separator (_jq_split)
}
"""(fnros56) jq 1.6's regular expression functions :meth:`_JqReader.matching` reads, by their argument counts."""
_JQ_REGEXP_ESCAPES = frozenset(".-/:+*?()[]{}|^$\\dw")
"""(fnros56) The escapes a regular expression of :func:`_jq_regexp` may hold: a punctuation character as itself, and
``\\d`` / ``\\w``, which Oniguruma (jq's) and Python read alike over ASCII text."""
_JQ_GROUP_NAME = re.compile(r"\?<([A-Za-z_][A-Za-z0-9_]*)>")


def _jq_regexp(regexp: str, ignore_case: bool) -> re.Pattern[str]:
    """(fnros56) A regular expression Oniguruma and Python read alike over ASCII text: the plain ones
    (:func:`_plain_regexp`) and also groups ``(...)``, ``(?:...)``, ``(?<name>...)`` (Python's ``(?P<name>...)``) and
    the escapes :data:`_JQ_REGEXP_ESCAPES`; a POSIX bracket, class intersection, ``{,n}``, a bracket opening with
    ``]``, another ``(?`` form or escape is not read."""
    if "[[" in regexp or "&&" in regexp or "{," in regexp or "[]" in regexp or "[^]" in regexp:
        raise _JqUnread("regexp")
    out: list[str] = []
    at, in_class = 0, False
    while at < len(regexp):
        char = regexp[at]
        if char == "\\":
            if regexp[at + 1 : at + 2] not in _JQ_REGEXP_ESCAPES:  # an escape of another letter, or none
                raise _JqUnread("regexp escape")
            out.append(regexp[at : at + 2])
            at += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "(" and not in_class and regexp.startswith("(?", at):
            name = _JQ_GROUP_NAME.match(regexp, at + 1)
            if name is not None:
                out.append(f"(?P<{name.group(1)}>")
                at = name.end()
                continue
            if not regexp.startswith("(?:", at):
                raise _JqUnread("regexp group")
        out.append(char)
        at += 1
    try:
        return re.compile("".join(out), re.IGNORECASE if ignore_case else 0)
    except re.error as error:  # `a**`, an unclosed group: jq refuses it too
        raise _JqUnread("regexp") from error


def _jq_matched(function: str, value: Any, regexp: Any, flags: Any) -> list[Any]:
    """(fnros56) What jq 1.6's ``function`` (:data:`_JQ_MATCHING`) gives for ``value``: flags null or of ``g`` /
    ``i`` only; the value ASCII text (Oniguruma searches UTF-8 bytes, and jq converts its offsets to code points:
    on ASCII text bytes and code points are one, so no conversion can differ), (fnros57) or other text without the
    ``i`` flag or ``\\w``; a match of no text (jq 1.6's global
    search steps past it otherwise than Python) not read; not a string jq's error."""
    if not isinstance(regexp, str) or not (flags is None or (isinstance(flags, str) and set(flags) <= {"g", "i"})):
        raise _JqUnread("a regular expression or flags not read")
    if not isinstance(value, str):
        raise _JqError("cannot be matched, as it is not a string")
    if len(value) > _MAX_TEXT or (
        not (value.isascii() and regexp.isascii()) and ("i" in (flags or "") or "\\w" in regexp)
    ):
        # fnros57: other text is read but for case folding (Oniguruma folds `ß` as `ss`, Python does not) and `\w`
        # (Oniguruma's holds marks, Python's does not); its offsets and lengths are code points in jq 1.6 as in
        # Python (checked with jq 1.6 on this machine: `"😀a" | match("a").offset` is 1)
        raise _JqUnread("a regular expression over other than ASCII text")
    compiled = _jq_regexp(regexp, "i" in (flags or ""))
    if function == "test":
        return [compiled.search(value) is not None]
    every = function in ("scan", "splits", "split") or "g" in (flags or "")
    found = list(compiled.finditer(value)) if every else [m for m in [compiled.search(value)] if m is not None]
    if any(m.end() == m.start() for m in found):
        raise _JqUnread("a match of no text")
    _jq_bounded(found)
    if function == "match":
        return [_jq_match_object(m) for m in found]
    if function == "capture":
        return [{name: m.group(name) for name in compiled.groupindex} for m in found]
    if function == "scan":
        return [list(m.groups()) if compiled.groups else m.group(0) for m in found]
    bounds = [0, *(b for m in found for b in m.span()), len(value)]
    pieces = [value[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    return [pieces] if function == "split" else pieces


def _jq_match_object(match: re.Match[str]) -> dict[str, Any]:
    """(fnros56) jq 1.6's match object (the manual, "match": ``offset``, ``length``, ``string``, ``captures``, each
    capture with its ``name``; a group that took no part offset -1, length 0, string null)."""
    names = {index: name for name, index in match.re.groupindex.items()}
    captures: list[dict[str, Any]] = []
    for index in range(1, match.re.groups + 1):
        start, end = match.span(index)
        if start < 0:
            captures.append({"offset": -1, "string": None, "length": 0, "name": names.get(index)})
        else:
            captures.append({"offset": start, "length": end - start, "string": match.group(index),
                             "name": names.get(index)})  # fmt: skip
    start, end = match.span()
    return {"offset": start, "length": end - start, "string": match.group(0), "captures": captures}


def _jq_gsub(compiled: re.Pattern[str], replacement: str, value: Any) -> list[Any]:
    """(fnros57, found by the binary) jq 1.6's ``gsub(re; text)``: the first match replaced, then the rest of the
    text after it substituted afresh, until no text is left (so ``^`` matches again at each rest's start: ``"abc" |
    gsub("^."; "y")`` is "yyy", where Python's ``re.sub`` gives "ybc"; ``"abcb" | gsub("b|$"; "y")`` is "aycy"); a
    match of no text before the end never ends in jq 1.6 (``gsub("x*"; "y")``): not read. Checked against jq 1.6 on
    this machine (150 random texts and expressions, tests/test_jq.py)."""
    if not isinstance(value, str):
        raise _JqUnread("sub of a non-string")
    out: list[str] = []
    rest, first = value, True
    while rest or first:
        first = False
        match = compiled.search(rest)
        if match is None:
            out.append(rest)
            break
        if match.end() == match.start() < len(rest):
            raise _JqUnread("a gsub jq 1.6 never ends")
        out.append(rest[: match.start()] + match.expand(replacement))
        rest = rest[match.end() :]
        _jq_bounded(out)
    return ["".join(out)]


def _plain_regexp(regexp: str) -> re.Pattern[str]:
    """A regular expression Oniguruma (jq's, Perl syntax) and Python read alike (:data:`_PLAIN_REGEXP`; fnros55: no
    POSIX bracket ``[[:alpha:]]``, class intersection ``&&`` or ``{,n}``, which they read differently), compiled; else
    not read."""
    if _PLAIN_REGEXP.fullmatch(regexp) is None or "[[" in regexp or "&&" in regexp or "{," in regexp:
        raise _JqUnread("regexp")
    try:
        return re.compile(regexp)
    except re.error as error:  # `a**`, an unclosed `[`: jq refuses it too
        raise _JqUnread("regexp") from error


def _jq_base64_decoded(value: Any) -> str:
    """(fnros55) jq's ``@base64d`` ("The inverse of @base64, input is decoded as specified by RFC 4648") of a string
    padded to whole quanta whose bytes are UTF-8 text; anything else (jq 1.6 decodes a partial quantum and replaces
    bad bytes) is not read."""
    if not isinstance(value, str) or len(value) % 4:
        raise _JqUnread("base64d of a non-string or a partial quantum")
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise _JqUnread("base64d") from error


def _jq_scalar(value: Any) -> bool:
    """(fnros57) jq's ``scalars`` test: null, a boolean, a number or a string (neither an array nor an object)."""
    return not isinstance(value, (list, Mapping))


def _jq_leaf(value: Any) -> bool:
    """(fnros57) Whether ``paths(scalars)`` (jq's ``leaf_paths``) keeps a value's path: a scalar neither null nor
    false (the node filter's output must be true)."""
    return _jq_scalar(value) and _jq_true(value)


def _jq_typed(kind: str, value: Any) -> list[Any]:
    """(fnros57) jq's ``arrays`` / ``objects`` / ``booleans`` / ``numbers`` / ``strings`` / ``nulls``: the input where
    its ``type`` is ``kind``, else nothing."""
    return [value] if _jq_type(value) == kind else []


_JQ_FORMATS: Mapping[str, Callable[[Any], Any]] = {
    "@text": _jq_tostring,
    "@json": _jq_json,
    "@base64": lambda value: base64.b64encode(_jq_tostring(value).encode("utf-8")).decode("ascii"),
    "@base64d": _jq_base64_decoded,
    # fnros58 (stop 58):
    "@sh": lambda value: _jq_sh(value),  # noqa: PLW0108 (defined below)
    "@uri": lambda value: _jq_uri(value),  # noqa: PLW0108 (defined below)
    "@csv": lambda value: _jq_row(value, tabs=False),
    "@tsv": lambda value: _jq_row(value, tabs=True),
}
"""(fnros55) jq's formats read (the manual, "Format strings and escaping": ``@text`` "Calls tostring", ``@json``,
``@base64``, ``@base64d``) applied to the input; one followed by a string (``@base64 "..."``) is not read."""

_JQ_TEXT_FUNCTIONS: Mapping[str, Callable[[Any, Any], Any]] = {
    "ltrimstr": functools.partial(_jq_trimmed, left=True),
    "rtrimstr": functools.partial(_jq_trimmed, left=False),
    "split": _jq_split,
    "join": _jq_joined,
    "startswith": functools.partial(_jq_affixed, start=True),
    "endswith": functools.partial(_jq_affixed, start=False),
    "test": _jq_test,  # fnros55
    "getpath": lambda value, path: _jq_getpath(value, path),  # noqa: PLW0108 fnros55b (defined below)
    "has": lambda value, key: _jq_has(value, key),  # noqa: PLW0108 fnros57 (defined below)
    # fnros62 (stop 62):
    "flatten": lambda value, depth: _jq_flattened(value, _jq_depth(depth)),
    "indices": lambda value, needle: _jq_indices(value, needle),  # noqa: PLW0108 (defined below)
    "index": lambda value, needle: _jq_first_index(_jq_indices(value, needle)),
    "rindex": lambda value, needle: _jq_last_index(_jq_indices(value, needle)),
}
"""(fnros54b) jq builtins of one argument read (jq manual): the input and each output of the argument to one value."""

_JQ_TYPE_SELECTIONS = {"arrays": "array", "objects": "object", "booleans": "boolean", "numbers": "number",
                       "strings": "string", "nulls": "null"}  # fmt: skip
"""(fnros57) jq's selections of a type (builtin.jq: `def arrays: select(type == "array");` ...), by their names."""

_JQ_STREAMS: Mapping[str, _JqFilter] = {
    "empty": lambda value: [],
    "error": lambda value: _jq_raise([value]),
    # fnros57 (stop 57): jq 1.6's builtins of paths and type selections (its builtin.jq: `def paths: path(..) |
    # select(length > 0);`, `def leaf_paths: paths(scalars);`, `def scalars: select(. == null or . == true or . ==
    # false or type == "number" or type == "string");`, `def strings: select(type == "string");` ...) and `tostream`
    "paths": lambda value: _jq_paths(value)[1:],
    # `paths(scalars)`: `scalars` outputs the leaf itself, so a null or false leaf is no path (checked with jq 1.6)
    "leaf_paths": lambda value: [p for p in _jq_paths(value)[1:] if _jq_leaf(_jq_getpath(value, p))],
    "tostream": lambda value: _jq_streamed(value),  # noqa: PLW0108 (defined below)
    "scalars": lambda value: [value] if _jq_scalar(value) else [],
    "iterables": lambda value: [value] if isinstance(value, (list, Mapping)) else [],
    **{name: functools.partial(_jq_typed, kind) for name, kind in _JQ_TYPE_SELECTIONS.items()},
    "values": lambda value: [] if value is None else [value],
}
"""(fnros54b) jq builtins of no argument giving other than one value: ``empty`` (none), ``error`` (jq's error)."""

_JQ_BUILTINS: Mapping[str, Callable[[Any], Any]] = {
    "ascii_downcase": _jq_case(upper=False),
    "ascii_upcase": _jq_case(upper=True),
    "tostring": _jq_tostring,
    "to_entries": _jq_entries,
    "keys": _jq_keys,
    # fnros54b (stop 54):
    "length": _jq_length,
    "not": lambda value: not _jq_true(value),
    "type": _jq_type,
    "tojson": _jq_json,
    "add": _jq_added,
    "from_entries": _jq_from_entries,  # fnros55
    # fnros55b (stop 55):
    "sort": lambda value: _jq_ordered(_jq_sortable(value), lambda item: item),
    "unique": lambda value: _jq_unique(_jq_ordered(_jq_sortable(value), lambda item: item), lambda item: item),
    "fromjson": lambda value: _jq_from_json(value),  # noqa: PLW0108 (defined below)
    # fnros56 (stop 56):
    "keys_unsorted": lambda value: _jq_keys_unsorted(value),  # noqa: PLW0108 (defined below)
    # fnros62 (stop 62):
    "reverse": lambda value: _jq_reversed(value),  # noqa: PLW0108 (defined below)
    "min": lambda value: _jq_extreme(_jq_identity, value, greatest=False)[0],
    "max": lambda value: _jq_extreme(_jq_identity, value, greatest=True)[0],
    "flatten": lambda value: _jq_flattened(value, -1),
}
"""(fnros54) jq builtins of no argument read (jq manual): each maps its input to one output, or jq's error (unread)."""


def _jq_sortable(value: Any) -> list[Any]:
    """(fnros55b) The items of an array jq sorts; anything else is jq's error ("cannot be sorted, as it is not an
    array")."""
    if not isinstance(value, list):
        raise _JqError("cannot be sorted, as it is not an array")
    return value


def _jq_ordered(items: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    """(fnros55b) ``items`` in jq's order of their scalar ``key`` (:func:`_jq_less`; stable, as jq 1.6 sorts), an array
    or object key not read (:func:`_jq_rank`)."""
    return sorted(items, key=functools.cmp_to_key(lambda a, b: _jq_compare(key(a), key(b))))


def _jq_compare(left: Any, right: Any) -> int:
    return -1 if _jq_less(left, right) else 1 if _jq_less(right, left) else 0


def _jq_unique(items: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    """(fnros55b) The first of each run of items whose keys are equal (jq's equality), ``items`` in order."""
    out: list[Any] = []
    for item in items:
        if not out or not _jq_equal(key(out[-1]), key(item)):
            out.append(item)
    return out


def _jq_sorted_by(path: _JqFilter, value: Any, *, unique: bool) -> list[Any]:
    """(fnros55b) jq's ``sort_by(f)`` / ``unique_by(f)`` where ``f`` gives one scalar for each item (jq compares the
    arrays of its outputs: several, none, an array or object key not read)."""
    items = _jq_sortable(value)
    keys = {id(item): _jq_one(path(item)) for item in items}
    ordered = _jq_ordered(items, lambda item: keys[id(item)])
    return [_jq_unique(ordered, lambda item: keys[id(item)]) if unique else ordered]


def _jq_keyed(path: _JqFilter, value: Any) -> tuple[list[Any], dict[int, Any]]:
    """(fnros56) The items of the array ``value`` in jq's order of the one scalar ``path`` gives each (as
    :func:`_jq_sorted_by`), and each item's key by its id."""
    items = _jq_sortable(value)
    keys = {id(item): _jq_one(path(item)) for item in items}
    return _jq_ordered(items, lambda item: keys[id(item)]), keys


def _jq_grouped(path: _JqFilter, value: Any) -> list[Any]:
    """(fnros56) jq's ``group_by(f)`` ("groups the elements of the input array that have the same .foo field into
    separate arrays ... sorted by the value of the .foo field") where ``f`` gives one scalar an item."""
    ordered, keys = _jq_keyed(path, value)
    groups: list[list[Any]] = []
    for item in ordered:
        if groups and _jq_equal(keys[id(groups[-1][0])], keys[id(item)]):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [groups]


def _jq_extreme(path: _JqFilter, value: Any, *, greatest: bool) -> list[Any]:
    """(fnros56) jq 1.6's ``min_by(f)`` / ``max_by(f)`` ("find the minimum or maximum element of the input array"),
    ``f`` one scalar an item: of equal keys the first for ``min_by``, the last for ``max_by`` (as the binary gives);
    null for an empty array."""
    ordered, _ = _jq_keyed(path, value)
    return [(ordered[-1] if greatest else ordered[0]) if ordered else None]


_JQ_GROUPINGS: Mapping[str, Callable[[_JqFilter, Any], list[Any]]] = {
    "group_by": _jq_grouped,
    "min_by": functools.partial(_jq_extreme, greatest=False),
    "max_by": functools.partial(_jq_extreme, greatest=True),
}
"""(fnros56) jq's orderings of an array by a path giving one array (``group_by``) or one item (``min_by`` /
``max_by``)."""


def _jq_one(values: list[Any]) -> Any:
    """(fnros55b) The one value a filter gives where the subset reads exactly one (other counts not read)."""
    if len(values) != 1:
        raise _JqUnread("other than one value")
    return values[0]


def _jq_whole(value: Any) -> int:
    """(fnros55b) A whole number below 2**53 as an int; a fraction (jq 1.6 and 1.7 read it differently) or anything
    else not read."""
    if not _jq_is_number(value) or value != int(value) or abs(value) >= 2**53:
        raise _JqUnread("not a whole number")
    return int(value)


def _jq_range(start: Any, end: Any) -> list[Any]:
    """(fnros55b) jq's ``range(from; upto)`` of whole numbers (one each: several give every combination, not read):
    ``from`` up to but not including ``upto``, none where ``upto`` is not above it."""
    low, high = _jq_whole(start), _jq_whole(end)
    if high - low > _MAX_OUTPUTS:
        raise _JqUnread("too many values")
    return list(range(low, high))


def _jq_lookup(value: Any, key: Any) -> Any:
    """(fnros55b) ``value[key]`` for a computed key (:meth:`_JqReader.computed_index`, :func:`_jq_getpath`): a string
    a key, a whole number an index; null or a boolean jq's error; anything else not read."""
    if isinstance(key, str):
        return _jq_key(value, key)
    if _jq_is_number(key):
        return _jq_index(value, _jq_whole(key))
    if key is None or isinstance(key, bool):
        raise _JqError("cannot index with null or a boolean")
    raise _JqUnread("an index of an array or object")


def _jq_getpath(value: Any, path: Any) -> Any:
    """(fnros55b) jq's ``getpath(PATHS)`` ("outputs the values in . found at each path"): each string or whole number
    of the path in turn, null from null on (jq 1.6: a null input gives null whatever the path); a path not an array,
    or holding another value, is not read."""
    if isinstance(path, list) and any(isinstance(p, Mapping) for p in path):
        path = _jq_path_checked(path)  # fnros59: a slice's step, read by _jq_child
    elif not isinstance(path, list) or any(not isinstance(p, str) and not _jq_is_number(p) for p in path):
        raise _JqUnread("getpath of a path not read")
    for step in path:
        if value is None:
            return None
        value = _jq_child(value, step) if isinstance(step, Mapping) else _jq_lookup(value, step)
    return value


def _jq_paths(value: Any) -> list[list[Any]]:
    """(fnros57) The path of every value ``..`` gives (jq's ``path(..)``, the input's own ``[]`` first), in the same
    order: an array's indices, an object's keys as it holds them."""
    out: list[list[Any]] = []

    def walk(item: Any, path: list[Any]) -> None:
        _jq_bounded(out)
        out.append(path)
        if isinstance(item, list):
            for index, child in enumerate(item):
                walk(child, [*path, index])
        elif isinstance(item, Mapping):
            for key, child in item.items():
                walk(child, [*path, key])

    walk(value, [])
    return _jq_bounded(out)


def _jq_streamed(value: Any) -> list[Any]:
    """(fnros57) jq 1.6's ``tostream`` (the manual, "Streaming": "the streamed form of its input"; builtin.jq: `path(def
    r: (.[]?|r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p+$q])`): each value's path after
    its children's, a leaf (a scalar, an empty array or object) ``[path, leaf]``, any other value ``[path + its last
    key]`` (the event closing it)."""
    out: list[Any] = []

    def walk(item: Any, path: list[Any]) -> None:
        _jq_bounded(out)
        keys = list(range(len(item))) if isinstance(item, list) else list(item) if isinstance(item, Mapping) else []
        for key in keys:
            walk(item[key], [*path, key])
        out.append([[*path, keys[-1]]] if keys else [path, item])

    walk(value, [])
    return _jq_bounded(out)


def _jq_has(value: Any, key: Any) -> bool:
    """(fnros57) jq's ``has(key)`` ("whether the input object has the given key, or the input array has an element
    at the given index"): a string key of an object, a whole number of an array (a negative one false); an object
    with a number or an array with a string is jq's error; null (jq 1.6: false, jq 1.7: an error) and a fraction
    (jq 1.6 truncates it) are not read."""
    if isinstance(value, Mapping) and isinstance(key, str):
        return key in value
    if isinstance(value, list) and _jq_is_number(key) and key == int(key):
        return 0 <= int(key) < len(value)
    if isinstance(value, (list, Mapping)) and (isinstance(key, str) or _jq_is_number(key)):
        raise _JqError("cannot check whether it has a key of that type")
    raise _JqUnread("has of another value")


def _jq_from_json(value: Any) -> Any:
    """(fnros55b) jq's ``fromjson`` ("parse the input as JSON") of one JSON text: a whole number as jq holds it
    (``1.0`` is ``1``); a whole number from 2**53 (jq rounds it), ``NaN`` / ``Infinity``, a text with a control
    character or a lone surrogate (jq 1.6 replaces it) or a nesting deeper than 64 (jq 1.6 stops at 256) is not
    read; not a string is jq's error."""
    if not isinstance(value, str):
        raise _JqError("only strings can be parsed")
    if len(value) > _MAX_TEXT:
        raise _JqUnread("too long a text")

    def whole(text: str) -> int:
        return _jq_whole(int(text))

    def constant(text: str) -> Any:
        raise _JqUnread(text)

    parsed = json.loads(value, parse_int=whole, parse_float=lambda text: _jq_number(float(text)),
                        parse_constant=constant)  # fmt: skip

    def check(item: Any, depth: int) -> None:
        if depth > 64 or (isinstance(item, str) and _JQ_ESCAPED.search(item)):
            raise _JqUnread("a value jq 1.6 parses otherwise")
        children = item if isinstance(item, list) else [*item, *item.values()] if isinstance(item, Mapping) else []
        for child in children:
            check(child, depth + 1)

    check(parsed, 0)
    return parsed


def _jq_alternative(first: _JqFilter, second: _JqFilter) -> _JqFilter:
    """jq's ``first // second`` (the manual's "alternative operator")."""

    def read(value: Any) -> list[Any]:
        kept = [out for out in first(value) if out is not None and out is not False]
        return kept or second(value)

    return read


def _jq_optional(steps: list[Callable[[Any], list[Any]]]) -> Callable[[Any], list[Any]]:
    """jq's ``path?`` (``try path``): the outputs ``steps`` give, in jq's order, until the first error jq raises (the
    outputs before it are kept, none after it: jq's backtracking stops at the error)."""

    return lambda value: _jq_until_error(steps, value)[0]


def _jq_until_error(steps: list[Callable[[Any], list[Any]]], value: Any) -> tuple[list[Any], bool]:
    """The outputs ``steps`` give for ``value`` in jq's order until jq's first error, and whether one was raised."""
    out: list[Any] = []

    def outputs(item: Any, at: int) -> None:
        if at == len(steps):
            out.append(item)
            _jq_bounded(out)
            return
        for each in steps[at](item):
            outputs(each, at + 1)

    try:
        outputs(value, 0)
    except _JqError:
        return out, True
    return out, False


def _jq_steps(steps: list[Callable[[Any], list[Any]]]) -> _JqFilter:
    """Steps read one after another, each on every output of the one before (a path's ``.a[0].b``)."""
    return lambda value: functools.reduce(
        lambda values, step: _jq_listed(out for v in values for out in step(v)), steps, [value]
    )


def _jq_listed(outputs: Iterable[Any]) -> list[Any]:
    """(fnros54b) The ``outputs`` of a filter giving several, evaluated in jq's order. An error jq raises before any
    output stays jq's error (a ``try`` or ``?`` gives nothing, exactly); one after some outputs is not read: jq would
    have given those first, and this evaluation (a list, not jq's stream) does not keep them."""
    out: list[Any] = []
    try:
        for item in outputs:
            out.append(item)
            _jq_bounded(out)
    except _JqError as error:
        if out:
            raise _JqUnread("an error after outputs") from error
        raise
    return out


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
        return _jq_number(left + right)
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


def _jq_is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _jq_number(value: float) -> Any:
    """(fnros55) A number as jq holds it (a double, printed without a fraction where it is whole): a whole float below
    2**53 as that int (``4 / 2`` is ``2``, as jq prints it, not ``2.0``)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _jq_negated(value: Any) -> Any:
    """(fnros55) jq's ``-x``: a number's negation; anything else is jq's error."""
    if not _jq_is_number(value):
        raise _JqError("a non-number negated")
    return _jq_number(-value)


def _jq_subtract(left: Any, right: Any) -> Any:
    """(fnros55) jq's ``a - b`` (the manual, "Subtraction: -": "As well as normal arithmetic subtraction on numbers,
    the - operator can be used on arrays to remove all occurrences of the second array's elements from the first
    array", jq's equality); any other pair is jq's error."""
    if _jq_is_number(left) and _jq_is_number(right):
        return _jq_number(left - right)
    if isinstance(left, list) and isinstance(right, list):
        return [item for item in left if not any(_jq_equal(item, r) for r in right)]
    raise _JqError("values cannot be subtracted")


def _jq_multiply(left: Any, right: Any) -> Any:
    """(fnros55) jq's ``a * b``: numbers multiplied; a string by a whole number from 1 repeated (jq 1.6 and 1.7 differ
    below 1 and for a fraction: not read); objects merged recursively (the manual: "Multiplying two objects will merge
    them recursively"). Any other pair is jq's error."""
    if _jq_is_number(left) and _jq_is_number(right):
        return _jq_number(left * right)
    text, times = (left, right) if isinstance(left, str) else (right, left)
    if isinstance(text, str) and _jq_is_number(times):
        if times != int(times) or times < 1 or len(text) * times > _MAX_TEXT:
            raise _JqUnread("a text repeated other than a whole number of times")
        return text * int(times)
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        merged = dict(left)
        for key, value in right.items():
            old = merged.get(key)
            merged[key] = _jq_multiply(old, value) if isinstance(old, Mapping) and isinstance(value, Mapping) else value
        return merged
    raise _JqError("values cannot be multiplied")


def _jq_divide(left: Any, right: Any) -> Any:
    """(fnros55) jq's ``a / b``: numbers divided (by zero, jq's error); a string by a string split (the manual:
    "Dividing a string by another splits the first using the second as separators", :func:`_jq_split`)."""
    if _jq_is_number(left) and _jq_is_number(right):
        if right == 0:
            raise _JqError("division by zero")
        return _jq_number(left / right)
    if isinstance(left, str) and isinstance(right, str):
        return _jq_split(left, right)
    raise _JqError("values cannot be divided")


def _jq_modulo(left: Any, right: Any) -> Any:
    """(fnros55) jq's ``a % b`` of whole numbers below 2**53 (jq casts each to an integer and takes C's remainder, the
    dividend's sign: ``-5 % 3`` is ``-2``); a fraction is not read (jq 1.6 and 1.7 truncate it differently); by zero,
    jq's error."""
    if not (_jq_is_number(left) and _jq_is_number(right)):
        raise _JqError("values cannot be divided")
    if left != int(left) or right != int(right) or abs(left) >= 2**53 or abs(right) >= 2**53:
        raise _JqUnread("a remainder of a fraction")
    a, b = int(left), int(right)
    if b == 0:
        raise _JqError("a remainder by zero")
    remainder = abs(a) % abs(b)
    return -remainder if a < 0 else remainder


_JQ_PRODUCTS: Mapping[str, Callable[[Any, Any], Any]] = {"*": _jq_multiply, "/": _jq_divide, "%": _jq_modulo}
"""(fnros55) jq's operators binding tighter than ``+`` / ``-``."""

_JQ_UPDATES: Mapping[str, Callable[[Any, Any], Any] | None] = {
    "=": None,
    "|=": None,
    "+=": _jq_add,
    "-=": _jq_subtract,
    "*=": _jq_multiply,
    "/=": _jq_divide,
    "%=": _jq_modulo,
    "//=": lambda old, new: old if _jq_true(old) else new,
}
"""(fnros58) jq's assignment operators (the manual, "Update-assignment: `|=`", "Arithmetic update-assignment: `+=`,
`-=`, `*=`, `/=`, `%=`, `//=`", "Plain assignment: `=`") and, for the arithmetic ones, the operation (jq 1.6's
parser: ``a op= b`` is ``b as $x | a |= . op $x``, for each output of ``b`` on the input)."""


def _jq_rank(value: Any) -> int:
    """(fnros55) jq's sort order of scalar types (the manual, "sort": null, false, true, numbers, strings); an array or
    object is not read."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return 2 if value else 1
    if _jq_is_number(value):
        return 3
    if isinstance(value, str):
        return 4
    raise _JqUnread("an array or object ordered")


def _jq_less(left: Any, right: Any) -> bool:
    """(fnros55) jq's ``a < b`` of scalars: by type, then numbers by value and strings by code point."""
    ranks = _jq_rank(left), _jq_rank(right)
    if ranks[0] != ranks[1] or ranks[0] < 3:
        return ranks[0] < ranks[1]
    return bool(left < right)


_JQ_ORDERS: Mapping[str, Callable[[Any, Any], bool]] = {
    "<": _jq_less,
    ">": lambda a, b: _jq_less(b, a),
    "<=": lambda a, b: not _jq_less(b, a),
    ">=": lambda a, b: not _jq_less(a, b),
}
"""(fnros55) jq's comparisons of order ("The comparison operators >, >=, <=, < return whether their left argument is
greater than, greater than or equal to, less than or equal to or less than their right argument")."""


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


def _jq_text(
    literal: str, depth: int, scope: Mapping[str, list[Any]], format_: Callable[[Any], Any] | None = None
) -> _JqFilter:
    """A jq string literal, its interpolations ``\\(f)`` each filled with ``f``'s one value (a text as
    itself, a number as JSON); more or fewer values, or a map, list or null, is not read. (fnros58) ``format_``: a
    format string's format, applied to each interpolated value in place of ``tostring``."""
    body = literal[1:-1]
    parts: list[str | _JqFilter] = []
    at = 0
    while (start := body.find("\\(", at)) >= 0:
        parts.append(json.loads(f'"{body[at:start]}"'))
        end = _jq_interpolation_end(body, start + 2)  # fnros55b: strings inside it (`"\\(getpath(["a"]))"`) too
        inner = _JqReader(_jq_tokens(body[start + 2 : end - 1]))
        inner.scope = dict(scope)  # fnros54b: the variables bound where the text stands
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
            if len(got) != 1:
                raise _JqUnread("interpolated value")
            out.append((format_ or _jq_tostring)(got[0]))  # fnros54b: `tostring` of the value (null, a map too)
        return ["".join(out)]

    return text


def _jq_string_end(script: str, at: int) -> int:
    """(fnros55b) Where the jq string literal starting at ``script[at]`` (a ``"``) ends: escapes skipped, each
    interpolation ``\\(...)`` read to its closing parenthesis, strings inside it too (jq's lexer: a string's
    interpolation is a whole expression)."""
    at += 1
    while at < len(script):
        if script[at] == '"':
            return at + 1
        if script.startswith("\\(", at):
            at = _jq_interpolation_end(script, at + 2)
            continue
        at += 2 if script[at] == "\\" else 1
    raise _JqUnread("unclosed string")


def _jq_interpolation_end(script: str, at: int) -> int:
    """(fnros55b) Where the interpolation whose expression starts at ``script[at]`` ends (after its ``)``)."""
    level = 1
    while at < len(script):
        if script[at] == '"':
            at = _jq_string_end(script, at)
            continue
        level += {"(": 1, ")": -1}.get(script[at], 0)
        at += 1
        if not level:
            return at
    raise _JqUnread("unclosed interpolation")


def _jq_tokens(script: str) -> list[tuple[str, str]]:
    """jq's tokens of ``script`` (:data:`_JQ_TOKEN`; fnros55b: a string by :func:`_jq_string_end`, so a string
    inside an interpolation is the outer string's); an error when a character is none. (fnros57) jq 1.6's lexer
    skips blanks, tabs, newlines and comments (the manual, "Comments": "`#` ... until the end of the line"; its
    lexer.l: `"#"[^\r\n]*`, `[ \n\t]+`), each checked with jq 1.6: any other white space between tokens (a
    carriage return, a form feed) is its syntax error, not read."""
    tokens: list[tuple[str, str]] = []
    at = 0
    while True:
        while at < len(script) and script[at] in " \t\n#":
            if script[at] == "#":  # to the line's end (a carriage return ends it too, then is no token)
                ends = [end for end in (script.find("\n", at), script.find("\r", at)) if end >= 0]
                at = min(ends, default=len(script))
                continue
            at += 1
        if at >= len(script):
            return tokens
        if script.startswith('"', at):
            start, at = at, _jq_string_end(script, at)
            tokens.append(("string", script[start:at]))
            continue
        m = _JQ_TOKEN.match(script, at)
        if m is None or m.lastgroup is None or m.start(m.lastgroup) != at:
            raise _JqUnread("token")
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        at = m.end()


# fnros58 (stop 58): jq 1.6's path expressions and the builtins over paths, each checked against the binary
# (tests/test_jq.py).


def _jq_path_then(first: _JqPaths, second: _JqPaths) -> _JqPaths:
    """``a | b`` of path expressions: ``b`` from each path ``a`` reaches."""
    return lambda path, value: _jq_listed(out for p, v in first(path, value) for out in second(p, v))


def _jq_no_path() -> _JqPaths:
    """(fnros60) A parameter with no argument read as a path expression (a body read where it is defined)."""
    raise _JqUnread("a parameter's argument not a path expression")


def _jq_path_bound(
    source: _JqFilter, cell: list[Any], body: _JqPaths, path: list[Any], value: Any
) -> list[tuple[list[Any], Any]]:
    """(fnros60) ``source as $x | body`` as a path expression (a function's ``$x`` parameter): the body's paths from
    the path so far once for each output of ``source`` on the value there, the variable's cell holding it."""
    saved, out = cell[0], []
    try:
        for bound in source(value):
            cell[0] = bound
            out += body(path, value)
    finally:
        cell[0] = saved
    return _jq_bounded(out)


def _jq_path_identity(path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    return [(path, value)]


def _jq_path_key(key: str, path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    return [([*path, key], _jq_key(value, key))]


def _jq_path_index(index: int, path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    # jq keeps a negative index as written (`path(.[-1])` is `[-1]`); setpath / delpaths count it from the end
    return [([*path, index], _jq_index(value, index))]


def _jq_path_slice(start: int | None, end: int | None, path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    """(fnros59) ``.[a:b]`` as a path expression: jq 1.6's step ``{"start": a, "end": b}`` (as written, null when
    left out), the slice there."""
    return [([*path, {"start": start, "end": end}], _jq_sliced(value, start, end))]


def _jq_slice_key(key: Mapping[Any, Any], length: int) -> tuple[int, int]:
    """(fnros59) jq 1.6's ``parse_slice`` of a path's slice step over ``length`` items: a bound null or left out the
    start or end, negative from the end, clamped to the items, an end before the start the start."""
    bounds = []
    for name, default in (("start", 0), ("end", length)):
        bound = key.get(name)
        bound = default if bound is None else bound + length if bound < 0 else bound
        bounds.append(min(max(bound, 0), length))
    return bounds[0], max(bounds[0], bounds[1])


def _jq_path_each(path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    """``.[]`` as a path expression: each index of an array, each key of an object; anything else jq's error."""
    if isinstance(value, list):
        return _jq_bounded([([*path, index], item) for index, item in enumerate(value)])
    if isinstance(value, Mapping):
        return _jq_bounded([([*path, key], item) for key, item in value.items()])
    raise _JqError("cannot iterate")


def _jq_path_computed(term: _JqPaths, index: _JqFilter, path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    """``term[f]`` as a path expression: each output of ``f`` on the input (outer) after each path of the term, a
    string a key, a whole number an index (:func:`_jq_lookup`)."""
    return _jq_listed(
        ([*p, key if isinstance(key, str) else _jq_whole(key)], _jq_lookup(v, key))
        for key in index(value)
        for p, v in term(path, value)
    )


def _jq_path_step(step: _JqPaths) -> bool:
    """Whether ``step`` is one step (``.key``, ``.[n]``, ``.[]``), which a ``?`` covers whole."""
    return step is _jq_path_each or (
        isinstance(step, functools.partial) and step.func in (_jq_path_key, _jq_path_index)
    )


def _jq_path_optional(step: _JqPaths, path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    """A step's ``?`` (``.a?``, ``.[]?``): no path where the step is jq's error (one step: nothing before it)."""
    try:
        return step(path, value)
    except _JqError:
        return []


def _jq_path_recursed(path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    """``..`` as a path expression (jq's ``recurse``: the input first, then each item's own, in order)."""
    return _jq_bounded([([*path, *p], _jq_getpath(value, p)) for p in _jq_paths(value)])


def _jq_path_checked(path: Any) -> list[Any]:
    """A path as jq's ``setpath`` / ``delpaths`` / ``getpath`` take it: an array of strings and whole numbers; any
    other (a slice's object, a fraction, not an array) not read."""
    if not isinstance(path, list):
        raise _JqUnread("a path not an array")
    for step in path:
        if isinstance(step, Mapping):
            # fnros59: a slice's step (`{"start": 1, "end": null}`), whole-number or null bounds only
            if set(step) - {"start", "end"} or any(b is not None and _jq_whole(b) != b for b in step.values()):
                raise _JqUnread("a slice step not read")
        elif not isinstance(step, str):
            _jq_whole(step)
    return [step if isinstance(step, (str, Mapping)) else int(step) for step in path]


def _jq_path_list(paths: Any) -> list[list[Any]]:
    if not isinstance(paths, list):
        raise _JqUnread("paths not an array")
    return [_jq_path_checked(path) for path in _jq_bounded(paths)]


def _jq_child(value: Any, key: str | int | Mapping[Any, Any]) -> Any:
    """jq 1.6's ``jv_get`` on the way down a path: a key of an object, an index of an array (negative from the end,
    null past it), null of null; anything else jq's error."""
    if isinstance(key, Mapping):  # fnros59: a slice's step
        if value is None or isinstance(value, (list, str)):
            return value if value is None else value[slice(*_jq_slice_key(key, len(value)))]
        raise _JqError("Cannot index with object")
    return _jq_key(value, key) if isinstance(key, str) else _jq_index(value, key)


def _jq_setpath(value: Any, path: Any, new: Any) -> Any:
    """jq 1.6's ``setpath(PATHS; VALUE)`` (its ``jv_setpath``): the value at the path set, null on the way an object
    (a key) or an array (an index), an array padded with nulls to an index past its end, a negative index counted from
    the end (before the start: jq's error "Out of bounds negative array index"); another type on the way, jq's error."""
    steps = _jq_path_checked(path)
    if not steps:
        return new
    key, rest = steps[0], steps[1:]
    rebuilt = _jq_setpath(_jq_child(value, key), rest, new)
    if isinstance(key, Mapping):
        # fnros59: jq 1.6's `jv_set` of a slice: the items there replaced by the array given (null an empty array)
        if value is not None and not isinstance(value, list):
            raise _JqError("Cannot update field at object index of non-array")
        if not isinstance(rebuilt, list):
            raise _JqError("A slice of an array can only be assigned another array")
        items = list(value or [])
        items[slice(*_jq_slice_key(key, len(items)))] = rebuilt
        return _jq_bounded(items)
    if isinstance(key, str):
        if value is None or isinstance(value, Mapping):
            return {**(value or {}), key: rebuilt}
        raise _JqError("cannot set a key of a non-object")
    if value is not None and not isinstance(value, list):
        raise _JqError("cannot set an index of a non-array")
    items = list(value or [])
    index = key + len(items) if key < 0 else key
    if index < 0:
        raise _JqError("Out of bounds negative array index")
    if index >= _MAX_TEXT:
        raise _JqUnread("too long an array")
    items += [None] * (index + 1 - len(items))
    items[index] = rebuilt
    return items


def _jq_path_order(left: list[Any], right: list[Any]) -> int:
    """jq's order of two paths (arrays of strings and numbers): item by item, numbers before strings, a prefix first."""
    for a, b in zip(left, right, strict=False):
        if _jq_equal(a, b):
            continue
        if isinstance(a, Mapping) or isinstance(b, Mapping):
            return _jq_slice_order(a, b)
        return _jq_compare(a, b)
    return (len(left) > len(right)) - (len(left) < len(right))


def _jq_slice_order(left: Any, right: Any) -> int:
    """(fnros59) jq's order of two path steps where one is a slice's object: an object after numbers and strings;
    two slices by their keys' values in key order (``end``, then ``start``), null first."""
    if not isinstance(left, Mapping) or not isinstance(right, Mapping):
        return 1 if isinstance(left, Mapping) else -1

    def rank(step: Mapping[Any, Any]) -> tuple[tuple[int, int], ...]:
        return tuple((0, 0) if step.get(k) is None else (1, step[k]) for k in ("end", "start"))

    return (rank(left) > rank(right)) - (rank(left) < rank(right))


def _jq_delpaths(value: Any, paths: list[Any]) -> Any:
    """jq 1.6's ``delpaths(PATHS)`` (its ``jv_delpaths``): the paths sorted, the empty path the whole value (null);
    else each distinct first key deleted once (its deeper paths then ignored), or its deeper paths deleted inside it
    (a null on the way left as it is)."""
    checked = sorted((_jq_path_checked(p) for p in paths), key=functools.cmp_to_key(_jq_path_order))
    if not checked:
        return value
    if not checked[0]:
        return None
    return _jq_deleted(value, checked, 0)


def _jq_deleted(value: Any, paths: list[list[Any]], start: int) -> Any:
    keys: list[Any] = []
    at = 0
    while at < len(paths):
        key = paths[at][start]
        end = at
        while end < len(paths) and _jq_equal(paths[end][start], key):
            end += 1
        if len(paths[at]) == start + 1:
            keys.append(key)
        else:
            child = _jq_child(value, key)
            if child is not None:
                value = _jq_setpath(value, [key], _jq_deleted(child, paths[at:end], start + 1))
        at = end
    return _jq_dels(value, keys)


def _jq_dels(value: Any, keys: list[Any]) -> Any:
    """jq 1.6's ``jv_dels``: an object's keys or an array's indices (negative from the end) deleted; null or no key,
    unchanged; a key of the other kind or another type, jq's error."""
    if value is None or not keys:
        return value
    if isinstance(value, list):
        if any(isinstance(k, str) for k in keys):
            raise _JqError("Cannot delete field at object index of array")
        gone = {k + len(value) if k < 0 else k for k in keys if not isinstance(k, Mapping)}
        for k in keys:
            if isinstance(k, Mapping):  # fnros59: a slice's items (jq 1.6's jv_dels: every index in its range)
                gone.update(range(*_jq_slice_key(k, len(value))))
        return [item for index, item in enumerate(value) if index not in gone]
    if isinstance(value, Mapping):
        if any(not isinstance(k, str) for k in keys):
            raise _JqError("Cannot delete field at index of object")
        return {k: v for k, v in value.items() if k not in keys}
    raise _JqError("Cannot delete fields")


def _jq_assigned(operator: str, paths: _JqPaths, right: _JqFilter, value: Any) -> list[Any]:
    """jq 1.6's assignments (builtin.jq: `def _assign(paths; value): value as $v | reduce path(paths) as $p (.;
    setpath($p; $v));`, `def _modify(paths; update): reduce path(paths) as $p (.; label $out | (setpath($p; getpath($p)
    | update) | ., break $out), delpaths([$p]));`): the left side's paths on the input, then for ``|=`` each value
    replaced by the update's first output (none: jq 1.6 deletes it and its later paths shift, not read), for ``=`` and
    the arithmetic ones, for each output of the right side on the input, each value set (or combined with it)."""
    targets = [p for p, _ in paths([], value)]
    if operator == "|=":
        # fnros59: an update of no value deletes the path: jq 1.6 at once (later paths then shift), jq 1.7 all at the
        # end (builtin.jq's `_modify`); read where both give the same value (`.r |= empty`, one path, or keys of an
        # object), else not read
        result, deferred, deleted = value, value, []
        for path in targets:
            try:
                here, there = _jq_getpath(result, path), _jq_getpath(deferred, path)
                got = right(here)
                later = got if _jq_equal(here, there) else right(there)
            except _JqError as error:  # jq stops at the first output: an error after it is never reached
                raise _JqUnread("an update's error") from error
            result = _jq_setpath(result, path, got[0]) if got else _jq_delpaths(result, [path])
            if later:
                deferred = _jq_setpath(deferred, path, later[0])
            else:
                deleted.append(path)
        if not _jq_equal(result, _jq_delpaths(deferred, deleted)):
            raise _JqUnread("an update of no value where jq 1.6 and 1.7 differ")
        return [result]
    combine = _JQ_UPDATES[operator]
    out = []
    for new in right(value):
        result = value
        for path in targets:
            result = _jq_setpath(result, path, new if combine is None else combine(_jq_getpath(result, path), new))
        out.append(result)
    return _jq_bounded(out)


def _jq_walk(update: _JqFilter, value: Any) -> list[Any]:
    """jq 1.6's ``walk(f)`` (builtin.jq: `def walk(f): . as $in | if type == "object" then reduce keys_unsorted[] as
    $key ( {}; . + { ($key): ($in[$key] | walk(f)) } ) | f elif type == "array" then map( walk(f) ) | f else f end;`):
    children first, then the value; an object's value walked to other than one value is not read (reduce's update)."""
    if isinstance(value, Mapping):
        rebuilt = {}
        for key, child in value.items():
            got = _jq_walk(update, child)
            if len(got) != 1:
                raise _JqUnread("an object's value walked to other than one value")
            rebuilt[key] = got[0]
        return update(rebuilt)
    if isinstance(value, list):
        return update(_jq_bounded([out for child in value for out in _jq_walk(update, child)]))
    return update(value)


def _jq_any_all(any_: bool, generator: _JqFilter, condition: _JqFilter, value: Any) -> list[Any]:
    """jq 1.6's ``any`` / ``all`` (builtin.jq: `def any: reduce .[] as $x (false; . or $x);`, ``any(f)`` as
    ``any(.[]; f)``, ``any(generator; condition)`` a ``foreach`` over ``generator | condition`` stopping at the first
    true (``all``: false)): whether any (all) of the conditions is true. A condition giving other than one value for
    an item is not read (jq 1.6 gives false for ``[[1, 2]] | any(.[])``, found by the binary), nor an error (jq stops
    before a later one)."""
    try:
        outs = [condition(item) for item in generator(value)]
    except _JqError as error:
        raise _JqUnread("any / all over an error") from error
    if any(len(out) != 1 for out in outs):
        raise _JqUnread("any / all of a condition of other than one value")
    truths = [_jq_true(out[0]) for out in outs]
    return [any(truths) if any_ else all(truths)]


def _jq_nth(count: _JqFilter, inner: _JqFilter, value: Any) -> list[Any]:
    """jq 1.6's ``nth($n; f)`` (builtin.jq: `if $n < 0 then error("nth doesn't support negative indices") else
    last(limit($n + 1; f)) end`): the last of ``f``'s first n + 1 outputs, null where it gives none; n a whole number
    (a fraction is read by jq's ``limit`` otherwise)."""
    out = []
    for n in count(value):
        index = _jq_whole(n)
        if index < 0:
            raise _JqError("nth doesn't support negative indices")
        try:
            got = inner(value)[: index + 1]
        except _JqError as error:  # jq stops after n + 1 outputs: a later error is never reached
            raise _JqUnread("nth over an error") from error
        out.append(got[-1] if got else None)
    return out


def _jq_from_stream(events: list[Any]) -> list[Any]:
    """jq 1.6's ``fromstream(f)`` (builtin.jq: `{x: null, e: false} as $init | foreach f as $i ($init; if .e then $init
    else . end | if $i | length == 2 then setpath(["e"]; $i[0] | length == 0) | setpath(["x"] + $i[0]; $i[1]) else
    setpath(["e"]; $i[0] | length == 1) end; if .e then .x else empty end)`): a leaf event ``[path, leaf]`` sets the
    value, a closing event ``[path]`` of one key (or a leaf at the top) gives it. An event of another shape not read."""
    out: list[Any] = []
    built, done = None, False
    for event in events:
        if done:
            built, done = None, False
        if not isinstance(event, list) or len(event) not in (1, 2):
            raise _JqUnread("a stream event not read")
        path = _jq_path_checked(event[0])
        if len(event) == 2:
            done = not path
            built = _jq_setpath(built, path, event[1])
        else:
            done = len(path) == 1
        if done:
            out.append(built)
    return _jq_bounded(out)


def _jq_sh(value: Any) -> str:
    """jq's ``@sh`` ("The input is escaped suitable for use in a command-line for a POSIX shell. If the input is an
    array, the output will be a series of space-separated strings"): a text in single quotes (``'`` as ``'\\''``),
    a number, boolean or null as written; an array or object inside, jq's error."""
    parts = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, (list, Mapping)):
            raise _JqError("can not be escaped for shell")
        parts.append("'" + item.replace("'", "'\\''") + "'" if isinstance(item, str) else _jq_json(item))
    return " ".join(parts)


_JQ_URI_KEPT = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")
"""The bytes jq 1.6's ``@uri`` keeps (its C code's unreserved set; jq 1.7 keeps ``-_.~`` only)."""


def _jq_uri(value: Any) -> str:
    """jq 1.6's ``@uri`` ("Applies percent-encoding, by mapping all reserved URI characters to a %XX sequence") of the
    input's text (``tostring``)."""
    return "".join(chr(b) if b in _JQ_URI_KEPT else f"%{b:02X}" for b in _jq_tostring(value).encode("utf-8"))


def _jq_row(value: Any, *, tabs: bool) -> str:
    """jq 1.6's ``@csv`` / ``@tsv`` of an array ("strings are quoted, with quotes repeated" / "\\t, \\n, \\r and \\\\
    escaped"): numbers and booleans as written, null empty; an array or object inside, or an input not an array,
    jq's error."""
    if not isinstance(value, list):
        raise _JqError("only an array can be formatted as a row")
    cells = []
    for item in value:
        if isinstance(item, (list, Mapping)):
            raise _JqError("not valid in a row")
        if isinstance(item, str):
            escaped = item.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
            cells.append(escaped if tabs else '"' + item.replace('"', '""') + '"')
        else:
            cells.append("" if item is None else _jq_json(item))
    return ("\t" if tabs else ",").join(cells)


_JQ_FNROS58: Mapping[str, frozenset[int]] = {
    "path": frozenset({1}),
    "del": frozenset({1}),
    "setpath": frozenset({2}),
    "delpaths": frozenset({1}),
    "walk": frozenset({1}),
    "any": frozenset({1, 2}),
    "all": frozenset({1, 2}),
    "nth": frozenset({1, 2}),
    "fromstream": frozenset({1}),
}
"""(fnros58) The builtins :meth:`_JqReader.fnros58` reads, by their numbers of arguments."""


def _jq_reversed(value: Any) -> Any:
    """(fnros62) jq's ``reverse`` (builtin.jq of jq 1.6 and 1.7: `def reverse: [.[length - 1 - range(0;length)]];`):
    an array's items in reverse order, null's ``[]``; a string (jq 1.6's error, reversed by later jq) or anything else
    (jq's error) not read."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise _JqUnread("reverse of other than an array")
    return value[::-1]


def _jq_depth(depth: Any) -> int:
    """(fnros62) ``flatten``'s depth: a whole number from 0 (`def flatten($x): if $x < 0 then error("flatten depth
    must not be negative") else _flatten($x) end;`: below 0, null too, jq's error); a fraction (jq recurses while
    ``$x != 0``: never 0) or anything else not read."""
    if depth is None:
        raise _JqError("flatten depth must not be negative")
    whole = _jq_whole(depth)
    if whole < 0:
        raise _JqError("flatten depth must not be negative")
    return whole


def _jq_flattened(value: Any, depth: int) -> list[Any]:
    """(fnros62) jq's ``flatten`` / ``flatten(depth)`` (builtin.jq of jq 1.6 and 1.7: `def _flatten($x): reduce .[] as
    $i ([]; if $i | type == "array" and $x != 0 then . + ($i | _flatten($x-1)) else . + [$i] end);`, ``flatten`` is
    ``_flatten(-1)``): each item an array flattened into its place ``depth`` levels deep (all for -1), anything else
    kept; of an object (its values, by ``.[]``) or anything else not read."""
    if not isinstance(value, list):
        raise _JqUnread("flatten of other than an array")
    out: list[Any] = []
    for item in value:
        if isinstance(item, list) and depth != 0:
            out += _jq_flattened(item, depth - 1)
        else:
            out.append(item)
        _jq_bounded(out)
    return out


def _jq_indices(value: Any, needle: Any) -> list[Any]:
    """(fnros62) jq's ``indices($i)`` (builtin.jq of jq 1.6 and 1.7: an array's indices where the array ``$i`` occurs
    as a run of items, or the item ``$i`` (`.[[$i]]`), by jq's equality; a string's offsets of the string ``$i``):
    read for an array and a non-empty needle, and for a string of ASCII text (jq 1.6 counts bytes) where the matches
    cannot overlap (jq 1.6 looks for the next after the end of a match; a search from the next character would
    differ); anything else (null, an empty needle: jq 1.6 fails or does not end) not read."""
    if isinstance(value, list):
        run = needle if isinstance(needle, list) else [needle]
        if not run:
            raise _JqUnread("indices of an empty array")
        width = len(run)
        return _jq_bounded([
            at for at in range(len(value) - width + 1)
            if all(_jq_equal(value[at + k], run[k]) for k in range(width))
        ])  # fmt: skip
    if not isinstance(value, str) or not isinstance(needle, str) or not needle:
        raise _JqUnread("indices of other than an array or a string in a string")
    if not value.isascii() or not needle.isascii():
        raise _JqUnread("indices in text not ASCII (jq 1.6's byte offsets)")
    every = [at for at in range(len(value) - len(needle) + 1) if value.startswith(needle, at)]
    after: list[int] = []
    for at in every:
        if not after or at >= after[-1] + len(needle):
            after.append(at)
    if every != after:
        raise _JqUnread("indices of overlapping matches")
    return _jq_bounded(every)


def _jq_first_index(indices: list[Any]) -> Any:
    """(fnros62) jq's ``index($i)``: `indices($i) | .[0]` (null where there is none)."""
    return indices[0] if indices else None


def _jq_last_index(indices: list[Any]) -> Any:
    """(fnros62) jq's ``rindex($i)``: `indices($i) | .[-1:][0]` (null where there is none)."""
    return indices[-1] if indices else None
