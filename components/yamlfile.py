"""The one way the toolkit reads a YAML file: bounded, strict about duplicates, errors in one line.

Every file the toolkit reads (stack files, the deployment map, the jurisdiction catalogue, the
project's ``Pulumi.yaml``) is written by people and reviewed in pull requests, so a mistake in it
must end in one line naming the file, the place and the fix, never in a traceback. PyYAML's
``safe_load`` alone falls short in four ways this module closes:

* a duplicate key is silently resolved by the last one (a second ``sovereign-dc:jurisdiction:``
  would quietly move a stack to another country), so duplicates are refused with both lines;
* its composer and constructor recurse once per nesting level, so a deeply nested value crashes
  the reader with ``RecursionError``; nesting is bounded while *parsing* (the event stream is
  flat), before anything recursive runs;
* aliases are expanded by reference, so a few lines of anchors can stand for billions of nodes
  ("billion laughs") that every later walk over the data would visit; the expanded size is
  computed on the composed node graph, where it costs one visit per distinct node;
* bytes that are not UTF-8 raise ``UnicodeDecodeError``, which is not a ``YAMLError``.

Values quoted in messages go through :func:`shorten`, so a megabyte-long value never reaches a log.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, ClassVar, Protocol

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from components.errors import ConfigError, SovereignError

__all__ = [
    "CATALOGUE_MAX_BYTES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "YamlFileError",
    "described",
    "keep_yaml",
    "load_yaml",
    "load_yaml_text",
    "shorten",
]

MAX_BYTES = 1_000_000
"""Largest file read from a user (stack files, deployment maps, documents: a few kilobytes each; 100x headroom)."""
CATALOGUE_MAX_BYTES = 4_000_000
"""Largest catalogue the toolkit ships read (``load_yaml(..., cached=True)``). The endpoint catalogue, each entry with
its sources and a comment saying why, passed 1,000,000 bytes at stop 55 (996,202 bytes before its last round); its
own files are reviewed in the repository, so this bound only guards against a broken checkout, not a hostile file."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and sequences (stack files nest five levels)."""
MAX_NODES = 100_000
"""Most nodes the document may stand for once every alias is expanded."""
MAX_EXPANDED_CHARS = 2_000_000
"""Most characters of scalar text the document may stand for once every alias is expanded."""


class YamlFileError(SovereignError):
    """A YAML file cannot be read: ``line`` and ``column`` (1-based, 0 when unknown) say where."""

    def __init__(self, file: str, problem: str, fix: str, line: int = 0, column: int = 0) -> None:
        self.file = file
        self.problem = problem
        self.fix = fix
        self.line = line
        self.column = column
        where = f" at line {line}, column {column}" if line else ""
        super().__init__(f"{file}: {problem}{where}. Fix: {fix}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.file, self.problem, self.fix, self.line, self.column))

    def to_config_error(self, key: str = "") -> ConfigError:
        """The same problem as a :class:`ConfigError` (for stack files and the deployment map)."""
        where = f" at line {self.line}, column {self.column}" if self.line else ""
        return ConfigError(self.file, key, f"{self.problem}{where}", self.fix)


def shorten(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters, saying how long it was."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text)} characters)"


def described(value: object) -> str:
    """A parsed YAML value as its author wrote it, for messages: ``text '30'``, ``a number 5``, ``a boolean true``,
    ``a list [1, 2]``, ``a mapping``, ``an empty value``."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"a boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"a number {value}"
    if isinstance(value, str):
        return f"text {shorten(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list {shorten(value)}"
    return f"{type(value).__name__} {shorten(value)}"


class _NoDuplicates(SafeConstructor):
    """``SafeConstructor`` with duplicate keys refused (timestamps and other tags behave the same)."""

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            # Merge keys (`<<`) are left out: a key given directly and through a merge is an
            # override by design, not a duplicate (flatten_mapping resolves those afterwards).
            seen: dict[Any, Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key: the base class reports it with its position
                if first is not None:
                    raise _DuplicateKey(key, first, key_node)
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[arg-type]

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        # YAML reads an unquoted 2027-02-30 as a timestamp that Python cannot build (a ValueError, which
        # is no YAMLError): the message names the value and its place like every other mistake.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise _BadTimestamp(node, exc) from None

    yaml_constructors: ClassVar[dict[Any, Any]] = {
        **SafeConstructor.yaml_constructors,
        "tag:yaml.org,2002:timestamp": construct_yaml_timestamp,
    }


class _Loader(Reader, Scanner, Parser, Composer, _NoDuplicates, Resolver):
    """``yaml.SafeLoader`` with duplicate keys refused: pure Python, and the one that words every error."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _NoDuplicates.__init__(self)
        Resolver.__init__(self)


# libyaml (the C reader PyYAML's wheels ship) scans and parses about ten times faster: the catalogues
# alone took about 100 ms of every process that plans or judges (stop 23). It reads a valid file the
# same way; for any file it refuses, the pure-Python reader above reads it again so that every message
# and position is the one it gives (a file with an error is rare, and read twice only then).
_FAST_LOADER: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader, _NoDuplicates):
        """``_Loader`` on libyaml."""

    _FAST_LOADER = _FastLoader


class _DuplicateKey(ConstructorError):
    def __init__(self, key: Any, first: Node, second: Node) -> None:
        super().__init__(None, None, f"the key {shorten(key)} is given twice", second.start_mark)
        self.first_line = first.start_mark.line + 1


class _BadTimestamp(ConstructorError):
    def __init__(self, node: ScalarNode, exc: ValueError) -> None:
        super().__init__(None, None, f"{shorten(node.value)} is not a date ({exc})", node.start_mark)


def _check_depth(text: str, file: str, loader: type[Any]) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` by walking the (flat) event stream ``loader`` parses."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _error_at(
                    file,
                    f"values are nested more than {MAX_DEPTH} levels deep",
                    "flatten that value; no setting of the toolkit nests that deep",
                    mark,
                )
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1


def _check_expansion(root: Node, file: str) -> None:
    """Refuse a document whose aliases expand beyond ``MAX_NODES`` nodes or ``MAX_EXPANDED_CHARS``.

    Sizes are memoised per node object: an alias is the same object as its anchor, so each
    distinct node is measured once however often it is referenced. An alias inside its own anchor
    (a recursive document) has no finite expansion and is refused too.
    """
    sizes: dict[int, tuple[int, int]] = {}
    in_progress: set[int] = set()
    # Iterative post-order walk: nesting is already bounded, but this keeps the walk obviously safe.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        ident = id(node)
        if ident in sizes:
            continue
        if isinstance(node, ScalarNode):
            sizes[ident] = (1, len(str(node.value)))
            continue
        children: list[Node] = (
            [part for pair in node.value for part in pair]
            if isinstance(node, MappingNode)
            else list(node.value)
            if isinstance(node, SequenceNode)
            else []
        )
        if not children_done:
            if ident in in_progress:
                continue
            in_progress.add(ident)
            stack.append((node, True))
            for child in children:
                if id(child) in in_progress and id(child) not in sizes:
                    mark = child.start_mark
                    raise _error_at(
                        file,
                        "an alias refers to the anchor it is inside of (an endless value)",
                        "remove that alias",
                        mark,
                    )
                stack.append((child, False))
            continue
        nodes = 1 + sum(sizes[id(c)][0] for c in children)
        chars = sum(sizes[id(c)][1] for c in children)
        in_progress.discard(ident)
        sizes[ident] = (nodes, chars)
        if nodes > MAX_NODES or chars > MAX_EXPANDED_CHARS:
            mark = node.start_mark
            raise _error_at(
                file,
                f"the document expands to more than {MAX_NODES:,} values or {MAX_EXPANDED_CHARS:,} characters "
                "(anchors and aliases included)",
                "write the values out instead of nesting aliases of aliases, and keep values short",
                mark,
            )


class _Mark(Protocol):
    """A PyYAML position (``yaml.error.Mark`` or the C loader's ``Mark``): 0-based line and column."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


def _error_at(file: str, problem: str, fix: str, mark: _Mark | None) -> YamlFileError:
    """``YamlFileError`` at PyYAML's 0-based ``mark`` (line and column 0, unknown, without one)."""
    if mark is None:
        return YamlFileError(file, problem, fix)
    return YamlFileError(file, problem, fix, mark.line + 1, mark.column + 1)


def load_yaml_text(
    text: str, file: str, *, fix: str = "correct the YAML syntax there", max_chars: int = MAX_BYTES
) -> Any:
    """Parse ``text`` (read from ``file``) with the bounds above, ``max_chars`` characters at most;
    :class:`YamlFileError` on any problem."""
    if len(text) > max_chars:
        raise YamlFileError(file, f"the file is larger than {max_chars:,} characters", "shorten it")
    if _FAST_LOADER is not None:
        try:
            return _read(text, file, _FAST_LOADER)
        except (yaml.YAMLError, YamlFileError, RecursionError):
            pass  # refused: read again below, where the message and position are worded
    return _read_worded(text, file, fix)


def _read(text: str, file: str, loader_type: type[Any]) -> Any:
    """The document, within the bounds above; PyYAML's own errors (and ``YamlFileError``) propagate."""
    _check_depth(text, file, loader_type)
    loader = loader_type(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_expansion(root, file)
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _read_worded(text: str, file: str, fix: str) -> Any:
    """:func:`_read` with the pure-Python reader, every error turned into one :class:`YamlFileError`."""
    try:
        return _read(text, file, _Loader)
    except _DuplicateKey as exc:
        mark = exc.problem_mark
        raise _error_at(
            file,
            f"{exc.problem} (first at line {exc.first_line})",
            "keep one of them: YAML would silently use the last one",
            mark,
        ) from None
    except _BadTimestamp as exc:
        fix = "write a real date as YYYY-MM-DD, or quote the value if it is text"
        raise _error_at(file, str(exc.problem), fix, exc.problem_mark) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise YamlFileError(
            file,
            f"not valid YAML (the control character {char!r} is not allowed, line {line})",
            "remove it; YAML text may not contain control characters",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _error_at(
            file,
            f"not valid YAML ({problem})",
            fix,
            mark,
        ) from None
    except RecursionError:
        # Bounded depth should make this unreachable; kept so a reader bug is still one line.
        raise YamlFileError(file, "the document is nested too deeply to read", fix) from None


def load_yaml(
    path: str | Path,
    *,
    missing_fix: str = "check the path",
    fix: str = "correct the YAML syntax there",
    shown: str | None = None,
    what: str = "file",
    cached: bool = False,
) -> Any:
    """Read and parse the YAML file at ``path``; every failure is one :class:`YamlFileError`.

    ``shown`` is the name used in messages (defaults to ``path``); ``what`` names the file's role
    (``stack file``, ``deployment map``) in them. ``cached``: keep what a valid file says beside it, for the
    next process that reads the same text (see :func:`_cache_file`); for the toolkit's own catalogues only.
    """
    file = shown or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise YamlFileError(file, f"cannot read the {what} ({exc.strerror or exc})", missing_fix) from None
    limit = CATALOGUE_MAX_BYTES if cached else MAX_BYTES
    if len(data) > limit:
        raise YamlFileError(file, f"the file is larger than {limit:,} bytes", "shorten it")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            file,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line})",
            "save it as UTF-8 (YAML files must be UTF-8; check it is the right file and not binary)",
        ) from None
    if not cached:
        return load_yaml_text(text.removeprefix("\ufeff"), file, fix=fix)
    key = _cache_key(data)
    cache = _cache_file(Path(path))
    if key is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            kept = cache.read_bytes()
            if kept.startswith(key):
                return marshal.loads(kept[len(key) :])
    value = load_yaml_text(text.removeprefix("\ufeff"), file, fix=fix, max_chars=limit)
    if key is not None and not sys.dont_write_bytecode:
        _keep(cache, key, value)
    return value


# -- what a valid file said, kept for the next process -------------------------------------------
# Parsing the endpoint catalogue (160 kB) took about 0.2 s of every process that judges residency: each plan, each
# fork of the warm plan server, each `pulumi up` program and policy pack start, each test worker. A valid file's
# value is kept in the ``__pycache__`` folder beside it, as Python keeps bytecode there (and, like it, not under
# PYTHONDONTWRITEBYTECODE or -B), marshalled (plain data only: a value marshal cannot write, such as a date, is
# never kept). It is read only when its first bytes are the SHA-256 of the file's bytes together with this reader
# (this module's source, PyYAML's version, the interpreter's): any edit of either reads the file again. It has the
# trust of the bytecode beside it: whoever may write there may already change the code that judges.


@functools.cache
def _reader_digest() -> bytes | None:
    try:
        reader = Path(__file__).read_bytes()
    except OSError:
        return None
    return hashlib.sha256(b"\0".join([reader, yaml.__version__.encode(), sys.version.encode()])).digest()


def _cache_key(data: bytes) -> bytes | None:
    reader = _reader_digest()
    return None if reader is None else hashlib.sha256(reader + data).digest()


def _cache_file(path: Path) -> Path:
    """Where the value of the YAML file at ``path`` is kept."""
    return path.parent / "__pycache__" / f"{path.name}.{sys.implementation.cache_tag}.marshal"


def _keep(cache: Path, key: bytes, value: Any) -> bool:
    try:
        payload = key + marshal.dumps(value)
    except ValueError:  # a type marshal cannot write (a date): read from the file each time
        return False
    try:
        cache.parent.mkdir(exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.partial")
        partial.write_bytes(payload)
        os.replace(partial, cache)  # a reader sees the old value or the whole new one, never half
    except OSError:
        return False
    return True


def keep_yaml(path: Path) -> bool:
    """Parse the YAML file at ``path`` and keep its value for ``load_yaml(path, cached=True)``, even where
    PYTHONDONTWRITEBYTECODE is set (the install step, as it writes bytecode there); False where it cannot be kept
    (an invalid file is left to the reader that words its error)."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8").removeprefix("\ufeff")
        value = load_yaml_text(text, str(path), max_chars=CATALOGUE_MAX_BYTES)
    except (OSError, UnicodeDecodeError, YamlFileError):
        return False
    key = _cache_key(data)
    return key is not None and _keep(_cache_file(path), key, value)
