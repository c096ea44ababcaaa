"""Safe YAML loading that guards against YAML's traps.

* Only safe loaders (libyaml's ``CSafeLoader`` when present).
* Mapping keys are kept exactly as written: ``1.10:`` stays the string ``"1.10"``.
* Duplicate keys are an error, never a silent overwrite.
* Lines are found lazily: the fast path builds plain values; only when a problem is
  reported is the text composed again to find the line of a data path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from assess.errors import InputError

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class _Unhashable(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose mappings keep raw key text and refuse duplicate keys."""


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    first_seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Unhashable(line)
        key = key_node.value
        if key in first_seen:
            raise _DuplicateKey(key, line, first_seen[key])
        first_seen[key] = line
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """An impossible date such as 2027-02-30 stays text, so the loader can name its field."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass
class Document:
    """Parsed YAML plus what is needed to point at a line later."""

    name: str
    text: str
    data: Any
    _root: yaml.Node | None = field(default=None, repr=False)

    def _node_at(self, path: Sequence[object]) -> tuple[yaml.Node | None, int | None]:
        """The node at ``path`` (or its nearest ancestor) and its 1-based line."""
        if self._root is None:
            self._root = yaml.compose(self.text, Loader=_BaseLoader)
        node = self._root
        line = node.start_mark.line + 1 if node is not None else None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(part):
                        line, node = key_node.start_mark.line + 1, value_node
                        break
                else:
                    return None, line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return None, line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return None, line
        return node, line

    def line_of(self, path: Sequence[object]) -> int | None:
        """1-based line of the value at ``path`` (of its key, for mapping entries)."""
        return self._node_at(path)[1]

    def raw_text(self, path: Sequence[object]) -> str | None:
        """The scalar exactly as written at ``path`` (``1.10`` where YAML read 1.1)."""
        node = self._node_at(path)[0]
        return node.value if isinstance(node, yaml.ScalarNode) else None


def parse(text: str, name: str) -> Document:
    """Parse ``text``; every defect becomes an :class:`InputError` naming ``name`` and a line."""
    try:
        data = yaml.load(text, Loader=StrictLoader)
    except _DuplicateKey as dup:
        raise InputError.single(
            name, dup.line, f"duplicate key {dup.key!r} (first at line {dup.first_line})"
        ) from None
    except _Unhashable as bad:
        raise InputError.single(name, bad.line, "a mapping key must be plain text") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        what = err.problem or err.context or "cannot be read"
        raise InputError.single(name, line, f"invalid YAML: {what}") from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow; it has a position, not a mark
        line = text.count("\n", 0, err.position) + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        raise InputError.single(name, line, f"invalid YAML: character U+{code:04X} is not allowed in YAML text"
                                ) from None
    except yaml.YAMLError as err:
        raise InputError.single(name, None, "invalid YAML: " + " ".join(str(err).split())) from None
    except (ValueError, TypeError, OverflowError) as err:
        raise InputError.single(name, None, f"invalid YAML value: {err}") from None
    return Document(name=name, text=text, data=data)


def read(path: str) -> Document:
    """Read a file as UTF-8 (``-`` is stdin) and parse it."""
    import sys

    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        else:
            with open(path, "rb") as handle:
                raw = handle.read()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise InputError.single(name, None, "no such file") from None
    except IsADirectoryError:
        raise InputError.single(name, None, "is a directory, not a file") from None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise InputError.single(name, line, f"not UTF-8 text: byte 0x{raw[err.start]:02X} cannot be read "
                                "(save the file as UTF-8)") from None
    except OSError as err:
        raise InputError.single(name, None, err.strerror or str(err)) from None
    return parse(text, name)
