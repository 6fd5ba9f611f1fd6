"""Safe YAML loading that keeps the line of every node.

Nothing is executed: the text is composed into nodes with libyaml's ``CSafeLoader`` where
present, then turned into plain Python values by hand, which lets us refuse aliases
(no alias bombs), refuse duplicate keys and remember the line of every value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputFileError, Problem

MAX_FILE_BYTES = 1024 * 1024

try:  # libyaml is about ten times faster than the pure-Python loader
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]


@dataclass
class SourceDoc:
    """A loaded YAML document: its data, the line of each path, and the problems found."""

    file: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: PathKey) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def format_path(path: PathKey) -> str:
    """Render ``("pillars", 1, "criteria", 3, "target")`` as ``pillars[1].criteria[3].target``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES, label: str | None = None) -> str:
    """Read a UTF-8 text file within a size limit; :class:`InputFileError` says what is wrong."""
    name = label or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError(f"{name}: file not found") from None
    except OSError as exc:
        raise InputFileError(f"{name}: cannot read file ({exc.strerror})") from None
    if path.is_dir():
        raise InputFileError(f"{name}: is a folder, not a file")
    if size > max_bytes:
        raise InputFileError(f"{name}: file is larger than {max_bytes // 1024} KiB ({size} bytes)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{name}: cannot read file ({exc.strerror})") from None
    return decode_text(raw, name, max_bytes=max_bytes)


def decode_text(raw: bytes, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Decode uploaded or read bytes as UTF-8 within the size limit."""
    if len(raw) > max_bytes:
        raise InputFileError(
            f"{name}: file is larger than {max_bytes // 1024} KiB ({len(raw)} bytes)"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{name}: not UTF-8 text (invalid byte at position {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")


def load_yaml(text: str, file: str) -> SourceDoc:
    """Parse YAML text into a :class:`SourceDoc`; problems are collected, never raised."""
    doc = SourceDoc(file=file, data=None)
    if not text.strip():
        doc.problems.append(Problem(file, None, "", "file is empty"))
        return doc
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            what += f" ({exc.context} started on line {exc.context_mark.line + 1})"
        doc.problems.append(Problem(file, line, "", f"YAML syntax error{column}: {what}"))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(file, None, "", f"YAML syntax error: {exc}"))
        return doc
    if root is None:
        doc.problems.append(Problem(file, None, "", "file is empty"))
        return doc
    # compose() turns an alias into a second reference to the anchored node, so composing
    # stays linear; the builder refuses any node reached twice before building values.
    builder = _Builder(doc)
    doc.data = builder.build(root, ())
    return doc


_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Builder:
    """Turns composed nodes into Python values, recording lines and refusing aliases."""

    def __init__(self, doc: SourceDoc):
        self.doc = doc
        self.seen: set[int] = set()
        self.aliases = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, path: PathKey, line: int | None, message: str) -> None:
        self.doc.problems.append(Problem(self.doc.file, line, format_path(path), message))

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        if id(node) in self.seen:
            # an alias: the shared node's mark is the anchor's, so point at the parent instead
            line = self.doc.lines.get(path) or self.doc.line_of(path[:-1])
            # report the first alias only: an alias bomb would otherwise flood the report
            if not self.aliases:
                self.problem(path, line, "YAML anchors and aliases are not allowed")
            self.aliases += 1
            return None
        line = self.doc.lines.setdefault(path, node.start_mark.line + 1)
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            self.problem(path, line, f"YAML tag '{node.tag}' is not allowed")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == _STR_TAG:
            return node.value
        try:
            return self.constructor.construct_object(node)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            self.problem(path, line, f"invalid value: {problem}")
            return None

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(path, key_line, "YAML merge keys ('<<') are not allowed")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(path, key_line, "a mapping key must be a plain value")
                continue
            if key_node.tag == _STR_TAG:
                key = key_node.value
            else:
                key = self.constructor.construct_object(key_node)
            try:
                hash(key)
            except TypeError:
                self.problem(path, key_line, "a mapping key must be a plain value")
                continue
            if key in result:
                self.problem(
                    (*path, key),
                    key_line,
                    f"duplicate key '{key}' (first defined on line {first_line[key]})",
                )
                continue
            first_line[key] = key_line
            child = (*path, key)
            self.doc.lines[child] = key_line
            value = self.build(value_node, child)
            # keep the key's own line: errors about a value point where its key is
            self.doc.lines[child] = key_line
            result[key] = value
        return result
