"""The one YAML reader: bounded, duplicate keys refused, every failure one line with the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from components import yamlfile
from components.yamlfile import MAX_DEPTH, YamlFileError, load_yaml, load_yaml_text, shorten

ROOT = Path(__file__).resolve().parents[1]


def _bomb(levels: int, width: int = 10) -> str:
    lines = [f"l0: &l0 [{', '.join(['x'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: 1\nb: 2\na: 3\n",
            r"^f\.yaml: the key 'a' is given twice \(first at line 1\) at line 3, column 1\. "
            r"Fix: keep one of them",
        ),
        ("config:\n  k: 1\nconfig:\n  k: 2\n", r"the key 'config' is given twice \(first at line 1\) at line 3"),
        (
            "x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
            rf"values are nested more than {MAX_DEPTH} levels deep at line 1, .*Fix: flatten",
        ),
        ("x: " + "[" * 100_000 + "\n", r"nested more than"),  # would crash PyYAML's recursive composer
        (_bomb(6), r"expands to more than 100,000 values .*Fix: write the values out"),
        ("a: &a [1, *a]\n", r"an alias refers to the anchor it is inside of .*Fix: remove that alias"),
        ("a: \x01\n", r"the control character '\\x01' is not allowed, line 1\)\. Fix: remove it"),
        ("a: [1,\n", r"^f\.yaml: not valid YAML \(.*\) at line 2, column 1\. Fix: correct the YAML syntax there$"),
        ("? [a]\n: 1\n", r"not valid YAML \(found unhashable key\) at line 1"),
        (
            "a: 1\nexpires: 2027-02-30\n",
            r"^f\.yaml: '2027-02-30' is not a date \(day is out of range for month\) at line 2, column 10\. "
            r"Fix: write a real date as YYYY-MM-DD, or quote the value if it is text$",
        ),
        ("tags: {since: 2026-13-01T10:00:00Z}\n", r"'2026-13-01T10:00:00Z' is not a date \(month must be in 1\.\.12\)"),
    ],
    ids=[
        "duplicate",
        "second-config",
        "deep",
        "very-deep",
        "alias-bomb",
        "recursive-alias",
        "control",
        "syntax",
        "unhashable",
        "impossible-date",
        "impossible-timestamp",
    ],
)
def test_bad_yaml_is_one_line_with_a_fix(text: str, message: str) -> None:
    with pytest.raises(YamlFileError, match=message) as caught:
        load_yaml_text(text, "f.yaml")
    assert "\n" not in str(caught.value) and "Fix: " in str(caught.value)


def _both(text: str) -> tuple[object, object]:
    """``text`` read by libyaml and by the pure-Python reader (the one that words errors)."""
    assert yamlfile._FAST_LOADER is not None, "PyYAML without libyaml: the fast path is never taken"
    fast = yamlfile._read(text, "f.yaml", yamlfile._FAST_LOADER)
    return fast, yamlfile._read_worded(text, "f.yaml", "fix")


_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_DOCUMENTS = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
)


@given(_DOCUMENTS, st.sampled_from([True, False]))
def test_libyaml_reads_every_document_as_the_worded_reader_does(document: object, flow: bool) -> None:
    fast, worded = _both(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True))
    assert fast == worded


def test_libyaml_reads_every_file_of_this_checkout_as_the_worded_reader_does() -> None:
    files = [p for p in ROOT.glob("**/*.yaml") if not {".venv", ".tools", "node_modules"} & set(p.parts)]
    assert len(files) > 10
    for path in files:
        fast, worded = _both(path.read_text(encoding="utf-8"))
        assert fast == worded, path


def test_a_valid_file_is_read_once_and_a_bad_one_is_worded_by_the_python_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worded: list[str] = []
    original = yamlfile._read_worded

    def spy(text: str, file: str, fix: str) -> object:
        worded.append(text)
        return original(text, file, fix)

    monkeypatch.setattr(yamlfile, "_read_worded", spy)
    assert load_yaml_text("a: [1, 2]\nb: {c: d}\n", "f.yaml") == {"a": [1, 2], "b": {"c": "d"}}
    assert worded == []
    with pytest.raises(YamlFileError, match=r"the key 'a' is given twice \(first at line 1\) at line 2, column 1"):
        load_yaml_text("a: 1\na: 2\n", "f.yaml")
    assert worded == ["a: 1\na: 2\n"]


# YAML reads an unquoted 2027-02-30 as a timestamp, which Python cannot build: it was a ValueError reported as a
# bug in sovereign-dc. A real date and a quoted one are read as before.
def test_a_date_is_read_as_a_date_and_a_quoted_impossible_one_as_text() -> None:
    import datetime as dt

    text = "a: 2027-02-28\nb: '2027-02-30'\nc: 2026-12-03T04:00:00Z\n"
    document = load_yaml_text(text, "f.yaml")
    assert document["a"] == dt.date(2027, 2, 28) and document["b"] == "2027-02-30"
    assert document["c"] == dt.datetime(2026, 12, 3, 4, tzinfo=dt.UTC)
    assert yamlfile._read_worded(text, "f.yaml", "fix") == document


def test_aliases_within_the_bound_and_merge_keys_still_work() -> None:
    text = "base: &b {k: 1, j: 2}\ncopy: *b\nmerged:\n  <<: *b\n  k: 3\n" + _bomb(3)
    loaded = load_yaml_text(text, "f.yaml")
    assert loaded["copy"] == {"k": 1, "j": 2} and loaded["merged"] == {"k": 3, "j": 2}
    assert len(loaded["l2"]) == 10 and len(loaded["l2"][0]) == 10


def test_non_utf8_and_binary_files_name_the_byte(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("config:\n  owner: Jürgen\n".encode("latin-1"))
    with pytest.raises(YamlFileError, match=r"is not UTF-8 text \(byte 0xfc at offset 18, line 2\)\. Fix: save it"):
        load_yaml(latin)
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(YamlFileError, match=r"not UTF-8|control character"):
        load_yaml(binary)
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("\ufeffa: 1\n".encode())
    assert load_yaml(bom) == {"a": 1}


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(YamlFileError, match=r"cannot read the stack file \(No such file or directory\)"):
        load_yaml(tmp_path / "nope.yaml", what="stack file")
    big = tmp_path / "big.yaml"
    big.write_text("a: '" + "x" * 1_100_000 + "'\n")
    with pytest.raises(YamlFileError, match=r"larger than 1,000,000 bytes\. Fix: shorten it"):
        load_yaml(big)
    # The lead (stop 55): the toolkit's own catalogues (read cached) have their own bound; the endpoint catalogue
    # passed 1,000,000 bytes with its sources and comments, and every door failed on it.
    assert load_yaml(big, cached=True) == {"a": "x" * 1_100_000}
    huge = tmp_path / "huge.yaml"
    huge.write_text("a: '" + "x" * 4_100_000 + "'\n")
    with pytest.raises(YamlFileError, match=r"larger than 4,000,000 bytes\. Fix: shorten it"):
        load_yaml(huge, cached=True)


def test_shorten_bounds_any_value() -> None:
    assert shorten("abc") == "'abc'"
    long = shorten("x" * 10_000)
    assert len(long) < 90 and long.endswith("(10002 characters)")
    assert re.fullmatch(r"\[0, 1, .*… \(\d+ characters\)", shorten(list(range(1000))))


# -- what a valid catalogue said, kept for the next process (issue 13) ------------------------------------------


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", False)


def test_a_kept_value_is_read_back_only_for_the_same_text(tmp_path: Path, writable: None) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text("regions: [cn-north-1, cn-northwest-1]\nversion: 2026.12.1\n", encoding="utf-8")
    first = load_yaml(path, cached=True)
    kept = yamlfile._cache_file(path)
    assert kept.is_file() and kept.parent.name == "__pycache__"
    assert load_yaml(path, cached=True) == first == load_yaml(path)
    path.write_text("regions: [cn-north-1]\nversion: 2026.12.2\n", encoding="utf-8")  # same size class, new text
    assert load_yaml(path, cached=True) == {"regions": ["cn-north-1"], "version": "2026.12.2"}


def test_a_kept_value_that_does_not_match_its_key_is_never_read(tmp_path: Path, writable: None) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text("jurisdiction: CN\n", encoding="utf-8")
    load_yaml(path, cached=True)
    kept = yamlfile._cache_file(path)
    other = yamlfile._cache_key(b"jurisdiction: EU\n")
    assert other is not None
    # The value another text said (its key in front) is never taken for this file's:
    kept.write_bytes(other + kept.read_bytes()[32:].replace(b"CN", b"EU"))
    assert load_yaml(path, cached=True) == {"jurisdiction": "CN"}
    kept.write_bytes(b"\x00" * 5)  # truncated or garbage: read from the file
    assert load_yaml(path, cached=True) == {"jurisdiction": "CN"}


def test_a_change_of_the_reader_reads_the_file_again(
    tmp_path: Path, writable: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    load_yaml(path, cached=True)
    kept = yamlfile._cache_file(path).read_bytes()
    monkeypatch.setattr(yamlfile, "_reader_digest", lambda: b"another reader")
    load_yaml(path, cached=True)
    assert yamlfile._cache_file(path).read_bytes() != kept


def test_nothing_is_kept_where_bytecode_is_not_written_nor_for_values_marshal_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    assert load_yaml(path, cached=True) == {"a": 1}
    assert not yamlfile._cache_file(path).exists()
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    dated = tmp_path / "dated.yaml"
    dated.write_text("expires: 2027-01-31\n", encoding="utf-8")
    assert load_yaml(dated, cached=True) == load_yaml(dated)
    assert not yamlfile._cache_file(dated).exists()
    assert not yamlfile.keep_yaml(dated)


def test_the_install_step_keeps_every_catalogue_even_where_bytecode_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from components import precompile

    monkeypatch.setattr("sys.dont_write_bytecode", True)
    path = tmp_path / "cat.yaml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    assert yamlfile.keep_yaml(path)
    monkeypatch.setattr(yamlfile, "load_yaml_text", None)  # a read now fails unless the kept value is used
    assert load_yaml(path, cached=True) == {"a": [1, 2]}
    names = {p.relative_to(ROOT / "components").as_posix() for p in precompile.catalogues()}
    assert {"residency/endpoints.yaml", "residency/jurisdictions.yaml", "config/services.yaml"} <= names


def test_a_bad_catalogue_is_worded_as_before_and_never_kept(tmp_path: Path, writable: None) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(YamlFileError, match=r"the key 'a' is given twice"):
        load_yaml(path, cached=True)
    assert not yamlfile._cache_file(path).exists() and not yamlfile.keep_yaml(path)
