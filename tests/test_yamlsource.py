import pytest

from assessment.errors import InputFileError
from assessment.yamlsource import MAX_FILE_BYTES, decode_text, format_path, load_yaml, read_text


def test_lines_are_kept_for_every_path():
    doc = load_yaml("a: 1\nb:\n  c: [x, y]\n  d:\n    - e: 2\n", "f.yaml")
    assert doc.problems == []
    assert doc.data == {"a": 1, "b": {"c": ["x", "y"], "d": [{"e": 2}]}}
    assert doc.line_of(("a",)) == 1
    assert doc.line_of(("b", "c")) == 3
    assert doc.line_of(("b", "d", 0, "e")) == 5
    # a path that does not exist falls back to its nearest ancestor
    assert doc.line_of(("b", "d", 0, "missing")) == 5


def test_duplicate_keys_are_refused_with_both_lines():
    doc = load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [str(p) for p in doc.problems] == [
        "f.yaml:3: a: duplicate key 'a' (first defined on line 1)"
    ]


def test_aliases_are_refused_and_reported_once():
    text = "a: &x [1, 2]\nb: *x\nc: *x\n"
    doc = load_yaml(text, "f.yaml")
    assert [str(p) for p in doc.problems] == [
        "f.yaml:2: b: YAML anchors and aliases are not allowed"
    ]


def test_merge_keys_and_python_tags_are_refused():
    doc = load_yaml("base: {a: 1}\nother:\n  <<: {a: 2}\n", "f.yaml")
    assert any("merge keys" in p.message for p in doc.problems)
    doc = load_yaml("x: !!python/object/apply:os.system [ls]\n", "f.yaml")
    assert any("is not allowed" in p.message for p in doc.problems)


def test_syntax_error_has_line_and_column():
    doc = load_yaml("a: [1, 2\nb: 3\n", "f.yaml")
    (problem,) = doc.problems
    assert problem.line is not None
    assert "YAML syntax error, column" in problem.message


def test_empty_documents():
    assert load_yaml("", "f.yaml").problems[0].message == "file is empty"
    assert load_yaml("# only a comment\n", "f.yaml").problems[0].message == "file is empty"


def test_format_path():
    assert format_path(("pillars", 1, "criteria", 3, "target")) == "pillars[1].criteria[3].target"
    assert format_path(()) == ""


def test_read_text_limits(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" + b"#" * MAX_FILE_BYTES)
    with pytest.raises(InputFileError, match=r"big.yaml: file is larger than 1024 KiB"):
        read_text(big)
    with pytest.raises(InputFileError, match="not found"):
        read_text(tmp_path / "missing.yaml")
    with pytest.raises(InputFileError, match="is a folder"):
        read_text(tmp_path)
    with pytest.raises(
        InputFileError, match=r"x.yaml: not UTF-8 text \(invalid byte at position 3\)"
    ):
        decode_text(b"ab:\xff", "x.yaml")
    assert decode_text("\ufeffa: 1".encode(), "bom.yaml") == "a: 1"
